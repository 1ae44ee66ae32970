"""Styled DataFrame views for notebooks: the claims and references tables coloured by status.

pandas' ``Styler`` renders through jinja2 (a dependency of this package for that reason). The colours are
the HTML report's, so a notebook and a report read the same way. Cell text is escaped as HTML
(``escape="html"``): a reference title from Crossref or a .bib shows as text in Jupyter, never as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .charts import STATUS_COLOURS

if TYPE_CHECKING:
    import pandas as pd
    from pandas.io.formats.style import Styler

__all__ = [
    "MISSING",
    "REFERENCE_STATUS_COLOURS",
    "abstract_sentence",
    "abstracts_of",
    "claim_evidence",
    "claims_overview",
    "gaps_overview",
    "sources_overview",
    "styled_claims",
    "styled_references",
]

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


# --- tables a clinician reads without code -------------------------------------------------------------

# The one way a missing value is shown in the clinician's tables (pandas would mix None, NaN and <NA>).
MISSING = "—"
# An abstract sentence is shown for a claim only when it shares at least this many content words with it:
# one shared word ("pain") is chance in this field.
MIN_SHARED_WORDS = 2
# Words too common in health writing to tell one sentence from another.
_STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "by",
        "can",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "than",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "which",
        "with",
        "not",
        "no",
        "may",
        "more",
        "most",
        "other",
        "after",
        "before",
        "into",
        "over",
        "under",
        "between",
        "both",
    }
)
# Verification statuses in plain words for the clinician's tables.
_CHECKED_WORDS: Mapping[str, str] = {
    "verified": "checked: matches its record",
    "mismatch": "checked: the record differs",
    "not_found": "DOI not found",
    "not_crossref": "DOI not registered with Crossref",
    "malformed_doi": "the DOI is not valid",
    "no_doi": "no DOI found",
    "doi_found": "a DOI was found for it",
    "pmid_found": "a PubMed record was found",
    "unverified": "could not be checked",
    "not_checked": "not checked",
}


def _words(value: object) -> str:
    from ._data import cell_text

    text = cell_text(value).replace("_", " ")
    return text if text else MISSING


def _table(rows: list[dict[str, object]], caption: str, colour_column: str | None) -> Styler:
    import pandas as pd

    frame = pd.DataFrame(rows)
    styler = frame.style.format(na_rep=MISSING, escape="html").hide(axis="index").set_caption(caption)
    if colour_column and colour_column in frame.columns:
        colours = {_words(k): v for k, v in {**STATUS_COLOURS, **REFERENCE_STATUS_COLOURS}.items()}
        styler = styler.map(_colour(colours), subset=[colour_column])  # type: ignore[arg-type]
    return styler.set_table_styles(
        [
            {
                "selector": "caption",
                "props": [
                    ("caption-side", "top"),
                    ("text-align", "left"),
                    ("font-size", "1.05em"),
                    ("padding", ".4em 0"),
                ],
            },
            {
                "selector": "td",
                "props": [("text-align", "left"), ("vertical-align", "top"), ("max-width", "32em")],
            },
            {"selector": "th", "props": [("text-align", "left")]},
        ]
    )


def claims_overview(report: object) -> Styler:
    """Every claim in plain words: what the article says, the kind of claim, how well the evidence backs it
    and why, and its best source. Above it, the verdict in a sentence or two."""
    from ._data import as_report_data, references_by_key, verdict

    data = as_report_data(report)
    refs = references_by_key(data)
    rows: list[dict[str, object]] = []
    for claim in data.claims:
        best = refs.get(claim.best_source or "")
        rows.append(
            {
                "What the article says": claim.text,
                "Kind of claim": _words(claim.kind),
                "Evidence": _words(claim.status),
                "Why": _words(claim.reason),
                "Best source": (best.label or best.key)
                if best is not None
                else (claim.best_source or MISSING),
            }
        )
    return _table(rows, " ".join(verdict(data)), "Evidence")


def sources_overview(report: object) -> Styler:
    """The cited works: who and when, the title and journal, what kind of study, its level of evidence and
    whether its identity was checked."""
    from ._data import as_report_data

    data = as_report_data(report)
    rows: list[dict[str, object]] = []
    for ref in data.references:
        rows.append(
            {
                "Source": ref.label or ref.key,
                "Title": _words(ref.title),
                "Journal": _words(ref.container_title),
                "Kind of study": _words(ref.design),
                "Level of evidence": _words(ref.level),
                "Checked": _CHECKED_WORDS.get(str(ref.status), _words(ref.status)),
            }
        )
    levels = [r.level for r in data.references if r.level is not None]
    strongest = f"; the strongest is level {min(levels)} (1 is strongest)" if levels else ""
    checked = sum(1 for r in data.references if r.status == "verified")
    caption = f"{len(rows)} cited works, {checked} matching their published record{strongest}."
    return _table(rows, caption, "Checked")


def abstract_sentence(claim_text: str, abstract: str | None) -> str | None:
    """The sentence of ``abstract`` that shares the most content words with the claim (at least
    :data:`MIN_SHARED_WORDS`), or None: a pointer to read, chosen by shared words, not a judgement."""
    import re

    if not abstract:
        return None

    def content(text: str) -> set[str]:
        return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP_WORDS and len(w) > 2}

    wanted = content(claim_text)
    best, best_shared = None, MIN_SHARED_WORDS - 1
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z(])", " ".join(abstract.split())):
        shared = len(wanted & content(sentence))
        if shared > best_shared:
            best, best_shared = sentence, shared
    return best


def claim_evidence(
    report: object,
    claim: str,
    *,
    registry: Iterable[object] = (),
    abstracts: Mapping[str, str | None] | None = None,
) -> Styler:
    """One claim's sources (``claim``: its id, or a word of its text: the first claim containing it): the
    stance each takes, how directly, the kind of study, its level, the certainty the reviewer gave, whether
    the work was checked, and the sentence of its abstract that bears on the claim when an abstract is known.

    ``registry`` (a :class:`~needling_evidence.ClaimRegistry` or claims) supplies the certainty of each
    reviewed finding; ``abstracts`` maps a source key to its abstract (``Verification.abstract`` from PubMed,
    or ``Reference.abstract``; see :func:`abstracts_of`)."""
    from ._data import as_report_data, cell_text, evidence_links, links_by_claim, references_by_key

    data = as_report_data(report)
    chosen = next((c for c in data.claims if c.claim_id == claim), None) or next(
        (c for c in data.claims if claim.lower() in cell_text(c.text).lower()), None
    )
    if chosen is None:
        raise KeyError(f"no claim with the id or the words {claim!r}")
    refs = references_by_key(data)
    certainty: dict[str, str] = {}
    for entry in registry:
        if getattr(entry, "id", None) == chosen.claim_id:
            for link in getattr(entry, "links", ()):
                if getattr(link, "certainty", None):
                    certainty[link.source] = link.certainty
    rows: list[dict[str, object]] = []
    for link in evidence_links(links_by_claim(data).get(chosen.claim_id, [])):
        ref = refs.get(link.source_key)
        reviewed = link.origin != "citation"
        found = abstract_sentence(chosen.text, (abstracts or {}).get(link.source_key))
        rows.append(
            {
                "Source": (ref.label or ref.key) if ref is not None else link.source_key,
                "What it shows": _words(link.stance) if reviewed else "cited, not reviewed",
                "How directly": _words(link.directness) if reviewed else MISSING,
                "Kind of study": _words(ref.design if ref is not None else None),
                "Level": _words(ref.level if ref is not None else None),
                "Certainty": _words(getattr(link, "certainty", None) or certainty.get(link.source_key)),
                "Checked": _CHECKED_WORDS.get(str(ref.status), _words(ref.status))
                if ref is not None
                else MISSING,
                "From the abstract": found
                or (
                    "no abstract known"
                    if not (abstracts or {}).get(link.source_key)
                    else "no sentence shares its words"
                ),
            }
        )
    caption = f"“{chosen.text}” — {_words(chosen.status)}: {_words(chosen.reason)}."
    if not rows:
        caption += " No source is linked to it."
    return _table(rows, caption, None)


def abstracts_of(verifications: Iterable[object] = (), references: Iterable[object] = ()) -> dict[str, str]:
    """Each source's abstract by key: PubMed's (``Verification.abstract``) first, else the reference's own."""
    out: dict[str, str] = {}
    for item in [*references, *verifications]:  # PubMed's, read last, wins
        text = getattr(item, "abstract", None)
        if text:
            out[str(getattr(item, "key", ""))] = text
    return out


def gaps_overview(report: object, *, examples: int = 3) -> Styler:
    """The gaps as an editor would fix them, worst first, alike ones together: what is wrong, how many claims
    or works it concerns, what to do, and a few of them by name."""
    from ._data import as_report_data, cell_text, gap_groups, kind_words

    data = as_report_data(report)
    rows: list[dict[str, object]] = []
    for group in gap_groups(data):
        names = [
            cell_text(claim.text) if claim is not None else cell_text(gap.source_key or gap.claim_id)
            for gap, claim in zip(group.gaps, group.claims, strict=True)
        ]
        shown = " · ".join(n for n in names[:examples] if n)
        more = f" … and {len(names) - examples} more" if len(names) > examples else ""
        rows.append(
            {
                "Problem": kind_words(group.kind),
                "Why": group.reason or MISSING,
                "How many": group.subject(),
                "What to do": group.advice or MISSING,
                "For example": (shown + more) or MISSING,
            }
        )
    caption = f"{len(data.gaps)} gaps in {len(rows)} groups, the most serious first."
    return _table(rows, caption, None)
