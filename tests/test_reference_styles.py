"""parse_references on real reference strings in every style health writers paste; identifiers in every form.

Each string below is quoted from a public page or repository (named beside it) or, where a style's own form of
a work was not found in public, written in that style from the work's public record (named beside it). No DOI,
PMID or PMCID here is invented: each appears in the source named.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from needling_evidence.model import Person
from needling_evidence.references.text import ET_AL, parse_references

DATA = Path(__file__).parent / "data" / "refs"


def _names(ref: object) -> list[tuple[str | None, str | None]]:
    return [(p.family, p.given) for p in ref.authors]  # type: ignore[attr-defined]


# --- AMS author–year with a colon, and ditto authors --------------------------------------------------------

# Emanuel 2005 as quoted in issue 9 from a real climate page's AMS-style list; its record (Nature 436(7051),
# 686–688, doi 10.1038/nature03906) is at https://scilit.com/publications/d38f9c2a63a0cc2cf4800d0f5986a86e.
# Emanuel 2011 written in AMS style from the MIT DSpace cover sheet at
# https://studylib.net/doc/11886783/global-warming-effects-on-us-hurricane-damage-please-share
# ("Weather, Climate, and Society 3.4 (2011): 261–268", http://dx.doi.org/10.1175/wcas-d-11-00007.1).
AMS = (
    "References\n\n"
    "Emanuel, K., 2005: Increasing destructiveness of tropical cyclones over the past 30 years. Nature, 436, "
    "686–688.\n"
    "——, 2011: Global warming effects on U.S. hurricane damage. Wea. Climate Soc., 3, 261–268, "
    "doi:10.1175/wcas-d-11-00007.1.\n"
)


def test_ams_author_year_colon_and_ditto_authors() -> None:
    refs = parse_references(AMS)
    assert refs.problems == ()
    first, second = refs
    assert _names(first) == [("Emanuel", "K.")]
    assert (first.year, first.container_title, first.volume, first.pages) == (
        2005,
        "Nature",
        "436",
        "686–688",
    )
    assert first.title == "Increasing destructiveness of tropical cyclones over the past 30 years"
    # the ditto mark stands for the previous reference's authors; it is not a bullet, and not a new author
    assert _names(second) == [("Emanuel", "K.")]
    assert second.fields["authors_ditto"] == "——"
    assert (second.year, second.volume, second.pages) == (2011, "3", "261–268")
    assert second.title == "Global warming effects on U.S. hurricane damage"
    assert second.container_title == "Wea. Climate Soc."
    assert second.doi == "10.1175/wcas-d-11-00007.1"
    assert second.raw is not None and second.raw.startswith("——, 2011")


def test_typed_ditto_marks_are_read_too() -> None:
    typed = AMS.replace("——,", "--,")
    refs = parse_references(typed)
    assert [r.key for r in refs] == ["emanuel2005", "emanuel2011"]
    assert refs[1].fields["authors_ditto"] == "--"


# --- MLA, Chicago, IEEE: a title in quotation marks ---------------------------------------------------------


def test_mla_as_printed_on_the_mit_dspace_cover_sheet() -> None:
    # verbatim from https://studylib.net/doc/11886783 (MIT DSpace cover sheet, "Citation")
    refs = parse_references(
        "Emanuel, Kerry. “Global Warming Effects on U.S. Hurricane Damage.” Weather, Climate, and Society "
        "3.4 (2011): 261–268."
    )
    assert refs.problems == ()
    (ref,) = refs
    assert _names(ref) == [("Emanuel", "Kerry")]
    assert ref.title == "Global Warming Effects on U.S. Hurricane Damage"
    assert ref.container_title == "Weather, Climate, and Society"
    assert (ref.year, ref.volume, ref.issue, ref.pages) == (2011, "3", "4", "261–268")
    assert ref.confidence == 1.0


def test_mla_9_chicago_and_chicago_author_date_forms_of_the_same_work() -> None:
    # The DSpace record above, written in MLA 9, Chicago notes-bibliography and Chicago author-date.
    text = (
        "Emanuel, Kerry. “Global Warming Effects on U.S. Hurricane Damage.” Weather, Climate, and Society, "
        "vol. 3, no. 4, 2011, pp. 261–68.\n"
        "Emanuel, Kerry. “Global Warming Effects on U.S. Hurricane Damage.” Weather, Climate, and Society 3, "
        "no. 4 (2011): 261–68.\n"
        "Emanuel, Kerry. 2011. “Global Warming Effects on U.S. Hurricane Damage.” Weather, Climate, and "
        "Society 3 (4): 261–68.\n"
    )
    refs = parse_references(text)
    assert refs.problems == ()
    assert len(refs) == 3
    for ref in refs:
        assert _names(ref) == [("Emanuel", "Kerry")]
        assert ref.title == "Global Warming Effects on U.S. Hurricane Damage"
        assert ref.container_title == "Weather, Climate, and Society"
        assert (ref.year, ref.volume, ref.issue, ref.pages) == (2011, "3", "4", "261–68")


def test_chicago_several_authors_only_the_first_inverted() -> None:
    # Yuan 2015 (PLoS ONE 10(2): e0117146; author names as on the article page,
    # http://journals.plos.org/plosone/article?id=10.1371/journal.pone.0117146) in Chicago style.
    refs = parse_references(
        "Yuan, Qi-ling, Tuan-mao Guo, Liang Liu, Fu Sun, and Yin-gang Zhang. “Traditional Chinese Medicine "
        "for Neck Pain and Low Back Pain: A Systematic Review and Meta-Analysis.” PLoS ONE 10, no. 2 (2015): "
        "e0117146."
    )
    (ref,) = refs
    assert _names(ref) == [
        ("Yuan", "Qi-ling"),
        ("Guo", "Tuan-mao"),
        ("Liu", "Liang"),
        ("Sun", "Fu"),
        ("Zhang", "Yin-gang"),
    ]
    assert (ref.container_title, ref.year, ref.volume, ref.issue, ref.pages) == (
        "PLoS ONE",
        2015,
        "10",
        "2",
        "e0117146",
    )


def test_ieee_numbered() -> None:
    # Emanuel 2005 in IEEE style from its record (scilit page above: Nature 436(7051), 686–688).
    refs = parse_references(
        "[1] K. Emanuel, “Increasing destructiveness of tropical cyclones over the past 30 years,” Nature, "
        "vol. 436, no. 7051, pp. 686–688, 2005, doi: 10.1038/nature03906.\n"
        "[2] Q. Yuan, T. Guo, L. Liu, F. Sun, and Y. Zhang, “Traditional Chinese medicine for neck pain and "
        "low back pain: a systematic review and meta-analysis,” PLoS ONE, vol. 10, no. 2, p. e0117146, 2015."
    )
    assert refs.problems == ()
    emanuel, yuan = refs
    assert emanuel.fields["label"] == "1"
    assert _names(emanuel) == [("Emanuel", "K.")]
    assert emanuel.title == "Increasing destructiveness of tropical cyclones over the past 30 years"
    assert (emanuel.container_title, emanuel.volume, emanuel.issue, emanuel.pages) == (
        "Nature",
        "436",
        "7051",
        "686–688",
    )
    assert (emanuel.year, emanuel.doi) == (2005, "10.1038/nature03906")
    assert _names(yuan)[0] == ("Yuan", "Q.") and len(yuan.authors) == 5
    assert (yuan.container_title, yuan.volume, yuan.pages, yuan.year) == ("PLoS ONE", "10", "e0117146", 2015)


# --- Vancouver: hyphenated initials; a journal without a comma before its volume ----------------------------

# PLoS's own "Citation:" line on the article's PDF (copy: https://it.scribd.com/document/358251856)
PLOS_CITATION = (
    "Yuan Q-l, Guo T-m, Liu L, Sun F, Zhang Y-g (2015) Traditional Chinese Medicine for Neck Pain and Low "
    "Back Pain: A Systematic Review and Meta-Analysis. PLoS ONE 10(2): e0117146. "
    "doi:10.1371/journal.pone.0117146"
)


def test_hyphenated_initials_are_one_person_each() -> None:
    vancouver = (
        "Yuan Q-l, Guo T-m, Liu L, Sun F, Zhang Y-g. Traditional Chinese medicine for neck pain and low back "
        "pain: a systematic review and meta-analysis. PLoS One. 2015;10(2):e0117146."
    )
    for text in (vancouver, PLOS_CITATION):
        (ref,) = parse_references(text)
        assert _names(ref) == [("Yuan", "Q-L"), ("Guo", "T-M"), ("Liu", "L"), ("Sun", "F"), ("Zhang", "Y-G")]
        assert ref.key == "yuan2015"


def test_journal_without_a_comma_is_split_from_the_title() -> None:
    (ref,) = parse_references(PLOS_CITATION)
    assert ref.title == (
        "Traditional Chinese Medicine for Neck Pain and Low Back Pain: A Systematic Review and Meta-Analysis"
    )
    assert (ref.container_title, ref.volume, ref.issue, ref.pages) == ("PLoS ONE", "10", "2", "e0117146")
    assert ref.doi == "10.1371/journal.pone.0117146"
    assert ref.confidence == 1.0


def test_a_number_in_prose_is_not_a_volume() -> None:
    # the no-comma journal form needs an issue or a colon after the volume; "2,000 adults" is neither
    (ref,) = parse_references("Quinn R (2018) A survey of 2,000 adults. Heat or cold, which one?")
    assert ref.volume is None and ref.pages is None


# --- corporate authors --------------------------------------------------------------------------------------


def test_corporate_author_with_and_in_its_name_stays_whole() -> None:
    # reference 6 of a public repository's Vancouver list (find_string "National Institute for Health and Care
    # Excellence"), verbatim
    refs = parse_references(
        "5. Carpenter B, Gelman A, Hoffman MD, et al. Stan: A probabilistic programming language. "
        "J Stat Softw. 2017;76(1):1-32.\n\n"
        "6. National Institute for Health and Care Excellence. Guide to the methods of technology appraisal "
        "2013. London: NICE; 2013.\n"
    )
    assert refs.problems == ()
    carpenter, nice = refs
    assert carpenter.authors[-1] == ET_AL
    assert nice.authors == (Person(literal="National Institute for Health and Care Excellence"),)
    assert (nice.type, nice.year, nice.publisher) == ("book", 2013, "NICE")
    assert nice.title == "Guide to the methods of technology appraisal 2013"


def test_corporate_authors_in_apa_and_harvard() -> None:
    # the same NICE guide, in APA and Harvard
    refs = parse_references(
        "National Institute for Health and Care Excellence. (2013). Guide to the methods of technology "
        "appraisal 2013. NICE.\n\n"
        "Centre for Effective Practice, 2013. Guide to the methods of technology appraisal. London: NICE.\n"
    )
    assert [r.authors for r in refs] == [
        (Person(literal="National Institute for Health and Care Excellence"),),
        (Person(literal="Centre for Effective Practice"),),
    ]


# --- identifiers in every form, URLs unchanged --------------------------------------------------------------


def test_pubmed_and_pmc_urls_and_labels_in_a_real_list() -> None:
    # tests/data/refs/article_stroke_readme.md: the README of
    # github.com/KatTiel/stroke_binary_classification_CNN
    text = (DATA / "article_stroke_readme.md").read_text(encoding="utf-8")
    refs = parse_references(text[text.index("## References") :])
    by_label = {r.fields.get("label"): r for r in refs}
    leening = by_label["1"]
    assert (leening.pmid, leening.url) == ("27357357", "https://pubmed.ncbi.nlm.nih.gov/27357357/")
    assert leening.doi == "10.1093/eurheartj/ehw287"
    boehme = by_label["4"]
    assert (boehme.pmid, boehme.pmcid) == ("28154098", "PMC5321635")
    assert boehme.url == "https://pubmed.ncbi.nlm.nih.gov/28154098/"
    assert "PMID" not in (boehme.fields.get("unparsed_text") or "")
    shu = by_label["3"]
    assert (shu.pmid, shu.pmcid) == ("38184714", "PMC10771433")
    mandrekar = by_label["6"]
    # a URL's fragment is part of it: kept unchanged
    assert mandrekar.url == "https://www.sciencedirect.com/science/article/pii/S1556086415306043#bib5"
    assert mandrekar.pmid == "20736804"


def test_pmc_url_is_kept_unchanged_and_gives_the_pmcid() -> None:
    # 0.1.0 cut "PMC4339195" out of the URL, leaving ".../pmc/articles//". PMC4339195 is Yuan 2015
    # (https://mdsite.deno.dev/http://www.ncbi.nlm.nih.gov/pmc/articles/PMC4339195 mirrors it).
    urls = [
        "http://www.ncbi.nlm.nih.gov/pmc/articles/PMC4339195/",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC4339195/",
        "https://europepmc.org/article/PMC/PMC4339195",
    ]
    for url in urls:
        (ref,) = parse_references(f"{PLOS_CITATION}. Available from: {url}")
        assert ref.url == url
        assert ref.pmcid == "PMC4339195"
        assert ref.doi == "10.1371/journal.pone.0117146"


def test_pubmed_url_forms_give_the_pmid() -> None:
    # PMID 28154098 is Boehme 2017 (reference 4 of the README above)
    base = (
        "Boehme AK, Esenwa C, Elkind MS. Stroke Risk Factors, Genetics, and Prevention. Circ Res. "
        "2017;120(3):472-495."
    )
    for url in (
        "https://pubmed.ncbi.nlm.nih.gov/28154098/",
        "https://www.ncbi.nlm.nih.gov/pubmed/28154098",
        "https://europepmc.org/article/MED/28154098",
        "https://europepmc.org/abstract/MED/28154098",
    ):
        (ref,) = parse_references(f"{base} {url}")
        assert (ref.pmid, ref.url) == ("28154098", url)
        assert ref.title == "Stroke Risk Factors, Genetics, and Prevention"


def test_doi_from_a_publisher_landing_page_loses_the_page_suffix() -> None:
    (ref,) = parse_references(
        f"{PLOS_CITATION.split(' doi:')[0]} "
        "https://journals.plos.org/plosone/article/file?id=10.1371/journal.pone.0117146&type=printable"
    )
    assert ref.doi == "10.1371/journal.pone.0117146"


# --- a reference whose style is not recognised --------------------------------------------------------------


def test_unrecognised_reference_is_kept_with_its_identifiers_and_year() -> None:
    # reference 2 of the README above, verbatim
    text = (
        "(2) fedesorian. Stroke Prediction Dataset, Version 1. Retrieved 12/2023 from "
        "[URL](https://www.kaggle.com/datasets/fedesoriano/stroke-prediction-dataset) ."
    )
    refs = parse_references(text, source="list.md", start_line=40)
    (ref,) = refs
    assert ref.raw == text
    assert (ref.year, ref.url) == (
        2023,
        "https://www.kaggle.com/datasets/fedesoriano/stroke-prediction-dataset",
    )
    assert ref.confidence < 0.3
    (problem,) = refs.problems
    assert (problem.code, problem.line, problem.file) == ("refs.unparsed", 40, "list.md")
    assert "style not recognised" in problem.message


def test_a_real_vancouver_list_whose_pmids_are_only_in_pubmed_urls() -> None:
    # tests/data/refs/article_spine_dwi.md (its README entry says where from); 0.1.0 read no PMID from
    # such URLs
    from needling_evidence.references import load_references

    refs = load_references(DATA / "article_spine_dwi.md")
    # the list under "## References", not the links under "## Related Articles"
    assert [r.fields.get("label") for r in refs] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [r.pmid for r in refs] == [
        "9577479",
        "29348133",
        "12461275",
        "11901028",
        "12812965",
        None,
        None,
    ]
    assert refs[5].pmcid == "PMC4453136"
    assert refs[5].url == "https://pmc.ncbi.nlm.nih.gov/articles/PMC4453136/"
    baur = refs[0]
    assert (baur.container_title, baur.year, baur.volume, baur.issue, baur.pages) == (
        "Radiology",
        1998,
        "207",
        "2",
        "349–356",
    )
    assert baur.authors[-1] == ET_AL and baur.authors[1] == Person(family="Stäbler", given="A")
    # an undated web page: authors, title and site, the missing year reported
    web = refs[6]
    assert (web.type, web.title) == ("webpage", "Diffusion-weighted imaging")
    assert web.container_title == "Radiopaedia.org"
    assert web.url == "https://radiopaedia.org/articles/diffusion-weighted-imaging-2"
    assert [(p.code, p.line) for p in refs.problems] == [("refs.incomplete", 32)]


def test_chicago_bulleted_with_a_three_em_dash_ditto() -> None:
    # Emanuel 2005 and 2011 (records named at the top of this file) in Chicago notes-bibliography style, as a
    # bulleted list: Chicago repeats an author with "———."
    refs = parse_references(
        "- Emanuel, Kerry. “Increasing Destructiveness of Tropical Cyclones over the Past 30 Years.” Nature "
        "436, no. 7051 (2005): 686–88.\n"
        "- ———. “Global Warming Effects on U.S. Hurricane Damage.” Weather, Climate, and Society 3, no. 4 "
        "(2011): 261–68.\n"
    )
    assert refs.problems == ()
    first, second = refs
    assert (first.container_title, first.volume) == ("Nature", "436")
    assert (first.issue, first.pages) == ("7051", "686–88")
    assert _names(second) == [("Emanuel", "Kerry")] and second.fields["authors_ditto"] == "———"
    assert (second.year, second.title) == (2011, "Global Warming Effects on U.S. Hurricane Damage")


def test_mla_et_al_and_an_article_number_without_pp() -> None:
    (ref,) = parse_references(
        "Yuan, Qi-ling, et al. “Traditional Chinese Medicine for Neck Pain and Low Back Pain: A Systematic "
        "Review and Meta-Analysis.” PLoS ONE, vol. 10, no. 2, 2015, e0117146."
    )
    assert ref.authors == (Person(family="Yuan", given="Qi-ling"), ET_AL)
    assert (ref.container_title, ref.volume, ref.issue, ref.pages, ref.year) == (
        "PLoS ONE",
        "10",
        "2",
        "e0117146",
        2015,
    )


def test_title_then_journal_volume_issue_pages_without_commas() -> None:
    # the form issue 9 names ("Title. Journal 62(3), 170–181"), with the DSpace record of Emanuel 2011
    (ref,) = parse_references(
        "Emanuel K (2011) Global warming effects on U.S. hurricane damage. Weather, Climate, and Society "
        "3(4), 261–268."
    )
    assert ref.title == "Global warming effects on U.S. hurricane damage"
    assert ref.container_title == "Weather, Climate, and Society"
    assert (ref.volume, ref.issue, ref.pages) == ("3", "4", "261–268")


# --- Hartvigsen 2018 as public repositories print it (find_string "Hartvigsen J, Hancock MJ, Kongsted A")


def test_zotero_french_locale_day_month_before_the_year() -> None:
    # verbatim from a public repository's README (a Zotero "Vancouver" list in a French locale, with a
    # non-breaking hyphen in the pages)
    (ref,) = parse_references(
        "1. Hartvigsen J, Hancock MJ, Kongsted A, Louw Q, Ferreira ML, Genevay S, et al. What low back pain "
        "is and why we need to pay attention. Lancet Lond Engl. 9 juin 2018;391(10137):2356\u201167"
    )
    assert ref.title == "What low back pain is and why we need to pay attention"
    assert ref.container_title == "Lancet Lond Engl"  # "9 juin" is the date, not part of the journal
    assert (ref.year, ref.volume, ref.issue, ref.pages) == (2018, "391", "10137", "2356–67")
    assert len(ref.authors) == 7 and ref.authors[-1] == ET_AL


def test_wikipedia_cite_journal_quoted_title() -> None:
    # verbatim from a public repository's reference data (copied from Wikipedia's citation template output)
    (ref,) = parse_references(
        'Hartvigsen J, Hancock MJ, Kongsted A, et al. (2018). "What low back pain is and why we need to pay '
        'attention". Lancet. 391 (10137): 2356-2367.'
    )
    assert ref.title == "What low back pain is and why we need to pay attention"
    assert (ref.container_title, ref.year, ref.volume, ref.issue, ref.pages) == (
        "Lancet",
        2018,
        "391",
        "10137",
        "2356–2367",
    )


def test_vancouver_with_a_space_after_the_semicolon_and_a_pmid() -> None:
    # verbatim from a public repository's notes
    (ref,) = parse_references(
        "Foster NE, Anema JR, Cherkin D, et al. Prevention and treatment of low back pain. Lancet 2018; "
        "391(10137):2368-2383. PMID: 29573872."
    )
    assert (ref.title, ref.container_title) == ("Prevention and treatment of low back pain", "Lancet")
    assert (ref.year, ref.volume, ref.issue, ref.pages) == (2018, "391", "10137", "2368–2383")
    assert ref.pmid == "29573872"


def test_undated_references_led_by_authors_are_kept_with_authors_and_title() -> None:
    # verbatim from a public repository's reference data (find_string "Hartvigsen J, Hancock MJ, Kongsted A":
    # a JavaScript list of guideline citations)
    text = "Magee DJ. Orthopedic Physical Assessment, 7th ed. Ch. 9: Lumbar Spine. Elsevier"
    refs = parse_references(text, source="refs.txt")
    (ref,) = refs
    assert ref.raw == text
    assert (ref.type, ref.year, ref.title) == ("document", None, "Orthopedic Physical Assessment, 7th ed")
    assert _names(ref) == [("Magee", "DJ")]
    assert ref.fields["unparsed_text"] == "Ch. 9: Lumbar Spine. Elsevier"  # kept as written, not guessed
    assert [(p.code, p.line) for p in refs.problems] == [("refs.incomplete", 1)]
    assert 0.5 < ref.confidence < 1.0


def test_a_note_between_references_is_a_problem_not_a_reference() -> None:
    refs = parse_references("Some notes I took while reading.\n")
    assert list(refs) == []
    assert [p.code for p in refs.problems] == ["refs.unparsed"]
    assert refs.problems[0].raw == "Some notes I took while reading."


def test_urls_keep_their_brackets_and_underscores() -> None:
    # Hartvigsen 2018 (DOI 10.1016/S0140-6736(18)30480-X, as the public lists above print it) with the
    # Lancet's article address, which is built from the same PII and holds brackets of its own
    lancet = "https://www.thelancet.com/journals/lancet/article/PIIS0140-6736(18)30480-X/fulltext"
    (ref,) = parse_references(
        "Hartvigsen J, Hancock MJ, Kongsted A, et al. What low back pain is and why we need to pay "
        f"attention. Lancet. 2018;391(10137):2356-2367. ({lancet})."
    )
    assert ref.url == lancet
    assert ref.title == "What low back pain is and why we need to pay attention"
    # an underscore before a bracket is part of the URL, not Markdown emphasis (example.org: a reserved name)
    (ref,) = parse_references(
        "Hartvigsen J, Hancock MJ, Kongsted A, et al. What low back pain is and why we need to pay "
        "attention. Lancet. 2018;391(10137):2356-2367. Available from: https://example.org/wiki/Sciatica_(disorder)."
    )
    assert ref.url == "https://example.org/wiki/Sciatica_(disorder)"


@pytest.mark.parametrize("mark", ["___,", "\\_\\_\\_,", "—,", "---,"])
def test_typed_and_markdown_escaped_ditto_marks(mark: str) -> None:
    # the AMS list above with the ditto typed in other ways; `___` must not be taken for Markdown emphasis
    refs = parse_references(AMS.replace("——,", mark))
    assert [r.key for r in refs] == ["emanuel2005", "emanuel2011"]
    assert refs[1].authors == refs[0].authors
