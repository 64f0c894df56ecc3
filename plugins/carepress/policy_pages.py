"""The practice's policies as pages: a social-media policy for clients and the public, and
the crisis response protocol its staff follow (issue 27).

Each is built as the crisis page is: a page in docs_dir (`social-media-policy.md`) names its
template (`template: social-media-policy.html`, in the hub's overrides), which adds the
text from a partial of the hub's overrides (`partials/carepress-social-media-policy.html`),
filled in from the practice profile (`extra.practice`) and the crisis lines of its region
(`crisis_region`, through `partials/carepress-crisis-lines.html`). A practice edits the
partial to change the words. So that every engine and `carepress check` see the same text,
the partial is rendered with the values `policy_values` gives: by the page template under
MkDocs, by `markdown_safeguards` under Zensical, by `checks/practice_texts.py` for the
language rules. Each page must list the region's crisis lines once rendered
(`verify/safeguards.crisis_lines_problem`, which the crisis page is held to as well).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .content import FRONT_MATTER_RE
from .crisis import dialable, regions_for
from .settings import ConfigError, Settings
from .theme_templates import base_url_of, theme_environment
from .yaml_loading import safe_load


@dataclass(frozen=True)
class PolicyPage:
    key: str  # its address under the site's root, without the slash: social-media-policy
    title: str
    source: str  # under docs_dir
    template: str  # the page template its front matter names
    partial: str  # the text, under the hub's overrides

    def page_file(self, directory_urls: bool) -> str:
        """Where the page lands in the site: social-media-policy/index.html."""
        return f"{self.key}/index.html" if directory_urls else f"{self.key}.html"

    def address(self, directory_urls: bool) -> str:
        """Its address from the site's root, as links write it: social-media-policy/."""
        return self.page_file(directory_urls).removesuffix("index.html")


SOCIAL_MEDIA_POLICY = PolicyPage(
    key="social-media-policy",
    title="Social media policy",
    source="social-media-policy.md",
    template="social-media-policy.html",
    partial="partials/carepress-social-media-policy.html",
)
CRISIS_PROTOCOL = PolicyPage(
    key="crisis-protocol",
    title="Crisis response protocol",
    source="crisis-protocol.md",
    template="crisis-protocol.html",
    partial="partials/carepress-crisis-protocol.html",
)
POLICY_PAGES: tuple[PolicyPage, ...] = (SOCIAL_MEDIA_POLICY, CRISIS_PROTOCOL)


def _is_draft(path: Path) -> bool:
    try:
        match = FRONT_MATTER_RE.match(path.read_text(encoding="utf-8-sig"))
        meta = safe_load(match.group(1)) if match else None
    except Exception:  # unreadable or not YAML: the page check (checks/pages.py) says why
        return False
    return isinstance(meta, dict) and meta.get("draft") is True


def published_policies(settings: Settings) -> list[PolicyPage]:
    """The policy pages this hub publishes: their page is in docs_dir, not a draft."""
    return [
        page
        for page in POLICY_PAGES
        if (settings.docs_dir / page.source).is_file()
        and not _is_draft(settings.docs_dir / page.source)
    ]


def policy_partials(settings: Settings) -> list[tuple[PolicyPage, Path]]:
    """Each published policy's text: its partial in the hub's overrides (which may be
    missing: rendering it then says so)."""
    if settings.custom_dir is None:
        return []
    return [(page, settings.custom_dir / page.partial) for page in published_policies(settings)]


def crisis_reply(settings: Settings) -> str:
    """The reply to a message or comment that suggests someone may be in crisis: every line
    of the practice's region, then the emergency number. Never clinical care."""
    region = regions_for(settings.practice.crisis_region)[0]
    lines = " ".join(f"{line.name}: {line.how}" for line in region.lines)
    return (
        "We're really glad you reached out, and we're sorry you're going through this. "
        "We can't offer support through social media, but you can talk to someone right "
        f"now. {lines} If you or someone else is in danger now, call {region.emergency}."
    )


def policy_values(settings: Settings) -> dict[str, Any]:
    """What the policy partials read as `policy`: the practice profile (and its phone as a
    tel: address), when messages are read, the practice's crisis region (and, for
    carepress-crisis-lines.html, it alone), the crisis reply, and the address of the crisis
    page and of each published policy page."""
    practice = settings.practice
    region = regions_for(practice.crisis_region)[0]
    directory_urls = settings.addressing.directory_urls
    return {
        "practice": practice,
        "hours": practice.social_hours.describe() if practice.social_hours else None,
        "region": region,
        "crisis_regions": [region],
        "crisis_reply": crisis_reply(settings),
        "phone_href": f"tel:{dialable(practice.phone)}" if practice.phone else None,
        "crisis_page": settings.crisis_page,
        "pages": {page.key: page.address(directory_urls) for page in published_policies(settings)},
    }


def render_policy(
    settings: Settings, page: PolicyPage, base_url: str | None = None, source: str | None = None
) -> str:
    """The policy's text as the page shows it: its partial in the hub's overrides, rendered
    with `policy_values`; `base_url`, the way from the page to the site's root, for its
    links (by default from the page's address); `source`, the partial's text to render
    instead of the file's (the language check marks its lines). A partial that cannot be
    rendered is a ConfigError naming it."""
    from jinja2 import TemplateError  # loaded only once a policy page is rendered

    assert settings.custom_dir is not None
    if not settings.custom_dir.is_dir():
        from .checks.theme_files import no_custom_dir_message

        raise ConfigError(no_custom_dir_message(settings))
    if base_url is None:
        base_url = base_url_of(page.address(settings.addressing.directory_urls))
    try:
        environment = theme_environment(settings.custom_dir)
        template = (environment.get_template(page.partial) if source is None
                    else environment.from_string(source))  # fmt: skip
        return template.render(policy=policy_values(settings), base_url=base_url)
    except TemplateError as exc:
        shown = settings.display_path(settings.custom_dir / page.partial)
        raise ConfigError(
            f"{shown} (the text of the page at {page.key}/) cannot be rendered: {exc}. "
            "Compare it with the CarePress sample hub's copy."
        ) from exc
