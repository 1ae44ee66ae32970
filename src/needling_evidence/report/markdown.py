"""The report as Markdown, sized to fit a pull-request comment.

GitHub refuses comment bodies over 65,536 characters, so long tables are cut (saying how many rows were left
out) to keep the whole report under :data:`MAX_MARKDOWN_CHARS`. Every cell is escaped: ``|`` cannot break a
table and ``<``/``>``/``&`` show as text (GitHub would otherwise strip a ``<script>`` title silently).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..rows import LinkRow, ReferenceRow
from ._data import (
    REFERENCE_HEADER,
    as_report_data,
    cell_text,
    checked_against,
    claim_status_counts,
    coverage_percent,
    evidence_links,
    links_by_claim,
    mismatches_pairs,
    notices_text,
    reference_cells,
    report_heading,
    report_notes,
    where,
)

__all__ = ["MAX_MARKDOWN_CHARS", "render_markdown"]

# GitHub's limit on a pull-request comment body is 65,536 characters (its API rejects longer ones); this
# leaves room for a heading a CI job may add.
MAX_MARKDOWN_CHARS = 60_000
# A claim's text is cut to this many characters in tables; the full text is in the HTML and JSON reports.
CELL_CHARS = 160


def md_cell(value: object, limit: int = CELL_CHARS) -> str:
    text = " ".join(cell_text(value).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("\\", "\\\\")  # first, so the escapes added next are not doubled
    for char in "|`*_[]":
        text = text.replace(char, "\\" + char)
    return text


def md_table(header: Sequence[str], body: Sequence[Sequence[object]], budget: int) -> str:
    """A Markdown table that stops (and says so) before it would exceed ``budget`` characters."""
    lines = ["| " + " | ".join(md_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    used = sum(len(line) + 1 for line in lines)
    for index, row in enumerate(body):
        line = "| " + " | ".join(md_cell(c) for c in row) + " |"
        if used + len(line) + 1 > budget:
            lines.append(f"\n… {len(body) - index} more row(s) left out to fit; see the HTML or JSON report.")
            break
        lines.append(line)
        used += len(line) + 1
    return "\n".join(lines)


def render_markdown(report: object, *, title: str | None = None, notes: Sequence[str] | None = None) -> str:
    """The report (a ``CoverageReport`` or its ``to_dict()``) as Markdown for a pull-request comment.
    ``notes`` (default: the report's own) are quoted under the heading."""
    data = as_report_data(report)
    parts: list[str] = []
    parts.append(f"## {md_cell(report_heading(data, title), 200)}")
    parts.extend(f"> {md_cell(note, 500)}" for note in report_notes(data, notes))

    counts = claim_status_counts(data)
    total = sum(counts.values())
    tally = " · ".join(f"{status} {count}" for status, count in counts.items())
    parts.append(f"**{coverage_percent(data):.0f}% of {total} claim(s) supported** — {tally}")

    remaining = MAX_MARKDOWN_CHARS - sum(len(p) + 2 for p in parts)
    gaps, claims, references, problems = data.gaps, data.claims, data.references, data.problems
    by_claim = links_by_claim(data)
    # The gaps are what an editor acts on, so they get half the room; claims and references share the rest.
    sections: list[tuple[str, Sequence[str], list[list[object]], float]] = [
        (
            f"### Gaps ({len(gaps)}), worst first",
            ("gap", "claim", "source", "what to do"),
            [[g.gap, g.claim_id, g.source_key, g.message] for g in gaps],
            0.5,
        ),
        (
            f"### Claims ({len(claims)})",
            ("claim", "status", "kind", "sources", "why", "text"),
            [
                [
                    c.claim_id,
                    c.status,
                    c.kind,
                    _sources_cell(by_claim.get(cell_text(c.claim_id), [])),
                    c.reason,
                    c.text,
                ]
                for c in claims
            ],
            0.6,
        ),
        (
            f"### References ({len(references)})",
            REFERENCE_HEADER,
            [reference_cells(r, _differences_cell(r), checked_against(r, full=False)) for r in references],
            0.8,
        ),
        (
            # What --strict fails on (an unresolved citation, a registry quote not in the article): a CI
            # comment that failed the gate must say why.
            f"### Problems in the inputs ({len(problems)})",
            ("where", "problem", "code"),
            [[where(p), p.message, p.code] for p in problems],
            1.0,
        ),
    ]
    for heading_text, header, body, share in sections:
        if not body and heading_text.startswith("### Problems"):
            continue  # no problems: no section
        if not body:
            parts.append(f"{heading_text}\n\nNone.")
            continue
        budget = int(remaining * share)
        table = md_table(header, body, budget)
        parts.append(f"{heading_text}\n\n{table}")
        remaining -= len(table) + len(heading_text) + 4
    parts.append(f"<sub>needling_evidence report, schema {md_cell(data.schema_version)}</sub>")
    return "\n\n".join(parts) + "\n"


def _sources_cell(links: Sequence[LinkRow]) -> str:
    return ", ".join(
        f"{cell_text(link.source_key)} ({cell_text(link.stance)}"
        + (f", {cell_text(link.origin)}" if cell_text(link.origin) != "registry" else "")
        + ")"
        for link in evidence_links(links)
    )


def _differences_cell(reference: ReferenceRow) -> str:
    diffs = [
        f"{name}: ours “{ours}” vs Crossref “{theirs}”"
        for name, ours, theirs in mismatches_pairs(reference.mismatches)
    ]
    notices = [f"NOTICE {text}" for text in notices_text(reference.notices)]
    return "; ".join(diffs + notices)
