"""The PolNeAR reader and scorer behind the quotation benchmark (no model, no shared data)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from polnear import (  # noqa: E402
    Attribution,
    Score,
    is_direct,
    overlaps,
    pair,
    read_ann,
    read_split,
    score_document,
    tokens,
)

TEXT = "“We won,” Ana Ortiz said. Critics said the vote was rigged by the council."
ANN = (
    "T1\tContent 1 3;4 7\tWe won\n"
    "T2\tSource 10 19\tAna Ortiz\n"
    "T3\tCue 20 24\tsaid\n"
    "T4\tAttribution 20 24\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    "T5\tSource 26 33\tCritics\n"
    "T6\tCue 34 38\tsaid\n"
    "T7\tContent 39 51;52 73\tthe vote was rigged by the council\n"
    "E2\tAttribution:T4 Content2:T7 Cue:T6 Source:T5\n"
)


def test_brat_rows_become_attributions_with_discontinuous_pieces():
    first, second = read_ann(ANN)
    assert first == Attribution(source=((10, 19),), cue=((20, 24),), content=((1, 3), (4, 7)))
    assert second.content == ((39, 51), (52, 73))  # "Content2" is still the content role


def test_tokens_ignore_punctuation_and_cover_every_piece():
    assert tokens(TEXT, [(0, 9)]) == tokens(TEXT, [(1, 7)])  # marks and commas never count
    words = tokens(TEXT, [(39, 51), (52, 73)])
    assert sorted(TEXT[i:i + 3] for i in words) == ["by ", "cou", "rig", "the", "the", "vot", "was"]


@pytest.mark.parametrize(
    "pred, gold, expected",
    [
        ({1, 2, 3, 4}, {1, 2, 3, 4}, True),
        ({1, 2}, {1, 2, 3, 4}, True),  # half of the gold span, all of the prediction
        ({1}, {1, 2, 3, 4}, False),  # a quarter of the gold span
        ({1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4}, False),  # a prediction swallowing the gold span
        (set(), set(), False),
    ],
)
def test_overlap_needs_half_of_both_spans(pred, gold, expected):
    assert overlaps(frozenset(pred), frozenset(gold)) is expected


def test_pairs_are_one_to_one_and_largest_first():
    pred = [frozenset({1, 2, 3}), frozenset({1, 2})]
    gold = [frozenset({1, 2, 3, 4})]
    assert pair(pred, gold, exact=False) == [(0, 0)]
    assert pair(pred, gold, exact=True) == []


@pytest.mark.parametrize(
    "text, direct",
    [
        ("He said “we won” today.", True),
        ('He said "we won" today.', True),
        ("He said ''we won'' today.", True),  # two apostrophes for one mark (NYT archive)
        ("He said 'we won' today.", False),  # single marks are too often apostrophes
        ("He said we won today.", False),
    ],
)
def test_direct_content_holds_or_touches_a_double_mark(text, direct):
    start, end = text.index("we"), text.index("won") + 3
    assert is_direct(text, [(start, end)]) is direct
    assert is_direct(text, [(start - 3, end + 3)]) is direct


def test_several_annotators_are_averaged(tmp_path):
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "a_x1.ann").write_text(ANN, encoding="utf-8")
    only_first = "\n".join(ANN.splitlines()[:5]) + "\n"
    (tmp_path / "dev" / "attributions" / "a_x2.ann").write_text(only_first, encoding="utf-8")
    (document,) = read_split(tmp_path, "dev")
    assert [len(a) for a in document.annotations] == [2, 1] and document.gold == document.annotations[0]
    prediction = document.annotations[1]  # a system that finds the first attribution only
    averaged = Score()
    for gold in document.annotations:
        score_document(TEXT, gold, prediction, averaged, weight=0.5)
    content = averaged.spans[("content", "overlap")]
    assert (content.tp, content.predicted, content.gold) == (1.0, 1.0, 1.5)
    assert content.recall == pytest.approx(2 / 3)
    assert averaged.speaker_accuracy == 1.0
