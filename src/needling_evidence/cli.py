"""The command line: ``needling-evidence`` (and ``python -m needling_evidence``).

A thin face: each subcommand declares its options in a small function, and its handler turns the arguments
into one call of a plain function in :mod:`.commands` (``report`` runs
:func:`~needling_evidence.check_article` there), prints the result and returns the exit code. Nothing
heavy is imported at module level: ``needling-evidence --help`` must stay fast, so pandas,
bibtexparser, tqdm and matplotlib load only inside the commands that need them.

Exit codes: 0 the run worked (a report full of gaps is still a successful run); 1 coverage below
``--fail-under``, or problems under ``--strict``; 2 a usage error or an input that cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from . import commands
from ._files import backup_path, written_file
from ._safe import err, say, show, terminal_text
from .commands import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    REPORT_FORMATS,
    VERIFY_FORMATS,
    write_text_atomic,
)
from .errors import CrossrefError, InputError, NeedlingEvidenceError, StrictError, UsageError
from .progress import Heartbeat, ProgressBar

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "ProgressBar", "build_parser", "main"]

PROG = "needling-evidence"
HELP_WIDTH = 100  # help descriptions wrap here; the examples in the epilogs are at most this wide

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

environment: NEEDLING_EVIDENCE_MAILTO (polite pool e-mail, also sent to NCBI), NEEDLING_EVIDENCE_CROSSREF_URL
(another Crossref-compatible server), NEEDLING_EVIDENCE_PUBMED_URL (another E-utilities server), NCBI_API_KEY,
NEEDLING_EVIDENCE_CACHE (cache file).
"""


# --- argument parsing: one function per subcommand ----------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse, but every usage error says what to type for help."""

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        # the message may quote what was typed (a file name, a choice): shown, never acted on
        self.exit(EXIT_USAGE, terminal_text(f"{self.prog}: error: {message}\nTry '{self.prog} --help'.\n"))


if TYPE_CHECKING:
    _Commands = argparse._SubParsersAction[_Parser]


def _wrap(text: str) -> str:
    """A help description wrapped for the raw formatter (which keeps the examples' line breaks)."""
    import textwrap

    return textwrap.fill(text, HELP_WIDTH)


def _command(
    commands_: _Commands, name: str, helptext: str, description: str, epilog: str
) -> argparse.ArgumentParser:
    """A subcommand whose help shows its description wrapped and its examples as written."""
    return commands_.add_parser(
        name,
        help=helptext,
        description=_wrap(description),
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _group(commands_: _Commands, name: str, helptext: str, description: str, dest: str) -> _Commands:
    """A command with actions of its own (``refs parse``); alone it prints its help and exits 2."""
    group = commands_.add_parser(name, help=helptext, description=description)
    group.set_defaults(handler=_needs_action(group))
    return group.add_subparsers(dest=dest, metavar="ACTION", parser_class=_Parser)


def _crossref_options(parser: argparse.ArgumentParser, *, pubmed: bool = True) -> None:
    group = parser.add_argument_group("Crossref and PubMed")
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
    if pubmed:
        group.add_argument("--no-pubmed", action="store_true", help="check against Crossref only")
        group.add_argument(
            "--pubmed-url",
            metavar="URL",
            help="another E-utilities base URL (default: $NEEDLING_EVIDENCE_PUBMED_URL or NCBI's; "
            "$NCBI_API_KEY raises NCBI's limit from 3 to 10 requests/s)",
        )
    _cache_option(group)


def _cache_option(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument(
        "--cache",
        metavar="FILE",
        help="the cache file (default: $NEEDLING_EVIDENCE_CACHE or the user cache dir)",
    )
    choice.add_argument(
        "--no-cache",
        dest="cache",
        action="store_const",
        const=False,
        help="use no cache file: nothing is read from or written to one",
    )


def _report_parser(commands_: _Commands) -> None:
    report = _command(
        commands_,
        "report",
        "the claim-coverage report of an article (default: the bundled one)",
        "The claim-coverage report: which claims are supported, by which source and how "
        "strongly, and every gap. With no ARTICLE: the bundled dry-needling article, checked offline "
        "against the bundled snapshot.",
        "examples:\n  needling-evidence report\n  needling-evidence report article.md -o report.html\n"
        "  needling-evidence report article.md --refs refs.bib --claims claims.yaml --format md \\\n"
        "      --fail-under 80",
    )
    report.add_argument("article", nargs="?", metavar="ARTICLE", help="the article (Markdown or plain text)")
    report.add_argument("--refs", metavar="FILE", help="references (.bib, CSL-JSON .json, .txt/.md list)")
    report.add_argument(
        "--claims", metavar="FILE", help="claims registry (YAML); default: drafted from the article"
    )
    report.add_argument(
        "--library",
        metavar="FILE",
        help="outside works: suggested, and reviewed links to them can contradict a claim, never support it",
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


def _verify_parser(commands_: _Commands) -> None:
    verify = _command(
        commands_,
        "verify",
        "check every reference against Crossref",
        "Check each reference: DOI, metadata field by field, missing DOIs, retractions and other "
        "notices, study design.",
        "examples:\n  needling-evidence verify references.bib --mailto me@example.org\n"
        "  needling-evidence verify refs.txt --format json > checked.json",
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


def _refs_parser(commands_: _Commands) -> None:
    actions = _group(commands_, "refs", "convert or fix reference files", "Reference files.", "refs_command")
    parse = _command(
        actions,
        "parse",
        "a pasted reference list -> BibTeX or CSL-JSON",
        "Read a reference list as people paste them (APA, Vancouver, Harvard, MLA, IEEE, Chicago, AMS; "
        "numbered or bulleted; an article's reference section), a .bib, CSL-JSON, RIS or PubMed export, and "
        "write BibTeX (.bib) or CSL-JSON (.json), by the -o suffix; to the terminal as BibTeX without -o.",
        "examples:\n  needling-evidence refs parse refs.txt -o refs.bib\n"
        "  needling-evidence refs parse refs.txt -o refs.json",
    )
    parse.add_argument("file", metavar="FILE", help="the reference list (.txt/.md), or .bib / CSL-JSON")
    parse.add_argument("-o", "--output", metavar="FILE", help="refs.bib or refs.json")
    parse.add_argument("--force", action="store_true", help="replace -o FILE even when it is read-only")
    parse.set_defaults(handler=_cmd_refs_parse)
    fix = _command(
        actions,
        "fix",
        "add DOIs found on Crossref to a .bib (dry run unless --write)",
        "Look up the entries that have no DOI; show the validated matches. With --write, add "
        "them (a backup <file>.bak is kept; every other byte of the file is unchanged).",
        "examples:\n  needling-evidence refs fix references.bib\n"
        "  needling-evidence refs fix references.bib --write --mailto me@example.org",
    )
    fix.add_argument("bib", metavar="REFS.bib")
    fix.add_argument(
        "--write", action="store_true", help="change the file (default: only show what would change)"
    )
    fix.add_argument("--force", action="store_true", help="with --write: change the file even when read-only")
    _crossref_options(fix, pubmed=False)
    fix.set_defaults(handler=_cmd_refs_fix)


def _claims_parser(commands_: _Commands) -> None:
    actions = _group(commands_, "claims", "claims registries", "Claims registries.", "claims_command")
    draft = _command(
        actions,
        "draft",
        "draft a claims registry (YAML) from an article",
        "Find the check-worthy claims in an article and write them as a registry for an editor "
        "to review and complete.",
        "example:\n  needling-evidence claims draft article.md -o claims.yaml",
    )
    draft.add_argument("article", metavar="ARTICLE")
    draft.add_argument("-o", "--output", metavar="FILE", help="claims.yaml (default: the terminal)")
    draft.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (it may hold reviewed claims)"
    )
    draft.set_defaults(handler=_cmd_claims_draft)


def _cache_parser(commands_: _Commands) -> None:
    actions = _group(commands_, "cache", "the Crossref cache", "The local Crossref cache.", "cache_command")
    for name, helptext, handler in (
        ("info", "where it is and what it holds", _cmd_cache_info),
        ("clear", "delete every cached answer", _cmd_cache_clear),
    ):
        action = actions.add_parser(name, help=helptext, description=helptext.capitalize() + ".")
        _cache_option(action)
        action.set_defaults(handler=handler)


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
    commands_ = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for declare in (_report_parser, _verify_parser, _refs_parser, _claims_parser, _cache_parser):
        declare(commands_)
    return parser


def _needs_action(parser: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    def handler(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return EXIT_USAGE

    return handler


# --- command handlers: arguments in, output and exit code out -----------------------------------------------


_Result = TypeVar("_Result")


def _with_crossref(
    label: str,
    command: Callable[..., _Result],
    args: argparse.Namespace,
    *positional: Any,
    inputs: Sequence[str | None] = (),
    **options: Any,
) -> _Result:
    """Call a ``run_*`` command that talks to Crossref with the shared Crossref options from ``args``
    (``--offline``, ``--mailto``, ``--crossref-url``, ``--cache``) and a progress bar labelled ``label``,
    closed however the command ends; while large ``inputs`` are read, a heartbeat until the bar starts."""
    bar = ProgressBar(label, sys.stderr)
    with Heartbeat(inputs, err) as heartbeat:

        def progress(done: int, total: int) -> None:
            heartbeat.stop()
            bar(done, total)

        try:
            return command(
                *positional,
                offline=args.offline,
                mailto=args.mailto,
                crossref_url=args.crossref_url,
                cache=args.cache,
                progress=progress,
                **options,
            )
        finally:
            bar.close()


def _emit(text: str, output: str | None, fmt: str = "text") -> None:
    if output is None:
        show(text, fmt)
    else:
        write_text_atomic(output, text)
        err(f"wrote {output}")


def _cmd_report(args: argparse.Namespace) -> int:
    run = _with_crossref(
        "Checking references",
        commands.run_report,
        args,
        args.article,
        inputs=(args.article, args.refs, args.claims, args.library),
        refs=args.refs,
        claims=args.claims,
        library=args.library,
        fmt=args.format,
        output=args.output,
        fail_under=args.fail_under,
        strict=args.strict,
        verify=not args.no_verify,
        no_pubmed=args.no_pubmed,
        pubmed_url=args.pubmed_url,
    )
    if run.output is None:
        show(run.text, run.format)
    else:
        err(f"wrote {run.output} ({run.format}): {run.coverage:.0f}% of claims supported")
    for problem in run.problems[:20] if args.strict else ():
        err(f"  {problem}")
    for reason in run.reasons:
        err(f"{PROG}: {reason}")
    return run.exit_code


def _cmd_verify(args: argparse.Namespace) -> int:
    fmt = args.format
    if fmt is None:  # as for `report` and `refs parse`: -o out.json means JSON
        suffix = Path(args.output).suffix.lower() if args.output else ""
        fmt = {".json": "json", ".csv": "csv"}.get(suffix, "table")
    run = _with_crossref(
        "Checking references",
        commands.run_verify,
        args,
        args.refs,
        inputs=(args.refs,),
        fmt=fmt,
        strict=args.strict,
        no_pubmed=args.no_pubmed,
        pubmed_url=args.pubmed_url,
    )
    _emit(run.text, args.output, fmt)
    for hint in run.hints:
        err(f"{PROG}: {hint}")
    if fmt != "table":  # the table lists them under itself; JSON and CSV have no place for them
        for problem in run.references.problems:
            err(f"{problem}")
    for reason in run.reasons:
        err(f"{PROG}: {reason}")
    return run.exit_code


def _cmd_refs_parse(args: argparse.Namespace) -> int:
    replaced = args.output is not None and Path(args.output).is_file()
    kept_as = backup_path(written_file(Path(args.output))) if replaced else None
    with Heartbeat((args.file,), err):
        references, text = commands.run_refs_parse(args.file, output=args.output, force=args.force)
    if args.output is None:
        show(text)
    else:
        kept = f" (the previous file is kept as {kept_as})" if kept_as is not None else ""
        err(f"wrote {len(references)} reference(s) to {args.output}{kept}")
    for problem in references.problems:
        err(f"{problem}")
    return EXIT_OK


def _cmd_refs_fix(args: argparse.Namespace) -> int:
    run = _with_crossref(
        "Looking up DOIs",
        commands.run_refs_fix,
        args,
        args.bib,
        inputs=(args.bib,),
        write=args.write,
        force=args.force,
    )
    if not run.additions:
        say(f"No DOIs to add to {run.path}.")
    else:
        verb = "Added" if run.written else "Would add"
        say(f"{verb} {len(run.additions)} DOI(s) to {run.path}:")
        for key, doi in run.additions.items():
            say(f"  {key}: doi = {{{doi}}}")
        if run.written:
            say(f"Backup of the original: {run.backup}")
        else:
            say("Dry run: nothing was written. Add --write to change the file (a .bak backup is kept).")
    for key, why in run.skipped.items():
        say(f"  {key}: no DOI added ({why})")
    if run.unchecked:
        say(f"{len(run.unchecked)} entr(ies) without a DOI could not be searched (nothing decided for them):")
        for key, why in run.unchecked.items():
            say(f"  {key}: {why}")
    for problem in run.problems:  # entries the reader skipped were not searched either
        err(f"{problem}")
    return EXIT_OK


def _cmd_claims_draft(args: argparse.Namespace) -> int:
    with Heartbeat((args.article,), err):
        registry, text = commands.run_claims_draft(args.article, output=args.output, force=args.force)
    if args.output is None:
        show(text)
    else:
        err(f"wrote {len(registry)} drafted claim(s) to {args.output}; review them before use")
    return EXIT_OK


def _cmd_cache_info(args: argparse.Namespace) -> int:
    info = commands.run_cache_info(args.cache)
    for name, value in info.items():
        say(f"{name:>12}: {value}")
    return EXIT_OK


def _cmd_cache_clear(args: argparse.Namespace) -> int:
    deleted = commands.run_cache_clear(args.cache)
    say(f"Deleted {deleted} cached answer(s).")
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
        err(f"{PROG}: {error}")
        return EXIT_FAILED
    except (InputError, UsageError, CrossrefError) as error:
        err(f"{PROG}: error: {error}")
        return EXIT_USAGE
    except NeedlingEvidenceError as error:
        err(f"{PROG}: error: {error}")
        return EXIT_USAGE
    except OSError as error:
        where = f"{error.filename}: " if getattr(error, "filename", None) else ""
        err(f"{PROG}: error: {where}{error.strerror or error}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        err(f"{PROG}: interrupted")
        return 130
