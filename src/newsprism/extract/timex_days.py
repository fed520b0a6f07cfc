"""Normalizing days relative to the DCT: weekdays, "yesterday" and "tonight", clock times.

"Friday" is the Friday before the DCT, or after it when the governing verb or a cue word
points forward ("will meet Friday", "as soon as Tuesday"); a part of the day makes the value a
TIME (``2018-04-27TMO``), as the TIMEX3 guidelines type "Friday night".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsprism.extract.timex_calendar import day_value, week_value
from newsprism.extract.tense import FUTURE, PRESENT
from newsprism.extract.timex_context import Resolution, edge_mod, lead_words, strip_edge
from newsprism.extract.timex_dates import read_date
from newsprism.extract.timex_patterns import AT_CLOCK, DAY_PARTS, WEEKDAYS


def _weekday_date(weekday: int, dct: date, tense: str | None, lead: str) -> date:
    current = dct.isoweekday()
    back = (current - weekday) % 7
    forward = (weekday - current) % 7
    if lead in ("last", "this past", "the previous"):
        return dct - timedelta(days=back or 7)
    if lead in ("next", "this coming", "the following"):
        return dct + timedelta(days=forward or 7)
    if tense in (FUTURE, PRESENT):
        return dct + timedelta(days=forward)
    return dct - timedelta(days=back)


def read_weekday(text, context, tense, before):
    lowered = text.lower()
    if re.search(r"\b(?:january|february|march|april|may|june|july|august|september|october|"
                 r"november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b", lowered) \
            and re.search(r"\d", lowered):
        return read_date(text, context, tense, before)
    name = next(w for w in WEEKDAYS if w in lowered)
    lead = lead_words(text, [name])
    part = next((DAY_PARTS[p] for p in DAY_PARTS if re.search(rf"\b{p}\b", lowered)), None)
    if context.dct is None:
        value = f"XXXX-WXX-{WEEKDAYS[name]}"
        return Resolution("TIME" if part else "DATE", value + (f"T{part}" if part else ""))
    core = strip_edge(lead)
    offset = 0
    shifted = re.match(r"(?:the )?(?:day|night) (before|after)\s*(.*)$", core)
    if shifted:  # "the day before last Tuesday"
        offset, core = (-1 if shifted.group(1) == "before" else 1), strip_edge(shifted.group(2))
    anchor = context.dct
    if core in ("the previous", "the following"):
        # "down from the previous Friday" counts from the Friday just mentioned, else from the
        # day the text is talking about
        anchor = _mentioned_day(context, WEEKDAYS[name]) or anchor
    day = _weekday_date(WEEKDAYS[name], anchor, tense, core) + timedelta(days=offset)
    mod = edge_mod(lead) if lead and not lead.startswith(("earlier", "later")) else None
    if part:
        return Resolution("TIME", f"{day_value(day)}T{part}", mod, "day", relative=True)
    return Resolution("DATE", day_value(day), mod, "day", relative=True)


def read_week_of(text, context, tense, before):
    """"the week of March 6": the ISO week of that day."""
    inner = read_date(re.sub(r"(?i)^the\s+week\s+of\s+", "", text), context, tense, before)
    if inner is None or not inner.value:
        return inner
    return Resolution("DATE", week_value(date.fromisoformat(inner.value)), granularity="week",
                      relative=inner.relative)


def _mentioned_day(context, weekday: int) -> date | None:
    days = [date.fromisoformat(v[:10]) for g, v in context.mentioned
            if g == "day" and re.match(r"\d{4}-\d\d-\d\d", v)]
    same = [d for d in days if d.isoweekday() == weekday]
    return (same or days or [None])[-1]


def read_deictic(text, context, tense, before):
    lowered = text.lower().replace("'s", "")
    dct = context.dct
    if dct is None:
        return Resolution("DATE", None, relative=True)
    day, part = dct, None
    if "day before yesterday" in lowered:
        day = dct - timedelta(days=2)
    elif "day after tomorrow" in lowered:
        day = dct + timedelta(days=2)
    elif "yesterday" in lowered or lowered.startswith("last "):
        day = dct - timedelta(days=1)
    elif "tomorrow" in lowered:
        day = dct + timedelta(days=1)
    for word, code in DAY_PARTS.items():
        if re.search(rf"\b{word}\b", lowered) or (word == "afternoon" and "afternoon" in lowered):
            part = code
    if lowered.startswith("last ") and "night" not in lowered:
        day = dct - timedelta(days=1)
    mod = None
    if lowered.startswith(("early", "earlier")):
        mod = "START"
    elif lowered.startswith(("late ", "later")):
        mod = "END"
    if part:
        return Resolution("TIME", f"{day_value(day)}T{part}", mod, "day", relative=True)
    return Resolution("DATE", day_value(day), mod, "day", relative=True)


def read_clock(text, context, tense, before):
    lowered = text.lower()
    hour = minute = None
    part = None
    match = re.search(r"\b(\d{1,2}):(\d\d)", lowered)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
    else:
        match = re.search(r"\b(\d{1,2})\s*(?:a\.?m|p\.?m|o'clock|in the)", lowered)
        if match:
            hour, minute = int(match.group(1)), 0
    if "noon" in lowered or "midday" in lowered:
        hour, minute = 12, 0
    if "midnight" in lowered:
        hour, minute = 24, 0
    if hour is not None and hour < 12 and (re.search(r"\d\s*p\.?m|in the (?:afternoon|evening)",
                                                     lowered)):
        hour += 12
    if hour == 12 and re.search(r"\d\s*a\.?m", lowered):
        hour = 0
    clock = AT_CLOCK.match(text)
    rest = text[clock.end():].strip(" ,").lower() if clock else ""
    day_value_ = None
    if rest:
        original_rest = text[len(text) - len(rest):]
        inner = None
        if re.search(r"\d", rest):
            inner = read_date(original_rest, context, tense, before)
        elif any(w in rest for w in WEEKDAYS):
            inner = read_weekday(original_rest, context, tense, before)
        elif rest:
            inner = read_deictic(original_rest, context, tense, before)
        day_value_ = inner.value.split("T")[0] if inner and inner.value else None
    elif context.dct is not None:
        day_value_ = day_value(context.dct)
    if hour is None:
        return None
    if day_value_ is None:
        return Resolution("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", relative=True)
    return Resolution("TIME", f"{day_value_}T{hour:02d}:{minute:02d}", part, "day", relative=True)
