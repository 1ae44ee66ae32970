"""Article text → blocks, sections, sentences and inline citations.

:func:`load_article` reads a health article written in Markdown, HTML or plain text and returns an
:class:`~needling_evidence.model.Article`. First the structure: blocks that keep their kind (a Markdown file
through markdown-it-py, :func:`_markdown_blocks`; an HTML page through the standard library's parser,
:func:`_read_html`; a ``.txt`` file through the line loop 0.1.0 used for everything, :func:`_blocks`). Then
three passes over the blocks: find the reference list and the boilerplate, split the body into sentences,
find the inline citations in the sentences.

What counts as what (documented here because users rely on it):

* **Input.** A :class:`pathlib.Path` is always a file. A ``str`` that contains a newline is article text; a
  ``str`` without one is read as a file when such a file exists, is a missing-file error when it looks like
  a path (ends in ``.md``/``.markdown``/``.txt``/``.text``/``.html``/``.htm`` or contains a path separator),
  and is otherwise a one-line article. Files are read as UTF-8 (a byte-order mark is dropped).
* **Format.** ``.txt``/``.text``: plain text (the line loop). ``.html``/``.htm``/``.xhtml``, or text that
  opens like a page (``<!doctype html>``, ``<html>``, ``<p>`` …): HTML. Anything else: Markdown (CommonMark
  with GFM tables, footnotes and definition lists).
* **Text and lines.** ``Article.text`` is the file's text with line endings normalised to ``\\n`` — for HTML,
  the page's text with tags left out and character references decoded, every newline of the file kept (even
  inside tags), so line numbers are always the file's. In HTML, digits in ``<sup>`` are written as
  superscript digits (``pain.<sup>1</sup>`` → ``pain.¹``).
* **Blocks** (``Article.blocks``): ``heading``, ``paragraph``, ``list_item`` (with ``lead_in``: the
  paragraph ending in ":" that introduces its list, or the item a nested list hangs from), ``table_cell``,
  ``caption`` ("Figure 1: …", "**Table 2:** …", ``<figcaption>``, ``<caption>``, an emphasised line under a
  table or image), ``footnote`` (``[^1]:`` definitions, ``<div class="footnotes">``, notes under a table or
  figure: "[a] …", "Note: …"), ``quote``, ``definition`` (definition lists, "CNS: central nervous system",
  "Abbreviations: …") and ``front_matter``. kramdown attribute lines (``{: .notice--info}``), images, code
  and HTML comments are not text; an HTML block inside Markdown is read in place.
* **Front matter.** YAML between a first line ``---`` and the next ``---`` (or ``...``) line, read with
  ``yaml.safe_load`` into ``Article.metadata``. A broken block is a problem (``article.front_matter``),
  never an exception.
* **Headings.** Markdown ``#`` headings and setext underlines, HTML ``<h1>``–``<h6>``. In a document with no
  headings, a one-line paragraph that is short (:data:`MAX_HEADING_WORDS`), starts with a capital and has no
  final punctuation other than ``?`` is a heading ("How dry needling works?"); the first is level 1, the
  rest level 2.
* **Lists.** Markdown and HTML lists; in a plain paragraph, lines starting ``•``, ``-``, ``*``, ``+``,
  ``1.``, ``1)`` or ``[1]`` are list items and indented or lazy continuation lines join the item.
* **Sentences.** Every block is split into sentences (abbreviations such as *et al.*, *Dr.*, *e.g.*,
  initials and decimals do not end a sentence); a sentence's ``kind`` is its block's (``sentence`` for a
  paragraph). Only :data:`~needling_evidence.model.PROSE_KINDS` (sentences, list items, quotes) can hold a
  claim; cells, captions, footnotes and definitions are read for their citations only. Every sentence has
  ``text == Article.text[start:end]`` exactly (Markdown escapes and emphasis are kept as written). Ids are
  ``s001``, ``s002`` … in document order (headings included), so they are stable when the same text is parsed
  again; an edit that adds a sentence renumbers the ones after it, which is why claims registries anchor
  claims by quote, not by id.
* **Not sentences.** The byline ("By Andy"), comment-form boilerplate ("Leave a Reply", "Your email address
  will not be published…") and the reference list.
* **Reference list.** The blocks under a heading such as *References*, *Bibliography* or *Sources*, or —
  when there is no such heading — a trailing run of list items that look like references (a year and a DOI,
  a volume(issue), "et al." or author initials), followed by nothing but boilerplate; Markdown link
  definitions ``[1]: https://…``; footnotes that look like references. Its text goes to
  :func:`needling_evidence.references.text.parse_references`; the references' ``file`` and ``line`` point
  into the article file.
* **Inline citations.** Numeric markers (``[3]``, ``[1,3]``, ``[1–3]``, ``\\[3\\]``, ``[[3]](#ref3)``,
  ``[3](#ref3)``, ``<sup>3</sup>``, ``^3`` and superscript ``¹²`` when the article has a reference list)
  resolve by the reference's label (``Reference.fields["label"]``, else its list number); a marker written
  after the full stop belongs to the sentence it follows. Footnote markers ``[^1]`` resolve to the reference
  their footnote is. Author–year citations (``(Gattie et al., 2017)``, ``Gattie et al. (2017)``, ``(Cagnie
  2013; Rodine 2015)``) resolve by first author's family name and year (:func:`_resolve_author_year`). A link
  in the text to doi.org, PubMed, PMC, Europe PMC or a publisher's page resolves to the reference with that
  DOI, PMID, PMCID or address, or else is kept as a cited work of its own (appended to
  ``Article.references`` with ``fields["origin"] == "inline-link"`` and only what the link says). A marker
  that resolves to nothing is a problem (``citation.unresolved``) with its line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from .dates import MONTH_NAMES
from .errors import InputError
from .identity import PARTICLE_PATTERN, fold, name_key
from .model import (
    PROSE_KINDS,
    Article,
    Block,
    BlockKind,
    Citation,
    Problem,
    Reference,
    ReferenceList,
    Section,
    Sentence,
    SentenceKind,
)

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

_PATH_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".html", ".htm")
_PLAIN_SUFFIXES = (".txt", ".text")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")

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
    r"^(?P<indent>[ \t]*)(?P<marker>[•\-*+▪◦‣·]|(?P<num>\d{1,9})[.)]|\\?\[(?P<bnum>\d{1,9})\\?\])"
    r"[ \t]+(?P<body>\S)"
)
# A list number of more than three digits starts an item only where it goes on from the item before (999 →
# 1000): a list past 999 items keeps its items apart, while a wrapped line that starts with a year ("2017.
# The trial …") stays text. Nine digits: CommonMark's limit for an ordered list's number.
SHORT_LIST_NUMBER_DIGITS = 3
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

# A citation written after the full stop belongs to the sentence it follows: "… pain.[1] Next",
# "….[[1]](#r1)", "….<sup>1</sup>", "….[^1]", "….^1", "….¹".
_CITE_AFTER_STOP = (
    r"\\?\[\d[\d,\s–—-]*\\?\]"
    r"|\[\[\d[\d,\s–—-]*\]\]\([^)\s]*\)|\[\d[\d,\s–—-]*\]\([^)\s]*\)"
    r"|<sup\b[^>]{0,80}>[^<]{0,40}(?:<a\b[^>]{0,200}>[^<]{0,40}</a>)?</sup>"
    r"|\[\^[^\]\s]{1,40}\]|\^\d{1,3}(?:[,–-]\d{1,3})*\^?"
    r"|[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,⁻–][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*"
)
_SENTENCE_END = re.compile(
    r"(?P<end>[.!?…]+)(?P<close>[\"”’')\]*_]*)"
    rf"(?P<cite>(?:\s?(?:{_CITE_AFTER_STOP}))*)"
    r"(?=\s+(?:>[ \t>]*)?[\"“‘'(\[*_]*[A-Z0-9•¿¡])"  # "> ": the next line of a Markdown quote
)


# --- blocks -------------------------------------------------------------------------------------------------


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
    lead: _Block | None = None  # the paragraph introducing a list item's list (or the item it hangs from)
    label: str | None = None  # a footnote's label
    link_definition: bool = False  # "[1]: https://doi.org/…", a Markdown link reference definition
    inline_sources: bool = False  # "Sources: A (2023); B (2024)", a list written on one line


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
    """Plain-text blocks, in order: the one visible loop over the lines."""
    return _line_blocks(_lines(text, first_line))


def _line_blocks(lines: Iterable[_Line]) -> list[_Block]:
    blocks: list[_Block] = []
    open_block: _Block | None = None  # a paragraph or list item that later lines may continue
    in_comment = False  # inside an HTML comment, which Markdown does not render
    last_number: int | None = None  # the last list item's number, which a long number must go on from
    previous_line = ""  # the last line read, for the paragraph it may continue
    for line in lines:
        stripped, previous = line.text.strip(), previous_line
        previous_line = stripped
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
        number = item.group("num") or item.group("bnum") if item else None
        long_number = number is not None and len(number) > SHORT_LIST_NUMBER_DIGITS
        if long_number and (last_number is None or int(str(number)) != last_number + 1):
            item = number = None
        if item:
            start, end = _content_span(line, item.start("body"))
            last_number = int(number) if number is not None else last_number
            open_block = _Block("list_item", start, end, line.number, number=number)
            blocks.append(open_block)
            continue
        if open_block is not None and open_block.kind == "paragraph" and _runs_on(previous, stripped):
            # a scraped page's heading or unmarked list item on a line of its own: a block apart
            open_block = None
        if open_block is not None:  # continuation of a paragraph or a list item
            open_block.end = _content_span(line)[1]
            open_block.first_line_only = False
            continue
        start, end = _content_span(line)
        open_block = _Block("paragraph", start, end, line.number)
        blocks.append(open_block)
    return blocks


# A line that stands alone although no blank line parts it from its neighbours: text scraped from a page
# puts each heading and each list item on a line of its own ("OVERVIEW" / "Overview" / "Back pain is …";
# "Smoking" / "Poor sleep quality"). A short line with no final punctuation ending in a content word, or
# followed by one, is such a line when the next line begins with a capital. Wrapped prose is not cut: its
# lines are long and end anywhere, and its last line ends with a full stop.
RUN_LINE_WORDS = 8
RUN_LINE_CHARS = 60
_RUN_FUNCTION_WORDS = frozenset(
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
        "than", "that", "which", "who", "like", "such", "into", "is", "are", "was", "were", "be", "not", "dr",
        "mr", "mrs", "ms", "st", "vs",
    }
)  # fmt: skip


def _short_run_line(line: str) -> bool:
    return (
        0 < len(line.split()) <= RUN_LINE_WORDS
        and len(line) <= RUN_LINE_CHARS
        and line[-1] not in ".,;:!?…\"”’'-–—/&([*_|\\"
    )


def _runs_on(previous: str, line: str) -> bool:
    """Whether ``line`` starts a block of its own after ``previous`` in the same paragraph (see above)."""
    if not previous or not line[:1].isupper():
        return False
    if previous[-1] == ":":
        return _short_run_line(line)  # a lead-in over unmarked items ("… associated with back pain:")
    if previous[-1] in ".,;!?…-–—/&([|\\":
        return False
    words = previous.split()
    if not words or words[-1].lower().strip("\"“”'’*_") in _RUN_FUNCTION_WORDS:
        return False
    return _short_run_line(previous) or _short_run_line(line)


def _unmarked_list_items(blocks: list[_Block], text: str, before: _Block | None = None) -> None:
    """Two or more one-line paragraphs of a few words each, right after a block ending in ":", are the items
    of the list it leads ("The following lifestyle factors are also associated with back pain:" / "Smoking" /
    "Poor sleep quality"), written without markers. ``before``: the block before ``blocks``, if any."""
    lead, run = before, []
    for block in [*blocks, None]:
        if (
            block is not None
            and lead is not None
            and block.kind == "paragraph"
            and block.first_line_only
            and _short_run_line(text[block.start : block.end])
        ):
            run.append(block)
            continue
        if len(run) >= 2 and lead is not None:
            for item in run:
                item.kind, item.lead = "list_item", lead
        run = []
        ends_lead = block is not None and block.kind in ("paragraph", "list_item")
        lead = block if ends_lead and block and _plain(text[block.start : block.end]).endswith(":") else None


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


# --- Markdown: markdown-it's block structure, located in the user's lines -----------------------------------

# kramdown's inline attribute lists ("{: .notice--info}", "{:toc}") style the block before them; not text.
_KRAMDOWN_ATTRIBUTES = re.compile(r"^\s*\{:[^}]*\}\s*$")
_IMAGE_ONLY = re.compile(r"^\s*(?:\[?!\[[^\]]*\]\([^)]*\)\]?(?:\([^)]*\))?\s*)+$")
# "Figure 1. …", "Fig. 2:", "Table 3 – …", "Image: …": a caption, read for its citations only.
_CAPTION = re.compile(
    r"^[*_]*(?:figure|fig\.?|table|image|photo|picture|chart|graph|diagram|illustration|infographic|video|"
    r"source|credit|caption)s?\s*(?:\d+[a-z]?|[IVX]+)?\s*[.:|–—-]",
    re.IGNORECASE,
)
# Text right under a table or a figure that explains it is its footnote: "Note:", "* p < 0.05",
# "[a] Low-quality evidence; …", "[[a]](#fn1) Cauda equina syndrome: …", "Adapted with permission from …".
_TABLE_NOTE = re.compile(
    r"^[*_]*(?:(?i:notes?|key|legend|adapted|reprinted|reproduced)\b|[*†‡§¶]|[a-z][).]?\s|"
    r"\\?\[\[?[a-z]\\?\]?\](?:\([^)\s]*\))?)"
)
_ABBREVIATIONS_LINE = re.compile(r"^[*_]*abbreviations?\b", re.IGNORECASE)
# "CNS: central nervous system", "**MRI** – magnetic resonance imaging": an acronym and its expansion.
_ACRONYM_DEFINITION = re.compile(
    r"^[*_]*(?P<acronym>[A-Z][A-Za-z0-9]{1,9})[*_]*\s*(?:[:=]|[–—-]\s)\s*(?P<words>.+)$"
)
_EMPHASIS_ONLY = re.compile(r"^(?:\*[^*].*[^*]\*|_[^_].*[^_]_|\*\*.+\*\*)$", re.DOTALL)


def _is_acronym_definition(line: str) -> bool:
    """Whether ``line`` spells out an acronym: its capitals are the first letters of the words, in order."""
    match = _ACRONYM_DEFINITION.match(line.strip())
    if not match:
        return False
    letters = [ch.lower() for ch in match.group("acronym") if ch.isupper()]
    initials = [w[0].lower() for w in re.split(r"[\s/\-]+", _plain(match.group("words"))) if w[:1].isalpha()]
    if len(letters) < 2 or len(initials) > 3 * len(letters) + 3:
        return False
    position = 0
    for letter in letters:
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return True


def _markdown_parser(inline: bool = True) -> Any:
    """The Markdown parser; ``inline=False``: without the pass that parses each block's inline content
    (emphasis, links) into child tokens, which the blocks are never read from — their text is located in the
    user's lines — but which finds the footnote references that decide which footnotes are kept."""
    # Imported here: only a Markdown article pays for markdown-it (the command line starts without it).
    from markdown_it import MarkdownIt
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.footnote import footnote_plugin

    parser = MarkdownIt("commonmark", {"html": True}).enable("table").use(footnote_plugin).use(deflist_plugin)
    return parser if inline else parser.disable("inline")


def _locate(line: _Line, content: str, cursor: int = 0) -> tuple[int, int] | None:
    """Offsets of ``content`` (one line of a markdown-it inline token) in the user's ``line``.

    markdown-it strips a line's container markers (``>``, list markers, indentation) and trailing spaces, so
    the content is the end of the line; a table cell is found from ``cursor`` on."""
    body = content.strip()
    if not body:
        return None
    rstripped = line.text.rstrip()
    if cursor == 0 and rstripped.endswith(body):
        left = len(rstripped) - len(body)
        return line.start + left, line.start + len(rstripped)
    found = line.text.find(body, cursor)
    if found < 0:
        return None
    return line.start + found, line.start + found + len(body)


@dataclass
class _Context:
    """Where markdown-it's token stream is: the containers open around the next inline token."""

    containers: list[str]
    lists: list[_Block | None]  # the lead-in of each open list
    items: list[tuple[str | None, list[_Block]]]  # each open list item: its number and its blocks so far
    heading_level: int = 0
    footnote: str | None = None
    row_cursor: int = 0
    after: str | None = None  # "image" or "table" when the last top-level block was one


def _markdown_blocks(text: str, first_line: int, definitions: dict[str, str] | None = None) -> list[_Block]:
    """Markdown blocks of ``text`` after its front matter, in document order, located in the user's lines.

    markdown-it-py (CommonMark, with GFM tables, footnotes and definition lists) decides the structure; its
    line maps and each inline token's content place every block at its offsets in ``text``. Link reference
    definitions go into ``definitions`` (normalised label → address); a numbered one ("[1]: https://…") is
    also a reference-list item, since CommonMark gives it no block of its own."""
    lines = _lines(text, 1)
    # The front matter is blanked, not cut, so markdown-it's line numbers stay the file's.
    source = "\n" * (first_line - 1) + "\n".join(line.text for line in lines[first_line - 1 :])
    env: dict[str, Any] = {}
    # Without a footnote mark ("[^1]", "^[…]") the inline pass changes nothing read here: a twentieth of
    # reading a long article (issue 13).
    tokens = _markdown_parser(inline="[^" in source or "^[" in source).parse(source, env)
    blocks: list[_Block] = []
    for label, target in env.get("references", {}).items():
        if definitions is not None:
            definitions[label] = str(target.get("href", ""))
        where = target.get("map")
        if label.isdigit() and where and where[0] < len(lines):
            line = lines[where[0]]
            colon = line.text.find("]:")
            end = lines[min(where[1], len(lines)) - 1]
            if colon >= 0:
                start = line.start + colon + 2
                start += len(line.text[colon + 2 :]) - len(line.text[colon + 2 :].lstrip())
                blocks.append(
                    _Block(
                        "list_item",
                        start,
                        max(start, end.start + len(end.text.rstrip())),
                        line.number,
                        number=label,
                        role="references",
                        link_definition=True,
                    )
                )
    ctx = _Context([], [], [])

    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            ctx.heading_level = int(token.tag[1:])
        elif kind in ("bullet_list_open", "ordered_list_open"):
            ctx.lists.append(_list_lead(text, blocks, ctx))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            ctx.lists.pop()
        elif kind == "list_item_open":
            ctx.items.append((token.info or None, []))
        elif kind == "list_item_close":
            ctx.items.pop()
        elif kind == "footnote_open":
            ctx.footnote = str(token.meta.get("label", ""))
        elif kind == "footnote_close":
            ctx.footnote = None
        elif kind == "tr_open":
            ctx.row_cursor = 0
        elif kind in ("blockquote_open", "th_open", "td_open", "dt_open", "dd_open", "table_open"):
            ctx.containers.append(kind[:-5])
        elif kind in ("blockquote_close", "th_close", "td_close", "dt_close", "dd_close", "table_close"):
            ctx.containers.pop()
            if kind == "table_close" and not ctx.containers and not ctx.items:
                ctx.after = "table"
        elif kind == "inline" and token.map is not None:
            _markdown_inline(token, lines, text, blocks, ctx)
        elif kind == "html_block" and token.map is not None:
            blocks.extend(_html_in_markdown(lines, *token.map))
            if not ctx.containers and not ctx.items:
                ctx.after = None
        elif kind == "code_block" and token.map is not None and not ctx.containers:
            # Text indented four spaces is code to CommonMark, but in an article it is text pasted with its
            # indentation (a word processor's, an e-mail's): read it as the plain-text reader always did.
            first, last = token.map
            found = _line_blocks(lines[first : min(last, len(lines))])
            if ctx.items:
                for block in found:
                    block.kind, block.lead = "list_item", ctx.lists[-1] if ctx.lists else None
            blocks.extend(found)
            ctx.after = None
        elif kind in ("fence", "code_block", "hr") and not ctx.containers and not ctx.items:
            ctx.after = None
    blocks.sort(key=lambda b: b.start)
    return blocks


def _html_in_markdown(lines: list[_Line], first: int, last: int) -> list[_Block]:
    """The blocks of an HTML block written into a Markdown article (``<p>``, ``<table>``, ``<figure>`` …),
    placed at their offsets in the Markdown text; inline tags stay in their text, as in the file."""
    part = lines[first:last]
    if not part:
        return []
    source = "\n".join(line.text for line in part)
    _, found, _, raw_spans = _read_html(source)
    base = part[0].start
    located = []
    for block in found:
        span = raw_spans.get(id(block))
        if span is None:
            continue
        located.append(
            _Block(
                block.kind,
                base + span[0],
                base + span[1],
                part[0].number + source.count("\n", 0, span[0]),
                level=block.level,
                number=block.number,
                first_line_only="\n" not in source[span[0] : span[1]],
            )
        )
    return located


def _list_lead(text: str, blocks: list[_Block], ctx: _Context) -> _Block | None:
    """The block introducing a list that opens now: the item it is nested in, or the paragraph just before it
    when that paragraph ends with ':' ("Routine chiropractic care can improve the following:")."""
    if ctx.items:
        item_blocks = ctx.items[-1][1]
        return item_blocks[0] if item_blocks else None
    if (
        blocks
        and blocks[-1].kind == "paragraph"
        and _plain(text[blocks[-1].start : blocks[-1].end]).endswith(":")
    ):
        return blocks[-1]
    return None


def _markdown_inline(token: Any, lines: list[_Line], text: str, blocks: list[_Block], ctx: _Context) -> None:
    first = token.map[0]
    if first >= len(lines):
        return
    content_lines = token.content.split("\n")
    container = ctx.containers[-1] if ctx.containers else None
    if container in ("th", "td"):
        line = lines[first]
        span = _locate(line, token.content, ctx.row_cursor)
        if span is not None:
            ctx.row_cursor = span[1] - line.start
            blocks.append(_Block("table_cell", span[0], span[1], line.number))
        return
    located: list[tuple[_Line, int, int]] = []
    for offset, content in enumerate(content_lines):
        index = first + offset
        if index >= len(lines) or _KRAMDOWN_ATTRIBUTES.match(content):
            continue
        span = _locate(lines[index], content)
        if span is not None:
            located.append((lines[index], *span))
    if not located:
        return
    start, end, line_number = located[0][1], located[-1][2], located[0][0].number

    def add(block_kind: BlockKind, **extra: Any) -> _Block:
        block = _Block(block_kind, start, end, line_number, first_line_only=len(located) == 1, **extra)
        blocks.append(block)
        return block

    if ctx.heading_level:
        add("heading", level=ctx.heading_level)
        ctx.heading_level = 0
        ctx.after = None
        return
    if ctx.footnote is not None:
        add("footnote", label=ctx.footnote)
        return
    if container in ("dt", "dd"):
        add("definition")
        return
    if ctx.items:
        number, item_blocks = ctx.items[-1]
        first_line = text[located[0][1] : located[0][2]]
        if len(located) >= 2 and _short_run_line(first_line) and _runs_on(first_line, text[located[1][1] :]):
            # a scraped heading opening the item ("4. Lifestyle factors" / "The following … are …:"): its
            # line is the item, the rest a paragraph of the same item
            head = _Block(
                "list_item", start, located[0][2], line_number, number=None if item_blocks else number,
                lead=ctx.lists[-1] if ctx.lists else None,
            )  # fmt: skip
            blocks.append(head)
            item_blocks.append(head)
            start, line_number = located[1][1], located[1][0].number
            located = located[1:]
        block = add(
            "list_item", number=None if item_blocks else number, lead=ctx.lists[-1] if ctx.lists else None
        )
        item_blocks.append(block)
        return
    if "blockquote" in ctx.containers:
        add("quote")
        return
    plain = text[start:end]
    after, ctx.after = ctx.after, None
    if _IMAGE_ONLY.match(plain):
        ctx.after = "image"
        return
    if _CAPTION.match(plain) or (after is not None and _EMPHASIS_ONLY.match(plain.strip())):
        add("caption")
        return
    if _ABBREVIATIONS_LINE.match(plain) or all(_is_acronym_definition(line.text) for line, _, _ in located):
        add("definition")
        return
    if after is not None and _TABLE_NOTE.match(plain):
        add("footnote")
        ctx.after = after  # a table's notes come one after another ("[a] …", "[b] …")
        return
    # A top-level paragraph may still hold what plain text writes as a list ("• item", "[1] Smith …"), which
    # CommonMark reads as one paragraph: the plain-text line loop splits it, as it always has.
    found = _line_blocks(_Line(line.text, line.start, line.number) for line, _, _ in located)
    _unmarked_list_items(found, text, blocks[-1] if blocks else None)
    blocks.extend(found)


# --- HTML: the standard library's parser, text kept on the user's lines ------------------------------------

# Elements whose content is not article text (page furniture, code, forms).
_HTML_SKIP = frozenset(
    {
        "script", "style", "head", "noscript", "template", "svg", "math", "nav", "form", "button", "select",
        "textarea", "iframe", "object", "canvas", "video", "audio",
    }
)  # fmt: skip
# Elements that make a block of their own kind; text directly in a container element is a paragraph.
_HTML_KINDS: dict[str, BlockKind] = {
    "p": "paragraph", "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "li": "list_item", "td": "table_cell", "th": "table_cell", "caption": "caption",
    "figcaption": "caption", "blockquote": "quote", "dt": "definition", "dd": "definition",
}  # fmt: skip
_HTML_CONTAINERS = frozenset(
    {
        "html", "body", "div", "section", "article", "main", "aside", "header", "footer", "figure", "table",
        "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl", "pre", "address", "details", "summary", "center",
        "hr", "br",
    }
)  # fmt: skip
_HTML_VOID = frozenset(
    {
        "br",
        "img",
        "hr",
        "meta",
        "link",
        "input",
        "wbr",
        "source",
        "area",
        "col",
        "embed",
        "param",
        "track",
        "base",
    }
)
# Inside these kinds a nested paragraph keeps the outer kind (a <p> inside a <li> is the list item's text).
_HTML_OUTER_KINDS: tuple[BlockKind, ...] = (
    "footnote",
    "table_cell",
    "caption",
    "definition",
    "list_item",
    "quote",
)
_SUPERSCRIPT_OF = {str(i): ch for i, ch in enumerate(_SUPERSCRIPTS)} | {",": ",", "-": "⁻", "–": "–"}
# Text (not a file) that opens like a page is HTML. A Markdown article may open with a <div> or <section>
# of its own, so those alone do not say "HTML".
_HTML_DOCUMENT = re.compile(
    r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<article\b|<main\b|<(?:p|h[1-6])\b[^>]*>)",
    re.IGNORECASE,
)


# ARIA landmarks of the page around an article: menus, site header, site footer.
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary"})


def _is_page_furniture(tag: str, attributes: dict[str, str], stack: Sequence[_HtmlElement]) -> bool:
    """Whether an element is the page around the article, not its text: scripts, styles, forms, menus; a
    ``<footer>`` or ``<aside>`` (site footer, sidebar) outside ``<article>``/``<main>``; an ARIA landmark
    of the site's navigation, banner or footer."""
    if tag in _HTML_SKIP or attributes.get("role", "").lower() in _FURNITURE_ROLES:
        return True
    if tag in ("footer", "aside"):
        return not any(element.tag in ("article", "main") for element in stack)
    return False


# A heading, or a line in bold or a paragraph of its own, whose words may name a reference list.
_HTML_HEADING_TEXT = re.compile(
    r"<(h[1-6]|strong|b|p|summary)\b[^>]*>\s*([^<]{1,80}?)\s*</\1\s*>", re.IGNORECASE
)


def _holds_reference_list(raw: str, start: int, tag: str) -> bool:
    """A ``<footer>`` or ``<aside>`` of the page that holds the article's sources (a heading naming them:
    ``<aside><h2>Sources</h2><ul>…``) is read, not skipped as the site's footer or sidebar."""
    if tag not in ("footer", "aside"):
        return False
    from .references._headings import names_reference_list

    end = raw.find(f"</{tag}", start)
    inside = raw[start : end if end >= 0 else len(raw)]
    return any(names_reference_list(found.group(2)) for found in _HTML_HEADING_TEXT.finditer(inside))


def _list_item_alias(tag: str, stack: Sequence[_HtmlElement]) -> str:
    """``<il>`` inside a list is a misspelt ``<li>`` (browsers show it as a line of the list; a page built
    from a template may repeat it for every item: "<ul><il>Eliminates or reduces pain</il>…"). Read as one
    block, the items ran into one sentence."""
    if tag == "il" and any(element.tag in ("ul", "ol", "li") for element in stack):
        return "li"
    return tag


@dataclass
class _HtmlElement:
    tag: str
    kind: BlockKind | None  # the kind of text directly inside it
    footnotes: bool = False  # a footnotes container (class or id names "footnote")
    ordered: int | None = None  # next item number, for <ol>
    href: str | None = None
    start: int = 0  # output offset where it opened (links, superscripts)


def _read_html(
    raw: str,
) -> tuple[str, list[_Block], list[tuple[int, int, str]], dict[int, tuple[int, int]]]:
    """Text, blocks and links of an HTML article, and each block's span in ``raw`` (by ``id`` of the block).

    The text is the page's text with tags left out and character references decoded, kept on the lines of the
    user's file (every newline of the file is kept, inside tags too), so a sentence's line is the file's.
    Digits in ``<sup>`` become superscript digits ("pain.<sup>1</sup>" → "pain.¹"), the form the citation
    reader already knows. Links are ``(start, end, href)`` over the link's words. The raw spans place the
    blocks of an HTML block inside a Markdown article (inline tags and all) in the Markdown text."""
    from html.parser import HTMLParser  # the standard library's: light, forgiving, and it reports positions

    line_starts = [0]
    for found in re.finditer("\n", raw):
        line_starts.append(found.end())
    raw_spans: dict[int, tuple[int, int]] = {}
    pending: list[
        tuple[_Block, int]
    ] = []  # the block the last text went to, and where that text began in raw

    def settle(parser: HTMLParser, at_end: bool = False) -> None:
        """Now that the next event has begun, the last text's raw span is known: add it to its block's."""
        if not pending:
            return
        block, begin = pending.pop()
        line, column = parser.getpos()
        finish = len(raw) if at_end else line_starts[line - 1] + column
        piece = raw[begin:finish]
        left, right = begin + len(piece) - len(piece.lstrip()), begin + len(piece.rstrip())
        if right > left:
            old = raw_spans.get(id(block))
            raw_spans[id(block)] = (min(old[0], left), max(old[1], right)) if old else (left, right)

    out: list[str] = []
    blocks: list[_Block] = []
    links: list[tuple[int, int, str]] = []
    state = {"length": 0, "line": 1}
    stack: list[_HtmlElement] = [_HtmlElement("#root", "paragraph")]
    current: list[_Block] = []  # the block being filled, if any

    def write(piece: str) -> None:
        out.append(piece)
        state["length"] += len(piece)
        state["line"] += piece.count("\n")

    def pad_to(line: int) -> None:
        if line > state["line"]:
            write("\n" * (line - state["line"]))

    def close_block() -> None:
        if current:
            block = current.pop()
            if block.end > block.start:
                blocks.append(block)
        last = out[-1][-1:] if out else ""
        if last and not last.isspace():
            write(" ")  # "<li>One</li><li>Two</li>" reads "One Two"

    def text_kind() -> tuple[BlockKind, int, str | None]:
        """The kind of text written now: the innermost element's, except that a paragraph inside a list item,
        cell, caption, quote or footnote is that; everything in a footnotes container is a footnote."""
        kind: BlockKind = "paragraph"
        level = 0
        number = None
        for element in stack:
            if element.footnotes:
                kind = "footnote"
            elif (
                element.kind is not None
                and kind != "footnote"
                and not (kind in _HTML_OUTER_KINDS and element.kind == "paragraph")
            ):
                kind = element.kind
            if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                level = int(element.tag[1:])
            if element.tag == "li" and element.ordered is not None:
                number = str(element.ordered)
        return kind, level, number

    class Reader(HTMLParser):
        skipping = 0  # depth of the skipped element (``skip_tag``) we are inside
        skip_tag = ""
        in_sup = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tag = _list_item_alias(tag, stack)
            settle(self)
            pad_to(self.getpos()[0])
            raw_tag = self.get_starttag_text() or ""
            if self.skipping:
                if tag == self.skip_tag and tag not in _HTML_VOID:
                    self.skipping += 1
                write("\n" * raw_tag.count("\n"))
                return
            attributes = {k: v or "" for k, v in attrs}
            if _is_page_furniture(tag, attributes, stack) and not _holds_reference_list(
                raw, line_starts[self.getpos()[0] - 1] + self.getpos()[1], tag
            ):
                if tag not in _HTML_VOID:
                    self.skip_tag, self.skipping = tag, 1
                write("\n" * raw_tag.count("\n"))
                return
            names = f"{attributes.get('class', '')} {attributes.get('id', '')}".lower()
            element = _HtmlElement(tag, _HTML_KINDS.get(tag), footnotes="footnote" in names)
            if tag in _HTML_KINDS or tag in _HTML_CONTAINERS:
                close_block()
            if tag == "ol":
                try:
                    element.ordered = int(attributes.get("start") or 1)
                except ValueError:
                    element.ordered = 1
            if tag == "li":
                parent = next((e for e in reversed(stack) if e.tag in ("ol", "ul")), None)
                if parent is not None and parent.ordered is not None:
                    element.ordered = parent.ordered
                    parent.ordered += 1
            if tag == "a":
                element.href = attributes.get("href")
            if tag == "sup":
                self.in_sup += 1
            element.start = state["length"]
            write("\n" * raw_tag.count("\n"))
            if tag not in _HTML_VOID:
                stack.append(element)

        def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.handle_starttag(tag, attrs)
            if tag not in _HTML_VOID:
                self.handle_endtag(tag)

        def handle_endtag(self, tag: str) -> None:
            tag = _list_item_alias(tag, stack)
            settle(self)
            pad_to(self.getpos()[0])
            if self.skipping:
                if tag == self.skip_tag:
                    self.skipping -= 1
                return
            if not any(e.tag == tag for e in stack[1:]):
                return  # a stray end tag
            while stack[-1].tag != tag:
                self._pop()
            self._pop()

        def _pop(self) -> None:
            element = stack.pop()
            if element.tag == "sup":
                self.in_sup -= 1
            if element.tag == "a" and element.href and state["length"] > element.start:
                links.append((element.start, state["length"], element.href))  # trimmed once the text is whole
            if element.tag in _HTML_KINDS or element.tag in _HTML_CONTAINERS:
                close_block()

        def handle_comment(self, data: str) -> None:
            settle(self)

        def handle_decl(self, decl: str) -> None:
            settle(self)

        def handle_data(self, data: str) -> None:
            settle(self)
            pad_to(self.getpos()[0])
            if self.skipping:
                write("\n" * data.count("\n"))
                return
            if self.in_sup and re.fullmatch(r"\s*\d[\d,\-–\s]*", data):
                data = "".join(_SUPERSCRIPT_OF.get(ch, ch) for ch in data.strip())
            stripped = data.strip()
            if stripped:
                left = state["length"] + len(data) - len(data.lstrip())
                right = state["length"] + len(data.rstrip())
                if not current:
                    kind, level, number = text_kind()
                    line = state["line"] + data[: len(data) - len(data.lstrip())].count("\n")
                    current.append(_Block(kind, left, right, line, level=level, number=number))
                else:
                    current[0].end = right
                    current[0].first_line_only = False
                line, column = self.getpos()
                pending.append((current[0], line_starts[line - 1] + column))
            write(data)

    reader = Reader(convert_charrefs=True)
    reader.feed(raw)
    reader.close()
    settle(reader, at_end=True)
    while len(stack) > 1:
        reader._pop()
    close_block()
    text = "".join(out)
    for block in blocks:
        block.first_line_only = "\n" not in text[block.start : block.end]
    _html_list_leads(blocks, text)
    trimmed = []
    for start, end, href in links:
        words = text[start:end]
        begin, finish = start + len(words) - len(words.lstrip()), start + len(words.rstrip())
        if finish > begin:
            trimmed.append((begin, finish, href))
    return text, blocks, trimmed, raw_spans


def _html_list_leads(blocks: list[_Block], text: str) -> None:
    """A list's lead-in in HTML: the paragraph right before its first item, when it ends with ':'."""
    previous: _Block | None = None
    lead: _Block | None = None
    for block in blocks:
        if block.kind == "list_item":
            if previous is not None and previous.kind == "paragraph":
                lead = previous if _plain(text[previous.start : previous.end]).endswith(":") else None
            block.lead = lead
        else:
            lead = None
        previous = block


# --- reference list and boilerplate -------------------------------------------------------------------------

_DOI_LIKE = re.compile(r"\b10\.\d{4,9}/\S+")
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d[a-z]?\b")
_VOLUME_ISSUE = re.compile(r"\b\d+\s*\(\s*\d+(?:[-–]\d+)?\s*\)")
_AUTHOR_INITIALS = re.compile(
    r"\b[A-Z][a-zA-Z'’\-]+,?\s+(?:[A-Z]\.\s?){1,3}(?:,|&|\(|$|\s)|\b[A-Z][a-z]+ [A-Z]{1,3}[,.]"
)
_VANCOUVER_DATE = re.compile(r"\b(?:19|20)\d\d\s*;\s*\d+")
# A web page's reference: its link or the date it was read (`Accessed July 15, 2012`, `Retrieved …`).
_WEB_MARK = re.compile(r"https?://|\bwww\.|\b(?:accessed|retrieved|cited)\b", re.IGNORECASE)


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
        _WEB_MARK.search(item),
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

    from .references._headings import names_reference_list

    # A heading naming the reference list: everything under it up to a heading of the same or a higher level.
    # The first that names it by `References`, `Sources` …; else the last that names it by `Resources` or
    # `Further reading` (a page's mid-way "Resources" for carers is not its sources when both are found).
    headings = [
        i
        for i, b in enumerate(blocks)
        if b.kind == "heading" and names_reference_list(_heading_title(text, b))
    ]
    strong = [i for i in headings if names_reference_list(_heading_title(text, blocks[i]), weak=False)]
    if headings:
        index = strong[0] if strong else headings[-1]
        blocks[index].role = "reference_heading"
        _mark_reference_section(blocks, index + 1, blocks[index].level, text)
        return

    # No such heading: the last line standing as one (`**Sources:**`, `<p>References</p>`, a paragraph opening
    # with `SOURCES:`), one level below the heading before it. The last, since the list is at the page's foot
    # and the same words may head a short note earlier on.
    level = 7  # the level of the last heading before the line
    opener: tuple[int, int] | None = None  # the line's index and level
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            level = block.level
        elif block.role == "body" and (
            _names_list(text, block, names_reference_list)
            or _opens_with_list_name(text, block, names_reference_list)
        ):
            opener = (index, min(level + 1, 7))
    if opener is not None:
        index, level = opener
        block = blocks[index]
        # `SOURCES:` with the sources after it in one paragraph: the paragraph is read as the list
        block.role = (
            "references" if _opens_with_list_name(text, block, names_reference_list) else "reference_heading"
        )
        _mark_reference_section(blocks, index + 1, level, text)
        return

    # No such heading: a trailing run of list items that look like references, followed only by boilerplate
    # or by a few short lines of page furniture (`Share on:`, `Find us on`).
    body = [
        i for i, b in enumerate(blocks) if b.role == "body" and b.kind not in ("footnote", "front_matter")
    ]
    while body and _is_furniture(text[blocks[body[-1]].start : blocks[body[-1]].end]):
        body.pop()
    run: list[int] = []
    for index in reversed(body):
        if blocks[index].kind != "list_item":
            break
        run.append(index)
    looks = sum(_looks_like_reference(text[blocks[i].start : blocks[i].end]) for i in run)
    if run and looks / len(run) >= REFERENCE_LIKE_SHARE:
        for i in run:
            blocks[i].role = "references"
        return

    # Nor such a list: the last paragraph that opens with the list's name and a colon and names the sources on
    # its own line (`*Sources: American Academy of Pediatrics (2023); Common Sense Media (2024)*`)
    inline = [
        b
        for b in blocks
        if b.role == "body" and b.kind in ("paragraph", "caption") and _inline_sources(text, b)
    ]
    if inline:
        inline[-1].role = "references"
        inline[-1].inline_sources = True


# `Sources:` (or `References:`) and the sources after it on the same line, separated by semicolons.
_INLINE_SOURCES = re.compile(
    r"^[*_\s]*(?:sources?|references?|citations?)[*_\s]*:[*_\s]*(?P<rest>\S.*)$", re.I
)
_INLINE_SOURCE_WORDS = 2  # at least a body's name


def _inline_sources(text: str, block: _Block) -> bool:
    found = _INLINE_SOURCES.match(text[block.start : block.end])
    if found is None:
        return False
    rest = _plain(found.group("rest"))
    return len(rest.split()) >= _INLINE_SOURCE_WORDS and not rest.rstrip("*_ ").endswith("?")


def _inline_items(text: str, block: _Block) -> list[_Block]:
    """The sources of a `Sources: A; B; C` paragraph as blocks of their own (one per piece between a semicolon
    and a space), over the same text, so each is read as a reference and keeps its line."""
    found = _INLINE_SOURCES.match(text[block.start : block.end])
    assert found is not None
    start = block.start + found.start("rest")
    items: list[_Block] = []
    # a semicolon and a space part two sources; Vancouver's `2019;4(2)` has none
    for piece in re.finditer(r"(?:[^;]|;(?!\s))+", text[start : block.end]):
        left = start + piece.start()
        right = start + piece.end()
        while left < right and text[left] in " \t\n*_":
            left += 1
        while right > left and text[right - 1] in " \t\n*_.":
            right -= 1
        if right > left:
            line = block.line + text.count("\n", block.start, left)
            items.append(replace(block, start=left, end=right, line=line, inline_sources=False))
    return items


# A line standing as a heading is short: a sentence that mentions "sources" is not one.
_HEADING_LINE_WORDS = 8
# Short lines after an article's last list that are page furniture, not text: `Share on:`, `Find Mayo Clinic
# on`, `Print`. Six words or fewer and no sentence ending.
_FURNITURE_WORDS = 6
_SENTENCE_STOP = re.compile(r"[.!?…][\"”’')\]*_]*$")


def _is_furniture(line: str) -> bool:
    plain = _plain(line).strip()
    words = len(plain.split())
    return 0 < words <= _FURNITURE_WORDS and "\n" not in plain and not _SENTENCE_STOP.search(plain)


def _names_list(text: str, block: _Block, names: Any) -> bool:
    """A one-line paragraph (or a bold line read as a caption) that is only a heading's words."""
    if block.kind not in ("paragraph", "caption") or not block.first_line_only:
        return False
    plain = _plain(text[block.start : block.end]).strip()
    return 0 < len(plain.split()) <= _HEADING_LINE_WORDS and bool(names(plain))


def _opens_with_list_name(text: str, block: _Block, names: Any) -> bool:
    """A paragraph of several lines whose first line is only a heading's words (``Sources:``)."""
    if block.kind not in ("paragraph", "caption") or block.first_line_only:
        return False
    first = text[block.start : block.end].split("\n", 1)[0]
    plain = _plain(first).strip()
    return 0 < len(plain.split()) <= _HEADING_LINE_WORDS and bool(names(plain))


def _mark_reference_section(blocks: list[_Block], first: int, level: int, text: str) -> None:
    """The blocks of a reference section from ``first``: up to a heading of ``level`` or higher, unless that
    heading names a kind of work with references under it (``## Books`` after ``## References``: a group of
    the same list). Headings inside the section, and lines standing as sub-headings (``**Websites**``), are
    its sub-headings, never references; footnotes are read on their own. A review date, a disclaimer or a
    copyright line after the list ends it."""
    from .references._headings import ends_a_list, names_kind_of_work

    for index in range(first, len(blocks)):
        later = blocks[index]
        if ends_a_list(_plain(text[later.start : later.end])):
            return  # `Page last reviewed: …`, a disclaimer, a copyright line: the page after the list
        if later.kind == "heading":
            if later.level <= level and not _continues_list(blocks, index, text):
                return
            later.role = "reference_heading"
        elif later.role == "body" and (
            _names_list(text, later, names_kind_of_work) or _titles_a_group(blocks, index, text)
        ):
            later.role = "reference_heading"
        elif later.role == "body" and later.kind != "footnote":
            later.role = "references"


# A group's title over list items in a reference list is short: no reference is six words without a digit.
_GROUP_TITLE_WORDS = 6


def _titles_a_group(blocks: list[_Block], index: int, text: str) -> bool:
    """A one-line paragraph right before a list's items, short, without a digit, a link or a final full stop
    (``<p><b>Government &amp; NGO reports</b></p>`` over a ``<ul>``): the title of a group of references."""
    block = blocks[index]
    if block.kind not in ("paragraph", "caption") or not block.first_line_only or index + 1 >= len(blocks):
        return False
    plain = _plain(text[block.start : block.end]).strip()
    return (
        blocks[index + 1].kind == "list_item"
        and 0 < len(plain.split()) <= _GROUP_TITLE_WORDS
        and not re.search(r"\d|https?://|www\.|\.$", plain)
    )


def _continues_list(blocks: list[_Block], index: int, text: str) -> bool:
    """A heading that names a kind of work or another list (``Books``, ``Websites``, ``Further reading``),
    with blocks under it of which most look like references or hold a link."""
    from .references._headings import names_kind_of_work

    if not names_kind_of_work(_heading_title(text, blocks[index])):
        return False
    under: list[str] = []
    for block in blocks[index + 1 :]:
        if block.kind == "heading":
            break
        under.append(text[block.start : block.end])
    marked = sum(1 for item in under if _looks_like_reference(item) or _LINK_MARK.search(item))
    return bool(under) and marked * 2 >= len(under)


_LINK_MARK = re.compile(r"https?://|\bwww\.|\]\(", re.IGNORECASE)


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
        # A sentence that starts a line of a Markdown quote starts after its "> " marker.
        while left < len(piece) and piece[left] == ">" and "\n" in piece[:left]:
            left += 1
            left += len(piece[left:]) - len(piece[left:].lstrip(" \t"))
        right = len(piece.rstrip())
        if right > left:
            trimmed.append((a + left, a + right))
    return trimmed


# The longest word :func:`_is_abbreviation` looks at: longer than every abbreviation (with its inner full
# stops), so a longer run of letters is no abbreviation and is not read further.
_ABBREVIATION_WINDOW = max(len(word) for word in _ABBREVIATIONS) + 2
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def _is_abbreviation(text: str, sentence_start: int, dot: int) -> bool:
    """Whether the word before the full stop at ``dot`` (letters and inner full stops, starting with a letter)
    is an abbreviation or an initial. Only the few characters before ``dot`` are read: a sentence with
    thousands of initials ("J. A. B. …") is split in time linear in its length (issue 13: reading the
    sentence so far at each full stop made a 96 kB article take 116 s)."""
    floor = max(sentence_start, dot - _ABBREVIATION_WINDOW - 1)
    first = dot
    while first > floor and text[first - 1] in _WORD_CHARS:
        first -= 1
    if first == floor and first > sentence_start and text[first - 1] in _WORD_CHARS:
        return False  # the run of letters goes on beyond the window: a long word, no abbreviation
    while first < dot and text[first] == ".":  # the word starts with a letter
        first += 1
    word = text[first:dot]
    if not word:
        return False
    if word.lower().rstrip(".") in _ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isupper()  # an initial: "J. A. Cleland"


# --- citations ----------------------------------------------------------------------------------------------

_NUMERIC = re.compile(r"\\?\[\s*(?P<body>\d{1,4}(?:\s*(?:[,;]|[-–—])\s*\d{1,4})*)\s*\\?\](?!\()")
_SUPERSCRIPT_RUN = re.compile(r"(?<=[^\s\d⁰¹²³⁴⁵⁶⁷⁸⁹])[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,⁻–-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*")
_SUPERSCRIPT_DIGIT = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]")
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


# "[[1]](#ref1)", "[1](#ref1)", "[2](https://doi.org/…)": a numeric marker that is also a link.
_LINKED_NUMERIC = re.compile(
    r"\[\[?(?P<body>\d{1,4}(?:\s*(?:[,;]|[-–—])\s*\d{1,4})*)\]?\]\((?P<href>[^)\s]*)(?:\s+\"[^\"]*\")?\)"
)
# "<sup>1</sup>", "<sup>[1,2]</sup>", "<sup><a href="#fn1">1</a></sup>" written into Markdown.
_SUP_TAG = re.compile(r"<sup\b[^>]{0,80}>(?P<inner>(?:(?!</sup>).){1,300})</sup>", re.IGNORECASE | re.DOTALL)
# "(1, 2)", "(3)", "(4–6)": numbers in parentheses cite a numbered list in some house styles (Vancouver as
# many blogs type it). Read only when the list is numbered and every number names a reference, and never as an
# enumerator: "(1) rest, (2) ice" puts its number before the words it counts; nor after a number ("2 (1)").
_PAREN_NUMERIC = re.compile(r"\s?\((?P<body>\d{1,3}(?:\s*(?:[,;]|[-–—])\s*\d{1,3})*)\)")
_ENUMERATOR_BEFORE = re.compile(r"(?:^|[:;,(]|\b(?:and|or)|^\W+)\s*$", re.IGNORECASE)
# "pain^1" / "pain^1,2^" (Pandoc superscript): after a word or a full stop, never at the start of a word.
_CARET = re.compile(r"(?<=[^\s^\[\d])\^(?P<body>\d{1,3}(?:[,–-]\d{1,3})*)\^?")
_FOOTNOTE_MARK = re.compile(r"\[\^(?P<label>[^\]\s]{1,40})\](?!:)")
_URL_IN_MARKDOWN = re.compile(
    r"\]\((?P<a>https?://[^)\s]+)(?:\s+\"[^\"]*\")?\)"  # [words](url)
    r"|<(?P<b>https?://[^>\s]+)>"  # <url>
    r"|<a\s[^>]*?href=[\"'](?P<c>https?://[^\"'\s]+)[\"']"  # <a href="url"> in Markdown
    r"|(?<!\]\()(?<![<\"'=/\w])(?P<d>https?://[^\s)<>\]\"']+)",  # a bare url, "(https://…)" too
    re.IGNORECASE,
)
_PMID_URL = re.compile(
    r"(?:pubmed\.ncbi\.nlm\.nih\.gov/|ncbi\.nlm\.nih\.gov/pubmed/|europepmc\.org/(?:abstract|article)/MED/)"
    r"(?P<pmid>\d{1,9})\b",
    re.IGNORECASE,
)
_PMCID_URL = re.compile(
    r"(?:ncbi\.nlm\.nih\.gov/pmc/articles/|pmc\.ncbi\.nlm\.nih\.gov/articles/|europepmc\.org/(?:abstract|article)/PMC/)"
    r"(?P<pmcid>PMC\d{1,9})\b",
    re.IGNORECASE,
)
_DOI_IN_URL = re.compile(r"/(?P<doi>10\.\d{4,9}/[^?#\s]+)")
_LANDING_SUFFIX = re.compile(r"(?:/(?:full|abstract|pdf|epdf|fulltext|html|summary)|\.pdf)/?$", re.IGNORECASE)
# Publishers' article pages: a link to one in the text cites the work there even when its address has no DOI.
_PUBLISHER_HOSTS = re.compile(
    r"^https?://(?:[\w-]+\.)*(?:sciencedirect\.com|springer\.com|wiley\.com|tandfonline\.com|lww\.com|"
    r"bmj\.com|thelancet\.com|nejm\.org|jamanetwork\.com|nature\.com|oup\.com|sagepub\.com|frontiersin\.org|"
    r"mdpi\.com|plos\.org|biomedcentral\.com|cochranelibrary\.com|jospt\.org|karger\.com|thieme-connect\.com|"
    r"elsevier\.com|cell\.com|annals\.org|acpjournals\.org|physiotherapyjournal\.com|jmptonline\.org|"
    r"hindawi\.com|cambridge\.org|europepmc\.org|ncbi\.nlm\.nih\.gov|doi\.org|nice\.org\.uk)/",
    re.IGNORECASE,
)


_REFERENCE_LINK = re.compile(r"(?<![\]\\])\[(?P<words>[^\[\]\n]{1,200})\]\[(?P<label>[^\[\]\n]{0,100})\]")


def _markdown_links(text: str, definitions: dict[str, str] | None = None) -> list[tuple[int, int, str]]:
    """Addresses written in Markdown text, as ``(start, end, url)``: the address itself, or an empty span just
    after a ``[words](url)`` link or a ``[words][label]`` link to a definition."""
    links = []
    if definitions:
        from markdown_it.common.utils import normalizeReference

        for match in _REFERENCE_LINK.finditer(text):
            label = normalizeReference(match.group("label") or match.group("words"))
            url = definitions.get(label, "")
            if url.startswith(("http://", "https://")):
                links.append((match.end(), match.end(), url))
    for match in _URL_IN_MARKDOWN.finditer(text):
        group = next(g for g in "abcd" if match.group(g) is not None)
        url = match.group(group)
        if group == "d":
            url = url.rstrip(".,;:!?")
        start = match.start(group)
        if group == "a":
            # "[a 2014 review](https://pubmed…)": the citation is an empty span after the link, so the words
            # stay claim text; the address is the marker.
            links.append((match.end(), match.end(), url))
        else:
            links.append((start, start + len(url), url))
    return links


@dataclass(frozen=True)
class _WorkId:
    """What a link in the text identifies: a DOI, a PMID, a PMCID, or only a publisher's page."""

    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    url: str = ""

    @property
    def key(self) -> str:
        if self.doi:
            return "doi-" + re.sub(r"[^a-z0-9]+", "-", self.doi).strip("-")
        if self.pmid:
            return f"pmid{self.pmid}"
        if self.pmcid:
            return self.pmcid.lower()
        return "url-" + re.sub(r"[^a-z0-9]+", "-", _url_key(self.url))[:60].strip("-")


def _url_key(url: str) -> str:
    return re.sub(r"^https?://(?:www\.)?", "", url.strip().lower()).rstrip("/")


def _work_of_link(url: str) -> _WorkId | None:
    """The work a link in the text points at, or None for a link that is not to a source (a clinic's page)."""
    from .doi import normalize_doi

    pmid = _PMID_URL.search(url)
    if pmid:
        return _WorkId(pmid=pmid.group("pmid"), url=url)
    pmcid = _PMCID_URL.search(url)
    if pmcid:
        return _WorkId(pmcid=pmcid.group("pmcid").upper(), url=url)
    doi = normalize_doi(url) if re.match(r"^https?://(?:dx\.)?doi\.org/", url, re.IGNORECASE) else None
    if doi is None and _PUBLISHER_HOSTS.match(url):
        in_path = _DOI_IN_URL.search(url)
        if in_path:
            doi = normalize_doi(_LANDING_SUFFIX.sub("", in_path.group("doi")))
    if doi:
        return _WorkId(doi=doi, url=url)
    if _PUBLISHER_HOSTS.match(url):
        return _WorkId(url=url)
    return None


@dataclass(frozen=True)
class _Resolver:
    by_label: dict[str, str]
    by_author_year: dict[tuple[str, str], tuple[str, ...]]
    numbered: bool  # the reference list is numbered, so superscript digits are citation markers
    by_id: dict[str, str] = field(default_factory=dict)  # "doi:…", "pmid:…", "pmcid:…", "url:…" -> key

    @classmethod
    def of(cls, references: Sequence[Reference], numbers: dict[int, str]) -> _Resolver:
        by_label: dict[str, str] = {}
        by_id: dict[str, str] = {}
        for position, ref in enumerate(references, start=1):
            label = ref.fields.get("label") or (numbers.get(ref.line) if ref.line is not None else None)
            by_label.setdefault(str(label or position), ref.key)
            for name, value in (("doi", ref.doi), ("pmid", ref.pmid), ("pmcid", ref.pmcid)):
                if value:
                    by_id.setdefault(f"{name}:{value.upper() if name == 'pmcid' else value}", ref.key)
            if ref.url:
                by_id.setdefault(f"url:{_url_key(ref.url)}", ref.key)
        return cls(by_label, _author_year_index(references), bool(numbers), by_id)

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
        return _resolve_author_year(self.by_author_year, names, year)

    def work(self, work: _WorkId) -> str | None:
        for name, value in (("doi", work.doi), ("pmid", work.pmid), ("pmcid", work.pmcid)):
            if value and f"{name}:{value}" in self.by_id:
                return self.by_id[f"{name}:{value}"]
        return self.by_id.get(f"url:{_url_key(work.url)}")


# --- author–year: the one place that says which reference "(Smith et al., 2019)" names ---------------------


def _author_year_index(references: Sequence[Reference]) -> dict[tuple[str, str], tuple[str, ...]]:
    """References by (folded first-author family name, year); a particle ("van der Berg") adds a key."""
    by_author_year: dict[tuple[str, str], list[str]] = {}
    for ref in references:
        family = ref.first_author_family
        if family and ref.year is not None:
            # An organisation or unsplit name ("literal") is cited by its last word.
            first = ref.authors[0] if ref.authors else None
            names = {name_key(family.split()[-1]) if first and not first.family else name_key(family)}
            if first and first.particle and first.family:  # a family name of particles only: "van Le"
                names.add(name_key(f"{first.particle} {first.family}"))
            for name in sorted(names):
                by_author_year.setdefault((name, str(ref.year)), []).append(ref.key)
    return {k: tuple(v) for k, v in by_author_year.items()}


def _resolve_author_year(
    index: dict[tuple[str, str], tuple[str, ...]], names: str, year: str
) -> tuple[str, ...]:
    """The keys an author–year citation names: by first author's family name and year ("2019a" falls back to
    2019 when no reference carries the letter)."""
    family = _first_family(names)
    keys = index.get((family, year)) or index.get((family, year.rstrip("abcdefgh")))
    return keys or ()


_NUMBER_LIST = re.compile(r"\s*[,;]\s*")
_NUMBER_RANGE = re.compile(r"\s*[-–—⁻]\s*")


def _expand_numbers(body: str) -> list[str] | None:
    labels: list[str] = []
    for part in _NUMBER_LIST.split(body.strip()):
        bounds = _NUMBER_RANGE.split(part)
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
    citations, problems, _ = _find_citations(text, sentences, references, numbers=numbers, path=path)
    return citations, problems


def _find_citations(
    text: str,
    sentences: Sequence[Sentence],
    references: Sequence[Reference] = (),
    *,
    numbers: dict[int, str] | None = None,
    path: str | None = None,
    links: Sequence[tuple[int, int, str]] = (),
    footnotes: dict[str, tuple[str, ...]] | None = None,
    html: bool = False,
) -> tuple[list[Citation], list[Problem], list[Reference]]:
    """:func:`find_citations`, and also: ``links`` (``(start, end, url)``) to a DOI, PubMed, PMC or publisher
    page, resolved to the reference with that identifier or kept as a cited work of its own (returned third);
    footnote markers ``[^label]`` resolved through ``footnotes``. In an ``html`` article a link's citation is
    an empty span at the end of its words (the words stay claim text), its marker the address."""
    resolver = _Resolver.of(references, numbers or {})
    citations: list[Citation] = []
    problems: list[Problem] = []
    linked: dict[str, Reference] = {}
    link_starts = [start for start, _, _ in links]

    def add(
        sentence: Sentence,
        start: int,
        end: int,
        style: Literal["numeric", "author-year", "footnote", "link"],
        keys: tuple[str, ...],
        missing: str | None,
        marker: str | None = None,
    ) -> None:
        line = sentence.line + text.count("\n", sentence.start, start) if sentence.line is not None else None
        marker = text[start:end] if marker is None else marker
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

    def add_numeric(sentence: Sentence, start: int, end: int, body: str) -> bool:
        labels = _expand_numbers(body)
        if labels is None:
            add(sentence, start, end, "numeric", (), "the range is not a citation range")
            return True
        keys, missing = resolver.numeric(labels)
        note = f"no reference numbered {', '.join(missing)}" if missing else None
        add(sentence, start, end, "numeric", keys, note)
        return True

    # forms whose mark the article never holds are not looked for sentence by sentence (the same citations)
    carets = "^" in text
    superscripts = _SUPERSCRIPT_DIGIT.search(text) is not None
    for sentence in sentences:
        if sentence.kind == "heading":
            continue
        s, e = sentence.start, sentence.end
        taken: list[tuple[int, int]] = []  # spans already read as one form, so no other reads them again
        linked_words: list[tuple[int, int]] = []  # an HTML link's words, when the link named a work

        def free(start: int, end: int, taken: list[tuple[int, int]] = taken) -> bool:
            return not any(a < end and start < b for a, b in taken)

        for match in _LINKED_NUMERIC.finditer(text, s, e):
            add_numeric(sentence, match.start(), match.end(), match.group("body"))
            taken.append((match.start(), match.end()))
        for match in _SUP_TAG.finditer(text, s, e):
            inner = re.sub(r"<[^>]*>", "", match.group("inner")).strip().strip("[]() ")
            if _UNIT_BEFORE.search(text[s : match.start()]):
                taken.append(match.span())  # "4 cm<sup>2</sup>" is an area, not a citation
                continue
            if re.fullmatch(r"\d{1,4}(?:\s*(?:[,;]|[-–—])\s*\d{1,4})*", inner) and free(*match.span()):
                add_numeric(sentence, match.start(), match.end(), inner)
                taken.append((match.start(), match.end()))
        for match in _NUMERIC.finditer(text, s, e):
            if free(*match.span()):
                add_numeric(sentence, match.start(), match.end(), match.group("body"))
                taken.append(match.span())
        if resolver.numbered:
            for match in _PAREN_NUMERIC.finditer(text, s, e):
                labels = _expand_numbers(match.group("body"))
                if labels is None or resolver.numeric(labels)[1] or not free(*match.span()):
                    continue
                before, after = text[s : match.start()], text[match.end() : match.end() + 2]
                if _ENUMERATOR_BEFORE.search(before) and re.match(r"\s*[^\W\d_]", after):
                    continue
                if re.search(r"\d\s*$", before):  # "2 (1)": a value and its spread
                    continue
                start = match.start() + (text[match.start()] == " ")
                add_numeric(sentence, start, match.end(), match.group("body"))
                taken.append((start, match.end()))
        if resolver.by_label and carets and text.find("^", s, e) >= 0:
            for match in _CARET.finditer(text, s, e):
                if free(*match.span()) and _expand_numbers(match.group("body")) is not None:
                    add_numeric(sentence, match.start(), match.end(), match.group("body"))
                    taken.append(match.span())
        for match in _FOOTNOTE_MARK.finditer(text, s, e):
            keys = (footnotes or {}).get(match.group("label"))
            if keys:  # a footnote that is a note, not a reference, cites nothing by itself
                add(sentence, match.start(), match.end(), "footnote", keys, None)
            taken.append(match.span())
        if resolver.numbered and superscripts:
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
        from bisect import bisect_left

        for index in range(bisect_left(link_starts, s), len(links)):
            start, end, url = links[index]
            if start >= e:
                break
            if any(a <= start and end <= b for a, b in taken) or not free(start, end):
                continue  # "[2](https://doi.org/…)" was read as a numbered citation
            work = _work_of_link(url)
            if work is None:
                continue
            key = resolver.work(work)
            if key is None:
                key = work.key
                linked.setdefault(key, _linked_reference(work, key, path, sentence, text, start))
            span = (end, end) if html else (start, end)
            add(sentence, *span, "link", (key,), None, marker=url)
            taken.append((start, end))
            if html:
                linked_words.append((start, end))
        # "<a href="https://pubmed…/28192789/">(Qaseem 2017)</a>": the link already says which work it is.
        _author_year_citations(text, sentence, resolver, add, skip=linked_words)
    citations.sort(key=lambda c: c.start)
    return citations, problems, list(linked.values())


def _linked_reference(
    work: _WorkId, key: str, path: str | None, sentence: Sentence, text: str, start: int
) -> Reference:
    """A work the article cites only by a link in its text: its identifier and address, nothing guessed."""
    line = sentence.line + text.count("\n", sentence.start, start) if sentence.line is not None else None
    return Reference(
        key=key,
        type="article-journal" if (work.doi or work.pmid or work.pmcid) else "webpage",
        doi=work.doi,
        pmid=work.pmid,
        pmcid=work.pmcid,
        url=work.url,
        raw=work.url,
        file=path,
        line=line,
        confidence=0.0,
        fields={"origin": "inline-link"},
    )


def _author_year_citations(
    text: str, sentence: Sentence, resolver: _Resolver, add: Any, *, skip: Sequence[tuple[int, int]] = ()
) -> None:
    """Author–year citations in one sentence: "(Gattie et al., 2017)", "(Cagnie 2013; Rodine 2015)" and the
    narrative "Gattie et al. (2017)"; each resolved by :func:`_resolve_author_year`. Spans in ``skip`` are
    not read."""
    s, e = sentence.start, sentence.end
    if text.find("(", s, e) < 0:
        return  # both forms hold a parenthesis: the searches are skipped, not their results
    taken: list[tuple[int, int]] = list(skip)
    for match in _PARENS.finditer(text, s, e):
        if any(a <= match.start() < b for a, b in skip):
            continue
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


# --- loading ------------------------------------------------------------------------------------------------


def _read(path_or_text: str | os.PathLike[str]) -> tuple[str, str | None]:
    if isinstance(path_or_text, str) and ("\n" in path_or_text or "\r" in path_or_text):
        return path_or_text, None
    if isinstance(path_or_text, str):
        candidate = Path(path_or_text)
        looks_like_path = (
            path_or_text.lower().endswith(_PATH_SUFFIXES) or os.sep in path_or_text
        ) and _can_be_path(path_or_text)
        try:
            exists = bool(path_or_text) and candidate.exists()
        except OSError:
            exists = False
        if not exists and not looks_like_path:
            return path_or_text, None
    name = str(Path(path_or_text))
    return read_text_file(name, "article"), name


# Longest file name (one part of a path) the common file systems take, in bytes: a longer "part" is text, such
# as one line of prose holding "</sup>" or "and/or", never a file the user named.
_NAME_MAX = 255


def _can_be_path(text: str) -> bool:
    return "\x00" not in text and all(
        len(part.encode("utf-8", "surrogatepass")) <= _NAME_MAX for part in text.split(os.sep)
    )


def read_text_file(path: str | os.PathLike[str], what: str, *, max_bytes: int | None = None) -> str:
    """The UTF-8 text of a file the user named (``what``: "article", "claims registry"), or a clear
    :class:`InputError` naming the file (and the line of a bad byte).

    One reader for the article and the claims registry, so both refuse the same things in the same words."""
    path = Path(path)
    name = str(path)
    a_what = f"{'an' if what[:1] in 'aeiou' else 'a'} {what}"
    try:
        exists, is_dir = path.exists(), path.is_dir()
    except (OSError, ValueError) as exc:  # a name the system refuses to look up (too long, a NUL)
        raise InputError(f"cannot open it as {a_what} file ({exc})", path=name) from exc
    if not exists:
        raise InputError(f"no such {what} file", path=name)
    if is_dir:
        raise InputError(f"is a directory, not {a_what} file", path=name)
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise InputError(
                f"the file is {size:,} bytes; {what} files over {max_bytes:,} bytes are refused: split it",
                path=name,
            )
        data = path.read_bytes()
    except InputError:
        raise  # already says what is wrong (an InputError is an OSError too: do not wrap it again)
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
    from ._yaml import parse_yaml, plain

    # The registry's guarded loader (issue 13: a "billion laughs" block made repr(article) run ~100 s, then
    # MemoryError): aliases and the values they expand to are capped, and every fault — syntax, a control
    # character, an impossible date, a refused tag — is a problem with its line, never an exception. The
    # opening "---" is blanked, not cut, so the loader's lines are the file's.
    block = "\n" + "\n".join(lines[1:index])
    found: list[Problem] = []
    parsed = parse_yaml(block, path, found, code=lambda _: "article.front_matter", dates_as_text=False)
    problems = [replace(problem, message=f"front matter: {problem.message}") for problem in found]
    if parsed is None and problems:
        return {}, index + 2, problems
    loaded = plain(parsed)
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        message = f"front matter must be a mapping of names to values, not {type(loaded).__name__}"
        return {}, index + 2, [*problems, Problem("article.front_matter", message, file=path, line=2)]
    return {str(k): v for k, v in loaded.items()}, index + 2, problems


_PLAIN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_PLAIN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_PLAIN_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def _plain(markdown: str) -> str:
    """Markdown inline text as plain text: escapes, emphasis, links and code marks removed."""
    # Each substitution only where the characters it needs are (the same text: a paragraph is made plain
    # several times while blocks are classified, and most hold no link, escape or emphasis), and white space
    # collapsed by str.split, which splits at the white space \s matches (str.isspace's).
    text = _PLAIN_LINK.sub(r"\1", markdown) if "](" in markdown else markdown
    if "\\" in text:
        text = _PLAIN_ESCAPE.sub(r"\1", text)
    if "*" in text or "_" in text or "`" in text:
        text = _PLAIN_EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())


def _slug(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")
    return slug[:60].rstrip("-") or "section"


def _references(
    text: str, blocks: list[_Block], path: str | None, *, joined: bool = False
) -> tuple[ReferenceList, dict[int, str], Section | None]:
    """The article's reference list. ``joined``: the items are read one per line, each on its own (an HTML
    page may put several on one line of its file), and then pointed back at their lines."""
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

    if any(item.inline_sources for item in items):
        items = [
            piece
            for item in items
            for piece in (_inline_items(text, item) if item.inline_sources else [item])
        ]
        parsed = _parse_items(text, items, path)
    elif joined or any(item.link_definition for item in items):
        parsed = _parse_items(text, items, path)
    else:
        parsed = parse_references(text[first_line_start:end], source=path, start_line=items[0].line)
    numbers = {b.line: b.number for b in items if b.number is not None}
    if heading is not None:
        section = Section("references", _heading_title(text, heading), heading.level, heading.start, end)
    else:
        section = Section("references", "References", 2, first_line_start, end)
    return ReferenceList(parsed, parsed.problems, source=path), numbers, section


_BACKLINKS = re.compile(r"^(?:[\^↑]\s*)+(?:[a-z]{1,2}\s+)*")


def _parse_items(text: str, items: Sequence[_Block], path: str | None) -> ReferenceList:
    """Parse reference items one per line of a made-up text, then give each reference and problem the line
    of its item in the user's file."""
    from dataclasses import replace

    from .references.text import parse_references

    lines = []
    for item in items:
        # Wikipedia starts each reference with its back-links: "^ a b Smith J …".
        words = _BACKLINKS.sub("", " ".join(text[item.start : item.end].split()))
        lines.append(f"{item.number}. {words}" if item.number is not None else f"- {words}")
    parsed = parse_references("\n".join(lines), source=path, start_line=1)
    line_of = {n: item.line for n, item in enumerate(items, start=1)}

    def moved(line: int | None) -> int | None:
        return line_of.get(line, line) if line is not None else None

    references = [replace(ref, line=moved(ref.line)) for ref in parsed]
    problems = [replace(problem, line=moved(problem.line)) for problem in parsed.problems]
    return ReferenceList(references, problems, source=path)


# A footnote that opens like this is a note naming a source ("See the review by Cagnie et al. (2013)."), not
# the reference itself.
_NOTE_OPENER = re.compile(
    r"^[*_]*(?:see|cf\.?|compare|as (?:reported|shown|found|described)|according to|for (?:a|an|the|more)|"
    r"reviewed (?:in|by)|cited (?:in|by)|quoted (?:in|by)|adapted from)\b",
    re.IGNORECASE,
)


# A footnote that is only a link (`[^1]: https://www.nccih.nih.gov/health/tips/…`) names its source: the web
# page is the reference, never dropped.
_BARE_LINK = re.compile(r"<?(?:https?://|www\.)\S+?>?|\[[^\]\n]*\]\((?:https?://)\S+\)")


def _is_bare_link(note: str) -> bool:
    return _BARE_LINK.fullmatch(note.strip()) is not None


def _footnote_references(
    text: str, blocks: list[_Block], path: str | None, references: Sequence[Reference]
) -> tuple[dict[str, tuple[str, ...]], ReferenceList]:
    """Footnotes that are references ("[^1]: Smith J. … 2019;12:3–9."): parsed as references of their own,
    their blocks taken out of the body. Returns each footnote label's reference keys and the references."""
    notes = [b for b in blocks if b.kind == "footnote" and b.label and b.role == "body"]
    first_of_label: dict[str, _Block] = {}
    for note in notes:
        first_of_label.setdefault(note.label or "", note)
    reference_notes = [
        n
        for n in first_of_label.values()
        if (_looks_like_reference(text[n.start : n.end]) or _is_bare_link(text[n.start : n.end]))
        and not _NOTE_OPENER.match(text[n.start : n.end])
    ]
    if not reference_notes:
        return {}, ReferenceList(source=path)
    for note in reference_notes:
        note.role = "references"
    parsed = _parse_items(text, [_Block("list_item", n.start, n.end, n.line) for n in reference_notes], path)
    taken = {ref.key for ref in references}
    labels: dict[str, tuple[str, ...]] = {}
    kept: list[Reference] = []
    from dataclasses import replace

    note_of_line = {n.line: n for n in reference_notes}
    for ref in parsed:
        owner = note_of_line.get(ref.line or 0)
        if owner is None:
            continue
        key = ref.key
        suffix = 1
        while key in taken:  # a footnote's key must not take a key of the reference list
            suffix += 1
            key = f"{ref.key}-{suffix}"
        taken.add(key)
        kept.append(replace(ref, key=key) if key != ref.key else ref)
        labels[owner.label or ""] = (key,)
    return labels, ReferenceList(kept, parsed.problems, source=path)


def _footnote_note_citations(
    text: str,
    sentences: Sequence[Sentence],
    blocks: Sequence[_Block],
    citations: Sequence[Citation],
    reference_notes: dict[str, tuple[str, ...]],
) -> list[Citation]:
    """A footnote marker whose footnote is a note that itself cites ("[^2]: See Smith et al., 2019.") cites
    what the note cites, from the sentence the marker is in."""
    note_keys: dict[str, list[str]] = {}
    by_id = {s.id: s for s in sentences}
    for citation in citations:
        sentence = by_id.get(citation.sentence_id)
        block = blocks[sentence.block] if sentence is not None and sentence.block is not None else None
        if block is not None and block.kind == "footnote" and block.label and citation.keys:
            keys = note_keys.setdefault(block.label, [])
            keys.extend(k for k in citation.keys if k not in keys)
    if not note_keys:
        return []
    found = []
    for sentence in sentences:
        if sentence.kind not in PROSE_KINDS:
            continue
        for match in _FOOTNOTE_MARK.finditer(text, sentence.start, sentence.end):
            label = match.group("label")
            if label in note_keys and label not in reference_notes:
                line = (sentence.line or 0) + text.count("\n", sentence.start, match.start())
                found.append(
                    Citation(
                        sentence.id,
                        match.group(),
                        tuple(note_keys[label]),
                        match.start(),
                        match.end(),
                        "footnote",
                        line if sentence.line is not None else None,
                    )
                )
    return found


def _format(text: str, path: str | None) -> Literal["text", "markdown", "html"]:
    """How to read an article: a ``.txt`` file as plain text (the line reader it has always had), an
    ``.html``/``.htm`` file or text that opens like an HTML page as HTML, anything else as Markdown."""
    suffix = Path(path).suffix.lower() if path is not None else ""
    if suffix in _PLAIN_SUFFIXES:
        return "text"
    if suffix in _HTML_SUFFIXES or (not suffix and _HTML_DOCUMENT.match(text)):
        return "html"
    return "markdown"


def load_article(path_or_text: str | os.PathLike[str]) -> Article:
    """Read an article (Markdown, HTML or plain text; a path or the text itself — see the module docstring).

    Raises :class:`~needling_evidence.errors.InputError` for a missing, unreadable or binary file. Problems
    in the article itself (empty, broken front matter, unresolved citations, unparsable references) are
    records in ``Article.problems``; the reference list's own are also in ``Article.references.problems``.
    """
    raw, path = _read(path_or_text)
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    form = _format(text, path)
    links: list[tuple[int, int, str]] = []
    if form == "html":
        text, blocks, links, _ = _read_html(text)
        metadata: dict[str, Any] = {}
        first_line, problems = 1, list[Problem]()
    else:
        metadata, first_line, problems = _front_matter(text, path)
        definitions: dict[str, str] = {}
        if form == "markdown":
            blocks = _markdown_blocks(text, first_line, definitions)
            links = _markdown_links(text, definitions)
        else:
            blocks = _blocks(text, first_line)
            _unmarked_list_items(blocks, text)
        if first_line > 1:  # the YAML between the '---' lines: metadata, never sentences
            end = len("\n".join(text.split("\n", first_line - 1)[: first_line - 1]))
            blocks.insert(0, _Block("front_matter", 0, end, 1, first_line_only=False))
    _plain_text_headings(blocks, text)
    _mark_roles(blocks, text)
    references, numbers, reference_section = _references(text, blocks, path, joined=form == "html")
    footnotes, footnote_references = _footnote_references(text, blocks, path, references)
    if footnote_references:
        references = ReferenceList(
            [*references, *footnote_references],
            [*references.problems, *footnote_references.problems],
            source=path,
        )
    problems.extend(references.problems)

    body = [b for b in blocks if b.role == "body" and b.kind != "front_matter"]
    if not body:
        problems.append(
            Problem("article.empty", "the article has no text to read", file=path, line=first_line)
        )
    block_index = {id(b): i for i, b in enumerate(blocks)}

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
        kind: SentenceKind = "sentence" if block.kind == "paragraph" else block.kind  # type: ignore[assignment]
        for start, end in spans:
            line = block.line + text.count("\n", block.start, start)
            sentence_id = f"s{len(sentences) + 1:03d}"
            sentences.append(
                Sentence(
                    sentence_id, text[start:end], start, end, section_id, kind, line, block_index[id(block)]
                )
            )

    body_end = max((b.end for b in body), default=0)
    for index, (sid, section_title, level, start) in enumerate(section_starts):
        end = section_starts[index + 1][3] if index + 1 < len(section_starts) else body_end
        sections.append(Section(sid, section_title, level, start, max(start, end)))
    if reference_section is not None:
        sections.append(reference_section)

    citations, citation_problems, linked = _find_citations(
        text,
        sentences,
        references,
        numbers=numbers,
        path=path,
        links=sorted(links),
        footnotes=footnotes,
        html=form == "html",
    )
    if linked:
        references = ReferenceList([*references, *linked], references.problems, source=path)
    citations.extend(_footnote_note_citations(text, sentences, blocks, citations, footnotes))
    citations.sort(key=lambda c: c.start)
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
        blocks=tuple(
            Block(
                b.kind,
                b.start,
                b.end,
                b.line,
                b.level,
                block_index[id(b.lead)] if b.lead is not None and id(b.lead) in block_index else None,
                b.label if b.kind == "footnote" else b.number,
                b.role,
            )
            for b in blocks
        ),
    )
