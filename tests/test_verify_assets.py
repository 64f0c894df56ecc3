"""`carepress verify`'s promise that no page makes a reader's browser load from another host
(verify/assets.py), on addresses written the ways a browser still reads as another host's:
red-team pass 4 loaded three pictures from other hosts through a Zensical site that
`carepress publish` had verified."""

from __future__ import annotations

from pathlib import Path

import pytest
from carepress.verify.assets import third_party_findings
from carepress.verify.site_files import SiteFiles

SITE = "https://learn.example.org/"


def _hosts(tmp_path: Path, page: str) -> str:
    (tmp_path / "index.html").write_text(f"<html><body>{page}</body></html>", "utf-8")
    found = third_party_findings(SiteFiles(tmp_path), SITE, str)
    return " ".join(f.message for f in found)


@pytest.mark.parametrize(
    ("page", "host"),
    [
        ('<img alt="" src="https://evil.example/a.png">', "evil.example"),
        ('<img alt="" src="/\\evil.example/a.png">', "evil.example"),
        ('<img alt="" src="\\\\evil.example/a.png">', "evil.example"),
        ('<img alt="" src="/&#9;/evil3.example/c.png">', "evil3.example"),
        ('<img alt="" src="http:evil5.example/e.png">', "evil5.example"),
        ("<div style='background-image: image-set(\"https://evil4.example/d.png\" 1x)'>x</div>",
         "evil4.example"),
        ("<div style='background: url(\\68ttps://evil6.example/f.png)'>x</div>",
         "evil6.example"),
        ("<style>.x { background: -webkit-image-set('//evil7.example/g.png' 2x) }</style>",
         "evil7.example"),
        ('<div style="background: url(&#104;ttps://evil8.example/h.png)">x</div>',
         "evil8.example"),
        ('<div class="mermaid">graph TD; A--&gt;B</div>', "unpkg.com"),
    ],
)
def test_another_host_written_any_way_a_browser_reads_is_found(
    tmp_path: Path, page: str, host: str
) -> None:
    assert f"load from {host}" in _hosts(tmp_path, page)


@pytest.mark.parametrize(
    "page",
    [
        '<img alt="" src="/assets/a.png">',
        '<img alt="" src="https://learn.example.org/assets/a.png">',
        '<a href="https://other.example/">a link is followed by choice, not loaded</a>',
        "<div style='background: url(../assets/b.png)'>x</div>",
        '<img alt="" src="//[::1">',
    ],
)
def test_the_site_s_own_files_and_links_are_not_loads_from_elsewhere(
    tmp_path: Path, page: str
) -> None:
    assert _hosts(tmp_path, page) == ""
