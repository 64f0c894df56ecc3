"""The share kit's machine-readable outputs: social/snippets.json and social/snippets.csv."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .snippets import Snippet

CSV_COLUMNS = ("slug", "platform", "text", "length", "limit", "link", "hashtags",
               "content_warning", "sensitive", "title", "url")  # fmt: skip


@dataclass(frozen=True)
class SharedPost:
    slug: str
    title: str
    url: str
    published: str
    content_warnings: tuple[str, ...]
    card_path: str  # the card image, relative to the site root
    card: str  # the card image's absolute address
    card_alt: str
    snippets: Mapping[str, Snippet]


def snippets_json(posts: Iterable[SharedPost], profile: Mapping[str, Any]) -> str:
    """One post per line: readable and diffable, and written by json's C encoder (an
    indented dump goes through its pure-Python one, ~10x slower on thousands of posts)."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    entries = [
        dump({
            "slug": p.slug, "title": p.title, "url": p.url, "published": p.published,
            "content_warnings": list(p.content_warnings),
            "card": {"url": p.card, "alt": p.card_alt, "width": 1200, "height": 630},
            "snippets": {k: s.as_dict() for k, s in p.snippets.items()},
        })
        for p in posts
    ]  # fmt: skip
    posts_json = "[\n" + ",\n".join(entries) + "\n]" if entries else "[]"
    return f'{{"version": 1,\n"posts": {posts_json},\n"profile": {dump(profile)}}}\n'


def _cell(value: str) -> str:
    # Spreadsheets run cells that start with these as formulas (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def snippets_csv(posts: Iterable[SharedPost]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for post in posts:
        for platform, s in post.snippets.items():
            row = [post.slug, platform, s.text, str(s.length), str(s.limit), s.link or "",
                   " ".join(s.hashtags), s.spoiler_text, "true" if s.sensitive else "false",
                   post.title, post.url]  # fmt: skip
            writer.writerow([_cell(v) for v in row])
    return out.getvalue()
