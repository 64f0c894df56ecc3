"""The calendar the built site carries for the practice to subscribe to (social/calendar.ics,
beside the share kits: not in the nav, search or sitemap): the observances of its region this
year and next, and the published posts that fit them.

Nothing the practice keeps to itself: no draft or future post, no review due or overdue, no
note on its pace. The site is public even where it is not indexed (the full plan, drafts and
reviews included, is `carepress calendar`, and its `--ics FILE` written where the practice
says).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic_write import write_atomically
from .agenda import agenda
from .ics import FORMAT

if TYPE_CHECKING:
    from ..engine import Post
    from ..settings import Settings

SITE_CALENDAR = "calendar.ics"  # under the share kits' folder
WEEKS = 106  # this year and the next, whole
# Kept between builds with the key of what it shows: a rebuild neither recomputes it nor
# imports icalendar (a tenth of a second) when nothing in it changed.
CACHE = Path(".cache") / "carepress" / "calendar.ics"


def site_calendar(reports: Iterable[Post], settings: Settings, now: dt.datetime) -> bytes:
    published = _published(reports, now)
    key = _key(published, settings, now).encode()
    cache = settings.root / CACHE
    try:
        kept_key, _, kept = cache.read_bytes().partition(b"\n")
        if kept_key == key:
            return kept
    except OSError:
        pass
    data = _calendar(published, settings, now)
    with contextlib.suppress(OSError):  # a read-only hub still builds, drawing it each time
        write_atomically(cache, key + b"\n" + data)
    return data


def _published(reports: Iterable[Post], now: dt.datetime) -> list[Post]:
    return [
        r for r in reports
        if r.front_matter is not None and r.front_matter.is_published(now) and not r.has_errors
    ]  # fmt: skip


def _key(published: list[Post], settings: Settings, now: dt.datetime) -> str:
    """Everything the calendar shows: the day (overdue reviews move with it), the practice,
    the observance list, and each published post's title, tags, warnings and review."""
    posts = []
    for report in published:
        model = report.front_matter
        assert model is not None
        reviewed = model.reviewed.on.isoformat() if model.reviewed else None
        posts.append([report.display_path, model.title, model.date.created.isoformat(),
                      reviewed, list(model.tags), list(model.content_warnings),
                      [s.year for s in model.sources]])  # fmt: skip
    data = [
        now.date().isoformat(), settings.practice.crisis_region, settings.practice.name,
        settings.site_url, settings.options.review_every_months,
        settings.options.source_max_age_years, version("icalendar"), FORMAT,
        files("carepress").joinpath("data/observances.yml").read_text("utf-8"), posts,
    ]  # fmt: skip
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _calendar(published: list[Post], settings: Settings, now: dt.datetime) -> bytes:
    from .ics import calendar_ics

    new_year = dt.date(now.year, 1, 1)
    weeks = agenda(published, settings, now.date(), WEEKS, first_day=new_year)
    for week in weeks:
        # Only published posts are here (none is scheduled or a draft), and only beside the
        # observances they fit: not the day one leaves the feeds, nor a review running out
        # (an overdue clinical review is the practice's to know, not every reader's).
        week.posts, week.expiring, week.reviews, week.notes = [], [], [], []
    stamp = dt.datetime.combine(new_year, dt.time(), dt.UTC)  # the same all year
    return calendar_ics(weeks, settings.practice.name, settings.site_url, {}, stamp)


def coming_up(reports: Iterable[Post], settings: Settings, now: dt.datetime, weeks: int = 8
              ) -> list[dict[str, object]]:  # fmt: skip
    """The profile kit's list of the weeks ahead, from what the site may show: observances
    with the published posts that fit them (no review due: `_calendar`)."""
    items: list[dict[str, object]] = []
    for week in agenda(_published(reports, now), settings, now.date(), weeks):
        for occurrence, fits in week.observances:
            observance = occurrence.observance
            when = (f"{occurrence.start:%d %b}" if occurrence.start == occurrence.end
                    else f"{occurrence.start:%d %b} to {occurrence.end:%d %b}")  # fmt: skip
            shared = [p.title for p in fits if p.status == "published"][:3]
            items.append({"when": when, "what": observance.name,
                          "who": observance.organisation, "url": observance.source,
                          "fits": shared})  # fmt: skip
    return items
