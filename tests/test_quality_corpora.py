"""The labelled corpora bench/quality.py measures on: both halves hold every category with
enough sentences, and the whole posts written blind publish without an error. (Recall and
false alarms are printed by bench/quality.py, never asserted: a threshold tuned into a test
would be tuning on the test half.)"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from carepress.engine import utc_now
from carepress.parallel import check_many
from carepress.settings import load_settings
from carepress.yaml_loading import safe_load
from conftest import REPO

CORPUS = REPO / "tests" / "corpus"


def _load(path: Path) -> dict:
    # CarePress's own loader (libyaml): the pure-Python parser takes seconds over the corpora.
    return safe_load(path.read_text(encoding="utf-8"))
CATEGORIES = {
    "safe-messaging", "stigma", "clinical-advice", "confidentiality", "citation",
    *(f"cw-{topic}" for topic in ("suicide", "self-harm", "eating-disorders",
                                  "sexual-violence", "abuse", "substance-use",
                                  "death-and-grief", "trauma")),
}  # fmt: skip


@pytest.mark.parametrize("half", ["dev", "test"])
def test_each_half_holds_every_category(half: str) -> None:
    files = {path.stem: path for path in (CORPUS / half).glob("*.yml")}
    assert set(files) == CATEGORIES
    for category, path in files.items():
        data = _load(path)
        assert data["category"] == category
        flag = [e["text"] for e in data["flag"]]
        clean = [e["text"] for e in data["clean"]]
        assert len(flag) >= 75 and len(clean) >= 75, (category, len(flag), len(clean))
        # (Only the shared sentences are shown: a failure must never print a test half.)
        both = set(flag) & set(clean)
        assert not both, (category, sorted(both))


def test_the_halves_share_no_sentence() -> None:
    def texts(half: str) -> set[str]:
        return {
            entry["text"]
            for path in (CORPUS / half).glob("*.yml")
            for label in ("flag", "clean")
            for entry in _load(path)[label]
        }

    # Only the shared sentences are shown (they are in the development half too): pytest would
    # print both whole sets, and a writer tuning on the development half would read the test's.
    shared = texts("dev") & texts("test")
    assert not shared, f"in both halves (remove them from dev): {sorted(shared)}"


@pytest.mark.parametrize("half", ["dev", "test"])
def test_the_blind_whole_posts_publish_without_an_error(half: str) -> None:
    """Written by someone who never saw the rules: every check runs on them, and none may
    stop them. `min_sources` is set to 0: the writers cited what they claimed, and a
    practice's minimum is policy, not a judgement of the text."""
    settings = load_settings(REPO / "mkdocs.yml")
    options = settings.options.model_copy(
        update={"min_sources": {kind: 0 for kind in settings.options.min_sources}}
    )
    settings = dataclasses.replace(settings, options=options)
    posts = sorted((CORPUS / half / "posts").glob("*.md"))
    assert len(posts) >= (20 if half == "test" else 14)
    reports = check_many(posts, settings, utc_now(), html=True, workers=0)
    errors = [
        (Path(r.path).name, f.line, f.rule) for r in reports for f in r.findings
        if f.severity == "error"
    ]  # fmt: skip
    assert errors == []


def test_a_blind_batch_joins_the_development_half_without_the_test_half(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """bench/merge_batch.py: new sentences are appended under their label, with the batch's
    writer; a sentence already in either half is skipped; posts never overwrite one another."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("merge_batch", REPO / "bench/merge_batch.py")
    assert spec is not None and spec.loader is not None
    merge_batch = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(merge_batch)

    corpus = tmp_path / "corpus"
    for half, flag, clean in (("dev", "Known flag.", "Known clean."), ("test", "Held out.", "X.")):
        (corpus / half / "posts").mkdir(parents=True)
        (corpus / half / ("stigma.yml" if half == "dev" else "citation.yml")).write_text(
            f'category: stigma\nwriter: "first"\nflag:\n  - text: "{flag}"\n'
            f'clean:\n  - text: "{clean}"\n', "utf-8"
        )
    (corpus / "dev" / "posts" / "a.md").write_text("old post", "utf-8")
    monkeypatch.setattr(merge_batch, "CORPUS", corpus)
    batch = tmp_path / "batch"
    (batch / "posts").mkdir(parents=True)
    (batch / "stigma.yml").write_text(
        'category: stigma\nwriter: "second, with \\"quotes\\""\nflag:\n'
        '  - {text: "New flag.", style: news}\n  - {text: "known  FLAG."}\n'
        '  - {text: "Held out."}\nclean:\n  - {text: "New clean.", style: social}\n', "utf-8"
    )
    (batch / "posts" / "a.md").write_text("new post", "utf-8")
    (batch / "posts" / "b.md").write_text("old post", "utf-8")

    in_test = merge_batch.test_half_texts()
    said = merge_batch.merge_file(batch / "stigma.yml", "AK", write=True, in_test=in_test)
    assert said == ("stigma: +1 flag +1 clean; skipped 1 already in the development half, "
                    "1 in the test half")  # fmt: skip
    merged = _load(corpus / "dev" / "stigma.yml")
    assert merged["writer"] == "first | batch AK writer: second, with 'quotes'"
    assert [e["text"] for e in merged["flag"]] == ["Known flag.", "New flag."]
    assert merged["flag"][1]["style"] == "news"
    assert [e["text"] for e in merged["clean"]] == ["Known clean.", "New clean."]
    assert merge_batch.merge_file(batch / "stigma.yml", "AK", False, in_test).startswith(
        "stigma: +0 flag +0 clean"
    )
    merge_batch.merge_posts(batch / "posts", "AK", write=True)
    posts = {p.name: p.read_text() for p in (corpus / "dev" / "posts").glob("*.md")}
    assert posts == {"a.md": "old post", "a-ak.md": "new post"}
