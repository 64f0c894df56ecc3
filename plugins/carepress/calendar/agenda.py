"""The weeks ahead, Monday to Sunday: scheduled posts, drafts with a target date, reviews
running out, the observances of the practice's region and the posts that fit them; a kind
word for a week with nothing planned or more than the practice's pace."""

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
    """A post on the calendar: scheduled, a draft with a target date, or published (an
    evergreen post that fits an observance), or one whose review runs out."""

    path: str  # as the writer knows it (content/posts/x.md)
    title: str
    day: dt.date
    status: str  # "scheduled" | "draft" | "published" | "review-due" | "sources-due"
    terms: frozenset[str]  # its tags and content warnings, folded: what it is about
    url: str = ""


@dataclass
class Week:
    start: dt.date  # a Monday
    posts: list[Planned] = field(default_factory=list)  # scheduled and dated drafts
    reviews: list[Planned] = field(default_factory=list)  # reviews and sources running out
    observances: list[tuple[Occurrence, list[Planned]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=6)

    def as_dict(self) -> dict[str, Any]:
        def post(p: Planned) -> dict[str, Any]:
            return {
                "path": p.path, "title": p.title, "date": p.day.isoformat(),
                "status": p.status, "url": p.url,
            }  # fmt: skip

        return {
            "week_of": self.start.isoformat(),
            "posts": [post(p) for p in self.posts],
            "reviews_due": [post(p) for p in self.reviews],
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


def planned_posts(reports: Sequence[Post], settings: Settings, today: dt.date) -> list[Planned]:
    """Every post with readable front matter, as the calendar sees it."""
    planned = []
    for report in reports:
        model = report.front_matter
        if model is None:
            continue
        day = model.date.created.date()
        status = "draft" if model.draft else ("scheduled" if day > today else "published")
        terms = frozenset(_fold(t) for t in (*model.tags, *model.content_warnings))
        url = report.address.url if report.address is not None else ""
        planned.append(Planned(report.display_path, model.title, day, status, terms, url))
        if model.draft:
            continue
        due = review_due(model, settings.options.review_every_months)
        if unreviewed(model) and settings.severity_overrides.get(UNREVIEWED) != "off":
            due = today  # never reviewed: due now, before it (next) reaches a reader
        if due is not None:
            planned.append(Planned(report.display_path, model.title, max(due, today),
                                   "review-due", terms, url))  # fmt: skip
        aged = sources_age(model, settings.options.source_max_age_years)
        if aged is not None:
            planned.append(Planned(report.display_path, model.title, max(aged, today),
                                   "sources-due", terms, url))  # fmt: skip
    return sorted(planned, key=lambda p: (p.day, p.path))


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
    """`weeks` weeks from the week of `first_day` (default: today's week)."""
    first_day = first_day or today
    monday = first_day - dt.timedelta(days=first_day.weekday())
    posts = planned_posts(reports, settings, today)
    cadence = settings.options.cadence
    quiet = {DAYS.index(d) for d in cadence.quiet_days}
    region = settings.practice.crisis_region
    calendar = [Week(monday + dt.timedelta(days=7 * i)) for i in range(weeks)]
    last = calendar[-1].end

    def week_of(day: dt.date) -> Week:
        return calendar[max(0, (day - monday).days // 7)]

    for post in posts:
        overdue = post.status == "draft" and post.day < monday  # shown in the first week
        if post.day > last or (post.day < monday and not overdue):
            continue
        if post.status in ("scheduled", "draft"):
            week_of(post.day).posts.append(post)
        elif post.status in ("review-due", "sources-due"):
            week_of(post.day).reviews.append(post)
    # Each observance once: in the week it starts (or the first week, if it began before).
    for occurrence in occurrences(region, monday, last):
        week_of(occurrence.start).observances.append((occurrence, _fits(occurrence, posts)))
    for week in calendar:
        week.notes = _notes(week, cadence.max_posts_per_week, quiet, today)
    return calendar


def _notes(week: Week, most: int, quiet: set[int], today: dt.date) -> list[str]:
    notes = []
    if not week.posts and week.end >= today:
        evergreen = any(p.status == "published" for _, fits in week.observances for p in fits)
        notes.append("Nothing planned: a quiet week is fine."
                     + (" A published post that fits an observance above could be shared "
                        "again." if evergreen else ""))  # fmt: skip
    for post in week.posts:
        if post.status == "draft" and post.day < today:
            notes.append(f"The draft {post.title!r} was meant for {post.day:%d %b}: give it "
                         "a new date when it is ready (no rush).")  # fmt: skip
    if len(week.posts) > most:
        notes.append(f"{len(week.posts)} posts planned, more than your pace of {most} a "
                     "week (cadence.max_posts_per_week): consider moving one to a quieter "
                     "week.")  # fmt: skip
    for post in week.posts:
        if post.day.weekday() in quiet:
            notes.append(f"{post.title!r} is dated on a {post.day:%A}, one of your quiet days.")
    return notes


def _when(occurrence: Occurrence) -> str:
    if occurrence.start == occurrence.end:
        return f"{occurrence.start:%a %d %b}"
    return f"{occurrence.start:%d %b}–{occurrence.end:%d %b}"


def as_text(calendar: Sequence[Week]) -> str:
    lines: list[str] = []
    for week in calendar:
        lines.append(f"Week of {week.start:%a %d %b %Y}")
        for post in week.posts:
            lines.append(f"  {post.day:%a %d %b}  {post.status:<9}  {post.title} ({post.path})")
        for post in week.reviews:
            what = "review due" if post.status == "review-due" else "sources age"
            lines.append(f"  {post.day:%a %d %b}  {what:<9}  {post.title} ({post.path})")
        for occurrence, fits in week.observances:
            observance = occurrence.observance
            lines.append(f"  {_when(occurrence)}  {observance.name} ({observance.organisation})")
            for post in fits[:3]:
                again = "share it again" if post.status == "published" else post.status
                lines.append(f"      fits: {post.title} ({again})")
        lines.extend(f"  · {note}" for note in week.notes)
        lines.append("")
    return "\n".join(lines)
