"""WARC archives (plain or gzipped): one document per archived HTML page, streamed.

Records are read one at a time with warcio's ``ArchiveIterator``; the archive is never held in
memory, and the size limit applies to each record's payload. Only successful (2xx) ``response``
records whose Content-Type is HTML are articles: requests, metadata, redirects, images and
scripts are skipped without a report (they are counted, and the counts appear in the error of
an archive that yields no page). Each page is read by the HTML reader's own
:func:`~newsprism.ingest.html.html_document`, with the record's WARC-Target-URI as its URL and
its HTTP charset as the declared encoding. The WARC-Date is when the page was crawled, not when
it was published, so it is never used as the publication date; it is noted on the article.
Records are named ``archive.warc.gz@OFFSET`` by their byte offset in the archive (in the
decompressed stream for an archive gzipped as a whole rather than record by record).

warcio ends quietly at a truncated record or gzip member, so truncation is found here: a
record whose payload ends early, or bytes left after the last complete record. The pages read
before it are kept, and one error names the archive and the byte offset.
"""

from __future__ import annotations

import gzip
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from newsprism.errors import EmptyInputError, InputError, MalformedError, TooLargeError
from newsprism.ingest.document import RawDocument
from newsprism.ingest.html import html_document
from newsprism.ingest.sniff import WARC
from newsprism.ingest.sources import Source
from newsprism.options import ReadOptions

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_DECOMPRESSED = " of the decompressed archive"


def read_warc(source: Source, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """Each archived HTML page as a document; a bad record yields an error in its place.

    Raises:
        EmptyInputError: when the archive holds no HTML page.
    """
    counts: Counter[str] = Counter()
    unit = ""
    with source.open() as handle:
        try:
            end = yield from _records(handle, source.name, options, counts)
            cut = end is not None and _has_data_after(handle, end)
        except _CompressedWhole:
            # One gzip stream around the whole archive rather than one per record: valid, only
            # not indexable. Read it again through a decompressor, past the records already read.
            handle.seek(0)
            unit = _DECOMPRESSED
            with gzip.GzipFile(fileobj=handle) as inflated:
                stream = _CutTolerant(inflated)
                end = yield from _records(stream, source.name, options, counts, skip=counts["records"])
                cut = end is not None and (stream.cut or _has_data_after(inflated, end))
    if end is None:  # the error is reported
        return
    if cut:
        yield _truncated(source.name, end, counts, "the archive ends inside a record", unit)
        return
    if not counts["pages"]:
        raise EmptyInputError(f"no HTML page among its {counts['other']} records", source=source.name)


class _CompressedWhole(Exception):
    """The archive is one gzip stream, not a gzip member per record."""


class _CutTolerant:
    """A gzip stream read as far as it goes: a cut-off stream ends (``cut`` set) instead of
    raising, so the records before the cut are read and the cut record is seen to end early."""

    def __init__(self, inflated: gzip.GzipFile) -> None:
        self.inflated = inflated
        self.cut = False

    def read(self, size: int = -1) -> bytes:
        if self.cut:
            return b""
        try:
            return self.inflated.read1(size if size > 0 else 65536)
        except (EOFError, zlib.error):
            self.cut = True
            return b""

    def tell(self) -> int:
        return self.inflated.tell()


def _records(handle, name: str, options: ReadOptions, counts: Counter[str], skip: int = 0):
    """Yield the documents (and errors) of the records in ``handle``, after the first ``skip``
    (a second pass, then over the decompressed archive); return the offset where the last
    complete record ends (None after an error)."""
    unit = _DECOMPRESSED if skip else ""
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(handle)
    try:
        for number, record in enumerate(records):
            if number < skip:
                continue
            counts["records"] += 1
            offset = records.offset
            where = f"{name}@{offset}"
            if not record.rec_type:
                yield _truncated(name, offset, counts, "a record without a WARC-Type", unit)
                return None
            page = _is_html_page(record)
            payload = record.content_stream().read(options.max_bytes + 1) if page else b""
            while record.raw_stream.read(65536):  # the rest of the record (a skipped one, a chunk trailer)
                pass
            if getattr(record.raw_stream, "limit", 0) > 0:  # the archive ended inside the record
                yield _truncated(name, offset, counts, "the record ends early", unit)
                return None
            if not page:
                counts["other"] += 1
                continue
            counts["pages"] += 1
            if len(payload) > options.max_bytes:
                yield TooLargeError(f"record payload over the limit of {options.max_bytes} bytes", source=where)
                continue
            yield _page(record, payload, where)
    except Exception as error:  # noqa: BLE001 - warcio raises many kinds on corrupt input
        if "non-chunked gzip" in str(error) and not skip:
            raise _CompressedWhole from error
        why = f"{type(error).__name__}: {' '.join(str(error).split())}"
        yield _truncated(name, records.offset, counts, why, unit)
        return None
    return records.offset


def _is_html_page(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    kind = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and kind.startswith(_HTML_TYPES)


def _page(record, payload: bytes, where: str) -> RawDocument | InputError:
    """The document of one archived page (or the error that stopped it)."""
    kind = record.http_headers.get_header("Content-Type") or ""
    charset = next((part.split("=", 1)[1].strip(" \"'") for part in kind.split(";")
                    if part.strip().lower().startswith("charset=")), None)
    crawled = record.rec_headers.get_header("WARC-Date")
    try:
        document = html_document(payload, where, url=record.rec_headers.get_header("WARC-Target-URI"),
                                 declared_encoding=charset, fmt=WARC)
    except InputError as error:
        return error
    except Exception as error:  # noqa: BLE001 - one page's parser failure is that record's, not the archive's
        return InputError(f"{type(error).__name__}: {error}", source=where)
    if crawled:
        note = f"crawled {crawled} (the archive's WARC-Date: when it was fetched, not published)"
        document = replace(document, notes=(*document.notes, note))
    return document


def _truncated(name: str, offset: int, counts: Counter[str], why: str, unit: str = "") -> MalformedError:
    read = f"{counts['pages']} HTML page(s) and {counts['other']} other record(s) read before it"
    return MalformedError(f"truncated or corrupt archive at byte {max(offset, 0)}{unit} ({why}); {read}",
                          source=name)


def _has_data_after(handle, offset: int) -> bool:
    """Whether anything but blank space follows ``offset`` in ``handle`` (a cut-off record, or
    a gzip stream that ends before its end marker)."""
    try:
        handle.seek(offset)
        while chunk := handle.read(65536):
            if chunk.strip():
                return True
    except (EOFError, OSError, zlib.error):
        return True
    return False
