"""A report table drawn as an SVG chart, offline, with matplotlib (its object API: no pyplot,
no window, no global state). Text stays text in the SVG; the table beside each chart is what a
screen reader reads."""

from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict

from .analysis import Table

_WIDTH, _HEIGHT = 7.0, 3.0  # inches: a report column, readable on a laptop
_MOST_BARS = 20


class ChartsUnavailable(Exception):
    pass


def draw(table: Table) -> str | None:
    """The chart's SVG text, or None when the table has nothing to draw."""
    if not table.chart or not table.rows:
        return None
    try:
        from matplotlib import rcParams
    except ImportError as exc:
        raise ChartsUnavailable(
            "the report's charts need matplotlib: pip install 'carepress[impact]'"
        ) from exc
    from matplotlib.dates import HOURLY, AutoDateLocator, ConciseDateFormatter
    from matplotlib.figure import Figure

    rcParams["svg.fonttype"] = "none"  # text as text: smaller, selectable
    rcParams["svg.hashsalt"] = "carepress"  # the same data draws the same file
    value = table.columns.index(table.value)
    rows = [r for r in table.rows if isinstance(r[value], int | float)][:_MOST_BARS]
    # A bar chart grows with its bars (one bar is a line, not a slab).
    height = 0.8 + 0.32 * len(rows) if table.chart == "bar" else _HEIGHT
    figure = Figure(figsize=(_WIDTH, height), layout="constrained")
    axes = figure.add_subplot()
    if table.chart == "bar":
        labels = [_short(str(r[0])) for r in rows][::-1]
        axes.barh(labels, [r[value] for r in rows][::-1], color="#3f6f8f")
        axes.set_xlabel(table.value)
    else:
        series: dict[str, list[tuple[dt.date, float]]] = defaultdict(list)
        for row in table.rows:
            series[str(row[1])].append((dt.date.fromisoformat(str(row[0])), row[value]))
        for name, points in series.items():
            axes.plot([p[0] for p in points], [p[1] for p in points], marker=".", label=name)
        axes.set_ylabel(table.value)
        locator = AutoDateLocator(minticks=2, maxticks=7)
        locator.intervald[HOURLY] = [24]  # days are the finest grain the figures have
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        if len(series) > 1:
            axes.legend(frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()


def _short(label: str, longest: int = 40) -> str:
    return label if len(label) <= longest else label[: longest - 1] + "…"

