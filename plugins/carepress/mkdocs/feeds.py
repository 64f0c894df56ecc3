"""The feeds' side of the MkDocs plugin: collect each published post's page, write the feeds.

The blog plugin renders a post several times (its page, then excerpts on index, archive and
category pages); only the post's own page passes through `on_page_content`, and entries are
keyed by the post's source path, so each post is collected once per build.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import astuple
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from ..engine import Post
from ..file_digest import sha256_of_parts
from ..publish.catalog import FeedCatalog, FeedLink, feed_catalog
from ..publish.feed_cache import feeds_into
from ..publish.feed_plan import feed_members
from ..publish.post import FeedPost, Site, in_feeds
from ..settings import Settings

log = get_plugin_logger(__name__)


class FeedCollector:
    def __init__(
        self,
        settings: Settings,
        config: MkDocsConfig,
        reports: Mapping[str, Post],
        now: dt.datetime,
        keys: tuple[bytes, Callable[[Path], bytes | None]] | None = None,
    ) -> None:
        self.settings = settings
        self.reports = reports
        self.now = now
        # The hub's and each post's report-cache key: what the feeds' own cache key is made of.
        self.keys = keys
        self.enabled = settings.options.feeds.enabled and bool(config.site_url)
        self.site = Site(
            title=config.site_name,
            url=(config.site_url or "").rstrip("/") + "/",
            description=config.site_description or "",
            language=str(config.theme.get("language") or "en"),
            author=settings.practice.name,
            crisis_page=settings.crisis_page,
        )
        self.posts: dict[str, tuple[str, str]] = {}  # src_uri -> (address, body HTML)
        # Which posts some feed carries: only their bodies are kept (see feed_members). A
        # post with errors is in none; in a build, one found later stops the build anyway.
        self.members: set[str] = set()
        # What the page heads and the Subscribe page advertise (the writer derives the same).
        self.catalog: FeedCatalog | None = None
        if self.enabled:
            in_feed = [
                r.front_matter
                for r in reports.values()
                if r.front_matter is not None and in_feeds(r.front_matter, now)
            ]
            self.catalog = feed_catalog(self.site.title, in_feed)
            self.members = feed_members(
                (
                    FeedPost(src_uri, "", r.front_matter, r.safeguards)
                    for src_uri, r in reports.items()
                    if r.front_matter is not None and r.safeguards is not None and not r.has_errors
                ),
                settings,
                now,
            )

    def add(self, page: Page, body_html: str) -> None:
        """Called with a post page's rendered body (Sources list included, notices not)."""
        # Members are published, unexpired posts with safeguards and no errors (a preview's
        # broken post is in no feed), and only those some feed carries.
        src_uri = page.file.src_uri
        if src_uri in self.members:
            self.posts[src_uri] = (page.canonical_url or self.site.absolute(page.url), body_html)

    def _feed_posts(self) -> list[FeedPost]:
        # Built at write time: a build's snippets arrive from the background checks after
        # the pages were read.
        posts = []
        for src_uri, (url, body_html) in self.posts.items():
            report = self.reports[src_uri]
            assert report.front_matter is not None and report.address is not None
            safeguards = report.safeguards
            assert safeguards is not None
            posts.append(
                FeedPost(src_uri, url, report.front_matter, safeguards, body_html,
                         report.snippets, report.address.slug)
            )  # fmt: skip
        return posts

    def write(self, site_dir: str) -> None:
        if not self.enabled:
            return
        def write_into(folder: Path) -> None:
            from ..publish.feeds import write_feeds  # feedgen and lxml: only to write them

            write_feeds(folder, self._feed_posts(), self.site, self.settings, self.now)

        key = self._cache_key()
        if key is None:
            write_into(Path(site_dir))
        else:
            feeds_into(Path(site_dir), self.settings.root, key, write_into)

    def _cache_key(self) -> str | None:
        """What the feeds are made of: the hub (its configuration, CarePress), the site, and
        each post some feed carries (its file and its body as rendered now, its address).
        None where a post's key is unknown: the feeds are then written, not kept."""
        if self.keys is None:
            return None
        hub, key_of = self.keys
        parts = [hub, repr(astuple(self.site)).encode()]
        for src_uri in sorted(self.posts):
            url, body_html = self.posts[src_uri]
            post_key = key_of(self.reports[src_uri].path)
            if post_key is None:
                return None
            parts += [src_uri.encode(), post_key, url.encode(), body_html.encode()]
        return sha256_of_parts(parts).hex()


class FeedLinks:
    """The `<link rel="alternate">` tags of a page's head (overrides/main.html calls it):
    the hub's and its audiences' feeds on every page, and a post page's tag feeds. Written
    here, not in a Jinja loop: ~11 links on each of thousands of pages cost ~0.15 ms a page
    there, and a link reads the same on every page at one depth (`base_url`)."""

    def __init__(self, catalog: FeedCatalog) -> None:
        self.catalog = catalog
        self._tags: dict[tuple[str, str], str] = {}  # (feed path, base_url) -> the tag

    def __call__(self, page: Page | None, base_url: str) -> Markup:
        links = list(self.catalog.head)
        tags = page.meta.get("tags") if page is not None and page.meta else None
        if isinstance(tags, list):
            for tag in tags:
                link = self.catalog.by_tag.get(tag) if isinstance(tag, str) else None
                if link is not None and link not in links:
                    links.append(link)
        return Markup("\n".join(self._tag(link, base_url) for link in links))

    def _tag(self, link: FeedLink, base_url: str) -> str:
        key = (link.path, base_url)
        if key not in self._tags:
            # As MkDocs' `url` filter resolves a site path against the page's base_url.
            href = link.path if base_url in ("", ".") else posixpath.join(base_url, link.path)
            self._tags[key] = (
                f'<link rel="alternate" type="{link.type}" '
                f'title="{escape(link.title)} ({link.format})" href="{escape(href)}">'
            )
        return self._tags[key]
