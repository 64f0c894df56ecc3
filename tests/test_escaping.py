"""Text from front matter is escaped wherever it lands in the built page."""

from __future__ import annotations

from html.parser import HTMLParser

from conftest import Hub, post_text

TITLE = 'Fear & "worry" < calm 🙂 — it\'s <3'
DESCRIPTION = 'She said "enough" & left; 5 < 6 > 4. Worry\'s not a flaw.'


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.h1 = ""
        self._in: str | None = None
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "meta" and values.get("name"):
            self.meta[values["name"] or ""] = values.get("content") or ""
        if tag in ("title", "h1"):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data


def test_hostile_but_valid_title_and_description_are_escaped(hub: Hub) -> None:
    hub.write_post("odd.md", post_text(title=TITLE, description=DESCRIPTION, slug="odd"))
    result = hub.build("--strict")
    assert result.returncode == 0, result.stderr
    page = _Collector()
    page.feed(hub.page("blog/odd"))
    assert page.meta["description"] == DESCRIPTION
    assert page.title.startswith(TITLE + " - ")
    assert page.h1.replace("¶", "").strip() == TITLE
    # The blog index lists the post too: its title must arrive as text, not markup.
    index = hub.site.joinpath("blog/index.html").read_text(encoding="utf-8")
    # (Excerpts pass through the HTML allowlist, whose serialiser leaves " as it is in text.)
    assert (
        "Fear &amp; &#34;worry&#34; &lt; calm" in index
        or "Fear &amp; &quot;worry&quot; &lt; calm" in index
        or 'Fear &amp; "worry" &lt; calm' in index
    )


def test_markup_in_front_matter_never_reaches_a_page(hub: Hub) -> None:
    hub.write_post("evil.md", post_text(description='"><script>alert(1)</script>', slug="evil"))
    result = hub.build()
    assert result.returncode != 0
    assert "description: HTML or script is not allowed" in result.stderr
    assert not (hub.site / "blog" / "evil").exists()


# Headings whose markup the allowlist sees as a comment and an attribute's value, but which
# Python-Markdown's tag stripping turns into whole tags in the table of contents (found by a
# red-team pass: the first one sent Chromium to another site from the sidebar).
_HIDE = "<?<!--?><span title='--> ?> {tag} '>x</span>"
TOC_ATTACKS = {
    "meta": '<meta/http-equiv="refresh"/content="0;url=https://evil.example/">',
    "plaintext": '<plaintext/x="">',
    "img": '<img/alt="a"/src="x"/onerror="alert(1)">',
    "base": '<base/href="/feeds/">',
    "script": '<script/src="/assets/javascripts/carepress-share.js">',
}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_headings_never_put_markup_in_the_table_of_contents(hub: Hub) -> None:
    body = "Calm breathing helps.\n\n<!-- more -->\n\n" + "".join(
        f"## Step {name} {_HIDE.format(tag=tag)}\n\nBreathe out slowly.\n\n"
        for name, tag in TOC_ATTACKS.items()
    )
    hub.write_post("toc.md", post_text(body=body, slug="toc"))
    calm = "Calm.\n\n<!-- more -->\n\n## Step\n\nOut.\n"
    hub.write_post("calm.md", post_text(body=calm, slug="calm"))
    result = hub.build()
    assert result.returncode == 0, result.stderr
    page = hub.page("blog/toc")

    def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
        parsed = _Tags()
        parsed.feed(html)
        return parsed.tags

    found = [
        (tag, attrs) for tag, attrs in tags(page)
        if tag in ("plaintext", "base")
        or (tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh")
        or (tag == "img" and attrs.get("src") == "x")
        or any(name.startswith("on") for name in attrs)
    ]  # fmt: skip
    assert found == []

    def scripts(html: str) -> list[str | None]:
        return [attrs.get("src") for tag, attrs in tags(html) if tag == "script"]

    assert scripts(page) == scripts(hub.page("blog/calm"))  # none added
    # Each entry is the heading's text, as a reader expects it in the sidebar.
    for name in TOC_ATTACKS:
        assert f"Step {name}" in page
