"""The report renderers (text, Markdown, HTML, JSON, CSV) and charts, over a report in the to_dict() shape."""

from __future__ import annotations

import csv
import html
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
    shorten,
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
    # chys2023 is only a suggestion: no column, and sciatica (linked to nothing else) no row
    assert "chys2023" not in matrix
    assert not any("sciatica" in row for row in rows)


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
    assert (
        "**3 claims: 1 supported, 1 weak, 0 conflicting, 0 contradicted, 1 unsupported (33% supported).**"
        in text
    )


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
    assert "3 claims: 1 supported, 1 weak" in " ".join(text.split())
    assert "(33% supported)" in text


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


def test_terminal_report_lists_every_gap_once_in_groups(bundled: dict[str, Any]) -> None:
    section = _gaps_section(render_text(bundled, width=100))
    words = " ".join(section).split()
    for gap in bundled["gaps"]:
        subject = gap["claim_id"] or gap["source_key"]
        if subject:
            assert words.count(subject) == 1, subject
    headings = [line for line in section if line.startswith("* ")]
    # alike gaps share one heading: the bundled article's 65 gaps read as a handful of groups
    assert 3 <= len(headings) < len(bundled["gaps"]) / 3
    counted = 0
    for line in headings:
        found = re.search(r"— (\d+) (?:claim|reference)s?:", line)
        counted += int(found.group(1)) if found else 1
    assert counted == len(bundled["gaps"]) == bundled["summary"]["n_gaps"]


def test_terminal_gaps_show_each_claims_line_and_text_and_the_reason_once(bundled: dict[str, Any]) -> None:
    text = render_text(bundled, width=100)
    section = _gaps_section(text)
    flat_gaps = " ".join(" ".join(section).split())
    claims = {c["claim_id"]: c for c in bundled["claims"]}
    for gap in bundled["gaps"]:
        claim = claims.get(gap["claim_id"])
        if claim is None:
            continue
        row = next(line for line in section if gap["claim_id"] in line.split())
        # the line of the claim's sentence in the article comes first on its row
        assert row.split()[0] == str(claim["quote_line"])
        assert " ".join(claim["text"].split()[:4]) in row  # its text, shortened, beside it
        # a long reason is cut at a word there, saying so (issue 10's reasons say more)
        assert shorten(claim["reason"], GAP_REASON_CHARS).rstrip("…") in flat_gaps
    # one reason is said once for its whole group, not once per claim
    assert flat_gaps.count("no source is linked to it") == 1
    assert len(text.splitlines()) < 400


def test_terminal_report_opens_with_a_verdict_in_words(bundled: dict[str, Any]) -> None:
    text = render_text(bundled, width=100)
    before_gaps = " ".join(text[: text.index("Gaps (")].split())
    n = bundled["summary"]["n_claims"]
    assert f"{n} claims: " in before_gaps
    for status, count in bundled["summary"]["by_status"].items():
        assert f"{count} {status}" in before_gaps
    assert "Most serious gaps: contradicted (7 claims); unsupported (48 claims)" in before_gaps


def test_terminal_gaps_name_a_reference_once_and_say_when_a_message_is_cut() -> None:
    data = sample_report()
    data["references"][1]["label"] = "Evil et al. 2020"
    long_message = "Evil et al. 2020: could not be checked — " + "the snapshot has no record of it; " * 10
    data["gaps"].append({"gap": "unverified_reference", "source_key": "evil2020", "message": long_message})
    text = render_text(data, width=100)
    flat = " ".join(" ".join(_gaps_section(text)).split())
    assert "1 reference: could not be checked — the snapshot" in flat and "Evil et al. 2020" not in flat
    assert "evil2020" in flat.split()
    assert "… shortened here" in flat
    # the HTML gives the reason in full (its label is the key's, named beside it)
    assert html.escape(long_message.removeprefix("Evil et al. 2020: ").strip()) in render_html(data)


def test_identical_reference_gaps_make_one_group_with_what_to_do() -> None:
    data = sample_report()
    message = "could not be checked (offline: no cached Crossref answer)"
    for i in range(60):
        data["references"].append({"key": f"ref{i:02d}", "status": "unverified", "label": f"Author{i} 2020"})
        data["gaps"].append(
            {
                "gap": "unverified_reference",
                "source_key": f"ref{i:02d}",
                "message": f"Author{i} 2020: {message}",
            }
        )
    text = render_text(data, width=80)
    section = _gaps_section(text)
    flat = " ".join(" ".join(section).split())
    assert flat.count(message) == 1
    assert f"unverified reference — 60 references: {message} — run online (without --offline)" in flat
    assert all(f"ref{i:02d}" in flat.split(" ") or f"ref{i:02d}," in flat.split(" ") for i in range(60))
    assert all(len(line) <= 80 for line in text.splitlines())
    md = render_markdown(data)
    assert md.count(message) == 1 and "60 references" in md
    page = render_html(data)
    assert page.count(html.escape(message)) == 1 and "60 references" in page


def test_terminal_tables_follow_columns_and_never_split_a_status(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "64")
    text = render_text(sample_report())
    assert max(len(line) for line in text.splitlines()) <= 64
    monkeypatch.setenv("COLUMNS", "140")
    wide = render_text(sample_report())
    assert max(len(line) for line in wide.splitlines()) > 64
    data = sample_report()
    data["claims"][0]["status"] = "unsupported"
    narrow = render_text(data, width=60)
    claims_part = narrow[narrow.index("Claims (") :]
    assert "unsupported" in claims_part.split()
    assert not re.search(r"\bunsuppo\b|\bunsup\b", narrow)


def test_a_problem_read_twice_is_listed_once() -> None:
    data = sample_report()
    problem = {"code": "x.bad", "message": "bad thing", "file": "refs.bib", "line": 7}
    data["problems"] = [problem, dict(problem)]
    for out in (render_text(data, width=100), render_markdown(data), render_html(data)):
        assert out.count("refs.bib:7") == 1


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


# --- the HTML an editor forwards (issue 12 item 4, issue 14 item 3) -----------------------------------------


def _section_of(page: str, name: str) -> str:
    part = page[page.index(f'<section id="{name}"') :]
    return part[: part.index("</section>")]


def test_html_references_table_has_what_an_editor_checks_against() -> None:
    data = sample_report()
    data["references"][0].update(
        authors="Gattie E, Cleland JA, Snodgrass S",
        container_title="Journal of Orthopaedic & Sports Physical Therapy",
        volume="47",
        issue="3",
        pages="133–149",
        pmid="28158962",
    )
    refs = _section_of(render_html(data, charts=False), "references")
    text = " ".join("".join(_parse(refs).text).split())
    assert "Gattie E, Cleland JA, Snodgrass S (2017). Effectiveness." in text
    assert "Journal of Orthopaedic & Sports Physical Therapy 47(3):133–149" in text
    assert 'href="https://doi.org/10.2519/jospt.2017.7096"' in refs
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/28158962/"' in refs
    # a DOI may break only after its prefix, never inside a token
    assert "<span class='id'>10.2519/</span><wbr><span class='id'>jospt.2017.7096</span>" in refs


def test_html_inline_citations_read_cited_not_reviewed_without_directness() -> None:
    claims = _section_of(render_html(sample_report(), charts=False), "claims")
    endorphins = next(row for row in claims.split("<tr") if "endorphins" in row)
    assert "cited, not reviewed" in endorphins
    assert "direct" not in endorphins.replace("cited, not reviewed", "")
    assert "st-mentions" not in endorphins  # no stance tag: nobody judged it
    pain = next(row for row in claims.split("<tr") if "pain-relief" in row)
    assert "direct" in pain and "st-supports" in pain  # a reviewed link keeps both
    # the terminal and Markdown reports say the same
    assert "evil2020 (cited, not reviewed)" in " ".join(render_text(sample_report(), width=120).split())
    assert "evil2020 (cited, not reviewed)" in render_markdown(sample_report())


def test_html_opens_with_the_verdict_and_groups_gaps() -> None:
    page = render_html(sample_report(), charts=False)
    header = page[: page.index('<section id="gaps"')]
    assert "3 claims: 1 supported, 1 weak" in header and "Most serious gaps:" in header
    gaps = _section_of(page, "gaps")
    assert gaps.count('<h3 class="gap">') == 3 and "It treats sciatica" in gaps


def _wide_report(n_claims: int, n_refs: int, per_claim: int = 2) -> dict[str, Any]:
    claims, links, refs = [], [], []
    for j in range(n_refs):
        refs.append(
            {"key": f"ref{j:05d}", "status": "unverified", "doi": f"10.1234/x.{j}", "title": f"Work {j}"}
        )
    for i in range(n_claims):
        claims.append(
            {"claim_id": f"c{i:05d}", "text": f"Claim {i} text.", "kind": "efficacy", "status": "weak"}
        )
        for k in range(per_claim):
            key = f"ref{(i * 7 + k * 13) % max(n_refs // 10, 1):05d}"  # links reach a tenth of the sources
            links.append(
                {"claim_id": f"c{i:05d}", "source_key": key, "stance": "supports", "origin": "registry"}
            )
    return {"schema_version": 1, "summary": {}, "claims": claims, "links": links, "references": refs}


def test_html_evidence_matrix_is_sparse_and_paged_with_claim_text_on_each_page() -> None:
    from needling_evidence.report.html import MATRIX_PAGE_SOURCES

    data = _wide_report(40, 300)
    matrix = _section_of(render_html(data, charts=False), "matrix")
    linked = {link["source_key"] for link in data["links"]}
    columns = re.findall(r"<th class='id'>(ref\d+)</th>", matrix)
    assert sorted(columns) == sorted(linked)  # every linked source once, no other
    pages = matrix.count('<div class="matrix-page">')
    assert pages == -(-len(linked) // MATRIX_PAGE_SOURCES)
    for page in matrix.split('<div class="matrix-page">')[1:]:
        for claim_id in re.findall(r'<td class="claim"><span class="id">(c\d+)</span>', page):
            assert f"Claim {int(claim_id[1:])} text." in page  # its text beside it on every page
    # rows: only claims linked to one of the page's sources, so cells follow the links, not claims x sources
    cells = matrix.count('<td class="cell-')
    assert cells <= len(data["links"]) * MATRIX_PAGE_SOURCES


def test_html_size_follows_the_links_not_claims_times_sources() -> None:
    small = _wide_report(100, 1_000)
    large = _wide_report(100, 10_000)  # ten times the sources, the same links
    small_html = render_html(small, charts=False)
    large_html = render_html(large, charts=False)
    small_json, large_json = json.dumps(small), json.dumps(large)
    # ten times the references: the HTML grows as its JSON does (a dense matrix grew ten times faster)
    assert len(large_html) / len(small_html) <= 1.2 * len(large_json) / len(small_json)
    # the matrix does not grow with the unlinked sources
    assert len(_section_of(large_html, "matrix")) < 1.2 * len(_section_of(small_html, "matrix"))


# --- the clinician's tables and charts (issue 12 item 6) -----------------------------------------------


def test_abstract_sentence_is_the_one_sharing_most_words_with_the_claim() -> None:
    from needling_evidence.report.style import abstract_sentence

    abstract = (
        "Background: neck pain is common. Dry needling reduced pain intensity in adults with neck pain "
        "compared with sham at four weeks. Adverse events were minor."
    )
    found = abstract_sentence("Dry needling reduces neck pain intensity.", abstract)
    assert (
        found
        == "Dry needling reduced pain intensity in adults with neck pain compared with sham at four weeks."
    )
    assert abstract_sentence("Olympic athletes use it.", abstract) is None  # nothing shares two words
    assert abstract_sentence("anything", None) is None


def test_abstracts_of_prefers_pubmed_over_the_reference() -> None:
    from needling_evidence.model import Reference, Verification
    from needling_evidence.report.style import abstracts_of

    refs = [Reference("a", abstract="ours"), Reference("b", abstract="only ours")]
    checked = [Verification(key="a", status="verified", abstract="PubMed's")]  # type: ignore[call-arg]
    assert abstracts_of(checked, refs) == {"a": "PubMed's", "b": "only ours"}


def test_clinician_tables_show_one_missing_value_and_plain_headers() -> None:
    from needling_evidence.report.style import MISSING, claim_evidence, claims_overview, sources_overview

    data = sample_report()
    claims = claims_overview(data)
    assert list(claims.data.columns) == [
        "What the article says",
        "Kind of claim",
        "Evidence",
        "Why",
        "Best source",
    ]
    assert "3 claims: 1 supported" in (claims.caption or "")
    sources = sources_overview(data).to_html()
    assert MISSING in sources and "None" not in sources and "nan" not in sources.lower().split()
    evidence = claim_evidence(data, "endorphins").data
    assert (
        evidence.iloc[0]["What it shows"] == "cited, not reviewed"
        and evidence.iloc[0]["How directly"] == MISSING
    )


def test_charts_without_matplotlib_say_how_to_get_them(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if it were not installed
    with pytest.raises(ImportError) as raised:
        charts.plot_coverage(sample_report())
    assert str(raised.value) == "Charts need matplotlib: pip install 'needling_evidence[plot]'"
    with pytest.raises(ImportError, match=r"needling_evidence\[plot\]"):
        charts.plot_evidence_matrix(sample_report())
    page = render_html(sample_report())
    assert "Charts need matplotlib: pip install &#x27;needling_evidence[plot]&#x27;" in page


def test_statuses_and_gap_kinds_added_later_render_without_a_code_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # another part adds `conflicting` to the claim statuses and an `overstated` gap: the renderers read the
    # vocabulary (model.CLAIM_STATUSES) and the gaps as they come, with no list of their own to update
    from needling_evidence import model

    monkeypatch.setattr(
        model, "CLAIM_STATUSES", ("supported", "weak", "conflicting", "contradicted", "unsupported", "novel")
    )
    data = sample_report()
    data["claims"][2]["status"] = "novel"
    data["gaps"].insert(
        0, {"gap": "brand_new_gap", "claim_id": "pain-relief", "message": "something new about it"}
    )
    text = render_text(data, width=100)
    opening = " ".join(text[: text.index("Gaps (")].split())
    assert "1 supported, 1 weak, 0 conflicting, 0 contradicted, 0 unsupported, 1 novel" in opening
    assert "Most serious gaps: brand new gap (1 claim)" in opening
    assert "* brand new gap — 1 claim: something new about it" in text
    page = render_html(data, charts=False)
    assert "0 conflicting" in page and 'class="tag g-brand_new_gap"' in page
    assert "brand new gap" in render_markdown(data)


def test_a_claims_line_is_where_its_quote_stands_in_the_article(bundled: dict[str, Any]) -> None:
    from needling_evidence.datasets.paths import dry_needling_path

    lines = dry_needling_path("article.txt").read_text(encoding="utf-8").splitlines()
    checked = 0
    for claim in bundled["claims"]:
        if claim["quote_line"] is None:
            continue
        # the sentence starts on that line; the quote is in it or in the lines it runs on to
        nearby = " ".join(" ".join(lines[claim["quote_line"] - 1 : claim["quote_line"] + 3]).split())
        assert " ".join(claim["quote"].split()[:3]) in nearby, claim["claim_id"]
        checked += 1
    assert checked == len(bundled["claims"])
