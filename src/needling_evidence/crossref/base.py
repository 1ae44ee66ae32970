"""The contract between the Crossref client and the verification stage.

The client answers in these values and never in habanero's shapes: one :class:`Lookup` per DOI asked, in
the order asked, whatever the count (habanero returns a dict for one id and a list for several), and a failure
is a ``failed`` outcome — never the same thing as ``not_found`` (habanero's ``warn=True`` turns a 429 into
the same ``None`` as a 404).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from ..model import Provenance

__all__ = ["Lookup", "LookupOutcome", "Progress", "SearchResult", "WorkSource"]

LookupOutcome = Literal["found", "not_found", "failed"]

# progress(done, total): called as lookups complete; the CLI draws a bar with it
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Lookup:
    """The answer to one DOI lookup."""

    doi: str  # canonical DOI, as asked
    outcome: LookupOutcome
    message: Mapping[str, Any] | None = None  # Crossref's "message" object when found
    provenance: Provenance | None = None
    agency: str | None = None  # after a 404: "crossref", "datacite", "medra", … (None when unknown)
    error: str | None = None  # when failed: what went wrong, in words
    status_code: int | None = None


@dataclass(frozen=True)
class SearchResult:
    """Candidates for a free-text reference (``query.bibliographic``), best first, with Crossref's scores."""

    query: str
    outcome: Literal["found", "failed"]
    items: tuple[Mapping[str, Any], ...] = ()
    provenance: Provenance | None = None
    error: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


class WorkSource(Protocol):
    """What verification needs from a Crossref client (``CrossrefClient`` implements it)."""

    def lookup_dois(self, dois: Sequence[str], *, progress: Progress | None = None) -> list[Lookup]: ...

    def search_bibliographic(self, text: str, *, rows: int = 5) -> SearchResult: ...
