"""The practice's private files (the posting ledger, the impact figures and report, the
archive, the incident log and its exports, the editorial calendar's .ics): never where the
site publishes from, and, inside the hub's git repository, ignored by git, or the practice is
told."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .atomic_write import PRIVATE, write_atomically
from .settings import ConfigError

if TYPE_CHECKING:
    from .settings import Settings


SQLITE_HEADER = b"SQLite format 3\x00"
HEAD_BYTES = 4096


def private_record(path: Path) -> str | None:
    """What private record of the practice this file is, told by its contents (a copy can
    have any name), or None: a SQLite database (the ledger, the impact figures and the
    incident log are kept in these), or an export of the incident log."""
    from .incidents.record import COLUMNS

    try:
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES)
    except OSError:
        return None
    if head.startswith(SQLITE_HEADER):
        return "a SQLite database (the posting ledger, impact figures and incident log are these)"
    text = head.decode("utf-8-sig", "replace").lstrip()
    if text.startswith(",".join(COLUMNS[:5])) or (
        text.startswith("[") and all(f'"{key}":' in text for key in COLUMNS[1:5])
    ):
        return "an export of the incident log"
    return None


def kept_private(path: Path, what: str, settings: Settings, config: Path) -> Path:
    """`path`, resolved, when it is in no folder whose files are published (docs_dir, the
    theme's custom_dir, whose non-template files MkDocs copies into the site, and the site
    itself); else a configuration error saying so."""
    from .settings import configured_site_dir

    resolved = path.resolve()
    published = [(settings.docs_dir, "docs_dir"), (configured_site_dir(config), "the site")]
    if settings.custom_dir is not None:
        published.append((settings.custom_dir, "the theme's custom_dir"))
    for folder, where in published:
        if resolved.is_relative_to(folder.resolve()):
            raise ConfigError(f"{what} may not be in {where} ({folder}): it would be "
                              f"published; keep it elsewhere ({resolved})")  # fmt: skip
    return resolved


def write_private(path: Path, data: bytes) -> None:
    """Write `path` whole, readable by its owner only (mode 0600), replacing what was there;
    OSError when it cannot be written."""
    write_atomically(path, data, mode=PRIVATE)


def git_ignores(path: Path, root: Path) -> bool:
    """Whether git ignores the log: git's own answer in a repository (any pattern that
    matches), else whether the hub's .gitignore has the plain line for it we document."""
    try:
        asked = subprocess.run(["git", "check-ignore", "-q", "--no-index", str(path)],
                               cwd=root, capture_output=True, timeout=10)  # fmt: skip
        if asked.returncode in (0, 1):  # 128: not a repository
            return asked.returncode == 0
    except (OSError, subprocess.SubprocessError):
        pass  # no git on this machine
    try:
        lines = (root / ".gitignore").read_text(encoding="utf-8").splitlines()
    except OSError:
        return False
    relative = path.relative_to(root.resolve()).as_posix()
    return any(line.strip().lstrip("/") == relative for line in lines)


def warn_unless_ignored(path: Path, root: Path, what: str) -> None:
    """Said once, when `path` is first made inside the hub: git would commit it."""
    resolved = path.resolve()
    if path.exists() or not resolved.is_relative_to(root.resolve()):
        return
    if not git_ignores(resolved, root):
        shown = resolved.relative_to(root.resolve()).as_posix()
        print(f"carepress: {shown} ({what}) is not in .gitignore: add the line {shown} there, "
              "or git may commit it (it is the practice's private record)", file=sys.stderr)
