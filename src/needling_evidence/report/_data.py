"""What every renderer reads: a report's typed rows (:mod:`needling_evidence.rows`).

Renderers never touch pandas: they take a :class:`~needling_evidence.CoverageReport` (its typed rows are read
directly) or the mapping its ``to_dict()`` returns (a report saved as JSON earlier, read back into the same
rows with :func:`~needling_evidence.rows.row_from_mapping`), so they stay fast and one schema serves both.
The helpers here turn nested values into words.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import CLAIM_STATUSES
from ..rows import (
    ClaimRow,
    GapRow,
    LinkRow,
    NoticeDict,
    ProblemRow,
    ProvenanceDict,
    ReferenceRow,
    Row,
    SuggestionRow,
    UnregisteredRow,
    problem_row,
    row_from_mapping,
)

__all__ = [
    "GAP_ADVICE",
    "LINE_MEANS",
    "REFERENCE_HEADER",
    "GapGroup",
    "ReportData",
    "as_report_data",
    "cell_text",
    "checked_against",
    "checked_against_short",
    "claim_line",
    "claim_status_counts",
    "claim_statuses",
    "claims_by_id",
    "coverage_percent",
    "evidence_links",
    "gap_groups",
    "gap_reason",
    "kind_words",
    "mismatches_pairs",
    "notices_text",
    "provenance_short",
    "provenance_text",
    "reference_cells",
    "references_by_key",
    "report_heading",
    "report_notes",
    "shorten",
    "snapshot_used",
    "verdict",
]

# The day at the start of an ISO 8601 date or timestamp ("2026-11-27T17:58:00Z" → "2026-11-27").
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

# Claim statuses worst first, as the gaps list orders them.
STATUS_ORDER: tuple[str, ...] = ("contradicted", "conflicting", "unsupported", "weak", "supported")
# What an editor does about each kind of gap, said once for a whole group of alike gaps. A kind missing here
# (added to coverage.GAP_ORDER later) is shown with its message alone.
GAP_ADVICE: Mapping[str, str] = {
    "contradicted": "revise the claim: the evidence says otherwise",
    "conflicting": "say that the evidence is mixed, or revise the claim",
    "overstated": "word the claim no stronger than its evidence",
    "retracted": "remove or replace the retracted source",
    "failed_verification": "correct the DOI or the reference",
    "unknown_work": "check that the work exists; correct or remove the reference",
    "unsupported": "cite a source that supports it, or soften or remove the claim",
    "unknown_source": "add the source to the references, or correct the key",
    "harms_unstated": "state the harms, with a source",
    "weak": "find stronger or more direct evidence, or qualify the claim",
    "unregistered": "add the sentence to the claims registry",
    "notice": "read the notice and check the citation still holds",
    "metadata_differs": "correct the reference from the index's record",
    "unverified_reference": "run online (without --offline) to check them",
    "uncited_reference": "cite it where it bears on a claim, or remove it",
}
# The verdict at the top of a report names this many of the most serious kinds of gap.
VERDICT_GAP_KINDS = 3

# Said wherever a reference was checked against the bundled snapshot (records written by hand from the
# published record): reports must never let such a record pass for a live Crossref answer.
SNAPSHOT_SENTENCE = (
    "Verified against the bundled Crossref snapshot — records written from the published record, "
    "not a live Crossref answer."
)


@dataclass(frozen=True)
class ReportData:
    """One report as the renderers read it: the summary, the typed rows of every table, and the notes."""

    schema_version: object
    summary: Mapping[str, Any]
    claims: tuple[ClaimRow, ...] = ()
    links: tuple[LinkRow, ...] = ()
    references: tuple[ReferenceRow, ...] = ()
    gaps: tuple[GapRow, ...] = ()
    suggestions: tuple[SuggestionRow, ...] = ()
    unregistered: tuple[UnregisteredRow, ...] = ()
    problems: tuple[ProblemRow, ...] = ()
    notes: tuple[str, ...] = ()


_ROW_TYPES: Mapping[str, type[Row]] = {
    "claims": ClaimRow,
    "links": LinkRow,
    "references": ReferenceRow,
    "gaps": GapRow,
    "suggestions": SuggestionRow,
    "unregistered": UnregisteredRow,
    "problems": ProblemRow,
}


def as_report_data(report: object) -> ReportData:
    """The rows of a :class:`CoverageReport`, or of a mapping in its ``to_dict()`` shape."""
    from ..coverage import SCHEMA_VERSION, CoverageReport

    if isinstance(report, ReportData):
        return report
    if isinstance(report, CoverageReport):
        return _once(
            ReportData(
                schema_version=SCHEMA_VERSION,
                summary=report.summary,
                claims=report.claim_rows,
                links=report.link_rows,
                references=report.reference_rows,
                gaps=report.gap_rows,
                suggestions=report.suggestion_rows,
                unregistered=report.unregistered_rows,
                problems=tuple(problem_row(p) for p in report.problems),
                notes=report.notes,
            )
        )
    if isinstance(report, Mapping):
        tables: dict[str, Any] = {}
        for name, row_type in _ROW_TYPES.items():
            value = report.get(name) or []
            tables[name] = tuple(row_from_mapping(row_type, row) for row in value if isinstance(row, Mapping))
        summary = report.get("summary")
        return _once(
            ReportData(
                schema_version=report.get("schema_version"),
                summary=summary if isinstance(summary, Mapping) else {},
                **tables,
            )
        )
    raise TypeError(f"expected a CoverageReport or its to_dict() mapping, not {type(report).__name__}")


def _once(data: ReportData) -> ReportData:
    """``data`` with each problem once: an article's own reference list carries the same records as the
    article, and a problem read twice is still one thing to fix."""
    seen: set[tuple[object, ...]] = set()
    problems = []
    for p in data.problems:
        key = (p.code, p.file, p.line, p.message)
        if key not in seen:
            seen.add(key)
            problems.append(p)
    if len(problems) == len(data.problems):
        return data
    return dataclasses.replace(data, problems=tuple(problems))


def report_heading(data: ReportData, title: str | None) -> str:
    """The report's title: the one asked for, else the article's, else a generic one."""
    return title or cell_text(data.summary.get("title")) or "Claim coverage report"


def report_notes(data: ReportData, notes: Sequence[str] | None) -> list[str]:
    """The notes shown above a report (``notes``, or the report's own when None), plus
    :data:`SNAPSHOT_SENTENCE` when the bundled snapshot was used and no note says so already."""
    out = list(data.notes if notes is None else notes)
    if snapshot_used(data) and not any("snapshot" in note for note in out):
        out.append(SNAPSHOT_SENTENCE)
    return out


def is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def cell_text(value: object) -> str:
    """A cell's value in words: lists joined, mappings as ``k: v``, missing as empty."""
    if is_missing(value):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {cell_text(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "; ".join(cell_text(v) for v in value if not is_missing(v))
    return str(value)


def claim_statuses() -> tuple[str, ...]:
    """The claim-status vocabulary (:data:`needling_evidence.model.CLAIM_STATUSES`), best first."""

    return tuple(CLAIM_STATUSES)


def claim_status_counts(data: ReportData) -> dict[str, int]:
    """Claims per status, in the vocabulary's order (zero counts kept so charts have fixed bars)."""
    counts = {status: 0 for status in claim_statuses()}
    for row in data.claims:
        status = str(row.status or "unsupported")
        counts[status] = counts.get(status, 0) + 1
    return counts


def coverage_percent(report: object) -> float:
    """Percentage of claims whose status is ``supported`` (100 when there are no claims: nothing is unbacked),
    of a report, its ``to_dict()`` or its :class:`ReportData`.

    The summary's ``percent_supported`` is used when it has one, so every output agrees with
    ``CoverageReport.summary``.
    """
    data = as_report_data(report)
    value = data.summary.get("percent_supported")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and not math.isnan(value):
        return float(value)
    counts = claim_status_counts(data)
    total = sum(counts.values())
    return 100.0 if total == 0 else 100.0 * counts["supported"] / total


def mismatches_pairs(value: Mapping[str, Sequence[str | None]] | None) -> list[tuple[str, str, str]]:
    """``(field, ours, Crossref's)`` for every disagreeing field of a ``mismatches`` mapping (field →
    ``[ours, Crossref's]``)."""
    return [(str(name), cell_text(pair[0]), cell_text(pair[1])) for name, pair in (value or {}).items()]


def notices_text(value: Sequence[NoticeDict] | None) -> list[str]:
    """Each editorial notice in words: ``retraction 10.x/y (2020-01-02, publisher)``."""
    out = []
    for item in value or ():
        extra = ", ".join(cell_text(item.get(k)) for k in ("date", "source") if not is_missing(item.get(k)))
        text = " ".join(p for p in (cell_text(item.get("kind")), cell_text(item.get("doi"))) if p)
        out.append(f"{text} ({extra})" if extra else text)
    return [text for text in out if text]


def provenance_text(value: ProvenanceDict | None, *, full: bool = True) -> str:
    """Where a verification came from, in words, saying plainly when it is the bundled snapshot.
    ``full=False`` leaves out the provenance note (how a snapshot was made), for narrow outputs."""
    if not value:
        return "no Crossref answer"
    kind = cell_text(value.get("kind"))
    when = cell_text(value.get("fetched"))
    note = cell_text(value.get("note"))
    label = {
        "live": "live Crossref answer",
        "cache": "cached Crossref answer",
        "snapshot": "bundled snapshot, not a live Crossref answer",
        "none": "not checked",
    }.get(kind, kind or "unknown")
    parts = [label]
    if when:
        parts.append(f"made {when}" if kind == "snapshot" else f"fetched {when}")
    if note and full:
        parts.append(note)
    return "; ".join(parts)


def checked_against(reference: ReferenceRow, *, full: bool = True) -> str:
    """A reference row's "checked against" cell: its provenance, or why there is none."""
    if not reference.provenance:
        if reference.status == "not_checked":
            return "not checked"
        return cell_text(reference.verification_source) or "no Crossref answer"
    return provenance_text(reference.provenance, full=full)


def provenance_short(value: ProvenanceDict | None) -> str:
    """Where a verification came from in a few words for a narrow table: ``live 2026-11-27``,
    ``cache 2026-11-20``, ``snapshot (written from the published record)``. Timestamps are cut to their day;
    the full wording is :func:`provenance_text`."""
    if not value:
        return "no Crossref answer"
    kind = cell_text(value.get("kind"))
    fetched = cell_text(value.get("fetched"))
    note = cell_text(value.get("note"))
    day = _ISO_DAY.match(fetched)
    when = day.group(0) if day else fetched
    if kind == "snapshot" and "from the published record" in note.lower():
        # said in place of a date: this is the one thing about a snapshot an editor must not miss
        return "snapshot (written from the published record)"
    if kind == "none":
        return "not checked"
    return " ".join(part for part in (kind or "unknown", when) if part)


def checked_against_short(reference: ReferenceRow) -> str:
    """:func:`checked_against` in a few words (:func:`provenance_short`), for the terminal table."""
    if not reference.provenance:
        return checked_against(reference)
    return provenance_short(reference.provenance)


def snapshot_used(data: ReportData) -> bool:
    """Whether any reference was verified against the bundled snapshot rather than Crossref itself."""
    return any(row.provenance and row.provenance.get("kind") == "snapshot" for row in data.references)


# The columns of the compact references table (terminal and Markdown); the HTML page shows more.
REFERENCE_HEADER: tuple[str, ...] = (
    "key",
    "status",
    "DOI",
    "design",
    "level",
    "differences / notices",
    "checked against",
)


def reference_cells(reference: ReferenceRow, differences: str, checked: str) -> list[object]:
    """One reference as the cells of :data:`REFERENCE_HEADER`; ``differences`` and ``checked`` are worded by
    the renderer (each output quotes and shortens them its own way). A DOI found by search stands in for a
    missing one."""
    r = reference
    return [r.key, r.status, r.doi or r.suggested_doi, r.design, r.level, differences, checked]


def links_by_claim(data: ReportData) -> dict[str, list[LinkRow]]:
    out: dict[str, list[LinkRow]] = {}
    for link in data.links:
        out.setdefault(cell_text(link.claim_id), []).append(link)
    return out


def evidence_links(links: Sequence[LinkRow]) -> list[LinkRow]:
    """A claim's links as its sources column shows them: no suggestions, and no inline citation of a source
    the registry already records a reviewed stance for ("lee2018 supports, lee2018 mentions" read as two
    verdicts on one source). The links table keeps every link."""
    reviewed = {link.source_key for link in links if link.origin == "registry"}
    return [
        link
        for link in links
        if link.origin != "suggestion" and not (link.origin == "citation" and link.source_key in reviewed)
    ]


def source_keys(data: ReportData) -> list[str]:
    """Sources in reference-table order, then any other source a link names (suggestions are not sources)."""
    keys = [cell_text(row.key) for row in data.references]
    seen = set(keys)
    for link in data.links:
        if link.origin == "suggestion":
            continue
        key = cell_text(link.source_key)
        if key and key not in seen:
            seen.add(key)
            keys.append(key)
    return keys


def where(problem: ProblemRow) -> str:
    """A problem's ``file:line`` (or ``<input>``)."""
    file = cell_text(problem.file) or "<input>"
    line = cell_text(problem.line)
    return f"{file}:{line}" if line else file


# --- the verdict and the gaps an editor acts on -------------------------------------------------------------


@dataclass(frozen=True)
class GapGroup:
    """Alike gaps shown once: one kind, one reason, the claims or references it concerns (worst first)."""

    kind: str
    reason: str
    gaps: tuple[GapRow, ...]
    claims: tuple[
        ClaimRow | None, ...
    ]  # the claim of each gap (None: a gap about a reference or the article)

    @property
    def advice(self) -> str:
        return GAP_ADVICE.get(self.kind, "")

    @property
    def about_claims(self) -> bool:
        return any(claim is not None for claim in self.claims)

    def subject(self) -> str:
        """What the group is about in words: "31 claims", "60 references", "the article"."""
        n = len(self.gaps)
        if self.about_claims or any(g.claim_id for g in self.gaps):
            return f"{n} claim{'s' if n != 1 else ''}"
        if any(g.source_key for g in self.gaps):
            return f"{n} reference{'s' if n != 1 else ''}"
        return "the article"

    def detail(self) -> str:
        """``31 claims: no source is linked to it — cite a source …`` (the article's gaps name no subject)."""
        subject = self.subject()
        tail = " — ".join(part for part in (self.reason, self.advice) if part)
        if subject == "the article":
            return tail
        return f"{subject}: {tail}" if tail else subject

    def heading(self) -> str:
        """``unsupported — 31 claims: no source is linked to it — cite a source …``."""
        return f"{kind_words(self.kind)} — {self.detail()}"


# Said once above the gaps: what their "line" column means.
LINE_MEANS = "line: where the claim's sentence stands in the article"


def claim_line(claim: ClaimRow | None) -> object:
    """Where a claim's quote stands in the article (its sentence's line); None when it was not found."""
    return claim.quote_line if claim is not None else None


def kind_words(kind: object) -> str:
    """A vocabulary word as words: ``unverified_reference`` → ``unverified reference``."""
    return cell_text(kind).replace("_", " ")


def claims_by_id(data: ReportData) -> dict[str, ClaimRow]:
    return {cell_text(c.claim_id): c for c in data.claims}


def references_by_key(data: ReportData) -> dict[str, ReferenceRow]:
    return {cell_text(r.key): r for r in data.references}


def gap_reason(gap: GapRow, claim: ClaimRow | None, reference: ReferenceRow | None) -> str:
    """A gap's message without what its row already names: a claim's text (shown beside it) and a reference's
    label (the row names its key). ``claim`` and ``reference`` are looked up by key by the caller, so this
    takes constant time (issue 14: scanning every claim per gap made the terminal report quadratic)."""
    message = " ".join(cell_text(gap.message).split())
    if claim is not None:
        text = " ".join(cell_text(claim.text).split())
        reason = cell_text(claim.reason)
        if cell_text(gap.gap) == cell_text(claim.status) and reason and text and text in message:
            return reason
        for prefix in (f"{cell_text(gap.gap)}: {text} — ", f"{text} — "):
            if text and message.startswith(prefix):
                return message[len(prefix) :]
    if reference is not None:
        label = cell_text(reference.label)
        if label and message.startswith(f"{label}: "):
            return message[len(label) + 2 :]
    return message


def gap_groups(data: ReportData) -> list[GapGroup]:
    """The gaps grouped: gaps of one kind with the same reason make one group, placed where its first (worst)
    gap stood, so the list stays worst first. Linear in the number of gaps."""
    claims = claims_by_id(data)
    references = references_by_key(data)
    order: list[tuple[str, str]] = []
    members: dict[tuple[str, str], list[tuple[GapRow, ClaimRow | None]]] = {}
    for gap in data.gaps:
        claim = claims.get(cell_text(gap.claim_id)) if gap.claim_id else None
        reference = references.get(cell_text(gap.source_key)) if gap.source_key else None
        key = (cell_text(gap.gap), gap_reason(gap, claim, reference))
        if key not in members:
            order.append(key)
            members[key] = []
        members[key].append((gap, claim))
    return [
        GapGroup(
            kind,
            reason,
            tuple(g for g, _ in members[(kind, reason)]),
            tuple(c for _, c in members[(kind, reason)]),
        )
        for kind, reason in order
    ]


def verdict(data: ReportData, groups: Sequence[GapGroup] | None = None) -> list[str]:
    """The report's opening in words: how many claims and how many of each status, then the few most serious
    kinds of gap (worst first) with how many each concerns."""
    counts = claim_status_counts(data)
    total = sum(counts.values())
    tally = ", ".join(f"{count} {status}" for status, count in counts.items())
    lines = [
        f"{total} claim{'s' if total != 1 else ''}: {tally} ({coverage_percent(data):.0f}% supported)."
        if total
        else "No claims were checked."
    ]
    groups = gap_groups(data) if groups is None else groups
    by_kind: dict[str, list[GapGroup]] = {}
    for group in groups:
        by_kind.setdefault(group.kind, []).append(group)
    serious = []
    for kind, kind_groups in list(by_kind.items())[:VERDICT_GAP_KINDS]:
        n = sum(len(g.gaps) for g in kind_groups)
        first = kind_groups[0]
        noun = "claim" if first.about_claims else "reference" if first.gaps[0].source_key else ""
        serious.append(
            f"{kind_words(kind)} ({n} {noun}{'s' if n != 1 else ''})" if noun else kind_words(kind)
        )
    if serious:
        lines.append(f"Most serious gaps: {'; '.join(serious)}.")
    elif total:
        lines.append("No gaps: every claim is supported and every reference checks out.")
    return lines


def shorten(text: object, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters (ending in "…")."""
    words = " ".join(cell_text(text).split())
    if len(words) <= limit:
        return words
    cut = words[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:—-") + "…"
