"""A reader's browser talks to the hub and to no one else: no fonts, scripts or analytics from
other hosts, and a link out tells the other site only which site the reader came from."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from browser.support import KINDS, use_search


def _local(url: str, base_url: str) -> bool:
    return urlsplit(url).netloc == urlsplit(base_url).netloc or url.startswith(
        ("data:", "blob:", "about:")
    )


def _record_requests(context: Any, base_url: str) -> list[str]:
    """Every address the pages of `context` ask for; other hosts are refused, not reached."""
    requested: list[str] = []
    # Only what a page asks for (documents, workers, fetches): Chromium's own background
    # traffic is not the page's, and the launch flags switch it off anyway.
    context.on("request", lambda request: requested.append(request.url))
    context.on("websocket", lambda socket: requested.append(socket.url))
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if _local(route.request.url, base_url)
            else route.abort("blockedbyclient")
        ),
    )
    return requested


@pytest.mark.parametrize("page_path", KINDS, indirect=True)
def test_a_page_requests_nothing_from_other_hosts(
    browser: Any, base_url: str, page_path: str
) -> None:
    context = browser.new_context()
    requested = _record_requests(context, base_url)
    page = context.new_page()
    try:
        page.goto(base_url + page_path)
        # The search box loads its index and worker on demand: use it too, then let every
        # late request (lazy images, the worker's fetches) happen.
        use_search(page)
        page.wait_for_load_state("networkidle")
        third_party = sorted({url for url in requested if not _local(url, base_url)})
        assert requested, "the page was not loaded"
        assert third_party == [], f"{page_path or 'home'} asked other hosts for {third_party}"
    finally:
        context.close()


@pytest.mark.parametrize("page_path", KINDS, indirect=True)
def test_no_request_of_a_page_fails(browser: Any, base_url: str, page_path: str) -> None:
    """Every request a page makes succeeds: no 404 for a file the theme guesses at (Material
    fetches a sitemap.xml beside every <link rel="alternate">, feeds included)."""
    context = browser.new_context()
    failed: list[str] = []
    context.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400
               else None)  # fmt: skip
    context.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}"))
    page = context.new_page()
    try:
        page.goto(base_url + page_path, wait_until="networkidle")
        use_search(page)
        page.wait_for_load_state("networkidle")
        assert failed == [], f"{page_path or 'home'}: {failed}"
    finally:
        context.close()


def test_the_recorder_would_see_a_tracker(browser: Any, base_url: str) -> None:
    """The control: a page that does call a third party is caught (past the page's
    Content-Security-Policy, which would refuse the call before any request is made)."""
    context = browser.new_context(bypass_csp=True)
    requested = _record_requests(context, base_url)
    page = context.new_page()
    try:
        page.goto(base_url, wait_until="networkidle")
        # Awaited: the request has been seen (and refused) when evaluate returns.
        page.evaluate("fetch('https://tracker.example/pixel.gif').catch(() => null)")
        assert any(url.startswith("https://tracker.example/") for url in requested), requested
    finally:
        context.close()


def test_a_link_out_sends_only_the_origin_as_referrer(
    browser: Any, base_url: str, page_paths: dict[str, str]
) -> None:
    context = browser.new_context()
    referrers: list[str | None] = []

    def route(route: Any) -> None:
        request = route.request
        if _local(request.url, base_url):
            route.continue_()
        elif request.is_navigation_request():
            # Stand in for the other site: nothing leaves the machine.
            referrers.append(request.headers.get("referer"))
            route.fulfill(status=200, content_type="text/html", body="<title>Elsewhere</title>")
        else:
            route.abort("blockedbyclient")

    context.route("**/*", route)
    page = context.new_page()
    try:
        post = page_paths["post-with-cw"]
        page.goto(base_url + post)
        policy = page.locator('meta[name="referrer"]').get_attribute("content")
        assert policy == "strict-origin-when-cross-origin"
        link = page.locator('article a[href^="https://"]').first
        href = link.get_attribute("href")
        assert "noopener" in (link.get_attribute("rel") or "").split()
        with page.expect_navigation():
            link.click()
        assert page.title() == "Elsewhere", f"followed {href}"
        # The health article's address stays on the hub; the other site sees only the origin.
        assert referrers == [base_url]
    finally:
        context.close()
