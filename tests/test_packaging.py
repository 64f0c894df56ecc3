"""The package registers its plugin for MkDocs and ProperDocs and installs the console script."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import yaml
from conftest import REPO


def test_plugin_entry_points() -> None:
    for group in ("mkdocs.plugins", "properdocs.plugins"):
        names = {ep.name: ep.value for ep in entry_points(group=group)}
        assert names.get("carepress") == "carepress.mkdocs.plugin:CarePressPlugin"
        plugin = next(ep for ep in entry_points(group=group) if ep.name == "carepress").load()
        assert plugin.__name__ == "CarePressPlugin"


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "carepress"
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "check" in result.stdout and "new" in result.stdout


def test_pre_commit_hook_runs_the_check() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    hook = next(h for h in hooks if h["id"] == "carepress-check")
    assert hook["entry"].startswith("carepress check")
    assert hook["files"].startswith("^content/posts/")
    provided = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert provided[0]["id"] == "carepress-check"


def test_workflow_checks_builds_tests_and_deploys() -> None:
    workflow = (REPO / ".github" / "workflows" / "hub.yml").read_text()
    for step in (
        "carepress check --format github",
        "carepress build --strict",
        "python3 tasks.py test",
        "deploy-pages",
        "carepress post",  # the optional syndication job, after the deploy
    ):
        assert step in workflow
    jobs = yaml.safe_load(workflow)["jobs"]
    assert jobs["syndicate"]["needs"] == "deploy"
    steps = jobs["syndicate"]["steps"]
    secrets = next(s for s in steps if s.get("run") == "carepress post")["env"]
    assert all(v.startswith("${{ secrets.") for v in secrets.values())  # never in the file


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text()
    block = readme.split("## Quickstart", 1)[1].split("```", 2)[1]
    commands = [line for line in block.splitlines()[1:] if line.strip()]
    assert commands == ["python3 tasks.py build", "python3 tasks.py test"]
    assert commands[1] in (REPO / ".ci" / "run").read_text()
