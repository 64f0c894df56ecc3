"""The log as a terminal reads it: newest first, one header line per incident and its texts
wrapped beneath it. Notes only when asked."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from zoneinfo import ZoneInfo

from .record import Incident

# What was pasted from a comment may carry terminal control sequences: shown, never obeyed.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _plain(text: str) -> str:
    return _CONTROL.sub(" ", text).strip()


def _clock(moment: dt.datetime, zone: ZoneInfo | None) -> str:
    return (moment.astimezone(zone) if zone is not None else moment).strftime("%Y-%m-%d %H:%M")


def as_table(incidents: list[Incident], zone: ZoneInfo | None, with_notes: bool,
             width: int = 100) -> str:  # fmt: skip
    """`incidents` (newest first as given), each as a row of ID, when, platform, kind and
    who reviewed it, with what happened, what was done and the rest wrapped beneath."""
    header = ("ID", "WHEN", "PLATFORM", "KIND", "REVIEWED BY")
    rows = [
        (str(i.id), _clock(i.when, zone), i.platform, i.kind,
         ", ".join(_plain(r.by) for r in i.reviews) or "not yet")
        for i in incidents
    ]  # fmt: skip
    widths = [max(len(row[n]) for row in (header, *rows)) for n in range(len(header) - 1)]
    indent = " " * (widths[0] + 2)

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=False)) + "  " + cells[-1]

    out = [line(header)]
    for incident, row in zip(incidents, rows, strict=True):
        out.append(line(row))
        texts = [("What", incident.what), ("Done", incident.done),
                 ("Follow-up", incident.follow_up)]  # fmt: skip
        texts += [("Reviewed", f"by {r.by}, {_clock(r.at, zone)}") for r in incident.reviews]
        if with_notes:
            texts.append(("Note", incident.note))
        for label, text in texts:
            if text:
                out += textwrap.wrap(
                    f"{label}: {_plain(text)}",
                    max(width, 60),
                    initial_indent=indent,
                    subsequent_indent=indent + "  ",
                )
    return "\n".join(out) + "\n"
