"""Findings: what a check reports, and the three ways of printing them.

The JSON shape is a contract other tools rely on (see the design notes):
``{path, line, column, rule, category, severity, message, hint}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning", "info"]
Level = Literal["error", "warning", "info", "off"]  # a severity a practice may set

CATEGORIES = frozenset(
    {
        "frontmatter",
        "disclaimer",
        "content-warning",
        "crisis",
        "citation",
        "safe-messaging",
        "stigma",
        "clinical-advice",
        "confidentiality",
        "consent",
        "readability",
        "accessibility",
        "suppression",
        "social",
        "html",
        "internal",
        "site",
    }
)


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    column: int
    rule: str
    category: str
    severity: Severity
    message: str
    hint: str = ""
    source: str = ""  # where the rule comes from (guidance URL), if anywhere

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown finding category {self.category!r}")

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def one_line(self) -> str:
        """``path:line:column: rule message — hint``: the form the build log uses (its level
        says the severity); the rule id is what a suppression or a severity override names."""
        hint = f" — {self.hint}" if self.hint else ""
        return f"{self.path}:{self.line}:{self.column}: {self.rule} {self.message}{hint}"


def shortened(text: str, limit: int = 60, end: str = "...") -> str:
    """`text` as a message quotes it: at most `limit` characters, cut with `end`."""
    return text if len(text) <= limit else text[: limit - len(end)] + end


def source_text(path: Path) -> str:
    """A page's file as text, to place a finding in it ("" if it cannot be read: the finding
    then goes to line 1)."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def line_naming(text: str, needles: Iterable[str], first_line: int = 1) -> int:
    """Where a finding about something written goes: the first line of `text` (numbered from
    `first_line`) holding the first of `needles` that it holds at all, else `first_line`."""
    lines = text.splitlines()
    for needle in needles:
        if needle:
            found = next((n for n, line in enumerate(lines) if needle in line), None)
            if found is not None:
                return first_line + found
    return first_line


def in_reading_order(findings: Iterable[Finding]) -> list[Finding]:
    """By file, line, column and rule: how `carepress check` and the build both list them."""
    return sorted(findings, key=lambda f: (f.path, f.line, f.column, f.rule))


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.is_error for f in findings)


def format_text(findings: list[Finding]) -> str:
    lines = [f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}" for f in findings]
    return "\n".join(lines)


def format_json(findings: list[Finding]) -> str:
    return json.dumps([asdict(f) for f in findings], indent=2, ensure_ascii=False)


def _escape_annotation(value: str, *, prop: bool = False) -> str:
    # GitHub workflow commands need %, CR and LF escaped (and , : in properties).
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(findings: list[Finding]) -> str:
    level = {"error": "error", "warning": "warning", "info": "notice"}
    out = []
    for f in findings:
        props = ",".join(
            [
                f"file={_escape_annotation(f.path, prop=True)}",
                f"line={f.line}",
                f"col={f.column}",
                f"title={_escape_annotation(f.rule, prop=True)}",
            ]
        )
        text = f.message + (f" ({f.hint})" if f.hint else "")
        out.append(f"::{level[f.severity]} {props}::{_escape_annotation(text)}")
    return "\n".join(out)


def summary(findings: list[Finding]) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    files = len({f.path for f in findings})
    if not findings:
        return "No problems found."
    parts = [f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    return f"{', '.join(parts)} in {files} file{'s' if files != 1 else ''}."
