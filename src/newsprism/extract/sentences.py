"""The ``sentences`` stage: an article's sentences as character ranges.

Summaries select whole sentences and cite them, so they need sentence bounds that survive the
parse. A paragraph end always ends a sentence (the parser sometimes runs a headline or an
embedded post's attribution into the next paragraph), and the range is trimmed of spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsprism.model import Article
from newsprism.stages import document_stage

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LINE = re.compile(r"[^\n]+")
# The start of a piece that cannot begin a sentence.
_CONTINUES = re.compile(r"[a-z)\],;:%]")
# The rest of a parenthesis that the previous piece opened, cut at a period inside it
# ("BP Plc (BP." + "L) said").
_CLOSES = re.compile(r"[^\s()]{1,8}\)")


def sentence_bounds(doc: Doc, text: str) -> list[tuple[int, int, bool]]:
    """Sentences of ``doc`` (parsed from ``text``), cut again at line breaks and trimmed, each
    with whether it has a verb (a post's attribution line or a caption has none). A piece that
    goes on a sentence of the same line (it starts in lower case or with closing punctuation:
    the parser cut after an abbreviation or inside a quotation) is joined to it; so is one
    that closes a parenthesis the sentence before it left open ("BP Plc (BP." + "L) said")."""
    ranges: list[tuple[int, int]] = []
    for sent in doc.sents:
        for match in _LINE.finditer(text, sent.start_char, sent.end_char):
            start, end = match.start(), match.end()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end <= start:
                continue
            if ranges and "\n" not in text[ranges[-1][1]:start] and (
                    _CONTINUES.match(text, start) or _CLOSES.match(text, start) and _open_paren(text, *ranges[-1])):
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
    bounds = []
    for start, end in ranges:
        span = doc.char_span(start, end, alignment_mode="expand")
        verb = span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)
        bounds.append((start, end, verb))
    return bounds


def _open_quotation(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def quotation_end(text: str, start: int, end: int, following: Iterable[tuple[int, int]]) -> int:
    """Where a sentence ends with the quotations it opens: its own end, or the end of the
    next sentences (``following``, ranges in text order) of its paragraph up to the one that
    closes them (the parser splits long quotations into sentences). A quotation left open at
    the paragraph's end (one that goes on in the next paragraph, or a cut lead) is told as
    far as the paragraph gives it."""
    for next_start, next_end in following:
        if not _open_quotation(text[start:end]) or "\n" in text[end:next_start]:
            break
        end = next_end
    return end


def _open_paren(text: str, start: int, end: int) -> bool:
    return text.count("(", start, end) > text.count(")", start, end)


@document_stage("sentences")
def find_sentences(doc: Doc, article: Article, results, options) -> list[tuple[int, int, bool]]:
    """The article's sentences, in text order: ``(start, end, has_verb)``."""
    return sentence_bounds(doc, article.text)
