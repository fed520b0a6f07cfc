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
from numpy.lib.stride_tricks import as_strided

from newsprism.memo import Memo
from newsprism.model import Article, DuplicateGroup
from newsprism.options import Options, StoryOptions
from newsprism.stages import StoryInput, story_stage

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int) -> set[int]:
    """Hashes of the distinct ``size``-word shingles of ``text`` (lower case, punctuation
    ignored); a text shorter than ``size`` words is one shingle of all its words."""
    return set(shingle_hashes(text, size).tolist())


def shingle_hashes(text: str, size: int) -> np.ndarray:
    """The 32-bit hashes of every ``size``-word shingle of ``text``, in text order (repeated
    shingles repeat: a MinHash signature does not mind, and the stream skips a set).

    Words are hashed once (CRC-32, stable across processes, unlike ``hash()``) and a shingle's
    hash combines its words' hashes position by position, vectorised with numpy: building
    shingle strings would cost several times more on a long stream.
    """
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    hashes = np.fromiter(map(_WORD_HASHES.__getitem__, words), dtype=np.uint64, count=len(words))
    if len(words) < size:
        size = len(words)
    # Horner's rule over each window of ``size`` words, h0*MIX^(size-1) + ... + h(size-1),
    # as one product of the windows (a strided view, no copy) with the powers of MIX.
    windows = as_strided(hashes, shape=(len(words) - size + 1, size), strides=hashes.strides * 2,
                         writeable=False)
    return (windows @ _powers(size)) & _MASK


_MIX = np.uint64(0x100000001B3)
_MASK = np.uint64(0xFFFFFFFF)


@lru_cache(maxsize=8)
def _powers(size: int) -> np.ndarray:
    # modulo 2**64, where the products wrap
    return np.array([pow(int(_MIX), size - 1 - i, 1 << 64) for i in range(size)], dtype=np.uint64)


def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode())


_WORD_HASHES = Memo(_word_hash, 500_000)


@lru_cache(maxsize=8)
def _template(permutations: int, seed: int) -> MinHash:
    # Shingles are already 32-bit hashes: int() passes them through unchanged.
    return MinHash(num_perm=permutations, seed=seed, hashfunc=int, scheme="affine32")


def signature_values(hashes: np.ndarray, options: StoryOptions) -> np.ndarray:
    """The hash values of the MinHash signature (deterministic for a given seed) of the
    shingle hashes ``hashes``, computed as datasketch's ``update_batch`` computes them,
    without building a MinHash object or passing each shingle through Python (the streaming
    index signs millions of articles).

    Uses the permutations of datasketch's ``affine32`` scheme for the options' seed: each
    value is the least ``a * fmix32(h) + b`` (mod 2**32) over the shingles.
    """
    template = _template(options.minhash_permutations, options.seed)
    if not len(hashes):
        return template.hashvalues.copy()
    a, b = _columns(options.minhash_permutations, options.seed)
    # one row per permutation: the minimum runs along contiguous memory
    values = a * _fmix32(hashes.astype(np.uint32))
    values += b
    return values.min(axis=1)


@lru_cache(maxsize=8)
def _columns(permutations: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    a, b = _template(permutations, seed).permutations
    return a[:, None].copy(), b[:, None].copy()


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, which datasketch applies before its permutations
    (multiplications wrap modulo 2**32 as intended)."""
    values = values ^ (values >> _16)  # a new array: the caller's is left alone
    values *= _M1
    values ^= values >> _13
    values *= _M2
    values ^= values >> _16
    return values


_16, _13 = np.uint32(16), np.uint32(13)
_M1, _M2 = np.uint32(0x85EBCA6B), np.uint32(0xC2B2AE35)


class BandIndex:
    """MinHash LSH for a stream of signatures: datasketch's banding (the bands and rows
    ``MinHashLSH`` finds best for ``duplicate_threshold``) kept in plain dictionaries.

    ``MinHashLSH`` byte-swaps and stores every band through its storage layer, which on a
    stream of a million articles cost more than the signatures; here a signature's bands are
    cut as one array view and used as dictionary keys directly. Candidates are the slots
    sharing at least one whole band, exactly as ``MinHashLSH.query`` would return them.
    """

    def __init__(self, options: StoryOptions):
        self.bands, self.rows = _bands(options.duplicate_threshold, options.minhash_permutations)
        self._tables: list[dict[bytes, list[int]]] = [{} for _ in range(self.bands)]
        self._band = None

    def _keys(self, values: np.ndarray) -> list[bytes]:
        used = np.ascontiguousarray(values[:self.bands * self.rows])
        if self._band is None or self._band.itemsize != used.itemsize * self.rows:
            self._band = np.dtype((np.void, used.itemsize * self.rows))
        return used.view(self._band).tolist()

    def insert(self, slot: int, values: np.ndarray) -> None:
        """Index the signature ``values`` under ``slot``."""
        for table, key in zip(self._tables, self._keys(values)):
            table.setdefault(key, []).append(slot)

    def query(self, values: np.ndarray) -> set[int]:
        """Slots whose signatures share a band with ``values``."""
        found: set[int] = set()
        for table, key in zip(self._tables, self._keys(values)):
            slots = table.get(key)
            if slots:
                found.update(slots)
        return found

    def remove(self, slot: int, values: np.ndarray) -> None:
        """Forget ``slot``, indexed with the signature ``values``."""
        for table, key in zip(self._tables, self._keys(values)):
            slots = table.get(key)
            if slots is not None and slot in slots:
                slots.remove(slot)
                if not slots:
                    del table[key]


def jaccard(a: set, b: set) -> float:
    """Exact Jaccard similarity of two sets (0 when both are empty)."""
    return len(a & b) / len(a | b) if a or b else 0.0


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
    hashes = [shingle_hashes(a.text, options.shingle_size) for a in articles]
    sets = [set(h.tolist()) for h in hashes]
    # signed in numpy and banded in dictionaries, as the streaming index does: the same
    # signatures and candidates as datasketch's MinHash and MinHashLSH, without their
    # shingle-by-shingle hashing and storage layer
    lsh = BandIndex(options)
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
        values = signature_values(hashes[i], options)
        for j in sorted(lsh.query(values)):
            similarity = jaccard(shingle_set, sets[j])
            if similarity >= options.duplicate_threshold:
                lowest[(j, i)] = similarity
                parent[find(i)] = find(j)
        lsh.insert(i, values)

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
