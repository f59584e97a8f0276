"""``schema-pub build``: publish article sources, then the site's feeds."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import click

from schema_pub.publish.build import ArticleResult, find_sources


def _parse_now(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(
            f"not an ISO 8601 date or date-time: {value!r}", param_hint="--now"
        ) from None
    return when if when.tzinfo is not None else when.replace(tzinfo=timezone.utc)


@click.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "outdir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("output"),
    show_default=True,
    help="Folder the site is written to.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Rebuild every article, even those unchanged since the last build.",
)
@click.option(
    "--now",
    metavar="DATETIME",
    help="End of the news sitemap's two-day window (default: $SOURCE_DATE_EPOCH, else the newest article's date).",
)
@click.option("--no-validate", is_flag=True, help="Do not validate the JSON-LD written.")
@click.option(
    "--fsync", is_flag=True, help="Flush every file to disk before renaming it (power-cut safety)."
)
@click.option("-q", "--quiet", is_flag=True, help="Print only problems and the summary.")
def build(
    sources: tuple[Path, ...],
    outdir: Path,
    jobs: int,
    force: bool,
    now: str | None,
    no_validate: bool,
    fsync: bool,
    quiet: bool,
) -> None:
    """Publish article sources (default: content/) to OUTDIR/<slug>/ and the site feeds.

    Exit status: 0 when every article was built, 1 when any failed (the others
    are still built), 2 on a usage error.
    """
    from schema_pub.publish.site import build_site

    when = _parse_now(now)
    paths = list(sources) or [Path("content")]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise click.UsageError(f"no such file or folder: {', '.join(missing)}")
    found = find_sources(paths)
    if not found:
        raise click.UsageError(
            f"no article sources (.yaml, .yml, .md) in {', '.join(map(str, paths))}"
        )

    interactive = not quiet and sys.stderr.isatty()
    bar: Any = None
    if interactive:
        bar = click.progressbar(length=len(found), label="Building", file=sys.stderr)
        bar.__enter__()

    def progress(result: ArticleResult) -> None:
        if bar is not None:
            bar.update(1)
        for problem in result.problems:
            message = f"error: {problem}"
            if bar is not None:
                click.echo("\r\033[K" + message, err=True)
            else:
                click.echo(message, err=True)
        for warning in result.warnings:
            click.echo(f"{result.source}: warning: {warning}", err=True)
        if bar is None and not quiet and result.ok and not result.skipped:
            click.echo(f"{result.source}: built -> {outdir / (result.slug or '')}/")

    from schema_pub.publish.files import FolderBusy

    try:
        report = build_site(
            paths,
            outdir,
            jobs=jobs,
            force=force,
            now=when,
            validate=not no_validate,
            durable=fsync,
            progress=progress,
            found=found,
            keep_results=False,
        )
    except FolderBusy as exc:
        click.echo(f"error: {exc}; wait for it to finish", err=True)
        raise SystemExit(2) from None
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for finding in report.findings:
        click.echo(f"warning: {finding}", err=True)
    if not quiet and report.feeds_written:
        click.echo(f"feeds written: {', '.join(Path(p).name for p in report.feeds_written)}")
    click.echo(report.summary(), err=not report.ok)
    if not report.ok:
        raise SystemExit(1)
