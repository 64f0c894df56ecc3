"""The platforms' own post exports (LinkedIn, Instagram, Facebook, X), read through the column
mappings in data/engagement_exports.yml: a file is the export whose columns it has."""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ..publish.platforms import PLATFORMS
from ..yaml_loading import safe_load
from .csv_files import RowProblem, Rows, read_rows, whole_number
from .engagement import Figures, format_of
from .post_names import PostMatcher
from .store import METRICS


class ExportFormat(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    key: str
    name: str
    platform: str
    detect: tuple[str, ...]
    date_formats: tuple[str, ...]
    columns: dict[str, tuple[str, ...]]

    def matches(self, columns: set[str]) -> bool:
        return all(c.lower() in columns for c in self.detect)

    def column(self, field: str, columns: set[str]) -> str | None:
        """The file's column for a field: the first of the mapping's names it has."""
        return next((c.lower() for c in self.columns.get(field, ()) if c.lower() in columns),
                    None)  # fmt: skip


@cache
def export_formats() -> tuple[ExportFormat, ...]:
    text = resources.files("carepress").joinpath("data/engagement_exports.yml").read_text("utf-8")
    formats = tuple(ExportFormat.model_validate(entry) for entry in safe_load(text))
    known = {"posted", "post", "text", "format", *METRICS}
    for export in formats:  # a mapping names a platform CarePress knows, and known fields
        if export.platform not in PLATFORMS or not set(export.columns) <= known:
            raise ValueError(f"data/engagement_exports.yml: {export.key}: unknown platform or "
                             f"field ({export.platform}, {sorted(set(export.columns) - known)})")
    return formats


def export_format(header: list[str]) -> ExportFormat | None:
    columns = {c.strip().lower() for c in header}
    return next((f for f in export_formats() if f.matches(columns)), None)


def read_export(
    path: Path, shown: str, export: ExportFormat, header: list[str], posts: PostMatcher,
    as_of: dt.date,
) -> Figures:  # fmt: skip
    """A post's totals as of `as_of` (the day the export was made); `header`: the file's
    columns, which say where each field is."""
    figures = Figures()
    columns = {c.strip().lower() for c in header}
    fields = {f: export.column(f, columns) for f in export.columns}

    def parse(row: dict[str, str], line: int) -> None:
        before = len(figures.engagement)
        _row(row, export, fields, posts, as_of, figures)
        if len(figures.engagement) > before:  # (the row was kept)
            platform, slug, day = figures.engagement[-1][:3]
            figures.given_at((platform, slug, day), line, shown,
                             f"a post that names {slug} on {export.platform}")  # fmt: skip

    read_rows(path, shown, parse, Rows(problems=figures.problems))
    return figures


def _row(
    row: dict[str, str], export: ExportFormat, fields: dict[str, str | None],
    posts: PostMatcher, as_of: dt.date, figures: Figures,
) -> None:  # fmt: skip
    def value(field: str) -> str:
        column = fields.get(field)
        return row.get(column, "") if column else ""

    slug = posts.named(value("post")) or posts.in_text(value("text"))
    if slug is None:
        raise RowProblem(
            f"post: {value('post') or value('text')[:60]!r} names no post of this hub (its text "
            "has no link to the hub and no post's title)"
        )
    posts.check_published(slug, value("post") or value("text")[:60])
    counts = tuple(
        whole_number(row, column) if (column := fields.get(metric)) else None
        for metric in METRICS
    )
    posted = _posted(value("posted"), export)  # (a bad date skips the whole row)
    if posted and posts.created.get(slug, "") > posted[:10]:
        raise RowProblem(
            f"{export.columns['posted'][0]}: {value('posted')!r} read as {posted[:10]}, before "
            f"the post's own date ({posts.created[slug]}): is the file's date day-first? "
            f"{export.name} writes {export.date_formats[0]}; fix the column, or import the "
            "figures in CarePress's CSV"
        )
    figures.engagement.append((export.platform, slug, as_of.isoformat(), *counts))
    if posted:
        figures.published.append((export.platform, slug, posted, format_of(value("format"))))


def _posted(raw: str, export: ExportFormat) -> str:
    """When the post went out, as the export shows it (the account's local time)."""
    text = raw.strip()
    if not text:
        return ""
    for pattern in export.date_formats:
        try:
            when = dt.datetime.strptime(text, pattern)
        except ValueError:
            continue
        has_time = any(code in pattern for code in ("%H", "%M"))
        return when.strftime("%Y-%m-%dT%H:%M") if has_time else when.date().isoformat()
    raise RowProblem(f"{export.columns['posted'][0]}: {raw!r} is not a date this export writes "
                     f"({', '.join(export.date_formats)})")  # fmt: skip
