"""The public surface is exactly ``__all__``, and every name in it resolves (as httpx keeps itself honest)."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import needling_evidence as ne

SEED_SHA256 = "f55108ebac521416389bc5d1a7b7fbf76c80bd5025f40b9770b8eb430b61f5d5"

# Fixed by DESIGN.md: notebooks, documentation and outside checks rely on these names.
DESIGN_NAMES = {
    "normalize_doi",
    "read_bibtex",
    "parse_references",
    "load_references",
    "CrossrefClient",
    "verify_references",
    "verification_table",
    "load_article",
    "load_claims",
    "draft_claims",
    "coverage_report",
    "check_article",
    "datasets",
}


def test_design_names_are_public() -> None:
    assert set(ne.__all__) >= DESIGN_NAMES


def test_check_article_has_the_design_signature() -> None:
    """DESIGN.md fixes the one entry point's parameters: the article first, everything else by keyword."""
    import inspect

    parameters = inspect.signature(ne.check_article).parameters
    assert list(parameters) == [
        "article",
        "references",
        "claims",
        "library",
        "client",
        "pubmed",
        "verify",
        "strict",
        "progress",
    ]
    assert parameters["article"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in list(parameters.values())[1:])
    defaults = {name: p.default for name, p in parameters.items()}
    assert defaults == {
        "article": None,
        "references": None,
        "claims": None,
        "library": None,
        "client": None,
        "pubmed": None,
        "verify": True,
        "strict": False,
        "progress": None,
    }


def test_every_public_name_resolves() -> None:
    for name in ne.__all__:
        assert getattr(ne, name) is not None, name


def test_unknown_name_is_an_attribute_error() -> None:
    try:
        ne.no_such_name  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as error:
        assert "no_such_name" in str(error)
    else:
        raise AssertionError("an unknown name must raise AttributeError")


def test_import_is_light() -> None:
    """``import needling_evidence`` must not pull in heavy libraries (the CLI's start-up depends on it)."""
    code = (
        "import sys, needling_evidence, needling_evidence.doi, needling_evidence.model; "
        "heavy = [m for m in ('pandas', 'habanero', 'bibtexparser', 'matplotlib', 'httpx') "
        "if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == ""


def test_dataset_bundle_loads_offline() -> None:
    bundle = ne.datasets.dry_needling()
    assert [ref.key for ref in bundle.references] == ["gattie2017", "cagnie2013", "rodine2015"]
    assert bundle.article.text.startswith("Dry Needling Physio Therapy")
    assert bundle.article.byline == "By Andy"
    assert len(bundle.claims) > 0
    assert bundle.snapshot_path.is_file()


def test_bundled_article_is_unchanged() -> None:
    """The article is the evidence under review: the packaged copy must be the seed, byte for byte."""
    from importlib import resources

    packaged = resources.files("needling_evidence").joinpath("datasets/dry_needling/article.txt").read_bytes()
    # sha256 of shared/seed/000_d872e4b40a3054c7.txt, the article as its author wrote it
    assert hashlib.sha256(packaged).hexdigest() == SEED_SHA256
    assert packaged.startswith(b"Dry Needling Physio Therapy\n")
    assert packaged.rstrip().endswith(b"Required fields are marked *")
    assert b"By Andy" in packaged
