"""Every page carries a Content-Security-Policy that lets the theme work (its inline scripts
allowed by hash, search, the palette switch) and nothing else: no page, used as a reader
uses it, reports a violation; and a script nobody listed is refused."""

from __future__ import annotations

from typing import Any

import pytest

from browser.support import CSP_RECORDER, KINDS, close_search, inspect_page, use_search


@pytest.mark.parametrize("page_path", KINDS, indirect=True)
def test_a_page_works_under_its_policy_with_no_violation(
    browser: Any, base_url: str, page_path: str
) -> None:
    context = browser.new_context()
    context.add_init_script(CSP_RECORDER)
    try:
        page = context.new_page()
        page.goto(base_url + page_path, wait_until="networkidle")
        # Search (its worker and index), and the palette switch (the theme's inline scripts).
        if use_search(page):
            close_search(page)
        toggles = page.locator("form[data-md-component=palette] label:visible")
        if toggles.count():
            toggles.first.click()
        violations = page.evaluate("window.__cspViolations")
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        page.close()
        assert "'unsafe-inline'" not in (policy or "") and "object-src 'none'" in (policy or "")
        assert violations == [], violations
        report = inspect_page(context, base_url + page_path, base_url.split("/")[2])
        assert report == {k: [] for k in report}, report
    finally:
        context.close()


def test_search_still_finds_articles_under_the_policy(browser: Any, base_url: str) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base_url, wait_until="networkidle")
        assert use_search(page)
        results = page.locator(".md-search-result__item")
        results.first.wait_for(timeout=15_000)
        assert results.count() > 0
    finally:
        context.close()


def test_a_script_the_policy_does_not_list_is_refused_and_reported(
    browser: Any, base_url: str
) -> None:
    """The control: an inline script injected into a page (as a hostile template would
    have it) does not run, and the recorder sees the violation."""
    context = browser.new_context()
    context.add_init_script(CSP_RECORDER)
    try:
        page = context.new_page()
        page.goto(base_url, wait_until="networkidle")
        page.evaluate(
            "() => { const s = document.createElement('script');"
            " s.textContent = 'window.__ran = true'; document.body.append(s); }"
        )
        assert page.evaluate("window.__ran === true") is False
        assert any("script-src" in v for v in page.evaluate("window.__cspViolations"))
    finally:
        context.close()
