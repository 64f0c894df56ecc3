"""What is due: each published, unexpired post without errors, on each account it has not
been sent to, oldest first; an edited post, or one the platform refused as it is, only when
asked."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ..engine import READY
from ..publish.cards import CardSpec, card_alt_text, post_card
from ..publish.snippets import Snippet
from .accounts import Account
from .ledger import Ledger

if TYPE_CHECKING:
    from ..engine import Post
    from ..settings import Settings


@dataclass(frozen=True)
class Outgoing:
    post: str  # the post's source file under docs_dir: the ledger's key
    title: str
    description: str
    url: str
    published: dt.datetime
    account: Account
    snippet: Snippet  # exactly the text the share kit shows
    card: CardSpec
    card_alt: str
    card_file: str  # where the build writes the card, under the site (what the dry run names)
    language: str
    self_labels: tuple[str, ...] = ()  # Bluesky's, from the practice's mapping of warnings

    @property
    def platform(self) -> str:
        return self.account.platform

    @cached_property  # the ledger, the idempotency keys and the check of edits all read it
    def fingerprint(self) -> str:
        """Of everything that would be sent: the same post sent again gives the same one."""
        sent = {
            "text": self.snippet.text,
            "spoiler_text": self.snippet.spoiler_text,
            "sensitive": self.snippet.sensitive,
            "facets": self.snippet.facets,
            "card": self.card_alt,  # what the card shows (not how it was drawn)
            "language": self.language,
            "labels": list(self.self_labels),
            "poll": self.snippet.poll,
            "thread": list(self.snippet.thread),
        }
        encoded = json.dumps(sent, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(encoded).hexdigest()


@dataclass(frozen=True)
class Held:
    """A post that is not sent this run, and why (shown, so nothing is silently skipped)."""

    post: str
    platform: str
    reason: str


def due(
    reports: Sequence[Post],
    settings: Settings,
    accounts: Sequence[Account],
    ledger: Ledger,
    now: dt.datetime,
    *,
    resend_edited: bool = False,
    retry_failed: bool = False,
) -> tuple[list[Outgoing], list[Held]]:
    options = settings.options.posting
    outgoing: list[Outgoing] = []
    held: list[Held] = []
    ready = [r for r in reports if r.sharing_status(now) == READY]
    ready.sort(key=lambda r: (r.front_matter.date.created, r.display_path))  # type: ignore[union-attr]
    for report in ready:
        model, safeguards = report.front_matter, report.safeguards
        assert model is not None and safeguards is not None and report.address is not None
        key = report.path.relative_to(settings.docs_dir).as_posix()
        if options.start is not None and model.date.created.date() < options.start:
            continue  # before the practice began posting from CarePress
        card = post_card(model, safeguards, settings.practice.name, settings.card_colours)
        labels = tuple(
            dict.fromkeys(
                options.bluesky_self_labels[w]
                for w in model.content_warnings
                if w in options.bluesky_self_labels
            )
        )
        for account in accounts:
            snippet = report.snippets.get(account.platform)
            if snippet is None:
                held.append(Held(key, account.platform, "it cannot be shared there as "
                                 "written (see `carepress check`)"))  # fmt: skip
                continue
            item = Outgoing(
                key, model.title, model.description, report.address.url, model.date.created,
                account, snippet, card, card_alt_text(card), report.address.card_path,
                settings.addressing.language, labels if account.platform == "bluesky" else (),
            )  # fmt: skip
            last = ledger.last_posted(key, account.platform, account.name)
            if last is not None and last.fingerprint == item.fingerprint:
                continue  # sent as it is
            refused = ledger.last_failure(key, account.platform, account.name)
            # Refused as it is, it would be refused again: only an edit (or the writer) acts.
            if (
                refused is not None
                and refused.refused
                and refused.fingerprint == item.fingerprint
                and not retry_failed
            ):
                why = (f"{account.platform} refused it on {refused.tried_at[:10]} "
                       f"({refused.error}); edit the post, or --retry-failed sends it as it "
                       "is")  # fmt: skip
                held.append(Held(key, account.platform, why))
            elif last is None or resend_edited:
                outgoing.append(item)
            else:
                why = f"edited since it was posted ({last.remote_url}); --resend-edited sends it"
                held.append(Held(key, account.platform, why))
    return outgoing, held


# On a first run, a post older than this counts as old: likely shared by hand already.
OLD_ON_A_FIRST_RUN = dt.timedelta(days=30)


def start_hint(
    items: Sequence[Outgoing],
    ledger: Ledger,
    settings: Settings,
    now: dt.datetime,
    per_account: int,
) -> str | None:
    """One line when no `posting: start:` is set and the queue holds a backlog: posts never
    tried that are dated before the ledger's first entry (an account added later, posts
    from before CarePress posted), or, on a first run, more posts older than 30 days than one
    run sends. None otherwise."""
    if settings.options.posting.start is not None or not items:
        return None
    first = ledger.first_entry()
    if first is not None:
        before = dt.datetime.fromisoformat(first).date()
        old = {i.post: i.published.date() for i in items
               if i.published.date() < before
               and not ledger.tried(i.post, i.platform, i.account.name)}  # fmt: skip
        if not old:
            return None
    else:
        before = (now - OLD_ON_A_FIRST_RUN).date()
        old = {i.post: i.published.date() for i in items if i.published.date() < before}
        if len(old) <= per_account:
            return None
    return (f"hint: {len(old)} due post{'s' if len(old) != 1 else ''} date from before "
            f"{before.isoformat()} (the oldest {min(old.values()).isoformat()}) and will be sent; "
            "`start: YYYY-MM-DD` under `posting:` in mkdocs.yml leaves out posts dated before "
            "it (shared by hand, say)")  # fmt: skip
