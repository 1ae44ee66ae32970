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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
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
    sentences = [p.strip() for p in parts if p and p.strip()]
    return " ".join(s if s[-1] in ".!?" else s + "." for s in sentences)


def _work_label(work: Mapping[str, Any]) -> str:
    title = crossref_first(work, "title") or "untitled"
    authors = crossref_authors(work)
    who = (authors[0].family or authors[0].literal) if authors else None
    return f"{who}: {title!r}" if who else repr(title)


def _has_content(ref: Reference) -> bool:
    return any(getattr(ref, name) for name in _CONTENT_FIELDS)


def _notices(work: Mapping[str, Any]) -> tuple[Notice, ...]:
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
    return f"{notice.kind} {notice.doi or '(no DOI)'}" + (f" ({details})" if details else "") + label


def _against_record(
    ref: Reference, work: Mapping[str, Any], provenance: Provenance | None
) -> tuple[Comparison, tuple[Notice, ...], dict[str, Any]]:
    """What one Crossref record says about ``ref``: the comparison, the record's notices, and the
    :class:`Verification` fields they fill, whether the DOI was the reference's own or found by search."""
    comparison = compare_reference(ref, work)
    notices = _notices(work)
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
    identity, minor = comparison.identity, comparison.minor
    return Verification(
        status="mismatch" if identity else "verified",
        doi=lookup.doi,
        message=_join(_verdict(comparison, identity, minor, work), _notice_text(notices), where),
        **fields,
    )


def _verdict(
    comparison: Comparison,
    identity: Sequence[FieldComparison],
    minor: Sequence[FieldComparison],
    work: Mapping[str, Any],
) -> str:
    agreed = ", ".join(comparison.agreed)
    in_form = [f for f in comparison.fields if f.verdict == "agree" and f.note]
    form = f" ({'; '.join(f'{f.field}: {f.note}' for f in in_form)})" if in_form else ""
    absent = [f.field for f in comparison.fields if f.verdict == "absent" and f.ours]
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
    design = classify_design(ref)
    common: dict[str, Any] = {
        "key": ref.key,
        "doi": lookup.doi,
        "design": design.design,
        "level": design.level,
        "level_reason": design.reason,
        "provenance": lookup.provenance,
    }
    if lookup.outcome == "found" and lookup.message is not None:
        return _found(ref, lookup)
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
    # an offline client never asked Crossref: waiting will not help, checking online will
    advice = "check it online" if why.startswith("offline") else "try again later"
    return Verification(
        status="unverified",
        message=f"Could not be checked ({why}). This is not the same as not found: {advice}.",
        **common,
    )


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
    for answer in answers:
        canonical = normalize_doi(answer.doi) or answer.doi
        found.setdefault(canonical, answer)
    return found


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
    progress: Progress | None = None,
) -> list[Verification]:
    """Check every reference against Crossref: one :class:`Verification` per reference, in input order.

    ``client`` is anything with ``lookup_dois`` and ``search_bibliographic`` (a
    :class:`~needling_evidence.crossref.client.CrossrefClient`); ``None`` makes a default live client. DOIs
    are looked up together (the client batches them), then references without a DOI are searched one by one.
    ``progress(done, total)`` is called as lookups and searches complete.
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
    try:
        return _verify(items, source, progress)
    finally:
        if owned:
            close = getattr(source, "close", None)
            if callable(close):
                close()


def _verify(items: Sequence[Reference], client: WorkSource, progress: Progress | None) -> list[Verification]:
    plans = [_plan(ref) for ref in items]
    dois = list(dict.fromkeys(p.doi for p in plans if p.action == "lookup" and p.doi))
    searches = sum(p.action == "search" for p in plans)
    total = len(dois) + searches

    def lookup_progress(done: int, _total: int) -> None:
        if progress is not None:
            progress(min(done, len(dois)), total)

    lookups = _lookup_all(client, dois, lookup_progress if progress is not None else None)
    results: list[Verification] = []
    searched = 0
    for ref, plan in zip(items, plans, strict=True):
        if plan.action == "lookup" and plan.doi is not None:
            results.append(_from_lookup(ref, lookups.get(plan.doi)))
        elif plan.action == "malformed":
            design = classify_design(ref)
            results.append(
                Verification(
                    key=ref.key,
                    status="malformed_doi",
                    doi=plan.written,
                    design=design.design,
                    level=design.level,
                    level_reason=design.reason,
                    message=f"The DOI {plan.written!r} is not a valid DOI (Crossref's DOI patterns), so it "
                    "was not looked up: correct it from the publisher's page.",
                )
            )
        else:
            match = _search(client, ref)
            results.append(_from_match(ref, match, offline_note=_offline_note(client, ref)))
            searched += 1
            if progress is not None:
                progress(len(dois) + searched, total)
    if progress is not None and total == 0:
        progress(0, 0)
    return results


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
            }
        )
    frame = pd.DataFrame(rows, columns=list(TABLE_COLUMNS))
    frame["level"] = frame["level"].astype("Int64")
    frame["confidence"] = frame["confidence"].astype("Float64")
    frame["retracted"] = frame["retracted"].astype(bool)
    return frame
