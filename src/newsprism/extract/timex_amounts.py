"""Normalizing amounts of time and references: durations ("the past two years"), sets
("every Thursday", "$5 a year"), holidays, and references to the present, past and future."""

from __future__ import annotations

import re
from datetime import timedelta

from newsprism.extract.timex_calendar import (
    day_value,
    duration_value,
    holiday_date,
    number_value,
    unit_of,
    week_value,
)
from newsprism.extract.tense import FUTURE, PASTS
from newsprism.extract.timex_context import Resolution
from newsprism.extract.timex_patterns import DAY_PARTS, MONTHS, SEASONS, WEEKDAYS

_PRESENT_WORDS = ("now", "right now", "currently", "current", "nowadays", "these days",
                  "at present", "presently")
_FUTURE_WORDS = ("future", "soon", "as soon as possible", "near term", "short term", "long term")


def read_reference(text, context, tense, before):
    lowered = text.lower()
    if lowered in _PRESENT_WORDS:
        return Resolution("DATE", "PRESENT_REF", relative=True)
    if any(w in lowered for w in _FUTURE_WORDS):
        return Resolution("DATE", "FUTURE_REF", relative=True)
    return Resolution("DATE", "PAST_REF", relative=True)


_SET_BEFORE = re.compile(r"(?:\d|%|\$|times|cents?|dollars?|miles?|kilometers?|km|once|twice|"
                         r"percent|shares|barrels|tons|points?|hundred|thousand|million|"
                         r"billion|trillion|units|seats|flights|visitors)\s*$")


def read_duration(text, context, tense, before):
    lowered = text.lower().replace("-", " ")
    if lowered in ("one day", "some day") and _MODAL_BEFORE.search(before):
        return Resolution("DATE", "FUTURE_REF", relative=True)  # "Islam will one day be ..."
    if lowered in ("a while", "a short while", "a long while") or re.search(r"(?:while|time|period)$", lowered):
        return Resolution("DURATION", "PXX")
    words = lowered.split()
    unit_positions = [i for i, w in enumerate(words) if unit_of(w) and w not in ("second",)
                      or (w in ("second", "seconds") and i > 0)]
    if not unit_positions:
        return None
    unit_index = unit_positions[-1] if words[-1] not in ("old", "long", "so") else unit_positions[-1]
    unit = unit_of(words[unit_index])
    quantity_words = [w for w in words[:unit_index]
                      if w not in ("the", "past", "last", "next", "coming", "previous", "first",
                                   "following", "latest", "recent", "final", "remaining", "each",
                                   "of", "all", "additional", "full", "straight",
                                   "consecutive", "trading", "business", "calendar", "this",
                                   "prior", "current", "same", "upcoming", "that")]
    quantity = re.sub(r"\s+more$", "", " ".join(quantity_words))
    quantity = re.sub(r"^(?:at least|at most|more than|less than|fewer than|nearly|almost|about|"
                      r"around|roughly|approximately|some|up to|no more than|no less than|over|"
                      r"under|just|only|barely|well over|close to)\s*", "", quantity)
    # "two to three weeks": TIMEX3 has no range; TimeBank writes the lower bound (P2W)
    ranged = re.fullmatch(r"(\S+) to \S+", quantity)
    if ranged:
        quantity = ranged.group(1)
    amount = number_value(quantity) if quantity else None
    if not quantity and not words[unit_index].endswith("s"):
        amount = 1.0
    if amount is not None and lowered.endswith("and a half"):
        amount += 0.5  # "a minute and a half"
    if quantity in ("a", "an", "one", "per") and _SET_BEFORE.search(before):
        return Resolution("SET", duration_value(1, unit))
    return Resolution("DURATION", duration_value(amount, unit))


# "will one day be", "may one day become": between the modal and its verb, "one day" is
# some future time, not an amount ("it will take one day")
_MODAL_BEFORE = re.compile(r"(?:\bwill|\bwould|\bcould|\bmight|\bmay|\bshall|\bcan|['’]ll)\s+$")


def read_set(text, context, tense, before):
    lowered = text.lower()
    adverbs = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
               "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M",
               "biweekly": "P2W", "semiannually": "P6M"}
    if lowered in adverbs:
        return Resolution("SET", adverbs[lowered])
    twice = re.fullmatch(r"twice a (\w+)", lowered)
    if twice:
        return Resolution("SET", duration_value(1, twice.group(1)))
    words = lowered.split()
    weekday = next((WEEKDAYS[w.rstrip("s")] for w in words if w.rstrip("s") in WEEKDAYS), None)
    part = next((DAY_PARTS[w.rstrip("s")] for w in words if w.rstrip("s") in DAY_PARTS), None)
    if weekday is not None:  # "every Thursday", "Mondays", "Tuesday nights"
        return Resolution("SET", f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""))
    last = words[-1].rstrip("s")
    if last in MONTHS:
        return Resolution("SET", f"XXXX-{MONTHS[last]:02d}")
    if last in SEASONS:
        return Resolution("SET", f"XXXX-{SEASONS[last]}")
    if last in DAY_PARTS:
        return Resolution("SET", f"XXXX-XX-XXT{DAY_PARTS[last]}")
    unit = unit_of(words[-1])
    if unit is None:
        return None
    amount = number_value(words[-2]) if len(words) > 2 and number_value(words[-2]) else 1
    if "other" in words:
        amount = 2
    return Resolution("SET", duration_value(amount, unit))


def read_holiday(text, context, tense, before):
    lowered = text.lower()
    dct = context.dct
    if dct is None:
        return Resolution("DATE", None)
    lead = lowered.split()[0]
    name = lowered.split(" ", 1)[1] if lead in ("last", "this", "next") else lowered
    candidates = [holiday_date(name, y) for y in (dct.year - 1, dct.year, dct.year + 1)]
    if None in candidates:
        return None
    if "week" in lowered:
        # "as Easter week began": the week counts from its Monday, not from the holiday
        candidates = [c - timedelta(days=c.isoweekday() - 1) for c in candidates]
    if lead == "last" or tense in PASTS:
        day = max(c for c in candidates if c <= dct)
    elif lead == "next" or tense == FUTURE:
        day = min(c for c in candidates if c >= dct)
    else:
        day = min(candidates, key=lambda c: abs((c - dct).days))
    if "week" in lowered:
        return Resolution("DATE", week_value(day), granularity="week", relative=True)
    return Resolution("DATE", day_value(day), granularity="day", relative=True)


def read_past_ref(text, context, tense, before):
    return Resolution("DATE", "PAST_REF", relative=True)


def read_future_ref(text, context, tense, before):
    if "later date" in text.lower():
        return Resolution("DATE", "FUTURE_REF", relative=True)
    unit = unit_of(text.lower().split()[-2])
    return Resolution("DURATION", duration_value(None, unit or "day"))
