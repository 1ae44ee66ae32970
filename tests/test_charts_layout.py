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
