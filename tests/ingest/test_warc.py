"""WARC archives: HTML responses read as articles, streamed; truncation reported with its offset."""

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest import read_articles
from newsprism.options import ReadOptions


def page(number: int) -> str:
    return (f"<html><head><title>Report {number}</title></head><body><article><h1>Report {number}</h1>"
            f"<p>Report {number}: the harbour authority reopened the port on Thursday after a two-day closure, "
            "officials said, and the first ships left before noon.</p>"
            "<p>Dock workers said the storm had damaged two cranes and a stretch of the quay wall.</p>"
            "</article></body></html>")


def build(gzip: bool, pages: int = 3, extra: bool = True, encoding: str = "utf-8") -> bytes:
    """An archive with a warcinfo record, a request, HTML responses, an image and a redirect."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for number in range(pages):
        url = f"https://harbour.example/report-{number}"
        if extra:
            request = StatusAndHeaders(f"GET /report-{number} HTTP/1.1", [("Host", "harbour.example")],
                                       is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        headers = StatusAndHeaders("200 OK", [("Content-Type", f"text/html; charset={encoding}")], protocol="HTTP/1.1")
        payload = io.BytesIO(page(number).replace("Thursday", "Thursday — “finally”").encode(encoding))
        writer.write_record(writer.create_warc_record(url, "response", payload=payload, http_headers=headers))
    if extra:
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://harbour.example/a.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG\r\n"), http_headers=image))
        moved = StatusAndHeaders("301 Moved", [("Content-Type", "text/html"), ("Location", "/x")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://harbour.example/old", "response",
                                                      payload=io.BytesIO(b"<html><body>Moved</body></html>"),
                                                      http_headers=moved))
    return buffer.getvalue()


@pytest.mark.parametrize(("gzip", "name"), [(False, "crawl.warc"), (True, "crawl.warc.gz"), (True, "crawl")])
def test_html_responses_become_articles_and_other_records_are_skipped_silently(tmp_path, gzip, name):
    path = tmp_path / name
    path.write_bytes(build(gzip))
    corpus = read_articles(path)
    assert not corpus.skipped
    assert [a.url for a in corpus] == [f"https://harbour.example/report-{n}" for n in range(3)]
    first = corpus.articles[0]
    assert first.format == "warc" and first.source.startswith(f"{path}@")
    assert first.title == "Report 0" and "two-day closure" in first.text
    assert "“finally”" in first.text


def test_the_crawl_date_is_never_the_publication_date(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(build(False, pages=1))
    (article,) = read_articles(path)
    assert article.published is None or article.published_provenance != "given"
    assert any("WARC-Date" in note and "not published" in note for note in article.notes)


def test_http_charset_decodes_a_legacy_page(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(build(True, pages=1, encoding="windows-1252"))
    (article,) = read_articles(path)
    assert "Thursday — “finally”" in article.text


@pytest.mark.parametrize("gzip", [False, True])
@pytest.mark.parametrize("keep", [0.55, 0.9])
def test_truncated_archive_keeps_what_was_read_and_names_the_offset(tmp_path, gzip, keep):
    data = build(gzip, extra=False)
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(data[: int(len(data) * keep)])
    good = tmp_path / "good.txt"
    good.write_text("The harbour authority reopened the port on Thursday, officials said.", encoding="utf-8")
    corpus = read_articles([path, good])
    warc_articles = [a for a in corpus if a.format == "warc"]
    assert 1 <= len(warc_articles) < 3
    assert any(a.format == "text" for a in corpus)
    (skipped,) = corpus.skipped
    assert skipped.input == str(path)
    offset = int(skipped.reason.split("at byte ")[1].split()[0])
    assert 0 < offset < len(data) * keep
    assert "truncated" in skipped.reason


def test_gzip_cut_before_any_content_is_reported(tmp_path):
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(build(True)[:12])
    (skipped,) = read_articles(path).skipped
    assert skipped.input == str(path) and "gzip" in skipped.reason


def test_size_limit_applies_to_each_record(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(build(False))
    limit = len(page(0).encode()) + 40  # each page fits; the archive does not
    assert path.stat().st_size > limit
    assert len(read_articles(path, ReadOptions(max_bytes=limit))) == 3
    corpus = read_articles(path, ReadOptions(max_bytes=200))
    assert len(corpus) == 0 and len(corpus.skipped) == 3
    assert all("limit of 200" in s.reason and s.input.startswith(f"{path}@") for s in corpus.skipped)


def test_archive_without_html_pages_is_skipped(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(build(False, pages=0))
    (skipped,) = read_articles(path).skipped
    assert "no HTML page among its 3 records" in skipped.reason


def test_archive_is_streamed_not_read_whole(tmp_path, monkeypatch):
    from newsprism.ingest.sources import Source

    path = tmp_path / "crawl.warc"
    path.write_bytes(build(False))

    def refuse(self, max_bytes):
        raise AssertionError("an archive must not be read whole")

    monkeypatch.setattr(Source, "read", refuse)
    assert len(read_articles(path)) == 3


def test_archive_gzipped_whole_is_read_and_its_cut_reported(tmp_path):
    import gzip

    data = gzip.compress(build(False))
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(data)
    assert len(read_articles(whole)) == 3
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.7)])
    corpus = read_articles(cut)
    assert 1 <= len(corpus) < 3
    (skipped,) = corpus.skipped
    assert skipped.input == str(cut) and "of the decompressed archive" in skipped.reason
