"""`verify_site`: a built site held to the hub's posts as they are now, whichever engine
built it. What it guarantees (README, "Engines"):

- the crisis page lists the crisis lines, the practice's region first, and so does each
  policy page the hub has (policy_pages.py: the social-media policy, the crisis protocol);
- every published post has its page, and the page carries its disclaimer, the banner of
  every warning it declares (before its text) and its crisis box, none of them hidden or
  wrapped in an element the post left open, and shows the post's current words;
- no draft, future or broken post is in any file: no page, share kit or card of it, and
  neither its address nor its words in any page, feed, sitemap, search index or snippet;
- every feed carries exactly the posts it should, with their titles, summaries,
  safeguards and words as they are now; snippets.json, the share kits and the cards are
  there and say what the check composes today; no expired post is shared or in a feed;
- no page or stylesheet makes a reader's browser load anything from another host;
- no private record of the practice (a SQLite database, an incident export) is in it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from ..crisis import regions_for
from ..engine import Post
from ..findings import Finding
from ..policy_pages import published_policies
from ..publish.address import page_file
from ..settings import Settings
from .assets import third_party_findings
from .everywhere import footer_findings, search_entry_findings
from .leaks import leak_findings, why_unpublished
from .outputs import calendar_findings, card_findings, feed_findings, shared_findings
from .pages import post_page_findings
from .private_records import private_record_findings
from .rules import OUTPUT_MISSING, PAGE_MISSING, SAFEGUARD, UNPUBLISHED, site_finding
from .safeguard_links import safeguard_link_findings
from .safeguards import crisis_page_problem
from .site_files import SiteFiles


def verify_site(
    site_dir: Path, settings: Settings, reports: Sequence[Post], now: dt.datetime
) -> list[Finding]:
    """Every problem of the site in `site_dir`, sorted by file; none means it may be
    published. `reports`: every post of the hub, checked with their text kept."""

    def shown_as(relative: str) -> str:
        return settings.display_path(site_dir / relative)

    if not site_dir.is_dir():
        return [site_finding(settings.display_path(site_dir), PAGE_MISSING,
                             "there is no built site here", "build the site first")]  # fmt: skip
    published: list[Post] = []
    unpublished: list[tuple[Post, str]] = []
    for report in reports:
        why = why_unpublished(report, now)
        if why is None and (report.safeguards is None or report.address is None):
            why = "a post with nothing to publish"
        if why is None:
            published.append(report)
        else:
            unpublished.append((report, why))
    files = SiteFiles(site_dir)
    findings = post_page_findings(files, published, shown_as)
    findings += _pages_with_crisis_lines(files, settings, shown_as)
    findings += leak_findings(files, unpublished, published, shown_as, settings.docs_dir)
    findings += feed_findings(files, reports, settings, now, shown_as)
    findings += shared_findings(files, reports, settings, now, shown_as)
    findings += calendar_findings(files, reports, settings, now, shown_as)
    findings += card_findings(files, published, settings, shown_as)
    findings += third_party_findings(files, settings.site_url, shown_as)
    findings += safeguard_link_findings(files, settings.site_url, shown_as)
    # (A page that should not be there at all is reported for that alone.)
    leaked = {f.path for f in findings if f.rule == UNPUBLISHED}
    findings += footer_findings(files, settings, shown_as, leaked)
    findings += search_entry_findings(files, published, shown_as)
    findings += private_record_findings(files, shown_as)
    findings = _led_by_posts_with_errors(findings, reports, now, shown_as)
    return sorted(findings, key=lambda f: (f.path, f.rule, f.message))


def _led_by_posts_with_errors(
    findings: list[Finding], reports: Sequence[Post], now: dt.datetime,
    shown_as: Callable[[str], str],
) -> list[Finding]:  # fmt: skip
    """A site built past a post with errors (`zensical build` alone stops partway) misses
    every output CarePress would have written: the posts are the cause to name, and the
    missing outputs one line, not hundreds (a new-user tester's 207)."""
    broken = [r for r in reports if r.left_out_because(now) is None and r.has_errors]
    missing = [f for f in findings if f.rule == OUTPUT_MISSING]
    if not broken or not missing:
        return findings
    kept = [f for f in findings if f.rule != OUTPUT_MISSING]
    kept += [site_finding(r.display_path, OUTPUT_MISSING,
                          "this post has errors, so no build may publish the site: its engine "
                          "stopped partway or CarePress's outputs were never written",
                          "fix them (`carepress check` lists them), then build again")
             for r in broken]  # fmt: skip
    first = missing[0]
    kept.append(site_finding(
        shown_as(""), OUTPUT_MISSING,
        f"{len(missing)} of CarePress's outputs are missing (first: {first.path}: "
        f"{first.message}), as a build stopped by the posts with errors leaves them",
        "fix those posts, then build again",
    ))  # fmt: skip
    return kept


def _pages_with_crisis_lines(files: SiteFiles, settings: Settings,
                             shown_as: Callable[[str], str]) -> list[Finding]:  # fmt: skip
    """The crisis page, and each policy page whose source is in docs_dir: there, and listing
    the crisis lines of the practice's region."""
    directory_urls = settings.addressing.directory_urls
    relative = page_file(settings.crisis_page)  # crisis/index.html, or crisis.html
    pages = [(relative, "the crisis page is missing",
              "keep content/crisis.md with `template: crisis.html`")]  # fmt: skip
    for policy in published_policies(settings):
        pages.append((policy.page_file(directory_urls),
                      f"the {policy.title[0].lower()}{policy.title[1:]} page is missing",
                      f"content/{policy.source} is in the hub: build the site again"))  # fmt: skip
    regions = regions_for(settings.practice.crisis_region)
    findings = []
    for relative, missing, hint in pages:
        page = files.read(relative)
        if page is None:
            findings.append(site_finding(shown_as(relative), PAGE_MISSING, missing, hint))
            continue
        problem = crisis_page_problem(page.raw, regions, relative)
        if problem:
            findings.append(site_finding(shown_as(relative), SAFEGUARD, problem, ""))
    return findings
