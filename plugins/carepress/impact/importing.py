"""`carepress impact import FILE...`: each file once (by its SHA-256), whole or not at all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from .access_logs import count_visits
from .engagement import read_engagement
from .store import ImpactStore, file_digest

if TYPE_CHECKING:
    from ..engine import Post
    from ..settings import Settings


@dataclass
class ImportResult:
    lines: list[str] = field(default_factory=list)  # what happened, one line per file
    problems: list[str] = field(default_factory=list)  # file:line: what, for skipped rows


def post_names(reports: Sequence[Post]) -> dict[str, str]:
    """Every way a row may name a post (its address, path or slug) -> its slug."""
    names: dict[str, str] = {}
    for report in reports:
        address = report.address
        if address is None:
            continue
        for form in (address.url, address.path, address.path.strip("/"), address.slug):
            names[form] = address.slug
    return names


def _kind(path: Path) -> str:
    if path.suffix.lower() == ".csv":
        return "engagement"
    return "access-log"


def import_files(
    paths: Sequence[Path], store: ImpactStore, settings: Settings, reports: Sequence[Post]
) -> ImportResult:
    result = ImportResult()
    names = post_names(reports)
    hours = settings.practice.social_hours
    zone = ZoneInfo(hours.time_zone) if hours else None
    for path in paths:
        shown = settings.display_path(path)
        digest = file_digest(path)
        kind = _kind(path)
        with store.connect() as db:
            if store.seen(db, digest):
                result.lines.append(f"{shown}: imported before; nothing added")
                continue
            if kind == "engagement":
                found = read_engagement(path, shown, names)
                store.put_engagement(db, found.rows)
                store.mark(db, digest, path.name, kind, len(found.rows))
                result.problems += found.problems
                result.lines.append(f"{shown}: {len(found.rows)} engagement rows"
                                    + (f", {len(found.problems)} skipped" if found.problems
                                       else ""))  # fmt: skip
            else:
                counts = count_visits(path, zone, shown)
                store.add_visits(db, counts.visits)
                store.mark(db, digest, path.name, kind, counts.lines)
                result.problems += counts.problems
                result.lines.append(
                    f"{shown}: {counts.lines} lines, {sum(counts.visits.values())} page "
                    f"visits counted, {counts.bots} from bots left out"
                    + (f", {counts.bad_lines} unreadable lines skipped" if counts.bad_lines
                       else "")
                )  # fmt: skip
    return result
