"""Is this the same work? Folding, title keys, family-name keys and name particles, decided once.

BibTeX duplicate detection, citation resolution (the article's own list and ``--refs``/library keys) and the
Crossref comparison all ask whether two spellings name the same work or person. They answer with these
functions, so that a reference written "Fernández … región cervical" and one written "Fernandez … region
cervical" are the same work everywhere, or nowhere.

- :func:`fold` — case and accents aside (Unicode NFKD, combining marks dropped, casefold, and the letters NFKD
  cannot take apart: ``ø`` → ``o``, ``ł`` → ``l``, ``æ`` → ``ae`` …). Punctuation is kept.
- :func:`fold_words` — :func:`fold`, ``&`` read as "and", every run of punctuation or space one space.
- :func:`title_key` — a title as a key: :func:`fold_words` without the spaces, so "dry-needling",
  "Dry Needling" and "dry needling" are one key.
- :func:`name_key` / :func:`family_key` — a family name without its particles (:data:`NAME_PARTICLES`).
- :func:`work_key` / :func:`same_work` — the same DOI, or the same title, year and first author.

All are pure and fast: patterns are compiled once, and ASCII text (most of a bibliography) skips Unicode
decomposition.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Person, Reference

__all__ = [
    "NAME_PARTICLES",
    "PARTICLE_PATTERN",
    "family_key",
    "first_author_key",
    "fold",
    "fold_words",
    "name_key",
    "same_work",
    "title_key",
    "work_key",
]

# Words that come before (or inside) a family name and are not the name itself — CSL's "non-dropping-particle"
# and "dropping-particle", BibTeX's "von part". A reference may write them into the family name ("Van der
# Windt"), keep them apart (particle "van der", family "Windt") or leave them out ("Windt DA"); all three
# name one person, so keys drop them. The list is the union of the three lists this package had (pasted
# reference lists, Crossref comparison, article citations) and of the particles in the names that
# bibliographies in this field carry, by language:
#   Dutch/Flemish  van, van der, van den, van de, ter, ten, den, der, de, het, 't
#   German         von, vom, zu, zum, zur, von der, von dem
#   French         de, du, des, de la, le, la, les, d'
#   Spanish        de, del, de la, de las, de los, y ("Ortega y Gasset"), las, los
#   Portuguese     da, das, do, dos, de, e ("Silva e Sousa")
#   Italian        di, da, del, della, delle, dello, degli, dei, lo
#   Scandinavian   af, av;  English   st (as in "St John", written "St." or "St")
#   Arabic/Malay   al, el, bin, binti, ibn, bint, abu
# A family name made of particles only ("Le", "Do", "Da", "Van", common Vietnamese and Chinese names) keeps
# them: see :func:`name_key`.
NAME_PARTICLES: frozenset[str] = frozenset(
    {
        "van", "von", "vom", "zu", "zum", "zur", "ter", "ten", "den", "der", "het",
        "de", "du", "des", "la", "le", "les", "d",
        "del", "las", "los", "y",
        "da", "das", "do", "dos", "e",
        "di", "della", "delle", "dello", "degli", "dei", "lo",
        "af", "av", "st",
        "al", "el", "bin", "binti", "bint", "ibn", "abu",
    }
)  # fmt: skip

# The particles as a regular-expression alternation (longest first, so "della" is tried before "de"), for the
# readers that find a lower-case particle before a capitalised name: "van der Berg, A.", "(de las Peñas,
# 2020)". One-letter particles ("d", "e", "y") are left out there: in running text and author lists they
# are initials or conjunctions far more often than particles; keys still drop them.
PARTICLE_PATTERN: str = "|".join(
    sorted((p for p in NAME_PARTICLES if len(p) > 1), key=lambda p: (-len(p), p))
)

# Letters with a stroke, a ligature or a special form that NFKD leaves whole (casefold has already made them
# lower case and turned ``ß`` into ``ss``), and the apostrophes people type for one another ("O’Brien").
_UNDECOMPOSABLE: dict[str, str] = {
    "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ð": "d", "ŀ": "l",
    "’": "'", "‘": "'", "ʼ": "'", "`": "'",
}  # fmt: skip
# str.translate with a table is slow on non-ASCII text (a dictionary look-up per character): replace only
# the few characters that are there.
_SPECIAL = re.compile("|".join(_UNDECOMPOSABLE))
_NOT_WORD = re.compile(r"[\W_]+")
# The combining marks of Latin, Greek and Cyrillic letters (U+0300–U+036F) go in one C-speed pass; the rarer
# marks of other scripts are found one run of non-ASCII characters at a time.
_COMMON_MARKS = re.compile(r"[\u0300-\u036f]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _drop_marks(run: re.Match[str]) -> str:
    return "".join(ch for ch in run.group() if not unicodedata.combining(ch))


def _decompose(text: str) -> str:
    """NFKD, combining marks dropped, casefolded, letters NFKD keeps whole spelled in ASCII."""
    text = _COMMON_MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))
    if text.isascii():
        return text
    text = _NON_ASCII.sub(_drop_marks, text)
    return _SPECIAL.sub(_spelled, text)


def _spelled(letter: re.Match[str]) -> str:
    return _UNDECOMPOSABLE[letter.group()]


def fold(text: str) -> str:
    """Case and accents aside, punctuation kept: ``"Fernández-de-las-Peñas"`` → ``"fernandez-de-las-penas"``.

    NFKD with combining marks dropped, casefold (``ß`` → ``ss``), letters NFKD keeps whole (``ø``, ``ł``,
    ``æ`` …) spelled in ASCII, typographic apostrophes as ``'``. ``fold(fold(x)) == fold(x)``."""
    if text.isascii():
        return text.lower().replace("`", "'")
    folded = _decompose(text)
    if folded.isascii():  # NFKD may have made capitals (``℡`` → ``TEL``) or a backquote
        return folded.lower().replace("`", "'")
    if folded.casefold() == folded and unicodedata.is_normalized("NFKD", folded):
        return folded  # dashes, quotes, other scripts' letters: nothing left to fold
    # casefold can make combining marks (``İ`` → ``i̇``) and NFKD capitals: a second pass ends there
    return _decompose(folded)


def fold_words(text: str | None) -> str:
    """Folded words separated by single spaces; ``&`` read as "and", punctuation a space:
    ``"Dry-needling & the región cervical"`` → ``"dry needling and the region cervical"``."""
    if not text:
        return ""
    return _NOT_WORD.sub(" ", fold(text.replace("&", " and "))).strip()


def title_key(title: str | None) -> str:
    """A title as a key: case, accents, punctuation and spacing aside (``""`` when it has no letters or
    digits). "Dry-needling in the región cervical" and "Dry needling in the Region Cervical." are one key."""
    if not title:
        return ""
    return _NOT_WORD.sub("", fold(title.replace("&", "and")))


# names repeat across a library (its authors, Crossref's): each is folded once per run
@functools.lru_cache(maxsize=65536)
def name_key(name: str | None) -> str:
    """A family name as written, as a key: folded words without particles.

    ``"Fernández-de-las-Peñas"`` → ``"fernandez penas"``; ``"van der Windt"`` and ``"Windt"`` → ``"windt"``.
    A name of particles only (``"Le"``, ``"Do"``) is kept whole: it is the name."""
    words = fold_words(name).split()
    kept = [w for w in words if w not in NAME_PARTICLES]
    return " ".join(kept or words)


def family_key(person: Person) -> str:
    """A person's family name as a key (:func:`name_key`); an organisation's (``literal``) name folded whole.

    The particle kept apart (``particle="van der"``) does not count, so "van der Windt" written either way,
    or without the particle, gives one key."""
    if person.family is None:
        return fold_words(person.literal)
    return name_key(person.family)


def first_author_key(reference: Reference) -> str:
    """:func:`family_key` of the first author (``""`` when the reference has none)."""
    return family_key(reference.authors[0]) if reference.authors else ""


def work_key(reference: Reference) -> tuple[str, int, str] | None:
    """Title key, year and first author's key — the identity of a work that has no DOI to name it; None when
    one of the three is missing."""
    if not (reference.title and reference.year is not None and reference.authors):
        return None
    title, who = title_key(reference.title), first_author_key(reference)
    return (title, reference.year, who) if title and who else None


def same_work(a: Reference, b: Reference) -> bool:
    """Do two references name the same work? The same DOI, or the same title, year and first author
    (:func:`work_key`), spelling aside. Symmetric.

    Two different DOIs do not rule it out: one work can carry two (a DOI registered twice, a preprint
    server's and the journal's), and the BibTeX duplicate check and citation resolution both go on to the
    title, year and first author when the DOIs do not meet."""
    if a.doi and a.doi == b.doi:
        return True
    key = work_key(a)
    return key is not None and key == work_key(b)
