"""A hub without `site_url`: what shares a post (its feeds, snippets, share kits and
carousel slides) links to it by its full address, which only site_url gives. `mkdocs build`
stops on it (mkdocs/plugin.py), and `carepress check`, `publish` and `verify` report it,
with this one message. `mkdocs serve` sets a site_url of its own (the preview's address)."""

from __future__ import annotations

import contextlib
import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

from ..findings import Finding
from ..settings import Settings
from .registry import RuleInfo, declare

NO_SITE_URL_RULE = "site.no-site-url"
BAD_SITE_URL_RULE = "site.bad-site-url"
HTTP_SITE_URL_RULE = "site.http-site-url"

# The sample hub's own address and name: a hub copied from it that keeps the address links
# every feed, snippet, share kit and card to another practice's domain.
SAMPLE_DOMAIN = "riverbend-therapy.example.org"
SAMPLE_PRACTICE = "Riverbend Therapy Collective"

declare(
    RuleInfo(NO_SITE_URL_RULE, "site", "error", "mkdocs.yml sets no site_url, which the feeds, "
             "snippets, share kits and carousel slides need", adjustable=False),
    RuleInfo(BAD_SITE_URL_RULE, "site", "error", "site_url is not an address readers can "
             "reach: a scheme other than https, no host, localhost or a loopback address, "
             "or the sample hub's own domain", adjustable=False),
    RuleInfo(HTTP_SITE_URL_RULE, "site", "warning", "site_url starts with http://, not "
             "https://"),
)  # fmt: skip

NO_SITE_URL = (
    "site_url is not set: the feeds, the social snippets, the share kits and the carousel "
    "slides link to each post by its full address, which needs the address the hub is "
    "published at (without it they would point to https://example.invalid/)"
)
NO_SITE_URL_FIX = (
    "add `site_url: https://...` to mkdocs.yml: the address the hub is published at, "
    "for example `site_url: https://learn.your-practice.org/`"
)


def site_url_message(config_file: str) -> str:
    """The message of a build or command that stops on it."""
    return f"{config_file}: {NO_SITE_URL}. To fix it, {NO_SITE_URL_FIX}."


def site_url_findings(settings: Settings, config_file: Path) -> list[Finding]:
    if settings.site_url:
        from ..settings import configured_site_url

        return bad_site_url_findings(settings, config_file, configured_site_url(config_file))
    return [Finding(settings.display_path(config_file), 1, 1, NO_SITE_URL_RULE, "site",
                    "error", NO_SITE_URL, NO_SITE_URL_FIX)]  # fmt: skip


def site_url_problems(site_url: str, practice_name: str) -> list[tuple[str, str, str]]:
    """(severity, message, fix) for each thing wrong with a site_url that is set: checked
    once where the settings load (CLI and plugin alike)."""
    if not site_url:
        return []
    fix_example = "for example `site_url: https://learn.your-practice.org/`"
    try:
        parts = urlsplit(site_url)
        host = (parts.hostname or "").lower()
    except ValueError:
        parts, host = None, ""
    if parts is None or parts.scheme.lower() not in ("http", "https"):
        scheme = f"{parts.scheme}://" if parts is not None and parts.scheme else "no scheme"
        return [("error", f"{site_url!r} has {scheme}, not https://: every link "
                 "the feeds, snippets, share kits and the site's own checks make from it "
                 "would be broken (`carepress verify` would call every page stale)",
                 f"write the address with https://, {fix_example}")]
    if not host:
        return [("error", f"{site_url!r} names no host",
                 f"write the full address the hub is published at, {fix_example}")]
    loopback = host in ("localhost", "0.0.0.0") or host.endswith(".localhost")
    with contextlib.suppress(ValueError):  # not an IP address
        loopback = loopback or ipaddress.ip_address(host).is_loopback
    if loopback:
        return [("error", f"{site_url!r} is this computer's own address (the "
                 "preview's), which no reader can reach; `carepress serve` sets the "
                 "preview's address itself",
                 f"set the address the hub is published at, {fix_example}")]
    if (host == SAMPLE_DOMAIN or host.endswith("." + SAMPLE_DOMAIN)) and (
        practice_name.strip() != SAMPLE_PRACTICE
    ):
        return [("error", f"{site_url!r} is the CarePress sample hub's address, "
                 f"not {practice_name or 'your practice'}'s: every feed, snippet, share kit "
                 "and card would link to another practice's domain",
                 f"set the address your hub is published at, {fix_example}")]
    if parts.scheme.lower() == "http":
        return [("warning", f"{site_url!r} starts with http://: readers' "
                 "browsers will call the site not secure, and the share kits and feeds carry "
                 "the address", "publish the hub over https and write `https://` in site_url")]
    return []


def site_url_line(config_file: Path) -> int:
    try:
        lines = config_file.read_text(encoding="utf-8-sig").splitlines()
    except OSError:
        return 1
    return next((n for n, line in enumerate(lines, 1) if line.startswith("site_url:")), 1)


def bad_site_url_findings(settings: Settings, config_file: Path, site_url: str) -> list[Finding]:
    line = site_url_line(config_file)
    return [
        Finding(settings.display_path(config_file), line, 1,
                BAD_SITE_URL_RULE if severity == "error" else HTTP_SITE_URL_RULE, "site",
                severity, f"site_url: {message}", fix)
        for severity, message, fix in site_url_problems(site_url, settings.practice.name)
    ]  # fmt: skip
