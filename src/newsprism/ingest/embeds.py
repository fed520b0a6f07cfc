"""Embedded social posts in HTML: find them, record them, and flatten them into the text.

Pages embed posts as platform markup (a tweet blockquote, an Instagram blockquote, a Facebook
``fb-post`` div, a YouTube or TikTok player). Text extractors commonly drop that markup, and
with it words the article relies on ("she posted: ..."). Before extraction each embed is
recorded as an :class:`~newsprism.model.Embed` and its node (with any wrapper that holds
nothing else) is replaced by one plain paragraph in the text form every article of the project
uses for posts::

    {text} — {display_name} (@{handle}) {Month D, YYYY} {url}

with the unknown parts left out. The paragraph then gets offsets like any other text, and
:func:`embed_paragraph` rebuilds it so the reader's caller can find it again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import parse_qs

from lxml.etree import ParserError
from lxml.html import HtmlElement, fragments_fromstring

from newsprism.model import Embed
from newsprism.social import STATUS_URL, iso_utc, snowflake_time

TWITTER, INSTAGRAM, FACEBOOK, YOUTUBE, TIKTOK = "twitter", "instagram", "facebook", "youtube", "tiktok"

# Elements an embed's wrapper may not climb past: replacing them would change the page's shape.
_STOP_TAGS = {"html", "body", "article", "main", "td", "li"}
_INVISIBLE = {"script", "style", "noscript", "br", "link", "meta", "template"}
_BOXES = {"div", "span", "p", "section", "center"}
# Block elements that end a line when an embed's own markup is flattened.
_BLOCKS = {"p", "div", "br", "li", "section", "header", "footer", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"}

# Attribution of an embedded tweet: "— Display Name (@handle) date"; the LAST such dash before a
# handle, so dashes inside the tweet's own text stay in the text.
_TWEET_ATTRIBUTION = re.compile(
    r"^(?P<body>.*)[—–]\s*(?P<name>[^\n—–]*?)\s*\(@(?P<handle>\w{1,30})\)\s*(?P<rest>[^\n]*?)\s*$", re.S
)
_INSTAGRAM_ATTRIBUTION = re.compile(r"(?P<before>[^\n]*?)\s*\(@(?P<handle>[\w.]{1,30})\)")
# "A post shared by", in the languages Instagram writes its embed code in most often.
_SHARED_BY = re.compile(
    r"^.*?\b(?:shared\s+by|geteilt\s+von|compartida\s+(?:por|de)|partag[ée]e\s+par|condiviso\s+da|"
    r"compartilhada\s+por|gedeeld\s+door|udostępniony\s+przez)\s+",
    re.I,
)
_INSTAGRAM_URL = re.compile(r"https?://(?:www\.)?instagram\.com/(?:[\w.]+/)?(?P<kind>p|reel|tv)/(?P<code>[\w-]+)", re.I)
_YOUTUBE_URL = re.compile(r"(?:youtube(?:-nocookie)?\.com/(?:embed|v|shorts)/|youtu\.be/)(?P<id>[\w-]{11})", re.I)
_TIKTOK_URL = re.compile(r"tiktok\.com/@(?P<handle>[\w.]{1,40})/video/(?P<id>\d+)", re.I)
_TWEET_IFRAME = re.compile(r"(?:platform\.twitter\.com|twitter\.com|x\.com)/embed/Tweet\.html\?(?P<query>.*)", re.I)
_FACEBOOK_PLUGIN = re.compile(r"facebook\.com/plugins/(?:post|video)\.php\?(?P<query>.*)", re.I)
_FACEBOOK_ID = re.compile(r"/(?:posts|videos|permalink|photos)/(?:[\w.]+/)?(?P<id>\d+)|[?&](?:story_fbid|fbid|v)=(?P<qid>\d+)")
_GENERIC_TITLES = re.compile(r"^(?:youtube(?:\s+video)?(?:\s+player)?|embedded\s+(?:content|video)|video)$", re.I)
_MONTH_DAY_YEAR = re.compile(
    r"^(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?P<day>\d{1,2}),\s+(?P<year>\d{4})$"
)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
# Elements whose text is one block of the page, for finding an embed's neighbours.
_TEXT_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd", "dt", "figcaption")
# How many blocks on each side of an embed are searched for a neighbour the extractor kept,
# and how much of a block identifies it (a block shorter than the minimum must be a whole line).
_NEIGHBOURS = 6
_ANCHOR = 80
_MIN_ANCHOR = 20
_EMBED_MARKUP = re.compile(r"twitter-tweet|instagram-media|tiktok-embed|fb-post|youtube(?:-nocookie)?\.com/embed", re.I)
# Lazy-loading players keep the real address in a data attribute until a script swaps it in.
_SRC_ATTRIBUTES = ("src", "data-src", "data-lazy-src", "data-artsrc", "data-original")


@dataclass
class FlattenedEmbeds:
    """The embeds of a page, and the paragraphs that replaced them in its tree."""

    embeds: list[Embed] = field(default_factory=list)
    paragraphs: list[HtmlElement] = field(default_factory=list)
    tree: HtmlElement | None = None

    def restore(self, lines: list[str]) -> list[str]:
        """Put back the paragraphs the extractor dropped with a container it took for
        boilerplate, between the two extracted lines that surround them on the page.

        An embed is put back only when the nearest text blocks before and after it on the
        page are consecutive lines of the extracted text: it then sat inside the article.
        An embed in a sidebar, whose neighbours were not extracted, stays out.
        """
        missing = [(embed, paragraph) for embed, paragraph in zip(self.embeds, self.paragraphs)
                   if (text := embed_paragraph(embed)) and not any(text in line for line in lines)]
        if not missing:
            return lines
        lines = list(lines)
        blocks, positions = self._blocks()
        for embed, element in missing:
            position = positions[element]
            before = _neighbour_line(lines, blocks, range(position - 1, max(position - _NEIGHBOURS, 0) - 1, -1))
            after = _neighbour_line(lines, blocks, range(position + 1, min(position + _NEIGHBOURS, len(blocks))))
            if before is not None and after == before + 1:
                lines.insert(after, embed_paragraph(embed))
        return lines

    def _blocks(self) -> tuple[list[str | None], dict[HtmlElement, int]]:
        """The page's text blocks in document order (None for an embed's paragraph), and the
        position of each embed's paragraph among them."""
        blocks: list[str | None] = []
        positions: dict[HtmlElement, int] = {}
        ours = set(self.paragraphs)
        for element in self.tree.iter(*_TEXT_BLOCKS):
            if element in ours:
                positions[element] = len(blocks)
                blocks.append(None)
            elif text := _flat(element.text_content()):
                blocks.append(text)
        return blocks, positions


def _neighbour_line(lines: list[str], blocks: list[str | None], positions: range) -> int | None:
    """The line holding the first identifiable block at ``positions``, if it is extracted."""
    for index in positions:
        block = blocks[index]
        if block is None:
            continue
        # A short block (a subheading) identifies a line only by being all of it.
        anchor = block[:_ANCHOR]
        found = [number for number, line in enumerate(lines)
                 if (anchor in line if len(block) >= _MIN_ANCHOR else line == block)]
        if len(found) == 1:
            return found[0]
    return None


def extract_embeds(tree: HtmlElement, language: str | None = None) -> FlattenedEmbeds:
    """Record every embedded post in ``tree`` and replace it with its flattened paragraph.

    Args:
        tree: the parsed page; modified in place.
        language: the page's language, a hint for reading localized dates.

    Returns:
        The embeds in document order, not yet placed in any text (``start``/``end`` None),
        with what :meth:`FlattenedEmbeds.restore` needs to put back paragraphs an extractor drops.
    """
    _reveal_hidden_embeds(tree)
    result = FlattenedEmbeds(tree=tree)
    for node, reader in list(_candidates(tree)):
        if not any(ancestor is tree for ancestor in node.iterancestors()):  # in a replaced embed
            continue
        embed = reader(node, language)
        if embed is None:
            continue
        result.paragraphs.append(_replace(_wrapper(node), embed_paragraph(embed)))
        result.embeds.append(embed)
    return result


def embed_paragraph(embed: Embed) -> str:
    """The flattened text form of an embed, as it appears in the article text."""
    attribution = []
    if embed.display_name:
        attribution.append(embed.display_name)
    if embed.handle:
        attribution.append(f"(@{embed.handle})")
    if embed.date:
        day = date.fromisoformat(embed.date[:10])
        attribution.append(f"{_MONTHS[day.month - 1]} {day.day}, {day.year}")
    if embed.url:
        attribution.append(embed.url)
    if not attribution:
        return embed.text
    return " — ".join(part for part in (embed.text, " ".join(attribution)) if part) if embed.text \
        else "— " + " ".join(attribution)


def _reveal_hidden_embeds(tree: HtmlElement) -> None:
    """Put embeds that consent managers keep as text (in a hidden ``<textarea>`` or an inert
    ``<script type="text/plain">``, shown once a reader agrees) into the tree as markup, in
    place of their container, so they are found like any other."""
    for holder in list(tree.iter("textarea", "script")):
        code = holder.text or ""
        kind = (holder.get("type") or "").lower()
        if holder.tag == "script" and kind in ("", "text/javascript", "module", "application/ld+json"):
            continue
        if not _EMBED_MARKUP.search(code):
            continue
        try:
            pieces = fragments_fromstring(code)
        except (ValueError, ParserError):
            continue
        found = [node for piece in pieces if isinstance(piece, HtmlElement)
                 for node, _ in _candidates(piece) if not _inside_candidate(node, piece)]
        if not found:
            continue
        parent = holder.getparent()
        index = parent.index(holder)
        tail = holder.tail
        parent.remove(holder)
        for offset, node in enumerate(found):
            node.tail = None
            parent.insert(index + offset, node)
        found[-1].tail = tail


def _inside_candidate(node: HtmlElement, top: HtmlElement) -> bool:
    """Whether ``node`` sits inside another embed below ``top`` (a rendered tweet's iframe)."""
    return any(_candidate_reader(ancestor) for ancestor in node.iterancestors()
               if ancestor is not top and any(a is top for a in ancestor.iterancestors()))


def _candidates(tree: HtmlElement) -> Iterator[tuple[HtmlElement, Callable[[HtmlElement, str | None], Embed | None]]]:
    """(node, reader) for each element that looks like an embed, in document order."""
    for node in tree.iter("blockquote", "div", "iframe", "twitter-widget"):
        reader = _candidate_reader(node)
        if reader is not None:
            yield node, reader


def _candidate_reader(node: HtmlElement) -> Callable[[HtmlElement, str | None], Embed | None] | None:
    """The reader for an element that looks like an embed, else None."""
    classes = set((node.get("class") or "").split())
    tag = node.tag
    if classes & {"twitter-tweet", "twitter-video", "tweet", "twitter-tweet-rendered"} \
            or tag == "twitter-widget" or (tag == "iframe" and _TWEET_IFRAME.search(_src(node))):
        return _tweet
    if "instagram-media" in classes or (tag == "iframe" and _INSTAGRAM_URL.search(_src(node))):
        return _instagram
    if classes & {"fb-post", "fb-video"} or (tag == "iframe" and _FACEBOOK_PLUGIN.search(_src(node))):
        return _facebook
    if tag == "iframe" and _YOUTUBE_URL.search(_src(node)):
        return _youtube
    if "tiktok-embed" in classes:
        return _tiktok
    if tag == "blockquote" and any(STATUS_URL.match(a.get("href") or "") for a in node.iter("a")):
        return _tweet
    return None


def _tweet(node: HtmlElement, language: str | None) -> Embed | None:
    links = [a for a in node.iter("a") if STATUS_URL.match(a.get("href") or "")]
    status = STATUS_URL.match(links[-1].get("href")) if links else None
    status_id = status.group("id") if status else _tweet_id_attribute(node)
    if status_id is None:
        return None
    handle = status.group("handle") if status else None
    text, name, shown = _block_text(node), None, None
    attribution = _TWEET_ATTRIBUTION.match(text)
    if attribution:
        text, name = attribution.group("body"), attribution.group("name") or None
        handle = attribution.group("handle")
        shown = attribution.group("rest")
    if links and not shown:
        shown = links[-1].text_content()
    day = _parse_day(shown, language)
    minted = snowflake_time(status_id)
    # The id's time is exact; a shown date more than a day off it (time zones aside) was misread.
    if minted and (day is None or abs((date.fromisoformat(day) - minted.date()).days) > 1):
        day = iso_utc(minted)
    url = f"https://twitter.com/{handle}/status/{status_id}" if handle else \
        f"https://twitter.com/i/web/status/{status_id}"
    return Embed(TWITTER, url=url, status_id=status_id, handle=handle, display_name=_flat(name),
                 text=_flat(text), date=day)


def _tweet_id_attribute(node: HtmlElement) -> str | None:
    for element in node.iter():
        for attribute in ("data-tweet-id", "data-id"):
            value = element.get(attribute)
            if value and value.isdigit():
                return value
        match = _TWEET_IFRAME.search(_src(element)) if element.tag == "iframe" else None
        if match:
            ids = parse_qs(match.group("query")).get("id")
            if ids and ids[0].isdigit():
                return ids[0]
    return None


def _instagram(node: HtmlElement, language: str | None) -> Embed | None:
    permalink = node.get("data-instgrm-permalink") or _src(node)
    match = _INSTAGRAM_URL.search(permalink)
    if not match:
        match = next(filter(None, (_INSTAGRAM_URL.search(a.get("href") or "") for a in node.iter("a"))), None)
    if not match:
        return None
    url = f"https://www.instagram.com/{match.group('kind').lower()}/{match.group('code')}/"
    handle = name = None
    caption = []
    for line in _block_text(node).split("\n"):
        attribution = _INSTAGRAM_ATTRIBUTION.search(line)
        if attribution and handle is None:
            handle = attribution.group("handle")
            name = _SHARED_BY.sub("", attribution.group("before")).strip() or None
            profile = next((a.text_content() for a in node.iter("a")
                            if f"instagram.com/{handle.lower()}" in (a.get("href") or "").lower()), "")
            if profile.strip() and "@" not in profile:
                name = profile.strip()
        # Not the "View this post on Instagram" link, in whatever language it is written.
        elif line.strip() and not ("instagram" in line.lower() and len(line.split()) <= 8):
            caption.append(line)
    stamp = next((t.get("datetime") for t in node.iter("time") if t.get("datetime")), None)
    return Embed(INSTAGRAM, url=url, status_id=match.group("code"), handle=handle, display_name=_flat(name),
                 text=_flat(" ".join(caption)), date=_iso(stamp))


def _facebook(node: HtmlElement, language: str | None) -> Embed | None:
    href = node.get("data-href") or node.get("cite")
    if not href:
        plugin = next(filter(None, (_FACEBOOK_PLUGIN.search(_src(e)) for e in node.iter("iframe"))), None)
        href = parse_qs(plugin.group("query")).get("href", [None])[0] if plugin else None
    if not href:
        return None
    found = _FACEBOOK_ID.search(href)
    status_id = (found.group("id") or found.group("qid")) if found else None
    paragraphs = [_flat(p.text_content()) for p in node.iter("p")]
    anchors = [a for a in node.iter("a") if (a.get("href") or "").rstrip("/") != href.rstrip("/")]
    dated = [a.text_content() for a in node.iter("a") if (a.get("href") or "").rstrip("/") == href.rstrip("/")]
    name = anchors[-1].text_content() if anchors and "facebook.com" in (anchors[-1].get("href") or "") else None
    day = _parse_day(dated[-1], language) if dated else None
    return Embed(FACEBOOK, url=href.split("?")[0] if "permalink" not in href else href, status_id=status_id,
                 display_name=_flat(name), text=_flat(" ".join(p for p in paragraphs if p)), date=day)


def _youtube(node: HtmlElement, language: str | None) -> Embed | None:
    video = _YOUTUBE_URL.search(_src(node)).group("id")
    title = (node.get("title") or "").strip()
    return Embed(YOUTUBE, url=f"https://www.youtube.com/watch?v={video}", status_id=video,
                 text="" if _GENERIC_TITLES.match(title) else _flat(title))


def _tiktok(node: HtmlElement, language: str | None) -> Embed | None:
    cite = node.get("cite") or ""
    found = _TIKTOK_URL.search(cite)
    video = node.get("data-video-id") or (found.group("id") if found else None)
    handle = found.group("handle") if found else None
    caption = next((p.text_content() for p in node.iter("p")), "")
    if video is None and not cite:
        return None
    url = f"https://www.tiktok.com/@{handle}/video/{video}" if handle and video else (cite.split("?")[0] or None)
    return Embed(TIKTOK, url=url, status_id=video, handle=handle, text=_flat(caption))


def _src(node: HtmlElement) -> str:
    return next((node.get(name) for name in _SRC_ATTRIBUTES if node.get(name)), "")


def _block_text(node: HtmlElement) -> str:
    """The node's text with a line break at each block boundary (``<p>``, ``<br>``, ...)."""
    parts: list[str] = []

    def walk(element: HtmlElement) -> None:
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            parts.append(element.tail or "")
            return
        block = element.tag in _BLOCKS
        if block:
            parts.append("\n")
        parts.append(element.text or "")
        for child in element:
            walk(child)
        if block:
            parts.append("\n")
        if element is not node:
            parts.append(element.tail or "")

    walk(node)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _flat(text: str | None) -> str | None:
    """One line of NFC text without control characters: how the extractor writes paragraphs."""
    if text is None:
        return None
    text = " ".join(unicodedata.normalize("NFC", text).split())
    return text if text.isprintable() else " ".join("".join(c for c in text if c.isprintable()).split())


def _parse_day(shown: str | None, language: str | None) -> str | None:
    """ISO day of a date as an embed shows it ("March 4, 2025", "4. März 2025"), else None."""
    shown = (shown or "").strip()
    if not shown or not any(c.isdigit() for c in shown):
        return None
    match = _MONTH_DAY_YEAR.match(shown)
    if match:
        month = _MONTHS.index(match.group("month")) + 1
        try:
            return date(int(match.group("year")), month, int(match.group("day"))).isoformat()
        except ValueError:
            return None
    import dateparser

    settings = {"REQUIRE_PARTS": ["day", "month", "year"]}
    try:
        parsed = dateparser.parse(shown, languages=[language, "en"] if language and language != "en" else None,
                                  settings=settings)
    except ValueError:  # a language dateparser does not know: let it guess
        parsed = dateparser.parse(shown, settings=settings)
    return parsed.date().isoformat() if parsed else None


def _iso(stamp: str | None) -> str | None:
    if not stamp:
        return None
    try:
        return iso_utc(datetime.fromisoformat(stamp.replace("Z", "+00:00")))
    except ValueError:
        return None


def _wrapper(node: HtmlElement) -> HtmlElement:
    """The outermost ancestor that holds nothing but this embed (and scripts or blank space).

    Pages wrap embeds in figures, asides and ``embed-*`` divs that extractors discard as
    boilerplate; replacing the wrapper keeps the flattened post where the reader saw it.
    """
    current = node
    while True:
        parent = current.getparent()
        if parent is None or parent.tag in _STOP_TAGS:
            return current
        if _flat((parent.text or "") + "".join(child.tail or "" for child in parent)) \
                or not all(_ignorable(child) for child in parent if child is not current):
            return current
        current = parent


def _ignorable(element: HtmlElement) -> bool:
    """Whether an element shows nothing: a script, a line break, an empty box of such."""
    if not isinstance(element.tag, str) or element.tag in _INVISIBLE:
        return True
    return element.tag in _BOXES and not _flat(element.text_content()) and all(map(_ignorable, element))


def _replace(node: HtmlElement, paragraph: str) -> HtmlElement:
    """Put a ``<p>`` holding ``paragraph`` where ``node`` was, keeping the text after it."""
    replacement = node.makeelement("p", {})
    replacement.text = paragraph
    replacement.tail = node.tail
    node.getparent().replace(node, replacement)
    return replacement
