"""Outputs safe where they are opened, command by command (issue 13): nothing a terminal would act on reaches
stdout or stderr from `report`, `verify`, `refs parse`, `refs fix` or `claims draft`, and no CSV cell runs
as a spreadsheet formula, while `-o FILE` keeps every character the inputs hold."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from needling_evidence import cli

# The hostile content: clear screen and cursor home, a window title, a hyperlink, the bell, a
# right-to-left override — and a C1 control and bidi isolates for good measure.
HOSTILE = (
    "\x1b[2J\x1b[H\x1b]0;pwned\x07\x1b]8;;http://127.0.0.1/\x1b\\click\x1b]8;;\x1b\\ ding\x07 "
    "invoice\u202etxt.exe \x9b31m\u2066x\u2069"
)
FORMULAS = ("=cmd|' /C calc'!A0", "+1+1 cell", "-2+3 cell", "@SUM(A1:A2)")
# Anything a terminal acts on: ESC, BEL, the other C0 controls but tab and newline, DEL, C1, bidi controls.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(autouse=True)
def _throwaway_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("NEEDLING_EVIDENCE_CROSSREF_URL", "NEEDLING_EVIDENCE_MAILTO"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NEEDLING_EVIDENCE_CACHE", str(tmp_path / "cache.sqlite"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_terminal_safe(*streams: str) -> None:
    for text in streams:
        assert UNSAFE.search(text) is None, repr(UNSAFE.search(text))


def assert_no_formula_cell(text: str) -> None:
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.fixture
def csl(tmp_path: Path) -> Path:
    items = [
        {
            "id": FORMULAS[0],
            "type": "article-journal",
            "title": f"{FORMULAS[0]} {HOSTILE}",
            "author": [{"family": "+Smith", "given": "J"}],
            "container-title": FORMULAS[3],
            "issued": {"date-parts": [[2020]]},
        },
        {
            "id": FORMULAS[3],
            "type": "article-journal",
            "title": FORMULAS[2],
            "issued": {"date-parts": [[2019]]},
        },
        {"id": FORMULAS[1], "type": "article-journal", "title": f"{HOSTILE}"},
        {"id": f"untitled {HOSTILE}", "type": "article-journal"},  # a problem quoting the hostile id
    ]
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.md"
    path.write_text(
        f"# Pain {HOSTILE}\n\nDry needling reduces neck pain {HOSTILE} in adults [1].\n\n"
        f"{FORMULAS[0]} relieves pain in most patients [1].\n\n"
        f"{FORMULAS[3]} reduces pain by half in adults [1].\n\n"
        f"## References\n\n1. Smith J. Title {HOSTILE}. J Pain. 2017;3:1-10.\n2. {HOSTILE}\n",
        encoding="utf-8",
    )
    return path


OFFLINE = ("--offline", "--no-cache", "--no-pubmed")


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_verify_shows_nothing_a_terminal_acts_on(
    capsys: pytest.CaptureFixture[str], csl: Path, fmt: str
) -> None:
    code, out, err = run(capsys, "verify", str(csl), "--format", fmt, *OFFLINE)
    assert code == 0
    assert_terminal_safe(out, err)
    assert "invoicetxt.exe" in out or fmt != "csv"  # the text stays; only what acts on the terminal goes
    assert "has no title" in err or fmt == "table"  # the problem line is there, made safe
    if fmt == "csv":
        assert_no_formula_cell(out)
        keys = [row[0] for row in csv.reader(io.StringIO(out))][1:]
        assert keys[:3] == ["'" + FORMULAS[0], "'" + FORMULAS[3], "'" + FORMULAS[1]]
    if fmt == "json":  # JSON keeps its values: the unsafe characters are escaped, not dropped
        rows = json.loads(out)
        assert [row["key"] for row in rows][:3] == [FORMULAS[0], FORMULAS[3], FORMULAS[1]]
        assert "\\u202e" in out and "\\u001b" in out


def test_verify_csv_file_neutralises_formulas_and_keeps_every_other_character(
    capsys: pytest.CaptureFixture[str], csl: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "checked.csv"
    code, _, err = run(capsys, "verify", str(csl), "-o", str(out_file), *OFFLINE)
    assert code == 0
    assert_terminal_safe(err)
    text = out_file.read_text(encoding="utf-8")
    assert_no_formula_cell(text)
    assert "\x1b" not in text.split("\n")[0]
    assert "'=cmd|' /C calc'!A0" in text


@pytest.mark.parametrize("fmt", ["text", "md", "csv", "json", "html"])
def test_report_shows_nothing_a_terminal_acts_on(
    capsys: pytest.CaptureFixture[str], article: Path, fmt: str
) -> None:
    code, out, err = run(capsys, "report", str(article), "--no-verify", "--format", fmt, "--strict")
    assert code == 1  # --strict: the unparsed reference is a problem, listed on stderr
    assert_terminal_safe(out, err)
    assert "refs.unparsed" in err or "[" in err
    if fmt == "csv":
        assert_no_formula_cell(out)
        assert "'=cmd|' /C calc'!A0 relieves pain in most patients." in out
        assert "'@SUM(A1:A2) reduces pain by half in adults." in out
    if fmt == "json":
        json.loads(out)
        assert "\\u202e" in out


def test_report_csv_file_neutralises_formulas(
    capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "report.csv"
    code, _, err = run(capsys, "report", str(article), "--no-verify", "-o", str(out_file))
    assert code == 0
    assert_terminal_safe(err)
    text = out_file.read_text(encoding="utf-8")
    assert_no_formula_cell(text)
    assert "\u202e" in text  # a file keeps every character; only formulas are neutralised


def test_refs_parse_to_the_terminal_shows_nothing_a_terminal_acts_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    listed = tmp_path / "refs.txt"
    listed.write_text(
        f"1. Smith J. {FORMULAS[0]} {HOSTILE}. J Pain. 2017;3:1-10.\n2. {HOSTILE}\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "refs", "parse", str(listed))
    assert code == 0
    assert_terminal_safe(out, err)
    assert "@article{smith2017" in out and "invoicetxt.exe" in out
    assert "refs.unparsed" in err
    bib = tmp_path / "refs.bib"
    code, _, err = run(capsys, "refs", "parse", str(listed), "-o", str(bib))
    assert_terminal_safe(err)
    assert "\u202e" in bib.read_text(encoding="utf-8")  # the file keeps what the user wrote


def test_claims_draft_to_the_terminal_shows_nothing_a_terminal_acts_on(
    capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "claims", "draft", str(article))
    assert code == 0
    assert_terminal_safe(out, err)
    assert "relieves pain in most patients" in out


def test_refs_fix_and_errors_show_nothing_a_terminal_acts_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(f"@article{{smith2020,\n  title = {{{HOSTILE}}},\n  year = {{2020}}\n}}\n@bad{HOSTILE}\n")
    code, out, err = run(capsys, "refs", "fix", str(bib), "--offline", "--no-cache")
    assert code == 0
    assert_terminal_safe(out, err)
    assert "smith2020" in out
    missing = tmp_path / f"missing{HOSTILE}.md"
    code, out, err = run(capsys, "report", str(missing))
    assert code == 2 and "article not found" in err and "invoicetxt.exe" in err
    assert_terminal_safe(out, err)
    code, out, err = run(capsys, "verify", str(bib), "--format", f"x{HOSTILE}")
    assert code == 2 and "invalid choice" in err
    assert_terminal_safe(out, err)


def test_a_large_input_is_never_silent_while_it_is_read(
    capsys: pytest.CaptureFixture[str], article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # issue 13 item 6: a 5 MB article took tens of seconds with no word before any count was known. The size
    # threshold and the interval are made small here so a short article stands for a large one.
    import time

    from needling_evidence import commands

    monkeypatch.setattr("needling_evidence.progress.LARGE_INPUT_BYTES", 10)
    monkeypatch.setattr("needling_evidence.progress.LOG_EVERY_SECONDS", 0.05)
    real_draft = commands.run_claims_draft

    def slow_draft(*args: object, **kwargs: object) -> object:
        time.sleep(0.3)
        return real_draft(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(commands, "run_claims_draft", slow_draft)
    code, out, err = run(capsys, "claims", "draft", str(article))
    assert code == 0 and "claims:" in out
    lines = err.splitlines()
    assert lines[0].startswith("Reading and analysing article.md (0.0 MB)")
    assert any(line.startswith("  still reading and analysing (") for line in lines[1:])
    assert_terminal_safe(err)
    monkeypatch.setattr("needling_evidence.progress.LARGE_INPUT_BYTES", 10_000_000)
    code, out, err = run(capsys, "claims", "draft", str(article))
    assert code == 0 and err == ""  # a small input: no word
