"""The ledger: a local SQLite file of what CarePress posted where, and what it tried.

It is the record a practice keeps of its posts (platform, account, remote id and address,
the text sent, when) and what keeps a rerun from posting twice. It never holds a secret.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from ..local_database import transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS posted (
    post TEXT NOT NULL,          -- the post's source file under docs_dir (posts/x.md)
    platform TEXT NOT NULL,
    account TEXT NOT NULL,
    remote_id TEXT NOT NULL,
    remote_url TEXT NOT NULL,
    text TEXT NOT NULL,
    spoiler_text TEXT NOT NULL,
    fingerprint TEXT NOT NULL,   -- of everything sent: an edit of the post changes it
    posted_at TEXT NOT NULL,     -- UTC, ISO 8601
    replies TEXT NOT NULL        -- a thread's replies that arrived: JSON list of addresses
);
CREATE INDEX IF NOT EXISTS posted_by_post ON posted (post, platform, account);
CREATE TABLE IF NOT EXISTS failed (
    post TEXT NOT NULL,
    platform TEXT NOT NULL,
    account TEXT NOT NULL,
    error TEXT NOT NULL,
    tried_at TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class Posted:
    post: str
    platform: str
    account: str
    remote_id: str
    remote_url: str
    text: str
    spoiler_text: str
    fingerprint: str
    posted_at: str
    replies: str = "[]"


class Ledger:
    def __init__(self, path: Path) -> None:
        self.path = path

    def _connection(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self.path, SCHEMA)

    def last_posted(self, post: str, platform: str, account: str) -> Posted | None:
        if not self.path.exists():
            return None
        with self._connection() as db:
            row = db.execute(
                "SELECT * FROM posted WHERE post = ? AND platform = ? AND account = ? "
                "ORDER BY posted_at DESC LIMIT 1",
                (post, platform, account),
            ).fetchone()
        return Posted(*row) if row else None

    def record(self, posted: Posted) -> None:
        with self._connection() as db:
            db.execute(
                "INSERT INTO posted VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    posted.post, posted.platform, posted.account, posted.remote_id,
                    posted.remote_url, posted.text, posted.spoiler_text, posted.fingerprint,
                    posted.posted_at, posted.replies,
                ),
            )  # fmt: skip

    def record_failure(self, post: str, platform: str, account: str, error: str) -> None:
        with self._connection() as db:
            db.execute(
                "INSERT INTO failed VALUES (?, ?, ?, ?, ?)",
                (post, platform, account, error, now_iso()),
            )

    def all_posted(self) -> list[Posted]:
        if not self.path.exists():
            return []
        with self._connection() as db:
            rows = db.execute("SELECT * FROM posted ORDER BY posted_at, post").fetchall()
        return [Posted(*row) for row in rows]


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
