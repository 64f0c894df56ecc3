"""The site's pages as MkDocs places them: drafts left out, one page per address, nothing
in the folders CarePress writes, and a crisis page that lists the crisis lines.

Material's blog keeps draft posts out of a build; MkDocs itself publishes any other page,
`draft: true` or not. A page saved as `crisis/index.md` beside `crisis.md` silently replaces
the crisis page (MkDocs only compares files in one folder). These run on MkDocs' own
`Files`, after every plugin has placed them: the last word on where each page lands.
"""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.structure.files import File, Files, InclusionLevel

from ..checks.addresses import RESERVED_FOLDERS
from ..content import FRONT_MATTER_RE, parse_yaml
from ..crisis import Region
from ..findings import Finding
from ..settings import Settings

CRISIS_PAGE = "crisis/index.html"


def leave_out_drafts(files: Files, settings: Settings) -> tuple[list[str], list[Finding]]:
    """Pages (not posts) whose front matter says `draft: true` become MkDocs drafts: left
    out of a build (site, search index, sitemap), shown by `mkdocs serve`. Returns the
    pages left out, and a finding for each `draft:` that is not true or false."""
    left_out: list[str] = []
    findings: list[Finding] = []
    for file in files.documentation_pages():
        if settings.is_post(file.src_path) or not file.abs_src_path:
            continue
        draft, line = _draft_of(Path(file.abs_src_path), settings)
        shown = settings.display_path(Path(file.abs_src_path))
        if draft is True:
            file.inclusion = InclusionLevel.DRAFT
            left_out.append(shown)
        elif draft is not None and draft is not False:
            findings.append(
                Finding(shown, line, 1, "frontmatter.wrong-type", "frontmatter", "error",
                        f"draft: expected true or false, got {draft!r}",
                        "write draft: true to keep the page out of the site")
            )  # fmt: skip
    return left_out, findings


def _draft_of(path: Path, settings: Settings) -> tuple[object, int]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None, 1  # MkDocs reports an unreadable page itself
    match = FRONT_MATTER_RE.match(text.replace("\r\n", "\n"))
    if not match or "draft" not in match.group(1):
        return None, 1
    parsed = parse_yaml(match.group(1), text, str(path), offset=2)
    if not isinstance(parsed, tuple) or not isinstance(parsed[0], dict):
        return None, 1  # MkDocs reads (and reports) the rest of a page's front matter
    meta, lines, _ = parsed
    return meta.get("draft"), lines.get(("draft",), 1)


def address_problems(files: Files) -> list[str]:
    """Files MkDocs would publish at one address (the second replacing the first), or in
    a folder CarePress writes."""
    by_dest: dict[str, list[File]] = {}
    for file in files:
        if file.inclusion.is_included():
            by_dest.setdefault(file.dest_uri, []).append(file)
    problems = []
    for dest, group in sorted(by_dest.items()):
        if len(group) > 1:
            names = " and ".join(f"'{f.src_uri}'" for f in group)
            problems.append(
                f"{names} are all published at {dest}, where one would replace the other: "
                "rename or move one of them"
            )
        foreign = [f for f in group if not f.generated_by]
        if dest.startswith(RESERVED_FOLDERS) and foreign:
            problems.append(
                f"'{foreign[0].src_uri}' would be published at {dest}, in a folder CarePress "
                "writes (feeds, share kits, cards): move it elsewhere"
            )
    return problems


def crisis_page_problem(output: str, regions: list[Region]) -> str:
    """The page at crisis/ must list the crisis lines (its template, crisis.html, adds them
    from CarePress's data): '' when it does."""
    first = regions[0].lines[0].name if regions and regions[0].lines else ""
    if "carepress-crisis-region" in output and html.escape(first) in output:
        return ""
    return (
        f"the page at crisis/ does not list the crisis lines (it should name {first!r}): "
        "it must be content/crisis.md with `template: crisis.html`"
    )
