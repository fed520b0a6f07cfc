"""``newsprism index``: a persistent story index that takes new articles as they arrive."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newsprism.errors import NewsprismError
from newsprism.ingest import read_articles
from newsprism.model import Skipped
from newsprism.options import Options
from newsprism.story.index import StoryIndex

INDEX_OPTION = click.option(
    "--index", "index_dir", required=True, type=click.Path(file_okay=False),
    help="Directory holding the story index (created by the first 'add').")


@click.group("index")
def index_command() -> None:
    """Keep a story index on disk: add articles as they arrive, list the stories.

    Each added article joins the story of its event or opens a new one, in time that does not
    grow with the number of stored articles. The directory format is documented in
    docs/story-index.md.

    Example: newsprism index add --index stories.idx today/*.json
    """


@index_command.command("add")
@INDEX_OPTION
@click.argument("paths", nargs=-1, required=True)
@click.option("--assignments", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write one JSON line per added article (article_id, source, story_id) to "
                   "this file ('-' for stdout).")
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr.")
def add_command(index_dir, paths, assignments, quiet):
    """Add the articles in PATHS (files, directories, glob patterns, - for stdin) to the index.

    Exit status: 0 when every input was added, 1 when any input was skipped (each is named on
    stderr), 2 on usage errors.

    Example: newsprism index add --index stories.idx feeds/morning.xml
    """
    options = Options()

    def report_skip(entry: Skipped) -> None:
        click.echo(f"skipped: {entry.input}: {entry.reason}", err=True)

    try:
        directory = Path(index_dir)
        index = StoryIndex.load(directory) if (directory / "index.json").exists() else StoryIndex(options.story)
        corpus = read_articles(paths, options.read, on_skip=report_skip)
        stories_before = len(index.stories)
        lines = []
        for article in corpus.articles:
            story_id = index.add(article)
            lines.append({"article_id": article.id, "source": article.source, "story_id": story_id})
        index.save(directory)
    except NewsprismError as error:
        raise click.ClickException(str(error)) from error
    if assignments:
        text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        if assignments == "-":
            click.echo(text, nl=False)
        else:
            Path(assignments).write_text(text, encoding="utf-8")
    if not quiet:
        opened = len(index.stories) - stories_before
        click.echo(f"{len(lines)} article(s) added, {opened} new stor{'y' if opened == 1 else 'ies'}; "
                   f"the index holds {len(index)} article(s) in {len(index.stories)} stories"
                   + (f"; {len(corpus.skipped)} skipped (see above)" if corpus.skipped else ""),
                   err=True)
    sys.exit(1 if corpus.skipped else 0)


@index_command.command("stories")
@INDEX_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the stories as JSON.")
@click.option("--min-articles", type=click.IntRange(min=1), default=1,
              help="List only stories with at least this many articles.")
def stories_command(index_dir, as_json, min_articles):
    """List the index's stories, largest first: id, articles, dates, title.

    Example: newsprism index stories --index stories.idx --min-articles 3
    """
    try:
        index = StoryIndex.load(index_dir)
    except NewsprismError as error:
        raise click.ClickException(str(error)) from error
    stories = [s for s in index.stories if len(s.article_ids) >= min_articles]
    stories.sort(key=lambda s: -len(s.article_ids))
    if as_json:
        click.echo(json.dumps([s.to_dict() for s in stories], ensure_ascii=False, indent=2))
        return
    for story in stories:
        data = story.to_dict()
        span = " .. ".join(dict.fromkeys(d for d in (data["first_published"], data["last_published"]) if d))
        copies = sum(len(c) for c in story.duplicates.values())
        click.echo(f"{story.id}\t{len(story.article_ids)} article(s)"
                   + (f", {copies} duplicate(s)" if copies else "")
                   + (f"\t{span}" if span else "") + f"\t{story.title or ''}")
