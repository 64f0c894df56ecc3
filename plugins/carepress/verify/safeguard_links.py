"""The safeguards' links lead to a file of the site: the footer's and each crisis box's link
to the crisis page, on every page and in every feed. A link to an address the site has no
file at (`crisis/` in a site built with `use_directory_urls: false`, which has crisis.html)
is a 404 for a reader looking for help, and nothing else would notice it."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from urllib.parse import unquote, urlsplit

from ..findings import Finding
from .rules import BROKEN_LINK, site_finding
from .safeguards import _parser
from .site_files import SiteFiles

# The safeguards' elements: the disclaimer, the banners and the crisis box
# (data-carepress="..."), and the footer every page carries.
_SAFEGUARDS = (
    "//*[@data-carepress or contains(concat(' ', normalize-space(@class), ' '), "
    "' carepress-footer ')]//a[@href]"
)
_FEED_BOX = re.compile(r'<div data-carepress="crisis-box">.*?</div>', re.S)
_HREF = re.compile(r'href="([^"]*)"')
_FEEDS = (".xml", ".json")


def _target(page: str, href: str, site_url: str) -> str | None:
    """The file in the site a link from `page` reaches; None for a link off the site (a
    phone number, another host) or to the page itself."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        if not site_url or not href.startswith(site_url):
            return None
        path = href[len(site_url):]
    elif href.startswith("/"):
        prefix = urlsplit(site_url).path if site_url else "/"
        if not parts.path.startswith(prefix):
            return parts.path  # outside the site's folder: reported as it is
        path = parts.path[len(prefix):]
    else:
        if not parts.path:
            return None  # "#anchor" on the page itself
        path = posixpath.join(posixpath.dirname(page), parts.path)
    path = unquote(urlsplit(path).path)
    folder = path.endswith("/") or path in ("", ".")
    path = posixpath.normpath(path) if path not in ("", ".") else ""
    path = "" if path == "." else path
    return f"{path}/index.html".lstrip("/") if folder else path


def _links(relative: str, raw: str) -> Iterator[str]:
    if relative.endswith(_FEEDS):
        for box in _FEED_BOX.finditer(raw):
            yield from _HREF.findall(box.group(0))
        return
    from lxml import etree

    root = etree.fromstring(raw, _parser())
    if root is not None:
        for anchor in root.xpath(_SAFEGUARDS):
            yield anchor.get("href") or ""


def safeguard_link_findings(files: SiteFiles, site_url: str,
                            shown_as: Callable[[str], str]) -> list[Finding]:  # fmt: skip
    findings = []
    for relative in files.paths:
        if not relative.endswith((".html", *_FEEDS)):
            continue
        found = files.read(relative)
        if found is None or "carepress" not in found.raw:
            continue
        raw = found.text if relative.endswith(_FEEDS) else found.raw  # feeds: decoded
        missing = sorted({href for href in _links(relative, raw)
                          if (target := _target(relative, href, site_url)) is not None
                          and not files.exists(target)})  # fmt: skip
        if missing:
            findings.append(site_finding(
                shown_as(relative), BROKEN_LINK,
                f"a safeguard links to {', '.join(missing)}, which is no file of the site "
                "(a reader looking for crisis help would reach a 404)",
                "build the site again with the same mkdocs.yml (use_directory_urls, "
                "site_url); keep content/crisis.md and the overrides' carepress-*.html "
                "partials as CarePress ships them",
            ))  # fmt: skip
    return findings
