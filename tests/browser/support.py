"""What the reader-side tests share: the kinds of page, Chromium's flags, where artifacts go,
and the rule that a missing tool skips locally but fails in CI."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "test-artifacts"
# As root, with no network: no sandbox, no GPU, and none of Chromium's own calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 812}
# Every kind of page a reader meets; the last two exist once the share kit and the subscribe
# page are built, and are tested from then on.
KINDS = [
    "home",
    "articles",
    "post-with-cw",
    "post-without-cw",
    "archive",
    "category",
    "crisis",
    "about",
    "not-found",
    "share-kit",
    "subscribe",
]
OPTIONAL_KINDS = {"share-kit", "subscribe"}


def unavailable(reason: str) -> None:
    """Skip locally; fail in CI (CI=true), where the tools are installed by .ci/run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: these tests must run in CI; see .ci/run)", pytrace=False)
    pytest.skip(reason)


def chromium_executable() -> str | None:
    candidates = [os.environ.get("CAREPRESS_CHROMIUM"), "/usr/bin/chromium"]
    names = ("chromium", "chromium-browser", "google-chrome")  # the last on GitHub's runners
    candidates += [shutil.which(name) for name in names]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
