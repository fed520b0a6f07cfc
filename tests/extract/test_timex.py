"""Temporal expressions: recognition extents and TIMEX3 values against a publication date."""

import pytest

from newsprism.extract.timex import embedded_post_dates, find_timexes

# (sentence, DCT, expression as written, expected type, expected value). Without a parse no
# tense is known: weekdays look back, undated days and months take the nearest occurrence.
RULES = [
    # weekdays, the DCT's own weekday, lead words, day parts
    ("On Wednesday, West tweeted.", "2018-04-26", "Wednesday", "DATE", "2018-04-25"),
    ("Friday, Chance tweeted.", "2018-04-27", "Friday", "DATE", "2018-04-27"),
    ("He left last Friday.", "2018-04-27", "last Friday", "DATE", "2018-04-20"),
    ("They meet next Monday.", "2018-04-27", "next Monday", "DATE", "2018-04-30"),
    ("Friday morning, the dialogue continued.", "2018-04-27", "Friday morning", "TIME",
     "2018-04-27TMO"),
    ("It rained Sunday night.", "2018-01-01", "Sunday night", "TIME", "2017-12-31TNI"),
    # days relative to the DCT, across month, year and leap-day boundaries
    ("He arrived yesterday.", "2018-01-01", "yesterday", "DATE", "2017-12-31"),
    ("The vote is tomorrow.", "2016-02-28", "tomorrow", "DATE", "2016-02-29"),
    ("The vote is tomorrow.", "2017-02-28", "tomorrow", "DATE", "2017-03-01"),
    ("They spoke today.", "2018-04-26", "today", "DATE", "2018-04-26"),
    ("He talked to Kanye two days ago.", "2018-04-27", "two days ago", "DATE", "2018-04-25"),
    ("It happened three weeks ago.", "2018-04-27", "three weeks ago", "DATE", "2018-W14"),
    ("It opened five years ago.", "2018-04-27", "five years ago", "DATE", "2013"),
    ("He called last night.", "2018-03-01", "last night", "TIME", "2018-02-28TNI"),
    ("The talks ended this morning.", "2018-04-27", "this morning", "TIME", "2018-04-27TMO"),
    # weeks, months, years relative to the DCT
    ("Earlier this week, Kanye posted a picture.", "2018-04-27", "Earlier this week", "DATE",
     "2018-W17"),
    ("Sales fell last week.", "2018-01-03", "last week", "DATE", "2017-W52"),
    ("Prices rose last month.", "2018-01-15", "last month", "DATE", "2017-12"),
    ("Profits rose this year.", "2018-04-27", "this year", "DATE", "2018"),
    ("A vote is due next year.", "2018-12-31", "next year", "DATE", "2019"),
    ("They met last December.", "2018-04-27", "last December", "DATE", "2017-12"),
    ("They met last December.", "2018-12-20", "last December", "DATE", "2017-12"),
    ("The law passed in January.", "2018-02-10", "January", "DATE", "2018-01"),
    ("The trial opens in January.", "2018-12-10", "January", "DATE", "2019-01"),
    # absolute dates and their year when the text leaves it out
    ("West met with Trump in December 2016.", "2018-04-26", "December 2016", "DATE", "2016-12"),
    ("— KANYE WEST (@kanyewest) April 25, 2018", "2018-04-26", "April 25, 2018", "DATE",
     "2018-04-25"),
    ("The deadline is Nov. 10.", "2018-10-27", "Nov. 10", "DATE", "2018-11-10"),
    ("The case began on Dec. 28.", "2019-01-03", "Dec. 28", "DATE", "2018-12-28"),
    ("The leap day was Feb. 29, 2016.", "2018-01-01", "Feb. 29, 2016", "DATE", "2016-02-29"),
    ("It was signed on 25 April 2018.", None, "25 April 2018", "DATE", "2018-04-25"),
    ("The editorial of Saturday, April 25 said so.", "1998-04-24", "Saturday, April 25", "DATE",
     "1998-04-25"),
    ("Filed 2018-04-25 in court.", None, "2018-04-25", "DATE", "2018-04-25"),
    ("The rule dates from 1990.", "2018-04-27", "1990", "DATE", "1990"),
    # unknown DCT: the year stays unknown
    ("The festival is in December.", None, "December", "DATE", "XXXX-12"),
    # seasons, quarters, halves, fiscal years, decades, centuries
    ("Sales slowed last fall.", "1999-04-10", "last fall", "DATE", "1998-FA"),
    ("The plant opens this summer.", "1998-03-22", "this summer", "DATE", "1998-SU"),
    ("Profit rose in the third quarter.", "1989-10-26", "the third quarter", "DATE", "1989-Q3"),
    ("Third-quarter profit rose.", "1989-10-26", "Third-quarter", "DATE", "1989-Q3"),
    ("Results for the fourth quarter of 1988 were weak.", "1989-10-26",
     "the fourth quarter of 1988", "DATE", "1988-Q4"),
    ("Sales grew in the first half.", "2018-09-01", "the first half", "DATE", "2018-H1"),
    ("The budget for fiscal 1990 was cut.", "1989-10-26", "fiscal 1990", "DATE", "1990"),
    ("Music of the 1990s returned.", "2018-04-27", "the 1990s", "DATE", "199"),
    ("It sounded like the '80s.", "2018-04-27", "the '80s", "DATE", "198"),
    ("It was built in the 19th century.", "2018-04-27", "the 19th century", "DATE", "18"),
    ("Growth was strong in early 2018.", "2018-10-01", "early 2018", "DATE", "2018"),
    ("Stores opened on Thanksgiving Day.", "1999-11-30", "Thanksgiving Day", "DATE", "1999-11-25"),
    # references to the present, past and future
    ("He is now in Chicago.", "2018-04-27", "now", "DATE", "PRESENT_REF"),
    ("She recently moved.", "2018-04-27", "recently", "DATE", "PAST_REF"),
    ("It will matter in the future.", "2018-04-27", "the future", "DATE", "FUTURE_REF"),
    # durations and sets
    ("The talks lasted two days.", "2018-04-27", "two days", "DURATION", "P2D"),
    ("Over the past two years, prices doubled.", "2018-04-27", "the past two years",
     "DURATION", "P2Y"),
    ("He signed a two-year contract.", "2018-04-27", "two-year", "DURATION", "P2Y"),
    ("The flight took 5 1/2 hours.", "2018-04-27", "5 1/2 hours", "DURATION", "PT5H30M"),
    ("It took several years.", "2018-04-27", "several years", "DURATION", "PXY"),
    ("Wait at least 30 days.", "2018-04-27", "at least 30 days", "DURATION", "P30D"),
    ("The paper is printed daily.", "2018-04-27", "daily", "SET", "P1D"),
    ("They meet every Thursday.", "2018-04-27", "every Thursday", "SET", "XXXX-WXX-4"),
    ("Dues are $5 a year.", "2018-04-27", "a year", "SET", "P1Y"),
    # clock times
    ("The blast came at 10:35 a.m.", "1998-08-07", "10:35 a.m.", "TIME", "1998-08-07T10:35"),
    ("The polls close at 5 p.m. EST, Nov. 6.", "1989-11-01", "5 p.m. EST, Nov. 6", "TIME",
     "1989-11-06T17:00"),
    ("They met at noon Saturday.", "1991-02-18", "noon Saturday", "TIME", "1991-02-16T12:00"),
]


@pytest.mark.parametrize("sentence, dct, expression, kind, value", RULES)
def test_expression_is_found_with_its_timex3_value(sentence, dct, expression, kind, value):
    refs = find_timexes(sentence, dct)
    found = {r.text: (r.type, r.value) for r in refs}
    assert found.get(expression) == (kind, value), found


# Words that look like times and are not, even without a parse.
NOT_TIMES = [
    "They may meet in the spring.",  # "may" the verb, "spring" without a year still a season
    "Troops march through the city.",
    "He scored 2,018 points.",
    "The fund holds $2018 in cash.",
    "Prices rose 2018% in a decade.",
    "I know the answer.",
    "The 6-year-old boy smiled.",
    "He asked for a second chance.",
]


@pytest.mark.parametrize("sentence", NOT_TIMES)
def test_words_that_are_not_times_are_left_alone(sentence):
    texts = {r.text.lower() for r in find_timexes(sentence, "2018-04-27")}
    assert not texts & {"may", "march", "2018", "now", "6-year-old", "a second", "2,018"}


def test_relative_value_says_it_rests_on_an_estimated_publication_date():
    (ref,) = find_timexes("On Wednesday, West tweeted.", "2018-04-26",
                          dct_provenance="estimated")
    assert (ref.value, ref.anchor, ref.provenance, ref.precision) == (
        "2018-04-25", "2018-04-26", "estimated", "day")
    (absolute,) = find_timexes("It was April 25, 2018.", "2018-04-26", dct_provenance="estimated")
    assert absolute.provenance == "absolute" and absolute.anchor is None


def test_dct_known_only_to_the_month_cannot_place_a_weekday():
    refs = {r.text: r for r in find_timexes("On Friday, in May 2018, they met.", "2018-05",
                                            dct_precision="month")}
    assert refs["Friday"].value is None
    assert refs["May 2018"].value == "2018-05"


def test_relative_words_inside_an_embedded_post_count_from_the_post_date():
    text = ("Friday, Chance tweeted about it.\n\nTalked to him two days ago. — Chance The Rapper "
            "(@chancetherapper) April 25, 2018\n")
    assert embedded_post_dates(text)[0][2].isoformat() == "2018-04-25"
    refs = {r.text: r for r in find_timexes(text, "2018-04-27")}
    assert (refs["two days ago"].value, refs["two days ago"].provenance) == ("2018-04-23", "post")
    assert refs["Friday"].value == "2018-04-27"


def test_spans_point_at_the_text():
    text = "West met with Trump in December 2016 at Trump Tower, and again last week."
    for ref in find_timexes(text, "2018-04-26", article_id="a1"):
        assert text[ref.span.start:ref.span.end] == ref.span.text == ref.text
        assert ref.span.article_id == "a1"


# With the parse: the tense of the governing verb, and names that are not dates.
TENSED = [
    ("West will meet Trump on Friday.", "2018-04-25", "Friday", "2018-04-27"),
    ("West met Trump on Friday.", "2018-04-25", "Friday", "2018-04-20"),
    ("Sanders is meeting reporters Monday.", "2018-04-25", "Monday", "2018-04-30"),
    ("The company said it would hold the vote in March.", "2018-04-25", "March", "2018-03"),
    ("The board will vote in March.", "2018-04-25", "March", "2019-03"),
]


@pytest.mark.model
@pytest.mark.parametrize("sentence, dct, expression, value", TENSED)
def test_tense_of_the_governing_verb_decides_the_direction(nlp, sentence, dct, expression, value):
    refs = {r.text: r.value for r in find_timexes(sentence, dct, nlp(sentence))}
    assert refs.get(expression) == value, refs


PARSED_NEGATIVES = [
    ("May I ask a question?", "May"),
    ("Joe Friday solved the case.", "Friday"),
    ("The company sold 1990 shares.", "1990"),
]


@pytest.mark.model
@pytest.mark.parametrize("sentence, word", PARSED_NEGATIVES)
def test_parse_removes_words_that_are_not_dates(nlp, sentence, word):
    texts = {r.text for r in find_timexes(sentence, "2018-04-25", nlp(sentence))}
    assert word not in texts
