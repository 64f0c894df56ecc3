"""The rules `carepress verify` (and the build's own check of its site) report: none can be
switched off, each names the site file it is about."""

from __future__ import annotations

from ..checks.registry import RuleInfo, declare
from ..findings import Finding

SAFEGUARD = "site.safeguard"
PAGE_MISSING = "site.page-missing"
STALE = "site.stale"
OUTPUT_MISSING = "site.output-missing"
UNPUBLISHED = "site.unpublished"
THIRD_PARTY = "site.third-party"
BROKEN_LINK = "site.broken-safeguard-link"
PRIVATE_RECORD = "site.private-record"

declare(
    RuleInfo(SAFEGUARD, "site", "error", "a post page lacks, alters or hides its disclaimer, "
             "content-warning banner or crisis box", adjustable=False),
    RuleInfo(PAGE_MISSING, "site", "error", "a published post has no page in the site",
             adjustable=False),
    RuleInfo(STALE, "site", "error", "a page, feed, snippet, share kit or card shows other "
             "content than the post holds now", adjustable=False),
    RuleInfo(OUTPUT_MISSING, "site", "error", "a feed, snippets.json, a share kit or a card "
             "is missing", adjustable=False),
    RuleInfo(UNPUBLISHED, "site", "error", "a draft, future, expired or broken post appears "
             "in a file it must not reach", adjustable=False),
    RuleInfo(THIRD_PARTY, "site", "error", "a page or stylesheet loads something from "
             "another host", adjustable=False),
    RuleInfo(BROKEN_LINK, "site", "error", "a safeguard (the footer, a crisis box) on a page "
             "or in a feed links to an address the site has no file at", adjustable=False),
    RuleInfo(PRIVATE_RECORD, "site", "error", "a private record of the practice (a SQLite "
             "database such as the ledger or incident log, an incident export) is in the "
             "site", adjustable=False),
)  # fmt: skip

REBUILD = "build the site again (mkdocs build, or your engine and `carepress publish`)"


def site_finding(path: str, rule: str, message: str, hint: str = REBUILD) -> Finding:
    return Finding(path, 1, 1, rule, "site", "error", message, hint)
