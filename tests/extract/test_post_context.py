"""Quotations and paragraphs around posts."""

import pytest

from newsprism.extract.post_context import is_full_quotation, paragraph_spans, quoted_segments


@pytest.mark.parametrize("text,expected", [
    ("“I’m here,” she said. “Me too.”", ["I’m here,", "Me too."]),
    ('He said "yes" and "no."', ["yes", "no."]),
    ("Er sagte „Hallo“ und »Tschüss«.", ["Hallo", "Tschüss"]),
    ("Sie schrieb «Bonjour» hier.", ["Bonjour"]),
    # a stray closing mark left from a quotation that began earlier does not open one
    ('no, Trump. -H" Clinton tweeted, quoting a "New York Times" reporter.', ["New York Times"]),
    # an apostrophe or an inch mark inside words is no quotation
    ("It’s West’s 12\" record", []),
    # a quotation running on past the paragraph's end
    ("“We will rebuild it, and", ["We will rebuild it, and"]),
])
def test_quoted_segments(text, expected):
    assert [text[s:e] for s, e in quoted_segments(text, 0, len(text))] == expected


@pytest.mark.parametrize("words,full", [
    ("The bridge stays shut.", True),
    ("MAGA", True),
    ("@theookafor thanks", True),
    ("the mob", False),
    ("not love", False),
    ("wake up now, before it is far too late.", True),
])
def test_full_quotations_are_told_from_partial_ones(words, full):
    assert is_full_quotation(words) is full


def test_paragraphs_follow_the_texts_own_style():
    assert paragraph_spans("a\nb\n\nc") == [(0, 3), (5, 6)]
    assert paragraph_spans("a\nb\nc") == [(0, 1), (2, 3), (4, 5)]
