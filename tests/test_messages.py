"""Messages that say what is wrong and how to fix it, where the obvious reading of the
error would mislead a writer (each was met by a new writer)."""

from __future__ import annotations

import json

from conftest import Hub, post_text


def _only(hub: Hub, name: str, content: str) -> dict[str, object]:
    hub.write_post(name, content)
    found = [f for f in json.loads(hub.check("--format", "json").stdout)
             if f["path"].endswith(name)]  # fmt: skip
    assert len(found) == 1, found
    return found[0]


def test_a_missing_closing_line_is_reported_as_such(hub: Hub) -> None:
    """With a '---' rule later in the post, YAML would complain about a line of prose."""
    text = post_text(body="Worry is common.\n\n<!-- more -->\n\n---\n\nMore: here.\n")
    head, body = text.split("\n---\n\n", 1)
    finding = _only(hub, "open.md", head + "\n\n" + body)
    last_key = head.count("\n") + 1
    assert finding["rule"] == "frontmatter.unclosed"
    assert finding["line"] == last_key + 1
    assert f"add a line '---' after line {last_key}" in str(finding["hint"])


def test_curly_quotes_are_explained_with_the_straight_line(hub: Hub) -> None:
    text = post_text().replace("title: Coping with worry", "title: “Worry: a guide”")
    finding = _only(hub, "curly.md", text)
    assert finding["rule"] == "frontmatter.yaml-syntax"
    assert "curly quotes" in str(finding["hint"])
    assert 'title: "Worry: a guide"' in str(finding["hint"])


def test_a_title_cut_by_a_hash_is_flagged(hub: Hub) -> None:
    text = post_text().replace("title: Coping with worry", "title: Worry #1 for parents")
    finding = _only(hub, "hash.md", text)
    assert finding["rule"] == "frontmatter.cut-by-comment" and finding["line"] == 2
    assert "title is read as 'Worry'" in str(finding["message"])
    assert 'title: "Worry #1 for parents"' in str(finding["hint"])
    # A comment a writer means is not flagged.
    fine = post_text().replace("content_warnings: []", "content_warnings: []  # none needed")
    hub.write_post("hash.md", fine)
    assert json.loads(hub.check("--format", "json").stdout) == []


def test_an_empty_title_and_a_source_that_is_not_a_list(hub: Hub) -> None:
    finding = _only(hub, "empty.md", post_text().replace("title: Coping with worry", "title:"))
    assert finding["message"] == "title is empty"
    assert finding["hint"] == 'write title: "What anxiety is"'
    (hub.posts / "empty.md").unlink()
    text = post_text()
    start = text.index("sources:")
    text = text[:start] + "sources: https://www.nimh.nih.gov/\n---" + text.split("\n---", 2)[1]
    finding = _only(hub, "sources.md", text)
    assert "expected a list" in str(finding["message"])
    assert "id, title and url" in str(finding["hint"]) and "clients" not in str(finding["hint"])


def test_the_build_lists_findings_as_the_check_does(hub: Hub) -> None:
    hub.write_post("b.md", post_text(body="Intro.\n\n<!-- more -->\n\nIt felt crazy. So "
                                          "crazy.\n", title="Second"))  # fmt: skip
    hub.write_post("a.md", post_text(body="Intro.\n\n<!-- more -->\n\n42% of adults worry.\n",
                                     title="First"))  # fmt: skip
    checked = [f"{f['path']}:{f['line']}:{f['column']}:"
               for f in json.loads(hub.check("--format", "json").stdout)]  # fmt: skip
    log = hub.build().stderr
    built = [line.split("carepress: ", 1)[1].split(" ", 1)[0]
             for line in log.splitlines() if "carepress: content/" in line]  # fmt: skip
    assert len(checked) >= 3 and built == checked


def test_a_title_line_of_endless_spaces_is_read_at_once(hub: Hub) -> None:
    """The ' #' search reads each line once: a 900 KB run of spaces and tabs in a title
    (with a comment further down) took hours when one pattern backtracked over the text."""
    title = "Worry" + " \t" * 450_000 + "ends"
    text = post_text().replace("title: Coping with worry", f"title: {title}")
    text = text.replace("content_warnings: []", "content_warnings: []  # none")
    hub.write_post("spaces.md", text)
    result = hub.check("--format", "json")  # the Hub's own timeout stops a hang
    rules = {f["rule"] for f in json.loads(result.stdout)}
    assert "frontmatter.cut-by-comment" not in rules
    assert rules  # the title is far too long: said, not hung on
