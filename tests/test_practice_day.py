"""One "today" for the practice: its social hours' time zone decides the day the calendar,
posting and impact count from, whatever the machine's clock zone (a new-user tester found the
calendar in UTC's week while posting and impact used the practice's day)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from carepress import cli
from carepress.settings import load_settings
from conftest import Hub

# Monday 7 December 2026, 01:30 UTC: still Sunday afternoon in Oregon.
MONDAY_IN_UTC = dt.datetime(2026, 12, 7, 1, 30, tzinfo=dt.UTC)


def test_the_practice_date_is_its_own_time_zones(hub: Hub) -> None:
    settings = load_settings(hub.root / "mkdocs.yml")
    assert settings.practice.social_hours is not None
    assert settings.practice.social_hours.time_zone == "America/Los_Angeles"
    assert settings.local_date(MONDAY_IN_UTC) == dt.date(2026, 12, 6)
    assert settings.local_date(MONDAY_IN_UTC.replace(hour=9)) == dt.date(2026, 12, 7)


def test_the_calendar_starts_from_the_practice_s_week(
    hub: Hub, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "utc_now", lambda: MONDAY_IN_UTC)
    config = str(hub.root / "mkdocs.yml")
    assert cli.main(["-f", config, "calendar", "--weeks", "1", "--format", "json"]) == 0
    (week,) = json.loads(capsys.readouterr().out)
    assert week["week_of"] == "2026-11-30"  # Oregon's week: Sunday 6 December is in it
