"""Readers: from paths to cleaned :class:`~newsprism.model.Article` records.

The format of each input is sniffed from its content (the extension only breaks ties); each
format's reader yields documents, and :func:`~newsprism.ingest.document.finish` cleans them and
fills in outlet, date and language with their provenance. A bad input, or a bad record inside a
container, becomes one :class:`~newsprism.model.Skipped` entry and the rest goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import import_module

from newsprism.errors import BinaryInputError, EmptyInputError, InputError
from newsprism.ingest.document import RawDocument, finish
from newsprism.ingest.sniff import GZIP, WARC, sniff
from newsprism.ingest.sources import Source, expand
from newsprism.model import Article, Skipped
from newsprism.options import ReadOptions

Reader = Callable[[Source, ReadOptions], Iterator[RawDocument | InputError]]

# format -> "module:function"; imported on first use so a missing optional parser only
# affects inputs of its own format.
READERS: dict[str, str] = {
    "text": "newsprism.ingest.text:read_text",
    "json": "newsprism.ingest.jsonl:read_json",
    "jsonl": "newsprism.ingest.jsonl:read_jsonl",
    "html": "newsprism.ingest.html:read_html",
    "feed": "newsprism.ingest.feed:read_feed",
    "warc": "newsprism.ingest.warc:read_warc",
}

OnSkip = Callable[[Skipped], None]


@dataclass(frozen=True)
class Corpus:
    """Articles read from inputs, and the inputs that were skipped with their reasons."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)


def read_articles(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    options: ReadOptions | None = None,
    *,
    on_skip: OnSkip | None = None,
) -> Corpus:
    """Read every article under ``paths``: files, directories, glob patterns, ``-`` for stdin.

    Args:
        paths: one path or several.
        options: reading options (field names, size limit, cleaning); defaults when None.
        on_skip: called with each skipped input as it happens (the CLI prints them).

    Returns:
        The articles and the skipped inputs.
    """
    skipped: list[Skipped] = []

    def record(entry: Skipped) -> None:
        skipped.append(entry)
        if on_skip:
            on_skip(entry)

    articles = tuple(iter_articles(paths, options, on_skip=record))
    return Corpus(articles, tuple(skipped))


def iter_articles(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    options: ReadOptions | None = None,
    *,
    on_skip: OnSkip | None = None,
) -> Iterator[Article]:
    """Like :func:`read_articles`, but yields articles one at a time (for streaming)."""
    options = options or ReadOptions()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for item in expand(paths, options.max_bytes):
        if isinstance(item, InputError):
            _skip(item, on_skip)
            continue
        seen = 0
        try:
            for document in read_source(item, options):
                seen += 1
                if isinstance(document, InputError):
                    _skip(document, on_skip)
                    continue
                try:
                    article = finish(document, options)
                except InputError as error:
                    _skip(error, on_skip)
                    continue
                yield article
            if not seen:
                _skip(EmptyInputError("it holds no articles", source=item.name), on_skip)
        except InputError as error:
            _skip(error, on_skip)
            continue
        except Exception as error:  # noqa: BLE001 - a parser bug on one input must not end the batch
            _skip(InputError(f"{type(error).__name__}: {error}", source=item.name), on_skip)
            continue


def read_source(source: Source, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """The documents of one input, with its format sniffed from its first bytes.

    Raises:
        InputError: when the input as a whole cannot be read.
    """
    head = source.head()
    if not head.strip():
        raise EmptyInputError(source=source.name)
    fmt = sniff(head, source.name)
    if fmt == GZIP:
        source = replace(source, gzipped=True)
        head = source.head()
        if not head.strip():
            raise EmptyInputError("the gzip stream decompresses to nothing", source=source.name)
        try:
            fmt = sniff(head, source.name)
        except BinaryInputError as error:
            raise BinaryInputError(f"gzip-compressed; inside, {error.detail}", source=source.name) from error
        if fmt in (GZIP, WARC):
            raise BinaryInputError("gzip-compressed twice, or a WARC archive compressed whole", source=source.name)
    module_name, function_name = READERS[fmt].split(":")
    try:
        reader: Reader = getattr(import_module(module_name), function_name)
    except (ImportError, AttributeError) as error:
        raise InputError(f"no reader for {fmt} input is installed ({error})", source=source.name) from error
    yield from reader(source, options)


def _skip(error: InputError, on_skip: OnSkip | None) -> None:
    if on_skip:
        on_skip(Skipped(input=error.source or "", reason=error.reason))
