"""Brief sentences told from quote records, and the acts a candidate reports: on quotations
and narration of our own."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from newsprism.model import Post, Quote, Span
from newsprism.options import BriefOptions
from newsprism.story import brief_records
from newsprism.story.brief import unquoted
from newsprism.story.brief_records import (act_strength, context_day, dated_acts, deeds, excerpt, narrated_acts,
                                            quote_groups, quote_sentence)

TEXT = ("Valk apologised on Friday. “We closed the harbour too late. Nobody was hurt. I am sorry for "
        "the delay. We will reopen on Monday,” she said.")


def _quote(text: str, content: str) -> Quote:
    start = text.index(content)
    span = Span("a", start, start + len(content), content, "content")
    return Quote(id="q1", text=content, kind="direct", speaker_id="ines-valk", cue="said",
                 channel="statement", evidence=(span,), speaker_name="Ines Valk")


@pytest.mark.parametrize("text, expected", [
    ("Chance the Rapper is apologizing after taking to Twitter.", {"apologises"}),
    ("The minister apologised to the families on Monday.", {"apologises"}),
    ("Trump responded to the post within an hour.", {"responded"}),
    ("The mayor fired back at her critics.", {"responded"}),
    ("The company denied the report.", {"rejects"}),
    ("The council rejected the plan and the mayor replied in a letter.", {"rejects", "responded"}),
    # no act: background and description
    ("The harbour has been closed since Tuesday.", set()),
    ("Oil kept leaking from the well.", set()),
])
def test_narrated_acts(text, expected):
    assert narrated_acts(text, [(0, len(text))]) == expected


@pytest.mark.parametrize("words, expected", [
    ("My fault yo", {"apologises"}),
    ("Nah, that ain’t it yo.", {"rejects"}),
    ("Thank you Kanye, very cool!", {"thanks"}),
    ("I hope you’ll reconsider. It is wrong.", {"asks"}),
    ("We are both dragon energy. He is my brother.", set()),
    ("I know nothing about it.", set()),  # "no" opens no sentence here
])
def test_deeds_of_words(words, expected):
    assert deeds(words) == expected


def _narrated_acts_one_by_one(text: str, pieces) -> set[str]:
    return {kind for kind, pattern in brief_records._NARRATED_ACTS
            if any(pattern.search(text, start, end) for start, end in pieces)}


def test_narrated_acts_are_searched_for_together_as_one_by_one():
    assert all(pattern.flags == re.I | re.U for _, pattern in brief_records._NARRATED_ACTS)


@pytest.mark.parametrize("seed", range(5))
def test_narrated_acts_in_random_mixes(seed):
    rng = random.Random(seed)
    words = ["sorry", "Apologizing", "my", "fault", "I", "was", "wrong", "hit", "back", "Replied", "denies", "refuse",
             "responding", "the", "x", "deny-", "“", "”", ".", "\n", "ReSpOnDs", "fired  back", "apologises"]
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 10)))
        cuts = sorted(rng.randint(0, len(text)) for _ in range(2 * rng.randint(0, 2)))
        pieces = list(zip(cuts[::2], cuts[1::2])) or [(0, len(text))]
        assert narrated_acts(text, pieces) == _narrated_acts_one_by_one(text, pieces)


def test_narrated_acts_read_only_the_narration_pieces():
    text = "“I am sorry,” Valk said on Friday."
    narration = [(text.index("Valk"), len(text))]
    assert narrated_acts(text, narration) == set()


def test_turning_acts_count_fully_other_acts_by_half():
    options = BriefOptions()
    assert act_strength({"apologises", "said"}, options) == 1.0
    assert act_strength({"posted"}, options) == 0.5
    assert act_strength({"praises"}, options) == 0.0  # a tone, not a deed
    assert act_strength(set(), options) == 0.0


def test_excerpt_keeps_the_act_sentence_and_marks_what_it_leaves_out():
    quote = _quote(TEXT, TEXT[TEXT.index("We closed"):TEXT.index(",” she")])
    words, spans = excerpt(quote, BriefOptions(max_quote_chars=60))
    assert words == "We closed the harbour too late. … I am sorry for the delay."
    for span in spans:
        assert TEXT[span.start:span.end] == span.text
    # a budget for all of it: verbatim, no ellipsis
    words, _ = excerpt(quote, BriefOptions(max_quote_chars=500))
    assert words == quote.text


def test_quote_sentence_tells_speaker_channel_and_day():
    assert quote_sentence("Ines Valk", "statement", date(2031, 6, 13), "Nobody was hurt.") == \
        "On June 13, 2031, Ines Valk said in a statement: “Nobody was hurt.”"
    assert quote_sentence("Ines Valk", "unknown", None, "Nobody was hurt.") == "Ines Valk said: “Nobody was hurt.”"


@pytest.mark.parametrize("quoted, start, end, expected", [
    ([], 0, 10, [(0, 10)]),
    ([(2, 4)], 0, 10, [(0, 2), (4, 10)]),
    ([(0, 3), (5, 12)], 0, 10, [(3, 5)]),
    ([(0, 3), (20, 25)], 5, 10, [(5, 10)]),
    ([(4, 30)], 5, 10, []),
])
def test_unquoted(quoted, start, end, expected):
    assert unquoted(quoted, start, end) == expected


def test_an_undated_quotation_takes_the_day_of_its_speakers_last_act_reported_before_it():
    from newsprism.stages import StoryInput

    text = "On Monday Valk posted a notice. Later she spoke. “We closed it,” Valk said. Then she left."
    def post(pid, phrase, posted):
        start = text.index(phrase)
        return Post(id=pid, platform="twitter", kind="post", text=phrase, author_id="ines-valk", posted=posted,
                    evidence=(Span("a", start, start + len(phrase), phrase, "text"),))
    posts = [post("p1", "posted a notice", "2031-06-09"), post("p2", "Then she left", "2031-06-11")]
    story = StoryInput("s", (), {}, {"posts": tuple(posts)})
    quote = _quote(text, "We closed it")
    assert context_day(quote, {p.id: p for p in posts}, dated_acts(story)) == date(2031, 6, 9)
    assert context_day(quote, {}, {}) is None


def test_two_wordings_of_one_quotation_are_one_group():
    from newsprism.stages import StoryInput

    def quote(qid, text, speaker="ines-valk", kind="direct"):
        return Quote(id=qid, text=text, kind=kind, speaker_id=speaker, cue="said", channel="unknown", evidence=())
    quotes = (
        quote("q1", "We will not gamble with lives. The harbour stays closed until divers say it is safe"),
        quote("q2", "We will not gamble with people's lives. The harbour stays closed until divers tell me it is safe"),
        # the same words from another speaker, a paraphrase, a statement that repeats a short post
        quote("q3", "We will not gamble with lives. The harbour stays closed until divers say it is safe", "bram-oster"),
        quote("q4", "that the harbour stays closed until divers say it is safe", kind="indirect"),
        quote("q5", "Fishing boats must stay out"),
        quote("q6", "Fishing boats must stay out of the north harbour, I said on Monday, and I meant it: "
                    "the crews, the divers and the engineers need room to work on the barge"),
    )
    groups = quote_groups(StoryInput("s", (), {}, {"quotes": quotes}), BriefOptions().same_quote_overlap)
    assert groups["q2"] == groups["q1"] == "q1"
    assert groups["q3"] == "q3" and groups["q4"] == "q4" and groups["q6"] == "q6"
