"""One post to Mastodon with Mastodon.py: the warning in the CW field (`spoiler_text`),
marked sensitive, the card attached with its alt text, in the post's language."""

from __future__ import annotations

from ..publish.cards import card_png
from .outbox import Outgoing
from .sending import SendFailed, Sent


def send_to_mastodon(item: Outgoing, secret: str, timeout: float) -> Sent:
    from mastodon import Mastodon
    from mastodon.errors import (
        MastodonError,
        MastodonNetworkError,
        MastodonRatelimitError,
        MastodonServerError,
        MastodonUnauthorizedError,
    )

    client = Mastodon(
        access_token=secret,
        api_base_url=item.account.server,
        request_timeout=timeout,
        ratelimit_method="throw",  # a run never sleeps on a limit: the next run retries
    )
    snippet = item.snippet
    try:
        media = client.media_post(
            card_png(item.card), mime_type="image/png", description=item.card_alt,
            file_name="card.png",
        )  # fmt: skip
        status = client.status_post(
            snippet.text,
            media_ids=[media],
            sensitive=snippet.sensitive,
            spoiler_text=snippet.spoiler_text or None,
            language=item.language,
            visibility="public",
            # The server answers a retry of the same request with the first status.
            idempotency_key=item.fingerprint,
        )
    except MastodonUnauthorizedError as exc:
        refused = f"the server refused the access token in {item.account.secret_variable}"
        raise SendFailed(refused, retry=False, cause=exc) from exc
    except MastodonRatelimitError as exc:
        raise SendFailed("rate limited by the server", retry=True, cause=exc) from exc
    except (MastodonServerError, MastodonNetworkError) as exc:
        raise SendFailed("the server did not answer", retry=True, cause=exc) from exc
    except MastodonError as exc:
        raise SendFailed("the server refused the post", retry=False, cause=exc) from exc
    return Sent(str(status["id"]), str(status.get("url") or status.get("uri") or ""))
