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

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from ..check import PostReport
from ..publish.cards import CardSpec, card_alt_text, write_cards
from ..publish.meta import Card, PageMeta, post_meta, website_meta
from ..safeguards import Safeguards
from ..settings import Settings

log = get_plugin_logger(__name__)

CACHE_DIR = ".cache/carepress/cards"


class SharingCollector:
    def __init__(
        self,
        settings: Settings,
        config: MkDocsConfig,
        reports: Mapping[str, PostReport],
        safeguards: Mapping[str, Safeguards],
        now: dt.datetime,
    ) -> None:
        self.settings = settings
        self.reports = reports
        self.safeguards = safeguards
        self.now = now
        self.site_name = config.site_name
        self.site_url = config.site_url or None
        self.description = config.site_description or ""
        self.language = str(config.theme.get("language") or "en")
        self.cache_dir = settings.root / CACHE_DIR
        self.cards: dict[str, CardSpec] = {}  # slug -> what its card shows

    def page_meta(self, page: Page) -> PageMeta:
        src_uri = page.file.src_uri
        report = self.reports.get(src_uri)
        safeguards = self.safeguards.get(src_uri)
        if report is None:
            return self._website_meta(page)
        fm = report.front_matter
        address = report.address
        if fm is None or safeguards is None or address is None or not fm.is_published(self.now):
            return PageMeta(())  # a draft in the preview, or a broken post: nothing to share
        spec = CardSpec(
            title=fm.title,
            practice=self.settings.practice.name,
            warnings=tuple(w.label for w in safeguards.warnings),
        )
        # Two published posts never share a slug (checks/addresses.py): one card each.
        self.cards[address.slug] = spec
        card = None
        if self.site_url:
            card_url = address.card_url
            card = Card(card_url, card_alt_text(spec))
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

    def _website_meta(self, page: Page) -> PageMeta:
        description = page.meta.get("description") if page.meta else None
        # Titles may arrive HTML-escaped (the plugin escapes some at their source in on_nav);
        # the template escapes every value, so unescape first to avoid "&amp;amp;".
        title = "" if page.is_homepage else html.unescape(str(page.title or ""))
        return website_meta(
            title=title or self.site_name,
            description=description if isinstance(description, str) else self.description,
            url=page.canonical_url,
            site_name=self.site_name,
        )

    def write(self, site_dir: str) -> None:
        if not self.cards:
            return
        stats = write_cards(Path(site_dir), self.cards, self.cache_dir)
        per_card = stats.seconds_drawing / stats.drawn if stats.drawn else 0.0
        log.info(
            f"social cards: {len(stats.written)} written, {stats.drawn} drawn "
            f"({per_card * 1000:.0f} ms each), {stats.cached} from the cache"
        )
