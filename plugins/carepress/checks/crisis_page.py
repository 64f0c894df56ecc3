"""A hub without its crisis page: every page's footer, each crisis box, the policy pages and
the feeds link to it (Settings.crisis_page). `mkdocs build` stops on it (mkdocs/plugin.py)
and the whole hub's `carepress check` reports it, with this one message."""

from __future__ import annotations

from ..findings import Finding
from ..settings import CRISIS_SOURCE, Settings
from .registry import RuleInfo, declare

NO_CRISIS_PAGE_RULE = "site.no-crisis-page"

declare(
    RuleInfo(NO_CRISIS_PAGE_RULE, "site", "error", "the hub has no crisis page, which every "
             "page's footer and each crisis box link to", adjustable=False),
)  # fmt: skip

NO_CRISIS_PAGE = "is missing: every page's footer and each crisis box link to the crisis page"
NO_CRISIS_PAGE_FIX = "restore it (with `template: crisis.html` in its front matter)"


def crisis_page_message(shown: str) -> str:
    """The message of a build that stops on it."""
    return f"{shown} {NO_CRISIS_PAGE}. To fix it, {NO_CRISIS_PAGE_FIX}."


def crisis_page_findings(settings: Settings) -> list[Finding]:
    path = settings.docs_dir / CRISIS_SOURCE
    if path.is_file():
        return []
    return [Finding(settings.display_path(path), 1, 1, NO_CRISIS_PAGE_RULE, "site", "error",
                    f"the crisis page {NO_CRISIS_PAGE}", NO_CRISIS_PAGE_FIX)]  # fmt: skip
