"""DATEWISE timeline summary: date statistics, ranking, candidates and selection on small
hand-made stories (no parser needed), and the stage on the example story."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.model import Article, Span, TimeRef
from newsprism.options import TimelineSummaryOptions
from newsprism.story import timeline_summary
from newsprism.story.timeline_summary import (
    FEATURES,
    boilerplate,
    keywords,
    Sentence,
    date_statistics,
    rank_dates,
    ref_day,
    caption,
    first_person_passage,
    opening_caption,
    reports,
    summarize_timeline,
)


def _story(reports: list[tuple[str, str, list[tuple[str, str | None]]]]) -> list[Sentence]:
    """Sentences from (article id, published day, [(sentence, named day or None)])."""
    sentences = []
    for article_id, published, lines in reports:
        text = " ".join(line for line, _ in lines)
        article = Article(id=article_id, source=article_id, text=text, published=published,
                          published_precision="day")
        offset = 0
        for position, (line, named) in enumerate(lines):
            start = text.index(line, offset)
            end = start + len(line)
            offset = end
            sentence = Sentence(article, start, end, position, date.fromisoformat(published))
            if named:
                sentence.days[date.fromisoformat(named)] = Span(article_id, start, start + 3, text[start:start + 3])
            sentences.append(sentence)
    return sentences


FLOOD = _story([
    ("a1", "2031-03-02", [
        ("The river Vell burst its banks in Harlow on March 1, flooding two hundred homes.", "2031-03-01"),
        ("Rescue crews moved families from the lower town to the school gym overnight.", None),
    ]),
    ("a2", "2031-03-02", [
        ("Floodwater from the river Vell reached two hundred homes in Harlow on March 1.", "2031-03-01"),
        ("The mayor said the school gym will stay open as a shelter this week.", None),
    ]),
    ("a3", "2031-03-06", [
        ("Harlow began pumping water out of the flooded lower town on March 5.", "2031-03-05"),
        ("The river Vell burst its banks on March 1, officials recalled.", "2031-03-01"),
        ("Insurers expect claims from most of the two hundred flooded homes.", None),
    ]),
    ("a4", "2031-03-06", [
        ("Pumps started draining the lower town of Harlow on March 5, the council said.", "2031-03-05"),
        ("A festival planned for March 20 has been postponed.", "2031-03-20"),
    ]),
])


def test_date_statistics_count_sentences_articles_and_publications():
    stats = date_statistics(FLOOD)
    assert set(stats[date(2031, 3, 1)]) == set(FEATURES)
    assert stats[date(2031, 3, 1)]["sents_total"] == 3
    assert stats[date(2031, 3, 1)]["docs_total"] == 3
    assert stats[date(2031, 3, 1)]["sents_before"] == 3  # all named after the fact
    assert stats[date(2031, 3, 5)]["docs_total"] == 2
    assert stats[date(2031, 3, 20)]["sents_after"] == 1
    assert stats[date(2031, 3, 2)]["docs_published"] == 2
    assert stats[date(2031, 3, 2)]["sents_total"] == 0


@pytest.mark.parametrize("ranking, first", [
    ("mention_count", date(2031, 3, 1)),
    ("pub_count", date(2031, 3, 2)),
])
def test_rankings_order_dates_by_their_statistic(ranking, first):
    ranked = rank_dates(date_statistics(FLOOD), TimelineSummaryOptions(ranking=ranking))
    assert ranked[0][0] == first


def test_supervised_ranking_uses_weights_and_checks_their_number():
    stats = date_statistics(FLOOD)
    # weight only on publications: the same order as pub_count
    weights = (0, 0, 0, 0, 0, 0, 1.0, 0)
    ranked = rank_dates(stats, TimelineSummaryOptions(ranking="supervised", weights=weights))
    assert ranked[0][0] == date(2031, 3, 2)
    with pytest.raises(ValueError, match="needs 8 weights"):
        rank_dates(stats, TimelineSummaryOptions(ranking="supervised", weights=(1.0,)))
    with pytest.raises(ValueError, match="unknown date ranking"):
        rank_dates(stats, TimelineSummaryOptions(ranking="loudest"))


def test_summary_picks_top_dates_with_sentences_about_them():
    options = TimelineSummaryOptions(dates=2, sentences_per_date=1, min_words=3)
    summary = summarize_timeline(FLOOD, options)
    assert [t.date for t in summary] == ["2031-03-01", "2031-03-05"]  # in date order
    first, second = summary
    assert "March 1" in first.sentences[0].text and "Vell" in first.sentences[0].text
    assert "March 5" in second.sentences[0].text
    assert first.mentions == 3 and first.articles == 3
    for entry in summary:
        for sentence in entry.sentences:
            roles = {c.role for c in sentence.citations}
            assert roles == {"sentence", "date"}
            source = next(c for c in sentence.citations if c.role == "sentence")
            assert " ".join(source.text.split()) == sentence.text


def test_future_dates_and_dates_outside_bounds_are_left_out():
    summary = summarize_timeline(FLOOD, TimelineSummaryOptions(dates=10, min_words=3))
    assert "2031-03-20" not in [t.date for t in summary]  # after the last publication
    bounded = summarize_timeline(FLOOD, TimelineSummaryOptions(dates=10, min_words=3, start="2031-03-03"))
    assert all(t.date >= "2031-03-03" for t in bounded)


def test_sentences_per_date_and_no_sentence_twice():
    summary = summarize_timeline(FLOOD, TimelineSummaryOptions(dates=3, sentences_per_date=2, min_words=3))
    texts = [s.text for t in summary for s in t.sentences]
    assert len(texts) == len(set(texts))
    assert max(len(t.sentences) for t in summary) == 2


def test_unpublished_story_has_no_dates():
    article = Article(id="x", source="x", text="Nothing dated here at all today.")
    assert summarize_timeline([Sentence(article, 0, len(article.text), 0, None)], TimelineSummaryOptions()) == ()


@pytest.mark.parametrize("value, precision, expected", [
    ("2018-04-25", "day", date(2018, 4, 25)),
    ("2018-04-27TMO", "time", date(2018, 4, 27)),
    ("2018-04", "month", None),
    ("2018-W17", "week", None),
    (None, None, None),
])
def test_ref_day_only_for_day_precise_values(value, precision, expected):
    assert ref_day(TimeRef("x", "DATE", value, precision=precision)) == expected


@pytest.mark.parametrize("text, expected", [
    ("BP said on Thursday no oil was leaking into the Gulf.", True),
    ("“We have capped the well,” the company said on Thursday.", True),
    ("2,000 barrels a day were collected on Monday.", True),
    ("Can humans catch swine flu?", False),
    ("So who is in charge of stopping the oil spill, BP or the government?", False),
    ("massive oil spill in the Gulf of Mexico, the attorney general said on Tuesday.", False),
    ("“We have capped the well. No oil is leaking.”", False),
    ("\"We have capped the well,\" BP said.", True),
    # quoted first person and a quotation's elision are the speaker's, not the page's
    ("“We … will make BP pay,” Obama said on Monday.", True),
    ("The US Coast Guard said on Friday that our coast was safe, \"as far as we know\".", False),
    # teasers cut with an ellipsis, first-person comments and columns are not reports
    ("The deadly blowout was triggered by a bubble of methane gas that shot up the d.. .", False),
    ("Choppy seas halted Saturday's cleanup around the rig that toppled into th ... NEW ORLEANS --", False),
    ("I say: the tragedy of the spill is a moral crisis.", False),
    ("We went to the beach on Sunday and the sand was black.", False),
    ("My family has fished these waters for 40 years.", False),
    ("Workers in the US cleaned the beach on Sunday.", True),
])
def test_only_reports_tell_a_date(text, expected):
    assert reports(text) is expected


def _two_words_found_as_counted(text: str) -> bool:
    found = timeline_summary._TWO_WORDS.search(text) is not None
    return found == (len(timeline_summary._WORD.findall(text)) >= 2)


@pytest.mark.parametrize("text", [
    "", "Yes", "Yes.", "Yes no", "“Yes,” no.", "a-b", "a_b", "ab ", " ab", "…ab…cd", "Ça va", "1 2", "it's",
    "“We capped the well.” Yes.", "”", "x\ny", "日本 語",
])
def test_two_words_are_two_runs_of_word_characters(text):
    assert _two_words_found_as_counted(text)


@pytest.mark.parametrize("seed", range(5))
def test_two_words_in_random_mixes(seed):
    rng = random.Random(seed)
    characters = ["a", "Z", "_", "7", "é", " ", "\n", "-", "“", "'", "…", "."]
    for _ in range(300):
        assert _two_words_found_as_counted("".join(rng.choice(characters) for _ in range(rng.randint(0, 6))))


@pytest.mark.parametrize("texts, expected", [
    # a reader's comment: the middle sentence is between two in the first person
    (["I live on the coast.", "The beaches are ruined.", "We want BP to pay."], [False, True, False]),
    # negatives: one first-person neighbour, or first person only inside quotation marks
    (["I live on the coast.", "The beaches are ruined.", "BP said it would pay."], [False, False, False]),
    (["“We will pay,” BP said.", "The slick grew on Monday.", "“We are sorry,” Hayward said."],
     [False, False, False]),
    (["The slick grew on Monday."], [False]),
    ([], []),
])
def test_a_sentence_between_two_in_the_first_person_is_someones_account(texts, expected):
    assert first_person_passage(texts) == expected


@pytest.mark.parametrize("sentences, expected", [
    # the sentence before a photo credit is the picture's caption
    (["Workers lay a boom on the bay.", "Photograph: Ann Lee/AP Crews raced to protect the coast."], [True, False]),
    (["A boy wears a mask.", "Photo: Bo Kim/AFP/Getty Images Schools closed on Monday."], [True, False]),
    (["Obama flies along the coast.", "(AP Photo) Obama warned on Sunday that the spill was grave."], [True, False]),
    # negatives: no credit follows, or the credit is not at the next sentence's start
    (["Workers lay a boom on the bay.", "Crews raced to protect the coast."], [False, False]),
    (["The agency released a photograph.", "The photograph: a boy in a mask."], [False, False]),
])
def test_a_caption_is_the_sentence_before_a_photo_credit(sentences, expected):
    text = " ".join(sentences)
    bounds, start = [], 0
    for sentence in sentences:
        bounds.append((start, start + len(sentence), True))
        start += len(sentence) + 1
    assert [caption(text, bounds, k) for k in range(len(bounds))] == expected


@pytest.mark.model
def test_example_story_timeline_summary_cites_its_sentences(example_analysis):
    story = example_analysis.stories[0]
    texts = {a.id: a.text for a in example_analysis.articles}
    assert story.timeline_summary
    for entry in story.timeline_summary:
        assert entry.sentences
        for sentence in entry.sentences:
            for span in sentence.citations:
                assert texts[span.article_id][span.start:span.end] == span.text


def test_boilerplate_is_wording_recurring_across_days_not_a_repeated_report():
    furniture = "Explore all of our flood graphics to track the river."
    sentences = _story([
        ("b1", "2031-03-02", [("The river Vell burst its banks on March 1.", "2031-03-01"), (furniture, None)]),
        ("b2", "2031-03-04", [("The river Vell burst its banks on March 1.", "2031-03-01"), (furniture, None)]),
        ("b3", "2031-03-06", [("Pumps drained the lower town of Harlow on March 5.", "2031-03-05"), (furniture, None)]),
    ])
    texts = {sentences[i].text for i in boilerplate(sentences, 3)}
    assert texts == {furniture}  # the report repeated on two days is not furniture
    assert boilerplate(sentences, 0) == set()


def test_story_keywords_are_words_named_by_most_articles():
    assert keywords(FLOOD, 2) == {"harlow", "march"}
    assert keywords(FLOOD, 0) == set()


@pytest.mark.parametrize("seed", range(8))
def test_story_keywords_are_the_first_of_all_content_words_ordered(seed):
    rng = random.Random(seed)
    vocabulary = ["the", "of", "a", "x", "7", "2031", "vell", "harlow", "river", "river's", "pumps", "gym", "b2"]
    lines = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 8))) for _ in range(rng.randint(1, 12))]
    sentences = _story([(f"a{n}", "2031-03-02", [(line, None)]) for n, line in enumerate(lines)])
    named = Counter(w for article in {s.article.id: set(s.words) for s in sentences}.values() for w in article
                    if len(w) > 1 and not w.isdigit() and w not in ENGLISH_STOP_WORDS)
    ordered = [w for w, _ in sorted(named.items(), key=lambda item: (-item[1], item[0]))]
    for k in (1, 2, 3, 5, 20):  # ties broken alphabetically, and more asked for than there are
        assert keywords(sentences, k) == set(ordered[:k])


@pytest.mark.parametrize("sentences, head, expected", [
    # the page's head, then a caption of two sentences, then the credit that heads the report
    (["The rig burning last week.", "It later sank.", "Photograph: Ann Lee/AP BP has smashed forecasts.",
      "Profits rose."], True, 2),
    (["The rig burning last week.", "Photograph: Ann Lee/AP BP has smashed forecasts.", "Profits rose."], True, 1),
    # negatives: no head before it (a lead, then a picture in the body), no credit near the
    # top, or a credit farther down than a caption runs
    (["BP has smashed forecasts.", "Photograph: Ann Lee/AP Profits rose."], False, 0),
    (["BP has smashed forecasts.", "Profits rose.", "Shares fell."], True, 0),
    (["One.", "Two.", "Three.", "Four.", "Photograph: Ann Lee/AP Five."], True, 0),
])
def test_the_opening_pictures_caption_lies_between_the_head_and_the_credit(sentences, head, expected):
    text = " ".join(sentences)
    bounds, start = [], 0
    for sentence in sentences:
        bounds.append((start, start + len(sentence), True))
        start += len(sentence) + 1
    assert opening_caption(text, bounds, head) == expected
