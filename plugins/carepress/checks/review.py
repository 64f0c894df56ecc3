"""Clinical review: a post for clients or the community says who reviewed it and when
(`reviewed: {by, on}`), and the page shows it. Without one it is a warning (which
`mkdocs build --strict` turns into a stop); a practice may make it an error or switch it off
(plugins > carepress > rules > severity)."""

from __future__ import annotations

import calendar
import datetime as dt

from ..findings import Finding
from ..model import FrontMatter
from .registry import PostContext, RuleInfo, declare, post_check

RULE = "frontmatter.unreviewed"
DUE = "frontmatter.review-due"
# Readers outside the profession act on what they read; clinicians weigh it themselves.
NEEDS_REVIEW = frozenset({"clients", "community"})
declare(
    RuleInfo(RULE, "frontmatter", "warning",
             "a post for clients or the community names no clinical reviewer (reviewed:)"),
    RuleInfo(DUE, "frontmatter", "warning",
             "a post's clinical review is older than review_every_months"),
)  # fmt: skip


def review_due(model: FrontMatter, every_months: int) -> dt.date | None:
    """When the post's clinical review runs out (`every_months` after it), or None when it
    names none."""
    if model.reviewed is None:
        return None
    on = model.reviewed.on.date()
    months = on.month - 1 + every_months
    year, month = on.year + months // 12, months % 12 + 1
    return dt.date(year, month, min(on.day, calendar.monthrange(year, month)[1]))


def unreviewed(model: FrontMatter) -> bool:
    """A post for clients or the community that names no clinical review."""
    return model.reviewed is None and bool(NEEDS_REVIEW & set(model.audience))


@post_check(order=6)
def check_review(ctx: PostContext) -> list[Finding]:
    model = ctx.front_matter
    if model.draft:
        return []
    due = review_due(model, ctx.settings.options.review_every_months)
    if due is not None and due <= ctx.now.date():
        return [
            Finding(ctx.post.path, ctx.post.line_of(("reviewed",)), 1, DUE, "frontmatter",
                    "warning", f"the clinical review of {model.reviewed.on.date()} ran out on "  # type: ignore[union-attr]
                    f"{due} (review_every_months: {ctx.settings.options.review_every_months})",
                    "have a colleague review the post again (sources, numbers, advice), then "
                    "update `reviewed: {by: ..., on: YYYY-MM-DD}`")
        ]  # fmt: skip
    if not unreviewed(model):
        return []
    readers = " and ".join(a for a in model.audience if a in NEEDS_REVIEW)
    return [
        Finding(ctx.post.path, ctx.post.line_of(("audience",)), 1, RULE, "frontmatter",
                "warning", f"this post for {readers} has not been clinically reviewed",
                "have a colleague review it, then add `reviewed: {by: <author id or name>, "
                "on: YYYY-MM-DD}`; the page shows who reviewed it and when")
    ]  # fmt: skip
