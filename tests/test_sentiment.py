"""VADER scoring: the shortcut for texts without lexicon words gives exactly VADER's own score,
for the narration and speech-act stages alike."""

import random

import pytest

from newsprism.sentiment import analyzer as shared_analyzer
from newsprism.sentiment import compound_score


@pytest.fixture(scope="module")
def analyzer():
    return shared_analyzer()


# Words VADER scores, words it does not, and forms whose stripping decides which.
WORDS = [
    "the", "council", "said", "on", "Tuesday", "good", "GOOD", "Good.", "(good)", "“good”",
    "bad", "terrible!", "no", "No", "not", "never", "very", "kind", "of", "but", "BUT",
    "hope", "attack", "killed", ":)", ":-(", "(:", "<3", "ok", "OK!", "lol", "wtf", "a",
    "I", "İstanbul", "ſhe", "don't", "isn’t", "—", "…", "??", "!!!", "2018", "n't", "'good'",
    "👍", "😀", "☹️", "x", "yes?", "please", "—no—", "-",
]


@pytest.mark.parametrize("text", [
    "", " ", "The council met on Tuesday.", "The vote was good.", "It was not good, but fine.",
    "They said no.", "No problem at all", "GREAT news for the town!!!", "kind of sad",
    "The mayor 👍 the plan", "A smile ☺️ today", "“Good,” she wrote.", "(:", "Results: ok.",
    "İstanbul officials met.", "He said it was ſad.", "Is it? Really? Why?",
])
def test_compound_score_matches_vader(analyzer, text):
    assert compound_score(analyzer, text) == analyzer.polarity_scores(text)["compound"]


def test_compound_score_matches_vader_on_mixed_words(analyzer):
    rng = random.Random(7)
    for _ in range(2000):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 12)))
        assert compound_score(analyzer, text) == analyzer.polarity_scores(text)["compound"], text


def test_texts_without_lexicon_words_skip_vader(analyzer, monkeypatch):
    class Strict:
        lexicon = analyzer.lexicon
        emojis = analyzer.emojis

        def polarity_scores(self, text):
            raise AssertionError(f"VADER asked about {text!r}")

    strict = Strict()
    for text in ("The council met on Tuesday.", "Officials — in İstanbul — met at 10 a.m.", ""):
        assert compound_score(strict, text) == 0.0
    with pytest.raises(AssertionError):  # an emoji may stand for a scored word
        compound_score(strict, "The council met 😀")
    with pytest.raises(AssertionError):
        compound_score(strict, "A good meeting.")


def test_emoji_lexicon_has_no_ascii_character(analyzer):
    # compound_score sends no ASCII text to VADER's emoji replacement
    assert not any(c.isascii() for c in analyzer.emojis)
