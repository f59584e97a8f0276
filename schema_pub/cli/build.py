"""``schema-pub build``: publish article sources."""

from __future__ import annotations

from pathlib import Path

import click

from schema_pub.publish.build import find_sources, iter_build


@click.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", "outdir", type=click.Path(path_type=Path, file_okay=False),
    default=Path("output"), show_default=True, help="Folder the articles are written to.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
def build(sources: tuple[Path, ...], outdir: Path, quiet: bool) -> None:
    """Publish article sources (default: content/) to OUTDIR/<slug>/."""
    paths = list(sources) or [Path("content")]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise click.UsageError(f"no such file or folder: {', '.join(missing)}")
    found = find_sources(paths)
    if not found:
        raise click.UsageError(f"no article sources (.yaml, .yml, .md) in {', '.join(map(str, paths))}")
    built = failed = 0
    for result in iter_build(found, outdir):
        if result.ok:
            built += 1
            if not quiet:
                state = "written" if result.written else "unchanged"
                click.echo(f"{result.source}: {state} -> {outdir / (result.slug or '')}/")
            for warning in result.warnings:
                click.echo(f"{result.source}: warning: {warning}", err=True)
        else:
            failed += 1
            for problem in result.problems:
                click.echo(f"error: {problem}", err=True)
    summary = f"{built} article(s) built, {failed} failed"
    click.echo(summary, err=bool(failed))
    if failed:
        raise SystemExit(1)
