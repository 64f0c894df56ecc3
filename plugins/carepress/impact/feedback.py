"""What the audience said when asked: a poll's or survey's results as CSV, one row per answer.

    date,question,answer,responses[,post][,platform]

`responses` is how many chose that answer as of `date` (a later file of the same poll replaces
the figure); `post` (its address, path or slug) and `platform` say where it was asked, when
it was."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..publish.platforms import PLATFORMS
from .csv_files import RowProblem, Rows, read_rows, whole_number
from .engagement import day_of
from .post_names import PostMatcher

COLUMNS = ("date", "question", "answer", "responses")
_LONGEST = 300  # a question or answer: a survey's, not an essay (and never a reader's story)


def is_feedback(columns: list[str]) -> bool:
    names = {c.strip().lower() for c in columns}
    return all(c in names for c in COLUMNS)


def read_feedback(path: Path, shown: str, posts: PostMatcher, today: dt.date) -> Rows[tuple]:
    def parse(row: dict[str, str], line: int) -> tuple:
        day = day_of(row.get("date", ""), today)
        question, answer = row.get("question", "").strip(), row.get("answer", "").strip()
        for name, text in (("question", question), ("answer", answer)):
            if not text:
                raise RowProblem(f"{name}: empty")
            if len(text) > _LONGEST:
                raise RowProblem(f"{name}: longer than {_LONGEST} characters; a survey's free-text "
                                 "answers are a reader's own words: keep them out of this file")
        responses = whole_number(row, "responses")
        if responses is None:
            raise RowProblem("responses: empty (how many chose this answer)")
        reference = row.get("post", "").strip()
        slug = posts.named(reference) if reference else ""
        if slug is None:
            raise RowProblem(posts.not_found(reference))
        if slug:
            posts.check_published(slug, reference)
        platform = row.get("platform", "").strip().lower()
        if platform and platform not in PLATFORMS:
            raise RowProblem(f"platform: {platform!r} is not one of {', '.join(PLATFORMS)}")
        return (day, question, answer, responses, slug, platform)

    return read_rows(path, shown, parse, Rows())
