"""Words spelt to slip past the checks are read as a reader reads them: invisible
characters, typographic hyphens, look-alike letters from other scripts, full-width and
mathematical letters. Found at their own line and column, in the body and the title."""

from __future__ import annotations

import json
import re

import pytest
from carepress.disguise import undisguised
from carepress.prose import prose_of
from conftest import Hub, post_text

ZWSP, SOFT, WJ = "\u200b", "\u00ad", "\u2060"
CYRILLIC_I, CYRILLIC_O, CYRILLIC_A = "\u0456", "\u043e", "\u0430"

DISGUISED = [
    # (text as typed, the rule it must still meet)
    (f"Thoughts of sui{ZWSP}cide came at night.", "content-warning.undeclared-suicide"),
    (f"Thoughts of su{CYRILLIC_I}cide came at night.", "content-warning.undeclared-suicide"),
    ("Thoughts of \uff53\uff55\uff49\uff43\uff49\uff44\uff45 came at night.",
     "content-warning.undeclared-suicide"),
    ("Thoughts of \U0001d42c\U0001d42e\U0001d422\U0001d41c\U0001d422\U0001d41d\U0001d41e "
     "came at night.", "content-warning.undeclared-suicide"),
    ("She has been self\u2010harming since spring.", "content-warning.undeclared-self-harm"),
    ("She has been self\u2011harming since spring.", "content-warning.undeclared-self-harm"),
    (f"He comm{SOFT}it{SOFT}ted suicide last year.", "safe-messaging.committed-suicide"),
    (f"My neighbour is a total psych{CYRILLIC_O}.", "stigma."),
    (f"Just stop t{CYRILLIC_A}king your antidep{WJ}ressants.", "clinical-advice."),
    # Markup inside a word, which the reader never sees as a break.
    ("Thoughts of sui*cid*e came at night.", "content-warning.undeclared-suicide"),
    ("Thoughts of su<b></b>icide came at night.", "content-warning.undeclared-suicide"),
    ("Thoughts of <span>sui</span><span>cide</span> came at night.",
     "content-warning.undeclared-suicide"),
    ("Thoughts of sui&#99;ide came at night.", "content-warning.undeclared-suicide"),
    ("He comm&shy;itted suicide last year.", "safe-messaging.committed-suicide"),
    # A reference at a word's start or end (the outside red team's).
    ("She was &#114;aped at a party.", "content-warning.undeclared-sexual-violence"),
    ("&#83;top taking your lithium today.", "clinical-advice."),
    # The third red team's: any character Unicode says draws nothing (a variation selector,
    # a tag, a Hangul filler), a comment inside a word, a dotless i, small capitals.
    ("Are you thinking about sui\ufe00cide?", "content-warning.undeclared-suicide"),
    ("Are you thinking about su\U000e0020icide?", "content-warning.undeclared-suicide"),
    ("Are you thinking about sui\u3164cide?", "content-warning.undeclared-suicide"),
    ("Self-h<!-- -->arm is often a way to cope.", "content-warning.undeclared-self-harm"),
    ("Are you thinking about su\u0131c\u0131de?", "content-warning.undeclared-suicide"),
    ("Thoughts of \ua731\u1d1c\u026a\u1d04\u026a\u1d05\u1d07 came at night.",
     "content-warning.undeclared-suicide"),
]  # fmt: skip
SPELT = [
    # Spelt out a letter at a time, or misspelt at one letter (the second red team's).
    ("He said S U I C I D E was the answer.", "content-warning.undeclared-suicide"),
    ("I want to k i l l myself.", "content-warning.undeclared-suicide"),
    ("He said S.U.I.C.I.D.E. was the answer.", "content-warning.undeclared-suicide"),
    ("I want to k-i-l-l myself.", "content-warning.undeclared-suicide"),
    ("Thoughts of sucide came at night.", "content-warning.undeclared-suicide"),
    # Digits and signs for letters (the fifth red team's "th1nspo", "pr0 ana").
    ("She follows th1nspo boards.", "content-warning.undeclared-eating-disorders"),
    ("Thoughts of su1c1de came at night.", "content-warning.undeclared-suicide"),
    ("She has been s3lf-h4rming since spring.", "content-warning.undeclared-self-harm"),
    ("Thoughts of $uic1de came at night.", "content-warning.undeclared-suicide"),
]


def test_a_disguised_word_meets_its_rule_at_its_place(hub: Hub) -> None:
    """Each case a post of its own, all checked by one command."""
    lines = {}
    for number, (text, _) in enumerate(DISGUISED + SPELT):
        body = f"An introduction [@nimh-anxiety].\n\n<!-- more -->\n\nA first line.\n\n{text}\n"
        path = hub.write_post(f"p{number}.md", post_text(body=body, slug=f"p{number}"))
        lines[number] = path.read_text(encoding="utf-8").splitlines().index(text) + 1
    found = json.loads(hub.check("--format", "json").stdout)
    for number, (text, rule) in enumerate(DISGUISED + SPELT):
        assert any(
            f["path"].endswith(f"/p{number}.md") and f["rule"].startswith(rule)
            and f["line"] == lines[number] for f in found
        ), (text, rule)  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("a line<br>break", "a line    break"),  # a break between words stays one
        ("R&amp;D and 2 * 3", "R&amp;D and 2 * 3"),
        ("self-**harm**", "self-harm  **"),
        ("Plan A B C D is ready.", "Plan ABCD    is ready."),  # letters joined, nothing more
        ("I am a b", "I am a b"),
        ("U.S.A. and e.g. notes", "U.S.A. and e.g. notes"),  # initials of three letters stay
        ("S.U.I.C.I.D.E. is", "SUICIDE      . is"),
        ("snake_case_name", "snake_case_name"),
        ("a note <!-- to self --> here", "a note " + " " * 16 + " here"),  # between words
    ],
)
def test_markup_joins_only_what_it_splits(typed: str, read: str) -> None:
    assert prose_of(typed, 1).text == read


def test_a_disguised_title_is_read_as_it_reads(hub: Hub) -> None:
    hub.write_post("p.md", post_text(title=f"Su{CYRILLIC_I}cide and the winter months"))
    found = json.loads(hub.check("--format", "json").stdout)
    assert "content-warning.undeclared-suicide" in {f["rule"] for f in found}


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII stays the very same object.",
        "Curly quotes \u2019and\u2019 dashes \u2014 stay as they are.",
        "\u0421\u043e\u0440\u043e\u043a is a word of Russian; \u03b1\u03b2\u03b3 is Greek.",
        "A family \U0001f468\u200d\U0001f469\u200d\U0001f467 joined by zero-width joiners.",
    ],
)
def test_words_in_other_scripts_and_emoji_are_left_as_written(text: str) -> None:
    assert undisguised(text) == text


@pytest.mark.parametrize("text", [t for t, _ in DISGUISED if not re.search(r"[*<&]", t)])
def test_undisguising_keeps_every_offset(text: str) -> None:
    plain = undisguised(text)
    assert len(plain) == len(text) and plain != text
    # Every plain word before and after a disguised one is where it was.
    for word in re.finditer(r"(?<!\S)[A-Za-z]+(?=[ .])", text):
        assert plain[word.start() : word.end()] == word.group(0)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("th1nspo, pr0 ana and m1a", "thinspo, pro ana and mia"),
        ("s3lf-h4rm and h@rm", "self-harm and harm"),
        # Doses, times, amounts, codes, citations, footnotes and addresses stay as written.
        ("10mg at 5pm on the 3rd, a 4x4", "10mg at 5pm on the 3rd, a 4x4"),
        ("covid19, h2o, B12, D3, GAD-7, omega-3s", "covid19, h2o, B12, D3, GAD-7, omega-3s"),
        ("[@who-icd11] and [^note1] and [@nimh-5-steps]",
         "[@who-icd11] and [^note1] and [@nimh-5-steps]"),
        ("US$50, jo@clinic.org, hello@clinic-name.org",
         "US$50, jo@clinic.org, hello@clinic-name.org"),
    ],
)  # fmt: skip
def test_digits_for_letters_are_read_as_letters_only_inside_words(typed: str, read: str) -> None:
    assert undisguised(typed) == read


def test_a_hostile_run_of_digits_and_letters_is_read_once() -> None:
    text = "a1-" * 200_000 + "$" * 200_000 + "-" * 200_000
    assert len(undisguised(text)) == len(text)


def test_a_hostile_run_of_invisible_characters_is_read_once() -> None:
    text = "\u200b" * 200_000 + "suicide" + "\u00ad" * 200_000
    # Read in well under a second; a reading from each character (quadratic) would not end
    # within the suite's time.
    plain = undisguised(text)
    assert plain.startswith("suicide") and len(plain) == len(text)


def test_a_word_split_by_thousands_of_marks_is_read_once() -> None:
    text = "a*" * 100_000 + " and " + "<b>" * 100_000 + "x " + "a " * 100_000
    assert len(prose_of(text, 1).text) == len(text)


def test_a_footnote_is_prose_the_reader_sees(hub: Hub) -> None:
    """A footnote's text was blanked with link reference definitions (the outside red team
    hid a client, a suicide and a medication instruction in one): it is read like the body,
    at its own line."""
    body = ("An introduction [@nimh-anxiety].\n\n<!-- more -->\n\nWe think of her often.[^1]\n\n"
            "[^1]: She took her own life last spring. Stop taking your lithium.\n")  # fmt: skip
    path = hub.write_post("p.md", post_text(body=body))
    found = json.loads(hub.check("--format", "json").stdout)
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if t.startswith("[^1]:"))
    rules = {f["rule"] for f in found if f["line"] == line}
    assert "content-warning.undeclared-suicide" in rules
    assert any(r.startswith("clinical-advice.") for r in rules), found
    # A footnote that is an imperative alone, its label blanked before it, and a list item.
    body = ("An introduction [@nimh-anxiety].\n\n<!-- more -->\n\nWe think of her.[^1]\n\n"
            "- Stop taking your sertraline.\n\n[^1]: Stop taking your lithium.\n")  # fmt: skip
    path = hub.write_post("p.md", post_text(body=body))
    found = json.loads(hub.check("--format", "json").stdout)
    lines = path.read_text().splitlines()
    for marker in ("[^1]:", "- Stop"):
        line = next(i for i, t in enumerate(lines, 1) if t.startswith(marker))
        assert any(f["rule"] == "clinical-advice.medication-change" and f["line"] == line
                   for f in found), (marker, found)  # fmt: skip
    # A link's reference definition is still never read as prose.
    assert prose_of("[x]: https://example.org/suicide", 1).text.strip() == ""


def test_a_direction_override_is_an_error_at_its_place(hub: Hub) -> None:
    """"\u202eedicius" shows readers "suicide" (the outside red team's): the post is refused."""
    body = "An introduction [@nimh-anxiety].\n\n<!-- more -->\n\nMy brother \u202eedicius\u202c.\n"
    path = hub.write_post("p.md", post_text(body=body))
    found = json.loads(hub.check("--format", "json").stdout)
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if "\u202e" in t)
    assert ("html.direction-override", line, "error") in {
        (f["rule"], f["line"], f["severity"]) for f in found
    }



def _findings_at(hub: Hub, body: str, marker: str) -> set[str]:
    path = hub.write_post("p.md", post_text(body=body))
    found = json.loads(hub.check("--format", "json").stdout)
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if marker in t)
    return {f["rule"] for f in found if f["line"] == line and f["severity"] == "error"}


INTRO = "An introduction [@nimh-anxiety].\n\n<!-- more -->\n\n"


def test_code_is_read_as_the_text_readers_see(hub: Hub) -> None:
    """Two outside red teams put whole sentences in code, which the checks skipped."""
    fenced = INTRO + "People search for this:\n\n```text\nhow to kill myself without pain\n```\n"
    assert "content-warning.undeclared-suicide" in _findings_at(hub, fenced, "kill myself")
    inline = INTRO + "Our honest tip: `suicide is the only way out for some people`.\n"
    assert "safe-messaging.solution" in _findings_at(hub, inline, "honest tip")


def test_a_short_code_span_in_a_list_of_words_to_avoid_is_a_mention(hub: Hub) -> None:
    """The sample hub's own post lists phrases to avoid in code, under a lead-in that says so."""
    body = (INTRO + "**Avoid** (listed only as examples of what not to write):\n\n"
            "- `committed suicide`\n- `took the coward's way out`, `selfish`\n")  # fmt: skip
    hub.write_post("p.md", post_text(body=body, content_warnings=["suicide"]))
    found = json.loads(hub.check("--format", "json").stdout)
    assert not [f for f in found if f["rule"].startswith(("safe-messaging", "stigma"))], found


def test_a_sentence_split_across_table_cells_is_read_across_its_row(hub: Hub) -> None:
    body = INTRO + "| Thought | When |\n|---|---|\n| I want to kill | myself tonight |\n"
    assert "content-warning.undeclared-suicide" in _findings_at(hub, body, "I want to kill")
