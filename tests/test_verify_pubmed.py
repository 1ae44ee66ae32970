"""verify_references with PubMed: one verdict per reference from both indexes, against two real local servers
(Crossref-shaped and E-utilities-shaped) serving recorded answers."""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from crossref_server import CrossrefServer, synthetic_work
from needling_evidence.crossref.client import CrossrefClient
from needling_evidence.crossref.verify import TABLE_COLUMNS, verification_table, verify_references
from needling_evidence.model import REFERENCE_STATUSES, Person, Reference
from needling_evidence.pubmed import PubMedClient, design_from_publication_types
from pubmed_server import PubMedServer, recorded_article, synthetic_article

RECORDED_TITLE = (
    "Variation in oil content and fatty acid composition of the seed oil of Acacia species collected from "
    "the northwest zone of India."
)


@pytest.fixture
def pubmed_server() -> Iterator[PubMedServer]:
    with PubMedServer(hang_seconds=1.0) as server:
        yield server


def _clients(crossref: CrossrefServer, pubmed: PubMedServer) -> tuple[CrossrefClient, PubMedClient]:
    def no_wait(_: float) -> None:
        return None

    return (
        CrossrefClient(base_url=crossref.url, cache=False, backoff=0),
        PubMedClient(base_url=pubmed.url, cache=False, backoff=0, max_retries=1, sleep=no_wait, timeout=0.5),
    )


def _recorded_reference(key: str, **changes: object) -> Reference:
    fields: dict[str, object] = {
        "key": key,
        "title": RECORDED_TITLE,
        "authors": (Person(family="Khan", given="Riyazuddeen"), Person(family="Srivastava", given="Ruchi")),
        "year": 2012,
        "container_title": "Journal of the science of food and agriculture",
        "volume": "92",
        "issue": "11",
        "pages": "2310-2315",
    }
    fields.update(changes)
    return Reference(**fields)  # type: ignore[arg-type]


def test_pmid_without_doi_is_verified_against_pubmed(
    crossref_server: CrossrefServer, pubmed_server: PubMedServer
) -> None:
    pubmed_server.add_article(recorded_article())
    crossref, pubmed = _clients(crossref_server, pubmed_server)
    [result] = verify_references([_recorded_reference("k", pmid="22351513")], crossref, pubmed=pubmed)
    assert result.status == "verified" and result.pmid == "22351513"
    assert result.publication_types == ("Journal Article", "Research Support, Non-U.S. Gov't")
    assert "Acacia" in result.mesh and result.abstract and "Rajasthan" in result.abstract
    assert "pubmed" in result.sources and "PMID 22351513" in result.message
    assert result.pubmed_provenance is not None and result.pubmed_provenance.kind == "live"


def test_no_doi_no_pmid_found_by_citation_match_is_pmid_found(
    crossref_server: CrossrefServer, pubmed_server: PubMedServer
) -> None:
    pubmed_server.add_article(recorded_article())
    pubmed_server.add_citation("Journal of the science of food and agriculture", 2012, "22351513")
    crossref, pubmed = _clients(crossref_server, pubmed_server)
    [result] = verify_references([_recorded_reference("k")], crossref, pubmed=pubmed)
    assert result.status == "pmid_found" and "pmid_found" in REFERENCE_STATUSES
    assert result.suggested_pmid == "22351513" and result.suggested_doi == "10.1002/jsfa.5627"
    assert result.confidence is not None and result.confidence > 0.5
    assert "title agree" in result.message and "Not written into your files" in result.message
    assert pubmed_server.count("ecitmatch") == 1


def test_a_search_candidate_that_does_not_validate_is_never_suggested(
    crossref_server: CrossrefServer, pubmed_server: PubMedServer
) -> None:
    pubmed_server.add_article(synthetic_article("33333333", "Another work on seed oils entirely"))
    pubmed_server.add_search("Variation", ["33333333"])
    crossref, pubmed = _clients(crossref_server, pubmed_server)
    ref = _recorded_reference("k", container_title=None)  # no journal: ECitMatch skipped, ESearch used
    [result] = verify_references([ref], crossref, pubmed=pubmed)
    assert result.status == "no_doi" and result.suggested_pmid is None
    assert "No index searched knows this work (Crossref, PubMed)" in result.message
    assert "33333333" in result.message and pubmed_server.count("esearch") == 1


def test_pubmed_unreachable_makes_unverified_not_no_doi(
    crossref_server: CrossrefServer, pubmed_server: PubMedServer
) -> None:
    pubmed_server.fail(status=500, times=5)
    crossref, pubmed = _clients(crossref_server, pubmed_server)
    [result] = verify_references([_recorded_reference("k")], crossref, pubmed=pubmed)
    assert result.status == "unverified"
    assert "PubMed could not be searched" in result.message and "HTTP 500" in result.message


def test_one_retraction_from_three_sources_is_listed_once_and_prefix_is_no_difference(
    crossref_server: CrossrefServer, pubmed_server: PubMedServer
) -> None:
    doi = "10.5555/needling-evidence.retracted"
    work = synthetic_work(doi, title=f"RETRACTED: {RECORDED_TITLE}")
    work.update(
        {
            "author": [{"family": "Khan", "given": "Riyazuddeen"}],
            "container-title": ["Journal of the science of food and agriculture"],
            "issued": {"date-parts": [[2012, 8, 30]]},
            "volume": "92",
            "issue": "11",
            "page": "2310-2315",
            "updated-by": [
                {
                    "type": "retraction",
                    "DOI": "10.5555/notice",
                    "source": "publisher",
                    "updated": {"date-parts": [[2020, 2, 3]]},
                },
                {
                    "type": "retraction",
                    "DOI": "10.5555/notice",
                    "source": "retraction-watch",
                    "updated": {"date-parts": [[2020, 2, 3]]},
                },
            ],
        }
    )
    crossref_server.add_work(work)
    # the recorded PubMed article, marked retracted as PubMed marks one (derived for this test)
    article = copy.deepcopy(recorded_article())
    ids = article.find("PubmedData/ArticleIdList")
    assert ids is not None
    for item in ids:
        if item.get("IdType") == "doi":
            item.text = doi
    types = article.find("MedlineCitation/Article/PublicationTypeList")
    assert types is not None
    ET.SubElement(types, "PublicationType").text = "Retracted Publication"
    citation = article.find("MedlineCitation")
    assert citation is not None
    comments = ET.SubElement(citation, "CommentsCorrectionsList")
    notice = ET.SubElement(comments, "CommentsCorrections", RefType="RetractionIn")
    ET.SubElement(notice, "RefSource").text = "J Sci Food Agric. 2020"
    ET.SubElement(notice, "PMID").text = "32000000"
    pubmed_server.add_article(article)
    crossref, pubmed = _clients(crossref_server, pubmed_server)
    [result] = verify_references([_recorded_reference("k", doi=doi)], crossref, pubmed=pubmed)
    assert result.status == "verified" and "title" not in result.mismatches
    retractions = [n for n in result.notices if n.kind == "retraction"]
    assert len(retractions) == 1
    assert retractions[0].source == "publisher, retraction-watch, pubmed"
    assert retractions[0].doi == "10.5555/notice" and retractions[0].pmid == "32000000"
    assert result.retracted and result.pmid == "22351513"


def test_differences_name_the_index(crossref_server: CrossrefServer, pubmed_server: PubMedServer) -> None:
    pubmed_server.add_article(recorded_article())
    crossref, pubmed = _clients(crossref_server, pubmed_server)
    [result] = verify_references(
        [_recorded_reference("k", pmid="22351513", volume="93")], crossref, pubmed=pubmed
    )
    assert result.mismatches["volume"] == ("93", "92")
    assert result.mismatch_sources["volume"] == ("pubmed",)
    table = verification_table([result])
    assert list(table.columns) == list(TABLE_COLUMNS)
    assert "volume: pubmed" in table.loc[0, "mismatch_sources"] and table.loc[0, "pmid"] == "22351513"


def test_design_from_publication_types_outranks_title_words(
    crossref_server: CrossrefServer, pubmed_server: PubMedServer
) -> None:
    article = copy.deepcopy(recorded_article())
    types = article.find("MedlineCitation/Article/PublicationTypeList")
    assert types is not None
    ET.SubElement(types, "PublicationType").text = "Systematic Review"
    pubmed_server.add_article(article)
    crossref, pubmed = _clients(crossref_server, pubmed_server)
    [result] = verify_references([_recorded_reference("k", pmid="22351513")], crossref, pubmed=pubmed)
    assert (result.design, result.level, result.design_source) == ("systematic_review", 1, "pubmed")
    assert result.level_reason and "PubMed publication type 'Systematic Review'" in result.level_reason
    assert design_from_publication_types(["Journal Article"]) is None
    assert design_from_publication_types(["Review", "Randomized Controlled Trial"])[0] == "randomised_trial"  # type: ignore[index]


def test_pubmed_false_is_crossref_only_and_default_is_none_for_a_custom_crossref(
    crossref_server: CrossrefServer, pubmed_server: PubMedServer
) -> None:
    crossref, _ = _clients(crossref_server, pubmed_server)
    for pubmed_option in (False, None):
        [result] = verify_references(
            [_recorded_reference("k", pmid="22351513")],
            crossref,
            pubmed=pubmed_option,  # type: ignore[arg-type]
        )
        assert result.pmid is None and "pubmed" not in result.sources
    assert pubmed_server.count() == 0


def test_offline_default_pubmed_reads_the_same_cache(
    crossref_server: CrossrefServer, pubmed_server: PubMedServer, tmp_path: Path
) -> None:
    pubmed_server.add_article(recorded_article())
    from needling_evidence.crossref.cache import Cache

    with Cache(tmp_path / "c.sqlite") as cache:
        PubMedClient(base_url=pubmed_server.url, cache=cache).fetch(["22351513"])
        offline_crossref = CrossrefClient(base_url=crossref_server.url, cache=cache, offline=True)
        offline_pubmed = PubMedClient(base_url=pubmed_server.url, cache=cache, offline=True)
        before = pubmed_server.count()
        [result] = verify_references(
            [_recorded_reference("k", pmid="22351513")], offline_crossref, pubmed=offline_pubmed
        )
        assert result.status == "verified" and result.pubmed_provenance is not None
        assert result.pubmed_provenance.kind == "cache" and pubmed_server.count() == before


def test_bundled_offline_run_adds_only_confirmed_pubmed_records() -> None:
    import needling_evidence as ne

    bundle = ne.datasets.dry_needling()
    results = {r.key: r for r in ne.verify_references(bundle.references, ne.CrossrefClient.bundled())}
    gattie = results["gattie2017"]
    assert gattie.pmid == "28158962" and gattie.pubmed_provenance is not None
    assert gattie.pubmed_provenance.kind == "snapshot" and "not live PubMed" in gattie.message
    assert gattie.publication_types == ()  # not confirmed from PubMed's own record, so not bundled
    # no PMID invented for the works the snapshot could not confirm
    assert results["cagnie2013"].pmid is None and results["rodine2015"].pmid is None
    assert results["rodine2015"].status == "unverified"
    snapshot = PubMedClient.bundled().snapshot
    assert snapshot is not None and set(snapshot.records) == {"28158962"}
    assert {u["key"] for u in snapshot.not_confirmed} == {"cagnie2013", "rodine2015"}


def test_identifiers_are_read_from_every_form() -> None:
    from needling_evidence.pubmed.lookup import reference_pmcid, reference_pmid

    forms = {
        "PMID: 22351513": "22351513",
        "https://pubmed.ncbi.nlm.nih.gov/22351513/": "22351513",
        "http://www.ncbi.nlm.nih.gov/pubmed/22351513": "22351513",
        "https://europepmc.org/article/MED/22351513": "22351513",
        "https://europepmc.org/abstract/MED/22351513": "22351513",
    }
    for text, pmid in forms.items():
        assert reference_pmid(Reference(key="k", raw=f"Khan R. Variation. {text}")) == pmid, text
    assert reference_pmid(Reference(key="k", pmid="22351513")) == "22351513"
    assert reference_pmcid(Reference(key="k", url="https://pmc.ncbi.nlm.nih.gov/articles/PMC2883744/")) == (
        "PMC2883744"
    )
    assert reference_pmcid(Reference(key="k", pmcid="2883744")) == "PMC2883744"
    assert reference_pmid(Reference(key="k", raw="Volume 22351513 of nothing")) is None


def test_a_doi_finds_its_pmid_by_the_id_converter_then_by_search(
    crossref_server: CrossrefServer, pubmed_server: PubMedServer
) -> None:
    doi = "10.1002/jsfa.5627"  # the recorded PubMed article's DOI
    work = synthetic_work(doi, title=RECORDED_TITLE)
    work.update(
        {
            "author": [{"family": "Khan", "given": "Riyazuddeen"}],
            "container-title": ["Journal of the science of food and agriculture"],
            "issued": {"date-parts": [[2012]]},
            "volume": "92",
            "issue": "11",
            "page": "2310-2315",
        }
    )
    crossref_server.add_work(work)
    pubmed_server.add_article(recorded_article())
    crossref, pubmed = _clients(crossref_server, pubmed_server)
    [by_search] = verify_references([_recorded_reference("k", doi=doi)], crossref, pubmed=pubmed)
    assert by_search.status == "verified" and by_search.pmid == "22351513"
    assert [pubmed_server.count(r) for r in ("idconv", "esearch", "efetch")] == [1, 1, 1]
    # a work in PMC: the ID converter alone maps it (no search)
    pubmed_server.add_idconv({"pmid": "22351513", "pmcid": "PMC9999999", "doi": doi})
    crossref, pubmed = _clients(crossref_server, pubmed_server)
    [by_converter] = verify_references([_recorded_reference("k", doi=doi)], crossref, pubmed=pubmed)
    assert by_converter.pmid == "22351513" and pubmed_server.count("esearch") == 1
    assert by_converter.sources == ("crossref", "pubmed")


@pytest.mark.parametrize("fault", ["malformed", "hang", "429"])
def test_a_pmid_pubmed_could_not_answer_is_unverified(
    crossref_server: CrossrefServer, pubmed_server: PubMedServer, fault: str
) -> None:
    pubmed_server.add_article(recorded_article())
    if fault == "429":
        pubmed_server.fail(status=429, times=5)
    else:
        pubmed_server.fail(fault, times=5)  # type: ignore[arg-type]
    crossref, pubmed = _clients(crossref_server, pubmed_server)
    [result] = verify_references([_recorded_reference("k", pmid="22351513")], crossref, pubmed=pubmed)
    assert result.status == "unverified" and result.pmid is None
    assert "not the same as 'no index knows this work'" in result.message


def test_a_citation_match_that_fails_the_checks_is_not_suggested(
    crossref_server: CrossrefServer, pubmed_server: PubMedServer
) -> None:
    # ECitMatch answers a PMID for journal + year, but the record is another work: the checks refuse it
    pubmed_server.add_article(
        synthetic_article("44444444", "Trigger point dry needling: a clinical approach")
    )
    pubmed_server.add_citation("Journal of the science of food and agriculture", 2012, "44444444")
    crossref, pubmed = _clients(crossref_server, pubmed_server)
    [result] = verify_references([_recorded_reference("k")], crossref, pubmed=pubmed)
    assert result.status == "no_doi" and result.suggested_pmid is None and result.pmid is None
    assert any(c.get("pmid") == "44444444" and not c["validated"] for c in result.candidates)
    assert "title disagree" in result.message


def test_the_verify_table_names_the_index_that_reported_a_difference(
    crossref_server: CrossrefServer, pubmed_server: PubMedServer, tmp_path: Path
) -> None:
    # issue 11: every difference names the index it came from; a PubMed record's title is not "Crossref's"
    from needling_evidence import commands

    pubmed_server.add_article(recorded_article())
    refs = tmp_path / "refs.txt"
    refs.write_text(
        "1. Khan R, Srivastava R, Khan MA, Alam P, Abdin MZ, Mahmooduzzafar. Variation in oil content and "
        "fatty acid composition of the seed oil of Acacia species collected in India. J Sci Food Agric. "
        "2012;92(11):2310-5. https://pubmed.ncbi.nlm.nih.gov/22351513/\n",
        encoding="utf-8",
    )
    crossref, _ = _clients(crossref_server, pubmed_server)
    run = commands.run_verify(refs, client=crossref, pubmed_url=pubmed_server.url, cache=False, width=100)
    flat = " ".join(run.text.split())
    assert "title: ours 'Variation in oil content" in flat and "PubMed 'Variation in oil content" in flat
    assert "Crossref 'Variation" not in flat
    assert "authors:" not in flat  # "Khan MA" is M. A.: the initials agree with PubMed's
