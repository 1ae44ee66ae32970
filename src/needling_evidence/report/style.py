"""Styled DataFrame views for notebooks: the claims and references tables coloured by status.

pandas' ``Styler`` renders through jinja2 (a dependency of this package for that reason). The colours are
the HTML report's, so a notebook and a report read the same way. Cell text is escaped as HTML
(``escape="html"``): a reference title from Crossref or a .bib shows as text in Jupyter, never as markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .charts import STATUS_COLOURS

if TYPE_CHECKING:
    import pandas as pd
    from pandas.io.formats.style import Styler

__all__ = ["REFERENCE_STATUS_COLOURS", "styled_claims", "styled_references"]

REFERENCE_STATUS_COLOURS: Mapping[str, str] = {
    "verified": STATUS_COLOURS["supported"],
    "doi_found": STATUS_COLOURS["weak"],
    "no_doi": STATUS_COLOURS["weak"],
    "unverified": STATUS_COLOURS["weak"],
    "mismatch": STATUS_COLOURS["contradicted"],
    "not_found": STATUS_COLOURS["contradicted"],
    "malformed_doi": STATUS_COLOURS["contradicted"],
    "not_crossref": STATUS_COLOURS["unsupported"],
    "not_checked": STATUS_COLOURS["unsupported"],
}


def _colour(colours: Mapping[str, str]) -> object:
    def cell(value: object) -> str:
        colour = colours.get(str(value))
        return f"background-color: {colour}; color: white; font-weight: 600" if colour else ""

    return cell


def _styled(frame: pd.DataFrame, column: str, colours: Mapping[str, str]) -> Styler:
    styler = frame.style.format(na_rep="", escape="html").hide(axis="index")
    if column in frame.columns:
        styler = styler.map(_colour(colours), subset=[column])  # type: ignore[arg-type]
    return styler.set_table_styles(
        [{"selector": "td", "props": [("text-align", "left"), ("vertical-align", "top")]}]
    )


def styled_claims(report: object) -> Styler:
    """``report.claims`` (a :class:`~needling_evidence.CoverageReport`) with each status coloured."""
    return _styled(getattr(report, "claims"), "status", STATUS_COLOURS)  # noqa: B009 - any report-like object


def styled_references(report: object) -> Styler:
    """``report.references`` with each verification status coloured."""
    return _styled(getattr(report, "references"), "status", REFERENCE_STATUS_COLOURS)  # noqa: B009
