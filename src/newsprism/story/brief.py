"""The ``brief`` stage: the story in a few neutral sentences, in time order, each cited.

Every sentence of the brief is either an article's own sentence (extractive) or a sentence
generated from a post or quote record ("On April 25, 2018, Kanye West posted on Twitter: “…”",
"Chance the Rapper said: “…”"; :mod:`newsprism.story.brief_records`), never anything else:

* **Candidates** are the narration sentences of every article (``narration`` stage), without
  the dateline or publication stamp that opens a wire report (:mod:`newsprism.extract.datelines`):
  a sentence that is only someone else's words (a quotation without its attribution, an
  embedded post) is not one; neither is a sentence whose narration carries an outlet's
  evaluative wording that cannot be cut (``loaded_wording`` stage, with the comparison's
  evaluative lexicon). Removable loaded modifiers ("a *shocking* decision") are cut from the
  sentence's text; its citation still points at the whole original sentence. Posts and direct
  quotations of named speakers are candidates too, told from their records, verbatim.
* **Score**: how central the sentence is to the story (cosine of its TF-IDF vector to the
  centroid of all sentences), raised by how closely the story's *other* outlets report the same
  thing (per outlet, the cosine of its closest sentence; one at least ``support_similarity``
  alike is cited as ``support``), by its place in its article's lead, and by the acts it
  reports (an apology, a response or a rejection turns a story; a post or a statement is an
  act too; background and commentary are none).
* **Selection**: for a story whose acts are dated on several days, the best sentence of its
  first and last day and then of each other day first (background only on its score), so the
  brief runs from the first act to the last; then the best sentences that do not repeat one
  already chosen, as many as score within ``min_relative_score`` of the best (between
  ``min_sentences`` and ``max_sentences``), or up to a word budget; sentences told from posts
  and quotations fill at most ``max_post_share`` of it, one a person a day. What only one
  outlet of several reports is marked "according to <outlet>".
* **Order**: by the date each sentence's act happened (the earliest day its temporal
  expressions name outside quotation marks, a post's own date, else the day of a dated report
  of another outlet that repeats it), else its article's publication date.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from newsprism.extract.datelines import dateline_end
from newsprism.extract.narration import merge, quoted_ranges
from newsprism.extract.sentences import quotation_end
from newsprism.model import Article, BriefSentence, Post, Span
from newsprism.options import BriefOptions, Options
from newsprism.stages import StoryInput, story_stage
from newsprism.story.brief_records import (act_strength, acts_within, deeds, narrated_acts, quote_candidates,
                                            quoted_items, record_acts)
from newsprism.story.brief_vectors import SentenceVectors
from newsprism.story.timeline import value_start
from newsprism.story.tfidf import lower_words, tfidf

_WORD = re.compile(r"\w+(?:['’]\w+)?")
_LINK = re.compile(r"\s*(?:https?://|pic\.twitter\.com/)\S+")
_RUN = re.compile(r"(\S)\1{3,}")
# Evidence of a post's words, author and date: its text, the attribution of an embed, the
# author named in narration, the status link (whose id encodes the time); not a repost's cue.
_POST_ROLES = (None, "text", "attribution", "author", "url")
_PLATFORMS = {"twitter": "Twitter", "x": "X", "instagram": "Instagram", "facebook": "Facebook",
              "youtube": "YouTube", "tiktok": "TikTok"}


@dataclass
class Unit:
    """A candidate sentence of the brief."""

    text: str
    source: list[Span]
    article: Article
    position: int
    when: date | None
    outlets: set[str] = field(default_factory=set)
    support: list[Span] = field(default_factory=list)
    score: float = 0.0
    from_post: bool = False
    dated: bool = False  # the text or the record dates the act (not only the publication)
    from_quote: bool = False
    acts: set[str] = field(default_factory=set)  # kinds of the acts it reports
    actor: str | None = None  # whose post or quotation it tells
    words: str | None = None  # what it says, without a generated frame (for similarity)
    items: frozenset[str] = frozenset()  # the quotations and posts it tells


def words(text: str) -> int:
    """Words in ``text`` (contractions count once)."""
    return len(_WORD.findall(text))


def words_within(text: str, ranges, most: int) -> int:
    """Words in the ``ranges`` of ``text``, as :func:`words` counts them in each, counted up
    to ``most`` (a sentence's narration is read only for whether it has none, one or more)."""
    count = 0
    for start, end in ranges:
        for _ in _WORD.finditer(text, start, end):
            count += 1
            if count >= most:
                return count
    return count


def outlet_of(article: Article) -> str:
    """The name under which an article's reports are counted and credited."""
    return article.outlet or article.source.rsplit("/", 1)[-1] or article.id


def apply_cuts(text: str, offset: int, cuts) -> str:
    """``text`` (starting at ``offset`` in its article) without the cut ranges, spaces tidied."""
    kept, cursor = [], offset
    for start, end in sorted(cuts):
        if start >= cursor:
            kept.append(text[cursor - offset:start - offset])
            cursor = end
    kept.append(text[cursor - offset:])
    return " ".join("".join(kept).split())


def unquoted(quoted: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``[start, end)`` outside the ``quoted`` ranges (sorted, disjoint)."""
    parts = []
    k = max(0, bisect.bisect_right(quoted, (start, start)) - 1)
    for q_start, q_end in quoted[k:]:
        if q_start >= end:
            break
        if q_end <= start:
            continue
        if q_start > start:
            parts.append((start, q_start))
        start = max(start, q_end)
    if start < end:
        parts.append((start, end))
    return parts


def sentence_day(article: Article, pieces, timexes) -> tuple[date | None, bool]:
    """When the act of a sentence happened: the earliest day the temporal expressions of its
    ``pieces`` (the sentence outside quotation marks) name (not after the article's
    publication; quoted words speak from their own time), else the article's publication
    day; and whether the text dates it."""
    published = value_start(article.published[:10]) if article.published else None
    days = []
    low, high = (pieces[0][0], pieces[-1][1]) if pieces else (0, 0)
    for ref in timexes or ():
        if ref.span is None or not low <= ref.span.start < high or ref.type not in ("DATE", "TIME") \
                or not any(s <= ref.span.start < e for s, e in pieces):
            continue
        day = value_start(ref.value)
        if day and (published is None or day <= published):
            days.append(day)
    return (min(days), True) if days else (published, False)


def sentence_units(story: StoryInput, options: BriefOptions) -> list[Unit]:
    """Every narration sentence of the story that may stand in a brief."""
    loaded = {a.id: {(w.start, w.end): w for w in found or ()}
              for a, found in story.document_results("loaded_wording")}
    timexes = {a.id: refs for a, refs in story.document_results("timexes")}
    units = []
    for article, narration in story.document_results("narration"):
        if narration is None:
            continue
        quoted_before = None  # quoted words only, waiting for their attribution
        # a date is read outside quotation marks only: narration pieces also leave out the
        # words of indirect speech ("showed his support for Trump on Twitter Wednesday"),
        # which still tell when the act happened
        quoted = merge(list(quoted_ranges(article.text)))
        # the article's dates and times by where they start: each sentence reads its own range
        # of them instead of every expression of the article
        refs = sorted((r for r in timexes.get(article.id) or () if r.span is not None and r.type in ("DATE", "TIME")),
                      key=lambda r: r.span.start)
        ref_starts = [r.span.start for r in refs]
        for position, sentence in enumerate(narration.sentences):
            wording = loaded.get(article.id, {}).get((sentence.start, sentence.end))
            narrated = words_within(article.text, sentence.pieces, 2)
            start = dateline_end(article.text, sentence.start, sentence.end)
            if quoted_before is not None and "\n" in article.text[quoted_before:start]:
                quoted_before = None
            if narrated < 2:
                if narrated == 0 and quoted_before is None:
                    quoted_before = sentence.start
                elif narrated:
                    quoted_before = None
                continue  # someone else's words without their attribution
            if quoted_before is not None:
                start = quoted_before  # “…,” Trump tweeted on Wednesday.
            quoted_before = None
            if article.text[start:sentence.end].count("”") > article.text[start:sentence.end].count("“"):
                continue  # it starts inside a quotation
            if wording is not None and wording.blocking:
                continue
            following = narration.sentences
            end = quotation_end(article.text, start, sentence.end,
                                ((following[k].start, following[k].end) for k in range(position + 1, len(following))))
            original = article.text[start:end]
            if original.rstrip().endswith(":"):
                continue  # it introduces a post or a quotation that follows
            text = apply_cuts(original, start, wording.cuts if wording else ())
            if not options.min_words <= words(text) <= options.max_sentence_words:
                continue
            span = Span(article.id, start, end, original, "source")
            pieces = unquoted(quoted, start, end)
            within = refs[bisect.bisect_left(ref_starts, pieces[0][0]):bisect.bisect_left(ref_starts, pieces[-1][1])] \
                if pieces else []
            when, dated = sentence_day(article, pieces, within)
            acts = narrated_acts(article.text, sentence.pieces)
            units.append(Unit(text, [span], article, position, when, {outlet_of(article)}, dated=dated,
                              acts=acts))
    found = record_acts(story)
    quoted = quoted_items(story, options)
    for unit in units:
        unit.acts |= acts_within(unit.source, found)
        unit.items = frozenset(key for span in unit.source for start, end, keys in quoted.get(span.article_id, ())
                               if span.start <= start and end <= span.end for key in keys)
    return units


def quote_units(story: StoryInput, options: BriefOptions) -> list[Unit]:
    """One attributed sentence per direct quotation of a named speaker (see
    :mod:`newsprism.story.brief_records`)."""
    articles = {a.id: a for a in story.articles}
    units = []
    for found in quote_candidates(story, options):
        source = [s for s in found.cited if s.role == "source"]
        if source[0].article_id not in articles:
            continue
        article = articles[source[0].article_id]
        # an undated quotation is placed, as an undated sentence is, on its article's day
        day = found.day or (value_start(article.published[:10]) if article.published else None)
        units.append(Unit(found.sentence, found.cited, article, 0, day,
                          {outlet_of(articles[a]) for a in found.articles if a in articles},
                          dated=found.day is not None, from_quote=True, acts=found.acts, actor=found.speaker,
                          words=found.words, items=found.items))
    return units


def post_units(story: StoryInput, options: BriefOptions) -> list[Unit]:
    """One sentence per dated post, generated from its record."""
    people = {p.id: p.name for p in story.results.get("people", ())}
    articles = {a.id: a for a in story.articles}
    units = []
    for post in story.results.get("posts", ()) or ():
        if post.kind not in ("post", "reply", "repost"):
            continue
        sentence = post_sentence(post, people, options.max_quote_chars)
        evidence = [s for s in post.evidence if s.article_id in articles and s.role in _POST_ROLES]
        if sentence is None or not evidence:
            continue
        first = evidence[0]
        # the post's words are the source; its attribution, author and link keep their roles
        cited = [Span(s.article_id, s.start, s.end, s.text, "source" if s.role in (None, "text") else s.role)
                 for s in evidence]
        acts = {"posted"} | deeds(post.text)
        if post.kind in ("reply", "repost") and (post.target_id or post.target_handle):
            acts.add("replies_to")
        units.append(Unit(sentence, cited,
                          articles[first.article_id], 0, value_start(post.posted[:10]) if post.posted else None,
                          {outlet_of(articles[s.article_id]) for s in evidence}, from_post=True, dated=True,
                          acts=acts, actor=post.author_id or post.handle, words=post.text,
                          items=frozenset({f"post:{post.id}"})))
    return units


def post_sentence(post: Post, people: dict[str, str], max_chars: int) -> str | None:
    """"On April 25, 2018, Kanye West posted on Twitter: “…”" from a post record; None for a
    post without a date, author or words."""
    day = value_start(post.posted[:10]) if post.posted else None
    author = people.get(post.author_id or "") or post.display_name or (f"@{post.handle}" if post.handle else None)
    # links are not words, and a run of one emoji says no more than three
    text = " ".join(_RUN.sub(lambda m: m.group(1) * 3 + "…", _LINK.sub("", post.text)).split())
    if day is None or author is None or words(text) == 0:
        return None
    if len(text) > max_chars:
        text = text[:max_chars].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    verb = {"repost": "reposted", "reply": "replied"}.get(post.kind, "posted")
    where = _PLATFORMS.get(post.platform.lower(), post.platform)
    return f"On {day:%B} {day.day}, {day.year}, {author} {verb} on {where}: “{text}”"


def score_units(units: list[Unit], story: StoryInput, options: BriefOptions) -> SentenceVectors | None:
    """Score every unit in place; returns the units' normalized TF-IDF vectors."""
    if not units:
        return None
    try:
        # a generated frame ("On April 25, 2018, X posted on Twitter") is alike in every such
        # sentence: similarity and centrality are of what the sentence says
        matrix = tfidf([lower_words(u.words or u.text) for u in units], sublinear_tf=True)
    except ValueError:  # nothing but stop words
        return None
    vectors = SentenceVectors(matrix)
    similarity = vectors.similarity()
    all_outlets = {outlet_of(a) for a in story.articles}
    others = max(1, len(all_outlets) - 1)
    # per outlet, each unit's closest unit of that outlet: a row block of that outlet's units
    # (the matrix is symmetric), so that a large story costs matrix work, not a loop over all
    # pairs, and the block is copied whole rows at a time rather than gathered column by column
    unit_outlets = np.array([outlet_of(u.article) for u in units])
    outlets = sorted(set(unit_outlets))
    closest = np.empty((len(units), len(outlets)), dtype=np.intp)
    for k, outlet in enumerate(outlets):
        rows = np.flatnonzero(unit_outlets == outlet)
        closest[:, k] = rows[similarity[rows].argmax(axis=0)]
    # read out as Python numbers once: a story of many outlets asks for every unit's closest
    # sentence of each, and indexing the arrays one number at a time cost more than the rest
    closeness = np.take_along_axis(similarity, closest, axis=1).tolist()
    closest = closest.tolist()
    centrality = vectors.centrality()
    other_outlets: dict[frozenset[str], list[int]] = {}  # the other outlets of units of the same ones
    support_similarity = options.support_similarity
    for i, unit in enumerate(units):
        own = frozenset(unit.outlets)
        if own not in other_outlets:
            other_outlets[own] = [k for k, outlet in enumerate(outlets) if outlet not in own]
        other, row = other_outlets[own], closeness[i]
        # consensus: how closely each other outlet reports the same thing (its closest sentence)
        agreement = sum(map(row.__getitem__, other))
        supported = [k for k in other if row[k] >= support_similarity]
        unit.support = [Span(s.article_id, s.start, s.end, s.text, "support")
                        for k in supported for s in units[closest[i][k]].source[:1]]
        lead = options.lead_weight * max(0.0, 1 - unit.position / options.lead_sentences) \
            if options.lead_sentences and not (unit.from_post or unit.from_quote) else 0.0
        unit.score = centrality[i] * (1 + options.consensus_weight * agreement / others + lead) \
            * (1 + options.act_weight * act_strength(unit.acts, options))
        unit.outlets.update(outlets[k] for k in supported)
    # a sentence its text does not date takes the day of a dated report of another outlet
    # that repeats it ("Trump responded to Kanye's tweet" / "… Trump tweeted on Wednesday");
    # a unit dated here dates the later ones that repeat it
    undated = [i for i, unit in enumerate(units) if not unit.dated]
    repeating: dict[int, list[int]] = {i: [] for i in undated}
    for k, j in zip(*vectors.pairs_above(undated, options.max_similarity)):
        repeating[undated[k]].append(int(j))
    for i in undated:
        unit = units[i]
        repeats = [j for j in repeating[i] if units[j].dated and outlet_of(units[j].article) != outlet_of(unit.article)]
        if repeats:
            unit.when = min(units[j].when for j in repeats)
            unit.dated = True
    return vectors


def select(units: list[Unit], vectors: SentenceVectors | None, options: BriefOptions,
           background: date | None = None) -> list[int]:
    """Indices of the chosen units, best first.

    The best unit of each day the text or a record dates an act on (other than background
    days, before ``background``) comes first when the story's acts fall on at least
    ``cover_days`` days (the first and the last day, then the other days best first, up to
    ``min_sentences``), so that the brief covers the story from its first act to its last;
    the rest by score. Sentences told from posts and quotations fill at most
    ``max_post_share`` of the brief, one a person a day; a unit that tells again a quotation
    or a post a chosen one tells is left out.
    """
    order = sorted(range(len(units)), key=lambda i: -units[i].score)
    if not order:
        return []
    top = units[order[0]].score
    best_of_day: dict[date | None, int] = {}
    for i in order:
        if units[i].dated and (background is None or units[i].when >= background):
            best_of_day.setdefault(units[i].when, i)
    if len(best_of_day) < options.cover_days:
        best_of_day = {}  # one event, not a story running over days: the best sentences
    days = sorted(best_of_day)
    # the story's first and last day of acts, then its other days, best first
    ends = [best_of_day[day] for day in days[:1] + days[-1:]]
    first = list(dict.fromkeys(ends + [i for i in order if best_of_day.get(units[i].when) == i]))
    first = first[:max(options.min_sentences, len(ends))]
    chosen: list[int] = []
    total = 0
    posts_allowed = max(1, int(options.max_post_share * options.max_sentences))
    for i in first + [i for i in order if i not in first]:
        if len(chosen) >= options.max_sentences:
            break
        if options.max_words is not None and total >= options.max_words:
            break
        if len(chosen) >= options.min_sentences and units[i].score < options.min_relative_score * top:
            break
        told = units[i].from_post or units[i].from_quote
        if told and sum(units[j].from_post or units[j].from_quote for j in chosen) >= posts_allowed:
            continue
        if vectors is not None and any(vectors.cosine(i, j) > options.max_similarity for j in chosen):
            continue
        if told and any(units[j].actor == units[i].actor and units[j].when == units[i].when
                        and (units[j].from_post or units[j].from_quote) for j in chosen if units[i].actor):
            continue  # one of a person's posts or quotations a day: the brief tells acts, not threads
        if any(units[i].text == units[j].text or units[i].items & units[j].items for j in chosen):
            continue  # it tells again a quotation or a post that a chosen sentence tells
        chosen.append(i)
        total += words(units[i].text)
    return chosen


def attributed(unit: Unit, story_outlets: int) -> str:
    """The unit's text, marked "according to <outlet>" when only its own outlet of several
    reports it."""
    if story_outlets < 2 or len(unit.outlets) > 1:
        return unit.text
    outlet = outlet_of(unit.article)
    text = unit.text.rstrip()
    if text.endswith(".") and not text.endswith(".."):
        return f"{text[:-1]}, according to {outlet}."
    return f"{text} (according to {outlet})"


def build_brief(story: StoryInput, options: BriefOptions,
                background_days: int | None = None) -> tuple[BriefSentence, ...]:
    """The story's brief (see the module's description); acts ``background_days`` or more
    before the earliest publication are background, told only when they score well."""
    units = sentence_units(story, options)
    if options.posts:
        units += post_units(story, options)
    if options.quotes:
        units += quote_units(story, options)
    vectors = score_units(units, story, options)
    published = [value_start(a.published[:10]) for a in story.articles if a.published]
    published = [d for d in published if d]
    background = min(published) - timedelta(days=background_days - 1) \
        if published and background_days is not None else None
    chosen = select(units, vectors, options, background)
    rank = {i: k for k, i in enumerate(chosen)}
    article_order = {a.id: k for k, a in enumerate(story.articles)}
    chosen.sort(key=lambda i: (units[i].when or date.max,
                               article_order.get(units[i].article.id, 0) if units[i].when else rank[i],
                               units[i].source[0].start if units[i].article.id == units[i].source[0].article_id
                               else units[i].position))
    outlets = len({outlet_of(a) for a in story.articles})
    return tuple(BriefSentence(attributed(units[i], outlets), tuple(units[i].source + units[i].support))
                 for i in chosen)


@story_stage("brief", after=("people", "posts", "quotes"))
def brief(story: StoryInput, options: Options) -> tuple[BriefSentence, ...]:
    """The story in a few neutral, cited sentences."""
    return build_brief(story, options.brief, options.timeline.background_days)
