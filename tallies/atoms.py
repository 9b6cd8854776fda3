"""Published counts as sums of non-negative integer *atoms*: the model tallies.suppression
protects and audits.

A cell counts the persons whose attributes match its filter (key → value, or a collection of
values for a sum; a key left out means "any value"). Write every combination of the keys'
values as an atom y_a >= 0; a cell is the sum of the atoms it matches. With many keys the
combinations multiply (districts × groups × sexes × age bands × quality-of-life answers × …),
and most of them no cell ever tells apart. Two exact reductions keep the model small:

1. **Cliques (a junction tree).** The caller may say which keys ever meet in one cell, as a
   list of key sets ("cliques") in which every clique shares with the cliques before it only
   keys that one earlier clique holds (the running-intersection property). Then the atoms are
   the combinations *within* each clique, and each later clique is tied to that earlier one
   by equal totals over their shared keys (the link rows: sum of one side − sum of the other
   = 0). This is exact, not an approximation: integer counts on two cliques that agree on
   their shared keys can always be joined into integer counts of the full combinations
   (for each value of the shared keys, pair up the persons of both sides in any order), so
   every value the full model allows a cell, the clique model allows it too, and vice versa.
   A district's answers to the quality-of-life question then cost 15 × 9 atoms beside the
   district × group × sex × age atoms, not a factor 9 on all of them.
2. **Merging.** Atoms that lie in exactly the same cells and link rows are one unknown: a sum
   of non-negative integers can be any non-negative integer.

3. **Relations between units.** Tables may count different units (persons; assessments per
   quarter) in one model: a key such as `enhet` in every clique tells them apart. What a reader
   knows of how the units relate is given as relations "cell A ≤ cell B" (persons in a district
   and group ≤ that district and group's assessments over all quarters): rows B − A >= 0.

Cells with the same atoms (a district total in two tables) are one *quantity*: published or
hidden together. A cell lives in the first clique that holds all its keys, so the same filter
always gets the same atoms.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

ANYTHING_ELSE = object()  # the values of a key that no cell names (when no domain is given)


@dataclass(frozen=True)
class Cell:
    """A count of persons: those whose attributes match `filter` (key → value or collection of values)."""

    filter: Mapping[str, Any]
    count: int
    weight: float = 1.0


@dataclass
class Quantity:
    """One distinct set of atoms, and every (table, cell) that publishes it."""

    atoms: frozenset[int]
    count: int
    weight: float
    places: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class AtomSystem:
    """quantities (rows of `matrix`, 0/1 over the merged atoms), and the link rows with their
    bounds (= 0 for a clique link, >= 0 for a relation)."""

    quantities: list[Quantity]
    matrix: np.ndarray
    links: np.ndarray
    link_low: np.ndarray
    link_high: np.ndarray

    @property
    def size(self) -> int:
        return int(self.matrix.shape[1])


def values_of(value: Any) -> tuple[Any, ...]:
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(value)
    return (value,)


def _domains(tables: Sequence[Sequence[Cell]], keys: list[str], given: Mapping[str, Sequence[Any]]) -> dict[str, list[Any]]:
    domain: dict[str, list[Any]] = {}
    for key in keys:
        named = list(dict.fromkeys(v for table in tables for cell in table if key in cell.filter for v in values_of(cell.filter[key])))
        domain[key] = list(dict.fromkeys([*given[key], *named])) if key in given else [*named, ANYTHING_ELSE]
    return domain


def _tree(cliques: Sequence[Sequence[str]] | None, keys: list[str]) -> list[tuple[tuple[str, ...], int | None, tuple[str, ...]]]:
    """(clique keys, parent clique, shared keys) per clique, checked for the running intersection."""
    used = set(keys)
    raw = [tuple(k for k in clique if k in used) for clique in (cliques or [keys])]
    raw = [c for c in raw if c] or [tuple(keys)]
    if missing := used - {k for c in raw for k in c}:
        raise ValueError(f"keys in no clique: {sorted(missing)}")
    tree: list[tuple[tuple[str, ...], int | None, tuple[str, ...]]] = []
    seen: set[str] = set()
    for j, clique in enumerate(raw):
        shared = tuple(k for k in clique if k in seen)
        parent = None if j == 0 else next((p for p in range(j) if set(shared) <= set(raw[p])), None)
        if j and parent is None:
            raise ValueError(f"clique {clique} shares {shared} with no single earlier clique (not a junction tree)")
        tree.append((clique, parent, shared))
        seen |= set(clique)
    return tree


class _Layout:
    """Atom ids of each clique's combinations."""

    def __init__(self, tree: list[tuple[tuple[str, ...], int | None, tuple[str, ...]]], domain: dict[str, list[Any]]) -> None:
        self.tree, self.domain = tree, domain
        self.index = {key: {value: i for i, value in enumerate(values)} for key, values in domain.items()}
        self.offsets: list[int] = []
        total = 0
        for clique, _, _ in tree:
            self.offsets.append(total)
            total += int(np.prod([len(domain[k]) for k in clique]))
        self.total = total

    def atoms(self, j: int, fixed: Mapping[str, Sequence[int]]) -> np.ndarray:
        """Atom ids in clique j whose key values lie in `fixed` (key → value indices; others: any)."""
        clique = self.tree[j][0]
        sizes = [len(self.domain[k]) for k in clique]
        choices = [np.asarray(fixed[k], dtype=np.int64) if k in fixed else np.arange(s) for k, s in zip(clique, sizes, strict=True)]
        ids = np.zeros(1, dtype=np.int64)
        for choice, size in zip(choices, sizes, strict=True):
            ids = (ids[:, None] * size + choice[None, :]).ravel()
        return ids + self.offsets[j]

    def home(self, cell_keys: set[str]) -> int:
        return next(j for j, (clique, _, _) in enumerate(self.tree) if cell_keys <= set(clique))


def build(tables: Sequence[Sequence[Cell]], domains: Mapping[str, Sequence[Any]],
          cliques: Sequence[Sequence[str]] | None = None,
          relations: Sequence[tuple[Mapping[str, Any], Mapping[str, Any]]] = ()) -> AtomSystem:
    """The atom model of `tables` (all published together); `relations`: (smaller, larger) filters."""
    keys = sorted({key for table in tables for cell in table for key in cell.filter}
                  | {key for pair in relations for side in pair for key in side})
    domain = _domains(tables, keys, domains)
    tree = _tree(cliques, keys)
    layout = _Layout(tree, domain)
    placed: list[tuple[int, int, Cell]] = [(t, i, cell) for t, table in enumerate(tables) for i, cell in enumerate(table)]

    def atoms_of(filter_: Mapping[str, Any]) -> np.ndarray:
        try:
            j = layout.home(set(filter_))
        except StopIteration:
            raise ValueError(f"no clique holds the keys of {dict(filter_)}") from None
        return layout.atoms(j, {k: [layout.index[k][v] for v in values_of(filter_[k])] for k in filter_})

    members = [atoms_of(cell.filter) for _, _, cell in placed]
    links: list[tuple[np.ndarray, np.ndarray]] = []  # (+1 atoms, -1 atoms)
    for j, (_, parent, shared) in enumerate(tree):
        if parent is None:
            continue
        for combo in itertools.product(*(range(len(domain[k])) for k in shared)):
            fixed = {k: [v] for k, v in zip(shared, combo, strict=True)}
            links.append((layout.atoms(j, fixed), layout.atoms(parent, fixed)))
    equalities = len(links)
    links += [(atoms_of(larger), atoms_of(smaller)) for smaller, larger in relations]
    # merge atoms that lie in exactly the same cells and link rows
    signature: dict[int, list[tuple[int, int]]] = {}
    for c, atoms in enumerate(members):
        for atom in atoms.tolist():
            signature.setdefault(atom, []).append((c, 1))
    for r, (plus, minus) in enumerate(links):
        for atom in plus.tolist():
            signature.setdefault(atom, []).append((-1 - r, 1))
        for atom in minus.tolist():
            signature.setdefault(atom, []).append((-1 - r, -1))
    classes: dict[tuple[tuple[int, int], ...], int] = {}
    atom_class = {atom: classes.setdefault(tuple(sig), len(classes)) for atom, sig in signature.items()}
    by_atoms: dict[frozenset[int], Quantity] = {}
    for (t, i, cell), atoms in zip(placed, members, strict=True):
        key = frozenset(atom_class[a] for a in atoms.tolist())
        quantity = by_atoms.get(key)
        if quantity is None:
            quantity = by_atoms[key] = Quantity(key, cell.count, cell.weight)
        elif quantity.count != cell.count:
            raise ValueError(f"two cells count the same persons differently: {dict(cell.filter)} ({cell.count} vs {quantity.count})")
        quantity.weight = max(quantity.weight, cell.weight)
        quantity.places.append((t, i))
    quantities = list(by_atoms.values())
    matrix = np.zeros((len(quantities), len(classes)))
    for q, quantity in enumerate(quantities):
        matrix[q, sorted(quantity.atoms)] = 1.0
    link_matrix = np.zeros((len(links), len(classes)))
    for sig, c in classes.items():
        for row, coefficient in sig:
            if row < 0:
                link_matrix[-1 - row, c] = coefficient
    low = np.zeros(len(links))
    high = np.where(np.arange(len(links)) < equalities, 0.0, np.inf)
    used = np.any(link_matrix, axis=1)
    return AtomSystem(quantities, matrix, link_matrix[used], low[used], high[used])
