"""Python's cycle collector, held off while a `carepress` command loads.

Loading (settings, rule packs, the literal search, the second reader, Markdown's extensions)
makes about a million objects that live as long as the process, and the collector walks all
of them each time their number grows by a quarter: a tenth of the one-post edit loop. A
command pauses the collector at its start. Once the first post is checked, or before an
engine builds the site, what is loaded is frozen (moved where the collector never looks
again) and collection resumes for what each post makes. Forked check workers inherit the
pause and resume after their own first post. Only a pause made here is undone here: a host
that turned the collector off keeps it off.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Hold the collector off until `resume` (nothing, if it is already off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """What is loaded is kept out of every later collection; the collector runs again."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
