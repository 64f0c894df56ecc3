"""Where each post lands on the site: a check across the hub, not one post.

MkDocs writes a second page over a first at the same address without a word: a copied post
replaces the one readers followed, a page saved as `crisis/index.md` replaces the crisis
page. CarePress's own outputs have addresses too (feeds, share kits, cards). So:

- two published posts share neither an address nor a slug;
- a post's slug is never empty (a title of only punctuation or emoji) and never the name of
  a share-kit page CarePress writes itself (`profile`);
- no post lands on another page's address, or under the folders CarePress writes.

The build checks every file's address again once MkDocs and its plugins have placed them
(mkdocs/site_addresses.py): this check gives the same answer earlier, with the line.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path, PurePath

from ..content import read_post
from ..engine import Post
from ..findings import Finding
from ..publish.address import url_path
from ..publish.outputs import CALENDAR_PAGE, CARD_DIR, FEEDS_DIR, PROFILE_KIT, SHARE_DIR
from ..settings import MARKDOWN_SUFFIXES, Settings
from .registry import RuleInfo, declare

RULE = "frontmatter.duplicate-address"
TITLE_RULE = "frontmatter.duplicate-title"
declare(
    # Info, not a warning: a series may share a title ("Monthly Q&A"), and a strict build
    # must not fail on it.
    RuleInfo(TITLE_RULE, "frontmatter", "info", "two published posts have the same "
             "title (at different addresses): readers, feeds and search cannot tell them apart"),
)  # fmt: skip
# Folders of the site that CarePress writes: nothing else may be published in them.
RESERVED_FOLDERS = (f"{FEEDS_DIR}/", f"{SHARE_DIR}/", f"{CARD_DIR}/")
# Slugs whose share kit (social/<slug>/) is a page CarePress writes for the practice.
RESERVED_SLUGS = frozenset({PROFILE_KIT, CALENDAR_PAGE})


def page_addresses(settings: Settings) -> dict[str, list[Path]]:
    """Every page of docs_dir that is not a post, by the address it is published at."""
    found: dict[str, list[Path]] = {}
    root = settings.docs_dir
    for relative in _visible_files(root):
        if relative.endswith(MARKDOWN_SUFFIXES) and not settings.is_post(relative):
            path = root / relative
            if path.is_file():
                posix = PurePath(relative).as_posix()
                address = url_path(posix, settings.addressing.directory_urls)
                found.setdefault(address, []).append(path)
    return found


def _visible_files(root: Path) -> list[str]:
    """Every file under `root` outside hidden folders, as a path relative to it (the
    system's separators), in path order. os.walk, not Path.rglob: the one-post check of a
    hub of thousands of posts lists them all, and Path objects cost ten times as much."""
    found: list[str] = []
    for folder, folders, files in os.walk(root):
        folders[:] = [name for name in folders if not name.startswith(".")]
        relative = os.path.relpath(folder, root)
        prefix = "" if relative == os.curdir else relative + os.sep
        found += (prefix + name for name in files if not name.startswith("."))
    return sorted(found, key=lambda relative: relative.split(os.sep))


def duplicate_addresses(
    reports: Iterable[Post], settings: Settings, now: dt.datetime
) -> list[tuple[Post, Finding]]:
    """An error for each published post whose address or slug an older one (by date, then
    file name) already has: the newer post, most likely the one just written or copied, is
    the one to change; and for each post whose address or slug is not its own to take.
    Drafts and future posts are not published: they collide with nothing."""
    published = [
        (r.front_matter.created, r.display_path, r)
        for r in reports
        if r.front_matter is not None and r.front_matter.is_published(now)
    ]
    pages = page_addresses(settings) if published else {}
    first: dict[str, Post] = {}  # an address or a slug -> the post that has it
    found = []
    for _, _, report in sorted(published, key=lambda item: item[:2]):
        assert report.address is not None
        slug, address = report.address.slug, report.address.path
        if not slug.strip("-"):
            found.append((report, _empty_slug(report, settings)))
            continue
        problem = _not_its_own(address, slug, pages, settings)
        if problem:
            found.append((report, _finding(report, settings, problem, RESERVED_HINT)))
        other = first.get(address) or first.get("slug:" + slug)
        if other is not None:
            problem = (
                f"{other.display_path} is published at the same address ({address}) or with "
                f"the same slug ('{slug}'); the second page would replace the first on the site"
            )
            found.append((report, _finding(report, settings, problem, DUPLICATE_HINT)))
        title = "title:" + " ".join(report.front_matter.title.casefold().split())
        same_title = first.get(title)
        if same_title is not None and other is None:
            found.append((report, _title_finding(report, settings, same_title)))
        first.setdefault(address, report)
        first.setdefault("slug:" + slug, report)
        first.setdefault(title, report)
    return found


def _title_finding(report: Post, settings: Settings, other: Post) -> Finding:
    assert report.front_matter is not None
    return Finding(
        path=report.display_path,
        line=_line(report, settings, "title"),
        column=1,
        rule=TITLE_RULE,
        category="frontmatter",
        severity="info",
        message=f"field 'title': {other.display_path} has the same title "
        f"({report.front_matter.title!r}); readers, the blog's lists, the feeds and search "
        "results could not tell the two posts apart",
        hint="give one of the two posts a title of its own",
    )


DUPLICATE_HINT = "give one of the two posts its own `slug:` in its front matter"
RESERVED_HINT = "give the post another `slug:` in its front matter"


def _not_its_own(address: str, slug: str, pages: dict[str, list[Path]], settings: Settings) -> str:
    if slug in RESERVED_SLUGS:
        return f"the slug '{slug}' is the name of the practice's own share-kit page"
    for folder in RESERVED_FOLDERS:
        if address.startswith(folder):
            return f"the address {address} is inside {folder}, which CarePress writes itself"
    if address in pages:
        owner = settings.display_path(pages[address][0])
        return f"the address {address} is the address of {owner}"
    return ""


def _line(report: Post, settings: Settings, key: str) -> int:
    post = report.post
    if post is None:  # the build keeps no post text; a rare finding reads the file again
        post, _ = read_post(report.path, report.display_path, settings.max_post_bytes)
    return post.line_of((key,)) if post is not None else 1


def _finding(report: Post, settings: Settings, problem: str, hint: str) -> Finding:
    assert report.front_matter is not None
    key = "slug" if report.front_matter.slug else "title"
    return Finding(
        path=report.display_path,
        line=_line(report, settings, key),
        column=1,
        rule=RULE,
        category="frontmatter",
        severity="error",
        message=f"field '{key}': {problem}",
        hint=hint,
    )


def _empty_slug(report: Post, settings: Settings) -> Finding:
    return Finding(
        path=report.display_path,
        line=_line(report, settings, "title"),
        column=1,
        rule="frontmatter.empty-slug",
        category="frontmatter",
        severity="error",
        message=(
            "title: gives the post no web address (its slug is empty: the title has no "
            "letters or digits the address can use)"
        ),
        hint="add a slug, e.g. slug: coping-with-worry",
    )


def page_collisions(settings: Settings) -> list[Finding]:
    """Pages that are not posts but share an address (`crisis.md` and `crisis/index.md`):
    an error on each of them, naming the other (MkDocs would publish one over the other)."""
    findings = []
    for address, paths in page_addresses(settings).items():
        for path in paths if len(paths) > 1 else []:
            others = ", ".join(settings.display_path(p) for p in paths if p != path)
            findings.append(
                Finding(
                    path=settings.display_path(path),
                    line=1,
                    column=1,
                    rule=RULE,
                    category="frontmatter",
                    severity="error",
                    message=(
                        f"this page is published at {address or 'the home page'}, the address "
                        f"of {others}; one would replace the other"
                    ),
                    hint="rename or move one of them",
                )
            )
    return findings
