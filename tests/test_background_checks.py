"""A build with many posts checks their prose in worker processes while MkDocs renders
(carepress/background.py). Forced on here with CAREPRESS_WORKERS, on small hubs: the site must
be byte for byte what the in-process checks give, and errors found in the background must
still stop the build before anything is published."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from carepress.background import WORKERS_ENV, worker_count
from conftest import Hub, make_hub, post_text

IN_BACKGROUND = {WORKERS_ENV: "1"}
IN_PROCESS = {WORKERS_ENV: "0"}


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_background_build_is_byte_for_byte_the_in_process_build(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub", with_sample_posts=True)
    first = hub.build("--strict", env=IN_PROCESS)
    assert first.returncode == 0, first.stderr
    in_process = _tree(hub.site)
    shutil.rmtree(hub.site)
    second = hub.build("--strict", env=IN_BACKGROUND)
    assert second.returncode == 0, second.stderr
    in_background = _tree(hub.site)
    # The workers wrote the share-kit pages (staged beside the site, then moved in).
    assert "0 written by the check workers" in first.stdout + first.stderr
    assert re.search(r"share kits: (\d+) post pages \(\1 written by the check workers\)",
                     second.stdout + second.stderr)  # fmt: skip
    assert not list(hub.root.glob(".carepress-kits-*"))
    assert sorted(in_background) == sorted(in_process)
    differing = [name for name in in_process if in_process[name] != in_background[name]]
    assert differing == []
    # The share kits and feeds carry the snippets the workers composed.
    assert any(name.startswith("social/") and name.endswith("index.html") for name in in_process)
    assert b'"text"' in in_background["social/snippets.json"]


@pytest.fixture
def hub(tmp_path: Path) -> Hub:
    return make_hub(tmp_path / "hub")


SCRIPTED = "Worry is common.\n\n<!-- more -->\n\n<script>alert(1)</script>\n\nMore text.\n"


def _stopped_build(hub: Hub) -> str:
    """Build with a post only the prose checks refuse (in the workers); it must stop cleanly,
    publishing nothing: what it printed."""
    hub.write_post("scripted.md", post_text(body=SCRIPTED, title="A scripted post"))
    result = hub.build(env=IN_BACKGROUND)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in log
    assert not list(hub.site.rglob("*.html")), "a failed build must publish nothing"
    assert not list(hub.root.glob(".carepress-kits-*")), "nor leave staged share kits behind"
    return log


def test_an_error_only_the_prose_checks_find_stops_the_build(hub: Hub) -> None:
    hub.write_post("fine.md", post_text(title="A fine post"))
    log = _stopped_build(hub)
    assert "content/posts/scripted.md:24: raw HTML with <script> is not allowed" in log
    assert "nothing was published" in log


def test_front_matter_errors_stop_at_once_with_every_other_finding(hub: Hub) -> None:
    hub.write_post("no-title.md", post_text(title=None))
    log = _stopped_build(hub)
    assert "content/posts/no-title.md:" in log and "title" in log
    assert "content/posts/scripted.md:" in log, "the background findings are reported too"


def test_worker_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(WORKERS_ENV, raising=False)
    assert worker_count(10) == 0, "a few posts are checked in the build's own process"
    monkeypatch.setenv(WORKERS_ENV, "2")
    assert worker_count(10) == 2
    monkeypatch.setenv(WORKERS_ENV, "many")
    with pytest.raises(ValueError, match="whole number"):
        worker_count(10)


def test_a_bad_worker_count_stops_the_build_with_a_message(hub: Hub) -> None:
    hub.write_post("fine.md", post_text(title="A fine post"))
    result = hub.build(env={WORKERS_ENV: "many"})
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "CAREPRESS_WORKERS must be a whole number, not 'many'" in log
    assert "Traceback" not in log
