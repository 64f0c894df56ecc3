"""Two easy mistakes in extra.practice (a UK tester's report): `crisis_region: GB` (the
UK's ISO code) and `uk` were refused with no "did you mean"; `time_zone: GMT` passed, and
the policy page then said "(GMT time)", an hour out all summer."""

from __future__ import annotations

import json

import pytest
from carepress.settings import load_settings
from conftest import Hub


def _set(hub: Hub, old: str, new: str) -> None:
    config = hub.root / "mkdocs.yml"
    text = config.read_text()
    assert old in text
    config.write_text(text.replace(old, new))


@pytest.mark.parametrize("written", ["GB", "gb", "uk", "UK", " Uk "])
def test_gb_and_any_case_are_the_uk(hub: Hub, written: str) -> None:
    _set(hub, "crisis_region: US", f'crisis_region: "{written}"')
    assert load_settings(hub.root / "mkdocs.yml").practice.crisis_region == "UK"


def _zone_findings(hub: Hub) -> list[dict]:
    result = hub.check("--format", "json")
    return [f for f in json.loads(result.stdout) if f["rule"] == "site.fixed-time-zone"]


@pytest.mark.parametrize("zone", ["GMT", "UTC", "Etc/GMT"])
def test_a_fixed_zone_for_a_uk_practice_is_a_warning_naming_europe_london(
    hub: Hub, zone: str
) -> None:
    _set(hub, "crisis_region: US", "crisis_region: UK")
    _set(hub, "time_zone: America/Los_Angeles", f"time_zone: {zone}")
    (found,) = _zone_findings(hub)
    line = next(n for n, text in enumerate((hub.root / "mkdocs.yml").read_text().splitlines(), 1)
                if "time_zone:" in text)  # fmt: skip
    assert (found["severity"], found["line"]) == ("warning", line)
    assert f"time_zone: {zone} keeps one offset all year" in found["message"]
    assert found["hint"] == "use Europe/London"


def test_a_region_s_own_zone_and_pst_elsewhere(hub: Hub) -> None:
    assert _zone_findings(hub) == []  # the sample: America/Los_Angeles
    _set(hub, "time_zone: America/Los_Angeles", "time_zone: PST8PDT")
    assert _zone_findings(hub) == []  # changes its clocks
    _set(hub, "time_zone: PST8PDT", "time_zone: EST")
    (found,) = _zone_findings(hub)
    assert "America/New_York" in found["hint"]
