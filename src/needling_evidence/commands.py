"""The commands as plain functions: each ``run_*()`` does what one ``needling-evidence`` command does and
returns its result, usable from Python and from notebooks; :mod:`.cli` is a thin face that turns arguments
into a call and the result into output and an exit code.

``run_report`` is :func:`~needling_evidence.check_article` plus rendering and the exit code; the others
verify, convert or fix reference files, draft claims, and manage the Crossref cache. Nothing heavy is imported
at module level (the command line imports this module before parsing its arguments).
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from ._files import atomic_write_text
from .errors import InputError, UsageError
from .pipeline import existing_file

if TYPE_CHECKING:
    from .coverage import CoverageReport
    from .crossref.client import CrossrefClient
    from .model import ClaimRegistry, Problem, Reference, ReferenceList, Verification
    from .pubmed.client import PubMedClient

# A cache file, None for the default one, or False for no cache at all (--no-cache).
CacheOption = str | os.PathLike[str] | Literal[False] | None

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "FAILED_STATUSES",
    "REPORT_FORMATS",
    "VERIFY_COLUMNS",
    "VERIFY_FORMATS",
    "FixRun",
    "ReportRun",
    "VerifyRun",
    "make_client",
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


# --- files --------------------------------------------------------------------------------------------------


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8, line endings as given) to ``path`` atomically: a reader never sees half a file
    and a failed write leaves the old file as it was (see :func:`._files.atomic_write_text`)."""
    return atomic_write_text(path, text)


# --- the Crossref client ------------------------------------------------------------------------------------


def make_client(
    *,
    offline: bool = False,
    mailto: str | None = None,
    crossref_url: str | None = None,
    cache: CacheOption = None,
) -> CrossrefClient:
    """A Crossref client from the command-line options (``None`` falls back on the environment variables)."""
    from .crossref.client import CrossrefClient

    return CrossrefClient(base_url=crossref_url, mailto=mailto, cache=cache, offline=offline)


def make_pubmed(
    client: CrossrefClient,
    *,
    no_pubmed: bool = False,
    pubmed_url: str | None = None,
    offline: bool = False,
    mailto: str | None = None,
) -> PubMedClient | Literal[False] | None:
    """The PubMed client from the command-line options: ``False`` with ``--no-pubmed``; with ``--pubmed-url``
    one for that server, sharing the Crossref client's cache file; else ``None`` (verification makes one
    configured like the Crossref client: ``$NEEDLING_EVIDENCE_PUBMED_URL``, ``$NCBI_API_KEY``)."""
    if no_pubmed:
        return False
    if pubmed_url is None:
        return None
    from .pubmed.client import PubMedClient

    cache = getattr(client, "cache", None)
    return PubMedClient(base_url=pubmed_url, email=mailto, cache=cache or False, offline=offline)


def _verify(
    references: Sequence[Reference],
    client: CrossrefClient,
    progress: Callable[[int, int], None] | None,
    pubmed: PubMedClient | Literal[False] | None = None,
) -> list[Verification]:
    from .crossref.verify import verify_references

    return verify_references(references, client, pubmed=pubmed, progress=progress)


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
    cache: CacheOption = None,
    verify: bool = True,
    progress: Callable[[int, int], None] | None = None,
    client: CrossrefClient | None = None,
    no_pubmed: bool = False,
    pubmed_url: str | None = None,
) -> ReportRun:
    """``needling-evidence report``: :func:`~needling_evidence.check_article` on files, rendered.

    With no ``article``: the bundled dry-needling article, its references and claims registry, verified
    offline against the bundled Crossref snapshot (unless ``crossref_url`` asks for a server). With an
    ``article``: references default to the article's own reference list and claims to :func:`draft_claims` of
    it; ``refs`` / ``claims`` / ``library`` replace or add to them. ``fmt`` is one of ``text md html json
    csv`` (default: from the ``output`` suffix, else ``text``). The report is written to ``output``
    atomically when given. ``strict`` and ``fail_under`` decide the exit code (problems stay records).
    """
    from .pipeline import check_article
    from .report import render

    fmt = _report_format(fmt, output)
    if fail_under is not None and not 0 <= fail_under <= 100:
        raise UsageError(f"--fail-under must be a percentage between 0 and 100, not {fail_under:g}")
    named = (
        (article, "article"),
        (refs, "reference file"),
        (claims, "claims registry"),
        (library, "reference file"),
    )
    for path, what in named:  # a missing file is named before any Crossref setting is judged
        if path is not None:
            existing_file(path, what)
    if client is None and verify and (article is not None or crossref_url is not None):
        client = make_client(offline=offline, mailto=mailto, crossref_url=crossref_url, cache=cache)
    pubmed = (
        make_pubmed(client, no_pubmed=no_pubmed, pubmed_url=pubmed_url, offline=offline, mailto=mailto)
        if client is not None
        else (False if no_pubmed else None)
    )
    report = check_article(
        _path(article),
        references=_path(refs),
        claims=_path(claims),
        library=_path(library),
        client=client,
        pubmed=pubmed,
        verify=verify,
        progress=progress,
    )
    problems = _unique(report.problems)
    title = report.summary.get("title") or (Path(article).name if article is not None else None)
    text = render(report, fmt, title=title, notes=report.notes)
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
        problems=problems,
        exit_code=EXIT_FAILED if reasons else EXIT_OK,
        notes=report.notes,
        output=written,
        reasons=tuple(reasons),
    )


def _path(path: str | os.PathLike[str] | None) -> Path | None:
    """A file the user named: a :class:`Path`, so the pipeline reads it as a file (never as text)."""
    return Path(path) if path is not None else None


def _report_format(fmt: str | None, output: str | os.PathLike[str] | None) -> str:
    if fmt is None:
        suffix = Path(output).suffix.lower() if output is not None else ""
        fmt = SUFFIX_FORMATS.get(suffix, "text")
    if fmt not in REPORT_FORMATS:
        raise UsageError(f"unknown report format {fmt!r}; choose one of: {', '.join(REPORT_FORMATS)}")
    return fmt


def _load_refs(path: str | os.PathLike[str]) -> ReferenceList:
    file = existing_file(path, "reference file")
    from .references import load_references

    return load_references(file)


def _unique(problems: Sequence[Problem]) -> tuple[Problem, ...]:
    """Each problem once: the article's reference list carries the same records as the article."""
    out: list[Problem] = []
    seen: set[int] = set()
    for problem in problems:
        if id(problem) not in seen:
            seen.add(id(problem))
            out.append(problem)
    return tuple(out)


def _coverage(report: CoverageReport) -> float:
    from .report._data import coverage_percent

    return coverage_percent(report)  # its summary: not to_dict(), every row copied (issue 13: 1 s, 100 MB)


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
    cache: CacheOption = None,
    progress: Callable[[int, int], None] | None = None,
    client: CrossrefClient | None = None,
    width: int | None = None,
    no_pubmed: bool = False,
    pubmed_url: str | None = None,
) -> VerifyRun:
    """Check every reference in ``refs`` (.bib, CSL-JSON, RIS, MEDLINE, or a reference list) against Crossref
    and PubMed (``no_pubmed``: Crossref only; ``pubmed_url``: another E-utilities server).

    ``fmt``: ``table`` (terminal), ``json`` (a list with one object per reference, see
    :func:`verification_rows`) or ``csv``. Under ``strict``, reading problems or a reference that failed
    verification (``mismatch``, ``not_found``, ``malformed_doi``) or carries a retraction make the exit code
    1.
    """
    if fmt not in VERIFY_FORMATS:
        raise UsageError(f"unknown verify format {fmt!r}; choose one of: {', '.join(VERIFY_FORMATS)}")
    from contextlib import nullcontext

    from .crossref.verify import _cyclic_gc_paused

    # Offline (answers from the cache or snapshot) the whole run is work on objects that stay alive to its
    # end — references, records, verifications, rows — with no network wait: each pass of the cyclic collector
    # over them is time lost (at 100,000 references, seconds; issue 13). Online, it is paused where verify
    # pauses it (reading, comparing) and over the rows below.
    quiet = offline if client is None else getattr(client, "offline", False) is True
    with _collector_paused_for_run() if quiet else nullcontext():
        references = _load_refs(refs)
        client = client or make_client(offline=offline, mailto=mailto, crossref_url=crossref_url, cache=cache)
        pubmed = make_pubmed(
            client, no_pubmed=no_pubmed, pubmed_url=pubmed_url, offline=offline, mailto=mailto
        )
        verifications = tuple(_verify(references, client, progress, pubmed))
        with _cyclic_gc_paused():  # rows and text, made from objects that all stay alive to the end
            rows = verification_rows(verifications)
            if fmt == "json":
                from .report.json import indented_json

                text = indented_json(rows) + "\n"
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


@contextmanager
def _collector_paused_for_run() -> Iterator[None]:
    """The cyclic collector paused over an offline run; what the run made and keeps (references, records,
    verifications, text) then goes straight to the collector's oldest generation (freeze, unfreeze), where
    objects that survived its passes would be: left young, the first collection after the pause traversed
    every one of them (about a second at 100,000 references). Young garbage from before the run is collected
    first, so only what the run made is aged; not done when other threads run (their garbage would be aged
    too) or something has frozen objects (a server before forking), which unfreezing would undo."""
    import gc
    import threading

    was_enabled = gc.isenabled()
    if was_enabled:
        gc.collect(1)
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if threading.active_count() == 1 and gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def _verify_csv(rows: Sequence[dict[str, Any]]) -> str:
    import csv
    import io

    from ._safe import csv_cell
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
        # a cell a spreadsheet would run as a formula is kept as text (issue 13)
        writer.writerow([csv_cell(cell_text(cells[name])) for name in VERIFY_COLUMNS])
    return out.getvalue()


def _verify_table(
    rows: Sequence[dict[str, Any]],
    references: ReferenceList,
    verifications: Sequence[Verification],
    width: int | None,
) -> str:
    """One row per reference (key, status, DOI, level: kept whole) followed by its design, what was found and
    where it was checked, wrapped to the terminal's width, so it reads at 80 columns."""
    from .report._data import mismatches_pairs, notices_text, provenance_short
    from .report.text import format_table, terminal_width

    body = []
    notes = []
    for row, result in zip(rows, verifications, strict=True):
        # a retracted work keeps its status (the metadata agrees): the row says so before anything else
        details = ["RETRACTED"] if result.retracted else []
        details += [  # each difference names the index that reported it
            f"{name}: ours {ours!r}, {_index_names(result.mismatch_sources.get(name))} {theirs!r}"
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
                row["level"] if row["level"] is not None else "",
            ]
        )
        # the design goes with the prose below: as a column it would be cut to "system/atic" at 80 columns
        design = (row["design"] or "").replace("_", " ")
        found = "; ".join(details) or row["message"]
        checked = f"checked against: {provenance_short(row['provenance'])}"
        notes.append(" — ".join(part for part in (design, found, checked) if part))
    table = format_table(
        ("key", "status", "DOI", "level"),
        body,
        width,
        whole=(0, 1, 2),  # keys, status words and DOIs: prose gives way before they are broken
        notes=notes,
    )
    counts: dict[str, int] = {}
    for result in verifications:
        counts[result.status] = counts.get(result.status, 0) + 1
    tally = ", ".join(f"{count} {status}" for status, count in counts.items())
    retracted = [result.key for result in verifications if result.retracted]
    if retracted:
        tally += f"; {len(retracted)} retracted ({', '.join(retracted)})"
    wrap_at = width or terminal_width()
    lines = [table, "", textwrap.fill(f"{len(verifications)} reference(s): {tally}.", wrap_at)]
    lines.extend(
        textwrap.fill(f"{problem}", wrap_at, subsequent_indent="    ", break_long_words=False)
        for problem in references.problems
    )
    return "\n".join(lines) + "\n"


# --- refs parse / refs fix ----------------------------------------------------------------------------------


def run_refs_parse(
    file: str | os.PathLike[str], *, output: str | os.PathLike[str] | None = None, force: bool = False
) -> tuple[ReferenceList, str]:
    """Read a reference list (a pasted APA/Vancouver/numbered/bulleted list, or .bib / CSL-JSON) and convert
    it: to BibTeX, or to CSL-JSON when ``output`` ends in ``.json``. Writes ``output`` atomically when given
    (a file it replaces is kept as ``<output>.bak``, or ``.bak.N`` when a ``.bak`` exists; a read-only one is
    refused unless ``force``); returns the references and the converted text."""
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
        atomic_write_text(target, text, backup=True, force=force)
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
    when the file was changed; ``backup`` is the copy of the original made first. ``verifications``: one per
    entry looked up (those without a DOI), in file order. ``skipped``: entries
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
    force: bool = False,
    offline: bool = False,
    mailto: str | None = None,
    crossref_url: str | None = None,
    cache: CacheOption = None,
    progress: Callable[[int, int], None] | None = None,
    client: CrossrefClient | None = None,
) -> FixRun:
    """Find DOIs for the entries of a .bib file that have none. Only validated matches (``doi_found``) count.

    A dry run by default: nothing is written. With ``write=True`` the ``doi`` fields are added through the
    byte-preserving BibTeX writer (every other byte of the file unchanged), atomically, after copying the
    original to ``<file>.bak``; a read-only file is refused unless ``force``.
    """
    from .references.bibtex import read_bibtex

    path = existing_file(bib, "BibTeX file")
    if path.suffix.lower() != ".bib":
        raise UsageError(f"refs fix edits BibTeX files (.bib), not {path.name}")
    references = read_bibtex(path)
    client = client or make_client(offline=offline, mailto=mailto, crossref_url=crossref_url, cache=cache)
    # Only entries whose doi field is absent or empty (`doi = {}`, as reference managers' templates leave it)
    # are looked up (issue 13: every entry was verified, so a 10,000-entry library with 20 missing DOIs made
    # 10,000 lookups); filling the field in replaces nothing the user wrote.
    missing = [ref for ref in references if not ref.doi and not ref.fields.get("doi", "").strip()]
    verifications = tuple(_verify(missing, client, progress))
    additions: dict[str, str] = {}
    skipped: dict[str, str] = {}
    unchecked: dict[str, str] = {}
    for ref, result in zip(missing, verifications, strict=True):
        if result.status == "doi_found" and result.suggested_doi:
            additions[ref.key] = result.suggested_doi
        elif result.status == "no_doi":
            skipped[ref.key] = result.message or "no validated match"
        elif result.status == "unverified":
            unchecked[ref.key] = result.message or "the search failed"
    backup: Path | None = None
    if write and additions:
        from .references.bibtex import add_bibtex_fields

        # the BibTeX writer splices the new fields in, keeps every other byte, writes atomically and keeps the
        # previous file as <file>.bak
        updates = {key: {"doi": doi} for key, doi in additions.items()}
        # only empty doi fields are replaced
        add_bibtex_fields(path, updates, overwrite=True, backup=True, force=force)
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
    from .claims import MAX_REGISTRY_BYTES, registry_yaml
    from .drafting import draft_claims

    if output is not None and not force and Path(output).exists():
        raise UsageError(
            f"{output} already exists and may hold reviewed claims; write the draft elsewhere, or pass "
            "--force to replace it"
        )
    the_article = load_article(existing_file(article, "article"))
    registry = draft_claims(the_article)
    text = registry_yaml(registry, the_article, article_path=str(article))
    size = len(text.encode("utf-8"))
    if size > MAX_REGISTRY_BYTES:
        # what `claims draft` writes must load back: load_claims refuses registries over the cap
        raise InputError(
            f"the drafted registry ({len(registry):,} claims) would be {size:,} bytes; registries over "
            f"{MAX_REGISTRY_BYTES:,} bytes cannot be read back, so none was written: split the article "
            "and draft a registry for each part",
            path=str(article),
        )
    if output is not None:
        write_text_atomic(output, text)
    return registry, text


# --- cache --------------------------------------------------------------------------------------------------


def run_cache_info(cache: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """What the Crossref cache holds (path, rows, size, oldest and newest entries)."""
    from .crossref.cache import cache_info

    return cache_info(cache)


def run_cache_clear(cache: str | os.PathLike[str] | None = None) -> int:
    """Empty the Crossref cache; returns how many cached answers were deleted."""
    from .crossref.cache import clear

    return clear(cache)


_INDEX_NAMES = {"crossref": "Crossref", "pubmed": "PubMed"}


def _index_names(sources: Sequence[str] | None) -> str:
    """ "Crossref", "PubMed" or "Crossref and PubMed" for the indexes a difference came from (Crossref when
    the verification does not say)."""
    names = [_INDEX_NAMES.get(source, source) for source in sources or ("crossref",)]
    return " and ".join(names)
