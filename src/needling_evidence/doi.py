"""DOI syntax: normalisation to the canonical lower-case form, validity, and finding DOIs in free text.

A DOI is case-insensitive (DOI Handbook §2.4), so the canonical form here is lower case. Validity follows
Crossref's recommended patterns ("DOIs and matching regular expressions", Crossref blog, 2015): one
pattern covers ~99.3% of registered DOIs, and four more cover the legacy forms — mostly Wiley's SICI DOIs,
which contain ``<``, ``>`` and ``#`` (``10.1002/(sici)1097-4636(199812)43:4<367::aid-jbm4>3.0.co;2-#``).

Standard library only: this module is imported by the model layer and must stay light.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

__all__ = ["find_dois", "is_valid_doi", "normalize_doi"]

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
    if _CANONICAL.match(text):  # already a bare DOI (what most .bib files hold): nothing to clean
        return text.lower()
    cleaned = _clean(text)
    candidate = _strip_leading(cleaned)
    for _ in range(2):  # "DOI: https://doi.org/10…" has two prefixes
        candidate = _PREFIX.sub("", candidate, count=1)
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
        candidate = _strip_trailing(match.group(0))
        if is_valid_doi(candidate):
            doi = candidate.lower()
            if doi not in dois:
                dois.append(doi)
    return dois
