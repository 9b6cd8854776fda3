"""Test cases as data (SPEC section 5, `rusmatrise check --cases FILE.toml`).

A cases file holds `[[case]]` tables with `navn`, `inndata` (a whole assessment) and
`forventet` (any of gruppe, regel, advarsler, merknader, dekning), and optionally
`naer_bom_for` (the rule a near miss must not hit). Running them needs no Python: a
municipality checks its own matrix against its own cases. Every case is run; every one that
fails is named with what was expected and what came out.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from matrix.assessment import AssessmentInvalid, parse_assessment
from matrix.messages import Lang, t
from rules.classifier import Classifier

EXPECTABLE = ("gruppe", "regel", "advarsler", "merknader", "dekning")
CASE_KEYS = {"navn", "inndata", "forventet", "naer_bom_for"}
SHIPPED_CASES = "oslo-tilfeller.toml"


class CasesFileError(Exception):
    """A cases file that cannot be read or has the wrong shape: which, where and why."""

    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params
        super().__init__(t(key, "en", **params))

    def message(self, lang: Lang = "nb") -> str:
        return t(self.key, lang, **self.params)


@dataclass(frozen=True)
class CaseOutcome:
    navn: str
    problems: tuple[str, ...]  # empty: the case passed

    @property
    def passed(self) -> bool:
        return not self.problems


def shipped_cases_path() -> Path:
    return Path(str(resources.files("matrix") / "data" / SHIPPED_CASES))


def load_cases(path: str | Path) -> list[dict[str, Any]]:
    """The cases of a file, each checked for shape; CasesFileError naming the case otherwise."""
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise CasesFileError("tilfeller_les", fil=str(path), grunn=error.strerror or str(error)) from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise CasesFileError("tilfeller_toml", fil=str(path), grunn=str(error)) from None
    cases = raw.get("case")
    if not isinstance(cases, list) or not cases or set(raw) - {"case"}:
        raise CasesFileError("tilfeller_form", fil=str(path))
    for number, case in enumerate(cases, start=1):
        name = case.get("navn") if isinstance(case, dict) else None
        where = f"#{number}" + (f" «{name}»" if isinstance(name, str) else "")
        if not isinstance(case, dict) or not isinstance(name, str) or not name.strip():
            raise CasesFileError("tilfeller_navn", fil=str(path), tilfelle=where)
        unknown = sorted(set(case) - CASE_KEYS)
        expected = case.get("forventet")
        if unknown:
            raise CasesFileError("tilfeller_ukjent", fil=str(path), tilfelle=where, nokler=", ".join(unknown))
        if not isinstance(case.get("inndata"), dict) or not isinstance(expected, dict) or not expected:
            raise CasesFileError("tilfeller_deler", fil=str(path), tilfelle=where)
        if set(expected) - set(EXPECTABLE):
            raise CasesFileError("tilfeller_forventet", fil=str(path), tilfelle=where,
                                 nokler=", ".join(sorted(set(expected) - set(EXPECTABLE))), gyldige=", ".join(EXPECTABLE))
    return cases


def run_case(case: dict[str, Any], classifier: Classifier, lang: Lang, today: date | None = None) -> CaseOutcome:
    """One case through the real classifier: what differs from `forventet`, in words."""
    try:
        assessment = parse_assessment(case["inndata"], classifier.matrix)
    except AssessmentInvalid as invalid:
        shown = "; ".join(t("felt_feil", lang, felt=e.felt, feil=e.message(lang)) for e in invalid.errors)
        return CaseOutcome(case["navn"], (t("tilfelle_inndata", lang, feil=shown),))
    result = classifier.classify(assessment, lang=lang, today=today)
    got: dict[str, object] = {
        "gruppe": result.gruppe,
        "regel": result.regel,
        "advarsler": sorted(flag.kode for flag in result.advarsler),
        "merknader": sorted(flag.kode for flag in result.merknader),
        "dekning": result.dekning,
    }
    problems = []
    for key, wanted in case["forventet"].items():
        want = sorted(wanted) if isinstance(wanted, list) else wanted
        if want != got[key]:
            problems.append(t("tilfelle_avvik", lang, hva=key, forventet=_shown(want), fikk=_shown(got[key])))
    near_miss = case.get("naer_bom_for")
    if near_miss is not None and result.regel == near_miss:
        problems.append(t("tilfelle_naer_bom", lang, regel=near_miss))
    return CaseOutcome(case["navn"], tuple(problems))


def _shown(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)
