"""Dates as bibliographic data writes them: CSL/Crossref ``date-parts`` and month names, read in one place.

Pure functions with no imports from the rest of the package, so the readers (``references/``) and verification
(``crossref/``) can both use them without one depending on the other.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["MONTH_NAMES", "date_parts", "month_number"]

# English month names: BibTeX's month macros are their first three letters (``jan`` … ``dec``, defined by
# every standard .bst style), and APA/Vancouver reference lists write them whole or abbreviated.
MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# Every spelling of a month people type in a month field: the name, its three-letter abbreviation, "sept"
# (common in US styles), and the number with or without a leading zero.
_MONTH_NUMBERS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)},
    **{name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, 1)},
    "sept": 9,
    **{str(i): i for i in range(1, 13)},
    **{f"{i:02d}": i for i in range(1, 13)},
}


def month_number(text: str | None) -> int | None:
    """1–12 for a month as written (``"Mar"``, ``"march"``, ``"Sept."``, ``"03"``, ``"3"``), else None."""
    if not text:
        return None
    return _MONTH_NUMBERS.get(text.strip().rstrip(".").lower())


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def date_parts(value: object) -> tuple[int, ...]:
    """The numbers of a CSL / Crossref date: ``{"date-parts": [[2012, 5, 8]]}`` → ``(2012, 5, 8)``.

    Only the first date of a range counts. Parts may be numbers or digit strings (both occur in CSL-JSON
    files); reading stops at the first part that is neither (Crossref writes ``[[null]]`` for an unknown
    date), so a missing month never lets the day pass for it. ``()`` when there is no date."""
    if not isinstance(value, Mapping):
        return ()
    parts = value.get("date-parts")
    if not (isinstance(parts, list) and parts and isinstance(parts[0], list)):
        return ()
    numbers: list[int] = []
    for part in parts[0][:3]:
        number = _as_int(part)
        if number is None:
            break
        numbers.append(number)
    return tuple(numbers)
