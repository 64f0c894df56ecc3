"""Text Material prints into pages as it is, escaped once at its source.

MkDocs' Jinja environment does not autoescape, and Material's templates print page titles
and subtitles, authors' names and descriptions, and the titles of a post's `links:`
without `| e`. Rather than override every template that prints them, each value is escaped
where the theme reads it, once, before anything is rendered: a quote or a `<` in a
title shows as itself and never becomes markup. (Feeds, snippets and cards read the core's
own model, which is never escaped.)

A page's table of contents is the exception: its titles are HTML made by Python-Markdown
(entities, and tags it failed to strip), so they are reduced to text (`toc_as_text`).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.toc import AnchorLink, TableOfContents

from ..sanitise import as_text

PAGE_KEYS = ("title", "subtitle")


def escape_page_titles(files: Files) -> None:
    """In on_nav, before anything is rendered: every post's title and subtitle (the blog
    plugin has read posts already; MkDocs reads other pages later: `escape_page`)."""
    for file in files.documentation_pages():
        if file.page is not None:
            escape_page(file.page)


def escape_page(page: Any) -> None:
    """A page's title and subtitle; for pages other than posts, in on_page_markdown, once
    MkDocs has read their front matter (and before any page's navigation is rendered)."""
    for key in PAGE_KEYS:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = html.escape(page.meta[key])


def escape_authors(authors: Iterable[Any]) -> None:
    """Material's Author objects (name, description), shown on every blog page."""
    for author in authors:
        for key in ("name", "description"):
            value = getattr(author, key, None)
            if isinstance(value, str) and not getattr(author, "_carepress_escaped", False):
                setattr(author, key, html.escape(value))
        author._carepress_escaped = True  # once: the blog keeps its authors between builds


def escape_links(posts: Iterable[Any]) -> None:
    """In on_nav, before the blog plugin resolves each post's `links:` (on_env): the titles
    the writer gave. A link without one gets the linked page's title, escaped above."""
    for post in posts:
        navigation = getattr(post.config, "links", None)
        for item in _walk(getattr(navigation, "items", None) or []):
            if isinstance(item.title, str):
                item.title = html.escape(item.title)


def _walk(items: Iterable[Any]) -> Iterable[Any]:
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])


def escape_title_from_heading(page: Any) -> None:
    """In on_page_content: a page without a `title:` takes its first heading's HTML with its
    tags stripped by regular expressions, entities kept (`# Tips &amp; tricks` gives
    "Tips &amp; tricks"), and markup hidden in a comment can come out whole; the theme
    prints it as HTML. Kept as text, as the table of contents is."""
    if "title" not in page.meta and isinstance(page.title, str) and page.title:
        page.meta["title"] = as_text(page.title)


def toc_as_text(toc: Iterable[Any]) -> None:
    """In on_page_context, once the blog plugin has added its excerpts' entries: each entry
    of the page's table of contents as text. Python-Markdown makes an entry's title from
    its heading by stripping tags with regular expressions, and markup the allowlist saw as
    a comment or an attribute's value in the page can come out of it whole; Material prints
    the title unescaped in the sidebar (a `<meta http-equiv="refresh">` there sent readers
    to another site)."""
    for item in toc:
        item.title = as_text(item.title)
        toc_as_text(item.children)


# What a post's "Skip to content" link reaches: the content-warning banner where the post
# has one, else the post's title (overrides/partials/carepress-content-warning.html and
# content.html give them these ids).
BANNER_ID = "carepress-cw"
TITLE_ID = "carepress-title"


def skip_to_the_top(toc: TableOfContents, target: str, title: str) -> None:
    """Material's "Skip to content" link goes to the first entry of a page's table of
    contents; a post's title (printed by content.html) has none, so it went to the first
    section, past the content warning and the crisis box. Make the first entry a level-1
    entry at `target` holding the others: Material's contents list shows a level-1 entry's
    children, so the sidebar is unchanged."""
    first = next(iter(toc), None)
    has_title = first is not None and first.level == 1  # the post's own `# Title`
    if has_title and target == TITLE_ID:
        return  # its own heading is the top already
    top = AnchorLink(first.title if has_title else title, target, 1)
    if has_title:
        top.children = first.children
        toc.items[0] = top
    else:
        top.children = list(toc.items)
        toc.items[:] = [top]
