"""The log as a CSV or JSON file, for a supervisor, a board or a lawyer. Notes only when asked;
the file is readable by its owner only and written whole or not at all."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .. import private_files
from .log import as_dict
from .record import COLUMNS, Incident, IncidentError

# A cell starting with one of these is a formula to a spreadsheet (CSV injection); what was
# pasted from a hostile comment may well start with one. An apostrophe makes it text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def as_csv(incidents: list[Incident], with_notes: bool) -> bytes:
    """One row per incident; several reviews share a cell each for who and when, by "; "."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    columns = (*COLUMNS, "note") if with_notes else COLUMNS
    writer.writerow(columns)
    for incident in incidents:
        data = as_dict(incident, with_notes)
        reviews = data.pop("reviews")
        data["reviewed_by"] = "; ".join(review["by"] for review in reviews)
        data["reviewed_at"] = "; ".join(review["at"] for review in reviews)
        writer.writerow([safe_cell(data[column]) for column in columns])
    # A byte-order mark, so a spreadsheet opened by double-click reads the text as UTF-8.
    return out.getvalue().encode("utf-8-sig")


def as_json(incidents: list[Incident], with_notes: bool) -> bytes:
    data = [as_dict(incident, with_notes) for incident in incidents]
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_private(path: Path, data: bytes) -> None:
    """Write `path` whole, mode 0600, replacing what was there."""
    try:
        private_files.write_private(path, data)
    except OSError as exc:
        raise IncidentError(f"-o {path}: cannot write it ({exc.strerror})") from None
