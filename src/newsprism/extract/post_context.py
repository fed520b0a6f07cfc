"""What the narration around a post says: quoted words, who is said to have written them.

Articles that cite a post by its URL, or describe a repost or a reply, carry the post's words
as a quotation in the narration ("“I respect everyone’s opinion,” West tweeted.") and name the
author as the subject of a verb of saying or posting. The helpers here find paragraphs,
quoted segments and such subjects; :mod:`newsprism.extract.status_urls` and
:mod:`newsprism.extract.post_narration` decide what belongs to a post.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Opening mark -> closing marks, for the double (and guillemet) quotation marks that open
# quotations; single curly marks double as apostrophes, so they are not used to find speech.
_PAIRS = {"“": "”", "„": "“”", "«": "»", "»": "«", "\"": "\"", "”": "”"}
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")

# Verbs (as lower-case stems of the surface form) by which narration attributes words.
CUE_STEMS = (
    "said", "say", "tweet", "post", "wrote", "writ", "add", "argu", "continu", "conclud",
    "repl", "respond", "retweet", "re-tweet", "repost", "shar", "caption", "proclaim",
    "declar", "announc", "comment", "stat", "sent", "send", "quot", "told", "tell", "ask",
    "insist", "explain", "respon", "claim", "urg", "warn", "mock", "joke", "reveal",
)
# Words that put a sentence on a social platform.
SOCIAL_WORDS = frozenset(
    """tweet tweets tweeted tweeting retweet retweets retweeted post posts posted posting
    twitter instagram facebook tiktok threads bluesky caption captioned x.com""".split()
)
PRONOUNS = frozenset("he she they i we it his her their".split())


def blank_line_paragraphs(text: str) -> bool:
    """Whether a text separates paragraphs with blank lines (else: one paragraph a line)."""
    return _BLANK_LINE.search(text) is not None


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph, blank-line or line separated as the text is."""
    separator = _BLANK_LINE if blank_line_paragraphs(text) else re.compile(r"\n")
    spans, start = [], 0
    for match in separator.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = (trim_span(text, start, end) for start, end in spans)
    return [(start, end) for start, end in trimmed if start < end]


def quoted_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the words inside double quotation marks between ``start`` and ``end``.

    A mark that is never closed ends its segment at ``end`` (a quotation running on into the
    next paragraph). Nested single quotations stay inside the outer segment. A straight mark
    opens only where an opening mark can stand (after a space or a bracket, before a word)
    and closes only where a closing one can, so a stray mark does not swap quotation and
    narration for the rest of the paragraph.
    """
    segments = []
    position = start
    while position < end:
        char = text[position]
        closers = _PAIRS.get(char)
        if closers is None or (char in "”\"" and not _opens(text, position)):
            position += 1
            continue
        close = position + 1
        while close < end and not (text[close] in closers and (char != "\"" or _closes(text, close))):
            close += 1
        inner = (position + 1, close)
        if inner[1] > inner[0] and text[inner[0]:inner[1]].strip():
            segments.append(trim_span(text, *inner))
        position = close + 1
    return segments


def _opens(text: str, position: int) -> bool:
    """A mark that can open a quotation here: after a space, a bracket or a dash, before a
    word (some outlets print ”…” both ways; straight marks serve both ends)."""
    before_ok = position == 0 or text[position - 1] in " \n\t(—–-:[\u00a0"
    after_ok = position + 1 < len(text) and not text[position + 1].isspace()
    return before_ok and after_ok


def _closes(text: str, position: int) -> bool:
    """A straight mark that can close a quotation here: after a word or punctuation, before a
    space, punctuation or the end."""
    before_ok = position > 0 and not text[position - 1].isspace()
    after_ok = position + 1 >= len(text) or not text[position + 1].isalnum()
    return before_ok and after_ok


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed to exclude whitespace at both ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_full_quotation(words: str) -> bool:
    """A quotation that reproduces a statement, not a phrase inside reported speech.

    "“the mob”" or "“not love”" are partial quotes woven into the narration; a statement
    starts with a capital, a digit, a handle or a hashtag, or ends a sentence.
    """
    words = words.strip()
    if not words:
        return False
    first = words[0]
    if first.isupper() or first.isdigit() or first in "@#¡¿":
        return True
    return words.rstrip("”\"’'").endswith((".", "!", "?", "…")) and len(words.split()) >= 4


def clean_quotation(text: str, start: int, end: int) -> tuple[int, int]:
    """A quoted segment without the comma that joins it to its attribution ("…opinion,”)."""
    start, end = trim_span(text, start, end)
    while end > start and text[end - 1] in ",;:":
        end -= 1
    return start, end


def cue_verb(token: Token) -> bool:
    """A verb of saying or posting ("tweeted", "wrote", "replied", "retweeted").

    The small parser tags some of these as nouns ("writing"); a noun counts when it heads a
    clause, never as the object of one ("posted another tweet").
    """
    if not token.lower_.startswith(CUE_STEMS):
        return False
    if token.pos_ == "VERB":
        return True
    return token.pos_ == "NOUN" and token.dep_ in ("ROOT", "conj", "advcl", "xcomp", "ccomp", "acl", "relcl")


def subject_span(token: Token) -> tuple[int, int] | None:
    """The character span naming who acts in ``token`` (a verb): its subject as a name or
    noun phrase, following participles ("…, posting") and reduced clauses ("Trump tweeted")
    to the clause that has one; None when there is none."""
    seen = 0
    verb = token
    while verb is not None and seen < 4:
        seen += 1
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return noun_span(subject)
        if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN", "PRON"):
            return noun_span(verb.head)
        if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        break
    previous = token.i - 1
    doc = token.doc
    while previous >= token.sent.start and doc[previous].pos_ == "ADV":
        previous -= 1
    if previous >= token.sent.start and doc[previous].pos_ in ("PROPN", "PRON"):
        return noun_span(doc[previous])
    return None


def noun_span(token: Token) -> tuple[int, int]:
    """The words that name a person at ``token``: a name with its compounds, a pronoun, or a
    noun phrase ("the minister"); a common noun with a name in apposition gives the name
    ("Legend's wife, Chrissy Teigen" -> "Chrissy Teigen")."""
    if token.pos_ == "NOUN":
        appos = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if appos is not None:
            token = appos
    doc = token.doc
    first = token.i
    while first > token.sent.start:
        left = doc[first - 1]
        if left.dep_ not in ("compound", "det", "amod", "nmod", "flat") or not first <= left.head.i <= token.i:
            break
        first -= 1
    return doc[first].idx, token.idx + len(token.text)


def possessor_or_self(token: Token) -> Token:
    """For "Kanye's tweet", "a message from Ann" or "one of Trump's posts", the word that
    owns the thing (followed further by the caller); ``token`` itself when nothing does. "A
    photo of Heidi" shows Heidi, it is not hers: "of" is followed only after a quantifier."""
    poss = next((c for c in token.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    preps = ("from", "by", "of") if token.pos_ in ("NUM", "PRON", "DET") else ("from", "by")
    source = next(
        (g for c in token.children if c.dep_ == "prep" and c.lower_ in preps
         for g in c.children if g.dep_ == "pobj"),
        None,
    )
    return source if source is not None else token


def social_word(token: Token) -> bool:
    """A word of social media ("tweeted", "Twitter", "post"), not a name that contains one
    ("The Washington Post")."""
    lower = token.lower_
    if lower.startswith(("tweet", "retweet")):
        return True
    if lower not in SOCIAL_WORDS:
        return False
    return not (lower.startswith("post") and token.text[0].isupper() and token.pos_ == "PROPN")


def social_sentence(sentence) -> bool:
    """A sentence that speaks of a social platform or a post."""
    return any(social_word(t) for t in sentence)


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens of ``doc`` that lie inside the character range [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []
