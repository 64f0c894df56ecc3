"""Content-warning topics: labels and the sensitive-topic terms that detect them (rule data)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from .prefilter import GatedGroup, GatedPattern, LiteralIndex
from .rulepack import LazyPattern
from .rules import RuleFileError, as_typed, load_rule_files, packaged

PACKAGED_FILE = "content_warnings.yml"


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    # Each term gated by its own literals (prefilter.GatedGroup), compiled on first use: a
    # topic of a hundred terms runs only the few whose words a paragraph holds.
    terms: GatedGroup
    exceptions: LazyPattern | None
    # Terms that name this topic only when none of `covered_by` is declared: "hurt
    # themselves" in a post with the suicide warning is how suicide risk is described.
    generic: LazyPattern | None = None
    covered_by: tuple[str, ...] = ()
    # How a long post may touch the topic in passing (checks/content_warnings.py): with one
    # mention of any of its terms (`once_in_passing`), or with only its `needs_company`
    # words however often ("grieving" a divorce, with no death in the post).
    once_in_passing: bool = False
    needs_company: LazyPattern | None = None
    # Pointers to help ("If you have thoughts of suicide, call or text 988"), which safe
    # messaging asks for wherever help may be needed: a topic named only inside one is
    # asked about, never stopped, in a post of any length.
    pointers: LazyPattern | None = None

    def in_passing(self, terms: list[str], in_prose: bool, mentions: int) -> bool:
        """Whether these matches in a long post touch the topic in passing: `in_prose`, all in
        the body (the title and description are shared alone); `mentions`, how many times
        the topic is named (terms joined by "and", "or" or a comma name it once)."""
        if mentions == 1 and self.once_in_passing and in_prose:
            return True
        company = self.needs_company
        return company is not None and all(company.compiled.fullmatch(t) for t in terms)

    def only_in_pointers(self, found: Iterable[tuple[str, regex.Match[str]]]) -> bool:
        """Whether every match (with the text it was found in) lies inside a pointer to help."""
        if self.pointers is None:
            return False
        spans: dict[str, list[tuple[int, int]]] = {}
        for text, match in found:
            if text not in spans:
                spans[text] = [m.span() for m in self.pointers.compiled.finditer(text)]
            if not _within(match.span(), spans[text]):
                return False
        return True

    def matches(
        self,
        text: str,
        index: LiteralIndex | None = None,
        declared: Iterable[str] = (),
    ) -> Iterator[regex.Match[str]]:
        """Term matches, in order and not overlapping, that are not inside an everyday-phrase
        exception."""
        found = list(self.terms.finditer(text, index))
        if self.generic is not None and not set(self.covered_by) & set(declared):
            found += self.generic.finditer(text)
        if not found:
            return
        # Overlapping: a shorter exception found first must not hide a longer one that
        # holds the term ("physiotherapy ... a rehab" and "rehab programme ... knee").
        # Looked for only in the paragraphs of the matches: an exception holds its term.
        covered: list[tuple[int, int]] = []
        if self.exceptions:
            windows = (
                index.paragraphs_holding(m.span() for m in found)
                if index is not None and index.length == len(text)
                else [(0, len(text))]
            )
            exceptions = self.exceptions.compiled
            covered = [m.span() for a, b in windows
                       for m in exceptions.finditer(text, a, b, overlapped=True)]  # fmt: skip
        last_end = -1
        for match in sorted(found, key=lambda m: (m.start(), -m.end())):
            start, end = match.span()
            if start < last_end:
                continue  # two terms found the same words
            last_end = end
            if not _within((start, end), covered):
                yield match


# What joins two terms into one mention: "Alcohol and drug use", "alcohol, cannabis or
# other drugs" name the topic once.
_JOINED = regex.compile(r"\s*(?:,|/|&|\band\b|\bor\b)\s*(?:(?:and|or)\s+)?", regex.IGNORECASE)


def mentions(found: Iterable[tuple[str, regex.Match[str]]]) -> int:
    """How many times matches (with the text each was found in, in order) name their topic:
    a term joined to the one before it by a comma, "and" or "or" is the same mention."""
    count = 0
    last: tuple[str, regex.Match[str]] | None = None
    for text, match in found:
        joined = (
            last is not None
            and last[0] is text
            and _JOINED.fullmatch(text, last[1].end(), match.start()) is not None
        )
        count += not joined
        last = (text, match)
    return count


def _within(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether a match's span lies inside one of `spans` (an exception's, a pointer's)."""
    start, end = span
    return any(a <= start and end <= b for a, b in spans)


def _compile(patterns: list[str], source: str) -> LazyPattern | None:
    """Compiled on first use (most checks of one post need few topics' patterns)."""
    if not patterns:
        return None
    joined = "|".join(f"(?:{as_typed(p)})" for p in patterns)
    return LazyPattern(rf"\b(?:{joined})\b", regex.IGNORECASE, source)


def _terms(patterns: list[str], source: str) -> GatedGroup:
    return GatedGroup(
        GatedPattern(pattern)
        for term in patterns
        if (pattern := _compile([term], f"{source}: {term[:40]}")) is not None
    )


def _entries(data: Any, source: str) -> Iterable[tuple[str, dict[str, Any]]]:
    if not isinstance(data, dict):
        raise RuleFileError(f"{source}: expected a mapping of content-warning ids")
    for key, entry in data.items():
        if not isinstance(entry, dict):
            raise RuleFileError(f"{source}: {key}: expected label, terms and exceptions")
        unknown = set(entry) - {"label", "once_in_passing", *_LISTS}
        if unknown:
            raise RuleFileError(f"{source}: {key}: unknown keys {sorted(unknown)}")
        if not isinstance(entry.get("once_in_passing", False), bool):
            raise RuleFileError(f"{source}: {key}: once_in_passing must be true or false")
        if not isinstance(entry.get("label") or "", str):
            raise RuleFileError(f"{source}: {key}: label must be text")
        for field in _LISTS:
            values = entry.get(field) or []
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise RuleFileError(
                    f"{source}: {key}: {field} must be a list of text (quote a pattern that "
                    "holds ': ' or starts with a special character)"
                )
        yield str(key), entry


_LISTS = ("terms", "exceptions", "generic", "covered_by", "needs_company", "pointers")


def _empty() -> dict[str, Any]:
    return {"label": None, "once_in_passing": False, **{field: [] for field in _LISTS}}


def _merged(extra_files: Iterable[Path]) -> dict[str, dict[str, Any]]:
    """Each topic's entry: the packaged file's, with the practice's files' added."""
    merged: dict[str, dict[str, Any]] = {}
    sources = [(Path(PACKAGED_FILE), packaged(PACKAGED_FILE)), *load_rule_files(extra_files)]
    for path, data in sources:
        for key, entry in _entries(data, str(path)):
            into = merged.setdefault(key, _empty())
            into["label"] = entry.get("label") or into["label"]
            into["once_in_passing"] = entry.get("once_in_passing", into["once_in_passing"])
            for field in _LISTS:
                into[field] += list(entry.get(field) or [])
    return merged


def _label(key: str, entry: dict[str, Any]) -> str:
    return entry["label"] or key.replace("-", " ")


def topic_labels(vocabulary: Iterable[str], extra_files: Iterable[Path] = ()) -> dict[str, str]:
    """What readers are warned of, for every warning in the vocabulary: `load_topics`'s
    labels without compiling a term (a post's safeguards need only these)."""
    merged = _merged(extra_files)
    return {key: _label(key, merged.get(key, _empty())) for key in vocabulary}


def load_topics(vocabulary: Iterable[str], extra_files: Iterable[Path] = ()) -> dict[str, Topic]:
    """Topics for every warning in the vocabulary (a warning without terms is never detected)."""
    merged = _merged(extra_files)
    topics = {}
    for key in vocabulary:
        entry = merged.get(key, _empty())
        topics[key] = Topic(
            id=key,
            label=_label(key, entry),
            terms=_terms(entry["terms"], f"{key} terms"),
            exceptions=_compile(entry["exceptions"], f"{key} exceptions"),
            generic=_compile(entry["generic"], f"{key} generic"),
            covered_by=tuple(entry["covered_by"]),
            once_in_passing=entry["once_in_passing"],
            needs_company=_compile(entry["needs_company"], f"{key} needs_company"),
            pointers=_compile(entry["pointers"], f"{key} pointers"),
        )
        if extra_files:  # the practice's own terms: report a bad pattern now, not mid-check
            patterns = [t.pattern for t in topics[key].terms.patterns]
            found = topics[key]
            for pattern in (
                *patterns,
                found.exceptions,
                found.generic,
                found.needs_company,
                found.pointers,
            ):
                _ = pattern.compiled if pattern is not None else None
    return topics
