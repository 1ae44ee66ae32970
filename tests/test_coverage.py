"""Coverage rules, gaps and the CoverageReport tables, on hand-built claims, references and verifications."""

from __future__ import annotations

import json

import pytest

from needling_evidence.coverage import GAP_ORDER, KIND_RULES, SCHEMA_VERSION, CoverageReport, coverage_report
from needling_evidence.errors import StrictError
from needling_evidence.model import (
    CLAIM_KINDS,
    Article,
    Citation,
    Claim,
    ClaimRegistry,
    EvidenceLink,
    Notice,
    Person,
    Problem,
    Provenance,
    Reference,
    Sentence,
    Verification,
)

TEXT = "Needling relieves knee pain. Needling is safe. Needling works by twitches."
ARTICLE = Article(
    text=TEXT,
    title="Article",
    sentences=(
        Sentence("s1", "Needling relieves knee pain.", 0, 28),
        Sentence("s2", "Needling is safe.", 29, 46),
        Sentence("s3", "Needling works by twitches.", 47, 74),
    ),
)
REFS = [
    Reference(key="trial", title="Needling for knee pain: a randomised trial", year=2020),
    Reference(key="review", title="Mechanisms of needling", year=2013),
    Reference(key="opinion", title="A book about needling", year=2015),
]
SNAPSHOT = Provenance(kind="snapshot", note="written from the published record")


def verified(key: str, design: str, level: int | None, **extra: object) -> Verification:
    return Verification(key=key, status="verified", design=design, level=level, provenance=SNAPSHOT, **extra)  # type: ignore[arg-type]


VERIFIED = [
    verified("trial", "randomised_trial", 2),
    verified("review", "narrative_review", 5),
    verified("opinion", "book_review", 5),
]


def link(
    source: str,
    stance: str = "supports",
    directness: str = "direct",
    claim_id: str = "c",
    *,
    certainty: str | None = "moderate",
    **appraisal: str,
) -> EvidenceLink:
    # Issue 10: support needs a recorded certainty of at least moderate; the links of these tests record
    # "moderate" unless a test says otherwise (test_coverage_rules.py covers every certainty).
    return EvidenceLink(
        claim_id=claim_id,
        source=source,
        stance=stance,
        directness=directness,
        rationale="r",
        certainty=certainty,
        **appraisal,  # type: ignore[arg-type]
    )


def claim(*links: EvidenceLink, kind: str = "efficacy", claim_id: str = "c", sentence: str = "s1") -> Claim:
    quotes = {"s1": "relieves knee pain", "s2": "Needling is safe", "s3": "works by twitches"}
    return Claim(
        id=claim_id,
        text=f"claim {claim_id}",
        kind=kind,
        quote=quotes[sentence],
        sentence_id=sentence,
        links=tuple(links),
    )


def status(
    *links: EvidenceLink, kind: str = "efficacy", verifications: list[Verification] | None = None
) -> tuple[str, str]:
    report = coverage_report(
        ARTICLE,
        [claim(*links, kind=kind)],
        REFS,
        VERIFIED if verifications is None else verifications,
        drafted=(),
    )
    row = report.to_dict()["claims"][0]
    return row["status"], row["reason"]


def test_a_direct_supporting_trial_supports_a_benefit_claim() -> None:
    got, reason = status(link("trial"))
    assert got == "supported"
    assert "supports it directly (level 2)" in reason


@pytest.mark.parametrize(
    ("the_link", "kind", "why"),
    [
        (link("trial", stance="partially_supports"), "efficacy", "only partially"),
        (link("trial", directness="indirect"), "efficacy", "indirectly"),
        (link("review"), "efficacy", "at level 5"),  # mechanism-level evidence for a benefit claim
        (link("review"), "safety", "at level 5"),
        (link("trial", certainty=None), "efficacy", "certainty not recorded"),
        (link("opinion"), "efficacy", "as opinion"),
        (link("opinion"), "mechanism", "as opinion"),  # a book review cannot carry a mechanism either
    ],
)
def test_support_that_falls_short_is_weak_and_says_why(the_link: EvidenceLink, kind: str, why: str) -> None:
    got, reason = status(the_link, kind=kind)
    assert got == "weak"
    assert why in reason


def test_mechanism_claims_may_not_rest_on_a_narrative_review_alone() -> None:
    # Issue 10 changed this rule: a narrative review alone is weak for a mechanism (it was supported).
    assert status(link("review"), kind="mechanism")[0] == "weak"
    assert status(link("review"), kind="etiology")[0] == "weak"
    trial = [verified("review", "randomised_trial", 2), *VERIFIED[::2]]
    assert status(link("review"), kind="mechanism", verifications=trial)[0] == "supported"


def test_descriptive_claims_accept_any_source() -> None:
    assert status(link("opinion"), kind="other")[0] == "supported"


def test_every_kind_has_a_rule() -> None:
    assert set(KIND_RULES) == set(CLAIM_KINDS)
    # Issue 10: harms accept CEBM 2011 level 1–3 (they needed 1–2).
    assert KIND_RULES["efficacy"].max_level == 2 and KIND_RULES["safety"].max_level == 3


def test_an_unknown_level_does_not_support_a_benefit_claim() -> None:
    got, reason = status(link("trial"), verifications=[verified("trial", "other", None)])
    assert got == "weak" and "unknown evidence level" in reason


def test_an_unverified_source_only_weakens() -> None:
    unverified = Verification(key="trial", status="unverified", design="randomised_trial", level=2)
    got, reason = status(link("trial"), verifications=[unverified])
    assert got == "weak" and "could not be checked" in reason


def test_without_verification_references_are_not_checked_and_claims_not_weakened() -> None:
    refs = [Reference(key="sr", title="Needling: a systematic review and meta-analysis of randomised trials")]
    report = coverage_report(ARTICLE, [claim(link("sr"))], refs, drafted=())
    assert report.to_dict()["claims"][0]["status"] == "supported"
    ref_row = report.to_dict()["references"][0]
    assert (
        ref_row["status"] == "not_checked"
        and ref_row["level"] == 1
        and ref_row["design"] == "systematic_review"
    )
    assert ref_row["provenance"] is None
    assert report.summary["verification_source"] == "not checked"


@pytest.mark.parametrize(
    ("verification", "gap"),
    [
        (
            verified("trial", "randomised_trial", 2, notices=(Notice("retraction", "10.1/r", "2021-01-01"),)),
            "retracted",
        ),
        (
            Verification(key="trial", status="mismatch", design="randomised_trial", level=2),
            "failed_verification",
        ),
        (Verification(key="trial", status="not_found"), "failed_verification"),
        (Verification(key="trial", status="malformed_doi"), "failed_verification"),
    ],
)
def test_retracted_or_failed_sources_are_excluded_from_support(verification: Verification, gap: str) -> None:
    report = coverage_report(ARTICLE, [claim(link("trial"))], REFS, [verification, *VERIFIED[1:]], drafted=())
    row = report.to_dict()["claims"][0]
    assert row["status"] == "unsupported"
    assert "excluded" in row["reason"]
    gaps = report.to_dict()["gaps"]
    assert any(g["gap"] == gap and g["source_key"] == "trial" and g["severity"] == "error" for g in gaps)
    (link_row,) = [r for r in report.to_dict()["links"] if r["origin"] == "registry"]
    assert link_row["counts"] is False


def test_a_reference_gap_names_the_reference_once() -> None:
    # A retracted source's gap once read "Cagnie et al. 2013: Cagnie et al. 2013 carries a retraction notice".
    refs = [
        Reference(
            key="cagnie",
            title="Mechanisms of needling",
            year=2013,
            authors=(Person(family="Cagnie"), Person(family="Dewitte"), Person(family="Barbe")),
        ),
        *REFS[:1],
    ]
    verifications = [
        verified("cagnie", "narrative_review", 5, notices=(Notice("retraction", "10.1/r", "2021-01-01"),)),
        Verification(key="trial", status="not_found", message="no such DOI"),
    ]
    report = coverage_report(ARTICLE, [claim(link("cagnie"), link("trial"))], refs, verifications, drafted=())
    gaps = {g["gap"]: g["message"] for g in report.to_dict()["gaps"] if g["source_key"]}
    assert gaps["retracted"] == "Cagnie et al. 2013: carries a retraction notice; it cannot support any claim"
    assert gaps["failed_verification"] == "Anon. 2020: not_found — no such DOI"
    # The claim's reason still says which source was left out, and why, naming it once.
    reason = report.to_dict()["claims"][0]["reason"]
    assert "excluded: Cagnie et al. 2013 carries a retraction notice" in reason
    assert reason.count("Cagnie et al. 2013") == 1


def test_an_excluded_source_cannot_contradict_either() -> None:
    retracted = verified("trial", "randomised_trial", 2, notices=(Notice("withdrawal"),))
    got, _ = status(link("trial", stance="contradicts"), verifications=[retracted, *VERIFIED[1:]])
    assert got == "unsupported"


def test_contradicted_when_a_source_contradicts_and_nothing_supports_it() -> None:
    got, reason = status(link("trial", stance="contradicts"), link("review", stance="mentions"))
    assert got == "contradicted"
    assert "contradicts it" in reason and "only mentions it" in reason
    # Issue 10 changed this case: a level-2 contradiction beside (level-5, partial) support is "conflicting",
    # no longer "contradicted" — a contradiction of the same or a higher level than the support.
    got, reason = status(link("trial", stance="contradicts"), link("review", stance="partially_supports"))
    assert got == "conflicting"
    assert "contradicts it" in reason and "only partially" in reason


def test_direct_support_outweighs_a_contradiction_but_the_reason_says_so() -> None:
    got, reason = status(link("trial"), link("review", stance="contradicts"))
    assert got == "supported" and "; but " in reason and "contradicts it" in reason


def test_mentions_only_is_unsupported() -> None:
    got, reason = status(link("trial", stance="mentions"))
    assert got == "unsupported" and "only mentions it" in reason


def test_no_links_is_unsupported() -> None:
    assert status() == ("unsupported", "no source is linked to it")


def test_inline_citations_are_mentions_and_alone_make_a_claim_weak() -> None:
    article = Article(
        text=ARTICLE.text,
        sentences=ARTICLE.sentences,
        citations=(Citation(sentence_id="s1", marker="[1]", keys=("trial",), start=27, end=30),),
    )
    report = coverage_report(article, [claim()], REFS, VERIFIED, drafted=())
    row = report.to_dict()["claims"][0]
    assert row["status"] == "weak" and row["reason"].startswith("cited, not reviewed")
    (cited,) = report.to_dict()["links"]
    assert (cited["origin"], cited["stance"], cited["source_key"], cited["counts"]) == (
        "citation",
        "mentions",
        "trial",
        False,
    )
    # A reviewed stance replaces what the citation implied: here the reviewer found it only mentions it.
    reviewed = coverage_report(article, [claim(link("trial", stance="mentions"))], REFS, VERIFIED, drafted=())
    assert reviewed.to_dict()["claims"][0]["status"] == "unsupported"
    assert {r["origin"] for r in reviewed.to_dict()["links"]} == {"registry", "citation"}


def test_citations_anchor_by_quote_when_the_registry_has_no_sentence_ids() -> None:
    article = Article(
        text=ARTICLE.text,
        sentences=ARTICLE.sentences,
        citations=(Citation(sentence_id="s2", marker="[2]", keys=("review",), start=40, end=43),),
    )
    unanchored = Claim(id="c", text="safe", kind="safety", quote="Needling is safe")
    report = coverage_report(article, [unanchored], REFS, VERIFIED, drafted=())
    row = report.to_dict()["claims"][0]
    assert row["sentence_id"] == "s2" and row["status"] == "weak"


def test_a_quote_missing_from_the_article_is_reported() -> None:
    lost = Claim(id="c", text="t", kind="other", quote="not in the article", file="claims.yaml", line=7)
    report = coverage_report(ARTICLE, [lost], REFS, VERIFIED, drafted=())
    (problem,) = report.problems
    assert problem.code == "claims.quote_not_found" and problem.line == 7


def test_gaps_unknown_source_uncited_reference_and_harms() -> None:
    claims = [claim(link("nowhere"), claim_id="a"), claim(link("trial", claim_id="b"), claim_id="b")]
    report = coverage_report(ARTICLE, claims, REFS, VERIFIED, drafted=())
    gaps = report.to_dict()["gaps"]
    assert {
        "gap": "unknown_source",
        "severity": "error",
        "claim_id": "a",
        "source_key": "nowhere",
    }.items() <= next(g for g in gaps if g["gap"] == "unknown_source").items()
    assert sorted(g["source_key"] for g in gaps if g["gap"] == "uncited_reference") == ["opinion", "review"]
    harms = [g for g in gaps if g["gap"] == "harms_unstated"]
    assert (
        len(harms) == 1
        and "2 benefit claim(s)" in harms[0]["message"]
        and "no claim about harms" in harms[0]["message"]
    )


def test_a_supported_harms_claim_satisfies_the_harms_rule() -> None:
    claims = [
        claim(link("trial", claim_id="benefit"), claim_id="benefit"),
        claim(link("trial", claim_id="harm"), claim_id="harm", kind="safety", sentence="s2"),
    ]
    report = coverage_report(ARTICLE, claims, REFS, VERIFIED, drafted=())
    assert not any(g["gap"] == "harms_unstated" for g in report.to_dict()["gaps"])
    unsupported_harm = [claims[0], claim(claim_id="harm", kind="safety", sentence="s2")]
    report = coverage_report(ARTICLE, unsupported_harm, REFS, VERIFIED, drafted=())
    (harms,) = [g for g in report.to_dict()["gaps"] if g["gap"] == "harms_unstated"]
    assert "none of its 1 claim(s) about harms is supported" in harms["message"]


def test_unregistered_sentences_are_the_drafted_claims_no_claim_quotes() -> None:
    drafted = [
        Claim(id="d1", text="relieves knee pain", quote="Needling relieves knee pain.", sentence_id="s1"),
        Claim(id="d2", text="twitches", quote="Needling works by twitches.", sentence_id="s3"),
        Claim(id="d3", text="safe", quote="Needling is safe."),  # no sentence id: matched by its quote's span
    ]
    report = coverage_report(
        ARTICLE, [claim(), claim(claim_id="x", sentence="s2")], REFS, VERIFIED, drafted=drafted
    )
    assert [g["claim_id"] for g in report.to_dict()["gaps"] if g["gap"] == "unregistered"] == ["d2"]
    assert [(r["claim_id"], r["sentence_id"]) for r in report.to_dict()["unregistered"]] == [("d2", "s3")]
    assert report.summary["n_unregistered"] == 1


def test_gaps_come_worst_first() -> None:
    claims = [
        claim(link("trial", stance="partially_supports", claim_id="weak"), claim_id="weak"),
        claim(claim_id="none"),
        claim(link("trial", stance="contradicts", claim_id="contra"), claim_id="contra"),
    ]
    failed = Verification(key="opinion", status="not_found")
    report = coverage_report(ARTICLE, claims, REFS, [*VERIFIED[:2], failed], drafted=())
    kinds = [g["gap"] for g in report.to_dict()["gaps"]]
    assert kinds == sorted(kinds, key=lambda k: GAP_ORDER[k][0])
    assert kinds.index("contradicted") < kinds.index("failed_verification") < kinds.index("unsupported")
    assert kinds.index("unsupported") < kinds.index("weak") < kinds.index("uncited_reference")


def test_within_a_kind_of_gap_claims_about_harms_and_benefits_come_first() -> None:
    claims = [
        claim(claim_id="history", kind="other", sentence="s3"),
        claim(claim_id="how", kind="mechanism", sentence="s3"),
        claim(claim_id="benefit", kind="efficacy", sentence="s1"),
        claim(claim_id="harm", kind="safety", sentence="s2"),
    ]
    report = coverage_report(ARTICLE, claims, REFS, VERIFIED, drafted=())
    unsupported = [g["claim_id"] for g in report.to_dict()["gaps"] if g["gap"] == "unsupported"]
    assert unsupported == ["harm", "benefit", "how", "history"]


def test_reference_notices_mismatches_and_unverified_are_listed() -> None:
    verifications = [
        verified(
            "trial",
            "randomised_trial",
            2,
            notices=(Notice("correction", "10.1/c", "2020-02-02", "publisher"),),
            mismatches={"pages": ("1-2", "1-3")},
        ),
        Verification(key="review", status="unverified", message="timed out"),
        VERIFIED[2],
    ]
    report = coverage_report(ARTICLE, [claim(link("trial"))], REFS, verifications, drafted=())
    gaps = {g["gap"]: g for g in report.to_dict()["gaps"]}
    assert "correction" in gaps["notice"]["message"] and gaps["notice"]["severity"] == "warning"
    assert "pages" in gaps["metadata_differs"]["message"]
    assert "timed out" in gaps["unverified_reference"]["message"]
    trial = report.to_dict()["references"][0]
    assert trial["mismatches"] == {"pages": ["1-2", "1-3"]}
    assert trial["notices"] == [
        {"kind": "correction", "doi": "10.1/c", "date": "2020-02-02", "source": "publisher"}
    ]
    assert (
        trial["provenance"]["kind"] == "snapshot"
        and trial["n_claims"] == 1
        and trial["n_supported_claims"] == 1
    )


def test_summary_counts_and_percent() -> None:
    claims = [
        claim(link("trial", claim_id="a"), claim_id="a"),
        claim(link("trial", stance="partially_supports", claim_id="b"), claim_id="b"),
        claim(claim_id="c"),
        claim(claim_id="d"),
    ]
    summary = coverage_report(ARTICLE, claims, REFS, VERIFIED, drafted=()).summary
    # issue 10 added the "conflicting" status
    assert summary["by_status"] == {
        "supported": 1,
        "weak": 1,
        "conflicting": 0,
        "contradicted": 0,
        "unsupported": 2,
    }
    assert summary["n_claims"] == 4 and summary["percent_supported"] == 25.0
    assert summary["n_references"] == 3 and summary["verification_source"] == "bundled snapshot"
    empty = coverage_report(ARTICLE, [], REFS, VERIFIED, drafted=()).summary
    assert empty["n_claims"] == 0 and empty["percent_supported"] == 100.0


def test_dataframes_have_the_documented_columns_and_dtypes() -> None:
    report = coverage_report(ARTICLE, [claim(link("trial"))], REFS, VERIFIED, library=[], drafted=())
    claims = report.claims
    assert list(claims.columns[:4]) == ["claim_id", "text", "kind", "status"]
    assert str(claims["best_level"].dtype) == "Int64" and claims["best_level"].iloc[0] == 2
    assert str(claims["n_links"].dtype) == "int64"
    links = report.links
    assert {"claim_id", "source_key", "stance", "directness", "origin", "rationale", "confidence"} <= set(
        links
    )
    assert str(links["counts"].dtype) == "bool" and str(links["score"].dtype) == "float64"
    refs = report.references
    assert list(refs.columns[:5]) == ["key", "status", "doi", "title", "year"]
    assert str(refs["year"].dtype) == "Int64" and str(refs["level"].dtype) == "Int64"
    assert list(report.gaps.columns) == ["gap", "severity", "claim_id", "source_key", "message"]
    assert "score" in report.suggestions.columns and len(report.suggestions) == 0
    assert report.claims is claims  # built once


def test_to_dict_is_json_ready_and_versioned() -> None:
    report = coverage_report(ARTICLE, [claim(link("trial"))], REFS, VERIFIED, drafted=())
    data = json.loads(json.dumps(report.to_dict()))
    assert data["schema_version"] == SCHEMA_VERSION
    assert {"summary", "claims", "links", "references", "gaps", "suggestions", "problems"} <= set(data)
    assert data["claims"][0]["claim_id"] == "c"


def test_markdown_has_the_summary_gaps_and_claims() -> None:
    weird = Claim(id="pipe|id", text="a | b", kind="other", quote="Needling is safe", sentence_id="s2")
    text = coverage_report(ARTICLE, [weird], REFS, VERIFIED, drafted=()).to_markdown()
    assert "1 claim: 0 supported" in text and "(0% supported)" in text
    assert "### Gaps" in text and "### Claims" in text
    assert "pipe\\|id" in text


def test_problems_are_kept_and_strict_raises() -> None:
    registry = ClaimRegistry([claim(link("trial"))], [Problem("claims.x", "something")])
    report = coverage_report(ARTICLE, registry, REFS, VERIFIED, drafted=())
    assert [p.code for p in report.problems] == ["claims.x"] and report.summary["n_problems"] == 1
    with pytest.raises(StrictError):
        coverage_report(ARTICLE, registry, REFS, VERIFIED, drafted=(), strict=True)
    with pytest.raises(StrictError):
        coverage_report(Article(text="  "), [], REFS, strict=True)


def test_suggestions_are_never_support() -> None:
    library = [Reference(key="knee-rct", title="Needling relieves knee pain: a randomised trial", year=2021)]
    lonely = Claim(
        id="c",
        text="Needling relieves knee pain",
        kind="efficacy",
        quote="relieves knee pain",
        sentence_id="s1",
    )
    report = coverage_report(ARTICLE, [lonely], REFS, VERIFIED, library=library, drafted=())
    assert report.to_dict()["claims"][0]["status"] == "unsupported"
    suggestion = next(s for s in report.to_dict()["suggestions"] if s["source_key"] == "knee-rct")
    assert (
        suggestion["in_library"] is True and suggestion["origin"] == "suggestion" and suggestion["level"] == 2
    )
    link_row = next(r for r in report.to_dict()["links"] if r["source_key"] == "knee-rct")
    assert link_row["origin"] == "suggestion" and link_row["counts"] is False
    assert report.summary["n_links"] == 0 and report.summary["n_suggestions"] >= 1
    # A supported claim gets no suggestions, and suggestions can be turned off.
    supported = coverage_report(ARTICLE, [claim(link("trial"))], REFS, VERIFIED, library=library, drafted=())
    assert supported.to_dict()["suggestions"] == []
    off = coverage_report(ARTICLE, [lonely], REFS, VERIFIED, library=library, drafted=(), suggest=False)
    assert off.to_dict()["suggestions"] == []


def test_report_repr_and_type() -> None:
    report = coverage_report(None, [claim(link("trial"))], REFS, VERIFIED)
    assert isinstance(report, CoverageReport)
    assert (
        repr(report) == "<CoverageReport 1 claims, 100% supported, 3 gaps>"
    )  # harms unstated, two uncited references


def test_unknown_words_in_claims_built_in_code_never_count_as_support() -> None:
    got, reason = status(link("trial", stance="agrees"))
    assert got == "unsupported" and "unknown stance" in reason
    assert status(link("trial", directness="sideways"))[0] == "unsupported"
    # an unknown kind gets the strictest rule: level 5 cannot support it
    assert status(link("review"), kind="benefit")[0] == "weak"
