"""Content-warning detection: a post that touches a sensitive topic must declare it."""

from __future__ import annotations

from ..content import PostFile
from ..findings import Finding
from ..model import FrontMatter
from ..prefilter import LiteralIndex
from ..prose import Prose
from ..settings import Settings


def check_content_warnings(
    post: PostFile,
    model: FrontMatter,
    prose: Prose,
    settings: Settings,
    index: LiteralIndex | None = None,
) -> list[Finding]:
    severity = settings.options.content_warning_detection
    if severity == "off":
        return []
    declared = set(model.content_warnings)
    findings = []
    for topic in settings.topics.values():
        if topic.id in declared:
            continue
        matches = list(topic.matches(prose.text, index))
        if not matches:
            continue
        first = matches[0]
        line, column = prose.line_col(first.start())
        term = " ".join(first.group(0).split())
        more = len(matches) - 1
        also = f" (and {more} more time{'s' if more != 1 else ''})" if more else ""
        findings.append(
            Finding(
                post.path,
                line,
                column,
                f"content-warning.undeclared-{topic.id}",
                "content-warning",
                severity,
                f"the post mentions '{term}'{also} but does not declare the "
                f"'{topic.id}' content warning",
                f"add {topic.id} to content_warnings, so readers are warned before the post",
            )
        )
    return findings
