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
    # The writer is told which plugin wrote the script, and what to do: not to move a
    # script they never wrote into a file.
    assert "It comes from the mkdocs-glightbox plugin ('- glightbox' in plugins)" in built.log
    assert "not compatible with CarePress: it writes an inline script" in built.log
    assert "Remove '- glightbox' from plugins in mkdocs.yml." in built.log
    assert "move it into a file under assets/javascripts/" not in built.log
    assert "Traceback" not in built.log
    assert not (hub.root / "site").exists(), "nothing published"


def test_an_unknown_inline_script_is_still_asked_to_move_into_a_file() -> None:
    from carepress.mkdocs.other_plugins import inline_script_plugin

    problem = "an inline script the Content-Security-Policy does not allow ('alert(1)'...)"
    assert inline_script_plugin([problem], frozenset({"glightbox", "search"})) == ""
    # A script that looks like glightbox's, with the plugin not enabled, is not blamed on it.
    glightbox = "an inline script ... ('const lightbox = GLightbox({})'...)"
    assert inline_script_plugin([glightbox], frozenset({"search"})) == ""
    assert "mkdocs-glightbox" in inline_script_plugin([glightbox], frozenset({"glightbox"}))


@pytest.mark.parametrize("where", ["after", "before"])
def test_materials_offline_plugin_stops_the_build_wherever_it_is_listed(
    tmp_path: Path, where: str
) -> None:
    """Listed after CarePress, it turned use_directory_urls off after CarePress had read it
    (and the build stopped with a confusing "please report this"); listed before, the build
    published pages that load a script from unpkg.com. Either way: one clear message."""
    hub = make_hub(tmp_path / "hub", with_sample_posts=True)
    if where == "after":
        _with_plugins(hub, "  - offline\n")
    else:
        config = hub.root / "mkdocs.yml"
        text = config.read_text()
        config.write_text(text.replace("  - carepress:", "  - offline\n  - carepress:", 1))
    built = build_in_process(hub.root)
    assert not built.ok
    assert "Material's offline plugin is not supported" in built.log
    assert "use_directory_urls" in built.log and "unpkg.com" in built.log
    assert "Remove '- offline' from plugins in mkdocs.yml" in built.log
    assert "please report this" not in built.log
    assert "Traceback" not in built.log
    assert not (hub.root / "site").exists(), "nothing published"


def test_a_disabled_offline_plugin_is_no_obstacle(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    _with_plugins(hub, "  - offline:\n      enabled: false\n")
    built = build_in_process(hub.root, strict=True)
    assert built.ok, built.log


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


def test_the_theme_scripts_are_the_ones_jinja_lists(tmp_path: Path) -> None:
    """The policy's inline-script templates are read from one folder of each theme directory;
    they must be exactly what Jinja's own (slow) listing gives, overrides included."""
    import jinja2
    from carepress.mkdocs.content_security import THEME_SCRIPTS, _theme_scripts
    from mkdocs.config import load_config

    overrides = tmp_path / "overrides" / THEME_SCRIPTS
    (overrides / "deeper").mkdir(parents=True)
    (overrides / "practice.html").write_text("<script>var a = 1;</script>")
    (overrides / "deeper" / "more.html").write_text("")
    (overrides / "palette.html").write_text("")  # overrides the theme's, listed once
    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        "site_name: t\ntheme:\n  name: material\n  custom_dir: overrides\n", "utf-8"
    )
    env = load_config(config_file=str(config_file)).theme.get_env()
    listed = [n for n in env.list_templates() if n.startswith(THEME_SCRIPTS)]
    assert _theme_scripts(env) == listed
    assert {"partials/javascripts/practice.html", "partials/javascripts/deeper/more.html",
            "partials/javascripts/palette.html"} <= set(listed)  # fmt: skip
    other = jinja2.Environment(loader=jinja2.DictLoader({THEME_SCRIPTS + "x.html": "", "y": ""}))
    assert _theme_scripts(other) == [THEME_SCRIPTS + "x.html"]
