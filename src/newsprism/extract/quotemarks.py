"""Quoted stretches of text found from quotation marks alone, before any parsing.

Newsroom typography is messy: straight and curly marks, single and double, the doubled
apostrophes of some archives (``''like this''``), quotes that run over several paragraphs (each
new paragraph reopens the mark, only the last one closes it), quotes broken by an attribution,
and marks that are simply never closed. The scanner works paragraph by paragraph and never
raises: a mark it cannot pair is recovered as far as the paragraph allows and flagged
``unbalanced`` so that later stages (and readers) can see the guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.offsets import RangeUnion

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
STRAIGHT_DOUBLE = '"'
# A double mark is one character, or two straight apostrophes / backticks in some archives.
DOUBLE_MARK = re.compile(r"''|``|[\"“”„«»]")
SINGLE_OPEN = "‘"
SINGLE_MARK = re.compile(r"[‘’']")
PARAGRAPH = re.compile(r"[^\n]+")
WORDCHAR = re.compile(r"\w")


@dataclass(frozen=True)
class Quoted:
    """One quotation as the marks delimit it.

    ``pieces`` are ``(start, end)`` character ranges of the quoted words without the marks, one
    per paragraph for a quotation that runs over several. ``outer`` is the range including the
    marks. ``flags`` holds ``unbalanced`` when a mark had no partner and the extent is a
    recovery, and ``single`` for quotations in single marks.
    """

    pieces: tuple[tuple[int, int], ...]
    outer: tuple[int, int]
    flags: tuple[str, ...] = ()

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def text(self, source: str) -> str:
        """The quoted words, paragraphs joined by one space."""
        return " ".join(source[s:e] for s, e in self.pieces)


def _role(text: str, start: int, end: int) -> str:
    """Whether a mark at ``text[start:end]`` can ``open``, ``close``, or ``either``."""
    mark = text[start:end]
    if mark in OPEN_DOUBLE or mark == "``":
        return "open"
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    if mark in CLOSE_DOUBLE:
        # A closing mark that opens a paragraph before a word was typed for an opening one.
        return "open" if before == "\n" and WORDCHAR.match(after) else "close"
    space_before = before.isspace() or before in "([{—–-/"
    space_after = after.isspace() or after in ".,;:!?)]}—–-"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def find_quoted(text: str) -> tuple[list[Quoted], list[int]]:
    """Every quotation delimited by double marks, and the offsets of marks left unpaired.

    Returns:
        The quotations in text order, and offsets of stray marks that opened or closed
        nothing (reported, never fatal).
    """
    paragraphs = [(m.start(), m.end()) for m in PARAGRAPH.finditer(text)]
    quotes: list[Quoted] = []
    stray: list[int] = []
    carry: list[tuple[int, int]] | None = None  # pieces of a quotation still open
    carry_outer = 0
    for index, (p_start, p_end) in enumerate(paragraphs):
        marks = [(m.start(), m.end()) for m in DOUBLE_MARK.finditer(text, p_start, p_end)]
        open_at: int | None = None  # offset just after the opening mark
        outer_start = 0
        depth = 0
        if carry is not None:
            if marks and marks[0][0] == _first_char(text, p_start, p_end) and _role(text, *marks[0]) != "close":
                open_at, outer_start = marks[0][1], carry_outer
                marks = marks[1:]
            else:  # the previous paragraph's quotation never closed
                quotes.append(_recovered(carry, carry_outer))
                carry = None
        for m_start, m_end in marks:
            role = _role(text, m_start, m_end)
            if open_at is None:
                if role == "close":
                    stray.append(m_start)
                    continue
                open_at, outer_start, depth = m_end, m_start, 0
                continue
            if role == "open" and _sentence_end_before(text, m_start, open_at):
                # A new opening mark after a finished sentence: the writer reopened without
                # closing. Close the first quotation here and start again.
                pieces = (carry or []) + [_trim(text, open_at, m_start)]
                quotes.append(_recovered(pieces, outer_start))
                carry = None
                open_at, outer_start = m_end, m_start
                continue
            if role == "open":
                depth += 1  # a nested quotation in double marks: part of this one
                continue
            if depth and role == "close":
                depth -= 1
                continue
            pieces = (carry or []) + [(open_at, m_start)]
            carry = None
            quotes.append(Quoted(tuple(p for p in pieces if p[1] > p[0]) or ((open_at, m_start),),
                                 (outer_start, m_end)))
            open_at = None
        if open_at is not None:
            pieces = (carry or []) + [_trim(text, open_at, p_end)]
            next_opens = index + 1 < len(paragraphs) and _opens_with_mark(text, *paragraphs[index + 1])
            if next_opens:
                carry, carry_outer = pieces, outer_start
            else:
                quotes.append(_recovered(pieces, outer_start))
                carry = None
    if carry is not None:
        quotes.append(_recovered(carry, carry_outer))
    return quotes, stray


def find_single_quoted(text: str, taken: list[tuple[int, int]]) -> list[Quoted]:
    """Quotations in single marks outside double-quoted text (headline style, nested-free).

    An opening single mark must follow a space or the paragraph start and precede a letter;
    the closing one must follow a non-space and precede a space or punctuation, within the
    same paragraph. Apostrophes inside words (``don't``) never pair.
    """
    found: list[Quoted] = []
    inside = RangeUnion(taken)  # (bisected: apostrophes are many, and so are quotations)
    for p_start, p_end in ((m.start(), m.end()) for m in PARAGRAPH.finditer(text)):
        open_at = None
        for match in SINGLE_MARK.finditer(text, p_start, p_end):
            pos = match.start()
            if pos in inside:
                continue
            before = text[pos - 1] if pos > p_start else " "
            after = text[pos + 1] if pos + 1 < p_end else " "
            if open_at is None:
                if (before.isspace() or before in "(—–") and WORDCHAR.match(after):
                    open_at = pos
            elif not before.isspace() and (after.isspace() or after in ".,;:!?)—–"):
                if not (before.isalpha() and text[pos - 2:pos - 1] == "s" and match.group() != "’"):
                    found.append(Quoted(((open_at + 1, pos),), (open_at, pos + 1), ("single",)))
                    open_at = None
    return found


def _first_char(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _opens_with_mark(text: str, start: int, end: int) -> bool:
    first = _first_char(text, start, end)
    match = DOUBLE_MARK.match(text, first)
    return bool(match) and _role(text, match.start(), match.end()) != "close"


def _sentence_end_before(text: str, mark: int, open_at: int) -> bool:
    """A sentence ends right before ``mark`` (". “"), far enough from the opening mark."""
    before = text[open_at:mark].rstrip()
    return len(before) > 1 and before[-1] in ".!?…" and mark - open_at > 20


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _recovered(pieces: list[tuple[int, int]], outer_start: int) -> Quoted:
    pieces = [p for p in pieces if p[1] > p[0]] or pieces[:1]
    return Quoted(tuple(pieces), (outer_start, pieces[-1][1]), ("unbalanced",))
