"""The practice profile (``extra.practice`` in mkdocs.yml) for templates, feeds and snippets."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Audience = Literal["clients", "clinicians", "community"]
CrisisRegion = Literal["US", "CA", "UK", "IE", "AU", "NZ", "INTL"]


class _Profile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Clinician(_Profile):
    name: str = Field(min_length=1)
    credentials: str = Field(min_length=1)
    role: str | None = None


class Disclaimer(_Profile):
    short: str = Field(min_length=1)
    full: str = Field(min_length=1)
    audiences: dict[Audience, str] = {}
    social: str | None = None  # a shorter form for social posts; the short form if unset
    # Shorter still where a platform has little room (x: "Not therapy; info only."):
    # by platform key; a platform not named takes `social`.
    social_by_platform: dict[str, str] = {}

    def for_platform(self, platform: str) -> str:
        return self.social_by_platform.get(platform) or self.social or self.short
    position: Literal["top", "bottom"] = "bottom"

    def for_audience(self, audiences: list[str]) -> str:
        """The variant for a post: a single-audience post gets that audience's text if set."""
        if len(audiences) == 1 and audiences[0] in self.audiences:
            return self.audiences[audiences[0]]  # type: ignore[index]
        return self.full


class Practice(_Profile):
    name: str = Field(min_length=1)
    clinicians: list[Clinician] = Field(min_length=1)
    region: str = Field(min_length=1)
    crisis_region: CrisisRegion
    booking_url: str
    contact_url: str | None = None
    # The practice's own phone and email: the only ones a post may contain (besides crisis lines).
    phone: str | None = None
    email: str | None = None
    disclaimer: Disclaimer

    @field_validator("booking_url", "contact_url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("https://", "http://", "mailto:")):
            raise ValueError("must be an absolute https:// (or mailto:) link")
        return value
