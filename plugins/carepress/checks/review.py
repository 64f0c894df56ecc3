"""Clinical review: a post for clients or the community says who reviewed it and when
(`reviewed: {by, on}`), and the page shows it. Without one it is a warning (which
`mkdocs build --strict` turns into a stop); a practice may make it an error or switch it off
(plugins > carepress > rules > severity)."""

from __future__ import annotations

from ..findings import Finding
from .registry import PostContext, RuleInfo, declare, post_check

RULE = "frontmatter.unreviewed"
# Readers outside the profession act on what they read; clinicians weigh it themselves.
NEEDS_REVIEW = frozenset({"clients", "community"})
declare(
    RuleInfo(RULE, "frontmatter", "warning",
             "a post for clients or the community names no clinical reviewer (reviewed:)"),
)  # fmt: skip


@post_check(order=6)
def check_review(ctx: PostContext) -> list[Finding]:
    model = ctx.front_matter
    if model.reviewed is not None or model.draft or not NEEDS_REVIEW & set(model.audience):
        return []
    readers = " and ".join(a for a in model.audience if a in NEEDS_REVIEW)
    return [
        Finding(ctx.post.path, ctx.post.line_of(("audience",)), 1, RULE, "frontmatter",
                "warning", f"this post for {readers} has not been clinically reviewed",
                "have a colleague review it, then add `reviewed: {by: <author id or name>, "
                "on: YYYY-MM-DD}`; the page shows who reviewed it and when")
    ]  # fmt: skip
