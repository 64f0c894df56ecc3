"""Crisis lines by region (data in data/crisis_lines.yml), for the crisis page and crisis boxes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict

from .yaml_loading import safe_load

INTERNATIONAL = "INTL"


@dataclass(frozen=True)
class Action:
    """One way to reach a line that a phone does at a tap: call, text, or open the chat."""

    kind: str  # "call", "text", "chat"
    label: str  # what the link says: "Call 988", "Text HOME to 741741"
    href: str  # tel:, sms: (with the keyword as the message) or https:
    name: str  # its accessible name: the label and the line


def dialable(number: str) -> str:
    """A number as a tel: or sms: address takes it: digits, and a leading + kept. The trunk
    prefix written in brackets after a country code ("+44 (0)161 496 0123") is dropped:
    dialled from abroad it is not dialled (tel:+441614960123)."""
    international = number.strip().startswith("+")
    if international:
        number = re.sub(r"\(\s*0\s*\)", "", number)
    return ("+" if international else "") + re.sub(r"\D", "", number)


class CrisisLine(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    name: str
    how: str
    url: str
    call: str | None = None  # the number to call, as people write it
    text: str | None = None  # the number to text
    keyword: str | None = None  # the word to text it, when it wants one ("HOME")
    chat: str | None = None  # the page to chat from, when it offers chat
    aliases: tuple[str, ...] = ()  # other names people call it by ("SAMHSA")

    @property
    def actions(self) -> tuple[Action, ...]:
        found = []
        if self.call:
            label = f"Call {self.call}"
            found.append(Action("call", label, f"tel:{dialable(self.call)}",
                                f"{label}, {self.name}"))  # fmt: skip
        if self.text:
            label = (f"Text {self.keyword} to {self.text}" if self.keyword
                     else f"Text {self.text}")  # fmt: skip
            # "?&body=": the form both iOS and Android read the message from.
            body = f"?&body={quote(self.keyword)}" if self.keyword else ""
            found.append(Action("text", label, f"sms:{dialable(self.text)}{body}",
                                f"{label}, {self.name}"))  # fmt: skip
        if self.chat:
            found.append(Action("chat", "Chat online", self.chat,
                                f"Chat online with {self.name}"))  # fmt: skip
        if not found:  # a directory of lines, not a line: its page
            site = self.url.split("//", 1)[-1].removeprefix("www.").rstrip("/")
            label = f"Open {site}"
            found.append(Action("web", label, self.url, f"{label}, {self.name}"))
        return tuple(found)


class Region(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    code: str
    name: str
    short: str  # one line for social posts: where to get help now
    emergency: str
    country_code: str = ""  # its international calling code ("44"); none for INTL
    name_in_sentence: str = ""  # "the United Kingdom"; none for INTL (no "outside" it)
    known_as: tuple[str, ...] = ()  # the words that name it in a sentence ("UK", "British")
    # Numbers that reach its services or lines, not shown to readers: 112 in the UK, the
    # 988 Lifeline's former number (number -> what it is).
    other_numbers: dict[str, str] = {}

    @property
    def emergency_calls(self) -> tuple[Action, ...]:
        """The emergency numbers as call links ("112 or 999": two)."""
        numbers = re.findall(r"\d[\d ]*\d|\d", self.emergency)
        return tuple(Action("call", f"Call {n}", f"tel:{dialable(n)}",
                            f"Call {n}, emergency services") for n in numbers)  # fmt: skip
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
