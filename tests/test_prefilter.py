"""The literal prefilter: what a rule's pattern needs in the text, and where a post has it.
A prefilter that skipped a paragraph holding a match would hide a finding: the index is
tested against running every pattern over the whole text."""

from __future__ import annotations

import pickle

import regex
from carepress.prefilter import (
    BOUNDARY,
    DIGITS,
    LONGEST,
    MAX_STRINGS,
    NONE_AFTER,
    NONE_BEFORE,
    LiteralIndex,
    LiteralSearch,
    bare,
    required_literals,
)
from conftest import make_hub


def test_required_literals_prefer_rare_text_over_everyday_words() -> None:
    # "your" is in every post; the verbs and the dose words are not. ("pills" holds "pill": a
    # text with it holds "pill" too, so it is not looked for.)
    assert required_literals(r"your\s+\w+\s+(?:dose|pills?)") == {"dose", "pill"}
    assert required_literals(r"(?:double|halve)\s+\w+\s+your") == frozenset({"double", "halve"})


def test_short_lists_of_spellings_are_spelled_out_whole() -> None:
    # Longer strings are rarer: "a man" skips the "many" and "manage" paragraphs "man" would
    # not.
    spelled = {f"{verb} your {what}" for verb in ("double", "halve") for what in ("dose", "pill")}
    assert required_literals(r"(?:double|halve)\s+your\s+(?:dose|pills?)") == {
        s[:LONGEST] for s in spelled  # (each as its start: see the next test)
    }
    # (Word edges are kept on the short ones, which other words hold: "a man" in "a manner".)
    assert required_literals(r"(?<!\w)(?:a|the)\s+(?:former\s+)?(?:man|woman)\b") == frozenset(
        {
            f"{NONE_BEFORE}a man{BOUNDARY}",
            "a woman",
            "the man",
            "the woman",
            "a former man",
            "a former woman",
            "the former man",
            "the former woman"[:LONGEST],
        }
    )
    # A literal holding another of the set is left out: where it is, the other is too.
    assert required_literals(r"(?:overdose|overdoses|overdosed)") == {"overdose"}
    # A class of a few characters and spaces is spelled out too ("self" is in "yourself").
    assert required_literals(r"self[-\s]?harm") == frozenset({"selfharm", "self-harm", "self harm"})
    # Optional text with a short spelling ("a" alone) cannot be required.
    assert required_literals(r"a(?:\s+man)?") is None
    # Too many spellings: the items' own requirements are used instead.
    count = MAX_STRINGS // 2 + 1
    many = "|".join(f"w{i:04d}" for i in range(count))
    literals = required_literals(rf"(?:{many})\s+(?:yes|no)")
    assert literals and len(literals) == count and not any(" " in lit for lit in literals)


def test_a_long_literal_is_kept_as_its_start_and_still_finds_every_match() -> None:
    # Wherever a match holds "'borrowing' from her savings" it holds its first 14
    # characters: the search needs a node for each distinct start, not for each phrase.
    pattern = r"'borrowing' from (?:her|his|their) (?:account|pension|savings)"
    literals = required_literals(pattern)
    assert literals == {"'borrowing' fr"}
    assert all(len(literal) <= LONGEST for literal in literals)
    text = "Fine.\n\nHe kept 'borrowing' from her pension.\n\n'Borrowing' from the shop."
    index = LiteralIndex(text, LiteralSearch([literals]))
    found = [m.span() for a, b in index.spans(literals)
             for m in regex.finditer(pattern, text[:b], regex.I, pos=a)]  # fmt: skip
    assert found == [m.span() for m in regex.finditer(pattern, text, regex.I)] != []
    # A paragraph holding the start alone is searched (and matches nothing): a longer
    # search, never a missed match.
    assert len(index.spans(literals)) == 2


def test_word_edges_go_with_the_literals_and_are_checked_where_they_are_found() -> None:
    """"ate" as a food word starts and ends a word: "create", "state" and "late" hold no
    match, so a paragraph holding only them is skipped. Beside a character that is not ASCII
    the index cannot tell, and runs the pattern."""
    food = required_literals(r"\b(?:eat|ate|food)\b")
    assert food == {f"{BOUNDARY}{w}{BOUNDARY}" for w in ("eat", "ate", "food")}
    assert required_literals(r"(?<!\w)(?:sad)(?!\w)") == {f"{NONE_BEFORE}sad{NONE_AFTER}"}
    # A mark beside a space says nothing of the literal: it is left out. So are the marks of
    # a long literal, which other words seldom hold.
    assert required_literals(r"\b\s+whole\s+\b") == {"whole"}
    assert required_literals(r"\bbreakfast\b") == {"breakfast"}
    # One spelling with marks and one without: the one without, which holds wherever the
    # other does.
    assert required_literals(r"(?:(?<!\w)|(?=\W))client") == {"client"}
    text = "We create a state of calm.\n\nShe ate late.\n\nWe ate.\n\nΩate here."
    index = LiteralIndex(text, LiteralSearch([food]))
    assert [text[a:b] for a, b in index.spans(food)] == ["She ate late.", "We ate.", "Ωate here."]
    pattern = regex.compile(r"\b(?:eat|ate|food)\b", regex.I)
    everywhere = [m.span() for m in pattern.finditer(text)]
    windowed = [m.span() for a, b in index.spans(food) for m in pattern.finditer(text, a, b)]
    assert windowed == everywhere
    assert bare(f"{BOUNDARY}ate{NONE_AFTER}") == "ate"


def test_digits_and_rare_characters_are_literals() -> None:
    assert required_literals(r"\d{3}-\d{2}-\d{4}") == DIGITS
    assert required_literals(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+") == frozenset({"@"})
    assert required_literals(r"\w+\s+\w+") is None  # nothing to go on: always scan


TEXT = (
    "Worry is common.\n\nSome people stop their medication suddenly.\n  \n"
    "Call 555-123-4567 or write to someone@example.org.\n\nNothing here."
)
PATTERNS = [
    r"stop\s+their\s+medication",
    r"\d{3}-\d{3}-\d{4}",
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    r"worry",
    r"never\s+here",
]


def test_the_index_finds_every_match_a_whole_text_scan_finds() -> None:
    needs = {p: required_literals(p) for p in PATTERNS}
    search = LiteralSearch(needs.values())
    index = LiteralIndex(TEXT, search)
    for pattern, need in needs.items():
        compiled = regex.compile(pattern, regex.I)
        everywhere = [m.span() for m in compiled.finditer(TEXT)]
        windowed = [m.span() for a, b in index.spans(need) for m in compiled.finditer(TEXT, a, b)]
        assert windowed == everywhere, pattern
    # ...and skips the paragraphs that cannot hold one.
    assert len(index.spans(needs[r"stop\s+their\s+medication"])) == 1
    assert index.spans(needs[r"never\s+here"]) == []
    # Literals the index was not built for: it cannot tell, so everything is scanned.
    assert index.spans(frozenset({"elsewhere"})) == [(0, len(TEXT))]



def test_a_kept_search_finds_what_a_built_one_finds_and_a_bad_file_is_rebuilt(tmp_path) -> None:
    """The automata are kept in the user's cache folder under a digest of the literal sets:
    loaded, they index a text exactly as built ones do; other sets get their own file; a
    damaged file is built again; only the newest few files stay."""
    from carepress import prefilter, user_cache

    needs = [required_literals(p) for p in PATTERNS]
    food = required_literals(r"\b(?:eat|ate|food)\b")  # marked literals: the second automaton
    text = TEXT + "\n\nWe ate. We create.\n\nΩate here."
    built = LiteralIndex(text, LiteralSearch([*needs, food]))
    first = LiteralSearch.kept([*needs, food], tmp_path)
    (kept,) = tmp_path.glob("search-*.pickle")
    loaded = LiteralSearch.kept([*needs, food], tmp_path)
    assert loaded._owners == first._owners
    for search in (first, loaded):
        index = LiteralIndex(text, search)
        assert index.where == built.where and index.known == built.known
    assert LiteralIndex(text, loaded).spans(food) == built.spans(food)
    # Other literal sets: another file, not the first one's automata.
    other = LiteralSearch.kept(needs[:2], tmp_path)
    assert len(list(tmp_path.glob("search-*.pickle"))) == 2
    assert LiteralIndex(text, other).where == LiteralIndex(text, LiteralSearch(needs[:2])).where
    kept.write_bytes(b"not a pickle")
    again = LiteralSearch.kept([*needs, food], tmp_path)
    assert LiteralIndex(text, again).where == built.where
    for damaged in ((1, 2, ()), (None, None, ((99,),)), ("a", "b", "c")):  # yet still pickles
        kept.write_bytes(pickle.dumps(damaged))
        again = LiteralSearch.kept([*needs, food], tmp_path)
        assert LiteralIndex(text, again).where == built.where
    for number in range(user_cache.KEPT_FILES + 2):
        LiteralSearch.kept([frozenset({f"word{number}"})], tmp_path)
    assert len(list(tmp_path.glob("search-*.pickle"))) == user_cache.KEPT_FILES
    assert prefilter.LiteralSearch.kept(needs, None).known == frozenset(needs)  # no home

def test_literals_are_kept_between_runs_and_a_bad_file_is_ignored(tmp_path) -> None:
    import json
    import uuid

    from carepress import prefilter

    # A pattern no other run has seen: an in-process check elsewhere may have kept this
    # process's answers (all of them) in some hub's cache, and read them back since.
    unique = uuid.uuid4().hex[:12]
    pattern = rf"\b(?:quux{unique}|frobnicate)\s+widgets?\b"
    literals = prefilter.required_literals(pattern)
    assert literals and "frobnicate widget"[:LONGEST] in literals
    cache = tmp_path / "carepress" / "literals.json"
    prefilter.remember_literals(cache)
    data = json.loads(cache.read_text(encoding="utf-8"))
    key = prefilter._key(pattern)
    assert sorted(literals) == data["sets"][data["literals"][key]]
    prefilter._KNOWN.pop(key)
    prefilter.recall_literals(cache)
    assert prefilter._KNOWN[key] == literals
    # Each distinct set is kept once, and recalled as one object its patterns share.
    twin = pattern.replace("frobnicate", "(?:frobnicate)")
    assert prefilter._key(twin) != key and prefilter.required_literals(twin) == literals
    prefilter.remember_literals(cache)
    data = json.loads(cache.read_text(encoding="utf-8"))
    assert data["literals"][key] == data["literals"][prefilter._key(twin)]
    assert len(data["sets"]) == len(set(map(tuple, data["sets"])))
    prefilter._KNOWN.pop(key), prefilter._KNOWN.pop(prefilter._key(twin))
    prefilter.recall_literals(cache)
    assert prefilter._KNOWN[key] is prefilter._KNOWN[prefilter._key(twin)]
    # A number that names no set is not taken.
    prefilter._KNOWN.pop(key)
    cache.write_text(json.dumps({**data, "literals": {key: 10**6}}), encoding="utf-8")
    prefilter.recall_literals(cache)
    assert key not in prefilter._KNOWN
    cache.write_text(json.dumps(data), encoding="utf-8")
    prefilter.recall_literals(cache)
    # Another version of the prefilter, or a damaged file: nothing is taken from it.
    prefilter._KNOWN.pop(key)
    cache.write_text(json.dumps({**data, "version": "other"}), encoding="utf-8")
    prefilter.recall_literals(cache)
    assert key not in prefilter._KNOWN
    cache.write_text("{not json", encoding="utf-8")
    prefilter.recall_literals(cache)
    assert prefilter.required_literals(pattern) == literals


def test_the_kept_literals_are_the_users_and_named_by_this_version(
    tmp_path, monkeypatch
) -> None:
    """Shared by every hub on the machine (they depend on nothing of the hub's), under the
    user's cache folder, one file per version of this module."""
    from carepress import prefilter
    from carepress.settings import load_settings

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    kept = prefilter.user_cache_file()
    assert kept == tmp_path / "cache" / "carepress" / f"literals-{prefilter._VERSION}.json"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert prefilter.user_cache_file() == tmp_path / "home" / ".cache" / "carepress" / kept.name
    # A hub's check fills it, and leaves no copy in the hub.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    hub = make_hub(tmp_path / "hub")
    prefilter._LEARNT.add("something new")  # as if this process had worked one out
    assert load_settings(hub.root / "mkdocs.yml").literal_search is not None
    assert kept.is_file() and not list(hub.root.rglob("literals*.json"))


def test_a_group_runs_only_the_patterns_whose_literals_a_text_holds() -> None:
    from carepress.prefilter import GatedGroup, GatedPattern

    group = GatedGroup(
        GatedPattern(regex.compile(p, regex.I))
        for p in (r"stop\s+their\s+medication", r"worry", r"\w+ly\b", r"never\s+here")
    )
    search = LiteralSearch(p.literals for p in group.patterns)
    index = LiteralIndex(TEXT, search)
    # The pattern without literals always runs; "never here" is in no paragraph.
    assert [p.pattern.pattern for p in group.present(TEXT, index)] == [
        r"stop\s+their\s+medication",
        r"worry",
        r"\w+ly\b",
    ]
    assert group.present(TEXT) == group.present(TEXT, index)  # without an index: the text
    # An index built for other literals cannot tell: every pattern may match.
    assert group.present(TEXT, LiteralIndex(TEXT, LiteralSearch([DIGITS]))) == list(
        group.patterns
    )
    matches = [m.group(0) for m in group.finditer(TEXT, index)]
    assert matches[:2] == ["stop their medication", "Worry"] and "suddenly" in matches


def test_a_rule_of_many_parts_matches_as_one_alternation_would(tmp_path) -> None:
    """Each part of a rule runs alone; where two start at one place the first listed wins,
    and the next match starts after it, as in one regular expression of alternatives."""
    from carepress.rulepack import load_rules

    rules_file = tmp_path / "ours.yml"
    rules_file.write_text(
        "pack: ours\ncategory: stigma\nsource: https://example.org\nrules:\n"
        "  - id: ours.swap\n    type: substitution\n    message: say it plainly\n"
        "    swap:\n      'mental illness': a mental health condition\n"
        "      'illness': a health condition\n      'ill people': people who are unwell\n",
        encoding="utf-8",
    )
    from carepress.findings import CATEGORIES

    on, _ = load_rules([rules_file], frozenset(CATEGORIES))
    rule = on["ours.swap"]
    text = "Mental illness is not a flaw. Ill people deserve care; illness is common."
    found = [(m.text, m.suggestion) for m in rule.matches(text)]
    assert found == [
        ("Mental illness", "a mental health condition"),
        ("Ill people", "people who are unwell"),
        ("illness", "a health condition"),
    ]
