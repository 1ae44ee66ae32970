"""Work identity decided once (issue 8 item 3): folding, title keys, name particles, "same work?", dates.

The defect this fixes: a citation of "Fernández … región cervical" did not resolve to the reference written
"Fernandez … region cervical" (coverage kept only ASCII letters), so the inline citation showed as an
``unknown_source``. Every reader of identity now folds the same way; these tests go through each of them.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import needling_evidence as ne
from needling_evidence import cli
from needling_evidence.coverage import coverage_report
from needling_evidence.crossref.compare import compare_reference, families_agree
from needling_evidence.dates import MONTH_NAMES, date_parts, month_number
from needling_evidence.identity import (
    NAME_PARTICLES,
    family_key,
    fold,
    fold_words,
    name_key,
    same_work,
    title_key,
    work_key,
)
from needling_evidence.model import Person, Reference
from needling_evidence.references.bibtex import _duplicate_works
from needling_evidence.references.csl import read_csl_json

# --- the defect: accents in a citation, none in the reference list (and the reverse) ------------------------

ACCENTED = ("Fernández", "Cleland", "Pérez", "Punción seca en la región cervical: un ensayo")
PLAIN = ("Fernandez", "Cleland", "Perez", "Puncion seca en la region cervical: un ensayo")


def _article(names: tuple[str, str, str, str], *, cite: str, title: str | None = None) -> str:
    first, second, third, own_title = names
    return f"""# Neck pain

Dry needling eased neck pain in one trial ({cite} et al., 2020).

## References

{first}, C., {second}, J. A., & {third}, R. (2020). {title or own_title}. Rev Fisioter, 12(3), 100–110.
"""


def _bib(names: tuple[str, str, str, str], *, title: str | None = None) -> str:
    first, second, third, own_title = names
    return f"""@article{{fdlp_trial,
  author = {{{first}, C. and {second}, J. A. and {third}, R.}},
  title = {{{title or own_title}}},
  journal = {{Rev Fisioter}}, year = {{2020}}, volume = {{12}}, number = {{3}}, pages = {{100--110}}
}}
"""


def _citation_sources(article_text: str, bib_text: str) -> tuple[set[str], set[str]]:
    article = ne.load_article(article_text)
    report = coverage_report(article, list(ne.draft_claims(article)), ne.read_bibtex(bib_text))
    cited = set(report.links.loc[report.links["origin"] == "citation", "source_key"])
    return cited, set(report.gaps["gap"])


@pytest.mark.parametrize(("in_article", "in_refs"), [(ACCENTED, PLAIN), (PLAIN, ACCENTED)])
def test_a_citation_resolves_to_the_refs_entry_spelled_without_or_with_accents_by_title(
    in_article: tuple[str, str, str, str], in_refs: tuple[str, str, str, str]
) -> None:
    cited, gaps = _citation_sources(_article(in_article, cite=in_article[0]), _bib(in_refs))
    assert cited == {"fdlp_trial"}
    assert "unknown_source" not in gaps and "uncited_reference" not in gaps


@pytest.mark.parametrize(("in_article", "in_refs"), [(ACCENTED, PLAIN), (PLAIN, ACCENTED)])
def test_a_citation_resolves_by_first_author_and_year_when_the_titles_differ(
    in_article: tuple[str, str, str, str], in_refs: tuple[str, str, str, str]
) -> None:
    # The --refs entry has another wording of the title, so only "first author and year" can match it.
    cited, gaps = _citation_sources(
        _article(in_article, cite=in_article[0]), _bib(in_refs, title="Dry needling of the neck: a trial")
    )
    assert cited == {"fdlp_trial"}
    assert "unknown_source" not in gaps


def test_the_cli_report_with_refs_spelled_differently_resolves_the_citation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "article.md"
    article.write_text(_article(ACCENTED, cite="Fernández"), encoding="utf-8")
    refs = tmp_path / "refs.bib"
    refs.write_text(_bib(PLAIN), encoding="utf-8")
    code = cli.main(["report", str(article), "--refs", str(refs), "--no-verify", "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0
    data = json.loads(out)
    assert {link["source_key"] for link in data["links"] if link["origin"] == "citation"} == {"fdlp_trial"}
    assert not [gap for gap in data["gaps"] if gap["gap"] == "unknown_source"]


@pytest.mark.parametrize(
    ("cited", "written"),
    [
        ("Fernández", "Fernandez"),
        ("Fernandez", "Fernández"),
        ("Fernández-de-las-Peñas", "Fernandez-de-las-Penas"),
    ],
)
def test_the_articles_own_reference_list_resolves_a_citation_whatever_the_accents(
    cited: str, written: str
) -> None:
    article = ne.load_article(_article((written, "Cleland", "Perez", PLAIN[3]), cite=cited))
    (reference,) = article.references
    (citation,) = article.citations
    assert citation.keys == (reference.key,)


# --- one list of name particles, the same in every reader -------------------------------------------------

# (as an APA reference list writes the first author, as an article cites them, the family name without
# particles that every reader must agree on)
PARTICLE_NAMES = [
    ("van der Windt, D. A.", "van der Windt", "windt"),
    ("de las Peñas, C.", "de las Peñas", "penas"),
    ("Fernández-de-las-Peñas, C.", "Fernández-de-las-Peñas", "fernandez penas"),
    ("dos Santos, M.", "dos Santos", "santos"),
    ("do Carmo, A.", "do Carmo", "carmo"),
    ("ten Cate, O.", "ten Cate", "cate"),
    ("von Piekartz, H.", "von Piekartz", "piekartz"),
    ("al Hassan, K.", "al Hassan", "hassan"),
    ("ibn Rashid, S.", "ibn Rashid", "rashid"),
    ("della Volpe, R.", "della Volpe", "volpe"),
]


@pytest.mark.parametrize(("written", "cited", "key"), PARTICLE_NAMES)
def test_the_particle_list_is_the_same_in_every_reader(written: str, cited: str, key: str) -> None:
    line = f"{written}, Smith, J. (2019). A trial of dry needling. Journal of Pain, 3(2), 10–20."
    # the pasted-list reader splits the particle off (or keeps a hyphenated compound whole)
    (ref,) = ne.parse_references(line)
    assert family_key(ref.authors[0]) == key
    if "-" not in cited:
        particle = cited.rsplit(" ", 1)[0]
        assert ref.authors[0].particle == particle
    # the article resolves the citation, however the particle is written
    for marker in (f"({cited}, 2019)", f"{cited} (2019)"):
        article = ne.load_article(f"# T\n\nNeedling helps {marker}.\n\n## References\n\n{line}\n")
        assert [c.keys for c in article.citations] == [(ref.key,)], marker
    # the Crossref comparison sees one person, particle apart, inside the family name, or left out
    inside = Person(family=cited, given="J")
    apart = Person(family=ref.authors[0].family, particle=ref.authors[0].particle, given="J")
    assert families_agree(inside, apart)
    assert family_key(inside) == family_key(apart) == name_key(cited) == key
    # BibTeX duplicate detection: the name as cited, and without its particles or accents
    unaccented = "".join(c for c in unicodedata.normalize("NFKD", cited) if not unicodedata.combining(c))
    bib = "".join(
        f"@article{{k{i}, author = {{{who}}}, title = {{A trial of dry needling}}, year = 2019}}\n"
        for i, who in enumerate((cited, unaccented if "-" in cited else key.title()))
    )
    assert [p.code for p in ne.read_bibtex(bib).problems] == ["bibtex.duplicate_work"]


def test_particles_every_language_needs_are_in_the_one_list() -> None:
    expected = "van von der den de del della di da das do dos du le la las los ten ter zu zur bin ibn al el"
    assert set(expected.split()) <= NAME_PARTICLES


def test_a_family_name_made_of_a_particle_is_the_name() -> None:
    # "Le" and "Do" are common Vietnamese family names; dropping them as particles left an empty key, so the
    # Crossref comparison called the same first author different.
    for family in ("Le", "Do", "Van", "Da"):
        assert family_key(Person(family=family)) == family.lower()
        assert families_agree(Person(family=family, given="T"), Person(family=family, given="T"))
    ours = Reference(key="le2020", title="Dry needling", year=2020, authors=(Person(family="Le", given="T"),))
    work = {
        "title": ["Dry needling"],
        "author": [{"family": "Le", "given": "Thi"}],
        "issued": {"date-parts": [[2020]]},
    }
    assert compare_reference(ours, work).identity == ()


# --- BibTeX duplicates: the same work spelt with and without accents ---------------------------------------


def test_bibtex_duplicates_ignore_accents_and_latex_accents() -> None:
    bib = r"""@article{a, author = {Fern{\'a}ndez, C.}, year = 2020,
  title = {Punci{\'o}n seca en la regi{\'o}n cervical}}
@article{b, author = {Fernandez, C.}, title = {Puncion seca en la region cervical}, year = 2020}
@article{c, author = {Fernandez, C.}, title = {Puncion seca en la region lumbar}, year = 2020}
"""
    problems = [p for p in ne.read_bibtex(bib).problems if p.code == "bibtex.duplicate_work"]
    assert [p.key for p in problems] == ["b"]


# --- the functions themselves -------------------------------------------------------------------------------


def test_fold_takes_case_and_accents_away_and_spells_out_letters_nfkd_keeps() -> None:
    assert fold("Fernández-de-las-Peñas") == "fernandez-de-las-penas"
    assert fold("Straße Øster Łódź Æsir Œuvre") == "strasse oster lodz aesir oeuvre"
    assert fold("O’Brien") == fold("O'Brien") == "o'brien"
    assert fold_words("Dry-needling & the Región  Cervical.") == "dry needling and the region cervical"
    assert title_key("Dry-needling in the región cervical") == title_key(
        "Dry needling in the Region Cervical."
    )
    assert title_key("Dry needling & pain") == title_key("Dry needling and pain")
    assert title_key("Dry needling for neck pain") != title_key("Dry needling for back pain")
    assert title_key("—") == "" and title_key(None) == ""


def test_same_work_by_doi_or_by_title_year_and_first_author() -> None:
    def ref(key: str, family: str, title: str, year: int = 2020, doi: str | None = None) -> Reference:
        return Reference(
            key=key, title=title, year=year, doi=doi, authors=(Person(family=family, given="C"),)
        )

    accented = ref("a", "Fernández", "Punción seca en la región cervical")
    plain = ref("b", "Fernandez", "Puncion seca en la region cervical")
    assert same_work(accented, plain) and work_key(accented) == work_key(plain)
    assert not same_work(accented, ref("c", "Fernandez", "Puncion seca en la region cervical", year=2021))
    assert not same_work(accented, ref("d", "Garcia", "Puncion seca en la region cervical"))
    # one DOI is one work, whatever else differs; two DOIs may still be one work registered twice
    assert same_work(ref("e", "X", "One", doi="10.1/a"), ref("f", "Y", "Two", doi="10.1/a"))
    assert same_work(ref("g", "X", "One", doi="10.1/a"), ref("h", "X", "One", doi="10.1/b"))
    assert not same_work(ref("i", "X", "One", doi="10.1/a"), ref("j", "X", "Two", doi="10.1/b"))
    assert not same_work(Reference(key="k"), Reference(key="l"))  # nothing to compare is not "the same"


def test_date_parts_and_months_are_read_in_one_place() -> None:
    assert date_parts({"date-parts": [[2012, 5, 8]]}) == (2012, 5, 8)
    assert date_parts({"date-parts": [["2017", "3"]]}) == (2017, 3)
    assert date_parts({"date-parts": [[2012, None, 8]]}) == (2012,)  # no month: the day is not one
    assert date_parts({"date-parts": [[None]]}) == ()
    assert date_parts({"date-parts": [[True]]}) == ()
    assert date_parts({"date-parts": [[2010], [2012]]}) == (2010,)  # a range: its start
    assert date_parts("2012") == () and date_parts(None) == ()
    assert [month_number(m) for m in ("Mar", "march", "Sept.", "03", "3", "SEP", "13", "", None)] == [
        3,
        3,
        9,
        3,
        3,
        9,
        None,
        None,
        None,
    ]
    assert all(month_number(name) == i for i, name in enumerate(MONTH_NAMES, 1))


def test_readers_use_the_date_helper() -> None:
    (csl,) = read_csl_json(
        json.dumps([{"id": "x", "type": "article-journal", "issued": {"date-parts": [["2017", "3"]]}}])
    )
    assert (csl.year, csl.month) == (2017, 3)
    bib = ne.read_bibtex(
        "@article{x, title = {T}, year = 2017, month = sep}\n@article{y, title = {T}, date = {2018-11-02}}"
    )
    assert [(r.year, r.month) for r in bib] == [(2017, 9), (2018, 11)]
    (text,) = ne.parse_references("Smith J. Dry needling. J Pain. 2019 Sep;3(2):10-20.")
    assert (text.year, text.month) == (2019, 9)


# --- properties ---------------------------------------------------------------------------------------------

# No example database in the working tree, and no deadline: the machine is shared and timing is noisy.
_PROPERTY = settings(database=None, deadline=None)
_ACCENTS = ["\u0301", "\u0300", "\u0302", "\u0303", "\u0308", "\u0327", "\u030c"]


@_PROPERTY
@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert fold_words(fold_words(text)) == fold_words(text)
    assert title_key(title_key(text)) == title_key(text)
    assert name_key(name_key(text)) == name_key(text)


@st.composite
def _respelt_title(draw: st.DrawFn) -> tuple[str, str]:
    """A title of ASCII words, and the same title with other case, accents and punctuation."""
    words = draw(st.lists(st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True), min_size=1, max_size=8))
    respelt: list[str] = []
    for word in words:
        letters = []
        for ch in word:
            ch = ch.upper() if draw(st.booleans()) else ch
            if ch.isalpha() and draw(st.booleans()):
                ch = unicodedata.normalize("NFC", ch + draw(st.sampled_from(_ACCENTS)))
            letters.append(ch)
        respelt.append("".join(letters))
    separators = st.sampled_from([" ", "  ", "-", ": ", ", ", " – ", "/", ". ", "_", "'"])
    text = "".join(w + draw(separators) for w in respelt[:-1]) + respelt[-1]
    ends = draw(st.sampled_from(["", ".", "?", "!", " "]))
    return " ".join(words), draw(st.sampled_from(["", "“", "("])) + text + ends


@_PROPERTY
@given(_respelt_title())
def test_a_title_key_ignores_case_accents_and_punctuation(titles: tuple[str, str]) -> None:
    plain, respelt = titles
    assert title_key(respelt) == title_key(plain) != ""


_PEOPLE = st.builds(
    Person,
    family=st.sampled_from(["Fernández", "Fernandez", "van der Windt", "Windt", "Le", "Smith", "SMITH"]),
    given=st.sampled_from(["C", "C. A.", None]),
    particle=st.sampled_from([None, "van der", "de las"]),
)
_REFERENCES = st.builds(
    Reference,
    key=st.just("k"),
    title=st.sampled_from([None, "Dry needling", "Dry-Needling.", "Región cervical", "Region cervical", ""]),
    year=st.sampled_from([None, 2019, 2020]),
    doi=st.sampled_from([None, "10.1/a", "10.1/b"]),
    authors=st.lists(_PEOPLE, max_size=2).map(tuple),
)


@_PROPERTY
@given(_REFERENCES, _REFERENCES)
def test_same_work_is_symmetric(a: Reference, b: Reference) -> None:
    assert same_work(a, b) == same_work(b, a)
    assert same_work(a, a) == (a.doi is not None or work_key(a) is not None)


@_PROPERTY
@given(_REFERENCES, _REFERENCES)
def test_bibtex_duplicate_detection_asks_same_work(a: Reference, b: Reference) -> None:
    first, second = replace(a, key="a", line=1), replace(b, key="b", line=2)
    flagged = [p.key for p in _duplicate_works([first, second], "refs.bib")]
    assert flagged == (["b"] if same_work(first, second) else [])
