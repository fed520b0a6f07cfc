"""The ECB+ clustering benchmark's scorer and error listing (no model, no shared data)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from cluster_ecb import errors, scores, topic  # noqa: E402

GOLD = ["1ecb", "1ecb", "1ecbplus", "1ecbplus", "2ecb", "2ecb"]


def test_perfect_grouping_scores_one_and_lists_no_error():
    result = scores(GOLD, [0, 0, 1, 1, 2, 2])
    assert result["P"] == result["R"] == result["F1"] == pytest.approx(1.0)
    assert errors(GOLD, [0, 0, 1, 1, 2, 2]) == []


def test_b_cubed_of_a_merge_and_a_split():
    # the two events of topic 1 merged: precision 1/2 for their four documents
    merged = scores(GOLD, [0, 0, 0, 0, 2, 2])
    assert merged["P"] == pytest.approx((4 * 0.5 + 2) / 6)
    assert merged["R"] == pytest.approx(1.0)
    # one event split in two: recall 1/2 for its two documents
    split = scores(GOLD, [0, 0, 1, 1, 2, 3])
    assert split["P"] == pytest.approx(1.0)
    assert split["R"] == pytest.approx((4 + 2 * 0.5) / 6)


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        ([0, 0, 0, 0, 2, 2], ["    1ecb (2 documents): 2 with {'1ecbplus': 2}",
                              "    1ecbplus (2 documents): 2 with {'1ecb': 2}"]),
        ([0, 0, 1, 1, 2, 3], ["    2ecb (2 documents): 1 | 1"]),
        ([0, 1, 1, 1, 2, 2], ["    1ecb (2 documents): 1 | 1 with {'1ecbplus': 2}",
                              "    1ecbplus (2 documents): 2 with {'1ecb': 1}"]),
    ],
)
def test_errors_name_split_and_merged_events(predicted, expected):
    assert errors(GOLD, predicted) == expected


def test_topic_of_both_folders():
    assert topic("12ecb") == topic("12ecbplus") == 12
