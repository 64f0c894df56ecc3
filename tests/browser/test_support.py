"""A missing browser tool skips the reader-side tests locally and fails them in CI."""

from __future__ import annotations

import pytest

from browser.support import unavailable


def test_a_missing_tool_skips_locally(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium is not installed"):
        unavailable("Chromium is not installed")


def test_a_missing_tool_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"axe-core is missing \(CI=true"):
        unavailable("axe-core is missing")
