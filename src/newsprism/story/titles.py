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

from newsprism.model import Person
from newsprism.options import Options
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
    for key in ranked:
        if len(keywords) >= options.story.keywords:
            break
        if spread[key] < shared:
            continue  # one article's word does not mark the story
        if key.startswith("t:") and key[2:] in name_words:
            continue
        if key.startswith("n:"):
            label = _display_name(key[2:], story)
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
    for article in story.articles:
        # Counted per article first: the stem is then looked up once per distinct word.
        for token, n in Counter(_TOKEN.findall(article.text)).items():
            term = stem(token)
            if term:
                forms.setdefault(term, Counter())[token] += n
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


def _display_name(key: str, story: StoryInput) -> str:
    """A name key as the articles capitalise it ("betty ford center" -> "Betty Ford Center")."""
    pattern = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in key.split()) + r"\b", re.I)
    seen: Counter = Counter()
    for article in story.articles:
        for match in pattern.finditer(article.text):
            seen[match.group(0)] += 1
    return seen.most_common(1)[0][0] if seen else key.title()


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
