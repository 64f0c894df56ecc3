"""The sharing side of the MkDocs plugin: page metadata for every page, a card per post.

`page_meta` runs in `on_page_context` (each page once): a published post gets Open Graph,
Twitter and JSON-LD metadata pointing at its card, and its card is registered; other pages
get Open Graph basics. `write` runs in `on_post_build` and writes the registered cards
(from the cache in `.cache/carepress/cards/` when nothing changed). Drafts and future posts
are never registered, so they get neither metadata nor a card.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from ..engine import Post
from ..parallel import InBackground
from ..publish.cards import (
    CardSpec,
    cache_path,
    card_alt_text,
    draw_into_cache,
    post_card,
    post_cards,
    write_cards,
)
from ..publish.meta import Card, PageMeta, post_meta, website_meta
from ..publish.outputs import SITE_CARD
from ..settings import Settings

log = get_plugin_logger(__name__)

CACHE_DIR = ".cache/carepress/cards"


class CardsAndMeta:
    def __init__(
        self,
        settings: Settings,
        config: MkDocsConfig,
        reports: Mapping[str, Post],
        now: dt.datetime,
    ) -> None:
        self.settings = settings
        self.reports = reports
        self.now = now
        self.site_name = config.site_name
        self.site_url = config.site_url or None
        self.description = config.site_description or ""
        self.language = str(config.theme.get("language") or "en")
        self.cache_dir = settings.root / CACHE_DIR
        self.cards: dict[str, CardSpec] = {}  # slug -> what its card shows
        self._drawing: InBackground | None = None

    def page_meta(self, page: Page) -> PageMeta:
        src_uri = page.file.src_uri
        report = self.reports.get(src_uri)
        safeguards = report.safeguards if report is not None else None
        if report is None:
            return self._website_meta(page)
        fm = report.front_matter
        address = report.address
        if fm is None or safeguards is None or address is None or not fm.is_published(self.now):
            return PageMeta(())  # a draft in the preview, or a broken post: nothing to share
        spec = post_card(fm, safeguards, self.settings.practice.name)
        # Two published posts never share a slug (checks/collisions.py): one card each, and
        # its portrait twin for Instagram when the hub asks for them.
        self.cards.update(post_cards(spec, address.slug, self.settings.options.snippets.portraits))
        card = Card(address.card_url, card_alt_text(spec)) if self.site_url else None
        return post_meta(
            fm,
            safeguards,
            url=page.canonical_url,
            card=card,
            site_name=self.site_name,
            site_url=self.site_url,
            language=self.language,
            practice=self.settings.practice,
            authors=self.settings.authors,
            title_warning_format=self.settings.options.feeds.title_warning_format,
        )

    def start_drawing(self, workers: int) -> None:
        """Draw the cards the cache lacks on the other cores while MkDocs renders the site
        (a first build draws every card: ~25 ms each); `write` waits for them."""
        jobs = {}
        if self.site_url:  # the site's own card, drawn here too: not in the build's memory
            site = self._site_card()
            path = cache_path(site, self.cache_dir)
            if not path.is_file():
                jobs[path] = (site, path)
        portraits = self.settings.options.snippets.portraits
        for report in self.reports.values():
            fm, safeguards, address = report.front_matter, report.safeguards, report.address
            if fm is None or safeguards is None or address is None:
                continue
            if not fm.is_published(self.now):
                continue
            landscape = post_card(fm, safeguards, self.settings.practice.name)
            for spec in post_cards(landscape, address.slug, portraits).values():
                path = cache_path(spec, self.cache_dir)
                if not path.is_file():
                    jobs[path] = (spec, path)  # two posts, one card: drawn once
        self._drawing = InBackground(draw_into_cache, list(jobs.values()), workers)

    def _site_card(self) -> CardSpec:
        return CardSpec(self.site_name, self.settings.practice.name)

    def _website_meta(self, page: Page) -> PageMeta:
        description = page.meta.get("description") if page.meta else None
        # Titles may arrive HTML-escaped (the plugin escapes some at their source in on_nav);
        # the template escapes every value, so unescape first to avoid "&amp;amp;".
        title = "" if page.is_homepage else html.unescape(str(page.title or ""))
        card = None
        if self.site_url:
            spec = self._site_card()
            self.cards[SITE_CARD] = spec
            card = Card(self.site_url.rstrip("/") + "/" + quote(SITE_CARD), card_alt_text(spec))
        return website_meta(
            title=title or self.site_name,
            description=description if isinstance(description, str) else self.description,
            url=page.canonical_url,
            site_name=self.site_name,
            card=card,
        )

    def write(self, site_dir: str) -> None:
        if self._drawing is not None:
            self._drawing.wait()
        if not self.cards:
            return
        ahead = self._drawing.given if self._drawing is not None else 0
        stats = write_cards(Path(site_dir), self.cards, self.cache_dir)
        log.info(
            f"social cards: {len(stats.written)} written, {stats.drawn + ahead} drawn, "
            f"{stats.cached - ahead} from the cache"
        )

    def cancel(self) -> None:
        if self._drawing is not None:
            self._drawing.cancel()
