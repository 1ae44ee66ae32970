"""Editorial notices on a work — retraction, correction, expression of concern, withdrawal — from Crossref.

Crossref records a notice on both sides: the work that was updated carries ``updated-by`` (one entry per
notice: ``type``, ``label``, the notice's ``DOI``, the ``updated`` date and, since Crossref added Retraction
Watch data, a ``source``: ``publisher`` or ``retraction-watch``); the notice itself carries ``update-to``
pointing back at the work it updates. :func:`notices_from_work` reads the first; :func:`updates_from_work`
reads the second, so a reference that cites a retraction notice instead of the article is flagged too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..dates import date_parts
from ..model import Notice

__all__ = ["UPDATE_TYPES", "notice_kind", "notices_from_work", "updates_from_work"]

# Crossref's update types (Crossmark deposit schema and Retraction Watch records) → our notice vocabulary
# (model.NOTICE_KINDS). Types with no equivalent — addendum, clarification, new_version, new_edition … — keep
# Crossref's own label as the kind, so they are still listed and never mistaken for a retraction.
UPDATE_TYPES: Mapping[str, str] = {
    "retraction": "retraction",
    "partial_retraction": "retraction",
    "retracted": "retraction",
    "correction": "correction",
    "corrigendum": "correction",
    "erratum": "correction",
    "expression_of_concern": "expression_of_concern",
    "withdrawal": "withdrawal",
    "removal": "withdrawal",
}

# Entries written before Crossref merged Retraction Watch data carry no ``source``; all of those came from the
# publisher's Crossmark deposit (the only way a notice reached Crossref then).
_DEFAULT_SOURCE = "publisher"


def notice_kind(update_type: str) -> str:
    """Our notice kind for a Crossref update type: ``"Expression of Concern"`` → ``expression_of_concern``."""
    key = update_type.strip().casefold().replace("-", "_").replace(" ", "_")
    return UPDATE_TYPES.get(key, key)


def _iso_date(value: Any) -> str | None:
    """``{"date-parts": [[2012, 5, 8]]}`` → ``2012-05-08`` (as many parts as Crossref gives)."""
    numbers = date_parts(value)
    if not numbers:
        return None
    year, *rest = numbers
    return "-".join([f"{year:04d}", *(f"{n:02d}" for n in rest)])


def _notice(entry: Mapping[str, Any], *, label_prefix: str = "") -> Notice | None:
    update_type = entry.get("type")
    if not isinstance(update_type, str) or not update_type.strip():
        return None
    doi = entry.get("DOI")
    source = entry.get("source")
    label = entry.get("label")
    label_text = label if isinstance(label, str) and label.strip() else update_type
    return Notice(
        kind=notice_kind(update_type),
        doi=doi.casefold() if isinstance(doi, str) and doi.strip() else None,
        date=_iso_date(entry.get("updated")),
        source=source if isinstance(source, str) and source.strip() else _DEFAULT_SOURCE,
        label=f"{label_prefix}{label_text}",
    )


def _entries(work: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    value = work.get(name)
    if not isinstance(value, list):
        return []
    return [entry for entry in value if isinstance(entry, Mapping)]


def notices_from_work(work: Mapping[str, Any]) -> tuple[Notice, ...]:
    """Notices about this work (its ``updated-by`` entries), oldest first, one per entry."""
    notices = [n for n in (_notice(e) for e in _entries(work, "updated-by")) if n is not None]
    return tuple(sorted(notices, key=lambda n: n.date or ""))


def updates_from_work(work: Mapping[str, Any]) -> tuple[Notice, ...]:
    """When this work is itself a notice (``update-to``): one :class:`Notice` per work it updates.

    The notice's ``doi`` is the *updated* work's DOI and the label says so ("is the Retraction notice for …"):
    a reference that cites a retraction notice as evidence is flagged like a retracted one.
    """
    notices: list[Notice] = []
    for entry in _entries(work, "update-to"):
        target = entry.get("DOI")
        prefix = (
            f"this record is a notice for {target}: "
            if isinstance(target, str)
            else "this record is a notice: "
        )
        notice = _notice(entry, label_prefix=prefix)
        if notice is not None:
            notices.append(notice)
    return tuple(notices)
