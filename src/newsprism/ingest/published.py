"""Estimating a publication date the input does not give, from the dates inside the text.

An article cannot be older than the latest thing it dates: the latest absolute date it writes
("April 25, 2018", "2018-04-25") or the latest time encoded in a status URL it cites. That
date is the estimate, marked ``estimated`` with a reason that names the evidence, and the
article's weekday references ("on Friday") are checked against it. When the text has only a
month ("December 2016") or a year, the estimate has that precision. Nothing is invented: with
no dated evidence, the date stays None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsprism.regex_starts import ascii_folded, longest_first
from newsprism.social import find_status_urls, snowflake_time

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# The patterns search the text's ASCII-folded copy (see regex_starts.ascii_folded), where they
# find with case what their case-insensitive forms find in the text itself (long s, dotted
# capital I and the Kelvin sign included), and the month and weekday names are tries of lower
# case letters: a case-insensitive alternation of words is tried word by word at every
# character, the trie by a test or two of the first letter. Values are read back from the text.
_MONTH = r"(?P<month>" + longest_first(MONTHS, ignorecase=True) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_MDY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b")
_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b")
_WEEKDAY = re.compile(r"\b(" + longest_first(WEEKDAYS, ignorecase=True) + r")\b")


@dataclass(frozen=True)
class Estimate:
    """An estimated publication date: ISO value, precision (day, month, year) and why."""

    value: str
    precision: str
    reason: str


def estimate_published(text: str) -> Estimate | None:
    """Estimate when ``text`` was published from the dates it contains, or None."""
    folded = ascii_folded(text)
    dated = _day_dates(text, folded)
    if dated:
        latest, evidence = max(dated, key=lambda item: item[0])
        reason = f"latest date in the text: {evidence}"
        weekdays = sorted({m.group(1) for m in _WEEKDAY.finditer(folded)}, key=WEEKDAYS.index)
        if weekdays:
            same = WEEKDAYS[latest.weekday()]
            if same in weekdays:
                reason += f"; it is a {same.capitalize()}, a weekday the text refers to"
            else:
                named = ", ".join(w.capitalize() for w in weekdays)
                reason += f"; the text's weekday references ({named}) may place it up to 6 days later"
        return Estimate(latest.isoformat(), "day", reason)
    months = [(int(m.group("year")), MONTHS[m.group("month")], text[m.start():m.end()])
              for m in _MONTH_YEAR.finditer(folded)]
    if months:
        year, month, evidence = max(months)
        return Estimate(f"{year:04d}-{month:02d}", "month", f"latest month in the text: {evidence!r}")
    return None


def _day_dates(text: str, folded: str) -> list[tuple[date, str]]:
    found: list[tuple[date, str]] = []
    for pattern in (_MDY, _DMY, _ISO):
        for match in pattern.finditer(folded):
            month = match.group("month")
            month_number = int(month) if month.isdigit() else MONTHS[month]
            try:
                value = date(int(match.group("year")), month_number, int(match.group("day")))
            except ValueError:
                continue
            found.append((value, repr(text[match.start():match.end()])))
    for match in find_status_urls(text):
        moment = snowflake_time(match.group("id"))
        if moment is not None:
            found.append((moment.date(), f"status {match.group('id')} posted {moment:%Y-%m-%dT%H:%M:%SZ}"))
    return found
