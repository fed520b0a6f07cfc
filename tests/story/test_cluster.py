"""Grouping a batch of articles into one story per event."""

import pytest

from newsprism.model import Article
from newsprism.options import Options, StoryOptions
from newsprism.story.cluster import cluster, group_events, neighbour_count
from newsprism.story.features import light_features, light_names, mentioned_dates, quote_fingerprints
from tests.story.reports import QUAKE_A, QUAKE_B, REHAB_A, REHAB_B, UNRELATED, make


def groups_of(articles, options=None):
    """Story groups as sets of article ids."""
    result = group_events(articles, {}, options or Options())
    return [set(ids) for ids, _ in result]


def test_two_earthquakes_are_apart_and_three_reports_of_one_are_joined():
    articles = make(QUAKE_A, "a") + make(QUAKE_B, "b")
    groups = groups_of(articles)
    assert {"a0", "a1", "a2"} in groups
    assert {"b0", "b1"} in groups
    assert len(groups) == 2


def test_two_rehab_check_ins_are_apart_among_other_stories():
    articles = make(REHAB_A, "r") + make(QUAKE_A, "a") + make(REHAB_B, "s") + make(QUAKE_B, "b") + make(UNRELATED, "u")
    groups = groups_of(articles)
    assert {"r0", "r1"} in groups and {"s0", "s1"} in groups
    assert {"a0", "a1", "a2"} in groups and {"b0", "b1"} in groups
    assert {"u0"} in groups


def test_an_unrelated_article_stays_alone():
    articles = make(QUAKE_A, "a") + make(UNRELATED, "u")
    assert {"u0"} in groups_of(articles)


def test_articles_published_far_apart_are_different_events():
    same_words = make(QUAKE_A[:2], "early", "2020-03-03") + make(QUAKE_A[2:], "late", "2021-03-03")
    groups = groups_of(same_words)
    assert {"late0"} in groups


def test_same_input_order_gives_the_same_stories():
    articles = make(REHAB_A, "r") + make(QUAKE_A, "a") + make(REHAB_B, "s") + make(QUAKE_B, "b")
    first = group_events(articles, {}, Options())
    assert group_events(list(articles), {}, Options()) == first


def test_stories_follow_input_order_and_say_how_they_were_made():
    articles = make(QUAKE_B, "b") + make(QUAKE_A, "a")
    result = group_events(articles, {}, Options())
    assert result[0][0] == ("b0", "b1")
    assert all(note.startswith("events:") for _, note in result)


def test_a_batch_over_the_limit_goes_through_the_streaming_index():
    articles = make(QUAKE_A, "a") + make(QUAKE_B, "b")
    options = Options().with_values(**{"story.batch_max_articles": 2})
    result = group_events(articles, {}, options)
    assert "streaming story index" in result[0][1]
    assert sorted(i for ids, _ in result for i in ids) == sorted(a.id for a in articles)


def test_empty_and_single_batches():
    assert group_events([], {}, Options()) == []
    (only,) = group_events(make(UNRELATED, "u"), {}, Options())
    assert only[0] == ("u0",)
    assert cluster([], StoryOptions()) == []


@pytest.mark.parametrize("size, expected", [(2, 1), (3, 1), (5, 2), (9, 4), (11, 5), (100, 5)])
def test_neighbour_lists_stay_small_in_small_batches(size, expected):
    assert neighbour_count(size, StoryOptions(neighbours=5)) == expected


@pytest.mark.parametrize("text, present, absent", [
    ("Officials said Maria Lopez left Bank of America on Monday.", {"maria lopez", "bank of america"}, {"officials"}),
    ("The storm hit as Lindsay Lohan arrived. Lohan said nothing. The storm passed.",
     {"lindsay lohan", "lohan"}, {"the storm", "storm"}),
    ("The Betty Ford Center confirmed it.", {"betty ford center"}, {"the betty ford center"}),
    ("Rescuers reached Ellsmere. Rescuers said more help was coming.", {"ellsmere"}, {"rescuers", "ellsmere rescuers"}),
    ("Troops left the U.S. Embassy.", {"u.s embassy"}, {"troops"}),
    ("THE HEADLINE SHOUTS. Engineers at NASA said the launch would go ahead.", {"nasa"},
     {"headline", "headline shouts", "engineers"}),
    ("Donald J. Trump spoke. Then Trump left.", {"donald j trump", "trump"}, {"then trump"}),
])
def test_light_names_skip_sentence_initial_common_words(text, present, absent):
    names = set(light_names(text))
    assert present <= names
    assert not (absent & names)


@pytest.mark.parametrize("text, year, expected", [
    ("The vote on March 3 was delayed.", 2019, {"2019-03-03"}),
    ("The vote on March 3, 2017 was delayed.", 2019, {"2017-03-03", "2017"}),
    ("The vote on March 3 was delayed.", None, {"--03-03"}),
    ("She may return in May.", 2019, set()),
])
def test_mentioned_dates(text, year, expected):
    assert set(mentioned_dates(text, year)) == expected


def test_quotations_are_fingerprinted_by_their_words():
    a = quote_fingerprints('"We are still searching for families under the walls," she said.')
    b = quote_fingerprints('“We are still searching for families under the walls,” Petrovna said.')
    assert a and a == b
    assert quote_fingerprints('He said "no".') == ()


def test_estimated_dates_do_not_separate_events():
    article = Article(id="x", source="x", text="Text of March 3, 2001.", published="2001-03-03",
                      published_provenance="estimated")
    assert light_features(article).day is None


def _coo_vector_matrix(features, options):
    """The article vectors gathered key by key into a COO matrix, then made CSR."""
    from scipy.sparse import csr_matrix

    from newsprism.story.vectors import DocumentFrequencies, feature_keys, vectorize

    frequencies = DocumentFrequencies()
    for item in features:
        frequencies.add(feature_keys(item))
    columns, rows, cols, values = {}, [], [], []
    for row, item in enumerate(features):
        for key, value in vectorize(item, frequencies, options).items():
            rows.append(row)
            cols.append(columns.setdefault(key, len(columns)))
            values.append(value)
    return csr_matrix((values, (rows, cols)), shape=(len(features), max(1, len(columns))))


@pytest.mark.parametrize("options", [StoryOptions(), StoryOptions(names_weight=0.0, quotes_weight=0.0),
                                     StoryOptions(title_weight=0.0, dates_weight=-1.0)])
def test_vector_matrix_is_the_matrix_gathered_key_by_key(options):
    from newsprism.story.cluster import vector_matrix
    from newsprism.story.features import Features

    articles = make(QUAKE_A, "a") + make(QUAKE_B, "b") + make(REHAB_A, "r") + make(UNRELATED, "u")
    features = [light_features(a) for a in articles]
    features += [Features(), Features(terms={"x": 2}, quotes=("q one", "q one", "q two")), Features(names={"ann": 1})]
    for batch in (features, features[:1], features[-3:], features[::-1]):
        found, expected = vector_matrix(batch, options), _coo_vector_matrix(batch, options)
        assert found.shape == expected.shape
        assert found.indptr.tolist() == expected.indptr.tolist()
        assert found.indices.tolist() == expected.indices.tolist()
        assert found.data.tolist() == expected.data.tolist()
