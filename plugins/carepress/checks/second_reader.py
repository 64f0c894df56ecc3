"""The second reader's findings: sentences the trained model (second_reader.py) reads as one
of the safety categories where no rule of that category found anything on that line.

Warnings only: the model can say which sentence, not which words, and about one good post in
ten gets one. A practice switches a category off in mkdocs.yml (`rules:`), a post with a
comment (`<!-- carepress-disable second-reader.cw-suicide -- quoting the guidance -->`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..findings import Finding
from ..rulepack import MENTION_WORDS
from ..second_reader import categories, rule_prefix
from .registry import PostContext, RuleInfo, declare, post_check

if TYPE_CHECKING:
    from ..topics import Topic

PREFIX = "second-reader."
_SAYS = {
    "citation": ("reads as a statistic or research finding with no source",
                 "cite the source ([@id]), or say it as the practice's view"),
    "clinical-advice": ("reads as clinical advice to one reader (medication, a diagnosis, "
                        "a promised result)", "describe what is known, and send readers to "
                        "their own clinician"),
    "confidentiality": ("reads as a story about a client someone could recognise",
                        "leave out names, ages, places, dates and roles, or say it is a "
                        "composite; a client's own words need their consent"),
    "safe-messaging": ("reads as speaking of suicide in a way safe-messaging guidance warns "
                       "against (method or place, relief or a way out, inevitability, "
                       "sensational words)", "reread it against the guidance (README, "
                       "\"Safe messaging\"); say what helps and where to find it"),
    "stigma": ("reads as stigmatising language about mental illness or substance use",
               "use person-first, plain words (\"a person with schizophrenia\")"),
}  # fmt: skip


# A sentence in the guidance's own words ("died by suicide", "survived a suicide attempt",
# "lost her brother to suicide") is what safe messaging asks for: the model reads the topic in
# it, not the framing (on the development half, 14 of its 19 false alarms and none of its
# catches). A rule of the pack still reads such a sentence for what it says beside them.
_GUIDANCE_WORDS = re.compile(
    r"\b(?:di(?:ed|es|e|ing) by suicide|deaths? by suicide|suicide attempts?|attempted suicide"
    r"|(?:survived|survivors? of) (?:a |an |her |his |their |my )?attempt"
    r"|lost (?:[\w'’-]+ ){1,3}to suicide|loss(?:es)? to suicide"
    r"|took (?:his|her|their|my) own life|ended (?:his|her|their|my) (?:own )?life)\b",
    re.IGNORECASE,
)

# The prose keeps what marks a heading, a list item, a quotation or emphasis, and a link's
# brackets; the model was trained on sentences without them.
_MARKS = re.compile(r"^(?:\s*>)*\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)?|[*_`\[\]]+")


# Phrases shown as examples ("- `committed suicide`, `completed suicide`" under "Avoid:"):
# code or quotations no longer than the rules' mentions (MENTION_WORDS), and nothing around
# them but "or", "and" and punctuation. A longer quotation is what readers read.
_SHOWN_PHRASE = re.compile(r"`[^`\n]+`|“[^”\n]*”|\"[^\"\n]*\"")
_BETWEEN_PHRASES = re.compile(r"\b(?:or|and)\b|[^a-z]+", re.IGNORECASE)


def _as_read(sentence: str) -> list[str]:
    """A prose sentence as the model was trained to read it: marks out, table cells apart;
    a sentence mostly in another script than Latin is left out (the model reads English), and
    so is a list of phrases shown as examples: the rules read those as mentions, not uses."""
    table_row = sentence.lstrip().startswith("|")
    cells = sentence.strip().strip("|").split("|") if table_row else [sentence]
    return [
        " ".join(_MARKS.sub(" ", cell).split()) if _latin(cell) and not _only_shown(cell) else ""
        for cell in cells
    ]


def _only_shown(text: str) -> bool:
    shown = _SHOWN_PHRASE.findall(text)
    if not shown or any(len(phrase.split()) > MENTION_WORDS for phrase in shown):
        return False
    return not _BETWEEN_PHRASES.sub("", _SHOWN_PHRASE.sub(" ", text))


def _latin(text: str) -> bool:
    if text.isascii():
        return True
    letters = [c for c in text if c.isalpha()]
    return sum(c < "\u0250" for c in letters) * 2 >= len(letters)  # Latin up to IPA


def _everyday(topic: Topic, text: str, start: int, end: int) -> bool:
    """Whether the sentence holds one of the topic's everyday phrases (its exceptions: a nick
    while shaving, a relapse of the weather): what tells the rules it is not the topic tells
    the model too (on the development half, 17 of its 40 content-warning false alarms and
    none of its catches)."""
    found = topic.exceptions
    return found is not None and found.compiled.search(text, start, end) is not None


def _rule_id(category: str) -> str:
    return PREFIX + category


def _finding_category(category: str) -> str:
    return "content-warning" if category.startswith("cw-") else category


def _message(category: str) -> tuple[str, str]:
    if category.startswith("cw-"):
        topic = category[3:]
        label = topic.replace("-", " ")
        return (f"reads as being about {label}, which the post does not declare",
                f"if it is, add {topic} to content_warnings; if not, nothing to do")  # fmt: skip
    return _SAYS[category]


declare(*(
    RuleInfo(_rule_id(category), _finding_category(category), "warning",
             f"the second reader (a trained model): a sentence {_message(category)[0]}")
    for category in categories()
))  # fmt: skip


@post_check(order=99)  # last: it reads what the rules found before it
def check_second_reader(ctx: PostContext) -> list[Finding]:
    from ..prose import sentence_spans
    from ..second_reader import second_reader

    if not ctx.settings.addressing.language.startswith("en"):
        return []  # trained on English: in another language it would only guess
    text = ctx.words.text
    spans = sentence_spans(text)
    if not spans:
        return []
    reader = second_reader()
    topics = set(ctx.settings.options.content_warnings)
    declared = set(ctx.front_matter.content_warnings)
    cited_at = [c.start for c in ctx.citations]
    locate = ctx.post.body_lines.line_col
    spoken: dict[int, list[str]] = {}
    for found in ctx.found:
        spoken.setdefault(found.line, []).append(found.rule)
    findings = []
    units, unit_spans = [], []
    for span in spans:
        for unit in _as_read(text[span[0] : span[1]]):
            units.append(unit)
            unit_spans.append(span)
    for index, category in reader.flagged(units):
        start, end = unit_spans[index]
        start += len(text[start:end]) - len(text[start:end].lstrip())
        if category.startswith("cw-"):
            topic = category[3:]
            if topic in declared or topic not in topics:
                continue
            if _everyday(ctx.settings.topics[topic], text, start, end):
                continue
        if category == "citation" and any(start <= at < end for at in cited_at):
            continue
        if category == "safe-messaging" and _GUIDANCE_WORDS.search(text, start, end):
            continue
        line, column = locate(start)
        if any(rule.startswith(rule_prefix(category)) for rule in spoken.get(line, ())):
            continue  # a rule of the category already said what is wrong there
        message, hint = _message(category)
        findings.append(Finding(ctx.post.path, line, column, _rule_id(category),
                                _finding_category(category), "warning",
                                f"the second reader: this sentence {message}", hint))  # fmt: skip
    return findings
