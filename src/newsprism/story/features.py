"""What an article says that tells one event from another: its clustering features.

Two articles report the same event when they share rare content words, the same names, the
same quotations and the same dates, and were published close together; two earthquakes or two
rehab check-ins share the topic words but not the place, the people, the magnitude or the week.
:class:`Features` holds exactly those signals as plain counters, so they serialize, are cheap
to compare, and come from either of two extractors that produce the same vocabulary:

* :func:`light_features` needs no parse (regular-expression tokens, Snowball stems,
  capitalised word sequences as names): the streaming index uses it for millions of articles;
* :func:`doc_features` (the ``cluster_features`` document stage) takes names from spaCy's
  entities and stems its lemmas, which is more precise at sentence starts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from typing import TYPE_CHECKING

import numpy as np
import Stemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.memo import Memo
from newsprism.model import ESTIMATED, Article
from newsprism.stages import document_stage

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Reporting verbs and newsroom words are in every article; they say nothing about the event.
NEWS_STOP_WORDS = frozenset(
    """said says say saying told tell tells according reported reports report reporting added
    adding statement news story article update updated read watch video photo photos image
    images comment comments share click subscribe just like also new year years time times
    day days week weeks month months mr mrs ms monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october
    november december today yesterday tomorrow ago including people""".split()
)
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | NEWS_STOP_WORDS
# Lower-case words allowed inside a capitalised name: "Bank of America", "Vincent van Gogh".
NAME_JOINERS = frozenset("of the de del van von der da di al bin la le du".split())
# spaCy entity labels that name the who and where of an event (not CARDINAL, PERCENT, ...).
NAME_LABELS = frozenset("PERSON ORG GPE LOC FAC NORP EVENT WORK_OF_ART PRODUCT LAW".split())

# Patterns below open with a character class (what follows is checked by a lookbehind): re
# then skips to the next position that can start a match instead of trying every branch at
# every position, which makes them two to five times faster on running text.
# A word of two letters or more, or a number: [A-Za-z][A-Za-z'’-]*[A-Za-z]|\d+(?:[.,]\d+)*
_TOKEN = re.compile(r"[A-Za-z0-9](?:(?<=[A-Za-z])[A-Za-z'’-]*[A-Za-z]|(?<=\d)\d*(?:[.,]\d+)*)")
# A capitalised word may hold periods of initials ("U.S.", "J.") but never ends on any other
# period, so a sequence stops at a sentence end.
_NAME_WORD = r"[A-Z](?:[\w'’&-]|\.(?=[A-Za-z])|(?<![A-Za-z][A-Z])(?<=[A-Z])\.)*"
_CAPITALISED = re.compile(
    _NAME_WORD + r"(?:[ \t]+(?:(?:" + "|".join(NAME_JOINERS) + r")[ \t]+)?" + _NAME_WORD + r")*"
)
_SENTENCE_ENDS = frozenset('.!?:;"“”\n')
_LOWER_WORD = re.compile(r"[a-z](?<=\b[a-z])[a-z'-]+\b")  # \b[a-z][a-z'-]+\b
# Greedy: the class cannot take a closing mark, so it ends where the lazy form would, sooner.
_QUOTE = re.compile(r"[\"“](?P<q>[^\"“”]{20,600})[\"”]")
_YEAR = re.compile(r"[12](?<=\b[12])(?:(?<=1)9[5-9]|(?<=2)0\d)\d\b")  # \b(?:19[5-9]\d|20\d\d)\b
_MONTHS = ("january february march april may june july august september october november "
           "december").split()
# Month names are capitalised in running text; a case-sensitive pattern is several times faster.
# The month's initial comes first, the rest of the name is checked against it.
_MONTH_DAY = re.compile(
    r"(?P<month>[ADFJMNOS](?<=\b[ADFJMNOS])(?:"
    + "|".join(f"(?<={m[0].upper()}){m[1:]}" for m in _MONTHS) + r"))\.?\s+(?P<day>\d{1,2})"
    r"(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?"
)
_LEAD_END = re.compile(r"[.!?](?=\s|$)")
_STEMMER = Stemmer.Stemmer("english")


@dataclass(frozen=True)
class Features:
    """An article's clustering signals.

    Attributes:
        terms: stemmed content words of the text and the title, with counts.
        title_terms: stemmed content words of the headline (or of the lead sentence).
        names: normalised names of people, organisations and places (``tara reid``), counted.
        dates: absolute dates and years the text mentions (``2008-12-14``, ``2008``).
        quotes: fingerprints of the quotations the article carries (shared quotes are strong
            evidence of one event).
        day: the publication day as a proleptic ordinal (``date.toordinal``), None if unknown.
    """

    terms: dict[str, int] = field(default_factory=dict)
    title_terms: dict[str, int] = field(default_factory=dict)
    names: dict[str, int] = field(default_factory=dict)
    dates: dict[str, int] = field(default_factory=dict)
    quotes: tuple[str, ...] = ()
    day: int | None = None

    def to_dict(self) -> dict:
        """Plain JSON-ready data (the streaming index stores features this way)."""
        return {"terms": self.terms, "title_terms": self.title_terms, "names": self.names,
                "dates": self.dates, "quotes": list(self.quotes), "day": self.day}

    @classmethod
    def from_dict(cls, data: dict) -> Features:
        """The inverse of :meth:`to_dict`."""
        return cls(data.get("terms", {}), data.get("title_terms", {}), data.get("names", {}),
                   data.get("dates", {}), tuple(data.get("quotes", ())), data.get("day"))


def stem(word: str) -> str | None:
    """The Snowball stem of a lower-cased content word, or None for stop words and noise."""
    return _STEMS[word]


def _stem(word: str) -> str | None:
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) < 2 or word in STOP_WORDS:
        return None
    if word[0].isdigit():
        return word if len(word) > 1 else None
    return _STEMMER.stemWord(word)


_STEMS = Memo(_stem, 200_000)


def content_terms(text: str) -> Counter:
    """Stemmed content words of ``text`` with their counts."""
    return _stem_counts(_TOKEN.findall(text))


def _stem_counts(tokens) -> Counter:
    counts = Counter(map(_STEMS.__getitem__, tokens))
    counts.pop(None, None)
    return counts


def normal_name(name: str) -> str | None:
    """A name as a comparable key: lower case, no possessive, no leading article or title."""
    return _NAMES[name]


def _normal_name(name: str) -> str | None:
    words = name.replace("’", "'").split()
    while words and words[0].lower() in ("the", "a", "an", "mr.", "mrs.", "ms.", "dr."):
        words = words[1:]
    if not words:
        return None
    words[-1] = re.sub(r"'s?$", "", words[-1])
    key = " ".join(w.strip(".,;:!?\"'()").lower() for w in words).strip()
    if len(key) < 2 or key in STOP_WORDS or key.isdigit():
        return None
    return key


_NAMES = Memo(_normal_name, 200_000)


def light_names(text: str) -> Counter:
    """Capitalised word sequences that are names, not sentence-initial common words.

    At a sentence start capitals prove nothing: a lone capitalised word there counts only when
    the text also capitalises it mid-sentence ("Lohan said" after "Lindsay Lohan"; not
    "Officials said"), and a leading stop word or word the text also writes in lower case is
    dropped from a longer sequence ("The Betty Ford Center" -> "Betty Ford Center").
    """
    matches = []
    for match in _CAPITALISED.finditer(text):
        # at a sentence start when only blanks stand between it and a sentence end
        position = match.start() - 1
        while position >= 0 and text[position] in " \t":
            position -= 1
        matches.append((match.group().split(), position < 0 or text[position] in _SENTENCE_ENDS))
    mid_sentence = {w for words, initial in matches if not initial for w in words}
    lower_words = None
    names: Counter = Counter()
    for words, initial in matches:
        if initial:
            if len(words) == 1 and words[0] not in mid_sentence:
                continue
            if lower_words is None:
                lower_words = set(_LOWER_WORD.findall(text))
            while words and (words[0].lower() in STOP_WORDS or words[0].lower() in lower_words):
                words = words[1:]
        while words and words[-1].lower() in NAME_JOINERS:
            words = words[:-1]
        if not words:
            continue
        phrase = " ".join(words)  # every word holds a capital: the phrase is upper case as all are
        if phrase.isupper() and max(map(len, words)) > 5:
            continue  # shouted headline words, not an acronym
        key = _NAMES[phrase]
        if key:
            names[key] += 1
    return names


def quote_fingerprints(text: str) -> tuple[str, ...]:
    """Fingerprints of the quotations of ``text``: their first eight content words."""
    found = []
    for match in _QUOTE.finditer(text):
        # the first eight words are all a fingerprint reads (a quotation may run to 600 chars)
        words = [w.group().lower() for w in islice(_TOKEN.finditer(match.group("q")), 8)]
        if len(words) >= 5:
            found.append(" ".join(words))
    return tuple(dict.fromkeys(found))


def mentioned_dates(text: str, year: int | None) -> Counter:
    """Years and month-day dates the text mentions, as ISO keys.

    A date without a year takes the publication year when it is known; otherwise only its
    year-less key ``--12-14`` is kept, which still matches another article's mention.
    """
    found: Counter = Counter()
    for match in _MONTH_DAY.finditer(text):
        month = _MONTHS.index(match.group("month").lower()) + 1
        day = int(match.group("day"))
        if not 1 <= day <= 31:
            continue
        mention_year = match.group("year") or year
        found[f"{mention_year}-{month:02d}-{day:02d}" if mention_year else f"--{month:02d}-{day:02d}"] += 1
    for match in _YEAR.finditer(text):
        found[match.group(0)] += 1
    return found


def publication_day(article: Article) -> int | None:
    """The article's publication day as an ordinal, when a date with day precision is given.

    Dates estimated from the text are left out: the latest date an article mentions can lie
    weeks before its publication (or be a date to come), too far off to set events apart.
    """
    value = article.published
    if not value or len(value) < 10 or article.published_provenance == ESTIMATED:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def lead_sentence(text: str) -> str:
    r"""The first sentence, standing in for a missing headline: the text up to the first
    sentence end at least 20 characters in, and at most 300 characters of it.

    This is the first match of ``(.{20,300}?[.!?])(?:\s|$)`` (dot matching all), found
    without trying that pattern at every character before the end (300 steps each where no
    sentence ends within 300 characters): its leftmost match ends at that first sentence end
    and begins 300 characters before it, or at the start of the text."""
    end = _LEAD_END.search(text, 20)
    if end is None:
        return text[:300]
    return text[max(0, end.start() - 300):end.end()]


def light_features(article: Article) -> Features:
    """Clustering features of one article without any parse (fast enough for a live stream)."""
    text = _titled_text(article)
    light = _unparsed_features(article, text)
    if article.title:  # no token spans the line break after the title: text tokens follow its own
        terms = _stem_counts(chain(_TOKEN.findall(article.title), _TOKEN.findall(article.text)))
    else:
        terms = content_terms(text)
    return Features(terms=dict(terms), title_terms=light.title_terms, names=dict(light_names(text)),
                    dates=light.dates, quotes=light.quotes, day=light.day)


def _titled_text(article: Article) -> str:
    return f"{article.title}\n{article.text}" if article.title else article.text


def _unparsed_features(article: Article, titled_text: str | None = None) -> Features:
    """The features read from the text alike with or without a parse (no terms, no names)."""
    title = article.title or lead_sentence(article.text)
    day = publication_day(article)
    year = date.fromordinal(day).year if day else None
    return Features(
        terms={},
        title_terms=dict(content_terms(title)),
        names={},
        dates=dict(mentioned_dates(titled_text or _titled_text(article), year)),
        quotes=quote_fingerprints(article.text),
        day=day,
    )


@document_stage("cluster_features")
def doc_features(doc: Doc, article: Article, results, options) -> Features:
    """Clustering features of one parsed article: entity names from spaCy, lemma stems."""
    # the parse gives the terms and names: those of the text alone are not computed
    light = _unparsed_features(article)
    terms: Counter = Counter(light.title_terms) if article.title else Counter()
    from spacy import symbols  # here: the light features of an index are made without spaCy
    from spacy.attrs import IS_ALPHA, LEMMA, LIKE_NUM, ORTH, POS

    # read from the arrays of the parse (a token object per word cost more than the stemming),
    # and each distinct word stemmed once: counted in the order words first occur, the terms
    # come in the order a word-by-word count gives them
    strings = doc.vocab.strings
    alpha, number, pos, lemma, orth = doc.to_array([IS_ALPHA, LIKE_NUM, POS, LEMMA, ORTH]).T
    words = np.where(pos == symbols.PROPN, orth, lemma)[(alpha | number).astype(bool)]  # a name's own spelling
    counts = Counter(words.tolist())
    for term, count in zip(map(_STEMS.__getitem__, map(strings.__getitem__, counts)), counts.values()):
        if term:
            terms[term] = terms.get(term, 0) + count  # Counter's own += calls __missing__ in Python
    names: Counter = Counter()
    for entity in doc.ents:
        if entity.label_ in NAME_LABELS:
            key = normal_name(entity.text)
            if key:
                names[key] += 1
    if article.title:
        names.update(light_names(article.title))
    return Features(
        terms=dict(terms),
        title_terms=light.title_terms,
        names=dict(names),
        dates=light.dates,
        quotes=light.quotes,
        day=light.day,
    )
