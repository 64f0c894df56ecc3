"""The practice profile (``extra.practice`` in mkdocs.yml) for templates, feeds and snippets."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Audience = Literal["clients", "clinicians", "community"]
CrisisRegion = Literal["US", "CA", "UK", "IE", "AU", "NZ", "INTL"]


# The calling codes of the crisis regions (data/crisis_lines.yml), longest first.
_COUNTRY_CODES = ("353", "44", "61", "64", "1")


class _Profile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Clinician(_Profile):
    name: str = Field(min_length=1)
    credentials: str = Field(min_length=1)
    role: str | None = None


class Disclaimer(_Profile):
    short: str = Field(min_length=1)
    full: str = Field(min_length=1)
    audiences: dict[Audience, str] = {}
    social: str | None = None  # a shorter form for social posts; the short form if unset
    # Shorter still where a platform has little room (x: "Not therapy; info only."):
    # by platform key; a platform not named takes `social`.
    social_by_platform: dict[str, str] = {}

    def for_platform(self, platform: str) -> str:
        return self.social_by_platform.get(platform) or self.social or self.short
    position: Literal["top", "bottom"] = "bottom"

    def for_audience(self, audiences: list[str]) -> str:
        """The variant for a post: a single-audience post gets that audience's text if set."""
        if len(audiences) == 1 and audiences[0] in self.audiences:
            return self.audiences[audiences[0]]  # type: ignore[index]
        return self.full


Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_NAMES = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")
_CLOCK = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def _clock(hhmm: str) -> str:
    """ "09:00" -> "9 a.m.", "17:30" -> "5:30 p.m.", "12:00" -> "noon"."""
    hour, minute = (int(part) for part in hhmm.split(":"))
    if (hour, minute) == (12, 0):
        return "noon"
    if (hour, minute) in ((0, 0), (24, 0)):
        return "midnight"
    shown = hour % 12 or 12
    return f"{shown}{f':{minute:02d}' if minute else ''} {'a.m.' if hour < 12 else 'p.m.'}"


class SocialHours(_Profile):
    """When the practice reads messages and comments: the profile kit's replies say so."""

    days: list[Day] = Field(min_length=1)
    start: str  # "09:00"
    end: str  # "17:00"
    time_zone: str  # an IANA name: America/Los_Angeles

    @field_validator("start", "end")
    @classmethod
    def _clock(cls, value: str) -> str:
        if not _CLOCK.fullmatch(value):
            raise ValueError(f"{value!r} is not a time of day: write it as 09:00 or 17:30")
        hour, minute = value.split(":")
        return f"{int(hour):02d}:{minute}"  # "9:00" -> "09:00", so times compare in order

    @field_validator("time_zone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # ("Pacific" is a folder)
            raise ValueError(f"{value!r} is not a time zone name such as America/Los_Angeles "
                             "or Europe/London") from None  # fmt: skip
        return value

    @model_validator(mode="after")
    def _in_order(self) -> SocialHours:
        if self.start >= self.end:
            raise ValueError(f"start ({self.start}) must be before end ({self.end})")
        return self

    def describe(self) -> str:
        """ "weekdays, 9 a.m. to 5 p.m. (Los Angeles time)": as a reader says it."""
        chosen = [d for d in DAYS if d in self.days]
        if chosen == list(DAYS[:5]):
            days = "weekdays"
        elif chosen == list(DAYS):
            days = "every day"
        else:
            names = [_DAY_NAMES[DAYS.index(d)] for d in chosen]
            days = ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]
        place = self.time_zone.rsplit("/", 1)[-1].replace("_", " ")
        return f"{days}, {_clock(self.start)} to {_clock(self.end)} ({place} time)"

    def today(self, now: dt.datetime) -> str:
        """The practice's weekday now, in its time zone ("sat")."""
        return DAYS[now.astimezone(ZoneInfo(self.time_zone)).weekday()]


class Practice(_Profile):
    name: str = Field(min_length=1)
    clinicians: list[Clinician] = Field(min_length=1)
    region: str = Field(min_length=1)
    crisis_region: CrisisRegion
    booking_url: str
    contact_url: str | None = None
    # The practice's own phone and email: the only ones a post may contain (besides crisis lines).
    phone: str | None = None
    email: str | None = None
    disclaimer: Disclaimer
    social_hours: SocialHours | None = None
    # What the profile kit's bios call the clinicians ("counsellors", "licensed
    # psychologists"); by default made from their roles (publish/profile.py).
    clinicians_are: str | None = Field(default=None, min_length=1)

    @field_validator("crisis_region", mode="before")
    @classmethod
    def _region_code(cls, value: object) -> object:
        """'uk' and 'GB' (the UK's ISO code) are the UK; any case is the region's code."""
        if isinstance(value, str):
            value = value.strip().upper()
            return "UK" if value == "GB" else value
        return value

    @field_validator("phone")
    @classmethod
    def _dialable(cls, value: str | None) -> str | None:
        """A number that can be dialled: at least 7 digits after its country code (or its
        trunk 0), so a digit left off ("0161 496 01") is not published as the practice's."""
        if value is None:
            return value
        written = re.sub(r"\(\s*0\s*\)", "", value.strip())
        digits = re.sub(r"\D", "", written)
        if written.startswith(("+", "00")):
            digits = digits.removeprefix("00")
            code = next((c for c in _COUNTRY_CODES if digits.startswith(c)), digits[:1])
            national = digits[len(code):]
        else:
            national = digits.removeprefix("0")
        if len(national) < 7:
            raise ValueError(
                f"{value!r} cannot be a phone number: it has {len(national)} digits after its "
                "country code or leading 0, and a number has at least 7; write it whole, "
                "as +44 161 496 0123 or 0161 496 0123")
        return value

    @field_validator("booking_url", "contact_url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("https://", "http://", "mailto:")):
            raise ValueError("must be an absolute https:// (or mailto:) link")
        return value
