"""The hostile posts of the security review, in a real browser. What builds (the odd but
harmless bodies, and the front matter that is escaped where it lands) is built; what the
build refuses is still shown by `mkdocs serve` as a preview, sanitised. Either way, opened
and clicked as a reader would: no dialog, nothing in the article that could run script or
reach another host, no request to another host, no Content-Security-Policy violation."""

from __future__ import annotations

import contextlib
import functools
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from conftest import BIN, ENV, Hub, build_in_process, interruptible, make_hub, post_text
from test_hostile_input import BODIES, INTRO, SAFE_BODIES

from browser.support import CSP_RECORDER, inspect_page

# Refused by the build, previewed by `mkdocs serve` (but those Markdown cannot render in
# its time budget: the preview shows a notice for them).
PREVIEWED = [case for case in BODIES if case.rule != "html.too-complex"]
QUOTED_TITLE = 'Rest" onmouseover="alert(1)" x="'


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    hub = make_hub(tmp_path_factory.mktemp("hostile-built") / "hub")
    for name, body in SAFE_BODIES.items():
        hub.write_post(f"{name}.md", post_text(body=INTRO + body, slug=name))
    text = post_text(slug="quoted-link")
    text = text.replace("tags:", f"links:\n  - '{QUOTED_TITLE}': https://example.org/\ntags:", 1)
    hub.write_post("quoted-link.md", text)
    result = build_in_process(hub.root)
    assert result.ok, result.log
    handler = functools.partial(_Quiet, directory=str(hub.site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("slug", [*SAFE_BODIES, "quoted-link"])
def test_what_builds_is_safe_in_a_browser(browser: Any, built: str, slug: str) -> None:
    context = browser.new_context()
    context.add_init_script(CSP_RECORDER)
    try:
        report = inspect_page(context, f"http://{built}/blog/{slug}/", built)
    finally:
        context.close()
    assert report == {k: [] for k in report}, report


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def previewed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    hub: Hub = make_hub(tmp_path_factory.mktemp("hostile-preview") / "hub")
    for case in PREVIEWED:
        text = post_text(body=INTRO + case.payload + "\n", slug=case.name)
        hub.write_post(f"{case.name}.md", text)
    port = _free_port()
    process = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=hub.root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        preexec_fn=interruptible,
    )  # fmt: skip
    host = f"127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    try:
        while True:  # until the first build is served
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"http://{host}/blog/{PREVIEWED[0].name}/", timeout=5)
                break
            assert process.poll() is None and time.monotonic() < deadline, "serve did not start"
            time.sleep(0.5)
        yield host
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


@pytest.mark.parametrize("case", PREVIEWED, ids=lambda c: c.name)
def test_a_refused_post_is_previewed_safe(browser: Any, previewed: str, case: Any) -> None:
    context = browser.new_context()
    context.add_init_script(CSP_RECORDER)
    try:
        url = f"http://{previewed}/blog/{case.name}/"
        report = inspect_page(context, url, previewed)
        page = context.new_page()
        page.goto(url)
        notice = page.locator(".carepress-preview-problems").inner_text()
        page.close()
    finally:
        context.close()
    assert report == {k: [] for k in report}, report
    assert "This post cannot be published yet" in notice


_UNSAFE_PAGE = """<!doctype html><html lang="en"><head><title>Control</title></head><body>
<article><p onmouseover="alert('hovered')">Hover me.</p><a href="#top">A link</a>
<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="" width="40" height="40"
  onmouseover="this.src='http://pixel.example/hover.gif'"></p></article>
<script>setTimeout(() => fetch("http://tracker.example/late").catch(() => {}), 300)</script>
</body></html>"""


def test_the_inspection_sees_what_a_hostile_page_does(browser: Any, tmp_path: Any) -> None:
    """The control for every page above: a dialog raised by a hover, a request made after
    the page has loaded, a picture swapped for another host's on a hover, an event handler
    in the article and no policy are all reported."""
    from carepress.archive.screenshots import served

    (tmp_path / "index.html").write_text(_UNSAFE_PAGE, encoding="utf-8")
    context = browser.new_context()
    try:
        with served(tmp_path) as base:
            report = inspect_page(context, base, base.split("/")[2])
    finally:
        context.close()
    assert report["dialogs"] == ["hovered"]
    assert "http://tracker.example/late" in report["foreign_requests"]
    assert "http://pixel.example/hover.gif" in report["foreign_requests"]
    assert report["hazards"] and report["missing_policy"]
