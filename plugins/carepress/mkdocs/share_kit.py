"""The share kit's side of the MkDocs plugin: a page per published post at social/<slug>/,
a profile-kit page, and social/snippets.json + snippets.csv.

The pages are written after the build from one small template (overrides/carepress-share-
kit.html) that uses the theme's stylesheets: a full theme page per post would cost the build
another page render per post, and these pages are for the practice, not readers. They are
noindex and never in the nav, the search index or the sitemap.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from ..check import PostReport
from ..publish.cards import CardSpec, card_alt_text, card_file_name
from ..publish.profile import profile_kit
from ..publish.share import SharedPost, snippets_csv, snippets_json
from ..publish.social_text import PLATFORM_NAMES
from ..publish.urls import post_path, post_slug
from ..settings import Settings

SHARE_DIR = "social"
TEMPLATE = "carepress-share-kit.html"


class ShareKits:
    def __init__(self, settings: Settings, reports: Mapping[str, PostReport], now: dt.datetime):
        self.settings = settings
        self.enabled = settings.options.snippets.enabled
        self.posts: dict[str, SharedPost] = {}  # by the page's path under social/
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
            self.posts[slug] = SharedPost(
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

    def write(self, site_dir: str, env: Environment, config: MkDocsConfig, files: Files) -> None:
        if not self.enabled:
            return
        out = Path(site_dir) / SHARE_DIR
        out.mkdir(parents=True, exist_ok=True)
        template = env.get_template(TEMPLATE)
        pages: dict[str, dict[str, Any]] = {
            name: {"title": f"Share kit: {post.title}", "post": post, "profile": None}
            for name, post in self.posts.items()
        }
        pages["profile"] = {"title": "Profile kit", "post": None, "profile": self.profile}

        def page_of(name: str) -> str:
            directory = config.use_directory_urls
            return f"{SHARE_DIR}/{name}/index.html" if directory else f"{SHARE_DIR}/{name}.html"

        site = _site_context(page_of("profile"), config, files)  # all pages: the same depth
        for name, kit in pages.items():
            target = Path(site_dir) / page_of(name)
            kit |= site
            target.parent.mkdir(parents=True, exist_ok=True)
            # `page` and `base_url` as MkDocs gives them to templates, for the `url` filter.
            html = template.render(kit=kit, config=config, page=None, base_url=site["base_url"])
            target.write_text(html, "utf-8")
        posts = sorted(self.posts.values(), key=lambda p: (p.published, p.slug), reverse=True)
        (out / "snippets.json").write_text(snippets_json(posts, self.profile), "utf-8")
        (out / "snippets.csv").write_text(snippets_csv(posts), "utf-8")


def _site_context(page: str, config: MkDocsConfig, files: Files) -> dict[str, Any]:
    """What a share-kit page needs from the site: where home is (relative, so the site works
    from any address), the theme's stylesheets and colours, the site's own CSS and scripts."""
    home = posixpath.relpath(".", posixpath.dirname(page)) + "/"

    def link(path: str) -> str:
        return path if "://" in path or path.startswith("/") else home + path

    theme_css = sorted(
        f.src_uri
        for f in files
        if f.src_uri.startswith("assets/stylesheets/")
        and f.src_uri.endswith(".min.css")
        and posixpath.basename(f.src_uri).split(".")[0] in ("main", "palette")
    )
    palette = config.theme.get("palette") or {}
    palettes = [
        {
            "media": str(p.get("media") or ""),
            "scheme": str(p.get("scheme") or "default").replace(" ", "-"),
            "primary": str(p.get("primary") or "indigo").replace(" ", "-"),
            "accent": str(p.get("accent") or "indigo").replace(" ", "-"),
        }
        for p in (palette if isinstance(palette, list) else [palette])
        if isinstance(p, dict)
    ] or [{"media": "", "scheme": "default", "primary": "indigo", "accent": "indigo"}]
    return {
        "home": home,
        "base_url": home.rstrip("/"),
        "site_name": config.site_name,
        "language": str(config.theme.get("language") or "en"),
        "stylesheets": [link(p) for p in theme_css] + [link(str(p)) for p in config.extra_css],
        "scripts": [link(str(p)) for p in config.extra_javascript],
        # The first palette; carepress-share.js switches to the one whose media query
        # matches, as the theme's own script does on its pages.
        "colors": {k: v for k, v in palettes[0].items() if k != "media"},
        "palettes": palettes,
        "platform_names": PLATFORM_NAMES,
    }
