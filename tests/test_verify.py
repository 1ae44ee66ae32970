"""verify_references and verification_table (crossref/verify.py): unit tests over an in-memory WorkSource,
then the same logic through the real CrossrefClient against the local Crossref-shaped server, then the bundled
dry-needling references against the bundled snapshot."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

import needling_evidence as ne
from crossref_server import CrossrefServer, load_recorded_search, load_recorded_work
from needling_evidence.crossref.base import Lookup, Progress, SearchResult
from needling_evidence.crossref.cache import Cache
from needling_evidence.crossref.client import CrossrefClient
from needling_evidence.crossref.verify import TABLE_COLUMNS, verification_table, verify_references
from needling_evidence.datasets import dry_needling_path
from needling_evidence.errors import CrossrefError, UsageError
from needling_evidence.model import REFERENCE_STATUSES, Person, Provenance, Reference

LIVE = Provenance("live", fetched="2026-11-27T17:00:00Z", base_url="http://fake.test")
PLOS_DOI = "10.1371/journal.pone.0033693"
CERMINE = (
    "Tkaczyk, D., Szostek, P., Fedoryszak, M., Dendek, P. J., & Bolikowski, Ł. (2015). CERMINE: automatic "
    "extraction of structured metadata from scientific literature. International Journal on Document "
    "Analysis and Recognition (IJDAR), 18(4), 317-335."
)


class FakeSource:
    """An in-memory WorkSource: fixed answers per DOI and per query, and a log of what was asked."""

    def __init__(
        self,
        works: Mapping[str, Mapping[str, Any]] | None = None,
        *,
        agencies: Mapping[str, str] | None = None,
        failed: Mapping[str, str] | None = None,
        searches: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
        search_error: str | None = None,
        raise_on_lookup: Exception | None = None,
    ) -> None:
        self.works = dict(works or {})
        self.agencies = dict(agencies or {})
        self.failed = dict(failed or {})
        self.searches = dict(searches or {})
        self.search_error = search_error
        self.raise_on_lookup = raise_on_lookup
        self.asked: list[list[str]] = []
        self.queries: list[str] = []

    def lookup_dois(self, dois: Sequence[str], *, progress: Progress | None = None) -> list[Lookup]:
        if self.raise_on_lookup is not None:
            raise self.raise_on_lookup
        self.asked.append(list(dois))
        answers = []
        for done, doi in enumerate(dois, start=1):
            if doi in self.failed:
                answers.append(Lookup(doi, "failed", error=self.failed[doi]))
            elif doi in self.works:
                answers.append(
                    Lookup(doi, "found", message=self.works[doi], provenance=LIVE, agency="crossref")
                )
            else:
                answers.append(Lookup(doi, "not_found", agency=self.agencies.get(doi), status_code=404))
            if progress is not None:
                progress(done, len(dois))
        return answers

    def search_bibliographic(self, text: str, *, rows: int = 5) -> SearchResult:
        self.queries.append(text)
        if self.search_error is not None:
            return SearchResult(text, "failed", error=self.search_error)
        return SearchResult(text, "found", items=tuple(self.searches.get(text, ())), provenance=LIVE)


def plos_reference(**fields: Any) -> Reference:
    values: dict[str, Any] = {
        "key": "sadasivan2012",
        "title": "Methylphenidate exposure induces dopamine neuron loss and activation of microglia in the "
        "basal ganglia of mice",
        "authors": (
            Person("Sadasivan", "S."),
            Person("Pond", "B. B."),
            Person("Pani", "A. K."),
            Person("Qu", "C."),
            Person("Jiao", "Y."),
            Person("Smeyne", "R. J."),
        ),
        "year": 2012,
        "container_title": "PLoS One",
        "volume": "7",
        "issue": "3",
        "pages": "e33693",
        "doi": PLOS_DOI,
    }
    values.update(fields)
    return Reference(**values)


def cermine_items() -> tuple[Mapping[str, Any], ...]:
    return tuple(load_recorded_search()["message"]["items"])


# --- statuses, one by one -----------------------------------------------------------------------------------


def test_verified_with_the_correction_notice_and_provenance() -> None:
    (result,) = verify_references([plos_reference()], FakeSource({PLOS_DOI: load_recorded_work()}))
    assert result.status == "verified"
    assert result.mismatches == {}
    assert [(n.kind, n.date) for n in result.notices] == [("correction", "2012-05-08")]
    assert not result.retracted
    assert result.provenance == LIVE
    assert "Checked against live Crossref (http://fake.test)" in result.message
    assert "Notices: correction 10.1371/annotation/" in result.message
    assert result.record is not None and result.record["DOI"] == PLOS_DOI


# "induced" for "induces": a one-word slip in the title
TYPO = (
    "Methylphenidate exposure induced dopamine neuron loss and activation of microglia in the basal ganglia "
    "of mice"
)


def test_minor_differences_keep_verified_and_are_reported() -> None:
    ref = plos_reference(title=TYPO, year=2013, type="book")
    (result,) = verify_references([ref], FakeSource({PLOS_DOI: load_recorded_work()}))
    assert result.status == "verified"
    assert set(result.mismatches) == {"title", "year", "type"}
    assert result.mismatches["year"] == ("2013", "2012")
    assert "differences to correct" in result.message and "year: 2013 ≠ 2012" in result.message


def test_a_differing_title_with_two_differing_locators_is_a_mismatch() -> None:
    ref = plos_reference(title=TYPO, year=2013, volume="8")
    (result,) = verify_references([ref], FakeSource({PLOS_DOI: load_recorded_work()}))
    assert result.status == "mismatch"
    assert "likely another work" in result.message


def test_a_wrong_first_author_is_a_mismatch_naming_both_values() -> None:
    ref = plos_reference(authors=(Person("Smeyne", "R. J."), Person("Sadasivan", "S.")))
    (result,) = verify_references([ref], FakeSource({PLOS_DOI: load_recorded_work()}))
    assert result.status == "mismatch"
    ours, theirs = result.mismatches["authors"]
    assert ours is not None and ours.startswith("Smeyne")
    assert theirs is not None and theirs.startswith("Sadasivan")
    assert "may point at another work" in result.message


def test_a_year_three_years_off_is_a_mismatch() -> None:
    (result,) = verify_references([plos_reference(year=2015)], FakeSource({PLOS_DOI: load_recorded_work()}))
    assert result.status == "mismatch"
    assert result.mismatches["year"] == ("2015", "2012")


def test_not_found_and_not_crossref() -> None:
    refs = [
        plos_reference(key="gone", doi="10.1371/notarealdoi"),
        plos_reference(key="dc", doi="10.5072/zenodo.1"),
    ]
    gone, datacite = verify_references(refs, FakeSource(agencies={"10.5072/zenodo.1": "DataCite"}))
    assert (gone.status, gone.doi) == ("not_found", "10.1371/notarealdoi")
    assert (datacite.status, datacite.doi) == ("not_crossref", "10.5072/zenodo.1")
    assert "registered with DataCite" in datacite.message


def test_another_agency_is_named_as_it_writes_itself_with_where_to_check() -> None:
    # The client gives the agency in lower case ("datacite", from Crossref's /agency answer); the message
    # printed "registered with datacite" and said nowhere where the record could be seen.
    (result,) = verify_references(
        [plos_reference(key="dc", doi="10.5072/zenodo.1")],
        FakeSource(agencies={"10.5072/zenodo.1": "datacite"}),
    )
    assert result.status == "not_crossref"
    assert (
        "registered with DataCite" in result.message and "https://doi.org/10.5072/zenodo.1" in result.message
    )


def test_a_failed_lookup_is_unverified_never_not_found() -> None:
    source = FakeSource(failed={PLOS_DOI: "HTTP 429 Too Many Requests after 3 retries"})
    (result,) = verify_references([plos_reference()], source)
    assert result.status == "unverified"
    assert "429" in result.message and "not the same as not found" in result.message


def test_a_client_error_makes_every_lookup_unverified() -> None:
    source = FakeSource(raise_on_lookup=CrossrefError("offline: not in cache or snapshot"))
    results = verify_references([plos_reference(), plos_reference(key="b")], source)
    assert [r.status for r in results] == ["unverified", "unverified"]


@pytest.mark.parametrize("written", ["10.1234", "doi:not a doi", "10.2519/has space"])
def test_malformed_dois_are_not_looked_up(written: str) -> None:
    source = FakeSource()
    (direct,) = verify_references([Reference("a", doi=written)], source)
    assert direct.status == "malformed_doi" and direct.doi == written
    # a reader that kept the DOI as written in `fields` (and left `doi` empty) is read the same way
    (kept,) = verify_references([Reference("b", fields={"doi_as_written": written})], source)
    assert kept.status == "malformed_doi"
    assert source.asked == []


def test_a_doi_left_in_fields_is_normalised_and_looked_up() -> None:
    source = FakeSource({PLOS_DOI: load_recorded_work()})
    (result,) = verify_references(
        [plos_reference(doi=None, fields={"doi": "https://doi.org/10.1371/JOURNAL.PONE.0033693"})], source
    )
    assert result.status == "verified"
    assert source.asked == [[PLOS_DOI]]


def test_no_doi_found_by_search_is_doi_found_with_evidence() -> None:
    ref = Reference("tkaczyk2015", raw=CERMINE)
    source = FakeSource(searches={CERMINE: cermine_items()})
    (result,) = verify_references([ref], source)
    assert result.status == "doi_found"
    assert result.suggested_doi == "10.1007/s10032-015-0249-8"
    assert result.doi is None  # the reference's own DOI: still none, nothing written back
    assert result.confidence is not None and result.confidence >= 0.9
    assert "Not written into your files" in result.message
    assert len(result.candidates) == 5


def test_no_validated_candidate_is_no_doi_with_candidates_and_no_suggestion() -> None:
    ref = Reference("tkaczyk2015", raw=CERMINE, year=2019)
    (result,) = verify_references([ref], FakeSource(searches={CERMINE: cermine_items()}))
    assert result.status == "no_doi"
    assert result.suggested_doi is None
    assert [c["doi"] for c in result.candidates][:2] == ["10.1007/s10032-015-0249-8", "10.1109/das.2014.63"]


def test_messages_are_sentences_even_when_a_part_has_no_full_stop() -> None:
    # "…returned no candidates Checked against live Crossref…": the search verdict has no full stop, and
    # the provenance sentence ran on from it.
    ref = Reference("tkaczyk2015", raw=CERMINE)
    (result,) = verify_references([ref], FakeSource())
    assert result.status == "no_doi"
    assert "returned no candidates. Checked against live Crossref" in result.message
    assert result.message.startswith("No DOI in the reference")  # a sentence starts with a capital


def test_a_failed_search_is_unverified() -> None:
    ref = Reference("tkaczyk2015", raw=CERMINE)
    (result,) = verify_references([ref], FakeSource(search_error="timed out after 3 retries"))
    assert result.status == "unverified"
    assert "timed out" in result.message


def test_a_doi_with_an_otherwise_empty_reference() -> None:
    (result,) = verify_references(
        [Reference("bare", doi=PLOS_DOI)], FakeSource({PLOS_DOI: load_recorded_work()})
    )
    assert result.status == "verified"
    assert result.mismatches == {}  # not even the default type is held against it
    assert "only the DOI was checked" in result.message
    assert "Sadasivan" in result.message  # says what the DOI is


def test_a_retraction_is_flagged_in_the_result_the_message_and_the_table() -> None:
    work = dict(load_recorded_work())
    work["updated-by"] = [
        {
            "type": "retraction",
            "label": "Retraction",
            "DOI": "10.5555/retraction.1",
            "source": "retraction-watch",
            "updated": {"date-parts": [[2020, 2, 3]]},
        }
    ]
    results = verify_references([plos_reference()], FakeSource({PLOS_DOI: work}))
    assert results[0].retracted
    assert results[0].message.startswith("Verified") and "RETRACTED" in results[0].message
    table = verification_table(results)
    assert bool(table.loc[0, "retracted"]) is True
    assert table.loc[0, "notices"] == "retraction 10.5555/retraction.1 (2020-02-03, retraction-watch)"


# --- order, counts, progress, inputs ------------------------------------------------------------------------


def test_one_result_per_reference_in_input_order_with_duplicates_looked_up_once() -> None:
    refs = [
        Reference("nodoi", title="x"),
        plos_reference(key="first"),
        Reference("bad", doi="10.1"),
        plos_reference(key="again"),
        plos_reference(key="missing", doi="10.5555/missing"),
    ]
    source = FakeSource({PLOS_DOI: load_recorded_work()})
    results = verify_references(refs, source)
    assert [r.key for r in results] == ["nodoi", "first", "bad", "again", "missing"]
    assert [r.status for r in results] == ["no_doi", "verified", "malformed_doi", "verified", "not_found"]
    assert source.asked == [[PLOS_DOI, "10.5555/missing"]]
    assert all(r.status in REFERENCE_STATUSES for r in results)


def test_progress_counts_lookups_then_searches() -> None:
    calls: list[tuple[int, int]] = []
    refs = [plos_reference(), Reference("t", raw=CERMINE)]
    verify_references(
        refs, FakeSource({PLOS_DOI: load_recorded_work()}), progress=lambda d, t: calls.append((d, t))
    )
    assert calls == [(1, 2), (2, 2)]


def test_empty_input_and_single_reference_and_bad_items() -> None:
    assert verify_references([], FakeSource()) == []
    assert list(verification_table([]).columns) == list(TABLE_COLUMNS)
    single = verify_references(plos_reference(), FakeSource({PLOS_DOI: load_recorded_work()}))
    assert isinstance(single, list) and len(single) == 1
    with pytest.raises(UsageError, match="item 1 is a str"):
        verify_references([plos_reference(), "10.1371/x"], FakeSource())  # type: ignore[list-item]


def test_design_and_level_come_with_every_status() -> None:
    refs = [
        plos_reference(),
        Reference("sr", title="Dry needling: a systematic review of randomised trials", doi="10.1"),
        Reference("nodoi", title="Dry needling versus sham: a randomised controlled trial"),
    ]
    results = verify_references(refs, FakeSource({PLOS_DOI: load_recorded_work()}))
    assert [(r.design, r.level) for r in results] == [
        ("mechanistic_study", 5),  # issue 10: "… in Mice" is an animal study (it was "other", no level)
        ("systematic_review", 1),
        ("randomised_trial", 2),
    ]
    assert all(r.level_reason for r in results)


# --- the table ----------------------------------------------------------------------------------------------


def test_the_table_has_one_row_per_reference_and_the_documented_columns() -> None:
    refs = [plos_reference(year=2013, pages="e33694"), Reference("bad", doi="nonsense")]
    table = verification_table(verify_references(refs, FakeSource({PLOS_DOI: load_recorded_work()})))
    assert list(table.columns) == list(TABLE_COLUMNS)
    assert list(table["key"]) == ["sadasivan2012", "bad"]
    assert table.loc[0, "mismatches"] == "year: 2013 ≠ 2012; pages: e33694 ≠ e33693"
    assert table.loc[0, "mismatch_fields"] == "year, pages"
    assert table.loc[0, "notices"].startswith("correction 10.1371/annotation/")
    assert str(table["level"].dtype) == "Int64"
    assert table.loc[0, "provenance"].startswith("live (2026-11-27T17:00:00Z)")
    assert table.loc[1, "status"] == "malformed_doi"


# --- through the real client, against the local Crossref-shaped server --------------------------------------


def test_through_the_client_and_server(crossref_server: CrossrefServer, tmp_cache: Cache) -> None:
    plos = crossref_server.add_work(load_recorded_work())
    crossref_server.add_not_found("10.1371/notarealdoi")
    crossref_server.add_agency("10.5072/example.1", "datacite")
    crossref_server.add_search(CERMINE, cermine_items())
    refs = [
        plos_reference(),
        plos_reference(key="gone", doi="10.1371/notarealdoi"),
        plos_reference(key="dc", doi="10.5072/example.1"),
        Reference("tkaczyk2015", raw=CERMINE),
        Reference("bad", doi="10.12/"),
    ]
    client = CrossrefClient(base_url=crossref_server.url, cache=tmp_cache, backoff=0)
    results = verify_references(refs, client)
    assert [r.status for r in results] == [
        "verified",
        "not_found",
        "not_crossref",
        "doi_found",
        "malformed_doi",
    ]
    assert results[0].doi == plos and results[0].notices[0].kind == "correction"
    assert results[0].provenance is not None and results[0].provenance.kind == "live"
    assert results[3].suggested_doi == "10.1007/s10032-015-0249-8"
    assert crossref_server.count(route="search") == 1

    # the same again answers from the cache: no new request, provenance says cache
    crossref_server.reset_log()
    again = verify_references(refs, CrossrefClient(base_url=crossref_server.url, cache=tmp_cache, backoff=0))
    assert [r.status for r in again] == [r.status for r in results]
    assert crossref_server.requests == 0
    assert again[0].provenance is not None and again[0].provenance.kind == "cache"
    assert "cached" in again[0].message


def test_rate_limited_and_broken_answers_are_unverified(crossref_server: CrossrefServer) -> None:
    crossref_server.add_work(load_recorded_work())
    crossref_server.fail(status=429, times=50, retry_after="0")
    client = CrossrefClient(base_url=crossref_server.url, cache=False, max_retries=1, backoff=0)
    (result,) = verify_references([plos_reference()], client)
    assert result.status == "unverified"
    assert "429" in result.message


def test_malformed_json_from_the_server_is_unverified(crossref_server: CrossrefServer) -> None:
    crossref_server.add_work(load_recorded_work())
    crossref_server.malformed(times=50)
    client = CrossrefClient(base_url=crossref_server.url, cache=False, max_retries=1, backoff=0)
    (result,) = verify_references([plos_reference()], client)
    assert result.status == "unverified"


def test_offline_without_a_cached_answer_is_unverified(
    crossref_server: CrossrefServer, tmp_cache: Cache
) -> None:
    crossref_server.add_work(load_recorded_work())
    refs = [plos_reference(), Reference("tkaczyk2015", raw=CERMINE)]
    results = verify_references(
        refs, CrossrefClient(base_url=crossref_server.url, cache=tmp_cache, offline=True)
    )
    assert [r.status for r in results] == ["unverified", "unverified"]
    assert "offline" in results[0].message and "offline" in results[1].message
    # waiting does not help an offline run: the advice is to check online ("try again later" was given)
    assert "try again later" not in results[0].message and "online" in results[0].message
    assert crossref_server.requests == 0


def test_the_default_client_reads_the_environment(
    crossref_server: CrossrefServer, tmp_cache: Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    crossref_server.add_work(load_recorded_work())
    monkeypatch.setenv("NEEDLING_EVIDENCE_CROSSREF_URL", crossref_server.url)
    (result,) = ne.verify_references([plos_reference()])
    assert result.status == "verified"
    assert crossref_server.requests >= 1


# --- the bundled references, offline, against the bundled snapshot ------------------------------------------


def test_the_bundled_references_against_the_bundled_snapshot() -> None:
    refs = ne.read_bibtex(dry_needling_path("references.bib"))
    results = verify_references(refs, CrossrefClient.bundled())
    by_key = {r.key: r for r in results}
    assert [r.key for r in results] == ["gattie2017", "cagnie2013", "rodine2015"]
    assert (by_key["gattie2017"].status, by_key["cagnie2013"].status, by_key["rodine2015"].status) == (
        "verified",
        "verified",
        "unverified",
    )
    for key in ("gattie2017", "cagnie2013"):
        result = by_key[key]
        assert result.mismatches == {}
        assert result.provenance is not None and result.provenance.kind == "snapshot"
        assert "bundled snapshot" in result.message and "not live Crossref" in result.message
        assert "not checked" in result.message  # notices were not checked against the snapshot
    assert (by_key["gattie2017"].design, by_key["gattie2017"].level) == ("systematic_review", 1)
    assert (by_key["cagnie2013"].design, by_key["cagnie2013"].level) == ("narrative_review", 5)
    rodine = by_key["rodine2015"]
    assert "bundled snapshot" in rodine.message and "needs live Crossref" in rodine.message
    assert "no DOI is printed" in rodine.message
    assert rodine.level is None  # its design is not established offline


def test_the_articles_printed_gattie_reference_verifies_against_the_snapshot() -> None:
    """The article prints the journal as "The Journal of orthopaedic and sports physical therapy"."""
    printed = Reference(
        "gattie2017",
        title="The Effectiveness of Trigger Point Dry Needling for Musculoskeletal Conditions by Physical "
        "Therapists: A Systematic Review and Meta-analysis",
        authors=(Person("Gattie", "E."), Person("Cleland", "J. A."), Person("Snodgrass", "S.")),
        year=2017,
        container_title="The Journal of orthopaedic and sports physical therapy",
        volume="47",
        issue="3",
        pages="133–149",
        doi="10.2519/jospt.2017.7096",
    )
    (result,) = verify_references([printed], CrossrefClient.bundled())
    assert result.status == "verified" and result.mismatches == {}
    assert "same journal, written 'Journal of Orthopaedic & Sports Physical Therapy'" in result.message


def test_the_snapshot_is_labelled_and_holds_only_established_fields() -> None:
    data = json.loads(Path(dry_needling_path("crossref-snapshot.json")).read_text(encoding="utf-8"))
    assert data["schema_version"] == 1 and "NOT an answer from the Crossref API" in data["how"]
    assert [r["doi"] for r in data["records"]] == ["10.2519/jospt.2017.7096", "10.1007/s11916-013-0348-5"]
    for record, year in zip(data["records"], (2017, 2013), strict=True):
        assert "were NOT checked" in record["provenance_note"]
        assert not {"ISSN", "updated-by", "published-print", "published-online"} & set(record["message"])
        assert record["message"]["issued"] == {"date-parts": [[year]]}  # the year only: no finer date known
    assert data["unknown"] == [
        {"key": "rodine2015", "note": "no DOI is printed and none could be established offline"}
    ]
