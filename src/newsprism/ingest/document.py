"""What a format reader returns, and how it becomes an :class:`~newsprism.model.Article`.

Readers only parse their format; everything every format shares (cleaning, the outlet, the
publication date and its provenance, language, the id) happens once, in :func:`finish`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from newsprism.errors import EmptyInputError, MalformedError
from newsprism.ingest.clean import clean
from newsprism.ingest.date_strings import normalize_datetime
from newsprism.ingest.embeds import embed_paragraph
from newsprism.ingest.outlet import infer_outlet, outlet_from_url
from newsprism.ingest.published import estimate_published
from newsprism.model import ESTIMATED, GIVEN, Article, Embed
from newsprism.options import ReadOptions


@dataclass(frozen=True)
class RawDocument:
    """One article as a format reader found it, before cleaning.

    ``source`` names the input and, inside containers, the record (``feed.xml#3``).
    ``published`` and ``outlet`` are what the input's own metadata says, if anything;
    ``notes`` are problems the reader met and worked around.
    """

    source: str
    text: str
    format: str
    url: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    embeds: tuple[Embed, ...] = ()
    notes: tuple[str, ...] = ()


def finish(raw: RawDocument, options: ReadOptions) -> Article:
    """Clean a reader's document and fill in what its metadata lacks, saying how.

    Raises:
        EmptyInputError: when no article text is left.
    """
    if options.clean:
        cleaned = clean(raw.text, keep=frozenset(filter(None, map(embed_paragraph, raw.embeds))))
        text, removed, authors, line_date = cleaned.text, tuple(cleaned.removed), cleaned.authors, cleaned.date
    else:
        text, removed, authors, line_date = raw.text.replace("\r\n", "\n").strip(), (), [], None
    if not text.strip():
        raise EmptyInputError("no article text after reading" + (" and cleaning" if removed else ""),
                              source=raw.source)

    outlet, outlet_provenance = raw.outlet, "given" if raw.outlet else None
    if not outlet:
        found = outlet_from_url(raw.url) or infer_outlet(raw.text, text)
        if found:
            outlet, outlet_provenance = found

    published, precision, provenance, reason = _published(raw, line_date, text, options)
    all_authors = tuple(dict.fromkeys([*raw.authors, *authors]))
    embeds = _place_embeds(raw.embeds, text)
    lost = [embed for embed in embeds if embed.start is None]
    notes = raw.notes
    if lost:
        names = ", ".join(embed.url or embed.platform for embed in lost)
        notes += (f"{len(lost)} of {len(embeds)} embedded posts are not in the text "
                  f"(lost in extraction or cleaning): {names}",)
    digest = hashlib.sha1(f"{raw.source}\n{text}".encode()).hexdigest()[:12]
    article = Article(
        id=f"a-{digest}",
        source=raw.source,
        text=text,
        url=raw.url,
        outlet=outlet,
        outlet_provenance=outlet_provenance,
        title=(raw.title or "").strip() or None,
        authors=all_authors,
        published=published,
        published_precision=precision,
        published_provenance=provenance,
        published_reason=reason,
        language=raw.language or detect_language(text),
        format=raw.format,
        removed=removed,
        embeds=embeds,
        notes=notes,
    )
    return article


def _published(raw: RawDocument, line_date: str | None, text: str, options: ReadOptions):
    """(value, precision, provenance, reason) of the publication date."""
    problems = []
    for value, origin in ((raw.published, "the input's metadata"), (line_date, "the text's date line")):
        if not value:
            continue
        parsed = normalize_datetime(value)
        if parsed:
            return parsed[0], parsed[1], GIVEN, f"from {origin}"
        problems.append(f"unreadable date {value!r} in {origin}")
    if options.estimate_dates:
        estimate = estimate_published(text)
        if estimate:
            reason = "; ".join([*problems, estimate.reason])
            return estimate.value, estimate.precision, ESTIMATED, reason
    return None, None, None, "; ".join([*problems, "no date given and none found in the text"])


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid ships its model), None if too short."""
    if len(text) < 40:
        return None
    import py3langid

    return py3langid.classify(text[:5000])[0]


def _place_embeds(embeds: tuple[Embed, ...], text: str) -> tuple[Embed, ...]:
    """Locate each embed's flattened paragraph in the cleaned text, in document order.

    The paragraph is found verbatim (the reader wrote it in the extractor's own normal form),
    so ``text[start:end]`` is exactly :func:`~newsprism.ingest.embeds.embed_paragraph`; a
    paragraph extraction or cleaning lost keeps ``start``/``end`` None.
    """
    placed = []
    cursor = 0
    taken: set[int] = set()
    for embed in embeds:
        paragraph = embed_paragraph(embed)
        starts = [start for start in _paragraph_starts(text, paragraph) if start not in taken]
        # The next occurrence in reading order; an earlier one when the extractor moved it.
        start = next((start for start in starts if start >= cursor), starts[0] if starts else None)
        if start is None:
            placed.append(replace(embed, start=None, end=None))
            continue
        taken.add(start)
        placed.append(replace(embed, start=start, end=start + len(paragraph)))
        cursor = start + len(paragraph)
    return tuple(placed)


def _paragraph_starts(text: str, paragraph: str) -> list[int]:
    """Offsets of ``paragraph`` in ``text``: those on a line of their own, or, when there are
    none, those inside a line (an extractor may run an inline embed into its neighbours)."""
    if not paragraph:
        return []
    found = []
    start = text.find(paragraph)
    while start >= 0:
        found.append(start)
        start = text.find(paragraph, start + 1)

    def own_line(start: int) -> bool:
        end = start + len(paragraph)
        return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")

    return [start for start in found if own_line(start)] or found


def require_text(value: object, source: str, field: str) -> str:
    """The text field of a record, or a MalformedError naming the field."""
    if not isinstance(value, str):
        raise MalformedError(f"field {field!r} is missing or not a string", source=source)
    return value
