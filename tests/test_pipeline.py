"""The stage registry and the spine's guarantees, with stand-in stages (no model needed for
ordering; analyze tests share the session pipeline)."""

import pytest

from newsprism import stages
from newsprism.stages import Stage, ordered


def test_stages_run_in_dependency_order_deterministically():
    registry = {
        "c": Stage("c", None, ("b",)),
        "b": Stage("b", None, ("a",)),
        "a": Stage("a", None),
        "z": Stage("z", None),
    }
    assert [s.name for s in ordered(registry)] == ["a", "z", "b", "c"]


def test_disabled_stage_drops_what_needs_it():
    registry = {"a": Stage("a", None), "b": Stage("b", None, ("a",)), "c": Stage("c", None)}
    assert [s.name for s in ordered(registry, {"a"})] == ["c"]


@pytest.mark.model
def test_a_failing_stage_is_reported_and_the_rest_goes_on(nlp, monkeypatch, tmp_path):
    import newsprism

    def explode(doc, article, results, options):
        if "boom" in article.text:
            raise ValueError("cannot cope")
        return len(doc)

    monkeypatch.setitem(stages.DOCUMENT_STAGES, "explode", Stage("explode", explode))
    (tmp_path / "a.txt").write_text("The minister said boom twice on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The minister said nothing on Tuesday.", encoding="utf-8")
    analysis = newsprism.analyze(newsprism.read_articles(tmp_path))
    assert len(analysis.articles) == 2
    (failure,) = [s for s in analysis.skipped if s.stage == "explode"]
    assert failure.input.endswith("a.txt") and "cannot cope" in failure.reason
    results = {a.source: analysis.article_results[a.id].results for a in analysis.articles}
    assert "explode" not in results[str(tmp_path / "a.txt")]
    assert results[str(tmp_path / "b.txt")]["explode"] > 0


def test_without_clustering_all_articles_form_one_story_and_say_so():
    from newsprism.model import Article
    from newsprism.options import Options
    from newsprism.stages import GROUPERS

    articles = [Article(id=f"a{i}", source=f"{i}.txt", text=f"Text {i}.") for i in range(3)]
    ((ids, note),) = GROUPERS["single"](articles, {}, Options(grouping="single"))
    assert ids == ("a0", "a1", "a2")
    assert "clustering not applied" in note


def test_refiners_run_after_their_stage_and_before_its_users():
    registry = {
        "quotes": Stage("quotes", None, ("people",)),
        "people": Stage("people", None),
        "brief": Stage("brief", None, ("quotes",)),
        "quote_posts": Stage("quote_posts", None, ("posts",), refines="quotes"),
        "posts": Stage("posts", None, ("people",)),
        "quote_dates": Stage("quote_dates", None, (), refines="quotes"),
    }
    names = [s.name for s in ordered(registry)]
    assert names.index("quotes") < names.index("quote_dates") < names.index("quote_posts")
    assert names.index("posts") < names.index("quote_posts") < names.index("brief")


def test_two_refiners_of_one_stage_that_also_require_it_both_run():
    registry = {
        "quotes": Stage("quotes", None),
        "posts": Stage("posts", None),
        "quote_dates": Stage("quote_dates", None, ("quotes",), refines="quotes"),
        "quote_posts": Stage("quote_posts", None, ("posts", "quotes"), refines="quotes"),
        "events": Stage("events", None, after=("quotes",)),
    }
    names = [s.name for s in ordered(registry)]
    assert names.index("quote_dates") < names.index("quote_posts") < names.index("events")
    assert len(names) == len(registry)


@pytest.mark.model
def test_refined_output_fills_the_story_field(nlp, monkeypatch, tmp_path):
    import newsprism

    monkeypatch.setitem(stages.STORY_STAGES, "conflicts", Stage("conflicts", lambda s, o: ("a",)))
    monkeypatch.setitem(stages.STORY_STAGES, "more_conflicts",
                        Stage("more_conflicts", lambda s, o: (*s.results["conflicts"], "b"), refines="conflicts"))
    (tmp_path / "a.txt").write_text("The minister spoke on Monday.", encoding="utf-8")
    analysis = newsprism.analyze(newsprism.read_articles(tmp_path))
    assert analysis.stories[0].conflicts == ("a", "b")


def test_soft_order_applies_only_when_the_other_stage_exists():
    registry = {"quotes": Stage("quotes", None, after=("posts",)), "posts": Stage("posts", None, ("zz",))}
    registry["zz"] = Stage("zz", None)
    assert [s.name for s in ordered(registry)] == ["zz", "posts", "quotes"]
    assert [s.name for s in ordered(registry, {"posts"})] == ["quotes", "zz"]


def test_a_run_hands_every_object_it_froze_back_to_the_collector():
    import gc

    from newsprism.pipeline import _settled

    assert gc.get_freeze_count() == 0
    thresholds = gc.get_threshold()
    with _settled() as settle:
        kept = [[index] for index in range(1000)]
        settle()
        assert gc.get_freeze_count() >= len(kept)
        assert gc.get_threshold()[0] > thresholds[0]
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == thresholds


def test_a_caller_that_freezes_objects_itself_is_left_as_it_is():
    import gc

    from newsprism.pipeline import _settled

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with _settled() as settle:
            kept = [[index] for index in range(1000)]
            settle()
        assert kept and gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
