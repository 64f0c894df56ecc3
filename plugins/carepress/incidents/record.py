"""What an incident is, and the checking of every field a therapist gives (flags or answers).

Checking is all-or-nothing: `incident_from` returns a whole incident or raises one
IncidentError listing every problem, before anything touches the log.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..publish.platforms import PLATFORM_KEYS

# An incident's fields in the order its exports list them (export.py; private_files.py tells
# an export by its first columns).
COLUMNS = ("id", "when", "platform", "kind", "what", "done", "follow_up", "reviewed_by",
           "reviewed_at", "recorded_at")  # fmt: skip

# The platforms CarePress posts to, the places reviews and messages arrive, and the rest.
PLATFORMS: tuple[str, ...] = (
    *PLATFORM_KEYS, "google", "yelp", "psychology-today", "tiktok", "youtube", "whatsapp",
    "reddit", "website", "email", "phone", "in-person", "other",
)
KINDS: tuple[str, ...] = (
    "client-contact", "distressed-comment", "negative-review", "harassment", "privacy", "other",
)  # fmt: skip
WHEN_FORMAT = "YYYY-MM-DD HH:MM"
# An offset (-08:00) may follow: the one way to name the second 01:30 of an autumn night.
_WHEN = re.compile(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?: ?([+-]\d{2}):?(\d{2}))?")

# The fields in the order a therapist is asked for them: (name, flag, required).
FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("when", "--when", False),  # not required: it defaults to now
    ("platform", "--platform", True),
    ("kind", "--kind", True),
    ("what", "--what", True),
    ("done", "--done", True),
    ("follow_up", "--follow-up", False),
    ("reviewed_by", "--reviewed-by", False),
    ("note", "--note", False),
)
FLAGS: dict[str, str] = {name: flag for name, flag, _ in FIELDS}
REQUIRED: frozenset[str] = frozenset(name for name, _, required in FIELDS if required)


class IncidentError(Exception):
    """A usage problem (exit 2): each line says which flag and what is wrong."""

    def __init__(self, *problems: str) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Review:
    by: str
    at: dt.datetime  # aware


@dataclass(frozen=True)
class Incident:
    when: dt.datetime  # aware: practice-local, with its offset
    platform: str
    kind: str
    what: str
    done: str
    follow_up: str | None
    note: str | None  # may hold sensitive details: shown or exported only when asked
    recorded_at: dt.datetime
    reviews: tuple[Review, ...] = ()
    id: int | None = None  # given by the log


def local_time(zone: ZoneInfo | None, now: dt.datetime) -> dt.datetime:
    """`now` (aware) as the practice's clock shows it, to the second (the machine's own time
    zone when the hub has no social_hours time zone)."""
    return (now.astimezone(zone) if zone is not None else now.astimezone()).replace(microsecond=0)


def local_now(zone: ZoneInfo | None, now: dt.datetime) -> dt.datetime:
    """The default `--when`: now, to the minute the therapist would give."""
    return local_time(zone, now).replace(second=0)


def parse_when(text: str, zone: ZoneInfo | None, now: dt.datetime) -> dt.datetime:
    """'2026-11-02 14:30' on the practice's clock -> an aware datetime with its offset."""
    problem = f"{FLAGS['when']}: {text.strip()!r} is not a date and time ({WHEN_FORMAT})"
    match = _WHEN.fullmatch(text.strip())
    if match is None:
        raise IncidentError(problem)
    try:
        year, month, day, hour, minute = (int(part) for part in match.groups()[:5])
        naive = dt.datetime(year, month, day, hour, minute)
        offset = None
        if match[6] is not None:
            sign = -1 if match[6].startswith("-") else 1
            offset = dt.timezone(sign * dt.timedelta(hours=abs(int(match[6])),
                                                     minutes=int(match[7])))  # fmt: skip
    except ValueError:  # month 13, 30 February, 25:00, an offset past 24 hours
        raise IncidentError(problem) from None
    if offset is not None:  # a moment, as given: kept on the practice's clock
        given = naive.replace(tzinfo=offset)
        when = given.astimezone(zone) if zone is not None else given
    elif zone is None:
        when = naive.astimezone()  # the machine's local time
    else:
        # A time the clocks skipped (02:30 on the spring-forward night) would be stored an
        # hour off: refuse it. A repeated one (autumn) is its first occurrence (fold=0).
        when = naive.replace(tzinfo=zone)
        if when.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None) != naive:
            raise IncidentError(
                f"{FLAGS['when']}: {text.strip()!r} did not happen in {zone.key} "
                "(the clocks went forward); give the time the clock showed"
            )
    if when > local_now(zone, now) + dt.timedelta(minutes=1):
        raise IncidentError(f"{FLAGS['when']}: {text.strip()!r} is in the future")
    return when


def happened_twice(text: str, zone: ZoneInfo | None, when: dt.datetime) -> str | None:
    """A note when `text` (no offset) named a time the clocks went back through, so it
    happened twice: which one was recorded, and how to give the other."""
    match = _WHEN.fullmatch(text.strip())
    if zone is None or match is None or match[6] is not None:
        return None
    naive = when.replace(tzinfo=None)
    first, second = (naive.replace(tzinfo=zone, fold=fold) for fold in (0, 1))
    if first.utcoffset() == second.utcoffset():
        return None
    return (f"{FLAGS['when']}: {text.strip()} happened twice in {zone.key} (the clocks went "
            f"back); recorded as the first, {first.isoformat(timespec='minutes')} "
            f"({first.tzname()}). For the second, give its offset: {FLAGS['when']} "
            f"'{naive:%Y-%m-%d %H:%M}{_offset(second)}'")


def _offset(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="minutes")[16:]


def one_of(name: str, text: str, choices: tuple[str, ...]) -> str:
    value = text.strip().lower()
    if value in choices:
        return value
    close = difflib.get_close_matches(value, choices, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise IncidentError(f"{FLAGS[name]}: {text.strip()!r} is not one of "
                        f"{', '.join(choices)}{hint}")  # fmt: skip


def check_field(name: str, text: str, zone: ZoneInfo | None, now: dt.datetime) -> object:
    """One field's value from what was typed (None: an optional field left empty)."""
    if name == "when":
        return parse_when(text, zone, now) if text.strip() else local_now(zone, now)
    if name == "platform":
        return one_of(name, text, PLATFORMS)
    if name == "kind":
        return one_of(name, text, KINDS)
    value = text.strip()
    if not value and name in REQUIRED:
        raise IncidentError(f"{FLAGS[name]}: it may not be empty")
    return value or None


def missing_required(given: Mapping[str, str | None]) -> list[str]:
    return [FLAGS[name] for name, _, _ in FIELDS if name in REQUIRED and given.get(name) is None]


def incident_from(
    given: Mapping[str, str | None], zone: ZoneInfo | None, now: dt.datetime
) -> Incident:
    """The incident the fields describe (every field checked), or an IncidentError naming
    every problem: nothing is half-recorded."""
    missing = missing_required(given)
    if missing:
        raise IncidentError(f"{', '.join(missing)}: required (or run `carepress incident add` "
                            "in a terminal, or with --interactive, to be asked)")  # fmt: skip
    values: dict[str, object] = {}
    problems: list[str] = []
    for name, _, _ in FIELDS:
        try:
            values[name] = check_field(name, given.get(name) or "", zone, now)
        except IncidentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise IncidentError(*problems)
    recorded = local_time(zone, now)
    reviewer = values.pop("reviewed_by")
    reviews = (Review(str(reviewer), recorded),) if reviewer else ()
    return Incident(**values, recorded_at=recorded, reviews=reviews)  # type: ignore[arg-type]
