"""An exact integer-programming attacker on published tables (issue 7, class 7).

It reads only what `tally --publish --json` prints (SPEC 6b): every table, each cell with the
filter it counts over. It knows the keys' domains (the districts, groups 1–7, the coverage
states), that a person is in exactly one combination of them, that "<5" is 1–4 and that "x"
is some count. It writes every cell as a sum of unknown non-negative integer counts of those
combinations and, for each hidden cell, minimises and maximises it with scipy's `milp` (after
an LP relaxation whose integral optimum settles it faster), over all the published tables
together. It is written from the published JSON alone, not from tallies.suppression's model.
Used by tests/test_disclosure.py and benchmarks/bench_disclosure.py.
"""

from __future__ import annotations

import math
from itertools import product
from typing import Any

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp


def attack(published: dict[str, Any], domains: dict[str, list[Any]]) -> list[tuple[dict[str, Any], int, float]]:
    """For every hidden cell: (cell, low, high). low < high: two integer solutions of everything
    published give it different values (it is not pinned); otherwise low and high are its
    exact minimum and maximum over all integer solutions (pinned when equal)."""
    cells = [cell for table in published["tabeller"] for cell in table["celler"]]
    keys = sorted(domains)
    atoms = np.array(list(product(*(range(len(domains[key])) for key in keys))))
    matrix = np.ones((len(cells), len(atoms)), dtype=bool)
    for row, cell in enumerate(cells):
        for k, key in enumerate(keys):
            if key in cell:
                wanted = cell[key] if isinstance(cell[key], list) else [cell[key]]
                matrix[row] &= np.isin(atoms[:, k], [domains[key].index(w) for w in wanted])
    # What any attacker does first: a published 0 makes its combinations 0, and combinations
    # that lie in exactly the same cells add up to one unknown.
    zero = np.array([c["antall"] == 0 for c in cells])
    live = ~matrix[zero].any(axis=0)
    columns = np.unique(matrix[:, live], axis=1).astype(float)
    low = np.array([1 if c["antall"] == "<5" else 0 if c["antall"] == "x" else c["antall"] for c in cells], dtype=float)
    high = np.array([4 if c["antall"] == "<5" else np.inf if c["antall"] == "x" else c["antall"] for c in cells], dtype=float)
    solutions: list[np.ndarray] = []  # integer solutions found so far: two that differ in a cell prove it unpinned
    found = []
    for row, cell in enumerate(cells):
        if isinstance(cell["antall"], int):
            continue
        seen = [columns[row] @ x for x in solutions]
        if seen and max(seen) - min(seen) > 0.5:
            found.append((cell, round(min(seen)), round(max(seen))))
            continue
        lowest = _integer_optimum(columns[row], columns, low, high, solutions)
        highest = _integer_optimum(-columns[row], columns, low, high, solutions)
        assert lowest is not None, cell  # the true counts are a solution: never infeasible
        found.append((cell, round(lowest), math.inf if highest is None else round(-highest)))
    return found


def _integer_optimum(objective: np.ndarray, matrix: np.ndarray, low: np.ndarray, high: np.ndarray,
                     solutions: list[np.ndarray]) -> float | None:
    """min objective·x over non-negative integers x with low <= matrix x <= high (None: unbounded);
    the optimal x is added to `solutions`.

    The LP relaxation first (fast): if its optimal vertex is integral, no integer point does
    better, so it is the integer optimum. Otherwise scipy's `milp` solves the integer program.
    """
    finite = np.isfinite(high)
    relaxed = linprog(objective, A_ub=np.vstack([matrix[finite], -matrix]), b_ub=np.concatenate([high[finite], -low]),
                      bounds=(0, None), method="highs")
    if relaxed.status == 3:
        return None
    if relaxed.status == 0 and np.allclose(relaxed.x, np.round(relaxed.x), atol=1e-7):
        solutions.append(np.round(relaxed.x))
        return float(relaxed.fun)
    exact = milp(objective, constraints=LinearConstraint(matrix, low, high), integrality=np.ones(matrix.shape[1]),
                 bounds=Bounds(0, np.inf))
    assert exact.status in (0, 3), exact.message
    if exact.status == 3:
        return None
    solutions.append(np.round(exact.x))
    return float(exact.fun)
