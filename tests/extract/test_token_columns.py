"""Tokens holding one of some values, read on a column of the parse's arrays."""

import numpy as np
import pytest

from newsprism.extract.token_columns import among, any_of


def _pool(rng, ordered):
    return np.concatenate((ordered, rng.integers(0, 2**64, 40, dtype=np.uint64, endpoint=False),
                           np.array([0, 2**64 - 1], dtype=np.uint64)))


@pytest.mark.parametrize("seed", range(5))
def test_among_is_membership_in_the_set(seed):
    rng = np.random.default_rng(seed)
    ordered = np.unique(rng.integers(0, 2**64, 40, dtype=np.uint64, endpoint=False))
    values = rng.choice(_pool(rng, ordered), 200)
    members = set(ordered.tolist())
    assert among(values, ordered).tolist() == [v in members for v in values.tolist()]


@pytest.mark.parametrize("seed", range(5))
def test_any_of_is_membership_in_the_few_values(seed):
    rng = np.random.default_rng(seed)
    few = rng.integers(0, 2**64, rng.integers(1, 6), dtype=np.uint64, endpoint=False)
    values = rng.choice(_pool(rng, few), 200)
    wanted = [int(v) for v in few.tolist()]
    assert any_of(values, wanted).tolist() == [v in set(wanted) for v in values.tolist()]
