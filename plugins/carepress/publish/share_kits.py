"""The share kits: a page per published post at social/<slug>/, a profile-kit page, and
social/snippets.json + snippets.csv.

The pages come from one small template (overrides/carepress-share-kit.html) that uses the
theme's stylesheets: a full theme page per post would cost the build another page render
per post, and these pages are for the practice, not readers. They are noindex and never in
the nav, the search index or the sitemap. The MkDocs plugin writes them after its build;
`carepress publish` writes them after any other engine's.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Template, TemplateError

from ..atomic_write import keep_newest, write_atomically
from ..calendar.site_calendar import SITE_CALENDAR, coming_up, site_calendar
from ..engine import Post
from ..file_digest import sha256_of_parts
from ..settings import Settings
from .outputs import CALENDAR_PAGE, PROFILE_KIT, SHARE_DIR
from .platforms import PLATFORMS
from .profile import profile_kit
from .snippet_files import SharedPost, shared_post, write_snippets_csv, write_snippets_json

TEMPLATE = "carepress-share-kit.html"
# Each post's share-kit page as last rendered, by the hash of all it is made of: a rebuild
# copies the unchanged ones into the site (as it does the feeds) instead of rendering them.
PAGE_CACHE = Path(".cache") / "carepress" / "share-kits"


class ShareKitError(Exception):
    """The hub's copy of the template cannot be rendered."""


def page_of(name: str, directory_urls: bool) -> str:
    """A share-kit page's path in the site."""
    return f"{SHARE_DIR}/{name}/index.html" if directory_urls else f"{SHARE_DIR}/{name}.html"


def page_address(name: str, directory_urls: bool) -> str:
    """Its address from the site's root, as links write it (social/<name>/)."""
    return page_of(name, directory_urls).removesuffix("index.html")


@dataclass(frozen=True)
class SiteLook:
    """What a share-kit page takes from the site: its name, language, the theme's
    stylesheets and palettes, the site's own CSS and scripts (paths under the site)."""

    site_name: str
    language: str
    theme_css: Sequence[str]
    palette: Any  # the theme's `palette:` (one mapping or a list)
    extra_css: Sequence[str]
    extra_javascript: Sequence[str]
    csp_meta: str


def theme_stylesheets(paths: Iterable[str]) -> list[str]:
    """Material's main and palette stylesheets among the site's files."""
    return sorted(
        p for p in paths
        if p.startswith("assets/stylesheets/") and p.endswith(".min.css")
        and posixpath.basename(p).split(".")[0] in ("main", "palette")
    )  # fmt: skip


_STYLESHEET = re.compile(r'<link rel="stylesheet" href="(?:\./)?([^"]+)"')


def linked_theme_stylesheets(home_page: str) -> list[str]:
    """The theme's main and palette stylesheets as the built home page links them (another
    engine may ship several variants: the one its pages use)."""
    return theme_stylesheets(html.unescape(m) for m in _STYLESHEET.findall(home_page))


def _palettes(palette: Any) -> list[dict[str, str]]:
    found = [
        {
            "media": str(p.get("media") or ""),
            "scheme": str(p.get("scheme") or "default").replace(" ", "-"),
            "primary": str(p.get("primary") or "indigo").replace(" ", "-"),
            "accent": str(p.get("accent") or "indigo").replace(" ", "-"),
        }
        for p in (palette if isinstance(palette, list) else [palette or {}])
        if isinstance(p, dict)
    ]
    return found or [{"media": "", "scheme": "default", "primary": "indigo", "accent": "indigo"}]


# A share-kit text box is about this many characters wide on a phone (the narrowest case).
BOX_CHARACTERS = 42


def text_rows(text: str) -> int:
    """How many rows a text box needs to show all of `text` without scrolling: its lines,
    and the long ones wrapped (the box grows to fit where browsers can: field-sizing)."""
    lines = (text or "").split("\n")
    return max(1, sum(max(1, -(-len(line) // BOX_CHARACTERS)) for line in lines))


def kit_context(page: str, look: SiteLook) -> dict[str, Any]:
    """The page's `kit` values: where home is (relative, so the site works from any
    address), the stylesheets, colours and scripts."""
    home = posixpath.relpath(".", posixpath.dirname(page)) + "/"

    def link(path: str) -> str:
        return path if "://" in path or path.startswith("/") else home + path

    palettes = _palettes(look.palette)
    return {
        "home": home,
        "csp_meta": look.csp_meta,  # the site's policy; no inline script here
        "base_url": home.rstrip("/"),
        "site_name": look.site_name,
        "language": look.language,
        "stylesheets": [link(p) for p in look.theme_css] + [link(str(p)) for p in look.extra_css],
        "scripts": [link(str(p)) for p in look.extra_javascript],
        # The first palette; carepress-share.js switches to the one whose media query
        # matches, as the theme's own script does on its pages.
        "colors": {k: v for k, v in palettes[0].items() if k != "media"},
        "palettes": palettes,
        "platforms": PLATFORMS,
        "rows": text_rows,  # each text box as tall as its text
        # Before platforms were records; a hub's older copy of the template reads this.
        "platform_names": {key: platform.label for key, platform in PLATFORMS.items()},
    }


COMING_UP_WEEKS = 12  # on the calendar page


class ShareKits:
    def __init__(self, settings: Settings, reports: Iterable[Post], now: dt.datetime) -> None:
        self.enabled = settings.options.snippets.enabled
        self.directory_urls = settings.addressing.directory_urls
        # By the page's name under social/ (two published posts never share a slug: see
        # checks/collisions.py).
        self.posts: dict[str, SharedPost] = {}
        self.profile = profile_kit(settings) if self.enabled else {}
        self.calendar = b""
        self.coming_up: list[dict[str, object]] = []
        self._kept: tuple[Path, bytes] | None = None
        if not self.enabled:
            return
        reports = list(reports)
        self.calendar = site_calendar(reports, settings, now)
        self.coming_up = coming_up(reports, settings, now, COMING_UP_WEEKS)
        for report in reports:
            post = shared_post(report, settings, now)
            if post is not None:
                self.posts[post.slug] = post

    def keep_pages(self, settings: Settings, hub: bytes) -> None:
        """Keep the post pages between builds, under a key made of `hub` (the hash of the
        hub's configuration and CarePress: report_cache.hub_fingerprint), the theme
        overrides' files (the template and anything it includes), the site's look and the
        post's own values."""
        overrides = []
        if settings.custom_dir is not None and settings.custom_dir.is_dir():
            for path in sorted(settings.custom_dir.rglob("*")):
                if path.is_file():
                    overrides += [str(path).encode(), path.read_bytes()]
        key = sha256_of_parts([hub, *overrides])
        # A folder per configuration: a `mkdocs serve` and a build of one hub can run at once.
        self._kept = (settings.root / PAGE_CACHE / key.hex()[:16], key)

    def write(self, site_dir: Path, template: Template, look: SiteLook,
              extra: Mapping[str, Any] | None = None) -> None:  # fmt: skip
        """Every share-kit page and snippet file. `extra`: more values for the template
        (MkDocs passes its `config`, which an older copy of the template may read)."""
        if not self.enabled:
            return
        out = site_dir / SHARE_DIR
        out.mkdir(parents=True, exist_ok=True)
        site = kit_context(page_of(PROFILE_KIT, self.directory_urls), look)  # same depth

        calendar_page = page_of(CALENDAR_PAGE, self.directory_urls)

        def render(title: str, post: SharedPost | None, profile: Any, **more: Any) -> str:
            kit = {"title": title, "post": post, "profile": profile, **more} | site
            try:
                return template.render(kit=kit, page=None, base_url=site["base_url"],
                                       **(extra or {}))  # fmt: skip
            except TemplateError as exc:  # the hub's own copy of the template
                raise ShareKitError(
                    f"CarePress: {TEMPLATE} (in the theme overrides) cannot be rendered: "
                    f"{exc}. Compare it with the template of the CarePress sample hub."
                ) from exc

        pages = {
            name: (post, site_dir / page_of(name, self.directory_urls))
            for name, post in self.posts.items()
        }
        if self._kept is None:
            for post, target in pages.values():
                _write(target, render(f"Share kit: {post.title}", post, None))
        else:
            folder, base = self._kept
            base = sha256_of_parts([base, repr((look, self.directory_urls)).encode()])
            used = set()
            for post, target in pages.values():
                kept = folder / (sha256_of_parts([base, repr(post).encode()]).hex() + ".html")
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    shutil.copyfile(kept, target)  # a copy: a site file may be edited in place
                except FileNotFoundError:
                    page = render(f"Share kit: {post.title}", post, None)
                    write_atomically(kept, page.encode("utf-8"))
                    _write(target, page)
                used.add(kept.name)
            for old in folder.glob("*.html"):  # pages of posts since changed or gone
                if old.name not in used:
                    old.unlink(missing_ok=True)
            if folder.is_dir():
                keep_newest(folder)
        _write(site_dir / page_of(PROFILE_KIT, self.directory_urls),
               render("Profile kit", None, self.profile,
                      calendar_url=site["home"] + page_address(CALENDAR_PAGE,
                                                               self.directory_urls)))
        _write(site_dir / calendar_page,
               render("Calendar", None, None, calendar_page=True, coming_up=self.coming_up,
                      coming_up_weeks=COMING_UP_WEEKS))  # fmt: skip
        posts = sorted(self.posts.values(), key=lambda p: (p.published, p.slug), reverse=True)
        write_snippets_json(out / "snippets.json", posts, self.profile)
        write_snippets_csv(out / "snippets.csv", posts)
        (out / SITE_CALENDAR).write_bytes(self.calendar)


def _write(target: Path, html: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, "utf-8")
