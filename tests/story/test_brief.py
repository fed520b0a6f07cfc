"""The story brief: neutral wording, citations that hold each sentence's facts, consensus and
single-outlet marking, sentences generated from post records; on a fixture of our own and on
the seed articles."""

from __future__ import annotations

import random
import re

import pytest

from newsprism.model import Article, Post, Span
from newsprism.options import BriefOptions
from newsprism.story.brief import Unit, apply_cuts, attributed, post_sentence, words, words_within

LOADED = {"ripped", "slammed", "torrent", "elites", "lauded", "blasted", "tirade", "disgraceful"}
_CONTENT = re.compile(r"[A-Za-z][\w’']+")


def content_words(text: str) -> set[str]:
    return {w.lower() for w in _CONTENT.findall(text)}


def assert_cited(brief, articles) -> None:
    """Every sentence has a source citation whose text holds all of the sentence's words
    (besides the generated "according to <outlet>" / "On <date>, X posted on Y" frame)."""
    texts = {a.id: a.text for a in articles}
    outlets = {a.outlet or "" for a in articles}
    for sentence in brief:
        assert sentence.citations, sentence.text
        for span in sentence.citations:
            assert texts[span.article_id][span.start:span.end] == span.text
        sources = [c for c in sentence.citations if c.role == "source"]
        assert sources, sentence.text
        cited = content_words(" ".join(c.text for c in sources))
        own = sentence.text
        generated = re.match(r"On (\w+ \d{1,2}, \d{4}), (.+?) (?:posted|reposted|replied) on \w+: “(.*)”$",
                             sentence.text)
        quoted = re.match(r"(?:On (\w+ \d{1,2}, \d{4}), )?(.+?) (?:said|wrote)(?: (?:in|at) [\w ]+)?: “(.*)”$",
                          sentence.text)
        if generated:
            # a sentence told from a post record: its words are the post's, its author and date
            # stand in the embed's attribution or the status link (whose id encodes the time)
            assert {"attribution", "url"} & {c.role for c in sentence.citations}, sentence.text
            own = generated.group(3)
        elif quoted and not generated:
            # a sentence told from a quote record: its words are the quotation's, its speaker
            # and cue are cited with their roles, its date (when it names one) too
            roles = {c.role for c in sentence.citations}
            assert {"speaker", "cue"} <= roles, sentence.text
            assert quoted.group(1) is None or "date" in roles, sentence.text
            own = quoted.group(3)
            # verbatim: whole sentences of the quotation, an ellipsis where some were left out
            assert own.replace(" … ", " ") == " ".join(c.text for c in sources), sentence.text
        for outlet in outlets:
            own = own.replace(f"according to {outlet}", "")
        missing = content_words(own) - cited - {"according"}
        assert not missing, (sentence.text, missing)


# Three fictional outlets report one fictional event; the Courier narrates with loaded words.
HARBOUR = [
    Article(id="gazette", source="gazette.txt", outlet="Coastal Gazette", published="2031-06-12",
            published_precision="day", text=(
                "The Port of Meriden closed its north harbour on Tuesday after a fuel barge ran aground "
                "near the breakwater.\n"
                "Harbour master Ines Valk said the closure would last at least three days.\n"
                "Crews placed floating booms around the barge to contain leaking diesel.\n"
                "Local fishing boats were moved to the south harbour.")),
    Article(id="courier", source="courier.txt", outlet="Meriden Courier", published="2031-06-12",
            published_precision="day", text=(
                "The Port of Meriden shut its north harbour on Tuesday after a fuel barge ran aground "
                "near the breakwater, an utterly avoidable accident.\n"
                "Councillor Bram Oster ripped the port authority for its disgraceful safety record.\n"
                "Harbour master Ines Valk said the harbour would stay closed for at least three days.\n"
                "Oster slammed the operator in a furious tirade at the council meeting.")),
    Article(id="wire", source="wire.txt", outlet="Lowland Wire", published="2031-06-13",
            published_precision="day", text=(
                "A fuel barge ran aground near the breakwater of the Port of Meriden on Tuesday, and the "
                "north harbour was closed.\n"
                "Crews put floating booms around the barge to contain diesel leaking from its hull.\n"
                "“We will reopen when the water is clean,” Valk said.\n"
                "The barge's owner, Tidemark Shipping, said it would pay for the clean-up.")),
]


@pytest.fixture(scope="module")
def harbour(nlp):
    import newsprism

    return newsprism.analyze(HARBOUR)


@pytest.mark.model
def test_loaded_words_of_one_outlet_stay_out_of_the_brief(harbour):
    brief = harbour.stories[0].brief
    assert 1 <= len(brief) <= BriefOptions().max_sentences
    text = " ".join(s.text for s in brief).lower()
    for word in LOADED:
        assert word not in text, word
    assert "utterly" not in text


@pytest.mark.model
def test_every_brief_sentence_is_cited_by_spans_holding_its_words(harbour):
    assert_cited(harbour.stories[0].brief, HARBOUR)


@pytest.mark.model
def test_consensus_first_and_single_outlet_reports_marked(harbour):
    brief = harbour.stories[0].brief
    # the grounding is reported by all three outlets: the brief carries it, with support
    grounding = [s for s in brief if "ran aground" in s.text]
    assert grounding
    assert len({c.article_id for c in grounding[0].citations}) == 3
    assert "according to" not in grounding[0].text
    for sentence in brief:
        cited = {c.article_id for c in sentence.citations}
        if len(cited) == 1:
            outlet = next(a.outlet for a in HARBOUR if a.id in cited)
            assert f"according to {outlet}" in sentence.text


@pytest.mark.model
def test_quotations_in_the_brief_are_verbatim_and_attributed(harbour):
    for sentence in harbour.stories[0].brief:
        for quote in re.findall(r"“([^”]+)”", sentence.text):
            source = " ".join(c.text for c in sentence.citations if c.role == "source")
            assert quote in source
            assert words(sentence.text.replace(quote, "")) >= 2  # the attribution is there


@pytest.mark.parametrize("text, cuts, expected", [
    ("an utterly avoidable accident", [(3, 11)], "an avoidable accident"),
    ("a so-called reform plan", [(2, 12)], "a reform plan"),
    ("no cuts here", [], "no cuts here"),
])
def test_apply_cuts(text, cuts, expected):
    assert apply_cuts(text, 0, cuts) == expected


def _unit(text: str, outlets: set[str]) -> Unit:
    article = Article(id="a", source="a", text=text, outlet="Coastal Gazette")
    return Unit(text, [Span("a", 0, len(text), text, "source")], article, 0, None, outlets)


@pytest.mark.parametrize("text, outlets, story_outlets, expected", [
    ("The harbour closed.", {"Coastal Gazette"}, 3, "The harbour closed, according to Coastal Gazette."),
    ("Valk said: “It is closed”", {"Coastal Gazette"}, 3, "Valk said: “It is closed” (according to Coastal Gazette)"),
    ("The harbour closed.", {"Coastal Gazette", "Lowland Wire"}, 3, "The harbour closed."),
    ("The harbour closed.", {"Coastal Gazette"}, 1, "The harbour closed."),
])
def test_single_outlet_reports_say_whose(text, outlets, story_outlets, expected):
    assert attributed(_unit(text, outlets), story_outlets) == expected


def test_post_sentence_from_a_record():
    post = Post(id="p1", platform="twitter", kind="post", text="Harbour closed until\nfurther notice",
                evidence=(), handle="portmeriden", author_id="ines-valk", posted="2031-06-10T08:00:00Z")
    sentence = post_sentence(post, {"ines-valk": "Ines Valk"}, 200)
    assert sentence == "On June 10, 2031, Ines Valk posted on Twitter: “Harbour closed until further notice”"
    assert post_sentence(post, {}, 200).startswith("On June 10, 2031, @portmeriden posted")
    assert "…" in post_sentence(post, {"ines-valk": "Ines Valk"}, 15)
    undated = Post(id="p2", platform="twitter", kind="post", text="x y", evidence=())
    assert post_sentence(undated, {}, 200) is None


@pytest.mark.model
def test_seed_brief_is_neutral_and_cited(seed_analysis):
    story = seed_analysis.stories[0]
    brief = story.brief
    assert 5 <= len(brief) <= 8
    assert_cited(brief, seed_analysis.articles)
    text = " ".join(s.text for s in brief).lower()
    # Breitbart's narration: "a torrent of scorn and criticism from Hollywood elites", "ripped",
    # "lauded"; none of it may reach the brief
    for word in ("torrent", "scorn", "elites", "ripped", "lauded"):
        assert word not in text, word
    # told in time order: a sentence about Wednesday's tweets before Friday's
    assert any("Wednesday" in s.text for s in brief)


@pytest.mark.model
def test_seed_brief_runs_from_the_maga_hat_post_to_the_apology(seed_analysis):
    from newsprism.stages import STORY_STAGES, discover_stages

    discover_stages()
    if "posts" not in STORY_STAGES or "quotes" not in STORY_STAGES:
        pytest.skip("the story is told through posts and quotes: needs the posts and quotes stages")
    brief = seed_analysis.stories[0].brief
    text = " ".join(s.text for s in brief)
    assert re.search(r"MAGA|Make America Great Again", brief[0].text + brief[1].text)
    assert re.search(r"apolog|My fault", " ".join(s.text for s in brief[-3:]))
    assert "Chance" in text


def _scored(text: str, day: int | None, score: float, dated: bool = True) -> Unit:
    from datetime import date

    unit = _unit(text, {"Coastal Gazette"})
    unit.when, unit.score, unit.dated = (date(2031, 6, day) if day else None), score, dated
    return unit


def test_selection_covers_each_day_of_a_story_running_over_days():
    from newsprism.story.brief import select

    units = [_scored("a", 1, 1.0), _scored("b", 1, 0.9), _scored("c", 1, 0.8),
             _scored("d", 2, 0.5), _scored("e", 3, 0.4), _scored("f", 3, 0.1, dated=False)]
    options = BriefOptions(min_sentences=3, max_sentences=3, min_relative_score=0.0, cover_days=3)
    assert sorted(units[i].text for i in select(units, None, options)) == ["a", "d", "e"]
    # a report of one event (fewer dated days than cover_days): the best sentences
    options = BriefOptions(min_sentences=3, max_sentences=3, min_relative_score=0.0, cover_days=4)
    assert sorted(units[i].text for i in select(units, None, options)) == ["a", "b", "c"]


def test_selection_keeps_post_sentences_to_their_share_and_background_by_score():
    from datetime import date

    from newsprism.story.brief import select

    units = [_scored(t, 5, s) for t, s in (("p1", 1.0), ("p2", 0.9), ("p3", 0.8))] + [_scored("n", 6, 0.2)]
    for unit in units[:3]:
        unit.from_post = True
    options = BriefOptions(min_sentences=1, max_sentences=4, min_relative_score=0.0, max_post_share=0.5)
    assert sorted(units[i].text for i in select(units, None, options)) == ["n", "p1", "p2"]
    old = [_scored("old", 1, 0.3), _scored("x", 10, 1.0), _scored("y", 11, 0.9), _scored("z", 12, 0.8)]
    options = BriefOptions(min_sentences=2, max_sentences=2, min_relative_score=0.0, cover_days=2)
    chosen = [old[i].text for i in select(old, None, options, background=date(2031, 6, 5))]
    assert "old" not in chosen


@pytest.mark.model
def test_example_brief_tells_a_quotation_once_in_any_wording(example_analysis):
    brief = example_analysis.stories[0].brief
    assert sum("gamble" in s.text for s in brief) <= 1


@pytest.mark.parametrize("text, ranges, most, expected", [
    ("", [(0, 0)], 2, 0),
    ("one", [(0, 3)], 2, 1),
    ("one two three", [(0, 13)], 2, 2),
    ("one two three", [(0, 13)], 5, 3),
    ("don't", [(0, 5)], 2, 1),  # a contraction counts once
    ("don't", [(0, 4)], 2, 1),  # cut before its last letter: as the slice counts it
    ("one two", [(1, 2), (4, 6)], 5, 2),  # a word cut by a range is counted in it
    ("“Yes,” Ana said.", [(7, 16)], 2, 2),
])
def test_words_within_ranges(text, ranges, most, expected):
    assert words_within(text, ranges, most) == expected


@pytest.mark.parametrize("seed", range(5))
def test_words_within_in_random_mixes(seed):
    rng = random.Random(seed)
    characters = ["a", "Z", "_", "7", "é", " ", "\n", "-", "’", "'", "…", ".", "“"]
    for _ in range(300):
        text = "".join(rng.choice(characters) for _ in range(rng.randint(0, 12)))
        cuts = sorted(rng.randint(0, len(text)) for _ in range(2 * rng.randint(1, 3)))
        ranges = list(zip(cuts[::2], cuts[1::2]))
        most = rng.randint(1, 4)
        assert words_within(text, ranges, most) == min(most, sum(words(text[s:e]) for s, e in ranges))
