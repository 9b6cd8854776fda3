"""What to publish of a set of count tables so that no small count can be worked out from them.

Public API (for every table published together: `tally --publish`, and any new table)
--------------------------------------------------------------------------------------
    cells = [[Cell({"bydel": "Alna", "gruppe": 4}, 12), Cell({"bydel": "Alna"}, 40, weight=3), ...],  # table 1
             [Cell({"bydel": "Alna", "gruppe": (4, 5)}, 19, weight=5), ...]]                          # table 2
    shown = protect(cells, threshold=4, domains={"bydel": [...], "gruppe": [1, ..., 7], "dekning": [...]})
    # shown[t][i] is cells[t][i].count, or SMALL ("<5") or HIDDEN ("x")
    # optional: cliques=[["bydel", "gruppe", "kjonn"], ["bydel", "livskvalitet"]] (keys that meet in a cell),
    #           relations=[(smaller_filter, larger_filter), ...] (what a reader knows besides the cells): tallies.atoms

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
total) are one quantity: published or hidden together. The model itself (atoms, exact
clique decomposition, merging) is tallies.atoms.

Scaling: table by table first, then all together
------------------------------------------------
Three-way tables (district × sex × group with every margin) have linear relaxations with
fractional vertices, so each question to the solver may be an integer program; over all of
a report's tables at once those are large, and the cheapest-release search above took more
than ten minutes for 800 persons. So `protect` first runs steps 1–3 on each table with its
linking cells (every other table's cells that are sums within this table's keys: a
district's total, a district × group count, a group's city total), a small model, hiding in
every table a quantity any table hid, and repeats the pass until no table hides more: the
linking cells are decided together with each table they link and shared. That pass is
only a heuristic for *what* to hide. The guarantee comes from what follows it: steps 2–3 on
the whole model (every table, every link), starting from the hidden set the tables agreed
on. Usually nothing there is pinned and the audit only finds witnesses; where the tables
together pin a cell that no table alone pins, the whole-model release frees it. Audit
questions are feasibility questions ("a solution where this cell is one larger?", zero
objective: the first integer solution answers it), and the release search stops at a small
optimality gap or a time limit with the best set found: a dearer set is as safe, because
the audit runs again afterwards.

Why suppression and not controlled rounding: SPEC 6b's format is suppression ("<5", "x"), the
cells a planner reads stay exact, and with the need cells weighted the district-level need
stays visible (measured by benchmarks/bench_disclosure.py). Controlled rounding would publish
every cell, but none of them exact, and for linked tables whose cells nest in three
directions (district × group, groups 4–5 per district, uncovered ≤ persons) a controlled
rounding need not exist at all; the guarantee would have to be checked by the same attacker.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from tallies.atoms import AtomSystem, Cell, build

__all__ = ["HIDDEN", "SMALL", "Cell", "PublishedValue", "protect"]

SMALL, HIDDEN = "<5", "x"
PublishedValue = int | str

RELEASE_SECONDS = 1.0  # per cheapest-release integer program: then the best set found so far
RELEASE_GAP = 0.2  # or once within 20 % of the cheapest
WITNESS_SECONDS = 0.5  # per random-direction integer search in the audit


def protect(tables: Sequence[Sequence[Cell]], threshold: int = 4, domains: Mapping[str, Sequence[Any]] | None = None,
            cliques: Sequence[Sequence[str]] | None = None,
            relations: Sequence[tuple[Mapping[str, Any], Mapping[str, Any]]] = ()) -> list[list[PublishedValue]]:
    """What to publish of `tables` (all published together): per cell its count, SMALL or HIDDEN.

    No hidden cell can be pinned by an exact integer-programming attacker who knows every
    published cell, that "<5" is 1..threshold and that "x" is some count (module docstring).
    `cliques` (optional) lists which keys meet in a cell, as a junction tree (tallies.atoms);
    default: all keys together. `relations`: what a reader knows besides the cells, as
    (smaller, larger) filter pairs (tallies.atoms).
    """
    system = build(tables, domains or {}, cliques, relations)
    model = _Model(system, threshold)
    hidden = set(model.small)
    if len(tables) > 1:
        hidden = _table_by_table(tables, system, model, hidden, threshold, domains or {}, relations)
    _settle(model, hidden)
    shown: list[list[PublishedValue]] = [[cell.count for cell in table] for table in tables]
    for q in hidden:
        for t, i in system.quantities[q].places:
            shown[t][i] = SMALL if q in model.small else HIDDEN
    return shown


def _settle(model: _Model, hidden: set[int]) -> None:
    """Steps 2–3 of the module docstring until no hidden quantity is pinned (adds to `hidden`)."""
    while True:
        pinned = model.pinned(hidden)
        if not pinned:
            return
        for target in pinned:
            if target != pinned[0] and model.free_now(hidden, target):
                continue
            release = model.cheapest_release(hidden, target)
            if release is not None:  # (empty when cells hidden for an earlier target freed this one too)
                hidden |= release[0]
                model.small -= release[1]
            elif target in model.small:  # "<5" itself says too much here (four "<5" under a "<5" total): show "x"
                model.small.discard(target)
            else:  # cannot happen: an "x" with every other cell hidden too is free
                raise AssertionError("a hidden cell stays pinned with everything hidden")


def _table_by_table(tables: Sequence[Sequence[Cell]], system: AtomSystem, model: _Model, hidden: set[int], threshold: int,
                    domains: Mapping[str, Sequence[Any]], relations: Sequence[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> set[int]:
    """Each table protected alone, the quantities it hides hidden everywhere, until no table hides more."""
    where = {place: q for q, quantity in enumerate(system.quantities) for place in quantity.places}
    parts = []
    for t, table in enumerate(tables):
        if not table:
            continue
        keys = {key for cell in table for key in cell.filter}
        # the linking cells: every other table's cells that are sums within this table's keys
        places = [(t, i) for i in range(len(table))]
        places += [(u, i) for u, other in enumerate(tables) if u != t for i, cell in enumerate(other) if set(cell.filter) <= keys]
        mine = [pair for pair in relations if all(set(side) <= keys for side in pair)]
        part = build([[tables[u][i] for u, i in places]], domains, None, mine)
        to_global = [where[places[quantity.places[0][1]]] for quantity in part.quantities]
        parts.append((_Model(part, threshold), to_global))
    hidden = set(hidden)
    changed = True
    while changed:
        changed = False
        for part_model, to_global in parts:
            part_model.small = {p for p, q in enumerate(to_global) if q in model.small}
            mine = {p for p, q in enumerate(to_global) if q in hidden}
            _settle(part_model, mine)
            more = {to_global[p] for p in mine} - hidden
            shown_x = {to_global[p] for p in range(len(to_global)) if p not in part_model.small} & model.small
            if more or shown_x:
                hidden |= more
                model.small -= shown_x
                changed = True
    return hidden


class _Model:
    """The published system as the attacker sees it, for a given set of hidden quantities.

    tallies.solver (HiGHS) solves it exactly in integers. To keep the number of solves small,
    every solution found is kept as a witness: a hidden cell that some witness (still valid
    for the current hidden set) gives another value is not pinned, without a solve of its own.
    """

    def __init__(self, system: AtomSystem, threshold: int) -> None:
        from tallies.solver import IntegerSystem

        quantities = system.quantities
        self.threshold = threshold
        self.counts = np.array([q.count for q in quantities], dtype=float)
        self.weights = np.array([q.weight for q in quantities], dtype=float)
        self.matrix = system.matrix
        self.links = system.links
        self.size = system.size
        self.limit = float(max([q.count for q in quantities] + [threshold]) * 2 + threshold)
        self.pool: list[Any] = []  # the quantities' values in each integer solution found so far (each a witness)
        self.row_atoms = [np.nonzero(row)[0] for row in self.matrix]
        self.link_rows = [(np.nonzero(row)[0], row[np.nonzero(row)[0]]) for row in self.links]
        self.link_low, self.link_high = system.link_low, system.link_high
        self.system = IntegerSystem(np.vstack([self.matrix, self.links]), np.append(self.counts, self.link_low),
                                    np.append(self.counts, self.link_high), self.limit)
        self.rows = list(range(len(quantities)))
        self.small = {q for q, quantity in enumerate(quantities) if 1 <= quantity.count <= threshold}  # shown "<5"
        self.random = np.random.default_rng(0)

    def _bounds(self, hidden: set[int]) -> tuple[Any, Any]:
        """What a reader knows of each quantity: published exactly, "<5" 1..threshold, "x" anything."""
        low, high = self.counts.copy(), self.counts.copy()
        for q in hidden:
            if q in self.small:
                low[q], high[q] = 1, self.threshold
            else:
                low[q], high[q] = 0, np.inf
        return low, high

    def _keep(self, y: Any) -> None:
        self.pool.append(self.matrix @ y)

    @staticmethod
    def _fits(values: Any, low: Any, high: Any) -> bool:
        return bool(np.all(values >= low - 0.5) and np.all(values <= high + 0.5))

    def free_now(self, hidden: set[int], q: int) -> bool:
        """Whether a witness found so far, valid for `hidden`, gives `q` another value."""
        low, high = self._bounds(hidden)
        return any(abs(values[q] - self.counts[q]) > 0.5 and self._fits(values, low, high) for values in self.pool)

    def _moved(self, q: int) -> bool:
        return any(abs(values[q] - self.counts[q]) > 0.5 for values in self.pool)

    def pinned(self, hidden: set[int]) -> list[int]:
        """Hidden quantities that every integer solution of the published system gives their true value."""
        if not self.size:
            return sorted(hidden)
        low, high = self._bounds(hidden)
        self.system.set_rows(self.rows, low, high)
        self.pool = [y for y in self.pool if self._fits(y, low, high)]
        open_ = [q for q in sorted(hidden) if not self._moved(q)]
        for _ in range(6):  # random directions move many hidden cells at once (any good integer point will do)
            if len(open_) < 4:
                break
            before = len(open_)
            signs = self.random.choice([-1.0, 1.0], size=len(open_))
            direction = signs @ self.matrix[open_]
            for sign in (1.0, -1.0):
                y = self.system.some_witness(sign * direction, WITNESS_SECONDS)
                if y is not None:
                    self._keep(y)
            open_ = [q for q in open_ if not self._moved(q)]
            if len(open_) > before * 0.8:  # little progress: ask cell by cell
                break
        zero = np.zeros(self.size)
        found: list[int] = []
        for q in open_:
            if self._moved(q):
                continue
            for want_low, want_high in ((self.counts[q] + 1, high[q]), (low[q], self.counts[q] - 1)):  # one more, one less
                if want_low > want_high:
                    continue
                self.system.set_rows([q], np.array([want_low]), np.array([want_high]))
                y = self.system.witness(zero)
                self.system.set_rows([q], low[q:q + 1], high[q:q + 1])
                if y is not None:
                    self._keep(y)
                    break
            else:
                found.append(q)
        return found

    def cheapest_release(self, hidden: set[int], target: int) -> tuple[set[int], set[int]] | None:
        """The published quantities of (nearly) least total weight whose hiding lets `target`
        move by one, and the "<5" quantities that must be shown as "x" for it (rarely any).

        Variables: the atoms y, and per published quantity c the amounts up_c, down_c by which
        it may differ from its count (cost weight_c each); a "<5" may leave 1..threshold only
        at a cost far above any set of published cells (it is then shown "x"); "x" stays
        anything; the link rows hold.
        """
        from tallies.solver import IntegerSystem

        low, high = self._bounds(hidden)
        count = len(self.counts)
        candidates = np.array([q not in hidden for q in range(count)])
        unsmall = np.array([q in hidden and q in self.small and q != target for q in range(count)])
        n = self.size
        rows = [(np.append(atoms, [n + q, n + count + q]), np.append(np.ones(len(atoms)), [-1.0, 1.0]))
                for q, atoms in enumerate(self.row_atoms)]  # A y - up + down within [low, high]
        rows += self.link_rows
        slack_high = np.where(candidates | unsmall, self.limit, 0.0)
        down_high = np.where(candidates, self.counts, np.where(unsmall, 1.0, 0.0))
        weights = np.where(unsmall, self.weights.sum() * 10 + 1000, self.weights)
        cost = np.concatenate([np.zeros(n), weights, weights])
        best: tuple[float, set[int], set[int]] | None = None
        for sign in (1.0, -1.0):
            want = self.counts[target] + sign
            if not (low[target] <= want <= high[target]):
                continue
            system = IntegerSystem([*rows, (self.row_atoms[target], np.ones(len(self.row_atoms[target])))],
                                   np.concatenate([low, self.link_low, [want if sign > 0 else -np.inf]]),
                                   np.concatenate([high, self.link_high, [np.inf if sign > 0 else want]]),
                                   np.concatenate([np.full(n, self.limit), slack_high, down_high]), n + 2 * count)
            x = system.cheapest(cost, RELEASE_SECONDS, RELEASE_GAP)
            if x is None:
                continue
            moved = x[n:n + count] + x[n + count:]
            chosen = {q for q in range(count) if moved[q] > 0.5}
            price = float(cost @ x)
            if best is None or price < best[0]:
                best = (price, {q for q in chosen if candidates[q]}, {q for q in chosen if unsmall[q]})
                self._keep(x[:n])
        return (best[1], best[2]) if best else None
