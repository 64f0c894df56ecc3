"""Valid posts in unusual shapes build: a byte-order mark, Windows line endings, Unicode."""

from __future__ import annotations

from conftest import Hub, post_text


def test_bom_crlf_and_unicode_titles_build(hub: Hub) -> None:
    hub.write_post("bom.md", b"\xef\xbb\xbf" + post_text(slug="bom", title="With a BOM").encode())
    hub.write_post("crlf.md", post_text(slug="crlf", title="Windows lines").replace("\n", "\r\n"))
    unicode_title = "Ängste, 不安 и тревога — مرحبا 👋🏽"
    hub.write_post(
        "unicode.md",
        post_text(slug="unicode", title=unicode_title, description="Über Sorgen: 心配 🙂"),
    )
    hub.write_post("date-time.md", post_text(slug="date-time", date="2026-03-14 09:30:00"))
    hub.write_post(
        "date-range.md",
        post_text(slug="date-range", date={"created": "2026-03-14", "updated": "2026-04-01"}),
    )
    check = hub.check()
    assert check.returncode == 0, check.stdout
    result = hub.build("--strict")
    assert result.returncode == 0, result.stderr
    for slug in ("bom", "crlf", "unicode", "date-time", "date-range"):
        assert (hub.site / "blog" / slug / "index.html").is_file(), slug
    assert unicode_title in hub.page("blog/unicode")
    # A CRLF post's line numbers still match the file as the writer sees it.
    hub.write_post("crlf.md", post_text(slug="crlf", audience=["client"]).replace("\n", "\r\n"))
    lines = (hub.posts / "crlf.md").read_bytes().split(b"\r\n")
    line = lines.index(b"- client") + 1
    assert f"content/posts/crlf.md:{line}:1: error" in hub.check().stdout
