"""Person mentions in one article: names, handles, and the descriptions attached to names.

The statistical NER of a small model is noisy on news about people (it reads "Legend" as an
organisation and joins a URL to the name after it), so names are cleaned here: edges that are
not name words are trimmed, a name is extended over adjacent proper nouns ("Teigen" ->
"Chrissy Teigen"), and titles ("President", "Dr.") become descriptions rather than part of the
name. Grouping mentions into people across a story is :mod:`newsprism.story.people`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.model import Article, Mention, Span
from newsprism.stages import document_stage

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

# Words that precede names as titles; they describe the person and are not part of the name.
TITLES = frozenset(
    """mr mrs ms miss mx dr prof sir dame lord lady president vice senator sen rep representative
    gov governor mayor judge justice secretary minister chancellor premier king queen prince
    princess pope rev reverend father sister general gen col colonel capt captain lt sgt officer
    chief director coach speaker ambassador attorney"""
    .split()
)
# Words that open the names of saints, whose names in the news are of churches, schools and
# places ("St Brendan's school", "St. Louis"), not of people acting in the story.
SAINTS = frozenset({"st", "saint", "ste"})
# Lower-case words allowed inside names: "Chance the Rapper", "Ludwig van Beethoven".
PARTICLES = frozenset("the of van von der de del della da di le la du al el bin ibn y".split())
# Capitalised words the NER takes for people that name platforms or are not names at all.
NOT_NAMES = frozenset(
    """twitter facebook instagram youtube tiktok snapchat reddit linkedin whatsapp threads
    bluesky mastodon google apple netflix maga nah yeah yo hey oh ok okay lol omg thanks
    breaking watch read""".split()
)

# "Display Name (@handle)": how posts and sign-offs pair a name with its handle.
DISPLAY_HANDLE = re.compile(
    r"(?P<name>[^\s()\[\]—–\-@:|][^()\[\]\n—–|@:]{0,60}?)\s*\(\s*@(?P<handle>\w{1,30})\s*\)"
)
HANDLE_IN_PARENS = re.compile(r"\(\s*@\w{1,30}\s*\)")
# The mark first, what may not precede it checked after it: a pattern that opens with a
# lookbehind is tried at every character of the text, one that opens with "@" only at each "@".
HANDLE = re.compile(r"@(?<![\w@/.]@)(?P<handle>\w{1,30})\b")
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def is_name_word(word: str) -> bool:
    """A word that can be part of a person's name: capitalised, an initial, or a particle."""
    if word.lower() in PARTICLES:
        return True
    stripped = POSSESSIVE.sub("", word)
    return bool(stripped) and stripped[0].isupper() and not any(c.isdigit() for c in stripped)


def clean_name(words: list[str]) -> list[str]:
    """Trim a name's words: no titles in front, no particles at the edges, no possessive."""
    while words and (words[0].lower().rstrip(".") in TITLES or words[0].lower() in PARTICLES):
        words = words[1:]
    while words and words[-1].lower() in PARTICLES:
        words = words[:-1]
    if words:
        words = [*words[:-1], POSSESSIVE.sub("", words[-1])]
    return [w for w in words if w]


@document_stage("mentions")
def find_mentions(doc: Doc, article: Article, results, options) -> list[Mention]:
    """Names, handles and descriptions of people in one parsed article."""
    mentions: list[Mention] = []
    taken: set[int] = set()  # character offsets already inside a mention

    for match in _display_handles(article.text):
        name = _display_name(match.group("name"))
        handle_start = match.start("handle") - 1
        mentions.append(_mention(article, "handle", handle_start, match.end("handle"),
                                 name=name))
        if name:
            start = match.start("name") + match.group("name").rfind(name)
            mentions.append(_mention(article, "name", start, start + len(name), name=name))
            taken.update(range(start, start + len(name)))
        taken.update(range(handle_start, match.end("handle")))

    for match in HANDLE.finditer(article.text):
        if match.start() not in taken:
            mentions.append(_mention(article, "handle", match.start(), match.end()))

    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start_char in taken:
            continue
        span = _name_span(ent, article.text)
        if span is None:
            continue
        start, end = span
        if start in taken:
            continue
        text = article.text[start:end]
        mentions.append(_mention(article, "name", start, end, name=POSSESSIVE.sub("", text)))
        taken.update(range(start, end))
        description = _description(doc, ent, start)
        if description is not None:
            d_start, d_end = description
            mentions.append(_mention(article, "description", d_start, d_end,
                                     name=POSSESSIVE.sub("", text)))
    mentions.extend(_speaking_names(doc, article, taken))
    mentions.extend(_name_word_mentions(article, mentions, taken))
    mentions.sort(key=lambda m: (m.span.start, m.kind))
    return mentions


def _speaking_names(doc: Doc, article: Article, taken: set[int]) -> list[Mention]:
    """Two or three proper nouns that are the subject of a verb of saying ("Ana Ortiz said"),
    when the NER left them out: who speaks is nearly always a person or an organisation, and
    the NER's own organisation and place labels keep the latter out."""
    from newsprism.extract.cues import SPEECH

    from spacy import symbols  # here: the story modules that import this one need no spaCy
    from spacy.attrs import POS

    found = []
    # proper nouns found on the array of parts of speech: a token object for every word of
    # the article cost more than the rest of the search
    for i in (doc.to_array(POS) == symbols.PROPN).nonzero()[0].tolist():
        token = doc[i]
        if token.dep_ != "nsubj" or token.idx in taken:
            continue
        if token.head.lemma_.lower() not in SPEECH or token.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "LOC"):
            continue
        first = token.i
        while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].pos_ == "PROPN":
            first -= 1
        words = doc[first:token.i + 1]
        if not 2 <= len(words) <= 3 or not all(_name_token(t) for t in words):
            continue
        if any(t.lower_.rstrip(".") in TITLES for t in words[:1]):
            continue
        start, end = words.start_char, words.end_char
        if any(i in taken for i in range(start, end)):
            continue
        found.append(_mention(article, "name", start, end, name=words.text))
        taken.update(range(start, end))
    return found


def _name_word_mentions(article: Article, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """Further occurrences of the first or last word of a full name found in this article.

    The small model's NER misses many repeats ("Legend" read as an organisation, "West" as a
    direction): once "John Legend" is named, a capitalised "Legend" elsewhere in the same
    article is a mention too, unless a determiner makes it a common noun ("the West").
    """
    words: set[str] = set()
    for mention in mentions:
        if mention.kind == "name" and mention.name:
            parts = [w for w in mention.name.split() if w.lower() not in PARTICLES]
            if len(parts) >= 2:
                words.update(w for w in (parts[0], parts[-1]) if len(w) > 1 and w.lower() not in NOT_NAMES
                             and w.lower().rstrip(".") not in TITLES)
    if not words:
        return []
    pattern = re.compile(
        "(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?:'s|’s)?(?![\w@-])"
    )
    found = []
    for match in _not_after(pattern, _NAME_BOUNDARY, article.text):
        start, end = match.start(1), match.end(1)
        if start in taken or re.search(r"\b(the|a|an)\s+$", article.text[max(0, start - 5):start], re.I):
            continue
        found.append(_mention(article, "name", start, end, name=match.group(1)))
        taken.update(range(start, end))
    return found


# A name word does not go on a word, a handle, a path, a domain or a hyphenated word.
_NAME_BOUNDARY = re.compile(r"[\w@/.#-]")


def _not_after(pattern: re.Pattern[str], boundary: re.Pattern[str], text: str):
    """The matches of ``(?<!boundary)`` + ``pattern`` in ``text``, as ``finditer`` finds them.

    The words open the pattern, so ``re`` skips ahead to their first letters; with the
    lookbehind first it tried the pattern at every character.
    """
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        start = match.start()
        if start > 0 and boundary.match(text, start - 1):
            pos = start + 1  # no match starts here: go on from the next character
            continue
        yield match
        pos = match.end()


def _display_handles(text: str):
    """Matches of DISPLAY_HANDLE, searched only just before each "(@handle)" (scanning the
    whole text with the pattern costs as much as the rest of the stage)."""
    last = 0
    for anchor in HANDLE_IN_PARENS.finditer(text):
        if anchor.start() < last:
            continue
        match = DISPLAY_HANDLE.search(text, max(last, anchor.start() - 100), anchor.end())
        if match is not None and match.end() == anchor.end():
            last = match.end()
            yield match


def _mention(article: Article, kind: str, start: int, end: int, name: str | None = None) -> Mention:
    text = article.text[start:end]
    return Mention(kind=kind, text=text, span=Span(article.id, start, end, text), name=name)


def _display_name(raw: str) -> str | None:
    """The name part of "… — Display Name" before a handle: the last run of name words."""
    words = raw.split()
    run: list[str] = []
    for word in reversed(words):
        if not is_name_word(word) or word.startswith(("http", "pic.")):
            break
        run.insert(0, word)
    run = clean_name(run)[-5:]
    if not run or all(w.lower() in PARTICLES for w in run):
        return None
    name = " ".join(run)
    return name if name.lower() not in NOT_NAMES else None


def _name_span(ent: SpacySpan, text: str) -> tuple[int, int] | None:
    """Character span of the cleaned name inside (or around) a PERSON entity, or None
    (``text``: the document's text, which ``Doc.text`` would rebuild from every token)."""
    tokens = list(ent)
    while tokens and not _name_token(tokens[0]):
        tokens.pop(0)
    while tokens and not _name_token(tokens[-1]):
        tokens.pop()
    while tokens and tokens[0].lower_.rstrip(".") in TITLES:
        tokens.pop(0)
    if not tokens or tokens[0].lower_.rstrip(".") in SAINTS:
        return None  # "St Brendan's school", "Saint Mary's": an institution or place
    doc = ent.doc
    if _leading_role_word(doc, text, tokens):
        tokens.pop(0)
    # Extend over adjacent proper nouns the NER left out ("Chrissy" before "Teigen").
    first, last = tokens[0].i, tokens[-1].i
    while first > 0 and _extends_name(doc[first - 1]):
        first -= 1
    while last + 1 < len(doc) and _extends_name(doc[last + 1]) and doc[last].whitespace_:
        last += 1
    if first == last and (doc[first].text.lower() in NOT_NAMES or doc[first].pos_ == "INTJ"):
        return None
    if first == last and first > 0 and doc[first - 1].lower_ in ("the", "a", "an"):
        return None  # "the Famous rapper", "from the Vmas": not a person's name
    start = doc[first].idx
    end = doc[last].idx + len(doc[last])
    name = POSSESSIVE.sub("", text[start:end])
    return (start, start + len(name)) if name else None


def _leading_role_word(doc: Doc, text: str, tokens: list[Token]) -> bool:
    """Whether the first word of a name is a capitalised role starting the sentence
    ("Campaigner Theo Okafor said"): the NER takes it into the name, but the article names the
    person elsewhere without it, which a first name never lacks (``text``: the doc's)."""
    if len(tokens) < 3 or not tokens[0].is_sent_start or tokens[1].lower_ in PARTICLES:
        return False
    rest = text[tokens[1].idx:tokens[-1].idx + len(tokens[-1])]
    word = re.escape(tokens[0].text)
    pattern = re.compile(r"(?<!" + word + r" )(?<![\w@])" + re.escape(rest) + r"(?!\w)")
    return any(m.start() != tokens[1].idx for m in pattern.finditer(text))


def _name_token(token: Token) -> bool:
    return is_name_word(token.text) and not token.like_url and token.text.lower() not in NOT_NAMES


def _extends_name(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.text.lower().rstrip(".") not in TITLES
        and token.text.lower() not in NOT_NAMES
        and token.ent_type_ in ("", "PERSON")
        and not token.is_sent_start
    )


def _description(doc: Doc, ent: SpacySpan, name_start: int) -> tuple[int, int] | None:
    """The role or epithet attached to a name, as a character span, or None.

    Either the words right before the name that describe it ("White House press secretary
    Sarah Sanders", "Guardians of the Galaxy director James Gunn") or a noun phrase the name
    stands in apposition to ("Legend's wife, Chrissy Teigen").
    """
    first = ent.start
    while first < ent.end and doc[first].idx < name_start:
        first += 1
    run = _title_run(doc, first)
    if run is not None:
        return run
    root = ent.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < first:
        head = root.head
        tokens = [t for t in head.subtree if t.i <= head.i]
        # Stay within the line and after any link or punctuation the parse pulled in.
        for k in range(len(tokens) - 1, -1, -1):
            if tokens[k].like_url or "\n" in tokens[k].whitespace_ or (
                tokens[k].pos_ == "PUNCT" and tokens[k].text not in ("'s", "’s", "-")
            ):
                tokens = tokens[k + 1:]
                break
        while tokens and tokens[0].pos_ in ("DET", "PUNCT", "CCONJ"):
            tokens = tokens[1:]
        if tokens:
            return tokens[0].idx, head.idx + len(head.text)
    return _appositive_after(doc, root)


_CLAUSES = frozenset({"relcl", "acl", "appos", "cc", "conj", "punct"})


def _appositive_after(doc: Doc, root: Token) -> tuple[int, int] | None:
    """A noun phrase in apposition after the name ("Theo Okafor, a campaigner for the
    terraces, said"), without the clauses that tell more ("who has lived there for years")."""
    after = root.i + 1
    if after >= len(doc) or doc[after].text != ",":
        return None  # without the comma it is a reading of run-on text, not an apposition
    for child in root.rights:
        if child.dep_ != "appos" or child.pos_ != "NOUN" or child.ent_type_:
            continue
        kept = [t for t in child.subtree
                if not any(a.dep_ in _CLAUSES for a in _path_up(t, child))]
        while kept and kept[0].pos_ in ("DET", "PUNCT"):
            kept.pop(0)
        while kept and kept[-1].pos_ in ("PUNCT", "ADP", "CCONJ", "DET"):
            kept.pop()
        if kept and all("\n" not in t.whitespace_ for t in kept[:-1]):
            return kept[0].idx, kept[-1].idx + len(kept[-1].text)
    return None


def _path_up(token: Token, top: Token) -> list[Token]:
    """The tokens from ``token`` up to (not including) ``top`` in the parse."""
    path = []
    while token.i != top.i and token.head.i != token.i:
        path.append(token)
        token = token.head
    return path


_RUN_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "CCONJ", "DET", "ADP", "PART", "PUNCT"})
_NOT_DESCRIBING = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _title_run(doc: Doc, first: int, limit: int = 8) -> tuple[int, int] | None:
    """The descriptive words right before token ``first``, ending in a noun."""
    i = first - 1
    tokens: list[Token] = []
    while i >= 0 and len(tokens) < limit:
        token = doc[i]
        if token.pos_ not in _RUN_POS or token.ent_type_ in _NOT_DESCRIBING:
            break
        if token.pos_ == "PUNCT" and not _inner_punct(doc, token):
            break
        if token.pos_ == "ADP" and token.lower_ != "of":
            break
        if token.pos_ == "DET" and token.lower_ != "the":
            break
        if token.pos_ == "PART" and token.text not in ("'s", "’s"):
            break
        tokens.insert(0, token)
        if token.is_sent_start:
            break
        i -= 1
    # A person inside the run, or names joined by "and", end the description there:
    # "thank Chance and Dr. Darrell Scott" does not describe Scott as "Chance and Dr.".
    for k in range(len(tokens) - 1, -1, -1):
        token = tokens[k]
        if token.ent_type_ == "PERSON" or (
            token.pos_ == "CCONJ" and k > 0 and tokens[k - 1].pos_ == "PROPN"
        ):
            tokens = tokens[k + 1:]
            break
    while tokens and (tokens[0].pos_ in ("CCONJ", "DET", "ADP", "PUNCT", "PART")):
        tokens.pop(0)
    if not tokens or not (tokens[-1].pos_ in ("NOUN", "PROPN") or _hyphen_joined(tokens)):
        return None
    if all(t.pos_ == "PROPN" for t in tokens) and not any(t.lower_.rstrip(".") in TITLES for t in tokens):
        return None  # a run of names ("Kanye West John Legend") describes nothing
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _hyphen_joined(tokens: list[Token]) -> bool:
    """The run ends in a hyphenated word ("co-host"), whatever the tagger made of its end."""
    return len(tokens) >= 3 and tokens[-2].text == "-" and not tokens[-3].whitespace_


def _inner_punct(doc: Doc, token: Token) -> bool:
    """A hyphen or period inside a word ("co-host", "U.S."), not a separator."""
    if token.text not in ("-", ".", "'", "’"):
        return False
    before = doc[token.i - 1] if token.i > 0 else None
    return before is not None and not before.whitespace_ and not token.whitespace_
