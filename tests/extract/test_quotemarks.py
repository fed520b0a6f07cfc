"""Quotations delimited by their marks, before any parsing."""

import random

import pytest

from newsprism.extract.quotemarks import find_quoted, find_single_quoted


def quoted_texts(text):
    quotes, _ = find_quoted(text)
    return [(q.text(text), q.flags) for q in quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“We won,” she said.", ["We won,"]),
        ('"We won," she said.', ["We won,"]),
        ("He said: «Nous avons gagné.»", ["Nous avons gagné."]),
        ("''It has the virtue of being fiscally responsible,'' he said.",
         ["It has the virtue of being fiscally responsible,"]),
        ("“First part,” Ortiz said. “Second part.”", ["First part,", "Second part."]),
        ("She called it “a “bold” plan” on Monday.", ["a “bold” plan"]),
        ("“Nested ‘inner’ words,” he said.", ["Nested ‘inner’ words,"]),
        ('The "Blue Line" reopened and "the trains run."', ["Blue Line", "the trains run."]),
        ("No quotation here at all.", []),
        # A closing mark typed where a paragraph's opening one belongs still opens it.
        ("Intro.\n”The pier must reopen.” ― Ana Ortiz", ["The pier must reopen."]),
        ("“Done.”\n” said nothing", ["Done."]),
    ],
)
def test_double_marks_pair_within_a_paragraph(text, expected):
    assert [t for t, _ in quoted_texts(text)] == expected


def test_quotation_running_over_paragraphs_is_one_quotation_with_a_piece_per_paragraph():
    text = "“The port will reopen. Crews worked all night.\n\n“Ships can dock by noon,” Ortiz said."
    quotes, stray = find_quoted(text)
    assert len(quotes) == 1 and not stray
    (quote,) = quotes
    assert [text[s:e] for s, e in quote.pieces] == [
        "The port will reopen. Crews worked all night.", "Ships can dock by noon,"]
    assert "unbalanced" not in quote.flags


def test_unclosed_quotation_is_recovered_to_the_paragraph_end_and_flagged():
    text = "Ortiz said, “The port will reopen tomorrow.\nThe mayor left early."
    (quote,) = find_quoted(text)[0]
    assert quote.text(text) == "The port will reopen tomorrow."
    assert "unbalanced" in quote.flags


def test_reopened_quotation_closes_the_first_one_and_flags_it():
    text = "“We will rebuild the pier this year. “If the money comes, we start in May.”"
    quotes, _ = find_quoted(text)
    assert [q.text(text) for q in quotes] == [
        "We will rebuild the pier this year.", "If the money comes, we start in May."]
    assert "unbalanced" in quotes[0].flags and "unbalanced" not in quotes[1].flags


def test_stray_closing_mark_is_reported_not_fatal():
    text = "The port reopened.” Then the mayor spoke."
    quotes, stray = find_quoted(text)
    assert quotes == [] and stray == [text.index("”")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Colbert says West should be renamed ‘Kellyanne Kanye’ soon.", ["Kellyanne Kanye"]),
        ("He said 'no deal' twice.", ["no deal"]),
        ("It’s the voters’ choice and they don’t care.", []),
        ("The ’90s were different.", []),
    ],
)
def test_single_marks_pair_only_around_words_never_on_apostrophes(text, expected):
    found = find_single_quoted(text, [])
    assert [q.text(text) for q in found] == expected


TAKEN_TEXT = "He said 'no deal' and “it's 'over' now” then 'yes' and 'maybe' and 'fine'."


@pytest.mark.parametrize("seed", range(20))
def test_single_marks_inside_taken_ranges_are_skipped_whatever_their_order_or_overlap(seed):
    rng = random.Random(seed)
    taken = [(a, a + rng.randint(0, 12)) for a in (rng.randrange(len(TAKEN_TEXT)) for _ in range(rng.randint(0, 5)))]
    inside = [i for i, ch in enumerate(TAKEN_TEXT) if ch in "‘’'" and any(s <= i < e for s, e in taken)]
    # the same as blanking every taken mark out of the text first
    blanked = "".join("x" if i in inside else ch for i, ch in enumerate(TAKEN_TEXT))
    assert find_single_quoted(TAKEN_TEXT, taken) == find_single_quoted(blanked, [])
