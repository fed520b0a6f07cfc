"""Normalizing recognised temporal expressions to TIMEX3 values against the article's DCT.

A value is written the way TimeML writes it: ``2018-04-25``, ``2018-04``, ``2018-W17``,
``2018-Q3``, ``2018-SU``, ``199`` (the 1990s), ``2018-04-27TMO``, ``P2D``, ``PXY``,
``PRESENT_REF``. Relative expressions are resolved against the document creation time (DCT);
where the text leaves the direction open ("Friday", "in December", "April 25"), the tense of
the governing verb decides: past tense looks back, future looks forward, and with no tense a
weekday looks back (news reports what happened) while a month or a date takes the nearest
occurrence. Expressions that refer to an earlier mention ("the quarter", "a year earlier") are
resolved against the last date of that kind in the document.

Each rule family of :mod:`newsprism.extract.timex_patterns` has its reader: calendar names in
:mod:`~newsprism.extract.timex_dates`, days and clock times in
:mod:`~newsprism.extract.timex_days`, periods in :mod:`~newsprism.extract.timex_periods`,
amounts, sets and references in :mod:`~newsprism.extract.timex_amounts`.
"""

from __future__ import annotations

import re

from newsprism.extract.timex_amounts import (
    read_duration,
    read_future_ref,
    read_holiday,
    read_past_ref,
    read_reference,
    read_set,
)
from newsprism.extract.timex_context import Context, Resolution
from newsprism.extract.timex_dates import (
    read_century,
    read_date,
    read_decade,
    read_iso,
    read_month,
    read_season,
    read_spelled_year,
    read_year,
)
from newsprism.extract.timex_days import read_clock, read_deictic, read_week_of, read_weekday
from newsprism.extract.timex_patterns import Candidate
from newsprism.extract.timex_periods import read_ago, read_anaphoric, read_quarter, read_relative

__all__ = ["Context", "Resolution", "normalize"]


def normalize(candidate: Candidate, context: Context, tense: str | None,
              before: str = "") -> Resolution | None:
    """Normalize one recognised expression.

    Args:
        candidate: the match (its rule family says how to read it).
        context: the document's DCT and earlier resolved values (updated here).
        tense: ``past``, ``past-direct``, ``future``, ``present`` or None: the direction the
            governing verb and cue words give (:func:`newsprism.extract.tense.governing_tense`).
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
    elif result is not None and result.type == "DURATION" and result.value \
            and _DEFINITE_MONTHS.match(text):
        context.mentioned.append(("period", result.value))
    return result


# "the nine months", "the first six months": a span of the year the text reports on
_DEFINITE_MONTHS = re.compile(r"(?i)the\s+(?:(?:first|latest|last|past|same)\s+)?\w+\s+months$")


_HANDLERS = {
    "clock": read_clock, "date": read_date, "iso": read_iso, "month": read_month,
    "year": read_year, "decade": read_decade, "century": read_century,
    "spelled_year": read_spelled_year, "weekday": read_weekday, "part_weekday": read_weekday,
    "deictic": read_deictic, "reference": read_reference, "relative": read_relative,
    "quarter": read_quarter, "season": read_season, "ago": read_ago, "duration": read_duration,
    "set": read_set, "holiday": read_holiday, "future_ref": read_future_ref,
    "past_ref": read_past_ref, "anaphoric": read_anaphoric,
    "year_ended": lambda *_: Resolution("DURATION", "P1Y"), "week_of": read_week_of,
}
