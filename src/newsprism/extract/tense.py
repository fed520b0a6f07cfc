"""The tense of the verb that governs a word, read from spaCy's parse.

Relative dates such as "Friday" or "in December" point back or forward depending on the verb
they modify ("West met Trump on Friday" / "West will meet Trump on Friday"). Only the word's
head chain and the auxiliaries of the verb found are inspected, so the cost per expression is
a handful of token lookups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PAST, FUTURE, PRESENT = "past", "future", "present"
# Modals other than these ("could", "would") leave the time open.
_FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo"})
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re", "'m"})
# Verbs whose complement lies ahead of them ("plans to meet Friday", "expected to vote").
_PROSPECTIVE = frozenset({"plan", "expect", "schedule", "intend", "hope", "aim", "want", "set",
                          "prepare", "propose", "promise", "vow", "threaten", "seek", "agree",
                          "decide", "try", "need", "wish"})


_REPORTING = frozenset({"say", "tell", "report", "announce", "state", "claim", "add", "note",
                        "confirm", "deny", "insist", "write", "tweet", "post", "argue"})


def verb_tense(verb: Token, depth: int = 0) -> str | None:
    """``past``, ``future``, ``present`` or None for a verb token and its auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return FUTURE
    if "going" in words or (verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)):
        return FUTURE
    if any(a.tag_ in ("VBD",) for a in auxes) or verb.tag_ == "VBD":
        return PAST
    if verb.tag_ == "VBN" and words & {"has", "have", "'ve", "’ve", "had"}:
        return PAST
    if verb.tag_ == "VBG" and words & _PRESENT_BE:
        return FUTURE  # the present progressive of news announces ("is meeting Friday")
    if verb.tag_ in ("VB",) and "to" in words:
        head = verb.head
        if head.i != verb.i and head.lemma_ in _PROSPECTIVE:
            return FUTURE
        if head.i != verb.i and head.pos_ in ("VERB", "AUX") and depth < 3:
            return verb_tense(head, depth + 1)
        return None
    if verb.tag_ in ("VBZ", "VBP"):
        return PRESENT
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return PAST
    return None


def governing_tense(doc: Doc, start: int, end: int) -> str | None:
    """The tense of the verb governing the characters ``start:end`` of ``doc``, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token not in span:
            return _reported(token, verb_tense(token))
        if token.head.i == token.i:
            return _reported(token, verb_tense(token)) if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def _reported(verb: Token, tense: str | None) -> str | None:
    """The present of a reporting verb ("says Friday") is the news present, not a schedule."""
    if tense == PRESENT and verb.lemma_ in _REPORTING:
        return None
    return tense
