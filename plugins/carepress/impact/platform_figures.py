"""Today's figures from the platforms themselves, for the posts CarePress sent.

For each account with posts in the posting ledger it asks the platform, with the platform's
own client library and the practice's own secret, for each post's counts as of now (likes,
comments, shares), the account's followers, and a Mastodon poll's votes; and it records
when each post went out (practice-local time) and in what form. It only reads: nothing is
posted, and no secret is ever stored or shown.

What is stored, all dated `today` (totals so far, as the platform counts them now):

- engagement: Mastodon likes = favourites, shares = boosts (+ quotes, where the server
  counts them), comments = replies; Bluesky likes, shares = reposts + quotes, comments =
  replies. Impressions, reach, saves and clicks are not shown by either platform: unknown.
- followers: the account's followers.
- feedback: a Mastodon poll's options and votes; the question is the status's first line.
- published: the ledger's time, in the practice's zone, and a deliberately simple format:
  "poll" (a Mastodon status with a poll), "thread" (the ledger recorded replies), else
  "link" (every CarePress post carries its page's link).

A post the platform no longer has is a problem line and is skipped; an account that cannot
be asked (no secret, server down, secret refused) is one problem line, and the other
accounts are still asked. Everything a run found is written in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ..syndication.accounts import Account, CredentialError, redact
from ..syndication.clients import bluesky_client, mastodon_client
from ..syndication.ledger import Ledger, Posted
from .store import ImpactStore

BLUESKY_BATCH = 25  # app.bsky.feed.getPosts answers at most 25 URIs a request


@dataclass
class FetchResult:
    lines: list[str] = field(default_factory=list)  # one line per account: what was fetched
    problems: list[str] = field(default_factory=list)  # per post or account: what failed


@dataclass
class _Figures:
    """What one account's fetch found; written with the rest of the run, or not at all."""

    engagement: list[tuple[Any, ...]] = field(default_factory=list)
    followers: list[tuple[str, str, int]] = field(default_factory=list)
    published: list[tuple[str, str, str, str]] = field(default_factory=list)
    feedback: list[tuple[Any, ...]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # per post
    posts: int = 0
    missing: int = 0


class _AccountFailed(Exception):
    """Nothing could be fetched for the account; the message says why (never a secret)."""


def fetch_figures(
    ledger_path: Path,
    store: ImpactStore,
    accounts: Sequence[Account],
    slugs: Mapping[str, str],
    zone: ZoneInfo | None,
    today: dt.date,
    timeout: float = 30,
) -> FetchResult:
    """Fetch and store today's figures for every post in the ledger at `ledger_path` whose
    source file is in `slugs` (source path -> slug); see the module's docstring."""
    result = FetchResult()
    latest = _latest(Ledger(ledger_path).all_posted())
    day = today.isoformat()
    found: list[_Figures] = []
    secrets: list[str] = []  # every secret read, scrubbed from every line (belt and braces)
    for account in accounts:
        mine = [p for p in latest if (p.platform, p.account) == (account.platform, account.name)]
        if not mine:
            result.lines.append(f"{account.label}: nothing posted yet, nothing fetched")
            continue
        current = [(p, slugs[p.post]) for p in mine if p.post in slugs]
        gone = len(mine) - len(current)
        fetch = _FETCHERS.get(account.platform)
        if fetch is None:
            result.problems.append(f"{account.label}: CarePress cannot fetch figures from it")
            continue
        try:
            secret = account.secret()
        except CredentialError as exc:  # it names the account and where the secret goes
            result.problems.append(str(exc))
            continue
        secrets.append(secret)
        try:
            figures = fetch(account, secret, current, day, zone, timeout)
        except _AccountFailed as exc:
            result.problems.append(redact(f"{account.label}: {exc}", secrets))
            continue
        found.append(figures)
        result.lines.append(redact(_summary(account, figures, gone), secrets))
        result.problems.extend(redact(p, secrets) for p in figures.problems)
    if any(f.engagement or f.followers or f.published or f.feedback for f in found):
        with store.connect() as db:  # the whole run, or none of it
            for figures in found:
                store.put_engagement(db, figures.engagement)
                store.put_followers(db, figures.followers)
                store.put_published(db, figures.published)
                store.put_feedback(db, figures.feedback)
    return result


def _latest(rows: list[Posted]) -> list[Posted]:
    """The latest row per post, platform and account (a post resent after an edit is the
    resent one); the ledger lists them oldest first. Thread replies live in their row."""
    latest: dict[tuple[str, str, str], Posted] = {}
    for row in rows:
        latest[(row.post, row.platform, row.account)] = row
    return sorted(latest.values(), key=lambda p: (p.platform, p.account, p.post))


def _summary(account: Account, figures: _Figures, gone: int) -> str:
    parts = [f"figures for {_count(figures.posts, 'post')}"]
    if figures.followers:
        parts.append(_count(figures.followers[0][2], "follower"))
    if figures.missing:
        parts.append(f"{_count(figures.missing, 'post')} not found on the platform")
    if gone:
        parts.append(f"{_count(gone, 'post')} no longer in the hub")
    return f"{account.label}: {', '.join(parts)}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _published(
    platform: str, posted: Posted, slug: str, zone: ZoneInfo | None, poll: bool
) -> tuple[str, str, str, str] | None:
    try:
        when = dt.datetime.fromisoformat(posted.posted_at)
    except ValueError:  # (a hand-edited ledger): the figures still count, the time not
        return None
    if when.tzinfo is None:  # the ledger writes UTC
        when = when.replace(tzinfo=dt.UTC)
    local = when.astimezone(zone or dt.UTC).strftime("%Y-%m-%dT%H:%M")
    return (platform, slug, local, "poll" if poll else "thread" if _replies(posted) else "link")


def _replies(posted: Posted) -> bool:
    try:
        return bool(json.loads(posted.replies or "[]"))
    except ValueError:
        return False


def _not_found(account: Account, posted: Posted) -> str:
    return (f"{account.label}: {posted.post} is no longer on the platform ({posted.remote_url}); "
            "was it deleted? skipped")  # fmt: skip


def _unreachable(account: Account, timeout: float, timed_out: bool) -> str:
    if timed_out:
        return f"{account.server} did not answer within {timeout:g} s; nothing fetched"
    return f"could not reach {account.server}; nothing fetched (is the address right?)"


# --- Mastodon -------------------------------------------------------------------------------


def _fetch_mastodon(
    account: Account,
    secret: str,
    posts: list[tuple[Posted, str]],
    day: str,
    zone: ZoneInfo | None,
    timeout: float,
) -> _Figures:
    from mastodon.errors import (
        MastodonAPIError,
        MastodonError,
        MastodonNotFoundError,
        MastodonServerError,
        MastodonUnauthorizedError,
    )

    client = mastodon_client(account, secret, timeout)
    figures = _Figures()
    try:
        me = client.account_verify_credentials()  # also proves the token before the posts
        if me.get("followers_count") is not None:
            figures.followers.append(("mastodon", day, int(me["followers_count"])))
        for posted, slug in posts:
            try:
                status = client.status(posted.remote_id)
            except MastodonNotFoundError:
                figures.missing += 1
                figures.problems.append(_not_found(account, posted))
                continue
            except (MastodonUnauthorizedError, MastodonServerError):
                raise  # the account's problem, not this post's
            except MastodonAPIError as exc:  # (a status made private, say): this post only
                code = exc.args[1] if len(exc.args) > 1 else "an error"
                figures.problems.append(
                    f"{account.label}: {posted.post}: the server answered {code}; skipped"
                )
                continue
            _add_status(figures, status, slug, day)
            row = _published("mastodon", posted, slug, zone, poll=bool(status.get("poll")))
            if row:
                figures.published.append(row)
    except MastodonError as exc:
        raise _AccountFailed(_mastodon_failure(exc, account, timeout)) from None
    finally:
        client.session.close()
    return figures


def _add_status(figures: _Figures, status: Any, slug: str, day: str) -> None:
    shares = status.get("reblogs_count")
    if status.get("quotes_count") is not None:  # Mastodon 4.5 and later count quotes
        shares = (shares or 0) + status["quotes_count"]
    figures.engagement.append(("mastodon", slug, day, None, None, status.get("favourites_count"),
                               status.get("replies_count"), shares, None, None))  # fmt: skip
    figures.posts += 1
    poll = status.get("poll")
    if not poll:
        return
    question = _first_line(status.get("content") or "") or "poll"
    for option in poll.get("options") or []:
        if option.get("votes_count") is None:  # a poll hiding its totals until it ends
            continue
        figures.feedback.append(
            (day, question, option["title"], int(option["votes_count"]), slug, "mastodon")
        )


def _mastodon_failure(exc: Exception, account: Account, timeout: float) -> str:
    import requests
    from mastodon.errors import (
        MastodonAPIError,
        MastodonNetworkError,
        MastodonRatelimitError,
        MastodonUnauthorizedError,
    )

    if isinstance(exc, MastodonUnauthorizedError):
        return (f"the server refused the access token in {account.secret_variable}; "
                "nothing fetched")  # fmt: skip
    if isinstance(exc, MastodonRatelimitError):
        return "rate limited by the server; nothing fetched, try again later"
    if isinstance(exc, MastodonNetworkError):
        # Mastodon.py raises it while handling the requests error: that says which it was.
        return _unreachable(account, timeout, isinstance(exc.__context__, requests.Timeout))
    if isinstance(exc, MastodonAPIError) and len(exc.args) > 1:
        return f"the server answered {exc.args[1]}; nothing fetched, try again later"
    return "the server's answer could not be read; nothing fetched"


class _Text(HTMLParser):
    """A status's HTML as lines of text (Mastodon breaks lines with <br> and <p>)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "p"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _first_line(content: str) -> str:
    parser = _Text()
    parser.feed(content)
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).splitlines())
    return next((line for line in lines if line), "")


# --- Bluesky --------------------------------------------------------------------------------


def _fetch_bluesky(
    account: Account,
    secret: str,
    posts: list[tuple[Posted, str]],
    day: str,
    zone: ZoneInfo | None,
    timeout: float,
) -> _Figures:
    import httpx
    from atproto_client.exceptions import AtProtocolError

    figures = _Figures()
    client = bluesky_client(account, timeout)
    try:
        client.login(account.name, secret)
        followers = client.me.followers_count  # (the profile login fetched)
        if followers is not None:
            figures.followers.append(("bluesky", day, followers))
        for batch in _batches(posts, BLUESKY_BATCH):
            answer = client.get_posts([posted.remote_id for posted, _ in batch])
            views = {view.uri: view for view in answer.posts}
            for posted, slug in batch:
                view = views.get(posted.remote_id)
                if view is None:  # getPosts leaves out a deleted post
                    figures.missing += 1
                    figures.problems.append(_not_found(account, posted))
                    continue
                shares = None
                if view.repost_count is not None or view.quote_count is not None:
                    shares = (view.repost_count or 0) + (view.quote_count or 0)
                figures.engagement.append(("bluesky", slug, day, None, None, view.like_count,
                                           view.reply_count, shares, None, None))  # fmt: skip
                figures.posts += 1
                row = _published("bluesky", posted, slug, zone, poll=False)
                if row:
                    figures.published.append(row)
    # httpx's own errors too: the SDK wraps only its timeouts and network errors.
    except (AtProtocolError, httpx.HTTPError) as exc:
        raise _AccountFailed(_bluesky_failure(exc, account, timeout)) from None
    finally:
        client.request.close()
    return figures


def _batches(posts: list[tuple[Posted, str]], size: int) -> Iterator[list[tuple[Posted, str]]]:
    for start in range(0, len(posts), size):
        yield posts[start : start + size]


def _bluesky_failure(exc: Exception, account: Account, timeout: float) -> str:
    import httpx
    from atproto_client.exceptions import (
        InvokeTimeoutError,
        RequestErrorBase,
        UnauthorizedError,
    )

    if isinstance(exc, UnauthorizedError):
        return (f"Bluesky refused {account.name} with the app password in "
                f"{account.secret_variable}; nothing fetched")  # fmt: skip
    if isinstance(exc, InvokeTimeoutError | httpx.TimeoutException):
        return _unreachable(account, timeout, timed_out=True)
    if isinstance(exc, RequestErrorBase) and exc.response is not None:
        return f"the server answered {exc.response.status_code}; nothing fetched"
    if isinstance(exc, RequestErrorBase | httpx.HTTPError):  # no answer at all
        return _unreachable(account, timeout, timed_out=False)
    return "the server's answer could not be read; nothing fetched"


_FETCHERS = {"mastodon": _fetch_mastodon, "bluesky": _fetch_bluesky}
