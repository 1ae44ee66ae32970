"""Is this answer a Crossref work record, of the shape Crossref documents? (Checked before any verdict.)

A record whose compared fields have the wrong types (``title: 5``, ``author: "x"``, ``issued: "2020"``) would
otherwise compare as "nothing disagrees" and verify a DOI that may not exist (issue 13). The types are those
of Crossref's REST API schema (``Work`` in api.crossref.org/swagger-docs): titles and container titles are
lists of strings, authors and editors lists of objects with string names, dates objects whose ``date-parts``
is a list of lists of integers (``[[null]]`` when unknown), volume / issue / page / type strings, notices
(``update-to``, ``updated-by``) lists of objects. A field Crossref left out is fine: records are sparse.

:func:`work_problem` names the first thing wrong, in words, or returns ``None``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..doi import normalize_doi

__all__ = ["agency_problem", "work_problem"]

_STRING_LISTS = (
    "title",
    "subtitle",
    "short-title",
    "original-title",
    "container-title",
    "short-container-title",
    "ISSN",
    "ISBN",
    "subject",
)
_STRINGS = ("volume", "issue", "page", "type", "publisher", "article-number", "abstract", "prefix", "URL")
_PEOPLE = ("author", "editor")
_PERSON_STRINGS = ("given", "family", "name", "suffix", "sequence", "ORCID")
_PERSON_PARTS = frozenset(_PERSON_STRINGS)
_DATES = ("issued", "published", "published-print", "published-online", "created", "posted", "accepted")
_OBJECT_LISTS = ("update-to", "updated-by")


def _date_problem(value: Any) -> str | None:
    # ``type(x) is dict`` / ``int`` first: what a JSON decoder makes, checked at a fraction of the cost of
    # the ABC check (at 100,000 cached records, tenths of a second; issue 13); anything else takes the
    # general path, so what is accepted and the words of a problem are the same either way
    if type(value) is not dict and not isinstance(value, Mapping):
        return f"is a {type(value).__name__}, not a date object"
    parts = value.get("date-parts")
    if parts is None:
        return None  # some dates carry only "date-time" or "timestamp"
    if not isinstance(parts, list):
        return "has 'date-parts' that is not a list of lists"
    for part in parts:
        if not isinstance(part, list):
            return "has 'date-parts' that is not a list of lists"
    for part in parts:
        for x in part:
            if type(x) is not int and x is not None and (not isinstance(x, int) or isinstance(x, bool)):
                return "has 'date-parts' with values that are not integers"
    return None


def _string_list(value: Any) -> str | None:
    if not isinstance(value, list):
        return "is not a list of strings"
    for item in value:
        if type(item) is not str and not isinstance(item, str):
            return "is not a list of strings"
    return None


def _string(value: Any) -> str | None:
    return None if isinstance(value, str) else f"is a {type(value).__name__}, not a string"


def _people(value: Any) -> str | None:
    if not isinstance(value, list):
        return "is not a list of person objects"
    for person in value:
        if type(person) is dict:
            # one pass over what the person has (a string is the common case, checked first); a name part
            # that is no string sends the person through the ordered check below, which names it
            for key, got in person.items():
                if type(got) is not str and got is not None and key in _PERSON_PARTS:
                    break
            else:
                continue
        elif not isinstance(person, Mapping):
            return "is not a list of person objects"
        for part in _PERSON_STRINGS:
            got = person.get(part)
            if got is not None and not isinstance(got, str):
                return f"has a person whose '{part}' is not a string"
    return None


def _object_list(value: Any) -> str | None:
    if not isinstance(value, list):
        return "is not a list of objects"
    for item in value:
        if not isinstance(item, Mapping):
            return "is not a list of objects"
    return None


def _object(value: Any) -> str | None:
    return None if isinstance(value, Mapping) else "is not an object"


# field → its check: a table read once per field the record has (records are sparse; most have ~30 fields)
_CHECKS: dict[str, Any] = {
    **dict.fromkeys(_STRING_LISTS, _string_list),
    **dict.fromkeys(_STRINGS, _string),
    **dict.fromkeys(_PEOPLE, _people),
    **dict.fromkeys(_DATES, _date_problem),
    **dict.fromkeys(_OBJECT_LISTS, _object_list),
    "relation": _object,
}


def work_problem(message: Any, asked: str | None = None) -> str | None:
    """What makes ``message`` no Crossref work record for ``asked`` (a canonical DOI), or None if nothing."""
    if type(message) is not dict and not isinstance(message, Mapping):
        return f"the record is a {type(message).__name__}, not an object"
    doi = message.get("DOI")
    if asked is not None and doi == asked:
        # the record gives the DOI in the canonical form asked for: normalize_doi is idempotent, so it would
        # give ``asked`` back (the usual case; one normalisation less per DOI looked up)
        canonical: str | None = asked
    else:
        canonical = normalize_doi(doi) if isinstance(doi, str) else None
    if canonical is None:
        return "the record has no valid 'DOI'"
    if asked is not None and canonical != asked:
        return f"the record is for another DOI ({doi}) than the one asked ({asked})"
    for name, value in message.items():
        check = _CHECKS.get(name)
        if check is not None and value is not None:
            problem = check(value)
            if problem is not None:
                return f"'{name}' {problem}"
    return None


def agency_problem(message: Any, asked: str) -> str | None:
    """What makes ``message`` no answer of Crossref's ``/works/{doi}/agency`` route for ``asked``, or None."""
    if not isinstance(message, Mapping):
        return f"the agency answer is a {type(message).__name__}, not an object"
    doi = message.get("DOI")
    if doi is not None and (not isinstance(doi, str) or normalize_doi(doi) != asked):
        return f"the agency answer is for another DOI ({doi!r}) than the one asked ({asked})"
    agency = message.get("agency")
    if not isinstance(agency, Mapping) or not isinstance(agency.get("id"), str) or not agency["id"].strip():
        return "the agency answer names no agency"
    return None
