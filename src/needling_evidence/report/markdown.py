"""The report as Markdown, sized to fit a pull-request comment.

GitHub refuses comment bodies over 65,536 characters, so long tables are cut (saying how many rows were left
out) to keep the whole report under :data:`MAX_MARKDOWN_CHARS`. Every cell is escaped: ``|`` cannot break a
table and ``<``/``>``/``&`` show as text (GitHub would otherwise strip a ``<script>`` title silently).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..rows import LinkRow, ReferenceRow
from ._data import (
    LINE_MEANS,
    REFERENCE_HEADER,
    GapGroup,
    as_report_data,
    cell_text,
    checked_against,
    claim_line,
    evidence_links,
    gap_groups,
    kind_words,
    links_by_claim,
    mismatches_pairs,
    notices_text,
    reference_cells,
    report_heading,
    report_notes,
    verdict,
    where,
)

__all__ = ["MAX_MARKDOWN_CHARS", "render_markdown"]

# GitHub's limit on a pull-request comment body is 65,536 characters (its API rejects longer ones); this
# leaves room for a heading a CI job may add.
MAX_MARKDOWN_CHARS = 60_000
# A claim's text is cut to this many characters in tables; the full text is in the HTML and JSON reports.
CELL_CHARS = 160


# The length of md_table's closing "… N more row(s) left out" line, kept free within a table's budget.
_LEFT_OUT_ROOM = 80


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
        # room is kept for the closing "left out" line
        if used + len(line) + 1 > budget - _LEFT_OUT_ROOM:
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

    groups = gap_groups(data)
    first, *rest = verdict(data, groups)
    parts.append(f"**{md_cell(first, 500)}**" + (f" {md_cell(' '.join(rest), 500)}" if rest else ""))

    footer = f"<sub>needling_evidence report, schema {md_cell(data.schema_version)}</sub>"
    remaining = MAX_MARKDOWN_CHARS - sum(len(p) + 2 for p in parts) - len(footer) - 2
    gaps, claims, references, problems = data.gaps, data.claims, data.references, data.problems
    # The gaps are what an editor acts on, so they get half the room; claims and references share the rest.
    gaps_md = _gaps(groups, int(remaining * 0.5))
    parts.append(f"### Gaps ({len(gaps)}), worst first\n\n<sub>{LINE_MEANS}</sub>\n\n{gaps_md}")
    remaining -= len(parts[-1]) + 2
    by_claim = links_by_claim(data)
    sections: list[tuple[str, Sequence[str], list[list[object]], float]] = [
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
        budget = int(remaining * share) - len(heading_text) - 4
        table = md_table(header, body, budget)
        parts.append(f"{heading_text}\n\n{table}")
        remaining -= len(table) + len(heading_text) + 4
    parts.append(footer)
    return "\n\n".join(parts) + "\n"


def _gaps(groups: Sequence[GapGroup], budget: int) -> str:
    """Each group of alike gaps as a line (kind, how many, reason, what to do) and, for claims, a table of
    their lines, ids and shortened texts; for references, their keys. Stops (saying so) at ``budget``."""
    if not groups:
        return "None: every claim is supported and every reference checks out."
    out: list[str] = []
    used = 0
    for index, group in enumerate(groups):
        heading = f"- **{md_cell(kind_words(group.kind))}** — {md_cell(group.detail(), 600)}"
        if group.about_claims:
            body: list[list[object]] = [
                [
                    claim_line(claim),
                    gap.claim_id,
                    claim.text if claim is not None else "",
                ]
                for gap, claim in zip(group.gaps, group.claims, strict=True)
            ]
            block = heading + "\n\n" + md_table(("line", "claim", "text"), body, max(budget - used, 200))
        else:
            keys = ", ".join(
                md_cell(g.claim_id or g.source_key) for g in group.gaps if g.claim_id or g.source_key
            )
            block = heading + (f": {keys}" if keys else "")
        if used + len(block) > budget:
            left = sum(len(g.gaps) for g in groups[index:])
            out.append(f"… {left} more gap(s) left out to fit; see the HTML or JSON report.")
            break
        out.append(block)
        used += len(block) + 2
    return "\n\n".join(out)


def _sources_cell(links: Sequence[LinkRow]) -> str:
    return ", ".join(
        f"{cell_text(link.source_key)} ("
        + (
            "cited, not reviewed"  # an inline citation: nobody judged what the source shows
            if link.origin == "citation"
            else cell_text(link.stance)
            + (f", {cell_text(link.origin)}" if cell_text(link.origin) != "registry" else "")
        )
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
