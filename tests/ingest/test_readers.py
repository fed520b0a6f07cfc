"""Reading inputs of each format, and skipping bad ones with a reason naming the file."""

import json

import pytest

from newsprism.ingest import read_articles
from newsprism.options import ReadOptions

ARTICLE = "The harbour authority reopened the port on Thursday after a two-day closure, officials said."


def test_plain_text_with_front_matter(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "---\ntitle: Port reopens\noutlet: Harbour Herald\nauthor: Ana Lima and Tom Reyes\n"
        "published: 2024-05-02T09:30:00Z\nurl: https://harbour.example/port\n---\n" + ARTICLE,
        encoding="utf-8",
    )
    (article,) = read_articles(path)
    assert article.title == "Port reopens"
    assert article.outlet == "Harbour Herald" and article.outlet_provenance == "given"
    assert article.authors == ("Ana Lima", "Tom Reyes")
    assert article.published == "2024-05-02T09:30:00+00:00"
    assert article.published_provenance == "given"
    assert article.text == ARTICLE
    assert article.language == "en"


def test_leading_date_line_is_a_given_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(" date 2024-05-02 " + ARTICLE, encoding="utf-8")
    (article,) = read_articles(path)
    assert (article.published, article.published_provenance) == ("2024-05-02", "given")
    assert article.text == ARTICLE


def test_missing_date_is_estimated_and_marked(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE + " The closure began on May 1, 2024.", encoding="utf-8")
    (article,) = read_articles(path)
    assert (article.published, article.published_provenance) == ("2024-05-01", "estimated")
    assert "May 1, 2024" in article.published_reason


def test_no_date_stays_unknown(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (article,) = read_articles(path)
    assert article.published is None and "no date" in article.published_reason


def test_latin1_text_is_decoded(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(("Le café a rouvert jeudi, a déclaré le maire. " * 5).encode("latin-1"))
    (article,) = read_articles(path)
    assert "café" in article.text and "déclaré" in article.text


def test_jsonl_with_custom_fields_and_a_broken_line(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [
        json.dumps({"body": ARTICLE, "headline": "One", "link": "https://globalnews.ca/x", "date": "2024-05-02"}),
        "{not json",
        json.dumps({"headline": "no body"}),
        json.dumps({"body": ARTICLE + " Again.", "headline": "Two"}),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    options = ReadOptions(text_field="body", title_field="headline", url_field="link", published_field="date")
    corpus = read_articles(path, options)
    assert [a.title for a in corpus] == ["One", "Two"]
    assert corpus.articles[0].outlet == "Global News"
    assert [s.input for s in corpus.skipped] == [f"{path}:2", f"{path}:3"]
    assert "not JSON" in corpus.skipped[0].reason
    assert "'body'" in corpus.skipped[1].reason


def test_json_list(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"articles": [{"text": ARTICLE}, {"text": ARTICLE + " More."}]}), encoding="utf-8")
    assert len(read_articles(path)) == 2


def test_directory_is_read_recursively_and_globs_expand(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "two.txt").write_text(ARTICLE + " Two.", encoding="utf-8")
    assert len(read_articles(tmp_path)) == 2
    assert len(read_articles(str(tmp_path / "**" / "*.txt"))) == 2


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20, "binary"),
    (b"{\"text\": ", "not JSON"),
])
def test_bad_input_is_skipped_with_its_reason(tmp_path, content, reason):
    bad = tmp_path / "bad.dat"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    corpus = read_articles([bad, good])
    assert [a.text for a in corpus] == [ARTICLE]
    (skipped,) = corpus.skipped
    assert skipped.input == str(bad)
    assert reason.lower() in skipped.reason.lower()


def test_missing_path_and_unmatched_glob_are_skipped(tmp_path):
    corpus = read_articles([tmp_path / "nope.txt", str(tmp_path / "*.none")])
    assert len(corpus) == 0
    assert [s.reason for s in corpus.skipped] == [
        "No such file, directory or glob match",
        "No such file, directory or glob match: the pattern matches nothing",
    ]


def test_file_over_the_size_limit_is_skipped(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 100, encoding="utf-8")
    corpus = read_articles(path, ReadOptions(max_bytes=1000))
    assert len(corpus) == 0 and "limit 1000" in corpus.skipped[0].reason


def test_unreadable_file_is_skipped(tmp_path, monkeypatch):
    import pathlib

    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    real_open = pathlib.Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", refuse)
    corpus = read_articles([locked, good])
    assert len(corpus) == 1
    assert corpus.skipped[0].input == str(locked)
    assert "Permission denied" in corpus.skipped[0].reason


def test_invalid_front_matter_is_malformed(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("---\n: [unclosed\n---\n" + ARTICLE, encoding="utf-8")
    corpus = read_articles(path)
    assert len(corpus) == 0 and "front matter" in corpus.skipped[0].reason
