"""Quotations that cite a post get its id and the channel ``tweet``."""

import pytest

from newsprism.model import Post, PostVariant, Quote, Span, TimeRef
from newsprism.options import Options
from newsprism.stages import StoryInput
from newsprism.story.quote_posts import link_quote, link_quotes_to_posts

SETTINGS = Options().posts

RUST = Post(
    id="post-twitter-1896989060363313728", platform="twitter", kind="post",
    text="We told the council about the rust in 2022. Nobody listened. Now families are sleeping in a school gym.",
    evidence=(Span("a1", 100, 203, "x" * 103, "text"),), handle="theookafor", author_id="theo-okafor",
    posted="2025-03-04T18:20:11Z", precision="datetime", status_id="1896989060363313728",
    variants=(PostVariant("We told the council about the rust in 2022. Nobody listened", ()),),
)
PIER = Post(id="post-noa-bell-20230402-abc123", platform="instagram", kind="post", text="Sunset at the pier, finally open again",
            evidence=(), handle="noa.bell", author_id="noa-bell", posted="2023-04-02", precision="day")


def quote(text, speaker="theo-okafor", evidence=(), date=None, kind="direct"):
    return Quote(id="q1", text=text, kind=kind, speaker_id=speaker, cue="wrote", channel="unknown",
                 evidence=evidence or (Span("a2", 0, len(text), text, "content"),), date=date)


@pytest.mark.parametrize("text,speaker,linked", [
    # the post's words, with an outlet's small changes
    ("We told the council about the rust in 2022. Nobody listened.", "theo-okafor", True),
    ("we told the Council about the rust in 2022 - nobody listened", "theo-okafor", True),
    # an excerpt long enough to be one
    ("Now families are sleeping in a school gym", "theo-okafor", True),
    # a short partial quote only when verbatim
    ("Nobody listened", "theo-okafor", True),
    ("Nobody cared", "theo-okafor", False),
    # the same words given to someone else, or to nobody
    ("We told the council about the rust in 2022. Nobody listened.", "elena-varga", False),
    ("We told the council about the rust in 2022. Nobody listened.", None, False),
    # other words by the author
    ("The bridge should have been closed years ago, and everyone knew it.", "theo-okafor", False),
])
def test_quotation_links_when_speaker_and_words_match(text, speaker, linked):
    result = link_quote(quote(text, speaker), (RUST, PIER), SETTINGS)
    assert (result.post_id == RUST.id) is linked
    assert result.channel == ("tweet" if linked else "unknown")


def test_quotation_of_another_platform_gets_channel_post():
    result = link_quote(quote("Sunset at the pier, finally open again", "noa-bell"), (RUST, PIER), SETTINGS)
    assert (result.post_id, result.channel) == (PIER.id, "post")


def test_quotation_that_is_the_posts_own_source_links_without_a_resolved_speaker():
    span = Span("a1", 110, 140, "y" * 30, "content")
    result = link_quote(quote("Nobody listened at all, said he", None, evidence=(span,)), (RUST,), SETTINGS)
    assert result.post_id == RUST.id


def test_the_posts_own_words_given_to_another_speaker_are_not_linked():
    span = Span("a1", 110, 140, "y" * 30, "content")
    result = link_quote(quote("Nobody listened at all, said he", "elena-varga", evidence=(span,)), (RUST,), SETTINGS)
    assert result.post_id is None


def test_dates_that_disagree_prevent_the_link():
    said = TimeRef(text="last month", type="DATE", value="2025-02-01")
    assert link_quote(quote("Nobody listened", date=said), (RUST,), SETTINGS).post_id is None
    same_day = TimeRef(text="on Tuesday", type="DATE", value="2025-03-04")
    assert link_quote(quote("Nobody listened", date=same_day), (RUST,), SETTINGS).post_id == RUST.id


def test_words_that_fit_two_posts_are_not_linked():
    twin = Post(id="post-other", platform="twitter", kind="post", text="Nobody listened. Again.",
                evidence=(), handle="theookafor", author_id="theo-okafor")
    assert link_quote(quote("Nobody listened"), (RUST, twin), SETTINGS).post_id is None


def test_refiner_revises_the_story_quotes():
    quotes = (quote("Nobody listened"), quote("Something else entirely was said here", kind="indirect"))
    story = StoryInput("s", (), {}, {"quotes": quotes, "posts": (RUST,)})
    first, second = link_quotes_to_posts(story, Options())
    assert first.post_id == RUST.id and second.post_id is None
