"""Checkable facts an article states in its own voice: counts, ages and places.

Counts are numbers with what they count ("tweeted more than 80 times", "about 120 residents
were evacuated"), read as intervals from their hedges ("more than", "about", "at least");
ages come from "N-year-old …" and "Name, N,"; places are the locations named in a sentence
(so that two reports of one event can be checked for where it happened). Numbers inside
quotations are the speakers' claims, not the outlet's, and are left out; so are dates,
times, money and percentages. The story compares them (:mod:`newsprism.story.contradictions`).
"""

from __future__ import annotations

import math
import re
import sys
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

import numpy as np

from newsprism.extract.interactions import ActFinder, Party
from newsprism.extract.narration import embed_ranges, quoted_ranges
from newsprism.memo import Memo
from newsprism.model import Article, Span
from newsprism.offsets import RangeUnion
from newsprism.stages import document_stage
from newsprism.story.wording import FUNCTION_WORDS, number_value

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Hedges before a number and the interval they make of it (as factors of the number).
HEDGES = (
    (("more", "than"), (1.0, math.inf), False), (("over",), (1.0, math.inf), False),
    (("at", "least"), (1.0, math.inf), True), (("upwards", "of"), (1.0, math.inf), False),
    (("fewer", "than"), (0.0, 1.0), False), (("less", "than"), (0.0, 1.0), False),
    (("under",), (0.0, 1.0), False), (("up", "to"), (0.0, 1.0), True), (("at", "most"), (0.0, 1.0), True),
    (("nearly",), (0.85, 1.0), False), (("almost",), (0.85, 1.0), False),
    (("about",), (0.9, 1.1), True), (("around",), (0.9, 1.1), True), (("roughly",), (0.9, 1.1), True),
    (("approximately",), (0.9, 1.1), True), (("some",), (0.9, 1.1), True), (("some", "of"), (0.9, 1.1), True),
    (("an", "estimated"), (0.8, 1.2), True),
)
NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
AGE = re.compile(r"^(\d{1,3})-year-old$")
PLACES = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class Claim:
    """One fact as an article states it.

    ``facet`` is ``count``, ``age`` or ``place``; ``unit`` what a count counts (a lemma, or
    ``times``), ``verb`` the lemma of the verb it goes with; ``low``/``high`` the interval the
    value and its hedge allow; ``about`` the party a count or age is about; ``context`` the
    content words of the sentence, used to tell whether two counts count the same thing.
    """

    facet: str
    value: str
    low: float
    high: float
    evidence: Span
    sentence: tuple[int, int]
    unit: str | None = None
    verb: str | None = None
    about: Party | None = None
    context: frozenset[str] = frozenset()


@document_stage("fact_claims", requires=("mentions",))
def find_claims(doc: Doc, article: Article, results, options) -> list[Claim]:
    """Counts, ages and places the article states outside quotations."""
    names = [(m.span.start, m.span.end) for m in results["mentions"] if m.kind in ("name", "handle")]
    finder = ActFinder(doc, article, names)
    masked = RangeUnion([*quoted_ranges(article.text), *embed_ranges(article)])
    claims: list[Claim] = []
    contexts = _Contexts(doc)
    for token in _candidates(doc, article.text):
        if token.idx in masked:
            continue
        age = AGE.match(token.text)
        hyphenated = _hyphenated_age(token)
        if hyphenated is not None:
            claims += _age(finder, token, int(number_value(token.text) or 0), hyphenated)
        elif age or (token.like_num and _age_phrase(token)):
            claims += _age(finder, token, int(age.group(1)) if age else int(number_value(token.text) or 0))
        elif token.like_num and token.ent_type_ not in NOT_COUNTS and number_value(token.text) is not None:
            claim = _count(finder, token, contexts)
            if claim is not None:
                claims.append(claim)
    for ent in doc.ents:
        if ent.label_ in PLACES and ent.start_char not in masked:
            claims.append(Claim("place", ent.text, 0, 0, finder._span(ent.start_char, ent.end_char, "place"),
                                finder._sentence_of(ent[0]), unit=ent.label_, context=contexts.of(ent.start)))
    return claims


def _candidates(doc: Doc, text: str) -> Iterable[Token]:
    """The tokens that can state a count or an age: those like a number, and every token
    when the text holds a "-year-old" (the tokenizer may keep "40-year-old" as one); the
    rest, most of an article, need no token object made."""
    from spacy.attrs import LIKE_NUM  # here: the story modules that import this one need no spaCy

    if "-year-old" in text:
        return doc
    return (doc[i] for i in doc.to_array(LIKE_NUM).nonzero()[0].tolist())


def _count(finder: ActFinder, number: Token, contexts: _Contexts) -> Claim | None:
    value = number_value(number.text)
    if value is None or value < 2 or (1900 <= value <= 2100 and number.text.isdigit()):
        return None  # "one last tweet" is no count anyone disputes; a bare year is a date
    head = number.head
    if number.dep_ == "nummod" and head.pos_ == "NOUN":
        unit, verb_token = head.lemma_.lower(), _clause_verb(head)
    elif head.lower_ == "times" or head.lemma_.lower() == "time":
        unit, verb_token = "times", _clause_verb(head)
    else:
        return None
    low, high, start = _interval(number, value)
    about = None
    if verb_token is not None:
        subject, _ = finder._subject(verb_token)
        if subject is not None and subject.i != head.i:
            about = finder._party(subject)
    end = head.idx + len(head) if head.idx > number.idx else number.idx + len(number)
    return Claim("count", finder.text[number.idx:number.idx + len(number)], low, high,
                 finder._span(start, end, "value"), finder._sentence_of(number), unit,
                 verb_token.lemma_.lower() if verb_token is not None else None, about, contexts.of(number.i))


def _hyphenated_age(token: Token) -> Token | None:
    """The last token of "40 - year - old" as the tokenizer splits "40-year-old", or None."""
    doc = token.doc
    if not token.like_num or token.i + 4 >= len(doc):
        return None
    parts = [t.lower_ for t in doc[token.i + 1:token.i + 5]]
    return doc[token.i + 4] if parts in (["-", "year", "-", "old"], ["-", "years", "-", "old"]) else None


def _age(finder: ActFinder, token: Token, age: int, last: Token | None = None) -> list[Claim]:
    """"the 40-year-old rapper" (the noun it describes) or "West, 40," (the name before)."""
    if last is not None:
        noun = next((t for t in (last.head, *last.doc[last.i + 1:last.i + 4]) if t.pos_ in ("NOUN", "PROPN")), None)
        if noun is None:
            return []
        about = finder._party(noun)
        end = last.idx + len(last)
        return [Claim("age", str(age), age, age, finder._span(token.idx, end, "value"), finder._sentence_of(token),
                      about=about)] if about is not None else []
    noun = token.head if token.head.pos_ in ("NOUN", "PROPN") else None
    if noun is None and token.dep_ in ("appos", "npadvmod", "amod", "nummod") and token.head.pos_ == "PROPN":
        noun = token.head
    if noun is None:
        return []
    about = finder._party(noun)
    if about is None:
        return []
    return [Claim("age", str(age), age, age, finder._span(token.idx, token.idx + len(token), "value"),
                  finder._sentence_of(token), about=about)]


def _age_phrase(token: Token) -> bool:
    """"West, 40, said" — a bare number in apposition to a name."""
    return (
        token.dep_ in ("appos", "npadvmod")
        and token.head.pos_ == "PROPN"
        and token.i > 0 and token.doc[token.i - 1].text == ","
        and number_value(token.text) is not None and 10 <= (number_value(token.text) or 0) <= 110
    )


def _interval(number: Token, value: float) -> tuple[float, float, int]:
    """The interval a hedged number allows, and where the hedge starts."""
    before = [t.lower_ for t in number.doc[max(0, number.i - 2):number.i]]
    for words, (low, high), _ in HEDGES:
        if tuple(before[-len(words):]) == words:
            start = number.doc[number.i - len(words)].idx
            return value * low, value * high, start
    return value, value, number.idx


def _clause_verb(token: Token) -> Token | None:
    current = token
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.head is current:
            return None
        current = current.head
    return None


class _Contexts:
    """The content lemmas of the sentences of one parse, made once a sentence (an article
    keeps one set per sentence however many facts it states there, and the words are shared
    across articles).

    A content word is alphabetic, longer than two letters, neither a function word nor a
    stop word. A word is told by its text and lemma: each such pair is judged once, and a
    sentence's words are looked up in C (a token object made for every word of a sentence,
    and its strings read, cost more than the rest of the facts).
    """

    def __init__(self, doc: Doc):
        self.doc = doc
        self._sentences: dict[tuple[int, int], frozenset[str]] = {}

    def of(self, i: int) -> frozenset[str]:
        """The content lemmas of the sentence of token ``i`` (a span's is that of its first
        token, as ``Span.sent`` gives it; the sentence made as a span for each fact cost more
        than its words)."""
        starts = self._starts
        k = bisect_right(starts, i)
        start, end = starts[k - 1] if k else 0, starts[k] if k < len(starts) else len(self.doc)
        found = self._sentences.get((start, end))
        if found is None:
            words = self._words[start:end].view("V16").ravel().tolist()
            found = self._sentences[start, end] = frozenset(map(self._lemmas.__getitem__, words)).difference((None,))
        return found

    @cached_property
    def _starts(self) -> list[int]:
        """The tokens that start a sentence."""
        from spacy.attrs import SENT_START

        return np.flatnonzero(self.doc.to_array(SENT_START) == 1).tolist()

    @cached_property
    def _words(self) -> np.ndarray:
        """Each token's text and lemma ids (a sentence reads them as the bytes
        :func:`_content_lemmas` looks up)."""
        from spacy.attrs import LEMMA, ORTH

        return self.doc.to_array([ORTH, LEMMA]).reshape(len(self.doc), 2)

    @cached_property
    def _lemmas(self) -> Memo:
        return _content_lemmas(self.doc.vocab)


@lru_cache(maxsize=4)
def _content_lemmas(vocab) -> Memo:
    """The interned lower-case lemma of a content word of the parses of one vocabulary (by
    the bytes of its text and lemma ids), None for another word."""
    def lemma(word: bytes) -> str | None:
        orth, lemma_id = np.frombuffer(word, dtype=np.uint64).tolist()
        lexeme = vocab[orth]
        if not lexeme.is_alpha or len(lexeme.orth_) <= 2 or lexeme.lower_ in FUNCTION_WORDS or lexeme.is_stop:
            return None
        return sys.intern(vocab.strings[lemma_id].lower())

    return Memo(lemma, 100_000)
