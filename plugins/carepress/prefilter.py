"""Which literal text must appear for a pattern to match: a cheap test that lets a rule skip
a post without running its regular expression.

`required_literals(pattern)` returns a set of strings of which at least one occurs (lower-
cased) in every match, or None when it cannot tell (then the rule always runs). It reads the
pattern with Python's own regex parser; a pattern it cannot read simply gets no prefilter.
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11+: re._parser; older: sre_parse
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

Literals = frozenset[str] | None
MIN_LENGTH = 3  # shorter literals ("a", "to") are in every post: no use as a filter


def _best(options: list[Literals]) -> Literals:
    """Of several requirements that all hold, the most selective (longest shortest literal)."""
    known = [o for o in options if o]
    return max(known, key=lambda o: (min(map(len, o)), -len(o))) if known else None


def _is_whitespace_run(op: Any, av: Any) -> bool:
    """`\\s+` (what a space in a rule pattern becomes): one space in normalised text."""
    if op is not C.MAX_REPEAT or av[0] < 1 or len(av[2]) != 1:
        return False
    inner_op, inner_av = av[2][0]
    return inner_op is C.IN and list(inner_av) == [(C.CATEGORY, C.CATEGORY_SPACE)]


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
        if len(run.strip()) >= MIN_LENGTH:
            options.append(frozenset({run.lower().strip()}))
        run = ""
        if op is C.SUBPATTERN:
            options.append(_sequence(av[-1]))
        elif op is C.BRANCH:
            branches = [_sequence(b) for b in av[1]]
            if all(branches):
                options.append(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            options.append(_sequence(av[2]))
    if len(run.strip()) >= MIN_LENGTH:
        options.append(frozenset({run.lower().strip()}))
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
