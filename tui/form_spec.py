"""The assessment form as data: one `FieldSpec` per canonical field, built from the matrix.

Question texts and the five level descriptions come from the matrix file (`[[sporsmal]]`),
districts and housing situations from its lists, value sets from `matrix.fields`; only
the labels of fixed fields live in the UI's text catalog. The form widget renders whatever
this returns, so a municipality that rewords its questions changes the form without code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from matrix.fields import DOMAIN_FIELDS, TILSYNSBEHOV, VARIGHET
from matrix.load import Matrix
from matrix.messages import Lang, t
from matrix.values import DECLINED

Kind = Literal["text", "date", "int", "select", "choice"]
YES, NO = "ja", "nei"


@dataclass(frozen=True)
class FieldSpec:
    felt: str
    label: str
    kind: Kind
    section: str
    help: str = ""
    options: tuple[tuple[str, str], ...] = ()  # (value as the parser accepts it, label)
    shortcuts: tuple[tuple[str, str], ...] | None = None  # key → value, for choices
    required: bool = False
    short: str = ""  # a short name for lists ("Missing: …"); the label when empty

    @property
    def name(self) -> str:
        return self.short or self.label


def _yes_no(lang: Lang) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    options = ((YES, t("ja", lang)), (NO, t("nei", lang)))
    keys = (("j", YES), ("y", YES), ("n", NO), ("1", YES), ("2", NO))
    return options, keys


def form_fields(matrix: Matrix, lang: Lang) -> list[FieldSpec]:
    """Every field of the assessment form, in the order the caseworker meets them."""
    en = lang == "en"
    questions = {q.felt: q for q in matrix.data.sporsmal}
    yes_no, yes_no_keys = _yes_no(lang)
    person = t("f_section_person", lang)
    specs: list[FieldSpec] = [
        FieldSpec("person_id", t("f_person_id", lang), "text", person, t("f_person_id_help", lang), required=True),
        FieldSpec(
            "bydel", t("f_bydel", lang), "select", person,
            options=tuple((d.navn, f"{d.nr:02d} {d.navn}") for d in matrix.districts.districts), required=True,
        ),
        FieldSpec("vurdert_dato", t("f_vurdert_dato", lang), "date", person, t("f_vurdert_dato_help", lang)),
    ]  # fmt: skip
    domains = t("f_section_domains", lang)
    for name in DOMAIN_FIELDS:
        q = questions.get(name)
        levels = q.levels("en" if en else "nb") if q else [str(i) for i in range(1, 6)]
        label = (q.tekst_en if en else q.tekst) if q else name
        specs.append(
            FieldSpec(
                name, label, "choice", domains, help=q.help_text("en" if en else "nb") if q else "",
                options=tuple((str(i + 1), f"{i + 1} {text}") for i, text in enumerate(levels)), required=True,
            )
        )  # fmt: skip
    needs = t("f_section_needs", lang)
    specs.append(
        FieldSpec(
            "tilsynsbehov", t("f_tilsynsbehov", lang), "choice", needs, short=t("n_tilsynsbehov", lang),
            options=tuple((v, f"{i + 1} {t('tilsyn_' + v, lang)}") for i, v in enumerate(TILSYNSBEHOV)), required=True,
        )
    )  # fmt: skip
    for name in ("behandlingsbehov", "vold_trusler", "brannrisiko"):
        specs.append(
            FieldSpec(
                name,
                t(f"f_{name}", lang),
                "choice",
                needs,
                options=yes_no,
                shortcuts=yes_no_keys,
                required=True,
                short=t(f"n_{name}", lang),
            )
        )
    specs.append(
        FieldSpec(
            "varighet", t("f_varighet", lang), "choice", needs, short=t("n_varighet", lang),
            options=tuple((v, f"{i + 1} {t('varighet_' + v, lang)}") for i, v in enumerate(VARIGHET)), required=True,
        )
    )  # fmt: skip
    specs.append(
        FieldSpec(
            "avlastningsbehov", t("f_avlastningsbehov", lang), "choice", needs,
            options=yes_no, shortcuts=yes_no_keys, short=t("n_avlastningsbehov", lang),
        )
    )  # fmt: skip
    housing = t("f_section_housing", lang)
    specs.append(
        FieldSpec(
            "boligsituasjon", t("f_boligsituasjon", lang), "select", housing, short=t("n_boligsituasjon", lang),
            options=tuple((h.kode, h.tekst) for h in matrix.data.boligsituasjon), required=True,
        )
    )  # fmt: skip
    optional = t("f_section_optional", lang)
    specs += [
        FieldSpec(
            "institusjonsinntak_12m", t("f_institusjonsinntak_12m", lang), "int", optional, short=t("n_institusjonsinntak_12m", lang)
        ),
        FieldSpec(
            "livskvalitet", t("f_livskvalitet", lang), "select", optional,
            options=quality_of_life_options(lang), short=t("n_livskvalitet", lang),
        ),
        FieldSpec("kjonn", t("f_kjonn", lang), "text", optional),
        FieldSpec("fodselsar", t("f_fodselsar", lang), "int", optional),
        FieldSpec(
            "tidligere_gruppe", t("f_tidligere_gruppe", lang), "select", optional,
            options=tuple((str(nr), f"{nr} {g.navn.text(lang)}") for nr, g in matrix.groups.items()),
        ),
        FieldSpec("brukers_onske", t("f_brukers_onske", lang), "text", optional, short=t("n_brukers_onske", lang)),
    ]  # fmt: skip
    return specs


def shown_value(spec: FieldSpec, raw: object) -> str:
    """A stored value as the form field holds it (booleans as ja/nei, numbers as text)."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return YES if raw else NO
    if spec.kind == "date":
        return shown_date(raw)
    return str(raw)


def shown_date(raw: object) -> str:
    """ISO dates as people here write them (31.12.2024); anything else unchanged."""
    if isinstance(raw, date):
        return raw.strftime("%d.%m.%Y")
    try:
        return date.fromisoformat(str(raw)).strftime("%d.%m.%Y")
    except ValueError:
        return str(raw)


def quality_of_life_options(lang: Lang) -> tuple[tuple[str, str], ...]:
    """1–7 with the seed's end labels, and «Ønsker ikke å svare» as an answer of its own."""
    labels = {1: t("livskvalitet_1", lang), 7: t("livskvalitet_7", lang)}
    return (*((str(i), labels.get(i, str(i))) for i in range(1, 8)), (DECLINED, t("livskvalitet_avslag", lang)))
