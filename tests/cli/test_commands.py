"""The command group: version, help with examples for every command, the listing commands,
and the README's commands still existing."""

import re
import shlex

import click
import pytest
from click.testing import CliRunner

from newsprism import __version__
from newsprism.cli import main
from newsprism.cli.values import option_names, parse_setting
from tests.conftest import ROOT



def command_paths(group: click.Group = main, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and subcommand as its argv path: ("analyze",), ("index", "add"), ..."""
    paths = []
    for name in sorted(group.commands):
        command = group.commands[name]
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths += command_paths(command, (*prefix, name))
    return paths


COMMANDS = sorted(main.commands)
PATHS = command_paths()


def test_version_is_the_package_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"newsprism, version {__version__}"


@pytest.mark.parametrize("args", [[], *(list(path) for path in PATHS)], ids=" ".join)
def test_every_command_has_help_with_an_example(args):
    result = CliRunner().invoke(main, [*args, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.stdout
    # The example names a real command of this program.
    example = result.stdout.split("Example", 1)[1]
    assert re.search(r"newsprism (%s)\b" % "|".join(COMMANDS), example)
    if args:
        assert f"newsprism {' '.join(args)}" in example


def test_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(main, ["analyse", "x"])
    assert result.exit_code == 2
    assert "No such command" in result.stderr


def test_stages_lists_the_registered_stages_and_groupings():
    result = CliRunner().invoke(main, ["stages"])
    assert result.exit_code == 0
    assert re.search(r"^  mentions\b", result.stdout, re.M)
    assert re.search(r"^  people\b", result.stdout, re.M)
    groupings = result.stdout.split("groupings:\n", 1)[1]
    assert re.search(r"^  single\b", groupings, re.M)
    assert len(re.findall(r"\(default\)$", groupings, re.M)) == 1


def test_options_lists_every_option_in_a_form_set_accepts_back():
    result = CliRunner().invoke(main, ["options"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split("=", 1)[0] for line in lines] == option_names()
    assert "nlp.batch_size=32" in lines and "read.clean=true" in lines and "nlp.model=none" in lines
    for line in lines:
        parse_setting(line)  # raises if a listed default could not be set back


@pytest.mark.parametrize(("text", "expected"), [
    ("nlp.batch_size=64", ("nlp.batch_size", 64)),
    ("read.clean=false", ("read.clean", False)),
    ("read.clean=YES", ("read.clean", True)),
    ("nlp.model=en_core_web_md", ("nlp.model", "en_core_web_md")),
    ("nlp.model=none", ("nlp.model", None)),
    ("read.encoding=", ("read.encoding", None)),
    ("read.text_field=body=text", ("read.text_field", "body=text")),
    ("disabled_stages=people, mentions", ("disabled_stages", frozenset({"people", "mentions"}))),
    ("grouping=single", ("grouping", "single")),
])
def test_settings_are_typed_by_the_option_declaration(text, expected):
    assert parse_setting(text) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("nlp.batch_size", "use OPTION=VALUE"),
    ("=3", "use OPTION=VALUE"),
    ("nlp.batch=3", "unknown option 'nlp.batch'"),
    ("nlp=3", "is a section"),
    ("nlp.batch_size.x=3", "unknown option"),
    ("nlp.batch_size=many", "not an integer"),
    ("read.clean=maybe", "not true or false"),
    ("nlp.batch_size=none", "not an integer"),
])
def test_bad_settings_say_what_is_wrong(text, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_setting(text)


# ---- the README ---------------------------------------------------------------------------

README = ROOT / "README.md"


def readme_commands() -> list[list[str]]:
    """Every ``newsprism ...`` invocation inside the README's ``sh`` code blocks, as argv."""
    blocks = re.findall(r"^```(?:sh|bash|console)\n(.*?)^```", README.read_text(encoding="utf-8"), re.M | re.S)
    commands = []
    for block in blocks:
        for line in block.replace("\\\n", " ").splitlines():
            tokens = shlex.split(line.lstrip("$ "), comments=True)
            current = None
            for token in tokens:
                if token in ("&&", "||", "|", ";", ">", "<"):
                    current = None
                elif token == "newsprism" and current is None:
                    current = []
                    commands.append(current)
                elif current is not None:
                    current.append(token)
    return commands


def test_the_readme_shows_commands():
    commands = readme_commands()
    assert len(commands) >= 5
    assert ["analyze", "examples/story", "--json", "analysis.json", "--html", "report.html"] in commands


@pytest.mark.parametrize("argv", readme_commands(), ids=" ".join)
def test_readme_commands_exist(argv):
    command: click.Command = main
    args = list(argv)
    while isinstance(command, click.Group) and args and not args[0].startswith("-"):
        assert args[0] in command.commands, f"README uses unknown command {args[0]!r}"
        command = command.commands[args.pop(0)]
    known = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
    known |= {"--help", "-h"} | ({"--version"} if command is main else set())
    for token in args:
        if token.startswith("-") and token != "-":
            assert token.split("=", 1)[0] in known, f"README uses unknown option {token!r}"


@pytest.mark.parametrize("path", [(), *PATHS], ids=" ".join)
def test_readme_reference_is_the_generated_help(path):
    args = [*path, "--help"]
    # 78 columns: the layout click gives every terminal of 80 columns or more.
    help_text = CliRunner().invoke(main, args, prog_name="newsprism", terminal_width=78).stdout.rstrip()
    readme = README.read_text(encoding="utf-8")
    assert help_text in readme, (
        f"the README's reference for 'newsprism {' '.join(args)}' differs from the generated help; "
        f"paste this in its place (COLUMNS=80 newsprism {' '.join(args)}):\n{help_text}")
