"""The share kit's side of the MkDocs plugin: a page per published post at social/<slug>/,
a profile-kit page, and social/snippets.json + snippets.csv.

The pages are generated MkDocs pages (so they get the theme), kept out of the nav, the
search index and the sitemap, and marked noindex: they are for the practice, not readers.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..check import PostReport
from ..publish.cards import CardSpec, card_alt_text, card_file_name
from ..publish.profile import profile_kit
from ..publish.share import SharedPost, snippets_csv, snippets_json
from ..publish.urls import post_path, post_slug
from ..settings import Settings

SHARE_DIR = "social"
_PAGE = """---
title: {title}
template: carepress-share-kit.html
carepress_noindex: true
search:
  exclude: true
hide: [navigation, toc]
---
"""


class ShareKits:
    def __init__(self, settings: Settings, reports: Mapping[str, PostReport], now: dt.datetime):
        self.settings = settings
        self.enabled = settings.options.snippets.enabled
        self.posts: dict[str, SharedPost] = {}  # by the share page's src_uri
        self.profile = profile_kit(settings) if self.enabled else {}
        if not self.enabled:
            return
        for report in reports.values():
            model, safeguards = report.front_matter, report.safeguards
            if model is None or safeguards is None or report.has_errors:
                continue
            if not model.is_published(now) or model.is_expired(now):
                continue
            slug = post_slug(model)
            url = (settings.site_url or "https://example.invalid/") + post_path(
                model, report.path, settings
            )
            snippets = report.snippets  # composed by the check, for this same address
            spec = CardSpec(
                model.title, settings.practice.name, tuple(w.label for w in safeguards.warnings)
            )
            card_path = card_file_name(slug)
            card = (settings.site_url or "/") + card_path
            self.posts[f"{SHARE_DIR}/{slug}.md"] = SharedPost(
                slug,
                model.title,
                url,
                model.created.isoformat(),
                tuple(model.content_warnings),
                card_path,
                card,
                card_alt_text(spec),
                snippets,
            )

    def add_pages(self, files: Files, config: MkDocsConfig, temp_dir: Path) -> None:
        pages = {src: f"Share kit: {post.title}" for src, post in self.posts.items()}
        if self.enabled:
            pages[f"{SHARE_DIR}/profile.md"] = "Profile kit"
        for src_uri, title in pages.items():
            path = temp_dir / src_uri
            path.parent.mkdir(parents=True, exist_ok=True)
            # JSON strings are valid YAML: any title is safe in the generated front matter.
            path.write_text(_PAGE.format(title=json.dumps(title, ensure_ascii=False)), "utf-8")
            files.append(
                File.generated(
                    config, src_uri, abs_src_path=str(path), inclusion=InclusionLevel.NOT_IN_NAV
                )
            )

    def context(self, page: Page) -> dict | None:
        src_uri = page.file.src_uri
        if src_uri in self.posts:
            return {"post": self.posts[src_uri], "profile": None}
        if self.enabled and src_uri == f"{SHARE_DIR}/profile.md":
            return {"post": None, "profile": self.profile}
        return None

    def write(self, site_dir: str) -> None:
        if not self.enabled:
            return
        out = Path(site_dir) / SHARE_DIR
        out.mkdir(parents=True, exist_ok=True)
        posts = sorted(self.posts.values(), key=lambda p: (p.published, p.slug), reverse=True)
        (out / "snippets.json").write_text(snippets_json(posts, self.profile), "utf-8")
        (out / "snippets.csv").write_text(snippets_csv(posts), "utf-8")
