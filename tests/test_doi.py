"""normalize_doi / is_valid_doi / find_dois on DOIs as people and exports write them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import clean_env
from needling_evidence.doi import find_dois, is_valid_doi, normalize_doi

SICI = "10.1002/(sici)1097-4636(199812)43:4<367::aid-jbm4>3.0.co;2-#"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.2519/jospt.2017.7096", "10.2519/jospt.2017.7096"),
        ("10.1007/S11916-013-0348-5", "10.1007/s11916-013-0348-5"),
        ("doi:10.2519/jospt.2017.7096", "10.2519/jospt.2017.7096"),
        ("DOI: 10.2519/jospt.2017.7096", "10.2519/jospt.2017.7096"),
        ("DOI 10.2519/jospt.2017.7096", "10.2519/jospt.2017.7096"),
        ("https://doi.org/10.2519/jospt.2017.7096", "10.2519/jospt.2017.7096"),
        ("http://dx.doi.org/10.2519/jospt.2017.7096", "10.2519/jospt.2017.7096"),
        ("https://www.doi.org/10.2519/jospt.2017.7096", "10.2519/jospt.2017.7096"),
        ("doi.org/10.2519/jospt.2017.7096", "10.2519/jospt.2017.7096"),
        ("info:doi/10.2519/jospt.2017.7096", "10.2519/jospt.2017.7096"),
        ("DOI: https://doi.org/10.2519/jospt.2017.7096", "10.2519/jospt.2017.7096"),
        ("doi:doi:10.2519/jospt.2017.7096", "10.2519/jospt.2017.7096"),
        ("https://doi.org/10.2519%2Fjospt.2017.7096", "10.2519/jospt.2017.7096"),
        ("10.2519%2fjospt.2017.7096", "10.2519/jospt.2017.7096"),
        ("  10.2519/jospt.2017.7096 \n", "10.2519/jospt.2017.7096"),
        ("\u00a010.2519/jospt.2017.7096\u200b", "10.2519/jospt.2017.7096"),
        ("10.2519/jospt.2017.7096.", "10.2519/jospt.2017.7096"),
        ("10.2519/jospt.2017.7096,", "10.2519/jospt.2017.7096"),
        ("10.2519/jospt.2017.7096;", "10.2519/jospt.2017.7096"),
        ("(doi:10.2519/jospt.2017.7096)", "10.2519/jospt.2017.7096"),
        ("(https://doi.org/10.2519/jospt.2017.7096).", "10.2519/jospt.2017.7096"),
        ("<https://doi.org/10.2519/jospt.2017.7096>", "10.2519/jospt.2017.7096"),
        # Unicode dashes from word processors and PDFs
        ("10.1007/s11916\u2013013\u20100348\u20145", "10.1007/s11916-013-0348-5"),
        ("10.1007/s11916\u2212013-0348-5", "10.1007/s11916-013-0348-5"),
        # markdown escapes
        (r"10.1016/s0140\_6736(17)30000-1", "10.1016/s0140_6736(17)30000-1"),
        (r"https://doi.org/10.1016/j.jbmt.2012.08.005\.", "10.1016/j.jbmt.2012.08.005"),
        # balanced parentheses are part of the DOI, unbalanced ones are prose
        ("10.1016/S0140-6736(17)30000-1", "10.1016/s0140-6736(17)30000-1"),
        ("(10.1016/S0140-6736(17)30000-1)", "10.1016/s0140-6736(17)30000-1"),
        ("10.1016/S0140-6736(17)30000-1).", "10.1016/s0140-6736(17)30000-1"),
        # Wiley SICI DOIs keep <>;()#
        (SICI, SICI),
        ("10.1002/(SICI)1097-4636(199812)43:4<367::AID-JBM4>3.0.CO;2-#", SICI),
        ("https://doi.org/10.1002/(SICI)1097-4636(199812)43:4%3C367::AID-JBM4%3E3.0.CO;2-%23", SICI),
        ("doi:10.1002/(SICI)1097-4636(199812)43:4<367::AID-JBM4>3.0.CO;2-#.", SICI),
        # a publisher URL holding exactly one DOI
        (
            "https://onlinelibrary.wiley.com/doi/10.1002/14651858.CD006043.pub2",
            "10.1002/14651858.cd006043.pub2",
        ),
        ("https://www.jospt.org/doi/10.2519/jospt.2017.7096", "10.2519/jospt.2017.7096"),
    ],
)
def test_normalize_doi_accepts_the_forms_people_write(text: str, expected: str) -> None:
    assert normalize_doi(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        "not a doi",
        "10.12/short-prefix",  # registrant code needs 4-9 digits
        "10.2519",  # no suffix
        "10.2519/",  # empty suffix
        "11.2519/jospt.2017.7096",
        "10.2519/has space",
        "10.2519/jospt{bad}",
        "https://example.org/article/123",
        "doi:",
        "PMID: 28158962",
        # two different DOIs: which one the user meant is not ours to guess
        "10.2519/jospt.2017.7096 and 10.1007/s11916-013-0348-5",
    ],
)
def test_normalize_doi_returns_none_without_one_valid_doi(text: str | None) -> None:
    assert normalize_doi(text) is None


def test_is_valid_doi_follows_crossref_patterns() -> None:
    assert is_valid_doi("10.2519/jospt.2017.7096")
    assert is_valid_doi("10.2519/JOSPT.2017.7096")  # case-insensitive
    assert is_valid_doi(SICI)
    assert is_valid_doi("10.1021/ac0354342")  # modern pattern covers old ACS too
    assert is_valid_doi("10.1207/s15327957pspr0203_4")
    assert is_valid_doi("10.1207/S15327752JPA8503&1_01")  # old Lawrence Erlbaum with '&'
    assert not is_valid_doi("10.1234/with&amp")  # '&' only in the Erlbaum legacy pattern
    assert not is_valid_doi("10.1234/a<b>")  # <> only in the Wiley / SICI patterns
    assert not is_valid_doi("doi:10.2519/jospt.2017.7096")  # validity is on the bare form
    assert not is_valid_doi(" 10.2519/jospt.2017.7096")
    assert not is_valid_doi("10.123/abc")
    assert not is_valid_doi("10.1234567890/abc")  # more than nine digits


def test_find_dois_in_free_text() -> None:
    text = (
        "1. Gattie E, Cleland JA, Snodgrass S. The effectiveness of trigger point dry needling. "
        "J Orthop Sports Phys Ther. 2017;47(3):133-149. doi:10.2519/jospt.2017.7096.\n"
        "2. Cagnie B, et al. Physiologic effects of dry needling. Curr Pain Headache Rep. 2013;17(8):348. "
        "(https://doi.org/10.1007/s11916-013-0348-5)\n"
        "3. Again: https://doi.org/10.2519/JOSPT.2017.7096; and a SICI one, " + SICI.upper() + ".\n"
        "4. Markdown link [10.1016/j.jbmt.2012.08.005](https://doi.org/10.1016/j.jbmt.2012.08.005) and "
        r"escaped 10.1016/s0140\_6736(17)30000-1."
    )
    assert find_dois(text) == [
        "10.2519/jospt.2017.7096",
        "10.1007/s11916-013-0348-5",
        SICI,
        "10.1016/j.jbmt.2012.08.005",
        "10.1016/s0140_6736(17)30000-1",
    ]


def test_find_dois_handles_markdown_link_around_wiley_doi() -> None:
    text = "[link](https://doi.org/10.1002/14651858.CD006043.pub2) and *10.1002/jor.22002*"
    assert find_dois(text) == ["10.1002/14651858.cd006043.pub2", "10.1002/jor.22002"]


def test_find_dois_empty() -> None:
    assert find_dois("no identifiers here, PMID 12345678") == []


def test_import_is_light() -> None:
    code = (
        "import sys, needling_evidence.doi; "
        "heavy = {'pandas', 'habanero', 'bibtexparser', 'requests', 'pylatexenc'} & set(sys.modules); "
        "print(sorted(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=clean_env()
    ).stdout
    assert out.strip() == "[]"
