"""The public surface is exactly ``__all__``, and every name in it resolves (as httpx keeps itself honest)."""

from __future__ import annotations

import ast
import hashlib
import importlib
import importlib.metadata
import re
import subprocess
import sys
import tomllib
import types
import typing
from pathlib import Path

import needling_evidence as ne
from conftest import clean_env

REPO = Path(__file__).resolve().parents[1]

# What ``needling_evidence/__init__.py`` imports for its own use (its lazy ``__getattr__`` and type-only
# imports): attributes of the module, but not exports. Each is checked to be exactly that import.
INIT_IMPORTS: dict[str, object] = {
    "annotations": importlib.import_module("__future__").annotations,
    "importlib": importlib,
    "TYPE_CHECKING": typing.TYPE_CHECKING,
    "Any": typing.Any,
}

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


def test_every_public_name_resolves_to_this_package() -> None:
    assert len(ne.__all__) == len(set(ne.__all__))
    for name in ne.__all__:
        value = getattr(ne, name)
        if name == "__version__":
            assert isinstance(value, str)
        elif isinstance(value, types.ModuleType):
            assert value.__name__ == f"needling_evidence.{name}"
        else:
            assert value.__module__.startswith("needling_evidence."), (name, value.__module__)
            assert value.__name__ == name  # exported under its own name, not an alias
        assert name in dir(ne)  # tab completion shows it before first use


def test_every_public_attribute_is_in_all() -> None:
    """As httpx's tests/test_exported_members.py: nothing public hides outside ``__all__``. A submodule that
    an import binds on the package (``needling_evidence.report`` …) is public only if ``__all__`` names it."""
    for name in ne.__all__:
        getattr(ne, name)  # load every lazy export, so vars() holds them all
    public = {
        name
        for name, value in vars(ne).items()
        if not name.startswith("_")
        and name not in INIT_IMPORTS
        and (name in ne.__all__ or not isinstance(value, types.ModuleType))
    }
    assert public | {"__version__"} == set(ne.__all__)
    for name, imported in INIT_IMPORTS.items():
        assert getattr(ne, name) is imported, name


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
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=clean_env()
    )
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


def test_ci_runs_the_readmes_test_command() -> None:
    """CI must run what the README tells a new user to run, so the quick start cannot rot unseen."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    [command] = [line for line in quick_start.splitlines() if "pytest" in line]
    assert command.startswith("python3 -m pip install")
    ci_lines = [line.strip() for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert command.strip() in ci_lines


def _imported_top_level_names(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_package_imports_only_what_it_declares() -> None:
    """Every third-party module the package imports (lazily or not) belongs to a dependency declared in
    pyproject.toml; a transitive one (habanero's ``httpx2``, say) could vanish in any habanero release."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["plot"]]
    declared = {re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}
    providers = importlib.metadata.packages_distributions()
    source = REPO / "src" / "needling_evidence"
    undeclared = {}
    for module in sorted(source.rglob("*.py")):
        for name in _imported_top_level_names(module) - set(sys.stdlib_module_names) - {"needling_evidence"}:
            distributions = {d.lower().replace("_", "-") for d in providers.get(name, [name])}
            if not distributions & declared:
                undeclared[f"{module.relative_to(source)}: {name}"] = sorted(distributions)
    assert undeclared == {}
