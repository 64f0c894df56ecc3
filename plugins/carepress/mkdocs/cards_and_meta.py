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
from ..publish.slides import (
    NO_VISUALS,
    CarouselJob,
    Visuals,
    carousel_job,
    draw_carousel_into_cache,
    write_pdfs,
)
from ..settings import Settings

log = get_plugin_logger(__name__)

CACHE_DIR = ".cache/carepress/cards"


def _draw(job: tuple[CardSpec, Path] | CarouselJob) -> None:
    """One job of the background drawing: a card, or a post's slides and their PDF."""
    if isinstance(job, CarouselJob):
        draw_carousel_into_cache(job)
    else:
        draw_into_cache(job)


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
        self.cards: dict[str, CardSpec] = {}  # path in the site -> what the picture shows
        self.pdfs: dict[str, tuple[CardSpec, ...]] = {}  # a carousel's PDF -> its slides
        self._drawing: InBackground | None = None
        self._ahead = 0

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
        spec = post_card(fm, safeguards, self.settings.practice.name, self.settings.card_colours)
        # Two published posts never share a slug (checks/collisions.py): one card each, and
        # its portrait twin for Instagram when the hub asks for them.
        self.cards.update(post_cards(spec, address.slug, self.settings.options.snippets.portraits))
        visuals = self._visuals(report)
        self.cards.update(visuals.cards)
        if visuals.pdf:
            self.pdfs[visuals.pdf] = tuple(visuals.slides.values())
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
        jobs: dict[Path, tuple[CardSpec, Path] | CarouselJob] = {}
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
            landscape = post_card(fm, safeguards, self.settings.practice.name,
                                  self.settings.card_colours)  # fmt: skip
            visuals = self._visuals(report)
            if visuals.slides:
                job = carousel_job(tuple(visuals.slides.values()), self.cache_dir)
                if not job.pdf.is_file() or any(not p.is_file() for _, p in job.slides):
                    jobs[job.pdf] = job
            specs = [*post_cards(landscape, address.slug, portraits).values(),
                     *visuals.quote.values()]
            for spec in specs:
                path = cache_path(spec, self.cache_dir)
                if not path.is_file():
                    jobs[path] = (spec, path)  # two posts, one card: drawn once
        # How many pictures the jobs draw (a carousel job draws its missing slides): the
        # build's log counts them as drawn, not as taken from the cache.
        self._ahead = sum(
            sum(not path.is_file() for _, path in job.slides) if isinstance(job, CarouselJob)
            else 1 for job in jobs.values()
        )  # fmt: skip
        self._drawing = InBackground(_draw, list(jobs.values()), workers)

    @staticmethod
    def _visuals(report: Post) -> Visuals:
        """The post's slides and quote card, as its check laid them out."""
        return report.visuals or NO_VISUALS

    def _site_card(self) -> CardSpec:
        return CardSpec(self.site_name, self.settings.practice.name,
                        colours=self.settings.card_colours)  # fmt: skip

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
        ahead = self._ahead if self._drawing is not None else 0
        stats = write_cards(Path(site_dir), self.cards, self.cache_dir)
        write_pdfs(Path(site_dir), self.pdfs, self.cache_dir)
        log.info(
            f"social cards: {len(stats.written)} written, {stats.drawn + ahead} drawn, "
            f"{stats.cached - ahead} from the cache"
            + (f"; {len(self.pdfs)} carousel PDFs" if self.pdfs else "")
        )

    def cancel(self) -> None:
        if self._drawing is not None:
            self._drawing.cancel()
