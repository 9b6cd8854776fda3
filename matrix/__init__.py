"""The matrix (Matrise for rusfeltet) as data: groups, assessment, decision table, supply."""

from matrix.load import Matrix, MatrixError, load_matrix

__all__ = ["Matrix", "MatrixError", "load_matrix"]
