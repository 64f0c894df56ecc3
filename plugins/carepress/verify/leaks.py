"""Posts that must not be in the site (drafts, posts dated in the future, posts with errors)
looked for in every file of it: their page, share kit and card, their address, and their
own words (title, description, sentences) in any page, feed, sitemap, search index or
snippet file, however the file encodes them.

Words a published post shares with an unpublished one (a draft that rewrites a live post)
prove nothing and are not looked for.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from ..engine import Post
from ..findings import Finding
from ..publish.cards import portrait_path
from ..publish.outputs import SHARE_DIR
from .rules import UNPUBLISHED, site_finding
from .site_files import SiteFiles
from .text import plain_sentences, words

# Shorter texts turn up by chance ("Sleep", "What is anxiety?").
MIN_TITLE_WORDS = 3
MIN_SENTENCE_WORDS = 8
SENTENCES_PER_POST = 6


def why_unpublished(report: Post, now: dt.datetime) -> str | None:
    """Why a post must stay out of the site, or None when it may be published."""
    if report.front_matter is None and report.checked_as is None:
        return "a post whose front matter cannot be read"
    left_out = report.left_out_because(now)
    if left_out is None and report.has_errors:
        return "a post with errors (see `carepress check`)"
    return left_out


@dataclass(frozen=True)
class Canary:
    report: Post
    why: str
    files: tuple[str, ...]  # its own outputs, which must not exist
    paths: tuple[str, ...]  # its address and file, as any file would write them
    texts: tuple[tuple[str, str], ...]  # (what, its words)

    @property
    def named(self) -> re.Pattern[str] | None:
        """Any of its paths as a whole name, in any case, with or without a closing slash:
        "blog/x", "blog/X/", "blog/x#part" (not "blog/x-two/")."""
        if not self.paths:
            return None
        names = "|".join(re.escape(p.rstrip("/")) for p in self.paths)
        return re.compile(rf"(?<![\w.-])(?:{names})(?![\w-])", re.IGNORECASE)


def _canary(report: Post, why: str, published_words: set[str], docs_dir: Path) -> Canary:
    model = report.front_matter or report.checked_as
    own: list[str] = []
    # Its file: an engine that does not resolve a link to it (raw HTML) or resolves it by
    # the file (Zensical: "posts/x/") publishes that instead of the blog's address.
    paths: list[str] = [report.path.name]
    if report.path.is_relative_to(docs_dir):
        paths.append(report.path.relative_to(docs_dir).with_suffix("").as_posix())
    texts: list[tuple[str, str]] = []
    if report.address is not None:
        page, slug = report.address.page_file, report.address.slug
        own += [page, f"{SHARE_DIR}/{slug}/index.html", f"{SHARE_DIR}/{slug}.html",
                report.address.card_path, portrait_path(slug)]  # fmt: skip
        if "/" in unquote(report.address.path).strip("/"):  # a folder a path names alone
            paths.append(unquote(report.address.path))
        paths += [f"{SHARE_DIR}/{slug}/", report.address.card_path]
        if slug.count("-") >= 2:  # a name no other text has: its address however written
            paths.append(slug)  # ("/blog//x/", "blog/y/../x/", or the slug in a sentence)
    if model is not None:
        shown = (("title", model.title, MIN_TITLE_WORDS),
                 ("description", model.description, MIN_SENTENCE_WORDS))  # fmt: skip
        for what, text, least in shown:
            found = words(text)
            if found.count(" ") - 1 >= least and found not in published_words:
                texts.append((what, found))
    if report.post is not None:
        sentences = [
            s for s in plain_sentences(report.post.body)
            if s.count(" ") - 1 >= MIN_SENTENCE_WORDS and s not in published_words
        ][:SENTENCES_PER_POST]  # fmt: skip
        texts += [("a sentence", s) for s in sentences]
    return Canary(report, why, tuple(own), tuple(paths), tuple(texts))


def published_words(reports: Iterable[Post]) -> set[str]:
    found: set[str] = set()
    for report in reports:
        if report.front_matter is not None:
            found |= {words(report.front_matter.title), words(report.front_matter.description)}
        if report.post is not None:
            found.update(plain_sentences(report.post.body))
    return found


def leak_findings(
    files: SiteFiles,
    unpublished: Iterable[tuple[Post, str]],
    published: Iterable[Post],
    shown_as: Callable[[str], str],
    docs_dir: Path,
) -> list[Finding]:
    known = published_words(published)
    canaries = [_canary(report, why, known, docs_dir) for report, why in unpublished]
    findings: list[Finding] = []
    for canary in canaries:
        for own in canary.files:
            if files.exists(own):
                findings.append(site_finding(
                    shown_as(own), UNPUBLISHED,
                    f"{canary.report.display_path} is {canary.why}, and this is its output",
                    "remove it: build again from a clean site_dir",
                ))  # fmt: skip
    if not any(c.paths or c.texts for c in canaries):
        return findings
    own_files = {own for canary in canaries for own in canary.files}
    named = [canary.named for canary in canaries]
    for file in files.texts():
        if file.relative in own_files:
            continue  # said above
        unquoted = unquote(file.text)  # "blog/caf%C3%A9/" is "blog/café/"
        for canary, names in zip(canaries, named, strict=True):
            found = names.search(unquoted) if names is not None else None
            what = f"its address {found.group(0)!r}" if found else None
            if what is None:
                what = next((f"its {kind}" for kind, text in canary.texts if text in file.words),
                            None)  # fmt: skip
            if what is not None:
                findings.append(site_finding(
                    shown_as(file.relative), UNPUBLISHED,
                    f"{canary.report.display_path} is {canary.why}, and this file holds {what}",
                    "build again from the posts as they are (a draft stays out of every "
                    "page, feed, sitemap, search index and snippet)",
                ))  # fmt: skip
    return findings
