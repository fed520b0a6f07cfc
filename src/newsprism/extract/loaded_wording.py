"""The ``loaded_wording`` stage: which narration sentences judge rather than report, and which
of their evaluative words can be cut without changing what the sentence states.

A brief must not carry an outlet's evaluative wording. The ``narration`` stage finds the
evaluative words of each sentence's narration (quoted and embedded words are someone else's and
stay verbatim); this stage decides, with the parse, whether each one is a removable modifier
(an adjective or adverb that hangs on another word and governs nothing: "a *shocking* decision",
"*utterly* wrong", a "so-called" hedge) or carries the sentence ("Rosie O'Donnell *ripped* West",
"a *torrent* of scorn"). A sentence whose loaded words are all removable can be told with them
cut; any other loaded sentence is left out of a brief.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newsprism.model import Article
from newsprism.stages import document_stage

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependency relations of a modifier that can go without breaking the sentence, and the parts
# of speech such a modifier has (verbs and nouns carry the sentence, however loaded).
_MODIFIERS = frozenset({"amod", "advmod", "npadvmod"})
_MODIFIER_POS = frozenset({"ADJ", "ADV"})
_LEXICON_MODIFIERS = frozenset({"ADJ", "ADV", "PHRASE", "any"})
# Clauses that carry what someone said ("saying Kanye has done a great service").
_SPEECH_CLAUSES = frozenset({"ccomp", "xcomp", "parataxis"})


@dataclass(frozen=True, slots=True)
class SentenceWording:
    """One narration sentence: character ranges to cut (loaded modifiers with one adjacent
    space) and the loaded words that cannot be cut (``(start, end, word, category)``)."""

    start: int
    end: int
    cuts: tuple[tuple[int, int], ...] = ()
    blocking: tuple[tuple[int, int, str, str], ...] = ()


def judge_sentences(doc: Doc, article: Article, narration, categories) -> list[SentenceWording]:
    """Loaded wording of each narration sentence that has any (others are neutral)."""
    result = []
    text = article.text
    reporting = reporting_verbs()
    for sentence in narration.sentences:
        cuts, blocking = [], []
        for hit in sentence.hits:
            if hit.entry.category not in categories:
                continue
            span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
            if span is not None and len(span) and _reported(span.root, reporting):
                continue  # someone else's judgement, told in indirect speech
            cut = _cut(text, hit.start, hit.end)
            if cut and span is not None and len(span) and hit.entry.pos in _LEXICON_MODIFIERS \
                    and all(_removable(t, span) for t in span):
                cuts.append(cut)
            else:
                blocking.append((hit.start, hit.end, text[hit.start:hit.end], hit.entry.category))
        if cuts or blocking:
            result.append(SentenceWording(sentence.start, sentence.end, tuple(cuts), tuple(blocking)))
    return result


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Lemmas of verbs that report speech, neutral or loaded, from the evaluative lexicon
    (read once: the lexicon does not change while the process runs)."""
    from newsprism.story.lexicon import evaluative_lexicon

    return frozenset(word for word, entries in evaluative_lexicon().words.items()
                     if any(e.category in ("reporting_neutral", "reporting_loaded") and e.pos == "VERB"
                            for e in entries))


def _reported(token: Token, reporting: frozenset[str]) -> bool:
    """Whether ``token`` lies in a clause that a verb of saying governs."""
    for _ in range(12):
        if token.dep_ in _SPEECH_CLAUSES and token.head.lemma_.lower() in reporting:
            return True
        if token.head is token:
            return False
        token = token.head
    return False


def _removable(token: Token, span) -> bool:
    """A modifier that governs nothing outside the hit (inner words of a phrase ride along)."""
    if token.head in span and token.head is not token:
        return True
    if token.dep_ not in _MODIFIERS or token.dep_ == "conj" or token.pos_ not in _MODIFIER_POS:
        return False
    return not any(child not in span or child.dep_ in ("conj", "cc") for child in token.children)


def _cut(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The hit with one adjacent space; None where cutting would leave stray punctuation
    ("a bitter, angry speech")."""
    if end < len(text) and text[end] in ",;:":
        return None
    if end < len(text) and text[end] == " ":
        return start, end + 1
    if start > 0 and text[start - 1] == " ":
        return start - 1, end
    return None


@document_stage("loaded_wording", requires=("narration",))
def find_loaded_wording(doc: Doc, article: Article, results, options) -> list[SentenceWording]:
    """The article's narration sentences that carry evaluative wording."""
    return judge_sentences(doc, article, results["narration"], set(options.brief.loaded_categories))
