"""Links from a page to a post the site leaves out (a draft, a post dated in the future).

The blog plugin leaves such a post out, but MkDocs still turns a link to it into the address
it would have had, which the blog makes from the post's title: `[next week](draft.md)` would
publish "../my-unannounced-plan/" in the page, its excerpt and every feed, and MkDocs only
logs it. The finding (site.unpublished) is at the line of the source naming the post.

- The build reads each page's links as MkDocs resolved them, in its HTML (`LinksInPages`),
  so every way of writing one counts (inline, reference, with attributes), and stops
  before any page is written.
- `carepress check` finds the links written to a post's file in the Markdown of the posts
  it checks (`links_in_posts`), to say so before a build does.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import posixpath
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import SplitResult, unquote, urljoin, urlsplit

from ..engine import Post, check_front
from ..findings import Finding, line_naming, source_text
from ..publish.address import url_path
from ..settings import Settings
from ..verify.rules import UNPUBLISHED

# Addresses as the allowlist writes them (the build reads its output): a link's href and a
# picture's src (`![next week](draft.md)` is resolved like a link).
_HREF = re.compile(r'<(?:a|img|source)\s[^>]*?\b(?:href|src)="([^"]*)"', re.IGNORECASE)
# In Markdown: an inline link's or a reference's target, or a raw link's. A reference may be
# indented in a list item or a quote (one in a code block is counted too: the check says more
# than the build then, never less).
_MARKDOWN_TARGET = re.compile(
    r"""(?:\]\(\s*<?|^[ \t>]*\[[^\]\n]{1,999}\]:[ \t]*<?|href=["'])([^\s()<>"']+)""",
    re.MULTILINE | re.IGNORECASE,
)


def _finding(source: Path, target: Path, why: str, settings: Settings, written: str) -> Finding:
    return Finding(
        path=settings.display_path(source),
        line=line_naming(source_text(source), (written, target.name)),
        column=1,
        rule=UNPUBLISHED,
        category="site",
        severity="error",
        message=(
            f"a link to {settings.display_path(target)}, which is {why}: the page would "
            "publish the address the blog gives that post, made from its title"
        ),
        hint="remove the link until that post is published",
    )


def _address(url: str) -> str:
    """An address as a server finds it: "/blog//x/", "/blog/./x/" and "/Blog/X" are /blog/x."""
    return posixpath.normpath("/" + unquote(url).strip("/")).lower()


class LinksInPages:
    """The build's reading: `left_out` maps each left-out post's address (MkDocs' `file.url`)
    to its file and why it is left out. An address a published page also has is not left
    out: a draft sharing a published post's slug does not make links to that post wrong."""

    def __init__(
        self,
        left_out: Mapping[str, tuple[Path, str]],
        settings: Settings,
        published: Iterable[str] = (),
    ) -> None:
        taken = {_address(url) for url in published}
        addresses = ((_address(url), target) for url, target in left_out.items())
        self._left_out = {address: t for address, t in addresses if address not in taken}
        # Raw HTML's `<a href="draft.md">` is not resolved by MkDocs: it names the file.
        self._left_out_files = {t[0].resolve(): t for t in left_out.values()}
        self.settings = settings
        site = urlsplit(settings.site_url)
        self._site = (site.hostname or "", site.path or "/")

    def _is_own(self, parts: SplitResult) -> bool:
        """An address of the site itself, written whole (https://its.host/its/path/...)."""
        host, root = self._site
        own_host = bool(host) and (parts.hostname or "").lower() == host.lower()
        return own_host and parts.scheme in ("http", "https", "") and parts.path.startswith(root)

    def _file_named(self, path: str, source: Path) -> Path:
        """The file a Markdown file name in a page's HTML names, as MkDocs would read it:
        from the page's folder, or from docs_dir when it starts with "/"."""
        path = unquote(path)
        folder = self.settings.docs_dir if path.startswith("/") else source.parent
        return (folder / path.lstrip("/")).resolve()

    def target(self, href: str, page_url: str, source: Path) -> tuple[Path, str] | None:
        """The left-out post (its file, why) that one link of a page reaches, if any."""
        try:
            parts = urlsplit(href)
        except ValueError:  # "//[::1": not an address of the site
            return None
        if parts.scheme or parts.netloc:
            if not self._is_own(parts):
                return None  # another site's address
            address = "/" + parts.path[len(self._site[1]) :].lstrip("/")
        elif parts.path.lower().endswith(".md"):
            return self._left_out_files.get(self._file_named(parts.path, source))
        else:
            address = urljoin("/" + page_url, parts.path)
        return self._left_out.get(_address(address))

    def look(self, page_html: str, page_url: str, source: Path) -> list[Finding]:
        """The links of one page (its HTML, its address, its file) that reach a post left out."""
        if not self._left_out_files:  # (every left-out post has a file; not every an address)
            return []
        reached: dict[Path, tuple[str, str]] = {}
        for match in _HREF.finditer(page_html):
            href = html.unescape(match.group(1))
            found = self.target(href, page_url, source)
            if found is not None:
                reached.setdefault(found[0], (found[1], href))
        return [_finding(source, t, why, self.settings, href)
                for t, (why, href) in reached.items()]  # fmt: skip


def _may_be_a_page_address(written: str) -> bool:
    """A link that could name a post's page by its address: not a picture or a file, not an
    anchor on the same page. Only such links make `carepress check` read every post's
    front matter (a one-post check reads no other post otherwise)."""
    try:
        path = urlsplit(written).path
    except ValueError:  # "//[::1"
        return False
    last = path.rsplit("/", 1)[-1]
    return bool(path) and (not last or last.lower().endswith(".html") or "." not in last)


def links_in_posts(
    reports: Iterable[Post], settings: Settings, now: dt.datetime
) -> list[tuple[Post, Finding]]:
    """`carepress check`'s reading: each published post's links to a post that is not
    published, as the Markdown writes them: to its file (MkDocs resolves a target against
    the linking file's folder, or docs_dir when it starts with "/") or to its address
    (relative, from the site's root or whole). A linked post that was not checked with them
    (`carepress check FILE`) has its front matter read for this."""
    known = {os.path.normpath(r.path.resolve()): r for r in reports}
    docs_dir = settings.docs_dir.resolve()

    def left_out(target: str) -> str | None:
        report = known.get(target)
        if report is None:
            path = Path(target)
            inside = path.is_relative_to(docs_dir) and path.is_file()
            if not (inside and settings.is_post(str(path.relative_to(docs_dir)))):
                return None
            report = known[target] = check_front(path, settings, now)
        return report.left_out_because(now)

    by_address: LinksInPages | None = None  # read on the first link that may be an address

    def addresses() -> LinksInPages:
        nonlocal by_address
        if by_address is None:
            for path in settings.post_files():
                left_out(os.path.normpath(path.resolve()))  # every post's front matter
            every = list(known.values())
            by_address = LinksInPages(
                {r.address.path: (r.path, why) for r in every
                 if r.address is not None and (why := r.left_out_because(now)) is not None},
                settings,
                published=[r.address.path for r in every
                           if r.address is not None and r.left_out_because(now) is None],
            )  # fmt: skip
        return by_address

    found: list[tuple[Post, Finding]] = []
    for report in list(known.values()):
        if report.left_out_because(now) is not None:
            continue  # a draft may link to another: neither is published
        try:
            text = report.path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        folder = report.path.resolve().parent
        page_url = _page_url(report, settings)
        reached: dict[Path, tuple[str, str]] = {}
        for match in _MARKDOWN_TARGET.finditer(text):
            written = match.group(1)
            link = html.unescape(unquote(written))
            file_name = link.split("#", 1)[0].split("?", 1)[0]
            if file_name.lower().endswith(".md"):
                base = docs_dir if file_name.startswith("/") else folder
                target = os.path.normpath(base / file_name.lstrip("/"))
                why = left_out(target)
                if why is not None:
                    reached.setdefault(Path(target), (why, written))
            elif page_url is not None and _may_be_a_page_address(link):
                post = addresses().target(link, page_url, report.path)
                if post is not None:
                    reached.setdefault(post[0], (post[1], written))
        found += [(report, _finding(report.path, t, why, settings, written))
                  for t, (why, written) in reached.items()]  # fmt: skip
    return found


def _page_url(report: Post, settings: Settings) -> str | None:
    """The address a published page of the hub has (MkDocs' `file.url`), to resolve its
    relative links; None for a file outside docs_dir."""
    if report.address is not None:
        return report.address.path
    try:
        relative = report.path.resolve().relative_to(settings.docs_dir.resolve())
    except ValueError:
        return None
    return url_path(relative.as_posix(), settings.addressing.directory_urls)
