"""Dated quotes, story events and date conflicts, on records built here and on the seeds."""

from dataclasses import replace

import pytest

from newsprism.extract.time_anchors import TimeAnchor
from newsprism.model import Article, ArticleAnalysis, Person, Post, Quote, Span, TimeRef
from newsprism.options import Options
from newsprism.stages import STORY_STAGES, StoryInput, discover_stages
from newsprism.story.date_conflicts import disjoint, find_date_conflicts, value_range
from newsprism.story.timeline import build_events, date_quotes, value_start

NARRATION = "Thursday, Mara Quinn posted that she met the mayor two days ago, saying talks went well."
POST_TEXT = "Met the mayor two days ago. Talks went well and the harbour plan moves on."
TEXT = f"{NARRATION}\n\n{POST_TEXT} — Mara Quinn (@maraquinn) March 6, 2024\n"
OTHER = "Mara Quinn met the mayor on Monday to discuss the harbour plan.\n"


def span(article, words, role=None, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(words, start + 1)
    return Span(article.id, start, start + len(words), words, role)


def ref(article, words, kind, value, precision="day", provenance="given"):
    return TimeRef(words, kind, value, span(article, words), precision, "2024-03-08", provenance)


@pytest.fixture
def story():
    a = Article("a", "a.txt", TEXT, outlet="Harbour Herald", published="2024-03-08",
                published_provenance="given")
    b = Article("b", "b.txt", OTHER, outlet="Coast Wire", published="2024-03-09",
                published_provenance="given")
    quinn = Person("mara-quinn", "Mara Quinn", evidence=(
        span(a, "Mara Quinn"), span(a, "Mara Quinn", nth=1), span(b, "Mara Quinn")))
    thursday = ref(a, "Thursday", "DATE", "2024-03-07")
    monday = TimeRef("Monday", "DATE", "2024-03-04", span(b, "Monday"), "day", "2024-03-09",
                     "given")
    anchors_a = [TimeAnchor("post", span(a, "posted", "act"), span(a, NARRATION[:-1], "act"),
                            thursday, span(a, "Mara Quinn", "actor"))]
    anchors_b = [TimeAnchor("meet", span(b, "met", "act"),
                            span(b, "Mara Quinn met the mayor on Monday to discuss the harbour plan",
                                 "act"), monday, span(b, "Mara Quinn", "actor"))]
    post = Post("post-1", "twitter", "post", POST_TEXT, (span(a, POST_TEXT),), handle="maraquinn",
                author_id="mara-quinn", display_name="Mara Quinn", posted="2024-03-06",
                precision="day")
    results = {
        "a": ArticleAnalysis("a", {"timexes": [thursday], "time_anchors": anchors_a}),
        "b": ArticleAnalysis("b", {"timexes": [monday], "time_anchors": anchors_b}),
    }
    return StoryInput("s", (a, b), results, {"people": (quinn,), "posts": (post,)})


def test_narration_that_dates_a_post_otherwise_than_the_post_is_a_date_conflict(story):
    (conflict,) = find_date_conflicts(story, Options())
    assert conflict.kind == "date" and conflict.about == "post-1"
    assert conflict.values == ("2024-03-07", "2024-03-06")
    roles = {(s.role, s.text) for s in conflict.evidence}
    assert ("date", "Thursday") in roles and ("post", POST_TEXT) in roles
    assert "Harbour Herald" in conflict.description


def test_narration_that_agrees_with_the_post_is_no_conflict(story):
    (article_a, anchor), = [(a, x) for a, found in story.document_results("time_anchors")
                            for x in found if a.id == "a"]
    agreeing = replace(anchor, time=replace(anchor.time, value="2024-03-06"))
    results = dict(story.article_results)
    results["a"] = ArticleAnalysis("a", {"time_anchors": [agreeing]})
    assert find_date_conflicts(replace(story, article_results=results), Options()) == ()


def test_a_post_far_from_the_narration_or_by_someone_else_is_not_compared(story):
    options = Options().with_values(**{"timeline.post_window_chars": 0})
    (post,) = story.results["posts"]
    far = replace(post, evidence=(Span("b", 0, 4, OTHER[:4]),))
    assert find_date_conflicts(replace(story, results={**story.results, "posts": (far,)}),
                               options) == ()
    other = replace(post, author_id="someone-else")
    assert find_date_conflicts(replace(story, results={**story.results, "posts": (other,)}),
                               Options()) == ()


def test_post_timestamp_dates_the_event_and_narration_of_another_day_stays_apart(story):
    events = build_events(story, Options())
    posted = [e for e in events if e.kind == "posted"]
    assert [e.date for e in posted] == ["2024-03-06", "2024-03-07"]
    assert posted[0].date_provenance == "post" and posted[0].actor_ids == ("mara-quinn",)
    met = next(e for e in events if e.kind == "met")
    assert (met.date, met.background, met.evidence[0].article_id) == ("2024-03-04", False, "b")


def test_narration_of_the_post_day_joins_the_post_event(story):
    (anchor,) = story.article_results["a"].results["time_anchors"]
    same_day = replace(anchor, time=replace(anchor.time, value="2024-03-06"))
    results = {**story.article_results, "a": ArticleAnalysis("a", {"time_anchors": [same_day]})}
    events = build_events(replace(story, article_results=results), Options())
    (posted,) = [e for e in events if e.kind == "posted"]
    assert {s.role for s in posted.evidence} >= {"post", "act", "date"}


def test_event_long_before_the_story_is_background(story):
    (anchor,) = story.article_results["b"].results["time_anchors"]
    old = replace(anchor, time=replace(anchor.time, value="2016-12", precision="month",
                                       provenance="absolute"))
    results = {**story.article_results, "b": ArticleAnalysis("b", {"time_anchors": [old]})}
    events = build_events(replace(story, article_results=results), Options())
    met = next(e for e in events if e.kind == "met")
    assert (met.date, met.precision, met.background) == ("2016-12", "month", True)
    assert events[0] == met  # the timeline starts with it


def test_two_articles_dating_the_same_act_differently_conflict(story):
    a, b = story.articles
    monday = story.article_results["b"].results["time_anchors"][0]
    wednesday = TimeRef("Wednesday", "DATE", "2024-03-06", span(a, "Thursday"), "day")
    other = TimeAnchor("meet", span(a, "met", "act"),
                       span(a, "Mara Quinn posted that she met the mayor", "act"), wednesday,
                       span(a, "Mara Quinn", "actor"))
    monday_b = replace(monday, clause=span(b, OTHER.strip().rstrip("."), "act"))
    results = {"a": ArticleAnalysis("a", {"time_anchors": [other]}),
               "b": ArticleAnalysis("b", {"time_anchors": [monday_b]})}
    story = replace(story, article_results=results, results={**story.results, "posts": ()})
    options = Options().with_values(**{"timeline.min_shared_words": 2})
    (conflict,) = find_date_conflicts(story, options)
    assert conflict.values == ("2024-03-06", "2024-03-04")
    assert {s.article_id for s in conflict.evidence} == {"a", "b"}


def test_quote_dates_take_the_normalized_expression_or_the_cue_act(story):
    a = story.articles[0]
    raw = TimeRef("Thursday", "DATE", None, span(a, "Thursday"))
    with_raw = Quote("q1", "talks went well", "indirect", "mara-quinn", "saying", "unknown",
                     (span(a, "talks went well", "content"),), date=raw)
    by_cue = Quote("q2", "she met the mayor", "indirect", "mara-quinn", "posted", "post",
                   (span(a, "she met the mayor", "content"), span(a, "posted", "cue")))
    undated = Quote("q3", "x", "direct", None, None, "unknown", (span(b_article(story), "met"),))
    dated = date_quotes(replace(story, results={"quotes": (with_raw, by_cue, undated)}), Options())
    assert dated[0].date.value == "2024-03-07" and dated[0].date.span == raw.span
    assert dated[1].date.value == "2024-03-07"
    assert dated[2].date is None and dated[2] == replace(undated, date=None)  # kept as it was


def b_article(story):
    return story.articles[1]


def test_quote_linked_to_a_post_of_another_date_is_a_conflict(story):
    a = story.articles[0]
    quote = Quote("q1", "she met the mayor", "indirect", "mara-quinn", "posted", "tweet",
                  (span(a, "posted", "cue"),), post_id="post-1",
                  date=ref(a, "Thursday", "DATE", "2024-03-07"))
    results = {**story.results, "quotes": (quote,)}
    # without the narration anchor, the quote's own date still meets the post's
    no_anchors = {**story.article_results, "a": ArticleAnalysis("a", {"time_anchors": []})}
    conflicts = find_date_conflicts(replace(story, results=results, article_results=no_anchors),
                                    Options())
    assert [c.values for c in conflicts if c.about == "post-1"] == [("2024-03-07", "2024-03-06")]
    assert "quoted post" in conflicts[0].description
    # with it, the same disagreement is reported once
    both = find_date_conflicts(replace(story, results=results), Options())
    assert len([c for c in both if c.about == "post-1"]) == 1


CALENDAR = [
    ("2018-04-25", "2018-04-25", "2018-04-25"),
    ("2018-W17", "2018-04-23", "2018-04-29"),
    ("2016-12", "2016-12-01", "2016-12-31"),
    ("2016-02", "2016-02-01", "2016-02-29"),
    ("1989-Q3", "1989-07-01", "1989-09-30"),
    ("2018", "2018-01-01", "2018-12-31"),
    ("2018-04-27TMO", "2018-04-27", "2018-04-27"),
]


@pytest.mark.parametrize("value, first, last", CALENDAR)
def test_calendar_values_cover_their_days(value, first, last):
    start, end = value_range(value)
    assert (start.isoformat(), end.isoformat()) == (first, last)


def test_references_and_durations_have_no_days():
    assert value_start("PRESENT_REF") is None and value_start("P2D") is None
    assert not disjoint("2018-W17", "2018-04-25") and disjoint("2018-04-27", "2018-04-25")


@pytest.mark.model
def test_seed_timeline_runs_from_background_to_the_days_of_the_story(seed_analysis):
    outlets = {a.id: a.outlet for a in seed_analysis.articles}
    (story,) = seed_analysis.stories
    events = story.events

    def find(date, kind, actor):
        return [e for e in events if e.date == date and e.kind == kind and actor in e.actor_ids]

    (meeting,) = find("2016-12", "met", "kanye-west")
    assert meeting.background and outlets[meeting.evidence[0].article_id] == "Global News"
    (tweets,) = find("2018-04-25", "posted", "kanye-west")
    assert {outlets[s.article_id] for s in tweets.evidence} >= {"Breitbart"}
    (texts,) = find("2018-04-26", "messaged", "john-legend")
    assert {outlets[s.article_id] for s in texts.evidence} == {"Breitbart", "Global News"}
    assert find("2018-04-27", "posted", "chance-the-rapper")
    assert not any(e.background for e in events if e.date and e.date.startswith("2018-04"))
    dates = [value_start(e.date) for e in events if e.date]
    assert dates == sorted(dates)
    for event in events:
        if event.date_provenance == "estimated":  # CBS and Global News dates are estimated
            assert {outlets[s.article_id] for s in event.evidence} & {"CBS Chicago", "Global News"}


@pytest.mark.model
def test_seed_chance_tweet_date_conflict_is_reported(seed_analysis):
    discover_stages()
    if "posts" not in STORY_STAGES:
        pytest.skip("the posts stage is not installed: the embedded tweet has no record yet")
    (story,) = seed_analysis.stories
    conflicts = [c for c in story.conflicts if c.kind == "date"]
    assert any(set(c.values) == {"2018-04-27", "2018-04-25"} and
               any("Chance" in s.text for s in c.evidence) for c in conflicts), conflicts


def reference_actors(anchor, people, quotes):
    """Who performed an act, by scanning every mention and every cue of the story."""
    def inside(outer):
        return [(e.start, p.id) for p in people for e in p.evidence
                if e.article_id == outer.article_id and outer.start <= e.start and e.end <= outer.end]

    if anchor.subject is not None:
        ids = {pid for _, pid in inside(anchor.subject)}
        subject = tuple(p.id for p in people if p.id in ids)
        if subject:
            return subject
    speakers = {q.speaker_id for q in quotes if q.speaker_id and any(
        s.role == "cue" and s.article_id == anchor.verb.article_id and s.start < anchor.verb.end
        and anchor.verb.start < s.end for s in q.evidence)}
    if speakers:
        return tuple(sorted(speakers))
    clause = anchor.clause
    if anchor.subject is None and clause.start < anchor.verb.start:
        named = sorted(inside(Span(clause.article_id, clause.start, anchor.verb.start, "")))
        if named:
            return (named[0][1],)
    return ()


def test_indexed_actors_match_a_scan_of_the_story():
    from newsprism.story.timeline import Actors

    text = "Mara Quinn and Leo Hart met Tuesday. Hart said on Monday that Quinn called him. Then he left."
    a = Article("a1", "a1.txt", text)
    b = Article("b1", "b1.txt", "Leo Hart said on Monday the talks failed.")
    quinn = Person("mara-quinn", "Mara Quinn", evidence=(span(a, "Mara Quinn"), span(a, "Quinn", nth=1)))
    hart = Person("leo-hart", "Leo Hart", evidence=(span(a, "Leo Hart"), span(a, "Hart", nth=1), span(b, "Leo Hart")))
    said = Quote("q", "the talks failed", "indirect", "leo-hart", "said", "statement", (span(b, "said", "cue"),))
    monday = TimeRef("Monday", "date", "2024-03-04", None, "day", "2024-03-08", "given")

    def anchor(article, verb, clause, subject=None, nth=0):
        return TimeAnchor("meet", span(article, verb, nth=nth), span(article, clause),
                          monday, span(article, subject) if subject else None)

    anchors = [
        anchor(a, "met", "Mara Quinn and Leo Hart met Tuesday", "Mara Quinn and Leo Hart"),  # two people
        anchor(a, "said", "Hart said on Monday", "Hart"),  # one by a short form
        anchor(a, "called", "Quinn called him", "Quinn"),
        anchor(a, "left", "Then he left", "he"),  # a pronoun: nobody named in the subject
        anchor(a, "left", "Then he left"),  # no subject, nobody before the verb
        anchor(a, "called", "that Quinn called him"),  # no subject: the first name before the verb
        anchor(b, "said", "Leo Hart said on Monday", "Leo"),  # the subject cuts a name: the cue's speaker
        anchor(b, "said", "said on Monday"),  # the speaker of the cue
        anchor(b, "talks", "the talks failed", "the talks"),  # nothing
    ]
    for people in ((quinn, hart), (hart, quinn), (), (quinn,)):
        for quotes in ((said,), ()):
            actors = Actors(people, quotes)
            for item in anchors:
                assert actors.of(item) == reference_actors(item, people, quotes), (item.clause.text, people, quotes)
    assert Actors((quinn, hart), (said,)).of(anchors[0]) == ("mara-quinn", "leo-hart")
    assert Actors((quinn, hart), (said,)).of(anchors[4]) == ()
