"""A hub without `site_url`: what shares a post (its feeds, snippets, share kits and
carousel slides) links to it by its full address, which only site_url gives. `mkdocs build`
stops on it (mkdocs/plugin.py), and `carepress check`, `publish` and `verify` report it,
with this one message. `mkdocs serve` sets a site_url of its own (the preview's address)."""

from __future__ import annotations

from pathlib import Path

from ..findings import Finding
from ..settings import Settings
from .registry import RuleInfo, declare

NO_SITE_URL_RULE = "site.no-site-url"

declare(
    RuleInfo(NO_SITE_URL_RULE, "site", "error", "mkdocs.yml sets no site_url, which the feeds, "
             "snippets, share kits and carousel slides need", adjustable=False),
)  # fmt: skip

NO_SITE_URL = (
    "site_url is not set: the feeds, the social snippets, the share kits and the carousel "
    "slides link to each post by its full address, which needs the address the hub is "
    "published at (without it they would point to https://example.invalid/)"
)
NO_SITE_URL_FIX = (
    "add `site_url: https://...` to mkdocs.yml: the address the hub is published at, "
    "for example `site_url: https://learn.your-practice.org/`"
)


def site_url_message(config_file: str) -> str:
    """The message of a build or command that stops on it."""
    return f"{config_file}: {NO_SITE_URL}. To fix it, {NO_SITE_URL_FIX}."


def site_url_findings(settings: Settings, config_file: Path) -> list[Finding]:
    if settings.site_url:
        return []
    return [Finding(settings.display_path(config_file), 1, 1, NO_SITE_URL_RULE, "site",
                    "error", NO_SITE_URL, NO_SITE_URL_FIX)]  # fmt: skip
