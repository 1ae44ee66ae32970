"""PubMed's answers as this project's values: EFetch XML, ESummary JSON, ID-converter JSON, ECitMatch and
ESearch text → :class:`PubMedRecord` and plain mappings (no network here).

A record converts to a Crossref-shaped work (:meth:`PubMedRecord.as_work`) so that verification compares it
with a reference through the very same code as a Crossref record (``crossref/compare.py``,
``crossref/match.py``): one notion of "the same work", never two.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from ..appraise import PUBLICATION_TYPE_DESIGNS, design_from_publication_types
from ..doi import normalize_doi
from ..model import Notice, Person
from ..references.medline import expand_medline_pages

__all__ = [
    "PUBLICATION_TYPE_DESIGNS",
    "MalformedAnswer",
    "PubMedRecord",
    "design_from_publication_types",
    "parse_ecitmatch",
    "parse_efetch",
    "parse_esearch",
    "parse_esummary",
    "parse_idconv",
]


class MalformedAnswer(ValueError):
    """An answer whose body is not what the E-utility documents (bad XML/JSON, wrong root, an error inside
    an HTTP 200)."""


# PubMed CommentsCorrections RefType → our notice kind (model.NOTICE_KINDS). "…In" types sit on the work that
# was updated and point at the notice; "…Of" types sit on the notice (a reference citing the notice itself).
_NOTICE_REFTYPES: Mapping[str, str] = {
    "RetractionIn": "retraction",
    "ErratumIn": "correction",
    "ExpressionOfConcernIn": "expression_of_concern",
    "RetractionOf": "retraction",
    "ErratumFor": "correction",
    "ExpressionOfConcernFor": "expression_of_concern",
}


@dataclass(frozen=True)
class PubMedRecord:
    """One PubMed citation, as much of it as verification and appraisal read."""

    pmid: str
    title: str | None = None
    authors: tuple[Person, ...] = ()
    year: int | None = None
    journal: str | None = None  # full title
    journal_abbrev: str | None = None  # ISO / MEDLINE abbreviation
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    pmcid: str | None = None
    issn: tuple[str, ...] = ()
    publication_types: tuple[str, ...] = ()
    mesh: tuple[str, ...] = ()
    abstract: str | None = None
    notices: tuple[Notice, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def retracted(self) -> bool:
        return "Retracted Publication" in self.publication_types or any(
            n.kind in ("retraction", "withdrawal") for n in self.notices
        )

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (the cache keeps this)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PubMedRecord:
        values = dict(data)
        values["authors"] = tuple(Person(**a) for a in values.get("authors") or ())
        values["notices"] = tuple(Notice(**n) for n in values.get("notices") or ())
        for name in ("issn", "publication_types", "mesh"):
            values[name] = tuple(values.get(name) or ())
        values["extra"] = dict(values.get("extra") or {})
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in values.items() if k in known})

    def as_work(self) -> dict[str, Any]:
        """The record as a Crossref-shaped work message (for ``compare_reference`` and the match checks)."""
        work: dict[str, Any] = {
            "title": [self.title] if self.title else [],
            "author": [
                {k: v for k, v in (("family", a.family), ("given", a.given), ("name", a.literal)) if v}
                for a in self.authors
            ],
            "container-title": [t for t in (self.journal,) if t],
            "short-container-title": [t for t in (self.journal_abbrev,) if t],
            "type": "journal-article",
            "ISSN": list(self.issn),
        }
        if self.year is not None:
            work["issued"] = {"date-parts": [[self.year]]}
        for name, value in (("volume", self.volume), ("issue", self.issue), ("page", self.pages)):
            if value:
                work[name] = value
        if self.doi:
            work["DOI"] = self.doi
        return work


# --- EFetch (PubmedArticleSet XML) --------------------------------------------------------------------------


def _xml_root(body: bytes | str, expected: str) -> ET.Element:
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise MalformedAnswer(f"not XML ({exc})") from exc
    if root.tag != expected:
        raise MalformedAnswer(f"expected <{expected}>, got <{root.tag}>")
    return root


def _text(element: ET.Element | None) -> str | None:
    if element is None:
        return None
    text = " ".join("".join(element.itertext()).split())
    return text or None


def _year(element: ET.Element | None) -> int | None:
    if element is None:
        return None
    year = _text(element.find("Year"))
    if year and year.isdigit():
        return int(year)
    medline = _text(element.find("MedlineDate")) or ""  # "1998 Dec-1999 Jan"
    match = re.match(r"\s*(\d{4})", medline)
    return int(match.group(1)) if match else None


def _article(node: ET.Element) -> PubMedRecord | None:
    citation = node.find("MedlineCitation")
    if citation is None:
        return None
    pmid = _text(citation.find("PMID"))
    article = citation.find("Article")
    if not pmid or article is None:
        return None
    journal = article.find("Journal")
    issue = journal.find("JournalIssue") if journal is not None else None
    authors: list[Person] = []
    for author in article.findall("AuthorList/Author"):
        family, given = _text(author.find("LastName")), _text(author.find("ForeName"))
        collective = _text(author.find("CollectiveName"))
        if family:
            authors.append(Person(family=family, given=given or _text(author.find("Initials"))))
        elif collective:
            authors.append(Person(literal=collective))
    ids = {
        (a.get("IdType") or "").lower(): _text(a) for a in node.findall("PubmedData/ArticleIdList/ArticleId")
    }
    doi = ids.get("doi")
    for location in article.findall("ELocationID"):
        if not doi and (location.get("EIdType") or "").lower() == "doi":
            doi = _text(location)
    abstract_parts = []
    for part in article.findall("Abstract/AbstractText"):
        text = _text(part)
        if text:
            label = part.get("Label")
            abstract_parts.append(f"{label}: {text}" if label else text)
    mesh = tuple(
        t
        for t in (_text(h.find("DescriptorName")) for h in citation.findall("MeshHeadingList/MeshHeading"))
        if t
    )
    notices: list[Notice] = []
    for comment in citation.findall("CommentsCorrectionsList/CommentsCorrections"):
        kind = _NOTICE_REFTYPES.get(comment.get("RefType") or "")
        if kind is None:
            continue
        notice_pmid = _text(comment.find("PMID"))
        notices.append(
            Notice(
                kind=kind,
                source="pubmed",
                label=_text(comment.find("RefSource")) or comment.get("RefType"),
                pmid=notice_pmid,
            )
        )
    year = _year(issue.find("PubDate") if issue is not None else None)
    if year is None:
        year = _year(article.find("ArticleDate"))
    pmcid = ids.get("pmc")
    return PubMedRecord(
        pmid=pmid,
        title=_text(article.find("ArticleTitle")) or _text(article.find("VernacularTitle")),
        authors=tuple(authors),
        year=year,
        journal=_text(journal.find("Title")) if journal is not None else None,
        journal_abbrev=_text(citation.find("MedlineJournalInfo/MedlineTA"))
        or (_text(journal.find("ISOAbbreviation")) if journal is not None else None),
        volume=_text(issue.find("Volume")) if issue is not None else None,
        issue=_text(issue.find("Issue")) if issue is not None else None,
        pages=expand_medline_pages(_text(article.find("Pagination/MedlinePgn"))),
        doi=normalize_doi(doi) if doi else None,
        pmcid=pmcid.upper() if pmcid else None,
        issn=tuple(
            t for t in (_text(i) for i in (journal.findall("ISSN") if journal is not None else [])) if t
        ),
        publication_types=tuple(
            t for t in (_text(p) for p in article.findall("PublicationTypeList/PublicationType")) if t
        ),
        mesh=mesh,
        abstract="\n".join(abstract_parts) or None,
        notices=tuple(notices),
    )


def parse_efetch(body: bytes | str) -> dict[str, PubMedRecord]:
    """Records by PMID from an EFetch ``db=pubmed&retmode=xml`` answer (``<PubmedArticleSet>``)."""
    root = _xml_root(body, "PubmedArticleSet")
    records: dict[str, PubMedRecord] = {}
    for node in root.findall("PubmedArticle"):
        record = _article(node)
        if record is not None:
            records[record.pmid] = record
    return records


# --- ESummary (JSON) ----------------------------------------------------------------------------------------


def _json(body: bytes | str) -> Any:
    try:
        return json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MalformedAnswer(f"not JSON ({exc})") from exc


def parse_esummary(body: bytes | str) -> dict[str, Mapping[str, Any]]:
    """DocSums by UID from an ESummary ``retmode=json`` answer.

    NCBI reports some errors inside an HTTP 200 — too many UIDs (``esummaryresult``: ["Too many UIDs in
    request…"]) or an ``error`` member: those raise :class:`MalformedAnswer` with NCBI's words. A UID NCBI
    does not know comes back with an ``error`` member of its own and is left out.
    """
    data = _json(body)
    if not isinstance(data, dict):
        raise MalformedAnswer("ESummary: expected a JSON object")
    if "result" not in data:
        said = data.get("esummaryresult") or data.get("error") or "no 'result' member"
        raise MalformedAnswer(f"ESummary: {said if isinstance(said, str) else '; '.join(map(str, said))}")
    result = data["result"]
    uids = result.get("uids") if isinstance(result, dict) else None
    if not isinstance(uids, list):
        raise MalformedAnswer("ESummary: 'result' without a 'uids' list")
    docs: dict[str, Mapping[str, Any]] = {}
    for uid in uids:
        doc = result.get(str(uid))
        if isinstance(doc, dict) and "error" not in doc:
            docs[str(uid)] = doc
    return docs


def record_from_summary(doc: Mapping[str, Any]) -> PubMedRecord:
    """A (thinner) record from an ESummary DocSum: no abstract, MeSH or comments — EFetch has those."""
    ids = {
        str(a.get("idtype", "")).lower(): str(a.get("value", ""))
        for a in doc.get("articleids") or []
        if isinstance(a, dict)
    }
    authors = tuple(
        _summary_author(str(a.get("name", ""))) for a in doc.get("authors") or [] if isinstance(a, dict)
    )
    year_match = re.match(r"\s*(\d{4})", str(doc.get("pubdate") or doc.get("sortpubdate") or ""))
    pmcid = ids.get("pmc") or ids.get("pmcid", "").replace("pmc-id: ", "").split(";")[0] or None
    return PubMedRecord(
        pmid=str(doc.get("uid", "")),
        title=str(doc.get("title") or "") or None,
        authors=authors,
        year=int(year_match.group(1)) if year_match else None,
        journal=str(doc.get("fulljournalname") or "") or None,
        journal_abbrev=str(doc.get("source") or "") or None,
        volume=str(doc.get("volume") or "") or None,
        issue=str(doc.get("issue") or "") or None,
        pages=expand_medline_pages(str(doc.get("pages") or "") or None),
        doi=normalize_doi(ids["doi"]) if ids.get("doi") else None,
        pmcid=pmcid.upper() if pmcid else None,
        publication_types=tuple(str(t) for t in doc.get("pubtype") or []),
    )


def _summary_author(name: str) -> Person:
    """ESummary gives "Briatore L": family name then initials."""
    family, _, initials = name.strip().rpartition(" ")
    if family and initials.isupper():
        return Person(family=family, given=initials)
    return Person(literal=name.strip())


# --- ID converter, ECitMatch, ESearch -----------------------------------------------------------------------


def parse_idconv(body: bytes | str) -> list[dict[str, str]]:
    """The ID converter's ``format=json`` records: each with whichever of ``pmid``, ``pmcid``, ``doi`` it has
    (and ``requested-id``/``errmsg`` when given)."""
    data = _json(body)
    if not isinstance(data, dict) or not isinstance(data.get("records"), list):
        raise MalformedAnswer("ID converter: expected an object with a 'records' list")
    if data.get("status") not in (None, "ok"):
        raise MalformedAnswer(f"ID converter: status {data.get('status')!r} ({data.get('message', '')})")
    records = []
    for raw in data["records"]:
        if not isinstance(raw, dict):
            continue
        record = {k: str(v) for k, v in raw.items() if isinstance(v, str | int) and k != "versions"}
        if "doi" in record:
            record["doi"] = normalize_doi(record["doi"]) or record["doi"]
        if "pmcid" in record:
            record["pmcid"] = record["pmcid"].upper()
        records.append(record)
    return records


def parse_ecitmatch(body: bytes | str) -> dict[str, str | None]:
    """ECitMatch's answer: each input line echoed with the PMID appended; key → PMID (None: not matched,
    ``NOT_FOUND`` or ``AMBIGUOUS …``)."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    if "<" in text[:50] and ">" in text[:200]:
        raise MalformedAnswer("ECitMatch: expected text lines, got markup")
    found: dict[str, str | None] = {}
    for line in text.splitlines():
        fields = line.split("|")
        if len(fields) < 7:
            continue
        key, pmid = fields[5].strip(), fields[6].strip()
        found[key] = pmid if pmid.isdigit() else None
    return found


def parse_esearch(body: bytes | str) -> list[str]:
    """The PMIDs of an ESearch XML answer (``<eSearchResult>``), in PubMed's order; an ``<ERROR>`` raises."""
    root = _xml_root(body, "eSearchResult")
    error = _text(root.find("ERROR"))
    if error:
        raise MalformedAnswer(f"ESearch: {error}")
    return [t for t in (_text(i) for i in root.findall("IdList/Id")) if t]


def ecitmatch_line(
    journal: str, year: int | None, volume: str | None, first_page: str | None, author: str | None, key: str
) -> str:
    """One ``journal|year|volume|first_page|author|key|`` line (``|`` and line breaks in values removed)."""

    def clean(value: object) -> str:
        return " ".join(str(value or "").replace("|", " ").split())

    return "|".join(clean(v) for v in (journal, year, volume, first_page, author, key)) + "|"


# --- study design from publication types --------------------------------------------------------------------
# The table and the function live in appraise.py (one design/level table for every source); re-exported here
# for callers that read PubMed records.
def doi_of(records: Sequence[PubMedRecord]) -> dict[str, PubMedRecord]:
    return {r.doi: r for r in records if r.doi}
