"""Each kind of bad source gets one clear message (file, line, field), exit 1,
nothing written for that article, and the other articles still built."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from schema_pub.cli import cli

GOOD = """\
headline: A good article
description: Fine.
people:
  ann:
    name: Ann Example
quotations:
  - text: It works
    speaker: ann
"""

CASES = [
    # name, file name, content (bytes or str), expected fragments of the message (line and field)
    (
        "yaml-syntax",
        "bad.yaml",
        "headline: [unclosed\nslug: x\n",
        ["bad.yaml:2:5", "YAML syntax error"],
    ),
    (
        "missing-headline",
        "bad.yaml",
        "description: no headline\n",
        ["bad.yaml:1:1", "headline: this field is required"],
    ),
    (
        "no-timezone",
        "bad.yaml",
        "headline: H\ndate_published: 2025-06-12T10:00:00\n",
        ["bad.yaml:2:17", "date_published:", "no timezone"],
    ),
    (
        "relative-url",
        "bad.yaml",
        "headline: H\nurl: /news/h/\n",
        ["bad.yaml:2:6", "url:", "relative URL"],
    ),
    (
        "unknown-licence",
        "bad.yaml",
        "headline: H\nimage:\n  url: https://x.example/a.jpg\n  license: CC BY-SA 3.5\n",
        [
            "bad.yaml:4:12",
            "image.license:",
            'unknown licence "CC BY-SA 3.5"',
            'Did you mean "CC BY-SA 3.0"',
        ],
    ),
    (
        "undeclared-speaker",
        "bad.yaml",
        "headline: H\nquotations:\n  - text: Hi\n    speaker: bob\n",
        ["bad.yaml:4:14", "quotations[0].speaker:", '"bob" is not a declared'],
    ),
    (
        "duplicate-person",
        "bad.yaml",
        "headline: H\npeople:\n  bob:\n    name: Bob\n  bob:\n    name: Robert\n",
        ["bad.yaml:5:3", "people.bob:", 'duplicate key "bob"'],
    ),
    ("not-utf8", "bad.yaml", b"headline: caf\xe9\n", ["bad.yaml:1", "not UTF-8", "offset 13"]),
    ("empty", "bad.yaml", "", ["bad.yaml:1:1", "empty"]),
    ("markdown-no-header", "bad.md", "# Title\n\nbody\n", ["bad.md:1:1", "YAML header"]),
    (
        "unknown-field",
        "bad.yaml",
        "headline: H\nheadlin: typo\n",
        ["bad.yaml:2:10", "headlin:", "unknown field"],
    ),
    (
        "yaml-tag",
        "bad.yaml",
        "headline: !!python/object:os.system H\n",
        ["bad.yaml:1:11", "headline:", "YAML tag"],
    ),
    (
        "yaml-merge-key",
        "bad.yaml",
        "headline: H\npeople:\n  a: &p {name: A}\n  b:\n    <<: *p\n",
        ["bad.yaml:5:5", "people.b:", "merge keys"],
    ),
    (
        "recursive-alias",
        "bad.yaml",
        "headline: H\nkeywords: &k [*k]\n",
        ["bad.yaml:2:", "recursive alias"],
    ),
    (
        "yaml-boolean-trap",
        "bad.yaml",
        "headline: No\nimage:\n  url: https://x.example/a.jpg\n  width: yes\n",
        ["bad.yaml:4:10", "image.width:"],
    ),
    (
        "yaml-broken-number",
        "bad.yaml",
        "headline: H\nimage:\n  url: https://x.example/a.jpg\n  width: 0x_\n",
        ["bad.yaml:4:10", "image.width:", "'0x_' is not a valid number"],
    ),
    (
        "modified-before-published",
        "bad.yaml",
        "headline: H\ndate_published: 2025-06-12T10:00:00Z\ndate_modified: 2025-06-11T10:00:00Z\n",
        ["bad.yaml:3:16", "date_modified:", "earlier than date_published"],
    ),
]


@pytest.mark.parametrize(
    ("name", "filename", "content", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_bad_source(
    site_dir: Path,
    tmp_path: Path,
    name: str,
    filename: str,
    content: str | bytes,
    expected: list[str],
) -> None:
    (site_dir / "good.yaml").write_text(GOOD, encoding="utf-8")
    bad = site_dir / filename
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(site_dir), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    for fragment in expected:
        assert fragment in errors[0], errors[0]
    # nothing written for the bad article, the good one built
    assert (out / "good" / "article.jsonld").is_file()
    assert not (out / "bad").exists()
    assert "1 article(s) built, 1 failed" in result.output


def test_failed_source_leaves_previous_output_untouched(site_dir: Path, tmp_path: Path) -> None:
    src = site_dir / "story.yaml"
    src.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["build", str(site_dir), "-o", str(out)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in (out / "story").iterdir()}
    src.write_text(GOOD.replace("speaker: ann", "speaker: nobody"), encoding="utf-8")
    assert CliRunner().invoke(cli, ["build", str(site_dir), "-o", str(out)]).exit_code == 1
    after = {p.name: p.read_bytes() for p in (out / "story").iterdir()}
    assert after == before
    assert not [p for p in (out / "story").iterdir() if p.name.startswith(".")]


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "nope")])
    assert result.exit_code == 2
