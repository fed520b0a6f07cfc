import _sre
import re
import string
import sys

import pytest

from newsprism.extract.timex_patterns import BOUNDARY, RULES
from newsprism.regex_starts import (
    _FOLDS,
    StartIndex,
    TrigramIndex,
    ascii_folded,
    char_class,
    finditer_at,
    finditer_from,
    first_chars,
    leading_runs,
    longest_first,
)

_ASCII_CHARS = [chr(i) for i in range(128)]
TEXTS = [
    "Last week, on Friday at 3 p.m., the council met; 'Tis the season. In 1990 to 2000...",
    "He said two years ago that next month's vote (#Friday @May) would be early next week.",
    "ſeconds and \u212aelvin: the Kelvin sign folds to k, the long s to s, İstanbul to i.",
    "",
    "a",
    "@handle/path#tag word_word 12:30pm 7am-9am “Monday” ‘spring’ “Tuesday nights”",
]
PATTERNS = [
    r"(?<![\w@#/])(?:\d+\s*(?:am|pm))",
    r"(?<![\w@#/])(?i:k\w+|s\w+|i\w+)",
    r"(?<![\w@#/])(?:(?i:the\s+)?(?:next|last)\s+(?i:week|month))",
    r"(?<![\w@#/])(?:[^\W\d]+)",  # a negated category: every position is tried
    r"(?<![\w@#/])(?:x?)",  # can match empty: every position is tried
    r"(?<![\w@#/])(?:['’]\d\d|“\w+”)",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("pattern", PATTERNS + [p.pattern for _, p in RULES])
@pytest.mark.parametrize("trigrams", [False, True])
def test_finditer_at_finds_what_finditer_finds(pattern, text, trigrams):
    compiled = re.compile(pattern)
    folded = ascii_folded(text)
    index = StartIndex(text, BOUNDARY, TrigramIndex(folded) if trigrams else None)
    expected = [m.span() for m in compiled.finditer(text)]
    assert [m.span() for m in finditer_at(compiled, index)] == expected
    assert [m.span() for m in finditer_at(compiled, index, folded=folded)] == expected
    assert [m.span() for m in finditer_at(compiled, index, folded=folded, lead_test=False)] == expected
    # inside a window, as pattern.finditer(text, pos, endpos)
    for start, end in ((3, 40), (10, 11), (0, len(text)), (20, 5)):
        expected = [m.span() for m in compiled.finditer(text, start, end)]
        assert [m.span() for m in finditer_at(compiled, index, start, end)] == expected
        assert [m.span() for m in finditer_at(compiled, index, start, end, folded=folded)] == expected
        assert [m.span() for m in finditer_at(compiled, index, start, end, folded=folded, lead_test=False)] == expected


@pytest.mark.parametrize("pattern, expected", [
    (r"abc", "a"),
    (r"(?i)abc", "Aa"),
    (r"(?:x|y)?z", "xyz"),
    (r"(?<!q)(?=b)b", "b"),
    (r"\d+", "0123456789"),
    (r"[a-c]|[^d]", None),
    (r"a*", None),
    (r"(?i)\u212a", None),  # a non-ASCII letter may fold to an ASCII one
    (r"(?i)‘x|y", "Yy"),  # a curly quote has no case: only itself (non-ASCII, always tried)
    (r".", None),
])
def test_first_chars(pattern, expected):
    chars = first_chars(re.compile(pattern))
    assert (None if chars is None else "".join(sorted(chars))) == expected


@pytest.mark.parametrize("pattern, expected", [
    (r"abc", {"abc"}),
    (r"(?i)ABC|x", {"abc", "x"}),
    (r"FY\d\d|Fall", {"fy", "fall"}),  # as the folded text holds them
    (r"(?i:the\s+)?(?:next|last)\s+week", {"the", "next", "last"}),
    (r"(?:x|yy)?z", {"xz", "yyz", "z"}),
    (r"(?:x|y)?z", {"x", "y", "z"}),  # read as a class [xy]: its characters alone
    (r"a(?=b)b|(?<!q)c\b", {"ab", "c"}),  # lookarounds and anchors skipped
    (r"ab+c", {"ab"}),  # a repeat that may run again ends the run
    (r"ab?c", {"abc", "ac"}),
    (r"\d+th", set("0123456789")),
    (r"x\dy", {"x"}),  # a class after a literal ends the run
    (r"[A-C]x", {"a", "b", "c"}),
    (r"(?i)[\u212a]", None),  # a non-ASCII letter may match an ASCII one ignoring case
    (r"(?i)‘s", {"‘s"}),  # a curly quote has no case
    (r"İs", {"is"}),  # the folded text holds the dotted capital I as i
    (r"(?i)\u212aelvin", None),
    (r"abcdefghijklmnop", {"abcdefghij"}),  # cut: its beginning is as necessary
    (r"a*", None),
    (r"[^x]y", None),
    (r".", None),
    (r"x|", None),
])
def test_leading_runs(pattern, expected):
    runs = leading_runs(re.compile(pattern))
    assert (None if runs is None else set(runs)) == expected


@pytest.mark.parametrize("boundary", [BOUNDARY, r"[\w@/.#-]", r"[\s]"])
def test_start_index_holds_the_positions_after_no_boundary_character(boundary):
    import random

    rng = random.Random(boundary)
    chars = list("ab 1_@#/.-\n") + ["é", "ß", "“", "”", "—", "\xa0", "\u2003", "ж", "\u2fff", "\u3000", "\u3001", "中",
                                   "\u0663", "\U0001f600", "\ud800", "\u212a"]
    member = re.compile(boundary)
    for _ in range(300):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 12)))
        expected = [p for p in range(len(text)) if p == 0 or not member.fullmatch(text[p - 1])]
        assert StartIndex(text, boundary).positions(frozenset(_ASCII_CHARS)) == expected, text


@pytest.mark.parametrize("pattern, expected", [
    (r"(?i:the\s+)?(?:next|last)\s+week", {"the nex", "the las", "next we", "last we"}),
    (r"a\s*b|c\s+|d\s?e", {"ab", "a", "c ", "de", "d"}),  # only a repeat of one or more goes on
    (r"\s+x", {chr(i) for i in range(128) if chr(i).isspace()}),  # opening the pattern: a class
    (r"a couple\s+of", {"a coupl"}),
    # through a small class, one run for each of its characters (and any outside ASCII)
    (r"(?:at\s+least|about)\s+\d+\s+days", {"at leas", "about \ufffe"} | {"about " + d for d in string.digits}),
    (r"x\s+[ap]\.?m|’[0-9]0s|a[ß-à]", {"x am", "x pm", "x a.m", "x p.m", "aß", "aà"} | {f"’{d}0s" for d in string.digits}),
    (r"(?i:a[k-l])|b[\w]c|c[^a]", {"ak", "al", "b", "c"}),  # a large class or a negated one ends the run
    (r"(?i:x[\u0130-\u0131])", {"x"}),  # characters that fold to ASCII ignoring case: not known
])
def test_spaced_leading_runs(pattern, expected):
    assert set(leading_runs(re.compile(pattern), spaced=True)) == expected


LEAD_WORDS = ["the", "THE", "Next", "next", "last", "week", "WEEK", "weeks", "the  next", "ſecond", "\u212aelvin",
              "İn", "in", "ın", "x", "xz", "yz", "z", "Z", "3", "30th", "۳", "‘s", "’", "FY20", "fy20", "Fall", "FALL",
              "fall", "-", ".", ",", "\n", "é", "É", "thé", "a few", "A FEW", "@next", "#week", "/the",
              # and the words of temporal expressions, for the rules
              "two", "Two", "days", "ago", "morning", "Friday", "March", "May", "2018", "10:30", "p.m.", "each",
              "every", "Christmas", "about", "more than", "years", "the past", "earlier", "today", "nights", "Sept.",
              "25", "o’clock", "quarter", "third", "early", "mid-", "1990s", "since", "now", "the\tpast",
              "a\xa0few", "at\n\nleast", "about  two", "more\u2003than", "the 3", "about ۳", "5pm", "5 AM", "xİ", "xı",
              "x\u212a", "XK"]
LEAD_PATTERNS = [
    r"(?<![\w@#/])(?:(?i:the\s+|about\s+)?\d+\s*(?i:[ap]m|days?)|(?i:x[\u0130-\u0131k]))",
    r"(?<![\w@#/])(?:(?i:the\s+)?(?:next|last)\s+(?i:weeks?))",
    r"(?<![\w@#/])(?i:(?:a\s+few|few|some)\s+(?:seconds?|weeks?)|kelvin|in\b|é)",
    r"(?<![\w@#/])(?:FY\d\d|Fall|İn|\d+th|‘s|(?:x|y)?z)",
]


def _mixes(seed: str, words: list[str], most: int, joins: tuple[str, ...] = (" ", "", "  ", "\n")):
    """300 random texts of 1 to ``most`` of ``words``, each joined by one of ``joins``."""
    import random

    rng = random.Random(seed)
    for _ in range(300):
        yield rng.choice(joins).join(rng.choice(words) for _ in range(rng.randint(1, most)))


@pytest.mark.parametrize("pattern", LEAD_PATTERNS + [p.pattern for _, p in RULES])
def test_finditer_at_with_leading_runs_finds_what_finditer_finds(pattern):
    compiled = re.compile(pattern)
    for text in _mixes(pattern, LEAD_WORDS, 10):
        folded = ascii_folded(text)
        expected = [m.span() for m in compiled.finditer(text)]
        for index in (StartIndex(text, BOUNDARY), StartIndex(text, BOUNDARY, TrigramIndex(folded))):
            for lead_test in (True, False):
                found = finditer_at(compiled, index, folded=folded, lead_test=lead_test)
                assert [m.span() for m in found] == expected, text


@pytest.mark.parametrize("runs", [
    {"the", "next", "a"}, {"x"}, {"’9", "'9"}, {"o’clock", "o'clock"}, {"fy", "20", "1"}, {"é", "ée"}, {"i", "in"},
    {"kelvin", "s"}, {"the", "thé"}, {"as", "kk"},
])
def test_run_positions_hold_every_start_of_a_run(runs):
    words = LEAD_WORDS + ["O'CLOCK", "Ñ", "ña", "TH", "Th", "t", "’90s", "'90s", "x", "X", "EN", "é", "Ée", "aſ", "k\u212a"]
    for text in _mixes(str(sorted(runs)), words, 10, joins=(" ", "", "  ", "\n", "-")):
        index = StartIndex(text, BOUNDARY)
        folded = ascii_folded(text)
        starts = set(index.positions(frozenset(_ASCII_CHARS)))
        expected = {p for p in starts if not text[p].isascii() or any(folded.startswith(run, p) for run in runs)}
        found = index.run_positions(frozenset(runs))
        assert found == sorted(found) and set(found) <= starts, text
        assert expected <= set(found), text


@pytest.mark.parametrize("pattern, words", [
    (r"day|days|week", ["day", "week"]),
    (r"(?:ago|earlier|from\s+now)\b", ["ago", "earlier", "from"]),
    (r"aa|aaa", ["aa"]),
    (r"aab", ["aa"]),  # overlapping occurrences: "aaab" matches at the second
    (r"noon|afternoon", ["noon", "afternoon"]),  # one word inside another
    (r"’90s|x", ["’90s", "x"]),
])
def test_finditer_from_finds_what_finditer_finds(pattern, words):
    import random

    compiled = re.compile(pattern)
    pieces = words + ["days", "today", "aaaa", "from now", "agone", "afternoons", "’90s", "x", "aaab", " ", "", "\n"]
    rng = random.Random(pattern)
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        index = TrigramIndex(ascii_folded(text))
        assert [m.span() for m in finditer_from(compiled, text, index)] == [m.span() for m in compiled.finditer(text)]


TRIGRAM_PATTERNS = [
    r"\d\s*[ap]\.?m\b|\d:\d\d", r"noon|o['’]clock|in\s+the\s+(?:morning|evening)", r"1[6-9]\d\d|20\d\d|FY\d\d",
    r"\d0['’]?s\b", r"q(?<=\bq)[1-4]\b", r"(?:ab)*c", r"a{2,5}b", r"(?:a|)b", r"a\s*\s*b", r"(a)\1x", r"(?:a?)*bc",
    r"(?:a?){4}bc", r"[\u0100-\u0140]x", r"(?i)[\u0100-\u0140]x", r"(?i)ſx", r"(?i)K[k-m]", r"\w\W\d", r".ab",
    r"[^a]bc", r"\S\s\D", r"(?>ab|a)c", r"(?i:the)\s+(?:next|last)", r"x(?=y)y?z", r"é\u2003”",
]
TRIGRAM_WORDS = LEAD_WORDS + ["ab", "abab", "aab", "aaaab", "c", "bc", "b", "Ā", "İx", "ıx", "ſX", "\u212aL", "K", "a1",
                              "a\t\nb", "x y", "xz", "’90s", "1990’s", "FY20", "5pm", "5 a.m.", "10:30", "Q1", "q4",
                              "NOON", "O’CLOCK", "in\xa0the  morning", "٣", "\u2003", "”", "_"]


@pytest.mark.parametrize("pattern", TRIGRAM_PATTERNS + PATTERNS + LEAD_PATTERNS + [p.pattern for _, p in RULES])
def test_trigram_positions_hold_every_start_of_a_match(pattern):
    compiled = re.compile(pattern)
    for text in _mixes(pattern, TRIGRAM_WORDS, 8):
        folded = ascii_folded(text)
        index = TrigramIndex(folded)
        positions = index.positions(compiled)
        for searched in (text, folded):
            if positions is not None:
                starts = {p for p in range(len(text) + 1) if compiled.match(searched, p)}
                assert starts <= set(positions) and positions == sorted(positions), (searched, starts - set(positions))
            expected = [m.span() for m in compiled.finditer(searched)]
            assert [m.span() for m in finditer_from(compiled, searched, index)] == expected, searched


@pytest.mark.parametrize("pattern, known", [
    (r"day|week", True), (r"\d\s*pm", True), (r"x?", False), (r"\b", False), (r"[^a]bc", True), (r"(a)\1", True),
    (r"(?:x|)", False), (r"(a?)\1", False),
])
def test_trigram_positions_are_not_known_where_a_match_can_be_empty(pattern, known):
    assert (TrigramIndex("a day").positions(re.compile(pattern)) is not None) == known


def test_characters_that_match_ignoring_case_have_one_class():
    special = string.ascii_letters + "".join(_FOLDS.values())
    for code in range(sys.maxunicode + 1):
        if _sre.unicode_iscased(code):
            pattern = re.compile(re.escape(chr(code)), re.IGNORECASE)
            for other in special:
                if pattern.fullmatch(other):
                    assert char_class(chr(code)) == char_class(other), (hex(code), other)


def test_people_name_pattern_with_a_stricter_boundary():
    pattern = re.compile(r"(?<![\w@/.#-])(kanye|west|legend|‘incredibly)(?:'s|’s)?(?![\w@-])", re.IGNORECASE)
    text = "Kanye West's reply to LEGEND, not mid-west or @west or x.West; \u212aanye West ‘Incredibly."
    index = StartIndex(text, BOUNDARY)
    assert [m.span() for m in finditer_at(pattern, index)] == [m.span() for m in pattern.finditer(text)]


NAME_WORDS = ["co", "comey", "conway", "o", "o'brien", "o’neil", "west", "wes", "we", "legend", "le", "de", "la",
              "de-la", "st.", "st", "j.r.", "jr"]
NAME_TEXTS = [
    "Comey told Conway; O'Brien and O’Neil met West's aide, not Wes or We. LEGEND's co-star",
    "de la Rosa, De-La Soul, St. Louis, St Paul, J.R. Smith, Jr., o'Brien's, cO, Westerly",
    "o o' o's co's we'll West-bound West@home @west west",
]


@pytest.mark.parametrize("text", NAME_TEXTS + [t.upper() for t in NAME_TEXTS] + [TEXTS[2]])
@pytest.mark.parametrize("size", [1, 3, 7, len(NAME_WORDS)])
def test_longest_first_on_folded_text_matches_the_case_insensitive_alternation(text, size):
    for offset in range(len(NAME_WORDS)):
        words = [NAME_WORDS[(offset + k) % len(NAME_WORDS)] for k in range(size)]
        plain = "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
        trie = longest_first(words, ignorecase=True)
        assert "(?:" in trie or size == 1
        spans = []
        for alternation, flags, searched in ((plain, re.IGNORECASE, text), (trie, 0, ascii_folded(text))):
            pattern = re.compile(r"(?<![\w@/.#-])(" + alternation + r")(?:'s|’s)?(?![\w@-])", flags)
            spans.append([m.span(1) for m in pattern.finditer(searched)])
        assert spans[0] == spans[1]


def test_longest_first_keeps_the_plain_alternation_for_words_that_fold():
    assert longest_first(["yıldırım", "yildirim"], ignorecase=True) == "(?i:yıldırım|yildirim)"
    assert longest_first(["Comey", "co"], ignorecase=True) == "(?i:Comey|co)"
    text = "YILDIRIM, Yıldırım, Komey; COMEY and Co"
    pattern = re.compile(longest_first(["yıldırım", "Comey", "co"], ignorecase=True))
    expected = [m.span() for m in re.finditer("yıldırım|Comey|co", text, re.IGNORECASE)]
    assert [m.span() for m in pattern.finditer(ascii_folded(text))] == expected


def test_case_insensitive_characters_match_folded_text_alike():
    # what ascii_folded replaces: the letters and the characters that fold to them
    replaced = string.ascii_letters + "".join(_FOLDS.values())
    cased = [chr(c) for c in range(sys.maxunicode + 1) if _sre.unicode_iscased(c)]
    for char in cased:  # a character without case matches only itself
        pattern = re.compile(re.escape(char), re.IGNORECASE)
        for original in replaced:
            assert bool(pattern.fullmatch(original)) == bool(pattern.fullmatch(ascii_folded(original))), (char, original)


def test_ascii_folded_maps_exactly_what_case_insensitive_letters_match():
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    folded = ascii_folded(every)
    assert len(folded) == len(every)
    letters = re.compile(r"(?i)[a-z]")
    for original, mapped in zip(every, folded):
        if letters.fullmatch(original):
            assert re.fullmatch("(?i)" + mapped, original) and mapped in string.ascii_lowercase
        else:
            assert mapped == original, repr(original)
    assert ascii_folded("A\ud800\U0001f600É\u212a") == "a\ud800\U0001f600Ék"  # lone surrogates, past the BMP


@pytest.mark.parametrize("text", TEXTS + [t.upper() for t in TEXTS] + [t.swapcase() for t in TEXTS])
def test_lower_case_pattern_on_folded_text_finds_the_case_insensitive_matches(text):
    for pattern in (r"week|kelvin|seconds?|in\s+the", r"\d\s*[ap]\.?m\b|istanbul|\bq[1-4]\b"):
        expected = [m.span() for m in re.finditer("(?i:" + pattern + ")", text)]
        assert [m.span() for m in re.finditer(pattern, ascii_folded(text))] == expected


def test_folds_cover_every_character_that_matches_an_ascii_letter():
    letters = re.compile("[a-z]", re.IGNORECASE)
    for code in range(128, sys.maxunicode + 1):
        char = chr(code)
        if letters.fullmatch(char):
            assert any(char in _FOLDS.get(c, "") for c in string.ascii_lowercase if re.fullmatch(c, char, re.I)), hex(code)
    for letter, folds in _FOLDS.items():
        assert all(re.fullmatch(letter, char, re.IGNORECASE) for char in folds)


def test_longest_first_trie_takes_characters_without_case():
    assert not longest_first(["o’neil", "cruz—35"], ignorecase=True).startswith("(?i:")
    pattern = re.compile("(" + longest_first(["kim", "o’neil"], ignorecase=True) + ")")
    text = "KIM \u212aİM O’NEIL o'neil"
    assert [text[m.start():m.end()] for m in pattern.finditer(ascii_folded(text))] == ["KIM", "\u212aİM", "O’NEIL"]
