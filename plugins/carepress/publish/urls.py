"""A post's address, computed the way Material's blog plugin computes it, without MkDocs
(so `carepress snippets` and the build give the same links)."""

from __future__ import annotations

import posixpath
from pathlib import Path

from babel.dates import format_date
from pymdownx.slugs import slugify

from ..model import FrontMatter
from ..settings import Settings

_slugify = slugify(case="lower")


def post_slug(model: FrontMatter) -> str:
    return model.slug or _slugify(model.title, "-")


def post_path(model: FrontMatter, source: Path, settings: Settings) -> str:
    """The post's URL path under the site, e.g. "blog/what-is-anxiety/"."""
    categories = [_slugify(c, "-") for c in model.categories[:1]]
    path = settings.post_url_format.format(
        categories="/".join(categories),
        date=format_date(model.created, settings.post_url_date_format, locale="en"),
        file=source.stem,
        slug=post_slug(model),
    )
    return posixpath.normpath(posixpath.join(settings.blog_dir, path)) + "/"


def post_url(model: FrontMatter, source: Path, settings: Settings) -> str:
    base = settings.site_url or "https://example.invalid/"
    return base + post_path(model, source, settings)
