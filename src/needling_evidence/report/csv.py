"""The claims table as CSV (one row per claim), for spreadsheets.

Columns: ``claim_id``, ``text``, ``kind``, ``status`` first (the fixed columns of
``CoverageReport.claims``), then ``sources`` (each linked source with its stance, origin in brackets when
not from the registry), then every other column of the claims table in its own order. Lists are joined with
``; ``. A cell that starts like a spreadsheet formula (``=``, ``+``, ``-``, ``@``, tab, CR) gets a leading
``'`` so a spreadsheet shows it as text (OWASP CSV injection).
"""

from __future__ import annotations

import csv
import io

from .._safe import csv_cell
from ..rows import ClaimRow, columns, row_dict
from ._data import as_report_data, cell_text, evidence_links, links_by_claim

__all__ = ["CLAIM_COLUMNS", "render_csv"]

CLAIM_COLUMNS: tuple[str, ...] = ("claim_id", "text", "kind", "status", "sources")


def render_csv(report: object) -> str:
    """The claims table of the report (a ``CoverageReport`` or its ``to_dict()``) as CSV text."""
    data = as_report_data(report)
    by_claim = links_by_claim(data)
    extra = [name for name, _ in columns(ClaimRow) if name not in CLAIM_COLUMNS]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CLAIM_COLUMNS, *extra])
    for claim in data.claims:
        links = evidence_links(by_claim.get(cell_text(claim.claim_id), []))
        sources = "; ".join(
            f"{cell_text(link.source_key)} {cell_text(link.stance)}"
            + ("" if cell_text(link.origin) in ("registry", "") else f" ({cell_text(link.origin)})")
            for link in links
        )
        values = {**row_dict(claim), "sources": sources}
        # a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is kept as text (issue 13)
        writer.writerow([csv_cell(cell_text(values[name])) for name in (*CLAIM_COLUMNS, *extra)])
    return out.getvalue()
