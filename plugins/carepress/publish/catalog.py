"""Which feeds a hub has, where they live and what they are called.

The same catalog drives the writers, the `<link rel="alternate">` tags in every page's head
and the Subscribe page, so a page never advertises a feed that was not written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import AUDIENCES, FrontMatter, ascii_slug
from .outputs import FEEDS_DIR
from .platforms import PLATFORMS

RSS = "application/rss+xml"
ATOM = "application/atom+xml"
JSON_FEED = "application/feed+json"

AUDIENCE_LABELS = {
    "clients": "for clients",
    "clinicians": "for clinicians",
    "community": "for the community",
}
# Who each audience's articles are for, in a reader's words (the Subscribe page).
AUDIENCE_READERS = {
    "clients": "people in therapy, or thinking about it",
    "community": "families, friends, teachers and anyone supporting someone",
    "clinicians": "therapists and other clinicians (professional education)",
}


@dataclass(frozen=True)
class FeedLink:
    path: str  # under the site dir, e.g. "feeds/rss.xml"
    title: str
    type: str  # MIME type for <link rel="alternate" type=...>
    format: str  # "RSS", "Atom", "JSON Feed"
    name: str  # what it selects: "everything", an audience id, a tag, a platform key
    label: str  # how the Subscribe page names it


@dataclass(frozen=True)
class FeedChoice:
    """One feed offered to people in plain words: who it is for and its link (RSS: every
    reader takes it)."""

    heading: str  # "Articles for clients"
    readers: str  # who they are for
    link: FeedLink


@dataclass(frozen=True)
class FeedCatalog:
    site: tuple[FeedLink, ...]
    audiences: tuple[FeedLink, ...]
    tags: tuple[FeedLink, ...]
    social: tuple[FeedLink, ...]
    # The tags each tag feed collects (tags that slug alike share one feed).
    tags_by_slug: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_tag: dict[str, FeedLink] = field(default_factory=dict)

    @property
    def head(self) -> tuple[FeedLink, ...]:
        """The feeds every page advertises (post pages add their tags' feeds)."""
        return self.site + self.audiences

    @property
    def choices(self) -> tuple[FeedChoice, ...]:
        """The feeds the Subscribe page leads with: each audience's, people first, then
        everything (which also carries what is written for clinicians)."""
        by_name = {link.name: link for link in self.audiences if link.format == "RSS"}
        found = [
            FeedChoice(f"Articles {AUDIENCE_LABELS[a]}", AUDIENCE_READERS[a], by_name[a])
            for a in ("clients", "community", "clinicians")
            if a in by_name
        ]
        found.append(FeedChoice("Every article", "everything we publish, including the "
                                "articles written for clinicians", self.site[0]))  # fmt: skip
        return tuple(found)

    @property
    def all(self) -> tuple[FeedLink, ...]:
        return self.site + self.audiences + self.tags + self.social


def tag_folder(tag: str) -> str:
    """A tag feed's folder name; a tag with no ASCII letters (say, only emoji) still gets a
    stable, distinct one."""
    return ascii_slug(tag) or "tag-" + hashlib.sha1(tag.encode("utf-8")).hexdigest()[:10]


def feed_catalog(site_title: str, posts: Iterable[FrontMatter]) -> FeedCatalog:
    """Every feed for the posts that are in feeds (pass only those: see post.in_feeds)."""
    site = tuple(
        FeedLink(f"{FEEDS_DIR}/{file}", site_title, mime, fmt, "everything", fmt)
        for file, mime, fmt in (
            ("rss.xml", RSS, "RSS"),
            ("atom.xml", ATOM, "Atom"),
            ("feed.json", JSON_FEED, "JSON Feed"),
        )
    )
    # Every audience has its feeds even while empty, so a subscription never breaks.
    audiences = tuple(
        FeedLink(
            f"{FEEDS_DIR}/audience/{a}/{file}",
            f"{site_title} — {AUDIENCE_LABELS[a]}",
            mime,
            fmt,
            a,
            f"Articles {AUDIENCE_LABELS[a]} ({fmt})",
        )
        for a in AUDIENCES
        for file, mime, fmt in (("rss.xml", RSS, "RSS"), ("atom.xml", ATOM, "Atom"))
    )
    grouped: dict[str, set[str]] = {}
    for front_matter in posts:
        for tag in front_matter.tags:
            grouped.setdefault(tag_folder(tag), set()).add(tag)
    tags_by_slug = {slug: tuple(sorted(grouped[slug])) for slug in sorted(grouped)}
    tags = tuple(
        FeedLink(f"{FEEDS_DIR}/tags/{slug}/rss.xml", f"{site_title} — {names[0]}", RSS, "RSS",
                 names[0], names[0])
        for slug, names in tags_by_slug.items()
    )  # fmt: skip
    by_tag = {
        tag: link for link, names in zip(tags, tags_by_slug.values(), strict=True) for tag in names
    }
    social = tuple(
        FeedLink(f"{FEEDS_DIR}/social/{p.key}.xml", f"{site_title} — for {p.label}",
                 RSS, "RSS", p.key, p.label)
        for p in PLATFORMS.values()
    )  # fmt: skip
    return FeedCatalog(site, audiences, tags, social, tags_by_slug, by_tag)
