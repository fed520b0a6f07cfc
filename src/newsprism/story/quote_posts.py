"""Quotations that cite a post: link them to it (``post_id``) and mark the channel.

When an article quotes words its speaker posted ("Chance tried defending Kanye, posting
“Black people don’t have to be democrats,”"), the quotation and the post are one statement
seen twice. A quotation cites a post when its words are the post's (in any of the post's
wordings, allowing for the small changes outlets make) and either its speaker is the post's
author or, with no speaker resolved, the quotation is the very text the post was recovered
from. Dates, when both are
known, must agree. A quotation that fits two posts equally well is left unlinked.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from rapidfuzz import fuzz

from newsprism.extract.posts import normalized_words
from newsprism.model import Post, Quote
from newsprism.options import Options, PostsOptions
from newsprism.stages import StoryInput, story_stage

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


@story_stage("quote_posts", requires=("posts",), refines="quotes")
def link_quotes_to_posts(story: StoryInput, options: Options) -> tuple[Quote, ...]:
    """The story's quotations, those that cite a post linked to it with channel ``tweet``
    (``post`` for other platforms)."""
    posts = story.results["posts"]
    return tuple(link_quote(quote, posts, options.posts) for quote in story.results["quotes"])


def link_quote(quote: Quote, posts: tuple[Post, ...], settings: PostsOptions) -> Quote:
    """``quote`` with ``post_id`` and channel set when it cites one of ``posts``.

    Args:
        quote: a quotation of the story.
        posts: the story's posts.
        settings: thresholds (``quote_similarity``, ``quote_min_words``, ``merge_margin``,
            ``date_tolerance_days``).
    """
    if quote.post_id:
        return quote
    words = normalized_words(quote.text)
    if not words:
        return quote
    scored: list[tuple[float, Post]] = []
    for post in posts:
        inside = _inside_post_text(quote, post)
        same_speaker = quote.speaker_id is not None and quote.speaker_id == post.author_id
        # The very words a post was recovered from cite it unless the quotation names another
        # speaker: then one of the two attributions is wrong, and the link would hide it.
        if not (same_speaker or (inside and quote.speaker_id is None)):
            continue
        if not _dates_agree(quote, post, settings.date_tolerance_days):
            continue
        wordings = [post.text, *(v.text for v in post.variants)]
        score = max(quote_match(words, normalized_words(w), settings.quote_min_words) for w in wordings)
        if inside:
            score = max(score, 100.0)
        if score >= settings.quote_similarity:
            scored.append((score, post))
    if not scored:
        return quote
    scored.sort(key=lambda pair: -pair[0])
    best_score, best = scored[0]
    if len(scored) > 1 and scored[1][0] >= best_score - settings.merge_margin and scored[1][1].id != best.id:
        return quote  # the words fit two posts: the text does not say which is cited
    return replace(quote, post_id=best.id, channel="tweet" if best.platform == "twitter" else "post")


def quote_match(quoted: str, post: str, min_words: int) -> float:
    """How well normalized quoted words reproduce a post's normalized words (0-100).

    A short quotation counts only when its words occur verbatim in the post; a longer one may
    be an excerpt (partial match) but not a text much longer than the post.
    """
    if not quoted or not post:
        return 0.0
    if len(quoted.split()) < min_words:
        return 100.0 if re.search(rf"(?<![\w']){re.escape(quoted)}(?![\w'])", post) else 0.0
    if len(quoted) <= len(post) * 1.1:
        return fuzz.partial_ratio(quoted, post)
    return fuzz.ratio(quoted, post)


def _inside_post_text(quote: Quote, post: Post) -> bool:
    """The quotation's content is the very span a post's words were taken from."""
    texts = [s for s in post.evidence if s.role == "text"]
    for content in quote.evidence:
        if content.role not in (None, "content"):
            continue
        for span in texts:
            if span.article_id == content.article_id and span.start <= content.start and content.end <= span.end + 1:
                return True
    return False


def _dates_agree(quote: Quote, post: Post, tolerance: int) -> bool:
    value = quote.date.value if quote.date else None
    if not value or not post.posted or not _DAY.match(value) or not _DAY.match(post.posted):
        return True
    said, posted = date.fromisoformat(value[:10]), date.fromisoformat(post.posted[:10])
    return abs((said - posted).days) <= tolerance
