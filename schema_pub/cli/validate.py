"""``schema-pub validate`` and ``schema-pub rules``: parse options, call the library, print."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from schema_pub.validate.config import (
    MAX_DEPTH_CEILING,
    ConfigError,
    Options,
    load_options,
    options_from_file,
)
from schema_pub.validate.inputs import InputError

FORMATS = ("text", "json", "sarif", "github")


class CannotRun(click.ClickException):
    """The command could not run (bad configuration, missing path): exit status 2."""

    exit_code = 2


def _use_colour(choice: str, output: Path | None) -> bool:
    if choice == "always":
        return True
    if choice == "never" or output is not None:
        return False
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _split(values: tuple[str, ...]) -> list[str]:
    return [part for value in values for part in value.split(",") if part.strip()]


@click.command("validate")
@click.argument("paths", nargs=-1, type=str)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Report for people (text), JSON, SARIF 2.1.0, or GitHub workflow annotations.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to FILE.",
)
@click.option(
    "--select",
    multiple=True,
    help="Rule codes or prefixes to check (replaces the configured list).",
)
@click.option("--extend-select", multiple=True, help="Rule codes or prefixes to add.")
@click.option("--ignore", multiple=True, help="Rule codes or prefixes to leave out.")
@click.option(
    "--severity",
    "severities",
    multiple=True,
    metavar="CODE=LEVEL",
    help="Override a rule's severity (error, warning, info).",
)
@click.option(
    "--type",
    "type_",
    type=click.Choice(["jsonld", "json", "html"]),
    help="Read every input as this type, whatever its name.",
)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option(
    "--profile",
    is_flag=True,
    default=None,
    help="Also check conformance to the JSON Schemas in schemas/.",
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
    "--max-size", type=click.IntRange(min=1), help="Largest file in bytes (default 10 MB)."
)
@click.option(
    "--max-depth",
    type=click.IntRange(min=1, max=MAX_DEPTH_CEILING),
    help=f"Deepest nesting (default 256, at most {MAX_DEPTH_CEILING}).",
)
@click.option(
    "--max-blocks", type=click.IntRange(min=1), help="Most JSON-LD blocks per page (default 100)."
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds per file (default 10).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read [tool.schema-pub] from this pyproject.toml instead of the nearest one.",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text report (auto: on a terminal, unless NO_COLOR is set).",
)
def validate(
    paths: tuple[str, ...],
    output_format: str,
    output: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    severities: tuple[str, ...],
    type_: str | None,
    strict: bool,
    profile: bool | None,
    jobs: int,
    max_size: int | None,
    max_depth: int | None,
    max_blocks: int | None,
    time_limit: float | None,
    config_path: Path | None,
    color: str,
) -> None:
    """Validate the JSON-LD of files, directories, glob patterns or - (standard input).

    Exit status: 0 no errors, 1 errors found (or warnings with --strict),
    2 the command could not run.
    """
    from schema_pub.report import reporter, write_atomic
    from schema_pub.validate.pipeline import validate as run
    from schema_pub.validate.rules import all_rules

    try:
        if config_path is not None:
            options = options_from_file(config_path)
        else:
            options, _ = load_options()
        options = options.with_overrides(
            select=_split(select) if select else None,
            extend_select=_split(extend_select),
            ignore=_split(ignore),
            severity=severities,
            max_size=max_size,
            max_depth=max_depth,
            max_blocks=max_blocks,
            time_limit=time_limit,
            profile=profile,
            type=type_,
            jobs=jobs,
        )
        report = run(list(paths) or ["."], options=options)
    except (ConfigError, InputError) as exc:
        raise CannotRun(str(exc)) from None
    rules = all_rules() if output_format == "sarif" else ()
    colour = _use_colour(color, output)
    text = reporter(output_format, color=colour).render(report, rules)
    if output is not None:
        try:
            write_atomic(output, text)
        except OSError as exc:
            raise CannotRun(f"cannot write {output}: {exc.strerror or exc}") from None
    else:
        click.echo(text, nl=False, color=colour)
    sys.exit(report.exit_code(strict=strict))


@click.command("rules")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
def rules(output_format: str) -> None:
    """List every validation rule: code, name, severity, layer, what it checks, source."""
    from schema_pub.report.rules import FORMATS as RULE_FORMATS
    from schema_pub.validate.rules import all_rules

    click.echo(RULE_FORMATS[output_format](all_rules()), nl=False)


__all__ = ["Options", "rules", "validate"]
