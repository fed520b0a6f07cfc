"""Calendar arithmetic for TIMEX3 values: days, ISO weeks, quarters, durations, holidays.

Values are strings in TimeML's forms (``2018-04-25``, ``2018-W17``, ``2018-Q3``, ``P2D``);
these helpers build them from dates, move them by calendar units, and read quantities
("two", "a couple of", "5 1/2") and units ("years", "fortnight") into them.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from newsprism.extract.timex_patterns import NUMBER_WORDS, TIME_UNITS, UNITS, VAGUE_NUMBERS


def day_value(day: date) -> str:
    return day.isoformat()


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def number_value(text: str) -> float | None:
    """The number a quantity word or numeral stands for (None for "several", "a few")."""
    text = text.lower().replace("-", " ").strip()
    if text in VAGUE_NUMBERS or text.startswith("the next few"):
        return None
    if " and a half" in text:
        base = number_value(text.replace(" and a half", ""))
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
    smaller = {"year": ("M", 12), "hour": ("M", 60), "day": ("H", 24), "week": ("D", 7),
               "minute": ("S", 60)}
    if rest and unit in smaller:
        small_letter, factor = smaller[unit]
        small = rest * factor
        inner = "T" if unit == "day" else ""
        return f"{prefix}{whole}{letter}{inner}{_fmt(small)}{small_letter}" if whole else \
            f"{prefix}{inner}{_fmt(small)}{small_letter}"
    return f"{prefix}{_fmt(amount)}{letter}"


def unit_of(word: str) -> str | None:
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


def two_digit_year(short: int, dct: date | None) -> int:
    century = (dct.year // 100 * 100) if dct else 2000
    year = century + short
    if dct and year > dct.year + 10:
        year -= 100
    return year


def granularity_of(value: str) -> str | None:
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


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
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
        return nth_weekday(year, 11, 4, 4)
    if "easter" in name:
        return easter(year)
    if "election day" in name:
        return nth_weekday(year, 11, 1, 1) + timedelta(days=1)
    if "labor day" in name:
        return nth_weekday(year, 9, 1, 1)
    if "memorial day" in name:
        return nth_weekday(year, 5, 1, -1)
    if "mothers day" in name:
        return nth_weekday(year, 5, 7, 2)
    if "fathers day" in name:
        return nth_weekday(year, 6, 7, 3)
    return None
