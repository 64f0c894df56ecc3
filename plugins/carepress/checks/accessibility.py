"""Accessibility of a post's Markdown: alt text, meaningful link text, heading order."""

from __future__ import annotations

import re

from ..findings import Finding
from .registry import PostContext, RuleInfo, declare, post_check

_WCAG = "https://www.w3.org/WAI/WCAG22/quickref/"
# Linear: no repetition reaches past the "[" or "<" that starts the next candidate.
_IMAGE_RE = re.compile(r"!\[(?P<alt>[^\[\]\n]*)\]\([^()\n]*\)")
_IMG_TAG_RE = re.compile(r"<img\b(?P<attrs>[^<>]*)>", re.IGNORECASE)
_LINK_TEXT_RE = re.compile(
    r"(?<!!)\[(?P<text>\s*(?:click here|here|this link|link|read more|more|this|this page|"
    r"click|go|learn more)\s*)\]\(",
    re.IGNORECASE,
)
# Python-Markdown makes "#chatsafe is..." a heading too: no space needed after the hashes.
_HEADING_RE = re.compile(r"^(?P<hashes>#{1,6})(?!#)\s*\S", re.M)


declare(
    RuleInfo("accessibility.image-alt", "accessibility", "error",
             "an image has no alt text (Markdown or <img>)", _WCAG),
    RuleInfo("accessibility.link-text", "accessibility", "warning",
             "a link says only 'here', 'click here', 'read more'...", _WCAG),
    RuleInfo("accessibility.heading-h1", "accessibility", "warning",
             "a level-1 heading in the body (the title is the page's only one)", _WCAG),
    RuleInfo("accessibility.heading-skip", "accessibility", "warning",
             "a heading skips a level (## then ####)", _WCAG),
)  # fmt: skip


@post_check(order=80)
def check_accessibility(ctx: PostContext) -> list[Finding]:
    post = ctx.post
    text = post.code_free

    def line_of(offset: int) -> int:
        return post.body_lines.line(offset)

    findings = []

    def add(offset: int, rule: str, severity: str, message: str, hint: str) -> None:
        findings.append(
            Finding(
                post.path,
                line_of(offset),
                1,
                f"accessibility.{rule}",
                "accessibility",
                severity,
                message,
                hint,
                _WCAG,
            )
        )  # type: ignore[arg-type]

    for m in _IMAGE_RE.finditer(text):
        if not m.group("alt").strip():
            add(
                m.start(),
                "image-alt",
                "error",
                "an image has no alt text",
                "describe the image in the brackets: ![A person walking by a lake](...)",
            )
    for m in _IMG_TAG_RE.finditer(text):
        if not re.search(r"\balt\s*=", m.group("attrs"), re.IGNORECASE):
            add(
                m.start(),
                "image-alt",
                "error",
                "an <img> has no alt attribute",
                'add alt="..." describing the image (alt="" only if it is decorative)',
            )
    for m in _LINK_TEXT_RE.finditer(text):
        add(
            m.start(),
            "link-text",
            "warning",
            f"link text '{m.group('text').strip()}' does not say where the link goes",
            "use the destination as the link text, e.g. [the NIMH page on anxiety](...)",
        )
    level = 1  # the page title is the only H1
    for m in _HEADING_RE.finditer(text):
        depth = len(m.group("hashes"))
        if depth == 1:
            add(
                m.start(),
                "heading-h1",
                "warning",
                "a '#' heading repeats the page's H1",
                "start sections at '##'; the title is the page's heading",
            )
        elif depth > level + 1:
            add(
                m.start(),
                "heading-skip",
                "warning",
                f"heading level jumps from {level} to {depth}",
                f"use {'#' * (level + 1)} here, so screen-reader users can follow the outline",
            )
        level = depth
    return findings
