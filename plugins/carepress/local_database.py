"""The practice's local SQLite files (the posting ledger, the impact figures, the incident
log): one way to open them, with their schema, for one transaction that is committed whole
or not at all. Each is readable by its owner only (0600), whichever command made it first."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PRIVATE = stat.S_IRUSR | stat.S_IWUSR  # 0600


def create_private(path: Path) -> bool:
    """Create `path` empty, readable and writable by its owner only, unless it exists
    (SQLite's journal and write-ahead files copy the database's mode). A file an older
    CarePress made readable by others is made the owner's alone. True: this created it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))
    except FileExistsError:
        try:
            if path.is_file() and stat.S_IMODE(path.stat().st_mode) & 0o077:
                path.chmod(PRIVATE)
        except OSError:  # another user's file: left as it is
            pass
        return False
    return True


@contextmanager
def transaction(path: Path, schema: str) -> Iterator[sqlite3.Connection]:
    create_private(path)
    connection = sqlite3.connect(path, timeout=30)  # (another run may hold it a moment)
    try:
        connection.executescript(schema)
        with connection:
            yield connection
    finally:
        connection.close()
