"""Light clustering features: the word, year and date patterns, and title counts reused."""

import random
import re

import pytest

from newsprism.model import Article
from newsprism.story.features import (_TOKEN, content_terms, lead_sentence, light_features, mentioned_dates,
                                      quote_fingerprints)

# The plain forms of the patterns, as the documentation of features.py gives them: the
# patterns the module uses are rewritten to open with a character class (for speed) and must
# find exactly the same.
PLAIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|\d+(?:[.,]\d+)*")

TRICKY = [
    "It’s the U.S. team's 3-2 win, 1,000.50 fans; x-Ray a b 7 well-known o'clock ‘quoted’",
    "Café owners (aged 40–50) said: “No.” Then—silence. 2009's 1999 2100 12020 A2020 2020s",
    "On June 5th, 2020 and Sept. 3, Mune 4, X-March 7, Dec. 25 and May 12, 1999; OJune 3",
    "", "  \t\n", "ÉCOLE d'été 12.5.3 ... ---",
]


@pytest.mark.parametrize("text", TRICKY)
def test_token_pattern_finds_what_the_plain_pattern_finds(text):
    assert _TOKEN.findall(text) == PLAIN_TOKEN.findall(text)


@pytest.mark.parametrize("text, year, expected", [
    ("Mune 4 is no month; X-March 7 is.", 2020, {"2020-03-07"}),
    ("OJune 3 and Dec. 25 and December 25th", 2021, {"2021-12-25"}),
    ("Aged 12020, A2020, 2020s and 1949 are no years; 1950 and 2099 are.", None, {"1950", "2099"}),
    ("On June 5th, 2020 the fund (founded 2009) paid.", 2021, {"2020-06-05", "2020", "2009"}),
])
def test_mentioned_dates_need_whole_month_names_and_years(text, year, expected):
    assert set(mentioned_dates(text, year)) == expected


def test_terms_of_a_titled_article_count_title_and_text_words_in_their_order():
    article = Article(id="a", source="a.txt", title="Quake strikes Halberg",
                      text="A quake struck Halberg on Monday. Halberg residents fled.")
    features = light_features(article)
    assert features.terms == dict(content_terms(f"{article.title}\n{article.text}"))
    assert list(features.terms)[:3] == ["quak", "strike", "halberg"]
    assert features.terms["halberg"] == 3


@pytest.mark.parametrize("text, expected", [
    ('"short" and "this one is long enough to count, yes" he said', ("this one is long enough to count yes",)),
    ("“A curly quotation that runs long enough” and “another one, just as long as that”",
     ("curly quotation that runs long enough", "another one just as long as that")),
    ('"' + "word " * 130 + '"', ()),  # longer than 600 characters: no quotation
    ('"never closed and long enough to be one', ()),
])
def test_quotations_end_at_the_first_closing_mark(text, expected):
    from newsprism.story.features import quote_fingerprints

    assert quote_fingerprints(text) == expected


def test_parsed_terms_count_each_word_as_a_token_by_token_count_does(nlp):
    """Each distinct word is stemmed once; the counts and their order are those of counting
    token by token (a name in its own spelling, other words by lemma)."""
    from newsprism.options import Options
    from newsprism.story.features import doc_features, stem

    text = ("Halberg residents fled as the quakes struck Halberg. The 3 quakes were felt in "
            "Ellsmere, 40 km away; residents said Halberg's mayor Rhea Korvath ordered 2,000 tents.")
    article = Article(id="a", source="a.txt", title="Quakes strike Halberg", text=text)
    doc = nlp(text)
    expected = dict(content_terms(article.title))
    for token in doc:
        if token.is_alpha or token.like_num:
            term = stem(token.text if token.pos_ == "PROPN" else token.lemma_)
            if term:
                expected[term] = expected.get(term, 0) + 1
    terms = doc_features(doc, article, {}, Options()).terms
    assert list(terms.items()) == list(expected.items())
    assert terms["halberg"] == 4 and terms["resid"] == 2


PLAIN_LEAD = re.compile(r"(.{20,300}?[.!?])(?:\s|$)", re.S)


def _random_texts(alphabet: str, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(700))) for _ in range(count)]


@pytest.mark.parametrize("text", TRICKY + [
    "Short. Then a much longer sentence follows here.", "x" * 400 + ". And more.", "y" * 301 + "!",
    "a" * 19 + ". " + "b" * 30 + "? end", "a" * 20 + ".\n", "a" * 20 + ".", "a" * 20 + ".x" + "b" * 300 + ". c",
])
def test_lead_sentence_is_the_first_match_of_the_plain_pattern(text):
    match = PLAIN_LEAD.search(text)
    assert lead_sentence(text) == (match.group(1) if match else text[:300])


def test_lead_sentence_matches_the_plain_pattern_on_random_texts():
    for text in _random_texts("ab .!?\n\t", 300, 1) + _random_texts("abcdefgh .", 100, 2):
        match = PLAIN_LEAD.search(text)
        assert lead_sentence(text) == (match.group(1) if match else text[:300]), text


def test_quotation_fingerprints_read_only_the_first_words_as_a_whole_tokenization_does():
    found = 0
    for text in TRICKY + _random_texts("ab1 ’'-., a b ab" * 3 + '"“”', 300, 3):
        expected = []
        for match in re.finditer(r"[\"“](?P<q>[^\"“”]{20,600})[\"”]", text):
            words = [w.lower() for w in PLAIN_TOKEN.findall(match.group("q"))]
            if len(words) >= 5:
                expected.append(" ".join(words[:8]))
        assert quote_fingerprints(text) == tuple(dict.fromkeys(expected)), text
        found += len(expected)
    assert found > 100
