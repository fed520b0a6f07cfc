"""``newsprism analyze``: exit codes, outputs, stdin, the progress bar, and the skip summary.

Exit codes are checked on the installed entry point (a real process); the rest runs in-process
with click's CliRunner, sharing the session's spaCy pipeline."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import newsprism
from newsprism import stages
from newsprism.cli import main
from newsprism.report.json_output import schema
from newsprism.stages import Stage
from tests.conftest import assert_evidence_checks

STORY = [
    "Harbour master Ines Moreau closed the north pier on Monday after a crane toppled in strong wind.",
    '"Nobody was hurt, and that is what matters," Moreau said on Tuesday.',
    "Dock workers said the crane had been due for an inspection since January 2024.",
    "The port authority will review its wind limits, spokesman Karl Ost said.",
    "Ferries to the island ran from the south pier instead, the operator said.",
    "Moreau said the north pier could reopen next week if engineers agree.",
]


def entry_point() -> str:
    """The installed ``newsprism`` script of the environment running the tests."""
    beside = Path(sys.executable).with_name("newsprism")
    found = str(beside) if beside.exists() else shutil.which("newsprism")
    assert found, "the newsprism entry point is not installed: pip install -e '.[test]'"
    return found


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([entry_point(), *args], input=stdin, capture_output=True, text=True, timeout=300)


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir(exist_ok=True)
    for index, sentence in enumerate(STORY[:count]):
        (folder / f"{index}.txt").write_text(f"date 2024-03-0{index + 1}\n{sentence}\n", encoding="utf-8")
    return folder


# ---- usage errors: exit 2 before anything is loaded ----------------------------------------

@pytest.mark.parametrize(("args", "message"), [
    ((), "Missing argument 'PATHS...'"),
    (("x.txt", "--bogus"), "No such option '--bogus'"),
    (("x.txt", "--max-bytes", "0"), "--max-bytes"),
    (("x.txt", "--field", "body"), "use NAME=FIELD"),
    (("x.txt", "--set", "nlp.batch_size=many"), "not an integer"),
    (("x.txt", "--disable", "no-such-stage"), "unknown stage 'no-such-stage'"),
    (("x.txt", "--grouping", "no-such-grouping"), "unknown grouping 'no-such-grouping'"),
    (("x.txt", "--json", "/no/such/dir/out.json"), "does not exist"),
    (("x.txt", "--json", "-", "--html", "-"), "only one of --json -, --html - and --brief"),
])
def test_usage_errors_exit_2_with_the_problem_on_stderr(args, message):
    result = run("analyze", *args)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert result.stdout == ""


def test_version_from_the_entry_point():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"newsprism, version {newsprism.__version__}"


# ---- real runs -----------------------------------------------------------------------------

@pytest.mark.model
def test_exit_0_on_success_and_1_with_a_summary_naming_each_skipped_input(tmp_path):
    folder = write_articles(tmp_path / "in", 2)
    ok = run("analyze", str(folder))
    assert ok.returncode == 0, ok.stderr
    assert len(json.loads(ok.stdout)["articles"]) == 2
    assert "skipped" not in ok.stderr and "2 article(s), " in ok.stderr

    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "image.txt").write_bytes(bytes(range(256)) * 4)
    bad = run("analyze", str(folder), str(tmp_path / "missing.txt"), "--json", str(tmp_path / "out.json"))
    assert bad.returncode == 1
    summary = bad.stderr[bad.stderr.index("skipped 3:"):]
    assert f"{folder / 'empty.txt'}: " in summary and "empty" in summary
    assert f"{folder / 'image.txt'}: " in summary and "binary" in summary
    assert f"{tmp_path / 'missing.txt'}: " in summary
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 2 and len(data["skipped"]) == 3


@pytest.mark.model
def test_json_goes_to_stdout_without_json_or_html_options(nlp, tmp_path):
    result = CliRunner().invoke(main, ["analyze", str(write_articles(tmp_path / "in", 2))])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema())
    assert [a["text"] for a in data["articles"]] == STORY[:2]


@pytest.mark.model
def test_json_and_html_files_are_written_and_stdout_stays_empty(nlp, tmp_path):
    out_json, out_html = tmp_path / "a.json", tmp_path / "r.html"
    result = CliRunner().invoke(main, ["analyze", str(write_articles(tmp_path / "in", 3)), "--grouping", "single",
                                       "--json", str(out_json), "--html", str(out_html)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    data = json.loads(out_json.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema())
    assert len(data["articles"]) == 3 and len(data["stories"]) == 1
    assert assert_evidence_checks(data) > 0
    html = out_html.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Ines Moreau" in html


@pytest.mark.model
def test_html_alone_writes_no_json_and_dash_is_stdout(nlp, tmp_path):
    folder = write_articles(tmp_path / "in", 1)
    html_only = CliRunner().invoke(main, ["analyze", str(folder), "--html", str(tmp_path / "r.html")])
    assert html_only.exit_code == 0 and html_only.stdout == ""
    dash = CliRunner().invoke(main, ["analyze", str(folder), "--json", "-", "--html", str(tmp_path / "r.html")])
    assert json.loads(dash.stdout)["articles"][0]["text"] == STORY[0]
    html_dash = CliRunner().invoke(main, ["analyze", str(folder), "--html", "-"])
    assert html_dash.exit_code == 0 and html_dash.stdout.startswith("<!DOCTYPE html>") and "Moreau" in html_dash.stdout


@pytest.mark.model
def test_dash_reads_standard_input(nlp):
    lines = "\n".join(json.dumps({"text": text, "outlet": "Pier Post", "id": n}) for n, text in enumerate(STORY[:2]))
    result = CliRunner().invoke(main, ["analyze", "-", "--field", "outlet=outlet"], input=lines + "\n")
    assert result.exit_code == 0, result.stderr
    articles = json.loads(result.stdout)["articles"]
    assert [a["source"] for a in articles] == ["<stdin>:1 (0)", "<stdin>:2 (1)"]
    assert {a["outlet"] for a in articles} == {"Pier Post"}


@pytest.mark.model
def test_progress_bar_for_many_documents_and_none_for_few_or_quiet(nlp, tmp_path):
    many = write_articles(tmp_path / "many", 6)
    few = write_articles(tmp_path / "few", 2)
    assert "analyzing 6 articles" in CliRunner().invoke(main, ["analyze", str(many)]).stderr
    assert "analyzing" not in CliRunner().invoke(main, ["analyze", str(few)]).stderr
    quiet = CliRunner().invoke(main, ["analyze", str(many), "-q"])
    assert quiet.exit_code == 0 and quiet.stderr == ""


@pytest.mark.model
def test_the_library_itself_prints_nothing(nlp, tmp_path, capfd):
    folder = write_articles(tmp_path / "in", 6)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    seen = []
    analysis = newsprism.analyze(newsprism.read_articles(folder), progress=lambda done, total: seen.append(done))
    analysis.to_json()
    assert len(analysis.articles) == 6 and len(analysis.skipped) == 1 and seen == [1, 2, 3, 4, 5, 6]
    assert capfd.readouterr() == ("", "")


@pytest.mark.model
def test_a_failed_stage_is_listed_with_its_name_and_exits_1(nlp, tmp_path, monkeypatch):
    def explode(doc, article, results, options):
        if "crane toppled" in article.text:
            raise ValueError("cannot cope")

    monkeypatch.setitem(stages.DOCUMENT_STAGES, "explode", Stage("explode", explode))
    result = CliRunner().invoke(main, ["analyze", str(write_articles(tmp_path / "in", 2)), "-q"])
    assert result.exit_code == 1
    assert f"{tmp_path / 'in' / '0.txt'} [stage explode]: ValueError: cannot cope" in result.stderr
    assert len(json.loads(result.stdout)["articles"]) == 2


@pytest.mark.model
def test_disabled_stage_leaves_its_output_empty(nlp, tmp_path):
    result = CliRunner().invoke(main, ["analyze", str(write_articles(tmp_path / "in", 2)), "--disable", "people"])
    assert result.exit_code == 0
    assert all(story["people"] == [] for story in json.loads(result.stdout)["stories"])


def test_nothing_readable_exits_1_naming_each_input(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / "empty.txt"), str(tmp_path / "gone.txt")])
    assert result.exit_code == 1
    assert "no article could be read" in result.stderr
    assert f"{tmp_path / 'empty.txt'}: " in result.stderr and f"{tmp_path / 'gone.txt'}: " in result.stderr
    assert result.stdout == ""
