"""HTML article extraction: newsprism's HTML reader against bare trafilatura, same pages, same run.

Data: ``../shared/eval/tweets-html`` (real pages from trafilatura's evaluation corpus that embed
tweets; ``evaldata.json`` lists per page text segments that must be in the extracted body
(``with``) and must not be (``without``)). Skips with a message when the folder is absent.

Scores, per page and overall (micro-averaged over segments), as trafilatura's own evaluation:
a ``with`` segment found in the text is a true positive, one missing a false negative; a
``without`` segment found is a false positive. Whitespace is normalized on both sides.
newsprism's article ``text`` is scored; it never holds the headline (which is the article's
``title``), while trafilatura's text starts with it when the page has it inside the article
container, and this corpus counts it as body on some pages. Two references run on the
same pages: ``trafilatura.extract`` with its defaults, which include reader comments (some
``with`` segments of this corpus are comments), and without comments, as newsprism extracts.

Embedded tweets are counted from the raw HTML by this script itself (every ``<blockquote>``
whose class names ``twitter-tweet``, wherever the page put it, even inside a consent
placeholder), independently of the reader's embed finder. A tweet *survives* into a text when
its whole own text (markup removed, compared without whitespace) is in that text, or, for a
blockquote that holds no text (scripts fill it in), when its status id is.

The seconds column is wall time of each system over all pages in this run; newsprism's
includes what bare extraction does not do: metadata (htmldate), embeds, cleaning, language.

    python bench/html_extraction.py            # table on stdout
    python bench/html_extraction.py --pages    # with one row per page
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "tweets-html"
_BLOCKQUOTE = re.compile(r"<blockquote\b[^>]*class=[\"'][^\"']*twitter-tweet[^\"']*[\"'][^>]*>(?P<body>.*?)</blockquote>",
                         re.I | re.S)
_STATUS = re.compile(r"(?:twitter|x)\.com/\w+/status(?:es)?/(?P<id>\d+)", re.I)
_ATTRIBUTION = re.compile(r"(?:&mdash;|&#8212;|&#x2014;|—)[^<]*\(@\w+\).*$", re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass
class Counts:
    """Segment confusion counts of one system."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, other: Counts) -> None:
        """Add another page's counts to these."""
        self.tp, self.fn, self.fp, self.tn = (self.tp + other.tp, self.fn + other.fn,
                                              self.fp + other.fp, self.tn + other.tn)

    def scores(self) -> tuple[float, float, float]:
        """(precision, recall, F1); 0.0 where undefined."""
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def _norm(text: str) -> str:
    return " ".join(text.split())


def score(text: str, page: dict) -> Counts:
    """Segment counts of one extracted text against one page's ``with``/``without`` lists."""
    text = _norm(text)
    counts = Counts()
    for segment in page.get("with", []):
        if _norm(segment) in text:
            counts.tp += 1
        else:
            counts.fn += 1
    for segment in page.get("without", []):
        if _norm(segment) in text:
            counts.fp += 1
        else:
            counts.tn += 1
    return counts


def _squeeze(text: str) -> str:
    """NFC text without whitespace and invisible characters (bidi marks), which extractors drop."""
    return "".join(c for c in unicodedata.normalize("NFC", text) if c.isprintable() and not c.isspace())


def embedded_tweets(raw: str) -> list[tuple[str, str | None]]:
    """(the tweet's own text without whitespace, status id) of each tweet blockquote."""
    tweets = []
    for match in _BLOCKQUOTE.finditer(raw):
        body = match.group("body")
        ids = _STATUS.findall(body)
        own = _squeeze(html.unescape(_TAG.sub(" ", _ATTRIBUTION.sub("", body))))
        tweets.append((own, ids[-1] if ids else None))
    return tweets


def survives(tweet: tuple[str, str | None], text: str) -> bool:
    """Whether a tweet's words (or, without words, its status id) are in ``text``."""
    words, status_id = tweet
    if words:
        return words in _squeeze(html.unescape(text))
    return bool(status_id) and status_id in text


SYSTEMS = ("newsprism", "trafilatura", "traf-nocomm")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", action="store_true", help="print one row per page")
    args = parser.parse_args()
    if not (DATA / "evaldata.json").exists():
        print(f"skipped: {DATA} is absent (the shared evaluation data is not checked out)")
        return 0

    import trafilatura

    from newsprism.ingest import read_articles

    pages = json.loads((DATA / "evaldata.json").read_text(encoding="utf-8"))
    totals = {system: Counts() for system in SYSTEMS}
    seconds = dict.fromkeys(SYSTEMS, 0.0)
    kept_total = dict.fromkeys(SYSTEMS, 0)
    tweet_total = lost_embeds = embeds_found = 0
    skipped = []
    rows = []
    for page in sorted(pages.values(), key=lambda item: item["file"]):
        path = DATA / page["file"]
        raw_bytes = path.read_bytes()
        texts = {}
        started = time.perf_counter()
        corpus = read_articles(path)
        seconds["newsprism"] += time.perf_counter() - started
        skipped.extend(corpus.skipped)
        texts["newsprism"] = ""
        for article in corpus.articles:
            texts["newsprism"] = article.text
            embeds_found += len(article.embeds)
            lost_embeds += sum(1 for embed in article.embeds if embed.start is None)
        for system, comments in (("trafilatura", True), ("traf-nocomm", False)):
            started = time.perf_counter()
            texts[system] = trafilatura.extract(raw_bytes, include_comments=comments) or ""
            seconds[system] += time.perf_counter() - started
        embedded = embedded_tweets(raw_bytes.decode("utf-8", errors="replace"))
        tweet_total += len(embedded)
        row = []
        for system in SYSTEMS:
            counts = score(texts[system], page)
            totals[system].add(counts)
            kept = sum(survives(tweet, texts[system]) for tweet in embedded)
            kept_total[system] += kept
            row.append((*counts.scores(), kept))
        rows.append((page["file"][:34], row, len(embedded)))

    if args.pages:
        print(f"{'page':34}" + "".join(f"  {system + ' P/R/F1':>20} {'tw':>3}" for system in SYSTEMS) + "  of")
        for name, row, total in rows:
            cells = "".join(f"  {p:6.3f} {r:6.3f} {f:6.3f} {k:3d}" for p, r, f, k in row)
            print(f"{name:34}{cells}  {total:2d}")
        print()
    print(f"{len(rows)} pages, {tweet_total} embedded tweet blockquotes in the raw HTML")
    print(f"{'system':12} {'precision':>9} {'recall':>7} {'F1':>6} {'tweets kept':>12} {'seconds':>8}")
    for system in SYSTEMS:
        precision, recall, f1 = totals[system].scores()
        print(f"{system:12} {precision:9.3f} {recall:7.3f} {f1:6.3f} {kept_total[system]:>5}/{tweet_total:<6} "
              f"{seconds[system]:8.2f}")
    ours = totals["newsprism"].scores()[2]
    for reference in SYSTEMS[1:]:
        theirs = totals[reference].scores()[2]
        if theirs:
            print(f"F1 ratio newsprism/{reference}: {ours / theirs:.3f}")
    print(f"embeds recorded by newsprism: {embeds_found}, not located in its text: {lost_embeds}")
    for entry in skipped:
        print(f"skipped by newsprism: {entry.input}: {entry.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
