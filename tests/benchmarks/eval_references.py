"""Evaluate the pasted-reference-list reader against real, hand-labelled reference lists (issue 9, item 4).

    python tests/benchmarks/eval_references.py [--dev | --holdout | --all] [--round N] [--verbose]

``--dev`` (the default) scores the development lists, ``--holdout`` the held-out lists (the honest estimate:
never tune on them; measure them once, at the end), each held-out round separately (round 2: the two set aside
when eight more lists were added; round 3: three of six added on 2026-12-06 night; round 1 was released to
development; a label file's ``holdout_round``), ``--all`` both parts. ``--round N`` with ``--holdout``
measures only that round, so a new round can be measured once without running an earlier one again. Each list
in ``tests/data/references/real/`` is read with ``load_references`` (as ``needling-evidence refs parse`` reads
a file) and every labelled reference is matched to the parsed reference with the same list label (by position
in the list when the parser kept no label). Six fields are scored right or wrong, with the rules of
``eval_devset.py`` (``field_right``): first author (family name, a printed particle allowed before it; a
corporate author by its whole name; for an edited book without authors, its first editor), year, title (case-
folded; Markdown emphasis, backslash escapes and the final full stop removed), journal (the same, periods
ignored), DOI (``normalize_doi``), PMID. A field labelled ``null`` is right only when the parser gives none; a
reference the parser lost or merged counts as wrong in every field it no longer has.

Printed per list and overall (micro-averaged over references): the share of each field right, all fields
together, and the share of references with every field right. With ``--verbose`` every wrong field is shown
with what was expected and what was read. This measures; it asserts nothing (``tests/test_references_real.py``
checks only that the labels are well formed).
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

import needling_evidence as ne
from needling_evidence.model import Reference

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_devset import REFERENCE_FIELDS, _by_label, _first_author, field_right

REAL = Path(__file__).resolve().parents[1] / "data" / "references" / "real"


@dataclass(frozen=True)
class ListLabels:
    name: str
    path: Path
    holdout: bool
    references: list[dict[str, Any]]
    round: int = 0


def load_labels(path: Path) -> ListLabels:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return ListLabels(
        name=path.name.removesuffix(".labels.yaml"),
        path=REAL / data["list"],
        holdout=bool(data["holdout"]),
        references=list(data["references"]),
        round=int(data.get("holdout_round", 1)) if data["holdout"] else 0,
    )


def all_labels() -> list[ListLabels]:
    return [load_labels(p) for p in sorted(REAL.glob("*.labels.yaml"))]


@dataclass
class Score:
    labelled: int = 0
    parsed: int = 0
    all_right: int = 0
    fields: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.labelled += other.labelled
        self.parsed += other.parsed
        self.all_right += other.all_right
        self.fields.update(other.fields)
        self.misses.extend(other.misses)


def _shown(name: str, ref: Reference | None) -> object:
    if ref is None:
        return "(no reference)"
    values = {
        "first_author": _first_author(ref),
        "year": ref.year,
        "title": ref.title,
        "journal": ref.container_title,
        "doi": ref.doi,
        "pmid": ref.pmid,
    }
    return values[name]


def _named_first(ref: Reference) -> Reference:
    """An edited book with no authors is named by its first editor (``MIT Critical Data, editors.``)."""
    from dataclasses import replace

    return replace(ref, authors=ref.editors) if not ref.authors and ref.editors else ref


def score_list(labels: ListLabels) -> Score:
    references = [_named_first(ref) for ref in ne.load_references(labels.path)]
    found = _by_label(references)
    result = Score(labelled=len(labels.references), parsed=len(references))
    for lab in labels.references:
        ref = found.get(str(lab["label"]))
        right = {name: ref is not None and field_right(name, lab[name], ref) for name in REFERENCE_FIELDS}
        result.fields.update(name for name, ok in right.items() if ok)
        result.all_right += all(right.values())
        for name, ok in right.items():
            if not ok:
                where = f"{labels.name} [{lab['label']}] {name}"
                result.misses.append(f"    {where}: expected {lab[name]!r}, read {_shown(name, ref)!r}")
    return result


def _pct(n: int, d: int) -> str:
    return f"{n / d:5.0%}" if d else "    –"


HEADER = f"{'list':<32} {'refs':>5} {'parsed':>6} " + " ".join(f"{n[:8]:>8}" for n in REFERENCE_FIELDS)
HEADER += f" {'fields':>7} {'all ok':>7}"


def _line(name: str, s: Score) -> str:
    per_field = " ".join(f"{_pct(s.fields[n], s.labelled):>8}" for n in REFERENCE_FIELDS)
    fields_all = _pct(sum(s.fields.values()), len(REFERENCE_FIELDS) * s.labelled)
    return (
        f"{name:<32} {s.labelled:>5} {s.parsed:>6} {per_field} {fields_all:>7}"
        f" {_pct(s.all_right, s.labelled):>7}"
    )


def evaluate(part: list[ListLabels], title: str, verbose: bool = False) -> list[str]:
    lines = [f"## {title} ({len(part)} lists)", "", HEADER]
    total = Score()
    for labels in part:
        try:
            score = score_list(labels)
        except Exception as exc:  # a crash on real input is a result to report, not a reason to stop
            lines.append(f"{labels.name:<32} FAILED: {type(exc).__name__}: {exc}")
            total.add(Score(labelled=len(labels.references)))
            continue
        total.add(score)
        lines.append(_line(labels.name, score))
        if verbose:
            lines.extend(score.misses)
    lines.append(_line("OVERALL", total))
    lines.append("")
    fields_total = sum(total.fields.values())
    lines.append(
        "reference fields right: "
        + ", ".join(f"{n} {_pct(total.fields[n], total.labelled).strip()}" for n in REFERENCE_FIELDS)
        + f"; all fields {_pct(fields_total, len(REFERENCE_FIELDS) * total.labelled).strip()}"
        + f"; references with every field right {_pct(total.all_right, total.labelled).strip()}"
        + f" ({total.labelled} references)"
    )
    lines.append("")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--dev", action="store_true", help="the development lists (default)")
    group.add_argument("--holdout", action="store_true", help="the held-out lists, per round (measure once)")
    group.add_argument("--all", action="store_true", help="both parts, each separately")
    parser.add_argument("--round", type=int, help="with --holdout or --all: only this held-out round")
    parser.add_argument("--verbose", action="store_true", help="show every wrong field")
    args = parser.parse_args(argv)
    labels = all_labels()
    parts = []
    if args.holdout or args.all:
        rounds = sorted({x.round for x in labels if x.holdout})
        for number in rounds if args.round is None else [args.round]:
            part = [x for x in labels if x.holdout and x.round == number]
            if not part:
                parser.error(f"no held-out round {number}")
            parts.append((part, f"held out, round {number}"))
    if not args.holdout:
        parts.insert(0, ([x for x in labels if not x.holdout], "development"))
    out = [f"# eval_references, needling_evidence {ne.__version__}, {datetime.date.today().isoformat()}", ""]
    for part, title in parts:
        out.extend(evaluate(part, title, args.verbose))
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
