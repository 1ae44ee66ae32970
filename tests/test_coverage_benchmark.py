"""The coverage benchmark keeps working: ``--help`` only prints, and a tiny run goes through the CLI's path.

The timing targets are measured by running ``python tests/benchmarks/bench_coverage.py``; here a few claims
only check that the script runs check_article and every rendering, and prints its table.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import clean_env

BENCH = Path(__file__).parent / "benchmarks" / "bench_coverage.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCH), *args], capture_output=True, text=True, timeout=300, env=clean_env()
    )


def test_help_does_not_run_the_benchmark() -> None:
    done = run("--help")
    assert done.returncode == 0 and "--suggest-scale" in done.stdout
    assert "coverage report from" not in done.stdout and "suggestions alone (index" not in done.stdout


def test_a_tiny_run_renders_every_format_and_prints_its_row() -> None:
    done = run("--sizes", "20x200", "--repeat", "1")
    assert done.returncode == 0, done.stderr
    assert "text" in done.stdout and "html" in done.stdout and "json" in done.stdout
    assert "20 × 200" in done.stdout


def test_suggest_scale_child_reports_its_figures() -> None:
    done = run("--one-suggest", "20", "200")
    assert done.returncode == 0, done.stderr
    assert '"suggest":' in done.stdout and '"n_suggestions":' in done.stdout
