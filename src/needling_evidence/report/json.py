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
from collections.abc import Mapping
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
    from json.encoder import encode_basestring  # the C one when it is there, as json.dumps uses

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


def _as_dict(report: object) -> Mapping[str, Any]:
    """The ``to_dict()`` of a :class:`CoverageReport`, or a mapping already in that shape (written as is)."""
    from ..coverage import CoverageReport

    if isinstance(report, CoverageReport):
        return report.to_dict()
    if isinstance(report, Mapping):
        return report
    raise TypeError(f"expected a CoverageReport or its to_dict() mapping, not {type(report).__name__}")
