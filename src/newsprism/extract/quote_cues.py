"""Cues found around a quotation rather than in the parse of its sentence.

The parse often hangs a quotation from the wrong verb, or from none: these rules read the words
right after the closing mark (“…,” West said / “…,” said the senator / “…” ― Name), right before
the opening one (Legend continued: “…” / X told reporters “…”), or the paragraph before it when
that paragraph ends with a colon, and build the attribution frame from them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.extract import cues
from newsprism.extract.attribution import QUOTE_MARK_TOKENS, Frame, _attach_source
from newsprism.extract.quotemarks import Quoted
from newsprism.options import QuotesOptions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def nearby_cue(doc: Doc, text: str, q: Quoted, rng, options: QuotesOptions) -> Frame | None:
    """A speech verb right after the quotation (“…,” X said) or right before it (X said: “…”)."""
    para_start = text.rfind("\n", 0, q.outer[0]) + 1
    para_end = text.find("\n", q.outer[1])
    para_end = len(text) if para_end < 0 else para_end
    after = doc.char_span(q.outer[1], para_end, alignment_mode="expand")
    if after is not None:
        frame = _cue_after(after, rng, options) or _subject_cue(after, rng)
        if frame is not None:
            return frame
    frame = _dash_signature(doc, text, q, rng, para_end)
    if frame is not None:
        return frame
    before = doc.char_span(para_start, q.outer[0], alignment_mode="contract")
    lead = text[para_start:q.outer[0]].rstrip()
    if before is not None and len(before) and lead.endswith((",", ":", "—", "–")):
        tail = before[-(options.lead_gap + 1):]
        for token in reversed(tail):
            if token.text in (".", "!", "?", '"', "“", "”"):
                break
            if cues.speech_lemma(token):
                return _frame_around(token, rng)
        # "West sent out one last tweet about X, “…”": a message noun introduces it.
        for token in reversed(tail):
            if token.text in (".", "!", "?", '"', "“", "”"):
                break
            if token.pos_ == "NOUN" and cues.MESSAGE_NOUNS.get(token.lemma_.lower()) and token.head.pos_ == "VERB":
                frame = Frame(cue=[token.i], content=list(range(*rng)), family="speech", verb=token.i)
                _attach_source(frame, token.head)
                return frame
        if lead.endswith(":"):
            return _colon_clause(before[-1], rng)
    elif not lead:
        return _colon_before(doc, text, para_start, rng)
    elif before is not None and len(before):
        # "Tester told reporters “…”", "Trump barked “…”": a cue right before the mark.
        for token in reversed(before[-3:]):
            if token.is_punct:
                break
            if cues.speech_lemma(token):
                return _frame_around(token, rng)
    return None


def _colon_clause(colon: Token, rng) -> Frame | None:
    """"Rubio fired back: “…”": a short clause of someone doing something, ended by the colon
    that opens the quotation, introduces it even without a verb of saying."""
    verb = colon.head
    if colon.text != ":" or verb.pos_ != "VERB" or not 0 < colon.i - verb.i <= 6:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("PROPN", "NOUN", "PRON") or any(
        c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i for c in verb.children
    ):
        return None
    return _frame_around(verb, rng)


def attributed_after(doc: Doc, text: str, q: Quoted, rng, options: QuotesOptions) -> Frame | None:
    """The cue and source right after a quotation that its punctuation hands over to them
    (“…,” West said / “…?” asked the senator): a named or pronoun source and a finite cue."""
    inner = text[q.start:q.end].rstrip()
    if not (inner.endswith((",", "!", "?", "—", "–")) or text[q.outer[1]:q.outer[1] + 1] == ","):
        return None
    para_end = text.find("\n", q.outer[1])
    after = doc.char_span(q.outer[1], len(text) if para_end < 0 else para_end, alignment_mode="expand")
    frame = (_cue_after(after, rng, options) or _subject_cue(after, rng)) if after is not None else None
    if frame is None or not frame.source or doc[frame.cue[0]].tag_ == "VBG":
        return None
    verb = doc[frame.verb if frame.verb is not None else frame.cue[0]]
    if any(c.i > verb.i and c.dep_ in ("ccomp", "xcomp", "dobj") and _quotes_within_phrase(c) for c in verb.children):
        return None  # “…,” he will maintain his “right …”: the verb reports the quotation after it
    end = max(frame.cue + frame.source) + 1
    if end < len(doc) and doc[end].text == ":":
        return None  # “…,” Trump said: “…”: the cue introduces the quotation after it
    return frame


def _quotes_within_phrase(head: Token) -> bool:
    """A quotation mark inside the phrase of ``head``, after its first words and before any
    comma ("his “right to …”"; not "the host, “it was …”" nor "“it was …”", where the
    quotation broken by the attribution goes on)."""
    words = 0
    for token in head.subtree:
        if token.text == ",":
            return False
        if token.text in QUOTE_MARK_TOKENS:
            return words > 0
        words += not token.is_punct
    return False


SIGNATURE = re.compile(r"[^\S\n]*(―|—|–|--)[^\S\n]*(\w[\w .\-’']{0,60}?)[^\S\n.]*\.?[^\S\n]*$", re.MULTILINE)


def _dash_signature(doc: Doc, text: str, q: Quoted, rng, para_end: int) -> Frame | None:
    """“…” ― Sonya Herridge: a quotation signed with a dash and a name that ends the paragraph
    (reader voices, epigraphs); the dash is the cue."""
    match = SIGNATURE.match(text, q.outer[1], para_end)
    if match is None:
        return None
    dash = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    name = doc.char_span(match.start(2), match.end(2), alignment_mode="contract")
    if dash is None or name is None or not len(name) or len(name) > 6 or any(
        t.pos_ != "PROPN" and t.text not in (".", "-") for t in name
    ):
        return None
    frame = Frame(cue=[dash[0].i], content=list(range(*rng)), family="speech", verb=dash[0].i)
    frame.source, frame.source_head = [t.i for t in name], name[-1].i
    return frame


def _cue_after(after, rng, options: QuotesOptions) -> Frame | None:
    """“…,” West said / “…,” said West / “…,” Legend’s text read / “…,” the rapper went on to
    tweet: the cue and its source within a few words after the closing mark, with nothing but
    the source between."""
    between: list[Token] = []
    tokens = list(after)
    for k, token in enumerate(tokens):
        if k > options.cue_gap or token.text in ('"', "“", "”", "''"):
            return None
        cue = token if cues.speech_lemma(token) else _chained_cue(tokens, k)
        words = [t for t in between if not t.is_punct]
        if cue is not None and cue.tag_ == "VBG" and not words and cue.i == token.i:
            return None  # “…,” referencing X: the participle reports what follows it
        if cue is not None and cue.pos_ == "NOUN" and not words and not cue.doc[rng[1] - 1].is_punct:
            return None  # “work-related” emails: quoted words modifying a noun, not a cue
        if cue is not None:
            frame = _frame_around(cue, rng)
            # "he would later say": the verb group's auxiliaries and adverbs are not the source.
            while words and (words[-1].pos_ in ("AUX", "PART", "ADV") or words[-1].dep_ == "neg"):
                words.pop()
            if words:
                frame.source = [t.i for t in words]
                frame.source_head = phrase_head(words).i
            elif not frame.source or frame.source[0] < cue.i:
                following = []
                for t in tokens[k + 1:]:
                    if t.is_punct or t.pos_ in ("VERB", "ADP", "SCONJ", "CCONJ") or len(following) >= 8:
                        break
                    following.append(t)
                frame.source = [t.i for t in following]
                frame.source_head = phrase_head(following).i if following else None
            return frame
        if token.text in (".", "!", "?", ";"):
            return None
        if token.pos_ in ("VERB", "ADP", "SCONJ", "CCONJ") and token.lower_ not in ("'s", "’s") and not (
            # A capitalised word is a name the tagger took for something else ("the All Falls
            # Down rapper"; first, only a verb: "Tulsa police Chief …", never "To which …").
            token.text[:1].isupper() and (k > 0 or token.pos_ == "VERB")
        ):
            return None
        if token.is_punct and k == 0:
            continue
        between.append(token)
    return None


def _subject_cue(after, rng) -> Frame | None:
    """“…,” Mr. Daniloff, now 81 and retired in Cambridge, said: a source too long for the
    window of :func:`_cue_after`, found as the subject phrase that starts right after the
    quotation and the speech verb right after that phrase."""
    first = next((t for t in after if not t.is_punct), None)
    if first is None:
        return None
    subject = next((t for t in (first, *first.ancestors) if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.left_edge.i != first.i:
        return None
    verb = subject.head
    end = subject.right_edge.i
    if not cues.speech_lemma(verb) or not 0 < verb.i - end <= 3:
        return None
    if any(not (t.is_punct or t.pos_ in ("ADV", "AUX", "PART")) for t in verb.doc[end + 1:verb.i]):
        return None
    frame = _frame_around(verb, rng)
    words = [t for t in verb.doc[first.i:end + 1]]
    while words and words[-1].is_punct:
        words.pop()
    frame.source, frame.source_head = [t.i for t in words], subject.i
    return frame


def _chained_cue(tokens: list[Token], k: int) -> Token | None:
    """"went on to tweet", "continued to say", "took to Twitter to write": a verb of going on
    followed within a few words by ``to`` and a speech verb."""
    token = tokens[k]
    if token.pos_ != "VERB" or token.lemma_.lower() not in ("go", "continue", "take", "proceed", "rush", "turn"):
        return None
    for j in range(k + 1, min(k + 5, len(tokens) - 1)):
        if tokens[j].lower_ == "to" and cues.speech_lemma(tokens[j + 1]):
            return tokens[j + 1]
        if tokens[j].is_punct:
            return None
    return None


def phrase_head(tokens: list[Token]) -> Token:
    """The head word of a short phrase: the token whose parse head lies outside it."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            if token.pos_ in ("NOUN", "PROPN", "PRON"):
                return token
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return nouns[-1] if nouns else tokens[-1]


def _colon_before(doc: Doc, text: str, para_start: int, rng) -> Frame | None:
    """A paragraph that ends with a colon introduces the quotation that opens the next one."""
    prev_end = para_start - 1
    while prev_end > 0 and text[prev_end - 1].isspace():
        prev_end -= 1
    if prev_end <= 0 or text[prev_end - 1] != ":":
        return None
    prev_start = text.rfind("\n", 0, prev_end) + 1
    span = doc.char_span(prev_start, prev_end, alignment_mode="contract")
    if span is None:
        return None
    for token in reversed(span):
        if cues.speech_lemma(token):
            return _frame_around(token, rng)
    return None


def _frame_around(verb: Token, rng) -> Frame:
    frame = Frame(cue=[verb.i] + [c.i for c in verb.children if c.dep_ == "prt"],
                  content=list(range(*rng)), family="speech", verb=verb.i)
    _attach_source(frame, verb)
    return frame
