"""The HTML report in a real headless browser (Debian's ``chromium``; ``.ci/run`` installs it).

The page must load with no console errors, and a reference titled ``<script>…</script>`` must show as text and
run nothing. A control page proves the checks can fail: the same probes see its console error and its script
changing the title. There is no skip: without Chromium this test fails, because CI installs it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import needling_evidence as ne
from needling_evidence.report import render_html
from report_sample import EVIL_TITLE, sample_report

pytestmark = pytest.mark.browser

# Chromium's start-up in a container takes 1-3 s; a minute leaves room for a loaded CI machine.
BROWSER_TIMEOUT_SECONDS = 60


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("Chromium is not installed: `apt-get install chromium` (.ci/run does this)")


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
    )
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


def _title(dom: str) -> str:
    return dom.split("<title>", 1)[1].split("</title>", 1)[0]


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


def test_report_loads_cleanly_and_shows_a_script_title_as_text(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_html(sample_report(), title="Browser check"), encoding="utf-8")
    dom, console = _load(page, tmp_path / "profile")
    assert console == []
    assert _title(dom) == "Browser check"
    assert "<script" not in dom.lower()
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom  # shown, as text
    assert "Gaps (3), worst first" in dom


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
