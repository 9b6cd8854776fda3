"""One durable-rules condition set with what it needs to memoise facts by equivalence class.

Private to `rules.classifier`: nothing outside `rules/` reads a stage; they use the
classifier's public evaluation functions (`field_class`, `class_key`, `decide`, `verdict`, …).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Mapping
from typing import Any

from rules.conditions import comparisons, constants, to_durable
from rules.engine import ConditionSet

MEMO_LIMIT = 100_000
ATOM = "@"  # joins a rule's name and a comparison's path: "G6-risiko@1.0"


class Stage:
    """A condition set plus the constants each field is compared with."""

    def __init__(self, named: Mapping[str, Any], label: str) -> None:
        durable: dict[str, Any] = {}
        self.thresholds: dict[str, list[object]] = {}
        found: dict[str, set[object]] = {}
        for name, cond in named.items():
            durable[name] = to_durable(cond)
            for path, compare in comparisons(cond):
                durable[f"{name}{ATOM}{path}"] = to_durable(compare)
            for field_name, values in constants(cond).items():
                found.setdefault(field_name, set()).update(values)
        self.fields = tuple(sorted(found))
        for field_name, values in found.items():
            numbers = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
            self.thresholds[field_name] = sorted(numbers) if len(numbers) == len(values) else []
        self.engine = ConditionSet(durable, label)
        self.memo: dict[Hashable, frozenset[str]] = {}

    def value_class(self, name: str, value: Any) -> Hashable:
        """How `value` compares with every constant this stage uses for `name` (None: not read)."""
        if name not in self.thresholds:
            return None
        limits = self.thresholds[name]
        if limits and isinstance(value, int) and not isinstance(value, bool):
            return (bisect_left(limits, value), value in limits)
        return value

    def key(self, fact: Mapping[str, Any]) -> tuple[Hashable, ...]:
        """Facts with equal keys compare alike with every constant in the rules."""
        return tuple(self.value_class(name, fact.get(name)) for name in self.fields)

    def holding(self, fact: Mapping[str, Any]) -> frozenset[str]:
        key = self.key(fact)
        held = self.memo.get(key)
        if held is None:
            if len(self.memo) >= MEMO_LIMIT:
                self.memo.clear()
            held = self.engine.holding({k: fact[k] for k in self.fields if fact.get(k) is not None})
            self.memo[key] = held
        return held
