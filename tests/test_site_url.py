"""A hub without `site_url`: the feeds, snippets, share kits and carousel slides link to each
post by its full address, and without it they pointed to https://example.invalid/ while the
build only warned about the feeds. Now a build stops with one message naming what needs it
and how to fix it; `carepress check`, `publish` and `verify` report it; `mkdocs serve`,
which sets a site_url of its own, keeps working."""

from __future__ import annotations

import json
import re

import pytest
from conftest import Hub, make_hub, post_text
from test_serve_preview import _serving

MESSAGE = "site_url is not set: the feeds, the social snippets, the share kits and the carousel"
FIX = "add `site_url: https://...` to mkdocs.yml"


def _without_site_url(hub: Hub) -> None:
    config = hub.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert re.search(r"^site_url:", text, flags=re.M), "the sample hub sets site_url"
    config.write_text(re.sub(r"^site_url:.*\n", "", text, flags=re.M), encoding="utf-8")


@pytest.fixture
def hub_without_site_url(hub: Hub) -> Hub:
    _without_site_url(hub)
    hub.write_post("one.md", post_text(slug="one"))
    return hub


def test_a_build_without_site_url_stops_and_says_what_needs_it(hub_without_site_url: Hub) -> None:
    built = hub_without_site_url.build()
    assert built.returncode != 0
    assert f"mkdocs.yml: {MESSAGE} slides" in built.stderr
    assert FIX in built.stderr
    assert "Traceback" not in built.stderr
    assert not hub_without_site_url.site.exists(), "nothing published"


def test_check_reports_a_missing_site_url(hub_without_site_url: Hub) -> None:
    hub = hub_without_site_url
    for args in ((), ("content/posts/one.md",)):
        checked = hub.check("--format", "json", *args)
        assert checked.returncode == 1, checked.stdout + checked.stderr
        findings = [f for f in json.loads(checked.stdout) if f["rule"] == "site.no-site-url"]
        assert len(findings) == 1, checked.stdout
        assert findings[0]["path"] == "mkdocs.yml" and findings[0]["severity"] == "error"
        assert FIX in findings[0]["hint"]


def test_publish_and_verify_refuse_a_hub_without_site_url(tmp_path) -> None:
    hub = make_hub(tmp_path / "hub")
    hub.write_post("one.md", post_text(slug="one"))
    assert hub.build().returncode == 0
    _without_site_url(hub)
    verified = hub.carepress("verify")
    assert verified.returncode == 1 and "site.no-site-url" in verified.stdout, verified.stdout
    assert "safe to publish" not in verified.stdout
    published = hub.carepress("publish", "site")
    assert published.returncode == 1
    assert MESSAGE in published.stderr and "nothing was published" in published.stderr


def test_the_sample_hub_and_its_copies_set_site_url(hub: Hub) -> None:
    checked = hub.check("--format", "json")
    assert "site.no-site-url" not in checked.stdout


def test_serve_without_site_url_keeps_working(hub_without_site_url: Hub) -> None:
    with _serving(hub_without_site_url.root) as server:
        assert "carepress-disclaimer" in server.get("/blog/one/")
        assert server.process.poll() is None
    assert MESSAGE in server.output and "the preview goes on" in server.output


def test_a_hub_without_its_crisis_page_is_refused_by_the_build_and_the_check(hub: Hub) -> None:
    """Every page's footer and each crisis box link to the crisis page: without it the build
    stops and the whole hub's check says so, with one message."""
    (hub.root / "content" / "crisis.md").unlink()
    build = hub.build()
    assert build.returncode != 0
    assert "content/crisis.md is missing: every page's footer" in build.stderr
    assert not hub.site.exists()
    check = hub.check("--format", "json")
    assert check.returncode == 1
    found = [f for f in json.loads(check.stdout) if f["rule"] == "site.no-crisis-page"]
    assert found and found[0]["path"] == "content/crisis.md"
