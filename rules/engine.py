"""The one module that talks to durable-rules.

A `ConditionSet` is a durable-rules ruleset of named conditions. `holding(fact)` asserts the
fact into a fresh state and returns the names of every condition that holds; the state is
deleted at once, so the 1024-context cap and duplicate-fact rejection never come into play
however many facts are evaluated.

Sharp edges handled here (see shared/durable-rules.md):
- the global `durable.lang` host is not used: each set has its own host, so two matrix
  versions can be loaded side by side;
- the host's two timer threads are not started (`_run` is a no-op): every action runs
  synchronously in `assert_fact`, in the caller's thread, and the process can exit;
- facts are asserted, not posted, so every matching rule fires, not only the first;
- a sentinel rule that always holds makes "no rule matched" impossible at the engine level,
  so MessageNotHandledException can only mean a rejected fact, and is never swallowed.
"""

from __future__ import annotations

import itertools
import threading
import warnings
from collections.abc import Mapping
from typing import Any

from durable.engine import Host, MessageNotHandledException

from matrix.errors import RusmatriseError

# durable-rules 2.0.28 calls datetime.utcfromtimestamp on every assert, deprecated in Python 3.12+;
# the last release is from 2020, so the warning cannot be fixed upstream and would flood stderr.
warnings.filterwarnings("ignore", message=r"datetime\.datetime\.utcfromtimestamp", category=DeprecationWarning, module="durable")

_SENTINEL_FIELD = "__fakta"
_SENTINEL_RULE = "__alltid"
_STATE = "0"
_names = itertools.count(1)


class EngineError(RusmatriseError):
    """durable-rules refused a fact or failed; the message names the fact's field values."""

    def __init__(self, reason: str) -> None:
        super().__init__("motor_feil", {"grunn": reason})


class _QuietHost(Host):
    """A host without the background dispatch threads; rulesets are driven synchronously."""

    def _run(self) -> None:
        return None


def always() -> dict[str, Any]:
    """A durable-rules expression that holds for every fact."""
    return {_SENTINEL_FIELD: 1}


class ConditionSet:
    """Named durable-rules conditions evaluated together on one fact."""

    def __init__(self, conditions: Mapping[str, dict[str, Any]], label: str = "regler") -> None:
        self.names = tuple(conditions)
        self._ruleset = f"{label}_{next(_names)}"
        self._held: list[str] = []
        self._lock = threading.Lock()
        definition: dict[str, Any] = {}
        for name, expression in {**conditions, _SENTINEL_RULE: always()}.items():
            definition[name] = {"all": [{"m": expression}], "run": self._recorder(name)}
        self._host = _QuietHost()
        self._host.set_rulesets({self._ruleset: definition})

    def _recorder(self, name: str):  # type: ignore[no-untyped-def]
        def record(_closure: object) -> None:
            self._held.append(name)

        return record

    def holding(self, fact: Mapping[str, Any]) -> frozenset[str]:
        """The names of the conditions that hold for `fact` (JSON-ready scalar values)."""
        for key, value in fact.items():
            # durable-rules compares across types without complaint: only plain scalars go in.
            if not isinstance(value, str | int | float | bool):
                raise EngineError(f"field {key!r} has a {type(value).__name__} value; the engine takes only text, numbers and yes/no")
        message = {**fact, _SENTINEL_FIELD: 1, "sid": _STATE}
        with self._lock:
            self._held = []
            try:
                self._host.assert_fact(self._ruleset, message)
            except MessageNotHandledException:
                raise EngineError(f"durable-rules did not accept the fact {dict(fact)!r}") from None
            finally:
                self._host.delete_state(self._ruleset, _STATE)
            held = self._held
        if _SENTINEL_RULE not in held:
            raise EngineError(f"durable-rules did not evaluate the fact {dict(fact)!r}")
        return frozenset(held) - {_SENTINEL_RULE}
