"""The site's pages as MkDocs places them: drafts left out, one page per address, nothing
in the folders CarePress writes, and a crisis page that lists the crisis lines.

Material's blog keeps draft posts out of a build; MkDocs itself publishes any other page,
`draft: true` or not. A page saved as `crisis/index.md` beside `crisis.md` silently replaces
the crisis page (MkDocs only compares files in one folder). These run on MkDocs' own
`Files`, after every plugin has placed them: the last word on where each page lands.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, TemplateNotFound
from mkdocs.structure.files import File, Files, InclusionLevel

from ..checks.collisions import RESERVED_FOLDERS
from ..checks.pages import check_page_front, read_page
from ..checks.snippet_includes import include_findings
from ..findings import Finding
from ..settings import Settings


def check_pages(
    files: Files, settings: Settings, drafts: bool = True
) -> tuple[list[str], list[Finding]]:
    """Every page that is not a post: its front matter held to what the theme prints of it
    (checks/pages.py), and a page whose front matter says `draft: true` made an MkDocs draft:
    left out of a build (site, search index, sitemap), shown by `mkdocs serve`. Returns the
    pages left out and the findings. `drafts=False` (a preview) leaves drafts in."""
    left_out: list[str] = []
    findings: list[Finding] = []
    for file in files.documentation_pages():
        if settings.is_post(file.src_path) or not file.abs_src_path:
            continue
        path = Path(file.abs_src_path)
        shown = settings.display_path(path)
        page, problems = read_page(path, shown)
        findings += problems
        if page is None:
            continue
        findings += check_page_front(page, settings)
        # a file it includes (--8<--) that cannot be read, at its line, before Markdown
        # stops on it
        findings += include_findings(shown, page.body, page.body_line, settings, in_post=False)
        if drafts and page.meta.get("draft") is True:
            file.inclusion = InclusionLevel.DRAFT
            left_out.append(shown)
    return left_out, findings


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


def missing_templates(files: Files, env: Environment, settings: Settings) -> list[Finding]:
    """A page's `template:` or `icon:` the theme does not have (MkDocs would stop with a
    traceback when it renders the page)."""
    findings = []
    for file in files.documentation_pages():
        page = file.page
        if page is None or not file.abs_src_path:
            continue
        wanted = {"template": page.meta.get("template"), "icon": page.meta.get("icon")}
        for key, name in wanted.items():
            if not isinstance(name, str):
                continue
            template = name if key == "template" else f".icons/{name}.svg"
            try:
                env.get_template(template)
            except TemplateNotFound:
                findings.append(
                    Finding(settings.display_path(Path(file.abs_src_path)), 1, 1,
                            "frontmatter.unknown-value", "frontmatter", "error",
                            f"{key}: the theme has no {template!r}",
                            "check the spelling" + (" against the icon search of Material's "
                            "documentation" if key == "icon" else ""))
                )  # fmt: skip
    return findings
