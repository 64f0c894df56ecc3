"""A build with many posts checks their prose in worker processes while MkDocs renders
(carepress/background.py). Forced on here with CAREPRESS_WORKERS, on small hubs: the site must
be byte for byte what the in-process checks give, and errors found in the background must
still stop the build before anything is published."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from carepress import background
from carepress.background import WORKERS_ENV, EarlyFronts, front_only, worker_count
from carepress.check import utc_now
from carepress.settings import load_settings
from conftest import REPO, Hub, make_hub, post_text

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
    # The page-finishing worker wrote every page MkDocs rendered, and MkDocs did not say it
    # skipped them (it does for a page a plugin leaves empty).
    assert "Page skipped" not in second.stdout + second.stderr
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


UNCITED = "Worry is common.\n\n<!-- more -->\n\n42% of adults worry every day.\n\nMore text.\n"


def _stopped_build(hub: Hub) -> str:
    """Build with a post only the prose checks refuse (in the workers); it must stop cleanly,
    publishing nothing: what it printed."""
    hub.write_post("uncited.md", post_text(body=UNCITED, title="An uncited post"))
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
    assert (
        "content/posts/uncited.md:24: this sentence states a statistic or research finding "
        "without a source" in log
    )
    assert "nothing was published" in log


def test_front_matter_errors_stop_at_once_with_every_other_finding(hub: Hub) -> None:
    hub.write_post("no-title.md", post_text(title=None))
    log = _stopped_build(hub)
    assert "content/posts/no-title.md:" in log and "title" in log
    assert "content/posts/uncited.md:" in log, "the background findings are reported too"


@pytest.mark.parametrize("wait", [False, True], ids=["taken-over-at-once", "all-from-workers"])
def test_early_front_matter_is_what_the_build_would_read_itself(
    monkeypatch: pytest.MonkeyPatch, wait: bool
) -> None:
    """Workers read front matter from on_pre_build; the build takes over the chunks no worker
    has reached. However the work is split, every post's report is the in-process one."""
    monkeypatch.setattr(background, "CHUNK", 2)
    settings = load_settings(REPO / "mkdocs.yml")
    paths = settings.post_files()
    now = utc_now()
    fronts = EarlyFronts(paths, settings, now, workers=1)
    if wait:
        for _, _, future in fronts._chunks:
            future.result()
    reports = fronts.reports()
    assert sorted(reports) == paths and len(paths) > 10
    # A worker is handed at most two chunks ahead; without waiting, the rest were read here.
    taken_over = [future.cancelled() for _, _, future in fronts._chunks]
    assert any(taken_over) != wait
    for path, report in reports.items():
        expected = front_only(path, settings, now)
        assert report.post is None and report.front_matter == expected.front_matter
        assert report.findings == expected.findings and report.bad_keys == expected.bad_keys
        assert report.safeguards == expected.safeguards


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


def _kits_and_cards(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix()
        for folder in ("social", "assets/cards")
        for p in (site / folder).rglob("*")
        if p.is_file()
    )


def test_a_rebuild_replaces_the_whole_site_and_leaves_nothing_beside_it(hub: Hub) -> None:
    """The build writes a new site beside the old one and swaps them once it has succeeded:
    the last build's share kits and cards for posts that are gone do not survive, and what a
    killed build left beside the site is cleared away."""
    hub.write_post("kept.md", post_text(title="A kept post"))
    hub.write_post("dropped.md", post_text(title="A dropped post"))
    assert hub.build(env=IN_BACKGROUND).returncode == 0
    assert "social/a-dropped-post/index.html" in _kits_and_cards(hub.site)
    # A kit and a card of a post deleted long ago, and a site a killed build left behind.
    (hub.site / "social" / "old").mkdir()
    (hub.site / "social" / "old" / "index.html").write_text("old kit", "utf-8")
    (hub.site / "assets" / "cards" / "old.png").write_bytes(b"old card")
    leftover = hub.root / ".carepress-building-killed"
    leftover.mkdir()
    (leftover / "page.html").write_text("half a site", "utf-8")
    (hub.posts / "dropped.md").unlink()

    result = hub.build(env=IN_BACKGROUND)

    assert result.returncode == 0, result.stderr
    assert _kits_and_cards(hub.site) == [
        "assets/cards/a-kept-post.png",
        "social/a-kept-post/index.html",
        "social/profile/index.html",
        "social/snippets.csv",
        "social/snippets.json",
    ]
    assert "1 post pages (1 written by the check workers)" in result.stderr
    assert not list(hub.root.glob(".carepress-*")), "nothing left beside the site"
    assert oct(hub.site.stat().st_mode & 0o777) == oct(0o777 & ~_umask()), "readable by a server"


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_dirty_build_keeps_the_site_and_moves_the_new_kits_in_over_the_old(hub: Hub) -> None:
    """`--dirty` does not clean: the practice's own files under social/ stay, and the
    workers' kits replace the last build's one by one."""
    hub.write_post("worry.md", post_text(title="Coping with worry"))
    assert hub.build(env=IN_BACKGROUND).returncode == 0
    kit = hub.site / "social" / "coping-with-worry" / "index.html"
    first = kit.read_text("utf-8")
    kit.write_text("stale", "utf-8")
    (hub.site / "social" / "notes.txt").write_text("the practice's own", "utf-8")

    result = hub.build("--dirty", env=IN_BACKGROUND)

    assert result.returncode == 0, result.stderr
    assert kit.read_text("utf-8") == first
    assert (hub.site / "social" / "notes.txt").read_text("utf-8") == "the practice's own"
    assert "1 post pages (1 written by the check workers)" in result.stderr
    assert not list(hub.root.glob(".carepress-*"))
