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

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsprism.model import Article, DuplicateGroup
from newsprism.options import Options, StoryOptions
from newsprism.stages import StoryInput, story_stage

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int) -> set[int]:
    """Hashes of the distinct ``size``-word shingles of ``text`` (lower case, punctuation
    ignored); a text shorter than ``size`` words is one shingle of all its words.

    Words are hashed once (CRC-32, stable across processes, unlike ``hash()``) and a shingle's
    hash combines its words' hashes position by position, vectorised with numpy: building
    shingle strings would cost several times more on a long stream.
    """
    words = _WORD.findall(text.lower())
    if not words:
        return set()
    hashes = np.array(list(map(_word_hash, words)), dtype=np.uint64)
    if len(words) < size:
        size = len(words)
    combined = np.zeros(len(words) - size + 1, dtype=np.uint64)
    for offset in range(size):
        combined = combined * _MIX + hashes[offset:offset + len(combined)]
    return set((combined & _MASK).tolist())


_MIX = np.uint64(0x100000001B3)
_MASK = np.uint64(0xFFFFFFFF)


@lru_cache(maxsize=500_000)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode())


@lru_cache(maxsize=8)
def _template(permutations: int, seed: int) -> MinHash:
    # Shingles are already 32-bit hashes: int() passes them through unchanged.
    return MinHash(num_perm=permutations, seed=seed, hashfunc=int)


def signature(shingle_set: set[int], options: StoryOptions) -> MinHash:
    """The MinHash signature of a shingle set (deterministic for a given seed)."""
    minhash = _template(options.minhash_permutations, options.seed).copy()
    minhash.update_batch(shingle_set)
    return minhash


def reusable_signature(shingle_set: set[int], options: StoryOptions) -> MinHash:
    """Like :func:`signature`, but refills one shared MinHash instead of building a new one
    (building one costs more than hashing a short article). Valid until the next call: read
    or copy its ``hashvalues`` before then. An LSH index copies what it stores.
    """
    worker = _worker(options.minhash_permutations, options.seed)
    worker.clear()
    worker.update_batch(shingle_set)
    return worker


@lru_cache(maxsize=8)
def _worker(permutations: int, seed: int) -> MinHash:
    return _template(permutations, seed).copy()


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
    return MinHashLSH(num_perm=options.minhash_permutations,
                      params=_bands(options.duplicate_threshold, options.minhash_permutations))


@lru_cache(maxsize=8)
def _bands(threshold: float, permutations: int) -> tuple[int, int]:
    """The (bands, rows) datasketch finds best for a threshold: it integrates the error
    curves for every split of the permutations, which cost more than a small story's whole
    duplicate search when done for every story."""
    tuned = MinHashLSH(threshold=threshold, num_perm=permutations)
    return tuned.b, tuned.r


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
