"""The analyze pipeline.

``analyze`` runs: articles -> spaCy (one load, ``nlp.pipe`` in batches) -> per-document stages
-> grouping into stories -> per-story stages -> :class:`~newsprism.model.Analysis`. The stages
come from the registry in :mod:`newsprism.stages`.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any

from newsprism import nlp as nlp_module
from newsprism.errors import OptionsError
from newsprism.model import Analysis, Article, ArticleAnalysis, Skipped, Story
from newsprism.options import Options
from newsprism.stages import (
    DOCUMENT_STAGES,
    GROUPERS,
    STORY_STAGES,
    Stage,
    StoryInput,
    discover_stages,
    ordered,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

Progress = Callable[[int, int | None], None]


def story_id(article_ids: Sequence[str]) -> str:
    """A stable story id: the same articles always give the same id."""
    digest = hashlib.sha1("\n".join(sorted(article_ids)).encode()).hexdigest()
    return f"story-{digest[:12]}"


def analyze(
    articles: Iterable[Article],
    options: Options | None = None,
    *,
    progress: Progress | None = None,
) -> Analysis:
    """Analyze articles: parse them, run every registered stage, and group them into stories.

    Args:
        articles: the articles to analyze, for example ``read_articles(paths)``; inputs that
            reader skipped are carried into ``Analysis.skipped``.
        options: what to run and how; defaults when None.
        progress: called as ``progress(done, total)`` after each parsed document.

    Returns:
        The analysis; a stage that fails on one article is reported in ``skipped`` (with the
        stage name) and the rest of the run goes on.
    """
    options = options or Options()
    discover_stages()
    skipped: list[Skipped] = list(getattr(articles, "skipped", ()))
    article_list = _unique(articles)
    nlp = nlp_module.load(options.nlp.model, options.nlp.max_length)

    doc_stages = ordered(DOCUMENT_STAGES, options.disabled_stages)
    article_results: dict[str, ArticleAnalysis] = {}
    with _settled() as settle:
        docs = nlp_module.parse(nlp, (a.text for a in article_list), options.nlp)
        for done, (article, doc) in enumerate(zip(article_list, docs), start=1):
            article_results[article.id] = _run_document(doc, article, doc_stages, options, skipped)
            if progress:
                progress(done, len(article_list))
            if done % options.nlp.batch_size == 0:
                settle()
        settle()
        stories = _build_stories(article_list, article_results, options, skipped, settle)
    exported = tuple(stage.name for stage in doc_stages if stage.export)
    return Analysis(
        articles=tuple(article_list),
        stories=tuple(stories),
        skipped=tuple(skipped),
        article_results=article_results,
        exported_stages=exported,
        model=nlp_module.model_name(nlp),
    )


@contextmanager
def _settled() -> Iterator[Callable[[], None]]:
    """Keep the cyclic garbage collector off what a run keeps: the loaded pipeline and every
    result so far.

    Those objects live until the run ends, yet each full collection walked them all again
    (about a tenth of the run's time, more as results pile up). The yielded function moves
    every object alive at that moment into the permanent generation (``gc.freeze``); all of
    them return to the collector when the run ends. The runs create almost no reference
    cycles, so nothing collectable waits for long. For the same reason the youngest
    generation is collected only every ``_YOUNG_THRESHOLD`` allocations instead of every 700:
    the stages allocate millions of short-lived objects, and the default made the collector
    run over a thousand times per hundred documents (about 2% of a run, more as the stories
    grow). A caller that freezes objects itself, or has turned the collector off, is left as
    it is; the thresholds are restored when the run ends.
    """
    if not gc.isenabled() or gc.get_freeze_count():
        yield lambda: None
        return
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], _YOUNG_THRESHOLD), *thresholds[1:])
    gc.freeze()
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


# Allocations between two collections of the youngest generation during a run (see _settled).
_YOUNG_THRESHOLD = 20_000


def _unique(articles: Iterable[Article]) -> list[Article]:
    seen: set[str] = set()
    result = []
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            result.append(article)
    return result


def _run_document(
    doc: Doc, article: Article, stages: list[Stage], options: Options, skipped: list[Skipped]
) -> ArticleAnalysis:
    results: dict[str, Any] = {}
    for stage in stages:
        if not all(r in results for r in stage.requires):
            continue  # a requirement failed on this article
        try:
            results[stage.name] = stage.func(doc, article, results, options)
        except Exception as error:  # noqa: BLE001 - one article's failure is reported, not fatal
            skipped.append(_stage_failure(article.source, stage.name, error))
    return ArticleAnalysis(article.id, results)


def _build_stories(
    articles: list[Article],
    article_results: dict[str, ArticleAnalysis],
    options: Options,
    skipped: list[Skipped],
    settle: Callable[[], None] = lambda: None,
) -> list[Story]:
    if options.grouping not in GROUPERS:
        raise OptionsError(f"unknown grouping {options.grouping!r}; known: {sorted(GROUPERS)}")
    by_id = {article.id: article for article in articles}
    story_fields = {f.name for f in fields(Story)}
    stages = ordered(STORY_STAGES, options.disabled_stages)
    stories = []
    for article_ids, note in GROUPERS[options.grouping](articles, article_results, options):
        members = tuple(by_id[i] for i in article_ids)
        sid = story_id(article_ids)
        results: dict[str, Any] = {}
        for stage in stages:
            if not all(r in results for r in stage.requires):
                continue
            story_input = StoryInput(sid, members, article_results, results)
            try:
                output = stage.func(story_input, options)
            except Exception as error:  # noqa: BLE001 - one story's failure is reported
                skipped.append(_stage_failure(sid, stage.name, error))
                continue
            results[stage.name] = output
            if stage.refines:
                results[stage.refines] = output
        story = Story(
            id=sid,
            title=next((a.title for a in members if a.title), None),
            article_ids=tuple(article_ids),
            grouping=note,
        )
        story = replace(story, **{k: v for k, v in results.items() if k in story_fields})
        stories.append(story)
        settle()
    return stories


def _stage_failure(input_name: str, stage: str, error: Exception) -> Skipped:
    return Skipped(input=input_name, reason=f"{type(error).__name__}: {error}", stage=stage)
