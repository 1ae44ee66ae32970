"""Finding an article's reference list in the forms unseen pages write it (issue 9, item 4): a list whose
entries sit under sub-headings (`### Journal articles`, `**Books**`, HTML `<h3>`), a list headed by a line
standing as a heading (`**Sources:**`, `Resources`, `<p><strong>References</strong></p>`), a list at the foot
of a page with page furniture after it (`Share on:`), and references written one a line with no blank line
between. Each form is tested on a real snippet (named by where it was found) and on constructed variants in
other words and topics: invented organisations, authors and titles, so that no rule fits one printed page."""

from __future__ import annotations

from pathlib import Path

import pytest

from needling_evidence.article import load_article
from needling_evidence.references import load_references
from needling_evidence.references._headings import names_kind_of_work, names_reference_list
from needling_evidence.references.text import parse_references, reference_section


def _titles(refs) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [r.title for r in refs]


def _one_reference(text: str):  # type: ignore[no-untyped-def]
    refs = parse_references(text)
    assert len(refs) == 1, [r.raw for r in refs]
    return refs[0]


def _article(tmp_path: Path, name: str, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_article(path)


def _listed(tmp_path: Path, name: str, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_references(path)


# --- the words of a heading ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "References",
        "**Sources:**",
        "Resources",
        "12. Works Cited",
        "Selected references",
        "Sources and further reading",
        "References & Resources",
        "Key scientific sources",
        "References (Vancouver)",
        "Notes and references",
        "Sources used in this article",
        "References for this page:",
        "来源列表",
    ],
)
def test_a_heading_naming_a_reference_list(title: str) -> None:
    assert names_reference_list(title)


@pytest.mark.parametrize(
    "title",
    [
        "Sources of back pain",
        "Resources for carers",
        "How we chose our sources",
        "Notes",  # remarks as often as references, in an article
        "Treatment",
        "What the research says",
    ],
)
def test_a_heading_that_does_not_name_a_reference_list(title: str) -> None:
    assert not names_reference_list(title)


@pytest.mark.parametrize(
    "title",
    [
        "Journal articles",
        "Books",
        "Websites:",
        "**Online resources**",
        "Government reports",
        "Meta-analyses & Systematic Reviews",  # a real sub-heading (id 53783256295, below)
        "Preprints (e.g., arXiv)",
        "Peer-reviewed studies and clinical guidelines",
        "Further reading",
    ],
)
def test_a_sub_heading_naming_a_kind_of_work(title: str) -> None:
    assert names_kind_of_work(title)


@pytest.mark.parametrize("title", ["Acknowledgements", "About the author", "Related posts", "Contact us"])
def test_a_heading_that_names_no_kind_of_work(title: str) -> None:
    assert not names_kind_of_work(title)


# --- (a) a reference list under sub-headings ----------------------------------------------------------------

# Real: the `find_string` store, id 53783256295 (a learning-science design note, Markdown), its section
# "## 来源列表" ("list of sources"): references under `###` sub-headings, numbered on across the groups; two
# items of each of the first three groups kept verbatim.
REAL_SUBHEADINGS = """## 来源列表

### Meta-analyses & Systematic Reviews

1. Bisra, K., Liu, Q., Nesbit, J. C., Salimi, F., & Winne, P. H. (2018). Inducing self-explanation: A meta-analysis. *Review of Educational Research*, 88(1), 3-38.
2. Fiorella, L., & Mayer, R. E. (2016). Eight ways to promote generative learning. *Educational Psychology Review*, 28, 717-741.

### Journal Articles

13. Chi, M. T. H., Bassok, M., Lewis, M. W., Reimann, P., & Glaser, R. (1989). Self-explanations: How students study and use examples in learning to solve problems. *Cognitive Science*, 13(2), 145-182.
14. Roscoe, R. D., & Chi, M. T. H. (2007). Understanding tutor learning: Knowledge-building and knowledge-telling in peer tutors' explanations and questions. *Review of Educational Research*, 77(4), 534-574.

### AI Tutoring & Recent Studies

27. Bastani, H., Bayati, M., Bhaskar, U., & Xu, K. (2024). Generative AI can harm learning. *Kellogg School Working Paper / SSRN*.
28. Pardos, Z. A., et al. (2023). Learning gains from AI tutoring with self-explanation prompts. *Computers & Education*, 198.
"""  # noqa: E501


def test_real_list_under_sub_headings_is_read_whole(tmp_path: Path) -> None:
    text = "# Teaching by explaining\n\nStudents learn by explaining [1] [13].\n\n" + REAL_SUBHEADINGS
    refs = _listed(tmp_path, "note.md", text)
    assert [r.fields["label"] for r in refs] == ["1", "2", "13", "14", "27", "28"]
    article = _article(tmp_path, "note2.md", text)
    assert [r.fields["label"] for r in article.references] == ["1", "2", "13", "14", "27", "28"]
    assert [r.title for r in article.references][2] == (
        "Self-explanations: How students study and use examples in learning to solve problems"
    )
    # the sub-headings are the list's own, neither references nor body text
    roles = {article.text[b.start : b.end]: b.role for b in article.blocks if b.kind == "heading"}
    assert roles["Journal Articles"] == roles["AI Tutoring & Recent Studies"] == "reference_heading"
    assert not any("Journal Articles" in s.text for s in article.sentences)


GROUPS_ATX = """# Hay fever

Hay fever affects one adult in five [1]. Nasal sprays help most people [2].

## References

### Journal articles

1. Okafor, L., & Brandt, S. (2019). Pollen counts and hay fever in city parks. *Allergy Review*, 12(3), 44-51.

### Books

2. Quist, M. (2016). *The sneezing season*. Harbour Press.

### Websites

3. Pollen Watch Trust. (2021). Pollen forecasts explained. https://www.example.org/pollen

## About the author

Dr Quist writes about allergies.
"""

# constructed: the parent heading a bold line, the groups `###` headings under it
GROUPS_BOLD_PARENT = """# Hay fever

Hay fever affects one adult in five. Nasal sprays help most people.

**References**

### Journal articles

- Okafor, L., & Brandt, S. (2019). Pollen counts and hay fever in city parks. *Allergy Review*, 12(3), 44-51.

### Books

- Quist, M. (2016). *The sneezing season*. Harbour Press.

### Websites

- Pollen Watch Trust. (2021). Pollen forecasts explained. https://www.example.org/pollen
"""

# constructed: the groups bold lines, one with a colon and no blank line before its item
GROUPS_BOLD = """# Hay fever

Hay fever affects one adult in five. Nasal sprays help most people.

## Sources

**Journal articles**

- Okafor, L., & Brandt, S. (2019). Pollen counts and hay fever in city parks. *Allergy Review*, 12(3), 44-51.

**Books:**
- Quist, M. (2016). *The sneezing season*. Harbour Press.

*Websites*

- Pollen Watch Trust. (2021). Pollen forecasts explained. https://www.example.org/pollen
"""

# constructed: every group a heading of the list's own level (`## Books` after `## References`)
GROUPS_SAME_LEVEL = """# Hay fever

Hay fever affects one adult in five. Nasal sprays help most people.

## References

- Okafor, L., & Brandt, S. (2019). Pollen counts and hay fever in city parks. *Allergy Review*, 12(3), 44-51.

## Books

- Quist, M. (2016). *The sneezing season*. Harbour Press.

## Websites

- Pollen Watch Trust. (2021). Pollen forecasts explained. https://www.example.org/pollen

## Reviews

Lovely clinic, friendly staff and quick appointments.
"""

# constructed, HTML: the groups `<h3>` and `<h4>`, the last a paragraph, a heading after the list
GROUPS_HTML = """<html><body><h1>Hay fever</h1><p>Hay fever affects one adult in five. Nasal sprays help most
people.</p>
<h2>References</h2>
<h3>Journal articles</h3>
<ul><li>Okafor, L., &amp; Brandt, S. (2019). Pollen counts and hay fever in city parks. <i>Allergy Review</i>,
12(3), 44-51.</li></ul>
<h4>Books</h4>
<ul><li>Quist, M. (2016). <i>The sneezing season</i>. Harbour Press.</li></ul>
<h3>Websites</h3>
<p>Pollen Watch Trust. (2021). Pollen forecasts explained. https://www.example.org/pollen</p>
<h2>Contact us</h2><p>Call the clinic on weekdays.</p>
</body></html>
"""

HAY_FEVER_TITLES = [
    "Pollen counts and hay fever in city parks",
    "The sneezing season",
    "Pollen forecasts explained",
]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("atx.md", GROUPS_ATX),
        ("bold_parent.md", GROUPS_BOLD_PARENT),
        ("bold.md", GROUPS_BOLD),
        ("same_level.md", GROUPS_SAME_LEVEL),
        ("groups.html", GROUPS_HTML),
    ],
)
def test_a_list_under_sub_headings_is_read_to_its_end_and_no_sub_heading_is_a_reference(
    tmp_path: Path, name: str, text: str
) -> None:
    article = _article(tmp_path, name, text)
    assert _titles(article.references) == HAY_FEVER_TITLES
    assert not article.references.problems
    body = " ".join(s.text for s in article.sentences)
    assert "Hay fever affects one adult in five" in body
    assert "Pollen counts" not in body
    if name != "groups.html":  # `refs parse` on the Markdown article reads the same list
        assert _titles(_listed(tmp_path, "list_" + name, text)) == HAY_FEVER_TITLES


def test_a_same_level_heading_with_no_references_under_it_ends_the_list(tmp_path: Path) -> None:
    article = _article(tmp_path, "same_level.md", GROUPS_SAME_LEVEL)
    assert any("friendly staff" in s.text for s in article.sentences)  # `## Reviews`: prose, not a group
    section = reference_section(GROUPS_SAME_LEVEL)
    assert section is not None and "friendly staff" not in section[0]


def test_a_further_reading_sub_heading_does_not_restart_the_list() -> None:
    # constructed: a list-naming sub-heading inside the list (it used to reset the section to itself)
    text = (
        "# Gout\n\nText.\n\n## References\n\n### Cited in the text\n\n"
        "1. Lind, A. (2015). Urate and diet. *Joint Health*, 3(1), 1-9.\n\n"
        "### Further reading\n\n2. Moss, P. (2012). *Living with gout*. Fen Books.\n"
    )
    section = reference_section(text)
    assert section is not None
    assert _titles(parse_references(section[0])) == ["Urate and diet", "Living with gout"]


# --- (c) a source list at the foot of a health page ---------------------------------------------------------

# Real: the `pages` store, http://www.mayoclinic.com/health/back-pain/MY00116 (Mayo Clinic, "Back pain",
# 2012), as stored: the page's text, its unheaded list of sources (organisation pages, loose journal
# references) and the sharing widget's lines after it, verbatim.
REAL_MAYO = """Definition
By Mayo Clinic staffYour spine is a column of more than 30 bones (vertebrae) held together by muscles, tendons and ligaments and cushioned by shock-absorbing disks. A problem in any part of your spine can cause back pain. For some people, back pain is simply an annoyance. For others, it can be both excruciating and disabling.
Most back pain — even severe back pain — goes away on its own in two to four weeks. Surgery is rarely needed for back pain and is generally considered only as a last resort.
- Low back pain fact sheet. National Institute of Neurological Disorders and Stroke. http://www.ninds.nih.gov/disorders/backpain/detail_backpain.htm. Accessed July 15, 2012.
- Adult acute and subacute low back pain. Bloomington, Minn.: Institute for Clinical Systems Improvement. http://www.icsi.org/low_back_pain/adult_low_back_pain__8.html. Accessed July 10, 2012.
- Balague F, et al. Non-specific low back pain. The Lancet. 2012;379:482.
- Wheeler SG, et al. Approach to the diagnosis and evaluation of low back pain in adults. http://www.uptodate.com/index. Accessed July 14, 2012.
- Duffy RL. Low back pain: An approach to diagnosis and management. Primary Care Clinics Office Practice. 2010;37:729.
Share on:


Find Mayo Clinic on
"""  # noqa: E501


@pytest.mark.parametrize("name", ["back_pain.txt", "back_pain.md"])
def test_real_unheaded_source_list_before_page_furniture_is_found(tmp_path: Path, name: str) -> None:
    article = _article(tmp_path, name, REAL_MAYO)
    refs = article.references
    assert len(refs) == 5
    assert refs[2].title == "Non-specific low back pain"
    assert refs[0].url == "http://www.ninds.nih.gov/disorders/backpain/detail_backpain.htm"
    assert not any("Balague" in s.text for s in article.sentences)


# constructed: a plain `Resources` line, bulleted organisation pages and a journal article
SOURCES_RESOURCES_LINE = """# Shingles: what to know

Shingles is a painful rash caused by the chickenpox virus. The vaccine lowers the risk by about 90%.

Resources

- Northfield Health Agency. Shingles (herpes zoster). https://www.example.gov/shingles/
- Coastal Health Service. Shingles. https://www.example.org/conditions/shingles/
- Harlow R, et al. Preventing herpes zoster in older adults. Vaccine Rep. 2018;7(2):1-30.
"""

# constructed: a bold `Sources:` line, then one source a line with no bullets (WebMD's form)
SOURCES_ONE_PER_LINE = """# Shingles: what to know

Shingles is a painful rash caused by the chickenpox virus. The vaccine lowers the risk by about 90%.

**Sources:**

Northfield Health Agency: "Shingles (Herpes Zoster)."
Lakeside Clinic: "Shingles - Symptoms and causes."
National Institute on Ageing Well: "Shingles."
"""

# constructed, HTML: a paragraph in bold standing as the heading
SOURCES_HTML_BOLD = """<html><body><article><h1>Shingles</h1>
<p>Shingles is a painful rash caused by the chickenpox virus. The vaccine lowers the risk by about 90%.</p>
<p><strong>References</strong></p>
<ul><li>Northfield Health Agency. Shingles (herpes zoster). https://www.example.gov/shingles/</li>
<li>Coastal Health Service. Shingles. https://www.example.org/conditions/shingles/</li>
<li>Harlow R, et al. Preventing herpes zoster in older adults. Vaccine Rep. 2018;7(2):1-30.</li></ul>
</article></body></html>
"""

# constructed, HTML: `Sources:` and the sources in one paragraph broken by `<br>`
SOURCES_HTML_BR = """<html><body><h1>Shingles</h1>
<p>Shingles is a painful rash caused by the chickenpox virus. The vaccine lowers the risk by about 90%.</p>
<p>Sources:<br>
Northfield Health Agency. Shingles (herpes zoster). https://www.example.gov/shingles/<br>
Coastal Health Service. Shingles. https://www.example.org/conditions/shingles/<br>
Harlow R, et al. Preventing herpes zoster in older adults. Vaccine Rep. 2018;7(2):1-30.</p>
</body></html>
"""


# constructed: `SOURCES:` on the first line of the paragraph that holds the sources (WebMD's print form)
SOURCES_FIRST_LINE = """# Shingles: what to know

Shingles is a painful rash caused by the chickenpox virus. The vaccine lowers the risk by about 90%.

SOURCES:
Northfield Health Agency: "Shingles (Herpes Zoster)."
Lakeside Clinic: "Shingles - Symptoms and causes."
Coastal Institute on Ageing: "Shingles."
"""


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("first_line.md", SOURCES_FIRST_LINE),
        ("resources.md", SOURCES_RESOURCES_LINE),
        ("one_per_line.md", SOURCES_ONE_PER_LINE),
        ("bold.html", SOURCES_HTML_BOLD),
        ("br.html", SOURCES_HTML_BR),
    ],
)
def test_a_source_list_under_a_line_standing_as_its_heading_is_the_reference_list(
    tmp_path: Path, name: str, text: str
) -> None:
    article = _article(tmp_path, name, text)
    assert len(article.references) == 3, [r.raw for r in article.references]
    assert any("Shingles" in (r.title or "") for r in article.references)
    body = " ".join(s.text for s in article.sentences)
    assert "painful rash" in body
    assert "Northfield" not in body and "Coastal" not in body


def test_one_source_a_line_webmd_form_keeps_each_source_apart() -> None:
    section = reference_section(SOURCES_ONE_PER_LINE)
    assert section is not None
    refs = parse_references(section[0])
    assert [r.authors[0].literal for r in refs] == [
        "Northfield Health Agency",
        "Lakeside Clinic",
        "National Institute on Ageing Well",
    ]
    assert _titles(refs) == ["Shingles (Herpes Zoster)", "Shingles - Symptoms and causes", "Shingles"]


def test_a_reference_wrapped_over_lines_is_not_cut_at_each_line() -> None:
    # constructed: hard-wrapped references whose lines end at a full stop (a paste from a PDF)
    wrapped = (
        "Moss, P. A. (2012). Living with gout.\n"
        "Joint Health Quarterly, 3(1), 1-9.\n"
        "\n"
        "Lind A, Quist M.\n"
        "Urate and diet in older adults. Joint Health. 2015;3(1):1-9.\n"
    )
    assert _titles(parse_references(wrapped)) == ["Living with gout", "Urate and diet in older adults"]


# --- (c) what a source list's loose entries say ------------------------------------------------------------


def test_real_source_list_entries_of_a_health_page_are_read(tmp_path: Path) -> None:
    refs = _article(tmp_path, "back_pain.txt", REAL_MAYO).references
    fact_sheet, guideline, lancet = refs[0], refs[1], refs[2]
    # AMA's web page by a body: `Title. Body. URL. Accessed …` — the body in the site's place
    assert (fact_sheet.title, fact_sheet.container_title, fact_sheet.year, fact_sheet.type) == (
        "Low back pain fact sheet",
        "National Institute of Neurological Disorders and Stroke",
        None,  # only the access date is printed
        "webpage",
    )
    assert fact_sheet.fields["accessed"] == "July 15, 2012"
    # `Title. Place: Body. URL.`: the body publishes it
    assert (guideline.title, guideline.publisher, guideline.fields["publisher_place"]) == (
        "Adult acute and subacute low back pain",
        "Institute for Clinical Systems Improvement",
        "Bloomington, Minn.",
    )
    assert (lancet.authors[0].family, lancet.container_title, lancet.year) == ("Balague", "The Lancet", 2012)


def test_loose_source_entries_in_other_words() -> None:
    # constructed: the same forms on other pages (a link with only its text, a body with a colon and no
    # quotation marks, AMA's body page, a body with a place)
    refs = parse_references(
        "- [Tennis elbow (lateral epicondylitis) | Hillside Orthopaedics](https://www.example.org/elbow)\n"
        "- Northfield Sports Medicine Association: Tennis elbow: Overview\n"
        "- Gout diet sheet. Riverbend Arthritis Society. https://www.example.org/gout."
        " Accessed May 2, 2021.\n"
        "- Managing knee pain at home. Leeds: Harbour Physiotherapy Service."
        " https://www.example.org/knee. Accessed 3 March 2020.\n"
        "- NHS: Plantar fasciitis\n"
    )
    got = [
        (r.authors[0].literal if r.authors else None, r.title, r.container_title, r.publisher) for r in refs
    ]
    assert got == [
        (None, "Tennis elbow (lateral epicondylitis) | Hillside Orthopaedics", None, None),
        ("Northfield Sports Medicine Association", "Tennis elbow: Overview", None, None),
        (None, "Gout diet sheet", "Riverbend Arthritis Society", None),
        (None, "Managing knee pain at home", None, "Harbour Physiotherapy Service"),
        ("NHS", "Plantar fasciitis", None, None),
    ]
    assert refs[0].url == "https://www.example.org/elbow"
    # a page's name, a dash, its link (patient resources listed as sources)
    linked = _one_reference("- Plantar fasciitis explained - https://www.example.org/heel")
    assert (linked.title, linked.url) == ("Plantar fasciitis explained", "https://www.example.org/heel")
    # a person's name before a colon is not read as a body
    person = parse_references("- Smith J: Knee pain\n- Lind A. Hip pain. Joint J. 2019;3:1-9.")
    assert not any(r.authors and r.authors[0].literal == "Smith J" for r in person)


def test_words_naming_a_kind_of_work_on_a_wrapped_line_are_not_a_sub_heading() -> None:
    # constructed: a journal's name wrapped so that its last words stand on a line of their own, and a bold
    # sub-heading right after an item, with no blank line
    text = (
        "Lind A, Quist M. Heat for low back pain. Cochrane Database of\n"
        "Systematic Reviews\n"
        "2019;(3):CD004750.\n"
        "\n"
        "Moss P. Ice for sprains. Sports Med. 2012;4(1):1-9.\n"
        "**Books:**\n"
        "Vance I. Bones at Rest. London: Fen Books; 2010.\n"
    )
    refs = parse_references(text)
    assert _titles(refs) == ["Heat for low back pain", "Ice for sprains", "Bones at Rest"]
    assert refs[0].container_title == "Cochrane Database of Systematic Reviews"


@pytest.mark.parametrize(
    "title",
    [
        "📚 References",
        "References [edit]",
        "Sources and additional information",
        "— Sources —",
        "_Works cited_",
    ],
)
def test_a_list_heading_with_emoji_an_edit_link_or_a_joined_phrase(title: str) -> None:
    # constructed: headings as blogs, scraped wikis and health sites write them
    assert names_reference_list(title)


FOOT_MARKDOWN = """# Tennis elbow

Tennis elbow usually gets better on its own within a year.

## Sources

- Northfield Health Agency. Tennis elbow. https://www.example.gov/tennis-elbow/
- Coastal Health Service. Elbow pain. https://www.example.org/conditions/elbow/

Page last reviewed: 12 March 2023
Next review due: 12 March 2026

This information is not a substitute for medical advice. © 2023 Coastal Health.
"""

FOOT_HTML = """<html><body><h1>Heel pain</h1><p>Most heel pain gets better with rest and stretching.</p>
<p><b>Sources:</b></p>
<ul><li>Harbour Foot Clinic. Plantar fasciitis. https://www.example.org/heel</li>
<li>Moss P. Stretching for heel pain. Foot J. 2019;4(2):11-19.</li></ul>
<p>Medically reviewed by Dr Ida Vance on 2 May 2022.</p>
<p>Copyright 2022 Harbour Foot Clinic. All rights reserved.</p>
</body></html>
"""


@pytest.mark.parametrize(
    ("name", "text", "count"), [("foot.md", FOOT_MARKDOWN, 2), ("foot.html", FOOT_HTML, 2)]
)
def test_a_review_date_disclaimer_or_copyright_line_after_the_list_ends_it(
    tmp_path: Path, name: str, text: str, count: int
) -> None:
    # constructed: what patient pages print under their sources
    refs = _article(tmp_path, name, text).references
    assert len(refs) == count, [r.raw for r in refs]
    assert not any(word in r.raw for r in refs for word in ("reviewed", "Copyright", "substitute"))
    if name.endswith(".md"):
        assert len(_listed(tmp_path, "list_" + name, text)) == count


def test_a_heading_naming_the_list_wins_over_a_line_standing_as_one_earlier(tmp_path: Path) -> None:
    # constructed: "Resources" over a short note mid-page, the reference list under a heading at the foot
    text = (
        "# Asthma in children\n\nAsthma is the most common long-term illness in children.\n\n"
        "**Resources**\n\nAsk your nurse for a written asthma plan at each visit.\n\n"
        "## Treatment\n\nInhalers control symptoms in most children [1].\n\n"
        "## References\n\n1. Osei K, Lind T. Inhalers in children. Chest J. 2019;101(1):12-19.\n"
    )
    article = _article(tmp_path, "asthma.md", text)
    assert _titles(article.references) == ["Inhalers in children"]
    assert any("written asthma plan" in s.text for s in article.sentences)


def test_of_several_lines_standing_as_the_heading_the_last_heads_the_list(tmp_path: Path) -> None:
    # constructed: `Sources:` over a note earlier on, and again over the page's list at its foot
    text = (
        "# Migraine\n\nMigraine affects about one person in seven.\n\n"
        "Sources:\n\nThe figures below come from our own clinic.\n\n"
        "Most attacks last four hours or more.\n\n"
        "Sources:\n\n"
        "- Osei K, Lind T. Migraine in adults. Head J. 2019;101(1):12-19.\n"
        "- Harbour Headache Trust. Migraine. https://www.example.org/migraine\n"
    )
    article = _article(tmp_path, "migraine.md", text)
    assert _titles(article.references) == ["Migraine in adults", "Migraine"]
    assert any("four hours" in s.text for s in article.sentences)


def test_a_resources_section_does_not_hide_the_references(tmp_path: Path) -> None:
    # constructed: a page's reference list, then (or before it) "Resources" for readers: helplines
    references = "## References\n\n1. Osei K, Lind T. Stroke rehabilitation. Rehab J. 2019;101(1):12-19.\n\n"
    resources = "## Resources\n\nThe Stroke Helpline is open every weekday from nine to five.\n\n"
    for order in (references + resources, resources + references):
        text = "# Stroke\n\nMost recovery happens in the first months [1].\n\n" + order
        article = _article(tmp_path, "stroke.md", text)
        assert _titles(article.references) == ["Stroke rehabilitation"]
        section = reference_section(text)
        assert section is not None and "Helpline" not in section[0]
        assert _titles(parse_references(section[0])) == ["Stroke rehabilitation"]
    # with no other list, a Resources list is the page's list
    text = "# Stroke\n\nText.\n\n" + resources.replace(
        "The Stroke Helpline is open every weekday from nine to five.",
        "- Harbour Stroke Trust. Life after stroke. https://www.example.org/stroke",
    )
    assert _titles(_article(tmp_path, "stroke2.md", text).references) == ["Life after stroke"]


SOURCES_IN_ASIDE = """<html><body><header><nav><a href="/">Home</a></nav></header>
<main><h1>Heel pain</h1><p>Most heel pain gets better with rest and stretching.</p></main>
<aside class="sources"><h3>Sources</h3>
<ul><li>Harbour Foot Clinic. Plantar fasciitis. https://www.example.org/heel</li>
<li>Moss P. Stretching for heel pain. Foot J. 2019;4(2):11-19.</li></ul></aside>
<aside><h3>Related</h3><p>Sore feet after running</p></aside>
<footer><p>Contact the clinic on weekdays.</p></footer>
</body></html>
"""

REFERENCES_IN_FOOTER = """<html><body><article><h1>Jaw pain</h1>
<p>Jaw pain often eases with soft food and rest.</p></article>
<footer><p><strong>References</strong></p>
<ol><li>Lind A. Jaw pain in adults. Oral J. 2018;3(1):1-9.</li>
<li>Riverbend Dental Trust. Jaw joint problems. https://www.example.org/jaw</li></ol>
<p>Copyright 2022 Riverbend Dental Trust.</p></footer>
</body></html>
"""


@pytest.mark.parametrize(
    ("name", "text"), [("aside.html", SOURCES_IN_ASIDE), ("footer.html", REFERENCES_IN_FOOTER)]
)
def test_sources_in_a_page_footer_or_sidebar_are_read_the_rest_of_it_is_not(
    tmp_path: Path, name: str, text: str
) -> None:
    # constructed: a page whose template puts the article's sources in an <aside> or <footer> outside it
    article = _article(tmp_path, name, text)
    assert len(article.references) == 2, [r.raw for r in article.references]
    assert not any("Copyright" in r.raw for r in article.references)
    body = " ".join(s.text for s in article.sentences)
    assert "pain" in body and "Sore feet" not in body and "Contact the clinic" not in body


def test_a_group_title_outside_the_vocabulary_is_not_a_reference(tmp_path: Path) -> None:
    # constructed, HTML: group titles in bold paragraphs over lists, one naming no kind of work in our words
    text = """<html><body><h1>Lead in water</h1><p>Old pipes can raise lead levels in tap water.</p>
<h2>References</h2>
<p><b>Government &amp; NGO reports</b></p>
<ul><li>Riverbend Water Board. Lead pipes survey. https://www.example.gov/lead</li></ul>
<p><b>Peer-reviewed</b></p>
<ul><li>Moss P. Lead and children. Water J. 2019;4(2):11-19.</li></ul>
</body></html>
"""
    refs = _article(tmp_path, "lead.html", text).references
    assert len(refs) == 2, [r.raw for r in refs]
    assert not any("NGO" in r.raw or r.raw.strip(" -") == "Peer-reviewed" for r in refs)


# --- a source list written on one line ------------------------------------------------------------------

# Real: the `find_string` store, id 53485843305 (a parenting blog's post "Screen time vs AI time", Markdown in
# a TypeScript string), its last lines as printed.
REAL_INLINE_SOURCES = """# Screen time vs AI time

**Practical family framework:**
1. Set aside "AI-free" creative time each day
2. When kids use AI, ask them to explain what they did
3. Celebrate the work they did, not just the output

*Sources: American Academy of Pediatrics Digital Media Guidelines (2023); Common Sense Media (2024)*
"""


def test_real_sources_named_on_one_line_are_the_reference_list(tmp_path: Path) -> None:
    article = _article(tmp_path, "screen.md", REAL_INLINE_SOURCES)
    got = [(r.authors[0].literal if r.authors else None, r.year) for r in article.references]
    assert got == [
        ("American Academy of Pediatrics Digital Media Guidelines", 2023),
        ("Common Sense Media", 2024),
    ]
    assert all(r.line == 8 for r in article.references)
    assert not any("Sources" in s.text for s in article.sentences)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # real: the `find_string` store, id 70954274148 (a cartoon video's description), its sources line
        (
            "# Your funny bone\n\nIt's a nerve: the ulnar nerve.\n\nSources: American Academy of Orthopaedic"
            ' Surgeons (OrthoInfo, "Ulnar Nerve Entrapment at the Elbow"); Cleveland Clinic, "Ulnar Nerve'
            ' Entrapment".\n',
            2,
        ),
        # constructed: references named on one line in other words
        (
            "# Night cramps\n\nStretching before bed may help.\n\nReferences: Harbour Sleep Trust (2021);"
            " Moss P. Night cramps in older adults. Muscle J. 2019;4(2):11-19; Riverbend Clinic.\n",
            3,
        ),
    ],
)
def test_sources_named_on_one_line_in_other_words(tmp_path: Path, text: str, count: int) -> None:
    assert len(_article(tmp_path, "one_line.md", text).references) == count


def test_a_list_under_a_heading_wins_over_a_sources_line(tmp_path: Path) -> None:
    # constructed: a chart's `Source:` credit mid-page, the reference list under its heading
    text = (
        "# Flu\n\nFlu kills thousands each winter.\n\nSource: Riverbend Health Trust figures.\n\n"
        "## References\n\n1. Osei K. Flu deaths by season. Flu J. 2019;4(2):11-19.\n"
    )
    assert _titles(_article(tmp_path, "flu.md", text).references) == ["Flu deaths by season"]
