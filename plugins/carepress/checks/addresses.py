"""Two posts, one address: a check across the hub, not one post.

Material's blog plugin gives two posts with the same slug (the same title, say) the same
address, and MkDocs writes the second page over the first without a word: readers following
the first post's link from the index land on the other post. CarePress's share kits and
cards are per slug too. So two published posts may share neither an address nor a slug.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..check import PostReport
from ..content import read_post
from ..findings import Finding
from ..publish.urls import post_path, post_slug
from ..settings import Settings

RULE = "frontmatter.duplicate-address"


def duplicate_addresses(
    reports: Iterable[PostReport], settings: Settings, now: dt.datetime
) -> list[tuple[PostReport, Finding]]:
    """An error for each published post whose address or slug an older one (by date, then
    file name) already has: the newer post, most likely the one just written or copied, is
    the one to change. Drafts and future posts are not published: they collide with nothing."""
    published = [
        (r.front_matter.created, r.display_path, r)
        for r in reports
        if r.front_matter is not None and r.front_matter.is_published(now)
    ]
    first: dict[str, PostReport] = {}  # an address or a slug -> the post that has it
    found = []
    for _, _, report in sorted(published, key=lambda item: item[:2]):
        model = report.front_matter
        assert model is not None
        address, slug = post_path(model, report.path, settings), post_slug(model)
        other = first.get(address) or first.get("slug:" + slug)
        if other is not None:
            found.append((report, _finding(report, other, address, slug, settings)))
        first.setdefault(address, report)
        first.setdefault("slug:" + slug, report)
    return found


def _finding(
    report: PostReport, other: PostReport, address: str, slug: str, settings: Settings
) -> Finding:
    assert report.front_matter is not None
    key = "slug" if report.front_matter.slug else "title"
    post = report.post
    if post is None:  # the build keeps no post text; a rare finding reads the file again
        post, _ = read_post(report.path, report.display_path, settings.max_post_bytes)
    return Finding(
        path=report.display_path,
        line=post.line_of((key,)) if post is not None else 1,
        column=1,
        rule=RULE,
        category="frontmatter",
        severity="error",
        message=(
            f"field '{key}': {other.display_path} is published at the same address "
            f"({address}) or with the same slug ('{slug}'); the second page would replace "
            "the first on the site"
        ),
        hint="give one of the two posts its own `slug:` in its front matter",
    )
