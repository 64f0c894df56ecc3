"""A page's sharing metadata: Open Graph, Twitter card tags and schema.org JSON-LD.

Values are plain text here; ``PageMeta.html`` escapes every tag value for the page's head
(overrides/main.html prints it), and ``json_ld_text`` makes the JSON-LD safe inside a
``<script>`` element. Never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from markupsafe import escape

from ..model import FrontMatter
from ..practice import Practice
from ..safeguards import Safeguards
from .cards import HEIGHT, WIDTH

# (attribute, key, content): Open Graph uses property="og:...", Twitter name="twitter:...".
Tag = tuple[Literal["property", "name"], str, str]

# schema.org audiences for CarePress's audience vocabulary.
AUDIENCES: dict[str, dict[str, str]] = {
    "clients": {"@type": "MedicalAudience", "audienceType": "Patient"},
    "clinicians": {"@type": "MedicalAudience", "audienceType": "Clinician"},
    "community": {"@type": "PeopleAudience", "audienceType": "General public"},
}


@dataclass(frozen=True)
class PageMeta:
    tags: tuple[Tag, ...]
    json_ld: Mapping[str, Any] | None = None

    def values(self, key: str) -> list[str]:
        return [content for _, k, content in self.tags if k == key]

    @property
    def html(self) -> str:
        """The tags for the page's head, every value escaped (as Jinja's `| e` escapes);
        written here, not in a Jinja loop: ~20 tags on each of thousands of pages."""
        lines = [
            f'<meta {"name" if attribute == "name" else "property"}="{escape(key)}" '
            f'content="{escape(content)}">'
            for attribute, key, content in self.tags
        ]
        if self.json_ld:
            lines.append(
                f'<script type="application/ld+json">{json_ld_text(self.json_ld)}</script>'
            )
        return "\n".join(lines)


@dataclass(frozen=True)
class Card:
    url: str  # absolute
    alt: str


def json_ld_text(data: Mapping[str, Any]) -> str:
    """JSON for a <script type="application/ld+json"> element: `<`, `>` and `&` become
    \\u escapes, so no value can close the element (`</script>`) or open a comment."""
    text = json.dumps(data, ensure_ascii=False)
    for char, code in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, code)
    return text


def iso(value: dt.datetime) -> str:
    return value.isoformat(timespec="seconds")


def person(author_id: str, authors: Mapping[str, Mapping[str, Any]], practice: Practice) -> dict:
    """A schema.org Person from `.authors.yml` ("Dana Reyes, LCSW" + description), with the
    credential from the practice profile when the clinician is listed there."""
    entry = authors.get(author_id) or {}
    display = str(entry.get("name") or author_id)
    name, _, suffix = (part.strip() for part in display.partition(","))
    description = str(entry.get("description") or "")
    clinician = next((c for c in practice.clinicians if c.name == name), None)
    if clinician is not None:
        suffix = clinician.credentials
        description = description or (clinician.role or "")
    data: dict[str, Any] = {"@type": "Person", "name": name}
    if suffix:
        data["honorificSuffix"] = suffix
    if description:
        data["jobTitle"] = description
    if suffix or description:
        # The licence as the writer describes it ("Licensed Clinical Social Worker"), else
        # the letters after the name.
        credential: dict[str, Any] = {
            "@type": "EducationalOccupationalCredential",
            "name": description or suffix,
        }
        if "licens" in credential["name"].lower():
            credential["credentialCategory"] = "license"
        data["hasCredential"] = credential
    data["worksFor"] = {"@type": "MedicalOrganization", "name": practice.name}
    return data


def post_meta(
    fm: FrontMatter,
    safeguards: Safeguards,
    *,
    url: str | None,
    card: Card | None,
    site_name: str,
    site_url: str | None,
    language: str,
    practice: Practice,
    authors: Mapping[str, Mapping[str, Any]],
    title_warning_format: str = "CW: {warnings} — {title}",
) -> PageMeta:
    """Open Graph, Twitter and JSON-LD for a published post. A post with content warnings is
    shared with them in front (og:title, twitter:title, the card and its alt text), as in the
    feeds; the JSON-LD headline is the title itself."""
    title = fm.title
    if safeguards.warnings:
        title = title_warning_format.format(warnings=safeguards.warning_labels, title=fm.title)
    tags: list[Tag] = [
        ("property", "og:type", "article"),
        ("property", "og:site_name", site_name),
        ("property", "og:title", title),
        ("property", "og:description", fm.description),
    ]
    if url:
        tags.append(("property", "og:url", url))
    if card:
        tags += _og_image(card)
    tags.append(("property", "article:published_time", iso(fm.date.created)))
    if fm.date.updated:
        tags.append(("property", "article:modified_time", iso(fm.date.updated)))
    if fm.categories:
        tags.append(("property", "article:section", fm.categories[0]))
    tags += [("property", "article:tag", tag) for tag in dict.fromkeys(fm.tags)]
    tags += [
        ("name", "twitter:card", "summary_large_image" if card else "summary"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", fm.description),
    ]
    if card:
        tags += [("name", "twitter:image", card.url), ("name", "twitter:image:alt", card.alt)]
    return PageMeta(
        tuple(tags),
        post_json_ld(
            fm,
            url=url,
            card=card,
            site_name=site_name,
            site_url=site_url,
            language=language,
            practice=practice,
            authors=authors,
        ),
    )


def post_json_ld(
    fm: FrontMatter,
    *,
    url: str | None,
    card: Card | None,
    site_name: str,
    site_url: str | None,
    language: str,
    practice: Practice,
    authors: Mapping[str, Mapping[str, Any]],
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": ["MedicalWebPage", "Article"],
        "headline": fm.title,
        "name": fm.title,
        "description": fm.description,
    }
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = url
    if card:
        data["image"] = {
            "@type": "ImageObject",
            "url": card.url,
            "width": WIDTH,
            "height": HEIGHT,
            "caption": card.alt,
        }
    data["datePublished"] = iso(fm.date.created)
    data["dateModified"] = iso(fm.date.updated or fm.date.created)
    data["author"] = [person(a, authors, practice) for a in fm.authors]
    data["publisher"] = {"@type": "MedicalOrganization", "name": practice.name}
    if fm.reviewed is not None:
        data["reviewedBy"] = person(fm.reviewed.by, authors, practice)
        data["lastReviewed"] = fm.reviewed.on.date().isoformat()
    data["audience"] = [AUDIENCES[a] for a in fm.audience if a in AUDIENCES]
    if language:
        data["inLanguage"] = language
    if fm.categories:
        data["articleSection"] = list(fm.categories)
    if fm.tags:
        data["keywords"] = list(dict.fromkeys(fm.tags))
    website: dict[str, Any] = {"@type": "WebSite", "name": site_name}
    if site_url:
        website["url"] = site_url
    data["isPartOf"] = website
    return data


def website_meta(
    *, title: str, description: str, url: str | None, site_name: str, card: Card | None = None
) -> PageMeta:
    """Open Graph basics for pages that are not posts (home, blog index, crisis, about),
    with the site's own card for link previews."""
    tags: list[Tag] = [
        ("property", "og:type", "website"),
        ("property", "og:site_name", site_name),
        ("property", "og:title", title or site_name),
    ]
    if description:
        tags.append(("property", "og:description", description))
    if url:
        tags.append(("property", "og:url", url))
    if card is None:
        tags.append(("name", "twitter:card", "summary"))
        return PageMeta(tuple(tags))
    tags += _og_image(card)
    tags += [("name", "twitter:card", "summary_large_image"), ("name", "twitter:image", card.url),
             ("name", "twitter:image:alt", card.alt)]  # fmt: skip
    return PageMeta(tuple(tags))


def _og_image(card: Card) -> list[Tag]:
    return [
        ("property", "og:image", card.url),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", str(WIDTH)),
        ("property", "og:image:height", str(HEIGHT)),
        ("property", "og:image:alt", card.alt),
    ]
