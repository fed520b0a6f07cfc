"""Attribution frames from the dependency parse: who (source) says (cue) what (content).

A frame is built around a cue word of :mod:`newsprism.extract.cues`:

* a reporting verb with its clausal complement ("Sanders said she did not know"), inverted
  ("The economy is strong, the senator said"), or its object ("accused X of Y");
* ``according to X`` around the clause it modifies;
* a message noun with a ``that`` clause ("Trump's claim that ...").

The source is the verb's subject phrase; a participle or infinitive without a subject of its own
("..., saying ...", "refused to say") borrows the subject of the verb it hangs from; a passive
verb's source is its ``by`` agent. Frames never start inside quoted text (a verb of saying inside
a quotation is the quoted person's own report, not the article's attribution), and a frame
nested in another's content is cut out of it, so every word belongs to at most one attribution.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from spacy import symbols
from spacy.attrs import IDX, IS_SPACE, LEMMA, LOWER, ORTH, POS
from spacy.strings import hash_string

from newsprism.extract import cues
from newsprism.extract.token_columns import among

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

RELATIVE = frozenset({"who", "that", "which", "whom"})
QUOTE_MARK_TOKENS = frozenset({'"', "“", "”", "''", "``"})
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "prep", "parataxis", "dative", "attr"})
# Prepositions whose object is the content of a cue of each family ("accused X of Y",
# "responded to X", "believes in X").
CONTENT_PREPS = {
    "attitude": frozenset({"of", "for", "as", "over", "about"}),
    "speech": frozenset({"about"}),
    "thought": frozenset(),
}
# Speech verbs that take their content after "to" ("responded to", "referred to").
TO_SPEECH = frozenset({"respond", "refer", "allude", "point", "reply", "object", "react"})
# Verbs that take their content as an infinitive ("urged X to ...", "declined to ...").
XCOMP_SPEECH = frozenset(
    """urge ask promise vow pledge threaten call tell warn order beg plead refuse decline
    demand offer propose advise encourage push press invite challenge dare instruct""".split()
)
# Nouns that can carry a "that" clause of someone's words or beliefs.
CLAIM_NOUNS = frozenset(
    """claim assertion argument suggestion belief view promise warning pledge statement comment
    remark allegation charge accusation insistence contention announcement admission denial
    prediction complaint criticism assurance vow threat hope fear concern insinuation notion
    opinion position stance message""".split()
)
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Nouns of stance or speech with the preposition that introduces what they are about
# ("his opposition to the war", "Trump's call for a ban").
NOUN_PREPS = {
    "criticism": {"of"}, "support": {"for"}, "opposition": {"to"}, "call": {"for"},
    "praise": {"for", "of"}, "endorsement": {"of"}, "demand": {"for"}, "plea": {"for"},
    "warning": {"about", "of", "against"}, "concern": {"about", "over"}, "fear": {"of"},
    "view": {"of", "on"}, "comment": {"on", "about"}, "comments": {"on", "about"},
    "remark": {"about", "on"}, "remarks": {"about", "on"}, "statement": {"on", "about"},
    "attack": {"on"}, "attacks": {"on"}, "accusation": {"of", "against"},
    "allegation": {"of", "against"}, "promise": {"of", "to"}, "pledge": {"to", "of"},
    "proposal": {"for", "to"}, "question": {"about"}, "questions": {"about"},
    "complaint": {"about"}, "denial": {"of"}, "defense": {"of"}, "defence": {"of"},
    "announcement": {"of"}, "reference": {"to"}, "mention": {"of"}, "rejection": {"of"},
    "condemnation": {"of"}, "embrace": {"of"}, "disdain": {"for"}, "contempt": {"for"},
    "admiration": {"for"}, "anger": {"at", "over"}, "frustration": {"with", "over"},
    "skepticism": {"about", "of"}, "doubts": {"about"}, "insistence": {"on"},
}
# Speech verbs whose object alone is not speech ("maintained his right", "shared a photo",
# "continued the dialogue", "issued a statement", "admitted three new members"): they make an
# attribution only with a clause or a quotation.
NEED_CLAUSE = frozenset(
    """maintain continue add share post publish print read order project detail outline repeat
    highlight underscore estimate reveal signal indicate relate dictate telegraph preach lecture
    broadcast specify figure reason text email e-mail message blog caption answer quote cite
    describe note report write tweet retweet retweete mention release issue admit pronounce""".split()
)
# Verbs whose object may be the person addressed rather than what is said.
PERSON_NOUNS = frozenset(
    """mother father parent son daughter wife husband widow family man woman voter supporter
    critic reporter journalist official lawmaker senator crowd audience""".split()
)
LISTENER_VERBS = frozenset({"tell", "advise", "inform", "notify", "remind", "assure", "brief", "warn"})
WH_WORDS = frozenset({"what", "which", "that", "who", "whom", "whoever", "whatever"})


@dataclass
class Frame:
    """An attribution found in the parse, as token indices (end exclusive).

    ``content`` is kept sorted and without repeats by every rule that sets it: overlaps with
    a quotation are then counted by bisection.
    """

    cue: list[int]
    content: list[int]
    source: list[int] = field(default_factory=list)
    source_head: int | None = None
    family: str = "speech"
    verb: int | None = None

    @property
    def content_range(self) -> tuple[int, int]:
        return min(self.content), max(self.content) + 1


def find_frames(doc: Doc, quoted: Iterable[tuple[int, int]] = (), text: str | None = None) -> list[Frame]:
    """Every attribution frame of a parsed document.

    Args:
        doc: the parsed document.
        quoted: token ranges (start, end) of quotations; cues inside them are ignored.
        text: the document's text when the caller has it (``Doc.text`` rebuilds it).

    Returns:
        Frames in text order, each word in at most one frame's content.
    """
    inside = bytearray(len(doc))
    for start, end in quoted:
        for i in range(start, end):
            inside[i] = 1
    paragraph = paragraphs(doc, doc.text if text is None else text)
    space = doc.to_array(IS_SPACE).tolist()
    orth = doc.to_array(ORTH).tolist()
    frames: list[Frame] = []
    for i in _cue_candidates(doc):
        if inside[i] or _in_capitals(doc, i):
            continue
        token = doc[i]
        frame = None
        if token.pos_ == "NOUN":
            frame = _noun_frame(token)
        elif token.lower_ == "according":
            frame = _according(token)
        else:
            frame = _verb_frame(token, token.lemma_.lower())
        if frame is None:
            continue
        # An attribution stays within its paragraph (the parse sometimes runs across).
        own = paragraph[frame.cue[0]]
        frame.content = [i for i in frame.content if paragraph[i] == own and not space[i]]
        frame.source = [i for i in frame.source if paragraph[i] == own and not space[i]]
        frame.content = _cut_at_break(orth, frame)
        if frame.content:
            frames.append(frame)
    return [f for f in _untangle(doc, frames) if _substantial(doc, f)]


BREAKS = frozenset({"—", "–", "--", ";"})


def _cut_at_break(orth: list[int], frame: Frame) -> list[int]:
    """Content after the cue stops at a dash or semicolon that starts a new thought ("said
    Carson was led astray — and he singled out ..."); quoted text is never cut. ``orth`` holds
    the hash of every token's text (a token object made for each content word cost more)."""
    content = sorted(frame.content)
    if not content or content[0] < frame.cue[0]:
        return content
    marks = 0
    for k, i in enumerate(content):
        if orth[i] in _MARK_HASHES:
            marks += 1
        elif orth[i] in _BREAK_HASHES and marks % 2 == 0 and k >= 3:
            return content[:k]
    return content


_MARK_HASHES = frozenset(hash_string(mark) for mark in QUOTE_MARK_TOKENS)
_BREAK_HASHES = frozenset(hash_string(mark) for mark in BREAKS)


def _in_capitals(doc: Doc, i: int) -> bool:
    """A word of a heading set in capitals ("EVEN HIS BOSS THINKS HE IS WRONG — …"): the
    writer's label for what follows, not an attribution."""
    if not doc[i].is_upper:
        return False  # most cues: their neighbours need not be read
    words = [t for t in doc[max(0, i - 3):i + 4] if t.is_alpha and len(t.text) > 1]
    return len(words) >= 4 and all(t.is_upper for t in words)


def paragraphs(doc: Doc, text: str) -> list[int]:
    """The paragraph number of each token (paragraphs are separated by line breaks)."""
    breaks = np.array([m.start() for m in _NEWLINE.finditer(text)], dtype=np.uint64)
    return np.searchsorted(breaks, doc.to_array(IDX), side="right").tolist()


def _cue_candidates(doc: Doc) -> list[int]:
    """Indices of tokens that may start a frame, found on the arrays of hashes (reading every
    token's strings costs more than the rest of the stage)."""
    hashes = _lemma_hashes(doc.vocab)
    parts, lemmas, lowers = doc.to_array([POS, LEMMA, LOWER]).T
    verbs = np.flatnonzero((parts == _VERB) | (parts == _AUX))
    verbs = verbs[among(lemmas[verbs], hashes["verb"]) | (lowers[verbs] == hashes["according"])]
    nouns = np.flatnonzero(parts == _NOUN)
    nouns = nouns[among(lemmas[nouns], hashes["noun"])]
    return np.sort(np.concatenate((verbs, nouns))).tolist()


_NEWLINE = re.compile(r"\n+")
_VERB, _AUX, _NOUN = symbols.VERB, symbols.AUX, symbols.NOUN


@lru_cache(maxsize=4)
def _lemma_hashes(vocab) -> dict:
    strings = vocab.strings
    verbs = set(cues.SPEECH) | set(cues.ATTITUDE) | set(cues.THOUGHT) | {"accord"}
    return {
        "verb": _sorted_hashes({strings.add(v) for v in verbs} | {strings.add(v.capitalize()) for v in verbs}),
        "noun": _sorted_hashes({strings.add(n) for n in CLAIM_NOUNS | set(NOUN_PREPS)}),
        "according": strings.add("according"),
    }


def _sorted_hashes(hashes: set[int]) -> np.ndarray:
    return np.array(sorted(hashes), dtype=np.uint64)


def _substantial(doc: Doc, frame: Frame) -> bool:
    """Content of at least two words, or one word in quotation marks."""
    words = 0
    for i in frame.content:
        if doc[i].is_alpha or doc[i].like_num:
            words += 1
            if words == 2:
                return True  # the rest of a long content need not be read
    return words == 1 and any(doc[i].text in ('"', "“", "”", "''") for i in frame.content)


def _verb_frame(verb: Token, lemma: str) -> Frame | None:
    family = cues.family(lemma)
    if family is None:
        return None
    if lemma in EXPRESS:
        frame = _expressed_stance(verb)
        if frame is not None:
            return frame
    content: list[int] = []
    preps = CONTENT_PREPS[family]
    children = [(child, child.dep_) for child in verb.children]  # read once for the rules below
    for child, dep in children:
        if dep == "ccomp" or dep == "parataxis" and child.i < verb.i:
            content.extend(_subtree(child))
        elif dep == "xcomp":
            # "seemed to reverberate", "may prove to be a passing phase": a raising verb with
            # an infinitive is the writer's hedge, not someone's thought ("polls seem to show
            # ..." is the showing's own attribution).
            if (family == "thought" and lemma not in cues.RAISING) or lemma in XCOMP_SPEECH:
                content.extend(_subtree(child))
        elif dep in ("dobj", "oprd") and lemma not in NEED_CLAUSE:
            if lemma in LISTENER_VERBS and _is_listener(child):
                continue  # "told reporters", "advises the president": whom, not what
            if child.lower_ in RELATIVE or child.pos_ == "PRON" and child.lower_ in ("what", "which"):
                continue
            content.extend(_subtree(child))
        elif dep == "prep" and (child.lower_ in preps or child.lower_ == "to" and lemma in TO_SPEECH) and lemma not in NEED_CLAUSE:
            if any(g.dep_ == "pobj" and g.lower_ in cues.PLATFORMS for g in child.children):
                continue  # "on Twitter" is the channel, not the content
            if child.lower_ == "to" and any(g.dep_ == "pobj" and _is_person(g) for g in child.children):
                continue  # "responded to a Gold Star mother": whom it answered, not what
            content.extend(_subtree(child)[1:] if child.lower_ != "as" else _subtree(child))
    parenthetical = False
    if not content and family != "attitude":
        content = _parenthetical_content(verb)
        parenthetical = bool(content)
    tag = verb.tag_
    if content and tag == "VBG" and not any(dep in SUBJECTS for _, dep in children):
        # "…,” referencing X": a participle tacked on after the words reports only what follows it.
        content = [i for i in content if i > verb.i]
    if not content:
        return None
    if family == "thought" and not parenthetical and not any(dep in ("ccomp", "xcomp") for _, dep in children):
        return None
    cue = [verb.i] + [c.i for c, dep in children if dep == "prt"]
    frame = Frame(cue=sorted(cue), content=sorted(set(content)), family=family, verb=verb.i)
    _attach_source(frame, verb, children)
    if lemma == "call" and not any(
        dep in ("oprd", "ccomp", "xcomp") or dep == "prep" and c.lower_ in ("for", "on", "upon")
        for c, dep in children
    ) and not any(verb.doc[i].text in QUOTE_MARK_TOKENS for i in frame.content):
        return None  # "called a meeting", "called in the police": not calling someone something
    if tag == "VBG" and verb.head.lower_ == "worth":
        return None  # "it is worth noting that …": the writer's own aside
    if tag == "VB" and verb.dep_ in ("ROOT", "conj") and not frame.source and not any(
        dep in ("aux", "auxpass", "nsubj", "nsubjpass") for _, dep in children
    ):
        return None  # "Now tell me …", "Ask yourself …": the writer's imperative to the reader
    if family == "speech" and tag == "VB" and _topic_only(verb.doc, children, frame.content):
        # "agreed to discuss the case", "refused to disclose his taxes", "will ask that
        # question": a speech act not (yet) made, with only its topic, reports nothing said.
        return None
    if family == "thought" and not frame.source:
        # "Imagine that …", "Don't forget that …": a thought nobody holds is the writer's
        # address to the reader, not an attribution.
        return None
    return frame


# Verbs that express a stance named by their object ("expressed concern about X").
EXPRESS = frozenset({"express", "voice"})
STANCE_NOUNS = frozenset(
    """concern concerns outrage misgivings misgiving doubt doubts support opposition frustration
    anger dismay alarm regret disappointment skepticism scepticism confidence optimism pessimism
    reservations reservation fear fears hope hopes interest dissatisfaction satisfaction
    sympathy solidarity condolences gratitude admiration disapproval approval""".split()
)
STANCE_PREPS = frozenset({"about", "over", "with", "for", "at", "on", "regarding", "toward", "towards", "in"})


def _expressed_stance(verb: Token) -> Frame | None:
    """"expressed deep concern about the policy", "voiced doubts that …": the stance noun is
    part of the cue; what the stance is about, or the clause it holds, is the content."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in STANCE_NOUNS), None)
    if obj is None:
        return None
    prep = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in STANCE_PREPS), None)
    clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl")
                   and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    if prep is not None and any(g.dep_ in ("pobj", "pcomp") for g in prep.children):
        content = [t.i for t in prep.subtree][1:]
        cue = list(range(verb.i, prep.i + 1))
    elif clause is not None:
        content = _subtree(clause)
        cue = list(range(verb.i, obj.i + 1))
    else:
        return None
    if any(doc_i in content for doc_i in cue):
        return None
    frame = Frame(cue=cue, content=content, family="attitude", verb=verb.i)
    _attach_source(frame, verb)
    return frame


def _topic_only(doc: Doc, children: list[tuple[Token, str]], content: list[int]) -> bool:
    """The content is a noun phrase (a topic), not a clause or quoted words (``children``: the
    verb's, with their dependency labels)."""
    clause = any(dep in ("ccomp", "xcomp", "parataxis") and c.i in content for c, dep in children)
    return not clause and not any(doc[i].text in QUOTE_MARK_TOKENS for i in content)


# Words of the verb group that belong to the cue as written: auxiliaries, negation and adverbs
# right before the verb ("did not say", "has also argued", "to declare"), and the preposition
# that introduces the content ("called for a ban", "talked about the economy").
GROUP_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
VERB_GROUP = frozenset({"VERB", "AUX", "ADV", "PART", "ADJ"})
# Verbs of going on that an infinitive of purpose continues ("went on to explain").
GOING_ON = frozenset({"go", "continue", "proceed", "come", "turn", "rush", "move"})
CUE_PREPS = frozenset({"about", "for", "to", "on", "of", "against", "over", "with"})


def cue_tokens(doc: Doc, frame: Frame) -> list[int]:
    """The cue's words as the text has them: the cue with its verb group and content preposition.

    Args:
        doc: the parsed document.
        frame: the attribution frame (its ``cue`` holds the verb or noun and particles).

    Returns:
        Sorted token indices, contiguous around the cue.
    """
    tokens = set(frame.cue)
    head = doc[frame.verb if frame.verb is not None else frame.cue[0]]
    content = set(frame.content)
    source = set(frame.source)
    # "has steadfastly refused to disclose", "went on to explain", "won't be able to brag
    # about": an infinitive's cue is the verb group that governs it, as the text says it.
    verb = head
    while verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX", "ADJ") and (
        verb.dep_ in ("xcomp", "acomp") or verb.dep_ == "advcl" and verb.head.lemma_.lower() in GOING_ON
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        governor = verb.head
        stretch = range(governor.i, min(tokens))
        if any(i in content or i in source or doc[i].pos_ not in VERB_GROUP and doc[i].dep_ != "prt" for i in stretch):
            break  # words of its own between ("urging voters to ask"): not one verb group
        tokens.update(stretch)
        verb = governor
    if head.pos_ in ("VERB", "AUX"):
        head = verb
        k = min(tokens) - 1
        # (an adverb may modify another of the group: "is once again questioning")
        while k >= 0 and k not in content and (doc[k].head.i == head.i or doc[k].head.i in tokens) and (
            doc[k].dep_ in GROUP_DEPS
        ) and (
            doc[k].dep_ != "advmod" or doc[k].pos_ == "ADV" and doc[k].lower_ not in WH_WORDS | {"how", "when", "where", "why"}
        ):
            tokens.add(k)
            k -= 1
    # "said Monday", "said then", "isn't saying much": one word of when or how right after
    # the verb is part of the cue as written (longer phrases, "said in an interview", are not).
    verb_token = doc[frame.verb if frame.verb is not None else frame.cue[0]]
    after = max(tokens) + 1
    if after < len(doc) and after not in content and after not in source and verb_token.pos_ in ("VERB", "AUX"):
        token = doc[after]
        if token.head.i == verb_token.i and token.dep_ in ("npadvmod", "advmod", "tmod") and (
            token.n_lefts + token.n_rights == 0 and token.is_alpha
        ):
            tokens.add(after)
    after = max(tokens) + 1
    if after < len(doc) and after not in content and after + 1 in content:
        token = doc[after]
        if token.dep_ == "prep" and token.head.i == head.i and token.lower_ in CUE_PREPS:
            tokens.add(after)
    elif after < len(doc) and doc[after].lower_ in ("on", "upon") and doc[after].head.i == head.i and (
        head.lemma_.lower() == "call"
    ):
        tokens.add(after)  # "called on X to resign": the appeal is "called on"
    return sorted(tokens)


def _parenthetical_content(verb: Token) -> list[int]:
    """The clause around a parenthetical cue ("The plan, she said, was dead", "As the Times
    reported, the plan was dead"): the governing clause without the cue's own words."""
    head = verb.head
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return []
    if verb.dep_ == "advcl":
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            return []
    elif verb.dep_ != "parataxis":
        return []
    if not any(c.dep_ in SUBJECTS for c in verb.children):
        return []
    own = {t.i for t in verb.subtree}
    return [t.i for t in head.subtree if t.i not in own]


def _is_person(token: Token) -> bool:
    """A person or people named or described (a pronoun, a person's name, "a mother")."""
    return token.pos_ == "PRON" and token.lower_ not in ("it", "this", "that", "what", "which") or (
        token.ent_type_ == "PERSON"
    ) or token.lemma_.lower() in PERSON_NOUNS


def _is_listener(token: Token) -> bool:
    return token.pos_ in ("PRON", "PROPN") or token.ent_type_ in ("PERSON", "ORG", "NORP") or (
        token.lemma_.lower() in cues.PRESS_NOUNS
    )


def _according(token: Token) -> Frame | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    head = token.head
    if pobj is None or head.i == token.i:
        return None
    if head.dep_ == "relcl":
        return None  # "according to the CDC, which classifies …": the clause describes the source
    excluded = set(_subtree(token))
    content = [i for i in _subtree(head) if i not in excluded and not head.doc[i].is_punct]
    if not content:
        return None
    # A relative clause describes the source ("the board, which measures …"); it is not its name.
    described = {t.i for c in pobj.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    source = [i for i in _subtree(pobj) if i not in described]
    while source and head.doc[source[-1]].is_punct:
        source.pop()
    return Frame(cue=[token.i, to.i], content=content, source=source, source_head=pobj.i,
                 family="speech", verb=token.i)


def _noun_frame(noun: Token) -> Frame | None:
    preps = NOUN_PREPS.get(noun.lower_) or NOUN_PREPS.get(noun.lemma_.lower())
    if preps:
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps), None)
        pobj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep else None
        if prep is not None and pobj is None:
            # The parse may leave the object's words hanging from the preposition ("call for
            # “empathy and context”" with "empathy" as a modifier of "for").
            pobj = next((g for g in prep.children if not g.is_punct and g.i > prep.i), None)
        # A stance noun with its object ("his attacks on X", "questions about Y") reports an
        # attribution only when it carries the person's words in marks; bare, it is the
        # writer's summary far more often (measured on PolNeAR: about one in nine such cues
        # is an annotated attribution).
        if pobj is not None and any(t.text in QUOTE_MARK_TOKENS for t in prep.subtree):
            frame = Frame(cue=[noun.i, prep.i], content=_subtree(pobj), family="attitude", verb=noun.i)
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is not None:
                frame.source, frame.source_head = _subtree(owner), owner.i
            return frame
    clause = next(
        (c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
         and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)),
        None,
    )
    if clause is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    frame = Frame(cue=[noun.i], content=_subtree(clause), family="speech", verb=noun.i)
    if owner is not None:
        frame.source = _subtree(owner)
        frame.source_head = owner.i
    return frame


def _attach_source(frame: Frame, verb: Token, children: list[tuple[Token, str]] | None = None) -> None:
    """Find the source phrase of a verb frame, climbing to the governing verb when needed
    (``children``: the verb's with their dependency labels, when the caller has read them)."""
    current = verb
    for _ in range(4):
        if current is not verb or children is None:
            children = [(c, c.dep_) for c in current.children]  # read once for the rules below
        subjects = [c for c, dep in children if dep in ("nsubj", "nsubjpass")]
        if any(dep == "auxpass" for _, dep in children):
            agent = next((c for c, dep in children if dep == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if pobj is not None:
                frame.source, frame.source_head = _phrase(pobj), pobj.i
            return
        if subjects:
            subject = subjects[-1]
            if subject.lower_ in RELATIVE and current.dep_ == "relcl":
                head = current.head
                frame.source, frame.source_head = _phrase(head, exclude=current), head.i
            elif subject.lower_ not in WH_WORDS and subject.lower_ != "there":
                tokens = {i for s in subjects for i in _trim_source(s)}
                frame.source, frame.source_head = list(range(min(tokens), max(tokens) + 1)), subject.i
            return
        if current.dep_ in ("advcl", "xcomp", "conj", "pcomp") and current.head.i != current.i:
            parent = current.head
            if current.dep_ == "pcomp" and parent.dep_ == "prep":
                parent = parent.head  # "After calling X ..., West proceeded": West's act
            # "He said that X happened, adding ...": skip the clause the participle hangs
            # from when it is itself the content of a cue; the cue's subject is the source.
            if parent.dep_ == "ccomp" and parent.head.i < parent.i and cues.is_cue_lemma(parent.head.lemma_.lower()):
                parent = parent.head
            current = parent
            continue
        if current.dep_ in ("acl", "relcl") and current.head.pos_ in ("NOUN", "PROPN"):
            head = current.head
            # "X issued a statement saying ...", "the caption, which reads ...": the message's
            # author is the subject of the verb that governs the message.
            if head.lemma_.lower() in cues.MESSAGE_NOUNS and head.head.i != head.i and head.dep_ in ("dobj", "pobj"):
                governor = head.head if head.dep_ == "dobj" else head.head.head
                if governor.pos_ in ("VERB", "AUX"):
                    current = governor
                    continue
            frame.source, frame.source_head = _phrase(head, exclude=current), head.i
        return


def _phrase(head: Token, exclude: Token | None = None) -> list[int]:
    """The contiguous run of ``head``'s subtree around it, without ``exclude``'s subtree."""
    doc = head.doc
    members = {t.i for t in head.subtree}
    if exclude is not None:
        members -= {t.i for t in exclude.subtree}
    run = [head.i]
    while run[0] - 1 in members:
        run.insert(0, run[0] - 1)
    while run[-1] + 1 in members:
        run.append(run[-1] + 1)
    while run and doc[run[-1]].is_punct:
        run.pop()
    while run and doc[run[0]].is_punct:
        run.pop(0)
    return run


def _trim_source(subject: Token) -> list[int]:
    """The subject's phrase: never across its verb, and whole over hyphenated words."""
    doc = subject.doc
    verb = subject.head
    tokens = _subject_run(subject, verb)
    # "Former View co-host Rosie O'Donnell": the parse may stop at a hyphen.
    while tokens[0] > 0 and (doc[tokens[0] - 1].text == "-" or doc[tokens[0]].text == "-") and (
        doc[tokens[0] - 1].pos_ in ("NOUN", "PROPN", "ADJ", "PUNCT")
    ):
        tokens.insert(0, tokens[0] - 1)
    end = tokens[-1]
    while end + 1 < verb.i and (doc[end + 1].text == "-" or doc[end].text == "-" or (
        doc[end + 1].pos_ == "PROPN" and not doc[end].whitespace_ == "" and doc[end + 1].head.i in tokens
    )):
        end += 1
        tokens.append(end)
    while tokens and doc[tokens[-1]].is_punct and doc[tokens[-1]].text not in (".",):
        tokens.pop()
    while tokens and doc[tokens[0]].is_punct:
        tokens.pop(0)
    return tokens


def _subject_run(subject: Token, verb: Token) -> list[int]:
    """The run of the subject's phrase that holds the subject, on its side of the verb."""
    if not subject.n_lefts and not subject.n_rights:
        return [subject.i]  # a bare word (most subjects: "he", "Trump"): no phrase to read
    # Relative and participial clauses describe the source; they are not its name
    # ("one source who spoke on condition of anonymity").
    dropped = {t.i for c in subject.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    members = {i for i in _subtree(subject) if (i < verb.i) == (subject.i < verb.i) and i not in dropped}
    run = [subject.i]
    while run[0] - 1 in members:
        run.insert(0, run[0] - 1)
    while run[-1] + 1 in members:
        run.append(run[-1] + 1)
    return run


def _subtree(token: Token) -> list[int]:
    return [t.i for t in token.subtree]


def _untangle(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """Give every word to one attribution.

    A frame whose cue lies inside another frame's content is usually part of what was said
    ("he said the attack was targeting civilians"): it is dropped. The exception is a
    participle tacked on after a comma ("Chance tweeted that ..., saying Kanye ..."), a second
    attribution of the same source: the outer content then stops before it.
    """
    frames.sort(key=lambda f: f.cue[0])
    cue_starts = [f.cue[0] for f in frames]
    dropped: set[int] = set()
    for outer in frames:
        if id(outer) in dropped:
            continue
        own = set(outer.content)
        cut = False
        # only frames whose cue lies within the content's extent can be inside it
        start, end = outer.content_range
        for inner in frames[bisect_left(cue_starts, start):bisect_left(cue_starts, end)]:
            if inner is outer or id(inner) in dropped or inner.cue[0] not in own:
                continue
            verb = doc[inner.cue[0]]
            previous = doc[verb.i - 1] if verb.i > 0 else verb
            tacked_on = verb.tag_ == "VBG" and previous.text in (",", "—", "–")
            coordinated = previous.lower_ in ("and", "but") or verb.dep_ == "conj"
            if (tacked_on or coordinated) and inner.family == "speech":
                own -= set(inner.cue) | set(inner.content) | set(inner.source)
                cut = True
            else:
                dropped.add(id(inner))
        if cut:
            outer.content = _first_run(sorted(own), outer)
    return [f for f in frames if f.content and id(f) not in dropped]


def _first_run(indices: list[int], frame: Frame) -> list[int]:
    """The contiguous run of content tokens nearest the cue (gaps of punctuation allowed)."""
    if not indices:
        return []
    cue = frame.cue[0]
    first, last = min(consecutive_runs(indices), key=lambda r: min(abs(r[0] - cue), abs(r[1] - cue)))
    return list(range(first, last + 1))


def consecutive_runs(ordered: list[int]) -> list[tuple[int, int]]:
    """The first and last of each run of consecutive numbers in a sorted list."""
    found: list[tuple[int, int]] = []
    for i in ordered:
        if found and i == found[-1][1] + 1:
            found[-1] = (found[-1][0], i)
        else:
            found.append((i, i))
    return found
