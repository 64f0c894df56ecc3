"""Platforms are records (publish/platforms.py): adding one is one record, and every output
that lists platforms (snippets, their rules, the social feeds, the profile kit) follows."""

from __future__ import annotations

from dataclasses import replace

import pytest
from carepress.engine import check_post
from carepress.publish import counting
from carepress.publish.catalog import feed_catalog
from carepress.publish.platforms import PLATFORMS, Platform, count, fits
from carepress.publish.profile import profile_kit
from carepress.settings import load_settings
from conftest import Hub, post_text

PIXELFED = Platform(
    "pixelfed", "Pixelfed", 500, lambda text, cw="": counting.utf16_units(text), "", 150,
    max_hashtags=2,
)  # fmt: skip


@pytest.fixture
def with_pixelfed(monkeypatch: pytest.MonkeyPatch) -> Platform:
    monkeypatch.setitem(PLATFORMS, PIXELFED.key, PIXELFED)
    return PIXELFED


def test_one_record_reaches_snippets_rules_feeds_and_the_profile_kit(
    hub: Hub, with_pixelfed: Platform
) -> None:
    settings = load_settings(hub.root / "mkdocs.yml")
    path = hub.write_post("p.md", post_text())
    report = check_post(path, settings)
    snippet = report.snippets["pixelfed"]
    assert snippet.limit == 500 and snippet.length <= 500
    assert count("pixelfed", snippet.text) == snippet.length
    assert len(snippet.hashtags) <= 2
    assert "social.too-long-pixelfed" in load_settings(hub.root / "mkdocs.yml").rule_index
    assert report.front_matter is not None
    social = feed_catalog("Hub", [report.front_matter]).social
    assert [link.path for link in social][-1] == "feeds/social/pixelfed.xml"
    bio = profile_kit(settings)["bios"]["pixelfed"]
    assert bio["length"] <= bio["limit"] == 150


def test_a_platform_too_small_for_the_safeguards_is_an_error(
    hub: Hub, with_pixelfed: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A snippet never drops its disclaimer or warning to fit: it is a finding instead."""
    monkeypatch.setitem(PLATFORMS, "pixelfed", replace(PIXELFED, limit=40))
    settings = load_settings(hub.root / "mkdocs.yml")
    path = hub.write_post("p.md", post_text())
    report = check_post(path, settings)
    assert "social.too-long-pixelfed" in {f.rule for f in report.findings}


def test_the_records_limits_are_enforced_by_fits() -> None:
    assert fits("threads", " ".join(f"https://nimh.gov/{i}" for i in range(5)))
    assert not fits("threads", " ".join(f"https://nimh.gov/{i}" for i in range(6)))
    assert not fits("instagram", "#a #b #c #d #e #f")
    with pytest.raises(ValueError, match="unknown platform 'myspace'"):
        count("myspace", "hi")
