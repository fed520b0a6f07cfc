"""Framing: how each outlet tells the story in its own voice.

For every outlet and every main person of the story: the tone of the outlet's narration
toward the person (VADER compound over the narration of the sentences that name them, quoted
and embedded text removed; see :mod:`newsprism.extract.narration`), the evaluative words the
outlet uses, how often it picks a loaded reporting verb over a neutral one, and whom it quotes
and at what length. Several articles of one outlet count together.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from statistics import fmean

from newsprism.extract.narration import Narration, NarrationSentence
from newsprism.model import Article, EvaluativeWord, Framing, Person, SourceShare, Span, Tone
from newsprism.options import FramingOptions, Options
from newsprism.stages import StoryInput, story_stage
from newsprism.story.lexicon import LOADED_VERBS

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Roles of a post's spans that hold its text (posts may also cite author and date spans).
POST_TEXT_ROLES = (None, "text", "content")


@story_stage("framing", requires=("people",), after=("quotes", "posts"))
def frame_outlets(story: StoryInput, options: Options) -> tuple[Framing, ...]:
    """One :class:`Framing` per outlet of the story."""
    narrations = {a.id: n for a, n in story.document_results("narration") if n is not None}
    return outlet_framing(
        story.articles,
        narrations,
        story.results.get("people", ()),
        story.results.get("quotes", ()) or (),
        story.results.get("posts", ()) or (),
        options.compare.framing,
    )


def outlet(article: Article) -> str:
    """The name articles are grouped under: the outlet, or the article id when unknown."""
    return article.outlet or f"unknown outlet ({article.id})"


def outlet_framing(
    articles: Sequence[Article],
    narrations: dict[str, Narration],
    people: Sequence[Person],
    quotes: Sequence,
    posts: Sequence,
    options: FramingOptions,
) -> tuple[Framing, ...]:
    """Framing per outlet from each article's narration, the people and the quotations."""
    main = main_people(people, options)
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_outlet[outlet(article)].append(article)
    mentions = _mentions_by_article(people)
    sources = sources_by_article(quotes, posts)
    result = []
    scores: dict[tuple[str, int], float] = {}  # a sentence naming several people is scored once
    for name, members in by_outlet.items():
        scored = [(a, narrations[a.id]) for a in members if a.id in narrations]
        located = [(a, n, s, _people_in(s, mentions.get(a.id, ()), people)) for a, n in scored
                   for s in n.sentences if s.pieces]
        result.append(Framing(
            outlet=name,
            article_ids=tuple(a.id for a in members),
            narration_share=round(fmean(n.share for _, n in scored), 3) if scored else 0.0,
            tone=tuple(t for p in main if (t := _tone(p, located, options, scores)) is not None),
            evaluative=_evaluative(located),
            neutral_verbs=sum(h.entry.category == "reporting_neutral" for *_, s, _ in located for h in s.hits),
            loaded_verbs=sum(h.entry.category in LOADED_VERBS for *_, s, _ in located for h in s.hits),
            sources=source_shares({a.id for a in members}, sources),
        ))
    return tuple(result)


def main_people(people: Sequence[Person], options: FramingOptions) -> list[Person]:
    """People named at least ``min_mentions`` times, the most named first."""
    ranked = sorted(people, key=lambda p: -len(p.evidence))
    return [p for p in ranked if len(p.evidence) >= options.min_mentions][:options.max_people]


def _mentions_by_article(people: Sequence[Person]) -> dict[str, tuple[list[int], list[tuple[int, int, int]]]]:
    """(start, end, person number) of every mention, by article and sorted, with their starts
    apart: a sentence then reads its own article's mentions, and bisects to its pieces."""
    found: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for number, person in enumerate(people):
        for span in person.evidence:
            found[span.article_id].append((span.start, span.end, number))
    by_article = {}
    for key, rows in found.items():
        rows.sort()
        by_article[key] = ([row[0] for row in rows], rows)
    return by_article


def _people_in(sentence: NarrationSentence, mentions, people: Sequence[Person]) -> tuple[str, ...]:
    """Ids of the people named in the sentence's narration (not inside a quotation), given the
    article's ``mentions`` from :func:`_mentions_by_article`."""
    if not mentions:
        return ()
    starts, rows = mentions
    numbers = set()
    for s, e in sentence.pieces:
        for k in range(bisect_left(starts, s), bisect_right(starts, e)):
            start, end, number = rows[k]
            if end <= e:
                numbers.add(number)
    return tuple(people[n].id for n in sorted(numbers))


def _tone(person: Person, located, options: FramingOptions, known: dict[tuple[str, int], float]) -> Tone | None:
    rows = [(a, n, s) for a, n, s, ids in located if person.id in ids and s.pieces]
    if not rows:
        return None
    scores = []
    for article, _, sentence in rows:
        key = (article.id, sentence.start)
        if key not in known:
            known[key] = sentence.compound(article.text)
        scores.append(known[key])
    polar = [h.entry.polarity for _, _, s in rows for h in s.hits if h.entry.category != "reporting_neutral"]
    evidence: tuple[Span, ...] = ()
    for article, narration, sentence in rows:
        evidence += narration.pieces(sentence, article.text)
    return Tone(
        person_id=person.id,
        score=round(fmean(scores), 3),
        sentences=len(rows),
        positive=sum(v >= options.positive for v in scores),
        negative=sum(v <= options.negative for v in scores),
        lexicon_score=round(fmean(polar), 3) if polar else None,
        evidence=evidence,
    )


def _evaluative(located) -> tuple[EvaluativeWord, ...]:
    """Evaluative words of the outlet's narration, one entry per word form with every use."""
    grouped: dict[tuple[str, str], list] = defaultdict(list)
    for article, _, sentence, ids in located:
        for hit in sentence.hits:
            if hit.entry.category != "reporting_neutral":
                grouped[(hit.entry.term, hit.text.lower())].append((article, hit, ids))
    words = []
    for (term, _), uses in grouped.items():
        article, hit, _ = uses[0]
        words.append(EvaluativeWord(
            text=hit.text,
            term=term,
            category=hit.entry.category,
            polarity=hit.entry.polarity,
            evidence=tuple(Span(a.id, h.start, h.end, a.text[h.start:h.end], "evaluative") for a, h, _ in uses),
            person_ids=tuple(sorted({i for *_, ids in uses for i in ids})),
        ))
    # Specific evaluation before generic sentiment words; then in reading order.
    return tuple(sorted(words, key=lambda w: (w.category == "sentiment", w.evidence[0].article_id, w.evidence[0].start)))


# Per article, the spans that count toward its outlet's sources: quotation content, then post
# text outside quotation content; each as (record number, place in its evidence, span, speaker).
SourceSpans = dict[str, tuple[list[tuple[int, int, Span, str | None]], list[tuple[int, int, Span, str | None]]]]


def sources_by_article(quotes: Iterable, posts: Iterable) -> SourceSpans:
    """The spans :func:`source_shares` counts, by article: read once per story, where each
    outlet read every record of the story for its own articles' few."""
    found: SourceSpans = defaultdict(lambda: ([], []))
    content_ranges: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for number, quote in enumerate(quotes):
        for place, span in enumerate(quote.evidence):
            if span.role == "content":
                found[span.article_id][0].append((number, place, span, quote.speaker_id))
                content_ranges[span.article_id].append((span.start, span.end))
    for number, post in enumerate(posts):
        for place, span in enumerate(post.evidence):
            if span.role in POST_TEXT_ROLES and not any(
                    a < span.end and span.start < b for a, b in content_ranges[span.article_id]):
                found[span.article_id][1].append((number, place, span, getattr(post, "author_id", None)))
    return found


def source_shares(article_ids: set[str], sources: SourceSpans) -> tuple[SourceShare, ...]:
    """Who the articles quote (quotation content) or embed (posts), with word counts, from
    the story's :func:`sources_by_article`."""
    quoted: dict[str | None, dict] = defaultdict(lambda: {"quotes": 0, "posts": 0, "words": 0, "evidence": []})
    for kind, count in enumerate(("quotes", "posts")):
        # the records in story order, each one's spans in evidence order
        rows = sorted(row for article_id in article_ids if article_id in sources for row in sources[article_id][kind])
        counted = None
        for number, _, span, speaker in rows:
            entry = quoted[speaker]
            if number != counted:
                entry[count] += 1
                counted = number
            entry["words"] += len(WORD.findall(span.text))
            entry["evidence"].append(span)
    total = sum(e["words"] for e in quoted.values()) or 1
    shares = [
        SourceShare(speaker, e["quotes"], e["posts"], e["words"], round(e["words"] / total, 3), tuple(e["evidence"]))
        for speaker, e in quoted.items()
    ]
    return tuple(sorted(shares, key=lambda s: (-s.words, s.speaker_id or "")))
