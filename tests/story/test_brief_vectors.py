"""The brief's sparse sentence vectors give, bit for bit, every number the dense matrix gave."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from newsprism.story import brief_vectors
from newsprism.story.brief_vectors import SentenceVectors


def _dense_reference(matrix):
    """What the brief computed on the dense matrix (normalized rows, centroid, centralities)."""
    vectors = matrix.toarray()
    norms = np.sqrt(np.add.reduce(vectors * vectors, axis=1, keepdims=True))
    vectors /= np.where(norms > 0, norms, 1)
    centroid = vectors.mean(axis=0)
    centroid = centroid / (np.linalg.norm(centroid) or 1)
    return vectors, centroid, [float(v @ centroid) for v in vectors]


def _random_matrix(seed: int) -> sp.csr_matrix:
    rng = np.random.default_rng(seed)
    rows, width = int(rng.integers(1, 300)), int(rng.integers(1, 3000))
    matrix = sp.random(rows, width, density=float(rng.uniform(0.001, 0.2)), format="csr", random_state=rng,
                       data_rvs=lambda k: rng.uniform(0, 3, k) * 10.0 ** rng.integers(-9, 9, k))
    kept = np.ones(rows)
    kept[int(rng.integers(rows))] = 0  # a row of zeros (a sentence of stop words only)
    matrix = sp.csr_matrix(sp.diags(kept) @ matrix)
    matrix.eliminate_zeros()
    matrix.sort_indices()
    return matrix


def _assert_same(matrix, block_cells=None, monkeypatch=None) -> None:
    if block_cells is not None:
        monkeypatch.setattr(brief_vectors, "_BLOCK_CELLS", block_cells)
    dense, centroid, centrality = _dense_reference(matrix)
    vectors = SentenceVectors(matrix)
    assert np.array_equal(vectors.rows.toarray(), dense)
    assert np.array_equal(vectors.centroid, centroid)
    assert vectors.centrality() == centrality
    similarity = vectors.similarity()
    assert np.array_equal(similarity, similarity.T)
    n = matrix.shape[0]
    pairs = [(i, j) for i in range(0, n, max(1, n // 12)) for j in range(0, n, max(1, n // 9))]
    assert [vectors.cosine(i, j) for i, j in pairs] == [float(dense[i] @ dense[j]) for i, j in pairs]
    _assert_same_pairs(vectors, similarity)


def _assert_same_pairs(vectors: SentenceVectors, similarity: np.ndarray) -> None:
    n = len(similarity)
    for rows in (list(range(n)), list(range(0, n, 3)), [n - 1, 0, n // 2, n // 2], []):
        # thresholds below 0 (every pair without a shared word above it), at 0, at a cosine
        # found in the matrix (strictly above it) and above every cosine
        for threshold in (-0.5, 0.0, float(similarity[n // 2].max()), 0.3, 2.0):
            expected = np.nonzero(similarity[rows] > threshold)
            found = vectors.pairs_above(rows, threshold)
            assert all(np.array_equal(ours, theirs) for ours, theirs in zip(found, expected, strict=True))


@pytest.mark.parametrize("seed", range(12))
def test_sparse_vectors_match_the_dense_computation(seed):
    _assert_same(_random_matrix(seed))


@pytest.mark.parametrize("block_cells", [1, 7, 1000])
def test_blocks_of_any_size_give_the_same_numbers(block_cells, monkeypatch):
    _assert_same(_random_matrix(100 + block_cells), block_cells, monkeypatch)


def test_tfidf_of_sentences_match_the_dense_computation():
    sentences = [
        "The port closed its north harbour on Tuesday after a fuel barge ran aground.",
        "The Port of Meriden shut its north harbour on Tuesday after a fuel barge ran aground.",
        "Harbour master Ines Valk said the closure would last at least three days.",
        "It was.",  # stop words only: a row of zeros
        "Crews placed floating booms around the barge to contain leaking diesel.",
        "Crews placed floating booms around the barge to contain leaking diesel.",
    ] * 7
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(sentences)
    _assert_same(matrix)
