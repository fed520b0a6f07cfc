"""``newsprism index add`` / ``newsprism index stories``."""

import json

from click.testing import CliRunner

from newsprism.cli import main
from tests.story.reports import QUAKE_A, QUAKE_B


def write_reports(folder, reports, prefix):
    folder.mkdir(exist_ok=True)
    for i, (title, text) in enumerate(reports):
        (folder / f"{prefix}{i}.json").write_text(json.dumps({"title": title, "text": text}), encoding="utf-8")


def test_add_then_list_stories(tmp_path):
    write_reports(tmp_path / "in", QUAKE_A, "a")
    index = tmp_path / "idx"
    runner = CliRunner()
    result = runner.invoke(main, ["index", "add", "--index", str(index), str(tmp_path / "in"),
                                  "--assignments", "-"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 3 and len({line["story_id"] for line in lines}) == 1

    write_reports(tmp_path / "later", QUAKE_B, "b")
    result = runner.invoke(main, ["index", "add", "--index", str(index), str(tmp_path / "later")])
    assert result.exit_code == 0
    assert "2 article(s) added, 1 new story" in result.stderr

    result = runner.invoke(main, ["index", "stories", "--index", str(index), "--json"])
    stories = json.loads(result.stdout)
    assert [len(s["article_ids"]) for s in stories] == [3, 2]
    assert stories[0]["title"] in {t for t, _ in QUAKE_A}
    result = runner.invoke(main, ["index", "stories", "--index", str(index), "--min-articles", "3"])
    assert result.stdout.count("story-") == 1


def test_a_broken_input_is_named_and_the_rest_is_added(tmp_path):
    write_reports(tmp_path / "in", QUAKE_A[:1], "a")
    (tmp_path / "in" / "broken.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(main, ["index", "add", "--index", str(tmp_path / "idx"), str(tmp_path / "in")])
    assert result.exit_code == 1
    assert "broken.json" in result.stderr and "1 article(s) added" in result.stderr


def test_listing_a_missing_index_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["index", "stories", "--index", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "story index" in result.output and "none" in result.output
