"""Where the bundled files are: paths only, so that the index clients (which read the bundled snapshots)
need nothing else of the datasets package (its loaders read claims registries, which verification never
touches)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["dry_needling_path"]


def dry_needling_path(name: str = "") -> Path:
    """Path of a bundled dry-needling file (``article.txt``, ``references.bib``, ``claims.yaml``,
    ``library.bib``, ``crossref-snapshot.json``, ``references.txt``), or of the folder when ``name`` is
    empty."""
    folder = Path(str(resources.files(__package__).joinpath("dry_needling")))
    return folder / name if name else folder
