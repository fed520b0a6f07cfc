"""From a found attribution to its record: the kind, the content pieces, the cue, the speaker.

A direct quotation's content is the words inside its marks; a partial quote's is the reported
clause around the quoted words (its ``text`` is those words alone, its ``context`` the clause);
indirect speech's is the clause. Pieces are trimmed of edge punctuation and always read back from
the article text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from newsprism.extract import cues
from newsprism.extract.attribution import QUOTE_MARK_TOKENS, Frame, consecutive_runs, cue_tokens
from newsprism.extract.quote_cues import phrase_head
from newsprism.extract.quotemarks import Quoted
from newsprism.extract.speakers import SpeakerRef, resolve
from newsprism.model import Article, Attribution, Span, TimeRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

EDGE_PUNCT = " \t\n,;:"
DATE_PREPS = frozenset({"on", "in", "during", "at", "earlier", "late", "last"})


@dataclass
class Found:
    """An attribution being assembled: its frame (None for an unattributed quotation), the
    quotations it takes, and how it was found."""

    frame: Frame | None
    quotes: list[Quoted] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    speaker_from: Found | None = None  # continues this attribution's speaker
    order: int = 0
    verbatim: bool = False  # a transcript turn (PENCE: …): the speaker's own words, unmarked


class Quotations:
    """An article's quotations in text order, and sorted by where their words start to find
    those inside a range by bisection (a clause asks once per record)."""

    def __init__(self, quoted: list[Quoted]) -> None:
        self.all = quoted
        self._by_start = sorted(quoted, key=lambda q: q.start)
        self._starts = [q.start for q in self._by_start]

    def within(self, start: int, end: int) -> list[Quoted]:
        """The quotations whose words lie inside characters ``start:end``."""
        first = bisect_left(self._starts, start)
        return [q for q in self._by_start[first:bisect_right(self._starts, end)] if q.end <= end]


def build_record(
    doc, article, item: Found, people, recent, refs, options, quoted: Quotations
) -> tuple[Attribution | None, SpeakerRef]:
    frame = item.frame
    text = article.text
    q_tokens: set[int] = set()
    for q in item.quotes:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None:
            q_tokens.update(range(span.start, span.end))
    if frame is not None and item.quotes and not item.verbatim:
        # “…,” then more words: the comma closes the quoted clause, and what follows
        # ("claiming ...", "promising ...") is the writer's, not the content.
        last = max(item.quotes, key=lambda q: q.outer[1])
        if text[last.start:last.end].rstrip().endswith(",") and doc[frame.cue[0]].idx < last.outer[0] and (
            _narration_follows(doc, text, last)
        ):
            frame.content = _starting_before(doc, frame.content, last.outer[1]) or frame.content
        elif doc[frame.cue[0]].idx < last.outer[0] and _occasion_follows(doc, text, last):
            # “crazy system” during a campaign stop: when and where it was said is narration.
            frame.content = _starting_before(doc, frame.content, last.outer[1]) or frame.content
    if frame is not None:
        if item.quotes:
            # direct when at most one word of the clause is outside the marks (two decide it)
            outside = (i for i in set(frame.content) - q_tokens if not doc[i].is_punct)
            kind = "direct" if len(list(islice(outside, 2))) <= 1 else "partial"
        else:
            kind = "partial" if _has_marks(doc, text, frame.content) else "indirect"
    else:
        kind = "direct"
    if kind == "direct":
        content = [_piece(article, s, e, "content") for q in item.quotes for s, e in q.pieces]
        quoted_spans: list[Span] = []
    else:
        # Quotations joined to the attribution (the second half of a broken quotation) are
        # part of what was said even when the parse left them out of the clause.
        content = [_piece(article, s, e, "content")
                   for s, e in _runs(doc, _filled(doc, set(frame.content) | q_tokens, frame))]
        quoted_spans = _quoted_within(article, content, item.quotes, quoted)
        content = _close_marks(article, content, [*item.quotes, *quoted.all])
        if kind == "partial" and not quoted_spans:
            kind = "indirect"  # marks in the clause that quote nothing (a stray mark)
    if item.verbatim:
        # The turn's words only: a transcript quoted as a whole puts the label inside the marks.
        label = set(frame.source) | set(frame.cue)
        content = [_piece(article, s, e, "content")
                   for s, e in _runs(doc, {i for i in frame.content if i not in label})]
        kind, quoted_spans = "direct", []
    content = [c for c in content if c is not None]
    if not content:
        return None, SpeakerRef("none")
    cue_span = speaker_span = None
    if frame is not None:
        cue_span = _span_of(article, doc, cue_tokens(doc, frame), "cue")
        if cue_span is None:  # a cue that is only a mark (PENCE: …) is still the cue
            mark = doc[frame.cue[0]]
            cue_span = Span(article.id, mark.idx, mark.idx + len(mark.text), mark.text, "cue")
        if not frame.source and frame.cue[0] > min(frame.content):
            _source_after_cue(doc, frame)
        if frame.source:
            speaker_span = _span_of(article, doc, frame.source, "speaker")
        ref = resolve(doc, frame.source_head, frame.source, people, recent,
                      options.pronoun_window if doc[frame.source_head].pos_ == "PRON" else options.epithet_window) \
            if frame.source_head is not None else SpeakerRef("none")
        cue_token = doc[frame.verb if frame.verb is not None else frame.cue[0]]
        extra = [doc[i] for i in frame.source]
        channel = cues.channel_of(cue_token, extra)
        date = _date_of(article, cue_token)
    elif item.speaker_from is not None:
        ref = refs.get(id(item.speaker_from), SpeakerRef("none"))
        prior = item.speaker_from
        ref = SpeakerRef(ref.kind, ref.mention, ref.name, round(ref.confidence * 0.9, 3),
                         ref.alternatives, ref.epithet)
        channel = "unknown"
        if prior.frame is not None:
            cue_token = doc[prior.frame.verb if prior.frame.verb is not None else prior.frame.cue[0]]
            channel = cues.channel_of(cue_token, [doc[i] for i in prior.frame.source])
            if prior.frame.source:
                # The speaker is named where the quotation it continues was attributed.
                speaker_span = _span_of(article, doc, prior.frame.source, "speaker")
        date = None
    else:
        ref = SpeakerRef("none")
        channel, date = "unknown", None
    body = " ".join(c.text for c in content)
    context = None
    if kind == "partial":
        # A partial quote's words are exactly those inside the marks; the reported clause
        # around them is the writer's and is kept apart.
        body, context = " … ".join(s.text for s in quoted_spans), body
    record = Attribution(
        article_id=article.id,
        kind=kind,
        text=body,
        context=context,
        content=tuple(content),
        channel=channel,
        family=frame.family if frame is not None else ("speech" if item.speaker_from else None),
        cue=cue_span,
        speaker=speaker_span,
        speaker_kind=ref.kind,
        speaker_mention=ref.mention,
        speaker_name=ref.name,
        speaker_confidence=ref.confidence if ref.mention is not None else 0.0,
        speaker_alternatives=ref.alternatives,
        epithet=ref.epithet,
        quoted=tuple(quoted_spans),
        date=date,
        flags=tuple(sorted(item.flags)),
    )
    return record, ref


def _quoted_within(article: Article, content: list[Span | None], own: list[Quoted],
                   quoted: Quotations) -> list[Span]:
    """The words inside marks of a reported clause: the attribution's own quotations and any
    other quotation that lies in its content, in text order, without empty ones (“ ”)."""
    pieces = {p for q in own for p in q.pieces}
    for c in content:
        if c is not None:
            pieces.update(p for q in quoted.within(c.start, c.end) for p in q.pieces)
    spans = [_piece(article, s, e, "quoted") for s, e in sorted(pieces)]
    return [s for s in spans if s is not None and any(ch.isalnum() for ch in s.text)]


def _filled(doc: Doc, indices: set[int], frame: Frame) -> set[int]:
    """A reported clause without holes: words the parse left between two of its pieces
    ("lauded West [for] his “signed” [Make] America") belong to it, except the cue's and the
    source's own words and anything across a paragraph break."""
    if not indices:
        return indices
    own = set(frame.cue) | set(frame.source)
    low, high = min(indices), max(indices)
    gap = [i for i in range(low, high + 1) if i not in indices]
    if any(i in own or "\n" in doc[i].text for i in gap):
        return indices
    return indices | set(gap)


def _close_marks(article: Article, content: list[Span | None], quoted: list[Quoted]) -> list[Span | None]:
    """A reported clause that ends inside a quotation takes its closing mark (“… of the
    delay.” rather than “… of the delay.), so the clause reads as the article prints it."""
    result = []
    for span in content:
        if span is not None:
            for q in quoted:
                if span.start <= q.start < span.end <= q.outer[1] and not article.text[span.end:q.outer[1]].strip(
                    ".,;:!?’”\"'"
                ):
                    span = Span(article.id, span.start, q.outer[1], article.text[span.start:q.outer[1]], span.role)
        result.append(span)
    return result


OCCASION_PREPS = frozenset({"during", "amid", "following"})


def _occasion_follows(doc: Doc, text: str, q: Quoted) -> bool:
    """Right after the closing mark, a phrase of the occasion ("during a campaign stop", "amid
    the protests") rather than more of what was said."""
    after = doc.char_span(q.outer[1], min(len(text), q.outer[1] + 40), alignment_mode="contract")
    words = [t for t in after or () if not t.is_space]
    return bool(words) and words[0].lower_ in OCCASION_PREPS and words[0].pos_ == "ADP"


def _narration_follows(doc: Doc, text: str, q: Quoted) -> bool:
    """After “…,” the writer takes over with a participle or a clause of its own ("…,”
    claiming", "…,” he said"), not with more of the reported clause ("…,” and have been")."""
    after = doc.char_span(q.outer[1], min(len(text), q.outer[1] + 60), alignment_mode="contract")
    words = [t for t in after or () if not t.is_punct and not t.is_space][:4]
    if not words:
        return True
    first = words[0]
    if first.tag_ == "VBG" or cues.speech_lemma(first):
        return True
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i in {w.i for w in words} for t in words)


def _source_after_cue(doc: Doc, frame: Frame) -> None:
    """Inverted attribution ("…,” said the senator): the noun phrase right after the cue."""
    following = []
    for token in doc[frame.cue[-1] + 1:frame.cue[-1] + 10]:
        if token.is_punct or token.is_space or token.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ"):
            break
        if not following and token.pos_ == "ADV":
            continue
        following.append(token)
    if any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in following):
        frame.source = [t.i for t in following]
        frame.source_head = phrase_head(following).i


def _starting_before(doc: Doc, content: list[int], offset: int) -> list[int]:
    """The content's tokens that start before character ``offset``: a first part of it, as
    content is sorted (found by bisection, reading a few tokens)."""
    return content[:bisect_left(content, offset, key=lambda i: doc[i].idx)]


def _has_marks(doc: Doc, text: str, indices: list[int]) -> bool:
    """Whether one of the tokens is a quotation mark."""
    if not indices:
        return False
    last = doc[max(indices)]
    if not MARK_TEXT.search(text, doc[min(indices)].idx, last.idx + len(last.text)):
        return False  # no mark in the text the tokens span (most clauses): none need be read
    return any(doc[i].text in QUOTE_MARK_TOKENS for i in indices)


# The marks' text: a clause's tokens hold a mark only where the text they span does.
MARK_TEXT = re.compile("|".join(re.escape(mark) for mark in sorted(QUOTE_MARK_TOKENS, key=len, reverse=True)))


def _runs(doc: Doc, indices: Iterable[int]) -> list[tuple[int, int]]:
    """Character ranges of the contiguous runs of tokens; runs separated only by punctuation
    within a paragraph join (the quotation marks around “confidential” in a reported clause
    belong to it even when the parse left them out)."""
    runs: list[tuple[int, int]] = []
    last = -2
    # tokens in a row always join: only the first and last of each row are read
    for first, final in consecutive_runs(sorted(set(indices))):
        start, end = doc[first].idx, doc[final].idx + len(doc[final])
        if runs and runs[-1][1] <= start and all(
                t.is_punct and "\n" not in t.whitespace_ for t in doc[last + 1:first]):
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
        last = final
    return runs


def _piece(article: Article, start: int, end: int, role: str) -> Span | None:
    """The span of ``article.text[start:end]`` without edge punctuation, as evidence of ``role``."""
    text = article.text
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    if end <= start:
        return None
    return Span(article.id, start, end, text[start:end], role)


def _span_of(article: Article, doc: Doc, indices: list[int], role: str) -> Span | None:
    if not indices:
        return None
    start = doc[min(indices)].idx
    last = doc[max(indices)]
    return _piece(article, start, last.idx + len(last.text), role)


def _date_of(article: Article, verb: Token) -> TimeRef | None:
    """The date or time expression that modifies the act ("On Wednesday, West tweeted")."""
    for child in verb.children:
        candidates = [child]
        if child.dep_ == "prep" and child.lower_ in DATE_PREPS:
            candidates = [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ not in ("npadvmod", "advmod", "tmod", "obl"):
            continue
        for token in candidates:
            if token.ent_type_ in ("DATE", "TIME"):
                found = _entity_at(token)
                if found is None:
                    continue
                ent, label = found
                span = Span(article.id, ent.start_char, ent.end_char, ent.text)
                return TimeRef(text=ent.text, type=label, value=None, span=span)
    return None


def _entity_at(token: Token):
    """The named entity holding ``token`` and its label, read from the tokens' IOB tags
    around it as ``doc.ents`` reads them (which builds every entity of the document)."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob == 1:  # inside: the entity began before
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob == 1:
        end += 1
    first = doc[start]
    if first.ent_iob != 3 or not first.ent_type:
        return None
    return doc[start:end], first.ent_type_
