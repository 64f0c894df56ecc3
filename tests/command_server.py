"""Run `mkdocs` and `carepress` commands in processes forked from one that has imported them.

Half of a small hub's `mkdocs build` is Python importing MkDocs, Material, Markdown and
CarePress. The tests run a few hundred such commands, so each test worker starts this
server once: a fresh interpreter (never the test process, whose captured output, warning
filters, logging handlers and caches a command must not inherit) that imports those
packages, runs nothing, and forks for each command. The forked child then is the command:
its own working directory, environment, standard streams and process group, the console
script's entry point as `__main__`, and a normal interpreter exit (atexit, threads, exit
code, an uncaught traceback on stderr).

What a fork shares with its siblings is the server's hash seed, so a test that compares
two runs for reproducibility asks for real processes (`Hub.run(..., fresh=True)`), and
`CAREPRESS_TESTS_EXEC=1` runs every command as a real process.

    server:  python tests/command_server.py    (requests on stdin, answers on stdout)
    request: {"argv": [...], "cwd": ..., "env": {...}, "out": path, "err": path}
    answers: {"pid": n}, then {"returncode": n}
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

SCRIPTS = {"mkdocs": "mkdocs.__main__:cli", "carepress": "carepress.cli:main"}
# What a build of the sample hub imports (the rest is imported by the command, as usual).
PRELOADED = (
    "mkdocs.__main__", "mkdocs.commands.build", "mkdocs.config.defaults",
    "material.plugins.blog.plugin", "material.plugins.search.plugin",
    "markdown", "markdown.extensions.toc", "markdown.extensions.footnotes",
    "markdown.extensions.attr_list", "markdown.extensions.admonition",
    "markdown.extensions.md_in_html", "pymdownx.details", "pymdownx.superfences",
    "jinja2", "feedgen.feed", "nh3", "regex", "pydantic", "yaml",
    "carepress.cli", "carepress.mkdocs.plugin", "carepress.checks.registry",
    "carepress.markdown_safeguards",
    # `carepress post` and `impact fetch`: the platforms' client libraries (atproto's import
    # alone takes a second).
    "atproto", "mastodon", "carepress.syndication.run", "carepress.impact.platform_figures",
)  # fmt: skip


def _serve() -> dict:
    """Import, then answer requests; return (in a forked child only) the request to run."""
    for name in PRELOADED:
        importlib.import_module(name)
    importlib.import_module("carepress.checks.registry").load_all()
    answers = os.dup(1)
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            os.close(answers)
            return request
        os.write(answers, (json.dumps({"pid": pid}) + "\n").encode())
        _, status = os.waitpid(pid, 0)
        os.write(answers, (json.dumps({"returncode": os.waitstatus_to_exitcode(status)})
                           + "\n").encode())
    sys.exit(0)


def _become(request: dict) -> None:
    """In the forked child: take the command's process group, place and streams."""
    os.setpgrp()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    for fd, path, mode in ((0, os.devnull, os.O_RDONLY), (1, request["out"], os.O_WRONLY),
                           (2, request["err"], os.O_WRONLY)):
        opened = os.open(path, mode)
        os.dup2(opened, fd)
        os.close(opened)
    sys.argv = list(request["argv"])
    module, _, function = SCRIPTS[Path(sys.argv[0]).name].partition(":")
    sys.exit(getattr(importlib.import_module(module), function)())


class CommandServer:
    """The test side: one server per test process, started on first use."""

    def __init__(self, python: Path, env: dict[str, str]) -> None:
        self._process = subprocess.Popen(
            [str(python), __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            env=env, text=True, bufsize=1,
        )  # fmt: skip
        assert self._process.stdout
        self._answers = self._process.stdout.fileno()
        self._unread = b""

    def _answer(self) -> dict:
        """The server's next line, read from its pipe unbuffered (so `select` sees what
        is still to come)."""
        while b"\n" not in self._unread:
            chunk = os.read(self._answers, 4096)
            if not chunk:
                raise RuntimeError("the command server stopped")
            self._unread += chunk
        line, self._unread = self._unread.split(b"\n", 1)
        return json.loads(line)

    @staticmethod
    def serves(argv: list[str]) -> bool:
        return Path(argv[0]).name in SCRIPTS and Path(argv[0]).parent == Path(sys.executable).parent

    def run(
        self, argv: list[str], cwd: Path, env: dict[str, str], timeout: float, scratch: Path
    ) -> subprocess.CompletedProcess[str]:
        scratch.mkdir(parents=True, exist_ok=True)
        out, err = scratch / "stdout", scratch / "stderr"
        out.write_bytes(b"")
        err.write_bytes(b"")
        request = {"argv": argv, "cwd": str(cwd), "env": env, "out": str(out), "err": str(err)}
        assert self._process.stdin
        self._process.stdin.write(json.dumps(request) + "\n")
        pid = self._answer()["pid"]
        deadline = time.monotonic() + timeout
        timed_out = False
        while b"\n" not in self._unread and not select.select([self._answers], [], [], 1.0)[0]:
            if time.monotonic() > deadline and not timed_out:
                timed_out = True
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(pid, signal.SIGKILL)
        returncode = self._answer()["returncode"]
        stdout, stderr = (p.read_text(encoding="utf-8", errors="replace") for p in (out, err))
        if timed_out:
            raise subprocess.TimeoutExpired(argv, timeout, stdout, stderr)
        return subprocess.CompletedProcess(argv, returncode, stdout, stderr)


if __name__ == "__main__":
    _become(_serve())
