"""The calendar as an iCalendar file (RFC 5545, written with the icalendar library): all-day
events for observances, scheduled posts (with their share kit), dated drafts, reviews
running out (on the day they ran out, also when that has passed) and posts leaving the feeds.
UIDs come from what an event is, never from when it was written, so importing
the file again updates the events instead of duplicating them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from urllib.parse import urlsplit

from .agenda import Planned, Week

FORMAT = 3  # bump when what an event holds changes: the site's kept calendar is redrawn


def _uid(kind: str, key: str, host: str) -> str:
    return f"{kind}-{key}@{host}"


def _day_event(uid: str, summary: str, start: dt.date, end: dt.date, stamp: dt.datetime):
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", start)  # a date: an all-day event
    event.add("dtend", end + dt.timedelta(days=1))  # exclusive, as RFC 5545 says
    event.add("transp", "TRANSPARENT")  # reminders, not busy time
    return event


def calendar_ics(
    weeks: Sequence[Week], practice: str, site_url: str, share_kits: dict[str, str],
    stamp: dt.datetime,
) -> bytes:  # fmt: skip
    """`share_kits`: each post's share-kit address, by its path."""
    from icalendar import Calendar

    host = urlsplit(site_url).hostname or "carepress.invalid"
    cal = Calendar()
    cal.add("prodid", "-//CarePress//Editorial calendar//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{practice}: editorial calendar")
    # (agenda() puts each observance in the week it starts and each post in one week: every
    # event once.)
    for week in weeks:
        for occurrence, fits in week.observances:
            observance = occurrence.observance
            event = _day_event(occurrence.uid(host), observance.name, occurrence.start,
                               occurrence.end, stamp)  # fmt: skip
            fitting = "; ".join(f"{p.title} ({p.status})" for p in fits[:5])
            event.add("description", f"{observance.organisation}. {observance.source}"
                      + (f"\nPosts that fit: {fitting}" if fitting else ""))  # fmt: skip
            event.add("url", observance.source)
            event.add("categories", ["Observance"])
            cal.add_component(event)
        for post in (*week.posts, *week.reviews, *week.expiring):
            cal.add_component(_post_event(post, host, share_kits.get(post.path, ""), stamp))
    return cal.to_ical()


def _post_event(post: Planned, host: str, share_kit: str, stamp: dt.datetime):
    what = {"scheduled": "Publishes", "published": "Published", "draft": "Draft due",
            "review-due": "Review due", "sources-due": "Sources to update",
            "expires": "Leaves the feeds"}  # fmt: skip
    key = post.path.replace("/", "-")
    # One event per post, whatever its status (a draft that is scheduled is updated, not
    # doubled); its review running out is another, and so is the day it leaves the feeds.
    kind = {"review-due": "review", "sources-due": "sources", "expires": "expires"}.get(
        post.status, "post")  # fmt: skip
    uid = _uid(kind, key, host)
    summary = f"{what[post.status]}: {post.title}"
    if post.error:
        summary = f"Will not publish (has errors): {post.title}"
    event = _day_event(uid, summary, post.day, post.day, stamp)
    if post.error:
        event.add("description", f"{post.path} has errors: {post.error}. It is not "
                  "published until they are fixed (run carepress check).")  # fmt: skip
    elif share_kit and post.status in ("scheduled", "published"):
        event.add("url", share_kit)
        event.add("description", f"Share kit: {share_kit}")
    elif post.status == "review-due":
        event.add("description", f"The clinical review of {post.path} runs out: review it "
                  "again and update reviewed: in its front matter.")  # fmt: skip
    elif post.status == "sources-due":
        event.add("description", f"A source of {post.path} is now older than "
                  "source_max_age_years: look for a more recent one.")  # fmt: skip
    elif post.status == "expires":
        event.add("description", f"From this day {post.path} leaves every feed and is no "
                  "longer shared (expires: in its front matter).")  # fmt: skip
    else:
        event.add("description", post.path)
    event.add("categories", ["Post"])
    return event
