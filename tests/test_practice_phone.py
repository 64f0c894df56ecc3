"""The practice's phone in mkdocs.yml (a UK tester's report): "+44 (0)161 496 0123", the
usual UK way to write it, made tel:+4401614960123 on both policy pages, which no phone can
dial; and a number with a digit left off was accepted."""

from __future__ import annotations

import dataclasses

import pytest
from carepress.crisis import dialable
from carepress.policy_pages import policy_values
from carepress.settings import ConfigError, load_settings
from conftest import REPO, Hub

SETTINGS = load_settings(REPO / "mkdocs.yml")


@pytest.mark.parametrize(
    ("written", "href"),
    [
        ("+44 (0)161 496 0123", "+441614960123"),
        ("+44 (0) 161 496 0123", "+441614960123"),
        ("+44 161 496 0123", "+441614960123"),
        ("0161 496 0123", "01614960123"),  # national: the 0 is dialled
        ("(503) 555-0142", "5035550142"),
        ("+1 (503) 555-0142", "+15035550142"),
    ],
)
def test_the_trunk_zero_after_a_country_code_is_not_dialled(written: str, href: str) -> None:
    assert dialable(written) == href


def test_the_policy_pages_link_the_number_as_it_is_dialled() -> None:
    practice = SETTINGS.practice.model_copy(update={"phone": "+44 (0)161 496 0123"})
    values = policy_values(dataclasses.replace(SETTINGS, practice=practice))
    assert values["phone_href"] == "tel:+441614960123"


def _config(hub: Hub, phone: str) -> str:
    config = hub.root / "mkdocs.yml"
    text = config.read_text()
    config.write_text(text.replace("    crisis_region: US\n",
                                   f"    crisis_region: US\n    phone: \"{phone}\"\n"))  # fmt: skip
    try:
        load_settings(config)
    except ConfigError as exc:
        return str(exc)
    return ""


@pytest.mark.parametrize("phone", ["+44 (0)161 496 0123", "0161 496 0123", "(503) 555-0142",
                                   "+353 1 234 5678", "0800 1111"])  # fmt: skip
def test_a_real_number_is_accepted(hub: Hub, phone: str) -> None:
    assert _config(hub, phone) == ""


@pytest.mark.parametrize("phone", ["0161 496", "+44 (0)161 49", "555-01", "call us", "+1 555 01"])
def test_a_number_too_short_to_dial_is_refused_at_load(hub: Hub, phone: str) -> None:
    message = _config(hub, phone)
    assert "extra > practice" in message and "phone" in message, message
    assert "cannot be a phone number" in message and "at least 7" in message, message
