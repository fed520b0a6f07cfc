"""The ``conflicts`` stage (dates): where sources date the same act differently.

Two kinds of disagreement are reported, each with the evidence of both sides:

* narration against a post: an article says someone posted or said something at one time
  ("Friday, Chance tweeted that …") while the post it embeds or links, by the same author and
  about the same thing, carries another date. The post's own timestamp is the better witness;
  the conflict shows the reader both.
* article against article: two articles date the same act (same actors, same kind of act,
  clauses sharing enough content words) to periods that do not overlap.

A refiner of this stage may add conflicts of other kinds (numbers, facts).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from newsprism.extract.time_anchors import TimeAnchor
from newsprism.model import Article, Conflict, Post
from newsprism.options import Options
from newsprism.stages import StoryInput, story_stage
from newsprism.story.timeline import Actors, act_kind, value_start

_STOPWORDS = frozenset(
    """the a an and or but that this these those with from into onto over after before about
    have has had been being were was are is will would could should their there they them
    then than what when where which while who whom whose your yours you his her hers him she
    he its it our ours we us not any all some more most very just also only even said says
    tweeted posted wrote saying told tells during says""".split()
)
_REPORTED_KINDS = ("posted", "said")


def value_range(value: str | None) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 calendar value covers, or None."""
    start = value_start(value)
    if start is None or value is None:
        return None
    if re.fullmatch(r"\d{4}-\d\d-\d\d(?:T.*)?", value):
        return start, start
    if "-W" in value:
        return start, start + timedelta(days=6)
    if re.fullmatch(r"\d{4}-\d\d", value):
        return start, start + relativedelta(months=1) - timedelta(days=1)
    if "-Q" in value or re.search(r"-(SP|SU|FA|WI)$", value):
        return start, start + relativedelta(months=3) - timedelta(days=1)
    if "-H" in value:
        return start, start + relativedelta(months=6) - timedelta(days=1)
    return start, date(start.year, 12, 31)


def disjoint(a: str | None, b: str | None) -> bool:
    """True when two calendar values cannot refer to the same day."""
    range_a, range_b = value_range(a), value_range(b)
    if range_a is None or range_b is None:
        return False
    return range_a[1] < range_b[0] or range_b[1] < range_a[0]


def content_words(text: str) -> set[str]:
    """Lower-case content words (four letters or more, no function words)."""
    words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z’']{3,}", text)}
    return {w.replace("’", "'") for w in words} - _STOPWORDS


@story_stage("conflicts", requires=("events",), after=("people", "posts", "quotes"))
def find_date_conflicts(story: StoryInput, options: Options) -> tuple[Conflict, ...]:
    """Date conflicts between narration and posts, and between articles."""
    people = story.results.get("people", ())
    posts = story.results.get("posts", ())
    quotes = story.results.get("quotes", ())
    outlets = {a.id: (a.outlet or a.id) for a in story.articles}
    conflicts: list[Conflict] = []
    anchors = [(article, anchor) for article, found in story.document_results("time_anchors")
               for anchor in found or ()]
    actors_of = Actors(people, quotes)
    anchor_actors = [actors_of.of(anchor) for _, anchor in anchors]
    for (article, anchor), actors in zip(anchors, anchor_actors):
        if act_kind(anchor.lemma) not in _REPORTED_KINDS:
            continue
        for post in posts:
            found = _post_conflict(article, anchor, actors, post, options, outlets)
            if found:
                conflicts.append(found)
    conflicts += _quote_conflicts(quotes, posts, outlets)
    conflicts += _article_conflicts(anchors, anchor_actors, options, outlets)
    return tuple(_unique(conflicts))


def _post_conflict(article: Article, anchor: TimeAnchor, actors, post: Post,
                   options: Options, outlets) -> Conflict | None:
    if not post.posted or not disjoint(anchor.time.value, post.posted[:10]):
        return None
    if actors and post.author_id and post.author_id not in actors:
        return None
    near = [span for span in post.evidence if span.article_id == article.id and
            min(abs(span.start - anchor.clause.end), abs(anchor.clause.start - span.end))
            <= options.timeline.post_window_chars]
    if not near:
        return None
    time_words = content_words(anchor.time.text)
    shared = (content_words(anchor.clause.text) - time_words) & content_words(post.text)
    if len(shared) < options.timeline.min_shared_words:
        return None
    who = post.display_name or (f"@{post.handle}" if post.handle else "the author")
    description = (
        f"{outlets[article.id]} dates {who}'s {act_kind(anchor.lemma)} act to "
        f"{anchor.time.value} (“{anchor.time.text}”), but the post it shows is dated "
        f"{post.posted[:10]}"
    )
    evidence = [anchor.clause, replace(anchor.time.span, role="date")] if anchor.time.span \
        else [anchor.clause]
    evidence += [replace(span, role="post") for span in near]
    return Conflict("date", description, tuple(evidence),
                    (anchor.time.value, post.posted[:10]), post.id)


def _quote_conflicts(quotes, posts, outlets) -> list[Conflict]:
    by_id = {post.id: post for post in posts}
    found = []
    for quote in quotes:
        post = by_id.get(quote.post_id or "")
        date_ref = quote.date
        if post is None or not post.posted or date_ref is None or date_ref.span is None \
                or not disjoint(date_ref.value, post.posted[:10]):
            continue
        article_id = date_ref.span.article_id
        description = (f"{outlets.get(article_id, article_id)} dates the quoted post to "
                       f"{date_ref.value} (“{date_ref.text}”), but the post is dated "
                       f"{post.posted[:10]}")
        evidence = (replace(date_ref.span, role="date"),
                    *[s for s in quote.evidence if s.role == "cue"],
                    *[replace(s, role="post") for s in post.evidence])
        found.append(Conflict("date", description, evidence, (date_ref.value, post.posted[:10]),
                              post.id))
    return found


def _article_conflicts(anchors, actors: list[tuple[str, ...]], options, outlets) -> list[Conflict]:
    """Pairs of anchors in different articles dating one act (same kind, same actors, most
    words shared) to disjoint times. Only anchors of one kind and the same actors are paired:
    comparing every anchor of a large story with every other would be quadratic in its size."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for index, (_, anchor) in enumerate(anchors):
        if actors[index]:
            groups[(act_kind(anchor.lemma), actors[index])].append(index)
    words = {}
    found = []
    for members in groups.values():
        for position, index in enumerate(members):
            article_a, a = anchors[index]
            for other in members[position + 1:]:
                article_b, b = anchors[other]
                if article_b.id == article_a.id or not disjoint(a.time.value, b.time.value):
                    continue
                for k in (index, other):
                    if k not in words:
                        words[k] = content_words(anchors[k][1].clause.text) - content_words(anchors[k][1].time.text)
                words_a, words_b = words[index], words[other]
                shared = words_a & words_b
                if len(shared) < options.timeline.min_shared_words or \
                        len(shared) / len(words_a | words_b) < options.timeline.same_act_overlap:
                    continue
                description = (f"{outlets[article_a.id]} dates this {act_kind(a.lemma)} act to "
                               f"{a.time.value} (“{a.time.text}”); {outlets[article_b.id]} to "
                               f"{b.time.value} (“{b.time.text}”)")
                evidence = (a.clause, replace(a.time.span, role="date"), b.clause,
                            replace(b.time.span, role="date"))
                found.append(((index, other), Conflict("date", description, evidence, (a.time.value, b.time.value))))
    found.sort(key=lambda item: item[0])  # in the order of the pairs of the anchors' order
    return [conflict for _, conflict in found]


def _unique(conflicts: list[Conflict]) -> list[Conflict]:
    seen = set()
    result = []
    for conflict in conflicts:
        key = (conflict.about, conflict.values,
               tuple((s.article_id, s.start) for s in conflict.evidence[:1]))
        if key not in seen:
            seen.add(key)
            result.append(conflict)
    return result
