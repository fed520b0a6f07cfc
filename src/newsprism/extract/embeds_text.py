"""Embedded posts as article text keeps them: ``<text> — Display Name (@handle) Date [URL]``.

When a page's embedded tweet (or Instagram, TikTok ... post) is flattened to text, by a
copy-paste, a scraper or newsprism's own HTML reader, what is left is a paragraph whose last
line attributes the words before it: an em dash, en dash or hyphen, the account's display
name, its handle in parentheses, the date the platform printed (in the page's language:
"April 25, 2018", "25. September 2018", "16 мая 2018 г.") and sometimes the post's URL.
This module finds those paragraphs and splits them into exact spans; it knows nothing about
stages or records (:mod:`newsprism.extract.posts` turns its findings into posts).

The post's text runs back from the attribution to the start of its paragraph, never further:
narration before the paragraph is the article's, not the post's. A dash in prose, a sign-off
("Follow Jane Roe on Twitter @janeroe"), an e-mail address in parentheses or a signature
without a handle ("— Jane Roe, mayor") are not attributions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from newsprism.extract.post_context import blank_line_paragraphs, trim_span
from newsprism.social import handle_from_url, platform_of, post_id_from_url

# The dash that opens an attribution: em dash, en dash, horizontal bar or figure dash,
# possibly glued to the text before it ("pic.twitter.com/x— Name"); a hyphen only after
# whitespace (or at a line start), so "well-known (@x)" is never read as one.
_DASH = (
    r"(?P<dash>(?:—|–|―|‒|&mdash;|&ndash;)|(?<![^\s])--?"
    # Instagram's legacy embeds end "A post shared by Name (@handle) on Apr 2, 2023 at …".
    r"|(?<![^\s])(?P<shared>A post shared by|Ein Beitrag geteilt von|Une publication partagée par"
    r"|Una publicación compartida por|Un post condiviso da|Uma publicação compartilhada por))"
)
# A display name: up to 80 characters of one line, without parentheses or "@" (emoji,
# hashtags, dots and capitals are all allowed), and without a spaced dash inside, so that
# the last dash before the handle opens the attribution.
_NAME = r"(?P<name>(?:(?![ \t\u00a0][—–―‒-][ \t\u00a0])[^\n()@]){0,80}?)"
_HANDLE = r"\([ \t\u00a0]*@(?P<handle>[A-Za-z0-9_](?:[\w.]{0,29}))[ \t\u00a0]*\)"
# Everything after the handle up to the line end: the date (possibly "on ... at ..."), then
# an optional URL. Both are checked after matching.
_TAIL = r"(?P<tail>[^\n]{0,300}?)[ \t\u00a0]*(?=\n|\Z)"

ATTRIBUTION = re.compile(_DASH + r"[ \t\u00a0]*" + _NAME + r"[ \t\u00a0]*" + _HANDLE + _TAIL)

_URL = re.compile(r"(?:https?://|www\.)\S+|(?:twitter|x|instagram|facebook|youtube|tiktok)\.com/\S+")

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_TIME = r"(?:\s*(?:at|,|·|-)?\s*\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,5})?)?"
# English forms platforms print: "April 25, 2018", "Apr 25, 2018 at 10:01am PDT", "25 April 2018".
_ENGLISH_DATES = (
    re.compile(r"^(?:on\s+)?" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME + r"$", re.IGNORECASE),
    re.compile(r"^(?:on\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME + r"$", re.IGNORECASE),
)
_HAS_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


@dataclass(frozen=True, slots=True)
class TextEmbed:
    """One flattened post found in a text: character spans into that text.

    ``text`` is the post's words (empty, ``text[0] == text[1]``, when the post was only
    media); ``attribution`` runs from the dash to the end of the date or URL. ``date`` is an
    ISO date (``precision`` ``day``) or None when only a URL dates the post.
    """

    text: tuple[int, int]
    attribution: tuple[int, int]
    handle: str
    handle_span: tuple[int, int]
    display_name: str | None
    name_span: tuple[int, int] | None
    date: str | None
    date_span: tuple[int, int] | None
    url: str | None
    url_span: tuple[int, int] | None
    platform: str

    @property
    def start(self) -> int:
        """Where the post begins in the text (its words, or its attribution when it has none)."""
        return self.text[0] if self.text[0] < self.text[1] else self.attribution[0]

    @property
    def end(self) -> int:
        """Where the post ends: the end of its attribution."""
        return self.attribution[1]

    @property
    def status_id(self) -> str | None:
        """The platform's id of the post, when the attribution carries its URL."""
        return post_id_from_url(self.url) if self.url else None


def find_text_embeds(text: str, max_text_chars: int = 4000) -> list[TextEmbed]:
    """Every flattened post in ``text``, in reading order.

    Args:
        text: an article's cleaned text.
        max_text_chars: the longest a post's text may be; a longer paragraph before an
            attribution is narration, and only its last lines that fit are taken.

    Returns:
        The posts found, each with exact spans into ``text``.
    """
    found: list[TextEmbed] = []
    blank_lines = blank_line_paragraphs(text)
    floor = 0  # nothing before the end of the previous attribution belongs to the next post
    for match in ATTRIBUTION.finditer(text):
        parsed = _attribution(match)
        if parsed is None:
            continue
        dash_start = match.start("dash")
        start = _paragraph_start(text, dash_start, blank_lines, floor)
        text_span = trim_span(text, start, dash_start)
        if text_span[1] - text_span[0] > max_text_chars:
            text_span = _last_lines(text, text_span, max_text_chars)
        if not blank_lines and text_span[0] == text_span[1]:
            text_span = _line_before(text, start, floor, parsed["fields"], max_text_chars) or text_span
        found.append(TextEmbed(text=text_span, attribution=(dash_start, parsed["end"]), **parsed["fields"]))
        floor = parsed["end"]
    return found


def _attribution(match: re.Match) -> dict | None:
    """The checked parts of an attribution match, or None when its tail is no date/URL."""
    tail, tail_start = match.group("tail"), match.start("tail")
    url = url_span = None
    url_match = None
    for candidate in _URL.finditer(tail):
        url_match = candidate
    if url_match and url_match.end() == len(tail.rstrip()):
        url = url_match.group(0).rstrip(".,;)")
        url_span = (tail_start + url_match.start(), tail_start + url_match.start() + len(url))
        date_text = tail[: url_match.start()]
    else:
        date_text = tail
    stripped = date_text.strip()
    iso = parse_post_date(stripped) if stripped else None
    if stripped and iso is None:
        return None  # words after the handle that are not a date: prose, not an attribution
    if iso is None and url is None:
        return None  # neither a date nor a link: a signature, not an embed
    platform = platform_of(url) or ("instagram" if match.group("shared") else "twitter")
    date_span = None
    if iso is not None:
        offset = tail_start + date_text.index(stripped)
        date_span = (offset, offset + len(stripped))
    end = url_span[1] if url_span else date_span[1]
    name = match.group("name").strip()
    name_span = None
    if name:
        name_start = match.start("name") + match.group("name").index(name)
        name_span = (name_start, name_start + len(name))
    handle = match.group("handle").rstrip(".")
    if url and handle_from_url(url) and handle_from_url(url).lower() != handle.lower() and platform == "twitter":
        url = url_span = None  # a link to someone else's post is not this post's address
        if date_span is None:
            return None
        end = date_span[1]
    return {
        "end": end,
        "fields": {
            "handle": handle,
            "handle_span": (match.start("handle") - 1, match.start("handle") + len(handle)),
            "display_name": name or None,
            "name_span": name_span,
            "date": iso,
            "date_span": date_span,
            "url": url,
            "url_span": url_span,
            "platform": platform,
        },
    }


def parse_post_date(value: str) -> str | None:
    """The ISO date of a date as a platform prints it under a post, in any common language.

    English forms are read directly; other languages ("25. September 2018", "16 мая 2018 г.",
    "25 de abril de 2018") go to dateparser with strict parsing (day, month and year all
    required), so words that merely contain a year are not taken for a date.
    """
    value = value.strip()
    if not value or len(value) > 60 or not _HAS_YEAR.search(value):
        return None
    if _TAG.search(value):
        # markup left in a text ("June 29, 2016</tweet>."): dateparser reads no date there
        # either, after its first call has cost seconds of loading
        return None
    # A full stop after the date ends the sentence ("… June 29, 2016."); dateparser reads
    # the same date with or without it.
    english = value.rstrip(".")
    for pattern in _ENGLISH_DATES:
        match = pattern.match(english)
        if match:
            month = _MONTHS.get(match.group("month").lower())
            if month is None:
                break  # a month word in another language: let dateparser read it
            try:
                return date(int(match.group("year")), month, int(match.group("day"))).isoformat()
            except ValueError:
                return None
    return _dateparser_date(value)


@lru_cache(maxsize=2048)
def _dateparser_date(value: str) -> str | None:
    import dateparser

    parsed = dateparser.parse(
        value, settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True}
    )
    return parsed.date().isoformat() if parsed else None


def _paragraph_start(text: str, position: int, blank_lines: bool, floor: int) -> int:
    """Where the paragraph holding ``position`` starts.

    In texts that separate paragraphs with blank lines, a paragraph may span several lines
    (a post's own line breaks); in texts with one paragraph per line, it is the line.
    """
    if blank_lines:
        match = None
        for match in re.finditer(r"\n[ \t\u00a0]*\n", text[floor:position]):
            pass
        start = floor + match.end() if match else floor
    else:
        start = text.rfind("\n", floor, position) + 1
        start = max(start, floor)
    return start


def _line_before(text: str, line_start: int, floor: int, fields: dict, limit: int) -> tuple[int, int] | None:
    """In a text with one paragraph a line, the words of a post whose attribution stands on
    a line of its own (as text extractors flatten a tweet blockquote): the line before, when
    it reads as the post's words and not as narration introducing it ("… posted:") or about
    its author ("Okafor retweeted …"), nor as another post."""
    if line_start - 1 <= floor:
        return None
    start = max(text.rfind("\n", floor, line_start - 1) + 1, floor)
    span = trim_span(text, start, line_start - 1)
    line = text[span[0]:span[1]]
    if not line or len(line) > limit or line.endswith(":") or ATTRIBUTION.search(line):
        return None
    name_words = [w for w in re.findall(r"\w+", fields["display_name"] or "") if len(w) >= 4]
    if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", line) for w in name_words):
        return None
    if re.search(rf"(?<![\w@])@?{re.escape(fields['handle'])}(?!\w)", line, re.IGNORECASE):
        return None
    return span


def _last_lines(text: str, span: tuple[int, int], limit: int) -> tuple[int, int]:
    """The trailing whole lines of ``span`` that fit in ``limit`` characters (possibly none)."""
    start, end = span
    best, position = end, end
    while True:
        newline = text.rfind("\n", start, position)
        line_start = start if newline < 0 else newline + 1
        if end - line_start > limit:
            break
        best = line_start
        if newline < 0:
            break
        position = newline
    return trim_span(text, best, end) if best < end else (end, end)
