"""Attribution frames from the parse: the per-token readings done on the parse's arrays."""

import re

import pytest

from newsprism.extract import attribution, cues

pytestmark = pytest.mark.model

TEXTS = [
    "",
    "Said the mayor: “We are ready.”",
    "According to the harbour authority, the pier lost money. The SENATOR SAID NOTHING.",
    "Her claim that the port was closed drew criticism of the plan.\n\nHe says, argues and "
    "believes it.\n\n\n“Yes,” she said.\n",
    "  \n\nAna Ortiz told reporters that the plan was “fully funded”, according to aides.\n \n"
    "Critics accused her of lying; she denied it and called for calm.",
]
VERBS = cues.SPEECH | cues.ATTITUDE | cues.THOUGHT | {"accord"}
VERB_LEMMAS = VERBS | {verb.capitalize() for verb in VERBS}


def _plain_candidates(doc):
    """Every token read one by one: a verb of a cue lemma (or "according"), or a claim noun."""
    found = []
    for token in doc:
        if token.pos_ in ("VERB", "AUX") and (token.lemma_ in VERB_LEMMAS or token.lower_ == "according"):
            found.append(token.i)
        elif token.pos_ == "NOUN" and token.lemma_ in attribution.CLAIM_NOUNS | set(attribution.NOUN_PREPS):
            found.append(token.i)
    return found


@pytest.mark.parametrize("text", TEXTS)
def test_cue_candidates_are_the_tokens_read_one_by_one(nlp, text):
    doc = nlp(text)
    assert attribution._cue_candidates(doc) == _plain_candidates(doc)


@pytest.mark.parametrize("text", TEXTS)
def test_paragraph_numbers_count_the_line_breaks_before_each_token(nlp, text):
    doc = nlp(text)
    expected = [len(re.findall(r"\n+", text[:token.idx + 1])) for token in doc]
    assert attribution.paragraphs(doc, text) == expected


@pytest.mark.parametrize("numbers, expected", [
    ([], []),
    ([4], [(4, 4)]),
    ([1, 2, 3, 7, 9, 10], [(1, 3), (7, 7), (9, 10)]),
    ([0, 2, 4], [(0, 0), (2, 2), (4, 4)]),
])
def test_consecutive_runs_give_the_ends_of_each_run(numbers, expected):
    assert attribution.consecutive_runs(numbers) == expected


@pytest.mark.parametrize("text", TEXTS)
def test_frame_contents_are_sorted_without_repeats(nlp, text):
    for frame in attribution.find_frames(nlp(text), text=text):
        assert frame.content == sorted(set(frame.content))


SUBJECT_TEXTS = [
    *TEXTS,
    "One source who spoke on condition of anonymity said the plan failed, and he agreed.",
    "Former View co-host Rosie O'Donnell, 61, said it. The men told by aides said nothing.",
    "“Stop,” said the senator who chairs the panel. Said she: no.",
]


@pytest.mark.parametrize("text", SUBJECT_TEXTS)
def test_subject_run_is_the_run_of_the_whole_phrase_read(nlp, text):
    doc = nlp(text)
    for subject in doc:
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            continue
        verb = subject.head
        dropped = {t.i for c in subject.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        members = {t.i for t in subject.subtree if (t.i < verb.i) == (subject.i < verb.i) and t.i not in dropped}
        first = last = subject.i
        while first - 1 in members:
            first -= 1
        while last + 1 in members:
            last += 1
        assert attribution._subject_run(subject, verb) == list(range(first, last + 1))
