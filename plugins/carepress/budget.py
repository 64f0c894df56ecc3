"""A time budget for work on one post, so a hostile or broken post is a finding, not a hang.

CarePress's own patterns run in linear time (tests/test_hostile_input.py feeds them the
pathological inputs). Python-Markdown's do not: a paragraph of a few thousand `[` takes it
minutes, and a line of `1. 1. 1. ...` nests lists until Python's recursion limit. Neither
CarePress nor MkDocs can render such a post, so both stop it under a budget: a timer
interrupts the work, and the caller turns that into a finding (check) or a clear error
naming the post (build).

The timer is SIGALRM, which Python delivers between bytecodes of the main thread (where
`carepress check`, `mkdocs build` and `mkdocs serve` do their work). Elsewhere (Windows, a
worker thread) there is no budget, and a slow post is only slow.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Material renders each post four times: its page, and its excerpt on the blog's index,
# archive and category pages. One rendering may take a quarter of the post's budget.
RENDERS_PER_POST = 4


class OverBudget(BaseException):
    """The work took longer than its budget (raised inside it, by the timer). Not an
    Exception, as KeyboardInterrupt is not: the code it interrupts (Markdown extensions,
    Pygments) has `except Exception` blocks that would swallow it and carry on."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds


def _available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise OverBudget inside the block once it has run `seconds`. Nests: an outer budget
    that runs out first still fires."""
    if seconds <= 0 or not _available():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise OverBudget(seconds)

    outer_left, _ = signal.getitimer(signal.ITIMER_REAL)
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, outer_left) if outer_left else seconds)
    try:
        yield
    finally:
        left, _ = signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:  # give the outer budget back what is left of it
            spent = (min(seconds, outer_left) if outer_left else seconds) - left
            signal.setitimer(signal.ITIMER_REAL, max(outer_left - spent, 0.001))
