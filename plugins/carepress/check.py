"""The check engine: read a post, run every check, return one report per post.

Both faces call this: ``carepress check`` and the MkDocs plugin.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .checks.accessibility import check_accessibility
from .checks.citations import check_citations
from .checks.claims import check_claims
from .checks.content_warnings import check_content_warnings
from .checks.frontmatter import check_front_matter
from .checks.html_safety import check_html_safety
from .checks.language import check_language
from .checks.readability import check_readability
from .checks.social import check_social
from .checks.sources import check_sources
from .citations import find_citations, without_citations
from .content import PostFile, read_post
from .findings import Finding, has_errors
from .model import FrontMatter
from .prefilter import LiteralIndex
from .prose import prose_of
from .publish.snippets import Snippet
from .safeguards import Safeguards, safeguards_for
from .settings import Settings
from .suppressions import apply_suppressions


@dataclass
class PostReport:
    path: Path
    display_path: str
    post: PostFile | None
    front_matter: FrontMatter | None
    findings: list[Finding] = field(default_factory=list)
    bad_keys: set[str] = field(default_factory=set)
    safeguards: Safeguards | None = None
    snippets: Mapping[str, Snippet] = field(default_factory=dict)  # by platform

    @property
    def has_errors(self) -> bool:
        return has_errors(self.findings)

    def is_published(self, now: dt.datetime) -> bool:
        return self.front_matter is not None and self.front_matter.is_published(now)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def check_front(path: Path, settings: Settings, now: dt.datetime | None = None) -> PostReport:
    """What a build needs before it reads anything else: the file, its validated front matter
    and the safeguards it asks for. `check_post` does this, then checks the prose."""
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
    if result.model is not None and post.body.strip():
        report.safeguards = safeguards_for(result.model, settings)
    return report


def check_post(
    path: Path, settings: Settings, now: dt.datetime | None = None, *, html: bool = True
) -> PostReport:
    """Every check of one post. `html=False` leaves out rendering the post to judge its
    HTML: a build judges the HTML MkDocs renders instead (and renders here only to find
    the line of a problem)."""
    now = now or utc_now()
    report = check_front(path, settings, now)
    post, model = report.post, report.front_matter
    if post is None:
        return report
    if html:
        report.findings += check_html_safety(post, settings)
    if model is not None and report.safeguards is not None:
        prose = prose_of(post.body, post.body_line, post.code_free)
        # Citation keys ([@va-ptsd]) are references, not words a reader sees as prose.
        words = without_citations(prose)
        index = LiteralIndex(words.text, settings.literal_search)  # shared by the scans
        report.findings += check_content_warnings(post, model, words, settings, index)
        report.findings += check_sources(post, model, settings, now)
        report.findings += check_citations(post, model, prose, find_citations(prose))
        report.findings += check_claims(post, model, prose, settings, index)
        body = check_language(post, words, settings, index)
        body += check_readability(post, model, words, settings)
        body += check_accessibility(post)
        report.findings += body
        social, report.snippets = check_social(post, model, report.safeguards, settings, path)
        report.findings += social
        report.findings = apply_suppressions(
            post, report.findings, lambda: known_rule_ids(settings)
        )
        if model.draft:
            report.findings = [_as_draft(f) for f in report.findings]
    return report


def known_rule_ids(settings: Settings) -> set[str]:
    """Every rule id a finding can carry, for naming rules in suppressions."""
    from .checks.claims import claim_patterns  # local: only needed when a post suppresses

    ids = set(settings.rules)
    ids |= {f"content-warning.undeclared-{cw}" for cw in settings.topics}
    ids |= {f"citation.uncited-{kind.replace('_', '-')}" for kind in claim_patterns()}
    ids |= {
        "citation.unresolved",
        "citation.unused-source",
        "html.element",
        "html.attribute",
        "html.unsafe-url",
        "html.remote-media",
        "readability.grade",
        "readability.long-sentence",
        "accessibility.image-alt",
        "accessibility.link-text",
        "accessibility.heading-h1",
        "accessibility.heading-skip",
    }
    return ids


def _as_draft(finding: Finding) -> Finding:
    """A draft is never published, so only what stops the build from reading it stays an
    error; everything else is reported as info until the writer marks the post ready."""
    if finding.category == "frontmatter" or finding.severity == "info":
        return finding
    return replace(
        finding, severity="info", hint=f"{finding.hint} (info while the post is a draft)".strip()
    )


def check_paths(
    paths: Iterable[Path],
    settings: Settings,
    now: dt.datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[PostReport]:
    now = now or utc_now()
    paths = list(paths)
    reports = []
    for done, path in enumerate(paths, start=1):
        reports.append(check_post(path, settings, now))
        if progress:
            progress(done, len(paths))
    return reports
