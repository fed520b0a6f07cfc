"""Shared fixtures: one loaded spaCy pipeline for the whole session, and paths to the real
data in ../shared (tests that need it skip with a clear message when it is absent)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"
EXAMPLES = ROOT / "examples"


def require_shared(path: Path) -> Path:
    """Return ``path`` or skip the test, naming what is missing."""
    if not path.exists():
        pytest.skip(f"shared data not found at {path} (clone with ../shared beside the project)")
    return path


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once for every test that needs it."""
    from newsprism import nlp as nlp_module

    return nlp_module.load()


@pytest.fixture(scope="session")
def seed_analysis(nlp):
    """The analysis of the three seed articles, computed once."""
    import newsprism

    return newsprism.analyze(newsprism.read_articles([require_shared(SEEDS)]))


@pytest.fixture(scope="session")
def example_analysis(nlp):
    """The analysis of the bundled example corpus, computed once."""
    import newsprism

    return newsprism.analyze(newsprism.read_articles([EXAMPLES / "story"]))


def all_spans(data: Any) -> list[dict]:
    """Every evidence-shaped dict (article_id, start, end, text) anywhere in JSON data."""
    found = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if {"article_id", "start", "end", "text"} <= value.keys():
                found.append(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return found


def assert_evidence_checks(data: dict) -> int:
    """Assert text == article.text[start:end] for every span in JSON output; return the count."""
    texts = {a["id"]: a["text"] for a in data["articles"]}
    spans = all_spans(data)
    for span in spans:
        assert span["article_id"] in texts, span
        assert texts[span["article_id"]][span["start"]:span["end"]] == span["text"], span
    return len(spans)
