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
    shown: str  # "October 27, 2026"
    iso: str  # for <time datetime>


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...]  # names with credentials, as .authors.yml gives them
    published: Dated
    updated: Dated | None
    reviewer: str | None
    reviewed: Dated | None


def _dated(moment: dt.datetime) -> Dated:
    return Dated(f"{moment:%B} {moment.day}, {moment.year}", moment.date().isoformat())


def _name(who: str, authors: Mapping[str, Mapping[str, Any]]) -> str:
    return str(authors.get(who, {}).get("name") or who)


def byline_for(model: FrontMatter, authors: Mapping[str, Mapping[str, Any]]) -> Byline:
    updated = model.date.updated
    review = model.reviewed
    return Byline(
        authors=tuple(_name(a, authors) for a in model.authors),
        published=_dated(model.created),
        updated=_dated(updated) if updated and updated.date() != model.created.date() else None,
        reviewer=_name(review.by, authors) if review else None,
        reviewed=_dated(review.on) if review else None,
    )
