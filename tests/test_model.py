"""The shared value types: labels, problem locations, sequences that carry problems."""

from __future__ import annotations

import pytest

from needling_evidence.model import Person, Problem, Reference, ReferenceList

OTHERS = Person(literal="others")


@pytest.mark.parametrize(
    ("authors", "label"),
    [
        (
            (Person("Gattie", "E."), Person("Cleland", "J. A."), Person("Snodgrass", "S.")),
            "Gattie et al. 2017",
        ),
        ((Person("Gattie", "E."), Person("Cleland", "J. A.")), "Gattie & Cleland 2017"),
        ((Person("Chys", "M."), OTHERS), "Chys et al. 2017"),
        ((Person(literal="World Health Organization"),), "World Health Organization 2017"),
        ((OTHERS,), "Anon. 2017"),
        # particles stay, written apart or into the family name (issue 12 item 5)
        (
            (Person("Windt", "D. A.", particle="van der"), Person("Smith", "J."), Person("Doe", "K.")),
            "van der Windt et al. 2017",
        ),
        ((Person("van Tulder", "M."),), "van Tulder 2017"),
        (
            (Person("Peñas", "C.", particle="de las"), Person("Dommerholt", "J.")),
            "de las Peñas & Dommerholt 2017",
        ),
        # corporate authors: the acronym in parentheses, an all-caps name, else the name
        ((Person(literal="National Institute for Health and Care Excellence (NICE)"),), "NICE 2017"),
        ((Person(literal="WHO"),), "WHO 2017"),
        ((), "Anon. 2017"),
    ],
)
def test_reference_label(authors: tuple[Person, ...], label: str) -> None:
    assert Reference("k", authors=authors, year=2017).label == label


def test_person_display_keeps_particle_and_suffix() -> None:
    person = Person(family="Peñas", given="César", particle="de las", suffix="Jr.")
    assert person.display == "de las Peñas, César, Jr."


def test_problem_location_and_text() -> None:
    problem = Problem("bibtex.duplicate_key", "key x appears twice", file="refs.bib", line=12)
    assert problem.location() == "refs.bib:12"
    assert str(problem) == "refs.bib:12: error: key x appears twice [bibtex.duplicate_key]"
    assert Problem("x", "m").location() == "<input>"


def test_reference_list_is_an_immutable_sequence_with_problems() -> None:
    refs = ReferenceList([Reference("a"), Reference("b")], [Problem("x", "m")], source="f.bib")
    assert [r.key for r in refs] == ["a", "b"]
    assert refs[1].key == "b"
    assert len(refs.problems) == 1
    assert refs.get("b") is refs[1]
    assert refs.get("zzz") is None
    assert "2" in repr(refs) and "f.bib" in repr(refs)


def test_bibtex_labels_keep_particles_and_corporate_acronyms() -> None:
    from needling_evidence import read_bibtex

    refs = read_bibtex(
        "@article{a, author={van der Windt, D. A. and Smith, J and Doe, K}, year=2010, title={T}}\n"
        "@article{b, author={{National Institute for Health and Care Excellence (NICE)}},"
        " year=2016, title={G}}"
    )
    assert [r.label for r in refs] == ["van der Windt et al. 2010", "NICE 2016"]
