"""Field-by-field comparison of a :class:`~needling_evidence.model.Reference` with a Crossref work.

Each field gets one of four verdicts:

``agree``
    the values are the same once the differences that carry no meaning are removed (case, punctuation,
    diacritics, HTML/JATS/MathML tags, ``&`` for ``and``, a leading "The", abbreviated journal words,
    abbreviated page ranges, initials for given names).
``minor``
    the values differ, and the difference is **reported** (it appears in ``mismatches``), but it does not put
    the identity of the work in doubt: a one-letter typo in the title, a missing subtitle, a one-year
    difference between online and print publication, a different journal wording, volume, issue, pages, author
    list or type.
``identity``
    the difference means the DOI may point at another work. Three things do that: the title is badly off
    (similarity below :data:`TITLE_IDENTITY_MIN`), the first author's family name is different, or the year is
    more than :data:`YEAR_TOLERANCE` away from every Crossref date. Verification turns any identity difference
    into the status ``mismatch``; with only minor differences the status stays ``verified`` and the message
    lists them.
``absent``
    one side has no value, so nothing was compared (never a mismatch; the message says what was not compared).

Nothing here talks to the network; the Crossref work is the ``message`` object of a ``/works`` answer.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Literal

from ..dates import date_parts
from ..identity import family_key, fold_words
from ..model import Person, Reference

__all__ = [
    "LOCATOR_MISMATCHES_FOR_IDENTITY",
    "TITLE_IDENTITY_MIN",
    "YEAR_TOLERANCE",
    "Comparison",
    "FieldComparison",
    "compare_reference",
    "crossref_authors",
    "crossref_first",
    "crossref_years",
    "families_agree",
    "family_key",
    "normalize_text",
    "normalize_title",
    "page_bounds",
    "strip_markup",
    "title_similarity",
]

Verdict = Literal["agree", "minor", "identity", "absent"]

# Below this similarity the titles are taken to name different works. The similarity is the mean of two
# difflib ratios over the normalised titles, one by characters and one by words: characters alone forgive a
# changed word in a short title ("Dry needling for neck pain" / "… for low back pain": 0.86), words alone
# punish a typo in a short title. Measured on the cases in tests/test_compare.py (characters, words → mean):
#   one-letter typo, 10 words ("Evidenced" / "Evidence")            0.99, 0.90 → 0.95  minor
#   typo in a 5-word title ("nekc" / "neck")                          0.96, 0.80 → 0.88  minor
#   "Physiologic" / "Physiological effects of dry needling"          0.97, 0.80 → 0.89  minor
#   "Dry needling for neck pain" / "… for low back pain"              0.86, 0.73 → 0.79  identity
#   "… trigger point dry needling for …" / "… acupuncture for …"      0.78, 0.71 → 0.74  identity
# A starting point chosen on these examples, not tuned on a labelled corpus.
TITLE_IDENTITY_MIN = 0.8

# Two works by the same authors in neighbouring years can have similar titles (CERMINE's journal paper and its
# workshop paper score 0.84). When the title differs at all and at least this many of the fields that locate a
# work (year, journal, volume, issue, pages) differ too, the DOI is taken to point at another work.
LOCATOR_MISMATCHES_FOR_IDENTITY = 2
_LOCATORS = ("year", "container_title", "volume", "issue", "pages")

# A reference's year may differ from Crossref's by one (online-first one year, print issue the next) without
# the work being a different one; the difference is still reported. Two or more years apart is another work.
YEAR_TOLERANCE = 1

# Words a journal abbreviation (ISO 4 / NLM style) drops: "Journal of Orthopaedic and Sports Physical Therapy"
# is "J Orthop Sports Phys Ther".
_JOURNAL_STOPWORDS = frozenset(
    {"the", "of", "and", "in", "for", "on", "a", "an", "de", "la", "le", "der", "und"}
)

# CSL-JSON type of a reference → the Crossref work types that agree with it. A book review is published as a
# journal article; a preprint may be posted-content or an article.
_TYPE_AGREES: Mapping[str, frozenset[str]] = {
    "article-journal": frozenset({"journal-article"}),
    "review-book": frozenset({"journal-article"}),
    "review": frozenset({"journal-article", "peer-review"}),
    "article": frozenset({"journal-article", "posted-content", "other"}),
    "article-magazine": frozenset({"journal-article", "other"}),
    "article-newspaper": frozenset({"journal-article", "other"}),
    "book": frozenset({"book", "monograph", "edited-book", "reference-book", "book-set", "book-series"}),
    "chapter": frozenset({"book-chapter", "book-part", "book-section", "reference-entry"}),
    "entry-encyclopedia": frozenset({"reference-entry", "book-chapter"}),
    "entry-dictionary": frozenset({"reference-entry", "book-chapter"}),
    "paper-conference": frozenset({"proceedings-article"}),
    "thesis": frozenset({"dissertation"}),
    "report": frozenset({"report", "report-component"}),
    "dataset": frozenset({"dataset", "component"}),
    "standard": frozenset({"standard"}),
}

_TAG = re.compile(r"<[^<>]*>")  # HTML / JATS / MathML tags as Crossref titles carry them
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


# --- normalisation ------------------------------------------------------------------------------------------


def strip_markup(text: str) -> str:
    """Remove HTML/JATS/MathML tags and decode entities (``&amp;``, ``&apos;``); whitespace collapsed."""
    if "<" not in text and "&" not in text:
        # most names and titles: no tag and no entity, so only the whitespace to collapse. str.split() splits
        # where the regular expression's \s matches (the same Unicode whitespace: tests/test_compare.py checks
        # every code point), so this is _SPACES.sub(" ", text).strip() at a third of the cost of one scan.
        return " ".join(text.split())
    # Tags vanish without a space: they sit inside words (H<sub>2</sub>O, <i>in vivo</i>).
    text = html.unescape(_TAG.sub("", text))
    return _SPACES.sub(" ", text).strip()


# A title is normalised for each comparison of it (whole, main title, similarity), and a journal name or
# volume once per reference citing it: each distinct text is normalised once per run.
@functools.lru_cache(maxsize=65536)
def normalize_text(text: str | None) -> str:
    """Markup stripped, ``&`` read as "and", case/diacritics folded, punctuation to single spaces."""
    if not text:
        return ""
    return fold_words(strip_markup(text))


def normalize_title(text: str | None) -> str:
    """A title for comparison (see :func:`normalize_text`)."""
    return normalize_text(text)


_SUBTITLE_MARK = re.compile(r"[:?!]\s")


def _main_title(text: str | None) -> str:
    """The title before its subtitle (the part before the first ``:``, ``?`` or ``!``), normalised."""
    if not text:
        return ""
    plain = strip_markup(text)
    head = _SUBTITLE_MARK.split(plain, maxsplit=1)[0]
    return normalize_title(head)


def title_similarity(ours: str | None, theirs: str | None) -> float:
    """Similarity (0..1) of the normalised titles: mean of the character and word difflib ratios."""
    a, b = normalize_title(ours), normalize_title(theirs)
    if not a or not b:
        return 0.0
    chars = SequenceMatcher(None, a, b, autojunk=False).ratio()
    words = SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()
    return (chars + words) / 2


# Vancouver/NLM initials run together ("MA", "JA", "Q-L"): two or three capitals with nothing else are
# initials, one per letter, not a name (a name is written "Ma", "Li").
_RUN_OF_INITIALS = re.compile(r"^[A-Z]{2,3}$")


def _name_tokens(text: str | None) -> list[str]:
    if text and _RUN_OF_INITIALS.match(text.strip()):
        return list(text.strip().lower())
    return normalize_text(text).split()


def families_agree(a: Person, b: Person) -> bool:
    """Same family name, particles, diacritics and case aside; a compound name cited by one part agrees."""
    ka, kb = family_key(a), family_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    # A compound surname cited by one part only ("Fernández-de-las-Peñas" as "Peñas", or the reverse).
    ta, tb = ka.split(), kb.split()
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return len(short) < len(long_) and all(t in long_ for t in short)


def _initials(given: str | None) -> str:
    return "".join(t[0] for t in _name_tokens(given) if t)


def _givens_agree(a: Person, b: Person) -> bool:
    """Initials against full names: "J. A." agrees with "Joshua A."; first initials must match if given."""
    return _given_tokens_agree(_name_tokens(a.given), _name_tokens(b.given))


def _given_tokens_agree(ta: Sequence[str], tb: Sequence[str]) -> bool:
    """First given names: initials agree with any name of that initial ("J." / "Joshua"); two names written
    in full must be the same name ("Valentine" is not "Vincent"), one may shorten the other ("Chris" /
    "Christopher")."""
    if not ta or not tb:
        return True
    a, b = ta[0], tb[0]
    if a[0] != b[0]:
        return False
    if len(a) > 1 and len(b) > 1:
        return a.startswith(b) or b.startswith(a)
    return True


@dataclass(frozen=True, slots=True)
class _Name:
    """A person's name normalised once for comparing: family key and its words, given-name words, and the
    name as shown in a message."""

    person: Person
    key: str
    words: tuple[str, ...]
    given: tuple[str, ...]
    text: str


# A library names the same people over and over (and Crossref's records name them again): each distinct name
# is normalised once per run, looked up by its parts (what makes two Persons equal) — a tuple of strings
# hashes and compares in C, a Person in Python. The first _NAMES_KEPT distinct names are kept.
_NAMES: dict[tuple[str | None, ...], _Name] = {}
_NAMES_KEPT = 65536


def _name_of(person: Person) -> _Name:
    parts = (person.family, person.given, person.suffix, person.particle, person.literal)
    name = _NAMES.get(parts)
    if name is None:
        key = family_key(person)
        name = _Name(person, key, tuple(key.split()), tuple(_name_tokens(person.given)), _person_text(person))
        if len(_NAMES) < _NAMES_KEPT:
            _NAMES[parts] = name
    return name


def _keys_agree(a: _Name, b: _Name) -> bool:
    """:func:`families_agree` on names already normalised."""
    if not a.key or not b.key:
        return False
    if a.key == b.key:
        return True
    short, long_ = (a.words, b.words) if len(a.words) <= len(b.words) else (b.words, a.words)
    return len(short) < len(long_) and all(t in long_ for t in short)


class _NameIndex:
    """Crossref's authors by family key and by each word of it, so that "is this author in the list?" looks
    at the few names sharing a word rather than at every name (linear in authors, not quadratic)."""

    def __init__(self, names: Sequence[_Name]) -> None:
        self.keys = {n.key for n in names if n.key}
        self.by_word: dict[str, list[_Name]] = {}
        for name in names:
            for word in set(name.words):
                self.by_word.setdefault(word, []).append(name)

    def has(self, name: _Name) -> bool:
        if not name.key:
            return False
        if name.key in self.keys:
            return True
        # a compound surname cited by one part: the other name shares at least one word with it
        seen: set[int] = set()
        for word in name.words:
            for other in self.by_word.get(word, ()):
                if id(other) not in seen:
                    seen.add(id(other))
                    if _keys_agree(name, other):
                        return True
        return False


def _is_others(person: Person) -> bool:
    return not person.family and (person.literal or "").strip().casefold() in ("others", "et al.", "et al")


def _person_text(person: Person) -> str:
    if _is_others(person):
        return "et al."
    if person.literal and not person.family:
        return person.literal
    family = " ".join(p for p in (person.particle, person.family) if p)
    initials = " ".join(f"{t[0].upper()}." for t in (person.given or "").replace(".", " ").split() if t)
    return f"{family}, {initials}" if initials else family


def _person_given_text(person: Person) -> str:
    """The name with its given names as written ("Smith, Valentine"), for a note on given names."""
    family = " ".join(p for p in (person.particle, person.family) if p)
    return f"{family}, {person.given}" if person.given else family


# --- reading Crossref works ---------------------------------------------------------------------------------


def crossref_first(work: Mapping[str, Any], name: str) -> str | None:
    """The first non-empty string of a Crossref list field (``title``, ``container-title`` …) or string."""
    value = work.get(name)
    if value is None:  # read a dozen times per record, mostly for a field it has not or a list of one string
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        for item in value:
            if type(item) is str or isinstance(item, str):
                stripped = item.strip()
                if stripped:
                    return stripped
    return None


def _crossref_strings(work: Mapping[str, Any], name: str) -> list[str]:
    value = work.get(name)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v.strip()]
    return []


def crossref_authors(work: Mapping[str, Any]) -> tuple[Person, ...]:
    """Crossref ``author`` entries as :class:`Person` (an organisation's ``name`` becomes ``literal``)."""
    return tuple(name.person for name in _crossref_names(work))


def _crossref_names(work: Mapping[str, Any]) -> list[_Name]:
    """Crossref's authors (:func:`crossref_authors`), each normalised for comparing."""
    names: list[_Name] = []
    raw = work.get("author")
    if not isinstance(raw, list):
        return names
    for entry in raw:
        if type(entry) is not dict and not isinstance(entry, Mapping):
            continue
        family, given, literal = entry.get("family"), entry.get("given"), entry.get("name")
        name = _crossref_name(
            family if isinstance(family, str) else None,
            given if isinstance(given, str) else None,
            literal if isinstance(literal, str) else None,
        )
        if name is not None:
            names.append(name)
    return names


# Crossref names the same people in many records: each author entry as written is read once per run.
@functools.lru_cache(maxsize=65536)
def _crossref_name(family: str | None, given: str | None, name: str | None) -> _Name | None:
    if family and family.strip():
        return _name_of(Person(family=strip_markup(family), given=strip_markup(given) if given else None))
    if name and name.strip():
        return _name_of(Person(literal=strip_markup(name)))
    return None


def _date_year(value: Any) -> int | None:
    if value is None:  # most records have only some of the dates asked for
        return None
    if type(value) is dict:  # the usual {"date-parts": [[2012, 3, 21]]}, read without date_parts' checks
        parts = value.get("date-parts")
        if type(parts) is list and parts and type(parts[0]) is list and parts[0] and type(parts[0][0]) is int:
            year: int = parts[0][0]
            return year
    found = date_parts(value)
    return found[0] if found else None


# Crossref date fields, in the words the report uses for them.
_DATE_FIELDS: tuple[tuple[str, str], ...] = (
    ("issued", "issued"),
    ("published-print", "print"),
    ("published-online", "online"),
    ("published", "published"),
)


def crossref_years(work: Mapping[str, Any]) -> dict[str, int]:
    """Years Crossref gives, by kind: ``{"issued": 2017, "print": 2017, "online": 2016}``."""
    years: dict[str, int] = {}
    for name, label in _DATE_FIELDS:
        year = _date_year(work.get(name))
        if year is not None:
            years[label] = year
    return years


# --- pages --------------------------------------------------------------------------------------------------

_PAGES_PREFIX = re.compile(r"^(?:pp?\.?\s*)", re.IGNORECASE)
_NUMBERED_PAGE = re.compile(r"([a-z]*)(\d+)")


@functools.lru_cache(maxsize=65536)  # page ranges and article numbers repeat across a library
def page_bounds(pages: str | None) -> tuple[str, str | None] | None:
    """First and last page, with an abbreviated last page expanded: ``133-49`` → ``("133", "149")``.

    Article numbers (``348``, ``e33693``) are a first page with no last page. ``None`` when empty.
    """
    if not pages:
        return None
    text = _DASHES.sub("-", pages).replace("--", "-").strip().strip(".")
    text = _PAGES_PREFIX.sub("", text)
    parts = [p.strip() for p in text.split("-", 1)]
    first = parts[0].casefold()
    if not first:
        return None
    if len(parts) == 1 or not parts[1]:
        return first, None
    last = parts[1].casefold()
    # "133-49": the last page repeats only the digits that change; "e0107-9" and "S12-19" also drop the letter
    numbered = _NUMBERED_PAGE.fullmatch(first)
    if numbered and last.isdigit():
        prefix, digits = numbered.groups()
        if len(last) < len(digits) or (prefix and len(last) == len(digits)):
            last = prefix + digits[: len(digits) - len(last)] + last
    if last == first:
        return first, None
    return first, last


# --- the comparison -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FieldComparison:
    """One field compared: both values as shown to the user, the verdict and, for a difference, why."""

    field: str
    ours: str | None
    theirs: str | None
    verdict: Verdict
    note: str = ""


@dataclass(frozen=True)
class Comparison:
    """Every field of one reference compared with one Crossref work."""

    fields: tuple[FieldComparison, ...] = field(default_factory=tuple)

    @property
    def mismatches(self) -> dict[str, tuple[str | None, str | None]]:
        """Each differing field → (ours, Crossref's): minor and identity differences alike."""
        return {f.field: (f.ours, f.theirs) for f in self.fields if f.verdict in ("minor", "identity")}

    @property
    def identity(self) -> tuple[FieldComparison, ...]:
        """The differences that put the identity of the work in doubt."""
        return tuple(f for f in self.fields if f.verdict == "identity")

    @property
    def minor(self) -> tuple[FieldComparison, ...]:
        return tuple(f for f in self.fields if f.verdict == "minor")

    @property
    def agreed(self) -> tuple[str, ...]:
        return tuple(f.field for f in self.fields if f.verdict == "agree")

    @property
    def compared(self) -> tuple[str, ...]:
        """Fields that had a value on both sides."""
        return tuple(f.field for f in self.fields if f.verdict != "absent")

    def get(self, name: str) -> FieldComparison | None:
        return next((f for f in self.fields if f.field == name), None)


def _absent(name: str, ours: str | None, theirs: str | None) -> FieldComparison:
    side = "the reference" if not ours else "Crossref"
    return FieldComparison(name, ours, theirs, "absent", f"not compared: {side} has no {name}")


def compare_title(ours: str | None, work: Mapping[str, Any]) -> FieldComparison:
    """Title, with subtitles: Crossref keeps the subtitle in ``subtitle``; a reference may write it or not."""
    title = crossref_first(work, "title")
    subtitle = crossref_first(work, "subtitle")
    full = f"{title}: {subtitle}" if title and subtitle else title
    shown = strip_markup(full) if full else None
    if not ours or not full:
        return _absent("title", ours, shown)
    if ours == full:  # written as Crossref writes it (imported from it): equal once normalised too
        return FieldComparison("title", ours, shown, "agree")
    a, whole = normalize_title(ours), normalize_title(full)
    main = whole if full is title else normalize_title(title)
    if a in (whole, main):
        return FieldComparison("title", ours, shown, "agree")
    ratio = max(title_similarity(ours, full), title_similarity(ours, title))
    main_a, main_b = _main_title(ours), _main_title(full)
    if main_a and main_a == main_b and (a == main_a or whole == main_b):
        # Same main title, and one side has no subtitle: the same work cited short (or recorded short).
        note = "the reference omits the subtitle" if a == main_a else "Crossref's title has no subtitle"
        return FieldComparison("title", ours, shown, "minor", note)
    if ratio >= TITLE_IDENTITY_MIN:
        note = "subtitles differ" if main_a and main_a == main_b else "titles differ slightly"
        return FieldComparison("title", ours, shown, "minor", f"{note} (similarity {ratio:.2f})")
    return FieldComparison("title", ours, shown, "identity", f"titles differ (similarity {ratio:.2f})")


def compare_authors(ours: Sequence[Person], work: Mapping[str, Any]) -> FieldComparison:
    """Family names in order (particles and diacritics ignored), count, and initials against given names."""
    # every name normalised once; each comparison below is then a look-up or a pass over the pairs
    theirs = _crossref_names(work)
    our_names = [_name_of(p) for p in ours]
    ours_text = "; ".join([n.text for n in our_names]) if ours else None
    theirs_text = "; ".join([n.text for n in theirs]) if theirs else None
    # BibTeX's "and others" / "et al." ends a truncated list (Person(literal="others")): not a person, and a
    # shorter list is then expected.
    truncated = bool(ours) and _is_others(ours[-1])
    if truncated:
        ours = ours[:-1]
        our_names.pop()
    if not ours or not theirs:
        return _absent("authors", ours_text, theirs_text)
    if our_names == theirs and all(n.key for n in theirs):
        # The same names in the same order, each with a family name (a BibTeX file imported from Crossref):
        # every pair agrees, the counts are equal and equal given names agree, so there is nothing to note.
        return FieldComparison("authors", ours_text, theirs_text, "agree")
    their_names = theirs[: len(ours)]  # the rest only if some pair disagrees
    if not _keys_agree(our_names[0], their_names[0]):
        # The first author is wrong: unless they are the same people in another order, another work.
        note = f"first author differs ({our_names[0].text} / {their_names[0].text})"
        return FieldComparison("authors", ours_text, theirs_text, "identity", note)
    notes: list[str] = []
    paired = list(zip(our_names, their_names, strict=False))
    same = [_keys_agree(a, b) for a, b in paired]
    unmatched: list[_Name] = []
    if not all(same) or len(ours) > len(theirs):
        index = _NameIndex(theirs)
        unmatched = [a for a in our_names if not index.has(a)]
    if unmatched:
        notes.append(f"not in Crossref's author list: {', '.join(a.text for a in unmatched)}")
    elif not all(same):
        notes.append("authors in a different order")
    if len(ours) != len(theirs) and not (truncated and len(ours) < len(theirs)):
        notes.append(f"{len(ours)} author(s) in the reference, {len(theirs)} in Crossref")
    initials = [
        f"{_person_given_text(a.person)} / {_person_given_text(b.person)}"
        for (a, b), agree in zip(paired, same, strict=True)
        if agree and not _given_tokens_agree(a.given, b.given)
    ]
    if initials:
        notes.append("given names differ: " + ", ".join(initials))
    if notes:
        return FieldComparison("authors", ours_text, theirs_text, "minor", "; ".join(notes))
    return FieldComparison("authors", ours_text, theirs_text, "agree")


def compare_year(ours: int | None, work: Mapping[str, Any]) -> FieldComparison:
    """Year against every date Crossref gives (issued, print, online); a one-year difference is minor."""
    years = crossref_years(work)
    shown = _years_text(years)
    if ours is None or not years:
        return _absent("year", str(ours) if ours is not None else None, shown)
    if ours in years.values():
        return FieldComparison("year", str(ours), shown, "agree")
    distance = min(abs(ours - y) for y in years.values())
    if distance <= YEAR_TOLERANCE:
        return FieldComparison("year", str(ours), shown, "minor", "one year apart")
    return FieldComparison("year", str(ours), shown, "identity", f"{distance} years apart")


def _years_text(years: Mapping[str, int]) -> str | None:
    if not years:
        return None
    if len(years) == 1:  # one date: its year
        return str(next(iter(years.values())))
    distinct = set(years.values())
    if len(distinct) == 1:
        return str(next(iter(distinct)))
    # "online 2016, print 2017": name each kind, skipping "issued"/"published" when a named kind says the same
    named = {k: v for k, v in years.items() if k in ("online", "print")}
    rest = {k: v for k, v in years.items() if k not in named and v not in named.values()}
    return ", ".join(f"{k} {v}" for k, v in sorted({**named, **rest}.items(), key=lambda kv: (kv[1], kv[0])))


def _journal_tokens(text: str) -> list[str]:
    return [t for t in normalize_text(text).split() if t not in _JOURNAL_STOPWORDS]


# NLM's disambiguating qualifier at the end of a journal title: `Spine (Phila Pa 1976)`, `Lancet (London,
# England)`, and Crossref's `(Online)`: it names no other journal.
_JOURNAL_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")


@functools.lru_cache(maxsize=65536)  # a library cites the same journals again and again
def _journal_agrees(ours: str, theirs: str) -> bool:
    """Same journal: equal once normalised (and without a trailing qualifier in parentheses), or one is an
    abbreviation of the other word by word."""
    if _words_agree(ours, theirs):
        return True
    bare_ours, bare_theirs = _JOURNAL_QUALIFIER.sub("", ours), _JOURNAL_QUALIFIER.sub("", theirs)
    return (bare_ours, bare_theirs) != (ours, theirs) and _words_agree(bare_ours, bare_theirs)


def _words_agree(ours: str, theirs: str) -> bool:
    a, b = _journal_tokens(ours), _journal_tokens(theirs)
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) != len(b):
        return False
    # "J Orthop Sports Phys Ther" / "Journal Orthopaedic Sports Physical Therapy": each word prefixes its pair
    return all(x.startswith(y) or y.startswith(x) for x, y in zip(a, b, strict=True))


_ISSN_SEPARATORS = re.compile(r"[,;\s]+")
_NOT_ISSN_CHARACTER = re.compile(r"[^0-9x]")


def _issn_key(issn: str) -> str:
    return _NOT_ISSN_CHARACTER.sub("", issn.casefold())


def compare_journal(ours: str | None, issn: str | None, work: Mapping[str, Any]) -> list[FieldComparison]:
    """Journal title against Crossref's full and short container titles; ISSN when the reference has one."""
    results: list[FieldComparison] = []
    titles = _crossref_strings(work, "container-title") + _crossref_strings(work, "short-container-title")
    shown = strip_markup(titles[0]) if titles else None
    issns = [_issn_key(i) for i in _crossref_strings(work, "ISSN")]
    ours_issns = [_issn_key(i) for i in _ISSN_SEPARATORS.split(issn) if i.strip()] if issn else []
    issn_agrees = bool(ours_issns and issns and any(i in issns for i in ours_issns))
    if ours_issns and issns:
        theirs_issn = ", ".join(_crossref_strings(work, "ISSN"))
        if issn_agrees:
            results.append(FieldComparison("issn", issn, theirs_issn, "agree"))
        else:
            results.append(FieldComparison("issn", issn, theirs_issn, "minor", "ISSN differs"))
    if not ours or not titles:
        results.append(_absent("container_title", ours, shown))
        return results
    same = None
    for title in titles:
        if _journal_agrees(ours, title):
            same = title
            break
    if same is not None:
        # Agreeing in substance; say so when the wording differs, so a reader sees why it still agrees.
        form = "" if ours.strip() == strip_markup(same) else f"same journal, written {strip_markup(same)!r}"
        results.append(FieldComparison("container_title", ours, shown, "agree", form))
    elif issn_agrees:
        note = "journal wording differs, but the ISSN agrees"
        results.append(FieldComparison("container_title", ours, shown, "minor", note))
    else:
        results.append(FieldComparison("container_title", ours, shown, "minor"))
    return results


_NUMBER_LABEL = re.compile(r"^(?:vol|volume|no|nr|issue|num|number)\s+")


def _simple(value: str | None) -> str:
    return _NUMBER_LABEL.sub("", normalize_text(value))


def compare_plain(name: str, ours: str | None, theirs: str | None) -> FieldComparison:
    """Volume or issue: equal once case, punctuation and "vol."/"no." are set aside."""
    if not ours or not theirs:
        return _absent(name, ours, theirs)
    if _simple(ours) == _simple(theirs):
        return FieldComparison(name, ours, theirs, "agree")
    return FieldComparison(name, ours, theirs, "minor")


def compare_pages(ours: str | None, work: Mapping[str, Any]) -> FieldComparison:
    """Page range or article number: ``133–149`` = ``133-49`` = ``133-149``; ``348`` = article number 348."""
    page = crossref_first(work, "page")
    article_number = crossref_first(work, "article-number")
    shown = page or article_number
    if not ours or not shown:
        return _absent("pages", ours, shown)
    a = page_bounds(ours)
    numbered = page_bounds(article_number) if article_number else None  # page_bounds(None) is None
    candidates = [b for b in (page_bounds(page), numbered) if b is not None]
    if a is None or not candidates:
        return _absent("pages", ours, shown)
    if a in candidates:  # equality of (first, last) pairs, as any(a == b …)
        return FieldComparison("pages", ours, shown, "agree")
    if any(a[0] == b[0] for b in candidates):
        return FieldComparison("pages", ours, shown, "minor", "same first page, different last page")
    if any(_unprefixed(a[0]) == _unprefixed(b[0]) and a[1] == b[1] for b in candidates):
        # "33693" for PLoS's "e33693": the article number without its letter prefix
        return FieldComparison("pages", ours, shown, "agree", "article number written without its prefix")
    return FieldComparison("pages", ours, shown, "minor")


_PAGE_PREFIX_LETTERS = re.compile(r"^[a-z]+(?=\d)")


def _unprefixed(page: str) -> str:
    return _PAGE_PREFIX_LETTERS.sub("", page)


def compare_type(ours: str | None, work: Mapping[str, Any]) -> FieldComparison:
    theirs = crossref_first(work, "type")
    if not ours or not theirs:
        return _absent("type", ours, theirs)
    agreeing = _TYPE_AGREES.get(ours)
    if agreeing is None or theirs in agreeing:
        # A CSL type with no Crossref counterpart in the table is not evidence either way.
        return FieldComparison("type", ours, theirs, "agree" if agreeing else "absent")
    return FieldComparison("type", ours, theirs, "minor")


def compare_reference(ref: Reference, work: Mapping[str, Any]) -> Comparison:
    """Compare every field of ``ref`` with the Crossref ``work`` (the ``message`` of a ``/works`` answer)."""
    fields: list[FieldComparison] = [
        compare_title(ref.title, work),
        compare_authors(ref.authors, work),
        compare_year(ref.year, work),
        *compare_journal(ref.container_title, ref.issn, work),
        compare_plain("volume", ref.volume, crossref_first(work, "volume")),
        compare_plain("issue", ref.issue, crossref_first(work, "issue")),
        compare_pages(ref.pages, work),
        compare_type(ref.type, work),
    ]
    return Comparison(tuple(_escalate(fields)))


def _escalate(fields: list[FieldComparison]) -> list[FieldComparison]:
    """A differing title together with several differing locators is another work (see the constant)."""
    title = None
    for f in fields:  # the first title (compare_reference puts it first), found without a generator
        if f.field == "title":
            title = f
            break
    if title is None or title.verdict != "minor":
        return fields
    locators = [
        f.field for f in fields if f.field in _LOCATORS and f.verdict != "agree" and f.verdict != "absent"
    ]
    if len(locators) < LOCATOR_MISMATCHES_FOR_IDENTITY:
        return fields
    note = f"{title.note}; with {', '.join(locators)} also differing, likely another work"
    escalated = FieldComparison("title", title.ours, title.theirs, "identity", note)
    return [escalated if f is title else f for f in fields]


def describe(fields: Iterable[FieldComparison]) -> str:
    """``title: ours ≠ theirs (note)``, one per field, joined by ``; ``."""
    return "; ".join(f"{f.field}: {f.ours} ≠ {f.theirs}" + (f" ({f.note})" if f.note else "") for f in fields)
