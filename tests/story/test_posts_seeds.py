"""Posts recovered from the seed articles: embeds, status URLs, merges, people, narration."""

import pytest

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def story(seed_analysis):
    (story,) = seed_analysis.stories
    return story


@pytest.fixture(scope="module")
def outlet_of(seed_analysis):
    return {a.id: a.outlet for a in seed_analysis.articles}


def embeds_of(story, outlet_of, outlet):
    """(handle, display name, day) of every post an outlet shows as a flattened embed."""
    found = []
    for post in story.posts:
        for span in post.evidence:
            if span.role == "attribution" and outlet_of[span.article_id] == outlet:
                found.append((post.handle, post.display_name, post.posted[:10]))
    return sorted(found)


def test_every_cbs_embed_has_handle_display_name_and_date(story, outlet_of):
    assert embeds_of(story, outlet_of, "CBS Chicago") == sorted([
        ("kanyewest", "KANYE WEST", "2018-04-25"),
        ("realDonaldTrump", "Donald J. Trump", "2018-04-25"),
        ("chancetherapper", "Chance The Rapper", "2018-04-25"),
        ("chancetherapper", "Chance The Rapper", "2018-04-25"),
        ("realDonaldTrump", "Donald J. Trump", "2018-04-27"),
        ("chancetherapper", "Chance The Rapper", "2018-04-27"),
        ("chancetherapper", "Chance The Rapper", "2018-04-27"),
    ])


def test_every_breitbart_embed_has_handle_display_name_and_date(story, outlet_of):
    assert embeds_of(story, outlet_of, "Breitbart") == sorted([
        ("kanyewest", "KANYE WEST", "2018-04-26"),
        ("kanyewest", "KANYE WEST", "2018-04-26"),
        ("kanyewest", "KANYE WEST", "2018-04-25"),
        ("Rosie", "ROSIE", "2018-04-25"),
        ("JamesGunn", "James Gunn", "2018-04-25"),
        ("johnlegend", "John Legend", "2018-04-25"),
        ("johnlegend", "John Legend", "2018-04-25"),
    ])


def test_media_only_embed_has_no_words_and_narration_is_not_swallowed(story):
    chance = [p for p in story.posts if p.handle == "chancetherapper" and p.posted == "2018-04-27"]
    assert sorted(p.text for p in chance) == ["", "My fault yo pic.twitter.com/TIWhG8o1ST"]
    for post in story.posts:
        assert "Friday" not in post.text and "retweeted the President" not in post.text


def test_global_news_status_urls_have_exact_utc_times_and_their_quotations(story, outlet_of):
    cited = {
        p.status_id: p for p in story.posts
        if any(s.role == "url" and outlet_of[s.article_id] == "Global News" for s in p.evidence)
    }
    assert {sid: p.posted for sid, p in cited.items()} == {
        "989548514186178560": "2018-04-26T16:55:25Z",
        "989549960436699136": "2018-04-26T17:01:10Z",
        "989554344457453568": "2018-04-26T17:18:35Z",
        "989554444990738432": "2018-04-26T17:18:59Z",
        "989179757651574784": "2018-04-25T16:30:06Z",
        "989179949851463681": "2018-04-25T16:30:52Z",
        "989222392630202368": "2018-04-25T19:19:31Z",
    }
    assert all(p.handle == "kanyewest" and p.author_id == "kanye-west" for p in cited.values())
    assert cited["989548514186178560"].text.startswith("I tweeted the John text")
    assert cited["989548514186178560"].text.endswith("I stand my ground.")
    assert cited["989549960436699136"].text == "If you feel something don’t let peer pressure manipulate you."
    assert cited["989554444990738432"].text == "John Legend new single on line now."
    assert cited["989179949851463681"].text.startswith("If your friend jumps off the bridge")
    # The words before the last link are Trump's ("MAGA"), not the linked post's.
    assert "MAGA" not in cited["989222392630202368"].text


def test_kanye_post_is_one_post_carried_by_two_outlets(story, outlet_of):
    (post,) = [p for p in story.posts if "the mob can" in p.text]
    assert post.status_id == "989179757651574784" and post.author_id == "kanye-west"
    assert {outlet_of[s.article_id] for s in post.evidence} == {"Breitbart", "Global News"}
    assert len(post.variants) == 2
    assert {outlet_of[v.evidence[0].article_id] for v in post.variants} == {"Breitbart", "Global News"}


def test_handles_link_to_people(story):
    authors = {p.handle: p.author_id for p in story.posts if p.handle}
    assert authors["kanyewest"] == "kanye-west"
    assert authors["realDonaldTrump"] == "donald-trump"
    assert authors["johnlegend"] == "john-legend"
    assert authors["chancetherapper"] == "chance-the-rapper"


def test_described_repost_is_a_post_aimed_at_the_president(story):
    (repost,) = [p for p in story.posts if p.text.startswith("Nah, that ain")]
    assert (repost.kind, repost.author_id, repost.target_id) == ("repost", "chance-the-rapper", "donald-trump")
    target = next(p for p in story.posts if p.id == repost.target)
    assert target.handle == "realDonaldTrump" and target.posted == "2018-04-27"


def test_every_post_span_is_its_text(seed_analysis, story):
    texts = {a.id: a.text for a in seed_analysis.articles}
    for post in story.posts:
        for span in post.evidence:
            assert texts[span.article_id][span.start:span.end] == span.text


def test_example_post_is_one_across_formats_and_the_reply_targets_it(example_analysis):
    (story,) = example_analysis.stories
    outlet_of = {a.id: a.outlet for a in example_analysis.articles}
    (rust,) = [p for p in story.posts if "rust in 2022" in p.text]
    expected = {"The Marlow Courier", "Coastline News Network"}
    if "Harbour Daily" in outlet_of.values():
        expected.add("Harbour Daily")
    assert {outlet_of[s.article_id] for s in rust.evidence} == expected
    assert (rust.author_id, rust.posted) == ("theo-okafor", "2025-03-04T18:20:11Z")
    (reply,) = [p for p in story.posts if p.kind == "reply"]
    assert (reply.handle, reply.target_id, reply.target) == ("danielreyesmp", "theo-okafor", rust.id)


def test_seed_quotations_of_posts_are_linked(seed_analysis, story):
    from newsprism.stages import STORY_STAGES

    if "quotes" not in STORY_STAGES:
        pytest.skip("no quotes stage is installed: quotations cannot be linked to posts")
    posts = {p.id: p for p in story.posts}
    linked = {q.text: posts[q.post_id] for q in story.quotes if q.post_id}
    assert linked["Thank you Kanye, very cool!"].handle == "realDonaldTrump"
    assert next(p for t, p in linked.items() if t.startswith("You don’t have to agree with Trump")).status_id \
        == "989179757651574784"
    for quote in story.quotes:
        if quote.post_id:
            assert quote.channel == "tweet"
            assert quote.speaker_id in (None, posts[quote.post_id].author_id)
