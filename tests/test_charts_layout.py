"""The evidence matrix as a clinician sees it: the legend must not cover the title, whatever the number of
sources (a narrow grid of three sources with long claim ids once put the legend over the end of the title)."""

from __future__ import annotations

import pytest

from needling_evidence.report import charts
from report_sample import sample_report


@pytest.mark.parametrize("n_sources", [1, 3, 12])
def test_evidence_matrix_legend_does_not_cover_the_title(n_sources: int) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    data = sample_report()
    keys = [f"source{j}" for j in range(n_sources)]
    data["references"] = [{"key": key, "status": "verified"} for key in keys]
    data["claims"] = [
        {"claim_id": f"condition-migraines-headaches-{i}", "text": "x", "status": "weak"} for i in range(20)
    ]
    data["links"] = [
        {
            "claim_id": f"condition-migraines-headaches-{i}",
            "source_key": keys[i % n_sources],
            "stance": "mentions",
            "origin": "registry",
        }
        for i in range(20)
    ]
    fig = charts.plot_evidence_matrix(data)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    (ax,) = fig.axes
    title = ax.title.get_window_extent(renderer)
    legends = [*fig.legends, *([ax.get_legend()] if ax.get_legend() else [])]
    assert legends
    for legend in legends:
        box = legend.get_window_extent(renderer)
        assert not title.overlaps(box), (title, box)
        # and the legend is inside the figure
        assert box.x1 <= fig.bbox.x1 + 1 and box.y1 <= fig.bbox.y1 + 1


def test_a_matrix_too_large_to_read_is_not_drawn_in_the_html_report() -> None:
    from needling_evidence.report import render_html

    data = sample_report()
    keys = [f"source{j}" for j in range(charts.MATRIX_CHART_MAX_SOURCES + 1)]
    data["references"] = [{"key": key, "status": "verified"} for key in keys]
    data["claims"] = [{"claim_id": f"c{i}", "text": "x", "status": "weak"} for i in range(10)]
    data["links"] = [
        {"claim_id": f"c{i}", "source_key": keys[i], "stance": "mentions", "origin": "registry"}
        for i in range(10)
    ]
    assert charts.evidence_matrix_chart(data) is None
    page = render_html(data)
    matrix = page[page.index('<section id="matrix"') :]
    matrix = matrix[: matrix.index("</section>")]
    assert "<img" not in matrix and f"10 claims × {len(keys)} sources is too large" in matrix
    # within the limits the picture is drawn
    data["references"] = data["references"][: charts.MATRIX_CHART_MAX_SOURCES]
    data["links"] = data["links"][:5]
    assert charts.evidence_matrix_chart(data) is not None
