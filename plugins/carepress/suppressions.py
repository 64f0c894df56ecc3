"""In-place suppressions: `<!-- carepress-disable rule-id -->` ... `<!-- carepress-enable
rule-id -->` and `<!-- carepress-disable-next-line rule-id -->`; a `disable` at the top of
the body covers the whole file, front matter included. A suppression must name its
rules, and one that suppresses nothing is reported, so stale suppressions do not pile up.

Switching off an error that keeps readers safe (a content warning, safe messaging, a
client's privacy, clinical advice, crisis help) takes a reason after `--`, and the check
then lists it (info), so a reviewer sees every one: `<!-- carepress-disable-next-line
confidentiality.client-story -- our own staff bio, shared with consent -->`."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .content import PostFile
from .findings import Finding

if TYPE_CHECKING:
    from .checks.registry import RuleInfo

KnownRules = Callable[[], Mapping[str, "RuleInfo"]]
# The categories whose errors stand between a reader and harm.
SAFETY_CATEGORIES = frozenset(
    {"content-warning", "safe-messaging", "confidentiality", "clinical-advice", "crisis"}
)

_COMMENT_RE = re.compile(
    r"<!--\s*carepress-(?P<kind>disable-next-line|disable|enable)\b(?P<ids>[^>]*?)-->"
)


@dataclass
class _Range:
    rule: str
    first: int
    last: int
    line: int  # where the comment is
    reason: str = ""  # after "--" in the comment
    used: bool = False
    safety_error: bool = False  # it switched off an error of a SAFETY_CATEGORIES rule


def _ranges(post: PostFile, known_rules: KnownRules) -> tuple[list[_Range], list[Finding]]:
    comments = list(_COMMENT_RE.finditer(post.body))
    if not comments:  # nearly every post: no need to gather every rule id
        return [], []
    known = known_rules()
    ranges: list[_Range] = []
    problems: list[Finding] = []
    open_: dict[str, _Range] = {}
    end = post.body_line + post.body.count("\n")
    for m in comments:
        line = post.body_lines.line(m.start())
        named, _, reason = m.group("ids").partition("--")
        reason = " ".join(reason.split())
        ids = [i for i in re.split(r"[\s,]+", named.strip()) if i]
        kind = m.group("kind")
        if not ids:
            problems.append(
                Finding(
                    post.path,
                    line,
                    1,
                    "suppression.unnamed",
                    "suppression",
                    "error",
                    f"carepress-{kind} must name the rule it suppresses",
                    f"write <!-- carepress-{kind} rule-id --> with the rule shown in the finding",
                )
            )
            continue
        for rule in ids:
            if rule in known and not known[rule].adjustable:
                problems.append(
                    Finding(
                        post.path, line, 1, "suppression.not-allowed", "suppression", "error",
                        f"'{rule}' cannot be suppressed: the build refuses such a post "
                        "whatever the comments say",
                        "remove the markup the finding names",
                    )
                )  # fmt: skip
            elif rule not in known:
                problems.append(
                    Finding(
                        post.path,
                        line,
                        1,
                        "suppression.unknown-rule",
                        "suppression",
                        "error",
                        f"there is no rule '{rule}'",
                        "copy the rule id from the finding you mean to suppress",
                    )
                )
            elif kind == "disable-next-line":
                ranges.append(_Range(rule, line + 1, line + 1, line, reason))
            elif kind == "disable":
                # At the top of the body it covers the whole file, front matter included.
                first = 1 if not post.body[: m.start()].strip() else line
                open_[rule] = _Range(rule, first, end, line, reason)
                ranges.append(open_[rule])
            elif rule in open_:
                open_.pop(rule).last = line
    return ranges, problems


def apply_suppressions(
    post: PostFile, findings: list[Finding], known_rules: KnownRules
) -> list[Finding]:
    ranges, problems = _ranges(post, known_rules)
    kept = []
    for finding in findings:
        hit = next(
            (r for r in ranges if r.rule == finding.rule and r.first <= finding.line <= r.last),
            None,
        )
        if hit is None:
            kept.append(finding)
        else:
            hit.used = True
            hit.safety_error |= finding.is_error and finding.category in SAFETY_CATEGORIES
    for r in ranges:
        if r.safety_error:
            kept.append(_safety_note(post, r))
        if not r.used:
            kept.append(
                Finding(
                    post.path,
                    r.line,
                    1,
                    "suppression.unused",
                    "suppression",
                    "warning",
                    f"nothing here is suppressed by '{r.rule}'",
                    "remove the comment: the finding it was for is gone",
                )
            )
    return kept + problems


def _safety_note(post: PostFile, switched_off: _Range) -> Finding:
    """What a reviewer must see: a rule that keeps readers safe, switched off, and why."""
    rule, line = switched_off.rule, switched_off.line
    if not switched_off.reason:
        return Finding(
            post.path, line, 1, "suppression.no-reason", "suppression", "error",
            f"'{rule}' keeps readers safe: switching it off needs a reason a reviewer can read",
            f"write the reason after '--': <!-- carepress-disable... {rule} -- why it does not "
            "apply here -->, or fix what the finding names",
        )  # fmt: skip
    return Finding(
        post.path, line, 1, "suppression.safety-rule-off", "suppression", "info",
        f"'{rule}' is switched off here: {switched_off.reason}",
        "a reviewer should agree with the reason before the post is published",
    )  # fmt: skip
