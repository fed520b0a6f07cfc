"""Collecting every wording of the story's quotations and posts, for quote fidelity.

A post's wordings are its text wherever an article carries it; the one inside an embedded post
(a flattened embed paragraph or an embed the reader placed) is the post itself, the primary
form. A quotation's wordings are its content spans in each article (fragments broken by an
attribution stay one wording); a quotation linked to a post joins the post's wordings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from newsprism.extract.narration import embed_ranges, merge
from newsprism.model import Article, Fidelity, Span
from newsprism.options import Options
from newsprism.stages import StoryInput, story_stage
from newsprism.story.fidelity import Wording, fidelity_of
from newsprism.story.framing import POST_TEXT_ROLES



@story_stage("fidelity", after=("quotes", "posts"))
def quote_fidelity(story: StoryInput, options: Options) -> tuple[Fidelity, ...]:
    """Fidelity of every quotation or post the story's articles carry more than once."""
    return story_fidelity(
        story.articles,
        story.results.get("quotes", ()) or (),
        story.results.get("posts", ()) or (),
        options,
    )


def story_fidelity(articles: Sequence[Article], quotes: Sequence, posts: Sequence, options: Options) -> tuple[Fidelity, ...]:
    """Compare the wordings of each post (with the quotations of it) and of each quotation."""
    by_id = {a.id: a for a in articles}
    embeds = {a.id: merge(list(embed_ranges(a))) for a in articles}
    linked: dict[str, list] = defaultdict(list)
    for quote in quotes:
        if getattr(quote, "post_id", None):
            linked[quote.post_id].append(quote)
    results = []
    for post in posts:
        spans = [s for s in post.evidence if s.role in POST_TEXT_ROLES and s.article_id in by_id]
        wordings = [
            Wording(s.article_id, (s,), _inside(s, embeds[s.article_id]), by_id[s.article_id].published)
            for s in spans
        ]
        for quote in linked.get(post.id, ()):
            wordings += _quote_wordings(quote, by_id, exclude=spans)
        others = [p.text for p in posts if p is not post and getattr(p, "author_id", None) == post.author_id and p.author_id]
        fidelity = fidelity_of("post", post.id, wordings, options.compare.fidelity, others)
        if fidelity is not None:
            results.append(fidelity)
    for quote in quotes:
        if getattr(quote, "post_id", None):
            continue
        wordings = _quote_wordings(quote, by_id)
        fidelity = fidelity_of("quote", quote.id, wordings, options.compare.fidelity)
        if fidelity is not None:
            results.append(fidelity)
    return tuple(results)


def _quote_wordings(quote, by_id: dict[str, Article], exclude: Iterable[Span] = ()) -> list[Wording]:
    """One wording per article: the quotation's content spans there, in reading order."""
    taken = [(s.article_id, s.start, s.end) for s in exclude]
    per_article: dict[str, list[Span]] = defaultdict(list)
    for span in quote.evidence:
        if span.role != "content" or span.article_id not in by_id:
            continue
        if any(a == span.article_id and s < span.end and span.start < e for a, s, e in taken):
            continue  # the same words as a post span already counted
        per_article[span.article_id].append(span)
    return [
        Wording(article_id, tuple(sorted(spans, key=lambda s: s.start)), False, by_id[article_id].published)
        for article_id, spans in per_article.items()
    ]


def _inside(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= span.start and span.end <= e for s, e in ranges)
