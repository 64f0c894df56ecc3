"""A `carepress post` run: what is due is shown (`--dry-run`) or sent, each sent post is
recorded at once, and one platform failing never stops the others (its posts wait for the
next run, or for the time the platform asked for)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from ..findings import shortened
from .accounts import Account, CredentialError, redact
from .ledger import Failure, Ledger, Posted, iso
from .outbox import Held, Outgoing
from .sending import SendFailed, Sent
from .waiting import not_before

Sender = Callable[[Outgoing, str, float], Sent]
Clock = Callable[[], dt.datetime]

# Mastodon.py sends the card with a poll only where the server takes both (mastodon.py).
CARD_WITH_POLL = (
    "the post has a poll: before Mastodon 4.6 a status carries a poll or pictures, not both, "
    "so the card is not sent (a 4.6 server gets it too)"
)


def senders() -> dict[str, Sender]:
    from .bluesky import send_to_bluesky
    from .mastodon import send_to_mastodon

    return {"mastodon": send_to_mastodon, "bluesky": send_to_bluesky}


@dataclass
class RunResult:
    sent: list[Posted] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one line per platform that failed

    @property
    def ok(self) -> bool:
        return not self.failed


def describe(item: Outgoing) -> dict[str, object]:
    """Exactly what would be sent, as `--dry-run` shows it: the fields each platform gets."""
    snippet = item.snippet
    shown: dict[str, object] = {
        "post": item.post,
        "platform": item.platform,
        "account": item.account.name,
        "text": snippet.text,
        "language": item.language,
    }
    if item.platform == "mastodon":
        media = [] if snippet.poll else [{"file": item.card_file, "description": item.card_alt}]
        shown |= {"spoiler_text": snippet.spoiler_text, "sensitive": snippet.sensitive,
                  "visibility": "public", "media": media, "poll": snippet.poll,
                  "thread": list(snippet.thread)}  # fmt: skip
        if snippet.poll:
            shown["card_dropped"] = CARD_WITH_POLL
    if item.platform == "bluesky":
        # A link card has no alt text (the lexicon gives it none): its description is the text.
        card = {"uri": snippet.link or item.url, "title": item.title,
                "description": item.description,
                "thumb": {"file": item.card_file, "mime_type": "image/png"}}  # fmt: skip
        shown |= {"facets": snippet.facets, "link_card": card,
                  "self_labels": list(item.self_labels)}  # fmt: skip
    return shown


def _text_view(item: Outgoing, out: TextIO) -> None:
    """The same as `describe`, to read: every field that is sent, on its own line."""
    snippet = item.snippet
    out.write(f"--- {item.post} -> {item.account.label}\n")
    if item.platform == "mastodon":
        if snippet.spoiler_text:
            sensitive = ", sensitive" if snippet.sensitive else ""
            out.write(f"[content warning field{sensitive}] {snippet.spoiler_text}\n")
        elif snippet.sensitive:
            out.write("[sensitive]\n")
    out.write(f"{snippet.text}\n")
    if item.platform == "mastodon":
        if snippet.poll:
            several = " (several choices)" if snippet.poll["multiple"] else ""
            options = " / ".join(snippet.poll["options"])
            out.write(f"[poll, open {snippet.poll['expires_in']} s{several}] {options}\n")
        for number, reply in enumerate(snippet.thread, 1):
            out.write(f"[reply {number}] {reply}\n")
        if snippet.poll:
            out.write(f"[card] not sent: {CARD_WITH_POLL}\n")
        else:
            out.write(f"[card] {item.card_file}, alt text: {item.card_alt}\n")
        out.write("[visibility] public\n")
    if item.platform == "bluesky":
        encoded = snippet.text.encode()
        for facet in snippet.facets:
            start, end = facet["index"]["byteStart"], facet["index"]["byteEnd"]
            for feature in facet["features"]:
                kind = feature["$type"].rsplit("#", 1)[-1]
                target = feature.get("uri") or f"#{feature.get('tag', '')}"
                words = encoded[start:end].decode(errors="replace")
                out.write(f"[{kind}] {words!r} (bytes {start}-{end}) -> {target}\n")
        out.write(f"[link card] {snippet.link or item.url}\n  title: {item.title}\n"
                  f"  description: {item.description}\n  thumbnail: {item.card_file} (the "
                  "social card, uploaded; a link card has no alt text)\n")  # fmt: skip
        out.write(f"[self-labels] {', '.join(item.self_labels) or 'none'}\n")
    out.write(f"[language] {item.language}\n")


def this_run(items: Sequence[Outgoing], per_account: int) -> tuple[list[Outgoing], int]:
    """The oldest `per_account` due posts of each account, and how many wait for later runs."""
    taken: dict[Account, int] = {}
    now: list[Outgoing] = []
    for item in items:
        if taken.get(item.account, 0) < per_account:
            taken[item.account] = taken.get(item.account, 0) + 1
            now.append(item)
    return now, len(items) - len(now)


def waiting_accounts(
    accounts: Iterable[Account], ledger: Ledger, now: dt.datetime
) -> dict[Account, str]:
    """The accounts whose platform asked for no request before a time still ahead, each with
    the line that says so."""
    waiting = {}
    for account in accounts:
        failure = ledger.waiting_until(account.platform, account.name)
        if failure is not None and dt.datetime.fromisoformat(failure.not_before) > now:
            until = dt.datetime.fromisoformat(failure.not_before).strftime("%Y-%m-%d %H:%M:%S")
            why = failure.error.split(":")[0]  # "the server answered 429 (a rate limit)"
            waiting[account] = (
                f"{account.label}: nothing is sent there before {until} UTC, as the server "
                f"asked ({why}); the first run after that sends it"
            )
    return waiting


def print_plan(
    items: Sequence[Outgoing],
    held: Sequence[Held],
    out: TextIO,
    form: str,
    per_account: int,
    waiting: dict[Account, str] | None = None,
    hint: str | None = None,
) -> None:
    """What a run would send, exactly (`--dry-run`); `hint`: `start_hint`'s line, if any."""
    waiting = waiting or {}
    now, later = this_run([i for i in items if i.account not in waiting], per_account)
    if form == "json":
        plan = {"due": [describe(i) for i in now], "later": later,
                "held": [h.__dict__ for h in held], "waiting": list(waiting.values()),
                "hint": hint}  # fmt: skip
        out.write(json.dumps(plan, ensure_ascii=False, indent=2) + "\n")
        return
    for item in now:
        _text_view(item, out)
    for hold in held:
        out.write(f"held: {hold.post} on {hold.platform}: {hold.reason}\n")
    for line in waiting.values():
        out.write(f"waiting: {line}\n")
    _later(later, per_account, out)
    if not now:
        out.write("Nothing is due.\n")
    if hint:
        out.write(f"{hint}\n")


def _record(
    item: Outgoing, sent: Sent, ledger: Ledger, result: RunResult, out: TextIO, now: dt.datetime
) -> None:
    account, snippet = item.account, item.snippet
    posted = Posted(
        item.post, account.platform, account.name, sent.remote_id, sent.remote_url,
        snippet.text, snippet.spoiler_text, item.fingerprint, iso(now),
        json.dumps(list(sent.replies)),
        json.dumps(snippet.poll, ensure_ascii=False) if snippet.poll else "",
        # The replies that arrived, in order: each text beside its address in `replies`.
        json.dumps(list(snippet.thread[: len(sent.replies)]), ensure_ascii=False),
    )  # fmt: skip
    ledger.record(posted)  # at once: a later failure never loses what was sent
    result.sent.append(posted)
    out.write(f"posted {item.post} to {account.label}: {sent.remote_url}\n")


def send_due(
    items: Sequence[Outgoing],
    ledger: Ledger,
    out: TextIO,
    *,
    timeout: float,
    max_per_account: int,
    clock: Clock,
    send_with: dict[str, Sender] | None = None,
) -> RunResult:
    """`clock` tells the time (the run's, injectable): when a platform's wait is over, and
    when a post was sent."""
    send_with = send_with or senders()
    result = RunResult()
    waiting = waiting_accounts({i.account for i in items}, ledger, clock())
    for line in waiting.values():
        out.write(f"waiting: {line}\n")
    now, later = this_run([i for i in items if i.account not in waiting], max_per_account)
    failing: set[Account] = set()  # an account whose server failed waits for the next run
    secrets: dict[Account, str] = {}
    for item in now:
        account = item.account
        if account in failing:
            continue
        if account not in secrets:
            try:
                secrets[account] = account.secret()
            except CredentialError as exc:
                failing.add(account)
                result.failed.append(f"{account.label}: {exc}")
                continue
        secret = secrets[account]
        try:
            sent = send_with[account.platform](item, secret, timeout)
        except ImportError:
            raise  # (the platforms' libraries are missing: the command says what to install)
        except Exception as exc:  # (one platform failing never stops the other)
            failure = exc if isinstance(exc, SendFailed) else _unforeseen(exc)
            _failed(item, failure, redact(str(failure), [secret]), ledger, result, out, clock())
            failing.add(account)
            continue
        _record(item, sent, ledger, result, out, clock())
    _later(later, max_per_account, out, sent=bool(result.sent))
    return result


def _unforeseen(exc: Exception) -> SendFailed:
    """An error the sender does not know (a client library's own fault): this account's post
    waits for the next run, recorded, while the other platforms go ahead."""
    said = f": {shortened(str(exc), 160)}" if str(exc) else ""
    return SendFailed(f"unexpected error: {type(exc).__name__}{said}", retry=True)


def _failed(
    item: Outgoing,
    exc: SendFailed,
    message: str,
    ledger: Ledger,
    result: RunResult,
    out: TextIO,
    now: dt.datetime,
) -> None:
    account = item.account
    until = not_before(exc.status, exc.headers, now) if exc.retry else None
    refused = exc.refused and exc.partly is None  # (a refused reply: the post is out)
    ledger.record_failure(Failure(
        item.post, account.platform, account.name, message, iso(now), item.fingerprint,
        refused, iso(until) if until else "",
    ))  # fmt: skip
    if exc.partly is not None:  # the post is out: never send it twice
        _record(item, exc.partly, ledger, result, out, now)
        missing = item.snippet.thread[len(exc.partly.replies) :]
        after = (exc.partly.replies or (exc.partly.remote_url,))[-1]
        result.failed.append(
            f"{account.label}: {item.post}: {len(missing)} of the thread's replies did "
            f"not arrive ({message}); reply to {after} by hand with: " + " | ".join(missing)
        )
        return
    if refused:
        then = "held until the post is edited; --retry-failed sends it again as it is"
    elif until is not None:
        then = f"tried again on the first run after {until:%Y-%m-%d %H:%M:%S} UTC"
    elif exc.retry:
        then = "it is tried again on the next run"
    else:
        then = "fix this first"
    result.failed.append(f"{account.label}: {item.post}: {message} ({then})")


def _later(later: int, per_account: int, out: TextIO, *, sent: bool | None = None) -> None:
    """The due posts beyond this run's share. `sent`: whether this run sent anything (None: a
    dry run, which sends nothing and says what a run would do)."""
    if not later:
        return
    if sent is None:
        out.write(f"{later} more due after these: a run sends at most {per_account} per "
                  "account (a steady pace)\n")  # fmt: skip
        return
    pace = f"at most {per_account} per account a run: a steady pace"
    if sent:
        out.write(f"{later} more due: sent on later runs ({pace})\n")
    else:
        out.write(f"Nothing was sent; {later} more due wait for later runs ({pace})\n")
