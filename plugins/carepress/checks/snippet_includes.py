"""Text another file puts into a post: pymdownx.snippets' `--8<--` includes.

With pymdownx.snippets in markdown_extensions, a line `--8<-- "note.md"` (or a block of file
names between two `--8<--` lines) is replaced by that file's text before Markdown reads the
page. The HTML checks judge rendered HTML, so they see it; every check of the writer's words
(language rules, confidentiality, content warnings, claims, citations) reads the post's own
Markdown file and would not. So a post may include nothing: each marker is an error at its
line, and the writer pastes the text in. Pages (whose checks all read the rendered HTML)
may include files, but one that is missing or cannot be read is an error at the marker's
line, before Markdown stops on it. The markers are found as pymdownx.snippets finds them
(its own expressions; `;--8<--` is an escape, shown as text), and each include is resolved
by its own preprocessor. Without the extension a marker is plain text: nothing to report.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..findings import Finding
from ..settings import ConfigError, Settings
from .registry import PostContext, RuleInfo, declare, post_check

INCLUDE = "html.snippet-include"
MISSING = "html.snippet-missing"

declare(
    RuleInfo(INCLUDE, "html", "error",
             "a post includes another file's text with pymdownx.snippets (--8<--), which "
             "the checks of the post's words cannot read", adjustable=False),
    RuleInfo(MISSING, "html", "error",
             "a file a --8<-- line includes (pymdownx.snippets) is missing or cannot be read",
             adjustable=False),
)  # fmt: skip


@dataclass(frozen=True)
class Include:
    index: int  # of the marker's line in the body, from 0
    column: int  # from 1
    lines: list[str]  # the marker's line, or a block's lines (both markers included)
    names: list[str]  # the files it names, as written
    closed: bool = True  # False: a block no `--8<--` line ends (it takes in every line after)


def snippet_preprocessor(settings: Settings) -> Any | None:
    """pymdownx.snippets' preprocessor in the hub's Markdown, or None without it. Its
    `auto_append` (files added to every page, with no marker) is refused outright."""
    processor = settings.preprocessor("snippet")
    if processor is None:  # first: a hub without the extension never imports it
        return None
    from pymdownx.snippets import SnippetPreprocessor

    if not isinstance(processor, SnippetPreprocessor):
        return None
    if processor.auto_append:
        raise ConfigError(
            "mkdocs.yml: markdown_extensions: pymdownx.snippets: auto_append adds other files' "
            "text to every page and post, where CarePress's checks cannot read it: remove "
            "auto_append (and write the text into the pages that need it)"
        )
    return processor


def includes(body: str, processor: Any) -> list[Include]:
    """Each include of the body, as pymdownx.snippets (SnippetPreprocessor.parse_snippets)
    reads the lines: an inline `--8<-- "file"`, or a block between two `--8<--` lines."""
    if "8<" not in body:
        return []
    lines = body.split("\n")
    found: list[Include] = []
    start: int | None = None  # of an open block
    names: list[str] = []  # the files it names so far
    for index, line in enumerate(lines):
        match = processor.RE_ALL_SNIPPETS.match(line)
        if match is not None and match.group("escape"):
            continue  # `;--8<--`: shown as text
        if start is not None:
            if match is None:  # a file's name; `;name` is a comment
                name = line.strip()
                names += [name] if name and not name.startswith(";") else []
            elif not match.group("inline_marker"):  # (an inline marker in a block is dropped)
                found.append(_block(lines, start, index + 1, names, closed=True))
                start = None
            continue
        if match is None:
            continue
        if match.group("inline_marker"):
            column = len(match.group("space")) + 1
            found.append(Include(index, column, [line], [match.group("snippet")[1:-1].strip()]))
        else:
            start, names = index, []
    if start is not None:
        found.append(_block(lines, start, len(lines), names, closed=False))
    return found


def _block(lines: list[str], start: int, end: int, names: list[str], *, closed: bool) -> Include:
    column = len(lines[start]) - len(lines[start].lstrip(" \t")) + 1
    return Include(start, column, lines[start:end], names, closed)


def unreadable(include: Include, processor: Any) -> str | None:
    """Why pymdownx.snippets cannot include this (a file missing, with `check_paths`, or
    one it cannot read), in its own words; None when it can."""
    from pymdownx.snippets import SnippetMissingError

    processor.seen, processor.bases, processor.failed = set(), None, set()  # as `run` does
    try:
        processor.parse_snippets(list(include.lines))
    except (SnippetMissingError, OSError, UnicodeDecodeError, ValueError) as exc:
        named = "" if isinstance(exc, SnippetMissingError) else f"{type(exc).__name__}: "
        return named + str(exc)[:200]
    return None


def include_findings(
    path: str, body: str, first_line: int, settings: Settings, *, in_post: bool
) -> list[Finding]:
    """A post's includes (each refused), and the includes of a post or page that cannot be
    read (which would stop Markdown)."""
    processor = snippet_preprocessor(settings)
    if processor is None:
        return []
    findings: list[Finding] = []
    for include in includes(body, processor):
        line = first_line + include.index
        names = ", ".join(f'"{n}"' for n in include.names) or "the files listed after it"
        unclosed = ""
        if not include.closed:
            unclosed = " (no `--8<--` line ends this block: every line after it is a file name)"
        if in_post:
            findings.append(Finding(
                path, line, include.column, INCLUDE, "html", "error",
                f"`--8<--` puts the text of {names} here when the site is built, and "
                f"CarePress checks only what is written in the post itself: the included text "
                f"would be published without its checks{unclosed}",
                "paste that text into the post in place of this line (write `;--8<--` to "
                "show the marker as text)",
            ))  # fmt: skip
        why = unreadable(include, processor)
        if why is not None:
            bases = ", ".join(settings.display_path(Path(b)) for b in processor.base_path)
            findings.append(Finding(
                path, line, include.column, MISSING, "html", "error",
                f"`--8<--` includes {names}, which cannot be read: {why}"
                f"{unclosed}",
                f"check the file's name and that it is in base_path ({bases}); "
                + ("or paste its text into the post and remove this line" if in_post else
                   "or remove the include"),
            ))  # fmt: skip
    return findings


def without_includes(body: str, settings: Settings) -> str:
    """The body with each include escaped (`;--8<--`), so Markdown shows the markers as text:
    a post as written, for the checks that render it (its includes are refused) and for the
    preview of a post that cannot be published."""
    processor = snippet_preprocessor(settings)
    if processor is None or "8<" not in body:
        return body
    lines = body.split("\n")
    for include in includes(body, processor):
        for index in range(include.index, include.index + len(include.lines)):
            match = processor.RE_ALL_SNIPPETS.match(lines[index])
            if match is not None and not match.group("escape"):
                space = match.group("space")
                lines[index] = space + ";" + lines[index][len(space) :]
    return "\n".join(lines)


@post_check(order=0, needs_front_matter=False)
def check_snippet_includes(ctx: PostContext) -> list[Finding]:
    post = ctx.post
    return include_findings(post.path, post.body, post.body_line, ctx.settings, in_post=True)
