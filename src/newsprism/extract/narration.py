"""The outlet's own voice: each article's narration with quoted and embedded text removed.

Framing measures how an outlet writes, not what the people it quotes say, so everything that
is someone else's words is masked first: the content of the quotations the ``quotes`` stage
found, the posts the ``posts`` stage found, embedded posts the reader placed, and, whatever
those stages find, any text between quotation marks and any paragraph in the flattened form
of an embedded post (``… — Name (@handle) April 25, 2018``). Masking errs on the side of
removing too much: a sentence of narration lost costs less than a quotation scored as the
outlet's opinion.

Each sentence keeps its narration pieces and the evaluative words found in them
(:mod:`newsprism.story.lexicon`); the VADER compound score of the pieces is computed when a
reader asks for it (framing asks only for the sentences that name a main person).
"""

from __future__ import annotations

import dataclasses
import re
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsprism import sentiment
from newsprism.memo import Memo
from newsprism.model import Article, Span
from newsprism.stages import document_stage
from newsprism.story.lexicon import Hit, TokenInfo, evaluative_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# The attribution that closes a flattened embedded post: "— Name (@handle) April 25, 2018".
EMBED_TAIL = re.compile(rf"[—–-]\s*[^\n]{{0,80}}\(@\w{{1,30}}\)\s*(?:{MONTHS})\.?\s+\d{{1,2}},\s+\d{{4}}\s*$")
URL_LINE = re.compile(r"^\s*(?:https?://|pic\.twitter\.com/)\S+\s*$")
# What a line matching EMBED_TAIL or URL_LINE holds, one or the other.
_EMBED_WORDS = ("(@", "://", "pic.twitter.com/")
SPEECH_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
REPORTING = frozenset({"reporting_neutral", "reporting_loaded"})
# Spans of a post that are the post itself; its author, target and cue spans in a narrated
# repost ("Chance retweeted the President") are the outlet's words and stay narration.
POST_WORDS = (None, "text", "attribution", "url")


@dataclass(frozen=True, slots=True)
class NarrationSentence:
    """One sentence: its narration pieces (character ranges) and the evaluative words in them."""

    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]
    hits: tuple[Hit, ...]

    def compound(self, text: str) -> float | None:
        """The VADER compound score of the pieces of ``text`` (the article's), None when
        nothing of the sentence is narration."""
        if not self.pieces:
            return None
        return sentiment.compound_score(sentiment.analyzer(), " ".join(text[s:e] for s, e in self.pieces))


@dataclass(frozen=True, slots=True)
class Narration:
    """An article's masked (quoted or embedded) ranges and its sentences."""

    article_id: str
    length: int
    masked: tuple[tuple[int, int], ...]
    sentences: tuple[NarrationSentence, ...]

    def is_narration(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies outside every masked range."""
        return not any(s < end and start < e for s, e in self.masked)

    @property
    def share(self) -> float:
        """Share of the article's characters that are the outlet's own words."""
        masked = sum(e - s for s, e in self.masked)
        return round(1 - masked / self.length, 3) if self.length else 0.0

    def pieces(self, sentence: NarrationSentence, text: str, role: str = "narration") -> tuple[Span, ...]:
        return tuple(Span(self.article_id, s, e, text[s:e], role) for s, e in sentence.pieces)


@document_stage("narration", after=("quotes", "posts"))
def find_narration(doc: Doc, article: Article, results, options) -> Narration:
    """The article's narration sentences, scored, with their evaluative words."""
    masked = merge(
        list(quoted_ranges(article.text))
        + list(embed_ranges(article))
        + list(_record_ranges(results.get("quotes"), roles=("content",)))
        + list(_record_ranges(results.get("posts"), roles=POST_WORDS))
    )
    narration = Narration(article.id, len(article.text), tuple(masked), ())
    lexicon = evaluative_lexicon(options.compare.framing.sentiment_min_valence)
    sentences = []
    tokens = _Tokens(doc, article.text)
    for start, end in sentence_lines(doc, article.text):
        pieces = _pieces(start, end, masked, article.text)
        if not pieces:  # all of it quoted or embedded: nothing to score
            sentences.append(NarrationSentence(start, end, (), ()))
            continue
        sent = doc.char_span(start, end, alignment_mode="expand")
        kept = tokens.within(sent.start, sent.end, pieces)
        hits = [h for h in lexicon.match(tokens.infos(kept)) if _keep(h, doc, tokens, kept)]
        hits = [Hit(h.entry, h.start, h.end, article.text[h.start:h.end]) for h in hits]
        sentences.append(NarrationSentence(start, end, tuple(pieces), tuple(hits)))
    return dataclasses.replace(narration, sentences=tuple(sentences))


def sentence_lines(doc: Doc, text: str) -> tuple[tuple[int, int], ...]:
    """Sentences of ``doc`` (parsed from ``text``), cut again at line breaks: a paragraph end
    always ends a sentence. Made once per parse: acts, fact claims and narration all read them.
    """
    found = _SENTENCE_LINES.get(doc)
    if found is None:
        found = _SENTENCE_LINES[doc] = tuple(
            (sent.start_char + match.start(), sent.start_char + match.end())
            for sent in doc.sents for match in _LINE.finditer(text[sent.start_char:sent.end_char])
        )
    return found


_LINE = re.compile(r"[^\n]+")
_SENTENCE_LINES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # by parse, while it lives


@lru_cache(maxsize=64)
def quoted_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """Ranges between quotation marks, marks included, paragraph by paragraph.

    A curly or straight double quote left open runs to the end of its paragraph (as a
    multi-paragraph quotation does); a single curly quote counts only where it opens before
    a letter after a space and closes before a non-letter, so apostrophes stay text.
    Several stages of a document, and then of its story, ask for the same text's ranges: the
    latest texts' are kept.
    """
    return tuple(_find_quoted_ranges(text))


def _find_quoted_ranges(text: str) -> Iterable[tuple[int, int]]:
    for match in re.finditer(r"[^\n]+", text):
        para, base = match.group(), match.start()
        yield from _pairs(para, base, "“", "”")
        yield from _pairs(para, base, "«", "»")
        yield from _straight(para, base)
        yield from _single(para, base)


def _pairs(para: str, base: int, opening: str, closing: str) -> Iterable[tuple[int, int]]:
    i = para.find(opening)
    while i >= 0:
        j = para.find(closing, i + 1)
        end = len(para) if j < 0 else j + 1
        yield base + i, base + end
        i = para.find(opening, end)


def _straight(para: str, base: int) -> Iterable[tuple[int, int]]:
    marks = [m.start() for m in re.finditer(r'"', para)]
    for k in range(0, len(marks), 2):
        end = marks[k + 1] + 1 if k + 1 < len(marks) else len(para)
        yield base + marks[k], base + end


def _single(para: str, base: int) -> Iterable[tuple[int, int]]:
    # Curly ‘…’, and straight '…' as headlines use them ("Trump's view is 'dangerously
    # wrong'"): an opening mark after a space before a letter, a closing one before a
    # non-letter, at most 200 characters apart, so that apostrophes stay text.
    for pattern in _SINGLE:
        for match in pattern.finditer(para):
            yield base + match.start(), base + match.end()


# The patterns open with the mark itself and check what precedes it after it: a pattern that
# opens with a lookbehind is tried at every character of the paragraph, one that opens with a
# literal only where the mark is.
_SINGLE = (re.compile(r"‘(?:(?<=^‘)|(?<=[\s(“\"]‘))(?=\w)(.{1,200}?)’(?!\w)"),
           re.compile(r"'(?:(?<=^')|(?<=[\s(“\"]'))(?=\w)(.{1,200}?)(?<=[\w.,!?])'(?!\w)"))


def embed_ranges(article: Article) -> Iterable[tuple[int, int]]:
    """Embedded posts: those the reader placed, flattened embed paragraphs, bare URL lines."""
    for embed in article.embeds:
        if embed.start is not None and embed.end is not None:
            yield embed.start, embed.end
    yield from embed_lines(article.text)


@lru_cache(maxsize=64)
def embed_lines(text: str) -> tuple[tuple[int, int], ...]:
    """The lines of ``text`` that are a flattened embed paragraph or a bare URL. Narration,
    acts and fact claims of a document all ask for the same text's lines: the latest texts'
    are kept, as :func:`quoted_ranges` keeps their quotations."""
    if not any(word in text for word in _EMBED_WORDS):
        return ()  # most texts: no line to search
    return tuple(
        (match.start(), match.end()) for match in re.finditer(r"[^\n]+", text)
        if EMBED_TAIL.search(match.group()) or URL_LINE.match(match.group())
    )


def _record_ranges(records: Any, roles: tuple[str, ...] | None) -> Iterable[tuple[int, int]]:
    """Spans (of the given roles, or all) anywhere inside a stage's output."""
    stack = [records]
    while stack:
        value = stack.pop()
        kind = _kind(type(value))
        if kind is Span:
            if roles is None or value.role in roles:
                yield value.start, value.end
        elif kind is list:
            stack.extend(value)
        elif kind:
            stack.extend(getattr(value, name) for name in kind)


@lru_cache(maxsize=None)
def _kind(cls: type) -> Any:
    """How :func:`_record_ranges` walks values of ``cls``: ``Span``, ``list`` (a list or tuple
    to walk), the names of a dataclass's fields that may hold a span (not those declared as
    text, numbers or flags: most of a record's fields, each a value to look at), or None;
    read once per type (dataclass field lookups, repeated for every record of a large
    output, cost more than the walk)."""
    if issubclass(cls, Span):
        return Span
    if dataclasses.is_dataclass(cls):
        return tuple(f.name for f in dataclasses.fields(cls) if f.type not in _PLAIN)
    return list if issubclass(cls, (list, tuple)) else None


# Field types that hold no span, as annotations name them (postponed, or not).
_PLAIN = frozenset(
    {str, int, float, bool}
    | {f"{name}{none}" for name in ("str", "int", "float", "bool") for none in ("", " | None")}
    | {"tuple[str, ...]"}
)


def merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching ranges joined, in order."""
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _pieces(start: int, end: int, masked: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The parts of ``[start, end)`` outside the masked ranges (sorted, disjoint: see
    :func:`merge`) that hold a word, trimmed."""
    pieces, cursor = [], start
    # Skip the ranges that end before the sentence; stop at the first that starts after it.
    for k in range(bisect_right(masked, start, key=lambda r: r[1]), len(masked)):
        s, e = masked[k]
        if s >= end:
            break
        if e <= cursor:
            continue
        if s > cursor:
            pieces.append((cursor, s))
        cursor = max(cursor, e)
    if cursor < end:
        pieces.append((cursor, end))
    trimmed = []
    for s, e in pieces:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if re.search(r"[^\W\d_]{2}", text[s:e]):
            trimmed.append((s, e))
    return trimmed


class _Tokens:
    """What narration reads of every token, from the parse's arrays (token objects and their
    string properties, made for each word of each sentence, cost more than the matching)."""

    def __init__(self, doc: Doc, text: str):
        from spacy.attrs import IDX, LEMMA, LENGTH, POS
        from spacy.parts_of_speech import NAMES

        self.text, self.strings, self.pos_names = text, _strings(doc.vocab.strings), NAMES
        columns = doc.to_array([IDX, LENGTH, LEMMA, POS]).reshape(len(doc), 4)
        self.idx, self.lemma, self.pos = columns[:, [0, 2, 3]].T.tolist()
        self.ends = (columns[:, 0] + columns[:, 1]).tolist()

    def within(self, first: int, last: int, pieces: list[tuple[int, int]]) -> list[range]:
        """The runs of the tokens ``first:last`` that lie wholly inside one of ``pieces``
        (sorted, disjoint, as the tokens are: the tokens inside a piece are one run, from the
        first that starts in it to the last that ends in it)."""
        idx, ends = self.idx, self.ends
        return [range(bisect_left(idx, s, first, last), bisect_right(ends, e, first, last)) for s, e in pieces]

    def infos(self, runs: list[range]) -> list[TokenInfo]:
        """The tokens of ``runs`` as the lexicon reads them."""
        text, idx, ends, lemma, pos = self.text, self.idx, self.ends, self.lemma, self.pos
        strings, names = self.strings, self.pos_names
        # made as the named tuple's _make makes them: its constructor, a Python function,
        # cost as much again for each of the article's words
        return [_new_tuple(TokenInfo, (text[idx[i]:ends[i]], strings[lemma[i]], names[pos[i]], idx[i]))
                for run in runs for i in run]


_new_tuple = tuple.__new__


@lru_cache(maxsize=4)
def _strings(strings) -> Memo:
    """The strings of one string store by id (a store lookup per token cost more than a
    dictionary's)."""
    return Memo(strings.__getitem__, 200_000)


def _keep(hit: Hit, doc: Doc, tokens: _Tokens, kept: list[range]) -> bool:
    """Reporting verbs count only where they report speech ("claimed that …", "maintained:",
    a quotation after them), not in "maintain a right" or "revealed a conversation"."""
    if hit.entry.category not in REPORTING or " " in hit.entry.term:
        return True
    index = next((i for run in kept for i in run if tokens.idx[i] == hit.start), None)
    if index is None:
        return True
    token = doc[index]
    if any(child.dep_ in SPEECH_DEPS for child in token.children):
        return True
    following = [t.text for t in token.doc[token.i + 1:token.i + 3]]
    if following[:1] and following[0] in (":", "“", '"', "‘", "that"):
        return True
    return following[:1] == [","] and following[1:2] in (["“"], ['"'], ["‘"])
