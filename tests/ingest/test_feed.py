"""RSS, Atom and RDF feeds: one article per entry, full content where the feed has it."""

import pytest

from newsprism.ingest import read_articles
from newsprism.ingest.embeds import embed_paragraph

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Herald</title><link>https://harbourherald.example/</link><language>en</language>
<item><title>Port reopens after storm</title><link>https://harbourherald.example/port</link>
<pubDate>Thu, 02 May 2024 09:30:00 +0200</pubDate><dc:creator>Ana Lima</dc:creator>
<description>Short teaser only.</description>
<content:encoded><![CDATA[<p>The harbour authority reopened the port on Thursday after a two-day closure, officials said.</p>
<p>Dock workers returned at dawn. "We lost two days of trade," said the port director, Mara Ilic.</p>
<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Cranes are moving again. Thanks to every crew.</p>&mdash; Port of Harbour (@harbourport) <a href="https://twitter.com/harbourport/status/1785912345678901234">May 2, 2024</a></blockquote>
<p>Shipping lines expect the backlog to clear by the weekend.</p>]]></content:encoded>
</item>
<item><title>Ferries resume</title><link>https://harbourherald.example/ferries</link>
<pubDate>Fri, 03 May 2024 07:00:00 +0200</pubDate>
<description>Ferries resume their normal timetable on Friday, the operator told passengers in a statement.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Quay Times</title>
<entry><title>Bridge inspection finds rust</title><link href="https://quaytimes.example/bridge"/>
<updated>2024-05-04T10:00:00Z</updated><published>2024-05-03T18:00:00Z</published>
<author><name>Tom Reyes</name></author><author><name>Ana Lima</name></author>
<summary>Inspectors found rust.</summary>
<content type="html">&lt;p&gt;Inspectors found corroded cables on the old bridge during a routine check, the city said on Friday evening.&lt;/p&gt;</content>
</entry></feed>"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://bay.example/"><title>Bay Bulletin</title><link>https://bay.example/</link><description>x</description></channel>
<item rdf:about="https://bay.example/1"><title>Tide record</title><link>https://bay.example/1</link>
<description>The tide gauge at the north pier recorded its highest level in forty years on Saturday morning.</description>
<dc:date>2024-05-04T06:00:00+01:00</dc:date><dc:creator>Mara Ilic</dc:creator></item>
</rdf:RDF>"""


def write(tmp_path, text, name="feed.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_rss_entries_with_full_content_and_an_embedded_post(tmp_path):
    path = write(tmp_path, RSS)
    first, second = read_articles(path)
    assert first.source == f"{path}#0" and second.source == f"{path}#1"
    assert (first.title, first.url, first.authors) == (
        "Port reopens after storm", "https://harbourherald.example/port", ("Ana Lima",))
    assert (first.outlet, first.outlet_provenance) == ("Harbour Herald", "given")
    assert (first.published, first.published_provenance) == ("2024-05-02T09:30:00+02:00", "given")
    assert first.format == "feed" and first.language == "en"
    assert "Short teaser" not in first.text and "lost two days of trade" in first.text
    assert "<p>" not in first.text
    (embed,) = first.embeds
    assert embed.handle == "harbourport"
    assert first.text[embed.start:embed.end] == embed_paragraph(embed)
    assert second.text == "Ferries resume their normal timetable on Friday, the operator told passengers in a statement."


def test_atom_entry_prefers_published_and_lists_every_author(tmp_path):
    (article,) = read_articles(write(tmp_path, ATOM, "feed.atom"))
    assert article.outlet == "Quay Times" and article.url == "https://quaytimes.example/bridge"
    assert article.authors == ("Tom Reyes", "Ana Lima")
    assert article.published == "2024-05-03T18:00:00+00:00"
    assert article.text.startswith("Inspectors found corroded cables")


def test_rdf_feed(tmp_path):
    (article,) = read_articles(write(tmp_path, RDF, "feed.rdf"))
    assert (article.outlet, article.authors, article.published) == (
        "Bay Bulletin", ("Mara Ilic",), "2024-05-04T06:00:00+01:00")


def test_feed_saved_as_html_is_still_a_feed(tmp_path):
    articles = read_articles(write(tmp_path, RSS, "news.html"))
    assert [a.format for a in articles] == ["feed", "feed"]


def test_feed_with_errors_but_usable_entries_is_read_and_the_problem_noted(tmp_path):
    broken = RSS.replace("<title>Ferries resume</title>", "<title>Ferries & buses resume</title>")
    corpus = read_articles(write(tmp_path, broken))
    assert len(corpus) == 2 and not corpus.skipped
    assert all("malformed" in note for article in corpus for note in article.notes)


@pytest.mark.parametrize("text", [
    "<?xml version='1.0'?><rss version='2.0'><channel><title>Cut off</title><item><title>Half",
    "<rss version='2.0'><channel><title>No items</title></channel></rss>",
])
def test_unusable_feed_is_skipped_naming_the_file(tmp_path, text):
    path = write(tmp_path, text)
    good = write(tmp_path, RSS, "good.xml")
    corpus = read_articles([path, good])
    assert len(corpus) == 2
    (skipped,) = corpus.skipped
    assert skipped.input.startswith(str(path))  # the file, or the file's broken entry
    assert "feed" in skipped.reason


def test_entry_without_any_text_is_skipped_alone(tmp_path):
    text = RSS.replace("</channel>", "<item><title>Nothing here</title></item></channel>")
    path = write(tmp_path, text)
    corpus = read_articles(path)
    assert len(corpus) == 2
    assert [s.input for s in corpus.skipped] == [f"{path}#2"]
