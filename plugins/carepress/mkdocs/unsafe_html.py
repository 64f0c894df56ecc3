"""Every page's HTML through the allowlist, as MkDocs renders it: what readers get is what
nh3 lets through, and a page it would change is never published.

`UnsafeHtml.clean` runs in on_page_content on each page (posts and other pages alike) and
returns the sanitised HTML, so even a preview shows nothing unsafe. What it removed becomes
findings at their lines (found by rendering the page's Markdown the same way, a few times,
only for a page with a problem) before anything is written.
"""

from __future__ import annotations

from pathlib import Path

from ..checks.html_safety import locate_removals
from ..checks.pages import read_page
from ..content import read_post
from ..engine import Post
from ..findings import Finding
from ..sanitise import Removal
from ..settings import Settings


class UnsafeHtml:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._found: dict[str, tuple[Path, tuple[Removal, ...]]] = {}  # by src_uri
        # Material renders a post's excerpt for every view that lists it (index, archive,
        # categories): the same HTML, cleaned once a build.
        self._excerpts: dict[str, str] = {}

    def clean(self, html: str, src_uri: str, source: Path) -> str:
        sanitised = self.settings.sanitiser.clean(html)
        if sanitised.removals:
            self._found[src_uri] = (source, sanitised.removals)
        return sanitised.html

    def removed_from(self, src_uri: str) -> bool:
        """Whether the allowlist removed anything from this page in this build."""
        return src_uri in self._found

    def excerpt(self, html: str) -> str:
        """An excerpt of a post whose page passed (the blog renders it separately, cut at
        the separator): sanitised, which also closes what the cut left open."""
        if html not in self._excerpts:
            self._excerpts[html] = self.settings.sanitiser.strict(html)
        return self._excerpts[html]

    def findings(self, reports: dict[str, Post]) -> tuple[list[Finding], list[Finding]]:
        """What each page's HTML held that the allowlist removed, at its lines: the posts'
        (also added to their reports) and the other pages'. A rebuild starts afresh."""
        found, self._found = self._found, {}
        self._excerpts = {}
        posts: list[Finding] = []
        pages: list[Finding] = []
        for src_uri, (source, removals) in found.items():
            report = reports.get(src_uri)
            if report is not None and any(f.category == "html" for f in report.findings):
                continue  # already found at their lines (a preview checks posts whole)
            if report is not None:
                post, _ = read_post(report.path, report.display_path, self.settings.max_post_bytes)
                if post is None:
                    continue  # the post's own findings say why
                path, body, line = report.display_path, post.body, post.body_line
            else:
                path = self.settings.display_path(source)
                page, _ = read_page(source, path)  # its front matter is checked on its own
                if page is None:
                    continue
                body, line = page.body, page.body_line
            located = locate_removals(path, body, line, removals, self.settings)
            if report is not None:
                report.findings += located
                posts += located
            else:
                pages += located
        return posts, pages
