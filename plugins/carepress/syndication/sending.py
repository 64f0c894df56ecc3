"""What sending one post gives: where it landed, or why it did not."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..findings import shortened
from .clients import NameLookupTimeout


@dataclass(frozen=True)
class Sent:
    remote_id: str
    remote_url: str
    replies: tuple[str, ...] = ()  # the thread's replies that arrived: their addresses


class SendFailed(Exception):
    """A post that did not arrive. `retry`: worth trying on the next run (a timeout, a 5xx,
    a rate limit); otherwise the practice must act: on a refused secret (the next run tries
    again), or, when `refused`, on the post itself (a 4xx: the platform will refuse it again
    as it is, so it is held until edited or `--retry-failed`)."""

    def __init__(
        self,
        message: str,
        *,
        retry: bool,
        cause: BaseException | None = None,
        partly: Sent | None = None,
        refused: bool = False,
        status: int = 0,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        detail = f": {type(cause).__name__}: {cause}" if cause is not None else ""
        super().__init__(f"{message}{detail}")
        self.retry = retry
        self.partly = partly  # the post arrived, but not all of its thread
        self.refused = refused
        # The answer's status and headers: a 429 or 503 may say when to come back.
        self.status = status
        self.headers: Mapping[str, str] = headers or {}


def failed_with(
    status: int,
    cause: BaseException,
    *,
    refused_secret: str,
    headers: Mapping[str, str] | None = None,
    timeout: float | None = None,
    server: str = "",
) -> SendFailed:
    """What a platform's answer means for the post and the next run. 0 (no answer: a
    timeout, a refused connection), 408, 429 and 5xx: try again on the next run (a 429 or
    503 may say when). 401 and 403: the secret was refused (`refused_secret` says which);
    fix it and the next run tries again. Any other 4xx (400, 409, 413, 422): the platform
    refused this post as it is, and would again: held until it is edited. With no answer,
    the message says why in words (`network_reason`)."""
    if status == 0:
        return SendFailed(network_reason(cause, timeout, server), retry=True)
    if status in (401, 403):
        return SendFailed(refused_secret, retry=False, cause=cause, status=status)
    if status in (408, 429) or status >= 500:
        why = " (a rate limit)" if status == 429 else ""
        return SendFailed(f"the server answered {status}{why}", retry=True, cause=cause,
                          status=status, headers=headers)  # fmt: skip
    return SendFailed(f"the server refused the post ({status})", retry=False, refused=True,
                      cause=cause, status=status)  # fmt: skip


def network_reason(exc: BaseException, timeout: float | None = None, server: str = "") -> str:
    """Why no answer came, in words, from the errors the client libraries raise one from
    another (Mastodon.py over requests over urllib3, the atproto SDK over httpx): the socket's
    own error says it (a refused connection, an unknown name, a timeout); the libraries'
    messages either say nothing (the SDK's NetworkError) or say it in a paragraph. `server`:
    the address asked, whose name a failed lookup names."""
    chain = list(_causes(exc))
    names = [type(e).__name__ for e in chain]
    within = f" within {timeout:g} s (--timeout)" if timeout else ""
    lookup = next((e for e in chain if isinstance(e, NameLookupTimeout)), None)
    if lookup is not None:
        return (f"the server could not be reached: looking up its name ({lookup.host}) took "
                f"longer than {timeout:g} s (--timeout)" if timeout else str(lookup))  # fmt: skip
    if any(isinstance(e, socket.gaierror) for e in chain) or "NameResolutionError" in names:
        host = urlsplit(server).hostname
        name = f" ({host})" if host else ""
        return (f"the server could not be reached: its name{name} was not found (no network, "
                "or a mistyped server address)")  # fmt: skip
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return ("the server could not be reached: connection refused (nothing answers at that "
                "address and port)")  # fmt: skip
    if any(isinstance(e, TimeoutError) for e in chain) or any("Timeout" in n for n in names):
        return f"the server did not answer{within}"
    if any(isinstance(e, ssl.SSLError) for e in chain) or any("SSL" in n for n in names):
        return "the server could not be reached: the secure connection (TLS) failed"
    if any(isinstance(e, ConnectionError) for e in chain) or any(
        n in ("RemoteDisconnected", "RemoteProtocolError", "ProtocolError") for n in names
    ):
        return "the server did not answer: the connection was closed before an answer came"
    last = chain[-1]
    said = f": {shortened(str(last), 120)}" if str(last) else ""
    return f"the server could not be reached: {type(last).__name__}{said}"


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and what it was raised from or while handling, outermost first (urllib3's
    MaxRetryError keeps its cause in `reason`; requests' errors wrap it as their argument)."""
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        reason = getattr(current, "reason", None)
        linked = [current.__cause__, current.__context__, reason,
                  *(a for a in current.args if isinstance(a, BaseException))]  # fmt: skip
        todo.extend(e for e in linked if isinstance(e, BaseException))
