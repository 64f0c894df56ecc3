"""The files of docs_dir that are not pages: MkDocs copies them into the site as they are.

Pictures, stylesheets and scripts are the practice's own. But a raw `.html` file would be a
page no check ever reads; an SVG is a document that runs its own scripts when opened at its
address (on the site's origin); a link (symlink) can publish a file from anywhere on the
machine; a device or pipe can be read forever; and a copy of the practice's private records (the
ledger, impact figures, incident log or its exports) would be anyone's to read. Those are
refused, file by file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..findings import Finding
from ..private_files import private_record
from .registry import RuleInfo, declare

if TYPE_CHECKING:
    from lxml import etree

declare(
    RuleInfo("html.static-file", "html", "error",
             "a file of docs_dir that is not safe to copy into the site (raw HTML, an SVG "
             "with script, a link outside the hub, a device, a private record)", adjustable=False),
)  # fmt: skip

RAW_PAGES = (".html", ".htm", ".xhtml", ".shtml")
THEME_CODE = (".js", ".mjs", ".css")

# What an SVG picture may hold: shapes, text, gradients, clipping, its own definitions.
# No script, no foreignObject (HTML inside), no filter images, animation or links out.
SVG_ELEMENTS = frozenset(
    {"svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "text",
     "tspan", "title", "desc", "defs", "symbol", "use", "linearGradient", "radialGradient",
     "stop", "clipPath", "mask", "pattern", "marker", "metadata", "style"}
)  # fmt: skip
_LOCAL = re.compile(r"^#")  # an href inside the same picture
_CSS_OUT = re.compile(r"url\s*\(\s*['\"]?\s*(?!#)|@import|expression\s*\(", re.I)


@cache
def _parser() -> etree.XMLParser:
    from lxml import etree  # here: every check module is imported, even for one post

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _finding(shown: str, message: str, hint: str) -> Finding:
    return Finding(shown, 1, 1, "html.static-file", "html", "error", message, hint)


def static_file_problems(path: Path, shown: str, hub: Path) -> list[Finding]:
    """What is wrong with publishing this file of docs_dir as it is."""
    if path.is_symlink() and not path.resolve().is_relative_to(hub.resolve()):
        return [_finding(shown, f"this links to {path.resolve()}, outside the hub: that file "
                         "would be published", "copy the file into the hub, or remove the link")]
    if not path.is_file():
        return [_finding(shown, "this is not a regular file (a device, a pipe or a link to one)",
                         "remove it from docs_dir")]  # fmt: skip
    record = private_record(path)
    if record is not None:
        return [_finding(shown, f"this is {record}: the practice's private record would be "
                         "published, readable by anyone", "move it out of docs_dir, to a "
                         "folder the site is not built from (records/)")]  # fmt: skip
    suffix = path.suffix.lower()
    if suffix in RAW_PAGES:
        return [_finding(shown, "a raw HTML page would be published without any check (no "
                         "disclaimer, no allowlist, no security policy)",
                         "write the page in Markdown (a .md file)")]  # fmt: skip
    if suffix == ".svg":
        return [_finding(shown, f"this SVG picture {problem}: opened at its own address, it "
                         "would run on the site", "save the picture as PNG, or export a plain "
                         "SVG (shapes and text only)") for problem in svg_problems(path)]
    return []


def svg_problems(path: Path) -> list[str]:
    """What in an SVG could run script, load another site or show other content."""
    from lxml import etree

    try:
        root = etree.parse(str(path), _parser()).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        return [f"cannot be read ({exc})"]
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:
        return ["declares a DOCTYPE (entities can expand or reach out)"]
    problems: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # a comment or processing instruction
        name = etree.QName(element).localname
        if name not in SVG_ELEMENTS:
            problems.append(f"holds a <{name}> element")
        for attribute, value in element.attrib.items():
            local = etree.QName(attribute).localname.lower()
            if local.startswith("on"):
                problems.append(f"has an event handler ({local})")
            elif local == "href" and not _LOCAL.match(value.strip()):
                problems.append(f"links out ({local}={value[:40]!r})")
            elif _CSS_OUT.search(value):  # style, or a paint: fill="url(https://...)"
                problems.append(f"loads something from its {local}")
        if name == "style" and _CSS_OUT.search(element.text or ""):
            problems.append("loads something from its stylesheet")
    return list(dict.fromkeys(problems))


def _published_files(docs_dir: Path) -> Iterator[tuple[Path, Path]]:
    """Each file MkDocs would take from docs_dir (not the hidden ones it leaves out), with
    its path inside docs_dir."""
    for path in sorted(docs_dir.rglob("*")):
        relative = path.relative_to(docs_dir)
        if any(part.startswith(".") for part in relative.parts) or path.is_dir():
            continue
        yield path, relative


def docs_dir_fingerprint(docs_dir: Path) -> Iterator[bytes]:
    """Everything `docs_dir_problems` reads, so its findings can be kept between builds: each
    file's name and kind, where a link leads, and an SVG's bytes (a rebuild then parses none,
    and never loads lxml)."""
    for path, relative in _published_files(docs_dir):
        if path.is_symlink():
            kind = b"link to " + str(path.resolve()).encode()
        elif not path.is_file():
            kind = b"not a regular file"
        elif path.suffix.lower() == ".svg":
            kind = b"svg " + path.read_bytes()
        else:  # a private record is told by its first bytes
            kind = b"file " + (private_record(path) or "").encode()
        yield relative.as_posix().encode() + b"\0" + kind


def docs_dir_problems(
    docs_dir: Path, hub: Path, theme: Sequence[Path], shown: Callable[[Path], str]
) -> list[Finding]:
    """Every file MkDocs would take from docs_dir (not the hidden ones it leaves out); and
    any that takes the place of one of the theme's (`theme`: its folders, not the hub's
    overrides) own scripts or stylesheets, which MkDocs allows: a docs_dir file at
    `assets/javascripts/bundle.*.min.js` would run on every page instead of Material's."""
    findings = []
    for path, relative in _published_files(docs_dir):
        findings += static_file_problems(path, shown(path), hub)
        if path.suffix in THEME_CODE and any((d / relative).is_file() for d in theme):
            findings.append(
                _finding(shown(path), f"this replaces the theme's own {relative.as_posix()}, "
                         "which every page loads", "give the file another name, and list it "
                         "in extra_css or extra_javascript")
            )  # fmt: skip
    return findings


def custom_dir_problems(custom_dir: Path | None, shown: Callable[[Path], str]) -> list[Finding]:
    """The private records among the files of the theme's custom_dir: MkDocs copies all but
    its templates into the site, like docs_dir's."""
    if custom_dir is None or not custom_dir.is_dir():
        return []
    return [
        _finding(shown(path), f"this is {record}: the practice's private record would be "
                 "published, readable by anyone", "move it out of the theme's custom_dir, to "
                 "a folder the site is not built from (records/)")
        for path, _ in _published_files(custom_dir)
        if (record := private_record(path)) is not None
    ]  # fmt: skip


def custom_dir_fingerprint(custom_dir: Path | None) -> Iterator[bytes]:
    if custom_dir is None or not custom_dir.is_dir():
        return
    for path, relative in _published_files(custom_dir):
        yield relative.as_posix().encode() + b"\0" + (private_record(path) or "").encode()

