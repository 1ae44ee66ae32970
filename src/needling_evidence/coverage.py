"""Coverage: the evidence map of an article — every claim, the sources linked to it, a status with its reason,
and the gaps an editor must fix, worst first.

Coverage rules
==============

Each claim gets one status, decided from its links in this order (the first that applies):

``supported``
    at least one reviewed link (``origin="registry"``) with stance ``supports``, directness ``direct``, from a
    source that is among the references, is not retracted or withdrawn and did not fail verification, could be
    checked (status not ``unverified``), and whose evidence level fits the claim's kind (:data:`KIND_RULES`):
    ``efficacy`` and ``safety`` claims (benefits and harms) need trial-level evidence, Oxford CEBM 2011 level
    1–2 (a randomised trial or a systematic review of trials); ``experience`` claims (what patients feel)
    level 1–3; ``mechanism`` and ``etiology`` claims may rest on mechanism studies and reviews (any level) but
    not on opinion (a book review, an editorial); ``other`` (definitional) claims accept any source.
``contradicted``
    no link makes it ``supported``, and a usable reviewed link has stance ``contradicts``.
``weak``
    some usable reviewed support, but only ``partially_supports``, ``indirect``, at a level that does not fit
    the kind (mechanism-level for a benefit claim), of unknown level where the kind needs a level, from an
    opinion source (book review, editorial) for any kind but ``other``, or from a source that could not be
    checked (``unverified``); or a claim whose only links are inline citations, which are not reviewed (reason
    "cited, not reviewed").
``unsupported``
    everything else: no links, only ``mentions``, or support only from excluded sources.

Sources are excluded (never support, never contradict) when their verification failed — status ``mismatch``
(the DOI's record names another work), ``not_found`` or ``malformed_doi`` — or when they carry a retraction or
withdrawal notice. With no verification run (``verifications=None``) every reference is ``not_checked``, as is
any reference the verifications do not cover; that is shown, and does not by itself weaken a claim. A link
whose reviewer marked ``confidence: unconfirmed`` still counts; its assessment says so. The evidence level is
the verification's, or else read from the reference alone
(:func:`needling_evidence.crossref.design.classify_design`).

An inline citation in the article (``Article.citations``) becomes a link with ``origin="citation"`` and stance
``mentions`` for the claims anchored in that sentence: it records what the author pointed at, not what the
source shows. A suggestion (``origin="suggestion"``, see :mod:`needling_evidence.suggest`) is never support.

Gaps (:data:`GAP_ORDER`, worst first; within one kind of gap by the claim's :data:`KIND_RISK`, then in the
order the claims were given; gaps about references follow the references' order): ``contradicted``,
``retracted`` (a source with a retraction/withdrawal notice), ``failed_verification``, ``unsupported``,
``unknown_source`` (a link to a key that is not a reference), ``harms_unstated`` (the article claims benefits
but no claim about harms is supported), ``weak``, ``unregistered`` (a check-worthy sentence from
:func:`~needling_evidence.draft_claims` that no claim quotes), ``notice`` (a correction or expression of
concern), ``metadata_differs`` (Crossref has the work, but some fields differ), ``unverified_reference``
(could not be checked), ``uncited_reference`` (no claim uses it).

Tables (DataFrames, built on first access; ``to_dict()`` gives the same rows without pandas)
===========================================================================================

``claims`` — one row per claim: ``claim_id`` (str), ``text`` (str), ``kind`` (str), ``status`` (str),
``reason`` (str), ``best_source`` (str or None), ``best_stance`` (str or None), ``best_level`` (Int64,
nullable), ``n_links`` (int: registry + citation links), ``n_supporting`` (int: usable
``supports``/``partially_supports`` links), ``sentence_id`` (str or None), ``quote``, ``condition``,
``population`` (str or None), ``line`` (Int64).

``links`` — one row per link (reviewed, inline citation or suggestion, so a source cited inline and also
reviewed has two rows for the claim): ``claim_id``, ``source_key``, ``stance``, ``directness``, ``origin``
(str), ``rationale``, ``location``, ``confidence``, ``reviewer``, ``reviewed`` (str or None), ``level``
(Int64), ``counts`` (bool: whether it was weighed for the status), ``assessment`` (str: how it was weighed),
``score`` (float, suggestions only).

``references`` — one row per reference, input order: ``key``, ``status`` (a reference status or
``not_checked``), ``doi``, ``title`` (str or None), ``year`` (Int64), ``label``, ``type``, ``design`` (str or
None), ``level`` (Int64), ``level_reason`` (str), ``suggested_doi``, ``mismatches`` (dict field → [ours,
Crossref's]), ``notices`` (list of dicts: kind, doi, date, source), ``retracted`` (bool), ``provenance``
(dict: kind, fetched, note, base_url — or None), ``verification_source`` (str), ``message`` (str),
``n_claims`` (int: claims linking it), ``n_supported_claims`` (int: claims it supports or partially supports).

``gaps`` — worst first: ``gap`` (str), ``severity`` (``error``/``warning``), ``claim_id`` (str or None),
``source_key`` (str or None), ``message`` (str).

``suggestions`` — ``claim_id``, ``rank`` (int), ``source_key``, ``score`` (float), ``label``, ``title``,
``year`` (Int64), ``in_library`` (bool), ``shared_terms`` (str), ``level`` (Int64), ``rationale`` (str),
``origin`` (``suggestion``).

``unregistered`` — check-worthy sentences no claim quotes: ``claim_id`` (the drafted claim's id),
``sentence_id``, ``text``, ``quote``, ``kind`` (str or None).

``problems`` (``to_dict()`` only; ``report.problems`` holds the records) — ``code``, ``severity``,
``message``, ``file``, ``line``, ``key``, ``field``.

``summary`` — ``n_claims``, ``n_supported``, ``n_weak``, ``n_contradicted``, ``n_unsupported``, ``by_status``
(dict), ``percent_supported`` (float; 100.0 when there are no claims), ``n_references``, ``n_links``
(registry and citation links), ``n_suggestions``, ``n_gaps``, ``n_unregistered``, ``n_problems``,
``verification_source`` (str), ``title``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import StrictError
from .identity import first_author_key, title_key
from .model import (
    CLAIM_STATUSES,
    DIRECTNESS,
    STANCES,
    Article,
    Claim,
    EvidenceLink,
    Problem,
    Reference,
    Verification,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "EXCLUDING_STATUSES",
    "GAP_ORDER",
    "KIND_RISK",
    "KIND_RULES",
    "OPINION_DESIGNS",
    "SCHEMA_VERSION",
    "CoverageReport",
    "coverage_report",
]

# A verification message that already says the reference could not be checked is not prefixed again.
_SAYS_UNCHECKED = re.compile(r"\s*(?:could not be checked|unverified)\b", re.IGNORECASE)

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class KindRule:
    """What evidence a claim kind needs to be ``supported``."""

    max_level: int | None  # highest (worst) Oxford CEBM 2011 level that fits; None: any level, even unknown
    opinion_fits: bool  # whether an opinion source (book review, editorial) can carry it
    why: str


# Oxford CEBM 2011 ("Does this intervention help?" and "What are the common harms?"): levels 1–2 are
# systematic reviews of randomised trials and individual randomised trials; level 3 cohort / follow-up
# studies, which is what "how common is it" questions about patients' experience rest on; level 5
# mechanism-based reasoning.
KIND_RULES: Mapping[str, KindRule] = {
    "efficacy": KindRule(2, False, "a benefit claim needs trial-level evidence (CEBM 2011 level 1–2)"),
    "safety": KindRule(2, False, "a harms claim needs trial-level evidence (CEBM 2011 level 1–2)"),
    "experience": KindRule(3, False, "a claim about what patients feel needs level 1–3 evidence (CEBM 2011)"),
    "mechanism": KindRule(None, False, "a mechanism claim may rest on mechanism studies, not on opinion"),
    "etiology": KindRule(None, False, "a claim about causes may rest on mechanism studies, not on opinion"),
    "other": KindRule(None, True, "a descriptive claim may rest on any source"),
}
# Designs (from crossref.design) that report opinion rather than evidence.
OPINION_DESIGNS = frozenset({"book_review", "editorial"})
# Verification statuses that exclude a source from the evidence (the DOI names another work, is unknown, or is
# not a DOI at all). "unverified" (the check could not run) only weakens.
EXCLUDING_STATUSES = frozenset({"mismatch", "not_found", "malformed_doi"})
NOT_CHECKED = "not_checked"

# gap → (rank, severity). Worst first: a claim the evidence contradicts, then sources that cannot be trusted,
# then claims with no support, then weaker findings, then bookkeeping.
GAP_ORDER: Mapping[str, tuple[int, str]] = {
    "contradicted": (0, "error"),
    "retracted": (1, "error"),
    "failed_verification": (2, "error"),
    "unsupported": (3, "error"),
    "unknown_source": (4, "error"),
    "harms_unstated": (5, "warning"),
    "weak": (6, "warning"),
    "unregistered": (7, "warning"),
    "notice": (8, "warning"),
    "metadata_differs": (9, "warning"),
    "unverified_reference": (10, "warning"),
    "uncited_reference": (11, "warning"),
}
# Within one kind of gap, claims a reader could act on come first: an unbacked promise about harms or benefits
# can mislead a patient's decision; a claim about popularity or history cannot. Then article order.
KIND_RISK: Mapping[str, int] = {
    "safety": 0,
    "efficacy": 1,
    "etiology": 2,
    "mechanism": 3,
    "experience": 4,
    "other": 5,
}
_SUPPORTING = ("supports", "partially_supports")


@dataclass(frozen=True)
class _SourceInfo:
    ref: Reference
    verification: Verification | None
    design: str | None
    level: int | None
    level_reason: str

    @property
    def status(self) -> str:
        return self.verification.status if self.verification is not None else NOT_CHECKED

    @property
    def excluded_because(self) -> str | None:
        """Why the source cannot count, without its label (the caller names it once), or None."""
        v = self.verification
        if v is None:
            return None
        if v.retracted:
            kinds = sorted({n.kind for n in v.notices if n.kind in ("retraction", "withdrawal")})
            return f"carries a {' and '.join(kinds)} notice"
        if v.status in EXCLUDING_STATUSES:
            return f"failed verification ({v.status})"
        return None


@dataclass(frozen=True)
class _Weighed:
    link: EvidenceLink
    counts: bool
    full: bool  # makes the claim supported
    assessment: str
    level: int | None
    rank: int  # lower is stronger, for best_source


def _title_words(title: str | None) -> str:
    return title_key(title)


def _citation_key_map(
    own: Iterable[Reference], used: Sequence[Reference], by_key: Mapping[str, Any]
) -> dict[str, str]:
    """Article reference key → key of the same work in ``used``, for the article's references whose key is
    not in ``used``: same DOI, else same title (case, accents and punctuation aside), else the only work with
    the same first author (particles and accents aside) and year. A work with no match keeps its key (and its
    citations show as unknown sources)."""
    mapping: dict[str, str] = {}
    missing = [ref for ref in own if ref.key not in by_key]
    if not missing:
        return mapping
    by_doi = {ref.doi: ref.key for ref in used if ref.doi}
    by_title = {_title_words(ref.title): ref.key for ref in used if _title_words(ref.title)}
    by_author_year: dict[tuple[str, int], list[str]] = {}
    for ref in used:
        family = first_author_key(ref)
        if family and ref.year is not None:
            by_author_year.setdefault((family, ref.year), []).append(ref.key)
    for ref in missing:
        family = first_author_key(ref)
        same_author = by_author_year.get((family, ref.year), []) if family and ref.year else []
        match = (
            (by_doi.get(ref.doi) if ref.doi else None)
            or by_title.get(_title_words(ref.title))
            or (same_author[0] if len(same_author) == 1 else None)
        )
        if match is not None:
            mapping[ref.key] = match
    return mapping


def _level_text(level: int | None) -> str:
    return f"level {level}" if level is not None else "level unknown"


def _weigh(claim: Claim, link: EvidenceLink, info: _SourceInfo | None) -> _Weighed:
    if link.origin == "citation":
        return _Weighed(link, False, False, "cited inline, not reviewed", info.level if info else None, 6)
    if link.origin == "suggestion":
        return _Weighed(link, False, False, "suggestion, never support", info.level if info else None, 9)
    if info is None:
        return _Weighed(link, False, False, f"{link.source!r} is not among the references", None, 8)
    excluded = info.excluded_because
    if excluded:
        return _Weighed(link, False, False, f"excluded: {info.ref.label} {excluded}", info.level, 7)
    if link.stance not in STANCES or link.directness not in DIRECTNESS:
        # Claims built in code are not validated on the way in; an unknown word must not pass for support.
        return _Weighed(
            link,
            False,
            False,
            f"not weighed: unknown stance or directness {link.stance!r}/{link.directness!r}",
            info.level,
            8,
        )
    label = info.ref.label
    if link.stance == "contradicts":
        return _Weighed(link, True, False, f"{label} contradicts it ({link.directness})", info.level, 3)
    if link.stance == "mentions":
        return _Weighed(link, True, False, f"{label} only mentions it", info.level, 5)
    rule = KIND_RULES.get(claim.kind, KIND_RULES["efficacy"])  # an unknown kind gets the strictest rule
    shortfalls: list[str] = []
    if link.stance == "partially_supports":
        shortfalls.append("only partially")
    if link.directness == "indirect":
        shortfalls.append("indirectly")
    if info.design in OPINION_DESIGNS and not rule.opinion_fits:
        shortfalls.append(f"as opinion ({info.design.replace('_', ' ')})")
    elif rule.max_level is not None:
        if info.level is None:
            shortfalls.append(f"at an unknown evidence level ({rule.why})")
        elif info.level > rule.max_level:
            shortfalls.append(f"at level {info.level} ({rule.why})")
    if info.status == "unverified":
        shortfalls.append("from a source that could not be checked (unverified)")
    if link.confidence and link.confidence.strip().casefold() == "unconfirmed":
        # The reviewer says the stance rests on something not checked against the full text; it still counts,
        # and the assessment says so.
        shortfalls_note = "; reviewer's confidence: unconfirmed"
    else:
        shortfalls_note = ""
    if not shortfalls:
        return _Weighed(
            link,
            True,
            True,
            f"{label} supports it directly ({_level_text(info.level)}){shortfalls_note}",
            info.level,
            0,
        )
    return _Weighed(
        link,
        True,
        False,
        f"{label} ({_level_text(info.level)}) supports it {', '.join(shortfalls)}{shortfalls_note}",
        info.level,
        1 if link.stance == "supports" else 2,
    )


def _decide(weighed: Sequence[_Weighed]) -> tuple[str, str]:
    """(status, reason) from a claim's weighed links, by the rules in the module docstring."""
    registry = [w for w in weighed if w.link.origin == "registry"]
    usable = [w for w in registry if w.counts]
    full = [w for w in usable if w.full]
    contra = [w for w in usable if w.link.stance == "contradicts"]
    partial = [w for w in usable if w.link.stance in _SUPPORTING and not w.full]
    if full:
        reason = "; ".join(w.assessment for w in full)
        if contra:
            reason += "; but " + "; ".join(w.assessment for w in contra)
        return "supported", reason
    if contra:
        reason = "; ".join(w.assessment for w in contra) + "; no source supports it directly"
        if partial:
            reason += " (" + "; ".join(w.assessment for w in partial) + ")"
        return "contradicted", reason
    if partial:
        return "weak", "; ".join(w.assessment for w in partial)
    citations = [w for w in weighed if w.link.origin == "citation"]
    if citations and not registry:
        keys = ", ".join(dict.fromkeys(w.link.source for w in citations))
        return "weak", f"cited, not reviewed ({keys}): an inline citation records what the author pointed at"
    if not registry:
        return "unsupported", "no source is linked to it" + (
            "; the inline citations are not reviewed" if citations else ""
        )
    reasons = [w.assessment for w in registry]
    return "unsupported", "no source supports it: " + "; ".join(reasons)


def _notice_dict(notice: Any) -> dict[str, Any]:
    return {"kind": notice.kind, "doi": notice.doi, "date": notice.date, "source": notice.source}


def _provenance_dict(v: Verification | None) -> dict[str, Any] | None:
    if v is None or v.provenance is None:
        return None
    p = v.provenance
    return {"kind": p.kind, "fetched": p.fetched, "note": p.note, "base_url": p.base_url}


def _verification_source(infos: Iterable[_SourceInfo]) -> str:
    kinds: dict[str, int] = {}
    for info in infos:
        v = info.verification
        if v is None:
            kind = "not checked"
        elif v.provenance is None or v.provenance.kind == "none":
            kind = "no Crossref record"
        else:
            kind = {
                "live": "live Crossref",
                "cache": "cached Crossref answers",
                "snapshot": "bundled snapshot",
            }.get(v.provenance.kind, v.provenance.kind)
        kinds[kind] = kinds.get(kind, 0) + 1
    if not kinds:
        return "no references"
    if len(kinds) == 1:
        return next(iter(kinds))
    return ", ".join(f"{kind} ({n})" for kind, n in kinds.items())


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class CoverageReport:
    """The evidence map of one article. Tables are pandas DataFrames built on first access (see the module
    docstring for every column and dtype); ``to_dict()`` gives the same rows JSON-ready, without pandas."""

    def __init__(
        self,
        *,
        claims: list[dict[str, Any]],
        links: list[dict[str, Any]],
        references: list[dict[str, Any]],
        gaps: list[dict[str, Any]],
        suggestions: list[dict[str, Any]],
        summary: dict[str, Any],
        unregistered: list[dict[str, Any]] | None = None,
        problems: Sequence[Problem] = (),
    ):
        self._rows = {
            "claims": claims,
            "links": links,
            "references": references,
            "gaps": gaps,
            "suggestions": suggestions,
            "unregistered": unregistered or [],
        }
        self.summary = summary
        self.problems: tuple[Problem, ...] = tuple(problems)
        self._frames: dict[str, pd.DataFrame] = {}

    _COLUMNS: Mapping[str, tuple[tuple[str, str], ...]] = {
        "claims": (
            ("claim_id", "object"),
            ("text", "object"),
            ("kind", "object"),
            ("status", "object"),
            ("reason", "object"),
            ("best_source", "object"),
            ("best_stance", "object"),
            ("best_level", "Int64"),
            ("n_links", "int64"),
            ("n_supporting", "int64"),
            ("sentence_id", "object"),
            ("quote", "object"),
            ("condition", "object"),
            ("population", "object"),
            ("line", "Int64"),
        ),
        "links": (
            ("claim_id", "object"),
            ("source_key", "object"),
            ("stance", "object"),
            ("directness", "object"),
            ("origin", "object"),
            ("rationale", "object"),
            ("location", "object"),
            ("confidence", "object"),
            ("reviewer", "object"),
            ("reviewed", "object"),
            ("level", "Int64"),
            ("counts", "bool"),
            ("assessment", "object"),
            ("score", "float64"),
        ),
        "references": (
            ("key", "object"),
            ("status", "object"),
            ("doi", "object"),
            ("title", "object"),
            ("year", "Int64"),
            ("label", "object"),
            ("type", "object"),
            ("design", "object"),
            ("level", "Int64"),
            ("level_reason", "object"),
            ("suggested_doi", "object"),
            ("mismatches", "object"),
            ("notices", "object"),
            ("retracted", "bool"),
            ("provenance", "object"),
            ("verification_source", "object"),
            ("message", "object"),
            ("n_claims", "int64"),
            ("n_supported_claims", "int64"),
        ),
        "gaps": (
            ("gap", "object"),
            ("severity", "object"),
            ("claim_id", "object"),
            ("source_key", "object"),
            ("message", "object"),
        ),
        "suggestions": (
            ("claim_id", "object"),
            ("rank", "int64"),
            ("source_key", "object"),
            ("score", "float64"),
            ("label", "object"),
            ("title", "object"),
            ("year", "Int64"),
            ("in_library", "bool"),
            ("shared_terms", "object"),
            ("level", "Int64"),
            ("rationale", "object"),
            ("origin", "object"),
        ),
        "unregistered": (
            ("claim_id", "object"),
            ("sentence_id", "object"),
            ("text", "object"),
            ("quote", "object"),
            ("kind", "object"),
        ),
    }

    def _frame(self, name: str) -> pd.DataFrame:
        frame = self._frames.get(name)
        if frame is None:
            import pandas as pd

            columns = self._COLUMNS[name]
            rows = self._rows[name]
            data = {
                column: pd.array([row.get(column) for row in rows], dtype="object") for column, _ in columns
            }
            frame = pd.DataFrame(data, columns=[c for c, _ in columns])
            for column, dtype in columns:
                if dtype != "object":
                    frame[column] = frame[column].astype(dtype)  # type: ignore[call-overload]
            self._frames[name] = frame
        return frame

    @property
    def claims(self) -> pd.DataFrame:
        return self._frame("claims")

    @property
    def links(self) -> pd.DataFrame:
        return self._frame("links")

    @property
    def references(self) -> pd.DataFrame:
        return self._frame("references")

    @property
    def gaps(self) -> pd.DataFrame:
        return self._frame("gaps")

    @property
    def suggestions(self) -> pd.DataFrame:
        return self._frame("suggestions")

    @property
    def unregistered(self) -> pd.DataFrame:
        return self._frame("unregistered")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``schema_version``, ``summary``, ``claims``, ``links``, ``references``, ``gaps``,
        ``suggestions`` (lists of rows with the columns documented above) and ``problems``."""
        return {
            "schema_version": SCHEMA_VERSION,
            "summary": dict(self.summary),
            **{name: [dict(row) for row in rows] for name, rows in self._rows.items()},
            "problems": [
                {
                    "code": p.code,
                    "severity": p.severity,
                    "message": p.message,
                    "file": p.file,
                    "line": p.line,
                    "key": p.key,
                    "field": p.field,
                }
                for p in self.problems
            ],
        }

    def to_markdown(self) -> str:
        """A basic Markdown rendering (summary, gaps, claims). The report package renders richer ones."""

        def cell(value: object) -> str:
            text = "" if value is None else " ".join(str(value).split())
            return text.replace("|", "\\|")

        s = self.summary
        lines = [
            f"## Claim coverage: {cell(s.get('title') or 'article')}",
            "",
            f"**{s['percent_supported']:.0f}% of {s['n_claims']} claim(s) supported** — "
            + " · ".join(f"{status} {s['by_status'][status]}" for status in CLAIM_STATUSES)
            + f". References: {s['n_references']} ({s['verification_source']}).",
            "",
            "### Gaps",
            "",
            "| gap | severity | claim | source | message |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {cell(g['gap'])} | {cell(g['severity'])} | {cell(g['claim_id'])} | {cell(g['source_key'])} | "
            f"{cell(g['message'])} |"
            for g in self._rows["gaps"]
        ]
        lines += [
            "",
            "### Claims",
            "",
            "| claim | kind | status | best source | why |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {cell(c['claim_id'])} | {cell(c['kind'])} | {cell(c['status'])} | {cell(c['best_source'])} | "
            f"{cell(c['reason'])} |"
            for c in self._rows["claims"]
        ]
        return "\n".join(lines) + "\n"

    def to_html(self) -> str:
        """The HTML report (rendered by :mod:`needling_evidence.report.html`)."""
        from .report import html as html_report

        rendered: str = html_report.render_html(self)
        return rendered

    def __repr__(self) -> str:
        s = self.summary
        return (
            f"<CoverageReport {s['n_claims']} claims, {s['percent_supported']:.0f}% supported, "
            f"{s['n_gaps']} gaps>"
        )


def _as_list(items: Iterable[Any] | None) -> list[Any]:
    return list(items) if items is not None else []


def coverage_report(
    article: Article | None,
    claims: Iterable[Claim],
    references: Iterable[Reference],
    verifications: Iterable[Verification] | None = None,
    *,
    library: Iterable[Reference] | None = None,
    drafted: Iterable[Claim] | None = None,
    suggest: bool = True,
    strict: bool = False,
) -> CoverageReport:
    """The evidence map: claims × sources, each claim's status with its reason, the gaps, and suggestions.

    ``verifications`` (from :func:`~needling_evidence.verify_references`) are matched to references by key;
    without them references are ``not_checked``. ``library`` is a wider set of works offered only as
    suggestions. ``drafted`` are the check-worthy claims found in the article (default:
    :func:`~needling_evidence.draft_claims` of ``article``), used to report sentences no claim quotes as
    ``unregistered``. Problems carried by the inputs (article, registry, references) are kept in
    ``report.problems``; with ``strict=True`` any raises :class:`~needling_evidence.errors.StrictError`.
    """
    from .crossref.design import classify_design

    claim_list = list(claims)
    ref_list = list(references)
    library_list = _as_list(library)
    problems: list[Problem] = []
    for source in (article, claims, references):
        problems.extend(getattr(source, "problems", ()) or ())
    if article is not None and not article.text.strip():
        problems.append(Problem("coverage.empty_article", "the article is empty", file=article.path))
    if strict and problems:
        raise StrictError(problems)

    by_key: dict[str, _SourceInfo] = {}
    verification_by_key = {v.key: v for v in verifications} if verifications is not None else {}
    for ref in ref_list:
        if ref.key in by_key:
            continue  # a duplicate key is the reader's problem record; the first entry stands
        v = verification_by_key.get(ref.key)
        if v is not None and v.design is not None:
            design, level = v.design, v.level
            reason = v.level_reason or "as graded by verification"
        else:
            assessment = classify_design(ref)
            design, level, reason = assessment.design, assessment.level, assessment.reason
        by_key[ref.key] = _SourceInfo(ref, v, design, level, reason)

    # Inline citations, by sentence: each cited key becomes a `mentions` link for the claims anchored there.
    cited: dict[str, list[tuple[str, str]]] = {}
    if article is not None:
        # Citations name the article's own reference list; when other references are used (a .bib given
        # with --refs), each cited work is looked up there by DOI, then title, then first author and year.
        own_keys = _citation_key_map(article.references, ref_list, by_key)
        for citation in article.citations:
            for key in citation.keys:
                cited.setdefault(citation.sentence_id, []).append((own_keys.get(key, key), citation.marker))

    claim_rows: list[dict[str, Any]] = []
    link_rows: list[dict[str, Any]] = []
    gaps: list[dict[str, Any]] = []
    n_claims_by_ref: dict[str, set[str]] = {}
    n_supported_by_ref: dict[str, set[str]] = {}
    statuses: dict[str, str] = {}

    def gap(kind: str, message: str, claim_id: str | None = None, source_key: str | None = None) -> None:
        gaps.append(
            {
                "gap": kind,
                "severity": GAP_ORDER[kind][1],
                "claim_id": claim_id,
                "source_key": source_key,
                "message": message,
            }
        )

    # A registry loaded without its article has no sentence ids: anchor each quote here instead, and report a
    # quote the article does not contain (unless the registry's own check already did).
    sentence_of: dict[str, str | None] = {c.id: c.sentence_id for c in claim_list}
    if article is not None and article.text.strip() and any(c.sentence_id is None for c in claim_list):
        from .claims import QuoteIndex

        index = QuoteIndex(article)
        reported = {(p.key, p.code) for p in problems}
        for c in claim_list:
            if c.sentence_id is not None or not c.quote:
                continue
            span, _ = index.find(c.quote)
            if span is not None:
                ids = index.sentence_ids(*span)
                sentence_of[c.id] = ids[0] if ids else None
            elif (c.id, "claims.quote_not_found") not in reported:
                problems.append(
                    Problem(
                        "claims.quote_not_found",
                        f"claim {c.id!r}: the quote {c.quote[:120]!r} is not in the article",
                        file=c.file,
                        line=c.line,
                        key=c.id,
                        field="quote",
                    )
                )
        if strict and problems:
            raise StrictError(problems)

    for claim in claim_list:
        links = list(claim.links)
        sentence_id = sentence_of[claim.id]
        reviewed = {link.source for link in links}
        seen_cited: set[str] = set()
        for key, marker in cited.get(sentence_id, ()) if sentence_id else ():
            if key in seen_cited:
                continue
            seen_cited.add(key)
            links.append(
                EvidenceLink(
                    claim_id=claim.id,
                    source=key,
                    stance="mentions",
                    origin="citation",
                    rationale=f"cited inline ({marker}); not reviewed"
                    + ("; the registry records the reviewed stance" if key in reviewed else ""),
                )
            )
        weighed = [_weigh(claim, link, by_key.get(link.source)) for link in links]
        status, reason = _decide(weighed)
        statuses[claim.id] = status
        for w in weighed:
            link = w.link
            if link.source in by_key:
                n_claims_by_ref.setdefault(link.source, set()).add(claim.id)
                if w.counts and link.stance in _SUPPORTING:
                    n_supported_by_ref.setdefault(link.source, set()).add(claim.id)
            elif link.origin == "registry":
                gap(
                    "unknown_source",
                    f"claim {claim.id!r} links {link.source!r}, which is not among the references",
                    claim.id,
                    link.source,
                )
            elif link.origin == "citation":
                gap(
                    "unknown_source",
                    f"claim {claim.id!r} cites {link.source!r} inline, a work not among the references",
                    claim.id,
                    link.source,
                )
            link_rows.append(
                {
                    "claim_id": claim.id,
                    "source_key": link.source,
                    "stance": link.stance,
                    "directness": link.directness,
                    "origin": link.origin,
                    "rationale": link.rationale,
                    "location": link.location,
                    "confidence": link.confidence,
                    "reviewer": link.reviewer,
                    "reviewed": link.reviewed,
                    "level": w.level,
                    "counts": w.counts,
                    "assessment": w.assessment,
                    "score": link.score,
                }
            )
        best = min(weighed, key=lambda w: (w.rank, w.level if w.level is not None else 99), default=None)
        if best is not None and best.rank >= 6:
            best = None  # citations, exclusions and unknown keys are not a "best source"
        claim_rows.append(
            {
                "claim_id": claim.id,
                "text": claim.text,
                "kind": claim.kind,
                "status": status,
                "reason": reason,
                "best_source": best.link.source if best else None,
                "best_stance": best.link.stance if best else None,
                "best_level": best.level if best else None,
                "n_links": len(links),
                "n_supporting": sum(1 for w in weighed if w.counts and w.link.stance in _SUPPORTING),
                "sentence_id": sentence_id,
                "quote": claim.quote,
                "condition": claim.condition,
                "population": claim.population,
                "line": claim.line,
            }
        )
        if status != "supported":
            gap(status, f"{status}: {claim.text} — {reason}", claim.id)

    # Benefit claims must come with their harms: the article should state risks its references back.
    n_benefit = sum(1 for c in claim_list if c.kind == "efficacy")
    if n_benefit and not any(statuses[c.id] == "supported" for c in claim_list if c.kind == "safety"):
        n_safety = sum(1 for c in claim_list if c.kind == "safety")
        gap(
            "harms_unstated",
            f"the article makes {n_benefit} benefit claim(s) but "
            + (
                f"none of its {n_safety} claim(s) about harms is supported by its references"
                if n_safety
                else "no claim about harms"
            ),
        )

    # Check-worthy sentences that no claim quotes.
    unregistered_rows: list[dict[str, Any]] = []
    if article is not None and article.text.strip():
        unregistered = _unregistered(article, claim_list, drafted)
        for d in unregistered:
            unregistered_rows.append(
                {
                    "claim_id": d.id,
                    "sentence_id": d.sentence_id,
                    "text": d.text,
                    "quote": d.quote,
                    "kind": d.kind,
                }
            )
            gap(
                "unregistered",
                f"a check-worthy sentence is in no registry claim: {' '.join((d.quote or d.text).split())!r}",
                d.id,
            )

    reference_rows: list[dict[str, Any]] = []
    for info in by_key.values():
        ref, v = info.ref, info.verification
        reference_rows.append(
            {
                "key": ref.key,
                "status": info.status,
                "doi": (v.doi if v is not None and v.doi else ref.doi),
                "title": ref.title,
                "year": ref.year,
                "label": ref.label,
                "type": ref.type,
                "design": info.design,
                "level": info.level,
                "level_reason": info.level_reason,
                "suggested_doi": v.suggested_doi if v is not None else None,
                "mismatches": {k: list(pair) for k, pair in v.mismatches.items()} if v is not None else {},
                "notices": [_notice_dict(n) for n in v.notices] if v is not None else [],
                "retracted": bool(v is not None and v.retracted),
                "provenance": _provenance_dict(v),
                "verification_source": _verification_source([info]),
                "message": v.message if v is not None else "not checked against Crossref",
                "n_claims": len(n_claims_by_ref.get(ref.key, ())),
                "n_supported_claims": len(n_supported_by_ref.get(ref.key, ())),
            }
        )
        if v is not None:
            if v.retracted:
                gap(
                    "retracted",
                    f"{ref.label}: {info.excluded_because}; it cannot support any claim",
                    None,
                    ref.key,
                )
            for notice in v.notices:
                if notice.kind not in ("retraction", "withdrawal"):
                    when = f" ({notice.date})" if notice.date else ""
                    gap(
                        "notice",
                        f"{ref.label}: {notice.kind.replace('_', ' ')}{when} {notice.doi or ''}".strip(),
                        None,
                        ref.key,
                    )
            if v.status in EXCLUDING_STATUSES:
                gap(
                    "failed_verification",
                    f"{ref.label}: {v.status} — {v.message}".rstrip(" —"),
                    None,
                    ref.key,
                )
            elif v.status == "unverified":
                gap(
                    "unverified_reference",
                    # The verifier's own message usually says so already ("Could not be checked (offline …)").
                    f"{ref.label}: {v.message}"
                    if _SAYS_UNCHECKED.match(v.message or "")
                    else f"{ref.label}: could not be checked — {v.message}".rstrip(" —"),
                    None,
                    ref.key,
                )
            elif v.mismatches:
                fields = ", ".join(sorted(v.mismatches))
                gap("metadata_differs", f"{ref.label}: Crossref's record differs in {fields}", None, ref.key)
        if not n_claims_by_ref.get(ref.key):
            gap("uncited_reference", f"{ref.label}: no claim uses this reference", None, ref.key)

    suggestion_rows = (
        _suggestions(claim_list, statuses, ref_list, library_list, {k: i.level for k, i in by_key.items()})
        if suggest
        else []
    )
    for row in suggestion_rows:
        link_rows.append(
            {
                "claim_id": row["claim_id"],
                "source_key": row["source_key"],
                "stance": "mentions",
                "directness": "indirect",
                "origin": "suggestion",
                "rationale": row["rationale"],
                "location": None,
                "confidence": None,
                "reviewer": None,
                "reviewed": None,
                "level": row["level"],
                "counts": False,
                "assessment": "suggestion, never support",
                "score": row["score"],
            }
        )

    order = {claim.id: index for index, claim in enumerate(claim_list)}
    risk = {claim.id: KIND_RISK.get(claim.kind, len(KIND_RISK)) for claim in claim_list}
    gaps.sort(
        key=lambda g: (
            GAP_ORDER[g["gap"]][0],
            risk.get(g["claim_id"] or "", len(KIND_RISK)),
            order.get(g["claim_id"] or "", len(order)),
        )
    )

    by_status = {status: 0 for status in CLAIM_STATUSES}
    for status in statuses.values():
        by_status[status] += 1
    n = len(claim_list)
    summary: dict[str, Any] = {
        "title": article.title if article is not None else None,
        "n_claims": n,
        **{f"n_{status}": count for status, count in by_status.items()},
        "by_status": by_status,
        # No claims means nothing is unbacked; the report renderers use the same convention.
        "percent_supported": round(100.0 * by_status["supported"] / n, 1) if n else 100.0,
        "n_references": len(by_key),
        "n_links": sum(1 for row in link_rows if row["origin"] != "suggestion"),
        "n_suggestions": len(suggestion_rows),
        "n_gaps": len(gaps),
        "n_unregistered": len(unregistered_rows),
        "n_problems": len(problems),
        "verification_source": _verification_source(by_key.values()),
    }
    return CoverageReport(
        claims=claim_rows,
        links=link_rows,
        references=reference_rows,
        gaps=gaps,
        suggestions=suggestion_rows,
        unregistered=unregistered_rows,
        summary=summary,
        problems=problems,
    )


def _unregistered(article: Article, claims: Sequence[Claim], drafted: Iterable[Claim] | None) -> list[Claim]:
    """Drafted (check-worthy) claims whose sentence no claim quotes."""
    from .claims import QuoteIndex

    if drafted is None:
        from .drafting import draft_claims

        drafted = draft_claims(article)
    index = QuoteIndex(article)
    covered_sentences: set[str] = set()
    covered_spans: list[tuple[int, int]] = []
    for claim in claims:
        if claim.sentence_id:
            covered_sentences.add(claim.sentence_id)
        if claim.quote:
            span, _ = index.find(claim.quote)
            if span is not None:
                covered_spans.append(span)
                covered_sentences.update(index.sentence_ids(*span))
    out: list[Claim] = []
    for d in drafted:
        if d.sentence_id and d.sentence_id in covered_sentences:
            continue
        if d.quote:
            span, _ = index.find(d.quote)
            if span is not None and any(_overlaps(span, other) for other in covered_spans):
                continue
        out.append(d)
    return out


def _suggestions(
    claims: Sequence[Claim],
    statuses: Mapping[str, str],
    references: Sequence[Reference],
    library: Sequence[Reference],
    levels: Mapping[str, int | None],
) -> list[dict[str, Any]]:
    from .crossref.design import classify_design
    from .suggest import suggest_sources

    wanted = [c for c in claims if statuses[c.id] != "supported"]
    keys = {ref.key for ref in references}
    candidates = list(references) + [ref for ref in library if ref.key not in keys]
    library_keys = {ref.key for ref in library if ref.key not in keys}
    exclude = {c.id: {link.source for link in c.links} for c in wanted}
    by_key = {ref.key: ref for ref in candidates}
    rows = []
    for s in suggest_sources(wanted, candidates, library_keys=library_keys, exclude=exclude):
        ref = by_key[s.source]
        shared = ", ".join(s.shared_terms)
        rows.append(
            {
                "claim_id": s.claim_id,
                "rank": s.rank,
                "source_key": s.source,
                "score": s.score,
                "label": ref.label,
                "title": ref.title,
                "year": ref.year,
                "in_library": s.in_library,
                "shared_terms": shared,
                "origin": "suggestion",
                "level": levels.get(s.source) if s.source in levels else classify_design(ref).level,
                "rationale": (
                    f"suggested by word similarity (score {s.score:.2f}; shared words: {shared})"
                    + ("; from the outside library, not cited by the article" if s.in_library else "")
                    + "; not reviewed — read it before recording a stance"
                ),
            }
        )
    return rows
