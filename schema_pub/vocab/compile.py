"""Compile schema.org's release file into the compact index this package ships.

Run ``python -m schema_pub.vocab.compile [RELEASE_JSONLD] [-o OUT]``. The index keeps
facts only (term names and the relations between them), never the descriptions,
comments or labels of the release. The output is sorted and byte-stable: the same
release file always gives the same index.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import orjson

SCHEMA_PREFIX = "schema:"
INDEX_FORMAT = 1

#: Where the packaged index lives, next to this module.
PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parents[1]
DEFAULT_RELEASE = "30.0"
DEFAULT_INPUT = (
    REPO_ROOT / ".." / "shared" / "schemaorg" / DEFAULT_RELEASE / "schemaorg-current-https.jsonld"
)


def index_filename(release: str) -> str:
    return f"schemaorg-{release}.json"


def _ids(value: Any) -> list[str]:
    """The ``@id`` strings of a JSON-LD node reference or list of references."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, Mapping) and isinstance(item.get("@id"), str):
            out.append(item["@id"])
        elif isinstance(item, str):
            out.append(item)
    return out


def _schema_names(values: Iterable[str]) -> list[str]:
    """Local names of the schema.org terms among compact IRIs, sorted, unique."""
    return sorted({v[len(SCHEMA_PREFIX) :] for v in values if v.startswith(SCHEMA_PREFIX)})


def _types(node: Mapping[str, Any]) -> list[str]:
    raw = node.get("@type", [])
    return [raw] if isinstance(raw, str) else [t for t in raw if isinstance(t, str)]


def _part_name(iri: str) -> str | None:
    """``https://pending.schema.org`` -> ``pending``; None for anything else."""
    for scheme in ("https://", "http://"):
        if iri.startswith(scheme):
            host = iri[len(scheme) :].rstrip("/")
            if host.endswith(".schema.org"):
                return host[: -len(".schema.org")]
    return None


def compile_release(release_doc: Mapping[str, Any], release: str) -> dict[str, Any]:
    """Turn a parsed release file (its ``@context`` and ``@graph``) into the index."""
    graph = release_doc.get("@graph")
    if not isinstance(graph, list):
        raise ValueError("the release file has no @graph list")
    context = release_doc.get("@context", {})
    prefixes = {
        k: v
        for k, v in (context.items() if isinstance(context, Mapping) else [])
        if isinstance(v, str) and not k.startswith("@")
    }

    classes: dict[str, list[str]] = {}
    datatype_seeds: set[str] = set()
    properties: dict[str, dict[str, Any]] = {}
    members: dict[str, list[str]] = {}
    superseded: dict[str, str] = {}
    parts: dict[str, str] = {}

    for node in graph:
        if not isinstance(node, Mapping):
            continue
        node_id = node.get("@id")
        if not isinstance(node_id, str) or not node_id.startswith(SCHEMA_PREFIX):
            continue
        name = node_id[len(SCHEMA_PREFIX) :]
        types = _types(node)
        if "rdfs:Class" in types:
            classes[name] = _schema_names(_ids(node.get("rdfs:subClassOf")))
            if "schema:DataType" in types:
                datatype_seeds.add(name)
        elif "rdf:Property" in types:
            entry: dict[str, Any] = {
                "domains": _schema_names(_ids(node.get("schema:domainIncludes"))),
                "ranges": _schema_names(_ids(node.get("schema:rangeIncludes"))),
            }
            sub_of = _schema_names(_ids(node.get("rdfs:subPropertyOf")))
            if sub_of:
                entry["subPropertyOf"] = sub_of
            inverse = _schema_names(_ids(node.get("schema:inverseOf")))
            if inverse:
                entry["inverseOf"] = inverse[0]
            properties[name] = entry
        else:
            member_of = _schema_names(types)
            if member_of:
                members[name] = member_of
        replaced = _schema_names(_ids(node.get("schema:supersededBy")))
        if replaced:
            superseded[name] = replaced[0]
        for part_iri in _ids(node.get("schema:isPartOf")):
            part = _part_name(part_iri)
            if part is not None:
                parts[name] = part

    # Data types: the members of schema:DataType, DataType itself and every
    # class below any of them (URL below Text, Integer below Number, ...).
    children: dict[str, set[str]] = {}
    for cls, parents in classes.items():
        for parent in parents:
            children.setdefault(parent, set()).add(cls)
    datatypes: set[str] = set()
    stack = sorted(datatype_seeds | ({"DataType"} & classes.keys()))
    while stack:
        current = stack.pop()
        if current in datatypes:
            continue
        datatypes.add(current)
        stack.extend(sorted(children.get(current, ())))

    return {
        "format": INDEX_FORMAT,
        "release": release,
        "prefixes": dict(sorted(prefixes.items())),
        "classes": dict(sorted(classes.items())),
        "datatypes": sorted(datatypes),
        "properties": dict(sorted(properties.items())),
        "members": dict(sorted(members.items())),
        "supersededBy": dict(sorted(superseded.items())),
        "parts": dict(sorted(parts.items())),
    }


def dump_index(index: Mapping[str, Any]) -> bytes:
    """Serialise the index: sorted keys, one line per term, trailing newline.

    One term per line keeps the committed file readable in a diff between releases.
    """
    option = orjson.OPT_SORT_KEYS
    lines = [b"{"]
    keys = sorted(index)
    for i, key in enumerate(keys):
        value = index[key]
        comma = b"," if i < len(keys) - 1 else b""
        if isinstance(value, Mapping) and value:
            lines.append(orjson.dumps(key) + b": {")
            items = sorted(value.items())
            for j, (name, item) in enumerate(items):
                inner = b"," if j < len(items) - 1 else b""
                lines.append(
                    b"  " + orjson.dumps(name) + b": " + orjson.dumps(item, option=option) + inner
                )
            lines.append(b"}" + comma)
        else:
            lines.append(orjson.dumps(key) + b": " + orjson.dumps(value, option=option) + comma)
    lines.append(b"}")
    return b"\n".join(lines) + b"\n"


def compile_file(source: Path, release: str | None = None) -> bytes:
    """Read a release file and return the bytes of its index."""
    doc = orjson.loads(source.read_bytes())
    if not isinstance(doc, dict):
        raise ValueError(f"{source}: not a JSON-LD object")
    return dump_index(compile_release(doc, release or source.parent.name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m schema_pub.vocab.compile",
        description="Compile schema.org's release JSON-LD into schema_pub's vocabulary index.",
    )
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("-o", "--output", type=Path, default=None)
    parser.add_argument(
        "--release", default=None, help="release name (default: the source's folder name)"
    )
    args = parser.parse_args(argv)
    source: Path = args.source
    if not source.is_file():
        parser.error(f"release file not found: {source}")
    release = args.release or source.parent.name
    data = compile_file(source, release)
    output: Path = args.output or PACKAGE_DIR / index_filename(release)
    output.write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
