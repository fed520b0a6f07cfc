"""The one-file offline HTML report: stories, their records, and the article texts with every
piece of evidence highlightable. No CDN, no network: styles and script are inline, and all
article text is escaped by the template engine."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from importlib import resources
from typing import Any

from jinja2 import Environment, select_autoescape

from newsprism.model import Analysis, Article, Span, Story
from newsprism.report.brief_view import brief_view
from newsprism.report.comparison_view import comparison_view


def render_html(analysis: Analysis) -> str:
    """The analysis as a self-contained HTML page."""
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    template = env.from_string(
        resources.files("newsprism.report").joinpath("templates/report.html.j2").read_text("utf-8")
    )
    articles = {a.id: a for a in analysis.articles}
    stories = [_story_view(story, articles) for story in analysis.stories]
    from newsprism import __version__

    return template.render(analysis=analysis, stories=stories, version=__version__)


@dataclasses.dataclass
class _Record:
    label: str
    detail: str
    span_ids: list[str]


def _story_view(story: Story, articles: dict[str, Article]) -> dict[str, Any]:
    registry = _SpanRegistry()
    sections = {}
    for name in ("people", "quotes", "posts", "events", "interactions", "conflicts", "brief"):
        records = []
        for record in getattr(story, name):
            ids = [registry.id_for(span) for span in _spans(record)]
            records.append(_Record(_label(name, record), _detail(name, record), ids))
        sections[name] = records
    summary = brief_view(story, articles, registry.id_for)
    comparison = comparison_view(story, articles, registry.id_for)
    texts = []
    for article_id in story.article_ids:
        article = articles[article_id]
        texts.append({"article": article, "segments": _segments(article, registry.by_article[article_id])})
    return {"story": story, "sections": sections, "texts": texts, "comparison": comparison,
            "summary": summary}


class _SpanRegistry:
    def __init__(self) -> None:
        self.ids: dict[tuple[str, int, int], str] = {}
        self.by_article: dict[str, dict[tuple[int, int], str]] = defaultdict(dict)

    def id_for(self, span: Span) -> str:
        key = (span.article_id, span.start, span.end)
        if key not in self.ids:
            self.ids[key] = f"ev{len(self.ids)}"
            self.by_article[span.article_id][(span.start, span.end)] = self.ids[key]
        return self.ids[key]


def _spans(record: Any) -> list[Span]:
    """Every span anywhere inside a record."""
    found: list[Span] = []

    def walk(value: Any) -> None:
        if isinstance(value, Span):
            found.append(value)
        elif dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(record)
    return found


def _label(section: str, record: Any) -> str:
    for attribute in ("name", "text", "description", "type"):
        value = getattr(record, attribute, None)
        if isinstance(value, str) and value:
            return value
    return section


def _detail(section: str, record: Any) -> str:
    if section == "people":
        parts = list(record.aliases) + list(record.handles)
        parts += [d.text for d in record.descriptions]
        return " · ".join(parts)
    parts = []
    for attribute in ("kind", "speaker_id", "cue", "channel", "handle", "posted", "date", "source_id", "target_id",
                      "context"):
        value = getattr(record, attribute, None)
        if isinstance(value, str) and value:
            parts.append(f"{attribute}: {value}")
    return " · ".join(parts)


def _segments(article: Article, spans: dict[tuple[int, int], str]) -> list[tuple[str, list[str]]]:
    """The article text cut at every span boundary: (text, ids of spans covering it, in the
    order of ``spans``). One sweep over the boundaries keeps the spans open at each point, so
    a long article with many spans costs (segments x open spans), not (segments x spans)."""
    bounds = {0, len(article.text)}
    for start, end in spans:
        bounds.update((start, end))
    points = sorted(bounds)
    opening = sorted((start, number, end, sid) for number, ((start, end), sid) in enumerate(spans.items()))
    open_spans: dict[int, tuple[int, str]] = {}
    k = 0
    segments = []
    for start, end in zip(points, points[1:]):
        while k < len(opening) and opening[k][0] <= start:
            _, number, span_end, sid = opening[k]
            open_spans[number] = (span_end, sid)
            k += 1
        for number in [n for n, (span_end, _) in open_spans.items() if span_end <= start]:
            del open_spans[number]
        # Every span boundary is a point: a span open at ``start`` covers the whole segment.
        covering = [open_spans[n][1] for n in sorted(open_spans)]
        segments.append((article.text[start:end], covering))
    return segments
