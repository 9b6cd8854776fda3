"""The one module that talks to HiGHS (highspy): exact integer optima over a fixed system.

Used by tallies.suppression to run the attacker it must withstand. Sharp edges, and how each
is handled here:

- The HiGHS constructor prints a two-line banner on standard output, at C level, before any
  option can silence it; `tally --publish --json` must print JSON only. The first instance is
  made with file descriptor 1 pointed at /dev/null for the moment it takes (`_quiet_banner`);
  later instances print nothing.
- Integer programs are slow to re-solve from scratch (presolve each time); linear programs
  re-solve from the last basis in well under a millisecond. So every optimum is first found
  as an LP; a vertex that is integral is the integer optimum too (the LP bound is reached by
  an integer point). Only a fractional vertex is solved again as an integer program.
- Infinite bounds are `highspy.kHighsInf`, not numpy's inf.
- An integer program may run for minutes before it proves optimality. Where any good
  solution will do (the cheapest cells to hide: a slightly dearer set is still safe, since
  safety is checked afterwards), `cheapest` stops at a time limit or a relative gap and
  returns the best solution found; the status says whether one was found at all.
- With a zero objective the first integer solution found is optimal, so a feasibility
  question ("is there a solution where this cell is one larger?") stops at the first one.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Any

import numpy as np

_made_one = False


@contextlib.contextmanager
def _quiet_banner() -> Iterator[None]:
    global _made_one
    if _made_one:
        yield
        return
    sys.stdout.flush()
    saved = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)
        _made_one = True


def _finite(values: np.ndarray, infinity: float) -> np.ndarray:
    return np.clip(np.asarray(values, dtype=float), -infinity, infinity)


class IntegerSystem:
    """Non-negative integer unknowns x (0..upper) with row bounds low <= A x <= high."""

    def __init__(self, matrix: np.ndarray | list[tuple[np.ndarray, np.ndarray]], low: np.ndarray, high: np.ndarray,
                 upper: np.ndarray | float, columns: int | None = None) -> None:
        """`matrix` dense, or as sparse rows (column indices, coefficients) with `columns` given."""
        import highspy

        self.highspy = highspy
        self.inf = highspy.kHighsInf
        with _quiet_banner():
            self.highs = highspy.Highs()
        self.highs.setOptionValue("output_flag", False)
        self.highs.setOptionValue("threads", 1)
        if isinstance(matrix, np.ndarray):
            columns = matrix.shape[1]
            sparse = [(np.nonzero(row)[0], row[np.nonzero(row)[0]]) for row in matrix]
        else:
            sparse = matrix
        assert columns is not None
        rows = len(sparse)
        self.columns = columns
        self.all_columns = np.arange(columns, dtype=np.int32)
        upper_bounds = np.broadcast_to(np.asarray(upper, dtype=float), (columns,))
        self.highs.addVars(columns, np.zeros(columns), _finite(upper_bounds, self.inf))
        starts = np.cumsum([0, *(len(i) for i, _ in sparse[:-1])]).astype(np.int32) if rows else np.zeros(0, dtype=np.int32)
        index = np.concatenate([i for i, _ in sparse]).astype(np.int32) if rows else np.zeros(0, dtype=np.int32)
        values = np.concatenate([v for _, v in sparse]).astype(float) if rows else np.zeros(0)
        self.rows = rows
        self.highs.addRows(rows, _finite(low, self.inf), _finite(high, self.inf), len(index), starts, index, values)

    def set_rows(self, rows: list[int], low: np.ndarray, high: np.ndarray) -> None:
        if rows:
            self.highs.changeRowsBounds(len(rows), np.array(rows, dtype=np.int32), _finite(low, self.inf), _finite(high, self.inf))

    def minimise(self, objective: np.ndarray) -> tuple[str, np.ndarray | None]:
        """("optimal", x) with x an integer optimum, ("unbounded", None) or ("infeasible", None)."""
        highs, status = self.highs, self.highspy.HighsModelStatus
        highs.changeColsCost(self.columns, self.all_columns, objective.astype(float))
        highs.run()
        state = highs.getModelStatus()
        if state == status.kOptimal:
            x = np.array(highs.getSolution().col_value)
            if np.all(np.abs(x - np.round(x)) < 1e-7):
                return "optimal", np.round(x)
            return self._integer()
        if state in (status.kUnbounded, status.kUnboundedOrInfeasible):
            return ("unbounded", None) if self._integer()[0] != "infeasible" else ("infeasible", None)
        return "infeasible", None

    def _integer(self, seconds: float | None = None, gap: float | None = None) -> tuple[str, np.ndarray | None]:
        highs, kind = self.highs, self.highspy.HighsVarType
        highs.changeColsIntegrality(self.columns, self.all_columns, np.array([kind.kInteger] * self.columns))
        if seconds is not None:
            highs.setOptionValue("time_limit", float(seconds))
        if gap is not None:
            highs.setOptionValue("mip_rel_gap", float(gap))
        try:
            highs.run()
            state = highs.getModelStatus()
            status = self.highspy.HighsModelStatus
            if state == status.kOptimal:
                return "optimal", np.round(np.array(highs.getSolution().col_value))
            if state in (status.kUnbounded, status.kUnboundedOrInfeasible):
                return "unbounded", None
            if state in (status.kTimeLimit, status.kInterrupt) and highs.getInfo().primal_solution_status == 2:
                return "optimal", np.round(np.array(highs.getSolution().col_value))  # good enough: the best found
            if state in (status.kTimeLimit, status.kInterrupt):
                return "unknown", None
            return "infeasible", None
        finally:
            highs.changeColsIntegrality(self.columns, self.all_columns, np.array([kind.kContinuous] * self.columns))
            if seconds is not None:
                highs.setOptionValue("time_limit", self.inf)
            if gap is not None:
                highs.setOptionValue("mip_rel_gap", 1e-4)

    def cheapest(self, objective: np.ndarray, seconds: float, gap: float) -> np.ndarray | None:
        """A good integer solution minimising `objective`, found within `seconds` or `gap`; None when
        there is none (if none was found in `seconds`, the search goes on until one is)."""
        highs, status = self.highs, self.highspy.HighsModelStatus
        highs.changeColsCost(self.columns, self.all_columns, objective.astype(float))
        highs.run()
        state = highs.getModelStatus()
        if state != status.kOptimal:
            return None  # the relaxation has no solution: neither has the integer program
        x = np.array(highs.getSolution().col_value)
        if np.all(np.abs(x - np.round(x)) < 1e-7):
            return np.round(x)
        state, found = self._integer(seconds, gap)
        if state == "unknown":
            state, found = self._integer(None, gap)
        return found

    def some_witness(self, objective: np.ndarray, seconds: float) -> np.ndarray | None:
        """An integer solution that is good for `objective`, not necessarily the best: the LP
        vertex when it is integral, else the best the integer search finds in `seconds` (None: none found)."""
        highs, status = self.highs, self.highspy.HighsModelStatus
        highs.changeColsCost(self.columns, self.all_columns, objective.astype(float))
        highs.run()
        if highs.getModelStatus() != status.kOptimal:
            return None
        x = np.array(highs.getSolution().col_value)
        if np.all(np.abs(x - np.round(x)) < 1e-7):
            return np.round(x)
        return self._integer(seconds, None)[1]

    def witness(self, objective: np.ndarray) -> Any:
        """An integer solution minimising `objective`, or None (infeasible or unbounded)."""
        state, x = self.minimise(objective)
        return x if state == "optimal" else None
