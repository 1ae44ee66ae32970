"""Bundled example data, usable offline after ``pip install``.

:func:`dry_needling` returns the article this project was built for — "Dry Needling Physio Therapy" by
Andy, as written — with its three cited works, the reviewed claims registry, a small library of outside works
(kept apart from the article's own citations: suggestions, and reviewed links that can show a claim
contradicted, never support) and the Crossref snapshot of the cited works.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import Article, ClaimRegistry, ReferenceList
from .paths import dry_needling_path

__all__ = ["DatasetBundle", "dry_needling", "dry_needling_path"]


@dataclass(frozen=True)
class DatasetBundle:
    article: Article
    references: ReferenceList  # the cited works, from the bundled references.bib
    claims: ClaimRegistry
    library: ReferenceList  # outside works named in the evidence notes: suggestions, and reviewed links that
    # can show a claim contradicted or conflicting, never support
    article_path: Path
    references_path: Path
    claims_path: Path
    library_path: Path
    snapshot_path: Path


def dry_needling() -> DatasetBundle:
    """The bundled dry-needling article, its references and its claims registry (works offline)."""
    from ..article import load_article
    from ..claims import load_claims
    from ..references.bibtex import read_bibtex

    article_path = dry_needling_path("article.txt")
    references_path = dry_needling_path("references.bib")
    claims_path = dry_needling_path("claims.yaml")
    library_path = dry_needling_path("library.bib")
    references = read_bibtex(references_path)
    library = read_bibtex(library_path)
    return DatasetBundle(
        article=load_article(article_path),
        references=references,
        # the registry links the cited works and, to show a claim contradicted, outside works in the library
        claims=load_claims(claims_path, references=references, library=library),
        library=library,
        article_path=article_path,
        references_path=references_path,
        claims_path=claims_path,
        library_path=library_path,
        snapshot_path=dry_needling_path("crossref-snapshot.json"),
    )
