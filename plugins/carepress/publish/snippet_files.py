"""The share kit's machine-readable outputs: social/snippets.json and social/snippets.csv."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..engine import Post
from ..settings import Settings
from .cards import HEIGHT, PORTRAIT, WIDTH, card_alt_text, portrait_path, post_card
from .slides import NO_VISUALS, SLIDE, SQUARE, alt_text
from .snippets import PackedSnippets

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
    snippets: PackedSnippets
    portrait_path: str = ""  # its portrait twin for Instagram (1080x1350), relative
    portrait: str = ""  # ... and its absolute address
    # Its carousel (publish/slides.py): each slide's path (relative) and alt text, in order;
    # the slides' PDF; the quote card's path and alt text.
    slides: tuple[tuple[str, str], ...] = ()
    slides_pdf: str = ""
    quote_card: tuple[str, str] | None = None
    site_url: str = ""

    def absolute(self, relative: str) -> str:
        return (self.site_url or "/") + quote(relative)


def shared_post(report: Post, settings: Settings, now: dt.datetime) -> SharedPost | None:
    """What a post's share kit shows; None for a post that is not shared (not published,
    expired, or with errors)."""
    model, safeguards, address = report.front_matter, report.safeguards, report.address
    if model is None or safeguards is None or address is None or report.has_errors:
        return None
    if not model.is_published(now) or model.is_expired(now):
        return None
    spec = post_card(model, safeguards, settings.practice.name)
    card_path = address.card_path
    return SharedPost(
        address.slug,
        model.title,
        address.url,
        model.created.isoformat(),
        tuple(model.content_warnings),
        card_path,
        address.card_url,
        card_alt_text(spec),
        PackedSnippets.of(report.snippets),  # composed by the check, for this same address
        *_portrait(address.slug, address.site_url, settings),
        *_visuals(report),
        address.site_url,
    )


def _visuals(report: Post) -> tuple[tuple[tuple[str, str], ...], str, tuple[str, str] | None]:
    """The post's slides, their PDF and its quote card, as the check laid them out."""
    visuals = report.visuals or NO_VISUALS
    slides = tuple((path, alt_text(spec)) for path, spec in visuals.slides.items())
    quote_card = next(((path, alt_text(spec)) for path, spec in visuals.quote.items()), None)
    return slides, visuals.pdf, quote_card


def _portrait(slug: str, site_url: str, settings: Settings) -> tuple[str, str]:
    """The portrait card's path and address, or empty when the hub draws none."""
    if not settings.options.snippets.portraits:
        return "", ""
    return portrait_path(slug), (site_url or "/") + quote(portrait_path(slug))


def post_json(post: SharedPost) -> str:
    """A post's object in snippets.json, as one line of JSON."""
    card: dict[str, Any] = {"url": post.card, "alt": post.card_alt, "width": WIDTH,
                            "height": HEIGHT}  # fmt: skip
    if post.portrait:
        card["portrait"] = {"url": post.portrait, "width": PORTRAIT.width,
                            "height": PORTRAIT.height}  # fmt: skip
    if post.slides:
        card["slides"] = [{"url": post.absolute(path), "alt": alt, "width": SLIDE.width,
                           "height": SLIDE.height} for path, alt in post.slides]  # fmt: skip
        card["slides_pdf"] = post.absolute(post.slides_pdf)
    if post.quote_card:
        path, alt = post.quote_card
        card["quote"] = {"url": post.absolute(path), "alt": alt, "width": SQUARE.width,
                         "height": SQUARE.height}  # fmt: skip
    head = json.dumps({
        "slug": post.slug, "title": post.title, "url": post.url, "published": post.published,
        "content_warnings": list(post.content_warnings), "card": card,
    }, ensure_ascii=False)  # fmt: skip
    # The snippets' JSON as the check encoded it, as the post object's last member.
    return f'{head[:-1]}, "snippets": {post.snippets.json}}}'


def write_snippets_json(
    target: Path, posts: Iterable[SharedPost], profile: Mapping[str, Any]
) -> None:
    """One post per line: readable and diffable, and written by json's C encoder (an
    indented dump goes through its pure-Python one, ~10x slower on thousands of posts).
    Streamed: a hub of 5,000 posts never holds the whole file in memory."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    with target.open("w", encoding="utf-8") as out:
        out.write('{"version": 1,\n"posts": [')
        count = 0
        for p in posts:
            out.write(",\n" if count else "\n")
            out.write(post_json(p))
            count += 1
        out.write("\n]" if count else "]")
        out.write(f',\n"profile": {dump(profile)}}}\n')


def _cell(value: str) -> str:
    # Spreadsheets run cells that start with these as formulas (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _csv_rows(post: SharedPost) -> Iterator[list[str]]:
    slug, title, url = _cell(post.slug), _cell(post.title), _cell(post.url)
    # From the snippets' JSON as it is: no Snippet objects to build. Platform names, numbers
    # and true/false cannot start a formula and are left as they are.
    for platform, s in json.loads(post.snippets.json).items():
        sensitive = s.get("sensitive", post.snippets.sensitive)  # printed for Mastodon only
        yield [slug, platform, _cell(s["text"]), str(s["length"]), str(s["limit"]),
               _cell(s["link"] or ""), _cell(" ".join(s["hashtags"])),
               _cell(s.get("spoiler_text", "")), "true" if sensitive else "false",
               title, url]  # fmt: skip


def write_snippets_csv(target: Path, posts: Iterable[SharedPost]) -> None:
    with target.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for post in posts:
            writer.writerows(_csv_rows(post))
