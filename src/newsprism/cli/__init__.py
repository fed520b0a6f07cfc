"""The ``newsprism`` command: a thin layer over the library."""

from __future__ import annotations

import click

from newsprism import __version__
from newsprism.cli.analyze import analyze_command
from newsprism.cli.index import index_command
from newsprism.cli.inspect import options_command, stages_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="newsprism")
def main() -> None:
    """Reconstruct news stories from many outlets: who said what, embedded posts, when, and how
    outlets differ, with every claim pointing at its evidence.

    \b
    Example:
      newsprism analyze examples/story --json analysis.json --html report.html
    """


main.add_command(analyze_command)
main.add_command(index_command)
main.add_command(stages_command)
main.add_command(options_command)
