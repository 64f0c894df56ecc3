"""Reading the CSV files a practice brings: UTF-8 (with or without Excel's byte-order mark),
columns by name whatever their case, and a row the CSV reader cannot read reported at its line
and skipped, never a traceback."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class FormatError(Exception):
    """A file that is not in a format CarePress reads (the whole file is refused)."""


class RowProblem(ValueError):
    """What is wrong with one row (the row is skipped)."""


@dataclass
class Rows(Generic[T]):
    rows: list[T] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "file:line: what; skipped"


def header(path: Path, shown: str) -> list[str]:
    """The file's column names as written (empty for an empty file)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return next(csv.reader(handle), [])
    except UnicodeDecodeError:
        raise FormatError(f"{shown}: not UTF-8 text; export or save it as CSV UTF-8") from None
    except csv.Error as exc:
        raise FormatError(f"{shown}: its first line is not CSV: {exc}") from None


def read_rows(
    path: Path, shown: str, parse: Callable[[dict[str, str], int], T | None], found: Rows[T]
) -> Rows[T]:
    """Each row as {lower-case column: value} through `parse` (which raises RowProblem for a
    row to skip); its results (but None) and problems gathered in `found`."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            reader.fieldnames = [c.strip().lower() for c in reader.fieldnames or []]
            for line, row in _rows(reader, shown, found.problems):
                try:
                    result = parse(row, line)
                    if result is not None:
                        found.rows.append(result)
                except RowProblem as problem:
                    found.problems.append(f"{shown}:{line}: {problem}; skipped")
    except UnicodeDecodeError:
        raise FormatError(f"{shown}: not UTF-8 text; export or save it as CSV UTF-8") from None
    return found


def readable(
    reader: Any, unreadable: Callable[[int, csv.Error], None]
) -> Iterator[tuple[int, Any]]:
    """Each row a CSV reader can read, with the line it starts on. A row it cannot read (a
    field past its limit) goes to `unreadable` with that line, and reading goes on from the
    next line (each call consumes input: this ends)."""
    while True:
        before = reader.line_num
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            unreadable(before + 1, exc)
            continue
        yield before + 1, row


def _rows(
    reader: csv.DictReader, shown: str, problems: list[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Each row by its lower-case columns, at the line it ends on."""

    def unreadable(line: int, exc: csv.Error) -> None:
        problems.append(f"{shown}:{line}: {exc}; skipped")

    for _, row in readable(reader, unreadable):
        yield reader.line_num, {k: (v or "") for k, v in row.items() if isinstance(k, str)}


def whole_number(row: dict[str, str], column: str) -> int | None:
    """A count as exports write it ("1,200", "1200", ""); empty is unknown, not zero."""
    raw = row.get(column, "")
    value = raw.strip().replace(",", "")
    if value in ("", "-", "--"):
        return None
    try:
        number = int(float(value)) if value.endswith(".0") else int(value)
    except ValueError:
        raise RowProblem(f"{column}: {raw!r} is not a whole number") from None
    if number < 0:
        raise RowProblem(f"{column}: {number} is negative")
    return number
