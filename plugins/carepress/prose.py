"""The prose of a Markdown body, with its positions kept.

Checks search prose, not code, URLs, HTML tags or comments. Instead of extracting text
(and losing line numbers), everything that is not prose is blanked out with spaces of the
same length, so an offset in the result is an offset in the body. Words are spelt plainly
(disguise.py: look-alike letters, invisible characters), also without moving an offset.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from . import kept_patterns
from .disguise import undisguised

# Possessive {3,}+: a line of thousands of backticks is not retried at every shorter run.
_FENCE_RE = re.compile(r"^( {0,3})(`{3,}+|~{3,}+)[^\n]*\n.*?(?:^\1?\2[ \t]*$|\Z)", re.M | re.S)
_INDENTED_CODE_RE = re.compile(r"(?:(?<=\n\n)|\A)(?:(?: {4}|\t)[^\n]*\n?)+")
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# Every pattern here runs over text anyone may write, so each runs in linear time: no
# repetition may reach past the character that would start its next match (a run of
# "](](](" or "<a <a <a" would otherwise be scanned to its end from each start: quadratic).
_BACKTICKS_RE = re.compile(r"`+")
_LINK_TARGET_RE = re.compile(r"\]\([^()\s\]]*(?:[ \t]+\"[^\"\n]*\")?\)|\]\[[^\[\]\n]*\]")
# A link reference definition ("[x]: https://..."), never shown. A footnote's ("[^1]: ...")
# is prose the reader sees at the page's foot: only its label is markup.
_REFERENCE_DEF_RE = re.compile(
    r"^ {0,3}\[(?!\^)[^\[\]\n]+\]:[ \t]*\S+.*$|^ {0,3}\[\^[^\[\]\n]+\]:", re.M
)
_AUTOLINK_RE = re.compile(r"<(?:https?|mailto):[^<>\s]+>|https?://[^\s)<>\]]+")
_TAG_RE = re.compile(r"</?[a-zA-Z][^<>\n]*>")
_ATTR_LIST_RE = re.compile(r"\{[:.#][^{}\n]*\}")


_NOT_NEWLINE_RE = re.compile(r"[^\n]")
# A paragraph or list block: lines up to a blank line.
BLOCK_RE = re.compile(r"(?:[^\n]+\n?)+")


def blank(match: re.Match[str]) -> str:
    """Replace a match with spaces, keeping its line breaks (so offsets stay valid)."""
    text = match.group(0)
    return _NOT_NEWLINE_RE.sub(" ", text) if "\n" in text else " " * len(text)


def _blank_comment(match: re.Match[str]) -> str:
    """A comment as spaces; one inside a word ("self-h<!-- -->arm"), which readers never see
    as a break, as zero-width spaces, which `undisguised` moves to the word's end."""
    text, start, end = match.string, match.start(), match.end()
    inside_a_word = (
        start > 0 and end < len(text) and "\n" not in match.group(0)
        and (text[start - 1].isalnum() or text[start - 1] == "-")
        and (text[end].isalnum() or text[end] == "-")
    )  # fmt: skip
    return "\u200b" * (end - start) if inside_a_word else blank(match)


# Code (fenced, indented, inline) and comments: never prose, never rendered as HTML. Each
# with text none of its matches is without: most posts hold no code, and the indented-code
# pattern (a lookbehind at every position) is the slowest scan of a post's checks otherwise.
CODE_PATTERNS = (
    (_FENCE_RE, ("```", "~~~")),
    (_COMMENT_RE, ("<!--",)),
    (_INDENTED_CODE_RE, ("    ", "\t")),
    (_BACKTICKS_RE, ("`",)),  # inline code: see _inline_code
)
# Markup around prose: link targets, bare addresses, tags, attribute lists (with their text).
MARKUP_PATTERNS = (
    (_REFERENCE_DEF_RE, ("]:",)),
    (_LINK_TARGET_RE, ("](", "][")),
    (_AUTOLINK_RE, ("http", "mailto:")),
    (_TAG_RE, ("<",)),
    (_ATTR_LIST_RE, ("{",)),
)


def _blank_spans(text: str, matches: Iterable[re.Match[str] | _Span]) -> str:
    out, last = [], 0
    for match in matches:
        out += [text[last : match.start()], blank(match)]
        last = match.end()
    out.append(text[last:])
    return "".join(out)


@dataclass(frozen=True)
class _Span:
    """A stretch of text to blank (a stand-in for a match: `start`, `end`, `group`)."""

    text: str
    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self, _: int = 0) -> str:
        return self.text[self.begin : self.finish]


def _inline_code(text: str) -> list[_Span]:
    """Code spans: a run of backticks up to the next run of the same length in the same
    paragraph, as Markdown reads them. Paired in one pass over the runs (a pattern such as
    (`+).+?\1 retries from every backtick: quadratic on a long run of them)."""
    spans = []
    for block in BLOCK_RE.finditer(text):
        runs = [m.span() for m in _BACKTICKS_RE.finditer(text, block.start(), block.end())]
        following: dict[int, int] = {}  # run length -> the index of the next such run
        next_same: list[int | None] = [None] * len(runs)
        for i in range(len(runs) - 1, -1, -1):
            length = runs[i][1] - runs[i][0]
            next_same[i] = following.get(length)
            following[length] = i
        i = 0
        while i < len(runs):
            j = next_same[i]
            if j is None:
                i += 1
                continue
            spans.append(_Span(text, runs[i][0], runs[j][1]))
            i = j + 1
    return spans


def without_code(body: str) -> str:
    """The body with code and comments blanked (HTML shown as code is not HTML)."""
    text = body
    for pattern, needles in CODE_PATTERNS:
        # Needles are looked for in the body as written: blanking only ever adds spaces.
        if not any(needle in body for needle in needles):
            continue
        if pattern is _BACKTICKS_RE:
            text = _blank_spans(text, _inline_code(text))
        elif pattern is _INDENTED_CODE_RE:
            # Indented code is found in the body as written: a blanked comment leaves spaces
            # that would look like indentation ("<!-- note --> Hello" on its own line would
            # lose "Hello", which readers see).
            text = _blank_spans(text, pattern.finditer(body))
        else:
            text = pattern.sub(_blank_comment if pattern is _COMMENT_RE else blank, text)
    return text


def _fence_as_read(match: re.Match[str]) -> str:
    """A fenced block as its reader sees it: its lines, the fences blanked."""
    lines = match.group(0).split("\n")
    lines[0] = " " * len(lines[0])
    last = len(lines) - 1 if lines[-1].strip() else len(lines) - 2
    if last > 0 and lines[last].lstrip().startswith(("```", "~~~")):
        lines[last] = " " * len(lines[last])
    return "\n".join(lines)


def code_as_read(body: str) -> str:
    """The body as readers read it: comments blanked (never shown), code kept as the text it
    shows. A fence's lines are blanked; an inline code span's backticks become quotation
    marks, so a short span, like a short quotation, mentions words rather than uses them
    (`committed suicide` in a list of words to avoid)."""
    text = body
    if "<!--" in body:
        text = _COMMENT_RE.sub(_blank_comment, text)
    if "```" in body or "~~~" in body:
        text = _FENCE_RE.sub(_fence_as_read, text)
    if "`" in text:
        chars = list(text)
        for span in _inline_code(text):
            # The span opens and closes with runs of the same length.
            ticks = len(text) - len(text[span.begin :].lstrip("`")) - span.begin
            chars[span.begin : span.begin + ticks] = '"' * ticks
            chars[span.finish - ticks : span.finish] = '"' * ticks
        text = "".join(chars)
    return text


class Lines:
    """Offsets to line numbers, by bisection over the text's line breaks (counting the
    breaks before each offset anew is quadratic in a post with many findings)."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.first_line = first_line
        self._breaks = [m.start() for m in _NEWLINE_RE.finditer(text)]

    def line(self, offset: int) -> int:
        return self.first_line + bisect.bisect_left(self._breaks, offset)

    def line_col(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_left(self._breaks, offset)
        start = self._breaks[index - 1] + 1 if index else 0
        return self.first_line + index, offset - start + 1


_NEWLINE_RE = re.compile("\n")


@dataclass(frozen=True)
class Prose:
    text: str  # same length as the body; non-prose blanked with spaces
    first_line: int  # the body's first line in the file (1-based)

    @cached_property
    def lines(self) -> Lines:
        return Lines(self.text, self.first_line)

    def line_col(self, offset: int) -> tuple[int, int]:
        return self.lines.line_col(offset)


# Markup inside a word that the reader never sees as a break: emphasis marks ("sui*cid*e"),
# inline tags ("su<b></b>icide"), and character references anywhere in a word
# ("&#114;aped", "sui&#99;ide"). Each becomes the letter it shows (if any) and zero-width
# spaces to its length, which `undisguised` then moves to the word's end: the word reads
# whole and every offset holds. Possessive, and each match starts after a word character:
# linear on a hostile run of marks.
_INLINE_TAG = (
    r"</?(?:a|abbr|b|bdi|bdo|cite|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|"
    r"strong|sub|sup|time|u|var|wbr)\b[^<>\n]{0,200}+>"
)
_MARKUP_IN_WORD_RE = re.compile(rf"(?<=[\w-])(?:{_INLINE_TAG}|\*{{1,3}}+)++(?=[\w-])", re.I)
_CHARACTER_REFERENCE_RE = re.compile(r"&#?[A-Za-z0-9]{1,10}+;")
_ZERO_WIDTH = "\u200b"


def _hidden(match: re.Match[str]) -> str:
    return _ZERO_WIDTH * len(match.group(0))


def _as_shown(match: re.Match[str]) -> str:
    """A reference as the letter it shows, or as nothing if it shows nothing ("&shy;");
    any other ("&amp;", "&nbsp;") as written."""
    char = html.unescape(match.group(0))
    if len(char) != 1 or not (char.isalnum() or unicodedata.category(char) == "Cf"):
        return match.group(0)
    return (char if char.isalnum() else _ZERO_WIDTH) + _ZERO_WIDTH * (len(match.group(0)) - 1)


# A word spelt out a letter at a time ("S U I C I D E", "S.U.I.C.I.D.E", "k-i-l-l"): four or
# more single letters with the same space, dot, hyphen or underscore between each, read as
# the word, padded to its length. It starts only at a run's first letter (not after another
# single letter and a separator): one scan of a run however long.
_SPACED_LETTERS_RE = re.compile(
    r"(?<![\w'’])(?<!(?<![\w'’])[A-Za-z][ .-])"
    r"[A-Za-z](?P<between>[ ._-])"
    r"(?:[A-Za-z](?P=between)(?=[A-Za-z](?:(?P=between)|(?![\w'’])))){2,}+"
    r"[A-Za-z](?![\w'’])"
)
# Tried from the first separator, then looking back at its letter (the same texts match, in
# a third of the time a scan from each letter takes).
_SPACED_LETTERS_NEEDLE_RE = re.compile(r"[ ._-](?<=(?<![\w'’])[A-Za-z].)[A-Za-z][ ._-]")


def _unspaced(match: re.Match[str]) -> str:
    letters = match.group(0)[::2]
    return letters + " " * (len(match.group(0)) - len(letters))


def prose_of(body: str, first_line: int, code_free: str | None = None) -> Prose:
    """`code_free`: `without_code(body)` when the caller has it already (PostFile keeps it)."""
    text = without_code(body) if code_free is None else code_free
    if "&" in text:
        text = _CHARACTER_REFERENCE_RE.sub(_as_shown, text)
    if "*" in text or "<" in text:
        text = _MARKUP_IN_WORD_RE.sub(_hidden, text)
    for pattern, needles in MARKUP_PATTERNS:
        if any(needle in text for needle in needles):
            text = pattern.sub(blank, text)
    if "|" in text:  # a table's cells read on across their row, as readers read them
        text = text.replace("|", " ")
    if _SPACED_LETTERS_NEEDLE_RE.search(text):
        text = _SPACED_LETTERS_RE.sub(_unspaced, text)
    return Prose(undisguised(text), first_line)


# A sentence ends at . ! ? before a capital (not after a title, an initial or a.m./p.m.), at a
# blank line, and before a list item or a heading.
_SENTENCE_END_RE = kept_patterns.compile(
    r"(?<!\b(?:Dr|Mr|Mrs|Ms|Mx|St|Prof|Rev|Jr|Sr|vs|etc|[ap]\.m|[A-Z]))[.!?]+[\"”’)]*\s+"
    r"(?=[\"“(]?[A-Z0-9])|\n\s*\n|\n(?=[ \t]*(?:[-*+]|\d+[.)]|#+)[ \t])"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a prose text: what a rule that needs two things in
    one sentence, or a detector that reads sentence by sentence, looks within."""
    spans, start = [], 0
    for match in _SENTENCE_END_RE.finditer(text):
        spans.append((start, match.start() + 1))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]
