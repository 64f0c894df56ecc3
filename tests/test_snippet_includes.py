"""pymdownx.snippets' `--8<--` includes (checks/snippet_includes.py): a post may include no
other file's text (the checks of its words read only the post), and a file a post or page
includes that is missing is an error at the marker's line, never internal.error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from carepress.checks.snippet_includes import includes, snippet_preprocessor
from carepress.settings import load_settings
from conftest import Hub, post_text

SNIPPETS = "  - pymdownx.snippets: {base_path: [snippets], check_paths: true}\n"
STIGMA = (
    "People who struggle with sleep are not crazy, and the mentally ill deserve care. "
    "Call 503-555-0142 for Dr. Smith.\n"
)
INTRO = "Sleep and mood shape each other.\n\n<!-- more -->\n\n## Next steps\n\n"


def _with_snippets(hub: Hub, extra: str = "") -> None:
    config = hub.root / "mkdocs.yml"
    marker = "  - carepress.markdown_safeguards\n"
    config.write_text(config.read_text().replace(marker, SNIPPETS + extra + marker))
    (hub.root / "snippets").mkdir(exist_ok=True)
    (hub.root / "snippets" / "stigma-note.md").write_text(STIGMA)
    (hub.root / "snippets" / "booking-note.md").write_text(
        "Ready to talk? You can book a first session online.\n"
    )


def _post(hub: Hub, body: str, slug: str = "rest-notes") -> tuple[Path, int]:
    """The post, and the line of its first `--8<--` (counted in the file)."""
    path = hub.write_post(f"{slug}.md", post_text(INTRO + body, slug=slug))
    lines = path.read_text().split("\n")
    return path, next(i for i, line in enumerate(lines, 1) if "8<-" in line)


def _findings(hub: Hub, *args: str) -> tuple[int, list[dict]]:
    result = hub.check("--format", "json", *args)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout) if result.stdout.strip() else []


def _snippet_rules(findings: list[dict]) -> list[tuple[str, int]]:
    return [(f["rule"], f["line"]) for f in findings if "snippet" in f["rule"]]


def _internal(findings: list[dict]) -> list[dict]:
    return [f for f in findings if f["rule"] == "internal.error"]


def test_a_post_that_includes_a_file_is_refused_at_the_marker(hub: Hub) -> None:
    _with_snippets(hub)
    path, line = _post(hub, '--8<-- "stigma-note.md"\n')
    code, findings = _findings(hub, str(path))
    assert code == 1
    assert _snippet_rules(findings) == [("html.snippet-include", line)]
    finding = findings[[f["rule"] for f in findings].index("html.snippet-include")]
    assert '"stigma-note.md"' in finding["message"] and "paste" in finding["hint"]
    built = hub.build()
    assert built.returncode != 0
    assert f"rest-notes.md:{line}:1" in built.stderr and '"stigma-note.md"' in built.stderr
    assert not (hub.site / "blog").exists() or "not crazy" not in _all_html(hub.site)


def _all_html(site: Path) -> str:
    return "".join(p.read_text(errors="replace") for p in site.rglob("*.html"))


def test_the_same_text_written_in_the_post_is_what_the_checks_read(hub: Hub) -> None:
    """Why includes are refused: written in the post, the text gets its findings."""
    _with_snippets(hub)
    path, _ = _post(hub, STIGMA + '\n--8<-- "booking-note.md"\n')
    _, findings = _findings(hub, str(path))
    rules = {f["rule"] for f in findings}
    assert "confidentiality.phone" in rules and any(r.startswith("stigma.") for r in rules)


@pytest.mark.parametrize(
    "body",
    [
        '--8<-- "stigma-note.md"\n',  # inline
        '-8<- "stigma-note.md"\n',  # the shortest marker
        "  --8<-- 'stigma-note.md'\n",  # indented, single quotes
        "--8<--\nstigma-note.md\nbooking-note.md\n--8<--\n",  # a block
        "--8<--\nstigma-note.md\n",  # a block nothing ends
        '```\n--8<-- "stigma-note.md"\n```\n',  # in code: included all the same
    ],
)
def test_every_form_of_include_is_refused(hub: Hub, body: str) -> None:
    _with_snippets(hub)
    path, line = _post(hub, body)
    code, findings = _findings(hub, str(path))
    assert code == 1
    assert ("html.snippet-include", line) in _snippet_rules(findings)
    assert not _internal(findings)


def test_an_escaped_marker_is_text(hub: Hub) -> None:
    _with_snippets(hub)
    path, _ = _post(hub, ';--8<-- "stigma-note.md"\n\n;--8<--\n')
    code, findings = _findings(hub, str(path))
    assert _snippet_rules(findings) == [] and code == 0, findings
    assert hub.build().returncode == 0
    page = hub.page("blog/rest-notes")
    assert "--8&lt;-- &quot;stigma-note.md&quot;" in page or '--8&lt;-- "stigma-note.md"' in page
    assert "not crazy" not in page


def test_without_the_extension_the_marker_is_text(hub: Hub) -> None:
    path, _ = _post(hub, '--8<-- "stigma-note.md"\n')
    code, findings = _findings(hub, str(path))
    assert _snippet_rules(findings) == [] and code == 0, findings
    built = hub.build()
    assert built.returncode == 0, built.stderr
    assert "stigma-note.md" in hub.page("blog/rest-notes")


def test_a_missing_file_is_an_error_at_its_line_not_internal(hub: Hub) -> None:
    _with_snippets(hub)
    path, line = _post(hub, 'Some text.\n\n--8<-- "no-such-note.md"\n')
    code, findings = _findings(hub, str(path))
    assert code == 1 and not _internal(findings)
    assert ("html.snippet-missing", line) in _snippet_rules(findings)
    missing = next(f for f in findings if f["rule"] == "html.snippet-missing")
    assert "no-such-note.md" in missing["message"] and "base_path (snippets)" in missing["hint"]
    built = hub.build()
    assert built.returncode != 0
    assert f"rest-notes.md:{line}:1" in built.stderr and "no-such-note.md" in built.stderr
    assert "internal" not in built.stderr and "Very long runs" not in built.stderr


def _page_with(hub: Hub, text: str) -> int:
    about = hub.root / "content" / "about.md"
    source = about.read_text()
    about.write_text(source.replace("## Your privacy", f"{text}\n\n## Your privacy", 1))
    return next(i for i, line in enumerate(about.read_text().split("\n"), 1) if "8<-" in line)


def test_a_page_may_include_a_file_its_html_checks_read(hub: Hub) -> None:
    _with_snippets(hub)
    _page_with(hub, '--8<-- "booking-note.md"')
    code, findings = _findings(hub)
    assert code == 0, findings
    assert hub.build().returncode == 0
    assert "book a first session online" in hub.page("about")
    # What it includes is read again on every check, not kept by the page's own bytes.
    (hub.root / "snippets" / "booking-note.md").write_text("Book now.<script>alert(1)</script>\n")
    code, findings = _findings(hub)
    assert code == 1 and "html.element" in {f["rule"] for f in findings}


def test_a_page_that_includes_a_missing_file_is_an_error_at_its_line(hub: Hub) -> None:
    _with_snippets(hub)
    line = _page_with(hub, "--8<--\nno-such-note.md\n--8<--")
    code, findings = _findings(hub)
    assert code == 1 and not _internal(findings)
    assert _snippet_rules(findings) == [("html.snippet-missing", line)]
    assert findings[0]["path"] == "content/about.md" or any(
        f["path"] == "content/about.md" for f in findings
    )
    built = hub.build()
    assert built.returncode != 0
    assert f"content/about.md:{line}:1" in built.stderr and "no-such-note.md" in built.stderr
    assert "Very long runs" not in built.stderr


def test_auto_append_is_refused(hub: Hub) -> None:
    _with_snippets(hub)
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "check_paths: true}", "check_paths: true, auto_append: [stigma-note.md]}"
    ))  # fmt: skip
    hub.write_post("plain.md", post_text(slug="plain"))
    result = hub.check()
    assert result.returncode == 2 and "auto_append" in result.stderr + result.stdout
    built = hub.build()
    assert built.returncode != 0 and "auto_append" in built.stderr


def test_the_markers_are_found_as_pymdownx_reads_them(hub: Hub, monkeypatch) -> None:
    _with_snippets(hub)
    monkeypatch.chdir(hub.root)
    processor = snippet_preprocessor(load_settings(hub.root / "mkdocs.yml"))
    assert processor is not None
    body = (
        'a\n--8<-- "one.md"\n;--8<-- "no.md"\n--8<--\ntwo.md\n;three.md\n\n'
        "--8<-- \"dropped.md\"\n--8<--\n  -8<- 'four.md'\n--8<-- [start:x]\n--8<--\nfive.md"
    )
    found = [(i.index, i.column, i.names, i.closed) for i in includes(body, processor)]
    assert found == [
        (1, 1, ["one.md"], True),
        (3, 1, ["two.md"], True),
        (9, 3, ["four.md"], True),
        (11, 1, ["five.md"], False),
    ]
