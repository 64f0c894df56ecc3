"""Loading rule data (YAML shipped in the package, plus the practice's own files)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from .yaml_loading import safe_load

# Apostrophes as keyboards and phones type them: straight, curly (most phones and word
# processors) or the modifier letter. Rules are written with the straight one.
APOSTROPHES = "'\u2019\u02bc"
APOSTROPHE_CLASS = f"[{APOSTROPHES}]"


def as_typed(pattern: str) -> str:
    """A rule pattern as writers type text: a space matches any run of whitespace (writers
    wrap lines anywhere; a line break too), ' ?' an optional one, and an apostrophe any
    apostrophe ("she's" finds "she’s"). Edges are trimmed."""
    pattern = re.sub(r" \?", r"\\s*", pattern.strip()).replace(" ", r"\s+")
    out: list[str] = []
    in_class = escaped = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class and out[-1] != "[":
            in_class = False
        elif char == "'":
            out.append(APOSTROPHES if in_class else APOSTROPHE_CLASS)
            continue
        out.append(char)
    return "".join(out)


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
