"""Words as a reader reads them, whatever characters spell them.

A word can look like itself to a reader and not to a pattern: "sui\u200bcide" with a zero-width
space, "self\u2010harm" with a typographic hyphen (word processors and PDFs paste them),
"suіcide" with a Cyrillic і, "ｓｕｉｃｉｄｅ" in full-width letters, "th1nspo" and "pr0" with
digits for letters (leetspeak, how tags slip past an app's filter). Every check reads prose
through `undisguised`, so such a post is judged by what it says.

The result has the text's length, character for character, so an offset in it is an offset
in the text (prose.py's contract): a look-alike or full-width letter becomes the Latin one,
a digit standing for a letter inside a word becomes the letter,
an odd hyphen inside a word becomes "-", and a word's invisible characters become spaces
after it (a rule's space matches any run of whitespace).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Letters that look like Latin ones in other scripts ("Cаll 988" with a Cyrillic а).
LOOKALIKES = str.maketrans(
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u04bb\u0410\u0412"
    "\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0406\u03bf\u03b1\u039f"
    "\u0391\u0392\u0395\u0397\u0399\u039a\u039c\u039d\u03a1\u03a4\u03a7"
    # Turkish dotless and dotted i; Latin small capitals ("ꜱᴜɪᴄɪᴅᴇ")
    "\u0131\u0130"
    "\u1d00\u0299\u1d04\u1d05\u1d07\ua730\u0262\u029c\u026a\u1d0a\u1d0b\u029f\u1d0d"
    "\u0274\u1d0f\u1d18\u01eb\u0280\ua731\u1d1b\u1d1c\u1d20\u1d21\u028f\u1d22",
    "aeopcyxijshABEKMHOPCTXIoaOABEHIKMNPTX"
    "iI"
    "abcdefghijklmnopqrstuvwyz",
)
_LOOKALIKE_LETTERS = frozenset(chr(c) for c in LOOKALIKES)

# Characters that draw nothing: Unicode's default-ignorable code points (soft hyphen,
# combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian selectors,
# zero-width space and joiners, direction marks and embeddings, word joiner and friends,
# variation selectors, BOM, musical formatting, tags).
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
_HYPHENS = "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"
# What a text must hold for any of this to apply (most prose holds none: one search).
_SUSPECT_RE = re.compile(
    f"[{_INVISIBLE}{_HYPHENS}\u0370-\u04ff\uff10-\uff5a\U0001d400-\U0001d7ff\u24b6-\u24e9"
    "\u0130\u0131\u0262-\u029f\u01eb\u1d00-\u1d22\ua730\ua731]"
)
# A word holds a letter or digit: the joiners between emoji are left alone. It starts only
# where no word character or invisible one stands before it, and nothing in it is retried:
# a run of ten thousand zero-width spaces is read once, not once from each of them.
_WORD_RE = re.compile(f"(?<![\\w{_INVISIBLE}])(?:[{_INVISIBLE}]*+\\w)++[{_INVISIBLE}]*+")
_HYPHEN_IN_WORD_RE = re.compile(f"(?<=\\w)[{_HYPHENS}](?=\\w)")
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")

# Digits and signs for the letters they look like (leetspeak: "th1nspo", "pr0 ana", "su1c1de",
# "s3lf-h4rm", "h@rm", "$uicide"). One reading of each: "1" is "i", the more common ("k1ll",
# "m1a"). Only in a word that starts with a letter (or "$") and holds two letters or more, and
# no digit with no letter to stand for: "10mg", "5pm", "3rd", "4x4", "covid19", "h2o" and
# "B12" are left as written, so a dose or a time is never read as a word; nor is an amount
# ("US$50") or an email address ("jo@clinic-name.org": "@" in a run a dot or hyphen ends).
_LEET = str.maketrans("013457@$", "oieastas")
_LEET_MAY = frozenset("013457@$")
_LEET_NEVER = frozenset("2689")
# A run of letters, digits, the two signs and hyphens, read a hyphen-joined part at a time
# ("s3lf-h4rm"); never a citation's key or a footnote's label ("[@who-icd11]", "[^note1]"),
# nor an address ("jo@clinic-name.org"). One run, nothing retried; a text holds one only
# where a letter meets such a digit or sign.
_LEET_RUN_RE = re.compile(r"(?<![\w@$^-])[\w@$-]++")
# Tried from the digit or sign (rarer than letters: the scan skips a clean text five times
# faster than from each letter); the same texts match.
_LEET_SUSPECT_RE = re.compile(r"[013457@$](?:(?<=[A-Za-z].)|(?<=\$)(?=[A-Za-z]))")
_LEET_AMOUNT_RE = re.compile(r"\$\d")


def _leet_part(part: str) -> str:
    chars = set(part)
    if (
        not part[:1].isascii()
        or not (part[:1].isalpha() or part[:1] == "$")
        or not chars & _LEET_MAY
        or chars & _LEET_NEVER
        or _LEET_AMOUNT_RE.search(part)
        or sum(c.isascii() and c.isalpha() for c in part) < 2
    ):
        return part
    return part.translate(_LEET)


def _leet_run(match: re.Match[str]) -> str:
    run = match.group(0)
    if run.startswith("@") or ("@" in run and match.string.startswith(".", match.end())):
        return run
    return "-".join(_leet_part(part) for part in run.split("-"))


def _unleet(text: str) -> str:
    if not _LEET_SUSPECT_RE.search(text):
        return text
    return _LEET_RUN_RE.sub(_leet_run, text)


@cache
def _compatible(char: str) -> str:
    """A full-width, mathematical or circled letter or digit as the plain one ("ｓ", "𝐬", "ⓢ"
    are "s"); any other character as itself."""
    if char.isascii():
        return char
    plain = unicodedata.normalize("NFKC", char)
    return plain if len(plain) == 1 and plain.isascii() and plain.isalnum() else char


def _word(match: re.Match[str]) -> str:
    word = match.group(0)
    # Its invisible characters as spaces after it: a pattern's space is any run of them.
    hidden = " " * len(_INVISIBLE_RE.findall(word))
    shown = [_compatible(c) for c in _INVISIBLE_RE.sub("", word)]
    # Look-alikes are read as Latin only in a word of Latin letters and look-alikes: a word
    # of Russian or Greek is left as written.
    if any(c in _LOOKALIKE_LETTERS for c in shown) and all(
        c.isascii() or c in _LOOKALIKE_LETTERS for c in shown
    ):
        shown = [c.translate(LOOKALIKES) for c in shown]
    return "".join(shown) + hidden


def visible(text: str) -> str:
    """`text` without the characters that draw nothing (shorter: for text that is compared,
    not located, such as a link's words)."""
    return _INVISIBLE_RE.sub("", text) if not text.isascii() else text


def undisguised(text: str) -> str:
    """`text` with its words spelt plainly (see above); the same length, and the same
    object when there is nothing to undo."""
    if not text.isascii() and _SUSPECT_RE.search(text):
        text = _HYPHEN_IN_WORD_RE.sub("-", text)
        text = _WORD_RE.sub(_word, text)
    return _unleet(text)
