"""`mkdocs serve`: a broken post shows its problems in the terminal and on the page,
and the server keeps running."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request

from conftest import BIN, ENV, Hub, make_hub, post_text


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


def test_serve_shows_problems_on_the_page_without_stopping(hub: Hub) -> None:
    hub.write_post("fine.md", post_text(slug="fine"))
    hub.write_post("typo.md", post_text(slug="typo", audience=["client"]))
    hub.write_post(
        "broken-yaml.md",
        post_text(slug="broken-yaml").replace(
            "title: Coping with worry", 'title: "Coping with worry'
        ),
    )
    port = _free_port()
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=hub.root,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        typo = _get(f"http://127.0.0.1:{port}/blog/typo/", deadline)
        assert "This post cannot be published yet" in typo
        assert "audience[1]: &#x27;client&#x27; is not one of" in typo
        assert "did you mean &#x27;clients&#x27;?" in typo
        broken = _get(f"http://127.0.0.1:{port}/blog/broken-yaml/", deadline)
        assert "front matter is not valid YAML" in broken
        fine = _get(f"http://127.0.0.1:{port}/blog/fine/", deadline)
        assert "carepress-preview-problems" not in fine
        assert server.poll() is None, "the preview server must keep running"
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)
    assert "content/posts/typo.md:" in output
    assert "'client' is not one of clients, clinicians, community" in output
    assert "Traceback" not in output


def test_serve_counts_snippets_with_the_sites_own_address(tmp_path) -> None:
    # `mkdocs serve` swaps site_url for http://127.0.0.1:<port>/, which X does not count as a
    # 23-character link: the sample posts' X snippets only fit with the real address.
    hub = make_hub(tmp_path / "hub", with_sample_posts=True)
    port = _free_port()
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=hub.root,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        page = _get(
            f"http://127.0.0.1:{port}/blog/how-to-ask-about-suicide/", time.monotonic() + 60
        )
        assert "carepress-preview-problems" not in page
        assert "This post cannot be published yet" not in page
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)
    assert "ERROR" not in output, output
    assert "Traceback" not in output
