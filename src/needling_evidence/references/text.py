"""Reference lists as people paste them: APA 6/7, Vancouver/NLM/AMA, Harvard, AMS (``Emanuel, K., 2005:``),
MLA, Chicago and IEEE (a title in quotation marks), Wikipedia's rendered citations (``^ a b Smith J
(May 2014). "Title". Journal. 6 (1): 17. doi:…. PMID ….``), GB/T 7714 (``Title[J]. Journal, 2022, 60:
1-14.``), Elsevier's initials-first numbered style (``M. Abdellaoui, Title. Management Science 46 (2000)
1497–1512.``) and natbib (``Andrew I. Schein and Lyle H. Ungar. Title. Machine Learning (2007) 68:
235–265.``); Harvard (Cite Them Right) with single-quoted titles; informal title-less citations (``Stiefel
C, Schwack W. Int J Cosmet Sci 36 (2014) 561-572.``); PubMed's and ResearchGate's exports; items wrapped in
HTML (``<small>``, pandoc's ``<div class="csl-entry">``); numbered or bulleted, wrapped; ditto authors
(``——,``). Each rule is tested on the real snippet it came from (``tests/test_references_real_styles.py``)
and measured on real lists
(``tests/benchmarks/eval_references.py``).

Styles read as forms, each tested on constructed variants (``tests/test_references_forms.py``): Science
(``D. J. Benjamin et al., Title. Nat. Hum. Behav. 2, 6–10 (2018).``, its bracketed book imprint, preprints
and web pages), Nature (``Benjamin, D. J. & Berger, J. O. Title. Journal 2, 6–10 (2018).``), the ACS
(``Benjamin, D. J.; Berger, J. O. Title. Journal 2018, 2 (1), 6–10.``), Cell (``(2018). Title. Journal 2,
6–10.``), BioMed Central (``Osei K, Lind T: Title. Journal 2019, 101(1):12-19.``), Springer's basic and
LNCS styles (``Osei, K., Lind, T.: Title. …``), plainnat, ACL and ACM (full names, ``In Proceedings …,
pages 1–9, 2016.``, ``arXiv preprint arXiv:…``), ABNT (``v. 101, n. 1, p. 12-19, 2019.``), GOST (``Title //
Journal. — 2019. — Vol. 101. — P. 12–19.``), Harvard AGPS (``'Title', Journal, vol. 101, no. 1, pp. …``),
AMA web pages (``Published January 5, 2020. Accessed …``), APA without an author, Chicago names given first
ending in ``and others``, MLA's publisher after the container, NLM chapters with their imprint and NLM web
pages by organisations; a reference wrapped whole in a Markdown link (Zotero's Google Docs citations:
``[\\[1\\] A. Author, “Title,” …](https://www.zotero.org/google-docs/?…)``) and a label that is a link
(``[\\[3\\]](#ref-3)``); journals abbreviated in part (``Lancet Glob. Health``), article numbers without a
volume (``ciae493 (2024)``), Nature's ``3rd edn`` and a body named with its division; Cite Them Right pages as
citation generators write them (``Title, Page | Site.``, ``Title (no date) Site. Available at: …``);
informal ``Title. Site. Month Year. (URL)`` pages and a publisher's collection before the journal (``ACP
Journals. Annals of …``); a body's document by its number (``SCCS/1622/20 — Title``), a law by its name
(``Regulation (EU) 2022/1176 …``), a genre sentence after a title (``International consensus.``), an
organisation ending in a country code (``Cancer Research UK``), a citation with no title (``Smith et al.,
2019, Journal of …``) and IEEE's chapter (``in *Book*, R. G. Hughes, Ed. Place: Publisher, 2008.``).
MLA typed without italics (``"Title." Site, Publisher, 12 Mar. 2020, www.example.org/page.``, books
``Last, First. Title. Publisher, Year.``, links without ``https://``), a health page's loose sources
(``Body: Title``, AMA's ``Title. Body. URL. Accessed …``, a link with only its text) and references written
one a line with no blank line between (``tests/test_references_mla_plain.py``,
``tests/test_references_sections.py``). An article's list is found under sub-headings (``### Journal
articles``, ``**Books**``), under a line standing as its heading (``**Sources:**``, ``Resources``) and up to
a review date or disclaimer after it (:func:`reference_section`; the heading words in ``_headings``).

A list quoted whole in a Markdown blockquote (``> Agarwal A, Barasch J. … Elsevier; 2024:chap 106.``, its
heading inside the quote), a numbered reference wrapped whole in one link (``2. [Centers for Disease Control
and Prevention. Title …](https://…)``), a body's long name or acronym as NLM author (``GBD 2016 Headache
Collaborators.``), a body between an NLM title and its journal, a quoted title with its venue and year in
brackets (``“Title” (CSCW 2021). DOI: …``), family names with an unquoted title and the year last
(``Benedict and Zgaljardic. Title (1998).``) and an NLM web document's date after its title (``Title, 2012
[internet]. October 16, 2017.``): ``tests/test_references_quoted_lists.py``.

:func:`parse_references` reads the whole list in three visible steps::

    blocks = _split_blocks(lines)          # one block of lines per reference (labels, bullets, wrapping)
    parsed = [_parse_block(b) for b in blocks]   # each block -> fields + confidence (+ problems)
    keys   = _assign_keys(parsed)          # citation keys, unique within the list

What each reference keeps:

- ``raw`` is the reference's original lines exactly as given (label, indentation, trailing spaces and all);
  ``line`` is the 1-based line where it starts; ``file`` is ``source``.
- ``fields["label"]`` is the list label (``"1"`` for ``1.``, ``[1]``, ``\\[1\\]``, ``1)``, ``(1)``), so
  numeric inline citations such as ``[3]`` can be resolved; it is absent for bulleted or unnumbered lists.
- Authors are :class:`~needling_evidence.model.Person` values with ``family`` and ``given`` exactly as printed
  (``given="J. A."`` for APA, ``given="JA"`` for Vancouver), a lower-case leading particle (``van der``) in
  ``particle``. A truncated author list (``et al.``, APA 7's ``…``) ends with :data:`ET_AL`,
  ``Person(literal="others")`` — the same marker BibTeX's ``and others`` becomes.
- ``pages`` has its dash normalised to an en dash (``295-301``, ``295--301``, ``295—301`` → ``295–301``);
  ``doi`` is canonical (:func:`~needling_evidence.doi.normalize_doi`); ``url`` is a link other than a DOI
  resolver link (the DOI already says that one).
- ``key`` is the first author's family name (particle included) folded to ASCII lower-case letters, then the
  year or ``nd``: ``Fernández-de-las-Peñas`` 2020 → ``fernandezdelaspenas2020``. With no author the first
  significant title word stands in. When two references would share a key, the first keeps it and later ones
  get ``a``, ``b``, … (so adding a reference never renames an earlier one).

``confidence`` starts at 1.0 and is lowered for each thing the parse had to do without (see the
``PENALTY_*`` constants): no year, no title, no authors, no journal for a journal article, the structure not
recognised at all, more than one DOI, text left over that fitted no field.

Problems (never exceptions; ``strict=True`` raises :class:`~needling_evidence.errors.StrictError` instead when
there is any):

- ``refs.unparsed`` (error): the text fits none of the styles above. If it holds something (a DOI, PMID,
  PMCID, ISBN, URL or year) a low-confidence Reference keeping ``raw`` is still returned. An NLM author list
  followed by a title and a container in no known date form is read partly instead (authors, title, container,
  first year; confidence lowered by ``PENALTY_PARTIAL``).
- ``refs.too_long`` (error): a single reference longer than :data:`MAX_REFERENCE_CHARS`; kept raw, not parsed.
- ``refs.incomplete`` (warning): parsed, but without a year, title or authors.
- ``refs.multiple_dois`` (warning): more than one DOI; the first is used, the others are in ``fields``.
- ``refs.empty`` (warning): the text holds no reference at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..dates import MONTH_NAMES, month_number
from ..doi import find_dois, normalize_doi
from ..errors import StrictError, UsageError
from ..identity import PARTICLE_PATTERN, fold
from ..model import Person, Problem, Reference, ReferenceList
from ._headings import ends_a_list, names_kind_of_work, names_reference_list

__all__ = ["ET_AL", "MAX_REFERENCE_CHARS", "parse_references", "reference_key", "reference_section"]

#: The marker ending a truncated author list ("et al."), shared with BibTeX's ``and others``.
ET_AL = Person(literal="others")

# A real reference, even with 30+ authors written out, is a few thousand characters. Anything much longer is a
# paste gone wrong (a whole document without line breaks); it is kept raw but not run through the parser, so a
# 10 MB line costs nothing.
MAX_REFERENCE_CHARS = 20_000

# Confidence penalties, hand-set on the test fixtures (tests/data/refs/): a complete journal reference scores
# 1.0, one missing a single field stays above 0.6, an unrecognised string stays below 0.3.
PENALTY_NO_YEAR = 0.25
PENALTY_NO_TITLE = 0.3
PENALTY_NO_AUTHORS = 0.2
PENALTY_NO_CONTAINER = 0.15  # a journal article without a journal name
PENALTY_NO_VOLUME = 0.05  # a journal article without a volume
PENALTY_LEFTOVER = 0.05  # text after the last field that fitted nothing
PENALTY_MULTIPLE_DOIS = 0.1
PENALTY_PARTIAL = 0.3  # authors, title and container read, but in no known date or locator form
# When the structure is not recognised at all only identifiers and a year are taken: at most this confident.
UNPARSED_CONFIDENCE = 0.2

_Style = Literal["apa", "vancouver", "quoted", "gbt7714", "initials-first", "partial", "unparsed"]

# --- lines and blocks ---------------------------------------------------------------------------------------

# List labels and bullets at the start of a line, markdown-escaped or not: `1.`, `1)`, `(1)`, `[1]`, `\[1\]`,
# `1\.`, a Markdown footnote definition `[^1]:` / `[^smith2017]:` (its label is the footnote's name), and the
# bullets Word, Google Docs and markdown use. A label of more than three digits counts only where it goes on
# from the label before (999 → 1000), so a list past 999 items keeps its items apart while a wrapped line
# starting with a year (`2017. Title`) is not read as label 2017.
SHORT_LABEL_DIGITS = 3
# A list exported from a web page or typeset in Markdown with HTML (`<small>[3] G. González …</small>`,
# `<p>1. …`, `<li>…`) has tags before its label: they are looked through.
_LEADING_TAGS = r"(?:<(?:small|big|p|li|div|span|font|cite)\b[^>]*>[ \t]*)*"
# A reference wrapped whole in a Markdown link (Zotero's Google Docs citations through pandoc: `[\[1\] L. M.
# Ritchie, “Title,” …](https://www.zotero.org/google-docs/?7We5BB)`) opens with the link's `[` before its
# label. A label that is itself a link to an anchor (`[\[1\]](#ref-1) Smith J. …`) is a label of its own.
_LINK_OPENER = r"(?:\[(?=\\?\[[ \t]*\d{1,9}[a-z]?[ \t]*\\?\](?!\]?\()|\d{1,9}[ \t]*\\?[.)][ \t]))?"
_LABEL = re.compile(
    r"""^[ \t]*"""
    + _LEADING_TAGS
    + _LINK_OPENER
    + r"""(?:
        \[\^(?P<footnote>[^\]\s]{1,40})\]:
      | \\?\[[ \t]*(?P<bracket>\d{1,9}[a-z]?)[ \t]*\\?\]
      | \[\\?\[[ \t]*(?P<linked>\d{1,9}[a-z]?)[ \t]*\\?\]\]\([^)\s]*\)
      | \([ \t]*(?P<paren>\d{1,9})[ \t]*\)
      | (?P<number>\d{1,9})[ \t]*\\?[.)](?=\s|$)
      | (?P<bullet>[•·▪‣◦●○■□►\-–—*+])(?=\s)
    )[ \t]*""",
    re.VERBOSE,
)
# Lines that are not references: headings over the list, markdown rules, a bare "References" line, and the
# sub-headings between groups of a list (`**Journal articles**`, `Books:`, `### Websites`).
_HEADING_LINE = re.compile(r"^[ \t]*(?:\#{1,6}[ \t].*|(?:[-*_][ \t]*){3,})[ \t]*$")
_HEADING_WORDS_MAX = 8


def _is_heading(line: str, after_blank: bool = True) -> bool:
    """A heading line inside a list. A line naming a kind of work (`Books`) or the list (`Sources:`) is one
    only after a blank line (or first) or when marked as one (in bold or italics, or ending in a colon): the
    sub-headings of a list stand apart, while such words can end a wrapped line of a reference (`Cochrane
    Database of` / `Systematic Reviews`)."""
    if _HEADING_LINE.match(line):
        return True
    words = line.split()
    marked = line.strip()[:1] in "*_" or line.rstrip().rstrip("*_").endswith(":")  # `**Books**`, `Websites:`
    return (
        (after_blank or marked)
        and 0 < len(words) <= _HEADING_WORDS_MAX
        and not _LABEL.match(line)
        and (names_reference_list(line, notes=True) or names_kind_of_work(line))
    )


# The start of a new reference in an unnumbered list: `Gattie, E.` (APA) or `Fishman LM,` / `Rodine R.`
# (Vancouver), optionally after lower-case particles (`van der Berg, A.`).
_PARTICLE_WORDS = PARTICLE_PATTERN  # the one list of name particles, in identity.py
_AUTHOR_START = re.compile(
    rf"""^(?:(?:{_PARTICLE_WORDS})\s)*[^\W\d_][\w'’\-]*(?:\s[^\W\d_][\w'’\-]*)?
        (?:,\s+[A-Z][a-z]?\.|\s(?:[A-Z]{{1,3}}|[A-Z](?:-[A-Za-z]){{1,2}})(?:,|\.|\s\())""",
    re.VERBOSE,
)
# A ditto mark standing for the previous reference's authors: AMS `——, 2005:`, Chicago `———. 2011.`, MLA
# `---. "Title."`, typed `--, 2005:` or `___.` (`\_\_\_.` from a Markdown export). A single dash followed by a
# space is a bullet, not a ditto.
_DITTO = re.compile(r"^[ \t]*(?:[—―]{1,3}|–{2,3}|-{2,3}|(?:\\?_){2,})(?=[ \t]*[.,:(]|[ \t]+\d)[ \t]*")
# AMS (and other earth-science journals) write Harvard's head with a colon: `Emanuel, K., 2005: Title.`
_AMS_YEAR = re.compile(r"(?<=[\w.]),?\s+(?P<year>(?:1[6-9]|20)\d{2})[a-z]?:(?=\s)(?P<nd>(?!))?")
# A line of HTML tags and nothing else (pandoc's `<div id="ref-smith2011" class="csl-entry">`, `</div>`, a
# lone `<small>`) separates references like a blank line: it is neither a reference nor part of one, and a
# ditto mark after it still stands for the authors of the reference before.
_TAGS_ONLY = re.compile(r"^[ \t]*(?:</?[A-Za-z][^>\n]*>[ \t]*)+$")
_YEAR_ANYWHERE = re.compile(r"\b(?:1[6-9]|20)\d{2}\b|\bn\.\s?d\.")
_ENDS_REFERENCE = re.compile(r"(?:[.)\]]|\d|\S+/\S+)\s*$")


@dataclass
class _Block:
    lines: list[str]
    start: int  # index of the first line
    label: str | None = None
    bulleted: bool = False  # starts with a bullet (`- `, `• `): an item of a list, as a numbered one is


def _split_blocks(lines: Sequence[str]) -> list[_Block]:
    """Group lines into one block per reference.

    A reference starts at a numbered label or bullet; after a blank line; or, in a list with no labels at all,
    at a line that begins like an author list when the reference before it already looks complete (has a year
    and ends like a reference ends), so a wrapped author list (``… Cleland, J. A., &`` / ``Snodgrass, S.``)
    is not cut; or at every line of a paragraph whose lines each read as a whole reference (one reference a
    line, no blank line between: see :func:`_one_per_line`).
    """
    labelled = any(_label_match(line, None) and not _HEADING_LINE.match(line) for line in lines)
    whole_lines = set() if labelled else _one_per_line(lines)
    blocks: list[_Block] = []
    current: _Block | None = None
    after_blank = True
    previous: int | None = None  # the last numeric label, which a label of four digits must go on from
    for index, line in enumerate(lines):
        if not line.strip() or _is_heading(line, after_blank) or _TAGS_ONLY.match(line):
            current = None
            after_blank = True
            continue
        label_match = _label_match(line, previous)
        # asked only of an unnumbered line after a blank one: it looks ahead to the end of the paragraph, and
        # asked of every line of a list with no blank lines it walked to the end of the list each time
        # (2,000 references: 0.3 s; issue 13)
        if (
            after_blank
            and label_match is None
            and blocks
            and ((labelled and _between_labelled_items(lines, index)) or _continues(blocks[-1], line))
        ):
            current = blocks[-1]  # a blank line in the middle of a sentence (a paste from a PDF or web page)
            current.lines.append(line)
            after_blank = False
            continue
        starts = label_match is not None or after_blank or current is None
        if not starts and not labelled and current is not None:
            text_so_far = " ".join(current.lines)
            starts = index in whole_lines or (
                (_starts_like_a_reference(_strip_markdown(line)) or _DITTO.match(line) is not None)
                and _YEAR_ANYWHERE.search(text_so_far) is not None
                and _ENDS_REFERENCE.search(current.lines[-1]) is not None
            )
        if starts:
            current = _Block([line], index, _label_of(line, previous))
            current.bulleted = label_match is not None and label_match.group("bullet") is not None
            blocks.append(current)
            number = _label_number(current.label) if current.label is not None else None
            if number is not None:  # a footnote's name ("[^smith2017]:") does not number the list
                previous = number
        else:
            assert current is not None
            current.lines.append(line)
        after_blank = False
    return blocks


# A line that is a whole reference by itself: it ends as references end, holds a year, a link or a quoted
# title, and is at least a few words long; the next one does not begin like the tail of a reference.
_WHOLE_LINE_WORDS = 4
_LINE_MARK = re.compile(
    r"\b(?:1[6-9]|20)\d{2}\b|\bn\.\s?d\.|https?://|\bwww\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}/|[\"“][^\"“”]{3,}[\"”]"
)
_ENDS_WITH_INITIAL = re.compile(r"(?:\b[A-Z]|\bet al)\.\s*$")
_TAIL_START = re.compile(
    r"^[ \t]*(?:[(\[\d]|(?:vol|no|pp?|doi|https?|www|available|accessed|retrieved|in|edited|eds?)\b)",
    re.IGNORECASE,
)


def _one_per_line(lines: Sequence[str]) -> set[int]:
    """Indexes of the lines that each start a reference in a paragraph written one reference a line with no
    blank line between (``Mayo Clinic: "Shingles."`` / ``"Flu Symptoms." Centers for Disease Control and
    Prevention, 12 Mar. 2020, www.cdc.gov/flu.``): every line of the paragraph (two or more) reads as a whole
    reference, and no line after the first begins like the tail of one (``vol.``, ``(2019)``, ``https://``)
    — a reference wrapped over lines has a line that ends mid-sentence or a tail on a line of its own."""
    starts: set[int] = set()
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and lines[end].strip() and not _is_heading(lines[end], end == index):
            end += 1
        paragraph = range(index, end)
        if len(paragraph) >= 2 and all(_whole_line(lines[i], first=i == index) for i in paragraph):
            starts.update(paragraph)
        index = end + 1
    return starts


def _whole_line(line: str, *, first: bool) -> bool:
    text = _strip_markdown(line).strip()
    return (
        len(text.split()) >= _WHOLE_LINE_WORDS
        and _ENDS_REFERENCE.search(text.rstrip("\"”’'*_")) is not None
        and _ENDS_WITH_INITIAL.search(text) is None
        and _LINE_MARK.search(text) is not None
        and (first or (_TAIL_START.match(text) is None and not text[:1].islower()))
    )


def _between_labelled_items(lines: Sequence[str], index: int) -> bool:
    """In a numbered list, an unnumbered paragraph after a blank line whose next paragraph is numbered again
    is the rest of the item before it, broken by a stray blank line (``[36] … Games.`` / blank / ``Games and
    Economic Behavior 45 (2003) 97-113.`` / blank / ``[37] …``): every item of such a list starts with its
    number. It must hold a year or a page range, as the tail of a reference does."""
    if _is_heading(lines[index]) or not _YEAR_OR_PAGES.search(lines[index]):
        return False
    end = index
    while end < len(lines) and lines[end].strip():
        end += 1
    following = next((line for line in lines[end:] if line.strip()), None)
    return following is not None and _label_match(following, None) is not None


_YEAR_OR_PAGES = re.compile(r"\b(?:1[6-9]|20)\d{2}\b|\d+\s*[-–]\s*\d+")


def _continues(block: _Block, line: str) -> bool:
    """After a blank line: ``line`` goes on with ``block`` when it starts in lower case (mid-sentence), does
    not begin like an author list (``van der Berg, A.`` does), and the block does not end as references
    end."""
    text = _strip_markdown(line)
    return (
        text[:1].islower()
        and not _starts_like_a_reference(text)
        and _ENDS_REFERENCE.search(block.lines[-1]) is None
    )


def _starts_like_a_reference(line: str) -> bool:
    """``Gattie, E.`` / ``Fishman LM,`` / ``Rodine R.``, a ditto mark (``——, 2005:``), or a short name list
    followed by APA's ``(2017)``."""
    if _AUTHOR_START.match(line) or _DITTO.match(line):
        return True
    quoted = _QUOTED_TITLE.match(line) if _has_quote(line) else None
    if quoted and _looks_like_name_list(quoted.group("authors").strip()):
        return True  # MLA / Chicago: `Emanuel, Kerry. “Title.” …`
    year = _APA_YEAR.search(line, 0, _APA_HEAD_MAX)
    return year is not None and year.start() > 0 and _looks_like_names(line[: year.start()])


def _label_number(label: str) -> int | None:
    """The number of a list label ("12", "12a"), or None for a footnote's name ("smith2017")."""
    digits = label.rstrip("abcdefghijklmnopqrstuvwxyz")
    return int(digits) if digits.isdigit() else None


def _label_match(line: str, previous: int | None) -> re.Match[str] | None:
    """The label or bullet at the start of ``line``; a numeric label of more than three digits only when it
    is ``previous + 1``."""
    match = _LABEL.match(line)
    if match is None:
        return None
    number = match.group("bracket") or match.group("linked") or match.group("paren") or match.group("number")
    long_label = bool(number) and len(number.rstrip("abcdefghijklmnopqrstuvwxyz")) > SHORT_LABEL_DIGITS
    if long_label and (previous is None or _label_number(number or "") != previous + 1):
        return None
    return match


def _label_of(line: str, previous: int | None = None) -> str | None:
    """The numeric list label of a line, looking through stray bullets (``- [1] …``, ``• 1. …``)."""
    rest = line
    for _ in range(3):
        match = _label_match(rest, previous)
        if not match:
            return None
        number = (
            match.group("bracket")
            or match.group("linked")
            or match.group("paren")
            or match.group("number")
            or match.group("footnote")
        )
        if number:
            return number
        rest = rest[match.end() :]
    return None


# A whole reference as the text of one Markdown link, over one line or several: `[\[1\] A. Author, “Title,” …
# 2016.](https://…)` (the label inside), `- [Author A. Title. …](https://…)` (a bullet before it) or `1.
# [Author A. Title. …](https://pubmed…)` (a number before it: the CPhA monographs link each reference whole).
_WHOLE_LINK = re.compile(
    r"""^(?P<lead>[ \t]*"""
    + _LEADING_TAGS
    + r"""(?:(?:[•·▪‣◦●○■□►\-–—*+]|\d{1,9}\\?[.)])[ \t]+)?)
    \[(?P<inner>.+)\]\((?P<target>[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)\)
    (?P<tail>[ \t]*(?:</[A-Za-z]+>[ \t]*)*)$""",
    re.VERBOSE | re.DOTALL,
)


def _unwrap_reference_link(lines: Sequence[str]) -> list[str]:
    """A reference that is the text of one Markdown link, read as its text followed by the link's target
    (as a link inside a reference is read); the line breaks inside it stay. Other references unchanged.
    The link's brackets must pair with each other: ``[1] Smith J. Title. [Journal](https://…)`` is not one
    link."""
    whole = _WHOLE_LINK.match("\n".join(lines))
    if whole is None or not _brackets_pair(whole.group("inner")):
        return list(lines)
    text = f"{whole.group('lead')}{whole.group('inner')} {whole.group('target')}{whole.group('tail')}"
    return text.split("\n")


def _brackets_pair(text: str) -> bool:
    """Every unescaped ``]`` in ``text`` closes an unescaped ``[`` in it."""
    depth = 0
    escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _strip_labels(line: str, label: str | None = None) -> str:
    """``line`` without its labels and bullets; ``label``: the block's label, which may be a long one."""
    number = _label_number(label) if label is not None else None
    previous = number - 1 if number is not None else None
    for _ in range(3):
        match = _label_match(line, previous)
        if not match:
            break
        line = line[match.end() :]
    return line


# --- text clean-up ------------------------------------------------------------------------------------------

_SPACES = dict.fromkeys(
    map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"),
    " ",
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_CLEAN_TABLE = {**_SPACES, **_INVISIBLE}
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]+)\)")
_AUTOLINK = re.compile(r"<((?:https?://|doi:)[^>\s]+)>", re.IGNORECASE)
# Presentational tags a web page or Markdown file keeps around a reference or a word: their text stays.
_HTML_TAG = re.compile(
    r"</?(?:i|em|b|strong|u|sup|sub|span|small|big|font|cite|p|li|div|br)\b[^>]*/?>", re.IGNORECASE
)
_STRONG = re.compile(r"\*\*|__")
# A single `*` or `_` that opens or closes emphasis: next to a word on one side only. `_` inside a word or URL
# (`s0140_6736`) is left alone.
# A closing `*` glued to the year after it (`*Epidemiol Rev*2014;36:104`) closes emphasis too.
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<=[A-Za-z.])\*(?=(?:1[6-9]|20)\d\d\b)|(?<![\w/])_(?=\S)|(?<=\S)_(?![\w/])"
)
_MULTISPACE = re.compile(r" {2,}")


def _strip_markdown(text: str) -> str:
    text = text.translate(_CLEAN_TABLE)
    text = _AUTOLINK.sub(_autolink_text, text)
    text = _HTML_TAG.sub("", text)
    text = _MARKDOWN_ESCAPE.sub(_escaped_placeholder, text)
    text = _MARKDOWN_LINK.sub(_link_text, text)
    # A URL is kept as written: its `_` (`…/wiki/Sciatica_(disorder)`) is not emphasis.
    urls: list[str] = []
    text = _URL_SPAN.sub(lambda m: _park_url(m, urls), text)
    text = _STRONG.sub("", text)
    text = _EMPHASIS.sub("", text)
    if urls:
        text = _PARKED_URL.sub(lambda m: urls[int(m.group(1))], text)
    text = text.translate(_UNPLACEHOLDER)
    return _MULTISPACE.sub(" ", text).strip()


_URL_SPAN = re.compile(r"(?:https?://|www\.)[^\s*]+", re.IGNORECASE)


def _autolink_text(match: re.Match[str]) -> str:
    """``<https://…>`` → its link; a space after it when the reference's text follows with none (``<https://
    pubmed.ncbi.nlm.nih.gov/30389956/>Armour M, …``), so the link does not swallow the first name."""
    glued = match.string[match.end() : match.end() + 1]
    return match.group(1) + (" " if glued.isalnum() else "")


_PARKED_URL = re.compile("\ue100(\\d+)\ue101")


def _park_url(match: re.Match[str], urls: list[str]) -> str:
    urls.append(match.group(0))
    return f"\ue100{len(urls) - 1}\ue101"


# Escaped characters are literal text, not markup: park them in private-use code points while markup goes.
_ESCAPABLE = "*_[]()"
_PLACEHOLDERS = {ch: chr(0xE000 + i) for i, ch in enumerate(_ESCAPABLE)}
_UNPLACEHOLDER = {ord(v): k for k, v in _PLACEHOLDERS.items()}


def _escaped_placeholder(match: re.Match[str]) -> str:
    char = match.group(1)
    return _PLACEHOLDERS.get(char, char)


def _link_text(match: re.Match[str]) -> str:
    text, target = match.group(1).strip(), match.group(2)
    if not text or text == target or "://" in text or normalize_doi(text) is not None:
        return text or target
    return f"{text} {target}"


def _join_lines(lines: Sequence[str]) -> str:
    """One line of text from a wrapped reference. A line ending inside a URL or DOI joins without a space."""
    out = ""
    for line in lines:
        piece = _strip_markdown(line)
        if not piece:
            continue
        if not out:
            out = piece
            continue
        last_token = out.rsplit(" ", 1)[-1]
        in_link = "://" in last_token or last_token.lower().startswith(("10.", "doi:10."))
        glued = (
            in_link
            and _AFTER_LINK.match(piece) is None
            and (_LINK_PIECE.fullmatch(piece.split(" ", 1)[0]) is not None or out[-1] in "-_=?&#%")
            and (not out.endswith(".") or _DOI_CONTINUATION.match(piece) is not None)
        )
        out = out + piece if glued or out.endswith("/") else f"{out} {piece}"
    return out


# A line that can only be the rest of a DOI or URL wrapped after one of its full stops (`…jospt.2017.` then
# `7096`): one token, DOI characters only, with a digit. A sentence after a DOI (`Epub 2017 Feb 3.`) has
# spaces, and a label (`PMID:`) has no digit, so neither is glued on.
# What starts a line after a complete DOI or URL, never the rest of one: PubMed's and NLM's labels and notes.
_AFTER_LINK = re.compile(
    r"^(?:\[|(?:PMID|PMCID|PMC\d|Epub|Accessed|Available|Retrieved|Cited|Updated)\b)", re.IGNORECASE
)
# The first word of a line that can go on with a link cut at the end of the line before: link characters
# only, with at least one that words do not have (`/`, `.`, `-`, a digit …), unless the link was cut right
# after a character no link ends with (`…/very-long-` then `path`). A note after a complete DOI
# (`*Relevance:* Basis for …`, a word and a colon) is not glued on.
_LINK_PIECE = re.compile(r"(?=[^\s]*[-/._0-9=?&%#~])[-._;()/:A-Za-z0-9%?=&#~+]+")
_DOI_CONTINUATION = re.compile(r"^(?=[^\s]*\d)[-._;()/:A-Za-z0-9]+\.?$")


# --- identifiers --------------------------------------------------------------------------------------------

# The labelled forms are taken out of the text once read; the same numbers inside a URL stay where they are
# (the URL is kept unchanged: `…/pmc/articles/PMC123/` must not lose its PMCID).
_PMID_TEXT = re.compile(r"\b(?:PubMed\s+)?(?:PMID|PubMed\s+ID)\s*[:：]?\s*\d{1,9}\b\.?", re.IGNORECASE)
_PMCID_TEXT = re.compile(r"(?<![/\w=])(?:PMCID\s*[:：]?\s*)?PMC\d{1,9}\b\.?", re.IGNORECASE)
_ISBN_TEXT = re.compile(r"\bISBN(?:-1[03])?\s*[:：]?\s*(?:97[89][-\s]?)?(?:\d[-\s]?){9}[\dXx]\b\.?")
_ISSN_TEXT = re.compile(r",?\s*\bE?ISSN\s*[:：]?\s*(\d{4}-?\d{3}[\dXx])\b")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# MLA 9 prints a link without its scheme (`aafa.org/asthma/asthma-facts/`,
# `pubmed.ncbi.nlm.nih.gov/33962641/`): a lower-case host ending in a top-level domain of letters, then a
# path. A DOI's prefix (`10.1136/…`) has no such domain.
_BARE_LINK = re.compile(r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,24}/\S*")
_DOI_WORD = re.compile(r"^(?:doi|DOI)\s*[:：]?$")
_DOI_RESOLVER = re.compile(r"^(?:https?://)?(?:dx\.|www\.)?doi\.org/", re.IGNORECASE)
# Words that only introduce a link (`Available from:`, `Retrieved from`) and NLM's bracketed notes on a web
# reference (`[Internet]`, `[cited 2024 Jan 5]`): taken out before the structure is read.
_LINK_INTRO = re.compile(
    r"(?:\b(?:Available(?:\s+(?:from|at|online))?|Retrieved\s+(?:[^.:;]{1,30}?\d{4},?\s+)?from|Accessed|URL)"
    r"|(?:^|(?<=[.,]\s))from)\s*:?\s*$",
    re.IGNORECASE,
)
_INTERNET = re.compile(r"\s*\[\s*(?:Internet|online)\s*\]", re.IGNORECASE)  # NLM's and Harvard's mark
_CITED = re.compile(
    r"\s*(?:\[\s*(?:cited|accessed|updated):?\s+([^\]]{1,60})\]|\(\s*(?:accessed|cited):?\s+([^)]{1,60})\))",
    re.IGNORECASE,
)


# IEEE's and MLA's access date as a sentence of its own (`Accessed: Sept. 06, 2025.`, `Accessed 12 Mar.
# 2023.`): the day the page was read, never its publication date. Only a full date is taken, so a title
# word "Accessed" is left alone.
_DATE_WRITTEN = (
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+(?:1[6-9]|20)\d{2}"
    r"|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+(?:1[6-9]|20)\d{2}|(?:1[6-9]|20)\d{2}-\d{2}-\d{2}"
    r"|(?:1[6-9]|20)\d{2}\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})"  # NLM's order: `Accessed: 2023 November 23.`
)
_ACCESSED_SENTENCE = re.compile(rf"\s*\bAccessed:?\s+(?:on\s+)?({_DATE_WRITTEN})()\.?")
# AMA's web page gives its dates as sentences of their own (`Published January 5, 2020. Updated March 5, 2020.
# Accessed June 1, 2021.`), as does a journal's `Published online January 3, 2019.`: the publication date is
# kept (and gives the year when nothing else does), the sentence taken out of the text. NLM's `[Updated …]`
# in brackets is a note of its own (_CITED).
_PUBLISHED_SENTENCE = re.compile(
    rf"\s*(?<!\[)\b(?:(?:Last\s+)?(?:Published|Updated|Posted|Reviewed|Modified|Revised)(?:\s+online)?|Page\s+last"
    rf"\s+reviewed):?\s+(?:on\s+)?(?P<date>{_DATE_WRITTEN})\.?"
)


@dataclass
class _Identifiers:
    dois: list[str] = field(default_factory=list)
    pmid: str | None = None
    pmcid: str | None = None
    pmids: list[str] = field(default_factory=list)
    pmcids: list[str] = field(default_factory=list)
    isbns: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    malformed_doi: str | None = None
    internet: bool = False  # NLM's `[Internet]`: the work is a web resource
    internet_title: str | None = None  # the sentence `[Internet]` follows: the web resource's title
    issn: str | None = None
    # Harvard's `Title. [online] Site. Available from: …`: the mark after the title's full stop, and the text
    # after it (NLM writes `Title [Internet]. Publisher.`, the mark before the full stop)
    harvard_online: bool = False
    after_internet: str = ""
    cited: str | None = None  # NLM's `[cited 2024 Jan 5]`, as written
    published: str | None = None  # AMA's `Published January 5, 2020.` (or `Updated …`), as written


def _take_identifiers(text: str) -> tuple[str, _Identifiers]:
    """Find DOIs, PMIDs, PMCIDs and URLs anywhere in the text; return the text without them."""
    from ..doi import find_isbns, find_pmcids, find_pmids  # doi.py is light: importing here costs nothing

    ids = _Identifiers(dois=find_dois(text), pmids=find_pmids(text), pmcids=find_pmcids(text))
    ids.isbns = find_isbns(text)
    ids.pmid = ids.pmids[0] if ids.pmids else None
    ids.pmcid = ids.pmcids[0] if ids.pmcids else None
    if ids.pmids:
        text = _PMID_TEXT.sub("", text)
    if ids.pmcids:
        text = _PMCID_TEXT.sub("", text)
    if ids.isbns:
        text = _ISBN_TEXT.sub("", text)
    issn = _ISSN_TEXT.search(text)
    if issn:
        # `Journal ISSN: 2277-2103. 2015 Vol. 5`: the journal's number, not part of its name
        ids.issn = issn.group(1)
        text = text[: issn.start()] + text[issn.end() :]
    kept: list[str] = []
    for token in text.split(" "):
        bare = token.strip("<>()[],;")
        if _URL.match(bare) or _BARE_LINK.fullmatch(bare.rstrip(".")):
            url = _url_as_written(token)
            if not _DOI_RESOLVER.match(url):
                ids.urls.append(url)
            joined = " ".join(kept)
            intro = _LINK_INTRO.search(joined)
            if intro:
                kept = joined[: intro.start()].split(" ")
            continue
        if "10." in bare and normalize_doi(bare) is not None:
            if kept and _DOI_WORD.match(kept[-1]):
                kept.pop()
            continue
        if bare.lower().startswith("doi:10.") or (
            kept and _DOI_WORD.match(kept[-1]) and bare.startswith("10.")
        ):
            ids.malformed_doi = bare.rstrip(".")
            if kept and _DOI_WORD.match(kept[-1]):
                kept.pop()
            continue
        kept.append(token)
    # a link written in brackets with a space inside (`(https://… )`) leaves its brackets behind; a bracket
    # with a space inside that closes later (`TENS ( Transcutaneous … stimulation)`) is the text's own
    remainder = re.sub(r"\(\s*\)|(?<=\s)\)(?=\s|$)|(?<=\s)\((?=\s|$)(?![^()]*\))", "", " ".join(kept))
    internet = _INTERNET.search(remainder)
    if internet:
        ids.harvard_online = remainder[: internet.start()].rstrip().endswith(".")
        ids.after_internet = remainder[internet.end() :]
        ids.internet = True
        ids.internet_title = _sentences(remainder[: internet.start()])[-1:][0] if remainder[:1] else None
        remainder = _INTERNET.sub("", remainder)
    published = _PUBLISHED_SENTENCE.search(remainder)
    if published:
        ids.published = published.group("date")
        remainder = remainder[: published.start()] + remainder[published.end() :]
        remainder = _PUBLISHED_SENTENCE.sub("", remainder)  # `Published …. Updated ….`: the first is kept
    cited = _CITED.search(remainder) or _ACCESSED_SENTENCE.search(remainder)
    if cited:
        ids.cited = (cited.group(1) or cited.group(2)).strip()
        remainder = remainder[: cited.start()] + remainder[cited.end() :]
        remainder = re.sub(r"\.\s*\.(?=\s|$)", ".", remainder)  # `Site. (Accessed: …).` leaves `Site. .`
    return _MULTISPACE.sub(" ", remainder).strip(" ;,"), ids


def _url_as_written(token: str) -> str:
    """The URL in a token, unchanged: sentence punctuation and a bracket around it go, a bracket that belongs
    to it stays (``…/wiki/Sciatica_(disorder)``, ``…/pii/S0140-6736(18)30480-X``)."""
    url = token.lstrip("<([")
    while url and url[-1] in ".,;:>)]":
        last = url[-1]
        if last == ")" and url.count("(") >= url.count(")"):
            break
        if last == "]" and url.count("[") >= url.count("]"):
            break
        url = url[:-1]
    return url


# --- structure ----------------------------------------------------------------------------------------------

_DASH_RUN = r"(?:--|[-‐‑‒–—−])"
_PAGE = r"[A-Za-z]{0,2}\d+[A-Za-z]?"
_PAGES = rf"{_PAGE}(?:\s*{_DASH_RUN}\s*{_PAGE})?"
# An APA head (authors and year) of a line that starts a new reference lies within this many characters; 200
# covers six authors with initials, which is as far as a line in an unnumbered list needs to be believed.
_APA_HEAD_MAX = 200
# APA: `(2017).`, `(2017a)`, `(2017, March 3)`, `(n.d.)` right after the authors.
_APA_YEAR = re.compile(
    r"\(\s*(?:(?:\d{1,2}\s+)?(?:[A-Z][a-z]{2,8}\.?\s+)(?:\d{1,2},?\s+)?)?"  # Wikipedia: `(August 2014)`
    r"(?:(?P<year>(?:1[6-9]|20)\d{2})[a-z]?(?:-\d{2}(?:-\d{2})?)?(?:,[^)]{0,40})?"  # `(2016-02-29)`
    r"|(?P<nd>(?:n\.\s?d\.|no\s+date)(?:\s*-?\s*[a-z])?))"
    r"\s*\)\.?"
)
# APA journal tail: `Journal, 47(3), 133–149.` / `Journal, 17(8), 348.` / `Journal, 12, Article e1205.`
# PLoS's and many publishers' own "cite this" lines leave out the comma after the journal (`Title. PLoS
# ONE 10(2): e0117146.`, `Title. Journal 62(3), 170–181.`): without a comma the volume must be followed by
# an issue or pages, so a number inside a title is not taken for a volume; Cell's `Journal 2, 6–10.` (a comma
# between volume and pages, no issue) only where the reference ends.
_APA_TAIL_TEXT = rf"""^(?P<head>.+?)
        (?:,\s*|\s+(?=[A-Za-z]?\d+[A-Za-z]?\s*(?:\([^)]{{1,20}}\)\s*[:,.]?|:)\s*[A-Za-z]{{0,2}}\d)
          |\s+(?=[A-Za-z]?\d+[A-Za-z]?,\s*{_PAGES}\s*\.?\s*$))  # Cell: `Nat. Hum. Behav. 2, 6–10.` at the end
        (?P<volume>[A-Za-z]?\d+[A-Za-z]?)(?=\s*[(,.:]|\s*$)
        \s*(?:\((?P<issue>[^)]{{1,20}})\))?
        (?:\s*[,:]\s*(?:(?:pp?\.|Article)\s*)?(?P<pages>{_PAGES})(?![\w–-]))?\s*\.?\s*"""
# First try with nothing after the locator (identifiers were already taken out), then allow trailing text.
_APA_TAIL = re.compile(_APA_TAIL_TEXT + "(?P<rest>)$", re.VERBOSE)
_APA_TAIL_LOOSE = re.compile(_APA_TAIL_TEXT + r"(?P<rest>(?<=[.\s]).*|)$", re.VERBOSE)
# Vancouver date and locator: `2002;83(3):295-301`, `2002 Mar;83(3):295-301`, `2023 Jan 5;12(3):1205`,
# `2019;:e123`, `2017:1-10`.
_MONTHS = "|".join(name[:3].lower() for name in MONTH_NAMES)
_VANCOUVER_DATE = re.compile(
    rf"""(?<![\d(])(?P<year>(?:1[6-9]|20)\d{{2}})
        (?:\s+(?P<month>(?:{_MONTHS})[a-z]*\.?(?:\s*{_DASH_RUN}\s*(?:{_MONTHS})[a-z]*\.?)?)(?:\s+\d{{1,2}})?)?
        (?:
            \s*;\s*(?P<volume>[A-Za-z]?\d+[A-Za-z]?)?\s*(?:\((?P<issue>[^)]{{1,20}})\))?(?:\s*:\s*(?P<pages>{_PAGES}))?
          | \s*:\s*(?P<pages_only>{_PAGES})
          # BioMed Central: `J Hosp Infect 2019, 101(1):12-19.`
          | ,\s*(?P<bmc_volume>[A-Za-z]?\d+[A-Za-z]?)\s*(?:\((?P<bmc_issue>[^)]{{1,20}})\))?
            \s*:\s*(?P<bmc_pages>{_PAGES})
          | (?(month)(?=\.(?:\s|$))|(?!))  # PubMed's ahead-of-print `Physiotherapy. 2016 Feb 1. pii: …`
        )""",
    re.VERBOSE | re.IGNORECASE,
)
# Harvard: `Snodgrass, S., 2017. Title` / `Snodgrass S 2017, Title`: the first year, right after the names.
_HARVARD_YEAR = re.compile(r"(?<=[\w.]),?\s+(?P<year>(?:1[6-9]|20)\d{2})[a-z]?[.,](?=\s)(?P<nd>(?!))?")
_SENTENCE_BREAK = re.compile(r"(?<=[.?!])\s+")
# A one-word abbreviation such as `J.`, `Clin.`, `Phys.`: a journal written with periods.
_ABBREVIATION = re.compile(r"^[A-Z][a-z]{0,7}\.$")
# Words of a journal's name ending in an abbreviation (`Bone Miner.` in `J. Bone Miner. Res.`, `Child
# Adolesc.` in `Eur. Child Adolesc. Psychiatry`): up to three capitalised words; part of the journal only
# next to a one-word abbreviation (after it or before it), so a title's last words (`A Review.`) stay.
_ABBREVIATED_WORDS = re.compile(r"^(?:[A-Z][a-z]{0,11}\s){1,2}[A-Z][a-z]{0,7}\.$")
# ISO 4 abbreviates some words of a journal's name and keeps others whole, so an abbreviated word can be
# followed by whole ones: `Lancet Glob. Health`, `Lancet Reg. Health Southeast Asia`, `Int. J. Public
# Health`. After a sentence of whole words ending in an abbreviation of three letters or more (`Lancet
# Reg.`), a last sentence of a few capitalised words and nothing else goes on with the same journal.
_WHOLE_WORD_THEN_ABBREVIATION = re.compile(r"^(?:[A-Z][a-z]{0,11}\s){1,2}[A-Z][a-z]{2,7}\.$")
_JOURNAL_WORDS = re.compile(r"^[A-Z][A-Za-z-]*(?:\s(?:[A-Z][A-Za-z-]*|&))*$")
# Where a Vancouver author list ends: `… Meeus M.`, `… et al.`, `… Rodine R.`
_VANCOUVER_AUTHORS_END = re.compile(
    r"(?:\b[A-Z]{1,4}|\b[A-Z](?:-[A-Za-z]){1,2}|\bet\s+al|\bJr|\b[A-Z]\.|\b[А-ЯЁ]\.\s?[А-ЯЁ])\.(?=\s|$)"
    r"|(?<=\s)[A-Z]{1,4}:(?=\s)"  # BioMed Central closes the list with a colon: `Osei K, Lind T: Title.`
)  # (the last: a Cyrillic name's two initials, `Иванов И. И.`)
# APA's book note after the title: `(2nd ed.)`, `(Rev. ed.)`, `(Vol. 2)`, `(2nd ed., Vol. 1)`, `(Vols. 1–3)`.
_EDITION = re.compile(
    r"\(\s*(?=[^)]*\b(?:ed|vols?)\.)"
    r"(?:(?P<edition>(?:\d+(?:st|nd|rd|th)?|rev\.?|revised)\s+ed\.?)\s*,?\s*)?"
    r"(?:vols?\.\s*(?P<volume>[\dIVXivx]+(?:\s*[–-]\s*[\dIVXivx]+)?))?\s*\)",
    re.IGNORECASE,
)
_CHAPTER = re.compile(
    r"^(?P<title>.+?[.?!])\s+In\s+(?P<editors>.+?)\s*\(Eds?\.\),\s*(?P<book>.+?)"
    rf"(?:\s*\((?:(?P<edition>[^,()]{{1,20}}\s+ed\.),\s*)?(?:Vol\.\s*(?P<volume>[\w–-]+),\s*)?(?:pp?\.\s*)?"
    rf"(?P<pages>{_PAGES})\))?\.\s*(?P<publisher>.*)$"
)


@dataclass
class _Parsed:
    """What one block yielded, before keys are assigned."""

    block: _Block
    raw: str
    style: _Style
    authors: tuple[Person, ...] = ()
    year: int | None = None
    month: int | None = None
    title: str | None = None
    container_title: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    type: str = "article-journal"
    leftover: str = ""
    ids: _Identifiers = field(default_factory=_Identifiers)
    too_long: bool = False
    editors: tuple[Person, ...] = ()
    epub: str | None = None
    extra: dict[str, str] = field(default_factory=dict)  # more fields as printed (edition)
    undated: bool = False  # APA's `(n.d.)`: no year, and the reference says so
    author_text: str = ""  # the author list as written, for a ditto mark in the next reference


def _parse_block(block: _Block, raw: str, previous_authors: str = "") -> _Parsed:
    """One reference's fields. ``previous_authors`` is the author list of the reference before, which a
    ditto mark at the start of this one (``——, 2011:``) stands for."""
    if len(raw) > MAX_REFERENCE_CHARS:
        return _Parsed(block, raw, "unparsed", too_long=True)
    lines = _unwrap_reference_link(block.lines)
    first_line = _strip_labels(lines[0], block.label)
    # looked for before Markdown is stripped, which would take `___` for emphasis
    ditto = _DITTO.match(first_line) if previous_authors else None
    text = _join_lines([first_line[ditto.end() :] if ditto else first_line, *lines[1:]])
    if ditto:
        rest = text.lstrip()
        text = previous_authors.rstrip(" ,:;") + ("" if rest[:1] in ".,:;" else " ") + rest
    text, wiki_notes = _take_wikipedia_notes(text)
    text, ids = _take_identifiers(text)
    if wiki_notes.get("pmcid") and not ids.pmcid:
        ids.pmcid = wiki_notes.pop("pmcid")
        ids.pmcids = [ids.pmcid]
    if wiki_notes.get("accessed") and not ids.cited:
        ids.cited = wiki_notes.pop("accessed")
    parsed = (
        _parse_quoted_first(text)
        or _parse_quoted_title(text)
        or _parse_gbt7714(text)
        or _parse_initials_first(text)
        or _parse_labelled_locators(text)
        or _parse_sciencedirect_export(text)
        or _parse_names_title_year(text)
        or _parse_apa(text)
        or _parse_vancouver(text)
        or _parse_apa(text, _HARVARD_YEAR)
        or _parse_apa(text, _AMS_YEAR)
        or _parse_names_title_imprint(text)
        or _parse_organisation_title(text, internet=ids.internet)
        or _parse_undated(text, web=bool(ids.urls))
        or _parse_authors_title_rest(text)
        or _parse_given_names_title_rest(text)
        or (_parse_titled_web_page(text) if ids.urls or ids.cited else None)
        or (_parse_title_then_body(text) if ids.urls or ids.cited else None)
        or (_parse_link_title(text) if ids.urls else None)
        or _parse_numbered_document(text)
        or _parse_legal_act(text)
        or _Parsed(block, raw, "unparsed")
    )
    parsed.block, parsed.raw, parsed.ids = block, raw, ids
    _organisation_read_as_a_person(parsed)
    _drop_version_sentence(parsed)
    if parsed.style == "unparsed":
        parsed.type = "document"  # nothing says what the work is
        # a number between slashes (`SCCS/1622/20`) is part of a document's number, not a year
        year = next((y for y in _YEAR_ANYWHERE.finditer(text) if not _in_document_number(text, y)), None)
        if year and year.group(0)[0].isdigit():
            parsed.year = int(year.group(0))
        parsed.leftover = text
    no_container = not parsed.container_title and not parsed.volume
    web = ids.internet or (
        ids.urls and (parsed.type == "article-journal" or (parsed.type == "book" and not parsed.publisher))
    )
    if parsed.type in ("article-journal", "book") and no_container and parsed.style != "unparsed" and web:
        parsed.type = "webpage"
    if (
        parsed.type == "book"
        and parsed.style == "apa"
        and ids.urls
        and not (ids.dois or ids.isbns or ids.internet or parsed.extra.get("edition"))
    ):
        # APA 7 and Harvard web pages: `Title. Site Name. URL` — with a link and no edition, DOI or ISBN the
        # sentence after the title names the site, not a publisher; but `Washington, DC: IFIC Foundation.`
        # names a place and a publisher: a report put on the web
        if _PLACE_PUBLISHER.match(parsed.publisher or ""):
            parsed.type = "report"
        else:
            parsed.type, parsed.container_title, parsed.publisher = "webpage", parsed.publisher, None

    if ids.cited:
        parsed.extra["accessed"] = ids.cited
    if ids.published:
        parsed.extra["published"] = ids.published
        year = _YEAR.search(ids.published)
        if parsed.year is None and year and parsed.style != "unparsed":
            parsed.year = int(year.group(0))
    if ids.issn:
        parsed.extra["issn"] = ids.issn
    _journal_read_as_publisher(parsed, ids)
    _site_after_online(parsed, ids)
    _tidy_container(parsed)
    parsed.extra.update(wiki_notes)
    _end_title_at_internet(parsed, ids.internet_title)
    _publisher_after_internet_title(parsed, ids)
    _site_from_bare_domain(parsed, ids.urls)
    if parsed.type == "webpage" and not parsed.container_title and not ids.internet:
        _title_comma_site(parsed)
    if ditto:
        parsed.extra["authors_ditto"] = ditto.group(0).strip()
    return parsed


# An organisation whose name ends in its country's abbreviation (`Cancer Research UK`, `Arthritis Society
# of New Zealand NZ`) has the shape of a family name and initials: two words or more, then the code.
_ORGANISATION_WITH_COUNTRY = re.compile(
    r"^[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|and|for|on|the|&))+\s+(?:UK|US|USA|EU|NZ|UAE)$"
)


def _organisation_read_as_a_person(parsed: _Parsed) -> None:
    """One author read as a family name and initials that is an organisation: its name ends in a country
    code (:data:`_ORGANISATION_WITH_COUNTRY`), or it publishes the work itself, its whole name printed again
    as the publisher (NLM's `Diabetes UK. Title [Internet]. London: Diabetes UK; 2019.`)."""
    if len(parsed.authors) != 1 or parsed.authors[0].family is None or not parsed.authors[0].given:
        return
    name = _MULTISPACE.sub(" ", parsed.author_text.strip().rstrip(".:,").strip())
    publisher = (parsed.publisher or "").strip(" .")
    if _ORGANISATION_WITH_COUNTRY.match(name) or (len(name) > 3 and publisher == name):
        parsed.authors = (Person(literal=name),)


# `London: NHS England`, `Washington, DC: IFIC Foundation`, `Treasure Island (FL): StatPearls Publishing`:
# a place of publication (a few capitalised words, a state) and a publisher.
_PLACE_PUBLISHER = re.compile(
    r"^(?:[A-Z][\w'’.-]*(?:,?\s+[A-Z][\w'’.-]*){0,3})(?:\s*\([A-Z]{2,3}\))?:\s+[A-Z0-9]\S*"
)


def _in_document_number(text: str, match: re.Match[str]) -> bool:
    # `SCCS/1622/20`: between two slashes. `Retrieved 12/2023` is a date, `2022/1176` (EU) is dated 2022.
    return text[match.start() - 1 : match.start()] == "/" and text[match.end() : match.end() + 1] == "/"


# Harvard (Cite Them Right) web page: `What is a honeypot in cybersecurity?, CrowdStrike.` — the site after
# the title's last comma: a few words, each capitalised (or a symbol).
_COMMA_SITE = re.compile(r"^(?P<title>.+?),\s+(?P<site>(?:[A-Z0-9/][^\s,]*)(?:\s+[A-Z0-9&|][^\s,]*){0,4})$")


def _title_comma_site(parsed: _Parsed) -> None:
    found = _COMMA_SITE.match(parsed.title or "")
    if found is None:
        return
    parsed.title = found.group("title").strip()
    site = found.group("site").strip(" .")
    parsed.container_title = site if any(ch.isalpha() for ch in site) else None


def _site_from_bare_domain(parsed: _Parsed, urls: Sequence[str]) -> None:
    """Wikipedia names a web page's site by its domain (`"Title". www.medicalnewstoday.com. 2017-12-07.`): the
    domain, taken out as a URL, is the site; a date read in its place is the page's date."""
    if parsed.type != "webpage" or parsed.style != "quoted":
        return
    domain = next((u for u in urls if re.fullmatch(r"www\.[^/\s]+\.[a-z]{2,}", u)), None)
    container = parsed.container_title or ""
    if domain is None or (container and not re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", container)):
        return
    if container and parsed.year is None:
        parsed.year = int(container[:4])
    parsed.container_title = domain


def _end_title_at_internet(parsed: _Parsed, internet_title: str | None) -> None:
    """NLM marks a web resource with ``[Internet]`` right after its title: ``Tropicos.org [Internet]. Missouri
    Botanical Garden, St. Louis, MO, USA.`` — what follows is the publisher, not more title."""
    if not internet_title or not parsed.title:
        return
    title = _clean_title(internet_title)
    if title and parsed.title != title and parsed.title.startswith(title + "."):
        rest = parsed.title[len(title) + 1 :].strip()
        parsed.title = title
        parsed.publisher = parsed.publisher or rest or None


# Where a reference was found, not where it was published: `… Role of probiotics. PubMed. 2014.`
_DATABASE = re.compile(
    r"PubMed(?:\s+Central)?|PMC|Europe\s+PMC|MEDLINE|Google\s+Scholar|ResearchGate|Semantic\s+Scholar",
    re.IGNORECASE,
)


def _site_after_online(parsed: _Parsed, ids: _Identifiers) -> None:
    """Harvard: ``Lovell, T. (2025). Title. [online] Digital Health. Available at: URL [Accessed …].`` — the
    sentence after ``[online]`` names the site; written as a bare domain (``[online] www.england.nhs.uk.``)
    it was taken out as a link and is read back from there."""
    if not ids.harvard_online or parsed.style != "apa" or parsed.container_title or parsed.volume:
        return
    after = _ACCESSED_SENTENCE.sub("", _CITED.sub("", ids.after_internet))
    site = (_sentences(after)[:1] or [""])[0].strip(" .,;")
    if not site or site.startswith("[") or _PLACE_PUBLISHER.match(site):
        site = ""
    if not site:
        site = next((u for u in ids.urls if re.fullmatch(r"www\.[^/\s]+\.[a-z]{2,}", u)), "")
    if not site or _LINK_INTRO.search(site + ":"):
        return
    if parsed.title and parsed.title.endswith(". " + site):  # the site was read as the title's last sentence
        parsed.title = parsed.title[: -len(site) - 2]
    parsed.container_title = site
    if parsed.publisher == site:
        parsed.publisher = None
    if parsed.type in ("book", "article-journal", "document"):
        parsed.type = "webpage"


def _journal_read_as_publisher(parsed: _Parsed, ids: _Identifiers) -> None:
    """``Woodley SJ et al. (2020). Title. Cochrane Database of Systematic Reviews.``: with no volume the
    reference reads like a book, but a last sentence that names a journal (and no press, place, edition or
    ISBN) is where the article appeared."""
    publisher = parsed.publisher or ""
    if parsed.type != "book" or parsed.container_title or not publisher or ids.isbns:
        return
    if parsed.extra.get("edition") or _PLACE_PUBLISHER.match(publisher) or not _has_journal_cues(publisher):
        return
    if re.search(r"\b(?:press|publish\w*|books?|annual\s+reviews)\b", publisher, re.IGNORECASE):
        return
    parsed.type, parsed.container_title, parsed.publisher = "article-journal", publisher, None


def _tidy_container(parsed: _Parsed) -> None:
    """A database named where a journal goes is not the journal; NLM's ``In: StatPearls [Internet]. Treasure
    Island (FL): StatPearls Publishing; 2022 Jan.`` ends the book's name before its place and publisher."""
    container = parsed.container_title
    if not container:
        return
    if _DATABASE.fullmatch(container):
        parsed.extra["database"] = container
        parsed.container_title = None
        return
    head, dot, last = container.rpartition(". ")
    if dot and head and _PLACE_PUBLISHER.match(last):
        parsed.container_title = head
        parsed.publisher = parsed.publisher or last


def _publisher_after_internet_title(parsed: _Parsed, ids: _Identifiers) -> None:
    """NLM's web resource: ``Ogbonna KE. identifiability_results.json [Internet]. Thesis #5 / GitHub; 2026 Sep
    21 [cited …].`` — when ``[Internet]`` follows the title (not a journal's name, as in ``J Med Internet Res
    [Internet]. 2020;22(5):e1``), what comes before the date publishes the page: it is not a journal."""
    if not (ids.internet and ids.internet_title and parsed.container_title and parsed.title):
        return
    if parsed.volume or parsed.issue or parsed.pages or _clean_title(ids.internet_title) != parsed.title:
        return
    container = parsed.container_title
    published = re.search(re.escape(container) + r"\s*;", parsed.raw) or _CORPORATE_WORDS.search(container)
    if not (published or _LOWER_RUN.search(container)):
        # NLM's publisher is followed by `; date` or is an organisation (`National Cancer Institute. 2018.`),
        # and a description of the work (`Thesis #2 working manuscript. 20 September 2026`) reads as prose; a
        # site's name (`Spine-health. 2021`) is none of these
        return
    parsed.publisher = parsed.publisher or parsed.container_title
    parsed.container_title = None
    parsed.type = "webpage"


# A version number printed as a sentence of its own after a title (`… instrument. 2.1.`).
_VERSION_SENTENCE = re.compile(r"\.\s+(?:(?:version|ver\.|v)\s*)?(?P<version>\d+(?:\.\d+)+)$", re.IGNORECASE)


def _drop_version_sentence(parsed: _Parsed) -> None:
    """``EQ-5D-5L User guide: … instrument. 2.1.``: the version is kept in ``fields["version"]``."""
    found = _VERSION_SENTENCE.search(parsed.title or "")
    if found and parsed.title:
        parsed.extra["version"] = found.group("version")
        parsed.title = parsed.title[: found.start()].strip() or None
    version = _VERSION_SENTENCE.search(". " + (parsed.publisher or ""))
    if version and version.start() == 0:  # read as the publisher of a book: it is the title's version
        parsed.extra["version"] = version.group("version")
        parsed.publisher = None


# MLA, Chicago and IEEE put the title in quotation marks right after the authors (Chicago author-date has
# the year between): `Emanuel, Kerry. “Title.” Journal 3.4 (2011): 261–268.`, `K. Emanuel, “Title,” Nature,
# vol. 436, no. 7051, pp. 686–688, 2005.` The quotes are what tells these styles apart from APA and Vancouver.
_QUOTED_TITLE = re.compile(
    r"""^(?P<authors>[^“”"(]{2,300}?)[.,]?\s+
        (?:(?P<year>(?:1[6-9]|20)\d{2})[a-z]?\.\s+)?
        [“"](?P<title>[^“”"]{3,600}?)[”"][.,]?\s*(?P<rest>.*)$""",
    re.VERBOSE,
)
_YEAR = re.compile(r"(?<!\d)(?:1[6-9]|20)\d{2}(?!\d)")
# Where the container's name ends and its locators begin: `, vol.`, `, no.`, `, pp.`, `, 2011`, ` 3.4 (`,
# ` 3, no.`, ` 3 (4)`, ` (2011)`.
_CONTAINER_END = re.compile(
    r"""(?:(?:^|,\s*)[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+(?:1[6-9]|20)\d{2}\b  # IEEE's `July 18, 2018,`
      | ,\s*\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+(?:1[6-9]|20)\d{2}\b  # MLA's `, 12 Mar. 2020,`
      | ,\s*\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s*$  # MLA's date cut short: `, 2 Aug.` (no year)
      | ^(?:1[6-9]|20)\d{2}(?=,)  # IEEE's preprint: `"Title," 2021, arXiv:2101.01234.` (no container)
      | \s+vols?\.\s*\d  # PubMed's MLA export: `Current pain and headache reports vol. 23,3 23.`
      | ,\s*(?:vols?\.|no\.|nos\.|pp?\.|(?:[A-Z][a-z]{2,8}\.?\s+)?(?:\d{1,2}\s+)?(?:1[6-9]|20)\d{2}\b
          |(?:edited|translated|compiled|directed)\s+by\b|version\b)
      | \s+[A-Za-z]?\d+[A-Za-z]?(?:\.\d+)?\s*(?:,\s*no\.|\(|:|,|\.?$)
      | \s*\((?:[A-Za-z]+\.?\s+)?(?:1[6-9]|20)\d{2}\))""",
    re.VERBOSE,
)
_MONTH_BEFORE_YEAR = re.compile(
    r"\b(?P<month>[A-Z][a-z]{2,8})\.?\s+(?:\d{1,2},\s+)?(?P<year>(?:1[6-9]|20)\d{2})\b"
)
_LEADING_YEAR = re.compile(r"^\s*,\s*(?:1[6-9]|20)\d{2}\s*,")
_PAGES_BEFORE_YEAR = re.compile(rf",\s*({_PAGES})\s*\((?:1[6-9]|20)\d{{2}}\)\.?\s*$")
_LABELLED_VOLUME = re.compile(r"\bvol\.\s*([A-Za-z]?\d+[A-Za-z]?)", re.IGNORECASE)
_LABELLED_ISSUE = re.compile(r"\bno\.\s*(\d+[A-Za-z]?(?:\s*[-–]\s*\d+)?)", re.IGNORECASE)
_LABELLED_PAGES = re.compile(rf"\bpp?\.\s*({_PAGES})")
# Old MLA `3.4 (2011): 261–268`; Chicago `3, no. 4 (2011): 261–68` and author-date `3 (4): 261–68`.
_BARE_VOLUME = re.compile(
    r"^\s*([A-Za-z]?\d+[A-Za-z]?)(?:\.(\d+[A-Za-z]?))?(?:\s*\((\d+[A-Za-z]?)\))?(?=\s*[(,:]|\s*$)"
)
_COLON_PAGES = re.compile(rf":\s*({_PAGES})(?![\w–-])")
_NAME_WORD = re.compile(rf"^(?:[A-Z][\w'’\-.]*|(?:{_PARTICLE_WORDS})|[A-Z]\.(?:-?[A-Z]\.)*)$")


def _has_quote(text: str) -> bool:
    # most references hold no quotation mark: skip the quoted-title pattern for them
    return '"' in text or "“" in text


def _looks_like_name_list(text: str) -> bool:
    """``Emanuel, Kerry``, ``Emanuel, Kerry, and John Smith``, ``K. Emanuel, J. A. Smith and B. Jones``.

    Combining accents are looked through (pandoc's citeproc writes Díaz as ``Dı́az``, a dotless i and a
    combining acute, which no precomposed letter stands for), and a particle is not counted as a word, so
    ``Mark J van der Laan`` is a name of three words, not five."""
    text = _COMBINING.sub("", text)
    text = re.sub(r",?\s*(?:&|\band\b)\s+", ", ", _ET_AL_TEXT.sub("", text)).strip(" .,")
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    if not pieces or len(pieces) > 40:
        return False
    return all(
        len([w for w in piece.split() if not _PARTICLE_ONLY.fullmatch(w)]) <= 4
        and all(_NAME_WORD.match(word) for word in piece.split())
        for piece in pieces
    )


_COMBINING = re.compile("[\u0300-\u036f]")
_PARTICLE_ONLY = re.compile(_PARTICLE_WORDS)


_IEEE_EDITORS = re.compile(r"^,\s*(?P<editors>[^,]+(?:,\s*(?:and\s+)?[^,]+)*?),?\s+Eds?\.\s*(?P<rest>.*)$")
_PLACE_PUBLISHER_YEAR = re.compile(
    r"^(?P<place>[A-Z][^:,]{1,60}(?:,\s*[A-Z]{2,})?):\s*(?P<publisher>[^,]+(?:\([^)]*\))?)"
    r",\s*(?:[A-Z][a-z]{2}\.?\s+)?(?:1[6-9]|20)\d{2}"
)


def _parse_quoted_title(text: str) -> _Parsed | None:
    """MLA, Chicago (notes-bibliography and author-date) and IEEE: a title in quotation marks."""
    text = _NICKNAME.sub("", text)
    match = _QUOTED_TITLE.match(text) if _has_quote(text) else None
    if not match:
        return None
    # WebMD's `Mayo Clinic: "Back pain."`: a colon after the author
    author_text = match.group("authors").strip().removesuffix(":").strip()
    if not (_looks_like_name_list(author_text) or _corporate_name(author_text)):
        return None
    parsed = _Parsed(_placeholder_block(), "", "quoted", author_text=author_text)
    parsed.authors = _parse_quoted_style_authors(author_text)
    parsed.title = match.group("title").strip().rstrip(",.").strip() or None
    return _after_quoted_title(parsed, match.group("rest").strip(), match.group("year"))


# Family names alone, as a design note or slide lists its sources (`Benedict and Zgaljardic.`, `Mislevy,
# Almond, and Lukas.`, `Köhler et al.`, `AERA, APA, and NCME.`): one or two capitalised words each, never
# initials after a name (`Smith JA.` is Vancouver's).
_FAMILY_ONLY = r"[A-Z][\w'’\-]+(?:\s(?![A-Z]{1,3}\b)[A-Z][\w'’\-]+)?"
_NAMES_TITLE_YEAR = re.compile(
    rf"""^(?P<authors>{_FAMILY_ONLY}(?:,\s+{_FAMILY_ONLY})*(?:,?\s+(?:and|&)\s+{_FAMILY_ONLY})?(?:\s+et\s+al)?)\.
    \s+(?P<title>(?:(?!\.\s)[^()])*?[^\s.])\.?\s+\((?P<year>(?:1[6-9]|20)\d{{2}})[a-z]?\)\.?$""",
    re.VERBOSE,
)


def _parse_names_title_year(text: str) -> _Parsed | None:
    """``Names. Title (Year).``: family names, a title with no full stop inside it, the year in brackets at
    the end and nothing else but identifiers (taken out already): ``Benedict and Zgaljardic. Alternate forms
    and practice effects (1998). DOI: …``. No journal is printed, so none is read."""
    match = _NAMES_TITLE_YEAR.match(text.strip())
    if match is None:
        return None
    parsed = _Parsed(_placeholder_block(), "", "apa", author_text=match.group("authors"))
    names = _ET_AL_TEXT.sub("", match.group("authors"))
    pieces = [p.strip() for p in re.split(r",?\s+(?:and|&)\s+|,\s+", names) if p.strip()]
    # an acronym (`AERA`, `NCME`) is a body's name, not a family name
    persons = [Person(literal=p) if p.isupper() else _with_particle(Person(family=p)) for p in pieces]
    parsed.authors = (*persons, ET_AL) if _ET_AL_TEXT.search(match.group("authors")) else tuple(persons)
    title = match.group("title").strip()
    italic = _EMPHASISED_WHOLE.fullmatch(title)
    parsed.title = italic.group(1).strip() if italic else title
    parsed.year = int(match.group("year"))
    parsed.type = "book" if italic else "document"
    return parsed


_EMPHASISED_WHOLE = re.compile(r"[*_]{1,2}([^*_]+)[*_]{1,2}")


def _after_quoted_title(parsed: _Parsed, rest: str, year: str | None) -> _Parsed:
    """What follows a quoted title in MLA, Chicago and IEEE: the container, its publisher and locators."""
    venue = _VENUE_YEAR.match(rest)
    if venue is not None and not _NOT_A_VENUE.match(venue.group("venue")):
        # computing's `“Title” (CHI 2024).` / `(Findings of ACL 2026)`: the venue and its year in brackets
        parsed.container_title, parsed.year = venue.group("venue"), int(venue.group("year"))
        parsed.type = "paper-conference"
        return parsed
    end = _CONTAINER_END.search(rest)
    if rest.lower().startswith("in ") and "," in rest:
        # IEEE's `in Proc. CT-RSA 2019, San Francisco, CA, USA, Mar. 2019, pp. 83-105`: the proceedings'
        # name runs to the first comma, a year in it included
        end = re.compile(",").search(rest)
    container = (rest[: end.start()] if end else rest).strip(" ,.") or None
    locators = rest[end.start() :] if end else ""
    if container and container.lower().startswith("in "):
        parsed.type = "paper-conference"
        container = container[3:].strip()
        chapter = _IEEE_EDITORS.match(locators)
        if chapter is not None:
            # IEEE's chapter: `in *Book*, R. G. Hughes, Ed. Rockville (MD): Publisher, 2008.`
            parsed.type = "chapter"
            parsed.editors = _parse_given_first(chapter.group("editors"))
            imprint = _PLACE_PUBLISHER_YEAR.match(chapter.group("rest"))
            if imprint is not None:
                parsed.publisher = imprint.group("publisher").strip()
                parsed.extra["publisher_place"] = imprint.group("place").strip()
    elif container and ", " in container:
        # MLA names the publisher after the container when they differ: `*ClinVar*, National Center for
        # Biotechnology Information,`, `*Ward Notes*, Riverside Health Press,`, and without italics `Mayo
        # Clinic, Mayo Foundation for Medical Education and Research, 22 Nov. 2019,` (the date and locators
        # are cut off already): what follows the container's first comma is a name, not more of the container
        name, _, publisher = container.partition(", ")
        # but a name written with a serial comma is one name (`Weather, Climate, and Society`)
        serial = re.search(r",\s*(?:and|&)\s", container) is not None
        if not serial and _MLA_PUBLISHER.fullmatch(publisher.strip()):
            container, parsed.publisher = name.strip(), publisher.strip()
    if container and _GENRE.fullmatch(container):
        # IEEE's `"Title," GitHub repository, 2024.` / `Technical Report` / `White Paper`: what the work
        # is, not where it appeared
        parsed.extra["genre"] = container
        lowered = container.lower()
        parsed.type = "report" if "report" in lowered or "paper" in lowered else "software"
        container = None
    if container and _REPOSITORY.fullmatch(container):
        # IEEE's dataset form `“Title.” Zenodo, Apr. 20, 2020.`: a repository publishes the work
        parsed.publisher, parsed.type, container = container, "dataset", None
    if container is None and _ARXIV_LOCATOR.search(locators):
        # Zotero's IEEE preprint form `“Title,” July 18, 2018, arXiv: arXiv:1807.06521.`: arXiv is the
        # container, printed after the date
        container = "arXiv"
    parsed.container_title = container
    volume = _LABELLED_VOLUME.search(locators)
    issue = _LABELLED_ISSUE.search(locators)
    # `, 2019, 101(1), 12-19.`: the year first, then a bare volume (informal and Harvard-like lists)
    bare = _BARE_VOLUME.match(locators) or _BARE_VOLUME.match(_LEADING_YEAR.sub("", locators))
    parsed.volume = volume.group(1) if volume else (bare.group(1) if bare else None)
    parsed.issue = issue.group(1) if issue else (bare.group(2) or bare.group(3) if bare else None)
    pages = _LABELLED_PAGES.search(locators) or _COLON_PAGES.search(locators)
    found_year = year or next(iter(_YEAR.findall(locators)), None)
    if pages is None:
        pages = _PAGES_BEFORE_YEAR.search(locators)  # `**101**, 12 (2019).`, as Science prints it
    if pages is None:
        # MLA leaves out `pp.` for an article number (`…, 2015, e0117146.`); never take the year for pages
        last = re.search(rf"(?:^|,)\s*({_PAGES})\s*[,.]?\s*$", locators)
        if last and last.group(1) != found_year and (bare is None or last.start() > bare.end()):
            pages = last
    parsed.pages = _normalise_pages(pages.group(1)) if pages else None
    parsed.year = int(found_year) if found_year else None
    dated = _MONTH_BEFORE_YEAR.search(locators) if found_year else None
    if dated is not None and dated.group("year") == found_year:
        parsed.month = month_number(dated.group("month"))  # MLA's `22 Nov. 2019`, IEEE's `Nov. 2019`
    if container == "arXiv" and rest[: end.start() if end else 0].strip(" ,.") == "":
        # the preprint's number is not a volume or pages (`2021, arXiv:2101.01234`)
        parsed.volume = parsed.issue = parsed.pages = None
    if not container and not parsed.volume:
        parsed.type = "webpage"
    return parsed


# A venue and its year in brackets right after a quoted title: a short name starting with a capital
# (`CSCW`, `Findings of ACL`, `NeurIPS`), then the year.
_VENUE_YEAR = re.compile(
    r"^\((?P<venue>[A-Z][\w&'’.\-]*(?:\s+[\w&'’.\-]+){0,5}?)\s+(?P<year>(?:1[6-9]|20)\d{2})[a-z]?\)(?=[\s.,;]|$)"
)
# …unless the name is a date's (`(May 2014)`, `(Spring 2020)`) or a note on the date (`(Epub 2019)`).
_NOT_A_VENUE = re.compile(
    rf"(?:{'|'.join(name[:3] for name in MONTH_NAMES)})[a-z]*\.?(?:\s+\d{{1,2}},?)?$"
    r"|(?:Spring|Summer|Autumn|Fall|Winter|Epub|Published|Updated|Accessed|Retrieved|Revised|Reprinted)\b",
    re.IGNORECASE,
)
# A publisher after an MLA container: a name in capitals (`U.S. Department of Health and Human Services`,
# `Encyclopædia Britannica, Inc.`, `Oxford UP`), no digits (a digit is a locator or a date).
_MLA_PUBLISHER = re.compile(
    r"(?:[A-Z][\w.'’&-]*|of|and|for|the|on|in|de|&)(?:,?\s+(?:[A-Z][\w.'’&-]*|of|and|for|the|on|in|de|&))*\.?"
)
_PUBLISHER_WORDS = re.compile(
    r"\b(?:press|publish\w*|publications?|books|media|verlag|editions?)\b", re.IGNORECASE
)
# A nickname in brackets inside an IEEE author list (`X. (Freddie) Liu, G. Karagoz`): not part of the name.
_NICKNAME = re.compile(r"(?<=\b[A-Z]\.)\s+\([A-Z][a-z]+\)(?=\s+[A-Z])")
# Data and code repositories, which publish a work rather than contain it as a journal does.
_REPOSITORY = re.compile(
    r"Zenodo|figshare|Dryad|OSF|Open Science Framework|Mendeley Data|(?:Harvard\s+)?Dataverse|GitHub|GitLab",
    re.IGNORECASE,
)
_ARXIV_LOCATOR = re.compile(r"\barXiv:\s*(?:arXiv:)?\d{4}\.\d{4,5}", re.IGNORECASE)
_ONE_VANCOUVER_NAME = re.compile(r"[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)*\s[A-Z]{1,3}")
_VANCOUVER_FAMILY_INITIALS = re.compile(r"^[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)*\s[A-Z]{1,4}$")
_GENRE = re.compile(
    r"(?:GitHub|GitLab|software|code)\s+repository|(?:technical\s+|research\s+)?report|white\s+paper"
    r"|(?:PhD\s+|doctoral\s+|master'?s\s+)?(?:thesis|dissertation)|software|data\s*set|preprint",
    re.IGNORECASE,
)


def _parse_quoted_style_authors(text: str) -> tuple[Person, ...]:
    """IEEE writes every name given name first (``K. Emanuel``); MLA and Chicago invert only the first
    (``Emanuel, Kerry, and John Smith``). A name with neither a comma nor an initial (``Microsoft SEAL``,
    ``Gaia Collaboration, et al.``) is therefore an organisation: these styles invert or initial a person."""
    text = text.strip().rstrip(".")
    corporate = _corporate_name(text)
    if corporate:
        return (Person(literal=corporate),)
    bare = _ET_AL_TEXT.sub("", text).strip(" ,.")
    pieces = bare.split(",")
    if len(pieces) >= 2 and all(_VANCOUVER_FAMILY_INITIALS.match(piece.strip()) for piece in pieces):
        return _parse_authors(text)[0]  # Wikipedia's `Benner KW, Spellen S, Jeske A. "Title".`
    if len(pieces) == 1 and _ONE_VANCOUVER_NAME.fullmatch(bare):
        # one Vancouver name before a quoted title (`Krokidi KM et al. "Title". PCCP 22 (2020) 18044`,
        # `Bonda C. "Title" in *Book*`): family name first. Up to three initials, so an organisation written
        # with an acronym (`Microsoft SEAL`) stays whole.
        return _parse_authors(text)[0]
    if (
        bare
        and "," not in bare
        and not re.search(r"(?:&|\band\b)", bare)
        and not _INITIALS_ANYWHERE.search(f" {bare} ")
    ):
        return (Person(literal=bare), ET_AL) if bare != text.strip(" ,.") else (Person(literal=bare),)
    if re.match(r"^[A-Z]\.", text) or _all_given_first(bare):
        return _parse_given_first(text)
    first = re.match(r"^(?P<family>[^,]+),\s*(?P<given>[^,]+?)(?:,\s*(?P<rest>.*))?$", text)
    if not first or _ET_AL_TEXT.fullmatch(first.group("given")):
        return _parse_given_first(text)
    persons = [
        _with_particle(Person(family=first.group("family").strip(), given=first.group("given").strip()))
    ]
    rest = first.group("rest")
    if rest:
        rest = re.sub(r"^\s*(?:and|&)\s+", "", rest)
        persons.extend(_parse_given_first(rest))
    return tuple(persons)


def _all_given_first(names: str) -> bool:
    """``Anne Cori, Neil M Ferguson, and Simon Cauchemez``: every name written given name first (Chicago as
    some tools print it), told from ``Emanuel, Kerry, and John Smith`` (the first name inverted) by its first
    two pieces: two full names, the second ending in a family name rather than an initial (``Rio Frio, Mark
    J`` is a family name and its given names)."""
    pieces = [p.strip() for p in re.sub(r",?\s*(?:&|\band\b)\s+", ", ", names).split(",") if p.strip()]
    if len(pieces) < 2:
        return False
    words = [[w for w in piece.split() if not _PARTICLE_ONLY.fullmatch(w)] for piece in pieces[:2]]
    return all(len(w) >= 2 for w in words) and len(words[1][-1].rstrip(".")) >= 2


# --- GB/T 7714 (China's national standard) ----------------------------------------------------------------

# `Authors. Title[J]. Journal, 2022, 60(3): 1-14.`, `Authors. Title[C]//Proceedings. 2017: 2980-2988.`,
# `Authors. Title[M]. Place: Publisher, 2010.`: the bracketed letter after the title says what the work is.
_GBT_TYPE = re.compile(r"\[(?P<kind>[JCMDRNPSZAG]|EB/OL|DB/OL|J/OL|M/OL|CP/OL)\](?://|\.\s*|\s+)")
_GBT_KINDS = {"J": "article-journal", "C": "paper-conference", "M": "book", "D": "thesis", "R": "report"}
# The year of a GB/T locator: after a comma or full stop, not part of an arXiv number or a volume.
_GBT_YEAR = re.compile(r"(?:^|[,.]\s*)(?P<year>(?:1[6-9]|20)\d{2})[a-z]?(?=\s*(?:[,:;.(]|$))")


def _parse_gbt7714(text: str) -> _Parsed | None:
    """GB/T 7714 (Chinese theses and journals): a type mark in brackets right after the title."""
    mark = _GBT_TYPE.search(text)
    if mark is None:
        return None
    parsed = _vancouver_head(text[: mark.start()].strip())
    if parsed is None or not parsed.authors:
        return None
    parsed.style = "gbt7714"
    parsed.title = _clean_title(parsed.title) or None
    kind = mark.group("kind")
    parsed.type = _GBT_KINDS.get(kind, "webpage" if kind.endswith("/OL") else "document")
    rest = text[mark.end() :].strip()
    year = _GBT_YEAR.search(rest)
    if year is None:
        parsed.leftover = _clean_leftover(rest)
        return parsed
    parsed.year = int(year.group("year"))
    container = rest[: year.start()].strip(" ,.")
    if parsed.type in ("book", "report", "thesis"):
        place, _, publisher = container.partition(":")
        if publisher:
            parsed.extra["publisher_place"] = place.strip()
        parsed.publisher = (publisher or place).strip() or None
    else:
        parsed.container_title = container or None
    locator = rest[year.end() :]
    found = re.match(
        rf"\s*,?\s*(?P<volume>[A-Za-z]?\d+)?\s*(?:\((?P<issue>[^)]{{1,20}})\))?\s*(?::\s*(?P<pages>{_PAGES}))?",
        locator,
    )
    if found:
        parsed.volume = found.group("volume")
        parsed.issue = _clean_issue(found.group("issue"))
        parsed.pages = _normalise_pages(found.group("pages"))
        parsed.leftover = _clean_leftover(locator[found.end() :])
    return parsed


# --- initials first, journal volume (year) pages: Elsevier's numbered style --------------------------------

# `M. Abdellaoui, F. Vossmann, M. Weber, Title. Management Science 51 (2005) 1384–1399.`: every author with
# dotted initials before the family name, the list closed by a comma (or a full stop), then the title, then
# the journal, volume, year in brackets and pages.
_INITIALS_FIRST_NAME = rf"""(?:[A-Z]\.(?:\s?-?[A-Z]\.)*\s?)+(?:(?:{_PARTICLE_WORDS})\s+)*[A-Z][\w'’\-]+"""
_INITIALS_FIRST_HEAD = re.compile(
    rf"^(?P<authors>{_INITIALS_FIRST_NAME}(?:(?:,\s+(?:and\s+)?|,?\s+and\s+){_INITIALS_FIRST_NAME})*"
    r"(?:,?\s+et\s+al\.?)?)[,.]\s+(?P<rest>.+)$"
)
# Nature and the ACS write the family name first and the initials after it, the list closed by the last
# initial's full stop: `Pritchard, J. K., Stephens, M. & Donnelly, P. Title.` (Nature), `Benjamin, D. J.;
# Berger, J. O.; Johannesson, M. Title.` (ACS), `Benjamin, D. J. et al. Title.`; Springer's basic and LNCS
# styles close it with a colon: `Osei, K., Lind, T.: Title. J. Hosp. Infect. 101(1), 12–19 (2019)`.
_FAMILY_INITIALS_NAME = (
    rf"(?:(?:{_PARTICLE_WORDS})\s+)*[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?,\s+[A-Z]\.(?:\s?-?[A-Z]\.)*"
)
_FAMILY_INITIALS_HEAD = re.compile(
    rf"^(?P<authors>{_FAMILY_INITIALS_NAME}(?:(?:,|;)\s+(?:(?:&|and)\s+)?{_FAMILY_INITIALS_NAME})*"
    rf"(?:,?\s+(?:&|and)\s+{_FAMILY_INITIALS_NAME})?(?:,?\s+et\s+al\.)?):?\s+(?P<rest>[^\s(].+)$"
)
# natbib/ACL: `Andrew I. Schein and Lyle H. Ungar. Title. Machine Learning (2007) 68: 235–265.` — given names
# written out, the list closed by a full stop.
_FULL_NAME = rf"[A-Z][a-z]+(?:\s[A-Z]\.)*\s(?:(?:{_PARTICLE_WORDS})\s+)*[A-Z][\w'’\-]+"
_FULL_NAMES_HEAD = re.compile(
    rf"^(?P<authors>{_FULL_NAME}(?:(?:,\s+|,?\s+and\s+){_FULL_NAME})*)\.\s+(?P<rest>.+)$"
)
# The computing styles (natbib's plainnat, ACL, ACM) write every name given name first, in full, any
# letters (`Łukasz Kaiser`, `Ming-Wei Chang`, `Aidan N. Gomez`), and close the list with a full stop; ACL and
# ACM put the year after it (`… and Jian Sun. 2016. Title.`).
_ANY_FULL_NAME = (
    rf"[^\W\d_a-z][\w'’\-]+(?:\s[A-Z]\.)*(?:\s[^\W\d_a-z][\w'’\-]+)?\s(?:(?:{_PARTICLE_WORDS})\s+)*"
    r"[^\W\d_a-z][\w'’\-]+"
)
_COMPUTING_HEAD = re.compile(
    rf"^(?P<authors>{_ANY_FULL_NAME}(?:(?:,\s+|,?\s+and\s+){_ANY_FULL_NAME})*(?:,?\s+et\s+al\.?)?)\.\s+"
    r"(?:(?P<year>(?:1[6-9]|20)\d{2})[a-z]?\.\s+)?(?P<rest>.+)$"
)
_COMPUTING_IN = re.compile(
    rf"^In\s+(?P<container>.+?)(?:,\s*(?:pages|pp\.)\s*(?P<pages>{_PAGES}))?(?:,\s*(?P<year>(?:1[6-9]|20)\d{{2}}))?"
    r"(?:\.\s+(?P<rest>.*?))?\.?$"
)
_COMPUTING_ARXIV = re.compile(
    r"^(?P<container>(?:arXiv|CoRR)\b[^,]*?\d{4}\.\d{4,5}(?:v\d+)?)(?:,\s*(?P<year>(?:1[6-9]|20)\d{2}))?\.?$",
    re.IGNORECASE,
)
_COMPUTING_JOURNAL = re.compile(
    rf"^(?P<container>[^,]+?),\s*(?P<volume>\d+)(?:\((?P<issue>[^)]{{1,20}})\))?(?::\s*(?P<pages>{_PAGES}))?"
    r"(?:,\s*(?P<year>(?:1[6-9]|20)\d{2}))?\.?$"
)
_YEAR_VOLUME_PAGES = re.compile(
    rf"^(?P<head>.+?)\s+\((?P<year>(?:1[6-9]|20)\d{{2}})\)\s*(?P<volume>[A-Za-z]?\d+)\s*(?:\((?P<issue>[^)]{{1,20}})\))?"
    rf"\s*:\s*(?P<pages>{_PAGES})\.?$"
)
# Science, Nature and the physics journals: `Nat. Hum. Behav. 2, 6–10 (2018).` — volume, pages, and the year
# last in brackets; the ACS: `Nat. Hum. Behav. 2018, 2 (1), 6–10.` — the year first, after the journal.
_VOLUME_PAGES_YEAR = re.compile(
    rf"^(?P<head>.+?)\s+(?P<volume>[A-Za-z]?\d+[A-Za-z]?)\s*(?:\((?P<issue>[^)]{{1,20}})\))?,\s*"
    rf"(?P<pages>{_PAGES})\s*\((?P<year>(?:1[6-9]|20)\d{{2}})\)\.?$"
)
_YEAR_COMMA_VOLUME_PAGES = re.compile(
    rf"^(?P<head>.+?[^\W\d_]\.?),?\s+(?P<year>(?:1[6-9]|20)\d{{2}}),\s*(?P<volume>[A-Za-z]?\d+[A-Za-z]?)"
    rf"\s*(?:\((?P<issue>[^)]{{1,20}})\))?,\s*(?P<pages>{_PAGES})\.?$"
)
# Science's preprint or paper published online first: `bioRxiv [Preprint] (2020).`, `Journal (2017).` (its DOI
# already taken out): a container and the year in brackets, nothing else.
# Published online with an article number and no volume yet (Oxford journals' `ciae493`, `btaa123`): `Clin.
# Infect. Dis. ciae493 (2024).` — a lower-case run of letters and digits between the journal and the year.
_CONTAINER_YEAR = re.compile(
    r"^(?P<head>.+?)(?:\s+(?P<number>(?-i:[a-z]{1,6}\d{2,}[a-z\d]*)))?\s*(?:\[\s*preprint\s*\]\s*)?"
    r"\((?P<year>(?:1[6-9]|20)\d{2})\)[.,;]?$",
    re.IGNORECASE,
)
# Science's book: `*Title* (Publisher, City, ed. 2, 2010), pp. 3–9.`; its chapter: `in *Book*, A. Editor, Ed.
# (Publisher, 2010), vol. 2, pp. 3–9.` — the imprint in brackets, the year last in it.
_BRACKETED_IMPRINT = re.compile(
    r"^(?P<head>.+?)\s+\((?P<imprint>[^()]*?[^\W\d_][^()]*?),\s*(?P<year>(?:1[6-9]|20)\d{2})\)"
    rf"(?:,\s*vol\.\s*(?P<volume>\w+))?(?:,\s*(?:chap\.\s*\w+|pp?\.\s*(?P<pages>{_PAGES})))?\.?$"
)
# Springer's LNCS: `Title. In: Proceedings of …, pp. 12–19. Springer, Heidelberg (2019)` and with editors
# `In: Hale, T., Moss, R. (eds.) Book, pp. 3–9. Publisher, Place (2019)`.
_SPRINGER_IN = re.compile(
    r"^(?P<title>.+?[.?!])\s+In:\s+(?:(?P<editors>[^()]+?)\s+\(eds?\.\)\s+)?(?P<container>.+?),\s*pp\.\s*"
    rf"(?P<pages>{_PAGES})\.\s*(?P<publisher>[^()]+?)\s*\((?P<year>(?:1[6-9]|20)\d{{2}})\)\.?$"
)
_ORGANISATION_COMMA_HEAD = re.compile(r"^(?P<org>[^,.()]{3,120}),\s+(?P<rest>\S.+)$")
_NATURE_EDITION = re.compile(
    r",?\s+(?P<edition>(?:\d+(?:st|nd|rd|th)|rev\.?|revised)\s+edn?\.?)$", re.IGNORECASE
)
_SCIENCE_CHAPTER = re.compile(r"^in\s+(?P<book>.+?),\s+(?P<editors>[^,]+(?:,[^,]+)*?),\s+Eds?\.$")
_VOLUME_YEAR_PAGES = re.compile(
    rf"^(?P<head>.+?)\s+(?P<volume>[A-Za-z]?\d+[A-Za-z]?)\s+\((?P<year>(?:1[6-9]|20)\d{{2}})\)"
    rf"\s*(?P<pages>{_PAGES})?\.?$"
)
_IN_EDITED_BOOK = re.compile(
    rf"^(?P<title>.+?),\s+in:\s+(?P<editors>.+?)\s*\(Eds?\.\),\s*(?P<book>[^,]+),\s*(?P<publisher>.+?),"
    rf"\s*(?P<year>(?:1[6-9]|20)\d{{2}})(?:,\s*pp?\.\s*(?P<pages>{_PAGES}))?\.?$",
    re.IGNORECASE,
)
_ENDS_WITH_YEAR = re.compile(r",\s*(?P<year>(?:1[6-9]|20)\d{2})\.?$")


def _parse_initials_first(text: str) -> _Parsed | None:
    """Elsevier's numbered style: ``J.L. Pinto, Title. Journal 46 (2000) 1485–1496.``; a chapter ``Title,
    in: P.W. Glimcher, E. Fehr (Eds.), Book, Publisher, City, 2014, pp. 533–567.``; a book ending in its
    year."""
    head = _INITIALS_FIRST_HEAD.match(text)
    family_first = _FAMILY_INITIALS_HEAD.match(text) if head is None else None
    if head is None and family_first is None:
        organisation = _ORGANISATION_COMMA_HEAD.match(text)
        if organisation is not None and _corporate_name(organisation.group("org")):
            # Science's report or page by a body: `World Health Organization, Title (WHO, 2016).`; a body
            # named with its division, the whole name closed by a full stop (`United Nations Department of
            # Economic and Social Affairs, Population Division. *Title* (United Nations, 2024)`)
            org, rest = organisation.group("org").strip(), organisation.group("rest").strip()
            division = _ORGANISATION_HEAD.match(rest)
            if division is not None and _corporate_name(division.group("org")):
                org, rest = f"{org}, {division.group('org').strip()}", division.group("rest").strip()
            by_body = _Parsed(_placeholder_block(), "", "initials-first", author_text=org)
            by_body.authors = (Person(literal=org),)
            if _volume_pages_year_tail(by_body, rest):
                return by_body
        return _parse_full_names_first(text)
    if family_first is not None:
        author_text, rest = family_first.group("authors"), family_first.group("rest").strip()
        parsed = _Parsed(_placeholder_block(), "", "initials-first", author_text=author_text)
        parsed.authors = _parse_authors(author_text)[0]
        return parsed if _volume_pages_year_tail(parsed, rest) else None
    assert head is not None
    author_text, rest = head.group("authors"), head.group("rest").strip()
    parsed = _Parsed(_placeholder_block(), "", "initials-first", author_text=author_text)
    parsed.authors = _parse_given_first(author_text)
    if _volume_pages_year_tail(parsed, rest):
        return parsed
    chapter = _IN_EDITED_BOOK.match(rest)
    tail = _VOLUME_YEAR_PAGES.match(rest)
    if chapter:
        parsed.type = "chapter"
        parsed.title = _clean_title(chapter.group("title")) or None
        parsed.editors = _parse_given_first(chapter.group("editors"))
        parsed.container_title = chapter.group("book").strip()
        parsed.publisher = chapter.group("publisher").strip()
        parsed.year = int(chapter.group("year"))
        parsed.pages = _normalise_pages(chapter.group("pages"))
    elif tail:
        parsed.title, parsed.container_title = _split_title_container(tail.group("head"))
        parsed.volume = tail.group("volume")
        parsed.year = int(tail.group("year"))
        parsed.pages = _normalise_pages(tail.group("pages"))
    elif (ends := _ENDS_WITH_YEAR.search(rest)) is not None:
        sentences = _sentences(rest[: ends.start()])
        parsed.type = "book"
        parsed.title = _clean_title(sentences[0]) if sentences else None
        parsed.publisher = _clean_title(" ".join(sentences[1:])) or None
        parsed.year = int(ends.group("year"))
    else:
        return None
    return parsed


def _volume_pages_year_tail(parsed: _Parsed, rest: str) -> bool:
    """Read ``rest`` (what follows the authors) into ``parsed`` when it ends in a locator of Science's,
    Nature's or the ACS's form, or in Science's bracketed imprint; False, ``parsed`` untouched, otherwise."""
    tail = _VOLUME_PAGES_YEAR.match(rest) or _YEAR_COMMA_VOLUME_PAGES.match(rest)
    if tail is not None:
        parsed.title, parsed.container_title = _title_then_journal(tail.group("head"))
        parsed.volume, parsed.issue = tail.group("volume"), _clean_issue(tail.group("issue"))
        parsed.pages = _normalise_pages(tail.group("pages"))
        parsed.year = int(tail.group("year"))
        return True
    imprint = _BRACKETED_IMPRINT.match(rest)
    if imprint is not None:
        head = imprint.group("head").strip()
        chapter = _SCIENCE_CHAPTER.match(head)
        title = None
        if chapter is None and head.lower().startswith("in "):
            return False
        if chapter is not None:
            parsed.type = "chapter"
            parsed.container_title = _clean_title(chapter.group("book")) or None
            parsed.editors = _parse_given_first(chapter.group("editors"))
        else:
            parsed.type = "book"
            # Nature's edition after the book's title: `*Title* 3rd edn (OTexts, 2021)`
            edition = _NATURE_EDITION.search(head)
            if edition is not None:
                parsed.extra["edition"] = edition.group("edition")
                head = head[: edition.start()]
            title = _clean_title(head) or None
        parsed.title = title if chapter is None else None
        parsed.publisher = imprint.group("imprint").split(",")[0].strip() or None
        parsed.year = int(imprint.group("year"))
        parsed.volume = imprint.group("volume")
        parsed.pages = _normalise_pages(imprint.group("pages"))
        return True
    springer = _SPRINGER_IN.match(rest)
    if springer is not None:
        parsed.type = "paper-conference" if springer.group("editors") is None else "chapter"
        parsed.title = _clean_title(springer.group("title")) or None
        if springer.group("editors"):
            parsed.editors = _parse_authors(springer.group("editors"))[0]
        parsed.container_title = springer.group("container").strip() or None
        parsed.pages = _normalise_pages(springer.group("pages"))
        parsed.publisher = springer.group("publisher").split(",")[0].strip() or None
        parsed.year = int(springer.group("year"))
        return True
    online = _CONTAINER_YEAR.match(rest)
    if online is not None and len(_sentences(online.group("head"))) >= 2:
        parsed.title, parsed.container_title = _title_then_journal(online.group("head"))
        parsed.year = int(online.group("year"))
        parsed.pages = online.group("number")
        return True
    if online is not None and online.group("number") is None and not re.search(r"\d", online.group("head")):
        # Science's web page: `R. Author, Title of the post (2019); URL.` or `… (2018) (available at URL).`;
        # a thesis: `A. B. Smith, thesis, University of Oslo (2015).`
        genre, _, institution = online.group("head").partition(", ")
        if _GENRE.fullmatch(genre.strip()) and institution:
            parsed.type = "thesis" if re.search(r"thesis|dissertation", genre, re.I) else "report"
            parsed.extra["genre"], parsed.publisher = genre.strip(), institution.strip(" .") or None
        else:
            parsed.type = "document"
            parsed.title = _clean_title(online.group("head")) or None
        parsed.year = int(online.group("year"))
        return True
    return False


def _title_then_journal(head: str) -> tuple[str | None, str | None]:
    """Title and journal before a locator; a head of one sentence, or of abbreviations only (``Phys. Rev.
    Lett.``), is the journal alone (the physics journals print no title)."""
    sentences = _sentences(head)
    if len(sentences) == 1 and not _GLUED_SENTENCE.search(head):
        return None, head.strip(" ,") or None
    if sentences and all(_ABBREVIATION.match(s) for s in sentences):
        return None, head.strip(" ,") or None
    return _split_title_container(head)


def _parse_full_names_first(text: str) -> _Parsed | None:
    """natbib's ``First M. Last and First M. Last. Title. Journal (2007) 68: 235–265.``: taken only with that
    journal locator, which tells the full names from a title's first words."""
    head = _FULL_NAMES_HEAD.match(text)
    tail = _YEAR_VOLUME_PAGES.match(head.group("rest").strip()) if head else None
    if head is None or tail is None:
        return _parse_computing(text)
    parsed = _Parsed(_placeholder_block(), "", "initials-first", author_text=head.group("authors"))
    parsed.authors = _parse_given_first(head.group("authors"))
    parsed.title, parsed.container_title = _split_title_container(tail.group("head"))
    parsed.year = int(tail.group("year"))
    parsed.volume, parsed.issue = tail.group("volume"), _clean_issue(tail.group("issue"))
    parsed.pages = _normalise_pages(tail.group("pages"))
    return parsed


def _parse_computing(text: str) -> _Parsed | None:
    """plainnat, ACL and ACM: ``Kaiming He, …, and Jian Sun. Title. In Proceedings of …, pages 770–778,
    2016.``, ``Diederik P. Kingma and Jimmy Ba. Title. arXiv preprint arXiv:1412.6980, 2014.``, ``… Title.
    Journal, 101(1):12–19, 2019.``, ``… Guestrin. 2016. Title. In Proceedings of … 785–794.`` Taken only
    with one of these three endings, which tell full names from a title's first words."""
    head = _COMPUTING_HEAD.match(text)
    if head is None or _corporate_name(head.group("authors")):
        return None
    sentences = _sentences(head.group("rest"))
    if len(sentences) < 2:
        return None
    title, rest = sentences[0], " ".join(sentences[1:])
    parsed = _Parsed(_placeholder_block(), "", "initials-first", author_text=head.group("authors"))
    found = _COMPUTING_IN.match(rest)
    if found is not None:
        parsed.type = "paper-conference"
        imprint = found.group("rest") or ""
        pages = found.group("pages") or _trailing_pages(imprint)
        if pages and not found.group("pages"):
            imprint = imprint.rstrip(" .").removesuffix(pages)
        parsed.leftover = _clean_leftover(imprint)
    else:
        found = _COMPUTING_ARXIV.match(rest) or _COMPUTING_JOURNAL.match(rest)
        if found is None:
            return None
        pages = found.groupdict().get("pages")
        parsed.volume = found.groupdict().get("volume")
        parsed.issue = _clean_issue(found.groupdict().get("issue"))
    year = head.group("year") or found.group("year")
    if year is None:
        return None
    parsed.authors = _parse_given_first(head.group("authors"))
    parsed.title = _clean_title(title) or None
    parsed.container_title = found.group("container").strip(" .,") or None
    parsed.year = int(year)
    parsed.pages = _normalise_pages(pages)
    return parsed


def _trailing_pages(text: str) -> str | None:
    """ACM's pages at the end of the imprint: ``ACM, New York, NY, USA, 1–12``."""
    found = re.search(rf"(?:^|[,.]\s*)({_PAGES})\.?$", text.strip())
    return found.group(1) if found and re.search(r"[-–]", found.group(1)) else None


# Locators written with labels, each after a comma or a dash: Brazil's ABNT (`Journal, v. 101, n. 1, p. 12-19,
# 2019.`) and the Russian GOST (`Title // Journal. — 2019. — Vol. 101, No. 1. — P. 12–19.`, `Т.`, `№`, `С.`).
_ABNT_TAIL = re.compile(
    rf"^(?P<head>.+?),\s*v\.\s*(?P<volume>[\w.-]+)(?:,\s*n\.\s*(?P<issue>[\w–-]+))?"
    rf"(?:,\s*(?:p|e)\.\s*(?P<pages>{_PAGES}))?,\s*(?:[a-z]{{3,4}}\.?(?:/[a-z]{{3,4}}\.?)?\s+)?"
    r"(?P<year>(?:1[6-9]|20)\d{2})\.?$"
)
_GOST_DASH = r"\s+[—–-]\s+"
_GOST_TAIL = re.compile(
    rf"^(?P<head>.+?)\s+//\s+(?P<journal>.+?)\.?{_GOST_DASH}(?P<year>(?:1[6-9]|20)\d{{2}})\."
    rf"(?:{_GOST_DASH}(?:Vol|Т)\.\s*(?P<volume>\w+)[.,])?"
    rf"(?:\s*(?:{_GOST_DASH})?(?:No|N|№)\.?\s*(?P<issue>\w+)\.)?"
    rf"(?:{_GOST_DASH}(?:P|С|pp)\.\s*(?P<pages>{_PAGES})\.?)?\s*$"
)


def _parse_labelled_locators(text: str) -> _Parsed | None:
    """ABNT's and GOST's journal articles: an NLM-like head (``OSEI, K.; LIND, T. Title.``, ``Osei K., Lind T.
    Title``) and a locator whose parts are labelled."""
    tail = _ABNT_TAIL.match(text)
    gost = _GOST_TAIL.match(text) if tail is None else None
    found = tail or gost
    if found is None:
        return None
    head = found.group("head").strip()
    parsed = _vancouver_head(head if gost is None else head + ". " + found.group("journal") + ".")
    if parsed is None or not parsed.authors:
        return None
    parsed.title, parsed.container_title = _split_title_container(parsed.title or "")
    if parsed.container_title is None:
        return None
    parsed.year = int(found.group("year"))
    parsed.volume, parsed.issue = found.group("volume"), _clean_issue(found.group("issue"))
    parsed.pages = _normalise_pages(found.group("pages"))
    return parsed


# ScienceDirect's "export citation" text: `First Last, First Last, Title, Journal, Volume 4, Issue 1, 2004,
# Pages 106-115, ISSN 1529-9430` — commas only, the locators named in words.
_SCIENCEDIRECT_TAIL = re.compile(
    r"^(?P<head>.+?),\s*(?P<journal>[^,]+?),\s*Volume\s+(?P<volume>[\w.-]+)(?:,\s*Issue\s+(?P<issue>[\w–-]+))?"
    r",\s*(?:[^,]{0,30}?\s)?(?P<year>(?:1[6-9]|20)\d{2})"
    rf"(?:,\s*(?:Pages?|Article)\s+(?P<pages>{_PAGES}))?\.?$"
)
# Footnote marks run on to a title's last word (`Helicobacter pylori and Probiotics1,2`).
_RUN_ON_FOOTNOTES = re.compile(r"(?<=[a-z])\d{1,2}(?:,\d{1,2})*$")


def _parse_sciencedirect_export(text: str) -> _Parsed | None:
    """ScienceDirect's export: the authors are the leading pieces that read as names given first; the rest of
    the head is the title (which may hold commas); a head that opens with no name has no author."""
    found = _SCIENCEDIRECT_TAIL.match(text.strip().rstrip("."))
    if found is None:
        return None
    head = _RUN_ON_FOOTNOTES.sub("", found.group("head").strip())
    names: list[str] = []
    while (name := re.match(r"^([^,]+),\s*", head)) is not None and _given_first_list(name.group(1)):
        if _corporate_name(name.group(1)):
            break
        names.append(re.sub(r"^(?:and|&)\s+", "", name.group(1).strip()))
        head = head[name.end() :]
    title = head.strip(" ,")
    if not title:
        return None
    parsed = _Parsed(_placeholder_block(), "", "partial" if not names else "initials-first")
    parsed.authors = _parse_given_first(", ".join(names)) if names else ()
    parsed.title = title
    parsed.container_title = found.group("journal").strip() or None
    parsed.volume, parsed.issue = found.group("volume"), _clean_issue(found.group("issue"))
    parsed.pages = _normalise_pages(found.group("pages"))
    parsed.year = int(found.group("year"))
    return parsed


def _placeholder_block() -> _Block:
    return _Block([], 0)


def _parse_apa(text: str, year_pattern: re.Pattern[str] = _APA_YEAR) -> _Parsed | None:
    """APA (``Authors (2017). Title. Journal, 47(3), 133–149.``); with ``_HARVARD_YEAR``, the Harvard form
    ``Authors, 2017. Title. Journal, 47(3), pp.133-149.``, which differs only in how the year is written."""
    year_match = year_pattern.search(text)
    if not year_match:
        return None
    author_text = text[: year_match.start()].strip()
    untitled = _UNTITLED_HEAD.match(author_text) if year_pattern is _APA_YEAR else None
    names = _ET_AL_TEXT.sub("", untitled.group("authors")) if untitled else ""
    if untitled and all(_VANCOUVER_NAME.match(p.strip()) for p in names.split(",")):
        # a citation without a title, as chemists and physicists write it: `Stiefel C, Schwack W. Int J
        # Cosmet Sci 36 (2014) 561-572.`, `Mocci F et al. ACS Omega (2025)` — the sentence after the
        # Vancouver names is the journal, the number before the year its volume
        parsed = _Parsed(_placeholder_block(), "", "vancouver", author_text=untitled.group("authors"))
        parsed.authors = _parse_authors(untitled.group("authors"))[0]
        parsed.container_title = untitled.group("journal").strip()
        parsed.volume = untitled.group("volume")
        parsed.year = int(year_match.group("year")) if year_match.group("year") else None
        rest = text[year_match.end() :].strip()
        pages = re.match(rf"^,?\s*(?:pp?\.\s*)?({_PAGES})\.?$", rest)
        parsed.pages = _normalise_pages(pages.group(1)) if pages else None
        parsed.leftover = "" if pages else _clean_leftover(rest)
        return parsed
    # The year in brackets belongs to an APA author-date head only when what precedes it is a short name list;
    # a head with nothing after the date but a link (`Knee pain. (n.d.). https://…`) is a title (APA's page
    # without an author), unless it holds initials.
    after_date = text[year_match.end() :].strip(" .")
    if (
        year_pattern is _APA_YEAR
        and not after_date
        and author_text.endswith((".", "?", "!"))
        and not _INITIALS_ANYWHERE.search(author_text)
        and not _corporate_name(author_text)
    ):
        return _apa_title_first(text, year_match, web=True)
    if len(author_text) > 1000 or (author_text and not _looks_like_names(author_text)):
        if year_pattern is _APA_YEAR:
            return _apa_title_first(text, year_match)
        return None
    parsed = _Parsed(_placeholder_block(), "", "apa", author_text=author_text)
    parsed.authors, parsed.editors = _parse_authors(author_text)
    if year_match.group("year"):
        parsed.year = int(year_match.group("year"))
    parsed.undated = bool(year_match.group("nd"))
    rest = text[year_match.end() :].strip().lstrip(".").strip()
    editors = _EDITORS_BEFORE_QUOTED_TITLE.match(rest)
    if editors:  # Wikipedia: `(2022-03-03). Talavera F (ed.). "Title". Medscape.`
        parsed.editors = _parse_authors(editors.group("editors"))[0]
        rest = rest[editors.end() :]
    if _LEADING_QUOTED_TITLE.match(rest.lstrip(", ")):
        return _quoted_title_then_container(parsed, rest.lstrip(", "))
    tab_title = _title_comma_tab_title(rest)
    if tab_title is not None:
        parsed.type = "webpage"
        parsed.title, parsed.container_title = tab_title
        return parsed
    chapter = _CHAPTER.match(rest)
    if chapter:
        parsed.type = "chapter"
        parsed.title = _clean_title(chapter.group("title"))
        parsed.editors = _parse_given_first(chapter.group("editors"))
        parsed.container_title = _clean_title(chapter.group("book"))
        parsed.pages = _normalise_pages(chapter.group("pages"))
        parsed.volume = chapter.group("volume")
        parsed.publisher = _clean_title(chapter.group("publisher")) or None
        return parsed
    tail = _APA_TAIL.match(rest) or _APA_TAIL_LOOSE.match(rest)
    if tail and not _EDITION.search(tail.group("head")):
        title, journal = _split_title_container(tail.group("head"))
        if journal is None:
            # one sentence before a volume and pages names the journal, the title left out (`Smith J et al.
            # (2019). Journal of Back Pain, 12, 1-5.`): a title alone has no volume
            title, journal = None, title
        parsed.title, parsed.container_title = title, journal
        parsed.volume, parsed.issue = tail.group("volume"), _clean_issue(tail.group("issue"))
        parsed.pages = _normalise_pages(tail.group("pages"))
        parsed.leftover = tail.group("rest").strip(" .")
        return parsed
    bare_volume = _SENTENCE_VOLUME_TAIL.match(rest)
    if bare_volume and len(_sentences(bare_volume.group("head"))) >= 2:
        # ResearchGate's export gives the volume and pages sentences of their own: `Title. European journal
        # of physical and rehabilitation medicine. 56.`
        parsed.title, parsed.container_title = _split_title_container(bare_volume.group("head") + ".")
        parsed.volume = bare_volume.group("volume")
        parsed.pages = _normalise_pages(bare_volume.group("pages"))
        return parsed
    # No volume: a book (`Title (2nd ed.). Publisher.`), a web page, or a title alone.
    sentences = _sentences(rest)
    if len(sentences) >= 2 and not _EDITION.search(rest) and _has_journal_cues(sentences[-1]):
        # no volume, but the last sentence names a journal: `Title. Cochrane Database of Systematic Reviews.`
        parsed.title = _clean_title(" ".join(sentences[:-1])) or None
        parsed.container_title = _clean_title(sentences[-1]) or None
        return parsed
    if _EDITION.search(rest) or (len(sentences) >= 2 and not _has_journal_cues(rest)):
        parsed.type = "book"
        parsed.title = _clean_title(
            _EDITION.sub("", " ".join(sentences[:-1])) if len(sentences) >= 2 else rest
        )
        parsed.publisher = _clean_title(sentences[-1]) if len(sentences) >= 2 else None
        edition = _EDITION.search(rest)
        if edition and edition.group("edition"):
            parsed.extra["edition"] = edition.group("edition")
        if edition and edition.group("volume"):
            parsed.volume = edition.group("volume")
    elif len(sentences) == 1 and _has_journal_cues(rest) and _JOURNAL_NAME_ONLY.match(rest):
        # a citation without a title (`Smith et al., 2019, Journal of Back Pain.`): the one sentence after
        # the year is a journal's name, capitalised words around the journal word
        parsed.container_title = _clean_title(rest) or None
    else:
        parsed.title = _clean_title(rest) or None
    return parsed


# A journal's name alone: capitalised words, with `of`, `and`, `&`, `the`, `in`, `for` between them.
_JOURNAL_NAME_ONLY = re.compile(
    r"^(?:The\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|and|&|the|in|for|on))*[.]?$"
)


# A body's document cited by its number, then a dash and its title: `SCCS/1622/20 — Opinion on Homosalate,
# final 2020.` (the EU's Scientific Committee on Consumer Safety), `WHO/MSD/MER/19.3 — Title, 2019.`: the
# body's initials are the author; a version word and the year may close it.
_NUMBERED_DOCUMENT = re.compile(
    r"^(?P<body>[A-Z][A-Za-z]{1,9})(?P<number>(?:/[A-Za-z0-9][\w.-]*)+)\s+[—–-]{1,2}\s+(?P<title>.+?)"
    r"(?:,\s+(?:(?P<version>[a-z]+(?:\s+[a-z]+)?)\s+)?(?P<year>(?:1[6-9]|20)\d{2}))?\.?$"
)
# A law cited by its name: `Commission Regulation (EU) 2022/1176 amending Annex VI — …`, `Directive
# 2001/83/EC of the European Parliament …`, `Regulation (EC) No 1223/2009 on cosmetic products.` — the whole
# sentence is its title; the year is in its number.
_LEGAL_ACT = re.compile(
    r"^(?:[A-Z][a-z]+\s+){0,3}(?:Regulation|Directive|Decision)\s+(?:\((?:EU|EC|EEC|Euratom)\)\s+)?"
    r"(?:(?P<year>(?:19|20)\d{2})/\d+(?:/(?:EU|EC|EEC))?|(?:No\.?\s+)?\d+/(?P<old_year>(?:19|20)\d{2}))\b"
)


def _parse_numbered_document(text: str) -> _Parsed | None:
    document = _NUMBERED_DOCUMENT.match(text)
    if document is None:
        return None
    parsed = _Parsed(_placeholder_block(), "", "partial", type="report", author_text=document.group("body"))
    parsed.authors = (Person(literal=document.group("body")),)
    parsed.title = _clean_title(document.group("title")) or None
    parsed.extra["number"] = document.group("body") + document.group("number")
    if document.group("version"):
        parsed.extra["version"] = document.group("version")
    parsed.year = int(document.group("year")) if document.group("year") else None
    return parsed


def _parse_legal_act(text: str) -> _Parsed | None:
    act = _LEGAL_ACT.match(text)
    if act is None:
        return None
    parsed = _Parsed(_placeholder_block(), "", "partial", type="legislation")
    parsed.title = _clean_title(text) or None
    parsed.year = int(act.group("year") or act.group("old_year"))
    return parsed


# Cite Them Right's web page with no author, its title in the author's place and no full stop after it:
# `Title (no date) Site. Available at: URL (Accessed: …)` — read only for a reference with a link or an
# access date, which says it is a web page.
_TITLED_WEB_PAGE = re.compile(
    r"^(?P<title>[^()]{3,300}?)\s+\((?:(?P<nd>no\s+date|n\.\s?d\.)|(?P<year>(?:1[6-9]|20)\d{2})[a-z]?)\)"
    r"\s+(?P<site>[^()]{2,200}?)\.?$",
    re.IGNORECASE,
)


# A health site's informal source list: `Title. Site. Month Year.` and the link (`TENS (…). NHS UK. APR
# 2022. (https://www.nhs.uk/…)`), the title not a list of names.
_TITLE_SITE_MONTH_YEAR = re.compile(
    rf"^(?P<title>[^.]{{3,300}}?)\.\s+(?P<site>[^.]{{2,80}}?)\.\s+(?:\d{{1,2}}\s+)?(?:{_MONTHS})[a-z]*\.?,?\s+"
    r"(?P<year>(?:1[6-9]|20)\d{2})\.?$",
    re.IGNORECASE,
)


def _parse_title_then_body(text: str) -> _Parsed | None:
    """AMA's web page by a body, with its link and access date taken out: ``Low back pain fact sheet. National
    Institute of Neurological Disorders and Stroke.`` (the body in the site's place) or ``Adult acute and
    subacute low back pain. Bloomington, Minn.: Institute for Clinical Systems Improvement.`` (a place and
    the body publishing it). The first sentence is the title, not a list of names."""
    sentences = _sentences(text)
    if len(sentences) != 2:
        return None
    title, body = _clean_title(sentences[0]), sentences[1].strip().rstrip(".").strip()
    if not title or _looks_like_name_list(title) or _YEAR.search(body):
        return None
    parsed = _Parsed(_placeholder_block(), "", "partial", type="webpage")
    parsed.title = title
    place = re.match(r"^(?P<place>[A-Z][^:]{1,60}):\s*(?P<publisher>\S.*)$", body)
    if place is not None and _corporate_name(place.group("publisher")):
        parsed.publisher = place.group("publisher").strip()
        parsed.extra["publisher_place"] = place.group("place").strip()
    elif _corporate_name(body):
        parsed.container_title = body
    else:
        return None
    return parsed


# A source list's link with only its text (`[Shingles (Herpes Zoster) | CDC](https://www.cdc.gov/shingles/)`,
# the page's title as the browser shows it): one phrase, no sentence break, not a list of names.
_LINK_TITLE_WORDS = 30


def _parse_link_title(text: str) -> _Parsed | None:
    # `Ehlers Danlos Support UK - https://…`: the dash or colon before the link is not the title's
    title = _clean_title(re.sub(r"\s*[-–—:|]\s*$", "", text))
    if not title or len(title.split()) > _LINK_TITLE_WORDS or len(_sentences(title)) > 1:
        return None
    # a list of names (commas, initials) is not a title; a single capitalised phrase may be a site's name
    names = ("," in title or _INITIALS_ANYWHERE.search(f" {title} ")) and _looks_like_name_list(title)
    if not re.search(r"[^\W\d_]{3}", title) or names or _YEAR.search(title):
        return None
    parsed = _Parsed(_placeholder_block(), "", "partial", type="webpage")
    parsed.title = title
    return parsed


def _parse_titled_web_page(text: str) -> _Parsed | None:
    page = _TITLED_WEB_PAGE.match(text)
    if page is None:
        page = _TITLE_SITE_MONTH_YEAR.match(text)
        title = page.group("title") if page is not None else ""
        if page is None or _looks_like_names(title) or _looks_like_name_list(title):
            return None
    parsed = _Parsed(_placeholder_block(), "", "apa", type="webpage")
    parsed.title = _clean_title(page.group("title")) or None
    parsed.container_title = page.group("site").strip() or None
    parsed.year = int(page.group("year")) if page.group("year") else None
    parsed.undated = page.groupdict().get("nd") is not None
    return parsed


def _title_comma_tab_title(text: str) -> tuple[str, str] | None:
    """Cite Them Right's web page as citation generators write it: ``Title, Site.`` where the site is the
    page's browser title, ``Page - Section | Site`` (``What is EDR? Endpoint Detection and Response |
    Microsoft Security``). The title ends at the last comma before the first `` | `` that no bracket holds
    (``4662(S, F) …`` keeps its comma). None when the text has no such pipe or comma."""
    bar = text.find(" | ")
    if bar < 0:
        return None
    depth, cut = 0, -1
    for index, char in enumerate(text[:bar]):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif char == "," and depth == 0 and text[index + 1 : index + 2] == " ":
            cut = index
    if cut <= 0:
        return None
    title, site = _clean_title(text[:cut]), text[cut + 1 :].strip().rstrip(".").strip()
    if not title or not site or "|" in title:
        return None
    return title, site


def _apa_title_first(text: str, year_match: re.Match[str], *, web: bool = False) -> _Parsed | None:
    """APA without an author moves the title to the author's place: ``Knee braces compared. (2018, May 2).
    Mayo Clinic. URL`` (a web page and its site), ``Night shifts and appetite. (2011). *Clinic Notes*, 4(2),
    1–9.`` (an article). Taken only when the head is one sentence ending in a full stop and something
    follows the date, or (``web``) only the page's link followed it (``Knee pain. (n.d.). https://…``)."""
    head = text[: year_match.start()].strip()
    rest = text[year_match.end() :].strip().lstrip(".").strip()
    if not head.endswith((".", "?", "!")) or len(_sentences(head)) != 1 or "(" in head or not (rest or web):
        return None
    parsed = _Parsed(_placeholder_block(), "", "apa")
    parsed.title = _clean_title(head) or None
    parsed.year = int(year_match.group("year")) if year_match.group("year") else None
    parsed.undated = bool(year_match.group("nd"))
    tail = _APA_TAIL.match(rest) or _APA_TAIL_LOOSE.match(rest)
    if tail and re.search(r"[^\W\d_]", tail.group("head")):
        parsed.container_title = _clean_title(tail.group("head")) or None
        parsed.volume, parsed.issue = tail.group("volume"), _clean_issue(tail.group("issue"))
        parsed.pages = _normalise_pages(tail.group("pages"))
        parsed.leftover = tail.group("rest").strip(" .")
        return parsed
    sentences = _sentences(rest)
    parsed.type = "webpage"
    parsed.container_title = _clean_title(sentences[0]) if sentences else None
    parsed.leftover = _clean_leftover(" ".join(sentences[1:]))
    return parsed


_SENTENCE_VOLUME_TAIL = re.compile(
    rf"^(?P<head>.+?[a-z)])\.\s+(?P<volume>\d{{1,4}})(?:\.\s+(?P<pages>{_PAGES}))?\.?$"
)
# Vancouver names, a full stop, a journal's name and perhaps its volume, and nothing else before `(2014)`.
_UNTITLED_HEAD = re.compile(
    r"^(?P<authors>[^.]+?(?:\b[A-Z]{1,3}|\bet\s+al))\.\s+(?P<journal>[A-Z][A-Za-z&.\s]{1,60}?)"
    r"(?:\s+(?P<volume>\d+[A-Za-z]?))?$"
)
_EDITORS_BEFORE_QUOTED_TITLE = re.compile(
    r'^(?P<editors>[^"“]{2,200}?)\s*\((?:eds?|editors?)\.?\)\.\s*(?=["“])'
)


def _quoted_title_then_container(parsed: _Parsed, rest: str) -> _Parsed:
    """Wikipedia's and some Harvard lists quote the title after an author–year head: ``"Title". The Lancet.
    Neurology. 14 (8): 789–790.`` (the journal runs from the closing quote to the volume), ``"Active Learning
    Literature Survey" (PDF), Computer Sciences Technical Report 1648.`` (a report)."""
    quoted = _LEADING_QUOTED_TITLE.match(rest)
    assert quoted is not None
    parsed.title = (quoted.group("title") or quoted.group("single")).strip().rstrip(",.") or None
    after = _PDF_MARK.sub("", quoted.group("rest")).strip(" ,.")
    if after.lower().startswith("in "):
        # Harvard's paper in proceedings: `'Title', in *Proceedings of …*. New York: ACM, pp. 1–7.`
        sentences = _sentences(after[3:])
        parsed.type = "paper-conference"
        parsed.container_title = _clean_title(sentences[0]) or None
        pages = _LABELLED_PAGES.search(after)
        parsed.pages = _normalise_pages(pages.group(1)) if pages else None
        parsed.leftover = " ".join(sentences[1:])
        return parsed
    labelled = _LABELLED_LOCATOR.search(after)
    if labelled is not None and labelled.start() > 0:
        # Harvard (AGPS): `'Title', Journal, vol. 101, no. 1, pp. 12-19.`
        locators = after[labelled.start() :]
        parsed.container_title = after[: labelled.start()].strip(" .,") or None
        volume, issue = _LABELLED_VOLUME.search(locators), _LABELLED_ISSUE.search(locators)
        pages = _LABELLED_PAGES.search(locators)
        parsed.volume = volume.group(1) if volume else None
        parsed.issue = issue.group(1) if issue else None
        parsed.pages = _normalise_pages(pages.group(1)) if pages else None
        return parsed
    tail = _APA_TAIL.match(after) or _APA_TAIL_LOOSE.match(after)
    if tail and re.search(r"[^\W\d_]", tail.group("head")):
        parsed.container_title = tail.group("head").strip(" .,") or None
        parsed.volume, parsed.issue = tail.group("volume"), _clean_issue(tail.group("issue"))
        parsed.pages = _normalise_pages(tail.group("pages"))
        parsed.leftover = tail.group("rest").strip(" .")
    elif _GENRE.search(after):
        parsed.type = "report"
        parsed.extra["genre"] = after
    else:
        sentences = _sentences(after)
        parsed.container_title = _clean_title(sentences[0]) if sentences else None
        parsed.leftover = " ".join(sentences[1:])
        parsed.type = "webpage" if parsed.container_title else "document"
    return parsed


# A title in quotation marks first, no author (Wikipedia's `"Hydrocephalus Fact Sheet". National Institute
# of Neurological Disorders and Stroke. August 2005.`, `"Title". www.medicalnewstoday.com. 2017-12-07.`): the
# site runs to the first full stop followed by a space.
_QUOTED_FIRST = re.compile(
    r'^["“](?P<title>[^"“”]{3,600})["”][.,]?\s*(?P<site>\S[^\s.]*(?:\.[^\s.]+)*(?:\s+[^\s.]+(?:\.[^\s.]+)*)*)?'
    r"\.?\s*(?P<rest>.*)$"
)


def _parse_quoted_first(text: str) -> _Parsed | None:
    found = _QUOTED_FIRST.match(text)
    if found is None:
        return None
    parsed = _Parsed(_placeholder_block(), "", "quoted", type="webpage")
    parsed.title = found.group("title").strip().rstrip(",.") or None
    after = text[found.end("title") + 1 :].lstrip(" .,")
    if ", " in _sentences(after)[0] if after else False:
        # MLA without an author: `"Title." Container, Publisher, 12 Mar. 2020, URL.` — a comma inside the
        # first sentence after the title is MLA's list of container elements, read as after an author
        _after_quoted_title(parsed, after, None)
        if not parsed.volume and not parsed.pages:
            parsed.type = "webpage"
        return parsed
    # IEEE's `“Title.” figshare, Jan. 05, 2021.`: the site ends where a date after a comma begins
    site = re.split(r",\s+(?=[A-Z][a-z]{2,8}\.?(?:\s+\d|$))", (found.group("site") or "").strip())[0]
    if _REPOSITORY.fullmatch(site):
        parsed.publisher, parsed.type, site = site, "dataset", ""
    parsed.container_title = site or None
    year = _YEAR.search(found.group("rest"))
    parsed.year = int(year.group(0)) if year else None
    parsed.leftover = _clean_leftover(found.group("rest"))
    return parsed


# Wikipedia's rendered citations end with notes that are not part of the reference proper: back-links at the
# start (`^ a b c`), `PMC 2806373.`, `S2CID 24667376.`, `OCLC 939553425.`, `Archived from the original on …`,
# `Retrieved 2022-05-18.`, `– via Google Books`, `(inactive 31 January 2024)`, CS1's maintenance messages.
_WIKI_BACKLINKS = re.compile(r"^\^\s*(?:[a-z]{1,2}\s+)*")
_WIKI_NOTES = (
    ("pmcid", re.compile(r"\bPMC\s+(\d{4,9})\.?")),
    ("s2cid", re.compile(r"\bS2CID\s+(\d+)\.?")),
    ("oclc", re.compile(r"\bOCLC\s+(\d+)\.?")),
    ("archived", re.compile(r"\bArchived from the original on ([^.]{4,40})\.?")),
    (
        "accessed",
        re.compile(r"\bRetrieved (?:on )?([^.]{0,40}?\d{4}(?:-\d{2}-\d{2})?)\.?(?=\s|$)(?!\s*from\b)"),
    ),
    ("via", re.compile(r"\s+[–-]\s+via\s+([^.]+)\.?")),
    ("doi_note", re.compile(r"\s*\((inactive [^)]{1,40})\)")),
    ("cs1", re.compile(r"\{\{cite [^}]*\}\}:?(.*)$")),
    ("at_page", re.compile(r"\.\s+(pp?\.\s*\d+(?:[–-]\d+)?)\.?$")),
)


def _take_wikipedia_notes(text: str) -> tuple[str, dict[str, str]]:
    text = _WIKI_BACKLINKS.sub("", text) if text.startswith("^") else text
    notes: dict[str, str] = {}
    if not (
        "PMC" in text
        or "S2CID" in text
        or "OCLC" in text
        or "Archived" in text
        or "Retrieved" in text
        or " via " in text
        or "(inactive" in text
        or "{{cite" in text
    ):
        return text, notes
    for name, pattern in _WIKI_NOTES:
        found = pattern.search(text)
        if found and (name != "at_page" or notes.get("via")):  # a page note only on a `via` book
            notes[name] = found.group(1).strip()
            keep = "." if name == "at_page" else ""
            text = (text[: found.start()] + keep + text[found.end() :]).strip()
    if notes.get("pmcid"):
        notes["pmcid"] = "PMC" + notes["pmcid"]
    return _MULTISPACE.sub(" ", text), notes


# Harvard (Cite Them Right) quotes an article's title in single quotes and ends it with a comma: `(2006)
# 'Using Thematic Analysis in Psychology', *Qualitative Research in Psychology*, 3(2), pp. 77–101.` The
# closing quote must be followed by that comma, so an apostrophe inside the title (`Parkinson's`) does not end
# it.
_LEADING_QUOTED_TITLE = re.compile(
    r"""^(?:["“](?P<title>[^"“”]{3,600})["”]|['‘](?P<single>[^‘’]{3,600}?)['’](?=,))"""
    r"""(?P<rest>(?:\s*[,(.].*)?)$"""
)
_LABELLED_LOCATOR = re.compile(r",\s*vols?\.\s*\d", re.IGNORECASE)
_PDF_MARK = re.compile(r"^\s*,?\s*\((?:PDF|HTML|online)\)", re.IGNORECASE)


def _parse_vancouver(text: str) -> _Parsed | None:
    date = None
    for candidate in _VANCOUVER_DATE.finditer(text):
        if candidate.start() > 0:
            date = candidate
            break
    if date is None:
        return _parse_vancouver_book(text)
    parsed = _vancouver_head(text[: date.start()].strip())
    if parsed is None:
        parsed = _untitled_head(text[: date.start()].strip(), date)
    if parsed is None:
        return None
    # Zotero outside English writes the day and month before the year (`Lancet Lond Engl. 9 juin 2018;391…`):
    # they are the date, not the end of the journal's name
    middle = _DAY_MONTH_BEFORE_YEAR.sub("", parsed.title or "")
    parsed.year = int(date.group("year"))
    if date.group("month"):
        parsed.month = month_number(date.group("month")[:3])
    if not _nlm_in(parsed, middle):
        parsed.title, parsed.container_title = _split_title_container(middle)
    parsed.volume = date.group("volume") or date.group("bmc_volume")
    parsed.issue = _clean_issue(date.group("issue") or date.group("bmc_issue"))
    parsed.pages = _normalise_pages(
        date.group("pages") or date.group("pages_only") or date.group("bmc_pages")
    )
    leftover = text[date.end() :]
    epub = _EPUB.search(leftover)
    if epub:
        parsed.epub = epub.group(0).rstrip(".")
        leftover = leftover[: epub.start()] + leftover[epub.end() :]
    parsed.leftover = _clean_leftover(leftover)
    return parsed


_DAY_MONTH_BEFORE_YEAR = re.compile(r"(?<=\.)\s+\d{1,2}\s+(?P<month>[^\W\d_]{3,10})\.?\s*$")


def _vancouver_head(head: str) -> _Parsed | None:
    """``Authors. Title[. Journal]`` → authors, with the rest left in ``title`` for the caller to split."""
    end = _VANCOUVER_AUTHORS_END.search(head)
    if (
        end is None
    ):  # a group author (`Fictional Guidelines Group.`): the first sentence, if it reads as names
        sentences = _sentences(head)
        if len(sentences) >= 2 and _NLM_EDITORS_MARK.search(sentences[0]):
            # NLM's edited book: `MIT Critical Data, editors. Secondary Analysis of … Records.`
            names = _NLM_EDITORS_MARK.sub("", sentences[0])
            if _looks_like_names(names) or _corporate_name(names):
                edited = _Parsed(_placeholder_block(), "", "vancouver", author_text=names)
                corporate = _corporate_name(names)
                edited.editors = (Person(literal=corporate),) if corporate else _parse_authors(names)[0]
                edited.title = " ".join(sentences[1:])
                return edited
        if len(sentences) < 2 or not (_looks_like_names(sentences[0]) or _corporate_name(sentences[0])):
            return None
        author_text, rest = sentences[0].rstrip("."), " ".join(sentences[1:])
        if _corporate_name(author_text):  # a body's long name (`… Committee of the International … Society`)
            parsed = _Parsed(_placeholder_block(), "", "vancouver", author_text=author_text)
            parsed.authors, parsed.title = _parse_authors(author_text)[0], rest
            return parsed
    else:
        author_text, rest = head[: end.end()].removesuffix(":"), head[end.end() :].strip()
        # `Ju, H. Jones, M. Mishra, G. Title`: names in APA's order with nothing but a space between them
        while (more := _NEXT_INVERTED_NAME.match(rest)) is not None and re.search(
            r",\s+[A-Z]\.$", author_text
        ):
            author_text = author_text + ", " + more.group(0).strip()
            rest = rest[more.end() :].strip()
    if not _looks_like_names(author_text):
        return None
    parsed = _Parsed(_placeholder_block(), "", "vancouver", author_text=author_text)
    # NLM ends the author list with a period that is not part of the last initials (`Meeus M.`); with dotted
    # initials (`Cleland J.A., Snodgrass S.`) it is.
    if not _DOTTED_INITIALS.search(author_text):
        author_text = _NLM_FINAL_PERIOD.sub("", author_text)
    parsed.authors, parsed.editors = _parse_authors(author_text)
    parsed.title = rest
    return parsed


_NEXT_INVERTED_NAME = re.compile(
    rf"(?:(?:{_PARTICLE_WORDS})\s)*[A-Z][\w'’\-]+,\s+[A-Z]\.(?:\s?-?[A-Z]\.)*(?=\s|$)"
)
_NLM_EDITORS_MARK = re.compile(r",\s*(?:editors?|eds?)\.?\s*\.?$", re.IGNORECASE)


def _parse_authors_title_rest(text: str) -> _Parsed | None:
    """The last resort before "not recognised": an NLM author list, then a title, then where it appeared,
    in no known date form (``… Experience. 31st International Conference on … (ICPE). Boston;
    8/22-26/2015.``, ``… Selective Sampling. NIPS 1989.*``). Authors, title, container and the first year are
    kept; the rest stays in ``fields["unparsed_text"]``."""
    year = _YEAR.search(text)
    if year is None or _VANCOUVER_AUTHORS_END.search(text) is None:
        return None  # an NLM author list ends with initials (`Ladner RE.`) or `et al.`
    parsed = _vancouver_head(text)
    if parsed is None or not (parsed.authors or parsed.editors) or not parsed.title:
        return None
    if _given_first_list(parsed.author_text):
        parsed.authors = _parse_given_first(parsed.author_text)  # `Roger Chou,Richard Deyo, et al.`
    parsed.style = "partial"
    sentences = _sentences(parsed.title)
    if not sentences or year.start() < len(parsed.author_text):
        return None
    parsed.year = int(year.group(0))
    parsed.title = _clean_title(sentences[0]) or None
    container = sentences[1] if len(sentences) > 1 else ""
    dated = _DATE_SENTENCE.fullmatch(container.strip(" *"))
    if dated is not None:
        # `Title, 2012 [internet]. October 16, 2017.`: the sentence after the title is the work's date; a
        # year inside the title is not
        parsed.year, container = int(dated.group("year")), ""
    container = _CONTAINER_LOCATOR.sub("", container).strip(" .,;*") or ""
    if not re.search(r"[^\W\d_]", container):
        container = ""  # `Title [Internet]. 2020.`: the sentence after the title is its year, not a container
    after = 2
    journal = _journal_after_collection(sentences, 1)
    if journal is not None:
        parsed.publisher, container, after = container, journal, 3
    parsed.container_title = container or None
    parsed.type = "article-journal" if container else "document"
    parsed.leftover = _clean_leftover(" ".join(sentences[after:]))
    return parsed


# A sentence that is only a date: `2017.`, `October 16, 2017.`, `16 Oct 2017.`, `2017 Oct 16.`
_MONTH_WORD = r"[A-Z][a-z]{2,8}\.?"
_DATE_SENTENCE = re.compile(
    rf"(?:{_MONTH_WORD}\s+(?:\d{{1,2}},?\s+)?|\d{{1,2}}\s+{_MONTH_WORD}\s+)?(?P<year>(?:1[6-9]|20)\d{{2}})"
    rf"(?:\s+{_MONTH_WORD}(?:\s+\d{{1,2}})?)?\.?"
)
# What follows a container's name in a reference read by _parse_authors_title_rest: `15(2):201-221, 1994`,
# `1989`, `; 8/22-26/2015`.
_CONTAINER_LOCATOR = re.compile(
    r"(?:\s+|;\s*|,\s*)(?:\d|[A-Z][a-z]{2}\s+\d|(?:Vol(?:ume)?|Issue|No)\.?\s*\d).*$", re.IGNORECASE
)


_GLUED_WORD_SENTENCE = re.compile(r"(?<=[a-z]{3})\.(?=[A-Z][a-z]+\s)")


def _given_first_list(names: str) -> bool:
    """``Roger Chou,Richard Deyo, et al.``: names of two to four words each, none ending in initials."""
    bare = _ET_AL_TEXT.sub("", names).strip(" .,")
    pieces = [p.strip() for p in re.sub(r",?\s*(?:&|\band\b)\s+", ", ", bare).split(",") if p.strip()]
    return bool(pieces) and all(
        2 <= len(piece.split()) <= 4
        and not re.fullmatch(r"[A-Z]{1,3}\.?|(?:[A-Z]\.)+", piece.split()[-1])
        and all(w[:1].isupper() or _PARTICLE_ONLY.fullmatch(w) for w in piece.split())
        for piece in pieces
    )


def _parse_given_names_title_rest(text: str) -> _Parsed | None:
    """Informal lists name people given name first, without initials after the family name: ``Laran Chett.
    A Critical Review of Low Back Pain Guidelines. SAGE publications. Vol 65. Sep 2017.``, ``A James
    Rainville, Carol Hartigan, et al. Title.The Spine Journal Volume 4, Issue 1, 2 January 2004.`` (a full
    stop with its space lost). Read as a last resort, like :func:`_parse_authors_title_rest`: the names,
    the title, the sentence after it (a publisher when it says so) and the first year."""
    sentences = _sentences(_GLUED_WORD_SENTENCE.sub(". ", text))
    year = _YEAR.search(text)
    if year is None or len(sentences) < 2:
        return None
    names = sentences[0].rstrip(".")
    if not _given_first_list(names) or _corporate_name(names):
        return None
    if not _looks_like_name_list(names) or year.start() < len(names):
        return None
    parsed = _Parsed(_placeholder_block(), "", "partial", author_text=names)
    parsed.authors = _parse_given_first(names)
    parsed.title = _clean_title(sentences[1]) or None
    container = _CONTAINER_LOCATOR.sub("", sentences[2]).strip(" .,;*") if len(sentences) > 2 else ""
    if not re.search(r"[^\W\d_]{2}", container):
        container = ""
    after = 3
    journal = _journal_after_collection(sentences, 2)
    if journal is not None:
        parsed.publisher, container, after = container, journal, 4
    elif container and _PUBLISHER_WORDS.search(container):
        parsed.publisher, container = container, ""
    parsed.container_title = container or None
    parsed.type = "article-journal" if container else "document"
    parsed.year = int(year.group(0))
    leftover = _clean_leftover(" ".join(sentences[after:]))
    parsed.leftover = "" if leftover == year.group(0) else leftover  # the year alone was read
    return parsed


# MLA's and Chicago's book without italics: `Garcia, Luis. Pain: A Short History. Oxford UP, 2015.`, `Ruiz,
# Pilar, and Tom Hale. Night Shifts. London: Cedar Press, 2018.` The names are MLA's (the first family name,
# a comma, a given name written out — never initials alone, which are APA's), so `Name, 2015.` at the end is
# a publisher and its year, not a journal.
_MLA_FAMILY = rf"(?:(?:{_PARTICLE_WORDS})\s+)*[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?"
_MLA_GIVEN = r"[A-Z][a-z][\w'’\-]*(?:\s(?:[A-Z]\.|[A-Z][a-z][\w'’\-]*))?"
_MLA_BOOK = re.compile(
    rf"""^(?P<names>{_MLA_FAMILY},\s{_MLA_GIVEN}
        (?:,\s(?:and\s)?{_MLA_GIVEN}\s{_MLA_FAMILY})*(?:,?\sand\s{_MLA_GIVEN}\s{_MLA_FAMILY}|,\set\sal)?)\.\s+
        (?P<title>[^\s].*?)\.\s+
        (?:(?P<place>[A-Z][^:.]{{1,60}}):\s*)?(?P<publisher>[A-Z][^,\d]{{1,120}}?),\s*
        (?P<year>(?:1[6-9]|20)\d{{2}})\.?\s*(?P<rest>.*)$""",
    re.VERBOSE,
)


def _parse_names_title_imprint(text: str) -> _Parsed | None:
    found = _MLA_BOOK.match(text)
    if found is None or _has_journal_cues(found.group("publisher")):
        return None
    names = found.group("names")
    parsed = _Parsed(_placeholder_block(), "", "quoted", type="book", author_text=names)
    parsed.authors = _parse_quoted_style_authors(names)
    parsed.title = _clean_title(found.group("title")) or None
    parsed.publisher = found.group("publisher").strip()
    if found.group("place"):
        parsed.extra["publisher_place"] = found.group("place").strip()
    parsed.year = int(found.group("year"))
    parsed.leftover = _clean_leftover(found.group("rest"))
    return parsed


# A publisher's collection of journals named before the journal (`ACP Journals`, `SAGE Journals`, `Oxford
# Academic Journals`): a plural `Journals` closing the sentence, as no journal's own name ends.
_JOURNAL_COLLECTION = re.compile(r"\bJournals\s*\.?$")


def _journal_after_collection(sentences: Sequence[str], index: int) -> str | None:
    """The journal named in ``sentences[index + 1]`` when ``sentences[index]`` is a publisher's collection
    (``ACP Journals. Annals of Internal Medicine. Apr 2017.``): a journal's name and nothing else."""
    if index + 1 >= len(sentences) or not _JOURNAL_COLLECTION.search(sentences[index].strip()):
        return None
    following = _CONTAINER_LOCATOR.sub("", sentences[index + 1]).strip(" .,;*")
    return following if _has_journal_cues(following) and _JOURNAL_NAME_ONLY.match(following) else None


def _untitled_head(head: str, date: re.Match[str]) -> _Parsed | None:
    """NLM without authors (an anonymous work) opens with its title: ``Effects of manual lymph drainage ….
    Journal of physical therapy science. 2017;29(3):491-4.`` Taken only with a full NLM locator (volume and
    pages), which no other style writes, a head of at least two sentences (title and journal), and no comma
    among the first four words (where an author list has one)."""
    sentences = _sentences(head)
    if not (date.group("volume") and date.group("pages")) or len(sentences) < 2:
        return None
    if "," in " ".join(sentences[0].split()[:4]):
        return None  # `Smith_J, …`: an author list the parser could not read, not a title
    parsed = _Parsed(_placeholder_block(), "", "vancouver")
    parsed.title = head
    return parsed


_ORGANISATION_HEAD = re.compile(r"^(?P<org>[^.]{3,120})\.\s+(?P<rest>\S.*)$")
_ORGANISATION_COLON_HEAD = re.compile(r"^(?P<org>[^.:,]{2,120}):\s+(?P<rest>\S.*)$")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_TRAILING_YEAR = re.compile(r"(?:^|(?<=[.,])\s*|\s+)\(?(?P<year>(?:1[6-9]|20)\d{2})\)?\.?$")


def _parse_organisation_title(text: str, *, internet: bool = False) -> _Parsed | None:
    """An organisation, then a title, perhaps a year, nothing else: ``World Health Organization. *WHO Standard
    Acupuncture Point Locations in the Western Pacific Region.* 2008.``, ``Mayo Clinic. *Hypertensive crisis:
    What are the symptoms?*`` (a web page whose link is elsewhere). The title is one sentence; anything more
    is left to the readers after this one.

    NLM's web reference (marked ``[Internet]``) names its organisation in the author's place by any name
    (``Siemens Healthineers. Digital Twin in Healthcare [Internet]. 2023.``, ``DATASUS. Title. Database:
    Gov.BR [Internet]. … 2022.``): a name of capitalised words that is not a person's (NLM writes a person
    with initials; an informal list's ``Jennifer Cuthbertson.`` is not read so), and a sentence more after
    the title is kept as written."""
    head = _ORGANISATION_HEAD.match(text)
    colon = None
    if head is None or _corporate_name(head.group("org")) is None:
        # a health site's source list names the body with a colon: `American Academy of Dermatology:
        # Shingles: Overview`, `NHS: Back pain` (WebMD's form without the quotation marks)
        colon = _ORGANISATION_COLON_HEAD.match(text)
        head = colon or head
    if head is None:
        return None
    organisation = _corporate_name(head.group("org")) or (
        _web_organisation(head.group("org")) if internet else None
    )
    if organisation is None and colon is not None and _ACRONYM.fullmatch(colon.group("org").strip()):
        organisation = colon.group("org").strip()
    if organisation is None:
        return None
    rest = head.group("rest").strip()
    year = _TRAILING_YEAR.search(rest)
    title = _clean_title(rest[: year.start()] if year else rest)
    sentences = _sentences(title)
    more = ""
    if internet and len(sentences) == 2 and not _has_journal_cues(sentences[1]):
        title, more = _clean_title(sentences[0]), _clean_title(sentences[1])
    elif not title or len(sentences) > 1:
        return None
    kind = "webpage" if internet else "document"
    parsed = _Parsed(_placeholder_block(), "", "partial", type=kind, author_text=head.group("org"))
    parsed.authors = (Person(literal=organisation),)
    parsed.title = title
    parsed.year = int(year.group("year")) if year else None
    if ":" in more:
        parsed.leftover = more  # a labelled note (`Database: Gov.BR`), kept as written
    else:
        # NLM's publisher (`[Internet]. National Cancer Institute. 2018.`) or the site (`Spine-health.`):
        # _publisher_after_internet_title tells them apart
        parsed.container_title = more or None
    return parsed


def _web_organisation(name: str) -> str | None:
    """``Siemens Healthineers``, ``DATASUS``, ``Medscape``: up to six words, each capitalised (small words
    such as ``of`` between them), the last not initials (``Smith JA`` is a person) unless it is the only
    word."""
    words = name.split()
    if not words or len(words) > 6 or any(ch.isdigit() for ch in name):
        return None
    if not all(w[:1].isupper() or w in ("of", "for", "and", "the", "&") for w in words):
        return None
    if len(words) > 1 and re.fullmatch(r"[A-Z]{1,4}|(?:[A-Z]\.-?)+", words[-1]):
        return None
    return name


def _parse_undated(text: str, *, web: bool) -> _Parsed | None:
    """A reference printed without a date, starting with its authors (the year is then reported missing):

    - a web page (its URL was taken out): ``Gaillard F, et al. Diffusion-weighted imaging. Radiopaedia.org.``
      → authors, title, site;
    - anything else: ``Magee DJ. Orthopedic Physical Assessment, 7th ed. … Elsevier`` → authors and title,
      the rest kept as written in ``fields["unparsed_text"]`` (type ``document``: nothing says what it is).
    """
    if _YEAR_ANYWHERE.search(text) or not (web or _AUTHOR_START.match(text)):
        return None
    corporate = _corporate_name(text) if web else None
    if corporate is not None:
        # `APERSU - Alberta PROMS and EQ-5D Research and Support Unit. from http://apersu.ca/.`: an
        # organisation's site, named by the organisation alone
        site = _Parsed(_placeholder_block(), "", "vancouver", author_text=corporate, type="webpage")
        site.authors = (Person(literal=corporate),)
        return site
    parsed = _vancouver_head(text)
    if parsed is None or not parsed.authors:
        return None
    sentences = _sentences(parsed.title or "")
    if not sentences:
        return None
    parsed.title = _clean_title(sentences[0]) or None
    rest = _clean_title(" ".join(sentences[1:])) or None
    if web:
        parsed.type, parsed.container_title = "webpage", rest
    else:
        parsed.type, parsed.leftover = "document", rest or ""
    return parsed


# NLM book or web page: `Authors. Title. Edition. Place: Publisher; 2021.`
_VANCOUVER_PUBLISHER = re.compile(
    r"(?:^|(?<=[.?!]\s))(?:(?P<place>[^.:;]{2,60}):\s*)?(?P<publisher>(?:[^.:;]|;(?=\S)){2,120}?)(?P<sep>[;,])\s*"
    r"(?P<year>(?:1[6-9]|20)\d{2})\b[^.]{0,40}\.?\s*(?P<rest>.*)$"
)


_NLM_EDITION = re.compile(r"(?:^|(?<=[.?!]))\s*(\d+(?:st|nd|rd|th)\s+ed)\.?\s*$", re.IGNORECASE)


# NLM's part of a book or proceedings: `Title. In: Hall RW, ed. Book. Publisher` (a chapter) and `Title. In:
# Proceedings of the 7th Python in Science Conference` (a paper).
_NLM_IN = re.compile(r"(?:^|(?<=[.?!]))\s*In:\s+(?P<rest>.+)$")
_NLM_EDITORS = re.compile(r"^(?P<editors>.+?),\s*(?:eds?|editors?)\.\s+(?P<rest>.+)$")


def _nlm_in(parsed: _Parsed, text: str) -> bool:
    """Read ``Title. In: Editors, eds. Book. Publisher`` or ``Title. In: Proceedings`` into ``parsed``; False
    when ``text`` has no ``In:``."""
    found = _NLM_IN.search(text)
    if found is None or found.start() == 0:
        return False
    parsed.title = _clean_title(text[: found.start()]) or None
    rest = found.group("rest").strip()
    editors = _NLM_EDITORS.match(rest)
    if editors is None:
        parsed.type = "paper-conference"
        parsed.container_title = _clean_title(rest) or None
        return True
    parsed.type = "chapter"
    parsed.editors = _parse_authors(editors.group("editors"))[0]
    sentences = _sentences(editors.group("rest"))
    if len(sentences) >= 2:
        parsed.publisher = _clean_title(sentences[-1]) or None
        sentences = sentences[:-1]
        place, colon, publisher = (parsed.publisher or "").partition(": ")
        if colon and _PLACE_PUBLISHER.match(parsed.publisher or ""):  # `Boston: Northfield`
            parsed.extra["publisher_place"], parsed.publisher = place.strip(), publisher.strip()
    parsed.container_title = _clean_title(" ".join(sentences)) or None
    return True


# EndNote's book order: `Brooks R. EuroQol Group after 25 Years. 2013. Rotterdam, The Netherlands, Springer.`
# (the year a sentence of its own, then place and publisher separated by commas).
_YEAR_PLACE_PUBLISHER = re.compile(
    rf"(?:^|(?<=[.?!]\s))(?P<year>(?:1[6-9]|20)\d{{2}})(?::\s*(?P<pages>{_PAGES}))?\.\s+"
    r"(?P<place>[^.]{2,80}?),\s*(?P<publisher>[^,.]{2,120})\.?\s*$"
)


# What kind of document a book-like work is, printed as a short sentence of its own after its title and
# before its imprint: `Best Practice for the Management of Lymphoedema. International consensus. London: MEP
# Ltd, 2006.`, `… . Position statement. Geneva: …`, `… . Technical report. …`. Not part of the title.
_GENRE_SENTENCE = re.compile(
    r"(?<=[.?!])\s+(?P<genre>(?:[A-Z][a-z]+\s+)?(?:consensus(?:\s+(?:statement|document|report))?"
    r"|(?:position|consensus|policy)\s+(?:statement|paper|brief)|technical\s+(?:report|document)"
    r"|white\s+paper))\.?\s*$",
    re.IGNORECASE,
)


def _parse_vancouver_book(text: str) -> _Parsed | None:
    # `Place: Publisher; 2021` (NLM), `Publisher; 2019` (AMA 11), `London: MEP Ltd, 2006` (a comma before the
    # year only with a place, or any `Journal, 2006` would be a book)
    imprint = next(
        (
            m
            for m in _VANCOUVER_PUBLISHER.finditer(text)
            if (m.group("sep") == ";" or m.group("place")) and re.search(r"[^\W\d_]", m.group("publisher"))
        ),
        None,
    )
    if imprint is None:
        return _parse_year_place_publisher(text)
    parsed = _vancouver_head(text[: imprint.start()].strip())
    if parsed is None:
        return None
    if imprint.group("place") is None or imprint.group("place").strip() == "In":
        # AMA's `Title. In: Proceedings of …; 2008. p. 11-15.` and `Publisher; 2019.` (no place)
        head = (parsed.title or "") + (" In: " if imprint.group("place") else " ")
        head += imprint.group("publisher")
        if not _nlm_in(parsed, head):
            parsed.title, parsed.publisher = _split_title_container(head)
            parsed.type = "book"
        parsed.year = int(imprint.group("year"))
        rest = imprint.group("rest")
        pages = re.search(rf"\bpp?\.\s*({_PAGES})", rest)
        parsed.pages = _normalise_pages(pages.group(1)) if pages else None
        parsed.leftover = _clean_leftover(rest[: pages.start()] + rest[pages.end() :] if pages else rest)
        return parsed
    title = parsed.title or ""
    edition = _NLM_EDITION.search(title)
    if edition:
        parsed.extra["edition"] = edition.group(1)
        title = title[: edition.start()]
    genre = _GENRE_SENTENCE.search(title)
    if genre:
        parsed.extra["genre"] = genre.group("genre")
        title = title[: genre.start()]
    parsed.type = "report" if genre and re.search(r"report", genre.group("genre"), re.I) else "book"
    # NLM's and AMA's chapter with its imprint: `Title. In: Hacker NF, Moore JG, eds. *Book*. 6th ed.
    # Philadelphia: WB Saunders; 2016. p. 37-51.` — the book runs to the edition or the place
    if not _nlm_in(parsed, title.rstrip() + " " + _PUBLISHER_SLOT):
        parsed.title = _clean_title(title) or None
    parsed.year = int(imprint.group("year"))
    parsed.publisher = imprint.group("publisher").strip()
    parsed.extra["publisher_place"] = imprint.group("place").strip()
    rest = imprint.group("rest")
    pages = re.search(rf"\bpp?\.\s*({_PAGES})", rest) if parsed.type == "chapter" else None
    if pages:
        parsed.pages = _normalise_pages(pages.group(1))
        rest = rest[: pages.start()] + rest[pages.end() :]
    parsed.leftover = _clean_leftover(rest)
    return parsed


# Stands for the imprint when a chapter's head is read without it (_nlm_in takes the last sentence for the
# publisher, which the caller then sets from the imprint it has already read).
_PUBLISHER_SLOT = "Publisher."


def _parse_year_place_publisher(text: str) -> _Parsed | None:
    """EndNote's ``Authors. Title. 2013. Place, Publisher.``; with pages after the year (``2020:23–49.``) and
    two sentences before it, a chapter: ``Title. Book. 2020:23–49. Cham, Springer.``"""
    imprint = _YEAR_PLACE_PUBLISHER.search(text)
    if imprint is None:
        return None
    parsed = _vancouver_head(text[: imprint.start()].strip())
    if parsed is None or not parsed.title:
        return None
    sentences = _sentences(parsed.title)
    if imprint.group("pages") and len(sentences) >= 2:
        parsed.type = "chapter"
        parsed.title = _clean_title(sentences[0]) or None
        parsed.container_title = _clean_title(" ".join(sentences[1:])) or None
        parsed.pages = _normalise_pages(imprint.group("pages"))
    else:
        parsed.type = "book"
        parsed.title = _clean_title(parsed.title) or None
    parsed.year = int(imprint.group("year"))
    parsed.publisher = imprint.group("publisher").strip()
    parsed.extra["publisher_place"] = imprint.group("place").strip()
    return parsed


# PubMed's trailing notes that are not part of the citation: `Epub 2021 Jan 12.`, `Epub ahead of print.`
_DOTTED_INITIALS = re.compile(r"\b[A-Z]\.(?:-?[A-Z]\.)*\s*,")
_NLM_FINAL_PERIOD = re.compile(r"(?<=\b[A-Z])\.$|(?<=\b[A-Z]{2})\.$|(?<=\b[A-Z]{3})\.$|(?<=\b[A-Z]{4})\.$")
_EPUB = re.compile(
    r"\bEpub\s+(?:ahead\s+of\s+print|\d{4}(?:\s+[A-Za-z]{3,9})?(?:\s+\d{1,2})?)\.?", re.IGNORECASE
)


def _clean_leftover(text: str) -> str:
    return text.strip(" .;,")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_BREAK.split(text.strip()) if s]


_GLUED_SENTENCE = re.compile(r"(?<=[a-z]{3})\.(?=[A-Z][a-z]{3,})")


def _split_title_container(text: str) -> tuple[str | None, str | None]:
    """``Title. Journal`` → (title, journal). The journal is the last sentence, together with any one-word
    abbreviations before it (``J. Clin. Med.``); the title is everything before."""
    sentences = _sentences(text)
    if not sentences:
        return None, None
    if len(sentences) == 1:
        # a full stop with its space lost between title and journal (`… cross-sectional study.Physiotherapy`)
        glued = list(_GLUED_SENTENCE.finditer(sentences[0]))
        if not glued:
            return _clean_title(sentences[0]) or None, None
        cut_at = glued[-1].end()
        return _clean_title(sentences[0][:cut_at]) or None, _clean_title(sentences[0][cut_at:]) or None
    cut = len(sentences) - 1
    while cut > 1 and (
        _ABBREVIATION.match(sentences[cut - 1])
        or (
            _ABBREVIATED_WORDS.match(sentences[cut - 1])
            and (_ABBREVIATION.match(sentences[cut].split()[0]) or _ABBREVIATION.match(sentences[cut - 2]))
        )
        or (
            cut == len(sentences) - 1
            and _WHOLE_WORD_THEN_ABBREVIATION.match(sentences[cut - 1])
            # a body's name ends in a whole word (`… Canadian Headache Society. *CMAJ*`): not the journal's
            and not _corporate_name(sentences[cut - 1])
            and _JOURNAL_WORDS.match(sentences[cut].rstrip("."))
            and len(sentences[cut].split()) <= 4
        )
    ):
        cut -= 1
    title = _clean_title(" ".join(sentences[:cut]))
    journal = " ".join(sentences[cut:])
    # An abbreviated journal keeps its last period (`J. Fict. Test Res.`); otherwise it ends the sentence.
    journal = journal.strip(" ,;") if cut < len(sentences) - 1 else _clean_title(journal)
    return title or None, journal or None


def _has_journal_cues(text: str) -> bool:
    return bool(
        # plural too: `Cochrane Database of Systematic Reviews`
        re.search(r"\b(?:journals?|reviews?|reports?|proceedings|annals|archives|bulletin)\b", text, re.I)
    )


def _clean_title(text: str | None) -> str:
    if not text:
        return ""
    text = text.strip()
    medium = _MEDIUM.search(text)
    if medium:
        # APA's and Harvard's description of what the work is, right after its title (`*Placebo Project*
        # [Design installation].`, `[Lecture]. RCA Project …`): the title ends there
        text = text[: medium.start()]
    # Drop the period that ends the sentence, but not the one of an abbreviation we cannot tell from it.
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    text = text.strip(" ,;")
    # Wikipedia's citation templates quote the title after an APA-like head: `(2018). "Title". Lancet.`
    quoted = _WHOLLY_QUOTED.match(text)
    return quoted.group(1).strip() if quoted else text


_MEDIUM = re.compile(
    r"\s*\[(?:[A-Z][a-z]+(?:\s[a-z]+){0,3}"
    # NLM's type marks in lower case: `[dissertation]`, `[master's thesis]`, `[database on the Internet]`
    r"|(?:doctoral\s+|master'?s\s+)?(?:dissertation|thesis)|(?:database|monograph|homepage)(?:\s+on\s+the\s+internet)?"
    r"|(?:video|audio|podcast|software|data\s?set))\](?=\.?\s|\.?$)",
    re.IGNORECASE,
)
_WHOLLY_QUOTED = re.compile(r'^["“]([^"“”]+)["”]$')


def _clean_issue(issue: str | None) -> str | None:
    if issue is None:
        return None
    return re.sub(rf"\s*{_DASH_RUN}\s*", "–", issue.strip()) or None


def _normalise_pages(pages: str | None) -> str | None:
    if not pages:
        return None
    return re.sub(rf"\s*{_DASH_RUN}\s*", "–", pages.strip())


# --- authors ------------------------------------------------------------------------------------------------

# Initials as printed: `E.`, `J. A.`, `J.-P.`, `JA`, `J A`.
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.?(?:\s?-?\s?[A-Z][a-z]?\.?)*|[A-Z]{1,3})$")
# One Vancouver name: family then initials (`Fishman LM`, `Rodine R.`, `van der Berg AB`, `Smith AB Jr`).
# Chinese given names are often printed with hyphenated initials (`Yuan Q-l`, `Guo T-m`, PLoS's style for
# Qi-ling Yuan): one person whose initials are `Q-L`.
_VANCOUVER_NAME = re.compile(
    r"^(?P<family>\S.*?)\s+(?P<given>[A-Z]{1,4}|[A-Z](?:-[A-Za-z]){1,2}|(?:[A-Z]\.\s?-?){1,3}|[A-Z](?:\s[A-Z]){1,2})"
    r"(?:\s+(?P<suffix>Jr\.?|Sr\.?|II|III|IV|2nd|3rd))?$"
)
_GIVEN_NAME = re.compile(r"^[^\W\d_][\w'’\-]+(?:\s+(?:[^\W\d_][\w'’\-]+|[A-Z]\.))*$")
_SUFFIX = re.compile(r"^(?:Jr\.?|Sr\.?|II|III|IV)$")
# `et al.`, APA 7's `…`, and `and others` (BibTeX's words, which bibliography tools print in Chicago lists:
# `Qifang Bi, …, Tong Zhang, and others.`)
_ET_AL_TEXT = re.compile(
    r"(?:,?\s*\bet\s+al\b\.?|,?\s*…|,?\s*\.\s?\.\s?\.|,?\s+and\s+others\b\.?)", re.IGNORECASE
)
_EDITOR_MARK = re.compile(r"\s*\((?:Eds?|eds?)\.?\)\s*\.?$")
_CORPORATE_WORDS = re.compile(
    r"\b(?:organi[sz]ation|association|group|committee|society|institute|collaboration|council|agency"
    r"|college|department|centres?|centers?|foundation|board|network|consortium|union|federation|ministry"
    r"|excellence|service|services|commission|academy|alliance|trust|office|government|authority|hospital"
    r"|clinic|university|institution|task\s+force|working\s+party|panel|programme|program|unit|team"
    r"|corporation|inc|ltd|llc|laborator(?:y|ies)|project|initiative|partnership|division|directorate|bureau"
    r"|secretariat|collaborators|collaborative|investigators)\b",
    re.IGNORECASE,
)
_PARTICLE = re.compile(rf"^(?P<particle>(?:(?:{_PARTICLE_WORDS})\s+)+)(?P<family>[^\W\d_].*)$")


def _looks_like_names(text: str) -> bool:
    """Author lists have initials or commas and no sentence-length runs of words."""
    text = _ET_AL_TEXT.sub("", text).strip(" .,")
    if not text:
        return False
    if _LOWER_RUN.search(text):
        return False  # `… Ungar. Active learning for logistic regression`: a title has run into the names
    text = text.replace(";", ",")  # `Ravid, Sarit; Maytal, Joseph`
    if _INITIALS_ANYWHERE.search(text):
        return True
    if "&" in text and all(_FAMILY_COMMA_GIVEN.fullmatch(p.strip()) for p in text.split("&")):
        return True  # ResearchGate's export: `Zaina, Fabio & Balagué, Federico & Negrini, Stefano`
    words = text.split()
    pieces = [p.strip() for p in text.split(",")]
    if len(pieces) >= 2 and all(re.fullmatch(r"[A-Z][\w'’\-]+", p) for p in pieces):
        return True  # family names alone: `Held, Stonebraker, Davenport, Ilyas, Brodie, Palmer, Markarian`
    return len(words) <= 8 and bool(_CORPORATE_WORDS.search(text) or len(words) <= 3)


_FAMILY_COMMA_GIVEN = re.compile(
    r"[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?,\s+[A-Z][\w'’\-]+(?:\s[A-Z][\w'’.\-]+){0,2}"
)
# Two lower-case words in a row (not name particles, not `and`): prose, never an author list.
_LOWER_RUN = re.compile(
    rf"(?<![\w'’-])(?!(?:{_PARTICLE_WORDS}|and|et|al)\b)[a-z]{{2,}}\s+(?!(?:{_PARTICLE_WORDS}|and|et|al)\b)[a-z]{{2,}}\b"
)


_INITIALS_ANYWHERE = re.compile(r"(?:\b[A-Z]\.|\s[A-Z]{1,3}(?:,|$|\s))")


def _parse_authors(text: str) -> tuple[tuple[Person, ...], tuple[Person, ...]]:
    """Authors as printed, in order; the second value is non-empty when they are editors (``(Eds.)``)."""
    text = text.strip()
    is_editors = bool(_EDITOR_MARK.search(text))
    text = _EDITOR_MARK.sub("", text)
    corporate = _corporate_name(text)
    if corporate is not None:
        persons_: tuple[Person, ...] = (Person(literal=corporate),)
        return ((), persons_) if is_editors else (persons_, ())
    et_al = bool(_ET_AL_TEXT.search(text))
    # APA 7 lists 19 authors, then `…`, then the last author: keep the last author, mark the gap.
    text = _ET_AL_TEXT.sub(",", text)
    text = re.sub(r",?\s*(?:&|\band\b)\s+", ", ", text)
    text = text.replace(";", ",")  # `Ravid, Sarit; Maytal, Joseph`
    text = text.strip(" ,")
    if text.endswith(".") and not re.search(r"(?:\b[A-Z]|\bJr|\bSr)\.$", text):
        text = text[:-1]
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    persons: list[Person] = []
    if not pieces:
        return (), ()
    if len(pieces) == 1 and not _VANCOUVER_NAME.match(pieces[0]):
        persons.append(_single_name(pieces[0]))
    elif _VANCOUVER_NAME.match(pieces[0]) and (
        not _INITIALS.match(pieces[0]) or (len(pieces) > 1 and _VANCOUVER_NAME.match(pieces[1]) is not None)
    ):
        # `Qu Y, Li Y, Wang J`: a short family name looks like initials (`Qu`), but in APA the piece after a
        # family name is initials alone, never another name with initials
        for piece in pieces:
            persons.append(_vancouver_person(piece))
    else:
        # APA: `Family, Initials, Family, Initials, …`; a suffix (`Jr.`) may follow the initials.
        index = 0
        while index < len(pieces):
            family = pieces[index]
            given = pieces[index + 1] if index + 1 < len(pieces) else None
            if given is not None and (_INITIALS.match(given) or _GIVEN_NAME.match(given)):
                index += 2
                suffix = None
                if index < len(pieces) and _SUFFIX.match(pieces[index]):
                    suffix = pieces[index]
                    index += 1
                persons.append(_with_particle(Person(family=family, given=given, suffix=suffix)))
            else:
                index += 1
                persons.append(_single_name(family))
    if et_al:
        persons.append(ET_AL)
    if is_editors:
        return (), tuple(persons)
    return tuple(persons), ()


_ACRONYM = re.compile(r"(?<![\w.])[A-Z]{3,}(?![\w.])")


def _corporate_name(text: str) -> str | None:
    """A group author written whole (``National Institute for Health and Care Excellence``, ``Centre for
    Effective Practice``): no initials, no comma, an organisation word. Its ``and`` is part of the name."""
    name = text.strip().rstrip(".").strip()
    # beside an organisation word, an acronym of three or more capitals names the body (`GBD 2016 Headache
    # Collaborators`, `… Society (IHS)`): no initials there
    initials = _ACRONYM.sub("", name) if _CORPORATE_WORDS.search(name) else name
    if not name or "," in name or _ET_AL_TEXT.search(name) or _INITIALS_ANYWHERE.search(f" {initials} "):
        return None
    if re.search(r"[a-z]{2}\.\s+\S", name):
        return None  # a name followed by a title (`National Cancer Institute. Genomic Data …`)
    if not _CORPORATE_WORDS.search(name) or len(name.split()) > 15:
        return None
    return name


def _parse_given_first(text: str) -> tuple[Person, ...]:
    """Editors in an APA chapter reference are written given name first: ``A. B. Quill & C. D. Marsh-Doe``."""
    et_al = bool(_ET_AL_TEXT.search(text))
    text = re.sub(r",?\s*(?:&|\band\b)\s+", ", ", _ET_AL_TEXT.sub(",", text))
    persons: list[Person] = []
    for piece in (p.strip() for p in text.split(",")):
        if not piece:
            continue
        match = _GIVEN_FIRST.match(piece)
        persons.append(
            # the given-name pattern takes the space before the family name with it
            _with_particle(Person(family=match.group("family"), given=match.group("given").strip()))
            if match
            else _single_name(piece)
        )
    return (*persons, ET_AL) if et_al else tuple(persons)


# A given name may be followed by middle initials with or without their periods (`Mark J van der Laan`,
# pandoc's Chicago without periods): an initial is one capital followed by a period or a space.
_GIVEN_FIRST = re.compile(
    r"^(?P<given>(?:[A-Z][a-z]?\.\s?-?\s?)+|(?:[A-Z]\s)?[^\W\d_][\w'’\-]+\s(?:[A-Z](?:\.\s?|\s))*)\s*"
    r"(?P<family>\S.*)$"
)


def _single_name(text: str) -> Person:
    vancouver = _VANCOUVER_NAME.match(text)
    if vancouver and not _CORPORATE_WORDS.search(text):
        return _vancouver_person(text)
    if len(text.split()) >= 2 or _CORPORATE_WORDS.search(text):
        return Person(literal=text)
    return Person(family=text)


def _vancouver_person(text: str) -> Person:
    match = _VANCOUVER_NAME.match(text)
    if not match:
        return _single_name(text) if " " in text else Person(family=text)
    given = match.group("given")
    if "-" in given and "." not in given:
        given = given.upper()  # `Q-l` is the initials of Qi-ling: `Q-L`
    family, suffix = match.group("family"), match.group("suffix")
    inner = re.match(r"^(?P<family>.+?)\s+(?P<suffix>Jr\.?|Sr\.?|II|III|IV)$", family)
    if inner and suffix is None:  # Wikipedia's `Engelhard III HH`
        family, suffix = inner.group("family"), inner.group("suffix")
    return _with_particle(Person(family=family, given=given, suffix=suffix))


def _with_particle(person: Person) -> Person:
    if person.family is None:
        return person
    match = _PARTICLE.match(person.family)
    if not match:
        return person
    return Person(
        family=match.group("family"),
        given=person.given,
        suffix=person.suffix,
        particle=match.group("particle").strip(),
    )


# --- keys ---------------------------------------------------------------------------------------------------

_TITLE_STOPWORDS = frozenset(["a", "an", "the", "of", "on", "in", "for", "and", "to", "with", "by", "from"])


def _ascii_letters(text: str) -> str:
    return "".join(ch for ch in fold(text) if "a" <= ch <= "z")


def reference_key(authors: Sequence[Person], year: int | None, title: str | None = None) -> str:
    """The citation key a reference gets before collisions are resolved: ``gattie2017``, ``rodine2015``,
    ``fernandezdelaspenas2020``, ``smithnd`` (no year)."""
    name = ""
    first = next((p for p in authors if p != ET_AL), None)
    if first is not None:
        name = _ascii_letters(" ".join(p for p in (first.particle, first.family or first.literal) if p))
    if not name and title:
        words = [_ascii_letters(w) for w in title.split()]
        name = next((w for w in words if w and w not in _TITLE_STOPWORDS), "")
    return f"{name or 'ref'}{year if year is not None else 'nd'}"


def _assign_keys(bases: Iterable[str]) -> list[str]:
    taken: set[str] = set()
    next_suffix: dict[str, int] = {}  # per base, so a list of many same-name references stays linear
    keys: list[str] = []
    for base in bases:
        key = base
        while key in taken:
            suffix = next_suffix.get(base, 0)
            next_suffix[base] = suffix + 1
            key = base + _letter_suffix(suffix)
        taken.add(key)
        keys.append(key)
    return keys


def _letter_suffix(index: int) -> str:
    """a, b, …, z, aa, ab, … (bijective base 26)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


# --- an article's reference section -------------------------------------------------------------------------

# The heading over an article's reference list: a markdown heading (`## References`), a bold line
# (`**Sources:**`) or a line of its own (`References`), named as `_headings.names_reference_list` reads
# (`## 18. Works Cited`, `# References (Vancouver)`, `## 参考文献 (References)`, `Sources and further
# reading`).
_MARKDOWN_HEADING = re.compile(r"^[ \t]{0,3}(?P<hashes>\#{1,6})[ \t]+(?P<title>.*?)(?:[ \t]+\#+)?[ \t]*$")
_SECTION_LINE_WORDS = 12  # a line standing as a heading is short; a sentence mentioning "sources" is not


def _section_heading(line: str) -> bool:
    heading = _MARKDOWN_HEADING.match(line)
    title = heading.group("title") if heading else line
    return len(title.split()) <= _SECTION_LINE_WORDS and names_reference_list(title, notes=True)


def reference_section(text: str) -> tuple[str, int] | None:
    """The reference section of an article (its text and the 1-based line it starts on), or ``None`` when the
    text has neither a reference heading nor a numbered list at its end (a file that is only a list).

    The section starts after a heading named ``References``, ``Bibliography``, ``Sources``, ``Works cited``,
    ``Resources``, ``Notes`` … (see ``_headings``) and runs to the next markdown heading of the same or a
    higher level, or to a byline or date line after the list (``By Sam Whitlock``). A heading that is a line
    of its own (``**References**``) sits one level below the markdown heading before it. Sub-headings inside
    the section (``### Journal articles``) are part of it, and so is a heading of the same level that names a
    kind of work (``## Books``, ``## Websites``) with references under it: the groups of one list. When the
    text has several reference sections, the last is taken, one named ``Resources`` or ``Further reading``
    only when no other is found. Without such a heading, a numbered list at the end
    of the text (after prose) is taken.
    """
    lines = text.splitlines()
    found = _heading_section(lines)
    if found is None:
        # a list quoted whole from another page, its heading inside the quote (`> ##### References`)
        found = _heading_section([_QUOTE_MARKER.sub("", line, count=1) for line in lines])
    if found is None:
        found = _trailing_numbered_list(lines)
        if found is None:
            return None
    start, end = found
    return "\n".join(lines[start:end]), start + 1


def _heading_section(lines: Sequence[str]) -> tuple[int, int] | None:
    """``(first, end)`` line indexes of the last section under a heading naming the list by ``References``,
    ``Sources`` …, else of the last under ``Resources`` or ``Further reading`` (see
    :func:`reference_section`)."""
    sections = _heading_sections(lines)
    strong = [found for found, weak in sections if not weak]
    return strong[-1] if strong else (sections[-1][0] if sections else None)


def _heading_sections(lines: Sequence[str]) -> list[tuple[tuple[int, int], bool]]:
    """Each section under a reference heading, ``((first, end), weak)``: ``weak`` when its heading names the
    list only by ``Resources`` or ``Further reading``."""
    found: list[tuple[tuple[int, int], bool]] = []
    section: tuple[int, int] | None = None
    weak = False
    open_level: int | None = None  # the level of the heading that opened the section being read
    level = 6  # the level of the last markdown heading, which a heading line of its own sits under
    for index, line in enumerate(lines):
        heading = _MARKDOWN_HEADING.match(line)
        if open_level is not None:
            ends = (heading is not None and len(heading.group("hashes")) <= open_level) or (
                section is not None
                and index > section[0]
                and not lines[index - 1].strip()
                and ends_a_list(line)
            )
            # a heading naming the list by `References` after a `Resources` section starts one of its own
            goes_on = heading is not None and _continues_list(lines, index, heading.group("title"))
            if goes_on and weak and heading is not None:
                goes_on = not names_reference_list(heading.group("title"), notes=True, weak=False)
            if ends and not goes_on:
                assert section is not None
                found.append(((section[0], index), weak))
                open_level = None
        if heading is not None:
            level = len(heading.group("hashes"))
        if open_level is None and _section_heading(line):
            # a line of its own before any markdown heading ends at any heading (level 7)
            open_level = level if heading is not None else level + 1
            section = (index + 1, len(lines))
            title = heading.group("title") if heading else line
            weak = not names_reference_list(title, notes=True, weak=False)
    if open_level is not None and section is not None:
        found.append((section, weak))
    return found


def _continues_list(lines: Sequence[str], index: int, title: str) -> bool:
    """A heading of the reference list's own level goes on with the list when it names a kind of work or
    another list (``## Books``, ``## Further reading``) and most lines under it hold a year or a link."""
    if not names_kind_of_work(title):
        return False
    under: list[str] = []
    for line in lines[index + 1 :]:
        if _MARKDOWN_HEADING.match(line):
            break
        if line.strip():
            under.append(line)
    marked = sum(1 for line in under if _YEAR_ANYWHERE.search(line) or _URL_SPAN.search(line))
    return bool(under) and marked * 2 >= len(under)


# Lines of boilerplate that may follow an article's reference list (byline, "Leave a Reply", a comment form's
# notice) before the text ends: looked through, at most this many, when no heading names the list.
_MAX_TRAILING_BOILERPLATE = 15


def _trailing_numbered_list(lines: Sequence[str]) -> tuple[int, int] | None:
    """``(first, end)`` line indexes of a numbered list of references near the end of the text, after other
    text; boilerplate after it (a byline, a comment form) is left out. Most items must hold a year."""
    index = len(lines) - 1
    skipped = 0
    while index >= 0 and _label_of(lines[index]) is None:
        if lines[index].strip():
            skipped += 1
            if skipped > _MAX_TRAILING_BOILERPLATE:
                return None
        index -= 1
    if index < 0:
        return None
    end = index + 1
    while end < len(lines) and lines[end].strip() and _label_of(lines[end]) is None:
        end += 1  # the last item's wrapped lines
    first = None
    items: list[str] = []
    for index in range(end - 1, -1, -1):
        line = lines[index]
        if not line.strip():
            continue
        if _label_of(line) is not None:
            first = index
            items.append(line)
            continue
        if _is_wrapped_item_line(lines, index):
            items[-1:] = [line + " " + items[-1]] if items else [line]
            continue
        if items and _between_labelled_items(lines, index) and _numbered_above(lines, index):
            continue  # a numbered item broken by a blank line (see _between_labelled_items)
        break  # prose before the list
    if first is None or not any(line.strip() for line in lines[:first]):
        return None
    with_year = sum(1 for item in items if _YEAR_ANYWHERE.search(item))
    if with_year * 2 < len(items):
        return None  # a numbered list of steps or tips, not references
    return first, end


def _numbered_above(lines: Sequence[str], index: int) -> bool:
    """The nearest non-blank line above ``index`` is a numbered item or one of its wrapped lines."""
    above = next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)
    return above is not None and (_label_of(lines[above]) is not None or _is_wrapped_item_line(lines, above))


def _is_wrapped_item_line(lines: Sequence[str], index: int) -> bool:
    """A line inside a numbered item wrapped over several lines (the item's label is above, no blank)."""
    for above in range(index - 1, -1, -1):
        if not lines[above].strip():
            return False
        if _label_of(lines[above]) is not None:
            return True
    return False


# --- the public function ------------------------------------------------------------------------------------


def parse_references(
    text: str, *, source: str | None = None, strict: bool = False, start_line: int = 1
) -> ReferenceList:
    """Parse a pasted reference list (APA, Vancouver/NLM/AMA, Harvard, AMS, MLA, Chicago, IEEE; numbered,
    bulleted or plain; wrapped; markdown; ditto authors) into references with ``.problems``. For an article
    with prose around its list, :func:`reference_section` finds the list first (``load_references`` does).
    Never raises on bad text; ``strict=True`` raises :class:`~needling_evidence.errors.StrictError` when there
    is any problem.

    ``source`` names the file for ``Reference.file`` and problem locations; ``start_line`` is the line number
    of the text's first line in that file (when the list is a slice of a larger document).
    """
    if not isinstance(text, str):
        raise UsageError(
            f"parse_references() takes the text of a reference list, not {type(text).__name__}; "
            "for a file use load_references(path)"
        )
    given = text.splitlines()
    lines = _unquoted(given)
    offsets = _line_offsets(text)
    problems: list[Problem] = []
    parsed: list[_Parsed] = []
    for block in _split_blocks(lines):
        first, last = block.start, block.start + len(block.lines) - 1
        raw = text[offsets[first] : offsets[last] + len(given[last])]
        parsed.append(_parse_block(block, raw, parsed[-1].author_text if parsed else ""))
    keys = _assign_keys(reference_key(p.authors, p.year, p.title) for p in parsed)
    # a list in which something was read is a reference list: each of its numbered items is a reference
    read_some = any(p.style != "unparsed" for p in parsed)
    references: list[Reference] = []
    for item, key in zip(parsed, keys, strict=True):
        line = item.block.start + start_line
        reference, item_problems = _to_reference(item, key, source, line, in_reference_list=read_some)
        problems.extend(item_problems)
        if reference is not None:
            references.append(reference)
    if not parsed:
        problems.append(
            Problem(
                "refs.empty", "no reference found in the text", file=source, line=None, severity="warning"
            )
        )
    if strict and problems:
        raise StrictError(problems)
    return ReferenceList(references, problems, source=source)


# A Markdown blockquote marker (`> `, up to three spaces before it): a list quoted from another page (an
# Obsidian note quoting MedlinePlus: `> Agarwal A, Barasch J. Acute kidney injury. In: …`) keeps its
# references inside the quote.
_QUOTE_MARKER = re.compile(r"^ {0,3}>[ \t]?")


def _unquoted(lines: Sequence[str]) -> list[str]:
    """The lines without their blockquote markers when every line that holds text is quoted (nested quotes
    lose one level each round); otherwise the lines as given. A line keeps its place, so line numbers hold."""
    result = list(lines)
    while any(line.strip() for line in result) and all(
        _QUOTE_MARKER.match(line) for line in result if line.strip()
    ):
        result = [_QUOTE_MARKER.sub("", line, count=1) for line in result]
    return result


def _line_offsets(text: str) -> list[int]:
    """Start offset of each line as ``str.splitlines`` splits them (any of its line boundaries)."""
    offsets: list[int] = []
    position = 0
    for line in text.splitlines(keepends=True):
        offsets.append(position)
        position += len(line)
    return offsets


def _to_reference(
    item: _Parsed, key: str, source: str | None, line: int, *, in_reference_list: bool = False
) -> tuple[Reference | None, list[Problem]]:
    problems: list[Problem] = []
    ids = item.ids
    fields: dict[str, str] = {}
    if item.block.label:
        fields["label"] = item.block.label
    if item.too_long:
        problems.append(
            Problem(
                "refs.too_long",
                f"a reference of {len(item.raw):,} characters (more than {MAX_REFERENCE_CHARS:,}) was kept "
                "as written but not parsed; is a line break missing?",
                file=source,
                line=line,
                key=key,
            )
        )
        return Reference(
            key=key, raw=item.raw, file=source, line=line, confidence=0.0, fields=fields
        ), problems
    if len(ids.dois) > 1:
        fields["other_dois"] = " ".join(ids.dois[1:])
        problems.append(
            Problem(
                "refs.multiple_dois",
                f"{len(ids.dois)} DOIs in one reference ({', '.join(ids.dois)}); the first is used",
                file=source,
                line=line,
                severity="warning",
                key=key,
                field="doi",
            )
        )
    if ids.malformed_doi and not ids.dois:
        fields["doi_as_written"] = ids.malformed_doi
    if len(ids.urls) > 1:
        fields["other_urls"] = " ".join(ids.urls[1:])
    others = (("other_pmids", ids.pmids), ("other_pmcids", ids.pmcids), ("other_isbns", ids.isbns))
    for name, values in others:
        if len(values) > 1:
            fields[name] = " ".join(values[1:])
    fields.update(item.extra)
    if item.epub:
        fields["epub"] = item.epub
    if item.leftover and item.style != "unparsed":
        fields["unparsed_text"] = item.leftover
    confidence = _confidence(item)
    reference = Reference(
        key=key,
        type=item.type,
        title=item.title,
        authors=item.authors,
        year=item.year,
        month=item.month,
        container_title=item.container_title,
        volume=item.volume,
        issue=item.issue,
        pages=item.pages,
        doi=ids.dois[0] if ids.dois else None,
        pmid=ids.pmid,
        pmcid=ids.pmcid,
        isbn=ids.isbns[0] if ids.isbns else None,
        url=ids.urls[0] if ids.urls else None,
        publisher=item.publisher,
        editors=item.editors,
        raw=item.raw,
        file=source,
        line=line,
        confidence=confidence,
        fields=fields,
    )
    if item.style == "unparsed":
        # With no year, identifier or URL, and no author list to start it (those are read as undated
        # references above), the text is a note or a step, not a reference: it is kept in the problem's `raw`.
        # But a numbered or bulleted item of a reference list is kept whatever it holds: it is a reference the
        # parser could not read, an inline citation (`[3]`) may point at it, and the items after it keep their
        # places. (Numbered steps, where nothing else was read as a reference either, are not.)
        listed = item.block.label is not None or item.block.bulleted
        kept = _useful(item) or (in_reference_list and listed)
        problems.append(
            Problem(
                "refs.unparsed",
                "reference style not recognised (not APA, Harvard, AMS, Vancouver, MLA, Chicago, IEEE,"
                " Science, Nature, ACS or the other styles this reader knows)"
                + (
                    "; kept as written with its identifiers and year at low confidence"
                    if _useful(item)
                    else "; kept as written (a numbered or bulleted item of the list), nothing read from it"
                    if kept
                    else "; nothing in it to keep (no year, DOI, PMID or URL)"
                ),
                file=source,
                line=line,
                key=key if kept else None,
                raw=item.raw,
            )
        )
        return (reference if kept else None), problems
    wanted = [
        ("year", item.year or item.undated),
        ("title", item.title),
        ("authors", item.authors or item.editors),
    ]
    if item.type == "article-journal":
        wanted.append(("journal", item.container_title))
    missing = [name for name, value in wanted if not value]
    if missing:
        problems.append(
            Problem(
                "refs.incomplete",
                f"no {', no '.join(missing)} found in this reference",
                file=source,
                line=line,
                severity="warning",
                key=key,
            )
        )
    return reference, problems


def _useful(item: _Parsed) -> bool:
    ids = item.ids
    return bool(ids.dois or ids.pmid or ids.pmcid or ids.isbns or ids.urls or item.year)


def _confidence(item: _Parsed) -> float:
    if item.style == "unparsed":
        return UNPARSED_CONFIDENCE if _useful(item) else 0.0
    score = 1.0
    if item.year is None and not item.undated:
        score -= PENALTY_NO_YEAR
    if not item.title:
        score -= PENALTY_NO_TITLE
    if not [p for p in item.authors if p != ET_AL] and not item.editors:
        score -= PENALTY_NO_AUTHORS
    if item.type == "article-journal":
        if not item.container_title:
            score -= PENALTY_NO_CONTAINER
        if not item.volume:
            score -= PENALTY_NO_VOLUME
    if item.leftover:
        score -= PENALTY_LEFTOVER
    if len(item.ids.dois) > 1:
        score -= PENALTY_MULTIPLE_DOIS
    if item.style == "partial":
        score -= PENALTY_PARTIAL
    return round(max(score, 0.0), 2)
