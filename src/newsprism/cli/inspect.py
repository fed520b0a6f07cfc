"""``newsprism stages`` and ``newsprism options``: what a run can be steered with."""

from __future__ import annotations

import click

from newsprism.cli.values import option_names
from newsprism.options import Options
from newsprism.stages import DOCUMENT_STAGES, GROUPERS, STORY_STAGES, discover_stages, ordered


@click.command("stages", short_help="List the stages and story groupings.")
def stages_command():
    """List the registered stages in the order they run, and the story groupings.

    Stage names are what --disable accepts; grouping names what --grouping accepts.
    'needs' stages must run first (without them the stage is dropped), 'after' stages run
    first when present, a refiner revises another stage's output, and 'exported' stages put
    their output under each article in the JSON.

    \b
    Example:
      newsprism stages
    """
    discover_stages()
    for title, registry in (("per-document stages", DOCUMENT_STAGES), ("per-story stages", STORY_STAGES)):
        click.echo(f"{title}:")
        for stage in ordered(registry):
            notes = []
            if stage.requires:
                notes.append(f"needs {', '.join(stage.requires)}")
            if stage.after:
                notes.append(f"after {', '.join(stage.after)}")
            if stage.refines:
                notes.append(f"refines {stage.refines}")
            if stage.export:
                notes.append("exported")
            click.echo(f"  {stage.name}" + (f"  ({'; '.join(notes)})" if notes else ""))
        dropped = sorted(set(registry) - {s.name for s in ordered(registry)})
        for name in dropped:
            click.echo(f"  {name}  (not run: a stage it needs is missing)")
    click.echo("groupings:")
    for name in sorted(GROUPERS):
        click.echo(f"  {name}" + ("  (default)" if name == Options().grouping else ""))


@click.command("options", short_help="List every option and its default.")
def options_command():
    """List every option with its default value, for analyze --set OPTION=VALUE.

    Lists take comma-separated values; 'none' clears an option that may be empty. What each
    option does is documented in the Options classes (newsprism.options).

    \b
    Example:
      newsprism options
    """
    defaults = Options()
    for name in option_names():
        value = defaults
        for part in name.split("."):
            value = getattr(value, part)
        click.echo(f"{name}={_show(value)}")


def _show(value: object) -> str:
    """A value as --set accepts it back."""
    if isinstance(value, (set, frozenset, tuple, list)):
        return ",".join(sorted(map(str, value)))
    if value is None:
        return "none"
    return str(value).lower() if isinstance(value, bool) else str(value)
