"""What sending one post gives: where it landed, or why it did not."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


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
) -> SendFailed:
    """What a platform's answer means for the post and the next run. 0 (no answer: a
    timeout, a refused connection), 408, 429 and 5xx: try again on the next run (a 429 or
    503 may say when). 401 and 403: the secret was refused (`refused_secret` says which);
    fix it and the next run tries again. Any other 4xx (400, 409, 413, 422): the platform
    refused this post as it is, and would again: held until it is edited."""
    if status == 0:
        return SendFailed("the server did not answer", retry=True, cause=cause)
    if status in (401, 403):
        return SendFailed(refused_secret, retry=False, cause=cause, status=status)
    if status in (408, 429) or status >= 500:
        why = " (a rate limit)" if status == 429 else ""
        return SendFailed(f"the server answered {status}{why}", retry=True, cause=cause,
                          status=status, headers=headers)  # fmt: skip
    return SendFailed(f"the server refused the post ({status})", retry=False, refused=True,
                      cause=cause, status=status)  # fmt: skip
