"""The HTML report: one offline file, article text escaped, evidence highlightable."""

import re

import pytest

import newsprism
from newsprism.report.html_report import render_html

pytestmark = pytest.mark.model


def test_article_text_is_escaped(nlp, tmp_path):
    (tmp_path / "evil.txt").write_text(
        'Mayor Ana Lima said <script>alert("x")</script> on Monday & left. "We will rebuild," Lima said.',
        encoding="utf-8",
    )
    html = render_html(newsprism.analyze(newsprism.read_articles(tmp_path)))
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(" in html
    assert html.count("<script>") == 1  # the report's own inline script, nothing else


def test_report_is_offline(seed_analysis):
    html = render_html(seed_analysis)
    assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)="https?://', html)
    assert "@import" not in html


def test_report_shows_articles_people_and_evidence(seed_analysis):
    html = render_html(seed_analysis)
    for outlet in ("CBS Chicago", "Breitbart", "Global News"):
        assert outlet in html
    assert "Kanye West" in html and 'class="ev"' in html


def test_partial_quote_shows_its_quoted_words_and_their_clause(seed_analysis):
    html = render_html(seed_analysis)
    # "lauded West for his “signed” … hat": the quote is the word in marks, the clause beside it.
    assert re.search(r"signed</[^>]+>.*?context: West for his “signed”", html, re.S)


def test_segments_from_one_sweep_match_a_scan_of_every_span():
    import random

    from newsprism.model import Article
    from newsprism.report.html_report import _segments

    article = Article("a", "a.txt", "Mara Quinn met the mayor on Monday. Talks went well, she said.")
    n = len(article.text)
    cases = [
        {},
        {(0, n): "whole"},
        {(0, 10): "name", (5, 10): "surname", (0, 35): "sentence"},  # nested, sharing ends
        {(10, 20): "b", (0, 15): "a", (15, 30): "c"},  # overlapping, not in text order
        {(12, 12): "empty", (3, 8): "x", (8, 12): "touching"},
        {(50, n + 5): "past the end"},
    ]
    rng = random.Random(3)
    for k in range(40):
        spans = {}
        for j in range(rng.randint(1, 8)):
            start = rng.randint(0, n)
            spans[(start, min(n, start + rng.randint(0, 20)))] = f"s{k}-{j}"
        cases.append(spans)
    for spans in cases:
        points = sorted({0, n, *(p for span in spans for p in span)})
        expected = [(article.text[s:e], [sid for (a, b), sid in spans.items() if a <= s and e <= b])
                    for s, e in zip(points, points[1:])]
        assert _segments(article, spans) == expected, spans
