"""The claim-kind yardstick (``tests/benchmarks/train_kinds.py``) never reads a held-out file and reads the
check set only when asked, and its learned models are deterministic and learn what they are shown."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).parent / "benchmarks"


@pytest.fixture(scope="module")
def train_kinds() -> ModuleType:
    sys.path.insert(0, str(BENCH))
    try:
        import train_kinds as module
    finally:
        sys.path.remove(str(BENCH))
    return module


def _write(directory: Path, slug: str, header: str, body: str = "claims: []\n") -> None:
    (directory / f"{slug}.labels.yaml").write_text(f"article: {slug}.md\n{header}{body}", encoding="utf-8")


def test_held_out_files_are_skipped_before_they_are_parsed(train_kinds: ModuleType, tmp_path: Path) -> None:
    _write(tmp_path, "dev_page", "holdout: false\n")
    # not YAML at all: parsing it would raise, so reading past it proves it was never parsed
    _write(tmp_path, "held_page", "holdout: true\n", "claims: [unclosed\n  - {\n")
    _write(tmp_path, "held_other_spelling", "holdout: yes\n")
    _write(tmp_path, "check_page", "holdout: false\ncheck: true\n", "claims: [unclosed\n")
    assert [slug for slug, _ in train_kinds.label_files(tmp_path)] == ["dev_page"]


def test_the_check_set_is_read_only_when_asked(train_kinds: ModuleType, tmp_path: Path) -> None:
    _write(tmp_path, "dev_page", "holdout: false\n")
    _write(tmp_path, "check_page", "holdout: false\ncheck: true\n")
    _write(tmp_path, "held_check_page", "holdout: true\ncheck: true\n", "claims: [unclosed\n")
    assert [slug for slug, _ in train_kinds.label_files(tmp_path, check=True)] == ["check_page"]


def test_features_are_stemmed_unigrams_and_bigrams(train_kinds: ModuleType) -> None:
    assert train_kinds.features("Stretching reduces stiffness") == [
        "reduc",
        "reduc_stiff",
        "stiff",
        "stretch",
        "stretch_reduc",
    ]


_TOY = [
    ("Swimming lessens joint pain.", "efficacy"),
    ("Cycling lessens knee pain.", "efficacy"),
    ("Rowing lessens back pain.", "efficacy"),
    ("Heavy lifting raises the risk of hernia.", "etiology"),
    ("Smoking raises the risk of stroke.", "etiology"),
    ("Obesity raises the risk of gout.", "etiology"),
]


@pytest.mark.parametrize("model", ["NaiveBayes", "AveragedPerceptron"])
def test_learned_models_learn_a_separable_set_and_are_deterministic(
    train_kinds: ModuleType, model: str
) -> None:
    xs = [train_kinds.features(text) for text, _ in _TOY]
    ys = [kind for _, kind in _TOY]
    first = getattr(train_kinds, model)().fit(xs, ys)
    second = getattr(train_kinds, model)().fit(xs, ys)
    unseen = ["Walking lessens hip pain.", "Drinking raises the risk of gout."]
    assert [first.predict(train_kinds.features(t)) for t in unseen] == ["efficacy", "etiology"]
    assert [first.predict(x) for x in xs] == ys
    if model == "AveragedPerceptron":
        assert first.weights == second.weights
    else:
        assert first.counts == second.counts and first.priors == second.priors
