"""TF-IDF matrices of sentences' words, as scikit-learn's English vectoriser makes them.

The brief and the timeline summary weigh a story's sentences by TF-IDF. They already hold each
sentence's lower-case words (read for other ends too), so the vectoriser is given those words
instead of reading every text again with its own analyzer; :func:`terms` keeps exactly the
words that analyzer keeps, and the matrices are scikit-learn's, bit for bit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from scipy.sparse import csr_matrix

_WORD = re.compile(r"\w+")


def lower_words(text: str) -> list[str]:
    """The words of ``text`` in lower case."""
    return _WORD.findall(text.lower())


def terms(words: Iterable[str]) -> list[str]:
    """The terms of a text whose :func:`lower_words` are ``words``, as scikit-learn's
    ``TfidfVectorizer(stop_words="english")`` reads them in the text: its token pattern
    ``\\b\\w\\w+\\b`` on the lower-case text finds the words of two characters or more, and
    the English stop words are left out."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return [w for w in words if len(w) > 1 and w not in ENGLISH_STOP_WORDS]


def tfidf(documents: list[list[str]], **options) -> csr_matrix:
    """The TF-IDF matrix that ``TfidfVectorizer(stop_words="english", **options)`` gives for
    texts whose :func:`lower_words` are ``documents``, row by row, bit for bit.

    Raises:
        ValueError: when the texts hold nothing but stop words.
    """
    import sklearn
    from sklearn.feature_extraction.text import TfidfVectorizer

    # the words are read once (a sentence's are read for other ends too), not once more by
    # the vectoriser's analyzer; and the checks of the vectoriser's parameters and of the
    # counts' finiteness, which cost as much as a small story's counting, are left out (the
    # parameters are fixed here, the counts finite)
    with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
        return TfidfVectorizer(analyzer=terms, **options).fit_transform(documents)
