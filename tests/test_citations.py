"""Inline citations: numeric, superscript and author–year markers, resolved to the article's references."""

from __future__ import annotations

from pathlib import Path

import pytest

import needling_evidence as ne
from needling_evidence.model import Article

DATA = Path(__file__).parent / "data" / "articles"

# The bundled article's three works, as its reference list prints them.
APA_REFERENCES = """\
## References

1. Gattie, E., Cleland, J. A., & Snodgrass, S. (2017). The Effectiveness of Trigger Point Dry Needling for \
Musculoskeletal Conditions by Physical Therapists: A Systematic Review and Meta-analysis. The Journal of \
orthopaedic and sports physical therapy, 47(3), 133–149. https://doi.org/10.2519/jospt.2017.7096
2. Cagnie, B., Dewitte, V., Barbe, T., Timmermans, F., Delrue, N., & Meeus, M. (2013). Physiologic effects \
of dry needling. Current pain and headache reports, 17(8), 348. https://doi.org/10.1007/s11916-013-0348-5
3. Rodine R. (2015). Trigger Point Dry Needling: An Evidenced and Clinical-Based Approach. The Journal of \
the Canadian Chiropractic Association, 59(1), 84.
"""


def article_with(body: str) -> Article:
    article = ne.load_article(f"# Test\n\n{body}\n\n{APA_REFERENCES}")
    assert len(article.references) == 3, article.references.problems
    return article


def keys_of(article: Article) -> tuple[str, str, str]:
    gattie, cagnie, rodine = (ref.key for ref in article.references)
    return gattie, cagnie, rodine


def markers(article: Article) -> list[tuple[str, tuple[str, ...], str]]:
    return [(c.marker, c.keys, c.style) for c in article.citations]


def test_numeric_markers_resolve_by_label_and_ranges_expand() -> None:
    article = article_with(
        "Needling helps [1]. It works [1,3]. Both [1–3] and [2-3] agree. See also [3],[2]."
    )
    g, c, r = keys_of(article)
    assert markers(article) == [
        ("[1]", (g,), "numeric"),
        ("[1,3]", (g, r), "numeric"),
        ("[1–3]", (g, c, r), "numeric"),
        ("[2-3]", (c, r), "numeric"),
        ("[3]", (r,), "numeric"),
        ("[2]", (c,), "numeric"),
    ]
    assert not article.problems
    first = article.citations[0]
    assert article.sentence(first.sentence_id) is not None
    assert article.sentence(first.sentence_id).text == "Needling helps [1]."  # type: ignore[union-attr]
    assert first.line == 3


def test_escaped_brackets_and_superscripts() -> None:
    article = article_with("Needling helps \\[2\\]. Pain fell.¹ Function rose.¹,³ An area of 4 m² was taped.")
    g, c, r = keys_of(article)
    assert markers(article) == [
        ("\\[2\\]", (c,), "numeric"),
        ("¹", (g,), "numeric"),
        ("¹,³", (g, r), "numeric"),
    ]


def test_superscripts_are_not_citations_without_a_numbered_list() -> None:
    article = ne.load_article("# T\n\nPain fell.¹ The room was 20 m² in size.\n")
    assert article.citations == ()
    assert article.problems == ()


def test_author_year_forms() -> None:
    article = article_with(
        "Needling reduces pain (Gattie et al., 2017). Gattie et al. (2017) pooled trials. "
        "Reviews agree (Cagnie 2013; Rodine 2015). "
        "The review (Gattie, Cleland & Snodgrass, 2017) graded them. "
        "Cagnie and Dewitte (2013) disagree (see Rodine, 2015, p. 84)."
    )
    g, c, r = keys_of(article)
    assert markers(article) == [
        ("Gattie et al., 2017", (g,), "author-year"),
        ("Gattie et al. (2017)", (g,), "author-year"),
        ("Cagnie 2013", (c,), "author-year"),
        ("Rodine 2015", (r,), "author-year"),
        ("Gattie, Cleland & Snodgrass, 2017", (g,), "author-year"),
        ("Cagnie and Dewitte (2013)", (c,), "author-year"),
        ("see Rodine, 2015, p. 84", (r,), "author-year"),
    ]
    assert not article.problems


@pytest.mark.parametrize(
    "body",
    [
        "He wrote that it “cures everything” [sic].",
        "In 2017, a review pooled 13 trials.",
        "The trial ran from 2015 to 2017 (two years).",
        "A review (2017) pooled 13 trials.",
        "It was published in March (2017) online.",
        "Use a [link](https://example.org) for more.",
        "Pain fell by 30% (95% CI 20 to 40).",
    ],
)
def test_prose_that_is_not_a_citation(body: str) -> None:
    article = article_with(body)
    assert article.citations == ()
    assert article.problems == ()


def test_reference_items_are_not_searched() -> None:
    article = article_with("Needling helps.")
    assert article.citations == ()  # "(2017)" and "47(3)" in the reference list are not citations


def test_unresolved_markers_are_problems_with_lines() -> None:
    article = article_with("Needling helps [4].\nIt is safe (Smith et al., 2020).\nRange [1-300] is a typo.")
    unresolved = [p for p in article.problems if p.code == "citation.unresolved"]
    assert [(p.raw, p.line) for p in unresolved] == [("[4]", 3), ("Smith et al., 2020", 4), ("[1-300]", 5)]
    assert all(c.keys == () for c in article.citations)


def test_partly_resolved_marker_keeps_the_keys_it_found() -> None:
    article = article_with("Needling helps [1,9].")
    g, _, _ = keys_of(article)
    assert markers(article) == [("[1,9]", (g,), "numeric")]
    assert [p.code for p in article.problems] == ["citation.unresolved"]
    assert "9" in article.problems[0].message


def test_bundled_article_yields_no_citations() -> None:
    article = ne.load_article(ne.datasets.dry_needling_path("article.txt"))
    assert article.citations == ()


def test_foam_rolling_fixture() -> None:
    article = ne.load_article(DATA / "foam_rolling.md")
    by_marker = [(c.marker, c.keys) for c in article.citations]
    assert by_marker == [
        ("[1]", ("ardent2019",)),
        ("\\[2\\]", ("brandt2020",)),
        ("[2,3]", ("brandt2020", "castillo2018")),
        ("[4]", ("devlin2021",)),
        ("[4–6]", ("devlin2021", "okafor2022", "park2020")),
        ("[5]", ("okafor2022",)),
        ("[7]", ("quist2017",)),
        ("[8]", ()),
        ("Ellison et al., 2021", ()),
    ]
    # the two deliberately unresolvable markers, at their lines in the file
    lines = article.text.split("\n")
    problems = [(p.raw, p.line, p.file) for p in article.problems]
    assert [raw for raw, _, _ in problems] == ["[8]", "Ellison et al., 2021"]
    for raw, line, file in problems:
        assert line is not None and raw is not None and raw in lines[line - 1]
        assert file == str(DATA / "foam_rolling.md")


def test_heat_fixture_author_year() -> None:
    article = ne.load_article(DATA / "heat_back_pain.txt")
    assert [(c.marker, c.keys) for c in article.citations] == [
        ("Hartley & Moss, 2016", ("hartley2016",)),
        ("Lindqvist et al., 2014", ("lindqvist2014",)),
        ("Nakamura and Ferris (2019)", ("nakamura2019",)),
        ("Hartley & Moss, 2016", ("hartley2016",)),
        ("Quinn 2018", ("quinn2018",)),
        ("Lindqvist et al., 2014", ("lindqvist2014",)),
        ("Quinn 2018", ("quinn2018",)),
    ]
    assert article.problems == ()
    survey = next(s for s in article.sentences if s.text.startswith("In 2018"))
    assert [c.marker for c in article.citations if c.sentence_id == survey.id] == ["Quinn 2018"]


def test_knee_fixture_superscripts() -> None:
    article = ne.load_article(DATA / "knee_taping.md")
    assert [(c.marker, c.keys) for c in article.citations][-2:] == [
        ("¹,⁴", ("varga2018", "marsh2022")),
        ("⁴", ("marsh2022",)),
    ]
    assert len(article.citations) == 8
    assert article.problems == ()


# --- every citation form an article uses (issue 9), each from a real page
# --------------------------------------

# The opening of "Low Back Pain" (Grindrod, Kielly, Marra; pharmacists' monograph, revised 2018) as converted
# to Markdown in PharmaGuideInc/openai-chatkit-starter-app, markdown_for_vectorstore/low_back_pain_minor.md:
# "[[1]](#anchor)" citations after the full stop, and a reference list of links to PubMed and PMC.
MONOGRAPH = """\
### Pathophysiology

Low back pain is defined as spinal and paraspinal symptoms in the lumbosacral region that can extend to the \
gluteal muscles, hips and lower extremities.[[1]](#psc1047n1001)[[2]](#psc1047n1002) With an estimated \
prevalence of 15–30%, between 50% and 80% of people will experience an episode of low back pain during their \
lifetime.[[3]](#psc1047n1003)

### References

1. [Chou R, Huffman LH. Medications for acute and chronic low back pain: a review of the evidence for an \
American Pain Society/American College of Physicians clinical practice guideline. *Ann Intern Med* \
2007;147:505-14.](http://www.ncbi.nlm.nih.gov/pubmed/17909211?dopt=Abstract)
2. [Qaseem A, Wilt TJ, McLean RM et al. Noninvasive treatments for acute, subacute, and chronic low back \
pain: a clinical practice guideline from the American College of Physicians. *Ann Intern Med* \
2017;166:514-30.](https://www.ncbi.nlm.nih.gov/pubmed/28192789)
3. [Glazov G, Yelland M, Emery J. Low-level laser therapy for chronic non-specific low back pain: a \
meta-analysis of randomised controlled trials. *Acupunct Med* \
2016;34:328-41.](https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5099186/)
"""


def cited_sentences(article: Article) -> list[tuple[str, tuple[str, ...]]]:
    """Each citation as (the start of its sentence, its keys)."""
    result = []
    for citation in article.citations:
        sentence = article.sentence(citation.sentence_id)
        assert sentence is not None
        result.append((sentence.text[:30], citation.keys))
    return result


def test_linked_numeric_citations_after_the_full_stop_end_their_sentence() -> None:
    article = ne.load_article(MONOGRAPH)
    chou, qaseem, glazov = (ref.key for ref in article.references)
    assert [(c.marker, c.keys, c.style) for c in article.citations] == [
        ("[[1]](#psc1047n1001)", (chou,), "numeric"),
        ("[[2]](#psc1047n1002)", (qaseem,), "numeric"),
        ("[[3]](#psc1047n1003)", (glazov,), "numeric"),
    ]
    # The first two belong to the first sentence, the third to the second: never to the sentence after.
    assert cited_sentences(article) == [
        ("Low back pain is defined as sp", (chou,)),
        ("Low back pain is defined as sp", (qaseem,)),
        ("With an estimated prevalence o", (glazov,)),
    ]
    first = article.sentence(article.citations[0].sentence_id)
    assert first is not None and first.text.endswith("extremities.[[1]](#psc1047n1001)[[2]](#psc1047n1002)")
    assert article.problems == ()
    assert all(c.line == 3 for c in article.citations)


def test_a_citation_before_the_full_stop_stays_with_its_sentence() -> None:
    # The same sentences with the marker before the full stop ("… lifetime [3]. Next").
    article = article_with(
        "Needling eases pain [1]. It is safe [2]. Function improves.[3] Sleep is better. [1] Mood lifts."
    )
    g, c, r = keys_of(article)
    assert [(s, k) for s, k in cited_sentences(article)] == [
        ("Needling eases pain [1].", (g,)),
        ("It is safe [2].", (c,)),
        ("Function improves.[3]", (r,)),
        ("Sleep is better. [1]", (g,)),  # pasted with a space after the full stop: still the one before
    ]
    assert [s.text for s in article.sentences if s.kind == "sentence"][-1] == "Mood lifts."


def test_numeric_link_to_an_anchor() -> None:
    # "T-cells mature in the thymus [1](https://pubmed.ncbi.nlm.nih.gov/123)." — a note-citation test in
    # public code (find_string "](https://pubmed.ncbi.nlm.nih.gov/"); here the same form points at the list's
    # anchor.
    article = article_with("Needling eases neck pain [1](#ref1). Two reviews agree [2](#ref2).")
    g, c, _ = keys_of(article)
    assert markers(article) == [("[1](#ref1)", (g,), "numeric"), ("[2](#ref2)", (c,), "numeric")]


def test_sup_tags_in_markdown() -> None:
    # A Markdown paper in a public repository (find_string ".<sup>1</sup> "): "… available in multiple
    # OpenNeuro datasets.<sup>1</sup> At the same time, scalp EEG is highly sensitive to artifact, task
    # context, preprocessing decisions, and participant overlap across repeated recordings.<sup>13,14</sup>"
    article = article_with(
        "EEG is available in multiple OpenNeuro datasets.<sup>1</sup> At the same time, scalp EEG is highly "
        "sensitive to artifact, task context and preprocessing decisions.<sup>2,3</sup> Needling is "
        '"cheap".<sup><a href="#fn1">3</a></sup> Areas of 4 cm<sup>2</sup> were taped.'
    )
    g, c, r = keys_of(article)
    assert markers(article) == [
        ("<sup>1</sup>", (g,), "numeric"),
        ("<sup>2,3</sup>", (c, r), "numeric"),
        ('<sup><a href="#fn1">3</a></sup>', (r,), "numeric"),
    ]  # "4 cm<sup>2</sup>" is an area
    assert [s for s, _ in cited_sentences(article)][:3] == [
        "EEG is available in multiple O",
        "At the same time, scalp EEG is",
        'Needling is "cheap".<sup><a hr',
    ]


def test_caret_citations() -> None:
    # A Portuguese patient page in public code (find_string ".^1 "): "…os contraceptivos hormonais protegem
    # contra os cânceres de ovário, endométrio e colorretal.^1 O risco de câncer de mama associado ao uso da
    # terapia hormonal é pequeno, com incidência anual de aproximadamente um caso por 1.000 mulheres.^2"
    article = article_with(
        "Hormonal contraceptives protect against ovarian, endometrial and colorectal cancers.^1 The risk of "
        "breast cancer with hormone therapy is small, about one case per 1,000 women a year.^2 A 2^10 power."
    )
    g, c, _ = keys_of(article)
    assert markers(article) == [("^1", (g,), "numeric"), ("^2", (c,), "numeric")]
    assert [s for s, _ in cited_sentences(article)] == [
        "Hormonal contraceptives protec",
        "The risk of breast cancer with",
    ]


def test_caret_is_not_a_citation_without_a_reference_list() -> None:
    article = ne.load_article("# T\n\nOvarian cancers fell.^1 Next.\n")
    assert article.citations == ()


def test_parenthesised_numbers_cite_a_numbered_list() -> None:
    # Train In Blocks' sports-massage post (tests/data/devset/trainblocks_sports_massage.md): "… to enhance
    # sprint, jump, strength, and endurance performance (1, 2). Nonetheless, …" — and the form in other words.
    article = article_with(
        "There is little evidence that massage enhances sprint and jump performance (1, 2). Nonetheless, it "
        "may help flexibility. Trials of dry needling (3) found less pain; a range (1–3) agrees."
    )
    g, c, r = keys_of(article)
    assert markers(article) == [
        ("(1, 2)", (g, c), "numeric"),
        ("(3)", (r,), "numeric"),
        ("(1–3)", (g, c, r), "numeric"),
    ]
    assert article.references.problems == ()


@pytest.mark.parametrize(
    "body",
    [
        "Three steps help: (1) rest, (2) ice and (3) elevation.",  # enumerators count the words after them
        "(1) Rest the joint. (2) Ice it.",
        "Pain fell in both groups (7).",  # no reference 7: not a citation, and not a problem either
        "Scores were 2 (1) and 3 (2) on the scale.",  # a number's spread, not a citation
    ],
)
def test_parenthesised_numbers_that_are_not_citations(body: str) -> None:
    assert article_with(body).citations == ()


def test_parenthesised_numbers_are_not_citations_without_a_numbered_list() -> None:
    article = ne.load_article("# T\n\nMassage eased soreness (1, 2). Next sentence.\n")
    assert article.citations == ()


# seanh/jekyll-theme-oatcake, _posts/2019-09-01-footnotes.md (kramdown footnotes):
# "For example, here's a footnote.[^1]\nAnd here's a second footnote.[^2]" with "[^1]: This is the definition
# of the first footnote." — a footnote that is a note cites nothing; one that is a reference cites it. The
# reference's words are reference 2 of the monograph above.
FOOTNOTES = """\
# Notes

For example, here's a footnote.[^1]
Guidelines now favour exercise for chronic low back pain.[^qaseem]

[^1]: This is the definition of the first footnote.
[^qaseem]: Qaseem A, Wilt TJ, McLean RM et al. Noninvasive treatments for acute, subacute, and chronic low \
back pain: a clinical practice guideline from the American College of Physicians. Ann Intern Med \
2017;166:514-30.
"""


def test_footnote_citations() -> None:
    article = ne.load_article(FOOTNOTES)
    assert [(c.marker, c.style) for c in article.citations] == [("[^qaseem]", "footnote")]
    (reference,) = article.references
    assert reference.first_author_family == "Qaseem" and reference.year == 2017 and reference.line == 7
    assert article.citations[0].keys == (reference.key,)
    assert article.citations[0].line == 4
    note = next(s for s in article.sentences if s.kind == "footnote")
    assert note.text == "This is the definition of the first footnote." and note.line == 6
    assert article.problems == ()


def test_author_year_one_and_several_works_from_a_real_paper() -> None:
    # Veseta, Gulbe, Onzevs (2020), "Significance of intensity of Swedish massage course…", Society.
    # Integration. Education VI:445-455: "…the soft tissues of the human body - skin, tendons, ligaments,
    # fascia, and muscles (Fritz, 2014)." Here with this file's works.
    article = article_with(
        "Needling applies dosed mechanical influence to the soft tissues of the human body - skin, fascia, "
        "and muscles (Cagnie, 2013). Trials agree (Gattie et al., 2017; Rodine 2015). "
        "Rodine (2015) disagrees."
    )
    g, c, r = keys_of(article)
    assert markers(article) == [
        ("Cagnie, 2013", (c,), "author-year"),
        ("Gattie et al., 2017", (g,), "author-year"),
        ("Rodine 2015", (r,), "author-year"),
        ("Rodine (2015)", (r,), "author-year"),
    ]


def test_links_to_pubmed_pmc_and_doi_resolve_to_the_reference_with_that_identifier() -> None:
    # Link forms from Markdown in public repositories (find_string "](https://pubmed.ncbi.nlm.nih.gov/"):
    # "([Simpson et al., 2022](https://pubmed.ncbi.nlm.nih.gov/34973274/))" and "[doi:10.1038/ng.3958]
    # (https://doi.org/10.1038/ng.3958)". The references are the monograph's (PMID 28192789 is its link for
    # Qaseem 2017) and Trofa et al. 2020 as journals.lww.com prints it (doi: 10.5435/JAAOSGlobal-D-19-00104).
    text = (
        "# Links\n\n"
        "Guidelines favour exercise ([Qaseem et al., 2017](https://pubmed.ncbi.nlm.nih.gov/28192789/)).\n"
        "Kinesio tape has little support ([review](https://doi.org/10.5435/JAAOSGlobal-D-19-00104)).\n"
        "SMARCB1 activates enhancers ([doi:10.1038/ng.3958](https://doi.org/10.1038/ng.3958)).\n"
        "Laser therapy may help (https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5099186/).\n"
        "Book a [visit](https://example.com/book) today.\n\n## References\n\n"
        "1. Qaseem A, Wilt TJ, McLean RM et al. Noninvasive treatments for acute, subacute, and chronic low "
        "back pain: a clinical practice guideline from the American College of Physicians. Ann Intern Med "
        "2017;166:514-30. PMID: 28192789.\n"
        "2. Trofa DP, Obana KK, Herndon CL, et al. The Evidence for Common Nonsurgical Modalities in Sports "
        "Medicine, Part 1: Kinesio Tape, Sports Massage Therapy, and Acupuncture. JAAOS Glob Res Rev. "
        "2020;4(1):e19.00104. doi: 10.5435/JAAOSGlobal-D-19-00104\n"
    )
    article = ne.load_article(text)
    qaseem, trofa = article.references[0], article.references[1]
    assert qaseem.pmid == "28192789" and trofa.doi == "10.5435/jaaosglobal-d-19-00104"
    links = [(c.marker, c.keys, c.line) for c in article.citations]
    assert links[0] == ("https://pubmed.ncbi.nlm.nih.gov/28192789/", (qaseem.key,), 3)
    assert links[1] == ("https://doi.org/10.5435/JAAOSGlobal-D-19-00104", (trofa.key,), 4)
    # No reference carries 10.1038/ng.3958: it is kept as a cited work of its own, with its DOI and no
    # problem.
    own = article.references.get("doi-10-1038-ng-3958")
    assert own is not None and own.doi == "10.1038/ng.3958" and own.fields["origin"] == "inline-link"
    assert own.title is None and own.authors == ()  # nothing guessed
    assert links[2] == ("https://doi.org/10.1038/ng.3958", (own.key,), 5)
    pmc = article.references.get("pmc5099186")
    assert pmc is not None and pmc.pmcid == "PMC5099186" and pmc.line == 6
    assert links[3] == ("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5099186/", ("pmc5099186",), 6)
    assert len(links) == 4  # the clinic's own page is not a source
    assert article.problems == ()


def test_a_link_citation_keeps_the_link_words_as_claim_text() -> None:
    article = ne.load_article(
        "# T\n\nA [2014 review](https://pubmed.ncbi.nlm.nih.gov/25536022/) found that herbal medicine may "
        "reduce pain.\n"
    )
    (citation,) = article.citations
    assert citation.start == citation.end  # an empty span after the link
    assert citation.marker == "https://pubmed.ncbi.nlm.nih.gov/25536022/"
    (claim,) = ne.draft_claims(article)
    assert claim.text == "A 2014 review found that herbal medicine may reduce pain."


def test_publisher_landing_page_with_a_doi_in_its_path() -> None:
    article = ne.load_article(
        "# T\n\nTaping helped "
        "([trial](https://onlinelibrary.wiley.com/doi/10.1002/14651858.CD012424.pub2/full)).\n"
    )
    (citation,) = article.citations
    (reference,) = article.references
    assert reference.doi == "10.1002/14651858.cd012424.pub2"
    assert citation.keys == (reference.key,)


def test_markdown_link_reference_definitions_are_the_reference_list() -> None:
    # CommonMark gives "[1]: url" definitions no block; they are the list that "[1]" and "[words][2]" cite.
    # French 2006 (Cochrane, "Superficial heat or cold for low back pain") and Qaseem 2017 (PMID 28192789),
    # both in the monograph's reference list.
    article = ne.load_article(
        "# R\n\nHeat helps [1]. So does [this guideline][2]. A [NICE page][nice] agrees.\n\n## References\n\n"
        '[1]: https://doi.org/10.1002/14651858.CD004750.pub2 "Superficial heat or cold for low back pain"\n'
        "[2]: https://www.ncbi.nlm.nih.gov/pubmed/28192789\n"
        "[nice]: https://www.nice.org.uk/guidance/ng59\n"
    )
    first, second, nice = article.references
    assert first.doi == "10.1002/14651858.cd004750.pub2" and first.line == 7
    assert second.url == "https://www.ncbi.nlm.nih.gov/pubmed/28192789" and second.line == 8
    assert nice.url == "https://www.nice.org.uk/guidance/ng59" and nice.fields["origin"] == "inline-link"
    assert [(c.marker, c.keys) for c in article.citations] == [
        ("[1]", (first.key,)),
        ("[2]", (second.key,)),
        ("https://www.nice.org.uk/guidance/ng59", (nice.key,)),
    ]
    assert not [p for p in article.problems if p.code == "citation.unresolved"]


def test_a_footnote_that_cites_passes_its_citation_to_the_marker() -> None:
    # A footnote that is a note, not a reference, but names its source (the massage-blog pattern in issue 9).
    article = article_with(
        "Cupping may ease neck pain.[^1] It leaves marks.[^2]\n\n"
        "[^1]: See the review by Cagnie et al. (2013).\n"
        "[^2]: The marks fade in a week."
    )
    _, c, _ = keys_of(article)
    by_style = [(c_.marker, c_.keys, c_.style) for c_ in article.citations]
    assert ("[^1]", (c,), "footnote") in by_style
    assert not any(marker == "[^2]" for marker, _, _ in by_style)
    marker = next(x for x in article.citations if x.marker == "[^1]")
    sentence = article.sentence(marker.sentence_id)
    assert sentence is not None and sentence.text == "Cupping may ease neck pain.[^1]"
