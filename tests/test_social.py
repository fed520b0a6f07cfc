"""Status URLs, platforms of links, and the time a status id encodes."""

import pytest

from newsprism.social import (
    STATUS_URL,
    handle_from_url,
    parse_status_url,
    platform_of,
    post_id_from_url,
    posted_from_status_id,
    snowflake_time,
)


@pytest.mark.parametrize("status_id,expected", [
    ("989179757651574784", "2018-04-25T16:30:06Z"),
    (266031293945503744, "2012-11-07T04:16:17Z"),  # "Four more years", election night 2012
    ("1455512589295816707", "2021-11-02T12:30:18Z"),
    ("20", None),  # 2006: ids were counters before snowflakes
    ("29700859246", None),
])
def test_snowflake_ids_decode_to_utc(status_id, expected):
    assert posted_from_status_id(status_id) == expected


def test_snowflake_keeps_milliseconds():
    assert snowflake_time(989179757651574784).microsecond % 1000 == 0
    assert snowflake_time(989179757651574784).tzinfo is not None


@pytest.mark.parametrize("url,expected", [
    ("https://twitter.com/kanyewest/status/989179757651574784", ("kanyewest", "989179757651574784")),
    ("https://x.com/kanyewest/status/989179757651574784?s=20&t=abc", ("kanyewest", "989179757651574784")),
    ("https://mobile.twitter.com/a_b/statuses/1234567", ("a_b", "1234567")),
    ("twitter.com/someone/status/1234567/photo/1", ("someone", "1234567")),
    ("https://twitter.com/i/web/status/1234567", (None, "1234567")),
    ("https://fxtwitter.com/someone/status/1234567", ("someone", "1234567")),
    ("https://twitter.com/someone", None),
    ("https://notx.com/someone/status/1234567", None),
])
def test_status_urls(url, expected):
    assert parse_status_url(url) == expected


def test_status_url_is_not_found_inside_other_words():
    assert not STATUS_URL.search("mailto:me@twitter.com/a/status/123456")


@pytest.mark.parametrize("url,platform,handle,post_id", [
    ("https://www.instagram.com/p/CxYz123/", "instagram", None, "CxYz123"),
    ("https://www.instagram.com/noa.bell/", "instagram", "noa.bell", None),
    ("https://www.tiktok.com/@ana/video/7212345678901234567", "tiktok", "ana", "7212345678901234567"),
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", None, "dQw4w9WgXcQ"),
    ("https://youtu.be/dQw4w9WgXcQ", "youtube", None, "dQw4w9WgXcQ"),
    ("https://www.youtube.com/embed/dQw4w9WgXcQ", "youtube", None, "dQw4w9WgXcQ"),
    ("https://www.facebook.com/cityoftarn/posts/10158", "facebook", "cityoftarn", "10158"),
    ("https://example.com/p/abc", None, None, None),
])
def test_platform_handle_and_id_of_post_links(url, platform, handle, post_id):
    assert (platform_of(url), handle_from_url(url), post_id_from_url(url)) == (platform, handle, post_id)


@pytest.mark.parametrize("text", [
    "See https://twitter.com/someone/status/989179757651574784 and x.com/a/statuses/1234567.",
    "TWITTER.COM/SOMEONE/STATUS/1234567 in capitals, twitter.com/i/web/status/7654321",
    "twitter.com/someone/\u017ftatus/1234567 (a long s matches an s ignoring case)",
    "A /status page, twitter.com/someone, and no status URL at all.",
    "",
])
def test_find_status_urls_matches_as_the_pattern_does(text):
    from newsprism.social import find_status_urls

    expected = [(m.span(), m.group("id")) for m in STATUS_URL.finditer(text)]
    assert [(m.span(), m.group("id")) for m in find_status_urls(text)] == expected
