"""``check_article``: the whole run in one call — the same report the command line prints, each input as a
value or a file, claims drafted once, verification through the given client (a local Crossref-shaped server).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import needling_evidence as ne
from crossref_server import CrossrefServer
from cupping_sample import ARTICLE
from needling_evidence import cli, drafting
from needling_evidence.datasets import dry_needling_path
from needling_evidence.pipeline import BUNDLED_NOTE, DRAFTED_NOTE, NOT_VERIFIED_NOTE

# no Crossref settings from the environment; a default client's cache is a throwaway file
pytestmark = pytest.mark.usefixtures("throwaway_cache")


@pytest.fixture
def drafts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts the calls of ``draft_claims`` (wherever the pipeline or coverage imports it from)."""
    calls: list[int] = []
    real = drafting.draft_claims

    def counting(article: ne.Article) -> ne.ClaimRegistry:
        calls.append(1)
        return real(article)

    # `needling_evidence` resolves names lazily and keeps what it resolved: pin the real function there, or
    # a first `ne.draft_claims` inside this test would keep the counting wrapper for every later test
    monkeypatch.setitem(vars(ne), "draft_claims", real)
    monkeypatch.setattr(drafting, "draft_claims", counting)
    yield calls


def _served(server: CrossrefServer) -> CrossrefServer:
    """The local server answering with the bundled snapshot's records (Gattie 2017, Cagnie 2013)."""
    snapshot = json.loads(dry_needling_path("crossref-snapshot.json").read_text(encoding="utf-8"))
    server.add_works(record["message"] for record in snapshot["records"])
    return server


def _statuses(report: ne.CoverageReport) -> dict[str, str]:
    return {row["key"]: row["status"] for row in report.to_dict()["references"]}


# --- the bundled article ------------------------------------------------------------------------------------


def test_bundled_article_is_what_the_command_line_reports(
    capsys: pytest.CaptureFixture[str], drafts: list[int]
) -> None:
    report = ne.check_article()
    assert len(drafts) == 1  # once, for the sentences no claim covers (the registry is the reviewed one)
    assert cli.main(["report", "--format", "json"]) == 0
    printed: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert printed == json.loads(json.dumps(report.to_dict()))
    assert {r["provenance"]["kind"] for r in printed["references"] if r["provenance"]} == {"snapshot"}
    assert report.notes == (BUNDLED_NOTE,)
    assert report.summary["n_claims"] == len(ne.datasets.dry_needling().claims)


def test_bundled_article_with_a_client_is_checked_by_that_client(crossref_server: CrossrefServer) -> None:
    served = _served(crossref_server)
    report = ne.check_article(client=ne.CrossrefClient(base_url=served.url, cache=False))
    assert BUNDLED_NOTE not in report.notes
    rows = {row["key"]: row for row in report.to_dict()["references"]}
    assert rows["gattie2017"]["status"] == "verified"
    assert rows["gattie2017"]["provenance"]["kind"] == "live"
    assert served.requests >= 1


def test_bundled_article_unverified_does_not_claim_a_snapshot_check() -> None:
    report = ne.check_article(verify=False)
    assert set(_statuses(report).values()) == {"not_checked"}
    assert report.notes == (NOT_VERIFIED_NOTE,)  # the snapshot sentence would say they were verified


# --- any article --------------------------------------------------------------------------------------------


def test_article_path_drafts_its_claims_once_and_uses_its_own_references(
    article: Path, drafts: list[int]
) -> None:
    report = ne.check_article(article, verify=False)
    assert len(drafts) == 1
    data = report.to_dict()
    assert [r["key"] for r in data["references"]] == ["gattie2017", "cagnie2013"]
    assert data["claims"] and all(c["claim_id"].startswith("draft-") for c in data["claims"])
    expected = [c.id for c in ne.draft_claims(ne.load_article(article))]
    assert [c["claim_id"] for c in data["claims"]] == expected
    assert {link["origin"] for link in data["links"]} <= {"citation", "suggestion"}
    assert report.notes == (DRAFTED_NOTE, NOT_VERIFIED_NOTE)


def test_article_text_gives_the_same_report_as_its_file(article: Path) -> None:
    from_text = ne.check_article(ARTICLE, verify=False).to_dict()
    from_file = ne.check_article(article, verify=False).to_dict()
    for table in ("claims", "links", "references", "gaps"):
        assert from_text[table] == from_file[table], table


def test_article_object_references_sequence_and_registry_file(drafts: list[int]) -> None:
    the_article = ne.load_article(dry_needling_path("article.txt"))
    references = list(ne.read_bibtex(dry_needling_path("references.bib")))  # a plain list is enough
    report = ne.check_article(
        the_article, references=references, claims=dry_needling_path("claims.yaml"), verify=False
    )
    assert len(drafts) == 1  # the registry replaces the draft, which still finds uncovered sentences
    assert report.summary["n_claims"] == len(ne.load_claims(dry_needling_path("claims.yaml")))
    assert DRAFTED_NOTE not in report.notes
    assert list(_statuses(report)) == ["gattie2017", "cagnie2013", "rodine2015"]


def test_unverified_references_are_not_checked(article: Path) -> None:
    report = ne.check_article(article, verify=False)
    assert set(_statuses(report).values()) == {"not_checked"}


def test_article_verified_through_the_given_client(article: Path, crossref_server: CrossrefServer) -> None:
    served = _served(crossref_server)
    report = ne.check_article(article, client=ne.CrossrefClient(base_url=served.url, cache=False))
    assert _statuses(report) == {"gattie2017": "verified", "cagnie2013": "verified"}
    assert report.notes == (DRAFTED_NOTE, "References: 2 checked live against Crossref.")
    assert served.requests >= 1


def test_default_client_follows_the_environment(
    article: Path, crossref_server: CrossrefServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    served = _served(crossref_server)
    monkeypatch.setenv("NEEDLING_EVIDENCE_CROSSREF_URL", served.url)
    report = ne.check_article(article)
    assert _statuses(report) == {"gattie2017": "verified", "cagnie2013": "verified"}
    assert served.requests >= 1


# --- problems and caller errors -----------------------------------------------------------------------------


def test_strict_raises_on_a_problem_in_the_inputs(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text(ARTICLE.replace("blood [2]", "blood [7]"), encoding="utf-8")  # there is no reference 7
    report = ne.check_article(path, verify=False)
    assert report.problems  # a record, and the report is still made
    with pytest.raises(ne.StrictError) as raised:
        ne.check_article(path, verify=False, strict=True)
    assert [p.code for p in raised.value.problems] == [p.code for p in report.problems]


def test_missing_files_are_input_errors_naming_them(tmp_path: Path, article: Path) -> None:
    missing = tmp_path / "missing.bib"
    with pytest.raises(ne.InputError, match="article not found"):
        ne.check_article(tmp_path / "missing.md")
    with pytest.raises(ne.InputError, match="reference file not found") as raised:
        ne.check_article(article, references=missing, verify=False)
    assert str(missing) in str(raised.value)


def test_a_registry_that_cannot_be_read_stops_the_run(tmp_path: Path, article: Path) -> None:
    claims = tmp_path / "claims.yaml"
    claims.write_text("claims: [unclosed\n", encoding="utf-8")
    with pytest.raises(ne.InputError, match="claims registry cannot be read"):
        ne.check_article(article, claims=claims, verify=False)


def test_the_bundled_article_is_checked_against_the_bundled_pubmed_snapshot_too() -> None:
    # issue 11: PubMed wired into the one entry point; offline, the bundled PubMed snapshot answers
    references = {row["key"]: row for row in ne.check_article().to_dict()["references"]}
    assert references["gattie2017"]["status"] == "verified"
    crossref_only = {row["key"]: row for row in ne.check_article(pubmed=False).to_dict()["references"]}
    assert crossref_only["gattie2017"]["status"] == "verified"


def test_check_article_passes_its_pubmed_client_to_verification(
    article: Path, crossref_server: CrossrefServer
) -> None:
    from pubmed_server import PubMedServer, recorded_article

    with PubMedServer() as pubmed_server:
        pubmed_server.add_article(recorded_article())
        pubmed = ne.PubMedClient(base_url=pubmed_server.url, cache=False)
        crossref = ne.CrossrefClient(base_url=crossref_server.url, cache=False)
        text = article.read_text(encoding="utf-8") + "\n\nReferences\n\n1. Khan R. PMID: 22351513\n"
        ne.check_article(text, client=crossref, pubmed=pubmed)
        assert any(r.route in ("efetch", "esummary") for r in pubmed_server.requests)
        before = len(pubmed_server.requests)
        ne.check_article(text, client=crossref, pubmed=False)
        assert len(pubmed_server.requests) == before  # False: Crossref only
