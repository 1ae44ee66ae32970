"""The report as plain text for a terminal: readable tables that fit the window's width."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Collection, Mapping, Sequence

from ..rows import ClaimRow, GapRow, LinkRow, ReferenceRow
from ._data import (
    REFERENCE_HEADER,
    as_report_data,
    cell_text,
    checked_against_short,
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

__all__ = ["format_table", "render_text", "terminal_width"]

# Below this a column is unreadable; a table that cannot fit at this width is allowed to overflow.
MIN_COLUMN_WIDTH = 6
# A word longer than this (a long URL) may be broken to let the table fit.
MAX_WORD_WIDTH = 28
# A gap's reason is cut to this many characters in the terminal (about two lines of its column at 100
# columns), so no gap takes more than a few lines; the other formats keep the whole message.
GAP_REASON_CHARS = 120
# The gaps table's reason column is never narrower than this; on a very narrow terminal the table overflows
# rather than wrap a reason one word a line.
MIN_REASON_WIDTH = 20
# A claim's text (a reference's differences) sits under its row, indented so the ids stand out on the left.
INDENT = "    "
# Terminals narrower than this are treated as this wide (pipes and CI logs report 80 anyway).
MIN_WIDTH = 60


def terminal_width() -> int:
    return max(MIN_WIDTH, shutil.get_terminal_size((100, 24)).columns)


def format_table(
    header: Sequence[str],
    body: Sequence[Sequence[object]],
    width: int | None = None,
    *,
    whole: Collection[int] = (),
) -> str:
    """A plain-text table no wider than ``width``: the widest columns are narrowed and their cells wrapped.

    Words are kept whole where they can be: prose columns are narrowed first, down to their longest word
    (:data:`MAX_WORD_WIDTH` at most), then to :data:`MIN_COLUMN_WIDTH`, breaking words; the ``whole``
    columns (by index: identifiers such as DOIs and keys, which mean nothing broken) keep their longest word
    however long it is, and are broken only when nothing else can give way.
    """
    width = width or terminal_width()
    cells = [[" ".join(cell_text(c).split()) for c in row] for row in body]
    return "\n".join(_laid_out(header, cells, _column_widths(header, cells, width, whole)))


def _column_widths(
    header: Sequence[str], cells: Sequence[Sequence[str]], width: int, whole: Collection[int]
) -> list[int]:
    """Column widths for :func:`format_table` (which describes the order in which columns give way)."""
    widths = [len(h) for h in header]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    longest_word = [
        max((len(word) for row in [list(header), *cells] for word in row[i].split()), default=0)
        for i in range(len(header))
    ]
    floors = [
        min(widths[i], max(MIN_COLUMN_WIDTH, word if i in whole else min(MAX_WORD_WIDTH, word)))
        for i, word in enumerate(longest_word)
    ]
    lowest = [MIN_COLUMN_WIDTH] * len(widths)
    separators = 2 * (len(header) - 1)
    # prose down to its longest word; then prose words broken, identifiers kept; last, identifiers broken too
    for limits in (floors, [floors[i] if i in whole else lowest[i] for i in range(len(widths))], lowest):
        while sum(widths) + separators > width:
            shrinkable = [i for i in range(len(widths)) if widths[i] > limits[i]]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: widths[i])
            widths[widest] -= 1
    return widths


def _laid_out(
    header: Sequence[str],
    body: Sequence[Sequence[str]],
    widths: Sequence[int],
    notes: Sequence[str] = (),
    width: int = 0,
) -> list[str]:
    """The lines of a table: header, rule, rows wrapped to ``widths``; with ``notes``, each row followed by
    its note, indented, wrapped to the whole ``width``."""
    lines = _wrapped_row(header, widths)
    lines.append("  ".join("-" * w for w in widths))
    for index, row in enumerate(body):
        lines.extend(_wrapped_row(row, widths))
        if notes:
            lines.extend(
                textwrap.wrap(
                    " ".join(notes[index].split()),
                    width,
                    initial_indent=INDENT,
                    subsequent_indent=INDENT,
                    break_on_hyphens=False,  # "long-standing" stays whole, for search and copy
                )
            )
    return lines


def _wrapped_row(row: Sequence[str], widths: Sequence[int]) -> list[str]:
    wrapped = [
        textwrap.wrap(cell, w, break_long_words=True, break_on_hyphens=False) or [""]
        for cell, w in zip(row, widths, strict=True)
    ]
    return [
        "  ".join(
            (parts[depth] if depth < len(parts) else "").ljust(w)
            for parts, w in zip(wrapped, widths, strict=True)
        ).rstrip()
        for depth in range(max(len(parts) for parts in wrapped))
    ]


def render_text(
    report: object, *, title: str | None = None, notes: Sequence[str] | None = None, width: int | None = None
) -> str:
    """The report (a ``CoverageReport`` or its ``to_dict()``) as a terminal summary an editor can read: the
    counts, every gap worst first in a line or two, the claims and the references. Long gap messages are
    shortened here (saying so); the HTML and JSON reports carry every message in full."""
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

    gaps, claims, references = data.gaps, data.claims, data.references
    out.append(f"\nGaps ({len(gaps)}), worst first")
    if gaps:
        reasons = [_gap_reason(g, claims, references) for g in gaps]
        shortened = [_shorten(reason, GAP_REASON_CHARS) for reason in reasons]
        out.extend(_gap_table(gaps, shortened, width))
        if shortened != reasons:
            out.append(textwrap.fill("… shortened here; the html and json reports give it in full.", width))
    else:
        out.append("none")

    out.append(f"\nClaims ({len(claims)})")
    out.extend(_claims_table(claims, links_by_claim(data), width))
    out.append(f"\nReferences ({len(references)})")
    out.extend(_references_table(references, width))
    if data.problems:
        out.append(f"\nProblems in the inputs ({len(data.problems)})")
        out.extend(f"  {where(p)}: {cell_text(p.message)}" for p in data.problems)
    return "\n".join(out) + "\n"


def _claims_table(
    claims: Sequence[ClaimRow], by_claim: Mapping[str, Sequence[LinkRow]], width: int
) -> list[str]:
    """Claims as a table of id, status, kind and sources, each row followed by the claim's text."""
    if not claims:
        return ["none"]
    body = [
        [
            cell_text(c.claim_id),
            cell_text(c.status),
            cell_text(c.kind),
            _sources(by_claim.get(cell_text(c.claim_id), [])) or "none",
        ]
        for c in claims
    ]
    texts = [cell_text(c.text) for c in claims]
    header = ["claim", "status", "kind", "sources"]
    return _laid_out(header, body, _column_widths(header, body, width, whole=(0,)), texts, width)


def _references_table(references: Sequence[ReferenceRow], width: int) -> list[str]:
    """References as a table of key, status, DOI, design, level and where they were checked (key, status and
    DOI kept whole), each followed by its differences from Crossref and notices, where it has any."""
    if not references:
        return ["none"]
    notes_at = REFERENCE_HEADER.index("differences / notices")
    design_at = REFERENCE_HEADER.index("design")
    header = [h for i, h in enumerate(REFERENCE_HEADER) if i != notes_at]
    body: list[list[str]] = []
    notes: list[str] = []
    for reference in references:
        cells = reference_cells(reference, _differences(reference), checked_against_short(reference))
        row = [cell_text(c) for c in cells]
        row[design_at] = row[design_at].replace("_", " ")  # a narrow column wraps it between words
        notes.append(row.pop(notes_at))
        body.append(row)
    return _laid_out(header, body, _column_widths(header, body, width, whole=(0, 1, 2)), notes, width)


def _gap_table(gaps: Sequence[GapRow], reasons: Sequence[str], width: int) -> list[str]:
    """Gaps as a three-column table sized for the reason: the gap kind in words (a long one such as
    "unverified reference" wraps, so it does not widen the column for every claim), the claim id or
    reference key kept whole, and the reason in the rest of the width."""
    body = [
        [
            cell_text(g.gap).replace("_", " "),
            cell_text(g.claim_id or g.source_key) or "(article)",
            reason,
        ]
        for g, reason in zip(gaps, reasons, strict=True)
    ]
    header = ["gap", "claim / source", "why"]
    kind_width = max(len(word) for row in [header, *body] for word in row[0].split())
    subject_width = max(len(row[1]) for row in [header, *body])
    reason_width = max(width - kind_width - subject_width - 4, MIN_REASON_WIDTH)
    return _laid_out(header, body, [kind_width, subject_width, reason_width])


def _gap_reason(gap: GapRow, claims: Sequence[ClaimRow], references: Sequence[ReferenceRow]) -> str:
    """A gap's message without what the row already names: a claim's text (the claims table shows it) and a
    reference's label (the row names its key)."""
    message = cell_text(gap.message)
    kind = cell_text(gap.gap)
    claim_id = cell_text(gap.claim_id)
    claim = next((c for c in claims if cell_text(c.claim_id) == claim_id), None) if claim_id else None
    if claim is not None:
        text = " ".join(cell_text(claim.text).split())
        reason = cell_text(claim.reason)
        if kind == cell_text(claim.status) and reason and text and text in " ".join(message.split()):
            return reason
        flat = " ".join(message.split())
        prefix = f"{kind}: {text} — "
        if text and flat.startswith(prefix):  # an overstatement: "overstated: <claim> — <why>"
            return flat[len(prefix) :]
    key = cell_text(gap.source_key)
    for reference in references if key else ():
        label = cell_text(reference.label)
        if cell_text(reference.key) == key and label and message.startswith(f"{label}: "):
            return message[len(label) + 2 :]
    return message


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _sources(links: Sequence[LinkRow]) -> str:
    shown = evidence_links(links)
    return ", ".join(f"{cell_text(link.source_key)} {cell_text(link.stance)}" for link in shown)


def _differences(reference: ReferenceRow) -> str:
    diffs = [
        f"{name}: {ours!r} vs {theirs!r}" for name, ours, theirs in mismatches_pairs(reference.mismatches)
    ]
    return "; ".join(diffs + [f"NOTICE {n}" for n in notices_text(reference.notices)])
