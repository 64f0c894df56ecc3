"""The post's front matter as a typed model (pydantic).

Material's keys keep their meaning (title, description, date, draft, authors, categories,
tags, slug); CarePress adds audience, content_warnings, sources, reviewed, type, consent
and social. Hub-dependent vocabularies (content warnings, authors, categories) are checked
in ``checks/frontmatter.py`` because they come from the hub's configuration.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import ItemsView
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    create_model,
    field_validator,
    model_validator,
)

from .publish.counting import graphemes
from .publish.platforms import PLATFORM_KEYS, PLATFORMS

AUDIENCES = ("clients", "clinicians", "community")
POST_TYPES = ("article", "testimonial", "case-vignette", "resource")
TYPES_NEEDING_CONSENT = ("testimonial", "case-vignette")

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def ascii_slug(text: str) -> str:
    """Lowercase ASCII letters, digits and hyphens, as `slug:` allows ("" if nothing is left):
    what `carepress new` writes, and a tag feed's folder."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
# A tag names a feed and a page: words (any script, emoji, quotes), never markup (`]]>`).
TAG_RE = re.compile(r"^[^<>]+$")
ICON_RE = re.compile(r"^[a-z0-9-]+(?:/[a-z0-9-]+)+$")  # Material's .icons/<set>/<name>.svg
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIXES = (
    "https://doi.org/",
    "http://doi.org/",
    "https://dx.doi.org/",
    "http://dx.doi.org/",
    "doi:",
)
URL_RE = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)


def _as_list(value: Any) -> Any:
    # `audience: clients` is unambiguous; accept it as a one-item list.
    return [value] if isinstance(value, str) else value


def _single_line(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    if "\n" in value:
        raise ValueError("must be a single line (remove the line break)")
    return value


def _slug(value: str) -> str:
    if not SLUG_RE.match(value):
        raise ValueError(
            f"{value!r} is not a valid slug; use lowercase letters, digits and hyphens, "
            "e.g. what-is-anxiety"
        )
    return value


LAST_YEAR = 2999  # a later date is a typo; reckoning a year past it (reviews) overflows


def _to_datetime(value: Any) -> dt.datetime:
    # Material treats a bare date as midnight UTC; do the same so "future" means the same.
    if isinstance(value, dt.date) and value.year > LAST_YEAR:
        raise ValueError(f"{value:%Y-%m-%d} is not a date a post can have: the year is after "
                         f"{LAST_YEAR}")  # fmt: skip
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(), tzinfo=dt.UTC)
    if isinstance(value, str):
        try:
            dt.datetime.fromisoformat(value.strip())
        except ValueError:
            pass
        else:  # date: "2026-03-14" reads as text in YAML, and Material refuses text
            raise ValueError(f"{value!r} is in quotes, so it is read as text, not a date; "
                             f"remove the quotes: {value.strip()}")  # fmt: skip
    raise ValueError(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-14")


def _doi(value: str) -> str:
    value = value.strip()
    for prefix in _DOI_PREFIXES:
        if value.lower().startswith(prefix):
            value = value[len(prefix) :]
            break
    if not DOI_RE.match(value):
        raise ValueError(f"{value!r} is not a DOI; a DOI looks like 10.1000/xyz123")
    return value


def _url(value: str) -> str:
    value = value.strip()
    if not URL_RE.match(value):
        raise ValueError(
            f"{value!r} is not an absolute web address; write it as https://example.org/page"
        )
    return value


def _tag(value: str) -> str:
    if not TAG_RE.match(value):
        raise ValueError(
            f"{value!r} is not a tag: it holds < or >, e.g. write coping-skills"
        )
    return value


def icon_name(value: str) -> str:
    if not ICON_RE.match(value):
        raise ValueError(
            f"{value!r} is not one of the theme's icons; write it as set/name, "
            "e.g. material/heart-outline"
        )
    return value


Text = Annotated[str, AfterValidator(_single_line)]
Slug = Annotated[str, Field(max_length=100), AfterValidator(_slug)]
Tag = Annotated[str, Field(max_length=100), AfterValidator(_single_line), AfterValidator(_tag)]
# The vocabularies above, as the types pydantic validates against (one list each).
Audience = Literal[AUDIENCES]  # type: ignore[valid-type]
PostType = Literal[POST_TYPES]  # type: ignore[valid-type]
Platform = Literal[PLATFORM_KEYS]  # type: ignore[valid-type]
DateTime = Annotated[dt.datetime, BeforeValidator(_to_datetime)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, defer_build=True)


class PostDates(_Strict):
    created: DateTime
    updated: DateTime | None = None


def _dates(value: Any) -> Any:
    return value if isinstance(value, dict) else {"created": value}


class Source(_Strict):
    id: Slug | None = None
    title: Text
    url: Annotated[str, AfterValidator(_url)] | None = None
    doi: Annotated[str, AfterValidator(_doi)] | None = None
    publisher: Text | None = None
    year: int | None = Field(default=None, ge=1800, le=2100)
    accessed: DateTime | None = None

    @model_validator(mode="after")
    def _needs_locator(self) -> Source:
        if not self.url and not self.doi:
            raise ValueError("a source needs a url or a doi")
        return self


class Reviewed(_Strict):
    by: Text
    on: DateTime


_DURATION = re.compile(r"\s*(\d+)\s*(m|min|minutes?|h|hours?|d|days?)\s*", re.I)
_UNIT_SECONDS = {"m": 60, "h": 3600, "d": 86400}


def _seconds(value: Any) -> Any:
    """"30m", "12h", "3d" (or seconds, as Mastodon takes them) as seconds."""
    if isinstance(value, str):
        match = _DURATION.fullmatch(value)
        if not match:
            raise ValueError('give a duration such as "30m", "12h" or "3d"')
        return int(match[1]) * _UNIT_SECONDS[match[2][0].lower()]
    return value


# Mastodon's rules for a poll's options, as app/validators/poll_options_validator.rb has them
# (MAX_OPTIONS = 4, MAX_OPTION_CHARS = 50): 2 to 4 options, each at most 50 grapheme clusters
# (`option.each_grapheme_cluster.size`) once stripped (Poll::Options#prepare_options), and no
# option twice (`options.uniq.size == options.size`). Open from 5 minutes to a month.
MAX_POLL_OPTIONS = 4
MAX_POLL_OPTION_CHARS = 50


def _poll_option(value: str) -> str:
    length = graphemes(value)  # (Text has stripped it, as Mastodon does)
    if length > MAX_POLL_OPTION_CHARS:
        raise ValueError(
            f"is {length} characters as Mastodon counts them (at most "
            f"{MAX_POLL_OPTION_CHARS} characters): shorten it"
        )
    return value


def _distinct_options(options: list[str]) -> list[str]:
    twice = [option for n, option in enumerate(options) if option in options[:n]]
    if twice:
        raise ValueError(
            f"{twice[0]!r} is given twice, and Mastodon refuses a poll with the same option "
            "twice: make each option different, or remove the repeat"
        )
    return options


PollOption = Annotated[Text, AfterValidator(_poll_option)]


class MastodonPoll(_Strict):
    options: Annotated[
        list[PollOption],
        Field(min_length=2, max_length=MAX_POLL_OPTIONS),
        AfterValidator(_distinct_options),
    ]
    expires_in: Annotated[int, BeforeValidator(_seconds), Field(ge=300, le=2_629_746)]
    multiple: bool = False


class SocialOverride(_Strict):
    text: str | None = None
    hashtags: list[Text] = []
    # Mastodon only: a poll on the post, and replies that follow it as a thread.
    poll: MastodonPoll | None = None
    thread: list[Annotated[str, Field(min_length=1)]] = Field(default=[], max_length=10)


def _slide(value: Any) -> Any:
    return {"title": value} if isinstance(value, str) else value


class CarouselSlide(_Strict):
    """One slide between a carousel's title slide and its closing slide."""

    title: Text = Field(max_length=120)
    text: str = Field(default="", max_length=280)


class _SocialSection(_Strict):
    """`social:`: how the post goes to social media. The platforms' own overrides (text,
    hashtags, a Mastodon poll or thread) by platform key, and the visual formats drawn for
    every platform: a carousel (1 to 8 slides between the title slide and the closing
    slide) and a pull quote (a square card)."""

    carousel: list[Annotated[CarouselSlide, BeforeValidator(_slide)]] = Field(
        default=[], max_length=8
    )
    quote: Text | None = Field(default=None, max_length=280)

    def overrides(self) -> dict[str, SocialOverride]:
        return {key: found for key in PLATFORM_KEYS if (found := getattr(self, key)) is not None}

    def items(self) -> ItemsView[str, SocialOverride]:
        return self.overrides().items()

    def get(self, platform: str) -> SocialOverride | None:
        return getattr(self, platform) if platform in PLATFORM_KEYS else None

    def __contains__(self, platform: object) -> bool:
        return isinstance(platform, str) and self.get(platform) is not None

    def __getitem__(self, platform: str) -> SocialOverride:
        found = self.get(platform)
        if found is None:
            raise KeyError(platform)
        return found


SocialSection = create_model(
    "SocialSection",
    __base__=_SocialSection,
    **{key: (SocialOverride | None, None) for key in PLATFORM_KEYS},  # type: ignore[call-overload]
)
SOCIAL_KEYS = ("carousel", "quote", *PLATFORM_KEYS)


class SearchOptions(_Strict):
    """Material's `search:` page key."""

    exclude: bool = False
    boost: float | int | None = None


class FrontMatter(_Strict):
    title: Text = Field(max_length=200)
    description: Text = Field(max_length=300)
    date: Annotated[PostDates, BeforeValidator(_dates)]
    draft: bool | None = None
    slug: Slug | None = None
    authors: list[Text] = Field(min_length=1)
    categories: list[Text] = []
    tags: list[Tag] = Field(default=[], max_length=20)  # each one names a feed
    audience: Annotated[list[Audience], BeforeValidator(_as_list), Field(min_length=1)]
    content_warnings: Annotated[list[Text], BeforeValidator(_as_list)] = []
    sources: list[Source] = []
    reviewed: Reviewed | None = None
    type: PostType = "article"
    consent: Text | None = None
    social: SocialSection = Field(default_factory=SocialSection)  # type: ignore[valid-type]

    @field_validator("social")
    @classmethod
    def _polls_and_threads_where_they_exist(cls, value: _SocialSection) -> _SocialSection:
        for platform, override in value.items():
            if (override.poll or override.thread) and not PLATFORMS[platform].polls_and_threads:
                able = [p.key for p in PLATFORMS.values() if p.polls_and_threads]
                raise ValueError(
                    f"{platform}: a poll or a thread is posted on {', '.join(able)} only "
                    f"(social.{able[0]}.poll, social.{able[0]}.thread)"
                )
        return value
    # From this date on the post is left out of every feed (its page stays published).
    expires: DateTime | None = None
    # Material's keys. The theme prints some of them into pages unescaped, so each has a
    # strict shape; `links` is checked item by item in checks/frontmatter.py.
    pin: bool = False
    readtime: int | None = Field(default=None, ge=1, le=600)
    links: list[Any] | None = None
    hide: list[Literal["navigation", "toc", "footer", "feedback", "tags", "path"]] = []
    search: SearchOptions | None = None
    icon: Annotated[str, AfterValidator(icon_name)] | None = None
    status: Slug | None = None
    subtitle: Text | None = Field(default=None, max_length=200)

    @property
    def created(self) -> dt.datetime:
        return self.date.created

    def is_published(self, now: dt.datetime) -> bool:
        """Not a draft and not dated in the future (Material's draft_if_future_date rule)."""
        return self.left_out_because(now) is None

    def left_out_because(self, now: dt.datetime) -> str | None:
        """Why the blog leaves the post out of the site (a draft, a date to come), or None."""
        if self.draft:
            return "a draft"
        if self.created > now:
            return f"a post dated {self.created:%Y-%m-%d}, in the future"
        return None

    def is_expired(self, now: dt.datetime) -> bool:
        return self.expires is not None and self.expires <= now


FIELD_NAMES = tuple(FrontMatter.model_fields)
