"""The evaluative-language lexicon: words with which a writer judges rather than reports.

Three sources, merged with the most specific first:

* ``data/loaded_terms.tsv``, written for newsprism: loaded reporting verbs ("claimed",
  "boasted") against neutral ones ("said", "wrote"), verbs of attack and praise ("ripped",
  "slammed", "lauded"), loaded nouns ("tirade", "torrent"), group labels ("elites") and
  phrases ("witch hunt", "Hollywood elites"), intensifiers and distancing hedges;
* ``data/subjective_adjectives.tsv``: adjectives rated subjective and polar in the Pattern
  lexicon (public domain; see ``scripts/build_subjective_adjectives.py``);
* VADER's sentiment lexicon (shipped by ``vaderSentiment``): words of strong valence, as
  ``sentiment``, the weakest evidence of evaluation since many of them name events.

Matching is on lemmas and coarse parts of speech, so "ripped" finds ``rip`` and "elites"
finds ``elite``; it takes plain token tuples so it needs no parser of its own.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from newsprism.memo import Memo

# Categories that signal evaluation by the writer (``reporting_neutral`` is the contrast).
EVALUATIVE = frozenset({
    "reporting_loaded", "attack_verb", "praise_verb", "loaded_noun", "label", "intensifier",
    "hedge", "subjective_adjective", "sentiment",
})
LOADED_VERBS = frozenset({"reporting_loaded", "attack_verb", "praise_verb"})
# Parts of speech (spaCy's coarse tags) each lexicon part of speech may match.
POS_MATCH = {
    # The small model tags some nouns as adjectives ("a torrent of scorn").
    "VERB": {"VERB"}, "NOUN": {"NOUN", "ADJ"}, "ADJ": {"ADJ", "VERB"}, "ADV": {"ADV"},
    "any": {"VERB", "NOUN", "ADJ", "ADV", "INTJ"},
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: a lemma (or lemma sequence) with its category and polarity."""

    term: str
    category: str
    polarity: float
    pos: str
    source: str
    note: str = ""


class TokenInfo(NamedTuple):
    """What the matcher needs of a token: surface, lemma, coarse part of speech, offset.

    A named tuple: one is made for every narration token of every article, and a frozen
    dataclass costs several times as much to construct.
    """

    text: str
    lemma: str
    pos: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon entry found in a text, with its character span."""

    entry: Entry
    start: int
    end: int
    text: str


class Lexicon:
    """Single-word entries by lemma, phrases by lemma sequence."""

    def __init__(self, entries: Iterable[Entry]):
        self.words: dict[str, list[Entry]] = {}
        self.phrases: dict[tuple[str, ...], Entry] = {}
        for entry in entries:
            words = tuple(entry.term.lower().replace("-", " - ").split())
            if entry.pos == "PHRASE" or len(words) > 1:
                # Tokenizers split "so-called" into three tokens, or keep it as one.
                self.phrases.setdefault(words, entry)
            if entry.pos != "PHRASE" and " " not in entry.term:
                self.words.setdefault(entry.term.lower(), []).append(entry)
        self.longest = max((len(p) for p in self.phrases), default=1)
        # First words of the phrases of each length: most token positions start none.
        self._firsts: dict[int, set[str]] = {}
        for phrase in self.phrases:
            self._firsts.setdefault(len(phrase), set()).add(phrase[0])
        self._any_first = set().union(*self._firsts.values())
        # The single-word entry of a word (normalized lemma and surface, part of speech):
        # every narration token of every article asks, and most are words asked before.
        self._word_entries = Memo(lambda word: self.entry(word[0], word[2]) or self.entry(word[1], word[2]), 200_000)

    def entry(self, word: str, pos: str = "any") -> Entry | None:
        """The first entry for ``word`` (a lemma or surface form) that fits ``pos``."""
        for entry in self.words.get(word.lower(), ()):
            if pos == "any" or entry.pos == "any" or pos in POS_MATCH.get(entry.pos, ()):
                return entry
        return None

    def match(self, tokens: Sequence[TokenInfo]) -> list[Hit]:
        """Every entry in ``tokens``, phrases first and without overlaps.

        Proper nouns never match (a person called Legend is not praise), and neither do
        capitalised words inside a sentence other than phrase members ("Hollywood elites").
        """
        hits: list[Hit] = []
        taken: set[int] = set()
        lemmas = list(map(_NORMS.__getitem__, map(_LEMMA, tokens)))
        surfaces = list(map(_NORMS.__getitem__, map(_TEXT, tokens)))
        # the positions where some phrase can start, found once for every phrase length (most
        # sentences hold no first word of a phrase, which two set operations tell)
        starts = [] if self._any_first.isdisjoint(lemmas) and self._any_first.isdisjoint(surfaces) else [
            i for i, (lemma, surface) in enumerate(zip(lemmas, surfaces))
            if lemma in self._any_first or surface in self._any_first
        ]
        for size in range(self.longest, 1, -1):
            firsts = self._firsts.get(size, set())
            for i in starts:
                if i > len(tokens) - size:
                    break
                if lemmas[i] not in firsts and surfaces[i] not in firsts:
                    continue
                if any(k in taken for k in range(i, i + size)):
                    continue
                for seq in (tuple(lemmas[i:i + size]), tuple(surfaces[i:i + size])):
                    entry = self.phrases.get(seq)
                    if entry is not None:
                        first, last = tokens[i], tokens[i + size - 1]
                        hits.append(Hit(entry, first.start, last.end, ""))
                        taken.update(range(i, i + size))
                        break
        # each word's entry looked up first, in C: the rest of the test is read only for the
        # few words that have one
        entries = list(map(self._word_entries.__getitem__, zip(lemmas, surfaces, map(_POS, tokens))))
        for i in compress(range(len(tokens)), entries):
            token = tokens[i]
            if i in taken or token.pos in ("PROPN", "PUNCT", "SPACE") or not token.text[:1].isalpha():
                continue
            if token.text[:1].isupper() and i > 0 and tokens[i - 1].pos not in ("PUNCT",):
                continue
            hits.append(Hit(entries[i], token.start, token.end, token.text))
        return sorted(hits, key=lambda h: h.start)


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


# Words are normalized by lookup (a call of _norm per token of every article cost more than
# the matching); _TEXT, _LEMMA and _POS read a TokenInfo's fields in C.
_NORMS = Memo(_norm, 200_000)
_TEXT, _LEMMA, _POS = itemgetter(0), itemgetter(1), itemgetter(2)


@lru_cache(maxsize=4)
def evaluative_lexicon(min_sentiment: float = 2.0) -> Lexicon:
    """The merged lexicon; VADER words count when ``|valence| >= min_sentiment`` (of 4)."""
    entries = list(_loaded_terms()) + list(_subjective_adjectives())
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    for word, valence in sorted(SentimentIntensityAnalyzer().lexicon.items()):
        if word.isalpha() and len(word) >= 3 and abs(valence) >= min_sentiment:
            entries.append(Entry(word, "sentiment", round(valence / 4, 3), "any", "vader"))
    return Lexicon(entries)


def is_evaluative(word: str, lexicon: Lexicon | None = None) -> bool:
    """Whether a word (lemma or surface form) is evaluative in any part of speech."""
    lexicon = lexicon or evaluative_lexicon()
    entry = lexicon.entry(word)
    return entry is not None and entry.category in EVALUATIVE


def _read_tsv(name: str) -> list[dict[str, str]]:
    text = resources.files("newsprism.data").joinpath(name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _loaded_terms() -> Iterable[Entry]:
    for row in _read_tsv("loaded_terms.tsv"):
        yield Entry(row["term"], row["category"], float(row["polarity"]), row["pos"], "newsprism",
                    row.get("note") or "")


def _subjective_adjectives() -> Iterable[Entry]:
    for row in _read_tsv("subjective_adjectives.tsv"):
        yield Entry(row["term"], "subjective_adjective", float(row["polarity"]), "ADJ", "pattern")
