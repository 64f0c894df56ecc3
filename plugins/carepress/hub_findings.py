"""What a hub holds besides its posts, judged once a run: the other files of docs_dir (and
the private records among the theme's custom_dir's) and
the practice's own texts (profile, disclaimers, policy pages). A build, a preview and
`carepress check` of a whole hub keep these findings in their report cache
(report_cache.py), keyed by what they read, so a rerun with nothing changed renders none."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .checks.practice_texts import practice_text_findings
from .checks.static_files import (
    custom_dir_fingerprint,
    custom_dir_problems,
    docs_dir_fingerprint,
    docs_dir_problems,
)
from .findings import Finding
from .policy_pages import policy_partials
from .report_cache import ReportCache, file_bytes
from .settings import Settings

PRACTICE = "practice"


class HubFindings:
    """The hub's findings: those of docs_dir's and custom_dir's files at once, the
    practice's texts kept from the last run, or else `task`, for the caller to run where it
    likes (a worker checking the posts: parallel.Checking's `also`) and hand to `finish`.
    Rendering a policy page's text that cannot be rendered raises ConfigError."""

    def __init__(self, cache: ReportCache, settings: Settings, config_file: Path) -> None:
        self._cache = cache
        self.found = cache.kept_findings(
            "docs_dir",
            lambda: docs_dir_problems(settings.docs_dir, settings.root,
                                      settings.shipped_theme_dirs, settings.display_path),
            docs_dir_fingerprint(settings.docs_dir),
        )  # fmt: skip
        self.found += cache.kept_findings(
            "custom_dir",
            lambda: custom_dir_problems(settings.custom_dir, settings.display_path),
            custom_dir_fingerprint(settings.custom_dir),
        )
        self._read = [
            str(path).encode() + b"\0" + file_bytes(path) for _, path in policy_partials(settings)
        ]
        kept = cache.findings_kept(PRACTICE, self._read)
        self.task: Callable[[], list[Finding]] | None = None
        if kept is None:
            self.task = lambda: practice_text_findings(settings, config_file)
        else:
            self.found += kept

    def finish(self, practice: list[Finding] | None) -> list[Finding]:
        """Every finding, given what `task` returned (None when there was no task)."""
        if self.task is not None:
            assert practice is not None
            self._cache.keep_findings(PRACTICE, self._read, practice)
            self.found += practice
            self.task = None
        return self.found
