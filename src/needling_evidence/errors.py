"""The exception tree. Exceptions are for caller errors; problems in the user's inputs are
:class:`~needling_evidence.model.Problem` records returned with the results.

::

    NeedlingEvidenceError              catch this to catch everything the library raises on purpose
    ├── InputError                     a file is missing, a directory, unreadable, not text, unknown format
    │                                  (also an OSError/ValueError for callers who catch those)
    ├── StrictError                    strict=True and the input had problems (``.problems`` lists them)
    ├── CrossrefError                  the Crossref client was misconfigured or asked for what it cannot do
    │   └── OfflineCacheMiss           offline mode and the answer is not in the cache
    └── UsageError                     a bad option or argument value (also a ValueError)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Problem

__all__ = [
    "CrossrefError",
    "InputError",
    "NeedlingEvidenceError",
    "OfflineCacheMiss",
    "StrictError",
    "UsageError",
]


class NeedlingEvidenceError(Exception):
    """Base of every exception this library raises on purpose."""


class InputError(NeedlingEvidenceError, OSError, ValueError):
    """An input cannot be read at all. The message names the file (and line, where there is one)."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(f"{where}{message}")
        self.path = path
        self.line = line


class StrictError(NeedlingEvidenceError):
    """Raised under ``strict=True`` when the input had problems."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(problems)
        lines = "\n".join(f"  {p}" for p in self.problems[:20])
        more = f"\n  … and {len(self.problems) - 20} more" if len(self.problems) > 20 else ""
        super().__init__(f"{len(self.problems)} problem(s) in the input (strict mode):\n{lines}{more}")


class CrossrefError(NeedlingEvidenceError):
    """The Crossref client cannot do what was asked (bad configuration)."""


class OfflineCacheMiss(CrossrefError):
    """Offline mode, and the cache has no answer for this lookup."""


class UsageError(NeedlingEvidenceError, ValueError):
    """A bad option or argument value."""
