"""The practice's local SQLite files (the posting ledger, the impact figures): one way to
open them, with their schema, for one transaction that is committed whole or not at all."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def transaction(path: Path, schema: str) -> Iterator[sqlite3.Connection]:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=30)  # (another run may hold it a moment)
    try:
        connection.executescript(schema)
        with connection:
            yield connection
    finally:
        connection.close()
