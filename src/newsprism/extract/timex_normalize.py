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
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from newsprism.extract.timex_patterns import (
    AT_CLOCK,
    DAY_PARTS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    SEASONS,
    TIME_UNITS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    Candidate,
)

PAST, FUTURE, PRESENT = "past", "future", "present"
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_WORDS = re.compile(r"[A-Za-z]+(?:['’]s)?|\d+(?:[.,]\d+)?(?:\s+\d/\d)?|\d+")
_EDGE_MOD = (("the end of", "END"), ("end of", "END"), ("the beginning of", "START"),
             ("beginning of", "START"), ("the start of", "START"), ("start of", "START"),
             ("the middle of", "MID"), ("middle of", "MID"), ("earlier", "START"),
             ("early", "START"), ("later", "END"), ("late", "END"), ("mid", "MID"))
_PREVIOUS = ("last", "past", "previous", "prior", "the past", "the last", "the previous",
             "the prior", "this past", "latest", "the latest")
_NEXT = ("next", "coming", "following", "upcoming", "the next", "the coming", "the following",
         "this coming")


@dataclass
class Context:
    """What normalization of one document knows: its DCT and the dates it already resolved."""

    dct: date | None
    dct_time: str | None = None
    mentioned: list[tuple[str, str]] = field(default_factory=list)  # (granularity, value)

    def last(self, *granularities: str) -> str | None:
        """The most recent resolved value of one of these granularities."""
        for granularity, value in reversed(self.mentioned):
            if granularity in granularities:
                return value
        return None


@dataclass(frozen=True)
class Resolution:
    """A normalized expression: TIMEX3 type and value, modifier, granularity, and whether the
    value depends on the DCT (``relative``)."""

    type: str
    value: str | None
    mod: str | None = None
    granularity: str | None = None
    relative: bool = False
    derived: bool = False


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


# --- calendar helpers --------------------------------------------------------------------


def day_value(day: date) -> str:
    return day.isoformat()


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def _number(text: str) -> float | None:
    """The number a quantity word or numeral stands for (None for "several", "a few")."""
    text = text.lower().replace("-", " ").strip()
    if text in VAGUE_NUMBERS or text.startswith("the next few"):
        return None
    if " and a half" in text:
        base = _number(text.replace(" and a half", ""))
        return None if base is None else base + 0.5
    fraction = re.fullmatch(r"(\d+)\s+(\d)/(\d)", text)
    if fraction:
        return int(fraction.group(1)) + int(fraction.group(2)) / int(fraction.group(3))
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return float(text.replace(",", ""))
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    total = 0.0
    for word in text.split():
        if word not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[word]
    return total or None


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def duration_value(amount: float | None, unit: str) -> str:
    """``P2D``, ``PT5H``, ``PXY``, ``P2Y6M`` for an amount of a calendar unit."""
    letter = UNITS.get(unit, "X")
    prefix = "PT" if unit in TIME_UNITS else "P"
    if unit == "decade":
        letter, amount = "Y", None if amount is None else amount * 10
    elif unit in ("century", "centurie"):
        letter, amount = "Y", None if amount is None else amount * 100
    elif unit == "fortnight":
        letter, amount = "W", None if amount is None else amount * 2
    elif unit == "weekend":
        letter, amount = "D", None if amount is None else amount * 2
    if amount is None:
        return f"{prefix}X{letter}"
    whole = int(amount)
    rest = amount - whole
    smaller = {"Y": ("M", 12), "H": ("M", 60), "D": ("H", 24), "W": ("D", 7)}
    if rest and letter in smaller:
        small_letter, factor = smaller[letter]
        small = rest * factor
        inner = "T" if letter == "D" else ""
        return f"{prefix}{whole}{letter}{inner}{_fmt(small)}{small_letter}" if whole else \
            f"{prefix}{inner}{_fmt(small)}{small_letter}"
    return f"{prefix}{_fmt(amount)}{letter}"


def _unit_of(word: str) -> str | None:
    word = word.lower().rstrip("s") if word.lower() not in ("centuries",) else "century"
    if word == "centurie":
        word = "century"
    if word == "millennia":
        word = "millennium"
    return word if word in UNITS else None


def shift(value_date: date, unit: str, amount: int) -> date:
    """``value_date`` moved by ``amount`` calendar units."""
    if unit in ("day", "night"):
        return value_date + timedelta(days=amount)
    if unit == "week":
        return value_date + timedelta(weeks=amount)
    if unit == "fortnight":
        return value_date + timedelta(weeks=2 * amount)
    if unit == "month":
        return value_date + relativedelta(months=amount)
    if unit == "quarter":
        return value_date + relativedelta(months=3 * amount)
    if unit == "year":
        return value_date + relativedelta(years=amount)
    if unit == "decade":
        return value_date + relativedelta(years=10 * amount)
    if unit == "century":
        return value_date + relativedelta(years=100 * amount)
    return value_date


def granular(value_date: date, unit: str) -> tuple[str, str]:
    """The value of the calendar unit containing ``value_date`` and its granularity."""
    if unit in ("day", "night", "hour", "minute", "second"):
        return day_value(value_date), "day"
    if unit in ("week", "fortnight", "weekend"):
        return week_value(value_date), "week"
    if unit == "month":
        return f"{value_date:%Y-%m}", "month"
    if unit == "quarter":
        return f"{value_date.year:04d}-Q{quarter_of(value_date)}", "quarter"
    if unit == "decade":
        return f"{value_date.year // 10:03d}", "decade"
    if unit == "century":
        return f"{value_date.year // 100:02d}", "century"
    return f"{value_date.year:04d}", "year"


def shift_value(value: str, unit: str, amount: int) -> str | None:
    """Move a TIMEX3 value (day, month, quarter or year) by calendar units, keeping its form."""
    match = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-Q([1-4])|-H([12]))?", value)
    if not match:
        return None
    year = int(match.group(1))
    years = {"year": 1, "decade": 10, "century": 100}.get(unit)
    if match.group(4):
        quarters = amount * (4 * years if years else {"quarter": 1, "month": 0}.get(unit, 0))
        index = year * 4 + int(match.group(4)) - 1 + quarters
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if match.group(5):
        return f"{year + amount * (years or 0):04d}-H{match.group(5)}" if years else None
    if match.group(2):
        day = date(year, int(match.group(2)), int(match.group(3) or 1))
        moved = shift(day, unit, amount)
        return day_value(moved) if match.group(3) else f"{moved:%Y-%m}"
    if years:
        return f"{year + amount * years:04d}"
    return None


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
    start_month = _SEASON_MONTH[season]
    current = date(dct.year, start_month, 1)
    dct_season_start = (dct.month - 3) % 12 // 3  # 0 spring .. 3 winter
    season_index = list(_SEASON_MONTH).index(season)
    if lead in _PREVIOUS:
        return dct.year if season_index < dct_season_start and dct.month >= 3 else dct.year - 1
    if lead in _NEXT:
        return dct.year if season_index > dct_season_start else dct.year + 1
    if tense == PAST and current > dct:
        return dct.year - 1
    if tense == FUTURE and date(dct.year, start_month, 28) + relativedelta(months=2) < dct:
        return dct.year + 1
    return dct.year


def _mod(text: str) -> str | None:
    lowered = text.lower()
    for prefix, mod in _EDGE_MOD:
        if lowered.startswith(prefix):
            return mod
    return None


def _lead(text: str, names) -> str:
    """The words before the first of ``names`` in ``text`` (lower case, single spaces)."""
    lowered = text.lower()
    positions = [lowered.find(n) for n in names if n in lowered]
    if not positions:
        return ""
    return lowered[:min(positions)].strip(" ,")


def _strip_edge(lead: str) -> str:
    for prefix, _ in _EDGE_MOD:
        if lead.startswith(prefix):
            return lead[len(prefix):].strip(" -")
    return lead


# --- handlers, one per rule family ---------------------------------------------------------


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
            year = _two_digit_year(int(lowered[1:]), context.dct)
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


def _two_digit_year(short: int, dct: date | None) -> int:
    century = (dct.year // 100 * 100) if dct else 2000
    year = century + short
    if dct and year > dct.year + 10:
        year -= 100
    return year


def _iso(text, context, tense, before):
    match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(T\d\d:\d\d(?::\d\d)?)?", text)
    if match:
        kind = "TIME" if match.group(4) else "DATE"
        return Resolution(kind, text, granularity="day")
    month, day, year = (int(part) for part in text.split("/"))
    if year < 100:
        year = _two_digit_year(year, context.dct)
    try:
        return Resolution("DATE", date(year, month, day).isoformat(), granularity="day")
    except ValueError:
        return None


def _month(text, context, tense, before):
    mod = _mod(text)
    words = re.findall(r"[A-Za-z]+|\d+|'\d\d", text)
    month = next(MONTHS[w.lower()] for w in words if w.lower() in MONTHS and w[0].isupper())
    year = next((int(w) for w in words if re.fullmatch(r"(?:1[6-9]|20)\d\d", w)), None)
    short = next((w for w in words if w.startswith("'")), None)
    if year is None and short:
        year = _two_digit_year(int(short[1:]), context.dct)
    if text.lower() == "may" and before.rstrip().endswith(("it", "they", "we", "you", "he", "she")):
        return None
    if year is not None:
        return Resolution("DATE", f"{year:04d}-{month:02d}", mod, "month")
    dct = context.dct
    if dct is None:
        return Resolution("DATE", f"XXXX-{month:02d}", mod, None)
    lead = _strip_edge(_lead(text, [m for m in MONTHS if m in text.lower()] or [""]))
    lowered = text.lower()
    if lead in _PREVIOUS or "last year" in lowered:
        year = dct.year if month < dct.month and "last year" not in lowered else dct.year - 1
    elif lead in _NEXT or "next year" in lowered:
        year = dct.year if month > dct.month and "next year" not in lowered else dct.year + 1
    elif lead == "this" or "this year" in lowered:
        year = dct.year
    else:
        year = _year_for(month, None, dct, tense)
    return Resolution("DATE", f"{year:04d}-{month:02d}", mod, "month", relative=True)


def _year(text, context, tense, before):
    mod = _mod(text)
    match = re.search(r"(?:1[6-9]|20)\d\d", text)
    lowered = text.lower()
    if match is None:
        short = re.search(r"FY(\d\d)", text)
        return Resolution("DATE", f"FY{_two_digit_year(int(short.group(1)), context.dct)}",
                          granularity="year") if short else None
    if "fiscal" in lowered or "fy" in lowered:
        return Resolution("DATE", f"FY{match.group()}", mod, "year")
    return Resolution("DATE", match.group(), mod, "year")


def _decade(text, context, tense, before):
    mod = _mod(text)
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
    year = _two_digit_year(int(short.group(1)) * 10, context.dct)
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
    lead = _lead(text, [name])
    part = next((DAY_PARTS[p] for p in DAY_PARTS if re.search(rf"\b{p}\b", lowered)), None)
    if context.dct is None:
        value = f"XXXX-WXX-{WEEKDAYS[name]}"
        return Resolution("TIME" if part else "DATE", value + (f"T{part}" if part else ""))
    core = _strip_edge(lead)
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
    mod = _mod(lead) if lead and not lead.startswith(("earlier", "later")) else None
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


_PRESENT_WORDS = ("now", "right now", "currently", "current", "nowadays", "these days",
                  "at present", "presently")
_FUTURE_WORDS = ("future", "soon", "as soon as possible", "near term", "short term", "long term")


def _reference(text, context, tense, before):
    lowered = text.lower()
    if lowered in _PRESENT_WORDS:
        return Resolution("DATE", "PRESENT_REF", relative=True)
    if any(w in lowered for w in _FUTURE_WORDS):
        return Resolution("DATE", "FUTURE_REF", relative=True)
    return Resolution("DATE", "PAST_REF", relative=True)


def _relative(text, context, tense, before):
    lowered = text.lower()
    mod = _mod(lowered)
    unit_word = lowered.split()[-1]
    lead = _strip_edge(lowered[: lowered.rfind(unit_word)].strip())
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
    amount = -1 if lead in _PREVIOUS else 1 if lead in _NEXT else 0
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
    index = dct.year * 2 + half - 1 + (-1 if lead in _PREVIOUS else 1 if lead in _NEXT else 0)
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
    mod = _mod(lowered)
    name = next(s for s in SEASONS if re.search(rf"\b{s}\b", lowered))
    code = SEASONS[name]
    year_match = re.search(r"(?:1[6-9]|20)\d\d", lowered)
    if year_match:
        return Resolution("DATE", f"{year_match.group()}-{code}", mod, "season")
    if context.dct is None:
        return Resolution("DATE", f"XXXX-{code}", mod)
    lead = _strip_edge(_lead(lowered, [name]))
    year = _season_date(code, context.dct, tense, lead)
    return Resolution("DATE", f"{year:04d}-{code}", mod, "season", relative=True)


def _ago(text, context, tense, before):
    lowered = text.lower()
    words = lowered.split()
    direction = -1 if words[-1] in ("ago", "earlier", "before") else 1
    if lowered.endswith("from now"):
        words = words[:-1]
    unit_index = max(i for i, w in enumerate(words) if _unit_of(w))
    unit = _unit_of(words[unit_index])
    quantity = " ".join(words[:unit_index])
    quantity = re.sub(r"^(?:at least|at most|more than|less than|nearly|almost|about|around|"
                      r"roughly|approximately|some|up to|over|under|just|only|well over|"
                      r"close to)\s+", "", quantity)
    amount = _number(quantity) if quantity else None
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
            return Resolution("DATE", moved, granularity=_granularity_of(moved), derived=True)
    if context.dct is None:
        return Resolution("DATE", None, relative=True)
    moved_day = shift(context.dct, unit, direction * amount)
    value, granularity = granular(moved_day, unit)
    return Resolution("DATE", value, granularity=granularity, relative=True)


def _granularity_of(value: str) -> str | None:
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if "-Q" in value:
        return "quarter"
    if "-H" in value:
        return "half"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return None


_SET_BEFORE = re.compile(r"(?:\d|%|\$|times|cents?|dollars?|miles?|kilometers?|km|once|twice|"
                         r"percent|shares|barrels|tons|points?)\s*$")


def _duration(text, context, tense, before):
    lowered = text.lower().replace("-", " ")
    if lowered in ("a while", "a short while", "a long while") or re.search(r"(?:while|time|period)$", lowered):
        return Resolution("DURATION", "PXX")
    words = lowered.split()
    unit_positions = [i for i, w in enumerate(words) if _unit_of(w) and w not in ("second",)
                      or (w in ("second", "seconds") and i > 0)]
    if not unit_positions:
        return None
    unit_index = unit_positions[-1] if words[-1] not in ("old", "long", "so") else unit_positions[-1]
    unit = _unit_of(words[unit_index])
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
    range_match = re.fullmatch(r"(\S+) to \S+", quantity)
    if range_match:
        quantity = range_match.group(1)
    if unit == "second" and quantity in ("a", "one") and unit_index == len(words) - 1:
        pass
    amount = _number(quantity) if quantity else None
    if not quantity and not words[unit_index].endswith("s"):
        amount = 1.0
    if quantity in ("a", "an", "one", "per") and _SET_BEFORE.search(before):
        return Resolution("SET", duration_value(1, unit))
    return Resolution("DURATION", duration_value(amount, unit))


def _set(text, context, tense, before):
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
    last = words[-1].rstrip("s") if words[-1] not in WEEKDAYS else words[-1]
    if last in WEEKDAYS or words[-1].rstrip("s") in WEEKDAYS:
        return Resolution("SET", f"XXXX-WXX-{WEEKDAYS[words[-1].rstrip('s') if words[-1].rstrip('s') in WEEKDAYS else last]}")
    if last in MONTHS:
        return Resolution("SET", f"XXXX-{MONTHS[last]:02d}")
    if last in SEASONS:
        return Resolution("SET", f"XXXX-{SEASONS[last]}")
    if last in DAY_PARTS:
        return Resolution("SET", f"XXXX-XX-XXT{DAY_PARTS[last]}")
    unit = _unit_of(words[-1])
    if unit is None:
        return None
    amount = _number(words[-2]) if len(words) > 2 and _number(words[-2]) else 1
    if "other" in words:
        amount = 2
    return Resolution("SET", duration_value(amount, unit))


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.isoweekday()) % 7)
    if n > 0:
        return day + timedelta(weeks=n - 1)
    last = date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday_date(name: str, year: int) -> date | None:
    """The date of a holiday in a year (US holidays where countries differ)."""
    name = name.lower().replace("'", "")
    fixed = {"christmas eve": (12, 24), "christmas": (12, 25), "new years eve": (12, 31),
             "new years": (1, 1), "independence day": (7, 4), "halloween": (10, 31),
             "valentines day": (2, 14), "veterans day": (11, 11)}
    for key, (month, day) in fixed.items():
        if key in name:
            return date(year, month, day)
    if "thanksgiving" in name:
        return _nth_weekday(year, 11, 4, 4)
    if "easter" in name:
        return easter(year)
    if "election day" in name:
        return _nth_weekday(year, 11, 1, 1) + timedelta(days=1)
    if "labor day" in name:
        return _nth_weekday(year, 9, 1, 1)
    if "memorial day" in name:
        return _nth_weekday(year, 5, 1, -1)
    if "mothers day" in name:
        return _nth_weekday(year, 5, 7, 2)
    if "fathers day" in name:
        return _nth_weekday(year, 6, 7, 3)
    return None


def _holiday(text, context, tense, before):
    lowered = text.lower()
    dct = context.dct
    if dct is None:
        return Resolution("DATE", None)
    lead = lowered.split()[0]
    name = lowered.split(" ", 1)[1] if lead in ("last", "this", "next") else lowered
    candidates = [holiday_date(name, y) for y in (dct.year - 1, dct.year, dct.year + 1)]
    if None in candidates:
        return None
    if lead == "last" or tense == PAST:
        day = max(c for c in candidates if c <= dct)
    elif lead == "next" or tense == FUTURE:
        day = min(c for c in candidates if c >= dct)
    else:
        day = min(candidates, key=lambda c: abs((c - dct).days))
    if "week" in lowered:
        return Resolution("DATE", week_value(day), granularity="week", relative=True)
    return Resolution("DATE", day_value(day), granularity="day", relative=True)


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


def _past_ref(text, context, tense, before):
    return Resolution("DATE", "PAST_REF", relative=True)


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


def _future_ref(text, context, tense, before):
    if "later date" in text.lower():
        return Resolution("DATE", "FUTURE_REF", relative=True)
    unit = _unit_of(text.lower().split()[-2])
    return Resolution("DURATION", duration_value(None, unit or "day"))


_HANDLERS = {
    "clock": _clock, "date": _date, "iso": _iso, "month": _month, "year": _year,
    "decade": _decade, "century": _century, "spelled_year": _spelled_year,
    "weekday": _weekday, "part_weekday": _part_weekday, "deictic": _deictic,
    "reference": _reference, "relative": _relative, "quarter": _quarter, "season": _season,
    "ago": _ago, "duration": _duration, "set": _set, "holiday": _holiday,
    "future_ref": _future_ref, "past_ref": _past_ref, "anaphoric": _anaphoric,
}
