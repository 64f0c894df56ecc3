"""Engagement figures in CarePress's normalised CSV: one row per post, platform and day.

    date,platform,post,impressions,reach,likes,comments,shares,saves,clicks,followers

`post` is the post's address or slug; empty figures are unknown, not zero. A bad row is
reported with its file and line and skipped; the good rows are kept."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..publish.platforms import PLATFORMS
from .store import METRICS

REQUIRED = ("date", "platform", "post")


class FormatError(Exception):
    """A file that is not in the normalised format."""


@dataclass
class EngagementRows:
    rows: list[tuple] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def post_key(reference: str, posts: Mapping[str, str]) -> str | None:
    """The post a row names, by its address, its path or its slug (`posts`: every form ->
    the post's slug)."""
    reference = reference.strip()
    path = urlsplit(reference).path if "://" in reference else reference
    for candidate in (reference, path, path.strip("/"), path.strip("/").rsplit("/", 1)[-1]):
        if candidate in posts:
            return posts[candidate]
    return None


def read_engagement(path: Path, shown: str, posts: Mapping[str, str]) -> EngagementRows:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return _read(csv.DictReader(handle), shown, posts)
    except UnicodeDecodeError:
        raise FormatError(f"{shown}: not UTF-8 text; export or save it as CSV UTF-8") from None


def _read(reader: csv.DictReader, shown: str, posts: Mapping[str, str]) -> EngagementRows:
    found = EngagementRows()
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise FormatError(
            f"{shown}: not CarePress's engagement CSV: it lacks the column(s) "
            f"{', '.join(missing)}; the columns are {', '.join((*REQUIRED, *METRICS))}"
        )
    reader.fieldnames = columns
    while True:
        before = reader.line_num
        try:
            row = next(reader)
        except StopIteration:
            return found
        except csv.Error as exc:  # a row the CSV reader cannot read (a field past its limit);
            # it reads on from the next line (each call consumes input: this ends)
            found.problems.append(f"{shown}:{before + 1}: {exc}; skipped")
            continue
        try:
            found.rows.append(_row(row, posts))
        except RowProblem as problem:
            found.problems.append(f"{shown}:{reader.line_num}: {problem}; skipped")


def _number(value: str | None) -> int | None:
    value = (value or "").strip().replace(",", "")
    return None if value == "" else int(value)


class RowProblem(ValueError):
    """What is wrong with one row (the row is skipped)."""


def _row(row: Mapping[str, str | None], posts: Mapping[str, str]) -> tuple:
    """The row as the database keeps it: day, platform, post's slug, then the figures."""
    try:
        day = dt.date.fromisoformat((row.get("date") or "").strip())
    except ValueError:
        raise RowProblem(f"date: {row.get('date')!r} is not a date (YYYY-MM-DD)") from None
    platform = (row.get("platform") or "").strip().lower()
    if platform not in PLATFORMS:
        raise RowProblem(f"platform: {row.get('platform')!r} is not one of {', '.join(PLATFORMS)}")
    post = post_key(row.get("post") or "", posts)
    if post is None:
        raise RowProblem(f"post: {row.get('post')!r} is no post of this hub (an address or a slug)")
    figures = []
    for metric in METRICS:
        try:
            value = _number(row.get(metric))
        except ValueError:
            raise RowProblem(f"{metric}: {row.get(metric)!r} is not a whole number") from None
        if value is not None and value < 0:
            raise RowProblem(f"{metric}: {value} is negative")
        figures.append(value)
    return (day.isoformat(), platform, post, *figures)
