"""The practice's own published texts: author names and bios (the authors file), the
profile in mkdocs.yml (its name, disclaimers, clinicians' roles), which reach every page,
every feed and the profile kit, and the text of its policy pages (policy_pages.py: the
social-media policy and the crisis response protocol, partials in the hub's overrides).
The language rules and the client-story check read them as they read a post, each finding
at the text's line in its file."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..findings import Finding
from ..prose import sentence_spans
from ..published_texts import PlacedText, TextsProse
from ..settings import ConfigError, Settings
from .client_stories import story_findings
from .language import language_findings
from .other_regions import texts_findings as region_findings

if TYPE_CHECKING:
    from lxml import etree


def _line_of(file_text: str, value: str) -> int:
    """The line where a value is written (its first words; 1 if it cannot be found)."""
    words = " ".join(value.split()[:6])
    flat, lines = [], []
    for number, line in enumerate(file_text.splitlines(), 1):
        flat.append(" ".join(line.split()))
        lines.append(number)
    for index, line in enumerate(flat):
        if words and words in line:
            return lines[index]
    first = value.split()[0] if value.split() else ""
    return next((lines[i] for i, line in enumerate(flat) if first and first in line), 1)


_QUOTES = "\"'"


def _breaks(file_lines: list[str], first: int, value: str) -> tuple[tuple[int, int, int], ...]:
    """Where each line of a value written over several lines (a folded `>-` block) starts in
    its one-line text: the value's words are followed through the file from its first line,
    so that a finding's line and column are in the file as written. Nothing if they cannot be."""
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", " ".join(value.split()))]
    if not words or not 0 < first <= len(file_lines):
        return ()
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", file_lines[first - 1])]
    starts = [i for i, (_, t) in enumerate(tokens) if t.lstrip(_QUOTES) == words[0][1]]
    if not starts:
        return ()
    breaks, next_word, line = [], 0, first
    tokens = tokens[starts[0]:]
    while next_word < len(words) and tokens:
        column, token = tokens[0]
        lead = len(token) - len(token.lstrip(_QUOTES))
        breaks.append((words[next_word][0], line, column + lead + 1))
        for _, token in tokens:
            if next_word == len(words) or words[next_word][1] not in (
                token, token.lstrip(_QUOTES), token.rstrip(_QUOTES), token.strip(_QUOTES)
            ):
                return tuple(breaks) if next_word == len(words) else ()
            next_word += 1
        line += 1
        tokens = []
        while line <= len(file_lines) and not file_lines[line - 1].strip():
            line += 1
        if line <= len(file_lines):
            tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", file_lines[line - 1])]
    return tuple(breaks) if next_word == len(words) else ()


def _placed(file: Path, values: list[str]) -> TextsProse:
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = ""
    lines = text.splitlines()
    placed = []
    for value in values:
        if value.strip():
            line = _line_of(text, value)
            placed.append(PlacedText(value, line, breaks=_breaks(lines, line, value)))
    return TextsProse(tuple(placed))


# Elements whose text is read as one piece. The crisis lines (carepress-crisis-lines.html,
# one line's name and links: carepress-crisis-line) and their call/text/chat links are
# CarePress's data (data/crisis_lines.yml), not the practice's words.
_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dt", "dd",
                     "td", "th", "caption", "figcaption", "summary", "label", "textarea"})
_NOT_THE_PRACTICES = frozenset(
    {"carepress-crisis-region", "carepress-crisis-line", "carepress-actions"}
)
# Where each piece of a policy's text is written: before the check renders a partial, its
# source gets a mark at the start of each line of text (outside HTML tags and Jinja markup)
# and around each value it prints ({{ ... }}), naming the line. The marks come through the
# rendering as text, so each sentence of the page carries the line it is written on, values
# (the crisis reply, the practice's name) too.
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_TAG_START = re.compile(r"<[A-Za-z/!]")
_MARK, _MARK_END = "\ue000", "\ue001"  # Unicode's private use: in no practice's text
_MARKS = re.compile(f"{_MARK}(\\d+){_MARK_END}")


@cache
def _parser() -> etree.HTMLParser:
    # lxml and the policy pages' templates are loaded only when a whole hub is checked: every
    # check module is imported, and a one-post check (the edit loop) needs neither.
    from lxml import etree

    return etree.HTMLParser(no_network=True)


def _mark(line: int) -> str:
    return f"{_MARK}{line}{_MARK_END}"


def _marked(source: str) -> str:
    """The template's source with its lines marked (see above)."""
    out = [_mark(1)]
    in_tag = False
    position = 0
    for match in [*_JINJA.finditer(source), None]:
        end = match.start() if match else len(source)
        line = source.count("\n", 0, position) + 1
        for index in range(position, end):
            char = source[index]
            out.append(char)
            if in_tag:
                in_tag = char != ">"
            elif char == "<" and _TAG_START.match(source, index):
                in_tag = True
            if char == "\n":
                line += 1
                if not in_tag:
                    out.append(_mark(line))
        if match is None:
            break
        value = match.group().startswith("{{") and not in_tag  # not inside a tag's markup
        out += [_mark(line)] if value else []
        out.append(match.group())
        out += [_mark(line + match.group().count("\n"))] if value else []
        position = match.end()
    return "".join(out)


def _chunks(rendered: str) -> list[list[str]]:
    """The text of a rendered partial in document order, a chunk per block element,
    without CarePress's data."""
    from lxml import etree

    root = etree.fromstring(f"<div>{rendered}</div>", _parser())
    chunks: list[list[str]] = [[]]

    def walk(element: etree._Element) -> None:
        if not isinstance(element.tag, str):  # a comment
            return
        if _NOT_THE_PRACTICES & set((element.get("class") or "").split()):
            return
        block = element.tag in _BLOCKS
        if block:
            chunks.append([])
        chunks[-1].append(element.text or "")
        for child in element:
            walk(child)
            chunks[-1].append(child.tail or "")
        if block:
            chunks.append([])

    walk(root)
    return chunks


def _placed_sentences(rendered: str) -> list[PlacedText]:
    """Each sentence of a rendered, marked partial, at the line where it starts."""
    placed = []
    line = 1
    for chunk in _chunks(rendered):
        text: list[str] = []  # its characters, each run of white space one space
        lines: list[int] = []  # the line of each
        for piece in chunk:
            parts = _MARKS.split(piece)  # text, a line's number, text, a line's number, ...
            for index, part in enumerate(parts):
                if index % 2:
                    line = int(part)
                    continue
                for char in part:
                    if char.isspace():
                        if not text or text[-1] == " ":
                            continue
                        char = " "
                    text.append(char)
                    lines.append(line)
        joined = "".join(text)
        for start, end in sentence_spans(joined):
            stripped = joined[start:end].lstrip()
            if stripped.strip():
                first = end - len(stripped)
                placed.append(PlacedText(stripped.strip(), lines[first]))
    return placed


def _policy_texts(settings: Settings) -> list[tuple[Path, TextsProse]]:
    """Each policy page's text as the page shows it (rendered with the practice's values),
    a sentence each, at the line of its partial where the sentence is written."""
    from ..policy_pages import policy_partials, render_policy

    found = []
    for page, partial in policy_partials(settings):
        if not partial.is_file():
            render_policy(settings, page)  # raises the ConfigError that says it is missing
        try:
            marked = _marked(partial.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{settings.display_path(partial)} cannot be read: {exc}") from exc
        sentences = _placed_sentences(render_policy(settings, page, source=marked))
        found.append((partial, TextsProse(tuple(sentences))))
    return found


def practice_text_findings(settings: Settings, config_file: Path | None) -> list[Finding]:
    """Findings in the practice's texts. A policy partial that cannot be rendered is a
    ConfigError."""
    groups: list[tuple[Path, list[str]]] = []
    if settings.authors_file is not None and settings.authors:
        bios = [
            str(author.get(key) or "")
            for author in settings.authors.values()
            for key in ("name", "description")
        ]
        groups.append((settings.authors_file, bios))
    if config_file is not None:
        practice = settings.practice
        disclaimer = practice.disclaimer
        texts = [practice.name, disclaimer.short, disclaimer.full, disclaimer.social or ""]
        texts += list(disclaimer.audiences.values())
        texts += [c.role or "" for c in practice.clinicians]
        groups.append((config_file, texts))
    proses = [(file, _placed(file, values)) for file, values in groups]
    proses += _policy_texts(settings)
    findings: list[Finding] = []
    for file, prose in proses:
        path = settings.display_path(file)
        findings += language_findings(path, prose, settings) + story_findings(path, prose)
        findings += region_findings(path, prose, settings)
    if config_file is not None:
        from .time_zone import time_zone_findings

        findings += time_zone_findings(settings, config_file)
    return settings.adjusted(findings)
