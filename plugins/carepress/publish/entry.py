"""One post as a feed entry: its title, summary and HTML content, safeguards included.

The safeguards come from ``safeguards.safeguards_for`` (the same source as the page
templates) and travel inside the entry, because feed readers and syndication tools show
the entry without the page around it: the content warning first (in the title and at the
top of the content), the crisis lines for posts that need them, the disclaimer.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

from ..settings import FeedOptions
from .post import FeedPost, Site

# MkDocs' toc extension adds a "¶" permalink to every heading: noise in a feed reader.
_HEADERLINK = re.compile(r'<a class="headerlink" href="[^"]*" title="[^"]*">[^<]*</a>')
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_URL_ATTR = re.compile(r'(\s(?:href|src|poster)=")([^"]*)(")')
# Characters XML 1.0 cannot carry at all (lxml refuses them, and so should we).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def title(post: FeedPost, options: FeedOptions) -> str:
    fm_title = post.front_matter.title
    if not post.safeguards.warnings:
        return fm_title
    return options.title_warning_format.format(
        warnings=post.safeguards.warning_labels, title=fm_title
    )


def summary(post: FeedPost, options: FeedOptions) -> str:
    """The description, opened by the warning line for posts with warnings (plain text)."""
    description = post.front_matter.description
    if not post.safeguards.warnings:
        return description
    return (
        f"{options.warning_format.format(warnings=post.safeguards.warning_labels)}. {description}"
    )


def absolute_links(body: str, base_url: str) -> str:
    """Relative href/src in rendered HTML, resolved against the page's address."""
    return _URL_ATTR.sub(lambda m: m.group(1) + urljoin(base_url, m.group(2)) + m.group(3), body)


def warning_html(post: FeedPost) -> str:
    labels = [f"<strong>{html.escape(w.label)}</strong>" for w in post.safeguards.warnings]
    listed = ", ".join(labels[:-1]) + " and " + labels[-1] if len(labels) > 1 else labels[0]
    return (
        f'<p data-carepress="content-warning"><strong>Content warning:</strong> '
        f"This article discusses {listed}. "
        "Read at your own pace, skip it, or come back another time.</p>\n"
    )


def crisis_html(post: FeedPost, site: Site) -> str:
    region = post.safeguards.crisis
    if region is None:
        return ""
    items = "".join(
        f"<li><strong>{html.escape(line.name)}</strong>: {html.escape(line.how)}</li>"
        for line in region.lines
    )
    items += f"<li>In an emergency, call {html.escape(region.emergency)}.</li>"
    # "Outside the United Kingdom?"; none for INTL ("Anywhere else"), which has no outside.
    outside = (f"<p>Outside {html.escape(region.name_in_sentence)}? See "
               f'<a href="{html.escape(site.crisis_url)}">crisis lines in other countries</a>.'
               "</p>" if region.name_in_sentence else "")  # fmt: skip
    return (
        '<div data-carepress="crisis-box"><p><strong>If you need help now</strong></p>'
        f"<ul>{items}</ul>{outside}</div>\n"
    )


def disclaimer_html(post: FeedPost) -> str:
    return (
        f'<p data-carepress="disclaimer"><strong>Please note:</strong> '
        f"{html.escape(post.safeguards.disclaimer)}</p>\n"
    )


def content_html(post: FeedPost, site: Site, options: FeedOptions) -> str:
    """The entry's HTML: warning, crisis lines, the article (or its summary), disclaimer."""
    if options.full_content and post.body_html:
        body = absolute_links(_COMMENT.sub("", _HEADERLINK.sub("", post.body_html)), post.url)
    else:
        body = (
            f"<p>{html.escape(post.front_matter.description)}</p>\n"
            f'<p><a href="{html.escape(post.url)}">Read the article</a></p>'
        )
    top = warning_html(post) if post.safeguards.warnings else ""
    top += crisis_html(post, site)
    disclaimer = disclaimer_html(post)
    if post.safeguards.disclaimer_position == "top":
        return xml_safe(top + disclaimer + body.strip() + "\n")
    return xml_safe(top + body.strip() + "\n<hr>\n" + disclaimer)
