"""Links from a page to a post the site leaves out (a draft, a post dated in the future).

The blog plugin leaves such a post out, but MkDocs still turns a link to it into the address
it would have had, which the blog makes from the post's title: `[next week](draft.md)` would
publish "../my-unannounced-plan/" in the page, its excerpt and every feed, and MkDocs only
logs it. The finding (site.unpublished) is at the line of the source naming the post.

- The build reads each page's links as MkDocs resolved them, in its HTML (`LinksInPages`),
  so every way of writing one counts (inline, reference, with attributes), and stops
  before any page is written.
- `carepress check` finds the links written to a post's file in the Markdown of the posts
  it checks (`links_in_posts`), and, checking the whole hub, of its other pages
  (`links_in_pages`, `links_in_hub`), to say so before a build does.
- A `nav:` entry in mkdocs.yml naming such a post (`nav_findings`): MkDocs keeps it, and
  every page's navigation would show its title and a link to nowhere. The build and the
  check of the whole hub both read it, at the line of mkdocs.yml.
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
            "publish the address the blog will give that post (from its slug or title)"
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


class _Targets:
    """`carepress check`'s reading of what a link in Markdown reaches: the posts checked
    with it, and any other post whose front matter is read the first time a link names it
    (`carepress check FILE`)."""

    def __init__(self, reports: Iterable[Post], settings: Settings, now: dt.datetime) -> None:
        self.known = {os.path.normpath(r.path.resolve()): r for r in reports}
        self.settings, self.now = settings, now
        self.docs_dir = settings.docs_dir.resolve()
        self._by_address: LinksInPages | None = None  # read on the first address

    def left_out(self, target: str) -> str | None:
        """Why the post in this file (a normalised path) is left out, or None."""
        report = self.known.get(target)
        if report is None:
            path = Path(target)
            inside = path.is_relative_to(self.docs_dir) and path.is_file()
            if not (inside and self.settings.is_post(str(path.relative_to(self.docs_dir)))):
                return None
            report = self.known[target] = check_front(path, self.settings, self.now)
        return report.left_out_because(self.now)

    def addresses(self) -> LinksInPages:
        """Every post's address, left out or published (every post's front matter read)."""
        if self._by_address is None:
            for path in self.settings.post_files():
                self.left_out(os.path.normpath(path.resolve()))
            every = list(self.known.values())
            now = self.now
            self._by_address = LinksInPages(
                {r.address.path: (r.path, why) for r in every
                 if r.address is not None and (why := r.left_out_because(now)) is not None},
                self.settings,
                published=[r.address.path for r in every
                           if r.address is not None and r.left_out_because(now) is None],
            )  # fmt: skip
        return self._by_address

    def in_file(self, path: Path, page_url: str | None) -> list[Finding]:
        """The links of one published page or post, as its Markdown writes them, that reach
        a post left out: to its file (MkDocs resolves a target against the linking file's
        folder, or docs_dir when it starts with "/") or to its address (relative, from the
        site's root or whole)."""
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return []
        folder = path.resolve().parent
        reached: dict[Path, tuple[str, str]] = {}
        for match in _MARKDOWN_TARGET.finditer(text):
            written = match.group(1)
            link = html.unescape(unquote(written))
            file_name = link.split("#", 1)[0].split("?", 1)[0]
            if file_name.lower().endswith(".md"):
                base = self.docs_dir if file_name.startswith("/") else folder
                target = os.path.normpath(base / file_name.lstrip("/"))
                why = self.left_out(target)
                if why is not None:
                    reached.setdefault(Path(target), (why, written))
            elif page_url is not None and _may_be_a_page_address(link):
                post = self.addresses().target(link, page_url, path)
                if post is not None:
                    reached.setdefault(post[0], (post[1], written))
        return [_finding(path, t, why, self.settings, written)
                for t, (why, written) in reached.items()]  # fmt: skip


def links_in_posts(
    reports: Iterable[Post], settings: Settings, now: dt.datetime
) -> list[tuple[Post, Finding]]:
    """`carepress check`'s reading: each published post's links to a post that is not
    published, as the Markdown writes them (`_Targets.in_file`). A linked post that was not
    checked with them (`carepress check FILE`) has its front matter read for this."""
    targets = _Targets(reports, settings, now)
    found: list[tuple[Post, Finding]] = []
    for report in list(targets.known.values()):
        if report.left_out_because(now) is not None:
            continue  # a draft may link to another: neither is published
        page_url = _page_url(report, settings)
        found += [(report, f) for f in targets.in_file(report.path, page_url)]
    return found


def links_in_pages(
    pages: Iterable[Path], reports: Iterable[Post], settings: Settings, now: dt.datetime
) -> list[Finding]:
    """The same reading of the hub's pages that are not posts (home, about, crisis...), for
    `carepress check`; `reports`: the posts checked with them (any other post a link names
    has its front matter read). A page that is a draft (`draft: true`) is not published:
    its links are left alone, as the build does."""
    return _links_of_pages(pages, _Targets(reports, settings, now))


def links_in_hub(
    pages: Iterable[Path],
    nav: object,
    config_file: Path,
    reports: Iterable[Post],
    settings: Settings,
    now: dt.datetime,
) -> list[Finding]:
    """`carepress check` of the whole hub, besides its posts: the pages' links
    (`links_in_pages`) and mkdocs.yml's nav entries (`nav_findings`), every post's address
    worked out once for both."""
    targets = _Targets(reports, settings, now)
    found = _links_of_pages(pages, targets)
    if nav:
        found += nav_findings(nav, config_file, settings, targets.addresses())
    return found


def _links_of_pages(pages: Iterable[Path], targets: _Targets) -> list[Finding]:
    found: list[Finding] = []
    directory_urls = targets.settings.addressing.directory_urls
    for path in pages:
        if _is_draft_page(path):
            continue
        relative = path.resolve().relative_to(targets.docs_dir).as_posix()
        found += targets.in_file(path, url_path(relative, directory_urls))
    return found


def _is_draft_page(path: Path) -> bool:
    from ..checks.pages import read_page  # local: pages.py imports the checks

    page, _ = read_page(path, str(path))
    return page is not None and page.meta.get("draft") is True


def nav_findings(
    nav: object, config_file: Path, settings: Settings, targets: LinksInPages
) -> list[Finding]:
    """Entries of mkdocs.yml's `nav:` that name a post left out (its file or its address):
    MkDocs keeps such an entry, so every page's navigation would show the title and link to
    an address the site does not publish. At the line of mkdocs.yml naming it."""
    entries: list[str] = []

    def walk(item: object) -> None:
        if isinstance(item, str):
            entries.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(nav)
    text = source_text(config_file)
    # A nav entry names a file in docs_dir (MkDocs reads it from there), or an address.
    source = settings.docs_dir / "mkdocs.yml"
    found: list[Finding] = []
    for entry in dict.fromkeys(entries):
        reached = targets.target(entry.strip(), "", source)
        if reached is None:
            continue
        target, why = reached
        found.append(Finding(
            path=settings.display_path(config_file),
            line=line_naming(text, (entry,)),
            column=1,
            rule=UNPUBLISHED,
            category="site",
            severity="error",
            message=(f"a nav entry to {settings.display_path(target)}, which is {why}: every "
                     "page's navigation would show it, linking to an address the site does "
                     "not publish"),
            hint="remove the entry from nav: in mkdocs.yml until that post is published",
        ))  # fmt: skip
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
