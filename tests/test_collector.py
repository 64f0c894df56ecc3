"""The cycle collector is held off while a `carepress` command loads, and runs again, with
what was loaded frozen, once the first post is checked (collector.py)."""

from __future__ import annotations

import gc
import subprocess
import sys

from carepress import collector
from conftest import ENV, Hub, post_text


def test_a_pause_is_undone_by_its_resume_only() -> None:
    assert gc.isenabled()
    try:
        collector.pause()
        assert not gc.isenabled()
        collector.resume()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # what was loaded is never walked again
        collector.resume()  # a second resume changes nothing
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()
    gc.disable()  # a host's own choice
    try:
        collector.pause()
        collector.resume()
        assert not gc.isenabled()
    finally:
        gc.enable()


# The command as installed (carepress.cli:run), with a handler that reports, at exit, what
# the collector was doing.
_REPORTING_RUN = (
    "import atexit, gc, sys\n"
    "atexit.register(lambda: print('collector', gc.isenabled(), gc.get_freeze_count() > 0))\n"
    "from carepress.cli import run\n"
    "sys.argv = ['carepress', *sys.argv[1:]]\n"
    "run()\n"
)


def _collector_at_exit(hub: Hub, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", _REPORTING_RUN, *args],
        cwd=hub.root, env={**ENV, "CAREPRESS_WORKERS": "0"}, capture_output=True, text=True,
        timeout=180, check=False,
    )  # fmt: skip
    return done.stdout.splitlines()[-1]


def test_a_check_collects_again_after_its_first_post(hub: Hub) -> None:
    path = hub.write_post("p.md", post_text())
    assert _collector_at_exit(hub, "check", str(path)) == "collector True True"


def test_a_command_that_checks_nothing_stays_paused_to_its_end(hub: Hub) -> None:
    assert _collector_at_exit(hub, "rules") == "collector False False"
