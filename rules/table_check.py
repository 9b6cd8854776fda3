"""Completeness check of the decision table over its whole finite input space.

Every combination of the fields the table reads is enumerated (derived fields from the raw
fields they are computed from). Combinations that give the same engine input are evaluated
once. A gap is a profile no row matches; a row that never decides is shadowed (or can never
match at all).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from matrix.fields import DOMAIN_FIELDS, OPTIONAL_FIELDS
from rules.classifier import Classifier, TableGap

_DERIVED_FROM = {"maks": DOMAIN_FIELDS}


@dataclass
class TableReport:
    profiles: int = 0
    distinct: int = 0
    gaps: list[dict[str, Any]] = field(default_factory=list)
    gap_count: int = 0
    deciding: dict[str, int] = field(default_factory=dict)  # rule id → profiles it decides
    never_matching: list[str] = field(default_factory=list)
    shadowed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.gap_count and not self.shadowed and not self.never_matching


def _domain(classifier: Classifier, name: str) -> list[object]:
    spec = classifier.matrix.fields[name]
    if spec.values is not None:
        values: list[object] = list(spec.values)
    else:  # open-ended integer: one value on each side of, and at, every threshold
        limits = classifier.table.thresholds.get(name) or [0]
        values = sorted({max(0, x) for c in limits for x in (c - 1, c, c + 1)})  # type: ignore[operator]
    if name in OPTIONAL_FIELDS:
        values.append(None)
    return values


def check_table(classifier: Classifier) -> TableReport:
    read = classifier.table.fields
    raw_fields: list[str] = []
    for name in read:
        for source in _DERIVED_FROM.get(name, (name,)):
            if source not in raw_fields:
                raw_fields.append(source)
    domains = [_domain(classifier, name) for name in raw_fields]
    report = TableReport()
    decided_by_key: dict[tuple[object, ...], int | None] = {}
    matched_rows: set[int] = set()
    for combo in itertools.product(*domains):
        report.profiles += 1
        values = dict(zip(raw_fields, combo, strict=True))
        fact = {k: v for k, v in values.items() if v is not None}
        if "maks" in read:
            fact["maks"] = max(values[name] for name in DOMAIN_FIELDS)  # type: ignore[type-var]
        key = classifier.table.key(fact)
        if key not in decided_by_key:
            try:
                decision = classifier.decide(fact)
                decided_by_key[key] = decision.rule_index
                matched_rows.update(decision.matched)
            except TableGap as gap:
                decided_by_key[key] = None
                if len(report.gaps) < 5:
                    report.gaps.append(gap.profile)
        rule_index = decided_by_key[key]
        if rule_index is None:
            report.gap_count += 1
        else:
            rule_id = classifier.rows[rule_index].id
            report.deciding[rule_id] = report.deciding.get(rule_id, 0) + 1
    report.distinct = len(decided_by_key)
    for i, row in enumerate(classifier.rows):
        if row.id in report.deciding:
            continue
        (report.shadowed if i in matched_rows else report.never_matching).append(row.id)
    return report
