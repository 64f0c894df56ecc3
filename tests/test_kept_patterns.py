"""Compiled patterns kept between runs (kept_patterns.py): a pattern loaded from the kept file
matches exactly as a freshly compiled one, and a missing or damaged file only means compiling."""

from __future__ import annotations

import pickle
import subprocess
import sys
import uuid

import pytest
import regex
from carepress import kept_patterns


@pytest.fixture()
def fresh_cache(tmp_path, monkeypatch):
    """A process's view of an empty cache folder of its own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(kept_patterns, "_kept", None)
    monkeypatch.setattr(kept_patterns, "_new", {})
    return tmp_path / "carepress"


def test_a_kept_pattern_is_loaded_and_matches_as_the_compiled_one(fresh_cache) -> None:
    pattern = rf"(?<!\w)(?:stop(?:ping)?\s+your\s+(?:meds|pills)|{uuid.uuid4().hex})(?!\w)"
    compiled = kept_patterns.compile(pattern, regex.IGNORECASE)
    kept_patterns.keep()
    (file,) = fresh_cache.glob("patterns-*.pickle")
    assert regex.__version__ in file.name
    kept_patterns._kept = None  # as the next run starts
    loaded = kept_patterns.compile(pattern, regex.IGNORECASE)
    assert not kept_patterns._new  # nothing compiled: it came from the file
    text = "Stopping your PILLS, or stop your meds? Don't stop your medsx."
    assert [m.span() for m in loaded.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert loaded.flags == compiled.flags and loaded.pattern == pattern
    # Flags and named lists are part of the key.
    assert kept_patterns.compile(pattern).search("STOP YOUR MEDS") is None
    words = kept_patterns.compile(r"\L<words>", words=["calm", "rest"])
    other = kept_patterns.compile(r"\L<words>", words=["busy"])
    assert words.search("rest") and not other.search("rest")


def test_a_damaged_file_or_entry_is_compiled_again(fresh_cache) -> None:
    fresh_cache.mkdir(parents=True)
    file = kept_patterns._file()
    file.write_bytes(b"\x80not a pickle")
    assert kept_patterns.compile(r"grief\s+work").search("GRIEF work") is None
    assert kept_patterns.compile(r"grief\s+work", regex.I).search("GRIEF work")
    kept_patterns.keep()
    kept = pickle.loads(file.read_bytes())
    assert len(kept) == 2
    kept[next(iter(kept))] = b"damaged"
    file.write_bytes(pickle.dumps(kept))
    kept_patterns._kept = None
    assert kept_patterns.compile(r"grief\s+work").search("grief work")
    with pytest.raises(regex.error):
        kept_patterns.compile(r"(unclosed")


def test_a_new_process_loads_what_an_earlier_one_kept(tmp_path) -> None:
    """Kept at exit by the process that compiled it, read by the next."""
    pattern = rf"\bcalm{uuid.uuid4().hex}\b"
    script = (
        "import sys; from carepress import kept_patterns as k; p = k.compile(sys.argv[1]); "
        "print(len(k._new), bool(p.search(sys.argv[1][2:-2])))"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": ""}
    command = [sys.executable, "-c", script, pattern]
    runs = [
        subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout.split()
        for _ in range(2)
    ]
    assert runs[0][1] == runs[1][1] == "True"
    assert int(runs[1][0]) < int(runs[0][0])  # the second compiled fewer: it loaded them
