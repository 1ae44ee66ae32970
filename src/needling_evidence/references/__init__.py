"""Reading references from every form a user has them in: BibTeX, CSL-JSON, or a pasted reference list.

:func:`load_references` picks the reader by the file's extension (:data:`READERS`). Each reader returns
a :class:`~needling_evidence.model.ReferenceList` whose ``.problems`` name the file and line; a file that
cannot be read at all (missing, a directory, empty, binary, not decodable) raises
:class:`~needling_evidence.errors.InputError` naming it.

A ``.txt``/``.md`` file may be a reference list or a whole article: of an article only the reference section
is read (:func:`~needling_evidence.references.text.reference_section`), never its byline or body.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError
from ..model import ReferenceList

__all__ = ["READERS", "load_references"]

#: File extension → the kind of reference file it holds.
READERS: dict[str, str] = {
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".json": "csl-json",
    ".ris": "ris",
    ".nbib": "medline",
    ".medline": "medline",
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
}


def load_references(path: str | os.PathLike[str], *, strict: bool = False) -> ReferenceList:
    """References from a file, by its type: ``.bib`` (BibTeX), ``.json`` (CSL-JSON), ``.ris`` (RIS),
    ``.nbib``/``.medline`` (PubMed's MEDLINE export), ``.txt``/``.md`` (a reference list as people paste it,
    APA or Vancouver). ``strict=True`` raises
    :class:`~needling_evidence.errors.StrictError` when the file has problems."""
    file = Path(path)
    kind = READERS.get(file.suffix.lower())
    if kind is None:
        supported = ", ".join(sorted(READERS))
        raise InputError(
            f"unknown reference file type {file.suffix or '(no extension)'!r}; supported: {supported}",
            path=str(file),
        )
    # the checks every reader needs, done once here so each gives the same message
    from .bibtex import read_bytes, reject_binary

    data = read_bytes(file)
    if kind == "bibtex":
        from .bibtex import read_bibtex

        return read_bibtex(file, strict=strict)
    if kind in ("ris", "medline"):
        reject_binary(data, str(file), expected="RIS" if kind == "ris" else "MEDLINE (PubMed export)")
        from .medline import read_medline
        from .ris import read_ris

        return (read_ris if kind == "ris" else read_medline)(file, strict=strict)
    if kind == "text" and data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Word's and Notepad's "Unicode text" is UTF-16 with a byte-order mark: text, though full of NUL bytes
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(
                "starts with a UTF-16 byte-order mark but is not UTF-16", path=str(file)
            ) from None
        return _read_text_list(text, str(file), strict)
    reject_binary(data, str(file), expected="CSL-JSON" if kind == "csl-json" else "a reference list (text)")
    if kind == "csl-json":
        from .csl import read_csl_json

        return read_csl_json(file, strict=strict)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError("is not UTF-8 text; save it as UTF-8", path=str(file), line=line) from None
    return _read_text_list(text, str(file), strict)


def _read_text_list(text: str, source: str, strict: bool) -> ReferenceList:
    """A reference list, or an article: then only its reference section (under a "References" heading, or
    its trailing numbered list), so the byline and the body are not read as references."""
    from .text import parse_references, reference_section

    section = reference_section(text)
    if section is None:
        return parse_references(text, source=source, strict=strict)
    section_text, first_line = section
    return parse_references(section_text, source=source, strict=strict, start_line=first_line)
