"""`carepress build` and `carepress serve`: the hub's engine (MkDocs, ProperDocs or Zensical)
run in-process.

Material prints an end-of-life banner (colour codes even into a pipe) whenever the program
that imports it is called `mkdocs`. A writer can do nothing about it, and it pushes the
findings that matter off the screen; run from here the program is `carepress`, so Material
stays quiet, and every option after the command goes to the engine unchanged.

Zensical skips the plugin: `carepress build --engine zensical` checks the hub first, then
builds, then publishes CarePress's outputs into the site (cli.py). Its refusals come back
from its Rust runtime as a RuntimeError holding the Python traceback; only the message is
shown.
"""

from __future__ import annotations

import os
import sys
from importlib.util import find_spec
from pathlib import Path

from . import collector

ENGINES = ("mkdocs", "properdocs", "zensical")
PLUGIN_ENGINES = ENGINES[:2]  # the engines that load the carepress plugin


def installed_engine() -> str | None:
    """MkDocs when it is installed (the default install), else ProperDocs (its maintained fork)."""
    return next((name for name in PLUGIN_ENGINES if find_spec(name) is not None), None)


def run_engine(command: str, config: Path, engine_args: list[str], engine: str | None) -> int:
    """Run `<engine> <command> -f <config> <engine_args>`; its exit status is returned."""
    engine = engine or installed_engine()
    if engine is None or find_spec(engine) is None:
        wanted = engine or " or ".join(ENGINES)
        print(
            f"carepress: {wanted} is not installed in this environment; install CarePress "
            "(`pip install carepress`, or `pip install carepress[properdocs]` for ProperDocs).",
            file=sys.stderr,
        )
        return 2
    # Belt and braces: should a program named `mkdocs` call this, the banner still stays off.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    collector.resume()  # a build collects as the engine alone would
    if engine == "mkdocs":
        from mkdocs.__main__ import cli
    elif engine == "properdocs":
        from properdocs.__main__ import cli
    else:
        from zensical.main import cli
    try:
        cli.main(
            args=[command, "--config-file", str(config), *engine_args],
            prog_name="carepress",
        )
    except RuntimeError as exc:  # Zensical: "Python error: <the exception>\nTraceback ..."
        message = str(exc).removeprefix("Python error: ")
        print(f"carepress: {engine} stopped: " + message.split("\nTraceback (")[0],
              file=sys.stderr)  # fmt: skip
        return 1
    except SystemExit as exc:  # click always ends by SystemExit in standalone mode
        code = exc.code
        if code is None or isinstance(code, int):
            return code or 0
        print(code, file=sys.stderr)
        return 1
    return 0
