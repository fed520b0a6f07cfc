"""Choosing a reader from the content itself; the file extension only breaks ties.

Content decides: HTML saved as ``.txt``, JSON Lines saved as ``.data``, a feed saved as
``.html`` and a WARC archive without an extension are all read as what they are. A gzip stream
is a WARC archive when it decompresses to one, and otherwise is read as what it decompresses
to (``articles.jsonl.gz``). UTF-16 input is sniffed after decoding its byte order mark.
"""

from __future__ import annotations

import json
import re
import zlib

from newsprism.errors import BinaryInputError, EncodingError, MalformedError

TEXT, HTML, JSON, JSONL, FEED, WARC = "text", "html", "json", "jsonl", "feed", "warc"
# Not a reader's format: a gzip stream whose content must be sniffed after decompression.
GZIP = "gzip"

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|div|p|article)\b", re.I | re.S)
_HTML_TAGS = re.compile(rb"<(p|div|br|article|a|span|h[1-6]|blockquote|script|title)\b[^>]*>", re.I)
# The root element of a feed, after an XML declaration, processing instructions (a stylesheet),
# comments and a doctype.
_FEED_ROOT = re.compile(rb"^\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)\b", re.I | re.S)
_XML_ROOT = re.compile(rb"^\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?P<root>[\w:.-]+)", re.S)
_XML_DECL = re.compile(rb"^\s*<\?xml", re.I)
_GZIP_MAGIC = b"\x1f\x8b"
_JSONL_NAMES = (".jsonl", ".ndjson", ".jl", ".jsonlines")
_HTML_NAMES = (".html", ".htm", ".xhtml", ".shtml")


def sniff(data: bytes, name: str = "") -> str:
    """Name the format of ``data`` (an input's first bytes): text, html, json, jsonl, feed,
    warc, or gzip (compressed, not a WARC archive: sniff again after decompressing).

    Raises:
        BinaryInputError: for content that is none of these (images, archives, executables).
        MalformedError: for a damaged gzip stream, or XML that is neither a feed nor a page.
    """
    if data.startswith(_GZIP_MAGIC):
        head, cut_off = _gunzip_head(data, name)
        if head.startswith(b"WARC/"):
            return WARC  # the WARC reader keeps the records before a cut
        if cut_off:
            raise MalformedError(f"a truncated gzip stream (it ends after {len(data)} bytes)", source=name)
        return GZIP
    if _is_utf16(data):
        data = data.decode("utf-16", errors="ignore").encode("utf-8")
    head = data[:4096]
    if head.startswith(b"WARC/"):
        return WARC
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _FEED_ROOT.match(stripped):
        return FEED
    if _HTML_START.match(stripped):
        return HTML
    if _XML_DECL.match(stripped):
        root = _XML_ROOT.match(stripped)
        if root and root.group("root").lower() == b"html" or _HTML_TAGS.search(head):
            return HTML
        element = root.group("root").decode("ascii", "replace") if root else "?"
        raise MalformedError(f"XML, but not an RSS, Atom or RDF feed nor a web page (root element <{element}>)",
                             source=name)
    if stripped.startswith(b"<") and _HTML_TAGS.search(head):
        return HTML
    if stripped[:1] in (b"{", b"["):
        return _json_kind(stripped, name)
    if _looks_binary(head):
        raise BinaryInputError("contains control bytes that text never has", source=name)
    if _HTML_TAGS.search(head) and name.lower().endswith(_HTML_NAMES):
        return HTML
    return TEXT


def _json_kind(data: bytes, name: str) -> str:
    """JSON Lines when the first line is a whole JSON object (or, the first line being broken,
    two others are, unindented), else JSON.

    A pretty-printed JSON document also starts with ``{``, but its first line alone does not
    parse and its inner objects are indented; a single-line input is JSON Lines only by its
    extension.
    """
    if data.startswith(b"["):
        return JSON
    lines = [line for line in data.splitlines()[:6] if line.strip()]
    complete = data.endswith((b"\n", b"\r")) or len(data) < _HEAD
    whole = lines if complete else lines[:-1]  # the last line of a head may be cut off
    if not whole:
        return JSONL if name.lower().endswith(_JSONL_NAMES) else JSON  # one line longer than the head
    if _is_object(whole[0]):
        return JSONL if len(lines) > 1 or name.lower().endswith(_JSONL_NAMES) else JSON
    unindented = sum(1 for line in whole[1:] if line.startswith(b"{") and _is_object(line))
    return JSONL if unindented >= 2 else JSON


def _is_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:  # JSONDecodeError and UnicodeDecodeError
        return False


def _gunzip_head(data: bytes, name: str) -> tuple[bytes, bool]:
    """The first bytes of a gzip stream, decompressed, and whether the stream is cut off (it
    ends, the whole input being at hand, before its end marker).

    Raises:
        MalformedError: when the stream is damaged.
    """
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        head = decompressor.decompress(data[:_HEAD], 4096)
    except zlib.error as error:
        raise MalformedError(f"a damaged gzip stream ({error})", source=name) from error
    return head, len(data) < _HEAD and not decompressor.eof and not decompressor.unconsumed_tail


# How many bytes of an input are sniffed (Source.head's default).
_HEAD = 65536


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head and not _is_utf16(head):
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.05


def _is_utf16(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe", b"\xfe\xff"))


def decode(data: bytes, name: str, encoding: str | None = None, declared: str | None = None) -> str:
    """Decode bytes to text: the forced encoding, else a BOM, UTF-8, the encoding the input
    declares (an HTML meta charset, an HTTP header), or a detected encoding.

    UTF-8 is tried before a declaration because pages declaring ISO-8859-1 while serving
    UTF-8 are common, and text in a legacy single-byte encoding is almost never valid UTF-8.

    Args:
        data: the bytes.
        name: the input's name, for errors.
        encoding: an encoding the user forces (an error when it does not fit).
        declared: an encoding the input itself names, tried before detection.

    Raises:
        EncodingError: when no encoding fits.
    """
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise EncodingError(f"not valid {encoding}: {error}", source=name) from error
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if _is_utf16(data):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise EncodingError(f"a UTF-16 byte order mark, but not UTF-16 ({error})", source=name) from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    if _is_utf8_label(declared) or _mostly_valid(lenient):
        return lenient
    if declared:
        try:
            return data.decode(_WHATWG_ALIASES.get(declared.lower(), declared))
        except (UnicodeDecodeError, LookupError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise EncodingError("no text encoding fits the bytes", source=name)
    return str(best)


def _is_utf8_label(label: str | None) -> bool:
    return (label or "").lower().replace("_", "-") in ("utf-8", "utf8")


def _mostly_valid(text: str) -> bool:
    """Whether text decoded as UTF-8 with replacements is UTF-8 with a few broken bytes (a
    multi-byte character cut in two), not a legacy encoding, which breaks at nearly every
    non-ASCII byte and almost never forms a valid multi-byte character."""
    broken = text.count("\ufffd")
    valid = sum(1 for char in text if ord(char) > 127) - broken
    return valid >= _MIN_VALID_PER_BROKEN * broken


# How many valid non-ASCII characters undeclared UTF-8 needs for each broken one.
_MIN_VALID_PER_BROKEN = 10

# Browsers read these labels as windows-1252 (WHATWG Encoding Standard); so do we, since
# pages labelled Latin-1 routinely use the curly quotes and dashes only cp1252 has.
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
                   "ascii": "cp1252", "iso8859-1": "cp1252", "l1": "cp1252"}
