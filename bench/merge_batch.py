"""Add a blind batch to the development half, after it has been measured once.

    python bench/merge_batch.py LABEL BATCH_DIR [--write]

BATCH_DIR holds `<category>.yml` files (`category`, `writer`, `flag:` and `clean:` lists of
`text` and `style`) and, optionally, `posts/*.md`. Without --write it only counts. A sentence
already in the development half is skipped; one in the test half is skipped too and only
counted (never printed: the test half stays unread). The batch's writer line is appended to
the file's own, after "| batch LABEL writer: ". Posts whose names are taken get a
`-label` suffix, so no existing post is overwritten; a post already there is skipped.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
LABELS = ("flag", "clean")


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _texts(path: Path) -> set[str]:
    if not path.exists():
        return set()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {_normal(item["text"]) for label in LABELS for item in data.get(label) or []}


def _item(entry: dict) -> str:
    lines = [f"  - text: {json.dumps(entry['text'], ensure_ascii=False)}"]
    lines += [f"    {key}: {value}" for key, value in entry.items() if key != "text"]
    return "\n".join(lines) + "\n"


def test_half_texts() -> set[str]:
    """Every test-half sentence, any category's: a sentence written for one category may
    sit in another's file."""
    return set().union(*map(_texts, (CORPUS / "test").glob("*.yml")))


def merge_file(source: Path, label: str, write: bool, in_test: set[str]) -> str:
    batch = yaml.safe_load(source.read_text(encoding="utf-8"))
    dev_path = CORPUS / "dev" / source.name
    known = _texts(dev_path)
    added: dict[str, list[dict]] = {name: [] for name in LABELS}
    skipped_dev = skipped_test = 0
    for name in LABELS:
        for entry in batch.get(name) or []:
            text = _normal(entry["text"])
            if text in known:
                skipped_dev += 1
            elif text in in_test:
                skipped_test += 1
            else:
                known.add(text)
                added[name].append(entry)
    if write:
        lines = dev_path.read_text(encoding="utf-8").split("\n")
        if not (lines[1].startswith('writer: "') and lines[1].endswith('"')):
            raise SystemExit(f"{dev_path}: expected a one-line writer: on line 2")
        writer = str(batch.get("writer", "")).replace('"', "'")
        lines[1] = f'{lines[1][:-1]} | batch {label} writer: {writer}"'
        head, tail = "\n".join(lines).split("\nclean:\n", 1)
        head = head.rstrip("\n") + "\n" + "".join(map(_item, added["flag"]))
        tail = tail.rstrip("\n") + "\n" + "".join(map(_item, added["clean"]))
        merged = head + "clean:\n" + tail
        if yaml.safe_load(merged)["category"] != batch["category"]:
            raise SystemExit(f"{source}: its category is not {dev_path.name}'s")
        dev_path.write_text(merged, encoding="utf-8")
    return (
        f"{source.stem}: +{len(added['flag'])} flag +{len(added['clean'])} clean; skipped "
        f"{skipped_dev} already in the development half, {skipped_test} in the test half"
    )


def merge_posts(folder: Path, label: str, write: bool) -> list[str]:
    target = CORPUS / "dev" / "posts"
    present = {path.read_bytes() for path in target.glob("*.md")}
    said = []
    for post in sorted(folder.glob("*.md")):
        if post.read_bytes() in present:
            said.append(f"posts/{post.name}: already in the development half")
            continue
        name = post.name
        if (target / name).exists():
            name = f"{post.stem}-{label.lower()}.md"
        said.append(f"posts/{post.name} -> dev/posts/{name}")
        if write:
            shutil.copyfile(post, target / name)
    return said


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("label", help="the batch's name, e.g. AK")
    parser.add_argument("batch", type=Path, help="the batch's folder")
    parser.add_argument("--write", action="store_true", help="change the development half")
    args = parser.parse_args()
    in_test = test_half_texts()
    for source in sorted(args.batch.glob("*.yml")):
        print(merge_file(source, args.label, args.write, in_test))
    if (args.batch / "posts").is_dir():
        print("\n".join(merge_posts(args.batch / "posts", args.label, args.write)))


if __name__ == "__main__":
    main()
