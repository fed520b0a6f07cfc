"""The ``sentences`` stage: an article's sentences as character ranges.

Summaries select whole sentences and cite them, so they need sentence bounds that survive the
parse. A paragraph end always ends a sentence (the parser sometimes runs a headline or an
embedded post's attribution into the next paragraph), and the range is trimmed of spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
from spacy import symbols
from spacy.attrs import POS

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
# The end of a piece cut after a title that always goes before a name ("Retired Coast Guard
# Adm." + "Thad Allen speaks …", "Louisiana Gov." + "Bobby Jindal said …"), or after "a.m." or
# "p.m." before the time zone ("at 3:37 p.m." + "CDT, a vehicle …").
_TITLE_END = re.compile(r"\b(?:Adm|Gen|Gov|Rep|Sen|Lt|Col|Capt|Cmdr|Sgt|Maj|Dr|Mr|Mrs|Ms|Prof|Rev|Atty|Supt|Insp)\.$")
_MERIDIEM_END = re.compile(r"\b[ap]\.m\.$")
_ZONE = re.compile(r"(?:[A-Z]{1,3}[SD]T|GMT|UTC)\b")


def sentence_bounds(doc: Doc, text: str) -> list[tuple[int, int, bool]]:
    """Sentences of ``doc`` (parsed from ``text``), cut again at line breaks and trimmed, each
    with whether it has a verb (a post's attribution line or a caption has none). A piece that
    goes on a sentence of the same line (it starts in lower case or with closing punctuation:
    the parser cut after an abbreviation or inside a quotation) is joined to it; so is one
    that closes a parenthesis the sentence before it left open ("BP Plc (BP." + "L) said"), and one
    after a title that goes before a name ("Adm." + "Thad Allen said") or after "p.m." before
    its time zone."""
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
                    _CONTINUES.match(text, start) or _CLOSES.match(text, start) and _open_paren(text, *ranges[-1])
                    or _cut_before_name(text, ranges[-1], start)):
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
    verbs = _verbs_before(doc)
    bounds = []
    for start, end in ranges:
        span = doc.char_span(start, end, alignment_mode="expand")
        bounds.append((start, end, span is not None and verbs[span.end] > verbs[span.start]))
    return bounds


def _verbs_before(doc: Doc) -> list[int]:
    """How many verbs and auxiliaries the first ``i`` tokens of ``doc`` hold, for every ``i``:
    a span holds one where the counts at its ends differ (reading the part of speech of
    each token of each sentence cost most of the stage)."""
    pos = doc.to_array(POS)
    return np.concatenate(([0], np.cumsum((pos == symbols.VERB) | (pos == symbols.AUX)))).tolist()


def _cut_before_name(text: str, previous: tuple[int, int], start: int) -> bool:
    """Whether the parser cut after a title before its name, or after "p.m." before the zone."""
    before = text[previous[0]:previous[1]]
    return bool(_TITLE_END.search(before) and text[start:start + 1].isupper()
                or _MERIDIEM_END.search(before) and _ZONE.match(text, start))


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
