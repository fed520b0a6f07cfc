"""Name words found again in an article: the story's one pattern, corrected where it matches
another article's first name, finds what the article's own pattern finds."""

import random
import re

import pytest

from newsprism.story.people import _StoryWords, _initials_pattern, _word_matches

WORDS = ["jean", "jean-pierre", "jeanne", "pierre", "o", "o'neil", "o’neil", "neil", "west", "kanye", "ye",
         "legend", "kim", "smith", "smithson", "al", "al-sisi", "sisi", "k", "cruz—35", "s",
         "o's.neil"]  # a possessive inside a longer word: the shorter one's match ends after it
TEXTS = [
    "Jean-Pierre met Jeanne and JEAN; Pierre's aide, jean-pierre’s car, Jean-Pierre-Luc.",
    "O'Neil's report and O’NEIL’S reply; O'Neil, Neil, o'neil—and O'Neilson.",
    "Kanye West (@kanyewest) and Ye; West's album, the West, \u212aanye \u212aIM, KİM and kım.",
    "Smithson Smith, SMITH'S, smiths, Al-Sisi said; al sisi, Al, Sisi-led, #Smith, /smith, .smith",
    "Cruz—35 and CRUZ—35s; Legend-ary Legend's Legend’s; ſmith and S.",
    "O's.Neil and o's.neil; O’s.",
]


def _expected(text: str, words: list[str]) -> list[tuple[int, int]]:
    """The article's own case-insensitive pattern, longest word first, on the text itself."""
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w@/.#-])(" + alternation + r")(?:'s|’s)?(?![\w@-])", re.IGNORECASE)
    return [m.span(1) for m in pattern.finditer(text)]


@pytest.mark.parametrize("every", [WORDS, WORDS + ["josé", "yıldırım"]])
def test_article_words_are_found_through_the_story_pattern(every):
    rng = random.Random(len(every))
    full_by_word = {"last": {w: set() for w in every[::2]}, "first": {w: set() for w in every[1::2]}}
    story_words = _StoryWords(full_by_word)
    for text in TEXTS + [t.upper() for t in TEXTS] + [t.lower() for t in TEXTS]:
        for size in (len(every), 1, 3, 8, len(every) - 1):
            for _ in range(6):
                words = set(rng.sample(every, size))
                assert _word_matches(text, words, story_words) == _expected(text, sorted(words)), (text, words)


INITIALS_TEXTS = [
    "JL and JLM met AB-CD, @JL, #JL, /JL, xJL, _JL, 3JL, JL3, JL@x, JL's, JL-led, (JL), \"JL\".",
    "JL", "A", "ABCDEFG HIJ KL M NOPQ", "J.L. J L; éJL ÉJL JLé JLÉ", "",
]


def _plain_initials(text: str, low: int, high: int) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<![\w@#/])([A-Z]{{{low},{high}}})(?![\w@])")
    return [m.span(1) for m in pattern.finditer(text) if m.group(1)]


@pytest.mark.parametrize("low,high", [(2, 3), (1, 1), (0, 3), (0, 0), (2, 2), (3, 5), (1, 4)])
def test_initials_pattern_finds_the_tokens_of_the_plain_pattern(low, high):
    rng = random.Random(low * 10 + high)
    alphabet = "ABJLxé3_@#/-.' "
    texts = INITIALS_TEXTS + ["".join(rng.choice(alphabet) for _ in range(40)) for _ in range(300)]
    pattern = _initials_pattern(low, high)
    for text in texts:
        found = [m.span(1) for m in pattern.finditer(text)] if pattern is not None else []
        assert found == _plain_initials(text, low, high), (text, low, high)
