"""What a hub holds besides its posts, judged once a run: the other files of docs_dir (and
the private records among the theme's custom_dir's) and
the practice's own texts (profile, disclaimers, policy pages). A build, a preview and
`carepress check` of a whole hub keep these findings in their report cache
(report_cache.py), keyed by what they read, so a rerun with nothing changed renders none."""

from __future__ import annotations

from pathlib import Path

from .checks.practice_texts import practice_text_findings
from .checks.static_files import (
    custom_dir_fingerprint,
    custom_dir_problems,
    docs_dir_fingerprint,
    docs_dir_problems,
)
from .findings import Finding
from .parallel import apart
from .policy_pages import policy_partials
from .report_cache import ReportCache, file_bytes
from .settings import Settings


def kept_hub_findings(
    cache: ReportCache, settings: Settings, config_file: Path, posts: int, *, fork: bool = True
) -> list[Finding]:
    """Raises ConfigError for a policy page's text that cannot be rendered. The practice's
    texts are checked apart (parallel.apart) in a hub of `posts` posts, unless not `fork`."""
    findings = cache.kept_findings(
        "docs_dir",
        lambda: docs_dir_problems(settings.docs_dir, settings.root,
                                  settings.shipped_theme_dirs, settings.display_path),
        docs_dir_fingerprint(settings.docs_dir),
    )  # fmt: skip
    findings += cache.kept_findings(
        "custom_dir",
        lambda: custom_dir_problems(settings.custom_dir, settings.display_path),
        custom_dir_fingerprint(settings.custom_dir),
    )
    findings += cache.kept_findings(
        "practice",
        lambda: apart(lambda: practice_text_findings(settings, config_file), posts, allowed=fork),
        [str(path).encode() + b"\0" + file_bytes(path) for _, path in policy_partials(settings)],
    )
    return findings
