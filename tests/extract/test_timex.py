"""Temporal expressions: recognition extents and TIMEX3 values against a publication date."""

import re

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
    # "years ago" is some years back: a vague past, never a precise year
    ("Residents had raised the alarm years ago.", "2024-05-01", "years ago", "DATE", "PAST_REF"),
    ("It was built months ago.", "2024-05-01", "months ago", "DATE", "PAST_REF"),
    ("It will be settled years from now.", "2024-05-01", "years from now", "DATE", "FUTURE_REF"),
    ("A decade ago, the plan failed.", "1999-03-12", "A decade ago", "DATE", "198"),
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
    ("The FY89 budget was cut.", "1989-10-26", "FY89", "DATE", "1989"),
    ("Sales rose in the first half of 1990.", "1989-10-26", "the first half of 1990", "DATE",
     "1990-H1"),
    ("Earnings for the last half of 1989 fell.", "1989-10-26", "the last half of 1989", "DATE",
     "1989-H2"),
    ("It ended the last half of the '80s.", "1989-10-26", "the last half of the '80s", "DATE",
     "198"),
    ("It could be effective as early as next year's first quarter.", "1989-10-31",
     "next year's first quarter", "DATE", "1990-Q1"),
    ("Profit rose in the third quarter. For the quarter a year ago, it was flat.",
     "1989-10-26", "the quarter a year ago", "DATE", "1988-Q3"),
    # "a year earlier" than a span of months is the previous year, than a quarter that quarter
    ("Net for the nine months rose 5% from a year earlier.", "1989-10-26", "a year earlier",
     "DATE", "1988"),
    ("Net for the third quarter rose 5% from a year earlier.", "1989-10-26", "a year earlier",
     "DATE", "1988-Q3"),
    # "the year" is the year under way, even after a later year is named
    ("Capital must reach 3% by 1994. Rules should be in place by year's end.", "1989-10-26",
     "year's end", "DATE", "1989"),
    ("He arrived in June 1998 and left later that year.", "2000-01-28", "later that year",
     "DATE", "1998"),
    ("It was a fabled 11th century temple.", "1998-02-19", "11th century", "DATE", "10"),
    # spelled years, months in the possessive, weeks and holidays
    ("January nineteen ninety-seven. Atlanta again.", "1998-02-27",
     "January nineteen ninety-seven", "DATE", "1997-01"),
    ("Prices fell to the level of the winter of nineteen ninety-four.", "1998-02-23",
     "the winter of nineteen ninety-four", "DATE", "1994-WI"),
    ("A revision to December's figures followed.", "1998-02-06", "December", "DATE", "1997-12"),
    ("A hearing is set for the week of March 6.", "2000-02-24", "the week of March 6", "DATE",
     "2000-W10"),
    ("Protesters prayed as Easter week began.", "2000-04-17", "Easter week", "DATE", "2000-W16"),
    # the weekend just passed early in the week, the coming one later or with "this"
    ("Over the weekend, officials met.", "1989-10-30", "the weekend", "DATE", "1989-W43-WE"),
    ("Officials meet this weekend.", "1989-10-30", "this weekend", "DATE", "1989-W44-WE"),
    ("They met last weekend.", "1989-11-04", "last weekend", "DATE", "1989-W43-WE"),
    ("The talks resume next weekend.", "1989-11-05", "next weekend", "DATE", "1989-W45-WE"),
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
    ("It saves $500 million a year.", "1989-10-30", "a year", "SET", "P1Y"),
    ("Meetings are held on Mondays.", "1998-02-13", "Mondays", "SET", "XXXX-WXX-1"),
    ("Flights leave on Monday and Tuesday nights.", "1998-02-13", "Tuesday nights", "SET",
     "XXXX-WXX-2TNI"),
    # durations followed by "of", fractions of a unit, spans, ranges, "later" as a signal
    ("After 40 years of the blockade, it ended.", "2000-01-07", "40 years", "DURATION", "P40Y"),
    ("Net rose in the first nine months of the year.", "1989-10-30", "the first nine months",
     "DURATION", "P9M"),
    ("But a minute and a half later, a pilot called.", "1998-01-14", "a minute and a half",
     "DURATION", "PT1M30S"),
    ("Three days later, the index closed higher.", "1989-10-30", "Three days", "DURATION",
     "P3D"),
    ("They emerged from their third day-long meeting.", "2000-04-03", "day-long", "DURATION",
     "P1D"),
    ("Prisoners were taken in the first hours of the war.", "1991-02-25", "the first hours",
     "DURATION", "PTXH"),
    ("The cut will be spread over two to three weeks.", "1989-10-30", "two to three weeks",
     "DURATION", "P2W"),
    ("For the year ended March 31, revenue rose.", "1989-11-01", "the year", "DURATION", "P1Y"),
    ("Islam will one day be the second largest religion.", "1998-03-03", "one day", "DATE",
     "FUTURE_REF"),
    ("It will take one day to finish.", "1998-03-03", "one day", "DURATION", "P1D"),
    # clock times
    ("The blast came at 10:35 a.m.", "1998-08-07", "10:35 a.m.", "TIME", "1998-08-07T10:35"),
    ("The polls close at 5 p.m. EST, Nov. 6.", "1989-11-01", "5 p.m. EST, Nov. 6", "TIME",
     "1989-11-06T17:00"),
    ("They met at noon Saturday.", "1991-02-18", "noon Saturday", "TIME", "1991-02-16T12:00"),
    ("In London at mid-afternoon yesterday, shares rose.", "1989-11-02",
     "mid-afternoon yesterday", "TIME", "1989-11-01TAF"),
    # days named from other days, lead words before a date
    ("The day before last Tuesday's hearing, he left.", "2000-02-24",
     "The day before last Tuesday", "DATE", "2000-02-21"),
    ("Stocks fell on Friday, down 4% from the previous Friday.", "1989-10-30",
     "the previous Friday", "DATE", "1989-10-20"),
    ("He was shot last Oct. 23 at his home.", "1999-04-19", "last Oct. 23", "DATE",
     "1998-10-23"),
    ("The vote is next Nov. 3.", "1998-10-26", "next Nov. 3", "DATE", "1998-11-03"),
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
    "Mr. Schwarz, 52 years old, will succeed him.",  # an age, not a duration
    'Baker said on ABC\'s "This Week" that the request stood.',  # titles, not dates
    "Gonzalez said on CBS's ``60 Minutes.''",
    "It showed Gary Cooper from the film ``High Noon.''",
]


@pytest.mark.parametrize("sentence", NOT_TIMES)
def test_words_that_are_not_times_are_left_alone(sentence):
    texts = {r.text.lower() for r in find_timexes(sentence, "2018-04-27")}
    assert not texts & {"may", "march", "2018", "now", "6-year-old", "a second", "2,018", "years",
                        "this week", "60 minutes", "noon"}


def test_a_quotation_may_open_with_a_time_word():
    texts = {r.text for r in find_timexes('"Now we see that edge eroded," he said.', "1991-02-25")}
    assert "Now" in texts


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


@pytest.mark.parametrize("text, count", [
    ("Nah — Chance (@chancetherapper) April 25, 2018", 1), ("x — (@a) Sep. 3, 2020\ny - Bo (@bo) March 3, 2021", 2),
    ("no post here — just a dash", 0), ("— Jo (@ jo) April 3, 2020", 0), ("— Jo @jo April 3, 2020", 0),
    ("— Jo (jo) April 3, 2020", 0), ("(@handle) April 25, 2018 without a dash", 0), ("", 0),
    ("— Jo (@jo) Foo 3, 2020", 0),
])
def test_embedded_post_dates_need_an_attribution(text, count):
    from newsprism.extract.timex import _EMBED_DATE

    # texts without "(@" are not searched: the pattern cannot match them
    assert "(@" in text or _EMBED_DATE.search(text) is None
    assert len(embedded_post_dates(text)) == count


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
    # a past verb that dates the act itself, or "since": before the DCT
    ("Investigators have been searching for him since shortly after the Oct. 23 slaying.",
     "1999-05-06", "Oct. 23", "1998-10-23"),
    ("In January, the company brought in a new chief.", "1989-10-27", "January", "1989-01"),
    ("In the fiscal year ended Jan. 31, the company reported sales of $59 million.",
     "1989-10-31", "Jan. 31", "1989-01-31"),
    # ... but not a date the act sets ahead of it
    ("The company declared a dividend payable Dec. 7.", "1989-10-27", "Dec. 7", "1989-12-07"),
    ("The offer was extended to Nov. 16.", "1989-10-30", "Nov. 16", "1989-11-16"),
    ("Dunkin' has set Nov. 10 as the deadline.", "1989-11-02", "Nov. 10", "1989-11-10"),
    ("The bank created an office of the chairman, effective Feb. 1.", "1989-10-26", "Feb. 1",
     "1990-02-01"),
    # weekdays: cue words and verbs of planning point forward, possessives back
    ("The group might come to the U.S. as soon as Tuesday.", "2000-04-03", "Tuesday",
     "2000-04-04"),
    ("Officials postponed until Tuesday morning any action.", "2000-03-30", "Tuesday morning",
     "2000-04-04TMO"),
    ("He stayed in Paris until Tuesday.", "2000-03-30", "Tuesday", "2000-03-28"),
    ("Protesters planned a large demonstration on Saturday.", "2000-01-07", "Saturday",
     "2000-01-08"),
    ("On Friday, the government planned to pay the victims.", "1998-09-30", "Friday",
     "1998-09-25"),
    ("The prosecutor has scheduled a news conference Thursday.", "1999-05-05", "Thursday",
     "1999-05-06"),
    ("The GM move follows Tuesday's declaration by Ford.", "1989-10-27", "Tuesday",
     "1989-10-24"),
    ("The offer previously had been scheduled to expire at midnight Friday.", "1989-10-30",
     "midnight Friday", "1989-10-27T24:00"),
    ("He said the father would be traveling to the United States Thursday.", "2000-04-05",
     "Thursday", "2000-04-06"),
    ("Officials will meet over the weekend.", "1990-08-15", "the weekend", "1990-W33-WE"),
    ("Officials met over the weekend.", "1990-08-15", "the weekend", "1990-W32-WE"),
    # years after an article or in a from-to range
    ("Visitors rose from 100,000 in 1980 to more than 300,000.", "1998-09-07", "1980", "1980"),
    ("Many who led the 1992 protests have moved.", "1998-10-25", "1992", "1992"),
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


# Rules skipped on texts without their gate words: each example must match its rule, and the
# gate must find its word, in any case.
GATED = [
    ("holiday", "We met on Christmas Eve."), ("holiday", "by NEW YEAR'S DAY"),
    ("holiday", "on Valentine’s Day"), ("holiday", "last Thanksgiving"),
    ("past_ref", "in recent weeks"), ("future_ref", "the months ahead"),
    ("future_ref", "at a later date"), ("century", "the 21st century"),
    ("century", "an 11th-century temple"), ("week_of", "the week of March 6"),
    ("year_ended", "in the fiscal year that ended June 30"), ("spelled_year", "in nineteen ninety-four"),
    ("spelled_year", "the year two thousand"), ("deictic", "Yesterday morning"),
    ("deictic", "overnight"), ("deictic", "mid-afternoon today"),
    ("part_weekday", "late on the morning of Friday"),
]


# ("21st" has a case: the century rule does not read "21ST")
@pytest.mark.parametrize("rule, text", GATED + [(r, t.upper()) for r, t in GATED if r != "century"])
def test_a_gated_rule_never_matches_where_its_gate_finds_nothing(rule, text):
    from newsprism.extract.timex_patterns import _GATES, RULES
    from newsprism.regex_starts import ascii_folded

    assert dict(RULES)[rule].search(text), "the example must be one the rule finds"
    assert _GATES[rule].search(ascii_folded(text))
    assert not any(dict(RULES)[rule].search(other) for other in ("The vote was close.", "No date here"))


def _plain(words):
    """The capitalised and all-capital forms of ``words`` as a plain alternation, longest first."""
    forms = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(f) for w in forms for f in (w.capitalize(), w.upper())) + ")"


def _plain_month():
    from newsprism.extract.timex_patterns import MONTHS

    full = _plain([m for m in MONTHS if len(m) > 3 or m == "may"])
    abbreviated = "(?:" + _plain([m for m in MONTHS if len(m) <= 4 and m != "may"]) + r"\.?)"
    return rf"(?:{full}|{abbreviated})(?!\w|['’](?!s\b))"


@pytest.mark.parametrize("text", [
    "On Sept. 3, SEPT 4 and September 5; Sep 6, Sep. 7 and SEPTEMBER 8.",
    "May I? In May, MAY 2020, Mayfair, May's figures, May' and Mayor May.",
    "Jun Jun. June Junes JUNE JUN. Jul July Julys. Mar March Marching MAR. MARCH.",
    "December's end, Dec's end, Decembers, Dec., DECEMBER, Deck, Dec’s, Dec’t",
    "Monday Mondays MONDAY Mon. Tuesday’s Wednesdays Thursdayish FRIDAY, Saturday Sunday.",
    "",
])
def test_capitalised_name_tries_match_as_the_plain_alternations(text):
    from newsprism.extract import timex_patterns

    references = {
        timex_patterns.MONTH: _plain_month(),
        timex_patterns.WEEKDAY: _plain(timex_patterns.WEEKDAYS) + r"\b",
    }
    for pattern, reference in references.items():
        assert pattern != reference  # the tries, not the alternations
        expected = [m.span() for m in re.finditer(reference, text)]
        assert [m.span() for m in re.finditer(pattern, text)] == expected


MONTH_PIECES = ["Sept.", "SEPT", "September", "Sep", "Sep.", "June", "June.", "JUNE.", "Jun", "Jun.", "July",
                "Jul.", "May", "MAY.", "May's", "May’", "Mayfair", "Mar", "March", "MARCH.", "Dec’s", "Decembers",
                "Deck", "5", "25th", "2018", "'18", ",", ".", "of", "the", "last", "this", "next", "year", "early",
                "Friday,", "Monday", "morning", "week", "\n", "İ", "3:30", "p.m."]


def test_rules_on_the_month_tries_match_as_on_the_plain_alternation(monkeypatch):
    import random

    from newsprism.extract import timex_patterns

    rules = timex_patterns.RULES
    monkeypatch.setattr(timex_patterns, "MONTH", _plain_month())
    references = timex_patterns._rules()
    rng = random.Random(5)
    texts = [" ".join(MONTH_PIECES)] + [
        rng.choice([" ", "", "  "]).join(rng.choice(MONTH_PIECES) for _ in range(rng.randint(1, 8)))
        for _ in range(1500)
    ]
    for (name, pattern), (_, reference) in zip(rules, references):
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in reference.finditer(text)], (name, text)


# The triggers written in parts, as the one alternation each was, and the text it searches.
TRIGGER_ALTERNATIONS = {
    "clock": (True, r"\d\s*[ap]\.?m\b|\d:\d\d|noon|midnight|midday|o['’]clock|in\s+the\s+(?:morning|afternoon|evening)"),
    "quarter": (True, r"quarter|half|period|year[- ](?:earlier|ago)|\bq[1-4]\b"),
    "decade": (False, r"\d0['’]?s\b|(?i:ties\b)"),
    "year": (False, r"(?:1[6-9]|20)\d\d|FY\d\d"),
}
TRIGGER_PIECES = [
    "10:30", "a.m.", "5pm", "5 P.M.", "7am", "12:00noon", "noon", "NOON", "midnight", "4am-ish",
    "Midday", "o'clock", "O’CLOCK", "in the morning", "IN  THE\nEVENING", "q1", "Q4", "fq1", "Q12",
    "Q1-Q2", "quarter", "QUARTERS", "half", "period", "year-earlier", "year ago", "1990s", "90s",
    "'90s", "1990’s", "SIXTIES", "sixties", "forties-era", "ties", "2020", "FY2019", "fy20",
    "19999", "1600", "2099", "a1990", "3:00pm", "1:30am", "10m", "İn the morning", "ſixties",
    "Kelvin", "mid", "m", "the", ",", ".", "-", " ", "\n", "0s", "100s", "2:5", "9 :30",
    # and the words of the other triggers, inside words too
    "today", "Mondays", "daytime", "weekend", "fortnight", "centuries", "millennia", "sometimes",
    "terms", "know", "nowadays", "these  days", "from\nnow", "Springfield", "fall", "autumn",
    "half-year", "represent", "FUTURE", "pastime", "recently", "lately", "earlier", "agon",
    "hence", "thenceforth", "ſeason", "afternoon", "decades", "\u212aey", "mid-\u212a", "quarterly",
]


def _single_part_triggers():
    from newsprism.extract.timex_patterns import _FOLDED_TRIGGERS, _TRIGGERS

    return {name: (True, parts[0].pattern) for name, parts in _FOLDED_TRIGGERS.items()
            if len(parts) == 1 and name not in _TRIGGERS}


@pytest.mark.parametrize("name", sorted(TRIGGER_ALTERNATIONS.keys() | _single_part_triggers().keys()))
def test_triggers_in_parts_match_as_their_alternation(name):
    import random

    from newsprism.extract.timex_patterns import trigger_hits
    from newsprism.regex_starts import TrigramIndex, ascii_folded

    folded_side, alternation = {**_single_part_triggers(), **TRIGGER_ALTERNATIONS}[name]
    plain = re.compile(alternation)
    rng = random.Random(name)
    texts = [" ".join(TRIGGER_PIECES)] + [
        rng.choice(["", " "]).join(rng.choice(TRIGGER_PIECES) for _ in range(rng.randint(1, 8)))
        for _ in range(3000)
    ]
    for text in texts:
        folded = ascii_folded(text)
        expected = [(m.start(), m.end()) for m in plain.finditer(folded if folded_side else text)]
        found = trigger_hits(name, text, folded, TrigramIndex(folded))
        assert [(m.start(), m.end()) for m in found] == expected, text


@pytest.mark.parametrize("rule", sorted({rule for rule, _ in GATED}))
def test_gate_passes_as_its_search(rule):
    import random

    from newsprism.extract.timex_patterns import _GATES, _gate_passes
    from newsprism.regex_starts import TrigramIndex, ascii_folded

    gate = _GATES[rule]
    words = [t for _, t in GATED] + ["New", "years", "later", "dates", "TWO", "thousand", "Easter", "no", "ſ", "İ",
                                     "\u212a", "Mother's", "the", "nights", "recent", "centuries", "ended"]
    rng = random.Random(rule)
    texts = [t for _, t in GATED] + ["The vote was close.", ""] + [
        rng.choice([" ", "\n", "", "  "]).join(rng.choice(words) for _ in range(rng.randint(1, 6))) for _ in range(2000)
    ]
    for text in texts:
        folded = ascii_folded(text)
        assert _gate_passes(gate, folded, TrigramIndex(folded)) == (gate.search(folded) is not None), text
