"""`mkdocs serve` support: keep a broken post previewable and show its problems on the page.

In a build a broken post stops everything. While a writer previews, the server must keep
running, so the post is swapped for a sanitised copy (only the keys that validated, so
Material can load it) and the page shows a notice listing the problems.
"""

from __future__ import annotations

import datetime as dt
import html
import signal
import threading
from pathlib import Path
from typing import Any

import yaml

from ..checks.snippet_includes import without_includes
from ..engine import Post
from ..findings import Finding
from ..settings import Settings


def sanitised_source(report: Post, settings: Settings, today: dt.date) -> str:
    meta: dict[str, Any] = {}
    body = ""
    if report.post is not None:
        meta = {k: v for k, v in report.post.meta.items() if k not in report.bad_keys}
        body = without_includes(report.post.body, settings)  # a post may include none
    # Material raises on unknown authors or categories: keep only the ones it accepts.
    if isinstance(meta.get("authors"), list):
        meta["authors"] = [a for a in meta["authors"] if a in settings.authors]
    if settings.categories_allowed and isinstance(meta.get("categories"), list):
        meta["categories"] = [c for c in meta["categories"] if c in settings.categories_allowed]
    meta.setdefault("title", report.path.stem.replace("-", " ").capitalize() or "Untitled post")
    meta.setdefault("date", today)
    meta["draft"] = bool(meta.get("draft", False))
    body = body or "The post could not be read; see the problems above."
    if settings.excerpt_separator not in body:
        body = f"{settings.excerpt_separator}\n\n{body}"
    front = yaml.safe_dump(_plain(meta), allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{body}\n"


def _plain(value: Any) -> Any:
    # Drop anything YAML cannot dump safely (e.g. invalid-date markers).
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if _dumpable(v)}
    if isinstance(value, list):
        return [_plain(v) for v in value if _dumpable(v)]
    return value


def _dumpable(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool, dt.date, list, dict, type(None)))


def write_sanitised(
    report: Post, settings: Settings, temp_dir: Path, src_uri: str, today: dt.date
) -> Path:
    target = temp_dir / src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(sanitised_source(report, settings, today), encoding="utf-8")
    return target


def notice_html(findings: list[Finding]) -> str:
    items = "".join(
        f"<li><strong>line {f.line}</strong>: {html.escape(f.message)}"
        + (f"<br><em>{html.escape(f.hint)}</em>" if f.hint else "")
        + "</li>"
        for f in findings
    )
    errors = any(f.is_error for f in findings)
    title = (
        "This post cannot be published yet" if errors else "CarePress has suggestions for this post"
    )
    kind = "failure" if errors else "warning"
    return (
        f'<div class="admonition {kind} carepress-preview-problems" role="alert">'
        f'<p class="admonition-title">{title} (preview only)</p><ul>{items}</ul></div>'
    )


def stop_on_sigterm() -> None:
    """`mkdocs serve` stops cleanly on Ctrl-C (KeyboardInterrupt), and then on_shutdown
    removes the sanitised copies; a SIGTERM (a process manager, `kill`) would end it at once
    and leave them behind. So SIGTERM is turned into the same KeyboardInterrupt, unless
    something else already handles it."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
