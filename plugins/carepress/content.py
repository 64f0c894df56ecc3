"""Read a post file: bytes -> text -> front matter (with the line of every key) + body.

MkDocs swallows front-matter YAML errors and returns empty metadata, so CarePress reads
posts itself and turns every problem (encoding, size, YAML syntax, impossible dates,
duplicate keys) into a Finding with the file's line number instead of a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from .findings import Finding
from .prose import Lines, code_as_read, without_code
from .yaml_loading import FastSafeLoader

# Same front-matter shape MkDocs and Material accept (mkdocs.utils.meta.YAML_RE), so the
# CLI and the build can never disagree on where the front matter ends.
FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

DEFAULT_MAX_BYTES = 1_000_000

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class InvalidScalar:
    """A YAML scalar that cannot become the value it looks like: a date that is not a real
    one (2026-02-30), a number too long to read, or a `!!timestamp`/`!!int` tag on text."""

    text: str
    reason: str
    kind: str = "date"  # "date" | "number"


def line_of(lines: dict[KeyPath, int], key_path: KeyPath) -> int:
    """Line of the closest key known for ``key_path`` (1 when none is)."""
    while key_path:
        if key_path in lines:
            return lines[key_path]
        key_path = key_path[:-1]
    return 1


@dataclass
class PostFile:
    path: str
    meta: dict[str, Any]
    lines: dict[KeyPath, int]
    body: str
    body_line: int
    duplicate_keys: list[tuple[KeyPath, int]] = field(default_factory=list)
    # Unquoted texts YAML cut at ' #' (a comment): key path, line, what was kept, what was
    # written.
    cut_by_comment: list[tuple[KeyPath, int, str, str]] = field(default_factory=list)
    # Top-level keys whose lines are not valid YAML (each has its own finding): left out,
    # so the rest of the post can still be checked.
    unreadable_keys: frozenset[str] = frozenset()

    def line_of(self, key_path: KeyPath) -> int:
        """Line of the closest key we know for ``key_path`` (front matter starts at 1)."""
        return line_of(self.lines, key_path)

    @cached_property
    def body_lines(self) -> Lines:
        """The file's line of an offset in the body (or in `code_free`: same breaks)."""
        return Lines(self.body, self.body_line)

    @cached_property
    def code_free(self) -> str:
        """The body with code and comments blanked: what the HTML checks read."""
        return without_code(self.body)

    @cached_property
    def as_read(self) -> str:
        """The body as readers read it, code's text included: what the prose checks read."""
        return code_as_read(self.body)


class _LineLoader(FastSafeLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that reports impossible dates as values instead of raising ValueError."""


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, AttributeError) as exc:  # AttributeError: `!!timestamp` on text
        reason = str(exc) if isinstance(exc, ValueError) else "not a date"
        return InvalidScalar(node.value, reason)


def _number_constructor(construct: Any) -> Any:
    def construct_number(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
        try:
            return construct(loader, node)
        except ValueError:  # past Python's 4,300 digits, or `!!int` on text
            return InvalidScalar(node.value, "not a number CarePress can read", "number")

    return construct_number


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_LineLoader.add_constructor(
    "tag:yaml.org,2002:int", _number_constructor(yaml.SafeLoader.construct_yaml_int)
)
_LineLoader.add_constructor(
    "tag:yaml.org,2002:float", _number_constructor(yaml.SafeLoader.construct_yaml_float)
)

# YAML 1.1 reads on/off/yes/no as booleans, which turns the contract's `reviewed: {by, on}`
# into {by, True}. Only true/false are booleans here (as in YAML 1.2).
_BOOL = "tag:yaml.org,2002:bool"
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


# Front matter holds text, lists and a few small maps (sources, social, reviewed): four levels
# at most. Far deeper nesting is a typo or an attack, and would exhaust the recursion of the
# checks that walk the values.
MAX_DEPTH = 32
TOO_DEEP = f"front matter is nested more than {MAX_DEPTH} levels deep"
TOO_DEEP_HINT = (
    "check the brackets and the indentation: front matter holds text, lists and "
    "small key-value groups such as sources"
)


_STR = "tag:yaml.org,2002:str"
_TAG_NAMES = {
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:null": "nothing (null)",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:seq": "a list",
    "tag:yaml.org,2002:map": "a set of keys",
}


@dataclass(frozen=True)
class _NodeProblem:
    key_path: KeyPath
    line: int
    rule: str
    message: str
    hint: str


def _walk_lines(
    root: yaml.Node, offset: int, lines: dict[KeyPath, int], dupes: list[tuple[KeyPath, int]]
) -> _NodeProblem | None:
    """The line of every key and list item, and repeated keys; or the first thing no front
    matter needs and no check could walk: a YAML alias (it could loop back on itself, or
    repeat a list until it holds billions of items), or nesting over MAX_DEPTH levels.
    Walked without recursion, each node once, in document order."""
    seen = {id(root)}  # the composer gives an alias the very node it names
    # Lists and maps still to walk: (node, its key path, the line of the key it belongs to)
    stack: list[tuple[yaml.Node, KeyPath, int]] = [(root, (), offset)]
    while stack:
        node, path, key_line = stack.pop()
        if len(path) > MAX_DEPTH:
            return _NodeProblem(path, key_line, "frontmatter.too-deep", TOO_DEEP, TOO_DEEP_HINT)
        children: list[tuple[yaml.Node, KeyPath, int]] = []
        if isinstance(node, yaml.MappingNode):
            keys: set[Any] = set()
            for key_node, child in node.value:
                key = key_node.value
                line = key_node.start_mark.line + offset
                if key_node.tag != _STR:  # `1: x`, `true: x`, `null: x`, `[a]: x`
                    return _NodeProblem(
                        path, line, "frontmatter.key-not-text",
                        f"the key {str(key)!r} is not text (YAML reads it as "
                        f"{_TAG_NAMES.get(key_node.tag, 'something else')})",
                        "front-matter keys are words such as title or tags: check the "
                        "spelling, or put the key in quotes",
                    )  # fmt: skip
                if key in keys:
                    dupes.append(((*path, key), line))
                keys.add(key)
                child_path = (*path, key)
                lines[child_path] = line
                if id(child) in seen:
                    return _alias_problem(child_path, line)
                seen.add(id(child))
                if not isinstance(child, yaml.ScalarNode):
                    children.append((child, child_path, line))
                elif _is_yaml11_boolean(child):
                    return _boolean_problem(child_path, line, child.value)
        elif isinstance(node, yaml.SequenceNode):
            for index, child in enumerate(node.value):
                child_path = (*path, index)
                lines[child_path] = child.start_mark.line + offset
                if id(child) in seen:
                    return _alias_problem(child_path, key_line)
                seen.add(id(child))
                if not isinstance(child, yaml.ScalarNode):
                    children.append((child, child_path, key_line))
                elif _is_yaml11_boolean(child):
                    return _boolean_problem(child_path, lines[child_path], child.value)
        stack.extend(reversed(children))
    dupes.sort(key=lambda dupe: dupe[1])  # in document order, as the findings are read
    return None


# YAML 1.1's other booleans. CarePress reads them as text (so `reviewed: {by, on}` works),
# but MkDocs and Material read the same file as YAML 1.1: `slug: on` is true to them.
_YAML11_BOOLEANS = frozenset(
    w for word in ("yes", "no", "on", "off") for w in (word, word.title(), word.upper())
)


def _is_yaml11_boolean(node: yaml.ScalarNode) -> bool:
    return not node.style and node.value in _YAML11_BOOLEANS  # unquoted (libyaml: style "")


def _boolean_problem(key_path: KeyPath, line: int, value: str) -> _NodeProblem:
    reading = "true" if value.lower() in ("yes", "on") else "false"
    return _NodeProblem(
        key_path, line, "frontmatter.ambiguous-boolean",
        f"{value} is read as {reading} by MkDocs and Material, but as text by CarePress",
        f"put it in quotes ('{value}') for the word, or write {reading} for the yes/no value",
    )  # fmt: skip


def _alias_problem(key_path: KeyPath, line: int) -> _NodeProblem:
    return _NodeProblem(
        key_path,
        line,
        "frontmatter.yaml-alias",
        "front matter repeats a value with a YAML alias (*name)",
        "write the value out in full: CarePress does not follow YAML anchors and aliases",
    )


_CURLY_QUOTED = re.compile(r"\s*([\w-]+):\s*[“”‘’«»„](.*?)[“”‘’«»]\s*$")


def _yaml_hint(problem: str, line_text: str) -> str:
    if "\t" in line_text or "'\\t'" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        curly = _CURLY_QUOTED.match(line_text)
        if curly:  # “...” looks quoted, but YAML only counts straight quotes
            key, value = curly.groups()
            straight = value.replace('"', '\\"')
            return (f"curly quotes (“ ”) do not count as quotes in YAML; use straight ones: "
                    f'{key}: "{straight}"')  # fmt: skip
        return "put text that contains ': ' in quotes, e.g. title: \"Anxiety: what helps\""
    if "found character '@'" in problem or "found character '`'" in problem:
        return "put values that start with @ or ` in quotes"
    if "could not find expected ':'" in problem:
        return "each line needs 'key: value'; check for a missing colon or a stray line"
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "check the indentation of this line and the one before it, and close any quotes"
    return "check the indentation and put values containing ':' or '#' in quotes"


def _yaml_finding(exc: yaml.MarkedYAMLError, text: str, path: str, offset: int) -> Finding:
    problem = exc.problem or "invalid YAML"
    mark = exc.problem_mark or exc.context_mark
    if exc.context and "quoted scalar" in exc.context and exc.context_mark:
        # An unclosed quote is detected lines later; point at where the quote opens.
        mark = exc.context_mark
        problem = "a quoted value that starts on this line is never closed"
        hint = "add the closing quote at the end of the value"
    else:
        hint = ""
    line = (mark.line + offset) if mark else 1
    column = (mark.column + 1) if mark else 1
    if "maximum nesting depth" in problem:  # libyaml's own limit (PyYAML 6.0.4 and later)
        return _finding(path, line, "frontmatter.too-deep", TOO_DEEP, TOO_DEEP_HINT, column)
    line_text = text.split("\n")[line - 1] if mark else ""
    return _finding(
        path,
        line,
        "frontmatter.yaml-syntax",
        f"front matter is not valid YAML: {problem}",
        hint or _yaml_hint(problem, line_text),
        column,
    )


def _decode(raw: bytes, path: str) -> tuple[str | None, Finding | None]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Finding(
            path,
            1,
            1,
            "frontmatter.encoding",
            "frontmatter",
            "error",
            "the file is saved as UTF-16; posts must be UTF-8",
            "re-save the file with UTF-8 encoding (most editors: Save As > Encoding > UTF-8)",
        )
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start]
        return None, Finding(
            path,
            line,
            column,
            "frontmatter.encoding",
            "frontmatter",
            "error",
            f"the file is not valid UTF-8 (byte 0x{byte:02X} on this line)",
            "re-save the file with UTF-8 encoding (most editors: Save As > Encoding > UTF-8)",
        )


def _finding(path: str, line: int, rule: str, message: str, hint: str, column: int = 1) -> Finding:
    return Finding(path, line, column, rule, "frontmatter", "error", message, hint)


def read_post(
    file: Path, display_path: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[PostFile | None, list[Finding]]:
    """Read and parse one post. Returns ``(post, [])`` or ``(None, [finding, ...])``."""
    path = display_path or str(file)
    if file.exists() and not file.is_file():  # a device, a FIFO: it could be read forever
        return None, [
            _finding(
                path, 1, "frontmatter.unreadable", "this is not a regular file (a device, a "
                "pipe or a link to one)", "replace it with the post's Markdown file",
            )
        ]  # fmt: skip
    try:
        size = file.stat().st_size
    except OSError as exc:
        return None, [
            _finding(
                path,
                1,
                "frontmatter.unreadable",
                f"cannot read the file: {exc.strerror}",
                "check the path and the file's permissions",
            )
        ]
    if size > max_bytes:
        return None, [
            _finding(
                path,
                1,
                "frontmatter.file-too-large",
                f"the file is {size / 1_000_000:.1f} MB; "
                f"posts are limited to {max_bytes / 1_000_000:g} MB",
                "split it into several posts, "
                "or raise max_post_bytes in mkdocs.yml if this is intended",
            )
        ]
    raw = file.read_bytes()
    if not raw.strip():
        return None, [
            _finding(
                path,
                1,
                "frontmatter.empty-file",
                "the file is empty",
                'start a post with: carepress new "Your title"',
            )
        ]
    text, problem = _decode(raw, path)
    if problem:
        return None, [problem]
    assert text is not None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return None, [
            _finding(
                path,
                line,
                "frontmatter.encoding",
                "the file contains a NUL byte",
                "this is not a text file; re-save it as UTF-8 text",
            )
        ]

    if not frontmatter.YAMLHandler().detect(text) or not text.startswith("---"):
        return None, [
            _finding(
                path,
                1,
                "frontmatter.absent",
                "the post has no front matter (it must start with a line '---')",
                'start a post with: carepress new "Your title"',
            )
        ]
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return None, [
            _finding(
                path,
                1,
                "frontmatter.unclosed",
                "the front matter starting on line 1 is never closed",
                "add a line '---' after the last front-matter key, then the post text",
            )
        ]

    parsed = parse_yaml(match.group(1), text, path, offset=2)  # line 2: after the "---"
    problems: list[Finding] = []
    unreadable: frozenset[str] = frozenset()
    if isinstance(parsed, Finding):
        unclosed = _closed_too_late(match.group(1), path)
        # Only broken syntax is read key by key (an alias or nesting too deep stops here).
        syntax = parsed.rule == "frontmatter.yaml-syntax" and "alias" not in parsed.message
        readable = _readable_keys(match.group(1), text, path) if syntax and not unclosed else None
        if readable is None:
            return None, [unclosed or parsed]
        parsed, problems, unreadable = readable
    meta, lines, dupes = parsed
    if not isinstance(meta, dict):
        return None, [
            _finding(
                path,
                2,
                "frontmatter.not-a-mapping",
                "front matter must be a list of 'key: value' lines",
                'e.g. title: "What anxiety is"',
            )
        ]
    body_line = text.count("\n", 0, match.end()) + 1
    post = PostFile(path, meta, lines, text[match.end() :], body_line, dupes)
    post.cut_by_comment = _cut_by_comment(match.group(1), meta)
    post.unreadable_keys = unreadable
    return post, problems


# A post's front matter has a dozen or two keys; thousands of broken lines (a pasted file, a
# hostile post) are one finding, not a parse of each (read before the time budget starts).
_MOST_KEYS_READ_ONE_BY_ONE = 100
_TOP_LEVEL_KEY = re.compile(r"([^\s#:][^:]*?)[ \t]*:(?:[ \t]|$)")


def _readable_keys(
    yaml_text: str, file_text: str, path: str
) -> tuple[tuple[dict[str, Any], dict[KeyPath, int], list[tuple[KeyPath, int]]],
           list[Finding], frozenset[str]] | None:  # fmt: skip
    """Front matter that is not valid YAML as a whole, read key by key: each top-level key
    with the lines under it is its own YAML document (they share nothing, aliases being
    refused). The keys that read are kept, so the post's text can still be checked; each
    one that does not gets its own finding. None when nothing reads."""
    all_lines = yaml_text.split("\n")
    # A key starts at the margin; a list's items may too ("- item", YAML's indentless lists).
    starts = [i for i, line in enumerate(all_lines)
              if line[:1] not in ("", " ", "\t", "#") and line[:2] not in ("- ", "-")]  # fmt: skip
    if not 0 < len(starts) <= _MOST_KEYS_READ_ONE_BY_ONE:
        return None
    meta: dict[str, Any] = {}
    lines: dict[KeyPath, int] = {}
    dupes: list[tuple[KeyPath, int]] = []
    problems: list[Finding] = []
    unreadable: set[str] = set()
    for start, end in zip(starts, [*starts[1:], len(all_lines)], strict=True):
        block = "\n".join(all_lines[start:end])
        parsed = parse_yaml(block, file_text, path, offset=2 + start)
        if isinstance(parsed, Finding):
            if "alias" in parsed.message:
                return None  # an anchor in another key: the keys are not independent
            if parsed.line > 2 + start + len(block.rstrip("\n").split("\n")) - 1:
                # Found past the key's lines (a bracket never closed): point at the key.
                parsed = replace(parsed, line=2 + start, column=1)
            problems.append(parsed)
            key = _TOP_LEVEL_KEY.match(all_lines[start])
            if key:
                unreadable.add(key.group(1).strip("'\""))
            continue
        value, block_lines, block_dupes = parsed
        if value is None:
            continue
        if not isinstance(value, dict):
            return None  # a list or a bare word at the top: not front matter at all
        for key in value:
            if key in meta:
                dupes.append(((key,), block_lines[(key,)]))
        meta |= value
        lines |= block_lines
        dupes += block_dupes
    if not meta or not problems:
        return None
    return (meta, lines, dupes), problems, frozenset(unreadable - set(meta))


# A text key's unquoted value with ' #' and a word after it ("Worry #1 for parents"): YAML
# reads a comment there. A comment a writer means ("draft: true  # until reviewed") has a
# space after its '#', and is on a key that is not text a reader sees. Read line by line
# (one pattern over the whole text backtracked quadratically on long runs of spaces).
_TEXT_KEY = re.compile(r"(title|subtitle|description):[ \t]+")
_COMMENT_START = re.compile(r"[ \t]#\S")


def _cut_by_comment(yaml_text: str, meta: Any) -> list[tuple[KeyPath, int, str, str]]:
    if (" #" not in yaml_text and "\t#" not in yaml_text) or not isinstance(meta, dict):
        return []
    found = []
    for index, line in enumerate(yaml_text.split("\n")):
        key = _TEXT_KEY.match(line)
        if key is None:
            continue
        written = line[key.end() :]
        if written[:1] in ("'", '"', "|", ">", "#") or not _COMMENT_START.search(written):
            continue
        # The file's line: the front matter starts on line 2 (line 1 is '---').
        found.append(((key.group(1),), index + 2, str(meta.get(key.group(1))), written.strip()))
    return found


def _closed_too_late(yaml_text: str, path: str) -> Finding | None:
    """A front matter whose closing '---' is missing, so that a '---' rule further down the
    post closes it: the keys end at a blank line and prose follows. Said as such, rather
    than as a YAML error on a line of the post's text."""
    keys, blank, rest = yaml_text.partition("\n\n")
    if not blank or not rest.strip():
        return None
    loader = _LineLoader(keys)
    try:
        value = loader.get_single_data()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    if not isinstance(value, dict) or not value:
        return None
    last = keys.count("\n") + 2  # the file's line of the last key (line 1 is '---')
    return _finding(
        path, last + 1, "frontmatter.unclosed",
        f"the front matter is never closed: the post's text after line {last} is read as "
        "front matter, up to a '---' rule further down",
        f"add a line '---' after line {last}, the last front-matter key",
    )  # fmt: skip


def parse_yaml(
    yaml_text: str, file_text: str, path: str, offset: int = 1
) -> tuple[Any, dict[KeyPath, int], list[tuple[KeyPath, int]]] | Finding:
    """YAML as CarePress reads front matter and its data files: the value, the line of
    every key (the text starting on line `offset` of the file), repeated keys; or the first
    problem as a finding. No traceback for any YAML: bad syntax, an impossible date, a
    number too long, a key that is not text, an alias, nesting too deep."""
    loader = _LineLoader(yaml_text)
    try:
        node = loader.get_single_node()
        value = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        return _yaml_finding(exc, file_text, path, offset)
    except yaml.YAMLError as exc:
        return _finding(
            path, 1, "frontmatter.yaml-syntax", f"front matter is not valid YAML: {exc}",
            _yaml_hint(str(exc), ""),
        )  # fmt: skip
    finally:
        loader.dispose()
    lines: dict[KeyPath, int] = {}
    dupes: list[tuple[KeyPath, int]] = []
    problem = _walk_lines(node, offset, lines, dupes) if node is not None else None
    if problem is not None:
        field_name = next((str(k) for k in problem.key_path if isinstance(k, str)), "")
        where = f" (in '{field_name}')" if field_name else ""
        return _finding(path, problem.line, problem.rule, problem.message + where, problem.hint)
    return value, lines, dupes

