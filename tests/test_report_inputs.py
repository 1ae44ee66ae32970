"""What an editor sees when an input has problems: the Markdown report lists them, and a claims registry that
cannot be read at all stops ``report`` with exit code 2 instead of reporting 100 % of zero claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from needling_evidence import cli, commands
from needling_evidence.report import render_markdown
from report_sample import sample_report

ARTICLE = """\
# Cupping for back pain

Cupping reduces chronic low back pain [1]. Cupping also lowers blood pressure [9].

## References

1. Example A. Cupping for chronic low back pain: a randomised trial. J Test Med. 2019;12:100-110. \
doi:10.5555/test.0001
"""

GOOD_REGISTRY = """\
claims:
  - id: back-pain
    text: Cupping reduces chronic low back pain.
    quote: Cupping reduces chronic low back pain
    kind: efficacy
    evidence:
      - source: example2019
        stance: supports
        directness: direct
        rationale: an RCT in chronic low back pain
"""


def test_markdown_lists_the_problems_in_the_inputs() -> None:
    data = sample_report()
    data["problems"] = [
        {
            "code": "citation.unresolved",
            "severity": "error",
            "message": "inline citation '[9]' in sentence s002: no reference numbered 9",
            "file": "article.md",
            "line": 3,
        }
    ]
    text = render_markdown(data)
    assert "### Problems in the inputs (1)" in text
    assert "article.md:3" in text and "no reference numbered 9" in text
    assert text.index("### Problems in the inputs") > text.index("### References")


def test_markdown_problems_are_cut_to_fit_a_pull_request_comment() -> None:
    from needling_evidence.report.markdown import MAX_MARKDOWN_CHARS

    data = sample_report()
    data["problems"] = [
        {"code": "citation.unresolved", "message": "no reference numbered 9 " * 10, "file": "a.md", "line": i}
        for i in range(5000)
    ]
    text = render_markdown(data)
    assert len(text) <= MAX_MARKDOWN_CHARS
    assert "### Problems in the inputs (5000)" in text and "more row(s) left out to fit" in text


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("registry", "line", "words"),
    [
        # a field indented one level too deep under a claim
        (GOOD_REGISTRY.replace("    kind: efficacy", "      kind: efficacy"), 5, "YAML syntax error"),
        (GOOD_REGISTRY.replace("claims:", "claim:"), 1, "no 'claims:' list"),
        ("", None, "empty"),
        ("- back-pain\n", 1, "mapping"),
    ],
)
def test_report_with_an_unreadable_registry_is_an_input_error(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    article: Path,
    registry: str,
    line: int | None,
    words: str,
) -> None:
    claims = tmp_path / "claims.yaml"
    claims.write_text(registry, encoding="utf-8")
    code = cli.main(["report", str(article), "--claims", str(claims), "--no-verify", "--fail-under", "80"])
    out, err = capsys.readouterr()
    assert code == cli.EXIT_USAGE, out
    assert "100%" not in out
    where = f"{claims}:{line}:" if line else f"{claims}:"
    assert where in err and words in err and "claims registry" in err
    assert len(err.strip().splitlines()) == 1


def test_report_with_a_readable_registry_still_runs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path
) -> None:
    claims = tmp_path / "claims.yaml"
    # issue 10: "supported" needs a recorded certainty of at least moderate
    claims.write_text(GOOD_REGISTRY + "        certainty: moderate\n", encoding="utf-8")
    code = cli.main(["report", str(article), "--claims", str(claims), "--no-verify", "--format", "md"])
    out, _ = capsys.readouterr()
    assert code == cli.EXIT_OK
    assert "| back-pain | supported |" in out
    # an empty list of claims is a registry an editor wrote on purpose: readable, nothing to measure
    claims.write_text("claims: []\n", encoding="utf-8")
    code = cli.main(["report", str(article), "--claims", str(claims), "--no-verify", "--format", "md"])
    assert code == cli.EXIT_OK


def test_unverified_reference_gap_does_not_repeat_could_not_be_checked() -> None:
    import needling_evidence as ne
    from needling_evidence.model import Verification

    article = ne.load_article(ARTICLE)
    claims = ne.draft_claims(article)
    message = "Could not be checked (offline and not cached). This is not the same as not found."
    verifications = [Verification(key="example2019", status="unverified", message=message)]
    report = ne.coverage_report(article, claims, article.references, verifications)
    (gap,) = [g for g in report.to_dict()["gaps"] if g["gap"] == "unverified_reference"]
    assert gap["message"].lower().count("could not be checked") == 1
    assert message in gap["message"]
    other = [Verification(key="example2019", status="unverified", message="timed out")]
    report = ne.coverage_report(article, claims, article.references, other)
    (gap,) = [g for g in report.to_dict()["gaps"] if g["gap"] == "unverified_reference"]
    assert "could not be checked — timed out" in gap["message"]


@pytest.mark.parametrize(
    ("edit", "line", "hint"),
    [
        # a rationale quoting "Table 2: …" without quotes
        (("rationale: an RCT in chronic low back pain", "rationale: Table 2: pain reduced"), 10, "in quotes"),
        (("        stance: supports", "\tstance: supports"), 8, "not tabs"),
        (("        rationale:", "       rationale:"), 10, "indentation"),
        # a quote opened and never closed: the line it was opened on, not the end of the file
        (
            ("text: Cupping reduces chronic low back pain.", 'text: "Cupping reduces chronic low back pain.'),
            3,
            "not closed",
        ),
    ],
)
def test_yaml_syntax_errors_in_a_hand_edited_registry_name_the_line_and_a_hint(
    tmp_path: Path, edit: tuple[str, str], line: int, hint: str
) -> None:
    import needling_evidence as ne

    old, new = edit
    assert old in GOOD_REGISTRY
    path = tmp_path / "claims.yaml"
    path.write_text(GOOD_REGISTRY.replace(old, new) + "\n# end\n", encoding="utf-8")
    (problem,) = ne.load_claims(path).problems
    assert problem.code == "claims.yaml_syntax"
    assert problem.line == line, problem
    assert hint in problem.message


BIB = """\
@article{ExampleCupping2019,
  author = {Example, A.},
  title = {Cupping for chronic low back pain: a randomised trial},
  journal = {J Test Med}, year = {2019}, volume = {12}, pages = {100--110}, doi = {10.5555/test.0001}
}
"""


def test_inline_citations_follow_the_refs_file_keys(tmp_path: Path, article: Path) -> None:
    """With --refs, a numbered citation [1] names the article's own reference 1; the report links it to the
    same work in the --refs file (here by DOI, under another key), not to a key the report does not list."""
    import needling_evidence as ne

    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    run = commands.run_report(article, refs=bib, verify=False)
    links = run.report.to_dict()["links"]
    cited = {link["source_key"] for link in links if link["origin"] == "citation"}
    assert cited == {"ExampleCupping2019"}
    gaps = {(g["gap"], g["source_key"]) for g in run.report.to_dict()["gaps"]}
    assert ("uncited_reference", "ExampleCupping2019") not in gaps
    # the same through the library call
    loaded = ne.load_article(article)
    refs = ne.read_bibtex(bib)
    report = ne.coverage_report(loaded, ne.draft_claims(loaded), refs)
    assert {lk["source_key"] for lk in report.to_dict()["links"] if lk["origin"] == "citation"} == cited


def test_inline_citation_to_a_work_missing_from_refs_stays_visible(tmp_path: Path, article: Path) -> None:
    bib = tmp_path / "refs.bib"
    other_work = BIB.replace("10.5555/test.0001", "10.5555/test.0999").replace("Cupping for", "Heat for")
    bib.write_text(other_work.replace("Example, A.", "Other, Z."), encoding="utf-8")
    run = commands.run_report(article, refs=bib, verify=False)
    gaps = [g for g in run.report.to_dict()["gaps"] if g["gap"] == "unknown_source"]
    assert gaps, run.report.to_dict()["gaps"]


def test_claims_draft_does_not_overwrite_a_reviewed_registry(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path
) -> None:
    claims = tmp_path / "claims.yaml"
    claims.write_text(GOOD_REGISTRY, encoding="utf-8")
    code = cli.main(["claims", "draft", str(article), "-o", str(claims)])
    _, err = capsys.readouterr()
    assert code == cli.EXIT_USAGE
    assert str(claims) in err and "--force" in err
    assert claims.read_text(encoding="utf-8") == GOOD_REGISTRY  # the reviewer's work is untouched
    code = cli.main(["claims", "draft", str(article), "-o", str(claims), "--force"])
    capsys.readouterr()
    assert code == cli.EXIT_OK and "evidence: []" in claims.read_text(encoding="utf-8")


def test_a_one_paragraph_article_has_no_title_and_the_report_names_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import needling_evidence as ne

    sentence = "Turmeric supplements cure arthritis and reduce inflammation in every patient (a 2015 study)."
    path = tmp_path / "turmeric.txt"
    path.write_text(sentence + "\n", encoding="utf-8")
    article = ne.load_article(path)
    assert article.title is None
    assert [s.text for s in article.sentences] == [sentence]
    code = cli.main(["report", str(path), "--no-verify", "--format", "md"])
    out, _ = capsys.readouterr()
    assert code == cli.EXIT_OK
    assert out.splitlines()[0] == "## turmeric.txt"


def test_a_reviewed_source_is_listed_once_with_its_reviewed_stance(tmp_path: Path, article: Path) -> None:
    """Claim cites example2019 inline and the registry records its reviewed stance: the sources column shows
    'example2019 supports', not also 'example2019 mentions'; the links table keeps both links."""
    import csv
    import io
    import re

    from needling_evidence.report import render

    claims = tmp_path / "claims.yaml"
    claims.write_text(GOOD_REGISTRY, encoding="utf-8")
    run = commands.run_report(article, claims=claims, verify=False)
    origins = sorted(lk["origin"] for lk in run.report.to_dict()["links"] if lk["claim_id"] == "back-pain")
    assert origins == ["citation", "registry"]
    text = render(run.report, "text")
    row = next(line for line in text.splitlines() if line.startswith("back-pain"))
    assert "example2019 supports" in row and "mentions" not in row
    md = render(run.report, "md")
    md_row = next(line for line in md.splitlines() if line.startswith("| back-pain |"))
    assert md_row.count("example2019") == 1
    (csv_row,) = [
        r for r in csv.DictReader(io.StringIO(render(run.report, "csv"))) if r["claim_id"] == "back-pain"
    ]
    assert csv_row["sources"] == "example2019 supports"
    html = render(run.report, "html")
    claims_section = html[html.index('<section id="claims"') :]
    claims_section = claims_section[: claims_section.index("</section>")]
    assert len(re.findall(r"<li><span class='id'>example2019</span> ", claims_section)) == 1


def test_html_summary_reads_in_words_not_field_names(article: Path) -> None:
    from needling_evidence.report import render_html

    run = commands.run_report(article, verify=False)
    page = render_html(run.report)
    summary = page[page.index('<section id="summary"') :]
    summary = summary[: summary.index("</section>")]
    assert "n_claims" not in summary and "n_unregistered" not in summary and "by_status" not in summary
    assert "<th>problems in the inputs</th><td>1</td>" in summary  # the unresolved [9]


def test_a_claim_left_out_for_one_typo_still_has_its_evidence_checked(tmp_path: Path, article: Path) -> None:
    """An editor sees every problem of a hand-edited claim in one run, not one per fix."""
    import needling_evidence as ne

    registry = (
        GOOD_REGISTRY.replace("kind: efficacy", "kind: efficasy")
        .replace("stance: supports", "stance: suports")
        .replace("quote: Cupping reduces chronic low back pain", "quote: Cupping cures chronic low back pain")
    )
    path = tmp_path / "claims.yaml"
    path.write_text(registry, encoding="utf-8")
    loaded = ne.load_claims(path, article=article, references=ne.load_article(article).references)
    codes = {p.code: p for p in loaded.problems}
    assert len(loaded) == 0
    assert {"claims.unknown_kind", "claims.unknown_stance", "claims.quote_not_found"} <= set(codes)
    assert (
        codes["claims.unknown_stance"].line == 8
        and "did you mean 'supports'" in codes["claims.unknown_stance"].message
    )


def test_terminal_report_of_an_article_without_references_says_none(tmp_path: Path) -> None:
    path = tmp_path / "stretching.md"
    path.write_text("# Stretching\n\nStretching before running prevents injuries.\n", encoding="utf-8")
    text = commands.run_report(path, verify=False).text
    after = text[text.index("References (0)") :].splitlines()
    assert after[1].startswith("none")
    assert "DOI" not in text  # no empty table header
