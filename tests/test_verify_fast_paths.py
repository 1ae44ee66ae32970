"""The shortcuts that make verifying a large library fast (issue 13: 100,000 references from a warm cache)
give what the general code they stand for gives: each is compared here with that general code, written
out as it was before the shortcut, on arbitrary input (hypothesis) and on cases that reach each branch."""

from __future__ import annotations

import html
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from needling_evidence.crossref import verify
from needling_evidence.crossref.base import Lookup
from needling_evidence.crossref.compare import _date_year, strip_markup
from needling_evidence.dates import date_parts
from needling_evidence.model import Person, Reference

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
