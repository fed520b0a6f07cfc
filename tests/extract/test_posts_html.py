"""Posts from each platform's embed markup, read from an HTML page end to end."""

import pytest

import newsprism
from newsprism.extract.posts import find_posts
from newsprism.options import Options

pytest.importorskip("newsprism.ingest.html", reason="the HTML reader is not installed")

# Embed code as each platform hands it out (fictional accounts, ids and words).
TWEET = """<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The Old Quay Bridge stays shut
tonight. Detours via Mill Road. <a href="https://t.co/AbCdEf1234">pic.twitter.com/AbCdEf1234</a></p>&mdash;
Marlow Bay Council (@marlowbaycouncil) <a href="https://twitter.com/marlowbaycouncil/status/1897065432198765432?ref_src=twsrc%5Etfw">March 4, 2025</a></blockquote>
<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>"""

X_POST = """<blockquote class="twitter-tweet" data-theme="dark"><p lang="en" dir="ltr">Engineers from the
national roads service arrive on Thursday.</p>&mdash; Daniel Reyes (@danielreyesmp)
<a href="https://x.com/danielreyesmp/status/1897190630224945728">March 5, 2025</a></blockquote>"""

INSTAGRAM = """<blockquote class="instagram-media" data-instgrm-captioned
data-instgrm-permalink="https://www.instagram.com/p/C4aBcDeFgHi/" data-instgrm-version="7"><div style="padding:8px;">
<div style="background:#F8F8F8; padding:50.0% 0;"></div> <p style="margin:8px 0 0 0;"><a href="https://www.instagram.com/p/C4aBcDeFgHi/" target="_blank">Last swim under the old bridge before the works begin.</a></p>
<p style="color:#c9c8cd;">A post shared by Harbour Swimmers (@harbourswimmers) on <time datetime="2025-03-04T18:15:00+00:00">Mar 4, 2025 at 10:15am PST</time></p></div></blockquote>
<script async src="//platform.instagram.com/en_US/embeds.js"></script>"""

FACEBOOK = """<div class="fb-post" data-href="https://www.facebook.com/marlowbaycouncil/posts/1015800000000001"
data-width="500" data-show-text="true"><blockquote cite="https://www.facebook.com/marlowbaycouncil/posts/1015800000000001"
class="fb-xfbml-parse-ignore"><p>Road closures around the Old Quay Bridge will last at least two weeks.</p>Posted by
<a href="https://www.facebook.com/marlowbaycouncil">Marlow Bay Council</a> on&nbsp;<a
href="https://www.facebook.com/marlowbaycouncil/posts/1015800000000001">Tuesday, March 4, 2025</a></blockquote></div>"""

YOUTUBE = """<iframe width="560" height="315" src="https://www.youtube.com/embed/AbCdEfGhIjK"
title="Old Quay Bridge inspection footage" frameborder="0" allowfullscreen></iframe>"""

TIKTOK = """<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@harbourdaily/video/7343000000000000000"
data-video-id="7343000000000000000" style="max-width: 605px;min-width: 325px;"><section><a target="_blank"
title="@harbourdaily" href="https://www.tiktok.com/@harbourdaily?refer=embed">@harbourdaily</a>
<p>Inside the evacuation centre at St Brendan's <a title="marlowbay" target="_blank"
href="https://www.tiktok.com/tag/marlowbay?refer=embed">#marlowbay</a></p></section></blockquote>
<script async src="https://www.tiktok.com/embed.js"></script>"""

PARAGRAPHS = [
    ("Families from the river terraces spent a second night in the school gym on Wednesday, after the "
     "city closed the Old Quay Bridge to all traffic."),
    "The council said the closure would last until engineers had inspected every cable of the span.",
    "Residents said they had been warned about rust on the bridge for years and had written to the council.",
    "The transport minister promised that repairs would be paid for by the national government.",
    "Swimmers and fishermen who use the quay said they would miss the bridge during the works.",
    "Local businesses on the terraces said trade had already fallen by half since Tuesday.",
    "A public meeting about the works is planned for next week at the community hall.",
]


def page(embeds):
    body = []
    for n, paragraph in enumerate(PARAGRAPHS):
        body.append(f"<p>{paragraph}</p>")
        if n < len(embeds):
            body.append(embeds[n])
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Bridge closed</title>"
            "<meta property='og:site_name' content='Harbour Daily'></head><body><article><h1>Bridge closed</h1>"
            + "\n".join(body) + "</article></body></html>")


@pytest.fixture(scope="module")
def posts(tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "page.html"
    path.write_text(page([TWEET, X_POST, INSTAGRAM, FACEBOOK, YOUTUBE, TIKTOK]), encoding="utf-8")
    (article,) = newsprism.read_articles([path])
    found = find_posts(None, article, {}, Options())
    for post in found:
        for span in post.evidence:
            assert article.text[span.start:span.end] == span.text
    return found, article


def one(found, platform):
    (post,) = [p for p in found if p.platform == platform]
    return post


def test_each_platform_gives_one_post(posts):
    found, article = posts
    assert len(article.embeds) == 6
    assert sorted(p.platform for p in found) == ["facebook", "instagram", "tiktok", "twitter", "twitter", "youtube"]
    assert all(p.origins == ("embed",) for p in found)


def test_tweet_markup(posts):
    found, _ = posts
    tweets = {p.handle: p for p in found if p.platform == "twitter"}
    council = tweets["marlowbaycouncil"]
    assert council.display_name == "Marlow Bay Council"
    assert council.text.startswith("The Old Quay Bridge stays shut tonight. Detours via Mill Road.")
    assert (council.status_id, council.posted) == ("1897065432198765432", "2025-03-04T23:23:39Z")
    assert {s.role for s in council.evidence} == {"text", "attribution"}
    reyes = tweets["danielreyesmp"]
    assert reyes.text == "Engineers from the national roads service arrive on Thursday."
    assert reyes.posted == "2025-03-05T07:41:09Z"


def test_instagram_markup(posts):
    found, _ = posts
    post = one(found, "instagram")
    assert (post.handle, post.status_id) == ("harbourswimmers", "C4aBcDeFgHi")
    assert post.text == "Last swim under the old bridge before the works begin."
    assert (post.display_name, post.posted, post.precision) == ("Harbour Swimmers", "2025-03-04T18:15:00Z", "datetime")


def test_facebook_markup(posts):
    found, _ = posts
    post = one(found, "facebook")
    assert post.status_id == "1015800000000001"
    assert post.text == "Road closures around the Old Quay Bridge will last at least two weeks."
    assert post.posted == "2025-03-04"


def test_youtube_and_tiktok_markup(posts):
    found, _ = posts
    video = one(found, "youtube")
    assert (video.status_id, video.url) == ("AbCdEfGhIjK", "https://www.youtube.com/watch?v=AbCdEfGhIjK")
    tiktok = one(found, "tiktok")
    assert (tiktok.handle, tiktok.status_id) == ("harbourdaily", "7343000000000000000")
    assert tiktok.text.startswith("Inside the evacuation centre")
