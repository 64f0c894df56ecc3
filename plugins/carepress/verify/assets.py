"""Nothing a reader's browser loads comes from another host: scripts, stylesheets, fonts,
pictures, frames and media of every page, and what the site's stylesheets import. Links a
reader chooses to follow are not loads and are not judged here."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from lxml import etree

from ..findings import Finding
from ..sanitise import THEME_LOADING_CLASSES, as_read
from .rules import THIRD_PARTY, site_finding
from .site_files import SiteFiles

# Attributes that make the browser fetch, by element.
_LOADS = {
    "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"),
    "video": ("src", "poster"), "audio": ("src",), "track": ("src",), "iframe": ("src",),
    "frame": ("src",), "embed": ("src",), "object": ("data",), "input": ("src",),
    "image": ("href", "{http://www.w3.org/1999/xlink}href"), "use": ("href",),
}  # fmt: skip
# <link rel=...> values that fetch (or open a connection to) their href.
_LOADING_RELS = {"stylesheet", "icon", "apple-touch-icon", "preload", "prefetch",
                 "modulepreload", "manifest", "preconnect", "dns-prefetch", "prerender",
                 "mask-icon"}  # fmt: skip
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)
_CSS_IMAGE_SET = re.compile(r"image-set\(([^)]*)\)", re.IGNORECASE)  # image-set("a.png" 1x)
_CSS_STRING = re.compile(r"""["']([^"']+)["']""")
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})\s?|(.))", re.DOTALL)
_PARSER = etree.HTMLParser(no_network=True, huge_tree=True)


def _host(url: str) -> str | None:
    """The host a URL would load from, or None for one on this site (or not fetched), read
    as a browser reads it: "/\\host/x" and "/<tab>/host/x" are "//host/x", and "http:host"
    (any number of slashes) names a host too."""
    url = as_read(url)
    if url.lower().startswith(("http:", "https:")):
        rest = url.split(":", 1)[1]
    elif url.startswith("//"):
        rest = url
    else:
        return None
    try:
        return (urlsplit("//" + rest.lstrip("/")).hostname or "").lower() or None
    except ValueError:  # "//[::1": a browser loads nothing from it either
        return None


def _srcset(value: str) -> Iterator[str]:
    for candidate in value.split(","):
        if candidate.strip():
            yield candidate.split()[0]


def _page_urls(raw: str) -> Iterator[str]:
    root = etree.fromstring(raw, _PARSER)
    if root is None:
        return
    for element in root.iter(tag=etree.Element):
        tag = element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""
        for attribute in _LOADS.get(tag, ()):
            value = element.get(attribute)
            if value:
                yield from (_srcset(value) if attribute == "srcset" else (value,))
        rels = set((element.get("rel") or "").lower().split())
        if tag == "link" and _LOADING_RELS & rels and element.get("href"):
            yield element.get("href") or ""
        if element.get("style"):
            yield from _css_urls(element.get("style") or "")
        for name in (element.get("class") or "").lower().split():
            if name in THEME_LOADING_CLASSES:
                yield THEME_LOADING_CLASSES[name]
        if tag == "style" and element.text:
            yield from _css_urls(element.text)


def _css_urls(css: str) -> Iterator[str]:
    css = _CSS_ESCAPE.sub(_unescaped, css)  # url(\\68ttps://...) is url(https://...)
    for match in _CSS_URL.finditer(css):
        yield match.group(1) or match.group(2)
    for images in _CSS_IMAGE_SET.finditer(css):
        yield from _CSS_STRING.findall(images.group(1))


def _unescaped(match: re.Match[str]) -> str:
    if match.group(1):
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
    return match.group(2)


def third_party_findings(files: SiteFiles, site_url: str, shown_as: Callable[[str], str]
                         ) -> list[Finding]:  # fmt: skip
    own = (urlsplit(site_url).hostname or "").lower() if site_url else ""
    findings: list[Finding] = []
    for relative in files.paths:
        if not relative.endswith((".html", ".htm", ".css")):
            continue
        found = files.read(relative)
        if found is None:  # (each page is parsed whole: a quick pre-test on the raw text
            # missed addresses written as a browser still reads them)
            continue
        urls = _css_urls(found.raw) if relative.endswith(".css") else _page_urls(found.raw)
        hosts = sorted({h for u in urls if (h := _host(u)) is not None and h != own})
        if hosts:
            findings.append(site_finding(
                shown_as(relative), THIRD_PARTY,
                f"this file makes the reader's browser load from {', '.join(hosts)}",
                "serve it from the site itself (readers' visits must reach no other host); "
                "for Material's fonts, set theme.font: false",
            ))  # fmt: skip
    return findings
