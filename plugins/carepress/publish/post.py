"""What a feed needs to know about a post and about the site, as plain data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urljoin, urlsplit

from ..model import FrontMatter
from ..safeguards import Safeguards

if TYPE_CHECKING:
    from ..engine import Post


@dataclass(frozen=True)
class Site:
    title: str
    url: str  # site_url, absolute, ending in "/"
    description: str = ""
    language: str = "en"
    author: str = ""  # the practice: the feeds' author
    crisis_page: str = ""  # its address under the site (Settings.crisis_page)

    def absolute(self, path: str) -> str:
        return urljoin(self.url, path)

    @property
    def crisis_url(self) -> str:
        # The crisis page the page templates link to (overrides/partials/carepress-crisis-box).
        if not self.crisis_page:
            raise ValueError("Site.crisis_page is not set (Settings.crisis_page)")
        return self.absolute(self.crisis_page)


@dataclass(frozen=True)
class FeedPost:
    key: str  # the post's source path under docs_dir, e.g. "posts/what-is-anxiety.md"
    url: str  # absolute address of the post's page
    front_matter: FrontMatter
    safeguards: Safeguards
    body_html: str = ""  # the rendered body (links may be relative to `url`)
    snippets: Mapping[str, Any] = field(default_factory=dict)  # by platform, from the check
    slug: str = ""  # its share kit's and card's name (publish/address.py)

    @property
    def published(self) -> dt.datetime:
        return self.front_matter.date.created

    @property
    def updated(self) -> dt.datetime:
        return self.front_matter.date.updated or self.front_matter.date.created

    def guid(self, site: Site) -> str:
        """A tag: URI from the site's host, the post's year and its file path: it survives
        edits of the title, the description and the slug (RFC 4151)."""
        host = urlsplit(site.url).hostname or "localhost"
        path = self.key.removesuffix(".md")
        return f"tag:{host},{self.published.year}:{quote(path, safe='/-._~')}"

    def author_names(self, authors: Mapping[str, Mapping[str, Any]]) -> list[str]:
        # The name in .authors.yml carries the credentials ("Dana Reyes, LCSW").
        return [str(authors.get(a, {}).get("name") or a) for a in self.front_matter.authors]

    def terms(self) -> list[str]:
        """Categories, then tags, without repeats ("Grief" and "grief" are one term: the
        first spelling stays)."""
        fm = self.front_matter
        seen: dict[str, str] = {}
        for term in (*fm.categories, *fm.tags):
            seen.setdefault(term.casefold(), term)
        return list(seen.values())


def feed_post(report: Post, key: str, body_html: str = "") -> FeedPost | None:
    """A checked post as the feeds read it (at its own address), or None for one that
    cannot be in a feed (no valid front matter, no body, or errors)."""
    model, safeguards, address = report.front_matter, report.safeguards, report.address
    if model is None or safeguards is None or address is None or report.has_errors:
        return None
    return FeedPost(key, address.url, model, safeguards, body_html, report.snippets,
                    address.slug)  # fmt: skip


def in_feeds(front_matter: FrontMatter, now: dt.datetime) -> bool:
    """Published (not a draft, not dated in the future) and not past its `expires` date."""
    return front_matter.is_published(now) and not front_matter.is_expired(now)


def newest_first(posts: Iterable[FeedPost]) -> list[FeedPost]:
    """Newest first; the source path breaks ties, so the order never depends on input order."""
    return sorted(sorted(posts, key=lambda p: p.key), key=lambda p: p.published, reverse=True)
