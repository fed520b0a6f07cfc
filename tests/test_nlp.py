"""Parse batches: bounded by documents and by characters, in input order, nothing lost."""

from __future__ import annotations

import pytest

from newsprism.nlp import batches


@pytest.mark.parametrize(
    ("lengths", "size", "chars", "expected"),
    [
        ([], 4, 10, []),
        ([3, 3, 3], 4, 10, [[3, 3, 3]]),
        ([3, 3, 3, 3, 3], 2, 100, [[3, 3], [3, 3], [3]]),  # the document limit
        ([4, 4, 4, 4], 10, 8, [[4, 4], [4, 4]]),  # exactly at the character limit
        ([4, 5, 4], 10, 8, [[4], [5], [4]]),  # one over it
        ([2, 30, 2, 2], 10, 8, [[2], [30], [2, 2]]),  # a long document forms a batch of its own
        ([30], 10, 8, [[30]]),
    ],
)
def test_batches_are_bounded_by_documents_and_characters(lengths, size, chars, expected):
    texts = ["x" * n for n in lengths]
    got = [[len(text) for text in batch] for batch in batches(iter(texts), size, chars)]
    assert got == expected
    assert [text for batch in batches(texts, size, chars) for text in batch] == texts
