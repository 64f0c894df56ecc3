"""Site visits from the CSV exports of two privacy-friendly analytics tools, as page views per
day, page and campaign (`utm_source`), the counts the server's access logs give.

Plausible (site settings > Imports & exports) exports a zip of daily aggregates in ClickHouse's
CSVWithNames; two of its files are read (lib/plausible/exports.ex, `export_queries`):

    imported_pages_*.csv    date,hostname,page,visits,visitors,pageviews,...
    imported_sources_*.csv  date,source,referrer,utm_source,utm_medium,utm_campaign,
                            utm_content,utm_term,pageviews,visitors,visits,visit_duration,bounces

`date` is already the day in the site's time zone as Plausible is set up. Campaigns are
whole-site totals there (page ""): Plausible does not break them down by page.

GoatCounter (Settings > Export) writes one row per pageview, gzipped (exportcsv.go, `RunCSV`):

    2Path,Title,Event,UserAgent,Browser,System,Session,Bot,Referrer,Referrer scheme,
    Screen size,Location,FirstVisit,Date

"2" is the format's version; `Referrer scheme` "c" marks a campaign (the `utm_source`, `ref`,
`src` or `source` parameter), and `Date` is RFC 3339. The user agent (and the browser, system,
session, screen and location) are read only to be dropped: never stored, returned or shown."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Protocol
from zoneinfo import ZoneInfo

from .access_logs import MAX_REPORTED, campaign_tag, is_page
from .csv_files import FormatError, RowProblem, readable

PLAUSIBLE_PAGES = ("date", "page", "pageviews")
PLAUSIBLE_SOURCES = ("date", "utm_source", "pageviews")
GOATCOUNTER = ("Event", "Bot", "Referrer", "Referrer scheme", "Date")  # and "<version>Path"
GOATCOUNTER_VERSION = "2"
_GOATCOUNTER_PATH = re.compile(r"(\d+)Path")
_CAMPAIGN = "c"  # GoatCounter's RefSchemeCampaign (ref.go)
_TRUE = frozenset(("1", "t", "true"))  # SQLite exports 1/0, PostgreSQL true/false
_FALSE = frozenset(("", "0", "f", "false"))
EXPECTED = (
    "a Plausible export's pages file has the columns date,hostname,page,visits,visitors,"
    "pageviews,...; its sources file date,source,referrer,utm_source,utm_medium,utm_campaign,"
    "utm_content,utm_term,pageviews,...; a GoatCounter CSV export 2Path,Title,Event,UserAgent,"
    "Browser,System,Session,Bot,Referrer,Referrer scheme,Screen size,Location,FirstVisit,Date"
)
SOURCES = {"plausible-pages": "Plausible pages", "plausible-sources": "Plausible sources"}


class _Reader(Protocol):  # what csv.reader returns
    line_num: int

    def __next__(self) -> list[str]: ...


@dataclass
class AnalyticsCounts:
    visits: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    rows: int = 0  # data rows read
    left_out: int = 0  # bots, events, not pages (and sources that are no campaign)
    problems: list[str] = field(default_factory=list)  # "file:line: what; skipped"
    bad_rows: int = 0
    source: str = ""  # "Plausible pages", "Plausible sources", "GoatCounter"

    def skip(self, where: str, what: str) -> None:
        self.bad_rows += 1
        if len(self.problems) < MAX_REPORTED:
            self.problems.append(f"{where}: {what}; skipped")


def analytics_kind(header: list[str]) -> str | None:
    """ "plausible-pages", "plausible-sources", "goatcounter" or None, from a CSV's header."""
    if not header:
        return None
    first = header[0].lstrip("\ufeff").strip()
    if _GOATCOUNTER_PATH.fullmatch(first) and all(c in header for c in GOATCOUNTER):
        return "goatcounter"
    columns = {c.lstrip("\ufeff").strip().lower() for c in header}
    if all(c in columns for c in PLAUSIBLE_PAGES):
        return "plausible-pages"
    if all(c in columns for c in PLAUSIBLE_SOURCES):
        return "plausible-sources"
    return None


def read_analytics(path: Path, shown: str, zone: ZoneInfo | None) -> AnalyticsCounts:
    """A .csv, .csv.gz or Plausible .zip, streamed: memory grows with pages x days, never with
    the export's length. `zone` turns GoatCounter's UTC times into the practice's days."""
    with path.open("rb") as raw:
        magic = raw.read(4)
    # By content, not name: a browser may have unpacked a .csv.gz and kept the name.
    packed = "zip" if magic == b"PK\x03\x04" else "gzip" if magic[:2] == b"\x1f\x8b" else ""
    try:
        if packed == "zip":
            return _read_zip(path, shown)
        counts = AnalyticsCounts()
        opener = gzip.open if packed else open
        with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:  # type: ignore[operator]
            kind = _read_csv(handle, shown, zone, counts)
        if kind is None:
            raise FormatError(f"{shown}: not a Plausible or GoatCounter CSV export: {EXPECTED}")
        return counts
    except UnicodeDecodeError:
        raise FormatError(f"{shown}: not UTF-8 text; export it again as CSV") from None
    except (gzip.BadGzipFile, zipfile.BadZipFile, EOFError, zlib.error):
        raise FormatError(f"{shown}: a damaged or cut-short {packed} file") from None


def _read_zip(path: Path, shown: str) -> AnalyticsCounts:
    """Plausible's export archive: its pages and sources files, each streamed from the
    archive (nothing is unpacked to disk); its other files are left alone."""
    counts = AnalyticsCounts()
    found: set[str] = set()
    with zipfile.ZipFile(path) as archive:
        for member in archive.infolist():
            if member.is_dir() or not member.filename.lower().endswith(".csv"):
                continue
            where = f"{shown}/{member.filename}"
            with archive.open(member) as raw:
                handle = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
                try:
                    kind = _read_csv(handle, where, None, counts, plausible_only=True)
                except UnicodeDecodeError:
                    raise FormatError(f"{where}: not UTF-8 text; export it again") from None
            if kind is not None:
                found.add(kind)
    if not found:
        raise FormatError(f"{shown}: no Plausible pages or sources CSV in this zip: {EXPECTED}")
    counts.source = SOURCES[found.pop()] if len(found) == 1 else "Plausible pages and sources"
    return counts


def _read_csv(
    handle: IO[str], shown: str, zone: ZoneInfo | None, counts: AnalyticsCounts,
    plausible_only: bool = False,
) -> str | None:  # fmt: skip
    """Counts one CSV into `counts`; its kind, or None (nothing read) when it is not one."""
    reader = csv.reader(handle)
    try:
        header = next(reader, [])
    except csv.Error as exc:
        raise FormatError(f"{shown}: its first line is not CSV: {exc}") from None
    kind = analytics_kind(header)
    if kind is None or (plausible_only and kind == "goatcounter"):
        return None
    if kind == "goatcounter":
        version = _GOATCOUNTER_PATH.fullmatch(header[0].lstrip("\ufeff").strip())
        if version and version[1] != GOATCOUNTER_VERSION:
            # GoatCounter asks importers to refuse a version they do not know (export.md).
            raise FormatError(
                f"{shown}: a version {version[1]} GoatCounter CSV export; CarePress reads "
                f"version {GOATCOUNTER_VERSION} (its first column is {GOATCOUNTER_VERSION}Path)"
            )
    rows = _rows(reader, len(header), shown, counts)
    if kind == "goatcounter":
        counts.source = "GoatCounter"
        _goatcounter(rows, header, zone, counts)
    else:
        counts.source = SOURCES[kind]
        _plausible(rows, [c.lstrip("\ufeff").strip().lower() for c in header], kind, counts)
    return kind


def _rows(
    reader: _Reader, width: int, shown: str, counts: AnalyticsCounts
) -> Iterator[tuple[str, list[str]]]:
    """Each data row with "file:line" (the line it starts on); a row the CSV reader cannot
    read, or with more or fewer fields than the header, is reported and skipped."""

    def unreadable(line: int, exc: csv.Error) -> None:
        counts.rows += 1
        counts.skip(f"{shown}:{line}", str(exc))

    for line, row in readable(reader, unreadable):
        if not row:  # a blank line (GoatCounter allows them)
            continue
        counts.rows += 1
        if len(row) != width:
            counts.skip(f"{shown}:{line}", f"{len(row)} fields where the header has {width}")
            continue
        yield f"{shown}:{line}", row


def _plausible(
    rows: Iterator[tuple[str, list[str]]], header: list[str], kind: str, counts: AnalyticsCounts
) -> None:
    """Pages: page views per page. Sources: page views per campaign, for the whole site."""
    date, views = header.index("date"), header.index("pageviews")
    what = header.index("page" if kind == "plausible-pages" else "utm_source")
    for where, row in rows:
        try:
            day, count = _day(row[date]), _count(row[views])
        except RowProblem as problem:
            counts.skip(where, str(problem))
            continue
        if kind == "plausible-pages":
            page, campaign = _page(row[what]), ""
        else:
            page, campaign = "", campaign_tag(row[what])
        if not (page or campaign):  # not a hub page; or a visit from no campaign
            counts.left_out += 1
        elif count:
            counts.visits[(day, page, campaign)] += count


def _goatcounter(
    rows: Iterator[tuple[str, list[str]]], header: list[str], zone: ZoneInfo | None,
    counts: AnalyticsCounts,
) -> None:  # fmt: skip
    """One page view a row. Columns by position (a row is a plain list, millions of them);
    no value of a row is ever put into a problem, lest a user agent land there."""
    path, event, bot, ref, scheme, date = (0, *(header.index(c) for c in GOATCOUNTER))
    for where, row in rows:
        flag = row[event].strip().lower()
        if flag not in _TRUE and flag not in _FALSE:
            counts.skip(where, "Event is neither true nor false")
            continue
        page = "" if flag in _TRUE else _page(row[path])
        if not page or row[bot].strip() not in ("", "0"):  # an event, a bot, not a page
            counts.left_out += 1
            continue
        try:
            day = _local_day(_minute(row[date].strip()), zone)
        except ValueError:
            counts.skip(where, "Date is not an RFC 3339 time (2026-11-01T08:30:00Z)")
            continue
        campaign = campaign_tag(row[ref]) if row[scheme].strip() == _CAMPAIGN else ""
        counts.visits[(day, page, campaign)] += 1


def _day(value: str) -> str:
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise RowProblem(f"date: {value!r} is not a date (YYYY-MM-DD)") from None


def _count(value: str) -> int:
    try:
        count = int(value.strip())
    except ValueError:
        raise RowProblem(f"pageviews: {value!r} is not a whole number") from None
    if count < 0:
        raise RowProblem(f"pageviews: {count} is negative")
    return count


def _minute(stamp: str) -> str:
    """ "2026-11-01T08:30:17.5Z" -> "2026-11-01T08:30Z": seconds never change the day, so
    the time zone is worked out once per minute of the export, not once per row."""
    if len(stamp) < 16 or stamp[10] not in "T ":  # a day alone is no time
        raise ValueError(stamp)
    if len(stamp) > 19 and stamp[16] == ":":
        return stamp[:16] + stamp[19:].lstrip(".0123456789")
    return stamp


@lru_cache(maxsize=4096)
def _local_day(minute: str, zone: ZoneInfo | None) -> str:
    when = dt.datetime.fromisoformat(minute)
    if when.tzinfo is None:  # GoatCounter stores UTC; a time without an offset is UTC
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(zone or dt.UTC).date().isoformat()


# An export repeats the same few hundred paths millions of times: each is read once.
@lru_cache(maxsize=65536)
def _page(path: str) -> str:
    """The hub page a path is ("" for anything else). GoatCounter drops a path's trailing
    slash ("/blog/worry/" is counted as "/blog/worry"): a path whose last part has no file
    extension gets it back, so both tools count the same page under one name."""
    path = path.strip().split("?", 1)[0].split("#", 1)[0]
    if path.startswith("/") and not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
        path += "/"
    return path if is_page(path) else ""
