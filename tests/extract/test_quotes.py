"""Attributions in one article: quotations, partial quotes, indirect speech, cues, channels."""

import re

import pytest

from newsprism.extract.mentions import find_mentions
from newsprism.extract.quotes import EMBED_TAIL, _post_ranges, find_attributions
from newsprism.model import Article
from newsprism.options import Options

pytestmark = pytest.mark.model


def attributions(nlp, text):
    article = Article(id="a", source="a.txt", text=text)
    doc = nlp(text)
    mentions = find_mentions(doc, article, {}, Options())
    found = find_attributions(doc, article, mentions)
    for record in found:  # offsets are the truth: every span reads back from the text
        for span in (*record.content, record.cue, record.speaker, *record.quoted):
            if span is not None:
                assert text[span.start:span.end] == span.text
    return found


def only(nlp, text):
    found = attributions(nlp, text)
    assert len(found) == 1, [(r.kind, r.text) for r in found]
    return found[0]


@pytest.mark.parametrize(
    "text, speaker, cue, content, kind",
    [
        ("“The port will reopen on Monday,” Mayor Ana Ortiz said.",
         "Mayor Ana Ortiz", "said", "The port will reopen on Monday", "direct"),
        ("Ana Ortiz said, “We have the money for the pier.”",
         "Ana Ortiz", "said", "We have the money for the pier.", "direct"),
        ("“We have the money,” said Ana Ortiz, the harbour mayor.",
         "Ana Ortiz, the harbour mayor", "said", "We have the money", "direct"),
        ("Ana Ortiz continued: “The crews are ready to start.”",
         "Ana Ortiz", "continued", "The crews are ready to start.", "direct"),
        ("Ana Ortiz told reporters that the plan was “fully funded” by the state.",
         "Ana Ortiz", "told", "that the plan was “fully funded” by the state", "partial"),
        ("Ana Ortiz said the pier would reopen next year.",
         "Ana Ortiz", "said", "the pier would reopen next year", "indirect"),
        ("According to the harbour authority, the pier lost money last year.",
         "the harbour authority", "According to", "the pier lost money last year", "indirect"),
        ("Critics called the plan “reckless” on Tuesday.",
         "Critics", "called", "the plan “reckless”", "partial"),
        # A place name the tagger reads as a verb still opens the source after the quotation.
        ("“We will reopen the pier in this case,” Tulsa harbour Chief Ana Ortiz said Monday.",
         "Tulsa harbour Chief Ana Ortiz", "said Monday", "We will reopen the pier in this case", "direct"),
        # One word of when or how after the verb is part of the cue; a longer phrase is not.
        ("“The pier is safe,” Ana Ortiz said sarcastically.", "Ana Ortiz", "said sarcastically",
         "The pier is safe", "direct"),
        ("“The pier is safe,” Ana Ortiz said in an interview on Monday.", "Ana Ortiz", "said",
         "The pier is safe", "direct"),
        # When it was said is the writer's, not part of what was said.
        ("The mayor criticized the ferry plan as a “reckless gamble” during a council meeting in Harbourton.",
         "The mayor", "criticized", "the ferry plan as a “reckless gamble”", "partial"),
        # An infinitive's cue is the verb group that governs it.
        ("The mayor has steadfastly refused to disclose what the contract costs.",
         "The mayor", "has steadfastly refused to disclose", "what the contract costs", "indirect"),
        ("Ortiz declined to say whether the pier would reopen.",
         "Ortiz", "declined to say", "whether the pier would reopen", "indirect"),
        # A stance named by the verb's object belongs to the cue; what it is about is the content.
        ("Several senators have expressed deep concern about the harbour policy.",
         "Several senators", "have expressed deep concern about", "the harbour policy", "indirect"),
        # The clause after "which" describes the source; it is not what the source says.
        ("The ferry is slow, according to the harbour board, which measures every crossing.",
         "the harbour board", "according to", "The ferry is slow", "indirect"),
        ("Ortiz went on to explain why the pier closed.",
         "Ortiz", "went on to explain", "why the pier closed", "indirect"),
        # A stance noun carries an attribution when it carries quoted words.
        ("The council renewed its attacks on the “reckless” harbour plan.",
         "its", "attacks on", "the “reckless” harbour plan", "partial"),
        ("Ortiz then answered Keller’s call for “patience and calm.”",
         "Keller’s", "call for", "patience and calm.", "direct"),
    ],
)
def test_speaker_cue_and_content(nlp, text, speaker, cue, content, kind):
    record = only(nlp, text)
    said = " ".join(c.text for c in record.content)
    assert (record.speaker.text, record.cue.text, said, record.kind) == (speaker, cue, content, kind)


@pytest.mark.parametrize(
    "text, quoted, context",
    [
        ("Ana Ortiz told reporters that the plan was “fully funded” by the state.",
         "fully funded", "that the plan was “fully funded” by the state"),
        ("Critics called the plan “reckless” on Tuesday.", "reckless", "the plan “reckless”"),
        # Two fragments in one reported clause: both, in order, and nothing of the narration.
        ("Ana Ortiz said the crews feel “let down” because they know the “cost of the delay.”",
         "let down … cost of the delay.",
         "the crews feel “let down” because they know the “cost of the delay.”"),
    ],
)
def test_partial_quote_text_is_the_quoted_words_and_context_the_clause(nlp, text, quoted, context):
    record = only(nlp, text)
    assert (record.kind, record.text, record.context) == ("partial", quoted, context)
    assert [s.text for s in record.quoted] == quoted.split(" … ")


def test_quotation_signed_with_a_dash_and_a_name_is_that_person_s(nlp):
    text = ("Readers wrote in.\n\n“The pier should never have closed.” ― Ana Ortiz\n\n"
            "“I miss the ferry.”\u00a0―\u00a0Tom B. Keller.\n\n"
            "“Nobody asked us.” ― the harbour is quiet today")
    found = attributions(nlp, text)
    signed = {r.speaker.text: r.text for r in found if r.speaker is not None}
    assert signed == {"Ana Ortiz": "The pier should never have closed.", "Tom B. Keller": "I miss the ferry."}
    assert all(r.cue.text.endswith("―") for r in found if r.speaker is not None)


@pytest.mark.parametrize(
    "text",
    [
        "The council renewed its attacks on the harbour plan.",
        # A thought nobody in the text holds is the writer's address to the reader.
        "Imagine that the pier reopens next year.",
        "Don't forget that the ferry stops running in October.",
        # A raising verb with an infinitive is the writer's hedge.
        "The closure may prove to be a passing phase, and the protests seemed to fade.",
        "It is worth noting that the pier reopened in May.",
        # Not calling anyone anything; aiming at voters is not a stance on them.
        "The mayor called an emergency meeting of the council.",
        "The campaign targeted young voters in the harbour district.",
        # A speech act not made, with only its topic, reports nothing said.
        "Ortiz declined to discuss the contract.",
        # Whom an answer went to is not what it said.
        "The mayor responded to a grieving mother on Friday.",
        # What was issued or admitted is a document or a member, not words.
        "The council issued a statement on Monday.",
        "The alliance admitted three new members in 2004.",
        # Quoted words that modify a noun: the noun ("emails") is no cue.
        "She sorted Ortiz’s “work-related” emails from the rest.",
        # A heading in capitals is the writer's label for what follows.
        "EVEN THE MAYOR THINKS THE PIER IS DOOMED — The harbour has lost money for a decade.",
        # The writer's imperative to the reader.
        "Now tell me that the pier is not a waste of money.",
    ],
)
def test_writer_s_own_words_are_not_attributions(nlp, text):
    assert attributions(nlp, text) == []


def test_direct_and_indirect_quotes_have_no_context(nlp):
    found = attributions(nlp, "“We have the money,” Ana Ortiz said. Ortiz said the pier would reopen.")
    assert [(r.kind, r.context) for r in found] == [("direct", None), ("indirect", None)]


@pytest.mark.parametrize(
    "text, content, not_content",
    [
        # The verb after the first quotation reports the quotation after it, not the first one.
        ("The mayor then asserted that while she doesn’t “agree with every decision,” she will "
         "maintain her “right to object.”", "right to object", None),
        # A title in the writer's phrase is not a quotation, though a cue follows it.
        ("On Sunday’s broadcast of “Harbour Matters,” Ortiz said the pier would reopen.",
         "the pier would reopen", "Harbour Matters"),
    ],
)
def test_quotation_before_a_cue_that_is_not_its_own(nlp, text, content, not_content):
    found = attributions(nlp, text)
    assert any(content in " ".join(c.text for c in r.content) for r in found), [r.text for r in found]
    assert not any(r.cue is not None and r.cue.text.endswith("maintain") for r in found)
    if not_content:
        assert not any(not_content in " ".join(c.text for c in r.content) for r in found)


def test_quotation_broken_by_a_long_attribution_is_one_quotation(nlp):
    text = ("“The pier is safe,” said Ana Ortiz, the harbour mayor, who has run the port authority "
            "since 2009 and chairs the regional transport board of the northern coast. “The crews are ready.”")
    record = only(nlp, text)
    assert [c.text for c in record.content] == ["The pier is safe", "The crews are ready."]


def test_quotation_broken_by_its_attribution_is_one_quotation(nlp):
    text = "“We have the money,” Ana Ortiz said. “We start building in May.”"
    record = only(nlp, text)
    assert [c.text for c in record.content] == ["We have the money", "We start building in May."]
    assert record.speaker.text == "Ana Ortiz"


def test_quotation_over_two_paragraphs_is_one_quotation(nlp):
    text = "“The port reopens today.\n\n“Ships can dock by noon,” Ana Ortiz said."
    record = only(nlp, text)
    assert [c.text for c in record.content] == ["The port reopens today.", "Ships can dock by noon"]
    assert record.speaker_name == "Ana Ortiz"


def test_quotation_paragraph_after_an_attributed_one_continues_its_speaker(nlp):
    text = "“We are ready,” Ana Ortiz said.\n\n“The crews worked through the night to finish.”"
    record = only(nlp, text)
    assert "continued" in record.flags and len(record.content) == 2
    assert record.speaker_name == "Ana Ortiz"


def test_unclosed_quotation_is_recovered_and_flagged_not_fatal(nlp):
    text = "Ana Ortiz said, “The port will reopen tomorrow morning.\nThe council met later."
    record = only(nlp, text)
    assert record.text == "The port will reopen tomorrow morning."
    assert "unbalanced" in record.flags and record.speaker_name == "Ana Ortiz"


def test_pronoun_speaker_resolves_to_previous_person(nlp):
    text = "Tom Reyes left the council meeting early. Later he said, “I have nothing to add.”"
    record = only(nlp, text)
    assert record.speaker.text == "he" and record.speaker_kind == "pronoun"
    assert record.speaker_name == "Tom Reyes" and 0 < record.speaker_confidence < 0.95


def test_pronoun_skips_people_the_text_shows_of_another_gender(nlp):
    text = ("At the opening, Ana Ortiz said she owed the pier to her husband, Tom Reyes. "
            "“This pier took ten years,” she said.")
    record = attributions(nlp, text)[-1]
    assert record.speaker_name == "Ana Ortiz"


def test_message_speaker_resolves_to_its_author(nlp):
    text = ("Lena Park posted a screenshot of a message she wrote. "
            "The message said, “I will not sign this contract.”")
    record = attributions(nlp, text)[-1]
    assert record.text == "I will not sign this contract." and record.speaker_name == "Lena Park"


@pytest.mark.parametrize(
    "text, channel",
    [
        ("On Wednesday, Ana Ortiz tweeted that the port was open again.", "tweet"),
        ("Ana Ortiz texted Tom Reyes, “Call me when you land.”", "text message"),
        ("In a statement, the harbour company said it would appeal the ruling.", "statement"),
        ("Ana Ortiz told reporters that the pier would open in May.", "interview"),
        ("Ana Ortiz wrote on Instagram that the pier was finished.", "post"),
        ("Ana Ortiz said the pier was finished.", "unknown"),
    ],
)
def test_channel_comes_from_the_cue(nlp, text, channel):
    assert only(nlp, text).channel == channel


def test_date_of_the_act_keeps_the_raw_expression(nlp):
    text = "On Wednesday, Ana Ortiz tweeted that the port was open again."
    date = only(nlp, text).date
    assert date.text == "Wednesday" and date.value is None
    assert text[date.span.start:date.span.end] == "Wednesday"


@pytest.mark.parametrize(
    "text",
    [
        "The so-called “reform” passed on Tuesday.",  # scare quotes
        "The band played “Harbour Lights” at the fair.",  # a title
        "Tom “The Hammer” Reyes won the race again.",  # a nickname
        "The word “harbour” comes from Old English.",  # a word mentioned, not said
        "Fans wore “Make The Port Great” caps all day.",  # a slogan
    ],
)
def test_quoted_words_that_are_not_speech_are_not_quotes(nlp, text):
    assert attributions(nlp, text) == []


def test_embedded_post_is_not_a_quotation_of_the_narration(nlp):
    text = ("Ana Ortiz replied online.\n\nThe pier is open! — Ana Ortiz (@anaortiz) May 2, 2024\n\n"
            "“It took ten years,” Ortiz said later.")
    found = attributions(nlp, text)
    assert [r.text for r in found] == ["It took ten years"]


@pytest.mark.parametrize("text", [
    "",
    "Plain words.\n\nNo embed here — none (@nobody) at all.",
    "Love this.\u2014 Ana Ortiz (@anaortiz) May 4, 2024\nNext line - Ben (@ben) June 12, 2023 https://t.co/x  \n",
    "Text — Ana (@ana)\tMay 4, 2024\r\n- B (@b) Jan 1, 2020\n\n-- two - dashes — C (@c) Feb. 2, 2021",
    "— Ana (@ana) May 4,\n2024\n— Ana (@ana) May 4, 2024 trailing words",
])
def test_embed_lines_found_in_one_search_are_those_found_line_by_line(text):
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if EMBED_TAIL.search(m.group())]
    assert _post_ranges(text, "a", None) == lines
