"""How long a post is on each platform, counted the way that platform counts it.

Each network has its own idea of a "character", and a snippet that fits one can be refused by
another. The rules here follow each platform's own published code or documentation:

- X: twitter-text's ``parseTweet`` with configuration v3 (ported from twitter-text's JavaScript:
  ``parseTweet``, ``extractUrlsWithIndices`` and its regexes). NFC first; code points in a few
  ranges (Latin, most European scripts, general punctuation) weigh 1, everything else 2; every
  link counts 23 however long it is, *including bare domains* such as ``example.com``; each
  emoji, however many code points it is made of, counts 2. Limit 280.
- Bluesky: grapheme clusters (the app's and the lexicon's ``maxGraphemes: 300``). Link text
  counts as written; facets point at UTF-8 byte offsets.
- Mastodon: the server's ``StatusLengthValidator``: the content warning plus the text, where
  every link with a scheme counts 23 and ``@user@server`` counts as ``@user``, measured in
  grapheme clusters. 500 by default; servers can change it.
- Threads: 500 characters, where an emoji counts as its UTF-8 bytes (Meta's Threads API
  documentation); at most 5 links.
- LinkedIn, Facebook, Instagram: see ``utf16_units`` below.

Never imports MkDocs; used by the social-snippet builder and its checks.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import regex

from .. import kept_patterns
from .tlds import TLDS

# --- plain counts ---------------------------------------------------------------------------

_GRAPHEME = kept_patterns.compile(r"\X")


def graphemes(text: str) -> int:
    """Extended grapheme clusters: what a reader sees as one character (👨‍👩‍👧‍👦 is 1)."""
    if text.isascii():  # UAX #29: every ASCII character is a cluster of its own, bar CR LF
        return len(text) - text.count("\r\n")
    return len(_GRAPHEME.findall(text))


def utf16_units(text: str) -> int:
    """Length as JavaScript and Java measure it: characters beyond U+FFFF (most emoji) count 2.

    LinkedIn (3,000), Facebook (63,206) and Instagram (2,200) publish their limits in
    "characters" without defining one. Their web composers, and schedulers such as Buffer that
    validate against them, measure JavaScript string length, i.e. UTF-16 code units. That is
    never less than the number of code points, so a post that fits here also fits if the
    platform counts code points or graphemes: the safe reading of an unclear rule.
    """
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


# --- links, as twitter-text finds them ---------------------------------------------------------
# Character classes copied from twitter-text's js/src/regexp/*.js (Apache-2.0). The JavaScript
# patterns are case-insensitive; here only the scheme and the TLD are, with ASCII letters spelt
# out elsewhere, because Python's Unicode case folding would also let e.g. "ſ" match "s".

_LATIN_ACCENTS = (
    r"\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259"
    r"\u025b\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_CYRILLIC = r"\u0400-\u04ff"
_SPACES = r"\x09-\x0d\x20\x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_INVALID = r"\ufffe\ufeff\uffff"
_DIRECTIONAL = r"\u202a-\u202e\u061c\u200e\u200f\u2066-\u2069"
# twitter-text's JS punctuation set (no '"' or '`'); Ruby's, used by Mastodon, has both.
_PUNCT_JS = r"!'#%&()*+,\\\-./:;<=>?@\[\]\^_{|}~$"
_PUNCT_RUBY = _PUNCT_JS + r"\"`\x00-\x1f\x7f"

_PRECEDING = rf"(?:[^A-Za-z0-9@＠$#＃{_INVALID}]|[{_DIRECTIONAL}]|^)"
_PUNYCODE = r"(?i:xn--[\-0-9a-z]+)"
# DNS allows at most 127 labels. twitter-text sets no bound, but without one a long dotted run
# ("a.a.a.a...", thousands of labels) costs quadratic backtracking, each step trying the TLDs:
# minutes instead of seconds.
_MAX_LABELS = 127


# A TLD must not run on into more letters; `\Z` because JavaScript's `$` is Python's `\Z`. A
# named list compiles ten times faster than a 1,490-way alternation; the lookahead (every TLD
# starts with a letter and a letter or mark) skips the costly list lookup on most labels.
_TLD = r"(?:(?=\p{L}[\p{L}\p{M}])(?i:\L<tlds>)(?=[^0-9a-zA-Z@+\-]|\Z))"


def _domain(punct: str) -> str:
    char = f"[^{punct}{_SPACES}{_INVALID}]"
    # twitter-text's (?:(?:C(?:[_-]|C)*)?C\.) with C a label character, written atomically: a
    # label is every character up to the dot or nothing, so backtracking inside it can never
    # help, and on long dotted runs it made matching take minutes.
    subdomain = rf"(?:(?>{char}(?:[_\-]*{char})*)\.)"
    name = rf"(?:(?>{char}(?:-*{char})*)\.)"
    return rf"(?:{subdomain}{{0,{_MAX_LABELS - 2}}}{name}(?:{_TLD}|{_PUNYCODE}))"


def _balanced_parens(path_char: str) -> str:
    # Up to two levels, as in /wiki/Primer_(film) or /track/We_Up_(Album_Version_(Edited))/
    return rf"\((?:{path_char}+|(?:{path_char}*\({path_char}+\){path_char}*))\)"


def _url_pattern(
    protocol: str, punct: str, path_char: str, path_end: str, path_alt: str, query: str
) -> regex.Pattern[str]:
    parens = _balanced_parens(path_char)
    path = (
        rf"(?:(?:{path_char}*(?:{parens}{path_char}*)*(?:{path_end}|{parens}))"
        rf"|(?:{path_alt}{path_char}+/))"
    )
    return kept_patterns.compile(
        rf"(?P<before>{_PRECEDING})"
        rf"(?P<url>(?P<protocol>{protocol})?(?P<domain>{_domain(punct)})"
        rf"(?::[0-9]+)?(?P<path>/{path}*)?{query})",
        tlds=sorted(TLDS),
    )


_X_PATH_CHAR = rf"[a-zA-Z{_CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN_ACCENTS}]"
# The patterns below take a while to compile (1,490 TLDs), so they are compiled on first use.


@functools.cache
def _x_url() -> regex.Pattern[str]:
    return _url_pattern(
        protocol=r"(?i:https?://)",
        punct=_PUNCT_JS,
        path_char=_X_PATH_CHAR,
        path_end=rf"[+\-a-zA-Z{_CYRILLIC}0-9=_#/{_LATIN_ACCENTS}]",
        path_alt="@",  # "/@user/" is a path; a path may not otherwise end in "@"
        query=r"(?:\?[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-zA-Z0-9\-_&=#/])?",
    )


@functools.cache
def _ascii_domain() -> regex.Pattern[str]:
    return kept_patterns.compile(
        rf"(?:(?>[\-a-zA-Z0-9{_LATIN_ACCENTS}]+)\.)+(?:{_TLD}|{_PUNYCODE})", tlds=sorted(TLDS)
    )


_TCO = kept_patterns.compile(r"(?i:https?://t\.co/)([a-zA-Z0-9]+)")
_MAX_URL_LENGTH = 4096
_MAX_TCO_SLUG = 40
_LABEL_SEPARATORS = kept_patterns.compile(r"[\u3002\uff0e\uff61]")


def _punycode_label(label: str) -> str:
    """punycode.js's toASCII on one label: the length the DNS would see."""
    parts = _LABEL_SEPARATORS.sub(".", label).split(".")
    return ".".join(p if p.isascii() else "xn--" + p.encode("punycode").decode() for p in parts)


def _valid_domain(domain: str) -> bool:
    """twitter-text's idna.toAscii: every label 1-63 characters once punycode-encoded."""
    if domain.startswith("xn--") and not _ascii_domain().search(domain):
        return False
    return all(1 <= len(_punycode_label(label)) <= 63 for label in domain.split("."))


def _valid_url(url: str, protocol: str, domain: str) -> bool:
    return _valid_domain(domain) and utf16_units(protocol + url) <= _MAX_URL_LENGTH


def _tco_end(url: str) -> int | None:
    """For a t.co link: where it ends (no path characters after the slug); -1 if refused."""
    match = _TCO.match(url)
    if match is None:
        return None
    return -1 if len(match[1]) > _MAX_TCO_SLUG else match.end()


# A link never holds a space and always holds a dot: the URL pattern only needs to run over
# such words (and the character before each, which it reads), not over every position.
_WORD = kept_patterns.compile(rf"(?<![^{_SPACES}])[^{_SPACES}]+")


# A link as CarePress writes one (http or https, a lower-case ASCII host under a known TLD,
# a plain path ending in a letter, digit, "_", "-" or "/", campaign tags), as a whole word:
# X's and Mastodon's patterns both take it whole, so it is counted without them (compiling
# them was most of a one-post check's start).
_PLAIN_LINK = kept_patterns.compile(
    r"https?://(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?P<tld>[a-z]{2,63})"
    r"(?:/(?:[A-Za-z0-9_~./-]*[A-Za-z0-9_/-])?)?(?:\?[A-Za-z0-9_=&-]*[A-Za-z0-9_=&-])?"
)


def _plain_link(word: str) -> bool:
    match = _PLAIN_LINK.fullmatch(word)
    return (
        match is not None
        and match["tld"] in TLDS
        and len(word) <= _MAX_URL_LENGTH
        and not word.startswith(("http://t.co/", "https://t.co/"))  # t.co's slugs are limited
    )


def _dotted_words(text: str) -> Iterator[regex.Match[str]]:
    """The words that may hold a link. A dot that ends a word ("therapy.") starts no domain:
    only such words skip X's pattern (which also spares a text without links compiling it)."""
    return (word for word in _WORD.finditer(text) if "." in word[0].rstrip(".,;:!?)\"'"))


@functools.lru_cache(maxsize=256)  # a snippet is counted, then its links counted: same text
def _x_urls(text: str) -> dict[int, int]:
    """Where each link X would shorten starts, and how many characters it skips (read-only).

    A port of twitter-text's extractUrlsWithIndices (with ``extractUrlsWithoutProtocol``):
    bare domains count when they end in a real TLD and are not preceded by ``-_./``.
    """
    found: dict[int, int] = {}
    if "." not in text:
        return found
    for word in _dotted_words(text):
        if _plain_link(word[0]):
            found[word.start()] = len(word[0])
            continue
        for match in _x_url().finditer(text, max(word.start() - 1, 0), word.end()):
            _add_x_link(found, match)
    return found


def _add_x_link(found: dict[int, int], match: regex.Match[str]) -> None:
    """What one match of X's link pattern shortens, if anything."""
    url, protocol, domain = match["url"], match["protocol"], match["domain"]
    start = match.start("url")
    if not _valid_url(url, protocol or "https://", domain):
        return
    if protocol:
        end = _tco_end(url)
        if end != -1:
            found[start] = len(url) if end is None else end
        return
    if match["before"] and match["before"] in "-_./":
        return
    # Without a scheme only the ASCII domains inside the match count, each on its own.
    last = None
    for ascii_domain in _ascii_domain().finditer(domain):
        last = start + ascii_domain.start()
        found[last] = len(ascii_domain[0])
    if last is not None and match["path"]:
        # twitter-text keeps the path on the last domain: url.replace(domain, last domain)
        found[last] += len(url) - len(domain)


def links(text: str) -> list[str]:
    """The links X (and Threads, which counts "www.example.com" too) would find, in order."""
    return [text[start : start + length] for start, length in sorted(_x_urls(text).items())]


# --- emoji ------------------------------------------------------------------------------------
# One emoji is one of UTS #51's sequences: a keycap, a flag, a tag sequence (England's flag), a
# skin tone on its base, a character with U+FE0F, or any of those joined by U+200D (families,
# professions). twitter-text v3 asks twemoji-parser, which knows only the "recommended"
# sequences; a well-formed but unrecommended ZWJ sequence counts once here, several times there.
# ©, ®, ™ and ♟ stay text unless followed by U+FE0F, as in twitter-text's Rust grammar.

_EMOJI_ELEMENT = (
    r"(?:\p{Emoji_Modifier_Base}\p{Emoji_Modifier}"
    r"|\p{Emoji}[\U000e0020-\U000e007e]+\U000e007f"
    r"|(?![0-9#*])\p{Emoji}\ufe0f"
    r"|\p{Emoji_Presentation}"
    r"|(?![\u00a9\u00ae\u2122\u265f])\p{Extended_Pictographic})"
)
_EMOJI = kept_patterns.compile(
    rf"[0-9#*]\ufe0f?\u20e3|[\U0001f1e6-\U0001f1ff]{{2}}"
    rf"|{_EMOJI_ELEMENT}(?:\u200d{_EMOJI_ELEMENT})*"
)


def emoji(text: str) -> list[str]:
    return [m[0] for m in _EMOJI.finditer(text)]


# --- X ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class XConfig:
    """A twitter-text configuration (config/v1.json, v2.json, v3.json)."""

    max_weighted_length: int
    scale: int
    default_weight: int
    ranges: tuple[tuple[int, int, int], ...]  # (first, last, weight)
    transformed_url_length: int = 23
    emoji_parsing: bool = False


X_V1 = XConfig(max_weighted_length=140, scale=1, default_weight=1, ranges=())
X_V2 = XConfig(
    max_weighted_length=280,
    scale=100,
    default_weight=200,
    ranges=((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100)),
)
X_V3 = replace(X_V2, emoji_parsing=True)  # what x.com uses today
_X_INVALID = frozenset("\ufffe\ufeff\uffff")


def _x_weight(code_point: int, config: XConfig) -> int:
    for first, last, weight in config.ranges:
        if first <= code_point <= last:
            return weight
    return config.default_weight


@functools.cache
def _ascii_weight(config: XConfig) -> int | None:
    """The weight of every ASCII character, if they all weigh the same (they do in v1-v3)."""
    weights = {_x_weight(code_point, config) for code_point in range(0x80)}
    return weights.pop() if len(weights) == 1 else None


def _x_plain_weight(text: str, config: XConfig) -> int:
    weight = _ascii_weight(config) if text.isascii() else None
    if weight is not None:
        return len(text) * weight
    return sum(_x_weight(ord(ch), config) for ch in text)


def _x_parse(text: str, config: XConfig) -> tuple[int, bool]:
    """(weighted length, valid): twitter-text's parseTweet, scaled back to whole characters."""
    text = unicodedata.normalize("NFC", text)
    # Links and emoji are entities with a fixed weight; the text between them is weighed
    # character by character (all at once where it is ASCII, which is most of it).
    entities = {
        start: (length, config.transformed_url_length * config.scale)
        for start, length in _x_urls(text).items()
    }
    if config.emoji_parsing and not text.isascii():
        for m in _EMOJI.finditer(text):
            entities.setdefault(m.start(), (len(m[0]), config.default_weight))
    weighted, i, has_invalid = 0, 0, False
    for start in sorted(entities):
        if start < i:  # inside an entity already counted (an emoji inside a link)
            continue
        weighted += _x_plain_weight(text[i:start], config)
        length, weight = entities[start]
        weighted += weight
        i = start + length
    weighted += _x_plain_weight(text[i:], config)
    has_invalid = any(ch in text for ch in _X_INVALID)
    length = weighted // config.scale
    valid = not has_invalid and 0 < length <= config.max_weighted_length
    return length, valid


def x_length(text: str, *, config: XConfig = X_V3) -> int:
    """X's weighted length: what its composer counts against 280."""
    return _x_parse(text, config)[0]


def x_valid(text: str, *, config: XConfig = X_V3) -> bool:
    """Not empty, within the limit, and free of U+FFFE, U+FEFF, U+FFFF."""
    return _x_parse(text, config)[1]


# --- Bluesky ----------------------------------------------------------------------------------


def bluesky_length(text: str) -> int:
    return graphemes(text)


# @atproto/api's detectFacets (rich-text/detection.ts, util.ts): JavaScript's `\s`, written out.
_JS_SPACE = r"\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_BSKY_LINK = kept_patterns.compile(
    rf"(?:^|(?<=[{_JS_SPACE}(]))(?i:https?://)[^{_JS_SPACE}]+", regex.M
)
_TAG_STOP = rf"{_JS_SPACE}\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2"
_BSKY_TAG = kept_patterns.compile(
    rf"(?:^|(?<=[{_JS_SPACE}]))[#＃]"
    rf"(?!\ufe0f)[^{_TAG_STOP}]*[^0-9{_TAG_STOP}\p{{P}}]+[^{_TAG_STOP}]*"
)
_TRAILING_PUNCT = kept_patterns.compile(r"\p{P}+$")
_TAG_MAX_GRAPHEMES = 64  # app.bsky.richtext.facet#tag: maxGraphemes 64, maxLength 640 (bytes)
_TAG_MAX_BYTES = 640


def _utf8_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def bluesky_facets(text: str) -> list[dict[str, Any]]:
    """app.bsky.richtext.facet records for every http(s) link and #tag, in text order.

    As the Bluesky app detects them: a link starts after a space, "(" or the start of a line
    and runs to the next space, less one trailing ``.,;:!?`` and an unmatched ``)``; a tag
    starts after a space, is not only digits, and loses trailing punctuation. Offsets are UTF-8
    bytes, as the lexicon requires. (The app also links bare domains; CarePress writes full
    URLs, so only links with a scheme get a facet here.)
    """
    facets: list[tuple[int, int, dict[str, str]]] = []
    for match in _BSKY_LINK.finditer(text):
        uri, start, end = match[0], match.start(), match.end()
        if uri[-1] in ".,;:!?":
            uri, end = uri[:-1], end - 1
        if uri.endswith(")") and "(" not in uri:
            uri, end = uri[:-1], end - 1
        facets.append((start, end, {"$type": "app.bsky.richtext.facet#link", "uri": uri}))
    for match in _BSKY_TAG.finditer(text):
        tag = _TRAILING_PUNCT.sub("", match[0][1:].strip())
        if not tag or graphemes(tag) > _TAG_MAX_GRAPHEMES:
            continue
        if len(tag.encode("utf-8")) > _TAG_MAX_BYTES:
            continue
        start = match.start()
        facets.append(
            (start, start + 1 + len(tag), {"$type": "app.bsky.richtext.facet#tag", "tag": tag})
        )
    facets.sort(key=lambda facet: facet[0])
    return [
        {
            "$type": "app.bsky.richtext.facet",
            "index": {"byteStart": _utf8_offset(text, start), "byteEnd": _utf8_offset(text, end)},
            "features": [feature],
        }
        for start, end, feature in facets
    ]


def bluesky_embed(uri: str, title: str, description: str) -> dict[str, Any]:
    """An app.bsky.embed.external link card.

    No ``thumb``: a thumbnail is a blob, which exists only after uploading the image to the
    poster's PDS (com.atproto.repo.uploadBlob) at posting time; a static site cannot do that.
    """
    return {
        "$type": "app.bsky.embed.external",
        "external": {"uri": uri, "title": title, "description": description},
    }


# --- Mastodon ---------------------------------------------------------------------------------
# Mastodon's server (app/validators/status_length_validator.rb) counts
# [spoiler_text, countable_text(text)].join in grapheme clusters, where countable_text replaces
# each link found by twitter-text's Ruby extractor *with a scheme* (config/initializers/
# twitter_regex.rb widens the schemes and path characters) by 23 "x", and each mention
# `@user@server` by `@user` (Account::MENTION_RE). The web composer's counter approximates this.

_MASTODON_PATH_CHAR = r"[^\p{White_Space}<>()?]"
_MASTODON_UCHARS = (
    "\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\U00010000-\U0001fffd\U00020000-\U0002fffd"
    "\U00030000-\U0003fffd\U00040000-\U0004fffd\U00050000-\U0005fffd\U00060000-\U0006fffd"
    "\U00070000-\U0007fffd\U00080000-\U0008fffd\U00090000-\U0009fffd\U000a0000-\U000afffd"
    "\U000b0000-\U000bfffd\U000c0000-\U000cfffd\U000d0000-\U000dfffd\U000e1000-\U000efffd"
    "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
)


@functools.cache
def _mastodon_url() -> regex.Pattern[str]:
    return _url_pattern(
        protocol=r"(?i:(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini)://)",
        punct=_PUNCT_RUBY,
        path_char=_MASTODON_PATH_CHAR,
        path_end=r"[^\p{White_Space}()?!*\"'「」<>;:=,.$%\[\]~&|@]",
        path_alt="",
        query=(
            rf"(?:\?[a-zA-Z0-9!?*'();:&=+$/%#\[\]\-_.,~|@\^{_MASTODON_UCHARS}]*"
            rf"[a-zA-Z0-9_&=#/\-{_MASTODON_UCHARS}])?"
        ),
    )


_MASTODON_MENTION = kept_patterns.compile(
    r"(?<![=/\w])@(?P<user>[a-zA-Z0-9_]+(?:[a-zA-Z0-9_.\-]+[a-zA-Z0-9_]+)?)(?:@[\w.\-]+\w+)?"
)
_MASTODON_MENTION_END = kept_patterns.compile(rf"[@＠{_LATIN_ACCENTS}]|://")
_BLANK = kept_patterns.compile(r"\p{White_Space}*")


def _mastodon_entities(text: str, url_length: int) -> list[tuple[int, int, str]]:
    entities: list[tuple[int, int, str]] = []
    words = [w for w in _WORD.finditer(text) if "://" in w[0]] if ":" in text else []
    if words and all(_plain_link(w[0]) for w in words):
        entities += [(w.start(), w.end(), "x" * url_length) for w in words]
    elif words:
        for match in _mastodon_url().finditer(text):
            url, domain = match["url"], match["domain"]
            if not match["protocol"]:
                continue  # Mastodon gives no discount to bare domains
            start = match.start("url")
            end = _tco_end(url)
            if end == -1:
                continue
            url = url if end is None else url[:end]
            if not _valid_domain(domain) or utf16_units(url) > _MAX_URL_LENGTH:
                continue
            entities.append((start, start + len(url), "x" * url_length))
    if "@" in text or "＠" in text:
        for match in _MASTODON_MENTION.finditer(text):
            if _MASTODON_MENTION_END.match(text, match.end()):
                continue
            entities.append((match.start(), match.end(), "@" + match["user"]))
    # twitter-text's remove_overlapping_entities: by start; drop any that overlaps the last kept
    kept: list[tuple[int, int, str]] = []
    for entity in sorted(entities, key=lambda e: e[0]):
        if not kept or kept[-1][1] <= entity[0]:
            kept.append(entity)
    return kept


def mastodon_countable_text(text: str, url_length: int = 23) -> str:
    """The text Mastodon measures: links as 23 "x", remote mentions without their server."""
    if _BLANK.fullmatch(text):
        return ""
    out, last = [], 0
    for start, end, replacement in _mastodon_entities(text, url_length):
        out += [text[last:start], replacement]
        last = end
    out.append(text[last:])
    return "".join(out)


def mastodon_length(text: str, spoiler_text: str = "", url_length: int = 23) -> int:
    """The length Mastodon checks against its limit (500 unless the server says otherwise).

    The content warning counts too. ``url_length`` is the server's
    ``configuration.statuses.characters_reserved_per_url`` (23 on stock Mastodon).
    """
    return graphemes(spoiler_text + mastodon_countable_text(text, url_length))


# --- Threads, Instagram -----------------------------------------------------------------------


def threads_length(text: str) -> int:
    """Characters, except that an emoji counts as its UTF-8 bytes (😀 is 4, 👨‍👩‍👧‍👦 is 25).

    Meta's Threads API: "Text posts are limited to 500 characters. Emojis are counted as the
    number of UTF-8 bytes." Other characters count one per code point.
    """
    if text.isascii():  # no emoji is ASCII
        return len(text)
    return len(text) + sum(len(e.encode("utf-8")) - len(e) for e in emoji(text))


def link_count(text: str) -> int:
    """Distinct links, as Threads counts them for its 5-link limit (bare domains included)."""
    return len(set(links(text)))


_HASHTAG = kept_patterns.compile(r"(?<![\w&#＃])[#＃]\w+")


def hashtag_count(text: str) -> int:
    """Hashtags, for Instagram's 5: every occurrence, so a repeated tag is never undercounted."""
    return len(_HASHTAG.findall(text))
