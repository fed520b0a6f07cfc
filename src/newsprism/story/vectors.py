"""Article vectors and the similarity of two articles (or an article and a story).

An article becomes one sparse TF-IDF vector whose blocks are weighted by how much each kind
of signal says about the event: content words (``t:``), headline words (``h:``), names
(``n:``), mentioned dates (``d:``) and quotation fingerprints (``q:``). The vector is
L2-normalised, so the dot product of two articles is their cosine similarity; publication
days far apart scale it down (:func:`time_factor`). Document frequencies come from the
articles seen so far (the batch, or everything the streaming index has stored).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import repeat
from operator import mul, sub, truediv
from sys import intern

from newsprism.memo import Memo
from newsprism.options import StoryOptions
from newsprism.story.features import Features

Vector = dict[str, float]


class DocumentFrequencies:
    """How many articles carry each feature key; gives smoothed inverse document frequencies."""

    def __init__(self, counts: Mapping[str, int] | None = None, documents: int = 0):
        self.counts: Counter = Counter(counts or {})
        self.documents = documents

    def add(self, keys: Iterable[str]) -> None:
        """Count one more article carrying ``keys`` (each distinct key once)."""
        self.counts.update(set(keys))
        self.documents += 1

    def idf(self, key: str) -> float:
        """Smoothed inverse document frequency, as scikit-learn's ``smooth_idf``."""
        return math.log((1 + self.documents) / (1 + self.counts.get(key, 0))) + 1.0


def feature_keys(features: Features) -> list[str]:
    """Every feature key of an article, prefixed by its block (``t:``, ``h:``, ``n:``, ...)."""
    keys = ["t:" + k for k in features.terms]
    keys += ["h:" + k for k in features.title_terms]
    keys += ["n:" + k for k in features.names]
    keys += ["d:" + k for k in features.dates]
    keys += ["q:" + k for k in features.quotes]
    return keys


def term_weights(features: Features, options: StoryOptions) -> Vector:
    """The article's weighted sublinear term frequencies, before inverse document frequency:
    what the streaming index keeps of an article, so that its vector can be taken again with
    the document frequencies of a later moment."""
    weights: Vector = {}
    blocks = (("t:", features.terms, 1.0), ("h:", features.title_terms, options.title_weight),
              ("n:", features.names, options.names_weight), ("d:", features.dates, options.dates_weight),
              ("q:", dict.fromkeys(features.quotes, 1), options.quotes_weight))
    for prefix, block, weight in blocks:
        if weight <= 0:
            continue
        # Memo lookups mapped in C: this runs for every feature of every article of a stream.
        weights.update(zip(map(_prefixed(prefix).__getitem__, block),
                           map(_sublinear(weight).__getitem__, block.values())))
    return weights


@lru_cache(maxsize=16)
def _prefixed(prefix: str) -> Memo:
    # Keys are interned: the streaming index keeps tens of thousands of weight dictionaries,
    # and one shared string per key instead of one per article halves their memory.
    return Memo(lambda key: intern(prefix + key), 500_000)


@lru_cache(maxsize=16)
def _sublinear(weight: float) -> Memo:
    return Memo(lambda count: weight * (1.0 + math.log(count)), 10_000)


def _log_df(count: int) -> float:
    return math.log(1 + count)


_LOG_DF = Memo(_log_df, 100_000)


def weigh(weights: Mapping[str, float], frequencies: DocumentFrequencies) -> Vector:
    """The L2-normalised TF-IDF vector of :func:`term_weights` output."""
    # The hot path of the streaming index: every step is a map() over the keys, so the loop
    # runs in C; the arithmetic is that of value * (base - log(1 + df)), term by term.
    counts = frequencies.counts
    base = math.log(1 + frequencies.documents) + 1.0
    keys = list(weights)
    idf = map(sub, repeat(base), map(_LOG_DF.__getitem__, map(counts.get, keys, repeat(0))))
    values = list(map(mul, weights.values(), idf))
    norm = math.sqrt(sum(map(mul, values, values)))
    return dict(zip(keys, map(truediv, values, repeat(norm)))) if norm else {}


def vectorize(features: Features, frequencies: DocumentFrequencies, options: StoryOptions) -> Vector:
    """The article's L2-normalised weighted TF-IDF vector (sublinear term frequency)."""
    return weigh(term_weights(features, options), frequencies)


def cosine(vector: Mapping[str, float], weights: Iterable[tuple[str, float]], idf) -> float:
    """Cosine of a normalised TF-IDF ``vector`` and another article's :func:`term_weights`
    (given as (key, weight) pairs), weighted by ``idf`` (a function of the key): the
    similarity batch clustering would see with the document frequencies ``idf`` reflects."""
    dot_product = norm = 0.0
    get = vector.get
    for key, value in weights:
        value *= idf(key)
        norm += value * value
        dot_product += value * get(key, 0.0)
    return dot_product / math.sqrt(norm) if norm else 0.0


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(key, 0.0) for key, value in a.items())


def time_factor(day_a: int | None, day_b: int | None, options: StoryOptions) -> float:
    """How much the gap between two publication days scales their similarity.

    1 within ``time_window_days``; beyond it the similarity halves every
    ``time_half_life_days``. Unknown days do not penalise (many inputs carry no date).
    """
    if day_a is None or day_b is None:
        return 1.0
    gap = abs(day_a - day_b) - options.time_window_days
    if gap <= 0:
        return 1.0
    return 0.5 ** (gap / options.time_half_life_days)


def span_gap(day: int | None, first: int | None, last: int | None) -> tuple[int | None, int | None]:
    """The (article day, nearest story day) pair that measures an article's gap to a story
    spanning ``first``..``last``."""
    if day is None or first is None or last is None:
        return None, None
    return day, min(max(day, first), last)
