"""Loading a matrix data file: whole and checked, or not at all."""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from matrix import limits
from matrix.districts import DistrictIndex, fold_variants
from matrix.errors import RusmatriseError
from matrix.fields import DOMAIN_FIELDS, FactField, fact_fields
from matrix.messages import Lang, t
from matrix.model import AllOf, Always, AnyOf, Compare, Condition, Group, HousingSituation, MatrixData

DEFAULT_MATRIX = "oslo.toml"


class MatrixError(RusmatriseError):
    """A matrix file that cannot be used: which file, where in it, and why.

    `kode` is "matrisefil" (one line per problem: key path and reason) or, for a file that
    cannot be read or parsed at all, "matrise_les"/"matrise_toml"/"matrise_dybde".
    """

    def __init__(self, path: str, problems: list[tuple[str, str]], kind: str = "matrisefil") -> None:
        self.path = path
        self.problems = problems  # (key path, reason)
        super().__init__(kind, {"fil": path, "grunn": problems[0][1] if problems else ""})

    def message(self, lang: Lang = "nb") -> str:
        if self.kode != "matrisefil":
            return t(self.kode, lang, fil=self.path, grunn=_in(self.problems[0][1], lang))
        return "\n".join(t("matrisefil", lang, fil=self.path, sti=sti, grunn=_in(grunn, lang)) for sti, grunn in self.problems)


class Reason(str):
    """Why a part of the file is wrong: the English text (as a str), and the catalog key to say it in any language."""

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, **params: object) -> Reason:
        reason = super().__new__(cls, t(key, "en", **params))
        reason.key, reason.params = key, params
        return reason

    def text(self, lang: Lang) -> str:
        return t(self.key, lang, **self.params)


def _in(reason: str, lang: Lang) -> str:
    return reason.text(lang) if isinstance(reason, Reason) else reason


# pydantic's error types → our catalog; any other type is shown as "ugyldig verdi" with its own English text
_PYDANTIC: dict[str, str] = {
    "missing": "mf_mangler",
    "extra_forbidden": "mf_ukjent_nokkel",
    "string_too_short": "mf_tom",
    "string_type": "mf_tekst",
    "int_type": "mf_heltall",
    "int_parsing": "mf_heltall",
    "int_from_float": "mf_heltall",
    "bool_type": "mf_janei",
    "bool_parsing": "mf_janei",
    "float_type": "mf_tall",
    "float_parsing": "mf_tall",
    "list_type": "mf_liste",
    "dict_type": "mf_tabell",
    "model_type": "mf_tabell",
    "model_attributes_type": "mf_tabell",
    "too_short": "mf_for_kort",
    "too_long": "mf_for_lang",
    "greater_than_equal": "mf_minst",
    "less_than_equal": "mf_hoyst",
    "literal_error": "mf_en_av",
}


def _pydantic_reason(error: Any) -> str:
    context = error.get("ctx") or {}
    cause = context.get("error")
    if isinstance(cause, ValueError) and cause.args and isinstance(cause.args[0], Reason):
        return cause.args[0]
    key = _PYDANTIC.get(error["type"])
    if key is None:
        return Reason("mf_ugyldig", detalj=error["msg"])
    params = {"min": context.get("min_length", context.get("ge", "")), "max": context.get("max_length", context.get("le", "")),
              "verdier": context.get("expected", "")}
    return Reason(key, **params)


@dataclass
class Matrix:
    """A loaded matrix: the validated data plus the lookups every part of the product uses."""

    data: MatrixData
    path: str
    sha256: str
    groups: dict[int, Group] = field(init=False)
    housing: dict[str, HousingSituation] = field(init=False)
    districts: DistrictIndex = field(init=False)

    def __post_init__(self) -> None:
        self.groups = {g.nr: g for g in sorted(self.data.gruppe, key=lambda g: g.nr)}
        self.housing = {h.kode: h for h in self.data.boligsituasjon}
        self.districts = DistrictIndex(self.data.bydeler.bydel)

    @property
    def version(self) -> str:
        return self.data.matrise.versjon

    @cached_property
    def fields(self) -> dict[str, FactField]:
        return fact_fields(tuple(self.groups), tuple(self.housing))

    @cached_property
    def housing_lookup(self) -> dict[str, str]:
        """Folded spelling → housing-situation code (codes, their texts and aliases)."""
        lookup: dict[str, str] = {}
        for situation in self.data.boligsituasjon:
            for spelling in (situation.kode, situation.tekst, *situation.alias):
                for key in fold_variants(spelling):
                    lookup[key] = situation.kode
        return lookup

    def _party(self, code: str, district: str) -> str:
        party = next(a for a in self.data.ansvar if a.kode == code)
        return party.visning.format(bydel=district)

    def party_in_words(self, code: str, lang: Lang) -> str:
        """A responsible party without a person: 'Bydelen (personens)' / 'Velferdsetaten'."""
        party = next(a for a in self.data.ansvar if a.kode == code)
        return t("ansvar_bydelen", lang) if "{bydel}" in party.visning else party.visning

    def responsible_name(self, group: int, district: str) -> str:
        """Who settles a person of `group` from `district` (bosettingsansvar)."""
        return self._party(self.groups[group].ansvar.verdi, district)

    def provider_name(self, group: int, district: str) -> str:
        """Who provides the home for `group` (for group 5: Velferdsetaten, while the district settles)."""
        return self._party(self.groups[group].boligtilbyder.verdi, district)

    def tier_text(self, tier_id: str, lang: Lang = "nb") -> str:
        """A tier of the service chain as people read it: "T2: Langvarige mildere problemer / …"
        (the code alone says nothing); a code the chain does not describe stays as it is."""
        tier = next((tier for tier in self.data.niva if tier.id == tier_id), None)
        return f"{tier_id}: {tier.text(lang)}" if tier else tier_id

    def responsibility_text(self, group: int, district: str, lang: Lang = "nb") -> str:
        """Who settles and who provides the home, in words; assumed parts marked."""
        g = self.groups[group]
        return t("ansvar_tekst", lang, bosetter=self.responsible_name(group, district), bosetter_antatt=" *" if g.ansvar.antatt else "",
                 tilbyder=self.provider_name(group, district), tilbyder_antatt=" *" if g.boligtilbyder.antatt else "",
                 boligtype=g.boligtype.text(lang))


def _default_path() -> Path:
    return Path(str(resources.files("matrix") / "data" / DEFAULT_MATRIX))


def load_matrix(path: str | Path | None = None) -> Matrix:
    """Read, validate and cross-check a matrix file. Raises MatrixError naming every problem."""
    file = Path(path) if path is not None else _default_path()
    shown = str(file)
    try:
        with file.open("rb") as opened:
            raw_bytes = opened.read(limits.MAX_MATRIX_BYTES + 1)
    except OSError as error:
        raise MatrixError(shown, [("", error.strerror or str(error))], kind="matrise_les") from None
    if len(raw_bytes) > limits.MAX_MATRIX_BYTES:
        raise MatrixError(shown, [("", f"larger than {limits.MAX_MATRIX_BYTES} bytes")], kind="matrise_les")
    try:
        raw = tomllib.loads(raw_bytes.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise MatrixError(shown, [("", Reason("mf_utf8", grunn=error.reason))], kind="matrise_toml") from None
    except tomllib.TOMLDecodeError as error:
        raise MatrixError(shown, [("", str(error))], kind="matrise_toml") from None
    except RecursionError:
        raise MatrixError(shown, [("", f"nested deeper than {limits.MAX_CONDITION_DEPTH} levels")], kind="matrise_toml") from None
    if _nesting(raw) > limits.MAX_CONDITION_DEPTH * 2 + _DATA_NESTING:
        raise MatrixError(shown, [("", f"conditions nested deeper than {limits.MAX_CONDITION_DEPTH} levels")], kind="matrise_toml")
    try:
        data = MatrixData.model_validate(raw)
    except ValidationError as error:
        raise MatrixError(shown, [(_key_path(e["loc"]), _pydantic_reason(e)) for e in error.errors()]) from None
    matrix = Matrix(data=data, path=shown, sha256=hashlib.sha256(raw_bytes).hexdigest())
    problems = list(_cross_check(matrix))
    if problems:
        raise MatrixError(shown, problems)
    return matrix


_DATA_NESTING = 6  # tables and arrays around a condition: [beslutningstabell] → regel → [] → naar


def _nesting(value: object) -> int:
    """How deeply tables and arrays nest (a condition level is a table and its list), without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _key_path(loc: tuple[int | str, ...]) -> str:
    """('gruppe', 3, 'navn') → 'gruppe #4 → navn' (1-based, as a person counts [[gruppe]] blocks)."""
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int) and parts:
            parts[-1] = f"{parts[-1]} #{item + 1}"
        elif item != "sammenligning":  # the discriminator's tag, not a key in the file
            parts.append(str(item))
    return " → ".join(parts)


def _duplicates(values: list[object]) -> list[object]:
    seen: set[object] = set()
    return [v for v in values if v in seen or seen.add(v)]  # type: ignore[func-returns-value]


def _cross_check(m: Matrix) -> Iterator[tuple[str, str]]:
    """References between parts of the file: every name used is defined, every id unique."""
    d = m.data
    for nr in _duplicates([g.nr for g in d.gruppe]):
        yield "gruppe", Reason("mf_gruppe_to_ganger", gruppe=nr)
    codes = {a.kode for a in d.ansvar}
    for i, g in enumerate(d.gruppe):
        for key in ("ansvar", "boligtilbyder"):
            code = getattr(g, key).verdi
            if code not in codes:
                yield f"gruppe #{i + 1} → {key} → verdi", Reason("mf_ikke_ansvar", verdi=code, gyldige=", ".join(sorted(codes)))
    for code in _duplicates([h.kode for h in d.boligsituasjon]):
        yield "boligsituasjon", Reason("mf_kode_to_ganger", kode=code)
    rules = d.beslutningstabell.regel
    for rid in _duplicates([r.id for r in rules]):
        yield "beslutningstabell → regel", Reason("mf_kode_to_ganger", kode=rid)
    for i, rule in enumerate(rules):
        where = f"beslutningstabell → regel #{i + 1} ({rule.id})"
        if rule.gruppe not in m.groups:
            yield f"{where} → gruppe", Reason("mf_gruppe_mangler", gruppe=rule.gruppe)
        yield from _check_condition(rule.naar, m.fields, where + " → naar", max_stage=1)
    for kind in ("advarsel", "merknad"):
        flags = getattr(d, kind)
        for code in _duplicates([f.kode for f in flags]):
            yield kind, Reason("mf_kode_to_ganger", kode=code)
        for i, flag in enumerate(flags):
            yield from _check_condition(flag.naar, m.fields, f"{kind} #{i + 1} ({flag.kode}) → naar", max_stage=2)
    providers = {p.navn for p in d.tilbyder}
    for tid in _duplicates([tier.id for tier in d.niva]):
        yield "niva", Reason("mf_kode_to_ganger", kode=tid)
    for i, tier in enumerate(d.niva):
        for nr in tier.grupper:
            if nr not in m.groups:
                yield f"niva #{i + 1} ({tier.id}) → grupper", Reason("mf_gruppe_mangler", gruppe=nr)
        for nr in tier.lagt_til.grupper if tier.lagt_til else []:
            if nr not in tier.grupper or nr in tier.grupper_trykt:
                yield f"niva #{i + 1} ({tier.id}) → lagt_til", f"group {nr} is not one the product adds to the printed range"
        for j, service in enumerate(tier.tjenester):
            if service.tilbyder not in providers:
                yield (
                    f"niva #{i + 1} ({tier.id}) → tjenester #{j + 1} → tilbyder",
                    Reason("mf_ikke_tilbyder", verdi=service.tilbyder, gyldige=", ".join(sorted(providers))),
                )
    if d.avlastning.tilbyder not in providers:
        yield "avlastning → tilbyder", Reason("mf_ikke_tilbyder", verdi=d.avlastning.tilbyder, gyldige=", ".join(sorted(providers)))
    districts = d.bydeler.bydel
    for nr in _duplicates([b.nr for b in districts]):
        yield "bydeler → bydel", Reason("mf_kode_to_ganger", kode=nr)
    for name in _duplicates([b.navn for b in districts]):
        yield "bydeler → bydel", Reason("mf_kode_to_ganger", kode=name)
    yield from _check_supply(m)
    for i, question in enumerate(d.sporsmal):
        if question.felt not in DOMAIN_FIELDS:
            yield f"sporsmal #{i + 1} → felt", Reason("mf_en_av", verdier=", ".join(DOMAIN_FIELDS))


def _check_supply(m: Matrix) -> Iterator[tuple[str, str]]:
    """Supply series name known districts and groups; events name known categories and never
    take a category below zero; categories compared together serve the same groups."""
    colocated, vel = m.data.samlokaliserte_boliger, m.data.vel_plasser
    for i, series in enumerate(colocated.bydel):
        if m.districts.resolve(series.bydel) is None:
            yield f"samlokaliserte_boliger → bydel #{i + 1} → bydel", Reason("mf_ikke_bydel", verdi=series.bydel)
    for name in _duplicates([s.bydel for s in colocated.bydel]):
        yield "samlokaliserte_boliger → bydel", f"district '{name}' has two series"
    compared = [("samlokaliserte_boliger → sammenlignes_med", colocated.sammenlignes_med.grupper)]
    compared += [(f"vel_plasser → kategori #{i + 1} → sammenlignes_med", c.sammenlignes_med.grupper) for i, c in enumerate(vel.kategori)]
    for where, groups in compared:
        for nr in groups:
            if nr not in m.groups:
                yield where, Reason("mf_gruppe_mangler", gruppe=nr)
    names = [c.navn for c in vel.kategori]
    for name in _duplicates(names):
        yield "vel_plasser → kategori", f"category '{name}' is defined twice"
    sets = {frozenset(c.sammenlignes_med.grupper) for c in vel.kategori if c.sammenlignes_med.grupper}
    for a in sets:
        for b in sets:
            if a != b and a & b:
                yield "vel_plasser → kategori → sammenlignes_med", (
                    f"groups {sorted(a & b)} are compared with two different sets of categories; "
                    "give them the same groups or none in common")
    for i, change in enumerate(vel.endring):
        for key in ("kategori", "til_kategori"):
            name = getattr(change, key)
            if name is not None and name not in names:
                yield f"vel_plasser → endring #{i + 1} → {key}", f"'{name}' is not a [[vel_plasser.kategori]] ({', '.join(names)})"
    for i, goal in enumerate(vel.maal):
        if goal.kategori not in names:
            yield f"vel_plasser → maal #{i + 1} → kategori", f"'{goal.kategori}' is not a [[vel_plasser.kategori]]"
    from matrix.supply import supply_on  # here, not at the top: supply reads a loaded Matrix

    for day in sorted({c.dato for c in vel.endring}):
        for category in supply_on(m, day).vel:
            if category.plasser is not None and category.plasser < 0:
                yield "vel_plasser → endring", f"category '{category.kategori}' has {category.plasser} places on {day.isoformat()}"


def _check_condition(cond: Condition, fields: dict[str, FactField], where: str, max_stage: int) -> Iterator[tuple[str, str]]:
    if isinstance(cond, AllOf | AnyOf):
        parts = cond.alle if isinstance(cond, AllOf) else cond.minst_en
        key = "alle" if isinstance(cond, AllOf) else "minst_en"
        for i, part in enumerate(parts):
            yield from _check_condition(part, fields, f"{where} → {key} #{i + 1}", max_stage)
        return
    if isinstance(cond, Always):
        return
    assert isinstance(cond, Compare)
    spec = fields.get(cond.felt)
    if spec is None or spec.stage > max_stage:
        allowed = sorted(f for f, s in fields.items() if s.stage <= max_stage)
        yield f"{where} → felt", Reason("mf_felt_her", felt=cond.felt, gyldige=", ".join(allowed))
        return
    values = cond.value if isinstance(cond.value, list) else [cond.value]
    numeric = spec.kind in ("skala", "heltall")
    if cond.operator in ("minst", "hoyst", "over", "under") and not numeric:
        yield f"{where} → {cond.operator}", Reason("mf_ikke_tall", felt=cond.felt)
        return
    for value in values:
        ok = (
            isinstance(value, bool)
            if spec.kind == "janei"
            else isinstance(value, int) and not isinstance(value, bool)
            if numeric
            else isinstance(value, str)
        )
        if ok and spec.values is not None and cond.operator in ("lik", "ulik", "en_av") and value not in spec.values:
            ok = False
        if not ok:
            domain = ", ".join(str(v).lower() for v in spec.values) if spec.values else spec.kind
            yield f"{where} → {cond.operator}", Reason("mf_ikke_verdi", verdi=repr(value), felt=cond.felt, gyldige=domain)
