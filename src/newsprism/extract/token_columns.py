"""Which tokens of a parse hold one of some values, read on a column of its arrays
(``Doc.to_array``: parts of speech, lemma or word ids): making a token object for every word,
and reading its strings, costs more than the searches that ask."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np


def any_of(column: np.ndarray, values: Iterable[int]) -> np.ndarray:
    """Whether each entry of ``column`` is one of a few ``values`` (at least one): a comparison
    for each (``np.isin`` sorts, several times slower for a handful of values)."""
    return np.logical_or.reduce([column == value for value in values])


def among(column: np.ndarray, ordered: np.ndarray) -> np.ndarray:
    """Whether each entry of ``column`` is one of the ``ordered`` values (a sorted array, of
    the column's type): two array passes, where ``np.isin`` sets up far more than a few
    hundred values need."""
    at = np.searchsorted(ordered, column)
    at[at == len(ordered)] = 0
    return ordered[at] == column
