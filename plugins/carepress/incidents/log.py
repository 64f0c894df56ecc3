"""The incident log: a local SQLite file in the hub (ignored by git, refused inside docs_dir or
the site), readable only by its owner. Incidents are only ever added, and reviews only
ever added to them: it is a record to show if a legal or ethical question arises."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..local_database import create_private, transaction
from .record import Incident, Review

DEFAULT_DB = Path("records") / "incidents.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS incidents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused
    happened_at TEXT NOT NULL,              -- ISO 8601 with its offset (practice-local)
    platform TEXT NOT NULL,
    kind TEXT NOT NULL,
    what TEXT NOT NULL,
    done TEXT NOT NULL,
    follow_up TEXT,                         -- NULL: none given
    note TEXT,                              -- may be sensitive; NULL: none given
    recorded_at TEXT NOT NULL               -- when it was written down (with its offset)
);
CREATE TABLE IF NOT EXISTS reviews (        -- each review kept: a later one never replaces
    incident INTEGER NOT NULL REFERENCES incidents (id),
    by TEXT NOT NULL,
    at TEXT NOT NULL                        -- ISO 8601 with its offset
);
"""


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


class IncidentLog:
    def __init__(self, path: Path) -> None:
        self.path = path

    def exists(self) -> bool:
        return self.path.is_file()

    def add(self, incident: Incident) -> tuple[int, bool]:
        """The new incident's id, and whether this started the log (its first use)."""
        created = self._create()
        try:
            with transaction(self.path, SCHEMA) as db:
                cursor = db.execute(
                    "INSERT INTO incidents (happened_at, platform, kind, what, done, follow_up, "
                    "note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (_iso(incident.when), incident.platform, incident.kind, incident.what,
                     incident.done, incident.follow_up, incident.note,
                     _iso(incident.recorded_at)),
                )  # fmt: skip
                number = int(cursor.lastrowid or 0)
                db.executemany(
                    "INSERT INTO reviews (incident, by, at) VALUES (?, ?, ?)",
                    [(number, review.by, _iso(review.at)) for review in incident.reviews],
                )
        except BaseException:
            if created:  # a log that never held an incident is not left behind
                self.path.unlink(missing_ok=True)
            raise
        return number, created

    def review(self, number: int, review: Review) -> bool:
        """Add a review to incident `number`; False when there is no such incident."""
        if not self.exists():
            return False
        with transaction(self.path, SCHEMA) as db:
            if db.execute("SELECT 1 FROM incidents WHERE id = ?", (number,)).fetchone() is None:
                return False
            db.execute("INSERT INTO reviews (incident, by, at) VALUES (?, ?, ?)",
                       (number, review.by, _iso(review.at)))  # fmt: skip
        return True

    def incidents(self) -> list[Incident]:
        """Every incident, in the order it happened (then recorded); [] without a log."""
        if not self.exists():  # reading never creates the file
            return []
        with transaction(self.path, SCHEMA) as db:
            reviews: dict[int, list[Review]] = {}
            for number, by, at in db.execute("SELECT incident, by, at FROM reviews ORDER BY rowid"):
                reviews.setdefault(number, []).append(Review(by, dt.datetime.fromisoformat(at)))
            rows = db.execute(
                "SELECT id, happened_at, platform, kind, what, done, follow_up, note, recorded_at "
                "FROM incidents"
            ).fetchall()
        found = [
            Incident(dt.datetime.fromisoformat(when), platform, kind, what, done, follow_up,
                     note, dt.datetime.fromisoformat(recorded),
                     tuple(reviews.get(number, ())), number)
            for number, when, platform, kind, what, done, follow_up, note, recorded in rows
        ]  # fmt: skip
        # By the moment itself: ISO strings with different offsets do not sort as text.
        return sorted(found, key=lambda incident: (incident.when, incident.id or 0))

    def _create(self) -> bool:
        """Create the file readable by its owner only (SQLite's journal copies the mode)."""
        return create_private(self.path)


def as_dict(incident: Incident, with_note: bool) -> dict[str, Any]:
    """One incident as plain data (JSON export, the archive); the note only when asked."""
    data: dict[str, Any] = {
        "id": incident.id,
        "when": _iso(incident.when),
        "platform": incident.platform,
        "kind": incident.kind,
        "what": incident.what,
        "done": incident.done,
        "follow_up": incident.follow_up,
        "reviews": [{"by": review.by, "at": _iso(review.at)} for review in incident.reviews],
        "recorded_at": _iso(incident.recorded_at),
    }
    if with_note:
        data["note"] = incident.note
    return data


def incidents_for_archive(path: Path) -> list[dict[str, Any]]:
    """Every incident, notes included, oldest first, of the log at `path` or, when `path` is
    a folder (the hub), of its records/incidents.sqlite3; [] without a log. For `carepress
    archive --with-incidents`, which keeps the archive as private as the log."""
    log = IncidentLog(path / DEFAULT_DB if path.is_dir() else path)
    return [as_dict(incident, with_note=True) for incident in log.incidents()]
