"""Synthetic posts for benchmarks: realistic size and shape (600-1,000 words, headings, lists,
citations, sources, some content warnings, tags), valid under CarePress's checks.

    python bench/generate.py OUT_DIR --posts 2000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SOURCES = [
    (
        "nimh-anxiety",
        "Anxiety Disorders",
        "https://www.nimh.nih.gov/health/topics/anxiety-disorders",
    ),
    ("nimh-depression", "Depression", "https://www.nimh.nih.gov/health/publications/depression"),
    ("nhs-insomnia", "Insomnia", "https://www.nhs.uk/conditions/insomnia/"),
    ("va-ptsd", "What is PTSD?", "https://www.ptsd.va.gov/understand/what/index.asp"),
    ("lifeline", "988 Suicide & Crisis Lifeline", "https://988lifeline.org/"),
]
TOPICS = {
    None: ["worry", "sleep", "routine", "breathing", "boundaries", "rest", "habits", "focus"],
    "trauma": ["a traumatic event", "trauma reminders", "flashbacks"],
    "suicide": ["thoughts of suicide", "suicidal feelings"],
    "death-and-grief": ["grief", "a funeral", "bereavement"],
}
SENTENCES = [
    "Many people notice {topic} long before they name it.",
    "Small steps add up over days and weeks.",
    "It can help to write down what you notice and when.",
    "Talking with someone you trust is a good first step.",
    "A short walk, a glass of water and a regular bedtime all help.",
    "Be patient with yourself while you try something new.",
    "There is no single right way to feel about {topic}.",
    "A clinician who knows you can help you decide what fits.",
    "Try one change at a time, so you can tell what helps.",
    "Notice what your body does when {topic} comes up.",
]
TAGS = ["anxiety", "sleep", "coping-skills", "self-care", "mood", "stress", "families", "work"]
CATEGORIES = ["Anxiety", "Depression and Mood", "Wellbeing", "Trauma", "Grief"]
AUTHORS = ["dana-reyes", "sam-okafor", "mei-lin"]


def _paragraph(rng: random.Random, topic: str, cite: str | None) -> str:
    text = " ".join(rng.choice(SENTENCES).format(topic=topic) for _ in range(rng.randint(4, 6)))
    if cite:
        text += f" Research suggests that support helps [@{cite}]."
    return text


_TODAY = dt.date.today()


def post(index: int, rng: random.Random, start: dt.date) -> str:
    warning = rng.choice([None] * 6 + ["trauma", "suicide", "death-and-grief"])
    topic = rng.choice(TOPICS[warning] if warning else TOPICS[None])
    sources = rng.sample(SOURCES, k=rng.randint(1, 3))
    date = start + dt.timedelta(days=index % 700)
    lines = [
        "---",
        f'title: "Notes on {topic.title()}, part {index}"',
        f'description: "A plain-language look at {topic}, with small steps to try."',
        f"date: {date.isoformat()}",
        f"slug: post-{index:05d}",
        f"authors: [{rng.choice(AUTHORS)}]",
        f"categories: [{rng.choice(CATEGORIES)}]",
        f"tags: [{', '.join(rng.sample(TAGS, k=2))}]",
        f"audience: [{rng.choice(['clients', 'community', 'clients, community'])}]",
        f"content_warnings: [{warning or ''}]",
        # Reviewed lately, as a well-kept hub's posts are (an unreviewed post is a warning).
        f"reviewed: {{by: {rng.choice(AUTHORS)}, on: {_TODAY - dt.timedelta(days=index % 90)}}}",
        "sources:",
    ]
    for sid, title, url in sources:
        lines += [f"  - id: {sid}", f'    title: "{title}"', f"    url: {url}"]
    lines += ["---", "", _paragraph(rng, topic, sources[0][0]), "", "<!-- more -->", ""]
    cited = iter(s[0] for s in sources[1:])
    for section in range(rng.randint(4, 6)):
        lines += [f"## Part {section + 1}", ""]
        for _ in range(rng.randint(2, 3)):
            lines += [_paragraph(rng, topic, next(cited, None)), ""]
        if section % 2 == 0:
            lines += [f"- Notice {topic}.", "- Take one small step.", "- Ask for support.", ""]
    if warning == "suicide":
        lines += ["If you are thinking about suicide, call or text 988 in the US.", ""]
    return "\n".join(lines)


def make_hub(
    out: Path, posts: int, seed: int = 7, carepress: bool = True, portraits: bool = False,
    carousels: bool = False,
) -> Path:
    """A copy of the sample hub with `posts` synthetic posts (and without the sample posts).
    CarePress as it is by default: the sample hub's opt-in Instagram cards only when asked
    (what they cost: bench/PROFILE.md)."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(ROOT / "content", out / "content", ignore=shutil.ignore_patterns("posts"))
    shutil.copytree(ROOT / "overrides", out / "overrides")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if not portraits:
        config = config.replace("portrait_cards: true", "portrait_cards: false")
    if not carousels:
        config = config.replace("carousels: true", "carousels: false")
    if not carepress:
        config = _material_only(config)
        for page in (out / "content").glob("*.md"):  # pages that use CarePress templates
            text = page.read_text(encoding="utf-8")
            page.write_text(
                "\n".join(line for line in text.splitlines() if not line.startswith("template:"))
                + "\n",
                "utf-8",
            )
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    rng = random.Random(seed)
    target = out / "content" / "posts"
    target.mkdir(parents=True)
    start = dt.date(2024, 1, 1)
    for index in range(posts):
        (target / f"post-{index:05d}.md").write_text(post(index, rng, start), encoding="utf-8")
    return out


def _material_only(config: str) -> str:
    """The same hub for Material alone: no carepress plugin, no CarePress theme overrides."""
    lines, skipping = [], False
    for line in config.splitlines():
        if line.startswith("  - carepress"):
            skipping = True
            continue
        if skipping and line.startswith("      "):
            continue
        skipping = False
        if line.strip() == "custom_dir: overrides":
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--material-only", action="store_true")
    args = parser.parse_args()
    make_hub(args.out, args.posts, carepress=not args.material_only)
    print(f"wrote {args.posts} posts to {args.out}/content/posts")
