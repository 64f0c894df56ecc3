"""The profile kit: bios within each platform's limit, an automatic direct-message reply and
comment-reply templates, all carrying the boundary "informational only, not therapy"; the
reply to a message from someone who may be in crisis, and the practice's policy pages to
link from its profiles (policy_pages.py)."""

from __future__ import annotations

from typing import Any

from ..crisis import all_regions
from ..policy_pages import crisis_reply, published_policies
from ..settings import Settings
from .platforms import PLATFORMS, Platform

BOUNDARY = (
    "Education only, not therapy or advice. "
    "Following or messaging us is not a therapeutic relationship."
)
SHORT_BOUNDARY = "Education only, not therapy."


def _plural(noun: str) -> str:
    return noun if noun.endswith("s") else noun + "s"


def clinicians_are(settings: Settings) -> str:
    """What the bios call the clinicians: `extra.practice.clinicians_are`, else made from
    their roles. "Licensed" is a legal claim (a US or Canadian licence; a UK counsellor's
    BACP or UKCP membership is none), so it is said only when every role says it."""
    practice = settings.practice
    if practice.clinicians_are:
        return practice.clinicians_are.strip()
    roles = [c.role.strip() for c in practice.clinicians if c.role and c.role.strip()]
    if not roles or len(roles) < len(practice.clinicians):
        return "therapists"
    if all("licensed" in role.lower().split() for role in roles):
        return "licensed therapists"
    nouns = list(dict.fromkeys(_plural(role.split()[-1].lower()) for role in roles))
    return nouns[0] if len(nouns) == 1 else ", ".join(nouns[:-1]) + " and " + nouns[-1]


def bio(platform: Platform, settings: Settings) -> str:
    """The longest of a few bios that fits; every one keeps the boundary."""
    practice = settings.practice
    credentials = ", ".join(dict.fromkeys(c.credentials for c in practice.clinicians))
    region = practice.region
    candidates = [
        f"{practice.name}: {clinicians_are(settings)} ({credentials}) in {region} sharing "
        "plain-language "
        f"mental health education. {BOUNDARY} In crisis? See the crisis page on our site.",
        f"{practice.name} ({credentials}), {region}. Mental health education. {BOUNDARY}",
        f"{practice.name}: mental health education. {BOUNDARY}",
        f"{practice.name}. {SHORT_BOUNDARY}",
    ]
    for text in candidates:
        if platform.bio_length(text) <= platform.bio_limit:
            return text
    return SHORT_BOUNDARY


def _hours(settings: Settings) -> str:
    """When messages are read, or that they are not read around the clock."""
    hours = settings.practice.social_hours
    if hours is None:
        return "messages here are not monitored around the clock"
    return f"we read messages here on {hours.describe()}, not around the clock"


def direct_message_reply(settings: Settings) -> str:
    practice = settings.practice
    region = all_regions()[practice.crisis_region]
    return (
        f"Thank you for reaching out to {practice.name}. We can't answer personal or clinical "
        f"questions over social media, and {_hours(settings)}. "
        "Messaging us does not create a therapeutic relationship, so please don't share "
        f"health details here. To ask about working with us, use our booking page: "
        f"{practice.booking_url}. If you are in crisis: {region.short} "
        f"In an emergency, call {region.emergency}."
    )


def comment_replies(settings: Settings) -> dict[str, str]:
    practice = settings.practice
    region = all_regions()[practice.crisis_region]
    hours = practice.social_hours
    when = f"; we read comments on {hours.describe()}." if hours else "."
    return {
        "acknowledge": "Thank you for sharing this. Many people will recognise what you describe.",
        "redirect-to-resources": (
            "Thank you for commenting. This sounds hard. We can't offer support in the "
            f"comments, but help is available: {region.short}"
        ),
        "invite-private-contact": (
            "Thanks for your question. To ask about working with one of our clinicians, please "
            f"use our booking page ({practice.booking_url}) rather than sharing details here"
            + when
        ),
        "decline-individual-advice": (
            "We can't give individual advice on social media, because we don't know your "
            "situation. A clinician who knows you is the best person to ask."
        ),
    }


def profile_kit(settings: Settings) -> dict[str, Any]:
    bios = {}
    for platform in PLATFORMS.values():
        text = bio(platform, settings)
        bios[platform.key] = {
            "text": text, "length": platform.bio_length(text), "limit": platform.bio_limit
        }
    return {
        "bios": bios,
        "direct_message_reply": direct_message_reply(settings),
        "comment_replies": comment_replies(settings),
        "crisis_reply": crisis_reply(settings),
        "policies": policy_links(settings),
    }


def policy_links(settings: Settings) -> list[dict[str, str]]:
    """The policy pages the hub publishes: each one's title, its address from the site's
    root, and its full address to paste into a profile (the address when site_url is unset)."""
    directory_urls = settings.addressing.directory_urls
    return [
        {
            "key": page.key,
            "title": page.title,
            "address": page.address(directory_urls),
            "url": settings.site_url + page.address(directory_urls),
        }
        for page in published_policies(settings)
    ]
