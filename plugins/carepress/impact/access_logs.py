"""Site visits from the web server's own access logs (Common or Combined Log Format, as
nginx, Apache and Caddy write them; gzip-rotated files too), counted per page, day and
campaign (`utm_source`). The address and user agent of each line are read only to be
dropped (the agent, to leave out bots); neither is ever stored."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

from .log_texts import Text, open_text

# The client's address, identity and user are matched as "\S+" and never captured.
_LINE = re.compile(
    r'\S+ \S+ \S+ \[(?P<time>[^\]]+)\] "(?P<method>[A-Z]+) (?P<target>\S+)[^"]*" '
    r'(?P<status>\d{3}) \S+(?: "[^"]*" "(?P<agent>[^"]*)")?'
)
_BOT = re.compile(
    r"bot|crawl|spider|slurp|scrape|preview|fetch|monitor|headless|python|curl|wget|java/|"
    r"go-http|libwww|httpclient|feed|checker|validator|"
    # Link previews: every fediverse server that shows a post fetches the page once, and
    # the chat apps do the same; none of them is a reader.
    r"mastodon/|http\.rb|akkoma|pleroma|misskey|gotosocial|friendica|cardyb|bluesky|"
    r"facebookexternalhit|whatsapp|telegram|slack|discord|skypeuripreview|embedly|iframely|"
    r"pinterest|snapchat|vkshare|redditbot|google-read-aloud",
    re.IGNORECASE,
)
_NOT_PAGES = ("/assets/", "/search/", "/feeds/", "/social/", "/stylesheets/", "/javascripts/")
MAX_REPORTED = 20


@dataclass
class LogCounts:
    visits: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    lines: int = 0
    bots: int = 0
    not_pages: int = 0  # assets, feeds, errors, other methods: requests, not page views
    problems: list[str] = field(default_factory=list)  # "file:line: what"
    bad_lines: int = 0
    blank: int = 0

    @property
    def none_readable(self) -> bool:
        """Not one line of the log is a log line CarePress reads (another format)."""
        return self.bad_lines > 0 and self.bad_lines == self.lines - self.blank


def _lines(path: Path, after: Text | None) -> Iterator[str]:
    """The log's lines, after the text `after` (read before) when given: from the line that
    follows it. A last line that was still being written when that text was copied was
    counted then; the rest of it is passed over now."""
    with open_text(path) as raw:
        if after is not None:
            left = after.size
            while left:
                skipped = raw.read(min(left, 1 << 20))
                if not skipped:
                    return
                left -= len(skipped)
            if not after.ends_a_line:
                raw.readline()
        yield from io.TextIOWrapper(raw, encoding="utf-8", errors="replace")


@lru_cache(maxsize=4096)
def _local_day(minute: str, zone: ZoneInfo | None) -> str:
    """ "02/Nov/2026:07:30 +0000" -> the day it was where the practice is."""
    when = dt.datetime.strptime(minute, "%d/%b/%Y:%H:%M %z")
    return (when.astimezone(zone) if zone else when).date().isoformat()


# A log repeats the same few agents and addresses millions of times: each is read once.
@lru_cache(maxsize=65536)
def _is_bot(agent: str) -> bool:
    """A crawler, a link preview, or no user agent at all (scripts send none; browsers do)."""
    return agent.strip() in ("", "-") or _BOT.search(agent) is not None


@lru_cache(maxsize=65536)
def _page_and_campaign(target: str) -> tuple[str, str]:
    """The page a request asked for ("" for anything else) and its utm_source."""
    parts = urlsplit(target)
    if not is_page(parts.path):
        return "", ""
    return parts.path, campaign_tag(parse_qs(parts.query).get("utm_source", [""])[0])


_TAG = re.compile(r"[a-z0-9][a-z0-9._-]{0,39}")


def campaign_tag(raw: str) -> str:
    """A campaign tag as kept: a platform's short name ("mastodon", "newsletter"). Anyone
    can put anything in a link's utm_source, a name included; what is not such a tag is
    kept only as "other"."""
    tag = raw.strip().lower()
    if not tag:
        return ""
    return tag if _TAG.fullmatch(tag) else "other"


def is_page(path: str) -> bool:
    return (path.endswith("/") or path.endswith(".html")) and not path.startswith(_NOT_PAGES)


def count_visits(
    path: Path, zone: ZoneInfo | None, shown: str, after: Text | None = None
) -> LogCounts:
    """Streamed: memory grows with pages x days, never with the log's length. `after`: the
    text of this log imported before (only the lines after it are read; numbered as in the
    whole file)."""
    counts = LogCounts()
    first = 1 if after is None else after.lines + (1 if after.ends_a_line else 2)
    for number, line in enumerate(_lines(path, after), first):
        counts.lines += 1
        if not line.strip():
            counts.blank += 1
            continue
        match = _LINE.match(line)
        if match is None:
            counts.bad_lines += 1
            if len(counts.problems) < MAX_REPORTED:
                counts.problems.append(f"{shown}:{number}: not a Common or Combined Log "
                                       "Format line; skipped")  # fmt: skip
            continue
        if match["method"] != "GET" or not ("200" <= match["status"] < "300"):
            counts.not_pages += 1
            continue
        if match["agent"] is not None and _is_bot(match["agent"]):
            counts.bots += 1
            continue
        stamp = match["time"]
        try:
            # Seconds never change the day: one parse per minute of the log, not per line.
            day = _local_day(stamp[:17] + stamp[20:], zone)
        except ValueError:
            counts.bad_lines += 1
            if len(counts.problems) < MAX_REPORTED:
                counts.problems.append(f"{shown}:{number}: the time {match['time']!r} cannot "
                                       "be read; skipped")  # fmt: skip
            continue
        page, campaign = _page_and_campaign(match["target"])
        if not page:
            counts.not_pages += 1
            continue
        counts.visits[(day, page, campaign)] += 1
    return counts
