"""`carepress incident`: a private log of incidents (add, list, export, review), checked all or
nothing, kept out of the site and git, and never showing a note unless asked."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import pty
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from carepress.incidents.export import safe_cell
from carepress.incidents.log import incidents_for_archive
from conftest import BIN, ENV, REPO, Hub

LOG = Path("records") / "incidents.sqlite3"
NOTICE = "carepress: a new incident log: records/incidents.sqlite3"
FIRST = (
    "--when", "2025-11-02 14:30", "--platform", "instagram", "--kind", "client-contact",
    "--what", "A current client sent a follow request", "--done", "Declined it; talked about "
    "boundaries at the next session", "--follow-up", "Add a line to the intake policy",
    "--reviewed-by", "Dana Reyes", "--note", "Client R.J., seen on Tuesdays",
)  # fmt: skip
SECOND = (
    "--when", "2025-07-01 10:00", "--platform", "x", "--kind", "harassment",
    "--what", "Repeated hostile replies", "--done", "Blocked and reported the account",
)  # fmt: skip


def _run(hub: Hub, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """A real run with the given input (never the terminal pytest runs in)."""
    return subprocess.run([str(BIN / "carepress"), *args], cwd=hub.root, env=ENV, input=stdin,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def _add(hub: Hub, *args: str) -> subprocess.CompletedProcess[str]:
    result = _run(hub, "incident", "add", *args)
    assert result.returncode == 0, result.stderr
    return result


def _exported(hub: Hub, form: str, *extra: str) -> tuple[bytes, subprocess.CompletedProcess[str]]:
    out = hub.root / f"out.{form}"
    result = _run(hub, "incident", "export", "--format", form, "-o", str(out), *extra)
    assert result.returncode == 0, result.stderr
    return out.read_bytes(), result


def _json(hub: Hub, *extra: str) -> list[dict]:
    return json.loads(_exported(hub, "json", *extra)[0])


def test_add_list_and_export_round_trip(hub: Hub) -> None:
    first = _add(hub, *FIRST)
    assert first.stdout == "Incident 1 recorded in records/incidents.sqlite3.\n"
    assert _add(hub, *SECOND).stdout == "Incident 2 recorded in records/incidents.sqlite3.\n"

    listing = _run(hub, "incident", "list")
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert lines[0].split() == ["ID", "WHEN", "PLATFORM", "KIND", "REVIEWED", "BY"]
    # Newest first, in the practice's time (America/Los_Angeles in the sample mkdocs.yml).
    assert lines[1].split() == ["1", "2025-11-02", "14:30", "instagram", "client-contact",
                                "Dana", "Reyes"]  # fmt: skip
    assert lines[2].strip() == "What: A current client sent a follow request"
    assert "Done: Declined it; talked about boundaries at the next session" in listing.stdout
    assert "Follow-up: Add a line to the intake policy" in listing.stdout
    second_row = lines.index(next(line for line in lines if line.startswith("2 ")))
    assert lines[second_row].split() == ["2", "2025-07-01", "10:00", "x", "harassment",
                                         "not", "yet"]  # fmt: skip
    assert second_row > 2
    assert lines[-1] == "2 incidents; 1 with a note (--with-notes)"

    data, _ = _exported(hub, "csv")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row["id"] for row in rows] == ["2", "1"]  # in the order they happened
    summer, autumn = rows
    assert autumn == {
        "id": "1", "when": "2025-11-02T14:30:00-08:00", "platform": "instagram",
        "kind": "client-contact", "what": "A current client sent a follow request",
        "done": "Declined it; talked about boundaries at the next session",
        "follow_up": "Add a line to the intake policy", "reviewed_by": "Dana Reyes",
        "reviewed_at": autumn["recorded_at"], "recorded_at": autumn["recorded_at"],
    }  # fmt: skip
    assert summer["when"] == "2025-07-01T10:00:00-07:00"  # daylight time: its own offset
    assert (summer["follow_up"], summer["reviewed_by"], summer["reviewed_at"]) == ("", "", "")
    recorded = dt.datetime.fromisoformat(autumn["recorded_at"])
    assert recorded.utcoffset() in (dt.timedelta(hours=-8), dt.timedelta(hours=-7))
    assert abs(dt.datetime.now(dt.UTC) - recorded) < dt.timedelta(minutes=5)

    exported = _json(hub)
    assert [item["id"] for item in exported] == [2, 1]
    assert exported[1] == {
        "id": 1, "when": "2025-11-02T14:30:00-08:00", "platform": "instagram",
        "kind": "client-contact", "what": "A current client sent a follow request",
        "done": "Declined it; talked about boundaries at the next session",
        "follow_up": "Add a line to the intake policy",
        "reviews": [{"by": "Dana Reyes", "at": autumn["recorded_at"]}],
        "recorded_at": autumn["recorded_at"],
    }  # fmt: skip
    assert exported[0]["follow_up"] is None and exported[0]["reviews"] == []
    # The log and its exports are readable by their owner only.
    for path in (hub.root / LOG, hub.root / "out.csv", hub.root / "out.json"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_list_filters_by_day_and_kind(hub: Hub) -> None:
    _add(hub, *FIRST)
    _add(hub, *SECOND)
    since = _run(hub, "incident", "list", "--since", "2025-08-01")
    assert [line.split()[0] for line in since.stdout.splitlines()[1:-1] if line[0].isdigit()] == [
        "1"]  # fmt: skip
    kind = _run(hub, "incident", "list", "--kind", "harassment")
    assert "Repeated hostile replies" in kind.stdout
    assert "follow request" not in kind.stdout
    assert kind.stdout.splitlines()[-1] == "1 incident"
    wrong = _run(hub, "incident", "list", "--kind", "harrasment")
    assert wrong.returncode == 2
    assert "carepress: --kind: 'harrasment' is not one of client-contact," in wrong.stderr
    assert "(did you mean 'harassment'?)" in wrong.stderr


def test_notes_only_when_asked(hub: Hub) -> None:
    note = "Client R.J., seen on Tuesdays"
    added = _add(hub, *FIRST)
    assert note not in added.stdout + added.stderr
    plain = _run(hub, "incident", "list")
    assert note not in plain.stdout + plain.stderr
    assert "Note:" not in plain.stdout
    shown = _run(hub, "incident", "list", "--with-notes")
    assert f"Note: {note}" in shown.stdout
    assert shown.stdout.splitlines()[-1] == "1 incident"

    csv_plain, told = _exported(hub, "csv")
    assert note.encode() not in csv_plain
    assert "note" not in next(csv.reader(io.StringIO(csv_plain.decode("utf-8-sig"))))
    assert "notes left out (--with-notes adds them)" in told.stderr
    json_plain, _ = _exported(hub, "json")
    assert note.encode() not in json_plain
    assert "note" not in json.loads(json_plain)[0]

    csv_notes, told = _exported(hub, "csv", "--with-notes")
    [row] = csv.DictReader(io.StringIO(csv_notes.decode("utf-8-sig")))
    assert row["note"] == note
    assert "with their notes: keep the file as private as the log" in told.stderr
    assert _json(hub, "--with-notes")[0]["note"] == note


def test_the_first_use_notice_appears_once(hub: Hub) -> None:
    shutil.copy(REPO / ".gitignore", hub.root / ".gitignore")  # a hub made from this repo
    first = _add(hub, *SECOND)
    assert first.stderr.startswith(NOTICE + "\n"), first.stderr
    for words in ("never published with the site", "Git ignores it (.gitignore)",
                  "keep it on an encrypted disk", "keep client names out of it"):  # fmt: skip
        assert words in first.stderr, words
    assert _add(hub, *FIRST).stderr == ""
    assert _add(hub, *FIRST).stderr == ""
    # A log the hub's .gitignore does not name is said to be at risk of a commit.
    other = _add(hub, *SECOND, "--db", "private/log.sqlite3")
    assert "carepress: a new incident log: private/log.sqlite3" in other.stderr
    assert "It is NOT in .gitignore: add the line private/log.sqlite3 there" in other.stderr


def test_the_notice_asks_git_itself_in_a_repository(hub: Hub) -> None:
    if shutil.which("git") is None:
        pytest.skip("no git to ask")
    subprocess.run(["git", "init", "-q"], cwd=hub.root, check=True)
    (hub.root / ".gitignore").write_text("*.sqlite3\n")  # a pattern, not the path itself
    ignored = _add(hub, *SECOND)
    assert "Git ignores it (.gitignore): it is never committed." in ignored.stderr
    (hub.root / ".gitignore").write_text("records/\n")
    kept = _add(hub, *SECOND, "--db", "logs/incidents.db")
    assert "It is NOT in .gitignore: add the line logs/incidents.db there" in kept.stderr


def test_the_repository_ignores_the_log() -> None:
    lines = (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "records/incidents.sqlite3" in lines
    if shutil.which("git") is None:
        pytest.skip("no git to ask")
    asked = subprocess.run(["git", "check-ignore", "--no-index", "records/incidents.sqlite3"],
                           cwd=REPO, capture_output=True, text=True)  # fmt: skip
    assert asked.stdout.strip() == "records/incidents.sqlite3"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("--when", "2026-13-01"),
         "carepress: --when: '2026-13-01' is not a date and time (YYYY-MM-DD HH:MM)"),
        (("--when", "2025-02-30 10:00"),
         "carepress: --when: '2025-02-30 10:00' is not a date and time (YYYY-MM-DD HH:MM)"),
        (("--when", "yesterday"),
         "carepress: --when: 'yesterday' is not a date and time (YYYY-MM-DD HH:MM)"),
        (("--when", "2025-03-09 02:30"),  # the clocks went from 02:00 to 03:00 in Los Angeles
         "carepress: --when: '2025-03-09 02:30' did not happen in America/Los_Angeles"),
        (("--when", "2999-01-01 09:00"), "carepress: --when: '2999-01-01 09:00' is in the future"),
        (("--platform", "myspace"), "carepress: --platform: 'myspace' is not one of x, bluesky, "
         "mastodon, threads, linkedin, facebook, instagram, google, yelp, psychology-today, "
         "tiktok, youtube, whatsapp, reddit, website, email, phone, in-person, other"),
        (("--kind", "spam"), "carepress: --kind: 'spam' is not one of client-contact, "
         "distressed-comment, negative-review, harassment, privacy, other"),
        (("--what", "  "), "carepress: --what: it may not be empty"),
    ],
)  # fmt: skip
def test_a_bad_field_writes_nothing(hub: Hub, change: tuple[str, str], message: str) -> None:
    args = list(SECOND)
    args[args.index(change[0]) + 1] = change[1]
    result = _run(hub, "incident", "add", *args)
    assert result.returncode == 2
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (hub.root / LOG).exists()
    assert not (hub.root / "records").exists()


def test_every_problem_is_named_at_once_and_missing_flags_too(hub: Hub) -> None:
    bad = _run(hub, "incident", "add", "--when", "2026-13-01", "--platform", "myspace",
               "--kind", "spam", "--what", "x", "--done", "y")  # fmt: skip
    assert bad.returncode == 2
    assert [line.split(":")[1] for line in bad.stderr.splitlines()] == [
        " --when", " --platform", " --kind"]  # fmt: skip
    missing = _run(hub, "incident", "add", "--platform", "x", "--what", "Something")
    assert missing.returncode == 2
    assert missing.stderr.startswith("carepress: --kind, --done: required"), missing.stderr
    assert not (hub.root / "records").exists()


def test_interactive_add_asks_for_what_the_flags_left_out(hub: Hub) -> None:
    answers = [
        "2025-13-05 09:00",  # when: wrong, asked again
        "2025-10-05 09:00",
        "insta",  # platform: wrong, asked again
        "Instagram",
        "negative-review",
        "A one-star review naming a therapist",
        "Replied with the practice's standard reply",
        "",  # follow-up: none
        "",  # reviewed by: not yet
        "Reviewer may be a former client",
    ]
    result = _run(hub, "incident", "add", "--interactive", stdin="\n".join(answers) + "\n")
    assert result.returncode == 0, result.stderr
    assert "When did it happen? (YYYY-MM-DD HH:MM; Enter: now): " in result.stderr
    assert "  --when: '2025-13-05 09:00' is not a date and time" in result.stderr
    assert "  --platform: 'insta' is not one of" in result.stderr
    assert "(did you mean 'instagram'?)" in result.stderr
    assert result.stdout == "Incident 1 recorded in records/incidents.sqlite3.\n"
    [incident] = _json(hub, "--with-notes")
    assert {k: v for k, v in incident.items() if k not in ("recorded_at",)} == {
        "id": 1, "when": "2025-10-05T09:00:00-07:00", "platform": "instagram",
        "kind": "negative-review", "what": "A one-star review naming a therapist",
        "done": "Replied with the practice's standard reply", "follow_up": None,
        "reviews": [], "note": "Reviewer may be a former client",
    }  # fmt: skip


def test_interactive_input_that_ends_early_writes_nothing(hub: Hub) -> None:
    result = _run(hub, "incident", "add", "--interactive", "--platform", "email",
                  stdin="2025-10-05 09:00\nharassment\n")  # fmt: skip
    assert result.returncode == 2
    assert "carepress: --what: no answer (the input ended); nothing was written" in result.stderr
    assert not (hub.root / LOG).exists()


def test_a_terminal_is_asked_without_being_told(hub: Hub) -> None:
    """Real terminal input: a pseudo-terminal as stdin, so isatty() holds in the command."""
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [str(BIN / "carepress"), "incident", "add", "--platform", "facebook"],
            cwd=hub.root, env=ENV, stdin=terminal, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        os.close(terminal)
        # Enter for "now"; the tty keeps each line until the command reads it.
        answers = (
            "\ndistressed-comment\nA follower wrote that they feel hopeless\n"
            "Replied with the crisis lines; hid the comment\nCheck on the thread\n\n\n"
        )
        os.write(controller, answers.encode())
        out, err = process.communicate(timeout=120)
    finally:
        os.close(controller)
    assert process.returncode == 0, err
    assert "What kind of incident? (client-contact, distressed-comment" in err
    assert out == "Incident 1 recorded in records/incidents.sqlite3.\n"
    [incident] = _json(hub, "--with-notes")
    assert (incident["platform"], incident["kind"], incident["follow_up"], incident["note"]) == (
        "facebook", "distressed-comment", "Check on the thread", None)  # fmt: skip
    assert incident["what"] == "A follower wrote that they feel hopeless"
    when = dt.datetime.fromisoformat(incident["when"])
    assert abs(dt.datetime.now(dt.UTC) - when) < dt.timedelta(minutes=5)
    assert when.second == 0  # now, to the minute


def test_exports_and_the_log_are_kept_out_of_the_site(hub: Hub) -> None:
    _add(hub, *SECOND)
    for where, message in (("content/incidents.csv", "may not be in docs_dir"),
                           ("site/incidents.csv", "may not be in the site")):  # fmt: skip
        result = _run(hub, "incident", "export", "--format", "csv", "-o", where)
        assert result.returncode == 2
        assert f"carepress: -o: the incident export {message}" in result.stderr
        assert not (hub.root / where).exists()
    in_docs = _run(hub, "incident", "add", *SECOND, "--db", "content/log.sqlite3")
    assert in_docs.returncode == 2
    assert "carepress: --db: the incident log may not be in docs_dir" in in_docs.stderr
    assert not (hub.root / "content" / "log.sqlite3").exists()


def test_export_format_from_the_suffix_or_told(hub: Hub) -> None:
    _add(hub, *SECOND)
    by_suffix = _run(hub, "incident", "export", "-o", "log.json")
    assert by_suffix.returncode == 0, by_suffix.stderr
    assert json.loads((hub.root / "log.json").read_text())[0]["kind"] == "harassment"
    unknown = _run(hub, "incident", "export", "-o", "log.txt")
    assert unknown.returncode == 2
    assert "carepress: --format: give csv or json" in unknown.stderr
    assert not (hub.root / "log.txt").exists()
    empty = _run(hub, "incident", "export", "-o", "none.csv", "--db", "nowhere.sqlite3")
    assert empty.returncode == 2
    assert "carepress: --db: there is no incident log at nowhere.sqlite3 (is the path right?" \
        in empty.stderr  # fmt: skip
    assert not (hub.root / "nowhere.sqlite3").exists()


def test_csv_cells_cannot_become_formulas(hub: Hub) -> None:
    hostile = {"--what": '=HYPERLINK("http://evil.example","click")', "--done": "+1 reported",
               "--follow-up": "-2 days", "--reviewed-by": "@admin", "--note": "=1+2"}  # fmt: skip
    _add(hub, *SECOND[:6], *(part for pair in hostile.items() for part in pair))
    data, _ = _exported(hub, "csv", "--with-notes")
    [row] = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    assert row["what"] == "'" + hostile["--what"]
    assert row["done"] == "'+1 reported"
    assert row["follow_up"] == "'-2 days"
    assert row["reviewed_by"] == "'@admin"
    assert row["note"] == "'=1+2"
    assert row["platform"] == "x"  # an ordinary cell is left as it is
    # JSON carries text, never formulas: the values as given.
    [incident] = _json(hub, "--with-notes")
    assert incident["what"] == hostile["--what"]
    assert incident["reviews"][0]["by"] == "@admin"


@pytest.mark.parametrize(
    ("cell", "written"),
    [("=1+2", "'=1+2"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tcmd", "'\tcmd"), ("\rcmd", "'\rcmd"), ("a=b", "a=b"), ("", ""), (None, "")],
)  # fmt: skip
def test_every_formula_start_is_escaped(cell: str | None, written: str) -> None:
    assert safe_cell(cell) == written


def test_review_records_who_and_when(hub: Hub) -> None:
    _add(hub, *SECOND)
    result = _run(hub, "incident", "review", "1", "--by", "Sam Okafor")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Incident 1 reviewed by Sam Okafor.\n"
    _run(hub, "incident", "review", "1", "--by", "Dana Reyes")
    [incident] = _json(hub)
    assert [review["by"] for review in incident["reviews"]] == ["Sam Okafor", "Dana Reyes"]
    at = dt.datetime.fromisoformat(incident["reviews"][0]["at"])
    assert at.utcoffset() in (dt.timedelta(hours=-8), dt.timedelta(hours=-7))
    assert abs(dt.datetime.now(dt.UTC) - at) < dt.timedelta(minutes=5)
    listing = _run(hub, "incident", "list").stdout
    assert listing.splitlines()[1].endswith("Sam Okafor, Dana Reyes")
    assert "Reviewed: by Sam Okafor, " in listing
    data, _ = _exported(hub, "csv")
    [row] = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    assert row["reviewed_by"] == "Sam Okafor; Dana Reyes"
    assert row["reviewed_at"].split("; ")[0] == incident["reviews"][0]["at"]

    missing = _run(hub, "incident", "review", "7", "--by", "Sam Okafor")
    assert missing.returncode == 2
    assert "carepress: there is no incident 7 in records/incidents.sqlite3" in missing.stderr
    blank = _run(hub, "incident", "review", "1", "--by", " ")
    assert blank.returncode == 2
    assert "carepress: --by: give the reviewer's name" in blank.stderr
    assert len(_json(hub)[0]["reviews"]) == 2


def test_listing_an_empty_log_creates_nothing(hub: Hub) -> None:
    result = _run(hub, "incident", "list")
    assert result.returncode == 0
    assert result.stdout == "No incidents recorded yet.\n"
    assert not (hub.root / "records").exists()


def test_terminal_controls_in_a_pasted_comment_are_shown_not_obeyed(hub: Hub) -> None:
    _add(hub, *SECOND[:6], "--what", "rude \x1b[2Jreply", "--done", "hid it")
    listing = _run(hub, "incident", "list").stdout
    assert "\x1b" not in listing
    assert "What: rude  [2Jreply" in listing
    assert _json(hub)[0]["what"] == "rude \x1b[2Jreply"  # kept as it was, in the record


def test_incidents_for_archive_has_every_incident_with_its_note(hub: Hub) -> None:
    _add(hub, *FIRST)
    _add(hub, *SECOND)
    for path in (hub.root / LOG, hub.root):  # the log itself, or the hub that holds it
        archived = incidents_for_archive(path)
        assert [item["id"] for item in archived] == [2, 1]
        assert archived[1]["note"] == "Client R.J., seen on Tuesdays"
        assert archived[0]["note"] is None
        assert archived[1]["reviews"][0]["by"] == "Dana Reyes"
    assert incidents_for_archive(hub.root / "records" / "none.sqlite3") == []
    assert not (hub.root / "records" / "none.sqlite3").exists()


def test_what_a_practice_tried_first_gets_a_plain_answer(hub: Hub) -> None:
    """Found trying it as a practice would: reviews arrive on Google, a listing is piped to
    `head`, an export is pointed at a folder, a date is written day-first."""
    for n in range(3):
        _add(hub, "--when", f"2025-11-0{n + 1} 09:00", "--platform", "google", "--kind",
             "negative-review", "--what", f"A one-star review {n}", "--done", "Did not reply")
    piped = subprocess.run(f"'{BIN / 'carepress'}' incident list | head -1", shell=True,
                           cwd=hub.root, env=ENV, capture_output=True, text=True, timeout=60)
    assert piped.stdout.startswith("ID") and "Traceback" not in piped.stderr
    assert "BrokenPipe" not in piped.stderr
    folder = hub.root / "exports"
    folder.mkdir()
    to_folder = _run(hub, "incident", "export", "-o", str(folder))
    assert to_folder.returncode == 2 and "is a folder; give a file name in it" in to_folder.stderr
    day_first = _run(hub, "incident", "list", "--since", "15/11/2025")
    assert day_first.returncode == 2
    assert "'15/11/2025' is not a date: write it as YYYY-MM-DD" in day_first.stderr


def test_a_mistyped_log_is_not_an_empty_one(hub: Hub) -> None:
    _add(hub, *SECOND)
    for command in (("list",), ("export", "-o", "out.csv"), ("review", "1", "--by", "Dana")):
        typo = _run(hub, "incident", *command, "--db", "recrods/incidents.sqlite3")
        assert typo.returncode == 2, command
        assert "carepress: --db: there is no incident log at recrods/incidents.sqlite3" in (
            typo.stderr), command
        assert not (hub.root / "recrods").exists()


def test_add_help_lists_the_platforms(hub: Hub) -> None:
    shown = " ".join(_run(hub, "incident", "add", "--help").stdout.split())
    assert "instagram, google, yelp, psychology-today, tiktok, youtube, whatsapp, reddit, " \
        "website, email, phone, in-person, other" in shown  # fmt: skip


def test_a_time_that_happened_twice_is_noted_and_an_offset_names_the_second(hub: Hub) -> None:
    # 2 November 2025, Los Angeles: 01:00-02:00 happened first in PDT, then again in PST.
    first = _add(hub, "--when", "2025-11-02 01:30", *SECOND[2:])
    assert ("carepress: note: --when: 2025-11-02 01:30 happened twice in America/Los_Angeles "
            "(the clocks went back); recorded as the first, 2025-11-02T01:30-07:00 (PDT). For "
            "the second, give its offset: --when '2025-11-02 01:30-08:00'") in first.stderr
    second = _add(hub, "--when", "2025-11-02 01:30-08:00", *SECOND[2:])
    assert "happened twice" not in second.stderr
    plain = _add(hub, *SECOND)
    assert "happened twice" not in plain.stderr
    whens = sorted(incident["when"] for incident in _json(hub))
    assert whens == ["2025-07-01T10:00:00-07:00", "2025-11-02T01:30:00-07:00",
                     "2025-11-02T01:30:00-08:00"]  # fmt: skip
