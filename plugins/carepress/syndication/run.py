"""A `carepress post` run: what is due is shown (`--dry-run`) or sent, each sent post is
recorded at once, and one platform failing never stops the others (its posts wait for the
next run)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from .accounts import Account, CredentialError, redact
from .ledger import Ledger, Posted, now_iso
from .outbox import Held, Outgoing
from .sending import SendFailed, Sent

Sender = Callable[[Outgoing, str, float], Sent]


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
    """Exactly what would be sent, as `--dry-run` shows it."""
    snippet = item.snippet
    shown: dict[str, object] = {
        "post": item.post,
        "platform": item.platform,
        "account": item.account.name,
        "text": snippet.text,
        "language": item.language,
        "card_alt": item.card_alt,
    }
    if item.platform == "mastodon":
        shown |= {"spoiler_text": snippet.spoiler_text, "sensitive": snippet.sensitive,
                  "poll": snippet.poll, "thread": list(snippet.thread)}  # fmt: skip
    if item.platform == "bluesky":
        shown |= {"facets": snippet.facets, "link_card": snippet.link or item.url,
                  "self_labels": list(item.self_labels)}  # fmt: skip
    return shown


def this_run(items: Sequence[Outgoing], per_account: int) -> tuple[list[Outgoing], int]:
    """The oldest `per_account` due posts of each account, and how many wait for later runs."""
    taken: dict[Account, int] = {}
    now: list[Outgoing] = []
    for item in items:
        if taken.get(item.account, 0) < per_account:
            taken[item.account] = taken.get(item.account, 0) + 1
            now.append(item)
    return now, len(items) - len(now)


def print_plan(
    items: Sequence[Outgoing], held: Sequence[Held], out: TextIO, form: str, per_account: int
) -> None:
    """What a run would send, exactly (`--dry-run`)."""
    now, later = this_run(items, per_account)
    if form == "json":
        plan = {"due": [describe(i) for i in now], "later": later,
                "held": [h.__dict__ for h in held]}  # fmt: skip
        out.write(json.dumps(plan, ensure_ascii=False, indent=2) + "\n")
        return
    for item in now:
        out.write(f"--- {item.post} -> {item.account.label}\n")
        if item.snippet.spoiler_text:
            out.write(f"[content warning field, sensitive] {item.snippet.spoiler_text}\n")
        out.write(f"{item.snippet.text}\n")
        if item.snippet.poll:
            options = " / ".join(item.snippet.poll["options"])
            out.write(f"[poll, open {item.snippet.poll['expires_in']} s] {options}\n")
        for number, reply in enumerate(item.snippet.thread, 1):
            out.write(f"[reply {number}] {reply}\n")
        out.write(f"[card] {item.card_alt}\n[language] {item.language}\n")
    for hold in held:
        out.write(f"held: {hold.post} on {hold.platform}: {hold.reason}\n")
    _later(later, per_account, out)
    if not now:
        out.write("Nothing is due.\n")


def _record(item: Outgoing, sent: Sent, ledger: Ledger, result: RunResult, out: TextIO) -> None:
    account = item.account
    posted = Posted(
        item.post, account.platform, account.name, sent.remote_id, sent.remote_url,
        item.snippet.text, item.snippet.spoiler_text, item.fingerprint, now_iso(),
        json.dumps(list(sent.replies)),
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
    send_with: dict[str, Sender] | None = None,
) -> RunResult:
    send_with = send_with or senders()
    result = RunResult()
    now, later = this_run(items, max_per_account)
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
        except SendFailed as exc:
            message = redact(str(exc), [secret])
            ledger.record_failure(item.post, account.platform, account.name, message)
            failing.add(account)
            if exc.partly is not None:  # the post is out: never send it twice
                _record(item, exc.partly, ledger, result, out)
                missing = item.snippet.thread[len(exc.partly.replies) :]
                after = (exc.partly.replies or (exc.partly.remote_url,))[-1]
                result.failed.append(
                    f"{account.label}: {item.post}: {len(missing)} of the thread's replies did "
                    f"not arrive ({message}); reply to {after} by hand with: "
                    + " | ".join(missing)
                )
                continue
            then = "it is tried again on the next run" if exc.retry else "fix this first"
            result.failed.append(f"{account.label}: {item.post}: {message} ({then})")
            continue
        _record(item, sent, ledger, result, out)
    _later(later, max_per_account, out)
    return result


def _later(later: int, per_account: int, out: TextIO) -> None:
    if later:
        out.write(f"{later} more due: sent on later runs (at most {per_account} per account "
                  "a run keeps a steady pace)\n")  # fmt: skip
