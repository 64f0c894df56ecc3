"""Who wrote a post, when, and who reviewed it: shown at the top of the post, on every width
(Material puts the author and date in a sidebar a phone hides)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .model import FrontMatter


@dataclass(frozen=True)
class Dated:
    shown: str  # "October 27, 2026" (as the blog's post_date_format writes it)
    iso: str  # for <time datetime>


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...]  # names with credentials, as .authors.yml gives them
    published: Dated
    updated: Dated | None
    reviewer: str | None
    reviewed: Dated | None


def date_shown(moment: dt.datetime, date_format: str = "long", language: str = "en") -> str:
    """A date as Material's blog writes it: the blog plugin's `post_date_format` (a Babel
    pattern such as "d MMMM yyyy", or "full", "long", "medium", "short") in the theme's
    language. Without Babel (Zensical's install), the blog's default "long" in English."""
    try:
        from babel.dates import format_date, format_datetime
    except ImportError:
        return f"{moment:%B} {moment.day}, {moment.year}"
    locale = language.replace("-", "_") or "en"
    try:
        if date_format in ("full", "long", "medium", "short"):
            return str(format_date(moment, format=date_format, locale=locale))
        return str(format_datetime(moment, format=date_format, locale=locale))
    except (ValueError, LookupError):  # an unknown locale: the blog would have stopped
        return f"{moment:%B} {moment.day}, {moment.year}"


def _dated(moment: dt.datetime, date_format: str, language: str) -> Dated:
    return Dated(date_shown(moment, date_format, language), moment.date().isoformat())


def _name(who: str, authors: Mapping[str, Mapping[str, Any]]) -> str:
    return str(authors.get(who, {}).get("name") or who)


def byline_for(
    model: FrontMatter,
    authors: Mapping[str, Mapping[str, Any]],
    date_format: str = "long",
    language: str = "en",
) -> Byline:
    updated = model.date.updated
    review = model.reviewed
    shown = (date_format, language)
    return Byline(
        authors=tuple(_name(a, authors) for a in model.authors),
        published=_dated(model.created, *shown),
        updated=_dated(updated, *shown) if updated and updated.date() != model.created.date()
        else None,
        reviewer=_name(review.by, authors) if review else None,
        reviewed=_dated(review.on, *shown) if review else None,
    )
