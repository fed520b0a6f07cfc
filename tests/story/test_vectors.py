"""Article vectors: weighted sublinear term frequencies and their TF-IDF normalisation."""

import math

import pytest

from newsprism.options import StoryOptions
from newsprism.story.features import Features
from newsprism.story.vectors import DocumentFrequencies, feature_keys, term_weights, weigh

FEATURES = [
    Features(terms={"quak": 3, "halberg": 2, "struck": 1}, title_terms={"quak": 1, "halberg": 1},
             names={"halberg": 2, "maria lopez": 1}, dates={"2024-05-01": 1}, quotes=("we felt it",), day=1),
    Features(terms={"vote": 1, "council": 4}, title_terms={}, names={"halberg": 1}, dates={}, quotes=(), day=2),
    Features(),
]


def plain_weights(features, options):
    """The formula written out: weight * (1 + log(count)) under a block prefix."""
    weights = {}
    for prefix, block, weight in (("t:", features.terms, 1.0), ("h:", features.title_terms, options.title_weight),
                                  ("n:", features.names, options.names_weight),
                                  ("d:", features.dates, options.dates_weight),
                                  ("q:", dict.fromkeys(features.quotes, 1), options.quotes_weight)):
        if weight > 0:
            for key, count in block.items():
                weights[prefix + key] = weight * (1.0 + math.log(count))
    return weights


@pytest.mark.parametrize("options", [StoryOptions(), StoryOptions(title_weight=0.7, dates_weight=0.0)])
def test_weights_and_vectors_are_the_plain_formulas_in_key_order(options):
    frequencies = DocumentFrequencies()
    for features in FEATURES:
        frequencies.add(feature_keys(features))
    for features in FEATURES:
        weights = term_weights(features, options)
        assert list(weights.items()) == list(plain_weights(features, options).items())
        base = math.log(1 + frequencies.documents) + 1.0
        raw = {k: v * (base - math.log(1 + frequencies.counts.get(k, 0))) for k, v in weights.items()}
        norm = math.sqrt(sum(v * v for v in raw.values()))
        expected = {k: v / norm for k, v in raw.items()} if norm else {}
        assert list(weigh(weights, frequencies).items()) == list(expected.items())
    assert "d:2024-05-01" not in term_weights(FEATURES[0], StoryOptions(dates_weight=0.0))
    assert weigh({}, frequencies) == {}
