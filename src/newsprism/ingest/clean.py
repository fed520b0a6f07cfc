"""Cleaning: take non-article lines out of an article's text, and remember each one.

Extractors and copy-paste leave promotions ("READ MORE: ..."), share and subscribe prompts,
video teasers, sign-offs ("Follow Jane Roe on Twitter @janeroe"), trailers ("Comments"),
pictures' captions ("Workers lay a boom. Photograph: Ann Lee/AP") and the page's reader comments
(from the comment form's notice, "We welcome comments …", on) in the text. Their words are not the story: a quotation inside "READ MORE: X says ..." is a link
to another article, not a quote of this one. Each rule is a general pattern of such lines,
never a string from one article; every removed line is kept as a
:class:`~newsprism.model.RemovedText` with its offsets into the uncleaned text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsprism.extract.comments import comment_notice, comment_post
from newsprism.extract.datelines import CAPTION_LINE
from newsprism.model import RemovedText

# Whole lines that promote other content. Matched case-insensitively against a stripped line.
_PROMO = re.compile(
    r"""^(?:
        (?:read|see|watch|listen|click|tap)\s+(?:more|also|below|above|here|now|next|the\ latest)\b.*
      | (?:related|more|also\ read|also\ see|related\ stories|related\ video|recommended|trending|top\ stories|don'?t\ miss|must\ read|editor'?s\ picks?)\s*[:|>]\s*.*
      | (?:watch|listen|video|photos?|gallery|podcast)\s*[:|>]\s*.*
      | (?:get|sign\ up\ for|subscribe\ to)\ (?:the\ )?(?:breaking|daily|weekly|latest|top|free)\b.{0,60}(?:news|newsletter|alerts?|updates|headlines)\.?
      | sign\ up\b.{0,80}(?:newsletter|alerts?|updates|emails?)\b.*
      | (?:subscribe|download\ (?:the|our)\ .{0,40}app|get\ the\ app)\b.{0,120}
      | (?:share|tweet|email|print|pin)\s*(?:this|(?:on|via)\s+\w+)?\s*(?:article|story|post|page)?\s*[:!.]?
      | (?:share|follow\ us)\ (?:on|via)\ (?:facebook|twitter|x|instagram|linkedin|whatsapp|email|tiktok|youtube)\b.*
      | story\ continues\ (?:below|after)\b.*
      | (?:continue\ reading|advertisement|ad|sponsored(?:\ content)?|scroll\ to\ continue(?:\ with\ content)?)[.:]?
      | (?:all\ rights\ reserved|©|\(c\)\ \d{4}|copyright\ ©?\s*\d{4}).{0,200}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# A sign-off naming the author and their handle: "Follow Jane Roe on Twitter @janeroe".
_FOLLOW = re.compile(
    r"^(?i:(?:you\s+can\s+)?follow)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+"
    r"(?i:on\s+(?:twitter|x|instagram|facebook|threads|bluesky|mastodon))"
    r"(?:\s*(?i:at|:|-|–|—)?\s*(?P<handle>@\w{1,30}))?\.?\s*(?i:and\s+.{0,80})?$"
)
_NOT_AUTHOR = {"us", "me", "him", "her", "them", "the", "our"}

# Short lines that only close a page: "Comments", "Related", "Tags: a, b".
_TRAILER = re.compile(
    r"^(?:\d+\s+)?(?:comments?|show\s+comments|view\s+comments|related(?:\s+(?:articles|stories))?|"
    r"tags?\s*:.*|filed\s+under\s*:?.*|topics?\s*:.*|advertisement|share(?:\s+this)?:?|"
    r"more\s+from\s+.{1,60}|leave\s+a\s+comment|join\s+the\s+conversation)$",
    re.IGNORECASE,
)

# "date 2018-04-26" at the very start of a text, as some exporters write it.
_DATE_LINE = re.compile(r"\A\s*date\s*[:=]?\s*(?P<date>\d{4}-\d{2}-\d{2}(?:[T ][\d:.+Z-]+)?)\s+", re.I)


@dataclass
class Cleaned:
    """The cleaned text and what cleaning learned: removed lines, sign-off authors, a date."""

    text: str
    removed: list[RemovedText] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    date: str | None = None


def clean(raw: str, keep: frozenset[str] = frozenset()) -> Cleaned:
    """Remove non-article lines from ``raw`` and return the rest with what was removed.

    Offsets of removed lines refer to ``raw`` after line endings are normalized to ``\\n``.
    Lines in ``keep`` (the flattened embedded posts a reader put into the text, which may well
    start "WATCH:") are never removed.
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    removed: list[RemovedText] = []
    authors: list[str] = []
    date = None
    start = 0
    match = _DATE_LINE.match(raw)
    if match:
        date = match.group("date")
        removed.append(RemovedText("date-line", match.group(0).strip(), match.start(), match.end(),
                                   note=f"publication date {date}"))
        start = match.end()

    lines = _lines(raw, start)
    trailing = _trailing_indices(raw, lines, keep)
    # the page's comment section: its notice to the reader and the readers' posts after it
    comments = next((k for k, (a, b) in enumerate(lines) if comment_notice(raw[a:b].strip()) or comment_post(raw[a:b])), len(lines))
    kept: list[str] = []
    for index, (line_start, line_end) in enumerate(lines):
        line = raw[line_start:line_end]
        if line.strip() in keep:
            kind, author, note = None, None, None
        elif index >= comments and line.strip():
            kind, author, note = "comments", None, None
        else:
            kind, author, note = _classify(line.strip(), index in trailing)
        if kind is None:
            kept.append(line)
            continue
        if author:
            authors.append(author)
        offset = line_start + (len(line) - len(line.lstrip()))
        removed.append(RemovedText(kind, line.strip(), offset, offset + len(line.strip()), note))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return Cleaned(text=text, removed=removed, authors=authors, date=date)


def _lines(raw: str, start: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    for line in raw[start:].split("\n"):
        spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


def _trailing_indices(raw: str, lines: list[tuple[int, int]], keep: frozenset[str]) -> set[int]:
    """Indices of the lines that close the text: the run of trailer, sign-off and promotion
    lines (and blank lines) at its very end."""
    trailing: set[int] = set()
    for index in range(len(lines) - 1, -1, -1):
        line = raw[lines[index][0]:lines[index][1]].strip()
        if not line:
            continue
        if line in keep or not (_TRAILER.match(line) or _FOLLOW.match(line) or _PROMO.match(line)):
            break
        trailing.add(index)
    return trailing


def _classify(line: str, trailing: bool) -> tuple[str | None, str | None, str | None]:
    """(rule kind, author named by the line, note) for a stripped line; kind None keeps it."""
    if not line or len(line) > 300:
        return None, None, None
    follow = _FOLLOW.match(line)
    if follow and follow.group("name").split()[0].lower() not in _NOT_AUTHOR:
        name, handle = follow.group("name"), follow.group("handle")
        return "byline", name, f"author {name}" + (f" ({handle})" if handle else "")
    if CAPTION_LINE.fullmatch(line):
        return "caption", None, None
    if _PROMO.match(line):
        return "promo", None, None
    if trailing and _TRAILER.match(line):
        return "trailer", None, None
    return None, None, None
