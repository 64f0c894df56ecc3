"""Engagement figures in CarePress's normalised CSV: one row per post, platform and day, the
post's totals so far as of that day.

    date,platform,post,impressions,reach,likes,comments,shares,saves,clicks,followers

`post` is the post's address, path or slug; empty figures are unknown, not zero. `followers`
is the practice's account on that platform as of that day (a row may give only that, with no
post). Two optional columns say how the post went out: `posted` (its local date and time,
YYYY-MM-DD HH:MM) and `format` (image, carousel, video, link, text, poll, thread). A bad row is
reported with its file and line and skipped; the good rows are kept."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..publish.platforms import PLATFORMS
from .csv_files import RowProblem, Rows, read_rows, whole_number
from .post_names import PostMatcher
from .store import METRICS, ImpactStore

COLUMNS = ("date", "platform", "post", *METRICS, "followers")
REQUIRED = ("date", "platform", "post")


@dataclass
class Figures:
    """What one file adds: the rows of each table, and the rows it skipped."""

    engagement: list[tuple] = field(default_factory=list)  # (platform, post, day, *METRICS)
    followers: list[tuple[str, str, int]] = field(default_factory=list)  # (platform, day, n)
    published: list[tuple[str, str, str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "file:line: what; skipped"
    notes: list[str] = field(default_factory=list)  # "file:line: what" (the row is kept)
    # (platform, post or "", day) -> the line that gave it: a file that gives one twice
    lines: dict[tuple[str, str, str], int] = field(default_factory=dict)

    def given_at(self, key: tuple[str, str, str], line: int, shown: str, what: str) -> None:
        """Note a figure given twice in one file: the later row replaces the earlier (as a
        later file's does), and the writer is told, since one of the two is likely a slip."""
        earlier = self.lines.get(key)
        if earlier is not None:
            self.notes.append(f"{shown}:{line}: {what} again (line {earlier} gave it too); "
                              f"this row's figures replace line {earlier}'s")  # fmt: skip
        self.lines[key] = line

    def store(self, store: ImpactStore, db: sqlite3.Connection) -> None:
        store.put_engagement(db, self.engagement)
        store.put_followers(db, self.followers)
        store.put_published(db, self.published)

    def summary(self) -> str:
        parts = [f"{len(self.engagement)} engagement rows"]
        if self.followers:
            parts.append(f"{len(self.followers)} follower counts")
        if self.problems:
            parts.append(f"{len(self.problems)} skipped")
        return ", ".join(parts)


def is_normalised(columns: list[str]) -> bool:
    return all(c in [name.strip().lower() for name in columns] for c in REQUIRED)


def read_engagement(path: Path, shown: str, posts: PostMatcher, today: dt.date) -> Figures:
    figures = Figures()

    def parse(row: dict[str, str], line: int) -> None:
        _row(row, posts, figures, today, line, shown)

    found: Rows[None] = Rows(problems=figures.problems)
    read_rows(path, shown, parse, found)
    return figures


def day_of(value: str, today: dt.date, column: str = "date") -> str:
    """A figure's day: a date, and not one still to come (a typo would become the post's
    "latest" totals)."""
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise RowProblem(f"{column}: {value!r} is not a date (YYYY-MM-DD)") from None
    if day > today:
        raise RowProblem(f"{column}: {day} is still to come (today is {today})")
    return day.isoformat()


def format_of(raw: str) -> str:
    """A platform's kind of post in CarePress's few words ("IG carousel" -> carousel)."""
    text = raw.strip().lower()
    for word, kind in (("carousel", "carousel"), ("album", "carousel"), ("reel", "video"),
                       ("video", "video"), ("poll", "poll"), ("thread", "thread"),
                       ("image", "image"), ("photo", "image"), ("link", "link"),
                       ("article", "link"), ("text", "text"), ("status", "text")):  # fmt: skip
        if word in text:
            return kind
    return text or "unknown"


def _row(row: dict[str, str], posts: PostMatcher, figures: Figures, today: dt.date,
         line: int, shown: str) -> None:  # fmt: skip
    day = day_of(row.get("date", ""), today)
    platform = row.get("platform", "").strip().lower()
    if platform not in PLATFORMS:
        raise RowProblem(f"platform: {row.get('platform')!r} is not one of {', '.join(PLATFORMS)}")
    followers = whole_number(row, "followers")
    reference = row.get("post", "").strip()
    if not reference and followers is None:
        raise RowProblem("post: empty (a row without a post gives only the followers)")
    slug = posts.named(reference) if reference else None
    if reference and slug is None:
        raise RowProblem(posts.not_found(reference))
    if slug is not None:
        posts.check_published(slug, reference)
    counts = tuple(whole_number(row, metric) for metric in METRICS)
    posted = _posted(row.get("posted", ""))  # (all read before anything is kept)
    if slug is not None:
        figures.given_at((platform, slug, day), line, shown,
                         f"{reference} on {platform} on {day}")  # fmt: skip
        figures.engagement.append((platform, slug, day, *counts))
        if posted:
            figures.published.append((platform, slug, posted, format_of(row.get("format", ""))))
    if followers is not None:
        if slug is None:  # (a post's row gives its account's followers alongside)
            figures.given_at((platform, "", day), line, shown,
                             f"the followers on {platform} on {day}")  # fmt: skip
        figures.followers.append((platform, day, followers))


def _posted(value: str) -> str:
    """ "YYYY-MM-DD HH:MM" (or a date alone) as the database keeps it."""
    if not value.strip():
        return ""
    try:
        when = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise RowProblem(f"posted: {value!r} is not a date and time (YYYY-MM-DD HH:MM)") from None
    has_time = len(value.strip()) > 10
    return when.strftime("%Y-%m-%dT%H:%M") if has_time else when.date().isoformat()
