"""One YAML loader for every file CarePress reads (rule packs, crisis lines, authors,
mkdocs.yml, front matter): libyaml's parser when PyYAML was built with it, several times
faster than the pure-Python one and with the same results."""

from __future__ import annotations

from typing import Any

import yaml

FastSafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    return yaml.load(text, FastSafeLoader)
