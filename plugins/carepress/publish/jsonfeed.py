"""JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): a small JSON document.

feedgen has no JSON Feed; the items carry the same parts as the RSS and Atom entries.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import entry
from .catalog import FeedLink
from .post import FeedPost, Site

if TYPE_CHECKING:
    from .feeds import _Entries

VERSION = "https://jsonfeed.org/version/1.1"


def _item(post: FeedPost, site: Site, entries: _Entries) -> dict[str, Any]:
    options = entries.options
    item: dict[str, Any] = {
        "id": post.guid(site),
        "url": post.url,
        "title": entry.title(post, options),
        "content_html": entries.content(post),
        "summary": entry.summary(post, options),
        "date_published": post.published.isoformat(),
        "date_modified": post.updated.isoformat(),
        "authors": [{"name": n} for n in post.author_names(entries.settings.authors)],
    }
    if post.terms():
        item["tags"] = post.terms()
    return item


def render(link: FeedLink, site: Site, posts: Sequence[FeedPost], entries: _Entries) -> bytes:
    document: dict[str, Any] = {
        "version": VERSION,
        "title": link.title,
        "home_page_url": site.url,
        "feed_url": site.absolute(link.path),
        "description": site.description or link.title,
        "language": site.language,
        "authors": [{"name": site.author or site.title}],
        "items": [_item(post, site, entries) for post in posts],
    }
    # json escapes quotes, backslashes and control characters; keys keep their order.
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
