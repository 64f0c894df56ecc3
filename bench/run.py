"""CarePress's cost on top of Material, and how it scales. Prints a Markdown table and writes
bench/RESULTS.md. Not a test: no thresholds, just numbers.

    .venv/bin/python bench/run.py --quick      # N = 300, a few minutes
    .venv/bin/python bench/run.py              # N = 300 and 2,000; scaling to 5,000 (long)
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from importlib.metadata import version
from pathlib import Path

from carepress.engine import utc_now
from carepress.parallel import check_many
from carepress.settings import load_settings
from generate import make_hub

BENCH = Path(__file__).resolve().parent
WORK = BENCH / "out"
PYTHON = sys.executable


def measured_build(hub: Path) -> dict:
    out = subprocess.run(
        [PYTHON, str(BENCH / "_build.py"), str(hub)], capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        raise SystemExit(f"build of {hub} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _forget_caches(hub: Path) -> None:
    """A first build: no kept reports, verdicts or cards (.cache/carepress)."""
    shutil.rmtree(hub / ".cache" / "carepress", ignore_errors=True)


def overhead(posts: int, repeats: int, cold: bool) -> dict:
    """The same posts with Material's blog alone (A) and with CarePress (B), alternated.
    Warm: CarePress's caches (reports, page verdicts, cards) kept from the build before, as
    on a rebuild; cold: forgotten before each CarePress build, as on a first build."""
    material = make_hub(WORK / f"material-{posts}", posts, carepress=False)
    carepress = make_hub(WORK / f"carepress-{posts}", posts, carepress=True)
    # One unmeasured build of each first (file-system caches, Python's bytecode).
    measured_build(material)
    measured_build(carepress)
    a, b = [], []
    for _ in range(repeats):
        a.append(measured_build(material))
        if cold:
            _forget_caches(carepress)
        b.append(measured_build(carepress))
    ma = statistics.median(r["seconds"] for r in a)
    mb = statistics.median(r["seconds"] for r in b)
    # Each CarePress build against the Material build just before it: on a shared VM whose
    # speed drifts by 10-20% over minutes, neighbours are the fairer comparison.
    pairs = [rb["seconds"] / ra["seconds"] for ra, rb in zip(a, b, strict=True)]
    return {
        "posts": posts,
        "cold": cold,
        "material_s": ma,
        "carepress_s": mb,
        "ratio": mb / ma,
        "material_runs": [r["seconds"] for r in a],
        "carepress_runs": [r["seconds"] for r in b],
        "pair_ratios": pairs,
        "material_rss": max(r["peak_rss_mb"] for r in a),
        "carepress_rss": max(r["peak_rss_mb"] for r in b),
        "carepress_workers_rss": max(r["workers_peak_rss_mb"] for r in b),
        "material_cpu": statistics.median(r["cpu_seconds"] for r in a),
        "carepress_cpu": statistics.median(r["cpu_seconds"] for r in b),
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (OSError, urllib.error.URLError):
        return ""


def serve_reload(posts: int, edits: int) -> dict:
    """`mkdocs serve` on a hub of `posts` posts: seconds from saving an edited post to the
    preview serving the edit, CarePress against Material alone (median of `edits`)."""
    result = {"posts": posts}
    for name, carepress in (("material", False), ("carepress", True)):
        hub = make_hub(WORK / f"serve-{name}-{posts}", posts, carepress=carepress)
        port = _free_port()
        server = subprocess.Popen(
            [str(Path(PYTHON).parent / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
            cwd=hub, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            post = hub / "content" / "posts" / "post-00000.md"
            slug = re.search(r"^slug: (\S+)", post.read_text(), re.M)
            page = f"http://127.0.0.1:{port}/blog/{slug.group(1) if slug else ''}/"
            deadline = time.monotonic() + 600
            while "<html" not in _get(page):  # the first build
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit(f"mkdocs serve did not serve {page}")
                time.sleep(0.5)
            times = []
            for edit in range(edits):
                marker = f"Edited for the benchmark, round {edit}."
                text = post.read_text()
                post.write_text(text.rstrip("\n") + f"\n\n{marker}\n")
                started = time.monotonic()
                while marker not in _get(page):
                    if time.monotonic() - started > 600:
                        raise SystemExit(f"the edit never reached {page}")
                    time.sleep(0.05)
                times.append(time.monotonic() - started)
                time.sleep(2)  # let the watcher settle before the next edit
            result[f"{name}_s"] = statistics.median(times)
            result[f"{name}_runs"] = times
        finally:
            server.terminate()
            server.wait(timeout=30)
    result["ratio"] = result["carepress_s"] / result["material_s"]
    return result


def scaling(sizes: list[int]) -> list[dict]:
    rows = []
    for n in sizes:
        hub = make_hub(WORK / f"carepress-{n}", n, carepress=True)
        run = measured_build(hub)
        base = measured_build(make_hub(WORK / f"material-{n}", n, carepress=False))
        rows.append(
            {
                "posts": n,
                "seconds": run["seconds"],
                "ms_per_post": 1000 * run["seconds"] / n,
                "rss": run["peak_rss_mb"],
                "workers_rss": run["workers_peak_rss_mb"],
                "material_rss": base["peak_rss_mb"],
                "material_s": base["seconds"],
            }
        )
    return rows


def check_speed(posts: int) -> dict:
    hub = make_hub(WORK / f"check-{posts}", posts, carepress=True)
    settings = load_settings(hub / "mkdocs.yml")
    files = settings.post_files()
    check_many(files[:20], settings, utc_now(), html=True, workers=0)  # warm-up: rule packs, caches
    passes = []
    for _ in range(3):  # median of three: one pass is at the mercy of whatever else runs
        started = time.perf_counter()
        reports = check_many(files, settings, utc_now(), html=True, workers=0)
        passes.append(time.perf_counter() - started)
        assert not any(r.has_errors for r in reports), "synthetic posts must check clean"
    elapsed = statistics.median(passes)
    command = str(Path(PYTHON).parent / "carepress")

    def whole_hub(*args: str) -> float:
        t0 = time.perf_counter()
        subprocess.run([command, "check", *args], cwd=hub, capture_output=True, check=False)
        return time.perf_counter() - t0

    # The command on the whole hub, process start and the hub's own pages included: every
    # post checked (--fresh, on the command's workers), then again with nothing changed
    # (each post's report kept, as a writer's next check finds them).
    fresh = statistics.median(whole_hub("--fresh") for _ in range(3))
    whole_hub()
    kept = statistics.median(whole_hub() for _ in range(3))
    loop = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(
            [str(Path(PYTHON).parent / "carepress"), "check", str(files[0])],
            cwd=hub,
            capture_output=True,
            check=False,
        )
        loop.append(time.perf_counter() - t0)
    return {
        "posts": posts,
        "per_second": posts / elapsed,
        "command_fresh_per_second": posts / fresh,
        "command_kept_per_second": posts / kept,
        "edit_loop_s": statistics.median(loop),
    }


def other_tools(hub: Path) -> list[str]:
    """alex (npm) and proselint (PyPI) on the same posts, where they are installed."""
    lines = []
    posts = sorted((hub / "content" / "posts").glob("*.md"))
    for name, command in (
        ("proselint", ["proselint", "check"]),  # proselint >= 0.16
        ("alex", ["npx", "--no-install", "alex"]),
    ):
        started = time.perf_counter()
        try:
            done = subprocess.run(
                [*command, *map(str, posts)],
                capture_output=True,
                text=True,
                check=False,
                timeout=600,
            )
        except (FileNotFoundError, subprocess.TimeoutExpired):
            done = None
        # Both tools exit 1 when they find something; anything else means they did not run.
        missing = ("could not determine", "missing packages", "command not found")
        if done is None or done.returncode not in (0, 1) or any(m in done.stderr for m in missing):
            lines.append(f"- {name}: not installed here; not compared")
            continue
        lines.append(f"- {name}: {len(posts) / (time.perf_counter() - started):.0f} posts/s")
    return lines


def _overhead_lines(over: dict) -> list[str]:
    kind = "cold (first build: no kept reports, verdicts or cards)" if over["cold"] else (
        "warm (a rebuild: CarePress's caches kept)"
    )
    target = 1.5 if over["cold"] else 1.10
    return [
        f"### N = {over['posts']}, {kind}",
        "",
        f"Ratio (wall time, median over median): **{over['ratio']:.2f}** (target <= {target}); "
        f"each pair (A then B): {', '.join(f'{r:.2f}' for r in over['pair_ratios'])}; "
        # A neighbour's load only ever adds time: the fastest run is each build's least
        # disturbed one.
        f"fastest over fastest {min(over['carepress_runs']) / min(over['material_runs']):.2f}. "
        f"Runs (s): Material {', '.join(f'{x:.1f}' for x in over['material_runs'])}; CarePress "
        f"{', '.join(f'{x:.1f}' for x in over['carepress_runs'])}. CPU time "
        f"{over['carepress_cpu'] / over['material_cpu']:.2f}x. Peak RSS: Material "
        f"{over['material_rss']:.0f} MB, CarePress {over['carepress_rss']:.0f} MB "
        f"(**{over['carepress_rss'] / over['material_rss']:.2f}**, target <= 1.3), its workers "
        f"{over['carepress_workers_rss']:.0f} MB.",
        "",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="N = 300 only, fewer runs")
    parser.add_argument("--repeats", type=int, help="overhead pairs (default: 3 quick, 5 full)")
    args = parser.parse_args()
    args.repeats = args.repeats or (3 if args.quick else 5)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    # CarePress as a user runs it: Python's bytecode cache written, as a wheel's install or
    # any first run writes it (this machine may set PYTHONDONTWRITEBYTECODE, and an editable
    # install would then compile CarePress's modules from source in every build and check,
    # ~0.1 s that Material, compiled at its install, never pays).
    compileall.compile_dir(BENCH.parent / "plugins", quiet=1)
    sizes = [] if args.quick else [100, 500, 2000, 5000]
    overheads = [overhead(300, args.repeats, cold=False), overhead(300, args.repeats, cold=True)]
    if not args.quick:
        overheads += [overhead(2000, args.repeats, cold=False), overhead(2000, 3, cold=True)]
    reload = serve_reload(100 if args.quick else 500, 3 if args.quick else 5)
    rows = scaling(sizes)
    n_check = 300 if args.quick else 2000
    checks = check_speed(n_check)
    tools = other_tools(WORK / f"check-{n_check}")

    out = [
        f"# CarePress benchmark ({'quick' if args.quick else 'full'})",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"mkdocs {version('mkdocs')}, mkdocs-material {version('mkdocs-material')}, "
        f"carepress {version('carepress')}.",
        "",
        "## Build overhead: Material's blog alone (A) against CarePress (B), alternated",
        "",
        *[line for over in overheads for line in _overhead_lines(over)],
        f"## `mkdocs serve`: saving a post to its reloaded preview, at N = {reload['posts']}",
        "",
        f"Material alone **{reload['material_s']:.2f} s**, CarePress "
        f"**{reload['carepress_s']:.2f} s** (ratio {reload['ratio']:.2f}); runs (s): Material "
        f"{', '.join(f'{x:.2f}' for x in reload['material_runs'])}; CarePress "
        f"{', '.join(f'{x:.2f}' for x in reload['carepress_runs'])}.",
        "",
    ]
    if rows:
        out += [
            "## Scaling (CarePress on, first builds: nothing cached)",
            "",
            "| posts | seconds | ms per post | peak RSS (MB) | workers' RSS (MB) "
            "| Material alone: s / RSS (MB) |",
            "|---:|---:|---:|---:|---:|---:|",
            *[
                f"| {r['posts']} | {r['seconds']:.1f} | {r['ms_per_post']:.1f} | {r['rss']:.0f} "
                f"| {r['workers_rss']:.0f} | {r['material_s']:.1f} / {r['material_rss']:.0f} |"
                for r in rows
            ],
            "",
        ]
        small = next((r for r in rows if r["posts"] == 500), rows[0])
        big = rows[-1]
        out += [
            f"ms per post at {big['posts']} / at {small['posts']}: "
            f"{big['ms_per_post'] / small['ms_per_post']:.2f} (target <= 1.25); "
            f"peak RSS at {big['posts']} vs Material alone: "
            f"{big['rss'] / big['material_rss']:.2f}",
            "",
        ]
    out += [
        "## Checks",
        "",
        f"- `carepress check` throughput over {checks['posts']} posts in one process: "
        f"**{checks['per_second']:.0f} posts/s** (each post rendered to judge its HTML)",
        f"- `carepress check` of the whole hub, process start included: "
        f"**{checks['command_fresh_per_second']:.0f} posts/s** checking every post "
        f"(`--fresh`, on the command's workers), "
        f"**{checks['command_kept_per_second']:.0f} posts/s** when none has changed",
        f"- one post, process start included (the edit loop): **{checks['edit_loop_s']:.2f} s** "
        "(target < 0.5 s)",
        *tools,
        "",
    ]
    text = "\n".join(out)
    print(text)
    (BENCH / ("RESULTS-quick.md" if args.quick else "RESULTS.md")).write_text(text, "utf-8")


if __name__ == "__main__":
    main()
