"""MLA's Works Cited as writers type it without italics (issue 9, item 4): `Last, First. "Title." Container,
vol. 3, no. 2, 2019, pp. 1–10.`, web pages with no author `"Title." Site, Publisher, 12 Mar. 2020,
www.example.org/page.`, links printed without `https://`, books `Last, First. Title. Publisher, Year.`, and
one reference a line with no blank line between. Each form is tested on real snippets (named by where they
were found) and on constructed variants in other words and topics (invented authors, sites and titles)."""

from __future__ import annotations

from needling_evidence.references.text import parse_references


def _one(text: str):  # type: ignore[no-untyped-def]
    refs = parse_references(text)
    assert len(refs) == 1, [r.raw for r in refs]
    return refs[0]


MAYO_DIABETES = "www.mayoclinic.org/diseases-conditions/type-2-diabetes/symptoms-causes/syc-20351193"


def _family(ref) -> str | None:  # type: ignore[no-untyped-def]
    first = ref.authors[0] if ref.authors else None
    return None if first is None else (first.family or first.literal)


# Real: the `find_string` store, id 30931878373 (a diabetes-risk app's README, Markdown), its section
# "# Citations", entries indented four spaces as printed; five of its entries, verbatim.
REAL_DIABETES_CITATIONS = """\
    Teboul, Alex. “Diabetes Health Indicators Dataset.” Kaggle, 8 Nov. 2021, www.kaggle.com/datasets/alexteboul/diabetes-health-indicators-dataset.

    “About the Special Diabetes Program - NIDDK.” National Institute of Diabetes and Digestive and Kidney Diseases, U.S. Department of Health and Human Services, www.niddk.nih.gov/about-niddk/research-areas/diabetes/type-1-diabetes-special-statutory-funding-program/about-special-diabetes-program. Accessed 11 Sept. 2024. 

    “National Diabetes Statistics Report.” Centers for Disease Control and Prevention, Centers for Disease Control and Prevention, www.cdc.gov/diabetes/php/data-research/index.html. Accessed 11 Sept. 2024.

    Ceriello, Antonio, and Francesco Prattichizzo. “Variability of Risk Factors and Diabetes Complications.” Cardiovascular Diabetology, U.S. National Library of Medicine, pubmed.ncbi.nlm.nih.gov/33962641/. Accessed 9 Sept. 2024. 

    “Type 2 Diabetes.” Mayo Clinic, Mayo Foundation for Medical Education and Research, 14 Mar. 2023, www.mayoclinic.org/diseases-conditions/type-2-diabetes/symptoms-causes/syc-20351193. 
"""  # noqa: E501, W291


def test_real_mla_works_cited_without_italics() -> None:
    refs = parse_references(REAL_DIABETES_CITATIONS)
    got = [(_family(r), r.year, r.title, r.container_title, r.publisher) for r in refs]
    assert got == [
        ("Teboul", 2021, "Diabetes Health Indicators Dataset", "Kaggle", None),
        (
            None,
            None,  # only an access date is printed: not a publication year
            "About the Special Diabetes Program - NIDDK",
            "National Institute of Diabetes and Digestive and Kidney Diseases",
            "U.S. Department of Health and Human Services",
        ),
        (
            None,
            None,
            "National Diabetes Statistics Report",
            "Centers for Disease Control and Prevention",
            "Centers for Disease Control and Prevention",
        ),
        (
            "Ceriello",
            None,
            "Variability of Risk Factors and Diabetes Complications",
            "Cardiovascular Diabetology",
            "U.S. National Library of Medicine",
        ),
        (
            None,
            2023,
            "Type 2 Diabetes",
            "Mayo Clinic",
            "Mayo Foundation for Medical Education and Research",
        ),
    ]
    # MLA 9's link without its scheme is the reference's link, and a PubMed one gives the PMID
    assert refs[3].url == "pubmed.ncbi.nlm.nih.gov/33962641/" and refs[3].pmid == "33962641"
    assert (
        refs[4].url == "www.mayoclinic.org/diseases-conditions/type-2-diabetes/symptoms-causes/syc-20351193"
    )
    assert all(r.fields.get("accessed") for r in refs[1:4])


# Real: the `find_string` store, id 10879642932 (an asthma and air-quality report rendered by pandoc),
# section "# REFERENCES", items 1, 2 and 5 as printed (numbered, hard-wrapped, a `\|` escaped by pandoc).
REAL_ASTHMA_REFERENCES = """\
1.  “Asthma.” Mayo Clinic, Mayo Foundation for Medical Education and
    Research, 8 Mar. 2025,
    www.mayoclinic.org/diseases-conditions/asthma/symptoms-causes/syc-20369653.

2.  “Asthma Facts.” Asthma & Allergy Foundation of America, 23
    Apr. 2025, aafa.org/asthma/asthma-facts/.

5.  “Jama Network \\| Home of Jama and the Specialty Journals of the
    American Medical Association.” Jama Network, jamanetwork.com/.
    Accessed 12 Nov. 2025.
"""


def test_real_mla_web_pages_wrapped_by_pandoc() -> None:
    refs = parse_references(REAL_ASTHMA_REFERENCES)
    got = [(r.fields["label"], r.title, r.container_title, r.publisher, r.year) for r in refs]
    assert got == [
        ("1", "Asthma", "Mayo Clinic", "Mayo Foundation for Medical Education and Research", 2025),
        ("2", "Asthma Facts", "Asthma & Allergy Foundation of America", None, 2025),
        (
            "5",
            "Jama Network | Home of Jama and the Specialty Journals of the American Medical Association",
            "Jama Network",
            None,
            None,
        ),
    ]
    assert [r.month for r in refs[:2]] == [3, 4]
    assert [r.url for r in refs] == [
        "www.mayoclinic.org/diseases-conditions/asthma/symptoms-causes/syc-20369653",
        "aafa.org/asthma/asthma-facts/",
        "jamanetwork.com/",
    ]


# Real: Enazzzz/pneumonia-site, `data/citations.md` (MLA 9 examples for a school project on pneumonia), the
# four examples as printed, each wrapped over two lines.
REAL_PNEUMONIA_EXAMPLES = """\
Centers for Disease Control and Prevention. "Pneumonia." CDC, U.S. Department of Health 
and Human Services, 15 Mar. 2023, www.cdc.gov/pneumonia/index.html. Accessed 20 Oct. 2024.

"Pneumonia." Britannica, Encyclopædia Britannica, Inc., 2024, 
www.britannica.com/science/pneumonia. Accessed 20 Oct. 2024.

Smith, John. Understanding Respiratory Diseases. Medical Press, 2022.

Johnson, Mary. "Advances in Pneumonia Treatment." Medical Research Quarterly, 
vol. 45, no. 3, 2023, pp. 120-135.
"""  # noqa: W291


def test_real_mla_examples_web_page_encyclopaedia_book_and_article() -> None:
    web, entry, book, article = parse_references(REAL_PNEUMONIA_EXAMPLES)
    assert (_family(web), web.title, web.container_title, web.publisher, web.year) == (
        "Centers for Disease Control and Prevention",
        "Pneumonia",
        "CDC",
        "U.S. Department of Health and Human Services",
        2023,
    )
    assert (entry.authors, entry.title, entry.container_title, entry.year) == (
        (),
        "Pneumonia",
        "Britannica",
        2024,
    )
    assert entry.publisher is not None and entry.publisher.startswith("Encyclopædia Britannica, Inc")
    assert (_family(book), book.title, book.publisher, book.year, book.type) == (
        "Smith",
        "Understanding Respiratory Diseases",
        "Medical Press",
        2022,
        "book",
    )
    assert (_family(article), article.title, article.container_title) == (
        "Johnson",
        "Advances in Pneumonia Treatment",
        "Medical Research Quarterly",
    )
    assert (article.volume, article.issue, article.pages, article.year) == ("45", "3", "120–135", 2023)


def test_real_mla_numbered_pages_of_a_quiz_app() -> None:
    # Real: esmith720/Cancer-Quiz-App, `MoreInformation.js`, two of its "References" strings as printed
    nci = _one(
        "1. “NCI Dictionary of Cancer Terms.” National Cancer Institute,"
        " www.cancer.gov/publications/dictionaries/cancer-terms/def/second-opinion."
    )
    assert (nci.title, nci.container_title, nci.year) == (
        "NCI Dictionary of Cancer Terms",
        "National Cancer Institute",
        None,
    )
    mayo = _one(
        "1. “Breast Cancer.” Mayo Clinic, Mayo Foundation for Medical Education and Research, 22 Nov. 2019,"
        " www.mayoclinic.org/diseases-conditions/breast-cancer/diagnosis-treatment/drc-20352475."
    )
    assert (mayo.title, mayo.container_title, mayo.publisher, mayo.year, mayo.month) == (
        "Breast Cancer",
        "Mayo Clinic",
        "Mayo Foundation for Medical Education and Research",
        2019,
        11,
    )


# --- constructed variants -----------------------------------------------------------------------------------


def test_mla_one_reference_a_line_with_no_blank_line_between() -> None:
    # constructed: a Works Cited typed one entry a line: a journal article, a page with no author, a book,
    # a page by a person on a site with a publisher (sleep medicine, invented)
    text = (
        'Okafor, Ngozi. "Night Shifts and Sleep Debt." Shift Work, vol. 8, no. 1, 2020, pp. 5–17.\n'
        '"Sleep Apnoea." Riverbend Health, Riverbend Health Trust, 3 Feb. 2021, www.example.org/apnoea.\n'
        "Haldane, Rosa. The Tired Brain. Larchwood Press, 2018.\n"
        'Imre, Tomas. "Naps at Work." The Rest Blog, Quiet Media, 9 Sept. 2019, restblog.example.com/naps.\n'
    )
    refs = parse_references(text)
    got = [(_family(r), r.title, r.container_title, r.publisher, r.year) for r in refs]
    assert got == [
        ("Okafor", "Night Shifts and Sleep Debt", "Shift Work", None, 2020),
        (None, "Sleep Apnoea", "Riverbend Health", "Riverbend Health Trust", 2021),
        ("Haldane", "The Tired Brain", None, "Larchwood Press", 2018),
        ("Imre", "Naps at Work", "The Rest Blog", "Quiet Media", 2019),
    ]
    assert (refs[0].volume, refs[0].issue, refs[0].pages) == ("8", "1", "5–17")
    assert refs[3].url == "restblog.example.com/naps"


def test_mla_web_pages_with_no_author_in_other_words() -> None:
    # constructed: a site and its publisher, a site alone with a date, a site with no date (access date only)
    ref = _one('"Caring for a Sprained Ankle." Hillside Orthopaedics, Hillside Medical Group, 30 June 2022.')
    assert (ref.title, ref.container_title, ref.publisher, ref.year, ref.month) == (
        "Caring for a Sprained Ankle",
        "Hillside Orthopaedics",
        "Hillside Medical Group",
        2022,
        6,
    )
    ref = _one("“Iron-Rich Foods.” Plate Facts, 14 Jan. 2017, platefacts.example.net/iron.")
    assert (ref.title, ref.container_title, ref.publisher, ref.year) == (
        "Iron-Rich Foods",
        "Plate Facts",
        None,
        2017,
    )
    assert ref.url == "platefacts.example.net/iron"
    ref = _one('"Tinnitus." Quiet Ear Society, www.example.org/tinnitus. Accessed 2 Apr. 2023.')
    assert (ref.title, ref.container_title, ref.year) == ("Tinnitus", "Quiet Ear Society", None)
    # a journal whose name holds a serial comma stays whole (not a container and a publisher)
    ref = _one('"Cold Water Swims." Sea, Sand, and Health, vol. 2, no. 1, 2016, pp. 3-9.')
    assert (ref.container_title, ref.publisher, ref.volume) == ("Sea, Sand, and Health", None, "2")


def test_mla_and_chicago_books_without_italics() -> None:
    # constructed: one author, two authors, et al., a place before the publisher (Chicago), a press with
    # initials in its name
    cases = [
        (
            "Garcia, Luis. Pain: A Short History. Oxford UP, 2015.",
            "Garcia",
            "Pain: A Short History",
            "Oxford UP",
        ),
        ("Ruiz, Pilar, and Tom Hale. Night Shifts. Cedar UP, 2018.", "Ruiz", "Night Shifts", "Cedar UP"),
        ("Lee, Ann, et al. Diet and Gout. Fen Books, 2017.", "Lee", "Diet and Gout", "Fen Books"),
        ("Moss, Peter. Living with Gout. London: Fen Books, 2012.", "Moss", "Living with Gout", "Fen Books"),
        ("Vance, Ida. Bones at Rest. W. W. Norton, 2010.", "Vance", "Bones at Rest", "W. W. Norton"),
    ]
    for text, family, title, publisher in cases:
        ref = _one(text)
        assert (_family(ref), ref.title, ref.publisher, ref.type) == (family, title, publisher, "book"), text
    assert [p.family for p in _one(cases[1][0]).authors] == ["Ruiz", "Hale"]
    # APA initials, and a journal after the title, are not this form
    ref = _one("Okafor, K. (2019). Sleep after surgery. Journal of Sleep, 4(2), 1-9.")
    assert (ref.container_title, ref.type) == ("Journal of Sleep", "article-journal")


def test_mla_pasted_from_a_pdf_doubled_spaces_bare_doi_empty_slot_and_a_date_cut_short() -> None:
    # constructed: a Works Cited copied out of a PDF, one entry a line (occupational health, invented)
    text = (
        "Osei, Kofi, et al.  “Night Shifts and Heart Health.”  Journal of Occupational Health, vol. 61,"
        " no. 4, 2019, pp. 301–309, occhealth.example.org/content/61/4/301, 10.1002/joh.2019.61."
        "  Accessed 3 Feb. 2021.\n"
        "“Hand Hygiene in Clinics.”  Riverbend Health Trust, 2020, www.example.org/hand-hygiene."
        "  Accessed 4 Feb. 2021.\n"
        "Lind, Maria, and Tom Hale.  “Sleep After Surgery.”  Surgical Nursing, vol. 12, no. 2, , pp. 44-51.\n"
        "Quist, Ana.  “Falls in Care Homes.”  Ageing Today, 2 Aug.\n"
    )
    refs = parse_references(text)
    got = [(_family(r), r.title, r.container_title, r.year) for r in refs]
    assert got == [
        ("Osei", "Night Shifts and Heart Health", "Journal of Occupational Health", 2019),
        (None, "Hand Hygiene in Clinics", "Riverbend Health Trust", 2020),
        ("Lind", "Sleep After Surgery", "Surgical Nursing", None),
        ("Quist", "Falls in Care Homes", "Ageing Today", None),  # `2 Aug.`: no year printed
    ]
    assert (refs[0].doi, refs[0].url) == ("10.1002/joh.2019.61", "occhealth.example.org/content/61/4/301")
    assert (refs[0].volume, refs[0].issue, refs[0].pages) == ("61", "4", "301–309")
    assert (refs[2].volume, refs[2].pages) == ("12", "44–51")
