"""From a reader's document to an article: embeds located exactly in the cleaned text."""

from newsprism.ingest.document import RawDocument, finish
from newsprism.ingest.embeds import embed_paragraph
from newsprism.model import Embed
from newsprism.options import ReadOptions

POST = Embed("twitter", url="https://twitter.com/quay/status/1785912345678901234", status_id="1785912345678901234",
             handle="quay", display_name="Quay Watch", text="Water over the wall again.", date="2024-05-02")
OTHER = Embed("twitter", url="https://twitter.com/pier/status/1785912345678901235", handle="pier",
              text="Pier closed.", date="2024-05-02")
LEAD = "The harbour flooded on Thursday, residents said."


def article_of(text: str, *embeds: Embed):
    return finish(RawDocument(source="page.html", text=text, format="html", embeds=embeds), ReadOptions())


def test_embeds_are_placed_in_reading_order_even_when_identical():
    text = f"{LEAD}\n\n{embed_paragraph(POST)}\n\nMore rain fell.\n\n{embed_paragraph(POST)}"
    article = article_of(text, POST, POST)
    first, second = article.embeds
    assert first.start < second.start
    for embed in article.embeds:
        assert article.text[embed.start:embed.end] == embed_paragraph(embed)
        assert article.text[embed.start:embed.start + len(embed.text)] == embed.text


def test_a_lost_duplicate_is_not_placed_on_its_twin():
    article = article_of(f"{LEAD}\n\n{embed_paragraph(POST)}", POST, POST)
    assert [e.start is None for e in article.embeds] == [False, True]
    assert article.notes == ("1 of 2 embedded posts are not in the text (lost in extraction or cleaning): "
                             "https://twitter.com/quay/status/1785912345678901234",)


def test_an_embed_the_extractor_moved_is_still_found():
    text = f"{LEAD}\n\n{embed_paragraph(OTHER)}\n\n{embed_paragraph(POST)}"
    article = article_of(text, POST, OTHER)
    assert all(article.text[e.start:e.end] == embed_paragraph(e) for e in article.embeds)


def test_an_embed_run_into_a_line_is_located_inside_it():
    text = f"{LEAD} {embed_paragraph(POST)} After it."
    article = article_of(text, POST)
    (embed,) = article.embeds
    assert article.text[embed.start:embed.end] == embed_paragraph(POST)


def test_offsets_refer_to_the_cleaned_text():
    text = f"READ MORE: Storm warning for the coast\n\n{LEAD}\n\n{embed_paragraph(POST)}\n\nShare this article"
    article = article_of(text, POST)
    (embed,) = article.embeds
    assert article.text.startswith(LEAD)
    assert article.text[embed.start:embed.end] == embed_paragraph(POST)
