"""Classification: an assessment in, the group with its reasons and consequences out.

The decision table, warnings and notes are compiled into two durable-rules condition sets
(stage 1: the table rows; stage 2: warnings and notes, which may also read the group and
coverage). Each rule's comparisons are compiled alongside it, so the engine also says which
parts of the deciding rule held: the explanation is the engine's own trace.

Results depend only on how each field compares with the constants the rules use, so each
stage memoises on that equivalence class (bounded), and repeated profiles skip the engine.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from matrix.assessment import Assessment, AssessmentInvalid, FieldError, parse_assessment
from matrix.fields import DOMAIN_FIELDS
from matrix.load import Matrix
from matrix.messages import Lang, t
from matrix.model import Always, Compare, Flag
from rules.conditions import comparisons, constants, describe, show_value, to_durable
from rules.engine import ConditionSet
from rules.result import Classification, Explanation, FlagItem, HeldCondition, ServiceItem
from service_chain import ServiceChain

_MEMO_LIMIT = 100_000
_ATOM = "@"


class TableGap(Exception):
    """No row of the decision table matches: the table is incomplete for this input."""

    def __init__(self, profile: Mapping[str, Any]) -> None:
        self.profile = dict(profile)
        super().__init__(t("hull", "en", profil=self._shown()))

    def _shown(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in sorted(self.profile.items()))

    def message(self, lang: Lang = "nb") -> str:
        return t("hull", lang, profil=self._shown())


@dataclass(frozen=True)
class Decision:
    """What the engine said about one stage-1 fact."""

    rule_index: int
    matched: tuple[int, ...]  # indices of every row that matched, in table order
    held: frozenset[str]  # names of comparisons that held


class _Stage:
    """One condition set plus what it needs to build facts and memoise them."""

    def __init__(self, named: Mapping[str, Any], label: str) -> None:
        durable: dict[str, Any] = {}
        self.thresholds: dict[str, list[object]] = {}
        found: dict[str, set[object]] = {}
        for name, cond in named.items():
            durable[name] = to_durable(cond)
            for path, compare in comparisons(cond):
                durable[f"{name}{_ATOM}{path}"] = to_durable(compare)
            for field_name, values in constants(cond).items():
                found.setdefault(field_name, set()).update(values)
        self.fields = tuple(sorted(found))
        for field_name, values in found.items():
            numbers = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
            self.thresholds[field_name] = sorted(numbers) if len(numbers) == len(values) else []
        self.engine = ConditionSet(durable, label)
        self.memo: dict[Hashable, frozenset[str]] = {}

    def key(self, fact: Mapping[str, Any]) -> tuple[Hashable, ...]:
        """Facts with equal keys compare alike with every constant in the rules."""
        parts: list[Hashable] = []
        for name in self.fields:
            value = fact.get(name)
            limits = self.thresholds[name]
            if limits and isinstance(value, int) and not isinstance(value, bool):
                parts.append((bisect_left(limits, value), value in limits))
            else:
                parts.append(value)
        return tuple(parts)

    def holding(self, fact: Mapping[str, Any]) -> frozenset[str]:
        key = self.key(fact)
        held = self.memo.get(key)
        if held is None:
            if len(self.memo) >= _MEMO_LIMIT:
                self.memo.clear()
            held = self.engine.holding({k: fact[k] for k in self.fields if fact.get(k) is not None})
            self.memo[key] = held
        return held


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
        self.chain = chain or ServiceChain(matrix)
        self.rows = matrix.data.beslutningstabell.regel
        self._row_index = {row.id: i for i, row in enumerate(self.rows)}
        self.table = _Stage({row.id: row.naar for row in self.rows}, "tabell")
        self.flags: list[Flag] = [*matrix.data.advarsel, *matrix.data.merknad]
        self._warning_codes = {f.kode for f in matrix.data.advarsel}
        self.flag_stage = _Stage({f.kode: f.naar for f in self.flags}, "varsler")
        self._services: dict[tuple[int, str, bool], list[ServiceItem]] = {}

    # -- facts -----------------------------------------------------------------------------
    @staticmethod
    def table_fact(values: Mapping[str, Any]) -> dict[str, Any]:
        """The canonical values plus derived `maks` (the highest domain score)."""
        fact = dict(values)
        fact["maks"] = max(values[name] for name in DOMAIN_FIELDS)
        return fact

    def decide(self, fact: Mapping[str, Any]) -> Decision:
        """The first matching row (hit policy FIRST), and everything else that matched."""
        held = self.table.holding(fact)
        matched = tuple(i for i, row in enumerate(self.rows) if row.id in held)
        if not matched:
            raise TableGap({k: fact.get(k) for k in self.table.fields})
        return Decision(matched[0], matched, held)

    def flag_codes(self, fact: Mapping[str, Any]) -> list[str]:
        held = self.flag_stage.holding(fact)
        return [f.kode for f in self.flags if f.kode in held]

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
        fact = self.table_fact(values)
        decision = self.decide(fact)
        row = self.rows[decision.rule_index]
        group = self.matrix.groups[row.gruppe]
        dekning = coverage(self.matrix, row.gruppe, assessment.boligsituasjon)
        flag_fact = {**fact, "gruppe": row.gruppe, "dekning": dekning}
        if assessment.vurdert_dato is not None:
            flag_fact["dager_siden_vurdering"] = ((today or date.today()) - assessment.vurdert_dato).days
        codes = self.flag_codes(flag_fact)
        flags = {f.kode: f for f in self.flags}
        flag_items = [FlagItem(kode=c, tekst=flags[c].tekst_en if lang == "en" else flags[c].tekst) for c in codes]
        explanation = self._explain(decision, fact, lang)
        return Classification(
            gruppe=row.gruppe,
            regel=row.id,
            begrunnelse=self._reason_text(explanation, row.gruppe, lang),
            navn=(group.navn.en or group.navn.verdi) if lang == "en" else group.navn.verdi,
            boligtype=group.boligtype.verdi,
            boligstandard=group.boligstandard.verdi,
            bemanning=group.bemanning.verdi,
            beliggenhet=group.beliggenhet.verdi,
            ansvar=group.ansvar.verdi,
            ansvarlig=self.matrix.responsible_name(row.gruppe, assessment.bydel),
            dekning=dekning,
            tjenester=self._service_items(row.gruppe, assessment.varighet, assessment.avlastningsbehov),
            advarsler=[f for f in flag_items if f.kode in self._warning_codes],
            merknader=[f for f in flag_items if f.kode not in self._warning_codes],
            matrise_versjon=self.matrix.version,
            forklaring=explanation,
        )

    def _service_items(self, group: int, varighet: str, respite: bool) -> list[ServiceItem]:
        key = (group, varighet, respite)
        if key not in self._services:  # few keys (groups × durations × respite): built once each
            self._services[key] = [ServiceItem(**line.as_json()) for line in self.chain.services(*key)]
        return list(self._services[key])

    def _explain(self, decision: Decision, fact: Mapping[str, Any], lang: Lang) -> Explanation:
        row = self.rows[decision.rule_index]
        held: list[HeldCondition] = []
        if not isinstance(row.naar, Always):
            for path, compare in comparisons(row.naar):
                if f"{row.id}{_ATOM}{path}" in decision.held:
                    held.append(self._held(compare, fact, lang))
        return Explanation(
            regel=row.id,
            regel_tekst=row.tekst_en if lang == "en" else row.tekst,
            kilde=row.kilde,
            oppfylt=held,
            ogsa_truffet=[self.rows[i].id for i in decision.matched[1:]],
        )

    @staticmethod
    def _held(compare: Compare, fact: Mapping[str, Any], lang: Lang) -> HeldCondition:
        return HeldCondition(felt=compare.felt, betingelse=describe(compare, lang), verdi=show_value(fact.get(compare.felt), lang))

    @staticmethod
    def _reason_text(explanation: Explanation, group: int, lang: Lang) -> str:
        parts = [t("begrunnelse", lang, gruppe=group, regel=explanation.regel, tekst=explanation.regel_tekst)]
        if explanation.oppfylt:
            shown = [t("verdi_sett", lang, betingelse=h.betingelse, verdi=h.verdi) for h in explanation.oppfylt]
            parts.append(t("betingelser_holdt", lang, liste="; ".join(shown)))
        if explanation.ogsa_truffet:
            parts.append(t("ogsa_truffet", lang, liste=", ".join(explanation.ogsa_truffet)))
        return " ".join(parts)
