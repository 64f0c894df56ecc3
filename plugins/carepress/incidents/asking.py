"""`carepress incident add` in a terminal: ask for each field the flags did not give, again
after an answer that does not fit, with the same checks as the flags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from zoneinfo import ZoneInfo

from .record import FIELDS, KINDS, PLATFORMS, WHEN_FORMAT, IncidentError, check_field

QUESTIONS: dict[str, str] = {
    "when": f"When did it happen? ({WHEN_FORMAT}; Enter: now)",
    "platform": f"Where? ({', '.join(PLATFORMS)})",
    "kind": f"What kind of incident? ({', '.join(KINDS)})",
    "what": "What happened? (leave client names out where you can)",
    "done": "What did you do?",
    "follow_up": "Any follow-up to do? (Enter: none)",
    "reviewed_by": "Reviewed by (a supervisor or colleague; Enter: not yet)",
    "note": "A private note? It may hold sensitive details and is shown only with "
    "--with-notes (Enter: none)",
}


def ask_missing(
    given: Mapping[str, str | None],
    zone: ZoneInfo | None,
    now: dt.datetime,
    read_line: Callable[[], str],
    write: Callable[[str], object],
) -> dict[str, str | None]:
    """`given` with an answer for every field it lacks (an empty one for an optional field
    left blank). Input that ends before every question is answered records nothing."""
    answers = dict(given)
    for name, flag, _ in FIELDS:
        while answers.get(name) is None:
            write(f"{QUESTIONS[name]}: ")
            line = read_line()
            if not line:  # end of input, not an empty answer (that is "\n")
                write("\n")
                raise IncidentError(f"{flag}: no answer (the input ended); nothing was written")
            try:
                check_field(name, line.rstrip("\r\n"), zone, now)
            except IncidentError as exc:
                for problem in exc.problems:
                    write(f"  {problem}\n")
                continue
            answers[name] = line.rstrip("\r\n")
    return answers
