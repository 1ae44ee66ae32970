"""Start-up benchmark: how long the command line takes from a cold process, next to importing pandas.

    python tests/benchmarks/bench_startup.py [--runs N]

Times, in one run and as the median of N fresh processes each: ``needling-evidence --help``;
``needling-evidence report`` on the bundled article (offline, against the bundled snapshot; terminal output);
and ``python -c "import pandas"`` — the floor any command that builds a DataFrame pays. ``--help`` should cost
a small fraction of the pandas import (the CLI imports nothing heavy until a command needs it). ``report``
never builds a DataFrame (the renderers read ``to_dict()``); it pays for the parsers, YAML, and numpy (used
by the suggestions), so it should stay near the pandas figure.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Five runs per command keep the median stable on a 2-core machine while the benchmark stays under a minute.
DEFAULT_RUNS = 5


def _command() -> list[str]:
    script = shutil.which("needling-evidence", path=str(Path(sys.executable).parent)) or shutil.which(
        "needling-evidence"
    )
    return [script] if script else [sys.executable, "-m", "needling_evidence"]


def _time(argv: list[str], runs: int, env: dict[str, str]) -> list[float]:
    times = []
    subprocess.run(argv, capture_output=True, check=True, env=env)  # warm the OS file cache once
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "NEEDLING_EVIDENCE_CACHE": str(Path(tmp) / "cache.sqlite")}
        env.pop("NEEDLING_EVIDENCE_CROSSREF_URL", None)
        cli = _command()
        cases = [
            ("needling-evidence --help", [*cli, "--help"]),
            ("needling-evidence report (bundled)", [*cli, "report"]),
            ('python -c "import pandas"', [sys.executable, "-c", "import pandas"]),
            ('python -c "import needling_evidence"', [sys.executable, "-c", "import needling_evidence"]),
        ]
        results = [(label, _time(argv, args.runs, env)) for label, argv in cases]
    pandas_median = statistics.median(results[2][1])
    print(f"cold start, median of {args.runs} fresh processes each ({sys.executable})")
    print(f"{'command':40} {'median':>9} {'min':>9} {'max':>9} {'vs pandas':>10}")
    for label, times in results:
        median = statistics.median(times)
        print(
            f"{label:40} {median * 1000:7.0f}ms {min(times) * 1000:7.0f}ms {max(times) * 1000:7.0f}ms "
            f"{median / pandas_median:9.2f}x"
        )


if __name__ == "__main__":
    main()
