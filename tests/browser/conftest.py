"""Fixtures for the reader-side tests: the sample hub served on 127.0.0.1, one headless
Chromium for the whole session (driven by Playwright, never downloading a browser), axe-core
from node_modules/, and the kinds of page a reader meets.

Without Chromium, Playwright or axe-core these tests are skipped with the reason; with
CI=true they fail instead, so CI can never pass by silently running none of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from carepress.archive.screenshots import served
from conftest import Hub

from browser.support import AXE, CHROMIUM_ARGS, OPTIONAL_KINDS, chromium_executable, unavailable

# Once, Chromium sat idle for twenty minutes inside one test on CI; a hard limit fails that
# test instead (the first browser test also pays for the session's browser and served hub).
BROWSER_TEST_TIMEOUT_S = 300


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.timeout(BROWSER_TEST_TIMEOUT_S))


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        unavailable("axe-core is not installed: run `npm ci` in the repository root")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = chromium_executable()
    if executable is None:
        unavailable(
            "Chromium is not installed (apt-get install chromium, or set CAREPRESS_CHROMIUM)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed: pip install -e '.[test]'")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()


@pytest.fixture(scope="session")
def base_url(sample_hub: Hub) -> Iterator[str]:
    """The built sample hub, served on 127.0.0.1 as `carepress archive` serves a site."""
    with served(sample_hub.site) as base:
        yield base


def _has(page: Path, marker: str) -> bool:
    return f'data-carepress="{marker}"' in page.read_text(encoding="utf-8")


def _first(paths: list[Path]) -> Path | None:
    return sorted(paths)[0] if paths else None


@pytest.fixture(scope="session")
def page_paths(sample_hub: Hub) -> dict[str, str]:
    """Kind of page -> its path under the site, found in the build (not hard-coded slugs)."""
    site = sample_hub.site
    views = {"archive", "category", "page"}
    posts = [p for p in site.glob("blog/*/index.html") if p.parent.name not in views]
    with_cw = [p for p in posts if _has(p, "content-warning")]
    # The fullest safeguarded page: a warning and the crisis box, when a post has both.
    with_crisis = [p for p in with_cw if _has(p, "crisis-box")]
    found: dict[str, Path | None] = {
        "home": site / "index.html",
        "articles": site / "blog" / "index.html",
        "post-with-cw": _first(with_crisis) or _first(with_cw),
        "post-without-cw": _first([p for p in posts if not _has(p, "content-warning")]),
        "archive": _first(list(site.glob("blog/archive/*/index.html"))),
        "category": _first(list(site.glob("blog/category/*/index.html"))),
        "crisis": site / "crisis" / "index.html",
        "about": site / "about" / "index.html",
        "social-media-policy": site / "social-media-policy" / "index.html",
        "crisis-protocol": site / "crisis-protocol" / "index.html",
        "not-found": site / "404.html",
        "share-kit": _first(list(site.glob("social/*/index.html"))),
        "subscribe": site / "subscribe" / "index.html",
    }
    paths = {}
    for kind, path in found.items():
        if path is None or not path.is_file():
            assert kind in OPTIONAL_KINDS, f"the sample hub has no {kind} page"
            continue
        relative = path.relative_to(site).as_posix()
        paths[kind] = relative.removesuffix("index.html")
    return paths


@pytest.fixture
def page_path(request: pytest.FixtureRequest, page_paths: dict[str, str]) -> str:
    """The path of the parametrised kind of page; skipped if this build has none (yet)."""
    kind = request.param
    if kind not in page_paths:
        pytest.skip(f"this build has no {kind} page")
    return page_paths[kind]
