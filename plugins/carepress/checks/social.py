"""Social snippets must fit their platforms, and writers' overrides meet the language rules."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..publish.platforms import PLATFORMS
from ..publish.snippets import compose_all
from ..settings import Settings
from .registry import PostContext, RuleInfo, declare_family, post_check


@declare_family
def _rules(settings: Settings) -> Iterator[RuleInfo]:
    for platform in PLATFORMS.values():
        yield RuleInfo(
            f"social.too-long-{platform.key}", "social", "error",
            f"the post's {platform.label} snippet does not fit the platform's limits",
            enabled=settings.options.snippets.enabled,
        )  # fmt: skip


@post_check(order=90)
def check_social(ctx: PostContext) -> list[Finding]:
    """Findings; the snippets themselves go to `ctx.snippets`: composed once, reused by the
    share kit and the social feeds."""
    post, model, settings = ctx.post, ctx.front_matter, ctx.settings
    if not settings.options.snippets.enabled:
        return []
    findings: list[Finding] = []
    address = ctx.address
    ctx.snippets, errors = compose_all(model, ctx.safeguards, address.url, address.slug, settings)
    for error in errors:
        overridden = error.platform in model.social and model.social[error.platform].text  # type: ignore[index]
        key = ("social", error.platform, "text") if overridden else ("description",)
        findings.append(
            Finding(
                post.path,
                post.line_of(key),
                1,
                f"social.too-long-{error.platform}",
                "social",
                "error",
                f"{error.platform}: {error}",
                "shorten the title"
                + (" or the override text" if overridden else "")
                + f", or write a shorter social.{error.platform}.text"
                + _long_address_hint(address.url),
            )
        )
    findings += _thread_findings(ctx)
    # Overrides are read with the post's other published texts (published_texts.py).
    return findings


def _long_address_hint(url: str) -> str:
    """A title in another script makes a long, percent-encoded address: a short slug is the
    fix, not a shorter title."""
    if "%" in url or len(url) > 100:
        return f"; the post's address alone is {len(url)} characters: give it a short slug:"
    return ""


def _thread_findings(ctx: PostContext) -> list[Finding]:
    """Each reply of a writer's thread fits on its own, its warning counted, as Mastodon
    counts every status of a thread."""
    findings = []
    snippets = ctx.snippets or {}
    for platform, override in ctx.front_matter.social.items():
        record = PLATFORMS[platform]
        spoiler = snippets[platform].spoiler_text if platform in snippets else ""
        limit = record.limit_for(ctx.settings.options.snippets.mastodon_limit)
        for i, part in enumerate(override.thread):
            length = record.length(part.strip(), spoiler)
            if length > limit:
                findings.append(Finding(
                    ctx.post.path, ctx.post.line_of(("social", platform, "thread", i)), 1,
                    f"social.too-long-{platform}", "social", "error",
                    f"{platform}: reply {i + 1} of the thread is {length} long (limit {limit}, "
                    "its content warning counted)",
                    "split it into two replies, or shorten it",
                ))  # fmt: skip
    return findings
