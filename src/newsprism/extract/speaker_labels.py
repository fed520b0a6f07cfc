"""Paragraphs that open with a speaker's label: interview transcripts and headline attributions.

A transcript gives each turn as ``PENCE: Well, look, …`` and a headline its source as
``Pence: Trump Was Mocking Clinton``. The label is the source, the colon the cue and the rest of
the paragraph what was said, with no verb of saying anywhere. A label is a short name: words in
capitals (``WALLACE``, ``SEN. SANDERS``), or proper names that the parser does not read as a
place or a date; editorial labels (``UPDATE:``, ``READ MORE:``, ``Photo:``) are not speakers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.extract.attribution import Frame

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The label may follow the opening mark of a transcript quoted over several paragraphs.
LABEL = re.compile(r"(?m)^[^\S\n]*[\"“]?([A-Z][\w.'’\- ]{1,40}?)[^\S\n]*:[^\S\n]+(?=\S)")
SPEAKER_ENTITIES = frozenset({"", "PERSON", "ORG", "NORP"})
# Labels of the newsroom, not of a speaker (compared case-folded, without final punctuation).
EDITORIAL = frozenset({
    "update", "updated", "editor's note", "editor’s note", "editors note", "note", "read more",
    "watch", "video", "photo", "photos", "image", "picture", "pictured", "caption", "graphic",
    "chart", "map", "listen", "audio", "correction", "clarification", "related", "breaking",
    "exclusive", "developing", "live", "analysis", "opinion", "fact check", "transcript",
    "disclosure", "warning", "source", "sources", "credit", "credits", "advertisement", "see also",
    "more", "follow", "share", "subscribe", "sign up", "contact", "email", "tags", "filed under",
    "posted", "published", "date", "time", "location", "where", "when", "what", "who", "why", "how",
})


@dataclass
class LabelFrame:
    """A labelled paragraph: the attribution frame and whether the label is a transcript's
    (capitals), whose turn is the speaker's own words."""

    frame: Frame
    verbatim: bool


def label_frames(doc: Doc, text: str, min_words: int = 3, max_label_words: int = 4) -> list[LabelFrame]:
    """The attribution of every paragraph that opens with a speaker's label.

    Args:
        doc: the parse of ``text``.
        text: the article text.
        min_words: fewest words after the colon for the paragraph to be speech.
        max_label_words: most words in a label.

    Returns:
        One frame per labelled paragraph: the label is the source, the colon the cue and the
        rest of the paragraph the content.
    """
    found = []
    # A transcript's speakers take turns: a label in capitals that recurs is a speaker even when
    # the parser reads the name as a place ("WALLACE"); one that does not may be a dateline.
    matches = list(LABEL.finditer(text))
    recurring = Counter(m.group(1) for m in matches)
    for match in matches:
        label = match.group(1)
        words = label.split()
        if len(words) > max_label_words or label.casefold().rstrip(".") in EDITORIAL:
            continue
        colon = text.index(":", match.end(1))
        para_end = text.find("\n", colon)
        para_end = len(text) if para_end < 0 else para_end
        source = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        cue = doc.char_span(colon, colon + 1, alignment_mode="expand")
        content = doc.char_span(match.end(), para_end, alignment_mode="contract")
        if source is None or cue is None or content is None or len(cue) != 1 or cue[0].text != ":":
            continue
        if sum(1 for t in content if t.is_alpha) < min_words:
            continue
        capitals = all(w.isupper() and sum(c.isalpha() for c in w) >= 2 for w in words)
        named = all(t.pos_ == "PROPN" or t.is_punct for t in source)
        # Never a place or a date ("WASHINGTON:" opens a dateline).
        if not (capitals or named) or (
            any(t.ent_type_ not in SPEAKER_ENTITIES for t in source) and not (capitals and recurring[label] > 1)
        ):
            continue
        head = next((t for t in reversed(source) if not t.is_punct), source[-1])
        frame = Frame(cue=[cue[0].i], content=[t.i for t in content if not t.is_space],
                      source=[t.i for t in source], source_head=head.i, family="speech", verb=cue[0].i)
        found.append(LabelFrame(frame, verbatim=capitals))
    return found
