"""The ``time_anchors`` stage: which act each dated expression of an article dates.

"On Wednesday, West tweeted that …" dates the act *tweeted*; "West met with Trump in December
2016" dates *met*. For every temporal expression with a calendar value, the verb that governs
it in the parse is the act; its clause (the verb's subtree within the sentence) describes the
act, and its subject names the actor. Story stages use these anchors to date quotes (the cue
verb of a quote is an act), to build the story's events, and to compare the dates outlets give
to the same act. Records hold offsets only, never spaCy objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.extract.timex import POST_ATTRIBUTION
from newsprism.model import Article, Span, TimeRef
from newsprism.stages import document_stage

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "agent")
_ANCHORED_TYPES = ("DATE", "TIME")


@dataclass(frozen=True, slots=True)
class TimeAnchor:
    """A dated act in one article.

    ``verb`` is the act's verb (``lemma`` its dictionary form), ``clause`` the words that
    describe the act, ``subject`` its grammatical subject (None when the parse shows none),
    ``time`` the expression that dates it.
    """

    lemma: str
    verb: Span
    clause: Span
    time: TimeRef
    subject: Span | None = None


def anchor_acts(doc: Doc, article: Article, timexes: list[TimeRef],
                max_clause_chars: int = 400) -> list[TimeAnchor]:
    """The acts of ``doc`` dated by ``timexes`` (those with a calendar value)."""
    anchors = []
    for ref in timexes:
        if ref.type not in _ANCHORED_TYPES or not ref.value or ref.span is None \
                or ref.value.endswith("_REF"):
            continue
        span = doc.char_span(ref.span.start, ref.span.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if POST_ATTRIBUTION.search(article.text, 0, ref.span.start):
            continue  # a post's own timestamp: the posts stage dates the post with it
        verb = _governing_verb(span.root, span)
        if verb is None:
            continue
        bounds = _paragraph(article.text, ref.span.start)
        if not bounds[0] <= verb.idx < bounds[1]:
            continue  # the parse ran across a paragraph break
        if _inside_quotation(article.text, bounds[0], ref.span.start):
            continue  # quoted words speak from their own time, which the DCT does not give
        clause = _clause(verb, article, max_clause_chars, bounds)
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is None and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            subject = next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)
        if subject is not None and not bounds[0] <= subject.left_edge.idx < bounds[1]:
            subject = None
        anchors.append(TimeAnchor(
            lemma=verb.lemma_.lower(),
            verb=_span(article, verb.idx, verb.idx + len(verb.text), "act"),
            clause=clause,
            time=ref,
            subject=_span(article, *_head_chars(subject), "actor") if subject is not None else None,
        ))
    return anchors


def _governing_verb(token: Token, inside) -> Token | None:
    for _ in range(8):
        # by index: ``token in inside`` compares the token with each of the span's in turn
        if token.pos_ in ("VERB", "AUX") and not inside.start <= token.i < inside.end:
            return token
        if token.head.i == token.i:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def _subtree_chars(token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def _head_chars(token: Token) -> tuple[int, int]:
    """The subject's noun phrase up to its head word, without the clauses after it
    ("Legend, who also criticized West" -> "Legend")."""
    left = token.left_edge
    return left.idx, token.idx + len(token.text)


def _inside_quotation(text: str, start: int, position: int) -> bool:
    before = text[start:position]
    curly = before.count("“") > before.count("”")
    straight = before.count('"') % 2 == 1
    return curly or straight


def _paragraph(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def _clause(verb: Token, article: Article, limit: int, bounds: tuple[int, int]) -> Span:
    """The verb's clause: its subject and the verb's subtree, within its sentence and
    paragraph."""
    sentence = verb.sent
    start = verb.idx
    end = verb.idx + len(verb.text)
    for child in verb.children:
        if child.dep_ in ("punct", "cc") or child.i < sentence.start or child.i >= sentence.end:
            continue
        child_start, child_end = _subtree_chars(child)
        start, end = min(start, child_start), max(end, child_end)
    start, end = max(start, bounds[0]), min(end, bounds[1], start + limit)
    text = article.text
    while start < end and text[start] in " ,;:—–-":
        start += 1
    text = article.text
    while end > start and text[end - 1] in " ,;:—–-":
        end -= 1
    return _span(article, start, end, "act")


def _span(article: Article, start: int, end: int, role: str) -> Span:
    return Span(article.id, start, end, article.text[start:end], role)


@document_stage("time_anchors", requires=("timexes",))
def find_time_anchors(doc: Doc, article: Article, results, options) -> list[TimeAnchor]:
    """The dated acts of one article."""
    return anchor_acts(doc, article, results["timexes"], options.timeline.max_clause_chars)
