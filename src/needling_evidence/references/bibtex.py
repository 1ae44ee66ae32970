"""BibTeX in and out: :func:`read_bibtex`, :func:`write_bibtex`, :func:`add_bibtex_fields`.

Reading is bibtexparser v2's block splitter (the only bibtexparser import in the package) followed by our own
steps, in one visible loop (:func:`_read_library`): resolve ``@string`` macros and ``#`` concatenation, remove
the outer delimiters, decode LaTeX (:mod:`.latex`, checked against pylatexenc), split names (:mod:`.names`),
normalise the DOI, and check. Doing these ourselves instead of through bibtexparser's middleware keeps a
20,000-entry file within 2× of the bare split (``tests/benchmarks/bench_bibtex.py``).

What the user wrote is never lost or silently changed: each reference keeps its block verbatim in ``raw``,
every field decoded in ``fields`` (verbatim fields — ``url``, ``doi``, ``file``, ``eprint`` — are not
LaTeX-decoded, except that Mendeley's backslash escapes in a ``url`` are undone), and every problem becomes a
:class:`~needling_evidence.model.Problem` with file and line:

====================== ========= =====================================================================
code                   severity  when
====================== ========= =====================================================================
bibtex.parse_failed    error     a block bibtexparser could not parse (unbalanced braces, missing comma…)
bibtex.duplicate_key   error     a second entry with a key already used (the first is kept)
bibtex.duplicate_field warning   a field given twice in one entry (the first value is kept)
bibtex.duplicate_work  warning   the same work under two keys: same DOI, or same title + year + first author
bibtex.missing_field   warning   no title, no author/editor, or no year/date
bibtex.missing_key     error     an entry without a citation key (it is skipped)
bibtex.duplicate_string warning  an ``@string`` defined twice (the later definition wins, as in BibTeX)
bibtex.undefined_string warning  a macro (``@string``) that is used but never defined (its name is kept)
bibtex.undefined_crossref warning a ``crossref`` naming no entry of the file (nothing is inherited)
bibtex.encoding        warning   the file is not UTF-8 and was read as Windows-1252/Latin-1
bibtex.early_close     error     text between entries holds ``=`` or braces: an entry above was probably
                                 closed early (a stray ``}``) and the fields after it were not read
doi.malformed          error     a ``doi`` field that is not a valid DOI (kept in ``fields``; ``doi`` None)
====================== ========= =====================================================================

``and others`` in a name list becomes a final ``Person(literal="others")`` (:data:`.names.OTHERS`).

Writing back never re-serialises what it does not change: :func:`add_bibtex_fields` splices new or replaced
field values into the original text, so comments, ``@string`` blocks, field order, spacing and every untouched
entry stay byte for byte; the file is replaced atomically (temporary file in the same directory +
``os.replace``).
"""

from __future__ import annotations

import codecs
import gc
import logging
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._files import atomic_write_text
from ..dates import MONTH_NAMES, month_number
from ..doi import normalize_doi, normalize_pmcid, normalize_pmid
from ..errors import InputError, StrictError, UsageError
from ..identity import work_key
from ..model import Person, Problem, Reference, ReferenceList
from .latex import latex_to_text
from .names import OTHERS, split_names

if TYPE_CHECKING:
    from bibtexparser.library import Library
    from bibtexparser.model import Block

__all__ = [
    "BIBTEX_TO_CSL",
    "CSL_TO_BIBTEX",
    "VERBATIM_FIELDS",
    "add_bibtex_fields",
    "format_entry",
    "iter_field_values",
    "looks_like_bibtex",
    "read_bibtex",
    "read_bytes",
    "reject_binary",
    "splice_bibtex_fields",
    "write_bibtex",
]

# BibTeX / biblatex entry type → CSL-JSON type (after citeproc-js and pandoc's mappings).
BIBTEX_TO_CSL: dict[str, str] = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "collection": "book",
    "mvcollection": "book",
    "proceedings": "book",
    "reference": "book",
    "booklet": "pamphlet",
    "inbook": "chapter",
    "incollection": "chapter",
    "inreference": "entry-encyclopedia",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "manual": "report",
    "techreport": "report",
    "report": "report",
    "mastersthesis": "thesis",
    "phdthesis": "thesis",
    "thesis": "thesis",
    "unpublished": "manuscript",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "dataset": "dataset",
    "software": "software",
    "patent": "patent",
    "periodical": "periodical",
    "review": "review",
    "misc": "document",
}
DEFAULT_CSL_TYPE = "document"  # an entry type not in the table (CSL's catch-all)

# CSL-JSON type → the entry type written by write_bibtex.
CSL_TO_BIBTEX: dict[str, str] = {
    "article-journal": "article",
    "article": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "review": "article",
    "review-book": "article",
    "book": "book",
    "pamphlet": "booklet",
    "chapter": "incollection",
    "entry-encyclopedia": "inreference",
    "paper-conference": "inproceedings",
    "report": "techreport",
    "thesis": "phdthesis",
    "manuscript": "unpublished",
    "webpage": "online",
    "dataset": "dataset",
    "software": "software",
    "patent": "patent",
    "periodical": "periodical",
}

# The month macros every BibTeX style defines (``jan`` → "January" …).
_MONTH_MACROS: dict[str, str] = {name[:3].lower(): name for name in MONTH_NAMES}

# Fields whose value is an identifier or address, not text: LaTeX is not decoded there (biblatex treats them
# as verbatim), so `10.1002/(sici)…_x` or a URL with `%20` survive as written.
VERBATIM_FIELDS = frozenset(
    {"doi", "url", "file", "eprint", "pdf", "pmid", "pmcid", "isbn", "issn", "urldate"}
)
# Mendeley escapes LaTeX specials in URLs (`https://…/jospt\_2017\_7096`). A backslash is never part of a URL
# (RFC 3986), so `\_ \% \# \& \$` there can only be such escapes: they are undone.
_URL_ESCAPE = re.compile(r"\\([_%#&$])")
_NAME_FIELDS = ("author", "editor")
# Text is read as BibTeX (not as a path) when it has an '@' and a newline or a brace: no file name has both.
_TEXT_MARKERS = ("\n", "{")
# A file whose first 8 KiB have this share of control characters (other than tab/newline/form feed) is not
# text. Real .bib exports have none; 10% leaves room for a stray control character in a hand-edited file.
_BINARY_SNIFF_BYTES = 8192
_BINARY_CONTROL_SHARE = 0.10

_KEYWORD_SEPARATORS = re.compile(r"\s*[,;]\s*")
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True, slots=True)
class _Source:
    text: str
    name: str | None  # the file name, for problems
    encoding: str  # what to write the file back in
    path: Path | None


def looks_like_bibtex(value: str) -> bool:
    """:func:`read_bibtex`'s rule: a string with ``@`` and a newline or ``{`` is BibTeX text, not a path."""
    return "@" in value and any(marker in value for marker in _TEXT_MARKERS)


# --- reading ------------------------------------------------------------------------------------------------


def read_bibtex(path_or_text: str | os.PathLike[str], *, strict: bool = False) -> ReferenceList:
    """Read a BibTeX file (``str`` or :class:`~pathlib.Path`) or BibTeX text into references.

    A ``str`` that contains ``@`` and a newline or ``{`` is BibTeX text; any other ``str`` is a path. Problems
    in the input are returned in ``.problems`` (with file and line); under ``strict=True`` any problem raises
    :class:`~needling_evidence.errors.StrictError`. A file that cannot be read as text raises
    :class:`~needling_evidence.errors.InputError` naming it.
    """
    problems: list[Problem] = []
    source = _load(path_or_text, problems)
    with _cyclic_gc_paused():
        refs, found = _read_library(_split(source.text), source.name)
    if not refs and "@" not in source.text and source.text.strip():
        # Not one entry and not even an "@": this is not BibTeX (a path mistyped as text, a pasted list).
        found.append(
            Problem(
                "bibtex.no_entries",
                "no BibTeX entry (@article{key, …}) in this text; nothing was read",
                file=source.name,
                line=1,
                severity="warning",
            )
        )
    refs, inherited = _inherit_crossref(refs, source.name)
    result = ReferenceList(refs, [*problems, *found, *inherited], source=source.name)
    if strict and result.problems:
        raise StrictError(result.problems)
    return result


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a file is read. Reading makes millions of small objects
    that all stay alive (blocks, fields, references, names) and form no cycles; each time the allocation count
    passes the threshold the collector traverses them all again for nothing — about a quarter of the reading
    time of a 20,000-entry file (tests/benchmarks/bench_bibtex.py). Reference counting still frees everything
    as usual, and the collector's previous state is restored even on error."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(path_or_text: str | os.PathLike[str], problems: list[Problem]) -> _Source:
    if isinstance(path_or_text, str) and (
        looks_like_bibtex(path_or_text) or not path_or_text.strip() or _cannot_be_a_path(path_or_text)
    ):
        return _Source(path_or_text, None, "utf-8", None)
    path = Path(path_or_text)
    data = read_bytes(path)
    text, encoding = _decode(data, str(path), problems)
    return _Source(text, str(path), encoding, path)


# Longest path the usual file systems accept (Linux PATH_MAX); a longer string is text, not a file name.
_MAX_PATH_CHARS = 4096


def _cannot_be_a_path(text: str) -> bool:
    """Whether no file system could have a file of this name: a NUL byte, a line break, an unpaired surrogate
    (not encodable), or more characters than a path may have. Such a string is read as BibTeX text (with a
    problem if it is not), never handed to the file system, which would raise on it."""
    if "\x00" in text or "\n" in text or len(text) > _MAX_PATH_CHARS:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def read_bytes(path: Path) -> bytes:
    """The bytes of a file the user named, or :class:`InputError` saying why not (missing, dir, empty)."""
    try:
        if path.is_dir():
            raise InputError("is a directory, not a BibTeX file", path=str(path))
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except PermissionError:
        raise InputError("permission denied", path=str(path)) from None
    except OSError as error:
        if isinstance(error, InputError):
            raise
        raise InputError(f"cannot be read ({error.strerror or error})", path=str(path)) from None
    if not data.strip():
        raise InputError("the file is empty", path=str(path))
    return data


def reject_binary(data: bytes, name: str, *, expected: str) -> None:
    """Raise :class:`InputError` when ``data`` is not text (NUL bytes, or many control characters)."""
    sample = data[:_BINARY_SNIFF_BYTES]
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    if b"\x00" in sample or controls > _BINARY_CONTROL_SHARE * len(sample):
        raise InputError(f"is not a text file (binary data); expected {expected}", path=name)


# Byte-order marks, longest first: the UTF-32 little-endian mark begins with the UTF-16 one, so testing UTF-16
# first read UTF-32 files as UTF-16 (0 entries, no problem). The codec named keeps the byte order, so a file
# written back is byte for byte in its own encoding (Python's "utf-16" codec would write little-endian).
_BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_CODECS = frozenset(codec for _, codec in _BYTE_ORDER_MARKS)


def _decode(data: bytes, name: str, problems: list[Problem]) -> tuple[str, str]:
    """Text and encoding to write back in: UTF-8 (with or without BOM), UTF-16 or UTF-32 with BOM (either byte
    order), else cp1252."""
    for mark, codec in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data[len(mark) :].decode(codec), codec
            except UnicodeDecodeError:
                raise InputError(
                    f"starts with a {codec.upper()} byte-order mark but is not {codec.upper()} text",
                    path=name,
                ) from None
    reject_binary(data, name, expected="BibTeX")
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8"), "utf-8-sig"
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    problems.append(
        Problem(
            "bibtex.encoding",
            f"not valid UTF-8 (first bad byte on line {line}); read as {encoding}. Check accented "
            "characters, "
            "and save the file as UTF-8 to silence this.",
            file=name,
            line=line,
            severity="warning",
        )
    )
    return text, encoding


def _split(text: str) -> Library:
    fast = _fast_split(text)
    if fast is not None:
        return fast
    from bibtexparser.entrypoint import parse_string

    # bibtexparser logs each failed block as a warning; here every one becomes a Problem with its line, so
    # its log lines would only repeat them on stderr. A NullHandler stops Python's last-resort printing
    # while still letting an application that configured logging see them.
    splitter_log = logging.getLogger("bibtexparser.splitter")
    if not splitter_log.handlers:
        splitter_log.addHandler(logging.NullHandler())
    # No middleware: string resolution, delimiter removal, decoding and names are done by _read_library.
    return parse_string(text, parse_stack=[])


# --- the fast split ---------------------------------------------------------------------------------------
#
# bibtexparser's splitter walks the file one "mark" at a time (each brace, quote, comma, equals sign and
# newline) through several method calls per mark: on a large library that walk was three quarters of
# read_bibtex's time (issue 13). _fast_split finds the same marks by the same pattern and applies the same
# rules, in one loop that takes a whole `name = {value},` in one match, for files where every block is
# brace-delimited and parses cleanly (what reference managers and most people write). On anything else — a
# (…)-delimited block, a block start inside a block, any block bibtexparser would fail, the end of the text
# inside a block — it gives up (None) and the whole file goes through bibtexparser, so the blocks are always
# the ones bibtexparser makes (tests/test_bibtex_split.py compares the two on bundled, generated and arbitrary
# text). The rules are bibtexparser 2.1.0's (bibtexparser/splitter.py); under another version the fast split
# is not used.
_FAST_SPLIT_VERSIONS = frozenset({"2.1.0"})
# bibtexparser's _MARK_PATTERN without its newline: lines are counted between marks instead (a newline after a
# backslash is no mark there, so it is not counted either); and its block start alone (between blocks, the
# other marks are passed over).
_SPLIT_MARK = re.compile(r"(?<!\\)[\{\}\",=]|@[\w]*( |\t)*(?=[{(])")
_BLOCK_START = re.compile(r"@[\w]*( |\t)*(?=[{(])")
# The common field in one match: `name = {value}` followed by `,` or the entry's `}`, the value holding braces
# two deep at most and no `@`, and a backslash only before a character that is no mark. Its marks are the
# ones bibtexparser would step through to the same end (inside braces `"`, `,` and `=` count for nothing);
# any other field is read mark by mark. Every repetition is possessive (``*+``, ``++``: Python 3.11) and
# plain characters are taken a run at a time: each alternative starts with a character no other one starts
# with and that what follows cannot take, so backtracking could never find another match, and the engine
# neither keeps a backtracking point per character nor loops once per character (half this match's time;
# tests/test_bibtex_split.py checks it against the pattern's first, backtracking form).
_SIMPLE_FIELD = re.compile(
    r'[^{}",=@\\]*+(?P<eq>=)\s*+\{(?:[^{}@\\]++|\\[^{}@\\]|\{(?:[^{}@\\]++|\\[^{}@\\])*+\})*+\}\s*+(?P<end>[,}])'
)
# In a {…}-delimited @string, @comment or @preamble only braces count (and a block start, which ends it).
_BRACE_MARK = re.compile(r"(?<!\\)[\{\}]|@[\w]*( |\t)*(?=[{(])")


def _fast_split(text: str) -> Library | None:
    """bibtexparser's split of ``text`` (``Splitter(text).split()``), or None when it has a block that is not
    a clean ``{``-delimited entry (see above)."""
    import bibtexparser

    if bibtexparser.__version__ not in _FAST_SPLIT_VERSIONS:
        return None
    from bibtexparser.library import Library
    from bibtexparser.model import DuplicateFieldKeyBlock, Entry, Field

    bibstr = f"\n{text}"  # as bibtexparser: a block starts only after a newline, and lines count from -1
    count = bibstr.count
    escaped_newlines = "\\\n" in bibstr
    line, counted = -1, 0  # the line of position `counted` (a mark, or 0)

    def line_of(pos: int) -> int:
        nonlocal line, counted
        line += count("\n", counted, pos)
        if escaped_newlines:
            line -= count("\\\n", counted, pos)
        counted = pos
        return line

    next_mark = _SPLIT_MARK.search
    simple_field = _SIMPLE_FIELD.match
    blocks: list[Block] = []
    comment_start, comment_line = 0, -1
    pos = 0
    while (start := _BLOCK_START.search(bibstr, pos)) is not None:
        comment = _implicit_comment(bibstr, comment_start, start.start(), comment_line)
        if comment is not None:
            blocks.append(comment)
        kind = start.group().lower()
        if bibstr[start.end()] == "(":
            return None
        start_line = line_of(start.start())
        if kind.startswith(("@comment", "@preamble", "@string")):
            other = _other_block(bibstr, start, kind, start_line)
            if other is None:
                return None
            block, end = other  # end: the closing brace
            blocks.append(block)
            comment_start, comment_line = end + 1, line_of(end)
            pos = end + 1
            continue
        after_key = next_mark(bibstr, start.end() + 1)  # the mark after the "{" opening the entry
        if after_key is None:
            return None
        key = bibstr[start.end() + 1 : after_key.start()].strip()
        fields: list[Field] = []
        names: set[str] = set()
        repeated: set[str] = set()
        mark, end = after_key.group(), after_key.start()
        if mark == ",":
            name_start = after_key.end()
            while True:
                field = simple_field(bibstr, name_start)
                if field is not None:
                    equals, end = field.start("eq"), field.start("end")
                    mark = bibstr[end]
                else:
                    found = next_mark(bibstr, name_start)
                    if found is None:
                        return None
                    if found.group() == "}":
                        if bibstr[name_start : found.start()].strip():
                            return None  # a name without a value: bibtexparser fails the block
                        end = found.start()
                        break
                    if found.group() != "=":
                        return None
                    equals = found.start()
                    ended = _value_end(bibstr, equals + 1)
                    if ended is None:
                        return None
                    mark, end = ended
                name = bibstr[name_start:equals].strip()
                if name in names:
                    repeated.add(name)
                names.add(name)
                value = bibstr[equals + 1 : end].strip()
                fields.append(Field(start_line=line_of(equals), key=name, value=value))
                if mark == "}":
                    break
                name_start = end + 1
        elif mark != "}":  # "}": an entry with a key and no fields (RefTeX writes them)
            return None
        entry = Entry(
            start_line=start_line,
            entry_type=kind[1:].strip(),
            key=key,
            fields=fields,
            raw=bibstr[start.start() : end + 1],
        )
        blocks.append(DuplicateFieldKeyBlock(duplicate_keys=repeated, entry=entry) if repeated else entry)
        comment_start, comment_line = end + 1, line_of(end)
        pos = end + 1
    comment = _implicit_comment(bibstr, comment_start, len(bibstr), comment_line)
    if comment is not None:
        blocks.append(comment)
    library = Library()
    library.add(blocks, fail_on_duplicate_key=False)
    return library


def _other_block(bibstr: str, start: re.Match[str], kind: str, start_line: int) -> tuple[Block, int] | None:
    """The @comment, @preamble or @string block at ``start`` (its opening ``{`` right after ``start``) as
    bibtexparser makes it (``Splitter._handle_explicit_comment`` … ``_handle_string``) and the index of its
    closing brace, or None where bibtexparser could fail it."""
    from bibtexparser.model import ExplicitComment, Preamble, String

    if kind.startswith("@string"):
        equals = _SPLIT_MARK.search(bibstr, start.end() + 1)
        if equals is None or equals.group() != "=":
            return None
        close = _closing_brace(bibstr, equals.end())
        if close is None:
            return None
        string = String(
            start_line=start_line,
            key=bibstr[start.end() + 1 : equals.start()].strip(),
            value=bibstr[equals.end() : close].strip(),
            raw=bibstr[start.start() : close + 1],
        )
        return string, close
    close = _closing_brace(bibstr, start.end() + 1)
    if close is None:
        return None
    raw = bibstr[start.start() : close + 1]
    if kind.startswith("@comment"):
        comment = ExplicitComment(
            start_line=start_line, comment=bibstr[start.end() + 1 : close].strip(), raw=raw
        )
        return comment, close
    return Preamble(start_line=start_line, value=bibstr[start.end() + 1 : close], raw=raw), close


def _closing_brace(bibstr: str, pos: int) -> int | None:
    """Where the ``}`` closing the block whose text goes on at ``pos`` is (``_move_to_closing_delimiter``);
    None at the end of the text or a block start."""
    depth = 0
    while (found := _BRACE_MARK.search(bibstr, pos)) is not None:
        mark = found.group()
        if mark == "{":
            depth += 1
        elif mark == "}":
            if depth == 0:
                return found.start()
            depth -= 1
        else:
            return None  # a block start: bibtexparser may end the block here
        pos = found.end()
    return None


def _value_end(bibstr: str, pos: int) -> tuple[str, int] | None:
    """The mark ending the field value that starts at ``pos`` (``,`` or ``}``) and its index, read mark by
    mark as bibtexparser's ``_move_to_comma_or_closing_delimiter`` does; None where bibtexparser could fail
    the block (the end of the text, a block start)."""
    quoted, depth = False, 0
    while (found := _SPLIT_MARK.search(bibstr, pos)) is not None:
        mark, at = found.group(), found.start()
        pos = found.end()
        if mark == '"' and depth == 0:
            if quoted and at + 2 < len(bibstr) and bibstr[at - 1] == "{" and bibstr[at + 1] == "}":
                continue  # {"}: a quotation mark inside a quoted value
            quoted = not quoted
        elif mark == "{":
            if not quoted:
                depth += 1
        elif mark == "}":
            if not quoted:
                if depth == 0:
                    return mark, at
                depth -= 1
        elif mark == ",":
            if not quoted and depth == 0:
                return mark, at
        elif mark[0] == "@":
            return None  # a block start inside an entry: bibtexparser may end the block here
    return None


def _implicit_comment(bibstr: str, start: int, end: int, start_line: int) -> Block | None:
    """The text between two blocks as bibtexparser keeps it (``Splitter._end_implicit_comment``): leading
    blank lines and trailing space cut, None when nothing is left."""
    from bibtexparser.model import ImplicitComment

    comment = bibstr[start:end]
    text = comment.strip()
    if not text:
        return None
    leading_empty_lines = comment.count("\n", 0, len(comment) - len(comment.lstrip()))
    return ImplicitComment(start_line=start_line + leading_empty_lines, raw=text, comment=text)


def _line(block: Any) -> int | None:
    start = block.start_line
    return None if start is None else start + 1  # bibtexparser counts from 0


def _read_library(library: Library, name: str | None) -> tuple[list[Reference], list[Problem]]:
    from bibtexparser.model import (
        DuplicateBlockKeyBlock,
        DuplicateFieldKeyBlock,
        Entry,
        ImplicitComment,
        ParsingFailedBlock,
        String,
    )

    strings: dict[str, str] = {}
    refs: list[Reference] = []
    problems: list[Problem] = []
    previous_key: str | None = None
    for block in library.blocks:
        if isinstance(block, Entry):
            previous_key = block.key
            ref = _reference(block, strings, name, problems)
            if ref is not None:
                refs.append(ref)
        elif isinstance(block, ImplicitComment):
            # bibtexparser v2 keeps text outside any @block as an ImplicitComment. Prose there is harmless;
            # `key = {…}` or a brace there means an entry was closed early and lost what follows.
            problem = _early_close(block, previous_key, name)
            if problem is not None:
                problems.append(problem)
        elif isinstance(block, String):
            strings[block.key.lower()] = _resolve(
                block.value, strings, block.key, name, _line(block), problems
            )
        elif isinstance(block, DuplicateFieldKeyBlock):
            entry: Any = block.ignore_error_block
            fields = ", ".join(sorted(block.duplicate_keys))
            problems.append(
                Problem(
                    "bibtex.duplicate_field",
                    f"entry {entry.key!r} gives {fields} more than once; the first value is used",
                    file=name,
                    line=_line(entry),
                    severity="warning",
                    key=entry.key,
                    field=fields,
                )
            )
            first_values: dict[str, Any] = {}
            for field in entry.fields:
                first_values.setdefault(field.key.lower(), field)
            entry.fields = list(first_values.values())
            ref = _reference(entry, strings, name, problems)
            if ref is not None:
                refs.append(ref)
        elif isinstance(block, DuplicateBlockKeyBlock):
            duplicate = block.ignore_error_block
            if isinstance(duplicate, String):
                # BibTeX itself lets a later @string win; say so rather than guess silently
                strings[duplicate.key.lower()] = _resolve(
                    duplicate.value, strings, duplicate.key, name, _line(duplicate), problems
                )
                problems.append(
                    Problem(
                        "bibtex.duplicate_string",
                        f"@string {duplicate.key!r} is defined again; the later definition is used from here",
                        file=name,
                        line=_line(duplicate),
                        severity="warning",
                        key=duplicate.key,
                    )
                )
                continue
            previous = block.previous_block
            problems.append(
                Problem(
                    "bibtex.duplicate_key",
                    f"key {block.key!r} is used again (first at line {_line(previous)}); this entry is not "
                    "read. "
                    "Give it its own key.",
                    file=name,
                    line=_line(duplicate) or _line(block),
                    key=block.key,
                    raw=block.raw,
                )
            )
        elif isinstance(block, ParsingFailedBlock):
            reason = str(getattr(block.error, "abort_reason", None) or block.error).strip()
            problems.append(
                Problem(
                    "bibtex.parse_failed",
                    f"this block could not be read and is skipped: {reason}",
                    file=name,
                    line=_line(block),
                    raw=block.raw,
                )
            )
    problems.extend(_duplicate_works(refs, name))
    return refs, problems


# A field assignment (`journal = {J},`, `year = 2001`) or a lone brace on a line outside any entry.
_FIELD_OUTSIDE = re.compile(r"^\s*[A-Za-z][\w-]*\s*=|[{}]")


def _early_close(block: Any, previous_key: str | None, name: str | None) -> Problem | None:
    """A Problem when text between entries looks like fields or braces (an entry closed early), else None."""
    raw = str(block.raw)
    lines = raw.splitlines()
    offending = next(
        (
            i
            for i, line in enumerate(lines)
            if not line.lstrip().startswith("%") and _FIELD_OUTSIDE.search(line)
        ),
        None,
    )
    if offending is None:
        return None
    start = _line(block)
    line = None if start is None else start + offending
    after = f" after entry {previous_key!r}" if previous_key else ""
    return Problem(
        "bibtex.early_close",
        f"text outside any entry{after} holds fields or braces ({lines[offending].strip()[:60]!r}): an "
        "entry was probably closed early by a stray '}', and the fields after it were not read",
        file=name,
        line=line,
        key=previous_key,
        raw=raw,
    )


def _resolve(
    value: str,
    strings: Mapping[str, str],
    owner: str,
    name: str | None,
    line: int | None,
    problems: list[Problem],
) -> str:
    """A raw value (``{…}``, ``"…"``, ``123``, ``macro``, ``a # b``) → its LaTeX text, delimiters removed."""
    first = value[:1]
    # the common case: one delimited value
    if "#" not in value and (
        (first == "{" and value.endswith("}")) or (first == '"' and value.endswith('"') and len(value) > 1)
    ):
        return value[1:-1]
    pieces: list[str] = []
    index = 0
    length = len(value)
    while index < length:
        ch = value[index]
        if ch.isspace() or ch == "#":
            index += 1
        elif ch == "{" or ch == '"':
            end = _closing(value, index)
            pieces.append(value[index + 1 : end])
            index = end + 1
        else:
            end = index
            while end < length and not value[end].isspace() and value[end] != "#":
                end += 1
            word = value[index:end]
            index = end
            if word.isdigit():
                pieces.append(word)
            elif word.lower() in strings:
                pieces.append(strings[word.lower()])
            elif word.lower() in _MONTH_MACROS:
                pieces.append(_MONTH_MACROS[word.lower()])
            else:
                problems.append(
                    Problem(
                        "bibtex.undefined_string",
                        f"{owner}: @string macro {word!r} is not defined; its name is used as the text",
                        file=name,
                        line=line,
                        severity="warning",
                        key=owner,
                    )
                )
                pieces.append(word)
    return "".join(pieces)


def _closing(value: str, start: int) -> int:
    """Index of the delimiter closing the ``{`` or ``"`` at ``start`` (or the last index, if unclosed)."""
    depth = 0
    quote = value[start] == '"'
    for index in range(start + 1, len(value)):
        ch = value[index]
        if ch == "{":
            depth += 1
        elif ch == "}":
            if depth == 0 and not quote:
                return index
            depth -= 1
        elif ch == '"' and quote and depth == 0:
            return index
    return len(value) - 1


def _reference(
    entry: Any, strings: Mapping[str, str], name: str | None, problems: list[Problem]
) -> Reference | None:
    line = _line(entry)
    key = entry.key.strip()
    if not key:
        problems.append(
            Problem(
                "bibtex.missing_key",
                f"@{entry.entry_type} entry has no citation key and is skipped",
                file=name,
                line=line,
                raw=entry.raw,
            )
        )
        return None
    raw_values: dict[str, str] = {}
    fields: dict[str, str] = {}
    clean: dict[str, str] = {}  # decoded, whitespace runs (line wrapping) made single spaces
    # This loop runs for every field of every entry: the common cases are inlined (see the benchmark).
    for field in entry.fields:
        field_name = field.key.lower()
        if "%" in field_name:
            field_name = _uncommented_name(field_name)
        value = field.value
        if "#" in value or not (value[:1] == "{" and value[-1:] == "}"):
            value = _resolve(value, strings, key, name, line, problems)
        else:
            value = value[1:-1]
        raw_values[field_name] = value
        if field_name not in VERBATIM_FIELDS:
            value = latex_to_text(value)
        elif field_name == "url" and "\\" in value:
            value = _URL_ESCAPE.sub(r"\1", value)
        fields[field_name] = value
        clean[field_name] = " ".join(value.split()) if "\n" in value or "  " in value else value.strip()

    # the first non-empty cleaned value of the fields named (`get(a) or get(b) or None`): written out, not a
    # helper called a dozen times per entry
    get = clean.get
    entry_type = entry.entry_type.lower()
    csl_type = BIBTEX_TO_CSL.get(entry_type, DEFAULT_CSL_TYPE)
    authors = split_names(raw_values["author"]) if "author" in raw_values else ()
    editors = split_names(raw_values["editor"]) if "editor" in raw_values else ()
    year = _year(fields.get("year") or fields.get("date"))
    month = _month(fields.get("month"), fields.get("date"))
    if csl_type in ("chapter", "paper-conference", "entry-encyclopedia"):
        container = get("booktitle") or get("journal") or get("journaltitle") or None
    else:
        container = get("journal") or get("journaltitle") or get("booktitle") or None
    doi = _doi(fields, key, name, line, problems)
    keywords = fields.get("keywords")
    ref = Reference(
        key=key,
        type=csl_type,
        title=get("title") or None,
        authors=authors,
        year=year,
        container_title=container,
        volume=get("volume") or None,
        issue=get("number") or get("issue") or None,
        pages=get("pages") or None,
        doi=doi,
        pmid=_pmid(fields),
        pmcid=_pmcid(get("pmcid") or None),
        url=get("url") or None,
        publisher=get("publisher") or get("institution") or get("school") or get("organization") or None,
        isbn=get("isbn") or None,
        issn=get("issn") or None,
        editors=editors,
        month=month,
        abstract=get("abstract") or None,
        keywords=tuple(k for k in _KEYWORD_SEPARATORS.split(keywords.strip()) if k) if keywords else (),
        note=get("note") or None,
        raw=entry.raw,
        file=name,
        line=line,
        fields=fields,
    )
    if "crossref" not in fields:  # a child's missing fields are checked once it has inherited its parent's
        problems.extend(_missing_fields(ref))
    return ref


def _missing_fields(ref: Reference) -> list[Problem]:
    if ref.title and ref.year and (ref.authors or ref.editors):  # the usual entry: nothing missing
        return []
    missing = [
        label
        for label, present in (
            ("title", ref.title),
            ("author or editor", ref.authors or ref.editors or ref.type in ("webpage", "document", "report")),
            ("year", ref.year),
        )
        if not present
    ]
    if not missing:
        return []
    return [
        Problem(
            "bibtex.missing_field",
            f"entry {ref.key!r} has no {', no '.join(missing)}",
            file=ref.file,
            line=ref.line,
            severity="warning",
            key=ref.key,
            field=missing[0],
        )
    ]


# What a child entry takes from its `crossref` parent when it does not give it itself. BibTeX and biblatex
# inherit every field; identifiers and locators of the parent (doi, url, pages) describe the book, not the
# chapter or paper, so they are not taken: a chapter verified against its book's DOI would be wrongly judged.
_INHERITED = ("year", "month", "editors", "publisher", "volume", "isbn", "issn")
# Parent title → child container (biblatex's inheritance table: title → booktitle for in-book entries).
_IN_BOOK_TYPES = ("chapter", "paper-conference", "entry-encyclopedia")


def _inherit_crossref(refs: list[Reference], name: str | None) -> tuple[list[Reference], list[Problem]]:
    """Children (``crossref = {key}``) with their parent's fields filled in where they have none, and the
    missing-field and undefined-parent problems of the children."""
    from dataclasses import replace

    by_key = {ref.key.casefold(): ref for ref in refs}
    out: list[Reference] = []
    problems: list[Problem] = []
    for ref in refs:
        parent_key = ref.fields.get("crossref", "").strip()
        if not parent_key:
            out.append(ref)
            continue
        parent = by_key.get(parent_key.casefold())
        if parent is None or parent is ref:
            problems.append(
                Problem(
                    "bibtex.undefined_crossref",
                    f"entry {ref.key!r} has crossref = {{{parent_key}}}, but no entry has that key",
                    file=name,
                    line=ref.line,
                    severity="warning",
                    key=ref.key,
                    field="crossref",
                )
            )
        else:
            taken: dict[str, Any] = {a: getattr(parent, a) for a in _INHERITED if not getattr(ref, a)}
            if not ref.container_title:
                in_book = ref.type in _IN_BOOK_TYPES and parent.type not in _IN_BOOK_TYPES
                taken["container_title"] = parent.title if in_book else parent.container_title
            ref = replace(ref, **{a: v for a, v in taken.items() if v})
        out.append(ref)
        problems.extend(_missing_fields(ref))
    return out, problems


def _year(value: str | None) -> int | None:
    if not value:
        return None
    match = _YEAR.search(value)
    return int(match.group(0)) if match else None


def _month(value: str | None, date: str | None) -> int | None:
    if value:
        return month_number(value)
    if date and len(date) >= 7 and date[4] == "-":
        return month_number(date[5:7])
    return None


def _doi(
    fields: Mapping[str, str], key: str, name: str | None, line: int | None, problems: list[Problem]
) -> str | None:
    written = fields.get("doi")
    if written and written.strip():
        doi = normalize_doi(written)
        if doi is None:
            problems.append(
                Problem(
                    "doi.malformed",
                    f"entry {key!r}: {written.strip()!r} is not a valid DOI (kept as written in fields)",
                    file=name,
                    line=line,
                    key=key,
                    field="doi",
                )
            )
        return doi
    if fields.get("eprinttype", "").lower() == "doi" and fields.get("eprint"):
        return normalize_doi(fields["eprint"])
    url = fields.get("url")
    if url and "doi.org/" in url.lower():  # a DOI given only as its resolver URL
        return normalize_doi(url)
    return None


def _uncommented_name(name: str) -> str:
    """A field name without the ``%`` comment lines bibtexparser folds into it.

    biber reads ``%`` comments inside an entry; bibtexparser takes everything between the comma and the ``=``
    as the name, so ``% a comment⏎ note = {…}`` arrives as the field ``"% a comment\n  note"``. The name is
    the last line that is not a comment; a name that is all comment (``% doi = {…}``, a field commented out)
    stays as it is, so that it is not mistaken for the field."""
    lines = [line.strip() for line in name.splitlines()]
    real = [line for line in lines if line and not line.startswith("%")]
    return real[-1] if real else name


def _pmid(fields: Mapping[str, str]) -> str | None:
    value = fields.get("pmid")
    if not value and fields.get("eprinttype", "").lower() == "pubmed":
        value = fields.get("eprint")
    value = (value or "").strip()
    # `PMID: 28154098` and PubMed URLs are written in pmid fields too
    return normalize_pmid(value) if value else None


def _pmcid(value: str | None) -> str | None:
    """``PMC5321635`` from ``PMC5321635``, ``5321635`` or a PMC URL; anything else is kept as written."""
    if not value:
        return None
    return normalize_pmcid(value) or value


def _duplicate_works(refs: list[Reference], name: str | None) -> Iterator[Problem]:
    by_doi: dict[str, Reference] = {}
    by_identity: dict[tuple[str, int, str], Reference] = {}
    for ref in refs:
        earlier = by_doi.get(ref.doi) if ref.doi else None
        reason = f"the same DOI ({ref.doi})"
        if earlier is None:
            identity = work_key(ref)
            earlier = by_identity.get(identity) if identity else None
            reason = "the same title, year and first author"
            if identity and earlier is None:
                by_identity[identity] = ref
        if ref.doi and ref.doi not in by_doi:
            by_doi[ref.doi] = ref
        if earlier is not None:
            yield Problem(
                "bibtex.duplicate_work",
                f"{ref.key!r} and {earlier.key!r} (line {earlier.line}) look like one work: {reason}. "
                "Cite one key.",
                file=name,
                line=ref.line,
                severity="warning",
                key=ref.key,
            )


def iter_field_values(text: str) -> Iterator[tuple[str, str, str]]:
    """``(entry key, field name, value)`` for every field of every entry: macros resolved, delimiters removed,
    LaTeX not decoded — what the decoder receives (used by the benchmark to compare with pylatexenc)."""
    from bibtexparser.model import Entry, String

    strings: dict[str, str] = {}
    sink: list[Problem] = []
    for block in _split(text).blocks:
        if isinstance(block, String):
            strings[block.key.lower()] = _resolve(block.value, strings, block.key, None, None, sink)
        elif isinstance(block, Entry):
            for field in block.fields:
                yield (
                    block.key,
                    field.key.lower(),
                    _resolve(field.value, strings, block.key, None, None, sink),
                )


# --- writing ------------------------------------------------------------------------------------------------

# Characters with a meaning in BibTeX/LaTeX text, and how to write them literally.
_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
}
_ESCAPE = re.compile("|".join(re.escape(ch) for ch in _ESCAPES))
_KEY = re.compile(r"^[^\s,{}()=\"#%'~\\]+$")
_FIELD_NAME = re.compile(r"^[A-Za-z][\w-]*$")
# Extra BibTeX fields kept in Reference.fields that write_bibtex passes through.
_PASS_THROUGH = (
    "address", "edition", "series", "chapter", "institution", "school", "organization", "howpublished",
    "eprint", "eprinttype", "archiveprefix", "primaryclass", "language", "annote", "file", "urldate", "date",
    "type", "translator",
)  # fmt: skip


def _encode(field_name: str, value: str) -> str:
    """Plain Unicode text → a BibTeX field value (without the outer braces)."""
    if field_name.lower() in VERBATIM_FIELDS:
        if not _balanced(value):
            raise UsageError(f"the {field_name} value {value!r} has unbalanced braces and cannot be written")
        return value
    encoded = _ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], value)
    if field_name.lower() == "pages":
        return encoded.replace("–", "--").replace("—", "---")
    # "--", "``", "''", "?`" and "!`" are ligatures in BibTeX ("--" is an en dash): an empty group between the
    # characters keeps them as written, so the value reads back unchanged.
    return _LIGATURE.sub(lambda m: "{}".join(m.group(0)), encoded)


_LIGATURE = re.compile(r"-{2,}|`{2,}|'{2,}|[?!]`")


# A word in a title that BibTeX styles must not lower-case: an acronym (MRI, COVID), a capital after the first
# letter (McKenzie, pH). Not after a backslash, so escapes (`\&`, `\textbackslash{}`) are left alone.
_CASED_WORD = re.compile(r"(?<![\\\w{])[^\W\d_][^\W_]*")


def _protect_case(encoded: str) -> str:
    """Brace the words of an encoded title whose capitals are not just a first letter, as reference managers
    do, so the style's sentence casing keeps them; read back, the braces go and the text is unchanged."""

    def brace(match: re.Match[str]) -> str:
        word = match.group(0)
        return f"{{{word}}}" if any(ch.isupper() for ch in word[1:]) else word

    return _CASED_WORD.sub(brace, encoded)


def _balanced(value: str) -> bool:
    depth = 0
    for ch in value:
        depth += (ch == "{") - (ch == "}")
        if depth < 0:
            return False
    return depth == 0


def _name(person: Person) -> str:
    if person == OTHERS:
        return "others"
    if person.literal:
        return "{" + _encode("author", person.literal) + "}"
    family = " ".join(p for p in (person.particle, person.family) if p)
    parts = [_name_part(family or "")]
    if person.suffix:
        parts.append(_name_part(person.suffix))
    if person.given:
        parts.append(_name_part(_spaced_initials(person.given)))
    elif person.suffix:
        parts.append("")
    return ", ".join(parts)


# A word "and" in any case separates names in a BibTeX name list: inside a name it must be braced.
_AND_WORD = re.compile(r"(?<![^\s{}])(and)(?![^\s{}])", re.IGNORECASE)


def _name_part(text: str) -> str:
    return _AND_WORD.sub(r"{\1}", _encode("author", text))


_RUN_OF_INITIALS = re.compile(r"^[A-Z]{1,3}$")  # Vancouver `ZA`: two people's worth of initials to BibTeX
_HYPHENATED_INITIALS = re.compile(r"^[A-Z](?:-[A-Z])+$")  # `Q-L`
_UNSPACED_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")  # `M.J.`


def _spaced_initials(given: str) -> str:
    """Initials as BibTeX reads them, one token each: ``ZA`` → ``Z. A.``, ``M.J.`` → ``M. J.``, ``Q-L`` →
    ``Q.-L.``. BibTeX takes ``ZA`` for one given name (a style abbreviates it to ``Z.``); given names that
    are words (``Kerry``, ``Qi-ling``) and initials already spaced are left as they are."""
    if _RUN_OF_INITIALS.match(given):
        return " ".join(f"{letter}." for letter in given)
    if _HYPHENATED_INITIALS.match(given):
        return "-".join(f"{letter}." for letter in given.split("-"))
    if _UNSPACED_INITIALS.match(given):
        return " ".join(f"{letter}." for letter in given.replace(".", ""))
    return given


def _entry_fields(ref: Reference) -> list[tuple[str, str]]:
    values: list[tuple[str, str | None]] = [
        ("author", " and ".join(_name(p) for p in ref.authors) if ref.authors else None),
        ("editor", " and ".join(_name(p) for p in ref.editors) if ref.editors else None),
        ("title", ref.title and _protect_case(_encode("title", ref.title))),
    ]
    container = (
        "booktitle" if ref.type in ("chapter", "paper-conference", "entry-encyclopedia") else "journal"
    )
    plain: list[tuple[str, str | None]] = [
        (container, ref.container_title),
        ("year", str(ref.year) if ref.year else None),
        ("month", str(ref.month) if ref.month else None),
        ("volume", ref.volume),
        ("number", ref.issue),
        ("pages", ref.pages),
        ("publisher", ref.publisher),
        ("doi", ref.doi),
        ("pmid", ref.pmid),
        ("pmcid", ref.pmcid),
        ("url", ref.url),
        ("isbn", ref.isbn),
        ("issn", ref.issn),
        ("abstract", ref.abstract),
        ("keywords", ", ".join(ref.keywords) if ref.keywords else None),
        ("note", ref.note),
    ]
    plain += [(f, ref.fields.get(f)) for f in _PASS_THROUGH if ref.fields.get(f)]
    if not ref.fields.get("address"):  # the place is `publisher_place` when pasted, `publisher-place` in CSL
        plain.append(("address", ref.fields.get("publisher_place") or ref.fields.get("publisher-place")))
    values += [(f, v and _encode(f, v)) for f, v in plain]
    return [(f, v) for f, v in values if v]


def format_entry(ref: Reference) -> str:
    """One reference as a BibTeX entry (fresh text; no trailing newline)."""
    if not _KEY.match(ref.key):
        raise UsageError(
            f"{ref.key!r} cannot be a BibTeX key (spaces, commas, braces and quotes are not allowed)"
        )
    entry_type = CSL_TO_BIBTEX.get(ref.type, "misc")
    fields = _entry_fields(ref)
    width = max((len(f) for f, _ in fields), default=0)
    body = "".join(f",\n  {f:<{width}} = {{{v}}}" for f, v in fields)
    return f"@{entry_type}{{{ref.key}{body}\n}}"


def write_bibtex(
    refs_or_path: Iterable[Reference] | str | os.PathLike[str],
    path: str | os.PathLike[str] | None = None,
    *,
    updates: Mapping[str, Mapping[str, str]] | None = None,
    overwrite: bool = False,
    backup: bool = False,
) -> str:
    """Write BibTeX and return the text written.

    - ``write_bibtex(refs, path)`` (or ``path=None`` for the text only): fresh entries from references,
      in order.
    - ``write_bibtex(source_path, path, updates={key: {field: value}})``: the source file with those fields
      added
      (or, with ``overwrite=True``, replaced) and nothing else changed — see :func:`add_bibtex_fields`.

    Files are written atomically; ``backup=True`` keeps the previous file as ``<path>.bak``.
    """
    if isinstance(refs_or_path, (str, os.PathLike)):
        if updates is None:
            raise UsageError(
                "write_bibtex(path, …) needs updates={key: {field: value}}; pass references to write"
            )
        source = _load(refs_or_path, [])
        text = splice_bibtex_fields(source.text, updates, overwrite=overwrite)
        if path is not None:
            _atomic_write(Path(path), text, source.encoding, backup=backup)
        return text
    if updates is not None:
        raise UsageError(
            "updates= applies to an existing .bib file: write_bibtex(source_path, path, updates=…)"
        )
    text = "".join(format_entry(ref) + "\n\n" for ref in refs_or_path)
    if path is not None:
        _atomic_write(Path(path), text, "utf-8", backup=backup)
    return text


def add_bibtex_fields(
    path: str | os.PathLike[str],
    updates: Mapping[str, Mapping[str, str]],
    *,
    overwrite: bool = False,
    backup: bool = True,
    force: bool = False,
) -> Path:
    """Add fields to entries of a .bib file in place, changing nothing else; returns the path.

    ``updates`` maps entry keys to ``{field: plain text value}`` (e.g. ``{"rodine2015": {"doi": "10.…"}}``).
    The new field goes after the entry's last field, indented and aligned like its neighbours. A field the
    entry already has raises :class:`~needling_evidence.errors.UsageError` unless ``overwrite=True`` (then
    only its value is replaced). Keys not in the file, or used twice in it, raise ``UsageError``. The file
    keeps its encoding and line endings; the previous version is kept as ``<path>.bak`` unless
    ``backup=False`` (see :func:`~needling_evidence._files.backup_path`). A read-only file is refused with an
    :class:`~needling_evidence.errors.InputError` unless ``force=True``; a symbolic link is written through.
    """
    file = Path(path)
    source = _load(file, [])
    text = splice_bibtex_fields(source.text, updates, overwrite=overwrite)
    _atomic_write(file, text, source.encoding, backup=backup, force=force)
    return file


def splice_bibtex_fields(
    text: str, updates: Mapping[str, Mapping[str, str]], *, overwrite: bool = False
) -> str:
    """``text`` with ``updates`` added to (or replaced in) their entries; all else byte for byte."""
    from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, Entry

    for key, new in updates.items():
        for field_name in new:
            if not _FIELD_NAME.match(field_name):
                raise UsageError(f"{field_name!r} (for {key!r}) is not a BibTeX field name")
    spans: dict[str, tuple[int, Any]] = {}
    duplicated: set[str] = set()
    cursor = 0
    for block in _split(text).blocks:
        block_raw = block.raw or ""
        start = text.find(block_raw, cursor) if block_raw else -1
        if start >= 0:
            cursor = start + len(block_raw)
        if isinstance(block, DuplicateBlockKeyBlock):
            duplicated.add(block.key)
        elif isinstance(block, DuplicateFieldKeyBlock) and start >= 0:
            spans[block.ignore_error_block.key] = (start, block.ignore_error_block)  # type: ignore[union-attr]
        elif isinstance(block, Entry) and start >= 0:
            spans[block.key] = (start, block)
    unknown = [key for key in updates if key not in spans]
    if unknown:
        raise UsageError(f"no entry with key {', '.join(map(repr, unknown))} in the BibTeX text")
    ambiguous = [key for key in updates if key in duplicated]
    if ambiguous:
        raise UsageError(
            f"key {', '.join(map(repr, ambiguous))} is used by more than one entry; fix that first"
        )
    newline = "\r\n" if "\r\n" in text else "\n"
    edits = sorted(
        ((spans[key][0], spans[key][1], new) for key, new in updates.items() if new),
        key=lambda edit: edit[0],
        reverse=True,  # splice from the end so earlier offsets stay valid
    )
    for start, entry, new in edits:
        raw = entry.raw
        text = text[:start] + _splice_entry(raw, entry, new, overwrite, newline) + text[start + len(raw) :]
    return text


_FIELD_LINE = re.compile(r"^([ \t]*)([A-Za-z][\w-]*)([ \t]*)=([ \t]*)", re.MULTILINE)


def _splice_entry(raw: str, entry: Any, new: Mapping[str, str], overwrite: bool, newline: str) -> str:
    # Locate each existing field's value in the raw text, in order (the splitter keeps values verbatim).
    header_end = raw.find(",")
    cursor = header_end + 1 if header_end >= 0 else len(raw) - 1
    located: dict[str, tuple[int, int]] = {}
    for field in entry.fields:
        pattern = re.compile(r"(?<![\w-])" + re.escape(field.key) + r"\s*=\s*")
        match = pattern.search(raw, cursor)
        while match and not raw.startswith(field.value, match.end()):
            match = pattern.search(raw, match.end())
        if match is None:  # cannot happen for text the splitter produced; refuse rather than guess
            raise UsageError(f"cannot locate field {field.key!r} of {entry.key!r} to edit it safely")
        located.setdefault(field.key.lower(), (match.end(), match.end() + len(field.value)))
        cursor = match.end() + len(field.value)
    last_value_end = cursor

    quoted = bool(entry.fields) and all(f.value.startswith('"') for f in entry.fields)
    replacements: list[tuple[int, int, str]] = []
    additions: list[tuple[str, str]] = []
    for field_name, value in new.items():
        encoded = _encode(field_name, value)
        delimited = f'"{encoded}"' if quoted and '"' not in encoded else "{" + encoded + "}"
        where = located.get(field_name.lower())
        if where is None:
            additions.append((field_name, delimited))
        elif not overwrite:
            raise UsageError(
                f"entry {entry.key!r} already has a {field_name} field; pass overwrite=True to replace it"
            )
        else:
            replacements.append((where[0], where[1], delimited))

    if additions:
        layout = _FIELD_LINE.findall(raw)
        one_line = "\n" not in raw.strip()
        indent = Counter(m[0] for m in layout).most_common(1)[0][0] if layout else "  "
        columns = {len(m[0]) + len(m[1]) + len(m[2]) for m in layout}
        # '=' aligned in a column: several fields, keys of different lengths, every '=' in the same place
        aligned = len(columns) == 1 and len({len(m[1]) for m in layout}) > 1
        before_eq = Counter(m[2] for m in layout).most_common(1)[0][0] if layout else " "
        after_eq = Counter(m[3] for m in layout).most_common(1)[0][0] if layout else " "
        names = [m[1] for m in layout]
        upper = bool(names) and all(n.isupper() for n in names)
        title = bool(names) and not upper and all(n[:1].isupper() for n in names)

        def render(field_name: str, delimited: str) -> str:
            shown = field_name.upper() if upper else field_name.capitalize() if title else field_name.lower()
            if one_line:
                return f"{shown} = {delimited}"
            pad = " " * max(next(iter(columns)) - len(indent) - len(shown), 1) if aligned else before_eq
            return f"{indent}{shown}{pad}={after_eq}{delimited}"

        separator = " " if one_line else newline
        rest = raw[last_value_end:]
        stripped = rest.lstrip()
        if entry.fields and stripped.startswith(","):
            # trailing comma style ("…},\n}"): insert after that comma, each new field with its own comma
            at = last_value_end + (len(rest) - len(stripped)) + 1
            inserted = "".join(f"{separator}{render(f, d)}," for f, d in additions)
        else:
            at = last_value_end if entry.fields else len(raw) - 1
            lead = "," if entry.fields or header_end < 0 else ""
            inserted = lead + ",".join(f"{separator}{render(f, d)}" for f, d in additions)
            if not entry.fields:
                inserted += newline if not one_line else ""
        replacements.append((at, at, inserted))

    for start, end, value in sorted(replacements, reverse=True):
        raw = raw[:start] + value + raw[end:]
    return raw


def _atomic_write(path: Path, text: str, encoding: str, *, backup: bool, force: bool = False) -> None:
    """Write ``text`` in the file's own ``encoding``, line endings kept, atomically (``.bak`` if asked)."""
    if encoding in _BOM_CODECS:
        text = "\ufeff" + text  # the byte-order mark the file was read with
    try:
        atomic_write_text(path, text, encoding=encoding, backup=backup, force=force)
    except UnicodeEncodeError as error:
        raise UsageError(
            f"{path}: the new text has characters ({error.object[error.start : error.end]!r}) that the "
            "file's "
            f"encoding ({encoding}) cannot hold; convert the file to UTF-8 first"
        ) from None
