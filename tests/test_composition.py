"""CarePress composes with the plugins a practice adds after it: MkDocs writes the page
CarePress finished (a plugin after it sees the whole page), the safeguards are verified on
the page as the other plugins left it, and the feeds and snippets do not change. A plugin
that adds what the promise forbids (an inline script no policy allows) stops the build,
saying which page and why."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import Hub, build_in_process, make_hub

THIRD_PARTY = (
    "  - tags\n"  # Material's own
    "  - minify:\n      minify_html: true\n"  # mkdocs-minify-plugin
)


def _with_plugins(hub: Hub, plugins: str) -> None:
    config = hub.root / "mkdocs.yml"
    text = config.read_text()
    # After the carepress block: the last entry of `plugins:`.
    head, plugin_list = text.split("\nplugins:\n", 1)
    block_end = re.search(r"\n(?=\S)", plugin_list)
    assert block_end is not None
    at = block_end.start()
    config.write_text(f"{head}\nplugins:\n{plugin_list[:at]}\n{plugins.rstrip()}{plugin_list[at:]}")


def _outputs(site: Path) -> dict[str, bytes]:
    shared = [*site.joinpath("feeds").rglob("*"), site / "social" / "snippets.json",
              site / "social" / "snippets.csv"]  # fmt: skip
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in shared if p.is_file()}


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Hub:
    hub = make_hub(tmp_path_factory.mktemp("plain") / "hub", with_sample_posts=True)
    built = build_in_process(hub.root, strict=True)
    assert built.ok, built.log
    return hub


def test_the_sample_hub_with_two_plugins_after_carepress(plain: Hub, tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub", with_sample_posts=True)
    _with_plugins(hub, THIRD_PARTY)
    built = build_in_process(hub.root, strict=True)
    assert built.ok, built.log
    site = hub.root / "site"
    posts = json.loads((site / "social" / "snippets.json").read_text())["posts"]
    assert len(posts) >= 10
    for post in posts:
        page = site / post["url"].split("/", 3)[3] / "index.html"
        html = page.read_text()
        # Minified (the plugin after CarePress saw the whole page and rewrote it) ...
        assert "\n    <" not in html, page
        # ... and still complete and safe: CarePress verified it as minified.
        assert "carepress-disclaimer" in html and html.rstrip().endswith("</html>"), page
        assert re.search(r'http-equiv="?Content-Security-Policy', html)
    assert _outputs(site) == _outputs(plain.root / "site"), "feeds and snippets unchanged"
    # The minified site passes the engine-independent verification too.
    verified = hub.carepress("verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_a_plugin_that_adds_an_inline_script_stops_the_build(tmp_path: Path) -> None:
    """mkdocs-glightbox writes its options into every page as an inline script, which the
    site's Content-Security-Policy would block (and which CarePress did not review)."""
    hub = make_hub(tmp_path / "hub", with_sample_posts=True)
    _with_plugins(hub, "  - glightbox\n")
    built = build_in_process(hub.root)
    assert not built.ok
    assert "an inline script the Content-Security-Policy does not allow" in built.log
    assert "move it into a file under assets/javascripts/" in built.log
    assert "Traceback" not in built.log
    assert not (hub.root / "site").exists(), "nothing published"


@pytest.mark.parametrize(
    ("head", "carried"),
    [
        ('<meta http-equiv="Content-Security-Policy" content="{policy}">', True),
        ("<meta http-equiv=Content-Security-Policy content=\"{policy}\">", True),  # minified
        ('<meta content="{policy}" HTTP-EQUIV=content-security-policy>', True),
        ('<meta name=description content=""><meta charset=utf-8>', False),  # empty values
        ('<meta http-equiv=Content-Security-Policy content="default-src *">', False),
        ("<meta http-equiv=Content-Security-Policy content>", False),
    ],
)
def test_the_policy_is_recognised_however_a_plugin_rewrote_its_tag(
    head: str, carried: bool
) -> None:
    from carepress.mkdocs.content_security import ContentSecurity

    csp = ContentSecurity(["'sha256-abc='"])
    page = f"<html><head>{head.format(policy=csp.policy())}</head><body></body></html>"
    assert csp.carried_by(page) is carried
    # A policy written only in the body is not the page's policy.
    assert not csp.carried_by(f"<html><head></head><body>{head.format(policy=csp.policy())}")
