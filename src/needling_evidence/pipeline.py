"""The whole run, top to bottom: :func:`check_article`.

    article ──► references ──► claims (drafted once) ──► verification ──► coverage ──► CoverageReport

The command line (``needling-evidence report``), the notebooks and outside code all call this one function and
only render what it returns. Each input is a value or the path of a file; what the caller leaves out defaults
as the command line does: no article is the bundled dry-needling article with its references, reviewed claims
registry and library, checked offline against the bundled Crossref snapshot.

Heavy libraries (pandas, bibtexparser, markdown-it) load inside the steps that need them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .errors import InputError

if TYPE_CHECKING:
    from .coverage import CoverageReport
    from .crossref.base import WorkSource
    from .model import Article, ClaimRegistry, Reference, ReferenceList, Verification
    from .pubmed.client import PubMedClient

__all__ = ["BUNDLED_NOTE", "DRAFTED_NOTE", "NOT_VERIFIED_NOTE", "check_article", "existing_file"]

PathLike = str | os.PathLike[str]

BUNDLED_NOTE = (
    "Bundled example: the dry-needling article, its references and its reviewed claims registry. "
    "References were verified offline against the bundled Crossref snapshot — records written from the "
    "published record, not a live Crossref answer."
)
DRAFTED_NOTE = (
    "Claims were drafted from the article (no --claims registry): they are candidates with no "
    "reviewed evidence, so cited sources count only as 'cited, not reviewed'."
)
NOT_VERIFIED_NOTE = "References were not checked against Crossref (--no-verify)."

# Problems that mean the registry as a whole could not be read (not one claim in it): reporting on such a
# registry would show "100% of 0 claims supported" and pass any --fail-under gate.
_UNREADABLE_REGISTRY = frozenset(
    {"claims.yaml_syntax", "claims.yaml_bomb", "claims.yaml_unsafe_tag", "claims.not_mapping", "claims.empty"}
)


def check_article(
    article: Article | PathLike | None = None,
    *,
    references: ReferenceList | Sequence[Reference] | PathLike | None = None,
    claims: ClaimRegistry | PathLike | None = None,
    library: ReferenceList | Sequence[Reference] | PathLike | None = None,
    client: WorkSource | None = None,
    pubmed: PubMedClient | Literal[False] | None = None,
    verify: bool = True,
    strict: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> CoverageReport:
    """The claim-coverage report of an article: load, verify, link, grade — the whole pipeline.

    ``article``: an :class:`~needling_evidence.Article`, a path, or the text itself (a ``str`` is read as
    :func:`~needling_evidence.load_article` reads it). ``None``: the bundled dry-needling article, its
    references, reviewed registry and library, verified offline against the bundled snapshot unless a
    ``client`` is given.

    ``references``: a path (.bib, CSL-JSON, RIS, MEDLINE, a pasted list) or the references themselves; default
    the article's own reference list. ``claims``: a registry path (YAML) or a :class:`ClaimRegistry`; default
    the claims drafted from the article (drafted once; the same draft finds the sentences no claim covers).
    ``library``: more works the article does not cite: offered as suggestions, and — where the registry links
    one — outside evidence that can make a claim ``contradicted`` or ``conflicting``, never ``supported``.

    ``verify=False`` leaves every reference "not checked". ``client``: the Crossref client (``None``: a
    default :class:`~needling_evidence.CrossrefClient` configured from the environment). ``pubmed``: the
    :class:`~needling_evidence.PubMedClient` (``None``: one configured like ``client`` — offline with the
    bundled PubMed snapshot for the bundled article; ``False``: Crossref only). ``progress(done, total)`` is
    called during verification.

    Problems in the inputs are records in ``report.problems``; ``strict=True`` raises
    :class:`~needling_evidence.StrictError` instead. A missing or unreadable file raises
    :class:`~needling_evidence.InputError`. ``report.notes`` says, in words, where the verdicts came from
    and what was not done.
    """
    from .coverage import coverage_report
    from .crossref.verify import _cyclic_gc_paused
    from .drafting import draft_claims

    # Reading, drafting and grading make many objects that stay alive to the end and form no cycles: the
    # cyclic collector's repeated passes over them were about a twentieth of a 5 MB article's report (issue
    # 13). It runs as usual while references are verified (a network client's objects).
    notes: list[str] = []
    if article is None:
        from .datasets import dry_needling

        bundle = dry_needling()
        the_article = bundle.article
        default_refs, default_claims, default_library = bundle.references, bundle.claims, bundle.library
        if client is None and verify:
            client = _bundled_client()
            notes.append(BUNDLED_NOTE)
    else:
        with _cyclic_gc_paused():
            the_article = _load_article(article)
        default_refs, default_claims, default_library = the_article.references, None, None

    with _cyclic_gc_paused():
        refs = default_refs if references is None else _load_references(references, "reference file")
        more = default_library if library is None else _load_references(library, "reference file")
        drafted = draft_claims(the_article)
        if claims is not None:
            registry = _load_claims(claims, the_article, refs, more)
        elif default_claims is not None:
            registry = default_claims
        else:
            registry = drafted
            notes.append(DRAFTED_NOTE)

    verifications: list[Verification] | None = None
    if not verify:
        notes.append(NOT_VERIFIED_NOTE)
    elif len(refs):
        verifications = _verify(refs, client, pubmed, progress)
        if not any("snapshot" in note for note in notes):
            notes.extend(_provenance_notes(verifications))

    with _cyclic_gc_paused():
        return coverage_report(
            the_article,
            registry,
            refs,
            verifications,
            library=more,
            drafted=drafted,
            strict=strict,
            notes=notes,
        )


# --- the steps ----------------------------------------------------------------------------------------------


def existing_file(path: PathLike, what: str) -> Path:
    """``path`` as a :class:`Path`, or :class:`InputError` naming it when it is missing or a folder."""
    file = Path(path)
    if not file.exists():
        raise InputError(f"{what} not found", path=str(file))
    if file.is_dir():
        raise InputError(f"{what} is a folder, not a file", path=str(file))
    return file


def _load_article(article: Article | PathLike) -> Article:
    """An :class:`Article` as given, from a path (:class:`os.PathLike`: always a file), or from a ``str``
    (text or a path, as :func:`load_article` decides)."""
    from .article import load_article
    from .model import Article

    if isinstance(article, Article):
        return article
    if isinstance(article, os.PathLike):
        return load_article(existing_file(article, "article"))
    return load_article(article)


def _load_references(source: ReferenceList | Sequence[Reference] | PathLike, what: str) -> ReferenceList:
    from .model import ReferenceList

    if isinstance(source, ReferenceList):
        return source
    if isinstance(source, str | os.PathLike):
        from .references import load_references

        return load_references(existing_file(source, what))
    return ReferenceList(source)


def _load_claims(
    claims: ClaimRegistry | PathLike,
    article: Article,
    references: ReferenceList,
    library: ReferenceList | None = None,
) -> ClaimRegistry:
    """A registry as given, or read from a YAML file with every quote looked up in ``article`` and every
    source in ``references`` or ``library`` (outside evidence: it can contradict a claim, never support it);
    a file that cannot be read as a registry at all raises :class:`InputError`."""
    from .model import ClaimRegistry

    if isinstance(claims, ClaimRegistry):
        return claims
    from .claims import load_claims

    registry = load_claims(
        existing_file(claims, "claims registry"), article=article, references=references, library=library
    )
    _check_registry_readable(registry)
    return registry


def _check_registry_readable(registry: ClaimRegistry) -> None:
    """Raise :class:`InputError` (exit code 2) when the registry yielded no claims because the file itself
    could not be read: a YAML syntax error, no top-level mapping, no ``claims:`` list. A registry that lists
    no claims on purpose (``claims: []``) is readable."""
    if len(registry):
        return
    for problem in registry.problems:
        if problem.code in _UNREADABLE_REGISTRY or (
            problem.code in ("claims.missing_field", "claims.bad_type") and problem.field == "claims"
        ):
            raise InputError(
                f"claims registry cannot be read: {problem.message} [{problem.code}]",
                path=problem.file,
                line=problem.line,
            )


def _bundled_client() -> WorkSource:
    from .crossref.client import CrossrefClient

    return CrossrefClient.bundled()


def _verify(
    references: Sequence[Reference],
    client: WorkSource | None,
    pubmed: PubMedClient | Literal[False] | None,
    progress: Callable[[int, int], None] | None,
) -> list[Verification]:
    """One verification per reference, in input order: the one place the indexes are asked."""
    from .crossref.verify import verify_references

    # no client: verify_references makes the default ones, configured from the environment
    return verify_references(references, client, pubmed=pubmed, progress=progress)


def _provenance_notes(verifications: Sequence[Verification]) -> list[str]:
    """Say where the verdicts came from, in words, for the top of every report."""
    kinds: dict[str, int] = {}
    for result in verifications:
        kind = result.provenance.kind if result.provenance is not None else "none"
        kinds[kind] = kinds.get(kind, 0) + 1
    words = {
        "live": "checked live against Crossref",
        "cache": "answered from the local cache of earlier Crossref answers",
        "snapshot": "checked against the bundled snapshot (written from the published record, not a live "
        "Crossref answer)",
        "none": "not checked (no Crossref answer was available)",
    }
    if not kinds:
        return []
    parts = [f"{count} {words.get(kind, kind)}" for kind, count in kinds.items()]
    return ["References: " + "; ".join(parts) + "."]
