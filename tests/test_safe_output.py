"""Outputs safe where they are opened (issue 13): no terminal control reaches a terminal, no CSV cell runs
as a spreadsheet formula."""

from __future__ import annotations

import pytest

from needling_evidence._safe import csv_cell, terminal_text


@pytest.mark.parametrize(
    ("hostile", "shown"),
    [
        ("\x1b[2J\x1b[HPain relief", "Pain relief"),  # clear screen, cursor home
        ("\x1b]0;pwned\x07Title", "Title"),  # window title (OSC ... BEL)
        ("\x1b]8;;http://127.0.0.1/\x1b\\click\x1b]8;;\x1b\\", "click"),  # hyperlink (OSC ... ST)
        ("ding\x07dong", "dingdong"),  # bell
        ("invoice\u202etxt.exe", "invoicetxt.exe"),  # right-to-left override
        ("a\u2066b\u2069c\u200fd", "abcd"),  # isolates and a directional mark
        ("C1\x9b31mred", "C131mred"),  # an 8-bit CSI introducer is removed (its parameters become text)
        ("lone \x1b escape", "lone  escape"),
    ],
)
def test_terminal_text_removes_what_a_terminal_would_act_on(hostile: str, shown: str) -> None:
    assert terminal_text(hostile) == shown


def test_terminal_text_keeps_layout_and_every_printable_character() -> None:
    text = "Fernández-de-las-Peñas\tβ-endorphin ≤ 3 %\n“quoted” — 日本語 עברית"
    assert terminal_text(text) == text


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Pain relief", "Pain relief"),
        ("", ""),
        (-0.5, -0.5),
        (3, 3),
        (None, None),
    ],
)
def test_csv_cell_neutralises_formulas_and_leaves_data(value: object, cell: object) -> None:
    assert csv_cell(value) == cell
