"""Quote fidelity: wording pairs of the kind outlets print, one table per difference class.

Every pair is (reference wording, outlet's wording, expected kind, expected subtype or None,
the reference words and the outlet's words the difference must point at).
"""

from __future__ import annotations

import pytest

from newsprism.model import Span
from newsprism.options import FidelityOptions
from newsprism.story.fidelity import Wording, choose_reference, compare_wordings, fidelity_of
from newsprism.story.wording import spelling_relation


def wording(article_id: str, *fragments: str, primary: bool = False, published: str | None = None,
            prefix: str = "He said: ") -> tuple[Wording, str]:
    """A wording inside a made-up article text, fragments separated by an attribution."""
    text = prefix
    segments = []
    for index, fragment in enumerate(fragments):
        if index:
            text += "”, she added. “"
        segments.append(Span(article_id, len(text), len(text) + len(fragment), fragment))
        text += fragment
    return Wording(article_id, tuple(segments), primary, published), text


def compare(reference: str, variant: str, *variant_fragments: str, others=()):
    ref, ref_text = wording("ref", reference, primary=True)
    var, var_text = wording("var", variant, *variant_fragments)
    result = compare_wordings(ref, var, FidelityOptions(), others)
    texts = {"ref": ref_text, "var": var_text}
    for difference in result.differences:
        for span in difference.evidence:
            assert texts[span.article_id][span.start:span.end] == span.text, span
    return result


def kinds(result) -> set[tuple[str, str | None]]:
    return {(d.kind, d.subtype) for d in result.differences}


CASES = [
    # identical
    ("We are both dragon energy.", "We are both dragon energy.", "identical", None, None, None),
    # typography: curly against straight marks changes nothing that was said
    ("You don't have to agree", "You don’t have to agree", "typography", None, "don't", "don’t"),
    ("a 50-50 split", "a 50–50 split", "typography", None, "-", "–"),
    # capitalisation
    ("Thank you Kanye, very cool!", "Thank You Kanye, very cool!", "capitalisation", None, "you", "You"),
    ("agree with trump but", "agree with Trump but", "capitalisation", None, "trump", "Trump"),
    # punctuation
    ("Work can start next week.", "Work can start, next week.", "punctuation", None, "", ","),
    ("It is safe. We checked", "It is safe, we checked", "punctuation", None, ".", ","),
    # spelling corrections
    ("We can't ad empathy to MAGA", "We can't add empathy to MAGA", "spelling", "doubled-letter", "ad", "add"),
    ("Im still the kid from the telethon", "I'm still the kid from the telethon", "spelling", "apostrophe", "Im", "I'm"),
    ("we will win untill the end", "we will win until the end", "spelling", "doubled-letter", "untill", "until"),
    ("teh council knew", "the council knew", "spelling", "transposition", "teh", "the"),
    ("your going to regret this", "you're going to regret this", "spelling", "confusable", "your", "you're"),
    ("I definately agree with the plan", "I definitely agree with the plan", "spelling", "typo", "definately", "definitely"),
    # regional spelling
    ("especially to people of colour", "especially to people of color", "regional_spelling", None, "colour", "color"),
    ("we realise the centre is closed", "we realize the centre is closed", "regional_spelling", None, "realise", "realize"),
    ("the defense of the city", "the defence of the city", "regional_spelling", None, "defense", "defence"),
    # truncation: which part is dropped
    ("So many feel betrayed right now because they know the harm",
     "the harm", "truncation", "start", "So many feel betrayed right now because they know", None),
    ("The money is there. Work can start next week.", "The money is there.", "truncation", "end",
     "Work can start next week", None),
    # omission inside the quote
    ("We will fight it in court and we will win every step of the way",
     "We will fight it in court … every step of the way", "omission", "marked", "and we will win", None),
    ("We are not going to gamble with people's lives", "We are not going to gamble with lives",
     "omission", "unmarked", "people's", None),
    # insertion
    ("He is wrong about the bridge", "He [Reyes] is wrong about the bridge", "insertion", "bracketed", None, "Reyes"),
    ("We acted on every report", "We acted on every single report", "insertion", "middle", None, "single"),
    # splice: parts that were apart joined without a mark
    ("The vote was a disgrace. I will appeal it in court. We will win every step of the way",
     "The vote was a disgrace. We will win every step of the way", "splice", "unmarked-cut",
     "I will appeal it in court", None),
    ("I did not say that at all, and I stand by my record on jobs",
     "I stand by my record on jobs and I did not say that at all", "splice", "reordered", None, None),
    # meaning change
    ("We can win this", "We can't win this", "meaning_change", "negation", "can", "can't"),
    ("The council was not told about the rust", "The council was told about the rust",
     "meaning_change", "negation", "not", None),
    ("About 120 residents left their homes", "About 150 residents left their homes", "meaning_change", "number", "120", "150"),
    ("we lost three homes in the storm", "we lost thirty homes in the storm", "meaning_change", "number", "three", "thirty"),
    ("engineers tell me it is safe", "engineers say it is safe", "meaning_change", "content", "tell me", "say"),
    ("We won the vote in March", "We lost the vote in March", "meaning_change", "content", "won", "lost"),
]


@pytest.mark.parametrize("reference, variant, kind, subtype, ref_words, var_words", CASES)
def test_wording_difference_is_classified(reference, variant, kind, subtype, ref_words, var_words):
    result = compare(reference, variant)
    assert result.verdict == kind, [(d.kind, d.subtype, d.detail) for d in result.differences]
    if kind == "identical":
        assert result.differences == ()
        return
    found = [d for d in result.differences if d.kind == kind and (subtype is None or d.subtype == subtype)]
    assert found, kinds(result)
    difference = found[0]
    if ref_words is not None:
        assert ref_words in {s.text for s in difference.evidence if s.role in ("reference", "dropped")} or \
            ref_words == difference.reference_text
    if var_words is not None:
        assert var_words in {s.text for s in difference.evidence if s.role in ("variant", "inserted")} or \
            var_words == difference.variant_text


def test_paraphrase_presented_as_quote():
    result = compare("The economy is doing well and jobs are up",
                     "things look rosy for workers across the nation right now")
    assert result.verdict == "paraphrase"
    assert result.verbatim < 0.5


def test_short_wording_is_not_called_a_paraphrase():
    # Three words can differ without the quote being a paraphrase of something else.
    result = compare("Nah, that ain't it yo.", "No, that isn't it")
    assert result.verdict != "paraphrase"


def test_only_the_corrected_occurrence_is_marked():
    # The outlet fixes the first "ad" and keeps the second: one spelling difference, at the first.
    result = compare(
        "We can't ad empathy to MAGA by hating. We can only ad empathy with love",
        "We can’t add empathy to MAGA by hating. We can only ad empathy with love",
    )
    spelling = [d for d in result.differences if d.kind == "spelling"]
    assert [d.variant_text for d in spelling] == ["add"]
    assert result.verdict == "spelling"


def test_quote_broken_by_attribution_is_not_a_splice():
    result = compare(
        "I respect everyone's opinion but I stand my ground. I love you John.",
        "I respect everyone's opinion but I stand my ground.", "I love you John.",
    )
    assert result.verdict == "identical", kinds(result)


def test_fragments_quoted_apart_are_a_truncation_not_a_splice():
    result = compare(
        "So many people feel so betrayed right now because they know the harm that policies cause",
        "betrayed", "harm that policies cause",
    )
    assert ("truncation", "fragments") in kinds(result)
    assert "splice" not in {k for k, _ in kinds(result)}


def test_words_from_another_post_are_a_splice_of_sources():
    result = compare(
        "This is year one. We can only add empathy with love",
        "This is year one. We can only add empathy with love and I feel when people think of MAGA",
        others=["I feel when people think of MAGA they don't think of empathy"],
    )
    assert ("splice", "sources") in kinds(result)


def test_the_post_itself_is_the_reference():
    post, _ = wording("b", "We can't ad empathy", primary=True, published="2018-04-27")
    longer, _ = wording("a", "This is year one. We can't add empathy", published="2018-04-26")
    reference, how = choose_reference([longer, post])
    assert (reference.article_id, how) == ("b", "post")


def test_without_a_post_the_fullest_wording_is_the_reference():
    partial, _ = wording("a", "harm that policies cause", published="2018-04-25")
    full, _ = wording("b", "they know the harm that policies cause", published="2018-04-26")
    same_length_later, _ = wording("c", "they know the harm that policies cause", published="2018-04-27")
    reference, how = choose_reference([partial, same_length_later, full])
    assert (reference.article_id, how) == ("b", "fullest")


def test_fidelity_needs_two_wordings():
    only, _ = wording("a", "Nobody listened.")
    assert fidelity_of("quote", "q1", [only]) is None
    other, _ = wording("b", "Nobody listened")
    result = fidelity_of("quote", "q1", [only, other])
    assert result is not None and len(result.wordings) == 1
    assert {s.role for s in result.reference} == {"reference"}


@pytest.mark.parametrize("a, b, expected", [
    ("ad", "add", "doubled-letter"),
    ("Im", "I’m", "apostrophe"),
    ("its", "it's", "apostrophe"),
    ("then", "than", "confusable"),
    ("recieve", "receive", "transposition"),
    ("any one", "anyone", "spacing"),
    # Different words are not spelling: a tense, a negation, a number, another word.
    ("win", "won", None),
    ("can", "can't", None),
    ("three", "thee", None),
    ("cat", "bat", None),
    ("listened", "listed", None),
])
def test_spelling_relation(a, b, expected):
    assert spelling_relation(a, b) == expected


def test_story_fidelity_uses_the_embedded_post_as_reference_and_joins_linked_quotes():
    from newsprism.model import Article, Post, Quote
    from newsprism.options import Options
    from newsprism.story.wordings import story_fidelity

    embed = "We can't ad empathy to MAGA by hating — KANYE WEST (@kanyewest) April 26, 2018"
    breitbart = Article("b", "b.txt", "He wrote:\n" + embed + "\n", published="2018-04-26")
    narration = "“We can’t add empathy to MAGA by hating,” the rapper tweeted."
    global_news = Article("g", "g.txt", narration, published="2018-04-26")
    post_span = Span("b", 10, 10 + len("We can't ad empathy to MAGA by hating"), "We can't ad empathy to MAGA by hating", "text")
    post = Post("p1", "twitter", "post", post_span.text, (post_span,), author_id="kanye-west")
    content = Span("g", 1, narration.index("”") - 1, narration[1:narration.index("”") - 1], "content")
    quote = Quote("q1", content.text, "direct", "kanye-west", "tweeted", "tweet", (content,), post_id="p1")
    (fidelity,) = story_fidelity([breitbart, global_news], [quote], [post], Options())
    assert (fidelity.item_kind, fidelity.item_id, fidelity.reference_kind) == ("post", "p1", "post")
    assert fidelity.reference[0].article_id == "b"
    (wording,) = fidelity.wordings
    assert wording.article_id == "g" and wording.verdict == "spelling"
    assert [d.variant_text for d in wording.differences if d.kind == "spelling"] == ["add"]


@pytest.mark.shared
def test_seed_wordings_ad_add_and_color_colour():
    """On the seed articles' own text: Global News fixes the first "ad" of West's post and
    keeps the second; Breitbart's partial quote has "color" where the text message has
    "colour"."""
    from tests.conftest import SEEDS, require_shared

    def seed(name: str) -> str:
        return next(require_shared(SEEDS).glob(f"{name}_*.txt")).read_text(encoding="utf-8")

    def wording(article_id: str, text: str, words: str, primary: bool = False) -> Wording:
        start = text.index(words)
        return Wording(article_id, (Span(article_id, start, start + len(words), words),), primary)

    breitbart, global_news = seed("001"), seed("002")
    post = "This is year one. We can't ad empathy to MAGA by hating. We can only ad empathy with love and time and truly hearing all sides"
    quoted = "This is year one. We can’t add empathy to MAGA by hating. We can only ad empathy with love and time and truly hearing all sides."
    result = compare_wordings(wording("b", breitbart, post, primary=True), wording("g", global_news, quoted))
    assert [(d.kind, d.subtype, d.reference_text, d.variant_text) for d in result.differences if d.kind == "spelling"] == [
        ("spelling", "doubled-letter", "ad", "add")]

    full = "because they know the harm that Trump’s policies cause, especially to people of colour."
    partial = "harm that Trump’s policies cause, especially to people of color."
    result = compare_wordings(wording("g", global_news, full), wording("b", breitbart, partial))
    kinds = {(d.kind, d.reference_text, d.variant_text) for d in result.differences}
    assert ("regional_spelling", "colour", "color") in kinds
    assert ("truncation", "because they know the", "") in kinds


def test_links_in_a_post_are_not_words_left_out():
    result = compare("Thank you Kanye, very cool! https://t.co/vRIC87M21X", "Thank you Kanye, very cool!")
    assert result.verdict == "identical", kinds(result)


def test_a_quotation_joining_two_posts_is_compared_with_each_as_a_splice():
    from newsprism.model import Article, Post, Quote
    from newsprism.options import Options
    from newsprism.story.wordings import story_fidelity

    first = "I really appreciate this dialogue because I'm actually very empathetic."
    second = "This is year one. We can't ad empathy to MAGA by hating."
    embeds = f"{first} — KANYE WEST (@kanyewest) April 26, 2018\n{second} — KANYE WEST (@kanyewest) April 26, 2018\n"
    joined = "“I really appreciate this dialogue because I’m actually very empathetic. This is year one. We can’t add empathy to MAGA by hating.”"
    b = Article("b", "b.txt", embeds, published="2018-04-26")
    g = Article("g", "g.txt", joined, published="2018-04-26")
    start2 = embeds.index(second)
    posts = [
        Post("p1", "twitter", "post", first, (Span("b", 0, len(first), first, "text"),), author_id="kanye-west"),
        Post("p2", "twitter", "post", second, (Span("b", start2, start2 + len(second), second, "text"),), author_id="kanye-west"),
    ]
    content = Span("g", 1, len(joined) - 1, joined[1:-1], "content")
    quote = Quote("q1", content.text, "direct", "kanye-west", "tweeted", "tweet", (content,))
    by_item = {f.item_id: f for f in story_fidelity([b, g], [quote], posts, Options())}
    (wording,) = by_item["p2"].wordings
    found = {(d.kind, d.subtype) for d in wording.differences}
    assert ("splice", "sources") in found and ("spelling", "doubled-letter") in found
    assert "q1" not in by_item  # its only wording was compared with the posts it joins


def test_words_of_another_post_do_not_make_a_paraphrase_nor_a_negation():
    second = "This is year one. We can't add empathy to MAGA by hating. We can only add empathy with love"
    result = compare(
        "I really appreciate this dialogue because I'm actually very empathetic.",
        "I really appreciate this dialogue because I'm actually very empathetic. " + second,
        others=[second],
    )
    assert result.verdict == "splice" and result.verbatim == 1.0, kinds(result)


def test_a_partial_quotation_is_compared_by_its_quoted_words_not_its_clause():
    from newsprism.model import Article, Quote
    from newsprism.options import Options
    from newsprism.story.wordings import story_fidelity

    full = "“Fans feel so betrayed right now because they know the harm it does to people of colour,” Ana wrote."
    clause = "Ana told him that fans feel “betrayed” by his choice, because they know the “harm it does to people of color.”"
    a, b = Article("a", "a.txt", full, published="2018-04-26"), Article("b", "b.txt", clause, published="2018-04-26")

    def span(article: Article, words: str, role: str) -> Span:
        start = article.text.index(words)
        return Span(article.id, start, start + len(words), words, role)

    words = full[1:full.index(",”")]
    quote = Quote("q1", words, "direct", "ana", "wrote", "unknown", (
        span(a, words, "content"),
        span(b, clause[clause.index("fans"):], "content"),
        span(b, "betrayed", "quoted"),
        span(b, "harm it does to people of color.", "quoted"),
    ))
    (fidelity,) = story_fidelity([a, b], [quote], [], Options())
    (wording,) = fidelity.wordings
    assert [s.text for s in wording.evidence] == ["betrayed", "harm it does to people of color."]
    found = {(d.kind, d.reference_text, d.variant_text) for d in wording.differences}
    assert ("regional_spelling", "colour", "color") in found
    assert not any(d.kind in ("meaning_change", "paraphrase") for d in wording.differences), found
