"""Re-forming the stories around a newcomer in the streaming index, as the batch would.

A vote of the newcomer's neighbours decides where it goes, but its arrival also changes the
neighbourhoods of the articles that took it in as a neighbour, and with them the
shared-neighbour similarity of pairs already placed: two stories that looked apart may now
be one, an early article may have been put with the wrong event. The batch clustering
(:mod:`newsprism.story.cluster`) sees all of that at once. So after each arrival the index
runs the batch algorithm itself, average linkage of the same shared-neighbour similarity at
the same ``link_threshold``, over the *affected* stories only: the stories of the newcomer,
of its neighbours, of the articles whose neighbour lists changed, and of their neighbours.
The resulting groups take over those stories (the story holding most of a group's articles
keeps its id; a group without one opens a story): articles move, stories merge and split.

The work is bounded: only the articles the index still keeps are re-formed (older ones stay
where they are), and at most ``index_relink_articles`` of them, the newcomer's neighbourhood
first, then the most recent. Those kept include the ones *retained* past the active window
(``index_retained_articles``): the pairs they form with the newcomer's neighbours are what
keeps apart two events of one kind when undated reports of both arrive after the dated ones
(the batch sees those pairs too). A near-duplicate copy follows its original.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from newsprism.story.vectors import time_factor


def relink(index, slot: int, changed: set[int]) -> None:
    """Re-form the stories affected by the arrival of ``slot`` (see the module docstring).

    Args:
        index: the :class:`~newsprism.story.index.StoryIndex` the newcomer was added to.
        slot: the newcomer's slot.
        changed: slots whose neighbour lists took the newcomer in.
    """
    active = index.active
    seeds = {slot} | {s for _, s in active[slot].neighbours if s in active} | (changed & active.keys())
    core = set(seeds)
    for seed in seeds:
        core.update(s for _, s in active[seed].neighbours if s in active)
    stories = {active[s].story for s in core}
    members = set()
    for story in stories:
        members |= index.members(story)
    members = {m for m in members if not _follows_original(active, m)}
    core = {m for m in core if m in members}
    limit = index.options.index_relink_articles
    if len(members) > limit:
        rest = sorted(members - core, reverse=True)[:max(0, limit - len(core))]
        members = core | set(rest)
    order = sorted(members)
    if len(order) < 2:
        return
    groups = _average_linkage(index, order)
    _assign(index, groups)


def _follows_original(active, slot: int) -> bool:
    original = active[slot].copy_of
    return original is not None and original in active


def _average_linkage(index, order: list[int]) -> list[list[int]]:
    """Average linkage of the batch's event similarity over the given active slots."""
    options = index.options
    active = index.active
    columns: dict[int, int] = {}
    rows, cols = [], []
    for row, slot in enumerate(order):
        for member in {slot, *(s for _, s in active[slot].neighbours)}:
            rows.append(row)
            cols.append(columns.setdefault(member, len(columns)))
    incidence = np.zeros((len(order), len(columns)))
    incidence[rows, cols] = 1.0
    shared = incidence @ incidence.T / (options.neighbours + 1)
    weight = options.neighbour_weight
    if weight < 1.0:
        similarity = shared ** weight * _cosines(index, order) ** (1.0 - weight)
    else:
        similarity = shared
    np.fill_diagonal(similarity, 1.0)
    distance = squareform(np.clip(1.0 - similarity, 0.0, None), checks=False)
    labels = fcluster(linkage(distance, method="average"), 1.0 - options.link_threshold,
                      criterion="distance")
    groups: dict[int, list[int]] = {}
    for slot, label in zip(order, labels):
        groups.setdefault(int(label), []).append(slot)
    return list(groups.values())


def _cosines(index, order: list[int]) -> np.ndarray:
    active = index.active
    size = len(order)
    cosine = np.ones((size, size))
    vectors = [active[slot].vector for slot in order]  # built once: the index keeps arrays
    days = [active[slot].day for slot in order]
    for i in range(size):
        for j in range(i + 1, size):
            small, large = sorted((vectors[i], vectors[j]), key=len)  # stable: i first on equal sizes
            value = sum(v * large.get(k, 0.0) for k, v in small.items())
            value *= time_factor(days[i], days[j], index.options)
            cosine[i, j] = cosine[j, i] = min(1.0, max(0.0, value))
    return cosine


def _assign(index, groups: list[list[int]]) -> None:
    """Give each group a story: the one holding most of its articles, unless a larger group
    already took it; otherwise a new one. Articles (and their copies) move accordingly."""
    active = index.active
    claimed: set[int] = set()
    touched: set[int] = set()
    for group in sorted(groups, key=lambda g: (-len(g), g[0])):
        counts = Counter(active[m].story for m in group)
        choices = [s for s, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
                   if s not in claimed]
        if choices:
            target = choices[0]
        else:
            target = index.open_story(active[group[0]].article_id)
        claimed.add(target)
        for member in group:
            source = active[member].story
            if source != target:
                touched.update((source, target))
                index.move_article(member, target)
    for story in touched:
        index.refresh_story(story)
