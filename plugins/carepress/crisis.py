"""Crisis lines by region (data in data/crisis_lines.yml), for the crisis page and crisis boxes."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from pydantic import BaseModel, ConfigDict

from .yaml_loading import safe_load

INTERNATIONAL = "INTL"


class CrisisLine(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    how: str
    url: str
    call: str | None = None
    text: str | None = None


class Region(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    code: str
    name: str
    short: str  # one line for social posts: where to get help now
    emergency: str
    lines: tuple[CrisisLine, ...]
    # National helplines for one topic (not shown in crisis boxes): numbers a post may give.
    helplines: tuple[CrisisLine, ...] = ()


@cache
def all_regions() -> dict[str, Region]:
    data = safe_load(files("carepress").joinpath("data/crisis_lines.yml").read_text("utf-8"))
    return {code: Region(code=code, **region) for code, region in data["regions"].items()}


def regions_for(primary: str) -> list[Region]:
    """The practice's region first, the international fallback last, the others between."""
    regions = all_regions()
    order = [primary] + [c for c in regions if c not in (primary, INTERNATIONAL)]
    if primary != INTERNATIONAL:
        order.append(INTERNATIONAL)
    return [regions[c] for c in order]
