"""An exact integer-programming attacker on published tables (issue 7, class 7; issue 8).

It reads only what is published in SPEC 6b's form (`tally --publish --json`, or a published
report's tables): every table, each cell with the filter it counts over. It knows the keys'
domains, that a person (or, in a table whose `enhet` says so, an assessment per quarter, a
decision, a move) is in exactly one combination of them, that "<5" is 1–4 and that "x" is
some count. It writes every cell as a sum of unknown non-negative integer counts of those
combinations and asks, for each hidden cell, whether two integer solutions of everything
published give it different values; a cell for which none does is pinned. It is written from
the published JSON alone, with scipy (`linprog`, `milp`), not from tallies.suppression's model.

Big reports: combinations of every key multiply beyond what an integer program can hold. The
caller may give, per unit, the key sets that ever meet in one cell ("cliques", in an order
where each clique shares with the earlier ones only keys one earlier clique holds: checked
here). Counts of each clique's combinations with equal totals over shared keys can always
be joined into counts of the full combinations (pair the persons of both sides up, value by
value of the shared keys), so that model allows exactly the same values to every cell as
the full one. The caller may also give relations between units that any reader of the
report knows (persons assessed in the last quarter ≤ persons, ...), as inequalities between
two cells; the attacker uses them as constraints.
Used by tests/test_disclosure.py, tests/test_report_publish.py and the benchmarks.
"""

from __future__ import annotations

from itertools import product
from typing import Any

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import csr_matrix, lil_matrix, vstack

PERSONS = "personer"
THRESHOLD = 4


def _unit(table: dict[str, Any]) -> str:
    return str(table.get("enhet", PERSONS))


def _wanted(cell: dict[str, Any], key: str) -> list[Any]:
    value = cell[key]
    return value if isinstance(value, list) else [value]


class _Space:
    """The unknowns of one unit: a count per combination of each clique's key values."""

    def __init__(self, keys: list[str], domains: dict[str, list[Any]], cliques: list[list[str]] | None, start: int) -> None:
        cliques = [[k for k in c if k in keys] for c in (cliques or [keys])]
        cliques = [c for c in cliques if c] or [keys]
        assert set(keys) <= {k for c in cliques for k in c}, f"keys in no clique: {set(keys)}"
        self.domains = domains
        self.cliques: list[tuple[list[str], np.ndarray, int]] = []  # keys, combinations (value indices), first column
        column = start
        seen: set[str] = set()
        self.links: list[tuple[np.ndarray, np.ndarray]] = []
        for j, clique in enumerate(cliques):
            combos = np.array(list(product(*(range(len(domains[k])) for k in clique))), dtype=np.int64).reshape(-1, len(clique))
            self.cliques.append((clique, combos, column))
            shared = [k for k in clique if k in seen]
            if j:
                parent = next((p for p in range(j) if set(shared) <= set(cliques[p])), None)
                assert parent is not None, f"not a junction tree at {clique}"
                for values in product(*(range(len(domains[k])) for k in shared)):
                    fixed = dict(zip(shared, values, strict=True))
                    self.links.append((self._columns(j, fixed), self._columns(parent, fixed)))
            seen |= set(clique)
            column += len(combos)
        self.end = column

    def _columns(self, j: int, fixed: dict[str, int | list[int]]) -> np.ndarray:
        clique, combos, first = self.cliques[j]
        mask = np.ones(len(combos), dtype=bool)
        for k, key in enumerate(clique):
            if key in fixed:
                mask &= np.isin(combos[:, k], np.atleast_1d(fixed[key]))
        return first + np.nonzero(mask)[0]

    def cell_columns(self, cell: dict[str, Any]) -> np.ndarray:
        keys = {k for k in cell if k not in ("antall", "enhet")}
        j = next((j for j, (clique, _, _) in enumerate(self.cliques) if keys <= set(clique)), None)
        assert j is not None, f"no clique holds {cell}"
        fixed = {k: [self.domains[k].index(v) for v in _wanted(cell, k)] for k in keys}
        return self._columns(j, fixed)


def attack(published: dict[str, Any], domains: dict[str, list[Any]], cliques: dict[str, list[list[str]]] | None = None,
           relations: list[tuple[dict[str, Any], dict[str, Any]]] | None = None) -> list[tuple[dict[str, Any], int, float]]:
    """For every hidden cell: (cell, low, high). low < high: two integer solutions of everything
    published give it different values (it is not pinned); low == high: every integer solution
    gives it that value (pinned).

    `cliques`: per unit (`enhet`, default "personer"), the key sets as a junction tree (default:
    all the unit's keys together). `relations`: (smaller, larger) pairs of cell filters, each
    with its `enhet`, that hold for any data (the attacker adds smaller ≤ larger)."""
    tables = published["tabeller"]
    units: dict[str, list[str]] = {}
    for table in tables:
        keys = units.setdefault(_unit(table), [])
        for cell in table["celler"]:
            keys += [k for k in cell if k not in ("antall", "enhet") and k not in keys]
    for smaller, larger in relations or []:
        for side in (smaller, larger):
            keys = units.setdefault(str(side.get("enhet", PERSONS)), [])
            keys += [k for k in side if k not in ("antall", "enhet") and k not in keys]
    spaces: dict[str, _Space] = {}
    column = 0
    for unit, keys in units.items():
        spaces[unit] = _Space(sorted(keys), domains, (cliques or {}).get(unit), column)
        column = spaces[unit].end
    size = column
    cells = [(table, cell) for table in tables for cell in table["celler"]]
    rows = lil_matrix((len(cells), size))
    for r, (table, cell) in enumerate(cells):
        rows[r, spaces[_unit(table)].cell_columns(cell)] = 1.0
    low = np.array([1 if c["antall"] == "<5" else 0 if c["antall"] == "x" else c["antall"] for _, c in cells], dtype=float)
    high = np.array([THRESHOLD if c["antall"] == "<5" else np.inf if c["antall"] == "x" else c["antall"] for _, c in cells],
                    dtype=float)
    extra = []
    for space in spaces.values():
        for plus, minus in space.links:
            row = np.zeros(size)
            row[plus] += 1
            row[minus] -= 1
            extra.append((row, 0.0, 0.0))
    for smaller, larger in relations or []:
        row = np.zeros(size)
        row[spaces[str(larger.get("enhet", PERSONS))].cell_columns(larger)] += 1
        row[spaces[str(smaller.get("enhet", PERSONS))].cell_columns(smaller)] -= 1
        extra.append((row, 0.0, np.inf))
    matrix = csr_matrix(rows)
    full = vstack([matrix, csr_matrix(np.array([e[0] for e in extra]))]).tocsr() if extra else matrix
    full_low = np.concatenate([low, [e[1] for e in extra]])
    full_high = np.concatenate([high, [e[2] for e in extra]])
    # what any attacker does first: a published 0 makes its combinations 0
    upper = np.full(size, np.inf)
    for r, (_, cell) in enumerate(cells):
        if cell["antall"] == 0:
            upper[matrix[r].indices] = 0
    solver = _Solver(full, full_low, full_high, upper)
    solutions: list[np.ndarray] = []  # the cells' values in each integer solution found so far
    hidden = [r for r, (_, cell) in enumerate(cells) if not isinstance(cell["antall"], int)]
    rng = np.random.default_rng(1)
    for _ in range(3):  # random directions move many hidden cells at once
        if not hidden:
            break
        direction = matrix[hidden].T @ rng.choice([-1.0, 1.0], size=len(hidden))
        for sign in (1.0, -1.0):
            found = solver.solve(sign * direction)
            if found is not None:
                solutions.append(matrix @ found)
    results = []
    for r in hidden:
        cell = cells[r][1]
        seen = [float(values[r]) for values in solutions]
        if seen and max(seen) - min(seen) > 0.5:
            results.append((cell, round(min(seen)), round(max(seen))))
            continue
        if not seen:
            first = solver.solve(np.zeros(size))
            assert first is not None, cell  # the true counts are a solution: never infeasible
            solutions.append(matrix @ first)
            seen = [float(solutions[-1][r])]
        value = seen[0]
        other = None
        for bound in ((value + 1, high[r]), (low[r], value - 1)):
            if bound[0] > bound[1]:
                continue
            other = solver.solve(np.zeros(size), (r, bound))
            if other is not None:
                solutions.append(matrix @ other)
                break
        if other is None:
            results.append((cell, round(value), round(value)))
        else:
            moved = float(solutions[-1][r])
            results.append((cell, round(min(value, moved)), round(max(value, moved))))
    return results


class _Solver:
    """Integer solutions of low <= A x <= high, 0 <= x <= upper: the LP relaxation first (an
    integral vertex is an integer solution), scipy's `milp` when it is fractional."""

    def __init__(self, matrix: csr_matrix, low: np.ndarray, high: np.ndarray, upper: np.ndarray) -> None:
        self.matrix, self.low, self.high, self.upper = matrix, low, high, upper

    def solve(self, objective: np.ndarray, override: tuple[int, tuple[float, float]] | None = None) -> np.ndarray | None:
        low, high = self.low.copy(), self.high.copy()
        if override is not None:
            row, (low[row], high[row]) = override
        finite = np.isfinite(high)
        a_ub = vstack([self.matrix[finite], -self.matrix]).tocsr()
        b_ub = np.concatenate([high[finite], -low])
        relaxed = linprog(objective, A_ub=a_ub, b_ub=b_ub, bounds=list(zip(np.zeros(len(self.upper)), self.upper, strict=True)),
                          method="highs")
        if relaxed.status == 2:
            return None  # no real solution: no integer one either
        if relaxed.status == 0 and np.allclose(relaxed.x, np.round(relaxed.x), atol=1e-7):
            return np.round(relaxed.x)
        exact = milp(np.zeros(len(self.upper)), constraints=LinearConstraint(self.matrix, low, high),
                     integrality=np.ones(len(self.upper)), bounds=Bounds(0, self.upper))
        assert exact.status in (0, 2), exact.message
        return np.round(exact.x) if exact.status == 0 else None
