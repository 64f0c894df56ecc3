"""Loading rule data (YAML shipped in the package, plus the practice's own files)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from .yaml_loading import safe_load


def flexible_spaces(pattern: str) -> str:
    """Writers wrap lines anywhere: a space in a rule pattern matches any run of whitespace
    (a line break too), and ' ?' an optional one. Edges are trimmed."""
    pattern = pattern.strip()
    return re.sub(r" \?", r"\\s*", pattern).replace(" ", r"\s+")


class RuleFileError(Exception):
    """A rule file cannot be read or has the wrong shape (a configuration problem)."""


def packaged(name: str) -> Any:
    return safe_load(files("carepress").joinpath(f"data/rules/{name}").read_text("utf-8"))


def load_rule_files(paths: Iterable[Path]) -> list[tuple[Path, Any]]:
    loaded = []
    for path in paths:
        try:
            loaded.append((path, safe_load(path.read_text(encoding="utf-8-sig"))))
        except FileNotFoundError as exc:
            raise RuleFileError(f"{path}: rule file not found") from exc
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise RuleFileError(f"{path}: not a valid YAML rule file: {exc}") from exc
    return loaded
