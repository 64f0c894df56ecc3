"""Links that offer help go where they say.

A reader in distress taps the first "call 988" they see. A post can write that text over any
address, and the allowlist (rightly) lets tel:, sms: and web links through. So, on the HTML
the build publishes (the rendered post for `carepress check`, each page's in the build):

- `crisis.phone-link`: a tel: or sms: link reaches the practice's own number, a crisis line,
  a helpline, or the emergency services (data/crisis_lines.yml), never another number: the
  line's number in its own region's form ("+44 988" is not 988), in a way the line takes (no
  call to a line that only takes texts), to one number, and an sms: link's message, if any,
  is the line's keyword;
- `crisis.misleading-link`: a link whose words offer a crisis line or helpline ("call 988",
  "If you are struggling, text 741741") reaches that line: its number, or its own site, and
  there not a page for something else (donate, shop...); words that offer help now ("talk to
  a counselor now") or a crisis service by what it is ("suicide hotline") reach a line the
  crisis page lists, or the crisis page.

The words are read as readers meet them (`_link_words`: the text, aria-label, title and
pictures' alt text, with look-alike letters, invisible characters and dialled letters
undone), clause by clause (`_offered`); numbers are compared whole (`_forms`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import regex

from ..crisis import INTERNATIONAL, CrisisLine, Region, all_regions
from ..disguise import LOOKALIKES, visible
from ..findings import Finding, line_naming, shortened, source_text
from ..sanitise import as_read, host_of
from ..settings import CRISIS_SOURCE, Settings
from .registry import PostContext, RuleInfo, declare, post_check

PHONE_LINK = "crisis.phone-link"
MISLEADING_LINK = "crisis.misleading-link"
declare(
    RuleInfo(PHONE_LINK, "crisis", "error", "a tel: or sms: link to a number that is neither "
             "the practice's, a crisis line's, a helpline's nor the emergency services'",
             adjustable=False),
    RuleInfo(MISLEADING_LINK, "crisis", "error", "a link whose text offers a crisis line or "
             "helpline but which goes somewhere else", adjustable=False),
)  # fmt: skip

# Links as the allowlist writes them: attributes in double quotes, the text up to </a>.
_LINK = re.compile(r"<a(\s[^>]*)>(.*?)</a>", re.IGNORECASE | re.DOTALL)
_ATTRIBUTE = re.compile(r'\s([\w-]+)="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")
# The words a reader meets besides the link's text: a screen reader says its aria-label, a
# picture inside a link says its alt text.
_NAMING = ("aria-label", "title")
_ALT = re.compile(r'<img\s[^>]*?\balt="([^"]*)"', re.IGNORECASE)
# A clause of a link's words that offers contact starts with it: "Call 988", "Text HOME to
# 741741", "Tap to chat with the 988 Lifeline" (not "Learn what happens when you call 988";
# not the practice itself: "Contact us about our 988 training").
_OFFER = re.compile(
    r"(?:please |you can |or |(?:tap|click|press|touch)(?: here)? to )?(?:call|calling|text|"
    r"texting|chat|chatting|ring|phone|dial|contact|reach|message|talk to|speak to|"
    r"get help from)\b(?!\s+(?:us|me|our|the (?:office|practice|front desk))\b)",
    re.IGNORECASE,
)
# A crisis service named by what it is, not by its name ("the suicide hotline", "a crisis
# line", "a trained crisis counsellor"): it must be one of the lines the crisis page lists.
_GENERIC_SERVICE = re.compile(
    rf"(?:{_OFFER.pattern}\s+)?(?:the\s+|a\s+|an\s+|your\s+)?(?:local\s+|national\s+|free\s+|"
    r"24/7\s+|24-hour\s+|confidential\s+|trained\s+)*(?:suicide|crisis|suicide prevention|"
    r"suicide and crisis|mental health crisis|self-harm|emergency mental health)\s+(?:hot\s?line|"
    r"help\s?line|line|text line|chat|chat line|counsell?ors?|counselling line|support line|"
    r"phone line|service)s?(?:\s+(?:now|today|24/7|here|any time|anytime|for free))?",
    re.IGNORECASE,
)
# A phone keypad's letters, for numbers written in words ("1-800-656-HOPE").
_KEYPAD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "22233344455566677778889999")
_VANITY = re.compile(r"(?<=[\d-])[A-Z]{3,}\b")


def _plain(text: str) -> str:
    """Full-width and other compatibility forms as plain ones ("９８８" is 988), characters
    that draw nothing gone (the format characters, and what disguise.py reads as invisible:
    variation selectors, Hangul fillers...)."""
    text = visible(unicodedata.normalize("NFKC", text))
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def _readable(text: str) -> str:
    """Text as a reader sees it: plain, look-alike letters as Latin ones, its spaces one."""
    return " ".join(_plain(html.unescape(text)).translate(LOOKALIKES).split())


def _link_words(attributes: dict[str, str], inner: str) -> list[str]:
    """Every way the link is read: its text (markup inside a word joins it: "9<b>8</b>8"; a
    tag between words parts them), its accessible names and its pictures' alt texts, and
    each with a number's letters dialled ("1-800-656-HOPE")."""
    words = [_readable(_TAG.sub(" ", inner)), _readable(_TAG.sub("", inner))]
    words += [_readable(attributes[name]) for name in _NAMING if name in attributes]
    words += [_readable(alt) for alt in _ALT.findall(inner)]
    words += [_VANITY.sub(lambda m: m.group(0).translate(_KEYPAD), w) for w in words]
    return list(dict.fromkeys(w for w in words if w))


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@cache
def _lines() -> tuple[CrisisLine, ...]:
    return tuple(line for r in all_regions().values() for line in (*r.lines, *r.helplines))


def _number_part(href: str) -> str:
    """What a tel: or sms: address dials first: up to a pause, an extension or a message
    ("tel:5550100,18006624357" dials 555 0100, then the rest as tones)."""
    return re.split(r"[,;?]|(?<=\d)[pPwW]", unquote(href.split(":", 1)[1]), maxsplit=1)[0]


def _dialled(href: str) -> str:
    return _digits(_number_part(href))


_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_LETTERS = re.compile(r"[^\W\d_]")  # "988-HELP": a keypad turns letters into digits


def _bare(digits: str) -> str:
    """Digits without the leading zeros of an international or trunk prefix ("0044 116
    123", "0800 543 354"); a number of only zeros ("000") as it is."""
    return digits.lstrip("0") or digits


def _forms(number: str, region: Region) -> frozenset[str]:
    """The ways to dial a line's number in its region's form (bare, see `_bare`): as
    written, after the region's country code, and a North American number without its
    leading 1 ("(800) 662-4357"). The right digits behind another region's code ("+44 988")
    are another number, or none. A number is dialled whole: 950-6264 is not NAMI's
    1-800-950-6264 but a number in the reader's own area."""
    listed = _bare(_digits(number))
    code = region.country_code
    if not code or _short_code(number, region):
        return frozenset({listed})
    if code == "1" and len(listed) == 11 and listed.startswith(code):
        return frozenset({listed, listed[1:]})
    return frozenset({listed, code + listed})


def _short_code(number: str, region: Region) -> bool:
    """A national short code, dialled only as it is, never after the country code ("+44
    111" is no number): in North America fewer than ten digits (988, 911, 741741), elsewhere
    a number written without the trunk 0 (111, 116 123, 85258, 13 11 14, 1800 55 1800)."""
    digits = _digits(number)
    if region.country_code == "1":
        return len(digits) < 10
    return not digits.startswith("0")


@dataclass(frozen=True)
class _Way:
    """One way in to a line, or to the emergency services: how (call, text; "any" for the
    emergency services), the digits that dial it (`_forms`), and its line (None for the
    emergency services)."""

    mode: str
    forms: frozenset[str]
    line: CrisisLine | None


@cache
def _ways() -> tuple[_Way, ...]:
    found = []
    for region in all_regions().values():
        for line in (*region.lines, *region.helplines):
            found += [_Way(mode, _forms(number, region), line)
                      for mode, number in (("call", line.call), ("text", line.text)) if number]
        found += [_Way("any", _forms(number, region), None)
                  for number in re.findall(r"\d[\d ]*\d|\d", region.emergency)]  # fmt: skip
    return tuple(found)


def _short_code_abroad(digits: str) -> str | None:
    """A region's short code written after its country code ("44111": NHS 111), or None."""
    for region in all_regions().values():
        code = region.country_code
        if code and digits.startswith(code):
            rest = digits[len(code):]
            numbers = [n for line in (*region.lines, *region.helplines)
                       for n in (line.call, line.text) if n]  # fmt: skip
            numbers += re.findall(r"\d[\d ]*\d|\d", region.emergency)
            if any(_digits(n) == rest and _short_code(n, region) for n in numbers):
                return rest
    return None


def _ways_to(digits: str, scheme: str | None = None) -> list[_Way]:
    """The ways in that a number dials; with `scheme` (tel, sms), those it dials that way."""
    dialled = _bare(digits)
    mode = {"tel": "call", "sms": "text"}.get(scheme or "")
    return [way for way in _ways()
            if dialled in way.forms and (mode is None or way.mode in (mode, "any"))]  # fmt: skip


def _own_number(digits: str, settings: Settings) -> bool:
    """The practice's own number, with or without its country or area code ("555-0142")."""
    a, b = _bare(digits), _bare(_digits(settings.practice.phone or ""))
    return bool(a) and bool(b) and (a.endswith(b[-10:]) or (len(a) >= 7 and b.endswith(a)))


# "Contact us at 111 River Street" or "Suite 988" is an address, not NHS 111 or 988.
_NOT_AN_ADDRESS = (r"(?!\s+(?:[A-Z][\w'.-]*\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|"
                   r"Drive|Dr|Boulevard|Blvd|Way|Place|Pl|Court|Ct|Close|Crescent|Terrace|"
                   r"Highway|Hwy|Parkway|Square|Sq)\b)")
_NOT_A_ROOM = r"(?<!\b(?:Suite|Ste|Room|Rm|Unit|Floor|Fl|Building|Bldg|No|Box)\.? )(?<!#)"


def _national(number: str) -> str:
    """A number's last ten digits: "(800) 662-4357" is 1-800-662-4357 without its country
    code."""
    return _digits(number)[-10:]


def _spaced(number: str) -> str:
    """A number's digits (its last ten: the national number) with any spacing a writer may
    put between them: "9 8 8", "9-8-8", "9‑8‑8", "1.800.662.4357", "(800) 662-4357"."""
    national = _national(number)
    spaced = r"[^\w\n]{0,3}".join(map(re.escape, national))
    if len(national) < 10:
        return spaced  # a short code stands alone ("1988" is a year, not 988)
    return rf"(?:\+?\d{{1,3}}[^\w\n]{{0,3}})?{spaced}"  # with its country code or not


def _names(line: CrisisLine) -> tuple[str, ...]:
    return (line.name.split(" (")[0], *line.aliases)


@cache
def _long_names(line: CrisisLine) -> tuple[str, ...]:
    """The line's names of several words, in lower case: one may start a clause alone."""
    return tuple(name.lower() for name in _names(line) if " " in name)


@cache
def _name_mention(line: CrisisLine) -> re.Pattern[str]:
    """The line's names as words. A one-word name is matched as written ("Shout",
    "Lifeline": "give us a shout" and "a lifeline for parents" are not the lines), or in
    any case right after the offer ("text shout")."""
    parts = []
    for name in _names(line):
        if " " in name:
            parts.append(rf"(?i:\b{re.escape(name)}\b)")
        else:
            parts += [rf"\b{re.escape(name)}\b",
                      rf"(?i:^{_OFFER.pattern}\s+(?:the\s+)?{re.escape(name)}\b)"]  # fmt: skip
    return re.compile("|".join(parts))


@cache
def _number_mention(line: CrisisLine) -> regex.Pattern[str]:
    """The line's numbers as words: right after the offer always ("Call 988 Help's On The
    Way"), elsewhere unless an address ("Contact us at 111 River Street", "Suite 988")."""
    numbers = [_spaced(n) for n in (line.call, line.text) if n]
    if not numbers:
        return regex.compile(r"(?!)")
    either = "|".join(numbers)
    direct = (rf"(?i:^{_OFFER.pattern}(?:\s+(?:or\s+)?(?:text|call))?\s+(?:the\s+)?"
              rf"(?:{either}))(?![\d-])")  # fmt: skip
    anywhere = rf"{_NOT_A_ROOM}(?<![\d-])(?:{either})(?![\d-]){_NOT_AN_ADDRESS}"
    return regex.compile(f"{direct}|{anywhere}")  # (regex: the room's look-behind varies)


def _mentions(clause: str, line: CrisisLine, named_ok: bool) -> bool:
    """Whether an offering clause names the line: its number, or, where `named_ok` (a
    line of the practice's region, or a name of several words), its name."""
    if _holds_number(clause, line):
        return True
    return named_ok and _name_mention(line).search(clause) is not None


def _holds_number(clause: str, line: CrisisLine, *, whole: bool = False) -> bool:
    """Whether the clause names one of the line's numbers (with `whole`, is one). Its digits
    are looked for first (what `_spaced` spaces: a national number's, in order): most
    clauses name no line, and then no line's number pattern is compiled (a one-post check
    meets all 28 lines: ~60 ms)."""
    digits = _digits(clause)
    if not any(_national(number) in digits for number in (line.call, line.text) if number):
        return False
    pattern = _number_mention(line)
    return (pattern.fullmatch(clause) if whole else pattern.search(clause)) is not None


def _scheme(href: str) -> str:
    found = _SCHEME.match(href)
    return found.group(1).lower() if found else ""


@cache
def _hosts(line: CrisisLine) -> frozenset[str]:
    """The line's own sites ("988lifeline.org")."""
    return frozenset(h for h in (host_of(u) for u in (line.url, line.chat) if u) if h)


def _site_of(href: str, line: CrisisLine) -> str | None:
    """The line's own site that a web address is on ("988lifeline.org"), or None."""
    host = host_of(href)
    return next((h for h in _hosts(line) if host and (host == h or host.endswith("." + h))),
                None)  # fmt: skip


def _reaches(href: str, line: CrisisLine) -> bool:
    """Whether a link reaches the line: a tel: link one of its numbers to call, an sms:
    link one to text (in its region's form, `_forms`), a web link its own site."""
    scheme = _scheme(href)
    if scheme in ("tel", "sms"):
        return any(way.line == line for way in _ways_to(_dialled(href), scheme))
    return _site_of(href, line) is not None


# Pages of a crisis line's own site that are for something other than reaching it: a link
# whose words offer to call, text, chat or talk must not land on one ("chat with a 988
# counselor now" over 988lifeline.org/donate/). Each: what the page is for, the words of an
# address (path, query, fragment, a subdomain) that make one, and the words with which a
# link names that page honestly ("Contact the Lifeline's press office").
_OTHER_PAGES: tuple[tuple[str, frozenset[str], re.Pattern[str]], ...] = tuple(
    (page, frozenset(tokens.split()), re.compile(honest, re.IGNORECASE))
    for page, tokens, honest in (
        ("donation", "donate donates donation donations donating give giving gift gifts "
                     "fundraise fundraiser fundraising", r"\b(?:donat|giv|gift|fundrais)"),
        ("shop", "shop store merch merchandise checkout cart", r"\b(?:shop|store|merch|buy)"),
        ("jobs", "careers career jobs job hiring", r"\b(?:career|jobs?\b|hiring)"),
        ("volunteering", "volunteer volunteers volunteering",
         r"\b(?:volunteering|become an? |to volunteer)"),
        ("press", "press newsroom media", r"\b(?:press|newsroom|media|journalist)"),
        ("sponsorship", "sponsor sponsors sponsorship partner partners partnership "
                        "partnerships advertise", r"\b(?:sponsor|partner|advertis)"),
    )
)  # fmt: skip


def _other_page(href: str, site: str, words: Iterable[str]) -> str | None:
    """What a page of a line's site is for when that is not reaching the line, unless the
    link's words say so."""
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    sub = host_of(href).removesuffix(site)
    tokens = set(re.split(r"[^a-z0-9]+", unquote(
        f"{sub} {parts.path} {parts.query} {parts.fragment}").lower()))  # fmt: skip
    for page, marks, honest in _OTHER_PAGES:
        if tokens & marks and not any(honest.search(w) for w in words):
            return page
    return None


# Words that offer someone to talk to at once ("talk to someone now", "get help right now",
# "chat now"). A reader in crisis takes them at their word: like a crisis service named by
# what it is (`_GENERIC_SERVICE`), they lead to a line the crisis page lists or to the crisis
# page itself, never to a sign-up ("talk to a counselor about booking" offers no help now).
_NOW = r"(?:right\s+)?now|tonight|immediately|right\s+away|24/7|any\s?time"
_SOMEONE = (r"(?:someone|somebody|(?:a|an)\s+(?:(?:real|trained|live|licensed|crisis)\s+)*"
            r"(?:person|human|counsell?or|therapist|volunteer|professional|listener))")
_URGENT = re.compile(
    rf"\b(?:(?:talk|speak|chat|text|message)(?:ing)?\s+(?:now\s+)?(?:to|with)\s+{_SOMEONE}"
    rf"\s+(?:{_NOW})|(?:get|find)\s+(?:help|support)\s+(?:{_NOW})|(?:chat|talk)\s+now|"
    rf"someone\s+to\s+talk\s+to\s+(?:{_NOW})|(?:need|want)\s+(?:help|support|to\s+talk)\s+"
    rf"(?:{_NOW}))\b(?!\s+and\s+then)",
    re.IGNORECASE,
)


def _is_crisis_page(href: str, own_host: str) -> bool:
    """A link to the hub's own crisis page: its address (../../crisis/, /crisis.html) or file."""
    host = host_of(href)
    if (_scheme(href) or host) and host != own_host:
        return False
    try:
        path = urlsplit(href).path
    except ValueError:
        return False
    last = re.sub(r"/(?:index\.(?:html|md))?$", "", path).rsplit("/", 1)[-1]
    stem = CRISIS_SOURCE.removesuffix(".md")
    return last in (stem, f"{stem}.html", f"{stem}.md")


# A link's words in clauses: an offer starts one ("Need to talk now? Call 988", "If you are
# struggling, call 988"), after any symbols ("📞 Call 988"), and its line is named in it
# ("Contact Lines for Life, Oregon's 988 call center" offers no line). Not mid-clause:
# "Learn what happens when you call 988" is a page about the line.
_CLAUSE_END = re.compile(
    r"[.?!:;,|]+(?:\s+|$)|\s[-\u2013\u2014]\s+|(?<!\d)[\u2013\u2014](?!\d)"
)  # (not inside a number: "1.800.662.4357", "1–800")
_LEADING = re.compile(r"^[\W_]+")


def _clauses(words: str) -> list[str]:
    return [_LEADING.sub("", c) for c in _CLAUSE_END.split(words) if c.strip()]


def _offered(words: str, region: str) -> list[CrisisLine]:
    """The lines a link's words offer: named in a clause that starts with an offer, or a
    clause that starts with a line's name of several words ("988 Suicide & Crisis
    Lifeline"). Where one of them serves the practice's region, only those count: "call
    988" on a US site is the US line, not Canada's 9-8-8. Another region's line is not
    taken from a one-word name ("Samaritans USA" is not the UK's Samaritans)."""
    own = set(_region_lines(region)) | set(_region_lines(INTERNATIONAL))
    offered = []
    for clause in _clauses(words):
        offers = _OFFER.match(clause) is not None
        lowered = clause.lower()
        for line in _lines():
            several = _long_names(line)
            if (
                lowered.startswith(several)
                or (offers and _mentions(clause, line, line in own or bool(several)))
                # A link that shows the line's number alone ("dial [988](...)"), or its own
                # site's address ("[988lifeline.org](...)"), offers it whatever is around it.
                or _holds_number(clause, line, whole=True)
                or any(host in lowered for host in _hosts(line))
            ):
                offered.append(line)
    offered = list(dict.fromkeys(offered))
    return [line for line in offered if line in own] or offered


@cache
def _region_lines(region: str) -> tuple[CrisisLine, ...]:
    found = all_regions().get(region)
    return (*found.lines, *found.helplines) if found else ()


HINT = ("link each crisis line to its own number or site, as the crisis box does "
        "(data/crisis_lines.yml)")
Problem = tuple[str, str, tuple[str, ...]]  # rule, message, what to look for in the source


def _recipients(href: str) -> list[str]:
    """The numbers an sms: address writes to ("sms:741741,5550100?body=..." two)."""
    return re.split(r"[;?&]", unquote(href.split(":", 1)[1]), maxsplit=1)[0].split(",")


def _bodies(href: str) -> list[str]:
    """The messages an sms: address fills in (`body=`), as a phone reads them."""
    rest = re.split(r"[;?&]", href.split(":", 1)[1], maxsplit=1)[1:]
    pairs = (p.split("=", 1) for p in re.split(r"[?&;]", rest[0]) if "=" in p) if rest else ()
    return [unquote(v.replace("+", " ")).strip() for k, v in pairs if unquote(k).lower() == "body"]


def _dialling_problem(href: str, scheme: str, text: str, settings: Settings) -> str | None:
    """Why a tel: or sms: link dials what it should not, or None: a number that is neither
    the practice's nor a listed one's, in a way the line does not take (a call to a line
    that only takes texts), to several numbers at once, or with a message that is not the
    line's keyword."""
    number = href.split(":", 1)[1]
    if _LETTERS.search(_number_part(href)):
        return (f"the link '{text}' dials a number written with letters ({number}), which "
                "phones dial as other digits: write the number in digits")  # fmt: skip
    recipients = [_digits(r) for r in _recipients(href)] if scheme == "sms" else [_dialled(href)]
    if len(recipients) > 1:
        return (f"the link '{text}' texts {len(recipients)} numbers at once "
                f"({', '.join(recipients)}): a message goes to one number only")  # fmt: skip
    digits = recipients[0]
    if _own_number(digits, settings):
        return None
    if not _ways_to(digits):
        short = _short_code_abroad(digits)
        if short is not None:
            return (f"the link '{text}' dials {short} after its country code ({digits}), "
                    f"which phones cannot dial: {short} is a national short code, dialled "
                    f"as it is: link it as {scheme}:{short}")  # fmt: skip
        return (f"the link '{text}' calls or texts {digits}, which is neither the practice's "
                "number nor a crisis line's or helpline's (in its own country's form)")
    ways = _ways_to(digits, scheme)
    if not ways:
        line = next(w.line for w in _ways_to(digits) if w.line is not None)
        doing, taking = ("calls", "texts") if scheme == "tel" else ("texts", "calls")
        return (f"the link '{text}' {doing} {digits}, but {line.name} takes only {taking} "
                f"there: link it as {'sms' if scheme == 'tel' else 'tel'}:{digits}")
    lines = [w.line for w in ways if w.line is not None]
    if scheme == "sms" and lines:
        keywords = {line.keyword.lower() for line in lines if line.keyword}
        for body in _bodies(href):
            if body and body.lower() not in keywords:
                wants = (f"asks for {lines[0].keyword}" if lines[0].keyword
                         else "asks for no keyword: leave the message to the reader")
                return (f"the link '{text}' fills in the message '{shortened(body)}' to "
                        f"{lines[0].name}, which {wants}")  # fmt: skip
    return None


def _words_problem(
    href: str, words: list[str], listed: tuple[CrisisLine, ...], settings: Settings
) -> str | None:
    """Why a link's words promise what its address does not give, or None."""
    scheme = _scheme(href)
    region = settings.practice.crisis_region
    own_host = host_of(settings.site_url)
    urgent = next((found.group(0) for w in words if (found := _URGENT.search(w))), None)
    if scheme in ("http", "https") and (urgent or any(
            _OFFER.match(clause) for w in words for clause in _clauses(w))):
        for line in _lines():
            site = _site_of(href, line)
            if site and (page := _other_page(href, site, words)):
                return (f"the link '{words[0]}' offers to reach {line.name}, but it goes to "
                        f"its {page} page ({href})")  # fmt: skip
    if urgent and not (
        _is_crisis_page(href, own_host)
        or any(_reaches(href, line) for line in listed)
        or (scheme in ("tel", "sms") and any(
            w.line is None for w in _ways_to(_dialled(href), scheme)))  # emergency services
    ):
        return (f"the link '{words[0]}' offers help now ('{urgent}'), but it goes to {href}, "
                "which is neither a line the crisis page lists nor the crisis page")
    if not scheme and not host_of(href):
        return None  # a page of the site itself ("see our crisis page")
    for text in words:
        offered = _offered(text, region)
        if offered and not any(_reaches(href, line) for line in offered):
            return f"the link '{text}' offers {offered[0].name}, but it goes to {href}"
        if (
            any(_GENERIC_SERVICE.fullmatch(clause) for clause in _clauses(text))
            and host_of(href) != own_host
            and scheme not in ("tel", "sms")  # dialled: held to the listed numbers above
            and not any(_reaches(href, line) for line in listed)
        ):
            return (f"the link '{text}' offers a crisis line, but it goes to {href}, which "
                    "is none of the lines the crisis page lists")  # fmt: skip
    return None


def help_link_problems(page_html: str, settings: Settings) -> Iterator[Problem]:
    """Each link that misleads: its rule, message, and the texts that find its line."""
    region = settings.practice.crisis_region
    listed = _region_lines(region) + _region_lines(INTERNATIONAL)  # the crisis page's lines
    for match in _LINK.finditer(page_html):
        attributes = {k.lower(): v for k, v in _ATTRIBUTE.findall(match.group(1))}
        if "href" not in attributes:
            continue
        written = html.unescape(attributes["href"])
        href = _plain(as_read(written))  # as a browser reads it
        all_words = _link_words(attributes, match.group(2))
        text = all_words[0] if all_words else ""
        scheme = _scheme(href)
        if scheme in ("tel", "sms"):
            problem = _dialling_problem(href, scheme, text, settings)
            if problem is not None:
                yield PHONE_LINK, problem, (href.split(":", 1)[1].split("?", 1)[0], text)
                continue
        if all_words and (problem := _words_problem(href, all_words, listed, settings)):
            yield MISLEADING_LINK, problem, (written, text)


def help_link_findings(
    problems: Iterable[Problem], path: str, body: str, first_line: int
) -> list[Finding]:
    """The problems as findings, each at the first line of the body that holds what it
    names (the address as written, else the link's words), else the body's first line."""
    found = []
    for rule, message, needles in problems:
        found.append(Finding(path, line_naming(body, needles, first_line), 1, rule, "crisis",
                             "error", message,
                             HINT))  # fmt: skip
    return found


@post_check(order=5, needs_front_matter=False)
def check_help_links(ctx: PostContext) -> list[Finding]:
    if not ctx.render_html:  # a build judges the HTML MkDocs renders instead
        return []
    problems = help_link_problems(ctx.sanitised.html, ctx.settings)
    return help_link_findings(problems, ctx.post.path, ctx.post.body, ctx.post.body_line)


def page_findings(page_html: str, source: Path, settings: Settings) -> list[Finding]:
    """The build's reading, on a page's published HTML; its file is read only for a problem."""
    problems = list(help_link_problems(page_html, settings))
    if not problems:
        return []
    return help_link_findings(problems, settings.display_path(source), source_text(source), 1)
