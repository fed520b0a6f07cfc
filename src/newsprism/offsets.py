"""Lookups of character offsets in sets of ranges, in logarithmic time.

Stages ask, for every token of an article, whether it lies inside a quotation, an embedded
post or a name, and which sentence holds it. Scanning the list of ranges for each token makes
an article's cost grow with (tokens x ranges); these helpers sort the ranges once and bisect.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

import numpy as np


class RangeUnion:
    """The union of half-open ``[start, end)`` ranges (overlapping or not)."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(r for r in ranges if r[0] < r[1]):
            if ends and start <= ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        self._starts, self._ends = starts, ends

    def __contains__(self, offset: int) -> bool:
        k = bisect_right(self._starts, offset) - 1
        return k >= 0 and offset < self._ends[k]

    def holding(self, offsets: np.ndarray) -> np.ndarray:
        """``offset in self`` for each of an array of offsets (a token column of a parse),
        as a boolean array, searched in one call rather than one bisection per token."""
        if not self._starts:
            return np.zeros(len(offsets), dtype=bool)
        k = np.searchsorted(np.asarray(self._starts), offsets, side="right") - 1
        return (k >= 0) & (offsets < np.asarray(self._ends)[np.maximum(k, 0)])


class OrderedRanges:
    """Sorted, non-overlapping ranges (such as sentences): which one holds an offset."""

    __slots__ = ("ranges", "_starts")

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = ranges
        self._starts = [start for start, _ in ranges]

    def index(self, offset: int) -> int | None:
        """The position of the range holding ``offset``, or None when none does."""
        k = bisect_right(self._starts, offset) - 1
        return k if k >= 0 and offset < self.ranges[k][1] else None


def first_holding(ranges: Iterable[tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """For every offset inside a range, the first range (in the given order) holding it; for
    short ranges such as names, where a dictionary beats bisecting."""
    holder: dict[int, tuple[int, int]] = {}
    for start, end in reversed(list(ranges)):
        for offset in range(start, end):
            holder[offset] = (start, end)
    return holder
