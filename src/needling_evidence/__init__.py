"""needling_evidence — keeps a health article honest about its evidence.

Read an article and its references, check every reference against Crossref, map every claim to the sources
that support it, and report the gaps — the whole run is one call::

    import needling_evidence as ne
    report = ne.check_article("article.md")  # no argument: the bundled dry-needling article, offline
    report.gaps

Names are imported on first use, so ``import needling_evidence`` (and the command line) stays fast: pandas,
bibtexparser and markdown-it load only when a function that needs them runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "normalize_doi": "doi",
    "is_valid_doi": "doi",
    "read_bibtex": "references.bibtex",
    "write_bibtex": "references.bibtex",
    "add_bibtex_fields": "references.bibtex",
    "find_dois": "doi",
    "parse_references": "references.text",
    "load_references": "references",
    "read_csl_json": "references.csl",
    "write_csl_json": "references.csl",
    "CrossrefClient": "crossref.client",
    "PubMedClient": "pubmed.client",
    "verify_references": "crossref.verify",
    "verification_table": "crossref.verify",
    "load_article": "article",
    "load_claims": "claims",
    "draft_claims": "drafting",
    "coverage_report": "coverage",
    "CoverageReport": "coverage",
    "check_article": "pipeline",
    "Article": "model",
    "Claim": "model",
    "ClaimRegistry": "model",
    "EvidenceLink": "model",
    "Notice": "model",
    "Person": "model",
    "Problem": "model",
    "Provenance": "model",
    "Reference": "model",
    "ReferenceList": "model",
    "Verification": "model",
    "NeedlingEvidenceError": "errors",
    "InputError": "errors",
    "StrictError": "errors",
    "CrossrefError": "errors",
    "UsageError": "errors",
}
_SUBMODULES = ("datasets",)

__all__ = sorted([*_EXPORTS, *_SUBMODULES, "__version__"])

if TYPE_CHECKING:
    from . import datasets as datasets
    from .article import load_article as load_article
    from .claims import load_claims as load_claims
    from .coverage import CoverageReport as CoverageReport
    from .coverage import coverage_report as coverage_report
    from .crossref.client import CrossrefClient as CrossrefClient
    from .crossref.verify import verification_table as verification_table
    from .crossref.verify import verify_references as verify_references
    from .doi import find_dois as find_dois
    from .doi import is_valid_doi as is_valid_doi
    from .doi import normalize_doi as normalize_doi
    from .drafting import draft_claims as draft_claims
    from .errors import CrossrefError as CrossrefError
    from .errors import InputError as InputError
    from .errors import NeedlingEvidenceError as NeedlingEvidenceError
    from .errors import StrictError as StrictError
    from .errors import UsageError as UsageError
    from .model import Article as Article
    from .model import Claim as Claim
    from .model import ClaimRegistry as ClaimRegistry
    from .model import EvidenceLink as EvidenceLink
    from .model import Notice as Notice
    from .model import Person as Person
    from .model import Problem as Problem
    from .model import Provenance as Provenance
    from .model import Reference as Reference
    from .model import ReferenceList as ReferenceList
    from .model import Verification as Verification
    from .pipeline import check_article as check_article
    from .pubmed.client import PubMedClient as PubMedClient
    from .references import load_references as load_references
    from .references.bibtex import add_bibtex_fields as add_bibtex_fields
    from .references.bibtex import read_bibtex as read_bibtex
    from .references.bibtex import write_bibtex as write_bibtex
    from .references.csl import read_csl_json as read_csl_json
    from .references.csl import write_csl_json as write_csl_json
    from .references.text import parse_references as parse_references


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
