"""Content-warning detection: a post that touches a sensitive topic must declare it."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..settings import Settings
from ..topics import mentions
from .registry import PostContext, RuleInfo, declare_family, post_check


@declare_family
def _rules(settings: Settings) -> Iterator[RuleInfo]:
    severity = settings.options.content_warning_detection
    for topic in settings.topics:
        yield RuleInfo(
            f"content-warning.undeclared-{topic}", "content-warning",
            severity if severity != "off" else "error",
            f"the post touches on {topic} but does not declare the warning",
            enabled=severity != "off",
        )  # fmt: skip


# Words of prose from which a post may touch a topic in passing (topics.Topic.in_passing).
PASSING_MIN_WORDS = 300


@post_check(order=10)
def check_content_warnings(ctx: PostContext) -> list[Finding]:
    post, model, prose, settings = ctx.post, ctx.front_matter, ctx.words, ctx.settings
    severity = settings.options.content_warning_detection
    if severity == "off":
        return []
    declared = set(model.content_warnings)
    shown = ctx.shown  # the title and description first: read first, and shared alone
    long_post = len(prose.text.split()) >= PASSING_MIN_WORDS
    findings = []
    for topic in settings.topics.values():
        if topic.id in declared:
            continue
        matches = [(shown, m) for m in topic.matches(shown.text, ctx.shown_index, declared)]
        matches += [(prose, m) for m in topic.matches(prose.text, ctx.index, declared)]
        if not matches:
            continue
        where, first = matches[0]
        line, column = where.line_col(first.start())
        term = " ".join(first.group(0).split())
        more = len(matches) - 1
        also = f" (and {more} more time{'s' if more != 1 else ''})" if more else ""
        message = (f"the post mentions '{term}'{also} but does not declare the "
                   f"'{topic.id}' content warning")  # fmt: skip
        hint = f"add {topic.id} to content_warnings, so readers are warned before the post"
        level = severity
        terms = [" ".join(m.group(0).split()) for _, m in matches]
        if topic.only_in_pointers((w.text, m) for w, m in matches):
            level = "warning"
            message = f"the post mentions '{term}'{also} only to point readers to help"
            hint = (f"a pointer to help needs no warning; if the post talks about "
                    f"{topic.label}, add {topic.id} to content_warnings")
        elif long_post and topic.in_passing(
            terms,
            all(w is prose for w, _ in matches),
            mentions((w.text, m) for w, m in matches),
        ):
            # One "alcohol" in a long post on sleep, or "grieving" a divorce, touches the
            # topic in passing: the writer is asked, not stopped (a short text that names
            # it is about it: an error).
            level = "warning"
            message = f"the post mentions '{term}'{also}, in passing"
            hint = (f"if the post talks about {topic.label}, add {topic.id} to "
                    "content_warnings; a word in passing needs none")
        findings.append(Finding(post.path, line, column, f"content-warning.undeclared-{topic.id}",
                                "content-warning", level, message, hint))  # fmt: skip
    return findings
