"""The prose of a Markdown body, with its positions kept.

Checks search prose, not code, URLs, HTML tags or comments. Instead of extracting text
(and losing line numbers), everything that is not prose is blanked out with spaces of the
same length, so an offset in the result is an offset in the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_FENCE_RE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^\1?\2[ \t]*$|\Z)", re.M | re.S)
_INDENTED_CODE_RE = re.compile(r"(?:(?<=\n\n)|\A)(?:(?: {4}|\t)[^\n]*\n?)+")
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_INLINE_CODE_RE = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.S)
_LINK_TARGET_RE = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|\]\[[^\]]*\]")
_REFERENCE_DEF_RE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$", re.M)
_AUTOLINK_RE = re.compile(r"<(?:https?|mailto):[^>\s]+>|https?://[^\s)>\]]+")
_TAG_RE = re.compile(r"</?[a-zA-Z][^>\n]*>")
_ATTR_LIST_RE = re.compile(r"\{[:.#][^}\n]*\}")


_NOT_NEWLINE_RE = re.compile(r"[^\n]")
# A paragraph or list block: lines up to a blank line.
BLOCK_RE = re.compile(r"(?:[^\n]+\n?)+")


def blank(match: re.Match[str]) -> str:
    """Replace a match with spaces, keeping its line breaks (so offsets stay valid)."""
    text = match.group(0)
    return _NOT_NEWLINE_RE.sub(" ", text) if "\n" in text else " " * len(text)


# Code (fenced, indented, inline) and comments: never prose, never rendered as HTML. Each
# with text none of its matches is without: most posts hold no code, and the indented-code
# pattern (a lookbehind at every position) is the slowest scan of a post's checks otherwise.
CODE_PATTERNS = (
    (_FENCE_RE, ("```", "~~~")),
    (_COMMENT_RE, ("<!--",)),
    (_INDENTED_CODE_RE, ("    ", "\t")),
    (_INLINE_CODE_RE, ("`",)),
)
# Markup around prose: link targets, bare addresses, tags, attribute lists (with their text).
MARKUP_PATTERNS = (
    (_REFERENCE_DEF_RE, ("]:",)),
    (_LINK_TARGET_RE, ("](", "][")),
    (_AUTOLINK_RE, ("http", "mailto:")),
    (_TAG_RE, ("<",)),
    (_ATTR_LIST_RE, ("{",)),
)


def _blank_spans(text: str, matches: Iterable[re.Match[str]]) -> str:
    out, last = [], 0
    for match in matches:
        out += [text[last : match.start()], blank(match)]
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def without_code(body: str) -> str:
    """The body with code and comments blanked (HTML shown as code is not HTML)."""
    text = body
    for pattern, needles in CODE_PATTERNS:
        # Needles are looked for in the body as written: blanking only ever adds spaces.
        if not any(needle in body for needle in needles):
            continue
        if pattern is _INDENTED_CODE_RE:
            # Indented code is found in the body as written: a blanked comment leaves spaces
            # that would look like indentation ("<!-- note --> Hello" on its own line would
            # lose "Hello", which readers see).
            text = _blank_spans(text, pattern.finditer(body))
        else:
            text = pattern.sub(blank, text)
    return text


@dataclass(frozen=True)
class Prose:
    text: str  # same length as the body; non-prose blanked with spaces
    first_line: int  # the body's first line in the file (1-based)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, offset)
        start = self.text.rfind("\n", 0, offset) + 1
        return self.first_line + line, offset - start + 1


def prose_of(body: str, first_line: int, code_free: str | None = None) -> Prose:
    """`code_free`: `without_code(body)` when the caller has it already (PostFile keeps it)."""
    text = without_code(body) if code_free is None else code_free
    for pattern, needles in MARKUP_PATTERNS:
        if any(needle in text for needle in needles):
            text = pattern.sub(blank, text)
    return Prose(text, first_line)
