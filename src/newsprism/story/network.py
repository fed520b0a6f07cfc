"""Who responded to whom: the story's interactions between people, with evidence.

Three sources of acts, each resolved to the story's people:

* narration (the ``acts`` document stage: "O'Donnell ripped West", "Trump responded to
  Kanye's tweet"), whose parties are names, pronouns or epithets resolved here against
  people's mentions and descriptions;
* quotations: what a speaker's words do to the people they name or address ("Thank you
  Kanye" thanks Kanye West; see :mod:`newsprism.story.speech_acts`);
* posts: the same for a post's author, and a reply or repost toward its target.

Acts aggregate into one :class:`~newsprism.model.Interaction` per (source, target, type),
with every piece of evidence, the number of reports (a quotation or post carried by several
articles counts once) and the dates the acts carry.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsprism.extract.interactions import Act, Party, person_nouns
from newsprism.model import Article, Interaction, Person, Span
from newsprism.options import Options
from newsprism.stages import StoryInput, story_stage
from newsprism.story.framing import POST_TEXT_ROLES
from newsprism.story.speech_acts import speech_acts



@story_stage("interactions", requires=("people",), after=("quotes", "posts"))
def build_interactions(story: StoryInput, options: Options) -> tuple[Interaction, ...]:
    """The story's interactions, aggregated across its articles."""
    people = story.results.get("people", ())
    acts = {a.id: list(acts or []) for a, acts in story.document_results("acts")}
    return interactions(
        story.articles, people, acts,
        story.results.get("quotes", ()) or (), story.results.get("posts", ()) or (),
        options.compare.network.praise, options.compare.network.criticism,
    )


@dataclass
class _Edge:
    evidence: list[Span] = field(default_factory=list)
    reports: set = field(default_factory=set)
    dates: set = field(default_factory=set)
    articles: set = field(default_factory=set)
    cues: list[str] = field(default_factory=list)


class Resolver:
    """Maps a party (names, epithet head, earlier names) to one of the story's people."""

    def __init__(self, people: Sequence[Person]):
        self.spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        self.by_head: dict[str, set[str]] = defaultdict(set)
        for person in people:
            for span in person.evidence:
                self.spans[span.article_id].append((span.start, span.end, person.id))
            for description in person.descriptions:
                words = description.text.lower().replace("’s", "").split()
                for word in words[-1:]:
                    self.by_head[word].add(person.id)
        # Each article's mentions by start, with their starts and the longest mention's length:
        # a lookup reads only the mentions that can reach its range (a large story's people
        # have thousands of mentions, and every quoted sentence asks).
        self.starts: dict[str, list[int]] = {}
        self.longest: dict[str, int] = {}
        for article_id, spans in self.spans.items():
            spans.sort()
            self.starts[article_id] = [s for s, _, _ in spans]
            self.longest[article_id] = max(e - s for s, e, _ in spans)

    def _near(self, article_id: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """The article's mentions that start in ``[start - longest, end)``: every mention that
        overlaps ``[start, end)`` among them."""
        starts = self.starts.get(article_id)
        if not starts:
            return []
        low = bisect_left(starts, start - self.longest[article_id])
        return self.spans[article_id][low:bisect_left(starts, end)]

    def person_at(self, span: Span) -> str | None:
        """The person one of whose mentions overlaps the span (the tightest fit)."""
        fits = [
            (abs((e - s) - (span.end - span.start)), pid)
            for s, e, pid in self._near(span.article_id, span.start, span.end)
            if s < span.end and span.start < e
        ]
        return min(fits)[1] if fits else None

    def resolve(self, party: Party | None, exclude: str | None = None) -> tuple[str | None, float]:
        """The person a party stands for, and how sure the resolution is."""
        if party is None:
            return None, 0.0
        for name in party.names:
            pid = self.person_at(name)
            if pid is not None and pid != exclude:
                return pid, 1.0
        if party.head:
            fits = self.by_head.get(party.head, set()) - {exclude}
            if len(fits) == 1:
                return next(iter(fits)), 0.8
        for candidate in party.candidates:
            pid = self.person_at(candidate)
            if pid is not None and pid != exclude:
                return pid, 0.6
        return None, 0.0

    def people_in(self, article_id: str, start: int, end: int) -> list[str]:
        """People named between two offsets of an article, in reading order."""
        found = sorted((s, pid) for s, e, pid in self._near(article_id, start, end) if start <= s and e <= end)
        return list(dict.fromkeys(pid for _, pid in found))


def interactions(
    articles: Sequence[Article],
    people: Sequence[Person],
    acts: dict[str, list[Act]],
    quotes: Sequence,
    posts: Sequence,
    praise: float = 0.5,
    criticism: float = -0.5,
) -> tuple[Interaction, ...]:
    """Aggregate narration acts, quotation acts and post acts into interactions."""
    resolver = Resolver(people)
    edges: dict[tuple[str, str, str], _Edge] = defaultdict(_Edge)
    narration = []
    for article_id, found in acts.items():
        resolved = []
        for act in found:
            source, _ = resolver.resolve(act.source)
            target, confidence = resolver.resolve(act.target, exclude=source)
            if source is not None and target is not None and source != target:
                resolved.append((act, source, target, confidence))
        # Words naming people target them; the addressee counts only where no name did.
        named = {(a.type, a.cue.start) for a, _, _, c in resolved if c == 1.0}
        for act, source, target, confidence in resolved:
            if confidence < 1.0 and act.content is not None and (act.type, act.cue.start) in named:
                continue
            narration.append((article_id, act, source, target))
    for article_id, act, source, target in narration:
        if True:
            evidence = [act.cue, _role(act.source.phrase, "source"), _role(act.target.phrase, "target")]
            if act.content is not None:
                evidence.append(act.content)
            _add(edges, (source, target, act.type), evidence, ("narration", article_id, act.cue.start),
                 act.date, article_id, act.cue.text)
    # by article: each quoted or posted span is checked against its own article's narration
    covered: dict[str, list[Span]] = defaultdict(list)
    narrated: dict[str, list] = defaultdict(list)
    for entry in narration:
        narrated[entry[0]].append(entry)
        if entry[1].content is not None:
            covered[entry[0]].append(entry[1].content)
    for quote in quotes:
        if quote.speaker_id:
            spans = [s for s in quote.evidence if s.role == "content"]
            date = quote.date.value if getattr(quote, "date", None) else None
            _words_acts(edges, resolver, narrated, covered, quote.speaker_id, spans,
                        ("quote", quote.id), date, praise, criticism)
    for post in posts:
        author = getattr(post, "author_id", None)
        if not author:
            continue
        spans = [s for s in post.evidence if s.role in POST_TEXT_ROLES]
        date = (post.posted or "")[:10] or None
        _words_acts(edges, resolver, narrated, covered, author, spans, ("post", post.id), date,
                    praise, criticism, reply_to=_post_target(post))
    return tuple(
        Interaction(
            source_id=source, target_id=target, type=kind,
            evidence=tuple(dict.fromkeys(edge.evidence)),
            count=len(edge.reports),
            dates=tuple(sorted(edge.dates)),
            article_ids=tuple(sorted(edge.articles)),
            cues=tuple(dict.fromkeys(edge.cues)),
        )
        for (source, target, kind), edge in sorted(edges.items(), key=lambda item: (-len(item[1].reports), item[0]))
    )


def _words_acts(edges, resolver: Resolver, narration, covered, speaker: str, spans: Iterable[Span], report,
                date, praise, criticism, reply_to: str | None = None) -> None:
    """Acts a speaker's quoted or posted words perform, toward the people they name or, when
    they name no one, toward whom the narration says they addressed. ``narration`` holds each
    article's narration acts, ``covered`` the words they already read, by article id."""
    for span in spans:
        if any(c.start < span.end and span.start < c.end for c in covered.get(span.article_id, ())):
            continue  # the narration's reading of these words already counted
        addressees = _addressees(narration, speaker, span) or ([reply_to] if reply_to else [])
        if reply_to and reply_to != speaker:
            _add(edges, (speaker, reply_to, "replies_to"), [_role(span, "content")], report, date, span.article_id, "reply")
        if all(a == speaker for a in addressees) and not _others_named(resolver, speaker, span):
            # Each act's targets are the people its sentence (a part of the words) names,
            # else the addressees: with neither, no act to read the words for.
            continue
        for act in speech_acts(span.text, praise, criticism):
            named = [p for p in resolver.people_in(span.article_id, span.start + act.sentence_start,
                                                   span.start + act.sentence_end) if p != speaker]
            for target in named or addressees:
                if target == speaker:
                    continue
                cue = Span(span.article_id, span.start + act.start, span.start + act.end,
                           span.text[act.start:act.end], "cue")
                sentence = Span(span.article_id, span.start + act.sentence_start, span.start + act.sentence_end,
                                span.text[act.sentence_start:act.sentence_end], "content")
                _add(edges, (speaker, target, act.type), [cue, sentence], report, date, span.article_id, act.cue)


def _others_named(resolver: Resolver, speaker: str, span: Span) -> bool:
    """Whether the words name someone other than the speaker."""
    return any(p != speaker for p in resolver.people_in(span.article_id, span.start, span.end))


def _addressees(narration, speaker: str, span: Span) -> list[str]:
    """Targets of the narration's acts by the speaker in the sentence around the words (or
    the sentence just before them, which introduces an embedded post)."""
    found = []
    for _, act, source, target in narration.get(span.article_id, ()):
        if source != speaker:
            continue
        start, end = act.sentence
        if start <= span.start < end + 2 or (end <= span.start and span.start - end <= 3):
            found.append(target)
    return list(dict.fromkeys(found))


def _post_target(post) -> str | None:
    for attribute in ("target_id", "in_reply_to_id", "target"):
        value = getattr(post, attribute, None)
        if isinstance(value, str) and value:
            return value
    return None


def _add(edges, key, evidence, report, date, article_id, cue) -> None:
    edge = edges[key]
    edge.evidence += [s for s in evidence if s is not None]
    edge.reports.add(report)
    edge.articles.add(article_id)
    edge.cues.append(cue)
    if date:
        edge.dates.add(date)


def _role(span: Span, role: str) -> Span:
    return Span(span.article_id, span.start, span.end, span.text, role)


__all__ = ["Resolver", "build_interactions", "interactions", "person_nouns"]
