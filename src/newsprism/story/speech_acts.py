"""What a quotation or post does to the person it addresses: thanks, apologises, rejects,
asks, mocks, insults, praises or criticises.

A pure function of the words, used for quotations, posts and the captions or indirect speech
that narration reports. Cues, each a general pattern of English:

* thanks ("thank you", "thanks to"), apologies ("sorry", "my fault", "I apologize"),
  requests ("I hope you'll reconsider", "please", "don't let"), rejections (a reply opening
  with "no", "nah", "nope", "wrong", "not true");
* mockery: sarcasm in the sense of Riloff et al. (2013), a positive opening ("it's nice to
  see", "love how") followed in the same sentence by something negative;
* insults: an insulting noun ("moron", "lunatic") of the loaded-noun lexicon, or a strongly
  negative person noun;
* otherwise praise or criticism by VADER compound score, above or below a threshold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism import sentiment
from newsprism.story.lexicon import evaluative_lexicon

THANKS = re.compile(r"\b(?:thank(?:s|\s+you|\s+u)?|grateful|gratitude)\b", re.I)
APOLOGY = re.compile(
    r"\b(?:sorry|apologi[sz](?:e|ed|ing)|my\s+apology|my\s+fault|my\s+bad|forgive\s+me|i\s+was\s+wrong)\b", re.I
)
REQUEST = re.compile(
    r"\b(?:i\s+hope\s+you(?:['’]ll|\s+will|\s+would)?|please|i\s+urge\s+you|i\s+beg\s+you|"
    r"you\s+(?:should|must|need\s+to)|(?:don['’]t|do\s+not)\s+let|reconsider|i\s+ask\s+you)\b",
    re.I,
)
REJECTION = re.compile(
    r"^\W*(?:no|nah|nope|wrong|false|not\s+true|not\s+so|that['’]?s\s+not|that\s+ain['’]?t|absolutely\s+not)\b",
    re.I,
)
# "can't make me not love him": two negations around a stance word keep its sign, which
# VADER's single-negation rule flips.
DOUBLE_NEGATION = re.compile(
    r"\b(?:can['’]?t|cannot|won['’]?t|couldn['’]?t|never|nobody|no\s+one)\b[^.!?;]{0,40}?\bnot\s+([a-z]+)", re.I
)
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)")
# The word a period closes, and the initials ("U.S.") whose period ends no sentence.
_LAST_WORD = re.compile(r"([\w.]+)$")
_INITIALS = re.compile(r"(?:[A-Z]\.?)+")
_WORD_CHAR = re.compile(r"\w")
_WORD = re.compile(r"[^\W\d_]+")  # the words an insult is looked for among
# Abbreviations whose period does not end a sentence ("Dr. Darrell Scott", "U.S.").
ABBREVIATIONS = frozenset("dr mr mrs ms st jr sr prof gen sen rep gov lt col sgt capt mt vs etc no".split())
# Positive openings of sarcasm ("It's nice to see ...", "Love how ...", "Great job ...").
_CUES = ((THANKS, "thanks"), (APOLOGY, "apologises"), (REQUEST, "asks"), (REJECTION, "rejects"))
_OPENING_CUES = _CUES[3:]
# Any of the cues searched through the sentence: most sentences hold none, which one search
# tells for less than a search for each (the rejection's is anchored, and cheap).
_ANY_CUE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _CUES[:3]), re.I)
SARCASM_OPENING = re.compile(
    r"^\W*(?:it['’]?s\s+|so\s+|how\s+)?(?:nice|great|good|lovely|wonderful|glad|refreshing|cool)\s+"
    r"(?:to\s+see|to\s+know|that|how|job|move|work)\b"
    r"|^\W*(?:i\s+)?love\s+(?:how|that|it\s+when)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class SpeechAct:
    """One act found in a text: its type, the characters that signal it (``start``/``end``)
    and the sentence it is in (``sentence_start``/``sentence_end``), whose people it targets."""

    type: str
    start: int
    end: int
    cue: str
    sentence_start: int
    sentence_end: int


def speech_acts(text: str, praise: float = 0.5, criticism: float = -0.5) -> tuple[SpeechAct, ...]:
    """The acts a quotation, post or caption performs, sentence by sentence.

    Args:
        text: the quoted or posted words.
        praise: VADER compound score at or above which a sentence praises.
        criticism: score at or below which it criticises.
    """
    acts: list[SpeechAct] = []
    for start, end in sentences(text):
        acts += _sentence_acts(text[start:end], start, praise, criticism)
    return tuple(acts)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence ranges of a short text (leading space trimmed; abbreviations kept inside)."""
    ranges, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if match.group() == "." and _abbreviation_before(text, start, match.start()):
            continue
        ranges.append((start, match.end()))
        start = match.end()
    ranges.append((start, len(text)))
    trimmed = []
    for s, e in ranges:
        while s < e and text[s].isspace():
            s += 1
        if _WORD_CHAR.search(text, s, e):
            trimmed.append((s, e))
    return trimmed


def _abbreviation_before(text: str, start: int, end: int) -> bool:
    """Whether the word of ``text[start:end]`` that ends at ``end`` is an abbreviation or
    initials ("Dr", "U.S"), whose period ends no sentence."""
    word = _LAST_WORD.search(text, start, end)
    return word is not None and (
        word.group(1).lower().rstrip(".") in ABBREVIATIONS or _INITIALS.fullmatch(word.group(1)) is not None
    )


def _sentence_acts(sentence: str, offset: int, praise: float, criticism: float) -> list[SpeechAct]:
    bounds = (offset, offset + len(sentence.rstrip()))
    found: list[tuple[str, int, int, str]] = []
    cues = _CUES if _ANY_CUE.search(sentence) else _OPENING_CUES
    for pattern, kind in cues:
        match = pattern.search(sentence)
        if match:
            found.append((kind, match.start(), match.end(), match.group().strip()))
    opening = SARCASM_OPENING.search(sentence)
    analyzer = sentiment.analyzer()
    if opening and any(
        analyzer.lexicon.get(w.lower(), 0) <= -1.5 for w in re.findall(r"[\w']+", sentence[opening.end():])
    ):
        found.append(("mocks", opening.start(), len(sentence.rstrip()), sentence.strip()))
    insult = _insult(sentence)
    if insult:
        found.append(insult)
    kinds = {k for k, *_ in found}
    # Tone decides only where no more specific act was found.
    if not kinds & {"mocks", "insults", "rejects", "apologises", "asks", "thanks"}:
        score = sentiment.compound_score(analyzer, sentence)
        double = DOUBLE_NEGATION.search(sentence)
        if double:  # the stance word stands, unnegated
            valence = analyzer.lexicon.get(double.group(1).lower(), 0)
            score = max(score, praise) if valence > 0 else min(score, criticism) if valence < 0 else score
        if score >= praise:
            found.append(("praises", 0, len(sentence.rstrip()), f"tone {score:+.2f}"))
        elif score <= criticism:
            found.append(("criticises", 0, len(sentence.rstrip()), f"tone {score:+.2f}"))
    return sorted(
        (SpeechAct(kind, offset + s, offset + e, cue, *bounds) for kind, s, e, cue in found),
        key=lambda a: a.start,
    )


def _insult(text: str) -> tuple[str, int, int, str] | None:
    """The first word of ``text`` that insults someone (:func:`_insulting_word`)."""
    # An insulting word's lower case holds one of the insults, and so then does the text's
    # (str.lower maps character by character, bar a Greek sigma): most sentences hold none,
    # which a few substring searches tell for less than looking at each of their words.
    lower = text.lower()
    if not any(insult in lower for insult in _PERSON_INSULTS):
        return None
    return _insulting_word(text)


def _insulting_word(text: str) -> tuple[str, int, int, str] | None:
    """The first word of ``text`` that is a negative loaded noun naming a person."""
    lexicon = evaluative_lexicon()
    for match in _WORD.finditer(text):
        word = match.group()
        if not _insulting(word):  # a set lookup, before the lexicon's entry
            continue
        entry = lexicon.entry(word.lower(), "NOUN")
        if entry is not None and entry.category == "loaded_noun" and entry.polarity < 0:
            return ("insults", match.start(), match.end(), word)
    return None


def _insulting(word: str) -> bool:
    """Loaded nouns that name a person ("moron", "liar"), not an event ("rant", "spree")."""
    return word.lower().rstrip("s") in _PERSON_INSULTS


# The person-naming subset of the negative loaded nouns of ``loaded_terms.tsv``.
_PERSON_INSULTS = frozenset(
    "lunatic loon crackpot moron idiot clown buffoon hypocrite liar puppet shill crony thug zealot "
    "demagogue".split()
)
