"""A small dense matrix class with the usual operations."""

from __future__ import annotations

import math
from typing import Iterable, List


class Matrix:
    def __init__(self, rows: Iterable[Iterable[float]]):
        self.rows: List[List[float]] = [list(map(float, row)) for row in rows]
        if not self.rows:
            raise ValueError("a matrix needs at least one row")
        width = len(self.rows[0])
        if any(len(row) != width for row in self.rows):
            raise ValueError("all rows must have the same length")

    @classmethod
    def zeros(cls, height: int, width: int) -> Matrix:
        return cls([[0.0] * width for _ in range(height)])

    @classmethod
    def identity(cls, size: int) -> Matrix:
        return cls([[1.0 if i == j else 0.0 for j in range(size)] for i in range(size)])

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])

    def __getitem__(self, index):
        i, j = index
        return self.rows[i][j]

    def __setitem__(self, index, value):
        i, j = index
        self.rows[i][j] = float(value)

    def __eq__(self, other):
        if not isinstance(other, Matrix) or self.shape != other.shape:
            return False
        return all(
            math.isclose(a, b, abs_tol=1e-9)
            for row_a, row_b in zip(self.rows, other.rows)
            for a, b in zip(row_a, row_b)
        )

    def __add__(self, other: Matrix) -> Matrix:
        self._check_same_shape(other)
        return Matrix([[a + b for a, b in zip(ra, rb)] for ra, rb in zip(self.rows, other.rows)])

    def __sub__(self, other: Matrix) -> Matrix:
        self._check_same_shape(other)
        return Matrix([[a - b for a, b in zip(ra, rb)] for ra, rb in zip(self.rows, other.rows)])

    def __mul__(self, scalar: float) -> Matrix:
        return Matrix([[value * scalar for value in row] for row in self.rows])

    def __matmul__(self, other: Matrix) -> Matrix:
        height, inner = self.shape
        other_inner, width = other.shape
        if inner != other_inner:
            raise ValueError(f"cannot multiply {self.shape} by {other.shape}")
        result = Matrix.zeros(height, width)
        for i in range(height):
            for k in range(inner):
                value = self.rows[i][k]
                if value == 0:
                    continue
                for j in range(width):
                    result.rows[i][j] += value * other.rows[k][j]
        return result

    def transpose(self) -> Matrix:
        return Matrix(list(zip(*self.rows)))

    def determinant(self) -> float:
        height, width = self.shape
        if height != width:
            raise ValueError("the determinant needs a square matrix")
        rows = [row[:] for row in self.rows]
        result = 1.0
        for column in range(height):
            pivot = max(range(column, height), key=lambda r: abs(rows[r][column]))
            if abs(rows[pivot][column]) < 1e-12:
                return 0.0
            if pivot != column:
                rows[column], rows[pivot] = rows[pivot], rows[column]
                result = -result
            result *= rows[column][column]
            for row in range(column + 1, height):
                factor = rows[row][column] / rows[column][column]
                for j in range(column, height):
                    rows[row][j] -= factor * rows[column][j]
        return result

    def inverse(self) -> Matrix:
        size, width = self.shape
        if size != width:
            raise ValueError("only square matrices have an inverse")
        augmented = [row[:] + identity_row for row, identity_row in zip(self.rows, Matrix.identity(size).rows)]
        for column in range(size):
            pivot = max(range(column, size), key=lambda r: abs(augmented[r][column]))
            if abs(augmented[pivot][column]) < 1e-12:
                raise ValueError("the matrix is singular")
            augmented[column], augmented[pivot] = augmented[pivot], augmented[column]
            divisor = augmented[column][column]
            augmented[column] = [value / divisor for value in augmented[column]]
            for row in range(size):
                if row != column:
                    factor = augmented[row][column]
                    augmented[row] = [a - factor * b for a, b in zip(augmented[row], augmented[column])]
        return Matrix([row[size:] for row in augmented])

    def _check_same_shape(self, other: Matrix) -> None:
        if self.shape != other.shape:
            raise ValueError(f"shapes differ: {self.shape} and {other.shape}")

    def __repr__(self) -> str:
        body = ",\n ".join(repr(row) for row in self.rows)
        return f"Matrix([{body}])"


if __name__ == "__main__":
    a = Matrix([[2, 1], [1, 3]])
    print(a.determinant())
    print(a @ a.inverse() == Matrix.identity(2))
