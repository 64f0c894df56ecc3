"""The sample hub's practice left in a hub copied from it: its name ("Riverbend Therapy
Collective", or "Riverbend" alone) or its domain in a post, a page, the authors file or
mkdocs.yml (site_author, copyright...), once the hub's practice is named otherwise. The
README tells a practice to start from the sample, so this happens; a warning at its line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..findings import Finding
from ..settings import Settings
from .registry import PostContext, RuleInfo, declare, post_check
from .site_url import SAMPLE_DOMAIN, SAMPLE_PRACTICE

RULE = "site.sample-leftover"
declare(
    RuleInfo(RULE, "site", "warning", "the sample hub's practice name or domain is left in a "
             "hub whose practice is another"),
)  # fmt: skip

_SAMPLE = re.compile(r"\bRiverbend\b|" + re.escape(SAMPLE_DOMAIN), re.IGNORECASE)
FIX = "replace it with your practice's own name or address (extra > practice > name in mkdocs.yml)"


def applies(settings: Settings) -> bool:
    name = settings.practice.name.strip()
    return bool(name) and name != SAMPLE_PRACTICE and not _SAMPLE.search(name)


def _message(found: str) -> str:
    return (f"{found!r} is the CarePress sample hub's practice, left in: readers would see "
            "another practice's name (or address) on your site")


def _in_text(text: str, first_line: int = 1) -> Iterator[tuple[int, int, str]]:
    for number, line in enumerate(text.splitlines(), first_line):
        for match in _SAMPLE.finditer(line):
            yield number, match.start() + 1, match.group(0)


@post_check(order=91)
def check_sample_leftovers(ctx: PostContext) -> list[Finding]:
    if not applies(ctx.settings):
        return []
    post = ctx.post
    findings = []
    for key, value in post.meta.items():
        if isinstance(value, str) and (match := _SAMPLE.search(value)):
            findings.append(Finding(post.path, post.line_of((key,)), 1, RULE, "site",
                                    "warning", _message(match.group(0)), FIX))  # fmt: skip
    for line, column, found in _in_text(post.body, post.body_line):
        findings.append(Finding(post.path, line, column, RULE, "site", "warning",
                                _message(found), FIX))  # fmt: skip
    return findings


def hub_leftovers(settings: Settings, config_file: Path) -> list[Finding]:
    """mkdocs.yml (but its comments) and docs_dir's files that are not posts."""
    if not applies(settings):
        return []
    files = [config_file]
    if settings.docs_dir.is_dir():
        files += sorted(
            path for path in settings.docs_dir.rglob("*")
            if path.suffix in (".md", ".yml", ".yaml", ".html") and path.is_file()
            and not settings.is_post(str(path.relative_to(settings.docs_dir)))
        )  # fmt: skip
    findings = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8-sig", errors="replace")
        except OSError:
            continue
        text = re.sub(r"(?m)^\s*#.*$", "", text)  # comments are the writer's own
        findings += [
            Finding(settings.display_path(path), line, column, RULE, "site", "warning",
                    _message(found), FIX)
            for line, column, found in _in_text(text)
        ]  # fmt: skip
    return settings.adjusted(findings)
