"""The claims table as CSV (one row per claim), for spreadsheets.

Columns: ``claim_id``, ``text``, ``kind``, ``status`` first (the fixed columns of
``CoverageReport.claims``), then ``sources`` (each linked source with its stance, origin in brackets when
not from the registry), then every other column of the claims table in its own order. Lists are joined with
``; ``.
"""

from __future__ import annotations

import csv
import io

from ._data import as_report_data, cell_text, evidence_links, links_by_claim, rows

__all__ = ["CLAIM_COLUMNS", "render_csv"]

CLAIM_COLUMNS: tuple[str, ...] = ("claim_id", "text", "kind", "status", "sources")


def render_csv(report: object) -> str:
    """The claims table of the report (a ``CoverageReport`` or its ``to_dict()``) as CSV text."""
    data = as_report_data(report)
    claims = rows(data, "claims")
    by_claim = links_by_claim(data)
    extra: list[str] = []
    for claim in claims:
        extra.extend(name for name in claim if name not in CLAIM_COLUMNS and name not in extra)
    columns = [*CLAIM_COLUMNS, *extra]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for claim in claims:
        links = evidence_links(by_claim.get(cell_text(claim.get("claim_id")), []))
        sources = "; ".join(
            f"{cell_text(link.get('source_key'))} {cell_text(link.get('stance'))}"
            + (
                ""
                if cell_text(link.get("origin")) in ("registry", "")
                else f" ({cell_text(link.get('origin'))})"
            )
            for link in links
        )
        values = {**claim, "sources": sources}
        writer.writerow([cell_text(values.get(name)) for name in columns])
    return out.getvalue()
