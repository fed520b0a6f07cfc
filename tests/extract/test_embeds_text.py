"""Flattened embeds in article text: "<text> — Display Name (@handle) Date [URL]"."""

import pytest

from newsprism.extract.embeds_text import find_text_embeds, parse_post_date


def parts(text, found):
    return (
        text[found.text[0]:found.text[1]],
        found.display_name,
        found.handle,
        found.date,
    )


POSITIVE = [
    # (text, [(post text, display name, handle, ISO date)])
    ("We won tonight! Thank you all — Ana Ruiz (@anaruiz) March 3, 2021",
     [("We won tonight! Thank you all", "Ana Ruiz", "anaruiz", "2021-03-03")]),
    # en dash, hyphen, and a dash glued to a media link
    ("Closed until further notice – City of Tarn (@tarncity) June 1, 2019",
     [("Closed until further notice", "City of Tarn", "tarncity", "2019-06-01")]),
    ("Ferry cancelled - Harbour Line (@harbourline) May 5, 2022",
     [("Ferry cancelled", "Harbour Line", "harbourline", "2022-05-05")]),
    ("Look at this pic.twitter.com/Ab12Cd— Jo Lark (@jolark) January 31, 2020",
     [("Look at this pic.twitter.com/Ab12Cd", "Jo Lark", "jolark", "2020-01-31")]),
    # display name in capitals, emoji in the text and the name
    ("my boat is ready 🚤🚤🚤 — MILO GRANT 🐬 (@milogrant) April 25, 2018",
     [("my boat is ready 🚤🚤🚤", "MILO GRANT 🐬", "milogrant", "2018-04-25")]),
    # a dash inside the text: the last one before the handle opens the attribution
    ("hes wrong – wake up — KIT (@Kit) April 25, 2018",
     [("hes wrong – wake up", "KIT", "Kit", "2018-04-25")]),
    # media only: the paragraph is just the attribution
    ("— Lena Park (@lenapark) April 27, 2018", [("", "Lena Park", "lenapark", "2018-04-27")]),
    # localized dates as platforms print them
    ("Guten Morgen — Rita Vogt (@ritavogt) 25. September 2018",
     [("Guten Morgen", "Rita Vogt", "ritavogt", "2018-09-25")]),
    ("Привет — Ivan P (@ivanp) 16 мая 2018 г.", [("Привет", "Ivan P", "ivanp", "2018-05-16")]),
    ("Hola a todos — Sol Díaz (@soldiaz) 5 de mayo de 2022",
     [("Hola a todos", "Sol Díaz", "soldiaz", "2022-05-05")]),
    # Instagram's wording, and a trailing URL after the date
    ("Sunset at the pier — Noa Bell (@noa.bell) on Apr 2, 2023 at 7:15pm PDT",
     [("Sunset at the pier", "Noa Bell", "noa.bell", "2023-04-02")]),
    ("Sunset at the pier\nA post shared by Noa Bell (@noa.bell) on Apr 2, 2023 at 7:15pm PDT",
     [("Sunset at the pier", "Noa Bell", "noa.bell", "2023-04-02")]),
    ("Vote today — Eli Moss (@elimoss) November 2, 2021 https://twitter.com/elimoss/status/1455512589295816707",
     [("Vote today", "Eli Moss", "elimoss", "2021-11-02")]),
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_text_form_embed_is_split_into_its_parts(text, expected):
    found = find_text_embeds(text)
    assert [parts(text, f) for f in found] == expected


def test_platform_comes_from_the_link_or_the_wording():
    (insta,) = find_text_embeds("Sunset\n\nA post shared by Noa Bell (@noa.bell) on Apr 2, 2023")
    (tiktok,) = find_text_embeds("Dance — Ana (@ana) May 1, 2023 https://www.tiktok.com/@ana/video/7212345678901234567")
    (tweet,) = find_text_embeds("Hi — Ana (@ana) May 1, 2023")
    assert (insta.platform, tiktok.platform, tweet.platform) == ("instagram", "tiktok", "twitter")
    assert tiktok.status_id == "7212345678901234567"


def test_trailing_url_gives_the_status_id():
    text = "Vote today — Eli Moss (@elimoss) November 2, 2021 https://twitter.com/elimoss/status/1455512589295816707"
    (found,) = find_text_embeds(text)
    assert found.status_id == "1455512589295816707"
    assert text[found.url_span[0]:found.url_span[1]] == found.url


def test_post_text_stops_at_the_paragraph_start():
    text = ("The mayor answered her critics on Tuesday.\n\n"
            "We acted on every report.\nEvery single one. — Mayor Ada Lind (@adalind) March 4, 2025\n\n"
            "Critics were not convinced.")
    (found,) = find_text_embeds(text)
    assert text[found.text[0]:found.text[1]] == "We acted on every report.\nEvery single one."


def test_one_paragraph_a_line_keeps_narration_out():
    text = ("The mayor answered her critics on Tuesday, posting:\n"
            "We acted on every report. — Ada Lind (@adalind) March 4, 2025\n"
            "Critics were not convinced.")
    (found,) = find_text_embeds(text)
    assert text[found.text[0]:found.text[1]] == "We acted on every report."


def test_consecutive_embeds_do_not_share_text():
    text = ("First post — Ada Lind (@adalind) March 4, 2025\n"
            "— Ada Lind (@adalind) March 5, 2025")
    first, second = find_text_embeds(text)
    assert text[first.text[0]:first.text[1]] == "First post"
    assert second.text[0] == second.text[1]


def test_overlong_text_keeps_only_the_last_lines_that_fit():
    text = "x" * 300 + "\nshort post — Ada Lind (@adalind) March 4, 2025\n\nmore"
    (found,) = find_text_embeds(text, max_text_chars=100)
    assert text[found.text[0]:found.text[1]] == "short post"


NEGATIVE = [
    "The bridge — closed since Tuesday — reopens next week.",
    "Follow Nadia Brennan on Twitter @nadiabrennan",
    "Write to the editor — Ana Ruiz (ana@example.com) March 3, 2021",
    "— Ana Ruiz, mayor of Tarn",
    "Thanks for reading — Ana Ruiz (@anaruiz)",
    "The campaign — led by Ana Ruiz (@anaruiz) on Twitter — grew fast.",
    "Ask the reporter — Ana Ruiz (@anaruiz) contributed reporting",
    "A well-known (@figure) said so on March 3, 2021",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_prose_signatures_and_addresses_are_not_embeds(text):
    assert find_text_embeds(text) == []


@pytest.mark.parametrize("printed,expected", [
    ("April 25, 2018", "2018-04-25"),
    ("Apr 25, 2018", "2018-04-25"),
    ("25 April 2018", "2018-04-25"),
    ("2. Juni 2018", "2018-06-02"),
    ("25 avril 2018", "2018-04-25"),
    ("February 30, 2020", None),
    ("Thursday", None),
    ("2018", None),
    ("contributed reporting", None),
])
def test_printed_post_dates(printed, expected):
    assert parse_post_date(printed) == expected


# Dates the English reading takes without dateparser, and values with markup it rejects,
# each with what dateparser itself gives (the test checks the two agree).
DIRECT = [
    ("September 27, 2016.", "2016-09-27"),
    ("June 29, 2016..", "2016-06-29"),
    ("29 June 2016.", "2016-06-29"),
    ("June 29, 2016 at 4:30 p.m.", "2016-06-29"),
    ("Feb 30, 2016.", None),
    ("June 29, 2016</tweet>.", None),
    ("<b>June 29, 2016</b>", None),
    ("29 juin 2016</tweet>", None),
    ("June 29, 2016<br>", None),
]


@pytest.mark.parametrize("printed,expected", DIRECT)
def test_dates_read_without_dateparser(printed, expected, monkeypatch):
    from newsprism.extract import embeds_text

    def unexpected(value):
        raise AssertionError(f"dateparser asked for {value!r}")

    monkeypatch.setattr(embeds_text, "_dateparser_date", unexpected)
    assert parse_post_date(printed) == expected


@pytest.mark.parametrize("printed,expected", DIRECT)
def test_dates_read_without_dateparser_are_those_dateparser_reads(printed, expected):
    from newsprism.extract.embeds_text import _dateparser_date

    assert _dateparser_date(printed) == expected


@pytest.mark.parametrize("text,expected", [
    # an extractor's output: the post's words, then its attribution on a line of its own
    ("The council met on Monday.\nThe gym is cold tonight.\n— Theo Okafor (@theookafor) March 4, 2025\nMore news.",
     "The gym is cold tonight."),
    # narration about the author, or introducing the post, is not its words
    ("The council met.\nOkafor answered the council the same night.\n— Theo Okafor (@theookafor) March 4, 2025",
     ""),
    ("The council met.\nHe posted this picture:\n— Theo Okafor (@theookafor) March 4, 2025", ""),
    ("First. — Theo Okafor (@theookafor) March 4, 2025\n— Theo Okafor (@theookafor) March 4, 2025", ""),
])
def test_attribution_on_its_own_line_takes_the_line_before_when_it_is_no_narration(text, expected):
    found = find_text_embeds(text)[-1]
    assert text[found.text[0]:found.text[1]] == expected
