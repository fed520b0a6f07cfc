"""Posts cited by their status URL, with the words the article quotes from them.

News sites that strip embeds leave the post's address on a line of its own, after the
paragraph that quotes it::

    “I respect everyone’s opinion but I stand my ground,” West tweeted.
    https://twitter.com/kanyewest/status/989548514186178560

The URL gives the handle and the status id, and the id the exact UTC time of posting. The
post's words are the full quotations just before the URL: in its own paragraph, or, when
the URL stands alone, in the paragraph before it. Who the narration says wrote them is kept
as ``author`` evidence, so that a quotation of someone else (``Trump also tweeted, “MAGA,”``
before a link to West's post) can be told apart once people are known across the story.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsprism.extract.post_context import (
    PRONOUNS,
    clean_quotation,
    cue_verb,
    is_full_quotation,
    paragraph_spans,
    quoted_segments,
    subject_span,
    tokens_between,
)
from newsprism.social import STATUS_URL, find_status_urls, parse_status_url

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class StatusCitation:
    """A status URL in an article and the quotation that gives the post's words."""

    url: str
    url_span: tuple[int, int]
    handle: str | None
    status_id: str
    paragraph: tuple[int, int]
    text_spans: list[tuple[int, int]] = field(default_factory=list)
    author_spans: list[tuple[int, int]] = field(default_factory=list)


def find_status_citations(
    doc: Doc | None,
    text: str,
    taken: list[tuple[int, int]],
    quote_paragraphs: int = 1,
) -> list[StatusCitation]:
    """Every status URL of ``text`` outside the ``taken`` spans (posts already found there),
    with the quotation before it.

    Args:
        doc: the parsed text, used to find who each quotation is attributed to (None skips
            that).
        text: the article's cleaned text.
        taken: spans of posts found otherwise (embeds): their own links are not citations,
            and their paragraphs give no quotation to a later URL.
        quote_paragraphs: how many paragraphs before a lone URL may give its quotation.
    """
    paragraphs = paragraph_spans(text)
    starts = [p[0] for p in paragraphs]
    citations: list[StatusCitation] = []
    claimed: set[tuple[int, int]] = set()  # quoted segments already given to a URL
    for match in find_status_urls(text):
        span = (match.start(), match.end())
        if _inside(span, taken):
            continue
        parsed = parse_status_url(match.group(0))
        if parsed is None:
            continue
        handle, status_id = parsed
        index = max(0, bisect.bisect_right(starts, span[0]) - 1)
        citation = StatusCitation(match.group(0), span, handle, status_id, paragraphs[index])
        segments = _quotations(text, paragraphs[index][0], span[0], claimed)
        if not segments and _alone(text, paragraphs[index], span):
            for back in range(1, quote_paragraphs + 1):
                if index - back < 0:
                    break
                previous = paragraphs[index - back]
                if _inside(previous, taken) or STATUS_URL.search(text, previous[0], previous[1]):
                    break  # the paragraph before belongs to another post
                segments = _quotations(text, previous[0], previous[1], claimed)
                if segments:
                    break
        claimed.update(segments)
        citation.text_spans = [clean_quotation(text, *s) for s in segments]
        if doc is not None and segments:
            citation.author_spans = _authors(doc, text, segments, _paragraph_of(paragraphs, segments[0]))
        citations.append(citation)
    return citations


def _paragraph_of(paragraphs: list[tuple[int, int]], span: tuple[int, int]) -> tuple[int, int]:
    return next((p for p in paragraphs if p[0] <= span[0] < p[1]), (span[0], span[1]))


def _inside(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in taken)


def _alone(text: str, paragraph: tuple[int, int], url: tuple[int, int]) -> bool:
    """The URL is all its paragraph says, save a short lead-in ("Source:", "Tweet:")."""
    before = text[paragraph[0]:url[0]].strip()
    after = text[url[1]:paragraph[1]].strip()
    return len(before) <= 20 and not after.strip(".)")


def _quotations(text: str, start: int, end: int, claimed: set) -> list[tuple[int, int]]:
    segments = [s for s in quoted_segments(text, start, end) if s not in claimed]
    return [s for s in segments if is_full_quotation(text[s[0]:s[1]])]


def _authors(
    doc: Doc, text: str, segments: list[tuple[int, int]], paragraph: tuple[int, int]
) -> list[tuple[int, int]]:
    """Who the narration says wrote the quoted segments.

    The verb of saying or posting that governs a segment in the parse is preferred; else the
    nearest such verb outside quotation marks in the segment's sentence, the sentence after
    it ("“…,” West tweeted." often splits after the closing mark) or the one before, within
    the paragraph. Its subject names the author; pronouns are left out, as they name nobody
    by themselves.
    """
    authors: list[tuple[int, int]] = []

    def outside(token) -> bool:
        return paragraph[0] <= token.idx < paragraph[1] and not any(
            s - 1 <= token.idx < e + 1 for s, e in segments
        )

    for segment in segments:
        tokens = tokens_between(doc, *segment)
        if not tokens:
            continue
        verb = _governing_cue(tokens, outside)
        if verb is None:
            verb = _nearest_cue(doc, tokens, segment, outside)
        subject = subject_span(verb) if verb is not None else None
        if subject and subject not in authors and text[subject[0]:subject[1]].lower() not in PRONOUNS:
            authors.append(subject)
    return authors


def _governing_cue(tokens, outside):
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i in inside:
            continue
        ancestor, steps = token.head, 0
        while steps < 6:
            if outside(ancestor) and cue_verb(ancestor):
                return ancestor
            if ancestor.head.i == ancestor.i:
                break
            ancestor, steps = ancestor.head, steps + 1
    return None


def _nearest_cue(doc, tokens, segment, outside):
    own = (tokens[0].sent.start, tokens[-1].sent.end)
    windows = [own]
    if own[1] < len(doc):
        windows.append((own[0], doc[own[1]].sent.end))
    if own[0] > 0:
        windows.append((doc[own[0] - 1].sent.start, own[1]))
    for start, end in windows:
        candidates = [t for t in doc[start:end] if cue_verb(t) and outside(t)]
        if candidates:
            return min(candidates, key=lambda t: min(abs(t.idx - segment[0]), abs(t.idx - segment[1])))
    return None
