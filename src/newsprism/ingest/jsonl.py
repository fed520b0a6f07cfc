"""JSON and JSON Lines: one article per object, field names from :class:`ReadOptions`.

JSON Lines are streamed line by line (a file of any length; the size limit applies to each
line). A JSON file may hold one object, a list of objects, or an object whose
``articles``/``items``/``data``/``documents`` field is that list. One malformed line or record
is skipped with its line number or index; the others are read.
"""

from __future__ import annotations

import io
import json
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from newsprism.errors import InputError, MalformedError, TooLargeError
from newsprism.ingest.document import RawDocument, require_text
from newsprism.ingest.sniff import JSON, JSONL, decode
from newsprism.ingest.sources import Source
from newsprism.ingest.text import split_authors, as_text
from newsprism.options import ReadOptions

_UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


def read_jsonl(source: Source, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """Each line's object as a document; a bad line yields an error in its place."""
    number = 0
    with source.open() as handle:
        try:
            for number, line in enumerate(_lines(handle, options.max_bytes), start=1):
                where = f"{source.name}:{number}"
                if line is None:
                    yield TooLargeError(f"line over the limit of {options.max_bytes} bytes", source=where)
                    continue
                if not line.strip():
                    continue
                try:
                    record = json.loads(decode(line, where, options.encoding))
                except json.JSONDecodeError as error:
                    yield MalformedError(f"line is not JSON ({error.msg} at column {error.colno})", source=where)
                    continue
                except InputError as error:
                    yield error
                    continue
                yield _record(record, where, JSONL, options)
        except (OSError, EOFError, zlib.error) as error:
            yield MalformedError(f"reading stopped after line {number} ({error})", source=source.name)


def _lines(handle: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The input's lines as UTF-8 bytes, each read with at most ``limit`` bytes in memory: a
    longer line is skipped to its end and yielded as None. UTF-16 (with a byte order mark) is
    re-encoded."""
    start = handle.read(2)
    if start in _UTF16_BOMS:
        text = io.TextIOWrapper(handle, encoding=_UTF16_BOMS[start])
        while line := text.readline(limit + 1):
            yield line.encode("utf-8") if len(line) <= limit else _skip_rest(text, line, "\n")
        return
    handle.seek(0)
    while line := handle.readline(limit + 1):
        yield line if len(line) <= limit else _skip_rest(handle, line, b"\n")


def _skip_rest(handle, line: str | bytes, newline: str | bytes) -> None:
    """Read past the end of an over-long line (None stands for it)."""
    while line and not line.endswith(newline):
        line = handle.readline(65536)


def read_json(source: Source, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """Each article object of a JSON document.

    Raises:
        MalformedError: when the document is not JSON.
    """
    text = decode(source.read(options.max_bytes), source.name, options.encoding)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data" and text.lstrip().startswith("{"):
            # Objects one after another: JSON Lines whose first line is too long to sniff.
            yield from read_jsonl(source, options)
            return
        raise MalformedError(f"not JSON ({error.msg} at line {error.lineno}, column {error.colno})",
                             source=source.name) from error
    if isinstance(data, dict):
        for key in ("articles", "items", "data", "documents"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, list):
        if not data:
            raise MalformedError("the JSON list holds no records", source=source.name)
        for index, record in enumerate(data):
            yield _record(record, f"{source.name}#{index}", JSON, options)
    else:
        yield _record(data, source.name, JSON, options)


def _record(record: object, where: str, fmt: str, options: ReadOptions) -> RawDocument | InputError:
    if not isinstance(record, dict):
        return MalformedError(f"expected a JSON object, found {type(record).__name__}", source=where)
    try:
        text = require_text(record.get(options.text_field), where, options.text_field)
    except MalformedError as error:
        return error
    identifier = record.get(options.id_field)
    return RawDocument(
        source=f"{where} ({identifier})" if identifier is not None else where,
        text=text,
        format=fmt,
        url=as_text(record.get(options.url_field)),
        title=as_text(record.get(options.title_field)),
        authors=split_authors(record.get(options.author_field)),
        published=as_text(record.get(options.published_field)),
        outlet=as_text(record.get(options.outlet_field)),
        language=as_text(record.get("language")),
    )
