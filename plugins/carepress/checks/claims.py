"""Claims that need a source: statistics and research findings without a nearby citation."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from ..findings import Finding, shortened
from ..inline_citations import CITATION_RE
from ..model import FrontMatter
from ..prefilter import GatedPattern, LiteralIndex
from ..prose import BLOCK_RE
from ..rulepack import LazyPattern
from ..rules import as_typed, packaged
from ..settings import Settings
from .registry import PostContext, RuleInfo, declare_family, post_check

FOOTNOTE_REF_RE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
# A footnote's definition, with its indented continuation lines.
_FOOTNOTE_DEF_RE = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:(.*(?:\n(?: {4}|\t).*)*)", re.M)
# What makes a footnote a source: an address, a source's key, a DOI, or a year of publication
# with who published it (an acronym, "et al.", an author's "Smith," or "Smith (", a quoted or
# italic title, or a publisher's word). A year alone ("First reported in 2011.", an outside
# red team's) names nobody to check.
_SOURCE_IN_NOTE_RE = re.compile(r"https?://|\[@|\bdoi\b", re.I)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_PUBLISHER_RE = re.compile(
    r"\b[A-Z]{2,}\b|\bet al\b|\b[A-Z][a-z]+(?:,| \(|\.(?= [A-Z]))|[\"“*_][^\"”*_\n]{3,}[\"”*_]"
    r"|\b(?:Journal|Review|Press|University|Institute|Association|Organi[sz]ation|Department|"
    r"Agency|Centers?|Centres?|Society|College|Foundation|Trust|Council|Survey|Report|Lancet)\b"
)


def _names_a_source(note: str) -> bool:
    if _SOURCE_IN_NOTE_RE.search(note):
        return True
    return bool(_YEAR_RE.search(note) and _PUBLISHER_RE.search(note))


def sourced_footnotes(body: str) -> frozenset[str]:
    """The labels of the footnotes that name a source ("[^1]: This is widely agreed on" is
    a remark, not a source: a claim it follows is uncited)."""
    if "[^" not in body:
        return frozenset()
    return frozenset(m.group(1) for m in _FOOTNOTE_DEF_RE.finditer(body)
                     if _names_a_source(m.group(2)))  # fmt: skip
# A sentence ends at its stop (and a footnote mark right after it: "shrinks it.[^1] That
# is why"), or where the next list item starts.
_SENTENCE_END_RE = re.compile(
    r"(?<=[.!?])[\"”’)]*(?:\[\^[^\]\s]+\])?\s+(?=[\"“(]?[A-Z0-9])"
    r"|\n(?=[ \t]*(?:[-*+]|\d+[.)])[ \t])"
)
# A question asks, and what a therapist sees in their own office is their experience: each
# claims only with a number in it ("Did you know one in five...?" does).
# A belief named as a myth is the writer's subject, not their claim ("## Myth 3: "If I think
# it, it's more likely to happen.""); the fact that answers it is still read.
_MYTH_RE = re.compile(
    r"^[#*_>\s]*(?:(?:a |the )?(?:common |popular )?(?:myth|misconception|misbelief)s?"
    r"(?: (?:#\s?)?\d{1,2}| (?:one|two|three|four|five|six|seven|eight|nine|ten))?)[*_]*\s*:",
    re.IGNORECASE,
)
_QUESTION_RE = re.compile(r"\?[\"”’)*_]*\s*$")
# A rhetorical question states what it asks ("Why are we surprised that diagnoses have tripled?",
# "Isn't it time we admitted that therapy works better than tablets?"): a claim all the same.
_RHETORICAL_RE = re.compile(
    r"^\W*(?:why (?:are|is|do|does|did|were|should) (?:we|you|people|anyone|they|so many) (?:\w+ )?"
    r"(?:surprised|shocked|amazed|still|pretending|ignoring)|isn['’]t it (?:time|true|obvious|"
    r"clear)|don['’]t you know|how (?:is|can) it (?:still )?be (?:acceptable|ok|okay)|"
    # Batch AT: "Is it any wonder ... that loneliness shortens a life ...?", "Was it not shown
    # that ...?"
    r"is it any wonder|(?:was|has) it not been shown|was it not shown)\b",
    re.IGNORECASE,
)
_OWN_EXPERIENCE_RE = re.compile(
    r"\b(?:in|from|across|over) my (?:\w+ ){0,2}(?:office|practice|work|experience|clinic|"
    r"caseload|sessions|therapy room|years)\b|\b(?:people|clients|parents|couples) (?:\w+ )?"
    r"(?:bring|brings) (?:up|to me|to us|into (?:my|our|the) (?:office|sessions?))|"
    r"\b(?:I|we) (?:often |regularly )?(?:see|hear|meet|notice)\b|\bas an? (?:\w+ )?(?:therapist|"
    r"counsell?or|psychologist|clinician|social worker)\b",
    re.IGNORECASE,
)
# Everyday figures: the practice's fees and prices, what its readers did with its newsletter
# ("Fees rise by 5% in January", "Sixty per cent of you read last month's issue on a phone"), a
# household's bills, a phone's battery, a game's win rate. With no word of health in the
# sentence, nothing a reader needs a source for.
_EVERYDAY_FIGURES_RE = re.compile(
    r"\b(?:fees?|prices?|charges?|discounts?|VAT|invoices?|deposits?|refunds?|sliding scale|"
    r"per session|session costs?|rent|mortgage|bills|council tax|salary|wages|win rate|"
    r"battery|interest rates?|(?:%|per ?cent) off|my (?:diet|phone|playlist|wardrobe|fridge|"
    r"personality|week|weekend)|phone (?:on|at|down to)|"
    r"of you (?:\w+ )?(?:read|opened|clicked|answered|voted|replied|said|told us|asked|"
    r"chose|picked|signed up|came|filled in|took part|joined|downloaded)|"
    r"our (?:newsletter|survey|poll|readers|subscribers|mailing list|open rate)|"
    # Batches AP and AR: the weather and the sky, a vote or a turnout, training completed,
    # a poll the writer calls unscientific.
    r"rain(?:fall)?|snow(?:fall)?|rain gauge|temperatures?|heatwave|weather|forecast|aurora|"
    r"eclipse|tides?|voted|members|attendance|turnout|membership|congregation|footfall|"
    r"completed the|module|"
    r"(?:deeply |very |totally |completely |entirely |highly )?unscientific|"
    # Batches AV and AX: a club's results or squad, a book club or staff survey, petrol prices,
    # visitor numbers, the writer's own housemates.
    r"home games|away games|wins|matches|under-\d{1,2}s|squad|book club|christmas party|"
    r"petrol|diesel|fuel|visitor numbers|ticket sales|balcon(?:y|ies)|"
    r"(?:of )?my (?:housemates|flatmates|classmates|friends|mates|cousins|siblings|colleagues)|"
    # Batches AY and AZ: a paper on a journal club's list, a car park closed for resurfacing,
    # a team's possession.
    r"journal club|reading list|car ?parks?|parking|resurfacing|roadworks|possession)\b",
    re.IGNORECASE,
)
_HEALTH_RE = re.compile(
    r"\b(?:depress\w*|anxi\w+|suicid\w*|disorders?|illness\w*|symptoms?|diagnos\w+|risks?|"
    r"relapse\w*|recover\w*|mental health|treatment|therapy works|effective|prevalence|"
    r"deaths?|dying|harm\w*|addict\w*|trauma\w*|stress\w*|sleep\w*|lonel\w+|antidepress\w*|"
    r"prescri\w*|medication|medicines?|overdos\w*|admissions)\b",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|half|a third|"
    r"a quarter)\b (?:in|out of|of (?:all|every)|percent|per cent|times)\b|^\W*did you know",
    re.IGNORECASE,
)
_SEVERITY_RANK = {"off": 0, "info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True)
class Claim:
    start: int  # offset of the claim's trigger in the body
    sentence: str
    kind: str


@cache
def claim_patterns() -> dict[str, str]:
    data = packaged("claims.yml")
    words, not_effort = data["number_words"], data["not_effort"]
    return {
        kind: as_typed(pattern.replace("{n}", words).replace("{not_effort}", not_effort))
        for kind, pattern in data["patterns"].items()
    }


@dataclass(frozen=True)
class ClaimPattern(GatedPattern):
    """One kind of claim, compiled on first use: most paragraphs need few kinds."""

    kind: str = ""


@cache
def claim_parts() -> tuple[ClaimPattern, ...]:
    """One expression per kind, each with the literals it needs: a paragraph is searched
    only for the kinds whose literals it holds (most hold few). Every pattern starts with a
    letter or digit, so \\b starts them; not \\b at the end: a pattern may end in "%"."""
    parts = []
    for kind, pattern in claim_patterns().items():
        lazy = LazyPattern(rf"\b(?:{pattern})(?!\w)", regex.IGNORECASE, f"claims.yml: {kind}")
        parts.append(ClaimPattern(lazy, kind))
    return tuple(parts)


_HEADING_RE = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
_ASKING_HEADING_RE = re.compile(
    r"[ \t]{0,3}#{1,6}[ \t]+(?:[^\n]*\?[ \t#]*(?:\n|$)"
    r"|[*_]*(?:why|how|what|when|where|who|which|whether)\b)",
    re.IGNORECASE,
)


def _blocks(text: str) -> Iterator[tuple[int, str, str]]:
    """Paragraphs, list blocks and headings, with their offsets and the text whose citation
    cites them: a block its own; a heading its own or its section's first paragraph's (a
    heading states a claim its section goes on to source: "## Exercise works as well as
    antidepressants", a fourth outside red team's); a heading that asks claims nothing."""
    blocks = [(m.start(), m.group(0)) for m in BLOCK_RE.finditer(text) if m.group(0).strip()]
    for n, (offset, block) in enumerate(blocks):
        if _HEADING_RE.match(block):
            if _ASKING_HEADING_RE.match(block):
                continue  # a heading that asks ("## 5% of what?", "## Why later life can
                # raise the risk") names what its section answers: it claims nothing
            following = blocks[n + 1][1] if n + 1 < len(blocks) else ""
            following = "" if _HEADING_RE.match(following) else following
            yield offset, block, block + "\n" + following
        else:
            yield offset, block, block


# A figure: digits, or a number, share or multiple in words ("eleven years", "a third",
# "twice as likely"); "one" is left out ("one of the few ways" states no figure).
_FIGURE_RE = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundreds?|thousands?|millions?|billions?|half|halves|halved|thirds?|"
    r"quarters?|twice|double[sd]?|doubling|triple[sd]?|tripling|fourfold|threefold|twofold|"
    r"tenfold|percent|per cent)\b",
    re.IGNORECASE,
)


def _last_citation(text: str, sourced: frozenset[str] | None) -> int:
    """Where the last citation of `text` starts (a source's key, or a footnote that names a
    source, or any footnote when `sourced` is None), or -1."""
    found = [m.start() for m in CITATION_RE.finditer(text)]
    found += [m.start() for m in FOOTNOTE_REF_RE.finditer(text)
              if sourced is None or m.group(1) in sourced]  # fmt: skip
    return max(found, default=-1)


def _sentences(block: str) -> Iterator[tuple[int, int]]:
    start = 0
    for end in _SENTENCE_END_RE.finditer(block):
        yield start, end.start()
        start = end.end()
    yield start, len(block)


def _kinds_by_block(
    blocks: list[tuple[int, str, str]], index: LiteralIndex | None
) -> list[list[ClaimPattern]]:
    """For each block, the kinds (in their order) whose literals a paragraph it overlaps
    holds: each kind's paragraphs placed among the blocks by bisection, not every kind
    tested against every block."""
    parts = claim_parts()
    if index is None:
        return [list(parts) for _ in blocks]
    starts = [offset for offset, _, _ in blocks]
    kinds: list[list[ClaimPattern]] = [[] for _ in blocks]
    for part in parts:
        last = -1  # a kind is listed once a block, however many of its paragraphs overlap
        for a, b in index.spans(part.literals):
            # Blocks start in order and do not overlap: those that overlap [a, b) are the
            # one holding a, then those starting before b.
            first = max(bisect.bisect_right(starts, a) - 1, 0, last + 1)
            for n in range(first, bisect.bisect_left(starts, b)):
                if starts[n] + len(blocks[n][1]) > a:
                    kinds[n].append(part)
                    last = n
    return kinds


def find_claims(
    text: str,
    uncited_only: bool = False,
    index: LiteralIndex | None = None,
    sourced: frozenset[str] | None = None,
) -> Iterator[tuple[Claim, bool]]:
    """Every claim sentence, with whether its paragraph carries a citation or footnote.
    With `index` (of this text, or of the same text with citations blanked), a kind is
    looked for only in the paragraphs holding one of its literals. With `sourced` (the
    post's `sourced_footnotes`), only a footnote naming a source cites."""
    blocks = list(_blocks(text))
    for (offset, block, citing), kinds in zip(blocks, _kinds_by_block(blocks, index), strict=True):
        if not kinds:
            continue
        # A citation covers the block's claims, except a figure stated after the last one
        # ("Walks lift mood [@a]. Men wait an average of eleven years." leaves the figure
        # uncited: an outside red team's); a claim in words after it goes on from the
        # source, as writers do ("...[@a]. Most people who live here don't develop it.").
        # A heading's citation is its section's first paragraph's.
        cited_to = _last_citation(citing, sourced)
        if citing is not block and cited_to >= 0:
            cited_to = len(block)
        sentences = list(_sentences(block))
        # A paragraph with no match holds no sentence with one (sentences end at non-word
        # characters, so the patterns' word edges read the same): one search each skips it.
        if uncited_only and cited_to >= 0 and not _FIGURE_RE.search(block, cited_to):
            continue
        kinds = [part for part in kinds if part.pattern.search(block)]
        if not kinds:
            continue
        for start, stop in sentences:
            cited = cited_to >= start or (
                cited_to >= 0 and not _FIGURE_RE.search(block, start, stop)
            )
            if cited and uncited_only:
                continue
            found = [
                (m.start(), part.kind)
                for part in kinds
                if (m := part.pattern.search(block, start, stop))
            ]
            if found:
                at, kind = min(found, key=lambda f: f[0])
                sentence = block[start:stop].strip()
                asks = (
                    _QUESTION_RE.search(sentence) and not _RHETORICAL_RE.search(sentence)
                ) or _OWN_EXPERIENCE_RE.search(sentence)
                if asks and not _NUMBER_RE.search(sentence):
                    continue  # "What side effects are most common?" asks a prescriber
                if _MYTH_RE.match(sentence):
                    continue
                if _EVERYDAY_FIGURES_RE.search(sentence) and not _HEALTH_RE.search(sentence):
                    continue
                yield Claim(offset + at, sentence, kind), cited


def _severity(model: FrontMatter, settings: Settings) -> str:
    levels = settings.options.uncited_claims
    return max((levels.get(a, "error") for a in model.audience), key=_SEVERITY_RANK.__getitem__)


@declare_family
def _rules(settings: Settings) -> Iterator[RuleInfo]:
    levels = settings.options.uncited_claims
    by_audience = ", ".join(f"{audience} {level}" for audience, level in sorted(levels.items()))
    highest = max(levels.values(), key=_SEVERITY_RANK.__getitem__, default="error")
    for kind in claim_patterns():
        yield RuleInfo(
            f"citation.uncited-{kind.replace('_', '-')}", "citation", highest,
            f"a statistic or research finding ({kind.replace('_', ' ')}) without a citation "
            f"nearby; by audience: {by_audience} (uncited_claims)",
            enabled=highest != "off",
        )  # fmt: skip


@post_check(order=40)
def check_claims(ctx: PostContext) -> list[Finding]:
    # Prose keeps citations (find_claims looks for them) and blanks code and URLs.
    post, model, prose, settings = ctx.post, ctx.front_matter, ctx.prose, ctx.settings
    severity = _severity(model, settings)
    if severity == "off":
        return []
    # Prose keeps citations and blanks code and URLs: numbers there are not claims.
    findings = []
    first = model.sources[0].id if model.sources and model.sources[0].id else "1"
    example = f"[@{first}]" if model.sources else "[@source-id], after adding it to sources:"
    sourced = sourced_footnotes(post.body)
    claims = [(prose, c) for c, _ in find_claims(prose.text, True, ctx.index, sourced)]
    # A title, description or alt text carries no citation of its own: feeds, link previews
    # and snippets show it alone.
    shown = ctx.shown
    claims = [(shown, c) for c, _ in find_claims(shown.text, True, ctx.shown_index)] + claims
    for where, claim in claims:
        line, column = where.line_col(claim.start)
        excerpt = shortened(" ".join(claim.sentence.split()), 80)
        findings.append(
            Finding(
                post.path,
                line,
                column,
                f"citation.uncited-{claim.kind.replace('_', '-')}",
                "citation",
                severity,  # type: ignore[arg-type]
                f"this sentence states a statistic or research finding without a source: "
                f'"{excerpt}"',
                f"cite a source in the same sentence or paragraph, e.g. {example}"
                if where is prose
                else "this text is shared without the post's sources (feeds, link previews, "
                "snippets): keep the figure or finding for the body, next to its citation",
            )
        )
    return findings
