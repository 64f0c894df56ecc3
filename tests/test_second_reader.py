"""The second reader (second_reader.py, checks/second_reader.py): a trained model's warnings
where no rule of the category spoke, at the sentence's line; silenced by a declared warning, a
citation, a rule on the same line, or a comment. Its quality is measured in bench/quality.py
(blind text), not asserted here."""

from __future__ import annotations

import pytest
from carepress.checks.registry import rules_for
from carepress.engine import check_post
from carepress.second_reader import categories, second_reader
from carepress.settings import load_settings
from conftest import REPO, Hub, post_text

INTRO = "Worry is a normal part of life.\n\n<!-- more -->\n\n"


def _found(hub: Hub, body: str, **front: object) -> list[tuple[str, int, str]]:
    path = hub.write_post("p.md", post_text(INTRO + body, **front))
    report = check_post(path, load_settings(hub.root / "mkdocs.yml"))
    return [(f.rule, f.line, f.severity) for f in report.findings]


def _line_of(hub: Hub, text: str) -> int:
    lines = (hub.posts / "p.md").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


# Development-half sentences the rules miss (bench/quality.py --dev), each as its category.
@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("At least now he's finally at peace and free from all that pain.",
         "second-reader.safe-messaging"),
        ("If you’ve been on your SSRI more than a year, wean yourself down by a quarter each "
         "week, that’s what I did.", "second-reader.clinical-advice"),
        ("As per latest data, more than 150 million Indians are in need of mental health care.",
         "second-reader.citation"),
        ("My brother started drinking at breakfast again after the layoff, and none of us could "
         "stop him.", "second-reader.cw-substance-use"),
    ],
)  # fmt: skip
def test_it_warns_at_the_sentence_the_rules_pass(hub: Hub, sentence: str, rule: str) -> None:
    found = _found(hub, f"## A story\n\nIt was a long year.\n\n{sentence}\n")
    assert (rule, _line_of(hub, sentence[:30]), "warning") in found
    assert not [f for f in found if f[2] == "error"]


def test_a_declared_warning_and_a_citation_silence_it(hub: Hub) -> None:
    drinking = "My brother started drinking at breakfast again after the layoff."
    found = _found(hub, drinking + "\n")
    assert ("second-reader.cw-substance-use", _line_of(hub, drinking), "warning") in found
    assert _found(hub, drinking + "\n", content_warnings=["substance-use"]) == []
    cited = ("As per latest data, more than 150 million Indians are in need of mental health "
             "care [@nimh-anxiety].")  # fmt: skip
    assert not [f for f in _found(hub, cited + "\n") if f[0].startswith("second-reader.")]


def test_a_rule_of_the_category_on_the_line_speaks_instead(hub: Hub) -> None:
    sentence = "Suicide was the only way out for her, and now she is at peace."
    found = _found(hub, sentence + "\n")
    rules = {rule for rule, _, _ in found}
    assert "content-warning.undeclared-suicide" in rules  # the rule names the words
    assert "second-reader.cw-suicide" not in rules


def test_a_comment_switches_it_off_for_its_sentence(hub: Hub) -> None:
    sentence = "At least now he's finally at peace and free from all that pain."
    comment = "<!-- carepress-disable second-reader.safe-messaging -- his mother's own words -->"
    found = _found(hub, f"{comment}\n{sentence}\n")
    assert not [f for f in found if f[0].startswith(("second-reader.", "suppression.unused"))]


def test_every_category_has_a_registered_warning(hub: Hub) -> None:
    rules = rules_for(load_settings(hub.root / "mkdocs.yml"))
    for category in categories():
        rule = rules[f"second-reader.{category}"]
        assert rule.severity == "warning" and rule.adjustable


def test_the_model_is_read_from_the_package_and_scores_the_same_twice() -> None:
    reader = second_reader()
    sentences = ["He committed suicide after years of depression, the papers said.", "", "  ",
                 "We are open on Saturdays from nine until noon."]  # fmt: skip
    first, second = reader.margins(sentences), reader.margins(list(reversed(sentences)))
    assert (first == second[::-1]).all()
    assert reader.flagged(sentences) == [(0, "safe-messaging")]
    assert reader.vectors.dtype.name == "int8"  # mapped from the file, not read into memory


def test_the_model_s_tables_are_kept_between_runs_and_read_the_same(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import numpy as np
    from carepress.second_reader import SecondReader

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    sentences = ["I only used at weekends, then every day.", "We open at nine."]
    fresh = SecondReader.from_folder(REPO / "plugins/carepress/data/second_reader")
    second_reader.cache_clear()
    try:
        made = second_reader()  # read from the package, then kept
        (kept,) = (tmp_path / "carepress" / "second-reader").glob("*.pickle")
        second_reader.cache_clear()
        loaded = second_reader()  # from the kept file
        assert loaded is not made and not loaded.pieces  # nothing met before is kept
        for reader in (made, loaded):
            assert np.array_equal(reader.margins(sentences), fresh.margins(sentences))
            assert isinstance(reader.vectors, np.memmap)  # mapped, never pickled
        kept.write_bytes(b"damaged")  # read afresh, and kept again
        second_reader.cache_clear()
        assert np.array_equal(second_reader().margins(sentences), fresh.margins(sentences))
        assert kept.read_bytes() != b"damaged"
    finally:
        second_reader.cache_clear()


def test_a_run_on_sentence_is_read_to_the_model_s_limit_in_bounded_batches() -> None:
    """One "sentence" of 30,000 words (a list with no stop) beside 500 short ones: read to
    the base model's 256 pieces, 64 sentences at a time, not padded into gigabytes."""
    from carepress import second_reader as module

    reader = second_reader()
    run_on = " ".join(f"worry{i}" for i in range(30_000))
    sentences = [run_on, *["We are open on Saturdays."] * 500]
    margins = reader.margins(sentences)
    assert margins.shape == (501, len(categories()))
    alone = reader.margins([run_on])  # the same sums, up to the order of additions
    assert abs(alone - margins[:1]).max() < 1e-4
    assert len(reader.piece_ids(run_on)) > module.MAX_PIECES  # the model read only the first
    assert abs(margins[1:] - margins[1]).max() < 1e-4
    assert module._WORK.buffer.size <= max(1 << 20, module.MAX_BATCH * module.MAX_PIECES * 384)


def test_word_pieces_are_the_tokenizer_s_own() -> None:
    """A plain word is split into word pieces here, without loading the tokenizer (a fifth
    of a one-post check's start): the ids must be the tokenizer's, on every sentence of the
    development half and on the edges of WordPiece."""
    import yaml
    from carepress.second_reader import LONGEST_WORD, _tokenizer

    reader = second_reader()
    sentences = [
        item["text"]
        for path in sorted((REPO / "tests" / "corpus" / "dev").glob("*.yml"))
        for kind in ("flag", "clean")
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get(kind, [])
    ]
    assert len(sentences) > 3000
    sentences += [
        "x" * LONGEST_WORD, "y" * (LONGEST_WORD + 1), "qzxqzjvvkx unbelievably_unbelievable",
        "## ### a##b 3.14 1,000,000 #hashtag @handle co-op e-mail (parens) [brackets] {b} ~`^|",
        "tab\there, bell\x07 ring, escape\x1b[0m and \x00null\x7f", "DSM-5-TR ADHD SSRIs 10mg",
        "naïve café", "",
    ]  # fmt: skip
    for sentence in sentences:
        expected = _tokenizer().encode(sentence, add_special_tokens=False).ids
        assert reader.piece_ids(sentence) == expected, sentence


def test_the_guidance_s_own_words_are_not_read_as_unsafe_messaging(hub: Hub) -> None:
    """A sentence that says it the way safe-messaging guidance asks ("died by suicide",
    "survived a suicide attempt", "lost ... to suicide") gets no second-reader warning of that
    category; the rules still read what it says beside them, and a framing without those
    words is still warned of."""
    for sentence in (
        "He died by suicide in 2019, and his family now run a charity in his name.",
        "She survived a suicide attempt at 22 and now trains nurses in crisis care.",
        "We lost my uncle to suicide last year and this community has kept me going.",
    ):
        found = _found(hub, sentence + "\n", content_warnings=["suicide"])
        assert not [f for f in found if f[0] == "second-reader.safe-messaging"], sentence
    framed = "He died by suicide, and at least now he is finally at peace, free from the pain."
    rules = {rule for rule, _, _ in _found(hub, framed + "\n", content_warnings=["suicide"])}
    assert "safe-messaging.positive-framing" in rules
    unsafe = "At least now he's finally at peace and free from all that pain."
    found = _found(hub, f"## A story\n\nIt was a long year.\n\n{unsafe}\n")
    assert ("second-reader.safe-messaging", _line_of(hub, unsafe[:30]), "warning") in found


def test_a_topic_s_everyday_phrase_silences_it_for_that_topic(hub: Hub) -> None:
    """What tells the rules a sentence is not the topic (the topic's exceptions: stretch
    marks, vanilla extract's alcohol) tells the second reader too; a sentence of the topic
    without such a phrase is still warned of. (Development-half sentences the model alone
    reads as the topic.)"""
    reader = second_reader()
    for sentence, category in (
        ("I used to hide the stretch marks on my hips after two pregnancies, and this summer "
         "I wore a bikini anyway.", "cw-self-harm"),
        ("Vanilla extract is mostly alcohol, which is why the smell hits you when you open "
         "the bottle.", "cw-substance-use"),
    ):  # fmt: skip
        assert (0, category) in reader.flagged([sentence])  # the model alone would warn
        found = _found(hub, sentence + "\n")
        assert not [f for f in found if f[0] == f"second-reader.{category}"], sentence
    drinking = "My brother started drinking at breakfast again after the layoff."
    found = _found(hub, drinking + "\n")
    assert ("second-reader.cw-substance-use", _line_of(hub, drinking), "warning") in found


def test_the_word_half_counts_words_and_pairs_as_training_did() -> None:
    """The word features (one function, which training imports) and their TF-IDF share of a
    score: what a sentence says in known words moves it; words the model never met, or a
    sentence said twice over, do not (counts are damped by 1 + ln, then normalised)."""
    from carepress.second_reader import word_features

    assert word_features("She said: don’t GO, it’s fine.") == [
        "she", "said", "don't", "go", "it's", "fine",
        "she said", "said don't", "don't go", "go it's", "it's fine",
    ]  # fmt: skip
    assert word_features("") == [] and word_features("?!") == []
    reader = second_reader()
    sentence = "He started drinking at breakfast again after the layoff."
    twice = f"{sentence} qzxv {sentence}"  # joined by a word the model never met
    scores = reader._word_scores([sentence, "qzxv wvkq", twice])
    assert scores[0].any() and not scores[1].any()
    assert len(reader.words) == len(reader.word_idf) == reader.word_weights.shape[0]
    # Every known feature counted twice: each 1 + ln 2 times as strong, normalised away.
    assert abs(scores[2] - scores[0]).max() < 1e-5


def test_phrases_shown_as_examples_are_mentions_not_uses(hub: Hub) -> None:
    """A list of short phrases in code or quotation marks ("Avoid: `committed suicide`") shows
    words, as the rules' mentions do; the model alone reads them as unsafe messaging, so the
    check does not ask it. A longer quotation is what readers read, and is read."""
    reader = second_reader()
    shown = ["committed suicide", "failed attempt, unsuccessful attempt"]
    assert {category for _, category in reader.flagged(shown)} >= {"safe-messaging"}
    body = (
        "Words to avoid, with the ones to use instead in the section above:\n\n"
        "- `committed suicide`\n- `failed attempt`, `unsuccessful attempt`\n"
        "- “suicide epidemic” or “skyrocketing”\n"
    )
    found = _found(hub, body, content_warnings=["suicide"])
    assert not [f for f in found if f[0].startswith("second-reader.")]
    quoted = "“At least now he's finally at peace and free from all that pain.”"
    found = _found(hub, f"## A story\n\nIt was a long year.\n\n{quoted}\n")
    assert ("second-reader.safe-messaging", _line_of(hub, quoted[:30]), "warning") in found
