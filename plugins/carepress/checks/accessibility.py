"""Accessibility of a post's Markdown: alt text, meaningful link text, heading order."""

from __future__ import annotations

import re

from ..findings import Finding
from .registry import PostContext, RuleInfo, declare, post_check

_WCAG = "https://www.w3.org/WAI/WCAG22/quickref/"
# Linear: no repetition reaches past the "[" or "<" that starts the next candidate.
_IMAGE_RE = re.compile(r"!\[(?P<alt>[^\[\]\n]*)\]\((?P<src>[^()\n]*)\)")
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
    RuleInfo("accessibility.alt-says-nothing", "accessibility", "warning",
             "an image's alt text says nothing about it ('image', 'photo', its file name)",
             _WCAG),
    RuleInfo("accessibility.link-text", "accessibility", "warning",
             "a link says only 'here', 'click here', 'read more'...", _WCAG),
    RuleInfo("accessibility.heading-h1", "accessibility", "warning",
             "a level-1 heading in the body (the title is the page's only one)", _WCAG),
    RuleInfo("accessibility.heading-skip", "accessibility", "warning",
             "a heading skips a level (## then ####)", _WCAG),
)  # fmt: skip


# Alt text a screen reader reads out that tells its listener nothing.
_EMPTY_WORDS = frozenset({
    "image", "photo", "picture", "img", "pic", "photograph", "graphic", "illustration",
    "screenshot", "icon", "figure", "an image", "a photo", "a picture", "image of",
    "photo of", "picture of", "alt", "alt text", "untitled",
})  # fmt: skip
_FILE_NAME_RE = re.compile(r"^[\w.-]+\.(?:png|jpe?g|gif|webp|svg|avif|bmp|tiff?)$", re.I)
_ATTR_RE = r"""\b{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"""


def _attribute(attrs: str, name: str) -> str | None:
    match = re.search(_ATTR_RE.format(name=name), attrs, re.IGNORECASE)
    return None if match is None else next(g for g in match.groups() if g is not None)


def says_nothing(alt: str, src: str) -> bool:
    """Alt text that is a placeholder word or the image's file name."""
    words = " ".join(alt.casefold().split()).strip(" .:")
    if not words:
        return False  # no alt at all is its own finding (alt="" marks a decorative image)
    path = src.strip().split()[0] if src.strip() else ""
    name = path.rsplit("/", 1)[-1].split("?")[0].casefold()
    stem = name.rsplit(".", 1)[0]
    return (words in _EMPTY_WORDS or bool(_FILE_NAME_RE.match(words))
            or (bool(name) and words in (name, stem, stem.replace("-", " ").replace("_", " "))))


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
    empty_alt = ("describe what the image shows, as you would to someone who cannot see it "
                 "(or, for a purely decorative image, use an <img> with alt=\"\")")
    for m in _IMAGE_RE.finditer(text):
        alt = m.group("alt")
        if says_nothing(alt, m.group("src")):
            add(m.start(), "alt-says-nothing", "warning",
                f"the image's alt text {alt.strip()!r} says nothing about it: a screen reader "
                "reads just that", empty_alt)  # fmt: skip
    for m in _IMG_TAG_RE.finditer(text):
        alt = _attribute(m.group("attrs"), "alt")
        if alt is not None and says_nothing(alt, _attribute(m.group("attrs"), "src") or ""):
            add(m.start(), "alt-says-nothing", "warning",
                f"the image's alt text {alt.strip()!r} says nothing about it: a screen reader "
                "reads just that", empty_alt)  # fmt: skip
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
