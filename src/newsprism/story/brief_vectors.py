"""The brief's sentence vectors: unit-length TF-IDF rows, kept sparse.

A large story has thousands of candidate sentences over thousands of words; its dense matrix
of them ran to tens of megabytes, and making it, squaring it and scaling it cost more than all
the brief reads from it (a norm and a centrality per sentence, a few dozen cosines between
chosen ones). Here the rows stay sparse and are made dense a block of a few megabytes at a
time, only where a number depends on the order in which numpy sums a whole dense row (a row's
norm, a dot product with a dense vector): every number read is the one the whole dense
matrix gave, bit for bit, so the brief chooses exactly what it chose.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

import numpy as np
from scipy.sparse import csr_matrix

# Cells of a dense block of rows: a few megabytes, reused while in cache.
_BLOCK_CELLS = 1 << 18


class SentenceVectors:
    """Unit-length rows of a TF-IDF matrix (rows of zeros stay zero), their centroid and the
    cosine of every pair.

    Args:
        matrix: the TF-IDF matrix (CSR, indices sorted within rows, as scikit-learn makes it).
    """

    def __init__(self, matrix: csr_matrix) -> None:
        self.size, self.width = matrix.shape
        self._block = max(1, _BLOCK_CELLS // max(1, self.width))
        # np.linalg.norm's own sum of squares, over each dense row as numpy adds it up
        norms = np.empty((self.size, 1))
        for start, block in self._dense_blocks(matrix):
            norms[start:start + len(block)] = np.sqrt(np.add.reduce(block * block, axis=1, keepdims=True))
        self.rows = csr_matrix(matrix, copy=True)
        self.rows.data /= np.repeat(np.where(norms > 0, norms, 1)[:, 0], np.diff(self.rows.indptr))
        # the dense mean adds the rows one after another, column by column: bincount adds
        # each column's entries in the same order (row by row), and a zero changes no sum
        centroid = np.bincount(self.rows.indices, weights=self.rows.data, minlength=self.width) / self.size
        self.centroid = centroid / (np.linalg.norm(centroid) or 1)
        self._dense: dict[int, np.ndarray] = {}

    def _dense_blocks(self, matrix: csr_matrix) -> Iterator[tuple[int, np.ndarray]]:
        for start in range(0, self.size, self._block):
            yield start, matrix[start:start + self._block].toarray()

    def centrality(self) -> list[float]:
        """Each row's cosine to the centroid."""
        return [float(row @ self.centroid) for _, block in self._dense_blocks(self.rows) for row in block]

    def similarity(self) -> np.ndarray:
        """The cosine of every pair of rows, dense. The product of the sparse rows costs a
        fraction of the dense one, which grew with the square of the story's size; it is
        exactly symmetric (each pair's products are summed over the same words in the same
        order)."""
        return self._products.toarray()

    def pairs_above(self, rows: list[int], threshold: float) -> tuple[np.ndarray, np.ndarray]:
        """The pairs ``(k, j)`` whose cosine of rows ``rows[k]`` and ``j`` exceeds
        ``threshold``, as ``np.nonzero(self.similarity()[rows] > threshold)`` gives them.

        Read from the sparse product: the dense rows of a large story's sentences, copied and
        compared whole, cost more than the rest of its scoring; a pair without a shared word
        (cosine 0, not stored) is above no threshold of 0 or more."""
        if threshold < 0:
            return np.nonzero(self.similarity()[rows] > threshold)
        chosen = self._products[rows]
        chosen.sort_indices()  # each row's pairs in the order of the columns, as np.nonzero gives them
        above = chosen.data > threshold
        return np.repeat(np.arange(len(rows)), np.diff(chosen.indptr))[above], chosen.indices[above]

    @cached_property
    def _products(self) -> csr_matrix:
        return csr_matrix(self.rows @ self.rows.T)

    def cosine(self, i: int, j: int) -> float:
        """The cosine of rows ``i`` and ``j``, as the dot product of the dense rows gives it."""
        return float(self._row(i) @ self._row(j))

    def _row(self, i: int) -> np.ndarray:
        if i not in self._dense:  # the rows of the brief's few chosen sentences and candidates
            # set from the row's entries: the values toarray() gives, without the cost of
            # slicing the matrix, which was most of a small story's cosines
            row = np.zeros(self.width)
            start, end = self.rows.indptr[i], self.rows.indptr[i + 1]
            row[self.rows.indices[start:end]] = self.rows.data[start:end]
            self._dense[i] = row
        return self._dense[i]
