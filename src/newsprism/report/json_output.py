"""The JSON contract: :class:`~newsprism.model.Analysis` as plain data.

The shape is documented in ``docs/output.md`` and checked by ``report/schema.json``. Records
serialize field by field, so a field added to a record appears in the output without a change
here (and must be added to the schema, which the tests enforce).
"""

from __future__ import annotations

import dataclasses
import json
from importlib import resources
from typing import Any

from newsprism.model import Analysis

CONTRACT_VERSION = "1.0"


def to_plain(value: Any) -> Any:
    """Dataclasses, tuples, sets and mappings as JSON-ready dicts, lists and scalars."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(to_plain(v) for v in value)
    return value


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The analysis in the documented JSON shape."""
    from newsprism import __version__

    articles = []
    for article in analysis.articles:
        data = to_plain(article)
        results = analysis.article_results.get(article.id)
        for stage in analysis.exported_stages:
            data[stage] = to_plain(results.results.get(stage, [])) if results else []
        articles.append(data)
    return {
        "version": CONTRACT_VERSION,
        "generator": {"name": "newsprism", "version": __version__, "model": analysis.model},
        "articles": articles,
        "skipped": to_plain(analysis.skipped),
        "stories": to_plain(analysis.stories),
    }


def analysis_to_json(analysis: Analysis, indent: int | None = 2) -> str:
    """The analysis as a JSON string (UTF-8 characters kept, not escaped)."""
    return json.dumps(analysis_to_dict(analysis), ensure_ascii=False, indent=indent)


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the output."""
    text = resources.files("newsprism.report").joinpath("schema.json").read_text("utf-8")
    return json.loads(text)
