"""Text made safe for where it is opened: a terminal, a spreadsheet.

Everything an output shows comes from the user's inputs or an index's answer (titles, author names, messages),
so it may hold what a terminal or a spreadsheet would act on instead of showing:

- terminal: escape sequences (clear the screen, set the window title, hyperlinks, hide text), the bell, and
  the Unicode bidirectional controls that reorder what is read (U+202E turns "txt.exe" around) — removed, so a
  report shows exactly the characters it lists;
- spreadsheet: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to
  Excel, LibreOffice and Google Sheets (CSV injection, OWASP) — prefixed with ``'`` so it stays text.
"""

from __future__ import annotations

import re
import sys

__all__ = ["csv_cell", "err", "json_terminal_text", "say", "show", "terminal_text"]

# ESC-introduced sequences first (CSI "ESC [ … final", OSC "ESC ] … BEL/ST", other two-byte escapes), so
# that their parameters go with them, then any C0/C1 control character left (tab and newline are layout,
# kept), then the bidirectional embedding, override and isolate controls and the directional marks.
_TERMINAL_UNSAFE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clear screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|\x1b[@-_]?"  # other escapes, or a lone ESC
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"  # C0 and C1 controls but tab and newline
    r"|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"  # bidi marks, embeddings, overrides, isolates
)

# What JSON text can still hold raw after json.dumps (which escapes C0 controls, ESC included, as \u00XX):
# DEL, the C1 controls and the bidirectional controls.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# A leading character a spreadsheet reads as the start of a formula (OWASP "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def terminal_text(text: str) -> str:
    """``text`` without anything a terminal would act on instead of showing (see the module docstring)."""
    return _TERMINAL_UNSAFE.sub("", text)


def json_terminal_text(text: str) -> str:
    """JSON text (from :func:`json.dumps`) with every character a terminal would act on written as a
    ``\\u`` escape of four hex digits (ESC is ``\\u001b``): the same JSON values, nothing lost, nothing
    acted on."""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def csv_cell(value: object) -> object:
    """A value for a CSV cell: text that a spreadsheet would run as a formula gets a leading ``'``; numbers,
    booleans and ``None`` are left as they are (a negative number is data, not a formula)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


# --- the one door to the terminal ---------------------------------------------------------------------------
# Everything shown comes from the user's files or an index's answer (titles, names, messages). What reaches
# stdout or stderr goes through these three, which take out what a terminal would act on instead of showing
# (escape sequences, the bell, bidirectional overrides: issue 13); `-o FILE` keeps every character.


def say(line: str) -> None:
    """A line of the command's own output on stdout."""
    sys.stdout.write(terminal_text(line) + "\n")


def err(line: str) -> None:
    """A line on stderr: progress notes, problems, errors."""
    sys.stderr.write(terminal_text(line) + "\n")


def show(text: str, fmt: str = "text") -> None:
    """A rendered output (report, table, BibTeX, YAML, CSV, JSON) on stdout. JSON keeps its values: what a
    terminal would act on is written as a ``\\u`` escape (``\\u001b``) rather than taken out."""
    sys.stdout.write(json_terminal_text(text) if fmt == "json" else terminal_text(text))
