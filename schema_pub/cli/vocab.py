"""``schema-pub vocab``: ask the bundled schema.org vocabulary."""

from __future__ import annotations

from typing import NoReturn

import click

from schema_pub.vocab import TermKind, Vocabulary, load, local_name

MAX_PATHS = 24


def _fail(message: str) -> NoReturn:
    click.echo(message, err=True)
    raise click.exceptions.Exit(1)


def _unknown(vocab: Vocabulary, what: str, name: str, kind: TermKind) -> NoReturn:
    hint = vocab.suggest(name, kind)
    other = vocab.kind(name)
    message = f"unknown {what} '{name}' in schema.org {vocab.release}"
    if other is not None:
        message = f"'{name}' is a {other} in schema.org {vocab.release}, not a {what}"
    elif hint is not None:
        message += f"; did you mean '{hint}'?"
    _fail(message)


def _paths_to_roots(vocab: Vocabulary, name: str) -> list[list[str]]:
    """Every chain of superclasses from ``name`` up to a class with no parent."""
    paths: list[list[str]] = []
    stack: list[list[str]] = [[name]]
    while stack and len(paths) < MAX_PATHS:
        path = stack.pop()
        parents = sorted(vocab.parents(path[-1]), reverse=True)
        if not parents:
            paths.append(path)
            continue
        stack.extend([*path, p] for p in parents if p not in path)
    return sorted(paths)


def _status(vocab: Vocabulary, term: str) -> str:
    notes: list[str] = []
    replacement = vocab.superseded_by(term)
    if replacement is not None:
        notes.append(f"superseded by {replacement}")
    part = vocab.part_of(term)
    if part is not None:
        notes.append(part)
    return f"  [{', '.join(notes)}]" if notes else ""


def _resolve(vocab: Vocabulary, name: str) -> str:
    return local_name(name) or name


@click.group()
def vocab() -> None:
    """Ask the bundled schema.org vocabulary about types and properties."""


@vocab.command("type")
@click.argument("name")
def type_(name: str) -> None:
    """Show a type: its superclasses and every property it takes."""
    voc = load()
    term = _resolve(voc, name)
    if not voc.is_class(term):
        _unknown(voc, "type", name, "class")
    click.echo(f"{term}  (schema.org {voc.release}){_status(voc, term)}")
    for path in _paths_to_roots(voc, term):
        if len(path) > 1:
            click.echo("  subclass of: " + " > ".join(path[1:]))
    kinds = []
    if voc.is_datatype(term):
        kinds.append("data type")
    if voc.is_enumeration(term):
        kinds.append("enumeration")
    if kinds:
        click.echo("  kind: " + ", ".join(kinds))
    members = sorted(voc.members(term))
    if members:
        click.echo(f"members ({len(members)}):")
        for member in members:
            click.echo(f"  {member}{_status(voc, member)}")
    ancestors = voc.ancestors(term)
    props = sorted(voc.properties_of(term))
    click.echo(f"properties ({len(props)}):")
    width = max((len(p) for p in props), default=0)
    for prop in props:
        sources = sorted(voc.domains(prop) & ancestors)
        origin = "(own)" if term in sources else "from " + ", ".join(sources)
        click.echo(f"  {prop.ljust(width)}  {origin}{_status(voc, prop)}")


@vocab.command("property")
@click.argument("name")
def property_(name: str) -> None:
    """Show a property: the types it applies to and the values it takes."""
    voc = load()
    term = _resolve(voc, name)
    if not voc.is_property(term):
        _unknown(voc, "property", name, "property")
    click.echo(f"{term}  (schema.org {voc.release}){_status(voc, term)}")
    click.echo("  domains: " + (", ".join(sorted(voc.domains(term))) or "-"))
    click.echo("  ranges: " + (", ".join(sorted(voc.ranges(term))) or "-"))
    click.echo("  superseded by: " + (voc.superseded_by(term) or "-"))
    sub_of = sorted(voc.sub_property_of(term))
    if sub_of:
        click.echo("  sub-property of: " + ", ".join(sub_of))
    inverse = voc.inverse_of(term)
    if inverse is not None:
        click.echo("  inverse of: " + inverse)


@vocab.command("search")
@click.argument("text")
@click.option("--limit", default=50, show_default=True, help="Most results to show.")
def search(text: str, limit: int) -> None:
    """Find terms whose name contains TEXT (case-insensitive)."""
    voc = load()
    if not (local_name(text) or text):
        _fail("give some text to search for")
    hits = voc.search(text)
    if not hits:
        hint = voc.suggest(text, "any")
        message = f"no schema.org {voc.release} term contains '{text}'"
        _fail(message + (f"; did you mean '{hint}'?" if hint else ""))
    for hit in hits[:limit]:
        click.echo(f"{voc.kind(hit)}\t{hit}{_status(voc, hit)}")
    if len(hits) > limit:
        click.echo(f"... {len(hits) - limit} more (use --limit)")
