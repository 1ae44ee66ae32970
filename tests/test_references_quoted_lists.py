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
