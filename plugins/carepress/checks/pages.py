"""The hub's pages that are not posts (home, about, crisis, subscribe, ...): their front
matter held to what the theme prints of it, and their HTML to the allowlist.

A page is not a post: it needs no audience or sources, and may carry keys of other plugins.
But Material prints its title, subtitle, status and tags into every page's navigation and
the search results, includes the template it names, and draws the icon it names; so those
keys are held to the same shapes as a post's (plain text, known words, a page template of
the theme, at most 20 tags without markup). MkDocs also reads "Key: value" lines at the top
of a page as metadata (MultiMarkdown style), which CarePress cannot check: refused.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from ..budget import time_budget
from ..content import FRONT_MATTER_RE, PostFile, parse_yaml
from ..findings import Finding
from ..model import Slug, Tag, Text, icon_name
from ..settings import Settings
from .frontmatter import markup_findings, pydantic_finding, theme_findings
from .help_links import page_findings as help_link_page_findings
from .html_safety import locate_removals
from .other_regions import page_findings as other_region_page_findings
from .snippet_includes import include_findings
from .tracking_links import page_findings as tracking_link_page_findings

# MkDocs' own test for MultiMarkdown-style metadata (mkdocs.utils.meta.META_RE).
_MULTIMARKDOWN_META = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:\s*.*")
# Templates a page may ask for: a whole page of the theme or of the hub's overrides. Not a
# partial (no safeguards, no security policy), not an icon, not the redirect page (it writes
# `location` into a script).
_PAGE_TEMPLATE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*\.html$")
_NOT_PAGES = frozenset({"redirect.html", "404.html"})


def _template(value: str) -> str:
    if not _PAGE_TEMPLATE.match(value) or value in _NOT_PAGES:
        raise ValueError(
            f"{value!r} is not a page template; use one of the theme's pages (main.html) or "
            "the hub's (about.html, crisis.html, subscribe.html)"
        )
    return value


class PageMeta(BaseModel):
    """What Material reads from a page's front matter (other keys are other plugins')."""

    model_config = ConfigDict(strict=True, extra="allow", frozen=True, defer_build=True)
    title: Text | None = Field(default=None, max_length=200)
    description: Text | None = Field(default=None, max_length=300)
    subtitle: Text | None = Field(default=None, max_length=200)
    status: Slug | None = None
    icon: Annotated[str, AfterValidator(icon_name)] | None = None
    template: Annotated[str, AfterValidator(_template)] | None = None
    tags: list[Tag] = Field(default=[], max_length=20)
    draft: bool | None = None
    hide: list[Literal["navigation", "toc", "footer", "feedback", "tags", "path"]] = []


def read_page(path: Path, shown: str) -> tuple[PostFile | None, list[Finding]]:
    """A page's front matter (with the line of each key) and body; or what stops reading it."""
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    match = FRONT_MATTER_RE.match(text)
    if match is None:
        first = text.split("\n", 1)[0]
        if _MULTIMARKDOWN_META.match(first):
            return None, [
                Finding(shown, 1, 1, "frontmatter.multimarkdown", "frontmatter", "error",
                        f"MkDocs reads the line {first[:40]!r} (and those after it) as the "
                        "page's metadata, which CarePress cannot check",
                        "put the page's metadata between two '---' lines, or start the page "
                        "with a heading or a blank line")
            ]  # fmt: skip
        return PostFile(shown, {}, {}, text, 1), []
    parsed = parse_yaml(match.group(1), text, shown, offset=2)
    if isinstance(parsed, Finding):
        return None, [parsed]
    meta, lines, dupes = parsed
    body_line = text.count("\n", 0, match.end()) + 1
    meta = meta if isinstance(meta, dict) else {}
    return PostFile(shown, meta, lines, text[match.end() :], body_line, dupes), []


def check_page_front(page: PostFile, settings: Settings) -> list[Finding]:
    """A page's front matter, and its words' crisis numbers (checks/other_regions.py)."""
    findings = markup_findings(page) + other_region_page_findings(page, settings)
    try:
        PageMeta.model_validate(page.meta)
    except ValidationError as exc:
        return findings + [pydantic_finding(page, err) for err in exc.errors()]
    return findings + theme_findings(page, settings)


def check_page(path: Path, settings: Settings) -> list[Finding]:
    """`carepress check` on a page: its front matter, and its HTML through the allowlist."""
    shown = settings.display_path(path)
    page, findings = read_page(path, shown)
    if page is None:
        return findings
    findings += check_page_front(page, settings)
    includes = include_findings(shown, page.body, page.body_line, settings, in_post=False)
    if includes:  # a file it includes cannot be read: Markdown would stop on it
        return findings + includes
    with time_budget(settings.options.max_seconds_per_post):
        sanitised = settings.sanitiser.clean(settings.render(page.body))
    findings += locate_removals(shown, page.body, page.body_line, sanitised.removals, settings)
    return findings + link_findings(sanitised.html, path, settings)


def link_findings(page_html: str, source: Path, settings: Settings) -> list[Finding]:
    """Every check of a published page's links, on its HTML (help links, tracking links):
    the build's, Zensical's and `carepress check`'s reading of a page, in one place."""
    return (help_link_page_findings(page_html, source, settings)
            + tracking_link_page_findings(page_html, source, settings))  # fmt: skip
