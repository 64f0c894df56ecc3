"""Which literal text must appear for a pattern to match: a cheap test that lets a rule skip
a post without running its regular expression.

`required_literals(pattern)` returns a set of strings of which at least one occurs (lower-
cased) in every match, or None when it cannot tell (then the rule always runs). It reads the
pattern with Python's own regex parser; a pattern it cannot read simply gets no prefilter.

A literal may carry word-edge marks where the pattern has them (`\b`, `(?<!\\w)`, `(?!\\w)`):
"\x01ate" is "ate" starting a word, so "create" and "state" do not count for a food word.
The index checks a mark only between ASCII characters; next to any other it holds (a marked
literal never skips more than the pattern itself would).
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import ahocorasick

from . import user_cache
from .atomic_write import write_atomically
from .rules import APOSTROPHE_CLASS, APOSTROPHES

try:  # Python 3.11+: re._parser; older: sre_parse
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

Literals = frozenset[str] | None
# Word-edge marks inside a literal (see above): a word boundary, no word character before,
# no word character after.
BOUNDARY, NONE_BEFORE, NONE_AFTER = "\x01", "\x02", "\x03"
MARKS = BOUNDARY + NONE_BEFORE + NONE_AFTER
_NO_MARKS = str.maketrans(dict.fromkeys(MARKS, None))
MIN_LENGTH = 3  # shorter literals ("a", "to") are in every post: no use as a filter
MARKED_MAX = 6  # longer literals keep no word-edge marks (see _as_option)
# ...and are cut to this many characters: a match holds a literal's start wherever it holds
# the literal, fourteen characters are about as rare in prose as the whole phrase ("a
# couple of pints" as "a couple of pi"), and the search's automaton (a node per distinct
# start) is a third the size. At twelve, "a couple of " ran rules on many more paragraphs.
LONGEST = 14
# ...but a digit, or a character prose seldom has, is: phone numbers, emails, doses.
DIGITS = frozenset("0123456789")
RARE_CHARACTERS = frozenset("0123456789@#$%&*+=/\\|~^<>[]{}_")


# Words in nearly every post: as a rule's only literal they filter nothing out.
_EVERYDAY = """
    a about after all also an and any are as at be because been before being but by can
    could day did do does doing don't do not down each even every few for from get go
    had has have he her here him his how i if in into is it its just know like make many
    may me more most much must my no not now of on one only or other our out over people
    said same see she should so some such take than that the their them then there these
    they thing think this those time to too up us use very was way we well were what
    when where which while who will with would year you your
"""
COMMON_WORDS = frozenset(_EVERYDAY.split())


def bare(literal: str) -> str:
    """The literal's text without its word-edge marks."""
    return literal.translate(_NO_MARKS)


def _has_marks(literal: str) -> bool:
    return BOUNDARY in literal or NONE_BEFORE in literal or NONE_AFTER in literal


def _selectivity(option: frozenset[str]) -> tuple[bool, int, int]:
    texts = {bare(literal) for literal in option}
    return (not texts & COMMON_WORDS, min(map(len, texts)), -len(option))


def _best(options: list[Literals]) -> Literals:
    """Of several requirements that all hold, the most selective: no everyday word among its
    literals, then the longest shortest literal, then the fewest literals."""
    known = [o for o in options if o]
    return max(known, key=_selectivity) if known else None


def _is_whitespace_run(op: Any, av: Any) -> bool:
    """`\\s+` (what a space in a rule pattern becomes): one space in normalised text."""
    if op is not C.MAX_REPEAT or av[0] < 1 or len(av[2]) != 1:
        return False
    inner_op, inner_av = av[2][0]
    return inner_op is C.IN and list(inner_av) == [(C.CATEGORY, C.CATEGORY_SPACE)]


def _is_char_or_space(op: Any, av: Any) -> bool:
    return op is C.LITERAL or (op is C.CATEGORY and av is C.CATEGORY_SPACE)


def _is_digit_class(op: Any, av: Any) -> bool:
    return op is C.IN and list(av) == [(C.CATEGORY, C.CATEGORY_DIGIT)]


def _mark(op: Any, av: Any) -> str:
    """The word-edge mark a zero-width item stands for ("" for any other)."""
    if op is C.AT:
        return BOUNDARY if av is C.AT_BOUNDARY else ""
    if op is C.ASSERT_NOT:
        direction, inner = av
        items = list(inner)
        if len(items) == 1 and items[0][0] is C.IN and list(items[0][1]) == [
            (C.CATEGORY, C.CATEGORY_WORD)
        ]:
            return NONE_BEFORE if direction < 0 else NONE_AFTER
    return ""


def _fewest_marks(strings: frozenset[str]) -> frozenset[str]:
    """Where a string is there both with marks and without, the one without (it holds
    wherever the marked one does): a union stays as small as the unmarked one."""
    plain = {s for s in strings if not _has_marks(s)}
    if len(plain) == len(strings):
        return strings
    return frozenset(s for s in strings if s in plain or bare(s) not in plain)


# Beyond this, spelling out costs more than it saves. Large enough for a phrase of three short
# word lists ("try|just" x "stop|change" x "your meds|the pills"): "change" alone is in
# every post, "try change" almost never.
MAX_STRINGS = 128


_EDGE_MARKS = re.compile(rf"^[{MARKS}]+(?=\s)|(?<=\s)[{MARKS}]+$|^[{MARKS}]+$")


def _as_option(strings: frozenset[str]) -> Literals:
    """A set of strings one of which every match holds, as a requirement: each must be long
    enough to be rare (or hold a rare character)."""
    literals = set()
    for string in strings:
        # A mark only says something beside a character of the literal, and only a short
        # literal is often found inside other words ("ate" in "create"; checking the marks
        # of every literal would cost a new process more than it saves).
        string = _EDGE_MARKS.sub("", string.strip()).strip()
        text = bare(string)
        if len(text) >= MIN_LENGTH:
            literals.add(string if len(text) <= MARKED_MAX else text[:LONGEST])
            continue
        rare = [ch for ch in string if ch in RARE_CHARACTERS]
        if not rare:
            return None  # a match may hold only this short, everyday text
        literals.add(rare[0])
    return frozenset(literals)


def _language(op: Any, av: Any) -> frozenset[str] | None:
    """Every (lower-cased, whitespace-normalised) string an item can match, when they are few:
    `(?:a|the)\\s+(?:man|woman)` is {"a man", "the man", "a woman", "the woman"}."""
    if op is C.LITERAL:
        return frozenset({chr(av).lower()})
    if _is_whitespace_run(op, av):
        return frozenset({" "})  # matched against text whose whitespace runs are one space
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return frozenset({_mark(op, av)})  # zero-width: a word-edge mark, or nothing
    if op is C.SUBPATTERN:
        return _concatenation(av[-1])
    if op is C.BRANCH:
        branches = [_concatenation(b) for b in av[1]]
        if any(b is None for b in branches):
            return None
        union = _fewest_marks(frozenset().union(*branches))  # type: ignore[arg-type]
        return union if len(union) <= MAX_STRINGS else None
    if op is C.IN and 0 < len(av) <= 4 and all(_is_char_or_space(o, a) for o, a in av):
        # `[-\s]` (what "self[- ]?harm" becomes): a space is one space in normalised text
        return frozenset(" " if o is C.CATEGORY else chr(a).lower() for o, a in av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
        inner = _concatenation(av[2])
        return None if inner is None else _fewest_marks(inner | {""})
    return None


def _product(left: frozenset[str], right: frozenset[str]) -> frozenset[str]:
    if len(right) == 1:  # most items are one spelling: a literal character, a space
        (tail,) = right
        return frozenset(a + tail for a in left)
    return frozenset(a + b for a in left for b in right)


def _concatenation(items: Any) -> frozenset[str] | None:
    strings = frozenset({""})
    for op, av in items:
        language = _language(op, av)
        if language is None:
            return None
        strings = _product(strings, language)
        if len(strings) > MAX_STRINGS:
            return None
    return strings


def _inner_option(op: Any, av: Any) -> Literals:
    """What an item that is no short list of strings still requires."""
    if _is_digit_class(op, av):
        return DIGITS
    if op is C.SUBPATTERN:
        return _sequence(av[-1])
    if op is C.BRANCH:
        branches = [_sequence(b) for b in av[1]]
        return frozenset().union(*branches) if all(branches) else None  # type: ignore[arg-type]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
        return _sequence(av[2])
    return None


def _sequence(items: Any) -> Literals:
    """The most selective requirement of a sequence: runs of items with few spellings are
    spelled out together (longer strings are rarer), and each other item adds its own."""
    options: list[Literals] = []
    run = frozenset({""})
    for op, av in items:
        language = _language(op, av)
        if language is not None:
            joined = _product(run, language)
            if len(joined) <= MAX_STRINGS:
                run = joined
                continue
            options.append(_as_option(run))
            run = language
            continue
        options.append(_as_option(run))
        run = frozenset({""})
        options.append(_inner_option(op, av))
    options.append(_as_option(run))
    return _best(options)


def _without_longer(literals: Literals) -> Literals:
    """The set without each literal that holds another of it ("hurting" where "hurt" is):
    wherever it occurs the other does, so a text or paragraph holds one either way, and the
    search has a fifth fewer literals to look for. Marked literals are all kept."""
    if not literals:
        return literals
    kept: list[str] = []
    for literal in sorted(literals, key=len):
        if _has_marks(literal) or not any(shorter in literal for shorter in kept):
            kept.append(literal)
    return frozenset(kept) if len(kept) < len(literals) else literals


# Working out a pattern's literals parses it (a few ms for a large one): the edit loop
# (`carepress check post.md`) would spend most of its start there. Each pattern's answer is
# kept between runs, keyed by the pattern's text, in the user's cache folder: it depends
# only on the pattern and this module, so every hub on the machine shares it (a new hub's
# first build would otherwise work out all of them again, ~0.5 s).
_KNOWN: dict[str, Literals] = {}
_LEARNT: set[str] = set()


def _key(pattern: str) -> str:
    return hashlib.sha256(pattern.encode("utf-8")).hexdigest()[:32]


def required_literals(pattern: str) -> Literals:
    key = _key(pattern)
    if key in _KNOWN:
        return _KNOWN[key]
    try:
        # Text is looked in with one apostrophe (normalise), so the literals hold that one.
        plain = pattern.replace(APOSTROPHE_CLASS, "'").replace(APOSTROPHES, "'")
        found = _without_longer(_sequence(parser.parse(plain, re.IGNORECASE)))
    except (re.error, RecursionError, TypeError, ValueError):
        found = None
    _KNOWN[key] = found
    _LEARNT.add(key)
    return found


# Answers worked out by other code are not reused: the file names this module's version.
_VERSION = user_cache.version_of(__file__)


def user_cache_file() -> Path | None:
    """Where this version's answers are kept for the user (None without a home folder)."""
    kept_in = user_cache.folder()
    return kept_in / f"literals-{_VERSION}.json" if kept_in else None


def recall_literals(cache_file: Path) -> None:
    """Literals worked out by earlier runs (a missing, damaged or outdated file is no error).
    The file holds each distinct set once, and each pattern's set by its number: patterns
    share sets (a topic's terms, every given name), and a set is made once and shared."""
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(data, dict) or data.get("version") != _VERSION:
        return
    listed, known = data.get("sets"), data.get("literals")
    if not isinstance(listed, list) or not isinstance(known, dict):
        return
    sets = [frozenset(map(str, items)) if isinstance(items, list) else None for items in listed]
    for key, number in known.items():
        if key in _KNOWN:
            continue
        if number is None:
            _KNOWN[key] = None
        elif isinstance(number, int) and 0 <= number < len(sets) and sets[number] is not None:
            _KNOWN[key] = sets[number]


def remember_literals(cache_file: Path) -> None:
    """Keep what this run worked out for the next (written whole, then renamed)."""
    if not _LEARNT:
        return
    numbers: dict[frozenset[str], int] = {}
    known = {
        key: None if value is None else numbers.setdefault(value, len(numbers))
        for key, value in _KNOWN.items()
    }
    data = {"version": _VERSION, "sets": [sorted(s) for s in numbers], "literals": known}
    try:
        write_atomically(cache_file, json.dumps(data, separators=(",", ":")).encode("utf-8"))
    except OSError:
        return
    user_cache.forget_older(cache_file.parent, "literals-*.json")
    _LEARNT.clear()


_ONE_APOSTROPHE = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))


def normalise(text: str) -> str:
    """Lower-cased, every whitespace run one space and every apostrophe the straight one:
    what literals are looked for in."""
    return " ".join(text.lower().translate(_ONE_APOSTROPHE).split())


_BARE: dict[frozenset[str], tuple[str, ...]] = {}


def may_match(literals: Literals, normalised_text: str) -> bool:
    """Whether the text holds one of the literals (their marks unchecked: a substring test)."""
    if literals is None:
        return True
    texts = _BARE.get(literals)
    if texts is None:
        texts = _BARE[literals] = tuple({bare(literal) for literal in literals})
    return any(text in normalised_text for text in texts)


def windows(text: str, literals: Literals, index: LiteralIndex | None) -> list[tuple[int, int]]:
    """Where a pattern whose matches hold one of `literals` may match in `text`: the indexed
    paragraphs that hold one, or (without an index) the whole text if it holds one."""
    if index is not None:
        return index.spans(literals)
    return [(0, len(text))] if may_match(literals, normalise(text)) else []


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


# The plain literals' automaton, the marked ones', and each owner group (which literal sets
# hold a literal, by number) that their values name.
Automata = tuple[Any, Any, tuple[tuple[int, ...], ...]]


class LiteralSearch:
    """Where any of several literal sets occurs, found in one pass over a text (an
    Aho-Corasick automaton over all their literals), and one more over the few literals
    with word-edge marks (a smaller automaton over their texts; each mark is checked
    where the text is found).

    Building the automata over some 30,000 literals is most of a one-post check's own work,
    so `kept` keeps them between runs in the user's cache folder, under a digest of the
    literal sets: loading them is a quarter of building them."""

    def __init__(self, requirements: Iterable[Literals], automata: Automata | None = None) -> None:
        self._requirements = tuple(dict.fromkeys(r for r in requirements if r))
        self.known = frozenset(self._requirements)
        self._plain, self._marked, groups = automata or _automata(self._requirements)
        self._owners = [tuple(self._requirements[n] for n in numbers) for numbers in groups]

    def find(self, text: str) -> Iterator[tuple[int, tuple[frozenset[str], ...]]]:
        """(end offset, the literal sets holding the literal found) of every occurrence
        whose marks hold."""
        owners = self._owners
        if self._plain is not None:
            for end, group in self._plain.iter(text):
                yield end, owners[group]
        if self._marked is not None:
            for end, (length, entries) in self._marked.iter(text):
                start = end - length + 1
                for marks, group in entries:
                    if _marks_hold(text, start, marks):
                        yield end, owners[group]

    @classmethod
    def kept(cls, requirements: Iterable[Literals], folder: Path | None) -> LiteralSearch:
        """The search for these literal sets: loaded from `folder` when a run before built it
        (for the same sets, this module and pyahocorasick), else built and kept there. A
        missing, damaged or unwritable file only means building."""
        wanted = tuple(dict.fromkeys(r for r in requirements if r))
        digest = hashlib.sha256(f"{_VERSION} {_AUTOMATON_BUILD}".encode())
        for literals in wanted:
            digest.update("\0".join(sorted(literals)).encode("utf-8", "surrogatepass"))
            digest.update(b"\x1f")
        file = folder / f"search-{digest.hexdigest()[:32]}.pickle" if folder else None
        automata, written = user_cache.kept(
            file, lambda: _automata(wanted), lambda found: _fits(found, len(wanted))
        )
        if written and folder is not None:
            user_cache.forget_older(folder, "search-*.pickle")
        return cls(wanted, automata)


_AUTOMATON_BUILD = user_cache.build_of(ahocorasick)


def _automata(requirements: tuple[frozenset[str], ...]) -> Automata:
    # Each literal's owners (the sets that hold it) as one small number in the automaton:
    # an automaton of numbers is quick to save and load.
    groups: dict[tuple[int, ...], int] = {}
    plain: dict[str, list[int]] = {}
    marked: dict[str, dict[tuple[tuple[int, str], ...], list[int]]] = {}
    for number, literals in enumerate(requirements):
        for literal in literals:
            if literal.isprintable():  # marks are control characters: none here
                plain.setdefault(literal, []).append(number)
                continue
            text, marks = _split(literal)
            if marks:
                marked.setdefault(text, {}).setdefault(marks, []).append(number)
            else:
                plain.setdefault(text, []).append(number)

    def group(numbers: list[int]) -> int:
        return groups.setdefault(tuple(numbers), len(groups))

    plain_automaton = _automaton(
        ((text, group(numbers)) for text, numbers in plain.items()), ahocorasick.STORE_INTS
    )
    marked_automaton = _automaton(
        (text, (len(text), tuple((marks, group(numbers)) for marks, numbers in by_marks.items())))
        for text, by_marks in marked.items()
    )
    return plain_automaton, marked_automaton, tuple(groups)


def _fits(found: Any, sets: int) -> bool:
    """Whether kept automata are what `_automata` makes (a damaged file may still unpickle)
    and name only sets there are."""
    if not isinstance(found, tuple) or len(found) != 3:
        return False
    plain, marked, groups = found
    return (
        all(a is None or isinstance(a, ahocorasick.Automaton) for a in (plain, marked))
        and isinstance(groups, tuple)
        and all(isinstance(g, tuple) and all(0 <= n < sets for n in g) for g in groups)
    )


def _automaton(
    words: Iterable[tuple[str, Any]], store: int = ahocorasick.STORE_ANY
) -> ahocorasick.Automaton | None:
    automaton = ahocorasick.Automaton(store)
    for word, value in words:
        automaton.add_word(word, value)
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton


_MARK_RE = re.compile(f"[{MARKS}]")


def _split(literal: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The literal's text, and (offset in that text, mark) of each of its word-edge marks."""
    if not _has_marks(literal):
        return literal, ()
    found = _MARK_RE.finditer(literal)
    marks = tuple((m.start() - i, m.group()) for i, m in enumerate(found))
    return bare(literal), marks


_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _marks_hold(text: str, start: int, marks: tuple[tuple[int, str], ...]) -> bool:
    """Whether each mark holds at its place in text (a literal found at `start`). Only ASCII
    characters are judged: beside any other (or a text's end, for a boundary) a mark holds."""
    for offset, mark in marks:
        at = start + offset
        before = text[at - 1] if at > 0 else " "
        after = text[at] if at < len(text) else " "
        if mark == NONE_BEFORE:
            if before in _ASCII_WORD:
                return False
        elif mark == NONE_AFTER:
            if after in _ASCII_WORD:
                return False
        elif before < "\x80" and after < "\x80" and (before in _ASCII_WORD) == (
            after in _ASCII_WORD
        ):
            return False
    return True


class LiteralIndex:
    """Which paragraphs of a text hold one of each literal set.

    Built once per post for all rules: a rule then runs its regular expression only over the
    paragraphs that hold one of its literals (a match never spans a blank line), instead of
    over the whole post, which is most of a language check's time.
    """

    def __init__(self, text: str, search: LiteralSearch) -> None:
        self.length = len(text)
        self.known = search.known
        self.bounds: list[tuple[int, int]] = []
        start = 0
        for gap in _PARAGRAPH_BREAK.finditer(text):
            self.bounds.append((start, gap.start()))
            start = gap.end()
        self.bounds.append((start, len(text)))
        parts = [normalise(text[a:b]) for a, b in self.bounds]
        # Paragraphs joined by newlines (which no literal holds), and where each begins.
        starts = list(itertools.accumulate((len(p) + 1 for p in parts[:-1]), initial=0))
        self.where: dict[frozenset[str], set[int]] = {}
        for end, owners in search.find("\n".join(parts)):
            paragraph = bisect.bisect_right(starts, end) - 1
            for literals in owners:
                self.where.setdefault(literals, set()).add(paragraph)

    def spans(self, literals: Literals) -> list[tuple[int, int]]:
        """(start, end) of every paragraph that may hold a match: all the text if the literals
        are unknown, or not among those the index was built to find."""
        if literals is None or literals not in self.known:
            return [(0, self.length)]
        return [self.bounds[i] for i in sorted(self.where.get(literals, ()))]

    def paragraphs_holding(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """(start, end) of every paragraph that holds part of one of the spans, in order."""
        starts = [a for a, _ in self.bounds]
        held: set[int] = set()
        for start, end in spans:
            first = bisect.bisect_right(starts, start) - 1
            held.update(range(first, bisect.bisect_right(starts, end)))
        return [self.bounds[i] for i in sorted(held)]


@dataclass(frozen=True)
class GatedPattern:
    """An expression run only where the literals every match holds occur: the paragraphs a
    post's index (`LiteralIndex`) names, or the whole text if it holds one. A topic's term,
    a claim kind, a therapy context: each gated alone, so a text runs the few whose words
    it holds. `pattern` is anything with `.pattern` and `.finditer` (re, regex, or a
    rule pack's lazily compiled `LazyPattern`)."""

    pattern: Any

    @cached_property
    def literals(self) -> Literals:
        return required_literals(self.pattern.pattern)

    def finditer(self, text: str, index: LiteralIndex | None = None) -> Iterator[Any]:
        for start, end in windows(text, self.literals, index):
            yield from self.pattern.finditer(text, start, end)


class GatedGroup:
    """Many gated patterns looked for in one text (a topic's hundred terms): with the text's
    index, the patterns whose literals it holds are picked out by one set operation, not a
    call per pattern, and only they run."""

    def __init__(self, patterns: Iterable[GatedPattern]) -> None:
        self.patterns = tuple(patterns)

    @cached_property
    def _by_literals(self) -> tuple[dict[frozenset[str], list[int]], frozenset, tuple[int, ...]]:
        groups: dict[frozenset[str], list[int]] = {}
        always = []
        for position, pattern in enumerate(self.patterns):
            if pattern.literals is None:
                always.append(position)
            else:
                groups.setdefault(pattern.literals, []).append(position)
        return groups, frozenset(groups), tuple(always)

    def present_positions(self, text: str, index: LiteralIndex | None = None) -> list[int]:
        """Where in `patterns` are those that may match `text`, in order: those whose
        literals it holds (or the index does not know) and those without literals."""
        if index is None:
            normalised = normalise(text)
            return [i for i, p in enumerate(self.patterns) if may_match(p.literals, normalised)]
        groups, keys, always = self._by_literals
        found = (keys & index.where.keys()) | (keys - index.known)
        return sorted([*always, *(i for literals in found for i in groups[literals])])

    def present(self, text: str, index: LiteralIndex | None = None) -> list[GatedPattern]:
        """The patterns that may match `text`, in their order."""
        return [self.patterns[i] for i in self.present_positions(text, index)]

    def finditer(self, text: str, index: LiteralIndex | None = None) -> Iterator[Any]:
        """Every match of every pattern (pattern by pattern, each in order)."""
        for pattern in self.present(text, index):
            yield from pattern.finditer(text, index)
