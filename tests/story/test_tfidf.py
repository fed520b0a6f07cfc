"""The TF-IDF matrices of sentences' words are scikit-learn's, bit for bit."""

import random

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from newsprism.story.tfidf import lower_words, terms, tfidf


_SKLEARN_TERMS = TfidfVectorizer(stop_words="english").build_analyzer()


@pytest.mark.parametrize("text", [
    "", "a", "The cat sat on the mat.", "don't won’t it's", "e.g. U.S. a1 7 42 2010-04-20", "snake_case __x_",
    "Ça VA, ÉTÉ", "İstanbul KELVIN K ſ ß straße", "日本 語", "x\ny\tz", "“Yes,” he said — no…", "1st 2nd",
    "AbOuT ThErEfOrE", "co-operate re-election", "\u0301a b\u0301 ab\u0301", "²³ ① ½",
])
def test_terms_are_the_vectorisers_terms(text):
    assert terms(lower_words(text)) == _SKLEARN_TERMS(text)


def _same_matrix(texts: list[str], **options) -> bool:
    expected = TfidfVectorizer(stop_words="english", **options).fit_transform(texts)
    found = tfidf([lower_words(t) for t in texts], **options)
    return (found.shape == expected.shape and found.dtype == expected.dtype
            and all((getattr(found, k) == getattr(expected, k)).all() for k in ("indptr", "indices", "data")))


@pytest.mark.parametrize("seed", range(6))
def test_tfidf_of_words_is_the_vectorisers_matrix_bit_for_bit(seed):
    rng = random.Random(seed)
    vocabulary = ["the", "of", "A", "x", "7", "2031", "Vell", "harlow", "River", "river's", "pumps", "é", "Ça",
                  "b2", "co-op", "İ", "_", "…", "“no”", "\u212a", "straße"]
    texts = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 12))) for _ in range(rng.randint(1, 30))]
    if not any(terms(lower_words(t)) for t in texts):
        texts.append("river")
    assert _same_matrix(texts)
    assert _same_matrix(texts, sublinear_tf=True)


def test_tfidf_of_stop_words_alone_fails_as_the_vectoriser():
    with pytest.raises(ValueError):
        tfidf([lower_words("the of a"), []])
