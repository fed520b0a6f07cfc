"""The stage registry: how capabilities plug into the pipeline.

Per-document stages (modules under ``newsprism.extract``) and per-story stages (modules under
``newsprism.story``) register themselves with the decorators here; :mod:`newsprism.pipeline`
imports every module of those packages and runs the stages in dependency order. A new
capability is a new module, not an edit of the pipeline.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsprism.model import Article, ArticleAnalysis
from newsprism.options import Options

if TYPE_CHECKING:
    from spacy.tokens import Doc

DocumentFunc = Callable[["Doc", Article, Mapping[str, Any], Options], Any]


@dataclass(frozen=True)
class StoryInput:
    """What a story stage sees: the story's articles, their per-document results, and the
    outputs of the story stages that ran before it (by stage name)."""

    id: str
    articles: tuple[Article, ...]
    article_results: Mapping[str, ArticleAnalysis]
    results: Mapping[str, Any]

    def document_results(self, stage: str) -> list[tuple[Article, Any]]:
        """Each article of the story with its output of the per-document ``stage``."""
        return [
            (article, self.article_results[article.id].results.get(stage))
            for article in self.articles
            if article.id in self.article_results
        ]


StoryFunc = Callable[[StoryInput, Options], Any]
GroupFunc = Callable[
    [Sequence[Article], Mapping[str, ArticleAnalysis], Options], list[tuple[tuple[str, ...], str]]
]


@dataclass(frozen=True)
class Stage:
    """A registered stage.

    ``requires`` names stages whose outputs this one needs (without them it does not run);
    ``after`` names stages it uses when they are registered and enabled, and so runs after.
    ``export`` puts a document stage's output into the article's JSON. ``refines`` names
    another story stage whose output this one revises (linking quotes to posts, adding fact
    conflicts to date conflicts): it runs after that stage, its output replaces that stage's
    result, and every stage that requires the refined name runs after all of its refiners.
    """

    name: str
    func: Callable[..., Any]
    requires: tuple[str, ...] = ()
    export: bool = False
    refines: str | None = None
    after: tuple[str, ...] = ()


DOCUMENT_STAGES: dict[str, Stage] = {}
STORY_STAGES: dict[str, Stage] = {}
GROUPERS: dict[str, GroupFunc] = {}


def document_stage(
    name: str, *, requires: Iterable[str] = (), after: Iterable[str] = (), export: bool = False
):
    """Register ``func(doc, article, results, options)`` as the per-document stage ``name``.

    ``results`` maps the names of stages already run on this article to their outputs.
    """

    def register(func: DocumentFunc) -> DocumentFunc:
        DOCUMENT_STAGES[name] = Stage(name, func, tuple(requires), export, after=tuple(after))
        return func

    return register


def story_stage(
    name: str, *, requires: Iterable[str] = (), after: Iterable[str] = (), refines: str | None = None
):
    """Register ``func(story_input, options)`` as the per-story stage ``name``.

    When ``name`` is a field of :class:`~newsprism.model.Story` (``people``, ``quotes`` ...),
    the output fills that field; otherwise it is an intermediate result for later stages.
    With ``refines="quotes"`` the stage reads ``story.results["quotes"]`` and returns its
    revision, which replaces it (see :class:`Stage`).
    """

    def register(func: StoryFunc) -> StoryFunc:
        STORY_STAGES[name] = Stage(name, func, tuple(requires), refines=refines, after=tuple(after))
        return func

    return register


def grouper(name: str):
    """Register ``func(articles, article_results, options) -> [(article_ids, note)]`` as a way
    of grouping articles into stories, chosen with ``Options.grouping``."""

    def register(func: GroupFunc) -> GroupFunc:
        GROUPERS[name] = func
        return func

    return register


@grouper("single")
def single_story(articles, article_results, options):
    """Every article in one story: the grouping used until clustering is chosen."""
    note = "single: clustering not applied; every input article forms this one story"
    return [(tuple(article.id for article in articles), note)] if articles else []


_discovered = False


def discover_stages() -> None:
    """Import every module of ``newsprism.extract`` and ``newsprism.story`` so that their
    stages register themselves."""
    global _discovered
    if _discovered:
        return
    for package_name in ("newsprism.extract", "newsprism.story"):
        package = importlib.import_module(package_name)
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            importlib.import_module(f"{package_name}.{info.name}")
    _discovered = True


def ordered(stages: Mapping[str, Stage], disabled: Iterable[str] = ()) -> list[Stage]:
    """Stages in dependency order (ties by name, so runs are deterministic).

    A stage whose requirement is disabled or missing is dropped with it. Refiners of a stage
    run after it (in name order), and before every stage that requires it.
    """
    disabled = set(disabled)
    result: list[Stage] = []
    placed: set[str] = set()
    pending = {name: stage for name, stage in stages.items() if name not in disabled}
    needs = {name: set(_needs(stage, pending)) for name, stage in pending.items()}
    while pending:
        ready = sorted(n for n in pending if needs[n] <= placed)
        if not ready:
            break  # what is left needs something disabled, missing, or circular
        for name in ready:
            result.append(pending.pop(name))
            placed.add(name)
    return result


def _needs(stage: Stage, stages: Mapping[str, Stage]) -> list[str]:
    """Every stage that must run before ``stage``, refiners included."""
    refiners: dict[str, list[str]] = {}
    for other in sorted(stages):
        target = stages[other].refines
        if target:
            refiners.setdefault(target, []).append(other)
    needs = list(stage.requires) + [a for a in stage.after if a in stages]
    if stage.refines:
        needs.append(stage.refines)
        # Refiners of one stage form a chain in name order.
        chain = refiners[stage.refines]
        needs += chain[:chain.index(stage.name)]
    for required in (*stage.requires, *stage.after):
        # Refiners of an absent stage never run; a refiner that also requires the stage it
        # refines is ordered among its fellow refiners by the chain above, not after them all.
        if required in stages and required != stage.refines:
            needs += [r for r in refiners.get(required, ()) if r != stage.name]
    return needs
