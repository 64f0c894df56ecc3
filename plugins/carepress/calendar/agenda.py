"""The weeks ahead, Monday to Sunday: scheduled posts (and those going out in the week),
drafts with a target date, reviews running out, posts leaving the feeds, the observances of
the practice's region and the posts that fit them; a kind word for a week with nothing
planned or more than the practice's pace, and a plain one for a post the calendar cannot
place or that will not publish.

The calendar reads each post's front matter only (`engine.check_front`, half a millisecond a
post; the whole check takes about forty times that): "has errors" is what the front matter
holds, and `carepress check` finds the rest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..checks.review import RULE as UNREVIEWED
from ..checks.review import review_due, unreviewed
from ..checks.sources import sources_age
from ..practice import DAYS
from .observances import Occurrence, occurrences

if TYPE_CHECKING:
    from ..engine import Post
    from ..settings import Settings


@dataclass(frozen=True)
class Planned:
    """A post on the calendar: scheduled, a draft with a target date, or published (going
    out in the week shown, or an evergreen post that fits an observance), or one whose
    review runs out, or that leaves the feeds (`expires:`)."""

    path: str  # as the writer knows it (content/posts/x.md)
    title: str
    day: dt.date  # its real day, also when it is overdue (shown in the first week)
    # "scheduled" | "draft" | "published" | "review-due" | "sources-due" | "expires"
    status: str
    terms: frozenset[str]  # its tags and content warnings, folded: what it is about
    url: str = ""
    # The first error of its front matter (it will not publish until fixed), or "".
    error: str = ""


@dataclass
class Week:
    start: dt.date  # a Monday
    posts: list[Planned] = field(default_factory=list)  # scheduled and dated drafts
    reviews: list[Planned] = field(default_factory=list)  # reviews and sources running out
    expiring: list[Planned] = field(default_factory=list)  # posts leaving the feeds
    observances: list[tuple[Occurrence, list[Planned]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=6)

    def as_dict(self) -> dict[str, Any]:
        def post(p: Planned) -> dict[str, Any]:
            return {
                "path": p.path, "title": p.title, "date": p.day.isoformat(),
                "status": p.status, "url": p.url, "has_errors": bool(p.error),
            }  # fmt: skip

        return {
            "week_of": self.start.isoformat(),
            "posts": [post(p) for p in self.posts],
            "reviews_due": [post(p) for p in self.reviews],
            "expiring": [post(p) for p in self.expiring],
            "observances": [
                _observance(o, [post(p) for p in fits]) for o, fits in self.observances
            ],
            "notes": self.notes,
        }


def _observance(occurrence: Occurrence, fits: list[dict[str, Any]]) -> dict[str, Any]:
    observance = occurrence.observance
    return {
        "id": observance.id,
        "name": observance.name,
        "start": occurrence.start.isoformat(),
        "end": occurrence.end.isoformat(),
        "organisation": observance.organisation,
        "source": observance.source,
        "fits": fits,
    }


def _fold(term: str) -> str:
    return term.casefold().replace(" ", "-").replace("_", "-")


def _first_error(report: Post, settings: Settings) -> str:
    """The first error among the post's findings (with the practice's severities), or ""."""
    errors = [f for f in settings.adjusted(report.findings) if f.is_error]
    if not errors:
        return ""
    more = len(errors) - 1
    return errors[0].message + (f" (and {more} more)" if more else "")


def planned_posts(reports: Sequence[Post], settings: Settings, today: dt.date) -> list[Planned]:
    """Every post with readable front matter, as the calendar sees it, by its real day."""
    return _read(reports, settings, today)[0]


def _read(
    reports: Sequence[Post], settings: Settings, today: dt.date
) -> tuple[list[Planned], list[tuple[str, str]]]:
    """The posts on the calendar, and (path, why) for each it cannot place."""
    planned, unplaced = [], []
    for report in reports:
        model = report.front_matter
        if model is None:
            unplaced.append((report.display_path, _first_error(report, settings)
                             or "its front matter cannot be read"))  # fmt: skip
            continue
        day = model.date.created.date()
        status = "draft" if model.draft else ("scheduled" if day > today else "published")
        terms = frozenset(_fold(t) for t in (*model.tags, *model.content_warnings))
        url = report.address.url if report.address is not None else ""
        error = "" if model.draft else _first_error(report, settings)
        planned.append(Planned(report.display_path, model.title, day, status, terms, url,
                               error))  # fmt: skip
        if model.draft:
            continue
        due = review_due(model, settings.options.review_every_months)
        if unreviewed(model) and settings.severity_overrides.get(UNREVIEWED) != "off":
            due = day  # never reviewed: due before it reaches a reader, on its day at last
        if due is not None:
            planned.append(Planned(report.display_path, model.title, due, "review-due", terms,
                                   url))  # fmt: skip
        aged = sources_age(model, settings.options.source_max_age_years)
        if aged is not None:
            planned.append(Planned(report.display_path, model.title, aged, "sources-due",
                                   terms, url))  # fmt: skip
        if model.expires is not None:
            planned.append(Planned(report.display_path, model.title, model.expires.date(),
                                   "expires", terms, url))  # fmt: skip
    return sorted(planned, key=lambda p: (p.day, p.path)), sorted(unplaced)


def _fits(occurrence: Occurrence, posts: Sequence[Planned]) -> list[Planned]:
    wanted = {_fold(t) for t in (*occurrence.observance.tags, *occurrence.observance.topics)}
    return [p for p in posts if p.status in ("published", "scheduled", "draft")
            and p.terms & wanted]  # fmt: skip


def agenda(
    reports: Sequence[Post],
    settings: Settings,
    today: dt.date,
    weeks: int = 8,
    first_day: dt.date | None = None,
) -> list[Week]:
    """`weeks` weeks from the week of `first_day` (default: today's week). What is still to
    do from before it (a draft's date, a review, sources growing old) is in the first week,
    by its real day."""
    first_day = first_day or today
    monday = first_day - dt.timedelta(days=first_day.weekday())
    posts, unplaced = _read(reports, settings, today)
    cadence = settings.options.cadence
    quiet = {DAYS.index(d) for d in cadence.quiet_days}
    region = settings.practice.crisis_region
    calendar = [Week(monday + dt.timedelta(days=7 * i)) for i in range(weeks)]
    last = calendar[-1].end

    def week_of(day: dt.date) -> Week:
        return calendar[max(0, (day - monday).days // 7)]

    for post in posts:
        overdue = post.status in STILL_TO_DO and post.day < monday  # shown in the first week
        if post.day > last or (post.day < monday and not overdue):
            continue
        if post.status in ("scheduled", "draft", "published"):
            week_of(post.day).posts.append(post)
        elif post.status in ("review-due", "sources-due"):
            week_of(post.day).reviews.append(post)
        elif post.status == "expires":
            week_of(post.day).expiring.append(post)
    # Each observance once: in the week it starts (or the first week, if it began before).
    for occurrence in occurrences(region, monday, last):
        week_of(occurrence.start).observances.append((occurrence, _fits(occurrence, posts)))
    for week in calendar:
        week.notes = _notes(week, cadence.max_posts_per_week, quiet, today)
    calendar[0].notes[:0] = [
        f"{path} is not on the calendar: {why} (run `carepress check`)" for path, why in unplaced
    ]
    return calendar


# Before the weeks shown, only these are still to do; a published post is done.
STILL_TO_DO = ("draft", "review-due", "sources-due")


def day_in(day: dt.date, week: Week) -> str:
    """A day as "03 Nov", with its year when that is not the week's ("03 Nov 2025"), or the
    week has two (28 Dec 2026 to 03 Jan 2027: an overdue "05 Jan" could be either)."""
    plain = day.year == week.start.year == week.end.year
    return f"{day:%d %b}" + ("" if plain else f" {day.year}")


def _notes(week: Week, most: int, quiet: set[int], today: dt.date) -> list[str]:
    notes = []
    if not week.posts and week.end >= today:
        evergreen = any(p.status == "published" for _, fits in week.observances for p in fits)
        notes.append("Nothing planned: a quiet week is fine."
                     + (" A published post that fits an observance above could be shared "
                        "again." if evergreen else ""))  # fmt: skip
    for post in week.posts:
        if post.status == "draft" and post.day < today:
            notes.append(f"The draft {post.title!r} was meant for {day_in(post.day, week)}: "
                         "give it a new date when it is ready (no rush).")  # fmt: skip
        elif post.error:
            notes.append(f"{post.title!r} has errors and will not publish until they are "
                         f"fixed: {post.error} (run `carepress check`).")  # fmt: skip
    for post in week.reviews:
        if post.day < today:
            what = "clinical review" if post.status == "review-due" else "sources"
            notes.append(f"The {what} of {post.title!r} is overdue since "
                         f"{day_in(post.day, week)}.")  # fmt: skip
    if len(week.posts) > most:
        notes.append(f"{len(week.posts)} posts planned, more than your pace of {most} a "
                     "week (cadence.max_posts_per_week): consider moving one to a quieter "
                     "week.")  # fmt: skip
    for post in week.posts:
        if post.day.weekday() in quiet and (post.day >= today or post.status != "published"):
            notes.append(f"{post.title!r} is dated on a {post.day:%A}, one of your quiet days.")
    return notes


def _when(occurrence: Occurrence) -> str:
    if occurrence.start == occurrence.end:
        return f"{occurrence.start:%a %d %b}"
    return f"{occurrence.start:%d %b}–{occurrence.end:%d %b}"


def _line(post: Planned, week: Week, what: str, after: str = "") -> str:
    day = f"{post.day:%a} {day_in(post.day, week)}"
    return f"  {day}  {what:<9}  {post.title} ({post.path}){after}"


def as_text(calendar: Sequence[Week]) -> str:
    lines: list[str] = []
    for week in calendar:
        lines.append(f"Week of {week.start:%a %d %b %Y}")
        for post in week.posts:
            errors = "  has errors: will not publish" if post.error else ""
            lines.append(_line(post, week, post.status, errors))
        for post in week.reviews:
            what = "review due" if post.status == "review-due" else "sources age"
            lines.append(_line(post, week, what))
        lines.extend(_line(p, week, "expires", "  leaves the feeds") for p in week.expiring)
        for occurrence, fits in week.observances:
            observance = occurrence.observance
            lines.append(f"  {_when(occurrence)}  {observance.name} ({observance.organisation})")
            for post in fits[:3]:
                again = "share it again" if post.status == "published" else post.status
                lines.append(f"      fits: {post.title} ({again})")
        lines.extend(f"  · {note}" for note in week.notes)
        lines.append("")
    return "\n".join(lines)
