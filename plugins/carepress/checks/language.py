"""Run the language rule packs (safe messaging, stigma, clinical advice, confidentiality)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..prefilter import LiteralIndex
from ..prose import Prose
from ..published_texts import TextsProse
from ..rulepack import Match, Rule
from ..settings import Settings
from .registry import PostContext, RuleInfo, declare_family, post_check


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _listed(rule: Rule, text: str, settings: Settings) -> bool:
    if rule.allow_listed == "phone":
        digits = _digits(text)
        return any(digits.endswith(allowed) for allowed in settings.allowed_phone_digits)
    if rule.allow_listed == "email":
        address = text.lower()
        domain = address.rpartition("@")[2]
        return address in settings.allowed_emails or domain in settings.practice_domains
    return False


def rule_matches(
    rule: Rule, text: str, settings: Settings, index: LiteralIndex | None = None
) -> Iterator[Match]:
    """A rule's matches in prose, less the practice's own and the crisis lines' numbers."""
    for match in rule.matches(text, index):
        if not (rule.allow_listed and _listed(rule, match.text, settings)):
            yield match


@declare_family
def _rules(settings: Settings) -> Iterator[RuleInfo]:
    """The rule packs' rules (data/rules/*.yml and the practice's files), less disabled ones."""
    for rule in (settings.every_pack_rule or settings.rules).values():
        # "'{match}' implies a crime or sin" lists as "a phrase that implies a crime or sin".
        summary = rule.message.replace("'{match}'", "a phrase that").replace("{match}", "…")
        on = rule.id in settings.rules
        yield RuleInfo(rule.id, rule.category, rule.severity, summary, rule.source, enabled=on)


@post_check(order=60)
def check_language(ctx: PostContext) -> list[Finding]:
    body = language_findings(ctx.post.path, ctx.words, ctx.settings, ctx.index)
    published = language_findings(ctx.post.path, ctx.published, ctx.settings, ctx.published_index)
    return published + body


def language_findings(
    path: str,
    prose: Prose | TextsProse,
    settings: Settings,
    index: LiteralIndex | None = None,
) -> list[Finding]:
    findings = []
    index = index or LiteralIndex(prose.text, settings.literal_search)
    for rule in settings.rules.values():
        for match in rule_matches(rule, prose.text, settings, index):
            text = " ".join(match.text.split())
            line, column = prose.line_col(match.start)
            severity = rule.severity_with_detail if match.with_detail else rule.severity
            message = rule.message.format(match=text)
            if match.with_detail:
                message += ", with details that could identify the person"
            hint = rule.hint.format(suggestion=match.suggestion, match=text)
            findings.append(
                Finding(
                    path,
                    line,
                    column,
                    rule.id,
                    rule.category,
                    severity,
                    message,
                    hint,
                    rule.source,
                )
            )
    return findings
