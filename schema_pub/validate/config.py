"""Options of a validation run: rule selection, severity overrides, limits.

They come from ``[tool.schema-pub]`` in the nearest ``pyproject.toml`` and from
the command line, which wins. Codes are selected by prefix, as ruff does it:
``SP2`` means every ``SP2xx`` rule, ``SP`` every rule; when a code matches both
a selected and an ignored prefix, the longer prefix decides (ignore wins a tie).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from schema_pub.validate.findings import Finding, Severity

DEFAULT_TIME_LIMIT = 10.0
CODE_PREFIX = re.compile(r"^SP[0-9]{0,3}$")
_LIMIT_KEYS = {
    "max-size": "max_size",
    "max-depth": "max_depth",
    "max-blocks": "max_blocks",
    "time-limit": "time_limit",
}
_KNOWN_KEYS = frozenset({"select", "ignore", "extend-select", "severity", "profile", *_LIMIT_KEYS})


class ConfigError(Exception):
    """The configuration or an option is not valid; the run cannot start."""


def _codes(values: Iterable[str], where: str) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        for part in str(value).split(","):
            code = part.strip().upper()
            if not code:
                continue
            if code == "ALL":
                code = "SP"
            if not CODE_PREFIX.match(code):
                raise ConfigError(f"{where}: {part.strip()!r} is not a rule code or prefix")
            out.append(code)
    return tuple(out)


def _longest(code: str, prefixes: Iterable[str]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


#: The largest ``max-depth`` accepted. The validator reads a document by recursion
#: (a few Python frames per level), and Python's default limit of 1,000 frames is
#: reached a little above 320 levels; the limit is the same whether the modules run
#: compiled or not (compiled calls do not count against it, so deeper documents
#: would give different findings).
MAX_DEPTH_CEILING = 300


@dataclass(frozen=True)
class Options:
    """Everything that changes what a run reports. Immutable and picklable."""

    select: tuple[str, ...] = ("SP",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    max_size: int = 10 * 1024 * 1024
    max_depth: int = 256
    max_blocks: int = 100
    time_limit: float = DEFAULT_TIME_LIMIT
    profile: bool = False
    type: str | None = None
    jobs: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.max_depth <= MAX_DEPTH_CEILING:
            raise ValueError(f"max_depth must be from 1 to {MAX_DEPTH_CEILING}")

    def enabled(self, code: str) -> bool:
        chosen = _longest(code, self.select + self.extend_select)
        return chosen >= 0 and chosen > _longest(code, self.ignore)

    def severity_of(self, code: str, default: Severity) -> Severity:
        best: tuple[int, Severity] = (-1, default)
        for prefix, level in self.severity.items():
            if code.startswith(prefix) and len(prefix) > best[0]:
                best = (len(prefix), level)
        return best[1]

    def apply(self, finding: Finding) -> Finding | None:
        """The finding as this run reports it (severity overridden), or None when deselected."""
        code = finding.code
        severity = finding.severity
        # the verdict of each (code, severity), worked out once per Options object
        verdicts: dict[tuple[str, Severity], Severity | None] | None = self.__dict__.get(
            "_verdicts"
        )
        if verdicts is None:
            verdicts = {}
            object.__setattr__(self, "_verdicts", verdicts)  # a cache, not a field
        try:
            level = verdicts[code, severity]
        except KeyError:
            level = self.severity_of(code, severity) if self.enabled(code) else None
            if len(verdicts) < 1024:
                verdicts[code, severity] = level
        if level is None:
            return None
        if level is not severity:
            return replace(finding, severity=level)
        return finding

    def with_overrides(
        self,
        *,
        select: Iterable[str] | None = None,
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        severity: Iterable[str] = (),
        **limits: Any,
    ) -> Options:
        """These options with command-line values laid over them."""
        changes: dict[str, Any] = {k: v for k, v in limits.items() if v is not None}
        if select is not None:
            changes["select"] = _codes(select, "--select")
        changes["extend_select"] = self.extend_select + _codes(extend_select, "--extend-select")
        changes["ignore"] = self.ignore + _codes(ignore, "--ignore")
        if severity:
            merged = dict(self.severity)
            for item in severity:
                code, sep, level = item.partition("=")
                if not sep:
                    raise ConfigError(f"--severity {item!r}: expected CODE=LEVEL")
                merged.update(parse_severities({code: level}, "--severity"))
            changes["severity"] = merged
        return replace(self, **changes)


def parse_severities(table: Mapping[str, Any], where: str) -> dict[str, Severity]:
    out: dict[str, Severity] = {}
    for code, level in table.items():
        (prefix,) = _codes([code], where) or ("",)
        if not prefix:
            raise ConfigError(f"{where}: empty rule code")
        try:
            out[prefix] = Severity(str(level).lower())
        except ValueError:
            raise ConfigError(
                f"{where}: severity {level!r} for {code} is not error, warning or info"
            ) from None
    return out


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start``."""
    start = start.resolve()
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def _load_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file with tomllib (Python 3.11+) or tomli (3.10)."""
    import importlib

    toml: Any = None
    for module_name in ("tomllib", "tomli"):
        try:
            toml = importlib.import_module(module_name)
            break
        except ImportError:
            continue
    if toml is None:
        raise ConfigError(f"{path}: reading TOML on Python 3.10 needs the tomli package")
    try:
        with path.open("rb") as stream:
            loaded: dict[str, Any] = toml.load(stream)
    except (OSError, toml.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return loaded


def options_from_table(table: Mapping[str, Any], where: str = "[tool.schema-pub]") -> Options:
    """Options from a ``[tool.schema-pub]`` table (already parsed)."""
    unknown = sorted(set(table) - _KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown setting(s) {', '.join(unknown)}")
    changes: dict[str, Any] = {}

    def code_list(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str) or not isinstance(value, list):
            raise ConfigError(f"{where}: {key} must be a list of rule codes")
        return _codes(value, f"{where} {key}")

    if "select" in table:
        changes["select"] = code_list("select")
    if "extend-select" in table:
        changes["extend_select"] = code_list("extend-select")
    if "ignore" in table:
        changes["ignore"] = code_list("ignore")
    if "severity" in table:
        if not isinstance(table["severity"], dict):
            raise ConfigError(f"{where}: severity must be a table of CODE = LEVEL")
        changes["severity"] = parse_severities(table["severity"], f"{where} severity")
    for key, attr in _LIMIT_KEYS.items():
        if key in table:
            value = table[key]
            kind = float if attr == "time_limit" else int
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise ConfigError(f"{where}: {key} must be a positive number")
            if attr == "max_depth" and value > MAX_DEPTH_CEILING:
                raise ConfigError(f"{where}: {key} must be at most {MAX_DEPTH_CEILING}")
            changes[attr] = kind(value)
    if "profile" in table:
        if not isinstance(table["profile"], bool):
            raise ConfigError(f"{where}: profile must be true or false")
        changes["profile"] = table["profile"]
    return Options(**changes)


def options_from_file(path: Path) -> Options:
    """Options from the ``[tool.schema-pub]`` table of a given TOML file."""
    tool = _load_toml(path).get("tool", {})
    table = tool.get("schema-pub", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.schema-pub] must be a table")
    return options_from_table(table, f"{path} [tool.schema-pub]")


def load_options(start: Path | None = None) -> tuple[Options, Path | None]:
    """Options from the nearest ``pyproject.toml`` (defaults when there is none)."""
    path = find_pyproject(start or Path.cwd())
    if path is None:
        return Options(), None
    tool = _load_toml(path).get("tool", {})
    table = tool.get("schema-pub") if isinstance(tool, dict) else None
    if table is None:
        return Options(), path
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.schema-pub] must be a table")
    return options_from_table(table, f"{path} [tool.schema-pub]"), path
