"""The `carepress` command: check posts and start new ones (without MkDocs), build and preview.

Exit status (a contract): 0 no errors, 1 errors found, 2 usage or configuration problem.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import datetime as dt
import json
import math
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import collector
from .budget import OverBudget
from .checks.collisions import duplicate_addresses, page_addresses, page_collisions
from .checks.pages import check_page
from .checks.unpublished_links import links_in_posts
from .engine import HAS_ERRORS, READY, SHARING_STATUS_TEXT, Post, check_front, utc_now
from .findings import (
    Finding,
    format_github,
    format_json,
    format_text,
    in_reading_order,
    summary,
)
from .private_files import kept_private, warn_unless_ignored, write_private
from .publish.platforms import PLATFORM_KEYS
from .publish.snippets import compose_all
from .settings import ConfigError, Settings, hub_config, load_settings
from .site_commands import ENGINES, run_engine

if TYPE_CHECKING:
    from .impact.post_names import PostMatcher
    from .impact.store import ImpactStore

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def _day(value: str) -> dt.date:
    """A date option, with a message a writer understands when it is not one."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: write it as YYYY-MM-DD "
                                         "(e.g. 2026-11-15)") from None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 already; keep its message short
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"carepress: {message}\n")


def _parser() -> argparse.ArgumentParser:
    from .incidents.record import PLATFORMS as INCIDENT_PLATFORMS

    parser = _Parser(prog="carepress", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--config",
        "-f",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the hub's mkdocs.yml (default: ./mkdocs.yml)",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="check posts for problems that block publishing")
    check.add_argument(
        "paths", nargs="*", type=Path, help="post files or folders (default: every post of the hub)"
    )
    check.add_argument("--format", choices=("text", "json", "github"), default="text")
    check.add_argument(
        "--links", action="store_true", help="also check every source's web address online (cached)"
    )
    check.add_argument("--links-timeout", type=float, default=10.0, metavar="SECONDS")
    check.add_argument(
        "--fresh",
        action="store_true",
        help="check every post again, not only those changed since the last check of the hub",
    )
    check.add_argument(
        "--links-cache",
        type=Path,
        metavar="FILE",
        help="cache file (default: .cache/carepress/links.json in the hub)",
    )

    snippets = sub.add_parser("snippets", help="print each post's ready-to-post social text")
    snippets.add_argument(
        "paths", nargs="*", type=Path, help="post files or folders (default: every post of the hub)"
    )
    snippets.add_argument(
        "--platform",
        action="append",
        choices=PLATFORM_KEYS,
        help="only these platforms (repeatable)",
    )
    snippets.add_argument("--format", choices=("text", "json"), default="text")
    snippets.add_argument(
        "--all",
        action="store_true",
        help="also drafts, future, expired posts and posts with errors, each marked as not "
        "ready to post (`status` in JSON); by default only what `carepress post` would send",
    )

    rules = sub.add_parser(
        "rules", help="list every rule: id, category, severity, on or off, and its source"
    )
    rules.add_argument("--format", choices=("text", "json"), default="text")

    for name, what in (
        ("verify", "verify a built site against the posts (any engine): safeguards on every "
                   "post page, no draft anywhere, feeds/snippets/cards current, no "
                   "third-party loads"),
        ("publish", "write the feeds, share kits, snippets and cards into a site another "
                    "engine built (Zensical), then verify it"),
    ):  # fmt: skip
        site = sub.add_parser(name, help=what)
        default = "default: site_dir of mkdocs.yml"
        site.add_argument("site_dir", nargs="?", type=Path, help=f"the built site ({default})")
    sub.choices["verify"].add_argument(
        "--format", choices=("text", "json", "github"), default="text"
    )

    for name, what in (
        ("build", "build the site with the hub's engine (MkDocs, else ProperDocs), quietly; "
                  "options after `build` go to the engine, e.g. --strict; with Zensical: "
                  "check, build, then publish"),
        ("serve", "preview the site as you write (the engine's live-reloading server); "
                  "options after `serve` go to the engine, e.g. -a 127.0.0.1:8001"),
    ):  # fmt: skip
        site = sub.add_parser(name, help=what)
        site.add_argument("--engine", choices=ENGINES, help="default: mkdocs when installed")

    post = sub.add_parser(
        "post",
        help="send what is due to Mastodon and Bluesky (`posting:` in mkdocs.yml), each post "
        "once, recorded in the ledger",
    )
    post.add_argument(
        "--dry-run", action="store_true", help="show exactly what would be sent; send nothing"
    )
    post.add_argument("--format", choices=("text", "json"), default="text")
    post.add_argument("--platform", action="append", choices=("mastodon", "bluesky"))
    post.add_argument(
        "--resend-edited", action="store_true", help="send again posts edited since they were sent"
    )
    post.add_argument(
        "--retry-failed", action="store_true",
        help="send again posts a platform refused as they were (held until edited otherwise)",
    )  # fmt: skip
    post.add_argument(
        "--max", type=int, metavar="N", help="posts per account this run (default: max_per_run)"
    )
    post.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS")
    post.add_argument(
        "--on-quiet-day", action="store_true", help="send even on one of cadence.quiet_days"
    )

    plan = sub.add_parser(
        "calendar",
        help="the coming weeks: scheduled posts, dated drafts, reviews running out, "
        "awareness observances of the practice's region, gaps and your pace",
    )
    plan.add_argument("--weeks", type=int, default=8, help="how many weeks (default 8)")
    plan.add_argument("--from", dest="start", type=_day, metavar="YYYY-MM-DD",
                      help="plan as of that day (default: today): posts dated before it "
                           "count as published by then")  # fmt: skip
    plan.add_argument("--format", choices=("text", "json"), default="text")
    plan.add_argument("--ics", type=Path, metavar="FILE",
                      help="also write the weeks as an iCalendar file to subscribe to")  # fmt: skip

    archive = sub.add_parser(
        "archive", help="a dated, verifiable record of the built site, snippets and ledger"
    )
    archive.add_argument("-o", "--output", type=Path, metavar="DIR",
                         help="where archives are kept (default: records/archive in the hub)")
    archive.add_argument("--verify", type=Path, metavar="ARCHIVE",
                         help="check an archive against its manifest: every changed, missing "
                              "or added file (exit 1 on any)")
    archive.add_argument("--log", type=Path, metavar="FILE",
                         help="with --verify: the archives.jsonl the archive was logged in "
                              "(default: the one beside it; give it for an archive copied "
                              "elsewhere on its own)")
    archive.add_argument("--screenshots", action="store_true",
                         help="also pictures of the pages, by the system's headless Chromium")
    archive.add_argument("--with-incidents", action="store_true",
                         help="also the incident log, notes and all (kept private)")
    archive.add_argument("--incidents-db", type=Path, metavar="FILE",
                         help="the incident log to include (default: records/incidents.sqlite3 "
                              "in the hub)")  # fmt: skip

    impact = sub.add_parser(
        "impact", help="import the practice's own engagement figures and server logs"
    )
    impact_sub = impact.add_subparsers(dest="impact_command", required=True,
                                       parser_class=_Parser)  # fmt: skip
    imports = impact_sub.add_parser(
        "import", help="engagement CSVs (.csv) and access logs (.log, .gz) into the database"
    )
    imports.add_argument("files", nargs="+", type=Path)
    imports.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD",
                         help="the day a platform's export was made (default: the day its "
                              "file was last written)")  # fmt: skip
    fetch = impact_sub.add_parser(
        "fetch", help="today's figures of the posts `carepress post` sent (Mastodon, Bluesky)"
    )
    fetch.add_argument("--timeout", type=float, default=30, help="seconds per request")
    report = impact_sub.add_parser("report", help="a private report with charts and tables")
    report.add_argument("-o", "--output", type=Path, metavar="DIR",
                        help="default: records/impact-report in the hub")  # fmt: skip
    for command in (imports, fetch, report):
        command.add_argument("--db", type=Path,
                             help="default: records/impact.sqlite3 in the hub")  # fmt: skip

    incident = sub.add_parser(
        "incident",
        help="a private log of incidents (a client trying to connect, a distressed comment, "
        "a negative review, harassment): never published",
    )
    incident_sub = incident.add_subparsers(dest="incident_command", required=True,
                                           parser_class=_Parser)  # fmt: skip
    add = incident_sub.add_parser(
        "add", help="record one (asks for what the flags do not give, in a terminal)"
    )
    add.add_argument("--when", metavar="'YYYY-MM-DD HH:MM'",
                     help="practice-local time (default: now); an offset may follow "
                          "(-08:00), for a time that happened twice when the clocks went "
                          "back")  # fmt: skip
    add.add_argument("--platform", help=f"where: {', '.join(INCIDENT_PLATFORMS)}")
    add.add_argument("--kind", help="client-contact, distressed-comment, negative-review, "
                                    "harassment, privacy or other")  # fmt: skip
    add.add_argument("--what", help="what happened")
    add.add_argument("--done", help="what was done")
    add.add_argument("--follow-up", help="what is still to do (optional)")
    add.add_argument("--reviewed-by", help="who reviewed it (optional)")
    add.add_argument("--note", help="a private note; may hold sensitive details (optional)")
    add.add_argument(
        "--interactive",
        action="store_true",
        help="ask for every field not given, even when input is not a terminal",
    )
    listing = incident_sub.add_parser("list", help="the incidents, newest first")
    listing.add_argument("--since", type=_day, metavar="YYYY-MM-DD")
    listing.add_argument("--kind", help="only incidents of this kind")
    export = incident_sub.add_parser("export", help="the log as a CSV or JSON file")
    export.add_argument("--format", choices=("csv", "json"),
                        help="default: from the file's suffix")  # fmt: skip
    export.add_argument("-o", "--output", type=Path, metavar="FILE", required=True)
    for command in (listing, export):
        command.add_argument(
            "--with-notes",
            action="store_true",
            help="include the notes (they may hold sensitive details)",
        )
    review = incident_sub.add_parser("review", help="record who reviewed an incident, and when")
    review.add_argument("id", type=int)
    review.add_argument("--by", required=True, metavar="NAME")
    for command in (add, listing, export, review):
        command.add_argument("--db", type=Path,
                             help="default: records/incidents.sqlite3 in the hub")  # fmt: skip

    new = sub.add_parser("new", help="start a new post (as a draft) from the template")
    new.add_argument("title")
    new.add_argument(
        "--audience",
        action="append",
        default=[],
        help="clients, clinicians or community (repeatable)",
    )
    new.add_argument("--cw", action="append", default=[], help="a content warning (repeatable)")
    new.add_argument("--author", help="author id from .authors.yml (default: the first)")
    new.add_argument("--category", help="blog category")
    _config_after_every_command(parser)
    return parser


def _config_after_every_command(parser: argparse.ArgumentParser) -> None:
    """-f/--config is read after the command too (`carepress check -f other.yml`), as MkDocs
    reads it after `build`; given there, it wins over one given before the command."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in dict.fromkeys(action.choices.values()):
                command.add_argument(
                    "--config", "-f", type=Path, default=argparse.SUPPRESS,
                    help="the hub's mkdocs.yml (default: ./mkdocs.yml)",
                )  # fmt: skip
                _config_after_every_command(command)


def _expand(paths: list[Path], settings: Settings) -> list[Path]:
    if not paths:
        return settings.post_files()
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += settings.post_files(path)
        elif path.exists():
            out.append(path)
        else:
            raise ConfigError(f"{path}: no such file or folder")
    return out


def _print_text(findings: list[Finding], checked: int, pages: int = 0) -> None:
    """One block per file: each finding's contract line, then its hint and the guidance
    it comes from, so a writer can act on it without looking anything up."""
    lines = format_text(findings).splitlines()
    previous = None
    for finding, line in zip(findings, lines, strict=True):
        if previous is not None and finding.path != previous:
            print()
        previous = finding.path
        print(line)
        if finding.hint:
            print(f"    hint: {finding.hint}")
        if finding.source:
            print(f"    see:  {finding.source}")
    if findings:
        print()
    also = f" and {pages} page{'s' if pages != 1 else ''}" if pages else ""
    print(f"Checked {checked} post{'s' if checked != 1 else ''}{also}. {summary(findings)}")


def _progress_bar(done: int, total: int) -> None:
    # Only on a terminal and for many files: a bar in a log or a pipe is noise.
    width = 30
    filled = width * done // total
    end = "\n" if done == total else ""
    print(
        f"\rChecking [{'#' * filled}{'.' * (width - filled)}] {done}/{total}",
        end=end,
        file=sys.stderr,
        flush=True,
    )


def _check(args: argparse.Namespace, settings: Settings) -> int:
    # Here, not at the top: settings are loaded, so these import nothing new.
    from .checks.crisis_page import crisis_page_findings
    from .checks.sample_leftovers import hub_leftovers
    from .checks.site_url import site_url_findings
    from .checks.theme_files import theme_findings

    paths = _expand(args.paths, settings)
    show_progress = sys.stderr.isatty() and len(paths) >= 20
    now = utc_now()
    progress = _progress_bar if show_progress else None
    hub: list[Finding] = []
    kept = named_pages = 0
    if args.paths:  # the files named, checked now (the edit loop loads no cache)
        pages = [path for path in paths if _is_page(path, settings)]
        paths = [path for path in paths if path not in pages]
        reports = _check_paths(paths, settings, now, progress)
        hub = _named_pages(pages, reports, settings, now)
        named_pages = len(pages)
    else:  # the whole hub: its posts and its other files and texts
        reports, hub, kept = _check_hub(paths, settings, args.config, now, progress, args.fresh)
        hub += _unpublished_in_hub(reports, settings, args.config, now)
        hub += crisis_page_findings(settings)
        hub += theme_findings(settings, args.config, hub_config(args.config))
        hub += hub_leftovers(settings, args.config)
    for report, finding in [*duplicate_addresses(reports, settings, now),
                            *links_in_posts(reports, settings, now)]:  # fmt: skip
        report.findings.append(finding)
    if args.links:
        _check_links(args, settings, reports)

    hub += site_url_findings(settings, args.config)
    findings = in_reading_order([*(f for r in reports for f in r.findings), *hub])
    _print_findings(findings, args.format, len(reports), named_pages)
    if kept and args.format == "text":
        print(
            f"{kept} of the {len(reports)} posts had not changed since the last check of the "
            "hub; their results were reused (`carepress check --fresh` checks every post again)."
        )
    return EXIT_ERRORS if any(f.is_error for f in findings) else EXIT_OK


def _is_page(path: Path, settings: Settings) -> bool:
    """A file of the hub's docs_dir that is not a post (home, about, crisis...)."""
    try:
        relative = path.resolve().relative_to(settings.docs_dir.resolve())
    except ValueError:
        return False  # outside the hub: read as the post it is given as
    return not settings.is_post(str(relative))


def _named_pages(
    pages: list[Path], reports: list[Post], settings: Settings, now: dt.datetime
) -> list[Finding]:
    """Pages named on the command line, held to what the whole hub's check holds them to:
    the page checks and their links to drafts, not a post's front matter."""
    from .checks.unpublished_links import links_in_pages

    found = [f for path in pages for f in _page_findings(path, settings)]
    return found + links_in_pages(pages, reports, settings, now) if pages else found


def _unpublished_in_hub(
    reports: list[Post], settings: Settings, config_file: Path, now: dt.datetime
) -> list[Finding]:
    """What of the hub besides its posts reaches a draft or future post: a page's link, an
    entry of mkdocs.yml's nav (the build reads both too: checks/unpublished_links.py)."""
    from .checks.unpublished_links import links_in_hub
    from .settings import hub_config

    pages = [path for group in page_addresses(settings).values() for path in group]
    nav = hub_config(config_file).get("nav")
    return links_in_hub(pages, nav, config_file, reports, settings, now)


def _print_findings(findings: list[Finding], form: str, checked: int, pages: int = 0) -> None:
    if form == "json":
        print(format_json(findings))
    elif form == "github":
        if findings:
            print(format_github(findings))
    else:
        _print_text(findings, checked, pages)


def _check_paths(
    paths: list[Path],
    settings: Settings,
    now: dt.datetime,
    progress: Callable[[int, int], None] | None,
    *,
    html: bool = True,
) -> list[Post]:
    """Every post checked, rendered to judge its HTML as the build will (many of them on
    every core: rendering doubles a check's cost, the cores halve it again)."""
    from .parallel import check_many  # only for the check command

    try:
        return check_many(paths, settings, now, html=html, progress=progress)
    except ValueError as exc:  # CAREPRESS_WORKERS=many
        raise ConfigError(str(exc)) from exc


def _check_hub(
    paths: list[Path],
    settings: Settings,
    config_file: Path,
    now: dt.datetime,
    progress: Callable[[int, int], None] | None,
    fresh: bool,
) -> tuple[list[Post], list[Finding], int]:
    """Every post of the hub, and the hub's pages, other files and the practice's texts
    (and how many posts' reports were kept).
    What nothing it depends on has changed since the last check of the hub is kept
    (report_cache.py, as a rebuild does); the rest is checked now (`fresh`: all of it)."""
    # Imported here: a one-post check (the edit loop) needs neither, nor jinja2 and lxml.
    from .checks.snippet_includes import snippet_preprocessor
    from .hub_findings import HubFindings
    from .parallel import Checking
    from .report_cache import ReportCache, file_bytes

    cache = ReportCache(settings, config_file, html=True, use="check")
    kept, missing = cache.lookup(paths, now, fresh=fresh)
    pages = [path for group in page_addresses(settings).values() for path in group]
    hub = HubFindings(cache, settings, config_file)
    findings = page_collisions(settings)

    def page_findings() -> list[Finding]:
        return [f for path in pages for f in _page_findings(path, settings)]

    if snippet_preprocessor(settings) is not None:  # what pages include (--8<--): afresh
        findings += page_findings()
    else:
        pages_read = [str(path).encode() + b"\0" + file_bytes(path) for path in pages]
        findings += cache.kept_findings("pages", page_findings, pages_read)
    # The pages first, in this process: what they load (Markdown, the checks) is inherited
    # by the workers, one of which checks the practice's texts while the others check posts.
    try:
        checking = Checking(missing, settings, now, html=True, also=hub.task)
    except ValueError as exc:  # CAREPRESS_WORKERS=many
        raise ConfigError(str(exc)) from exc
    fresh_reports, practice = checking.wait(progress)
    findings += hub.finish(practice)
    checked = dict(zip(missing, fresh_reports, strict=True))
    cache.keep(checked.values(), now)
    with contextlib.suppress(OSError):  # a read-only hub is still checked, afresh each time
        cache.store()
    return [kept.get(path) or checked[path] for path in paths], findings, len(kept)


def _page_findings(path: Path, settings: Settings) -> list[Finding]:
    """A page that is not a post: one address, front matter and HTML held to the theme's."""
    try:
        return check_page(path, settings)
    except (OverBudget, RecursionError):
        return [
            Finding(settings.display_path(path), 1, 1, "html.too-complex", "html", "error",
                    "this page is too complex for Markdown to render",
                    "split its longest paragraph, or show such text as code")
        ]  # fmt: skip


def _check_links(args: argparse.Namespace, settings: Settings, reports: list[Post]) -> None:
    # Imported here, as `_new`'s are: the edit loop (`carepress check post.md`) skips them.
    from .checks.source_links import link_findings
    from .link_checker import LinkCache, check_links

    urls = [s.url for r in reports if r.front_matter for s in r.front_matter.sources if s.url]
    cache = LinkCache(args.links_cache or settings.root / ".cache" / "carepress" / "links.json")
    results = check_links(urls, cache, timeout=args.links_timeout)
    for report in reports:
        report.findings += settings.adjusted(link_findings(report, results))


def _snippets(args: argparse.Namespace, settings: Settings) -> int:
    """Each post's ready-to-post text. Only posts `carepress post` would send (the one
    selection, Post.sharing_status) unless --all, which marks every other one as not ready."""
    now = utc_now()
    paths = _expand(args.paths, settings)
    pages = [path for path in paths if _is_page(path, settings)]
    for page in pages:
        print(f"{settings.display_path(page)}: a page, not a post: only the blog's posts are "
              "shared", file=sys.stderr)  # fmt: skip
    reports = _check_paths([p for p in paths if p not in pages], settings, now, None)
    platforms = args.platform or list(PLATFORM_KEYS)
    shared, status = [], EXIT_ERRORS if pages else EXIT_OK
    left_out: list[tuple[str, str]] = []
    for report in reports:
        sharing = report.sharing_status(now)
        if sharing != READY and not args.all:
            left_out.append((report.display_path, sharing))
            if sharing == HAS_ERRORS:
                status = EXIT_ERRORS
            continue
        model, safeguards, address = report.front_matter, report.safeguards, report.address
        if model is None or safeguards is None or address is None:
            print(
                f"{report.display_path}: cannot compose snippets; run `carepress check`",
                file=sys.stderr,
            )
            status = EXIT_ERRORS
            continue
        slug = address.slug
        snippets, errors = compose_all(model, safeguards, address.url, slug, settings)
        for error in errors:
            print(f"{report.display_path}: {error.platform}: {error}", file=sys.stderr)
            status = EXIT_ERRORS
        chosen = {p: s for p, s in snippets.items() if p in platforms}
        shared.append((report.display_path, slug, model.title, chosen, sharing))
    for path, sharing in left_out:
        print(f"{path}: left out, {SHARING_STATUS_TEXT[sharing]} (--all shows its snippets, "
              "marked as not ready to post)", file=sys.stderr)  # fmt: skip
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "path": path,
                        "slug": slug,
                        "title": title,
                        "status": sharing,
                        "snippets": {p: s.as_dict() for p, s in chosen.items()},
                    }
                    for path, slug, title, chosen, sharing in shared
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for path, _slug, _title, chosen, sharing in shared:
            warning = (f"NOT READY TO POST: {SHARING_STATUS_TEXT[sharing]}\n"
                       if sharing != READY else "")  # fmt: skip
            for platform, snippet in chosen.items():
                cw = f", CW field: {snippet.spoiler_text}" if snippet.spoiler_text else ""
                print(f"== {path} · {platform} ({snippet.length}/{snippet.limit}{cw}) ==")
                print(warning + snippet.text, end="\n\n")
    return status


def _rules(args: argparse.Namespace, settings: Settings) -> int:
    """Every rule of this hub, as the registry has it (checks/registry.py), with the
    practice's severities and disabled rules applied."""
    levels = settings.severity_overrides
    rows = [
        {
            "id": rule.id,
            "category": rule.category,
            "severity": levels.get(rule.id, rule.severity) if rule.enabled else "off",
            "on": rule.enabled and levels.get(rule.id) != "off",
            "adjustable": rule.adjustable,
            "summary": rule.summary,
            "source": rule.source,
        }
        for rule in settings.rule_index.values()
    ]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    width = max(len(row["id"]) for row in rows)
    for row in rows:
        state = row["severity"] if row["on"] else "off"
        fixed = "" if row["adjustable"] else " (always on)"
        print(f"{row['id']:<{width}}  {state:<8} {row['summary']}{fixed}")
        if row["source"]:
            print(f"{'':<{width}}  {'':<8} see: {row['source']}")
    on = sum(row["on"] for row in rows)
    print(f"\n{len(rows)} rules, {on} on. Change a severity or switch one off under "
          "plugins > carepress > rules in mkdocs.yml; those marked (always on) cannot be "
          "changed.")  # fmt: skip
    return EXIT_OK


def _verify(args: argparse.Namespace, settings: Settings) -> int:
    """The built site held to the posts as they are now (verify/site.py)."""
    from .checks.site_url import site_url_findings
    from .settings import configured_site_dir
    from .verify.site import verify_site

    site_dir = args.site_dir or configured_site_dir(args.config)
    source = settings.docs_dir.resolve()
    if site_dir.resolve() == source or source.is_relative_to(site_dir.resolve()):
        raise ConfigError(f"{settings.display_path(site_dir)} holds the posts' sources "
                          "(docs_dir), not a built site: build first (carepress build), "
                          "then verify the site it writes (site_dir)")  # fmt: skip
    now = utc_now()
    reports = _check_paths(settings.post_files(), settings, now, None, html=False)
    findings = site_url_findings(settings, args.config)
    if any(f.is_error for f in findings):  # every page would look stale: say what is wrong
        _print_findings(findings, args.format, len(reports))
        if args.format == "text":
            print(f"{settings.display_path(site_dir)} was not verified: fix site_url in "
                  f"{settings.display_path(args.config)} first, then build and verify again.")
        return EXIT_ERRORS
    findings += verify_site(site_dir, settings, reports, now)
    if findings or args.format != "text":
        _print_findings(findings, args.format, len(reports))
    else:
        shown = settings.display_path(site_dir)
        print(f"{shown}: verified against {len(reports)} posts; safe to publish.")
    return EXIT_ERRORS if findings else EXIT_OK


def _publish(args: argparse.Namespace, settings: Settings) -> int:
    """CarePress's outputs written into a site another engine built, then the site verified."""
    from .mkdocs.content_security import ContentSecurity
    from .publish.after_build import PublishError, publish_outputs
    from .publish.post import Site
    from .publish.share_kits import SiteLook, linked_theme_stylesheets
    from .settings import configured_site_dir, hub_config
    from .verify.site import verify_site

    site_dir = args.site_dir or configured_site_dir(args.config)
    shown = settings.display_path(site_dir)
    if not settings.site_url:
        from .checks.site_url import site_url_message

        message = site_url_message(settings.display_path(args.config))
        print(f"carepress: nothing was published: {message}", file=sys.stderr)
        return EXIT_ERRORS
    if not site_dir.is_dir():
        raise ConfigError(f"{shown}: there is no built site here; build it first")
    data = hub_config(args.config)
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    try:
        home = (site_dir / "index.html").read_text(encoding="utf-8", errors="replace")
    except OSError:
        home = ""
    look = SiteLook(
        site_name=settings.site_name,
        language=settings.addressing.language,
        theme_css=linked_theme_stylesheets(home),
        palette=theme.get("palette"),
        extra_css=[str(p) for p in data.get("extra_css") or []],
        extra_javascript=[str(p) for p in data.get("extra_javascript") or []],
        csp_meta=ContentSecurity(()).meta(),
    )
    site = Site(
        title=settings.site_name,
        url=settings.site_url,
        description=str(data.get("site_description") or ""),
        language=settings.addressing.language,
        author=settings.practice.name,
        crisis_page=settings.crisis_page,
    )
    now = utc_now()
    reports = _check_paths(settings.post_files(), settings, now, None)
    try:
        written = publish_outputs(site_dir, settings, reports, now, look, site, data)
    except PublishError as exc:
        print(f"carepress: nothing was published: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    print(f"{shown}: {written.feeds} feeds, {written.share_kits} share kits and "
          f"{written.cards} cards written.")  # fmt: skip
    findings = verify_site(site_dir, settings, reports, now)
    if findings:
        _print_text(findings, len(reports))
        return EXIT_ERRORS
    print(f"{shown}: verified against {len(reports)} posts; safe to publish.")
    return EXIT_OK


def _post(args: argparse.Namespace, settings: Settings) -> int:
    """Due posts sent to the practice's accounts (syndication/), or shown with --dry-run."""
    from .syndication.accounts import configured_accounts
    from .syndication.ledger import Ledger
    from .syndication.outbox import due, start_hint
    from .syndication.run import print_plan, send_due, waiting_accounts

    accounts = [
        a for a in configured_accounts(settings) if not args.platform or a.platform in args.platform
    ]
    if not accounts:
        raise ConfigError(
            "there is no account to post to: add `posting: {mastodon: {server: https://..., "
            "account: '@you@server'}}` or `posting: {bluesky: {handle: you.bsky.social}}` to "
            "the carepress plugin's options in mkdocs.yml"
        )
    if args.max is not None and args.max < 1:
        raise ConfigError("--max: give 1 or more")
    if not 0 < args.timeout < math.inf:  # (nan too)
        raise ConfigError("--timeout: give a number of seconds above 0 (it bounds each request)")
    posting = settings.options.posting
    per_account = args.max or posting.max_per_run
    ledger = Ledger(kept_private(settings.root / posting.ledger, "posting.ledger: the ledger",
                                  settings, args.config))  # fmt: skip
    now = utc_now()
    # The whole check, HTML included: only a post the build would publish is ever sent.
    reports = _check_paths(settings.post_files(), settings, now, None)
    items, held = due(reports, settings, accounts, ledger, now, resend_edited=args.resend_edited,
                      retry_failed=args.retry_failed)  # fmt: skip
    quiet = _quiet_day(settings, now)
    hint = start_hint(items, ledger, settings, now, per_account)
    if args.dry_run:
        waiting = waiting_accounts(accounts, ledger, now)
        print_plan(items, held, sys.stdout, args.format, per_account, waiting, hint)
        if quiet and args.format == "text":
            print(f"(Today is a quiet day, {quiet}: a run would send nothing.)")
        return EXIT_OK
    if quiet and not args.on_quiet_day:
        print(f"Today is one of your quiet days ({quiet}, cadence.quiet_days): nothing is "
              "sent. What is due waits for your next working day (--on-quiet-day sends "
              "anyway).")  # fmt: skip
        return EXIT_OK
    for hold in held:
        print(f"held: {hold.post} on {hold.platform}: {hold.reason}")
    if hint:
        print(hint)
    try:
        result = send_due(items, ledger, sys.stdout, timeout=args.timeout,
                          max_per_account=per_account, clock=utc_now)  # fmt: skip
    except ImportError as exc:
        raise ConfigError(
            f"posting needs the platforms' client libraries ({exc.name} is missing): "
            "pip install 'carepress[posting]'"
        ) from exc
    if not items:
        print("Nothing is due.")
    for line in result.failed:
        print(f"carepress: not posted: {line}", file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_ERRORS


def _archive(args: argparse.Namespace, settings: Settings) -> int:
    """`carepress archive`: what was published, as a dated folder held to its manifest."""
    from .archive.manifest import describe
    from .archive.screenshots import chromium, take
    from .archive.store import ArchiveError, make_archive, verify
    from .settings import configured_site_dir

    if args.log is not None and args.verify is None:
        raise ConfigError("--log: give it with --verify ARCHIVE (the log that archive is in)")
    if args.verify is not None:
        try:
            differences, problems = verify(args.verify, args.log)
        except ArchiveError as exc:
            raise ConfigError(str(exc)) from exc
        for what, paths in (("changed", differences.changed), ("missing", differences.missing),
                            ("added", differences.added)):  # fmt: skip
            for path in paths:
                print(f"{args.verify}: {what}: {path}")
        for problem in problems:
            print(f"{args.verify}: {problem}")
        if not differences and problems:
            print(f"{args.verify}: every file matches its manifest, but the manifest itself "
                  "could not be held to its log (above)")  # fmt: skip
        if differences or problems:
            return EXIT_ERRORS
        print(f"{args.verify}: every file matches its manifest")
        return EXIT_OK
    root = kept_private(args.output or settings.root / "records" / "archive",
                         "-o: the archive", settings, args.config)  # fmt: skip
    site = configured_site_dir(args.config)
    if not (site / "index.html").is_file():
        raise ConfigError(f"{site}: no built site to archive; build it first (carepress build)")
    now = utc_now()
    _warn_if_stale(site, settings, args.config)
    extras = _archive_extras(args, settings, site, now)
    if args.screenshots:
        browser = chromium()
        if browser is None:
            print("carepress: no screenshots: no Chromium on this machine (install the system's "
                  "chromium, or set CAREPRESS_CHROMIUM)", file=sys.stderr)  # fmt: skip
        else:
            pages = ["", *_published_pages(settings, site, now)]
            shots = take(site, pages, browser)
            extras.update(shots)
            if len(shots) < 2 * len(pages):
                print(f"carepress: {2 * len(pages) - len(shots)} of {2 * len(pages)} pictures "
                      "of pages could not be taken", file=sys.stderr)  # fmt: skip
    warn_unless_ignored(root, settings.root, "the archive")
    made = make_archive(root, site, extras, describe(settings.root, site, settings.site_url, now),
                        now)  # fmt: skip
    if made.first:
        print(f"Archived {made.files} files in {made.folder} ({made.new_bytes / 1e6:.1f} MB)")
    else:
        print(f"Archived {made.files} files in {made.folder} ({made.new} new, "
              f"{made.new_bytes / 1e6:.1f} MB; the rest shared with earlier archives)")
    print(_ledger_line(extras, settings))
    for relative in made.repaired:
        print(f"carepress: {relative}: the stored copy an earlier archive shares had been "
              "changed; this archive has the file as built (check the earlier archives with "
              "--verify)", file=sys.stderr)  # fmt: skip
    return EXIT_OK


def _archive_extras(
    args: argparse.Namespace, settings: Settings, site: Path, now: dt.datetime
) -> dict[str, bytes]:
    """What an archive holds besides the site: the snippets at its top, the posting ledger
    as JSON when there is one (what was sent, and every failed or refused attempt), and the
    incident log only when asked."""
    from .archive.ledger import ledger_record

    extras: dict[str, bytes] = {}
    snippets = site / "social" / "snippets.json"
    if snippets.is_file():
        extras["snippets.json"] = snippets.read_bytes()
    ledger = ledger_record(settings.root / settings.options.posting.ledger)
    if ledger is not None and (ledger["posted"] or ledger["failed"]):
        extras["ledger.json"] = (json.dumps(ledger, indent=2, ensure_ascii=False)
                                 + "\n").encode()  # fmt: skip
    if args.with_incidents:
        from .incidents.log import DEFAULT_DB as INCIDENTS_DB
        from .incidents.log import incidents_for_archive

        log = args.incidents_db or settings.root / INCIDENTS_DB
        if not log.is_file():  # an archive saying "no incidents" must mean it
            raise ConfigError(f"--with-incidents: there is no incident log at {log} (give "
                              "--incidents-db FILE for a log kept elsewhere)")  # fmt: skip
        extras["incidents.json"] = (json.dumps(incidents_for_archive(log), indent=2,
                                               ensure_ascii=False) + "\n").encode()  # fmt: skip
    return extras


def _ledger_line(extras: dict[str, bytes], settings: Settings) -> str:
    """What the archive holds of the posting ledger, said every time (also when nothing)."""
    shown = settings.options.posting.ledger
    if "ledger.json" not in extras:
        return (f"No posting ledger in it: {shown} holds nothing `carepress post` sent or "
                "tried" if (settings.root / shown).is_file() else
                f"No posting ledger in it: there is none at {shown} (`carepress post` keeps "
                "it)")  # fmt: skip
    ledger = json.loads(extras["ledger.json"])
    refused = sum(1 for row in ledger["failed"] if row.get("refused"))
    failed = len(ledger["failed"])
    return (f"The posting ledger is in it as ledger.json: {len(ledger['posted'])} sent, "
            f"{failed} failed attempt{'s' if failed != 1 else ''}"
            + (f" ({refused} refused by the platform)" if refused else ""))


def _warn_if_stale(site: Path, settings: Settings, config: Path) -> None:
    """Said when a source changed after the site was built: the archive holds the site as
    built, which is then not the posts as they are now."""
    built = (site / "index.html").stat().st_mtime
    newest, changed = 0.0, None
    sources = [config, *(p for p in settings.docs_dir.rglob("*")
                         if p.is_file() and not any(part.startswith(".") for part in
                                                    p.relative_to(settings.docs_dir).parts))]
    for path in sources:
        try:
            when = path.stat().st_mtime
        except OSError:
            continue
        if when > newest:
            newest, changed = when, path
    if changed is not None and newest > built:
        stamp = dt.datetime.fromtimestamp(built, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        print(f"carepress: the site was built ({stamp}) before the last change to "
              f"{settings.display_path(changed)}: this archive holds the site as built then, "
              "not the posts as they are now (`carepress build` first to archive them; "
              "`carepress verify` names the pages that are out of date)", file=sys.stderr)


def _published_pages(settings: Settings, site: Path, now: dt.datetime) -> list[str]:
    """The site's own pages (crisis, about, the policies...) and every published post's, as
    paths under the site."""
    not_pages = {"blog", "social", "search", "assets", "feeds"}
    pages = sorted(
        f"{folder.name}/" for folder in site.iterdir()
        if folder.name not in not_pages and (folder / "index.html").is_file()
    )  # fmt: skip
    for path in settings.post_files():
        report = check_front(path, settings, now)
        address = report.address
        if address and report.is_published(now) and (site / address.path / "index.html").is_file():
            pages.append(address.path)
    return pages


def _impact(args: argparse.Namespace, settings: Settings) -> int:
    """`carepress impact import|fetch|report`: the practice's own figures, kept on its own
    machine (impact/)."""
    from .impact.csv_files import FormatError
    from .impact.store import DEFAULT_DB, ImpactStore

    database = kept_private(args.db or settings.root / DEFAULT_DB, "--db: the impact database",
                             settings, args.config)  # fmt: skip
    store = ImpactStore(database)
    if args.impact_command != "report":
        warn_unless_ignored(database, settings.root, "the impact figures")
    try:
        if args.impact_command == "import":
            return _impact_import(args, settings, store)
        if args.impact_command == "fetch":
            return _impact_fetch(args, settings, store)
        return _impact_report(args, settings, store)
    except FormatError as exc:
        print(f"carepress: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _impact_posts(settings: Settings, config: Path) -> tuple[list[Post], PostMatcher]:
    """The hub's posts, and how a figure names one (old addresses kept by redirects too)."""
    from .impact.post_names import PostMatcher
    from .settings import hub_config, plugin_options

    now = utc_now()
    reports = [check_front(path, settings, now) for path in settings.post_files()]
    redirects = (plugin_options(hub_config(config).get("plugins"), "redirects") or {}).get(
        "redirect_maps") or {}
    return reports, PostMatcher.of(reports, {str(k): str(v) for k, v in redirects.items()}, now)


def _impact_import(args: argparse.Namespace, settings: Settings, store: ImpactStore) -> int:
    from .impact.importing import import_files

    for path in args.files:
        if path.is_dir():
            raise ConfigError(f"{path}: a folder; give the files in it ({path}/*.csv)")
        if not path.is_file():
            raise ConfigError(f"{path}: there is no such file")
    _, posts = _impact_posts(settings, args.config)
    result = import_files(args.files, store, settings.practice_zone, posts,
                          settings.display_path, args.as_of)  # fmt: skip
    for problem in result.problems:
        print(problem, file=sys.stderr)
    for line in result.lines:
        print(line)
    return EXIT_OK


def _impact_fetch(args: argparse.Namespace, settings: Settings, store: ImpactStore) -> int:
    """Today's figures of what `carepress post` sent, from the platforms themselves."""
    from .impact.platform_figures import fetch_figures
    from .syndication.accounts import configured_accounts

    accounts = configured_accounts(settings)
    if not accounts:
        raise ConfigError("no account to fetch from: set plugins > carepress > posting > "
                          "mastodon or bluesky in mkdocs.yml")  # fmt: skip
    ledger = kept_private(settings.root / settings.options.posting.ledger,
                           "posting.ledger: the ledger", settings, args.config)  # fmt: skip
    if not ledger.exists():
        raise ConfigError(f"{ledger}: nothing posted yet (`carepress post` keeps this ledger)")
    if not args.timeout > 0:
        raise ConfigError("--timeout: give a number of seconds above 0")
    reports, _ = _impact_posts(settings, args.config)
    slugs = {r.path.relative_to(settings.docs_dir).as_posix(): r.address.slug
             for r in reports if r.address is not None}  # fmt: skip
    zone = settings.practice_zone
    today = settings.local_date(utc_now())
    try:
        result = fetch_figures(ledger, store, accounts, slugs, zone, today, args.timeout)
    except ImportError as exc:
        raise ConfigError(
            f"fetching figures needs the platforms' client libraries ({exc.name}): "
            "pip install 'carepress[posting]'"
        ) from exc
    for problem in result.problems:
        print(f"carepress: not fetched: {problem}", file=sys.stderr)
    for line in result.lines:
        print(line)
    return EXIT_ERRORS if result.problems and not result.lines else EXIT_OK


def _impact_report(args: argparse.Namespace, settings: Settings, store: ImpactStore) -> int:
    from .impact.analysis import PostFacts, analyse
    from .impact.report_files import ReportError, write_report
    from .impact.store import DEFAULT_REPORT

    folder = kept_private(args.output or settings.root / DEFAULT_REPORT,
                           "-o: the impact report", settings, args.config)  # fmt: skip
    if not store.path.exists():
        raise ConfigError(f"{store.path}: no figures yet; bring some in with "
                          "`carepress impact import` or `carepress impact fetch`")  # fmt: skip
    reports, _ = _impact_posts(settings, args.config)
    facts = [
        PostFacts(r.address.slug, front.title, r.address.path, front.created,
                  tuple(front.audience), tuple(front.categories), front.type,
                  bool(front.content_warnings), len(r.post.body.split()) if r.post else 0)
        for r in reports
        if r.address is not None and (front := r.front_matter) is not None
    ]  # fmt: skip
    with store.connect() as db:
        analysis = analyse(db, facts)
    warn_unless_ignored(folder, settings.root, "the impact report")
    today = settings.local_date(utc_now())
    try:
        page = write_report(analysis, folder, settings.site_name,
                            settings.addressing.language, today)  # fmt: skip
    except ReportError as exc:
        raise ConfigError(str(exc)) from exc
    print(f"The report: {page} (private: keep it off the site)")
    return EXIT_OK


def _incident(args: argparse.Namespace, settings: Settings) -> int:
    """`carepress incident add|list|export|review`: the practice's private incident log
    (incidents/), never in docs_dir or the site."""
    from .incidents.command import run
    from .incidents.log import DEFAULT_DB
    from .incidents.record import IncidentError

    database = kept_private(args.db or settings.root / DEFAULT_DB,
                             "--db: the incident log", settings, args.config)  # fmt: skip
    output = getattr(args, "output", None)
    if output is not None:
        output = kept_private(output, "-o: the incident export", settings, args.config)
    try:
        return run(args, database, output, settings, utc_now())
    except IncidentError as exc:
        for problem in exc.problems:
            print(f"carepress: {problem}", file=sys.stderr)
        return EXIT_USAGE


def _quiet_day(settings: Settings, now: dt.datetime) -> str:
    """Today's weekday ("sat") when it is one of the practice's quiet days, in the time zone
    of its social hours (UTC without them); else ""."""
    from .practice import DAYS

    hours = settings.practice.social_hours
    today = hours.today(now) if hours is not None else DAYS[now.weekday()]
    return today if today in settings.options.cadence.quiet_days else ""


def _calendar(args: argparse.Namespace, settings: Settings) -> int:
    """The weeks ahead (calendar/), in the terminal, as JSON, and as an .ics file."""
    from .calendar.agenda import agenda, as_text
    from .calendar.ics import calendar_ics
    from .publish.share_kits import page_address

    if not 1 <= args.weeks <= 104:
        raise ConfigError("--weeks: give 1 to 104")
    now = utc_now()
    today = args.start or settings.local_date(now)
    monday = today - dt.timedelta(days=today.weekday())
    if (dt.date.max - monday).days < 7 * args.weeks - 1:
        raise ConfigError(f"--from {today}: the calendar's last week would end after "
                          f"{dt.date.max}, the last day it can show; give an earlier day or "
                          "fewer --weeks")  # fmt: skip
    # It holds draft titles: never where the site publishes from, and the owner's alone.
    ics = None if args.ics is None else kept_private(
        args.ics, "--ics: the editorial calendar (it holds draft titles)", settings, args.config)
    reports = [check_front(path, settings, now) for path in settings.post_files()]
    weeks = agenda(reports, settings, today, args.weeks)
    if args.format == "json":
        print(json.dumps([w.as_dict() for w in weeks], ensure_ascii=False, indent=2))
    else:
        print(as_text(weeks), end="")
    if ics is not None:
        home, directory_urls = settings.site_url or "/", settings.addressing.directory_urls
        kits = {
            r.display_path: home + page_address(r.address.slug, directory_urls)
            for r in reports if r.address is not None
        }  # fmt: skip
        stamp = dt.datetime.combine(today, dt.time(), dt.UTC)
        data = calendar_ics(weeks, settings.practice.name, settings.site_url, kits, stamp)
        warn_unless_ignored(ics, settings.root, "the editorial calendar, with draft titles")
        try:
            write_private(ics, data)
        except OSError as exc:
            raise ConfigError(f"--ics {args.ics}: cannot write it ({exc.strerror})") from None
        print(f"{settings.display_path(args.ics)}: written", file=sys.stderr)
    return EXIT_OK


def _new(args: argparse.Namespace, settings: Settings) -> int:
    from .new_post import NewPostError, create_post  # jinja2 is only needed here

    try:
        post = create_post(settings, args.title, args.audience, args.cw, args.author, args.category)
    except NewPostError as exc:
        print(f"carepress: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"Created {settings.display_path(post.path)} (a draft).")
    print("Edit it, run `carepress check`, and preview with `mkdocs serve`.")
    return EXIT_OK


def _build_with_zensical(args: argparse.Namespace, engine_args: list[str]) -> int:
    """Zensical skips the plugin, so what it would do comes around the build: every post and
    page checked first (nothing is built while one has an error: Zensical would stop on it
    partway and leave a partial site), then Zensical's build, then CarePress's outputs
    written into the site and the site verified (`carepress publish`)."""
    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        print(f"carepress: {_config_message(exc, args.config)}", file=sys.stderr)
        return EXIT_USAGE
    check = argparse.Namespace(**vars(args), paths=[], format="text", links=False, fresh=False)
    if _check(check, settings) != EXIT_OK:
        print("carepress: nothing was built: fix the errors above, then build again.",
              file=sys.stderr)  # fmt: skip
        return EXIT_ERRORS
    from .settings import configured_site_dir

    # Zensical writes into the site folder as it goes: the last good site waits aside and
    # comes back if the build, the outputs or the verification fail, so a refusal never
    # leaves a partial site where the old one was.
    site_dir = configured_site_dir(args.config)
    previous = site_dir.with_name(f".{site_dir.name}.carepress-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    result = EXIT_ERRORS
    try:
        # Zensical keeps each page's render by its Markdown alone, not by what the extension
        # puts around it (mkdocs.yml's CarePress options, the partials, the crisis lines): a
        # tester's collapse_warnings never reached a page. Every page is rendered again.
        fresh = [] if {"-c", "--clean"} & set(engine_args) else ["--clean"]
        result = run_engine("build", args.config, [*engine_args, *fresh], "zensical")
        if result == 0:
            result = _publish(argparse.Namespace(**vars(args), site_dir=None), settings)
    finally:
        if result == EXIT_OK:
            shutil.rmtree(previous, ignore_errors=True)
        elif previous.exists():
            shutil.rmtree(site_dir, ignore_errors=True)
            previous.rename(site_dir)
            print(f"carepress: {settings.display_path(site_dir)} is the last good site, "
                  "unchanged.", file=sys.stderr)  # fmt: skip
        else:
            shutil.rmtree(site_dir, ignore_errors=True)
    return result


def _config_message(exc: ConfigError, config: Path) -> str:
    """The message, naming the hub's own configuration file: messages say mkdocs.yml, the
    usual name, and a hub read with -f has another."""
    message = str(exc)
    if message.startswith("mkdocs.yml:") and config.name != "mkdocs.yml":
        return f"{config}:{message.removeprefix('mkdocs.yml:')}"
    return message


def _hub_config_above(folder: Path) -> Path | None:
    """The mkdocs.yml of the hub `folder` is in (itself or the nearest folder above it), as
    git finds its repository: a writer in content/posts/ can run `carepress check` there."""
    for candidate in (folder, *folder.parents):
        if (candidate / "mkdocs.yml").is_file():
            config = candidate / "mkdocs.yml"
            return Path("mkdocs.yml") if candidate == folder else config
    return None


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args, engine_args = parser.parse_known_args(argv)
    if args.config == Path("mkdocs.yml"):
        args.config = _hub_config_above(Path.cwd()) or args.config
    if not args.config.is_file():
        if args.config != Path("mkdocs.yml"):
            missing = f"there is no file {args.config}"
        else:
            missing = f"no mkdocs.yml in {Path.cwd()} (this folder) or a folder above it"
        print(
            f"carepress: {missing}: "
            "run carepress in the hub's folder (the one with mkdocs.yml), or name the hub's "
            "configuration with -f PATH (e.g. `carepress "
            f"{args.command} -f ../my-hub/mkdocs.yml`)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.command == "build" and args.engine == "zensical":
        return _build_with_zensical(args, engine_args)
    if args.command in ("build", "serve"):  # the engine reads mkdocs.yml and reports on it
        return run_engine(args.command, args.config, engine_args, args.engine)
    if engine_args:
        parser.error(f"unrecognized arguments: {' '.join(engine_args)}")
    try:
        settings = load_settings(args.config)
        commands: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
            "check": _check, "snippets": _snippets, "rules": _rules, "verify": _verify,
            "publish": _publish, "post": _post, "calendar": _calendar, "impact": _impact,
            "archive": _archive,
            "incident": _incident,
            "new": _new,
        }  # fmt: skip
        return commands[args.command](args, settings)
    except ConfigError as exc:
        print(f"carepress: {_config_message(exc, args.config)}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `carepress incident list | head`: the reader had enough
        # Python would report the pipe again while flushing stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def run() -> NoReturn:
    """The `carepress` command: `main`, then out without tearing the interpreter down. A
    check has loaded about a million objects (models, rule data, Markdown's extensions), and
    freeing them one by one at exit was a tenth of the one-post check; the operating system
    frees them at once. Exit handlers still run (logging's, temporary folders') and the
    output is flushed first."""
    collector.pause()  # until the first post is checked (collector.py)
    code = main()
    atexit._run_exitfuncs()  # what sys.exit would run, before the teardown skipped here
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BrokenPipeError, ValueError):  # a reader gone, a stream closed
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
