"""Speech acts: the shortcuts give what the plain reading gives."""

from __future__ import annotations

import random
import pytest

from newsprism.story.speech_acts import _abbreviation_before, _insult, _insulting_word, sentences, speech_acts

# Words around the insults: near misses ("balloon" holds "loon"), plurals, capitals, a Kelvin
# sign that lower-cases to "k", a dotted capital I that does not, Greek sigmas, digits.
WORDS = [
    "moron", "Morons", "MORONS", "liar", "liars’", "LIAR's", "balloon", "loony", "cracKpot",
    "crackpots", "İdiot", "idiots", "idiotic", "clownish", "Clown", "thugs", "thuggery", "ΣΣ",
    "ΟΔΟΣ", "zealot2", "_liar", "puppet-master", "shill", "the", "is", "a", "mayor", "U.S.",
    "Dr.", "no", "sorry", "thank", "you", "not", "love", "hate", "…", "!", "?", ".", ",", "“", "”",
]


@pytest.mark.parametrize("text", [
    "He is a moron.", "Morons, all of them", "MORONS", "What a balloon", "A cracKpot idea",
    "İdiot", "liars’ club", "The zealot2 account", "_liar", "ΟΔΟΣ moron", "nothing here", "",
])
def test_insult_shortcut_matches_the_word_scan(text):
    assert _insult(text) == _insulting_word(text)


def test_insult_shortcut_matches_the_word_scan_on_random_mixes():
    rng = random.Random(7)
    for _ in range(3000):
        text = rng.choice(["", " "]).join(rng.choices(WORDS, k=rng.randint(1, 8)))
        assert _insult(text) == _insulting_word(text), text


def test_abbreviation_read_in_place_as_on_the_slice():
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice([" ", "", "\n"]) + w for w in rng.choices(WORDS, k=rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _abbreviation_before(text, start, end) == _abbreviation_before(text[start:end], 0, end - start), text


@pytest.mark.parametrize("text, expected", [
    ("Dr. Bello left. The U.S. won.", ["Dr. Bello left.", "The U.S. won."]),
    ("No. 5 is here. It is.", ["No. 5 is here.", "It is."]),
    ("A.B. Smith.\nGo...  Now!", ["A.B. Smith.", "Go...", "Now!"]),
    ("Hi. … !", ["Hi."]),
])
def test_sentences(text, expected):
    assert [text[s:e] for s, e in sentences(text)] == expected


def test_thresholds_decide_praise():
    text = "It was a good day."
    low = speech_acts(text, 0.2, -0.2)
    high = speech_acts(text, 0.9, -0.9)
    assert [a.type for a in low] == ["praises"] and high == ()


def test_a_sentence_without_any_cue_holds_none_of_them():
    import random

    from newsprism.story.speech_acts import _ANY_CUE, APOLOGY, REQUEST, THANKS

    pieces = ["thank", "s", " you", "Thanks to", "grateful", "sorry", "apologised", "my fault", "my bad",
              "forgive me", "I was wrong", "I hope you'll", "please", "you must", "don’t let", "reconsider",
              "I ask you", "the", " ", ",", "no", "ank", "thankful", "unsorry", "pleased", "X", "é", "\n",
              "ſorry", "thanK", "apologıze", "PLEASE", "İ was wrong"]
    rng = random.Random(11)
    texts = pieces + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    for text in texts:
        assert bool(_ANY_CUE.search(text)) == any(p.search(text) for p in (THANKS, APOLOGY, REQUEST)), text
