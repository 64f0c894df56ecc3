"""A post's address: the one function that computes it, by the blog plugin's own rules.

Material's blog plugin decides where a post lands (`_format_path_for_post`, then MkDocs'
`File.url`): its `post_url_format`, the first `post_url_max_categories` categories (each
through `categories_slugify`), the date in `post_url_date_format` in the theme's language,
the file's name, and the slug (`slug:`, or the title through `post_slugify`). `carepress
check` and the check workers need the address before Material computes it (snippets count
the link), so it is computed here from the same options; the build then holds every post to
the address Material gave it and stops if the two ever differ (mkdocs/plugin.py), and
tests/test_post_address.py compares the two over every combination of those options.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

from ..model import FrontMatter
from .outputs import CARD_DIR

Slugify = Callable[[str, str], str]


def _material_slugify() -> Slugify:
    """Material's default for post_slugify and categories_slugify."""
    from pymdownx.slugs import slugify

    return slugify(case="lower")


@dataclass(frozen=True)
class PostAddressing:
    """The blog plugin's options that decide a post's address (with Material's defaults)."""

    blog_dir: str = "blog"
    url_format: str = "{date}/{slug}"
    url_date_format: str = "yyyy/MM/dd"
    max_categories: int = 1
    slugify: Slugify = field(default_factory=_material_slugify)
    slugify_separator: str = "-"
    categories_slugify: Slugify = field(default_factory=_material_slugify)
    categories_slugify_separator: str = "-"
    language: str = "en"  # the theme's: month names in the date
    directory_urls: bool = True  # MkDocs' use_directory_urls


@dataclass(frozen=True)
class PostAddress:
    slug: str  # the post's own name: its share kit (social/<slug>/) and card
    path: str  # under the site, as MkDocs' File.url: "blog/what-is-anxiety/" (URL-quoted)
    url: str  # absolute (https://example.invalid/ when the hub has no site_url)
    site_url: str  # the site's, or "" (then the card's address is relative to the root)

    @property
    def card_path(self) -> str:
        """The post's social card file, relative to the site root."""
        return card_path(self.slug)

    @property
    def page_file(self) -> str:
        """Where the post's page is in the site (as MkDocs writes a page's URL to a file)."""
        return page_file(self.path)

    @property
    def card_url(self) -> str:
        """The card's address (URL-quoted, as MkDocs quotes a page's)."""
        return (self.site_url or "/") + quote(self.card_path)


def page_file(url: str) -> str:
    """The file in the site a page's URL (as MkDocs' File.url) is written to."""
    path = unquote(url)
    return path + "index.html" if path.endswith("/") or not path else path


def card_path(slug: str) -> str:
    return f"{CARD_DIR}/{slug}.png"


def post_slug(model: FrontMatter, addressing: PostAddressing) -> str:
    return model.slug or addressing.slugify(model.title, addressing.slugify_separator)


def _date(model: FrontMatter, pattern: str, language: str) -> str:
    from babel.dates import format_date, format_datetime  # only where a format needs it

    locale = language.replace("-", "_")
    if pattern in ("full", "long", "medium", "short"):  # as Material formats it
        return format_date(model.created, format=pattern, locale=locale)
    return format_datetime(model.created, format=pattern, locale=locale)


def source_path(model: FrontMatter, file_name: str, addressing: PostAddressing) -> str:
    """The Markdown path Material gives the post (`blog/<formatted>.md`)."""
    rules = addressing
    categories = [
        rules.categories_slugify(name, rules.categories_slugify_separator)
        for name in model.categories[: rules.max_categories]
    ]
    fields = {"categories": "/".join(categories), "file": file_name, "slug": "", "date": ""}
    if "{slug}" in rules.url_format:
        fields["slug"] = post_slug(model, rules)
    if "{date}" in rules.url_format:
        fields["date"] = _date(model, rules.url_date_format, rules.language)
    path = posixpath.normpath(rules.url_format.format(**fields).strip("/"))
    return posixpath.join(rules.blog_dir, f"{path}.md")


def _file_name(filename: str) -> str:
    """MkDocs' File.name: the file's name without its suffix, README read as index."""
    name = posixpath.splitext(filename)[0]
    return "index" if name == "README" else name


def url_path(markdown_path: str, directory_urls: bool) -> str:
    """A page's URL under the site, as MkDocs' File.url gives it."""
    parent, filename = posixpath.split(markdown_path)
    name = _file_name(filename)
    if not directory_urls or name == "index":
        dest = posixpath.join(parent, f"{name}.html")
    else:
        dest = posixpath.join(parent, name, "index.html")
    folder, dest_name = posixpath.split(dest)
    if directory_urls and dest_name == "index.html":
        dest = (folder or ".") + "/"
    return quote(dest)


def address_of(
    model: FrontMatter, source: Path, addressing: PostAddressing, site_url: str
) -> PostAddress:
    markdown_path = source_path(model, _file_name(source.name), addressing)
    path = url_path(markdown_path, addressing.directory_urls)
    url = (site_url or "https://example.invalid/") + path
    return PostAddress(post_slug(model, addressing), path, url, site_url)
