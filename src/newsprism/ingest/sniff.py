"""Choosing a reader from the content itself; the file extension only breaks ties."""

from __future__ import annotations

import gzip
import re
import zlib

from newsprism.errors import BinaryInputError, EncodingError

TEXT, HTML, JSON, JSONL, FEED, WARC = "text", "html", "json", "jsonl", "feed", "warc"

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|div|p|article)\b", re.I | re.S)
_HTML_TAGS = re.compile(rb"<(p|div|br|article|a|span|h[1-6]|blockquote|script|title)\b[^>]*>", re.I)
_FEED = re.compile(rb"<(rss|feed|rdf:RDF)\b[^>]*>", re.I)
_XML_DECL = re.compile(rb"^\s*<\?xml", re.I)
_GZIP_MAGIC = b"\x1f\x8b"


def sniff(data: bytes, name: str = "") -> str:
    """Name the format of ``data``: text, html, json, jsonl, feed or warc.

    Raises:
        BinaryInputError: for content that is none of these (images, archives, executables).
    """
    head = data[:4096]
    if head.startswith(_GZIP_MAGIC):
        if _gunzip_head(data).startswith(b"WARC/"):
            return WARC
        raise BinaryInputError("gzip-compressed, but not a WARC archive", source=name)
    if head.startswith(b"WARC/"):
        return WARC
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _XML_DECL.match(stripped) or stripped.startswith(b"<"):
        if _FEED.search(head):
            return FEED
        if _HTML_START.match(stripped) or _HTML_TAGS.search(head):
            return HTML
    if stripped[:1] in (b"{", b"["):
        return _json_kind(data)
    if _looks_binary(head):
        raise BinaryInputError("contains control bytes that text never has", source=name)
    if _HTML_TAGS.search(head) and name.lower().endswith((".html", ".htm", ".xhtml")):
        return HTML
    return TEXT


def _json_kind(data: bytes) -> str:
    lines = [line for line in data.splitlines() if line.strip()]
    if len(lines) > 1 and all(line.lstrip().startswith(b"{") for line in lines[:5]):
        # A pretty-printed JSON object also starts lines with "{" only on its first line.
        if lines[0].rstrip().endswith(b"}"):
            return JSONL
    return JSON


def _gunzip_head(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], 64)
    except zlib.error:
        try:
            return gzip.decompress(data)[:64]
        except (OSError, EOFError):
            return b""


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head and not _is_utf16(head):
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.05


def _is_utf16(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe", b"\xfe\xff"))


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode bytes to text: the given encoding, else a BOM, UTF-8, or a detected encoding.

    Raises:
        EncodingError: when no encoding fits.
        BinaryInputError: when the bytes are not text.
    """
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise EncodingError(f"not valid {encoding}: {error}", source=name) from error
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if _is_utf16(data):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise EncodingError("no text encoding fits the bytes", source=name)
    return str(best)
