"""The fuzz suite's cases, counted: `python bench/fuzz.py [--cases N] [--seed S]`.

Draws posts from the same strategies as tests/test_fuzz.py, checks each one, and prints
how many were run, how many had findings (errors), how many front matters were valid,
tracebacks (0 expected), hangs (0 expected: no post past 60 s) and the slowest check."""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "plugins")]

from carepress.engine import check_post  # noqa: E402
from carepress.settings import load_settings  # noqa: E402
from fuzzing import bodies, hazards, posts  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from test_fuzz import no_hang  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    hub = load_settings(ROOT / "mkdocs.yml")
    counts: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    slowest = [0.0, ""]
    folder = Path(tempfile.mkdtemp())
    random.seed(args.seed)

    @settings(max_examples=args.cases, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(text=posts(), body=bodies)
    def run(text: str, body: str) -> None:
        counts["cases"] += 1
        path = folder / "fuzzed.md"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        started = time.perf_counter()
        try:
            with no_hang():
                report = check_post(path, hub)
        except AssertionError:
            counts["hangs"] += 1
            return
        except Exception:
            counts["tracebacks"] += 1
            traceback.print_exc()
            return
        took = time.perf_counter() - started
        if took > slowest[0]:
            slowest[:] = [took, text[:80]]
        counts["front matter valid"] += report.front_matter is not None
        counts["with errors"] += report.has_errors
        counts["findings"] += len(report.findings)
        rules.update(f.rule for f in report.findings if f.severity == "error")
        try:
            sanitised = hub.sanitiser.clean(hub.render(body))
        except RecursionError:
            counts["bodies Markdown cannot render"] += 1
            return
        counts["bodies sanitised"] += 1
        counts["bodies with removals"] += bool(sanitised.removals)
        found = hazards(sanitised.html, hub.sanitiser.site_host)
        counts["hazards past the allowlist"] += bool(found)

    run()
    for name in ("cases", "front matter valid", "with errors", "findings", "tracebacks", "hangs",
                 "bodies sanitised", "bodies with removals", "hazards past the allowlist",
                 "bodies Markdown cannot render"):  # fmt: skip
        print(f"{name}: {counts[name]}")
    print(f"slowest check: {slowest[0]:.2f} s")
    print("most frequent error rules:", ", ".join(f"{r} {n}" for r, n in rules.most_common(8)))


if __name__ == "__main__":
    main()
