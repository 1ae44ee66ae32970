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
