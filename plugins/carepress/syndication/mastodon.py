"""One post to Mastodon with Mastodon.py: the warning in the CW field (`spoiler_text`),
marked sensitive, the card attached with its alt text, in the post's language; a writer's
poll on it, and a writer's thread as replies, each under the same warning."""

from __future__ import annotations

from ..publish.cards import card_png
from .clients import mastodon_client
from .outbox import Outgoing
from .sending import SendFailed, Sent


def send_to_mastodon(item: Outgoing, secret: str, timeout: float) -> Sent:
    from mastodon.errors import MastodonError

    client = mastodon_client(item.account, secret, timeout)
    snippet = item.snippet
    try:
        media = client.media_post(
            card_png(item.card), mime_type="image/png", description=item.card_alt,
            file_name="card.png",
        )  # fmt: skip
        poll = None
        if snippet.poll:
            poll = client.make_poll(
                snippet.poll["options"], snippet.poll["expires_in"], snippet.poll["multiple"]
            )
        # Before Mastodon 4.6 a status has a poll or pictures, not both: the poll wins.
        both = poll is None or client.verify_minimum_version("4.6.0", cached=True)
        status = client.status_post(
            snippet.text,
            media_ids=[media] if both else None,
            poll=poll,
            sensitive=snippet.sensitive,
            spoiler_text=snippet.spoiler_text or None,
            language=item.language,
            visibility="public",
            # The server answers a retry of the same request with the first status.
            idempotency_key=item.fingerprint,
        )
    except MastodonError as exc:
        raise _failure(exc, item) from exc
    sent = Sent(str(status["id"]), str(status.get("url") or status.get("uri") or ""))
    previous = status
    for number, reply in enumerate(snippet.thread, 1):
        try:
            previous = client.status_post(
                reply,
                in_reply_to_id=previous["id"],
                sensitive=snippet.sensitive,
                spoiler_text=snippet.spoiler_text or None,
                language=item.language,
                visibility="public",
                idempotency_key=f"{item.fingerprint}-{number}",
            )
        except MastodonError as exc:
            failure = _failure(exc, item)
            failure.partly = sent
            raise failure from exc
        url = str(previous.get("url") or previous.get("uri") or "")
        sent = Sent(sent.remote_id, sent.remote_url, (*sent.replies, url))
    return sent


def _failure(exc: Exception, item: Outgoing) -> SendFailed:
    from mastodon.errors import (
        MastodonNetworkError,
        MastodonRatelimitError,
        MastodonServerError,
        MastodonUnauthorizedError,
    )

    if isinstance(exc, MastodonUnauthorizedError):
        refused = f"the server refused the access token in {item.account.secret_variable}"
        return SendFailed(refused, retry=False, cause=exc)
    if isinstance(exc, MastodonRatelimitError):
        return SendFailed("rate limited by the server", retry=True, cause=exc)
    if isinstance(exc, MastodonServerError | MastodonNetworkError):
        return SendFailed("the server did not answer", retry=True, cause=exc)
    return SendFailed("the server refused the post", retry=False, cause=exc)
