"""Normalizing calendar names: dates, months, years, decades, centuries and seasons.

A month or a day the text gives without a year ("April 25", "in December", "last fall") takes
its year from the DCT and the direction the governing verb gives (see
:mod:`newsprism.extract.tense`); an explicit year is copied as written. Years are TimeML
values (``1990``, decades ``199``, centuries ``19``); a fiscal year is written as the year it
is named for (``fiscal 1990`` -> ``1990``): TIMEX3 values have no fiscal-year form, and
TimeBank writes them so.
"""

from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import relativedelta

from newsprism.extract.timex_calendar import day_value, two_digit_year
from newsprism.extract.tense import FUTURE, PAST_DIRECT, PASTS
from newsprism.extract.timex_context import (
    NEXT_WORDS,
    PREVIOUS_WORDS,
    SEASON_MONTH,
    Resolution,
    edge_mod,
    lead_words,
    strip_edge,
)
from newsprism.extract.timex_patterns import (
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    SEASONS,
    SPELLED_YEAR,
    WEEKDAYS,
)


def year_for(month: int, day: int | None, dct: date, tense: str | None) -> int:
    """The year of a month (and day) the text gives without one, seen from the DCT.

    The nearest occurrence wins; the tense of the governing verb halves the distance of the
    occurrences on its side (past tense prefers last year's date unless next year's is much
    nearer), because a scheduled date is often governed by a past verb through a noun
    ("declared a dividend payable Dec. 7"). A past verb that governs the date itself ("In
    January, the company brought in a new chief", "since the Oct. 23 slaying") leaves only the
    occurrences up to the DCT.
    """
    options = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        if day is None:
            distance = abs((year * 12 + month) - (dct.year * 12 + dct.month)) * 30.5
            later = (year, month) > (dct.year, dct.month)
            earlier = (year, month) < (dct.year, dct.month)
        else:
            try:
                moment = date(year, month, day)
            except ValueError:  # 29 February outside leap years
                continue
            distance = abs((moment - dct).days)
            later, earlier = moment > dct, moment < dct
        if tense == PAST_DIRECT and later:
            continue
        if (tense in PASTS and earlier) or (tense == FUTURE and later):
            distance *= 0.5
        if day is None and tense == FUTURE and earlier:
            continue  # "will vote in March": a month ahead
        options.append((distance, abs(year - dct.year), year))
    return min(options)[2]


def _season_date(season: str, dct: date, tense: str | None, lead: str) -> int:
    """The year of a season named without one."""
    start_month = SEASON_MONTH[season]
    current = date(dct.year, start_month, 1)
    dct_season_start = (dct.month - 3) % 12 // 3  # 0 spring .. 3 winter
    season_index = list(SEASON_MONTH).index(season)
    if lead in PREVIOUS_WORDS:
        return dct.year if season_index < dct_season_start and dct.month >= 3 else dct.year - 1
    if lead in NEXT_WORDS:
        return dct.year if season_index > dct_season_start else dct.year + 1
    if tense in PASTS and current > dct:
        return dct.year - 1
    if tense == FUTURE and date(dct.year, start_month, 28) + relativedelta(months=2) < dct:
        return dct.year + 1
    return dct.year


def read_date(text, context, tense, before):
    words = text.replace(",", " ").replace(".", " ").split()
    month = day = year = None
    for word in words:
        lowered = word.lower()
        if lowered in MONTHS and month is None:
            month = MONTHS[lowered]
        elif re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", lowered) and day is None:
            day = int(re.match(r"\d+", lowered).group())
        elif re.fullmatch(r"(?:1[6-9]|20)\d\d", lowered):
            year = int(lowered)
        elif re.fullmatch(r"'\d\d", lowered):
            year = two_digit_year(int(lowered[1:]), context.dct)
    if month is None or day is None:
        return None
    relative = year is None
    if year is None:
        if context.dct is None:
            return Resolution("DATE", f"XXXX-{month:02d}-{day:02d}", granularity=None)
        lowered = text.lower()
        if lowered.startswith(("last ", "this past ")):
            tense = PAST_DIRECT  # "last Oct. 23": the one before the DCT
        year = year_for(month, day, context.dct, tense)
        if lowered.startswith(("next ", "this coming ")):
            year = context.dct.year + (_safe_date(context.dct.year, month, day) <= context.dct)
        if "last year" in lowered:
            year = context.dct.year - 1
        elif "next year" in lowered:
            year = context.dct.year + 1
        elif "this year" in lowered:
            year = context.dct.year
    weekday = next((WEEKDAYS[w.lower()] for w in words if w.lower() in WEEKDAYS), None)
    if relative and weekday and context.dct is not None:
        # "Saturday, April 25": the year in which that date is that weekday, nearest first
        for candidate in sorted((context.dct.year, context.dct.year + 1, context.dct.year - 1),
                                key=lambda y: abs(y - year)):
            try:
                if date(candidate, month, day).isoweekday() == weekday:
                    year = candidate
                    break
            except ValueError:
                continue
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return Resolution("DATE", day_value(value), granularity="day", relative=relative)


def _safe_date(year: int, month: int, day: int) -> date:
    """The date, or the last day of the month for 29 February outside leap years."""
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, day - 1)


def read_iso(text, context, tense, before):
    match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(T\d\d:\d\d(?::\d\d)?)?", text)
    if match:
        kind = "TIME" if match.group(4) else "DATE"
        return Resolution(kind, text, granularity="day")
    month, day, year = (int(part) for part in text.split("/"))
    if year < 100:
        year = two_digit_year(year, context.dct)
    try:
        return Resolution("DATE", date(year, month, day).isoformat(), granularity="day")
    except ValueError:
        return None


def read_month(text, context, tense, before):
    mod = edge_mod(text)
    words = re.findall(r"[A-Za-z]+|\d+|'\d\d", text)
    month = next(MONTHS[w.lower()] for w in words if w.lower() in MONTHS and w[0].isupper())
    year = next((int(w) for w in words if re.fullmatch(r"(?:1[6-9]|20)\d\d", w)), None)
    short = next((w for w in words if w.startswith("'")), None)
    if year is None and short:
        year = two_digit_year(int(short[1:]), context.dct)
    if year is None:
        year = spelled_year(text)
    if text.lower() == "may" and before.rstrip().endswith(("it", "they", "we", "you", "he", "she")):
        return None
    if year is not None:
        return Resolution("DATE", f"{year:04d}-{month:02d}", mod, "month")
    dct = context.dct
    if dct is None:
        return Resolution("DATE", f"XXXX-{month:02d}", mod, None)
    lead = strip_edge(lead_words(text, [m for m in MONTHS if m in text.lower()] or [""]))
    lowered = text.lower()
    if lead in PREVIOUS_WORDS or "last year" in lowered:
        year = dct.year if month < dct.month and "last year" not in lowered else dct.year - 1
    elif lead in NEXT_WORDS or "next year" in lowered:
        year = dct.year if month > dct.month and "next year" not in lowered else dct.year + 1
    elif lead == "this" or "this year" in lowered:
        year = dct.year
    else:
        year = year_for(month, None, dct, tense)
    return Resolution("DATE", f"{year:04d}-{month:02d}", mod, "month", relative=True)


def read_year(text, context, tense, before):
    mod = edge_mod(text)
    match = re.search(r"(?:1[6-9]|20)\d\d", text)
    if match is None:
        short = re.search(r"FY(\d\d)", text)
        return Resolution("DATE", f"{two_digit_year(int(short.group(1)), context.dct)}",
                          granularity="year") if short else None
    half = re.match(r"(?:the\s+)?(first|second|last)\s+half\s+of", text.lower())
    if half:  # "the first half of 1990" is a part of the year with its own value
        return Resolution("DATE", f"{match.group()}-H{1 if half.group(1) == 'first' else 2}",
                          granularity="half")
    return Resolution("DATE", match.group(), mod, "year")


def read_decade(text, context, tense, before):
    mod = edge_mod(text)
    lowered = text.lower()
    names = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
             "seventies": 7, "eighties": 8, "nineties": 9}
    for name, tens in names.items():
        if name in lowered:
            return Resolution("DATE", f"19{tens}", mod, "decade")
    full = re.search(r"((?:1[6-9]|20)\d)0", text)
    if full:
        return Resolution("DATE", full.group(1), mod, "decade")
    short = re.search(r"'(\d)0s", text)
    year = two_digit_year(int(short.group(1)) * 10, context.dct)
    return Resolution("DATE", f"{year // 10:03d}", mod, "decade")


def read_century(text, context, tense, before):
    lowered = text.lower()
    number = re.search(r"(\d+)(?:st|nd|rd|th)", lowered)
    ordinal = next((ORDINALS[w] for w in lowered.split() if w in ORDINALS), None)
    if number:
        return Resolution("DATE", f"{int(number.group(1)) - 1:02d}", granularity="century")
    if context.dct is None:
        return Resolution("DATE", None)
    current = context.dct.year // 100
    if lowered.startswith("last") or "previous" in lowered:
        current -= 1
    elif lowered.startswith("next"):
        current += 1
    if ordinal and ordinal > 0:
        return None
    return Resolution("DATE", f"{current:02d}", granularity="century", relative=True)


def spelled_year(text: str) -> int | None:
    """The year a text spells out ("January nineteen ninety-seven" -> 1997), or None."""
    lowered = text.lower().replace("-", " ")
    if "two thousand" in lowered:
        return 2000
    match = re.search(SPELLED_YEAR, lowered)
    if match is None:
        return None
    words = match.group().split()
    century = NUMBER_WORDS.get(words[0])
    rest = words[1:]
    if rest and rest[0] == "hundred":
        return century * 100 if century else None
    if rest and rest[0] == "oh":
        rest = rest[1:]
    tail = sum(NUMBER_WORDS.get(w, 0) for w in rest)
    if not century or tail >= 100:
        return None
    return century * 100 + int(tail)


def read_spelled_year(text, context, tense, before):
    year = spelled_year(text)
    return None if year is None else Resolution("DATE", f"{year:04d}", granularity="year")


def read_season(text, context, tense, before):
    lowered = text.lower()
    mod = edge_mod(lowered)
    name = next(s for s in SEASONS if re.search(rf"\b{s}\b", lowered))
    code = SEASONS[name]
    year_match = re.search(r"(?:1[6-9]|20)\d\d", lowered)
    year = int(year_match.group()) if year_match else spelled_year(lowered)
    if year is not None:
        return Resolution("DATE", f"{year:04d}-{code}", mod, "season")
    if context.dct is None:
        return Resolution("DATE", f"XXXX-{code}", mod)
    lead = strip_edge(lead_words(lowered, [name]))
    year = _season_date(code, context.dct, tense, lead)
    return Resolution("DATE", f"{year:04d}-{code}", mod, "season", relative=True)
