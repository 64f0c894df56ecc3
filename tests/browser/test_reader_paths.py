"""The ways a reader, sometimes in distress and often on a phone, reaches a post's warning and
help: skipping the navigation, landing mid-post from a link, searching, the crisis page's first
screen, the header's crisis link, tap targets; and no page's script fails."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import quote

import pytest

from browser.support import KINDS, search_results, use_search

SMALL_PHONE = {"width": 375, "height": 667}  # an iPhone SE: the fold the reader test used


def _errors(page: Any) -> list[str]:
    """Script errors and console errors as the page logs them, and the page's own requests
    that fail (Chromium's console also logs its own /favicon.ico request, which the share
    kits, written without a favicon link, do not make: that one is left out)."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return errors


@pytest.mark.parametrize("page_path", KINDS, indirect=True)
def test_no_page_logs_a_script_error(browser: Any, base_url: str, page_path: str) -> None:
    """carepress-share.js once declared a top-level `palette`, which Material's inline script
    declares too: the whole file failed on every theme page."""
    context = browser.new_context()
    try:
        page = context.new_page()
        errors = _errors(page)
        page.goto(base_url + page_path, wait_until="networkidle")
        assert errors == [], f"{page_path or 'home'}: {errors}"
    finally:
        context.close()


def test_skip_to_content_lands_on_the_warning_then_its_way_out(
    browser: Any, base_url: str, page_paths: dict[str, str]
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(base_url + page_paths["post-with-cw"])
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('md-skip')")
        page.keyboard.press("Enter")
        top = page.evaluate("document.getElementById('carepress-cw').getBoundingClientRect().top")
        assert 0 <= top < 200, f"the banner is not at the top after skipping: {top}"
        # The next Tab is the banner's own way out, before anything of the article.
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.className")
        assert "carepress-cw__way" in focused, focused
        # A post without warnings skips to its title.
        page.goto(base_url + page_paths["post-without-cw"])
        assert page.locator(".md-skip").get_attribute("href") == "#carepress-title"
        assert page.locator("h1#carepress-title").count() == 1
    finally:
        context.close()


def test_a_reader_who_lands_mid_post_meets_the_warning_and_help(
    browser: Any, base_url: str, page_paths: dict[str, str]
) -> None:
    with _on_a_phone_at_a_warned_post(browser, base_url + page_paths["post-with-cw"]) as (
        page,
        errors,
        path,
        labels,
    ):
        section = page.evaluate("[...document.querySelectorAll('article h2[id]')].at(-2).id")
        page.goto(f"{path}?h=suicide#{section}", wait_until="load")
        notice = page.locator(".carepress-cw-notice")
        assert notice.count() == 1
        box = notice.bounding_box()
        assert box is not None and box["y"] >= 0
        assert box["y"] + box["height"] <= SMALL_PHONE["height"], box
        text = notice.inner_text()
        assert text.startswith("Content warning:")
        assert all(label in text for label in labels), (labels, text)
        hrefs = [a.get_attribute("href") for a in notice.locator("a").all()]
        assert hrefs[0] == "#carepress-cw" and hrefs[1] == "#carepress-crisis"
        for a in notice.locator("a").all():
            assert a.bounding_box()["height"] >= 44
        page.wait_for_function("document.activeElement?.classList.contains('carepress-cw-notice')")
        # Its link to the banner goes there.
        notice.locator("a").first.tap()
        page.wait_for_function("location.hash === '#carepress-cw'")
        assert page.locator("#carepress-cw").bounding_box()["y"] < SMALL_PHONE["height"]
        # Opened at its top, the post shows no notice: the banner is there.
        page.goto(path)
        assert page.locator(".carepress-cw-notice").count() == 0
        assert errors == []


@contextmanager
def _on_a_phone_at_a_warned_post(
    browser: Any, path: str
) -> Iterator[tuple[Any, list[str], str, list[str]]]:
    """A phone's page at the top of a warned post: the page, its script errors as they come,
    the post's address and the warnings its banner names."""
    context = browser.new_context(viewport=SMALL_PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        errors = _errors(page)
        page.goto(path)
        labels = page.locator('[data-carepress="content-warning"] strong').all_inner_texts()
        yield page, errors, path, labels
    finally:
        context.close()


def _last_paragraph_words(page: Any) -> str:
    """Words of the post's last long paragraph, for a #:~:text= link to it."""
    return page.evaluate(
        "[...document.querySelectorAll('article > p')].map(p => p.textContent.trim())"
        ".filter(t => t.split(' ').length > 8).at(-1).split(' ').slice(0, 4).join(' ')"
    )


def test_a_search_engines_highlight_link_lands_on_the_notice_too(
    browser: Any, base_url: str, page_paths: dict[str, str]
) -> None:
    """A text fragment (#:~:text=, what search engines and "Copy link to highlight" make)
    scrolls the page with no hash the script can read (a sixth red team, case 01)."""
    with _on_a_phone_at_a_warned_post(browser, base_url + page_paths["post-with-cw"]) as (
        page,
        errors,
        path,
        labels,
    ):
        words = _last_paragraph_words(page)
        page.goto("about:blank")
        page.goto(f"{path}#:~:text={quote(words)}", wait_until="load")
        notice = page.locator(".carepress-cw-notice")
        notice.wait_for(timeout=5000)
        assert page.evaluate("window.scrollY") > 0
        box = notice.bounding_box()
        assert box is not None and 0 <= box["y"] < SMALL_PHONE["height"], box
        assert all(label in notice.inner_text() for label in labels)
        assert errors == []


@pytest.mark.parametrize("fragment", ["%E0zz", "%", "nowhere"])
def test_a_fragment_that_names_nothing_breaks_nothing(
    browser: Any, base_url: str, page_paths: dict[str, str], fragment: str
) -> None:
    """An undecodable fragment once threw "URI malformed" on every load (case 02)."""
    context = browser.new_context(viewport=SMALL_PHONE)
    try:
        page = context.new_page()
        errors = _errors(page)
        page.goto(f"{base_url}{page_paths['post-with-cw']}#{fragment}", wait_until="load")
        page.wait_for_timeout(300)
        assert page.locator(".carepress-cw-notice").count() == 0  # at the top: the banner
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize(
    ("restyled", "said"),
    [("<b>", "discusses"), ("<span>", "This article discusses")],
    ids=["bold", "no-emphasis"],
)
def test_a_restyled_banner_still_names_its_warnings_in_the_notice(
    browser: Any, base_url: str, page_paths: dict[str, str], restyled: str, said: str
) -> None:
    """A practice may restyle the banner's partial: the notice once read its <strong>s only
    and said "this article discusses ." (case 04)."""
    context = browser.new_context(viewport=SMALL_PHONE)
    try:
        page = context.new_page()
        path = base_url + page_paths["post-with-cw"]
        tag = restyled.strip("<>")

        def restyle(route: Any) -> None:
            body = route.fetch().text()
            body = body.replace("<strong>", restyled).replace("</strong>", f"</{tag}>")
            route.fulfill(body=body, headers={"content-type": "text/html; charset=utf-8"})

        page.route(path + "*", restyle)
        page.goto(path)
        labels = page.locator(f'[data-carepress="content-warning"] {tag}').all_inner_texts()
        section = page.evaluate("[...document.querySelectorAll('article h2[id]')].at(-2).id")
        page.goto("about:blank")
        page.goto(f"{path}#{section}", wait_until="load")
        text = page.locator(".carepress-cw-notice").inner_text()
        assert said in text and " ." not in text, text
        assert all(label.strip() in text for label in labels if label.strip()), (labels, text)
    finally:
        context.close()


@pytest.mark.parametrize(
    "query",
    ["suicide", "crisis", "988", "suicidal", "self harm", "hopeless", "hotline",
     "kill myself", "emergency"],
)  # fmt: skip
def test_searching_in_distress_finds_the_crisis_page_first(
    browser: Any, base_url: str, query: str
) -> None:
    # Material's own index and ranking, the same at every width (use_search types into the
    # field, which a phone shows once its search button is tapped).
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(base_url, wait_until="networkidle")
        assert use_search(page, query)
        hrefs = [r["href"] for r in search_results(page)]
        assert hrefs[0].split("?")[0].endswith("/crisis/"), f"{query!r}: first result {hrefs[0]}"
        protocol = [i for i, h in enumerate(hrefs) if "/crisis-protocol/" in h]
        assert all(i > 0 for i in protocol)
        # And a way to help under the results, whatever they are.
        assert page.locator(".carepress-search-help a").is_visible()
    finally:
        context.close()


def test_a_warned_post_in_search_results_shows_its_warning_first(
    browser: Any, base_url: str
) -> None:
    # Material's own index and ranking, the same at every width (use_search types into the
    # field, which a phone shows once its search button is tapped).
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(base_url, wait_until="networkidle")
        assert use_search(page, "warning signs")
        warned = [r for r in search_results(page) if "/blog/" in r["href"]]
        assert warned
        assert any("Content warning:" in r["text"] for r in warned)
    finally:
        context.close()


def test_a_search_that_matches_one_section_of_a_warned_post_shows_its_warning(
    browser: Any, base_url: str, page_paths: dict[str, str]
) -> None:
    """Material shows only the blocks of an entry that match the query: words from one
    section, away from the warning, once showed the section with no warning (a sixth red
    team, case 17). The page's title over the results names the warning."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        post = page_paths["post-with-cw"]
        page.goto(base_url + post, wait_until="networkidle")
        words = _last_paragraph_words(page)
        assert use_search(page, words)
        items = [r for r in search_results(page) if post in r["href"]]
        assert items, words
        for item in items:
            assert "Content warning:" in item["text"], item["text"]
    finally:
        context.close()


def test_the_crisis_page_has_a_number_to_call_above_the_fold_on_a_phone(
    browser: Any, base_url: str, page_paths: dict[str, str]
) -> None:
    context = browser.new_context(viewport=SMALL_PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(base_url + page_paths["crisis"])
        calls = page.locator(".carepress-crisis-now a.carepress-action--call").all()
        hrefs = [c.get_attribute("href") for c in calls]
        assert hrefs[:2] == ["tel:911", "tel:988"], hrefs
        for call in calls[:2]:
            box = call.bounding_box()
            assert box["y"] + box["height"] <= SMALL_PHONE["height"], box
            assert box["height"] >= 44
        # A jump to each country's lines, one tap each.
        jumps = page.locator(".carepress-crisis-jump a").all()
        assert len(jumps) >= 6
        jumps[2].tap()  # the third country: far down the page before
        anchor = jumps[2].get_attribute("href")
        page.wait_for_function(f"location.hash === '{anchor}'")
        top = page.locator(anchor).bounding_box()["y"]
        assert 0 <= top < SMALL_PHONE["height"] / 2
    finally:
        context.close()


@pytest.mark.parametrize("kind", ["home", "articles", "post-with-cw", "about", "crisis"])
def test_the_header_has_a_crisis_link_on_a_phone(
    browser: Any, base_url: str, page_paths: dict[str, str], kind: str
) -> None:
    context = browser.new_context(viewport=SMALL_PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(base_url + page_paths[kind])
        page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
        link = page.get_by_role("link", name="Crisis help: phone lines and emergency numbers")
        assert link.count() == 1 and link.is_visible()
        box = link.bounding_box()
        assert box["height"] >= 44 and box["y"] >= 0 and box["x"] + box["width"] <= 375
        # In the sticky header, covering nothing of the page.
        assert page.evaluate(
            "document.querySelector('.carepress-header-crisis').closest('header') !== null"
        )
        # Waits for the navigation itself: on the crisis page the address does not change,
        # and closing the context while that reload was still loading hung Chromium.
        with page.expect_navigation(url="**/crisis/"):
            link.tap()
    finally:
        context.close()
    # Between 1024 and 1219 px Material hides its tabs; the header link stays.
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    try:
        page = context.new_page()
        page.goto(base_url + page_paths[kind])
        assert page.locator(".carepress-header-crisis").is_visible()
    finally:
        context.close()


def test_crisis_links_and_buttons_are_thumb_sized_and_apart(
    browser: Any, base_url: str, page_paths: dict[str, str]
) -> None:
    context = browser.new_context(viewport=SMALL_PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(base_url + page_paths["about"])
        rects = page.evaluate(
            "[...document.querySelector('a.carepress-footer__help').getClientRects()]"
            ".map(r => [r.width, r.height])"
        )
        assert len(rects) == 1 and rects[0][1] >= 44, rects  # one piece, not wrapped
        page.goto(base_url + page_paths["home"])
        buttons = page.evaluate(
            "[...document.querySelectorAll('article a.md-button')].map(a => {"
            " const r = a.getBoundingClientRect(); return [r.top, r.bottom, r.height]; })"
        )
        assert len(buttons) == 2
        assert all(height >= 44 for _, _, height in buttons)
        assert buttons[1][0] - buttons[0][1] >= 8, buttons
        page.goto(base_url + page_paths["post-with-cw"])
        way = page.locator(".carepress-cw__way").first
        assert way.bounding_box()["height"] >= 44
        assert way.get_attribute("href") in ("../", "../../blog/")
    finally:
        context.close()
