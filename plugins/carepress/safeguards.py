"""What every published post carries: disclaimer, content-warning banner, crisis lines.

One source of truth for the page templates, and later the feeds and social snippets.
"""

from __future__ import annotations

from dataclasses import dataclass

from .crisis import Region, all_regions
from .model import FrontMatter
from .settings import Settings


@dataclass(frozen=True)
class WarningLabel:
    id: str
    label: str


@dataclass(frozen=True)
class Safeguards:
    warnings: tuple[WarningLabel, ...]
    crisis: Region | None  # the practice's region when the post needs a crisis box
    collapsed: bool  # the body starts collapsed behind the warning
    disclaimer: str
    disclaimer_position: str

    @property
    def warning_labels(self) -> str:
        return ", ".join(w.label for w in self.warnings)

    def warning_label_forms(self) -> list[str]:
        """Every label, then shorter forms that still warn, for text with a hard limit: the
        first k names and how many more ("suicide, self-harm and 5 more"), down to one name."""
        labels = [w.label for w in self.warnings]
        shorter = [
            f"{', '.join(labels[:k])} and {len(labels) - k} more"
            for k in range(len(labels) - 1, 0, -1)
        ]
        return [", ".join(labels), *shorter] if labels else []


def safeguards_for(model: FrontMatter, settings: Settings) -> Safeguards:
    warnings = tuple(
        WarningLabel(cw, settings.topic_labels.get(cw, cw))
        for cw in model.content_warnings
    )
    declared = set(model.content_warnings)
    options = settings.options
    needs_crisis = bool(declared & set(options.crisis_warnings))
    disclaimer = settings.practice.disclaimer
    return Safeguards(
        warnings=warnings,
        crisis=all_regions()[settings.practice.crisis_region] if needs_crisis else None,
        collapsed=bool(declared & set(options.collapse_warnings)),
        disclaimer=disclaimer.for_audience(list(model.audience)),
        disclaimer_position=disclaimer.position,
    )
