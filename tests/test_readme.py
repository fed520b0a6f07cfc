"""The README stays true: exactly two set-up commands (which .ci/run executes verbatim), and
its Python example runs."""

import re

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def setup_commands() -> dict[str, list[str]]:
    """The lines of each ``<!-- setup: NAME -->`` code block."""
    return {
        name: block.strip().splitlines()
        for name, block in re.findall(r"^<!-- setup: (\w+) -->\n```sh\n(.*?)^```", README, re.M | re.S)
    }


def test_exactly_two_single_line_setup_commands():
    commands = setup_commands()
    assert sorted(commands) == ["example", "tests"]
    assert all(len(lines) == 1 for lines in commands.values()), commands
    assert README.count("<!-- setup:") == 2


def test_setup_commands_install_the_project_and_do_what_they_say():
    commands = setup_commands()
    example, tests = commands["example"][0], commands["tests"][0]
    for command in (example, tests):
        assert command.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install ")
    assert "newsprism analyze examples/story --json analysis.json --html report.html" in example
    assert "'.[test]'" in tests and tests.endswith("python -m pytest")


def test_ci_runs_the_readme_commands_from_the_readme_itself():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "setup: example" in script and "setup: tests" in script
    assert (ROOT / ".ci" / "run").stat().st_mode & 0o111, ".ci/run must be executable"


@pytest.mark.model
def test_python_example_runs(nlp, monkeypatch, capsys):
    (code,) = re.findall(r"^```python\n(.*?)^```", README, re.M | re.S)
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - the README's own example
    assert namespace["analysis"].articles and '"stories"' in namespace["json_text"]
    assert "articles;" in capsys.readouterr().out
