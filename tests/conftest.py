"""Shared test helpers: build real hubs in temporary folders and run the real commands."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from command_server import CommandServer

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
EXEC_ONLY = os.environ.get("CAREPRESS_TESTS_EXEC") == "1"  # no command server
_SERVER: list[CommandServer] = []


def command_server() -> CommandServer:
    """This test process's command server, started on first use."""
    if not _SERVER:
        _SERVER.append(CommandServer(Path(sys.executable), ENV))
    return _SERVER[0]


def interruptible() -> None:
    """Popen's preexec_fn for a preview stopped by Ctrl-C: the child takes SIGINT as a
    writer's terminal gives it, even when the tests run as a background job (whose children
    start with SIGINT ignored, and then never stop)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def unavailable(reason: str) -> None:
    """A missing outside tool (Chromium, Node packages): skip locally; fail in CI (CI=true),
    where .ci/run installs them, so CI never passes by silently running none of them. (At a
    module's top it skips, or fails, the whole module.)"""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: these tests must run in CI; see .ci/run)", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def required_module(name: str, reason: str) -> ModuleType:
    """`pytest.importorskip` under the rule of `unavailable`: a test package that is missing
    skips locally and fails in CI."""
    try:
        return importlib.import_module(name)
    except ImportError:
        unavailable(f"{name} is not installed: {reason}")
        raise  # (unavailable always raises)


def front_matter(**overrides: object) -> dict:
    """A valid post's front matter; pass key=None to drop a key."""
    meta: dict = {
        "title": "Coping with worry",
        "description": "Practical, evidence-based ways to notice and ease everyday worry.",
        "date": "2026-03-14",
        "authors": ["dana-reyes"],
        "categories": ["Anxiety"],
        "tags": ["anxiety"],
        "audience": ["clients"],
        "content_warnings": [],
        "reviewed": {"by": "mei-lin", "on": dt.date(2026, 3, 10)},
        "sources": [
            {
                "id": "nimh-anxiety",
                "title": "Anxiety Disorders",
                "url": "https://www.nimh.nih.gov/health/topics/anxiety-disorders",
            }
        ],
    }
    for key, value in overrides.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    return meta


BODY = (
    "Worry is a normal part of life.\n\n<!-- more -->\n\n## What helps\n\n"
    "Naming the worry, breathing slowly and talking to someone you trust can help.\n"
)


def post_text(body: str = BODY, **overrides: object) -> str:
    meta = front_matter(**overrides)
    if "sources" not in overrides and "[@" not in body:
        body += "\nMore on this from the NIMH [@nimh-anxiety].\n"  # cite the default source
    # Dates as date objects, so YAML writes them unquoted, as a writer would type them.
    for key in ("date", "expires", "reviewed"):
        if key in meta:
            meta[key] = _as_dates(meta[key])
    dumped = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
    # The clinical review on one line, as the template writes it.
    review = meta.get("reviewed")
    if isinstance(review, dict) and set(review) == {"by", "on"}:
        block = yaml.safe_dump({"reviewed": review}, sort_keys=False, allow_unicode=True)
        line = yaml.safe_dump({"reviewed": review}, sort_keys=False, allow_unicode=True,
                              default_flow_style=True).strip().removeprefix("{").removesuffix("}")
        dumped = dumped.replace(block, line + "\n")
        # ... and the usual audience on one line too: the lines of the bodies stay where
        # the tests written before reviews were required expect them.
        if meta.get("audience") == ["clients"]:
            dumped = dumped.replace("audience:\n- clients\n", "audience: [clients]\n", 1)
    return f"---\n{dumped}---\n\n{body}"


def _as_dates(value: object) -> object:
    if isinstance(value, dict):
        return {k: _as_dates(v) for k, v in value.items()}
    if isinstance(value, str):
        try:
            return (
                dt.datetime.fromisoformat(value) if " " in value else dt.date.fromisoformat(value)
            )
        except ValueError:
            return value  # deliberately broken dates stay text
    return value


@dataclass
class Hub:
    root: Path

    @property
    def posts(self) -> Path:
        return self.root / "content" / "posts"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def write_post(self, name: str, content: str | bytes) -> Path:
        path = self.posts / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def run(
        self, *args: str, timeout: int = 180, env: dict[str, str] | None = None,
        fresh: bool = False,
    ) -> subprocess.CompletedProcess[str]:
        """A command in the hub's folder. `mkdocs` and `carepress` run forked from the test
        worker's command server (tests/command_server.py) unless `fresh` asks for a new
        interpreter, as a test of reproducibility across runs must."""
        argv, environment = list(args), {**ENV, **(env or {})}
        if not fresh and not EXEC_ONLY and CommandServer.serves(argv):
            scratch = self.root.parent / f".command-{os.getpid()}"
            return command_server().run(argv, self.root, environment, timeout, scratch)
        return subprocess.run(
            argv, cwd=self.root, env=environment, capture_output=True, text=True,
            timeout=timeout,
        )  # fmt: skip

    def build(
        self, *extra: str, env: dict[str, str] | None = None, fresh: bool = False
    ) -> subprocess.CompletedProcess[str]:
        return self.run(
            str(BIN / "mkdocs"), "build", "--site-dir", "site", *extra, env=env, fresh=fresh
        )

    def carepress(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self.run(str(BIN / "carepress"), *args)

    def check(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self.carepress("check", *args)

    def page(self, url_path: str) -> str:
        return (self.site / url_path / "index.html").read_text(encoding="utf-8")


def make_hub(root: Path, with_sample_posts: bool = False, carousels: bool = False) -> Hub:
    """A copy of the sample hub (config, theme overrides, pages), optionally without its posts.
    Carousel slides from headings (on in the sample) only when asked: a test of something
    else should not draw a dozen slides a post (tests/test_slides.py draws them)."""
    root.mkdir(parents=True, exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if not carousels:
        config = config.replace("carousels: true", "carousels: false")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "overrides", root / "overrides")
    ignore = None if with_sample_posts else shutil.ignore_patterns("posts")
    shutil.copytree(REPO / "content", root / "content", ignore=ignore)
    (root / "content" / "posts").mkdir(exist_ok=True)
    return Hub(root)


@pytest.fixture
def hub(tmp_path: Path) -> Hub:
    return make_hub(tmp_path / "hub")


@pytest.fixture(scope="session")
def sample_hub(tmp_path_factory: pytest.TempPathFactory) -> Hub:
    """The repository's own sample hub, built once per test session with --strict."""
    built = make_hub(tmp_path_factory.mktemp("sample") / "hub", with_sample_posts=True,
                     carousels=True)
    result = built.build("--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return built


@dataclass
class Built:
    ok: bool
    log: str  # every line MkDocs and the plugins logged, and the error that stopped it


def clear_plugin_cache() -> None:
    """MkDocs keeps plugins that have on_startup/on_shutdown for the next load (for `serve`);
    each `mkdocs build` command starts with new ones."""
    from mkdocs.config.defaults import MkDocsConfig

    for name, option in MkDocsConfig._schema:
        if name == "plugins":
            option.plugin_cache.clear()


def build_in_process(root: Path, *, strict: bool = False) -> Built:
    """`mkdocs build` in this process, as the command runs it (on_startup, the build,
    on_shutdown): about a second faster than a new interpreter, for table tests that build
    many small hubs. Anything but MkDocs' own clean stop (a traceback) fails the test."""
    import io
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, BuildError

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)
    ok = False
    clear_plugin_cache()
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
            ok = True
        except (Abort, BuildError) as exc:
            stream.write(f"STOPPED - {exc}\n")
        finally:
            config.plugins.on_shutdown()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return Built(ok, stream.getvalue())
