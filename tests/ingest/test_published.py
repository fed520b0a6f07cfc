import pytest

from newsprism.ingest.published import estimate_published
from newsprism.regex_starts import ascii_folded

CASES = [
    ("Officials met on March 3, 2021 and again on March 9, 2021.", "2021-03-09", "day"),
    ("The 9 March 2021 vote and the 2021-03-11 recount.", "2021-03-11", "day"),
    ("See https://twitter.com/someone/status/989179757651574784 for the post.", "2018-04-25", "day"),
    ("The company was founded in December 2016.", "2016-12", "month"),
    ("Sept. 30, 2019: the deadline passed.", "2019-09-30", "day"),
]


@pytest.mark.parametrize(("text", "value", "precision"), CASES)
def test_estimate_is_the_latest_dated_thing(text, value, precision):
    estimate = estimate_published(text)
    assert (estimate.value, estimate.precision) == (value, precision)
    assert estimate.reason


@pytest.mark.parametrize("text", [
    "No dates here at all, only on Friday.",
    "February 30, 2021 is not a date.",
    "He scored 2021 points in May.",
])
def test_no_estimate_without_dated_evidence(text):
    assert estimate_published(text) is None


def test_weekday_references_are_checked_against_the_estimate():
    estimate = estimate_published("On Friday the team said — April 27, 2018")
    assert "Friday" in estimate.reason and "weekday the text refers to" in estimate.reason
    estimate = estimate_published("On Sunday the team said — April 27, 2018")
    assert "up to 6 days later" in estimate.reason


# Texts where the month and weekday patterns must find in the folded copy exactly what a
# plain case-insensitive alternation of the names finds in the text: every case, prefixes of
# longer names, names inside words, and the characters that match an ASCII letter only when
# case is ignored.
EQUIVALENCE_TEXTS = [
    "Officials met on March 3, 2021, MARCH 4, 2021 and march 5 2021; Mar. 6, 2021.",
    "The 9th of September, 2019, the 10 Sept 2019 and Sep 11, 2019 votes.",
    "Junes and Julys: June 2016, Jun 2016, July 4, 1999, Jul 4 1999, Mayfair 2 2020.",
    "In May 2020 she spoke. may 3 2020. MAY 2020. Marching 3, 2020. Decembers 2016.",
    "\u017fept 3, 2019 and Aprİl 5, 2019, AUGUſT 6, 2019, aprıl 2019.",
    "Monday, Tuesday and WEDNESDAY; thursdays, Fridayish, sunday SATURDAY.",
    "Nov 1, 2018 — November 2018 — nov. 2018 — 2018-11-02 — 3 of december, 2017.",
    "",
]


@pytest.mark.parametrize("text", EQUIVALENCE_TEXTS)
def test_name_tries_match_as_a_case_insensitive_alternation(text):
    import re

    from newsprism.ingest import published

    month = r"(?P<month>" + "|".join(sorted(published.MONTHS, key=len, reverse=True)) + r")\.?"
    year = published._YEAR
    plain = {
        published._MDY: rf"\b{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{year}\b",
        published._DMY: rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month},?\s+{year}\b",
        published._MONTH_YEAR: rf"\b{month},?\s+{year}\b",
        published._WEEKDAY: r"\b(" + "|".join(published.WEEKDAYS) + r")\b",
    }
    folded = ascii_folded(text)
    for pattern, reference in plain.items():
        expected = [_group_spans(m) for m in re.finditer(reference, text, re.I)]
        assert [_group_spans(m) for m in pattern.finditer(folded)] == expected


def _group_spans(match):
    return [match.span(g) for g in range(match.re.groups + 1)]


@pytest.mark.parametrize(("text", "value"), [
    ("\u017fept 3, 2019 was a Tueſday.", "2019-09-03"),  # long s: a case-insensitive "s"
    ("Aprİl 5, 2019 and aprıl 2019.", "2019-04-05"),  # dotted capital I, dotless i
    ("In AUGUſT 2019.", "2019-08"),
])
def test_names_matched_only_when_case_is_ignored_are_read(text, value):
    assert estimate_published(text).value == value
