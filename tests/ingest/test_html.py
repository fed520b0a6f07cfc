"""HTML pages: text without boilerplate, metadata, encodings, embedded posts placed exactly."""

import json

import pytest

from newsprism.ingest import read_articles
from newsprism.ingest.embeds import embed_paragraph
from tests.conftest import EVAL, EXAMPLES, require_shared

BODY = (
    "<p>The harbour authority reopened the port on Thursday after a two-day closure, officials said.</p>"
    "<p>Dock workers returned at dawn, and the first container ship left the quay before noon.</p>"
    "<p>The port director said the storm had damaged two cranes, which engineers will inspect next week.</p>"
)
TWEET = (
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Cranes are moving again. Thanks to every crew '
    'who worked through the night.</p>&mdash; Port of Harbour (@harbourport) <a href="https://twitter.com/'
    'harbourport/status/1785912345678901234">May 2, 2024</a></blockquote>'
)


def page(body: str, head: str = "", lang: str = "en") -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><title>Port reopens</title>{head}</head><body>'
            f'<nav><a href="/">Home</a> | <a href="/news">News</a></nav><main><article><h1>Port reopens</h1>'
            f"{body}</article></main><footer><p>Contact us | Privacy | Terms</p></footer></body></html>")


def test_bundled_example_page_reads_with_its_metadata_and_tweet():
    (article,) = read_articles(EXAMPLES / "story" / "harbour-daily.html")
    assert (article.outlet, article.outlet_provenance) == ("Harbour Daily", "given")
    assert article.authors == ("Priya Shah",)
    assert article.title == "Families evacuated as Marlow Bay shuts bridge"
    assert (article.published, article.published_provenance) == ("2025-03-05T08:15:00+00:00", "given")
    assert article.url == "https://harbourdaily.example/2025/03/05/marlow-bay-bridge-evacuation"
    assert article.language == "en" and article.format == "html"
    assert article.text.startswith("About 150 people were moved out")
    for boilerplate in ("Share this article", "All rights reserved", "Subscribe", "Home", "By Priya Shah"):
        assert boilerplate not in article.text
    (embed,) = article.embeds
    assert (embed.platform, embed.handle, embed.display_name, embed.date) == (
        "twitter", "theookafor", "Theo Okafor", "2025-03-04")
    assert article.text[embed.start:embed.end] == embed_paragraph(embed)
    assert article.text[embed.start:embed.end] == (
        "We told the council about the rust in 2022. Nobody listened. Now families are sleeping in a school gym."
        " — Theo Okafor (@theookafor) March 4, 2025 https://twitter.com/theookafor/status/1896989060363313728")
    assert article.text[embed.start:embed.start + len(embed.text)] == embed.text
    assert article.notes == ()


def test_page_metadata_is_given_and_the_headline_is_not_repeated_in_the_text(tmp_path):
    head = ('<meta property="og:site_name" content="Harbour Herald"><meta name="author" content="Ana Lima; Tom Reyes">'
            '<meta property="article:published_time" content="2024-05-02T09:30:00+02:00">'
            '<meta property="og:url" content="https://harbourherald.example/port-reopens">')
    path = tmp_path / "page.html"
    path.write_text(page(BODY, head), encoding="utf-8")
    (article,) = read_articles(path)
    assert article.outlet == "Harbour Herald" and article.outlet_provenance == "given"
    assert article.authors == ("Ana Lima", "Tom Reyes")
    assert article.published == "2024-05-02T09:30:00+02:00" and article.published_provenance == "given"
    assert article.url == "https://harbourherald.example/port-reopens"
    assert article.title == "Port reopens" and not article.text.startswith("Port reopens")
    assert "Contact us" not in article.text and "Home" not in article.text
    assert article.text.split("\n\n")[0] == ("The harbour authority reopened the port on Thursday after a "
                                             "two-day closure, officials said.")


def test_a_date_only_in_the_text_is_estimated_not_given(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(page(BODY + "<p>The closure began on May 1, 2024.</p>"), encoding="utf-8")
    (article,) = read_articles(path)
    assert (article.published, article.published_provenance) == ("2024-05-01", "estimated")


def test_the_embedded_post_date_is_never_the_page_date(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(page(BODY + TWEET), encoding="utf-8")
    (article,) = read_articles(path)
    assert article.published_provenance != "given"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encoded_page_with_meta_charset(tmp_path, encoding):
    body = ("<p>Le café du port a rouvert jeudi, a déclaré la maire, après deux jours de fermeture.</p>"
            "<p>Les dockers sont revenus à l’aube ; « enfin », a dit l’un d’eux.</p>" * 3)
    label = "windows-1252" if encoding == "cp1252" else "iso-8859-1"
    html = page(body.replace("’", "'") if encoding == "latin-1" else body,
                f'<meta http-equiv="Content-Type" content="text/html; charset={label}">', lang="fr")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode(encoding))
    (article,) = read_articles(path)
    assert "Le café du port a rouvert jeudi, a déclaré la maire" in article.text
    assert "« enfin »" in article.text
    assert article.language == "fr"


def test_utf16_page_with_byte_order_mark(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(page(BODY).encode("utf-16"))
    (article,) = read_articles(path)
    assert "two-day closure" in article.text


def test_utf8_page_with_one_broken_character_is_not_misdecoded(tmp_path):
    body = BODY + "<p>Die Fähre fährt wieder über den Fluß, sagte die Bürgermeisterin.</p>"
    data = page(body, '<meta charset="utf-8">').encode("utf-8")
    path = tmp_path / "page.html"
    path.write_bytes(data.replace("Bürgermeisterin".encode(), "B\xc3rgermeisterin".encode("latin-1")))
    (article,) = read_articles(path)
    assert "Die Fähre fährt wieder über den Fluß" in article.text


def test_tweet_in_a_container_the_extractor_drops_is_restored_in_place(tmp_path):
    body = BODY.replace("</p><p>Dock", f'</p><div class="embed-container social-embed">{TWEET}'
                        '<div class="embed-toolbar">https://twitter.com/harbourport</div></div><p>Dock')
    path = tmp_path / "page.html"
    path.write_text(page(body), encoding="utf-8")
    (article,) = read_articles(path)
    (embed,) = article.embeds
    paragraphs = article.text.split("\n\n")
    assert paragraphs[1] == embed_paragraph(embed)
    assert paragraphs[0].startswith("The harbour authority") and paragraphs[2].startswith("Dock workers")
    assert article.text[embed.start:embed.end] == paragraphs[1]


def test_embed_in_a_sidebar_is_recorded_but_not_put_into_the_article(tmp_path):
    sidebar = f'<aside class="sidebar"><h3>Trending</h3>{TWEET}<p>More from us</p></aside>'
    path = tmp_path / "page.html"
    path.write_text(page(BODY).replace("</main>", f"</main>{sidebar}"), encoding="utf-8")
    (article,) = read_articles(path)
    (embed,) = article.embeds
    assert embed.start is None and embed.end is None
    assert "Cranes are moving again" not in article.text
    assert article.notes and "1 of 1 embedded posts" in article.notes[0]


def test_repeated_identical_embeds_are_placed_in_order(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(page(BODY.replace("</p><p>", f"</p>{TWEET}<p>")), encoding="utf-8")
    (article,) = read_articles(path)
    first, second = article.embeds
    assert first.start < second.start
    assert article.text[second.start:second.end] == embed_paragraph(second)


@pytest.mark.parametrize("markup", [
    "<html><head><script>var page = 1;</script></head><body><div><img src='a.png'></div></body></html>",
    "<html><head><title>Only a title</title></head><body>   </body></html>",
    "<div><div></div><span></span></div>",
])
def test_page_without_article_text_is_skipped_with_the_reason(tmp_path, markup):
    path = tmp_path / "empty.html"
    path.write_text(markup, encoding="utf-8")
    corpus = read_articles(path)
    assert not corpus.articles
    (skipped,) = corpus.skipped
    assert skipped.input == str(path) and "no article text" in skipped.reason


@pytest.mark.shared
def test_embedded_tweets_of_real_pages_survive_into_the_text():
    """Accuracy gate on real pages that embed tweets (trafilatura's evaluation pages)."""
    data = require_shared(EVAL / "tweets-html")
    pages = json.loads((data / "evaldata.json").read_text(encoding="utf-8"))
    corpus = read_articles(sorted(data / page["file"] for page in pages.values()))
    assert not corpus.skipped
    embeds = [embed for article in corpus for embed in article.embeds]
    tweets = [embed for embed in embeds if embed.platform == "twitter"]
    assert len(tweets) >= 50
    placed = [embed for embed in embeds if embed.start is not None]
    assert len(placed) == len(embeds)  # measured: every one of the 59 embeds is in its text
    for article in corpus:
        for embed in article.embeds:
            assert article.text[embed.start:embed.end] == embed_paragraph(embed)


def test_a_post_that_reads_like_a_promotion_is_not_cleaned_away(tmp_path):
    watch = TWEET.replace("Cranes are moving again.", "WATCH: cranes are moving again.")
    path = tmp_path / "page.html"
    path.write_text(page(BODY + watch + "<p>Watch: our video of the storm</p>"), encoding="utf-8")
    (article,) = read_articles(path)
    (embed,) = article.embeds
    assert embed.start is not None and article.text[embed.start:].startswith("WATCH: cranes are moving again.")
    assert [removed.text for removed in article.removed] == ["Watch: our video of the storm"]


def test_a_long_text_overrules_a_wrongly_declared_language(tmp_path):
    german = ("<p>Die Hafenbehörde hat den Hafen am Donnerstag nach einer zweitägigen Schließung wieder "
              "geöffnet, teilten die Behörden mit.</p><p>Die Hafenarbeiter kehrten im Morgengrauen zurück, und "
              "das erste Containerschiff verließ den Kai noch vor Mittag.</p><p>Der Hafendirektor sagte, der "
              "Sturm habe zwei Kräne beschädigt, die Ingenieure in der kommenden Woche prüfen würden.</p>"
              "<p>Die Reedereien rechnen damit, dass sich der Rückstau bis zum Wochenende auflöst.</p>")
    path = tmp_path / "page.html"
    path.write_text(page(german, lang="en"), encoding="utf-8")
    (article,) = read_articles(path)
    assert article.language == "de"
