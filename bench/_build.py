"""One measured `mkdocs build` in its own process (so peak RSS is this build's alone).
Prints JSON: {"seconds", "peak_rss_mb", "workers_peak_rss_mb", "cpu_seconds",
"own_cpu_seconds"}: wall time; the build process's peak RSS and that of its largest worker
(CarePress checks posts and draws cards in worker processes); CPU time of the build and its
workers, and of the build's own process (bench/feeds.py times the feeds alone)."""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main() -> None:
    hub = Path(sys.argv[1])
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.chdir(hub)
    started = time.perf_counter()
    config = load_config(config_file=str(hub / "mkdocs.yml"), site_dir=str(hub / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "peak_rss_mb": own.ru_maxrss / 1024,
                "workers_peak_rss_mb": workers.ru_maxrss / 1024,
                "cpu_seconds": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime,
                "own_cpu_seconds": own.ru_utime + own.ru_stime,
            }
        )
    )


if __name__ == "__main__":
    main()
