"""The story brief and timeline summary as a reader sees them: sentences with numbered source
references, for the HTML report (citations that highlight their evidence) and as plain text
(``newsprism analyze --brief``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsprism.model import Analysis, Article, BriefSentence, Span, Story


class SourceNumbers:
    """Numbers the articles a story's brief cites, in order of first citation."""

    def __init__(self, articles: dict[str, Article]):
        self.articles = articles
        self.numbers: dict[str, int] = {}

    def number(self, article_id: str) -> int:
        if article_id not in self.numbers:
            self.numbers[article_id] = len(self.numbers) + 1
        return self.numbers[article_id]

    def references(self, sentence: BriefSentence) -> list[tuple[int, list[Span]]]:
        """(number, spans) per cited article: the sentence's own source first, then support."""
        by_article: dict[str, list[Span]] = {}
        for span in sorted(sentence.citations, key=lambda s: s.role != "source"):
            by_article.setdefault(span.article_id, []).append(span)
        return [(self.number(article_id), spans) for article_id, spans in by_article.items()]

    def listing(self) -> list[tuple[int, Article]]:
        return [(n, self.articles[a]) for a, n in self.numbers.items() if a in self.articles]


def describe(article: Article) -> str:
    """"Outlet: Title (2018-04-26, estimated) source" for a source list."""
    parts = [article.outlet or "unknown outlet"]
    if article.title:
        parts[0] += f": {article.title}"
    if article.published:
        provenance = f", {article.published_provenance}" if article.published_provenance == "estimated" else ""
        parts.append(f"({article.published}{provenance})")
    parts.append(article.url or article.source)
    return " ".join(parts)


def brief_view(story: Story, articles: dict[str, Article], id_for: Callable[[Span], str]) -> dict[str, Any]:
    """The brief and the timeline summary of ``story`` for the HTML template; every citation
    carries the ids of its evidence spans (``id_for`` registers them)."""
    numbers = SourceNumbers(articles)

    def sentence_view(sentence: BriefSentence) -> dict[str, Any]:
        refs = []
        for number, spans in numbers.references(sentence):
            refs.append({"number": number, "ids": " ".join(id_for(s) for s in spans),
                         "anchor": f"{story.id}-{spans[0].article_id}",
                         "title": ", ".join(sorted({s.role or "evidence" for s in spans}))})
        return {"text": sentence.text, "refs": refs, "ids": " ".join(r["ids"] for r in refs)}

    brief = [sentence_view(s) for s in story.brief]
    timeline = [{"date": t.date, "mentions": t.mentions, "articles": t.articles,
                 "sentences": [sentence_view(s) for s in t.sentences]} for t in story.timeline_summary]
    sources = [{"number": n, "anchor": f"{story.id}-{a.id}", "label": describe(a)} for n, a in numbers.listing()]
    return {"brief": brief, "timeline": timeline, "sources": sources}


def brief_text(analysis: Analysis) -> str:
    """Every story's brief as plain text: numbered sentences with source references, then the
    numbered sources (``newsprism analyze --brief``)."""
    articles = {a.id: a for a in analysis.articles}
    blocks = []
    for story in analysis.stories:
        blocks.append(_story_text(story, articles))
    return "\n\n".join(blocks) + "\n"


def _story_text(story: Story, articles: dict[str, Article]) -> str:
    numbers = SourceNumbers(articles)
    lines = [story.title or story.id, "=" * min(78, len(story.title or story.id))]
    if not story.brief:
        lines.append("(no brief: no sentence could be told neutrally with a citation)")
    for k, sentence in enumerate(story.brief, start=1):
        lines.append(f"{k}. {sentence.text} {_refs(numbers, sentence)}")
    if story.timeline_summary:
        lines += ["", "Timeline"]
        for entry in story.timeline_summary:
            for k, sentence in enumerate(entry.sentences):
                lead = entry.date if k == 0 else " " * len(entry.date)
                lines.append(f"{lead}  {sentence.text} {_refs(numbers, sentence)}")
    lines += ["", "Sources"]
    lines += [f"[{n}] {describe(a)}" for n, a in numbers.listing()]
    return "\n".join(lines)


def _refs(numbers: SourceNumbers, sentence: BriefSentence) -> str:
    return "".join(f"[{n}]" for n, _ in numbers.references(sentence))

