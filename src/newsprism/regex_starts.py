"""Running many regular expressions over one text by trying only where a match can start.

Python's ``re`` finds a pattern's literal prefix or first-character set and skips ahead to
it, but not when the pattern opens with a lookbehind or is case-insensitive: then it tries
the whole pattern at every character. The recognisers that open every rule with a
boundary lookbehind (``(?<![\\w@#/])`` for temporal expressions, a stricter one for name
words) paid that for each of a couple of dozen rules over every article, a good part of
their time.

Here each pattern's possible first characters are read from its parsed form once
(:func:`first_chars`), the text's positions where the boundary holds are listed once by
character (:class:`StartIndex`), and :func:`finditer_at` tries the pattern only at the
positions whose character can start it. Given the text's ASCII-folded copy, it tries only
the positions whose first two characters can begin one of the pattern's leading literal runs
(:func:`leading_runs`), and can test there that the copy begins with one. The result is exactly that of ``pattern.finditer``: a position is
left out only when the pattern cannot match there.
"""

from __future__ import annotations

import _sre
import re
import string
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import numpy as np

# The parser of the standard library's engine: the patterns' structure as that engine reads it.
from re import _constants as _c, _parser as _p

_ASCII = [chr(i) for i in range(128)]
_CATEGORIES = {
    _c.CATEGORY_DIGIT: frozenset(c for c in _ASCII if re.match(r"\d", c)),
    _c.CATEGORY_WORD: frozenset(c for c in _ASCII if re.match(r"\w", c)),
    _c.CATEGORY_SPACE: frozenset(c for c in _ASCII if re.match(r"\s", c)),
}
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))


class _Any(Exception):
    """Raised inside the analysis when any character may start a match."""


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The ASCII characters a match of ``pattern`` can start with (any non-ASCII character
    may start one too), or None when any character can, or the match can be empty.

    A case-insensitive letter counts in both cases; lookarounds and anchors are skipped (they
    only narrow where a match starts).
    """
    return _first_chars(pattern.pattern, pattern.flags)


# The analyses are kept by a pattern's source and flags, which make the compiled pattern:
# hashing a compiled pattern hashes all of its code, each time (several microseconds for a
# large rule, looked up for every window the rule is searched in).
@lru_cache(maxsize=256)  # the rules, and the name patterns of the stories lately analysed
def _first_chars(source: str, flags: int) -> frozenset[str] | None:
    try:
        chars, nullable = _sequence(_p.parse(source, flags), flags)
    except _Any:
        return None
    return None if nullable else frozenset(chars)


def _sequence(items, flags: int) -> tuple[set[str], bool]:
    """First characters of a sequence of parsed items, and whether it can match empty."""
    found: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av, flags)
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _item(op, av, flags: int) -> tuple[set[str], bool]:
    ignore = bool(flags & re.IGNORECASE)
    if op is _c.LITERAL:
        return _literal(av, ignore), False
    if op is _c.IN:
        return _charset(av, ignore), False
    if op is _c.BRANCH:
        found: set[str] = set()
        nullable = False
        for alternative in av[1]:
            chars, empty = _sequence(alternative, flags)
            found |= chars
            nullable = nullable or empty
        return found, nullable
    if op is _c.SUBPATTERN:
        _group, add, delete, sub = av
        return _sequence(sub, (flags | add) & ~delete)
    if op in _REPEATS:
        low, _high, sub = av
        chars, nullable = _sequence(sub, flags)
        return chars, nullable or low == 0
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(av, flags)
    if op in _ZERO_WIDTH:
        return set(), True
    raise _Any  # ANY, NOT_LITERAL, group references, conditionals


def _literal(code: int, ignore: bool) -> set[str]:
    char = chr(code)
    if code >= 128:
        if ignore and _sre.unicode_iscased(code):  # it may fold to ASCII (the Kelvin sign to "k")
            raise _Any
        return set()  # it matches no ASCII character (non-ASCII ones are always tried)
    return {char.lower(), char.upper()} if ignore else {char}


def _charset(items, ignore: bool) -> set[str]:
    found: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            found |= _literal(av, ignore)
        elif op is _c.RANGE:
            low, high = av
            if high >= 128 and ignore:
                raise _Any
            for code in range(low, min(high, 127) + 1):
                found |= _literal(code, ignore)
        elif op is _c.CATEGORY and av in _CATEGORIES:
            found |= _CATEGORIES[av]
        else:  # a negated set or category
            raise _Any
    return found


class StartIndex:
    """The positions of ``text`` not preceded by a character of ``boundary`` (a character
    class), by the character at that position (or the two characters there, or the classes
    of the three there, given the text's :class:`TrigramIndex`).

    A pattern that opens with a lookbehind excluding at least those characters can only
    match at these positions. They are found on an array of the text's code points (a regex
    finding them one match object at a time cost as much as the rules that use them).
    """

    __slots__ = ("text", "_starts", "_codes", "_ascii", "_pairs", "_trigrams", "_positions", "_run_positions")

    def __init__(self, text: str, boundary: str = r"[\w@#/]", trigrams: TrigramIndex | None = None) -> None:
        self.text = text
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        self._ascii = np.minimum(codes, 128)  # 128 stands for every character outside ASCII
        in_class = _members(boundary).take(codes, mode="clip")
        for i in np.flatnonzero(codes >= _TABLED).tolist():
            in_class[i] = _member(boundary, text[i])
        free = np.ones(len(text), dtype=bool)
        free[1:] = ~in_class[:-1]
        self._starts = np.flatnonzero(free)
        self._codes = self._ascii[self._starts].astype(np.intp)  # indices, as numpy takes them fastest
        self._pairs: np.ndarray | None = None
        self._trigrams = None if trigrams is None else trigrams.codes(self._starts)
        self._positions: dict[frozenset[str], list[int]] = {}
        self._run_positions: dict[object, list[int]] = {}

    def positions(self, chars: frozenset[str]) -> list[int]:
        """Sorted positions whose character is one of ``chars`` (ASCII) or not ASCII."""
        found = self._positions.get(chars)
        if found is None:
            found = self._positions[chars] = self._starts[_wanted(chars)[self._codes]].tolist()
        return found

    def run_positions(self, runs: frozenset[str], pattern: re.Pattern[str] | None = None) -> list[int]:
        """Sorted positions whose character is not ASCII, or where the text's first two
        characters, ASCII letters in lower case, can begin one of ``runs`` (strings as the
        :func:`ascii_folded` text holds them, see :func:`leading_runs`). Given ``pattern``
        (whose leading runs they are) and an index built with the text's TrigramIndex, only
        those of them where the classes of the three characters can begin a match as well.

        The two characters rule out many more positions than the first alone: most words of
        a text begin with the first letter of some word of a rule, far fewer with the first
        two letters of one. The three classes rule out most of the rest ("the" in "there",
        "a" before any word), and the two characters most of the positions where three
        classes fit ("19" opening a year, against any three digits).
        """
        key = runs if pattern is None or self._trigrams is None else (runs, pattern.pattern, pattern.flags)
        found = self._run_positions.get(key)
        if found is None:
            if self._pairs is None:
                following = np.append(self._ascii, 128)[self._starts + 1]  # past the end: 128
                self._pairs = _LOWER[self._codes] * 129 + _LOWER[following]
            keep = _wanted_pairs(runs).take(self._pairs)
            wanted = None if key is runs else _wanted_trigrams(pattern.pattern, pattern.flags)
            if wanted is not None:
                keep &= wanted.take(self._trigrams)
            found = self._run_positions[key] = self._starts[keep].tolist()
        return found


# ASCII codes (and 128) to those of the characters in lower case
_LOWER = np.arange(129, dtype=np.intp)
_LOWER[ord("A"):ord("Z") + 1] += ord("a") - ord("A")


@lru_cache(maxsize=64)
def _wanted_pairs(runs: frozenset[str]) -> np.ndarray:
    """Which pairs of codes (129 times the first plus the second; 128 for any character
    outside ASCII, or for the end of the text) :meth:`StartIndex.run_positions` keeps."""
    wanted = np.zeros((129, 129), dtype=bool)
    wanted[128, :] = True
    for run in runs:
        if not run[0].isascii():
            continue  # the text's character there is not ASCII either: always kept
        first = ord(run[0])
        if len(run) == 1:
            wanted[first, :] = True
        else:
            wanted[first, ord(run[1]) if run[1].isascii() else 128] = True
            wanted[first, 128] = True  # a character outside ASCII may fold to an ASCII letter
    return wanted.ravel()


@lru_cache(maxsize=256)  # the rules' sets, and those of the name patterns lately searched
def _wanted(chars: frozenset[str]) -> np.ndarray:
    """Which codes (ASCII, and 128 for any other character) :meth:`StartIndex.positions`
    keeps for ``chars``."""
    wanted = np.zeros(129, dtype=bool)
    wanted[[ord(c) for c in chars if c.isascii()]] = True
    wanted[128] = True
    return wanted


@lru_cache(maxsize=8)
def _boundary_class(boundary: str) -> re.Pattern[str]:
    return re.compile(boundary)


# The characters whose membership of a class is read from a table: the alphabets of Europe
# and the general punctuation (the curly quotes and dashes of every news text, which cost a
# lookup each when read one by one)
_TABLED = 0x3000


@lru_cache(maxsize=8)
def _members(boundary: str) -> np.ndarray:
    """Which characters below ``_TABLED`` are in the class, by code; the index ``_TABLED`` is
    False, for the characters past it, read one by one (:func:`_member`)."""
    pattern = _boundary_class(boundary)
    return np.array([pattern.fullmatch(chr(code)) is not None for code in range(_TABLED)] + [False])


@lru_cache(maxsize=4096)
def _member(boundary: str, char: str) -> bool:
    return _boundary_class(boundary).fullmatch(char) is not None


def finditer_at(pattern: re.Pattern[str], index: StartIndex, pos: int = 0, endpos: int | None = None, *,
                folded: str | None = None, lead_test: bool = True) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(index.text, pos, endpos)``, trying only the
    positions of ``index`` that can start a match.

    ``pattern`` must open with a lookbehind that excludes every character of the index's
    boundary class (so that it cannot match anywhere else). With ``folded``, the text's
    :func:`ascii_folded` copy, the positions are those whose first two characters can begin
    one of the pattern's :func:`leading_runs` (or whose character is not ASCII) and, for an
    index built with the text's :class:`TrigramIndex`, whose three characters' classes can
    begin a match (see :meth:`StartIndex.run_positions`), and with
    ``lead_test`` a position is tried only where the folded copy begins with one of those
    runs: for a pattern whose every alternative opens with optional words, a failed try
    costs several times that test.
    """
    text = index.text
    end = len(text) if endpos is None else min(endpos, len(text))
    chars = first_chars(pattern)
    if chars is None:
        yield from pattern.finditer(text, pos, end)
        return
    match_at = pattern.match
    runs = leading_runs(pattern) if folded is not None else None
    lead_pattern = _lead_pattern(pattern.pattern, pattern.flags) if runs and lead_test else None
    lead = None if lead_pattern is None else lead_pattern.match
    positions = index.run_positions(runs, pattern) if runs else index.positions(chars)
    for k in range(bisect_left(positions, pos), len(positions)):
        position = positions[k]
        if position < pos:
            continue
        if position >= end:
            break
        if lead is not None and lead(folded, position) is None and text[position].isascii():
            continue
        match = match_at(text, position, end)
        if match is not None:
            yield match
            pos = match.end()


def finditer_from(pattern: re.Pattern[str], text: str, index: TrigramIndex) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, trying the pattern only at the positions
    whose three characters can begin a match, as ``index`` (the text's :class:`TrigramIndex`)
    lists them.

    ``re`` skips ahead only to a pattern's literal prefix or first-character set, testing the
    set at every character and entering the pattern wherever a character fits: for an
    alternation of words that begin with common letters, or a pattern that opens with a
    digit, that costs several times the lookup of every position's three characters in a
    table (and ``str.find`` for each word scans the text once per word).
    """
    positions = index.positions(pattern)
    if positions is None:
        yield from pattern.finditer(text)
        return
    match_at = pattern.match
    pos = 0
    for start in positions:
        if start >= pos and (match := match_at(text, start)) is not None:
            yield match
            pos = match.end()


_MAX_RUN = 10  # longer runs are cut: a run's beginning is as necessary as the run
_MAX_SPACED_RUN = 7  # the runs across spaces multiply with each word: cut shorter
_MAX_RUNS = 4096
_MAX_CLASS_RUNS = 256  # a spaced run goes on through a class only while the runs stay this few
_OTHER = "\ufffe"  # in a spaced run: any character outside ASCII
_SPACES = (_c.IN, [(_c.CATEGORY, _c.CATEGORY_SPACE)])


class _Unknown(Exception):
    """Raised inside the analysis when a match may begin with anything."""


def leading_runs(pattern: re.Pattern[str], *, spaced: bool = False) -> frozenset[str] | None:
    """Strings, one of which begins the :func:`ascii_folded` copy of the text wherever a
    match of ``pattern`` begins with an ASCII character; None when no such set is known.

    Each run is the literal characters a way through the pattern opens with, as the folded
    text holds them (ASCII letters in lower case; a case-insensitive one stands for each of
    its cases), ended by anything else (a class, a repeat that may run again) or cut at
    ``_MAX_RUN`` characters; a class opening the pattern gives each of its ASCII characters.
    Optional parts give the runs with and without them; lookarounds and anchors are skipped
    (they only narrow where a match begins).

    With ``spaced``, a run goes on across a run of whitespace (``\\s+``), which it holds as
    one space, and through a small class (a digit, ``[ap]``: one run for each of its
    characters, ``_OTHER`` standing for any character outside ASCII), and is cut at
    ``_MAX_SPACED_RUN`` characters: "the" followed by a number or by "past" instead of "the"
    alone. Such a run begins the folded text where that text matches it with any whitespace
    for its spaces and any character outside ASCII for ``_OTHER`` (see :func:`_lead_pattern`).
    """
    return _leading_runs(pattern.pattern, pattern.flags, spaced)


@lru_cache(maxsize=64)  # by source and flags: see _first_chars
def _leading_runs(source: str, flags: int, spaced: bool) -> frozenset[str] | None:
    try:
        runs = _runs(_p.parse(source, flags), flags, {("", True)}, spaced)
    except _Unknown:
        return None
    found = frozenset(run for run, _ in runs)
    return None if "" in found else found


def _runs(items, flags: int, runs: set[tuple[str, bool]], spaced: bool) -> set[tuple[str, bool]]:
    """The runs (run, still open) after a sequence of parsed items, from those before it."""
    for op, av in items:
        if not any(open_ for _, open_ in runs):
            break
        runs = _run_step(op, av, flags, runs, spaced)
        if len(runs) > _MAX_RUNS:
            raise _Unknown
    return runs


def _run_step(op, av, flags: int, runs: set[tuple[str, bool]], spaced: bool) -> set[tuple[str, bool]]:
    ignore = bool(flags & re.IGNORECASE)
    ended = {(run, open_) for run, open_ in runs if not open_}
    going = {run for run, open_ in runs if open_}
    limit = _MAX_SPACED_RUN if spaced else _MAX_RUN
    if op in _ZERO_WIDTH:
        return runs
    if op is _c.LITERAL:
        char = chr(av)
        if not char.isascii() and ignore and _sre.unicode_iscased(av):
            raise _Unknown  # it matches characters the folded text keeps apart
        folded = char.lower() if char.isascii() else ascii_folded(char)
        return ended | {(run + folded, len(run) + 1 < limit) for run in going}
    if spaced and op in _REPEATS and av[0] >= 1 and list(av[2]) == [_SPACES] and "" not in going:
        return ended | {(run + " ", len(run) + 1 < limit) for run in going}
    if op is _c.IN:
        if "" in going:
            ended |= {(char, False) for char in _class_chars(av, ignore)}
        chars = _small_class_chars(av, ignore) if spaced else None
        if chars is None or len(going) * len(chars) > _MAX_CLASS_RUNS:
            return ended | {(run, False) for run in going if run}
        return ended | {(run + char, len(run) + 1 < limit) for run in going if run for char in chars}
    if op is _c.BRANCH:
        for alternative in av[1]:
            ended |= _runs(alternative, flags, {(run, True) for run in going}, spaced)
        return ended
    if op is _c.SUBPATTERN:
        _group, add, delete, sub = av
        return ended | _runs(sub, (flags | add) & ~delete, {(run, True) for run in going}, spaced)
    if op in _REPEATS:
        low, high, sub = av
        once = _runs(sub, flags, {(run, True) for run in going}, spaced)
        if high != 1:  # another time may follow: the run ends with the first
            once = {(run, False) for run, _ in once}
        return ended | once | ({(run, True) for run in going} if low == 0 else set())
    if "" in going:  # any character, a group reference ...
        raise _Unknown
    return ended | {(run, False) for run in going}


def _class_chars(items, ignore: bool) -> set[str]:
    """The class's ASCII characters as the folded text holds them (a non-ASCII character of
    the text is always tried); raises _Unknown where that is not known."""
    found: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            codes: Iterable[int] = (av,)
        elif op is _c.RANGE:
            codes = range(av[0], min(av[1], 0x212A) + 1)  # past the Kelvin sign, no fold to ASCII
        elif op is _c.CATEGORY and av in _CATEGORIES:
            codes = (ord(char) for char in _CATEGORIES[av])
        else:  # a negated set or category
            raise _Unknown
        for code in codes:
            char = chr(code)
            if char.isascii():
                found.add(char.lower())
            elif ignore and _sre.unicode_iscased(code):
                raise _Unknown
            elif ascii_folded(char).isascii():
                found.add(ascii_folded(char))
    return found


@lru_cache(maxsize=64)  # by source and flags: see _first_chars
def _lead_pattern(source: str, flags: int) -> re.Pattern[str] | None:
    """What the folded text matches where it begins with one of the pattern's spaced
    :func:`leading_runs` (a space of a run standing for any run of whitespace), as a trie;
    None where those runs are not known."""
    runs = _leading_runs(source, flags, True)
    return None if runs is None else re.compile(_trie_pattern(_trie(runs), _lead_char))


def _lead_char(char: str) -> str:
    # a literal space of the pattern gives a space too: \s+ matches more, never less
    return r"\s+" if char == " " else r"[^\x00-\x7f]" if char == _OTHER else re.escape(char)


def _small_class_chars(items, ignore: bool) -> set[str] | None:
    """The characters a class of a dozen characters at most matches, as the folded text holds
    them (``_OTHER`` for those outside ASCII); None for a larger class, or where not known.

    A run goes on through such a class in a spaced lead test: the duration rule's "the",
    "about" or "all" before a number were tried before every word.
    """
    found: set[str] = set()
    for op, av in items:
        if op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            found |= set(string.digits) | {_OTHER}  # and the digits of other scripts
            continue
        if op is _c.LITERAL:
            codes: Iterable[int] = (av,)
        elif op is _c.RANGE and av[1] - av[0] < 12:
            codes = range(av[0], av[1] + 1)
        else:  # a larger class, a negated one
            return None
        for code in codes:
            if ignore and code >= 128 and _sre.unicode_iscased(code):
                return None  # it matches characters the folded text keeps apart
            found.add(ascii_folded(chr(code)))
    return found if len(found) <= 12 else None


# The characters that the engine's case-insensitive matching takes for an ASCII lowercase
# letter besides its capital: the dotted and dotless I, the long S and the Kelvin sign
# (the tests check this against every code point).
_FOLDS = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}
# Every character that a case-insensitive ASCII letter matches, mapped to that letter in lower
# case: the upper-case letters and the folds above.
_ASCII_FOLDS = str.maketrans({**{c: c.lower() for c in string.ascii_uppercase},
                              **{fold: letter for letter, folds in _FOLDS.items() for fold in folds}})
# The same as an array of code points, indexed by every code point up to the last it changes.
_FOLDED_CODES = np.arange(max(_ASCII_FOLDS) + 1, dtype=np.uint32)
_FOLDED_CODES[list(_ASCII_FOLDS)] = [ord(letter) for letter in _ASCII_FOLDS.values()]


def ascii_folded(text: str) -> str:
    """``text`` with each character that a case-insensitive ASCII letter matches replaced by
    that letter in lower case, and nothing else changed (same length, same offsets).

    A pattern whose letters are all lower-case ASCII then finds here, case-sensitively, the
    matches its case-insensitive form finds in ``text``; ``re`` skips ahead to the possible
    first characters of the first, but tries the second at every position.
    """
    if text.isascii():
        return text.lower()
    # mapped on the array of code points: str.translate looks every character up in a dict,
    # and news text has non-ASCII characters (curly quotes, dashes) in every paragraph
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).copy()
    mapped = codes < len(_FOLDED_CODES)
    codes[mapped] = _FOLDED_CODES[codes[mapped]]
    return codes.tobytes().decode("utf-32-le", "surrogatepass")


class TrigramIndex:
    """The positions of a text by the classes (see :func:`char_class`) of the three
    characters there, to list where a pattern can begin a match.

    It is built from the text's :func:`ascii_folded` copy, whose characters have the classes
    of the text's: one index serves the patterns searched in either.
    """

    __slots__ = ("_trigrams",)

    def __init__(self, folded: str) -> None:
        codes = np.frombuffer(folded.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        classes = np.zeros(len(folded) + 2, dtype=np.intp)  # past the end: any class will do
        _CLASSES.take(codes, out=classes[:len(folded)], mode="clip")  # past ASCII: the last, 0
        trigrams = classes[:-2] << 10
        trigrams |= classes[1:-1] << 5
        trigrams |= classes[2:]
        self._trigrams = trigrams

    def codes(self, positions: np.ndarray) -> np.ndarray:
        """The codes of the trigrams at ``positions`` (indices into the text)."""
        return self._trigrams.take(positions)

    def positions(self, pattern: re.Pattern[str]) -> list[int] | None:
        """Sorted positions where a match of ``pattern`` may begin (every position where one
        does, and others), or None where the pattern's first characters are not known."""
        wanted = _wanted_trigrams(pattern.pattern, pattern.flags)
        return None if wanted is None else wanted.take(self._trigrams).nonzero()[0].tolist()


_CLASS_COUNT = 30  # 0 for characters outside ASCII; letters, digits, spaces, the rest of ASCII
_ALL_CLASSES = frozenset(range(_CLASS_COUNT))


def char_class(char: str) -> int:
    """The class of a character in a :class:`TrigramIndex`: 1-26 for an ASCII letter in either
    case or a character that folds to one (see :func:`ascii_folded`), 27 for an ASCII digit,
    28 for ASCII whitespace, 29 for the rest of ASCII, 0 for every other character.

    Characters that match one another ignoring case have the same class (the tests check this
    against every code point), so a case-insensitive pattern needs no other classes.
    """
    char = char.translate(_ASCII_FOLDS)
    if not char.isascii():
        return 0
    if char.islower():
        return ord(char) - ord("a") + 1
    return 27 if char.isdigit() else 28 if char.isspace() else 29


_CLASSES = np.array([char_class(c) for c in _ASCII] + [0], dtype=np.intp)  # by code; 128: outside ASCII
_FOLD_CHARS = "".join(_FOLDS.values())
# The classes of the characters of each category: those of its ASCII characters and folds,
# and 0 (every category holds characters outside ASCII too).
_CATEGORY_CLASSES = {
    getattr(_c, "CATEGORY_" + name): frozenset({0} | {char_class(c) for c in _ASCII + list(_FOLD_CHARS) if re.fullmatch(pattern, c)})
    for name, pattern in (("DIGIT", r"\d"), ("NOT_DIGIT", r"\D"), ("WORD", r"\w"), ("NOT_WORD", r"\W"),
                          ("SPACE", r"\s"), ("NOT_SPACE", r"\S"))
}
_MAX_PREFIXES = 4096


@lru_cache(maxsize=64)  # by source and flags: see _first_chars
def _wanted_trigrams(source: str, flags: int) -> np.ndarray | None:
    """Which trigrams of classes (as :class:`TrigramIndex` codes them) can begin a match."""
    try:
        prefixes = _prefixes(_p.parse(source, flags), flags, {((), True)})
    except _Unknown:
        return None
    if any(not prefix for prefix, _ in prefixes):
        return None  # the match can be empty, or begin with anything
    wanted = np.zeros((32, 32, 32), dtype=bool)
    for prefix, _ in prefixes:
        wanted[np.ix_(*(sorted(classes) for classes in prefix + (_ALL_CLASSES,) * (3 - len(prefix))))] = True
    return wanted.ravel()


def _prefixes(items, flags: int, prefixes: set[tuple[tuple[frozenset[int], ...], bool]]) -> set:
    """The prefixes (the classes of each of the first three characters of a match, and
    whether the prefix is still open) after a sequence of parsed items, from those before
    it. A closed prefix shorter than three lets any characters follow."""
    for op, av in items:
        if not any(open_ for _, open_ in prefixes):
            break
        prefixes = _prefix_step(op, av, flags, prefixes)
        if len(prefixes) > _MAX_PREFIXES:
            raise _Unknown
    return prefixes


def _prefix_step(op, av, flags: int, prefixes: set) -> set:
    ended = {(prefix, open_) for prefix, open_ in prefixes if not open_}
    going = {(prefix, True) for prefix, open_ in prefixes if open_}
    if op in _ZERO_WIDTH:
        return prefixes
    if op in (_c.LITERAL, _c.IN, _c.ANY, _c.NOT_LITERAL):
        classes = _item_classes(op, av, bool(flags & re.IGNORECASE))
        return ended | {(prefix + (classes,), len(prefix) < 2) for prefix, _ in going}
    if op is _c.BRANCH:
        for alternative in av[1]:
            ended |= _prefixes(alternative, flags, going)
        return ended
    if op is _c.SUBPATTERN:
        _group, add, delete, sub = av
        return ended | _prefixes(sub, (flags | add) & ~delete, going)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return ended | _prefixes(av, flags, going)
    if op in _REPEATS:
        low, high, sub = av
        for _ in range(min(low, 3)):  # past three passes every prefix is closed, or the sub empty
            going = _prefixes(sub, flags, going)
        if high > low:  # any number of further passes: every prefix they reach
            reached, frontier = set(going), {state for state in going if state[1]}
            while frontier:
                added = _prefixes(sub, flags, frontier) - reached
                reached |= added
                frontier = {state for state in added if state[1]}
            going = reached
        return ended | going
    return ended | {(prefix, False) for prefix, _ in going}  # a group reference ...: anything may follow


def _item_classes(op, av, ignore: bool) -> frozenset[int]:
    """The classes of the characters one parsed item (a character or a set) can match."""
    if op is _c.LITERAL:
        return frozenset({char_class(chr(av))})
    if op is not _c.IN:
        return _ALL_CLASSES
    found: set[int] = set()
    for kind, value in av:
        if kind is _c.LITERAL:
            found.add(char_class(chr(value)))
        elif kind is _c.RANGE:
            low, high = value
            found |= {char_class(chr(code)) for code in range(low, min(high, 127) + 1)}
            found |= {char_class(fold) for fold in _FOLD_CHARS if low <= ord(fold) <= high}
            if high >= 128:
                found.add(0)
                if ignore:  # a character outside ASCII may match one of the folds
                    found |= {char_class(letter) for letter in _FOLDS}
        elif kind is _c.CATEGORY and value in _CATEGORY_CLASSES:
            found |= _CATEGORY_CLASSES[value]
        else:  # a negated set ...
            return _ALL_CLASSES
    return frozenset(found)


def longest_first(words: Iterable[str], *, ignorecase: bool = False) -> str:
    """A regex alternation of the literal ``words`` that prefers the longest word matching at
    a position (then the next longest, when what follows the alternation fails).

    Written as a trie (``co(?:mey|nway|)``): the words that can match at one position all lie
    on one path of the trie, which the engine tries deepest first, exactly the order of the
    plain longest-first alternation it replaces, but it tests a few dozen first letters where
    that tried every word in turn.

    With ``ignorecase`` the pattern is meant for the text's :func:`ascii_folded` copy, where
    it finds what the words' case-insensitive alternation finds in the text itself. When every
    character of the words is ASCII lower case or has no case, that is the trie matching with
    case: the folded copy holds in lower case every character such a word can match, and the
    engine skips a branch whose first literal does not fit without entering it, which it
    cannot do for a case-insensitive one (a position costs a few tests instead of a try of
    every first letter). Otherwise two different characters of the words may match the same
    text character, so the words matching at a position need not lie on one path: the pattern
    is then the plain alternation, case-insensitive, which finds the same matches in the
    folded copy as in the text (a case-insensitive character matches a character that
    ascii_folded replaces exactly when it matches the replacement).
    """
    ordered = sorted(words, key=len, reverse=True)
    if ignorecase and not folds_apart(ordered):
        return "(?i:" + "|".join(re.escape(w) for w in ordered) + ")"
    return _trie_pattern(_trie(ordered))


def folds_apart(words: Iterable[str]) -> bool:
    """Whether :func:`longest_first` with ``ignorecase`` writes ``words`` as a trie that
    matches with case: the word a match of it holds is then the folded text it spans."""
    joined = "".join(words)
    if joined.isascii():  # nearly always: one test of the whole, not one per character
        return joined == joined.lower()
    return all(_folds_apart(c) for c in joined)


def _folds_apart(char: str) -> bool:
    """Whether ``char`` matches, ignoring case, no other character of a trie's words: an ASCII
    character in lower case, or a character without case (which matches only itself)."""
    return (char.isascii() and char == char.lower()) or not _sre.unicode_iscased(ord(char))


def _trie(words: Iterable[str]) -> dict:
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return trie


def _trie_pattern(node: dict, escape: Callable[[str], str] = re.escape) -> str:
    branches = [escape(char) + _trie_pattern(child, escape) for char, child in sorted(node.items()) if char]
    if "" in node:
        branches.append("")  # ending here is the last choice: longer words first
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
