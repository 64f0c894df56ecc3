"""A Content-Security-Policy for every page: scripts only from the site, and the theme's own
inline scripts by their hashes; nothing loaded from another host.

The allowlist keeps script out of what a post renders to; the policy is the second wall,
for anything that reaches a page some other way (a template override, another plugin).
Material writes a few small inline scripts from its `partials/javascripts/*.html` templates
(palette, the storage helpers, content tabs). They are rendered here the way the theme
renders them, for every folder depth of the site (one of them holds the relative base
URL), and hashed: the policy allows exactly those, never `'unsafe-inline'`. Every page is
then checked for an inline script outside that set (`unlisted_scripts`), which the build
refuses, as a browser would refuse to run it.

The same policy goes into a `_headers` file (Netlify, Cloudflare Pages), where a header can
add what a `<meta>` cannot (`frame-ancestors`).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..publish.outputs import SHARE_DIR
from ..sanitise import TABLE_ALIGNMENTS

if TYPE_CHECKING:  # the policy itself needs no MkDocs: `carepress publish` writes it too
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

THEME_SCRIPTS = "partials/javascripts/"
HEADERS_FILE = "_headers"

# An inline script a browser runs: no src, and no type or a JavaScript one (JSON data such as
# Material's __config or the JSON-LD is not run, and the policy does not govern it).
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTRIBUTE = re.compile(r"""([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_JS_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})


def inline_scripts(page_html: str) -> list[str]:
    """The text of each inline script of a page that a browser would run."""
    found = []
    for match in _SCRIPT.finditer(page_html):
        attrs, body = match.group(1), match.group(2)
        if _SRC.search(attrs):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") in _JS_TYPES:
            found.append(body)
    return found


def csp_hash(body: str) -> str:
    """How a policy names an inline script (or style attribute) it allows."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _theme_scripts(env: Environment) -> list[str]:
    """The templates under partials/javascripts/. A theme's folders hold thousands of icon
    files that Jinja's own list_templates() walks and sorts (~60 ms a build): a file-system
    loader is asked only for that one folder."""
    from jinja2 import FileSystemLoader

    loader = env.loader
    if not isinstance(loader, FileSystemLoader):
        return [n for n in env.list_templates() if n.startswith(THEME_SCRIPTS)]
    names: set[str] = set()
    for root in loader.searchpath:
        folder = Path(root, THEME_SCRIPTS)
        if folder.is_dir():
            names.update(THEME_SCRIPTS + path.relative_to(folder).as_posix()
                         for path in folder.rglob("*") if path.is_file())  # fmt: skip
    return sorted(names)


class ContentSecurity:
    """The site's policy: built once per build, in on_env, from the theme's templates."""

    def __init__(self, hashes: Iterable[str]) -> None:
        self.hashes = frozenset(hashes)

    @classmethod
    def for_site(cls, env: Environment, config: MkDocsConfig, files: Files) -> ContentSecurity:
        names = _theme_scripts(env)
        hashes: set[str] = set()
        for base_url in _base_urls(config, files):
            context = {"config": config, "base_url": base_url}
            for name in names:
                rendered = env.get_template(name).render(context)
                hashes.update(csp_hash(body) for body in inline_scripts(rendered))
        return cls(hashes)

    def policy(self) -> str:
        scripts = " ".join(["'self'", *sorted(self.hashes)])
        # The only style attributes a page may hold: a table cell's alignment (sanitise.py).
        aligned = sorted(map(csp_hash, TABLE_ALIGNMENTS))
        styles = " ".join(["'self'", "'unsafe-hashes'", *aligned])
        return "; ".join(
            [
                "default-src 'self'",
                f"script-src {scripts}",
                f"style-src {styles}",
                "img-src 'self' data:",  # the theme's icons are data: images in its CSS
                "font-src 'self'",
                "connect-src 'self'",
                "media-src 'self'",
                "object-src 'none'",
                "frame-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
            ]
        )

    def meta(self) -> str:
        """The `<meta>` the head of every page starts with."""
        return f'<meta http-equiv="Content-Security-Policy" content="{self.policy()}">'

    def carried_by(self, page_html: str) -> bool:
        """Whether the page's head holds this policy: as printed, or as a plugin after
        CarePress rewrote the tag (a minifier drops quotes and reorders nothing else)."""
        head = page_html.partition("</head>")[0]
        if self.meta() in head:
            return True
        policy = self.policy()
        for tag in _META.finditer(head):
            # One of the three value groups matched (quoted twice, or bare); the others are "".
            attrs = {
                name.lower(): html.unescape("".join(values))
                for name, *values in _ATTRIBUTE.findall(tag.group(0))
            }
            if (attrs.get("http-equiv", "").lower() == "content-security-policy"
                    and attrs.get("content") == policy):  # fmt: skip
                return True
        return False

    def unlisted_scripts(self, page_html: str) -> list[str]:
        """The start of each inline script on the page the policy would not run."""
        return [
            " ".join(body.split())[:60]
            for body in inline_scripts(page_html)
            if csp_hash(body) not in self.hashes
        ]

    def write_headers(self, site_dir: str) -> None:
        """`_headers` for hosts that read it (Netlify, Cloudflare Pages); README: nginx, Caddy."""
        text = (
            "/*\n"
            f"  Content-Security-Policy: {self.policy()}; frame-ancestors 'none'\n"
            "  Referrer-Policy: strict-origin-when-cross-origin\n"
            "  X-Content-Type-Options: nosniff\n"
            "  Permissions-Policy: camera=(), microphone=(), geolocation=(), "
            "interest-cohort=()\n"
            # The share kits and the practice's calendar are for the practice: kept out of
            # search engines, the .ics and snippets files too (they cannot carry a meta tag).
            f"/{SHARE_DIR}/*\n"
            "  X-Robots-Tag: noindex\n"
        )
        Path(site_dir, HEADERS_FILE).write_text(text, encoding="utf-8")


def _base_urls(config: MkDocsConfig, files: Files) -> set[str]:
    """Every base_url a page of this site is rendered with: relative, one per folder depth
    (`.`, `..`, `../..`), and the absolute one of the 404 page."""
    depths = {file.dest_uri.count("/") for file in files.documentation_pages()}
    depths |= {0, 1}  # the home page; the share kits, one folder down from social/
    urls = {"/".join([".."] * depth) or "." for depth in depths}
    urls.add(urlsplit(config.site_url or "/").path or "/")
    return urls
