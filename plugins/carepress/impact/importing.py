"""`carepress impact import FILE...`: each file once (by its SHA-256), whole or not at all; a
server log that grew since it was imported, only its new lines (log_texts.py). What a file
is, is read from its columns (CSV) or its name (.zip, .csv.gz, else a server log)."""

from __future__ import annotations

import datetime as dt
import gzip
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from ..file_digest import sha256_of, sha256_of_stream
from .access_logs import count_visits
from .analytics_exports import analytics_kind, read_analytics
from .csv_files import FormatError, header
from .engagement import COLUMNS as ENGAGEMENT_COLUMNS
from .engagement import is_normalised, read_engagement
from .exports import export_format, export_formats, read_export
from .feedback import COLUMNS as FEEDBACK_COLUMNS
from .feedback import is_feedback, read_feedback
from .log_texts import Text, read_text
from .post_names import PostMatcher
from .store import ImpactStore


@dataclass
class ImportResult:
    lines: list[str] = field(default_factory=list)  # what happened, one line per file
    problems: list[str] = field(default_factory=list)  # file:line: what, for skipped rows


def kind_of(path: Path, shown: str) -> tuple[str, list[str]]:
    """What a file is, and its CSV header (read once; [] for a file that is not CSV)."""
    name = path.name.lower()
    if name.endswith((".zip", ".csv.gz")):
        return "analytics", []
    if not name.endswith(".csv"):
        return "access-log", []
    _not_a_workbook(path, shown)
    columns = header(path, shown)
    if not columns:
        raise FormatError(f"{shown}: the file is empty")
    if len(columns) == 1 and ";" in columns[0]:
        raise FormatError(
            f"{shown}: its columns are separated by semicolons (as Excel writes CSV in many "
            'languages); save it as "CSV UTF-8 (comma delimited)"'
        )
    if is_feedback(columns):  # (first: it may name a post and platform too)
        return "feedback", columns
    if is_normalised(columns):
        return "engagement", columns
    if export_format(columns) is not None:
        return "export", columns
    if analytics_kind(columns) is not None:
        return "analytics", columns
    raise FormatError(f"{shown}: not a CSV CarePress reads. {expected_formats()}")


_WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # .xlsx (a zip), .xls (OLE2)


def _not_a_workbook(path: Path, shown: str) -> None:
    with path.open("rb") as handle:
        start = handle.read(4)
    if start in _WORKBOOKS:
        raise FormatError(f"{shown}: an Excel workbook, not CSV text; in Excel, save it as "
                          "\"CSV UTF-8 (comma delimited)\"")  # fmt: skip


def expected_formats() -> str:
    exports = "; ".join(f"{f.name} (columns {', '.join(f.detect)})" for f in export_formats())
    return (
        f"CarePress's engagement CSV has the columns {', '.join(ENGAGEMENT_COLUMNS)}; "
        f"a poll or survey CSV has {', '.join(FEEDBACK_COLUMNS)}; the platforms' exports it "
        f"reads: {exports}; and Plausible's and GoatCounter's CSV exports"
    )


def import_files(
    paths: Sequence[Path], store: ImpactStore, zone: ZoneInfo | None, posts: PostMatcher,
    display: Callable[[Path], str] = str, as_of: dt.date | None = None,
    today: dt.date | None = None,
) -> ImportResult:  # fmt: skip
    """`display` shows a path as the writer knows it; `as_of` is the day a platform export was
    made (default: the day its file was last written, where the practice is)."""
    result = ImportResult()
    today = today or dt.datetime.now(zone or dt.UTC).date()
    if as_of is not None and as_of > today:
        raise FormatError(f"--as-of: {as_of} is still to come (today is {today})")
    for path in paths:
        shown = display(path)
        kind, columns = kind_of(path, shown)
        text: Text | None = None
        read_before: Text | None = None
        if kind != "access-log":
            digest = content_digest(path, shown)
        with store.connect() as db:
            if kind == "access-log":
                text, read_before = read_text(path, shown, store.log_texts(db))
                digest = text.sha256
            again = store.seen(db, digest) or (read_before is not None
                                               and read_before.size == text.size)  # fmt: skip
            # Visits add up, so a file of them is read once. Figures and answers replace
            # what their day had: a file read again (after a post or redirect was added that
            # names rows it skipped) adds nothing twice.
            if again and kind in ("analytics", "access-log"):
                if text is not None:  # (a log imported before log_texts was kept: known now)
                    store.mark_log_text(db, text.sha256, text.size)
                result.lines.append(f"{shown}: imported before; nothing added")
                continue
            label = f"{shown} (read again; figures replace, never add)" if again else shown
            if kind in ("engagement", "export"):
                if kind == "engagement":
                    figures = read_engagement(path, shown, posts, today)
                else:
                    export = export_format(columns)
                    assert export is not None
                    day = as_of or _written_on(path, zone)
                    figures = read_export(path, shown, export, columns, posts, day)
                figures.store(store, db)
                store.mark(db, digest, path.name, kind, len(figures.engagement))
                result.problems += figures.problems + figures.notes
                what = f"{export.name}, as of {day}: " if kind == "export" else ""
                result.lines.append(f"{label}: {what}{figures.summary()}")
            elif kind == "feedback":
                answers = read_feedback(path, shown, posts, today)
                store.put_feedback(db, answers.rows)
                store.mark(db, digest, path.name, kind, len(answers.rows))
                result.problems += answers.problems
                result.lines.append(f"{label}: {len(answers.rows)} poll or survey answers"
                                    + _skipped(len(answers.problems)))  # fmt: skip
            elif kind == "analytics":
                counts = read_analytics(path, shown, zone)
                source = counts.source.split(" ")[0]  # Plausible, GoatCounter
                _add_visits(store, db, counts.visits, source, shown)
                store.mark(db, digest, path.name, kind, counts.rows)
                result.problems += counts.problems
                result.lines.append(
                    f"{shown}: {counts.source}, {counts.rows} rows, "
                    f"{sum(counts.visits.values())} page visits counted, {counts.left_out} left "
                    f"out (bots, events, not pages)" + _skipped(counts.bad_rows)
                )
            else:
                assert text is not None
                log = count_visits(path, zone, shown, read_before)
                if log.none_readable:
                    raise FormatError(
                        f"{shown}: not a log CarePress reads: none of its {log.bad_lines} lines "
                        "is in the Common or Combined Log Format (nginx's and Apache's "
                        "defaults; Apache's vhost_combined puts the server's name first: "
                        "log with combined). Nothing was imported"
                    )
                _add_visits(store, db, log.visits, ACCESS_LOGS, shown)
                store.mark(db, digest, path.name, kind, log.lines)
                store.mark_log_text(db, text.sha256, text.size)
                result.problems += log.problems
                lines = f"{log.lines} lines" if read_before is None else (
                    f"grew since it was imported (its first {read_before.lines} lines were "
                    f"counted then): {log.lines} new lines")  # fmt: skip
                result.lines.append(
                    f"{shown}: {lines}, {sum(log.visits.values())} page "
                    f"visits counted, {log.bots} from bots left out, {log.not_pages} other "
                    "requests (files, feeds, errors)"
                    + (f", {log.bad_lines} unreadable lines skipped" if log.bad_lines else "")
                )
    return result


def content_digest(path: Path, shown: str) -> str:
    """The SHA-256 of what a file holds: a gzipped file's is its text's, so the same log or
    export imported once gzipped and once not is known as the same and counted once."""
    if not path.name.lower().endswith(".gz"):
        return sha256_of(path)
    try:
        with gzip.open(path, "rb") as handle:
            return sha256_of_stream(handle)  # type: ignore[arg-type]
    except (OSError, EOFError) as exc:
        raise FormatError(f"{shown}: not a whole gzip file ({exc})") from None


ACCESS_LOGS = "access logs"


def _add_visits(
    store: ImpactStore, db: sqlite3.Connection, visits: dict[tuple[str, str, str], int],
    source: str, shown: str,
) -> None:  # fmt: skip
    """A file's visits, unless another kind of record counted any of their days: refused
    then, naming the days (the caller's transaction keeps nothing of the file)."""
    days = {day for day, _, _ in visits}
    for other, overlap in (store.other_sources(db, days, source) if days else {}).items():
        span = overlap[0] if len(overlap) == 1 else f"{overlap[0]} to {overlap[-1]}"
        raise FormatError(
            f"{shown}: visits on {span} ({len(overlap)} days) were already counted from "
            f"{other}; {source} counts the same readers, so they would count twice. Import one "
            "kind of record for a period (nothing was added)"
        )
    store.add_visits(db, visits, source)


def _skipped(count: int) -> str:
    return f", {count} skipped" if count else ""


def _written_on(path: Path, zone: ZoneInfo | None) -> dt.date:
    written = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    return (written.astimezone(zone) if zone else written).date()
