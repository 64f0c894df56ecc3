"""The platforms' clients, built one way for posting and for fetching figures: every request
bounded by the run's timeout, and a rate limit an error, never a sleep (the next run retries)."""

from __future__ import annotations

from typing import Any

from .accounts import Account


def mastodon_client(account: Account, secret: str, timeout: float) -> Any:
    """`last_answer(client)` is the status and headers of its latest response."""
    from mastodon import Mastodon
    from requests import Session

    session = Session()
    # Mastodon.py raises a rate limit or a 503 without the response, whose headers say when
    # to come back (Retry-After, X-RateLimit-Reset): keep the latest one.
    session.hooks["response"].append(
        lambda response, *args, **kwargs: setattr(
            session, "carepress_last_answer", (response.status_code, dict(response.headers))
        )
    )
    return Mastodon(access_token=secret, api_base_url=account.server, request_timeout=timeout,
                    ratelimit_method="throw", session=session)  # fmt: skip


def last_answer(client: Any) -> tuple[int, dict[str, str]]:
    return getattr(client.session, "carepress_last_answer", (0, {}))


def bluesky_client(account: Account, timeout: float) -> Any:
    """Not yet logged in: `client.login(name, secret)` raises the SDK's errors for a refused
    password or a server that is down (the caller says which), then `client.me` is the
    account's profile (its did, its followers)."""
    from atproto import Client
    from atproto_client.request import Request

    return Client(base_url=f"{account.server.rstrip('/')}/xrpc", request=Request(timeout=timeout))
