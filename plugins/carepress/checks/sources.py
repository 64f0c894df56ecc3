"""Sources in front matter: secure links, no duplicates, enough of them, trusted domains, age."""

from __future__ import annotations

import datetime as dt

from ..findings import Finding
from ..model import FrontMatter
from ..sanitise import host_of
from .registry import PostContext, RuleInfo, declare, post_check

declare(
    RuleInfo("citation.too-few-sources", "citation", "error",
             "fewer sources than the post type needs (min_sources)"),
    RuleInfo("citation.duplicate-id", "citation", "error", "two sources share an id"),
    RuleInfo("citation.duplicate-source", "citation", "warning", "a source is listed twice"),
    RuleInfo("citation.insecure-url", "citation", "warning", "a source's address is http://"),
    RuleInfo("citation.denied-domain", "citation", "error",
             "a source is on the practice's list not to cite (source_domains > deny)"),
    RuleInfo("citation.weak-domain", "citation", "warning",
             "a source is social media or user-generated (source_domains > warn)"),
    RuleInfo("citation.unlisted-domain", "citation", "warning",
             "a source is not on the practice's trusted list (source_domains > allow)"),
    RuleInfo("citation.old-source", "citation", "warning",
             "a source is older than source_max_age_years"),
)  # fmt: skip


def outdated_on(year: int, max_age_years: int) -> dt.date:
    """The day a source of `year` grows older than `max_age_years` (citation.old-source)."""
    return dt.date(year + max_age_years + 1, 1, 1)


def sources_age(model: FrontMatter, max_age_years: int | None) -> dt.date | None:
    """The day a post's oldest dated source grows too old (the calendar shows it), or None."""
    years = [s.year for s in model.sources if s.year]
    return outdated_on(min(years), max_age_years) if max_age_years and years else None


def _matches(host: str, domains: list[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


@post_check(order=20)
def check_sources(ctx: PostContext) -> list[Finding]:
    post, model, now = ctx.post, ctx.front_matter, ctx.now
    options = ctx.settings.options
    findings: list[Finding] = []

    def add(index: int | None, key: str, rule: str, severity: str, message: str, hint: str) -> None:
        path = ("sources",) if index is None else ("sources", index, key)
        findings.append(
            Finding(
                post.path,
                post.line_of(path),
                1,
                f"citation.{rule}",
                "citation",
                severity,
                message,
                hint,
            )
        )  # type: ignore[arg-type]

    minimum = options.min_sources.get(model.type, 0)
    if len(model.sources) < minimum:
        # At the `sources:` key, or where the front matter ends when there is none.
        line = (post.line_of(("sources",)) if ("sources",) in post.lines
                else max(1, post.body_line - 1))  # fmt: skip
        findings.append(Finding(
            post.path, line, 1, "citation.too-few-sources", "citation", "error",
            f"sources: {'an' if model.type[:1] in 'aeiou' else 'a'} {model.type} needs at least "
            f"{minimum} source" + ("s" if minimum != 1 else ""),
            "add the public-health or research pages your post relies on; how many each post "
            f"type needs is plugins > carepress > min_sources in mkdocs.yml (`min_sources: "
            f"{{{model.type}: 0}}` lets a {model.type} without claims go without)",
        ))  # fmt: skip

    seen_ids: dict[str, int] = {}
    seen_links: dict[str, int] = {}
    for index, source in enumerate(model.sources):
        number = index + 1
        if source.id:
            if source.id in seen_ids:
                add(
                    index,
                    "id",
                    "duplicate-id",
                    "error",
                    f"sources[{number}].id: '{source.id}' is already used by "
                    f"sources[{seen_ids[source.id]}]",
                    "give each source its own id",
                )
            seen_ids.setdefault(source.id, number)
        link = (source.url or f"doi:{source.doi}").lower().rstrip("/")
        if link in seen_links:
            add(
                index,
                "url" if source.url else "doi",
                "duplicate-source",
                "warning",
                f"sources[{number}]: the same source as sources[{seen_links[link]}]",
                "list each source once and cite it as often as you need",
            )
        seen_links.setdefault(link, number)
        if source.url:
            if source.url.lower().startswith("http://"):
                add(
                    index,
                    "url",
                    "insecure-url",
                    "warning",
                    f"sources[{number}].url: uses http://, not https://",
                    "use the https:// address if the site has one",
                )
            host = host_of(source.url)
            domains = options.source_domains
            if _matches(host, domains.deny):
                add(
                    index,
                    "url",
                    "denied-domain",
                    "error",
                    f"sources[{number}].url: {host} is on the practice's list of sources "
                    "not to cite",
                    "cite the original research or a public-health page",
                )
            elif _matches(host, domains.warn):
                add(
                    index,
                    "url",
                    "weak-domain",
                    "warning",
                    f"sources[{number}].url: {host} is social media or user-generated content",
                    "cite the original research or a public-health page instead",
                )
            elif domains.allow and not _matches(host, domains.allow):
                add(
                    index,
                    "url",
                    "unlisted-domain",
                    "warning",
                    f"sources[{number}].url: {host} is not on the practice's list of trusted "
                    "source domains",
                    "use a listed domain, or add this one to source_domains > allow",
                )
        max_age = options.source_max_age_years
        if max_age and source.year and outdated_on(source.year, max_age) <= now.date():
            add(
                index,
                "year",
                "old-source",
                "warning",
                f"sources[{number}].year: {source.year} is more than {max_age} years ago",
                "check for a more recent version of this source",
            )
    return findings
