"""What PubMed knows of each reference, in as few requests as the routes allow.

For a list of references (one :class:`PubMedFinding` each, in input order):

1. a PMID the reference gives → EFetch (all of them in batches);
2. a PMCID without a PMID → the ID converter, then EFetch;
3. a DOI without a PMID → the ID converter, then ESearch ``"doi"[doi] OR …`` for the rest, then EFetch;
4. neither DOI nor PMID → ECitMatch (``journal|year|volume|first_page|author|key|``, one request for up
   to 100 references), then ESearch on title words, first author and year; every candidate is validated field
   by field with Crossref's own checks (``crossref/match.py``: title, first author, year, volume, first
   page) — a PMID is suggested only when the title agrees, no check disagrees and at least two others
   agree. Never a guess. The searches run several at a time within NCBI's rate
   (:meth:`~.client.PubMedClient.search_all`).

A route that could not be asked makes the finding ``failed`` (verification reports ``unverified``), never
``not_found``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..crossref.compare import Comparison, compare_reference, normalize_text
from ..crossref.match import MIN_AGREEING_CHECKS, _candidate, reference_query
from ..doi import normalize_doi
from ..model import Provenance, Reference
from .client import PubMedClient, PubMedLookup, PubMedUnavailable
from .records import PubMedRecord, ecitmatch_line

__all__ = ["PubMedFinding", "find_in_pubmed", "reference_pmcid", "reference_pmid"]

How = Literal["pmid", "pmcid", "doi", "ecitmatch", "search"]

# "PMID: 123", PubMed URLs (old and new) and Europe PMC's MED URLs; PMCIDs are read in any form ("PMC123" in
# a PMC or Europe PMC URL or in the text).
_PMID = re.compile(
    r"(?:\bPMID:?\s*|pubmed\.ncbi\.nlm\.nih\.gov/|ncbi\.nlm\.nih\.gov/pubmed/"
    r"|europepmc\.org/(?:article/|abstract/)?MED/)(\d{1,9})\b",
    re.I,
)
_PMCID = re.compile(r"\b(PMC\d{3,9})\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_STOP = frozenset(
    [
        "with",
        "from",
        "that",
        "this",
        "their",
        "these",
        "those",
        "into",
        "between",
        "among",
        "after",
        "before",
        "during",
        "within",
    ]
)


@dataclass(frozen=True)
class PubMedFinding:
    """PubMed's answer for one reference."""

    outcome: Literal["found", "not_found", "failed", "skipped"]
    record: PubMedRecord | None = None
    how: How | None = None
    provenance: Provenance | None = None
    comparison: Comparison | None = None  # the record against the reference (found)
    confidence: float | None = None  # search / ECitMatch matches
    evidence: str = ""  # the checks, in words
    candidates: tuple[Mapping[str, Any], ...] = ()  # closest unvalidated candidates (not_found after search)
    error: str | None = None


def reference_pmid(ref: Reference) -> str | None:
    """The PMID a reference gives: its ``pmid`` field, or "PMID: 123" / a PubMed URL in its text."""
    if ref.pmid and ref.pmid.strip().isdigit():
        return ref.pmid.strip()
    for text in (ref.url, ref.note, ref.raw):
        match = _PMID.search(text or "")
        if match:
            return match.group(1)
    return None


def reference_pmcid(ref: Reference) -> str | None:
    if ref.pmcid:
        match = _PMCID.search(ref.pmcid) or re.fullmatch(r"\s*(\d{3,9})\s*", ref.pmcid)
        if match:
            value = match.group(1).upper()
            return value if value.startswith("PMC") else f"PMC{value}"
    for text in (ref.url, ref.note, ref.raw):
        match = _PMCID.search(text or "")
        if match:
            return match.group(1).upper()
    return None


def _first_page(pages: str | None) -> str | None:
    match = re.match(r"\s*([A-Za-z]?\d+)", pages or "")
    return match.group(1) if match else None


def _author_for_match(ref: Reference) -> str | None:
    if not ref.authors:
        return None
    first = ref.authors[0]
    initials = "".join(p[0] for p in re.split(r"[\s.-]+", first.given or "") if p)
    family = first.family or first.literal
    return f"{family} {initials}".strip() if family else None


def _search_term(ref: Reference) -> str | None:
    words = [w for w in _WORD.findall(ref.title or "") if w.casefold() not in _STOP][:8]
    if len(words) < 2:
        return None
    parts = [f"{w}[ti]" for w in words]
    if ref.first_author_family:
        parts.append(f'"{ref.first_author_family}"[au]')
    if ref.year:
        parts.append(f"{ref.year - 1}:{ref.year + 1}[dp]")
    return " AND ".join(parts)


def _validate(ref: Reference, record: PubMedRecord) -> tuple[bool, float, str]:
    """Crossref's candidate checks on a PubMed record: (validated, confidence, evidence)."""
    candidate = _candidate(ref, reference_query(ref), record.as_work())
    validated = (
        candidate.checks.get("title", ("unknown", ""))[0] == "agree"
        and not candidate.disagreeing
        and len(candidate.agreeing) >= MIN_AGREEING_CHECKS
    )
    return validated, candidate.confidence, candidate.evidence()


def _candidate_row(record: PubMedRecord, validated: bool, confidence: float, evidence: str) -> dict[str, Any]:
    return {
        "pmid": record.pmid,
        "doi": record.doi,
        "title": record.title,
        "first_author": record.authors[0].family if record.authors else None,
        "year": record.year,
        "container_title": record.journal,
        "validated": validated,
        "confidence": confidence,
        "checks": evidence,
        "index": "pubmed",
    }


def _found(ref: Reference, lookup: PubMedLookup, how: How) -> PubMedFinding:
    assert lookup.record is not None
    return PubMedFinding(
        "found",
        lookup.record,
        how,
        lookup.provenance,
        comparison=compare_reference(ref, lookup.record.as_work()),
    )


def find_in_pubmed(refs: Sequence[Reference], client: PubMedClient) -> list[PubMedFinding]:
    """One :class:`PubMedFinding` per reference, in input order (see the module docstring for the routes)."""
    findings: list[PubMedFinding | None] = [None] * len(refs)
    by_pmid: dict[int, tuple[str, How]] = {}
    by_pmcid: dict[int, str] = {}
    by_doi: dict[int, str] = {}
    to_match: list[int] = []
    for index, ref in enumerate(refs):
        pmid = reference_pmid(ref)
        doi = normalize_doi(ref.doi) if ref.doi else None
        if pmid:
            by_pmid[index] = (pmid, "pmid")
        elif reference_pmcid(ref):
            by_pmcid[index] = reference_pmcid(ref) or ""
        elif doi:
            by_doi[index] = doi
        elif ref.title or ref.raw:
            to_match.append(index)
        else:
            findings[index] = PubMedFinding("skipped", error="nothing to look for in PubMed (no title)")

    # PMCIDs and DOIs → PMIDs
    if by_pmcid:
        converted = client.convert_ids(by_pmcid.values())
        for index, pmcid in by_pmcid.items():
            if pmcid not in converted:
                findings[index] = PubMedFinding("failed", error="PubMed ID converter could not be asked")
            elif converted[pmcid].get("pmid"):
                by_pmid[index] = (converted[pmcid]["pmid"], "pmcid")
            else:
                findings[index] = PubMedFinding("not_found", how="pmcid", error=f"{pmcid} is not in PMC")
    if by_doi:
        pmids, failed = client.pmids_for_dois(by_doi.values())
        for index, doi in by_doi.items():
            if doi in pmids:
                by_pmid[index] = (pmids[doi], "doi")
            elif doi in failed:
                why = (
                    "offline: not in the PubMed cache or snapshot"
                    if client.offline
                    else "the DOI search failed"
                )
                findings[index] = PubMedFinding("failed", how="doi", error=why)
            else:
                findings[index] = PubMedFinding("not_found", how="doi")

    # references with neither: ECitMatch first (one request), then ESearch, candidates validated
    matched: dict[int, str] = {}
    search_failed: dict[int, str] = {}
    lines = {
        f"ref{index}": ecitmatch_line(
            refs[index].container_title or "",
            refs[index].year,
            refs[index].volume,
            _first_page(refs[index].pages),
            _author_for_match(refs[index]),
            f"ref{index}",
        )
        for index in to_match
        if refs[index].container_title and refs[index].year
    }
    if lines:
        try:
            answers = client.citation_match(lines)
        except PubMedUnavailable as exc:
            answers = {}
            for key in lines:
                search_failed[int(key[3:])] = f"ECitMatch: {exc.message}"
        for key, pmid in answers.items():
            if pmid:
                matched[int(key[3:])] = pmid
    searched: dict[int, list[str]] = {}
    terms: dict[int, str] = {}
    for index in to_match:
        if index in matched or index in search_failed:
            continue
        term = _search_term(refs[index])
        if term is None:
            findings[index] = PubMedFinding(
                "not_found", how="search", error="too little title to search PubMed"
            )
            continue
        terms[index] = term
    # several in flight at once, within NCBI's rate (PubMedClient.search_all)
    for index, answer in zip(terms, client.search_all(list(terms.values())), strict=True):
        if isinstance(answer, PubMedUnavailable):
            search_failed[index] = f"ESearch: {answer.message}"
        else:
            searched[index] = answer
    for index, why in search_failed.items():
        findings[index] = PubMedFinding("failed", error=why)

    wanted = {pmid for pmid, _ in by_pmid.values()} | set(matched.values())
    wanted |= {p for pmids in searched.values() for p in pmids}
    lookups = client.fetch(sorted(wanted)) if wanted else {}

    for index, (pmid, route) in by_pmid.items():
        lookup = lookups.get(pmid)
        if lookup is None or lookup.outcome == "failed":
            findings[index] = PubMedFinding(
                "failed", how=route, error=lookup.error if lookup else "no answer"
            )
        elif lookup.outcome == "not_found" or lookup.record is None:
            findings[index] = PubMedFinding("not_found", how=route, provenance=lookup.provenance)
        else:
            findings[index] = _found(refs[index], lookup, route)

    for index in to_match:
        if findings[index] is not None:
            continue
        ref = refs[index]
        candidates = [matched[index]] if index in matched else searched.get(index, [])
        how: How = "ecitmatch" if index in matched else "search"
        rows = []
        best: tuple[float, PubMedLookup, str] | None = None
        failure = None
        for candidate in candidates:
            lookup = lookups.get(candidate)
            if lookup is None or lookup.outcome == "failed":
                failure = lookup.error if lookup else "no answer"
                continue
            if lookup.record is None:
                continue
            ok, confidence, evidence = _validate(ref, lookup.record)
            rows.append(_candidate_row(lookup.record, ok, confidence, evidence))
            if ok and (best is None or confidence > best[0]):
                best = (confidence, lookup, evidence)
        if best is not None:
            found = _found(ref, best[1], how)
            findings[index] = PubMedFinding(
                "found",
                found.record,
                how,
                found.provenance,
                found.comparison,
                confidence=best[0],
                evidence=best[2],
                candidates=tuple(rows),
            )
        elif failure is not None and not rows:
            findings[index] = PubMedFinding("failed", how=how, error=failure)
        else:
            findings[index] = PubMedFinding("not_found", how=how, candidates=tuple(rows))
    return [f if f is not None else PubMedFinding("skipped") for f in findings]


def title_key(text: str | None) -> str:
    return normalize_text(text)
