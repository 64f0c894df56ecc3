"""`carepress impact report`: the analysis as a private static folder (index.html, a chart
and a CSV per table), made beside its destination and swapped in whole."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2

from .analysis import Report, Table
from .charts import ChartsUnavailable, draw

MARKER = ".carepress-impact-report"  # what makes a folder one CarePress may replace
_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run a cell starting so


class ReportError(Exception):
    pass


@dataclass(frozen=True)
class Section:
    table: Table
    chart: bool


def write_report(
    report: Report, folder: Path, site_name: str, language: str, today: dt.date
) -> Path:
    if folder.exists() and any(folder.iterdir()) and not (folder / MARKER).exists():
        raise ReportError(f"{folder}: a folder that is not a CarePress report and not empty; "
                          "choose another with -o")  # fmt: skip
    folder.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=".impact-report-", dir=folder.parent))
    try:
        try:
            sections = _write_parts(report, building)
        except ChartsUnavailable as exc:
            raise ReportError(str(exc)) from None
        (building / "index.html").write_text(
            _page(report, sections, site_name, language, today), encoding="utf-8"
        )
        (building / MARKER).write_text("made by carepress impact report\n", encoding="utf-8")
        if folder.exists():
            shutil.rmtree(folder)
        building.rename(folder)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return folder / "index.html"


def _write_parts(report: Report, building: Path) -> list[Section]:
    (building / "charts").mkdir()
    (building / "tables").mkdir()
    sections = []
    for table in report.tables:
        with (building / "tables" / f"{table.key}.csv").open("w", encoding="utf-8",
                                                              newline="") as handle:  # fmt: skip
            writer = csv.writer(handle)
            writer.writerow(table.columns)
            writer.writerows([_cell(c) for c in row] for row in table.rows)
        svg = draw(table)
        if svg is not None:
            (building / "charts" / f"{table.key}.svg").write_text(svg, encoding="utf-8")
        sections.append(Section(table, svg is not None))
    return sections


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def _page(report: Report, sections: list[Section], site_name: str, language: str,
          today: dt.date) -> str:  # fmt: skip
    source = resources.files("carepress").joinpath("templates/impact_report.html.j2")
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = environment.from_string(source.read_text(encoding="utf-8"))
    return template.render(report=report, sections=sections, site_name=site_name or "the hub",
                           language=language or "en", made_on=today.isoformat())  # fmt: skip
