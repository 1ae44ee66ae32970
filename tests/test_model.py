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
