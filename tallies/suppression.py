"""What to publish of a set of count tables so that no small count can be worked out from them.

Public API (for every table published together: `tally --publish`, and any new table)
--------------------------------------------------------------------------------------
    cells = [[Cell({"bydel": "Alna", "gruppe": 4}, 12), Cell({"bydel": "Alna"}, 40, weight=3), ...],  # table 1
             [Cell({"bydel": "Alna", "gruppe": (4, 5)}, 19, weight=5), ...]]                          # table 2
    shown = protect(cells, threshold=4, domains={"bydel": [...], "gruppe": [1, ..., 7], "dekning": [...]})
    # shown[t][i] is cells[t][i].count, or SMALL ("<5") or HIDDEN ("x")

A cell counts the persons whose attributes match its `filter`: each key fixes one value, or a
tuple/list/set of values (a sum such as groups 4–5); a key left out means "any value". That
is all `protect` needs to know about how the tables relate: two cells whose filters nest or
partition each other are additively related, whichever tables they are in, and `protect`
finds every such relation itself. Pass, in `domains`, every value a key can take (so that a
key no cell lists completely, such as `dekning` when only "udekket" is published, is known to
have other values); a key without a domain gets the values the cells name plus "anything
else". `weight` is the cost of hiding the cell: the cells a reader needs most (district
totals, the need per district) get more, so the others are hidden in their place.

The guarantee, and the maths behind it
--------------------------------------
Model the persons as counts y_a >= 0 of *atoms*: the combinations of the keys' values. Every
cell is a sum of atoms, so everything published is a system of linear constraints in integers
y >= 0: a published cell equals its count, "<5" lies in 1..threshold, "x" is some count >= 0
(usually a cell above the threshold hidden to protect a small one; where even that is not
enough, a zero or a small count may be shown as "x" too, so a reader may assume nothing more
of it). An attacker with an exact integer-programming solver minimises and maximises each
hidden cell over that system: the cell is *pinned* when min == max. `protect` runs that
attacker itself (HiGHS through tallies.solver; tests/test_disclosure.py is an independent one
written with scipy's `milp`) and publishes nothing until no hidden cell is pinned:

1. primary: every cell from 1 to the threshold is hidden as "<5";
2. audit: for each hidden cell, look for an integer solution of the published system in which
   it differs from its true value (solutions already found are tried first, then two random
   directions that move many cells at once, then the solver maximises and minimises the
   cell). A cell with no such solution is pinned;
3. secondary: for a pinned cell, find the cheapest set of published cells whose hiding lets it
   move by one: an integer program over the atoms y and, per published cell c, amounts
   up_c, down_c >= 0 with cell_c(y) - up_c + down_c = count_c, hidden cells within what a
   reader knows of them, the pinned cell one above or one below its count, minimising
   sum weight_c (up_c + down_c). Hide every cell that moved; the solution found is itself a
   witness that the cell is free now. Where nothing can free a "<5" (four "<5" cells of 1
   under a "<5" total of 4 are pinned by the bounds themselves), it is shown as "x". Back to
   2 until no hidden cell is pinned. Each round hides at least one more cell or turns a "<5"
   into "x", so it ends.

Cells with the same atoms in different tables (VEL need for a group and that group's column
total) are one quantity: published or hidden together. Atoms in exactly the same cells are
merged (a sum of non-negative integers can be any non-negative integer), which keeps the
model small.

Why suppression and not controlled rounding: SPEC 6b's format is suppression ("<5", "x"), the
cells a planner reads stay exact, and with the need cells weighted the district-level need
stays visible (measured by benchmarks/bench_disclosure.py). Controlled rounding would publish
every cell, but none of them exact, and for linked tables whose cells nest in three
directions (district × group, groups 4–5 per district, uncovered ≤ persons) a controlled
rounding need not exist at all; the guarantee would have to be checked by the same attacker.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

SMALL, HIDDEN = "<5", "x"
PublishedValue = int | str

_ANYTHING_ELSE = object()  # the values of a key that no cell names (when no domain is given)


@dataclass(frozen=True)
class Cell:
    """A count of persons: those whose attributes match `filter` (key → value or collection of values)."""

    filter: Mapping[str, Any]
    count: int
    weight: float = 1.0


@dataclass
class _Quantity:
    """One distinct set of atoms, and every (table, cell) that publishes it."""

    atoms: frozenset[int]
    count: int
    weight: float
    places: list[tuple[int, int]] = field(default_factory=list)


def protect(tables: Sequence[Sequence[Cell]], threshold: int = 4,
            domains: Mapping[str, Sequence[Any]] | None = None) -> list[list[PublishedValue]]:
    """What to publish of `tables` (all published together): per cell its count, SMALL or HIDDEN.

    No hidden cell can be pinned by an exact integer-programming attacker who knows every
    published cell, that "<5" is 1..threshold and that "x" is above it (module docstring).
    """
    quantities = _quantities(tables, domains or {})
    model = _Model(quantities, threshold)
    hidden = set(model.small)
    while True:
        pinned = model.pinned(hidden)
        if not pinned:
            break
        for target in pinned:
            if target != pinned[0] and model.free_now(hidden, target):
                continue
            more = model.cheapest_release(hidden, target)
            if more:
                hidden |= more
            elif target in model.small:  # "<5" itself says too much here (four "<5" under a "<5" total): show "x"
                model.small.discard(target)
            else:  # cannot happen: an "x" with every other cell hidden too is free
                raise AssertionError("a hidden cell stays pinned with everything hidden")
    shown: list[list[PublishedValue]] = [[cell.count for cell in table] for table in tables]
    for q in hidden:
        for t, i in quantities[q].places:
            shown[t][i] = SMALL if q in model.small else HIDDEN
    return shown


def _values(value: Any) -> tuple[Any, ...]:
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(value)
    return (value,)


def _quantities(tables: Sequence[Sequence[Cell]], domains: Mapping[str, Sequence[Any]]) -> list[_Quantity]:
    """The distinct cells as sets of atom ids (atoms merged where no cell tells them apart)."""
    keys = sorted({key for table in tables for cell in table for key in cell.filter})
    domain: dict[str, list[Any]] = {}
    for key in keys:
        named = list(dict.fromkeys(v for table in tables for cell in table if key in cell.filter for v in _values(cell.filter[key])))
        if key in domains:
            domain[key] = list(dict.fromkeys([*domains[key], *named]))
        else:
            domain[key] = [*named, _ANYTHING_ELSE]
    index = {key: {value: i for i, value in enumerate(values)} for key, values in domain.items()}
    sizes = [len(domain[key]) for key in keys]
    strides = [1] * len(keys)
    for k in range(len(keys) - 2, -1, -1):
        strides[k] = strides[k + 1] * sizes[k + 1]
    cells: list[tuple[int, int, Cell]] = [(t, i, cell) for t, table in enumerate(tables) for i, cell in enumerate(table)]
    members: list[frozenset[int]] = []
    for _, _, cell in cells:
        choices = [[index[key][v] for v in _values(cell.filter[key])] if key in cell.filter else range(sizes[k])
                   for k, key in enumerate(keys)]
        members.append(frozenset(sum(c * s for c, s in zip(combo, strides, strict=True)) for combo in itertools.product(*choices)))
    # merge atoms that lie in exactly the same cells
    signature: dict[int, list[int]] = {}
    for c, atoms in enumerate(members):
        for atom in atoms:
            signature.setdefault(atom, []).append(c)
    merged: dict[tuple[int, ...], int] = {}
    atom_class = {atom: merged.setdefault(tuple(cs), len(merged)) for atom, cs in signature.items()}
    by_atoms: dict[frozenset[int], _Quantity] = {}
    for (t, i, cell), atoms in zip(cells, members, strict=True):
        key = frozenset(atom_class[a] for a in atoms)
        quantity = by_atoms.get(key)
        if quantity is None:
            quantity = by_atoms[key] = _Quantity(key, cell.count, cell.weight)
        elif quantity.count != cell.count:
            raise ValueError(f"two cells count the same persons differently: {cell.filter} ({cell.count} vs {quantity.count})")
        quantity.weight = max(quantity.weight, cell.weight)
        quantity.places.append((t, i))
    return list(by_atoms.values())


class _Model:
    """The published system as the attacker sees it, for a given set of hidden quantities.

    tallies.solver (HiGHS) solves it exactly in integers. To keep the number of solves small,
    every solution found is kept as a witness: a hidden cell that some witness (still valid
    for the current hidden set) gives another value is not pinned, without a solve of its own.
    """

    def __init__(self, quantities: list[_Quantity], threshold: int) -> None:
        import numpy as np

        self.np = np
        self.threshold = threshold
        self.counts = np.array([q.count for q in quantities], dtype=float)
        self.weights = np.array([q.weight for q in quantities], dtype=float)
        live = sorted(set().union(*(q.atoms for q in quantities))) if quantities else []
        column = {atom: j for j, atom in enumerate(live)}
        self.matrix = np.zeros((len(quantities), len(live)))
        for q, quantity in enumerate(quantities):
            for atom in quantity.atoms:
                if atom in column:
                    self.matrix[q, column[atom]] = 1.0
        self.size = len(live)
        self.limit = float(max([q.count for q in quantities] + [threshold]) * 2 + threshold)
        self.pool: list[Any] = []  # integer solutions found so far (each a witness)
        from tallies.solver import IntegerSystem

        self.system = IntegerSystem(self.matrix, self.counts, self.counts, self.limit)
        self.rows = list(range(len(quantities)))
        self.small = {q for q, quantity in enumerate(quantities) if 1 <= quantity.count <= threshold}  # shown "<5"
        self.random = np.random.default_rng(0)

    def _bounds(self, hidden: set[int]) -> tuple[Any, Any]:
        """What a reader knows of each quantity: published exactly, "<5" 1..threshold, "x" anything."""
        np = self.np
        low, high = self.counts.copy(), self.counts.copy()
        for q in hidden:
            if q in self.small:
                low[q], high[q] = 1, self.threshold
            else:
                low[q], high[q] = 0, np.inf
        return low, high

    def _solve(self, objective: Any) -> Any:
        solution = self.system.witness(objective)
        if solution is not None:
            self.pool.append(solution)
        return solution

    def free_now(self, hidden: set[int], q: int) -> bool:
        """Whether a witness found so far, valid for `hidden`, gives `q` another value."""
        np = self.np
        low, high = self._bounds(hidden)
        return any(abs(self.matrix[q] @ y - self.counts[q]) > 0.5 and np.all(self.matrix @ y >= low - 0.5)
                   and np.all(self.matrix @ y <= high + 0.5) for y in self.pool)

    def _moved(self, q: int) -> bool:
        return any(abs(self.matrix[q] @ y - self.counts[q]) > 0.5 for y in self.pool)

    def pinned(self, hidden: set[int]) -> list[int]:
        """Hidden quantities that every integer solution of the published system gives their true value."""
        np = self.np
        if not self.size:
            return sorted(hidden)
        low, high = self._bounds(hidden)
        self.system.set_rows(self.rows, low, high)
        self.pool = [y for y in self.pool if np.all(self.matrix @ y >= low - 0.5) and np.all(self.matrix @ y <= high + 0.5)]
        open_ = [q for q in sorted(hidden) if not self._moved(q)]
        for _ in range(2):  # random directions move many hidden cells at once
            if len(open_) < 4:
                break
            signs = self.random.choice([-1.0, 1.0], size=len(open_))
            direction = signs @ self.matrix[open_]
            for sign in (1.0, -1.0):
                self._solve(sign * direction)
            open_ = [q for q in open_ if not self._moved(q)]
        found: list[int] = []
        for q in open_:
            if self._moved(q):
                continue
            for sign in (-1.0, 1.0):  # maximise, then minimise
                y = self._solve(sign * self.matrix[q])
                if y is not None and abs(self.matrix[q] @ y - self.counts[q]) > 0.5:
                    break
            else:
                found.append(q)
        return found

    def cheapest_release(self, hidden: set[int], target: int) -> set[int]:
        """The published quantities of least total weight whose hiding lets `target` move by one.

        Variables: the atoms y, and per published quantity c above the threshold the amounts
        up_c, down_c by which it may differ from its count (cost weight_c each); hidden ones
        stay within what a reader knows of them; every other published one keeps its count.
        """
        np = self.np
        from tallies.solver import IntegerSystem

        low, high = self._bounds(hidden)
        count = len(self.counts)
        candidates = np.array([q not in hidden for q in range(count)])
        n = self.size
        # rows: A y - up + down within [low, high]; up/down only for candidates
        eye = np.eye(count)
        rows = np.hstack([self.matrix, -eye, eye])
        slack_high = np.where(candidates, self.limit, 0.0)
        down_high = np.where(candidates, self.counts, 0.0)
        cost = np.concatenate([np.zeros(n), self.weights, self.weights])
        best: tuple[float, set[int]] | None = None
        for sign in (1.0, -1.0):
            want = self.counts[target] + sign
            if not (low[target] <= want <= high[target]):
                continue
            target_row = np.concatenate([self.matrix[target], np.zeros(2 * count)])
            system = IntegerSystem(np.vstack([rows, target_row]), np.append(low, want if sign > 0 else -np.inf),
                                   np.append(high, np.inf if sign > 0 else want),
                                   np.concatenate([np.full(n, self.limit), slack_high, down_high]))
            x = system.witness(cost)
            if x is None:
                continue
            moved = x[n:n + count] + x[n + count:]
            chosen = {q for q in range(count) if moved[q] > 0.5}
            price = float(cost @ x)
            if best is None or price < best[0]:
                best = (price, chosen)
                self.pool.append(x[:n])
        return best[1] if best else set()
