"""Near-duplicate articles: syndicated wire copies and lightly edited reprints.

Two articles are near-duplicates when the sets of their word shingles (``shingle_size``
consecutive words) overlap by at least ``duplicate_threshold`` (Jaccard similarity). MinHash
signatures (``datasketch``) estimate that overlap and an LSH index finds the candidate pairs
without comparing every pair; each candidate pair is then confirmed on the exact shingle sets,
so a group never rests on a hash collision. Groups are the connected components of confirmed
pairs; the earliest published member (then the first given) is the original, the others its
copies, which coverage counts count once.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from functools import lru_cache

from datasketch import MinHash, MinHashLSH

from newsprism.model import Article, DuplicateGroup
from newsprism.options import Options, StoryOptions
from newsprism.stages import StoryInput, story_stage

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int) -> set[bytes]:
    """The distinct ``size``-word shingles of ``text`` (lower case, punctuation ignored).

    A text shorter than ``size`` words is one shingle of all its words.
    """
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


def _crc32(data: bytes) -> int:
    # A stable hash (Python's own hash() changes between processes) that is much faster than
    # datasketch's default SHA-1 and good enough to spread shingles.
    return zlib.crc32(data)


@lru_cache(maxsize=8)
def _template(permutations: int, seed: int) -> MinHash:
    return MinHash(num_perm=permutations, seed=seed, hashfunc=_crc32)


def signature(shingle_set: set[bytes], options: StoryOptions) -> MinHash:
    """The MinHash signature of a shingle set (deterministic for a given seed)."""
    minhash = _template(options.minhash_permutations, options.seed).copy()
    minhash.update_batch(shingle_set)
    return minhash


def from_values(values, options: StoryOptions) -> MinHash:
    """A signature rebuilt from stored hash values (as the story index saves them)."""
    minhash = _template(options.minhash_permutations, options.seed).copy()
    minhash.hashvalues[:] = values
    return minhash


def jaccard(a: set, b: set) -> float:
    """Exact Jaccard similarity of two sets (0 when both are empty)."""
    return len(a & b) / len(a | b) if a or b else 0.0


def new_lsh(options: StoryOptions) -> MinHashLSH:
    """An LSH index tuned to find pairs above ``duplicate_threshold``."""
    return MinHashLSH(threshold=options.duplicate_threshold, num_perm=options.minhash_permutations)


def sort_key(article: Article, position: int) -> tuple:
    """Earliest published first (undated after dated), then input order."""
    return (article.published is None, article.published or "", position)


def duplicate_groups(articles: Sequence[Article], options: StoryOptions) -> tuple[DuplicateGroup, ...]:
    """Groups of near-duplicate articles among ``articles``, in input order of their originals.

    Args:
        articles: the articles to compare (usually one story's).
        options: ``duplicate_threshold``, ``shingle_size``, ``minhash_permutations``, ``seed``.

    Returns:
        One :class:`DuplicateGroup` per set of two or more near-duplicates.
    """
    sets = [shingles(a.text, options.shingle_size) for a in articles]
    lsh = new_lsh(options)
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    lowest: dict[tuple[int, int], float] = {}
    for i, shingle_set in enumerate(sets):
        if not shingle_set:
            continue
        minhash = signature(shingle_set, options)
        for j in sorted(lsh.query(minhash)):
            similarity = jaccard(shingle_set, sets[j])
            if similarity >= options.duplicate_threshold:
                lowest[(j, i)] = similarity
                parent[find(i)] = find(j)
        lsh.insert(i, minhash)

    members: dict[int, list[int]] = {}
    for i in range(len(articles)):
        members.setdefault(find(i), []).append(i)
    groups = []
    for indices in members.values():
        if len(indices) < 2:
            continue
        ordered = sorted(indices, key=lambda i: sort_key(articles[i], i))
        scores = [s for (a, b), s in lowest.items() if a in indices and b in indices]
        groups.append((min(indices), DuplicateGroup(
            original_id=articles[ordered[0]].id,
            copy_ids=tuple(articles[i].id for i in ordered[1:]),
            similarity=round(min(scores), 3),
        )))
    return tuple(group for _, group in sorted(groups, key=lambda item: item[0]))


@story_stage("duplicates")
def find_duplicates(story: StoryInput, options: Options) -> tuple[DuplicateGroup, ...]:
    """The story's near-duplicate groups (wire copies listed under their original)."""
    return duplicate_groups(story.articles, options.story)
