"""RIS (EndNote, Mendeley, Zotero, the Cochrane Library, PubMed) → references, read with ``rispy``.

rispy (MIT, well kept) reads the tags; it keeps no line numbers, silently drops a record without ``TY`` and
can fail on a malformed one, so the file is first split into ``TY … ER`` records here, each remembering its
first line, and each is given to rispy alone: a record rispy cannot read, and text outside any record, become
problems with their line numbers, and nothing the user wrote is lost (``raw`` keeps each record's text).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..doi import normalize_doi
from ..errors import StrictError
from ..model import Person, Problem, Reference, ReferenceList
from ._input import text_or_file

__all__ = ["RIS_TYPES", "read_ris"]

# RIS reference types → CSL types (RIS specification, Research Information Systems 2011).
RIS_TYPES: Mapping[str, str] = {
    "JOUR": "article-journal",
    "JFULL": "article-journal",
    "EJOUR": "article-journal",
    "ABST": "article-journal",
    "MGZN": "article-magazine",
    "NEWS": "article-newspaper",
    "BOOK": "book",
    "EBOOK": "book",
    "EDBOOK": "book",
    "CHAP": "chapter",
    "ECHAP": "chapter",
    "CONF": "paper-conference",
    "CPAPER": "paper-conference",
    "RPRT": "report",
    "THES": "thesis",
    "ELEC": "webpage",
    "WEB": "webpage",
    "GEN": "article",
}

_TY = re.compile(r"^\s*TY  - ")
_ER = re.compile(r"^\s*ER  -")
_PMID_URL = re.compile(r"(?:pubmed\.ncbi\.nlm\.nih\.gov/|ncbi\.nlm\.nih\.gov/pubmed/)(\d{1,9})")


def _person(name: str) -> Person:
    if "," in name:
        family, given = (p.strip() for p in name.split(",", 1))
        return Person(family=family, given=given or None)
    return Person(literal=name.strip())


def _first(entry: Mapping[str, Any], *names: str) -> str | None:
    for name in names:
        value = entry.get(name)
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str) and v.strip()), None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _reference(entry: Mapping[str, Any], start: int, raw: str, source: str | None) -> Reference:
    from .text import reference_key

    authors = tuple(
        _person(a)
        for name in ("authors", "first_authors")
        for a in entry.get(name) or []
        if isinstance(a, str) and a.strip()
    )
    year_text = _first(entry, "year", "publication_year", "date") or ""
    year_match = re.search(r"\d{4}", year_text)
    year = int(year_match.group(0)) if year_match else None
    title = _first(entry, "title", "primary_title", "translated_title")
    start_page, end_page = _first(entry, "start_page"), _first(entry, "end_page")
    pages = f"{start_page}-{end_page}" if start_page and end_page else start_page
    urls = [u for u in entry.get("urls") or [] if isinstance(u, str)]
    pmid_match = next((m for m in (_PMID_URL.search(u) for u in urls) if m), None)
    doi_text = _first(entry, "doi")
    return Reference(
        key=reference_key(authors, year, title),
        type=RIS_TYPES.get((_first(entry, "type_of_reference") or "").upper(), "article-journal"),
        title=title,
        authors=authors,
        year=year,
        container_title=_first(
            entry, "secondary_title", "journal_name", "alternate_title3", "alternate_title1"
        ),
        volume=_first(entry, "volume"),
        issue=_first(entry, "number"),
        pages=pages,
        doi=normalize_doi(doi_text) if doi_text else None,
        pmid=pmid_match.group(1) if pmid_match else None,
        url=urls[0] if urls else None,
        publisher=_first(entry, "publisher"),
        issn=(_first(entry, "issn") or "").split(" ")[0] or None,
        abstract=_first(entry, "abstract"),
        keywords=tuple(k for k in entry.get("keywords") or [] if isinstance(k, str)),
        note="; ".join(n for n in entry.get("notes") or [] if isinstance(n, str)) or None,
        raw=raw,
        file=source,
        line=start,
        fields={k: "; ".join(map(str, v)) if isinstance(v, list) else str(v) for k, v in entry.items()},
    )


def read_ris(path_or_text: str | os.PathLike[str], *, strict: bool = False) -> ReferenceList:
    """A RIS file (or its text: a string containing ``TY  -``) → references with ``.problems``."""
    import rispy  # type: ignore[import-untyped]  # lazy: only when a RIS file is read; no type hints

    text, source = text_or_file(path_or_text, "TY  -")
    problems: list[Problem] = []
    references: list[Reference] = []
    block: list[str] = []
    start = 0
    outside: list[tuple[int, str]] = []
    seen: set[str] = set()

    def finish(end_line: int) -> None:
        raw = "\n".join(block)
        try:
            complete = raw if _ER.match(block[-1]) else raw + "\nER  - "
            entries = rispy.loads(complete)
        except Exception as exc:  # rispy raises KeyError/ValueError on some malformed records
            problems.append(
                Problem(
                    "ris.unreadable_record",
                    f"the record at lines {start}-{end_line} could not be read "
                    f"({type(exc).__name__}: {exc}); "
                    "kept as raw text",
                    file=source,
                    line=start,
                    raw=raw,
                )
            )
            return
        if not entries:
            problems.append(
                Problem(
                    "ris.empty_record",
                    "a TY record with nothing rispy could read",
                    file=source,
                    line=start,
                    raw=raw,
                )
            )
            return
        reference = _reference(entries[0], start, raw, source)
        key, suffix = reference.key, ord("a")
        while key in seen:
            key = f"{reference.key}{chr(suffix)}"
            suffix += 1
        seen.add(key)
        references.append(replace(reference, key=key) if key != reference.key else reference)

    for number, line in enumerate(text.splitlines(), start=1):
        if _TY.match(line):
            if block:
                problems.append(
                    Problem(
                        "ris.missing_er",
                        "a record without 'ER  -' before the next 'TY  -'",
                        file=source,
                        line=start,
                    )
                )
                finish(number - 1)
            block, start = [line.strip()], number
        elif block:
            block.append(line)
            if _ER.match(line):
                finish(number)
                block = []
        elif line.strip():
            outside.append((number, line))
    if block:
        problems.append(Problem("ris.missing_er", "the last record has no 'ER  -'", file=source, line=start))
        finish(start + len(block) - 1)
    for number, line in outside:
        problems.append(
            Problem(
                "ris.outside_record",
                "text outside any 'TY  - … ER  -' record; not read",
                file=source,
                line=number,
                severity="warning",
                raw=line,
            )
        )
    problems.sort(key=lambda p: p.line or 0)
    if strict and problems:
        raise StrictError(problems)
    return ReferenceList(references, problems, source=source)
