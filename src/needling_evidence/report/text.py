"""The report as plain text for a terminal: readable tables that fit the window's width."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Collection, Mapping, Sequence

from ..rows import ClaimRow, LinkRow, ReferenceRow
from ._data import (
    LINE_MEANS,
    REFERENCE_HEADER,
    GapGroup,
    as_report_data,
    cell_text,
    checked_against_short,
    claim_line,
    evidence_links,
    gap_groups,
    links_by_claim,
    mismatches_pairs,
    notices_text,
    reference_cells,
    report_heading,
    report_notes,
    shorten,
    verdict,
    where,
)

__all__ = ["format_table", "render_text", "terminal_width"]

# Below this a column is unreadable; a table that cannot fit at this width is allowed to overflow.
MIN_COLUMN_WIDTH = 6
# A word longer than this (a long URL) may be broken to let the table fit.
MAX_WORD_WIDTH = 28
# A gap's reason is cut to this many characters in the terminal (two lines at 100 columns), so no gap takes
# more than a few lines; the other formats keep the whole message.
GAP_REASON_CHARS = 200
# A claim's text in the gaps list is cut to this many characters (a line or two): enough to recognise it.
CLAIM_TEXT_CHARS = 100
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
    notes: Sequence[str] = (),
) -> str:
    """A plain-text table no wider than ``width``: the widest columns are narrowed and their cells wrapped.
    With ``notes`` (one per row), each row is followed by its note, indented and wrapped to the full width:
    the place for prose, so the columns above keep to short words.

    Words are kept whole where they can be: prose columns are narrowed first, down to their longest word
    (:data:`MAX_WORD_WIDTH` at most), then to :data:`MIN_COLUMN_WIDTH`, breaking words; the ``whole``
    columns (by index: identifiers such as DOIs and keys, which mean nothing broken) keep their longest word
    however long it is, and are broken only when nothing else can give way.
    """
    width = width or terminal_width()
    cells = [[" ".join(cell_text(c).split()) for c in row] for row in body]
    return "\n".join(_laid_out(header, cells, _column_widths(header, cells, width, whole), notes, width))


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
    """The report (a ``CoverageReport`` or its ``to_dict()``) as a terminal summary an editor can read: a
    verdict in words, the gaps worst first (alike gaps grouped, each claim with its line and shortened
    text), the claims and the references, in tables as wide as the terminal (``COLUMNS``). Long texts are
    shortened here (saying so); the HTML and JSON reports carry every message in full."""
    data = as_report_data(report)
    width = width or terminal_width()
    out: list[str] = []
    heading = report_heading(data, title)
    out.append(heading)
    out.append("=" * min(len(heading), width))
    out.extend(_fill(note, width) for note in report_notes(data, notes))
    groups = gap_groups(data)
    out.append("")
    out.extend(_fill(line, width) for line in verdict(data, groups))

    gaps, claims, references = data.gaps, data.claims, data.references
    out.append(f"\nGaps ({len(gaps)}), worst first")
    if any(group.about_claims for group in groups):
        out.append(_fill(f"({LINE_MEANS})", width))
    if groups:
        shortened = False
        for group in groups:
            lines, cut = _gap_group(group, width)
            out.extend(lines)
            shortened = shortened or cut
        if shortened:
            out.append(_fill("… shortened here; the html and json reports give it in full.", width))
    else:
        out.append("none")

    out.append(f"\nClaims ({len(claims)})")
    out.extend(_claims_table(claims, links_by_claim(data), width))
    out.append(f"\nReferences ({len(references)})")
    out.extend(_references_table(references, width))
    if data.problems:
        out.append(f"\nProblems in the inputs ({len(data.problems)})")
        out.extend(
            textwrap.fill(
                f"{where(p)}: {cell_text(p.message)}",
                width,
                initial_indent="  ",
                subsequent_indent=INDENT + "  ",
                break_on_hyphens=False,
                break_long_words=False,
            )
            for p in data.problems
        )
    return "\n".join(out) + "\n"


def _fill(text: str, width: int, indent: str = "", hanging: str | None = None) -> str:
    return textwrap.fill(
        " ".join(text.split()),
        width,
        initial_indent=indent,
        subsequent_indent=indent if hanging is None else hanging,
        break_on_hyphens=False,
        break_long_words=False,  # a DOI or key stays whole; a line may overflow rather than split it
    )


def _gap_group(group: GapGroup, width: int) -> tuple[list[str], bool]:
    """One group of alike gaps: its heading (kind, how many, the reason, what to do), then a table of its
    claims (line, id, shortened text) or the keys of its references. Whether anything was shortened."""
    reason = shorten(group.reason, GAP_REASON_CHARS)
    cut = reason != " ".join(group.reason.split())
    heading = GapGroup(group.kind, reason, group.gaps, group.claims).heading()
    lines = ["", _fill(f"* {heading}", width, hanging="  ")]
    if group.about_claims:
        body = [
            [
                cell_text(claim_line(claim)),
                cell_text(gap.claim_id),
                shorten(claim.text, CLAIM_TEXT_CHARS) if claim is not None else "",
            ]
            for gap, claim in zip(group.gaps, group.claims, strict=True)
        ]
        cut = cut or any(
            claim is not None and len(cell_text(claim.text)) > CLAIM_TEXT_CHARS for claim in group.claims
        )
        header = ["line", "claim", "text"]
        table = _laid_out(header, body, _column_widths(header, body, width - len(INDENT), whole=(0, 1)))
        lines.extend(INDENT + line for line in table)
    else:
        keys = [cell_text(g.claim_id or g.source_key) for g in group.gaps if g.claim_id or g.source_key]
        if keys:
            lines.append(_fill(", ".join(keys), width, INDENT))
    return lines, cut


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
    # ids and status words stay whole: "unveri/fied" reads as nothing
    return _laid_out(header, body, _column_widths(header, body, width, whole=(0, 1)), texts, width)


def _references_table(references: Sequence[ReferenceRow], width: int) -> list[str]:
    """References as a table of key, status, DOI, design and level (key, status and DOI kept whole), each
    followed by its differences from the index, its notices and where it was checked."""
    if not references:
        return ["none"]
    notes_at = REFERENCE_HEADER.index("differences / notices")
    checked_at = REFERENCE_HEADER.index("checked against")
    design_at = REFERENCE_HEADER.index("design")
    header = [h for i, h in enumerate(REFERENCE_HEADER) if i not in (notes_at, checked_at)]
    body: list[list[str]] = []
    notes: list[str] = []
    for reference in references:
        cells = reference_cells(reference, _differences(reference), checked_against_short(reference))
        row = [cell_text(c) for c in cells]
        row[design_at] = row[design_at].replace("_", " ")  # a narrow column wraps it between words
        differences, checked = row[notes_at], row[checked_at]
        notes.append(
            "; ".join(p for p in (differences, f"checked against: {checked}" if checked else "") if p)
        )
        body.append([c for i, c in enumerate(row) if i not in (notes_at, checked_at)])
    return _laid_out(header, body, _column_widths(header, body, width, whole=(0, 1, 2)), notes, width)


def _sources(links: Sequence[LinkRow]) -> str:
    # an inline citation records what the author pointed at: nobody judged what the source shows
    return ", ".join(
        f"{cell_text(link.source_key)} "
        + ("(cited, not reviewed)" if link.origin == "citation" else cell_text(link.stance))
        for link in evidence_links(links)
    )


def _differences(reference: ReferenceRow) -> str:
    diffs = [
        f"{name}: {ours!r} vs {theirs!r}" for name, ours, theirs in mismatches_pairs(reference.mismatches)
    ]
    return "; ".join(diffs + [f"NOTICE {n}" for n in notices_text(reference.notices)])
