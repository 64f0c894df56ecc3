"""A normal, non-editable install works: the wheel carries every file the package reads.

The rest of the suite runs against an editable install (tasks.py), which reads the source
tree and so can never see a file the wheel leaves out. Here the wheel is built, installed
into a fresh virtual environment, and the sample hub is checked and built from it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from importlib.metadata import requires, version
from pathlib import Path

import pytest
from conftest import ENV, REPO
from packaging.requirements import Requirement
from packaging.version import Version

PACKAGE = REPO / "plugins" / "carepress"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # A copy of the tree, so the build's own folders (build/, *.egg-info) never land in the repo.
    source = out / "source"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".venv", "node_modules", "site", ".git", ".cache", "test-artifacts", "__pycache__",
            ".pytest_cache", ".hypothesis", "*.egg-info", "build",
        ),
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "--wheel-dir", str(out), str(source)],
        check=True,
        capture_output=True,
        text=True,
    )
    (built,) = out.glob("carepress-*.whl")
    return built


def test_the_wheel_carries_every_file_of_the_package(wheel: Path) -> None:
    in_source = {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    in_wheel = set(zipfile.ZipFile(wheel).namelist())
    assert in_source - in_wheel == set()
    assert "carepress/data/rules/stigma.yml" in in_wheel


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed (not editable).

    Tests run offline, so its dependencies are not downloaded again: the test environment's
    site-packages is appended to the new one's path (a .pth file adds the folder only; the
    editable install's own .pth there is not read), after the wheel's own copy.
    """
    root = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(root)
    python = root / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
    )
    (site / "test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
         "--no-deps", "--no-index", str(wheel)],
        check=True, capture_output=True, text=True,
    )
    return root


def test_the_pinned_dependencies_are_what_the_tests_run_on() -> None:
    for line in requires("carepress") or []:
        requirement = Requirement(line)
        if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
            continue  # the test extra
        assert Version(version(requirement.name)) in requirement.specifier, line


def test_the_installed_wheel_checks_and_builds_the_sample_hub(
    installed: Path, tmp_path: Path
) -> None:
    hub = tmp_path / "hub"
    for name in ("mkdocs.yml", "content", "overrides"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, hub / name)
        else:
            hub.mkdir(exist_ok=True)
            shutil.copy(source, hub / name)
    env = {**ENV, "PATH": f"{installed / 'bin'}{os.pathsep}{ENV['PATH']}"}
    env.pop("PYTHONPATH", None)
    where = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import carepress; print(carepress.__file__)"],
        cwd=hub, env=env, check=True, capture_output=True, text=True,
    ).stdout
    assert where.startswith(str(installed)), where  # the wheel's copy, not the source tree

    check = subprocess.run(
        [str(installed / "bin" / "carepress"), "check"],
        cwd=hub, env=env, capture_output=True, text=True, check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    build = subprocess.run(
        [str(installed / "bin" / "python"), "-m", "mkdocs", "build", "--strict"],
        cwd=hub, env=env, capture_output=True, text=True, check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    site = hub / "site"
    assert (site / "feeds" / "rss.xml").is_file()
    posts = json.loads((site / "social" / "snippets.json").read_text())["posts"]
    assert posts
    for post in posts:
        path = post["url"].split("/", 3)[3]
        assert "carepress-disclaimer" in (site / path / "index.html").read_text(), path
