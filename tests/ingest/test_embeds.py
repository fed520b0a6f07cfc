"""Embedded posts: found in the markup of each platform, recorded, flattened into one paragraph."""

import pytest
from lxml.html import document_fromstring

from newsprism.ingest.embeds import embed_paragraph, extract_embeds
from newsprism.model import Embed

TWEET = (
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The ferry is back on time &amp; full.'
    '<br>See you at the quay <a href="https://t.co/abc">pic.twitter.com/abc</a></p>&mdash; Lena Brook '
    '(@lenabrook) <a href="https://twitter.com/lenabrook/status/1785912345678901234?ref_src=twsrc">'
    'May 2, 2024</a></blockquote>'
)
TWEET_GERMAN = (
    '<blockquote class="twitter-tweet" data-lang="de"><p lang="de" dir="ltr">Die Fähre fährt wieder.</p>'
    '<p>— Hafenamt (@hafenamt) <a href="https://twitter.com/hafenamt/status/1785912345678901234">'
    '2. Mai 2024</a></p></blockquote>'
)
TWEET_EMPTY = '<blockquote class="twitter-tweet"><a href="https://twitter.com/hafenamt/status/1785912345678901234"></a></blockquote>'
TWEET_RENDERED = ('<div class="twitter-tweet twitter-tweet-rendered"><iframe title="Twitter Tweet" '
                  'data-tweet-id="1785912345678901234" src="Tweet.html"></iframe></div>')
TWEET_X = ('<blockquote><p>A quoted post on the new pier.</p>— Pier Watch (@pierwatch) '
           '<a href="https://x.com/pierwatch/status/1785912345678901234">May 2, 2024</a></blockquote>')
INSTAGRAM = (
    '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/C6abcDEF/?utm_source=ig_embed">'
    '<div><a href="https://www.instagram.com/p/C6abcDEF/">View this post on Instagram</a></div>'
    '<p><a href="https://www.instagram.com/p/C6abcDEF/">Sunrise over the harbour wall</a></p>'
    '<p>A post shared by <a href="https://www.instagram.com/harbourlife/">Harbour Life</a> (@harbourlife) on '
    '<time datetime="2024-05-02T06:10:00+00:00">May 2, 2024 at 6:10am</time></p></blockquote>'
)
FACEBOOK = (
    '<div class="fb-post" data-href="https://www.facebook.com/harbourcouncil/posts/1234567890">'
    '<blockquote cite="https://www.facebook.com/harbourcouncil/posts/1234567890" class="fb-xfbml-parse-ignore">'
    '<p>The quay road is open again.</p>Posted by <a href="https://www.facebook.com/harbourcouncil">Harbour Council</a>'
    ' on <a href="https://www.facebook.com/harbourcouncil/posts/1234567890">Thursday, May 2, 2024</a></blockquote></div>'
)
FACEBOOK_IFRAME = ('<iframe src="https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2F'
                   'harbourcouncil%2Fposts%2F1234567890&width=500"></iframe>')
YOUTUBE = '<iframe title="Storm over the harbour, filmed from the lighthouse" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"></iframe>'
YOUTUBE_LAZY = '<iframe title="YouTube video player" data-src="https://www.youtube.com/embed/aBcDeFgHiJk"></iframe>'
TIKTOK = ('<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@quaycam/video/7364123456789012345" '
          'data-video-id="7364123456789012345"><section><a title="@quaycam" href="https://www.tiktok.com/@quaycam">'
          '@quaycam</a><p>Waves over the wall tonight</p><a title="♬ original sound">♬ original sound</a></section></blockquote>')


def embeds_of(markup: str, language: str | None = "en"):
    tree = document_fromstring(f"<html><body><article><p>Before the post.</p>{markup}<p>After it.</p></article></body></html>")
    found = extract_embeds(tree, language)
    return found.embeds, tree


@pytest.mark.parametrize(("markup", "expected"), [
    (TWEET, Embed("twitter", url="https://twitter.com/lenabrook/status/1785912345678901234",
                  status_id="1785912345678901234", handle="lenabrook", display_name="Lena Brook",
                  text="The ferry is back on time & full. See you at the quay pic.twitter.com/abc", date="2024-05-02")),
    (TWEET_GERMAN, Embed("twitter", url="https://twitter.com/hafenamt/status/1785912345678901234",
                         status_id="1785912345678901234", handle="hafenamt", display_name="Hafenamt",
                         text="Die Fähre fährt wieder.", date="2024-05-02")),
    (TWEET_X, Embed("twitter", url="https://twitter.com/pierwatch/status/1785912345678901234",
                    status_id="1785912345678901234", handle="pierwatch", display_name="Pier Watch",
                    text="A quoted post on the new pier.", date="2024-05-02")),
    (INSTAGRAM, Embed("instagram", url="https://www.instagram.com/p/C6abcDEF/", status_id="C6abcDEF",
                      handle="harbourlife", display_name="Harbour Life", text="Sunrise over the harbour wall",
                      date="2024-05-02T06:10:00Z")),
    (FACEBOOK, Embed("facebook", url="https://www.facebook.com/harbourcouncil/posts/1234567890",
                     status_id="1234567890", display_name="Harbour Council", text="The quay road is open again.",
                     date="2024-05-02")),
    (FACEBOOK_IFRAME, Embed("facebook", url="https://www.facebook.com/harbourcouncil/posts/1234567890",
                            status_id="1234567890")),
    (YOUTUBE, Embed("youtube", url="https://www.youtube.com/watch?v=dQw4w9WgXcQ", status_id="dQw4w9WgXcQ",
                    text="Storm over the harbour, filmed from the lighthouse")),
    (YOUTUBE_LAZY, Embed("youtube", url="https://www.youtube.com/watch?v=aBcDeFgHiJk", status_id="aBcDeFgHiJk")),
    (TIKTOK, Embed("tiktok", url="https://www.tiktok.com/@quaycam/video/7364123456789012345",
                   status_id="7364123456789012345", handle="quaycam", text="Waves over the wall tonight")),
])
def test_each_platform_embed_is_recorded(markup, expected):
    (embed,) = embeds_of(markup, "de" if 'data-lang="de"' in markup else "en")[0]
    assert embed == expected


def test_a_tweet_without_a_shown_date_takes_the_time_its_id_encodes():
    (embed,) = embeds_of(TWEET_EMPTY)[0]
    assert (embed.handle, embed.text, embed.date) == ("hafenamt", "", "2024-05-02T06:00:58Z")
    (rendered,) = embeds_of(TWEET_RENDERED)[0]
    assert rendered.status_id == "1785912345678901234" and rendered.handle is None
    assert rendered.url == "https://twitter.com/i/web/status/1785912345678901234"


def test_a_shown_date_far_from_the_id_time_is_not_trusted():
    markup = TWEET.replace("May 2, 2024", "3/4/2011")
    (embed,) = embeds_of(markup)[0]
    assert embed.date == "2024-05-02T06:00:58Z"


@pytest.mark.parametrize(("markup", "not_embeds"), [
    ('<blockquote><p>An ordinary quotation from a report.</p></blockquote>', 0),
    ('<iframe src="https://maps.example.org/embed?x=1"></iframe>', 0),
    ('<blockquote class="twitter-tweet"><p>No link to any status at all.</p></blockquote>', 0),
    ('<a href="https://twitter.com/intent/tweet?text=Share">Share on X</a>', 0),
])
def test_things_that_are_not_embeds_are_left_alone(markup, not_embeds):
    embeds, tree = embeds_of(markup)
    assert len(embeds) == not_embeds
    assert "Before the post." in tree.text_content()


@pytest.mark.parametrize(("embed", "paragraph"), [
    (Embed("twitter", url="https://twitter.com/a/status/1", handle="a", display_name="A B", text="Hi there.",
           date="2018-04-25"), "Hi there. — A B (@a) April 25, 2018 https://twitter.com/a/status/1"),
    (Embed("twitter", url="https://twitter.com/a/status/1", handle="a", date="2018-04-25T10:00:00Z"),
     "— (@a) April 25, 2018 https://twitter.com/a/status/1"),
    (Embed("youtube", url="https://www.youtube.com/watch?v=x", text="A video"), "A video — https://www.youtube.com/watch?v=x"),
    (Embed("youtube", text="Only words"), "Only words"),
])
def test_paragraph_text_form(embed, paragraph):
    assert embed_paragraph(embed) == paragraph


def test_embed_node_is_replaced_by_its_paragraph_in_place():
    embeds, tree = embeds_of(f'<figure class="embed-twitter">{TWEET}<script src="widgets.js"></script></figure>')
    paragraphs = [p.text_content() for p in tree.iter("p")]
    assert paragraphs == ["Before the post.", embed_paragraph(embeds[0]), "After it."]
    assert not list(tree.iter("figure", "blockquote"))


def test_several_players_in_one_paragraph_are_each_kept():
    markup = "<p>" + YOUTUBE + YOUTUBE_LAZY + "</p>"
    embeds, tree = embeds_of(markup)
    assert [e.status_id for e in embeds] == ["dQw4w9WgXcQ", "aBcDeFgHiJk"]
    texts = [p.text_content() for p in tree.iter("p")]
    assert all(embed_paragraph(e) in texts for e in embeds)


def test_embed_held_back_by_a_consent_placeholder_is_found():
    hidden = TWEET.replace("&", "&amp;").replace("<", "&lt;")
    markup = (f'<div class="consent-placeholder"><textarea hidden>{hidden}</textarea>'
              '<p>Load content from X?</p></div>')
    embeds, _ = embeds_of(markup)
    assert [e.handle for e in embeds] == ["lenabrook"]
