"""Mental-health awareness observances (data/observances.yml): each one's date rule, computed
for any year, so the list never needs a new row per year."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ..yaml_loading import safe_load

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
EVERYWHERE = "INTL"

_DAY = r"(\d\d)-(\d\d)"
_NTH = rf"({'|'.join(ORDINALS)}) ({'|'.join(WEEKDAYS)}) of ({'|'.join(MONTHS)})"
_RULES = (
    ("fixed", re.compile(rf"{_DAY}")),
    ("range", re.compile(rf"{_DAY} to {_DAY}")),
    ("month", re.compile(r"month (\d\d)")),
    ("nth", re.compile(_NTH)),
    ("before", re.compile(rf"(\d+) days? before {_NTH}")),
    ("week_from", re.compile(rf"week from {_NTH}")),
    ("week_to", re.compile(rf"week to {_NTH}")),
    ("week_containing", re.compile(rf"week containing {_DAY}")),
    ("week_containing_nth", re.compile(rf"week containing {_NTH}")),
)


class RuleError(ValueError):
    """A date rule CarePress cannot read."""


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth (1-4, or -1 for the last) given weekday of a month."""
    days = [d for d in calendar.Calendar().itermonthdates(year, month)
            if d.month == month and d.weekday() == weekday]  # fmt: skip
    return days[nth - 1] if nth > 0 else days[-1]


def _nth(groups: tuple[str, ...], year: int) -> dt.date:
    ordinal, weekday, month = groups
    return nth_weekday(year, MONTHS[month], WEEKDAYS[weekday], ORDINALS[ordinal])


def span(rule: str, year: int) -> tuple[dt.date, dt.date]:
    """The first and last day (inclusive) of `rule` in `year`."""
    text = " ".join(rule.lower().split())
    for kind, pattern in _RULES:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        g = match.groups()
        if kind == "fixed":
            day = dt.date(year, int(g[0]), int(g[1]))
            return day, day
        if kind == "range":
            return dt.date(year, int(g[0]), int(g[1])), dt.date(year, int(g[2]), int(g[3]))
        if kind == "month":
            month = int(g[0])
            last_day = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last_day)
        if kind == "nth":
            day = _nth(g, year)
            return day, day
        if kind == "before":
            day = _nth(g[1:], year) - dt.timedelta(days=int(g[0]))
            return day, day
        if kind.startswith("week_containing"):
            fixed = kind == "week_containing"
            day = dt.date(year, int(g[0]), int(g[1])) if fixed else _nth(g, year)
            monday = day - dt.timedelta(days=day.weekday())
            return monday, monday + dt.timedelta(days=6)
        start = _nth(g, year)
        if kind == "week_from":
            return start, start + dt.timedelta(days=6)
        return start - dt.timedelta(days=6), start
    raise RuleError(
        f"{rule!r} is not a date rule: use 'MM-DD', 'MM-DD to MM-DD', 'month MM', "
        "'first thursday of february', 'N days before <that>', 'week from <that>', "
        "'week to <that>' or 'week containing MM-DD' (or <that>)"
    )


@dataclass(frozen=True)
class Observance:
    id: str
    name: str
    regions: tuple[str, ...]
    organisation: str
    source: str
    when: str
    topics: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    # Years the organisation announced other days than its usual rule gives (year -> rule).
    announced: tuple[tuple[int, str], ...] = ()

    def in_year(self, year: int) -> Occurrence:
        start, end = span(dict(self.announced).get(year, self.when), year)
        return Occurrence(self, start, end)

    def marked_in(self, region: str) -> bool:
        return EVERYWHERE in self.regions or region in self.regions


@dataclass(frozen=True)
class Occurrence:
    observance: Observance
    start: dt.date
    end: dt.date  # inclusive

    def uid(self, host: str) -> str:
        """The same event every build and every time it is imported (never a duplicate)."""
        return f"observance-{self.observance.id}-{self.start.year}@{host}"


@cache
def all_observances() -> tuple[Observance, ...]:
    data = safe_load(files("carepress").joinpath("data/observances.yml").read_text("utf-8"))
    observances = tuple(
        Observance(
            id=item["id"], name=item["name"], regions=tuple(item["regions"]),
            organisation=item["organisation"], source=item["source"], when=item["when"],
            topics=tuple(item.get("topics", ())), tags=tuple(item.get("tags", ())),
            announced=tuple(sorted((int(y), str(r)) for y, r in item.get("announced", {}).items())),
        )
        for item in data
    )  # fmt: skip
    for observance in observances:  # a rule the code cannot read fails here, loudly
        span(observance.when, 2000)
        for year, rule in observance.announced:
            span(rule, year)
    return observances


def occurrences(
    region: str, first: dt.date, last: dt.date, observances: Iterable[Observance] | None = None
) -> list[Occurrence]:
    """Every observance marked in `region` that overlaps first..last, by start date."""
    found = []
    for observance in observances if observances is not None else all_observances():
        if not observance.marked_in(region):
            continue
        for year in range(first.year, last.year + 1):
            occurrence = observance.in_year(year)
            if occurrence.start <= last and occurrence.end >= first:
                found.append(occurrence)
    return sorted(found, key=lambda o: (o.start, o.observance.name))
