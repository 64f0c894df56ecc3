"""A test package that is missing (Mastodon.py, atproto, feed2toot, feediverse) skips its
tests locally and fails them in CI, by the rule of `unavailable`: CI never passes by running
none of them."""

from __future__ import annotations

import pytest
from conftest import required_module

MISSING = "carepress_no_such_package"


def test_a_missing_package_skips_locally(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=f"{MISSING} is not installed"):
        required_module(MISSING, "install the test extra")


def test_a_missing_package_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"install the test extra \(CI=true"):
        required_module(MISSING, "install the test extra")


def test_a_package_that_is_there_is_imported() -> None:
    assert required_module("json", "(the standard library)").dumps([]) == "[]"
