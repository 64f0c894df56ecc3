"""Readability per audience: Flesch-Kincaid grade and SMOG, and very long sentences.

Syllables come from syllapy (a word list shipped in the package, with a rule-based fallback),
so the check needs no download and works offline. The two formulas disagree systematically
(SMOG punishes the long words a health topic cannot avoid: "depression", "medication"), so
the grade compared with the target is their mean; both are reported.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import syllapy

from ..findings import Finding
from ..prose import BLOCK_RE, Prose, blank
from .registry import PostContext, RuleInfo, declare, post_check

_PLAIN_LANGUAGE = "https://www.cdc.gov/health-literacy/php/develop-materials/plain-language.html"
declare(
    RuleInfo("readability.grade", "readability", "warning",
             "the reading grade is above the audience's target (readability > max_grade)",
             _PLAIN_LANGUAGE),
    RuleInfo("readability.long-sentence", "readability", "warning",
             "a sentence longer than readability > max_sentence_words"),
)  # fmt: skip

_WORD_RE = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_SENTENCE_RE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
# [ \t], not \s: \s would reach across line breaks, and from every line start of a long
# run of empty lines (a quadratic scan).
_LIST_MARK_RE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+", re.M)


@cache
def syllables(word: str) -> int:
    return max(1, sum(syllapy.count(part) for part in re.split(r"[-’']", word) if part))


class Sentence(NamedTuple):  # a tuple: made ~80 times per post
    start: int
    words: int
    syllables: int
    polysyllables: int


_ITEM_START_RE = re.compile(r"\n(?=[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t])")


def _sentence(start: int, text: str) -> Sentence | None:
    words = _WORD_RE.findall(text)
    if not words:
        return None
    total = poly = 0
    for word in words:
        count = syllables(word)
        total += count
        poly += count >= 3
    return Sentence(start + len(text) - len(text.lstrip()), len(words), total, poly)


def sentences(prose: Prose) -> Iterator[Sentence]:
    """Sentences of paragraphs and list items; headings are skipped."""
    text = prose.text  # citations are already blanked by the caller (check.without_citations)
    for block in BLOCK_RE.finditer(text):
        if block.group(0).lstrip().startswith(("#", "|")):
            continue
        # Each list item is a sentence of its own, even without a full stop.
        offset = block.start()
        for item in _ITEM_START_RE.split(block.group(0)):
            item_text = _LIST_MARK_RE.sub(blank, item)
            for m in _SENTENCE_RE.finditer(item_text):
                sentence = _sentence(offset + m.start(), m.group(0))
                if sentence is not None:
                    yield sentence
            offset += len(item) + 1  # the line break the split removed


@dataclass(frozen=True)
class Scores:
    flesch_kincaid: float
    smog: float
    sentences: int
    words: int


def scores(all_sentences: list[Sentence]) -> Scores | None:
    n = len(all_sentences)
    words = sum(s.words for s in all_sentences)
    if n == 0 or words == 0:
        return None
    syl = sum(s.syllables for s in all_sentences)
    poly = sum(s.polysyllables for s in all_sentences)
    fk = 0.39 * words / n + 11.8 * syl / words - 15.59
    smog = 1.043 * math.sqrt(poly * 30 / n) + 3.1291
    return Scores(round(fk, 1), round(smog, 1), n, words)


@post_check(order=70)
def check_readability(ctx: PostContext) -> list[Finding]:
    post, model, prose, settings = ctx.post, ctx.front_matter, ctx.words, ctx.settings
    options = settings.options.readability
    found = list(sentences(prose))
    findings = []
    targets = [options.max_grade[a] for a in model.audience if a in options.max_grade]
    result = scores(found)
    if targets and result and result.sentences >= 10:
        target = min(targets)
        grade = round((result.flesch_kincaid + result.smog) / 2, 1)
        if grade > target:
            findings.append(
                Finding(
                    post.path,
                    post.body_line,
                    1,
                    "readability.grade",
                    "readability",
                    "warning",
                    f"reading grade {grade:g} (mean of Flesch-Kincaid "
                    f"{result.flesch_kincaid:g} and SMOG {result.smog:g}) "
                    f"is above the target of {target:g} for "
                    f"{', '.join(a for a in model.audience if a in options.max_grade)}",
                    "use shorter sentences and everyday words; split long paragraphs",
                    _PLAIN_LANGUAGE,
                )
            )
    for sentence in found:
        if sentence.words > options.max_sentence_words:
            line, column = prose.line_col(sentence.start)
            findings.append(
                Finding(
                    post.path,
                    line,
                    column,
                    "readability.long-sentence",
                    "readability",
                    "warning",
                    f"this sentence has {sentence.words} words (more than "
                    f"{options.max_sentence_words})",
                    "split it into two or three sentences",
                )
            )
    return findings
