"""`carepress verify SITE_DIR`: a built site held to the hub's posts, whatever built it.

From the sample hub's good build, each tampering below must be caught with its file, and
nothing else reported: the verdict is only worth something if it is neither blind nor noisy.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Hub, make_hub

DRAFT = "content/posts/setting-boundaries-with-family.md"
DRAFT_TITLE = "Setting Boundaries With Family"
DRAFT_SENTENCE = (
    "Boundaries can help. A boundary is not a wall. It is a clear, kind way of saying what "
    "works for you, so your relationships can feel more honest and less tense."
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Hub:
    hub = make_hub(tmp_path_factory.mktemp("verify") / "hub", with_sample_posts=True)
    result = hub.build("--strict")
    assert result.returncode == 0, result.stderr
    return hub


def _add(relative: str, data: bytes) -> Callable[[Path], None]:
    def apply(site: Path) -> None:
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_bytes(data)

    return apply


def _sqlite_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.sqlite3"
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE incidents (id INTEGER PRIMARY KEY, what TEXT)")
        db.close()
        return path.read_bytes()


def _where(finding: dict[str, object]) -> str:
    """The file under the site that a finding names (shown relative to the hub or not)."""
    path = "/" + str(finding["path"])
    return path.split("/site/", 1)[-1]


def _verify(hub: Hub, site: Path) -> list[dict[str, object]]:
    result = hub.carepress("verify", str(site), "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    findings = json.loads(result.stdout)
    assert (result.returncode == 1) == bool(findings)
    return findings


def test_the_good_build_verifies(built: Hub) -> None:
    result = built.carepress("verify")
    assert result.returncode == 0, result.stdout
    assert "safe to publish" in result.stdout


def _edit(relative: str, change: Callable[[str], str]) -> Callable[[Path], None]:
    def apply(site: Path) -> None:
        path = site / relative
        text = path.read_text(encoding="utf-8")
        changed = change(text)
        assert changed != text, f"the tampering did not apply to {relative}"
        path.write_text(changed, encoding="utf-8")

    return apply


def _before(marker: str, planted: str) -> Callable[[str], str]:
    """Plant text just before the first `marker` of a file."""
    return lambda text: text.replace(marker, planted + marker, 1)


def _remove(pattern: str) -> Callable[[str], str]:
    return lambda text: re.sub(pattern, "", text, count=1, flags=re.DOTALL)


def _plant_in_json_strings(relative_key: str) -> Callable[[str], str]:
    """Put the draft's sentence into a JSON file as its writer would (escaped)."""

    def change(text: str) -> str:
        data = json.loads(text)
        if relative_key == "docs":  # the search index
            data["docs"][0]["text"] += " " + DRAFT_SENTENCE.replace("’", "\u2019")
        else:
            data["posts"][0]["snippets"]["x"]["text"] += "\n" + DRAFT_SENTENCE
        return json.dumps(data)

    return change


CASES: dict[str, tuple[Callable[[Path], None], str, str]] = {
    # name: (tampering, the file reported, the rule)
    "disclaimer removed": (
        _edit("blog/sleep-and-mood/index.html",
              _remove(r'<aside class="carepress-disclaimer".*?</aside>')),
        "blog/sleep-and-mood/index.html", "site.safeguard",
    ),
    "banner hidden": (
        _edit("blog/grief-does-not-follow-a-schedule/index.html",
              lambda t: t.replace('data-carepress="content-warning"',
                                  'data-carepress="content-warning" hidden', 1)),
        "blog/grief-does-not-follow-a-schedule/index.html", "site.safeguard",
    ),
    "crisis box removed": (
        _edit("blog/how-to-ask-about-suicide/index.html",
              _remove(r'<aside class="admonition info carepress-crisis".*?</aside>')),
        "blog/how-to-ask-about-suicide/index.html", "site.safeguard",
    ),
    "a draft's title in a feed": (
        _edit("feeds/rss.xml", lambda t: t.replace(
            "<title>", f"<title>{DRAFT_TITLE}: ", 2)),
        "feeds/rss.xml", "site.unpublished",
    ),
    "a draft's sentence in the search index": (
        _edit("search/search_index.json", _plant_in_json_strings("docs")),
        "search/search_index.json", "site.unpublished",
    ),
    "a draft's sentence in snippets.json": (
        _edit("social/snippets.json", _plant_in_json_strings("posts")),
        "social/snippets.json", "site.unpublished",
    ),
    # Red-team pass 4 (Zensical): a link to a draft resolved by its file, or written as its
    # address without the closing slash, or not resolved at all.
    "a link to a draft's file address": (
        _edit("about/index.html", _before(
            "</main>", '<a href="../posts/setting-boundaries-with-family/">soon</a>')),
        "about/index.html", "site.unpublished",
    ),
    "a draft's address without its slash": (
        _edit("about/index.html", _before("</main>", '<a href="https://learn.riverbend-'
              'therapy.example.org/blog/setting-boundaries-with-family">soon</a>')),
        "about/index.html", "site.unpublished",
    ),
    # Red-team pass 5: the address as a server still finds it, or the slug in a sentence.
    "a draft's address with a doubled slash": (
        _edit("about/index.html", _before(
            "</main>", '<a href="/blog//setting-boundaries-with-family/">soon</a>')),
        "about/index.html", "site.unpublished",
    ),
    "a draft's slug in a sentence": (
        _edit("search/search_index.json", lambda t: t.replace(
            '"text":"', '"text":"Our next post, Setting-Boundaries-With-Family, is coming. ', 1)),
        "search/search_index.json", "site.unpublished",
    ),
    "a draft's file name": (
        _edit("feeds/rss.xml", _before("</description>", " setting-boundaries-with-family.md")),
        "feeds/rss.xml", "site.unpublished",
    ),
    # Any file can carry a draft's words, whatever its kind (a new-user tester put the plan's
    # .ics into docs_dir): only files whose first bytes hold a NUL (pictures, fonts) are not read.
    **{
        f"a draft's title in a {suffix} file": (
            _add(f"assets/plan{suffix}", f"SUMMARY:Draft due: {DRAFT_TITLE}\n".encode()),
            f"assets/plan{suffix}", "site.unpublished",
        )
        for suffix in (".ics", ".yml", ".svg", ".css", ".vcf", ".md")
    },
    # The practice's private records, whatever their names.
    "a SQLite database": (
        _add("assets/backup.bin", _sqlite_bytes()), "assets/backup.bin", "site.private-record",
    ),
    "an incident export": (
        _add("assets/inc.csv", "\ufeffid,when,platform,kind,what,done\n1,2026-12-01,x,y,z,w\n"
             .encode()), "assets/inc.csv", "site.private-record",
    ),
    # A new-user tester on three engines: the footer and the search entries' warnings
    # removed (by emptying their partials) published everywhere and verified.
    "the footer removed": (
        _edit("about/index.html", _remove(r'<aside class="carepress-footer.*?</aside>')),
        "about/index.html", "site.safeguard",
    ),
    "the footer's crisis link removed": (
        _edit("index.html", _remove(r'<a class="carepress-footer__help"[^>]*>[^<]*</a>')),
        "index.html", "site.safeguard",
    ),
    "the search entries' warnings removed": (
        _edit("search/search_index.json", lambda t: re.sub(
            r'<p class=\\"carepress-cw-label\\".*?</p>| — Content warning: [^"]*', "", t)),
        "search/search_index.json", "site.safeguard",
    ),
    "a script from another host": (
        _edit("about/index.html", _before(
            "</head>", '<script src="https://cdn.example.com/track.js"></script>')),
        "about/index.html", "site.third-party",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", list(CASES))
def test_each_tampering_is_caught_with_its_file_and_nothing_else(
    built: Hub, tmp_path: Path, name: str
) -> None:
    tamper, reported, rule = CASES[name]
    site = tmp_path / "site"
    shutil.copytree(built.site, site)
    tamper(site)
    findings = _verify(built, site)
    assert findings, f"{name}: not caught"
    shown = {(_where(f), f["rule"]) for f in findings}
    # The snippet text also changed what the check composes: a second, truthful finding.
    assert (reported, rule) in shown, findings
    assert {path for path, _ in shown} == {reported}, findings


def test_a_post_edited_after_the_build_makes_its_outputs_stale(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub", with_sample_posts=True)
    assert hub.build().returncode == 0
    old_feed = (hub.site / "feeds" / "rss.xml").read_bytes()
    post = hub.posts / "sleep-and-mood.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("\n\n", "\n\nSleep and mood affect each other every "
                                 "single night of the week.\n\n", 2).replace(
        "\n\nSleep and mood affect each other every single night of the week.\n\n", "\n\n", 1),
        encoding="utf-8")  # fmt: skip
    findings = _verify(hub, hub.site)
    stale = {_where(f) for f in findings if f["rule"] == "site.stale"}
    assert "blog/sleep-and-mood/index.html" in stale
    assert "feeds/rss.xml" in stale and "feeds/atom.xml" in stale
    assert all("sleep-and-mood" in str(f["message"]) for f in findings), findings
    # Rebuilt, the site is current again; an old feed copied back in is stale on its own.
    assert hub.build().returncode == 0
    assert _verify(hub, hub.site) == []
    (hub.site / "feeds" / "rss.xml").write_bytes(old_feed)
    findings = _verify(hub, hub.site)
    assert {_where(f) for f in findings} == {"feeds/rss.xml"}


def test_a_draft_published_by_another_engine_is_refused(built: Hub, tmp_path: Path) -> None:
    """An engine that ignores `draft:` (or a hand-copied folder) puts the draft's page up."""
    site = tmp_path / "site"
    shutil.copytree(built.site, site)
    page = site / "blog" / "setting-boundaries-with-family" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(f"<html><body><article><h1>{DRAFT_TITLE}</h1></article></body></html>")
    findings = _verify(built, site)
    assert {(_where(f), f["rule"]) for f in findings} == {
        ("blog/setting-boundaries-with-family/index.html", "site.unpublished")
    }
    assert DRAFT in str(findings[0]["message"])


def test_a_missing_card_and_a_stale_card_are_found(built: Hub, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built.site, site)
    cards = site / "assets" / "cards"
    (cards / "sleep-and-mood.png").unlink()
    shutil.copy(cards / "what-is-anxiety.png", cards / "understanding-depression.png")
    found = {(_where(f), f["rule"]) for f in _verify(built, site)}
    assert found == {
        ("assets/cards/sleep-and-mood.png", "site.output-missing"),
        ("assets/cards/understanding-depression.png", "site.stale"),
    }


def test_every_site_rule_is_registered_and_listed(hub: Hub) -> None:
    from carepress.verify import rules

    listed = {r["id"]: r for r in json.loads(hub.carepress("rules", "--format", "json").stdout)}
    ids = {v for k, v in vars(rules).items() if k.isupper() and isinstance(v, str)
           and v.startswith("site.")}  # fmt: skip
    assert {case[2] for case in CASES.values()} <= ids
    for rule in ids:
        assert listed[rule]["severity"] == "error" and not listed[rule]["adjustable"]


def test_no_site_is_a_clear_refusal(hub: Hub) -> None:
    result = hub.carepress("verify", "nowhere")
    assert result.returncode == 1 and "there is no built site here" in result.stdout


def test_a_banner_moved_after_the_text_is_caught_quoted_or_not(built: Hub, tmp_path: Path) -> None:
    """The banner must come before the post's first sentence, however a minifier wrote it."""
    site = tmp_path / "site"
    shutil.copytree(built.site, site)
    page = site / "blog" / "grief-does-not-follow-a-schedule" / "index.html"
    text = page.read_text(encoding="utf-8")
    banner = re.search(r'<section class="admonition warning carepress-cw".*?</section>', text,
                       re.S)  # fmt: skip
    assert banner is not None
    moved = text.replace(banner.group(0), "", 1)
    moved = moved.replace('<aside class="carepress-disclaimer"',
                          banner.group(0) + '<aside class="carepress-disclaimer"', 1)  # fmt: skip
    for variant in (moved, moved.replace('data-carepress="content-warning"',
                                         "data-carepress=content-warning")):  # fmt: skip
        page.write_text(variant, encoding="utf-8")
        findings = _verify(built, site)
        assert [(_where(f), f["rule"]) for f in findings] == [
            ("blog/grief-does-not-follow-a-schedule/index.html", "site.safeguard")
        ], findings
        assert "comes after the post's text" in str(findings[0]["message"])


def test_hostile_site_files_are_read_safely(tmp_path: Path) -> None:
    """A zip bomb among the site's files is not opened past the size a file may have, and
    JSON nested past reading is searched as text (a canary in it is still found)."""
    import gzip

    from carepress.verify.site_files import MAX_BYTES, SiteFiles

    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(b"\0" * (MAX_BYTES + 1024)))
    (tmp_path / "deep.json").write_text("[" * 100_000 + '"draft canary"' + "]" * 100_000)
    (tmp_path / "small.xml.gz").write_bytes(gzip.compress(b"<urlset>draft canary</urlset>"))
    read = {f.relative: f.text for f in SiteFiles(tmp_path).texts()}
    assert set(read) == {"deep.json", "small.xml.gz"}
    assert all("draft canary" in text for text in read.values())


def test_a_site_built_past_a_post_with_errors_names_the_post_not_hundreds_of_outputs(
    tmp_path: Path,
) -> None:
    """`zensical build` alone stops partway at a post with errors and leaves a partial site:
    verify once listed 207 missing outputs and never the post (a new-user tester's)."""
    hub = make_hub(tmp_path / "hub", with_sample_posts=True)
    assert hub.build("--strict").returncode == 0
    shutil.rmtree(hub.site / "social")  # as if CarePress's outputs were never written
    shutil.rmtree(hub.site / "feeds")
    broken = hub.posts / "undeclared.md"
    broken.write_text((hub.posts / "sleep-and-mood.md").read_text().replace(
        "<!-- more -->", "<!-- more -->\n\nSome readers have thought about suicide.\n", 1))
    findings = _verify(hub, hub.site)
    missing = [f for f in findings if f["rule"] == "site.output-missing"]
    assert any(str(f["path"]).endswith("content/posts/undeclared.md") for f in missing), missing
    assert len(missing) == 2, missing  # the post, and one line for every missing output
