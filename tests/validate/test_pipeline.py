"""The pipeline as a library: validate, validate_data, iter_validate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from schema_pub.validate import Options, Severity, iter_validate, validate, validate_data
from schema_pub.validate.document import Document
from schema_pub.validate.findings import Finding
from schema_pub.validate.pipeline import active_layers, check_documents, collect_ids
from schema_pub.validate.rules import layer_module

ARTICLE = b"""{
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  "headline": "x",
}"""


@pytest.mark.parametrize(
    ("data", "ids"),
    [
        ({"@id": "a", "@type": "Thing"}, {"a"}),
        # an object with only @id refers to a node; it declares nothing
        ({"@id": "a"}, set()),
        (
            {"@graph": [{"@id": "a", "name": "A"}, {"@id": "b", "author": {"@id": "c"}}]},
            {"a", "b"},
        ),
        ([{"@id": "a", "name": "A"}, [{"@id": 3, "name": "x"}]], {"a"}),
        ({"id": "x", "url": "y"}, set()),
        ("text", set()),
    ],
)
def test_collect_ids(data: Any, ids: set[str]) -> None:
    found: set[str] = set()
    collect_ids(data, found)
    assert found == ids


def test_collect_ids_is_not_recursive() -> None:
    deep: Any = {"@id": "bottom", "name": "b"}
    for _ in range(5000):
        deep = {"x": [deep]}
    found: set[str] = set()
    collect_ids(deep, found)
    assert found == {"bottom"}


@pytest.mark.parametrize(
    ("data", "kind", "codes", "located"),
    [
        (ARTICLE, None, ["SP003"], True),
        (ARTICLE.decode(), None, ["SP003"], True),
        (b"<html><script type='application/ld+json'>[1,]</script></html>", None, ["SP003"], True),
        (b"[1,]", "json", ["SP003"], True),
        (b"", "json", ["SP002"], True),
    ],
)
def test_validate_data(data: Any, kind: Any, codes: list[str], located: bool) -> None:
    findings = validate_data(data, file="out/a.jsonld", kind=kind)
    assert [f.code for f in findings] == codes
    for finding in findings:
        assert finding.file == "out/a.jsonld"
        assert (finding.line is not None) is located


def test_validate_data_of_a_parsed_value_has_paths_but_no_lines() -> None:
    if layer_module("jsonld") is None:
        pytest.skip("the jsonld layer is not written yet")
    findings = validate_data({"@type": "NewsArticle", "headline": "x"})
    assert findings, "a document without @context is reported by the jsonld layer"
    assert all(f.line is None for f in findings)


def test_validate_reports_files_in_order_and_counts_clean_ones(tmp_path: Path) -> None:
    (tmp_path / "b.jsonld").write_bytes(ARTICLE)
    (tmp_path / "a.jsonld").write_bytes(ARTICLE)
    (tmp_path / "c.json").write_bytes(b'{"@context": "https://schema.org", "@type": "Thing"}')
    report = validate([str(tmp_path)], options=Options(select=("SP0",)))
    assert [Path(f.path).name for f in report.files] == ["a.jsonld", "b.jsonld"]
    assert report.summary.as_dict() == {
        "files": 3,
        "documents": 3,
        "errors": 2,
        "warnings": 0,
        "infos": 0,
    }
    assert report.exit_code() == 1


def test_iter_validate_streams(tmp_path: Path) -> None:
    for index in range(5):
        (tmp_path / f"{index}.jsonld").write_bytes(ARTICLE)
    stream = iter_validate([str(tmp_path)])
    first = next(stream)
    assert Path(first.path).name == "0.jsonld"
    assert len(list(stream)) == 4


def test_findings_are_sorted_by_position(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head>\n"
        '<script type="application/ld+json">{"a": [1,],}</script>\n'
        '<script type="application/ld+json; charset=utf-8">[NaN]</script>\n'
        "</head></html>",
        encoding="utf-8",
    )
    findings = validate([str(page)]).findings
    assert [(f.line, f.column, f.code) for f in findings] == [
        (2, 44, "SP003"),
        (2, 46, "SP003"),
        (3, 51, "SP030"),
        (3, 52, "SP004"),
    ]


def test_time_limit_is_a_finding(tmp_path: Path) -> None:
    if layer_module("jsonld") is None:
        pytest.skip("no layer after syntax to stop")
    path = tmp_path / "a.jsonld"
    path.write_bytes(b'{"@context": "https://schema.org", "@type": "Thing", "name": "x"}')
    findings = validate([str(path)], options=Options(time_limit=1e-9)).findings
    assert [f.code for f in findings] == ["SP022"]


@pytest.mark.parametrize(
    ("options", "excluded"),
    [
        (Options(), {"profile"}),
        (Options(profile=True), set()),
        (Options(select=("SP0",)), {"vocabulary", "google", "newsroom", "profile"}),
    ],
)
def test_active_layers(options: Options, excluded: set[str]) -> None:
    names = {name for name, _ in active_layers(options)}
    assert not names & excluded
    if layer_module("jsonld") is not None:
        assert "jsonld" in names  # always: the later layers read doc.graph


def test_deselected_codes_are_dropped_and_overrides_applied(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonld"
    path.write_bytes(b'{"a": 1, "a": 2, "b": [1,]}')
    options = Options(select=("SP0",), severity={"SP003": Severity.INFO})
    findings = validate([str(path)], options=options).findings
    assert [(f.code, f.severity.value) for f in findings] == [
        ("SP008", "warning"),
        ("SP003", "info"),
    ]


# -- page_ids: given, or worked out from the data when first read ---------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (frozenset({"#x"}), {"#x"}),
        (frozenset(), set()),  # given empty stays empty: the pipeline fills it in
        (None, {"#a", "#b"}),  # None: the @ids the data declares
    ],
)
def test_document_page_ids(given: frozenset[str] | None, expected: set[str]) -> None:
    data = {"@id": "#a", "@graph": [{"@id": "#b", "name": "B"}, {"@id": "#c"}]}
    document = Document(data, page_ids=given)
    assert document.page_ids_known() is (given is not None)
    assert document.page_ids == expected
    assert document.page_ids_known()
    document.page_ids = frozenset({"#z"})
    assert document.page_ids == {"#z"}


def test_document_without_data_declares_nothing() -> None:
    assert Document(None, page_ids=None).page_ids == frozenset()


@pytest.mark.parametrize("given", [frozenset(), None], ids=["empty", "lazy"])
def test_lone_document_page_is_its_own_ids(given: frozenset[str] | None) -> None:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": "#a",
        "author": {"@id": "#b"},
    }
    document = Document(data, page_ids=given)
    check_documents([document], [], name=None, options=Options())
    assert document.page_ids == {"#a"}


def test_blocks_of_a_page_share_their_ids() -> None:
    first = Document({"@id": "#a", "name": "A"}, block=0, page_ids=None)
    second = Document({"@id": "#b", "name": "B"}, block=1, page_ids=None)
    check_documents([first, second], [], name=None, options=Options())
    assert first.page_ids == second.page_ids == {"#a", "#b"}


@pytest.mark.parametrize(
    ("given", "worked_out"),
    [(frozenset(), False), (None, False), (frozenset({"#a"}), True)],
    ids=["empty", "lazy", "given"],
)
def test_lone_document_ids_not_collected_unless_read(
    given: frozenset[str] | None, worked_out: bool
) -> None:
    """A lone document (a file, or a page's only block) whose references all lead to
    its own nodes: the pipeline does not walk its data for the page's @ids."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": "#a",
        "author": {"@id": "#b", "@type": "Person", "name": "B"},
        "publisher": {"@id": "#b"},
    }
    for block in (None, 0):
        document = Document(data, block=block, page_ids=given)
        findings = check_documents([document], [], name=None, options=Options())
        assert "SP209" not in [f.code for f in findings]
        assert document.page_ids_known() is worked_out
        assert document.page_ids == ({"#a", "#b"} if given is None or not given else given)


APPLY_CASES: list[tuple[str, Options, str, Severity, Severity | None]] = [
    # (case, options, code, its severity, what apply makes of it: None = dropped)
    ("selected", Options(), "SP201", Severity.ERROR, Severity.ERROR),
    ("ignored", Options(ignore=("SP2",)), "SP201", Severity.ERROR, None),
    (
        "longer select wins",
        Options(ignore=("SP2",), extend_select=("SP20",)),
        "SP201",
        Severity.ERROR,
        Severity.ERROR,
    ),
    (
        "severity overridden",
        Options(severity={"SP30": Severity.INFO}),
        "SP301",
        Severity.WARNING,
        Severity.INFO,
    ),
    (
        "override elsewhere",
        Options(severity={"SP30": Severity.INFO}),
        "SP201",
        Severity.ERROR,
        Severity.ERROR,
    ),
]


@pytest.mark.parametrize(
    ("options", "code", "given", "expected"),
    [case[1:] for case in APPLY_CASES],
    ids=[case[0] for case in APPLY_CASES],
)
def test_options_apply_same_verdict_every_time(
    options: Options, code: str, given: Severity, expected: Severity | None
) -> None:
    """Options.apply keeps each (code, severity) verdict: the first call and the later
    ones (from its cache) agree with enabled() and severity_of()."""
    reference = options.severity_of(code, given) if options.enabled(code) else None
    assert reference == expected
    for _ in range(3):
        applied = options.apply(Finding(code, "rule", given, "message", path=("a",)))
        assert (applied.severity if applied is not None else None) == expected
        if applied is not None:
            assert applied.code == code and applied.path == ("a",)


@pytest.mark.parametrize("shape", ["nodes", "lists"])
def test_the_deepest_document_allowed_is_read_by_every_layer(shape: str) -> None:
    """At the largest max-depth, the layers read the document without running out of
    Python's stack (the same in the compiled and the pure build)."""
    from schema_pub.validate.config import MAX_DEPTH_CEILING

    levels = MAX_DEPTH_CEILING - 2
    if shape == "nodes":
        inner: Any = {"@type": "Thing", "name": "leaf"}
        for _ in range(levels):
            inner = {"@type": "Thing", "name": "n", "subjectOf": inner}
    else:
        inner = "x"
        for _ in range(levels):
            inner = [inner]
        inner = {"@type": "Thing", "keywords": inner}
    document = {"@context": "https://schema.org", **inner}
    options = Options(max_depth=MAX_DEPTH_CEILING)
    codes = {finding.code for finding in validate_data(document, options=options)}
    assert "SP099" not in codes and "SP012" not in codes
    assert "SP012" in {finding.code for finding in validate_data(document)}
    # the same limit, text or parsed value: deeper than the default, SP012 and nothing else
    assert [f.code for f in validate_data(json.dumps(document).encode())] == ["SP012"]


def test_max_depth_has_a_ceiling() -> None:
    from schema_pub.validate.config import MAX_DEPTH_CEILING

    with pytest.raises(ValueError, match="max_depth"):
        Options(max_depth=MAX_DEPTH_CEILING + 1)
