"""Which inline citations a claim is tied to (issue 9, item 3: "no citation attached to a claim it does not
follow"): a citation run reaches back over the words since the run before it in its sentence, a narrative
citation forward, a run ending a list's lead-in every item under it. Each rule is tested with the real snippet
it came from (development pages of tests/data/devset) and with constructed variants of the same form in other
words, topics and citation forms."""

from __future__ import annotations

from pathlib import Path

import pytest

import needling_evidence as ne
from needling_evidence import link
from needling_evidence.model import Article, Claim, EvidenceLink

DEVSET = Path(__file__).parent / "data" / "devset"

VANCOUVER = [
    "Smith J, Brown K. Yoga and blood pressure: a randomised trial. J Hypertens. 2019;37(2):100-8.",
    "Jones A. Yoga and mood in adults. Psychol Med. 2018;48(3):200-9.",
    "Lee C. Walking and glucose control. Diabetes Care. 2017;40(1):10-7.",
    "Patel R. Walking and sleep quality. Sleep. 2016;39(4):50-8.",
]
APA = [
    "Field, T. (2016). Massage therapy research review. Complementary Therapies in Clinical Practice, "
    "24, 19-31.",
    "Moyer, C. A., Rounds, J., & Hannum, J. W. (2004). A meta-analysis of massage therapy research. "
    "Psychological Bulletin, 130(1), 3-18.",
]


def _article(body: str, references: list[str] = VANCOUVER) -> Article:
    listed = "\n".join(f"{n}. {ref}" for n, ref in enumerate(references, 1))
    return ne.load_article(f"# Title\n\n{body}\n\n## References\n\n{listed}\n")


def _cited(article: Article, *quotes: str, claims: list[Claim] | None = None) -> list[list[str]]:
    """For each claim (one per quote, anchored by its quote), the list labels (numbers) of the references its
    inline citations tie it to, in link order."""
    if claims is None:
        claims = [Claim(id=f"c{n}", text=q, quote=q) for n, q in enumerate(quotes)]
    linked = link.link_claims(article, claims, list(article.references))
    label = {ref.key: str((ref.fields or {}).get("label", ref.key)) for ref in article.references}
    return [
        [label.get(x.source, x.source) for x in links if x.origin == "citation"] for links in linked.links
    ]


# --- a run reaches back to the run before it ----------------------------------------------------------------


def test_real_two_conjuncts_each_with_its_own_run() -> None:
    # pharmaguide_low_back_pain: before, both conjuncts were linked to both sources
    text = (DEVSET / "pharmaguide_low_back_pain.md").read_text(encoding="utf-8")
    article = ne.load_article(text)
    got = _cited(
        article, "Other factors that may be associated with low back pain include obesity", "smoking."
    )
    assert got == [["12"], ["13"]]


def test_real_list_item_with_two_clauses_each_cited() -> None:
    # pharmaguide_smoking_cessation, a list item: "…no long-term health benefit;[[9]] however, reduction is
    # associated with subsequent successful quitting[[10]]"
    article = ne.load_article(DEVSET / "pharmaguide_smoking_cessation.md")
    got = _cited(
        article,
        "reduction in smoking by 50% in those unable or unwilling to quit is controversial",
        "reduction is associated with subsequent successful quitting",
    )
    assert got == [["9"], ["10"]]


@pytest.mark.parametrize(
    ("body", "quotes", "expected"),
    [
        # numeric brackets
        (
            "Yoga lowers blood pressure [1] and improves mood [2].",
            ("Yoga lowers blood pressure", "improves mood"),
            [["1"], ["2"]],
        ),
        # [[n]](#anchor), the marker before the full stop and after it
        (
            "Brisk walking steadies blood sugar[[3]](#r3) and deepens sleep.[[4]](#r4)",
            ("Brisk walking steadies blood sugar", "deepens sleep"),
            [["3"], ["4"]],
        ),
        # <sup>n</sup>
        (
            "Zinc lozenges shorten colds<sup>1</sup> but may cause nausea<sup>2</sup>.",
            ("Zinc lozenges shorten colds", "may cause nausea"),
            [["1"], ["2"]],
        ),
        # caret, Unicode superscript and parenthesised numbers
        (
            "Walking lowers blood sugar^3 and improves mood^2.",
            ("Walking lowers blood sugar", "improves mood"),
            [["3"], ["2"]],
        ),
        (
            "Fish oil lowers triglycerides³ and may thin the blood².",
            ("Fish oil lowers triglycerides", "may thin the blood"),
            [["3"], ["2"]],
        ),
        (
            "Stretching loosens tight calves (3) and rarely causes injury (2).",
            ("Stretching loosens tight calves", "rarely causes injury"),
            [["3"], ["2"]],
        ),
        # three conjuncts, the middle one uncited: it shares the run that follows it
        (
            "Tai chi improves balance [1], eases knee pain and lowers anxiety [2].",
            ("Tai chi improves balance", "eases knee pain", "lowers anxiety"),
            [["1"], ["2"], ["2"]],
        ),
    ],
)
def test_a_run_inside_a_sentence_reaches_no_claim_after_it(
    body: str, quotes: tuple[str, ...], expected: list[list[str]]
) -> None:
    assert _cited(_article(body), *quotes) == expected


def test_author_year_runs_in_parentheses() -> None:
    article = _article(
        "Massage eased anxiety (Field, 2016) and lifted mood in adults (Moyer et al., 2004).", APA
    )
    assert _cited(article, "Massage eased anxiety", "lifted mood in adults") == [["1"], ["2"]]
    # two works in one parenthesis are one run, reaching every conjunct before it
    article = _article("Massage eased anxiety and lifted mood (Field, 2016; Moyer et al., 2004).", APA)
    assert _cited(article, "Massage eased anxiety", "lifted mood") == [["1", "2"], ["1", "2"]]


def test_footnote_markers() -> None:
    text = (
        "# Title\n\nStretching loosens the hamstrings[^1] and warm-ups prevent strains.[^2]\n\n"
        "[^1]: Field, T. (2016). Massage therapy research review. Complementary Therapies in Clinical "
        "Practice, 24, 19-31.\n"
        "[^2]: Moyer, C. A. (2004). A meta-analysis of massage therapy research. Psychological Bulletin, "
        "130(1), 3-18.\n"
    )
    article = ne.load_article(text)
    got = _cited(article, "Stretching loosens the hamstrings", "warm-ups prevent strains")
    assert got == [["field2016"], ["moyer2004"]]  # footnote references carry no number: their keys


def test_words_after_a_sentences_last_run_get_none() -> None:
    article = _article("Cupping reduces neck pain [1], but it often leaves round bruises.")
    assert _cited(article, "Cupping reduces neck pain", "it often leaves round bruises") == [["1"], []]


# --- a run at the end reaches every claim back to the run before it -----------------------------------------


def test_real_coordination_under_one_final_run() -> None:
    # pharmaguide_headache: two claims of one sentence, one run of two markers at its end
    article = ne.load_article(DEVSET / "pharmaguide_headache.md")
    got = _cited(
        article,
        "Migraine is the second-most-common primary headache disorder",
        "the most disabling neurological condition globally",
    )
    assert got == [["5", "6"], ["5", "6"]]


@pytest.mark.parametrize(
    ("body", "quotes"),
    [
        (
            "Gout is common in older men and often undertreated [3].",
            ("Gout is common in older men", "undertreated"),
        ),
        (
            "Iron tablets raise haemoglobin, relieve fatigue and improve concentration.[[3]](#r3)",
            ("Iron tablets raise haemoglobin", "relieve fatigue", "improve concentration"),
        ),
        (
            "Melatonin shortens sleep onset and reduces jet lag<sup>3</sup>.",
            ("Melatonin shortens", "jet lag"),
        ),
    ],
)
def test_a_final_run_covers_the_whole_coordination(body: str, quotes: tuple[str, ...]) -> None:
    assert _cited(_article(body), *quotes) == [["3"]] * len(quotes)


def test_real_list_one_run_of_three_markers_after_three_conditions() -> None:
    # lucifit_dry_needling: "Shoulder pain, Neck pain, Low back pain \[7\],\[8\],\[9\]" is one run
    article = ne.load_article(DEVSET / "lucifit_dry_needling.md")
    got = _cited(article, "Shoulder pain", "Neck pain", "Low back pain")
    assert got == [["7", "8", "9"]] * 3


# --- lists --------------------------------------------------------------------------------------------------


def test_real_list_items_without_a_marker_get_none() -> None:
    # lucifit_lymphatic_drainage: cited items between uncited ones; the lead-in carries no run
    article = ne.load_article(DEVSET / "lucifit_lymphatic_drainage.md")
    got = _cited(
        article,
        "Migraine pain reduction",
        "Swelling in legs, arms, face.",
        "Swelling and pain reduction after liposuction",
        "Stretch marks reduction",
    )
    assert got == [["5"], [], ["6"], []]


def test_real_lead_in_paragraph_whose_run_is_not_at_its_end() -> None:
    # pharmaguide_dysmenorrhea: the paragraph before the list is cited, but its last sentence (the lead-in
    # "Examples of exercises that may be suggested include:") is not: each item keeps its own run only
    article = ne.load_article(DEVSET / "pharmaguide_dysmenorrhea.md")
    got = _cited(
        article,
        "stretching exercises in the abdominal, pelvic and groin region",
        "yoga stretches (e.g., cycles of Cat, Cobra, Fish poses)",
        "Zumba training for 60 minutes",
    )
    assert got == [["5"], ["7"], ["8"]]


@pytest.mark.parametrize(
    "lead",
    [
        "Regular walking can improve the following [3]:",
        "Regular walking can improve the following[[3]](#r3):",
        "Regular walking can improve the following<sup>3</sup>:",
    ],
)
def test_a_run_ending_the_lead_in_covers_every_item(lead: str) -> None:
    article = _article(f"{lead}\n\n- blood sugar control\n- mood [2]\n- sleep quality\n")
    got = _cited(article, "blood sugar control", "mood", "sleep quality")
    assert got == [["3"], ["3", "2"], ["3"]]


def test_a_run_ending_an_html_lead_in_covers_every_item() -> None:
    refs = "".join(f"<li>{ref}</li>" for ref in VANCOUVER)
    html = (
        "<!DOCTYPE html><html><head><title>Walking</title></head><body><h1>Walking</h1>\n"
        "<p>Regular walking can improve the following<sup>3</sup>:</p>\n"
        "<ul><li>blood sugar control</li><li>mood<sup>2</sup></li><li>sleep quality</li></ul>\n"
        f"<h2>References</h2><ol>{refs}</ol></body></html>"
    )
    article = ne.load_article(html)
    assert _cited(article, "blood sugar control", "mood", "sleep quality") == [["3"], ["3", "2"], ["3"]]


def test_a_run_inside_the_lead_in_does_not_reach_the_items() -> None:
    article = _article(
        "Walking [3] is cheap, and it can improve:\n\n- blood sugar control\n- sleep quality\n"
    )
    assert _cited(article, "blood sugar control", "sleep quality") == [[], []]


def test_a_nested_item_has_its_parent_items_run() -> None:
    article = _article(
        "Regular walking helps [3]:\n\n- sleep, in that it [4]:\n  - shortens sleep onset\n"
        "  - deepens sleep\n- mood\n"
    )
    got = _cited(article, "shortens sleep onset", "deepens sleep", "mood")
    assert got == [["3", "4"], ["3", "4"], ["3"]]


def test_a_run_on_the_last_item_is_that_items_only() -> None:
    # the labelling guide reads a run on an item as that item's ("after" names the item it follows)
    article = _article("Walking can improve:\n\n- blood sugar control\n- sleep quality [4]\n")
    assert _cited(article, "blood sugar control", "sleep quality") == [[], ["4"]]


# --- narrative citations point forward ----------------------------------------------------------------------


def test_narrative_author_year_covers_the_words_after_it() -> None:
    article = _article("Field (2016) found that massage eased anxiety in nurses.", APA)
    assert _cited(article, "massage eased anxiety in nurses") == [["1"]]
    article = _article("Moyer et al. (2004) reported that massage lowered trait anxiety.", APA)
    assert _cited(article, "massage lowered trait anxiety") == [["2"]]


def test_narrative_author_year_at_the_end_points_back() -> None:
    article = _article("Massage lowered trait anxiety in a meta-analysis by Moyer et al. (2004).", APA)
    assert _cited(article, "Massage lowered trait anxiety") == [["2"]]


def test_two_narrative_citations_each_cover_their_own_clause() -> None:
    article = _article(
        "Field (2016) found that massage eased anxiety, and Moyer et al. (2004) that it lifted mood.", APA
    )
    assert _cited(article, "massage eased anxiety", "it lifted mood") == [["1"], ["2"]]


def _keys(article: Article, *quotes: str) -> list[list[str]]:
    claims = [Claim(id=f"c{n}", text=q, quote=q) for n, q in enumerate(quotes)]
    linked = link.link_claims(article, claims, list(article.references))
    return [[x.source for x in links if x.origin == "citation"] for links in linked.links]


HTML_LINKS = """<!DOCTYPE html><html><head><title>Walking</title></head><body><h1>Walking</h1>
<p>A <a href="https://pubmed.ncbi.nlm.nih.gov/28192789/">2017 trial</a> found that walking lowers
blood sugar.</p>
<p>Walking steadies blood sugar (<a href="https://doi.org/10.1000/a1">Lee 2017</a>), and yoga eases back pain
(<a href="https://doi.org/10.1000/b2">Patel 2016</a>).</p>
</body></html>"""
MARKDOWN_LINKS = (
    "# Walking\n\nA [2017 trial](https://pubmed.ncbi.nlm.nih.gov/28192789/) found that walking lowers blood"
    " sugar.\n\nWalking steadies blood sugar ([Lee 2017](https://doi.org/10.1000/a1)), and yoga eases back"
    " pain ([Patel 2016](https://doi.org/10.1000/b2)).\n"
)


@pytest.mark.parametrize("text", [HTML_LINKS, MARKDOWN_LINKS], ids=["html", "markdown"])
def test_links_in_the_text(text: str) -> None:
    # a link followed by the sentence's words names the study whose finding follows; a link its parenthesis
    # closes points back like any marker
    article = ne.load_article(text)
    got = _keys(article, "blood sugar.", "Walking steadies blood sugar", "yoga eases back")
    assert got == [["pmid28192789"], ["doi-10-1000-a1"], ["doi-10-1000-b2"]]


# --- registry claims and claims without a findable span -----------------------------------------------------


def test_a_registry_claim_uses_its_quotes_span_and_keeps_its_reviewed_links() -> None:
    article = _article("Yoga lowers blood pressure [1] and improves mood [2].")
    keys = {str((r.fields or {}).get("label")): r.key for r in article.references}
    reviewed = EvidenceLink(claim_id="mood", source=keys["2"], stance="supports", origin="registry")
    claims = [Claim(id="mood", text="Yoga improves mood.", quote="improves mood", links=(reviewed,))]
    links = link.link_claims(article, claims, list(article.references)).links[0]
    assert [(x.source, x.origin) for x in links] == [(keys["2"], "registry"), (keys["2"], "citation")]
    assert "the registry records the reviewed stance" in (links[1].rationale or "")


def test_real_registry_quote_repeated_in_front_matter_is_anchored_in_the_body() -> None:
    # lucifit_dry_needling: the YAML front matter's subtitle repeats the body's sentence, which is cited
    article = ne.load_article(DEVSET / "lucifit_dry_needling.md")
    assert _cited(article, "These nodules can cause pain on\nthe surrounding area") == [["1"]]


def test_a_quote_first_found_outside_any_sentence_is_anchored_where_a_sentence_holds_it() -> None:
    text = (
        "---\ntitle: Walking\nsummary: Walking lowers blood sugar in adults\n---\n\n"
        "Walking lowers blood sugar in adults [3].\n\n## References\n\n"
        + "\n".join(f"{n}. {ref}" for n, ref in enumerate(VANCOUVER, 1))
        + "\n"
    )
    article = ne.load_article(text)
    claims = [Claim(id="w", text="Walking lowers blood sugar.", quote="Walking lowers blood sugar in adults")]
    linked = link.link_claims(article, claims, list(article.references))
    assert linked.sentence_of["w"] is not None
    assert _cited(article, claims=claims) == [["3"]]


def test_a_claim_without_a_findable_span_keeps_every_run_of_its_sentence() -> None:
    article = _article("Yoga lowers blood pressure [1] and improves mood [2].")
    sentence = next(s for s in article.sentences if "Yoga" in s.text)
    no_quote = Claim(id="a", text="Yoga improves mood.", sentence_id=sentence.id)
    elsewhere = Claim(
        id="b", text="Yoga improves mood.", quote="words from another page", sentence_id=sentence.id
    )
    assert _cited(article, claims=[no_quote, elsewhere]) == [["1", "2"], ["1", "2"]]


def test_a_quote_over_two_sentences_has_the_runs_of_both() -> None:
    article = _article("Yoga lowers blood pressure [1]. It also improves mood [2]. Walking helps too [3].")
    assert _cited(article, "Yoga lowers blood pressure [1]. It also improves mood") == [["1", "2"]]


def test_a_split_claims_quote_found_in_its_own_sentence_not_an_earlier_one() -> None:
    # "improves mood" stands in both sentences: the second claim is anchored in the second
    article = _article("Yoga improves mood [1]. Walking lowers blood sugar [3] and improves mood [2].")
    second = next(s for s in article.sentences if s.text.startswith("Walking"))
    claim = Claim(id="w", text="Walking improves mood.", quote="improves mood", sentence_id=second.id)
    assert _cited(article, claims=[claim]) == [["2"]]


# --- end to end: drafted claims through check_article -------------------------------------------------------


def test_check_article_ties_each_drafted_conjunct_to_its_own_source() -> None:
    text = (DEVSET / "pharmaguide_low_back_pain.md").read_text(encoding="utf-8")
    report = ne.check_article(text, verify=False)
    links = report.links
    cited = links[links["origin"] == "citation"]
    claims = report.claims.set_index("claim_id")
    by_claim: dict[str, set[str]] = {}
    for row in cited.itertuples():
        by_claim.setdefault(str(row.claim_id), set()).add(str(row.source_key))
    texts = {c: str(claims.loc[c, "text"]) for c in claims.index}
    obesity = [c for c, t in texts.items() if t.endswith("include obesity.")]
    smoking = [c for c, t in texts.items() if t.endswith("include smoking.")]
    assert len(obesity) == 1 and len(smoking) == 1
    assert by_claim[obesity[0]] == {"shiri2010"}
    assert by_claim[smoking[0]] == {"shiri2010a"}
