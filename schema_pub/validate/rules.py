"""The rule registry: every rule of every layer, in one table.

Layer modules are found by name, ``schema_pub.validate.layers.<name>``; a layer
whose module does not exist is skipped without error. The table is what
``schema-pub rules`` prints and what ``docs/rules.md`` is generated from.
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType

from schema_pub.validate.findings import Rule

#: Layers run on a parsed document, in this order. ``profile`` only on request.
LAYERS: tuple[str, ...] = ("jsonld", "vocabulary", "google", "newsroom", "page", "profile")
#: Layers that read ``doc.graph`` and so run only when the jsonld layer set it.
GRAPH_LAYERS = frozenset({"vocabulary", "google", "newsroom", "page", "profile"})
#: Modules of the framework that declare rules without being document layers.
FRAMEWORK_MODULES: tuple[str, ...] = (
    "schema_pub.validate.layers.syntax",
    "schema_pub.validate.inputs",
    "schema_pub.validate.html",
    "schema_pub.validate.pipeline",
)
LAYER_PACKAGE = "schema_pub.validate.layers"


@functools.cache
def layer_module(name: str) -> ModuleType | None:
    """The module of layer ``name``, or None when it is not written (yet)."""
    module_name = f"{LAYER_PACKAGE}.{name}"
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        raise


def available_layers() -> tuple[str, ...]:
    return tuple(name for name in LAYERS if layer_module(name) is not None)


def _module_rules(module: ModuleType) -> tuple[Rule, ...]:
    rules = getattr(module, "RULES", ())
    return tuple(rule for rule in rules if isinstance(rule, Rule))


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule of the framework and of the layers present, sorted by code."""
    rules: list[Rule] = []
    for module_name in FRAMEWORK_MODULES:
        rules.extend(_module_rules(importlib.import_module(module_name)))
    for name in LAYERS:
        module = layer_module(name)
        if module is not None:
            rules.extend(_module_rules(module))
    return tuple(sorted(rules, key=lambda rule: rule.code))


def registry_problems(rules: tuple[Rule, ...] | None = None) -> list[str]:
    """What is wrong with the table: repeated codes or names, malformed codes."""
    rules = all_rules() if rules is None else rules
    problems: list[str] = []
    seen_codes: dict[str, Rule] = {}
    seen_names: dict[str, Rule] = {}
    for rule in rules:
        if not (len(rule.code) == 5 and rule.code.startswith("SP") and rule.code[2:].isdigit()):
            problems.append(f"{rule.code}: a code is SP and three digits")
        if rule.code in seen_codes:
            problems.append(f"{rule.code} is used by {seen_codes[rule.code].name} and {rule.name}")
        if rule.name in seen_names:
            problems.append(
                f"{rule.name} is the name of {seen_names[rule.name].code} and {rule.code}"
            )
        seen_codes.setdefault(rule.code, rule)
        seen_names.setdefault(rule.name, rule)
    return problems


def rule_for(code: str) -> Rule | None:
    for rule in all_rules():
        if rule.code == code:
            return rule
    return None


def layer_of_code(code: str) -> str | None:
    """The layer a code belongs to by its range (``SP2xx`` is vocabulary)."""
    ranges = {"0": "syntax", "1": "jsonld", "2": "vocabulary", "3": "google", "4": "newsroom"}
    ranges["5"] = "profile"
    ranges["6"] = "page"
    if len(code) < 3 or not code.startswith("SP"):
        return None
    return ranges.get(code[2])
