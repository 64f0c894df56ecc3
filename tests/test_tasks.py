"""The two quickstart commands' setup: `build` installs what the hub needs (no browser, no
HTML checker), with pip's progress shown; `test` adds the test tools. Each reinstalls only
when pyproject.toml changed."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import sysconfig
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
    monkeypatch.setattr(module, "run", lambda *args: ran.append([str(a) for a in args]))
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
    def fail_with_zensical(*args):
        tasks.ran.append([str(a) for a in args])
        if tasks.ZENSICAL in args:
            raise subprocess.CalledProcessError(1, args)

    tasks.ran.clear()
    tasks.STAMP.with_name(tasks.STAMP.name + "-test").unlink()
    monkeypatch.setattr(tasks, "run", fail_with_zensical)
    tasks.ensure_venv(for_tests=True)
    assert _installs(tasks.ran) == [[".[test]", tasks.ZENSICAL], [".[test]"]]


_LOAD_THEME_AS_MKDOCS = "import sys; sys.argv[0] = 'mkdocs'; import material.templates"


def test_the_hubs_environment_keeps_materials_banner_out_of_every_mkdocs_run(tasks) -> None:
    purelib = {"base": tasks.VENV, "platbase": tasks.VENV}
    site_packages = Path(sysconfig.get_path("purelib", vars=purelib))
    site_packages.mkdir(parents=True)
    tasks.ensure_venv()
    assert "NO_MKDOCS_2_WARNING" in (site_packages / tasks.BANNER_PTH).read_text()
    # In the environment tasks.py made for these tests, loading the theme as `mkdocs` does
    # prints nothing...
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    quiet = subprocess.run(
        [sys.executable, "-c", _LOAD_THEME_AS_MKDOCS], env=env, capture_output=True, text=True
    )
    assert quiet.returncode == 0, quiet.stderr
    assert "end of life" not in quiet.stderr, "an older .venv? run: python3 tasks.py test"
    # ...while without the environment's .pth files (-S), Material prints its banner.
    site_packages = str(Path(material_templates_dir()).parents[1])
    loud = subprocess.run(
        [sys.executable, "-S", "-c", f"import sys; sys.path.append({site_packages!r}); "
         + _LOAD_THEME_AS_MKDOCS],
        env=env, capture_output=True, text=True,
    )
    assert "end of life" in loud.stderr


def material_templates_dir() -> str:
    spec = importlib.util.find_spec("material.templates")
    assert spec is not None and spec.origin is not None
    return str(Path(spec.origin).parent)
