"""BibTeX: text between entries that looks like fields (an entry closed early); initials spaced on output;
PubMed identifiers in pmid/pmcid fields (BibTeX and CSL-JSON).

Sherrington 2017 as a public repository's reference list prints it (find_string "Sherrington C, Michaleff ZA":
"Sherrington C, Michaleff ZA, Fairhall N, et al. Exercise to prevent falls in older adults: an updated
systematic review and meta-analysis. British Journal of Sports Medicine. 2017;51(24):1750-1758.", with
doi 10.1136/bjsports-2016-096547 and PMID 27707740 beside it). Boehme 2017's PMID 28154098 and PMCID
PMC5321635 are printed in the README kept as tests/data/refs/article_stroke_readme.md.
"""

from __future__ import annotations

import json
from pathlib import Path

from needling_evidence.references.bibtex import format_entry, read_bibtex
from needling_evidence.references.csl import read_csl_json
from needling_evidence.references.text import parse_references

SHERRINGTON = (
    "Sherrington C, Michaleff ZA, Fairhall N, et al. Exercise to prevent falls in older adults: an updated "
    "systematic review and meta-analysis. British Journal of Sports Medicine. 2017;51(24):1750-1758."
)

EARLY_CLOSE = """\
@article{sherrington2017,
  author  = {Sherrington, C. and Michaleff, Z. A. and Fairhall, N. and others},
  title   = {Exercise to prevent falls in older adults: an updated systematic review and meta-analysis},
  year    = {2017}},
  journal = {British Journal of Sports Medicine},
  doi     = {10.1136/bjsports-2016-096547}
}

% kept on purpose: a comment line with {braces} is not a field

@article{boehme2017,
  author  = {Boehme, A. K. and Esenwa, C. and Elkind, M. S.},
  title   = {Stroke Risk Factors, Genetics, and Prevention},
  journal = {Circ Res},
  year    = {2017},
  pmid    = {28154098},
  pmcid   = {PMC5321635}
}
"""


def test_fields_after_an_early_close_are_reported_with_their_line() -> None:
    refs = read_bibtex(EARLY_CLOSE)
    assert [r.key for r in refs] == ["sherrington2017", "boehme2017"]
    assert refs[0].container_title is None  # lost: that is what the problem is about
    early = [p for p in refs.problems if p.code == "bibtex.early_close"]
    assert len(early) == 1
    (problem,) = early
    assert problem.line == 5  # the `journal = …` line after the stray `}` on line 4
    assert problem.key == "sherrington2017"
    assert problem.severity == "error"
    assert "journal" in problem.message and "closed early" in problem.message
    assert problem.raw is not None and "doi     = {10.1136/bjsports-2016-096547}" in problem.raw


def test_a_field_outside_any_entry_is_reported() -> None:
    text = "note = {read later}\n\n@misc{a, title = {A}, author = {B, C}, year = {2020}}\n"
    refs = read_bibtex(text)
    problems = [(p.code, p.line) for p in refs.problems]
    assert ("bibtex.early_close", 1) in problems


def test_prose_and_percent_comments_between_entries_are_not_problems() -> None:
    text = (
        "This file was exported by hand.\n% a {braced} comment\n\n"
        "@misc{a, title = {A}, author = {B, C}, year = {2020}}\n\nThe end.\n"
    )
    assert [p.code for p in read_bibtex(text).problems] == []


def test_bibtex_output_spaces_vancouver_initials() -> None:
    (ref,) = parse_references(SHERRINGTON)
    assert [(a.family, a.given) for a in ref.authors[:2]] == [("Sherrington", "C"), ("Michaleff", "ZA")]
    entry = format_entry(ref)
    assert "author  = {Sherrington, C. and Michaleff, Z. A. and Fairhall, N. and others}" in entry
    # read back, BibTeX sees two initials, not one given name "ZA"
    (back,) = read_bibtex(entry)
    assert back.authors[1].given == "Z. A."


def test_bibtex_output_spaces_hyphenated_and_run_together_initials() -> None:
    (yuan,) = parse_references(
        "Yuan Q-l, Guo T-m, Liu L, Sun F, Zhang Y-g. Traditional Chinese medicine for neck pain and low back "
        "pain: a systematic review and meta-analysis. PLoS One. 2015;10(2):e0117146."
    )
    assert "{Yuan, Q.-L. and Guo, T.-M. and Liu, L. and Sun, F. and Zhang, Y.-G.}" in format_entry(yuan)
    (leening,) = parse_references(
        "Leening M.J., Cook N.R., Ridker P.M. Should we reconsider the role of age in treatment allocation "
        "for primary prevention of cardiovascular disease? Eur. Heart J. 2017;38:1542–1547."
    )
    assert "{Leening, M. J. and Cook, N. R. and Ridker, P. M.}" in format_entry(leening)


def test_given_names_that_are_words_are_left_alone() -> None:
    (ref,) = parse_references(
        "Emanuel, Kerry. “Global Warming Effects on U.S. Hurricane Damage.” Weather, Climate, and Society "
        "3.4 (2011): 261–268."
    )
    assert "{Emanuel, Kerry}" in format_entry(ref)


def test_pubmed_ids_in_bibtex_fields_in_every_form() -> None:
    refs = read_bibtex(EARLY_CLOSE)
    assert (refs[1].pmid, refs[1].pmcid) == ("28154098", "PMC5321635")
    other = EARLY_CLOSE.replace("{28154098}", "{PMID: 28154098}").replace("{PMC5321635}", "{5321635}")
    refs = read_bibtex(other)
    assert (refs[1].pmid, refs[1].pmcid) == ("28154098", "PMC5321635")


def test_pubmed_ids_in_csl_json_in_every_form(tmp_path: Path) -> None:
    items = [
        {"id": "a", "type": "article-journal", "title": "Stroke", "PMID": "28154098", "PMCID": "PMC5321635"},
        {"id": "b", "type": "article-journal", "title": "Stroke", "pmid": "28154098", "pmcid": "5321635"},
        {"id": "c", "type": "article-journal", "title": "T", "note": "PMID: 28154098\nPMCID: PMC5321635"},
    ]
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    refs = read_csl_json(path)
    assert [(r.pmid, r.pmcid) for r in refs] == [("28154098", "PMC5321635")] * 3
