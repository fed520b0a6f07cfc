"""VADER sentiment, shared by the stages that read tone (narration, speech acts): one analyzer
per process, and its compound score with a shortcut for texts it would score 0.0 anyway."""

from __future__ import annotations

import string
from functools import lru_cache


def compound_score(analyzer, text: str) -> float:
    """VADER's compound score of ``text``, as ``analyzer.polarity_scores`` gives it.

    VADER scores a word only when it is in its lexicon, and the compound score of words that
    all score 0 is 0.0: a text none of whose words is in the lexicon (more than half the
    sentences of news narration) gets 0.0 without the full scoring, which costs some ten
    times this check. The words are VADER's: split at whitespace, trailing and leading
    punctuation stripped unless that leaves two characters or fewer, in lower case; a text
    with an emoji, which VADER first replaces with words, always goes to VADER.
    """
    if text.isascii() or _emoji_chars(analyzer).isdisjoint(text):
        # VADER looks a word up stripped, or as it is when stripping leaves two characters or
        # fewer: neither form in the lexicon, the word scores 0
        words = text.lower().split()
        lexicon = analyzer.lexicon.keys()
        if lexicon.isdisjoint(words) and lexicon.isdisjoint([w.strip(string.punctuation) for w in words]):
            return 0.0
    return analyzer.polarity_scores(text)["compound"]


@lru_cache(maxsize=1)
def _emoji_chars(analyzer) -> frozenset[str]:
    """The characters VADER replaces with their description: it reads the text character by
    character, so the one-character entries of its emoji lexicon (none of them ASCII)."""
    return frozenset(c for c in analyzer.emojis if len(c) == 1)


@lru_cache(maxsize=1)
def analyzer():
    """The one VADER analyzer of the process (its lexicon is read once)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()
