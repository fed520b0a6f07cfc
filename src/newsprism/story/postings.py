"""The streaming index's inverted lists: the most recent articles carrying each feature.

Every feature key owns one row of a numpy table holding the last ``size`` (slot, weight)
pairs written to it, as a ring. Finding a newcomer's candidates is then a handful of array
operations (gather the rows of its strongest features, multiply by its weights, sum by slot)
instead of a Python loop over a few hundred postings: on a stream of a million articles
that loop was the largest single cost of an assignment.

Scores are summed in the order the old per-key lists gave (query features strongest first,
each feature's articles oldest first), and ties keep the order in which candidates were first
met, so the candidates, and the stories built on them, are the same as a dictionary of lists
would give, bit for bit.
"""

from __future__ import annotations

from itertools import repeat

import numpy as np


class RecentPostings:
    """An inverted index keeping the ``size`` most recent (slot, weight) pairs per key.

    Args:
        size: postings kept per key (``StoryOptions.index_postings``).
    """

    def __init__(self, size: int):
        if size < 1:
            raise ValueError(f"index_postings must be at least 1, not {size}")
        self.size = size
        self._rows: dict[str, int] = {}  # row 0 stays empty: unknown keys read it
        self._slots = np.full((1024, size), -1, dtype=np.int64)
        self._weights = np.zeros((1024, size))
        self._written = np.zeros(1024, dtype=np.int64)  # pairs ever written per row
        self._ages = np.arange(size)

    def __len__(self) -> int:
        return len(self._rows)

    def keys(self):
        """Every key that ever had a posting."""
        return self._rows.keys()

    def add(self, slot: int, keys: list[str], weights: list[float]) -> None:
        """Post ``slot`` under each of ``keys`` (distinct) with its weight for that key; a
        key's oldest pair makes room once it holds ``size``."""
        if not keys:
            return
        rows = self._rows
        found = list(map(rows.get, keys))
        if None in found:  # keys never posted before take the next rows
            for position, row in enumerate(found):
                if row is None:
                    found[position] = rows[keys[position]] = len(rows) + 1
            if len(rows) >= len(self._written):
                self._grow(len(rows) + 1)
        found = np.array(found)
        position = self._written[found] % self.size
        self._slots[found, position] = slot
        self._weights[found, position] = weights
        self._written[found] += 1

    def posting(self, key: str) -> list[tuple[int, float]]:
        """The (slot, weight) pairs kept for ``key``, oldest first."""
        row = self._rows.get(key)
        if row is None:
            return []
        order = (self._written[row] + self._ages) % self.size
        return [(int(s), float(w)) for s, w in zip(self._slots[row, order], self._weights[row, order])
                if s >= 0]

    def best(self, keys: list[str], weights: list[float], limit: int) -> list[tuple[int, float]]:
        """The ``limit`` slots with the highest partial dot product with a query.

        Args:
            keys: the newcomer's strongest feature keys, strongest first (distinct).
            weights: their weights.
            limit: how many candidates to return.

        Returns:
            (slot, score) pairs, best first; equal scores in the order slots were first met
            (features in query order, each feature's postings oldest, i.e. lowest, first).
        """
        if not keys:
            return []
        rows = np.fromiter(map(self._rows.get, keys, repeat(0)), dtype=np.int64, count=len(keys))
        slots = self._slots[rows].ravel()
        products = (self._weights[rows] * np.asarray(weights)[:, None]).ravel()
        # Group equal slots (a stable sort keeps each group in query order) and sum each
        # group with bincount, which adds in element order: the sums a running total per slot
        # would give, bit for bit.
        order = np.argsort(slots, kind="stable")
        grouped = slots[order]
        starts = np.concatenate(([True], grouped[1:] != grouped[:-1]))
        group = np.empty_like(order)
        group[order] = np.cumsum(starts) - 1
        totals = np.bincount(group, weights=products)
        unique = grouped[starts]
        first_row = order[starts] // self.size
        if unique[0] < 0:  # empty ring places
            unique, first_row, totals = unique[1:], first_row[1:], totals[1:]
        # lexsort is stable and ``unique`` ascends: equal totals and rows keep slot order
        ranking = np.lexsort((first_row, -totals))[:limit]
        return list(zip(unique[ranking].tolist(), totals[ranking].tolist()))

    def _grow(self, needed: int) -> None:
        capacity = max(needed, 2 * len(self._written))
        extra = capacity - len(self._written)
        self._slots = np.vstack([self._slots, np.full((extra, self.size), -1, dtype=np.int64)])
        self._weights = np.vstack([self._weights, np.zeros((extra, self.size))])
        self._written = np.concatenate([self._written, np.zeros(extra, dtype=np.int64)])
