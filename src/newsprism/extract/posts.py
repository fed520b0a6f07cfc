"""The ``posts`` stage: every social post one article embeds, cites or describes.

Four sources, each post found once:

1. the structured embeds the HTML reader took from the page's markup
   (:attr:`~newsprism.model.Article.embeds`: exact platform, handle, status id, date);
2. flattened embeds in the text ("… — Display Name (@handle) Month D, YYYY"), found by
   :mod:`newsprism.extract.embeds_text`; one that is the flattened form of a markup embed
   gives that embed its evidence spans instead of becoming a second post;
3. status URLs outside those embeds, with the quotation before them
   (:mod:`newsprism.extract.status_urls`); a URL of a post already embedded adds its link;
4. reposts and replies the narration describes (:mod:`newsprism.extract.post_narration`);
   one described right where a status URL cites a post qualifies that post.

Records here are per article; :mod:`newsprism.story.posts` merges them across a story and
links authors to people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from newsprism.extract.embeds_text import TextEmbed, find_text_embeds, parse_post_date
from newsprism.extract.post_context import paragraph_spans, trim_span
from newsprism.extract.post_narration import NarratedPost, find_narrated_posts
from newsprism.extract.status_urls import StatusCitation, find_status_citations
from newsprism.model import Article, Embed, Post, Span
from newsprism.social import (
    handle_from_url,
    platform_of,
    post_id_from_url,
    posted_from_status_id,
    status_url,
)
from newsprism.stages import document_stage

# A post's text that opens with handles answers them (how platforms print replies);
# "RT @name:" opens a repost.
_REPLY_OPENING = re.compile(r"^\s*\.?@(?P<handle>\w{1,30})\b")
_REPOST_OPENING = re.compile(r"^\s*RT\s+@(?P<handle>\w{1,30}):?", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_LINK = re.compile(r"(?:https?://|pic\.twitter\.com/|www\.)\S+")


@dataclass
class _Draft:
    """A post being assembled from what one article says about it."""

    platform: str
    origins: list[str]
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, role)
    text: str = ""
    kind: str = "post"
    handle: str | None = None
    display_name: str | None = None
    posted: str | None = None
    precision: str | None = None
    status_id: str | None = None
    url: str | None = None
    target_handle: str | None = None
    extent: tuple[int, int] | None = None  # the characters this post occupies in the text

    def add(self, span: tuple[int, int] | None, role: str) -> None:
        if span and span[0] < span[1] and (span[0], span[1], role) not in self.spans:
            self.spans.append((span[0], span[1], role))


@document_stage("posts")
def find_posts(doc, article: Article, results, options) -> tuple[Post, ...]:
    """The posts one parsed article embeds, cites by URL, or describes as reposts and replies.

    Args:
        doc: the article's spaCy parse (quotations' authors, narrated reposts and replies).
        article: the article; its ``embeds`` are used when the HTML reader found any.
        results: earlier stages' outputs for this article (not needed).
        options: the :class:`~newsprism.options.Options`; ``options.posts`` steers this stage.

    Returns:
        The article's posts in reading order, with ids unique within the article.
    """
    settings = options.posts
    text = article.text
    finds = find_text_embeds(text, settings.max_text_chars)
    drafts: list[_Draft] = []
    used: set[int] = set()
    for embed in article.embeds:
        if embed.start is not None and embed.end is not None:
            placed = _from_placed_embed(embed, finds, used, text)
            if placed is not None:
                drafts.append(placed)
                continue
        index = _flattened_form(embed, finds, used, text)
        drafts.append(_from_embed(embed, finds[index] if index is not None else None, text))
    drafts += [_from_text_embed(f, text) for i, f in enumerate(finds) if i not in used]

    taken = [d.extent for d in drafts if d.extent]
    for citation in find_status_citations(doc, text, taken, settings.quote_paragraphs):
        same = next((d for d in drafts if d.platform == "twitter" and d.status_id == citation.status_id), None)
        if same is not None:
            same.add(citation.url_span, "url")
            same.origins.append("url")
        else:
            drafts.append(_from_citation(citation, text))

    if doc is not None:
        _add_narration(doc, text, drafts)
    for draft in drafts:
        _kind_from_text(draft)
    drafts.sort(key=lambda d: min((s[0] for s in d.spans), default=len(text)))
    return tuple(_post(article, n, draft) for n, draft in enumerate(drafts, start=1))


def normalized_words(text: str) -> str:
    """A post's words for comparison: no links, one case, no punctuation or extra spaces."""
    text = _LINK.sub(" ", text).casefold().replace("’", "'")
    return " ".join(re.sub(r"[^\w'@#]+", " ", text).split())


def _from_placed_embed(embed: Embed, finds: list[TextEmbed], used: set[int], text: str) -> _Draft | None:
    """A post from a markup embed the reader placed in the text.

    The placed paragraph starts with the post's words and goes on with the attribution; a
    text-form find inside it is the same post. When the words at the place differ from the
    embed's (a reader that kept the post's line breaks), the find's attribution is used and
    the words run from the placement to it. None when neither fits.
    """
    start, end = embed.start, embed.end
    inside = [i for i, found in enumerate(finds) if found.start < end and start < found.end]
    used.update(inside)
    words = embed.text or ""
    draft = _embed_draft(embed, finds[inside[0]] if inside else None)
    if text.startswith(words, start):
        draft.text = words
        draft.add((start, start + len(words)), "text")
        draft.add(trim_span(text, start + len(words), end), "attribution")
    elif inside:
        found = finds[inside[0]]
        span = trim_span(text, min(start, found.text[0]), found.attribution[0])
        draft.text = text[span[0]:span[1]]
        draft.add(span, "text")
        draft.add(found.attribution, "attribution")
    else:
        return None
    draft.extent = (start, end)
    _date(draft, embed.date)
    return draft


def _flattened_form(embed: Embed, finds: list[TextEmbed], used: set[int], text: str) -> int | None:
    """The index of the unclaimed text-form post with the embed's handle and words, or None
    (for an embed the reader could not place)."""
    best, best_score = None, 0.0
    wanted = normalized_words(embed.text or "")
    for index, found in enumerate(finds):
        if index in used or (embed.handle and found.handle.lower() != embed.handle.lstrip("@").lower()):
            continue
        words = normalized_words(text[found.text[0]:found.text[1]])
        score = 100.0 if words == wanted else fuzz.ratio(words, wanted) if words and wanted else 0.0
        if score > best_score:
            best, best_score = index, score
    if best is not None and best_score >= 90:
        used.add(best)
        return best
    return None


def _embed_draft(embed: Embed, found: TextEmbed | None) -> _Draft:
    platform = (embed.platform or platform_of(embed.url) or "unknown").lower()
    platform = "twitter" if platform in ("x", "twitter") else platform
    handle = (embed.handle or handle_from_url(embed.url) or (found.handle if found else None) or "").lstrip("@")
    status = embed.status_id or post_id_from_url(embed.url) or (found.status_id if found else None)
    return _Draft(platform=platform, origins=["embed"], handle=handle or None,
                  display_name=embed.display_name or (found.display_name if found else None),
                  status_id=status, url=embed.url)


def _from_embed(embed: Embed, found: TextEmbed | None, text: str) -> _Draft:
    draft = _embed_draft(embed, found)
    if found is not None:
        _take_spans(draft, found, text)
    else:
        draft.text = (embed.text or "").strip()
    _date(draft, embed.date or (found.date if found else None))
    return draft


def _from_text_embed(found: TextEmbed, text: str) -> _Draft:
    draft = _Draft(platform=found.platform, origins=["text"], handle=found.handle,
                   display_name=found.display_name, status_id=found.status_id, url=found.url)
    _take_spans(draft, found, text)
    _date(draft, found.date)
    return draft


def _take_spans(draft: _Draft, found: TextEmbed, text: str) -> None:
    draft.text = text[found.text[0]:found.text[1]]
    draft.add(found.text, "text")
    draft.add(found.attribution, "attribution")
    draft.extent = (found.start, found.end)


def _date(draft: _Draft, printed: str | None) -> None:
    """Exact time from a status id when it encodes one, else the printed day."""
    exact = posted_from_status_id(draft.status_id) if draft.platform == "twitter" else None
    if exact:
        draft.posted, draft.precision = exact, "datetime"
        if draft.url is None:
            draft.url = status_url(draft.handle, draft.status_id)
        return
    if printed and _ISO_DATE.match(printed):
        # A reader's ISO value: a day, or a UTC time (Instagram's <time datetime=...>).
        draft.posted, draft.precision = (printed, "datetime") if "T" in printed else (printed[:10], "day")
    elif printed:
        day = parse_post_date(printed)
        if day:
            draft.posted, draft.precision = day, "day"


def _from_citation(citation: StatusCitation, text: str) -> _Draft:
    draft = _Draft(platform="twitter", origins=["url"], handle=citation.handle,
                   status_id=citation.status_id, url=status_url(citation.handle, citation.status_id))
    draft.add(citation.url_span, "url")
    for span in citation.text_spans:
        draft.add(span, "text")
    for span in citation.author_spans:
        draft.add(span, "author")
    draft.text = " ".join(text[s:e] for s, e in citation.text_spans)
    _date(draft, None)
    return draft


def _add_narration(doc, text: str, drafts: list[_Draft]) -> None:
    """Reposts and replies the narration describes: qualify the post cited where the
    sentence stands, or add the described post."""
    paragraphs = paragraph_spans(text)

    def paragraph_index(position: int) -> int:
        return next((i for i, (s, e) in enumerate(paragraphs) if s <= position < e), -1)

    social = set()
    for draft in drafts:
        for start, _end, _role in draft.spans:
            index = paragraph_index(start)
            if index >= 0:
                social.add(paragraphs[index])
    for narrated in find_narrated_posts(doc, text, social, paragraphs):
        here = paragraph_index(narrated.cue[0])
        host = next((d for d in drafts if "url" in d.origins and "embed" not in d.origins
                     and "text" not in d.origins and _cites_here(d, here, paragraph_index)), None)
        if host is None:
            drafts.append(_from_narration(narrated, text))
            continue
        host.kind = narrated.kind
        host.add(narrated.cue, "cue")
        host.add(narrated.target, "target")
        host.add(narrated.author, "author")


def _cites_here(draft: _Draft, paragraph: int, paragraph_index) -> bool:
    """The cited post's URL or quotation is in this paragraph or the one right after it."""
    places = {paragraph_index(s) for s, _e, role in draft.spans if role in ("url", "text")}
    return paragraph in places or paragraph + 1 in {paragraph_index(s) for s, _e, r in draft.spans if r == "url"}


def _from_narration(narrated: NarratedPost, text: str) -> _Draft:
    draft = _Draft(platform=narrated.platform, origins=["narration"], kind=narrated.kind)
    draft.add(narrated.cue, "cue")
    draft.add(narrated.author, "author")
    draft.add(narrated.target, "target")
    for span in narrated.text_spans:
        draft.add(span, "text")
    draft.text = " ".join(text[s:e] for s, e in narrated.text_spans)
    return draft


def _kind_from_text(draft: _Draft) -> None:
    """Replies open with the handles they answer; "RT @name:" opens a repost."""
    if draft.kind != "post" or not draft.text:
        return
    repost = _REPOST_OPENING.match(draft.text)
    if repost:
        draft.kind, draft.target_handle = "repost", repost.group("handle")
        return
    reply = _REPLY_OPENING.match(draft.text)
    if reply and draft.platform in ("twitter", "threads", "bluesky"):
        draft.kind, draft.target_handle = "reply", reply.group("handle")


def _post(article: Article, number: int, draft: _Draft) -> Post:
    spans = sorted(draft.spans)
    evidence = tuple(Span(article.id, s, e, article.text[s:e], role) for s, e, role in spans)
    return Post(
        id=f"{article.id}-post-{number}",
        platform=draft.platform,
        kind=draft.kind,
        text=draft.text,
        evidence=evidence,
        handle=draft.handle,
        display_name=draft.display_name,
        posted=draft.posted,
        precision=draft.precision,
        status_id=draft.status_id,
        url=draft.url,
        target_handle=draft.target_handle,
        origins=tuple(dict.fromkeys(draft.origins)),
    )

