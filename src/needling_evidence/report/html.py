"""The report as one self-contained HTML file.

Inline CSS, charts embedded as ``data:`` images, no scripts and no external assets: it opens offline, can be
mailed to an author and prints well. Gaps come first, because they are what an editor acts on. Every string
that came from an input or from Crossref passes through :func:`esc` (``html.escape`` with quotes),
attributes included, and a Content-Security-Policy forbids scripts as a second line of defence.
"""

from __future__ import annotations

import base64
import html
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from importlib import resources
from urllib.parse import quote

from ..rows import ReferenceRow
from ._data import (
    LINE_MEANS,
    GapGroup,
    ReportData,
    as_report_data,
    cell_text,
    checked_against,
    claim_line,
    claim_status_counts,
    claims_by_id,
    coverage_percent,
    evidence_links,
    gap_groups,
    is_missing,
    kind_words,
    links_by_claim,
    mismatches_pairs,
    notices_text,
    report_heading,
    report_notes,
    shorten,
    source_keys,
    verdict,
    where,
)

__all__ = ["esc", "render_html"]

# Sources to a page of the evidence matrix: with the claim column (half the width) and the keys written
# upwards, twelve columns fit A4 or Letter portrait.
MATRIX_PAGE_SOURCES = 12
# A claim's text in the evidence matrix is cut to this many characters (three lines of its column).
MATRIX_CLAIM_CHARS = 120

STANCE_SYMBOLS: Mapping[str, str] = {
    "supports": "✔",
    "partially_supports": "◐",
    "mentions": "○",
    "contradicts": "✖",
}


def esc(value: object) -> str:
    """Text safe in HTML content and in quoted attribute values."""
    return html.escape(cell_text(value), quote=True)


def css_token(value: object) -> str:
    """A vocabulary word as a CSS class suffix; anything else collapses to ``other``."""
    text = cell_text(value)
    return text if re.fullmatch(r"[a-z_]{1,40}", text) else "other"


def tag(value: object, prefix: str = "s", label: str | None = None) -> str:
    """A vocabulary word as a coloured tag (its class from the word; its text ``label``, default the word)."""
    if is_missing(value):
        return ""
    return f'<span class="tag {prefix}-{css_token(value)}">{esc(value if label is None else label)}</span>'


def table(header: Sequence[str], body: Iterable[str], css_class: str = "") -> str:
    cls = f' class="{css_class}"' if css_class else ""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    return f"<table{cls}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def doi_link(doi: object) -> str:
    """A DOI as a link that breaks, if it must, only after its prefix (``10.2519/`` · ``jospt.2017.7096``)."""
    if is_missing(doi):
        return ""
    text = cell_text(doi)
    href = "https://doi.org/" + quote(text, safe="/")
    prefix, slash, suffix = text.partition("/")
    shown = (
        f"<span class='id'>{esc(prefix + slash)}</span><wbr><span class='id'>{esc(suffix)}</span>"
        if slash
        else f"<span class='id'>{esc(text)}</span>"
    )
    return f'<a href="{esc(href)}">{shown}</a>'


def pmid_link(pmid: object) -> str:
    if is_missing(pmid):
        return ""
    text = cell_text(pmid)
    href = "https://pubmed.ncbi.nlm.nih.gov/" + quote(text, safe="") + "/"
    return f'<a href="{esc(href)}">PMID <span class="id">{esc(text)}</span></a>'


def render_html(
    report: object,
    *,
    title: str | None = None,
    notes: Sequence[str] | None = None,
    charts: bool = True,
) -> str:
    """The report (a ``CoverageReport`` or its ``to_dict()``) as one self-contained HTML page.

    ``notes`` (default: the report's own) are shown at the top (for example where the references were
    checked). With ``charts`` the
    coverage chart and the evidence matrix are embedded as SVG images when matplotlib is installed.
    """
    from .. import __version__

    data = as_report_data(report)
    notes = data.notes if notes is None else notes
    heading = report_heading(data, title)
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    body: list[str] = [
        f"<header><h1>{esc(heading)}</h1>",
        f'<p class="meta">needling_evidence {esc(__version__)}'
        f" · report schema {esc(data.schema_version)} · generated {esc(generated)}</p>",
    ]
    body.extend(f'<p class="banner info">{esc(note)}</p>' for note in notes)
    # what report_notes adds after the caller's notes (the snapshot warning) is styled as a warning
    body.extend(f'<p class="banner">{esc(note)}</p>' for note in report_notes(data, notes)[len(notes) :])
    groups = gap_groups(data)
    first, *rest = verdict(data, groups)
    body.append(f'<p class="verdict"><strong>{esc(first)}</strong> {esc(" ".join(rest))}</p>')
    body.append("</header>")
    body.append(_gaps(groups, len(data.gaps)))
    body.append(_summary(data, charts))
    body.append(_claims(data))
    body.append(_matrix(data, charts))
    body.append(_references(data))
    body.append(_unregistered(data))
    body.append(_suggestions(data))
    body.append(_problems(data))
    template = string.Template(resources.files(__package__).joinpath("template.html").read_text("utf-8"))
    return template.substitute(title=esc(heading), body="\n".join(body), version=esc(__version__))


def _section(section_id: str, heading: str, content: str) -> str:
    return f'<section id="{section_id}"><h2>{esc(heading)}</h2>{content}</section>'


def _gaps(groups: Sequence[GapGroup], n_gaps: int) -> str:
    """The gaps worst first, alike ones grouped: each group's kind, how many, the reason and what to do, then
    its claims (line, id, text) or its references' keys."""
    if not groups:
        return _section(
            "gaps", "Gaps", "<p>No gaps: every claim is supported and every reference checks out.</p>"
        )
    parts = []
    for group in groups:
        head = f'<h3 class="gap">{tag(group.kind, "g", kind_words(group.kind))} {esc(group.detail())}</h3>'
        if group.about_claims:
            rows = (
                f"<tr><td class='num'>{esc(claim_line(claim))}</td>"
                f"<td class='id'>{esc(gap.claim_id)}</td>"
                f"<td>{esc(claim.text if claim is not None else gap.message)}</td></tr>"
                for gap, claim in zip(group.gaps, group.claims, strict=True)
            )
            parts.append(head + table(("line", "claim", "text"), rows, "gaps"))
        else:
            keys = [g.claim_id or g.source_key for g in group.gaps if g.claim_id or g.source_key]
            listed = ", ".join(f"<span class='id'>{esc(k)}</span>" for k in keys)
            parts.append(head + (f"<p class='keys'>{listed}</p>" if keys else ""))
    note = f"<p class='muted'>{esc(LINE_MEANS)}.</p>"
    return _section("gaps", f"Gaps ({n_gaps}), worst first", note + "".join(parts))


# The summary's fields in words an editor reads (the JSON report keeps the field names).
_SUMMARY_LABELS: Mapping[str, str] = {
    "n_claims": "claims",
    "n_supported": "supported",
    "n_weak": "weak",
    "n_conflicting": "conflicting",
    "n_contradicted": "contradicted",
    "n_unsupported": "unsupported",
    "percent_supported": "% of claims supported",
    "n_references": "references",
    "n_links": "links (reviewed and inline citations)",
    "n_suggestions": "suggestions (not evidence)",
    "n_gaps": "gaps",
    "n_unregistered": "claim-like sentences in no registry claim",
    "n_problems": "problems in the inputs",
    "verification_source": "references checked against",
}


def _summary(data: ReportData, charts: bool) -> str:
    counts = claim_status_counts(data)
    total = sum(counts.values())
    parts = [
        f"<p><strong>{coverage_percent(data):.0f}% of {total} claim(s) supported.</strong> "
        + " · ".join(f"{tag(status)} {count}" for status, count in counts.items())
        + "</p>"
    ]
    summary = data.summary
    if summary:
        body = (
            f"<tr><th>{esc(_SUMMARY_LABELS.get(name, name))}</th><td>{esc(value)}</td></tr>"
            for name, value in summary.items()
            # the title heads the page; the counts per status are in the line above
            if name not in ("title", "by_status")
        )
        parts.append(f"<table class='kv'>{''.join(body)}</table>")
    if charts:
        parts.append(_chart("coverage", data, "Claims per status"))
    return _section("summary", "Summary", "".join(parts))


def _chart(kind: str, data: ReportData, caption: str) -> str:
    try:
        from . import charts
    except ImportError:  # pragma: no cover - charts.py itself imports nothing optional at module level
        return ""
    try:
        image = charts.coverage_chart(data) if kind == "coverage" else charts.evidence_matrix_chart(data)
    except ImportError:
        return f'<p class="muted">{esc(charts.NEED_MATPLOTLIB)}</p>'
    if image is None:
        return ""
    uri = "data:image/svg+xml;base64," + base64.b64encode(image).decode("ascii")
    return f'<figure><img src="{esc(uri)}" alt="{esc(caption)}"></figure>'


def _reference_index(data: ReportData) -> dict[str, ReferenceRow]:
    return {cell_text(r.key): r for r in data.references}


def _claims(data: ReportData) -> str:
    claims = data.claims
    if not claims:
        return _section("claims", "Claims", "<p>No claims.</p>")
    refs = _reference_index(data)
    by_claim = links_by_claim(data)
    body = []
    for claim in claims:
        claim_id = cell_text(claim.claim_id)
        sources = []
        for link in evidence_links(by_claim.get(claim_id, [])):
            key = cell_text(link.source_key)
            ref = refs.get(key)
            level = ref.level if ref is not None else None
            reviewed = link.origin != "citation"
            detail = ", ".join(
                p
                for p in (
                    # an inline citation records what the author pointed at: nobody judged its directness
                    cell_text(link.directness) if reviewed else "cited, not reviewed",
                    f"origin {cell_text(link.origin)}" if link.origin and reviewed else "",
                    f"level {cell_text(level)}" if not is_missing(level) else "",
                    cell_text(ref.design if ref is not None else None),
                    cell_text(link.assessment),
                )
                if p
            )
            stance = tag(link.stance, "st") if reviewed else ""
            sources.append(
                f"<li><span class='id'>{esc(key)}</span> {stance} "
                f"<span class='muted'>{esc(detail)}</span></li>"
            )
        reason = claim.reason
        sources_html = (
            f"<ul class='compact'>{''.join(sources)}</ul>" if sources else "<span class='muted'>none</span>"
        )
        body.append(
            # the id above its text: one column, so the text is not squeezed beside a long id
            f'<tr class="row-{css_token(claim.status)}"><td><span class="id">{esc(claim_id)}</span>'
            f"<br>{esc(claim.text)}</td><td>{esc(claim.kind)}</td>"
            f"<td>{tag(claim.status)}<br><span class='muted'>{esc(reason)}</span></td>"
            f"<td>{sources_html}</td></tr>"
        )
    return _section(
        "claims",
        f"Claims ({len(claims)})",
        table(("claim", "kind", "status and why", "sources (stance, directness, level)"), body, "claims"),
    )


def _matrix(data: ReportData, charts: bool) -> str:
    """The evidence matrix, sparse and in pages: only sources that carry a link, :data:`MATRIX_PAGE_SOURCES`
    to a page, and on each page only the claims linked to one of its sources, each with its text. Its size
    follows the links, not claims × sources, and every page prints on A4 or Letter."""
    claims = claims_by_id(data)
    cells: dict[tuple[str, str], str] = {}
    linked_keys: dict[str, None] = {}
    for link in data.links:
        if link.origin == "suggestion":
            continue
        pair = (cell_text(link.claim_id), cell_text(link.source_key))
        stance = cell_text(link.stance)
        linked_keys.setdefault(pair[1], None)
        # a reviewed stance outranks the bare "mentions" of an inline citation for the same pair
        if pair not in cells or cells[pair] == "mentions":
            cells[pair] = stance
    if not data.claims or not linked_keys:
        return ""
    # sources in reference-table order, then any other source a link names
    all_keys = source_keys(data)
    order = {key: i for i, key in enumerate(all_keys)}
    keys = sorted(linked_keys, key=lambda k: order.get(k, len(order)))
    claim_order = {cell_text(c.claim_id): i for i, c in enumerate(data.claims)}
    by_source: dict[str, list[str]] = {}
    for claim_id, key in cells:
        by_source.setdefault(key, []).append(claim_id)
    legend = " · ".join(f"{esc(symbol)} {esc(stance)}" for stance, symbol in STANCE_SYMBOLS.items())
    unlinked = len(all_keys) - len(keys)
    parts = [
        f"<p class='muted'>{legend}. Only sources with a link are shown"
        + (f" ({unlinked} without one left out)" if unlinked > 0 else "")
        + f"; {MATRIX_PAGE_SOURCES} sources to a page, each with the claims they bear on.</p>"
    ]
    pages = [keys[i : i + MATRIX_PAGE_SOURCES] for i in range(0, len(keys), MATRIX_PAGE_SOURCES)]
    for number, page in enumerate(pages, 1):
        ids = sorted({c for key in page for c in by_source.get(key, ())}, key=lambda c: claim_order.get(c, 0))
        rows = []
        for claim_id in ids:
            claim = claims.get(claim_id)
            status = tag(claim.status) if claim is not None else ""
            text = esc(shorten(claim.text, MATRIX_CLAIM_CHARS)) if claim is not None else ""
            row = [f'<td class="claim"><span class="id">{esc(claim_id)}</span> {status}<br>{text}</td>']
            for key in page:
                stance = cells.get((claim_id, key), "")
                symbol = STANCE_SYMBOLS.get(stance, "?" if stance else "")
                title = f' title="{esc(stance)}"' if stance else ""
                row.append(f'<td class="cell-{css_token(stance)}"{title}>{esc(symbol)}</td>')
            rows.append(f"<tr>{''.join(row)}</tr>")
        head = "".join(f"<th class='id'>{esc(key)}</th>" for key in page)
        start = (number - 1) * MATRIX_PAGE_SOURCES
        caption = f"<h3>Sources {start + 1}–{start + len(page)} of {len(keys)}</h3>" if len(pages) > 1 else ""
        parts.append(
            f'<div class="matrix-page">{caption}<table class="matrix"><thead><tr><th class="claim">claim</th>'
            f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )
    content = "".join(parts)
    if charts:
        picture = _chart("matrix", data, "Evidence matrix: claims × sources")
        if not picture:  # there are claims and sources here: only its size leaves the picture out
            picture = (
                f"<p class='muted'>No picture of the matrix: {len(data.claims)} claims × "
                f"{len(all_keys)} sources is too large to read as one; the tables above are the same "
                "matrix.</p>"
            )
        content += picture
    return _section("matrix", "Evidence matrix", content)


def _references(data: ReportData) -> str:
    """The references as an editor checks them against the article: the work (authors, year, title, journal,
    volume(issue):pages), its DOI and PMID as links, and what verification found."""
    references = data.references
    if not references:
        return _section("references", "References", "<p>No references.</p>")
    body = []
    for ref in references:
        diffs = mismatches_pairs(ref.mismatches)
        diff_html = (
            table(
                ("field", "ours", "index"),
                (f"<tr><td>{esc(n)}</td><td>{esc(o)}</td><td>{esc(t)}</td></tr>" for n, o, t in diffs),
                "diff",
            )
            if diffs
            else ""
        )
        notices = "".join(f'<div class="notice">{esc(text)}</div>' for text in notices_text(ref.notices))
        ids = [doi_link(ref.doi)] if not is_missing(ref.doi) else []
        if not is_missing(ref.suggested_doi):
            ids.append(f"<span class='muted'>found:</span> {doi_link(ref.suggested_doi)}")
        if not is_missing(ref.pmid):
            ids.append(pmid_link(ref.pmid))
        level = cell_text(ref.level)
        design = cell_text(ref.design).replace("_", " ")
        message = f"<br>{esc(ref.message)}" if ref.message else ""
        appraisal = "<br>".join(
            p
            for p in (
                esc(design),
                f"level {esc(level)}" if level else "",
                f"<span class='muted'>{esc(ref.level_reason)}</span>" if ref.level_reason else "",
            )
            if p
        )
        body.append(
            f"<tr><td class='id'>{esc(ref.key)}</td><td>{_work(ref)}</td><td>{'<br>'.join(ids)}</td>"
            f"<td>{tag(ref.status)}{message}{diff_html}{notices}</td>"
            f"<td>{appraisal}</td><td>{esc(checked_against(ref, full=False))}</td></tr>"
        )
    return _section(
        "references",
        f"References ({len(references)})",
        table(
            ("key", "work", "DOI / PMID", "verification", "design and level", "checked against"), body, "refs"
        ),
    )


def _work(ref: ReferenceRow) -> str:
    """A reference as a citation: ``Gattie E, Cleland JA (2017). Title. Journal 47(3):133–49``."""
    who = cell_text(ref.authors)
    year = cell_text(ref.year)
    head = " ".join(p for p in (esc(who), f"({esc(year)})" if year else "") if p)
    title = esc(ref.title) if not is_missing(ref.title) else "<span class='muted'>no title</span>"
    place = cell_text(ref.volume)
    if not is_missing(ref.issue):
        place += f"({cell_text(ref.issue)})"
    if not is_missing(ref.pages):
        place = f"{place}:{cell_text(ref.pages)}" if place else cell_text(ref.pages)
    where = " ".join(
        p for p in (f"<em>{esc(ref.container_title)}</em>" if ref.container_title else "", esc(place)) if p
    )
    return ". ".join(p for p in (head, title, where) if p)


def _unregistered(data: ReportData) -> str:
    items = data.unregistered
    if not items:
        return _section(
            "unregistered", "Unregistered claims", "<p>None: every claim-like sentence is registered.</p>"
        )
    body = (
        f"<tr><td class='id'>{esc(i.sentence_id or i.claim_id)}</td><td>{esc(i.text)}</td></tr>"
        for i in items
    )
    return _section(
        "unregistered",
        f"Unregistered claims ({len(items)})",
        "<p>Sentences that read like claims but are in no registry entry.</p>"
        + table(("sentence", "text"), body),
    )


def _suggestions(data: ReportData) -> str:
    items = data.suggestions
    if not items:
        return ""
    body = (
        f"<tr class='suggestion'><td class='id'>{esc(i.claim_id)}</td><td class='id'>{esc(i.source_key)}</td>"
        f"<td>{esc(i.title)}</td><td class='num'>{esc(_score(i.score))}</td>"
        f"<td>{esc(i.shared_terms or i.rationale)}</td></tr>"
        for i in items
    )
    return _section(
        "suggestions",
        f"Suggestions ({len(items)})",
        "<p><strong>Suggestions, not evidence:</strong> sources that look related to claims that are not "
        "supported, ranked by text similarity. Nobody has reviewed them; they never count as support.</p>"
        + table(("claim", "source", "title", "similarity", "shared terms"), body),
    )


def _score(value: object) -> str:
    return f"{value:.2f}" if isinstance(value, float) else cell_text(value)


def _problems(data: ReportData) -> str:
    items = data.problems
    if not items:
        return ""
    body = (
        f"<tr><td>{esc(p.severity)}</td><td>{esc(where(p))}</td><td>{esc(p.message)}</td>"
        f"<td>{esc(p.code)}</td></tr>"
        for p in items
    )
    return _section(
        "problems",
        f"Problems in the inputs ({len(items)})",
        table(("severity", "where", "problem", "code"), body),
    )
