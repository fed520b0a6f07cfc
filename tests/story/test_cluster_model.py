"""Stories from the full pipeline (spaCy features): the seeds, and the seeds among ECB+ news."""

import pytest

import newsprism
from tests.conftest import EVAL, assert_evidence_checks, require_shared

pytestmark = pytest.mark.model


def test_the_seed_articles_form_one_story_with_a_title_and_keywords(seed_analysis):
    (story,) = seed_analysis.stories
    assert set(story.article_ids) == {a.id for a in seed_analysis.articles}
    assert story.grouping.startswith("events:")
    assert story.title and "Kanye" in story.title
    assert "Kanye West" in story.keywords or "West" in story.keywords
    assert story.key_people[0] == "kanye-west"
    assert story.duplicates == ()


@pytest.mark.shared
def test_seeds_mixed_with_ecb_documents_stay_together_and_apart(nlp, seed_analysis):
    docs = require_shared(EVAL / "ecbplus" / "docs")
    # Three ECB+ topics (a celebrity in rehab, a sentencing, a death), both events of each.
    paths = [p for folder in ("1ecb", "1ecbplus", "3ecb", "3ecbplus", "4ecb", "4ecbplus")
             for p in sorted((docs / folder).glob("*.json"))[:5]]
    seeds = [a for a in seed_analysis.articles]
    corpus = newsprism.read_articles(paths)
    analysis = newsprism.analyze([*seeds, *corpus.articles])
    seed_ids = {a.id for a in seeds}
    (story,) = [s for s in analysis.stories if seed_ids & set(s.article_ids)]
    assert set(story.article_ids) == seed_ids
    assert len(analysis.stories) >= 4
    assert_evidence_checks(analysis.to_dict())
