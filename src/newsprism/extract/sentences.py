"""The ``sentences`` stage: an article's sentences as character ranges.

Summaries select whole sentences and cite them, so they need sentence bounds that survive the
parse. A paragraph end always ends a sentence (the parser sometimes runs a headline or an
embedded post's attribution into the next paragraph), and the range is trimmed of spaces.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.model import Article
from newsprism.stages import document_stage

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LINE = re.compile(r"[^\n]+")


def sentence_bounds(doc: Doc, text: str) -> list[tuple[int, int, bool]]:
    """Sentences of ``doc`` (parsed from ``text``), cut again at line breaks and trimmed, each
    with whether it has a verb (a post's attribution line or a caption has none)."""
    bounds = []
    for sent in doc.sents:
        for match in _LINE.finditer(text, sent.start_char, sent.end_char):
            start, end = match.start(), match.end()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                span = doc.char_span(start, end, alignment_mode="expand")
                verb = span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)
                bounds.append((start, end, verb))
    return bounds


@document_stage("sentences")
def find_sentences(doc: Doc, article: Article, results, options) -> list[tuple[int, int, bool]]:
    """The article's sentences, in text order: ``(start, end, has_verb)``."""
    return sentence_bounds(doc, article.text)
