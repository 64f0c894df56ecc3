"""Compiled regular expressions kept between runs.

The `regex` module parses a pattern in Python, a few milliseconds for a rule's alternation:
the edit loop compiles the twenty or so a post needs, a build's workers a few hundred each.
A compiled pattern pickles as its compiled code (regex's own pickling), which loads some
forty times faster than compiling. So each pattern compiled is kept, by its text, flags and
named lists, in one file in the user's cache folder per build of `regex`.
"""

from __future__ import annotations

import atexit
import pickle
from pathlib import Path
from typing import Any

import regex

from . import user_cache
from .atomic_write import write_atomically

MAX_KEPT = 20_000  # patterns in the file; the oldest go first (rules edited away)

Key = tuple[str, int, tuple[tuple[str, tuple[str, ...]], ...]]

_kept: dict[Key, bytes] | None = None
_new: dict[Key, bytes] = {}


def _file() -> Path | None:
    kept_in = user_cache.folder()
    build = f"{regex.__version__}-{user_cache.build_of(regex._regex)}"
    return kept_in / f"patterns-{build}.pickle" if kept_in else None


def _read(file: Path | None) -> dict[Key, bytes]:
    if file is None:
        return {}
    try:
        with file.open("rb") as stream:
            kept = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return {}
    return kept if isinstance(kept, dict) else {}


def compile(pattern: str, flags: int = 0, **named_lists: Any) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags, **named_lists)`, loaded from the kept file when a run
    before compiled it. Raises regex.error for a pattern that does not compile."""
    global _kept
    if _kept is None:
        _kept = _read(_file())
    lists = tuple((name, tuple(sorted(map(str, values)))) for name, values in named_lists.items())
    key: Key = (pattern, int(flags), tuple(sorted(lists)))
    data = _kept.get(key)
    if data is not None:
        try:
            found = pickle.loads(data)
            if isinstance(found, regex.Pattern):
                return found
        except Exception:
            pass
    compiled = regex.compile(pattern, flags, **named_lists)
    _new[key] = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
    return compiled


def keep() -> None:
    """Add what this process compiled to the kept file (as it is now: another process may
    have added to it)."""
    global _kept
    file = _file()
    if not _new or file is None:
        return
    merged = _read(file)
    merged.update(_new)
    if len(merged) > MAX_KEPT:
        merged = dict(list(merged.items())[-MAX_KEPT:])
    try:
        write_atomically(file, pickle.dumps(merged, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        return
    _kept = merged
    _new.clear()
    user_cache.forget_older(file.parent, "patterns-*.pickle")


atexit.register(keep)
