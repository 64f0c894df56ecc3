#!/usr/bin/env python3
"""The two quickstart commands, on any machine with Python 3.11+:

    python3 tasks.py build   # make .venv if needed, install CarePress, build the hub into site/
    python3 tasks.py test    # make .venv if needed, install test extras, lint, run every test

Only the standard library is used here, because this runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".carepress-installed"
FEEDIVERSE = "feediverse==0.4.1"
ZENSICAL = "zensical>=0.0.73,<0.2"  # tests/test_engines.py was last run with 0.0.73
BANNER_PTH = "carepress-quiet-material-banner.pth"


def run(*args: str | Path) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True)


def ensure_venv(for_tests: bool = False) -> None:
    """Create .venv and (re)install the project whenever pyproject.toml changes: what the
    hub needs for `build`, and the test tools (Playwright, the HTML checker, Zensical...)
    only for `test`."""
    if sys.version_info < (3, 11):  # noqa: UP036 - runs before anything checks the version
        sys.exit(f"CarePress needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        print(f"Creating a virtual environment in {VENV.name}/ ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    quiet_material_banner()
    stamp = STAMP.with_name(STAMP.name + ("-test" if for_tests else ""))
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    what = "CarePress and its test tools" if for_tests else "CarePress and what it needs"
    print(f"Installing {what} into {VENV.name}/ (a minute or two the first time) ...", flush=True)
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    pip = [BIN / "python", "-m", "pip", "install", "--progress-bar", "on", "-e"]
    if not for_tests:
        run(*pip, ".")
    else:
        # With Zensical when the package index has a version that fits (tests/test_engines.py
        # runs CarePress on it, and skips saying why where it could not be installed).
        try:
            run(*pip, ".[test]", ZENSICAL)
        except subprocess.CalledProcessError:
            print(f"{ZENSICAL} could not be installed here: its tests will be skipped", flush=True)
            run(*pip, ".[test]")
        # feediverse 0.4.1 pins Mastodon.py<2 but runs on 2.x; its other needs are in [test].
        run(BIN / "python", "-m", "pip", "install", "--no-deps", FEEDIVERSE)
    stamp.write_text(wanted)


def quiet_material_banner() -> None:
    """Material prints its end-of-life banner whenever `mkdocs` loads the theme, before any
    plugin can act, so only its environment variable hides it. This environment is the hub's
    own, so it sets that variable for every process started from it: `.venv/bin/mkdocs build`
    and `serve` stay quiet too. (README, Engines, says what the banner announces.)"""
    site_packages = Path(sysconfig.get_path("purelib", vars={"base": VENV, "platbase": VENV}))
    if site_packages.is_dir():
        (site_packages / BANNER_PTH).write_text(
            'import os; os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")\n'
        )


def build() -> None:
    ensure_venv()
    run(BIN / "carepress", "check")
    run(BIN / "carepress", "build", "--strict", "--site-dir", "site")
    print(f"\nThe sample hub is in {ROOT / 'site'}. Preview it with: .venv/bin/carepress serve")


def test() -> None:
    ensure_venv(for_tests=True)
    run(BIN / "ruff", "check", ".")
    workers = ["-n", "auto"] if (os.cpu_count() or 1) > 1 else []
    run(BIN / "python", "-m", "pytest", *workers, *sys.argv[2:])


def main() -> None:
    commands = {"build": build, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(f"usage: python3 tasks.py {{{'|'.join(commands)}}}")
    try:
        commands[sys.argv[1]]()
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)


if __name__ == "__main__":
    main()
