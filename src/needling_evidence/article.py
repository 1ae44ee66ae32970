"""Article text → sections, sentences and inline citations.

:func:`load_article` reads a health article written in Markdown or plain text and returns an
:class:`~needling_evidence.model.Article`. The pipeline is one visible loop over the lines
(:func:`_blocks`), then three passes over the blocks: find the reference list and the boilerplate, split the
body into sentences, find the inline citations in the sentences.

What counts as what (documented here because users rely on it):

* **Input.** A :class:`pathlib.Path` is always a file. A ``str`` that contains a newline is article text; a
  ``str`` without one is read as a file when such a file exists, is a missing-file error when it looks like
  a path (ends in ``.md``/``.markdown``/``.txt``/``.text`` or contains a path separator), and is otherwise a
  one-line article. Files are read as UTF-8 (a byte-order mark is dropped); ``Article.text`` is the file's
  text with line endings normalised to ``\\n``, so line numbers are the file's.
* **Front matter.** YAML between a first line ``---`` and the next ``---`` (or ``...``) line, read with
  ``yaml.safe_load`` into ``Article.metadata``. A broken block is a problem (``article.front_matter``),
  never an exception.
* **Headings.** Markdown ``#`` headings and setext underlines. In a document with no Markdown headings, a
  one-line paragraph that is short (:data:`MAX_HEADING_WORDS`), starts with a capital and has no final
  punctuation other than ``?`` is a heading ("How dry needling works?"); the first is level 1, the rest
  level 2.
* **Comments.** HTML comments (``<!-- … -->`` starting a line) are not text.
* **Lists.** Lines starting ``•``, ``-``, ``*``, ``+``, ``1.``, ``1)`` or ``[1]`` are list items; indented
  or lazy continuation lines join the item.
* **Sentences.** Paragraphs and list items are split into sentences (abbreviations such as *et al.*, *Dr.*,
  *e.g.*, initials and decimals do not end a sentence). Every sentence has ``text ==
  Article.text[start:end]`` exactly (Markdown escapes and emphasis are kept as written). Ids are ``s001``,
  ``s002`` … in document order (headings included), so they are stable when the same text is parsed again;
  an edit that adds a sentence renumbers the ones after it, which is why claims registries anchor claims by
  quote, not by id.
* **Not sentences.** The byline ("By Andy"), comment-form boilerplate ("Leave a Reply", "Your email address
  will not be published…") and the reference list.
* **Reference list.** The blocks under a heading such as *References*, *Bibliography* or *Sources*, or —
  when there is no such heading — a trailing run of list items that look like references (a year and a DOI,
  a volume(issue), "et al." or author initials), followed by nothing but boilerplate. Its text goes to
  :func:`needling_evidence.references.text.parse_references`; the references' ``file`` and ``line`` point
  into the article file.
* **Inline citations.** Numeric markers (``[3]``, ``[1,3]``, ``[1–3]``, ``\\[3\\]``, superscript ``¹²`` when
  the article has a reference list) resolve by the reference's label (``Reference.fields["label"]``, else
  its list number); author–year citations (``(Gattie et al., 2017)``, ``Gattie et al. (2017)``, ``(Cagnie
  2013; Rodine 2015)``) resolve by first author's family name and year. A marker that resolves to nothing is
  a problem (``citation.unresolved``) with its line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .dates import MONTH_NAMES
from .errors import InputError
from .identity import PARTICLE_PATTERN, fold, name_key
from .model import Article, Citation, Problem, Reference, ReferenceList, Section, Sentence

__all__ = ["find_citations", "load_article", "split_sentences"]

# A plain-text heading is a short title line; the longest heading in the bundled article has 7 words, and a
# one-line sentence of 13+ words without a full stop is more likely a paragraph than a title.
MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 100
# A numeric range such as [1–300] is a typo rather than a citation of 300 works; 50 keeps real ranges
# (reviews cite runs like [12–40]) and refuses absurd ones.
MAX_CITATION_RANGE = 50
# Share of the items in a trailing list that must look like references for the list to be taken as the
# reference list when no heading says so. Most, not all: one odd item (a web page) must not hide the list.
REFERENCE_LIKE_SHARE = 0.6

_PATH_SUFFIXES = (".md", ".markdown", ".txt", ".text")

_REFERENCE_HEADINGS = re.compile(
    r"^(?:references?|reference list|bibliography|sources|works cited|literature cited|literature|citations|"
    r"notes and references|references and notes|further reading|cited works)\s*:?$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|written by|author:|posted by)\s+[A-Z][\w.,'’\- ]{0,80}$", re.IGNORECASE)
# Comment forms and sharing widgets that blog exports append to an article.
_BOILERPLATE = re.compile(
    r"^(?:(?:leave a (?:reply|comment)|cancel reply|post comment|comments?|share this(?: article| post)?|"
    r"related (?:posts|articles)|you may also like|subscribe to our newsletter|"
    r"your email address will not be published|required fields are marked|all rights reserved)\b|©)",
    re.IGNORECASE,
)
# After "Leave a Reply" (or a line that says only "Comments") everything is the comment section.
_BOILERPLATE_TAIL = re.compile(r"^(?:leave a (?:reply|comment)\b|(?:\d+ )?comments?\s*:?\s*$)", re.IGNORECASE)

_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RULE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_LIST_ITEM = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[•\-*+▪◦‣·]|(?P<num>\d{1,3})[.)]|\\?\[(?P<bnum>\d{1,3})\\?\])"
    r"[ \t]+(?P<body>\S)"
)
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_VALUE = {ch: str(i) for i, ch in enumerate(_SUPERSCRIPTS)}

# Words before a full stop that do not end a sentence. Lower case, without the final full stop.
_ABBREVIATIONS = frozenset(
    {
        "al", "e.g", "i.e", "eg", "ie", "cf", "vs", "viz", "approx", "ca", "dr", "mr", "mrs", "ms",
        "prof", "st", "jr", "sr", "fig", "figs", "vol", "vols", "ed", "eds", "pp", "p", "no", "nos", "inc",
        "ltd", "co", "dept", "univ", "resp", "ref", "refs", "u.s", "u.k", "ph.d", "m.d", "b.sc", "m.sc",
        "d.p.t", "a.m", "p.m", "mt", "ft", "e.v",
    }
)  # fmt: skip

_SENTENCE_END = re.compile(
    r"(?P<end>[.!?…]+)(?P<close>[\"”’')\]*_]*)"
    r"(?P<cite>(?:\\?\[\d[\d,\s–—-]*\\?\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,⁻–][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*)*)"
    r"(?=\s+[\"“‘'(\[*_]*[A-Z0-9•¿¡])"
)


# --- blocks -------------------------------------------------------------------------------------------------

BlockKind = Literal["heading", "paragraph", "list_item"]


@dataclass
class _Block:
    kind: BlockKind
    start: int  # offset of the first character of the content (after any marker)
    end: int  # offset just after the last non-space character
    line: int  # 1-based line of ``start``
    level: int = 0  # heading level
    number: str | None = None  # list-item number, when numbered
    first_line_only: bool = True  # paragraph made of a single line
    role: Literal["body", "byline", "boilerplate", "references", "reference_heading"] = "body"


@dataclass(frozen=True)
class _Line:
    text: str  # without the newline
    start: int
    number: int


def _lines(text: str, first: int) -> list[_Line]:
    lines = []
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if number >= first:
            lines.append(_Line(raw, offset, number))
        offset += len(raw) + 1
    return lines


def _content_span(line: _Line, from_col: int = 0) -> tuple[int, int]:
    body = line.text
    left = from_col + (len(body) - from_col - len(body[from_col:].lstrip()))
    right = len(body.rstrip())
    return line.start + left, line.start + right


def _blocks(text: str, first_line: int) -> list[_Block]:
    """Markdown/plain-text blocks, in order: the one visible loop over the lines."""
    blocks: list[_Block] = []
    open_block: _Block | None = None  # a paragraph or list item that later lines may continue
    in_comment = False  # inside an HTML comment, which Markdown does not render

    for line in _lines(text, first_line):
        stripped = line.text.strip()
        if in_comment or stripped.startswith("<!--"):
            in_comment = "-->" not in stripped[4 if not in_comment else 0 :]
            open_block = None
            continue
        if not stripped:
            open_block = None
            continue
        heading = _ATX_HEADING.match(line.text)
        if heading:
            start, end = _content_span(line, heading.start(2))
            end = line.start + heading.end(2)
            blocks.append(_Block("heading", start, max(start, end), line.number, level=len(heading.group(1))))
            open_block = None
            continue
        setext = _SETEXT_RULE.match(line.text)
        if (
            setext
            and open_block is not None
            and open_block.kind == "paragraph"
            and open_block.first_line_only
            and (setext.group(1)[0] == "=" or len(setext.group(1)) >= 2)
        ):
            open_block.kind = "heading"
            open_block.level = 1 if setext.group(1)[0] == "=" else 2
            open_block = None
            continue
        if _THEMATIC_BREAK.match(line.text):
            open_block = None
            continue
        item = _LIST_ITEM.match(line.text)
        if item:
            start, end = _content_span(line, item.start("body"))
            number = item.group("num") or item.group("bnum")
            open_block = _Block("list_item", start, end, line.number, number=number)
            blocks.append(open_block)
            continue
        if open_block is not None:  # continuation of a paragraph or a list item
            open_block.end = _content_span(line)[1]
            open_block.first_line_only = False
            continue
        start, end = _content_span(line)
        open_block = _Block("paragraph", start, end, line.number)
        blocks.append(open_block)
    return blocks


def _plain_text_headings(blocks: list[_Block], text: str) -> None:
    """Without Markdown headings, short one-line paragraphs without a final full stop are titles."""
    if any(b.kind == "heading" for b in blocks):
        return
    seen = 0
    for block in blocks:
        if block.kind != "paragraph" or not block.first_line_only:
            continue
        line = text[block.start : block.end]
        if _BYLINE.match(_plain(line)) or _BOILERPLATE.match(line):
            continue
        if _looks_like_title(line):
            block.kind = "heading"
            block.level = 1 if seen == 0 else 2
            seen += 1


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= MAX_HEADING_WORDS
        and len(line) <= MAX_HEADING_CHARS
        and (line[0].isupper() or line[0].isdigit())
        and line[-1] not in ".,;:!…*\"”’'"
    )


# --- reference list and boilerplate -------------------------------------------------------------------------

_DOI_LIKE = re.compile(r"\b10\.\d{4,9}/\S+")
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d[a-z]?\b")
_VOLUME_ISSUE = re.compile(r"\b\d+\s*\(\s*\d+(?:[-–]\d+)?\s*\)")
_AUTHOR_INITIALS = re.compile(
    r"\b[A-Z][a-zA-Z'’\-]+,?\s+(?:[A-Z]\.\s?){1,3}(?:,|&|\(|$|\s)|\b[A-Z][a-z]+ [A-Z]{1,3}[,.]"
)
_VANCOUVER_DATE = re.compile(r"\b(?:19|20)\d\d\s*;\s*\d+")


def _looks_like_reference(item: str) -> bool:
    """A year and one more bibliographic mark: DOI, volume(issue), "et al.", initials, or "2002;83"."""
    if not _YEAR.search(item):
        return False
    marks = (
        _DOI_LIKE.search(item),
        _VOLUME_ISSUE.search(item),
        "et al" in item,
        _AUTHOR_INITIALS.search(item),
        _VANCOUVER_DATE.search(item),
        "pmid" in item.lower(),
    )
    return any(marks)


def _heading_title(text: str, block: _Block) -> str:
    return _plain(text[block.start : block.end]).strip()


def _mark_roles(blocks: list[_Block], text: str) -> None:
    """Mark byline, boilerplate and reference-list blocks, so only the body is split into sentences."""
    tail = False
    for block in blocks:
        line = text[block.start : block.end]
        if tail or _BOILERPLATE.match(line):
            block.role = "boilerplate"
            tail = tail or bool(_BOILERPLATE_TAIL.match(line))
        elif block.kind == "paragraph" and block.first_line_only and _BYLINE.match(_plain(line)):
            block.role = "byline"

    # A heading naming the reference list: everything under it up to a heading of the same or a higher level.
    for index, block in enumerate(blocks):
        if block.kind == "heading" and _REFERENCE_HEADINGS.match(_heading_title(text, block)):
            block.role = "reference_heading"
            for later in blocks[index + 1 :]:
                if later.kind == "heading" and later.level <= block.level:
                    break
                if later.role == "body":
                    later.role = "references"
            return

    # No such heading: a trailing run of list items that look like references, followed only by boilerplate.
    body = [i for i, b in enumerate(blocks) if b.role == "body"]
    run: list[int] = []
    for index in reversed(body):
        if blocks[index].kind != "list_item":
            break
        run.append(index)
    if not run:
        return
    looks = sum(_looks_like_reference(text[blocks[i].start : blocks[i].end]) for i in run)
    if looks / len(run) >= REFERENCE_LIKE_SHARE:
        for i in run:
            blocks[i].role = "references"


# --- sentences ----------------------------------------------------------------------------------------------


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text[start:end]``: offsets into ``text``, trimmed of white space.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes, brackets and citation markers
    after it) followed by white space and a capital, digit or opening quote — unless the word before the
    full stop is an abbreviation (:data:`_ABBREVIATIONS`) or a single initial. Text without final
    punctuation (a list item, a heading) is one sentence.
    """
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, stop):
        if match.group("end") == "." and _is_abbreviation(text, cursor, match.start()):
            continue
        spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, stop))
    trimmed = []
    for a, b in spans:
        piece = text[a:b]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            trimmed.append((a + left, a + right))
    return trimmed


def _is_abbreviation(text: str, sentence_start: int, dot: int) -> bool:
    word_match = re.search(r"([A-Za-z][A-Za-z.]*)$", text[sentence_start:dot])
    if not word_match:
        return False
    word = word_match.group(1)
    if word.lower().rstrip(".") in _ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isupper()  # an initial: "J. A. Cleland"


# --- citations ----------------------------------------------------------------------------------------------

_NUMERIC = re.compile(r"\\?\[\s*(?P<body>\d{1,4}(?:\s*(?:[,;]|[-–—])\s*\d{1,4})*)\s*\\?\](?!\()")
_SUPERSCRIPT_RUN = re.compile(r"(?<=[^\s\d⁰¹²³⁴⁵⁶⁷⁸⁹])[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,⁻–-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*")
# Units written with a superscript power (m², cm³) are not citations.
_UNIT_BEFORE = re.compile(r"(?:\b|\d)(?:m|cm|mm|km|µm|ft|in|kg|g|s|m/s)$")

_PARTICLE = rf"(?:(?:{PARTICLE_PATTERN})\s+)"
# \b: a name starts a word, which also keeps the search linear on a long run of capitals. The lookahead asks
# for a lower-case letter ("Gattie", not "RCT"); the possessive ``*+`` never gives back, so a run of names
# cannot make the search backtrack exponentially.
_NAME = rf"\b{_PARTICLE}*(?=[A-Z][\w'’\-]*?[a-z])[A-Z][\w'’\-]*+"
_YEAR_CITE = r"(?:19|20)\d\d[a-z]?"
# One author-year item inside parentheses: "Gattie et al., 2017", "Gattie, Cleland & Snodgrass, 2017",
# "Cagnie 2013", "see Rodine, 2015, p. 84".
_PAREN_ITEM = re.compile(
    rf"^(?:(?:see|e\.g\.|cf\.|also|see also|reviewed in)[,\s]+)?(?P<names>{_NAME}(?:.*?))[,\s]+"
    rf"(?P<year>{_YEAR_CITE})(?:[,\s]+(?:p|pp)\.\s*[\d–-]+)?$"
)
_PARENS = re.compile(r"\((?P<body>[^()]*?\b(?:19|20)\d\d[a-z]?\b[^()]*?)\)")
# "A, B, C and D (2017)": longer name lists are written "A et al."; the bound keeps the search linear.
MAX_NARRATIVE_NAMES = 5
_NARRATIVE = re.compile(
    rf"(?P<names>{_NAME}(?:\s+et\s+al\.?|(?:,\s*{_NAME}){{0,{MAX_NARRATIVE_NAMES}}}\s*(?:,\s*)?(?:and|&)\s+{_NAME})?)"
    rf"\s+\((?P<year>{_YEAR_CITE})\)"
)
_MONTHS_AND_SEASONS = frozenset(
    {name.lower() for name in MONTH_NAMES}
    | {"spring", "summer", "autumn", "winter", "fall", "since", "in", "by", "from", "until"}
)


def _first_family(names: str) -> str:
    """First author's family name from "van der Berg et al." / "Gattie, Cleland & Snodgrass"."""
    first = re.split(r"\s+et\s+al|,|\s+and\s+|\s*&\s*", names, maxsplit=1)[0].strip()
    return name_key(first)


@dataclass(frozen=True)
class _Resolver:
    by_label: dict[str, str]
    by_author_year: dict[tuple[str, str], tuple[str, ...]]
    numbered: bool  # the reference list is numbered, so superscript digits are citation markers

    @classmethod
    def of(cls, references: Sequence[Reference], numbers: dict[int, str]) -> _Resolver:
        by_label: dict[str, str] = {}
        by_author_year: dict[tuple[str, str], list[str]] = {}
        for position, ref in enumerate(references, start=1):
            label = ref.fields.get("label") or (numbers.get(ref.line) if ref.line is not None else None)
            by_label.setdefault(str(label or position), ref.key)
            family = ref.first_author_family
            if family and ref.year is not None:
                # An organisation or unsplit name ("literal") is cited by its last word.
                first = ref.authors[0] if ref.authors else None
                names = {name_key(family.split()[-1]) if first and not first.family else name_key(family)}
                if first and first.particle and first.family:  # a family name of particles only: "van Le"
                    names.add(name_key(f"{first.particle} {first.family}"))
                for name in sorted(names):
                    by_author_year.setdefault((name, str(ref.year)), []).append(ref.key)
        return cls(by_label, {k: tuple(v) for k, v in by_author_year.items()}, bool(numbers))

    def numeric(self, labels: Iterable[str]) -> tuple[tuple[str, ...], list[str]]:
        keys: list[str] = []
        missing: list[str] = []
        for label in labels:
            key = self.by_label.get(label)
            if key is None:
                missing.append(label)
            elif key not in keys:
                keys.append(key)
        return tuple(keys), missing

    def author_year(self, names: str, year: str) -> tuple[str, ...]:
        family = _first_family(names)
        keys = self.by_author_year.get((family, year)) or self.by_author_year.get(
            (family, year.rstrip("abcdefgh"))
        )
        return keys or ()


def _expand_numbers(body: str) -> list[str] | None:
    labels: list[str] = []
    for part in re.split(r"\s*[,;]\s*", body.strip()):
        bounds = re.split(r"\s*[-–—⁻]\s*", part)
        if len(bounds) == 2:
            low, high = int(bounds[0]), int(bounds[1])
            if high < low or high - low > MAX_CITATION_RANGE:
                return None
            labels.extend(str(n) for n in range(low, high + 1))
        else:
            labels.append(str(int(part)))
    return labels


def find_citations(
    text: str,
    sentences: Sequence[Sentence],
    references: Sequence[Reference] = (),
    *,
    numbers: dict[int, str] | None = None,
    path: str | None = None,
) -> tuple[list[Citation], list[Problem]]:
    """Inline citation markers in ``sentences`` (offsets into ``text``), resolved to ``references``' keys.

    ``numbers`` maps a reference's line to its list number, for numeric markers when the reference carries no
    ``fields["label"]``. Headings are not searched. Returns the citations in text order and a
    ``citation.unresolved`` problem for every marker (or part of one) that names no reference.
    """
    resolver = _Resolver.of(references, numbers or {})
    citations: list[Citation] = []
    problems: list[Problem] = []

    def add(
        sentence: Sentence,
        start: int,
        end: int,
        style: Literal["numeric", "author-year"],
        keys: tuple[str, ...],
        missing: str | None,
    ) -> None:
        line = sentence.line + text.count("\n", sentence.start, start) if sentence.line is not None else None
        marker = text[start:end]
        citations.append(Citation(sentence.id, marker, keys, start, end, style, line))
        if missing is not None:
            problems.append(
                Problem(
                    "citation.unresolved",
                    f"inline citation {marker!r} in sentence {sentence.id}: {missing}",
                    file=path,
                    line=line,
                    raw=marker,
                )
            )

    for sentence in sentences:
        if sentence.kind == "heading":
            continue
        s, e = sentence.start, sentence.end
        for match in _NUMERIC.finditer(text, s, e):
            labels = _expand_numbers(match.group("body"))
            if labels is None:
                add(sentence, match.start(), match.end(), "numeric", (), "the range is not a citation range")
                continue
            keys, missing = resolver.numeric(labels)
            note = f"no reference numbered {', '.join(missing)}" if missing else None
            add(sentence, match.start(), match.end(), "numeric", keys, note)
        if resolver.numbered:
            for match in _SUPERSCRIPT_RUN.finditer(text, s, e):
                if _UNIT_BEFORE.search(text[s : match.start()]):
                    continue
                plain = "".join(
                    _SUPERSCRIPT_VALUE.get(ch, "-" if ch in "⁻–-" else ch) for ch in match.group()
                )
                labels = _expand_numbers(plain)
                if labels is None:
                    continue
                keys, missing = resolver.numeric(labels)
                note = f"no reference numbered {', '.join(missing)}" if missing else None
                add(sentence, match.start(), match.end(), "numeric", keys, note)
        taken: list[tuple[int, int]] = []
        for match in _PARENS.finditer(text, s, e):
            offset = match.start("body")
            for part in re.finditer(r"[^;]+", match.group("body")):
                item_text = part.group().strip()
                item = _PAREN_ITEM.match(item_text)
                if not item or _first_family(item.group("names")) in _MONTHS_AND_SEASONS:
                    continue
                item_start = offset + part.start() + (len(part.group()) - len(part.group().lstrip()))
                item_end = item_start + len(item_text)
                keys = resolver.author_year(item.group("names"), item.group("year"))
                note = None if keys else f"no reference by {item.group('names')!r} from {item.group('year')}"
                add(sentence, item_start, item_end, "author-year", keys, note)
            taken.append((match.start(), match.end()))
        for match in _NARRATIVE.finditer(text, s, e):
            if any(a <= match.start() < b for a, b in taken):
                continue
            names = match.group("names")
            if _first_family(names) in _MONTHS_AND_SEASONS:
                continue
            keys = resolver.author_year(names, match.group("year"))
            # A lone capitalised word before "(2017)" is often prose ("In March (2017)…"); report it only when
            # it resolves or is unmistakably a citation (et al., two names).
            if not keys and not re.search(r"et\s+al|\band\b|&|,", names):
                continue
            note = None if keys else f"no reference by {names!r} from {match.group('year')}"
            add(sentence, match.start(), match.end(), "author-year", keys, note)
    citations.sort(key=lambda c: c.start)
    return citations, problems


# --- loading ------------------------------------------------------------------------------------------------


def _read(path_or_text: str | os.PathLike[str]) -> tuple[str, str | None]:
    if isinstance(path_or_text, str) and ("\n" in path_or_text or "\r" in path_or_text):
        return path_or_text, None
    if isinstance(path_or_text, str):
        candidate = Path(path_or_text)
        looks_like_path = path_or_text.lower().endswith(_PATH_SUFFIXES) or os.sep in path_or_text
        try:
            exists = bool(path_or_text) and candidate.exists()
        except OSError:
            exists = False
        if not exists and not looks_like_path:
            return path_or_text, None
    name = str(Path(path_or_text))
    return read_text_file(name, "article"), name


def read_text_file(path: str | os.PathLike[str], what: str, *, max_bytes: int | None = None) -> str:
    """The UTF-8 text of a file the user named (``what``: "article", "claims registry"), or a clear
    :class:`InputError` naming the file (and the line of a bad byte).

    One reader for the article and the claims registry, so both refuse the same things in the same words."""
    path = Path(path)
    name = str(path)
    a_what = f"{'an' if what[:1] in 'aeiou' else 'a'} {what}"
    if not path.exists():
        raise InputError(f"no such {what} file", path=name)
    if path.is_dir():
        raise InputError(f"is a directory, not {a_what} file", path=name)
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise InputError(
                f"the file is {size:,} bytes; {a_what} is refused above {max_bytes:,}", path=name
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the {what}: {exc.strerror or exc}", path=name) from exc
    # NUL bytes first: a binary file (an image, a PDF) is not text, and "save it as UTF-8" would mislead.
    if b"\x00" in data:
        raise InputError("is not a text file (it contains NUL bytes)", path=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not UTF-8 text (byte {exc.start}); save the {what} as UTF-8", path=name, line=line
        ) from exc


def _front_matter(text: str, path: str | None) -> tuple[dict[str, Any], int, list[Problem]]:
    """Metadata, the first line after the front matter, and any problem with it."""
    if not text.startswith("---\n") and text.rstrip("\n") != "---":
        return {}, 1, []
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if _FRONT_MATTER_END.match(lines[index]):
            break
    else:
        problem = Problem(
            "article.front_matter", "front matter opened with '---' is never closed", file=path, line=1
        )
        return {}, 1, [problem]
    import yaml  # only articles with front matter pay for it

    block = "\n".join(lines[1:index])
    try:
        loaded = yaml.safe_load(block) if block.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = 2 + mark.line if mark is not None else 1
        return (
            {},
            index + 2,
            [Problem("article.front_matter", f"front matter is not valid YAML: {exc}", path, line)],
        )
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        message = f"front matter must be a mapping of names to values, not {type(loaded).__name__}"
        return {}, index + 2, [Problem("article.front_matter", message, file=path, line=2)]
    return {str(k): v for k, v in loaded.items()}, index + 2, []


def _plain(markdown: str) -> str:
    """Markdown inline text as plain text: escapes, emphasis, links and code marks removed."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!>~|])", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    return re.sub(r"\s+", " ", text).strip()


def _slug(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")
    return slug[:60].rstrip("-") or "section"


def _references(
    text: str, blocks: list[_Block], path: str | None
) -> tuple[ReferenceList, dict[int, str], Section | None]:
    items = [b for b in blocks if b.role == "references"]
    heading = next((b for b in blocks if b.role == "reference_heading"), None)
    if not items:
        section = None
        if heading is not None:
            section = Section(
                "references", _heading_title(text, heading), heading.level, heading.start, heading.end
            )
        return ReferenceList(source=path), {}, section
    first_line_start = text.rfind("\n", 0, items[0].start) + 1
    end = items[-1].end
    from .references.text import parse_references

    parsed = parse_references(text[first_line_start:end], source=path, start_line=items[0].line)
    numbers = {b.line: b.number for b in items if b.number is not None}
    if heading is not None:
        section = Section("references", _heading_title(text, heading), heading.level, heading.start, end)
    else:
        section = Section("references", "References", 2, first_line_start, end)
    return ReferenceList(parsed, parsed.problems, source=path), numbers, section


def load_article(path_or_text: str | os.PathLike[str]) -> Article:
    """Read an article (Markdown or plain text; a path or the text itself — see the module docstring).

    Raises :class:`~needling_evidence.errors.InputError` for a missing, unreadable or binary file. Problems
    in the article itself (empty, broken front matter, unresolved citations, unparsable references) are
    records in ``Article.problems``; the reference list's own are also in ``Article.references.problems``.
    """
    raw, path = _read(path_or_text)
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    metadata, first_line, problems = _front_matter(text, path)

    blocks = _blocks(text, first_line)
    _plain_text_headings(blocks, text)
    _mark_roles(blocks, text)
    references, numbers, reference_section = _references(text, blocks, path)
    problems.extend(references.problems)

    body = [b for b in blocks if b.role == "body"]
    if not body:
        problems.append(
            Problem("article.empty", "the article has no text to read", file=path, line=first_line)
        )

    sections: list[Section] = []
    section_starts: list[tuple[str, str, int, int]] = []  # id, title, level, start
    sentences: list[Sentence] = []
    used_ids: set[str] = set()
    slug_counts: dict[str, int] = {}  # repeated titles get -2, -3 … without rescanning
    section_id: str | None = None
    for block in body:
        if block.kind == "heading":
            heading_title = _heading_title(text, block)
            base = _slug(heading_title)
            section_id = base
            while section_id in used_ids:
                slug_counts[base] = slug_counts.get(base, 1) + 1
                section_id = f"{base}-{slug_counts[base]}"
            used_ids.add(section_id)
            section_starts.append((section_id, heading_title, block.level, block.start))
            spans = [(block.start, block.end)] if block.end > block.start else []
        else:
            if section_id is None:
                section_id = "preamble"
                used_ids.add(section_id)
                section_starts.append((section_id, "", 1, block.start))
            spans = split_sentences(text, block.start, block.end)
        kind: Literal["sentence", "list_item", "heading"] = (
            "heading" if block.kind == "heading" else "list_item" if block.kind == "list_item" else "sentence"
        )
        for start, end in spans:
            line = block.line + text.count("\n", block.start, start)
            sentence_id = f"s{len(sentences) + 1:03d}"
            sentences.append(Sentence(sentence_id, text[start:end], start, end, section_id, kind, line))

    body_end = max((b.end for b in body), default=0)
    for index, (sid, section_title, level, start) in enumerate(section_starts):
        end = section_starts[index + 1][3] if index + 1 < len(section_starts) else body_end
        sections.append(Section(sid, section_title, level, start, max(start, end)))
    if reference_section is not None:
        sections.append(reference_section)

    citations, citation_problems = find_citations(text, sentences, references, numbers=numbers, path=path)
    problems.extend(citation_problems)

    title_meta = metadata.get("title")
    headings = [s for s in sentences if s.kind == "heading"]
    title: str | None
    if isinstance(title_meta, str) and title_meta.strip():
        title = title_meta.strip()
    elif headings:
        title = _plain(headings[0].text)
    else:
        # No heading: the first sentence is a claim, not a title (a report headed by it read as one).
        title = None
    byline_block = next((b for b in blocks if b.role == "byline"), None)
    byline = _plain(text[byline_block.start : byline_block.end]) if byline_block else None
    if byline is None and isinstance(metadata.get("author"), str):
        byline = str(metadata["author"])

    return Article(
        text=text,
        title=title,
        byline=byline,
        sections=tuple(sections),
        sentences=tuple(sentences),
        citations=tuple(citations),
        references=references,
        problems=tuple(problems),
        path=path,
        metadata=metadata,
    )
