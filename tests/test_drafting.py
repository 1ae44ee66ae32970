"""draft_claims: check-worthiness and kinds measured against hand labels, atomic splitting, anchoring.

Run ``python tests/test_drafting.py`` to print the precision/recall table without pytest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

import needling_evidence as ne
from needling_evidence.datasets import dry_needling_path
from needling_evidence.drafting import claim_kind, is_checkworthy, split_claim
from needling_evidence.model import CLAIM_KINDS, Article, ClaimRegistry

DATA = Path(__file__).parent / "data" / "articles"

# (article, labels, precision floor, recall floor, kind-accuracy floor). The first three articles were
# labelled before drafting.py was written, but its cue tables were then developed while reading them, so
# their figures are optimistic (measured: P 0.96/0.93/0.91, R 0.98/1.00/0.91, kinds 0.91/1.00/1.00).
# knee_taping.md is held out — labelled first, drafting never changed after measuring it (measured: P 1.00,
# R 0.75, kinds 0.56) — and is the honest estimate. (Cues added later from other QA articles, without looking
# at these labels — "prevents", "cures", more effect objects, harms a treatment "can cause" — left all four
# sets of figures unchanged.) The rework for issue 9 (lists under lead-ins, split coordinations, clause
# breaks) was tuned on tests/data/devset; these labels were read only to keep their figures no worse (three
# regressions found that way and undone: "promote healing" as efficacy, "painful" anywhere as experience, a
# coordinated subject split). Measured after it: P 0.96/1.00/0.92, R 0.98/1.00/1.00, kinds 0.91/1.00/1.00;
# knee_taping P 1.00, R 0.75, kinds 0.67. Floors sit a little under the measured figures so that a
# regression fails.
CASES = [
    (dry_needling_path("article.txt"), DATA / "dry_needling_labels.yaml", 0.85, 0.9, 0.8),
    (DATA / "foam_rolling.md", DATA / "foam_rolling_labels.yaml", 0.85, 0.9, 0.8),
    (DATA / "heat_back_pain.txt", DATA / "heat_back_pain_labels.yaml", 0.8, 0.8, 0.8),
    (DATA / "knee_taping.md", DATA / "knee_taping_labels.yaml", 0.8, 0.7, 0.5),
]


@dataclass(frozen=True)
class Score:
    name: str
    tp: int
    fp: int
    fn: int
    kinds_right: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kinds_right / self.tp if self.tp else 0.0

    def line(self) -> str:
        return (
            f"{self.name:<22} precision {self.precision:.2f}  recall {self.recall:.2f}  "
            f"kind accuracy {self.kind_accuracy:.2f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"
        )


def load_labels(path: Path) -> list[dict[str, Any]]:
    labels = yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"]
    assert isinstance(labels, list)
    return labels


def score(article: Article, labels: list[dict[str, Any]], name: str) -> Score:
    """A sentence is predicted check-worthy when at least one drafted claim is anchored to it; its kind is
    right when one of those claims has the labelled kind."""
    drafted: dict[str, set[str]] = {}
    for claim in ne.draft_claims(article):
        assert claim.sentence_id is not None
        drafted.setdefault(claim.sentence_id, set()).add(claim.kind)
    tp = fp = fn = kinds_right = 0
    for label in labels:
        predicted = label["id"] in drafted
        if label["checkworthy"] and predicted:
            tp += 1
            kinds_right += label["kind"] in drafted[label["id"]]
        elif predicted:
            fp += 1
        elif label["checkworthy"]:
            fn += 1
    return Score(name, tp, fp, fn, kinds_right)


@pytest.mark.parametrize(
    ("article_path", "labels_path"), [(a, b) for a, b, *_ in CASES], ids=lambda p: p.name
)
def test_labels_cover_every_sentence_exactly(article_path: Path, labels_path: Path) -> None:
    article = ne.load_article(article_path)
    labels = load_labels(labels_path)
    assert [(s.id, s.text) for s in article.sentences] == [(lab["id"], lab["text"]) for lab in labels]
    for label in labels:
        assert isinstance(label["checkworthy"], bool)
        assert (label.get("kind") in CLAIM_KINDS) if label["checkworthy"] else "kind" not in label


@pytest.mark.parametrize(
    ("article_path", "labels_path", "p_floor", "r_floor", "k_floor"), CASES, ids=lambda p: str(p)
)
def test_precision_and_recall_against_hand_labels(
    article_path: Path, labels_path: Path, p_floor: float, r_floor: float, k_floor: float
) -> None:
    result = score(ne.load_article(article_path), load_labels(labels_path), article_path.name)
    print(result.line())
    assert result.precision >= p_floor
    assert result.recall >= r_floor
    assert result.kind_accuracy >= k_floor


def test_seven_items_become_nine_efficacy_claims() -> None:
    # Two items name two conditions each ("Migraines and headaches", "Tennis elbow and other overuse
    # injuries"): one claim per condition, each quoting its own words; a shared head ("Neck and back pain",
    # "Chronic and acute pain") names one thing and stays whole (issue 9: atomic claims).
    article = ne.load_article(dry_needling_path("article.txt"))
    claims = ne.draft_claims(article)
    items = [s for s in article.sentences if s.kind == "list_item" and s.line and 39 <= s.line <= 45]
    item_claims = [c for c in claims if c.sentence_id in {s.id for s in items}]
    stem = "Dry needling physical therapy has been found to be an effective treatment for"
    conditions = [
        "chronic and acute pain",
        "neck and back pain",
        "migraines",
        "headaches",
        "tennis elbow",
        "other overuse injuries",
        "sciatica",
        "plantar fasciitis",
        "knee pain",
    ]
    assert [c.text for c in item_claims] == [f"{stem} {condition}." for condition in conditions]
    by_item = {item.id: item for item in items}
    for claim, condition in zip(item_claims, conditions, strict=True):
        item = by_item[claim.sentence_id or ""]
        assert claim.kind == "efficacy"
        assert claim.quote is not None and claim.quote.lower() == condition and claim.quote in item.text
        assert re.fullmatch(rf"draft-{item.id}-[12]", claim.id)
        assert claim.condition == condition
    # the lead sentence is a claim of its own, without its dangling "including:"
    lead = next(c for c in claims if c.text.endswith("a wide range of musculoskeletal conditions."))
    assert lead.kind == "efficacy"


def test_conjoined_effects_split_and_pronouns_resolved() -> None:
    article = ne.load_article(dry_needling_path("article.txt"))
    texts = [c.text for c in ne.draft_claims(article)]
    assert "Dry needling and other physical therapy interventions can restore your flexibility." in texts
    assert "Dry needling is a specialized treatment modality used to alleviate musculoskeletal pain." in texts
    assert "Dry needling is a specialized treatment modality used to improve physical function." in texts
    assert "Dry needling can also be effective for those who are looking to improve their posture." in texts
    # "neck and back pain" names one condition and is not split
    assert not any(t.endswith("treatment for back pain.") for t in texts)


def test_a_leading_it_takes_the_subject_of_the_sentence_before() -> None:
    # "It works by …" kept its "It": the verbs after a leading "It" were a shorter copy of the subject verbs.
    text = (
        "Dry needling reduces neck pain in the short term [1]. "
        "It works by releasing endorphins (Cagnie et al., 2013).\n\n"
        "## References\n\n"
        "1. Gattie E, Cleland JA, Snodgrass S. The effectiveness of trigger point dry needling. "
        "J Orthop Sports Phys Ther. 2017;47(3):133-149.\n"
        "2. Cagnie B, Dewitte V, Barbe T. Physiologic effects of dry needling. "
        "Curr Pain Headache Rep. 2013;17(8):348.\n"
    )
    drafted = {c.sentence_id: c for c in ne.draft_claims(ne.load_article(text))}
    assert drafted["s002"].text == "Dry needling works by releasing endorphins."
    assert drafted["s002"].kind == "mechanism"
    # The quote stays the article's own words.
    assert drafted["s002"].quote == "It works by releasing endorphins (Cagnie et al., 2013)."


@pytest.mark.parametrize("path", [c[0] for c in CASES], ids=lambda p: p.name)
def test_every_claim_is_anchored_in_the_article(path: Path) -> None:
    article = ne.load_article(path)
    claims = ne.draft_claims(article)
    again = ne.draft_claims(ne.load_article(path))
    assert isinstance(claims, ClaimRegistry)
    assert claims.source == article.path
    assert [c.id for c in claims] == [c.id for c in again]  # stable
    assert len({c.id for c in claims}) == len(claims)
    for claim in claims:
        assert re.fullmatch(r"draft-s\d{3,}-\d+", claim.id)
        assert claim.kind in CLAIM_KINDS
        assert claim.links == ()
        sentence = article.sentence(claim.sentence_id or "")
        assert sentence is not None and sentence.kind != "heading"
        assert claim.quote is not None and claim.quote in sentence.text and claim.quote in article.text
        assert claim.text and claim.text[0].isupper() and claim.text.endswith(".")
        assert "[" not in claim.text and "(Lindqvist" not in claim.text  # citation markers removed


def test_citations_are_removed_but_narrative_authors_kept() -> None:
    claims = ne.draft_claims(ne.load_article(DATA / "heat_back_pain.txt"))
    texts = [c.text for c in claims]
    assert "Most episodes of acute low back pain get better within six weeks." in texts
    assert any(t.startswith("Nakamura and Ferris found that people wearing") for t in texts)
    foam = [c.text for c in ne.draft_claims(ne.load_article(DATA / "foam_rolling.md"))]
    assert "Rolling did not improve long-term flexibility when it was done without stretching." in foam


def test_empty_article_drafts_nothing() -> None:
    article = ne.load_article("\n\n")
    assert len(ne.draft_claims(article)) == 0


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Dry needling reduces neck pain.", True),
        ("Is dry needling painful?", False),
        ("Speak to your physiotherapist about dry needling therapy.", False),
        ("If you are in pain, book a session with us today.", False),
        ("This article will discuss everything you need to know.", False),
        ("Runners who roll regularly tend to report:", False),  # a lead-in: its items carry the claims
        ("The survey found that most people preferred heat.", True),
        ("The weather was nice that day.", False),
    ],
)
def test_is_checkworthy(sentence: str, expected: bool) -> None:
    assert is_checkworthy(sentence) is expected


def test_cited_sentence_is_checkworthy() -> None:
    assert is_checkworthy("Most episodes resolve within six weeks.", cited=True)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Dry needling has a minimal risk of side effects.", "safety"),
        ("Dry needling can stimulate the release of endorphins.", "mechanism"),
        ("Dry needling is an effective treatment for sciatica.", "efficacy"),
        ("Poor posture can cause trigger points.", "etiology"),
        ("You may feel a muscle twitch as the needle goes in.", "experience"),
        ("Low back pain is one of the most common reasons people visit a doctor.", "other"),
    ],
)
def test_claim_kind(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


def test_split_claim() -> None:
    assert split_claim("It can restore your flexibility and rebuild your strength.") == [
        "It can restore your flexibility.",
        "It can rebuild your strength.",
    ]
    assert split_claim("It helps to optimize performance, improve posture and increase range of motion.") == [
        "It helps to optimize performance.",
        "It helps to improve posture.",
        "It helps to increase range of motion.",
    ]
    assert split_claim("It treats neck and back pain.") == ["It treats neck and back pain."]


def test_the_readme_example_runs_as_written() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Reading an article and drafting claims", 1)[1].split("\n## ", 1)[0]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    expected = "Dry needling physical therapy has been found to be an effective treatment for sciatica."
    assert [c.text for c in namespace["drafted"] if c.condition == "sciatica"] == [expected]
    assert f"# ['{expected}']" in code  # the output the README shows is the output


def main() -> None:
    totals = Score("all (pooled)", 0, 0, 0, 0)
    for article_path, labels_path, *_ in CASES:
        result = score(ne.load_article(article_path), load_labels(labels_path), article_path.name)
        print(result.line())
        totals = Score(
            totals.name,
            totals.tp + result.tp,
            totals.fp + result.fp,
            totals.fn + result.fn,
            totals.kinds_right + result.kinds_right,
        )
    print(totals.line())


if __name__ == "__main__":
    main()
