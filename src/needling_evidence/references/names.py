"""BibTeX name lists → :class:`~needling_evidence.model.Person`, by BibTeX's own rules, cheaply.

A name list is split on ``and`` outside braces. Each name is read in one of BibTeX's three forms
(Patashnik, "BibTeXing" §4; Markey, "Tame the BeaST" §11): ``First von Last``, ``von Last, First``,
``von Last, Jr, First``.
The ``von`` part is the run of words starting with a lower-case letter; a word whose first letter is inside a
LaTeX special character (``{\\v{S}}imunek``) takes that letter's case; a brace-protected word (``{Van} Gogh``)
counts as upper case. A name that is one brace group (``{World Health Organization}``) is a corporate author:
``Person(literal=...)``.

Beyond BibTeX, two common export slips are read as meant: a trailing ``Jr.``/``Sr.``/``II``–``IV`` in the last
name (``Smith Jr., John``, ``John Smith Jr.``) and ``Smith, John, Jr.`` both give ``suffix``.

``and others`` (BibTeX's "et al.") is kept as a final ``Person(literal="others")``, so that a list known to be
truncated is never mistaken for a complete one (:data:`OTHERS`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Person
from .latex import latex_to_text, needs_decoding

__all__ = ["OTHERS", "parse_name", "split_names"]

#: The marker for BibTeX's ``and others``: the last element of an author list that was truncated.
OTHERS = Person(literal="others")

_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_SPACE = re.compile(r"[\s~]+")
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "2nd", "3rd"})
# Distinct names repeat across a bibliography (co-authors, the same group's papers); the bound keeps memory
# flat.
_CACHE_SIZE = 2**16


def split_names(value: str) -> tuple[Person, ...]:
    """A BibTeX name list (raw LaTeX, outer delimiters removed) → persons, in order."""
    value = value.strip()
    if not value:
        return ()
    parts = _AND.split(value)
    # an "and" inside braces ({Research and Development Unit}) leaves unbalanced pieces: split carefully
    if "{" in value and any(part.count("{") != part.count("}") for part in parts):
        parts = _split_top_level_and(value)
    return tuple(parse_name(part) for part in parts if part.strip())


def _split_top_level_and(value: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    start = 0
    for match in re.finditer(r"[{}]|\s+and\s+", value, re.IGNORECASE):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            parts.append(value[start : match.start()])
            start = match.end()
    parts.append(value[start:])
    return parts


_BRACE_OR = {
    ",": re.compile(r"[{},]"),
    " \t\n\r~": re.compile(r"[{}\s~]"),
}


def _split_top_level(value: str, separators: str) -> list[str]:
    """Split ``value`` at any of ``separators`` that are outside braces (empty pieces dropped for spaces)."""
    # A regular expression jumps from one brace or separator to the next: a loop over every character was
    # the slowest step of reading names with accents (see tests/benchmarks/bench_bibtex.py).
    pattern = _BRACE_OR.get(separators) or re.compile("[{}" + re.escape(separators) + "]")
    pieces: list[str] = []
    depth = 0
    start = 0
    for match in pattern.finditer(value):
        ch = match.group()
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(depth - 1, 0)
        elif depth == 0 and ch in separators:
            pieces.append(value[start : match.start()])
            start = match.end()
    pieces.append(value[start:])
    return pieces


def _words(value: str) -> list[str]:
    if "{" not in value:
        return [w for w in _SPACE.split(value) if w]
    return [w for w in _split_top_level(value, " \t\n\r~") if w]


def _is_lower(word: str) -> bool:
    """BibTeX's case of a word: that of its first letter at brace depth 0 (or inside a special character)."""
    first = word[:1]
    if first.isalpha():  # the common case: a plain first letter decides
        return first.islower()
    depth = 0
    index = 0
    while index < len(word):
        ch = word[index]
        if ch == "{":
            if depth == 0 and word.startswith("{\\", index):
                # a special character: its case is that of the first letter after the control sequence name
                decoded = latex_to_text(word[index : _group_end(word, index) + 1])
                letters = [c for c in decoded if c.isalpha()]
                return bool(letters) and letters[0].islower()
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0 and ch.isalpha():
            return ch.islower()
        elif depth == 0 and ch == "\\":
            # a bare accent command (\'e): the letter it applies to decides
            decoded = latex_to_text(word[index:])
            letters = [c for c in decoded if c.isalpha()]
            return bool(letters) and letters[0].islower()
        index += 1
    return False  # no letter outside braces: caseless, treated as upper (BibTeX does the same)


def _group_end(word: str, start: int) -> int:
    depth = 0
    for index in range(start, len(word)):
        if word[index] == "{":
            depth += 1
        elif word[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    return len(word) - 1


def _text(words: list[str]) -> str | None:
    if not words:
        return None
    return " ".join(latex_to_text(" ".join(words)).split()) or None


def _is_suffix(text: str) -> bool:
    return text.lower() in _SUFFIXES


@lru_cache(maxsize=_CACHE_SIZE)
def parse_name(name: str) -> Person:
    """One BibTeX name → :class:`Person` (``family``, ``given``, ``particle``, ``suffix``; or ``literal``)."""
    name = name.strip().rstrip(",").strip()
    if name.lower() == "others":
        return OTHERS
    return _plain(name) or _general(name)


def _plain(name: str) -> Person | None:
    """The two commonest forms without any markup — "Family, Given names" and "Given names Family" with no
    lower-case (von) word — read directly; ``None`` for any other name. Gives what :func:`_general` gives
    (``tests/test_bibtex_names.py`` checks both on many names): most names take this path."""
    if needs_decoding(name):
        return None
    if "," in name:
        family, _, given = name.partition(",")
        words = family.split()
        if len(words) != 1 or "," in given:
            return None
        return Person(family=words[0], given=" ".join(given.split()) or None)
    words = name.split()
    if not words or (len(words) > 2 and _is_suffix(words[-1])):
        return None
    for word in words[:-1]:
        if not word[0].isalpha() or word[0].islower():
            return None
    return Person(family=words[-1], given=" ".join(words[:-1]) or None)


def _general(name: str) -> Person:
    if name.startswith("{") and _group_end(name, 0) == len(name) - 1:
        return Person(literal=_text([name[1:-1]]))
    parts = [p.strip() for p in (_split_top_level(name, ",") if "{" in name else name.split(","))]
    suffix_words: list[str] = []
    if len(parts) == 1:
        words = _words(parts[0])
        if len(words) > 2 and _is_suffix(words[-1]):
            suffix_words = [words.pop()]
        # First von Last: the von part runs from the first to the last lower-case word before the last word.
        lower = [i for i, w in enumerate(words[:-1]) if _is_lower(w)]
        if lower:
            first_words, von_words, last_words = (
                words[: lower[0]],
                words[lower[0] : lower[-1] + 1],
                words[lower[-1] + 1 :],
            )
        else:
            first_words, von_words, last_words = words[:-1], [], words[-1:]
    else:
        von_last = _words(parts[0])
        if len(parts) == 2:
            first_words = _words(parts[1])
        else:
            middle, rest = _words(parts[1]), _words(", ".join(parts[2:]))
            # "Smith, John, Jr." is a slip for "Smith, Jr., John"
            if _is_suffix(" ".join(rest)) and not _is_suffix(" ".join(middle)):
                middle, rest = rest, middle
            suffix_words, first_words = middle, rest
        if not suffix_words and len(von_last) > 1 and _is_suffix(von_last[-1]):
            suffix_words = [von_last.pop()]
        # von Last: the von part is the leading lower-case words, leaving at least one word for Last.
        split_at = 0
        for i, word in enumerate(von_last[:-1]):
            if _is_lower(word):
                split_at = i + 1
        von_words, last_words = von_last[:split_at], von_last[split_at:]
    family = _text(last_words)
    given = _text(first_words)
    if family is None and given is None and not von_words:
        return Person(literal=_text([name]))
    return Person(family=family, given=given, suffix=_text(suffix_words), particle=_text(von_words))
