"""Publication dates as metadata gives them: ISO strings, and the messy strings scrapers keep.

A scraped page's date field often holds the page's own date line rather than a clean value:
"Published on Friday, 27 September 2013", "Updated: November 11, 2011 20:09 IST",
"December 15th, 2008, 7:35 am", "Thursday, December 11, 2008 Over six full seasons …" (the
line ran into the text). :func:`normalize_datetime` reads such a string when its date can be
told without guessing: a label ("Published on", "Updated:", "Posted:") is dropped, ordinal
suffixes and spaced separators are undone, and when text runs on after the date, the longest
leading part that is a complete date is read. A string that names no year ("Mumbai, Nov 11 -")
is unreadable rather than given a year.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime, timedelta, timezone

from dateutil import parser

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Labels a page puts before its date line.
_LABEL = re.compile(
    r"^(?:(?:last\s+)?(?:published|posted|updated|modified|created|story\s+created|date|dated|"
    r"first\s+published|last\s+modified)(?:\s+(?:time|date))?\b\s*(?:on|at)?\s*[:|\-–—]?\s*)+",
    re.IGNORECASE)
_SPACED_SEPARATOR = re.compile(r"(?<=\d)\s+([:/])\s+(?=\d)")
_SPACED_ISO = re.compile(r"\b(\d{4})\s+-\s+(\d{2})\s+-\s+(\d{2})\b")
# "GMT+05:00" means five hours ahead; dateutil reads "GMT+5" the POSIX way (five behind).
_ZONE_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?:\s*:?\s*(\d{2}))?\b")
_AT_SIGN = re.compile(r"\s+@\s+")
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
_SPACED_MERIDIEM = re.compile(r"\b([ap])\.\s?m\.", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:1[89]|2\d)\d\d(?!\d)|(?<!\d)\d{1,2}/\d{1,2}/\d{2}(?!\d)")

# Offsets of zone abbreviations common on English-language news pages, where one reading is
# standard (IST — India, Ireland or Israel — is not: a time in it keeps no offset).
_ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "AKST": -9, "AKDT": -8, "HST": -10, "HKT": 8, "SGT": 8, "JST": 9, "KST": 9,
    "AEST": 10, "AEDT": 11, "AWST": 8, "NZST": 12, "NZDT": 13,
}
_MOST_WORDS = 16  # a date line is shorter; a longer field is text that ran on
_TZINFOS = {name: timezone(timedelta(hours=hours)) for name, hours in _ZONES.items()}


def normalize_datetime(value: str) -> tuple[str, str] | None:
    """(ISO value, precision) of a date string, else None.

    Args:
        value: A date or datetime as some input's metadata gives it.

    Returns:
        The ISO value at the precision the string gives: ``2018`` (``year``), ``2018-04``
        (``month``), ``2018-04-25`` (``day``, also for a midnight without zone) or a datetime
        (``datetime``, with its UTC offset when the string gives a zone with one standard
        offset); None when the string names no year.
    """
    value = str(value).strip()
    if _ISO_DAY.match(value):
        try:
            return datetime.strptime(value, "%Y-%m-%d").date().isoformat(), "day"
        except ValueError:
            return None
    value = _ZONE_OFFSET.sub(_offset, value)
    found = _parse(value)
    if found is None:
        tidy = _tidy(value)
        if not _YEAR.search(tidy):
            return None
        found = _parse(tidy) or _leading_date(tidy)
    if found is None:
        return None
    parsed, precision = found
    if precision == "year":
        return f"{parsed.year:04d}", "year"
    if precision == "month":
        return f"{parsed.year:04d}-{parsed.month:02d}", "month"
    if (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0) and parsed.tzinfo is None:
        return parsed.date().isoformat(), "day"
    return parsed.isoformat(), "datetime"


def _parse(value: str) -> tuple[datetime, str] | None:
    """dateutil's reading of the whole string and whether it names a day, a month or only a
    year; None unless it names a year."""
    readings = []
    with warnings.catch_warnings():
        # A zone abbreviation dateutil does not know leaves the time without offset, as wanted.
        warnings.simplefilter("ignore", parser.UnknownTimezoneWarning)
        # What the string leaves out takes the default: read it with two and compare.
        for default in (datetime(1, 1, 1), datetime(2, 2, 2)):
            try:
                readings.append(parser.parse(value, default=default, tzinfos=_TZINFOS))
            except (ValueError, OverflowError, TypeError):
                return None
    first, second = readings
    if first.year != second.year:
        return None
    if first.month != second.month:
        return first, "year"
    return first, ("month" if first.day != second.day else "day")


def _offset(match: re.Match) -> str:
    """'GMT+05:00' as '+05:00' (ISO sign: ahead of UTC)."""
    sign, hours, minutes = match.groups()
    return f"{sign}{int(hours):02d}:{minutes or '00'}"


def _tidy(value: str) -> str:
    """The string without its label, ordinal suffixes and spaces around separators."""
    value = _LABEL.sub("", value.strip())
    value = _SPACED_SEPARATOR.sub(r"\1", value)  # "7 : 35 : 15" too: lookarounds consume no digit
    value = _AT_SIGN.sub(" at ", value)
    value = _SPACED_ISO.sub(r"\1-\2-\3", value)
    value = _ORDINAL.sub(r"\1", value)
    value = _SPACED_MERIDIEM.sub(r"\1m", value)
    value = value.replace("(", " ").replace(")", " ")
    return value.strip(" \t|-–—:,;")


def _leading_date(value: str) -> tuple[datetime, str] | None:
    """The longest run of leading words that reads as a date with a year, else None."""
    words = value.split()[:_MOST_WORDS]
    for end in range(len(words) - 1, 0, -1):
        head = " ".join(words[:end]).rstrip(" |-–—:,;(")
        if _YEAR.search(head):
            parsed = _parse(head)
            if parsed is not None:
                return parsed
    return None
