"""What the reader-side tests share: the kinds of page, Chromium's flags, where artifacts go,
and the rule that a missing tool skips locally but fails in CI."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from conftest import REPO, unavailable  # noqa: F401  (the browser tests' rule too)

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "test-artifacts"
# As root, with no network: no sandbox, no GPU, and none of Chromium's own calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 812}
# Every kind of page a reader meets; the last two exist once the share kit and the subscribe
# page are built, and are tested from then on.
KINDS = [
    "home",
    "articles",
    "post-with-cw",
    "post-without-cw",
    "archive",
    "category",
    "crisis",
    "about",
    "social-media-policy",
    "crisis-protocol",
    "not-found",
    "share-kit",
    "subscribe",
]
OPTIONAL_KINDS = {"share-kit", "subscribe"}


def chromium_executable() -> str | None:
    candidates = [os.environ.get("CAREPRESS_CHROMIUM"), "/usr/bin/chromium"]
    names = ("chromium", "chromium-browser", "google-chrome")  # the last on GitHub's runners
    candidates += [shutil.which(name) for name in names]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


# Recorded in every page of a context before the page's own scripts run.
CSP_RECORDER = (
    "window.__cspViolations = [];"
    "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
    "e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));"
)

# What in an article could run script or reach another host, as the browser sees the DOM.
ARTICLE_HAZARDS = """() => {
  const found = [];
  // The content area (an article on pages, a div on the blog's index pages); the theme's
  // own icons around it are inline SVG, which a post may not hold (the allowlist).
  const article = document.querySelector('.md-content__inner') || document.body;
  for (const el of article.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase(), value = attr.value.trim().toLowerCase();
      if (name.startsWith('on')) found.push(el.tagName + ' ' + name);
      const compact = value.replace(/[\\s\\u0000-\\u001f]/g, '');
      if (/^(javascript:|data:text\\/html|vbscript:)/.test(compact))
        found.push(el.tagName + ' ' + name + '=' + value.slice(0, 40));
      if (['src', 'srcset', 'poster', 'ping', 'background'].includes(name)
          && /^(https?:)?\\/\\//.test(value) && !value.includes(location.host))
        found.push(el.tagName + ' ' + name + '=' + value.slice(0, 60));
    }
    if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'FRAME', 'BASE'].includes(el.tagName))
      found.push(el.tagName);
  }
  return found;
}"""


def inspect_page(context: object, url: str, local_host: str) -> dict[str, list[str]]:
    """Open `url` in `context` (a Playwright browser context with CSP_RECORDER added), click
    what a reader clicks, and report what went wrong: dialogs (alert), hazards in the
    article, requests to other hosts (refused), Content-Security-Policy violations."""
    dialogs: list[str] = []
    foreign: list[str] = []

    def route(route: object) -> None:
        request = route.request  # type: ignore[attr-defined]
        if request.url.startswith(("data:", "blob:", "about:")) or local_host in request.url:
            route.continue_()  # type: ignore[attr-defined]
        else:
            foreign.append(request.url)
            route.abort("blockedbyclient")  # type: ignore[attr-defined]

    page = context.new_page()  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.route("**/*", route)
    try:
        # From the load on, every request is seen by `route` as it starts: the reader's
        # clicks and hovers below begin then, and the network must be idle after them.
        page.goto(url, wait_until="load")
        # What a reader does: open details, hover and click the article's links and text.
        for summary in page.locator("article summary:visible").all()[:5]:
            summary.click()
        for link in page.locator("article a:visible").all()[:10]:
            link.hover()
        for block in page.locator("article p:visible, article img:visible").all()[:10]:
            block.hover()
        page.wait_for_load_state("networkidle")
        hazards = page.evaluate(ARTICLE_HAZARDS)
        violations = page.evaluate("window.__cspViolations || []")
        has_policy = page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    finally:
        page.close()
    return {
        "dialogs": dialogs,
        "hazards": hazards,
        "foreign_requests": foreign,
        "csp_violations": violations,
        "missing_policy": [] if has_policy else ["no Content-Security-Policy"],
    }


def use_search(page: Any, query: str = "anxiety") -> bool:
    """Search as a reader does, driven by state, not timing: the query goes into the field
    itself (a key landing on the page instead is one of Material's shortcuts, "n" is "next
    page") and each step waits for the theme to show it happened. False on a page without
    the theme's search (the share kit is a page of its own)."""
    field = page.locator(".md-search__input")
    if not field.count():
        return False
    field.click()
    page.wait_for_function("() => document.getElementById('__search')?.checked")
    # Typed, not filled: the theme searches on key presses.
    field.press_sequentially(query)
    # "No matching documents", "1 matching document", "12 matching documents".
    page.wait_for_function(
        "() => /matching/.test(document.querySelector('.md-search-result__meta')?.textContent)"
    )
    page.wait_for_load_state("networkidle")
    # Each key press starts a search, so the results of a shorter prefix can show first and
    # then be replaced: wait until the list has stayed the same for five polls in a row.
    page.wait_for_function(_RESULTS_SETTLED, polling=100)
    return True


_RESULTS_SETTLED = """() => {
  const shown = document.querySelector('.md-search-result')?.innerHTML ?? '';
  const seen = window.__carepressResults;
  window.__carepressResults = { shown, times: seen && seen.shown === shown ? seen.times + 1 : 0 };
  return window.__carepressResults.times >= 5;
}"""


def search_results(page: Any) -> list[dict[str, str]]:
    """The results shown, read in one step (the theme re-renders the list, so items read
    one by one can be detached between reads): each item's first link and its text."""
    return page.eval_on_selector_all(
        ".md-search-result__item",
        "items => items.map(i => ({href: i.querySelector('a')?.getAttribute('href') ?? '',"
        " text: i.innerText}))",
    )


def close_search(page: Any) -> None:
    page.locator(".md-search__input").press("Escape")
    page.wait_for_function("() => !document.getElementById('__search')?.checked")
