"""What the practice's figures say: every table of the impact report, computed from the
database and the hub's posts. Pure data (no drawing, no HTML): each figure can be checked
against one worked out by hand.

Definitions, once:
- a post's figures on a platform are its latest totals (the last day recorded);
- interactions = likes + comments + shares + saves + clicks (the ones the platform gives);
- engagement rate = interactions / impressions, pooled over the posts of a group that have
  impressions (a platform that gives none, as Mastodon and Bluesky do, has no rate, only
  interactions per post);
- when a post went out: the time recorded for that platform (ledger, export or the `posted`
  column). Where none is, the post's own date stands in for sorting and the month of reach,
  but the weekday and hour tables leave the post out (and say how many they left out): the
  day an article is dated is not the day it went out on a platform;
- a group's "posts" are the hub's posts in it; its "posts on platforms" count a post once for
  each platform it went out on, and the per-post figures are per post on a platform.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..publish.platforms import PLATFORMS
from .store import METRICS

INTERACTIONS = ("likes", "comments", "shares", "saves", "clicks")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ENOUGH = 3  # posts in a group before the report draws a conclusion from it


@dataclass(frozen=True)
class PostFacts:
    """What the hub knows of a post, for grouping its figures."""

    slug: str
    title: str
    path: str  # under the site: "blog/worry/" (what access logs count)
    created: dt.datetime
    audience: tuple[str, ...]
    topics: tuple[str, ...]  # its categories
    type: str
    warned: bool  # carries content warnings
    words: int


@dataclass(frozen=True)
class Outing:
    """One post on one platform, with its latest totals."""

    post: PostFacts
    platform: str
    as_of: str
    figures: Mapping[str, int | None]
    posted_at: str  # "YYYY-MM-DDTHH:MM" or "YYYY-MM-DD" (the post's own date when not recorded)
    format: str
    visits: int  # site visits the platform's campaign tag brought to the post's page
    recorded: bool = True  # posted_at is when it went out (not the post's own date)

    @property
    def interactions(self) -> int:
        return sum(self.figures.get(m) or 0 for m in INTERACTIONS)

    @property
    def impressions(self) -> int | None:
        return self.figures.get("impressions")

    @property
    def rate(self) -> float | None:
        shown = self.impressions
        return self.interactions / shown if shown else None

    @property
    def weekday(self) -> str | None:
        """The weekday it went out; None when that is not recorded."""
        if not self.recorded:
            return None
        return WEEKDAYS[dt.date.fromisoformat(self.posted_at[:10]).weekday()]

    @property
    def hour(self) -> int | None:
        if not self.recorded:
            return None
        return int(self.posted_at[11:13]) if len(self.posted_at) >= 13 else None


@dataclass
class Table:
    key: str  # its CSV's and chart's file name
    title: str
    columns: tuple[str, ...]
    rows: list[tuple] = field(default_factory=list)
    note: str = ""
    chart: str = ""  # "bar" (first column by `value`), "line" (day, series, value) or ""
    value: str = ""  # the column the chart draws


@dataclass
class Report:
    tables: list[Table]
    suggestions: list[str]  # "what to try next", each with its sample size
    outings: int
    posts: int
    first_day: str
    last_day: str


def analyse(db: sqlite3.Connection, posts: Sequence[PostFacts]) -> Report:
    by_slug = {p.slug: p for p in posts}
    # Visits are the biggest table (pages x days x campaigns): read once, in one pass.
    visits: dict[tuple[str, str], int] = dict(_pairs(db.execute(
        "SELECT page, campaign, SUM(visits) FROM visits GROUP BY page, campaign")))  # fmt: skip
    outings = _outings(db, by_slug, visits)
    tables = [
        _per_outing(outings),
        *(_grouped(outings, key, title, label) for key, title, label in _GROUPS),
        _followers(db),
        _reach_by_month(outings),
        _visits_by_campaign(visits),
        _visits_by_page(visits, by_slug),
        _visits_by_week(db),
        _top(outings),
        _traits_of_top(outings),
        _feedback(db, by_slug),
    ]
    # Each table's first and last day from its index (no scan).
    days = [day for table in ("engagement", "visits", "followers")
            for day in db.execute(f"SELECT MIN(day), MAX(day) FROM {table}").fetchone() if day]
    return Report(
        tables=tables,
        suggestions=_suggestions(outings),
        outings=len(outings),
        posts=len({o.post.slug for o in outings}),
        first_day=min(days, default=""),
        last_day=max(days, default=""),
    )


def _pairs(rows: Iterable[tuple[str, str, int]]) -> Iterable[tuple[tuple[str, str], int]]:
    return (((page, campaign), n) for page, campaign, n in rows)


def _outings(
    db: sqlite3.Connection, posts: Mapping[str, PostFacts], visits: Mapping[tuple[str, str], int]
) -> list[Outing]:
    published = {
        (platform, post): (posted_at, fmt)
        for platform, post, posted_at, fmt in db.execute("SELECT * FROM published")
    }
    # The latest row of each post and platform: the days from the key's index, then only
    # those rows (a scan of every row would read years of daily totals).
    rows = db.execute(
        f"SELECT platform, post, day, {', '.join(METRICS)} FROM (SELECT platform, post, "
        "MAX(day) AS day FROM engagement GROUP BY platform, post) JOIN engagement "
        "USING (platform, post, day)"
    )
    found = []
    for platform, slug, day, *figures in rows:
        post = posts.get(slug)
        if post is None:  # a post since deleted from the hub
            continue
        recorded = (platform, slug) in published
        posted_at, fmt = published.get((platform, slug), (post.created.strftime("%Y-%m-%d"), ""))
        sent = visits.get(("/" + post.path.lstrip("/"), platform), 0)
        found.append(Outing(post, platform, day, dict(zip(METRICS, figures, strict=True)),
                            posted_at, fmt or "unknown", sent, recorded))  # fmt: skip
    found.sort(key=lambda o: (o.posted_at, o.platform))
    return found


def label(platform: str) -> str:
    """A platform as the report shows it: "LinkedIn", "X"."""
    return PLATFORMS[platform].label if platform in PLATFORMS else platform


def _rate(value: float | None) -> str:
    return "" if value is None else f"{value:.1%}"


def _per_outing(outings: Sequence[Outing]) -> Table:
    return Table(
        "posts", "Every post on every platform",
        ("post", "platform", "went out", "format", "impressions", "reach", "interactions",
         "engagement rate", "site visits it sent", "as of"),
        [(o.post.title, label(o.platform), o.posted_at.replace("T", " ") if o.recorded else "",
          o.format, _blank(o.impressions), _blank(o.figures.get("reach")), o.interactions,
          _rate(o.rate), o.visits, o.as_of) for o in outings],
        note="The latest totals recorded for each post on each platform. \"Went out\" is "
             "blank where no time was recorded (the posted column of the engagement CSV, a "
             "platform's export, or carepress post's ledger).",
    )  # fmt: skip


def _blank(value: int | None) -> int | str:
    return "" if value is None else value


def _group_rows(
    outings: Iterable[Outing], labels: Callable[[Outing], Iterable[str]],
    order: Sequence[str] = (),
) -> list[tuple]:  # fmt: skip
    groups: dict[str, list[Outing]] = defaultdict(list)
    for outing in outings:
        for label in labels(outing):
            groups[label].append(outing)
    ordered = [g for g in order if g in groups] + sorted(g for g in groups if g not in order)
    rows = []
    for label in ordered:
        members = groups[label]
        with_impressions = [o for o in members if o.impressions]
        shown = sum(o.impressions or 0 for o in with_impressions)
        engaged = sum(o.interactions for o in with_impressions)
        rows.append((
            label, len({o.post.slug for o in members}), len(members),
            shown if with_impressions else "",
            _rate(engaged / shown if shown else None),
            round(sum(o.interactions for o in members) / len(members), 1),
            sum(o.visits for o in members),
        ))  # fmt: skip
    return rows


_GROUP_COLUMNS = ("posts", "posts on platforms", "impressions", "engagement rate",
                  "interactions per post", "site visits sent")  # fmt: skip
_GROUPS: tuple[tuple[str, str, Callable[[Outing], Iterable[str]]], ...] = (
    ("by-platform", "By platform", lambda o: [label(o.platform)]),
    ("by-audience", "By audience", lambda o: o.post.audience),
    ("by-topic", "By topic", lambda o: o.post.topics or ("no category",)),
    ("by-type", "By kind of post", lambda o: [o.post.type]),
    ("by-format", "By format on the platform", lambda o: [o.format]),
    ("by-weekday", "By the weekday it went out",
     lambda o: [] if o.weekday is None else [o.weekday]),
    ("by-hour", "By the hour it went out (practice time)",
     lambda o: [] if o.hour is None else [f"{o.hour:02d}:00"]),
    ("by-warnings", "With and without content warnings",
     lambda o: ["with warnings" if o.post.warned else "without warnings"]),
)  # fmt: skip


def _grouped(outings: Sequence[Outing], key: str, title: str,
             labels: Callable[[Outing], Iterable[str]]) -> Table:  # fmt: skip
    order = WEEKDAYS if key == "by-weekday" else ()
    note = "Posts on platforms: a post counts once for each platform it went out on."
    if key in ("by-weekday", "by-hour"):
        left_out = sum(1 for o in outings if not list(labels(o)))
        if left_out:
            what = "when they went out" if key == "by-weekday" else "the time they went out"
            note += (f" {left_out} of {len(outings)} posts on platforms are left out: "
                     f"{what} is not recorded (give it in the posted column, YYYY-MM-DD "
                     "HH:MM).")  # fmt: skip
    return Table(key, title, ("group", *_GROUP_COLUMNS), _group_rows(outings, labels, order),
                 note=note, chart="bar", value="interactions per post")  # fmt: skip


def _followers(db: sqlite3.Connection) -> Table:
    rows = db.execute(
        "SELECT day, platform, followers FROM followers ORDER BY platform, day"
    ).fetchall()
    table = Table("followers", "Followers over time", ("day", "platform", "followers"),
                  [(day, label(platform), n) for day, platform, n in rows], chart="line",
                  value="followers")  # fmt: skip
    growth = []
    by_platform: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for day, platform, count in rows:
        by_platform[platform].append((day, count))
    for platform, points in by_platform.items():
        (first_day, first), (last_day, last) = points[0], points[-1]
        if len(points) == 1:
            growth.append(f"{label(platform)}: {first} on {first_day} (one count so far)")
            continue
        growth.append(f"{label(platform)}: {first} on {first_day} to {last} on {last_day} "
                      f"({last - first:+d})")  # fmt: skip
    table.note = "; ".join(growth)
    return table


def _reach_by_month(outings: Sequence[Outing]) -> Table:
    months: dict[tuple[str, str], list[Outing]] = defaultdict(list)
    for outing in outings:
        months[(outing.posted_at[:7], outing.platform)].append(outing)
    rows = [
        (month, label(platform), len(group),
         _blank(_total(o.impressions for o in group)),
         _blank(_total(o.figures.get("reach") for o in group)))
        for (month, platform), group in sorted(months.items())
    ]  # fmt: skip
    return Table("reach", "Reach by the month posts went out",
                 ("month", "platform", "posts", "impressions", "reach"), rows,
                 note="Reach counts people once per post; summed over posts it counts a "
                      "person once for each post they saw. A post whose time going out is not "
                      "recorded is counted in the month of its own date.")  # fmt: skip


def _total(values: Iterable[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _visits_by_campaign(visits: Mapping[tuple[str, str], int]) -> Table:
    # Whole-site rows (page "") are analytics tools' campaign totals; the page rows of a log
    # add up to the same kind of figure, so both count once.
    totals: dict[str, int] = defaultdict(int)
    for (_page, campaign), n in visits.items():
        if campaign:
            totals[campaign] += n
    rows = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    return Table("visits-by-campaign", "Site visits each platform sent (utm_source)",
                 ("campaign", "visits"), rows, chart="bar", value="visits")  # fmt: skip


def _visits_by_page(
    visits: Mapping[tuple[str, str], int], posts: Mapping[str, PostFacts], count: int = 25
) -> Table:
    titles = {"/": "Home page", **{"/" + p.path.lstrip("/"): p.title for p in posts.values()}}
    pages: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (page, campaign), n in visits.items():
        if page:
            pages[page][0] += n
            pages[page][1] += n if campaign else 0
    ranked = sorted(pages.items(), key=lambda item: (-item[1][0], item[0]))[:count]
    return Table("visits-by-page", "The most visited pages",
                 ("page", "title", "visits", "from a campaign tag"),
                 [(page, titles.get(page, ""), n, tagged)
                  for page, (n, tagged) in ranked])  # fmt: skip


def _visits_by_week(db: sqlite3.Connection) -> Table:
    weeks: dict[str, int] = defaultdict(int)
    for day, n in db.execute("SELECT day, SUM(visits) FROM visits WHERE page != '' GROUP BY day"):
        date = dt.date.fromisoformat(day)
        weeks[(date - dt.timedelta(days=date.weekday())).isoformat()] += n
    return Table("visits-by-week", "Site visits by week (weeks start on Monday)",
                 ("week", "series", "visits"),
                 [(week, "visits", n) for week, n in sorted(weeks.items())],
                 chart="line", value="visits")  # fmt: skip


def _top(outings: Sequence[Outing], count: int = 10) -> Table:
    ranked = sorted(outings, key=_standing, reverse=True)[:count]
    return Table("top-posts", "Top-performing posts",
                 ("post", "platform", "engagement rate", "interactions", "site visits it sent",
                  "topic", "format", "weekday", "words", "content warnings"),
                 [(o.post.title, label(o.platform), _rate(o.rate), o.interactions, o.visits,
                   ", ".join(o.post.topics), o.format, o.weekday or "", o.post.words,
                   "yes" if o.post.warned else "no") for o in ranked],
                 note="Ranked by engagement rate where the platform gives impressions, then by "
                      "interactions.", chart="bar", value="interactions")  # fmt: skip


def _standing(outing: Outing) -> tuple[float, int]:
    return (outing.rate if outing.rate is not None else -1.0, outing.interactions)


def _traits_of_top(outings: Sequence[Outing]) -> Table:
    """What the top quarter share, beside every post: most common topic, format, weekday,
    the share with content warnings and the median length."""
    ranked = sorted(outings, key=_standing, reverse=True)
    top = ranked[: max(1, len(ranked) // 4)] if ranked else []

    def describe(group: Sequence[Outing]) -> tuple:
        if not group:
            return ("", "", "", "", "", 0)
        return (
            _most_common(t for o in group for t in (o.post.topics or ("no category",))),
            _most_common(o.format for o in group),
            _most_common(o.weekday for o in group if o.weekday is not None),
            f"{sum(o.post.warned for o in group) / len(group):.0%}",
            int(statistics.median(o.post.words for o in group)),
            len(group),
        )

    return Table("top-traits", "What the top quarter of posts share",
                 ("posts", "most common topic", "most common format", "most common weekday",
                  "with content warnings", "median words", "how many"),
                 [("top quarter", *describe(top)), ("all posts", *describe(ranked))])  # fmt: skip


def _most_common(values: Iterable[str]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for value in values:
        counts[value] += 1
    if not counts:
        return ""
    best = max(counts.values())
    return ", ".join(sorted(v for v, n in counts.items() if n == best))


def _feedback(db: sqlite3.Connection, posts: Mapping[str, PostFacts]) -> Table:
    rows = db.execute(
        "SELECT question, answer, post, platform, responses, MAX(day) FROM feedback "
        "GROUP BY question, answer, post, platform ORDER BY question, post, platform, "
        "responses DESC, answer"
    ).fetchall()
    totals: dict[tuple[str, str, str], int] = defaultdict(int)
    for question, _answer, post, platform, responses, _day in rows:
        totals[(question, post, platform)] += responses
    return Table(
        "feedback", "What the audience said when asked",
        ("question", "answer", "responses", "share", "post", "platform", "as of"),
        [(question, answer, responses,
          _rate(responses / totals[(question, post, platform)]
                if totals[(question, post, platform)] else None),
          posts[post].title if post in posts else post, label(platform) if platform else "", day)
         for question, answer, post, platform, responses, day in rows],
    )  # fmt: skip


def _suggestions(outings: Sequence[Outing]) -> list[str]:
    """Plain sentences from the data, each with the number of posts behind it; nothing is
    said of a group with fewer than ENOUGH posts."""
    if len(outings) < ENOUGH:
        return [f"Too few posts with figures to say anything yet ({len(outings)}; at least "
                f"{ENOUGH} are needed)."]  # fmt: skip
    said = []
    median = statistics.median(o.interactions for o in outings)
    said += _beats(outings, lambda o: [] if o.weekday is None else [o.weekday],
                   "posts that went out on {}", median)  # fmt: skip
    said += _beats(outings, lambda o: [] if o.hour is None else [f"{o.hour:02d}:00"],
                   "posts that went out around {}", median)  # fmt: skip
    said += _beats(outings, lambda o: [o.format], "{} posts", median, skip=("unknown",))
    said += _beats(outings, lambda o: [o.post.type], "{}s", median)
    said += _beats(outings, lambda o: o.post.topics, "posts on {}", median)
    said += _beats(outings, lambda o: o.post.audience, "posts for {}", median)
    rated = [o for o in outings if o.rate is not None]
    if len(rated) >= ENOUGH:
        rate = statistics.median(o.rate for o in rated if o.rate is not None)
        said.append(f"The median engagement rate is {rate:.1%} (n={len(rated)} posts on "
                    "platforms that report impressions).")  # fmt: skip
    if not said:
        said.append(f"No weekday, hour, format, kind of post, topic or audience stands out yet "
                    f"from the median of "
                    f"{median:g} interactions per post (n={len(outings)}).")  # fmt: skip
    return said


def _beats(
    outings: Sequence[Outing], labels: Callable[[Outing], Iterable[str]], phrase: str,
    median: float, skip: Sequence[str] = (),
) -> list[str]:  # fmt: skip
    """A sentence for each group whose median beats the practice's (a post with several
    topics or audiences is in each of their groups)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for outing in outings:
        for label in labels(outing):
            groups[label].append(outing.interactions)
    found = []
    for name, values in sorted(groups.items()):
        if name in skip or len(values) < ENOUGH or len(groups) < 2:
            continue
        middle = statistics.median(values)
        if middle > median:
            found.append(f"Try more {phrase.format(name)}: their median is {middle:g} "
                         f"interactions per post against {median:g} for all posts "
                         f"(n={len(values)} of {len(outings)}).")  # fmt: skip
    return found

