"""The JSON contract: schema-valid, and every span is the text it points at."""

import json

import jsonschema
import pytest

from newsprism.report.json_output import schema
from tests.conftest import assert_evidence_checks

pytestmark = pytest.mark.model


def test_seed_output_is_valid_and_every_span_checks(seed_analysis):
    data = json.loads(seed_analysis.to_json())
    jsonschema.validate(data, schema())
    assert assert_evidence_checks(data) > 50


def test_example_output_is_valid_and_every_span_checks(example_analysis):
    data = json.loads(example_analysis.to_json())
    jsonschema.validate(data, schema())
    assert assert_evidence_checks(data) > 20


def test_seed_articles_have_outlets_authors_and_marked_dates(seed_analysis):
    by_outlet = {a.outlet: a for a in seed_analysis.articles}
    assert set(by_outlet) == {"CBS Chicago", "Breitbart", "Global News"}
    assert by_outlet["Breitbart"].authors == ("Dylan Gwinn",)
    assert (by_outlet["Breitbart"].published, by_outlet["Breitbart"].published_provenance) == ("2018-04-26", "given")
    for outlet in ("CBS Chicago", "Global News"):
        article = by_outlet[outlet]
        assert article.published_provenance == "estimated" and article.published_reason
    for article in seed_analysis.articles:
        assert "READ MORE" not in article.text and "Get breaking" not in article.text
        assert not article.text.endswith("Comments")
        assert "Follow Dylan Gwinn" not in article.text
