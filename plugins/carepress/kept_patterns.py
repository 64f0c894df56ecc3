"""Compiled regular expressions kept between runs.

The `regex` module parses a pattern in Python, a few milliseconds for a rule's alternation:
the edit loop compiles the twenty or so a post needs, a build's workers a few hundred each.
A compiled pattern pickles as its compiled code (regex's own pickling), which loads some
forty times faster than compiling. So each pattern compiled is kept in a file of its own (a
process reads only the patterns it uses, and holds no others in memory), named by a digest
of its text, flags and named lists, in a folder of the user's cache per build of `regex`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import regex

from . import user_cache

MAX_KEPT = 5_000  # patterns in the folder; the least recently written go first

_BUILD = f"{regex.__version__}-{user_cache.build_of(regex._regex)}"
_pruned = False


def _kept_in() -> Path | None:
    base = user_cache.folder()
    return base / f"patterns-{_BUILD}" if base else None


def compile(pattern: str, flags: int = 0, **named_lists: Any) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags, **named_lists)`, loaded from the kept file when a run
    before compiled it. Raises regex.error for a pattern that does not compile."""
    global _pruned
    folder = _kept_in()
    lists = sorted((name, sorted(map(str, values))) for name, values in named_lists.items())
    key = repr((pattern, int(flags), lists)).encode("utf-8", "surrogatepass")
    file = folder / f"{hashlib.sha256(key).hexdigest()[:32]}.pickle" if folder else None
    compiled, written = user_cache.kept(
        file,
        lambda: regex.compile(pattern, flags, **named_lists),
        lambda found: isinstance(found, regex.Pattern) and found.pattern == pattern,
    )
    if written and file is not None and not _pruned:  # once a process: rules edited away
        _pruned = True
        user_cache.forget_older(file.parent, "*.pickle", kept=MAX_KEPT)
        user_cache.forget_older(file.parent.parent, "patterns-*")
    return compiled
