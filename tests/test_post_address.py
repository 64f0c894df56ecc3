"""A post's address is computed once (publish/address.py) and agrees with Material's blog
plugin for every combination of the options that decide it.

Material is asked directly: MkDocs loads the hub's mkdocs.yml and runs the plugins' on_config
and on_files, where the blog plugin gives each post its URL (the same objects a build uses).
The CLI's addresses come from `carepress check`'s own reading of mkdocs.yml. A few of the
combinations are then built for real, and every output (page, snippet link, share kit, card)
is where the address says.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from urllib.parse import unquote

import pytest
from carepress.engine import check_front
from carepress.settings import load_settings
from conftest import BODY, Hub, build_in_process, clear_plugin_cache, make_hub, post_text
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

POSTS = {
    "anxiety-basics.md": dict(
        title="What Is Anxiety? A First Look", categories=["Anxiety", "Depression and Mood"],
        date="2026-03-14",
    ),
    "Grief_Notes.md": dict(
        title="Größe, Mut & Ärger: Notes on Change", categories=["Grief"],
        date="2026-01-05 10:30:00",
    ),
    "own-slug.md": dict(
        title="Starting Therapy", slug="starting-out", categories=["Starting Therapy"],
        date="2025-12-31",
    ),
}  # fmt: skip

FORMATS = ["{date}/{slug}", "{slug}", "{categories}/{slug}", "{file}", "{categories}/{date}/{file}"]
MAX_CATEGORIES = [1, 2]
SLUGIFY = {
    "material-default": "",
    "keep-case": "      post_slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: "
    "{case: none}}\n      post_slugify_separator: _\n",
    "percent-encoded": "      post_slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: "
    "{case: lower, percent_encode: true}}\n      categories_slugify: "
    "!!python/object/apply:pymdownx.slugs.slugify {kwds: {case: none}}\n",
}
DATES = [("yyyy/MM/dd", "en"), ("yyyy", "en"), ("MMMM", "de"), ("long", "fr")]
DIRECTORY_URLS = [True, False]


def _configure(
    hub: Hub, url_format: str, categories: int, slugify: str, date: tuple[str, str],
    directory_urls: bool,
) -> None:  # fmt: skip
    text = (hub.root / "mkdocs.sample.yml").read_text()
    options = (
        f'      post_url_format: "{url_format}"\n'
        f"      post_url_max_categories: {categories}\n"
        f'      post_url_date_format: "{date[0]}"\n' + SLUGIFY[slugify]
    )
    text = text.replace('      post_url_format: "{slug}"\n', options)
    text = text.replace("  language: en\n", f"  language: {date[1]}\n")
    text += f"use_directory_urls: {str(directory_urls).lower()}\n"
    (hub.root / "mkdocs.yml").write_text(text)


def _materials_addresses(hub: Hub) -> dict[str, str]:
    """Each post's URL as the blog plugin gives it, by its path in docs_dir."""
    clear_plugin_cache()
    config = load_config(str(hub.root / "mkdocs.yml"))
    # The blog plugin alone, as a build runs it up to the files: the others (CarePress's
    # checks, search's templates) take most of the time and give no address.
    blog = config.plugins["material/blog"]
    config = blog.on_config(config) or config
    files = get_files(config)
    files = blog.on_files(files, config=config) or files  # it changes them in place
    # Every post file, drafts too: this is about addresses, not what gets published.
    return {file.src_uri: file.url for file in files if file.src_uri.startswith("posts/")}


def _carepress_addresses(hub: Hub) -> dict[str, str]:
    settings = load_settings(hub.root / "mkdocs.yml")
    addresses = {}
    for path in settings.post_files():
        report = check_front(path, settings)
        assert report.address is not None, report.findings
        addresses[path.relative_to(settings.docs_dir).as_posix()] = report.address.path
    return addresses


@pytest.fixture(scope="module")
def address_hub(tmp_path_factory: pytest.TempPathFactory) -> Hub:
    hub = make_hub(tmp_path_factory.mktemp("addresses") / "hub")
    for name, meta in POSTS.items():
        hub.write_post(name, post_text(BODY, **meta))
    (hub.root / "mkdocs.sample.yml").write_text((hub.root / "mkdocs.yml").read_text())
    return hub


COMBINATIONS = list(
    itertools.product(FORMATS, MAX_CATEGORIES, SLUGIFY, DATES, DIRECTORY_URLS)
)


def test_the_table_covers_every_option() -> None:
    assert len(COMBINATIONS) == 5 * 2 * 3 * 4 * 2


@pytest.mark.parametrize("combination", COMBINATIONS, ids=lambda c: "-".join(map(str, c)))
def test_carepress_and_material_agree_on_every_post_address(
    address_hub: Hub, combination: tuple
) -> None:
    _configure(address_hub, *combination)
    materials = _materials_addresses(address_hub)
    assert set(materials) == {f"posts/{name}" for name in POSTS}
    assert _carepress_addresses(address_hub) == materials


def test_the_addresses_differ_where_the_options_do(address_hub: Hub) -> None:
    """Not a vacuous table: the options really move the posts."""
    seen = set()
    for combination in [
        ("{categories}/{slug}", 1, "material-default", DATES[0], True),
        ("{categories}/{slug}", 2, "material-default", DATES[0], True),
        ("{slug}", 1, "keep-case", DATES[0], True),
        ("{date}/{slug}", 1, "material-default", DATES[2], True),
        ("{file}", 1, "material-default", DATES[0], False),
    ]:
        _configure(address_hub, *combination)
        seen.add(tuple(sorted(_carepress_addresses(address_hub).values())))
    assert len(seen) == 5
    _configure(address_hub, "{date}/{slug}", 1, "material-default", DATES[2], True)
    march = "blog/M%C3%A4rz/what-is-anxiety-a-first-look/"
    assert march in _carepress_addresses(address_hub).values()


@pytest.mark.parametrize(
    "combination",
    [
        ("{categories}/{slug}", 2, "keep-case", DATES[0], True),  # the bug: max categories 2
        ("{file}", 1, "material-default", DATES[0], True),  # the bug: card under another name
        ("{categories}/{date}/{file}", 1, "percent-encoded", DATES[3], False),
    ],
    ids=["two-categories", "file-name", "no-directory-urls"],
)
def test_a_real_build_puts_every_output_where_the_address_says(
    tmp_path: Path, combination: tuple
) -> None:
    hub = make_hub(tmp_path / "hub")
    for name, meta in POSTS.items():
        hub.write_post(name, post_text(BODY, **meta))
    (hub.root / "mkdocs.sample.yml").write_text((hub.root / "mkdocs.yml").read_text())
    _configure(hub, *combination)
    built = build_in_process(hub.root, strict=True)
    assert built.ok, built.log
    site = hub.root / "site"
    posts = json.loads((site / "social" / "snippets.json").read_text())["posts"]
    assert len(posts) == len(POSTS)
    for post in posts:
        page = post["url"].removeprefix("https://learn.riverbend-therapy.example.org/")
        page = unquote(page)  # the file on disk
        target = site / (page + "index.html" if page.endswith("/") else page)
        assert target.is_file(), post["url"]
        assert "carepress-disclaimer" in target.read_text()
        for snippet in post["snippets"].values():
            link = snippet["link"]  # None where the platform takes no links (Instagram)
            assert link is None or link.startswith(post["url"]), (link, post["url"])
        card = post["card"]["url"].removeprefix("https://learn.riverbend-therapy.example.org/")
        assert (site / unquote(card)).is_file(), card
        kit = site / "social" / post["slug"]
        assert (kit / "index.html").is_file() or kit.with_suffix(".html").is_file()
        assert f'content="{post["card"]["url"]}"' in target.read_text()  # og:image


def test_a_build_stops_if_carepress_and_material_ever_disagree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard behind the table: links to a page that does not exist never publish."""
    import carepress.settings
    from carepress.publish.address import PostAddress

    hub = make_hub(tmp_path / "hub")
    hub.write_post("anxiety-basics.md", post_text(BODY, **POSTS["anxiety-basics.md"]))
    wrong = PostAddress("elsewhere", "blog/elsewhere/", "https://x.example/blog/elsewhere/", "")
    monkeypatch.setattr(carepress.settings, "address_of", lambda *args: wrong)
    built = build_in_process(hub.root)
    assert not built.ok
    assert "disagree on where posts land" in built.log
    assert "Material publishes it at blog/what-is-anxiety-a-first-look/" in built.log
    assert not (hub.root / "site").exists()
