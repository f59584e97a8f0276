"""The YAML dialect of article and site sources: a PyYAML loader class.

Dates and times stay the text the author wrote, and only ``true``/``false`` are
booleans. A module of its own, kept out of the compiled ones (mypyc does not build
subclasses of libyaml's C loader), and read by :mod:`schema_pub.publish.load`.
"""

from __future__ import annotations

import re

import yaml

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SourceLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """YAML for editors: dates and times stay the text the author wrote, and only
    ``true``/``false`` are booleans (YAML 1.1 reads ``No``, ``yes``, ``on`` as
    booleans, a trap for a one-word quotation)."""


SourceLoader.yaml_implicit_resolvers = {
    first: [
        (tag, rx)
        for tag, rx in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
SourceLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
