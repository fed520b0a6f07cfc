"""Collecting every wording of the story's quotations and posts, for quote fidelity.

A post's wordings are its text wherever an article carries it; the one inside an embedded post
(a flattened embed paragraph or an embed the reader placed) is the post itself, the primary
form. A quotation's wordings are its content spans in each article (fragments broken by an
attribution stay one wording); a quotation linked to a post joins the post's wordings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from newsprism.extract.narration import embed_ranges, merge
from newsprism.model import Article, Fidelity, Span
from newsprism.options import Options
from newsprism.stages import StoryInput, story_stage
from newsprism.story.fidelity import Wording, fidelity_of
from newsprism.story.framing import POST_TEXT_ROLES
from newsprism.story.wording import typographic



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
    """Compare the wordings of each post (with the quotations of it) and of each quotation.

    Besides the quotations linked to a post, any other record of the same author that
    carries the post's words joins its comparison: an article that quotes the post without
    a link, or that prints two posts as one quotation (a splice of two sources).
    """
    by_id = {a.id: a for a in articles}
    embeds = {a.id: merge(list(embed_ranges(a))) for a in articles}
    linked: dict[str, list] = defaultdict(list)
    for quote in quotes:
        if getattr(quote, "post_id", None):
            linked[quote.post_id].append(quote)
    per_record = {
        id(post): _post_wordings(post, by_id, embeds) + [
            w for q in linked.get(post.id, ()) for w in _quote_wordings(q, by_id, exclude=post.evidence)
        ]
        for post in posts
    }
    for quote in quotes:
        if not getattr(quote, "post_id", None):
            per_record[id(quote)] = _quote_wordings(quote, by_id)
    results, used = [], set()
    for post in posts:
        wordings = list(per_record[id(post)])
        if any(w.primary for w in wordings) and post.author_id:
            for other in [*posts, *quotes]:
                author = getattr(other, "author_id", None) or getattr(other, "speaker_id", None)
                if other is post or author != post.author_id or getattr(other, "post_id", None) == post.id:
                    continue
                wordings += [w for w in per_record.get(id(other), ()) if not w.primary and _carries(w.text, post.text)]
        wordings = _unique(wordings)
        others = [p.text for p in posts if p is not post and p.author_id and p.author_id == post.author_id]
        fidelity = fidelity_of("post", post.id, wordings, options.compare.fidelity, others)
        if fidelity is not None:
            results.append(fidelity)
            used.update(_key(w) for w in wordings)
    for quote in quotes:
        if getattr(quote, "post_id", None):
            continue
        wordings = [w for w in per_record[id(quote)] if _key(w) not in used]
        fidelity = fidelity_of("quote", quote.id, wordings, options.compare.fidelity)
        if fidelity is not None:
            results.append(fidelity)
    return tuple(results)


def _post_wordings(post, by_id: dict[str, Article], embeds) -> list[Wording]:
    """One wording per article for the embedded post, one for its quotation in narration."""
    groups: dict[tuple[str, bool], list[Span]] = defaultdict(list)
    for span in post.evidence:
        if span.role in POST_TEXT_ROLES and span.article_id in by_id:
            groups[(span.article_id, _inside(span, embeds[span.article_id]))].append(span)
    return [
        Wording(article_id, tuple(sorted(spans, key=lambda s: s.start)), primary, by_id[article_id].published)
        for (article_id, primary), spans in groups.items()
    ]


def _carries(text: str, post_text: str, min_words: int = 5, min_score: float = 90.0) -> bool:
    """Whether ``text`` holds the post's words (fuzzily, either inside the other)."""
    a, b = typographic(text).casefold(), typographic(post_text).casefold()
    if min(len(a.split()), len(b.split())) < min_words:
        return False
    return fuzz.partial_ratio(a, b) >= min_score


def _key(wording: Wording) -> tuple:
    return (wording.article_id, tuple((s.start, s.end) for s in wording.segments))


def _unique(wordings: list[Wording]) -> list[Wording]:
    seen, result = set(), []
    for wording in wordings:
        if _key(wording) not in seen:
            seen.add(_key(wording))
            result.append(wording)
    return result


def _quote_wordings(quote, by_id: dict[str, Article], exclude: Iterable[Span] = ()) -> list[Wording]:
    """One wording per article: the quotation's words there, in reading order.

    Where the article only quotes some words inside its own clause (a partial quotation:
    feel “betrayed” … the “harm that …”), the wording is those quoted words, not the clause.
    """
    taken = [(s.article_id, s.start, s.end) for s in exclude]
    per_article: dict[str, list[Span]] = defaultdict(list)
    quoted_in = {span.article_id for span in quote.evidence if span.role == "quoted"}
    for span in quote.evidence:
        wanted = "quoted" if span.article_id in quoted_in else "content"
        if span.role != wanted or span.article_id not in by_id:
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
