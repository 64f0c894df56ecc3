"""`carepress build` and `carepress serve` run the hub's engine without Material's banner."""

from __future__ import annotations

import subprocess

import pytest
from conftest import BIN, ENV, Hub, post_text

BANNER_ON = {k: v for k, v in ENV.items() if k != "NO_MKDOCS_2_WARNING"}
BANNER = "end of life"


def _run(hub: Hub, *args: str) -> subprocess.CompletedProcess[str]:
    """A command run as a writer runs it: without the variable that hides the banner."""
    return subprocess.run(
        args, cwd=hub.root, env=BANNER_ON, capture_output=True, text=True, timeout=180
    )


def test_mkdocs_itself_prints_no_banner_in_the_hubs_environment(hub: Hub) -> None:
    """Plain `mkdocs build` from the .venv tasks.py made is quiet too (its .pth sets the
    variable; tests/test_tasks.py shows Material printing the banner without it)."""
    result = _run(hub, str(BIN / "mkdocs"), "build")
    assert result.returncode == 0, result.stderr
    assert BANNER not in result.stderr
    assert "\x1b[" not in result.stderr


@pytest.mark.parametrize("engine", [None, "mkdocs", "properdocs"])
def test_carepress_build_builds_the_site_quietly(hub: Hub, engine: str | None) -> None:
    if engine == "properdocs":
        pytest.importorskip("properdocs", reason="install the test extra (it includes properdocs)")
    hub.write_post("worry.md", post_text(slug="worry"))
    choose = ["--engine", engine] if engine else []
    result = _run(hub, str(BIN / "carepress"), "build", *choose, "--strict")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "carepress: share kits" in output  # the plugin ran
    assert BANNER not in output
    assert "\x1b[" not in output
    assert "should be renamed to 'properdocs.yml'" not in output  # the config is named
    page = (hub.site / "blog" / "worry" / "index.html").read_text(encoding="utf-8")
    assert "carepress-disclaimer" in page


def test_carepress_build_passes_on_the_engines_exit_status(hub: Hub) -> None:
    hub.write_post("typo.md", post_text(slug="typo", audience=["client"]))
    result = _run(hub, str(BIN / "carepress"), "build")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "content/posts/typo.md:" in result.stderr
    assert "did you mean 'clients'?" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (hub.site / "blog" / "typo").exists()


def test_engine_options_are_the_engines_and_other_commands_still_refuse_strays(
    hub: Hub,
) -> None:
    wrong = hub.carepress("build", "--no-such-option")
    assert wrong.returncode == 2
    assert "No such option '--no-such-option'" in wrong.stderr
    stray = hub.carepress("check", "--strict")
    assert stray.returncode == 2
    assert "unrecognized arguments: --strict" in stray.stderr
    missing = hub.carepress("-f", "elsewhere.yml", "build")
    assert missing.returncode == 2
    assert "carepress: there is no file elsewhere.yml" in missing.stderr
