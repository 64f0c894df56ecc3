"""Content-warning topics: labels and the sensitive-topic terms that detect them (rule data)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import regex

from .prefilter import LiteralIndex, Literals, required_literals, windows
from .rules import RuleFileError, flexible_spaces, load_rule_files, packaged

PACKAGED_FILE = "content_warnings.yml"


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    terms: regex.Pattern[str] | None
    exceptions: regex.Pattern[str] | None

    @cached_property
    def literals(self) -> Literals:
        """One of which every term match holds (see prefilter.py), on first use."""
        return required_literals(self.terms.pattern) if self.terms is not None else None

    def matches(self, text: str, index: LiteralIndex | None = None) -> Iterator[regex.Match[str]]:
        """Term matches that are not inside an everyday-phrase exception."""
        if self.terms is None:
            return
        spans = windows(text, self.literals, index)
        covered: list[tuple[int, int]] | None = None  # looked for once a term is found
        for match in (m for a, b in spans for m in self.terms.finditer(text, a, b)):
            if covered is None:
                exceptions = self.exceptions.finditer(text) if self.exceptions else ()
                covered = [m.span() for m in exceptions]
            start, end = match.span()
            if not any(a <= start and end <= b for a, b in covered):
                yield match


def _compile(patterns: list[str], source: str) -> regex.Pattern[str] | None:
    if not patterns:
        return None
    joined = "|".join(f"(?:{flexible_spaces(p)})" for p in patterns)
    try:
        return regex.compile(rf"\b(?:{joined})\b", regex.IGNORECASE)
    except regex.error as exc:
        raise RuleFileError(f"{source}: invalid pattern: {exc}") from exc


def _entries(data: Any, source: str) -> Iterable[tuple[str, dict[str, Any]]]:
    if not isinstance(data, dict):
        raise RuleFileError(f"{source}: expected a mapping of content-warning ids")
    for key, entry in data.items():
        if not isinstance(entry, dict):
            raise RuleFileError(f"{source}: {key}: expected label, terms and exceptions")
        unknown = set(entry) - {"label", "terms", "exceptions"}
        if unknown:
            raise RuleFileError(f"{source}: {key}: unknown keys {sorted(unknown)}")
        yield str(key), entry


def load_topics(vocabulary: Iterable[str], extra_files: Iterable[Path] = ()) -> dict[str, Topic]:
    """Topics for every warning in the vocabulary (a warning without terms is never detected)."""
    merged: dict[str, dict[str, Any]] = {}
    sources = [(Path(PACKAGED_FILE), packaged(PACKAGED_FILE)), *load_rule_files(extra_files)]
    for path, data in sources:
        for key, entry in _entries(data, str(path)):
            into = merged.setdefault(key, {"label": None, "terms": [], "exceptions": []})
            into["label"] = entry.get("label") or into["label"]
            into["terms"] += list(entry.get("terms") or [])
            into["exceptions"] += list(entry.get("exceptions") or [])
    topics = {}
    for key in vocabulary:
        entry = merged.get(key, {"label": None, "terms": [], "exceptions": []})
        terms = _compile(entry["terms"], f"{key} terms")
        topics[key] = Topic(
            id=key,
            label=entry["label"] or key.replace("-", " "),
            terms=terms,
            exceptions=_compile(entry["exceptions"], f"{key} exceptions"),
        )
    return topics
