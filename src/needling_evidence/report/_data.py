"""Reading a report's ``to_dict()`` shape: the one input every renderer takes.

Renderers never touch pandas: they read the JSON-ready dictionary of
:meth:`needling_evidence.CoverageReport.to_dict` (``schema_version``, ``summary``, ``claims``, ``links``,
``references``, ``gaps``, and ``suggestions`` where there are any), so they stay fast and can render a
report saved as JSON earlier. The helpers here tolerate optional columns being absent and turn nested values
into words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = [
    "REFERENCE_HEADER",
    "STATUS_ORDER",
    "ReportData",
    "as_report_data",
    "cell_text",
    "checked_against",
    "checked_against_short",
    "claim_status_counts",
    "coverage_percent",
    "evidence_links",
    "mismatches_pairs",
    "notices_text",
    "provenance_short",
    "provenance_text",
    "reference_cells",
    "report_heading",
    "report_notes",
    "snapshot_used",
]

ReportData = Mapping[str, Any]

# The day at the start of an ISO 8601 date or timestamp ("2026-11-27T17:58:00Z" → "2026-11-27").
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

# Claim statuses worst first, as the gaps list orders them.
STATUS_ORDER: tuple[str, ...] = ("contradicted", "unsupported", "weak", "supported")

# Said wherever a reference was checked against the bundled snapshot (records written by hand from the
# published record): reports must never let such a record pass for a live Crossref answer.
SNAPSHOT_SENTENCE = (
    "Verified against the bundled Crossref snapshot — records written from the published record, "
    "not a live Crossref answer."
)


def as_report_data(report: object) -> ReportData:
    """The ``to_dict()`` of a :class:`CoverageReport`, or a mapping already in that shape."""
    if isinstance(report, Mapping):
        return report
    to_dict = getattr(report, "to_dict", None)
    if callable(to_dict):
        data = to_dict()
        if isinstance(data, Mapping):
            return data
    raise TypeError(f"expected a CoverageReport or its to_dict() mapping, not {type(report).__name__}")


def report_heading(data: ReportData, title: str | None) -> str:
    """The report's title: the one asked for, else the article's, else a generic one."""
    return title or cell_text((data.get("summary") or {}).get("title")) or "Claim coverage report"


def report_notes(data: ReportData, notes: Sequence[str]) -> list[str]:
    """The notes shown above a report, plus :data:`SNAPSHOT_SENTENCE` when the bundled snapshot was used and
    no note says so already."""
    out = list(notes)
    if snapshot_used(data) and not any("snapshot" in note for note in notes):
        out.append(SNAPSHOT_SENTENCE)
    return out


def rows(data: ReportData, name: str) -> list[Mapping[str, Any]]:
    """The rows of one table (``claims``, ``links`` …); an absent table is empty."""
    value = data.get(name) or []
    return [row for row in value if isinstance(row, Mapping)]


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


def claim_status_counts(data: ReportData) -> dict[str, int]:
    """Claims per status, in the vocabulary's order (zero counts kept so charts have fixed bars)."""
    counts = {status: 0 for status in ("supported", "weak", "contradicted", "unsupported")}
    for row in rows(data, "claims"):
        status = str(row.get("status") or "unsupported")
        counts[status] = counts.get(status, 0) + 1
    return counts


def coverage_percent(data: ReportData) -> float:
    """Percentage of claims whose status is ``supported`` (100 when there are no claims: nothing is unbacked).

    The summary's own figure is used when it has one, so every output agrees with ``CoverageReport.summary``.
    """
    summary = data.get("summary") or {}
    for name in ("percent_supported", "coverage_percent", "supported_percent", "coverage"):
        value = summary.get(name) if isinstance(summary, Mapping) else None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not math.isnan(value):
            return float(value)
    counts = claim_status_counts(data)
    total = sum(counts.values())
    return 100.0 if total == 0 else 100.0 * counts["supported"] / total


def mismatches_pairs(value: object) -> list[tuple[str, str, str]]:
    """``(field, ours, Crossref's)`` for every disagreeing field, whatever shape the mapping was saved in."""
    out: list[tuple[str, str, str]] = []
    if isinstance(value, Mapping):
        for name, pair in value.items():
            if isinstance(pair, Mapping):
                ours, theirs = pair.get("ours"), pair.get("crossref", pair.get("theirs"))
            elif isinstance(pair, (list, tuple)) and len(pair) == 2:
                ours, theirs = pair
            else:
                ours, theirs = pair, None
            out.append((str(name), cell_text(ours), cell_text(theirs)))
    elif isinstance(value, (list, tuple)):
        for item in value:
            if isinstance(item, Mapping):
                out.append(
                    (
                        cell_text(item.get("field")),
                        cell_text(item.get("ours")),
                        cell_text(item.get("crossref", item.get("theirs"))),
                    )
                )
    elif not is_missing(value):
        out.append(("", cell_text(value), ""))
    return out


def notices_text(value: object) -> list[str]:
    """Each editorial notice in words: ``retraction 10.x/y (2020-01-02, publisher)``."""
    items: Iterable[object]
    if isinstance(value, (list, tuple)):
        items = value
    elif is_missing(value):
        items = ()
    else:
        items = (value,)
    out = []
    for item in items:
        if isinstance(item, Mapping):
            extra = ", ".join(
                cell_text(item.get(k)) for k in ("date", "source") if not is_missing(item.get(k))
            )
            doi = cell_text(item.get("doi"))
            text = " ".join(p for p in (cell_text(item.get("kind")), doi) if p)
            out.append(f"{text} ({extra})" if extra else text)
        else:
            out.append(cell_text(item))
    return [text for text in out if text]


def provenance_text(value: object, *, full: bool = True) -> str:
    """Where a verification came from, in words, saying plainly when it is the bundled snapshot.
    ``full=False`` leaves out the provenance note (how a snapshot was made), for narrow outputs."""
    if is_missing(value):
        return "no Crossref answer"
    if isinstance(value, Mapping):
        kind = cell_text(value.get("kind"))
        when = cell_text(value.get("fetched"))
        note = cell_text(value.get("note"))
    else:
        text = str(value)
        kind, _, note = text.partition(":")
        when = ""
        kind = kind.split(" (")[0].strip()
        note = note.strip()
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


def checked_against(reference: Mapping[str, Any], *, full: bool = True) -> str:
    """A reference row's "checked against" cell: its provenance, or why there is none."""
    if is_missing(reference.get("provenance")):
        if cell_text(reference.get("status")) == "not_checked":
            return "not checked"
        return cell_text(reference.get("verification_source")) or "no Crossref answer"
    return provenance_text(reference.get("provenance"), full=full)


def provenance_short(value: object) -> str:
    """Where a verification came from in a few words for a narrow table: ``live 2026-11-27``,
    ``cache 2026-11-20``, ``snapshot (written from the published record)``. Timestamps are cut to their day;
    the full wording is :func:`provenance_text`."""
    if is_missing(value):
        return "no Crossref answer"
    kind = provenance_kind(value)
    fetched = cell_text(value.get("fetched")) if isinstance(value, Mapping) else ""
    note = cell_text(value.get("note")) if isinstance(value, Mapping) else str(value)
    day = _ISO_DAY.match(fetched)
    when = day.group(0) if day else fetched
    if kind == "snapshot" and "from the published record" in note.lower():
        # said in place of a date: this is the one thing about a snapshot an editor must not miss
        return "snapshot (written from the published record)"
    if kind == "none":
        return "not checked"
    return " ".join(part for part in (kind or "unknown", when) if part)


def checked_against_short(reference: Mapping[str, Any]) -> str:
    """:func:`checked_against` in a few words (:func:`provenance_short`), for the terminal table."""
    if is_missing(reference.get("provenance")):
        return checked_against(reference)
    return provenance_short(reference.get("provenance"))


def provenance_kind(value: object) -> str:
    if isinstance(value, Mapping):
        return cell_text(value.get("kind"))
    return str(value).split(":")[0].split(" (")[0].strip() if not is_missing(value) else ""


def snapshot_used(data: ReportData) -> bool:
    """Whether any reference was verified against the bundled snapshot rather than Crossref itself."""
    return any(provenance_kind(row.get("provenance")) == "snapshot" for row in rows(data, "references"))


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


def reference_cells(reference: Mapping[str, Any], differences: str, checked: str) -> list[object]:
    """One reference as the cells of :data:`REFERENCE_HEADER`; ``differences`` and ``checked`` are worded by
    the renderer (each output quotes and shortens them its own way). A DOI found by search stands in for a
    missing one."""
    return [
        reference.get("key"),
        reference.get("status"),
        reference.get("doi") or reference.get("suggested_doi"),
        reference.get("design"),
        reference.get("level"),
        differences,
        checked,
    ]


def links_by_claim(data: ReportData) -> dict[str, list[Mapping[str, Any]]]:
    out: dict[str, list[Mapping[str, Any]]] = {}
    for link in rows(data, "links"):
        out.setdefault(cell_text(link.get("claim_id")), []).append(link)
    return out


def evidence_links(links: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """A claim's links as its sources column shows them: no suggestions, and no inline citation of a source
    the registry already records a reviewed stance for ("lee2018 supports, lee2018 mentions" read as two
    verdicts on one source). The links table keeps every link."""
    reviewed = {
        cell_text(link.get("source_key")) for link in links if cell_text(link.get("origin")) == "registry"
    }
    shown = []
    for link in links:
        origin = cell_text(link.get("origin"))
        if origin == "suggestion" or (origin == "citation" and cell_text(link.get("source_key")) in reviewed):
            continue
        shown.append(link)
    return shown


def source_keys(data: ReportData) -> list[str]:
    """Sources in reference-table order, then any other source a link names (suggestions are not sources)."""
    keys = [cell_text(row.get("key")) for row in rows(data, "references")]
    seen = set(keys)
    for link in rows(data, "links"):
        if cell_text(link.get("origin")) == "suggestion":
            continue
        key = cell_text(link.get("source_key"))
        if key and key not in seen:
            seen.add(key)
            keys.append(key)
    return keys


def first(row: Mapping[str, Any], names: Sequence[str]) -> Any:
    """The first of several possible column names that has a value."""
    for name in names:
        value = row.get(name)
        if not is_missing(value):
            return value
    return None
