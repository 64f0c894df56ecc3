"""Links from a page to a post the site leaves out (a draft, a post dated in the future).

The blog plugin leaves such a post out, but MkDocs still turns a link to it into the address
it would have had, which the blog makes from the post's title: `[next week](draft.md)` would
publish "../my-unannounced-plan/" in the page, its excerpt and every feed, and MkDocs only
logs it. The links are read as MkDocs resolved them, in each page's HTML, so every way of
writing one counts (inline, reference, with attributes); one that reaches a post left out
is an error, reported before any page is written, at the line of the source naming it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from mkdocs.structure.files import File, Files

from ..engine import Post
from ..findings import Finding
from ..settings import Settings
from ..verify.leaks import why_unpublished
from ..verify.rules import UNPUBLISHED

# Links as the allowlist writes them (on_page_content runs on its output): href="...".
_HREF = re.compile(r'<a\s[^>]*?\bhref="([^"]*)"', re.IGNORECASE)


def _address(url: str) -> str:
    return "/" + unquote(url).strip("/")


class UnpublishedLinks:
    """From on_nav (once the blog plugin has left its drafts and future posts out) to on_env."""

    def __init__(
        self, files: Files, settings: Settings, reports: Mapping[str, Post], now: dt.datetime
    ) -> None:
        self.settings = settings
        self._left_out: dict[str, tuple[File, str]] = {}
        for file in files.documentation_pages(inclusion=lambda level: level.is_excluded()):
            report = reports.get(file.src_uri)
            why = why_unpublished(report, now) if report is not None else None
            if why is not None:
                self._left_out[_address(file.url)] = (file, why)
        self.findings: list[Finding] = []

    def look(self, page_html: str, page: File) -> None:
        """In on_page_content: the page's links that reach a post left out."""
        if not self._left_out:
            return
        base = "/" + page.url
        reached: dict[str, tuple[File, str]] = {}
        for match in _HREF.finditer(page_html):
            parts = urlsplit(html.unescape(match.group(1)))
            if parts.scheme or parts.netloc:
                continue  # another site's address (or the site's own, written whole)
            target = self._left_out.get(_address(urljoin(base, parts.path)))
            if target is not None:
                reached[target[0].src_uri] = target
        for target, why in reached.values():
            self.findings.append(self._finding(page, target, why))

    def _finding(self, page: File, target: File, why: str) -> Finding:
        source = Path(page.abs_src_path or "")
        shown = self.settings.display_path(Path(target.abs_src_path or target.src_uri))
        return Finding(
            path=self.settings.display_path(source),
            line=_line_naming(source, Path(target.src_uri).name),
            column=1,
            rule=UNPUBLISHED,
            category="site",
            severity="error",
            message=(
                f"a link to {shown}, which is {why}: the page would publish the address the "
                "blog gives that post, made from its title"
            ),
            hint="remove the link until that post is published",
        )


def _line_naming(source: Path, name: str) -> int:
    """The first line of the page's file that names the linked file (1 if none does: a link
    written another way)."""
    try:
        lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 1
    return next((number for number, line in enumerate(lines, 1) if name in line), 1)
