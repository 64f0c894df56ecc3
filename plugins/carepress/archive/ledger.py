"""The posting ledger as an archive keeps it: every post sent and every failed or refused
attempt, each row by its column names, read without writing (a ledger an older CarePress
kept is archived with the columns it has)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

TABLES = (("posted", "posted_at, post"), ("failed", "tried_at, rowid"))


def ledger_record(path: Path) -> dict[str, list[dict[str, Any]]] | None:
    """{"posted": [...], "failed": [...]}; None without a ledger file."""
    if not path.is_file():
        return None
    found: dict[str, list[dict[str, Any]]] = {}
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        present = {name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}  # fmt: skip
        for table, order in TABLES:
            if table not in present:
                found[table] = []
                continue
            cursor = connection.execute(f"SELECT * FROM {table} ORDER BY {order}")
            names = [column[0] for column in cursor.description]
            found[table] = [dict(zip(names, row, strict=True)) for row in cursor]
    finally:
        connection.close()
    for row in found["failed"]:
        if "refused" in row:
            row["refused"] = bool(row["refused"])
    return found
