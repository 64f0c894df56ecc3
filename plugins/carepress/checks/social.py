"""Social snippets must fit their platforms, and writers' overrides meet the language rules."""

from __future__ import annotations

from ..content import PostFile
from ..findings import Finding
from ..model import FrontMatter
from ..prose import prose_of
from ..publish.snippets import Snippet, compose_all
from ..publish.urls import post_slug, post_url
from ..safeguards import Safeguards
from ..settings import Settings
from .language import check_language


def check_social(
    post: PostFile, model: FrontMatter, safeguards: Safeguards, settings: Settings, source
) -> tuple[list[Finding], dict[str, Snippet]]:
    """Findings, and the snippets themselves: composed once, reused by the share kit and the
    social feeds."""
    if not settings.options.snippets.enabled:
        return [], {}
    findings: list[Finding] = []
    url = post_url(model, source, settings)
    snippets, errors = compose_all(model, safeguards, url, post_slug(model), settings)
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
                + f", or write a shorter social.{error.platform}.text",
            )
        )
    # Overrides are text the practice will publish: the same language rules apply.
    for platform, override in model.social.items():
        if not override.text:
            continue
        line = post.line_of(("social", platform, "text"))
        for finding in check_language(post, prose_of(override.text, line), settings):
            findings.append(finding)
    return findings, snippets
