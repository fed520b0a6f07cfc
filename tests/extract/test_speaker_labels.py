"""Paragraphs opened by a speaker's label: transcripts and headline attributions."""

import pytest

from tests.extract.test_quotes import attributions

pytestmark = pytest.mark.model


def test_transcript_turns_are_each_speaker_s_own_words(nlp):
    text = ("The mayor spoke to the radio host on Sunday.\n\n"
            "ROBERTS: Will the pier reopen this year?\n\n"
            "ORTIZ: Well, look, the crews are ready and the money is there. People call it a “miracle,” "
            "but it is just work.\n\n"
            "ROBERTS: Thank you, mayor.")
    found = [(r.speaker.text, r.cue.text, r.kind, r.text) for r in attributions(nlp, text)]
    assert ("ROBERTS", ":", "direct", "Will the pier reopen this year?") in found
    assert ("ORTIZ", ":", "direct",
            "Well, look, the crews are ready and the money is there. People call it a “miracle,” "
            "but it is just work.") in found
    # A verb of saying inside a turn is the speaker's own report, not another attribution.
    assert not any(cue == "call" for _, cue, _, _ in found)


def test_transcript_speaker_read_as_a_place_is_still_a_speaker_when_the_turns_recur(nlp):
    text = ("WASHINGTON: Will the pier reopen this year?\n\nORTIZ: It will, by June.\n\n"
            "WASHINGTON: And the ferry?\n\nORTIZ: Next spring, if the money comes.")
    speakers = [r.speaker.text for r in attributions(nlp, text) if r.cue is not None and r.cue.text == ":"]
    assert speakers == ["WASHINGTON", "ORTIZ", "WASHINGTON", "ORTIZ"]


def test_transcript_quoted_as_a_whole_keeps_the_label_out_of_the_words(nlp):
    text = 'Partial transcript:\n\n"ROBERTS: Will the pier reopen this year?\n\n"ORTIZ: It will, by June.'
    found = {r.speaker.text: r.text for r in attributions(nlp, text) if r.speaker is not None}
    assert found == {"ROBERTS": "Will the pier reopen this year?", "ORTIZ": "It will, by June."}


def test_headline_label_names_the_source(nlp):
    (record,) = attributions(nlp, "Ana Ortiz: Harbour Pier Will Reopen by June\n\nThe work starts Monday.")
    assert (record.speaker.text, record.text) == ("Ana Ortiz", "Harbour Pier Will Reopen by June")


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE: The pier reopened on Monday after the storm.",
        "READ MORE: Harbour mayor says the pier will reopen",
        "Photo: The pier at dawn, seen from the ferry terminal.",
        "WASHINGTON: The harbour bill passed the Senate on Monday.",
        "Q: When?",  # one letter, and too short to be speech
        "The plan has three parts: a new pier, a ferry and a park.",
    ],
)
def test_labels_that_are_not_speakers(nlp, text):
    assert not any(r.cue is not None and r.cue.text == ":" for r in attributions(nlp, text))
