"""The check engine: read a post, run every check, return one report per post.

Both faces call this: ``carepress check`` and the MkDocs plugin.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .checks.content_warnings import check_content_warnings
from .checks.frontmatter import check_front_matter
from .checks.raw_html import check_raw_html
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
    if result.model is not None:
        prose = prose_of(post.body, post.body_line)
        report.findings += check_content_warnings(post, result.model, prose, settings)
    return report


def check_paths(
    paths: Iterable[Path], settings: Settings, now: dt.datetime | None = None
) -> list[PostReport]:
    now = now or utc_now()
    return [check_post(path, settings, now) for path in paths]
