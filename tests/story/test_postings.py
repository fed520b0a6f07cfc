"""The stream's inverted lists: latest postings per key and the best partial dot products."""

import heapq
import random
from operator import itemgetter

import pytest

from newsprism.story.postings import RecentPostings


def reference_best(lists, keys, weights, limit):
    """What a dictionary of per-key lists gives: running totals per slot, best first, equal
    totals in the order slots were first met."""
    scores = {}
    for key, weight in zip(keys, weights):
        for slot, other in lists.get(key, ()):
            scores[slot] = scores.get(slot, 0.0) + weight * other
    return heapq.nlargest(limit, scores.items(), key=itemgetter(1))


def test_a_key_keeps_its_latest_postings_oldest_first():
    postings = RecentPostings(3)
    for slot in range(5):
        postings.add(slot, ["a", f"only{slot}"], [0.5 + slot, 1.0])
    assert postings.posting("a") == [(2, 2.5), (3, 3.5), (4, 4.5)]
    assert postings.posting("only4") == [(4, 1.0)]
    assert postings.posting("never") == []
    assert len(postings) == 6


@pytest.mark.parametrize("size, seed", [(1, 1), (4, 2), (4, 3), (7, 4)])
def test_best_is_what_a_dictionary_of_lists_gives(size, seed):
    rng = random.Random(seed)
    vocabulary = [f"k{i}" for i in range(300)]  # over the first table's rows, so it grows too
    postings, lists = RecentPostings(size), {}
    for slot in range(2500):
        keys = rng.sample(vocabulary, rng.randint(1, 12))
        # coarse weights make equal totals common, so the order of ties is tested as well
        weights = [rng.choice([0.25, 0.5, 1.0]) for _ in keys]
        postings.add(slot, keys, weights)
        for key, weight in zip(keys, weights):
            lists[key] = (lists.get(key, []) + [(slot, weight)])[-size:]
        if slot % 50 == 0:
            query = rng.sample(vocabulary + ["unknown1", "unknown2"], 20)
            query_weights = [rng.choice([0.5, 1.0]) for _ in query]
            assert postings.best(query, query_weights, 8) == reference_best(lists, query, query_weights, 8)


def test_best_of_unknown_or_no_keys_is_empty():
    postings = RecentPostings(2)
    postings.add(0, ["a"], [1.0])
    assert postings.best(["b", "c"], [1.0, 1.0], 5) == []
    assert postings.best([], [], 5) == []


def test_at_least_one_posting_per_key():
    with pytest.raises(ValueError):
        RecentPostings(0)
