"""The practice's own published texts: author names and bios (the authors file) and the
profile in mkdocs.yml (its name, disclaimers, clinicians' roles), which reach every page,
every feed and the profile kit. The language rules and the client-story check read them
as they read a post, each finding at the text's line in its file."""

from __future__ import annotations

from pathlib import Path

from ..findings import Finding
from ..published_texts import PlacedText, TextsProse
from ..settings import Settings
from .client_stories import story_findings
from .language import language_findings


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


def _placed(file: Path, values: list[str]) -> TextsProse:
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = ""
    return TextsProse(tuple(PlacedText(v, _line_of(text, v)) for v in values if v.strip()))


def practice_text_findings(settings: Settings, config_file: Path | None) -> list[Finding]:
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
    findings: list[Finding] = []
    for file, values in groups:
        prose = _placed(file, values)
        path = settings.display_path(file)
        findings += language_findings(path, prose, settings) + story_findings(path, prose)
    return settings.adjusted(findings)
