"""The platforms' clients, built one way for posting and for fetching figures: every request
bounded by the run's timeout (the lookup of the server's name included), and a rate limit an
error, never a sleep (the next run retries)."""

from __future__ import annotations

import ipaddress
import socket
import threading
from typing import Any
from urllib.parse import urlsplit

from .accounts import Account


class NameLookupTimeout(TimeoutError):
    """The server's name was not looked up within the timeout (the resolver never answered)."""

    def __init__(self, host: str, timeout: float) -> None:
        super().__init__(f"looking up {host} took longer than {timeout:g} s")
        self.host = host


def look_up(server: str, timeout: float) -> None:
    """The server's name looked up within `timeout`, before a client asks it anything: neither
    requests nor httpx bounds the lookup (getaddrinfo blocks for as long as the system's
    resolver takes). Raises `socket.gaierror` (no such name, or no network to ask) or
    `NameLookupTimeout`; a lookup left running ends on its own in its daemon thread."""
    parts = urlsplit(server)
    host = parts.hostname
    if not host:
        return
    try:
        ipaddress.ip_address(host)
        return  # an address: nothing to look up
    except ValueError:
        pass
    port = parts.port or (80 if parts.scheme == "http" else 443)
    outcome: list[OSError | None] = []

    def lookup() -> None:
        try:
            socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            outcome.append(None)
        except OSError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=lookup, name="carepress-name-lookup", daemon=True)
    thread.start()
    thread.join(timeout)
    if not outcome:
        raise NameLookupTimeout(host, timeout)
    if outcome[0] is not None:
        raise outcome[0]


def mastodon_client(account: Account, secret: str, timeout: float) -> Any:
    """`last_answer(client)` is the status and headers of its latest response. Built without
    a request; `mastodon_connect` is the first one."""
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
                    ratelimit_method="throw", session=session,
                    version_check_mode="none")  # fmt: skip


def mastodon_connect(client: Any, account: Account, timeout: float) -> None:
    """The server's name looked up and its version asked, once, each within `timeout`.
    Mastodon.py asks the version on the first call that depends on it (media_post, for one),
    and when the server cannot be reached that check calls itself again through
    verify_minimum_version until Python gives up with a RecursionError (Mastodon.py 2.3),
    a request each time: asked here with `fail_hard`, an unreachable server is one
    MastodonVersionError whose cause (`__cause__`) says why, and later checks use the answer.
    Raises OSError from the lookup (socket.gaierror, NameLookupTimeout)."""
    look_up(account.server, timeout)
    client.retrieve_mastodon_version(fail_hard=True)


def mastodon_error(exc: BaseException) -> BaseException:
    """The error that says what happened: a failed version check's cause (the network's error,
    or the server's answer), else `exc` itself."""
    from mastodon.errors import MastodonError, MastodonVersionError

    if isinstance(exc, MastodonVersionError) and isinstance(exc.__cause__, MastodonError):
        return exc.__cause__
    return exc


def last_answer(client: Any) -> tuple[int, dict[str, str]]:
    return getattr(client.session, "carepress_last_answer", (0, {}))


def bluesky_client(account: Account, timeout: float) -> Any:
    """Not yet logged in: `client.login(name, secret)` raises the SDK's errors for a refused
    password or a server that is down (the caller says which), then `client.me` is the
    account's profile (its did, its followers)."""
    from atproto import Client
    from atproto_client.request import Request

    return Client(base_url=f"{account.server.rstrip('/')}/xrpc", request=Request(timeout=timeout))
