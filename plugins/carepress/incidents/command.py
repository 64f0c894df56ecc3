"""`carepress incident add | list | export | review`: what each does with the log. The CLI
has already kept the log's path and the export's out of docs_dir and the site."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ..private_files import git_ignores
from .asking import ask_missing
from .export import as_csv, as_json, write_private
from .listing import as_table
from .log import IncidentLog
from .record import (
    FIELDS,
    KINDS,
    IncidentError,
    Review,
    check_field,
    happened_twice,
    incident_from,
    local_time,
    missing_required,
    one_of,
)

if TYPE_CHECKING:
    from ..settings import Settings

FORMATS = ("csv", "json")


def run(args: argparse.Namespace, database: Path, output: Path | None, settings: Settings,
        now: dt.datetime) -> int:  # fmt: skip
    log = IncidentLog(database)
    shown, zone = settings.display_path(database), settings.practice_zone
    if args.incident_command != "add" and args.db is not None and not log.exists():
        # A mistyped path is not an empty log.
        raise IncidentError(f"--db: there is no incident log at {shown} (is the path right? "
                            "`carepress incident add --db FILE` starts one)")  # fmt: skip
    if args.incident_command == "add":
        return add(args, log, zone, now, shown, settings.root)
    if args.incident_command == "list":
        return show(args, log, zone, shown)
    if args.incident_command == "export":
        assert output is not None  # the CLI requires -o
        return export(args, log, output, shown, settings.display_path(output))
    return review(args, log, now, zone, shown)


def add(args: argparse.Namespace, log: IncidentLog, zone: ZoneInfo | None, now: dt.datetime,
        shown: str, root: Path) -> int:  # fmt: skip
    given: dict[str, str | None] = {name: getattr(args, name) for name, _, _ in FIELDS}
    problems = []
    for name, value in given.items():  # the flags first: no question asked in vain
        if value is not None:
            try:
                check_field(name, value, zone, now)
            except IncidentError as exc:
                problems.extend(exc.problems)
    if problems:
        raise IncidentError(*problems)
    # In a terminal, a missing required flag starts the questions (for every field not given).
    if args.interactive or (missing_required(given) and sys.stdin.isatty()):
        try:
            given = ask_missing(given, zone, now, sys.stdin.readline, _say)
        except KeyboardInterrupt:
            raise IncidentError("stopped; nothing was written") from None
    incident = incident_from(given, zone, now)
    number, started = log.add(incident)
    print(f"Incident {number} recorded in {shown}.")
    twice = happened_twice(given.get("when") or "", zone, incident.when)
    if twice:
        print(f"carepress: note: {twice}", file=sys.stderr)
    if started:
        print(_first_use_notice(log.path, shown, root), file=sys.stderr)
    return 0


def _say(text: str) -> None:
    """A question on stderr (stdout stays the result), shown before the answer is typed."""
    sys.stderr.write(text)
    sys.stderr.flush()


def _first_use_notice(path: Path, shown: str, root: Path) -> str:
    if not path.is_relative_to(root.resolve()):
        git = "It is outside the hub, so outside its git repository."
    elif git_ignores(path, root):
        git = "Git ignores it (.gitignore): it is never committed."
    else:
        git = f"It is NOT in .gitignore: add the line {shown} there, or it may be committed."
    return (
        f"carepress: a new incident log: {shown}\n"
        "  It stays on this computer and is never published with the site.\n"
        f"  {git}\n"
        "  It may hold sensitive details (the notes above all): keep it on an encrypted disk,\n"
        "  and keep client names out of it where you can."
    )


def show(args: argparse.Namespace, log: IncidentLog, zone: ZoneInfo | None, shown: str) -> int:
    kind = one_of("kind", args.kind, KINDS) if args.kind is not None else None
    incidents = log.incidents()
    if args.since is not None:
        incidents = [i for i in incidents if _day(i.when, zone) >= args.since]
    if kind is not None:
        incidents = [i for i in incidents if i.kind == kind]
    if not incidents:
        print(f"No incidents in {shown}." if log.exists() else "No incidents recorded yet.")
        return 0
    width = shutil.get_terminal_size((100, 24)).columns
    print(as_table(incidents[::-1], zone, args.with_notes, width), end="")
    notes = sum(1 for i in incidents if i.note)
    hidden = "" if args.with_notes or not notes else f"; {notes} with a note (--with-notes)"
    print(f"{len(incidents)} incident{'s' if len(incidents) != 1 else ''}{hidden}")
    return 0


def _day(moment: dt.datetime, zone: ZoneInfo | None) -> dt.date:
    return (moment.astimezone(zone) if zone is not None else moment).date()


def export(
    args: argparse.Namespace, log: IncidentLog, output: Path, shown: str, shown_output: str
) -> int:
    if output.is_dir():
        raise IncidentError(f"-o: {shown_output} is a folder; give a file name in it "
                            f"({shown_output}/incidents.csv)")  # fmt: skip
    form = args.format or output.suffix.lstrip(".").lower()
    if form not in FORMATS:
        raise IncidentError("--format: give csv or json (or end the file's name with .csv or "
                            ".json)")  # fmt: skip
    if not log.exists():
        raise IncidentError(f"{shown}: no incidents recorded yet (or give --db)")
    incidents = log.incidents()
    data = (as_csv if form == "csv" else as_json)(incidents, args.with_notes)
    write_private(output, data)
    notes = ("with their notes: keep the file as private as the log" if args.with_notes
             else "notes left out (--with-notes adds them)")  # fmt: skip
    print(f"{shown_output}: {len(incidents)} incident{'s' if len(incidents) != 1 else ''}, {notes}",
          file=sys.stderr)  # fmt: skip
    return 0


def review(args: argparse.Namespace, log: IncidentLog, now: dt.datetime, zone: ZoneInfo | None,
           shown: str) -> int:  # fmt: skip
    by = args.by.strip()
    if not by:
        raise IncidentError("--by: give the reviewer's name")
    if not log.review(args.id, Review(by, local_time(zone, now))):
        raise IncidentError(f"there is no incident {args.id} in {shown}")
    print(f"Incident {args.id} reviewed by {by}.")
    return 0
