"""Sentence bounds: cut at line breaks, trimmed, and pieces that the parser cut inside a
sentence joined again."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc

from newsprism.extract.sentences import sentence_bounds


def parsed(text: str, cuts: list[str]) -> Doc:
    """``text`` as a Doc whose parser-made sentences start at each of ``cuts``."""
    tokens = list(re.finditer(r"[^ \n]+|\n", text))
    starts = {text.index(c) for c in cuts} | {0}
    words = [t.group() for t in tokens]
    spaces = [text[t.end():t.end() + 1] == " " for t in tokens]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces,
              sent_starts=[t.start() in starts for t in tokens])
    assert doc.text == text
    return doc


@pytest.mark.parametrize("text, cuts, expected", [
    # an abbreviation in a ticker: the piece that closes the parenthesis goes on the sentence
    ("Shares of BP Plc (BP. L) fell on Monday. Oil rose.", ["L)", "Oil"],
     ["Shares of BP Plc (BP. L) fell on Monday.", "Oil rose."]),
    # a cut before lower case or closing punctuation is no sentence end
    ("Gov. Jindal said the U.S. govt. was slow. It was.", ["was slow", "It"],
     ["Gov. Jindal said the U.S. govt. was slow.", "It was."]),
    # a cut after a title before its name, or after "p.m." before the time zone
    ("Retired Coast Guard Adm. Thad Allen spoke. He left.", ["Thad", "He"],
     ["Retired Coast Guard Adm. Thad Allen spoke.", "He left."]),
    ("The video was shot at 3:37 p.m. CDT, officials said. It ran.", ["CDT", "It"],
     ["The video was shot at 3:37 p.m. CDT, officials said.", "It ran."]),
    # negatives: a new sentence after a time, or after a word that only looks like a title
    ("The well was sealed at 3 p.m. BP said it held.", ["BP"], ["The well was sealed at 3 p.m.", "BP said it held."]),
    ("The cap held until 9 p.m. EPA officials said so.", ["EPA"], ["The cap held until 9 p.m.", "EPA officials said so."]),
    # negatives: a parenthesis closed in its own sentence, or a new sentence after one
    ("The well (MC252) leaked. Crews (two) came.", ["Crews"], ["The well (MC252) leaked.", "Crews (two) came."]),
    ("He left (for good. Then) he came back.", ["Then)"], ["He left (for good. Then) he came back."]),
    ("It ended (see below). A) The first point.", ["A)"], ["It ended (see below).", "A) The first point."]),
    # a line break always ends a sentence
    ("Oil spill grows\nBP (BP.\nL) said", ["L)"], ["Oil spill grows", "BP (BP.", "L) said"]),
])
def test_sentence_bounds(text, cuts, expected):
    assert [text[s:e] for s, e, _ in sentence_bounds(parsed(text, cuts), text)] == expected


def test_a_sentence_has_a_verb_where_one_of_its_tokens_is_a_verb_or_auxiliary():
    import random

    text = "He left. The ice. Was it? Storm warnings\nrun on. No verb here. Oh"
    doc = parsed(text, ["The", "Was", "run", "No", "Oh"])
    rng = random.Random(3)
    for _ in range(200):
        for token in doc:
            token.pos_ = rng.choice(["VERB", "AUX", "NOUN", "PROPN", "ADP", "PUNCT"])
        for start, end, verb in sentence_bounds(doc, text):
            span = doc.char_span(start, end, alignment_mode="expand")
            assert verb == any(t.pos_ in ("VERB", "AUX") for t in span), text[start:end]
