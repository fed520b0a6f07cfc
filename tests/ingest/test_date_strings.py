import pytest

from newsprism.ingest.date_strings import normalize_datetime


@pytest.mark.parametrize("value, expected", [
    # Clean values, as feeds and JSON exports give them.
    ("2021-03-09", ("2021-03-09", "day")),
    ("2021-03-09T00:00:00", ("2021-03-09", "day")),
    ("2021-03-09T14:05:00+01:00", ("2021-03-09T14:05:00+01:00", "datetime")),
    ("Tue, 09 Mar 2021 14:05:00 GMT", ("2021-03-09T14:05:00+00:00", "datetime")),
    ("March 9, 2021", ("2021-03-09", "day")),
    # Only a month or a year: the value says no more than the string does.
    ("March 2021", ("2021-03", "month")),
    ("2021", ("2021", "year")),
    ("Published: March 2021", ("2021-03", "month")),
    # Page date lines with labels, ordinals, zones.
    ("Published on Tuesday, 9 March 2021", ("2021-03-09", "day")),
    ("Updated: March 9, 2021 6:41 PM EST", ("2021-03-09T18:41:00-05:00", "datetime")),
    ("Last updated on: March 9th, 2021, 7:02 am", ("2021-03-09T07:02:00", "datetime")),
    ("POSTED: 03/09/21, 9:00 PM PDT |", ("2021-03-09T21:00:00-07:00", "datetime")),
    ("Story created: Mar 9, 2021 at 9:56 AM AKDT", ("2021-03-09T09:56:00-08:00", "datetime")),
    ("Published time: March 9, 2021 02:03 Edited time: March 10, 2021 08:00",
     ("2021-03-09T02:03:00", "datetime")),
    ("9 / 3 / 2021 @ 1 : 19PM", ("2021-09-03T13:19:00", "datetime")),
    ("12 : 52 p. m. EDT March 9, 2021", ("2021-03-09T12:52:00-04:00", "datetime")),
    # "GMT+05:00" is five hours ahead of UTC (dateutil alone reads "GMT+5" the POSIX way).
    ("9 March 2021, 10:00 (GMT+05:00)", ("2021-03-09T10:00:00+05:00", "datetime")),
    ("2021-03-09 14:03 UTC+2", ("2021-03-09T14:03:00+02:00", "datetime")),
    # A zone with several meanings (IST) keeps the time without an offset.
    ("Updated: March 9, 2021 20:09 IST", ("2021-03-09T20:09:00", "datetime")),
    # Tokenised text keeps spaces around separators.
    ("March 9th, 2021, 7 : 35 am", ("2021-03-09T07:35:00", "datetime")),
    ("2021 - 03 - 09", ("2021-03-09", "day")),
    # The date line ran into the article: the leading date is read, the rest ignored.
    ("Tuesday, March 9, 2021 The council met for six hours and passed 12 motions",
     ("2021-03-09", "day")),
    ("UPDATED 3:09 AM EST Mar 9, 2021 The vote was 7 to 2.", ("2021-03-09T03:09:00-05:00", "datetime")),
    ("2021 - 03 - 09 The assembly has 125 seats.", ("2021-03-09", "day")),
    # A time after a bar may be an update's: the day is all that is sure.
    ("Tuesday, Mar 9, 2021 | Updated 9:01 AM EDT", ("2021-03-09", "day")),
])
def test_date_strings_are_read_at_the_precision_they_give(value, expected):
    assert normalize_datetime(value) == expected


@pytest.mark.parametrize("value", [
    "Friday",                      # no year: never given one
    "Lagos, Mar 9 -",
    "Updated 9:06 AM",
    "tomorrow",
    "2021-13-45",
    "",
    "Marhc 9, 2021",               # a misspelt month is not guessed
    "Follow us on social media for the latest news and updates from around the region",
])
def test_strings_without_a_complete_date_are_unreadable(value):
    assert normalize_datetime(value) is None
