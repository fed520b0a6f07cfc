"""The tense of the verb that governs a word, read from spaCy's parse, and the words that fix a
date's direction whatever the tense.

Relative dates such as "Friday" or "in December" point back or forward depending on the verb
they modify ("West met Trump on Friday" / "West will meet Trump on Friday"). Only the word's
head chain and the auxiliaries of the verb found are inspected, so the cost per expression is
a handful of token lookups.

Besides ``past``, ``future`` and ``present`` the reading can be ``past-direct``: a past verb
governs the expression itself ("In January, the company *brought in* a new chief", "the year
*ended* Jan. 31") or "since" introduces it, so the date lies before the publication date. A
past verb that only governs the expression through a noun ("*declared* a dividend payable
Dec. 7") says less: the noun may be scheduled ahead. Some words point forward whatever the
verb's tense: "payable", "effective", "due", "as soon as", "as early as", "until" after a
verb of deferring, and past forms of verbs of planning ("planned a rally on Saturday").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PAST, FUTURE, PRESENT = "past", "future", "present"
PAST_DIRECT = "past-direct"
PASTS = (PAST, PAST_DIRECT)
# Modals other than these ("could", "would") leave the time open.
_FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo"})
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re", "'m"})
_PERFECT = frozenset({"has", "have", "'ve", "’ve", "had"})
# Verbs whose complement lies ahead of them ("plans to meet Friday", "expected to vote").
_PROSPECTIVE = frozenset({"plan", "expect", "schedule", "intend", "hope", "aim", "want", "set",
                          "prepare", "propose", "promise", "vow", "threaten", "seek", "agree",
                          "decide", "try", "need", "wish"})
# Verbs whose own date lies ahead even in the past tense ("planned a rally on Saturday",
# "postponed until Tuesday"); "set" is left out: "set a record Friday" happened.
_SCHEDULING = frozenset({"plan", "schedule", "reschedule", "slate", "expect", "postpone",
                         "delay", "defer", "adjourn"})
# Heads that put a date ahead of the act that mentions it ("payable Dec. 7", "effective
# Feb. 1", "due Friday"); "until" too, after a verb of deferring or a perfect
# ("has given them until Tuesday"), not after a simple past ("stayed until Tuesday").
_FORWARD_HEADS = frozenset({"payable", "effective", "due", "pending"})
_UNTIL = frozenset({"until", "till", "til"})
_DEFERRING = frozenset({"extend", "postpone", "delay", "defer", "adjourn", "give", "grant",
                        "suspend", "recess", "wait", "allow"})
_FORWARD_BEFORE = re.compile(r"(?i:\bas\s+(?:soon|early)\s+as|\bno\s+later\s+than|"
                             r"\b(?:scheduled|slated|planned)\s+(?:for|on)|\bset\s+for)\s+$")
_SINCE_BEFORE = re.compile(r"(?i:\bsince(?:\s+(?:shortly|just|soon|right|the|a|an|his|her|"
                           r"their|its|after|before)){0,4})\s+$")
_DIRECT_DEPS = frozenset({"npadvmod", "tmod", "advmod", "obl", "nmod:tmod"})
# Prepositions that place an act at the date; "to", "by", "until", "through" name a limit,
# which a past verb can set ahead ("extended the offer to Nov. 16").
_AT_PREPOSITIONS = frozenset({"in", "on", "at", "during", "since", "after", "before", "around",
                              "about", "from", "between", "early", "late"})


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
    if verb.tag_ in ("VBN", "VBG") and words & _PERFECT:
        return PAST  # "has said", "have been searching"
    if verb.tag_ == "VBG" and (words & _PRESENT_BE or {"would", "be"} <= words):
        # the present progressive of news announces ("is meeting Friday"), and so does its
        # reported form ("said he would be traveling Thursday")
        return FUTURE
    if verb.tag_ in ("VB",) and "to" in words:
        head = verb.head
        if head.i != verb.i and head.lemma_ in _PROSPECTIVE:
            if verb_tense(head, depth + 1) == PAST and {c.lower_ for c in head.children} & {"had"}:
                return PAST  # "had been scheduled to expire Friday": the plan is over
            return FUTURE
        if head.i != verb.i and head.pos_ in ("VERB", "AUX") and depth < 3:
            return verb_tense(head, depth + 1)
        return None
    if verb.tag_ in ("VBZ", "VBP"):
        return PRESENT
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return PAST
    return None


def governing_tense(doc: Doc, start: int, end: int, before: str = "") -> str | None:
    """The direction the words around ``start:end`` of ``doc`` give a date in it.

    Args:
        doc: the parse.
        start, end: character offsets of the temporal expression.
        before: the text just before the expression (a few words), for cues such as
            "as soon as" and "since" that the parse does not attach reliably.

    Returns:
        ``past``, ``past-direct``, ``future``, ``present`` or None.
    """
    if _SINCE_BEFORE.search(before):
        return PAST_DIRECT
    if _FORWARD_BEFORE.search(before):
        return FUTURE
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    path: list[Token] = []
    for _ in range(8):
        # by index: ``token in span`` compares the token with each of the span's in turn
        outside = not span.start <= token.i < span.end
        if outside and token.pos_ in ("VERB", "AUX"):
            return _directed(token, path, span)
        if token.head.i == token.i:
            if token.pos_ in ("VERB", "AUX"):
                return _directed(token, path, span)
            return FUTURE if _forward(path, None, None) else None
        if outside:
            path.append(token)
        token = token.head
    return None


def _directed(verb: Token, path: list[Token], span) -> str | None:
    tense = _reported(verb, verb_tense(verb))
    if _forward(path, verb, tense):
        return FUTURE
    if span.root.dep_ == "poss" and tense in (PRESENT, None):
        return PAST  # "follows Tuesday's declaration": the possessor dates an act reported
    if verb.lemma_ == "set":  # "set Nov. 10 as the deadline", "a summit set for April"
        return FUTURE if any(c.lower_ == "for" for c in verb.children) else tense
    if verb.lemma_ in _SCHEDULING:
        finite = verb.dep_ not in ("acl", "amod", "relcl")
        perfect_past = any(c.lower_ == "had" for c in verb.children)
        # "planned a rally on Saturday" looks ahead; "On Friday, the government planned to
        # pay" dates the planning, and "a service planned for Saturday was canceled" is over
        if finite and not perfect_past and tense != FUTURE and span.start > verb.i:
            return FUTURE
        return tense
    if tense == PAST and _direct(span.root, path, verb):
        return PAST_DIRECT
    return tense


def _forward(path: list[Token], verb: Token | None, tense: str | None) -> bool:
    for token in path:
        word = token.lower_
        if word in _FORWARD_HEADS:
            return True
        if word in _UNTIL and verb is not None and (
                verb.lemma_ in _DEFERRING or tense in (PRESENT, FUTURE)
                or any(c.lower_ in ("has", "have") for c in verb.children)):
            return True
    return False


def _direct(root: Token, path: list[Token], verb: Token) -> bool:
    """Whether the expression dates the past verb's own act ("In January, X brought in",
    "ended Jan. 31"), not a noun the verb governs or a limit it sets."""
    if verb.tag_ not in ("VBD", "VBN"):
        return False  # the past came from another verb ("asked it to respond by Oct. 31")
    if not path:
        return root.dep_ in _DIRECT_DEPS
    if len(path) == 1 and path[0].pos_ == "ADP" and path[0].head.i == verb.i:
        return root.dep_ == "pobj" and path[0].lower_ in _AT_PREPOSITIONS
    return False


def _reported(verb: Token, tense: str | None) -> str | None:
    """The present of a reporting verb ("says Friday") is the news present, not a schedule."""
    if tense == PRESENT and verb.lemma_ in _REPORTING:
        return None
    return tense
