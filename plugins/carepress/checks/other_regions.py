"""Another region's crisis numbers, offered to this practice's readers.

A hub copied from the US sample keeps telling UK readers to "call or text 988" or "text HOME
to 741741", and its links dial 911: numbers that reach nobody from the UK (or somebody
else). `crisis.other-region`: a post or page that gives a crisis line's, a helpline's or the
emergency services' number of another region than the practice's `crisis_region`
(data/crisis_lines.yml), in its words or in a tel:/sms: link, unless the same sentence names
that region ("in the US, call or text 988"; each region's `known_as`). A number that is also
one of the practice's region's (Samaritans' 116 123 in the UK and Ireland) or the practice's
own is fine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import unquote

from ..content import PostFile
from ..crisis import INTERNATIONAL, Region, all_regions
from ..findings import Finding
from ..prose import prose_of, sentence_spans
from ..settings import Settings
from .help_links import _bare, _digits, _forms, _own_number, _spaced
from .registry import PostContext, RuleInfo, declare, post_check

OTHER_REGION = "crisis.other-region"
declare(
    RuleInfo(OTHER_REGION, "crisis", "error", "a post or page gives another region's crisis "
             "line or emergency number (a tel:/sms: link or its words) without naming that "
             "region in the sentence"),
)  # fmt: skip

# A number is offered as a way to get help when its sentence says so: "call", "text", "a
# 988 crisis counselor", "dial 911 in an emergency" (not "since 1737", "in 111 cases").
_CONTACT = re.compile(
    r"\b(?:call(?:s|ed|ing)?|text(?:s|ed|ing)?|dial(?:s|led|ing)?|ring(?:s|ing)?|phone|"
    r"contact|reach|chat|message|sms|hot\s?line|help\s?line|lifeline|line|crisis|"
    r"counsell?ors?|emergency|emergencies|ambulance|police|free|24/7)\b",
    re.IGNORECASE,
)
_A_YEAR = re.compile(r"\b(?:in|since|until|by|from|year|of)\s+$", re.IGNORECASE)
_LINK_NUMBER = re.compile(r"\b(tel|sms):([^)\s\"'>]+)", re.IGNORECASE)


@dataclass(frozen=True)
class _Number:
    """A number of some region's lines or emergency services, as a pattern over prose."""

    written: str  # as the data writes it ("988", "1-800-662-4357")
    what: str  # "the 988 Suicide & Crisis Lifeline", "the emergency number"
    region: str
    forms: frozenset[str]


# A sentence for readers anywhere: it also sends them to their own country's number.
_FOR_ANYWHERE = re.compile(
    r"\b(?:your|the) (?:own |nearest )?(?:local|country['’]s|national) (?:emergency|crisis|"
    r"helpline|help ?line|number|services)|\bwherever you (?:are|live)\b|\bin your "
    r"(?:country|area|region)\b",
    re.IGNORECASE,
)


@cache
def _numbers() -> tuple[_Number, ...]:
    found = []
    for region in all_regions().values():
        for line in (*region.lines, *region.helplines):
            for number in dict.fromkeys(n for n in (line.call, line.text) if n):
                found.append(_Number(number, line.name.split(" (")[0], region.code,
                                     _forms(number, region)))  # fmt: skip
        for number in re.findall(r"\d[\d ]*\d|\d", region.emergency):
            found.append(_Number(number, "the emergency number", region.code,
                                 _forms(number, region)))  # fmt: skip
    return tuple(found)


def _own_forms(region: str) -> frozenset[str]:
    return frozenset(f for n in _numbers() if n.region == region for f in n.forms)


@cache
def _mention(written: str) -> re.Pattern[str]:
    """A number in prose: whole, not part of a longer number, a sum or a date ("$10,000")."""
    return re.compile(rf"(?<![\d,.$£€/-])(?<!\d )(?<!\d\u00a0){_spaced(written)}(?![\d-]|[.,/]\d)")


@cache
def _naming(region: str) -> re.Pattern[str]:
    names = all_regions()[region].known_as
    if not names:
        return re.compile(r"(?!)")
    either = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{either})(?![\w])")


def _foreign(digits: str, settings: Settings) -> list[_Number]:
    """The other regions' numbers that these digits dial (none when one of the practice's
    region's dials them, or the practice's own)."""
    own = settings.practice.crisis_region
    bare = _bare(digits)
    if not bare or bare in _own_forms(own) or _own_number(digits, settings):
        return []
    return [n for n in _numbers() if n.region != own and bare in n.forms]


def _message(number: _Number, own: Region) -> tuple[str, str]:
    region = all_regions()[number.region]
    there = region.name_in_sentence or region.name
    where = own.name_in_sentence or "other countries"
    if number.what == "the emergency number":
        message = f"{number.written} is the emergency number of {there}"
    else:
        message = f"{number.written} is a number of {there} ({number.what})"
    message += f": readers in {where} cannot reach it"
    named = f"('in {there}, call {number.written}')"
    if own.code == INTERNATIONAL:
        return message, (f"name the country in the same sentence {named}, or point readers "
                         "to findahelpline.com")  # fmt: skip
    first = own.lines[0]
    return message, (f"give {own.name_in_sentence}'s own line instead ({first.name}: "
                     f"{first.how} In an emergency, call {own.emergency}), or name the country in "
                     f"the same sentence {named}")  # fmt: skip


def other_region_findings(page: PostFile, settings: Settings, prose_text: str) -> list[Finding]:
    """Each sentence that gives another region's number without naming that region."""
    own = all_regions().get(settings.practice.crisis_region)
    if own is None:
        return []
    links = page.code_free
    found: list[Finding] = []
    for start, end in sentence_spans(prose_text):
        sentence = prose_text[start:end]
        hits: list[tuple[int, _Number]] = []
        for match in _LINK_NUMBER.finditer(links, start, end):
            number = re.split(r"[,;?&]", unquote(match.group(2)), maxsplit=1)[0]
            hits += [(match.start(), n) for n in _foreign(_digits(number), settings)]
        if _CONTACT.search(sentence):
            for number in _numbers():
                if number.region == own.code:
                    continue
                for match in _mention(number.written).finditer(sentence):
                    if _A_YEAR.search(sentence, 0, match.start()) and len(number.written) == 4:
                        continue  # "since 1737"
                    if _foreign(_digits(match.group(0)), settings):
                        hits.append((start + match.start(), number))
        if hits and _FOR_ANYWHERE.search(sentence):
            continue  # "call 999, 911 or your local emergency number": a list for anywhere
        # The region may be named earlier in the paragraph ("In the UK, call Samaritans on
        # 116 123. If you're in immediate danger, call 999.").
        paragraph = prose_text[prose_text.rfind("\n\n", 0, start) + 1 : end]
        reported: set[str] = set()
        for offset, number in sorted(hits, key=lambda hit: hit[0]):
            if number.written in reported:
                continue
            regions = {n.region for n in _numbers() if n.forms & number.forms} - {own.code}
            if any(_naming(r).search(paragraph) for r in regions):
                continue
            reported.add(number.written)
            line, column = page.body_lines.line_col(offset)
            message, fix = _message(number, own)
            found.append(Finding(page.path, line, column, OTHER_REGION, "crisis", "error",
                                 message, fix))  # fmt: skip
    return found


@post_check(order=6)
def check_other_regions(ctx: PostContext) -> list[Finding]:
    return other_region_findings(ctx.post, ctx.settings, ctx.words.text)


def page_findings(page: PostFile, settings: Settings) -> list[Finding]:
    """The same, on a page that is not a post."""
    prose = prose_of(page.body, page.body_line, page.as_read)
    return settings.adjusted(other_region_findings(page, settings, prose.text))
