"""Bad input of every format: one skipped entry naming the file and the reason, the batch goes on.

(Empty, whitespace-only, binary and unreadable files, missing paths and the size limit of whole
files are covered in test_readers.py; truncated archives in test_warc.py; malformed feeds in
test_feed.py; pages without article text in test_html.py.)
"""

import gzip
import json

import pytest

from newsprism.ingest import read_articles
from newsprism.options import ReadOptions

ARTICLE = "The harbour authority reopened the port on Thursday after a two-day closure, officials said."


def batch_with(tmp_path, bad_name: str, content: bytes, options: ReadOptions | None = None):
    """Read a bad file between two good ones; return (corpus, bad path)."""
    first, last = tmp_path / "a-good.txt", tmp_path / "z-good.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    last.write_text(ARTICLE + " Again.", encoding="utf-8")
    bad = tmp_path / bad_name
    bad.write_bytes(content)
    return read_articles([first, bad, last], options), bad


def test_cp1252_text_is_decoded(tmp_path):
    text = "“We lost two days,” said the port’s director — Mara Ilić? No: Mara Ilic, née Brandt."
    corpus, bad = batch_with(tmp_path, "cp1252.txt", text.replace("ć", "c").encode("cp1252"))
    assert not corpus.skipped
    assert "“We lost two days,” said the port’s director — Mara" in corpus.articles[1].text


def test_utf16_text_with_a_byte_order_mark_is_decoded(tmp_path):
    corpus, _ = batch_with(tmp_path, "utf16.txt", ("Zürich: " + ARTICLE).encode("utf-16"))
    assert not corpus.skipped and corpus.articles[1].text.startswith("Zürich: The harbour")


def test_utf16_jsonl_is_read(tmp_path):
    rows = "\n".join(json.dumps({"text": f"{ARTICLE} Row {n}, Zürich."}, ensure_ascii=False) for n in range(2))
    corpus, _ = batch_with(tmp_path, "rows.jsonl", rows.encode("utf-16"))
    assert not corpus.skipped and len(corpus) == 4
    assert "Row 1, Zürich." in corpus.articles[2].text


def test_undecodable_text_is_skipped(tmp_path):
    corpus, bad = batch_with(tmp_path, "garbled.txt", b"abc \x81\x8d\x8f\x90\x9d" * 30)
    assert len(corpus) == 2
    (skipped,) = corpus.skipped
    assert skipped.input == str(bad) and "encoding" in skipped.reason


def test_forced_encoding_that_does_not_fit_is_skipped(tmp_path):
    corpus, bad = batch_with(tmp_path, "latin.txt", "Café".encode("latin-1") * 20, ReadOptions(encoding="utf-8"))
    (skipped,) = corpus.skipped
    assert skipped.input == str(bad) and "not valid utf-8" in skipped.reason


def test_malformed_html_is_read_for_what_text_it_has(tmp_path):
    soup = (f"<html><body><div><p>{ARTICLE}<p>Dock workers returned at dawn <b>and <i>left</b> at noon."
            "</div></span><table><tr><td>unclosed")
    corpus, _ = batch_with(tmp_path, "soup.html", soup.encode())
    assert not corpus.skipped
    assert ARTICLE in corpus.articles[1].text and "Dock workers returned at dawn" in corpus.articles[1].text


def test_malformed_jsonl_lines_are_skipped_one_by_one(tmp_path):
    rows = [json.dumps({"text": ARTICLE}), '{"text": "cut off', "[1, 2]", json.dumps({"title": "no text"}),
            json.dumps({"text": 42}), json.dumps({"text": ARTICLE + " Five."})]
    corpus, bad = batch_with(tmp_path, "rows.jsonl", "\n".join(rows).encode())
    assert len(corpus) == 4
    assert [s.input for s in corpus.skipped] == [f"{bad}:{n}" for n in (2, 3, 4, 5)]
    assert "not JSON" in corpus.skipped[0].reason and "expected a JSON object" in corpus.skipped[1].reason
    assert "'text'" in corpus.skipped[2].reason and "'text'" in corpus.skipped[3].reason


def test_gigantic_jsonl_line_is_skipped_without_reading_it_whole(tmp_path):
    rows = [json.dumps({"text": ARTICLE}), json.dumps({"text": "x" * 5000}), json.dumps({"text": ARTICLE + " 3."})]
    corpus, bad = batch_with(tmp_path, "rows.jsonl", "\n".join(rows).encode(), ReadOptions(max_bytes=1000))
    assert len(corpus) == 4
    (skipped,) = corpus.skipped
    assert skipped.input == f"{bad}:2" and "limit of 1000" in skipped.reason


def test_gigantic_html_file_is_skipped(tmp_path):
    page = "<html><body>" + f"<p>{ARTICLE}</p>" * 200 + "</body></html>"
    corpus, bad = batch_with(tmp_path, "big.html", page.encode(), ReadOptions(max_bytes=2000))
    (skipped,) = corpus.skipped
    assert skipped.input == str(bad) and "limit 2000" in skipped.reason


def test_gzip_bomb_is_cut_at_the_size_limit(tmp_path):
    corpus, bad = batch_with(tmp_path, "bomb.txt.gz", gzip.compress(ARTICLE.encode() * 100_000),
                             ReadOptions(max_bytes=50_000))
    (skipped,) = corpus.skipped
    assert skipped.input == str(bad) and "50000" in skipped.reason


def test_truncated_gzip_text_is_skipped(tmp_path):
    data = gzip.compress(ARTICLE.encode() * 50)
    corpus, bad = batch_with(tmp_path, "cut.txt.gz", data[: len(data) // 2])
    (skipped,) = corpus.skipped
    assert skipped.input == str(bad) and "gzip" in skipped.reason


@pytest.mark.parametrize("content", [b"\x00\x01\x02\x03" * 100, bytes(range(256)) * 8])
def test_binary_file_with_a_text_extension_is_skipped(tmp_path, content):
    corpus, bad = batch_with(tmp_path, "notes.txt", content)
    (skipped,) = corpus.skipped
    assert skipped.input == str(bad) and "binary" in skipped.reason
