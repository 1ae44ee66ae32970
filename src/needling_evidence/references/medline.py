"""PubMed's MEDLINE format (the "Citation manager" export, ``.nbib`` / ``.medline`` / ``pubmed-*.txt``).

A small parser of our own: the format is a tag of up to four letters padded to four, ``- ``, the value,
and continuation lines indented by six spaces; records are separated by blank lines (NLM, "MEDLINE/PubMed
Data Element (Field) Descriptions"). Biopython's ``Bio.Medline`` reads it well but would bring Biopython
(and NumPy) for thirty lines of parsing, and it keeps no line numbers. Every record remembers its first
line; a line that is neither a tag nor a continuation becomes a problem with its line number, and each
record's text is kept in ``raw``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from ..doi import normalize_doi
from ..errors import StrictError
from ..model import Person, Problem, Reference, ReferenceList
from ._input import text_or_file

__all__ = ["expand_medline_pages", "read_medline"]

_TAG = re.compile(r"^([A-Z][A-Z0-9]{0,3})\s*- ?(.*)$")
_CONTINUATION = re.compile(r"^ {6}(.*)$")
_YEAR = re.compile(r"\b(\d{4})\b")
_MONTHS = {
    m: n
    for n, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_ID_TYPE = re.compile(r"^(.*?)\s*\[(\w+)\]\s*$")


def _records(
    lines: list[str], source: str | None
) -> tuple[list[tuple[int, list[tuple[str, str]], str]], list[Problem]]:
    """(first line, [(tag, value)], raw text) per record, and the problems met."""
    records: list[tuple[int, list[tuple[str, str]], str]] = []
    problems: list[Problem] = []
    fields: list[tuple[str, str]] = []
    raw: list[str] = []
    start = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if fields:
                records.append((start, fields, "\n".join(raw)))
            fields, raw = [], []
            continue
        tag = _TAG.match(line)
        continuation = _CONTINUATION.match(line)
        if tag and not line.startswith(" "):
            if not fields:
                start = number
            fields.append((tag.group(1), tag.group(2).strip()))
            raw.append(line)
        elif continuation and fields:
            name, value = fields[-1]
            fields[-1] = (name, f"{value} {continuation.group(1).strip()}".strip())
            raw.append(line)
        else:
            problems.append(
                Problem(
                    "medline.bad_line",
                    "not a MEDLINE tag line ('TAG - value') nor a continuation (six spaces); kept in the "
                    "record's raw text but not read",
                    file=source,
                    line=number,
                    raw=line,
                )
            )
            raw.append(line)
    if fields:
        records.append((start, fields, "\n".join(raw)))
    return records, problems


def _person(full: str | None, short: str | None) -> Person:
    if full and "," in full:
        family, given = (p.strip() for p in full.split(",", 1))
        return Person(family=family, given=given or None)
    text = (full or short or "").strip()
    family, _, initials = text.rpartition(" ")
    if family and initials.isupper():
        return Person(family=family, given=initials)
    return Person(literal=text)


def _authors(fields: list[tuple[str, str]]) -> tuple[Person, ...]:
    full = [v for t, v in fields if t == "FAU"]
    short = [v for t, v in fields if t == "AU"]
    if full:
        return tuple(_person(f, None) for f in full)
    collective = [Person(literal=v) for t, v in fields if t == "CN"]
    return tuple(_person(None, s) for s in short) + tuple(collective)


def _first(fields: Iterable[tuple[str, str]], *tags: str) -> str | None:
    for wanted in tags:
        for tag, value in fields:
            if tag == wanted and value:
                return value
    return None


def _ids(fields: list[tuple[str, str]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag, value in fields:
        if tag in ("AID", "LID"):
            match = _ID_TYPE.match(value)
            if match:
                found.setdefault(match.group(2).lower(), match.group(1))
    return found


def expand_medline_pages(pages: str | None) -> str | None:
    """MEDLINE abbreviates page ranges ("2310-5" is 2310-2315); expand them so they compare with others."""
    if not pages:
        return pages
    match = re.fullmatch(r"\s*([A-Za-z]?)(\d+)\s*-\s*([A-Za-z]?)(\d+)\s*", pages)
    if not match:
        return pages.strip()
    prefix, first, prefix2, last = match.groups()
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    return f"{prefix}{first}-{prefix2 or prefix}{last}"


def _reference(start: int, fields: list[tuple[str, str]], raw: str, source: str | None) -> Reference:
    from .text import reference_key

    authors = _authors(fields)
    date = _first(fields, "DP") or ""
    year_match = _YEAR.search(date)
    year = int(year_match.group(1)) if year_match else None
    month_match = re.search(r"\b([A-Za-z]{3})", date)
    month = _MONTHS.get(month_match.group(1).casefold()) if month_match else None
    ids = _ids(fields)
    doi_text = ids.get("doi")
    title = _first(fields, "TI", "BTI")
    pmid = _first(fields, "PMID")
    publication_types = [v for t, v in fields if t == "PT"]
    mesh = [v for t, v in fields if t == "MH"]
    return Reference(
        key=reference_key(authors, year, title),
        type="book" if _first(fields, "BTI") and not _first(fields, "TI") else "article-journal",
        title=title,
        authors=authors,
        year=year,
        month=month,
        container_title=_first(fields, "JT", "TA"),
        volume=_first(fields, "VI"),
        issue=_first(fields, "IP"),
        pages=expand_medline_pages(_first(fields, "PG")),
        doi=normalize_doi(doi_text) if doi_text else None,
        pmid=pmid,
        pmcid=_first(fields, "PMC"),
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid else None,
        issn=(_first(fields, "IS") or "").split(" ")[0] or None,
        abstract=_first(fields, "AB"),
        keywords=tuple(mesh),
        raw=raw,
        file=source,
        line=start,
        fields={
            **{tag: "; ".join(v for t, v in fields if t == tag) for tag in dict(fields)},
            "publication_types": "; ".join(publication_types),
        },
    )


def read_medline(path_or_text: str | os.PathLike[str], *, strict: bool = False) -> ReferenceList:
    """A MEDLINE/``.nbib`` file (or its text: a string containing ``PMID-``) → references with
    ``.problems``."""
    text, source = text_or_file(path_or_text, "PMID-")
    records, problems = _records(text.splitlines(), source)
    references: list[Reference] = []
    seen: set[str] = set()
    for start, fields, raw in records:
        reference = _reference(start, fields, raw, source)
        if not reference.pmid and not reference.title:
            problems.append(
                Problem(
                    "medline.not_a_record",
                    "a block with neither PMID nor TI (title); kept as raw text, not read as a reference",
                    file=source,
                    line=start,
                    raw=raw,
                )
            )
            continue
        key, suffix = reference.key, ord("a")
        while key in seen:
            key = f"{reference.key}{chr(suffix)}"
            suffix += 1
        seen.add(key)
        if key != reference.key:
            from dataclasses import replace

            reference = replace(reference, key=key)
        references.append(reference)
    problems.sort(key=lambda p: p.line or 0)
    if strict and problems:
        raise StrictError(problems)
    return ReferenceList(references, problems, source=source)
