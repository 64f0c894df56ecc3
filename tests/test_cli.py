"""The `carepress` command's contract: formats and exit status 0 / 1 / 2."""

from __future__ import annotations

import json

from conftest import Hub, post_text


def test_clean_hub_exits_zero(hub: Hub) -> None:
    hub.write_post("ok.md", post_text())
    result = hub.check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Checked 1 post. No problems found." in result.stdout


def test_errors_exit_one_in_every_format(hub: Hub) -> None:
    path = hub.write_post("bad.md", post_text(audience=["client"]))
    line = path.read_text().splitlines().index("- client") + 1
    text = hub.check("--format", "text")
    assert text.returncode == 1
    assert text.stdout.startswith(
        f"content/posts/bad.md:{line}:1: error frontmatter.unknown-value "
    )
    assert "hint: did you mean 'clients'?" in text.stdout

    data = hub.check("--format", "json")
    assert data.returncode == 1
    [finding] = json.loads(data.stdout)
    assert finding == {
        "path": "content/posts/bad.md",
        "line": line,
        "column": 1,
        "rule": "frontmatter.unknown-value",
        "category": "frontmatter",
        "severity": "error",
        "message": "audience[1]: 'client' is not one of clients, clinicians, community",
        "hint": "did you mean 'clients'?",
        "source": "",
    }

    github = hub.check("--format", "github")
    assert github.returncode == 1
    assert github.stdout.startswith(
        f"::error file=content/posts/bad.md,line={line},col=1,title=frontmatter.unknown-value::"
    )


def test_explicit_paths_and_folders(hub: Hub) -> None:
    hub.write_post("a.md", post_text())
    hub.write_post("nested/b.md", post_text(title=3))
    assert hub.check("content/posts/a.md").returncode == 0
    folder = hub.check("content/posts", "--format", "json")
    assert folder.returncode == 1
    assert {f["path"] for f in json.loads(folder.stdout)} == {"content/posts/nested/b.md"}
    # A folder holding pages too: its posts are what the blog takes for posts (about.md,
    # index.md are pages); a folder outside docs_dir is checked whole, .markdown included.
    whole = hub.check("content")
    assert "Checked 2 posts." in whole.stdout, whole.stdout
    drafts = hub.root / "drafts"
    drafts.mkdir()
    (drafts / "one.md").write_text(post_text(), encoding="utf-8")
    (drafts / "two.markdown").write_text(post_text(title=3), encoding="utf-8")
    (drafts / "notes.txt").write_text("not a post", encoding="utf-8")
    outside = hub.check("drafts")
    assert outside.returncode == 1
    assert "Checked 2 posts." in outside.stdout, outside.stdout
    assert "drafts/two.markdown:" in outside.stdout


def test_usage_and_configuration_problems_exit_two(hub: Hub) -> None:
    missing = hub.check("content/posts/nope.md")
    assert missing.returncode == 2
    assert "no such file or folder" in missing.stderr

    bad_format = hub.check("--format", "xml")
    assert bad_format.returncode == 2

    (hub.root / "mkdocs.yml").write_text("site_name: x\nplugins: [search, blog]\n")
    no_practice = hub.check()
    assert no_practice.returncode == 2
    assert "extra > practice" in no_practice.stderr
    assert "Traceback" not in no_practice.stderr

    (hub.root / "mkdocs.yml").unlink()
    no_config = hub.check()
    assert no_config.returncode == 2
    assert "no mkdocs.yml in" in no_config.stderr and "-f PATH" in no_config.stderr


def test_build_refuses_a_hub_without_a_practice_profile(hub: Hub) -> None:
    config = (hub.root / "mkdocs.yml").read_text()
    (hub.root / "mkdocs.yml").write_text(config.replace("  practice:", "  practice_off:"))
    hub.write_post("ok.md", post_text())
    result = hub.build()
    assert result.returncode != 0
    assert "extra > practice" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_whole_hub_check_rechecks_only_what_changed(hub: Hub, monkeypatch) -> None:
    """`carepress check` of a whole hub keeps each post's report (report_cache.py, as a
    rebuild does): a rerun checks only the changed posts and reports the same findings."""
    from carepress import cli, parallel

    checked: list[str] = []
    real_check = parallel.check_post

    def counting(path, *args, **kwargs):
        checked.append(path.name)
        return real_check(path, *args, **kwargs)

    monkeypatch.setattr(parallel, "check_post", counting)
    monkeypatch.setenv("CAREPRESS_WORKERS", "0")
    monkeypatch.chdir(hub.root)
    hub.write_post("a.md", post_text(title="Coping with worry"))
    hub.write_post("b.md", post_text(title="Sleep and worry"))

    def check(*args: str) -> tuple[int, list[str]]:
        checked.clear()
        status = cli.main(["check", *args])
        return status, sorted(checked)

    assert check() == (0, ["a.md", "b.md"])
    assert check() == (0, [])
    crazy = "Intro.\n\n<!-- more -->\n\nIt felt crazy.\n"
    hub.write_post("b.md", post_text(body=crazy, title="Sleep and worry"))
    status, again = check()
    assert (status, again) == (0, ["b.md"])
    kept = hub.check("--format", "json")  # a new process reads the same kept reports
    fresh = hub.check("--format", "json", "--fresh")
    assert kept.stdout == fresh.stdout and "'crazy'" in kept.stdout
    text = hub.check()
    assert "2 of the 2 posts had not changed since the last check of the hub" in text.stdout
    # A named file is always checked now, and never changes what the hub check keeps.
    assert check("content/posts/a.md") == (0, ["a.md"])
    assert check() == (0, [])
    # A changed setting checks every post again.
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "\n  - carepress:\n", "\n  - carepress:\n      rules: {severity: {stigma.crazy: error}}\n"
    ))  # fmt: skip
    assert check() == (1, ["a.md", "b.md"])


def test_the_command_leaves_without_teardown_but_runs_exit_handlers_and_flushes(
    hub: Hub, tmp_path
) -> None:
    """`carepress` (cli.run) ends with os._exit to skip freeing a million objects one by one:
    exit handlers must still run, and all the output (here a JSON report larger than a
    pipe's buffer) must reach the reader, with the exit code."""
    import sys

    for number in range(120):
        hub.write_post(f"bad-{number}.md", post_text(audience=["client"], description="x" * 900))
    marker = tmp_path / "handlers-ran"
    script = (
        "import atexit, pathlib, sys; from carepress.cli import run; "
        f"atexit.register(pathlib.Path({str(marker)!r}).write_text, 'yes'); "
        "sys.argv = ['carepress', 'check', '--format', 'json']; run()"
    )
    result = hub.run(sys.executable, "-c", script)
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)
    assert len({f["path"] for f in findings}) == 120 and len(result.stdout) > 65536
    assert marker.read_text() == "yes"


def test_a_page_named_on_the_command_line_is_checked_as_a_page(hub: Hub) -> None:
    """`carepress check content/about.md` holds the page to what the whole hub's check holds
    it to (a new-user tester got a post's errors: date, authors, audience "required"), its
    links to drafts included; a post named with it is still a post."""
    about = hub.root / "content" / "about.md"
    assert about.is_file()
    clean = hub.check(str(about))
    assert clean.returncode == 0, clean.stdout
    assert "Checked 0 posts and 1 page. No problems found." in clean.stdout
    hub.write_post("wip.md", post_text(slug="wip", draft=True))
    about.write_text(about.read_text(encoding="utf-8") + "\nRead [this](posts/wip.md).\n")
    linked = hub.check(str(about), str(hub.posts / "wip.md"), "--format", "json")
    rules = {(f["path"], f["rule"]) for f in json.loads(linked.stdout)}
    assert ("content/about.md", "site.unpublished") in rules
    assert not any(r.startswith("frontmatter.") for p, r in rules if p == "content/about.md")


# A new-user tester's: messages that named the wrong thing.
def test_messages_name_what_the_writer_gave(hub: Hub) -> None:
    # A hub read with -f: configuration errors name that file, not mkdocs.yml.
    config = (hub.root / "mkdocs.yml").read_text(encoding="utf-8")
    other = hub.root / "other.yml"
    other.write_text(config.replace("  - carepress:\n", "  - carepress:\n      bogus: 1\n", 1),
                     encoding="utf-8")  # fmt: skip
    result = hub.carepress("-f", "other.yml", "check")
    assert result.returncode == 2
    assert "carepress: other.yml: plugins > carepress: bogus" in result.stderr
    # A page named to `snippets` is said to be a page, not a post with errors.
    result = hub.carepress("snippets", "content/about.md")
    assert result.returncode == 1
    assert "content/about.md: a page, not a post" in result.stderr
    assert "has errors" not in result.stderr
    # The sources given to `verify` instead of the built site.
    for folder in ("content", "."):
        result = hub.carepress("verify", folder)
        assert result.returncode == 2, result.stdout
        assert "holds the posts' sources (docs_dir), not a built site" in result.stderr
    # `rules` says what each pack rule catches, not a placeholder.
    listed = hub.carepress("rules").stdout
    assert "a phrase that implies a crime or sin" in listed and "'…'" not in listed
    assert "those marked (always on) cannot be changed" in listed
