"""CarePress on the engines a practice may run, each producing a safe site or refusing loudly.

Zensical (tests at the end) is run as installed from the package index when it could be.

ProperDocs (the maintained fork of MkDocs 1.6) is run with the `mkdocs` package absent, as a
practice that has moved to it would have it: the environment is the test environment less
MkDocs itself (linked file by file into a folder on the path), with what the `properdocs`
extra declares (Material then needs `mergedeep`, which MkDocs used to bring). Its site must be
the MkDocs build's, file for file, and pass `carepress verify`.
"""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import subprocess
import sysconfig
import venv
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import BIN, ENV, REPO, Hub, make_hub, post_text

SITE_PACKAGES = Path(sysconfig.get_paths()["purelib"])


def _without_mkdocs(root: Path) -> Path:
    """A Python environment that has everything the test one has but MkDocs."""
    venv.EnvBuilder(with_pip=False).create(root / "env")
    python = root / "env" / "bin" / "python"
    shelf = root / "packages"
    shelf.mkdir()
    for entry in SITE_PACKAGES.iterdir():
        name = entry.name
        mkdocs_itself = name == "mkdocs" or (
            name.startswith("mkdocs-") and name.endswith(".dist-info")
        )
        if not mkdocs_itself and not name.endswith(".pth"):
            (shelf / name).symlink_to(entry)
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    # CarePress from the source tree (its entry points come from its dist-info on the shelf).
    Path(purelib, "test-env.pth").write_text(f"{shelf}\n{REPO / 'plugins'}\n")
    return python


@pytest.fixture(scope="module")
def properdocs_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("properdocs", reason="install the test extra (it includes properdocs)")
    return _without_mkdocs(tmp_path_factory.mktemp("properdocs"))


def _run(python: Path, hub: Hub, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(python), *args], cwd=hub.root, env={**ENV, "PYTHONPATH": ""},
                          capture_output=True, text=True, timeout=300)  # fmt: skip


def test_the_environment_really_lacks_mkdocs(properdocs_python: Path, tmp_path: Path) -> None:
    found = subprocess.run(
        [str(properdocs_python), "-c",
         "import importlib.util, importlib.metadata as m\n"
         "print(importlib.util.find_spec('mkdocs'))\n"
         "print(m.version('properdocs'), m.version('mergedeep'), m.version('carepress'))"],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": ""},
    ).stdout.split("\n")  # fmt: skip
    assert found[0] == "None"
    assert found[1].startswith("1.6.")


def _tree(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_properdocs_alone_builds_the_mkdocs_site_file_for_file(
    properdocs_python: Path, sample_hub: Hub, tmp_path: Path
) -> None:
    hub = make_hub(tmp_path / "hub", with_sample_posts=True, carousels=True)  # as the sample
    result = _run(properdocs_python, hub, "-m", "properdocs", "build", "--strict",
                  "--site-dir", "site", "--config-file", "mkdocs.yml")  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert (hub.site / "feeds" / "rss.xml").is_file(), "CarePress ran under ProperDocs"
    ours, theirs = _tree(hub.site), _tree(sample_hub.site)
    assert ours == theirs
    different = [
        name
        for name in sorted(ours)
        if not filecmp.cmp(hub.site / name, sample_hub.site / name, shallow=False)
    ]
    assert different == []
    verified = _run(properdocs_python, hub, "-m", "carepress.cli", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_the_properdocs_extra_declares_what_material_needs_without_mkdocs() -> None:
    from importlib.metadata import requires

    declared = [r for r in requires("carepress") or [] if 'extra == "properdocs"' in r]
    names = {r.split(";")[0].split(">")[0].split("<")[0].split("=")[0].strip() for r in declared}
    assert {"properdocs", "mergedeep"} <= names, declared


# --- Zensical ---------------------------------------------------------------------------
# It reads mkdocs.yml, renders with Python-Markdown and the hub's markdown_extensions, and
# skips the carepress plugin. The sample hub lists carepress.markdown_safeguards, which puts
# the safeguards into each post as Zensical renders it; `carepress publish` then writes the
# feeds, share kits and cards.


@pytest.fixture(scope="module")
def zensical() -> str:
    found = pytest.importorskip(
        "zensical", reason="Zensical is not installable here (tasks.py installs it when it can)"
    )
    from importlib.metadata import version

    assert found is not None
    return version("zensical")


def _zensical_build(hub: Hub) -> subprocess.CompletedProcess[str]:
    shutil.rmtree(hub.root / ".cache", ignore_errors=True)  # Zensical keeps renders there
    return hub.run(str(BIN / "zensical"), "build", timeout=300)


def test_carepress_build_with_zensical_checks_builds_and_publishes_a_verified_site(
    zensical: str, sample_hub: Hub, tmp_path: Path
) -> None:
    """`carepress build --engine zensical` is `carepress check`, `zensical build` and
    `carepress publish` in one command (the steps are tested apart below)."""
    hub = make_hub(tmp_path / "hub", with_sample_posts=True, carousels=True)  # as the sample
    published = hub.carepress("build", "--engine", "zensical")
    assert published.returncode == 0, published.stdout + published.stderr
    assert "No problems found" in published.stdout
    assert "safe to publish" in published.stdout
    # The same writers from the same posts: the feeds and snippets are the MkDocs build's.
    for name in ("feeds/rss.xml", "feeds/atom.xml", "feeds/feed.json", "social/snippets.json"):
        assert (hub.site / name).read_bytes() == (sample_hub.site / name).read_bytes(), name
    page = (hub.site / "blog" / "how-to-ask-about-suicide" / "index.html").read_text()
    for marker in ("disclaimer", "content-warning", "crisis-box", "sources"):
        assert f'data-carepress="{marker}"' in page
    # Zensical's search entries of a warned post start with its warning, as Material's do
    # (a new-user tester found none).
    entries = json.loads((hub.site / "search.json").read_text())["items"]
    warned = [e for e in entries if e["location"].startswith("blog/how-to-ask-about-suicide/")]
    assert warned and all("Content warning:" in e["text"][:200] for e in warned)
    assert "Content warning: suicide" in next(e for e in warned if "#" not in e["location"])[
        "title"
    ]
    assert "[@" not in page  # citations rendered
    crisis = (hub.site / "crisis" / "index.html").read_text()
    assert "carepress-crisis-region" in crisis and "988" in crisis
    # The crisis box's link to other countries' lines leads to the crisis page, also where
    # the site is served from a folder (a browser would forgive one '..' too many at the root).
    href = re.search(r'See <a href="([^"]+)">crisis lines in other countries', page)
    assert href is not None
    base = "https://hub.example/learn/blog/how-to-ask-about-suicide/"
    assert urljoin(base, href.group(1)) == "https://hub.example/learn/crisis/"


def test_zensical_without_the_extension_is_refused_with_the_way_out(
    zensical: str, tmp_path: Path
) -> None:
    hub = make_hub(tmp_path / "hub", with_sample_posts=True, carousels=True)  # as the sample
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - carepress.markdown_safeguards\n", ""))
    assert _zensical_build(hub).returncode == 0  # Zensical says nothing about the plugin
    verified = hub.carepress("verify", "--format", "json")
    assert verified.returncode == 1
    findings = json.loads(verified.stdout)
    rules = {f["rule"] for f in findings}
    assert {"site.safeguard", "site.output-missing"} <= rules
    safeguard = next(f for f in findings if f["rule"] == "site.safeguard")
    assert "carepress.markdown_safeguards" in safeguard["hint"]
    assert "CarePress did not run on this page" in safeguard["hint"]


def test_publish_refuses_a_hub_with_a_broken_post_and_writes_nothing(
    zensical: str, tmp_path: Path
) -> None:
    """A post with an error stops `mkdocs build` even when it is dated in the future; it
    stops `carepress publish` too, though Zensical left the post out without a word."""
    hub = make_hub(tmp_path / "hub", with_sample_posts=True, carousels=True)  # as the sample
    hub.write_post("broken.md", post_text(title="Later", date="2099-01-01",
                                          audience=["everyone"]))  # fmt: skip
    assert _zensical_build(hub).returncode == 0
    published = hub.carepress("publish")
    assert published.returncode == 1
    assert "nothing was published: posts with errors: content/posts/broken.md" in (
        published.stderr
    )
    assert "Traceback" not in published.stderr
    assert not (hub.site / "feeds").exists() and not (hub.site / "social").exists()


def test_a_changed_carepress_option_reaches_every_zensical_page(
    zensical: str, tmp_path: Path
) -> None:
    """Zensical keeps each page's render by its Markdown alone: `collapse_warnings` added
    after a first build never folded a post (a new-user tester's)."""
    hub = make_hub(tmp_path / "hub", with_sample_posts=True)
    assert hub.carepress("build", "--engine", "zensical").returncode == 0
    page = hub.site / "blog" / "how-to-ask-about-suicide" / "index.html"
    assert "carepress-gate" not in page.read_text()
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - carepress:\n", "  - carepress:\n      collapse_warnings: [suicide, self-harm]\n", 1))
    built = hub.carepress("build", "--engine", "zensical")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "carepress-gate" in page.read_text()


def test_carepress_build_with_zensical_builds_nothing_while_a_post_has_an_error(
    zensical: str, tmp_path: Path
) -> None:
    """Every finding first, in the check's words, and no partial site: Zensical itself would
    stop at the first refused post, inside its own traceback."""
    hub = make_hub(tmp_path / "hub", with_sample_posts=True, carousels=True)  # as the sample
    post = hub.posts / "sleep-and-mood.md"
    post.write_text(post.read_text() + "\n\nIn 2024, 42% of adults slept badly.\n")
    built = hub.carepress("build", "--engine", "zensical")
    assert built.returncode == 1
    assert "content/posts/sleep-and-mood.md:" in built.stdout
    assert "without a source" in built.stdout
    assert "nothing was built" in built.stderr
    assert "Traceback" not in built.stdout + built.stderr
    assert not hub.site.exists()


def _include_a_missing_partial(hub: Hub) -> None:
    """A partial gone that `carepress check` cannot see (a deleted one it names: its name is
    made as the page renders), so only the render finds it."""
    partial = hub.root / "overrides" / "partials" / "carepress-post.html"
    partial.write_text('{% include "partials/carepress-" ~ "gone.html" %}\n', encoding="utf-8")


def test_a_refusal_inside_zensical_is_its_message_not_a_traceback(
    zensical: str, tmp_path: Path
) -> None:
    """What only the render finds (here: the theme lacks the post's partial) stops Zensical;
    the command shows CarePress's message, not the Python traceback Zensical wraps it in."""
    hub = make_hub(tmp_path / "hub", with_sample_posts=True, carousels=True)  # as the sample
    _include_a_missing_partial(hub)
    built = hub.carepress("build", "--engine", "zensical")
    assert built.returncode == 1
    assert ("carepress: zensical stopped: UnsafePost: CarePress: the theme overrides lack "
            "partials/carepress-gone.html") in built.stderr
    assert "Traceback (most recent call last)" not in built.stdout + built.stderr



def test_a_refused_zensical_build_leaves_the_last_good_site(
    zensical: str, tmp_path: Path
) -> None:
    """Zensical writes into the site as it goes; when it stops partway (a new-user tester
    found a 45-file site where a 330-file one had been), the last good site comes back."""
    hub = make_hub(tmp_path / "hub", with_sample_posts=True, carousels=True)  # as the sample
    assert hub.carepress("build", "--engine", "zensical").returncode == 0
    before = sorted(p.relative_to(hub.site) for p in hub.site.rglob("*"))
    _include_a_missing_partial(hub)
    built = hub.carepress("build", "--engine", "zensical")
    assert built.returncode == 1
    assert "zensical stopped" in built.stderr and "the last good site, unchanged" in built.stderr
    assert sorted(p.relative_to(hub.site) for p in hub.site.rglob("*")) == before
    assert not list(hub.root.glob(".*carepress-previous"))

def test_zensical_stops_on_a_post_the_checks_refuse(zensical: str, tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub", with_sample_posts=True, carousels=True)  # as the sample
    post = hub.posts / "sleep-and-mood.md"
    post.write_text(post.read_text() + "\n\nIn 2024, 42% of adults slept badly.\n")
    built = _zensical_build(hub)
    assert built.returncode != 0
    assert "CarePress refuses content/posts/sleep-and-mood.md" in built.stdout + built.stderr
    assert "without a source" in built.stdout + built.stderr


# Red-team pass 4 attacked the Zensical path: each of these reached a site that
# `carepress publish` verified.
ZENSICAL_INTRO = "A walk can help when the day feels heavy.\n\n<!-- more -->\n\n"


def _page_handlers(page: Path) -> list[str]:
    """Every event-handler attribute and script source in a built page, parsed."""
    import lxml.html

    root = lxml.html.fromstring(page.read_bytes())
    found = [f"{el.tag} {name}" for el in root.iter() if isinstance(el.tag, str)
             for name in el.attrib if name.lower().startswith("on")]  # fmt: skip
    return found + [f"img {el.get('src')}" for el in root.iter("img") if el.get("src") == "x"]


def test_zensical_prints_headings_in_the_contents_as_text(zensical: str, tmp_path: Path) -> None:
    """Zensical prints each contents entry's HTML (or its data-toc-label) as it is, after
    regular expressions that can turn an attribute's value into a handler."""
    hub = make_hub(tmp_path / "hub", with_sample_posts=True, carousels=True)
    body = ZENSICAL_INTRO + (
        "## Why a walk helps { data-toc-label='<img alt=\"\" src=x onerror=alert(1)>Help' }\n\n"
        "Text.\n\n"
        "### Walk <span title='id=\"'>' autofocus tabindex=1 onfocus='alert(1)' x=</span>\n\n"
        "More text.\n"
    )
    hub.write_post("walk.md", post_text(body=body, slug="walk"))
    built = _zensical_build(hub)
    assert built.returncode == 0, built.stdout + built.stderr
    assert _page_handlers(hub.site / "blog" / "walk" / "index.html") == []


def test_zensical_publishes_a_page_as_the_allowlist_writes_it(
    zensical: str, tmp_path: Path
) -> None:
    """An element a post leaves open is closed where its paragraph ends: a browser would
    otherwise open it again around the disclaimer (`headerlink` made it invisible)."""
    import lxml.html

    hub = make_hub(tmp_path / "hub", with_sample_posts=True, carousels=True)
    body = ZENSICAL_INTRO + "## Why\n\nMoving can calm the mind a little. <b>\n"
    hub.write_post("walk.md", post_text(body=body, slug="walk"))
    built = _zensical_build(hub)
    assert built.returncode == 0, built.stdout + built.stderr
    page = lxml.html.fromstring((hub.site / "blog" / "walk" / "index.html").read_bytes())
    disclaimer = page.xpath("//*[@data-carepress='disclaimer']")[0]
    assert not [el.tag for el in disclaimer.iterancestors() if el.tag == "b"]
    assert "a little. <b></b></p>" in (hub.site / "blog" / "walk" / "index.html").read_text()
    # A page that is not a post is held to the allowlist too.
    about = hub.root / "content" / "about.md"
    about.write_text(about.read_text() + "\n<img src=x onerror=alert(1)>\n")
    refused = _zensical_build(hub)
    assert refused.returncode != 0
    assert "CarePress refuses content/about.md" in refused.stdout + refused.stderr
    assert "onerror" in refused.stdout + refused.stderr


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda text: text + "\n[Call 988](https://evil.example.com/) any time.\n",
         "offers 988 Suicide & Crisis Lifeline"),
        (lambda text: text.replace("title: About this site",
                                   "title: 'About <img src=x onerror=alert(1)> this site'"),
         "markup"),
    ],
)  # fmt: skip
def test_zensical_holds_a_page_that_is_not_a_post_to_the_checks(
    zensical: str, tmp_path: Path, change: Callable[[str], str], said: str
) -> None:
    """Red-team pass 5: a decoy crisis link and a title that ran script on the About page
    reached a site `carepress publish` verified."""
    hub = make_hub(tmp_path / "hub", with_sample_posts=True, carousels=True)
    about = hub.root / "content" / "about.md"
    about.write_text(change(about.read_text()))
    built = _zensical_build(hub)
    out = built.stdout + built.stderr
    assert built.returncode != 0, out
    assert "CarePress refuses content/about.md" in out and said in out


@pytest.mark.parametrize(
    ("where", "link"),
    [
        ("content/posts/walk.md", "Read [our myths page](eating-disorder-myths.md)."),
        ("content/posts/walk.md", 'Read <a href="eating-disorder-myths.md">our myths page</a>.'),
        ("content/about.md", "Coming soon: [myths](posts/eating-disorder-myths.md)."),
    ],
)
def test_zensical_stops_on_a_link_to_a_draft(
    zensical: str, tmp_path: Path, where: str, link: str
) -> None:
    """Zensical resolves a link to a draft by its file ("../posts/eating-disorder-myths/")
    and writes it in the page and every feed."""
    hub = make_hub(tmp_path / "hub", with_sample_posts=True, carousels=True)
    hub.write_post("walk.md", post_text(body=ZENSICAL_INTRO + "## More\n\nText.\n", slug="walk"))
    path = hub.root / where
    path.write_text(path.read_text() + f"\n{link}\n")
    built = _zensical_build(hub)
    assert built.returncode != 0
    out = built.stdout + built.stderr
    assert f"CarePress refuses {where}" in out
    assert "a link to content/posts/eating-disorder-myths.md, which is a draft" in out
