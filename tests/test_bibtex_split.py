"""read_bibtex's fast split (issue 13: a 100,000-entry library read in a few seconds) gives exactly the
blocks bibtexparser's splitter gives — same types, keys, fields, values, lines and raw text — or gives up
(None) and leaves the file to bibtexparser. Checked on the bundled .bib files, on clean libraries (where it
must not give up) and on generated and arbitrary BibTeX-like text (hypothesis)."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
from bibtexparser.splitter import Splitter
from hypothesis import given, settings
from hypothesis import strategies as st

from needling_evidence import read_bibtex
from needling_evidence.references.bibtex import _SIMPLE_FIELD, _fast_split

DATA = Path(__file__).parent / "data"


def _field_tuples(block: Any) -> list[tuple[str, str, int | None]]:
    return [(f.key, f.value, f.start_line) for f in getattr(block, "fields", None) or []]


def _described(block: Any) -> dict[str, Any]:
    """Everything _read_library reads of a block (and more), comparable with ==."""
    out: dict[str, Any] = {"type": type(block).__name__, "line": block.start_line, "raw": block.raw}
    for name in ("key", "entry_type", "value", "comment", "duplicate_keys"):
        if hasattr(block, name):
            out[name] = getattr(block, name)
    out["fields"] = _field_tuples(block)
    for name in ("ignore_error_block", "previous_block"):
        inner = getattr(block, name, None)
        if inner is not None:
            out[name] = (type(inner).__name__, inner.start_line, inner.raw, _field_tuples(inner))
    return out


def _bibtexparser_blocks(text: str) -> list[dict[str, Any]]:
    logging.getLogger("bibtexparser.splitter").disabled = True  # failed blocks are logged; not wanted here
    try:
        return [_described(b) for b in Splitter(text).split().blocks]
    finally:
        logging.getLogger("bibtexparser.splitter").disabled = False


def _fast_blocks(text: str) -> list[dict[str, Any]] | None:
    library = _fast_split(text)
    return None if library is None else [_described(b) for b in library.blocks]


def _assert_same_or_none(text: str) -> bool:
    fast = _fast_blocks(text)
    if fast is not None:
        assert fast == _bibtexparser_blocks(text)
    return fast is not None


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.bib")), ids=lambda p: p.name)
def test_bundled_files_split_as_bibtexparser_splits_them(path: Path) -> None:
    _assert_same_or_none(path.read_text(encoding="utf-8", errors="replace"))


@pytest.mark.parametrize("name", ["zotero.bib", "mendeley.bib", "pubmed_texmed.bib", "jabref.bib"])
def test_reference_manager_exports_take_the_fast_split(name: str) -> None:
    assert _assert_same_or_none((DATA / "bib" / name).read_text(encoding="utf-8"))


CLEAN_LIBRARY = """% exported by hand
@article{Gattie2017,
  author = {Gattie, Eric and Cleland, Joshua A. and Snodgrass, Suzanne},
  title = {The Effectiveness of Trigger Point Dry Needling for {Musculoskeletal} Conditions},
  journal = {J Orthop Sports Phys Ther},
  year = 2017,
  volume = "47",
  pages = {133--149},
  note = {{\\"O}sterreich, {\\'e}t{\\'e}, 50\\% and a = b, "quoted"},
  doi = {10.2519/jospt.2017.7096},
}

@Book{ key2 , title={A, b}, title = {again}, year={2001}}
@misc{reftex}
@String{ jospt = "Journal of Orthopaedic {\\&} Sports, Physical = Therapy"}
@string{jospt = {again}}
@comment{jabref-meta: databaseType:bibtex; {nested}}
@preamble{ "\\newcommand{\\noop}[1]{}" }
@article{Later, journal = jospt # { and more}, year = {2001}}
trailing text
"""


def test_a_clean_library_with_odd_corners_is_split_fast_and_the_same() -> None:
    # quotes and numbers as values, a repeated field, a field-less entry, LaTeX escapes, comments between
    assert _assert_same_or_none(CLEAN_LIBRARY)
    refs = read_bibtex(CLEAN_LIBRARY)
    assert [r.key for r in refs] == ["Gattie2017", "key2", "reftex", "Later"]
    assert refs[3].container_title == "again and more"
    assert refs[0].fields["note"].startswith("Österreich, été, 50% and a = b")
    assert {p.code for p in refs.problems} >= {"bibtex.duplicate_field", "bibtex.duplicate_string"}


@pytest.mark.parametrize(
    "text",
    [
        "@string{j = {Journal}\n@article{a, journal = j}\n",  # unclosed @string
        "@comment{jabref-meta: x {\n",
        "@article(a, title={T})\n",
        "@article{a, title={T}\n@article{b, title={U}}\n",  # unclosed: bibtexparser fails the first block
        "@article{a, title={T}, note = {see @misc{b}}}\n",
        "@article{a, title={T}",
    ],
)
def test_anything_else_is_left_to_bibtexparser(text: str) -> None:
    assert _fast_split(text) is None


# value pieces: braces only balanced ("\\{" is no brace to bibtexparser), quotes, marks, escapes, newlines
_VALUE_TEXT = st.lists(
    st.sampled_from([*"ab ,=\"\\'%&#@\n\t.-", "\\{", "\\}", "{\\'e}", "{x}", "{{y}}", "{{{z}}}", "@x{"]),
    max_size=12,
).map("".join)


@st.composite
def _clean_entries(draw: st.DrawFn) -> str:
    entries = []
    for n in range(draw(st.integers(1, 4))):
        fields = []
        for name in draw(st.lists(st.sampled_from(["title", "author", "year", "Note", "doi"]), max_size=4)):
            value = draw(_VALUE_TEXT) if draw(st.booleans()) else "x"
            form = draw(st.sampled_from(["{%s}", "{{%s}}", '"%s"', "%s"]))
            fields.append(f"{name}{draw(st.sampled_from(['', ' ', '  ', chr(10)]))}= " + form % value)
        sep = draw(st.sampled_from([",", ",\n  ", " ,"]))
        close = draw(st.sampled_from(["}", ",}", "\n}"]))
        entries.append(
            f"@{draw(st.sampled_from(['article', 'Misc', 'book']))}{{k{n}{sep}" + sep.join(fields) + close
        )
    return draw(st.sampled_from(["\n", "\n\n", "\n% c\n", " x "])).join(entries)


@settings(max_examples=300, deadline=None)
@given(_clean_entries())
def test_generated_libraries_split_as_bibtexparser_splits_them(text: str) -> None:
    _assert_same_or_none(text)


_PIECES = [
    "@article{",
    "@misc{k,",
    "@comment{",
    "@string{",
    "@preamble{",
    "@string{s = ",
    "@a(",
    "@",
    "k1,",
    " title = ",
    "author=",
    "{",
    "}",
    '"',
    '{"}',
    ",",
    "=",
    "\n",
    "\\",
    "\\\n",
    "\\{",
    "\\}",
    "#",
    " ",
    "\t",
    "x",
    "%",
    "(",
    ")",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_arbitrary_bibtex_like_text_splits_as_bibtexparser_splits_it_or_is_left_to_it(text: str) -> None:
    _assert_same_or_none(text)


def test_the_generated_library_shape_of_the_benchmark_takes_the_fast_split() -> None:
    entries = "\n".join(
        f"@article{{lib{n},\n  author = {{Aldane, A. and Jessop, B.}},\n  title = {{Study {n}}},\n"
        f"  journal = {{J Synth Ther}},\n  year = {{2001}},\n  pages = {{{n}--{n + 8}}},\n"
        f"  doi = {{10.5555/bench.library.{n}}}\n}}\n"
        for n in range(50)
    )
    assert _assert_same_or_none(entries)


# _SIMPLE_FIELD as it was written first, with greedy repetitions that backtrack one character at a time: the
# possessive form the fast split uses must match exactly where, and as far as, this one does.
_SIMPLE_FIELD_BACKTRACKING = re.compile(
    r'[^{}",=@\\]*(?P<eq>=)\s*\{(?:[^{}@\\]|\\[^{}@\\]|\{(?:[^{}@\\]|\\[^{}@\\])*\})*\}\s*(?P<end>[,}])'
)


def _field_matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, int] | None]:
    found = (pattern.match(text, start) for start in range(len(text) + 1))
    return [None if m is None else (m.start("eq"), m.start("end"), m.end()) for m in found]


_VALUE_PIECES = [
    "x",
    "y z",
    "{",
    "}",
    "{}",
    "{{}}",
    "{a}",
    "{{b}}",
    "{{{c}}}",
    "\\",
    "\\x",
    "\\{",
    "\\}",
    "\\@",
    "@",
    '"',
    ",",
    "=",
]


@st.composite
def _field_like_text(draw: st.DrawFn) -> str:
    """Text shaped like fields (`name = {value},`) with odd values, among arbitrary BibTeX-like pieces."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(["title", " t ", "", "a,b", "x{"]))
        space = draw(st.sampled_from(["", " ", "\n  ", "\u2003"]))
        value = "".join(draw(st.lists(st.sampled_from(_VALUE_PIECES), max_size=10)))
        end = draw(st.sampled_from(["}", "},", "} ,", "}\n}", "", "}}"]))
        parts.append(f"{name}{space}={space}{{{value}{end}")
        parts.append(draw(st.sampled_from(["", "\n", *_PIECES])))
    return "".join(parts)


@settings(max_examples=1000, deadline=None)
@given(
    _field_like_text() | st.lists(st.sampled_from([*_PIECES, *_VALUE_PIECES, "é"]), max_size=30).map("".join)
)
def test_the_possessive_simple_field_pattern_matches_as_the_backtracking_one(text: str) -> None:
    assert _field_matches(_SIMPLE_FIELD, text) == _field_matches(_SIMPLE_FIELD_BACKTRACKING, text)


def test_the_simple_field_patterns_agree_on_the_bundled_files() -> None:
    for path in sorted(DATA.rglob("*.bib")):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert _field_matches(_SIMPLE_FIELD, text) == _field_matches(_SIMPLE_FIELD_BACKTRACKING, text), path
