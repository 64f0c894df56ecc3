"""A new practice's first mistakes (a UK hub set up from the sample): each gets a message
naming the file or setting and the fix, never a traceback, and `carepress check` reports
what would stop the build."""

from __future__ import annotations

import re

import pytest
from conftest import Hub, post_text


def _set(hub: Hub, pattern: str, replacement: str) -> None:
    config = hub.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1, flags=re.M)
    assert changed != text, pattern
    config.write_text(changed, encoding="utf-8")


def test_a_language_material_lacks_is_a_clear_error(hub: Hub) -> None:
    hub.write_post("one.md", post_text(slug="one"))
    _set(hub, r"^  language: .*$", "  language: en-GB")
    for result in (hub.build(), hub.check()):
        assert result.returncode != 0
        output = result.stdout + result.stderr
        assert "theme > language: 'en-GB' is not a language Material has" in output
        assert "`language: en`" in output and "post_date_format" in output
        assert "Traceback" not in output


def test_a_deleted_partial_and_broken_pages_are_found_by_check_and_stop_the_build(
    hub: Hub,
) -> None:
    hub.write_post("one.md", post_text(slug="one"))
    (hub.root / "overrides/partials/carepress-footer.html").unlink()
    (hub.root / "content/social-media-policy.md").unlink()
    crisis = hub.root / "content/crisis.md"
    crisis.write_text(re.sub(r"^template: crisis.html\n", "", crisis.read_text(), flags=re.M))
    checked = hub.check()
    assert checked.returncode != 0
    out = checked.stdout
    assert "overrides/main.html:54:1: error site.missing-template includes " \
           "'partials/carepress-footer.html'" in out
    assert "restore overrides/partials/carepress-footer.html" in out
    assert "content/crisis.md:1:1: error site.crisis-page-template" in out
    assert "error site.nav-missing-page nav: 'social-media-policy.md'" in out
    built = hub.build()
    assert built.returncode != 0
    assert "includes 'partials/carepress-footer.html'" in built.stderr
    assert "Traceback" not in built.stderr


def test_a_missing_custom_dir_is_named(hub: Hub) -> None:
    import shutil

    hub.write_post("one.md", post_text(slug="one"))
    shutil.rmtree(hub.root / "overrides")
    checked = hub.check()
    assert "theme > custom_dir: the folder overrides/ does not exist" in checked.stderr
    assert "Traceback" not in checked.stderr


def test_site_url_mistakes_are_named_by_check_build_and_verify(hub: Hub) -> None:
    hub.write_post("one.md", post_text(slug="one"))
    assert hub.build().returncode == 0
    cases = {
        "htps://learn.example.co.uk/": "has htps://, not https://",
        "learn.example.co.uk": "has no scheme, not https://",
        "http://127.0.0.1:8000/": "is this computer's own address",
        "https://localhost/": "is this computer's own address",
        "https://learn.riverbend-therapy.example.org/": "is the CarePress sample hub's address",
    }
    _set(hub, r"^    name: Riverbend Therapy Collective$", "    name: Ancoats Counselling")
    for value, says in cases.items():
        _set(hub, r"^site_url: .*$", f"site_url: {value}")
        checked = hub.check()
        assert checked.returncode != 0, value
        assert f"mkdocs.yml:5:1: error site.bad-site-url site_url: '{value}' {says}" \
            in checked.stdout
        verified = hub.carepress("verify")
        assert "site.bad-site-url" in verified.stdout and "site.stale" not in verified.stdout
        assert "was not verified: fix site_url in mkdocs.yml first" in verified.stdout
    _set(hub, r"^site_url: .*$", "site_url: htps://learn.example.co.uk/")
    built = hub.build()
    assert built.returncode != 0 and "site_url: 'htps://learn.example.co.uk/' has htps://" \
        in built.stderr
    _set(hub, r"^site_url: .*$", "site_url: http://learn.example.co.uk/")
    checked = hub.check()
    assert "warning site.http-site-url site_url: 'http://learn.example.co.uk/' starts with " \
        "http://" in checked.stdout
    assert hub.build().returncode == 0 and hub.build("--strict").returncode != 0


def test_the_sample_practice_left_in_is_a_warning_at_its_line(hub: Hub) -> None:
    hub.write_post("one.md", post_text(slug="one", body="At Riverbend, our therapists help.\n"))
    assert "warning site.sample-leftover" not in hub.check().stdout, "the sample's own name"
    _set(hub, r"^    name: Riverbend Therapy Collective$", "    name: Ancoats Counselling")
    out = hub.check().stdout
    assert "mkdocs.yml:6:14: warning site.sample-leftover 'Riverbend' is the CarePress " \
        "sample hub's practice" in out
    assert re.search(r"content/posts/one\.md:\d+:4: warning site\.sample-leftover", out)
    assert re.search(r"content/index\.md:\d+:\d+: warning site\.sample-leftover", out)
    assert "extra > practice > name" in out


def test_the_byline_writes_dates_as_the_blog_does(hub: Hub) -> None:
    hub.write_post("one.md", post_text(slug="one"))
    assert hub.build().returncode == 0
    before = re.findall(r'<time datetime="\d{4}-\d\d-\d\d">([^<]*)', hub.page("blog/one"))
    assert before and all(re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", d) for d in before)
    _set(hub, r"^  - blog:$", "  - blog:\n      post_date_format: d MMMM yyyy")
    assert hub.build().returncode == 0
    after = re.findall(r'<time datetime="\d{4}-\d\d-\d\d">([^<]*)', hub.page("blog/one"))
    assert len(after) == len(before)
    assert all(re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", d) for d in after), after


def test_date_shown_follows_the_pattern_and_language() -> None:
    import datetime as dt

    from carepress.byline import date_shown

    day = dt.datetime(2026, 12, 3, tzinfo=dt.UTC)
    assert date_shown(day) == "December 3, 2026"
    assert date_shown(day, "d MMMM yyyy") == "3 December 2026"
    assert date_shown(day, "long", "fr") == "3 décembre 2026"


def test_the_bios_call_clinicians_what_their_roles_or_the_practice_say(hub: Hub) -> None:
    import dataclasses

    from carepress.practice import Clinician
    from carepress.publish.profile import clinicians_are
    from carepress.settings import load_settings

    settings = load_settings(hub.root / "mkdocs.yml")
    assert clinicians_are(settings) == "licensed therapists", "the sample's roles all say so"

    def with_(**changes: object) -> object:
        practice = settings.practice.model_copy(update=changes)
        return dataclasses.replace(settings, practice=practice)

    uk = [Clinician(name="Priya Shah", credentials="MBACP (Accred)",
                    role="BACP-accredited Counsellor"),
          Clinician(name="Tom Hargreaves", credentials="UKCP",
                    role="UKCP-registered Psychotherapist")]  # fmt: skip
    assert clinicians_are(with_(clinicians=uk)) == "counsellors and psychotherapists"
    no_role = [Clinician(name="Priya Shah", credentials="MBACP")]
    assert clinicians_are(with_(clinicians=no_role)) == "therapists"
    assert clinicians_are(with_(clinicians=uk, clinicians_are="counsellors")) == "counsellors"
    _set(hub, r"^    name: Riverbend Therapy Collective$",
         "    name: Riverbend Therapy Collective\n    clinicians_are: counsellors")
    hub.write_post("one.md", post_text(slug="one"))
    assert hub.build().returncode == 0
    kit = (hub.site / "social/profile/index.html").read_text(encoding="utf-8")
    assert "Riverbend Therapy Collective: counsellors (" in kit
    assert "licensed therapists" not in kit


def test_too_few_sources_sits_at_the_sources_key_and_names_min_sources(hub: Hub) -> None:
    text = post_text(slug="one", sources=[])
    lines = text.splitlines()
    at = next(n for n, line in enumerate(lines, 1) if line.startswith("sources:"))
    hub.write_post("one.md", text)
    out = hub.check("content/posts/one.md").stdout
    assert f"one.md:{at}:1: error citation.too-few-sources" in out
    assert "plugins > carepress > min_sources" in out
    without = "\n".join(line for line in lines if not line.startswith("sources:")) + "\n"
    end = [n for n, line in enumerate(without.splitlines(), 1) if line == "---"][1]
    hub.write_post("two.md", without)
    out = hub.check("content/posts/two.md").stdout
    assert f"two.md:{end}:1: error citation.too-few-sources" in out


def test_the_new_post_template_says_an_article_needs_a_source() -> None:
    from pathlib import Path

    import carepress

    template = Path(carepress.__file__).parent / "templates" / "new-post.md.j2"
    assert "plugins > carepress > min_sources" in template.read_text(encoding="utf-8")


def test_config_is_read_after_the_command_and_a_missing_one_is_named(hub: Hub) -> None:
    hub.write_post("one.md", post_text(slug="one"))
    (hub.root / "mkdocs.yml").rename(hub.root / "other.yml")
    checked = hub.check("-f", "other.yml")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Checked 1 post" in checked.stdout
    missing = hub.check()
    assert missing.returncode == 2
    assert f"carepress: no mkdocs.yml in {hub.root} (this folder)" in missing.stderr
    assert "-f PATH" in missing.stderr and "Traceback" not in missing.stderr
    built = hub.carepress("build")
    assert built.returncode == 2 and "no mkdocs.yml in" in built.stderr
    assert "carepress: there is no file nope.yml" in hub.check("-f", "nope.yml").stderr
    built = hub.carepress("build", "-f", "other.yml", "--site-dir", "site")
    assert built.returncode == 0, built.stderr
    assert (hub.site / "index.html").is_file()


def test_two_posts_with_one_title_are_a_warning(hub: Hub) -> None:
    hub.write_post("one.md", post_text(slug="one", title="Coping with worry"))
    hub.write_post("two.md", post_text(slug="two", title="Coping  with Worry"))
    out = hub.check().stdout
    assert re.search(r"content/posts/two\.md:\d+:1: info frontmatter\.duplicate-title "
                     r"field 'title': content/posts/one\.md has the same title", out), out
    assert out.count("duplicate-title") == 1, "the later post (by date, then file) only"


def test_alt_text_that_says_nothing_is_a_warning(hub: Hub) -> None:
    from conftest import BODY

    body = BODY + (
        "\n![image](../assets/a.png)\n\n![walk-by-the-lake](../assets/walk-by-the-lake.jpg)\n\n"
        '<img src="../assets/b.png" alt="Photo">\n\n![IMG_0042.jpg](../assets/c.png)\n\n'
        "![A person walking by a lake at dawn](../assets/d.png)\n"
    )
    hub.write_post("one.md", post_text(slug="one", body=body))
    out = hub.check("content/posts/one.md").stdout
    found = re.findall(r"accessibility\.alt-says-nothing the image's alt text '([^']*)'", out)
    assert found == ["image", "walk-by-the-lake", "Photo", "IMG_0042.jpg"], out


def test_says_nothing() -> None:
    from carepress.checks.accessibility import says_nothing

    assert says_nothing("picture", "x.png") and says_nothing("img", "")
    assert says_nothing("lake", "pics/lake.jpg") and says_nothing("team-photo.png", "")
    assert not says_nothing("", "x.png"), "no alt is a finding of its own"
    assert not says_nothing("A lake at dawn", "lake.jpg")


def test_carepress_run_in_a_folder_of_the_hub_finds_its_mkdocs_yml(
    hub: Hub, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A writer in content/posts/ checks the post they are editing without -f, as git finds
    its repository from any folder inside it; a folder outside any hub is still told how."""
    from carepress.cli import main

    hub.write_post("one.md", post_text(slug="one"))
    monkeypatch.chdir(hub.posts)
    assert main(["check", "one.md"]) == 0
    assert "Checked 1 post" in capsys.readouterr().out
    outside = hub.root.parent / "elsewhere"
    outside.mkdir()
    monkeypatch.chdir(outside)
    assert main(["check"]) == 2
    assert "or a folder above it" in capsys.readouterr().err
