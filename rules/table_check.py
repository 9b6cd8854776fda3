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
from rules.classifier import DERIVED_FIELDS, Classifier, TableGap

_DERIVED_FROM = dict.fromkeys(DERIVED_FIELDS, DOMAIN_FIELDS)  # derived field → the raw fields it is built from


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
        limits = classifier.table_thresholds(name) or [0]
        values = sorted({max(0, x) for c in limits for x in (c - 1, c, c + 1)})  # type: ignore[operator]
    if name in OPTIONAL_FIELDS:
        values.append(None)
    return values


def check_table(classifier: Classifier) -> TableReport:
    read = classifier.table_fields
    raw_fields: list[str] = []
    for name in read:
        for source in _DERIVED_FROM.get(name, (name,)):
            if source not in raw_fields:
                raw_fields.append(source)
    domains = [_domain(classifier, name) for name in raw_fields]
    report = TableReport()
    decided_by_key: dict[object, str | None] = {}
    matched_rows: set[str] = set()
    for combo in itertools.product(*domains):
        report.profiles += 1
        values = {k: v for k, v in zip(raw_fields, combo, strict=True) if v is not None}
        for name in DOMAIN_FIELDS:  # the table may read none of them, but `maks` is built from all six
            values.setdefault(name, 1)
        key = classifier.table_class(values)
        if key not in decided_by_key:
            try:
                decision = classifier.decide(values)
                decided_by_key[key] = decision.regel
                matched_rows.update(decision.matched)
            except TableGap as gap:
                decided_by_key[key] = None
                if len(report.gaps) < 5:
                    report.gaps.append(gap.profile)
        rule_id = decided_by_key[key]
        if rule_id is None:
            report.gap_count += 1
        else:
            report.deciding[rule_id] = report.deciding.get(rule_id, 0) + 1
    report.distinct = len(decided_by_key)
    for row in classifier.rows:
        if row.id in report.deciding:
            continue
        (report.shadowed if row.id in matched_rows else report.never_matching).append(row.id)
    return report
