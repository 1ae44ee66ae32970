"""PubMed: NCBI E-utilities and the PMC ID converter, through one client (:class:`PubMedClient`).

``client`` is the only module here that touches the network; ``records`` turns PubMed's answers into
:class:`PubMedRecord` values; ``lookup`` finds each reference in PubMed with as few requests as the routes
allow.
"""

from __future__ import annotations

from .client import PubMedClient, PubMedLookup, PubMedSnapshot, PubMedUnavailable
from .records import PubMedRecord, design_from_publication_types

__all__ = [
    "PubMedClient",
    "PubMedLookup",
    "PubMedRecord",
    "PubMedSnapshot",
    "PubMedUnavailable",
    "design_from_publication_types",
]
