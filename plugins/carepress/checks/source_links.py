"""Findings for source links checked online (`carepress check --links`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine import Post
from ..findings import Finding
from .registry import RuleInfo, declare

if TYPE_CHECKING:
    from ..link_checker import LinkResult

declare(
    RuleInfo("citation.link-unreachable", "citation", "warning",
             "a source's address could not be reached (check --links)"),
    RuleInfo("citation.link-redirect", "citation", "info",
             "a source's address redirects elsewhere (check --links)"),
    RuleInfo("citation.link-broken", "citation", "error",
             "a source's page is gone: HTTP 404 or 410 (check --links)"),
    RuleInfo("citation.link-error", "citation", "warning",
             "a source's site answered with an error (check --links)"),
)  # fmt: skip


def _classify(result: LinkResult) -> tuple[str, str, str, str] | None:
    """(rule, severity, message, hint) for a link that is not plainly fine."""
    status = result.status
    if status is None:
        return (
            "link-unreachable",
            "warning",
            f"could not be reached ({result.error})",
            "check the address; the site may be down or slow",
        )
    if 200 <= status < 300:
        return None
    if 300 <= status < 400:
        return (
            "link-redirect",
            "info",
            f"redirects to {result.location}",
            "check it is the same source, then update the url",
        )
    if status in (404, 410):
        return (
            "link-broken",
            "error",
            f"the page is gone (HTTP {status})",
            "find the page's new address, or cite another source",
        )
    return (
        "link-error",
        "warning",
        f"the site answered HTTP {status}",
        "open the link in a browser to check it",
    )


def link_findings(report: Post, results: dict[str, LinkResult]) -> list[Finding]:
    if report.front_matter is None or report.post is None:
        return []
    findings = []
    for index, source in enumerate(report.front_matter.sources):
        result = results.get(source.url or "")
        verdict = _classify(result) if result else None
        if verdict is None:
            continue
        rule, severity, message, hint = verdict
        findings.append(
            Finding(
                report.display_path,
                report.post.line_of(("sources", index, "url")),
                1,
                f"citation.{rule}",
                "citation",
                severity,  # type: ignore[arg-type]
                f"sources[{index + 1}].url: {message}",
                hint,
            )
        )
    return findings
