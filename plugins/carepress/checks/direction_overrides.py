"""Text that reads other than it is stored: a bidirectional embedding or override in the body
("\u202eedicius" shows readers "suicide" while every check reads "edicius"). No post needs
one (right-to-left languages need no override), so one is an error, at its line."""

from __future__ import annotations

import re

from ..findings import Finding
from .registry import PostContext, RuleInfo, declare, post_check

RULE = "html.direction-override"
declare(
    RuleInfo(RULE, "html", "error",
             "the body holds a bidirectional override, which shows text other than it is "
             "stored (and checked)", adjustable=False),
)  # fmt: skip

# LRE, RLE, PDF, LRO, RLO: the embeddings and overrides (isolates and marks are left alone).
_OVERRIDE_RE = re.compile("[\u202a-\u202e]")


@post_check(order=6)
def check_direction_overrides(ctx: PostContext) -> list[Finding]:
    post = ctx.post
    match = _OVERRIDE_RE.search(post.body)
    if match is None:
        return []
    line, column = post.body_lines.line_col(match.start())
    return [
        Finding(post.path, line, column, RULE, "html", "error",
                f"the body holds a direction override (U+{ord(match.group(0)):04X}), which "
                "makes the text after it read other than it is written",
                "delete the invisible character (retype the line if need be)")
    ]  # fmt: skip
