"""The story's quotations: speakers resolved to people, and one quote per quotation.

Each article's attributions (the ``quotes`` document stage) get a ``speaker_id``:

* a name, handle or pronoun resolved in the article names a mention; the person of the story
  whose evidence holds that mention is the speaker;
* an epithet ("the Famous rapper") is checked against what the whole story says of each
  candidate: a person described with the epithet's word (in a description or a name such as
  "Chance the Rapper") fits, one described only otherwise ("singer") does not, one with no
  description may; the first fitting candidate wins, else the speaker stays unresolved.

Then the same quotation carried by several articles (equal or near-equal text of the same
speaker, compared with rapidfuzz after folding case, quotation marks, spacing and American /
British spelling; or a partial quote whose quoted words all appear in another) becomes one
quote whose evidence holds every article's content span, so each outlet's wording is kept for
the comparison of outlets.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from newsprism.model import Attribution, Person, Quote, Span
from newsprism.options import Options, QuotesOptions
from newsprism.stages import StoryInput, story_stage
from newsprism.story.wording import american

KIND_ORDER = {"direct": 0, "partial": 1, "indirect": 2}
MARKS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "„": '"', "«": '"', "»": '"'})


@story_stage("quotes", requires=("people",))
def story_quotes(story: StoryInput, options: Options) -> tuple[Quote, ...]:
    """The story's quotes, speakers resolved to its people and copies merged across articles."""
    people: tuple[Person, ...] = story.results.get("people") or ()
    index = _evidence_index(people)
    resolved: list[tuple[Attribution, str | None, float]] = []
    for article, records in story.document_results("quotes"):
        for record in records or ():
            if not _is_story_quote(record, options.quotes):
                continue
            speaker_id, confidence = resolve_speaker(record, people, index)
            resolved.append((record, speaker_id, confidence))
    # Ties between wordings go to the earliest article (publication date, then input order).
    rank = {a.id: (a.published or "9999", k) for k, a in enumerate(story.articles)}
    return merge(resolved, people, options.quotes, rank)


def _is_story_quote(record: Attribution, options: QuotesOptions) -> bool:
    if record.kind != "indirect":
        return True
    return record.family in options.story_indirect


def _evidence_index(people: tuple[Person, ...]) -> dict[str, list[tuple[int, int, Person]]]:
    index: dict[str, list[tuple[int, int, Person]]] = defaultdict(list)
    for person in people:
        for span in person.evidence:
            index[span.article_id].append((span.start, span.end, person))
    return index


def _person_at(span: Span, index) -> Person | None:
    for start, end, person in index.get(span.article_id, ()):
        if start < span.end and span.start < end:
            return person
    return None


def resolve_speaker(record: Attribution, people: tuple[Person, ...], index) -> tuple[str | None, float]:
    """The person id of an attribution's speaker and the confidence, or (None, 0.0)."""
    if record.speaker_mention is None:
        return None, 0.0
    if record.speaker_kind != "epithet" or not record.epithet:
        person = _person_at(record.speaker_mention, index)
        return (person.id, record.speaker_confidence) if person else (None, 0.0)
    candidates = [_person_at(s, index) for s in (record.speaker_mention, *record.speaker_alternatives)]
    fitting = [(p, fit) for p in candidates if p is not None for fit in [_fits(p, record.epithet)] if fit >= 0]
    if not fitting:
        return None, 0.0
    described = [p for p, fit in fitting if fit > 0]
    if described:
        return described[0].id, min(0.9, record.speaker_confidence + 0.15)
    return fitting[0][0].id, record.speaker_confidence


def _fits(person: Person, epithet: str) -> int:
    """1 when the story describes the person with the epithet's word, 0 when it says nothing
    against it, -1 when it describes the person only otherwise."""
    starts_word = re.compile(rf"\b{re.escape(epithet.casefold())}").search
    texts = [d.text for d in person.descriptions] + [person.name, *person.aliases]
    if any(starts_word(t.casefold()) for t in texts):
        return 1
    return -1 if person.descriptions else 0


def normalized(text: str) -> str:
    """Text folded for comparison: case, quotation marks, dashes, spacing and regional
    spelling (outlets respell the same words: "colour" and "color" are one word here)."""
    text = unicodedata.normalize("NFKC", text).translate(MARKS).casefold()
    text = re.sub(r"[^\w\s']", " ", text)
    return " ".join(american(word) for word in text.split())


def _same(a: str, b: str, options: QuotesOptions) -> bool:
    if fuzz.ratio(a, b) >= options.merge_similarity:
        return True
    shorter = min(len(a), len(b))
    return shorter >= options.merge_min_chars and _contains(a, b, options.merge_containment)


def _contains(a: str, b: str, containment: float) -> bool:
    """Whether ``fuzz.partial_ratio(a, b)`` reaches ``containment``.

    Nearly every pair compared falls far short of it. The scorer given a cutoff skips the
    alignments that cannot reach it (half the cost); it is given one a point lower, a margin
    that covers any rounding of that path, and only a pair that reaches that is scored anew
    in full, so the decision is the plain scorer's."""
    near = max(0.0, containment - 1)
    return fuzz.partial_ratio(a, b, score_cutoff=near) >= near and fuzz.partial_ratio(a, b) >= containment


def _fragments_within(fragments: list[str], text: str, options: QuotesOptions) -> bool:
    """A partial quote's quoted words all appear in another article's wording."""
    fragments = [f for f in fragments if f]
    if not fragments or not all(f in text for f in fragments):
        return False
    return len(fragments) >= 2 or sum(len(f) for f in fragments) >= options.merge_min_chars


@dataclass
class _Item:
    record: Attribution
    speaker_id: str | None
    confidence: float
    key: str
    fragments: list[str]


def _joins(item: _Item, other: _Item, options: QuotesOptions) -> bool:
    if item.speaker_id != other.speaker_id or item.record.article_id == other.record.article_id:
        return False
    if item.speaker_id is None:
        # Unresolved speakers join only on the same long words.
        return len(item.key) >= options.merge_min_chars and fuzz.ratio(item.key, other.key) >= options.merge_similarity
    if _same(item.key, other.key, options):
        return True
    return _fragments_within(item.fragments, other.key, options) or _fragments_within(other.fragments, item.key, options)


def _fragment_of(item: _Item, group: list[_Item], options: QuotesOptions) -> bool:
    """A partial quote whose quoted words all lie in another article's full quotation of the
    group: an article that quotes one statement in pieces, in several sentences ("“the mob”
    could not make him “not love” Trump" and, later, his “right to independent thought”),
    carries that one statement each time."""
    return item.record.kind == "partial" and any(
        other.record.kind == "direct" and other.record.article_id != item.record.article_id
        and other.speaker_id == item.speaker_id and _fragments_within(item.fragments, other.key, options)
        for other in group
    )


def merge(resolved, people, options: QuotesOptions, rank: dict | None = None) -> tuple[Quote, ...]:
    """One quote per quotation: attributions of one speaker in different articles with the same
    or near-same words (or a partial quote whose quoted words all appear in the other) join."""
    names = {p.id: p.name for p in people}
    groups: list[list[_Item]] = []
    # An item joins only a member of its own speaker, so every group holds one speaker: an
    # item is compared with that speaker's groups only (in the order they were made), not
    # with every group of the story.
    # Each group comes with the articles of its members.
    speaker_groups: dict[str | None, list[tuple[list[_Item], set[str]]]] = defaultdict(list)
    # Full quotations first, so that every fragment quoted elsewhere finds the whole it is from.
    resolved = sorted(resolved, key=lambda r: KIND_ORDER.get(r[0].kind, 3))
    for record, speaker_id, confidence in resolved:
        item = _Item(record, speaker_id, confidence, normalized(record.text),
                     [normalized(s.text) for s in record.quoted])
        # short words of an unresolved speaker join nothing (see _joins): most of a large
        # story's attributions, each of which was compared with every unresolved group
        joinable = speaker_id is not None or len(item.key) >= options.merge_min_chars
        candidates = speaker_groups[speaker_id] if joinable else []
        # an unresolved speaker's words join on their likeness alone (see _joins): one call of
        # the scorer over all the groups' words finds the few that may be alike enough, where
        # a large story compared each item with every unresolved group's members in turn
        near = _near(item.key, candidates, options) if speaker_id is None else None
        for group, articles in candidates:
            if (record.article_id not in articles or _fragment_of(item, group, options)) \
                    and any(_joins(item, other, options) for other in group if near is None or other.key in near):
                group.append(item)
                articles.add(record.article_id)
                break
        else:
            groups.append([item])
            speaker_groups[speaker_id].append((groups[-1], {record.article_id}))
    quotes = [_quote(group, names, rank or {}) for group in groups]
    quotes.sort(key=lambda q: (q.evidence[0].article_id, q.evidence[0].start))
    return tuple(quotes)


def _near(key: str, groups: list[tuple[list[_Item], set[str]]], options: QuotesOptions) -> set[str]:
    """The words of the groups' members whose ratio to ``key`` may reach ``merge_similarity``:
    every one that reaches it, and perhaps a few just below (the margin of one point covers
    any rounding of the batch scorer; :func:`_joins` decides on each)."""
    words = {other.key for group, _ in groups for other in group}
    cutoff = max(0.0, options.merge_similarity - 1)
    return {found for found, _, _ in process.extract(key, words, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)}


def _quote(group: list[_Item], names: dict[str, str], rank: dict) -> Quote:
    # The fullest wording stands for the quote: a direct quotation over a partial one.
    main = min(group, key=lambda i: (KIND_ORDER.get(i.record.kind, 3), -len(i.record.text),
                                     rank.get(i.record.article_id, ("9999", 0))))
    evidence: list[Span] = []
    for item in group:
        record = item.record
        evidence.extend(record.content)
        evidence.extend(s for s in (record.cue, record.speaker) if s is not None)
        evidence.extend(record.quoted)
    channel = next((i.record.channel for i in group if i.record.channel != "unknown"), "unknown")
    date = next((i.record.date for i in group if i.record.date is not None), None)
    speaker_id = main.speaker_id
    confidence = max(i.confidence for i in group) if speaker_id else None
    flags = sorted({f for i in group for f in i.record.flags})
    speaker_name = names.get(speaker_id) if speaker_id else next(
        (i.record.speaker.text for i in group if i.record.speaker is not None), None)
    first = main.record
    digest = hashlib.sha1(
        f"{speaker_id}|{first.article_id}|{first.content[0].start}|{main.key}".encode()
    ).hexdigest()
    return Quote(
        id=f"quote-{digest[:12]}",
        text=first.text,
        kind=first.kind,
        speaker_id=speaker_id,
        cue=first.cue.text if first.cue else None,
        channel=channel,
        evidence=tuple(evidence),
        speaker_confidence=round(confidence, 3) if confidence is not None else None,
        date=date,
        speaker_name=speaker_name,
        flags=tuple(flags),
        context=first.context,
    )
