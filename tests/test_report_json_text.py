"""The report's JSON is written table by table, row by row (issue 13: a 5 MB article's report no longer holds
its whole ``to_dict()`` and a ``json_ready`` copy of it at once), and its plain rows by the json module's C
encoder; the text must stay what it was: ``json.dumps(json_ready(report.to_dict()), indent=2,
ensure_ascii=False, allow_nan=False, default=str)`` and a newline — on any report-shaped mapping, with odd
values too (NaN, infinities, str and int subclasses, objects written with ``str``, nested rows, keys that are
not strings)."""

from __future__ import annotations

import enum
import json
import math
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import needling_evidence as ne
from needling_evidence.report.json import json_ready, render_json


def _before(data: Any, indent: int | None = 2) -> str:
    """The text as render_json made it before rows were written one at a time."""
    text = json.dumps(json_ready(data), indent=indent, ensure_ascii=False, allow_nan=False, default=str)
    return text + "\n"


class _Word(str):
    pass


class _Level(enum.IntEnum):
    ONE = 1


_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and infinities: json_ready makes them null
    | st.text()  # any code point: lone surrogates, control characters, U+2028
    | st.sampled_from([_Word("sub"), _Level.ONE, Path("a/b"), -0.0, 2**70])
)
_NESTED = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(max_size=4), inner, max_size=3)
        | st.dictionaries(st.integers() | st.none() | st.booleans(), inner, max_size=2)
    ),
    max_leaves=8,
)
_ROWS = st.dictionaries(st.text(max_size=6), _LEAVES, max_size=6) | st.dictionaries(
    st.text(max_size=6), _NESTED, max_size=4
)
_TABLES = st.lists(_ROWS | _NESTED, max_size=5) | st.lists(_ROWS, max_size=3).map(tuple)
_REPORTS = st.dictionaries(st.text(max_size=8), _TABLES | _NESTED, max_size=6)


@settings(max_examples=300, deadline=None)
@given(_REPORTS, st.sampled_from([2, 0, 4]))
def test_the_text_is_what_the_json_module_makes_of_json_ready(report: dict[str, Any], indent: int) -> None:
    assert render_json(report, indent=indent) == _before(report, indent)


def test_a_report_mapping_with_keys_json_ready_turns_into_strings() -> None:
    data = {"rows": [{"a": 1}], 1: "one", "1": "the string one"}  # json_ready keeps the last "1"
    assert render_json(data) == _before(data)
    assert render_json({}) == _before({})
    assert render_json({"rows": [{"x": math.nan}]}, indent=None) == _before({"rows": [{"x": None}]}, None)


def test_plain_rows_nested_rows_and_empty_tables() -> None:
    data = {
        "schema_version": 1,
        "summary": {"by_status": {"weak": 2}, "title": "T\u2014\u2028"},
        "claims": [{"id": "c1", "score": 0.5, "ok": True, "none": None, "text": 'a "q" \n b'}, {}],
        "references": [{"key": "k", "mismatches": {"year": [1, 2]}, "notices": []}],
        "gaps": [],
        "odd": [{"nan": math.nan, "inf": -math.inf}, {"word": _Word("w"), "level": _Level.ONE}, [1, (2,)]],
    }
    assert render_json(data) == _before(data)


def test_the_bundled_report_is_written_as_before() -> None:
    report = ne.check_article()
    assert render_json(report) == _before(report.to_dict())
    assert json.loads(render_json(report)) == json.loads(json.dumps(json_ready(report.to_dict())))
