"""The check engine: read a post, run every check, return one report per post.

Both faces call this: ``carepress check`` and the MkDocs plugin.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .checks.citations import check_citations
from .checks.claims import check_claims
from .checks.content_warnings import check_content_warnings
from .checks.frontmatter import check_front_matter
from .checks.raw_html import check_raw_html
from .checks.sources import check_sources
from .citations import find_citations
from .content import PostFile, read_post
from .findings import Finding, has_errors
from .model import FrontMatter
from .prose import prose_of
from .settings import Settings


@dataclass
class PostReport:
    path: Path
    display_path: str
    post: PostFile | None
    front_matter: FrontMatter | None
    findings: list[Finding] = field(default_factory=list)
    bad_keys: set[str] = field(default_factory=set)

    @property
    def has_errors(self) -> bool:
        return has_errors(self.findings)

    def is_published(self, now: dt.datetime) -> bool:
        return self.front_matter is not None and self.front_matter.is_published(now)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def check_post(path: Path, settings: Settings, now: dt.datetime | None = None) -> PostReport:
    now = now or utc_now()
    display = settings.display_path(path)
    post, findings = read_post(path, display, settings.max_post_bytes)
    report = PostReport(path, display, post, None, findings)
    if post is None:
        return report
    result = check_front_matter(post, settings, now)
    report.front_matter = result.model
    report.bad_keys = result.bad_keys
    report.findings += result.findings
    report.findings += check_raw_html(post)
    if result.model is not None and post.body.strip():
        prose = prose_of(post.body, post.body_line)
        model = result.model
        report.findings += check_content_warnings(post, model, prose, settings)
        report.findings += check_sources(post, model, settings, now)
        report.findings += check_citations(post, model, prose, find_citations(prose))
        report.findings += check_claims(post, model, prose, settings)
        if model.draft:
            report.findings = [_as_draft(f) for f in report.findings]
    return report


def _as_draft(finding: Finding) -> Finding:
    """A draft is never published, so only what stops the build from reading it stays an
    error; everything else is reported as info until the writer marks the post ready."""
    if finding.category == "frontmatter" or finding.severity == "info":
        return finding
    return replace(finding, severity="info",
                   hint=f"{finding.hint} (info while the post is a draft)".strip())  # fmt: skip


def check_paths(
    paths: Iterable[Path], settings: Settings, now: dt.datetime | None = None
) -> list[PostReport]:
    now = now or utc_now()
    return [check_post(path, settings, now) for path in paths]
