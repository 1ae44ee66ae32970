"""Identifier syntax: DOIs (normalisation to the canonical lower-case form, validity, finding them in free
text), and PMIDs, PMCIDs and ISBNs in every form a reference list writes them (labels, PubMed, PMC and
Europe PMC URLs).

A DOI is case-insensitive (DOI Handbook §2.4), so the canonical form here is lower case. Validity follows
Crossref's recommended patterns ("DOIs and matching regular expressions", Crossref blog, 2015): one
pattern covers ~99.3% of registered DOIs, and four more cover the legacy forms — mostly Wiley's SICI DOIs,
which contain ``<``, ``>`` and ``#`` (``10.1002/(sici)1097-4636(199812)43:4<367::aid-jbm4>3.0.co;2-#``).

Standard library only: this module is imported by the model layer and must stay light.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

__all__ = [
    "find_dois",
    "find_isbns",
    "find_pmcids",
    "find_pmids",
    "is_valid_doi",
    "normalize_doi",
    "normalize_isbn",
    "normalize_pmcid",
    "normalize_pmid",
]

# Crossref's recommended patterns (https://www.crossref.org/blog/dois-and-matching-regular-expressions/).
# The first is the modern DOI; the others are the legacy forms Crossref lists after it. The blog writes the
# prefix dot unescaped ("10."); a literal dot is what it means.
_VALID_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^10\.\d{4,9}/[-._;()/:A-Z0-9]+$", re.IGNORECASE),
    re.compile(r"^10\.1002/[^\s]+$", re.IGNORECASE),  # Wiley, including SICI forms with <>#
    re.compile(r"^10\.\d{4}/\d+-\d+X?(\d+)\d+<[\d\w]+:[\d\w]*>\d+\.\d+\.\w+;\d$", re.IGNORECASE),
    re.compile(r"^10\.1021/\w\w\d+$", re.IGNORECASE),  # old ACS
    re.compile(r"^10\.1207/[\w\d]+&\d+_\d+$", re.IGNORECASE),  # old Lawrence Erlbaum
)

# A bare DOI with nothing to clean: the modern pattern, ending in a letter or digit (no trailing punctuation).
_CANONICAL = re.compile(r"10\.\d{4,9}/[-._;()/:A-Z0-9]*[A-Z0-9]\Z", re.IGNORECASE)

# Every Unicode dash a word processor or PDF puts where a hyphen-minus belongs.
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
# Invisible characters that copy-paste drags in (zero-width space/joiners, word joiner, BOM, soft hyphen).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TRANSLATION = {**_DASHES, **_INVISIBLE, 0x00A0: " "}

# Markdown escapes a backslash before ASCII punctuation (CommonMark §2.4): `10.1016/s0140\_6736`.
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")

# What may stand before the DOI itself: `doi:`, `DOI 10…`, `info:doi/`, `urn:doi:`, or a resolver URL.
_PREFIX = re.compile(
    r"""^(?:
        (?:https?://)?(?:www\.|dx\.)?doi\.org/          # resolver URLs, with or without scheme
      | info:doi/ | urn:doi:
      | doi\s*[:：]?\s*                                 # doi:10… / DOI: 10… / DOI 10…
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# A DOI as it appears in running text: prefix, then everything up to whitespace or a character that never
# occurs in a DOI written in prose (quotes, `|` of markdown tables, `[]` of markdown links).
_IN_TEXT = re.compile(r"""10\.\d{4,9}(?:/|%2F)[^\s"'|\[\]\u201c\u201d\u2018\u2019]+""", re.IGNORECASE)

# Characters that end a sentence, a bracketed aside or a markdown span rather than the DOI (checked from the
# right). Brackets are stripped only when unbalanced within the DOI, so `…(199812)…` and SICI `<…>` survive.
_TRAILING_ALWAYS = ".,;:*'\"`!?"
_CLOSERS = {")": "(", "]": "[", "}": "{", ">": "<"}


def _clean(text: str) -> str:
    text = text.translate(_TRANSLATION)
    if "\\" in text:
        text = _MARKDOWN_ESCAPE.sub(r"\1", text)
    if "%" in text:
        text = unquote(text)
    return text.strip()


# What a publisher's landing-page URL adds after the DOI (Cochrane `…CD012424.pub2/full`, Frontiers
# `…00376/full`, Wiley `…/epdf`, `…/abstract`, `…/full-text`). Some real DOIs contain slashes, so only these
# known page names are taken off, and only as whole last path segments. `/full/es` is Cochrane's translation.
_LANDING_SUFFIX = re.compile(
    r"""/(?:full|abstract|abs|pdf|epdf|pdfft|pdfdirect|full-?text|html|xml|epub|summary|references
        |figures|tables|citedby|cited-by|supp-?info|suppl|metrics|info|reader|media|comments|article-info
        |(?:fulltext|full|abstract)\.(?:pdf|html?))(?:/[a-z]{2})?/?\Z""",
    re.IGNORECASE | re.VERBOSE,
)
# In a URL the DOI ends before a query, another query parameter or a fragment (`?casa_token=…`,
# `…?id=10.1371/journal.pone.0117146&type=printable`, `#sec1`); SICI DOIs end in `#` itself, so a fragment is
# only cut when something follows the `#`.
_URL_TAIL = re.compile(r"(?:\?[^\s]*|&[\w.-]+=[^\s]*|#[\w.-][^\s]*)\Z")
# Springer's PDF link is the DOI plus `.pdf` (`/content/pdf/10.1007/s11916-013-0348-5.pdf`).
_PDF_EXTENSION = re.compile(r"\.pdf\Z", re.IGNORECASE)


def _strip_landing_page(doi: str, *, in_url: bool) -> str:
    """``doi`` without a publisher landing page's trailing path (and, in a URL, query and fragment)."""
    if in_url:
        doi = _URL_TAIL.sub("", doi)
    previous = None
    while previous != doi:
        previous = doi
        doi = _LANDING_SUFFIX.sub("", doi)
        if in_url:
            doi = _PDF_EXTENSION.sub("", doi)
    return doi


def _strip_trailing(doi: str) -> str:
    """Drop sentence punctuation and unbalanced closing brackets from the end of a candidate DOI."""
    while doi:
        last = doi[-1]
        unbalanced = last in _CLOSERS and doi.count(last) > doi.count(_CLOSERS[last])
        if last in _TRAILING_ALWAYS or unbalanced:
            doi = doi[:-1]
        else:
            break
    return doi


def _strip_leading(text: str) -> str:
    # `<https://doi.org/…>` (markdown autolink), `(doi:…)`, `[10.…]`
    return text.lstrip("<([{\"'` ")


def is_valid_doi(doi: str) -> bool:
    """True when ``doi`` (already bare: ``10.xxxx/…``) matches one of Crossref's recommended patterns."""
    return any(pattern.match(doi) for pattern in _VALID_PATTERNS)


def normalize_doi(text: str | None) -> str | None:
    """The canonical lower-case DOI in ``text``, or ``None`` when it holds no valid DOI.

    Accepts a bare DOI, ``doi:``/``DOI`` prefixes, ``https://doi.org/`` and ``http://dx.doi.org/`` URLs,
    URL-encoded forms (``%2F``), surrounding whitespace and punctuation, Unicode dashes, invisible characters
    and markdown escapes. When ``text`` is one token (no whitespace) holding exactly one DOI — a publisher
    URL such as ``https://onlinelibrary.wiley.com/doi/10.1002/…`` — that DOI is returned. Text with spaces in
    it is never cut down to a DOI (``10.2519/has space`` is ``None``, not ``10.2519/has``): use
    :func:`find_dois` for running text.
    """
    if not text:
        return None
    # already a bare DOI (what most .bib files hold): nothing to clean
    if _CANONICAL.match(text) and not _LANDING_SUFFIX.search(text):
        return text.lower()
    cleaned = _clean(text)
    candidate = _strip_leading(cleaned)
    for _ in range(2):  # "DOI: https://doi.org/10…" has two prefixes
        candidate = _PREFIX.sub("", candidate, count=1)
    candidate = _strip_landing_page(_strip_trailing(candidate), in_url=_is_url(cleaned))
    candidate = _strip_trailing(candidate)
    if is_valid_doi(candidate):
        return candidate.lower()
    if any(ch.isspace() for ch in cleaned):
        return None
    found = find_dois(cleaned)
    return found[0] if len(found) == 1 else None


def find_dois(text: str) -> list[str]:
    """Every distinct valid DOI in free text, canonical and in order of first appearance."""
    cleaned = _clean(text)
    dois: list[str] = []
    for match in _IN_TEXT.finditer(cleaned):
        in_url = _URL_BEFORE.search(cleaned, 0, match.start()) is not None
        candidate = _strip_trailing(match.group(0))
        candidate = _strip_trailing(_strip_landing_page(candidate, in_url=in_url))
        if is_valid_doi(candidate):
            doi = candidate.lower()
            if doi not in dois:
                dois.append(doi)
    return dois


# The DOI is inside a URL when the token it sits in starts with a scheme or `www.`.
_URL_BEFORE = re.compile(r"(?:https?://|www\.)\S*\Z", re.IGNORECASE)


def _is_url(text: str) -> bool:
    return _URL_BEFORE.match(text.split()[0] if text.split() else "") is not None


# --- PubMed and PMC identifiers ----------------------------------------------------------------------------

# A PMID is NLM's accession number: 1 to 8 digits today (PubMed's own docs), 9 allowed for growth.
# Every way a reference list writes one: a label (`PMID: 123`, `PubMed PMID: 123`, `PubMed ID 123`), or a
# PubMed / Europe PMC record URL (old and new PubMed addresses; Europe PMC's `MED` source is PubMed). In a
# URL the number must end there: a search URL (`?term=2017+back+pain`) names no record.
_PMID_LABEL = re.compile(r"\b(?:PubMed\s+)?(?:PMID|PubMed\s+ID)\s*[:：]?\s*(\d{1,9})\b", re.IGNORECASE)
_PMID_URL = re.compile(
    r"""(?:
        pubmed\.ncbi\.nlm\.nih\.gov/(?:\?term=)?
      | ncbi\.nlm\.nih\.gov/(?:entrez/query\.fcgi\?[^\s]*?list_uids=|pubmed/(?:\?term=)?)
      | europepmc\.org/(?:article|abstract)/MED/
    )(\d{1,9})(?=$|[/?&#\s.,;:)\]>"'])""",
    re.IGNORECASE | re.VERBOSE,
)
# PMCID: `PMCID: PMC123`, a bare `PMC123`, or a PMC / Europe PMC article URL.
_PMCID_ANY = re.compile(
    r"""(?:
        ncbi\.nlm\.nih\.gov/pmc/articles/
      | pmc\.ncbi\.nlm\.nih\.gov/articles/
      | europepmc\.org/(?:article|abstract)/PMC/
      | europepmc\.org/articles/
      | \bPMCID\s*[:：]?\s*
      | \b
    )(PMC\d{1,9})(?!\d)""",
    re.IGNORECASE | re.VERBOSE,
)


def normalize_pmid(text: str | None) -> str | None:
    """The PMID (digits, no leading zeros) in a bare number, a ``PMID: 123`` label or a PubMed URL."""
    if not text:
        return None
    text = text.strip()
    if text.isdigit() and 0 < len(text) <= 9:
        return str(int(text)) if int(text) else None
    found = find_pmids(text)
    return found[0] if len(found) == 1 else None


def find_pmids(text: str) -> list[str]:
    """Every distinct PMID in free text, in order: labelled ones and PubMed / Europe PMC URLs."""
    lowered = text.lower()
    if "pmid" not in lowered and "pubmed" not in lowered and "europepmc" not in lowered:
        return []  # the common case, decided without running the patterns
    hits: list[tuple[int, str]] = []
    for pattern in (_PMID_LABEL, _PMID_URL):
        hits.extend((m.start(), m.group(1)) for m in pattern.finditer(text))
    found: list[str] = []
    for _, pmid in sorted(hits):
        value = str(int(pmid))
        if int(pmid) and value not in found:
            found.append(value)
    return found


def normalize_pmcid(text: str | None) -> str | None:
    """The PMCID (``PMC`` + digits) in ``PMC123``, ``pmc123``, ``123`` written in a pmcid field, a
    ``PMCID: PMC123`` label or a PMC / Europe PMC URL."""
    if not text:
        return None
    text = text.strip()
    if text.isdigit() and 0 < len(text) <= 9:
        return f"PMC{int(text)}" if int(text) else None
    found = find_pmcids(text)
    return found[0] if len(found) == 1 else None


def find_pmcids(text: str) -> list[str]:
    """Every distinct PMCID in free text, upper-cased, in order of first appearance."""
    if "pmc" not in text.lower():
        return []
    found: list[str] = []
    for match in _PMCID_ANY.finditer(text):
        value = "PMC" + str(int(match.group(1)[3:]))
        if value != "PMC0" and value not in found:
            found.append(value)
    return found


# --- ISBN ---------------------------------------------------------------------------------------------------

# `ISBN 978-0-443-07477-1`, `ISBN-13: 9780443074771`, `ISBN: 0-443-07477-X`: a label, then 10 or 13 digits
# with hyphens or spaces between groups. Only labelled ones are taken: a bare 13-digit number may be anything.
_ISBN_LABEL = re.compile(r"\bISBN(?:-1[03])?\s*[:：]?\s*((?:97[89][-\s]?)?(?:\d[-\s]?){9}[\dXx])\b")


def normalize_isbn(text: str | None) -> str | None:
    """An ISBN-10 or ISBN-13 with a valid check digit, as digits only (``X`` upper-cased); else ``None``."""
    if not text:
        return None
    digits = re.sub(r"[-\s]", "", re.sub(r"^\s*ISBN(?:-1[03])?\s*[:：]?\s*", "", text, flags=re.I))
    digits = digits.upper()
    if len(digits) == 10 and re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if ch == "X" else int(ch)) for i, ch in enumerate(digits))
        return digits if total % 11 == 0 else None
    if len(digits) == 13 and digits.isdigit() and digits.startswith(("978", "979")):
        total = sum(int(ch) * (1 if i % 2 == 0 else 3) for i, ch in enumerate(digits))
        return digits if total % 10 == 0 else None
    return None


def find_isbns(text: str) -> list[str]:
    """Every distinct labelled ISBN (``ISBN …``) with a valid check digit, in order."""
    if "ISBN" not in text:
        return []
    found: list[str] = []
    for match in _ISBN_LABEL.finditer(text):
        isbn = normalize_isbn(match.group(1))
        if isbn and isbn not in found:
            found.append(isbn)
    return found
