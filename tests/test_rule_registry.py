"""Every rule id a finding can carry is registered once (checks/registry.py), and what reads
rule ids (suppressions, severity overrides, `carepress rules`) reads the registry."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from carepress.checks.registry import post_checks
from carepress.cli import main
from carepress.findings import CATEGORIES
from carepress.settings import ConfigError, load_settings
from conftest import REPO, Hub, make_hub, post_text
from test_bad_posts import CASES
from test_hostile_input import BODIES, FRONTS, INTRO, _companions, _front_post

PACKAGE = REPO / "plugins" / "carepress"


def _json_check(hub: Hub, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    main(["--config", str(hub.root / "mkdocs.yml"), "check", "--format", "json", *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.err, out.err
    return json.loads(out.out) if out.out.strip() else []


def _corpus_posts(hub: Hub) -> None:
    """The labelled corpora's sentences, one post per corpus, plus posts made to trip the
    rules no corpus holds (suppressions, sources, claims, accessibility, readability)."""
    for corpus in sorted((REPO / "tests" / "corpus").glob("*.yml")):
        sentences = yaml.safe_load(corpus.read_text())
        body = INTRO + "\n\n".join(sentences.get("flag", []) + sentences.get("clean", []))
        slug = "corpus-" + corpus.stem.replace("_", "-")
        hub.write_post(f"{slug}.md", post_text(body, slug=slug))
    odd = (
        INTRO
        + "# A second title\n\n#### Skipped\n\n![](../assets/x.png)\n\n[here](https://a.example)"
        "\n\nAbout 40% of adults feel this, and studies show it gets better [@nobody].\n\n"
        + " ".join(["word"] * 45) + ".\n\n"
        "<!-- carepress-disable stigma.crazy -->\n\n<!-- carepress-disable -->\n\n"
        "<!-- carepress-disable no.such-rule -->\n\n<!-- carepress-disable html.element -->\n"
    )
    sources = [
        {"id": "a", "title": "A", "url": "http://twitter.com/x", "year": 1990},
        {"id": "a", "title": "A", "url": "http://twitter.com/x"},
    ]
    social = {"x": {"text": "Too long for X. " * 30}}
    hub.write_post(
        "odd.md", post_text(odd, slug="odd", sources=sources, type="testimonial", social=social)
    )


def test_every_rule_id_a_check_emits_is_registered(
    hub: Hub, capsys: pytest.CaptureFixture[str]
) -> None:
    for case in CASES:
        hub.write_post(f"bad-{case.name}.md", case.content)
    for body in BODIES:
        hub.write_post(f"body-{body.name}.md", post_text(INTRO + body.payload, slug=body.name))
    _companions(hub)
    for front in FRONTS:
        hub.write_post(f"front-{front.name}.md", _front_post(front))
    _corpus_posts(hub)
    emitted = {f["rule"] for f in _json_check(hub, capsys)}
    registered = load_settings(hub.root / "mkdocs.yml").rule_index
    assert emitted - set(registered) == set()
    # Not a vacuous pass: the posts above reach most kinds of rule.
    assert len(emitted) >= 60, sorted(emitted)
    # `site` rules are what `carepress verify` finds in a built site: tests/test_site_verify.py.
    unreached = {"disclaimer", "crisis", "internal", "site"}
    assert {r.split(".")[0] for r in emitted} >= CATEGORIES - unreached


# A rule id written in the code: "category.name", or a family "category.name-{...}".
_CATEGORY = "|".join(CATEGORIES)
_RULE_LITERAL = re.compile(
    rf"""["'](?P<id>(?:{_CATEGORY})\.[a-z0-9]+(?:-[a-z0-9]+)*)(?P<family>-?\{{|-(?=["']))?"""
)


def test_every_rule_id_written_in_the_code_is_registered(hub: Hub) -> None:
    """Rules no test post reaches (an online link check, a build-only problem) are
    registered too: every literal id in the package names a registered rule, and every
    id built from a pattern is the prefix of one."""
    registered = set(load_settings(hub.root / "mkdocs.yml").rule_index)
    written = {}
    for path in PACKAGE.rglob("*.py"):
        for match in _RULE_LITERAL.finditer(path.read_text()):
            written[match.group("id") + ("-" if match.group("family") else "")] = path.name
    assert len(written) >= 40
    for rule, where in written.items():
        if rule.endswith("-"):
            assert any(r.startswith(rule) for r in registered), (rule, where)
        else:
            assert rule in registered, (rule, where)


def test_the_engine_is_a_loop_over_the_registry() -> None:
    names = [check.name for check in post_checks()]
    assert len(names) == len(set(names))
    assert {"html_safety", "content_warnings", "sources", "citations", "claims", "language",
            "readability", "accessibility", "social"} <= set(names)  # fmt: skip
    source = (PACKAGE / "engine.py").read_text()
    assert "from .checks." in source and "check_accessibility" not in source


def test_carepress_rules_lists_every_rule(hub: Hub, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(hub.root / "mkdocs.yml"), "rules", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_id = {row["id"]: row for row in rows}
    assert set(by_id) == set(load_settings(hub.root / "mkdocs.yml").rule_index)
    assert by_id["citation.weak-domain"]["severity"] == "warning"
    html = by_id["html.element"]
    assert html == {**html, "on": True, "adjustable": False, "severity": "error"}
    assert by_id["safe-messaging.committed-suicide"]["source"].startswith("https://")
    assert all(row["summary"] and row["category"] in CATEGORIES for row in rows)

    main(["--config", str(hub.root / "mkdocs.yml"), "rules"])
    text = capsys.readouterr().out
    assert "citation.weak-domain" in text and f"{len(rows)} rules" in text


def _configure(hub: Hub, rules: dict) -> None:
    config = hub.root / "mkdocs.yml"
    text = re.sub(r"\n      rules: .*", "", config.read_text())  # the last call's
    assert "\n  - carepress:\n" in text
    options = json.dumps(rules)  # JSON is YAML, on one line
    plugin = "\n  - carepress:\n"
    config.write_text(text.replace(plugin, f"{plugin}      rules: {options}\n"))


def test_a_citation_rule_the_check_reports_can_be_suppressed(
    hub: Hub, capsys: pytest.CaptureFixture[str]
) -> None:
    """The bug that started the registry: check reported citation.weak-domain, then refused
    a suppression of it ("there is no rule")."""
    sources = [{"id": "s", "title": "A thread", "url": "https://reddit.com/r/x"}]
    body = INTRO + "A thread [@s].\n"
    path = hub.write_post("weak.md", post_text(body, sources=sources))
    assert "citation.weak-domain" in {f["rule"] for f in _json_check(hub, capsys, str(path))}
    # At the top of the body, a suppression covers the front matter too.
    top = "---\n\n<!-- carepress-disable citation.weak-domain -->\n\n"
    path.write_text(path.read_text().replace("---\n\n", top, 1))
    assert _json_check(hub, capsys, str(path)) == []


def test_severity_overrides_and_disabling_reach_every_adjustable_rule(
    hub: Hub, capsys: pytest.CaptureFixture[str]
) -> None:
    body = INTRO + "# A second title\n\nCalm breathing helps [@nimh-anxiety].\n"
    path = hub.write_post("h1.md", post_text(body))
    found = {f["rule"]: f["severity"] for f in _json_check(hub, capsys, str(path))}
    assert found == {"accessibility.heading-h1": "warning"}
    _configure(hub, {"severity": {"accessibility.heading-h1": "error"}})
    found = {f["rule"]: f["severity"] for f in _json_check(hub, capsys, str(path))}
    assert found == {"accessibility.heading-h1": "error"}
    _configure(hub, {"disable": ["accessibility.heading-h1"]})
    assert _json_check(hub, capsys, str(path)) == []
    main(["--config", str(hub.root / "mkdocs.yml"), "rules", "--format", "json"])
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["accessibility.heading-h1"]["on"] is False


@pytest.mark.parametrize(
    ("rules", "says"),
    [
        ({"severity": {"accessibility.no-such": "error"}}, "unknown rule ids: accessibility.no"),
        ({"disable": ["html.element"]}, "html.element cannot be switched off"),
        ({"severity": {"frontmatter.required": "info"}}, "frontmatter.required cannot be"),
    ],
)
def test_rule_options_name_rules_a_practice_may_adjust(
    tmp_path: Path, rules: dict, says: str
) -> None:
    hub = make_hub(tmp_path)
    _configure(hub, rules)
    with pytest.raises(ConfigError, match=re.escape(says)):
        load_settings(hub.root / "mkdocs.yml")
