"""The bounded memo used in the stream's per-token loops."""

import pytest

from newsprism.memo import Memo


def test_a_value_is_computed_once_while_remembered():
    calls = []
    memo = Memo(lambda word: calls.append(word) or word.upper(), limit=10)
    assert [memo[w] for w in ["a", "b", "a", "a"]] == ["A", "B", "A", "A"]
    assert calls == ["a", "b"]
    assert list(map(memo.__getitem__, ["b", "c"])) == ["B", "C"]


def test_a_full_memo_starts_afresh_and_stays_bounded():
    memo = Memo(str.upper, limit=3)
    for word in "abcdefg":
        assert memo[word] == word.upper()
        assert len(memo) <= 3
    assert "g" in memo and "a" not in memo


def test_the_limit_is_at_least_one():
    with pytest.raises(ValueError):
        Memo(str.upper, limit=0)
