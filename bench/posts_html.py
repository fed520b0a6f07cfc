"""Embedded tweets in real web pages: how many newsprism recovers, against what the page holds.

For each page of ``../shared/eval/tweets-html`` (36 pages from the trafilatura evaluation
corpus that embed tweets) the script counts the embedded tweets itself, from the raw HTML and
independently of newsprism: every ``blockquote`` whose class contains ``twitter-tweet`` (also
inside ``<textarea>``/``<noscript>``/``<template>`` placeholders that consent banners use),
with its handle, status id, printed date and words. Tweets that the saved page holds only as
a rendered iframe (no words, no author in the page) are counted apart.

Then it reads the pages with ``newsprism.read_articles`` and runs the pipeline; a tweet is
recovered when one of the article's embedded posts (``posts`` stage, origin ``embed`` or
``text``) has the right handle, date (the printed day, or a UTC time within a day of it, as
pages print local dates) and words (normalized, rapidfuzz ratio >= 90). Recall = recovered /
embedded; precision = recovered / embedded posts newsprism reports.

As the reference, in the same run: what trafilatura's plain ``extract`` keeps of each tweet
(its words; its words, handle and date together), and what newsprism's text-form parser finds
in that plain text (the route left when no markup is available).

Usage: python bench/posts_html.py [--data DIR] [--misses]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "tweets-html"

# Independent of newsprism.social on purpose: the gold side must not share the code it checks.
_STATUS = re.compile(r"(?:twitter|x)\.com/(?P<handle>\w+)/status(?:es)?/(?P<id>\d+)", re.IGNORECASE)
_HANDLE = re.compile(r"\(@(\w+)\)")
_ATTRIBUTION_TAIL = re.compile(r"(?:—|–|&mdash;)[^—–]*\(@\w+\)[^—–]*$")
_LINKS = re.compile(r"(?:https?://|pic\.twitter\.com/|www\.)\S+")


@dataclass
class Tweet:
    """One embedded tweet as the page's markup holds it."""

    handle: str | None
    status_id: str | None
    printed: str | None
    day: date | None
    exact: datetime | None
    words: str


@dataclass
class Page:
    name: str
    tweets: list[Tweet] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)  # status ids of tweets held only as iframes


def words(text: str) -> str:
    text = _LINKS.sub(" ", text or "").casefold().replace("’", "'")
    return " ".join(re.sub(r"[^\w'@#]+", " ", text).split())


def snowflake(status_id: str | None) -> datetime | None:
    if not status_id or int(status_id) < 29700859247:
        return None
    return datetime.fromtimestamp(((int(status_id) >> 22) + 1288834974657) / 1000, tz=UTC)


def printed_day(text: str) -> date | None:
    if not text.strip():
        return None
    import dateparser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(text, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date() if parsed else None


def gold_tweets(html: str) -> tuple[list[Tweet], list[str]]:
    """The page's embedded tweets, and the status ids of those held only as rendered iframes
    (the page keeps no words or author for them)."""
    import lxml.html

    document = lxml.html.document_fromstring(html)
    roots = [document]
    for holder in document.xpath("//textarea|//noscript|//template"):
        inner = holder.text_content()
        if "twitter-tweet" in inner:
            roots.append(lxml.html.fragment_fromstring(inner, create_parent="div"))
    tweets = []
    for root in roots:
        for quote in root.xpath(".//blockquote[contains(@class, 'twitter-tweet')]"):
            links = [(a.get("href") or "", a.text_content()) for a in quote.xpath(".//a")]
            status = [(m, text) for href, text in links if (m := _STATUS.search(href))]
            match, printed = status[-1] if status else (None, "")
            # The words are the blockquote's paragraphs; some pages put the "— Name (@handle)
            # date" line inside a paragraph too, so it is cut off.
            body = _ATTRIBUTION_TAIL.sub("", " ".join(p.text_content() for p in quote.xpath(".//p")))
            handle_match = _HANDLE.search(quote.text_content())
            handle = handle_match.group(1) if handle_match else (match.group("handle") if match else None)
            status_id = match.group("id") if match else None
            tweets.append(Tweet(handle, status_id, printed.strip() or None, printed_day(printed),
                                snowflake(status_id), words(body)))
    rendered = [
        frame.get("data-tweet-id") or ""
        for frame in document.xpath("//div[contains(@class, 'twitter-tweet')]//iframe")
    ]
    return tweets, rendered


def date_fits(tweet: Tweet, posted: str | None) -> bool:
    """Checked against the day the page prints: that day, or a UTC time within a day of it
    (pages print the day in their own time zone). Only a tweet that prints no date is checked
    against the time its status id encodes."""
    if not posted:
        return False
    moment = datetime.fromisoformat(posted) if "T" in posted else None
    if tweet.day is not None:
        if moment is not None:
            return abs((moment.date() - tweet.day).days) <= 1
        return date.fromisoformat(posted[:10]) == tweet.day
    if tweet.exact is None:
        return False
    if moment is not None:
        return abs((moment - tweet.exact).total_seconds()) < 1
    return abs((date.fromisoformat(posted[:10]) - tweet.exact.date()).days) <= 1


def correct(tweet: Tweet, handle: str | None, posted: str | None, text: str) -> bool:
    from rapidfuzz import fuzz

    if not handle or not tweet.handle or handle.lstrip("@").casefold() != tweet.handle.casefold():
        return False
    if not date_fits(tweet, posted):
        return False
    got = words(text)
    if not tweet.words or not got:
        return tweet.words == got
    return fuzz.ratio(tweet.words, got) >= 90


def match(tweets: list[Tweet], found: list[tuple[str | None, str | None, str | None, str]],
          identical: list[int] | None = None) -> int:
    """How many tweets one found post each recovers correctly (one to one); ``identical``
    collects how many of them have exactly the tweet's words (after normalization)."""
    used: set[int] = set()
    hits = 0
    for tweet in tweets:
        for n, (handle, status_id, posted, text) in enumerate(found):
            if n in used:
                continue
            if tweet.status_id and status_id and tweet.status_id != status_id:
                continue
            if correct(tweet, handle, posted, text):
                used.add(n)
                hits += 1
                if identical is not None and words(text) == tweet.words:
                    identical.append(1)
                break
    return hits


def trafilatura_keeps(tweets: list[Tweet], extracted: str) -> tuple[int, int]:
    """(tweets whose words the plain text keeps, those whose words, handle and date it keeps)."""
    from rapidfuzz import fuzz

    plain = words(extracted)
    kept = complete = 0
    for tweet in tweets:
        if not tweet.words:
            continue
        has_words = fuzz.partial_ratio(tweet.words, plain) >= 90 if plain else False
        kept += has_words
        if has_words and tweet.handle and f"(@{tweet.handle.casefold()})" in extracted.casefold() \
                and tweet.printed and tweet.printed in extracted:
            complete += 1
    return kept, complete


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "  -  "


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--misses", action="store_true", help="list the tweets not recovered")
    args = parser.parse_args()
    if not (args.data / "evaldata.json").exists():
        print(f"tweets-html data not found at {args.data} (clone with ../shared beside the project)")
        return 2
    import trafilatura

    import newsprism
    from newsprism.extract.embeds_text import find_text_embeds

    files = sorted({entry["file"] for entry in json.loads((args.data / "evaldata.json").read_text()).values()})
    pages = {}
    extracts = {}
    started = time.perf_counter()
    for name in files:
        html = (args.data / name).read_bytes().decode("utf-8", errors="replace")
        tweets, rendered = gold_tweets(html)
        pages[name] = Page(name, tweets, rendered)
        extracts[name] = trafilatura.extract(html) or ""
    trafilatura_seconds = time.perf_counter() - started

    started = time.perf_counter()
    corpus = newsprism.read_articles([args.data / name for name in files])
    analysis = newsprism.analyze(corpus) if corpus.articles else None
    newsprism_seconds = time.perf_counter() - started
    by_page: dict[str, list] = {}
    cited: dict[str, int] = {}
    other: dict[str, int] = {}
    reader_embeds: dict[str, int] = {}
    if analysis is not None:
        for article in analysis.articles:
            name = Path(article.source).name
            posts = analysis.article_results[article.id].results.get("posts") or ()
            embedded = [p for p in posts if {"embed", "text"} & set(p.origins)]
            tweets = [p for p in embedded if p.platform == "twitter"]
            by_page[name] = [(p.handle, p.status_id, p.posted, p.text) for p in tweets]
            other[name] = len(embedded) - len(tweets)
            cited[name] = len(posts) - len(embedded)
            reader_embeds[name] = len(article.embeds)
    skipped = {Path(s.input).name: s.reason for s in corpus.skipped}

    header = (f"{'page':40} {'tweets':>6} {'iframe':>6} {'embeds':>6} {'found':>5} {'right':>5} "
              f"{'recall':>6} {'prec':>6} {'other':>5} {'cited':>5} | {'traf words':>10} {'traf all':>8} "
              f"{'tf+parser':>9}")
    print(header)
    print("-" * len(header))
    keys = ("tweets", "iframe", "found", "right", "right_iframe", "other", "cited", "kept", "complete",
            "text_form", "with_words")
    totals = dict.fromkeys(keys, 0)
    misses = []
    identical: list[int] = []
    for name in files:
        page = pages[name]
        found = by_page.get(name, [])
        right = match(page.tweets, found, identical)
        right_iframe = sum(1 for _h, sid, _p, _t in found if sid and sid in page.rendered)
        kept, complete = trafilatura_keeps(page.tweets, extracts[name])
        parsed = [(f.handle, f.status_id, f.date, extracts[name][f.text[0]:f.text[1]])
                  for f in find_text_embeds(extracts[name])]
        text_form = match(page.tweets, parsed)
        with_words = sum(1 for t in page.tweets if t.words)
        values = (len(page.tweets), len(page.rendered), len(found), right, right_iframe, other.get(name, 0),
                  cited.get(name, 0), kept, complete, text_form, with_words)
        for key, value in zip(keys, values):
            totals[key] += value
        note = "" if name in by_page else f"  [not read: {skipped.get(name, 'no article')[:60]}]"
        print(f"{name[:40]:40} {len(page.tweets):6d} {len(page.rendered):6d} {reader_embeds.get(name, 0):6d} "
              f"{len(found):5d} {right:5d} {ratio(right, len(page.tweets)):>6} "
              f"{ratio(right + right_iframe, len(found)):>6} {other.get(name, 0):5d} {cited.get(name, 0):5d} | "
              f"{kept:4d}/{with_words:<5d} {complete:8d} {text_form:9d}{note}")
        if args.misses and (right < len(page.tweets) or right + right_iframe < len(found)):
            misses.append((name, page.tweets, found))
    print("-" * len(header))
    print(f"{'all pages':40} {totals['tweets']:6d} {totals['iframe']:6d} {'':6} {totals['found']:5d} "
          f"{totals['right']:5d} {ratio(totals['right'], totals['tweets']):>6} "
          f"{ratio(totals['right'] + totals['right_iframe'], totals['found']):>6} {totals['other']:5d} "
          f"{totals['cited']:5d} | {totals['kept']:4d}/{totals['with_words']:<5d} {totals['complete']:8d} "
          f"{totals['text_form']:9d}")
    print()
    print(f"newsprism (read_articles + analyze): recall {ratio(totals['right'], totals['tweets'])} "
          f"({totals['right']} of {totals['tweets']} blockquote tweets with right handle, date and words, "
          f"{len(identical)} of them word for word), "
          f"precision {ratio(totals['right'] + totals['right_iframe'], totals['found'])} "
          f"({totals['found']} embedded tweets reported, {totals['right_iframe']} of them the pages' "
          f"{totals['iframe']} iframe-only tweets); {totals['other']} posts of other platforms, "
          f"{totals['cited']} cited by status URL only")
    print(f"trafilatura.extract (plain text, reference): keeps the words of {totals['kept']} of "
          f"{totals['with_words']} tweets with words ({ratio(totals['kept'], totals['with_words'])}), "
          f"words + handle + date of {totals['complete']} ({ratio(totals['complete'], totals['with_words'])})")
    print(f"text-form parser on trafilatura's text: {totals['text_form']} of {totals['tweets']} "
          f"({ratio(totals['text_form'], totals['tweets'])})")
    print(f"time: trafilatura {trafilatura_seconds:.1f}s, newsprism {newsprism_seconds:.1f}s "
          f"({len(files)} pages; newsprism's includes loading spaCy and every stage)")
    if analysis is None:
        print("\nnewsprism read no page: " + (next(iter(skipped.values()), "") or "see skipped inputs"))
    for name, tweets, found in misses:
        print(f"\n== {name}")
        for tweet in tweets:
            print(f"  gold  @{tweet.handle} {tweet.status_id} {tweet.printed!r} {tweet.words[:70]!r}")
        for handle, status_id, posted, text in found:
            print(f"  found @{handle} {status_id} {posted} {words(text)[:70]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
