"""Normalizing recognised temporal expressions to TIMEX3 values against the article's DCT.

A value is written the way TimeML writes it: ``2018-04-25``, ``2018-04``, ``2018-W17``,
``2018-Q3``, ``2018-SU``, ``199`` (the 1990s), ``2018-04-27TMO``, ``P2D``, ``PXY``,
``PRESENT_REF``. Relative expressions are resolved against the document creation time (DCT);
where the text leaves the direction open ("Friday", "in December", "April 25"), the tense of
the governing verb decides: past tense looks back, future looks forward, and with no tense a
weekday looks back (news reports what happened) while a month or a date takes the nearest
occurrence. Expressions that refer to an earlier mention ("the quarter", "a year earlier") are
resolved against the last date of that kind in the document.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from newsprism.extract.timex_calendar import (
    day_value,
    duration_value,
    granular,
    granularity_of,
    number_value,
    quarter_of,
    shift,
    shift_value,
    two_digit_year,
    unit_of,
)
from newsprism.extract.timex_amounts import (
    read_duration,
    read_future_ref,
    read_holiday,
    read_past_ref,
    read_reference,
    read_set,
)
from newsprism.extract.timex_context import (
    FUTURE,
    NEXT_WORDS,
    PAST,
    PRESENT,
    PREVIOUS_WORDS,
    SEASON_MONTH,
    Context,
    Resolution,
    edge_mod,
    lead_words,
    strip_edge,
)
from newsprism.extract.timex_patterns import (
    AT_CLOCK,
    DAY_PARTS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    SEASONS,
    WEEKDAYS,
    Candidate,
)

def normalize(candidate: Candidate, context: Context, tense: str | None,
              before: str = "") -> Resolution | None:
    """Normalize one recognised expression.

    Args:
        candidate: the match (its rule family says how to read it).
        context: the document's DCT and earlier resolved values (updated here).
        tense: ``past``, ``future``, ``present`` or None: the governing verb's tense.
        before: the text just before the expression (a few words), for SET readings such as
            "$5 a year".

    Returns:
        The resolution, or None when the match is not a temporal expression after all.
    """
    handler = _HANDLERS[candidate.rule]
    text = " ".join(candidate.text.replace("’", "'").split())
    result = handler(text, context, tense, before.lower())
    if result is not None and result.type in ("DATE", "TIME") and result.value and \
            result.granularity and not result.derived:
        context.mentioned.append((result.granularity, result.value))
    return result


def _year_for(month: int, day: int | None, dct: date, tense: str | None) -> int:
    """The year of a month (and day) the text gives without one, seen from the DCT.

    The nearest occurrence wins; the tense of the governing verb halves the distance of the
    occurrences on its side (past tense prefers last year's date unless next year's is much
    nearer), because a scheduled date is often governed by a past verb ("set Nov. 10 as the
    deadline").
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
        if (tense == PAST and earlier) or (tense == FUTURE and later):
            distance *= 0.5
        if day is None and tense == FUTURE and earlier:
            continue  # "will vote in March": a month ahead
        options.append((distance, abs(year - dct.year), year))
    return min(options)[2]


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
    if tense == PAST and current > dct:
        return dct.year - 1
    if tense == FUTURE and date(dct.year, start_month, 28) + relativedelta(months=2) < dct:
        return dct.year + 1
    return dct.year


def _date(text, context, tense, before):
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
        year = _year_for(month, day, context.dct, tense)
        lowered = text.lower()
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


def _iso(text, context, tense, before):
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


def _month(text, context, tense, before):
    mod = edge_mod(text)
    words = re.findall(r"[A-Za-z]+|\d+|'\d\d", text)
    month = next(MONTHS[w.lower()] for w in words if w.lower() in MONTHS and w[0].isupper())
    year = next((int(w) for w in words if re.fullmatch(r"(?:1[6-9]|20)\d\d", w)), None)
    short = next((w for w in words if w.startswith("'")), None)
    if year is None and short:
        year = two_digit_year(int(short[1:]), context.dct)
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
        year = _year_for(month, None, dct, tense)
    return Resolution("DATE", f"{year:04d}-{month:02d}", mod, "month", relative=True)


def _year(text, context, tense, before):
    mod = edge_mod(text)
    match = re.search(r"(?:1[6-9]|20)\d\d", text)
    lowered = text.lower()
    if match is None:
        short = re.search(r"FY(\d\d)", text)
        return Resolution("DATE", f"FY{two_digit_year(int(short.group(1)), context.dct)}",
                          granularity="year") if short else None
    if "fiscal" in lowered or "fy" in lowered:
        return Resolution("DATE", f"FY{match.group()}", mod, "year")
    return Resolution("DATE", match.group(), mod, "year")


def _decade(text, context, tense, before):
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


def _century(text, context, tense, before):
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


def _spelled_year(text, context, tense, before):
    lowered = text.lower().replace("-", " ")
    if "two thousand" in lowered:
        return Resolution("DATE", "2000", granularity="year")
    words = lowered.split()
    century = NUMBER_WORDS.get(words[0])
    rest = words[1:]
    if rest and rest[0] == "hundred":
        return Resolution("DATE", f"{century}00", granularity="year")
    if rest and rest[0] == "oh":
        rest = rest[1:]
    tail = sum(NUMBER_WORDS.get(w, 0) for w in rest)
    if not century or tail >= 100:
        return None
    return Resolution("DATE", f"{century}{tail:02d}", granularity="year")


def _weekday(text, context, tense, before):
    lowered = text.lower()
    if re.search(r"\b(?:january|february|march|april|may|june|july|august|september|october|"
                 r"november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b", lowered) \
            and re.search(r"\d", lowered):
        return _date(text, context, tense, before)
    name = next(w for w in WEEKDAYS if w in lowered)
    lead = lead_words(text, [name])
    part = next((DAY_PARTS[p] for p in DAY_PARTS if re.search(rf"\b{p}\b", lowered)), None)
    if context.dct is None:
        value = f"XXXX-WXX-{WEEKDAYS[name]}"
        return Resolution("TIME" if part else "DATE", value + (f"T{part}" if part else ""))
    core = strip_edge(lead)
    offset = 0
    if core.endswith("day before") or core.endswith("night before"):
        offset, core = -1, ""
    elif core.endswith("day after"):
        offset, core = 1, ""
    anchor = context.dct
    if core in ("the previous", "the following") and context.last("day"):
        # "the previous Friday" counts from the day the text is talking about
        anchor = date.fromisoformat(context.last("day")[:10])
    day = _weekday_date(WEEKDAYS[name], anchor, tense, core) + timedelta(days=offset)
    mod = edge_mod(lead) if lead and not lead.startswith(("earlier", "later")) else None
    if part:
        return Resolution("TIME", f"{day_value(day)}T{part}", mod, "day", relative=True)
    return Resolution("DATE", day_value(day), mod, "day", relative=True)


def _part_weekday(text, context, tense, before):
    return _weekday(text, context, tense, before)


def _deictic(text, context, tense, before):
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


def _relative(text, context, tense, before):
    lowered = text.lower()
    mod = edge_mod(lowered)
    unit_word = lowered.split()[-1]
    lead = strip_edge(lowered[: lowered.rfind(unit_word)].strip())
    fiscal = "fiscal" in lead
    lead = lead.replace("fiscal", "").strip()
    dct = context.dct
    if unit_word in SEASONS:
        return _season(text, context, tense, before)
    if lead in ("the first", "first", "the final", "final") and unit_word in ("half", "quarter"):
        return _quarter(text, context, tense, before)
    if unit_word in ("half", "season"):
        return Resolution("DATE", None, mod, relative=True) if dct is None else \
            _half_or_season(unit_word, lead, dct, mod)
    unit = "week" if unit_word == "weekend" else unit_word
    if lead in ("the first", "first", "the final", "final", "the remaining"):
        return None
    amount = -1 if lead in PREVIOUS_WORDS else 1 if lead in NEXT_WORDS else 0
    if lead in ("that", "the same", "same") and context.mentioned:
        value = context.last({"week": "week", "month": "month", "quarter": "quarter",
                              "year": "year"}.get(unit, unit))
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
    moved = shift(dct, unit, amount)
    value, granularity = granular(moved, unit)
    if unit_word == "weekend":
        value += "-WE"
    if fiscal and unit == "year":
        value = f"FY{value}"
    return Resolution("DATE", value, mod, granularity, relative=True)


def _half_or_season(unit_word, lead, dct, mod):
    if unit_word == "season":
        return Resolution("DATE", None, mod, relative=True)
    half = 1 if dct.month <= 6 else 2
    index = dct.year * 2 + half - 1 + (-1 if lead in PREVIOUS_WORDS else 1 if lead in NEXT_WORDS else 0)
    return Resolution("DATE", f"{index // 2:04d}-H{index % 2 + 1}", mod, "half", relative=True)


def _quarter(text, context, tense, before):
    lowered = text.lower().replace("-", " ")
    dct = context.dct
    year_match = re.search(r"(?:1[6-9]|20)\d\d", lowered)
    year = int(year_match.group()) if year_match else None
    q_match = re.search(r"\bq([1-4])\b", lowered)
    ordinal = int(q_match.group(1)) if q_match else next(
        (ORDINALS[w] for w in lowered.split() if w in ORDINALS), None)
    half = "half" in lowered
    plural = re.search(r"(?:quarter|half|period)s\b", lowered)
    year_earlier = "year earlier" in lowered or "year ago" in lowered or "a year" in lowered \
        or "last year" in lowered or "corresponding" in lowered or "comparable" in lowered
    if plural:
        return Resolution("DURATION", "PXQ" if not half else "PXH")
    if ("period" in lowered or year is not None) and ordinal is None:
        base = context.last("quarter", "half", "year", "month")
        if base is None:
            return Resolution("DATE", None, relative=True)
        if re.search(r"(?:1[6-9]|20)\d\d", lowered) and base:
            base = re.sub(r"^\d{4}", re.search(r"(?:1[6-9]|20)\d\d", lowered).group(), base)
        value = shift_value(base, "year", -1) if year_earlier else base
        return Resolution("DATE", value, granularity="quarter" if "Q" in (value or "") else None,
                          derived=True)
    letter = "H" if half else "Q"
    if ordinal is None or ordinal == -1:
        base = context.last("half" if half else "quarter")
        if base is None and dct is not None:
            current = quarter_of(dct) if not half else (1 if dct.month <= 6 else 2)
            index = dct.year * (2 if half else 4) + current - 1
            if "latest" in lowered or "previous" in lowered or "prior" in lowered or ordinal == -1:
                index -= 1
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
            if ordinal > current and tense == PAST:
                year -= 1
            if year_earlier:
                year -= 1
        else:
            return Resolution("DATE", f"XXXX-{letter}{ordinal}")
    return Resolution("DATE", f"{year:04d}-{letter}{ordinal}",
                      granularity="half" if half else "quarter", relative=year_match is None)


def _season(text, context, tense, before):
    lowered = text.lower()
    mod = edge_mod(lowered)
    name = next(s for s in SEASONS if re.search(rf"\b{s}\b", lowered))
    code = SEASONS[name]
    year_match = re.search(r"(?:1[6-9]|20)\d\d", lowered)
    if year_match:
        return Resolution("DATE", f"{year_match.group()}-{code}", mod, "season")
    if context.dct is None:
        return Resolution("DATE", f"XXXX-{code}", mod)
    lead = strip_edge(lead_words(lowered, [name]))
    year = _season_date(code, context.dct, tense, lead)
    return Resolution("DATE", f"{year:04d}-{code}", mod, "season", relative=True)


def _ago(text, context, tense, before):
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
    if amount is None or not float(amount).is_integer():
        if amount is None and quantity in ("", "a", "one"):
            amount = 1
        elif amount is None:
            return Resolution("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", relative=True)
    amount = int(amount)
    anchor_words = ("earlier", "later", "before", "after")
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


def _clock(text, context, tense, before):
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
            inner = _date(original_rest, context, tense, before)
        elif any(w in rest for w in WEEKDAYS):
            inner = _weekday(original_rest, context, tense, before)
        elif rest:
            inner = _deictic(original_rest, context, tense, before)
        day_value_ = inner.value.split("T")[0] if inner and inner.value else None
    elif context.dct is not None:
        day_value_ = day_value(context.dct)
    if hour is None:
        return None
    if day_value_ is None:
        return Resolution("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", relative=True)
    return Resolution("TIME", f"{day_value_}T{hour:02d}:{minute:02d}", part, "day", relative=True)


def _anaphoric(text, context, tense, before):
    lowered = text.lower()
    mod = "END" if "end" in lowered else "START" if ("beginning" in lowered or "start" in lowered) \
        else "MID" if "middle" in lowered else None
    unit = next(u for u in ("month", "week", "quarter", "year") if u in lowered)
    value = context.last(unit)
    if value is None and context.dct is not None:
        value = granular(context.dct, unit)[0]
    if value is not None and "fiscal" in lowered and not value.startswith("FY"):
        value = f"FY{value}"
    return Resolution("DATE", value, mod, unit, relative=True, derived=True)


_HANDLERS = {
    "clock": _clock, "date": _date, "iso": _iso, "month": _month, "year": _year,
    "decade": _decade, "century": _century, "spelled_year": _spelled_year,
    "weekday": _weekday, "part_weekday": _part_weekday, "deictic": _deictic,
    "reference": read_reference, "relative": _relative, "quarter": _quarter, "season": _season,
    "ago": _ago, "duration": read_duration, "set": read_set, "holiday": read_holiday,
    "future_ref": read_future_ref, "past_ref": read_past_ref, "anaphoric": _anaphoric,
}
