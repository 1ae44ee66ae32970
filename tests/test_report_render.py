"""The report renderers (text, Markdown, HTML, JSON, CSV) and charts, over a report in the to_dict() shape."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from needling_evidence.report import (
    FORMATS,
    charts,
    render,
    render_csv,
    render_html,
    render_json,
    render_markdown,
)
from needling_evidence.report._data import SNAPSHOT_SENTENCE, checked_against, coverage_percent
from needling_evidence.report.markdown import MAX_MARKDOWN_CHARS
from needling_evidence.report.text import format_table, render_text
from report_sample import EVIL_TITLE, sample_report


class _Text(HTMLParser):
    """The visible text and the tags of an HTML page, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Text:
    parser = _Text()
    parser.feed(page)
    return parser


# --- HTML ---------------------------------------------------------------------------------------------------


def test_html_escapes_every_string_and_has_no_script() -> None:
    page = render_html(sample_report(), charts=False)
    parsed = _parse(page)
    assert "script" not in parsed.tags
    assert not any(name.startswith("on") for name, _ in parsed.attrs)  # no onmouseover="…" smuggled in
    text = "".join(parsed.text)
    assert EVIL_TITLE in text  # shown as text, exactly as the reference wrote it
    assert "It releases endorphins & <b>more</b>" in text
    assert 'theirs" onmouseover="x' in text
    assert "b" not in parsed.tags and "i" not in parsed.tags


def test_html_escapes_the_title_and_notes() -> None:
    page = render_html(
        sample_report(), title=EVIL_TITLE, notes=["<img src=x onerror=alert(1)>"], charts=False
    )
    parsed = _parse(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert "&lt;script&gt;" in page.split("</title>")[0]


def test_html_is_self_contained_and_puts_gaps_first() -> None:
    page = render_html(sample_report())
    parsed = _parse(page)
    assert "link" not in parsed.tags and "iframe" not in parsed.tags
    sources = [value or "" for name, value in parsed.attrs if name == "src"]
    assert sources and all(value.startswith("data:image/svg+xml;base64,") for value in sources)
    hrefs = [value or "" for name, value in parsed.attrs if name == "href"]
    assert all(value.startswith("https://doi.org/") for value in hrefs)  # links out, never loads
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "@media print" in page
    order = [
        page.index(f'<section id="{name}"') for name in ("gaps", "summary", "claims", "matrix", "references")
    ]
    assert order == sorted(order)


def test_html_shows_the_snapshot_provenance_and_verification_details() -> None:
    page = render_html(sample_report(), charts=False)
    text = " ".join("".join(_parse(page).text).split())
    assert SNAPSHOT_SENTENCE in text
    assert "bundled snapshot, not a live Crossref answer" in text
    assert "live Crossref answer; fetched 2026-11-27T10:00:00Z" in text
    assert "retraction 10.1000/notice (2021-01-01, publisher)" in text
    assert "Suggestions, not evidence" in text  # suggestions are labelled as such
    assert "It cures everything." in text  # the unregistered claim


def test_html_without_snapshot_does_not_claim_one() -> None:
    data = sample_report()
    data["references"] = [r for r in data["references"] if r["key"] != "gattie2017"]
    assert SNAPSHOT_SENTENCE not in render_html(data, charts=False)


def test_html_evidence_matrix_prefers_reviewed_stance_and_leaves_out_suggestions() -> None:
    data = sample_report()
    data["links"].append(
        {"claim_id": "pain-relief", "source_key": "gattie2017", "stance": "mentions", "origin": "citation"}
    )
    page = render_html(data, charts=False)
    matrix = page[page.index('<section id="matrix"') : page.index('<section id="references"')]
    assert matrix.count('class="cell-supports"') == 1
    assert 'class="cell-mentions"' in matrix  # evil2020's citation
    rows = re.findall(r"<tr>(.*?)</tr>", matrix)
    sciatica = next(row for row in rows if "sciatica" in row)
    assert "cell-mentions" not in sciatica  # chys2023 is only a suggestion


def test_html_unknown_status_gets_a_neutral_class() -> None:
    data = sample_report()
    data["claims"][0]["status"] = 'x" onclick="y'
    page = render_html(data, charts=False)
    assert 'class="tag s-other"' in page
    assert not any(name.startswith("on") for name, _ in _parse(page).attrs)


# --- Markdown -----------------------------------------------------------------------------------------------


def test_markdown_escapes_cells_and_keeps_tables_intact() -> None:
    text = render_markdown(sample_report())
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in text
    assert "<script>" not in text
    assert "relieves pain \\| short term" in text
    for line in text.splitlines():
        if line.startswith("| pain-relief"):
            assert len(re.findall(r"(?<!\\)\|", line)) == 7  # six cells, no extra column from the text's pipe
    assert SNAPSHOT_SENTENCE in text
    assert "**33% of 3 claim(s) supported**" in text


def test_markdown_fits_a_pull_request_comment() -> None:
    data = sample_report()
    data["claims"] = [
        {"claim_id": f"c{i}", "text": "A long claim text " * 20, "kind": "efficacy", "status": "unsupported"}
        for i in range(3000)
    ]
    data["gaps"] = [
        {"gap": "unsupported", "claim_id": f"c{i}", "source_key": None, "message": "nothing supports it " * 5}
        for i in range(3000)
    ]
    text = render_markdown(data)
    assert len(text) <= MAX_MARKDOWN_CHARS
    assert "more row(s) left out to fit" in text
    assert "### References (2)" in text and "| evil2020 |" in text  # later sections still get room


# --- JSON, CSV, text ----------------------------------------------------------------------------------------


def test_json_is_the_to_dict_content_and_valid_json() -> None:
    data = sample_report()
    data["claims"][0]["best_level"] = float("nan")
    loaded = json.loads(render_json(data))
    assert loaded["schema_version"] == "1.0"
    assert loaded["claims"][0]["best_level"] is None
    assert loaded["references"][1]["title"] == EVIL_TITLE
    assert loaded["links"] == data["links"]
    assert loaded["gaps"] == data["gaps"]


def test_csv_is_the_claims_table() -> None:
    rows = list(csv.reader(io.StringIO(render_csv(sample_report()))))
    assert rows[0][:5] == ["claim_id", "text", "kind", "status", "sources"]
    assert "reason" in rows[0]
    assert [r[0] for r in rows[1:]] == ["pain-relief", "endorphins", "sciatica"]
    assert rows[1][4] == "gattie2017 supports"
    assert rows[2][4] == "evil2020 mentions (citation)"
    assert rows[3][4] == ""  # a suggestion is not a source


def test_text_tables_fit_the_width() -> None:
    for width in (80, 120):
        text = render_text(sample_report(), width=width)
        lines = [line for line in text.splitlines() if not line.startswith("Verified against")]
        too_wide = [line for line in lines if len(line) > width]
        assert not too_wide, too_wide
    assert "33% of 3 claim(s) supported" in text


def test_format_table_wraps_prose_but_keeps_dois_whole() -> None:
    table = format_table(("key", "DOI", "text"), [["k", "10.2519/jospt.2017.7096", "word " * 40]], width=60)
    assert "10.2519/jospt.2017.7096" in table
    assert max(len(line) for line in table.splitlines()) <= 60
    assert len(table.splitlines()) > 3


def test_render_dispatch_and_errors() -> None:
    data = sample_report()
    assert set(FORMATS) == {"text", "md", "html", "json", "csv"}
    assert render(data, "json") == render_json(data)
    with pytest.raises(ValueError, match="unknown report format"):
        render(data, "pdf")
    with pytest.raises(TypeError):
        render_json(["not", "a", "report"])


def test_coverage_percent_prefers_the_summary_figure() -> None:
    data: dict[str, Any] = sample_report()
    assert coverage_percent(data) == pytest.approx(100 / 3)
    data["summary"] = {"percent_supported": 50.0}
    assert coverage_percent(data) == 50.0
    assert coverage_percent({"claims": []}) == 100.0


# --- charts -------------------------------------------------------------------------------------------------


def test_charts_draw_svg_and_png() -> None:
    data = sample_report()
    svg = charts.coverage_chart(data)
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
    assert charts.coverage_chart(data) == svg  # same report, same bytes
    png = charts.evidence_matrix_chart(data, fmt="png")
    assert png is not None and png.startswith(b"\x89PNG")
    assert charts.evidence_matrix_chart({"claims": []}) is None


def test_charts_take_dollar_signs_literally() -> None:
    data = sample_report()
    data["claims"][0]["claim_id"] = "cost-$5-$10"
    data["links"][0]["claim_id"] = "cost-$5-$10"
    fig = charts.plot_evidence_matrix(data)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "cost-$5-$10" in labels
    assert charts.evidence_matrix_chart(data) is not None


def test_matrix_figure_colours_follow_the_stances() -> None:
    fig = charts.plot_evidence_matrix(sample_report())
    mesh = fig.axes[0].images[0]
    values = mesh.get_array()
    assert values is not None
    stances = list(charts.STANCE_COLOURS)
    grid = [[stances[int(v)] for v in row] for row in values.reshape(3, 2).tolist()]
    # columns: the references; chys2023 is only a suggestion, so it is no column
    assert grid == [["supports", ""], ["", "mentions"], ["", ""]]


def test_checked_against_says_why_there_is_no_record() -> None:
    assert checked_against({"status": "not_checked", "provenance": None}) == "not checked"
    assert checked_against({"status": "unverified", "provenance": None}) == "no Crossref answer"
    assert checked_against({"status": "unverified", "verification_source": "no Crossref record"}) == (
        "no Crossref record"
    )
    snapshot = {"kind": "snapshot", "fetched": "2026-11-27", "note": "written by hand"}
    assert checked_against({"status": "verified", "provenance": snapshot}, full=False) == (
        "bundled snapshot, not a live Crossref answer; made 2026-11-27"
    )
    assert checked_against({"status": "verified", "provenance": snapshot}).endswith("; written by hand")
