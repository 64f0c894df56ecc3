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

from jinja2 import Environment, TemplateError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from ..engine import Post
from ..publish.outputs import SHARE_DIR
from ..publish.platforms import PLATFORMS
from ..publish.profile import profile_kit
from ..publish.snippet_files import (
    SharedPost,
    shared_post,
    write_snippets_csv,
    write_snippets_json,
)
from ..settings import Settings
from .content_security import ContentSecurity

log = get_plugin_logger(__name__)

TEMPLATE = "carepress-share-kit.html"


def page_of(name: str, config: MkDocsConfig) -> str:
    """A share-kit page's path in the site."""
    if config.use_directory_urls:
        return f"{SHARE_DIR}/{name}/index.html"
    return f"{SHARE_DIR}/{name}.html"


class KitPages:
    """Renders share-kit pages from the hub's template (overrides/carepress-share-kit.html)."""

    def __init__(self, env: Environment, config: MkDocsConfig, files: Files) -> None:
        self.template = env.get_template(TEMPLATE)
        self.config = config
        self.site = _site_context(page_of("profile", config), config, files)  # same depth

    def html(self, title: str, post: SharedPost | None, profile: Mapping[str, Any] | None) -> str:
        kit = {"title": title, "post": post, "profile": profile} | self.site
        # `page` and `base_url` as MkDocs gives them to templates, for the `url` filter.
        try:
            return self.template.render(
                kit=kit, config=self.config, page=None, base_url=self.site["base_url"]
            )
        except TemplateError as exc:  # the hub's own copy of the template
            raise PluginError(
                f"CarePress: {TEMPLATE} (in the theme overrides) cannot be rendered: {exc}. "
                "Compare it with the template of the CarePress sample hub."
            ) from exc

    def post_html(self, post: SharedPost) -> str:
        return self.html(f"Share kit: {post.title}", post, None)


class ShareKits:
    def __init__(self, settings: Settings, reports: Mapping[str, Post], now: dt.datetime):
        self.enabled = settings.options.snippets.enabled
        # By the page's name under social/ (two published posts never share a slug: see
        # checks/addresses.py).
        self.posts: dict[str, SharedPost] = {}
        self.profile = profile_kit(settings) if self.enabled else {}
        if not self.enabled:
            return
        for report in reports.values():
            post = shared_post(report, settings, now)
            if post is not None:
                self.posts[post.slug] = post

    def write(self, site_dir: str, env: Environment, config: MkDocsConfig, files: Files) -> None:
        if not self.enabled:
            return
        out = Path(site_dir) / SHARE_DIR
        out.mkdir(parents=True, exist_ok=True)
        pages = KitPages(env, config, files)
        for name, post in self.posts.items():
            self._write(Path(site_dir) / page_of(name, config), pages.post_html(post))
        log.info(f"share kits: {len(self.posts)} post pages and the profile kit")
        self._write(Path(site_dir) / page_of("profile", config),
                    pages.html("Profile kit", None, self.profile))  # fmt: skip
        posts = sorted(self.posts.values(), key=lambda p: (p.published, p.slug), reverse=True)
        write_snippets_json(out / "snippets.json", posts, self.profile)
        write_snippets_csv(out / "snippets.csv", posts)

    @staticmethod
    def _write(target: Path, html: str) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, "utf-8")


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
        "csp_meta": ContentSecurity(()).meta(),  # the site's policy; no inline script here
        "base_url": home.rstrip("/"),
        "site_name": config.site_name,
        "language": str(config.theme.get("language") or "en"),
        "stylesheets": [link(p) for p in theme_css] + [link(str(p)) for p in config.extra_css],
        "scripts": [link(str(p)) for p in config.extra_javascript],
        # The first palette; carepress-share.js switches to the one whose media query
        # matches, as the theme's own script does on its pages.
        "colors": {k: v for k, v in palettes[0].items() if k != "media"},
        "palettes": palettes,
        "platforms": PLATFORMS,
        # Before platforms were records; a hub's older copy of the template reads this.
        "platform_names": {key: platform.label for key, platform in PLATFORMS.items()},
    }
