"""Prose extraction: what the checks read as words, with code and markup blanked in place.

Each pattern is skipped when the text lacks its needles (most posts hold no code); skipping
must never change the result, or a check would read code as prose or miss prose."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from carepress import prose
from carepress.content import read_post
from carepress.prose import prose_of, without_code

ROOT = Path(__file__).resolve().parents[1]

BODIES = [
    "Plain words only.\n\nA second paragraph.\n",
    "Intro.\n\n<!-- more -->\n\nAfter the separator.\n",
    "Intro.\n\n<!-- note --> Hello world, visible to readers.\n",
    "Text.\n\n    indented code\n    more code\n\nProse again.\n",
    "    code at the very start\n\nProse.\n",
    "Two blocks:\n\n    first\n\n    second\n\nDone.\n",
    "Tabbed:\n\n\tcode with a tab\n\nDone.\n",
    "```python\nprint('[@not-a-citation]')\n\n    indented inside a fence\n```\n\nAfter.\n",
    "~~~\n<!-- inside a fence -->\n~~~\nAfter the fence.\n",
    "Use `inline code` and ``double `tick` code`` here.\n",
    "<!--\n\n    an indented line inside a comment\n-->\nVisible.\n",
    "An unclosed comment <!-- runs to the end\n\nof the post.\n",
    'A [link](https://example.org/page "Title") and [ref][id].\n\n[id]: https://example.org/\n',
    "Bare https://www.nimh.nih.gov/health and <mailto:someone@example.org>.\n",
    '<div class="note">Raw HTML with words</div>\n\nText {: .class #id }\n',
    "Spaces    inside    a    sentence    are not code.\n",
    "- list item\n\n    continued list paragraph\n",
]


def _reference_without_code(body: str) -> str:
    """Every code pattern, none skipped; indented code found in the body as written."""
    text = body
    for pattern, _needles in prose.CODE_PATTERNS:
        if pattern is prose._INDENTED_CODE_RE:
            for start, end in [m.span() for m in pattern.finditer(body)]:
                text = text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]
        elif pattern is prose._BACKTICKS_RE:  # inline code: paired runs, not a pattern
            for span in prose._inline_code(text):
                start, end = span.start(), span.end()
                text = text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]
        else:
            text = pattern.sub(prose.blank, text)
    return text


def _reference_prose(body: str) -> str:
    text = _reference_without_code(body)
    for pattern, _needles in prose.MARKUP_PATTERNS:
        text = pattern.sub(prose.blank, text)
    return text


def _sample_bodies() -> list[str]:
    bodies = []
    for path in sorted((ROOT / "content" / "posts").glob("*.md")):
        post, _ = read_post(path)
        assert post is not None
        bodies.append(post.body)
    return bodies


@pytest.mark.parametrize("body", BODIES + _sample_bodies())
def test_skipping_patterns_never_changes_the_prose(body: str) -> None:
    assert without_code(body) == _reference_without_code(body)
    text = prose_of(body, 1).text
    assert text == _reference_prose(body)
    assert len(text) == len(body)  # offsets stay valid
    assert [i for i, c in enumerate(text) if c == "\n"] == [
        i for i, c in enumerate(body) if c == "\n"
    ]


def test_words_after_a_comment_on_their_own_line_are_prose() -> None:
    # The blanked comment leaves spaces at the start of the line; they are not indentation.
    text = prose_of("Intro.\n\n<!-- note --> Hello world\n", 1).text
    assert "Hello world" in text and "note" not in text
    # ... also when the post holds real indented code elsewhere.
    text = prose_of("Intro.\n\n<!-- note --> Hello world\n\n    real code\n", 1).text
    assert "Hello world" in text and "real code" not in text


def test_code_and_markup_are_blanked() -> None:
    body = BODIES[3] + BODIES[7] + BODIES[9] + BODIES[12] + BODIES[13] + BODIES[14]
    text = prose_of(body, 1).text
    for gone in ("indented code", "print(", "inline code", "https://", "mailto:", "<div", ".class"):
        assert gone not in text
    for kept in ("Prose again.", "After.", "Raw HTML with words", "A ", "link", "Bare"):
        assert kept in text


def test_patterns_are_skipped_for_posts_without_their_text() -> None:
    body = BODIES[1]  # a separator comment only: no code, links, addresses or attributes
    ran = [p for p, needles in prose.CODE_PATTERNS if any(n in body for n in needles)]
    assert ran == [prose._COMMENT_RE]
    text = without_code(body)
    ran = [p for p, needles in prose.MARKUP_PATTERNS if any(n in text for n in needles)]
    assert ran == []
