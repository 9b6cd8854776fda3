"""Suppressing small counts in a published table so that none can be worked out from the totals.

A table of R×C counts is published with its row totals, column totals and grand total: an
(R+1)×(C+1) grid. Negate the margins and every row and column of that grid sums to zero, so
each grid entry is an edge between its row and its column in a bipartite graph, and the
hidden entries can be solved for exactly when, and only when, they lie on no cycle of the
graph of hidden entries (the solutions differ by the graph's cycles). So:

1. primary: every entry (cell or total) from 1 up to the threshold is hidden;
2. secondary: while some primary entry is a bridge of that graph (on no cycle), or some line's
   hidden entries are forced to their smallest or largest possible values by its known sum,
   hide the cheapest entries that close a rectangle (a 4-cycle) through that entry: fewest
   new ones, cells before totals, smallest values; failing that, the smallest positive known
   entry of its row or column. Each step hides at least one more entry, so it ends.

Zeros are never hidden as secondary suppressions, so a reader knows a secondary one is above
the threshold; the bound check takes that into account. Margins a table does not publish
(row totals of a one-column table) are hidden from the start.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx

Position = tuple[int, int]  # (row, column) in the grid with margins; row R = column totals, column C = row totals


@dataclass(frozen=True)
class Suppressed:
    """Which grid entries are hidden, and why."""

    primary: frozenset[Position]
    secondary: frozenset[Position]
    unpublished: frozenset[Position]

    @property
    def hidden(self) -> frozenset[Position]:
        return self.primary | self.secondary | self.unpublished


def with_margins(values: Sequence[Sequence[int]]) -> list[list[int]]:
    """The (R+1)×(C+1) grid: cells, row totals in the last column, column totals in the last row."""
    rows = [[*row, sum(row)] for row in values]
    columns = len(rows[0]) if rows else 1
    totals = [sum(row[j] for row in rows) for j in range(columns)]
    return [*rows, totals]


def _graph(hidden: Iterable[Position], size: tuple[int, int]) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(("r", i) for i in range(size[0]))
    graph.add_nodes_from(("c", j) for j in range(size[1]))
    graph.add_edges_from((("r", i), ("c", j)) for i, j in hidden)
    return graph


def exposed(hidden: frozenset[Position] | set[Position], size: tuple[int, int]) -> list[Position]:
    """Hidden entries that lie on no cycle: the totals give their exact value."""
    found: list[Position] = []
    for u, v in nx.bridges(_graph(hidden, size)):
        row, column = (u, v) if u[0] == "r" else (v, u)
        found.append((row[1], column[1]))
    return sorted(found)


def _lines(size: tuple[int, int]) -> list[list[Position]]:
    rows, columns = size
    return [[(i, j) for j in range(columns)] for i in range(rows)] + [[(i, j) for i in range(rows)] for j in range(columns)]


def _sign(position: Position, size: tuple[int, int]) -> int:
    """+1 for cells and the grand total, -1 for margins: then every line sums to zero."""
    last_row, last_column = position[0] == size[0] - 1, position[1] == size[1] - 1
    return -1 if last_row != last_column else 1


def forced(grid: Sequence[Sequence[int]], bounds: dict[Position, tuple[int, int | None]]) -> list[list[Position]]:
    """Lines whose hidden entries all have one sign and whose known sum pins them to their bounds.

    `bounds` gives each hidden entry's (lowest, highest or None) value as a reader knows it.
    """
    size = (len(grid), len(grid[0]))
    found: list[list[Position]] = []
    for line in _lines(size):
        unknown = [p for p in line if p in bounds]
        if not unknown or len({_sign(p, size) for p in unknown}) > 1:
            continue
        total = sum(grid[i][j] for i, j in unknown)  # what the line's published entries leave for them
        highs = [bounds[p][1] for p in unknown]
        if total == sum(bounds[p][0] for p in unknown) or (None not in highs and total == sum(highs)):  # type: ignore[arg-type]
            found.append(unknown)
    return found


def suppress(values: Sequence[Sequence[int]], threshold: int = 4, unpublished: Iterable[Position] = (),
             also: Iterable[Position] = ()) -> Suppressed:
    """Choose the entries of `values` (with margins) to hide before publishing.

    `also` names entries to protect like small counts (hidden because another table hides
    what they are made of).
    """
    grid = with_margins(values)
    size = (len(grid), len(grid[0]))
    hidden_margins = set(unpublished)
    primary = {(i, j) for i in range(size[0]) for j in range(size[1]) if 1 <= grid[i][j] <= threshold} - hidden_margins
    primary |= set(also) - hidden_margins
    hidden = primary | hidden_margins
    # What a reader knows of each hidden entry: "<5" is 1 to 4; a secondary one is above the
    # threshold (zeros are never chosen); an unpublished margin only that it is not negative.
    bounds: dict[Position, tuple[int, int | None]] = {p: (0, None) for p in hidden_margins}
    bounds.update({p: _known_bounds(grid[p[0]][p[1]], threshold) for p in primary})
    secondary: set[Position] = set()
    while True:
        # Only the small counts must stay unknown; a larger hidden one may be derivable.
        exposed_now = [p for p in exposed(hidden, size) if p in primary]
        pinned = [line for line in forced(grid, bounds) if primary.intersection(line)]
        if not exposed_now and not pinned:
            break
        target = exposed_now[0] if exposed_now else next(p for p in pinned[0] if p in primary)
        choices = _rectangle(grid, hidden, target, size) or _next_suppression(grid, hidden, target, size)
        if not choices:  # nothing left to hide: every entry already is
            break
        for choice in choices:
            secondary.add(choice)
            hidden.add(choice)
            bounds[choice] = _known_bounds(grid[choice[0]][choice[1]], threshold)
    return Suppressed(frozenset(primary), frozenset(secondary), frozenset(hidden_margins))


def _known_bounds(value: int, threshold: int) -> tuple[int, int | None]:
    """What a reader of the published table knows of a hidden entry: "<5" is 1 to the
    threshold; any other hidden entry ("x") is above it (zeros are shown, except when another
    table forces one hidden: then a reader's "above" is simply wrong, and no harm)."""
    if value == 0:
        return (0, None)
    return (1, threshold) if value <= threshold else (threshold + 1, None)


def _is_margin(position: Position, size: tuple[int, int]) -> bool:
    return position[0] == size[0] - 1 or position[1] == size[1] - 1


def _rectangle(grid: Sequence[Sequence[int]], hidden: set[Position], target: Position, size: tuple[int, int]) -> list[Position]:
    """The cheapest entries to hide that make a rectangle (a 4-cycle) with the target: by count
    hidden, then cells before margins, then the smallest values."""
    row, column = target
    best: tuple[tuple[int, int, int], list[Position]] | None = None
    for other_row in range(size[0]):
        for other_column in range(size[1]):
            if other_row == row or other_column == column:
                continue
            corners = [(row, other_column), (other_row, column), (other_row, other_column)]
            new = [p for p in corners if p not in hidden]
            if any(grid[i][j] <= 0 for i, j in new):
                continue
            cost = (len(new), sum(_is_margin(p, size) for p in new), sum(grid[i][j] for i, j in new))
            if best is None or cost < best[0]:
                best = (cost, new)
    return best[1] if best is not None and best[1] else []


def _next_suppression(grid: Sequence[Sequence[int]], hidden: set[Position], target: Position, size: tuple[int, int]) -> list[Position]:
    """The smallest positive known entry in the target's row or column; one that puts the target
    on a cycle if there is one, cells before margins."""
    row, column = target
    in_lines = [(row, j) for j in range(size[1])] + [(i, column) for i in range(size[0])]
    candidates = [p for p in in_lines if p not in hidden and grid[p[0]][p[1]] > 0]
    if not candidates:
        candidates = [(i, j) for i in range(size[0]) for j in range(size[1]) if (i, j) not in hidden and grid[i][j] > 0]
        if not candidates:
            return []
    ordered = sorted(candidates, key=lambda p: (_is_margin(p, size), grid[p[0]][p[1]], p))
    return [ordered[0]]
