"""Pictures of pages as a reader saw them, taken by the system's headless Chromium (never
downloaded) from the built site served on 127.0.0.1."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--window-size=1280,1600"]  # fmt: skip
_SECONDS_A_PAGE = 60


def chromium() -> str | None:
    """The system's Chromium, or None (then there are no screenshots, and the reason why)."""
    names = (os.environ.get("CAREPRESS_CHROMIUM"), "chromium", "chromium-browser",
             "google-chrome")  # fmt: skip
    for name in names:
        if name and (found := shutil.which(name) or (name if Path(name).is_file() else None)):
            return found
    return None


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # no request log: nothing to keep
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """A built site on 127.0.0.1 (any free port), by the standard library, for as long as
    the block runs: its base address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(site)))  # fmt: skip
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def take(site: Path, pages: Sequence[str], browser: str) -> dict[str, bytes]:
    """For each page path under the site ("" is the home): "screenshots/<page>.png", the
    page as a reader's screen first shows it, and "screenshots/<page>.pdf", the whole page
    as the browser prints it (a screenshot holds one screen; a long post needs pages)."""
    shots: dict[str, bytes] = {}
    with served(site) as base, tempfile.TemporaryDirectory() as scratch:

        def shoot(number: int, page: str) -> None:
            name = page.strip("/").replace("/", "_") or "home"
            outputs = {"png": Path(scratch) / f"{number}.png",
                       "pdf": Path(scratch) / f"{number}.pdf"}  # fmt: skip
            options = {"png": "--screenshot", "pdf": "--print-to-pdf"}
            # Both from one start where Chromium can (its new headless mode); what an older
            # one did not make is asked for again on its own.
            for attempt in (("png", "pdf"), ("png",), ("pdf",)):
                wanted = [s for s in attempt if not outputs[s].is_file()]
                if not wanted:
                    continue
                # Its own fresh profile: nothing of the user's (Chromium locks one in use).
                command = [browser, *_FLAGS, "--no-pdf-header-footer",
                           f"--user-data-dir={Path(scratch) / f'profile-{number}'}",
                           *(f"{options[s]}={outputs[s]}" for s in wanted),
                           base + page]  # fmt: skip
                try:
                    subprocess.run(command, capture_output=True, timeout=_SECONDS_A_PAGE,
                                   check=False)  # fmt: skip
                except subprocess.TimeoutExpired:
                    continue
            for suffix, out in outputs.items():
                if out.is_file():
                    shots[f"screenshots/{name}.{suffix}"] = out.read_bytes()

        # A page at a time per core: each Chromium spends most of its second starting up.
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            for done in [pool.submit(shoot, n, page) for n, page in enumerate(pages)]:
                done.result()
    return dict(sorted(shots.items()))
