"""A keyring backend for the tests: secrets from a JSON file (CAREPRESS_TEST_KEYRING),
selected with PYTHON_KEYRING_BACKEND, as a practice's system keyring would be."""

from __future__ import annotations

import json
import os

from keyring.backend import KeyringBackend


class JsonFileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _store(self) -> dict[str, dict[str, str]]:
        with open(os.environ["CAREPRESS_TEST_KEYRING"], encoding="utf-8") as handle:
            return json.load(handle)

    def get_password(self, service: str, username: str) -> str | None:
        return self._store().get(service, {}).get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NotImplementedError("read-only test keyring")

    def delete_password(self, service: str, username: str) -> None:
        raise NotImplementedError("read-only test keyring")
