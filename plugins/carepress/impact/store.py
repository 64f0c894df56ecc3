"""The impact database: SQLite, in the hub (out of the site; ignored by git). It holds counts
only: no IP address, no user agent, nothing that identifies a reader."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from pathlib import Path

from ..local_database import transaction

DEFAULT_DB = Path("records") / "impact.sqlite3"
DEFAULT_REPORT = Path("records") / "impact-report"
SCHEMA = """
CREATE TABLE IF NOT EXISTS engagement (      -- a post's totals so far, as of a day
    platform TEXT NOT NULL, post TEXT NOT NULL, day TEXT NOT NULL,
    impressions INTEGER, reach INTEGER, likes INTEGER, comments INTEGER, shares INTEGER,
    saves INTEGER, clicks INTEGER,
    PRIMARY KEY (platform, post, day)
);
CREATE TABLE IF NOT EXISTS followers (       -- the practice's account, as of a day
    platform TEXT NOT NULL, day TEXT NOT NULL, followers INTEGER NOT NULL,
    PRIMARY KEY (platform, day)
);
CREATE TABLE IF NOT EXISTS published (       -- when (practice-local) and how a post went out
    platform TEXT NOT NULL, post TEXT NOT NULL, posted_at TEXT NOT NULL, format TEXT NOT NULL,
    PRIMARY KEY (platform, post)
);
CREATE TABLE IF NOT EXISTS visits (          -- page "" : the whole site (a campaign total)
    day TEXT NOT NULL, page TEXT NOT NULL, campaign TEXT NOT NULL, visits INTEGER NOT NULL,
    PRIMARY KEY (day, page, campaign)
);
CREATE TABLE IF NOT EXISTS visit_sources (   -- which kind of record counted a day's visits
    day TEXT NOT NULL, source TEXT NOT NULL, PRIMARY KEY (day, source)
);
CREATE TABLE IF NOT EXISTS feedback (        -- a poll's or survey's answers, as of a day
    day TEXT NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL, responses INTEGER NOT NULL,
    post TEXT NOT NULL, platform TEXT NOT NULL,
    PRIMARY KEY (question, answer, post, platform, day)
);
CREATE TABLE IF NOT EXISTS imported (
    sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, rows INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS log_texts (       -- a server log's text as imported: a later,
    sha256 TEXT PRIMARY KEY, bytes INTEGER NOT NULL  -- longer log that begins with it grew
);
"""
# Totals so far for one post on one platform (shares: boosts, reposts and quotes).
METRICS = ("impressions", "reach", "likes", "comments", "shares", "saves", "clicks")


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
        db.execute("INSERT OR REPLACE INTO imported VALUES (?, ?, ?, ?)",
                   (sha256, name, kind, rows))

    @staticmethod
    def log_texts(db: sqlite3.Connection) -> list[tuple[str, int]]:
        """(SHA-256, bytes) of every server log's text imported (log_texts.py)."""
        return db.execute("SELECT sha256, bytes FROM log_texts").fetchall()

    @staticmethod
    def mark_log_text(db: sqlite3.Connection, sha256: str, size: int) -> None:
        db.execute("INSERT OR REPLACE INTO log_texts VALUES (?, ?)", (sha256, size))

    @staticmethod
    def put_engagement(db: sqlite3.Connection, rows: Iterable[tuple]) -> None:
        """(platform, post, day, *METRICS). A later figure for the same post, platform and
        day replaces the earlier one (a later export of the same day is the truer one)."""
        db.executemany(
            "INSERT OR REPLACE INTO engagement VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
        )

    @staticmethod
    def put_followers(db: sqlite3.Connection, rows: Iterable[tuple[str, str, int]]) -> None:
        """(platform, day, followers)."""
        db.executemany("INSERT OR REPLACE INTO followers VALUES (?, ?, ?)", rows)

    @staticmethod
    def put_published(db: sqlite3.Connection, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """(platform, post, posted_at "YYYY-MM-DDTHH:MM" practice-local, format)."""
        db.executemany("INSERT OR REPLACE INTO published VALUES (?, ?, ?, ?)", rows)

    @staticmethod
    def put_feedback(db: sqlite3.Connection, rows: Iterable[tuple]) -> None:
        """(day, question, answer, responses, post or "", platform or "")."""
        db.executemany(
            "INSERT OR REPLACE INTO feedback (day, question, answer, responses, post, platform) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )

    @staticmethod
    def other_sources(db: sqlite3.Connection, days: set[str], source: str) -> dict[str, list]:
        """The days of `days` whose visits another kind of record already counted (access
        logs and an analytics export count the same readers: both would count them twice)."""
        found: dict[str, list] = {}
        for day, other in db.execute(
            f"SELECT day, source FROM visit_sources WHERE source != ? AND day IN "
            f"({', '.join('?' * len(days))}) ORDER BY day", (source, *sorted(days))
        ):
            found.setdefault(other, []).append(day)
        return found

    @staticmethod
    def add_visits(db: sqlite3.Connection, counts: dict[tuple[str, str, str], int],
                   source: str) -> None:  # fmt: skip
        """{(day, page, campaign): visits}, added to what is there (logs of different days
        and servers add up)."""
        db.executemany(
            "INSERT INTO visits VALUES (?, ?, ?, ?) ON CONFLICT (day, page, campaign) "
            "DO UPDATE SET visits = visits + excluded.visits",
            [(day, page, campaign, n) for (day, page, campaign), n in counts.items()],
        )
        db.executemany("INSERT OR IGNORE INTO visit_sources VALUES (?, ?)",
                       [(day, source) for day in {day for day, _, _ in counts}])  # fmt: skip
