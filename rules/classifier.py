"""Classification: an assessment in, the group with its reasons and consequences out.

The decision table, warnings and notes are compiled into two durable-rules condition sets
(stage 1: the table rows; stage 2: warnings and notes, which may also read the group and
coverage). Each rule's comparisons are compiled alongside it, so the engine also says which
parts of the deciding rule held: the explanation is the engine's own trace.

Results depend only on how each field compares with the constants the rules use. That is the
public evaluation API used by every batch path, the table check, the TUI and the demo:

- `field_class`, `domain_class`, `age_class` and `class_key`: an input's equivalence class;
- `decide`: the deciding row (stage 1); `verdict`: group, rule, coverage, warnings and notes
  of a whole class, memoised per `class_key`, so the engine runs once per class;
- `flag_codes` and `reassessment_codes`: the stage-2 flags of a decided input.

Each derived fact is built in one place: `table_fact` (the highest domain score, `maks`) and
`stage_two_fact` (the group, coverage and days since the assessment).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from matrix.assessment import Assessment, AssessmentInvalid, FieldError, parse_assessment
from matrix.errors import RusmatriseError
from matrix.fields import DOMAIN_FIELDS
from matrix.load import Matrix
from matrix.messages import Lang, t
from matrix.model import Always, Compare, Flag
from matrix.values import DECLINED
from rules._stage import ATOM, MEMO_LIMIT, Stage
from rules.conditions import comparisons, describe, fields_read, seen_value
from rules.result import Classification, Explanation, FlagItem, HeldCondition, ServiceItem

if TYPE_CHECKING:
    from service_chain import ServiceChain

AGE_FIELD = "dager_siden_vurdering"
DERIVED_FIELDS = ("maks",)


class TableGap(RusmatriseError):
    """No row of the decision table matches: the table is incomplete for this input."""

    def __init__(self, profile: Mapping[str, Any]) -> None:
        self.profile = dict(profile)
        super().__init__("hull", {"profil": ", ".join(f"{k}={v}" for k, v in sorted(self.profile.items()))})


def table_fact(values: Mapping[str, Any]) -> dict[str, Any]:
    """The stage-1 fact: the canonical values plus the derived `maks` (the highest domain score).

    The one place `maks` is built. A declined answer («vil ikke svare») is an answer but not
    a value the rules can compare, so the rules read it as not given."""
    fact = {name: None if value == DECLINED else value for name, value in values.items()}
    fact["maks"] = max(values[name] for name in DOMAIN_FIELDS)
    return fact


def days_since(day: date | None, today: date) -> int | None:
    """Days from the assessment to `today` (None without an assessment date)."""
    return None if day is None else (today - day).days


def stage_two_fact(fact: Mapping[str, Any], gruppe: int, dekning: str, days: int | None) -> dict[str, Any]:
    """The stage-2 fact the warnings and notes read: the stage-1 fact, the group, coverage and
    the days since the assessment (left out when there is no date). The one place it is built."""
    second = {**fact, "gruppe": gruppe, "dekning": dekning}
    if days is not None:
        second[AGE_FIELD] = days
    return second


@dataclass(frozen=True)
class Decision:
    """What the engine said about one stage-1 fact."""

    regel: str  # the deciding row's id (hit policy FIRST)
    gruppe: int
    matched: tuple[str, ...]  # ids of every row that matched, in table order
    held: frozenset[str]  # names of comparisons that held


@dataclass(frozen=True)
class Verdict:
    """Everything a class of equivalent inputs decides: the same for every input in it."""

    regel: str
    gruppe: int
    dekning: str
    advarsler: tuple[str, ...]
    merknader: tuple[str, ...]


@dataclass(frozen=True)
class NotEnoughInformation:
    """The outcome while required fields are missing or invalid: which, never a default group."""

    missing: list[str]
    invalid: list[FieldError]

    def message(self, lang: Lang = "nb") -> str:
        names = self.missing + [e.felt for e in self.invalid]
        return t("ikke_nok_info", lang, felt=", ".join(names))


def coverage(matrix: Matrix, group: int, housing_code: str) -> str:
    """dekket / udekket / overdekket / ukjent: the current housing level against the group's."""
    situation = matrix.housing[housing_code]
    if situation.ukjent or situation.boligniva is None:
        return "ukjent"
    needed = matrix.groups[group].boligniva
    if situation.boligniva == 0 or situation.boligniva < needed:
        return "udekket"
    return "dekket" if situation.boligniva == needed else "overdekket"


class Classifier:
    """Classifies assessments under one matrix. Thread-safe; memory bounded."""

    def __init__(self, matrix: Matrix, chain: ServiceChain | None = None) -> None:
        self.matrix = matrix
        self._chain = chain
        self.rows = matrix.data.beslutningstabell.regel
        self._table = Stage({row.id: row.naar for row in self.rows}, "tabell")
        self.flags: list[Flag] = [*matrix.data.advarsel, *matrix.data.merknad]
        self._warning_codes = {f.kode for f in matrix.data.advarsel}
        self._flag_by_code: dict[str, Flag] = {f.kode: f for f in self.flags}
        self._reassess_codes = {f.kode for f in self.flags if AGE_FIELD in fields_read(f.naar)}
        self._flag_stage = Stage({f.kode: f.naar for f in self.flags}, "varsler")
        self.warning_codes = frozenset(self._warning_codes)
        self.flag_fields: dict[str, tuple[str, ...]] = {f.kode: tuple(sorted(fields_read(f.naar))) for f in self.flags}
        self._flag_holds: dict[tuple[str, tuple[Hashable, ...]], bool] = {}
        stage_one = [name for name, spec in matrix.fields.items() if spec.stage == 1]
        self.class_fields: tuple[str, ...] = tuple(n for n in stage_one if n not in DOMAIN_FIELDS and n not in DERIVED_FIELDS)
        self._services: dict[tuple[int, str, bool], list[ServiceItem]] = {}
        self._field_classes: dict[tuple[str, Any], Hashable] = {}
        self._domain_classes: dict[tuple[Any, ...], Hashable] = {}
        self._verdicts: dict[Hashable, Verdict] = {}

    @property
    def chain(self) -> ServiceChain:
        """The service chain (a networkx graph), built on first use: batch runs never need it."""
        if self._chain is None:
            from service_chain import ServiceChain

            self._chain = ServiceChain(self.matrix)
        return self._chain

    def forget(self) -> None:
        """Drop every memoised evaluation, so the next ones reach the engine (tests, benchmarks)."""
        self._table.memo.clear()
        self._flag_stage.memo.clear()
        self._flag_holds.clear()
        self._verdicts.clear()

    # -- equivalence classes ---------------------------------------------------------------
    def field_class(self, name: str, value: Any) -> Hashable:
        """How one validated field value compares with every constant either stage uses for it.

        Inputs whose fields are all in the same classes get the same verdict. The housing
        situation is also kept as itself: coverage (dekning) reads it outside the rules."""
        if value == DECLINED:  # as table_fact reads it
            value = None
        key = (name, value)
        found = self._field_classes.get(key)
        if found is None:
            own = value if name == "boligsituasjon" else None
            found = (self._table.value_class(name, value), self._flag_stage.value_class(name, value), own)
            if len(self._field_classes) >= MEMO_LIMIT:
                self._field_classes.clear()
            self._field_classes[key] = found
        return found

    def domain_class(self, values: Mapping[str, Any]) -> Hashable:
        """The class of the six domain scores together, with the `maks` they derive."""
        scores = tuple(values[name] for name in DOMAIN_FIELDS)
        found = self._domain_classes.get(scores)
        if found is None:
            parts = tuple(self.field_class(name, score) for name, score in zip(DOMAIN_FIELDS, scores, strict=True))
            found = (*parts, *(self.field_class(name, table_fact(values)[name]) for name in DERIVED_FIELDS))
            if len(self._domain_classes) >= MEMO_LIMIT:
                self._domain_classes.clear()
            self._domain_classes[scores] = found
        return found

    def age_class(self, days: int | None) -> Hashable:
        """The class of the days since the assessment (None: no assessment date)."""
        return self._flag_stage.value_class(AGE_FIELD, days)

    def class_key(self, values: Mapping[str, Any], days: int | None) -> Hashable:
        """The equivalence-class key of a validated input and its assessment age: inputs with
        equal keys get equal verdicts."""
        field_class = self.field_class
        return (self.domain_class(values), tuple(field_class(n, values.get(n)) for n in self.class_fields), self.age_class(days))

    # -- deciding --------------------------------------------------------------------------
    @property
    def table_fields(self) -> tuple[str, ...]:
        """The fact fields the decision table reads (derived ones included)."""
        return self._table.fields

    def table_thresholds(self, name: str) -> list[object]:
        """The integers the table compares an open-ended integer field with ([] if none)."""
        return list(self._table.thresholds.get(name, []))

    def table_class(self, values: Mapping[str, Any]) -> Hashable:
        """The class of an input as the decision table alone sees it."""
        return self._table.key(table_fact(values))

    def decide(self, values: Mapping[str, Any]) -> Decision:
        """The first matching row (hit policy FIRST) for validated values, and everything else that matched."""
        fact = table_fact(values)
        held = self._table.holding(fact)
        matched = tuple(row for row in self.rows if row.id in held)
        if not matched:
            raise TableGap({k: fact.get(k) for k in self._table.fields})
        return Decision(matched[0].id, matched[0].gruppe, tuple(row.id for row in matched), held)

    def flag_codes(self, values: Mapping[str, Any], gruppe: int, dekning: str, days: int | None) -> list[str]:
        """The warnings' and notes' codes that hold for a decided input, in the matrix's order."""
        fact = stage_two_fact(table_fact(values), gruppe, dekning, days)
        return [f.kode for f in self.flags if self._holds(f.kode, fact)]

    def flag_text(self, code: str, lang: Lang = "nb") -> str:
        """A warning's or note's readable text in `lang` (what people read instead of its code)."""
        return self._flag_by_code[code].text(lang)

    def flag_holds(self, code: str, values: Mapping[str, Any], gruppe: int, dekning: str, days: int | None) -> bool:
        """Whether one warning or note holds for a decided input.

        A flag reads only its own fields (`flag_fields[code]`): the engine is asked once per class
        of those, not once per class of every field any flag reads (which would be their product)."""
        return self._holds(code, stage_two_fact(table_fact(values), gruppe, dekning, days))

    def _holds(self, code: str, fact: Mapping[str, Any]) -> bool:
        names = self.flag_fields[code]
        key = (code, tuple(self._flag_stage.value_class(name, fact.get(name)) for name in names))
        held = self._flag_holds.get(key)
        if held is None:
            if len(self._flag_holds) >= MEMO_LIMIT:
                self._flag_holds.clear()
            own = {name: fact[name] for name in names if fact.get(name) is not None}
            held = self._flag_holds[key] = code in self._flag_stage.holding(own)
        return held

    def reassessment_codes(self, values: Mapping[str, Any], gruppe: int, dekning: str, days: int | None) -> list[str]:
        """The notes that ask for a new assessment (those reading the days since it, e.g. N-gammel)."""
        return [code for code in self.flag_codes(values, gruppe, dekning, days) if code in self._reassess_codes]

    def reassessment_after_days(self) -> int | None:
        """The fewest days since an assessment at which a reassessment note (N-gammel: `over =
        365`, so 366) can hold, read from the matrix's own conditions on the assessment's age;
        None when the matrix has no such note. The caseload filters on it in the database."""
        found = [
            compare.over + 1 if compare.over is not None else compare.minst
            for flag in self.flags
            if flag.kode in self._reassess_codes
            for _, compare in comparisons(flag.naar)
            if compare.felt == AGE_FIELD and (compare.over is not None or compare.minst is not None)
        ]
        return min((days for days in found if days is not None), default=None)

    def verdict(self, values: Mapping[str, Any], days: int | None) -> Verdict:
        """Group, rule, coverage, warnings and notes of a validated input; once per class."""
        key = self.class_key(values, days)
        found = self._verdicts.get(key)
        if found is None:
            decision = self.decide(values)
            dekning = coverage(self.matrix, decision.gruppe, values["boligsituasjon"])
            codes = self.flag_codes(values, decision.gruppe, dekning, days)
            found = Verdict(decision.regel, decision.gruppe, dekning, tuple(c for c in codes if c in self._warning_codes),
                            tuple(c for c in codes if c not in self._warning_codes))
            if len(self._verdicts) >= MEMO_LIMIT:
                self._verdicts.clear()
            self._verdicts[key] = found
        return found

    # -- results ---------------------------------------------------------------------------
    def evaluate(self, raw: Mapping[str, Any], lang: Lang = "nb", today: date | None = None) -> Classification | NotEnoughInformation:
        """A possibly incomplete assessment (a form being filled in): the result, or what is missing."""
        try:
            assessment = parse_assessment(raw, self.matrix)
        except AssessmentInvalid as invalid:
            return NotEnoughInformation(invalid.missing_fields, [e for e in invalid.errors if not e.missing])
        return self.classify(assessment, lang=lang, today=today)

    def classify(self, assessment: Assessment, lang: Lang = "nb", today: date | None = None) -> Classification:
        values = assessment.model_dump(exclude={"ekstra"})
        decision = self.decide(values)
        group = self.matrix.groups[decision.gruppe]
        dekning = coverage(self.matrix, decision.gruppe, assessment.boligsituasjon)
        codes = self.flag_codes(values, decision.gruppe, dekning, days_since(assessment.vurdert_dato, today or date.today()))
        flag_items = [FlagItem(kode=c, tekst=self.flag_text(c, lang)) for c in codes]
        explanation = self._explain(decision, table_fact(values), lang)
        return Classification(
            gruppe=decision.gruppe,
            regel=decision.regel,
            begrunnelse=self._reason_text(explanation, decision.gruppe, lang),
            navn=group.navn.text(lang),
            boligtype=group.boligtype.verdi,
            boligstandard=group.boligstandard.verdi,
            bemanning=group.bemanning.verdi,
            beliggenhet=group.beliggenhet.verdi,
            ansvar=group.ansvar.verdi,
            ansvarlig=self.matrix.responsible_name(decision.gruppe, assessment.bydel),
            dekning=dekning,
            tjenester=self._service_items(decision.gruppe, assessment.varighet, assessment.avlastningsbehov),
            advarsler=[f for f in flag_items if f.kode in self._warning_codes],
            merknader=[f for f in flag_items if f.kode not in self._warning_codes],
            matrise_versjon=self.matrix.version,
            forklaring=explanation,
            boligtilbyder=group.boligtilbyder.verdi,
            boligtilbyder_navn=self.matrix.provider_name(decision.gruppe, assessment.bydel),
            ansvar_tekst=self.matrix.responsibility_text(decision.gruppe, assessment.bydel, lang),
        )

    def with_group(self, result: Classification, assessment: Assessment, gruppe: int, lang: Lang = "nb") -> Classification:
        """The result as the caseworker decided it: what group `gruppe` implies (housing, who settles
        and provides, coverage, services) for this assessment; the suggestion and its reasons kept."""
        if gruppe == result.gruppe:
            return result
        group = self.matrix.groups[gruppe]
        return result.model_copy(update={
            "gruppe": gruppe,
            "navn": group.navn.text(lang),
            "boligtype": group.boligtype.verdi,
            "boligstandard": group.boligstandard.verdi,
            "bemanning": group.bemanning.verdi,
            "beliggenhet": group.beliggenhet.verdi,
            "ansvar": group.ansvar.verdi,
            "ansvarlig": self.matrix.responsible_name(gruppe, assessment.bydel),
            "dekning": coverage(self.matrix, gruppe, assessment.boligsituasjon),
            "tjenester": self._service_items(gruppe, assessment.varighet, assessment.avlastningsbehov),
            "boligtilbyder": group.boligtilbyder.verdi,
            "boligtilbyder_navn": self.matrix.provider_name(gruppe, assessment.bydel),
            "ansvar_tekst": self.matrix.responsibility_text(gruppe, assessment.bydel, lang),
        })

    def _service_items(self, group: int, varighet: str, respite: bool) -> list[ServiceItem]:
        key = (group, varighet, respite)
        if key not in self._services:  # few keys (groups × durations × respite): built once each
            self._services[key] = [ServiceItem(**line.as_json()) for line in self.chain.services(*key)]
        return list(self._services[key])

    def _explain(self, decision: Decision, fact: Mapping[str, Any], lang: Lang) -> Explanation:
        row = next(r for r in self.rows if r.id == decision.regel)
        held: list[HeldCondition] = []
        if not isinstance(row.naar, Always):
            for path, compare in comparisons(row.naar):
                if f"{row.id}{ATOM}{path}" in decision.held:
                    held.append(self._held(compare, fact, lang))
        return Explanation(
            regel=row.id,
            regel_tekst=row.text(lang),
            kilde=row.kilde,
            oppfylt=held,
            ogsa_truffet=list(decision.matched[1:]),
        )

    @staticmethod
    def _held(compare: Compare, fact: Mapping[str, Any], lang: Lang) -> HeldCondition:
        return HeldCondition(felt=compare.felt, betingelse=describe(compare, lang),
                             verdi=seen_value(fact.get(compare.felt), lang))

    @staticmethod
    def _reason_text(explanation: Explanation, group: int, lang: Lang) -> str:
        parts = [t("begrunnelse", lang, gruppe=group, regel=explanation.regel, tekst=explanation.regel_tekst)]
        if explanation.oppfylt:
            shown = [held.text(lang) for held in explanation.oppfylt]
            parts.append(t("betingelser_holdt", lang, liste="; ".join(shown)))
        if explanation.ogsa_truffet:
            parts.append(t("ogsa_truffet", lang, liste=", ".join(explanation.ogsa_truffet)))
        return " ".join(parts)
