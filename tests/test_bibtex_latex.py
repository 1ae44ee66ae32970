"""The fast LaTeX decoder gives the same text as pylatexenc on the markup bibliographies use."""

from __future__ import annotations

from pathlib import Path

import pytest
from pylatexenc.latex2text import LatexNodes2Text

from needling_evidence.references.bibtex import iter_field_values
from needling_evidence.references.latex import latex_to_text, needs_decoding

DATA = Path(__file__).parent / "data" / "bib"
PYLATEXENC = LatexNodes2Text()

# What Zotero, JabRef, Mendeley, BibDesk and people write in .bib files.
CORPUS = [
    # accents, braced and bare, on letters and on dotless i/j
    r"{\'e}", r"\'e", r"\'{e}", r"\' e", r"Jos\'e", r"\`a", r"\^{o}", r"\"{u}", r"M\"uller", r"{\"o}", r"\~n",
    r"\~{n}", r"\={a}", r"\.{z}", r"\u{a}", r"\v{S}", r"{\v{S}}imunek", r"\v c", r"\H{o}", r"\c{c}", r"\c c",
    r"\c{C}", r"\k{a}", r"\k{e}", r"\d{a}", r"\r{u}", r"\b{a}", r"\'{\i}", r"\'\i", r"\^\i", r"\"{\i}",
    r"\={\i}", r"Na{\"\i}ve", r"\'{E}cole", r"{\`{a}}", r"\'{}e", r"\'{} x", r"\'{ab}",
    # letter macros
    r"\ss", r"\ss{} x", r"\ss x", r"Stra{\ss}e", r"\o", r"{\o}rsted", r"\o rsted", r"\O", r"\aa", r"\AA",
    r"{\AA}ngstr{\"o}m", r"\ae", r"\AE", r"\oe", r"\OE", r"\l", r"\L", r"Wa{\l}{\k{e}}sa",
    r"\i", r"\j", r"\ij",    r"\NG", r"\th", r"\TH", r"\dh", r"\DH", r"\o{} x", r"\ae{}x",
    # escaped specials, dashes, quotes, spaces
    r"\&", r"{\&}", r"x \& y", r"50\%", r"\$", r"\#", r"\_", r"\{", r"\}", "a--b", "a---b", "12--34",
    "x -- y", "a-b", "-", "----", "a-{}-b", "{-}{-}", "a~b", "a,~b", "``quoted''", "x''", "?`", "!`",
    r"a\ b", r"e.g.\ x", r"\,", r"\-", r"\/", r"\@", r"a\\b",
    # named symbols
    r"\textendash", r"\textemdash", r"\textemdash{}", r"\textendash{}x", r"\ldots", r"\dots",
    r"\textellipsis", r"\textregistered", r"\texttrademark", r"\dag", r"\textdegree", r"\textbackslash",
    r"\textasciitilde",
    r"\textquoteleft", r"\textquoteright", r"\textquotedblleft", r"\textquotedblright", r"\guillemotleft",
    r"\guillemotright", r"\textbullet", r"\textperiodcentered",
    # formatting macros and groups
    r"\textit{in vivo}", r"\emph{post hoc}", r"\textbf{\textit{x}}", r"\textit {x}", r"{\em x}", r"{\bf x}",
    r"{\it x}", r"\textsc{Abc}", r"\textsuperscript{2}", r"\mkbibquote{x}", r"\noopsort{a}b", r"\relax x",
    r"\unknownmacro{x}", "{World Health Organization}", "{{Double}}", "a {b} c", "{DNA} and {MRI}",
    # math as it appears in health titles
    r"$\beta$-blockers", r"{$\beta$}-blockers", r"NF-$\kappa$B", r"p $\leq$ 0.05", r"$\pm$", r"$\mu$g",
    r"$\alpha$", r"$\times$", r"$\approx$", r"$\geq$", r"$\sim$", r"$\infty$", r"$\rightarrow$", r"$x^2$",
    r"$a_1$", r"$\cdot$",
    # whitespace is kept as written
    "a  b\n  c", "a\tb", "  x  ", "a\n\nb",
    # whole values
    r"Fern{\'a}ndez-de-las-Pe{\~n}as, C{\'e}sar",
    r"Na{\"\i}ve {\it versus} expert needling---a fictional {\'e}tude on ``sham'' controls~in 50\% of sites",
    r"Journal of Orthopaedic {\&} Sports Physical Therapy",
    "10.1002/(sici)1097-4636(199812)43:4<367::aid-jbm4>3.0.co;2-#",
]  # fmt: skip


@pytest.mark.parametrize("value", CORPUS)
def test_same_text_as_pylatexenc(value: str) -> None:
    assert latex_to_text(value) == PYLATEXENC.latex_to_text(value)


@pytest.mark.parametrize(
    "name", ["zotero.bib", "jabref.bib", "mendeley.bib", "pubmed_texmed.bib", "handwritten.bib"]
)
def test_every_fixture_field_matches_pylatexenc(name: str) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    compared = 0
    for key, field, value in iter_field_values(text):
        if field in ("url", "file", "doi") or "%" in value.replace(r"\%", ""):
            continue  # verbatim fields and a bare % are documented differences (see below)
        assert latex_to_text(value) == PYLATEXENC.latex_to_text(value), (key, field, value)
        compared += 1
    assert compared > 10


@pytest.mark.parametrize(
    ("value", "ours", "why"),
    [
        ("50% of patients", "50% of patients", "a bare % is not a comment in a bibliography"),
        ("Pain & function", "Pain & function", "a bare & is not a table separator"),
        (r"\url{https://example.org/a_b}", "https://example.org/a_b", "a URL, without pylatexenc's <…>"),
        (r"\copyright{} 2020", "© 2020", "pylatexenc drops the symbol"),
        (r"\S 3", "§3", "pylatexenc drops the symbol"),
        (r"\LaTeX", "LaTeX", "pylatexenc drops the name"),
        (r"\label{x}", "x", "arguments are never silently dropped"),
    ],
)
def test_documented_differences_keep_what_the_user_wrote(value: str, ours: str, why: str) -> None:
    assert latex_to_text(value) == ours, why
    assert PYLATEXENC.latex_to_text(value) != ours  # if pylatexenc changes, this list must change too


def test_values_without_markup_are_returned_as_is() -> None:
    plain = "Physiologic effects of dry needling"
    assert not needs_decoding(plain)
    assert latex_to_text(plain) is plain
    assert needs_decoding("{DNA}") and needs_decoding("1--2") and needs_decoding(r"\'e")


def test_stray_and_unbalanced_braces_do_not_raise() -> None:
    assert latex_to_text("a}b") == PYLATEXENC.latex_to_text("a}b")
    assert latex_to_text("a{b") == PYLATEXENC.latex_to_text("a{b")
    assert latex_to_text("\\") == "\\"  # a lone backslash at the end is kept
    assert latex_to_text(r"\'") == ""  # an accent with nothing to sit on


def test_href_gives_its_text() -> None:
    # pylatexenc 2.10 raises IndexError on \href; a bibliography note may well contain one
    assert latex_to_text(r"see \href{https://example.org}{the site}.") == "see the site."
