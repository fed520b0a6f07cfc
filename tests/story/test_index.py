"""The streaming story index: assignment, near-duplicates, bounds, save and load."""

import json
from dataclasses import replace

import pytest

from newsprism.options import StoryOptions
from newsprism.story.index import IndexFormatError, StoryIndex
from tests.story.reports import (FERRY_2016, FERRY_2016_UNDATED, FERRY_2021, QUAKE_A, QUAKE_B,
                                 REHAB_A, REHAB_B, UNRELATED, make, wire_copy)


def stream(index, articles):
    return {a.id: index.add(a) for a in articles}


def test_reports_of_one_event_join_and_another_event_opens_a_story():
    index = StoryIndex()
    stories = stream(index, make(QUAKE_A, "a") + make(QUAKE_B, "b") + make(UNRELATED, "u"))
    assert stories["a0"] == stories["a1"] == stories["a2"]
    assert stories["b0"] == stories["b1"] != stories["a0"]
    assert stories["u0"] not in (stories["a0"], stories["b0"])


def test_interleaved_events_of_the_same_kind_stay_apart():
    a, b = make(REHAB_A, "r"), make(REHAB_B, "s")
    stories = stream(StoryIndex(), [a[0], b[0], a[1], b[1]])
    assert stories["r0"] == stories["r1"] and stories["s0"] == stories["s1"]
    assert stories["r0"] != stories["s0"]


def test_a_wire_copy_joins_its_original_and_is_listed():
    articles = make(QUAKE_A, "a")
    index = StoryIndex()
    stream(index, articles)
    story_id = index.add(wire_copy(articles[0], "copy"))
    assert story_id == index.story_of["a0"]
    assert index.story(story_id).duplicates == {"a0": ["copy"]}


def test_adding_an_article_twice_returns_its_story():
    index = StoryIndex()
    (article,) = make(UNRELATED, "u")
    assert index.add(article) == index.add(article)
    assert len(index) == 1


def test_same_order_gives_the_same_stories():
    articles = make(REHAB_A, "r") + make(QUAKE_A, "a") + make(REHAB_B, "s") + make(QUAKE_B, "b")
    assert stream(StoryIndex(), articles) == stream(StoryIndex(), articles)


def test_story_title_is_a_member_headline_or_lead_sentence():
    index = StoryIndex()
    stories = stream(index, make(QUAKE_A, "a"))
    assert index.story(stories["a0"]).title in {title for title, _ in QUAKE_A}
    untitled = make([(None, UNRELATED[0][1])], "n")
    story = index.story(index.add(untitled[0]))
    assert story.title.startswith("The Halberg city council voted")


def test_comparison_lists_are_bounded():
    options = StoryOptions(index_postings=2, index_active_articles=3)
    index = StoryIndex(options)
    stream(index, make(QUAKE_A, "a") + make(QUAKE_B, "b") + make(REHAB_A, "r"))
    postings = index._postings
    assert len(postings) > 0 and all(len(postings.posting(key)) <= 2 for key in postings.keys())
    # each list keeps its latest articles: the newest one is in the lists of its own vector
    newest = max(index.active)
    assert all((newest, weight) in postings.posting(key) for key, weight in index.active[newest].vector.items())
    assert len(index.active) == 3
    assert len(index) == 7  # every article is still assigned and listed


def test_articles_older_than_the_active_window_are_not_compared():
    options = StoryOptions(index_active_days=5)
    index = StoryIndex(options)
    old = make(QUAKE_A[:1], "old", "2020-01-01")
    new = make(QUAKE_A[1:], "new", "2020-03-01")
    stories = stream(index, old + new)
    assert stories["new0"] != stories["old0"]
    assert "old0" in index.story_of


def test_save_and_load_keep_assigning_where_it_stopped(tmp_path):
    articles = make(QUAKE_A, "a") + make(QUAKE_B, "b")
    index = StoryIndex()
    stream(index, articles[:2] + articles[3:])
    index.add(wire_copy(articles[0], "copy"))
    index.save(tmp_path / "idx")
    loaded = StoryIndex.load(tmp_path / "idx")
    assert loaded.groups() == index.groups()
    assert loaded.story_of == index.story_of
    assert [s.to_dict() for s in loaded.stories] == [s.to_dict() for s in index.stories]
    for slot, active in index.active.items():  # kept as arrays, read back as the same numbers
        assert list(loaded.active[slot].vector.items()) == list(active.vector.items())
        assert loaded.active[slot].weights == active.weights
        assert loaded.active[slot].minhash.tolist() == active.minhash.tolist()
    # The next report of the first quake joins its story in both, the same way.
    assert loaded.add(articles[2]) == index.add(articles[2]) == index.story_of["a0"]
    manifest = json.loads((tmp_path / "idx" / "index.json").read_text())
    assert manifest["format"] == "newsprism-story-index" and manifest["articles"] == 5


@pytest.mark.parametrize("damage", ["missing", "not-json", "other-format", "truncated-stories"])
def test_a_damaged_index_is_reported_by_name(tmp_path, damage):
    index = StoryIndex()
    stream(index, make(QUAKE_A, "a"))
    directory = tmp_path / "idx"
    index.save(directory)
    if damage == "missing":
        directory = tmp_path / "nothing-here"
    elif damage == "not-json":
        (directory / "index.json").write_text("{oops")
    elif damage == "other-format":
        (directory / "index.json").write_text(json.dumps({"format": "else", "version": 1}))
    else:
        (directory / "stories.jsonl").write_text('{"id": "story-1", "article_ids": [')
    with pytest.raises(IndexFormatError) as error:
        StoryIndex.load(directory)
    assert str(directory) in str(error.value)


def test_re_forming_stories_keeps_events_apart_and_story_of_current():
    options = StoryOptions(index_relink_articles=200, index_refresh_until=16_384)
    index = StoryIndex(options)
    a, b = make(REHAB_A, "r"), make(REHAB_B, "s")
    for article in [a[0], b[0], a[1], b[1]] + make(QUAKE_A, "q"):
        index.add(article)
    stories = index.story_of
    assert stories["r0"] == stories["r1"] and stories["s0"] == stories["s1"]
    assert stories["r0"] != stories["s0"]
    assert stories["q0"] == stories["q1"] == stories["q2"] not in (stories["r0"], stories["s0"])
    for story in index.stories:
        assert all(stories[article_id] == story.id for article_id in story.article_ids)


def test_an_article_bridging_two_small_stories_merges_them():
    # The first two reports of one event open two stories when the index sees them with a
    # forced-high threshold; a third report that draws on both bridges them once the
    # threshold is back to its default share.
    a = make(QUAKE_A, "a")
    index = StoryIndex(StoryOptions(index_threshold=2.0))
    first, second = index.add(a[0]), index.add(a[1])
    assert first != second
    index.options = StoryOptions()
    third = index.add(a[2])
    assert index.story_of["a0"] == index.story_of["a1"] == third
    merged = [s for s in index.stories if s.article_ids]
    assert sorted(merged[0].article_ids) == ["a0", "a1", "a2"] and len(merged) == 1


def test_bridging_is_off_at_zero_and_bounded_by_story_size():
    a = make(QUAKE_A, "a")
    for options in (StoryOptions(index_merge_articles=0), StoryOptions(index_merge_articles=1)):
        index = StoryIndex(StoryOptions(index_threshold=2.0))
        index.add(a[0]), index.add(a[1])
        index.options = options
        index.add(a[2])
        if options.index_merge_articles == 0:
            assert index.story_of["a0"] != index.story_of["a1"]
        assert len(index.stories[index._story_position[index.story_of["a2"]]].article_ids) <= 2 + options.index_merge_articles


def test_moving_an_article_takes_its_copies_and_keeps_the_records_consistent():
    index = StoryIndex()
    quake = make(QUAKE_A, "a")
    stream(index, quake)
    index.add(wire_copy(quake[0], "copy"))
    (other,) = make(UNRELATED, "u")
    index.add(other)
    source = index.stories.index(index.story(index.story_of["a0"]))
    target = index.stories.index(index.story(index.story_of["u0"]))
    slot = next(s for s, a in index.active.items() if a.article_id == "a0")
    index.move_article(slot, target)
    for story in (source, target):
        index.refresh_story(story)
    moved = index.stories[target]
    assert index.story_of["a0"] == index.story_of["copy"] == moved.id
    assert {"a0", "copy", "u0"} <= set(moved.article_ids)
    assert "a0" not in index.stories[source].article_ids
    assert moved.duplicates == {"a0": ["copy"]} and index.stories[source].duplicates == {}
    assert slot in index.members(target) and slot not in index.members(source)


RELINKING = StoryOptions(index_relink_articles=200, index_refresh_until=16_384)


def ferries():
    """Dated reports of two ferry disasters on one strait five years apart, and undated
    reports of the first."""
    return (make(FERRY_2016, "a", "2016-03-06"), make(FERRY_2016_UNDATED, "u"),
            make(FERRY_2021, "b", "2021-10-14"))


FERRY_ORDERS = {
    "publication order, undated last": lambda a, u, b: a + b + u,
    "undated first": lambda a, u, b: u + a + b,
    "undated between the two events": lambda a, u, b: a + u + b,
    "interleaved": lambda a, u, b: a[:1] + u[:1] + a[1:] + b + u[1:],
    "newest first": lambda a, u, b: b + a + u,
}


def stories_of(index, *groups) -> list[set[str]]:
    return [{index.story_of[article.id] for article in group} for group in groups]


@pytest.mark.parametrize("order", sorted(FERRY_ORDERS))
def test_re_formed_stories_keep_two_events_years_apart_in_any_arrival_order(order):
    a, u, b = ferries()
    index = StoryIndex(RELINKING)
    stream(index, FERRY_ORDERS[order](a, u, b))
    first, undated, second = stories_of(index, a, u, b)
    assert len(first) == len(second) == 1 and undated == first != second


@pytest.mark.parametrize("order", sorted(FERRY_ORDERS))
def test_an_undated_report_never_bridges_two_events_years_apart(order):
    a, u, b = ferries()
    index = StoryIndex()
    stream(index, FERRY_ORDERS[order](a, u, b))
    first, _, second = stories_of(index, a, u, b)
    assert len(first) == len(second) == 1 and first != second


def test_an_undated_article_dates_from_its_story_for_dated_newcomers():
    a, u, _ = ferries()
    index = StoryIndex()
    stream(index, u[:1] + a)
    slot = next(s for s, kept in index.active.items() if kept.article_id == "u0")
    story = index.stories[index.active[slot].story]
    assert story.first_day is not None  # the dated reports joined the undated one
    # Its own words, dated within its story's span, find it; five years later they do not.
    vector = index.active[slot].vector
    assert slot in {s for _, s in index._neighbours(vector, story.last_day)}
    assert slot not in {s for _, s in index._neighbours(vector, story.last_day + 5 * 365)}


def test_articles_past_the_window_are_retained_while_stories_are_re_formed():
    a, u, b = ferries()
    index = StoryIndex(RELINKING)
    stream(index, a + b)
    assert {kept.article_id for kept in index.active.values() if kept.retained} == {"a0", "a1", "a2"}
    # A report published with the second event is five years from them: it does not join ...
    late = make(FERRY_2016_UNDATED[:1], "late", "2021-10-15")
    assert index.add(late[0]) != index.story_of["a0"]
    # ... an undated one finds them.
    assert index.add(u[1]) == index.story_of["a0"]


def test_retained_articles_are_bounded_and_none_without_re_forming():
    a, u, b = ferries()
    for options, kept in ((RELINKING, 3), (replace(RELINKING, index_retained_articles=2), 2),
                          (StoryOptions(), 0)):
        index = StoryIndex(options)
        stream(index, a + b)
        assert sum(k.retained for k in index.active.values()) == kept
        assert len(index.active) == 3 + kept
        assert len(index) == 6


def test_save_and_load_keep_retained_articles(tmp_path):
    a, u, b = ferries()
    index = StoryIndex(RELINKING)
    stream(index, a + b)
    index.save(tmp_path / "idx")
    loaded = StoryIndex.load(tmp_path / "idx")
    retained = {s for s, k in index.active.items() if k.retained}
    assert retained and {s for s, k in loaded.active.items() if k.retained} == retained
    assert loaded.add(u[0]) == index.add(u[0]) == index.story_of["a0"]
