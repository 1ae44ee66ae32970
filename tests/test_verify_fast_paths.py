"""The shortcuts that make verifying a large library fast (issue 13: 100,000 references from a warm cache)
give what the general code they stand for gives: each is compared here with that general code, written
out as it was before the shortcut, on arbitrary input (hypothesis) and on cases that reach each branch."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from needling_evidence.crossref import verify
from needling_evidence.crossref.base import Lookup
from needling_evidence.crossref.compare import (
    FieldComparison,
    _crossref_names,
    _date_year,
    _given_tokens_agree,
    _is_others,
    _keys_agree,
    _name_of,
    _NameIndex,
    _person_given_text,
    _unprefixed,
    compare_authors,
    compare_pages,
    compare_title,
    crossref_first,
    page_bounds,
    strip_markup,
)
from needling_evidence.crossref.notices import notices_from_work, updates_from_work
from needling_evidence.dates import date_parts
from needling_evidence.model import Person, Reference
from needling_evidence.references.bibtex import _missing_fields

# Text with the characters the markup and whitespace rules are about, among any others.
_MARKUP_PIECES = ["<i>", "</i>", "<sub>2</sub>", "&amp;", "&apos;", "&", "<", ">", " ", "  ", "\t", "\n"]
_MARKUP_PIECES += ["\u00a0", "\u2003", "\u3000", "\x1c", "\x85", "\u200b", "word", "é", "H"]
_TEXT = st.one_of(
    st.text(),
    st.lists(st.sampled_from(_MARKUP_PIECES), max_size=12).map("".join),
    st.lists(st.one_of(st.sampled_from(_MARKUP_PIECES), st.text(max_size=3)), max_size=8).map("".join),
)


def _strip_markup_general(text: str) -> str:
    """strip_markup without its shortcut: tags removed, entities decoded, whitespace collapsed and trimmed."""
    text = html.unescape(re.sub(r"<[^<>]*>", "", text))
    return re.sub(r"\s+", " ", text).strip()


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_strip_markup_gives_what_the_general_steps_give(text: str) -> None:
    assert strip_markup(text) == _strip_markup_general(text)


def test_str_split_and_the_regular_expression_agree_on_every_whitespace_character() -> None:
    # the shortcut collapses whitespace with str.split(); the general steps with \s: the same characters
    space = re.compile(r"\s")
    differ = [
        code
        for code in range(0x110000)
        if (space.match(chr(code)) is not None) != (len(f"a{chr(code)}b".split()) == 2)
    ]
    assert differ == []


def _join_general(*parts: str) -> str:
    sentences = [p.strip() for p in parts if p and p.strip()]
    return " ".join(s if s[-1] in ".!?" else s + "." for s in sentences)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.text(max_size=6), st.sampled_from(["", " ", "a.", "b?", " c ", "\n"])), max_size=5)
)
def test_join_gives_what_the_general_join_gives(parts: list[str]) -> None:
    assert verify._join(*parts) == _join_general(*parts)


_CONTENT = ("title", "authors", "year", "container_title", "volume", "issue", "pages")


@st.composite
def _references(draw: st.DrawFn) -> Reference:
    values: dict[str, Any] = {}
    for name in _CONTENT:
        if draw(st.booleans()):
            if name == "authors":
                values[name] = draw(st.sampled_from([(), (Person(family="Smith"),)]))
            elif name == "year":
                values[name] = draw(st.sampled_from([0, 1999]))
            else:
                values[name] = draw(st.sampled_from(["", "x"]))
    return Reference("k", **values)


@settings(max_examples=300, deadline=None)
@given(_references())
def test_has_content_is_any_content_field(ref: Reference) -> None:
    assert verify._has_content(ref) == any(getattr(ref, name) for name in _CONTENT)
    assert verify._CONTENT_FIELDS == _CONTENT


_TITLES = st.one_of(
    st.text(max_size=12),
    st.lists(
        st.sampled_from(
            ["RETRACTED", "retracted", "[", "]", " ", "article", ":", ".", "-", "–", "Title", "\n"]
        ),
        max_size=8,
    ).map("".join),
)


@settings(max_examples=500, deadline=None)
@given(_TITLES)
def test_the_retracted_prefix_comes_off_as_the_substitution_took_it_off(title: str) -> None:
    work = {"title": [title, "other"], "DOI": "10.5555/x"}
    stripped, prefixed = verify._without_retracted_prefix(work)
    general = verify._RETRACTED_PREFIX.sub("", title, count=1)
    assert prefixed == (general != title)
    assert stripped == ({**work, "title": [general, "other"]} if prefixed else work)


def test_a_missing_date_has_no_year_as_date_parts_says() -> None:
    assert _date_year(None) is None and date_parts(None) == ()
    assert _date_year({"date-parts": [[2012, 3]]}) == 2012
    assert _date_year({"date-parts": [["2011"]]}) == 2011


class _Answers:
    """A WorkSource whose answers name each DOI as written here (upper case, or a resolver URL)."""

    def __init__(self, written: dict[str, str]) -> None:
        self.written = written

    def lookup_dois(self, dois: list[str], *, progress: object = None) -> list[Lookup]:
        return [Lookup(doi=self.written.get(d, d), outcome="not_found") for d in dois]


def test_lookups_are_keyed_by_canonical_doi_whether_or_not_the_answer_wrote_it_so() -> None:
    asked = ["10.5555/a", "10.5555/b", "10.5555/c"]
    client = _Answers({"10.5555/b": "10.5555/B", "10.5555/c": "https://doi.org/10.5555/c"})
    found = verify._lookup_all(client, asked, None)  # type: ignore[arg-type]
    assert sorted(found) == asked
    assert found["10.5555/b"].doi == "10.5555/B"


class _NeverEqual(str):
    """A title that no shortcut takes for equal to another string: compare_title then goes the general way."""

    def __eq__(self, other: object) -> bool:
        return False

    def __ne__(self, other: object) -> bool:
        return True

    __hash__ = str.__hash__


_TITLE_PIECES = ["Dry needling", " ", ": ", "<i>", "</i>", "&amp;", "?", "!", "Neck", "PAIN", "é", "  ", "\t"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_TITLE_PIECES), min_size=1, max_size=8).map("".join),
    st.one_of(st.none(), st.lists(st.sampled_from(_TITLE_PIECES), max_size=4).map("".join)),
)
def test_a_title_written_as_crossrefs_gets_the_verdict_the_general_comparison_gives(
    title: str, subtitle: str | None
) -> None:
    work: dict[str, Any] = {"title": [title]}
    if subtitle is not None:
        work["subtitle"] = [subtitle]
    full = compare_title(title, work).theirs  # as shown; the reference below writes Crossref's text
    for ours in {
        title.strip(),
        f"{title.strip()}: {subtitle.strip()}" if subtitle and subtitle.strip() else "",
    }:
        if not ours:
            continue
        fast, general = compare_title(ours, work), compare_title(_NeverEqual(ours), work)
        assert (
            (fast.verdict, fast.note, fast.theirs)
            == (general.verdict, general.note, general.theirs)
            == ((fast.verdict, fast.note, full))
        )


def _compare_pages_general(ours: str | None, work: dict[str, Any]) -> FieldComparison:
    """compare_pages as it was written before its shortcuts (page_bounds of every value, any() of pairs)."""
    page, article_number = crossref_first(work, "page"), crossref_first(work, "article-number")
    shown = page or article_number
    if not ours or not shown:
        return FieldComparison("pages", ours, shown, "absent", "not compared: the reference has no pages")
    a = page_bounds(ours)
    candidates = [b for b in (page_bounds(page), page_bounds(article_number)) if b is not None]
    if a is None or not candidates:
        return FieldComparison("pages", ours, shown, "absent", "not compared: Crossref has no pages")
    if any(a == b for b in candidates):
        return FieldComparison("pages", ours, shown, "agree")
    if any(a[0] == b[0] for b in candidates):
        return FieldComparison("pages", ours, shown, "minor", "same first page, different last page")
    if any(_unprefixed(a[0]) == _unprefixed(b[0]) and a[1] == b[1] for b in candidates):
        return FieldComparison("pages", ours, shown, "agree", "article number written without its prefix")
    return FieldComparison("pages", ours, shown, "minor")


_PAGES = ["", "12", "12-19", "12–9", "e33693", "pp. 5-7", "S1", "33693", "5-7", "x", "-", "12-12"]


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(st.none(), st.sampled_from(_PAGES)),
    st.one_of(st.none(), st.sampled_from(_PAGES)),
    st.sampled_from(_PAGES),
)
def test_pages_compare_as_the_general_comparison_compared_them(
    page: str | None, article_number: str | None, ours: str
) -> None:
    work = {"page": page, "article-number": article_number}
    fast, general = compare_pages(ours, work), _compare_pages_general(ours, work)
    assert (fast.verdict, fast.ours, fast.theirs) == (general.verdict, general.ours, general.theirs)
    if fast.verdict != "absent":
        assert fast.note == general.note


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["updated-by", "update-to", "title", "DOI"]), st.just([])))
def test_a_record_without_update_fields_has_no_notices_as_the_readers_say(work: dict[str, Any]) -> None:
    assert verify._notices(work) == notices_from_work(work) + updates_from_work(work)


def _compare_authors_general(ours: Sequence[Person], work: Mapping[str, Any]) -> FieldComparison:
    """compare_authors as it was written before its shortcut for identical lists."""
    theirs = _crossref_names(work)
    our_names = [_name_of(p) for p in ours]
    ours_text = "; ".join([n.text for n in our_names]) if ours else None
    theirs_text = "; ".join([n.text for n in theirs]) if theirs else None
    truncated = bool(ours) and _is_others(ours[-1])
    if truncated:
        ours = ours[:-1]
        our_names.pop()
    if not ours or not theirs:
        return FieldComparison("authors", ours_text, theirs_text, "absent", "?")
    their_names = theirs[: len(ours)]
    if not _keys_agree(our_names[0], their_names[0]):
        note = f"first author differs ({our_names[0].text} / {their_names[0].text})"
        return FieldComparison("authors", ours_text, theirs_text, "identity", note)
    notes: list[str] = []
    paired = list(zip(our_names, their_names, strict=False))
    same = [_keys_agree(a, b) for a, b in paired]
    unmatched: list[Any] = []
    if not all(same) or len(ours) > len(theirs):
        index = _NameIndex(theirs)
        unmatched = [a for a in our_names if not index.has(a)]
    if unmatched:
        notes.append(f"not in Crossref's author list: {', '.join(a.text for a in unmatched)}")
    elif not all(same):
        notes.append("authors in a different order")
    if len(ours) != len(theirs) and not (truncated and len(ours) < len(theirs)):
        notes.append(f"{len(ours)} author(s) in the reference, {len(theirs)} in Crossref")
    initials = [
        f"{_person_given_text(a.person)} / {_person_given_text(b.person)}"
        for (a, b), agree in zip(paired, same, strict=True)
        if agree and not _given_tokens_agree(a.given, b.given)
    ]
    if initials:
        notes.append("given names differ: " + ", ".join(initials))
    if notes:
        return FieldComparison("authors", ours_text, theirs_text, "minor", "; ".join(notes))
    return FieldComparison("authors", ours_text, theirs_text, "agree")


_PEOPLE = st.builds(
    lambda family, given, literal: Person(family=family, given=given, literal=literal),
    st.sampled_from(
        [None, "", "Smith", "smith", "van Dijk", "Fernández-de-las-Peñas", "Peñas", "!", "O'Neil"]
    ),
    st.sampled_from([None, "", "J", "J.", "John", "Jon", "J. A.", "MA", "Étienne"]),
    st.sampled_from([None, None, None, "others", "WHO", "", "?"]),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PEOPLE, max_size=4), st.data())
def test_authors_compare_as_the_general_comparison_compared_them(
    ours: list[Person], data: st.DataObject
) -> None:
    # Crossref's list: the reference's own (what the shortcut is for), reordered, shortened, or others
    theirs = data.draw(
        st.one_of(st.just(ours), st.permutations(ours), st.just(ours[:-1]), st.lists(_PEOPLE, max_size=4))
    )
    work = {
        "author": [
            {"family": p.family, "given": p.given} if p.family is not None else {"name": p.literal}
            for p in theirs
        ]
    }
    fast, general = compare_authors(ours, work), _compare_authors_general(ours, work)
    assert (fast.verdict, fast.ours, fast.theirs) == (general.verdict, general.ours, general.theirs)
    if fast.verdict != "absent":
        assert fast.note == general.note


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([None, "", "T"]),
    st.sampled_from([None, 0, 2001]),
    st.sampled_from([(), (Person(family="Smith"),)]),
    st.sampled_from([(), (Person(family="Editor"),)]),
    st.sampled_from(["article-journal", "webpage", "report", "book"]),
)
def test_missing_fields_are_found_as_the_general_check_finds_them(
    title: str | None, year: int | None, authors: tuple[Person, ...], editors: tuple[Person, ...], kind: str
) -> None:
    ref = Reference("k", type=kind, title=title, year=year, authors=authors, editors=editors)
    general = [
        label
        for label, present in (
            ("title", ref.title),
            ("author or editor", ref.authors or ref.editors or ref.type in ("webpage", "document", "report")),
            ("year", ref.year),
        )
        if not present
    ]
    problems = _missing_fields(ref)
    assert [p.field for p in problems] == general[:1]
    assert all(", no ".join(general) in p.message for p in problems)
