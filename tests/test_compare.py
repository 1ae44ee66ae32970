"""Field-by-field comparison of a reference with a Crossref work (crossref/compare.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from needling_evidence.crossref.compare import (
    LOCATOR_MISMATCHES_FOR_IDENTITY,
    TITLE_IDENTITY_MIN,
    YEAR_TOLERANCE,
    compare_reference,
    crossref_years,
    families_agree,
    normalize_title,
    page_bounds,
    strip_markup,
    title_similarity,
)
from needling_evidence.model import Person, Reference

DATA = Path(__file__).parent / "data" / "crossref"

GATTIE_TITLE = (
    "The Effectiveness of Trigger Point Dry Needling for Musculoskeletal Conditions by Physical Therapists: "
    "A Systematic Review and Meta-analysis"
)


def work(**fields: Any) -> dict[str, Any]:
    """A Crossref-shaped work for the Gattie review (the shape of the recorded /works answers)."""
    base: dict[str, Any] = {
        "DOI": "10.2519/jospt.2017.7096",
        "type": "journal-article",
        "title": [GATTIE_TITLE],
        "author": [
            {"given": "Eric", "family": "Gattie", "sequence": "first"},
            {"given": "Joshua A.", "family": "Cleland", "sequence": "additional"},
            {"given": "Suzanne", "family": "Snodgrass", "sequence": "additional"},
        ],
        "container-title": ["Journal of Orthopaedic & Sports Physical Therapy"],
        "short-container-title": ["J Orthop Sports Phys Ther"],
        "volume": "47",
        "issue": "3",
        "page": "133-149",
        "issued": {"date-parts": [[2017]]},
    }
    base.update(fields)
    return base


def gattie(**fields: Any) -> Reference:
    values: dict[str, Any] = {
        "key": "gattie2017",
        "title": GATTIE_TITLE,
        "authors": (Person("Gattie", "E."), Person("Cleland", "J. A."), Person("Snodgrass", "S.")),
        "year": 2017,
        "container_title": "The Journal of orthopaedic and sports physical therapy",
        "volume": "47",
        "issue": "3",
        "pages": "133–149",
        "doi": "10.2519/jospt.2017.7096",
    }
    values.update(fields)
    return Reference(**values)


def test_the_articles_printed_gattie_reference_agrees_in_every_field() -> None:
    comparison = compare_reference(gattie(), work())
    assert comparison.mismatches == {}
    assert comparison.identity == ()
    assert set(comparison.agreed) == {
        "title",
        "authors",
        "year",
        "container_title",
        "volume",
        "issue",
        "pages",
        "type",
    }
    # the journal agrees in substance, and the comparison says it was written differently
    journal = comparison.get("container_title")
    assert journal is not None and "same journal" in journal.note


# --- title --------------------------------------------------------------------------------------------------


def test_markup_entities_case_punctuation_and_diacritics_are_ignored() -> None:
    crossref = work(
        title=[
            "The <i>Effectiveness</i> of Trigger Point Dry Needling for <jats:italic>Musculo"
            "skeletal</jats:italic> Conditions by Physical Therapists: a Systematic "
            "Review and Meta‐analysis"
        ]
    )
    ours = gattie(
        title="the effectiveness of trigger-point dry needling for musculoskeletal conditions by "
        "physical therapists: a systematic review and meta analysis"
    )
    assert compare_reference(ours, crossref).get("title").verdict == "agree"  # type: ignore[union-attr]
    assert normalize_title("Fernández-de-las-Peñas <mml:math><mml:mi>x</mml:mi></mml:math>") == (
        "fernandez de las penas x"
    )
    assert strip_markup("Effects of <i>A&apos;s</i> on H<sub>2</sub>O") == "Effects of A's on H2O"
    assert normalize_title("Sports &amp; Exercise") == normalize_title("sports and exercise")


def test_a_one_letter_typo_is_reported_not_hidden() -> None:
    book = "Trigger Point Dry Needling: An Evidence and Clinical-Based Approach"
    ours = Reference(
        "rodine2015", title="Trigger Point Dry Needling: An Evidenced and Clinical-Based Approach"
    )
    result = compare_reference(ours, {"title": [book]})
    title = result.get("title")
    assert title is not None
    assert title.verdict == "minor"
    assert result.mismatches["title"] == (ours.title, book)
    assert result.identity == ()


def test_subtitle_missing_on_one_side_is_a_reported_note_not_a_failure() -> None:
    ours = gattie(
        title="The Effectiveness of Trigger Point Dry Needling for Musculoskeletal Conditions by "
        "Physical Therapists"
    )
    title = compare_reference(ours, work()).get("title")
    assert title is not None and title.verdict == "minor"
    assert "subtitle" in title.note
    # Crossref keeps the subtitle apart: title + subtitle together agree with a reference that writes both
    split = work(
        title=[
            "The Effectiveness of Trigger Point Dry Needling for Musculoskeletal Conditions by "
            "Physical Therapists"
        ],
        subtitle=["A Systematic Review and Meta-analysis"],
    )
    assert compare_reference(gattie(), split).get("title").verdict == "agree"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("ours", "theirs", "verdict"),
    [
        ("Dry needling for nekc pain", "Dry needling for neck pain", "minor"),
        ("Physiologic effects of dry needling", "Physiological effects of dry needling", "minor"),
        ("Dry needling for neck pain", "Dry needling for low back pain", "identity"),
        (
            "The effectiveness of trigger point dry needling for musculoskeletal conditions",
            "The effectiveness of acupuncture for musculoskeletal conditions",
            "identity",
        ),
        (
            "Physiologic effects of dry needling",
            "Methylphenidate exposure induces dopamine neuron loss",
            "identity",
        ),
    ],
)
def test_title_threshold_examples_documented_beside_the_constant(
    ours: str, theirs: str, verdict: str
) -> None:
    result = compare_reference(Reference("x", title=ours), {"title": [theirs]}).get("title")
    assert result is not None and result.verdict == verdict
    assert (title_similarity(ours, theirs) >= TITLE_IDENTITY_MIN) == (verdict == "minor")


# --- authors ------------------------------------------------------------------------------------------------


def test_initials_agree_with_full_given_names_but_a_different_initial_is_reported() -> None:
    assert compare_reference(gattie(), work()).get("authors").verdict == "agree"  # type: ignore[union-attr]
    wrong = gattie(authors=(Person("Gattie", "E."), Person("Cleland", "M."), Person("Snodgrass", "S.")))
    authors = compare_reference(wrong, work()).get("authors")
    assert authors is not None and authors.verdict == "minor"
    assert "given names differ" in authors.note and "Cleland" in authors.note


def test_particles_and_diacritics_in_family_names() -> None:
    cited = Person("Fernandez-de-las-Penas", "C.")
    assert families_agree(cited, Person("Fernández-de-las-Peñas", "César"))
    assert families_agree(Person("Peñas", "C.", particle="de las"), Person("de las Peñas", "César"))
    assert families_agree(Person("Beethoven", particle="van"), Person("van Beethoven"))
    assert not families_agree(Person("Dommerholt", "J."), Person("Rodine", "R."))


def test_a_wrong_first_author_is_an_identity_mismatch() -> None:
    ours = gattie(authors=(Person("Cleland", "J. A."), Person("Gattie", "E."), Person("Snodgrass", "S.")))
    result = compare_reference(ours, work())
    authors = result.get("authors")
    assert authors is not None and authors.verdict == "identity"
    assert "first author" in authors.note
    assert "authors" in result.mismatches


def test_order_and_count_differences_after_the_first_author_are_minor() -> None:
    swapped = gattie(authors=(Person("Gattie", "E."), Person("Snodgrass", "S."), Person("Cleland", "J. A.")))
    note = compare_reference(swapped, work()).get("authors")
    assert note is not None and note.verdict == "minor" and "order" in note.note
    short = gattie(authors=(Person("Gattie", "E."), Person("Cleland", "J. A.")))
    count = compare_reference(short, work()).get("authors")
    assert (
        count is not None
        and count.verdict == "minor"
        and "2 author(s) in the reference, 3 in Crossref" in count.note
    )
    assert compare_reference(short, work()).mismatches["authors"] == (
        "Gattie, E.; Cleland, J. A.",
        "Gattie, E.; Cleland, J. A.; Snodgrass, S.",
    )


def test_a_truncated_author_list_is_not_a_count_difference() -> None:
    et_al = gattie(authors=(Person("Gattie", "E."), Person(literal="others")))
    result = compare_reference(et_al, work())
    assert result.get("authors").verdict == "agree"  # type: ignore[union-attr]
    assert result.get("authors").ours == "Gattie, E.; et al."  # type: ignore[union-attr]
    too_many = gattie(authors=(*gattie().authors, Person("Extra", "X."), Person(literal="others")))
    assert "Extra" in compare_reference(too_many, work()).get("authors").note  # type: ignore[union-attr]


# --- year ---------------------------------------------------------------------------------------------------


def test_one_year_between_online_and_print_is_reported_as_such() -> None:
    crossref = work(
        issued={"date-parts": [[2016, 11, 3]]},
        **{
            "published-online": {"date-parts": [[2016, 11, 3]]},
            "published-print": {"date-parts": [[2017, 3]]},
        },
    )
    assert crossref_years(crossref) == {"issued": 2016, "print": 2017, "online": 2016}
    # the reference's 2017 is the print year: agrees
    assert compare_reference(gattie(), crossref).get("year").verdict == "agree"  # type: ignore[union-attr]
    # a reference giving 2018 is one year from print: reported, minor
    year = compare_reference(gattie(year=2018), crossref).get("year")
    assert year is not None and year.verdict == "minor"
    assert year.theirs == "online 2016, print 2017"
    assert compare_reference(gattie(year=2018), crossref).mismatches["year"] == (
        "2018",
        "online 2016, print 2017",
    )


def test_a_year_more_than_the_tolerance_away_is_an_identity_mismatch() -> None:
    year = compare_reference(gattie(year=2017 + YEAR_TOLERANCE + 1), work()).get("year")
    assert year is not None and year.verdict == "identity"


# --- journal ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "journal",
    [
        "The Journal of orthopaedic and sports physical therapy",
        "Journal of Orthopaedic & Sports Physical Therapy",
        "J Orthop Sports Phys Ther",
        "J. Orthop. Sports Phys. Ther.",
    ],
)
def test_full_and_abbreviated_journal_titles_agree(journal: str) -> None:
    assert (
        compare_reference(gattie(container_title=journal), work()).get("container_title").verdict == "agree"
    )  # type: ignore[union-attr]


def test_an_abbreviation_agrees_with_the_full_title_when_crossref_has_no_short_title() -> None:
    crossref = work(**{"short-container-title": []})
    result = compare_reference(gattie(container_title="J Orthop Sports Phys Ther"), crossref)
    assert result.get("container_title").verdict == "agree"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        ("Spine (Phila Pa 1976)", "Spine"),
        ("Lancet (London, England)", "The Lancet"),
        ("Spine", "Spine (Online)"),
    ],
)
def test_nlm_place_qualifiers_do_not_make_another_journal(ours: str, theirs: str) -> None:
    # PubMed's "cite" writes NLM titles with a qualifier: `Spine (Phila Pa 1976)`; the verification listed
    # it as a journal difference to correct.
    crossref = work(**{"container-title": [theirs], "short-container-title": []})
    result = compare_reference(gattie(container_title=ours), crossref)
    assert result.get("container_title").verdict == "agree"  # type: ignore[union-attr]


def test_another_journal_is_reported_and_the_issn_is_compared_when_given() -> None:
    other = compare_reference(gattie(container_title="Physical Therapy"), work())
    assert other.get("container_title").verdict == "minor"  # type: ignore[union-attr]
    assert other.mismatches["container_title"] == (
        "Physical Therapy",
        "Journal of Orthopaedic & Sports Physical Therapy",
    )
    with_issn = work(ISSN=["0190-6011", "1938-1344"])
    agreeing = compare_reference(gattie(container_title="JOSPT", issn="1938-1344"), with_issn)
    assert agreeing.get("issn").verdict == "agree"  # type: ignore[union-attr]
    assert "ISSN agrees" in agreeing.get("container_title").note  # type: ignore[union-attr]
    wrong = compare_reference(gattie(issn="1234-5678"), with_issn)
    assert wrong.mismatches["issn"] == ("1234-5678", "0190-6011, 1938-1344")


# --- volume, issue, pages, type -----------------------------------------------------------------------------


@pytest.mark.parametrize("pages", ["133–149", "133-49", "133-149", "133--149", "pp. 133-149"])
def test_page_ranges_in_every_common_form_agree(pages: str) -> None:
    assert compare_reference(gattie(pages=pages), work()).get("pages").verdict == "agree"  # type: ignore[union-attr]


def test_page_bounds_expand_abbreviated_ranges_and_keep_article_numbers() -> None:
    assert page_bounds("133-49") == ("133", "149")
    assert page_bounds("1199-201") == ("1199", "1201")
    assert page_bounds("e33693") == ("e33693", None)
    assert page_bounds("348") == ("348", None)
    assert page_bounds("") is None


def test_page_bounds_expand_abbreviated_ranges_with_a_letter_prefix() -> None:
    # `e0107–9` (an e-page range abbreviated as NLM does) gave the last page "9", a difference from e0109.
    assert page_bounds("e0107–9") == ("e0107", "e0109")
    assert page_bounds("S12-19") == ("s12", "s19")
    assert page_bounds("e0107-0109") == ("e0107", "e0109")
    assert page_bounds("A12-A19") == ("a12", "a19")
    assert page_bounds("iii-xii") == ("iii", "xii")


def test_article_numbers_agree_with_page_or_article_number() -> None:
    cagnie = Reference("cagnie2013", pages="348")
    assert compare_reference(cagnie, {"article-number": "348", "page": "1-8"}).get("pages").verdict == "agree"  # type: ignore[union-attr]
    plos = Reference("plos", pages="e33693")
    assert compare_reference(plos, {"page": "e33693"}).get("pages").verdict == "agree"  # type: ignore[union-attr]
    assert compare_reference(plos, {"page": "e33694"}).mismatches["pages"] == ("e33693", "e33694")
    bare = compare_reference(Reference("plos", pages="33693"), {"page": "e33693"}).get("pages")
    assert bare is not None and bare.verdict == "agree" and "prefix" in bare.note


def test_volume_issue_and_type_differences_are_reported() -> None:
    result = compare_reference(gattie(volume="48", issue="2", type="book"), work())
    assert result.mismatches["volume"] == ("48", "47")
    assert result.mismatches["issue"] == ("2", "3")
    assert result.mismatches["type"] == ("book", "journal-article")
    assert compare_reference(gattie(volume="Vol. 47"), work()).get("volume").verdict == "agree"  # type: ignore[union-attr]


def test_a_book_review_is_published_as_a_journal_article() -> None:
    assert compare_reference(Reference("r", type="review-book"), work()).get("type").verdict == "agree"  # type: ignore[union-attr]


# --- what makes a mismatch of identity ----------------------------------------------------------------------


def test_similar_title_with_differing_journal_details_is_another_work() -> None:
    """CERMINE's journal paper cited, the DOI of its workshop paper (both real records, same authors)."""
    items = json.loads((DATA / "unstructured-ref-response-1.json").read_text(encoding="utf-8"))["message"][
        "items"
    ]
    journal_paper, workshop_paper = items[0], items[1]
    ours = Reference(
        "tkaczyk2015",
        title=journal_paper["title"][0],
        authors=(Person("Tkaczyk", "D."), Person("Szostek", "P.")),
        year=2015,
        container_title="International Journal on Document Analysis and Recognition",
        volume="18",
        issue="4",
        pages="317-335",
    )
    assert compare_reference(ours, journal_paper).identity == ()
    wrong = compare_reference(ours, workshop_paper)
    title = wrong.get("title")
    assert title is not None and title.verdict == "identity"
    assert "likely another work" in title.note
    assert (
        sum(1 for name in ("year", "container_title", "volume", "issue", "pages") if name in wrong.mismatches)
        >= LOCATOR_MISMATCHES_FOR_IDENTITY
    )


def test_missing_values_are_not_compared_and_not_mismatches() -> None:
    bare = Reference("bare", doi="10.2519/jospt.2017.7096")
    result = compare_reference(bare, work())
    assert result.mismatches == {}
    assert "title" not in result.compared and "authors" not in result.compared
    assert compare_reference(gattie(), {}).mismatches == {}


def test_malformed_crossref_values_do_not_crash_the_comparison() -> None:
    odd = {
        "title": "not a list",
        "author": [{"name": "The PLoS Group"}, "junk", {"given": "only"}],
        "issued": {"date-parts": [["2017"]]},
        "volume": None,
        "page": 133,
    }
    result = compare_reference(gattie(), odd)
    assert result.get("year").verdict == "agree"  # type: ignore[union-attr]
    assert result.get("authors").verdict == "identity"  # type: ignore[union-attr]


# --- authors: given names in full, and linear time (issues 10 and 14) ---------------------------------------


def _authors_work(*people: tuple[str, str]) -> dict[str, Any]:
    return {"author": [{"family": family, "given": given} for family, given in people]}


def test_full_given_names_that_differ_are_a_difference() -> None:
    from needling_evidence.crossref.compare import compare_authors

    result = compare_authors([Person(family="Smith", given="Valentine")], _authors_work(("Smith", "Vincent")))
    assert result.verdict == "minor" and result.note is not None
    assert "given names differ" in result.note and "Valentine" in result.note and "Vincent" in result.note


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [("V.", "Vincent"), ("Vincent", "V."), ("V. A.", "Vincent"), ("Chris", "Christopher"), ("José", "Jose")],
)
def test_initials_and_short_forms_agree_with_a_full_given_name(ours: str, theirs: str) -> None:
    from needling_evidence.crossref.compare import compare_authors

    result = compare_authors([Person(family="Smith", given=ours)], _authors_work(("Smith", theirs)))
    assert result.verdict == "agree", result.note


def test_800_authors_are_compared_in_under_50_ms() -> None:

    from needling_evidence.crossref.compare import compare_authors

    people = [(f"Fernández-de-las-Peñas{n}" if n % 7 == 0 else f"Author{n}", f"Given{n}") for n in range(800)]
    ours = [Person(family=family, given=f"G{n}") for n, (family, _) in enumerate(people)]
    ours[5], ours[6] = ours[6], ours[5]  # two in another order
    ours[700] = Person(family="Nobody", given="N.")  # one not in Crossref's list
    record = _authors_work(*people)
    best = min(_timed(lambda: compare_authors(ours, record)) for _ in range(3))
    result = compare_authors(ours, record)
    assert result.note is not None and "Nobody" in result.note
    assert best < 0.050, f"{best * 1000:.1f} ms"


def _timed(call: Any) -> float:
    import time

    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def test_vancouver_initials_run_together_agree_with_spaced_initials() -> None:
    # "Khan MA" (a PubMed-style list) is M. A., not a given name "Ma": it agrees with the index's "M. A."
    from needling_evidence.crossref.compare import compare_authors
    from needling_evidence.model import Person

    work = {"author": [{"family": "Khan", "given": "M. A."}, {"family": "Abdin", "given": "Malik Zainul"}]}
    ours = [Person(family="Khan", given="MA"), Person(family="Abdin", given="MZ")]
    assert compare_authors(ours, work).verdict == "agree"
    assert compare_authors([Person(family="Khan", given="KA"), ours[1]], work).verdict == "minor"
