"""The brief and the timeline summary shown first in the HTML report, with citations that
point at highlightable evidence, and printed as plain text by ``newsprism analyze --brief``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.model import Analysis, Article, BriefSentence, Span, Story, TimelineDate
from newsprism.report.brief_view import brief_text
from newsprism.report.html_report import render_html

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "story"
TEXT = "The harbour closed on Tuesday. Crews contained the diesel."
ARTICLES = (
    Article(id="a", source="a.txt", text=TEXT, outlet="Coastal Gazette", published="2031-06-12"),
    Article(id="b", source="b.txt", text=TEXT, outlet="Lowland Wire"),
)


def _span(article_id: str, start: int, end: int, role: str) -> Span:
    return Span(article_id, start, end, TEXT[start:end], role)


STORY = Story(
    id="story-1", title="Harbour closed", article_ids=("a", "b"), grouping="single",
    brief=(
        BriefSentence("The harbour closed on Tuesday.", (_span("a", 0, 30, "source"), _span("b", 0, 30, "support"))),
        BriefSentence("Crews contained the diesel, according to Lowland Wire.", (_span("b", 31, 58, "source"),)),
    ),
    timeline_summary=(TimelineDate("2031-06-10", (BriefSentence("The harbour closed on Tuesday.",
                                                                (_span("a", 0, 30, "sentence"),)),), 2, 2),),
)
ANALYSIS = Analysis(articles=ARTICLES, stories=(STORY,))


def test_brief_text_numbers_sources_in_order_of_citation():
    text = brief_text(ANALYSIS)
    assert "1. The harbour closed on Tuesday. [1][2]" in text
    assert "2. Crews contained the diesel, according to Lowland Wire. [2]" in text
    assert "2031-06-10  The harbour closed on Tuesday. [1]" in text
    assert re.search(r"^\[1\] Coastal Gazette \(2031-06-12\) a\.txt$", text, re.M)
    assert re.search(r"^\[2\] Lowland Wire b\.txt$", text, re.M)


def test_report_shows_brief_and_timeline_first_with_citation_links():
    html = render_html(ANALYSIS)
    brief_at, timeline_at = html.index("<h3>Brief</h3>"), html.index("<h3>Timeline summary</h3>")
    assert brief_at < timeline_at < html.index('class="text"')
    citations = re.findall(r'<a class="cite" href="#story-1-(\w)" data-ev="([^"]+)"', html)
    assert ("a", citations[0][1]) == citations[0] and len(citations) == 4
    highlighted = set(re.findall(r'class="ev" data-ids="([^"]+)"', html))
    for _, ids in citations:
        for evidence_id in ids.split():
            assert any(evidence_id in h.split() for h in highlighted), evidence_id


@pytest.mark.model
def test_analyze_brief_prints_the_example_story(nlp):
    from newsprism.cli import main

    result = CliRunner().invoke(main, ["analyze", str(EXAMPLE), "--brief", "-q"])
    assert result.exit_code in (0, 1), result.output
    lines = result.output.splitlines()
    numbered = [line for line in lines if re.match(r"\d+\. ", line)]
    assert numbered and all(re.search(r"(\[\d+\])+$", line) for line in numbered)
    assert "Sources" in lines
    assert not result.output.lstrip().startswith("{")  # no JSON unless asked for
