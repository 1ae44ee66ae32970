"""What a reader was given: the text itself, or the path of a file holding it."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError

__all__ = ["text_or_file"]


def text_or_file(path_or_text: str | os.PathLike[str], marker: str) -> tuple[str, str | None]:
    """``(text, source)``: a ``str`` containing ``marker`` (``"PMID-"``, ``"TY  -"``) is the text itself
    (source ``None``); anything else names a UTF-8 file, read with its path as the source, or an
    :class:`InputError` saying why it cannot be."""
    if isinstance(path_or_text, str) and marker in path_or_text:
        return path_or_text, None
    where = Path(path_or_text)
    try:
        return where.read_text(encoding="utf-8-sig"), str(where)
    except FileNotFoundError as exc:
        raise InputError("file not found", path=str(where)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read it as UTF-8 text ({exc})", path=str(where)) from exc
