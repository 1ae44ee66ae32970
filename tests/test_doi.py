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


# --- landing pages, PubMed, PMC and ISBN (issue 9 item 4, issue 11 item 3) --------------------------------
# Real identifiers only: Cochrane CD012424.pub2 and its landing-page suffix are quoted in issue 9 from a real
# reference list; 10.1371/journal.pone.0117146 / PMC4339195 is Yuan 2015 (journals.plos.org, PMC mirror);
# 10.1007/s11916-013-0348-5 is Cagnie 2013 (the bundled article); PMIDs 28154098, 27357357 and PMCID
# PMC5321635 are printed in tests/data/refs/article_stroke_readme.md; the ISBNs are printed in public
# repositories' reference lists (Levine 2009 "Flex & bison", Morris 2016 "Infrastructure as Code").

from needling_evidence.doi import (  # noqa: E402
    find_isbns,
    find_pmcids,
    find_pmids,
    normalize_isbn,
    normalize_pmcid,
    normalize_pmid,
)


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        ("10.1002/14651858.CD012424.pub2/full", "10.1002/14651858.cd012424.pub2"),
        (
            "https://www.cochranelibrary.com/cdsr/doi/10.1002/14651858.CD012424.pub2/full",
            "10.1002/14651858.cd012424.pub2",
        ),
        (
            "https://www.cochranelibrary.com/cdsr/doi/10.1002/14651858.CD012424.pub2/full/es",
            "10.1002/14651858.cd012424.pub2",
        ),
        (
            "https://onlinelibrary.wiley.com/doi/epdf/10.1002/14651858.CD012424.pub2",
            "10.1002/14651858.cd012424.pub2",
        ),
        (
            "https://onlinelibrary.wiley.com/doi/10.1002/14651858.CD012424.pub2/abstract",
            "10.1002/14651858.cd012424.pub2",
        ),
        (
            "https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0117146",
            "10.1371/journal.pone.0117146",
        ),
        (
            "https://journals.plos.org/plosone/article/file?id=10.1371/journal.pone.0117146&type=printable",
            "10.1371/journal.pone.0117146",
        ),
        ("https://link.springer.com/content/pdf/10.1007/s11916-013-0348-5.pdf", "10.1007/s11916-013-0348-5"),
        (
            "https://link.springer.com/article/10.1007/s11916-013-0348-5/fulltext.html",
            "10.1007/s11916-013-0348-5",
        ),
    ],
)
def test_doi_from_publisher_landing_pages(text: str, doi: str) -> None:
    assert normalize_doi(text) == doi
    assert find_dois(f"see {text}.") == [doi]


def test_dois_with_slashes_keep_them() -> None:
    # a DOI's own slash-separated parts are not landing-page names
    assert normalize_doi("10.1002/(sici)1097-4636(199812)43:4<367::aid-jbm4>3.0.co;2-#") == (
        "10.1002/(sici)1097-4636(199812)43:4<367::aid-jbm4>3.0.co;2-#"
    )
    assert normalize_doi("https://doi.org/10.1175/wcas-d-11-00007.1") == "10.1175/wcas-d-11-00007.1"


@pytest.mark.parametrize(
    "text",
    [
        "PMID: 28154098",
        "PMID 28154098",
        "PubMed PMID: 28154098",
        "https://pubmed.ncbi.nlm.nih.gov/28154098/",
        "https://www.ncbi.nlm.nih.gov/pubmed/28154098",
        "http://www.ncbi.nlm.nih.gov/pubmed/?term=28154098",
        "https://europepmc.org/article/MED/28154098",
        "https://europepmc.org/abstract/MED/28154098",
        "28154098",
    ],
)
def test_pmid_in_every_form(text: str) -> None:
    assert normalize_pmid(text) == "28154098"


def test_find_pmids_in_order_without_duplicates() -> None:
    text = (
        "doi: 10.1093/eurheartj/ehw287. [URL](https://pubmed.ncbi.nlm.nih.gov/27357357/). PMID: 28154098; "
        "see also PMID: 27357357"
    )
    assert find_pmids(text) == ["27357357", "28154098"]
    assert find_pmids("Circ Res. 2017;120(3):472-495.") == []
    assert normalize_pmid("PMID: 0") is None


@pytest.mark.parametrize(
    "text",
    [
        "PMCID: PMC5321635",
        "PMC5321635",
        "pmc5321635",
        "5321635",
        "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5321635/",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC5321635/",
        "https://europepmc.org/article/PMC/PMC5321635",
        "https://europepmc.org/abstract/PMC/PMC5321635",
    ],
)
def test_pmcid_in_every_form(text: str) -> None:
    assert normalize_pmcid(text) == "PMC5321635"


def test_find_pmcids() -> None:
    assert find_pmcids("PMID: 38184714; PMCID: PMC10771433. PMID: 28154098; PMCID: PMC5321635.") == [
        "PMC10771433",
        "PMC5321635",
    ]


def test_isbn_check_digits() -> None:
    assert normalize_isbn("978-0-596-15597-1") == "9780596155971"
    assert normalize_isbn("ISBN 978-1-4919-2435-8") == "9781491924358"
    assert normalize_isbn("978-1-4919-2435-7") is None  # one digit off: the check digit catches it
    assert normalize_isbn("0-596-15597-1") is None
    assert find_isbns("Sebastopol, CA: O'Reilly Media. ISBN 978-0-596-15597-1.") == ["9780596155971"]
    assert find_isbns("a phone number 978-0-596-15597-1 without a label") == []


def test_a_pubmed_search_url_names_no_record() -> None:
    assert find_pmids("https://pubmed.ncbi.nlm.nih.gov/?term=2017+back+pain") == []
    # a record URL with tracking parameters after it (as a public repository's list prints PubMed links)
    assert find_pmids("https://pubmed.ncbi.nlm.nih.gov/28154098/?fc=None&ff=20251206024217") == ["28154098"]
