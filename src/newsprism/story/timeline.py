"""The story's timeline: dated quotes and the events of a story, with their evidence.

Three stages:

* ``quote_dates`` refines ``quotes``: a quote's raw date expression gets its normalized value
  from the article's ``timexes``; a quote without one takes the date of its cue verb when the
  text dates that act ("On Wednesday, West tweeted that …").
* ``events`` builds the story's events from the dated acts of every article
  (``time_anchors``) and from posts, whose own timestamp dates them (it wins over narration).
  The same act reported by several articles is one event with evidence from each; events long
  before the story are ``background``.

Date conflicts between sources are found by :mod:`newsprism.story.date_conflicts`.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from newsprism.extract.time_anchors import TimeAnchor
from newsprism.model import Article, Event, Post, Quote, Span, TimeRef
from newsprism.options import Options
from newsprism.stages import StoryInput, story_stage

# Verbs that say nothing about an act on their own.
_NOT_ACTS = frozenset({"be", "have", "do", "seem", "appear", "become", "get", "remain"})
# Acts of the same kind share one name, so outlets' wordings of one act meet.
ACT_KINDS = {
    "said": {"say", "tell", "state", "add", "explain", "note", "claim", "insist", "argue",
             "write", "comment", "reply", "answer", "declare", "announce", "ask", "assert"},
    "posted": {"tweet", "post", "retweet", "share", "publish", "upload", "caption"},
    "met": {"meet", "visit"},
    "responded": {"respond", "react", "reply", "return"},
    "apologised": {"apologize", "apologise"},
    "messaged": {"text", "message", "send", "email", "reach"},
    "criticised": {"criticize", "criticise", "rip", "slam", "attack", "blast", "condemn"},
    "defended": {"defend", "support", "back"},
    "praised": {"praise", "laud", "thank", "applaud"},
}
_KIND_OF = {verb: kind for kind, verbs in ACT_KINDS.items() for verb in verbs}


def act_kind(lemma: str) -> str:
    """The kind of act a verb names (``said``, ``posted`` ...), or the verb itself."""
    return _KIND_OF.get(lemma, lemma)


def value_start(value: str | None) -> date | None:
    """The first day a TIMEX3 calendar value covers (None for references and durations)."""
    if not value:
        return None
    match = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d)|-Q([1-4])|-H([12])|-(SP|SU|FA|WI))?",
                     value)
    if not match or value.startswith(("P", "FY")):
        return None
    year = int(match.group(1))
    if match.group(2):
        return date(year, int(match.group(2)), int(match.group(3) or 1))
    if match.group(4):
        return date.fromisocalendar(year, int(match.group(4)), 1)
    if match.group(5):
        return date(year, 3 * int(match.group(5)) - 2, 1)
    if match.group(6):
        return date(year, 1 if match.group(6) == "1" else 7, 1)
    if match.group(7):
        return date(year, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[match.group(7)], 1)
    return date(year, 1, 1)


def day_of(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` part of a day or time value, else None."""
    if value and re.match(r"\d{4}-\d\d-\d\d", value):
        return value[:10]
    return None


def _overlaps(a: Span, b: Span) -> bool:
    return a.article_id == b.article_id and a.start < b.end and b.start < a.end


# --- quote dates ---------------------------------------------------------------------------


@story_stage("quote_dates", requires=("quotes",), refines="quotes")
def date_quotes(story: StoryInput, options: Options) -> tuple[Quote, ...]:
    """Quotes with normalized dates: the raw expression's value, or the date of the cue act."""
    timexes = {a.id: refs or [] for a, refs in story.document_results("timexes")}
    anchors = {a.id: found or [] for a, found in story.document_results("time_anchors")}
    dated = []
    for quote in story.results["quotes"]:
        found = quote_date(quote, timexes, anchors)
        # most quotes keep the date they have (most have none): copying one costs more than
        # the rest of the stage
        dated.append(quote if found is quote.date else replace(quote, date=found))
    return tuple(dated)


def quote_date(quote: Quote, timexes: dict[str, list[TimeRef]],
               anchors: dict[str, list[TimeAnchor]]) -> TimeRef | None:
    """The normalized date of a quote's act, or its raw date when none can be found."""
    raw = quote.date
    if raw is not None and raw.span is not None:
        for ref in timexes.get(raw.span.article_id, ()):
            if ref.span is not None and _overlaps(ref.span, raw.span):
                return ref
    cues = [span for span in quote.evidence if span.role == "cue"]
    for cue in cues:
        for anchor in anchors.get(cue.article_id, ()):
            if _overlaps(anchor.verb, cue):
                return anchor.time
    return raw


# --- events --------------------------------------------------------------------------------


@dataclass
class _Draft:
    kind: str
    date: str | None
    precision: str | None
    provenance: str | None
    actor_ids: tuple[str, ...]
    description: str
    evidence: list[Span] = field(default_factory=list)
    from_post: bool = False


@story_stage("events", after=("people", "quotes", "posts"))
def build_events(story: StoryInput, options: Options) -> tuple[Event, ...]:
    """The story's events in time order, each with evidence from every article reporting it."""
    people = story.results.get("people", ())
    quotes = story.results.get("quotes", ())
    posts = story.results.get("posts", ())
    drafts = [_post_draft(post) for post in posts if post.posted]
    actors = Actors(people, quotes)
    for article, anchors in story.document_results("time_anchors"):
        for anchor in anchors or ():
            if anchor.lemma in _NOT_ACTS or anchor.time.precision is None:
                continue
            drafts.append(_anchor_draft(anchor, actors))
    events = _merge(drafts)
    earliest = _earliest_published(story.articles)
    result = []
    for draft in events:
        start = value_start(draft.date)
        background = bool(earliest and start and
                          start <= earliest - timedelta(days=options.timeline.background_days))
        result.append(Event(
            id=_event_id(draft),
            description=draft.description,
            evidence=tuple(_unique(draft.evidence)),
            date=draft.date,
            precision=draft.precision,
            actor_ids=draft.actor_ids,
            background=background,
            kind=draft.kind,
            date_provenance=draft.provenance,
        ))
    result.sort(key=lambda e: (e.date is None, value_start(e.date) or date.max, e.date or "",
                               e.evidence[0].article_id if e.evidence else "",
                               e.evidence[0].start if e.evidence else 0))
    return tuple(result)


def _post_draft(post: Post) -> _Draft:
    who = post.display_name or (f"@{post.handle}" if post.handle else "Someone")
    words = post.text.strip()
    shown = words if len(words) <= 140 else words[:137].rstrip() + "…"
    description = f"{who} posted on {post.platform}" + (f": “{shown}”" if shown else "")
    evidence = [replace(span, role="post") for span in post.evidence]
    return _Draft("posted", post.posted, post.precision or ("day" if day_of(post.posted) else None),
                  "post", (post.author_id,) if post.author_id else (), description, evidence,
                  from_post=True)


class Actors:
    """Who performed dated acts, with the people's mentions and the quotations' cues indexed by
    article once per story: looking them up for every act by scanning every mention of the
    story made the stages quadratic in the story's size."""

    def __init__(self, people, quotes) -> None:
        self._ids = [person.id for person in people]
        self._mentions: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        for number, person in enumerate(people):
            for span in person.evidence:
                self._mentions[span.article_id].append((span.start, span.end, number))
        for spans in self._mentions.values():
            spans.sort()
        self._cues: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for quote in quotes:
            if quote.speaker_id:
                for span in quote.evidence:
                    if span.role == "cue":
                        self._cues[span.article_id].append((span.start, span.end, quote.speaker_id))

    def of(self, anchor: TimeAnchor) -> tuple[str, ...]:
        """Who performed a dated act: the people named in its subject; else the speaker of a
        quote whose cue is the act's verb; else the first person named before the verb in its
        clause."""
        if anchor.subject is not None:
            numbers = sorted({n for _, n in self._inside(anchor.subject)})
            if numbers:
                return tuple(self._ids[n] for n in numbers)
        verb = anchor.verb
        speakers = {speaker for start, end, speaker in self._cues.get(verb.article_id, ())
                    if start < verb.end and verb.start < end}
        if speakers:
            return tuple(sorted(speakers))
        clause = anchor.clause
        if anchor.subject is None and clause.start < verb.start:
            named = [(start, self._ids[n]) for start, n in
                     self._inside(Span(clause.article_id, clause.start, verb.start, ""))]
            if named:
                return (min(named)[1],)
        return ()

    def _inside(self, span: Span) -> list[tuple[int, int]]:
        """(start, person number) of the mentions inside ``span``."""
        mentions = self._mentions.get(span.article_id, [])
        found = []
        for k in range(bisect_left(mentions, (span.start,)), len(mentions)):
            start, end, number = mentions[k]
            if start > span.end:
                break
            if end <= span.end:
                found.append((start, number))
        return found


def anchor_actors(anchor: TimeAnchor, people, quotes) -> tuple[str, ...]:
    """Who performed one dated act (see :meth:`Actors.of`); index once for many acts."""
    return Actors(people, quotes).of(anchor)


def _anchor_draft(anchor: TimeAnchor, actors_of: Actors) -> _Draft:
    actors = actors_of.of(anchor)
    time = anchor.time
    evidence = [anchor.clause, replace(time.span, role="date")] if time.span else [anchor.clause]
    return _Draft(act_kind(anchor.lemma), time.value, time.precision, time.provenance, actors,
                  anchor.clause.text, evidence)


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One event per act: same actors, same kind of act, same date. A post absorbs the
    narration of a posting or statement by its author on the post's day."""
    merged: dict[tuple, _Draft] = {}
    for draft in sorted(drafts, key=lambda d: not d.from_post):
        who = draft.actor_ids or (draft.description.lower(),)
        post_key = (who, "posted", day_of(draft.date) or draft.date)
        if draft.from_post:
            key = post_key
        elif draft.actor_ids and draft.kind in ("posted", "said") and post_key in merged:
            key = post_key
        else:
            key = (who, draft.kind, day_of(draft.date) or draft.date)
        if key in merged:
            merged[key].evidence.extend(draft.evidence)
        else:
            merged[key] = draft
    return list(merged.values())


def _earliest_published(articles: tuple[Article, ...]) -> date | None:
    days = [value_start(a.published[:10]) for a in articles if a.published]
    days = [d for d in days if d]
    return min(days) if days else None


def _event_id(draft: _Draft) -> str:
    first = draft.evidence[0] if draft.evidence else None
    key = f"{draft.kind}|{draft.date}|{','.join(draft.actor_ids)}|" \
          f"{first.article_id if first else ''}:{first.start if first else ''}"
    return "event-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def _unique(spans: list[Span]) -> list[Span]:
    seen = set()
    result = []
    for span in spans:
        key = (span.article_id, span.start, span.end, span.role)
        if key not in seen:
            seen.add(key)
            result.append(span)
    return result
