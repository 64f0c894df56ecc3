"""A build's checks: on every core (carepress/parallel.py) or in the build's own process,
and kept between builds (carepress/report_cache.py). Forced both ways here with
CAREPRESS_WORKERS on small hubs: the site must be byte for byte the same either way and
from the cache, and an error found by any of them must stop the build before anything is
published."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
from pathlib import Path

import pytest
from carepress.engine import utc_now
from carepress.mkdocs.plugin import TEMPLATE_CACHE
from carepress.parallel import WORKERS_ENV, worker_count
from carepress.report_cache import CACHE_FILE
from carepress.settings import ConfigError, load_settings
from conftest import Hub, make_hub, post_text

IN_WORKERS = {WORKERS_ENV: "2"}
IN_PROCESS = {WORKERS_ENV: "0"}


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _cold(hub: Hub) -> None:
    shutil.rmtree(hub.root / ".cache" / "carepress", ignore_errors=True)


def test_workers_on_off_and_the_cache_build_the_same_site_byte_for_byte(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub", with_sample_posts=True)
    sites = {}
    for name, env in [("in-process", IN_PROCESS), ("in-workers", IN_WORKERS),
                      ("from-the-cache", IN_PROCESS)]:  # fmt: skip
        if name != "from-the-cache":
            _cold(hub)
        result = hub.build("--strict", "--verbose", env=env)
        assert result.returncode == 0, result.stderr
        log = result.stdout + result.stderr
        if name == "from-the-cache":
            assert "0 posts checked, 15 unchanged since the last build" in log
            assert "pages verified: 0 unchanged" not in log
            assert "pages cleaned: 0 kept" not in log
        else:
            assert "15 posts checked, 0 unchanged since the last build" in log
            assert "pages cleaned: 0 kept from the last build" in log
        sites[name] = _tree(hub.site)
        shutil.rmtree(hub.site)
    reference = sites["in-process"]
    for name, site in sites.items():
        assert sorted(site) == sorted(reference), name
        assert [n for n in reference if reference[n] != site[n]] == [], name
    assert any(n.startswith("social/") and n.endswith("index.html") for n in reference)
    assert b'"text"' in reference["social/snippets.json"]


@pytest.fixture
def hub(tmp_path: Path) -> Hub:
    return make_hub(tmp_path / "hub")


UNCITED = "Worry is common.\n\n<!-- more -->\n\n42% of adults worry every day.\n\nMore text.\n"


def _stopped_build(hub: Hub) -> str:
    """Build with a post only the prose checks refuse (in the workers); it must stop cleanly,
    publishing nothing, and stop again from the cache: what it printed."""
    hub.write_post("uncited.md", post_text(body=UNCITED, title="An uncited post"))
    result = hub.build(env=IN_WORKERS)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in log
    assert not list(hub.site.rglob("*.html")), "a failed build must publish nothing"
    assert not list(hub.root.glob(".carepress-*")), "nor leave a half-built site behind"
    again = hub.build(env=IN_WORKERS)
    assert again.returncode != 0 and (again.stdout + again.stderr).count("uncited.md:24") == 1
    return log


def test_an_error_only_the_prose_checks_find_stops_the_build(hub: Hub) -> None:
    hub.write_post("fine.md", post_text(title="A fine post"))
    log = _stopped_build(hub)
    assert (
        "content/posts/uncited.md:24:1: citation.uncited-percentage "
        "this sentence states a statistic or research finding "
        "without a source" in log
    )
    assert "nothing was published" in log


def test_front_matter_errors_stop_at_once_with_every_other_finding(hub: Hub) -> None:
    hub.write_post("no-title.md", post_text(title=None))
    log = _stopped_build(hub)
    assert "content/posts/no-title.md:" in log and "title" in log
    assert "content/posts/uncited.md:" in log, "every post's findings are reported"


def test_worker_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(WORKERS_ENV, raising=False)
    assert worker_count(10) == 0, "a few posts are checked in the build's own process"
    monkeypatch.setenv(WORKERS_ENV, "2")
    assert worker_count(10) == 2
    monkeypatch.setenv(WORKERS_ENV, "many")
    with pytest.raises(ValueError, match="whole number"):
        worker_count(10)



def _refuse() -> None:
    raise ConfigError("a policy page's text cannot be rendered")


def test_checking_runs_on_while_the_caller_works_and_its_extra_task_beside(
    hub: Hub, monkeypatch
) -> None:
    """A build starts the posts' checks in on_files and waits in on_env (MkDocs reads and
    renders meanwhile); one of the workers checks the practice's texts (their ~20 MB of rule
    data stay out of the build's process). Without workers (off, a small hub, a preview's
    threads) all of it runs in this process when waited for; a failure comes back."""
    import os

    from carepress.parallel import Checking

    for name in ("a", "b", "c"):
        hub.write_post(f"{name}.md", post_text(title=f"Post {name}"))
    settings = load_settings(hub.root / "mkdocs.yml")
    paths = settings.post_files()
    monkeypatch.setenv(WORKERS_ENV, "2")
    checking = Checking(paths, settings, utc_now(), html=False, also=os.getpid)
    reports, pid = checking.wait()
    assert [r.path for r in reports] == paths and pid != os.getpid()
    assert not any(r.has_errors for r in reports)
    with pytest.raises(ConfigError, match="cannot be rendered"):
        Checking(paths, settings, utc_now(), html=False, also=_refuse).wait()
    reports, pid = Checking(paths, settings, utc_now(), html=False, also=os.getpid,
                            workers=0).wait()  # fmt: skip
    assert len(reports) == len(paths) and pid == os.getpid()
    monkeypatch.delenv(WORKERS_ENV)
    assert Checking(paths, settings, utc_now(), html=False, also=os.getpid).wait()[1] == (
        os.getpid()  # few posts: not worth a process
    )
    assert Checking([], settings, utc_now(), html=False).wait() == ([], None)


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
    assert hub.build(env=IN_WORKERS).returncode == 0
    assert "social/a-dropped-post/index.html" in _kits_and_cards(hub.site)
    # A kit and a card of a post deleted long ago, and a site a killed build left behind.
    (hub.site / "social" / "old").mkdir()
    (hub.site / "social" / "old" / "index.html").write_text("old kit", "utf-8")
    (hub.site / "assets" / "cards" / "old.png").write_bytes(b"old card")
    leftover = hub.root / ".carepress-building-killed"
    leftover.mkdir()
    (leftover / "page.html").write_text("half a site", "utf-8")
    (hub.posts / "dropped.md").unlink()

    result = hub.build(env=IN_WORKERS)

    assert result.returncode == 0, result.stderr
    assert _kits_and_cards(hub.site) == [
        "assets/cards/a-kept-post.png",
        "assets/cards/portrait/a-kept-post.png",  # (the sample hub's Instagram card)
        "assets/cards/site/card.png",  # the site's own, for its other pages
        "social/a-kept-post/index.html",
        "social/calendar.ics",
        "social/calendar/index.html",
        "social/profile/index.html",
        "social/snippets.csv",
        "social/snippets.json",
    ]
    assert "share kits: 1 post pages" in result.stderr
    # The last site is deleted by another process once the new one is in place.
    deadline = time.monotonic() + 30
    while list(hub.root.glob(".carepress-*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not list(hub.root.glob(".carepress-*")), "nothing left beside the site"
    assert oct(hub.site.stat().st_mode & 0o777) == oct(0o777 & ~_umask()), "readable by a server"


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_dirty_build_keeps_the_site_and_moves_the_new_kits_in_over_the_old(hub: Hub) -> None:
    """`--dirty` does not clean: the practice's own files under social/ stay, and the
    kits replace the last build's one by one."""
    hub.write_post("worry.md", post_text(title="Coping with worry"))
    assert hub.build(env=IN_WORKERS).returncode == 0
    kit = hub.site / "social" / "coping-with-worry" / "index.html"
    first = kit.read_text("utf-8")
    kit.write_text("stale", "utf-8")
    (hub.site / "social" / "notes.txt").write_text("the practice's own", "utf-8")

    result = hub.build("--dirty", env=IN_WORKERS)

    assert result.returncode == 0, result.stderr
    assert kit.read_text("utf-8") == first
    assert (hub.site / "social" / "notes.txt").read_text("utf-8") == "the practice's own"
    assert "share kits: 1 post pages" in result.stderr
    assert not list(hub.root.glob(".carepress-*"))


def test_a_dirty_build_refuses_to_leave_an_unpublished_post_online(hub: Hub) -> None:
    """A post published, then made a draft again (or dated forward): a dirty build would
    keep its page, its entries on the blog's pages and its tag feeds (a red-team finding)."""
    hub.write_post("worry.md", post_text(title="Coping with worry", slug="worry"))
    hub.write_post("sleep.md", post_text(title="Sleep and worry", slug="sleep"))
    assert hub.build(env=IN_PROCESS).returncode == 0
    assert (hub.site / "blog" / "worry" / "index.html").is_file()
    for change in ({"draft": True}, {"date": "2099-06-01"}):
        hub.write_post("worry.md", post_text(title="Coping with worry", slug="worry", **change))
        result = hub.build("--dirty", env=IN_PROCESS)
        assert result.returncode != 0, change
        assert "content/posts/worry.md is no longer published" in result.stderr
        assert "build without --dirty" in result.stderr
    # Its page deleted by hand, its card, share kit and entries are still there (a sixth
    # red team built past the page alone).
    shutil.rmtree(hub.site / "blog" / "worry")
    result = hub.build("--dirty", env=IN_PROCESS)
    assert result.returncode != 0 and "is no longer published" in result.stderr
    assert (hub.site / "social" / "worry").is_dir()  # nothing was changed
    clean = hub.build(env=IN_PROCESS)  # a clean build takes the page down
    assert clean.returncode == 0, clean.stderr
    assert not (hub.site / "blog" / "worry").exists()
    # Once the page is gone, dirty builds work again.
    assert hub.build("--dirty", env=IN_PROCESS).returncode == 0


def test_a_changed_post_is_checked_again_and_the_rest_come_from_the_cache(hub: Hub) -> None:
    hub.write_post("a.md", post_text(title="Coping with worry"))
    hub.write_post("b.md", post_text(title="Sleep and worry"))
    assert hub.build(env=IN_PROCESS).returncode == 0
    assert (hub.root / CACHE_FILE).is_file()
    unchanged = hub.build("--verbose", env=IN_PROCESS)
    assert "0 posts checked, 2 unchanged since the last build" in unchanged.stderr
    # One post gets an error only the prose checks see: the build must stop on it.
    hub.write_post("b.md", post_text(body=UNCITED, title="Sleep and worry"))
    changed = hub.build("--verbose", env=IN_PROCESS)
    log = changed.stdout + changed.stderr
    assert changed.returncode != 0
    assert "1 posts checked, 1 unchanged since the last build" in log
    assert "content/posts/b.md:24" in log


def test_a_changed_rule_or_setting_checks_every_post_again(hub: Hub) -> None:
    hub.write_post("a.md", post_text(body="Intro.\n\n<!-- more -->\n\nIt felt crazy.\n"))
    first = hub.build(env=IN_PROCESS)
    assert first.returncode == 0
    assert "WARNING -  carepress: content/posts/a.md:24:9: stigma.crazy 'crazy'" in first.stderr
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "\n  - carepress:\n", "\n  - carepress:\n      rules: {severity: {stigma.crazy: error}}\n"
    ))  # fmt: skip
    second = hub.build(env=IN_PROCESS)
    assert second.returncode != 0, "the kept report said warning; the new setting says error"
    assert "ERROR   -  carepress: content/posts/a.md:24:9: stigma.crazy 'crazy'" in second.stderr


def test_unchanged_feeds_are_copied_from_the_cache_and_a_change_writes_them_again(
    hub: Hub,
) -> None:
    from carepress.publish.feed_cache import FEED_CACHE

    hub.write_post("a.md", post_text(title="Coping with worry"))
    hub.write_post("b.md", post_text(title="Sleep and worry", date="2026-03-15"))
    assert hub.build(env=IN_PROCESS).returncode == 0
    rss = hub.site / "feeds" / "rss.xml"
    first = rss.read_bytes()
    (kept,) = (hub.root / FEED_CACHE).iterdir()  # one configuration so far
    assert hub.build(env=IN_PROCESS).returncode == 0
    assert rss.read_bytes() == first == (kept / "feeds" / "rss.xml").read_bytes()
    # A copy, never a link: a file edited in the site leaves the kept one as written.
    rss.write_text("edited in place")
    assert (kept / "feeds" / "rss.xml").read_bytes() == first
    assert hub.build(env=IN_PROCESS).returncode == 0
    assert rss.read_bytes() == first
    # Every file the writer wrote is in the site again (the social feeds, the empty sitemaps).
    written = sorted(p.relative_to(kept) for p in kept.rglob("*") if p.is_file())
    assert all((hub.site / p).is_file() for p in written) and len(written) > 10
    # A post's new title, and a new feed setting: the feeds are written again, never stale.
    hub.write_post("b.md", post_text(title="Sleep, worry and the night", date="2026-03-15"))
    assert hub.build(env=IN_PROCESS).returncode == 0
    assert b"Sleep, worry and the night" in rss.read_bytes()
    config = hub.root / "mkdocs.yml"
    text = config.read_text()
    assert "        limit: 20\n" in text
    config.write_text(text.replace("        limit: 20\n", "        limit: 1\n", 1))
    assert hub.build(env=IN_PROCESS).returncode == 0
    assert rss.read_text().count("<item>") == 1
    assert len(list((hub.root / FEED_CACHE).iterdir())) <= 4  # the newest few are kept


def test_unchanged_share_kit_pages_are_copied_and_a_change_renders_them_again(
    hub: Hub,
) -> None:
    from carepress.publish.share_kits import PAGE_CACHE

    hub.write_post("a.md", post_text(title="Coping with worry", slug="worry"))
    hub.write_post("b.md", post_text(title="Sleep and worry", slug="sleep"))
    assert hub.build(env=IN_PROCESS).returncode == 0
    kit = hub.site / "social" / "worry" / "index.html"
    first = kit.read_bytes()
    assert hub.build(env=IN_PROCESS).returncode == 0
    assert kit.read_bytes() == first
    kept = {p.read_bytes() for p in (hub.root / PAGE_CACHE).rglob("*.html")}
    assert first in kept and len(kept) == 2
    # The post's new title, and the template the practice edits: rendered again.
    hub.write_post("a.md", post_text(title="Coping with everyday worry", slug="worry"))
    assert hub.build(env=IN_PROCESS).returncode == 0
    assert "Coping with everyday worry" in kit.read_text()
    template = hub.root / "overrides" / "carepress-share-kit.html"
    template.write_text(template.read_text() + "\n<!-- edited by the practice -->\n")
    assert hub.build(env=IN_PROCESS).returncode == 0
    assert "edited by the practice" in kit.read_text()
    assert "edited by the practice" in (hub.site / "social" / "sleep" / "index.html").read_text()
    # The old pages are gone: the edited template is a new configuration, kept beside the
    # last few (a preview's and a build's at once).
    (newest,) = [p for p in (hub.root / PAGE_CACHE).iterdir() if "edited" in
                 next(p.glob("*.html")).read_text()]  # fmt: skip
    assert len(list(newest.glob("*.html"))) == 2


def test_the_theme_is_compiled_once_and_an_edited_template_again(hub: Hub) -> None:
    """The theme's templates are kept compiled between builds (Jinja's bytecode cache, by
    template and checked against its source): an override edited between two builds shows."""
    hub.write_post("a.md", post_text(slug="a"))
    assert hub.build("--strict").returncode == 0
    kept = sorted((hub.root / TEMPLATE_CACHE).iterdir())
    assert len(kept) > 20  # Material's templates and the practice's overrides
    main = hub.root / "overrides" / "main.html"
    main.write_text(main.read_text().replace(
        '<meta charset="utf-8">', '<meta charset="utf-8"><meta name="x-edited" content="1">'))
    assert hub.build("--strict").returncode == 0
    assert '<meta name="x-edited" content="1">' in hub.page("blog/a")
    assert sorted((hub.root / TEMPLATE_CACHE).iterdir()) == kept  # main.html's entry replaced


_BUILD_AND_LIST_MODULES = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(config_file="mkdocs.yml", site_dir="site")
config.plugins.on_startup(command="build", dirty=False)
build(config)
config.plugins.on_shutdown()
from carepress.model import FrontMatter
never = ("sqlite3", "carepress.zensical_pages")  # the private records' and Zensical's
print(sorted(m for m in never if m in sys.modules))
print(sorted(m for m in ("lxml", "feedgen", "PIL", "syllapy") if m in sys.modules)
      + (["FrontMatter's validator"] if FrontMatter.__pydantic_complete__ else []))
"""


def test_a_rebuild_with_nothing_changed_loads_no_writer_it_does_not_need(hub: Hub) -> None:
    """Memory: a rebuild links its feeds and cards, and reuses the checks' and the pictures'
    findings, so it loads neither feedgen and lxml, nor Pillow, nor the checks, nor builds
    the front matter's validator (its reports are kept, already validated). No MkDocs build
    loads SQLite or the Zensical extension's work."""
    hub.write_post("a.md", post_text(title="Coping with worry"))
    assert list((hub.root / "content").rglob("*.svg"))  # a picture the first build parses
    first = hub.run(sys.executable, "-c", _BUILD_AND_LIST_MODULES, env=IN_PROCESS)
    assert first.returncode == 0, first.stderr
    assert "lxml" in first.stdout and "feedgen" in first.stdout  # (the control)
    assert "FrontMatter's validator" in first.stdout
    assert first.stdout.strip().splitlines()[-2] == "[]"
    again = hub.run(sys.executable, "-c", _BUILD_AND_LIST_MODULES, env=IN_PROCESS)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().splitlines()[-2:] == ["[]", "[]"]


def test_a_picture_that_runs_script_is_refused_on_every_build_kept_or_not(hub: Hub) -> None:
    """The docs_dir files' findings are kept between builds (a rebuild reads no SVG): kept,
    they still stop the build; a fixed or a new picture is read again."""
    hub.write_post("a.md", post_text(title="Coping with worry"))
    picture = hub.root / "content" / "assets" / "logo-test.svg"
    picture.parent.mkdir(parents=True, exist_ok=True)
    picture.write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>')
    for _ in range(2):  # found, then kept
        built = hub.build(env=IN_PROCESS)
        assert built.returncode != 0
        assert "logo-test.svg" in built.stderr and "event handler (onload)" in built.stderr
    picture.write_text('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>')
    assert hub.build(env=IN_PROCESS).returncode == 0
    other = picture.with_name("other-test.svg")
    other.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>')
    built = hub.build(env=IN_PROCESS)
    assert built.returncode != 0 and "other-test.svg" in built.stderr


def test_a_page_s_link_findings_stop_every_build_kept_or_not(hub: Hub) -> None:
    """A page's cleaned body and its links' findings are kept between builds (kept_content):
    kept, a tracking link still stops the build; an edited page is cleaned and read again,
    and the files of pages no longer built are removed."""
    hub.write_post("a.md", post_text(title="Coping with worry"))
    about = hub.root / "content" / "about.md"
    original = about.read_text(encoding="utf-8")
    about.write_text(original + "\nRead [our guide](https://example.org/guide?fbclid=abc).\n",
                     encoding="utf-8")  # fmt: skip
    for _ in range(2):  # found, then kept
        built = hub.build("--verbose", env=IN_PROCESS)
        assert built.returncode != 0
        assert "content/about.md" in built.stderr and "fbclid" in built.stderr
    about.write_text(original, encoding="utf-8")
    assert hub.build(env=IN_PROCESS).returncode == 0
    kept = hub.root / ".cache" / "carepress" / "content" / "build"
    names = set(p.name for p in kept.iterdir())
    again = hub.build("--verbose", env=IN_PROCESS)
    assert again.returncode == 0
    assert f"pages cleaned: {len(names)} kept from the last build" in again.stderr
    assert set(p.name for p in kept.iterdir()) == names  # nothing stale, nothing new


def test_a_post_dated_today_is_kept_only_until_its_date(hub: Hub) -> None:
    """A report depends on the time through the post's dates: kept until the next one."""
    import datetime as dt

    from carepress.engine import check_post
    from carepress.report_cache import valid_until
    from carepress.settings import load_settings

    path = hub.write_post("later.md", post_text(date="2099-05-01", draft=True))
    now = dt.datetime(2026, 12, 5, tzinfo=dt.UTC)
    report = check_post(path, load_settings(hub.root / "mkdocs.yml"), now)
    assert valid_until(report, now) == dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    soon = dt.datetime(2026, 12, 5, 18, tzinfo=dt.UTC)
    path.write_text(post_text(date="2026-12-05 18:00:00", draft=True))
    report = check_post(path, load_settings(hub.root / "mkdocs.yml"), now)
    assert valid_until(report, now) == soon


def test_every_file_the_package_ships_is_in_the_code_fingerprint() -> None:
    """A kept report is valid only while CarePress's code and data are the same: each kind
    of file in the package (code, rules, templates, the given-names list) is hashed."""
    from pathlib import Path

    import carepress
    from carepress.report_cache import DIGESTS_IN_META, FINGERPRINTED

    package = Path(carepress.__file__).parent
    shipped = {
        path.suffix
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert shipped <= {*FINGERPRINTED, *DIGESTS_IN_META}, shipped - set(FINGERPRINTED)
    # The arrays are fingerprinted through the digests their meta.json (hashed) records.
    meta_of = {path.parent: path for path in package.rglob("meta.json")}
    for path in package.rglob("*"):
        if path.suffix in DIGESTS_IN_META:
            recorded = json.loads(meta_of[path.parent].read_text())["files"][path.name]
            assert recorded == hashlib.sha256(path.read_bytes()).hexdigest(), path


@pytest.mark.parametrize(
    "broken",
    [
        post_text(title=None),  # front matter: stops in on_files
        post_text(body=UNCITED, title="An uncited post"),  # prose: the checks stop it
        post_text(body="Intro.\n\n<!-- more -->\n\n<div onclick=\"x()\">Hi</div>\n",
                  title="Unsafe HTML"),  # the page's HTML: stops once MkDocs rendered it
    ],
    ids=["front-matter", "prose", "html"],
)  # fmt: skip
def test_a_failed_build_leaves_the_last_site_exactly_as_it_was(hub: Hub, broken: str) -> None:
    """Anyone who uploads site/ by hand after a failed build still has the last good copy."""
    hub.write_post("fine.md", post_text(title="A fine post"))
    assert hub.build(env=IN_WORKERS).returncode == 0
    before = _tree(hub.site)
    assert any(name.endswith("index.html") for name in before)
    hub.write_post("broken.md", broken)
    failed = hub.build(env=IN_WORKERS)
    assert failed.returncode != 0
    assert "Traceback" not in failed.stdout + failed.stderr
    after = _tree(hub.site)
    assert sorted(after) == sorted(before)
    assert [name for name in before if before[name] != after[name]] == []


def test_the_code_fingerprint_is_kept_until_a_file_changes(tmp_path: Path, monkeypatch) -> None:
    """The files are hashed once, then the digest is found by their sizes and times; an
    edited file (or a new one) is hashed again, and a file of another kind is ignored."""
    from carepress import report_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    package = tmp_path / "package"
    (package / "data").mkdir(parents=True)
    (package / "a.py").write_text("x = 1\n")
    (package / "data" / "rules.yml").write_text("a: 1\n")
    hashed = []
    real = report_cache._hash_files
    monkeypatch.setattr(report_cache, "_hash_files", lambda *a: hashed.append(1) or real(*a))

    first = report_cache.package_fingerprint(package)
    assert report_cache.package_fingerprint(package) == first and len(hashed) == 1
    (package / "notes.md").write_text("not fingerprinted")
    assert report_cache.package_fingerprint(package) == first and len(hashed) == 1
    (package / "data" / "rules.yml").write_text("a: 2\n")  # the same size
    os.utime(package / "data" / "rules.yml", ns=(5, 5))  # a coarse clock cannot hide it
    edited = report_cache.package_fingerprint(package)
    assert edited != first and len(hashed) == 2
    (package / "data" / "names.txt").write_text("Ana\n")
    assert report_cache.package_fingerprint(package) not in (first, edited)
    # The same contents, written again (a fresh checkout), give the same digest.
    (package / "data" / "names.txt").unlink()
    os.utime(package / "a.py", ns=(1, 1))
    assert report_cache.package_fingerprint(package) == edited
