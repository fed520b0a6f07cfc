import pytest

from newsprism.ingest.published import estimate_published

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
