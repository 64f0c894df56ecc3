"""Language rules as data (Vale-style): rule packs in data/rules/<pack>.yml, compiled once.

Four rule types keep the engine small:
- existence:    a phrase or pattern is a problem ("committed suicide").
- substitution: say this instead (`swap: {pattern: suggestion}`).
- together:     a phrase is a problem when the sentence is about a topic (`tokens` with one
                of the `markers` in the same sentence: "at peace" with "took his own life";
                with `reach: 1`, or in the sentence before it in its paragraph, where "it"
                points back: "The medication keeps you stuck. Trust yourself to let it go.");
                with `scope: post`, when the text as a whole is (a story told around a
                suicide: "At twenty-three, he got it right" two sentences after the attempt).
- cooccurrence: a marker is a problem, and a worse one with a detail in the same sentence.
Every match inside an `exceptions` match (the clinical-context allowances: "bipolar
disorder", "if you have PTSD") is ignored; so are matches inside quotation marks when the
rule says `skip_quoted` (writers quoting language to avoid are mentioning it, not using it).
A pack's `lists` are word lists its patterns share as `{name}` (`{medicine_names}`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from . import kept_patterns
from .findings import Severity
from .prefilter import (
    GatedGroup,
    GatedPattern,
    LiteralIndex,
    Literals,
    may_match,
    normalise,
    required_literals,
    windows,
)
from .prose import sentence_spans
from .rules import RuleFileError, as_typed, load_rule_files, packaged

PACKS = ("safe-messaging", "stigma", "clinical-advice", "confidentiality")



class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    id: str
    type: Literal["existence", "substitution", "together", "cooccurrence"] = "existence"
    message: str
    hint: str = ""
    severity: Severity | None = None
    tokens: list[str] = []
    swap: dict[str, str] = {}
    exceptions: list[str] = []
    markers: list[str] = []
    reach: Literal[0, 1] = 0  # a together rule's markers: also in the sentence before
    details: list[str] = []
    severity_with_detail: Severity = "error"
    ignorecase: bool = True
    skip_quoted: bool = True
    # Where a `together` rule's markers are looked for: the token's sentence, or the whole
    # text (the body, or the published texts) for tokens that are only ever unsafe in a
    # story about the topic and are told sentences away from its name.
    scope: Literal["sentence", "post"] = "sentence"
    allow_listed: Literal["phone", "email"] | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _has_patterns(self) -> RuleSpec:
        needs = {
            "existence": ("tokens",),
            "substitution": ("swap",),
            "together": ("tokens", "markers"),
            "cooccurrence": ("markers",),
        }[self.type]
        missing = [name for name in needs if not getattr(self, name)]
        if missing:
            raise ValueError(f"a {self.type} rule needs {' and '.join(missing)}")
        return self


class PackSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    pack: str
    category: str
    severity: Severity = "warning"
    source: str
    # Word lists the pack's patterns share, written `{name}` in a pattern ("{medicine_names}"):
    # one list, so a word added reaches every rule that names the kind.
    lists: dict[str, list[str]] = {}
    rules: list[RuleSpec] = Field(min_length=1)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    suggestion: str = ""
    with_detail: bool = False


class LazyPattern:
    """A rule's expression, compiled the first time a post needs it: the literal prefilter
    skips most rules for most posts, so checking one post compiles only a few (the edit
    loop's start-up). The practice's own rule files are compiled at once, to report errors."""

    def __init__(self, pattern: str, flags: int, where: str, *, prefer_re: bool = False) -> None:
        self.pattern = pattern
        self.flags = flags
        self.where = where
        self.prefer_re = prefer_re

    @cached_property
    def compiled(self) -> regex.Pattern[str]:
        if self.prefer_re:
            # `re` compiles faster; `regex` reads what `re` cannot (a look-behind of varying
            # width). Rule packs keep `regex` for its matching (see budget.py).
            try:
                return re.compile(self.pattern, self.flags)  # type: ignore[return-value]
            except re.error:
                pass
        try:
            return kept_patterns.compile(self.pattern, self.flags)
        except regex.error as exc:
            raise RuleFileError(f"{self.where}: invalid pattern: {exc}") from exc

    def finditer(self, text: str, *args: Any) -> Iterator[regex.Match[str]]:
        return self.compiled.finditer(text, *args)

    def search(self, text: str, *args: Any) -> regex.Match[str] | None:
        return self.compiled.search(text, *args)


def _compile(patterns: Iterable[str], ignorecase: bool, where: str) -> LazyPattern | None:
    patterns = list(patterns)
    if not patterns:
        return None
    joined = "|".join(f"(?:{as_typed(p)})" for p in patterns)
    flags = regex.IGNORECASE if ignorecase else 0
    # Word edges without \b, so patterns may start or end with punctuation; never starting
    # on a space, so the lookbehinds' `\s+` do not scan back over a long blanked run (a long
    # link) from every space in it.
    return LazyPattern(rf"(?<!\w)(?=\S)(?:{joined})(?!\w)", flags, where)


# Double quotes, curly or straight; single quotes around a word or short phrase, curly or
# straight, opening where no letter is before them (so "don't ... 'mental'" is not a quote
# from the apostrophe on).
_QUOTED_RE = kept_patterns.compile(
    r'"[^"\n]{1,300}"|“[^”\n]{1,300}”|(?<!\w)‘[^’\n]{1,60}’(?!\w)|(?<!\w)\'[^\'\n]{1,60}\'(?!\w)'
)
# A quotation is a mention of words, not their use, when it is a phrase (four words or
# fewer: "committed suicide"), a question to ask, or when its sentence talks about words
# ("avoid saying...", "phrases like..."). A longer quotation in a story is what someone
# said, and readers read it: "She said, 'I know which bridge I will jump from.'" is a use.
MENTION_WORDS = 4
_ABOUT_WORDS_RE = kept_patterns.compile(
    r"\b(?:phrases?|terms?|words?|wording|language|expressions?|labels?|headlines?|slogans?|"
    r"clich[eé]s?|myths?|saying|say instead|to say|instead of|rather than|avoid\w*|"
    r"(?:don['’]t|do not|never|stop|try not to) (?:say|use|write|call)|replac\w+|swap\w*|"
    r"outdated|stigmati\w+|misconceptions?|quote[sd]?)\b",
    regex.IGNORECASE,
)


_LIST_ITEM_RE = regex.compile(r"\s*(?:[-*+]|\d{1,9}[.)])[ \t]")


def _mentions(text: str, a: int, b: int, sentences: _Sentences) -> Iterator[tuple[int, int]]:
    """The quotations between a and b that mention words rather than use them."""
    for m in _QUOTED_RE.finditer(text, a, b):
        # A phrase, or a question to put to someone ("ask, 'Is it safe to drink with these?'").
        if len(m.group(0).split()) <= MENTION_WORDS or m.group(0)[-2:-1] == "?":
            yield m.span()
            continue
        start, end = sentences.around(m.start())
        block = text.rfind("\n\n", 0, start) + 1
        if _LIST_ITEM_RE.match(text, block):  # a list of words: its lead-in names them
            start = text.rfind("\n\n", 0, max(block - 1, 0)) + 1
        if _ABOUT_WORDS_RE.search(text, start, max(end, m.end())):
            yield m.span()


class _Sentences:
    """The sentences of a text (prose.sentence_spans), found once, looked up by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._spans: list[tuple[int, int]] | None = None
        self._starts: list[int] = []

    def around(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence that holds offset."""
        if self._spans is None:
            self._spans = sentence_spans(self.text) or [(0, len(self.text))]
            self._starts = [a for a, _ in self._spans]
        return self._spans[max(bisect.bisect_right(self._starts, offset) - 1, 0)]


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: Severity
    message: str
    hint: str
    source: str
    kind: str
    # What a match is: the rule's tokens (a substitution's patterns, in `swaps` order; a
    # cooccurrence rule's markers), each gated by its own literals: a rule of many
    # alternatives compiles and runs only those whose words a paragraph holds.
    parts: GatedGroup
    swaps: tuple[str, ...]  # the suggestion of each substitution pattern, by position
    exceptions: LazyPattern | None
    markers: LazyPattern | None
    details: LazyPattern | None
    severity_with_detail: Severity
    skip_quoted: bool
    allow_listed: str | None
    scope: str = "sentence"
    reach: int = 0  # together: markers in the sentence before (same paragraph) count too

    @cached_property
    def needed_literals(self) -> Literals:
        """What a sentence must hold for a `together` rule's markers (or details) to match."""
        pattern = self.markers if self.kind == "together" else self.details
        return required_literals(pattern.pattern) if pattern is not None else None

    def _candidates(
        self, text: str, index: LiteralIndex | None
    ) -> tuple[list[tuple[int, int, regex.Match[str]]], list[tuple[int, int]]]:
        """Every part's matches as (start, part, match), in order and not overlapping (the
        first part wins where two start together, as in one alternation), and the
        paragraphs they were looked for in."""
        # Most rules cannot match most posts: the post's literal index skips them before
        # any regular expression runs, and a part runs only in the paragraphs that hold one
        # of its literals.
        needed = (
            windows(text, self.needed_literals, index)
            if self.kind == "together" and self.needed_literals is not None
            else None
        )
        if needed == []:
            return [], []
        found: list[tuple[int, int, regex.Match[str]]] = []
        searched: set[tuple[int, int]] = set()
        for position in self.parts.present_positions(text, index):
            part = self.parts.patterns[position]
            spans = windows(text, part.literals, index)
            if needed is not None and self.scope == "sentence":
                # A `together` match needs a marker in its sentence: only paragraphs that
                # hold one of the markers' words as well can hold one.
                spans = _overlaps(spans, needed)
            for a, b in spans:
                searched.add((a, b))
                found += ((m.start(), position, m) for m in part.pattern.finditer(text, a, b))
        if len(found) > 1:
            found.sort(key=lambda f: (f[0], f[1]))
            kept, last_end = [], -1
            for item in found:
                if item[0] >= last_end:
                    kept.append(item)
                    last_end = item[2].end()
            found = kept
        return found, sorted(searched)

    def matches(self, text: str, index: LiteralIndex | None = None) -> Iterator[Match]:
        found, spans = self._candidates(text, index)
        if not found:
            return
        # Most posts match no rule: exceptions and quotations are only looked for once a
        # rule has a candidate, which keeps a clean post's check to one scan per rule.
        skipped: dict[str, list[tuple[int, int]]] = {}
        sentences = _Sentences(text)

        def allowed(start: int, end: int) -> bool:
            # Looked for only where the rule may match (no match spans a blank line).
            if not skipped:
                skipped["except"] = (
                    [m.span() for a, b in spans for m in self.exceptions.finditer(text, a, b)]
                    if self.exceptions
                    else []
                )
                skipped["quoted"] = (
                    [span for a, b in spans for span in _mentions(text, a, b, sentences)]
                    if self.skip_quoted
                    else []
                )
            return not any(a < end and start < b for a, b in skipped["except"]) and not any(
                a <= start and end <= b for a, b in skipped["quoted"]
            )

        # Each sentence's markers or details are looked for once, however many matches it holds.
        found_in: dict[tuple[int, int], bool] = {}
        needed = self.markers if self.kind == "together" else self.details
        for start, position, m in found:
            end = m.end()
            if not allowed(start, end):
                continue
            suggestion = self.swaps[position] if self.swaps else ""
            detail = False
            if self.kind in ("together", "cooccurrence") and needed is not None:
                sentence = sentences.around(start) if self.scope == "sentence" else (0, len(text))
                if self.reach and sentence[0] > 0:
                    before = sentences.around(sentence[0] - 1)
                    if before != sentence and "\n\n" not in text[before[0] : sentence[0]]:
                        sentence = (before[0], sentence[1])
                if sentence not in found_in:
                    # The literal test first: most sentences hold none of the markers' words.
                    found_in[sentence] = may_match(
                        self.needed_literals, normalise(text[sentence[0] : sentence[1]])
                    ) and bool(needed.search(text, *sentence))
                if self.kind == "together" and not found_in[sentence]:
                    continue
                detail = self.kind == "cooccurrence" and found_in[sentence]
            yield Match(start, end, m.group(0), suggestion, detail)


def _overlaps(
    spans: list[tuple[int, int]], others: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The parts of `spans` that lie in one of `others` (both in order; a few paragraphs)."""
    return [
        (max(a, c), min(b, d)) for a, b in spans for c, d in others if max(a, c) < min(b, d)
    ]


def _build(spec: RuleSpec, pack: PackSpec, where: str) -> Rule:
    parts = spec.markers if spec.type == "cooccurrence" else spec.tokens or list(spec.swap)
    rule = Rule(
        id=spec.id,
        category=pack.category,
        severity=spec.severity or pack.severity,
        message=spec.message,
        hint=spec.hint,
        source=spec.source or pack.source,
        kind=spec.type,
        parts=GatedGroup(
            GatedPattern(_compile([part], spec.ignorecase, f"{where}: {spec.id}"))
            for part in parts
        ),
        swaps=tuple(spec.swap.values()),
        exceptions=_compile(spec.exceptions, True, f"{where}: {spec.id} exceptions"),
        markers=_compile(spec.markers, spec.ignorecase, f"{where}: {spec.id} markers"),
        details=_compile(spec.details, spec.ignorecase, f"{where}: {spec.id} details"),
        severity_with_detail=spec.severity_with_detail,
        skip_quoted=spec.skip_quoted,
        allow_listed=spec.allow_listed,
        scope=spec.scope,
        reach=spec.reach,
    )
    return rule


def _pack(data: Any, where: str, categories: frozenset[str]) -> list[Rule]:
    try:
        pack = PackSpec.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise RuleFileError(f"{where}: {problems}") from exc
    if pack.category not in categories:
        raise RuleFileError(
            f"{where}: category {pack.category!r} is not one of {', '.join(sorted(categories))}"
        )
    return [_build(_with_lists(spec, pack.lists, where), pack, where) for spec in pack.rules]


# `{name}` or `{topic:id}`; never a quantifier: those hold digits.
_PLACEHOLDER = re.compile(r"\{(topic:[\w-]+|[A-Za-z_]\w*)\}")


@functools.cache
def _packaged_topics() -> Any:
    return packaged("content_warnings.yml")


def _topic_terms(topic: str, where: str) -> list[str]:
    """`{topic:suicide}`: the content warning's packaged terms. What counts as about suicide
    is one fact: a pack asking "is this sentence about suicide?" reads it as detection does,
    so a term added to the topic reaches the pack (the practice's own topic files, loaded
    with its settings, do not)."""
    entry = _packaged_topics().get(topic)
    if not isinstance(entry, dict) or not entry.get("terms"):
        raise RuleFileError(f"{where}: no content-warning topic named {topic!r}")
    return [str(term) for term in entry["terms"]]


def _with_lists(spec: RuleSpec, lists: dict[str, list[str]], where: str) -> RuleSpec:
    """The rule with each `{name}` in its patterns as the alternation of the pack's list."""

    def expanded(pattern: str) -> str:
        def one(match: re.Match[str]) -> str:
            name = match.group(1)
            if name.startswith("topic:"):
                return "(?:" + "|".join(_topic_terms(name[6:], where)) + ")"
            if name not in lists:
                raise RuleFileError(f"{where}: {spec.id}: no list named {name!r} (lists: "
                                    f"{', '.join(sorted(lists)) or 'none'})")  # fmt: skip
            return "(?:" + "|".join(lists[name]) + ")"

        return _PLACEHOLDER.sub(one, pattern)

    if not any(_PLACEHOLDER.search(p) for p in (*spec.tokens, *spec.swap, *spec.exceptions,
                                                 *spec.markers, *spec.details)):  # fmt: skip
        return spec
    return spec.model_copy(update={
        "tokens": [expanded(p) for p in spec.tokens],
        "swap": {expanded(k): v for k, v in spec.swap.items()},
        "exceptions": [expanded(p) for p in spec.exceptions],
        "markers": [expanded(p) for p in spec.markers],
        "details": [expanded(p) for p in spec.details],
    })  # fmt: skip


def load_rules(
    extra_files: Iterable[Path],
    categories: frozenset[str],
    disabled: Iterable[str] = (),
) -> tuple[dict[str, Rule], dict[str, Rule]]:
    """The packaged packs plus the practice's files: the rules that are on, and every rule
    (a whole pack can be disabled by its name). The practice's severities apply to findings
    (`Settings.adjusted`), for these rules as for every other."""
    sources = [(f"data/rules/{p}.yml", packaged(f"{p}.yml"), False) for p in PACKS]
    sources += [(str(path), data, True) for path, data in load_rule_files(extra_files)]
    rules: dict[str, Rule] = {}
    for where, data, own in sources:
        for rule in _pack(data, where, categories):
            if own:  # the practice's file: report a bad pattern now, not mid-check
                parts = [part.pattern for part in rule.parts.patterns]
                for pattern in (*parts, rule.exceptions, rule.markers, rule.details):
                    _ = pattern.compiled if pattern is not None else None
            if rule.id in rules:
                raise RuleFileError(f"{where}: rule id {rule.id!r} is defined twice")
            rules[rule.id] = rule
    off = set(disabled)
    every, on = {}, {}
    for rule_id, rule in rules.items():
        every[rule_id] = rule
        if rule_id not in off and rule_id.split(".")[0] not in off:
            on[rule_id] = rule
    return on, every
