"""When a platform that is rate limiting us (429) or down for a while (503) said to come back:
the time before which the next run leaves that account alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from email.utils import parsedate_to_datetime

# A header further out than this is a server's mistake, not a wait worth a practice's posts.
LONGEST_WAIT = dt.timedelta(days=7)


def not_before(status: int, headers: Mapping[str, str], now: dt.datetime) -> dt.datetime | None:
    """From `Retry-After` (seconds or an HTTP date, RFC 9110) on a 429 or a 503; on a 429
    without it, from the reset of the rate-limit window: Bluesky's `ratelimit-reset` (epoch
    seconds) or Mastodon's `X-RateLimit-Reset` (an ISO 8601 time). None: no usable header."""
    if status not in (429, 503):
        return None
    lower = {name.lower(): value.strip() for name, value in headers.items()}
    found = _retry_after(lower.get("retry-after", ""), now)
    if found is None and status == 429:
        found = _epoch(lower.get("ratelimit-reset", "")) or _iso(lower.get("x-ratelimit-reset", ""))
    if found is None or found <= now:
        return None
    return min(found, now + LONGEST_WAIT)


def _retry_after(value: str, now: dt.datetime) -> dt.datetime | None:
    if value.isascii() and value.isdigit():
        seconds = int(value) if len(value) <= 9 else LONGEST_WAIT.total_seconds()
        return now + min(dt.timedelta(seconds=seconds), LONGEST_WAIT)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _epoch(value: str) -> dt.datetime | None:
    if not (value.isascii() and value.isdigit()) or len(value) > 12:  # (a time, not a typo)
        return None
    return dt.datetime.fromtimestamp(int(value), dt.UTC)


def _iso(value: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return _epoch(value)
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
