"""The ledger: a local SQLite file of what CarePress posted where, and what it tried.

It is the record a practice keeps of its posts (platform, account, remote id and address,
the text sent, when) and what keeps a rerun from posting twice. It also keeps what a
failure means for the next run: a post the platform refused as it is (held until it is
edited or `--retry-failed`), and a time the platform asked to be left alone until
(Retry-After). It never holds a secret.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
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
    replies TEXT NOT NULL,       -- a thread's replies that arrived: JSON list of addresses
    poll TEXT NOT NULL DEFAULT '',        -- the poll sent with it (JSON), or ''
    thread TEXT NOT NULL DEFAULT '[]'     -- the texts of those replies, in the same order
);
CREATE INDEX IF NOT EXISTS posted_by_post ON posted (post, platform, account);
CREATE TABLE IF NOT EXISTS failed (
    post TEXT NOT NULL,
    platform TEXT NOT NULL,
    account TEXT NOT NULL,
    error TEXT NOT NULL,
    tried_at TEXT NOT NULL,
    fingerprint TEXT NOT NULL DEFAULT '',  -- of what was tried
    refused INTEGER NOT NULL DEFAULT 0,    -- 1: refused as it is (a 4xx): not tried again
    not_before TEXT NOT NULL DEFAULT ''    -- the platform asked for no request before this
);
"""

# Columns added since the first ledgers: a ledger a practice already keeps gets them (with
# their defaults) the first time this version opens it.
ADDED_COLUMNS = {
    "posted": (("poll", "TEXT NOT NULL DEFAULT ''"), ("thread", "TEXT NOT NULL DEFAULT '[]'")),
    "failed": (
        ("fingerprint", "TEXT NOT NULL DEFAULT ''"),
        ("refused", "INTEGER NOT NULL DEFAULT 0"),
        ("not_before", "TEXT NOT NULL DEFAULT ''"),
    ),
}


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
    poll: str = ""
    thread: str = "[]"


@dataclass(frozen=True)
class Failure:
    post: str
    platform: str
    account: str
    error: str
    tried_at: str
    fingerprint: str = ""
    refused: bool = False
    not_before: str = ""


class Ledger:
    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        with transaction(self.path, SCHEMA) as db:
            _add_missing_columns(db)
            yield db

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
                "INSERT INTO posted VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    posted.post, posted.platform, posted.account, posted.remote_id,
                    posted.remote_url, posted.text, posted.spoiler_text, posted.fingerprint,
                    posted.posted_at, posted.replies, posted.poll, posted.thread,
                ),
            )  # fmt: skip

    def record_failure(self, failure: Failure) -> None:
        with self._connection() as db:
            db.execute(
                "INSERT INTO failed (post, platform, account, error, tried_at, fingerprint, "
                "refused, not_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (failure.post, failure.platform, failure.account, failure.error,
                 failure.tried_at, failure.fingerprint, int(failure.refused),
                 failure.not_before),
            )  # fmt: skip

    def last_failure(self, post: str, platform: str, account: str) -> Failure | None:
        """The post's latest failed attempt on the account (a later retry's verdict counts)."""
        return self._failure(
            "SELECT * FROM failed WHERE post = ? AND platform = ? AND account = ? "
            "ORDER BY rowid DESC LIMIT 1",
            (post, platform, account),
        )

    def waiting_until(self, platform: str, account: str) -> Failure | None:
        """The failure that asked for the latest `not_before` on the account, if any."""
        return self._failure(
            "SELECT * FROM failed WHERE platform = ? AND account = ? AND not_before != '' "
            "ORDER BY not_before DESC LIMIT 1",
            (platform, account),
        )

    def _failure(self, query: str, values: tuple[str, ...]) -> Failure | None:
        if not self.path.exists():
            return None
        with self._connection() as db:
            row = db.execute(query, values).fetchone()
        return Failure(*row[:6], bool(row[6]), row[7]) if row else None

    def first_entry(self) -> str | None:
        """When the ledger's first post went out or first attempt failed (None: empty)."""
        if not self.path.exists():
            return None
        with self._connection() as db:
            (first,) = db.execute(
                "SELECT min(t) FROM (SELECT min(posted_at) AS t FROM posted "
                "UNION ALL SELECT min(tried_at) FROM failed)"
            ).fetchone()
        return first

    def tried(self, post: str, platform: str, account: str) -> bool:
        """Whether the post was ever sent, or tried, on the account."""
        return (self.last_posted(post, platform, account) is not None
                or self.last_failure(post, platform, account) is not None)  # fmt: skip

    def all_posted(self) -> list[Posted]:
        if not self.path.exists():
            return []
        with self._connection() as db:
            rows = db.execute("SELECT * FROM posted ORDER BY posted_at, post").fetchall()
        return [Posted(*row) for row in rows]


def iso(moment: dt.datetime) -> str:
    """UTC, ISO 8601, to the second: how the ledger writes a time."""
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def _add_missing_columns(db: sqlite3.Connection) -> None:
    for table, columns in ADDED_COLUMNS.items():
        have = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        for name, kind in columns:
            if name not in have:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")
