"""Another region's crisis numbers, offered to this practice's readers.

A hub copied from the US sample keeps telling UK readers to "call or text 988" or "text HOME
to 741741", and its links dial 911: numbers that reach nobody from the UK (or somebody
else). `crisis.other-region`: a post or page that gives a crisis line's, a helpline's or the
emergency services' number of another region than the practice's `crisis_region`
(data/crisis_lines.yml), in its words (spelled out, "nine one one", or in other digits), in
a tel:/sms: link, by the line's full name or by a link to its site, unless the same sentence
names that region ("in the US, call or text 988"; each region's `known_as`) and not the
practice's own with it. An earlier sentence of the paragraph that gives that region's lines,
a lead-in ("In the US:") or the section's heading names it for what follows. A number that is
also one of the practice's region's (Samaritans' 116 123 in the UK and Ireland; 112 in the UK)
or the practice's own is fine. Posts, pages, every published text of a post (title,
description, social texts) and the practice's own texts (disclaimers) are read.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from urllib.parse import unquote, urlsplit

from ..content import PostFile
from ..crisis import INTERNATIONAL, CrisisLine, Region, all_regions
from ..findings import Finding
from ..prose import prose_of, sentence_spans
from ..published_texts import TextsProse
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
# (Each pattern below that starts at a word looks at the word's first letter before trying
# its alternatives at every word of a post: a third to a half of its time.)
_CONTACT = re.compile(
    r"\b(?=[ctdrpmshlefa2])"
    r"(?:call(?:s|ed|ing)?|text(?:s|ed|ing)?|dial(?:s|led|ing)?|ring(?:s|ing)?|phone|"
    r"contact|reach|chat|message|sms|hot\s?line|help\s?line|lifeline|line|crisis|"
    r"counsell?ors?|emergency|emergencies|ambulance|police|free|24/7)\b",
    re.IGNORECASE,
)
_A_YEAR = re.compile(r"\b(?:in|since|until|by|from|year|of)\s+$", re.IGNORECASE)
_LINK_NUMBER = re.compile(r"\b(tel|sms):([^)\s\"'>]+)", re.IGNORECASE)
_LINK_URL = re.compile(r"\bhttps?://([^/)\s\"'>]+)", re.IGNORECASE)


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
        for number, what in region.other_numbers.items():
            found.append(_Number(number, what, region.code, _forms(number, region)))
    return tuple(found)


@cache
def _named_lines() -> tuple[tuple[re.Pattern[str], _Number], ...]:
    """Each region's lines by their names of two words or more ("Crisis Text Line", "Kids
    Help Phone"; not a word of everyday speech such as "Lifeline" or "Shout"), as a number
    of theirs, for a sentence that offers one by name."""
    found = []
    for region, line in _every_line():
        for name in (line.name.split(" (")[0], *line.aliases):
            if len(name.split()) >= 2:
                pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
                found.append((pattern, _line_number(line, region)))
    return tuple(found)


@cache
def _sites() -> dict[str, tuple[_Number, ...]]:
    """Each line's site (its host, without www.) -> the lines it belongs to."""
    found: dict[str, list[_Number]] = {}
    for region, line in _every_line():
        for url in filter(None, (line.url, line.chat)):
            found.setdefault(_host(url), []).append(_line_number(line, region))
    return {host: tuple(lines) for host, lines in found.items()}


def _every_line() -> Iterator[tuple[Region, CrisisLine]]:
    for region in all_regions().values():
        for line in (*region.lines, *region.helplines):
            yield region, line


def _line_number(line: CrisisLine, region: Region) -> _Number:
    """A line as one of its region's numbers (its first; none for a chat-only service)."""
    number = line.call or line.text or ""
    forms = _forms(number, region) if number else frozenset()
    return _Number(number, line.name.split(" (")[0], region.code, forms)


def _host(url: str) -> str:
    return urlsplit(url if "//" in url else f"//{url}").netloc.lower().removeprefix("www.")


def _own_forms(region: str) -> frozenset[str]:
    return frozenset(f for n in _numbers() if n.region == region for f in n.forms)


@cache
def _mention(written: str) -> re.Pattern[str]:
    """A number in prose: whole, not part of a longer number, a sum or a date ("$10,000")."""
    return re.compile(rf"(?<![\d,.$£€/-])(?<!\d )(?<!\d\u00a0){_spaced(written)}(?![\d-]|[.,/]\d)")


# A region's name inside a longer one is not that region: "South America", "Mental Health
# America", "Native American", "Northern Ireland" (the UK's), and an adjective before a
# proper name ("the American Psychological Association", "Irish Sea").
_PART_OF_A_NAME = (
    r"(?<!\bSouth )(?<!\bLatin )(?<!\bCentral )(?<!\bNative )(?<!\bHealth )(?<!\bNorthern )"
    r"(?<!\bAfrican )(?<!\bAsian )(?<!\bPan-)(?<!\bAnglo-)"
)


@cache
def _naming(region: str) -> re.Pattern[str]:
    names = all_regions()[region].known_as
    if not names:
        return re.compile(r"(?!)")
    forms = []
    for name in sorted(names, key=len, reverse=True):
        adjective = re.search(r"(?:an|ans|sh)$", name) is not None
        forms.append(re.escape(name) + (r"(?! [A-Z])" if adjective else ""))
    return re.compile(rf"(?<![\w.]){_PART_OF_A_NAME}(?:{'|'.join(forms)})(?![\w])")


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
    elif not number.written:
        message = f"{number.what} is a service of {there}"
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


# Numbers written another way still dial: "nine one one", "nine-eight-eight", other scripts'
# digits ("٩٨٨", "⁹⁸⁸"), "9_88", a keypad word ("1-800-273-TALK"). Each becomes its digits,
# padded to the same length, so every offset holds.
_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_DIGIT_WORD = f"(?:{'|'.join(_DIGIT_WORDS)})"
_SPELLED = re.compile(rf"\b(?=[zotfsen]){_DIGIT_WORD}(?:[ \t-]+{_DIGIT_WORD}\b){{2,}}", re.I)
_OTHER_DIGITS = re.compile(r"(?![0-9])[\d⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉]")
_UNDERSCORED = re.compile(r"(?<=\d)_+(?=\d)")
_KEYPAD_WORD = re.compile(r"\b(?=[18])(?:1[ .-]?)?8\d\d[ .-]\d{3}[ .-][A-Z]{4}\b")
_KEYPAD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "22233344455566677778889999")


def _as_digits(text: str) -> str:
    def spelled(match: re.Match[str]) -> str:
        digits = "".join(str(_DIGIT_WORDS.index(w.lower())) for w in re.split(r"[ \t-]+",
                                                                              match.group(0)))
        return digits.ljust(len(match.group(0)))

    if not text.isascii():
        text = _OTHER_DIGITS.sub(lambda m: str(unicodedata.digit(m.group(0))), text)
    text = _SPELLED.sub(spelled, text)
    if "_" in text:
        text = _UNDERSCORED.sub(lambda m: " " * len(m.group(0)), text)
    return _KEYPAD_WORD.sub(lambda m: m.group(0).translate(_KEYPAD), text)


_HEADING = re.compile(r"^#{1,6}[ \t]+(.*)$", re.MULTILINE)


def _hits(sentence: str, offset: int, links: str, start: int, end: int, contact: bool,
          settings: Settings) -> list[tuple[int, _Number]]:  # fmt: skip
    """Another region's numbers and lines the sentence gives, with where (its words only if
    it has a word of `contact`)."""
    own = settings.practice.crisis_region
    hits: list[tuple[int, _Number]] = []
    for match in _LINK_NUMBER.finditer(links, start, end):
        number = re.split(r"[,;?&]", unquote(match.group(2)), maxsplit=1)[0]
        hits += [(match.start(), n) for n in _foreign(_digits(number), settings)]
    own_sites, foreign_names = _others(own)
    for match in _LINK_URL.finditer(links, start, end):
        host = _host(match.group(1))
        if host not in own_sites:
            hits += [(match.start(), n) for n in _sites().get(host, ()) if n.region != own]
    if contact:
        for number in _numbers():
            if number.region == own:
                continue
            for match in _mention(number.written).finditer(sentence):
                # (the words just before it: searching from the sentence's start was
                # quadratic in a sentence of many numbers)
                before = max(0, match.start() - 20)
                if _A_YEAR.search(sentence, before, match.start()) and len(number.written) == 4:
                    continue  # "since 1737"
                if _foreign(_digits(match.group(0)), settings):
                    hits.append((offset + match.start(), number))
        for pattern, line in foreign_names:
            hits += [(offset + m.start(), line) for m in pattern.finditer(sentence)]
    return hits


@cache
def _others(own: str) -> tuple[frozenset[str], tuple[tuple[re.Pattern[str], _Number], ...]]:
    """For a practice in `own`: the sites of its own lines (a link there is no other
    region's), and the other regions' lines by a name none of its own lines has."""
    own_sites = frozenset(h for h, lines in _sites().items() if any(n.region == own for n in lines))
    own_names = {n.what.lower() for _, n in _named_lines() if n.region == own}
    foreign = tuple((pattern, line) for pattern, line in _named_lines()
                    if line.region != own and line.what.lower() not in own_names)  # fmt: skip
    return own_sites, foreign


def _gives_help(sentence: str, region: str) -> bool:
    """Whether a sentence gives one of the region's numbers or lines."""
    return any(n.region == region and _mention(n.written).search(sentence) for n in _numbers()) \
        or any(line.region == region and p.search(sentence) for p, line in _named_lines())


@dataclass(frozen=True)
class _Said:
    """What a text says of regions ahead of each sentence, read once for the whole text
    (each sentence walking back over the ones before it was quadratic in a long paragraph):
    for each sentence, the regions earlier sentences of its paragraph named while giving
    their lines or leading in, or that the sentence just before its paragraph led in with
    ("In the US:"); and where each heading is."""

    carried: tuple[frozenset[str], ...]
    heading_starts: tuple[int, ...]
    headings: tuple[str, ...]


_BREAK = re.compile(r"(?=\n\n)")


def _said(text: str, spans: list[tuple[int, int]]) -> _Said:
    breaks = [m.start() for m in _BREAK.finditer(text)]
    codes = tuple(all_regions())

    def paragraph_start(position: int) -> int:  # as text.rfind("\n\n", 0, position) finds it
        k = bisect.bisect_right(breaks, position - 2) - 1
        return breaks[k] if k >= 0 else -1

    def named(sentence: str) -> set[str]:
        return {r for r in codes if _naming(r).search(sentence)}

    carried: list[frozenset[str]] = []
    held: set[str] = set()
    for i, (start, end) in enumerate(spans):
        if i and spans[i - 1][0] < paragraph_start(start):
            before = text[spans[i - 1][0] : spans[i - 1][1]].strip()
            held = named(before) if before.endswith(":") else set()
        carried.append(frozenset(held))
        sentence = text[start:end].strip()
        held |= {r for r in named(sentence)
                 if sentence.endswith(":") or _gives_help(sentence, r)}  # fmt: skip
    found = list(_HEADING.finditer(text))
    return _Said(tuple(carried), tuple(m.start() for m in found),
                 tuple(m.group(1) for m in found))  # fmt: skip


def _names_region(regions: set[str], text: str, spans: list[tuple[int, int]], at: int,
                  own: str, said: _Said) -> bool:  # fmt: skip
    """Whether the sentence `spans[at]` is said to be for one of `regions`: it names one
    (and not the practice's own region with it, unless it gives the own region's help too);
    or an earlier sentence of its paragraph names one and gives its lines, or leads in
    ("In the US:"); or the paragraph before it leads in; or its section's heading names it."""
    start, end = spans[at]
    sentence = text[start:end]
    named = any(_naming(r).search(sentence) for r in regions)
    if named:
        return not _naming(own).search(sentence) or _gives_help(sentence, own)
    if regions & said.carried[at]:
        return True
    k = bisect.bisect_left(said.heading_starts, start) - 1
    return k >= 0 and any(_naming(r).search(said.headings[k]) for r in regions)


def _may_give_a_number(digits: str, links: str, spans: list[tuple[int, int]]) -> dict[int, bool]:
    """The sentences (by index, in order) that `_hits` may find something in, and whether
    each has a word of contact (the others have a link). Found over the whole text at once
    (a post's sentences searched one by one cost a search each, and most give no number)."""
    starts = [start for start, _ in spans]
    at: dict[int, bool] = {}
    for pattern, text in ((_CONTACT, digits), (_LINK_NUMBER, links), (_LINK_URL, links)):
        for match in pattern.finditer(text):
            k = bisect.bisect_right(starts, match.start()) - 1
            if k >= 0 and match.start() < spans[k][1]:
                at[k] = at.get(k, False) or pattern is _CONTACT
    return dict(sorted(at.items()))


def other_region_findings(
    path: str,
    prose_text: str,
    locate: Callable[[int], tuple[int, int]],
    links: str,
    settings: Settings,
) -> list[Finding]:
    """Each sentence that gives another region's number or line without naming that region.
    `links`: the text the prose was made from, same length (its tel:, sms: and web links)."""
    own = all_regions().get(settings.practice.crisis_region)
    if own is None:
        return []
    digits = _as_digits(prose_text)
    spans = sentence_spans(prose_text)
    found: list[Finding] = []
    said: _Said | None = None  # read only once a sentence gives another region's number
    for at, contact in _may_give_a_number(digits, links, spans).items():
        start, end = spans[at]
        sentence = digits[start:end]
        hits = _hits(sentence, start, links, start, end, contact, settings)
        if not hits:
            continue
        if _FOR_ANYWHERE.search(sentence) and all(n.what == "the emergency number"
                                                  for _, n in hits):  # fmt: skip
            continue  # "call 999, 911 or your local emergency number": a list for anywhere
        reported: set[str] = set()
        for offset, number in sorted(hits, key=lambda hit: hit[0]):
            if (number.written or number.what) in reported:
                continue
            regions = {n.region for n in _numbers() if n.forms & number.forms} | {number.region}
            regions -= {own.code}
            said = said or _said(digits, spans)
            if _names_region(regions, digits, spans, at, own.code, said):
                continue
            reported.add(number.written or number.what)
            line, column = locate(offset)
            message, fix = _message(number, own)
            found.append(Finding(path, line, column, OTHER_REGION, "crisis", "error",
                                 message, fix))  # fmt: skip
    return found


@post_check(order=6)
def check_other_regions(ctx: PostContext) -> list[Finding]:
    post = ctx.post
    body = other_region_findings(post.path, ctx.words.text, post.body_lines.line_col,
                                 post.code_free, ctx.settings)  # fmt: skip
    return body + texts_findings(post.path, ctx.shown, ctx.settings)


def texts_findings(path: str, texts: TextsProse, settings: Settings) -> list[Finding]:
    """The same, in texts outside a body: a post's title, description and social texts, the
    practice's disclaimers."""
    return other_region_findings(path, texts.text, texts.line_col, texts.text, settings)


def page_findings(page: PostFile, settings: Settings) -> list[Finding]:
    """The same, on a page that is not a post."""
    prose = prose_of(page.body, page.body_line, page.as_read)
    found = other_region_findings(page.path, prose.text, page.body_lines.line_col,
                                  page.code_free, settings)  # fmt: skip
    return settings.adjusted(found)
