"""People grouped across a story's articles."""

import pytest

import newsprism

pytestmark = pytest.mark.model


def person(analysis, name):
    (story,) = analysis.stories
    matches = [p for p in story.people if p.name == name]
    assert matches, f"{name} not among {[p.name for p in story.people]}"
    return matches[0]


def test_seed_aliases_and_handles_merge(seed_analysis):
    west = person(seed_analysis, "Kanye West")
    assert {"West", "Kanye", "KANYE WEST"} <= set(west.aliases)
    assert "@kanyewest" in west.handles
    legend = person(seed_analysis, "John Legend")
    assert {"Legend", "JL"} <= set(legend.aliases) and "@johnlegend" in legend.handles
    assert "@realDonaldTrump" in person(seed_analysis, "Donald Trump").handles
    assert "@chancetherapper" in person(seed_analysis, "Chance the Rapper").handles


def test_seed_descriptions_are_kept(seed_analysis):
    assert "White House press secretary" in [d.text for d in person(seed_analysis, "Sarah Sanders").descriptions]
    assert "Guardians of the Galaxy director" in [d.text for d in person(seed_analysis, "James Gunn").descriptions]


def test_seed_people_are_not_split_or_invented(seed_analysis):
    (story,) = seed_analysis.stories
    names = [p.name for p in story.people]
    for noise in ("Twitter", "Nah", "Vmas", "Famous", "Kanye", "Legend", "West"):
        assert noise not in names
    assert len(names) == len(set(names))


def test_first_name_alone_joins_only_someone_named_in_the_same_article(nlp, tmp_path):
    (tmp_path / "a.txt").write_text("Director James Gunn praised the film on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Lena Park said applicants named James were hired more often. Park published the data.",
        encoding="utf-8")
    # Two unrelated articles: put them into one story on purpose, to test people grouping.
    analysis = newsprism.analyze(newsprism.read_articles(tmp_path), newsprism.Options(grouping="single"))
    gunn = person(analysis, "James Gunn")
    assert all(span.article_id == gunn.evidence[0].article_id for span in gunn.evidence)


def test_two_people_sharing_a_surname_are_not_merged_on_a_guess(nlp, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Maria Lopez and Carlos Lopez spoke at the rally. Lopez then left early.", encoding="utf-8")
    analysis = newsprism.analyze(newsprism.read_articles(tmp_path))
    assert {"Maria Lopez", "Carlos Lopez"} <= {p.name for p in analysis.stories[0].people}
    for name in ("Maria Lopez", "Carlos Lopez"):
        assert "Lopez" not in person(analysis, name).aliases


def test_role_word_opening_a_sentence_is_not_part_of_the_name(nlp, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Campaigner Ada Moreno, a retired nurse who ran the clinic for years, said the ward was "
        "unsafe. Families slept in the hall of St Agatha's school.\n\n"
        "Ada Moreno said she would keep writing to the board. Moreno was not alone.\n\n"
        "Mary Ann Evans, the trust's chair, did not reply.", encoding="utf-8")
    analysis = newsprism.analyze(newsprism.read_articles(tmp_path))
    names = {p.name for p in analysis.stories[0].people}
    assert "Ada Moreno" in names and "Mary Ann Evans" in names
    assert not {"Campaigner Ada Moreno", "Moreno", "St Agatha", "Agatha"} & names
    moreno = person(analysis, "Ada Moreno")
    assert "Moreno" in moreno.aliases
    assert "retired nurse" in [d.text for d in moreno.descriptions]
    assert "trust's chair" in [d.text for d in person(analysis, "Mary Ann Evans").descriptions]
