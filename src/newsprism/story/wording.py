"""Word-level relations between two wordings of the same quotation.

The pieces quote fidelity is built from: tokens with offsets, keys that make regional and
typographic variants align, and the tests that tell a spelling correction ("ad" / "add",
"Im" / "I'm") or a regional spelling ("color" / "colour") from a change of meaning (a
negation flipped, a number changed, another word). Word lists come from libraries: regional
pairs from ``breame``, negators from VADER, known English words from the frequency dictionary
``symspellpy`` ships.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import OSA, Levenshtein

# Curly and straight forms of the same mark: differences between them are typography.
TYPOGRAPHY = str.maketrans({
    "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
    "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})
APOSTROPHES = "'’‘`´ʼ"

TOKEN = re.compile(
    # Links are not words anyone said: they are kept apart and never compared.
    r"(?P<url>(?:https?://|pic\.twitter\.com/|www\.)\S+)"
    r"|(?P<word>\d+(?:[.,:]\d+)*(?:[%])?|[^\W\d_](?:[\w]|['’‘`ʼ](?=\w))*)"
    r"|(?P<ellipsis>\.\.\.+|…)"
    r"|(?P<punct>\S)"
)

NUMBER_WORDS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
     "ninety": 90, "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
     "dozen": 12, "half": 0.5, "once": 1, "twice": 2}

# Words that carry grammar rather than content: a change among them is minor.
FUNCTION_WORDS = frozenset(
    """a an the this that these those some any each every all both either of in on at to for
    from by with about as into onto over under than then so and or but if because while when
    where who whom whose which what how why is am are was were be been being do does did have
    has had will would shall should can could may might must i me my mine we us our ours you
    your yours he him his she her hers it its they them their theirs there here just very also
    too up out off again still even only really""".split()
)

# Homophones and near-homophones commonly typed for each other: swapping them is a spelling
# slip, not a change of meaning.
CONFUSABLES = frozenset(
    frozenset(pair) for pair in (
        ("their", "there"), ("their", "they're"), ("there", "they're"), ("your", "you're"),
        ("its", "it's"), ("then", "than"), ("affect", "effect"), ("accept", "except"),
        ("whose", "who's"), ("were", "where"), ("we're", "were"), ("lose", "loose"),
        ("to", "too"), ("of", "off"), ("breath", "breathe"), ("advice", "advise"),
        ("complement", "compliment"), ("principal", "principle"), ("stationary", "stationery"),
        ("weather", "whether"), ("passed", "past"), ("led", "lead"),
    )
)


@dataclass(frozen=True, slots=True)
class Token:
    """One word or mark of a wording: its surface, kind and absolute offsets in the article."""

    text: str
    kind: str  # word, punct, ellipsis, url
    start: int
    end: int
    segment: int = 0  # which quoted fragment of the wording it came from

    @property
    def key(self) -> str:
        return align_key(self.text)


def tokenize(text: str, offset: int = 0, segment: int = 0) -> list[Token]:
    """Words, ellipses and single marks of ``text`` with offsets shifted by ``offset``."""
    tokens = []
    for match in TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        tokens.append(Token(match.group(), kind, match.start() + offset, match.end() + offset, segment))
    return tokens


def typographic(text: str) -> str:
    """Text with curly quotes, dashes and odd spaces in their plain form."""
    return text.translate(TYPOGRAPHY).replace("…", "...")


def letters(word: str) -> str:
    """A word case-folded, without apostrophes or hyphens."""
    return re.sub(r"['’‘`´ʼ\-\s]", "", word.casefold())


@lru_cache(maxsize=1)
def _regional() -> tuple[dict[str, str], dict[str, str]]:
    from breame.data.spelling_constants import AMERICAN_ENGLISH_SPELLINGS, BRITISH_ENGLISH_SPELLINGS

    return AMERICAN_ENGLISH_SPELLINGS, BRITISH_ENGLISH_SPELLINGS


def american(word: str) -> str:
    """The American spelling of a (case-folded) word, or the word itself."""
    return _regional()[1].get(word, word)


def align_key(word: str) -> str:
    """What two wordings must share for their words to align: case, apostrophes and regional
    spelling removed, so that "Colour" and "color", "Im" and "I'm" line up."""
    return american(letters(word))


def regional_pair(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are the American and British spellings of one word."""
    a, b = a.casefold(), b.casefold()
    us_to_uk, uk_to_us = _regional()
    return a != b and (us_to_uk.get(a) == b or uk_to_us.get(a) == b)


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Known English words (the frequency dictionary shipped by symspellpy)."""
    path = resources.files("symspellpy").joinpath("frequency_dictionary_en_82_765.txt")
    with path.open("r", encoding="utf-8") as handle:
        return frozenset(line.split(" ", 1)[0] for line in handle if line.strip())


def known_word(word: str) -> bool:
    return letters(word) in vocabulary()


@lru_cache(maxsize=1)
def negators() -> frozenset[str]:
    from vaderSentiment.vaderSentiment import NEGATE

    return frozenset(letters(w) for w in NEGATE) | {"no", "nobody", "neither", "nor", "cannot"}


def is_negation(word: str) -> bool:
    """A negating word ("not", "never", "can't", "dont")."""
    folded = typographic(word).casefold()
    return folded.endswith("n't") or letters(folded) in negators()


def number_value(word: str) -> float | None:
    """The value of a number token ("80", "1,200", "eighty"), or None."""
    folded = word.casefold().rstrip("%")
    if re.fullmatch(r"\d+(?:,\d{3})*(?:\.\d+)?", folded):
        return float(folded.replace(",", ""))
    return NUMBER_WORDS.get(folded)


def spelling_relation(a: str, b: str) -> str | None:
    """How ``b`` respells ``a`` when the two are one word written two ways, else None.

    Returns one of ``apostrophe`` ("Im" / "I'm"), ``doubled-letter`` ("ad" / "add"),
    ``transposition`` ("teh" / "the"), ``confusable`` ("their" / "there"), ``typo`` (one edit
    where one side is not an English word) or ``spacing`` ("any one" / "anyone").
    """
    fa, fb = typographic(a).casefold(), typographic(b).casefold()
    if fa == fb:
        return None
    if letters(fa) == letters(fb):
        return "spacing" if " " in fa + fb else "apostrophe"
    if frozenset((fa, fb)) in CONFUSABLES:
        return "confusable"
    la, lb = letters(fa), letters(fb)
    if _doubling(la, lb) or _doubling(lb, la):
        return "doubled-letter"
    if OSA.distance(la, lb) == 1 and Levenshtein.distance(la, lb) == 2:
        return "transposition"
    if (
        min(len(la), len(lb)) >= 4
        and Levenshtein.distance(la, lb) == 1
        and (known_word(la) != known_word(lb))
        and not (is_negation(fa) or is_negation(fb))
        and number_value(fa) is None and number_value(fb) is None
    ):
        return "typo"
    return None


def _doubling(short: str, long: str) -> bool:
    """``long`` is ``short`` with one letter doubled ("ad" -> "add", "until" -> "untill")."""
    if len(long) != len(short) + 1:
        return False
    for i in range(1, len(long)):
        if long[i] == long[i - 1] and long[:i] + long[i + 1:] == short:
            return True
    return False


def content_words(tokens: list[Token]) -> list[Token]:
    """The words of ``tokens`` that carry content (not function words, not marks)."""
    return [t for t in tokens if t.kind == "word" and letters(t.text) not in FUNCTION_WORDS]
