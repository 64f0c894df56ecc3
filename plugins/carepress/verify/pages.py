"""Each published post's page in a built site: there, carrying its safeguards (the same
verification the build runs on every page it writes), and built from the post as it is now."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lxml import etree

from ..engine import Post
from ..findings import Finding
from .rules import PAGE_MISSING, SAFEGUARD, STALE, site_finding
from .safeguards import missing_safeguards
from .site_files import SiteFiles
from .text import missing_sentences, plain_sentences, words

# No safeguard at all: CarePress did not take part in the build.
NOT_RUN = (
    "CarePress did not run on this page: the engine that built it skipped the carepress "
    "plugin (Zensical skips every plugin it does not know). Build with `mkdocs build` or "
    "`properdocs build`; or, on Zensical, list carepress.markdown_safeguards under "
    "markdown_extensions in mkdocs.yml, build again, and run `carepress publish`"
)
_PARSER = etree.HTMLParser(no_network=True, huge_tree=True)


def _article(page: str) -> str:
    start = page.find("<article")
    end = page.rfind("</article>")
    return page[start:end] if 0 <= start < end else page


def article_words(article: str) -> str:
    """The words a reader sees in the article (as a browser joins its text)."""
    root = etree.fromstring(article, _PARSER) if article.strip() else None
    return words("".join(root.itertext())) if root is not None else " "


def post_page_findings(
    files: SiteFiles, posts: Iterable[Post], shown_as: Callable[[str], str]
) -> list[Finding]:
    findings: list[Finding] = []
    for report in posts:
        assert report.address is not None and report.safeguards is not None
        assert report.front_matter is not None and report.post is not None
        relative = report.address.page_file
        page = files.read(relative)
        where = shown_as(relative)
        if page is None:
            missing = f"the page of {report.display_path} is missing"
            findings.append(site_finding(where, PAGE_MISSING, missing))
            continue
        article = _article(page.raw)
        sentences = plain_sentences(report.post.body)
        first = sentences[0] if sentences else ""
        problems = missing_safeguards(page.raw, "", report.safeguards, first_words=first)
        hint = ("the page must carry every safeguard the post declares: do not edit built "
                "pages; build them again from the posts")  # fmt: skip
        if problems and "data-carepress=" not in article:
            hint = NOT_RUN
        findings += [
            site_finding(where, SAFEGUARD, f"{report.display_path}: {problem}", hint)
            for problem in problems
        ]
        shown = article_words(article)
        stale = missing_sentences(sentences, shown)
        if words(report.front_matter.title) not in shown:
            stale.insert(0, f"the title {report.front_matter.title!r}")
        if stale:
            findings.append(site_finding(
                where, STALE,
                f"the page shows other content than {report.display_path} holds now "
                f"({len(stale)} sentence(s) differ, first:{stale[0].rstrip()})",
            ))  # fmt: skip
    return findings
