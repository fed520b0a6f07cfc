"""The story's posts: one record per post however many articles carry it.

Each article's posts (stage ``posts`` of :mod:`newsprism.extract.posts`) are first tied to
people: the author by handle, display name or the narration's words; a quotation placed
before a status URL is dropped from the post when the narration gives it to someone else.
Then the same post is recognised across articles: by status id, or by the same author on
compatible dates with the same words (fuzzy, rapidfuzz), an article's quotation of a post
included. When one article's post fits two distinct posts of another equally well, it is
merged with neither: the text does not say which it is. Each merged post keeps every wording
as a variant, for the comparison of outlets, and every span of every article as evidence.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date

from rapidfuzz import fuzz

from newsprism.extract.post_context import paragraph_spans
from newsprism.extract.posts import normalized_words
from newsprism.model import Article, Post, PostVariant, Span
from newsprism.options import Options, PostsOptions
from newsprism.stages import StoryInput, story_stage
from newsprism.story.post_authors import PeopleIndex

# How much each origin is worth as the source of a post's canonical words.
_TEXT_RANK = {"embed": 0, "text": 1, "url": 2, "narration": 3}
_KIND_RANK = {"repost": 0, "reply": 1, "post": 2}


@dataclass
class _Item:
    """One article's record of a post, with what the story knows about its author."""

    index: int
    article: Article
    post: Post
    author_id: str | None
    words: str


@story_stage("posts", requires=("people",))
def merge_posts(story: StoryInput, options: Options) -> tuple[Post, ...]:
    """The story's posts, each once, with authors and targets linked to people.

    Args:
        story: the story's articles, their ``posts`` stage outputs and the ``people``.
        options: ``options.posts`` holds the merging thresholds.

    Returns:
        The posts ordered by posting time (undated last), then by where they appear.
    """
    settings = options.posts
    people = PeopleIndex(story.results["people"])
    order = {article.id: n for n, article in enumerate(story.articles)}
    items: list[_Item] = []
    for article, posts in story.document_results("posts"):
        for post in posts or ():
            post = _checked_quotation(post, people)
            items.append(_Item(len(items), article, post, _author(post, people),
                               normalized_words(post.text)))

    clusters = _cluster(items, settings)
    merged = [(_merge(cluster, order), cluster) for cluster in clusters]
    ids = _ids([post for post, _ in merged])
    by_item = {item.index: ids[n] for n, (_, cluster) in enumerate(merged) for item in cluster}
    result = []
    for n, (post, cluster) in enumerate(merged):
        post = replace(post, id=ids[n])
        result.append(_with_target(post, cluster, items, by_item, people, settings))
    result.sort(key=lambda p: (p.posted is None, p.posted or "", _first_place(p, order)))
    return tuple(result)


def _author(post: Post, people: PeopleIndex) -> str | None:
    """The author's person id: by handle, display name, or the narration's subject."""
    found = people.by_handle(post.handle) or people.by_name(post.display_name)
    if found:
        return found
    if post.handle:
        return None  # an account no person of the story is known by
    for span in post.evidence:
        if span.role == "author":
            found = people.by_span(span)
            if found:
                return found
    return None


def _checked_quotation(post: Post, people: PeopleIndex) -> Post:
    """Drop words quoted before a status URL when the narration gives them to someone else
    ("Trump also tweeted, “MAGA,” …" before a link to West's post)."""
    if "url" not in post.origins or not post.handle or not post.text:
        return post
    owner = people.by_handle(post.handle)
    for span in post.evidence:
        if span.role != "author":
            continue
        speaker = people.by_span(span)
        if speaker is None:
            continue
        foreign = speaker != owner if owner else (
            people.handles_of(speaker) and post.handle.casefold() not in people.handles_of(speaker)
        )
        if foreign:
            kept = tuple(s for s in post.evidence if s.role not in ("text", "author"))
            return replace(post, text="", evidence=kept)
    return post


def similarity(first: str, second: str, min_words: int = 4) -> float:
    """How alike two normalized wordings are (0-100): the whole, or the shorter one inside
    the longer when it is long enough to be a real excerpt."""
    if not first or not second:
        return 0.0
    score = fuzz.ratio(first, second)
    shorter = min(first, second, key=len)
    if len(shorter.split()) >= min_words:
        score = max(score, fuzz.partial_ratio(first, second))
    return score


def _cluster(items: list[_Item], settings: PostsOptions) -> list[list[_Item]]:
    """Group the records of one post: same status id, or same author, compatible dates and
    alike words, never two records that must be different posts."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    scores: dict[tuple[int, int], float] = {}
    for a in items:
        for b in items[a.index + 1:]:
            score = _score(a, b, settings)
            if score is not None:
                scores[(a.index, b.index)] = score
    for (i, j), score in sorted(scores.items(), key=lambda kv: -kv[1]):
        if score < settings.merge_similarity and score != float("inf"):
            continue
        if score != float("inf") and (_ambiguous(i, j, items, scores, settings) or _ambiguous(j, i, items, scores, settings)):
            continue
        ri, rj = find(i), find(j)
        if ri == rj or any(_distinct(items[x], items[y]) for x in members[ri] for y in members[rj]):
            continue
        parent[rj] = ri
        members[ri] += members.pop(rj)
    return [[items[i] for i in sorted(group)] for group in members.values()]


def _score(a: _Item, b: _Item, settings: PostsOptions) -> float | None:
    """Similarity of two records of perhaps one post; inf for the same status id; None when
    they cannot be one post."""
    pa, pb = a.post, b.post
    if pa.status_id and pb.status_id:
        return float("inf") if pa.status_id == pb.status_id and _platforms_fit(pa, pb) else None
    if _distinct(a, b) or not _platforms_fit(pa, pb):
        return None
    if pa.handle and pb.handle:
        if pa.handle.casefold() != pb.handle.casefold():
            return None
    elif not (a.author_id and a.author_id == b.author_id):
        return None
    if not _dates_fit(pa, pb, settings.date_tolerance_days):
        return None
    return similarity(a.words, b.words, settings.quote_min_words)


def _distinct(a: _Item, b: _Item) -> bool:
    """Two records that must be different posts: different status ids, or two posts one
    article shows separately (a described repost may be the embed shown beside it)."""
    if a.post.status_id and b.post.status_id and a.post.status_id != b.post.status_id:
        return True
    if a.article.id == b.article.id:
        return "narration" not in a.post.origins and "narration" not in b.post.origins
    return False


def _ambiguous(i: int, j: int, items, scores, settings: PostsOptions) -> bool:
    """Item i fits j, but as well (within the margin) another post that cannot be j."""
    best = scores.get((min(i, j), max(i, j)), 0.0)
    for k, other in enumerate(items):
        if k in (i, j) or not _distinct(items[j], other):
            continue
        score = scores.get((min(i, k), max(i, k)))
        if score is not None and score >= settings.merge_similarity and score >= best - settings.merge_margin:
            return True
    return False


def _platforms_fit(a: Post, b: Post) -> bool:
    return a.platform == b.platform or "unknown" in (a.platform, b.platform)


def _dates_fit(a: Post, b: Post, tolerance: int) -> bool:
    if not a.posted or not b.posted:
        return True
    first, second = date.fromisoformat(a.posted[:10]), date.fromisoformat(b.posted[:10])
    return abs((first - second).days) <= tolerance


def _merge(cluster: list[_Item], order: dict[str, int]) -> Post:
    """One post from its records: the best-sourced words, every wording and every span."""
    posts = [item.post for item in cluster]
    with_text = [item for item in cluster if item.post.text]
    canonical = min(with_text, key=lambda i: (_rank(i.post), order[i.article.id], -len(i.post.text)),
                    default=cluster[0])
    exact = [p for p in posts if p.precision == "datetime"]
    dated = exact or [p for p in posts if p.posted]
    evidence = sorted({s for p in posts for s in p.evidence},
                      key=lambda s: (order.get(s.article_id, 0), s.start, s.end, s.role or ""))
    return Post(
        id="",
        platform=next((p.platform for p in posts if p.platform != "unknown"), posts[0].platform),
        kind=min((p.kind for p in posts), key=lambda k: _KIND_RANK.get(k, 3)),
        text=canonical.post.text,
        evidence=tuple(evidence),
        handle=next((p.handle for p in sorted(posts, key=_rank) if p.handle), None),
        author_id=next((i.author_id for i in cluster if i.author_id), None),
        display_name=next((p.display_name for p in sorted(posts, key=_rank) if p.display_name), None),
        posted=dated[0].posted if dated else None,
        precision=dated[0].precision if dated else None,
        status_id=next((p.status_id for p in posts if p.status_id), None),
        url=next((p.url for p in sorted(posts, key=_rank) if p.url), None),
        target_handle=next((p.target_handle for p in posts if p.target_handle), None),
        variants=_variants(canonical, with_text, order),
        origins=tuple(sorted({o for p in posts for o in p.origins}, key=lambda o: _TEXT_RANK.get(o, 9))),
    )


def _rank(post: Post) -> int:
    return min((_TEXT_RANK.get(o, 9) for o in post.origins), default=9)


def _variants(canonical: _Item, items: list[_Item], order: dict[str, int]) -> tuple[PostVariant, ...]:
    """Each distinct wording (spacing aside) with the spans that carry it, the post's own first."""
    wordings: dict[str, list[Span]] = {}
    for item in sorted(items, key=lambda i: (i is not canonical, order[i.article.id])):
        key = " ".join(item.post.text.split())
        spans = [s for s in item.post.evidence if s.role == "text"]
        wordings.setdefault(key, []).extend(spans)
    return tuple(PostVariant(text, tuple(spans)) for text, spans in wordings.items() if text)


def _ids(posts: list[Post]) -> list[str]:
    """Stable, readable ids: ``post-twitter-<status id>``, else author, day and words."""
    used: set[str] = set()
    ids = []
    for post in posts:
        if post.status_id:
            base = f"post-{post.platform}-{post.status_id}"
        else:
            who = re.sub(r"[^a-z0-9]+", "-", (post.handle or post.author_id or "unknown").casefold()).strip("-")
            day = post.posted[:10].replace("-", "") if post.posted else "undated"
            digest = hashlib.sha1(normalized_words(post.text).encode()).hexdigest()[:6]
            base = f"post-{who}-{day}-{digest}"
        pid, n = base, 2
        while pid in used:
            pid, n = f"{base}-{n}", n + 1
        used.add(pid)
        ids.append(pid)
    return ids


def _with_target(post: Post, cluster: list[_Item], items: list[_Item], by_item: dict[int, str],
                 people: PeopleIndex, settings: PostsOptions) -> Post:
    """The person a reply or repost addresses, and the post it targets when the article
    shows exactly one post by that person around the sentence that describes it."""
    if post.kind == "post":
        return post
    target_id = people.by_handle(post.target_handle) if post.target_handle else None
    cues = []
    for item in cluster:
        for span in item.post.evidence:
            if span.role == "target" and target_id is None:
                target_id = people.by_span(span)
            if span.role == "cue":
                cues.append((item, span))
    if target_id is None:
        return post
    own = {item.index for item in cluster}
    found: set[str] = set()
    for item, cue in cues:
        paragraph_of = _paragraph_index(item.article.text)
        here = paragraph_of(cue.start)
        nearby = set()
        for other in items:
            if other.index in own or other.article.id != item.article.id or other.author_id != target_id:
                continue
            places = [paragraph_of(s.start) for s in other.post.evidence if s.role in ("text", "attribution", "url")]
            if places and min(abs(p - here) for p in places) <= settings.target_paragraphs \
                    and not _later(other.post, post):
                nearby.add(by_item[other.index])
        if len(nearby) == 1:
            found |= nearby
    return replace(post, target_id=target_id, target=found.pop() if len(found) == 1 else None)


def _later(candidate: Post, post: Post) -> bool:
    """The candidate was posted after the post that would answer it."""
    if not candidate.posted or not post.posted:
        return False
    return candidate.posted[:len(post.posted)] > post.posted[:len(candidate.posted)]


def _paragraph_index(text: str):
    spans = paragraph_spans(text)

    def index(position: int) -> int:
        return next((n for n, (s, e) in enumerate(spans) if s <= position < e), -1)

    return index


def _first_place(post: Post, order: dict[str, int]) -> tuple[int, int]:
    if not post.evidence:
        return (len(order), 0)
    first = post.evidence[0]
    return (order.get(first.article_id, 0), first.start)
