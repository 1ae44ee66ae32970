"""The HTML report in a real headless browser (Debian's ``chromium``; ``.ci/run`` installs it).

The page must load with no console errors, and a reference titled ``<script>…</script>`` must show as text and
run nothing. A control page proves the checks can fail: the same probes see its console error and its script
changing the title.

They run wherever Chromium is installed. In CI (``CI=true``; ``.ci/run`` installs Chromium) a missing Chromium
fails them; elsewhere they are skipped with a one-line reason, so the README's test command passes on a fresh
machine without a browser.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Literal

import pytest

import needling_evidence as ne
from conftest import clean_env
from needling_evidence.report import render_html
from report_sample import EVIL_TITLE, sample_report

# Chromium's start-up in a container takes 1-3 s; a minute leaves room for a loaded CI machine.
BROWSER_TIMEOUT_SECONDS = 60

SKIP_REASON = "Chromium not installed; `apt-get install chromium` (CI runs these)"


def find_chromium() -> str | None:
    return next(
        (
            found
            for name in ("chromium", "chromium-browser", "google-chrome")
            if (found := shutil.which(name))
        ),
        None,
    )


def in_ci(environ: dict[str, str] | os._Environ[str]) -> bool:
    return environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def browser_tests(chromium: str | None, ci: bool) -> Literal["run", "fail", "skip"]:
    """What the browser tests do: run with Chromium; without it, fail in CI (which must have it) and skip
    elsewhere."""
    if chromium is not None:
        return "run"
    return "fail" if ci else "skip"


CHROMIUM = find_chromium()
# decided at collection (CI is read from the environment pytest starts in, before any fixture scrubs it)
skip_without_chromium = pytest.mark.skipif(
    browser_tests(CHROMIUM, in_ci(os.environ)) == "skip", reason=SKIP_REASON
)


def _chromium() -> str:
    if CHROMIUM is None:
        pytest.fail(f"in CI the browser tests must run: {SKIP_REASON}")
    return CHROMIUM


@pytest.mark.parametrize(
    ("chromium", "ci", "expected"),
    [
        ("/usr/bin/chromium", False, "run"),
        ("/usr/bin/chromium", True, "run"),
        (None, True, "fail"),
        (None, False, "skip"),
    ],
)
def test_browser_tests_run_with_chromium_fail_without_it_in_ci_and_skip_elsewhere(
    chromium: str | None, ci: bool, expected: str
) -> None:
    assert browser_tests(chromium, ci) == expected


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("1", True), ("", False), ("false", False)])
def test_ci_is_read_from_the_ci_variable(value: str, expected: bool) -> None:
    assert in_ci({"CI": value}) is expected
    assert in_ci({}) is False


def _load(page: Path, profile: Path) -> tuple[str, list[str]]:
    """The DOM after the page loaded, and the console messages Chromium logged while loading it."""
    done = subprocess.run(
        [
            _chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=BROWSER_TIMEOUT_SECONDS,
        check=False,
        env=clean_env(),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


def _title(dom: str) -> str:
    return dom.split("<title>", 1)[1].split("</title>", 1)[0]


@pytest.mark.browser
@skip_without_chromium
def test_the_probes_see_console_errors_and_scripts(tmp_path: Path) -> None:
    control = tmp_path / "control.html"
    control.write_text(
        f"<!DOCTYPE html><html><head><title>ok</title></head><body>{EVIL_TITLE}"
        "<script>console.error('control-error')</script></body></html>",
        encoding="utf-8",
    )
    dom, console = _load(control, tmp_path / "profile")
    assert _title(dom) == "pwned"
    assert any("control-error" in line for line in console)


@pytest.mark.browser
@skip_without_chromium
def test_report_loads_cleanly_and_shows_a_script_title_as_text(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_html(sample_report(), title="Browser check"), encoding="utf-8")
    dom, console = _load(page, tmp_path / "profile")
    assert console == []
    assert _title(dom) == "Browser check"
    assert "<script" not in dom.lower()
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom  # shown, as text
    assert "Gaps (3), worst first" in dom


@pytest.mark.browser
@skip_without_chromium
def test_report_of_a_real_article_with_a_hostile_reference(tmp_path: Path) -> None:
    article = ne.load_article(
        "# A hostile article\n\nDry needling reduces neck pain [1].\n\n## References\n\n"
        f"1. Smith, J. (2020). {EVIL_TITLE}. Journal of Tests, 1(2), 3-4.\n"
    )
    registry = ne.draft_claims(article)
    report = ne.coverage_report(article, registry, article.references)
    page = tmp_path / "report.html"
    page.write_text(report.to_html(), encoding="utf-8")
    dom, console = _load(page, tmp_path / "profile")
    assert console == []
    assert "pwned" not in _title(dom)
    assert "<script" not in dom.lower()
    assert "document.title='pwned'" in dom
