"""The people of one article: sentence numbers and name lookups read on the parse's arrays."""

from bisect import bisect_right

import pytest
from spacy.attrs import SENT_START

from newsprism.extract import speakers
from newsprism.extract.mentions import find_mentions
from newsprism.model import Article
from newsprism.options import Options

pytestmark = pytest.mark.model

TEXTS = [
    "",
    "Ana Ortiz spoke.",
    "Ana Ortiz met Ben Cole. He praised her. “We are ready,” Ortiz said.\n\nCole left.\n\n"
    "She said Mrs. Ortiz and Mr. Cole would meet Ana Ortiz's aides. Then they left. Cole agreed.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_numbers_and_ends_are_those_of_the_parse(nlp, text):
    doc = nlp(text)
    opens = speakers._sentence_opens(doc.to_array(SENT_START))
    sents = list(doc.sents)
    assert [bisect_right(opens, i) for i in range(len(doc))] == [k for k, sent in enumerate(sents) for _ in sent]
    assert [*opens, len(doc)] == ([sent.end for sent in sents] or [0])


@pytest.mark.parametrize("text", TEXTS)
def test_names_inside_a_range_are_those_found_by_reading_them_all(nlp, text):
    article = Article(id="a", source="a.txt", text=text)
    doc = nlp(text)
    people = speakers.ArticlePeople.build(doc, text, find_mentions(doc, article, {}, Options()))
    assert people.named or len(text) < 20
    bounds = sorted({0, len(text)} | {n.span.start for n in people.named} | {n.span.end for n in people.named})
    for start in bounds:
        for end in bounds:
            assert people.inside(start, end) == [
                n for n in people.named if start <= n.span.start and n.span.end <= end]


@pytest.mark.parametrize("text", [*TEXTS, "  Two  spaces,\n\nand a tab\there.  ", "“Quoted,” she said — twice."])
def test_token_at_a_character_is_the_one_char_span_expands_to(nlp, text):
    doc = nlp(text)
    starts = [token.idx for token in doc]
    for char in range(len(text) + 1):
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        expected = span.start if span is not None and len(span) else None
        assert speakers._token_at(doc, starts, char) == expected, char


@pytest.mark.parametrize("text, expected", [
    ("Ana Ortiz spoke. She left.", {"Ana Ortiz": "female"}),  # a pronoun opening the next sentence
    ("Ben Cole said his plan works.", {"Ben Cole": "male"}),  # a pronoun after the name
    ("Ben Cole said her plan works well.", {"Ben Cole": "female"}),
    ("Mrs. Ana Ortiz spoke to reporters.", {"Ana Ortiz": "female"}),  # an honorific
    ("Ben Cole spoke. Later, in the evening, he left.", {"Ben Cole": "male"}),
    ("Ben Cole spoke.\n\nAna Ortiz said nothing. Then she left.", {"Ana Ortiz": "female"}),
    ("“Ben Cole said his piece,” she said.", {}),  # a name inside a quotation casts no vote
])
def test_genders_are_what_the_article_says_of_each_person(nlp, text, expected):
    article = Article(id="a", source="a.txt", text=text)
    doc = nlp(text)
    hidden = [(0, text.index("”") + 1)] if text.startswith("“") else []
    people = speakers.ArticlePeople.build(doc, text, find_mentions(doc, article, {}, Options()), hidden)
    assert people.gender == expected


@pytest.mark.parametrize("text", TEXTS)
def test_a_phrase_without_names_has_no_named_head(nlp, text):
    for token in nlp(text):
        assert speakers._named_head(token, []) is None
