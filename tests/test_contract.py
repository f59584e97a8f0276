"""The exported JSON Schemas: in sync with the models, and checks that really check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from schema_pub import contract
from schema_pub.cli import cli
from tests.conftest import OUTPUT, ROOT

SCHEMAS = ROOT / "schemas"


@pytest.mark.parametrize("name", sorted(contract.all_schemas()))
def test_exported_schema_is_pinned(name: str) -> None:
    """Every exported schema equals the committed copy (run `schema-pub schemas export`)."""
    assert (SCHEMAS / name).read_text(encoding="utf-8") == contract.schema_text(
        contract.all_schemas()[name]
    )


@pytest.mark.parametrize("name", sorted(contract.all_schemas()))
def test_schemas_are_valid_draft_2020_12(name: str) -> None:
    from jsonschema import Draft202012Validator

    schema = contract.all_schemas()[name]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_schemas_check_fails_on_drift(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["schemas", "export", "-d", str(tmp_path)]).exit_code == 0
    assert runner.invoke(cli, ["schemas", "check", "-d", str(tmp_path)]).exit_code == 0
    target = tmp_path / "graph.schema.json"
    target.write_text(target.read_text().replace('"minItems": 1', '"minItems": 2'))
    result = runner.invoke(cli, ["schemas", "check", "-d", str(tmp_path)])
    assert result.exit_code == 1
    assert "graph.schema.json: differs" in result.stderr
    (tmp_path / "stray.schema.json").write_text(
        '{"$id": "urn:schema-pub:schema:stray.schema.json"}'
    )
    (tmp_path / "theirs.schema.json").write_text('{"$id": "https://example.com/theirs"}')
    (tmp_path / "site.schema.json").unlink()
    result = runner.invoke(cli, ["schemas", "check", "-d", str(tmp_path)])
    assert "site.schema.json: missing" in result.stderr
    assert "stray.schema.json: not generated" in result.stderr
    assert "theirs" not in result.stderr
    assert runner.invoke(cli, ["schemas", "export", "-d", str(tmp_path)]).exit_code == 0
    assert (tmp_path / "theirs.schema.json").exists()
    assert not (tmp_path / "stray.schema.json").exists()


@pytest.mark.parametrize(
    ("check", "value", "ok"),
    [
        (contract.is_datetime, "2025-06-12T10:00:00Z", True),
        (contract.is_datetime, "2025-06-12T10:00:00.5+02:00", True),
        (contract.is_datetime, "2025-06-12T10:00:00", False),
        (contract.is_datetime, "2025-06-12", False),
        (contract.is_datetime, "2025-02-30T10:00:00Z", False),
        (contract.is_datetime, "yesterday", False),
        (contract.is_date, "2025-06-12", True),
        (contract.is_date, "2025-6-12", False),
        (contract.is_date, "2025-02-30", False),
        (contract.is_uri, "https://example.com/a?b#c", True),
        (contract.is_uri, "urn:isbn:0451450523", True),
        (contract.is_uri, "/relative", False),
        (contract.is_uri, "https://exa mple.com/", False),
        (contract.is_uri, "https://", False),
        (contract.is_uri, "https://example.com:99999/", False),
        (contract.is_uri, "not a uri", False),
    ],
)
def test_format_checks(check: Any, value: str, ok: bool) -> None:
    assert check(value) is ok


@pytest.fixture
def seed_document() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (OUTPUT / "weinstein-mistrial" / "article.jsonld").read_text()
    )
    return data


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: d["@graph"][0].update(datePublished="2025-06-13T09:00:00"),
            "is not a 'date",
        ),
        (lambda d: d["@graph"][0].update(url="/relative"), "is not a 'uri'"),
        (lambda d: d["@graph"][0].update(headLine="x"), "'headLine' was unexpected"),
        (lambda d: d["@graph"][0].pop("headline"), "'headline' is a required property"),
        (lambda d: d["@graph"][0].update(wordCount=-1), "minimum of 0"),
        (
            lambda d: d.update({"@context": "http://example.org/"}),
            "'https://schema.org' was expected",
        ),
        (lambda d: d["@graph"].append({"@type": "Movie"}), "is not one of"),
    ],
)
def test_graph_schema_rejects(seed_document: dict[str, Any], mutate: Any, expected: str) -> None:
    mutate(seed_document)
    errors = contract.errors(seed_document)
    assert any(expected in e for e in errors), errors


def test_registry_never_retrieves() -> None:
    from referencing.exceptions import Unresolvable

    with pytest.raises(Unresolvable):
        contract.registry().resolver().lookup("https://example.com/other.schema.json")


def _source_errors(name: str, data: Any) -> list[str]:
    from jsonschema import Draft202012Validator

    schema = contract.all_schemas()[name]
    validator = Draft202012Validator(schema, format_checker=contract.format_checker())
    return [e.message for e in validator.iter_errors(data)]


def test_source_schemas_accept_the_committed_content() -> None:
    from schema_pub.publish.load import read_source

    for path in sorted((ROOT / "content").glob("*.md")):
        assert _source_errors("article-source.schema.json", read_source(path).data) == [], path
    site = read_source(ROOT / "content" / "site.yaml").data
    assert _source_errors("site.schema.json", site) == []


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"headline": "H", "people": {"Bad Key": {"name": "X"}}},
            "does not match any of the regexes",
        ),
        ({"headline": "H", "headlin": "typo"}, "Additional properties"),
        (
            {"headline": "H", "date_published": "2025-06-12T10:00:00"},
            "'2025-06-12T10:00:00' is not valid",
        ),
        ({}, "'headline' is a required property"),
    ],
)
def test_source_schema_catches_what_the_models_catch(data: dict[str, Any], expected: str) -> None:
    assert any(
        expected in message for message in _source_errors("article-source.schema.json", data)
    )
