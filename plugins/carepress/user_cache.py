"""The user's cache folder: what CarePress works out from its data alone (each pattern's
literals, the literal search, compiled patterns, the second reader's tables) is kept there
between runs and shared by every hub on the machine. Each file's name says which code and
rules made it; a file that is missing, damaged or stale only means working it out again."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .atomic_write import write_atomically

T = TypeVar("T")

# Files of one kind made by other versions or rule sets (a practice editing its own rules
# makes new ones each time): beyond this many, the least recently written go.
KEPT_FILES = 4


def folder() -> Path | None:
    """~/.cache/carepress, or under $XDG_CACHE_HOME (None without a home folder)."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:
        return None
    return base / "carepress"


def kept(
    file: Path | None, make: Callable[[], T], fits: Callable[[Any], bool] = lambda _: True
) -> tuple[T, bool]:
    """What `make()` gives: loaded from `file` (pickled) when an earlier run made it and it
    `fits`, else made now and kept there. Also whether it was written now, so the caller
    can forget older files of its kind. A missing, damaged or unwritable file (or no file,
    or something that does not pickle) only means making it; what `make` raises is raised."""
    if file is not None:
        try:
            with file.open("rb") as stream:  # read as it unpickles: no second copy in memory
                found = pickle.load(stream)
            if fits(found):
                return found, False
        except Exception:  # missing or damaged: made again
            pass
    made = make()
    if file is None:
        return made, False
    try:
        data = pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, RecursionError, TypeError, AttributeError):
        return made, False  # (a practice's rule file nested hundreds deep): used, not kept
    try:
        write_atomically(file, data)
    except OSError:
        return made, False
    return made, True


def version_of(source_file: str) -> str:
    """A digest of a module's own source: what it keeps is named with it, so another version
    of CarePress on the same machine (whose kept files may differ in form) never reads them."""
    return hashlib.sha256(Path(source_file).read_bytes()).hexdigest()[:16]


def build_of(module: Any) -> str:
    """Which build of an installed module this is, for a compiled module without a version
    attribute whose saved objects hold only for the build that saved them."""
    try:
        found = Path(module.__file__).stat()
    except (OSError, TypeError, AttributeError):
        return "unknown"
    return f"{found.st_size}-{found.st_mtime_ns}"


def forget_older(kept_in: Path, pattern: str, kept: int = KEPT_FILES) -> None:
    """Remove all but the `kept` newest files (or folders) of `kept_in` named like `pattern`."""
    try:
        found = sorted(kept_in.glob(pattern), key=lambda path: path.stat().st_mtime)
        for old in found[:-kept]:
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)
    except OSError:
        return
