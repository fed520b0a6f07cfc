"""The comparison sections of the HTML report: network drawing, inline diffs, escaping."""

from __future__ import annotations

from newsprism.model import (
    Analysis, Article, Coverage, CoverageCell, CoverageColumn, CoverageRow, Interaction, Person, Span, Story,
)
from newsprism.options import FidelityOptions
from newsprism.report.comparison_view import comparison_view, network_svg
from newsprism.report.html_report import render_html
from newsprism.story.fidelity import Wording, fidelity_of

TEXT_A = "He wrote: We can't ad empathy to MAGA <"
TEXT_B = "She quoted: We can’t add empathy to MAGA <"


def _story() -> tuple[Story, dict[str, Article]]:
    a = Article("a", "a.txt", TEXT_A, outlet="Courier")
    b = Article("b", "b.txt", TEXT_B, outlet="<script>alert(1)</script> News")
    ref = Span("a", 10, len(TEXT_A), TEXT_A[10:])
    var = Span("b", 12, len(TEXT_B), TEXT_B[12:])
    fidelity = fidelity_of("post", "p1", [Wording("a", (ref,), True), Wording("b", (var,))], FidelityOptions())
    people = (Person("x", "Ann <Lee>"), Person("y", "Bo Ray"))
    interactions = (
        Interaction("x", "y", "criticises", (Span("a", 0, 2, "He", "source"),), 2),
        Interaction("x", "y", "replies_to", (Span("a", 3, 8, "wrote", "cue"),), 1),
        Interaction("y", "x", "thanks", (Span("b", 0, 3, "She", "source"),), 1),
    )
    coverage = Coverage(
        (CoverageColumn("Courier", ("a",)), CoverageColumn("Other", ("b",), exclusive=("post:p1",))),
        (CoverageRow("post", "p1", "We can't ad empathy", (CoverageCell("Courier", "present", (ref,)),
                                                            CoverageCell("Other", "absent")), 1),),
    )
    story = Story("s", "t", ("a", "b"), "single", people=people, interactions=interactions,
                  fidelity=(fidelity,), coverage=coverage)
    return story, {"a": a, "b": b}


def test_network_is_an_inline_svg_with_one_arrow_per_direction():
    story, _ = _story()
    svg = network_svg(story.interactions, {p.id: p.name for p in story.people}, lambda s: f"ev{s.start}")
    assert svg.startswith("<svg") and svg.count('class="edge"') == 2
    assert "criticises, replies to" in svg  # both acts on the one arrow, the hostile one first
    assert "Ann &lt;Lee&gt;" in svg and "<Lee>" not in svg
    assert "http" not in svg.replace("http://www.w3.org", "")  # nothing fetched


def test_altered_quote_is_shown_as_inline_diff_and_escaped():
    story, articles = _story()
    view = comparison_view(story, articles, lambda s: f"ev{s.start}")
    (fid,) = view["fidelity"]
    (wording,) = fid["wordings"]
    assert wording["verdict"] == "spelling"
    assert '<del class="d-spelling"' in wording["html"] and ">ad</del>" in wording["html"]
    assert '<ins class="d-spelling"' in wording["html"] and ">add</ins>" in wording["html"]
    assert "MAGA &lt;" in wording["html"] and "MAGA <" not in wording["html"]


def test_report_page_holds_the_comparison_sections_offline():
    story, articles = _story()
    page = render_html(Analysis(tuple(articles.values()), (story,)))
    for heading in ("Coverage: who reports what", "Altered quotations", "Who responded to whom"):
        assert heading in page
    assert "<script>alert(1)</script>" not in page
    assert "cdn" not in page.lower() and 'src="http' not in page
