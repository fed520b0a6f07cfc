"""Offset lookups in ranges agree with scanning every range."""

from __future__ import annotations

import random

import numpy as np

from newsprism.offsets import OrderedRanges, RangeUnion, first_holding

CASES = [
    [],
    [(3, 3)],  # empty: holds nothing
    [(0, 5)],
    [(2, 5), (5, 9)],  # touching
    [(10, 20), (12, 15), (0, 4)],  # nested, unsorted
    [(4, 9), (1, 6), (20, 22), (8, 12)],  # overlapping chains
]


def test_range_union_matches_a_scan():
    rng = random.Random(7)
    cases = CASES + [[(s, s + rng.randint(0, 6)) for s in rng.sample(range(60), 8)] for _ in range(50)]
    for ranges in cases:
        union = RangeUnion(ranges)
        for offset in range(-2, 70):
            assert (offset in union) == any(s <= offset < e for s, e in ranges), (ranges, offset)


def test_range_union_holding_is_membership_of_each_offset():
    rng = random.Random(5)
    offsets = np.arange(-2, 70, dtype=np.int64)
    cases = CASES + [[(s, s + rng.randint(0, 6)) for s in rng.sample(range(60), 8)] for _ in range(50)]
    for ranges in cases:
        union = RangeUnion(ranges)
        assert union.holding(offsets).tolist() == [int(o) in union for o in offsets], ranges
    assert RangeUnion([(1, 4)]).holding(np.array([], dtype=np.int64)).tolist() == []


def test_first_holding_is_the_first_range_in_order():
    for ranges in CASES:
        ordered = sorted(ranges)
        holder = first_holding(ordered)
        for offset in range(-2, 30):
            expected = next(((s, e) for s, e in ordered if s <= offset < e), None)
            assert holder.get(offset) == expected, (ranges, offset)


def test_ordered_ranges_find_the_holding_range():
    sentences = [(0, 10), (11, 25), (25, 30), (40, 41)]  # a gap at 10 and at 30..40
    index = OrderedRanges(sentences)
    for offset in range(-1, 45):
        expected = next((k for k, (s, e) in enumerate(sentences) if s <= offset < e), None)
        assert index.index(offset) == expected, offset
    assert OrderedRanges([]).index(3) is None
