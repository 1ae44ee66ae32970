"""The report as plain text for a terminal: readable tables that fit the window's width."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from ._data import (
    REFERENCE_HEADER,
    as_report_data,
    cell_text,
    checked_against,
    claim_status_counts,
    coverage_percent,
    links_by_claim,
    mismatches_pairs,
    notices_text,
    reference_cells,
    report_heading,
    report_notes,
    rows,
)

__all__ = ["format_table", "render_text", "terminal_width"]

# Below this a column is unreadable; a table that cannot fit at this width is allowed to overflow.
MIN_COLUMN_WIDTH = 6
# A word longer than this (a long URL) may be broken to let the table fit.
MAX_WORD_WIDTH = 28
# Terminals narrower than this are treated as this wide (pipes and CI logs report 80 anyway).
MIN_WIDTH = 60


def terminal_width() -> int:
    return max(MIN_WIDTH, shutil.get_terminal_size((100, 24)).columns)


def format_table(header: Sequence[str], body: Sequence[Sequence[object]], width: int | None = None) -> str:
    """A plain-text table no wider than ``width``: the widest columns are narrowed and their cells wrapped."""
    width = width or terminal_width()
    cells = [[" ".join(cell_text(c).split()) for c in row] for row in body]
    widths = [len(h) for h in header]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    # a column keeps its longest word (a DOI, a key) whole where it can, so only prose wraps
    floors = [
        min(widths[i], max(MIN_COLUMN_WIDTH, min(MAX_WORD_WIDTH, max((len(w) for w in words), default=0))))
        for i, words in enumerate(
            [word for row in [list(header), *cells] for word in row[i].split()] for i in range(len(header))
        )
    ]
    separators = 2 * (len(header) - 1)
    # first narrow prose down to its longest word; if that is still too wide, break words too
    for limits in (floors, [MIN_COLUMN_WIDTH] * len(widths)):
        while sum(widths) + separators > width:
            shrinkable = [i for i in range(len(widths)) if widths[i] > limits[i]]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: widths[i])
            widths[widest] -= 1
    lines = _wrapped_row(list(header), widths)
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.extend(_wrapped_row(row, widths))
    return "\n".join(lines)


def _wrapped_row(row: Sequence[str], widths: Sequence[int]) -> list[str]:
    wrapped = [
        textwrap.wrap(cell, w, break_long_words=True) or [""] for cell, w in zip(row, widths, strict=True)
    ]
    return [
        "  ".join(
            (parts[depth] if depth < len(parts) else "").ljust(w)
            for parts, w in zip(wrapped, widths, strict=True)
        ).rstrip()
        for depth in range(max(len(parts) for parts in wrapped))
    ]


def render_text(
    report: object, *, title: str | None = None, notes: Sequence[str] = (), width: int | None = None
) -> str:
    """The report (a ``CoverageReport`` or its ``to_dict()``) as terminal text."""
    data = as_report_data(report)
    width = width or terminal_width()
    out: list[str] = []
    heading = report_heading(data, title)
    out.append(heading)
    out.append("=" * min(len(heading), width))
    out.extend(textwrap.fill(note, width) for note in report_notes(data, notes))
    counts = claim_status_counts(data)
    total = sum(counts.values())
    tally = ", ".join(f"{count} {status}" for status, count in counts.items())
    out.append(
        "\n" + textwrap.fill(f"{coverage_percent(data):.0f}% of {total} claim(s) supported ({tally}).", width)
    )

    gaps = rows(data, "gaps")
    out.append(f"\nGaps ({len(gaps)}), worst first")
    if gaps:
        out.append(
            format_table(
                ("gap", "claim", "source", "what is wrong"),
                [[g.get("gap"), g.get("claim_id"), g.get("source_key"), g.get("message")] for g in gaps],
                width,
            )
        )
    else:
        out.append("none")

    claims = rows(data, "claims")
    by_claim = links_by_claim(data)
    out.append(f"\nClaims ({len(claims)})")
    out.append(
        format_table(
            ("claim", "status", "kind", "sources", "text"),
            [
                [
                    c.get("claim_id"),
                    c.get("status"),
                    c.get("kind"),
                    _sources(by_claim.get(cell_text(c.get("claim_id")), [])),
                    c.get("text"),
                ]
                for c in claims
            ],
            width,
        )
    )
    references = rows(data, "references")
    out.append(f"\nReferences ({len(references)})")
    out.append(
        format_table(
            REFERENCE_HEADER,
            [reference_cells(r, _differences(r), checked_against(r, full=False)) for r in references],
            width,
        )
    )
    problems = rows(data, "problems")
    if problems:
        out.append(f"\nProblems in the inputs ({len(problems)})")
        out.extend(
            f"  {cell_text(p.get('file')) or '<input>'}"
            + (f":{cell_text(p.get('line'))}" if cell_text(p.get("line")) else "")
            + f": {cell_text(p.get('message'))}"
            for p in problems
        )
    return "\n".join(out) + "\n"


def _sources(links: Sequence[Mapping[str, Any]]) -> str:
    return ", ".join(
        f"{cell_text(link.get('source_key'))} {cell_text(link.get('stance'))}"
        for link in links
        if cell_text(link.get("origin")) != "suggestion"
    )


def _differences(reference: Mapping[str, Any]) -> str:
    diffs = [
        f"{name}: {ours!r} vs {theirs!r}"
        for name, ours, theirs in mismatches_pairs(reference.get("mismatches"))
    ]
    return "; ".join(diffs + [f"NOTICE {n}" for n in notices_text(reference.get("notices"))])
