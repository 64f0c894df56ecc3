"""The accounts CarePress posts as, and their secrets.

Which server and handle is configuration (mkdocs.yml, `posting:`); the secret is not: it
comes from an environment variable or the system keyring, never from the repository, and is
never printed or stored (`redact` scrubs it from any message a client library raises).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..settings import BLUESKY_APP_PASSWORD, MASTODON_TOKEN, ConfigError

if TYPE_CHECKING:
    from ..settings import Settings

KEYRING_SERVICE = "carepress"


class CredentialError(Exception):
    """A secret that is missing, or that the platform refused."""


@dataclass(frozen=True)
class Account:
    platform: str  # "mastodon" or "bluesky"
    server: str  # https://mastodon.example, or the Bluesky PDS (https://bsky.social)
    name: str  # who posts: @practice@mastodon.example, or practice.bsky.social
    secret_variable: str  # the environment variable that holds the secret

    @property
    def keyring_user(self) -> str:
        return f"{self.platform}:{self.name}"

    @property
    def label(self) -> str:
        return f"{self.platform} as {self.name}"

    def secret(self) -> str:
        """From the environment, else the system keyring (service "carepress", user
        "<platform>:<account>"); a clear error naming both when neither has it."""
        value = os.environ.get(self.secret_variable, "").strip()
        if value:
            return value
        value = _from_keyring(self.keyring_user)
        if value:
            return value
        raise CredentialError(
            f"no secret for {self.label}: set the environment variable "
            f"{self.secret_variable}, or store it in the system keyring (service "
            f"{KEYRING_SERVICE!r}, user {self.keyring_user!r}); never put it in mkdocs.yml "
            "or the repository"
        )


def _from_keyring(user: str) -> str:
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # the keyring package is optional
        return ""
    try:
        return keyring.get_password(KEYRING_SERVICE, user) or ""
    except KeyringError:  # no keyring backend on this machine (a CI runner)
        return ""
    except RuntimeError:
        return ""


def redact(text: str, secrets: list[str]) -> str:
    """`text` with every secret replaced."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[secret]")
    return text


def configured_accounts(settings: Settings) -> list[Account]:
    """The accounts `posting:` in mkdocs.yml names (their secrets are looked up on use)."""
    posting = settings.options.posting
    unknown = sorted(set(posting.bluesky_self_labels) - set(settings.content_warnings))
    if unknown:
        raise ConfigError(
            f"posting.bluesky_self_labels: {', '.join(unknown)} is not one of the hub's "
            f"content warnings ({', '.join(settings.content_warnings)})"
        )
    accounts = []
    if posting.mastodon is not None:
        accounts.append(Account("mastodon", posting.mastodon.server, posting.mastodon.account,
                                MASTODON_TOKEN))  # fmt: skip
    if posting.bluesky is not None:
        accounts.append(Account("bluesky", posting.bluesky.service, posting.bluesky.handle,
                                BLUESKY_APP_PASSWORD))  # fmt: skip
    return accounts
