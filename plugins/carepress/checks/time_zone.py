"""`social_hours.time_zone` written as a fixed offset ("GMT", "UTC", "EST") for a practice
whose country changes its clocks: valid, but the hours the policy page gives ("(GMT time)")
are an hour out half the year. A warning naming the region's own zone (Europe/London)."""

from __future__ import annotations

import re
from pathlib import Path

from ..findings import Finding
from ..settings import Settings
from .registry import RuleInfo, declare

FIXED_TIME_ZONE = "site.fixed-time-zone"
declare(
    RuleInfo(FIXED_TIME_ZONE, "site", "warning", "social_hours.time_zone is a fixed offset "
             "(GMT, UTC, EST...) where the practice's country changes its clocks"),
)  # fmt: skip

# Zone names that never change their clocks (as IANA keeps them), and a zone to suggest for
# each crisis region (the region's largest where it has several).
_FIXED = frozenset({"GMT", "UTC", "UCT", "Etc/GMT", "Etc/UTC", "Etc/UCT", "Universal", "Zulu",
                    "Etc/Universal", "Etc/Zulu", "Greenwich", "GMT0", "GMT+0", "GMT-0",
                    "EST", "MST", "HST", "EDT", "CST", "PST", "PDT", "CET", "WET", "EET",
                    "MET"})  # fmt: skip
_SUGGESTED = {
    "US": "America/New_York, America/Chicago, America/Denver or America/Los_Angeles",
    "CA": "America/Toronto, America/Winnipeg, America/Edmonton or America/Vancouver",
    "UK": "Europe/London",
    "IE": "Europe/Dublin",
    "AU": "Australia/Sydney, Australia/Melbourne or Australia/Adelaide (or Australia/Brisbane)",
    "NZ": "Pacific/Auckland",
}


def time_zone_findings(settings: Settings, config_file: Path) -> list[Finding]:
    hours = settings.practice.social_hours
    suggested = _SUGGESTED.get(settings.practice.crisis_region)
    if hours is None or suggested is None:
        return []
    zone = hours.time_zone
    if zone not in _FIXED and not re.fullmatch(r"Etc/GMT[+-]\d{1,2}", zone):
        return []
    try:
        text = config_file.read_text(encoding="utf-8")
    except OSError:
        text = ""
    line = next((n for n, written in enumerate(text.splitlines(), 1)
                 if re.search(r"\btime_zone\s*:", written)), 1)  # fmt: skip
    return [Finding(settings.display_path(config_file), line, 1, FIXED_TIME_ZONE, "site",
                    "warning", f"time_zone: {zone} keeps one offset all year, but clocks in "
                    f"the practice's region ({settings.practice.crisis_region}) change in "
                    f"summer: the hours the policy page gives are an hour out half the year",
                    f"use {suggested}")]  # fmt: skip
