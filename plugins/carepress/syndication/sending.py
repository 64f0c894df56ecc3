"""What sending one post gives: where it landed, or why it did not."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sent:
    remote_id: str
    remote_url: str
    replies: tuple[str, ...] = ()  # the thread's replies that arrived: their addresses


class SendFailed(Exception):
    """A post that did not arrive. `retry`: worth trying on the next run (a timeout, a 5xx,
    a rate limit); otherwise the practice must act (a refused secret, a refused post)."""

    def __init__(
        self,
        message: str,
        *,
        retry: bool,
        cause: BaseException | None = None,
        partly: Sent | None = None,
    ) -> None:
        detail = f": {type(cause).__name__}: {cause}" if cause is not None else ""
        super().__init__(f"{message}{detail}")
        self.retry = retry
        self.partly = partly  # the post arrived, but not all of its thread
