"""Loading rule data (YAML shipped in the package, plus the practice's own files)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from .yaml_loading import kept_load

# Apostrophes as keyboards and phones type them: straight, curly (most phones and word
# processors) or the modifier letter. Rules are written with the straight one.
APOSTROPHES = "'\u2019\u02bc"
APOSTROPHE_CLASS = f"[{APOSTROPHES}]"


# What an apostrophe in a pattern may sit in: an escape (left as it is), a character class
# (which gains the other apostrophes), or neither (which becomes a class of them).
_ESCAPE_CLASS_OR_APOSTROPHE = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|'")


def _any_apostrophe(found: re.Match[str]) -> str:
    text = found.group(0)
    if text == "'":
        return APOSTROPHE_CLASS
    return text.replace("'", APOSTROPHES) if text[0] == "[" else text


@cache
def as_typed(pattern: str) -> str:
    """A rule pattern as writers type text: a space matches any run of whitespace (writers
    wrap lines anywhere; a line break too), ' ?' an optional one, and an apostrophe any
    apostrophe ("she's" finds "she’s"). Edges are trimmed."""
    pattern = re.sub(r" \?", r"\\s*", pattern.strip()).replace(" ", r"\s+")
    if "'" not in pattern:
        return pattern
    return _ESCAPE_CLASS_OR_APOSTROPHE.sub(_any_apostrophe, pattern)


class RuleFileError(Exception):
    """A rule file cannot be read or has the wrong shape (a configuration problem)."""


def packaged(name: str) -> Any:
    return kept_load(files("carepress").joinpath(f"data/rules/{name}").read_text("utf-8"))


def load_rule_files(paths: Iterable[Path]) -> list[tuple[Path, Any]]:
    loaded = []
    for path in paths:
        try:
            loaded.append((path, kept_load(path.read_text(encoding="utf-8-sig"))))
        except FileNotFoundError as exc:
            raise RuleFileError(f"{path}: rule file not found") from exc
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise RuleFileError(f"{path}: not a valid YAML rule file: {exc}") from exc
    return loaded
