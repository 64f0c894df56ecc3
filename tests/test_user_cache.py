"""What is kept per machine in the user's cache folder (user_cache.py): compiled patterns
(kept_patterns.py) and parsed rule files (yaml_loading.kept_load). What is loaded is what
compiling or parsing gives, and a missing or damaged file only means doing it again."""

from __future__ import annotations

import pickle
import subprocess
import sys
import uuid

import pytest
import regex
from carepress import kept_patterns, user_cache


@pytest.fixture()
def kept_in(tmp_path, monkeypatch):
    """An empty cache folder of this test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "carepress" / f"patterns-{kept_patterns._BUILD}"


def test_a_kept_pattern_is_loaded_and_matches_as_the_compiled_one(kept_in, monkeypatch) -> None:
    pattern = rf"(?<!\w)(?:stop(?:ping)?\s+your\s+(?:meds|pills)|{uuid.uuid4().hex})(?!\w)"
    compiled = kept_patterns.compile(pattern, regex.IGNORECASE)
    assert len(list(kept_in.glob("*.pickle"))) == 1
    assert regex.__version__ in kept_in.name
    # The next run loads it: nothing is compiled.
    with monkeypatch.context() as patched:
        patched.setattr(regex, "compile", lambda *a, **k: pytest.fail("compiled again"))
        loaded = kept_patterns.compile(pattern, regex.IGNORECASE)
    text = "Stopping your PILLS, or stop your meds? Don't stop your medsx."
    assert [m.span() for m in loaded.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert loaded.flags == compiled.flags and loaded.pattern == pattern
    # Flags and named lists are part of the name.
    assert kept_patterns.compile(pattern).search("STOP YOUR MEDS") is None
    words = kept_patterns.compile(r"\L<words>", words=["calm", "rest"])
    other = kept_patterns.compile(r"\L<words>", words=["busy"])
    assert words.search("rest") and not other.search("rest")
    assert len(list(kept_in.glob("*.pickle"))) == 4


def test_a_damaged_file_is_compiled_again_and_old_ones_go(kept_in, monkeypatch) -> None:
    assert kept_patterns.compile(r"grief\s+work", regex.I).search("GRIEF work")
    (file,) = kept_in.glob("*.pickle")
    file.write_bytes(b"\x80damaged")
    assert kept_patterns.compile(r"grief\s+work", regex.I).search("GRIEF work")
    assert file.read_bytes() != b"\x80damaged"  # written again
    with pytest.raises(regex.error):
        kept_patterns.compile(r"(unclosed")
    # Patterns of rules edited away: beyond MAX_KEPT, the least recently written go, as do
    # the folders of other builds of `regex`.
    for build in range(user_cache.KEPT_FILES + 1):
        (kept_in.parent / f"patterns-old{build}").mkdir()
    monkeypatch.setattr(kept_patterns, "MAX_KEPT", 3)
    monkeypatch.setattr(kept_patterns, "_pruned", True)  # this process has pruned
    for word in ("one", "two", "three", "four"):
        kept_patterns.compile(rf"\b{word}\b")
    assert len(list(kept_in.glob("*.pickle"))) == 5
    monkeypatch.setattr(kept_patterns, "_pruned", False)  # the next process's first write
    newest = kept_patterns.compile(r"\bfive\b")
    assert len(list(kept_in.glob("*.pickle"))) == 3
    assert kept_patterns.compile(r"\bfive\b").pattern == newest.pattern
    assert len(list(kept_in.parent.glob("patterns-*"))) == user_cache.KEPT_FILES
    assert kept_in.is_dir()


def test_a_new_process_loads_what_an_earlier_one_kept(tmp_path) -> None:
    pattern = rf"\bcalm{uuid.uuid4().hex}\b"
    script = (
        "import sys, regex; from carepress import kept_patterns as k; compiled = []; "
        "real = regex.compile; "
        "regex.compile = lambda *a, **kw: compiled.append(1) or real(*a, **kw); "
        "p = k.compile(sys.argv[1]); print(len(compiled), bool(p.search(sys.argv[1][2:-2])))"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": ""}
    command = [sys.executable, "-c", script, pattern]
    runs = [
        subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout.split()
        for _ in range(2)
    ]
    assert runs == [["1", "True"], ["0", "True"]]


def test_rule_data_is_parsed_once_and_loaded_after(tmp_path, monkeypatch) -> None:
    import yaml
    from carepress import yaml_loading

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    text = f"rules:\n  - id: calm-{uuid.uuid4().hex}\n    tokens: [worry, 'don’t panic']\n"
    parsed = yaml_loading.kept_load(text)
    (file,) = (tmp_path / "carepress" / "yaml").glob("*.pickle")
    with monkeypatch.context() as patched:
        patched.setattr(yaml_loading, "safe_load", lambda text: pytest.fail("parsed again"))
        assert yaml_loading.kept_load(text) == parsed == yaml.safe_load(text)
    file.write_bytes(b"damaged")
    assert yaml_loading.kept_load(text) == parsed
    file.write_bytes(pickle.dumps(1))  # damaged, yet still a pickle
    assert yaml_loading.kept_load(text) == parsed
    with pytest.raises(yaml.YAMLError):
        yaml_loading.kept_load("rules: [unclosed")
    assert len(list(file.parent.glob("*.pickle"))) == 1  # nothing kept for a broken file
    # Another version of CarePress on the machine keeps its own files, under other names.
    monkeypatch.setattr(yaml_loading, "_KEPT_BY", "another version")
    assert yaml_loading.kept_load(text) == parsed
    assert len(list(file.parent.glob("*.pickle"))) == 2


def test_what_cannot_be_kept_is_used_and_not_kept(tmp_path) -> None:
    """Rule data nested too deep to pickle (a practice's own rule file) is parsed and used;
    nothing is written, and the next run parses it again."""
    from carepress import user_cache

    deep: list = []
    for _ in range(5000):
        deep = [deep]
    file = tmp_path / "deep.pickle"
    made, written = user_cache.kept(file, lambda: deep)
    assert made is deep and not written and not file.exists()
    made, written = user_cache.kept(file, lambda: 42)
    assert (made, written) == (42, True) and user_cache.kept(file, lambda: 0) == (42, False)
