"""Reference lists in forms the round-4 development lists showed (issue 9, item 4): a whole list quoted in a
Markdown blockquote, NLM book chapters ending ``Publisher; 2024:chap 106.``, and titles in quotation marks
followed by a venue and year in brackets. Each rule is tested on the real snippet it came from and on
constructed variants (invented authors, titles and books) of the same form."""

from __future__ import annotations

from pathlib import Path

import needling_evidence as ne
from needling_evidence.references.text import parse_references, reference_section

# tests/data/references/real/nlm_medlineplus_acute_kidney.md, its first two references
MEDLINEPLUS = (
    "> ##### References\n"
    "> \n"
    "> Agarwal A, Barasch J. Acute kidney injury. In: Goldman L, Cooney KA, eds. *Goldman-Cecil Medicine*."
    " 27th ed. Philadelphia, PA: Elsevier; 2024:chap 106.\n"
    "> \n"
    "> Oh MS, Briefel G, Pincus MR. Evaluation of renal function, water, electrolytes, and acid-base balance."
    " In: McPherson RA, Pincus MR, eds. *Henry's Clinical Diagnosis and Management by Laboratory Methods*."
    " 24th ed. Philadelphia, PA: Elsevier; 2022:chap 15.\n"
)


def test_a_blockquoted_list_of_nlm_chapters_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "kidney.md"
    path.write_text(MEDLINEPLUS, encoding="utf-8")
    refs = ne.load_references(path)
    assert [(r.authors[0].family, r.year) for r in refs] == [("Agarwal", 2024), ("Oh", 2022)]
    assert refs[0].title == "Acute kidney injury"
    assert refs[0].container_title == "Goldman-Cecil Medicine"
    assert refs[1].container_title == "Henry's Clinical Diagnosis and Management by Laboratory Methods"
    # the raw text is the user's, quote markers and all; line numbers are the file's
    assert refs[0].raw is not None and refs[0].raw.startswith("> Agarwal A")
    assert [r.line for r in refs] == [3, 5]


def test_a_blockquoted_list_without_heading_and_nested_quotes() -> None:
    # constructed: a bulleted Vancouver list pasted into a quote, no heading, no blank quote lines
    refs = parse_references(
        "> - Lindqvist P, Moreau C. Night-time cough in children with asthma. Pediatr Pulmonol."
        " 2016;51(4):377-84.\n"
        "> - Haddad R. Inhaler technique in primary care. Prim Care Respir J. 2012;21(3):231-5.\n"
    )
    assert [(r.authors[0].family, r.year, r.container_title) for r in refs] == [
        ("Lindqvist", 2016, "Pediatr Pulmonol"),
        ("Haddad", 2012, "Prim Care Respir J"),
    ]
    # constructed: a quote inside a quote, one numbered NLM chapter on a different topic
    refs = parse_references(
        "> > 1. Farrow JD. Disorders of the plantar fascia. In: Keller TW, ed. *Foot and Ankle Surgery*."
        " 3rd ed. Boston, MA: Mosby; 2019:chap 41.\n"
    )
    assert len(refs) == 1 and refs[0].fields["label"] == "1"
    assert (refs[0].authors[0].family, refs[0].year) == ("Farrow", 2019)
    assert refs[0].title == "Disorders of the plantar fascia"
    assert refs[0].container_title == "Foot and Ankle Surgery"


def test_a_quoted_heading_opens_the_section_of_an_article() -> None:
    # constructed: prose, then a quoted "Sources" section; the prose is not read as a reference
    text = (
        "# Heel pain\n\nPlantar fasciitis is the most common cause of heel pain in adults.\n\n"
        "> ## Sources\n>\n> Ortega L, Brandt K. Heel pain in runners. Foot Ankle Int. 2018;39(2):120-6.\n"
    )
    found = reference_section(text)
    assert found is not None
    section, first_line = found
    assert first_line == 6 and "Plantar fasciitis" not in section
    refs = parse_references(section, start_line=first_line)
    assert [(r.authors[0].family, r.year, r.line) for r in refs] == [("Ortega", 2018, 7)]


# --- a numbered reference wrapped whole in a link; a body's long name as NLM author -------------------------


def test_a_numbered_reference_that_is_one_link_keeps_its_corporate_author() -> None:
    # tests/data/devset/pharmaguide_smoking_cessation.md, reference 2 (CPhA links each reference whole)
    ref = parse_references(
        "2. [Centers for Disease Control and Prevention. *How tobacco smoke causes disease: the biology and"
        " behavioural basis for smoking-attributable disease: a report of the Surgeon General* [internet]."
        " 2010."
        " Available from: www.ncbi.nlm.nih.gov/books/NBK53017.](https://www.ncbi.nlm.nih.gov/books/NBK53017/)"
    )[0]
    assert ref.fields["label"] == "2"
    assert ref.authors[0].literal == "Centers for Disease Control and Prevention"
    # constructed: a person as author, a PubMed link around a journal article on another topic
    ref = parse_references(
        "7. [Moreau C, Lindqvist P. Night-time cough in children with asthma. *Pediatr Pulmonol*"
        " 2016;51(4):377-84.](https://pubmed.ncbi.nlm.nih.gov/12345678/)"
    )[0]
    assert (ref.fields["label"], ref.authors[0].family, ref.year) == ("7", "Moreau", 2016)
    assert ref.title == "Night-time cough in children with asthma" and ref.pmid == "12345678"
    # constructed: `1)` labels and a body as author
    ref = parse_references(
        "1) [Ministry of Health. *Heat illness in outdoor workers* [internet]. 2021.](https://example.org/heat)"
    )[0]
    assert ref.fields["label"] == "1" and ref.authors[0].literal == "Ministry of Health"
    assert ref.url == "https://example.org/heat"


def test_a_body_with_a_long_name_or_an_acronym_is_the_nlm_author() -> None:
    # tests/data/devset/pharmaguide_headache.md, references 1 and 5 (inside their PubMed links)
    refs = parse_references(
        "1. Headache Classification Committee of the International Headache Society (IHS). The international"
        " classification of headache disorders, 3rd edition. *Cephalalgia* 2018;38(1):1-211.\n"
        "5. GBD 2016 Headache Collaborators. Global, regional, and national burden of migraine and"
        " tension-type headache, 1990-2016: a systematic analysis for the Global Burden of Disease"
        " Study 2016. *Lancet Neurol* 2018;17(11):954-76.\n"
    )
    assert [r.authors[0].literal for r in refs] == [
        "Headache Classification Committee of the International Headache Society (IHS)",
        "GBD 2016 Headache Collaborators",
    ]
    assert refs[0].title == "The international classification of headache disorders, 3rd edition"
    assert refs[1].container_title == "Lancet Neurol"
    # constructed: other bodies, other topics; a person with three initials stays a person
    refs = parse_references(
        "1. Working Group on Falls Prevention of the European Geriatric Medicine Society (EuGMS). Exercise"
        " to prevent falls in older adults. *Age Ageing* 2019;48(2):101-9.\n"
        "2. ASCEND Study Collaborative Group. Aspirin in diabetes: a randomised trial. *N Engl J Med*"
        " 2018;379:1529-39.\n"
        "3. Okafor JAM, Reyes T. Aspirin in diabetes: a cohort. *Diabetes Care* 2017;40(3):300-8.\n"
    )
    assert [r.authors[0].literal for r in refs[:2]] == [
        "Working Group on Falls Prevention of the European Geriatric Medicine Society (EuGMS)",
        "ASCEND Study Collaborative Group",
    ]
    assert [r.title for r in refs[:2]] == [
        "Exercise to prevent falls in older adults",
        "Aspirin in diabetes: a randomised trial",
    ]
    assert (refs[2].authors[0].family, refs[2].authors[0].given) == ("Okafor", "JAM")


# --- a quoted title followed by its venue and year in brackets ---------------------------------------------


def test_a_quoted_title_then_venue_and_year_in_brackets() -> None:
    # tests/data/references/real/subheadings_quoted_titles_assessment.md
    refs = parse_references(
        "- Buçinca, Malaya, and Gajos. “To Trust or to Think: Cognitive Forcing Functions Can Reduce"
        " Overreliance on AI in AI-assisted Decision-making” (CSCW 2021). DOI: 10.1145/3449287.\n"
        "- Gor et al. “AI, Take the Wheel: What Drives Delegation and Trust in Human–Computer Cooperative"
        " Question Answering?” (Findings of ACL 2026). DOI: 10.18653/v1/2026.findings-acl.422.\n"
        "- Shi et al. “When Models Know More Than They Can Explain: Quantifying Knowledge Transfer in"
        " Human-AI Collaboration” (NeurIPS 2025). arXiv:2506.05579.\n"
    )
    assert [(r.container_title, r.year) for r in refs] == [
        ("CSCW", 2021),
        ("Findings of ACL", 2026),
        ("NeurIPS", 2025),
    ]
    assert refs[0].doi == "10.1145/3449287" and refs[0].authors[0].family == "Buçinca"
    # constructed: other venues and topics, straight quotes, a comma after the bracket
    refs = parse_references(
        '1. Okafor and Lind. "Wearable sensors for gait in Parkinson\'s disease" (EMBC 2019), pp. 12-15.\n'
        '2. Haddad et al. "Triage notes as signals of sepsis" (AMIA Annual Symposium 2022).\n'
    )
    assert [(r.container_title, r.year, r.title) for r in refs] == [
        ("EMBC", 2019, "Wearable sensors for gait in Parkinson's disease"),
        ("AMIA Annual Symposium", 2022, "Triage notes as signals of sepsis"),
    ]


def test_a_date_in_brackets_after_a_quoted_title_is_no_venue() -> None:
    # constructed: a month or a season with the year is the date, not where the work appeared
    refs = parse_references(
        '1. Okafor and Lind. "Wearable sensors for gait" (May 2019). Gait Posture.\n'
        '2. Haddad et al. "Triage notes as signals of sepsis" (Spring 2022).\n'
        '3. Haddad et al. "Triage notes and fever" (2022).\n'
    )
    assert [r.year for r in refs] == [2019, 2022, 2022]
    assert all(r.container_title not in ("May", "Spring") for r in refs)


# --- family names, an unquoted title, the year in brackets at the end --------------------------------------


def test_family_names_then_a_title_then_the_year_in_brackets() -> None:
    # tests/data/references/real/subheadings_quoted_titles_assessment.md
    refs = parse_references(
        "- AERA, APA, and NCME. *Standards for Educational and Psychological Testing* (2014).\n"
        "- Benedict and Zgaljardic. Alternate forms and practice effects (1998)."
        " DOI: 10.1076/jcen.20.3.339.822.\n"
        "- Köhler et al. Multi-group DIF methods (2024). DOI: 10.1111/jedm.12384.\n"
    )
    assert [(r.title, r.year) for r in refs] == [
        ("Standards for Educational and Psychological Testing", 2014),
        ("Alternate forms and practice effects", 1998),
        ("Multi-group DIF methods", 2024),
    ]
    assert [r.authors[0].family or r.authors[0].literal for r in refs] == ["AERA", "Benedict", "Köhler"]
    assert refs[1].doi == "10.1076/jcen.20.3.339.822" and refs[1].container_title is None
    # constructed: other topics, `&`, a two-word family name, an italic title with a colon
    refs = parse_references(
        "1. Okafor & Van Rijn. Sleep and recovery after knee surgery (2017).\n"
        "2. Haddad, Lind, and Moreau. *Night shifts: a field guide for nurses* (2021). PMID: 31234567.\n"
    )
    assert [(r.authors[0].family, r.title, r.year) for r in refs] == [
        ("Okafor", "Sleep and recovery after knee surgery", 2017),
        ("Haddad", "Night shifts: a field guide for nurses", 2021),
    ]
    assert refs[1].pmid == "31234567" and len(refs[1].authors) == 3


def test_names_title_year_leaves_other_styles_alone() -> None:
    # constructed: a Vancouver author with initials, APA's year after the names, a journal between title
    # and year: none is this form
    refs = parse_references(
        "1. Okafor JA. Sleep and recovery after knee surgery (2017).\n"
        "2. Haddad, R., & Lind, T. (2021). Night shifts and sleep. Sleep Health, 7(2), 1-9.\n"
    )
    assert refs[0].authors[0].family == "Okafor" and refs[0].authors[0].given == "JA"
    assert (refs[1].authors[0].family, refs[1].container_title) == ("Haddad", "Sleep Health")


def test_a_body_named_between_title_and_journal_is_not_the_journal() -> None:
    # tests/data/devset/pharmaguide_headache.md, reference 18 (inside its PubMed link)
    ref = parse_references(
        "18. Pryse-Phillips WE, Dodick DW, Edmeads JG et al. Guidelines for the nonpharmacologic management"
        " of migraine in clinical practice. Canadian Headache Society. *CMAJ* 1998;159:47-54."
    )[0]
    assert (ref.container_title, ref.year, ref.volume) == ("CMAJ", 1998, "159")
    # constructed: other bodies and journals; an abbreviated journal of several sentences stays whole
    refs = parse_references(
        "1. Okafor J, Lind T. Screening for hypertension in pharmacies. Hypertension Canada Working Group."
        " *Can Pharm J* 2015;148:12-19.\n"
        "2. Moreau C. Exercise after stroke. American Heart Association. Stroke. 2019;50:e1-e9.\n"
        "3. Haddad R. Night-time cough in children. Lancet Reg. Health Eur. 2016;51(4):377-84.\n"
    )
    assert [r.container_title for r in refs] == ["Can Pharm J", "Stroke", "Lancet Reg. Health Eur."]
    assert refs[2].title == "Night-time cough in children"


# --- an NLM web document: the sentence after the title is its date ----------------------------------------


def test_the_date_after_an_internet_title_is_the_year_not_a_year_in_the_title() -> None:
    # tests/data/devset/pharmaguide_smoking_cessation.md, reference 1 (its link around it left out)
    ref = parse_references(
        "1. Dobrescu A, Bhandari A, Sutherland G et al. *The costs of tobacco use in Canada, 2012*"
        " [internet]. October 16, 2017. Available from:"
        " www.conferenceboard.ca/e-library/abstract.aspx?did=9185."
    )[0]
    assert (ref.year, ref.title, ref.container_title) == (
        2017,
        "The costs of tobacco use in Canada, 2012",
        None,
    )
    # constructed: a bare year; a day-month-year date and a range of years in the title
    refs = parse_references(
        "1. Lind T, Haddad R. Heat illness in outdoor workers, 2015 [Internet]. 2021."
        " Available from: www.example.org/heat.\n"
        "2. Okafor J. Falls among older adults in Ontario, 2019-2020 [Internet]. 12 March 2022."
        " Available from: www.example.org/falls.\n"
    )
    assert [(r.year, r.container_title) for r in refs] == [(2021, None), (2022, None)]
    assert refs[1].title == "Falls among older adults in Ontario, 2019-2020"
