"""CSL-JSON in and out: what Zotero ("Export → CSL JSON", Better CSL JSON) and pandoc
(``--bibliography x.json``) read and write.

Reading maps each item onto a :class:`~needling_evidence.model.Reference` through one table
(:data:`SCALAR_FIELDS`, plus names and dates). Nothing is dropped: every top-level field of the item is kept
in ``fields`` (strings as they are, other values as compact JSON), and the item exactly as read is kept under
``fields["csl_json"]`` so that :func:`write_csl_json` gives back what was read. Writing starts from that
original item and changes only the variables whose Reference value was changed since (a reference with one
field edited is written with that one field changed), or builds the item from the Reference when it came from
elsewhere (BibTeX, a pasted list).

A truncated author list ends with ``Person(literal="others")`` (BibTeX's ``and others``); it is written as the
CSL name ``{"literal": "others"}`` and read back as the same marker.

Problems (records, never exceptions): ``csl.not_an_item`` (an entry of the list is not an object),
``csl.missing_id`` (a key is made from author and year, as for pasted lists), ``csl.duplicate_id`` (the later
item gets a suffixed key), ``csl.missing_title``, ``csl.missing_type`` (warnings), ``csl.malformed_doi`` (the
DOI is kept in ``fields["DOI"]`` but ``doi`` is None). Each has the item's index in its message and the line
where the item starts. Text that is not JSON, or JSON that is not a CSL list, is an
:class:`~needling_evidence.errors.InputError` with line and column. Standard library only.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from .._files import atomic_write_text
from ..dates import date_parts
from ..doi import normalize_doi
from ..errors import InputError, StrictError
from ..model import Person, Problem, Reference, ReferenceList
from .text import reference_key

__all__ = [
    "CSL_JSON_FIELD",
    "SCALAR_FIELDS",
    "read_csl_json",
    "reference_from_csl",
    "reference_to_csl",
    "write_csl_json",
]

#: The ``Reference.fields`` entry holding the item exactly as read (compact JSON), for lossless writing.
CSL_JSON_FIELD = "csl_json"

#: CSL-JSON variable → Reference attribute, for the plain string variables.
SCALAR_FIELDS: Mapping[str, str] = {
    "title": "title",
    "container-title": "container_title",
    "volume": "volume",
    "issue": "issue",
    "page": "pages",
    "PMID": "pmid",
    "PMCID": "pmcid",
    "URL": "url",
    "publisher": "publisher",
    "ISBN": "isbn",
    "ISSN": "issn",
    "abstract": "abstract",
    "note": "note",
}
_NAME_FIELDS: Mapping[str, str] = {"author": "authors", "editor": "editors"}
# CSL string variables with no Reference attribute, and the ``fields`` names they are kept under: as pasted
# (text.py), as BibTeX (bibtex.py) and as CSL itself. Without them a reference written to CSL-JSON would lose
# its edition or place of publication.
_EXTRA_VARIABLES: Mapping[str, tuple[str, ...]] = {
    "edition": ("edition",),
    "publisher-place": ("publisher-place", "publisher_place", "address", "location"),
    "collection-title": ("collection-title", "series"),
}
# Reference attributes that writing compares with what the original item gives (see reference_to_csl).
_COMPARED = (*SCALAR_FIELDS.values(), "doi", "authors", "editors", "year", "month", "type", "keywords", "key")

# The CSL type a reference gets when its item has none; CSL 1.0.2's catch-all.
DEFAULT_TYPE = "document"


# --- reading ------------------------------------------------------------------------------------------------


def _text_of(value: Any) -> str | None:
    """A CSL string variable; numbers (``"volume": 47``) become strings; a one-element list (old citeproc-js
    ``container-title``) gives its element."""
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def _person_from_csl(name: Any) -> Person | None:
    if not isinstance(name, Mapping):
        return Person(literal=str(name)) if isinstance(name, str) and name.strip() else None
    given = _text_of(name.get("given"))
    dropping = _text_of(name.get("dropping-particle"))
    if dropping:
        given = f"{given} {dropping}" if given else dropping
    person = Person(
        family=_text_of(name.get("family")),
        given=given,
        suffix=_text_of(name.get("suffix")),
        particle=_text_of(name.get("non-dropping-particle")),
        literal=_text_of(name.get("literal")),
    )
    return person if any((person.family, person.given, person.literal)) else None


_ISO_DATE = re.compile(r"^((?:1[5-9]|20)\d{2})(?:-(\d{2})(?:-\d{2})?)?(?:T.*)?$")


def _date_parts(value: Any) -> tuple[int | None, int | None]:
    """(year, month) of a CSL date: ``{"date-parts": [[2017, 3]]}``, or a year in ``raw``/``literal`` text
    (with the month of an ISO ``2017-03-01``). A bare string or number (``"issued": "2020"``, not CSL but
    common in hand-written and converted files) is read as ``raw``."""
    if isinstance(value, str | int) and not isinstance(value, bool):
        value = {"raw": str(value)}
    if not isinstance(value, Mapping):
        return None, None
    parts = date_parts(value)
    if parts:
        month = parts[1] if len(parts) > 1 else None
        return parts[0], month if month is not None and 1 <= month <= 12 else None
    for key in ("raw", "literal"):
        text = value.get(key)
        if isinstance(text, str):
            iso = _ISO_DATE.match(text.strip())
            if iso:
                month = int(iso.group(2)) if iso.group(2) else None
                return int(iso.group(1)), month if month is not None and 1 <= month <= 12 else None
            match = re.search(r"\b(1[5-9]|20)\d{2}\b", text)
            if match:
                return int(match.group(0)), None
    return None, None


def _keywords(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if str(v).strip())
    if isinstance(value, str):
        return tuple(k.strip() for k in re.split(r"[,;]", value) if k.strip())
    return ()


def reference_from_csl(
    item: Mapping[str, Any],
    *,
    key: str | None = None,
    file: str | None = None,
    line: int | None = None,
    raw: str | None = None,
) -> Reference:
    """One CSL-JSON item → a Reference (no problems reported: see :func:`read_csl_json` for those).

    ``key`` defaults to the item's ``id``, or to one made from author and year when it has none.
    """
    values: dict[str, Any] = {}
    for csl_name, attribute in SCALAR_FIELDS.items():
        values[attribute] = _text_of(item.get(csl_name))
    values["pmid"], values["pmcid"] = _pubmed_ids(item, values.get("note"))
    for csl_name, attribute in _NAME_FIELDS.items():
        names = item.get(csl_name)
        persons = [_person_from_csl(n) for n in names] if isinstance(names, list) else []
        values[attribute] = tuple(p for p in persons if p is not None)
    year, month = _date_parts(item.get("issued"))
    doi_text = _text_of(item.get("DOI"))
    if key is None:
        key = _text_of(item.get("id")) or reference_key(values["authors"], year, values["title"])
    fields = {name: _field_text(value) for name, value in item.items()}
    fields[CSL_JSON_FIELD] = json.dumps(item, ensure_ascii=False, separators=(",", ":"))
    return Reference(
        key=key,
        type=_text_of(item.get("type")) or DEFAULT_TYPE,
        year=year,
        month=month,
        doi=normalize_doi(doi_text) if doi_text else None,
        keywords=_keywords(item.get("keyword")),
        raw=raw,
        file=file,
        line=line,
        fields=fields,
        **values,
    )


def _pubmed_ids(item: Mapping[str, Any], note: str | None) -> tuple[str | None, str | None]:
    """PMID and PMCID, canonical (``28154098``, ``PMC5321635``). CSL names them ``PMID``/``PMCID``; some
    exporters write them in lower case, or as ``PMID: 28154098`` / ``5321635``; Zotero puts them in ``note``
    (its "Extra" field: ``PMID: 28154098``) when the item type has no such variable."""
    from ..doi import find_pmcids, find_pmids, normalize_pmcid, normalize_pmid

    pmid_text = _text_of(item.get("PMID")) or _text_of(item.get("pmid"))
    pmcid_text = _text_of(item.get("PMCID")) or _text_of(item.get("pmcid"))
    pmid = normalize_pmid(pmid_text) if pmid_text else None
    pmcid = normalize_pmcid(pmcid_text) if pmcid_text else None
    if note and pmid is None and pmid_text is None:
        pmid = next(iter(find_pmids(note)), None)
    if note and pmcid is None and pmcid_text is None:
        pmcid = next(iter(find_pmcids(note)), None)
    return pmid or pmid_text, pmcid or pmcid_text


def _field_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def read_csl_json(path_or_text: str | os.PathLike[str], *, strict: bool = False) -> ReferenceList:
    """A CSL-JSON file (or its text) → references with ``.problems``, in file order.

    A string that starts with ``[`` or ``{`` is read as the JSON text itself; anything else is a path. Accepts
    a list of items (Zotero, pandoc), an object with an ``items`` or ``references`` list, or a single item.
    ``strict=True`` raises :class:`~needling_evidence.errors.StrictError` when there is any problem.
    """
    text, source = _read_source(path_or_text)
    items, starts = _decode(text, source)
    problems: list[Problem] = []
    references: list[Reference] = []
    seen: set[str] = set()
    next_suffix: dict[str, int] = {}  # base key -> next suffix to try, so n repeats cost n steps, not n²
    counted_to, lines_before = 0, 0  # items come in text order: count line breaks once, not from 0 each time
    for index, (item, (start, end)) in enumerate(zip(items, starts, strict=True)):
        line = None
        if start >= 0:
            lines_before += text.count("\n", counted_to, start)
            counted_to = start
            line = lines_before + 1
        where = f"item {index} (line {line})" if line else f"item {index}"
        if not isinstance(item, Mapping):
            problems.append(
                Problem(
                    "csl.not_an_item",
                    f"{where} is a JSON {_json_kind(item)}, not an object; skipped",
                    file=source,
                    line=line,
                    raw=text[start:end] if start >= 0 else None,
                )
            )
            continue
        raw = text[start:end] if start >= 0 else None
        try:
            reference = reference_from_csl(item, file=source, line=line, raw=raw)
        except RecursionError:
            problems.append(
                Problem(
                    "csl.too_deep",
                    f"{where} is nested too deeply to be a CSL item; skipped",
                    file=source,
                    line=line,
                    raw=raw,
                )
            )
            continue
        item_id = _text_of(item.get("id"))
        if item_id is None:
            problems.append(
                Problem(
                    "csl.missing_id",
                    f"{where} has no id; it is called {reference.key!r} here",
                    file=source,
                    line=line,
                    key=reference.key,
                    field="id",
                )
            )
        key = reference.key
        suffix = next_suffix.get(reference.key, ord("a"))
        while key in seen:  # same rule as pasted lists: the first keeps the key, later ones get a, b, …
            key = f"{reference.key}{chr(suffix)}" if suffix <= ord("z") else f"{reference.key}-{suffix}"
            suffix += 1
        next_suffix[reference.key] = suffix
        if key != reference.key:
            problems.append(
                Problem(
                    "csl.duplicate_id",
                    f"{where} repeats the id {reference.key!r} of an earlier item; it is called {key!r} here",
                    file=source,
                    line=line,
                    key=key,
                    field="id",
                )
            )
            reference = _replace_key(reference, key)
        seen.add(key)
        problems.extend(_item_problems(item, reference, where, source, line))
        references.append(reference)
    if strict and problems:
        raise StrictError(problems)
    return ReferenceList(references, problems, source=source)


def _replace_key(reference: Reference, key: str) -> Reference:
    return replace(reference, key=key)


def _item_problems(
    item: Mapping[str, Any], reference: Reference, where: str, source: str | None, line: int | None
) -> list[Problem]:
    problems: list[Problem] = []
    if not reference.title:
        problems.append(
            Problem(
                "csl.missing_title",
                f"{where} ({reference.key}) has no title",
                file=source,
                line=line,
                severity="warning",
                key=reference.key,
                field="title",
            )
        )
    if _text_of(item.get("type")) is None:
        problems.append(
            Problem(
                "csl.missing_type",
                f"{where} ({reference.key}) has no type; read as {DEFAULT_TYPE!r}",
                file=source,
                line=line,
                severity="warning",
                key=reference.key,
                field="type",
            )
        )
    doi_text = _text_of(item.get("DOI"))
    if doi_text and reference.doi is None:
        problems.append(
            Problem(
                "csl.malformed_doi",
                f"{where} ({reference.key}) has a DOI that is not valid: {doi_text!r}",
                file=source,
                line=line,
                key=reference.key,
                field="DOI",
                raw=doi_text,
            )
        )
    return problems


def _json_kind(value: Any) -> str:
    return {list: "array", str: "string", bool: "boolean", type(None): "null"}.get(type(value), "number")


def _read_source(path_or_text: str | os.PathLike[str]) -> tuple[str, str | None]:
    if isinstance(path_or_text, str) and path_or_text.lstrip("\ufeff \t\r\n")[:1] in ("[", "{"):
        return path_or_text, None
    if isinstance(path_or_text, str) and not path_or_text.strip():
        raise InputError("empty CSL-JSON input (neither a path nor JSON text)")
    path = Path(path_or_text)
    name = str(path)
    try:
        exists = path.exists()
    except (OSError, ValueError) as error:  # a name too long for the system, or with a NUL in it
        shown = name if len(name) <= 80 else name[:77] + "..."
        raise InputError(
            f"neither CSL-JSON text (which starts with '[' or '{{') nor a file name: {error}", path=shown
        ) from error
    if not exists:
        raise InputError("no such file", path=name)
    if path.is_dir():
        raise InputError("is a directory, not a CSL-JSON file", path=name)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot be read: {error.strerror or error}", path=name) from error
    if not data.strip():
        raise InputError(
            "is empty; a CSL-JSON file holds a list of items ([] when there are none)", path=name
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"is not UTF-8 text (byte 0x{data[error.start]:02x}); JSON files must be UTF-8",
            path=name,
            line=line,
        ) from error
    return text, name


def _decode(text: str, source: str | None) -> tuple[list[Any], list[tuple[int, int]]]:
    """The items and, for each, its (start, end) offsets in the text (-1 when not known)."""
    stripped = text.lstrip("\ufeff")
    offset = len(text) - len(stripped)
    decoder = json.JSONDecoder()
    try:
        if stripped.lstrip().startswith("["):
            return _decode_array(text, offset + len(stripped) - len(stripped.lstrip()), decoder)
        value = json.loads(stripped)
    except json.JSONDecodeError as error:
        raise _json_error(error, source) from error
    except RecursionError:
        # CSL items are a few levels deep; JSON nested hundreds deep is not CSL-JSON (and would exhaust the
        # stack of every reader after this one).
        raise InputError("is not CSL-JSON: its values are nested too deeply to read", path=source) from None
    if isinstance(value, Mapping):
        for container in ("items", "references"):
            if isinstance(value.get(container), list):
                items = value[container]
                return items, [(-1, -1)] * len(items)
        if "id" in value or "type" in value or "title" in value:
            return [value], [(offset, len(text))]
    found = "object that is not an item" if isinstance(value, Mapping) else f"JSON {_json_kind(value)}"
    raise InputError(f"is not CSL-JSON: expected a list of items, found a {found}", path=source)


def _decode_array(
    text: str, start: int, decoder: json.JSONDecoder
) -> tuple[list[Any], list[tuple[int, int]]]:
    """Walk the top-level array item by item so each item's position (hence its line) is known."""
    items: list[Any] = []
    spans: list[tuple[int, int]] = []
    position = _skip_space(text, start + 1)
    if position < len(text) and text[position] == "]":
        _expect_end(text, position + 1)
        return items, spans
    while True:
        item, end = decoder.raw_decode(text, position)
        items.append(item)
        spans.append((position, end))
        position = _skip_space(text, end)
        if position < len(text) and text[position] == ",":
            position = _skip_space(text, position + 1)
            continue
        if position < len(text) and text[position] == "]":
            _expect_end(text, position + 1)
            return items, spans
        raise json.JSONDecodeError("Expecting ',' delimiter", text, position)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _expect_end(text: str, position: int) -> None:
    position = _skip_space(text, position)
    if position != len(text):
        raise json.JSONDecodeError("Extra data", text, position)


def _json_error(error: json.JSONDecodeError, source: str | None) -> InputError:
    message = f"is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
    if source is None:
        message = f"CSL-JSON text {message}"
    return InputError(message, path=source, line=error.lineno)


# --- writing ------------------------------------------------------------------------------------------------


def _person_to_csl(person: Person) -> dict[str, str]:
    name: dict[str, str] = {}
    if person.literal:
        name["literal"] = person.literal
        return name
    if person.family:
        name["family"] = person.family
    if person.given:
        name["given"] = person.given
    if person.particle:
        name["non-dropping-particle"] = person.particle
    if person.suffix:
        name["suffix"] = person.suffix
    return name


def _set_attribute(item: dict[str, Any], attribute: str, reference: Reference) -> None:
    """Write one Reference attribute into the CSL item (removing the variable when the value is empty)."""
    value = getattr(reference, attribute)
    if attribute == "key":
        item["id"] = value
        return
    if attribute in ("year", "month"):
        if reference.year is None:
            item.pop("issued", None)
        else:
            parts = [reference.year] + ([reference.month] if reference.month else [])
            item["issued"] = {"date-parts": [parts]}
        return
    csl_name = {
        **{attr: name for name, attr in SCALAR_FIELDS.items()},
        **{attr: name for name, attr in _NAME_FIELDS.items()},
        "doi": "DOI",
        "type": "type",
        "keywords": "keyword",
    }[attribute]
    if attribute in _NAME_FIELDS.values():
        value = [_person_to_csl(p) for p in value]
    elif attribute == "keywords":
        value = ", ".join(value)
    if value in (None, "", []):
        item.pop(csl_name, None)
    else:
        item[csl_name] = value


def reference_to_csl(reference: Reference) -> dict[str, Any]:
    """A Reference → one CSL-JSON item.

    A reference read from CSL-JSON is written as its original item, with only the attributes that differ from
    what that item reads as replaced; any other reference is built from its attributes (``id`` is the key).
    """
    original = _original_item(reference)
    if original is not None:
        item: dict[str, Any] = original
        as_read = reference_from_csl(item)
        for attribute in _COMPARED:
            if getattr(reference, attribute) != getattr(as_read, attribute):
                _set_attribute(item, attribute, reference)
        return item
    item = {"id": reference.key, "type": reference.type}
    for attribute in _COMPARED:
        if attribute not in ("key", "type"):
            _set_attribute(item, attribute, reference)
    for variable, names in _EXTRA_VARIABLES.items():
        value = next((reference.fields[n] for n in names if reference.fields.get(n)), None)
        if value:
            item[variable] = value
    return item


def _original_item(reference: Reference) -> dict[str, Any] | None:
    """The item the reference was read from, if it was read from CSL-JSON (and the copy is intact)."""
    text = reference.fields.get(CSL_JSON_FIELD)
    if text is None:
        return None
    try:
        item = json.loads(text)
    except ValueError:  # someone edited fields by hand; build the item from the attributes instead
        return None
    return item if isinstance(item, dict) else None


def write_csl_json(references: Iterable[Reference], path: str | os.PathLike[str] | None = None) -> str | Path:
    """References → CSL-JSON. Without ``path``, returns the JSON text; with it, writes the file atomically
    (temporary file in the same folder, then ``os.replace``) and returns its path."""
    items = [reference_to_csl(r) for r in references]
    text = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    if path is None:
        return text
    target = Path(path)
    if target.is_dir():
        raise InputError("is a directory; give a file name to write the CSL-JSON to", path=str(target))
    atomic_write_text(target, text)
    return target
