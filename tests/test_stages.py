"""The coverage stages one by one (link → appraise → assess → report), the typed rows every table and output
is derived from, and the report's own notes."""

from __future__ import annotations

import ast
import dataclasses
import json
import typing
from pathlib import Path

import pytest

import needling_evidence as ne
from needling_evidence import appraise, claims, coverage, link
from needling_evidence.coverage import GAP_ORDER, coverage_report
from needling_evidence.model import (
    Article,
    Citation,
    Claim,
    EvidenceLink,
    Notice,
    Provenance,
    Reference,
    ReferenceList,
    Sentence,
    Verification,
)
from needling_evidence.report import render
from needling_evidence.report.html import render_html
from needling_evidence.report.markdown import render_markdown
from needling_evidence.rows import (
    GAP_KINDS,
    ClaimRow,
    GapRow,
    LinkRow,
    ReferenceRow,
    SuggestionRow,
    UnregisteredRow,
    columns,
    row_dict,
    verification_row,
)

TEXT = "Needling relieves knee pain [1]. Needling is safe. Needling works by twitches."
ARTICLE = Article(
    text=TEXT,
    title="Article",
    sentences=(
        Sentence("s1", "Needling relieves knee pain [1].", 0, 32),
        Sentence("s2", "Needling is safe.", 33, 50),
        Sentence("s3", "Needling works by twitches.", 51, 78),
    ),
    citations=(Citation("s1", "[1]", ("trial",), 28, 31),),
)
REFS = [
    Reference(key="trial", title="Needling for knee pain: a randomised trial", year=2020),
    Reference(key="review", title="Mechanisms of needling", year=2013),
]
LIBRARY = [
    Reference(key="knee-rct", title="Needling relieves knee pain and safe twitches: a trial", year=2021)
]


def _claims() -> list[Claim]:
    """Registry claims loaded without their article: no sentence ids, only quotes."""
    return [
        Claim(
            id="knee",
            text="Needling relieves knee pain",
            kind="efficacy",
            quote="relieves knee pain",
            links=(EvidenceLink("knee", "review", stance="supports"),),
        ),
        Claim(id="safe", text="Needling is safe", kind="safety", quote="Needling is safe"),
        Claim(id="gone", text="Needling cures all", kind="other", quote="cures all"),
    ]


def test_the_stages_compose_to_coverage_report() -> None:
    registry = _claims()
    index = link.quote_index(ARTICLE)
    linked = link.link_claims(ARTICLE, registry, REFS, index=index)
    assert linked.sentence_of == {"knee": "s1", "safe": "s2", "gone": None}
    assert [p.code for p in linked.problems] == ["claims.quote_not_found"]
    # the inline citation [1] became a mentions link of the claim anchored in s1
    assert [(lk.source, lk.origin, lk.stance) for lk in linked.links[0]] == [
        ("review", "registry", "supports"),
        ("trial", "citation", "mentions"),
    ]
    graded = coverage.sources(REFS)
    assessment = coverage.assess(linked, graded)
    assert dict(assessment.statuses) == {"knee": "weak", "safe": "unsupported", "gone": "unsupported"}
    assert assessment.uses["trial"] == frozenset({"knee"})
    drafted = [
        Claim(id="d3", text="Needling works by twitches.", quote="works by twitches", sentence_id="s3")
    ]
    left_out = link.unregistered(ARTICLE, registry, drafted, index)
    wanted = [c for c in registry if assessment.statuses[c.id] != "supported"]
    suggested = link.suggestions(wanted, REFS, LIBRARY, coverage.level_lookup(graded))
    staged = coverage.build_report(
        ARTICLE,
        assessment,
        graded,
        claims=registry,
        unregistered=left_out,
        suggestions=suggested,
        problems=linked.problems,
    )
    whole = coverage_report(ARTICLE, registry, REFS, drafted=drafted, library=LIBRARY)
    assert staged.to_dict() == whole.to_dict()
    assert [row.claim_id for row in whole.unregistered_rows] == ["d3"]


def test_one_quote_index_per_run(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[Article] = []
    real = claims.QuoteIndex

    class Counting(real):  # type: ignore[misc, valid-type]
        def __init__(self, article: Article) -> None:
            built.append(article)
            super().__init__(article)

    monkeypatch.setattr(claims, "QuoteIndex", Counting)
    drafted = [
        Claim(id="d3", text="Needling works by twitches.", quote="works by twitches", sentence_id="s3")
    ]
    report = coverage_report(ARTICLE, _claims(), REFS, drafted=drafted)
    # anchoring the registry's quotes and finding unregistered sentences used the same index
    assert len(built) == 1
    assert report.summary["n_unregistered"] == 1


def test_each_source_is_graded_once_and_verification_grading_is_reused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    graded: list[str] = []
    real = appraise.classify_design

    def counting(reference: Reference | None = None, work: object = None) -> appraise.DesignAssessment:
        graded.append(reference.key if reference is not None else "?")
        return real(reference, work)  # type: ignore[arg-type]

    monkeypatch.setattr(appraise, "classify_design", counting)
    monkeypatch.setattr(coverage, "classify_design", counting)
    verifications = [
        Verification(
            "trial", "verified", design="cohort", level=3, level_reason="graded with Crossref's record"
        ),
        Verification("review", "verified"),  # verification graded nothing: read from the reference
    ]
    # the library work is suggested for two claims, and graded once
    registry = [
        Claim(id="a", text="Needling relieves knee pain", kind="efficacy", sentence_id="s1"),
        Claim(id="b", text="Needling relieves knee pain and is safe", kind="efficacy", sentence_id="s2"),
    ]
    report = coverage_report(ARTICLE, registry, REFS, verifications, library=LIBRARY, drafted=())
    assert sorted(graded) == ["knee-rct", "review"]
    suggested = [row.source_key for row in report.suggestion_rows]
    assert suggested.count("knee-rct") == 2
    trial = next(row for row in report.reference_rows if row.key == "trial")
    assert (trial.design, trial.level, trial.level_reason) == ("cohort", 3, "graded with Crossref's record")


def test_appraise_reuses_verification_and_falls_back_to_the_reference() -> None:
    ref = Reference(key="r", title="Dry needling: a systematic review and meta-analysis of randomised trials")
    assert appraise.appraise(ref).design == "systematic_review"
    v = Verification("r", "verified", design="randomised_trial", level=2)
    assert appraise.appraise(ref, v) == appraise.DesignAssessment(
        "randomised_trial", 2, "as graded by verification"
    )


# --- typed rows ---------------------------------------------------------------------------------------------


def test_table_columns_and_dtypes_come_from_the_rows() -> None:
    report = coverage_report(ARTICLE, _claims(), REFS, drafted=(), library=LIBRARY)
    tables = {
        "claims": ClaimRow,
        "links": LinkRow,
        "references": ReferenceRow,
        "gaps": GapRow,
        "suggestions": SuggestionRow,
        "unregistered": UnregisteredRow,
    }
    data = report.to_dict()
    for name, row_type in tables.items():
        frame = getattr(report, name)
        assert list(frame.columns) == [c for c, _ in columns(row_type)], name
        # "object" columns of text show as pandas' "str" dtype where pandas infers strings (pandas 3)
        shown = {c: str(frame[c].dtype) for c in frame.columns}
        assert all(
            shown[c] == dtype or (dtype, shown[c]) == ("object", "str") for c, dtype in columns(row_type)
        )
        names = [f.name for f in dataclasses.fields(row_type)]
        assert all(list(row) == names for row in data[name]), name
    # the types documented in the module docstring of coverage.py
    assert dict(columns(ClaimRow))["best_level"] == "Int64" and dict(columns(ClaimRow))["n_links"] == "int64"
    assert dict(columns(LinkRow))["score"] == "float64" and dict(columns(LinkRow))["counts"] == "bool"
    assert dict(columns(SuggestionRow))["rank"] == "int64" and dict(columns(ReferenceRow))["year"] == "Int64"


def test_vocabulary_fields_are_literal_types() -> None:
    hints = typing.get_type_hints(ClaimRow)
    assert set(typing.get_args(hints["status"])) == set(ne.model.CLAIM_STATUSES)
    assert set(typing.get_args(hints["kind"])) == set(ne.model.CLAIM_KINDS)
    link_hints = typing.get_type_hints(LinkRow)
    assert set(typing.get_args(link_hints["origin"])) == set(ne.model.LINK_ORIGINS)
    assert set(GAP_KINDS) == set(GAP_ORDER)


def test_verification_row_is_what_the_report_and_the_table_show() -> None:
    v = Verification(
        "trial",
        "mismatch",
        doi="10.1000/x",
        confidence=0.5,
        mismatches={"year": ("2020", "2019")},
        notices=(Notice("correction", "10.1000/c", "2021-02-03", "publisher", label="Erratum"),),
        design="randomised_trial",
        level=2,
        level_reason="randomised trial",
        provenance=Provenance("cache", "2026-11-20", None, "https://api.crossref.org"),
        message="differs",
    )
    row = verification_row(v)
    assert row.mismatches == {"year": ["2020", "2019"]}
    assert row.notices == [
        {"kind": "correction", "doi": "10.1000/c", "date": "2021-02-03", "source": "publisher"}
    ]
    assert row.provenance == {
        "kind": "cache",
        "fetched": "2026-11-20",
        "note": None,
        "base_url": "https://api.crossref.org",
    }
    report = coverage_report(ARTICLE, [], REFS, [v], drafted=())
    ref_row = row_dict(report.reference_rows[0])
    for name in ("doi", "suggested_doi", "mismatches", "notices", "retracted", "provenance", "message"):
        assert ref_row[name] == getattr(row, name), name
    table = ne.verification_table([v])
    assert table.loc[0, "mismatch_fields"] == "year" and table.loc[0, "confidence"] == 0.5
    assert table.loc[0, "design"] == row.design and table.loc[0, "message"] == row.message


def test_a_saved_report_renders_as_the_report_itself() -> None:
    report = coverage_report(
        ARTICLE, _claims(), REFS, drafted=(), library=LIBRARY, notes=("checked offline",)
    )
    saved = json.loads(json.dumps(report.to_dict()))
    for fmt in ("md", "csv", "text", "json"):
        assert render(saved, fmt, notes=("checked offline",)) == render(report, fmt), fmt
    strip = [line for line in render_html(report).splitlines() if 'class="meta"' not in line]
    again = render_html(saved, notes=("checked offline",)).splitlines()
    assert strip == [line for line in again if 'class="meta"' not in line]


# --- notes --------------------------------------------------------------------------------------------------


def test_the_report_carries_its_notes_into_every_rendering() -> None:
    note = "References were not checked against Crossref (--no-verify)."
    report = coverage_report(ARTICLE, _claims(), REFS, drafted=(), notes=[note])
    assert report.notes == (note,)
    assert f"> {note}" in render_markdown(report).replace("\\-", "-")
    assert note in render(report, "text") and note in render_html(report, charts=False)
    assert note in report.to_markdown().replace("\\-", "-")
    # notes given to a renderer replace the report's own; () shows none
    assert note not in render(report, "text", notes=())
    assert "other words" in render(report, "text", notes=["other words"])


def test_to_markdown_is_the_markdown_report() -> None:
    report = coverage_report(ARTICLE, _claims(), ReferenceList(REFS), drafted=())
    assert report.to_markdown() == render_markdown(report)


# --- size of the stages -------------------------------------------------------------------------------------


@pytest.mark.parametrize("module", [coverage, link])
def test_no_function_of_the_linking_and_coverage_modules_is_over_100_lines(module: object) -> None:
    tree = ast.parse(Path(str(getattr(module, "__file__", ""))).read_text(encoding="utf-8"))
    long = {
        node.name: node.end_lineno - node.lineno + 1
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno is not None
        if node.end_lineno - node.lineno + 1 > 100
    }
    assert not long


def test_claims_sharing_an_id_keep_their_own_links() -> None:
    """A duplicate id is the registry's problem record; each claim is still weighed on its own links."""
    first = Claim(id="c", text="one", kind="other", sentence_id="s2", links=(EvidenceLink("c", "review"),))
    second = Claim(id="c", text="two", kind="other", sentence_id="s3")
    report = coverage_report(ARTICLE, [first, second], REFS, drafted=(), suggest=False)
    assert [(row.text, row.n_links) for row in report.claim_rows] == [("one", 1), ("two", 0)]
