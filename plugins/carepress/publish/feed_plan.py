"""Which posts each feed of a hub carries at a moment: the one answer the feed writers, the
build's choice of bodies to keep and `carepress verify` share. Apart from the writers, so
that knowing it loads neither feedgen nor lxml (a rebuild whose feeds are unchanged links
them from the cache: publish/feed_cache.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..settings import Settings
from .catalog import FeedCatalog, FeedLink, feed_catalog
from .post import FeedPost, in_feeds, newest_first


@dataclass(frozen=True)
class FeedPlan:
    """Which posts each feed carries at a moment: the one answer the writers, the build's
    choice of bodies to keep and `carepress verify` share."""

    catalog: FeedCatalog
    ordered: list[FeedPost]  # every post in feeds, newest first
    newest: list[FeedPost]  # the site's (and the social) feeds
    others: list[tuple[FeedLink, list[FeedPost]]]  # each audience and tag feed

    @property
    def members(self) -> set[str]:
        """The keys of the posts some feed carries."""
        return {p.key for p in self.newest} | {p.key for _, chosen in self.others for p in chosen}


def plan_feeds(
    posts: Iterable[FeedPost], title: str, settings: Settings, now: dt.datetime
) -> FeedPlan:
    """The posts in feeds at `now` (published, not expired), newest first, and the newest
    `limit` of them for the site's feeds and for each audience and tag feed."""
    ordered = newest_first(p for p in posts if in_feeds(p.front_matter, now))
    catalog = feed_catalog(title, [p.front_matter for p in ordered])
    limit = settings.options.feeds.limit

    def select(keep: Callable[[FeedPost], bool]) -> list[FeedPost]:
        chosen = []
        for post in ordered:
            if len(chosen) == limit:
                break
            if keep(post):
                chosen.append(post)
        return chosen

    newest = select(lambda p: True)
    others = [(link, select(lambda p, a=link.name: a in p.front_matter.audience))
              for link in catalog.audiences]  # fmt: skip
    for link, tags in zip(catalog.tags, catalog.tags_by_slug.values(), strict=True):
        wanted = set(tags)
        others.append((link, select(lambda p, w=wanted: not w.isdisjoint(p.front_matter.tags))))
    return FeedPlan(catalog, ordered, newest, others)


def feed_members(posts: Iterable[FeedPost], settings: Settings, now: dt.datetime) -> set[str]:
    """The keys of the posts some feed will carry: only their rendered bodies need keeping
    until the feeds are written (a hub of thousands of posts has feeds of a few dozen)."""
    return plan_feeds(posts, "", settings, now).members
