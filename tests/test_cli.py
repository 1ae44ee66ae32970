"""The command line: every command through ``main()`` (in-process) and the console script (subprocess).

No test reaches the network: the bundled report answers from the bundled snapshot, ``verify`` runs against the
local Crossref-shaped server, and ``refs fix`` gets its search answers from a stub work source.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

import needling_evidence as ne
from conftest import clean_env
from crossref_server import CrossrefServer
from cupping_sample import ARTICLE
from needling_evidence import cli, commands
from needling_evidence.crossref.base import Lookup, Progress, SearchResult
from needling_evidence.datasets import dry_needling_path
from needling_evidence.model import Provenance

# no Crossref settings from the environment; a default client's cache is a throwaway file
pytestmark = pytest.mark.usefixtures("throwaway_cache")


def _snapshot_messages() -> dict[str, dict[str, Any]]:
    snapshot = json.loads(dry_needling_path("crossref-snapshot.json").read_text(encoding="utf-8"))
    return {record["doi"]: record["message"] for record in snapshot["records"]}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- help and usage -----------------------------------------------------------------------------------------


def test_help_lists_commands_and_examples(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for word in (
        "report",
        "verify",
        "refs",
        "claims",
        "cache",
        "examples:",
        "exit codes",
        "NEEDLING_EVIDENCE_MAILTO",
    ):
        assert word in out
    for sub in (
        ["report"],
        ["verify"],
        ["refs", "parse"],
        ["refs", "fix"],
        ["claims", "draft"],
        ["cache", "info"],
    ):
        code, out, _ = run(capsys, *sub, "--help")
        assert code == 0 and "usage: needling-evidence" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["nonsense"],
        ["report", "--format", "pdf"],
        ["report", "--fail-under", "lots"],
        ["verify"],
        ["refs"],
        ["claims"],
        ["cache"],
    ],
)
def test_usage_errors_exit_2_without_traceback(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == cli.EXIT_USAGE
    assert "Traceback" not in err


def test_fail_under_out_of_range_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "report", "--fail-under", "150")
    assert code == 2 and "between 0 and 100" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "{missing}"],
        ["report", "{dir}"],
        ["report", "--refs", "{missing}"],
        ["report", "{missing}", "--crossref-url", "ftp://not-http"],  # the missing file first
        ["verify", "{missing}"],
        ["refs", "parse", "{missing}"],
        ["refs", "fix", "{missing}"],
        ["claims", "draft", "{missing}"],
    ],
)
def test_unreadable_input_is_one_line_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    missing = tmp_path / "nowhere" / "missing.md"
    argv = [a.format(missing=missing, dir=tmp_path) for a in argv]
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("needling-evidence: error:")
    assert str(missing) in err or str(tmp_path) in err


# --- report -------------------------------------------------------------------------------------------------


def test_no_arguments_report_the_bundled_article_offline_and_say_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys)
    assert code == 0
    assert out.startswith("Dry Needling Physio Therapy")
    flat = " ".join(out.split())
    assert "verified offline against the bundled Crossref snapshot" in flat
    assert "not a live Crossref answer" in flat
    assert "Gaps (" in out and "Claims (" in out and "References (3)" in out


def test_bundled_report_matches_the_library(tmp_path: Path) -> None:
    run_ = commands.run_report(fmt="json")
    bundle = ne.datasets.dry_needling()
    results = ne.verify_references(bundle.references, ne.CrossrefClient.bundled())
    expected = ne.coverage_report(
        bundle.article, bundle.claims, bundle.references, results, library=bundle.library
    )
    assert json.loads(run_.text) == json.loads(json.dumps(expected.to_dict()))
    assert {r["provenance"]["kind"] for r in expected.to_dict()["references"] if r["provenance"]} == {
        "snapshot"
    }
    assert run_.coverage == pytest.approx(expected.summary["percent_supported"])


@pytest.mark.parametrize("suffix", [".html", ".md", ".json", ".csv"])
def test_report_format_follows_the_output_suffix(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    out_file = tmp_path / f"report{suffix}"
    code, out, err = run(capsys, "report", "-o", str(out_file))
    assert code == 0 and out == ""
    assert f"wrote {out_file}" in err
    text = out_file.read_text(encoding="utf-8")
    if suffix == ".html":
        assert text.startswith("<!DOCTYPE html>") and "bundled Crossref snapshot" in text
    elif suffix == ".md":
        assert text.startswith("## Dry Needling Physio Therapy")
    elif suffix == ".json":
        assert set(json.loads(text)) >= {"schema_version", "summary", "claims", "links", "references", "gaps"}
    else:
        assert text.splitlines()[0].startswith("claim_id,text,kind,status,sources")
    assert not list(tmp_path.glob(".*.tmp"))  # the atomic write left no temporary file


def test_fail_under_sets_the_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    supported = commands.run_report().coverage
    # the bundled article has gaps; since issue 10 it may have no supported claim at all
    assert 0 <= supported < 100
    code, _, err = run(capsys, "report", "--fail-under", f"{supported + 1:.1f}", "--format", "md")
    assert code == 1 and "below --fail-under" in err
    code, _, _ = run(capsys, "report", "--fail-under", f"{max(supported - 1, 0):.1f}", "--format", "md")
    assert code == 0


def test_report_on_any_article_uses_its_own_references_and_drafted_claims(
    capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "report", str(article), "--no-verify", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [r["key"] for r in data["references"]] == ["gattie2017", "cagnie2013"]
    assert {r["status"] for r in data["references"]} == {"not_checked"}
    assert data["claims"] and all(c["claim_id"].startswith("draft-") for c in data["claims"])
    assert {link["origin"] for link in data["links"]} <= {"citation", "suggestion"}
    # offline with an empty cache: could not check, which is never "not_found"
    code, out, _ = run(
        capsys, "report", str(article), "--offline", "--cache", str(tmp_path / "c.sqlite"), "--format", "json"
    )
    assert code == 0
    assert {r["status"] for r in json.loads(out)["references"]} == {"unverified"}


def test_report_with_refs_and_claims_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(
        capsys,
        "report",
        str(dry_needling_path("article.txt")),
        "--refs",
        str(dry_needling_path("references.bib")),
        "--claims",
        str(dry_needling_path("claims.yaml")),
        "--no-verify",
        "--format",
        "csv",
    )
    assert code == 0
    registry = ne.load_claims(dry_needling_path("claims.yaml"))
    assert len(out.strip().splitlines()) == len(registry) + 1


def test_strict_fails_on_input_problems(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text(ARTICLE.replace("blood [2]", "blood [7]"), encoding="utf-8")  # no reference 7
    code, _, _ = run(capsys, "report", str(path), "--no-verify", "--format", "md")
    assert code == 0
    code, _, err = run(capsys, "report", str(path), "--no-verify", "--format", "md", "--strict")
    assert code == 1 and "--strict" in err


def test_python_dash_m_and_console_script(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "needling_evidence", "report", "--format", "md"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=clean_env(NEEDLING_EVIDENCE_CACHE=str(tmp_path / "cache.sqlite")),
    )
    assert done.returncode == 0, done.stderr
    assert "## Dry Needling Physio Therapy" in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "needling_evidence", "report", str(tmp_path / "none.md")],
        capture_output=True,
        text=True,
        check=False,
        env=clean_env(NEEDLING_EVIDENCE_CACHE=str(tmp_path / "cache.sqlite")),
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr and "none.md" in done.stderr


def test_cli_module_imports_nothing_heavy() -> None:
    code = (
        "import sys, needling_evidence.cli as c; c.build_parser(); "
        "heavy = ('pandas', 'habanero', 'bibtexparser', 'matplotlib', 'yaml', 'tqdm'); "
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=clean_env()
    ).stdout
    assert out.strip() == ""


# --- verify -------------------------------------------------------------------------------------------------


@pytest.fixture
def served(crossref_server: CrossrefServer) -> CrossrefServer:
    """The local server answering with the snapshot's records for Gattie and Cagnie (Rodine: unknown)."""
    crossref_server.add_works(_snapshot_messages().values())
    return crossref_server


def test_verify_json_has_one_object_per_reference(
    capsys: pytest.CaptureFixture[str], served: CrossrefServer, tmp_path: Path
) -> None:
    bib = dry_needling_path("references.bib")
    code, out, _ = run(
        capsys,
        "verify",
        str(bib),
        "--format",
        "json",
        "--crossref-url",
        served.url,
        "--cache",
        str(tmp_path / "c.db"),
    )
    assert code == 0
    rows = json.loads(out)
    assert [r["key"] for r in rows] == [r.key for r in ne.read_bibtex(bib)]
    for row in rows:
        assert set(row) == set(commands.VERIFY_COLUMNS)
    gattie = rows[0]
    assert gattie["status"] == "verified" and gattie["doi"] == "10.2519/jospt.2017.7096"
    assert gattie["provenance"]["kind"] == "live"
    assert served.requests >= 1


def test_verify_table_csv_and_strict(
    capsys: pytest.CaptureFixture[str], served: CrossrefServer, tmp_path: Path
) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        dry_needling_path("references.bib")
        .read_text(encoding="utf-8")
        .replace("jospt.2017.7096", "jospt.2017.9999"),
        encoding="utf-8",
    )
    served.add_not_found("10.2519/jospt.2017.9999")
    common = ["--crossref-url", served.url, "--cache", str(tmp_path / "c.db")]
    code, out, _ = run(capsys, "verify", str(bib), *common)
    assert code == 0
    assert "not_found" in out and "verified" in out and "reference(s):" in out
    code, out, _ = run(capsys, "verify", str(bib), "--format", "csv", *common)
    assert out.splitlines()[0] == ",".join(commands.VERIFY_COLUMNS)
    code, _, err = run(capsys, "verify", str(bib), "--strict", *common)
    assert code == 1 and "gattie2017" in err


@pytest.mark.parametrize("columns", ["80", "120"])
def test_verify_table_reads_at_80_columns_and_keeps_words_whole(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, columns: str
) -> None:
    # issue 12: at 100-120 columns the table broke "unveri/fied" and squeezed the message to 7 characters
    monkeypatch.setenv("COLUMNS", columns)
    library = dry_needling_path("library.bib")
    code, out, _ = run(capsys, "verify", str(library), "--offline", "--cache", str(tmp_path / "c.db"))
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= int(columns)
    words = out.split()
    assert words.count("unverified") >= 7  # every status whole
    for doi in ("10.3390/jcm12031205", "10.1179/2042618613y.0000000044"):
        assert doi in words
    assert "systematic review" in " ".join(words)  # the design in words, never "system/atic"
    message_lines = [line for line in lines if line.startswith("    ") and "offline" in line]
    assert message_lines and min(len(line) for line in message_lines) > 40  # prose gets the full width


def test_verify_table_flags_a_retracted_work_in_its_row_and_the_tally(
    capsys: pytest.CaptureFixture[str], served: CrossrefServer, tmp_path: Path
) -> None:
    # A retracted work keeps the status `verified` (its metadata agrees), and the table said only
    # "6 verified, …": the retraction was one "NOTICE retraction …" among the details of one row.
    gattie = dict(_snapshot_messages()["10.2519/jospt.2017.7096"])
    gattie["updated-by"] = [
        {"DOI": "10.5555/notice.1", "type": "retraction", "updated": {"date-parts": [[2020, 1, 2]]}}
    ]
    served.add_work(gattie)
    common = ["--crossref-url", served.url, "--cache", str(tmp_path / "c.db")]
    code, out, _ = run(capsys, "verify", str(dry_needling_path("references.bib")), *common)
    assert code == 0
    gattie_row = out[out.index("gattie2017") : out.index("cagnie2013")]
    assert "RETRACTED" in gattie_row
    assert "1 retracted (gattie2017)" in out


def test_verify_output_format_follows_the_suffix_and_reading_problems_reach_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # `verify refs.bib -o out.json` wrote the terminal table into out.json; and with --format json an entry
    # that could not be read vanished from the output with no word anywhere.
    bib = tmp_path / "refs.bib"
    broken = "@article{broken2013,\n  title = {Unbalanced {brace},\n  year = {2013}\n}\n\n"
    bib.write_bytes((broken + BIB_WITHOUT_DOI).encode("utf-8"))
    common = ["--offline", "--cache", str(tmp_path / "c.db")]
    out_json, out_csv = tmp_path / "out.json", tmp_path / "out.csv"
    code, _, err = run(capsys, "verify", str(bib), "-o", str(out_json), *common)
    assert code == 0 and [r["key"] for r in json.loads(out_json.read_text(encoding="utf-8"))] == [
        "cagnie2013"
    ]
    assert "bibtex.parse_failed" in err
    run(capsys, "verify", str(bib), "-o", str(out_csv), *common)
    assert out_csv.read_text(encoding="utf-8").splitlines()[0] == ",".join(commands.VERIFY_COLUMNS)
    code, out, err = run(capsys, "verify", str(bib), "--format", "json", *common)
    assert json.loads(out)[0]["key"] == "cagnie2013" and "bibtex.parse_failed" in err
    # an explicit --format wins over the suffix
    run(capsys, "verify", str(bib), "--format", "table", "-o", str(out_json), *common)
    assert out_json.read_text(encoding="utf-8").startswith("key")


def test_verify_rate_limited_without_mailto_says_how_to_get_the_polite_pool(
    capsys: pytest.CaptureFixture[str], served: CrossrefServer, tmp_path: Path
) -> None:
    # A 429 storm left every reference `unverified` with "try again later" and no word on the one thing that
    # helps with Crossref: identifying yourself (the polite pool).
    from needling_evidence.crossref.client import CrossrefClient

    served.fail(status=429, times=50, retry_after="0")
    client = CrossrefClient(base_url=served.url, cache=False, max_retries=0, backoff=0)
    run_ = commands.run_verify(dry_needling_path("references.bib"), client=client)
    assert {v.status for v in run_.verifications} == {"unverified"}
    assert any("--mailto" in hint and "NEEDLING_EVIDENCE_MAILTO" in hint for hint in run_.hints)
    polite = CrossrefClient(
        base_url=served.url, cache=False, max_retries=0, backoff=0, mailto="me@example.org"
    )
    assert commands.run_verify(dry_needling_path("references.bib"), client=polite).hints == ()


def test_verify_offline_with_an_empty_cache_is_unverified(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys,
        "verify",
        str(dry_needling_path("references.bib")),
        "--offline",
        "--cache",
        str(tmp_path / "c.db"),
        "--format",
        "json",
    )
    assert code == 0
    assert {row["status"] for row in json.loads(out)} == {"unverified"}


def test_verify_sends_mailto_from_the_option(served: CrossrefServer, tmp_path: Path) -> None:
    commands.run_verify(
        dry_needling_path("references.bib"),
        crossref_url=served.url,
        mailto="editor@example.org",
        cache=tmp_path / "c.db",
    )
    agents = [request.user_agent for request in served.log]
    assert agents and all("mailto:editor@example.org" in agent for agent in agents)


# --- refs parse / refs fix ----------------------------------------------------------------------------------


def test_refs_parse_to_bibtex_and_csl_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = dry_needling_path("references.txt")
    code, out, _ = run(capsys, "refs", "parse", str(source))
    assert code == 0 and out.count("@") == 3
    bib, csl = tmp_path / "refs.bib", tmp_path / "refs.json"
    assert run(capsys, "refs", "parse", str(source), "-o", str(bib))[0] == 0
    assert run(capsys, "refs", "parse", str(source), "-o", str(csl))[0] == 0
    from_bib, from_csl = ne.read_bibtex(bib), ne.read_csl_json(csl)
    assert (
        [r.doi for r in from_bib]
        == [r.doi for r in from_csl]
        == ["10.2519/jospt.2017.7096", "10.1007/s11916-013-0348-5", None]
    )
    assert from_bib[2].title == "Trigger Point Dry Needling: An Evidenced and Clinical-Based Approach"
    code, _, err = run(capsys, "refs", "parse", str(source), "-o", str(tmp_path / "refs.docx"))
    assert code == 2 and ".bib" in err


def test_refs_parse_keeps_the_text_it_could_not_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # An unrecognised reference with a year was written as `@article{ref2020, year = {2020}}`
    # and a partly read one lost its leftover text: the converted file no longer held what the user pasted.
    source = tmp_path / "refs.txt"
    unread = "Smith_J, 100% wrong #tags {braces}. A title with 50% & _under_ {curly}. J Test. 2020;1(1):1-2."
    source.write_text(
        "1. Gattie E, Cleland JA, Snodgrass S. The effectiveness of trigger point dry needling: a review. "
        "J Orthop Sports Phys Ther. 2017;47(3):133-149.\n"
        f"2. {unread}\n",
        encoding="utf-8",
    )
    bib, csl = tmp_path / "refs.bib", tmp_path / "refs.json"
    assert run(capsys, "refs", "parse", str(source), "-o", str(bib))[0] == 0
    assert run(capsys, "refs", "parse", str(source), "-o", str(csl))[0] == 0
    import bibtexparser

    assert not bibtexparser.parse_string(bib.read_text(encoding="utf-8")).failed_blocks
    for back in (ne.read_bibtex(bib), ne.read_csl_json(csl)):
        parsed, kept = back
        assert parsed.note is None  # a reference read in full gets no note
        assert kept.year == 2020 and kept.note is not None and unread in kept.note


def test_refs_parse_keeps_a_file_it_replaces(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # `refs parse refs.txt -o library.bib` replaced an existing library.bib with nothing kept.
    library = tmp_path / "library.bib"
    library.write_bytes(BIB_WITHOUT_DOI.encode("utf-8"))
    code, _, err = run(capsys, "refs", "parse", str(dry_needling_path("references.txt")), "-o", str(library))
    assert code == 0 and "library.bib.bak" in err
    assert (tmp_path / "library.bib.bak").read_bytes() == BIB_WITHOUT_DOI.encode("utf-8")
    assert len(ne.read_bibtex(library)) == 3


class StubSource:
    """A work source whose search finds the published Cagnie 2013 record (from the bundled snapshot) for any
    query, and which knows no DOI: enough to exercise ``refs fix`` without a network."""

    def __init__(self) -> None:
        self.message = dict(_snapshot_messages()["10.1007/s11916-013-0348-5"], score=120.0)

    def lookup_dois(self, dois: Sequence[str], *, progress: Progress | None = None) -> list[Lookup]:
        return [Lookup(doi=doi, outcome="not_found", provenance=Provenance("live")) for doi in dois]

    def search_bibliographic(self, text: str, *, rows: int = 5) -> SearchResult:
        items: tuple[Mapping[str, Any], ...] = (self.message,)
        return SearchResult(query=text, outcome="found", items=items, provenance=Provenance("live"))


BIB_WITHOUT_DOI = """\
% a hand-written file: comments and layout must survive
@string{cphr = "Current Pain and Headache Reports"}

@article{cagnie2013,
  author  = {Cagnie, Barbara and Dewitte, Vincent and Barbe, Tom and Timmermans, Frank and
             Delrue, Nicolas and Meeus, Mira},
  title   = {Physiologic effects of dry needling},
  journal = cphr,
  year    = {2013},
  volume  = {17},
  number  = {8},
  pages   = {348}
}
"""


def test_refs_fix_is_a_dry_run_unless_asked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_bytes(BIB_WITHOUT_DOI.encode("utf-8"))
    fix = commands.run_refs_fix(bib, client=StubSource())
    assert fix.additions == {"cagnie2013": "10.1007/s11916-013-0348-5"}
    assert not fix.written and bib.read_bytes() == BIB_WITHOUT_DOI.encode("utf-8")
    fix = commands.run_refs_fix(bib, client=StubSource(), write=True)
    assert fix.written and fix.backup is not None
    assert fix.backup.read_bytes() == BIB_WITHOUT_DOI.encode("utf-8")
    new = bib.read_text(encoding="utf-8")
    # the only change: a comma after the entry's last field, then the new field
    assert re.sub(r",\n *doi *= *\{10\.1007/s11916-013-0348-5\}", "", new) == BIB_WITHOUT_DOI
    assert new != BIB_WITHOUT_DOI
    assert ne.read_bibtex(bib)[0].doi == "10.1007/s11916-013-0348-5"


def test_refs_fix_fills_an_empty_doi_field(tmp_path: Path) -> None:
    # JabRef and Zotero templates leave `doi = {}`; `refs fix --write` stopped with "already has a doi field;
    # pass overwrite=True" (a Python argument the command line does not have) and added nothing.
    bib = tmp_path / "refs.bib"
    original = BIB_WITHOUT_DOI.replace("  pages   = {348}\n", "  pages   = {348},\n  doi     = {}\n")
    bib.write_bytes(original.encode("utf-8"))
    fix = commands.run_refs_fix(bib, client=StubSource(), write=True)
    assert fix.written and fix.additions == {"cagnie2013": "10.1007/s11916-013-0348-5"}
    assert bib.read_text(encoding="utf-8") == original.replace(
        "doi     = {}", "doi     = {10.1007/s11916-013-0348-5}"
    )


def test_refs_fix_command_line_dry_run(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_bytes(BIB_WITHOUT_DOI.encode("utf-8"))
    code, out, _ = run(capsys, "refs", "fix", str(bib), "--offline", "--cache", str(tmp_path / "c.db"))
    assert code == 0 and "No DOIs to add" in out
    assert bib.read_bytes() == BIB_WITHOUT_DOI.encode("utf-8")
    code, _, err = run(capsys, "refs", "fix", str(dry_needling_path("references.txt")))
    assert code == 2 and ".bib" in err


def test_refs_fix_says_what_it_could_not_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # Offline with an empty cache, or with an entry the reader skips, `refs fix` printed only "No DOIs to
    # add": a user read that as "every entry was searched and none matched".
    bib = tmp_path / "refs.bib"
    broken = "@article{broken2013,\n  title = {Unbalanced {brace},\n  year = {2013}\n}\n\n"
    bib.write_bytes((broken + BIB_WITHOUT_DOI).encode("utf-8"))
    fix = commands.run_refs_fix(bib, offline=True, cache=tmp_path / "c.db")
    assert fix.additions == {} and "cagnie2013" in fix.unchecked
    assert [p.code for p in fix.problems] == ["bibtex.parse_failed"]
    code, out, err = run(capsys, "refs", "fix", str(bib), "--offline", "--cache", str(tmp_path / "c.db"))
    assert code == 0
    assert "could not be searched" in out and "cagnie2013" in out and "offline" in out
    assert "bibtex.parse_failed" in err and f"{bib}:1" in err


# --- claims draft -------------------------------------------------------------------------------------------


def test_claims_draft_writes_a_registry_that_loads_back(
    capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "claims.yaml"
    code, _, err = run(capsys, "claims", "draft", str(article), "-o", str(out_file))
    assert code == 0 and "review them" in err
    drafted = ne.draft_claims(ne.load_article(article))
    loaded = ne.load_claims(out_file, article=article)
    assert [p for p in loaded.problems if p.severity == "error"] == []
    assert [c.text for c in loaded] == [c.text for c in drafted]
    assert [c.kind for c in loaded] == [c.kind for c in drafted]
    document = yaml.safe_load(out_file.read_text(encoding="utf-8"))
    assert document["schema_version"] == 1 and all(c["evidence"] == [] for c in document["claims"])


def test_claims_draft_of_the_bundled_article_loads_back(tmp_path: Path) -> None:
    registry, _ = commands.run_claims_draft(dry_needling_path("article.txt"), output=tmp_path / "c.yaml")
    loaded = ne.load_claims(tmp_path / "c.yaml", article=dry_needling_path("article.txt"))
    assert len(loaded) == len(registry) > 10
    assert [p for p in loaded.problems if p.severity == "error"] == []


# --- cache --------------------------------------------------------------------------------------------------


def test_cache_info_and_clear(
    capsys: pytest.CaptureFixture[str], served: CrossrefServer, tmp_path: Path
) -> None:
    cache = tmp_path / "c.db"
    commands.run_verify(dry_needling_path("references.bib"), crossref_url=served.url, cache=cache)
    code, out, _ = run(capsys, "cache", "info", "--cache", str(cache))
    assert code == 0 and str(cache) in out
    assert commands.run_cache_info(cache)["works"] >= 2
    code, out, _ = run(capsys, "cache", "clear", "--cache", str(cache))
    assert code == 0 and "Deleted" in out
    assert commands.run_cache_info(cache)["works"] == 0


def test_cache_info_follows_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NEEDLING_EVIDENCE_CACHE", str(tmp_path / "env-cache.sqlite"))
    code, out, _ = run(capsys, "cache", "info")
    assert code == 0 and "env-cache.sqlite" in out


# --- progress bar and atomic writes -------------------------------------------------------------------------


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty, self.parts = tty, []  # type: ignore[var-annotated]

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def flush(self) -> None:
        pass


def test_progress_bar_draws_only_on_a_terminal() -> None:
    pipe, tty = _Stream(False), _Stream(True)
    for stream in (pipe, tty):
        bar = cli.ProgressBar("Checking", stream)  # type: ignore[arg-type]
        bar(1, 4)
        bar(4, 4)
    assert pipe.parts == []
    drawn = "".join(tty.parts)
    # tqdm's bar, labelled, redrawn in place; the finished bar stays on a line of its own
    assert drawn.startswith("\rChecking") and "4/4" in drawn and drawn.endswith("\n")
    interrupted = _Stream(True)
    bar = cli.ProgressBar("Checking", interrupted)  # type: ignore[arg-type]
    bar(1, 4)
    bar.close()  # a run that stops half way leaves the cursor on a fresh line
    assert "1/4" in "".join(interrupted.parts) and interrupted.parts[-1].endswith("\n")


def test_progress_off_a_terminal_is_a_line_every_few_seconds_and_one_at_the_end() -> None:
    # issue 12: a 4-minute run printed nothing when not on a terminal (CI logs)
    from needling_evidence.progress import LOG_EVERY_SECONDS, ProgressBar

    now = [0.0]
    log = _Stream(False)
    bar = ProgressBar("Checking references", log, clock=lambda: now[0])  # type: ignore[arg-type]
    for done in range(1, 61):
        now[0] = done * 0.5  # one reference every half second: 30 s in all
        bar(done, 60)
    lines = "".join(log.parts).splitlines()
    assert (
        len(lines) == int(30 / LOG_EVERY_SECONDS) - 1 + 1
    )  # one per interval after the start, one at the end
    assert lines[0] == "Checking references: 11/60 (5 s)"
    assert lines[-1] == "Checking references: 60/60 (30 s)"
    quick = _Stream(False)
    bar = ProgressBar("Checking", quick, clock=lambda: 0.0)  # type: ignore[arg-type]
    bar(1, 2)
    bar(2, 2)
    assert quick.parts == []  # a run shorter than the interval stays silent


def test_progress_bar_shows_on_a_terminal_that_reports_no_size(monkeypatch: pytest.MonkeyPatch) -> None:
    # A pseudo-terminal says 0 columns × 0 lines until someone sets its size (CI runners, `script`); tqdm,
    # which measures sys.stderr itself, then hid its bar and printed a bare line break.
    import os
    import select

    controller, terminal = os.openpty()
    try:
        assert tuple(os.get_terminal_size(terminal)) == (0, 0)
        with open(terminal, "w", encoding="utf-8", closefd=False) as stream:
            monkeypatch.setattr(sys, "stderr", stream)
            bar = cli.ProgressBar("Checking")
            bar(1, 2)
            bar(2, 2)
        drawn = b""
        while select.select([controller], [], [], 1.0)[0]:
            chunk = os.read(controller, 65536)
            drawn += chunk
            if not chunk or drawn.endswith(b"\n"):
                break
    finally:
        os.close(terminal)
        os.close(controller)
    assert b"Checking" in drawn and b"2/2" in drawn


def test_write_text_atomic_keeps_the_old_file_when_the_folder_is_missing(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    commands.write_text_atomic(target, "first")
    commands.write_text_atomic(target, "second")
    assert target.read_text(encoding="utf-8") == "second"
    with pytest.raises(ne.InputError, match="does not exist"):
        commands.write_text_atomic(tmp_path / "no" / "out.md", "x")
