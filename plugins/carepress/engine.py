"""The engine: read a post, run every registered check (checks/registry.py), return its Post.

Both faces call this: ``carepress check`` and the MkDocs plugin.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .budget import OverBudget, time_budget
from .checks.frontmatter import RULES_READING_KEY, check_front_matter, meta_file_findings
from .checks.registry import PostContext, post_checks
from .content import PostFile, read_post
from .findings import Finding, has_errors
from .model import FrontMatter
from .prose import BLOCK_RE
from .publish.address import PostAddress
from .publish.snippets import Snippet

if TYPE_CHECKING:
    from .publish.slides import Visuals
from .safeguards import Safeguards, safeguards_for
from .settings import ConfigError, Settings
from .suppressions import apply_suppressions


@dataclass
class Post:
    """One post in one build: everything CarePress knows of it, made once by `check_post`
    (or kept from the last build, report_cache.py) and read by every output."""

    path: Path
    display_path: str
    post: PostFile | None
    front_matter: FrontMatter | None
    findings: list[Finding] = field(default_factory=list)
    bad_keys: set[str] = field(default_factory=set)
    safeguards: Safeguards | None = None
    snippets: Mapping[str, Snippet] = field(default_factory=dict)  # by platform
    visuals: Visuals | None = None  # carousel slides and quote card (checks/visual_formats.py)
    address: PostAddress | None = None  # where it lands (with valid front matter)
    # What the content checks read when the front matter has errors (checks/frontmatter.py
    # `salvage`): every finding at once. Never published, never read by an output.
    checked_as: FrontMatter | None = field(default=None, repr=False, compare=False)

    @property
    def has_errors(self) -> bool:
        return has_errors(self.findings)

    def is_published(self, now: dt.datetime) -> bool:
        return self.front_matter is not None and self.front_matter.is_published(now)

    def left_out_because(self, now: dt.datetime) -> str | None:
        """Why the blog leaves this post out of the site by its own choice (a draft, a date
        to come), or None: its front matter's answer, as far as it could be read."""
        model = self.front_matter or self.checked_as
        return model.left_out_because(now) if model is not None else None

    def sharing_status(self, now: dt.datetime) -> str:
        """Whether this post may be shared now, the one answer `carepress post` (what it
        sends) and `carepress snippets` (what it prints) go by: READY (published, not
        expired, without errors, its snippets composed), else DRAFT, SCHEDULED (dated in
        the future), EXPIRED or HAS_ERRORS."""
        model = self.front_matter or self.checked_as
        if model is not None and model.draft:
            return DRAFT
        if model is not None and model.left_out_because(now) is not None:
            return SCHEDULED
        if self.front_matter is None or self.safeguards is None or self.address is None:
            return HAS_ERRORS
        if self.has_errors:
            return HAS_ERRORS
        if self.front_matter.is_expired(now):
            return EXPIRED
        return READY


# A post's sharing status (Post.sharing_status), as `carepress snippets --format json` shows it.
READY, DRAFT, SCHEDULED, EXPIRED, HAS_ERRORS = "ready", "draft", "scheduled", "expired", "errors"
SHARING_STATUS_TEXT = {
    DRAFT: "a draft, not published",
    SCHEDULED: "dated in the future, not published yet",
    EXPIRED: "expired: left out of every feed",
    HAS_ERRORS: "has errors (see `carepress check`)",
}


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def check_front(path: Path, settings: Settings, now: dt.datetime | None = None) -> Post:
    """What a build needs before it reads anything else: the file, its validated front matter
    and the safeguards it asks for. `check_post` does this, then checks the prose."""
    now = now or utc_now()
    display = settings.display_path(path)
    post, findings = read_post(path, display, settings.max_post_bytes)
    findings += meta_file_findings(path, display, settings)
    report = Post(path, display, post, None, findings)
    if post is None:
        return report
    result = check_front_matter(post, settings, now)
    report.front_matter = result.model
    report.checked_as = result.model or result.salvaged
    report.bad_keys = result.bad_keys
    report.findings += result.findings
    if result.model is not None:
        report.address = settings.address(result.model, path)
    if result.model is not None and post.body.strip():
        report.safeguards = safeguards_for(result.model, settings)
    return report


def check_post(
    path: Path, settings: Settings, now: dt.datetime | None = None, *, html: bool = True
) -> Post:
    """Every check of one post. `html=False` leaves out rendering the post to judge its
    HTML: a build judges the HTML MkDocs renders instead (and renders here only to find
    the line of a problem). Never raises for anything a post holds: a post the checks
    cannot finish in the time budget, or that trips a bug, gets an error finding."""
    now = now or utc_now()
    report = check_front(path, settings, now)
    if report.post is None:
        return report
    try:
        with time_budget(settings.options.max_seconds_per_post):
            _check_body(report, settings, now, html)
    except OverBudget as exc:
        report.findings.append(too_complex(report.post, exc.seconds))
    except RecursionError:
        report.findings.append(too_complex(report.post, 0))
    except ConfigError:
        raise  # the hub's configuration, not the post: exit 2
    except Exception as exc:  # a bug in CarePress or an extension; the post is not passed
        report.findings.append(
            Finding(report.display_path, report.post.body_line, 1, "internal.error", "internal",
                    "error", f"CarePress could not check this post ({type(exc).__name__}: "
                    f"{str(exc)[:200]})", "please report this; until then the post is not "
                    "published")
        )  # fmt: skip
    if report.front_matter is not None and report.front_matter.draft:
        report.findings = [_as_draft(f) for f in report.findings]
    return report


def too_complex(post: PostFile, seconds: float) -> Finding:
    """A post no check (or Markdown) can get through: at its longest paragraph, the usual
    cause (thousands of brackets, tags or list markers in a row)."""
    longest = max(BLOCK_RE.finditer(post.body), key=lambda m: len(m.group(0)), default=None)
    line = post.body_line + (post.body.count("\n", 0, longest.start()) if longest else 0)
    why = f"took longer than {seconds:g} s" if seconds else "nests too deeply"
    return Finding(
        post.path, line, 1, "html.too-complex", "html", "error",
        f"this post {why} to check or render: Markdown slows down (or gives up) on very "
        "long runs of brackets, tags or list markers, such as in the paragraph here",
        "split the paragraph, or show such text as code; a post this complex would also "
        "stop the build",
    )  # fmt: skip


def _check_body(report: Post, settings: Settings, now: dt.datetime, html: bool) -> None:
    """The registered checks, in their order (checks/registry.py); then the post's own
    suppressions and the practice's severity overrides."""
    post, model = report.post, report.checked_as
    assert post is not None
    ready = model is not None and bool(post.body.strip())
    if not ready and not html:
        return
    salvaged = model is not report.front_matter
    safeguards = report.safeguards or (safeguards_for(model, settings) if ready else None)  # type: ignore[arg-type]
    address = report.address or (settings.address(model, report.path) if ready else None)  # type: ignore[arg-type]
    context = PostContext(post, model, safeguards, address, settings, now, html)  # type: ignore[arg-type]
    found = context.found
    for check in post_checks():
        if ready or not check.needs_front_matter:
            found += check.run(context)
    if salvaged:  # a left-out key's stand-in would only repeat that key's finding
        noise = tuple(r for key in report.bad_keys for r in RULES_READING_KEY.get(key, ()))
        found = [f for f in found if not f.rule.startswith(noise)] if noise else found
    else:
        report.snippets = context.snippets
        report.visuals = context.visuals
    report.findings += found
    if ready:
        report.findings = apply_suppressions(post, report.findings, lambda: settings.rule_index)
        report.findings = settings.adjusted(report.findings)
    report.findings = at_most_per_rule(report.findings)


# A writer fixes a repeated word after a few of its findings; thousands of them (a phrase
# pasted many times, a hostile post) would bury every other finding and the build's log.
MAX_PER_RULE = 20


def at_most_per_rule(findings: list[Finding], limit: int = MAX_PER_RULE) -> list[Finding]:
    """The first `limit` findings of each rule, and one more that counts the rest."""
    totals = Counter(f.rule for f in findings)
    if max(totals.values(), default=0) <= limit:
        return findings
    kept: list[Finding] = []
    seen: Counter[str] = Counter()
    for finding in findings:
        seen[finding.rule] += 1
        if seen[finding.rule] <= limit:
            kept.append(finding)
        elif seen[finding.rule] == limit + 1:
            rest = totals[finding.rule] - limit
            kept.append(replace(
                finding,
                message=f"{finding.message} (and {rest - 1} more like this from here on, "
                "not listed one by one)" if rest > 1 else finding.message,
            ))  # fmt: skip
    return kept


def _as_draft(finding: Finding) -> Finding:
    """A draft is never published, so only what stops the build from reading it stays an
    error; everything else is reported as info until the writer marks the post ready."""
    if finding.category == "frontmatter" or finding.severity == "info":
        return finding
    return replace(
        finding, severity="info", hint=f"{finding.hint} (info while the post is a draft)".strip()
    )
