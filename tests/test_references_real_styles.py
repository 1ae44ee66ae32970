"""Each reading rule added for the real reference lists (tests/data/references/real/), tested on the real
snippet it came from (issue 9, item 4). The list a snippet comes from is named in each test."""

from __future__ import annotations

from needling_evidence.model import Person
from needling_evidence.references.text import ET_AL, parse_references, reference_section


def _one(text: str):  # type: ignore[no-untyped-def]
    refs = parse_references(text)
    assert len(refs) == 1, [r.raw for r in refs]
    return refs[0]


# --- the section and its items ------------------------------------------------------------------------------


def test_a_numbered_or_qualified_heading_names_the_reference_section() -> None:
    # mla_ztf_works_cited, ams_taxonomy_literature_cited, vancouver_tcga_ovarian, ieee_homomorphic_encryption
    for heading in ("## 18. Works Cited", "### VIII. Literature Cited", "# References (Vancouver)"):
        item = "1. Cox DR. Regression models. J Stat. 1972;34(2):187-220."
        text = f"# A report\n\nSome prose.\n\n{heading}\n\n{item}\n"
        found = reference_section(text)
        assert found is not None and found[0].strip().startswith("1. Cox DR"), heading
    text = (
        "## 参考文献 (References)\n\n### A. BFV核心论文\n\n"
        '[1] J. Fan and F. Vercauteren, "Somewhat practical fully homomorphic encryption,"'
        " *IACR Cryptology ePrint Archive*, Report 2012/144, 2012.\n\n"
        '### B. RNS优化\n\n[2] S. Halevi and Y. Polyakov, "An improved RNS variant of the BFV homomorphic'
        ' encryption scheme," in *Proc. CT-RSA 2019*, San Francisco, CA, USA, Mar. 2019, pp. 83-105.\n'
    )
    found = reference_section(text)
    assert found is not None
    assert [r.fields["label"] for r in parse_references(found[0])] == ["1", "2"]  # sub-headings kept inside


def test_a_numbered_item_broken_by_a_blank_line_is_one_reference() -> None:
    # elsevier_prospect_theory [36]
    text = (
        "[35] J. Qiu, E.M. Steiger, Understanding the Two Components of Risk Attitudes: An"
        " Experimental Analysis."
        " Management Science 57 (2011) 193–199.\n\n"
        "[36] J.K. Goeree, C.A. Holt, T.R. Palfrey, Risk Averse Behavior in Generalized Matching"
        " Pennies Games.\n\n"
        "Games and Economic Behavior 45 (2003) 97-113.\n\n"
        "[37] H.P. Stott, Cumulative Prospect Theory’s Functional Menagerie. Journal of Risk and"
        " Uncertainty 32"
        " (2006) 101-130.\n"
    )
    refs = parse_references(text)
    assert [r.fields["label"] for r in refs] == ["35", "36", "37"]
    assert refs[1].container_title == "Games and Economic Behavior" and refs[1].year == 2003
    # without a heading, the trailing list is found whole, not from [37] on
    found = reference_section("Some prose before.\n\n" + text)
    assert found is not None and found[0].startswith("[35]")


# --- GB/T 7714 ----------------------------------------------------------------------------------------------


def test_gbt7714_journal_conference_and_arxiv() -> None:
    # gbt7714_remote_sensing [1], [4], [18]
    journal = _one(
        "[1] Chen J, Chen K, Chen H, et al. A degraded reconstruction enhancement-based method for tiny ship"
        " detection in remote sensing images with a new large-scale dataset[J]. IEEE Transactions on"
        " Geoscience"
        " and Remote Sensing, 2022, 60: 1-14."
    )
    assert journal.type == "article-journal" and journal.year == 2022
    assert journal.container_title == "IEEE Transactions on Geoscience and Remote Sensing"
    assert journal.volume == "60" and journal.pages == "1–14"
    assert journal.title is not None and journal.title.endswith("new large-scale dataset")
    conference = _one(
        "[4] Lin T Y, Goyal P, Girshick R, et al. Focal loss for dense object"
        " detection[C]//Proceedings of the"
        " IEEE international conference on computer vision. 2017: 2980-2988."
    )
    assert conference.type == "paper-conference"
    assert conference.title == "Focal loss for dense object detection"
    assert conference.container_title == "Proceedings of the IEEE international conference on computer vision"
    assert conference.authors[0] == Person(family="Lin", given="T Y")  # spaced initials
    assert conference.year == 2017 and conference.pages == "2980–2988"
    preprint = _one(
        "[18] Wu Y, Chen L, Zhang H, et al. MTU-Net: Multi-level TransUNet for space-based infrared tiny ship"
        " detection[J]. arXiv preprint arXiv:2209.13756, 2022."
    )
    assert preprint.authors[0] == Person(family="Wu", given="Y") and preprint.authors[-1] == ET_AL
    assert preprint.container_title == "arXiv preprint arXiv:2209.13756" and preprint.year == 2022


def test_short_family_names_are_not_read_as_initials() -> None:
    # gbt7714_remote_sensing [15]: `Qu Y, Li Y` is two people, not APA's `Family, Initials`
    ref = _one(
        "[15] Qu Y, Li Y, Wang J, et al. Deep active learning for remote sensing object detection[J]. arXiv"
        " preprint arXiv:2003.08793, 2020."
    )
    assert ref.authors[:3] == (
        Person(family="Qu", given="Y"),
        Person(family="Li", given="Y"),
        Person(family="Wang", given="J"),
    )


def test_four_initials() -> None:
    # vancouver_eq5d_mokken [17]
    ref = _one(
        "17. Geraerds AJLM, Bonsel GJ, Janssen MF, de Jongh MA, Spronk I, Polinder S, Haagsma JA."
        " The added value"
        " of the EQ-5D with a cognition dimension in injury patients with and without traumatic brain injury."
        " Quality of Life Research. 2019;28(7):1931–1939. doi:10.1007/s11136-019-02144-6"
    )
    assert ref.authors[0] == Person(family="Geraerds", given="AJLM")
    assert ref.authors[3] == Person(family="Jongh", given="MA", particle="de")
    assert ref.container_title == "Quality of Life Research"


# --- initials first, `Journal 46 (2000) 1497–1512` (Elsevier) -----------------------------------------------


def test_initials_first_journal_chapter_and_book() -> None:
    # elsevier_prospect_theory [26], [38], [28]
    article = _one(
        "[26] G. van de Kuilen, P.P. Wakker, The Midweight Method to Measure Attitudes toward Risk"
        " and Ambiguity."
        " Management Science 57 (2011) 582–598."
    )
    assert article.authors == (
        Person(family="Kuilen", given="G.", particle="van de"),
        Person(family="Wakker", given="P.P."),
    )
    assert article.title == "The Midweight Method to Measure Attitudes toward Risk and Ambiguity"
    assert (article.container_title, article.volume, article.year, article.pages) == (
        "Management Science",
        "57",
        2011,
        "582–598",
    )
    chapter = _one(
        "[38] C.R. Fox, R.A. Poldrack, Prospect Theory on the Brain, in: P.W. Glimcher, E. Fehr"
        " (Eds.), Handbook"
        " of Neuroeconomics, Elsevier, New York, 2014, pp. 533–567."
    )
    assert chapter.type == "chapter" and chapter.title == "Prospect Theory on the Brain"
    assert chapter.container_title == "Handbook of Neuroeconomics" and chapter.year == 2014
    assert chapter.editors[0] == Person(family="Glimcher", given="P.W.")
    book = _one(
        "[28] L.J. Savage, The Foundations of Statistics. Wiley, New York. 2nd edn. Dover"
        " Publications, New York,"
        " 1972."
    )
    assert book.type == "book" and book.title == "The Foundations of Statistics" and book.year == 1972
    assert book.container_title is None
    asked = _one(
        "[44] M. Abdealloui, O. L’Haridon, C. Paraschiv, Experienced vs. Described Uncertainty: Do"
        " We Need Two"
        " Prospect Theory Specifications? Management Science 57 (2011) 1879–1895."
    )
    assert asked.title == (
        "Experienced vs. Described Uncertainty: Do We Need Two Prospect Theory Specifications?"
    )
    assert asked.container_title == "Management Science"


# --- IEEE and MLA ------------------------------------------------------------------------------------------


def test_ieee_organisation_authors_proceedings_and_genres() -> None:
    # ieee_homomorphic_encryption [7], [13], [5]
    seal = _one(
        '[7] Microsoft SEAL, "Microsoft SEAL (release 4.1)," GitHub repository, 2024. [Online]. Available:'
        " https://github.com/microsoft/SEAL"
    )
    assert seal.authors == (Person(literal="Microsoft SEAL"),)
    assert seal.container_title is None and seal.fields["genre"] == "GitHub repository" and seal.year == 2024
    assert seal.url == "https://github.com/microsoft/SEAL"
    paper = _one(
        '[13] Microsoft Research, "Security of homomorphic encryption," White Paper, 2018. [Online].'
        " Available:"
        ""
        ""
        ""
        " https://www.microsoft.com/en-us/research/wp-content/uploads/2018/01/security_homomorphic_encryption_white_paper.pdf"
    )
    assert paper.authors == (Person(literal="Microsoft Research"),) and paper.container_title is None
    proceedings = _one(
        '[5] S. Halevi and Y. Polyakov, "An improved RNS variant of the BFV homomorphic encryption'
        ' scheme," in'
        " *Proc. CT-RSA 2019*, San Francisco, CA, USA, Mar. 2019, pp. 83-105. [Online]. Available:"
        " https://eprint.iacr.org/2018/117"
    )
    assert proceedings.type == "paper-conference" and proceedings.container_title == "Proc. CT-RSA 2019"
    assert proceedings.year == 2019 and proceedings.pages == "83–105"
    hyphenated = _one(
        '[4] J.-C. Bajard, J. Eynard, M. A. Hasan, and V. Zucca, "A full RNS variant of FV like somewhat'
        " homomorphic encryption schemes,\" in *Proc. Selected Areas in Cryptography (SAC 2016)*, St. John's,"
        " NL, Canada, Aug. 2016, pp. 423-442, doi: 10.1007/978-3-319-69453-5_23."
    )
    assert hyphenated.authors[0] == Person(family="Bajard", given="J.-C.")
    assert hyphenated.doi == "10.1007/978-3-319-69453-5_23"


def test_mla_container_ends_before_edited_by_and_a_collaboration_is_one_author() -> None:
    # mla_ztf_works_cited (Bowell; Gaia Collaboration)
    chapter = _one(
        'Bowell, Edward, et al. "Application of Photometric Models to Asteroids." *Asteroids II*, edited by'
        " Richard P. Binzel et al., University of Arizona Press, 1989, pp. 524–556."
    )
    assert chapter.container_title == "Asteroids II" and chapter.year == 1989 and chapter.pages == "524–556"
    gaia = _one(
        'Gaia Collaboration, et al. "Gaia Data Release 3: Summary of the Content and Survey Properties."'
        " *Astronomy and Astrophysics*, vol. 674, 2023, p. A1. DOI: 10.1051/0004-6361/202243940."
    )
    assert gaia.authors == (Person(literal="Gaia Collaboration"), ET_AL)
    assert gaia.container_title == "Astronomy and Astrophysics" and gaia.doi == "10.1051/0004-6361/202243940"


# --- NLM/AMA parts of books and proceedings, EndNote's book order, web resources ----------------------------


def test_nlm_paper_in_proceedings() -> None:
    # vancouver_tcga_ovarian [13]
    ref = _one(
        "13. Hagberg A, Swart P, Chult DS. Exploring network structure, dynamics, and function using"
        " NetworkX. In: Proceedings of the 7th Python in Science Conference; 2008. p. 11-15."
    )
    assert ref.type == "paper-conference" and ref.year == 2008 and ref.pages == "11–15"
    assert ref.title == "Exploring network structure, dynamics, and function using NetworkX"
    assert ref.container_title == "Proceedings of the 7th Python in Science Conference"


def test_ama_chapter_with_editors_and_no_place() -> None:
    # a veterinary reference list on GitHub (find_string id 60927915358), AMA 11: `Publisher; Year.`
    ref = _one(
        "Cunningham SM, Pierce KV. Dilated Cardiomyopathy. In: Drobatz KJ, Hopper K, Rozanski EA,"
        " Silverstein DC, eds. Textbook of Small Animal Emergency Medicine. Wiley Blackwell; 2019. Cap. 55,"
        " pp. 341–347."
    )
    assert ref.type == "chapter" and ref.title == "Dilated Cardiomyopathy" and ref.year == 2019
    assert ref.container_title == "Textbook of Small Animal Emergency Medicine"
    assert ref.publisher == "Wiley Blackwell" and ref.pages == "341–347"
    assert ref.editors[0] == Person(family="Drobatz", given="KJ") and len(ref.editors) == 4


def test_endnote_year_place_publisher_books() -> None:
    # vancouver_eq5d_mokken [4], [30]
    book = _one("4. Brooks R. EuroQol Group after 25 Years. 2013. Rotterdam, The Netherlands, Springer.")
    assert (book.type, book.title, book.year, book.publisher) == (
        "book",
        "EuroQol Group after 25 Years",
        2013,
        "Springer",
    )
    stata = _one(
        "30. StataCorp. Stata Statistical Software: Release 13. 2013. College Station, TX, StataCorp LP."
    )
    assert stata.authors[0].family == "StataCorp" and stata.title == "Stata Statistical Software: Release 13"


def test_internet_ends_the_title_and_an_organisation_site_keeps_its_name() -> None:
    # ams_taxonomy_literature_cited (Tropicos), vancouver_eq5d_mokken [3], vancouver_tcga_ovarian [2]
    tropicos = _one(
        "Tropicos, 2014. Tropicos.org [Internet]. Missouri Botanical Garden, St. Louis,  \n"
        "MO, USA. Available from: http://www.tropicos.org. [Accessed 19 Dec 2014]."
    )
    assert (
        tropicos.title == "Tropicos.org"
        and tropicos.year == 2014
        and tropicos.url == "http://www.tropicos.org"
    )
    site = _one("3. APERSU - Alberta PROMS and EQ-5D Research and Support Unit. from http://apersu.ca/.")
    assert site.authors == (Person(literal="APERSU - Alberta PROMS and EQ-5D Research and Support Unit"),)
    assert site.url == "http://apersu.ca/" and site.type == "webpage"
    portal = _one(
        "2. National Cancer Institute. Genomic Data Commons (GDC) Data Portal [Internet]. Available from:"
        " https://portal.gdc.cancer.gov/  "
    )
    assert portal.authors == (Person(literal="National Cancer Institute"),)
    assert portal.title == "Genomic Data Commons (GDC) Data Portal"


def test_apa_retrieved_with_a_date_and_a_version_sentence() -> None:
    # vancouver_eq5d_mokken [2]
    ref = _one(
        "2. van Reenen, M., & Janssen, B. (2015, April 2015). EQ-5D-5L User guide: Basic information on how"
        " to use the EQ-5D-5L instrument. 2.1. Retrieved January 23, 2017, from"
        " http://www.euroqol.org/fileadmin/"
        "user_upload/Documenten/PDF/Folders_Flyers/EQ-5D-5L_UserGuide_2015.pdf."
    )
    assert ref.title == "EQ-5D-5L User guide: Basic information on how to use the EQ-5D-5L instrument"
    assert ref.fields["version"] == "2.1" and ref.container_title is None and ref.year == 2015
    assert ref.publisher is None and ref.type == "webpage"
    assert ref.authors[0] == Person(family="Reenen", given="M.", particle="van")


def test_apa_chapter_with_volume_and_pages() -> None:
    # apa_neural_models (Sporns)
    ref = _one(
        "Sporns, O., et al. (2005). The human brain as a network. In T. M. Boller, J. Grafman, & K. M."
        " Heilman (Eds.), Handbook of clinical neurology (Vol. 78, pp. 231-245). Elsevier."
    )
    assert ref.type == "chapter" and ref.container_title == "Handbook of clinical neurology"
    assert (ref.volume, ref.pages, ref.publisher) == ("78", "231–245", "Elsevier")


# --- the article-embedded lists of the development set (tests/data/devset/) -------------------------------


def test_ahead_of_print_date_and_a_full_stop_glued_to_the_journal() -> None:
    # devset lucifit_lymphatic_drainage [2]
    ref = _one(
        "2. Crisóstomo RS, Candeias MS, Armada-da-Silva PA. Venous flow during manual lymphatic drainage"
        " applied to different regions of the lower extremity in people with and without chronic venous"
        " insufficiency: a cross-sectional study.Physiotherapy. 2016 Feb 1. pii: S0031-9406(16)00023-7."
    )
    assert ref.authors[0] == Person(family="Crisóstomo", given="RS")
    assert ref.title is not None and ref.title.endswith("a cross-sectional study")
    assert ref.container_title == "Physiotherapy" and ref.year == 2016 and ref.month == 2


def test_nlm_reference_without_authors_opens_with_its_title() -> None:
    # devset lucifit_lymphatic_drainage [7]
    ref = _one(
        "7. Effects of manual lymph drainage for abdomen on the brain activity of subjects with psychological"
        " stress. Journal of physical therapy science. 2017;29(3):491-4."
    )
    assert ref.authors == ()
    assert ref.title == (
        "Effects of manual lymph drainage for abdomen on the brain activity of subjects with psychological"
        " stress"
    )
    assert (ref.container_title, ref.year, ref.volume, ref.issue) == (
        "Journal of physical therapy science",
        2017,
        "29",
        "3",
    )


def test_book_with_a_comma_before_the_year_after_place_and_publisher() -> None:
    # devset lucifit_lymphatic_drainage [3]
    ref = _one(
        "3. Lymphoedema Framework. Best Practice for the Management of Lymphoedema. International consensus."
        " London: MEP Ltd, 2006."
    )
    assert ref.authors == (Person(literal="Lymphoedema Framework"),)
    assert (ref.type, ref.year, ref.publisher) == ("book", 2006, "MEP Ltd")


def test_a_footnote_that_is_only_a_link_is_a_reference() -> None:
    # devset nccih_massage_tips: `[^1]: https://www.nccih.nih.gov/…` under "### References"
    import needling_evidence as ne

    text = (
        "# 6 Things To Know About Massage Therapy for Health Purposes [^1]\n\n"
        "Massage therapy appears to have few risks when performed by a trained practitioner.\n\n"
        "### References\n"
        "[^1]:"
        " https://www.nccih.nih.gov/health/tips/things-to-know-about-massage-therapy-for-health-purposes\n"
    )
    article = ne.load_article(text)
    assert [r.url for r in article.references] == [
        "https://www.nccih.nih.gov/health/tips/things-to-know-about-massage-therapy-for-health-purposes"
    ]


# --- Harvard web pages, natbib, quoted titles, edited books, partial reads ----------------------------------


def test_harvard_web_page_no_date_accessed_and_site() -> None:
    # harvard_security_report [4], [10], [3], [5]
    honeypot = _one(
        "- CrowdStrike (n.d.) What is a honeypot in cybersecurity?, CrowdStrike. Available at:"
        " https://www.crowdstrike.com/en-us/cybersecurity-101/exposure-management/honeypots/"
        " (Accessed: 16 April"
        " 2025)."
    )
    assert honeypot.authors == (Person(family="CrowdStrike"),) and honeypot.year is None
    assert (
        honeypot.title == "What is a honeypot in cybersecurity?" and honeypot.container_title == "CrowdStrike"
    )
    assert honeypot.fields["accessed"] == "16 April 2025" and honeypot.type == "webpage"
    lateral = _one(
        "- CrowdStrike (no date b) What is lateral movement? Available at: https://www.crowdstrike.com/en-us/"
        "cybersecurity-101/cyberattacks/lateral-movement/ (Accessed: 18 April 2025)."
    )
    assert lateral.year is None and lateral.title == "What is lateral movement?"  # not the year accessed
    learn = _one(
        "- Microsoft (n.d.) Active Directory Domain Services overview. Microsoft Learn. Available at:"
        " https://learn.microsoft.com/vi-vn/windows-server/identity/ad-ds/get-started/virtual-dc/"
        "active-directory-domain-services-overview (Accessed: 13 April 2025)."
    )
    assert learn.title == "Active Directory Domain Services overview"
    assert learn.container_title == "Microsoft Learn" and learn.publisher is None
    wiki = _one(
        "- Wikipedia. (2024). Honeypot (computing). [online] Available at:"
        " https://en.wikipedia.org/wiki/Honeypot_(computing) [Accessed 18 Apr. 2025]."
    )
    assert (wiki.title, wiki.container_title, wiki.year) == ("Honeypot (computing)", None, 2024)
    assert wiki.url == "https://en.wikipedia.org/wiki/Honeypot_(computing)"


def test_natbib_full_names_and_journal_year_volume_pages() -> None:
    # vancouver_mixed_active_learning [1]
    ref = _one(
        "Andrew I. Schein and Lyle H. Ungar. Active learning for logistic regression: an evaluation. Machine"
        " Learning (2007) 68: 235–265. https://link.springer.com/content/pdf/10.1007/s10994-007-5019-5.pdf"
    )
    assert ref.authors == (
        Person(family="Schein", given="Andrew I."),
        Person(family="Ungar", given="Lyle H."),
    )
    assert (ref.container_title, ref.year, ref.volume, ref.pages) == (
        "Machine Learning",
        2007,
        "68",
        "235–265",
    )
    assert ref.doi == "10.1007/s10994-007-5019-5"  # from the publisher's PDF link, which is kept as the URL
    assert ref.url == "https://link.springer.com/content/pdf/10.1007/s10994-007-5019-5.pdf"


def test_quoted_title_after_an_author_year_head() -> None:
    # vancouver_mixed_active_learning [12]
    ref = _one(
        'Settles, Burr (2010), "Active Learning Literature Survey" (PDF), Computer Sciences Technical Report'
        " 1648. University of Wisconsin–Madison.*"
    )
    assert (ref.title, ref.year, ref.type) == ("Active Learning Literature Survey", 2010, "report")
    assert ref.authors == (Person(family="Settles", given="Burr"),)


def test_nlm_edited_book_by_a_group() -> None:
    # vancouver_mixed_active_learning [20]
    ref = _one(
        "MIT Critical Data, editors. Secondary Analysis of Electronic Health Records. Cham,"
        " Switzerland: Springer;"
        " 2016."
    )
    assert ref.authors == () and ref.editors == (Person(literal="MIT Critical Data"),)
    assert (ref.type, ref.title, ref.year, ref.publisher) == (
        "book",
        "Secondary Analysis of Electronic Health Records",
        2016,
        "Springer",
    )


def test_authors_title_and_container_are_kept_when_the_date_form_is_unknown() -> None:
    # vancouver_mixed_active_learning [3], [11]: read partly, at lower confidence, never dropped
    abstract = _one(
        "Raju SP, Ho Y-L, Zimolzak AJ, Katcher B, Cho K, Gagnon DR. Validation of Laboratory Values in a"
        " Heterogeneous Healthcare System: The US Veterans Affairs Experience. 31st International"
        " Conference on"
        " Pharmacoepidemiology & Therapeutic Risk Management (ICPE). Boston; 8/22-26/2015."
    )
    assert abstract.authors[1] == Person(family="Ho", given="Y-L") and abstract.year == 2015
    assert abstract.container_title == (
        "31st International Conference on Pharmacoepidemiology & Therapeutic Risk Management (ICPE)"
    )
    assert abstract.confidence <= 0.7
    nips = _one(
        "Atlas LE, Cohn DA, Ladner RE. Training Connectionist Networks with Queries and Selective"
        " Sampling. NIPS"
        " 1989.*"
    )
    assert (nips.title, nips.container_title, nips.year) == (
        "Training Connectionist Networks with Queries and Selective Sampling",
        "NIPS",
        1989,
    )
    cohn = _one(
        "Cohn DA, Atlas LE, Ladner RE. Improving generalization with active learning. Machine Learning"
        " 15(2):201-221, 1994.*"
    )
    assert (cohn.container_title, cohn.year) == ("Machine Learning", 1994)


# --- Wikipedia's rendered citations ------------------------------------------------------------------------


def test_wikipedia_journal_citation_with_backlinks_and_notes() -> None:
    # wikipedia_hydrocephalus [12], [1]
    lancet = _one(
        '^ Burton A (August 2015). "Infant hydrocephalus in Africa: spreading some good news". The Lancet.'
        " Neurology. 14 (8): 789–790. doi:10.1016/S1474-4422(15)00138-6. PMID 26091960. S2CID 35920581."
    )
    assert lancet.authors == (Person(family="Burton", given="A"),) and lancet.year == 2015
    assert lancet.title == "Infant hydrocephalus in Africa: spreading some good news"
    assert lancet.container_title == "The Lancet. Neurology"
    assert (lancet.volume, lancet.issue, lancet.pages) == ("14", "8", "789–790")
    assert (lancet.doi, lancet.pmid, lancet.fields["s2cid"]) == (
        "10.1016/s1474-4422(15)00138-6",
        "26091960",
        "35920581",
    )
    martin = _one(
        '^ Martin BA, Loth F (December 2009). "The influence of coughing on cerebrospinal fluid'
        " pressure in an"
        ' in vitro syringomyelia model with spinal subarachnoid space stenosis". Cerebrospinal Fluid'
        " Research."
        " 6 (1): 17. doi:10.1186/1743-8454-6-17. PMC 2806373. PMID 20043856."
    )
    assert (martin.pmcid, martin.pmid, martin.container_title) == (
        "PMC2806373",
        "20043856",
        "Cerebrospinal Fluid Research",
    )


def test_wikipedia_web_pages_books_editors_and_semicolon_names() -> None:
    # wikipedia_hydrocephalus [9], [4], [5], [14], [17], [18]
    page = _one(
        '^ "Hydrocephalus: Causes, symptoms, and treatments". www.medicalnewstoday.com. 2017-12-07. Retrieved'
        " 2022-05-18."
    )
    assert (page.authors, page.title, page.container_title, page.year) == (
        (),
        "Hydrocephalus: Causes, symptoms, and treatments",
        "www.medicalnewstoday.com",
        2017,
    )
    assert page.fields["accessed"] == "2022-05-18"
    sheet = _one(
        '^ "Hydrocephalus Fact Sheet". National Institute of Neurological Disorders and Stroke. August 2005.'
        " Archived from the original on 2016-07-27."
    )
    assert (sheet.container_title, sheet.year) == (
        "National Institute of Neurological Disorders and Stroke",
        2005,
    )
    book = _one(
        "^ Cabot RC (1919). Physical diagnosis (7th ed.). New York: William Wood and Company. p. 5 –"
        " via Google"
        " Books."
    )
    assert (book.type, book.title, book.year, book.fields["edition"]) == (
        "book",
        "Physical diagnosis",
        1919,
        "7th ed.",
    )
    medscape = _one(
        '^ Engelhard III HH, Sahrakar K, Pang D (2022-03-03). Talavera F (ed.). "Neurosurgery for'
        " Hydrocephalus"
        ' Treatment & Management: Approach Considerations, Medical Therapy, Surgical Therapy". Medscape.'
    )
    assert medscape.authors[0] == Person(family="Engelhard", given="HH", suffix="III")
    assert (
        medscape.editors == (Person(family="Talavera", given="F"),) and medscape.container_title == "Medscape"
    )
    assert medscape.year == 2022
    ravid = _one(
        '^ Ravid, Sarit; Maytal, Joseph (February 2003). "External hydrocephalus: a probable cause'
        " for subdural"
        ' hematoma in infancy". Pediatric Neurology. 28 (2): 139–141. doi:10.1016/s0887-8994(02)00500-3. PMID'
        " 12699866."
    )
    assert ravid.authors == (Person(family="Ravid", given="Sarit"), Person(family="Maytal", given="Joseph"))
    benner = _one(
        '^ Benner KW, Spellen S, Jeske A. "Pharmacology of Shunt Infections". www.uspharmacist.com. Retrieved'
        " 2022-05-18."
    )
    assert benner.authors[0] == Person(family="Benner", given="KW") and benner.year is None
    assert benner.container_title == "www.uspharmacist.com"


# --- round 2: HTML around items, Chicago from pandoc, IEEE from Zotero ------------------------------------


def test_html_tags_around_an_item_are_looked_through_and_a_tag_line_separates_items() -> None:
    # ieee_covid_ct_small_tags [2]-[3]: every item in <small> tags
    text = (
        "<small>\n"
        "<small>[2] Q. Song, L. Zhao, X. Luo, and X. Dou, “Using Deep Learning for Classification of Lung"
        " Nodules on Computed Tomography Images,” J Healthc Eng, vol. 2017, p. 8314740, 2017, doi:"
        " 10.1155/2017/8314740.</small>\n\n\n"
        "<small>[3] G. González et al., “Disease Staging and Prognosis in Smokers Using Deep Learning in"
        " Chest Computed Tomography,” Am J Respir Crit Care Med, vol. 197, no. 2, pp. 193–203, Jan. 2018,"
        " doi: 10.1164/rccm.201705-0860OC.</small>\n"
    )
    refs = parse_references(text)
    assert [r.fields["label"] for r in refs] == ["2", "3"]
    assert (
        refs[0].title
        == "Using Deep Learning for Classification of Lung Nodules on Computed Tomography Images"
    )
    assert (refs[0].container_title, refs[0].doi) == ("J Healthc Eng", "10.1155/2017/8314740")
    assert refs[1].authors[0].family == "González" and refs[1].raw.startswith("<small>[3]")


def test_pandoc_chicago_entries_with_combining_accents_particles_and_a_ditto_after_a_div() -> None:
    # chicago_ditto_stochastic_shift [4]-[5], [7]
    text = (
        '<div id="ref-diaz2011super" class="csl-entry">\n\n'
        "Dı́az, Iván, and Mark J van der Laan. 2011. “Super Learner Based\n"
        "Conditional Density Estimation with Application to Marginal Structural\n"
        "Models.” *The International Journal of Biostatistics* 7 (1): 1–20.\n\n"
        "</div>\n\n"
        '<div id="ref-diaz2012population" class="csl-entry">\n\n'
        "———. 2012. “Population Intervention Causal Effects Based on Stochastic\n"
        "Interventions.” *Biometrics* 68 (2): 541–49.\n\n"
        "</div>\n"
    )
    first, second = parse_references(text)
    assert first.authors[0].family == "Dı́az" and first.authors[1].family == "Laan"
    assert first.container_title == "The International Journal of Biostatistics" and first.year == 2011
    assert second.authors[0].family == "Dı́az" and second.fields["authors_ditto"] == "———"
    assert (second.title, second.container_title, second.year) == (
        "Population Intervention Causal Effects Based on Stochastic Interventions",
        "Biometrics",
        2012,
    )


def test_ieee_access_date_preprint_dataset_and_nickname() -> None:
    # ieee_covid_ct_small_tags [6], [7], [12], [16], [17]
    page = _one(
        "[6] “Relation Between Chest CT Findings and Clinical Conditions of Coronavirus Disease (COVID-19)"
        " Pneumonia: A Multicenter Study - PubMed.” Accessed: Sept. 06, 2025. [Online]. Available:"
        " https://pubmed.ncbi.nlm.nih.gov/32125873/"
    )
    assert page.year is None and page.fields["accessed"] == "Sept. 06, 2025"
    assert page.container_title is None and page.pmid == "32125873"
    liu = _one(
        "[7] X. (Freddie) Liu, G. Karagoz, and N. Meratnia, “Analyzing the Impact of Data Augmentation on"
        " the Explainability of Deep Learning-Based Medical Image Classification,” Machine Learning and"
        " Knowledge Extraction, vol. 7, no. 1, p. 1, Mar. 2025, doi: 10.3390/make7010001."
    )
    assert liu.authors[0] == Person(family="Liu", given="X.")
    assert liu.container_title == "Machine Learning and Knowledge Extraction"
    cbam = _one(
        "[12] S. Woo, J. Park, J.-Y. Lee, and I. S. Kweon, “CBAM: Convolutional Block Attention Module,”"
        " July 18, 2018, arXiv: arXiv:1807.06521. doi: 10.48550/arXiv.1807.06521."
    )
    assert (cbam.container_title, cbam.year) == ("arXiv", 2018)
    zenodo = _one(
        "[16] M. Jun et al., “COVID-19 CT Lung and Infection Segmentation Dataset.” Zenodo, Apr. 20, 2020."
        " Accessed: Sept. 04, 2025. [Online]. Available: https://zenodo.org/records/3757476"
    )
    assert (zenodo.container_title, zenodo.publisher, zenodo.year) == (None, "Zenodo", 2020)
    figshare = _one(
        "[17] “MedSeg Covid Dataset 2.” figshare, Jan. 05, 2021. doi: 10.6084/m9.figshare.13521509.v2."
    )
    assert (figshare.title, figshare.container_title, figshare.publisher) == (
        "MedSeg Covid Dataset 2",
        None,
        "figshare",
    )


# --- round 2: Harvard (Cite Them Right), NLM web resources, informal and exported lists ---------------------


def test_harvard_single_quoted_title_then_journal_proceedings_medium_and_place_publisher() -> None:
    # harvard_ctr_eating_design [1], [8], [5], [19], [11]
    braun = _one(
        "Braun, V. and Clarke, V. (2006) 'Using Thematic Analysis in Psychology', *Qualitative Research in"
        " Psychology*, 3(2), pp. 77–101."
    )
    assert (braun.title, braun.container_title, braun.volume, braun.issue, braun.pages) == (
        "Using Thematic Analysis in Psychology",
        "Qualitative Research in Psychology",
        "3",
        "2",
        "77–101",
    )
    fogg = _one(
        "Fogg, B.J. (2009) 'A Behavior Model for Persuasive Design', in *Proceedings of the 4th International"
        " Conference on Persuasive Technology (Persuasive \\'09)*. New York: ACM, pp. 1–7."
    )
    assert (fogg.type, fogg.title, fogg.pages) == (
        "paper-conference",
        "A Behavior Model for Persuasive Design",
        "1–7",
    )
    assert (
        fogg.container_title
        == "Proceedings of the 4th International Conference on Persuasive Technology (Persuasive '09)"
    )
    placebo = _one(
        "Dunne, A. and Raby, F. (2001) *Placebo Project* [Design installation]. London: Royal College of Art"
        " Gallery."
    )
    assert placebo.title == "Placebo Project"
    lecture = _one(
        "Martell, S. (2026) *Futures Strategy: Intelligence–Perspective–Logic–Foresight Framework* [Lecture]."
        " RCA Project Design Approach Workshop. London: Royal College of Art, March 2026."
    )
    assert lecture.title == "Futures Strategy: Intelligence–Perspective–Logic–Foresight Framework"
    ific = _one(
        "IFIC (International Food Information Council) (2023) *Food and Health Survey 2023*. Washington, DC:"
        " IFIC Foundation. Available at: https://ific.org/research/food-and-health-survey/"
        " (Accessed: 12 April 2026)."
    )
    assert (ific.title, ific.container_title, ific.publisher) == (
        "Food and Health Survey 2023",
        None,
        "Washington, DC: IFIC Foundation",
    )


def test_nlm_internet_title_then_publisher_is_not_a_journal() -> None:
    # vancouver_doi_who_metastasis [46], [50]
    json_file = _one(
        "46. Ogbonna KE. identifiability_results.json [Internet]. Thesis #5 / GitHub; 2026 Sep 21 [cited 2026"
        " Sep 21]. Available from: https://github.com/cloudynirvana/thesis-05-metastasis-anatomical-graphs/blob"
        "/main/results/identifiability_results.json"
    )
    assert (json_file.title, json_file.container_title, json_file.publisher, json_file.year) == (
        "identifiability_results.json",
        None,
        "Thesis #5 / GitHub",
        2026,
    )
    thesis = _one(
        "50. Ogbonna KE. Complexity science and NSTG-guided in-silico pathology dynamics for biologics"
        " pathway exploration [Internet]. Thesis #2 working manuscript. 20 September 2026"
        " [cited 2026 Sep 21]."
        " Available from: https://github.com/cloudynirvana/thesis-02-complexity-nstg"
    )
    assert thesis.container_title is None and thesis.year == 2026


def test_informal_sources_one_vancouver_name_before_a_quote_untitled_citations_and_document_numbers() -> None:
    # informal_sunscreen_sources [1], [8], [10], [7], [3]
    krokidi = _one(
        '1. Krokidi KM et al. "Insights into the photoprotection mechanism of the UV filter homosalate".'
        " PCCP 22 (2020) 18044, doi:10.1039/D0CP02610G."
    )
    assert (
        krokidi.authors == (Person(family="Krokidi", given="KM"), ET_AL) and krokidi.container_title == "PCCP"
    )
    bonda = _one(
        '8. Bonda C. "The Photostability of Organic Sunscreen Actives" in *Sunscreens: Regulations and'
        " Commercial Development*, 3rd ed., Marcel Dekker 2005, Ch. 14."
    )
    assert bonda.authors == (Person(family="Bonda", given="C"),)
    stiefel = _one("10. Stiefel C, Schwack W. Int J Cosmet Sci 36 (2014) 561-572.")
    assert (stiefel.title, stiefel.container_title, stiefel.volume, stiefel.year, stiefel.pages) == (
        None,
        "Int J Cosmet Sci",
        "36",
        2014,
        "561–572",
    )
    assert [p.family for p in stiefel.authors] == ["Stiefel", "Schwack"]
    mocci = _one("7. Mocci F et al. ACS Omega (2025) doi:10.1021/acsomega.5c09234 (DFT spectra).")
    assert (mocci.title, mocci.container_title, mocci.year) == (None, "ACS Omega", 2025)
    sccs = _one("3. SCCS/1622/20 — Opinion on Homosalate, final 2020. doi:10.2875/95028.")
    assert sccs.year == 2020 and sccs.doi == "10.2875/95028"


def test_pubmed_mla_researchgate_and_statpearls_as_pasted_on_a_patient_page() -> None:
    # tests/data/devset/onemg_back_pain.md (development article), its reference list
    urits = _one(
        "- Urits, Ivan et al. “Low Back Pain, a Comprehensive Review: Pathophysiology, Diagnosis, and"
        " Treatment.” Current pain and headache reports vol. 23,3 23. 11 Mar. 2019,"
        " doi:10.1007/s11916-019-0757-1.  (https://pubmed.ncbi.nlm.nih.gov/30854609/)"
    )
    assert (urits.container_title, urits.volume, urits.pmid) == (
        "Current pain and headache reports",
        "23",
        "30854609",
    )
    bindra = _one(
        "- Supreet Bindra, Sinha A.G.K, et al. Epidemiology Of Lower Back Pain In Indian Population: A"
        " Review. International Journal of Basic and Applied Medical Sciences ISSN: 2277-2103. 2015 Vol. 5"
        " (1)"
        " January-April.  (https://www.cibtech.org/J-MEDICAL-SCIENCES/PUBLICATIONS/2015/Vol_5_No_1/29-JMS-029"
        "-BINDRA-EPIDEMIOLOGY-REVIEW.pdf)"
    )
    assert bindra.container_title == "International Journal of Basic and Applied Medical Sciences"
    assert bindra.fields["issn"] == "2277-2103"
    zaina = _one(
        "- Zaina, Fabio & Balagué, Federico & Battié, Michele & Karppinen, Jaro & Negrini, Stefano. (2020)."
        " Low Back Pain in 2020: new frontiers and old limits of our understanding. An overview of the state"
        " of the art from a rehabilitation perspective. European journal of physical and rehabilitation"
        " medicine. 56. 10.23736/S1973-9087.20.06257-7."
    )
    assert zaina.authors[0] == Person(family="Zaina", given="Fabio") and zaina.volume == "56"
    assert zaina.container_title == "European journal of physical and rehabilitation medicine"
    statpearls = _one(
        "- Casiano VE, Sarwan G, Dydyk AM, et al. Back Pain. [Updated 2022 Feb 22]. In: StatPearls"
        " [Internet]. Treasure Island (FL): StatPearls Publishing; 2022 Jan."
    )
    assert statpearls.container_title == "StatPearls"
    assert statpearls.publisher is not None and "StatPearls Publishing" in statpearls.publisher
    santas = _one(
        "- Santas J, Espadaler J, Manceau J. Review of Helicobacter pylori and its influence on gastric"
        " diseases: Role of probiotics. PubMed. 2014. Available at:  (https://pubmed.ncbi.nlm.nih.gov/25502346/.)"
    )
    assert santas.container_title is None and santas.fields["database"] == "PubMed"
    arthritis = _one(
        "- Jennifer Cuthbertson. Tai Chi Shown to Ease Back Pain. Arthritis Foundation.  "
        "(https://www.arthritis.org/diseases/more-about/tai-chi-shown-to-ease-back-pain )"
    )
    assert ")" not in (arthritis.container_title or "") + (arthritis.title or "")


def test_an_organisation_then_a_title_and_perhaps_a_year() -> None:
    # acupressure_sources_italic [7], [16]
    who = _one(
        "7. World Health Organization. *WHO Standard Acupuncture Point Locations in the Western Pacific"
        " Region.* 2008."
    )
    assert who.authors == (Person(literal="World Health Organization"),)
    assert (who.title, who.year) == (
        "WHO Standard Acupuncture Point Locations in the Western Pacific Region",
        2008,
    )
    mayo = _one("16. Mayo Clinic. *Hypertensive crisis: What are the symptoms?*")
    assert mayo.authors == (Person(literal="Mayo Clinic"),)
    assert (mayo.title, mayo.year) == ("Hypertensive crisis: What are the symptoms?", None)
    acu = _one(
        "3. Au DWH, et al. *Effects of acupressure on anxiety: a systematic review and meta-analysis.*"
        " Acupuncture in Medicine, 2015."
    )
    assert (acu.authors[0].family, acu.container_title, acu.year) == ("Au", "Acupuncture in Medicine", 2015)


def test_a_note_line_after_a_doi_is_not_glued_to_it() -> None:
    # apa7_balance_relevance_notes [3]
    ref = _one(
        "- Johansson, J., Nordström, A., Gustafson, Y., Westling, G., & Nordström, P. (2017). Increased"
        " postural sway during quiet stance as a risk factor for prospective falls in community-dwelling"
        " elderly individuals. *Age and Ageing, 46*(6), 964–970. https://doi.org/10.1093/ageing/afx083\n"
        "  *Relevance:* Prospective evidence that objective postural sway independently predicts incident"
        " falls."
    )
    assert ref.doi == "10.1093/ageing/afx083"
    assert (ref.container_title, ref.volume, ref.issue) == ("Age and Ageing", "46", "6")
    # a DOI really cut at the end of a line still joins its rest
    cut = _one(
        "Gattie, E., Cleland, J. A., & Snodgrass, S. (2017). Title here. Journal of Orthopaedic & Sports"
        " Physical Therapy, 47(3), 133–149. https://doi.org/10.2519/\njospt.2017.7096"
    )
    assert cut.doi == "10.2519/jospt.2017.7096"


def test_a_journal_without_volume_after_an_apa_head_is_the_container() -> None:
    # bold_authors_pregnancy_exercise [7]
    ref = _one(
        "7. **Woodley SJ et al.** (2020). Pelvic floor muscle training for preventing and treating urinary"
        " and faecal incontinence in antenatal and postnatal women. Cochrane Database of Systematic Reviews."
    )
    assert (ref.type, ref.container_title, ref.publisher) == (
        "article-journal",
        "Cochrane Database of Systematic Reviews",
        None,
    )
    book = _one(
        "4. **IOM/National Academies** (2009). Weight Gain During Pregnancy: Reexamining the Guidelines."
        " Institute of Medicine."
    )
    assert (
        book.container_title is None
        and book.title == "Weight Gain During Pregnancy: Reexamining the Guidelines"
    )


def test_harvard_online_site_and_nlm_internet_publisher() -> None:
    # harvard_online_nhs_app [2], [1]; vancouver_internet_breast_screening [3], [5]
    lovell = _one(
        "Lovell, T. (2025). NHS trusts warned that ‘legacy debt’ could pose patient safety risk. [online]"
        " Digital Health. Available at: https://www.digitalhealth.net/2025/01/nhs-trusts-warned-that-legacy"
        "-debt-could-pose-patient-safety-risk/ [Accessed 14 March 2025]."
    )
    assert (lovell.title, lovell.container_title, lovell.type) == (
        "NHS trusts warned that ‘legacy debt’ could pose patient safety risk",
        "Digital Health",
        "webpage",
    )
    nhs = _one(
        "NHS England (2024). NHS England» NHS App messaging saved NHS more than £1 million in last year."
        " [online] www.england.nhs.uk. Available from: https://www.england.nhs.uk/2024/05/nhs-app-messaging"
        "-saved-nhs-more-than-1-million-in-last-year/. [Accessed 13 March 2025]."
    )
    assert nhs.container_title == "www.england.nhs.uk" and nhs.year == 2024
    seer = _one(
        "  3. SEER. Female Breast Cancer - Cancer Stat Facts [Internet]. National Cancer Institute. 2018."
        " Available from: https://seer.cancer.gov/statfacts/html/breast.html "
    )
    assert (seer.title, seer.container_title, seer.publisher) == (
        "Female Breast Cancer - Cancer Stat Facts",
        None,
        "National Cancer Institute",
    )
    cdc = _one(
        "5. CDC. What Is Breast Cancer screening? [Internet]. Centers for Disease Control and Prevention."
        " 2019 [cited 2021 Dec 3]. Available from: https://www.cdc.gov/cancer/breast/basic_info/screening.htm"
    )
    assert cdc.container_title is None and cdc.publisher == "Centers for Disease Control and Prevention"


def test_a_link_cut_after_a_hyphen_joins_a_plain_word() -> None:
    # the counterpart of apa7_balance_relevance_notes: a URL cut inside a word still joins its rest
    # (harvard_ctr_eating_design [2], wrapped by hand after a hyphen, its trailing `/` left off so that only
    # the hyphen tells the line is the rest of the link)
    ref = _one(
        "Business of Apps (2024) *Health and Fitness App Report 2024*. Available at:"
        " https://www.businessofapps.com/data/health-fitness-app-\nreport (Accessed: 12 April 2026)."
    )
    assert ref.url == "https://www.businessofapps.com/data/health-fitness-app-report"
