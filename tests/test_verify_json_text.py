"""Two speed-ups of `verify` (issue 13) that must not change what it does: the rows are written with
report.json.indented_json, a faster writer of the same text as ``json.dumps(json_ready(rows), indent=2,
ensure_ascii=False)`` (same text on any JSON-like value, including those it leaves to the json module); and an
offline run pauses the cyclic collector, restoring it as it was."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from needling_evidence.report.json import indented_json as _json_text
from needling_evidence.report.json import json_ready

_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and infinities too: json_ready makes them null
    | st.text()  # any code point, lone surrogates and control characters included
)
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=4).map(tuple)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
        | st.dictionaries(st.integers() | st.text(max_size=2) | st.none(), inner, max_size=3)
    ),
    max_leaves=25,
)


def _expected(value: Any) -> str:
    return json.dumps(json_ready(value), indent=2, ensure_ascii=False)


@settings(max_examples=400, deadline=None)
@given(_VALUES)
def test_the_text_is_json_dumps_of_json_ready(value: Any) -> None:
    assert _json_text(value) == _expected(value)


def test_collisions_and_objects_go_through_the_json_module() -> None:
    clash = {1: "int key", "1": "str key"}  # json_ready keeps the last one
    assert _json_text(clash) == _expected(clash)
    assert json.loads(_json_text([clash])) == [{"1": "str key"}]
    with pytest.raises(TypeError):
        _json_text({"path": Path("x")})  # as json.dumps does
    assert _json_text([math.nan, math.inf, -0.0, 1e300, True, 2**70]) == _expected(
        [math.nan, math.inf, -0.0, 1e300, True, 2**70]
    )


class _Label(str):
    pass


def test_subclasses_are_written_as_json_writes_them() -> None:
    value = {"a": _Label("é\u202e\x07"), "b": (1, [2, ()]), "c": {}, "d": [], "e": {"x": {"y": None}}}
    assert _json_text(value) == _expected(value)


@pytest.mark.parametrize("threads", [1, 2])
def test_the_collector_pause_of_an_offline_run_restores_it_and_ages_only_when_alone(
    threads: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc
    import threading

    from needling_evidence.commands import _collector_paused_for_run

    # The number of threads is fixed for the test: other tests' server threads end when they will, and the
    # pause decides on the count when the run ends (it was read once inside and once here, and could differ).
    monkeypatch.setattr(threading, "active_count", lambda: threads)
    assert gc.isenabled()
    with _collector_paused_for_run():
        assert not gc.isenabled()
        made = [{"n": n} for n in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # nothing left frozen
    in_oldest = any(obj is made for obj in gc.get_objects(generation=2))
    # alone, what the run made goes to the oldest generation without a pass; with other threads, nothing moves
    assert in_oldest == (threads == 1)
    gc.disable()
    try:
        with _collector_paused_for_run():
            pass
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()
