"""Plain-text articles, with optional YAML front matter.

Front matter (a ``---`` fenced YAML block at the top) may give ``title``, ``outlet``,
``author``/``authors``, ``published``/``date``, ``url`` and ``language``. A leading
``date YYYY-MM-DD`` is handled by cleaning, for every format.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from newsprism.errors import MalformedError
from newsprism.ingest.document import RawDocument
from newsprism.ingest.sniff import TEXT, decode
from newsprism.ingest.sources import Source
from newsprism.options import ReadOptions

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*\n", re.S)


def read_text(source: Source, options: ReadOptions) -> Iterator[RawDocument]:
    """One document from a plain-text file.

    Raises:
        MalformedError: when front matter is present but is not a YAML mapping.
    """
    text = decode(source.read(options.max_bytes), source.name, options.encoding)
    yield parse_text(text, source.name)


def parse_text(text: str, source: str) -> RawDocument:
    """A document from text with optional front matter."""
    match = _FRONT_MATTER.match(text)
    meta: dict = {}
    if match:
        try:
            meta = yaml.safe_load(match.group("yaml")) or {}
        except yaml.YAMLError as error:
            raise MalformedError(f"front matter is not valid YAML ({error})", source=source) from error
        if not isinstance(meta, dict):
            raise MalformedError("front matter is not a YAML mapping", source=source)
        text = text[match.end():]
    return RawDocument(
        source=source,
        text=text,
        format=TEXT,
        url=as_text(meta.get("url")),
        title=as_text(meta.get("title")),
        authors=split_authors(meta.get("authors", meta.get("author"))),
        published=as_text(meta.get("published", meta.get("date"))),
        outlet=as_text(meta.get("outlet")),
        language=as_text(meta.get("language")),
    )


def as_text(value: object) -> str | None:
    return None if value is None else str(value)


def split_authors(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value if v)
    return tuple(a.strip() for a in re.split(r"\s*(?:,|;|\band\b)\s*", str(value)) if a.strip())
