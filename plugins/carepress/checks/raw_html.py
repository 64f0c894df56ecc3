"""Raw HTML in a post body that could run code in readers' browsers or hide the safeguards.

Markdown lets writers type HTML. Ordinary tags are fine; these are not: scripts, styles,
frames and embeds, event handlers, inline styles, and the `hidden` attribute.
"""

from __future__ import annotations

import re

from ..content import PostFile
from ..findings import Finding

_DANGEROUS_RE = re.compile(
    r"<\s*(?P<tag>script|style|iframe|frame|object|embed|form|base|meta|link)\b"
    r"|<[a-zA-Z][^>]*?\s(?P<attr>on[a-z]+|style|hidden)\s*(?:=|>|\s)",
    re.IGNORECASE,
)


def check_raw_html(post: PostFile) -> list[Finding]:
    text = post.code_free  # HTML shown as code is fine
    findings = []
    for match in _DANGEROUS_RE.finditer(text):
        what = (
            f"<{match.group('tag')}>"
            if match.group("tag")
            else f"the {match.group('attr')} attribute"
        )
        line = post.body_line + text.count("\n", 0, match.start())
        findings.append(
            Finding(
                post.path,
                line,
                1,
                "disclaimer.raw-html",
                "disclaimer",
                "error",
                f"raw HTML with {what} is not allowed in a post: it could run code in "
                "readers' browsers or hide the disclaimer and warnings",
                "remove it, or show it as code between backticks",
            )
        )
    return findings
