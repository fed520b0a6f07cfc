"""Reposts and replies that an article describes instead of embedding.

"Chance retweeted the President with the caption, “Nah, that ain’t it yo.”" is a post of its
own (a repost, by Chance, of the President's post, with its caption) although no embed shows
it; "Reyes replied to Okafor on Wednesday, …" says that the post cited next is a reply. This
module reads such sentences from the parse: the verb (retweet, repost, quote, share a post;
reply or respond to someone on a platform), its subject (the author), its object or the
person after "to" (the target, or the owner of the post named: "Kanye’s tweet") and the full
quotations of the sentence (the caption or reply).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from newsprism.extract.mentions import TITLES
from newsprism.extract.post_context import (
    PRONOUNS,
    clean_quotation,
    cue_verb,
    is_full_quotation,
    noun_span,
    possessor_or_self,
    quoted_segments,
    social_sentence,
    social_word,
    subject_span,
)
from newsprism.extract.token_columns import any_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Surface forms of verbs that mean reposting: retweeted, re-tweets, reposting, reshared,
# quote-tweeted, and the parser's "retweete" for "retweeted".
_REPOST = re.compile(r"^(?:re-?tweet|re-?post|re-?shar|quote-?tweet|quote-?post)\w*$", re.IGNORECASE)
_REPLY = re.compile(r"^(?:repl(?:y|ied|ies|ying)|respond(?:s|ed|ing)?)$", re.IGNORECASE)
# Nouns that name a post: the object of quoting or sharing ("quoting West's tweet"), or what
# a reply answers ("replied to one of Trump's messages").
POST_NOUNS = frozenset("tweet tweets post posts status statuses retweet retweets".split())
_ANSWERED_NOUNS = POST_NOUNS | frozenset(
    """message messages photo photos video videos caption comment comments question questions
    remark remarks statement statements request requests criticism claim claims""".split()
)
# Auxiliaries of acts that are wished, feared or asked for rather than done.
_NOT_DONE = frozenset("would 'd ’d could might should may will 'll ’ll can to".split())
# Common nouns that can stand for the person a repost or reply addresses ("the President").
_PERSON_NOUNS = TITLES | frozenset(
    """rapper singer actor actress star host anchor reporter journalist columnist candidate nominee
    leader spokesman spokeswoman spokesperson aide adviser advisor critic founder executive
    activist comedian player coach owner campaigner""".split()
)
_PLATFORM_WORDS = {
    "instagram": "instagram", "facebook": "facebook", "tiktok": "tiktok", "threads": "threads",
    "bluesky": "bluesky", "youtube": "youtube",
}


@dataclass
class NarratedPost:
    """A repost or reply described in one sentence: character spans of its parts."""

    kind: str
    cue: tuple[int, int]
    sentence: tuple[int, int]
    platform: str
    author: tuple[int, int] | None = None
    target: tuple[int, int] | None = None
    text_spans: list[tuple[int, int]] = field(default_factory=list)


def find_narrated_posts(doc: Doc, text: str, social_paragraphs: set[tuple[int, int]] = frozenset(),
                        paragraphs: list[tuple[int, int]] = ()) -> list[NarratedPost]:
    """Reposts and replies the narration of ``text`` describes.

    Args:
        doc: the parsed article text.
        text: the article's cleaned text.
        social_paragraphs: paragraphs known to hold or cite a post (a reply there is a reply
            on the platform even when the sentence does not name it).
        paragraphs: the article's paragraph spans (to test membership in the above).
    """
    found: list[NarratedPost] = []
    act_words = _act_words(doc)
    if not act_words:
        return found
    positions = list(act_words)
    for sentence in doc.sents:
        k = bisect_left(positions, sentence.start)
        if k == len(positions) or positions[k] >= sentence.end:
            continue  # no word of reposting or replying in the sentence
        cues = None  # the sentence's verbs of saying, read when it names a repost or reply
        taken: set[int] = set()
        for token in sentence:
            kind = _kind(token, act_words.get(token.i))
            if kind is None or token.i in taken:
                continue
            if cues is None:
                cues = [t for t in sentence if cue_verb(t)]
            # What a subordinate clause adds ("… retweeted it, imagining he was retweeting …")
            # is the same act, not another post.
            taken.update(t.i for t in token.subtree)
            target_token = _target(token, kind)
            if kind == "reply" and not _social(token, social_paragraphs, paragraphs):
                continue
            paragraph = next(((s, e) for s, e in paragraphs if s <= token.idx < e), (0, len(text)))
            quotes = quoted_segments(text, *paragraph)
            if any(q[0] <= token.idx < q[1] for q in quotes):
                continue  # a verb inside quoted speech is the speaker's, not the narration's
            bounds = (max(sentence.start_char, paragraph[0]), min(sentence.end_char, paragraph[1]))
            segments = [q for q in _captions(doc, text, sentence, bounds, quotes, paragraph[0])
                        if _governed_by(token, q, cues)]
            author = subject_span(token)
            if author and text[author[0]:author[1]].lower() in PRONOUNS:
                author = None
            found.append(NarratedPost(
                kind=kind,
                cue=(token.idx, token.idx + len(token.text)),
                sentence=bounds,
                platform=_platform(sentence, token),
                author=author,
                target=noun_span(target_token) if target_token is not None else None,
                text_spans=segments,
            ))
    return found


def _captions(doc, text: str, sentence, bounds, quotes, paragraph_start: int) -> list[tuple[int, int]]:
    """The full quotations of the sentence (``quotes`` are its paragraph's quoted segments);
    for a sentence that only attributes ("… Trump tweeted, quoting West's tweet."), those of
    the sentence before it when that sentence is nothing but a quotation."""
    def full(start: int, end: int) -> list[tuple[int, int]]:
        return [clean_quotation(text, *q) for q in quotes
                if q[0] < end and start < q[1] and is_full_quotation(text[q[0]:q[1]])]

    segments = full(*bounds)
    if not segments and sentence.start > 0:
        previous = doc[sentence.start - 1].sent
        start = max(previous.start_char, paragraph_start)
        inside = full(start, previous.end_char)
        outside = text[start:previous.end_char]
        for q in sorted(inside, reverse=True):
            outside = outside[:q[0] - start] + outside[q[1] - start:]
        if inside and not any(c.isalnum() for c in outside):
            segments = inside
    return segments


def _governed_by(token: Token, quote: tuple[int, int], cues: list[Token]) -> bool:
    """The quotation belongs to this act: the nearest verb of saying or posting outside it is
    this verb or one joined to it ("responded to Kanye's tweet, posting “…”"), not another
    one ("“…” tweeted Prince Alwaleed")."""
    outside = [c for c in cues if not quote[0] <= c.idx < quote[1]]
    if not outside:
        return True
    nearest = min(outside, key=lambda c: min(abs(c.idx - quote[0]), abs(c.idx - quote[1])))
    # Tokens are views created on each access: compare their positions, not their identity.
    if nearest.i == token.i or token.i in {a.i for a in nearest.ancestors}:
        return True  # this verb, or one under it ("responded …, posting “…”")
    # The verb a participle hangs on ("“…” Trump tweeted, quoting …"); a clause with its own
    # subject ("“…” tweeted Brandt, after Varga retweeted …") is another person's act.
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    return token.head.i == nearest.i and not own_subject


def _act_words(doc: Doc) -> dict[int, str]:
    """The words of reposting or replying (what :func:`_kind` reads further) by token index,
    in text order, "quote-" put before a word after "quote -" ("quote-tweeted" splits into
    three tokens). Found on the parse's arrays: most tokens are no verb or noun, and making
    each a token object, and reading its strings, cost more than the rest of the search.

    A word of reposting or replying begins with "re" or "quote" in any case (see _REPOST and
    _REPLY), so that only the verbs and nouns whose first character (the lexeme's PREFIX) is
    an r or a q are read, besides those after "quote -" and the verbs "quote" and "share".
    """
    from spacy import symbols  # here: the story modules that import this one need no spaCy
    from spacy.attrs import LEMMA, LOWER, ORTH, POS, PREFIX

    if not len(doc):
        return {}
    pos, orth, lower, lemma, prefix = doc.to_array([POS, ORTH, LOWER, LEMMA, PREFIX]).T
    dash, quote, share = _hashes("-", "quote", "share")
    joined = np.zeros(len(doc), dtype=bool)  # after "quote -"
    joined[2:] = (orth[1:-1] == dash) & (lower[:-2] == quote)
    verb = pos == symbols.VERB
    quoting = verb & any_of(lemma, (quote, share))
    named = verb | (pos == symbols.NOUN) | (pos == symbols.PROPN)
    maybe = named & (joined | quoting | any_of(prefix, _hashes(*"rRqQ")))
    strings = doc.vocab.strings
    found = {}
    for i in np.flatnonzero(maybe).tolist():
        word = ("quote-" if joined[i] else "") + strings[int(orth[i])]
        if _REPOST.match(word) or quoting[i] or (verb[i] and _REPLY.match(word)):
            found[i] = word
    return found


@lru_cache(maxsize=4)
def _hashes(*words: str) -> tuple[int, ...]:
    """The hashes of ``words`` as the parse's arrays hold strings."""
    from spacy.strings import hash_string  # here: see _act_words

    return tuple(hash_string(word) for word in words)


def _kind(token: Token, word: str | None) -> str | None:
    """What the token's act is ("repost", "reply"), or None; ``word`` is its word of
    reposting or replying (see :func:`_act_words`), None when it has none."""
    if word is None:
        return None  # no word of reposting or replying: the tests below would all fail
    if any(c.dep_ in ("neg", "auxpass", "nsubjpass") for c in token.children):
        return None  # "has not responded", "was retweeted 3,200 times": no post by anyone
    if any(c.dep_ == "aux" and c.lower_ in _NOT_DONE for c in token.children):
        return None  # "he'd retweet", "asked to retweet": an act that may never happen
    if _REPOST.match(word):
        return "repost" if token.pos_ == "VERB" or token.dep_ in ("ROOT", "conj", "advcl") else None
    if token.pos_ == "VERB" and token.lemma_ in ("quote", "share"):
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.lower_ in POST_NOUNS:
            return "repost"
        return None
    if token.pos_ == "VERB" and _REPLY.match(word) and _to_object(token) is not None:
        return "reply"
    return None


def _to_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _target(token: Token, kind: str) -> Token | None:
    """The person the repost or reply addresses: the object, or the owner of the post named
    ("Kanye's tweet", "one of Trump's messages", "the tweet from @jack")."""
    if kind == "reply":
        obj = _to_object(token)
    else:
        obj = next((c for c in token.children if c.dep_ in ("dobj", "pobj")), None)
    owner, steps = obj, 0
    while owner is not None and steps < 3:
        steps += 1
        found = possessor_or_self(owner)
        if found.i == owner.i:
            break
        owner = found
    if owner is None or owner.lower_ in PRONOUNS:
        return None  # "replied to the tweet": whose, the sentence does not say
    if owner.pos_ == "PROPN" or (owner.pos_ == "NOUN" and owner.lemma_.lower() in _PERSON_NOUNS):
        return owner
    return None


def _social(token: Token, social_paragraphs, paragraphs) -> bool:
    """A reply on a platform, not an answer in an interview or to a request for comment: the
    verb's own phrase speaks of a platform or a post ("replied on Twitter", "responded to
    Kanye's tweet", "in a tweet"), or its paragraph holds or cites a post."""
    clauses = [c for c in token.children if c.dep_ in ("ccomp", "advcl", "conj", "relcl")]
    inner = {t.i for c in clauses for t in c.subtree}
    for word in (t for t in token.subtree if t.i not in inner):
        if social_word(word):
            return True
    for start, end in paragraphs:
        if start <= token.idx < end:
            return (start, end) in social_paragraphs
    return False


def _platform(sentence, token: Token) -> str:
    for word in sentence:
        platform = _PLATFORM_WORDS.get(word.lower_)
        if platform:
            return platform
    if token.lower_.startswith(("retweet", "re-tweet", "quote-tweet")) or social_sentence(sentence):
        return "twitter" if any(w.lower_.startswith(("tweet", "retweet", "twitter")) or w.text == "X"
                                for w in sentence) or "tweet" in token.lower_ else "unknown"
    return "unknown"
