"""The two quickstart commands' setup: `build` installs what the hub needs (no browser, no
HTML checker), with pip's progress shown; `test` adds the test tools. Each reinstalls only
when pyproject.toml changed."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest
from conftest import REPO


@pytest.fixture
def tasks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    spec = importlib.util.spec_from_file_location("tasks_under_test", REPO / "tasks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").touch()  # an existing environment: nothing is created
    monkeypatch.setattr(module, "VENV", venv)
    monkeypatch.setattr(module, "BIN", venv / "bin")
    monkeypatch.setattr(module, "STAMP", venv / ".carepress-installed")
    ran: list[list[str]] = []
    monkeypatch.setattr(module, "run", lambda *args, env=None: ran.append([str(a) for a in args]))
    module.ran = ran
    return module


def _installs(ran: list[list[str]]) -> list[list[str]]:
    return [args[args.index("-e") + 1 :] for args in ran if "-e" in args]


def test_build_installs_only_what_the_hub_needs_and_shows_progress(tasks) -> None:
    tasks.ensure_venv()
    assert _installs(tasks.ran) == [["."]]
    assert all("--quiet" not in args for args in tasks.ran if "-e" in args)
    tasks.ran.clear()
    tasks.ensure_venv()  # nothing changed: nothing installed again
    assert tasks.ran == []


def test_test_installs_the_test_tools_and_zensical_when_it_can(tasks, monkeypatch) -> None:
    tasks.ensure_venv(for_tests=True)
    assert _installs(tasks.ran) == [[".[test]", tasks.ZENSICAL]]
    # Where the index has no Zensical that fits, the tests still get their tools.
    def fail_with_zensical(*args, env=None):
        tasks.ran.append([str(a) for a in args])
        if tasks.ZENSICAL in args:
            raise subprocess.CalledProcessError(1, args)

    tasks.ran.clear()
    tasks.STAMP.with_name(tasks.STAMP.name + "-test").unlink()
    monkeypatch.setattr(tasks, "run", fail_with_zensical)
    tasks.ensure_venv(for_tests=True)
    assert _installs(tasks.ran) == [[".[test]", tasks.ZENSICAL], [".[test]"]]
