"""RSS, Atom and RDF feeds: one document per entry, via feedparser.

An entry's full content (``content:encoded``, Atom ``content``) is read where the feed carries
it, else its summary; HTML in entries goes through the HTML reader's own conversion
(:func:`~newsprism.ingest.html.html_document`), embedded posts included. The entry's link,
date, authors and the feed's title (as the outlet) are given metadata. A feed with XML errors
that feedparser can still read is read, with the problem noted on each article; one it cannot
read at all is malformed. Entries are named ``feed.xml#0``, ``feed.xml#1``, ... in feed order.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from dataclasses import replace

from newsprism.errors import EmptyInputError, InputError, MalformedError
from newsprism.ingest.date_strings import normalize_datetime
from newsprism.ingest.document import RawDocument
from newsprism.ingest.html import html_document
from newsprism.ingest.sniff import FEED
from newsprism.ingest.sources import Source
from newsprism.ingest.text import split_authors
from newsprism.options import ReadOptions

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def read_feed(source: Source, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """Each entry of a feed as a document; an entry without text yields an error in its place.

    Raises:
        MalformedError: when the feed cannot be read at all.
        EmptyInputError: when it is a well-formed feed without entries.
    """
    import feedparser

    # Bytes in a stream, so feedparser never takes them for a URL or a path; no sanitizing,
    # since the HTML is only read for its text and sanitizing would drop embedded players.
    parsed = feedparser.parse(io.BytesIO(source.read(options.max_bytes)), sanitize_html=False)
    problem = _problem(parsed)
    if not parsed.entries:
        if problem:
            raise MalformedError(f"not a readable feed ({problem})", source=source.name)
        raise EmptyInputError("the feed holds no entries", source=source.name)
    notes = (f"the feed is malformed ({problem}); its entries were read leniently",) if problem else ()
    channel = parsed.get("feed", {})
    outlet = (channel.get("title") or "").strip() or None
    for index, entry in enumerate(parsed.entries):
        where = f"{source.name}#{index}"
        try:
            document = _entry(entry, where, channel)
        except InputError as error:
            yield MalformedError(f"{error.detail or error.reason}; the feed is malformed ({problem})", source=where) if problem \
                else error
            continue
        yield replace(document, outlet=outlet, notes=document.notes + notes)


def _problem(parsed) -> str | None:
    if not parsed.get("bozo"):
        return None
    error = parsed.get("bozo_exception")
    return f"{type(error).__name__}: {error}" if error else "unknown error"


def _entry(entry, where: str, channel) -> RawDocument:
    """The document of one entry, its HTML converted by the HTML reader.

    Raises:
        EmptyInputError: when the entry has no text.
    """
    body, kind, language = _content(entry)
    if not body.strip():
        raise EmptyInputError("the entry has no content or summary", source=where)
    link = entry.get("link") or None
    if kind in _HTML_TYPES:
        document = html_document(body, where, url=link, fmt=FEED, fragment=True)
    else:
        document = RawDocument(source=where, text=body, format=FEED, url=link)
    return replace(
        document,
        title=(entry.get("title") or "").strip() or None,
        authors=_authors(entry),
        published=_published(entry),
        language=language or channel.get("language") or document.language,
    )


def _content(entry) -> tuple[str, str, str | None]:
    """(text, media type, language) of the fullest content of an entry."""
    candidates = [(c.get("value") or "", c.get("type") or "text/html", c.get("language"))
                  for c in entry.get("content", [])]
    summary = entry.get("summary_detail") or {}
    if entry.get("summary"):
        candidates.append((entry["summary"], summary.get("type") or "text/html", summary.get("language")))
    if not candidates:
        return "", "text/plain", None
    value, kind, language = max(candidates, key=lambda candidate: len(candidate[0]))
    return value, kind.lower(), (language or None)


def _authors(entry) -> tuple[str, ...]:
    names = [author.get("name") for author in entry.get("authors", []) if author.get("name")]
    return tuple(dict.fromkeys(names)) if names else split_authors(entry.get("author"))


def _published(entry) -> str | None:
    """The entry's publication (else update) date as the feed writes it, or as feedparser
    read it (UTC) when the written form is not one the date normalizer knows."""
    for field in ("published", "updated", "created"):
        written = entry.get(field)
        if written and normalize_datetime(written):
            return written
        parsed = entry.get(f"{field}_parsed")
        if parsed:
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)
    return None
