"""``schema-pub import``: draft an article source from plain text."""

from __future__ import annotations

import re
from pathlib import Path

import click

from schema_pub.importer import import_file, write_draft
from schema_pub.models.types import check_datetime, check_http_url
from schema_pub.publish.build import SITE_FILE, find_site_file, load_site
from schema_pub.publish.errors import SourceError
from schema_pub.publish.source import SiteSource


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_datetime(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_http_url(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command("import")
@click.argument("article", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Source file to write (default: content/<name>.md).",
)
@click.option(
    "--date",
    "date",
    callback=_date,
    metavar="ISO",
    help="Publication date-time with timezone, e.g. 2025-06-12T14:30:00-04:00.",
)
@click.option("--url", "url", callback=_url, metavar="URL", help="Canonical URL of the article.")
@click.option("-f", "--force", is_flag=True, help="Overwrite an existing source file.")
@click.option("-q", "--quiet", is_flag=True, help="Report only errors and what needs a person.")
def import_(
    article: Path, output: Path | None, date: str | None, url: str | None, force: bool, quiet: bool
) -> None:
    """Draft an article source from the plain text or Markdown in ARTICLE.

    The draft is Markdown with a YAML header; values the text lacks are written
    as marked placeholders so that the draft builds. What was inferred and what
    needs a person is reported on standard error.
    """
    if not article.is_file():
        raise click.UsageError(f"no such file: {article}")
    target = output if output is not None else Path("content") / f"{article.stem}.md"
    if target.resolve() == article.resolve():
        raise click.UsageError(
            f"the draft would overwrite the article itself: choose another -o than {target}"
        )
    if target.exists() and not force:
        raise click.UsageError(f"{target} exists: pass --force to overwrite it")
    site: SiteSource | None = None
    site_path = find_site_file(target)
    if site_path is not None:
        try:
            site = load_site(site_path)
        except SourceError as exc:
            click.echo(f"warning: {SITE_FILE} ignored: {exc}", err=True)
    result = import_file(article, date=date, url=url, slug_=_slug(target), site=site)
    written = write_draft(result, target)
    for note in result.report.sorted_notes():
        if quiet and note.kind == "inferred":
            continue
        click.echo(note.format(result.report.file), err=True)
    quotes = len(result.attributions)
    state = "written" if written else "unchanged"
    click.echo(
        f"{target}: {state} ({quotes} quotation(s), {len(result.report.reviews)} to review, "
        f"{len(result.report.errors)} error(s))",
        err=True,
    )
    if not result.usable:
        raise SystemExit(1)


def _slug(target: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", target.stem.lower()).strip("-") or "article"
