"""Recognising temporal expressions in English news text (TimeML TIMEX3 extents).

Recognition is a set of regular expressions built from a small vocabulary (month and weekday
names, number words, calendar units, modifiers). Each rule names the family of its matches
(``date``, ``weekday``, ``relative``, ``duration`` ...), which tells
:mod:`newsprism.extract.timex_normalize` how to read the match. Overlapping matches are
resolved by keeping the longest. Month and weekday names are matched case-sensitively so that
"may" the verb and "march" the noun are never candidates; the capitalised forms that still
are not dates ("May I", "Friday" in a name) are filtered with the parse by
:mod:`newsprism.extract.timex`.

Extents follow the TimeML annotation of news (TimeBank): determiners and quantity modifiers
belong to the expression ("the past two years", "at least 30 days", "about two years ago"),
prepositions do not ("in" 1990, "on" Friday).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

from newsprism.regex_starts import (
    StartIndex,
    TrigramIndex,
    ascii_folded,
    finditer_at,
    finditer_from,
    longest_first,
)

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
            "saturday": 6, "sunday": 7}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
             "overnight": "NI", "tonight": "NI"}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "thousand": 1000, "a thousand": 1000, "dozen": 12, "a dozen": 12, "half a": 0.5,
    "a couple of": 2, "a couple": 2, "couple of": 2,
}
# Quantities that say "some number of": the value has X for the number (P XY).
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "a number of", "the next few",
                 "numerous", "countless")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
            "tenth": 10, "eleventh": 11, "twelfth": 12, "last": -1, "final": -1}
# Calendar units and their TIMEX3 duration letters (T marks units of the time part).
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "centurie": "CE", "millennium": "ML", "millennia": "ML", "weekend": "WE",
    "session": None,
}
TIME_UNITS = {"second", "minute", "hour"}


def _capitalised(words: Iterable[str]) -> list[str]:
    return [form for word in sorted(set(words), key=len, reverse=True) for form in (word.capitalize(), word.upper())]


def _alt(words, *, caps: bool = False) -> str:
    """A regex alternation of ``words``, longest first; ``caps`` accepts only the capitalised
    (or all-capital) spelling, so that "may" and "march" stay verbs.

    The capitalised names (matched with case) are written as a trie (see longest_first): it
    matches exactly what the alternation does, and the engine tests a position's letters along
    one path instead of trying each of some fifty names at every capital letter of the text.
    """
    if caps:
        return "(?:" + longest_first(_capitalised(words)) + ")"
    forms = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(f) for f in forms) + ")"


def _ci(pattern: str) -> str:
    return f"(?i:{pattern})"


def _month_names(full: Iterable[str], abbreviated: Iterable[str]) -> str:
    """The capitalised (or all-capital) month names: a full name, or an abbreviation with an
    optional dot, tried in the order of the plain alternation of the full names' trie and the
    abbreviations' trie.

    Written as one alternative per first letter, which tries that letter's full names and
    then its abbreviations (a position's first letter rules out the other branches, so the
    order of tries is the same). re skips ahead to the characters an alternation of literals
    opens with; the plain form (an alternation of two tries) it tried at every character of
    the text, which the month trigger searches whole.
    """
    full, abbreviated = _capitalised(full), _capitalised(abbreviated)
    branches = []
    for letter in sorted({form[0] for form in full + abbreviated}):
        tails = []
        if full_tails := [f[1:] for f in full if f[0] == letter]:
            tails.append("(?:" + longest_first(full_tails) + ")")
        if abbreviated_tails := [f[1:] for f in abbreviated if f[0] == letter]:
            tails.append("(?:" + longest_first(abbreviated_tails) + r")\.?")
        branches.append(re.escape(letter) + "(?:" + "|".join(tails) + ")")
    return "(?:" + "|".join(branches) + ")"


# "December's figures" is a month; "May'" and "Mayfair" are not
MONTH = _month_names([m for m in MONTHS if len(m) > 3 or m == "may"],
                     [m for m in MONTHS if len(m) <= 4 and m != "may"]) + r"(?!\w|['’](?!s\b))"
WEEKDAY = _alt(WEEKDAYS, caps=True) + r"\b"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d,.]\d)\b"
SHORT_YEAR = r"['’]\d\d\b"
# Years as broadcast transcripts spell them: "nineteen ninety-four", "twenty oh five"
SPELLED_YEAR = (r"(?i:(?:nineteen|twenty)\s+(?:hundred|oh\s+\w+|(?:twenty|thirty|forty|fifty|"
                r"sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|"
                r"nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                r"nineteen)\b)")
NUMBER = (r"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|"
          + _ci(r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
                r"(?:one|two|three|four|five|six|seven|eight|nine)|"
                + _alt(NUMBER_WORDS) + r")(?:\s+and\s+a\s+half)?") + r")\b")
VAGUE = _ci(_alt(VAGUE_NUMBERS))
UNIT = _ci(r"(?:second(?!\s+(?!later|earlier|ago|before|after|from)[a-z])|minute|hour|day|night|week|fortnight|month|quarter|year|decade|"
           r"centur(?:y|ie)|millenni(?:um|a))s?\b")
UNIT_SINGULAR = _ci(r"(?:second|minute|hour|day|week|month|quarter|year|decade|century)\b")
PART = _ci(r"(?:morning|afternoon|evening|night)\b")
SEASON = _ci(r"(?:spring|summer|fall|autumn|winter)\b")
ORDINAL = _ci(_alt(ORDINALS))
MODIFIER = _ci(r"(?:at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|nearly|almost|"
               r"about|around|roughly|approximately|some|up\s+to|no\s+more\s+than|"
               r"no\s+less\s+than|just|only|barely|close\s+to)\s+")
DET = _ci(r"(?:the|this|these|those)\s+")
REL = _ci(r"(?:last|this|next|past|coming|previous|following|current|same|upcoming|"
          r"this\s+past|this\s+coming|the\s+past|the\s+last|the\s+next|the\s+coming|"
          r"the\s+previous|the\s+following|the\s+current|the\s+same|the\s+latest|latest|"
          r"that|the\s+prior|prior|the\s+first|first|the\s+final|final|the\s+remaining)\s+")
EDGE = _ci(r"(?:early|late|mid|the\s+early|the\s+late|the\s+mid|earlier|later|"
           r"the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|"
           r"end\s+of|beginning\s+of|start\s+of|middle\s+of|the\s+rest\s+of|"
           r"the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+last\s+half\s+of)"
           r"(?:\s+|-)")
AMPM = _ci(r"(?:a\.m\.?|p\.m\.?|am\b|pm\b)")
ZONE = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|BST|CET)\b)"
CLOCK = rf"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*{AMPM})?|(?:1[0-2]|0?[1-9])\s*{AMPM}|" \
        rf"{_ci('noon|midnight|midday')}){ZONE}?"


AT_CLOCK = re.compile(_ci(r"(?:(?:around|about|at\s+about|shortly\s+(?:before|after)|just\s+"
                          r"(?:before|after))\s+)?") + CLOCK + "|" + NUMBER + r"\s+"
                      + _ci(r"in\s+the\s+(?:morning|afternoon|evening)\b|o['’]clock\b"))


@dataclass(frozen=True)
class Candidate:
    """A matched expression: offsets in the text, the rule family, and its text."""

    start: int
    end: int
    rule: str
    text: str


def _rules() -> list[tuple[str, re.Pattern[str]]]:
    month_day = MONTH + r"\s+" + DAY
    day_month = DAY + r"\s+(?:" + _ci("of") + r"\s+)?" + MONTH
    year_part = r"(?:,?\s+" + YEAR + r"|\s+" + SHORT_YEAR + r"|\s+" + SPELLED_YEAR + ")"
    this_year = r"(?:,?\s+" + _ci(r"(?:last|this|next)\s+year") + ")?"
    full_date = "(?:" + WEEKDAY + r",?\s+)?(?:" + month_day + "|" + day_month + ")(?:" + year_part + ")?"
    at_clock = _ci(r"(?:(?:around|about|at\s+about|shortly\s+(?:before|after)|just\s+(?:before|"
                   r"after))\s+)?")
    clock_day = (r"(?:,?\s+(?:" + _ci(r"yesterday|today|tomorrow|tonight|this\s+morning") + "|"
                 + full_date + "|" + WEEKDAY + "))?")
    # "last Friday", "the day before last Tuesday"
    weekday_lead = _ci(r"(?:(?:the\s+)?(?:day|night)\s+(?:before|after)\s+)?(?:(?:last|this|next|"
                       r"this\s+past|this\s+coming|the\s+previous|the\s+following|early|late|"
                       r"earlier|later)\s+)?")
    relative_unit = _ci(r"(?:fiscal\s+)?(?:week|weekend|month|quarter|year|decade|century|summer|"
                        r"winter|spring|fall|autumn|season|half)\b")
    quarter_word = _ci(r"(?:fiscal[- ])?(?:quarter|half|period)s?\b")
    quarter_of = (r"(?:\s+" + _ci("of") + r"\s+(?:" + _ci(r"(?:fiscal\s+)?") + YEAR + "|"
                  + _ci(r"(?:this|last|next|the)\s+(?:fiscal\s+)?year") + "))?")
    period_word = _ci(r"(?:the\s+)?(?:year[- ](?:earlier|ago)|comparable|corresponding|latest|current|"
                      r"previous|same|prior|comparable\s+year[- ](?:earlier|ago))\s+(?:quarter|period|"
                      r"half)\b(?:\s+(?:a|last)\s+year\b)?")
    season_lead = _ci(r"(?:the|this|last|next|this\s+past|this\s+coming)\s+")
    # "a year after" heads a phrase ("a year after the war") unless the clause ends there.
    # "later" is a signal, as "after" is: "three days later" is the duration "three days"
    # (TimeBank and AQUAINT annotate it so); "ago" and "earlier" belong to the expression
    ago_word = _ci(r"(?:ago|earlier|from\s+now|hence)\b|(?:before|after)(?=\s*(?:[,.;:)!?]|$))")
    bare_ago = _ci(r"(?:(?:a|one)\s+(?:week|month|year|decade)\s+or\s+so|(?:years|months|weeks|days)|"
                   r"(?:a\s+)?(?:week|month|year|decade))\s+ago\b|"
                   r"(?:years|months|weeks|days|decades)\s+(?:from\s+now|hence)\b")
    unit_lead = _ci(r"(?:more\s+|additional\s+|full\s+|straight\s+|consecutive\s+|trading\s+|"
                    r"business\s+|calendar\s+)?")
    rules = {
        # "5 p.m. EST, Nov. 6", "noon Saturday", "10:35 a.m.", "4 in the morning"
        "clock": (at_clock + CLOCK + clock_day + "|" + NUMBER + r"\s+"
                  + _ci(r"in\s+the\s+(?:morning|afternoon|evening)\b") + "|" + NUMBER + r"\s+"
                  + _ci(r"o['’]clock\b")),
        # "Wednesday, April 25, 2018", "April 25", "25 April 2018"
        "date": _ci(r"(?:(?:last|this|next|this\s+past|this\s+coming)\s+)?") + full_date + this_year,
        # "the week of March 6"
        "week_of": _ci(r"the\s+week\s+of\s+") + "(?:" + month_day + "|" + day_month + ")(?:" + year_part + ")?",
        "iso": (r"\b(?:1[6-9]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
                r"(?:T\d\d:\d\d(?::\d\d)?)?\b"
                r"|\b(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:(?:19|20)\d\d|\d\d)\b"),
        # "December 2016", "December of 2016", "early December", "last December"
        "month": ("(?:" + EDGE + "|" + REL + ")?" + MONTH + r"(?:(?:\s+" + _ci("of") + ")?"
                  + year_part + ")?" + this_year),
        # "1990", "fiscal 1990", "early 2018"
        "year": ("(?:" + EDGE + "|" + _ci(r"(?:the\s+)?(?:fiscal|calendar)(?:\s+year)?\s+") + ")?"
                 + r"(?<![$#€£\d.,])(?:" + YEAR + r"|FY\d\d(?:\d\d)?)(?!\s*%|-\d)"),
        # "the 1990s", "the '90s", "mid-1990s", "the nineties"
        "decade": ("(?:" + EDGE + ")?(?:" + _ci("the") + r"\s+)?(?:(?:1[6-9]|20)\d0['’]?s|['’]\d0s)\b|"
                   + _ci(r"the\s+(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|"
                         r"nineties)\b")),
        "century": (_ci(r"(?:the|this|last|next)\s+") + "(?:" + ORDINAL + r"|\d+(?:st|nd|rd|th))?"
                    + r"(?:\s+|-)?" + _ci(r"century\b")
                    # "an 11th century temple": a numbered century needs no article
                    + "|" + r"\d{1,2}(?:st|nd|rd|th)(?:\s+|-)" + _ci(r"century\b")),
        "spelled_year": SPELLED_YEAR + "|" + _ci(r"the\s+year\s+two\s+thousand\b"),
        "weekday": ("(?:" + weekday_lead + ")?" + WEEKDAY + r"(?:\s+" + PART + ")?" + r"(?:,?\s+"
                    + month_day + "(?:" + year_part + "))?"),
        "part_weekday": _ci(r"(?:(?:early|late)\s+)?") + PART + r"\s+(?:" + _ci("of") + r"\s+)?" + WEEKDAY,
        "deictic": _ci(r"(?:(?:early|late|earlier|later)\s+)?(?:today|tonight|yesterday|tomorrow)"
                       r"(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?\b"
                       r"|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
                       r"|(?:this|last|tomorrow|yesterday)\s+(?:morning|afternoon|evening|night)\b"
                       r"|(?:later|earlier)\s+this\s+(?:morning|afternoon|evening)\b"
                       r"|overnight\b|mid-?\s?afternoon\b(?:\s+(?:yesterday|today|tomorrow)\b)?"),
        "reference": _ci(r"now\b(?![-’'])|currently\b|current(?!\s+(?:account|accounts|events|"
                         r"affairs|electric|flow|law|laws|rules|system|policy|members?))\b|"
                         r"(?:more\s+)?recently\b|lately\b|nowadays\b|"
                         r"these\s+days\b|at\s+present\b|presently\b|"
                         r"the\s+(?:near\s+|distant\s+|foreseeable\s+)?future\b|"
                         r"the\s+past\b(?!\s+(?:few|several|\d|one|two|three|four|five|six|seven|"
                         r"eight|nine|ten|twelve|twenty|year|month|week|day|decade|quarter|"
                         r"century|hour|minute|weekend|summer|winter|spring|fall))|"
                         r"the\s+(?:near|short|long)\s+term\b"),
        # "this year", "last week", "next month", "earlier this year", "the past year"
        "relative": ("(?:" + EDGE + ")?(?:" + REL + "|" + _ci(r"the\s+") + r"(?=(?:week|weekend)\b))"
                     + relative_unit),
        # "the third quarter", "third-quarter", "the fourth quarter of 1989", "the year-ago period"
        "quarter": ("(?:" + DET + "|" + REL + "|" + _ci(r"(?:this|last|next)\s+year['’]s\s+") + ")?(?:"
                    + YEAR + r"\s+|"
                    + _ci(r"(?:year[- ](?:earlier|ago)|fiscal|calendar)\s+") + ")?"
                    + ORDINAL + r"\s+" + quarter_word + quarter_of + "|" + period_word
                    # the adjective form ("third-quarter profit") is annotated without "the"
                    + "|(?:" + YEAR + r"\s+)?" + _ci(r"(?:fiscal\s+)?") + ORDINAL + "-" + quarter_word
                    + r"|\b[Qq][1-4]\b(?:\s+" + YEAR + ")?|" + _ci(r"year[- ](?:earlier|ago)\b")
                    + "|" + _ci(r"the\s+") + "(?:" + YEAR + r"\s+)?" + _ci(r"(?:fiscal\s+)?(?:quarter|period)\b(?!\s+of\b)")
                    + _ci(r"(?:\s+a\s+year\s+(?:ago|earlier))?")),
        # "the year ended March 31": a year named by its last day is a duration (P1Y), as
        # TimeBank annotates it: its calendar year is unknown
        "year_ended": _ci(r"the\s+(?:fiscal\s+)?year(?=\s+(?:that\s+)?end(?:ed|ing|s)\b)"),
        # "the year", "the full year", "year-end": the year the text is about
        "anaphoric": _ci(r"the\s+(?:full\s+|fiscal\s+|calendar\s+)?year\b(?!\s+(?:of|before|after|"
                         r"when|that|in|to)\b|-)|year[- ]end\b|year['’]s\s+end\b"
                         r"|the\s+(?:end|beginning|start|middle)\s+of\s+the\s+(?:year|month|week|quarter)\b"),
        "season": ("(?:" + EDGE + "|" + season_lead + r"|(?<=\b[Ii]n\s))(?:" + EDGE + ")?" + SEASON
                   + r"(?:(?:\s+" + _ci("of") + ")?" + year_part + ")?|" + SEASON + r"\s+" + YEAR),
        # "two days ago", "a year earlier", "about two years ago"
        "ago": ("(?:" + MODIFIER + ")?(?:" + NUMBER + "|" + VAGUE + r")\s+" + UNIT + r"\s+" + ago_word
                + "|" + bare_ago),
        # "two years", "the past two months", "at least 30 days", "16-hour", "years"
        "duration": ("(?:" + MODIFIER + ")?(?:" + REL + "|" + _ci(r"(?:the|each\s+of\s+the|all)\s+")
                     + ")?(?:" + MODIFIER + ")?(?:" + NUMBER + "|" + VAGUE + r")(?:\s+|-)" + unit_lead
                     + UNIT
                     # "40 years of the blockade" is a duration; "a quarter of the market" and
                     # "three-quarters of its food" are fractions, "52 years old" an age
                     + r"(?!-old|\s+old\b|(?<=quarter)\s+of\b|(?<=-quarters)\s+of\b)(?:-" + _ci("long") + r")?"
                     + _ci(r"(?:\s+and\s+a\s+half\b)?(?:\s+or\s+so)?")
                     + "|" + _ci(r"(?:day|week|month|year)-long\b")
                     + "|" + _ci(r"(?:the\s+)?(?:coming|past|next|last|first|final)\s+(?:hours|days|weeks|months|"
                                 r"years|decades|quarters)\b")
                     + "|" + NUMBER + r"\s+" + _ci("to") + r"\s+" + NUMBER + r"\s+" + UNIT
                     + "|" + _ci(r"(?:a\s+)?(?:short|long|brief|lengthy|fairly\s+lengthy)\s+"
                                 r"(?:while|time|period)\b|a\s+while\b")
                     + "|" + r"(?<!\d\s)" + _ci(r"(?:years|months|weeks|decades|centuries)(?:-long)?\b")
                     + r"(?!\s+old\b)"),
        # "daily", "every day", "each month", "every Thursday"
        "set": (_ci(r"(?:daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly|biweekly|"
                    r"semiannually)\b|(?:every|each|per)\s+(?:other\s+)?(?:\d+\s+|two\s+|few\s+)?"
                    r"(?:second|minute|hour|day|night|week|weekend|month|quarter|year|decade|"
                    r"morning|afternoon|evening)s?\b|twice\s+a\s+(?:day|week|month|year)\b")
                + "|" + _ci(r"(?:every|each)\s+") + "(?:" + WEEKDAY + "|" + MONTH + "|" + SEASON + ")"
                # "on Mondays", "Tuesday nights": a weekday in the plural recurs
                + "|" + _alt(WEEKDAYS, caps=True) + r"(?:s\b|\s+" + _ci(r"(?:mornings|afternoons|"
                                                                       r"evenings|nights)\b") + ")"),
        "holiday": _ci(r"(?:(?:last|this|next)\s+)?(?:christmas(?:\s+(?:day|eve))?|new\s+year['’]s"
                       r"(?:\s+(?:day|eve))?|thanksgiving(?:\s+day)?|easter(?:\s+(?:sunday|week))?|"
                       r"election\s+day|independence\s+day|labor\s+day|memorial\s+day|halloween|"
                       r"valentine['’]s\s+day|veterans\s+day|mother['’]s\s+day|father['’]s\s+day)\b"),
        "past_ref": _ci(r"(?:in\s+)?recent\s+(?:days|weeks|months|years|decades|quarters|times)\b"
                        r"(?:\s+and\s+(?:days|weeks|months|years))?"),
        "future_ref": _ci(r"(?:the\s+)?(?:weeks|months|years|days)\s+ahead\b|a\s+later\s+date\b"),
    }
    # every expression starts at a word boundary ("now" is not the end of "know"); the same
    # class bounds the StartIndex that find_candidates tries the rules at
    return [(name, re.compile(rf"(?<!{BOUNDARY})(?:" + pattern + ")")) for name, pattern in rules.items()]


BOUNDARY = r"[\w@#/]"


RULES = _rules()
# Words without which a rule cannot match. The slow rules (those that open with optional
# modifiers) run only in windows around these words, which keeps recognition a small
# fraction of the parse time. The triggers here are case-insensitive: written in lower case,
# they are searched in the text's ASCII-folded copy (see ascii_folded), which finds the same
# matches without trying every position of the text.
#
# A trigger is written as separate parts where its one alternation would open with
# alternatives of different first characters (digits, letters, a word boundary), which the
# engine cannot skip ahead to: it tried that alternation at every character of the text. No
# match of one part can start inside a match of another (the digit parts' matches end a word
# or hold no letter; the letter parts' hold no digit), so the parts' matches merged in text
# order are exactly the alternation's (tests compare them). Each part is tried only where the
# text's three characters can begin one of its matches (see trigger_hits).
_FOLDED_TRIGGERS = {
    "duration": (re.compile(r"second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|"
                            r"centur|millenni|while|time|period|term"),),
    "ago": (re.compile(r"(?:ago|earlier|later|before|after|from\s+now|hence)\b"),),
    "clock": (re.compile(r"\d\s*[ap]\.?m\b|\d:\d\d"),
              re.compile(r"noon|midnight|midday|o['’]clock|in\s+the\s+(?:morning|afternoon|evening)")),
    # "q1" after a word boundary, written so that the engine skips ahead to the q
    "quarter": (re.compile(r"quarter|half|period|year[- ](?:earlier|ago)"), re.compile(r"q(?<=\bq)[1-4]\b")),
    "season": (re.compile(r"(?:spring|summer|fall|autumn|winter)\b"),),
    "relative": (re.compile(r"week|weekend|month|quarter|year|decade|century|summer|winter|spring|"
                            r"fall|autumn|season|half"),),
    "reference": (re.compile(r"now|current|recent|lately|nowadays|these\s+days|present|future|past|term"),),
    "decade": (re.compile(r"ties\b"),),  # "the sixties"; with its digit part below
}
# Case-sensitive triggers (and parts), searched in the text itself.
_TRIGGERS = {
    "month": (re.compile(MONTH),),
    "decade": (re.compile(r"\d0['’]?s\b"),),
    "year": (re.compile(r"1[6-9]\d\d|20\d\d|FY\d\d"),),
}
_WINDOW = 90
# Rules tried only where the folded text begins with one of their leading runs (see
# finditer_at): those whose failed tries cost most, where the test saved more than it cost
# on news text. For the others (a month or weekday name first, a few short words, or few
# positions left where three characters' classes fit) a try fails about as fast as the test:
# they are tried wherever the text's characters can begin a match (see StartIndex.run_positions).
_LEAD_TESTED = frozenset({"duration", "ago", "clock", "holiday", "weekday", "deictic", "relative"})
# Words without which a rule tried over the whole text cannot match anywhere: a text without
# any of them is not searched with the rule at all (most texts name no holiday or century).
# Each word is case-insensitive in its rule, so these search the ASCII-folded text.
_GATES = {
    "holiday": re.compile(r"christmas|new\s+year|thanksgiving|easter|election\s+day|independence\s+day|"
                          r"labor\s+day|memorial\s+day|halloween|valentine|veterans\s+day|mother|father"),
    "past_ref": re.compile(r"recent"),
    "future_ref": re.compile(r"ahead|later\s+date"),
    "century": re.compile(r"century"),
    "week_of": re.compile(r"week\s+of"),
    "year_ended": re.compile(r"year\s+(?:that\s+)?end(?:ed|ing|s)\b"),
    "spelled_year": re.compile(r"nineteen|twenty|two\s+thousand"),
    "deictic": re.compile(r"today|tonight|yesterday|tomorrow|morning|afternoon|evening|night"),
    "part_weekday": re.compile(r"morning|afternoon|evening|night"),
}


def _matches(name: str, pattern: re.Pattern[str], text: str, folded: str, starts: StartIndex,
             trigrams: TrigramIndex):
    if name in _GATES and not _gate_passes(_GATES[name], folded, trigrams):
        return
    lead_test = name in _LEAD_TESTED
    hits = trigger_hits(name, text, folded, trigrams)
    if hits is None:
        yield from finditer_at(pattern, starts, folded=folded, lead_test=lead_test)
        return
    windows: list[list[int]] = []
    for hit in hits:
        start, end = max(0, hit.start() - _WINDOW), min(len(text), hit.end() + _WINDOW)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    for start, end in windows:
        yield from finditer_at(pattern, starts, start, end, folded=folded, lead_test=lead_test)


def _gate_passes(gate: re.Pattern[str], folded: str, trigrams: TrigramIndex) -> bool:
    return next(finditer_from(gate, folded, trigrams), None) is not None


def trigger_hits(name: str, text: str, folded: str, trigrams: TrigramIndex) -> Iterable[re.Match[str]] | None:
    """The matches of the rule's trigger in text order, or None for a rule without one.

    The parts are searched where the text's three characters can begin a match (see
    finditer_from): most open with words or digits, which ``re`` would try at every
    character that begins one.
    """
    parts = [finditer_from(part, folded, trigrams) for part in _FOLDED_TRIGGERS.get(name, ())] \
        + [finditer_from(part, text, trigrams) for part in _TRIGGERS.get(name, ())]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else sorted(chain(*parts), key=_start)


_start = operator.methodcaller("start")


# Families in order of preference when two matches cover exactly the same characters.
_PRIORITY = {name: index for index, (name, _) in enumerate(RULES)}


def find_candidates(text: str) -> list[Candidate]:
    """Every temporal expression in ``text``, longest match first, without overlaps.

    Args:
        text: plain text.

    Returns:
        Candidates in text order; where matches overlap, the longest wins (then the earlier
        rule of :data:`RULES`).
    """
    found: list[Candidate] = []
    folded = ascii_folded(text)
    trigrams = TrigramIndex(folded)
    starts = StartIndex(text, BOUNDARY, trigrams)
    for name, pattern in RULES:
        for match in _matches(name, pattern, text, folded, starts, trigrams):
            start, end = _trim(text, match.start(), match.end())
            if end > start:
                found.append(Candidate(start, end, name, text[start:end]))
    found.sort(key=lambda c: (-(c.end - c.start), _PRIORITY[c.rule], c.start))
    taken: list[Candidate] = []
    occupied = bytearray(len(text) + 1)
    for candidate in found:
        if any(occupied[candidate.start:candidate.end]):
            continue
        occupied[candidate.start:candidate.end] = b"\x01" * (candidate.end - candidate.start)
        taken.append(candidate)
    return sorted(taken, key=lambda c: c.start)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and trailing commas from a match's edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end
