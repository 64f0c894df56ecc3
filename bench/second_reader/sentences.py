"""A Markdown post cut into the sentences the second reader scores.

Training and the runtime scorer must cut posts the same way, or the thresholds chosen here
mean nothing there: this file is the reference. What it does, in order:

- drops the front matter, HTML comments and fenced code;
- makes each heading, list item, table cell and footnote definition a unit of its own, and
  keeps an admonition's title;
- strips emphasis and blockquote marks, Markdown links and images (their text is kept),
  `[@id]` citations and `[^n]` footnote marks, remembering that a sentence was *cited*;
- splits units into sentences at `.!?` followed by a capital or a digit (e.g., Dr., etc. kept).
"""

from __future__ import annotations

import re

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
CITATION = re.compile(r"\s*\[(?:[^\]]*?;\s*)?@[^\]]+\]")  # [@id], [see @a; @b]
FOOTNOTE_MARK = re.compile(r"\[\^[^\]]+\](?!:)")
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
HTML_TAG = re.compile(r"<[^>]+>")
EMPHASIS = re.compile(r"(\*\*|__|\*|(?<!\w)_(?=\w)|(?<=\w)_(?!\w)|`)")
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
SENTENCE_END = re.compile(r"([.!?][\"'”’)\]*_]*)\s+(?=[\"'“‘(\[*_]*[A-Z0-9])")
ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|Dr|Mr|Mrs|Ms|St|vs|etc|approx|No|Fig|al)\.$")
HEADING = re.compile(r"^#{1,6}\s")
TABLE_RULE = re.compile(r"[|:\-\s]+")
ADMONITION = re.compile(r"^(!!!|\?\?\?\+?)\s")
FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]]+\]:\s*(.*)$")


def clean_inline(text: str) -> tuple[str, bool]:
    """The plain text of one sentence, and whether it carried a citation or footnote mark."""
    cited = bool(CITATION.search(text)) or bool(FOOTNOTE_MARK.search(text))
    text = CITATION.sub("", text)
    text = FOOTNOTE_MARK.sub("", text)
    text = IMAGE.sub(r"\1", text)
    text = LINK.sub(r"\1", text)
    text = REFERENCE_LINK.sub(r"\1", text)
    text = HTML_TAG.sub(" ", text)
    text = EMPHASIS.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text, cited


def sentences_of(unit: str) -> list[str]:
    """Split one unit (a paragraph, heading, list item...) into sentences."""
    bits = SENTENCE_END.split(unit)
    # The split keeps each sentence's closing punctuation as a separate bit: join them back.
    parts = ["".join(bits[i : i + 2]) for i in range(0, len(bits), 2)]
    out: list[str] = []
    for part in parts:
        if out and ABBREVIATION.search(out[-1]):
            out[-1] += " " + part
        else:
            out.append(part)
    return [p.strip() for p in out if p.strip()]


def units_of(body: str) -> list[str]:
    """The post body's units: paragraphs, headings, list items, table cells, footnotes."""
    units: list[str] = []
    current: list[str] = []
    in_code = False

    def flush() -> None:
        if current:
            units.append(" ".join(current))
            current.clear()

    for line in body.split("\n"):
        stripped = line.rstrip().strip()
        if stripped.startswith("```"):
            in_code = not in_code
            flush()
            continue
        if in_code:
            continue
        if not stripped:
            flush()
            continue
        if HEADING.match(stripped):
            flush()
            units.append(re.sub(r"^#{1,6}\s+", "", stripped))
            continue
        if stripped.startswith("|"):  # a table row: each cell is a unit
            flush()
            if TABLE_RULE.fullmatch(stripped):
                continue
            units.extend(cell.strip() for cell in stripped.strip("|").split("|") if cell.strip())
            continue
        if ADMONITION.match(stripped):  # only the admonition's quoted title is text
            flush()
            title = re.search(r'"([^"]+)"', stripped)
            if title:
                units.append(title.group(1))
            continue
        stripped = re.sub(r"^(>\s*)+", "", stripped)  # blockquote marks
        footnote = FOOTNOTE_DEFINITION.match(stripped)
        if footnote:
            flush()
            current.append(footnote.group(1))
            continue
        if LIST_MARKER.match(stripped):
            flush()
            current.append(LIST_MARKER.sub("", stripped))
            continue
        current.append(stripped)
    flush()
    return units


def split_post(markdown: str) -> list[tuple[str, bool]]:
    """(sentence, cited) for each sentence of a post's body, front matter dropped."""
    body = FRONT_MATTER.sub("", markdown, count=1)
    body = HTML_COMMENT.sub("\n", body)
    out = []
    for unit in units_of(body):
        for sentence in sentences_of(unit):
            text, cited = clean_inline(sentence)
            # Two letters at least: a lone number or symbol is not a sentence to judge.
            if len(re.findall(r"[A-Za-z]", text)) >= 2:
                out.append((text, cited))
    return out


def front_matter(markdown: str) -> str:
    """The raw YAML front matter of a post, or "" if it has none."""
    match = FRONT_MATTER.match(markdown)
    return match.group(1) if match else ""
