"""Which literal text must appear for a pattern to match: a cheap test that lets a rule skip
a post without running its regular expression.

`required_literals(pattern)` returns a set of strings of which at least one occurs (lower-
cased) in every match, or None when it cannot tell (then the rule always runs). It reads the
pattern with Python's own regex parser; a pattern it cannot read simply gets no prefilter.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Any

import ahocorasick

try:  # Python 3.11+: re._parser; older: sre_parse
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

Literals = frozenset[str] | None
MIN_LENGTH = 3  # shorter literals ("a", "to") are in every post: no use as a filter
# ...but a digit, or a character prose seldom has, is: phone numbers, emails, doses.
DIGITS = frozenset("0123456789")
RARE_CHARACTERS = frozenset("0123456789@#$%&*+=/\\|~^<>[]{}_")


# Words in nearly every post: as a rule's only literal they filter nothing out.
_EVERYDAY = """
    a about after all also an and any are as at be because been before being but by can
    could day did do does doing don't do not down each even every few for from get go
    had has have he her here him his how i if in into is it its just know like make many
    may me more most much must my no not now of on one only or other our out over people
    said same see she should so some such take than that the their them then there these
    they thing think this those time to too up us use very was way we well were what
    when where which while who will with would year you your
"""
COMMON_WORDS = frozenset(_EVERYDAY.split())


def _selectivity(option: frozenset[str]) -> tuple[bool, int, int]:
    return (not option & COMMON_WORDS, min(map(len, option)), -len(option))


def _best(options: list[Literals]) -> Literals:
    """Of several requirements that all hold, the most selective: no everyday word among its
    literals, then the longest shortest literal, then the fewest literals."""
    known = [o for o in options if o]
    return max(known, key=_selectivity) if known else None


def _is_whitespace_run(op: Any, av: Any) -> bool:
    """`\\s+` (what a space in a rule pattern becomes): one space in normalised text."""
    if op is not C.MAX_REPEAT or av[0] < 1 or len(av[2]) != 1:
        return False
    inner_op, inner_av = av[2][0]
    return inner_op is C.IN and list(inner_av) == [(C.CATEGORY, C.CATEGORY_SPACE)]


def _is_digit_class(op: Any, av: Any) -> bool:
    return op is C.IN and list(av) == [(C.CATEGORY, C.CATEGORY_DIGIT)]


def _run_option(run: str) -> Literals:
    """A run of literal text as a requirement: long enough to be rare, or a rare character."""
    run = run.lower().strip()
    if len(run) >= MIN_LENGTH:
        return frozenset({run})
    rare = [ch for ch in run if ch in RARE_CHARACTERS]
    return frozenset(rare[:1]) if rare else None


def _sequence(items: Any) -> Literals:
    options: list[Literals] = []
    run = ""
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if _is_whitespace_run(op, av) and run:
            run += " "  # matched against text whose whitespace runs are single spaces
            continue
        options.append(_run_option(run))
        run = ""
        if _is_digit_class(op, av):
            options.append(DIGITS)
        elif op is C.SUBPATTERN:
            options.append(_sequence(av[-1]))
        elif op is C.BRANCH:
            branches = [_sequence(b) for b in av[1]]
            if all(branches):
                options.append(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            options.append(_sequence(av[2]))
    options.append(_run_option(run))
    return _best(options)


def required_literals(pattern: str) -> Literals:
    try:
        return _sequence(parser.parse(pattern, re.IGNORECASE))
    except (re.error, RecursionError, TypeError, ValueError):
        return None


def normalise(text: str) -> str:
    """Lower-cased, every whitespace run one space: what literals are looked for in."""
    return " ".join(text.lower().split())


def may_match(literals: Literals, normalised_text: str) -> bool:
    return literals is None or any(literal in normalised_text for literal in literals)


def windows(text: str, literals: Literals, index: LiteralIndex | None) -> list[tuple[int, int]]:
    """Where a pattern whose matches hold one of `literals` may match in `text`: the indexed
    paragraphs that hold one, or (without an index) the whole text if it holds one."""
    if index is not None:
        return index.spans(literals)
    return [(0, len(text))] if may_match(literals, normalise(text)) else []


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


class LiteralSearch:
    """All of a set of literals, found in one pass over a text (an Aho-Corasick automaton)."""

    def __init__(self, literals: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for literal in literals:
            self._automaton.add_word(literal, literal)
        self.empty = len(self._automaton) == 0
        if not self.empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> Iterator[tuple[int, str]]:
        """(end offset, literal) of every occurrence, overlapping ones included."""
        return iter(()) if self.empty else self._automaton.iter(text)


class LiteralIndex:
    """Which paragraphs of a text hold each of a set of literals.

    Built once per post for all rules: a rule then runs its regular expression only over the
    paragraphs that hold one of its literals (a match never spans a blank line), instead of
    over the whole post, which is most of a language check's time.
    """

    def __init__(self, text: str, search: LiteralSearch) -> None:
        self.length = len(text)
        self.bounds: list[tuple[int, int]] = []
        start = 0
        for gap in _PARAGRAPH_BREAK.finditer(text):
            self.bounds.append((start, gap.start()))
            start = gap.end()
        self.bounds.append((start, len(text)))
        parts = [normalise(text[a:b]) for a, b in self.bounds]
        # Paragraphs joined by newlines (which no literal holds), and where each begins.
        starts = list(itertools.accumulate((len(p) + 1 for p in parts[:-1]), initial=0))
        self.where: dict[str, set[int]] = {}
        for end, literal in search.find("\n".join(parts)):
            self.where.setdefault(literal, set()).add(bisect.bisect_right(starts, end) - 1)

    def spans(self, literals: Literals) -> list[tuple[int, int]]:
        """(start, end) of every paragraph that may hold a match (all text if unknown)."""
        if literals is None:
            return [(0, self.length)]
        hits = sorted({i for literal in literals for i in self.where.get(literal, ())})
        return [self.bounds[i] for i in hits]
