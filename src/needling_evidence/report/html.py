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
    ReportData,
    as_report_data,
    cell_text,
    checked_against,
    claim_status_counts,
    coverage_percent,
    evidence_links,
    is_missing,
    links_by_claim,
    mismatches_pairs,
    notices_text,
    report_heading,
    report_notes,
    source_keys,
    where,
)

__all__ = ["esc", "render_html"]

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


def tag(value: object, prefix: str = "s") -> str:
    return (
        f'<span class="tag {prefix}-{css_token(value)}">{esc(value)}</span>' if not is_missing(value) else ""
    )


def table(header: Sequence[str], body: Iterable[str], css_class: str = "") -> str:
    cls = f' class="{css_class}"' if css_class else ""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    return f"<table{cls}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def doi_link(doi: object) -> str:
    if is_missing(doi):
        return ""
    text = cell_text(doi)
    href = "https://doi.org/" + quote(text, safe="/")
    return f'<a href="{esc(href)}">{esc(text)}</a>'


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
    body.append("</header>")
    body.append(_gaps(data))
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


def _gaps(data: ReportData) -> str:
    gaps = data.gaps
    if not gaps:
        return _section(
            "gaps", "Gaps", "<p>No gaps: every claim is supported and every reference checks out.</p>"
        )
    body = (
        f"<tr><td>{tag(g.gap, 'g')}</td><td>{esc(g.claim_id)}</td>"
        f"<td>{esc(g.source_key)}</td><td>{esc(g.message)}</td></tr>"
        for g in gaps
    )
    return _section(
        "gaps", f"Gaps ({len(gaps)}), worst first", table(("gap", "claim", "source", "what is wrong"), body)
    )


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
        return (
            '<p class="muted">Charts need matplotlib: <code>pip install needling_evidence[plot]</code>.</p>'
        )
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
            detail = ", ".join(
                p
                for p in (
                    cell_text(link.directness),
                    f"origin {cell_text(link.origin)}" if link.origin else "",
                    f"level {cell_text(level)}" if not is_missing(level) else "",
                    cell_text(ref.design if ref is not None else None),
                    cell_text(link.assessment),
                )
                if p
            )
            sources.append(
                f"<li>{esc(key)} {tag(link.stance, 'st')} <span class='muted'>{esc(detail)}</span></li>"
            )
        reason = claim.reason
        sources_html = (
            f"<ul class='compact'>{''.join(sources)}</ul>" if sources else "<span class='muted'>none</span>"
        )
        body.append(
            f'<tr class="row-{css_token(claim.status)}"><td>{esc(claim_id)}</td>'
            f"<td>{esc(claim.text)}</td><td>{esc(claim.kind)}</td>"
            f"<td>{tag(claim.status)}<br><span class='muted'>{esc(reason)}</span></td>"
            f"<td>{sources_html}</td></tr>"
        )
    return _section(
        "claims",
        f"Claims ({len(claims)})",
        table(("claim", "text", "kind", "status and why", "sources (stance, directness, level)"), body),
    )


def _matrix(data: ReportData, charts: bool) -> str:
    claims = data.claims
    keys = source_keys(data)
    if not claims or not keys:
        return ""
    cells: dict[tuple[str, str], str] = {}
    for link in data.links:
        if link.origin == "suggestion":
            continue
        pair = (cell_text(link.claim_id), cell_text(link.source_key))
        stance = cell_text(link.stance)
        # a reviewed stance outranks the bare "mentions" of an inline citation for the same pair
        if pair not in cells or cells[pair] == "mentions":
            cells[pair] = stance
    body = []
    for claim in claims:
        claim_id = cell_text(claim.claim_id)
        row = [f'<td class="claim">{esc(claim_id)} {tag(claim.status)}</td>']
        for key in keys:
            stance = cells.get((claim_id, key), "")
            symbol = STANCE_SYMBOLS.get(stance, "?" if stance else "")
            row.append(f'<td class="cell-{css_token(stance)}" title="{esc(stance)}">{esc(symbol)}</td>')
        body.append(f"<tr>{''.join(row)}</tr>")
    legend = " · ".join(f"{esc(symbol)} {esc(stance)}" for stance, symbol in STANCE_SYMBOLS.items())
    content = f"<p class='muted'>{legend}</p>" + table(("claim", *keys), body, "matrix")
    if charts:
        picture = _chart("matrix", data, "Evidence matrix: claims × sources")
        if not picture:  # there are claims and sources here: only its size leaves the picture out
            picture = (
                f"<p class='muted'>No picture of the matrix: {len(claims)} claims × {len(keys)} sources is "
                "too large to read as one; the table above is the same matrix.</p>"
            )
        content += picture
    return _section("matrix", "Evidence matrix", content)


def _references(data: ReportData) -> str:
    references = data.references
    if not references:
        return _section("references", "References", "<p>No references.</p>")
    body = []
    for ref in references:
        diffs = mismatches_pairs(ref.mismatches)
        diff_html = (
            table(
                ("field", "ours", "Crossref"),
                (f"<tr><td>{esc(n)}</td><td>{esc(o)}</td><td>{esc(t)}</td></tr>" for n, o, t in diffs),
                "diff",
            )
            if diffs
            else ""
        )
        notices = "".join(f'<div class="notice">{esc(text)}</div>' for text in notices_text(ref.notices))
        suggested = ref.suggested_doi
        doi_html = doi_link(ref.doi)
        if not is_missing(suggested):
            doi_html += f"<br><span class='muted'>found:</span> {doi_link(suggested)}"
        level = cell_text(ref.level)
        level_reason = cell_text(ref.level_reason)
        body.append(
            f"<tr><td>{esc(ref.key)}</td>"
            # the spaces around the year stand where authors and journal were meant to go (0.1.0 output)
            f"<td>{esc(ref.title)}<br><span class='muted'> {esc(ref.year)} </span></td>"
            f"<td>{tag(ref.status)}<br>{esc(ref.message)}{diff_html}{notices}</td>"
            f"<td class='wrap'>{doi_html}</td><td>{esc(ref.design)}</td>"
            f"<td>{esc(level)}<br><span class='muted'>{esc(level_reason)}</span></td>"
            f"<td>{esc(checked_against(ref))}</td></tr>"
        )
    return _section(
        "references",
        f"References ({len(references)})",
        table(
            (
                "key",
                "work",
                "verification: status, differences, notices",
                "DOI",
                "design",
                "level",
                "checked against",
            ),
            body,
        ),
    )


def _unregistered(data: ReportData) -> str:
    items = data.unregistered
    if not items:
        return _section(
            "unregistered", "Unregistered claims", "<p>None: every claim-like sentence is registered.</p>"
        )
    body = (f"<tr><td>{esc(i.sentence_id or i.claim_id)}</td><td>{esc(i.text)}</td></tr>" for i in items)
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
        f"<tr class='suggestion'><td>{esc(i.claim_id)}</td><td>{esc(i.source_key)}</td>"
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
