"""What makes a build stop on the hub's theme or pages before any post is read, found by
`carepress check` of the whole hub and by the plugin's on_config, with one message each:

- `theme.language` that Material has no translations for (`en-GB`): Material would raise
  Jinja's TemplateNotFound for `partials/languages/en-GB.html` deep in the render;
- a template the hub's overrides include (or extend) that is in neither the overrides nor
  Material's templates: a CarePress partial deleted from overrides/partials/, say;
- the theme's custom_dir itself missing;
- the crisis page without `template: crisis.html` (the build stops: it lists no lines);
- a nav entry naming a page that docs_dir does not have.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..findings import Finding
from ..settings import CRISIS_SOURCE, Settings
from .registry import RuleInfo, declare

LANGUAGE_RULE = "site.theme-language"
MISSING_TEMPLATE_RULE = "site.missing-template"
CRISIS_TEMPLATE_RULE = "site.crisis-page-template"
NAV_RULE = "site.nav-missing-page"

declare(
    RuleInfo(LANGUAGE_RULE, "site", "error", "theme.language names a language Material has "
             "no translations for", adjustable=False),
    RuleInfo(MISSING_TEMPLATE_RULE, "site", "error", "a template the theme's overrides "
             "include is missing (a CarePress partial deleted, say)", adjustable=False),
    RuleInfo(CRISIS_TEMPLATE_RULE, "site", "error", "the crisis page does not use "
             "`template: crisis.html`, so it lists no crisis lines", adjustable=False),
    RuleInfo(NAV_RULE, "site", "error", "a nav entry of mkdocs.yml names a page docs_dir does "
             "not have", adjustable=False),
)  # fmt: skip

SAMPLE_HUB = "the overrides/ folder of the CarePress repository, beside its sample mkdocs.yml"
_REFERENCE = re.compile(r"""\{%-?\s*(?:include|extends|import|from)\s+(["'])([^"']+)\1(?!\s*~)""")


def language_problem(language: str, theme_dirs: Iterable[Path]) -> str | None:
    """The message for a theme.language Material cannot render, or None. Checked only when
    Material's templates are among the theme's folders."""
    dirs = [d for d in theme_dirs if (d / "partials" / "languages").is_dir()]
    if not dirs or any((d / "partials" / "languages" / f"{language}.html").is_file()
                       for d in dirs):  # fmt: skip
        return None
    base = re.split(r"[-_]", language)[0].lower()
    suggestion = base if any((d / "partials/languages" / f"{base}.html").is_file()
                             for d in dirs) else "en"  # fmt: skip
    return (
        f"mkdocs.yml: theme > language: {language!r} is not a language Material has "
        f"translations for (it has, for example, 'en', 'fr', 'pt-BR'). To fix it, set "
        f"`language: {suggestion}`; dates are written the British way with the blog plugin's "
        "`post_date_format: d MMMM yyyy` (see the README, \"Dates\")"
    )


def missing_templates(
    custom_dir: Path | None, theme_dirs: Iterable[Path]
) -> list[tuple[Path, int, str]]:
    """Each (file, line, template) of the overrides that includes, extends or imports a
    template found in none of the theme's folders."""
    if custom_dir is None or not custom_dir.is_dir():
        return []
    dirs = list(theme_dirs)
    problems = []
    for path in sorted(custom_dir.rglob("*.html")):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for match in _REFERENCE.finditer(text):
            name = match.group(2)
            if not any((d / name).is_file() for d in dirs):
                problems.append((path, text.count("\n", 0, match.start()) + 1, name))
    return problems


def _template_message(shown: str, line: int, name: str, custom_dir: str) -> str:
    return (
        f"{shown}:{line} includes {name!r}, which is neither in {custom_dir}/ nor one of "
        f"Material's templates. To fix it, restore {custom_dir}/{name} (copy it from "
        f"{SAMPLE_HUB}), or remove the include"
    )


def theme_problems(settings: Settings) -> list[str]:
    """The messages the plugin's on_config stops on."""
    problems = []
    custom_dir = settings.custom_dir
    if custom_dir is not None and not custom_dir.is_dir():
        problems.append(no_custom_dir_message(settings))
    for path, line, name in missing_templates(custom_dir, settings.theme_dirs):
        shown_dir = settings.display_path(custom_dir) if custom_dir else "overrides"
        problems.append(_template_message(settings.display_path(path), line, name, shown_dir))
    return problems


def no_custom_dir_message(settings: Settings) -> str:
    assert settings.custom_dir is not None
    shown = settings.display_path(settings.custom_dir)
    return (
        f"mkdocs.yml: theme > custom_dir: the folder {shown}/ does not exist; it holds "
        "CarePress's templates and partials (the crisis box, disclaimer, footer, policy "
        f"pages). To fix it, copy {SAMPLE_HUB}, to {shown}/"
    )


def _config_line(config_text: str, needle: str) -> int:
    for number, line in enumerate(config_text.splitlines(), 1):
        if needle in line:
            return number
    return 1


def _nav_pages(nav: Any) -> Iterator[str]:
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_pages(value)


def _crisis_template_finding(settings: Settings) -> Finding | None:
    path = settings.docs_dir / CRISIS_SOURCE
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError:
        return None  # its absence is site.no-crisis-page
    front = re.match(r"---\r?\n(.*?)\r?\n---", text, re.DOTALL)
    if front and re.search(r"^template:\s*[\"']?crisis\.html[\"']?\s*$", front.group(1), re.M):
        return None
    return Finding(settings.display_path(path), 1, 1, CRISIS_TEMPLATE_RULE, "site", "error",
                   "the crisis page does not use the crisis template, so it would list no "
                   "crisis lines and the build stops",
                   "add `template: crisis.html` to its front matter")  # fmt: skip


def theme_findings(settings: Settings, config_file: Path, config: dict[str, Any]) -> list[Finding]:
    """For `carepress check` of the whole hub."""
    shown_config = settings.display_path(config_file)
    try:
        config_text = config_file.read_text(encoding="utf-8-sig")
    except OSError:
        config_text = ""
    findings = []
    custom_dir = settings.custom_dir
    if custom_dir is not None and not custom_dir.is_dir():
        message, _, fix = no_custom_dir_message(settings).removeprefix("mkdocs.yml: ").partition(
            ". To fix it, ")
        findings.append(Finding(shown_config, _config_line(config_text, "custom_dir:"), 1,
                                MISSING_TEMPLATE_RULE, "site", "error", message, fix))  # fmt: skip
    for path, line, name in missing_templates(custom_dir, settings.theme_dirs):
        shown_dir = settings.display_path(custom_dir) if custom_dir else "overrides"
        findings.append(Finding(
            settings.display_path(path), line, 1, MISSING_TEMPLATE_RULE, "site", "error",
            f"includes {name!r}, which is neither in {shown_dir}/ nor one of Material's "
            "templates: the build would stop",
            f"restore {shown_dir}/{name} (copy it from "
            f"{SAMPLE_HUB}), or remove the include"))  # fmt: skip
    crisis = _crisis_template_finding(settings)
    if crisis:
        findings.append(crisis)
    for page in _nav_pages(config.get("nav")):
        if "://" in page or not page.endswith(".md"):
            continue
        if not (settings.docs_dir / page).is_file():
            findings.append(Finding(
                shown_config, _config_line(config_text, page), 1, NAV_RULE, "site", "error",
                f"nav: {page!r} is not a page of {settings.display_path(settings.docs_dir)}/",
                f"restore {page}, or remove its nav entry (and the links to it)"))  # fmt: skip
    return findings
