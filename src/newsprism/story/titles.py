"""A story's title, keywords and key people: what a reader recognises the event by.

The title is the headline of the story's most central article (the one whose words and names
are closest to the story's centre), or that article's lead sentence when no article has a
headline. Keywords are the names and words most of the story's articles share, weighted by
how specific they are to the story; each is shown in the form the articles use most ("Betty
Ford Center", "rehab"). Key people are the people named in the most articles.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from itertools import chain

from newsprism.model import Person
from newsprism.options import Options
from newsprism.regex_starts import ascii_folded, folds_apart
from newsprism.stages import StoryInput, story_stage
from newsprism.story.cluster import article_features
from newsprism.story.features import _TOKEN, stem
from newsprism.story.vectors import DocumentFrequencies, dot, feature_keys, vectorize

_SENTENCE = re.compile(r"\S.{19,299}?[.!?](?=\s|$)", re.S)


def central_position(story: StoryInput, options: Options) -> int:
    """Position of the article closest to the story's mean vector (first one on ties)."""
    features = article_features(story.articles, story.article_results)
    frequencies = DocumentFrequencies()
    for item in features:
        frequencies.add(feature_keys(item))
    vectors = [vectorize(item, frequencies, options.story) for item in features]
    centre: Counter = Counter()
    for vector in vectors:
        centre.update(vector)
    scores = [dot(vector, centre) for vector in vectors]
    return max(range(len(vectors)), key=lambda i: (scores[i], -i)) if vectors else 0


def story_title(story: StoryInput, options: Options) -> str | None:
    """The most central headline, else the most central article's lead sentence."""
    if not story.articles:
        return None
    central = central_position(story, options)
    ranked = [central] + [i for i in range(len(story.articles)) if i != central]
    for position in ranked:
        title = (story.articles[position].title or "").strip()
        if title:
            return title
    match = _SENTENCE.search(story.articles[central].text)
    return " ".join((match.group(0) if match else story.articles[central].text[:200]).split())


def story_keywords(story: StoryInput, options: Options) -> tuple[str, ...]:
    """Names and content words shared by the story's articles, most telling first."""
    features = article_features(story.articles, story.article_results)
    count = len(features)
    spread: Counter = Counter()   # articles carrying each keyword
    weight: Counter = Counter()   # total sublinear frequency
    for item in features:
        for name, n in item.names.items():
            spread["n:" + name] += 1
            weight["n:" + name] += 1 + math.log(n)
        for term, n in item.terms.items():
            spread["t:" + term] += 1
            weight["t:" + term] += 1 + math.log(n)
    surfaces = _surface_forms(story)
    shared = 2 if count > 2 else 1  # a keyword is carried by two articles, unless there are two
    # A word of a shared name is shown as that name ("Kanye West"), not alone ("west").
    name_words = {stem(w) for key in spread if key.startswith("n:") and spread[key] >= shared
                  for w in key[2:].split()}
    covered: set[str] = set()
    ranked = sorted(spread, key=lambda key: (-(spread[key] / count) * weight[key]
                                             * (1.5 if key.startswith("n:") else 1.0), key))
    keywords: list[str] = []
    folded: list[str] | None = None  # the articles' texts for matching names, once asked for
    for key in ranked:
        if len(keywords) >= options.story.keywords:
            break
        if spread[key] < shared:
            continue  # one article's word does not mark the story
        if key.startswith("t:") and key[2:] in name_words:
            continue
        if key.startswith("n:"):
            if folded is None:
                folded = [ascii_folded(a.text) for a in story.articles]
            label = _display_name(key[2:], story, folded)
            parts = {stem(w) for w in key[2:].split()}
        else:
            label = _surface(surfaces.get(key[2:]))
            parts = {key[2:]}
        if not label or parts <= covered or label.isdigit():
            continue
        covered |= parts
        keywords.append(label)
    return tuple(keywords)


def _surface_forms(story: StoryInput) -> dict[str, Counter]:
    """The surfaces of each stem in the story's articles with their counts, in order of first
    use (see :func:`_surface`)."""
    forms: dict[str, Counter] = {}
    # Counted over the whole story first (in order of first use): the stem is then looked up
    # once per distinct word of the story, not once per distinct word of each article.
    words = Counter(chain.from_iterable(_TOKEN.findall(article.text) for article in story.articles))
    for token, n in words.items():
        term = stem(token)
        if term:
            counter = forms.get(term)
            if counter is None:  # not setdefault: a story has thousands of tokens, each made a Counter
                counter = forms[term] = Counter()
            counter[token] = n
    return forms


def _surface(counter: Counter | None) -> str | None:
    """The most used of a stem's surfaces ``counter``, in lower case unless the articles
    mostly capitalise it mid-sentence (a name the name finder missed). Asked only for the
    few terms that become keywords."""
    if not counter:
        return None
    lower: Counter = Counter()
    for form, n in counter.items():
        lower[form.lower()] += n
    word = lower.most_common(1)[0][0]
    capitalised = sum(n for form, n in counter.items() if form[:1].isupper() and form.lower() == word)
    return word.capitalize() if capitalised > lower[word] / 2 else word


def _display_name(key: str, story: StoryInput, folded: list[str]) -> str:
    """A name key as the articles capitalise it ("betty ford center" -> "Betty Ford Center");
    ``folded`` holds the articles' :func:`~newsprism.regex_starts.ascii_folded` texts."""
    seen: Counter = Counter()
    for article, text in zip(story.articles, folded):
        for start, end in name_spans(key, text):
            seen[article.text[start:end]] += 1
    return seen.most_common(1)[0][0] if seen else key.title()


def name_spans(key: str, folded: str) -> Iterator[tuple[int, int]]:
    """Where the words of ``key`` stand, case aside, in the text whose ascii_folded copy is
    ``folded``: the matches of ``\\bword\\s+word\\b`` ignoring case in the text itself.

    A case-insensitive pattern opening with a word boundary is tried at every character of
    every article, for each name keyword. A key whose letters are ASCII lower case (nearly
    every one; see :func:`~newsprism.regex_starts.folds_apart`) is matched with case in the
    folded copy, which finds the same matches, and only where its first word stands
    (:meth:`str.find`); another key is matched ignoring case there, which also finds the
    same matches (see :func:`~newsprism.regex_starts.longest_first`).
    """
    words = key.split()
    exact = bool(words) and folds_apart(words)
    pattern = _name_pattern(key, 0 if exact else re.IGNORECASE)
    if not exact:
        yield from (match.span() for match in pattern.finditer(folded))
        return
    pos = 0
    while (found := folded.find(words[0], pos)) >= 0:
        match = pattern.match(folded, found)
        if match is None:
            pos = found + 1
            continue
        yield match.span()
        pos = match.end()


def _name_pattern(key: str, flags: int) -> re.Pattern[str]:
    return re.compile(r"\b" + r"\s+".join(re.escape(w) for w in key.split()) + r"\b", flags)


def key_people(people: tuple[Person, ...], limit: int = 5) -> tuple[str, ...]:
    """Ids of the people named in the most articles (then with the most mentions)."""
    def articles(person: Person) -> int:
        return len({span.article_id for span in person.evidence})

    ranked = sorted(people, key=lambda p: (-articles(p), -len(p.evidence), p.id))
    return tuple(p.id for p in ranked[:limit] if p.evidence)


@story_stage("title")
def title_stage(story: StoryInput, options: Options) -> str | None:
    """The story's title: its most central headline (or lead sentence)."""
    return story_title(story, options)


@story_stage("keywords")
def keywords_stage(story: StoryInput, options: Options) -> tuple[str, ...]:
    """The story's keywords."""
    return story_keywords(story, options)


@story_stage("key_people", requires=("people",))
def key_people_stage(story: StoryInput, options: Options) -> tuple[str, ...]:
    """The story's most cited people (ids into ``people``)."""
    return key_people(story.results["people"])
