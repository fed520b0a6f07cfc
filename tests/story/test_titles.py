"""Story titles, keywords and key people."""

from newsprism.model import Article, Person, Span
from newsprism.options import Options
from newsprism.stages import StoryInput
from newsprism.story.titles import key_people, story_keywords, story_title
from tests.story.reports import QUAKE_A, REHAB_A, make


def story(articles):
    return StoryInput("s", tuple(articles), {}, {})


def test_title_is_a_headline_of_the_story():
    title = story_title(story(make(QUAKE_A, "a")), Options())
    assert title in {t for t, _ in QUAKE_A}


def test_without_headlines_the_title_is_a_lead_sentence():
    articles = [Article(id=f"a{i}", source="x", text=text) for i, (_, text) in enumerate(QUAKE_A)]
    title = story_title(story(articles), Options())
    assert title.endswith(".") and any(text.startswith(title) for _, text in QUAKE_A)


def test_keywords_name_the_event_in_the_articles_own_spelling():
    keywords = story_keywords(story(make(QUAKE_A, "a")), Options())
    assert "Ellsmere" in keywords and "Korvath" in keywords
    assert any(k.lower() in ("earthquake", "quake") for k in keywords)
    assert not {"said", "the", "Tuesday"} & set(keywords)
    assert len(keywords) <= Options().story.keywords


def test_keywords_of_a_two_article_story_are_shared_names_first():
    keywords = story_keywords(story(make(REHAB_A, "r")), Options())
    assert keywords[0] in ("Lila Marchetti", "Greyhaven Recovery Centre", "Rob Kline", "Neon Tide")


def test_key_people_are_those_named_in_most_articles():
    def spans(*ids):
        return tuple(Span(i, 0, 1, "x") for i in ids)

    people = (Person("once", "Once", evidence=spans("a")),
              Person("everywhere", "Everywhere", evidence=spans("a", "b", "c")),
              Person("twice", "Twice", evidence=spans("a", "b", "b", "b")),
              Person("nowhere", "Nowhere"))
    assert key_people(people) == ("everywhere", "twice", "once")


NAME_TEXTS = [
    "Betty Ford Center, BETTY  FORD center and betty\nford; BettyFord Center, the betty fordham.",
    "\u212aanye West met \u212aANYE WEST; kanye west's song; İvana İsmail and ivana ismail.",
    "José Álvarez, JOSÉ ÁLVAREZ, jose alvarez; Jr. Smith and j.r. smith or J.R. Smith.",
    "donald donald trump, Donald  Trump-Pence, ſtate ſenate, State Senate, trumps donald",
    "O’NEIL said; o’neil, O’Neil’s and O'Neil. \u212aIM O’NEİL, xo’neil and O’Neill.",
]
NAME_KEYS = ["betty ford center", "betty ford", "kanye west", "ivana ismail", "josé álvarez", "jose alvarez",
             "j.r. smith", "donald trump", "donald", "state senate", "Betty Ford", "", "ford",
             "o’neil", "kim o’neil"]


def test_name_spans_are_the_case_insensitive_matches_in_the_text():
    import re

    from newsprism.regex_starts import ascii_folded
    from newsprism.story.titles import name_spans

    for text in NAME_TEXTS + [t.upper() for t in NAME_TEXTS]:
        for key in NAME_KEYS:
            pattern = r"\b" + r"\s+".join(re.escape(w) for w in key.split()) + r"\b"
            expected = [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
            assert list(name_spans(key, ascii_folded(text))) == expected, (key, text)


def test_surface_forms_are_counted_in_order_of_first_use_across_articles():
    from newsprism.story.titles import _surface_forms

    articles = [Article(id="a", source="x", text="Quakes shook Ellsmere. A quake again."),
                Article(id="b", source="y", text="The QUAKE and the quakes; Ellsmere's quake.")]
    forms = _surface_forms(story(articles))
    assert list(forms["quak"].items()) == [("Quakes", 1), ("quake", 2), ("QUAKE", 1), ("quakes", 1)]
    assert forms["ellsmer"] == {"Ellsmere": 1, "Ellsmere's": 1}
