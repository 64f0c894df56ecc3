"""The `carepress new` template's placeholder text must not be published: its description
and its body's instructions are errors in a post that is not a draft (info in a draft)."""

from __future__ import annotations

import re
from functools import cache

from ..findings import Finding
from ..new_post import DESCRIPTION, template_text
from .registry import PostContext, RuleInfo, declare, post_check

RULE = "frontmatter.placeholder"
declare(
    RuleInfo(RULE, "frontmatter", "error",
             "text from the `carepress new` template is still in the post", adjustable=False),
)  # fmt: skip

_SENTENCE_RE = re.compile(r"[^.!?:\n][^.!?:]*[.!?:]?")


def _normal(text: str) -> str:
    return " ".join(text.split()).lower()


@cache
def template_sentences() -> tuple[str, ...]:
    """The sentences and headings of the template's body (after its front matter), read from
    the template itself so that a changed template changes the check."""
    body = template_text().split("\n---\n", 1)[1]
    sentences = []
    for block in re.split(r"\n\s*\n", body):
        block = block.strip()
        # Headings are left out: "When to reach out" is one a writer may well keep.
        if not block or block.startswith(("<!--", "#")):
            continue
        sentences += [_normal(s) for s in _SENTENCE_RE.findall(block) if len(s.split()) >= 4]
    return tuple(dict.fromkeys(sentences))


@cache
def _description_re() -> re.Pattern[str]:
    before, after = (re.escape(_normal(part)) for part in DESCRIPTION.split("{title}"))
    return re.compile(f"{before}.*{after}")


@post_check(order=5)
def check_placeholders(ctx: PostContext) -> list[Finding]:
    post, model = ctx.post, ctx.front_matter
    severity = "info" if model.draft else "error"
    findings = []
    if _description_re().fullmatch(_normal(model.description)):
        findings.append(
            Finding(post.path, post.line_of(("description",)), 1, RULE, "frontmatter", severity,
                    "the description is still the template's placeholder",
                    "write one or two sentences that say what the post offers: feeds, link "
                    "previews and social posts show them")
        )  # fmt: skip
    line = post.body_line
    for paragraph in re.split(r"(\n\s*\n)", post.body):
        text = _normal(paragraph)
        if any(sentence in text for sentence in template_sentences()):
            first = line + paragraph[: len(paragraph) - len(paragraph.lstrip())].count("\n")
            findings.append(
                Finding(post.path, first, 1, RULE, "frontmatter", severity,
                        f"'{paragraph.strip()[:60]}' is the template's placeholder text",
                        "replace the template's instructions with the post's own text")
            )  # fmt: skip
        line += paragraph.count("\n")
    return findings
