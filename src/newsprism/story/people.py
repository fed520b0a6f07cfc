"""One person across a story: grouping name, handle and description mentions.

Full names (two or more name words) anchor people; forms that differ only in case, titles,
middle initials or suffixes ("Donald J. Trump", "KANYE WEST") join the same anchor. Then:

* a surname alone ("West") joins the anchor with that surname anywhere in the story; a first
  name alone ("Kanye") only one named in the same article, since first names are shared
  widely ("James" in a quotation is not James Gunn of another article);
* every further occurrence of a known surname or first name in the text is found, whatever the
  NER labelled it ("Legend" as an organisation);
* a handle joins the person whose display name it follows ("KANYE WEST (@kanyewest)") or whose
  name it spells ("@realDonaldTrump");
* a short form of a unique first name ("Ye" for "Kanye") and initials ("JL" for "John
  Legend") join as aliases only when exactly one person fits.

Names that fit no anchor stay people of their own; nothing is merged on a guess between two
candidates.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from newsprism.extract.mentions import PARTICLES, POSSESSIVE, TITLES
from newsprism.model import Article, Description, Mention, Person, Span
from newsprism.offsets import RangeUnion
from newsprism.options import Options
from newsprism.regex_starts import StartIndex, ascii_folded, finditer_at, folds_apart, longest_first
from newsprism.stages import StoryInput, story_stage

SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
# All-capital words that are almost always acronyms, never someone's initials.
ACRONYMS = frozenset(
    """US UK UN EU TV AP PM AM OK ID IT CEO CFO FBI CIA NSA NFL NBA NHL MLB GOP DNC RNC CBS CNN NBC
    ABC BBC NYC LA DC NY VP MP HQ PR AI OMG LOL USA UAE FAQ DIY ICE DOJ EPA FDA CDC WHO NASA NATO
    RIP ASAP BTW FYI IMO TBH""".split()
)


def name_words(name: str) -> list[str]:
    """Words of a name without titles, initials, suffixes or possessives, in reading case."""
    words = [POSSESSIVE.sub("", w) for w in name.split()]
    words = [w for w in words if w]
    while words and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    kept = [w for w in words if not _is_initial(w) and w.lower() not in SUFFIXES]
    return [w.capitalize() if w.isupper() and len(w) > 2 else w for w in kept]


@lru_cache(maxsize=4096)
def _form_words(form: str) -> tuple[str, ...]:
    # Asked for every group again and again while people are matched; forms repeat.
    return tuple(name_words(form))


def name_key(name: str) -> tuple[str, ...]:
    """What two forms of one full name share: first and last word, case-folded."""
    words = [w.casefold() for w in _form_words(name)]
    return (words[0], words[-1]) if len(words) >= 2 else tuple(words)


def _particles_lower(name: str) -> bool:
    return all(w.islower() for w in name.split() if w.lower() in PARTICLES)


def _is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?", word))


@dataclass
class _Group:
    key: tuple[str, ...]
    forms: Counter = field(default_factory=Counter)
    handles: dict[str, int] = field(default_factory=dict)
    evidence: list[Span] = field(default_factory=list)
    descriptions: dict[str, list[Span]] = field(default_factory=dict)
    articles: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    # The best form, kept until a form is added: every later step asks for every group's
    # words again and again (for each single name, description and handle).
    _best: str | None = field(default=None, repr=False, compare=False)

    @property
    def words(self) -> tuple[str, ...]:
        return _form_words(self.best_form)

    @property
    def best_form(self) -> str:
        # Prefer forms in reading case (not shouted in capitals, particles in lower case),
        # then the most frequent, then the longest.
        if self._best is None:
            self._best = max(self.forms, key=lambda f: (not f.isupper(), _particles_lower(f), self.forms[f], len(f)))
        return self._best

    def add_form(self, form: str) -> None:
        """Count one more occurrence of the name form ``form``."""
        self.forms[form] += 1
        self._best = None

    def add(self, mention: Mention, form: str | None = None) -> None:
        self.evidence.append(mention.span)
        self.articles.add(mention.span.article_id)
        surface = form if form is not None else POSSESSIVE.sub("", mention.text)
        if surface:
            self.aliases.add(surface)


@story_stage("people")
def group_people(story: StoryInput, options: Options) -> tuple[Person, ...]:
    """The story's people, each with aliases, handles, descriptions and every mention."""
    per_article = [(a, m or []) for a, m in story.document_results("mentions")]
    groups: dict[tuple[str, ...], _Group] = {}

    # 1. Full names anchor people.
    for article, mentions in per_article:
        for mention in mentions:
            if mention.kind == "name" and len(_form_words(mention.name or mention.text)) >= 2:
                key = name_key(mention.name or mention.text)
                group = groups.setdefault(key, _Group(key))
                group.add_form(POSSESSIVE.sub("", mention.name or mention.text))
                group.add(mention)
    full_by_word = _index_words(groups)

    # 2. Single names: surnames story-wide, first names within the article.
    singles: dict[str, _Group] = {}
    # Which full names each article holds, gathered once (an article's turn only adds itself).
    keys_of = _keys_by_article(groups)
    for article, mentions in per_article:
        in_article = keys_of.get(article.id, set())
        for mention in mentions:
            if mention.kind != "name":
                continue
            words = _form_words(mention.name or mention.text)
            if len(words) != 1:
                continue
            target = _resolve_single(words[0], in_article, groups, full_by_word)
            if target is not None:
                target.add(mention)
                continue
            key = (words[0].casefold(),)
            group = singles.setdefault(key, _Group(key))
            group.add_form(words[0])
            group.add(mention)

    # 3. Further occurrences of known name words that the NER missed.
    keys_of = _keys_by_article(groups)
    evidence_of: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for group in groups.values():
        for span in group.evidence:
            evidence_of[span.article_id].append((span.start, span.end))
    story_words = _StoryWords(full_by_word)
    for article, mentions in per_article:
        _scan_name_words(article, mentions, groups, full_by_word, keys_of.get(article.id, set()),
                         evidence_of.get(article.id, []), story_words)

    # Short forms of first names ("Ye" for "Kanye") fold into the one person they fit.
    first_names = _first_names(groups)
    for key, single in list(singles.items()):
        target = _unique_short_form(key[0], first_names)
        if target is not None:
            for span in single.evidence:
                target.evidence.append(span)
            target.aliases.update(single.aliases)
            del singles[key]
    groups.update(singles)

    # 4. Handles and descriptions.
    by_word = _groups_by_word(groups)
    for article, mentions in per_article:
        for mention in mentions:
            if mention.kind == "handle":
                _attach_handle(mention, groups, by_word, article)
            elif mention.kind == "description":
                target = _group_for_name(mention.name or "", groups, by_word, article)
                if target is not None:
                    target.descriptions.setdefault(_normal_description(mention.text), []).append(mention.span)

    # 5. Initials ("JL") of exactly one person.
    by_initials = _by_initials(groups)
    for article, _ in per_article:
        _scan_initials(article, by_initials, options)

    return _people(groups)


def _index_words(groups: dict[tuple[str, ...], _Group]) -> dict[str, dict[str, set]]:
    index: dict[str, dict[str, set]] = {"first": defaultdict(set), "last": defaultdict(set)}
    for key, group in groups.items():
        words = [w for w in group.words if w.lower() not in PARTICLES]
        if not words:
            continue
        index["first"][words[0].casefold()].add(key)
        if len(words) > 1:
            index["last"][words[-1].casefold()].add(key)
    return index


def _keys_by_article(groups: dict[tuple[str, ...], _Group]) -> dict[str, set[tuple[str, ...]]]:
    keys: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for key, group in groups.items():
        for article_id in group.articles:
            keys[article_id].add(key)
    return keys


def _resolve_single(word: str, in_article: set, groups, full_by_word) -> _Group | None:
    folded = word.casefold()
    for role, scope in (("last", None), ("first", in_article)):
        keys = full_by_word[role].get(folded, set())
        if scope is not None:
            keys = keys & scope
        if len(keys) == 1:
            return groups[next(iter(keys))]
        if len(keys) > 1:
            local = keys & in_article
            if len(local) == 1:
                return groups[next(iter(local))]
            return None  # two people share the name here: do not guess
    return None


class _StoryWords:
    """The folded name words of a story's people, and the patterns that find them, kept for
    all of the story's articles: every article is scanned with the pattern of all of them
    (see :func:`_word_matches`), which, with whether its words fold apart, is the story's."""

    def __init__(self, full_by_word) -> None:
        self.last = frozenset(full_by_word["last"])
        self.every = self.last | frozenset(full_by_word["first"])
        self.apart = folds_apart(self.every)
        self._patterns: dict[frozenset[str], re.Pattern[str]] = {}

    def pattern(self, words: frozenset[str]) -> re.Pattern[str]:
        """The pattern of name words ``words``: a possessive may follow, no word goes on."""
        if words not in self._patterns:
            self._patterns[words] = re.compile(
                r"(?<![\w@/.#-])(" + longest_first(words, ignorecase=True) + r")(?:'s|’s)?(?![\w@-])")
        return self._patterns[words]


def _scan_name_words(article: Article, mentions: list[Mention], groups, full_by_word, in_article: set,
                     evidence: list[tuple[int, int]], story_words: _StoryWords) -> None:
    """Occurrences of the name words of ``groups`` in ``article`` outside its mentions and
    ``evidence`` (the article's spans already given to a person), given to their person."""
    covered = RangeUnion([(m.span.start, m.span.end) for m in mentions if m.kind in ("name", "handle")] + evidence)
    found: list[tuple[int, int]] = []
    words = story_words.last | {w for w, keys in full_by_word["first"].items() if keys & in_article}
    if not words:
        return
    for start, end in _word_matches(article.text, words, story_words):
        surface = article.text[start:end]
        if not (surface[0].isupper()) or start in covered or any(s <= start < e for s, e in found):
            continue
        if _follows_article_word(article.text, start):
            continue
        target = _resolve_single(surface, in_article, groups, full_by_word)
        if target is None:
            continue
        span = Span(article.id, start, end, surface)
        target.evidence.append(span)
        target.articles.add(article.id)
        target.aliases.add(surface)
        found.append((start, end))


def _word_matches(text: str, words: set[str] | frozenset[str], story_words: _StoryWords) -> list[tuple[int, int]]:
    """Where in ``text`` the pattern of ``words`` (folded name words) matches a name word.

    Building and compiling the alternation of a large story's name words costs more than
    scanning an article with it, and only the first names differ from article to article. So
    the pattern of every name word of the story is built once and scans each article; where
    it matches a word that is not one of the article's ``words`` (another article's first
    name), the article's own pattern, which tries a subset of the same alternatives in the
    same order (longest first), would match the longest of the article's words that fits
    there, or nothing: :func:`_own_word_at` finds it. Anywhere else the two match alike.
    Both search the text's ASCII folded copy (see :func:`~newsprism.regex_starts.longest_first`),
    only where a name word can start (:mod:`newsprism.regex_starts`).
    """
    folded = ascii_folded(text)
    starts = StartIndex(folded)  # the patterns' lookbehind excludes at least its boundary
    pattern = story_words.pattern(story_words.every)
    if len(words) == len(story_words.every):
        return [m.span(1) for m in finditer_at(pattern, starts)]
    if not story_words.apart:  # the pattern ignores case: which word it matched is unknown
        spans = [m.span(1) for m in finditer_at(pattern, starts)]
        if all(_folds_to(text[start:end], words) for start, end in spans):
            return spans
        return [m.span(1) for m in finditer_at(story_words.pattern(frozenset(words)), starts)]
    lengths = sorted({len(w) for w in words}, reverse=True)
    spans, pos = [], 0
    while (match := next(finditer_at(pattern, starts, pos), None)) is not None:
        start, end = match.span(1)
        if folded[start:end] in words:  # the trie matches with case: the word is the text
            spans.append((start, end))
            pos = match.end()
        elif (own := _own_word_at(folded, start, words, lengths)) is not None:
            spans.append((start, own[0]))
            pos = own[1]
        else:
            pos = start + 1
    return spans


# What may not follow a name word (the patterns' closing lookahead).
_WORD_GOES_ON = re.compile(r"[\w@-]")


def _own_word_at(folded: str, start: int, words: set[str], lengths: list[int]) -> tuple[int, int] | None:
    """Where the longest of ``words`` (of the given lengths, longest first) that a name-word
    pattern matches at ``start`` of ``folded`` ends, and where the match ends (after a
    possessive); None when none does. The pattern's lookbehind holds at ``start``."""
    for length in lengths:
        end = start + length
        if folded[start:end] not in words:
            continue
        if folded.startswith(("'s", "’s"), end) and not _WORD_GOES_ON.match(folded, end + 2):
            return end, end + 2
        if not _WORD_GOES_ON.match(folded, end):
            return end, end
    return None


def _folds_to(surface: str, words: set[str]) -> bool:
    """Whether ``surface`` is, letter for letter, the case variant of one of ``words``."""
    folded = surface.casefold()
    return folded in words and folded == surface.lower() and len(folded) == len(surface)


def _follows_article_word(text: str, start: int) -> bool:
    """'the West', 'a Legend': a determiner before a capitalised word makes it a common noun."""
    before = text[max(0, start - 5):start].lower()
    return bool(re.search(r"\b(the|a|an)\s+$", before))


def _first_names(groups) -> list[tuple[str, int, _Group]]:
    """The first name of each full name's group (folded, and its length as written), read
    once for every single name that may be a short form of one."""
    return [(g.words[0].casefold(), len(g.words[0]), g) for g in groups.values()
            if len(g.key) >= 2 and len(g.words) >= 2]


def _unique_short_form(word: str, first_names: list[tuple[str, int, _Group]]) -> _Group | None:
    if len(word) < 2:
        return None
    fits = [
        g for first, length, g in first_names
        if first != word and length > len(word) and (first.endswith(word) or first.startswith(word))
    ]
    return fits[0] if len(fits) == 1 else None


def _attach_handle(mention: Mention, groups, by_word, article: Article) -> None:
    handle = mention.text if mention.text.startswith("@") else "@" + mention.text
    target = None
    if mention.name:
        target = _group_for_name(mention.name, groups, by_word, article)
    if target is None:
        target = _group_for_handle(handle, groups)
    if target is None:
        return
    target.handles[handle] = target.handles.get(handle, 0) + 1
    target.evidence.append(mention.span)
    target.articles.add(article.id)


def _groups_by_word(groups) -> dict[str, list[_Group]]:
    """The groups (in order) whose name holds each word, folded: read once for all of the
    story's handles and descriptions instead of every group's words for each."""
    by_word: dict[str, list[_Group]] = defaultdict(list)
    for group in groups.values():
        for word in dict.fromkeys(w.casefold() for w in group.words):
            by_word[word].append(group)
    return by_word


def _group_for_name(name: str, groups, by_word: dict[str, list[_Group]], article: Article) -> _Group | None:
    """The group of a full ``name``, or the one group whose name holds a single-word ``name``
    (the one of ``article`` where several do); ``by_word`` is :func:`_groups_by_word`."""
    words = _form_words(name)
    if not words:
        return None
    if len(words) >= 2:
        return groups.get(name_key(name))
    fits = by_word.get(words[0].casefold(), [])
    local = [g for g in fits if article.id in g.articles]
    if len(local) == 1:
        return local[0]
    return fits[0] if len(fits) == 1 else None


def _group_for_handle(handle: str, groups) -> _Group | None:
    """The one person whose name the handle spells (``@realDonaldTrump`` -> Donald Trump)."""
    letters = re.sub(r"[^a-z]", "", handle.lower())
    fits = [
        g for g in groups.values()
        if len(g.words) >= 2 and re.sub(r"[^a-z]", "", "".join(g.words).casefold()) in letters
    ]
    return fits[0] if len(fits) == 1 else None


def _by_initials(groups) -> dict[str, list[_Group]]:
    by_initials: dict[str, list[_Group]] = defaultdict(list)
    for group in groups.values():
        words = [w for w in group.words if w.lower() not in PARTICLES]
        if len(words) >= 2:
            by_initials["".join(w[0].upper() for w in words)].append(group)
    return by_initials


def _scan_initials(article: Article, by_initials: dict[str, list[_Group]], options: Options) -> None:
    pattern = _initials_pattern(options.people.min_initials, options.people.max_initials)
    if pattern is None:
        return
    for match in pattern.finditer(article.text):
        initials = match.group(1)
        fits = by_initials.get(initials, [])
        if initials in ACRONYMS or len(fits) != 1:
            continue
        target = fits[0]
        span = Span(article.id, match.start(1), match.end(1), initials)
        target.evidence.append(span)
        target.aliases.add(initials)


def _initials_pattern(low: int, high: int) -> re.Pattern[str] | None:
    """All-capital tokens of ``low`` to ``high`` letters that follow no word character (nor
    "@", "#" or "/"); None when no token can have a letter.

    The pattern opens with the first capital and tests what precedes it after it: ``re``
    then skips ahead to the capitals in C, where a pattern opening with the lookbehind is
    tried at every character of the text. Tokens of no letter, which the plain pattern finds
    when ``low`` is 0, are nobody's initials."""
    if high < 1:
        return None
    return re.compile(rf"([A-Z](?<![\w@#/].)[A-Z]{{{max(low, 1) - 1},{high - 1}}})(?![\w@])")


def _normal_description(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _people(groups: dict[tuple[str, ...], _Group]) -> tuple[Person, ...]:
    ordered = sorted(groups.values(), key=lambda g: (-len(g.evidence), g.best_form))
    used: set[str] = set()
    people = []
    for group in ordered:
        name = " ".join(name_words(group.best_form)) if len(group.key) >= 2 else group.best_form
        pid = _slug(name, used)
        evidence = tuple(sorted(set(group.evidence), key=lambda s: (s.article_id, s.start, s.end)))
        people.append(Person(
            id=pid,
            name=name,
            aliases=tuple(sorted(a for a in group.aliases if a != name)),
            handles=tuple(sorted(group.handles, key=lambda h: (-group.handles[h], h))),
            descriptions=tuple(
                Description(text, tuple(spans)) for text, spans in sorted(group.descriptions.items())
            ),
            evidence=evidence,
        ))
    return tuple(people)


def _slug(name: str, used: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "person"
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    used.add(slug)
    return slug
