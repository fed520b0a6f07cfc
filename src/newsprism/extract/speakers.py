"""Who a speaker phrase refers to, within one article.

A source phrase is resolved to a person named in the same article:

* a **name** or **handle** inside the phrase names the speaker (the head of the phrase first,
  then a name in apposition: "Legend's wife, Chrissy Teigen"; a message noun lends its owner:
  "Legend's text read");
* a **pronoun** (he, she) goes to the nearest compatible person before it: the speaker of the
  attribution just before when it is near, else the latest person named as a subject, else the
  latest person named; gender agreement uses only what the article itself says (honorifics,
  gendered role words, pronouns that follow a name);
* a definite **epithet** ("the 40-year-old rapper", "the hip-hop star", "the President")
  goes to the most salient person mentioned shortly before, with the others kept as
  alternatives: the story stage checks them against the descriptions each person has anywhere in
  the story (a "rapper" is not the person described as a "singer").

Each resolution carries a confidence; when no person fits, the mention is None and the speaker
stays unresolved rather than guessed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from spacy import symbols
from spacy.attrs import IDX, LOWER, POS, SENT_START
from spacy.strings import hash_string

from newsprism.extract.cues import MESSAGE_NOUNS
from newsprism.extract.token_columns import any_of
from newsprism.model import Mention, Span
from newsprism.offsets import RangeUnion

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
# The same words as spaCy hashes them, to be compared with a parse's array of lowercase forms.
_MALE_PRONOUN_IDS = frozenset(hash_string(w) for w in MALE_PRONOUNS)
_FEMALE_PRONOUN_IDS = frozenset(hash_string(w) for w in FEMALE_PRONOUNS)
_HE_SHE_IDS = (hash_string("he"), hash_string("she"))
_GENDERED_PRONOUN_IDS = sorted(_MALE_PRONOUN_IDS | _FEMALE_PRONOUN_IDS)
MALE_WORDS = frozenset(
    """mr mr. sir husband father dad son brother boyfriend king prince actor congressman
    businessman chairman spokesman uncle nephew grandfather""".split()
)
FEMALE_WORDS = frozenset(
    """mrs mrs. ms ms. miss madam dame wife mother mom daughter sister girlfriend queen princess
    actress congresswoman businesswoman chairwoman spokeswoman aunt niece grandmother""".split()
)
_MALE_WORD_IDS = frozenset(hash_string(w) for w in MALE_WORDS)
_FEMALE_WORD_IDS = frozenset(hash_string(w) for w in FEMALE_WORDS)
_VERB = symbols.VERB
# Nouns for groups and organisations: a phrase headed by one is a speaker, not a person.
GROUP_WORDS = frozenset(
    """officials spokesperson campaign administration government department ministry police
    company people group party committee aides advisers sources critics supporters fans voters
    analysts experts observers residents members staff agency office team""".split()
)


@dataclass(frozen=True)
class SpeakerRef:
    """What a source phrase refers to in its article.

    ``kind``: ``name``, ``handle``, ``pronoun``, ``epithet``, ``group`` or ``none``.
    ``mention`` is a span of a name or handle of the person it resolves to (None when
    unresolved); ``name`` that person's fullest name in the article; ``alternatives`` further
    candidates for an epithet, best first; ``epithet`` the role word of an epithet ("rapper").
    """

    kind: str
    mention: Span | None = None
    name: str | None = None
    confidence: float = 0.0
    alternatives: tuple[Span, ...] = ()
    epithet: str | None = None


@dataclass
class _Named:
    key: str
    span: Span
    token: int
    subject: bool
    hidden: bool = False  # inside a quotation or an embedded post: not an antecedent


@dataclass
class ArticlePeople:
    """The people named in one article, in order, with what the article says of their gender."""

    doc: Doc
    text: str = ""
    named: list[_Named] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)
    starts: list[int] = field(default_factory=list)  # of the named mentions, to bisect

    @classmethod
    def build(cls, doc: Doc, text: str, mentions: list[Mention], hidden: Iterable[tuple[int, int]] = ()) -> ArticlePeople:
        """Index the article's name and handle mentions, each under its fullest name.

        Mentions inside ``hidden`` character ranges (quotations, embedded posts) are kept for
        naming speakers but never taken as the antecedent of a pronoun or epithet.
        """
        people = cls(doc, text)
        hidden = RangeUnion(hidden)
        starts = doc.to_array(IDX).tolist()
        names = [m for m in mentions if m.kind in ("name", "handle") and m.name]
        full: dict[str, str] = {}
        for mention in names:
            words = mention.name.split()
            if len(words) >= 2:
                for word in (words[0], words[-1]):
                    full.setdefault(word.casefold(), mention.name)
                    if full[word.casefold()] != mention.name and not _same(full[word.casefold()], mention.name):
                        full[word.casefold()] = ""  # two people share the word: ambiguous
        for mention in names:
            key = mention.name
            if len(key.split()) == 1:
                key = full.get(key.casefold()) or key
            token = _token_at(doc, starts, mention.span.start)
            if token is None:
                continue
            subject = _is_subject(doc[token])
            people.named.append(_Named(key, mention.span, token, subject, mention.span.start in hidden))
        people.named.sort(key=lambda n: n.span.start)
        people.starts = [n.span.start for n in people.named]
        people._genders()
        return people

    def inside(self, start: int, end: int) -> list[_Named]:
        """Named mentions within characters ``start:end``."""
        first = bisect_left(self.starts, start)
        return [n for n in self.named[first:bisect_right(self.starts, end)] if n.span.end <= end]

    def _genders(self) -> None:
        votes: dict[str, list[int]] = {}
        doc = self.doc
        # every token's lowercase form and part of speech once, as hashes: the searches below
        # read a few of them around each name (a token object made for each word cost more
        # than the searches), and pronouns are found by bisecting their positions
        columns = doc.to_array([LOWER, POS, SENT_START])
        lowers = columns[:, 0]
        opens = _sentence_opens(columns[:, 2])
        ends = [*opens, len(doc)]
        gendered = np.flatnonzero(any_of(lowers, _GENDERED_PRONOUN_IDS))
        pronouns, pronoun_lowers = gendered.tolist(), lowers[gendered].tolist()
        he_she = [(i, lower) for i, lower in zip(pronouns, pronoun_lowers) if lower in _HE_SHE_IDS]
        by_sentence: dict[int, list[_Named]] = {}
        for named in self.named:
            if not named.hidden:
                by_sentence.setdefault(bisect_right(opens, named.token), []).append(named)
        for named in self.named:
            tally = votes.setdefault(named.key, [0, 0])
            # Honorifics and gendered role words in the name's own phrase ("Legend's wife,
            # Chrissy Teigen", "Mrs. Clinton").
            token = doc[named.token]
            near = [lower for lower, part, _ in columns[max(0, named.token - 3):named.token].tolist()
                    if part != _VERB]
            near += [c.lower for c in token.children if c.dep_ == "appos"]
            if token.dep_ == "appos":
                near.append(token.head.lower)
            if any(w in _MALE_WORD_IDS for w in near):
                tally[0] += 2
            elif any(w in _FEMALE_WORD_IDS for w in near):
                tally[1] += 2
            # A pronoun soon after a name that is the only person in its sentence.
            sid = bisect_right(opens, named.token)
            if named.hidden or any(n.key != named.key for n in by_sentence.get(sid, ())):
                continue
            k = bisect_right(pronouns, named.token)
            if k < len(pronouns) and pronouns[k] < ends[sid]:
                tally[0 if pronoun_lowers[k] in _MALE_PRONOUN_IDS else 1] += 1
        # A pronoun opening a sentence that names nobody, right after a sentence that names
        # exactly one person ("West met Trump. ... He defended the meeting").
        previous: set[str] = set()
        for sid, end in enumerate(ends):
            keys = {n.key for n in by_sentence.get(sid, ())}
            if not keys and len(previous) == 1:
                begin = ends[sid - 1] if sid else 0
                k = bisect_left(he_she, (begin,))
                first, lower = he_she[k] if k < len(he_she) else (end, None)
                if first < end and doc[first].dep_ == "nsubj":
                    tally = votes.setdefault(next(iter(previous)), [0, 0])
                    tally[0 if lower == _HE_SHE_IDS[0] else 1] += 1
            previous = keys or previous
        for key, (male, female) in votes.items():
            if male > female:
                self.gender[key] = "male"
            elif female > male:
                self.gender[key] = "female"


def _sentence_opens(starts: np.ndarray) -> list[int]:
    """The tokens that open the second and later sentences, from the parse's sentence starts
    (``SENT_START`` values): token ``i`` is in sentence ``bisect_right(opens, i)``, which ends
    where the next one opens."""
    opens = starts == 1
    opens[:1] = False
    return np.flatnonzero(opens).tolist()


def _is_subject(token: Token) -> bool:
    """A name that is (part of, or in apposition to) the subject of its clause."""
    for _ in range(4):
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        if token.dep_ not in ("compound", "flat", "appos") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _token_at(doc: Doc, starts: list[int], char: int) -> int | None:
    """The token whose text holds character ``char`` (``starts``: every token's offset)."""
    k = bisect_right(starts, char) - 1
    return k if k >= 0 and char < starts[k] + len(doc[k]) else None


def resolve(
    doc: Doc,
    head: int | None,
    source: list[int],
    people: ArticlePeople,
    recent: list[tuple[int, SpeakerRef]],
    window: int,
) -> SpeakerRef:
    """Resolve a source phrase (token indices, head token) to a person of the article.

    Args:
        doc: the parsed article.
        head: the head token of the source phrase, or None when the frame has no source.
        source: the phrase's token indices.
        people: the article's named people.
        recent: earlier resolved speakers as (token index of their cue, reference), in order.
        window: how many sentences back a pronoun or epithet may look for its person.
    """
    if head is None or not source:
        return SpeakerRef("none")
    token = doc[head]
    start, end = doc[source[0]].idx, doc[source[-1]].idx + len(doc[source[-1]].text)
    inside = people.inside(start, end)
    named = _named_head(token, inside)
    if named is not None:
        kind = "handle" if named.span.text.startswith("@") else "name"
        return SpeakerRef(kind, named.span, named.key, 0.95)
    lower = token.lower_
    if lower in ("he", "she", "him", "her"):
        return _pronoun(doc, token, people, recent, window)
    if token.lemma_.lower() in MESSAGE_NOUNS and not inside:
        return _message(doc, token, people, recent, window)
    if token.pos_ in ("NOUN", "PROPN") and not inside:
        determiner = next((c.lower_ for c in token.children if c.dep_ == "det"), None)
        plural = token.tag_ in ("NNS", "NNPS")
        if determiner == "the" and not plural and token.lemma_.lower() not in GROUP_WORDS:
            return _epithet(doc, token, people, recent, window)
    if inside and token.lemma_.lower() in MESSAGE_NOUNS:
        owner = inside[-1]
        return SpeakerRef("name", owner.span, owner.key, 0.8)
    return SpeakerRef("group" if token.pos_ in ("NOUN", "PROPN") else "none")


def _named_head(token: Token, inside: list[_Named]) -> _Named | None:
    """The name that heads the phrase, or stands in apposition to its head."""
    if not inside:
        return None  # no name in the phrase ("he", "the senator"): its words need not be read
    by_token = {n.token: n for n in inside}
    for candidate in [token, *[c for c in token.children if c.dep_ in ("appos", "compound")]]:
        for t in [candidate, *candidate.children]:
            if t.i in by_token and (t.i == candidate.i or t.dep_ in ("compound", "flat")):
                return by_token[t.i]
    # A name that is the phrase's head word through a multi-token name ("Sarah Sanders").
    for n in inside:
        if n.span.start <= token.idx < n.span.end:
            return n
    # A description ending in a name: "Guardians of the Galaxy director James Gunn".
    phrase_end = max(t.i for t in token.subtree)
    for n in inside:
        if n.token <= phrase_end and n.span.end >= token.doc[phrase_end].idx:
            if token.doc[n.token].dep_ in ("appos", "compound", "pobj", "nsubj") or n.token > token.i:
                return n
    for n in inside:
        if token.doc[n.token].dep_ == "appos" or token.doc[n.token].head.dep_ == "appos":
            return n
    # A message noun owned by a person: "Legend's text", "the senator's statement".
    if token.lemma_.lower() in MESSAGE_NOUNS:
        for child in token.children:
            if child.dep_ == "poss" and child.i in by_token:
                return by_token[child.i]
    return None


def _candidates(doc: Doc, token: Token, people: ArticlePeople, window: int) -> list[_Named]:
    """Distinct people named before ``token`` in its paragraph and the ``window`` paragraphs
    before it, latest first."""
    sent_start = token.sent.start
    text = people.text
    start = token.idx
    for _ in range(window + 1):
        start = text.rfind("\n", 0, max(start - 1, 0))
        if start < 0:
            start = 0
            break
        while start > 0 and text[start - 1] == "\n":
            start -= 1
    seen: dict[str, _Named] = {}
    # the names from ``start`` up to the token (a name's token comes before it exactly when
    # the name starts before it)
    for named in reversed(people.named[bisect_left(people.starts, start):bisect_left(people.starts, token.idx)]):
        if named.hidden:
            continue
        if named.token >= sent_start and _clause_mate(doc, named.token, token.i):
            continue  # "West praised Trump, and he ...": a name beside the phrase is rarely it
        seen.setdefault(named.key, named)
    return list(seen.values())


def _clause_mate(doc: Doc, a: int, b: int) -> bool:
    """Two tokens governed by the same verb (an object is not the subject's antecedent)."""
    def verb(i: int) -> int:
        t = doc[i]
        while t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):
            t = t.head
        return t.i
    return verb(a) == verb(b)


def _recent_speaker(token, candidates, recent) -> _Named | None:
    """The speaker of the attribution just before, if no other person has since been the
    subject of a sentence (then the floor has passed to them)."""
    keys = {c.key: c for c in candidates}
    for cue_index, ref in reversed(recent):
        if token.i - cue_index > 150:
            return None
        if ref.mention is None or ref.name not in keys:
            return None
        if any(c.subject and c.key != ref.name and c.token > cue_index for c in candidates):
            return None
        return keys[ref.name]
    return None


def _pronoun(doc, token, people, recent, window) -> SpeakerRef:
    gender = "male" if token.lower_ in MALE_PRONOUNS else "female"
    candidates = [
        c for c in _candidates(doc, token, people, window)
        if people.gender.get(c.key, gender) == gender
    ]
    if not candidates:
        return SpeakerRef("pronoun", confidence=0.0)
    # People the article itself shows to agree with the pronoun come before the unknown.
    known = [c for c in candidates if people.gender.get(c.key) == gender]
    if known:
        candidates = known
    keys = {c.key for c in candidates}
    named = _recent_speaker(token, candidates, recent)
    if named is not None:
        return SpeakerRef("pronoun", named.span, named.key, 0.9 if len(keys) == 1 else 0.75)
    subjects = [c for c in candidates if c.subject]
    chosen = subjects[0] if subjects else candidates[0]
    confidence = 0.9 if len(keys) == 1 else (0.65 if subjects else 0.5)
    return SpeakerRef("pronoun", chosen.span, chosen.key, confidence)


def _message(doc, token, people, recent, window) -> SpeakerRef:
    """"The message said": the author of the message talked about just before."""
    candidates = _candidates(doc, token, people, window)
    named = _recent_speaker(token, candidates, recent)
    if named is None:
        subjects = [c for c in candidates if c.subject]
        named = subjects[0] if subjects else None
    if named is None:
        return SpeakerRef("group")
    return SpeakerRef("epithet", named.span, named.key, 0.6)


def _epithet(doc, token, people, recent, window) -> SpeakerRef:
    # A description never refers to the subject of a clause that contains it ("Legend sent a
    # message after the rapper proclaimed ...": the rapper is not Legend).
    commanding = {c.i for a in token.ancestors for c in a.children if c.dep_ in ("nsubj", "nsubjpass")}
    commanding |= {t.i for i in list(commanding) for t in doc[i].subtree}
    candidates = [c for c in _candidates(doc, token, people, window) if c.token not in commanding]
    epithet = token.lemma_.lower()
    if not candidates:
        return SpeakerRef("epithet", confidence=0.0, epithet=epithet)
    previous_sent = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else 0
    speaker = _recent_speaker(token, candidates, recent)
    ordered = sorted(
        candidates,
        key=lambda c: (
            not (c.subject and c.token >= previous_sent),
            not (speaker is not None and c.key == speaker.key),
            not c.subject,
            -c.token,
        ),
    )
    best = ordered[0]
    confidence = 0.75 if len(ordered) == 1 else 0.55
    return SpeakerRef("epithet", best.span, best.key, confidence,
                      tuple(c.span for c in ordered[1:]), epithet)
