"""JSON and JSON Lines: one article per object, field names from :class:`ReadOptions`.

JSON Lines are streamed line by line (a file of any length; the size limit applies to each
line). A JSON file may hold one object, a list of objects, or an object whose
``articles``/``items``/``data``/``documents`` field is that list. One malformed line or record
is skipped with its line number or index; the others are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from newsprism.errors import InputError, MalformedError, TooLargeError
from newsprism.ingest.document import RawDocument, require_text
from newsprism.ingest.sniff import JSON, JSONL, decode
from newsprism.ingest.sources import Source
from newsprism.ingest.text import split_authors, as_text
from newsprism.options import ReadOptions


def read_jsonl(source: Source, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """Each line's object as a document; a bad line yields an error in its place."""
    with source.open() as handle:
        for number, line in enumerate(handle, start=1):
            where = f"{source.name}:{number}"
            if len(line) > options.max_bytes:
                yield TooLargeError(f"line of {len(line)} bytes > limit {options.max_bytes}", source=where)
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


def read_json(source: Source, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """Each article object of a JSON document.

    Raises:
        MalformedError: when the document is not JSON.
    """
    text = decode(source.read(options.max_bytes), source.name, options.encoding)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
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
