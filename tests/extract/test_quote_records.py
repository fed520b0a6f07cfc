"""Records of attributions: the lookups that read a few tokens or quotations instead of all."""

import random

import pytest

from newsprism.extract.quote_records import Quotations, _has_marks, _starting_before
from newsprism.extract.quotemarks import Quoted


def _quoted(pieces):
    return Quoted(tuple(pieces), (pieces[0][0] - 1, pieces[-1][1] + 1))


def test_quotations_within_a_range_are_those_found_by_reading_them_all():
    rng = random.Random(7)
    for _ in range(200):
        quoted = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(1, 80)
            pieces = [(start, start + rng.randint(0, 10))]
            if rng.random() < 0.3:  # a quotation over two paragraphs
                pieces.append((pieces[0][1] + 3, pieces[0][1] + 3 + rng.randint(0, 10)))
            quoted.append(_quoted(pieces))
        quoted.sort(key=lambda q: q.outer[0])
        index = Quotations(quoted)
        assert index.all is quoted
        for _ in range(20):
            start = rng.randint(0, 100)
            end = start + rng.randint(0, 40)
            expected = [q for q in quoted if start <= q.start and q.end <= end]
            assert sorted(index.within(start, end), key=id) == sorted(expected, key=id)


@pytest.mark.model
@pytest.mark.parametrize("offset", [0, 1, 4, 5, 6, 17, 18, 40, 41, 200])
def test_tokens_starting_before_an_offset_are_those_read_one_by_one(nlp, offset):
    doc = nlp("The mayor said, “The pier is safe,” during a visit on Monday.")
    for content in ([], [0], [2, 3, 4, 5], list(range(len(doc))), [1, 5, 6, 9, 12]):
        assert _starting_before(doc, content, offset) == [i for i in content if doc[i].idx < offset]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The mayor said the pier is safe.",
    "The mayor called it “safe” and ''sound'' and ``new``, she said \"twice\".",
    "Ortiz's plan isn't 'safe', he said — it's O'Neil''s.",
])
def test_marks_among_tokens_are_those_found_by_reading_each_token(nlp, text):
    doc = nlp(text)
    marks = ('"', "“", "”", "''", "``")
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            indices = list(range(start, end))
            assert _has_marks(doc, text, indices) == any(doc[i].text in marks for i in indices)
