"""The report as JSON: exactly :meth:`CoverageReport.to_dict`, versioned by its ``schema_version``.

Schema (top level; every table is a list of row objects with at least the columns named here — others may be
added within a schema version, none removed or renamed without a new version):

- ``schema_version``: the version of this layout.
- ``summary``: counts per claim status, percentage of claims supported, and other figures.
- ``claims``: ``claim_id``, ``text``, ``kind``, ``status`` (``supported``, ``weak``, ``conflicting``,
  ``contradicted`` or ``unsupported``; + the reason in words).
- ``links``: ``claim_id``, ``source_key``, ``stance``, ``directness``, ``origin`` (+ the reviewer's appraisal:
  ``certainty``, ``comparator``, ``timeframe``, ``outcome``, ``indirectness``, ``effect``; ``outside``).
- ``references``: ``key``, ``status``, ``doi``, ``title``, ``year`` (+ verification details).
- ``gaps``: ``gap``, ``claim_id``, ``source_key``, ``message``, worst first.

Missing values are ``null`` (never ``NaN``, which is not JSON).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Mapping
from json.encoder import encode_basestring  # the C one when it is there, as json.dumps uses
from typing import Any

__all__ = ["indented_json", "json_ready", "render_json"]


def json_ready(value: Any) -> Any:
    """``value`` with NaN/inf turned into ``None`` and tuples into lists, recursively."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Mapping):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(v) for v in value]
    return value


class _NotPlainJSON(Exception):
    """A value :func:`indented_json` leaves to the json module."""


def indented_json(value: Any) -> str:
    """``json.dumps(json_ready(value), indent=2, ensure_ascii=False)``, the same text made without the json
    module's token generators (with an indent it encodes in Python, token by token), which took a tenth of
    verifying 100,000 references (issue 13); anything but strings, numbers, booleans, None, lists, tuples and
    dicts with string keys goes through json.dumps."""

    def plain(value: Any, indent: str) -> str:
        if isinstance(value, str):
            return encode_basestring(value)
        if value is None:
            return "null"
        if value is True:
            return "true"
        if value is False:
            return "false"
        if isinstance(value, int):
            return int.__repr__(value)
        if isinstance(value, float):
            return float.__repr__(value) if math.isfinite(value) else "null"  # json_ready: NaN → None
        inner = indent + "  "
        if isinstance(value, (list, tuple)):
            if not value:
                return "[]"
            return "[" + inner + f",{inner}".join([plain(item, inner) for item in value]) + indent + "]"
        if type(value) is dict:
            if not value:
                return "{}"
            items = []
            for key, item in value.items():
                if not isinstance(key, str):
                    raise _NotPlainJSON  # json_ready makes it str(key), which may meet another key
                items.append(encode_basestring(key) + ": " + plain(item, inner))
            return "{" + inner + f",{inner}".join(items) + indent + "}"
        raise _NotPlainJSON

    try:
        return plain(value, "\n")
    except _NotPlainJSON:
        return json.dumps(json_ready(value), indent=2, ensure_ascii=False)


def render_json(report: object, *, indent: int | None = 2) -> str:
    """The report (a ``CoverageReport`` or its ``to_dict()``) as JSON text: exactly its ``to_dict()``."""
    parts = _parts(report)
    if isinstance(indent, int) and not isinstance(indent, bool) and parts is not None:
        return "".join(_indented_parts(parts, " " * indent))
    data = json_ready(_as_dict(report))
    encoder = json.JSONEncoder(indent=indent, ensure_ascii=False, allow_nan=False, default=str)
    # json.dumps with an indent gathers every token (millions for a long article) in one list before joining
    # them; joined a batch at a time, the same text needs a fraction of the memory (issue 13).
    pieces: list[str] = []
    batch: list[str] = []
    for chunk in encoder.iterencode(data):
        batch.append(chunk)
        if len(batch) >= 65536:
            pieces.append("".join(batch))
            batch.clear()
    pieces.append("".join(batch))
    pieces.append("\n")
    return "".join(pieces)


# What a row may hold to be written by the json module's C encoder in one call: exactly these types (a str
# or int subclass, a NaN or a nested list or dict takes the general way).
_FLAT_TYPES = frozenset({str, int, float, bool, type(None)})
_STR_ONLY = frozenset({str})


def _indented_parts(parts: Iterable[tuple[str, Any, bool]], unit: str) -> Iterator[str]:
    """The text ``json.JSONEncoder(indent=unit, ensure_ascii=False, allow_nan=False, default=str)`` makes of
    ``json_ready`` of the mapping ``parts`` stands for, and a newline, in pieces. A table (``True``: the value
    is an iterable of rows) is written row by row as its rows are made, so neither the whole mapping nor a
    json_ready copy of it is ever held (for a 5 MB article's report they were ~190 MB), and a row of plain
    values (nearly every row) is encoded by the C encoder, which the json module uses only without an indent:
    its item separator is given the newline and indentation an indented encoder would write (a string in JSON
    never holds a raw newline, so the layout is the same). Anything else is encoded at the top level and each
    of its newlines indented to where it stands."""
    general = json.JSONEncoder(indent=unit, ensure_ascii=False, allow_nan=False, default=str)
    flat: dict[int, json.JSONEncoder] = {}

    def value_text(value: Any, level: int) -> str:
        if (
            type(value) is dict
            and value
            and _FLAT_TYPES.issuperset(map(type, value.values()))
            and _STR_ONLY.issuperset(map(type, value))
        ):
            inner = "\n" + unit * (level + 1)
            encoder = flat.get(level)
            if encoder is None:
                encoder = flat[level] = json.JSONEncoder(
                    ensure_ascii=False, allow_nan=False, separators=("," + inner, ": ")
                )
            try:
                body = encoder.encode(value)
            except ValueError:
                pass  # NaN or an infinity: json_ready makes it null, the general way below
            else:
                return "{" + inner + body[1:-1] + "\n" + unit * level + "}"
        text = general.encode(json_ready(value))
        return text.replace("\n", "\n" + unit * level) if level else text

    first_key = "\n" + unit
    next_key = "," + first_key
    first_row = "\n" + unit * 2
    next_row = "," + first_row
    yield "{"
    for n, (key, value, table) in enumerate(parts):
        yield (next_key if n else first_key) + encode_basestring(key) + ": "
        if not table:
            yield value_text(value, 1)
            continue
        opened = False
        for row in value:
            yield next_row if opened else "[" + first_row
            yield value_text(row, 2)
            opened = True
        yield first_key + "]" if opened else "[]"
    yield "\n}\n"


def _parts(report: object) -> list[tuple[str, Any, bool]] | None:
    """The report's top-level keys in order, each with its value and whether that value is a table (rows made
    as they are read); ``None`` for a mapping with a key json_ready would have to turn into a string."""
    from ..coverage import CoverageReport

    if isinstance(report, CoverageReport):
        return report._dict_parts()
    if isinstance(report, Mapping):
        if not report or not all(type(key) is str for key in report):
            return None
        return [(key, value, type(value) in (list, tuple)) for key, value in report.items()]
    raise TypeError(f"expected a CoverageReport or its to_dict() mapping, not {type(report).__name__}")


def _as_dict(report: object) -> Mapping[str, Any]:
    """The ``to_dict()`` of a :class:`CoverageReport`, or a mapping already in that shape (written as is)."""
    from ..coverage import CoverageReport

    if isinstance(report, CoverageReport):
        return report.to_dict()
    if isinstance(report, Mapping):
        return report
    raise TypeError(f"expected a CoverageReport or its to_dict() mapping, not {type(report).__name__}")
