"""The hub's theme overrides as Jinja templates outside MkDocs: the share kits `carepress
publish` writes, and the post layout and crisis lines the Markdown extension renders under
Zensical. MkDocs' own `url` filter is the one thing they need from MkDocs."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment
    from jinja2.runtime import Context


def site_url_filter(context: Context, path: str) -> str:
    """As MkDocs' `url` filter: a path in the site, from the page's `base_url`."""
    if "://" in path or path.startswith(("/", "#")):
        return path
    return f"{context.get('base_url') or '.'}/{path}"


def base_url_of(page_url: str) -> str:
    """A page's `base_url` (the way from it back to the site's root), as MkDocs gives it."""
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    return posixpath.relpath(".", folder.rstrip("/") or ".")


def theme_environment(custom_dir: Path) -> Environment:
    # jinja2 is loaded here, not with the module: the Markdown extension and the policy
    # pages import this module for every rendering, and a one-post check renders no template.
    from jinja2 import Environment, FileSystemLoader, pass_context

    env = Environment(loader=FileSystemLoader(str(custom_dir)))
    env.filters["url"] = pass_context(site_url_filter)
    return env
