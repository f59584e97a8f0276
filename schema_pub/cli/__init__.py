"""The ``schema-pub`` command line. Only this package imports click.

Subcommands live in their own modules and are imported only when run, so
``schema-pub validate`` does not pay for what ``build`` needs.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from schema_pub import _native

# command name -> (module, attribute, one-line help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "build": ("schema_pub.cli.build", "build", "Publish article sources to JSON-LD and HTML."),
    "schemas": ("schema_pub.cli.schemas", "schemas", "Export or check the JSON Schemas."),
    "validate": ("schema_pub.cli.validate", "validate", "Validate JSON-LD in files and pages."),
    "rules": ("schema_pub.cli.validate", "rules", "List the validation rules."),
    "vocab": ("schema_pub.cli.vocab", "vocab", "Ask the bundled schema.org vocabulary."),
    "import": ("schema_pub.cli.importer", "import_", "Draft an article source from plain text."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module_name, attr, _help = entry
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None
            raise
        command: click.Command = getattr(module, attr)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    package_name="schema-pub",
    message=f"%(prog)s %(version)s ({_native.describe()})",
)
def cli() -> None:
    """Publish and validate schema.org structured data for news sites."""


def main(argv: list[str] | None = None) -> Any:
    return cli.main(args=argv, prog_name="schema-pub")
