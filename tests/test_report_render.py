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
from needling_evidence.report._data import (
    SNAPSHOT_SENTENCE,
    checked_against,
    checked_against_short,
    coverage_percent,
    provenance_short,
)
from needling_evidence.report.markdown import MAX_MARKDOWN_CHARS
from needling_evidence.report.text import GAP_REASON_CHARS, format_table, render_text
from needling_evidence.rows import ProvenanceDict, ReferenceRow
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
    assert checked_against(ReferenceRow("k", "not_checked")) == "not checked"
    assert checked_against(ReferenceRow("k", "unverified")) == "no Crossref answer"
    assert checked_against(ReferenceRow("k", "unverified", verification_source="no Crossref record")) == (
        "no Crossref record"
    )
    snapshot: ProvenanceDict = {
        "kind": "snapshot",
        "fetched": "2026-11-27",
        "note": "written by hand",
        "base_url": None,
    }
    assert checked_against(ReferenceRow("k", "verified", provenance=snapshot), full=False) == (
        "bundled snapshot, not a live Crossref answer; made 2026-11-27"
    )
    assert checked_against(ReferenceRow("k", "verified", provenance=snapshot)).endswith("; written by hand")


# --- the terminal summary -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> dict[str, Any]:
    """The bundled article's report (verified offline against the bundled snapshot), as JSON data."""
    from needling_evidence import commands

    data: dict[str, Any] = json.loads(commands.run_report(fmt="json").text)
    return data


def _gaps_section(text: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Gaps ("))
    end = next(i for i, line in enumerate(lines) if line.startswith("Claims ("))
    return lines[start + 1 : end]


@pytest.mark.parametrize("width", [80, 100, 120])
def test_terminal_report_keeps_every_doi_and_key_whole_and_fits(bundled: dict[str, Any], width: int) -> None:
    text = render_text(bundled, width=width)
    words = set(text.split())
    for reference in bundled["references"]:
        assert reference["key"] in words
        if reference["doi"]:
            assert reference["doi"] in words, (width, reference["doi"])
    assert all(len(line) <= width for line in text.splitlines())


def test_terminal_report_breaks_no_doi_mid_word_at_width_100() -> None:
    data = sample_report()
    long_doi = "10.1016/j.apmr.2012.11.024.supplement-a"  # longer than MAX_WORD_WIDTH
    data["references"][0]["doi"] = long_doi
    data["references"][0]["design"] = "systematic_review_of_randomised_trials"
    text = render_text(data, width=100)
    assert long_doi in text.split()
    assert "10.1000/xyz" in text.split()


def test_format_table_keeps_whole_columns_whole_past_the_word_limit() -> None:
    doi = "10.1016/j.apmr.2012.11.024.supplement-a"
    table = format_table(("DOI", "note"), [[doi, "supercalifragilisticexpialidocious " * 3]], 50, whole=(0,))
    assert doi in table.split()
    assert max(len(line) for line in table.splitlines()) <= 50


def test_terminal_report_lists_every_gap_on_its_own_row(bundled: dict[str, Any]) -> None:
    section = _gaps_section(render_text(bundled, width=100))
    header = section[0]
    subject_at, reason_at = header.index("claim / source"), header.index("why")
    rows_ = [line for line in section[2:] if line[subject_at:reason_at].strip() and not line.startswith("…")]
    expected = [g["claim_id"] or g["source_key"] or "(article)" for g in bundled["gaps"]]
    assert [line[subject_at:reason_at].strip() for line in rows_] == expected
    assert len(rows_) == len(bundled["gaps"]) == bundled["summary"]["n_gaps"]


def test_terminal_gaps_give_the_reason_without_repeating_the_claim(bundled: dict[str, Any]) -> None:
    text = render_text(bundled, width=100)
    flat_gaps = " ".join(" ".join(_gaps_section(text)).split())
    claims = {c["claim_id"]: c for c in bundled["claims"]}
    for gap in bundled["gaps"]:
        claim = claims.get(gap["claim_id"])
        if claim is None:
            continue
        assert claim["text"] not in flat_gaps  # the claims table shows it, once
        # a reason longer than the terminal's limit is cut there (issue 10's reasons say more: certainty, …)
        reason = " ".join(claim["reason"].split())
        if len(reason) > GAP_REASON_CHARS:
            reason = reason[: GAP_REASON_CHARS - 1].rstrip()
        assert reason in flat_gaps
        assert " ".join(text.split()).count(claim["text"]) == 1
    # the bundled article's 65 gaps took ~640 lines at this width; since issue 10 it has 7 contradicted
    # claims whose reasons name several outside works, so a little more
    assert len(text.splitlines()) < 330


def test_terminal_gaps_name_a_reference_once_and_say_when_a_message_is_cut() -> None:
    data = sample_report()
    data["references"][1]["label"] = "Evil et al. 2020"
    long_message = "Evil et al. 2020: could not be checked — " + "the snapshot has no record of it; " * 10
    data["gaps"].append({"gap": "unverified_reference", "source_key": "evil2020", "message": long_message})
    text = render_text(data, width=100)
    flat = " ".join(" ".join(_gaps_section(text)).split())
    assert "evil2020 could not be checked" in flat and "Evil et al. 2020" not in flat
    assert "… shortened here" in flat
    assert long_message in render_html(data)


def test_terminal_references_show_provenance_in_a_few_words() -> None:
    text = render_text(sample_report(), width=100)
    flat = " ".join(text.split())
    assert "snapshot (written from the published record)" in flat
    assert "live 2026-11-27" in flat and "T10:00:00Z" not in flat


def _provenance(kind: str, fetched: str | None, note: str | None = None) -> ProvenanceDict:
    return {"kind": kind, "fetched": fetched, "note": note, "base_url": None}


def test_provenance_short() -> None:
    assert provenance_short(_provenance("live", "2026-11-27T17:58:00Z")) == "live 2026-11-27"
    assert provenance_short(_provenance("cache", "2026-11-20T08:00:00+00:00")) == "cache 2026-11-20"
    assert provenance_short(_provenance("cache", None)) == "cache"
    written = _provenance("snapshot", "2026-11-27", "Written by hand from the published record")
    assert provenance_short(written) == "snapshot (written from the published record)"
    assert provenance_short(_provenance("snapshot", "2026-11-27", "a Crossref dump")) == "snapshot 2026-11-27"
    assert provenance_short(None) == "no Crossref answer"
    assert checked_against_short(ReferenceRow("k", "not_checked")) == "not checked"
