"""Verification: every reference checked against Crossref, one ``Verification`` per reference.

How each reference is decided (statuses are ``model.REFERENCE_STATUSES``):

``verified``
    the DOI is in Crossref and nothing disagrees with the identity of the work; minor differences (a typo in
    the title, a one-year online/print difference, another journal wording, pages …) are still listed in
    ``mismatches`` and in the message (see :mod:`.compare`).
``mismatch``
    the DOI is in Crossref but the title is badly off, the first author differs, the year is two or more years
    away, or a differing title comes with differing journal details: the DOI may point at another work.
    DESIGN.md's coverage rule treats this as failed verification.
``not_found``
    Crossref answered 404 and no other registration agency is known for the DOI.
``not_crossref``
    Crossref answered 404 and the DOI is registered with another agency (DataCite, mEDRA …): nothing compared.
``malformed_doi``
    the reference's DOI is not a DOI (Crossref's DOI patterns); it was not looked up.
``no_doi``
    the reference has no DOI and no search candidate validated; ``candidates`` lists the best ones, each with
    its checks. ``suggested_doi`` stays empty: an unvalidated candidate is not a suggestion.
``doi_found``
    the reference has no DOI and a candidate validated field by field (:mod:`.match`): ``suggested_doi``,
    ``confidence`` and the evidence in the message; nothing is written back into the user's files.
``unverified``
    the lookup or search failed (network, rate limit, offline without an answer): never ``not_found``.

Every result also carries the notices on the work (retraction, correction, …), the study design and CEBM level
(from the reference alone when Crossref has no record), and where the Crossref record came from (live, cache,
or the bundled snapshot — the message says which, and a snapshot is never presented as a live answer).
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from ..appraise import classify_design
from ..doi import is_valid_doi, normalize_doi
from ..errors import NeedlingEvidenceError, UsageError
from ..model import Notice, Provenance, Reference, Verification
from .base import Lookup, Progress, SearchResult, WorkSource
from .compare import (
    Comparison,
    FieldComparison,
    compare_reference,
    crossref_authors,
    crossref_first,
    describe,
)
from .match import MatchResult, find_doi
from .notices import notices_from_work, updates_from_work

if TYPE_CHECKING:
    import pandas as pd

    from ..pubmed.client import PubMedClient
    from ..pubmed.lookup import PubMedFinding

__all__ = ["TABLE_COLUMNS", "verification_table", "verify_references"]

# The columns of verification_table(), in order:
#   key            the reference's key
#   status         one of model.REFERENCE_STATUSES
#   doi            the DOI checked (as written, for malformed_doi); empty when the reference has none
#   suggested_doi  doi_found: the validated DOI (no_doi: empty, an unvalidated candidate is no suggestion)
#   confidence     doi_found: the match's confidence (0..1)
#   mismatches     readable differences, "field: ours ≠ Crossref's", joined by "; "
#   mismatch_fields the differing field names, joined by ", "
#   notices        "kind DOI (date, source)", joined by "; "
#   retracted      True when a retraction or withdrawal is on record
#   design, level, level_reason   study design, Oxford CEBM 2011 treatment-benefit level, and why
#   provenance     where the Crossref record came from: live / cache / snapshot, with date and note
#   message        the verdict in words
#   pmid, pmcid    PubMed's identifiers for the work (PubMed answered)
#   suggested_pmid pmid_found: the validated PMID
#   publication_types  PubMed's publication types, joined by "; "
#   mesh           PubMed's MeSH descriptors, joined by "; "
#   abstract       PubMed's abstract
#   sources        the indexes that answered: "crossref, pubmed"
#   mismatch_sources  for each differing field, the indexes that report it: "title: crossref, pubmed"
#   design_source  where the design came from: pubmed (publication types), crossref or reference
#   pubmed_provenance  where PubMed's record came from: live / cache / snapshot
TABLE_COLUMNS: tuple[str, ...] = (
    "key",
    "status",
    "doi",
    "suggested_doi",
    "confidence",
    "mismatches",
    "mismatch_fields",
    "notices",
    "retracted",
    "design",
    "level",
    "level_reason",
    "provenance",
    "message",
    "pmid",
    "pmcid",
    "suggested_pmid",
    "publication_types",
    "mesh",
    "abstract",
    "sources",
    "mismatch_sources",
    "design_source",
    "pubmed_provenance",
)

# Fields whose presence makes a reference more than a bare DOI (the type alone is a default, not information).
_CONTENT_FIELDS = ("title", "authors", "year", "container_title", "volume", "issue", "pages")


@dataclass(frozen=True)
class _Plan:
    """What to do for one reference."""

    action: Literal["lookup", "malformed", "search"]
    doi: str | None = None  # canonical, for lookup
    written: str | None = None  # the DOI as written, for malformed


def _doi_as_written(ref: Reference) -> str | None:
    for name in ("doi_as_written", "doi", "DOI"):
        value = ref.fields.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _plan(ref: Reference) -> _Plan:
    if ref.doi:
        canonical = normalize_doi(ref.doi)
        if canonical is None or not is_valid_doi(canonical):
            return _Plan("malformed", written=ref.doi)
        return _Plan("lookup", doi=canonical)
    written = _doi_as_written(ref)
    if written is not None:
        canonical = normalize_doi(written)
        if canonical is None:
            return _Plan("malformed", written=written)
        return _Plan("lookup", doi=canonical)
    return _Plan("search")


def _where(provenance: Provenance | None) -> str:
    """Where the verdict's Crossref record came from, for the message."""
    if provenance is None:
        return ""
    if provenance.kind == "snapshot":
        made = f", made {provenance.fetched}" if provenance.fetched else ""
        return (
            f"Checked against the bundled snapshot{made}, not live Crossref: it was written by hand from the "
            "published record. Retractions and corrections were not checked against it."
        )
    if provenance.kind == "cache":
        return f"Checked against Crossref's answer cached {provenance.fetched or '(date unknown)'}."
    if provenance.kind == "live":
        where = f" ({provenance.base_url})" if provenance.base_url else ""
        return f"Checked against live Crossref{where}, {provenance.fetched or 'now'}."
    return ""


# Registration agencies as they write their names; Crossref's /works/{doi}/agency answer gives the id (the
# client keeps it in lower case). The list is the one Crossref's API documents for that route.
_AGENCY_NAMES: dict[str, str] = {
    "datacite": "DataCite",
    "medra": "mEDRA",
    "jalc": "JaLC",
    "kisti": "KISTI",
    "cnki": "CNKI",
    "airiti": "Airiti",
    "op": "the Publications Office of the EU (OP)",
}


def _join(*parts: str) -> str:
    """The parts as one message: each part a sentence (a full stop added where a part has none), so that the
    provenance sentence never runs on from a verdict."""
    sentences: list[str] = []
    for part in parts:  # runs a few times per reference: one strip per part, no generator
        sentence = part.strip() if part else ""
        if sentence:
            sentences.append(sentence if sentence[-1] in ".!?" else sentence + ".")
    return " ".join(sentences)


def _work_label(work: Mapping[str, Any]) -> str:
    title = crossref_first(work, "title") or "untitled"
    authors = crossref_authors(work)
    who = (authors[0].family or authors[0].literal) if authors else None
    return f"{who}: {title!r}" if who else repr(title)


def _has_content(ref: Reference) -> bool:
    # any(getattr(ref, name) for name in _CONTENT_FIELDS), written out: it runs once per reference
    return bool(
        ref.title or ref.authors or ref.year or ref.container_title or ref.volume or ref.issue or ref.pages
    )


_RETRACTED_PREFIX = re.compile(r"^\s*(?:\[?\s*retracted\s*(?:article)?\s*\]?\s*[:.\-–]\s*)", re.I)


def _without_retracted_prefix(work: Mapping[str, Any]) -> tuple[Mapping[str, Any], bool]:
    """The work with a "RETRACTED:" prefix taken off its title (a notice, not a title difference)."""
    titles = work.get("title")
    if not isinstance(titles, list) or not titles or not isinstance(titles[0], str):
        return work, False
    prefix = _RETRACTED_PREFIX.match(titles[0])  # a match (no new string) for the many titles without one
    stripped = titles[0] if prefix is None else titles[0][prefix.end() :]
    if stripped == titles[0]:
        return work, False
    return {**work, "title": [stripped, *titles[1:]]}, True


def merge_notices(notices: Iterable[Notice]) -> tuple[Notice, ...]:
    """The same notice reported by several sources (publisher, Retraction Watch, PubMed) listed once, naming
    every source: notices of one kind merge unless their DOIs (or PMIDs) differ."""
    merged: list[Notice] = []
    for notice in notices:
        for position, seen in enumerate(merged):
            same_doi = not (notice.doi and seen.doi and notice.doi != seen.doi)
            same_pmid = not (notice.pmid and seen.pmid and notice.pmid != seen.pmid)
            if seen.kind == notice.kind and same_doi and same_pmid:
                sources = [s for s in (seen.source or "").split(", ") if s]
                sources += [s for s in (notice.source or "").split(", ") if s and s not in sources]
                dates = [d for d in (seen.date, notice.date) if d]
                merged[position] = replace(
                    seen,
                    doi=seen.doi or notice.doi,
                    pmid=seen.pmid or notice.pmid,
                    date=min(dates) if dates else None,
                    source=", ".join(sources) or None,
                    label=seen.label or notice.label,
                )
                break
        else:
            merged.append(notice)
    return tuple(merged)


def _notices(work: Mapping[str, Any]) -> tuple[Notice, ...]:
    if "updated-by" not in work and "update-to" not in work:  # what both read; most records have neither
        return ()
    return notices_from_work(work) + updates_from_work(work)


def _notice_text(notices: Sequence[Notice]) -> str:
    if not notices:
        return ""
    listed = "; ".join(_one_notice(n) for n in notices)
    flag = "RETRACTED. " if any(n.kind in ("retraction", "withdrawal") for n in notices) else ""
    return f"{flag}Notices: {listed}."


def _one_notice(notice: Notice) -> str:
    details = ", ".join(p for p in (notice.date, notice.source) if p)
    label = (
        f" — {notice.label}"
        if notice.label and notice.label.casefold() != notice.kind.replace("_", " ")
        else ""
    )
    ident = notice.doi or (f"PMID {notice.pmid}" if notice.pmid else "(no DOI)")
    return f"{notice.kind} {ident}" + (f" ({details})" if details else "") + label


def _against_record(
    ref: Reference, work: Mapping[str, Any], provenance: Provenance | None
) -> tuple[Comparison, tuple[Notice, ...], dict[str, Any]]:
    """What one Crossref record says about ``ref``: the comparison, the record's notices, and the
    :class:`Verification` fields they fill, whether the DOI was the reference's own or found by search."""
    work, prefixed = _without_retracted_prefix(work)
    comparison = compare_reference(ref, work)
    notices = _notices(work)
    if prefixed and not any(n.kind in ("retraction", "withdrawal") for n in notices):
        notices += (Notice(kind="retraction", source="crossref title", label="title marked RETRACTED"),)
    if notices:  # most records have none: nothing to merge
        notices = merge_notices(notices)
    design = classify_design(ref, work)
    fields: dict[str, Any] = {
        "key": ref.key,
        "mismatches": comparison.mismatches,
        "notices": notices,
        "design": design.design,
        "level": design.level,
        "level_reason": design.reason,
        "provenance": provenance,
        "record": work,
    }
    return comparison, notices, fields


def _found(ref: Reference, lookup: Lookup) -> Verification:
    work = lookup.message or {}
    comparison, notices, fields = _against_record(ref, work, lookup.provenance)
    where = _where(lookup.provenance)
    if not _has_content(ref):
        # Nothing of the reference's own to compare, so nothing can differ: no mismatches are recorded.
        fields["mismatches"] = {}
        return Verification(
            status="verified",
            doi=lookup.doi,
            message=_join(
                f"The DOI is in Crossref ({_work_label(work)}), but the reference has nothing else to "
                "compare (no title, authors, year or journal): only the DOI was checked.",
                _notice_text(notices),
                where,
            ),
            **fields,
        )
    return _verdict(comparison, work, lookup.doi, _notice_text(notices), where, fields)


def _verdict(
    comparison: Comparison,
    work: Mapping[str, Any],
    doi: str,
    notice_text: str,
    where: str,
    fields: dict[str, Any],
) -> Verification:
    # the fields sorted by verdict in one pass (this runs once per reference: a large library's hot path)
    identity: list[FieldComparison] = []
    minor: list[FieldComparison] = []
    agreed_fields: list[str] = []
    in_form: list[FieldComparison] = []
    absent: list[str] = []
    for f in comparison.fields:
        verdict = f.verdict
        if verdict == "agree":
            agreed_fields.append(f.field)
            if f.note:
                in_form.append(f)
        elif verdict == "minor":
            minor.append(f)
        elif verdict == "identity":
            identity.append(f)
        elif verdict == "absent" and f.ours:
            absent.append(f.field)
    message = _verdict_text(identity, minor, agreed_fields, in_form, absent, work)
    return Verification(
        status="mismatch" if identity else "verified",
        doi=doi,
        message=_join(message, notice_text, where),
        **fields,
    )


def _verdict_text(
    identity: Sequence[FieldComparison],
    minor: Sequence[FieldComparison],
    agreed_fields: Sequence[str],
    in_form: Sequence[FieldComparison],
    absent: Sequence[str],
    work: Mapping[str, Any],
) -> str:
    agreed = ", ".join(agreed_fields)
    form = f" ({'; '.join(f'{f.field}: {f.note}' for f in in_form)})" if in_form else ""
    unchecked = f" Not in Crossref's record, so not compared: {', '.join(absent)}." if absent else ""
    if identity:
        others = f" Also different: {describe(minor)}." if minor else ""
        return (
            f"Mismatch: the DOI may point at another work ({_work_label(work)}). {describe(identity)}."
            f"{others}{unchecked}"
        )
    if minor:
        return (
            f"Verified, with differences to correct (they do not put the work's identity in doubt): "
            f"{describe(minor)}. Agree: {agreed or 'nothing else'}{form}.{unchecked}"
        )
    return f"Verified: {agreed or 'nothing to compare'} agree{form}.{unchecked}"


def _from_lookup(ref: Reference, lookup: Lookup | None) -> Verification:
    if lookup is None:
        return Verification(
            key=ref.key,
            status="unverified",
            message="Could not be checked: the Crossref client gave no answer for this DOI.",
        )
    if lookup.outcome == "found" and lookup.message is not None:
        return _found(ref, lookup)  # its design read with the record
    design = classify_design(ref)
    common: dict[str, Any] = {
        "key": ref.key,
        "doi": lookup.doi,
        "design": design.design,
        "level": design.level,
        "level_reason": design.reason,
        "provenance": lookup.provenance,
    }
    if lookup.outcome == "not_found":
        agency = (lookup.agency or "").strip()
        if agency and agency.casefold() != "crossref":
            name = _AGENCY_NAMES.get(agency.casefold(), agency)
            return Verification(
                status="not_crossref",
                message=_join(
                    f"The DOI is registered with {name}, not Crossref: it exists, but its metadata was not "
                    f"compared; see its record at https://doi.org/{lookup.doi}.",
                    _where(lookup.provenance),
                ),
                **common,
            )
        return Verification(
            status="not_found",
            message=_join(
                "Crossref has no record of this DOI (404), and no other registration agency is known for it: "
                "check it for a typo.",
                _where(lookup.provenance),
            ),
            **common,
        )
    why = lookup.error or "the lookup failed"
    advice = _advice(why)
    return Verification(
        status="unverified",
        message=f"Could not be checked ({why}). This is not the same as not found: {advice}.",
        **common,
    )


def _advice(why: str) -> str:
    """What to do about a failed lookup, from why it failed: waiting helps only a busy or flaky server."""
    if why.startswith("offline"):
        return "check it online"  # an offline client never asked Crossref: waiting will not help
    if "base URL" in why or "redirect" in why:
        return "check the Crossref base URL (--crossref-url, $NEEDLING_EVIDENCE_CROSSREF_URL)"
    if "reached" in why or "resolve" in why or "refused" in why:
        return "check the network or proxy, or run with --offline"
    if "another DOI" in why:
        return "check which DOI the work has (this one may be an alias)"
    return "try again later"


def _from_match(ref: Reference, match: MatchResult, *, offline_note: str) -> Verification:
    if match.status == "doi_found" and match.record is not None:
        _, notices, fields = _against_record(ref, match.record, match.provenance)
        return Verification(
            status="doi_found",
            suggested_doi=match.doi,
            confidence=match.confidence,
            message=_join(match.message, _notice_text(notices), _where(match.provenance)),
            candidates=match.candidates,
            **fields,
        )
    design = classify_design(ref)
    message = match.message
    if match.status == "unverified" and offline_note:
        message = offline_note
    return Verification(
        key=ref.key,
        status=match.status,
        design=design.design,
        level=design.level,
        level_reason=design.reason,
        provenance=match.provenance,
        message=_join(message, _where(match.provenance)),
        candidates=match.candidates,
    )


def _offline_note(client: object, ref: Reference) -> str:
    """For a client working offline: why no DOI search was possible, and what the bundled snapshot says."""
    if not getattr(client, "offline", False):
        return ""
    snapshot = getattr(client, "snapshot", None)
    said = ""
    for entry in getattr(snapshot, "unknown", ()) or ():
        if isinstance(entry, Mapping) and entry.get("key") == ref.key and entry.get("note"):
            said = f" The bundled snapshot records for {ref.key}: {entry['note']}."
    where = " (checked against the bundled snapshot, not live Crossref)" if snapshot is not None else ""
    return (
        f"Unverified offline{where}: the reference has no DOI, and a DOI search needs live Crossref."
        f"{said} Run online to search for one."
    )


def _lookup_all(client: WorkSource, dois: Sequence[str], progress: Progress | None) -> dict[str, Lookup]:
    if not dois:
        return {}
    try:
        answers = client.lookup_dois(dois, progress=progress)
    except NeedlingEvidenceError as exc:
        # A misconfigured or offline client: every lookup is unverified, none is "not found".
        return {doi: Lookup(doi=doi, outcome="failed", error=str(exc)) for doi in dois}
    found: dict[str, Lookup] = {}
    asked = set(dois)  # canonical (from _plan): normalize_doi gives such a DOI back unchanged (idempotent)
    for answer in answers:
        canonical = answer.doi if answer.doi in asked else (normalize_doi(answer.doi) or answer.doi)
        found.setdefault(canonical, answer)
    return found


# Searches in flight at once, at most: the client's pacer for list requests decides how many really are
# (Crossref: 3 in the polite pool, 1 in the public one); a few more threads keep its slots filled.
MAX_SEARCH_WORKERS = 6


def _search_all(
    client: WorkSource, refs: Sequence[Reference], done: Callable[[int], None]
) -> dict[int, MatchResult]:
    """Every reference without a DOI searched, concurrently within the client's limits (each candidate still
    validated field by field); by ``id(ref)``."""
    if not refs:
        return {}
    if len(refs) == 1 or getattr(client, "offline", False):
        out = {}
        for count, ref in enumerate(refs, start=1):
            out[id(ref)] = _search(client, ref)
            done(count)
        return out
    out = {}
    with ThreadPoolExecutor(max_workers=MAX_SEARCH_WORKERS, thread_name_prefix="search") as pool:
        futures = {pool.submit(_search, client, ref): ref for ref in refs}
        for count, future in enumerate(as_completed(futures), start=1):
            out[id(futures[future])] = future.result()
            done(count)
    return out


def _search(client: WorkSource, ref: Reference) -> MatchResult:
    try:
        return find_doi(ref, client)
    except NeedlingEvidenceError as exc:
        from .match import match_candidates, reference_query

        query = reference_query(ref)
        return match_candidates(ref, SearchResult(query, "failed", error=str(exc)))


def verify_references(
    refs: Iterable[Reference] | Reference,
    client: WorkSource | None = None,
    *,
    pubmed: PubMedClient | Literal[False] | None = None,
    progress: Progress | None = None,
) -> list[Verification]:
    """Check every reference against Crossref and PubMed: one :class:`Verification` per reference, in input
    order.

    ``client`` is anything with ``lookup_dois`` and ``search_bibliographic`` (a
    :class:`~needling_evidence.crossref.client.CrossrefClient`); ``None`` makes a default live client. DOIs
    are looked up together (the client batches them), then references without a DOI are searched one by one.
    ``pubmed``: a :class:`~needling_evidence.pubmed.PubMedClient`; ``None`` makes one configured like
    ``client`` (same cache file and e-mail; offline when it is offline; none when ``client`` talks to another
    Crossref-compatible server — a test or a mirror — unless ``$NEEDLING_EVIDENCE_PUBMED_URL`` names a PubMed
    server too); ``False``: Crossref only. ``progress(done, total)`` is called as lookups and searches
    complete.
    """
    items: list[Reference] = [refs] if isinstance(refs, Reference) else list(refs)
    for index, ref in enumerate(items):
        if not isinstance(ref, Reference):
            raise UsageError(f"verify_references: item {index} is a {type(ref).__name__}, not a Reference")
    owned = client is None
    source: WorkSource
    if client is None:
        from .client import CrossrefClient

        source = CrossrefClient()
    else:
        source = client
    index_client = _default_pubmed(source) if pubmed is None else (pubmed or None)
    try:
        results = _verify(items, source, progress)
        if index_client is None:
            return results
        return _with_pubmed(items, results, index_client)
    finally:
        if pubmed is None and index_client is not None:
            index_client.close()
        if owned:
            close = getattr(source, "close", None)
            if callable(close):
                close()


def _default_pubmed(source: WorkSource) -> PubMedClient | None:
    """A PubMed client configured like the Crossref ``source`` (see :func:`verify_references`)."""
    from ..pubmed.client import URL_ENV, PubMedClient
    from .cache import Cache
    from .client import CROSSREF_URL, CrossrefClient

    if not isinstance(source, CrossrefClient):
        return None
    cache: Cache | Literal[False] = source.cache if source.cache is not None else False
    if source.offline:
        snapshot = None
        if source.snapshot is not None and source.snapshot.path.name == "crossref-snapshot.json":
            pubmed_snapshot = source.snapshot.path.with_name("pubmed-snapshot.json")
            snapshot = pubmed_snapshot if pubmed_snapshot.exists() else None
        return PubMedClient(offline=True, cache=cache, snapshot=snapshot)
    if source.base_url != CROSSREF_URL and not os.environ.get(URL_ENV):
        return None
    return PubMedClient(email=getattr(source, "_mailto", None), cache=cache)


def _with_pubmed(
    items: Sequence[Reference], results: list[Verification], client: PubMedClient
) -> list[Verification]:
    from ..pubmed.lookup import find_in_pubmed

    try:
        findings = find_in_pubmed(items, client)
    except NeedlingEvidenceError as exc:
        from ..pubmed.lookup import PubMedFinding

        findings = [PubMedFinding("failed", error=str(exc)) for _ in items]
    return [
        _merge(ref, result, finding) for ref, result, finding in zip(items, results, findings, strict=True)
    ]


_CROSSREF_ANSWERED = frozenset({"verified", "mismatch", "not_found", "not_crossref", "doi_found", "no_doi"})


def _pubmed_where(provenance: Provenance | None) -> str:
    if provenance is None:
        return ""
    if provenance.kind == "snapshot":
        made = f" made {provenance.fetched}" if provenance.fetched else ""
        return (
            f"PubMed fields from the bundled snapshot{made}, written by hand from public records, not live "
            "PubMed"
        )
    if provenance.kind == "cache":
        return f"PubMed record cached {provenance.fetched or '(date unknown)'}"
    return f"PubMed record fetched live {provenance.fetched or 'now'}"


def _merge(ref: Reference, result: Verification, finding: PubMedFinding) -> Verification:
    """One verdict from both indexes (Crossref first for works with a DOI, PubMed first for works without)."""
    from ..pubmed.records import design_from_publication_types

    sources: tuple[str, ...] = ("crossref",) if result.status in _CROSSREF_ANSWERED else ()
    mismatch_sources: dict[str, tuple[str, ...]] = {name: ("crossref",) for name in result.mismatches}
    if result.design is not None and result.design_source is None:
        result = replace(result, design_source="crossref" if result.record is not None else "reference")
    if finding.outcome == "skipped":
        return replace(result, sources=sources, mismatch_sources=mismatch_sources)
    if finding.outcome in ("found", "not_found"):
        sources += ("pubmed",)
    has_doi = result.doi is not None
    if finding.outcome == "failed":
        why = finding.error or "no answer"
        if result.status == "no_doi":
            return replace(
                result,
                status="unverified",
                sources=sources,
                mismatch_sources=mismatch_sources,
                message=_join(
                    f"Unverified: Crossref knows no DOI for it, but PubMed could not be searched ({why}); "
                    "until it can, this is not the same as 'no index knows this work'",
                    _where(result.provenance),
                ),
            )
        return replace(
            result,
            sources=sources,
            mismatch_sources=mismatch_sources,
            message=_join(result.message, f"PubMed could not be checked ({why})"),
        )
    if finding.outcome == "not_found" or finding.record is None:
        message = result.message
        status = result.status
        candidates = result.candidates + finding.candidates
        if finding.how == "pmid" and not has_doi:
            status = "not_found"
            message = _join(
                "PubMed has no record of the reference's PMID: check it for a typo",
                _pubmed_where(finding.provenance),
            )
        elif result.status == "no_doi":
            closest = [c for c in finding.candidates if c.get("pmid")]
            pubmed_closest = (
                f"closest PubMed record PMID {closest[0]['pmid']} ({closest[0].get('checks')})"
                if closest
                else "no PubMed candidate"
            )
            message = _join(
                "No index searched knows this work (Crossref, PubMed): check that it exists",
                f"Crossref: {result.message}",
                f"PubMed: {pubmed_closest}",
            )
        elif finding.how in ("doi", "pmcid"):
            message = _join(message, "PubMed has no record of this work's identifier")
        return replace(
            result,
            status=status,
            message=message,
            candidates=candidates,
            sources=sources,
            mismatch_sources=mismatch_sources,
        )

    record = finding.record
    fields: dict[str, Any] = {
        "pmid": record.pmid,
        "pmcid": record.pmcid,
        "publication_types": record.publication_types,
        "mesh": record.mesh,
        "abstract": record.abstract,
        "sources": sources,
        "pubmed_provenance": finding.provenance,
        "design_source": "crossref" if result.record is not None else "reference",
    }
    design = design_from_publication_types(record.publication_types)
    if design is not None:
        fields.update(design=design[0], level=design[1], level_reason=design[2], design_source="pubmed")
    pubmed_notices = record.notices
    if "Retracted Publication" in record.publication_types and not any(
        n.kind == "retraction" for n in pubmed_notices
    ):
        pubmed_notices += (Notice(kind="retraction", source="pubmed", label="Retracted Publication"),)
    notices = merge_notices((*result.notices, *pubmed_notices))
    fields["notices"] = notices

    mismatches = dict(result.mismatches)
    comparison = finding.comparison
    pubmed_diffs = comparison.mismatches if comparison is not None else {}
    for name, pair in pubmed_diffs.items():
        if name == "type":
            continue  # PubMed's records are all journal articles here: its "type" says nothing
        if name in mismatches:
            mismatch_sources[name] = (*mismatch_sources.get(name, ()), "pubmed")
        else:
            mismatches[name] = pair
            mismatch_sources[name] = ("pubmed",)
    fields["mismatch_sources"] = mismatch_sources
    ids = f"PMID {record.pmid}" + (f", {record.pmcid}" if record.pmcid else "")
    types = f"; publication types: {', '.join(record.publication_types)}" if record.publication_types else ""
    pubmed_sentence = f"PubMed: {ids}{types}"
    where = _pubmed_where(finding.provenance)
    identity = comparison.identity if comparison is not None else ()

    if (
        not has_doi
        and result.status in ("no_doi", "unverified", "not_found")
        and result.status != "doi_found"
    ):
        if finding.how in ("pmid", "pmcid"):
            identity_fields = [f for f in identity if f.field != "type"]
            status = "mismatch" if identity_fields else "verified"
            verdict = (
                "Mismatch: the reference's PMID may point at another work in PubMed. "
                f"{describe(identity_fields)}"
                if identity_fields
                else "Verified against PubMed (the reference has no DOI; its PMID was checked)"
            )
            return replace(
                result,
                status=status,
                mismatches={k: v for k, v in pubmed_diffs.items() if k != "type"},
                message=_join(verdict, pubmed_sentence, _notice_text(notices), where),
                **{k: v for k, v in fields.items() if k != "mismatches"},
            )
        confidence = finding.confidence
        route = "citation match" if finding.how == "ecitmatch" else "search"
        doi_note = f" PubMed's record gives the DOI {record.doi}." if record.doi else ""
        return replace(
            result,
            status="pmid_found",
            suggested_pmid=record.pmid,
            suggested_doi=record.doi,
            confidence=confidence,
            mismatches={},
            candidates=result.candidates + finding.candidates,
            message=_join(
                f"No DOI in the reference and none found in Crossref; PubMed's record {ids} matches it "
                f"(confidence {confidence if confidence is not None else 0:.2f}, found by "
                f"{route}: {finding.evidence}).{doi_note} "
                "Not written into your files",
                types.lstrip("; ").capitalize(),
                _notice_text(notices),
                where,
            ),
            **fields,
        )
    pubmed_notes = ""
    if result.status == "doi_found" and record.doi and record.doi != result.suggested_doi:
        pubmed_notes = (
            f"PubMed's matching record gives another DOI ({record.doi}) than Crossref's "
            f"({result.suggested_doi}): check which is the work's"
        )
    only_pubmed = [n for n, src in mismatch_sources.items() if src == ("pubmed",)]
    if only_pubmed:
        pubmed_notes = (
            _join(pubmed_notes)
            + " PubMed's record also differs: "
            + ", ".join(f"{n}: {pubmed_diffs[n][0]} ≠ {pubmed_diffs[n][1]}" for n in only_pubmed)
        )
    return replace(
        result,
        mismatches=mismatches,
        message=_join(
            result.message,
            pubmed_sentence,
            pubmed_notes,
            _notice_text(pubmed_notices) if pubmed_notices else "",
            where,
        ),
        **fields,
    )


def _verify(items: Sequence[Reference], client: WorkSource, progress: Progress | None) -> list[Verification]:
    plans = [_plan(ref) for ref in items]
    dois = list(dict.fromkeys(p.doi for p in plans if p.action == "lookup" and p.doi))
    searches = sum(p.action == "search" for p in plans)
    total = len(dois) + searches

    def lookup_progress(done: int, _total: int) -> None:
        if progress is not None:
            progress(min(done, len(dois)), total)

    # offline, the look-ups are read from the cache or snapshot: no network wait to pause the collector over
    with _cyclic_gc_paused() if getattr(client, "offline", False) is True else nullcontext():
        lookups = _lookup_all(client, dois, lookup_progress if progress is not None else None)
    matches = _search_all(
        client,
        [ref for ref, plan in zip(items, plans, strict=True) if plan.action == "search"],
        lambda done: progress(len(dois) + done, total) if progress is not None else None,
    )
    results: list[Verification] = []
    with _cyclic_gc_paused():  # comparing: no network, only work
        for ref, plan in zip(items, plans, strict=True):
            results.append(_result(ref, plan, lookups, matches, client))
    if progress is not None and total == 0:
        progress(0, 0)
    return results


def _result(
    ref: Reference,
    plan: _Plan,
    lookups: Mapping[str, Lookup],
    matches: Mapping[int, MatchResult],
    client: WorkSource,
) -> Verification:
    """The verification of one reference from its plan and what the look-ups and searches found."""
    if plan.action == "lookup" and plan.doi is not None:
        return _from_lookup(ref, lookups.get(plan.doi))
    if plan.action == "malformed":
        design = classify_design(ref)
        return Verification(
            key=ref.key,
            status="malformed_doi",
            doi=plan.written,
            design=design.design,
            level=design.level,
            level_reason=design.reason,
            message=f"The DOI {plan.written!r} is not a valid DOI (Crossref's DOI patterns), so it "
            "was not looked up: correct it from the publisher's page.",
        )
    return _from_match(ref, matches[id(ref)], offline_note=_offline_note(client, ref))


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector over a loop that makes many objects that stay alive (records,
    comparisons, verifications) and form no cycles: at 100,000 references the collector's repeated passes
    over them took a fifth of the run (issue 13). Reference counting still frees everything as usual; the
    collector's previous state is restored even on error."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# --- the table ----------------------------------------------------------------------------------------------


def _mismatch_text(mismatches: Mapping[str, Sequence[str | None]]) -> str:
    return "; ".join(f"{name}: {pair[0]} ≠ {pair[1]}" for name, pair in mismatches.items())


def _notices_text(result: Verification) -> str:
    return "; ".join(_one_notice(n) for n in result.notices)


def verification_table(results: Iterable[Verification]) -> pd.DataFrame:
    """One row per verification, with the columns of :data:`TABLE_COLUMNS` (documented there), in order: the
    values of :func:`~needling_evidence.rows.verification_row`, with differences, notices and provenance in
    words for a table (a notice's words include its label, which the row's notices leave out)."""
    import pandas as pd

    from ..rows import verification_row

    rows = []
    for r in results:
        row = verification_row(r)
        rows.append(
            {
                "key": row.key,
                "status": row.status,
                "doi": row.doi,
                "suggested_doi": row.suggested_doi,
                "confidence": row.confidence,
                "mismatches": _mismatch_text(row.mismatches),
                "mismatch_fields": ", ".join(row.mismatches),
                "notices": _notices_text(r),
                "retracted": row.retracted,
                "design": row.design,
                "level": row.level,
                "level_reason": row.level_reason,
                "provenance": str(r.provenance) if r.provenance is not None else None,
                "message": row.message,
                "pmid": r.pmid,
                "pmcid": r.pmcid,
                "suggested_pmid": r.suggested_pmid,
                "publication_types": "; ".join(r.publication_types),
                "mesh": "; ".join(r.mesh),
                "abstract": r.abstract,
                "sources": ", ".join(r.sources),
                "mismatch_sources": "; ".join(f"{k}: {', '.join(v)}" for k, v in r.mismatch_sources.items()),
                "design_source": r.design_source,
                "pubmed_provenance": str(r.pubmed_provenance) if r.pubmed_provenance is not None else None,
            }
        )
    frame = pd.DataFrame(rows, columns=list(TABLE_COLUMNS))
    frame["level"] = frame["level"].astype("Int64")
    frame["confidence"] = frame["confidence"].astype("Float64")
    frame["retracted"] = frame["retracted"].astype(bool)
    return frame
