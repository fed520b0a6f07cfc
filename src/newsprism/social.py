"""Facts about social-media posts that every floor needs: status URLs, the platform a link
belongs to, and the time a status id encodes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

# twitter.com / x.com and their mobile and share-proxy hosts; ``i/web/status`` has no handle.
# The scheme is optional because articles print links without it ("twitter.com/a/status/1").
STATUS_URL = re.compile(
    r"(?<![\w./@-])(?:https?://)?(?:www\.|mobile\.|m\.)?"
    r"(?:twitter|x|fxtwitter|vxtwitter|fixupx|fixvx)\.com/"
    r"(?:(?P<handle>\w{1,30})|i/web|i)/status(?:es)?/(?P<id>\d{6,20})"
    r"(?:/(?:photo|video)/\d)?(?:\?[^\s\"'<>]*)?(?:#[^\s\"'<>]*)?",
    re.IGNORECASE,
)
# Every status URL holds "/status". The pattern above, case-insensitive and opening with a
# lookbehind, is tried at every character of a text; this one skips ahead to each slash, so a
# text without the word (most articles) is never searched with it.
_STATUS_WORD = re.compile("/status", re.IGNORECASE)

# Path words that follow the host but are not account names.
_NOT_HANDLES = frozenset({"i", "intent", "share", "home", "search", "hashtag", "explore"})

# Twitter's snowflake epoch (2010-11-04T01:42:54.657Z) in milliseconds; ids minted before
# snowflakes (late 2010) do not encode a time.
TWITTER_EPOCH_MS = 1288834974657
FIRST_SNOWFLAKE_ID = 29700859247

# Host (without www./m.) -> platform name used in Post.platform and Embed.platform.
_HOSTS = {
    "twitter.com": "twitter", "x.com": "twitter", "mobile.twitter.com": "twitter",
    "t.co": "twitter", "pic.twitter.com": "twitter", "fxtwitter.com": "twitter",
    "vxtwitter.com": "twitter", "fixupx.com": "twitter",
    "instagram.com": "instagram", "instagr.am": "instagram",
    "facebook.com": "facebook", "fb.com": "facebook", "fb.watch": "facebook",
    "youtube.com": "youtube", "youtu.be": "youtube", "youtube-nocookie.com": "youtube",
    "tiktok.com": "tiktok", "vm.tiktok.com": "tiktok",
    "threads.net": "threads", "threads.com": "threads", "bsky.app": "bluesky",
}


def find_status_urls(text: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`STATUS_URL` in ``text``, as ``STATUS_URL.finditer(text)`` gives them."""
    if _STATUS_WORD.search(text) is None:
        return iter(())
    return STATUS_URL.finditer(text)


def snowflake_time(status_id: int | str) -> datetime | None:
    """The UTC time a Twitter/X status id was minted, or None for pre-snowflake ids.

    Args:
        status_id: the numeric id of a status, as an int or a string of digits.

    Returns:
        An aware UTC datetime (millisecond precision), or None when the id predates
        snowflake ids and so encodes no time.
    """
    value = int(status_id)
    if value < FIRST_SNOWFLAKE_ID:
        return None
    return datetime.fromtimestamp(((value >> 22) + TWITTER_EPOCH_MS) / 1000, tz=UTC)


def iso_utc(moment: datetime) -> str:
    """``2018-04-25T16:30:06Z``: an aware datetime in UTC to the second."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def posted_from_status_id(status_id: int | str | None) -> str | None:
    """The ISO UTC time a Twitter/X status id encodes (``2018-04-25T16:30:06Z``), or None."""
    if status_id is None or not str(status_id).isdigit():
        return None
    moment = snowflake_time(status_id)
    return iso_utc(moment) if moment else None


def parse_status_url(url: str) -> tuple[str | None, str] | None:
    """(handle or None, status id) of a Twitter/X status URL, or None when it is not one.

    >>> parse_status_url("https://x.com/kanyewest/status/989179757651574784?s=20")
    ('kanyewest', '989179757651574784')
    """
    match = STATUS_URL.search(url or "")
    if not match:
        return None
    handle = match.group("handle")
    if handle and handle.lower() in _NOT_HANDLES:
        handle = None
    return handle, match.group("id")


def status_url(handle: str | None, status_id: str) -> str:
    """The canonical URL of a Twitter/X status (``i/web`` when the handle is unknown)."""
    return f"https://twitter.com/{handle.lstrip('@') if handle else 'i/web'}/status/{status_id}"


def platform_of(url: str | None) -> str | None:
    """The platform a link belongs to (``twitter``, ``instagram``, ``facebook``, ``youtube``,
    ``tiktok``, ``threads``, ``bluesky``), or None for any other site."""
    if not url:
        return None
    if "://" not in url:
        url = "https://" + url
    host = (urlsplit(url).hostname or "").lower()
    for prefix in ("www.", "m.", "mobile.", "web."):
        if host.startswith(prefix) and host[len(prefix):] in _HOSTS:
            host = host[len(prefix):]
    return _HOSTS.get(host)


def handle_from_url(url: str | None) -> str | None:
    """The account name a post URL names, when its path carries one.

    ``twitter.com/<h>/status/…``, ``tiktok.com/@<h>/video/…``, ``instagram.com/<h>/``,
    ``facebook.com/<page>/posts/…``, ``youtube.com/@<h>``; None for paths without an account
    (``instagram.com/p/<code>``, ``youtube.com/watch?v=…``).
    """
    platform = platform_of(url)
    if platform is None:
        return None
    if platform == "twitter":
        parsed = parse_status_url(url)
        return parsed[0] if parsed else None
    parts = [p for p in urlsplit(url if "://" in url else "https://" + url).path.split("/") if p]
    if not parts:
        return None
    first = parts[0]
    if first.startswith("@"):
        return first[1:] or None
    if platform == "instagram" and first not in ("p", "reel", "reels", "tv", "stories", "explore"):
        return first
    if platform == "facebook" and len(parts) >= 2 and parts[1] in ("posts", "videos", "photos"):
        return first
    return None


def post_id_from_url(url: str | None) -> str | None:
    """The platform's own id of the post a URL points at (status id, Instagram shortcode,
    YouTube video id, TikTok video id, Facebook post id), or None."""
    platform = platform_of(url)
    if platform is None:
        return None
    if platform == "twitter":
        parsed = parse_status_url(url)
        return parsed[1] if parsed else None
    split = urlsplit(url if "://" in url else "https://" + url)
    parts = [p for p in split.path.split("/") if p]
    if platform == "youtube":
        if split.hostname and split.hostname.endswith("youtu.be"):
            return parts[0] if parts else None
        video = parse_qs(split.query).get("v")
        if video:
            return video[0]
        for marker in ("embed", "shorts", "live", "v"):
            if marker in parts[:-1]:
                return parts[parts.index(marker) + 1]
        return None
    for marker in ("p", "reel", "tv", "video", "posts", "videos"):
        if marker in parts[:-1]:
            return parts[parts.index(marker) + 1]
    return None
