"""One post to Mastodon with Mastodon.py: the warning in the CW field (`spoiler_text`),
marked sensitive, the card attached with its alt text, in the post's language; a writer's
poll on it, and a writer's thread as replies, each under the same warning."""

from __future__ import annotations

from typing import Any

from ..publish.cards import card_png
from .clients import last_answer, mastodon_client, mastodon_connect, mastodon_error
from .outbox import Outgoing
from .sending import SendFailed, Sent, failed_with


def send_to_mastodon(item: Outgoing, secret: str, timeout: float) -> Sent:
    from mastodon.errors import MastodonError

    client = mastodon_client(item.account, secret, timeout)
    snippet = item.snippet
    try:
        mastodon_connect(client, item.account, timeout)  # (one request: a version check)
    except (MastodonError, OSError) as exc:  # (OSError: the name's lookup)
        failure = _failure(exc, item, client, timeout)
        if failure.refused:  # the server's, not the post's: it is tried on the next run
            failure = SendFailed(f"the server did not say its version ({failure.status})",
                                 retry=True, status=failure.status)  # fmt: skip
        raise failure from exc
    try:
        poll = None
        if snippet.poll:
            poll = client.make_poll(
                snippet.poll["options"], snippet.poll["expires_in"], snippet.poll["multiple"]
            )
        # Before Mastodon 4.6 a status has a poll or pictures, not both: the poll wins (and
        # the card is not uploaded for nothing).
        media = None
        if poll is None or client.verify_minimum_version("4.6.0", cached=True):
            media = client.media_post(
                card_png(item.card), mime_type="image/png", description=item.card_alt,
                file_name="card.png",
            )  # fmt: skip
        status = client.status_post(
            snippet.text,
            media_ids=[media] if media is not None else None,
            poll=poll,
            sensitive=snippet.sensitive,
            spoiler_text=snippet.spoiler_text or None,
            language=item.language,
            visibility="public",
            # The server answers a retry of the same request with the first status.
            idempotency_key=item.fingerprint,
        )
    except MastodonError as exc:
        raise _failure(exc, item, client, timeout) from exc
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
            failure = _failure(exc, item, client, timeout)
            failure.partly = sent
            raise failure from exc
        url = str(previous.get("url") or previous.get("uri") or "")
        sent = Sent(sent.remote_id, sent.remote_url, (*sent.replies, url))
    return sent


def _failure(exc: BaseException, item: Outgoing, client: Any, timeout: float) -> SendFailed:
    from mastodon.errors import MastodonAPIError, MastodonNetworkError, MastodonRatelimitError

    exc = mastodon_error(exc)
    refused_secret = f"the server refused the access token in {item.account.secret_variable}"
    status = 0  # no answer (MastodonNetworkError: a timeout, a refused connection)
    if isinstance(exc, MastodonRatelimitError):
        status = 429
    elif isinstance(exc, MastodonAPIError) and len(exc.args) > 1 and isinstance(exc.args[1], int):
        status = exc.args[1]  # Mastodon.py's API errors: (message, status, reason, error)
    elif not isinstance(exc, MastodonNetworkError | OSError):  # an answer it could not read
        return SendFailed("the server's answer could not be read", retry=True, cause=exc)
    answered, headers = last_answer(client)
    return failed_with(status, exc, refused_secret=refused_secret, timeout=timeout,
                       server=item.account.server,
                       headers=headers if answered == status else None)  # fmt: skip
