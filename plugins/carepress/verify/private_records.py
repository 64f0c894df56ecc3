"""No private record of the practice in the site, whatever its name or the folder it came
from (docs_dir, the theme's custom_dir, or copied in after the build)."""

from __future__ import annotations

from collections.abc import Callable

from ..findings import Finding
from ..private_files import private_record
from .rules import PRIVATE_RECORD, site_finding
from .site_files import SiteFiles


def private_record_findings(files: SiteFiles, shown_as: Callable[[str], str]) -> list[Finding]:
    findings = []
    for relative in files.paths:
        record = private_record(files.root / relative)
        if record is not None:
            findings.append(site_finding(
                shown_as(relative), PRIVATE_RECORD,
                f"this is {record}: published, anyone could read it",
                "delete it from the site, and keep it out of docs_dir and the theme's "
                "custom_dir (records/ is the place); then build again",
            ))  # fmt: skip
    return findings
