"""Acts between people as narration reports them: "Trump responded to Kanye's tweet",
"Legend sent a text message to the hip-hop mogul", "O'Donnell ripped West".

Read from the dependency parse: a cue verb or act noun of ``data/interaction_cues.tsv``, its
subject (through relative clauses, infinitives, participles and coordination: "Chance tried
defending Kanye", "Legend, who also criticized West") and its object or prepositional object.
A target that is a thing someone said or posted ("Kanye's tweet", "Legend's call", "a photo
West tweeted") stands for its author. Pronouns resolve to the nearest earlier name that is not
the clause's other party; an epithet ("the hip-hop mogul", "the President") keeps its head noun
for the story to resolve against people's descriptions, with the nearest earlier other name as
a fallback. Words a reporting verb carries (a caption, a quotation, indirect speech) are read
for what they do (:mod:`newsprism.story.speech_acts`): "retweeted the President with the
caption, 'Nah, that ain't it yo'" also rejects.

Each act records spans, not person ids: the story stage (:mod:`newsprism.story.network`)
maps them to people.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from newsprism.extract.narration import embed_ranges, merge, quoted_ranges, sentence_lines
from newsprism.extract.token_columns import any_of
from newsprism.memo import Memo
from newsprism.model import Article, Span
from newsprism.offsets import OrderedRanges, RangeUnion, first_holding
from newsprism.stages import document_stage
from newsprism.story.lexicon import evaluative_lexicon
from newsprism.story.speech_acts import speech_acts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PRONOUNS = frozenset("he him his himself she her hers herself".split())
RELATIVES = frozenset("who that which whom".split())
# Things said or posted: an act toward one of them is an act toward its author.
UTTERANCES = frozenset(
    """tweet tweets post posts text texts message messages photo photos picture pictures comment
    comments remark remarks call appeal criticism action actions statement words question letter
    video response reply support views view opinion opinions thoughts caption screenshot claim
    claims record campaign policy policies speech interview attack praise""".split()
)
# Verbs that name someone something: "called West a lunatic".
NAMING = frozenset("call label brand dub".split())
CLIMB = frozenset({"xcomp", "advcl", "conj", "pcomp", "acl", "ccomp", "prep", "relcl"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass(frozen=True, slots=True)
class Party:
    """One side of an act, as the story stage resolves it to a person, in this order:
    ``names`` (name runs of the words themselves, best first), then ``head`` (an epithet's
    or title's head noun, matched against people's descriptions), then ``candidates``
    (earlier names a pronoun or epithet may stand for, best first)."""

    phrase: Span
    names: tuple[Span, ...] = ()
    head: str | None = None
    candidates: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Act:
    """One act found in an article's text (resolved to people by the story stage)."""

    type: str
    source: Party
    target: Party | None
    cue: Span
    sentence: tuple[int, int]
    content: Span | None = None
    date: str | None = None
    confidence: float = 1.0


@lru_cache(maxsize=1)
def cues() -> dict[tuple[str, str], dict[str, str]]:
    """``(kind, lemma) -> {prep: type}`` from ``data/interaction_cues.tsv``."""
    text = resources.files("newsprism.data").joinpath("interaction_cues.tsv").read_text("utf-8")
    rows = csv.DictReader([line for line in text.splitlines() if line and not line.startswith("#")], delimiter="\t")
    table: dict[tuple[str, str], dict[str, str]] = {}
    for row in rows:
        table.setdefault((row["kind"], row["lemma"]), {})[row["prep"] or ""] = row["type"]
    return table


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    text = resources.files("newsprism.data").joinpath("person_nouns.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@document_stage("acts", requires=("mentions",), after=("timexes",))
def find_acts(doc: Doc, article: Article, results, options) -> list[Act]:
    """Acts between people that the article's sentences report."""
    names = [(m.span.start, m.span.end) for m in results["mentions"] if m.kind in ("name", "handle")]
    return ActFinder(doc, article, names, results.get("timexes")).find()


_WORD_CLASS = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun"}


def lemmas(token: Token) -> list[str]:
    """The token's lemma, and a stem of its surface for verbs the lemmatizer does not know
    ("retweeted" -> "retweet", "texted" -> "text")."""
    return _lemma_forms(token.lemma_, token.lower_)


def _lemma_forms(lemma: str, surface: str) -> list[str]:
    """:func:`lemmas` of a token with this lemma and this lowercase form."""
    found = [lemma.lower()]
    for suffix in ("ed", "ing", "s"):
        if surface.endswith(suffix) and len(surface) > len(suffix) + 2:
            found.append(surface[: -len(suffix)])
    return found


def _cue_form(word_class: str, lemma: str, surface: str) -> tuple[str | None, bool]:
    """For a word of this class, lemma and lowercase form: the first of its :func:`lemmas`
    that names an act of its class in :func:`cues` (None when none does), and whether one of
    them is a word of reporting."""
    forms = _lemma_forms(lemma, surface)
    table = cues()
    return next((f for f in forms if (word_class, f) in table), None), not _REPORTING_LEMMAS.isdisjoint(forms)


@lru_cache(maxsize=4)
def _cue_forms(strings) -> Memo:
    """What :meth:`ActFinder._narration_words` yields of a word of the parses of one string
    store, given as the bytes of its part of speech, lemma and lowercase ids: its part of
    speech, :func:`_cue_form` and whether it is a word of reporting, or None for a word that
    is neither a cue nor a verb (nothing is read of it). Each verb and noun of every article
    asks, and most are words seen before: their answer costs a lookup, not even the reading
    of their strings."""
    return Memo(lambda word: _narration_word(strings, word), 100_000)


def _narration_word(strings, word: bytes) -> tuple[str, str | None, bool] | None:
    from spacy.parts_of_speech import NAMES  # here: the story modules that import this one need no spaCy

    pos_id, lemma_id, lower_id = np.frombuffer(word, dtype=np.uint64).tolist()
    pos = NAMES[pos_id]
    form, reporting = _cue_form(_WORD_CLASS[pos], strings[lemma_id], strings[lower_id])
    return (pos, form, reporting) if form is not None or pos == "VERB" else None


class ActFinder:
    """Finds the acts of one parsed article; ``names`` are the character ranges of the person
    names and handles the ``mentions`` stage found in it."""

    def __init__(self, doc: Doc, article: Article, names: list[tuple[int, int]], timexes=None):
        self.doc, self.article = doc, article
        self.text = article.text
        self.quoted = merge(list(quoted_ranges(article.text)))
        self.embedded = merge(list(embed_ranges(article)))
        self.mentions = sorted(names)
        self._quoted_union, self._embedded_union = RangeUnion(self.quoted), RangeUnion(self.embedded)
        self._mention_at = first_holding(self.mentions)
        # Words of the names found: "Reyes" alone is a name once "Daniel Reyes" was one,
        # whatever the tagger made of it.
        self.name_words = {
            w for start, end in self.mentions for w in re.findall(r"[A-Z][\w’'-]+", self.text[start:end]) if len(w) > 2
        }
        self.timexes = [t for t in (timexes or []) if getattr(t, "span", None) is not None]
        self.lexicon = evaluative_lexicon()
        # Sentences cut again at line breaks: a paragraph end always ends a sentence.
        self.sentences = list(sentence_lines(doc, self.text))
        self._sentence_index = OrderedRanges(self.sentences)
        self._resolving: set[int] = set()  # tokens whose party is being resolved

    def find(self) -> list[Act]:
        acts: list[Act] = []
        table = cues()
        doc = self.doc
        for i, pos, lemma, reporting in self._narration_words():
            token = None
            if lemma is not None:
                token = doc[i]
                if _WORD_CLASS[pos] == "verb":
                    acts += self._verb_acts(token, lemma, table[("verb", lemma)])
                else:
                    acts += self._noun_acts(token, lemma, table[("noun", lemma)])
            if pos == "VERB":
                acts += self._content_acts(token or doc[i], reporting)
        return _unique(acts)

    def _narration_words(self) -> Iterator[tuple[int, str, str | None, bool]]:
        """The verbs, and the nouns that name an act, outside quotations and embedded posts
        (a speaker's own words are read from the quotation, not as narration): each one's
        index, part of speech, the form of it that names an act (:func:`_cue_form`) and
        whether it is a word of reporting.

        Only verbs and nouns name acts: the rest is skipped on the parse's arrays, a token
        object is made only for a cue or a verb (making one for each noun, and reading its
        strings, cost more than the search), and a word's answer is looked up once, keyed by
        the bytes of its row of ids (one lookup made in C, where a tuple of them was made
        and hashed in Python for each word).
        """
        from spacy import symbols  # here: the story modules that import this one need no spaCy
        from spacy.attrs import IDX, LEMMA, LOWER, POS

        doc = self.doc
        if not len(doc):
            return
        columns = doc.to_array([POS, IDX, LEMMA, LOWER])
        offsets = columns[:, 1].astype(np.int64)
        wanted = any_of(columns[:, 0], [symbols.IDS[pos] for pos in _WORD_CLASS])
        wanted &= ~self._quoted_union.holding(offsets) & ~self._embedded_union.holding(offsets)
        rows = np.flatnonzero(wanted)
        words = np.ascontiguousarray(columns[rows][:, [0, 2, 3]]).view("V24").ravel().tolist()
        for i, answer in zip(rows.tolist(), map(_cue_forms(doc.vocab.strings).__getitem__, words)):
            if answer is not None:
                yield (i, *answer)

    # --- acts named by a verb or a noun ---------------------------------------------------

    def _verb_acts(self, verb: Token, lemma: str, preps: dict[str, str]) -> list[Act]:
        source_token, passive_target = self._subject(verb)
        source = self._party(source_token) if source_token is not None else None
        if source is None:
            return []
        acts = []
        for prep, kind in preps.items():
            targets = [passive_target] if passive_target is not None and prep == "" else self._objects(verb, prep)
            for target_token in targets:
                target = self._party(target_token)
                if target is None:
                    continue
                if lemma in NAMING and prep == "":
                    named = self._naming(verb, target_token)
                    if named is None and (_complement(verb) is not None or kind != "contacts"):
                        continue  # "called it a day": a complement that judges no one
                    kind = named or kind
                acts.append(self._act(kind, source, target, verb))
        if not acts and lemma in ("respond", "reply") and not any(c.dep_ == "prep" for c in verb.children):
            acts.append(self._act("replies_to", source, self._previous(verb), verb, 0.5))
        return acts

    def _noun_acts(self, noun: Token, lemma: str, preps: dict[str, str]) -> list[Act]:
        source_token = next((c for c in noun.children if c.dep_ == "poss"), None)
        if source_token is None:
            governor = self._governing_verb(noun)
            if governor is not None:
                source_token = self._subject(governor)[0]
        source = self._party(source_token) if source_token is not None else None
        if source is None:
            return []
        acts = []
        for prep, kind in preps.items():
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ == prep:
                    for obj in (c for c in child.children if c.dep_ == "pobj"):
                        target = self._party(obj)
                        if target is not None:
                            acts.append(self._act(kind, source, target, noun))
        bare = not any(c.dep_ == "prep" for c in noun.children)
        if not acts and lemma in ("response", "reply") and noun.head.lower_ == "in" and bare:
            # "In response, West said": a reply to whoever was named before.
            acts.append(self._act("replies_to", source, self._previous(noun), noun, 0.5))
        return acts

    def _content_acts(self, verb: Token, reporting: bool) -> list[Act]:
        """What a reporting verb's quotation, caption or indirect speech does (``reporting``:
        whether one of the verb's :func:`lemmas` is a word of reporting)."""
        content = self._content(verb, reporting)
        if content is None:
            return []
        start, end = content
        addressee = None
        for obj in self._objects(verb, "") + self._objects(verb, "to"):
            addressee = self._party(obj)
            if addressee is not None:
                break
        if addressee is None and not self._names_between(start, end):
            # No one the words could target (each act's targets are the names of its
            # sentence, a part of them, else the addressee): no act to read them for, and
            # no source to resolve (asked first, it was resolved for every such verb).
            return []
        source_token, _ = self._subject(verb)
        source = self._party(source_token) if source_token is not None else None
        if source is None:
            return []
        acts = []
        for act in speech_acts(self.text[start:end]):
            s_start, s_end = start + act.sentence_start, start + act.sentence_end
            named = [self._span(a, b) for a, b in self._names_between(s_start, s_end)]
            # Each name in the words is a target; the addressee stands in for names that turn
            # out to be no one ("Nah" read as a name), which only the story can tell.
            fallback = (addressee.names + addressee.candidates) if addressee else ()
            head = addressee.head if addressee else None
            targets = [Party(n, (n,), head, fallback) for n in named] or ([addressee] if addressee else [])
            cue = self._span(start + act.start, start + act.end, "cue")
            acts += [
                Act(act.type, source, target, cue, self._sentence_of(verb), self._span(start, end, "content"),
                    self._date(verb), 0.8)
                for target in targets
            ]
        return acts

    # --- who acts, toward whom -----------------------------------------------------------

    def _subject(self, verb: Token) -> tuple[Token | None, Token | None]:
        """The acting token of a verb, and the passive subject (the target) when passive.

        Climbs from infinitives, participles, coordinated and relative clauses to the clause
        that has a subject, never across a paragraph break or into a quotation.
        """
        current = verb
        for _ in range(6):
            children = list(current.children)
            passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
            if passive is not None:
                agent = next((c for c in children if c.dep_ == "agent"), None)
                by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                return by, passive
            subjects = [c for c in children if c.dep_ in SUBJECTS and not self._quoted(c.idx)]
            subjects = [self._local(c, current) for c in subjects]
            subjects = [c for c in subjects if c is not None]
            if subjects:
                # A misparse can split "Former View co-host Rosie O'Donnell" into several
                # subjects: the one that is a name wins.
                subject = next((c for c in subjects if self._name_at(c)), subjects[-1])
                if subject.lower_ in RELATIVES and current.dep_ == "relcl":
                    return current.head, None
                return subject, None
            head = current.head
            if current.dep_ not in CLIMB or head is current or self._quoted(head.idx) or "\n" in self._between(current, head):
                return None, None
            current = head
        return None, None

    def _local(self, subject: Token, verb: Token) -> Token | None:
        """The subject itself when it stands in the verb's paragraph outside embedded posts;
        else a name in apposition to it that does (a parse run across a flattened post)."""
        if not self._embedded(subject.idx) and "\n" not in self._between(subject, verb):
            return subject
        local = [
            t for t in subject.subtree
            if t.i < verb.i and (t.pos_ in ("PROPN", "PRON") or t.text in self.name_words) and not self._embedded(t.idx)
            and "\n" not in self._between(t, verb)
        ]
        # An apposition to the misattached subject, else the paragraph's first name.
        return next((t for t in local if t.dep_ == "appos"), local[0] if local else None)

    def _governing_verb(self, noun: Token) -> Token | None:
        """The verb an act noun hangs from: "showed his support", "In response to X, Gunn said"."""
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        elif noun.dep_ not in ("dobj", "attr", "nsubj"):
            return None
        if head.pos_ in ("VERB", "AUX") and not self._quoted(head.idx):
            return head
        # The parse hung it inside a quotation: use the sentence's reporting verb instead.
        start, end = self._sentence_of(noun)
        for token in self.doc.char_span(start, end, alignment_mode="expand") or []:
            if token.pos_ == "VERB" and not self._quoted(token.idx) and any(c.dep_ == "nsubj" for c in token.children):
                return token
        return None

    def _objects(self, verb: Token, prep: str) -> list[Token]:
        """Target tokens of a verb for a preposition spec: "" (direct object), "to", "out+at"."""
        children = list(verb.children)
        parts = prep.split("+") if prep else []
        if len(parts) == 2:
            particle = next((c for c in children if c.dep_ in ("prt", "advmod", "dobj") and c.lower_ == parts[0]), None)
            if particle is None:
                return []
            children += list(particle.children)
            parts = parts[1:]
        if not parts:
            objects = [c for c in children if c.dep_ in ("dobj", "dative") and c.pos_ != "ADP"]
            return [o for obj in objects for o in (obj, *obj.conjuncts)]
        holders = [verb] + [c for c in children if c.dep_ == "dobj"]
        found = []
        for child in children + [c for h in holders[1:] for c in h.children]:
            if child.dep_ in ("prep", "dative") and child.lower_ == parts[0]:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found += [obj, *obj.conjuncts]
        return found

    def _party(self, token: Token) -> Party | None:
        """How to find the person a token stands for, or None when it cannot be a person."""
        if token.i in self._resolving:
            # A cycle through pronouns and authors ("his statement" as the subject of a verb
            # whose object holds "his"): asking again would never end.
            return None
        self._resolving.add(token.i)
        try:
            return self._resolve_party(token)
        finally:
            self._resolving.discard(token.i)

    def _resolve_party(self, token: Token) -> Party | None:
        if self._quoted(token.idx):
            return None
        own = self._name_at(token)
        if own is not None:
            inner = tuple(self._span(*r) for r in self._inner_names(token) if r != own)
            words = self.text[own[0]:own[1]].split()
            head = words[-1].lower() if words and words[-1].lower() in person_nouns() else None
            candidates = self._candidates(token, subject_first=True, epithet=True) if head else ()
            return Party(self._span(*own), (self._span(*own), *inner), head, candidates)
        lower = token.lower_
        if lower in PRONOUNS:
            return Party(self._span(token.idx, token.idx + len(token)), (),
                         None, self._pronoun_candidates(token))
        lemma = token.lemma_.lower()
        if token.pos_ in ("NOUN", "PROPN") and lemma in UTTERANCES:
            return self._author(token)
        inner_names = tuple(self._span(*r) for r in self._inner_names(token))
        if token.pos_ == "NOUN" and (lemma in person_nouns() or lemma.split("-")[-1] in person_nouns()):
            phrase_tokens = _phrase_words(token)
            if not any(t.lower_ in ("the", "this", "that") or t.dep_ == "poss" for t in phrase_tokens) and not inner_names:
                return None  # "a rapper", "fans": not one known person
            phrase = self._span(phrase_tokens[0].idx, token.idx + len(token))
            return Party(phrase, inner_names, lemma, self._candidates(token, subject_first=True, epithet=True))
        if inner_names:
            # "Guardians of the Galaxy director James Gunn" parsed with the wrong head.
            return Party(self._span(_phrase_words(token)[0].idx, token.idx + len(token)), inner_names)
        return None

    def _inner_names(self, token: Token) -> list[tuple[int, int]]:
        """Names inside a noun phrase's own words (appositions, compounds, "of" phrases), not
        inside its clauses or possessors: "Guardians of the Galaxy director James Gunn"."""
        found: list[tuple[int, int]] = []
        stack = [c for c in token.children if c.dep_ in _INNER]
        while stack:
            child = stack.pop()
            if child.pos_ == "PROPN" and not self._quoted(child.idx):
                run = self._name_at(child)
                if run is not None and run not in found:
                    found.append(run)
            stack += [c for c in child.children if c.dep_ in _INNER]
        return sorted(found, reverse=True)

    def _author(self, utterance: Token) -> Party | None:
        """Who said or posted a thing: "Kanye's tweet", "a photo West tweeted", "a tweet by X"."""
        for child in utterance.children:
            if child.dep_ == "poss":
                return self._party(child)
            if child.dep_ == "relcl":
                subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if subject is not None:
                    return self._party(subject)
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return self._party(obj)
        return None

    def _name_at(self, token: Token) -> tuple[int, int] | None:
        """The name or handle a token belongs to: a mention, else its run of proper nouns
        (the small model's NER misses names such as "Legend"; the story keeps only runs
        that belong to a person)."""
        mention = self._mention_at.get(token.idx)
        if mention is not None:
            return mention
        if token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i == token.i + 1:
            return self._name_at(token.head)
        if token.pos_ == "PROPN" and token.text[:1].isupper() or token.text in self.name_words:
            first = token
            while first.i > 0:
                before = self.doc[first.i - 1]
                if before.pos_ != "PROPN" or not before.text[:1].isupper() or not before.whitespace_ \
                        or "\n" in before.whitespace_:
                    break
                first = before
            return first.idx, token.idx + len(token)
        return None

    def _pronoun_candidates(self, pronoun: Token) -> tuple[Span, ...]:
        """Earlier names a pronoun may stand for. A possessive inside a verb's object usually
        points at the verb's subject ("West voiced his support"); a subject pronoun at an
        earlier subject; otherwise the nearest name comes first."""
        if pronoun.dep_ == "poss":
            holder = pronoun.head
            verb = holder.head if holder.dep_ in ("dobj", "pobj", "attr") else None
            if verb is not None and holder.dep_ == "pobj":
                verb = verb.head
            if verb is not None and verb.pos_ in ("VERB", "AUX"):
                subject, _ = self._subject(verb)
                if subject is not None and subject.i != pronoun.i:
                    party = self._party(subject)
                    if party is not None:
                        return tuple(dict.fromkeys(party.names + party.candidates + self._candidates(pronoun, False)))
        return self._candidates(pronoun, subject_first=pronoun.dep_ in SUBJECTS)

    def _candidates(self, token: Token, subject_first: bool, epithet: bool = False) -> tuple[Span, ...]:
        """Names before ``token`` in its sentence and the two before it (not in quotations or
        embedded posts), nearest first; subjects first when asked. An epithet ("the Famous
        rapper") looks back past its own sentence first: writers use one for someone named
        before, not for the subject of the sentence it stands in."""
        index = self._sentence_index.index(token.idx) or 0
        window_start = self.sentences[max(0, index - 2)][0]
        found: list[tuple[tuple[int, int], bool]] = []
        for other in self._name_tokens_between(window_start, token.idx):
            if self._quoted(other.idx) or self._embedded(other.idx):
                continue
            run = self._name_at(other)
            if run is None or run[1] > token.idx or any(r == run for r, _ in found):
                continue
            found.append((run, other.dep_ in SUBJECTS or other.head.dep_ in SUBJECTS and other.dep_ in ("compound", "appos")))
        found.reverse()  # nearest first
        sentence_start = self.sentences[index][0]
        found.sort(key=lambda item: (
            epithet and item[0][0] >= sentence_start,
            subject_first and not item[1],
        ))
        return tuple(self._span(*run) for run, _ in found[:8])

    def _previous(self, token: Token) -> Party | None:
        candidates = self._candidates(token, subject_first=False)
        return Party(candidates[0], (), None, candidates) if candidates else None

    # --- helpers ---------------------------------------------------------------------------

    def _naming(self, verb: Token, target: Token) -> str | None:
        """"called West a lunatic" insults; calling someone's words a thing criticises them;
        "hailed as a hero"-style complements praise; None when the complement judges no one."""
        complement = _complement(verb)
        if complement is not None:
            text = " ".join(t.text for t in complement.subtree)
        else:
            # "called West a “complete freaking lunatic”": the quotation after the object.
            end = max(t.idx + len(t) for t in target.subtree)
            after = [r for r in self.quoted if 0 <= r[0] - end <= 4]
            if not after:
                return None
            text = self.text[after[0][0]:after[0][1]]
        types = {a.type for a in speech_acts(text)}
        words = re.findall(r"[^\W\d_]+", text.lower())
        polarity = [e.polarity for w in words if (e := self.lexicon.entry(w)) is not None]
        negative = bool(types & {"insults", "mocks", "criticises"}) or (polarity and min(polarity) < -0.3)
        about_words = any(o.lemma_.lower() in UTTERANCES for o in self._objects(verb, ""))
        if negative:
            return "criticises" if about_words else "insults"
        if "praises" in types:
            return "praises"
        return None

    def _content(self, verb: Token, reporting: bool) -> tuple[int, int] | None:
        """The words a reporting verb carries: its clausal complement (quotation included:
        "telling him that Trump is “a moron”") when ``reporting``, else a quotation right
        after it or after its object ("retweeted the President with the caption, “Nah …”")."""
        ccomp = next((c for c in verb.children if c.dep_ == "ccomp"), None) if reporting else None
        if ccomp is not None:
            tokens = sorted(ccomp.subtree, key=lambda t: t.i)
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            if start > verb.idx and "\n" not in self.text[start:end]:
                return start, end
        after = verb.idx + len(verb)
        # the quoted ranges are sorted and disjoint: start at the first that opens after the verb
        first = bisect_left(self._quoted_starts, after)
        if first == len(self.quoted):
            return None
        sentence_end = self._sentence_of(verb)[1]
        for k in range(first, len(self.quoted)):
            start, end = self.quoted[k]
            if start >= sentence_end:
                break
            if _LEAD_IN.fullmatch(self.text, after, start):
                return start + 1, end - 1 if self.text[end - 1] in "”\"’" else end
        return None

    def _names_between(self, start: int, end: int) -> list[tuple[int, int]]:
        runs = []
        for token in self._name_tokens_between(start, end):
            run = self._name_at(token)
            if run is not None and run not in runs and start <= run[0] and run[1] <= end:
                runs.append(run)
        return runs

    def _name_tokens_between(self, start: int, end: int) -> list[Token]:
        """The proper nouns and the tokens inside a mention that start in ``[start, end)``."""
        offsets, indices = self._name_tokens
        return [self.doc[i] for i in indices[bisect_left(offsets, start):bisect_left(offsets, end)]]

    @cached_property
    def _quoted_starts(self) -> list[int]:
        """Where each quoted range starts (a verb looks up the first after it)."""
        return [start for start, _ in self.quoted]

    @cached_property
    def _name_tokens(self) -> tuple[list[int], list[int]]:
        """The character offsets and the indices of the tokens that may belong to a name
        (proper nouns, tokens inside a mention), in order. Name lookups ask for a few
        sentences at a time, over and over: they read these few tokens, found once on the
        parse's arrays, instead of making a token object for every word of their stretch."""
        from spacy import symbols
        from spacy.attrs import IDX, POS

        if not len(self.doc):
            return [], []
        columns = self.doc.to_array([POS, IDX])
        offsets = columns[:, 1].astype(np.int64)
        rows = np.flatnonzero((columns[:, 0] == symbols.PROPN) | RangeUnion(self.mentions).holding(offsets))
        return offsets[rows].tolist(), rows.tolist()

    def _act(self, kind: str, source: Party, target: Party | None, cue: Token, confidence: float = 1.0) -> Act:
        return Act(kind, source, target, self._span(cue.idx, cue.idx + len(cue), "cue"),
                   self._sentence_of(cue), None, self._date(cue), confidence)

    def _sentence_of(self, token: Token) -> tuple[int, int]:
        index = self._sentence_index.index(token.idx)
        return self.sentences[index] if index is not None else (token.sent.start_char, token.sent.end_char)

    def _date(self, token: Token) -> str | None:
        start, end = self._sentence_of(token)
        for timex in self.timexes:
            if start <= timex.span.start < end and timex.value:
                return timex.value
        return None

    def _between(self, a: Token, b: Token) -> str:
        first, last = (a, b) if a.i < b.i else (b, a)
        return self.text[first.idx:last.idx]

    def _quoted(self, offset: int) -> bool:
        return offset in self._quoted_union

    def _embedded(self, offset: int) -> bool:
        return offset in self._embedded_union

    def _span(self, start: int, end: int, role: str | None = None) -> Span:
        return Span(self.article.id, start, end, self.text[start:end], role)


# What may stand between a reporting verb and its quotation: up to six words ("… with the
# caption, “…”").
_LEAD_IN = re.compile(r"[\s,:]*(?:[\w’']+[\s,:]+){0,6}")
_REPORTING_LEMMAS = frozenset(
    "say tell write tweet post add state claim insist argue reply respond answer caption text message "
    "declare announce assert explain suggest".split()
)


_INNER = frozenset({"compound", "appos", "prep", "pobj", "nmod", "flat", "npadvmod"})


def _phrase_words(head: Token) -> list[Token]:
    """The words of a noun phrase up to its head, punctuation left out (read only for the
    phrases that need them: a subject's subtree can hold a whole relative clause)."""
    return [t for t in head.subtree if t.i <= head.i and t.dep_ != "punct" and t.pos_ != "PUNCT"]


def _complement(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("oprd", "attr")), None)


def _key(party: Party | None) -> tuple | None:
    if party is None:
        return None
    first = party.names[0] if party.names else party.phrase
    return (first.start, first.end)


def _unique(acts: list[Act]) -> list[Act]:
    seen = set()
    result = []
    for act in acts:
        key = (act.type, _key(act.source), _key(act.target), act.cue.start)
        if act.target is not None and key not in seen:
            seen.add(key)
            result.append(act)
    return result
