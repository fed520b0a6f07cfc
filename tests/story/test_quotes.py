"""The story's quotes: speakers resolved to people, copies merged across articles."""

import json

import pytest

import newsprism
from tests.conftest import assert_evidence_checks

pytestmark = pytest.mark.model


def quote_with(story, words):
    found = [q for q in story.quotes if words in q.text]
    assert found, f"no quote with {words!r}"
    return found[0]


def outlets_of(analysis, quote):
    by_id = {a.id: a.outlet for a in analysis.articles}
    return {by_id[s.article_id] for s in quote.evidence if s.role == "content"}


def test_seed_attributions_that_must_be_found(seed_analysis):
    (story,) = seed_analysis.stories
    legend_text = quote_with(story, "Hey it’s JL")
    assert (legend_text.speaker_id, legend_text.channel) == ("john-legend", "text message")
    assert quote_with(story, "tactic based on fear").speaker_id == "kanye-west"
    assert quote_with(story, "let my apology be seen").speaker_id == "chance-the-rapper"
    assert quote_with(story, "I don’t know of any conversation").speaker_id == "sarah-sanders"
    assert quote_with(story, "Everyone keeps asking me to comment").speaker_id == "chrissy-teigen"
    assert quote_with(story, "new single on line now").speaker_id == "kanye-west"
    # Epithets: "the All Falls Down rapper" and "the Famous rapper" are West, not Legend.
    assert quote_with(story, "I really appreciate this dialogue").speaker_id == "kanye-west"
    assert quote_with(story, "my brother.").speaker_id == "kanye-west"


def test_seed_quotes_carried_by_two_outlets_are_merged(seed_analysis):
    (story,) = seed_analysis.stories
    mob = quote_with(story, "the mob can’t make me not love him")
    assert {"Breitbart", "Global News"} <= outlets_of(seed_analysis, mob)
    thanks = quote_with(story, "Thank you Kanye, very cool!")
    assert {"CBS Chicago", "Global News"} <= outlets_of(seed_analysis, thanks)
    assert thanks.speaker_id == "donald-trump"


def test_seed_partial_quote_carried_by_another_outlet_in_another_spelling_is_merged(seed_analysis):
    # Breitbart quotes Legend's text partially ("people of color"), Global News whole ("people
    # of colour"): one utterance, carried by both outlets.
    (story,) = seed_analysis.stories
    carrying = [q for q in story.quotes
                if any(s.role in ("content", "quoted") and "people of colo" in s.text for s in q.evidence)]
    assert len(carrying) == 1, [q.text[:60] for q in carrying]
    (harm,) = carrying
    assert harm.speaker_id == "john-legend"
    assert {"Breitbart", "Global News"} <= outlets_of(seed_analysis, harm)
    words = {s.text for s in harm.evidence if s.role == "quoted"}
    assert "betrayed" in words and any(w.endswith("people of color.") for w in words)
    assert "people of colour" in harm.text  # the fullest wording stands for the quote


def test_seed_partial_quote_text_is_exactly_the_quoted_words(seed_analysis):
    (story,) = seed_analysis.stories
    texts = {a.id: a.text for a in seed_analysis.articles}
    partial = [q for q in story.quotes if q.kind == "partial"]
    assert partial
    for quote in partial:
        quoted = [s for s in quote.evidence if s.role == "quoted"]
        assert quote.text == " … ".join(s.text for s in quoted)
        for span in quoted:  # the words inside the marks, the marks right outside them
            text = texts[span.article_id]
            assert text[span.start - 1] in "“\"" and text[span.end:span.end + 2].lstrip(".,:;!?")[:1] in "”\""
        assert quote.context and quote.text.split(" … ")[0] in quote.context
    (signed,) = [q for q in story.quotes if q.text == "signed"]
    assert (signed.kind, signed.speaker_id) == ("partial", "donald-trump")
    assert "West for his “signed”" in signed.context
    assert "lauded" in {s.text for s in signed.evidence if s.role == "cue"}
    caption = quote_with(story, "Nah, that ain’t it yo.")
    assert (caption.text, caption.speaker_id) == ("Nah, that ain’t it yo.", "chance-the-rapper")
    # Narration never leaks into a quote's text.
    assert not any(t in q.text for q in story.quotes for t in ("West his", "the President Nah"))
    # "After calling Legend’s appeal … “fear” … his “free thought,” West proceeded to address
    # Legend’s call for “empathy and context”": the last words are Legend's, not West's.
    fear = quote_with(story, "free thought")
    assert fear.speaker_id == "kanye-west" and "empathy" not in fear.text
    (call,) = [q for q in story.quotes if q.text == "empathy and context"]
    assert call.speaker_id == "john-legend"


def test_seed_quotation_before_a_cue_of_its_own_clause(seed_analysis):
    # "West then asserted that while he doesn’t “agree with everything anyone does,” he will
    # maintain his “right to independent thought”": both fragments are what West asserted.
    # Global News carries the whole tweet, so the two join into one quote.
    (story,) = seed_analysis.stories
    (right,) = [q for q in story.quotes if any(
        s.role == "quoted" and s.text == "right to independent thought" for s in q.evidence)]
    assert right.speaker_id == "kanye-west"
    assert "agree with everything anyone does" in {s.text for s in right.evidence if s.role == "quoted"}
    assert {"Breitbart", "Global News"} <= outlets_of(seed_analysis, right)
    assert not any(q.cue and q.cue.endswith("maintain") for q in story.quotes)


def test_seed_things_that_are_not_quotes(seed_analysis):
    (story,) = seed_analysis.stories
    texts = [q.text for q in story.quotes]
    # A slogan on a hat, text inside embedded posts, and promotional lines removed by cleaning.
    assert not any(t.strip(" ,.") == "Make America Great Again" for t in texts)
    assert not any("my MAGA hat is signed" in t for t in texts)
    assert not any("Kellyanne Kanye" in t for t in texts)
    assert all(q.speaker_id != "donald-trump" for q in story.quotes if "apology" in q.text)


def test_seed_quote_output_is_valid_and_every_span_checks(seed_analysis):
    data = json.loads(seed_analysis.to_json())
    assert data["stories"][0]["quotes"]
    assert assert_evidence_checks(data) > 0
    roles = {s["role"] for q in data["stories"][0]["quotes"] for s in q["evidence"]}
    assert {"content", "cue", "speaker"} <= roles


def write(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")


def test_same_quotation_in_two_articles_becomes_one_quote_with_both_wordings(nlp, tmp_path):
    write(tmp_path, "a.txt", "Harbour mayor Ana Ortiz spoke on Monday.\n\n"
          "“We will rebuild the pier before the summer season starts,” Ortiz said.")
    write(tmp_path, "b.txt", "The city council met on Monday.\n\n"
          "“We will rebuild the pier before the summer season begins,” Ana Ortiz told reporters.")
    analysis = newsprism.analyze(newsprism.read_articles(tmp_path))
    (story,) = analysis.stories
    quotes = [q for q in story.quotes if "rebuild the pier" in q.text]
    assert len(quotes) == 1
    (quote,) = quotes
    contents = [s for s in quote.evidence if s.role == "content"]
    assert len({s.article_id for s in contents}) == 2
    assert {s.text.split()[-1] for s in contents} == {"starts", "begins"}
    assert quote.speaker_id == "ana-ortiz"


def test_different_speakers_are_not_merged(nlp, tmp_path):
    write(tmp_path, "a.txt", "“The pier is safe,” Ana Ortiz said.")
    write(tmp_path, "b.txt", "“The pier is safe,” Tom Reyes said.")
    analysis = newsprism.analyze(newsprism.read_articles(tmp_path))
    speakers = {q.speaker_id for q in analysis.stories[0].quotes}
    assert speakers == {"ana-ortiz", "tom-reyes"}


def test_epithet_goes_to_the_person_the_story_describes_with_it(nlp, tmp_path):
    write(tmp_path, "a.txt", "Singer Lena Park and rapper Max Rowe shared a stage in Lyon.")
    write(tmp_path, "b.txt", "Max Rowe and Lena Park left the studio together on Friday.\n\n"
          "“We are done with the album,” the rapper said.")
    analysis = newsprism.analyze(newsprism.read_articles(tmp_path))
    quote = quote_with(analysis.stories[0], "done with the album")
    assert quote.speaker_id == "max-rowe"
    assert 0 < quote.speaker_confidence < 1


def test_unresolved_speaker_is_said_not_guessed(nlp, tmp_path):
    write(tmp_path, "a.txt", "“The budget is final,” officials at the port authority said.")
    analysis = newsprism.analyze(newsprism.read_articles(tmp_path))
    (quote,) = analysis.stories[0].quotes
    assert quote.speaker_id is None and quote.speaker_confidence is None
    assert quote.speaker_name == "officials at the port authority"
