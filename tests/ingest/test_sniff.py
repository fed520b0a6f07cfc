"""Sniffing formats from content: the extension only breaks ties."""

import gzip
import io
import json
import tarfile

import pytest

from newsprism.errors import BinaryInputError, EncodingError, MalformedError
from newsprism.ingest import read_articles
from newsprism.ingest.sniff import GZIP, decode, sniff

ARTICLE = "The harbour authority reopened the port on Thursday after a two-day closure, officials said."
PAGE = f"<!DOCTYPE html><html><body><article><p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>"
RSS = (f"<?xml version='1.0'?><?xml-stylesheet href='feed.css'?><rss version='2.0'><channel><title>Herald</title>"
       f"<item><title>Port</title><description>{ARTICLE}</description></item></channel></rss>")


@pytest.mark.parametrize(("data", "name", "expected"), [
    (PAGE.encode(), "saved.txt", "html"),
    (b"<p>A fragment of a page.</p><p>Another paragraph.</p>", "note", "html"),
    (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><body><p>x</p></body></html>", "a", "html"),
    (PAGE.encode("utf-16"), "page.htm", "html"),
    (RSS.encode(), "news.html", "feed"),
    (b"<feed xmlns='http://www.w3.org/2005/Atom'><title>x</title></feed>", "atom", "feed"),
    (b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'><channel/></rdf:RDF>", "x.rdf", "feed"),
    (b'{"text": "a"}\n{"text": "b"}\n', "export.data", "jsonl"),
    (b'{"text": broken\n{"text": "a"}\n{"text": "b"}\n', "export.data", "jsonl"),
    (b'{"text": "a"}\n', "one.jsonl", "jsonl"),
    (b'{"text": "a"}\n', "one.json", "json"),
    (b'{\n  "articles": [\n    {"text": "a"},\n    {"text": "b"}\n  ]\n}\n', "pretty.data", "json"),
    (b'[{"text": "a"}]', "list", "json"),
    (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n", "crawl", "warc"),
    (gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n"), "crawl", "warc"),
    (gzip.compress(b'{"text": "a"}\n'), "a.jsonl.gz", GZIP),
    (ARTICLE.encode(), "a.html", "text"),
    (b"Plain text that mentions <b>bold</b> tags.", "a.txt", "text"),
    (b"Plain text that mentions <b>bold</b> tags.", "a.html", "text"),
    ("A plain UTF-16 text.".encode("utf-16"), "a.txt", "text"),
])
def test_format_is_sniffed_from_content(data, name, expected):
    assert sniff(data, name) == expected


@pytest.mark.parametrize(("data", "error"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, BinaryInputError),
    (b"%PDF-1.7\n\x00\x01\x02\x03\x04\x05\x06\x07" * 30, BinaryInputError),
    (b"<?xml version='1.0'?><urlset><url><loc>x</loc></url></urlset>", MalformedError),
    (gzip.compress(b"WARC/1.0\r\n" * 50)[:12], MalformedError),
])
def test_unreadable_content_is_named(data, error):
    with pytest.raises(error):
        sniff(data, "input")


@pytest.mark.parametrize(("data", "expected"), [
    ("Café déjà vu".encode("utf-8"), "Café déjà vu"),
    ("\ufeffCafé".encode("utf-8"), "Café"),
    ("“Curly” quotes and a café".encode("cp1252"), "“Curly” quotes and a café"),
    ("Zürich, Ærø".encode("utf-16"), "Zürich, Ærø"),
])
def test_decode(data, expected):
    assert decode(data, "x") == expected


def test_decode_prefers_a_declared_encoding_over_guessing():
    assert decode("Mañana, señor".encode("cp1252"), "x", declared="iso-8859-1") == "Mañana, señor"


def test_decode_refuses_bytes_no_encoding_fits():
    with pytest.raises(EncodingError):
        decode(b"abc \x81\x8d\x8f\x90\x9d" * 30, "x")


def test_gzipped_jsonl_is_read_through(tmp_path):
    path = tmp_path / "articles.jsonl.gz"
    rows = "\n".join(json.dumps({"text": f"{ARTICLE} Number {n}."}) for n in range(3))
    path.write_bytes(gzip.compress(rows.encode()))
    corpus = read_articles(path)
    assert len(corpus) == 3 and corpus.articles[0].format == "jsonl"


def test_gzipped_archive_of_other_things_is_refused(tmp_path):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        info = tarfile.TarInfo("a.bin")
        payload = bytes(range(256)) * 4
        info.size = len(payload)
        archive.addfile(info, io.BytesIO(payload))
    path = tmp_path / "bundle.tar.gz"
    path.write_bytes(buffer.getvalue())
    (skipped,) = read_articles(path).skipped
    assert "gzip-compressed" in skipped.reason


def test_jsonl_whose_first_line_is_longer_than_the_sniffed_head(tmp_path):
    path = tmp_path / "long.data"
    long_text = ARTICLE + " " + "More words about the harbour. " * 3000
    path.write_text(json.dumps({"text": long_text}) + "\n" + json.dumps({"text": ARTICLE}) + "\n", encoding="utf-8")
    assert len(read_articles(path)) == 2
