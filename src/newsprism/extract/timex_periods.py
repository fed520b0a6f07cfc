"""Normalizing calendar periods: "this week", "last year", quarters and halves, "two days
ago", and the anaphoric "the year" and "the quarter" of financial news.

Relative periods move the DCT by calendar units and write the unit containing the result
(``2018-W17``, ``2018-04``, ``2018-Q3``); expressions that refer to an earlier mention
("the following year", "that quarter", "a year earlier") count from the last value of that
granularity resolved in the document.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsprism.extract.timex_calendar import (
    duration_value,
    granular,
    granularity_of,
    number_value,
    quarter_of,
    shift,
    shift_value,
    unit_of,
    week_value,
)
from newsprism.extract.tense import PASTS
from newsprism.extract.timex_context import (
    NEXT_WORDS,
    PREVIOUS_WORDS,
    Resolution,
    edge_mod,
    strip_edge,
)
from newsprism.extract.timex_dates import read_season
from newsprism.extract.timex_patterns import ORDINALS, SEASONS


def read_relative(text, context, tense, before):
    lowered = text.lower()
    mod = edge_mod(lowered)
    unit_word = lowered.split()[-1]
    lead = strip_edge(lowered[: lowered.rfind(unit_word)].strip())
    lead = lead.replace("fiscal", "").strip()
    dct = context.dct
    if unit_word in SEASONS:
        return read_season(text, context, tense, before)
    if lead in ("the first", "first", "the final", "final") and unit_word in ("half", "quarter"):
        return read_quarter(text, context, tense, before)
    if unit_word in ("half", "season"):
        return Resolution("DATE", None, mod, relative=True) if dct is None else \
            _half_or_season(unit_word, lead, dct, mod)
    unit = "week" if unit_word == "weekend" else unit_word
    if lead in ("the first", "first", "the final", "final", "the remaining"):
        return None
    amount = -1 if lead in PREVIOUS_WORDS else 1 if lead in NEXT_WORDS else 0
    if lead in ("that", "the same", "same") and context.mentioned:
        value = _containing(context, unit)
        if value:
            return Resolution("DATE", value, mod, unit)
    if lead in ("the following", "following", "the previous", "previous", "the prior", "prior"):
        base = context.last(unit)
        if base is not None:
            moved_value = shift_value(base, unit, amount)
            if moved_value:
                return Resolution("DATE", moved_value, mod, unit, derived=True)
    if dct is None:
        return Resolution("DATE", None, mod, relative=True)
    if unit in ("decade", "century") and lead.startswith(("the past", "the last", "the next")):
        return Resolution("DURATION", duration_value(1, unit))
    if unit_word == "weekend":
        day = _weekend(dct, tense, amount, lead.startswith("this"))
        return Resolution("DATE", week_value(day) + "-WE", mod, "week", relative=True)
    moved = shift(dct, unit, amount)
    value, granularity = granular(moved, unit)
    return Resolution("DATE", value, mod, granularity, relative=True)


def _weekend(dct: date, tense: str | None, amount: int, this: bool) -> date:
    """A day of the weekend "the weekend", "last weekend" or "next weekend" names.

    The ISO week ends with its weekend, so a weekend that has passed belongs to the previous
    ISO week until the DCT itself falls on a Saturday or Sunday. "The weekend" is the one just
    passed in the past tense and early in the week ("over the weekend, officials met" on a
    Monday), the coming one otherwise; "this weekend" is the coming one unless the verb is
    past.
    """
    day = dct.isoweekday()
    passed = dct if day >= 6 else dct - timedelta(days=day)
    coming = dct + timedelta(days=6 - day) if day < 6 else dct
    if amount < 0:
        return passed if day < 6 else dct - timedelta(days=7)
    if amount > 0:
        return coming if day < 6 else dct + timedelta(days=6)
    if tense in PASTS or (tense is None and day <= 3 and not this):
        return passed
    return coming


def _after_period(context) -> bool:
    """Whether the last period the text named is a span of months ("the nine months"): a
    year earlier than it is written as the previous year, the finest TIMEX3 value that holds
    it."""
    entry = context.last_entry("quarter", "half", "period")
    return context.dct is not None and entry is not None and entry[0] == "period"


def _containing(context, unit: str) -> str | None:
    """The ``unit`` containing the last date mentioned: "in June 1998 ... later that year"
    is 1998, whether the year was mentioned alone or as part of a finer date."""
    finer = {"year": ("year", "half", "quarter", "season", "month", "week", "day"),
             "month": ("month", "day")}.get(unit)
    if finer is None:
        return context.last(unit)
    for granularity, value in reversed(context.mentioned):
        if granularity in finer and re.match(r"\d{4}", value):
            if unit == "year":
                return value[:4]
            if re.match(r"\d{4}-\d\d(?:-\d\d)?$", value):
                return value[:7]
    return None


def _half_or_season(unit_word, lead, dct, mod):
    if unit_word == "season":
        return Resolution("DATE", None, mod, relative=True)
    half = 1 if dct.month <= 6 else 2
    index = dct.year * 2 + half - 1 + (-1 if lead in PREVIOUS_WORDS else 1 if lead in NEXT_WORDS else 0)
    return Resolution("DATE", f"{index // 2:04d}-H{index % 2 + 1}", mod, "half", relative=True)


def read_quarter(text, context, tense, before):
    lowered = text.lower().replace("-", " ")
    dct = context.dct
    year_match = re.search(r"(?:1[6-9]|20)\d\d", lowered)
    year = int(year_match.group()) if year_match else None
    q_match = re.search(r"\bq([1-4])\b", lowered)
    ordinal = int(q_match.group(1)) if q_match else next(
        (ORDINALS[w] for w in lowered.split() if w in ORDINALS), None)
    half = "half" in lowered
    if ordinal == -1 and year is not None:
        ordinal = 2 if half else 4  # "the last half of 1989" is its second half
    plural = re.search(r"(?:quarter|half|period)s\b", lowered)
    year_earlier = "year earlier" in lowered or "year ago" in lowered or "a year" in lowered \
        or "last year" in lowered or "corresponding" in lowered or "comparable" in lowered
    if plural:
        return Resolution("DURATION", "PXQ" if not half else "PXH")
    if ("period" in lowered or year is not None) and ordinal is None:
        # "the 1988 quarter" is the quarter last named, moved to 1988
        base = (context.last("quarter") if "quarter" in lowered else None) \
            or context.last("quarter", "half", "year", "month")
        if base is None:
            return Resolution("DATE", None, relative=True)
        if re.search(r"(?:1[6-9]|20)\d\d", lowered) and base:
            base = re.sub(r"^\d{4}", re.search(r"(?:1[6-9]|20)\d\d", lowered).group(), base)
        value = shift_value(base, "year", -1) if year_earlier else base
        return Resolution("DATE", value, granularity="quarter" if "Q" in (value or "") else None,
                          derived=True)
    letter = "H" if half else "Q"
    if re.fullmatch(r"year (?:earlier|ago)", lowered) and _after_period(context):
        return Resolution("DATE", f"{dct.year - 1:04d}", granularity="year", derived=True)
    if ordinal is None or ordinal == -1:
        base = context.last("half" if half else "quarter")
        if base is None and dct is not None:
            current = quarter_of(dct) if not half else (1 if dct.month <= 6 else 2)
            index = dct.year * (2 if half else 4) + current - 1
            if "latest" in lowered or "previous" in lowered or "prior" in lowered or ordinal == -1 \
                    or (tense in PASTS and not lowered.startswith("this")):
                index -= 1  # a quarter reported in the past tense is over: the last one
            per = 2 if half else 4
            base = f"{index // per:04d}-{letter}{index % per + 1}"
        if base is None:
            return Resolution("DATE", None, relative=True)
        if year is not None:
            base = f"{year:04d}" + base[4:]
        value = shift_value(base, "year", -1) if year_earlier else base
        return Resolution("DATE", value, granularity="half" if half else "quarter", relative=True,
                          derived=True)
    if year is None:
        if "next year" in lowered and dct:
            year = dct.year + 1
        elif "last year" in lowered and dct:
            year = dct.year - 1
        elif dct is not None:
            current = quarter_of(dct) if not half else (1 if dct.month <= 6 else 2)
            year = dct.year
            if ordinal > current and tense in PASTS:
                year -= 1
            if year_earlier:
                year -= 1
        else:
            return Resolution("DATE", f"XXXX-{letter}{ordinal}")
    return Resolution("DATE", f"{year:04d}-{letter}{ordinal}",
                      granularity="half" if half else "quarter", relative=year_match is None)


def read_ago(text, context, tense, before):
    lowered = text.lower()
    words = lowered.split()
    direction = -1 if words[-1] in ("ago", "earlier", "before") else 1
    if lowered.endswith("from now"):
        words = words[:-1]
    unit_index = max(i for i, w in enumerate(words) if unit_of(w))
    unit = unit_of(words[unit_index])
    quantity = " ".join(words[:unit_index])
    quantity = re.sub(r"^(?:at least|at most|more than|less than|nearly|almost|about|around|"
                      r"roughly|approximately|some|up to|over|under|just|only|well over|"
                      r"close to)\s+", "", quantity)
    amount = number_value(quantity) if quantity else None
    if words[-1] in ("before", "after") and not quantity:
        return None
    if not quantity and words[unit_index].endswith("s"):
        # "years ago": some years back, not one; TIMEX3 has only the vague past for it
        return Resolution("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", relative=True)
    if amount is None or not float(amount).is_integer():
        if amount is None and quantity in ("", "a", "one"):
            amount = 1
        elif amount is None:
            return Resolution("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", relative=True)
    amount = int(amount)
    anchor_words = ("earlier", "later", "before", "after")
    if unit == "year" and amount == 1 and direction < 0 and _after_period(context):
        return Resolution("DATE", f"{context.dct.year - 1:04d}", granularity="year", derived=True)
    base_value = context.last("quarter", "half") if unit in ("year",) else None
    if base_value is None and words[-1] in anchor_words:
        base_value = None  # relative to the last date mentioned, else the DCT
        last_day = context.last("day")
        if last_day and unit in ("day", "week"):
            base_value = last_day
    if base_value:
        moved = shift_value(base_value, unit, direction * amount)
        if moved:
            return Resolution("DATE", moved, granularity=granularity_of(moved), derived=True)
    if context.dct is None:
        return Resolution("DATE", None, relative=True)
    moved_day = shift(context.dct, unit, direction * amount)
    value, granularity = granular(moved_day, unit)
    return Resolution("DATE", value, granularity=granularity, relative=True)


def read_anaphoric(text, context, tense, before):
    lowered = text.lower()
    mod = "END" if "end" in lowered else "START" if ("beginning" in lowered or "start" in lowered) \
        else "MID" if "middle" in lowered else None
    unit = next(u for u in ("month", "week", "quarter", "year") if u in lowered)
    # "the year", "year-end", "the full year" of news are the year under way, even after a
    # forecast for a later year ("by 1994") has been mentioned; "the quarter" of results
    # is the one just reported
    value = context.last(unit) if unit != "year" or context.dct is None else None
    if value is None and context.dct is not None:
        value = granular(context.dct, unit)[0]
    return Resolution("DATE", value, mod, unit, relative=True, derived=True)
