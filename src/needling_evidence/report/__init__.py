"""Reports of a coverage run, in every format: terminal text, Markdown, HTML, JSON, CSV, and pictures.

Every renderer takes a :class:`~needling_evidence.CoverageReport` (its typed rows, see
:mod:`needling_evidence.rows`) or the mapping its ``to_dict()`` returns, read back into the same rows, so a
report saved as JSON can be rendered again later. :func:`render` picks a renderer by format name.
"""

from __future__ import annotations

from collections.abc import Sequence

from .csv import render_csv
from .html import render_html
from .json import render_json
from .markdown import render_markdown
from .text import render_text

__all__ = ["FORMATS", "render", "render_csv", "render_html", "render_json", "render_markdown", "render_text"]

# format name -> what it is; "text" is the terminal summary printed when no file is asked for
FORMATS: dict[str, str] = {
    "text": "plain-text tables for a terminal",
    "md": "Markdown, sized for a pull-request comment",
    "html": "one self-contained HTML page with charts",
    "json": "the versioned to_dict() schema",
    "csv": "the claims table",
}


def render(report: object, fmt: str, *, title: str | None = None, notes: Sequence[str] | None = None) -> str:
    """The report in format ``fmt`` (one of :data:`FORMATS`); ``notes`` default to the report's own."""
    if fmt == "text":
        return render_text(report, title=title, notes=notes)
    if fmt == "md":
        return render_markdown(report, title=title, notes=notes)
    if fmt == "html":
        return render_html(report, title=title, notes=notes)
    if fmt == "json":
        return render_json(report)
    if fmt == "csv":
        return render_csv(report)
    raise ValueError(f"unknown report format {fmt!r}; choose one of: {', '.join(FORMATS)}")
