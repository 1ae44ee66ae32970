"""The coverage rules of issue 10, one test per row of the README's rule table (and coverage.py's docstring).

Each test builds one claim with hand-made links to sources of known design and level, so it shows one rule
and nothing else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import needling_evidence as ne
from needling_evidence.coverage import GAP_ORDER, coverage_report
from needling_evidence.model import (
    Article,
    Claim,
    EvidenceLink,
    Provenance,
    Reference,
    Sentence,
    Verification,
)

TEXT = "Needling gives fast relief of knee pain. Needling is painless. Needling works by twitches."
ARTICLE = Article(
    text=TEXT,
    sentences=(
        Sentence("s1", "Needling gives fast relief of knee pain.", 0, 40),
        Sentence("s2", "Needling is painless.", 41, 62),
        Sentence("s3", "Needling works by twitches.", 63, 90),
    ),
)
SNAPSHOT = Provenance(kind="snapshot", note="written from the published record")
# key → (design, CEBM level); every reference is verified against the snapshot with this grading
GRADES: dict[str, tuple[str, int | None]] = {
    "review": ("systematic_review", 1),
    "trial": ("randomised_trial", 2),
    "trial2": ("randomised_trial", 2),
    "cohort": ("cohort", 3),
    "series": ("case_series", 4),
    "narrative": ("narrative_review", 5),
    "lab": ("mechanistic_study", 5),
    "guideline": ("guideline", None),
}
REFS = [Reference(key=key, title=f"Work {key}", year=2020) for key in GRADES]
VERIFIED = [
    Verification(key=key, status="verified", design=design, level=level, provenance=SNAPSHOT)
    for key, (design, level) in GRADES.items()
]
# Outside evidence: works in the library, not cited by the article.
LIBRARY = [
    Reference(key="harms-cohort", title="Adverse events after dry needling: a prospective cohort study"),
    Reference(key="outside-review", title="Needling for pain: a systematic review and meta-analysis of RCTs"),
]
QUOTES = {"s1": "relief of knee pain", "s2": "Needling is painless", "s3": "works by twitches"}


def ln(source: str, stance: str = "supports", **appraisal: Any) -> EvidenceLink:
    fields: dict[str, Any] = {"directness": "direct", "rationale": "r", **appraisal}
    return EvidenceLink(claim_id="c", source=source, stance=stance, **fields)


def claim(*links: EvidenceLink, kind: str = "efficacy", text: str = "Needling relieves knee pain.") -> Claim:
    sentence = {"efficacy": "s1", "safety": "s2", "experience": "s2"}.get(kind, "s3")
    return Claim(
        id="c", text=text, kind=kind, quote=QUOTES[sentence], sentence_id=sentence, links=tuple(links)
    )


def run(the_claim: Claim) -> ne.CoverageReport:
    return coverage_report(ARTICLE, [the_claim], REFS, VERIFIED, library=LIBRARY, drafted=(), suggest=False)


def verdict(*links: EvidenceLink, kind: str = "efficacy", text: str = "Needling relieves knee pain.") -> Any:
    row = run(claim(*links, kind=kind, text=text)).to_dict()["claims"][0]
    return row["status"], row["reason"]


def gaps_of(report: ne.CoverageReport, kind: str) -> list[dict[str, Any]]:
    return [g for g in report.to_dict()["gaps"] if g["gap"] == kind]


# --- certainty ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("certainty", ["moderate", "high"])
def test_direct_support_of_moderate_or_high_certainty_at_a_fitting_level_is_supported(certainty: str) -> None:
    status, reason = verdict(ln("trial", certainty=certainty))
    assert status == "supported"
    assert f"supports it directly (level 2), {certainty} certainty" in reason


def test_low_certainty_support_is_weak_supported_low_certainty() -> None:
    status, reason = verdict(ln("review", certainty="low"))
    assert status == "weak" and "supported, low certainty" in reason


def test_very_low_certainty_support_is_unsupported_insufficient_evidence() -> None:
    status, reason = verdict(ln("review", certainty="very_low"))
    assert status == "unsupported" and reason.startswith("insufficient evidence")


def test_support_with_no_recorded_certainty_is_at_best_weak() -> None:
    status, reason = verdict(ln("review"))
    assert status == "weak" and "certainty not recorded" in reason


def test_a_descriptive_claim_makes_no_finding_to_rate_so_needs_no_certainty() -> None:
    assert verdict(ln("narrative"), kind="other")[0] == "supported"


# --- contradiction ------------------------------------------------------------------------------------------


def test_no_difference_from_sham_of_moderate_certainty_from_a_review_contradicts_a_benefit_claim() -> None:
    finding = {"effect": "no_difference", "comparator": "sham", "certainty": "moderate"}
    status, reason = verdict(ln("review", stance="contradicts", **finding))
    assert status == "contradicted" and "Anon. 2020 contradicts it" in reason
    # the same finding recorded with stance "mentions" contradicts too: the finding speaks, not the word
    status, reason = verdict(ln("review", stance="mentions", **finding))
    assert status == "contradicted" and "finds no difference from sham (moderate certainty)" in reason


@pytest.mark.parametrize(
    "finding",
    [
        {"effect": "no_difference", "certainty": "low"},
        {"effect": "no_difference", "certainty": "very_low"},
        {"effect": "inconclusive", "certainty": "moderate"},
        {"certainty": "very_low"},
        {"indirectness": "outcome", "outcome": "strength"},
    ],
)
def test_an_inconclusive_or_less_certain_finding_does_not_contradict(finding: dict[str, str]) -> None:
    status, reason = verdict(ln("review", stance="contradicts", **finding))
    assert status == "unsupported"
    assert any(
        words in reason
        for words in ("inconclusive", "insufficient evidence against it", "not evidence against this claim")
    )


def test_no_difference_from_active_treatment_does_not_contradict_that_it_works() -> None:
    finding = {"effect": "no_difference", "comparator": "active", "certainty": "moderate"}
    assert verdict(ln("review", stance="mentions", **finding))[0] == "unsupported"


def test_outside_harms_data_contradicts_painless_by_outside_evidence() -> None:
    harms = ln("harms-cohort", stance="contradicts", effect="harm", certainty="low")
    report = run(claim(harms, kind="experience", text="Dry needling is painless."))
    row = report.to_dict()["claims"][0]
    assert row["status"] == "contradicted"
    assert row["reason"].startswith("contradicted by outside evidence")
    assert "outside evidence, not cited by the article" in row["reason"]
    (gap,) = gaps_of(report, "contradicted")
    assert "contradicted by outside evidence" in gap["message"] and gap["severity"] == "error"
    (link_row,) = report.to_dict()["links"]
    assert link_row["outside"] is True and link_row["effect"] == "harm" and link_row["level"] == 3
    # outside works are not the article's references: no reference row, no "uncited" gap for them
    assert "harms-cohort" not in {r["key"] for r in report.to_dict()["references"]}


def test_outside_evidence_never_supports() -> None:
    status, reason = verdict(ln("outside-review", certainty="high"))
    assert status == "unsupported"
    assert "outside evidence, not cited by the article" in reason


def test_support_and_a_contradiction_of_the_same_level_conflict() -> None:
    status, reason = verdict(ln("trial", certainty="moderate"), ln("trial2", stance="contradicts"))
    assert status == "conflicting" and "evidence both ways" in reason


def test_support_and_a_contradiction_of_a_higher_level_conflict() -> None:
    status, _ = verdict(ln("trial", certainty="moderate"), ln("review", stance="contradicts"))
    assert status == "conflicting"


def test_a_contradiction_of_a_lower_level_leaves_the_support_standing_and_says_so() -> None:
    status, reason = verdict(ln("review", certainty="high"), ln("cohort", stance="contradicts"))
    assert status == "supported" and "but at a lower level" in reason


def test_a_contradiction_of_unknown_level_is_never_read_as_weaker() -> None:
    assert verdict(ln("review", certainty="high"), ln("guideline", stance="contradicts"))[0] == "conflicting"


def test_outside_contradiction_beside_cited_support_conflicts_by_outside_evidence() -> None:
    status, reason = verdict(
        ln("review", certainty="moderate"),
        ln("outside-review", stance="contradicts", effect="no_difference", certainty="high"),
    )
    assert status == "conflicting" and "contradicted by outside evidence" in reason


def test_contradicted_stands_alone_when_nothing_supports_it() -> None:
    status, reason = verdict(ln("trial", stance="contradicts", certainty="moderate"))
    assert status == "contradicted" and "nothing the article cites supports it" in reason


# --- overstatement ------------------------------------------------------------------------------------------


def test_fast_with_only_a_long_term_link_is_overstated() -> None:
    report = run(
        claim(ln("review", certainty="moderate", timeframe="long"), text="Needling gives fast relief.")
    )
    assert report.to_dict()["claims"][0]["status"] == "supported"
    (gap,) = gaps_of(report, "overstated")
    assert (
        "'fast'" in gap["message"] and "time frame: long" in gap["message"] and gap["severity"] == "warning"
    )
    short = run(
        claim(ln("review", certainty="moderate", timeframe="short"), text="Needling gives fast relief.")
    )
    assert gaps_of(short, "overstated") == []


def test_highly_effective_against_low_certainty_or_no_difference_from_active_is_overstated() -> None:
    text = "Needling is highly effective for knee pain."
    low = run(claim(ln("review", certainty="low"), text=text))
    assert "low or unrecorded certainty" in gaps_of(low, "overstated")[0]["message"]
    same = run(
        claim(
            ln("review", certainty="moderate"),
            ln("trial", stance="mentions", effect="no_difference", comparator="active", certainty="moderate"),
            text=text,
        )
    )
    assert "finds no difference from active treatment" in gaps_of(same, "overstated")[0]["message"]
    firm = run(claim(ln("review", certainty="high"), text=text))
    assert gaps_of(firm, "overstated") == []


def test_painless_or_proven_against_any_harm_or_uncertainty_is_overstated() -> None:
    painless = "Dry needling is painless."
    harm = ln("harms-cohort", stance="mentions", effect="harm", certainty="low")
    report = run(claim(ln("cohort", certainty="high"), harm, kind="experience", text=painless))
    assert "reports harm or contradicts it" in gaps_of(report, "overstated")[0]["message"]
    uncertain = run(claim(ln("cohort", certainty="moderate"), kind="experience", text=painless))
    assert "not of high certainty" in gaps_of(uncertain, "overstated")[0]["message"]
    proven = run(claim(ln("review", certainty="high"), text="Needling is proven to relieve knee pain."))
    assert gaps_of(proven, "overstated") == []


def test_an_unsupported_claim_is_not_also_overstated() -> None:
    assert gaps_of(run(claim(text="Needling cures knee pain.")), "overstated") == []


# --- what fits each kind ------------------------------------------------------------------------------------


def test_safety_claims_accept_level_1_to_3_for_harms() -> None:
    assert verdict(ln("cohort", certainty="moderate"), kind="safety")[0] == "supported"
    status, reason = verdict(ln("series", certainty="moderate"), kind="safety")
    assert status == "weak" and "at level 4" in reason


def test_mechanism_needs_mechanistic_studies_a_narrative_review_alone_is_weak() -> None:
    assert verdict(ln("lab", certainty="moderate"), kind="mechanism")[0] == "supported"
    assert verdict(ln("review", certainty="moderate"), kind="mechanism")[0] == "supported"
    status, reason = verdict(ln("narrative", certainty="moderate"), kind="mechanism")
    assert status == "weak" and "a narrative review alone" in reason
    status, reason = verdict(ln("guideline", certainty="moderate"), kind="mechanism")
    assert status == "weak" and "from a design that cannot show it (guideline" in reason


def test_another_outcome_is_not_support() -> None:
    status, reason = verdict(
        ln("review", directness="indirect", indirectness="outcome", outcome="function", certainty="high")
    )
    assert status == "unsupported" and "measured another outcome (function): not support" in reason


@pytest.mark.parametrize("indirectness", ["population", "intervention", "comparator"])
def test_another_population_intervention_or_comparator_is_weak(indirectness: str) -> None:
    status, reason = verdict(ln("review", directness="indirect", indirectness=indirectness, certainty="high"))
    assert status == "weak" and f"indirectly: another {indirectness}" in reason


# --- counts and order ---------------------------------------------------------------------------------------


def test_partial_support_is_not_counted_as_support_of_a_reference() -> None:
    claims = [
        Claim("a", "a", "efficacy", QUOTES["s1"], "s1", links=(ln("trial", certainty="high"),)),
        Claim(
            "b",
            "b",
            "efficacy",
            QUOTES["s1"],
            "s1",
            links=(ln("trial", stance="partially_supports", certainty="high"),),
        ),
    ]
    report = coverage_report(ARTICLE, claims, REFS, VERIFIED, drafted=(), suggest=False)
    trial = next(r for r in report.to_dict()["references"] if r["key"] == "trial")
    assert (trial["n_claims"], trial["n_supported_claims"]) == (2, 1)


def test_gaps_worst_first_with_safety_critical_contradictions_first() -> None:
    def one(claim_id: str, kind: str, *links: EvidenceLink, text: str = "t") -> Claim:
        sentence = {"efficacy": "s1", "safety": "s2"}.get(kind, "s3")
        return Claim(claim_id, text, kind, QUOTES[sentence], sentence, links=links)

    claims = [
        one("weak", "efficacy", ln("review", certainty="low")),
        one("overstated", "efficacy", ln("review", certainty="high", timeframe="long"), text="fast relief"),
        one("both", "efficacy", ln("trial", certainty="high"), ln("trial2", stance="contradicts")),
        one("benefit-contra", "efficacy", ln("trial", stance="contradicts")),
        one("harm-contra", "safety", ln("harms-cohort", stance="contradicts", effect="harm")),
    ]
    report = coverage_report(ARTICLE, claims, REFS, VERIFIED, library=LIBRARY, drafted=(), suggest=False)
    gaps = [(g["gap"], g["claim_id"]) for g in report.to_dict()["gaps"] if g["claim_id"]]
    assert gaps[:3] == [
        ("contradicted", "harm-contra"),
        ("contradicted", "benefit-contra"),
        ("conflicting", "both"),
    ]
    kinds = [g for g, _ in gaps]
    assert kinds.index("overstated") < kinds.index("weak")
    assert GAP_ORDER["conflicting"] == (1, "error") and GAP_ORDER["overstated"][1] == "warning"
    assert report.summary["n_conflicting"] == 1 and report.summary["by_status"]["conflicting"] == 1
    assert report.summary["n_references"] == len(REFS)  # outside works are not counted as references


def test_the_pipeline_accepts_a_registry_linking_library_works(tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    article.write_text("# Needling\n\nNeedling is painless.\n", encoding="utf-8")
    refs = tmp_path / "refs.bib"
    refs.write_text(
        "@article{cited2020, author = {Cited, A.}, title = {A cited work}, journal = {J}, year = {2020}}\n",
        encoding="utf-8",
    )
    library = tmp_path / "library.bib"
    library.write_text(
        "@article{harms2014, author = {Harms, B.}, journal = {J},"
        " title = {Adverse events after dry needling: a prospective cohort study}, year = {2014}}\n",
        encoding="utf-8",
    )
    registry = tmp_path / "claims.yaml"
    registry.write_text(
        "claims:\n"
        "  - id: painless\n"
        "    text: Dry needling is painless.\n"
        "    quote: Needling is painless.\n"
        "    kind: experience\n"
        "    evidence:\n"
        "      - source: harms2014\n"
        "        stance: contradicts\n"
        "        directness: direct\n"
        "        effect: harm\n"
        "        certainty: low\n"
        "        rationale: pain during treatment in some treatments\n",
        encoding="utf-8",
    )
    report = ne.check_article(article, references=refs, claims=registry, library=library, verify=False)
    assert [p.code for p in report.problems] == []
    (row,) = report.to_dict()["claims"]
    assert row["status"] == "contradicted" and "by outside evidence" in row["reason"]
    assert [r["key"] for r in report.to_dict()["references"]] == ["cited2020"]


# --- a work no index knows (issue 11) ----------------------------------------------------------------------


def test_a_cited_work_no_index_knows_is_a_gap_of_its_own() -> None:
    # issue 11: a reference that no index knows — the mark of a misremembered or invented citation — must not
    # look the same as one with a missing DOI
    invented = Reference(key="ghost2021", title="A trial that may not exist", year=2021)
    verdicts = [
        *VERIFIED,
        Verification(
            key="ghost2021",
            status="no_doi",
            message="Neither Crossref nor PubMed knows it; closest candidates did not match",
        ),
    ]
    the_claim = claim(ln("ghost2021", certainty="moderate"))
    report = coverage_report(
        ARTICLE, [the_claim], [*REFS, invented], verdicts, library=LIBRARY, drafted=(), suggest=False
    )
    (gap,) = gaps_of(report, "unknown_work")
    assert gap["source_key"] == "ghost2021" and gap["severity"] == "error"
    assert "no index knows this work — check that it exists" in gap["message"]
    assert "Neither Crossref nor PubMed" in gap["message"]
    assert GAP_ORDER["unknown_work"][0] < GAP_ORDER["unsupported"][0]
    assert not gaps_of(run(claim(ln("review", certainty="moderate"))), "unknown_work")
