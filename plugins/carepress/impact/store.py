"""The impact database: SQLite, in the hub (out of the site; ignored by git). It holds counts
only: no IP address, no user agent, nothing that identifies a reader."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from pathlib import Path

from ..local_database import transaction

DEFAULT_DB = Path("records") / "impact.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS engagement (
    day TEXT NOT NULL, platform TEXT NOT NULL, post TEXT NOT NULL,
    impressions INTEGER, reach INTEGER, likes INTEGER, comments INTEGER, shares INTEGER,
    saves INTEGER, clicks INTEGER, followers INTEGER,
    PRIMARY KEY (day, platform, post)
);
CREATE TABLE IF NOT EXISTS visits (
    day TEXT NOT NULL, page TEXT NOT NULL, campaign TEXT NOT NULL, visits INTEGER NOT NULL,
    PRIMARY KEY (day, page, campaign)
);
CREATE TABLE IF NOT EXISTS imported (
    sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, rows INTEGER NOT NULL
);
"""
METRICS = ("impressions", "reach", "likes", "comments", "shares", "saves", "clicks", "followers")


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class ImpactStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    def connect(self) -> AbstractContextManager[sqlite3.Connection]:
        """One transaction per imported file: all of it, or none of it."""
        return transaction(self.path, SCHEMA)

    def seen(self, db: sqlite3.Connection, sha256: str) -> bool:
        found = db.execute("SELECT 1 FROM imported WHERE sha256 = ?", (sha256,)).fetchone()
        return found is not None

    def mark(self, db: sqlite3.Connection, sha256: str, name: str, kind: str, rows: int) -> None:
        db.execute("INSERT INTO imported VALUES (?, ?, ?, ?)", (sha256, name, kind, rows))

    @staticmethod
    def put_engagement(db: sqlite3.Connection, rows: Iterable[tuple]) -> None:
        """The latest figures for a post on a platform and day replace older ones (a later
        export of the same day is the truer one)."""
        db.executemany(
            "INSERT OR REPLACE INTO engagement VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
        )

    @staticmethod
    def add_visits(db: sqlite3.Connection, counts: dict[tuple[str, str, str], int]) -> None:
        db.executemany(
            "INSERT INTO visits VALUES (?, ?, ?, ?) ON CONFLICT (day, page, campaign) "
            "DO UPDATE SET visits = visits + excluded.visits",
            [(day, page, campaign, n) for (day, page, campaign), n in counts.items()],
        )
