"""Grouping a batch of articles into stories, one real-world event each (grouping ``events``).

Cosine similarity over words and names finds the topic, but two earthquakes or two rehab
check-ins share a topic: their reports use the same words. What sets one event's reports apart
is that they are each other's *closest* matches: an article about the second earthquake has
the other reports of that earthquake as its nearest neighbours, not the reports of the first.
So the event similarity of two articles blends their cosine with the share of nearest
neighbours they have in common (Jarvis and Patrick's shared-nearest-neighbour similarity),
which adapts to how crowded a topic is; stories are then formed by average linkage with
``StoryOptions.link_threshold``. Publication days far apart scale the cosine down before
neighbours are chosen. Batches larger than ``batch_max_articles`` go through the streaming
:class:`~newsprism.story.index.StoryIndex` in publication order instead, whose cost per
article does not grow with the batch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import chain

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform

from newsprism.model import Article, ArticleAnalysis
from newsprism.options import Options, StoryOptions
from newsprism.stages import grouper
from newsprism.story.features import Features, light_features
from newsprism.story.vectors import DocumentFrequencies, term_weights, weigh


def article_features(
    articles: Sequence[Article], article_results: Mapping[str, ArticleAnalysis]
) -> list[Features]:
    """Each article's ``cluster_features`` output, or its light features when the stage did
    not run (disabled, or failed on that article)."""
    found = []
    for article in articles:
        result = article_results.get(article.id)
        features = result.results.get("cluster_features") if result else None
        found.append(features if isinstance(features, Features) else light_features(article))
    return found


def vector_matrix(features: Sequence[Features], options: StoryOptions) -> csr_matrix:
    """Rows of L2-normalised article vectors, document frequencies taken from the batch."""
    weights = [term_weights(item, options) for item in features]
    frequencies = DocumentFrequencies()
    for item in weights:
        # the keys of feature_keys that have a weight: the only ones a vector asks about
        frequencies.add(item)
    vectors = [weigh(item, frequencies) for item in weights]
    # columns numbered in the order keys first occur, the arrays filled in C
    columns = {key: number for number, key in enumerate(dict.fromkeys(chain.from_iterable(vectors)))}
    starts = np.zeros(len(vectors) + 1, dtype=np.intp)
    np.cumsum([len(vector) for vector in vectors], out=starts[1:])
    cols = np.fromiter(map(columns.__getitem__, chain.from_iterable(vectors)), dtype=np.intp, count=starts[-1])
    values = np.fromiter(chain.from_iterable(vector.values() for vector in vectors), dtype=float, count=starts[-1])
    matrix = csr_matrix((values, cols, starts), shape=(len(features), max(1, len(columns))))
    matrix.sum_duplicates()  # columns in order within each row: the form products are summed in
    return matrix


def day_factors(features: Sequence[Features], options: StoryOptions) -> np.ndarray:
    """The :func:`~newsprism.story.vectors.time_factor` of every pair, as a matrix."""
    days = np.array([np.nan if f.day is None else f.day for f in features], dtype=float)
    gap = np.abs(days[:, None] - days[None, :]) - options.time_window_days
    factors = np.where(gap > 0, 0.5 ** (np.maximum(gap, 0) / options.time_half_life_days), 1.0)
    return np.where(np.isnan(gap), 1.0, factors)


def cosine_matrix(features: Sequence[Features], options: StoryOptions) -> np.ndarray:
    """Pairwise cosine similarity of the articles, scaled by their publication-day gap."""
    matrix = vector_matrix(features, options)
    similarity = (matrix @ matrix.T).toarray()
    similarity *= day_factors(features, options)
    np.fill_diagonal(similarity, 1.0)
    return np.clip(similarity, 0.0, 1.0)


def neighbour_count(size: int, options: StoryOptions) -> int:
    """Neighbours per article: ``neighbours``, but at most half of the other articles, so that
    neighbour lists stay small enough to tell groups of a small batch apart."""
    return max(1, min(options.neighbours, (size - 1) // 2))


def shared_neighbours(similarity: np.ndarray, options: StoryOptions) -> np.ndarray:
    """Share of nearest neighbours two articles have in common (each counts as its own).

    An article's neighbours are its ``k`` most similar others with a cosine of at least
    ``neighbour_floor``; the share is ``|N(a) ∩ N(b)| / (k + 1)`` with ``N`` including the
    article itself, so two articles that are each other's only match share 2 / (k + 1).
    """
    size = similarity.shape[0]
    k = neighbour_count(size, options)
    others = similarity.copy()
    np.fill_diagonal(others, -1.0)
    order = np.argsort(-others, axis=1, kind="stable")[:, :k]
    rows = np.repeat(np.arange(size), order.shape[1])
    cols = order.ravel()
    keep = others[rows, cols] >= options.neighbour_floor
    member = np.zeros((size, size))
    member[rows[keep], cols[keep]] = 1.0
    np.fill_diagonal(member, 1.0)
    return (member @ member.T) / (k + 1)


def event_similarity(features: Sequence[Features], options: StoryOptions) -> np.ndarray:
    """The similarity average linkage works on: cosine^(1-w) * shared-neighbours^w."""
    cosine = cosine_matrix(features, options)
    shared = shared_neighbours(cosine, options)
    weight = options.neighbour_weight
    blended = cosine ** (1.0 - weight) * shared ** weight
    np.fill_diagonal(blended, 1.0)
    return blended


def cluster(features: Sequence[Features], options: StoryOptions) -> list[list[int]]:
    """Groups of article positions, one per event, in order of their first article.

    Deterministic for a given input order: linkage ties break by position.
    """
    size = len(features)
    if size == 0:
        return []
    if size == 1:
        return [[0]]
    similarity = event_similarity(features, options)
    distance = squareform(np.clip(1.0 - similarity, 0.0, None), checks=False)
    labels = fcluster(linkage(distance, method="average"), 1.0 - options.link_threshold,
                      criterion="distance")
    groups: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        groups.setdefault(int(label), []).append(position)
    return sorted(groups.values(), key=lambda members: members[0])


@grouper("events")
def group_events(articles, article_results, options: Options):
    """One story per event: shared-neighbour average linkage, or the streaming index for a
    batch larger than ``story.batch_max_articles``."""
    story = options.story
    if not articles:
        return []
    features = article_features(articles, article_results)
    if len(articles) > story.batch_max_articles:
        from newsprism.story.index import StoryIndex

        index = StoryIndex(story)
        order = sorted(range(len(articles)), key=lambda i: (features[i].day is None, features[i].day or 0, i))
        groups: dict[str, list[int]] = {}
        for position in order:
            story_id = index.add(articles[position], features[position])
            groups.setdefault(story_id, []).append(position)
        note = (f"events: streaming story index over {len(articles)} articles in publication order "
                f"(more than {story.batch_max_articles}); assignment threshold "
                f"{story.index_threshold}")
        members = sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])
    else:
        note = (f"events: average linkage of shared-neighbour similarity (k={neighbour_count(len(articles), story)}, "
                f"threshold {story.link_threshold}) over words, names, dates and quotations")
        members = cluster(features, story)
    return [(tuple(articles[i].id for i in group), note) for group in members]
