"""`mkdocs serve`: a broken post shows its problems in the terminal and on the page,
and the server keeps running."""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from conftest import BIN, ENV, Hub, interruptible, make_hub, post_text


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@dataclass
class _Server:
    base: str  # http://127.0.0.1:<port>
    deadline: float  # a minute from the start, for the first pages to come up
    process: subprocess.Popen[str]
    output: str = ""  # what it printed, once stopped

    def get(self, path: str) -> str:
        return _get(self.base + path, self.deadline)


@contextlib.contextmanager
def _serving(
    root: Path,
    stop: signal.Signals = signal.SIGINT,
    command: tuple[str, ...] = (str(BIN / "mkdocs"), "serve"),
    env: dict[str, str] = ENV,
) -> Iterator[_Server]:
    """`mkdocs serve` (or `command`) on a free port in `root`; stopped with `stop` (Ctrl-C by
    default), its output kept, on exit."""
    port = _free_port()
    temp = root / "tmp"  # where the preview keeps sanitised copies of broken posts
    temp.mkdir(exist_ok=True)
    process = subprocess.Popen(
        [*command, "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=root,
        env={**env, "TMPDIR": str(temp)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=interruptible,
    )
    server = _Server(f"http://127.0.0.1:{port}", time.monotonic() + 60, process)
    try:
        yield server
    finally:
        process.send_signal(stop)  # Ctrl-C, as a writer stops the preview (or a SIGTERM)
        server.output, _ = process.communicate(timeout=20)
    # Stopped, the preview leaves no copy of a post behind.
    assert not list(temp.glob("carepress-*")), server.output


def test_serve_shows_problems_on_the_page_without_stopping(hub: Hub) -> None:
    hub.write_post("fine.md", post_text(slug="fine"))
    hub.write_post("typo.md", post_text(slug="typo", audience=["client"]))
    hub.write_post(
        "broken-yaml.md",
        post_text(slug="broken-yaml").replace(
            "title: Coping with worry", 'title: "Coping with worry'
        ),
    )
    with _serving(hub.root) as server:
        typo = server.get("/blog/typo/")
        assert "This post cannot be published yet" in typo
        assert "audience[1]: &#x27;client&#x27; is not one of" in typo
        assert "did you mean &#x27;clients&#x27;?" in typo
        broken = server.get("/blog/broken-yaml/")
        assert "front matter is not valid YAML" in broken
        fine = server.get("/blog/fine/")
        assert "carepress-preview-problems" not in fine
        assert server.process.poll() is None, "the preview server must keep running"
    output = server.output
    assert "content/posts/typo.md:" in output
    assert "'client' is not one of clients, clinicians, community" in output
    assert "Traceback" not in output


def test_serve_reports_a_decoy_crisis_link_once_at_its_line(hub: Hub) -> None:
    """The preview checks each post whole (help links included): the page it then renders
    from a sanitised copy is not judged again under the copy's name and lines."""
    body = ("Worry is normal.\n\n<!-- more -->\n\n## Help\n\n"
            "If you need help now, [call or text 988](tel:+15035550123).\n")  # fmt: skip
    hub.write_post("decoy.md", post_text(body=body, slug="decoy"))
    with _serving(hub.root) as server:
        assert "calls or texts 15035550123" in server.get("/blog/decoy/")
    mentions = [line for line in server.output.splitlines() if "15035550123" in line]
    assert len(mentions) == 1 and "content/posts/decoy.md:" in mentions[0], server.output


def test_serve_counts_snippets_with_the_sites_own_address(tmp_path) -> None:
    # `mkdocs serve` swaps site_url for http://127.0.0.1:<port>/, which X does not count as a
    # 23-character link: the sample posts' X snippets only fit with the real address.
    hub = make_hub(tmp_path / "hub", with_sample_posts=True)
    with _serving(hub.root) as server:
        page = server.get("/blog/how-to-ask-about-suicide/")
        assert "carepress-preview-problems" not in page
        assert "This post cannot be published yet" not in page
    output = server.output
    assert "ERROR" not in output, output
    assert "Traceback" not in output


def test_serve_keeps_running_on_posts_it_cannot_read_or_render(hub: Hub) -> None:
    """A key YAML reads as a number used to stop the preview with a traceback ("the server
    will appear stuck"), and Markdown takes minutes on thousands of brackets: the preview
    shows each post's problem and keeps serving the rest."""
    config = hub.root / "mkdocs.yml"  # a budget of 2 s a post (0.5 s a rendering): the
    config.write_text(config.read_text().replace(  # waits below are four times shorter
        "  - carepress:\n", "  - carepress:\n      max_seconds_per_post: 2\n", 1))
    hub.write_post("fine.md", post_text(slug="fine"))
    hub.write_post("int-key.md", post_text(slug="int-key").replace("---\n", "---\n1: x\n", 1))
    brackets = "Worry is common.\n\n<!-- more -->\n\n" + "[](" * 8000 + "\n"
    hub.write_post("brackets.md", post_text(slug="brackets", title="Brackets", body=brackets))
    with _serving(hub.root) as server:
        assert "carepress-preview-problems" not in server.get("/blog/fine/")
        assert "the key &#x27;1&#x27; is not text" in server.get("/blog/int-key/")
        slow = server.get("/blog/brackets/")
        assert "took longer than 0.5 s to check or render" in slow
        assert "This page cannot be shown" in slow
        # The blog's index shows a notice for it, not an excerpt rendered without a budget
        # (Material renders each excerpt again: that once took the preview minutes).
        assert "cannot be shown in the preview" in server.get("/blog/")
        assert server.process.poll() is None, "the preview server must keep running"
    assert "Traceback" not in server.output
    assert "appear stuck" not in server.output


def test_serve_stopped_by_sigterm_leaves_no_copies_behind(hub: Hub) -> None:
    """A process manager stops the preview with SIGTERM: it ends as Ctrl-C ends it, and the
    sanitised copies of broken posts go with it (checked by _serving)."""
    hub.write_post("typo.md", post_text(slug="typo", audience=["client"]))
    with _serving(hub.root, stop=signal.SIGTERM) as server:
        assert "This post cannot be published yet" in server.get("/blog/typo/")
    assert server.process.returncode is not None


def test_carepress_serve_previews_quietly(hub: Hub) -> None:
    """`carepress serve` is the engine's preview without Material's end-of-life banner (it
    pushed the post's problems off a writer's screen, in colour codes even when piped)."""
    hub.write_post("typo.md", post_text(slug="typo", audience=["client"]))
    banner_on = {k: v for k, v in ENV.items() if k != "NO_MKDOCS_2_WARNING"}
    with _serving(hub.root, command=(str(BIN / "carepress"), "serve"), env=banner_on) as server:
        assert "This post cannot be published yet" in server.get("/blog/typo/")
        assert server.process.poll() is None
    assert "content/posts/typo.md:" in server.output
    assert "end of life" not in server.output
    assert "\x1b[" not in server.output
    assert "Traceback" not in server.output
