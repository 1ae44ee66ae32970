"""Pictures of a report: claims per status, and the claims × sources evidence matrix.

matplotlib is imported only when a picture is drawn (it is an optional extra: ``pip install
needling_evidence[plot]``), and only its object-oriented API is used (a ``Figure`` on the Agg canvas, never
pyplot), so drawing changes no global state and needs no display. Labels are drawn as plain text: ``$`` in a
claim id or citation key is not read as mathematics.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from ._data import as_report_data, cell_text, claim_status_counts, source_keys

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "MATRIX_CHART_MAX_CLAIMS",
    "MATRIX_CHART_MAX_SOURCES",
    "NEED_MATPLOTLIB",
    "STANCE_COLOURS",
    "STATUS_COLOURS",
    "coverage_chart",
    "evidence_matrix_chart",
    "plot_coverage",
    "plot_evidence_matrix",
]

# The largest evidence matrix drawn as a picture in a report. Each claim takes 0.22 in and each source 0.8 in
# (see plot_evidence_matrix): 120 claims × 30 sources is about 27 × 27 inches, already more than a screen or
# a printed page shows legibly. Beyond it the drawing took tens of seconds (500 claims × 150 sources: about
# 50 s, a 110 × 120 inch raster) and showed nothing the report's matrix table does not.
MATRIX_CHART_MAX_CLAIMS = 120
MATRIX_CHART_MAX_SOURCES = 30

# The same colours as the HTML report's status tags.
STATUS_COLOURS: Mapping[str, str] = {
    "supported": "#1b7f3b",
    "weak": "#b26b00",
    "conflicting": "#8e3b8e",  # evidence both ways: neither the "weak" amber nor the "contradicted" red
    "contradicted": "#b3261e",
    "unsupported": "#5f6368",
}
STANCE_COLOURS: Mapping[str, str] = {
    "": "#ffffff",
    "mentions": "#c7cbd1",
    "partially_supports": "#f2b84b",
    "supports": "#1b7f3b",
    "contradicts": "#b3261e",
}


# Said in one line when a picture is asked for and matplotlib (an optional extra) is not installed.
NEED_MATPLOTLIB = "Charts need matplotlib: pip install 'needling_evidence[plot]'"


def _require_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise ImportError(NEED_MATPLOTLIB) from None


def _style() -> AbstractContextManager[None]:
    import matplotlib

    # fixed SVG ids (the same report draws the same bytes), no mathtext parsing of user text, and labels as
    # (escaped) SVG text rather than glyph paths: a tenth of the size with sixty claims
    return matplotlib.rc_context(
        {
            "text.parse_math": False,
            "svg.hashsalt": "needling_evidence",
            "svg.fonttype": "none",
            "font.size": 9,
        }
    )


def _figure(width: float, height: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def plot_coverage(report: object) -> Figure:
    """A horizontal bar chart of claims per status (a ``CoverageReport`` or its ``to_dict()``)."""
    _require_matplotlib()
    from matplotlib.ticker import MaxNLocator

    data = as_report_data(report)
    counts = claim_status_counts(data)
    with _style():
        fig = _figure(6.0, 2.2)
        ax = fig.add_subplot()
        statuses = list(counts)[::-1]
        values = [counts[s] for s in statuses]
        bars = ax.barh(statuses, values, color=[STATUS_COLOURS.get(s, "#5f6368") for s in statuses])
        ax.bar_label(bars, padding=3)
        ax.set_xlabel("claims")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlim(0, max([*values, 1]) * 1.15)
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_title(f"Claims per status ({sum(values)} claims)")
    return fig


def plot_evidence_matrix(report: object) -> Figure:
    """A grid of claims (rows) × sources (columns) coloured by the stance each source takes on each claim.

    Suggestions are left out: they are not evidence. Where a pair has both an inline citation (``mentions``)
    and a reviewed stance, the reviewed stance is shown.
    """
    _require_matplotlib()
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    data = as_report_data(report)
    claims = [cell_text(c.claim_id) for c in data.claims]
    keys = source_keys(data)
    stances = list(STANCE_COLOURS)
    grid = [[0 for _ in keys] for _ in claims]
    claim_row = {claim: i for i, claim in enumerate(claims)}
    key_col = {key: j for j, key in enumerate(keys)}
    for link in data.links:
        stance = cell_text(link.stance)
        i, j = claim_row.get(cell_text(link.claim_id)), key_col.get(cell_text(link.source_key))
        if link.origin == "suggestion" or i is None or j is None or stance not in stances:
            continue
        if grid[i][j] in (0, stances.index("mentions")):
            grid[i][j] = stances.index(stance)
    with _style():
        fig = _figure(max(5.0, 3.0 + 0.8 * len(keys)), max(2.5, 1.0 + 0.22 * len(claims)))
        ax = fig.add_subplot()
        if claims and keys:
            # one raster image rather than a path per cell: small in SVG whatever the number of claims
            ax.imshow(
                grid,
                cmap=ListedColormap([STANCE_COLOURS[s] for s in stances]),
                vmin=-0.5,
                vmax=len(stances) - 0.5,
                extent=(0, len(keys), len(claims), 0),
                aspect="auto",
                interpolation="nearest",
            )
            ax.set_xticks(range(len(keys) + 1), minor=True)
            ax.set_yticks(range(len(claims) + 1), minor=True)
            ax.grid(which="minor", color="#d0d4d9", linewidth=0.5)
            ax.tick_params(which="minor", length=0)
        ax.set_xticks([j + 0.5 for j in range(len(keys))], keys, rotation=30, ha="right")
        ax.set_yticks([i + 0.5 for i in range(len(claims))], claims)
        ax.set_xlim(0, max(len(keys), 1))
        ax.set_ylim(max(len(claims), 1), 0)
        ax.set_title("Evidence matrix: claims × sources")
        handles = [Patch(facecolor=STANCE_COLOURS[s], edgecolor="#888888", label=s) for s in stances if s]
        # Beside the grid's top, below the title: a figure legend ("outside right upper") sat at the figure's
        # top and covered the end of a title wider than a few-source grid.
        ax.legend(
            handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0, frameon=False
        )
    return fig


def _encode(fig: Figure, fmt: str) -> bytes:
    buffer = io.BytesIO()
    # no creation date in the metadata: the same report draws the same bytes
    metadata = {"Date": None} if fmt == "svg" else {}
    with _style():  # svg.hashsalt is read while saving
        fig.savefig(buffer, format=fmt, metadata=metadata, dpi=120)
    return buffer.getvalue()


def coverage_chart(report: object, fmt: str = "svg") -> bytes:
    """:func:`plot_coverage` as image bytes (``svg`` or ``png``)."""
    return _encode(plot_coverage(report), fmt)


def evidence_matrix_chart(report: object, fmt: str = "svg") -> bytes | None:
    """:func:`plot_evidence_matrix` as image bytes (``svg`` or ``png``); ``None`` when there are no claims,
    or more than :data:`MATRIX_CHART_MAX_CLAIMS` claims or :data:`MATRIX_CHART_MAX_SOURCES` sources (too large
    to read as a picture; the report's table shows the same matrix)."""
    data = as_report_data(report)
    n_claims = len(data.claims)
    if (
        not n_claims
        or n_claims > MATRIX_CHART_MAX_CLAIMS
        or len(source_keys(data)) > MATRIX_CHART_MAX_SOURCES
    ):
        return None
    return _encode(plot_evidence_matrix(data), fmt)
