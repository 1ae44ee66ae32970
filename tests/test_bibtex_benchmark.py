"""The BibTeX benchmark keeps working: a small run of it compares every field with pylatexenc.

The timing target (within 2x of bibtexparser's bare parse on 20,000 entries) is measured by running
``python tests/benchmarks/bench_bibtex.py``; a few dozen entries only check that the script runs and that the
decoded text of a generated file equals pylatexenc's on every field.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import clean_env

BENCH = Path(__file__).parent / "benchmarks" / "bench_bibtex.py"


def test_benchmark_script_runs_and_finds_no_decoding_difference() -> None:
    run = subprocess.run(
        [sys.executable, str(BENCH), "--sizes", "40", "--repeats", "1", "--middleware"],
        capture_output=True,
        text=True,
        timeout=300,
        env=clean_env(),
    )
    assert run.returncode in (0, 1), (
        run.stderr
    )  # 1 only when the (meaningless at 40 entries) ratio is over 2x
    out = run.stdout
    assert "40 entries" in out
    assert "bare" in out and "ours" in out and "full" in out  # the contenders' columns
    assert "ours/bare (min)" in out
    assert "differences 0" in out


def test_help_does_not_run_the_benchmark() -> None:
    run = subprocess.run(
        [sys.executable, str(BENCH), "--help"], capture_output=True, text=True, timeout=60, env=clean_env()
    )
    assert run.returncode == 0 and "--sizes" in run.stdout and "entries," not in run.stdout


def test_generated_file_reads_without_problems() -> None:
    sys.path.insert(0, str(BENCH.parent))
    try:
        from bench_bibtex import generate_bib  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(BENCH.parent))
    from needling_evidence import read_bibtex

    refs = read_bibtex(generate_bib(300, seed=3))
    assert len(refs) == 300
    assert {p.code for p in refs.problems} <= {"bibtex.duplicate_work"}  # random titles may repeat
    assert any(r.authors and r.authors[-1].literal == "others" for r in refs)
    assert any(any(p.literal and p.literal != "others" for p in r.authors) for r in refs)  # "{... Group}"
    names = [p.family for r in refs for p in r.authors if p.family]
    assert len(set(names)) > 0.9 * len(names)  # varied, as in real bibliographies: caches cannot help
