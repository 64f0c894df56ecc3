"""On a 375-pixel-wide phone no page scrolls sideways, and the safeguards are on screen at a
readable size without zooming. Screenshots of the key pages land in test-artifacts/ for people
to look at (they are not compared)."""

from __future__ import annotations

from typing import Any

import pytest

from browser.support import KINDS, PHONE, artifact

# What each page must show: the post's own disclaimer on posts, the footer's short form
# elsewhere, and the banner and crisis box wherever the page has them.
SAFEGUARDS = ["disclaimer", "content-warning", "crisis-box"]
# The key pages, for people to look at: test-artifacts/phone-<kind>.png.
SCREENSHOTS = {"home", "post-with-cw", "post-without-cw", "crisis", "share-kit", "subscribe",
               "social-media-policy", "crisis-protocol"}
MIN_FONT_PX = 14  # the footer's short disclaimer is 0.7rem of 20px on a phone


@pytest.mark.parametrize("page_path", KINDS, indirect=True)
def test_no_sideways_scrolling_and_safeguards_fit_the_screen(
    browser: Any, base_url: str, page_path: str, request: pytest.FixtureRequest
) -> None:
    kind = request.node.callspec.params["page_path"]
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(base_url + page_path)
        widths = page.evaluate(
            "({scroll: document.documentElement.scrollWidth,"
            " client: document.documentElement.clientWidth})"
        )
        assert widths["client"] == PHONE["width"]
        wide = page.evaluate(
            """(limit) => [...document.querySelectorAll("body *")]
                .filter(e => e.getBoundingClientRect().right > limit + 1
                             && getComputedStyle(e).visibility !== "hidden")
                .slice(0, 5).map(e => e.tagName + "." + e.className)""",
            PHONE["width"],
        )
        assert widths["scroll"] <= widths["client"], f"{kind} scrolls sideways: {wide}"
        markers = [m for m in SAFEGUARDS if page.locator(f'[data-carepress="{m}"]').count()]
        if "disclaimer" not in markers:
            markers.append("disclaimer-short")
        for marker in markers:
            element = page.locator(f'[data-carepress="{marker}"]').first
            element.scroll_into_view_if_needed()
            assert element.is_visible(), f"{marker} is hidden on {kind}"
            box = element.bounding_box()
            assert box is not None and box["width"] > 0 and box["height"] > 0
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 0.5, (
                f"{marker} on {kind} does not fit the screen: {box}"
            )
            size = element.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
            assert size >= MIN_FONT_PX, f"{marker} on {kind} is {size}px: too small to read"
        if kind in SCREENSHOTS:
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=artifact(f"phone-{kind}.png"), full_page=True)
    finally:
        context.close()


def test_phone_dark_palette_screenshot_of_a_post_with_warnings(
    browser: Any, base_url: str, page_paths: dict[str, str]
) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(base_url + page_paths["post-with-cw"])
        assert page.locator('[data-carepress="content-warning"]').is_visible()
        # The banner and the help are on the first screen, before any of the article.
        for marker in ("content-warning", "crisis-box"):
            box = page.locator(f'[data-carepress="{marker}"]').bounding_box()
            assert box is not None and box["y"] < PHONE["height"] * 2, marker
        page.screenshot(path=artifact("phone-post-with-cw-dark.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize(
    ("kind", "where"),
    [("post-with-cw", '[data-carepress="crisis-box"] li'),
     ("crisis", ".carepress-crisis-region li"),
     ("home", ".carepress-footer")],
)  # fmt: skip
def test_a_thumb_taps_a_crisis_line_on_a_phone(
    browser: Any, base_url: str, page_paths: dict[str, str], kind: str, where: str
) -> None:
    """On a phone, the first crisis line is a link a thumb can hit: tapping it calls the
    number (tel:); the text and chat links beside it do what they say."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(base_url + page_paths[kind])
        # Where the tap lands, without leaving the page for the phone's dialler.
        page.evaluate("""document.addEventListener("click", (event) => {
            const link = event.target.closest("a");
            window.tapped = link ? link.getAttribute("href") : null;
            event.preventDefault();
        }, true)""")
        call = page.locator(f"{where} a.carepress-action--call").first
        call.scroll_into_view_if_needed()
        box = call.bounding_box()
        assert box is not None and box["width"] >= 44 and box["height"] >= 44, box
        call.tap()
        assert page.evaluate("window.tapped") == "tel:988"
        assert call.get_attribute("aria-label").startswith(call.inner_text().strip())
        if kind != "home":
            texts = page.locator(f"{where} a.carepress-action--text")
            hrefs = {texts.nth(i).get_attribute("href") for i in range(texts.count())}
            assert {"sms:988", "sms:741741?&body=HOME"} <= hrefs
    finally:
        context.close()


def test_the_byline_shows_on_a_phone(
    browser: Any, base_url: str, page_paths: dict[str, str]
) -> None:
    """Who wrote and who reviewed the post is in the post, not in a sidebar a phone hides."""
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(base_url + page_paths["post-with-cw"])
        byline = page.locator('[data-carepress="byline"]')
        assert byline.is_visible()
        box = byline.bounding_box()
        assert box is not None and box["y"] < PHONE["height"], "on the first screen"
        assert "Clinically reviewed by" in byline.inner_text()
    finally:
        context.close()
