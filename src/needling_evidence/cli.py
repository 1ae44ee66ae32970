"""The command line: ``needling-evidence`` (and ``python -m needling_evidence``).

Each command is a plain ``run_*()`` function that returns its result (usable from Python and from notebooks),
and a thin wrapper here turns arguments into a call and the result into output and an exit code. Nothing heavy
is imported at module level: ``needling-evidence --help`` must stay fast, so pandas, habanero, bibtexparser
and matplotlib load only inside the commands that need them.

Exit codes: 0 the run worked (a report full of gaps is still a successful run); 1 coverage below
``--fail-under``, or problems under ``--strict``; 2 a usage error or an input that cannot be read.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple, TypeVar

from ._files import atomic_write_text
from .errors import CrossrefError, InputError, NeedlingEvidenceError, StrictError, UsageError

if TYPE_CHECKING:
    from .coverage import CoverageReport
    from .crossref.client import CrossrefClient
    from .model import Article, ClaimRegistry, Problem, Reference, ReferenceList, Verification

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "FixRun",
    "ReportRun",
    "VerifyRun",
    "build_parser",
    "main",
    "run_cache_clear",
    "run_cache_info",
    "run_claims_draft",
    "run_refs_fix",
    "run_refs_parse",
    "run_report",
    "run_verify",
    "verification_rows",
    "write_text_atomic",
]

EXIT_OK = 0
EXIT_FAILED = 1  # coverage below --fail-under, or problems under --strict
EXIT_USAGE = 2  # bad arguments, or an input that cannot be read (argparse uses 2 as well)

PROG = "needling-evidence"
HELP_WIDTH = 100  # help descriptions wrap here; the examples in the epilogs are at most this wide
REPORT_FORMATS = ("text", "md", "html", "json", "csv")
# output file suffix -> report format, so `-o report.html` needs no --format
SUFFIX_FORMATS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".csv": "csv",
}
VERIFY_FORMATS = ("table", "json", "csv")
# Statuses that mean the reference as written is wrong or cannot be trusted; `verify --strict` fails on them.
FAILED_STATUSES = frozenset({"mismatch", "not_found", "malformed_doi"})

BUNDLED_NOTE = (
    "Bundled example: the dry-needling article, its references and its reviewed claims registry. "
    "References were verified offline against the bundled Crossref snapshot — records written from the "
    "published record, not a live Crossref answer."
)


# --- files --------------------------------------------------------------------------------------------------


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8, line endings as given) to ``path`` atomically: a reader never sees half a file
    and a failed write leaves the old file as it was (see :func:`._files.atomic_write_text`)."""
    return atomic_write_text(path, text)


def _existing_file(path: str | os.PathLike[str], what: str) -> Path:
    file = Path(path)
    if not file.exists():
        raise InputError(f"{what} not found", path=str(file))
    if file.is_dir():
        raise InputError(f"{what} is a folder, not a file", path=str(file))
    return file


# --- progress -----------------------------------------------------------------------------------------------


class ProgressBar:
    """``progress(done, total)`` drawing a one-line bar on ``stream`` — only when it is a terminal, so logs
    and pipes stay clean."""

    WIDTH = 30

    def __init__(self, label: str, stream: IO[str] | None = None) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        filled = self.WIDTH * min(done, total) // total
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total}")
        self._drawn = True
        if done >= total:
            self.stream.write("\n")
            self._drawn = False
        self.stream.flush()

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False


# --- the Crossref client ------------------------------------------------------------------------------------


def make_client(
    *,
    offline: bool = False,
    mailto: str | None = None,
    crossref_url: str | None = None,
    cache: str | os.PathLike[str] | None = None,
) -> CrossrefClient:
    """A Crossref client from the command-line options (``None`` falls back on the environment variables)."""
    from .crossref.client import CrossrefClient

    return CrossrefClient(base_url=crossref_url, mailto=mailto, cache=cache, offline=offline)


def _verify(
    references: Sequence[Reference], client: CrossrefClient, progress: Callable[[int, int], None] | None
) -> list[Verification]:
    from .crossref.verify import verify_references

    return verify_references(references, client, progress=progress)


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


# --- report -------------------------------------------------------------------------------------------------


# Results are NamedTuples, not dataclasses: importing dataclasses pulls in inspect, which alone was a quarter
# of the start-up time of `needling-evidence --help`.
class ReportRun(NamedTuple):
    """What :func:`run_report` did: the report, its rendering, and the exit code the command line returns."""

    report: CoverageReport
    text: str
    format: str
    coverage: float
    problems: tuple[Problem, ...]
    exit_code: int
    notes: tuple[str, ...] = ()
    output: Path | None = None
    verifications: tuple[Verification, ...] | None = None
    reasons: tuple[str, ...] = ()


def run_report(
    article: str | os.PathLike[str] | None = None,
    *,
    refs: str | os.PathLike[str] | None = None,
    claims: str | os.PathLike[str] | None = None,
    library: str | os.PathLike[str] | None = None,
    fmt: str | None = None,
    output: str | os.PathLike[str] | None = None,
    fail_under: float | None = None,
    strict: bool = False,
    offline: bool = False,
    mailto: str | None = None,
    crossref_url: str | None = None,
    cache: str | os.PathLike[str] | None = None,
    verify: bool = True,
    progress: Callable[[int, int], None] | None = None,
    client: CrossrefClient | None = None,
) -> ReportRun:
    """The claim-coverage report of an article.

    With no ``article``: the bundled dry-needling article, its references and claims registry, verified
    offline against the bundled Crossref snapshot (unless ``crossref_url`` asks for a server). With an
    ``article``: references default to the article's own reference list and claims to :func:`draft_claims` of
    it; ``refs`` / ``claims`` / ``library`` replace or add to them. ``fmt`` is one of ``text md html json
    csv`` (default: from the ``output`` suffix, else ``text``). The report is written to ``output``
    atomically when given.
    """
    from .coverage import coverage_report
    from .report import render

    fmt = _report_format(fmt, output)
    if fail_under is not None and not 0 <= fail_under <= 100:
        raise UsageError(f"--fail-under must be a percentage between 0 and 100, not {fail_under:g}")
    notes: list[str] = []
    library_refs: ReferenceList | None = None
    if article is None:
        from .crossref.client import CrossrefClient
        from .datasets import dry_needling

        bundle = dry_needling()
        the_article: Article = bundle.article
        references = bundle.references
        registry: ClaimRegistry = bundle.claims
        library_refs = bundle.library
        if client is None and crossref_url is None:
            client = CrossrefClient.bundled()
            notes.append(BUNDLED_NOTE)
    else:
        from .article import load_article

        the_article = load_article(_existing_file(article, "article"))
        references = the_article.references
        registry = _drafted(the_article)
    if refs is not None:
        references = _load_refs(refs)
    if claims is not None:
        from .claims import load_claims

        registry = load_claims(
            _existing_file(claims, "claims registry"), article=the_article, references=references
        )
        _check_registry_readable(registry)
    elif article is not None:
        notes.append(
            "Claims were drafted from the article (no --claims registry): they are candidates with no "
            "reviewed evidence, so cited sources count only as 'cited, not reviewed'."
        )
    if library is not None:
        library_refs = _load_refs(library)

    verifications: list[Verification] | None = None
    if verify and len(references):
        client = client or make_client(offline=offline, mailto=mailto, crossref_url=crossref_url, cache=cache)
        verifications = _verify(references, client, progress)
        if not any("snapshot" in n for n in notes):
            notes.extend(_provenance_notes(verifications))
    elif not verify:
        notes.append("References were not checked against Crossref (--no-verify).")

    report = coverage_report(the_article, registry, references, verifications, library=library_refs)
    problems = _all_problems(the_article, references, registry, report)
    title = the_article.title or (Path(article).name if article is not None else None)
    text = render(report, fmt, title=title, notes=notes)
    coverage = _coverage(report)
    reasons: list[str] = []
    if fail_under is not None and coverage < fail_under:
        reasons.append(f"coverage {coverage:.1f}% is below --fail-under {fail_under:g}%")
    if strict and problems:
        reasons.append(f"{len(problems)} problem(s) in the inputs (--strict)")
    written = write_text_atomic(output, text) if output is not None else None
    return ReportRun(
        report=report,
        text=text,
        format=fmt,
        coverage=coverage,
        problems=tuple(problems),
        exit_code=EXIT_FAILED if reasons else EXIT_OK,
        notes=tuple(notes),
        output=written,
        verifications=tuple(verifications) if verifications is not None else None,
        reasons=tuple(reasons),
    )


# Problems that mean the registry as a whole could not be read (not one claim in it): reporting on such a
# registry would show "100% of 0 claims supported" and pass any --fail-under gate.
_UNREADABLE_REGISTRY = frozenset(
    {"claims.yaml_syntax", "claims.yaml_bomb", "claims.yaml_unsafe_tag", "claims.not_mapping", "claims.empty"}
)


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


def _report_format(fmt: str | None, output: str | os.PathLike[str] | None) -> str:
    if fmt is None:
        suffix = Path(output).suffix.lower() if output is not None else ""
        fmt = SUFFIX_FORMATS.get(suffix, "text")
    if fmt not in REPORT_FORMATS:
        raise UsageError(f"unknown report format {fmt!r}; choose one of: {', '.join(REPORT_FORMATS)}")
    return fmt


def _drafted(article: Article) -> ClaimRegistry:
    from .drafting import draft_claims

    return draft_claims(article)


def _load_refs(path: str | os.PathLike[str]) -> ReferenceList:
    file = _existing_file(path, "reference file")
    from .references import load_references

    return load_references(file)


def _all_problems(*sources: object) -> list[Problem]:
    out: list[Problem] = []
    seen: set[int] = set()
    for source in sources:
        for problem in getattr(source, "problems", ()) or ():
            if hasattr(problem, "code") and id(problem) not in seen:
                seen.add(id(problem))
                out.append(problem)
    return out


def _coverage(report: CoverageReport) -> float:
    from .report._data import coverage_percent

    return coverage_percent(report.to_dict())


# --- verify -------------------------------------------------------------------------------------------------


class VerifyRun(NamedTuple):
    references: ReferenceList
    verifications: tuple[Verification, ...]
    text: str
    exit_code: int
    reasons: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()  # what the user can do about lookups that failed (printed on stderr)


VERIFY_COLUMNS = (
    "key",
    "status",
    "doi",
    "suggested_doi",
    "mismatches",
    "notices",
    "design",
    "level",
    "provenance",
    "message",
)


def verification_rows(verifications: Sequence[Verification]) -> list[dict[str, Any]]:
    """One JSON-ready object per reference (the ``verify --format json`` schema), in input order.

    ``mismatches`` maps each disagreeing field to ``[ours, Crossref's]`` (as in the report's JSON);
    ``notices`` is a list of ``{kind, doi, date, source}``; ``provenance`` is ``{kind, fetched, note}``
    (``kind`` ``live``, ``cache`` or ``snapshot`` — a snapshot record was written from the published record,
    not fetched from Crossref) or null.
    """
    out = []
    for result in verifications:
        provenance = result.provenance
        out.append(
            {
                "key": result.key,
                "status": result.status,
                "doi": result.doi,
                "suggested_doi": result.suggested_doi,
                "mismatches": {name: [pair[0], pair[1]] for name, pair in result.mismatches.items()},
                "notices": [
                    {"kind": n.kind, "doi": n.doi, "date": n.date, "source": n.source} for n in result.notices
                ],
                "design": result.design,
                "level": result.level,
                "provenance": (
                    {"kind": provenance.kind, "fetched": provenance.fetched, "note": provenance.note}
                    if provenance is not None
                    else None
                ),
                "message": result.message,
            }
        )
    return out


def run_verify(
    refs: str | os.PathLike[str],
    *,
    fmt: str = "table",
    strict: bool = False,
    offline: bool = False,
    mailto: str | None = None,
    crossref_url: str | None = None,
    cache: str | os.PathLike[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    client: CrossrefClient | None = None,
    width: int | None = None,
) -> VerifyRun:
    """Check every reference in ``refs`` (.bib, CSL-JSON, or a reference list) against Crossref.

    ``fmt``: ``table`` (terminal), ``json`` (a list with one object per reference, see
    :func:`verification_rows`) or ``csv``. Under ``strict``, reading problems or a reference that failed
    verification (``mismatch``, ``not_found``, ``malformed_doi``) or carries a retraction make the exit code
    1.
    """
    if fmt not in VERIFY_FORMATS:
        raise UsageError(f"unknown verify format {fmt!r}; choose one of: {', '.join(VERIFY_FORMATS)}")
    references = _load_refs(refs)
    client = client or make_client(offline=offline, mailto=mailto, crossref_url=crossref_url, cache=cache)
    verifications = tuple(_verify(references, client, progress))
    rows = verification_rows(verifications)
    if fmt == "json":
        import json

        from .report.json import json_ready

        text = json.dumps(json_ready(rows), indent=2, ensure_ascii=False) + "\n"
    elif fmt == "csv":
        text = _verify_csv(rows)
    else:
        text = _verify_table(rows, references, verifications, width)
    reasons: list[str] = []
    if strict:
        failed = [v.key for v in verifications if v.status in FAILED_STATUSES or v.retracted]
        if failed:
            reasons.append(
                f"{len(failed)} reference(s) failed verification or are retracted: {', '.join(failed)}"
            )
        if references.problems:
            reasons.append(f"{len(references.problems)} problem(s) reading {refs}")
    hints: list[str] = []
    rate_limited = any(v.status == "unverified" and "HTTP 429" in v.message for v in verifications)
    if rate_limited and not getattr(client, "polite", True):
        hints.append(
            "Crossref limited the rate of requests (HTTP 429). Give your e-mail with --mailto (or "
            "NEEDLING_EVIDENCE_MAILTO) to use its polite pool, and run again later."
        )
    code = EXIT_FAILED if reasons else EXIT_OK
    return VerifyRun(references, verifications, text, code, tuple(reasons), tuple(hints))


def _verify_csv(rows: Sequence[dict[str, Any]]) -> str:
    import csv
    import io

    from .report._data import cell_text, mismatches_pairs, notices_text, provenance_text

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(VERIFY_COLUMNS)
    for row in rows:
        cells = dict(row)
        cells["mismatches"] = "; ".join(
            f"{name}: {ours} | {theirs}" for name, ours, theirs in mismatches_pairs(row["mismatches"])
        )
        cells["notices"] = "; ".join(notices_text(row["notices"]))
        cells["provenance"] = provenance_text(row["provenance"]) if row["provenance"] else ""
        writer.writerow([cell_text(cells[name]) for name in VERIFY_COLUMNS])
    return out.getvalue()


def _verify_table(
    rows: Sequence[dict[str, Any]],
    references: ReferenceList,
    verifications: Sequence[Verification],
    width: int | None,
) -> str:
    from .report._data import mismatches_pairs, notices_text, provenance_text
    from .report.text import format_table

    body = []
    for row, result in zip(rows, verifications, strict=True):
        # a retracted work keeps its status (the metadata agrees): the row says so before anything else
        details = ["RETRACTED"] if result.retracted else []
        details += [
            f"{name}: ours {ours!r}, Crossref {theirs!r}"
            for name, ours, theirs in mismatches_pairs(row["mismatches"])
        ]
        details += [f"NOTICE {text}" for text in notices_text(row["notices"])]
        if row["suggested_doi"]:
            details.append(f"found DOI {row['suggested_doi']}")
        body.append(
            [
                row["key"],
                row["status"],
                row["doi"] or "",
                row["design"] or "",
                row["level"] if row["level"] is not None else "",
                "; ".join(details) or row["message"],
                provenance_text(row["provenance"]),
            ]
        )
    table = format_table(
        ("key", "status", "DOI", "design", "level", "what was found", "checked against"),
        body,
        width,
        whole=(0, 2),  # keys and DOIs are identifiers: prose gives way before they are broken
    )
    counts: dict[str, int] = {}
    for result in verifications:
        counts[result.status] = counts.get(result.status, 0) + 1
    tally = ", ".join(f"{count} {status}" for status, count in counts.items())
    retracted = [result.key for result in verifications if result.retracted]
    if retracted:
        tally += f"; {len(retracted)} retracted ({', '.join(retracted)})"
    lines = [table, "", f"{len(verifications)} reference(s): {tally}."]
    lines.extend(f"{problem}" for problem in references.problems)
    return "\n".join(lines) + "\n"


# --- refs parse / refs fix ----------------------------------------------------------------------------------


def run_refs_parse(
    file: str | os.PathLike[str], *, output: str | os.PathLike[str] | None = None
) -> tuple[ReferenceList, str]:
    """Read a reference list (a pasted APA/Vancouver/numbered/bulleted list, or .bib / CSL-JSON) and convert
    it: to BibTeX, or to CSL-JSON when ``output`` ends in ``.json``. Writes ``output`` atomically when given
    (a file it replaces is kept as ``<output>.bak``); returns the references and the converted text."""
    references = _load_refs(file)
    if Path(file).suffix.lower() not in (".bib", ".json"):
        references = _keep_unread_text(references)
    target = Path(output) if output is not None else None
    suffix = target.suffix.lower() if target is not None else ".bib"
    if suffix == ".json":
        from .references.csl import write_csl_json

        text = str(write_csl_json(references))  # no path given: the JSON text
    elif suffix == ".bib":
        from .references.bibtex import write_bibtex

        text = write_bibtex(references)
    else:
        raise UsageError(f"-o must end in .bib (BibTeX) or .json (CSL-JSON), not {suffix or 'no suffix'}")
    if target is not None:
        # the target may be someone's library: a fresh conversion must not take its comments and layout away
        atomic_write_text(target, text, backup=True)
    return references, text


def _keep_unread_text(references: ReferenceList) -> ReferenceList:
    """Pasted references the parser could not read (no title), or read only in part, with what the user wrote
    put in ``note``: BibTeX and CSL-JSON have no place for the original text, and without this the converted
    file would hold a bare ``year`` where the reference was."""
    from dataclasses import replace

    from .model import ReferenceList

    kept: list[Reference] = []
    for ref in references:
        if ref.title is None and ref.raw:
            unread = f"Not read as a reference; as written: {' '.join(ref.raw.split())}"
        elif ref.fields.get("unparsed_text"):
            unread = f"Text not read: {ref.fields['unparsed_text']}"
        else:
            kept.append(ref)
            continue
        kept.append(replace(ref, note=f"{ref.note}. {unread}" if ref.note else unread))
    return ReferenceList(kept, problems=references.problems, source=references.source)


class FixRun(NamedTuple):
    """What :func:`run_refs_fix` found: ``additions`` maps entry key -> DOI to add; ``written`` is True only
    when the file was changed; ``backup`` is the copy of the original made first. ``skipped``: entries
    searched with no validated match; ``unchecked``: entries whose search failed (offline, network, rate
    limit) — key -> why; ``problems``: what could not be read from the file (those entries were not searched).
    """

    path: Path
    additions: dict[str, str]
    verifications: tuple[Verification, ...]
    written: bool = False
    backup: Path | None = None
    skipped: Mapping[str, str] = {}  # never mutated; NamedTuple defaults are shared
    unchecked: Mapping[str, str] = {}
    problems: tuple[Problem, ...] = ()


def run_refs_fix(
    bib: str | os.PathLike[str],
    *,
    write: bool = False,
    offline: bool = False,
    mailto: str | None = None,
    crossref_url: str | None = None,
    cache: str | os.PathLike[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    client: CrossrefClient | None = None,
) -> FixRun:
    """Find DOIs for the entries of a .bib file that have none. Only validated matches (``doi_found``) count.

    A dry run by default: nothing is written. With ``write=True`` the ``doi`` fields are added through the
    byte-preserving BibTeX writer (every other byte of the file unchanged), atomically, after copying the
    original to ``<file>.bak``.
    """
    from .references.bibtex import read_bibtex

    path = _existing_file(bib, "BibTeX file")
    if path.suffix.lower() != ".bib":
        raise UsageError(f"refs fix edits BibTeX files (.bib), not {path.name}")
    references = read_bibtex(path)
    client = client or make_client(offline=offline, mailto=mailto, crossref_url=crossref_url, cache=cache)
    verifications = tuple(_verify(references, client, progress))
    additions: dict[str, str] = {}
    skipped: dict[str, str] = {}
    unchecked: dict[str, str] = {}
    for ref, result in zip(references, verifications, strict=True):
        # a DOI is searched for only when the entry's doi field is absent or empty (`doi = {}`, as reference
        # managers' templates leave it), so filling it in replaces nothing the user wrote
        blank = not ref.doi and not ref.fields.get("doi", "").strip()
        if result.status == "doi_found" and result.suggested_doi and blank:
            additions[ref.key] = result.suggested_doi
        elif result.status == "no_doi":
            skipped[ref.key] = result.message or "no validated match"
        elif result.status == "unverified" and not ref.doi:
            unchecked[ref.key] = result.message or "the search failed"
    backup: Path | None = None
    if write and additions:
        from .references.bibtex import add_bibtex_fields

        # the BibTeX writer splices the new fields in, keeps every other byte, writes atomically and keeps the
        # previous file as <file>.bak
        updates = {key: {"doi": doi} for key, doi in additions.items()}
        add_bibtex_fields(path, updates, overwrite=True, backup=True)  # only empty doi fields are replaced
        backup = path.with_name(path.name + ".bak")
    return FixRun(
        path,
        additions,
        verifications,
        bool(write and additions),
        backup,
        skipped,
        unchecked,
        references.problems,
    )


# --- claims draft -------------------------------------------------------------------------------------------


def run_claims_draft(
    article: str | os.PathLike[str], *, output: str | os.PathLike[str] | None = None, force: bool = False
) -> tuple[ClaimRegistry, str]:
    """Draft candidate claims from an article and write them as a registry YAML an editor can complete (add
    evidence, fix kinds); it loads back with :func:`load_claims`. Returns the registry and the YAML text.

    An existing ``output`` is not replaced unless ``force``: it is most likely a registry someone has already
    reviewed, and a fresh draft would silently drop every evidence entry in it."""
    from .article import load_article

    if output is not None and not force and Path(output).exists():
        raise UsageError(
            f"{output} already exists and may hold reviewed claims; write the draft elsewhere, or pass "
            "--force to replace it"
        )
    the_article = load_article(_existing_file(article, "article"))
    registry = _drafted(the_article)
    text = registry_yaml(registry, the_article, article_path=str(article))
    if output is not None:
        write_text_atomic(output, text)
    return registry, text


def registry_yaml(registry: ClaimRegistry, article: Article, *, article_path: str | None = None) -> str:
    """A claims registry as YAML in the shipped schema (``claims_schema.yaml``), with no evidence yet."""
    import yaml

    claims = []
    for claim in registry:
        sentence = article.sentence(claim.sentence_id) if claim.sentence_id else None
        entry: dict[str, Any] = {
            "id": claim.id,
            "text": claim.text,
            "quote": claim.quote or (sentence.text if sentence is not None else claim.text),
            "kind": claim.kind,
        }
        for name in ("condition", "population", "note"):
            value = getattr(claim, name)
            if value:
                entry[name] = value
        entry["evidence"] = []
        claims.append(entry)
    document: dict[str, Any] = {"schema_version": 1}
    meta = {k: v for k, v in (("title", article.title), ("file", article_path)) if v}
    if meta:
        document["article"] = meta
    document["note"] = (
        "Drafted by `needling-evidence claims draft`: candidate claims only. Check each text, kind and "
        "quote; delete what is not a claim; add evidence entries (source, stance, directness, rationale) as "
        "you review."
    )
    document["claims"] = claims
    header = "# Claims registry drafted by needling-evidence. Schema: needling_evidence/claims_schema.yaml\n"
    return header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


# --- cache --------------------------------------------------------------------------------------------------


def run_cache_info(cache: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """What the Crossref cache holds (path, rows, size, oldest and newest entries)."""
    from .crossref.cache import cache_info

    return cache_info(cache)


def run_cache_clear(cache: str | os.PathLike[str] | None = None) -> int:
    """Empty the Crossref cache; returns how many cached answers were deleted."""
    from .crossref.cache import clear

    return clear(cache)


# --- argument parsing ---------------------------------------------------------------------------------------

EPILOG = """\
examples:
  needling-evidence report                       the bundled dry-needling article, offline
  needling-evidence report article.md --refs refs.bib --claims claims.yaml -o report.html --fail-under 80
  needling-evidence verify references.bib --mailto me@example.org --format json
  needling-evidence refs parse refs.txt -o refs.bib
  needling-evidence refs fix references.bib --write
  needling-evidence claims draft article.md -o claims.yaml
  needling-evidence cache info

exit codes: 0 the run worked (gaps are still a success); 1 coverage below --fail-under or problems under
--strict; 2 usage error or unreadable input.

environment: NEEDLING_EVIDENCE_MAILTO (polite pool e-mail), NEEDLING_EVIDENCE_CROSSREF_URL (another
Crossref-compatible server), NEEDLING_EVIDENCE_CACHE (cache file).
"""


class _Parser(argparse.ArgumentParser):
    """argparse, but every usage error says what to type for help."""

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\nTry '{self.prog} --help'.\n")


def _wrap(text: str) -> str:
    """A help description wrapped for the raw formatter (which keeps the examples' line breaks)."""
    import textwrap

    return textwrap.fill(text, HELP_WIDTH)


def _crossref_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("Crossref")
    group.add_argument(
        "--mailto",
        metavar="EMAIL",
        help="your e-mail, sent to Crossref to use its polite pool (default: $NEEDLING_EVIDENCE_MAILTO)",
    )
    group.add_argument("--offline", action="store_true", help="no network: answer from the cache only")
    group.add_argument(
        "--crossref-url",
        metavar="URL",
        help="another Crossref-compatible API (default: $NEEDLING_EVIDENCE_CROSSREF_URL or api.crossref.org)",
    )
    group.add_argument(
        "--cache",
        metavar="FILE",
        help="the cache file (default: $NEEDLING_EVIDENCE_CACHE or the user cache dir)",
    )


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = _Parser(
        prog=PROG,
        description=_wrap(
            "Check a health article's references against Crossref and map its claims to the sources "
            "that support them."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    report = commands.add_parser(
        "report",
        help="the claim-coverage report of an article (default: the bundled one)",
        description=_wrap(
            "The claim-coverage report: which claims are supported, by which source and how "
            "strongly, and every gap. With no ARTICLE: the bundled dry-needling article, checked offline "
            "against the bundled snapshot."
        ),
        epilog="examples:\n  needling-evidence report\n  needling-evidence report article.md -o report.html\n"
        "  needling-evidence report article.md --refs refs.bib --claims claims.yaml --format md \\\n"
        "      --fail-under 80",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument("article", nargs="?", metavar="ARTICLE", help="the article (Markdown or plain text)")
    report.add_argument("--refs", metavar="FILE", help="references (.bib, CSL-JSON .json, .txt/.md list)")
    report.add_argument(
        "--claims", metavar="FILE", help="claims registry (YAML); default: drafted from the article"
    )
    report.add_argument(
        "--library", metavar="FILE", help="more works to suggest from (never counted as support)"
    )
    report.add_argument(
        "--format",
        choices=REPORT_FORMATS,
        help="output format (default: from the -o suffix, else a terminal summary)",
    )
    report.add_argument(
        "-o", "--output", metavar="FILE", help="write the report here instead of the terminal"
    )
    report.add_argument(
        "--fail-under", type=float, metavar="PCT", help="exit 1 when fewer than PCT%% of claims are supported"
    )
    report.add_argument("--strict", action="store_true", help="exit 1 when the inputs have any problem")
    report.add_argument("--no-verify", action="store_true", help="do not check references against Crossref")
    _crossref_options(report)
    report.set_defaults(handler=_cmd_report)

    verify = commands.add_parser(
        "verify",
        help="check every reference against Crossref",
        description=_wrap(
            "Check each reference: DOI, metadata field by field, missing DOIs, retractions and other "
            "notices, study design."
        ),
        epilog="examples:\n  needling-evidence verify references.bib --mailto me@example.org\n"
        "  needling-evidence verify refs.txt --format json > checked.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    verify.add_argument("refs", metavar="REFS", help="references (.bib, CSL-JSON .json, .txt/.md list)")
    verify.add_argument(
        "--format",
        choices=VERIFY_FORMATS,
        default=None,
        help="output format (default: from the -o suffix, .json or .csv; else table)",
    )
    verify.add_argument("-o", "--output", metavar="FILE", help="write here instead of the terminal")
    verify.add_argument(
        "--strict", action="store_true", help="exit 1 when any reference fails or is retracted"
    )
    _crossref_options(verify)
    verify.set_defaults(handler=_cmd_verify)

    refs = commands.add_parser("refs", help="convert or fix reference files", description="Reference files.")
    refs_commands = refs.add_subparsers(dest="refs_command", metavar="ACTION", parser_class=_Parser)
    parse = refs_commands.add_parser(
        "parse",
        help="a pasted reference list -> BibTeX or CSL-JSON",
        description=_wrap(
            "Read a reference list as people paste them (APA, Vancouver, numbered, bulleted) and "
            "write BibTeX (.bib) or CSL-JSON (.json), by the -o suffix; to the terminal as BibTeX without -o."
        ),
        epilog="examples:\n  needling-evidence refs parse refs.txt -o refs.bib\n"
        "  needling-evidence refs parse refs.txt -o refs.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse.add_argument("file", metavar="FILE", help="the reference list (.txt/.md), or .bib / CSL-JSON")
    parse.add_argument("-o", "--output", metavar="FILE", help="refs.bib or refs.json")
    parse.set_defaults(handler=_cmd_refs_parse)
    fix = refs_commands.add_parser(
        "fix",
        help="add DOIs found on Crossref to a .bib (dry run unless --write)",
        description=_wrap(
            "Look up the entries that have no DOI; show the validated matches. With --write, add "
            "them (a backup <file>.bak is kept; every other byte of the file is unchanged)."
        ),
        epilog="examples:\n  needling-evidence refs fix references.bib\n"
        "  needling-evidence refs fix references.bib --write --mailto me@example.org",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    fix.add_argument("bib", metavar="REFS.bib")
    fix.add_argument(
        "--write", action="store_true", help="change the file (default: only show what would change)"
    )
    _crossref_options(fix)
    fix.set_defaults(handler=_cmd_refs_fix)
    refs.set_defaults(handler=_needs_action(refs))

    claims = commands.add_parser("claims", help="claims registries", description="Claims registries.")
    claims_commands = claims.add_subparsers(dest="claims_command", metavar="ACTION", parser_class=_Parser)
    draft = claims_commands.add_parser(
        "draft",
        help="draft a claims registry (YAML) from an article",
        description=_wrap(
            "Find the check-worthy claims in an article and write them as a registry for an editor "
            "to review and complete."
        ),
        epilog="example:\n  needling-evidence claims draft article.md -o claims.yaml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    draft.add_argument("article", metavar="ARTICLE")
    draft.add_argument("-o", "--output", metavar="FILE", help="claims.yaml (default: the terminal)")
    draft.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (it may hold reviewed claims)"
    )
    draft.set_defaults(handler=_cmd_claims_draft)
    claims.set_defaults(handler=_needs_action(claims))

    cache = commands.add_parser("cache", help="the Crossref cache", description="The local Crossref cache.")
    cache_commands = cache.add_subparsers(dest="cache_command", metavar="ACTION", parser_class=_Parser)
    for name, helptext in (
        ("info", "where it is and what it holds"),
        ("clear", "delete every cached answer"),
    ):
        sub = cache_commands.add_parser(name, help=helptext, description=helptext.capitalize() + ".")
        sub.add_argument(
            "--cache",
            metavar="FILE",
            help="the cache file (default: $NEEDLING_EVIDENCE_CACHE or the user cache dir)",
        )
        sub.set_defaults(handler=_cmd_cache_info if name == "info" else _cmd_cache_clear)
    cache.set_defaults(handler=_needs_action(cache))
    return parser


def _needs_action(parser: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    def handler(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return EXIT_USAGE

    return handler


# --- command wrappers ---------------------------------------------------------------------------------------


_Result = TypeVar("_Result")


def _progress(label: str) -> ProgressBar:
    return ProgressBar(label, sys.stderr)


def _with_crossref(
    label: str, command: Callable[..., _Result], args: argparse.Namespace, *positional: Any, **options: Any
) -> _Result:
    """Call a ``run_*`` command that talks to Crossref with the shared Crossref options from ``args``
    (``--offline``, ``--mailto``, ``--crossref-url``, ``--cache``) and a progress bar labelled ``label``,
    closed however the command ends."""
    bar = _progress(label)
    try:
        return command(
            *positional,
            offline=args.offline,
            mailto=args.mailto,
            crossref_url=args.crossref_url,
            cache=args.cache,
            progress=bar,
            **options,
        )
    finally:
        bar.close()


def _emit(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        write_text_atomic(output, text)
        print(f"wrote {output}", file=sys.stderr)


def _cmd_report(args: argparse.Namespace) -> int:
    run = _with_crossref(
        "Checking references",
        run_report,
        args,
        args.article,
        refs=args.refs,
        claims=args.claims,
        library=args.library,
        fmt=args.format,
        output=args.output,
        fail_under=args.fail_under,
        strict=args.strict,
        verify=not args.no_verify,
    )
    if run.output is None:
        sys.stdout.write(run.text)
    else:
        print(f"wrote {run.output} ({run.format}): {run.coverage:.0f}% of claims supported", file=sys.stderr)
    for problem in run.problems[:20] if args.strict else ():
        print(f"  {problem}", file=sys.stderr)
    for reason in run.reasons:
        print(f"{PROG}: {reason}", file=sys.stderr)
    return run.exit_code


def _cmd_verify(args: argparse.Namespace) -> int:
    fmt = args.format
    if fmt is None:  # as for `report` and `refs parse`: -o out.json means JSON
        suffix = Path(args.output).suffix.lower() if args.output else ""
        fmt = {".json": "json", ".csv": "csv"}.get(suffix, "table")
    run = _with_crossref("Checking references", run_verify, args, args.refs, fmt=fmt, strict=args.strict)
    _emit(run.text, args.output)
    for hint in run.hints:
        print(f"{PROG}: {hint}", file=sys.stderr)
    if fmt != "table":  # the table lists them under itself; JSON and CSV have no place for them
        for problem in run.references.problems:
            print(f"{problem}", file=sys.stderr)
    for reason in run.reasons:
        print(f"{PROG}: {reason}", file=sys.stderr)
    return run.exit_code


def _cmd_refs_parse(args: argparse.Namespace) -> int:
    replaced = args.output is not None and Path(args.output).is_file()
    references, text = run_refs_parse(args.file, output=args.output)
    if args.output is None:
        sys.stdout.write(text)
    else:
        kept = f" (the previous file is kept as {args.output}.bak)" if replaced else ""
        print(f"wrote {len(references)} reference(s) to {args.output}{kept}", file=sys.stderr)
    for problem in references.problems:
        print(f"{problem}", file=sys.stderr)
    return EXIT_OK


def _cmd_refs_fix(args: argparse.Namespace) -> int:
    run = _with_crossref("Looking up DOIs", run_refs_fix, args, args.bib, write=args.write)
    if not run.additions:
        print(f"No DOIs to add to {run.path}.")
    else:
        verb = "Added" if run.written else "Would add"
        print(f"{verb} {len(run.additions)} DOI(s) to {run.path}:")
        for key, doi in run.additions.items():
            print(f"  {key}: doi = {{{doi}}}")
        if run.written:
            print(f"Backup of the original: {run.backup}")
        else:
            print("Dry run: nothing was written. Add --write to change the file (a .bak backup is kept).")
    for key, why in run.skipped.items():
        print(f"  {key}: no DOI added ({why})")
    if run.unchecked:
        print(
            f"{len(run.unchecked)} entr(ies) without a DOI could not be searched (nothing decided for them):"
        )
        for key, why in run.unchecked.items():
            print(f"  {key}: {why}")
    for problem in run.problems:  # entries the reader skipped were not searched either
        print(f"{problem}", file=sys.stderr)
    return EXIT_OK


def _cmd_claims_draft(args: argparse.Namespace) -> int:
    registry, text = run_claims_draft(args.article, output=args.output, force=args.force)
    if args.output is None:
        sys.stdout.write(text)
    else:
        print(
            f"wrote {len(registry)} drafted claim(s) to {args.output}; review them before use",
            file=sys.stderr,
        )
    return EXIT_OK


def _cmd_cache_info(args: argparse.Namespace) -> int:
    info = run_cache_info(args.cache)
    for name, value in info.items():
        print(f"{name:>12}: {value}")
    return EXIT_OK


def _cmd_cache_clear(args: argparse.Namespace) -> int:
    deleted = run_cache_clear(args.cache)
    print(f"Deleted {deleted} cached answer(s).")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); returns the exit code."""
    parser = build_parser()
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list:
        args_list = ["report"]  # no arguments: the bundled article's report
    try:
        args = parser.parse_args(args_list)
    except SystemExit as stop:  # argparse exits on --help (0) and on usage errors (2)
        return int(stop.code) if isinstance(stop.code, int) else EXIT_USAGE
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return handler(args)
    except StrictError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_FAILED
    except (InputError, UsageError, CrossrefError) as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except NeedlingEvidenceError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        where = f"{error.filename}: " if getattr(error, "filename", None) else ""
        print(f"{PROG}: error: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
