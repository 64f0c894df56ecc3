"""Identifiable client stories (HIPAA Safe Harbor identifiers in a therapist's telling):
a person's name from a shipped list of given names (data/given_names.txt), or a therapy
context ("came to see me", "my Tuesday 3 p.m."), together with an age, a job, a named place,
school or employer, a family role, a session's date or time, a handle, or a role so specific
that it names someone. Clearly hypothetical or composite examples are not client stories.
The patterns are data (data/client_stories.yml); this module decides, sentence by sentence."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import regex

from ..findings import Finding
from ..prefilter import GatedGroup, GatedPattern, LiteralIndex, LiteralSearch
from ..prose import Prose, sentence_spans
from ..published_texts import TextsProse
from ..rulepack import LazyPattern
from ..rules import as_typed
from ..yaml_loading import kept_load
from .registry import PostContext, RuleInfo, declare, post_check

IDENTIFIABLE = "confidentiality.identifiable-client"
STORY = "confidentiality.client-story"
SOURCE = "https://www.hhs.gov/hipaa/for-professionals/special-topics/de-identification/index.html"
declare(
    RuleInfo(IDENTIFIABLE, "confidentiality", "error",
             "a client story with a name or details that could identify the person", SOURCE),
    RuleInfo(STORY, "confidentiality", "warning",
             "a story about a client (even without identifying details)", SOURCE),
)  # fmt: skip

_NOT_SPACE = re.compile(r"\S")
_ANCHOR_AFTER = re.compile(r"\s*(?:,\s*(?:\d|a\b|an\b|the\b|my\b|our\b|who\b|whose\b|age\b)|\()")
_ANCHOR_BEFORE = re.compile(r"(?:named|called|client|patient|clients|patients)\s+$", re.I)
# Any script's capitals ("Zoë", "Siân", "Łukasz"): the list's names are looked up as written
# and with their accents taken off (batch AJ's and AL's).
_NAME_RE = regex.compile(
    r"(?<![\w'’-])(\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?)(?![\w'’-]*\p{Ll}*\.\w)"
)
# A surname may be possessive ("Simone Biles's decision"): the full name is still seen.
_SURNAME_RE = regex.compile(r" (?:\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?|\p{Lu}\.)(?= |,|\.|$|['’])")
_SELF_RE = re.compile(
    r"(?:I'm|I am|my name is)\s+(?:(?:Dr|Mr|Mrs|Ms|Mx)\.?\s+)?(?:[A-Z][a-z]+\s+)?$"
)
# The writer describing themself (blind batch 16): a name-like word in "I write as a Latina
# therapist", "I'm an Irish counsellor", "As a Latina clinician, I ..." is who the writer is,
# not a client's name ("My client, a Latina nurse from Tucson, ..." is still a story).
_SELF_AS_RE = re.compile(
    r"(?:\b(?:I|I['’]m|I am|I was|I['’]ve been|I have been)\b[^.!?\n]{0,40}?\bas|"
    r"\b(?:I['’]m|I am|I was|I['’]ve been|I have been))\s+an?\s+$"
)
_SENTENCE_AS_RE = re.compile(r"^[\s*_\"“]*As\s+an?\s+$")
_FIRST_PERSON_RE = re.compile(r"\b(?:I|I['’]m|I['’]ve|I['’]d|my|me)\b")
# A name-like word as a place: "a therapist in Denver", "just outside Florence".
_PLACE_BEFORE_RE = re.compile(r"\b(?:in|near|outside|around|across|downtown)\s+$", re.IGNORECASE)
# A name after "a" or "an" names a thing: "a Morris Minor", "an Audrey Hepburn film".
_ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
_PREVIOUS_WORD_RE = regex.compile(r"(?<![.!?]\s)(?<!^)\b(\p{Lu}\p{Ll}+) $")
# Initials ("J.M."), not a time of day ("2 A.M.", "at 9 P.M.").
_INITIALS_RE = re.compile(
    r"(?<![\w.])(?!(?<=\d )[AP]\. ?M\.)(?!(?<=\d)[AP]\. ?M\.)"
    r"[A-Z]\.(?:(?: ?[A-Z]\.){1,2}(?!\w)|(?=,))"
)


@dataclass(frozen=True)
class _Patterns:
    # The therapy context, pattern by pattern: the first five mark a story about one
    # client; the last `weak` (one about a client in general, someone seeing a counsellor)
    # are the weakest: with no name they take two details.
    context: GatedGroup
    weak: int
    hypothetical: LazyPattern
    renamed: LazyPattern  # a new name given ("let's call her ..."): renames, does not invent
    consented: LazyPattern  # said to be shared with consent: no story warning without details
    titled: re.Pattern[str]
    word_names: frozenset[str]  # given names that are also everyday words ("Grace", "Will")
    public_person: LazyPattern
    identifiers: dict[str, LazyPattern]


def _join(patterns: list[str] | str, flags: int = re.IGNORECASE) -> LazyPattern:
    items = [patterns] if isinstance(patterns, str) else patterns
    joined = "|".join(f"(?:{as_typed(p)})" for p in items)
    # Word edges where the pattern has a word character there (", 34," starts with a comma).
    # No match starts on a space: without `(?=\S)` first, the lookbehinds' `\s+` would scan
    # back over a long run of spaces (a long link, blanked) from every space in it.
    # Compiled on first use (most posts tell of no client, and the edit loop should not
    # compile identifiers it never looks for), with `re` where it can: it compiles faster.
    pattern = rf"(?=\S)(?:(?<!\w)|(?=\W))(?:{joined})(?:(?!\w)|(?<=\W))"
    return LazyPattern(pattern, flags, "data/client_stories.yml", prefer_re=True)


@cache
def _data() -> dict:
    """data/client_stories.yml, read once a run (patterns, the writer's own job, the writer's
    family's people all read it)."""
    return kept_load(files("carepress").joinpath("data/client_stories.yml").read_text("utf-8"))


@cache
def patterns() -> _Patterns:
    data = _data()
    jobs = data["occupation_words"]
    occupation = [p.replace("{occupation}", jobs) for p in data["occupation"]]
    # A context may name a job ("a bus driver I see"), as the details do.
    contexts = data["therapy_context"] + data["weak_context"]
    context = [c.replace("{occupation}", jobs) for c in contexts]
    places = [p.replace("{occupation}", jobs) for p in data["place"]]
    organisation = [data["place"][0] + rf" (?:{data['organisation_words']})", *data["organisation"]]
    return _Patterns(
        context=GatedGroup(GatedPattern(_join(c)) for c in context),
        weak=len(data["weak_context"]) + 1,
        hypothetical=_join(data["hypothetical"]),
        renamed=_join(data["renamed"]),
        consented=_join(data["consented"]),
        titled=re.compile(rf"(?<!\w){data['titled']}\s+$"),
        word_names=frozenset(data["word_names"].split()),
        public_person=_join(data["public_person"]),
        identifiers={
            "age": _join(data["age"]),
            "occupation": _join(occupation),
            "place": _join(places, 0),
            "organisation": _join(organisation, 0),
            "when": _join(data["when"]),
            "handle": _join(data["handle"]),
            "family": _join(data["family"]),
            "unique role": _join([r.replace("{occupation}", jobs) for r in data["unique_role"]]),
        },
    )


@cache
def given_names() -> frozenset[str]:
    text = files("carepress").joinpath("data/given_names.txt").read_text("utf-8")
    return frozenset(s for s in map(str.strip, text.splitlines()) if s and not s.startswith("#"))


def _names(text: str, start: int, end: int, p: _Patterns) -> list[tuple[int, str]]:
    """Given names in text[start:end] (not after a title such as Dr.), and initials. A name
    that is also a word counts with an apposition ("Grace, 17,") or a cue ("named Grace")."""
    known = given_names()
    found = []
    for match in _NAME_RE.finditer(text, start, end):
        word = match.group(1)
        lower = _known_as(word.lower(), known)
        if lower is None:
            continue
        before = text[max(start, match.start() - 16) : match.start()]
        if p.titled.search(before) or _SELF_RE.search(before):
            continue  # staff and public figures by title; the writer introducing themself
        if _PLACE_BEFORE_RE.search(before) or _ARTICLE_BEFORE_RE.search(before):
            continue
        if _self_described(text, start, end, match.start()):
            continue  # the writer's own identity: "I write as a Latina therapist"
        previous = _PREVIOUS_WORD_RE.search(before)
        if previous and previous.group(1).lower() in known:
            continue  # a surname after a given name ("Rachel Kim"): the name was seen
        # "Kristin Neff": a full name is how public figures are cited; a client's story
        # with a full name still counts where the sentence is about a session.
        surname = _SURNAME_RE.match(text, match.end())
        # A word that is also a name counts with an apposition after it or its surname ("Mark
        # Devlin, a client of ours"; not "Hope Street", dev misses 2026-12-07), or a cue.
        if lower in p.word_names and not (
            _ANCHOR_AFTER.match(text, surname.end() if surname else match.end())
            or _ANCHOR_BEFORE.search(before)
        ):
            continue
        found.append((match.start(), word if not surname else f"{word}{surname.group(0)}"))
    found += [(m.start(), m.group(0)) for m in _INITIALS_RE.finditer(text, start, end)]
    return found


def _known_as(lower: str, known: frozenset[str]) -> str | None:
    """The name as the list has it: as written, its first part ("Eun-ji", "Mary-Kate"), or
    either without accents ("zoë" is "zoe"); None if it is no given name."""
    for form in (lower, lower.split("-")[0]):
        if form in known:
            return form
        if not form.isascii():
            plain = unicodedata.normalize("NFKD", form).encode("ascii", "ignore").decode()
            if plain in known:
                return plain
    return None


def _self_described(text: str, start: int, end: int, at: int) -> bool:
    """Whether the word at `at` describes the writer: after "I write as a", "I'm a", or a
    sentence's opening "As a" whose sentence goes on in the first person."""
    before = text[max(start, at - 60) : at]
    if _SELF_AS_RE.search(before):
        return True
    return bool(
        _SENTENCE_AS_RE.match(text[start:at]) and _FIRST_PERSON_RE.search(text, at, end)
    )


# A sentence that goes on about someone already in the story: it starts with them.
_CONTINUES = re.compile(
    r"\s*(?:[-*+]\s+)?(?:(?:Now|Today|Then|And|But|Also|Still|These days|By day|Every \w+),?\s+)?"
    r"(?:She|He|They|Her|His|Their|You (?:might|may|will|would|could)(?: even| probably| already)?"
    r" (?:know|recogni[sz]e) (?:her|him|them))\b"
)
_CARRIED = 8  # sentences after a story's therapy context that may go on about its client
_BACK = 3  # sentences before a therapy context, in its paragraph, that may tell of its client
# A therapy context that goes on about someone told of before it ("Zephyrine runs the bakery on
# Oak Street. Over our sessions this fall she named the worry"): a third person in it.
_THIRD_PERSON = re.compile(r"\b(?:she|he|her|him|his|hers)\b", re.IGNORECASE)
# The details that identify a client on their own (the rest take two).
_STRONG_IDS = frozenset({"handle", "unique role", "organisation"})
# How a message names each kind of detail.
_SAID = {
    "age": "an age",
    "occupation": "a job",
    "place": "a named place",
    "organisation": "a named school, employer, business or street",
    "when": "a session's day or time",
    "handle": "a handle or email",
    "family": "a family role",
    "unique role": "a role that could single them out",
}


def _details(ids: set[str]) -> str:
    """The kinds of detail, as a message says them: "an age and a job"."""
    said = [_SAID[kind] for kind in sorted(ids)]
    return said[0] if len(said) == 1 else f"{', '.join(said[:-1])} and {said[-1]}"
# A client record as a table (an outside red team's fifth round): a header naming the person
# and a column of their details ("| Client | Age | Work | Town | First session |"), in
# Markdown or as prose renders it (cells two spaces or more apart).
_TABLE_RULE_RE = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:[| \t]+:?-{3,}:?[ \t]*)+\|?[ \t]*$")
_CELL_SPLIT_RE = re.compile(r"[ \t]*\|[ \t]*|[ \t]{2,}")
_WHO_HEADERS = frozenset({"client", "patient", "name", "client name", "patient name", "initials",
                          "pseudonym", "client initials", "person", "who"})
_DETAIL_HEADERS = frozenset({
    "age", "town", "city", "suburb", "location", "neighbourhood", "neighborhood", "address",
    "work", "job", "occupation", "profession", "employer", "workplace", "school", "role",
    "first session", "start date", "session date", "intake", "intake date", "date of birth",
    "dob", "born", "diagnosis", "phone", "email", "lives", "home town", "hometown",
})  # fmt: skip


@dataclass(frozen=True)
class Story:
    start: int  # where the sentence starts
    identifiable: bool
    why: str


def _sentences_hit(
    parts: GatedGroup, text: str, starts: list[int], index: LiteralIndex | None
) -> list[set[int]]:
    """For each pattern, the sentences where it matches, each pattern run only in the
    paragraphs that hold one of its literals: most hold no therapy context at all."""
    index = index or LiteralIndex(text, _context_search())
    hit: list[set[int]] = [set() for _ in parts.patterns]
    for position in parts.present_positions(text, index):
        part = parts.patterns[position]
        found = part.finditer(text, index)
        hit[position] = {bisect.bisect_right(starts, m.start()) - 1 for m in found}
    return hit


def context_parts() -> tuple[GatedPattern, ...]:
    """The therapy-context patterns, whose literals a post's index (settings.literal_search)
    is built to find."""
    return patterns().context.patterns


@cache
def _context_search() -> LiteralSearch:
    return LiteralSearch(part.literals for part in context_parts())


def client_stories(text: str, index: LiteralIndex | None = None) -> Iterator[Story]:
    """Sentences that tell of a client: identifiable ones, and those with a client marker.
    The therapy context and the names are looked for first; the details only in the
    sentences that have one of them. `index`: the text's literal index, if it has one."""
    p = patterns()
    spans = sentence_spans(text)
    starts = [a for a, _ in spans]
    by_part = _sentences_hit(p.context, text, starts, index)
    context = set().union(*by_part)
    strong = set().union(*by_part[: -p.weak])
    markers = set().union(*by_part[:5])
    named_in = {
        i: names for i, (a, b) in enumerate(spans) if (names := _names(text, a, b, p))
    }
    told: dict[int, int] = {}  # sentence -> the earlier sentence (same section) it continues
    for j in sorted(strong):
        for i in range(j + 1, min(j + 1 + _CARRIED, len(spans))):
            if "\n#" in text[spans[j][0] : spans[i][0]]:
                break  # a new section: a new subject
            if i not in context and _CONTINUES.match(text, spans[i][0]):
                told.setdefault(i, j)
    # The sentences before a therapy context in its paragraph that goes on about "her" or
    # "him": the client may be told of first ("She teaches third grade at Maple Creek
    # Elementary. We started meeting in March, when she told me ...").
    told_after: dict[int, int] = {}
    for k in sorted(strong):
        if not _THIRD_PERSON.search(text, *spans[k]):
            continue
        for i in range(k - 1, max(k - 1 - _BACK, -1), -1):
            if "\n\n" in text[spans[i][1] : spans[k][0]]:
                break  # another paragraph
            if i not in context:
                told_after.setdefault(i, k)
    yield from _record_tables(text, p)
    for i in sorted(context | set(named_in) | set(told) | set(told_after)):
        start, end = spans[i]
        before = spans[i - 1][0] if i else start
        ids = {
            kind
            for kind, pattern in p.identifiers.items()
            if _client_detail(kind, pattern, text, start, end)
        }
        if "organisation" in ids:
            ids.discard("place")
        # Said hypothetical or composite in this sentence, the one before, anywhere earlier
        # in its paragraph or the paragraph before ("Picture a composite of many teens...
        # Then, a few sessions later, she tells me..."), or in its section's heading. A new
        # name alone ("let's call her 'the reverend'") does not hide a role or a workplace.
        said = text if not ids & _STRONG_IDS else _renames_blanked(p, text, spans, i)
        last = spans[told_after[i]][1] if i in told_after else end
        if _said_hypothetical(p, said, spans, told.get(i, i), last):
            continue
        if i in told_after and i not in told and (ids & _STRONG_IDS or len(ids) >= 2):
            yield Story(start, True, f"gives {_details(ids)} of the client told of after it")
            continue
        if i in told_after and i not in told and i not in named_in:
            continue
        if i in told and (ids & _STRONG_IDS or len(ids) >= 2):
            # A sentence that goes on about the client of an earlier one ("She posts her runs
            # as @...", "He anchors the six o'clock news", "She is a nurse at ..."): its
            # details identify the client as if the therapy context were in it.
            yield Story(start, True, f"gives {_details(ids)} of the client told of before it")
            continue
        names = named_in.get(i, [])
        is_strong, is_weak = i in strong, i in context
        if not is_strong:  # staff, public figures and researchers, by role or full name
            public = p.public_person.search(text, start, end)
            names = [] if public else [(at, n) for at, n in names if " " not in n]
        named = names[0][1] if names else ""
        # A name with an age, or with the school, employer or business where one finds them.
        alone = {"age", "organisation"} & ids
        if named and (is_strong or (is_weak and ids) or len(ids) >= 2 or alone):
            details = _details(ids) if ids else "a therapy context"
            yield Story(start, True, f"names '{named}' with {details}")
        elif not named and (is_strong or is_weak) and (
            len(ids) >= 2 or (is_strong and ids - {"occupation"})
        ):
            yield Story(start, True, f"gives {_details(ids)} of a client")
        elif i in markers and not p.consented.search(text, before, end):
            yield Story(start, False, "tells of a client")


def _client_detail(kind: str, pattern: LazyPattern, text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds this kind of detail about someone other than the
    writer: in "I'm a therapist in Denver" the job and the town are who writes."""
    found = list(pattern.finditer(text, start, end))
    if not found or kind not in ("occupation", "place"):
        return bool(found)
    writer = [m.span() for m in _writer_described().finditer(text, start, end)]
    writer += [m.span() for m in _family_life().finditer(text, start, end)]
    if kind == "occupation":  # the helper's job is not the client's ("seeing a therapist")
        writer += [m.span(1) for m in _HELPER_RE.finditer(text, start, end)]
    return any(not any(a <= m.start() and m.end() <= b for a, b in writer) for m in found)


# Someone's helper (dev misses, 2026-12-07): in "has been seeing a local therapist" the job is
# the therapist's, not a detail of the person told of.
_HELPER_RE = re.compile(
    r"\b(?:seeing|working with|in (?:therapy|counsel+ing|treatment) with|referred to)"
    r" ((?:a|an|the|my|our|his|her|their) (?:[\w-]+ )?(?:counsel+or|therapist|psychologist"
    r"|psychiatrist|psychotherapist)s?)\b",
    re.IGNORECASE,
)


@cache
def _writer_described() -> re.Pattern[str]:
    """The writer's own job and town: "I'm a counsellor in Leeds", "As a nurse near Tucson,"."""
    return re.compile(
        r"(?:\b(?:I['’]m|I am|I was|I['’]ve been|I have been|I work as|I worked as|I trained as)"
        r"|(?:^|(?<=[.!?]\s)|(?<=\n))[\s*_\"“]*As(?=[^.!?\n,]*,\s*(?:I|we)\b))"
        r" (an? (?:[\w'-]+ ){0,3}?(?:"
        + _data()["occupation_words"]
        + r")s?(?: (?:in|near|from|outside|around) (?:the )?[A-Z][\w'.&-]+(?: [A-Z][\w'.&-]+)*)?)",
        re.IGNORECASE,
    )


@cache
def _family_life() -> re.Pattern[str]:
    """People of the writer's family's life and where they are: "the coach of my daughter's
    netball team in Canton", "my son's teacher" (batch AL): not a client's job or town."""
    jobs = _data()["occupation_words"]
    family = (
        r"my (?:daughter|son|kids?|children|child|partner|husband|wife|mum|mom|dad|brother|"
        r"sister|niece|nephew|grandson|granddaughter|stepson|stepdaughter)['’]s"
    )
    where = r"(?: (?:in|at|near) (?:the )?[A-Z][\w'.&-]+)?"
    return re.compile(
        rf"\b(?:(?:the|a) )?(?:[\w'-]+ )?(?:{jobs})s? (?:of|at|for) {family} (?:[\w'-]+ ){{0,4}}?"
        rf"(?:team|school|class|club|nursery|choir|band|troop|group|practice|surgery|ward){where}"
        rf"|\b{family} (?:[\w'-]+ ){{0,2}}?(?:{jobs})s?\b{where}",
        re.IGNORECASE,
    )


def _renames_blanked(p: _Patterns, text: str, spans: list, i: int) -> str:
    """The text with the new names given near sentence i ("let's call her ...") blanked: a
    renaming is no hypothetical when the story still names a role or a workplace."""
    paragraph = text.rfind("\n\n", 0, spans[i][0]) + 1
    start = text.rfind("\n\n", 0, max(paragraph - 2, 0)) + 1
    end = spans[min(i + _BACK, len(spans) - 1)][1]
    found = list(p.renamed.finditer(text, start, end))
    if not found:
        return text
    parts, at = [], 0
    for m in found:
        parts += [text[at : m.start()], " " * (m.end() - m.start())]
        at = m.end()
    return "".join(parts) + text[at:]


def _record_tables(text: str, p: _Patterns) -> Iterator[Story]:
    """The rows of a table whose header names the person and their details: a client record
    ("| Client | Age | Work | Town | First session |"), unless said hypothetical."""
    if "---" not in text:
        return
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for n in range(1, len(lines)):
        if not _TABLE_RULE_RE.match(lines[n]):
            continue
        header = {c.strip(" *_").lower() for c in _CELL_SPLIT_RE.split(lines[n - 1].strip()) if c}
        if not (header & _WHO_HEADERS and header & _DETAIL_HEADERS):
            continue
        where = offsets[n - 1]
        paragraph = text.rfind("\n\n", 0, max(where - 1, 0))
        earlier = text.rfind("\n\n", 0, max(paragraph - 1, 0)) + 1
        if p.hypothetical.search(text, earlier, offsets[n]) or _heading_says(
            p.hypothetical, text, where
        ):
            continue
        for row in range(n + 1, len(lines)):
            cells = [c for c in _CELL_SPLIT_RE.split(lines[row].strip()) if c.strip()]
            if len(cells) < 2:
                break  # the table ends
            shown = ", ".join(sorted(header & _DETAIL_HEADERS))
            yield Story(offsets[row], True, f"gives a client's record as a table row ({shown})")


def _said_hypothetical(p: _Patterns, text: str, spans: list, i: int, end: int) -> bool:
    """Whether sentence i is said hypothetical or composite: in itself, the sentence before,
    anywhere earlier in its paragraph or the paragraph before, or its section's heading
    (up to `end`, for a sentence that continues sentence i's story)."""
    start = spans[i][0]
    before = spans[i - 1][0] if i else start
    paragraph = text.rfind("\n\n", 0, start) + 1
    previous = text.rfind("\n\n", 0, max(paragraph - 2, 0)) + 1
    return bool(
        p.hypothetical.search(text, min(before, previous), end)
        or _heading_says(p.hypothetical, text, start)
    )


def _heading_says(label: LazyPattern, text: str, start: int) -> bool:
    """Whether the heading of the section `start` is in labels it ("## A composite story")."""
    heading = text.rfind("\n#", 0, start) + 1 or (0 if text.startswith("#") else -1)
    if heading < 0:
        return False
    end = text.find("\n", heading)
    return bool(label.search(text, heading, end if end >= 0 else len(text)))


def story_findings(
    path: str, prose: Prose | TextsProse, index: LiteralIndex | None = None
) -> list[Finding]:
    """A finding for each client story in a prose, at its line."""
    findings = []
    for story in client_stories(prose.text, index):
        # At its first word: a body's first sentence starts on the blank line before it.
        first_word = _NOT_SPACE.search(prose.text, story.start)
        line, column = prose.line_col(first_word.start() if first_word else story.start)
        if story.identifiable:
            findings.append(
                Finding(path, line, column, IDENTIFIABLE, "confidentiality", "error",
                        f"this sentence {story.why}: it could identify a client",
                        "never publish a client's story; write a clearly hypothetical example "
                        "('imagine a parent who...'), or publish a consented case-vignette",
                        SOURCE)
            )  # fmt: skip
        else:
            findings.append(
                Finding(path, line, column, STORY, "confidentiality", "warning",
                        "this sentence tells of a client", "even without identifying details, "
                        "share experiences in general terms ('clients often tell me...') or "
                        "as a clearly hypothetical example", SOURCE)
            )  # fmt: skip
    return findings


@post_check(order=61)
def check_client_stories(ctx: PostContext) -> list[Finding]:
    if ctx.front_matter.type in ("testimonial", "case-vignette"):
        return []  # consented stories: consent.missing holds them to their record
    path = ctx.post.path
    return story_findings(path, ctx.published, ctx.published_index) + story_findings(
        path, ctx.words, ctx.index
    )
