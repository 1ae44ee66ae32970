"""The words that head a reference list, and the words that head a group of works inside one.

Shared by the two readers that look for an article's reference list (``references.text.reference_section``
for a Markdown or text file, ``article._mark_roles`` for a loaded article), so both take the same headings.
Kept apart from ``references.text`` because that module is slow to import and every article is checked for a
reference heading.

Two forms, each a grammar rather than a list of exact titles:

- a **list heading** names the list: a reference noun (``References``, ``Sources``, ``Works Cited``,
  ``Resources``, ``Further reading`` …), up to two qualifiers before it (``Selected references``, ``Key
  scientific sources``), several joined by ``and``/``&``/``,``/``/`` (``Sources and further reading``), a
  section number before (``12. References``, ``VIII.``), and after it what the list is for (``Sources used
  in this article``), a qualifier in brackets or a colon;
- a **works heading** names a kind of work (``Journal articles``, ``Books``, ``Websites``, ``Government
  reports``, ``Meta-analyses & Systematic Reviews``): the sub-headings writers put between groups of a
  reference list. They continue the list; they are never references themselves.
"""

from __future__ import annotations

import re

__all__ = ["ends_a_list", "names_kind_of_work", "names_reference_list"]

_NUMBERING = r"(?:(?:\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6}|[A-Z])[.)]?\s+)?"
_QUALIFIER = (
    r"(?:selected|key|main|scientific|medical|clinical|research|article|additional|further|useful|other"
    r"|helpful|more|our|external|online|web|recommended|suggested|cited|primary|secondary|original|general"
    r"|important|supporting|evidence|trusted|academic|reference|health|bibliographic(?:al)?)"
)
_LIST_NOUN = (
    r"(?:references?|reference\s+list|bibliography|bibliographies|sources?|works\s+cited|work\s+cited"
    r"|cited\s+works|literature(?:\s+cited)?|citations?|further\s+reading|(?:recommended|suggested)\s+reading"
    r"|reading\s+list|resources?|参考文献|参考资料|来源(?:列表)?)"
)
_NOTES = r"(?:notes|endnotes|footnotes)"
_JOIN = r"\s*(?:,|&|\band\b|/)\s*"
# what the list is for, after its noun: `Sources used in this article`, `References for this page`
_PURPOSE = (
    r"(?:\s+(?:used|cited|consulted))?(?:\s+(?:for|in)\s+(?:this|the|our)\s+(?:article|page|post|guide|leaflet"
    r"|fact\s*sheet|blog(?:\s+post)?|story|review|information|text))?"
)
# a qualifier in brackets (`(Vancouver)`), a wiki's `[edit]` link
_TAIL = rf"{_PURPOSE}(?:\s*\([^()\n]{{1,40}}\))?(?:\s*\[[^\[\]\n]{{1,20}}\])?\s*:?"


def _phrase(noun: str) -> str:
    return rf"(?:{_QUALIFIER}\s+){{0,2}}{noun}"


def _heading(noun: str) -> re.Pattern[str]:
    one = _phrase(noun)
    # after the list's own noun anything short may be joined (`Sources and additional information`,
    # `References & useful links`): the list comes first
    joined = rf"(?:{_JOIN}{one})*(?:{_JOIN}[\w'’-]+(?:\s+[\w'’-]+){{0,3}})?"
    return re.compile(
        rf"^{_NUMBERING}(?:{one}{joined}{_TAIL}|[^()\n]{{1,40}}\(\s*{one}\s*\)\s*:?)$",
        re.IGNORECASE,
    )


_LIST = _heading(_LIST_NOUN)
# `Resources` and `Further reading` head lists of works an article did not cite as often as its sources: a
# heading that names the list by one of the other nouns is preferred where both are found.
_WEAK_NOUN = r"(?:resources?|further\s+reading|(?:recommended|suggested)\s+reading|reading\s+list)"
_STRONG_NOUN = re.compile(
    r"\b(?:references?|reference\s+list|bibliograph\w*|sources?|works?\s+cited|cited\s+works|literature"
    r"|citations?|notes|endnotes|参考文献|参考资料|来源)\b|参考文献|参考资料|来源",
    re.IGNORECASE,
)
# `Notes` heads a list of references in many papers, but in an article it is as often a section of remarks:
# read it as a list heading only where asked (a file given as a reference list) or joined to a list noun
# (`Notes and references`).
_LIST_OR_NOTES = _heading(rf"(?:{_LIST_NOUN}|{_NOTES})")
_NOTES_JOINED = re.compile(
    rf"^{_NUMBERING}(?:{_NOTES}{_JOIN}{_LIST_NOUN}|{_LIST_NOUN}{_JOIN}{_NOTES}){_TAIL}$", re.IGNORECASE
)

_WORK_ADJECTIVE = (
    r"(?:peer[-\s]reviewed|scientific|academic|medical|research|journal|review|conference|government(?:al)?"
    r"|official|online|web|internet|news(?:paper)?|magazine|book|primary|secondary|other|additional|clinical"
    r"|systematic|key|foundational|recent|background|theoretical|original|published|print|electronic"
    r"|professional|patient|public|health|national|international|organi[sz]ational|institutional|cited)"
)
_WORK_NOUN = (
    r"(?:articles?|papers?|journals?|books?|chapters?|book\s+chapters?|textbooks?|web\s*sites?|web\s*pages?"
    r"|pages|sites|links|reports?|guidelines?|guidance|reviews?|meta-?analys[ei]s|studies|study|trials?"
    r"|videos?|podcasts?|apps?|tools|organi[sz]ations?|agencies|bodies|datasets?|data|software|theses|thesis"
    r"|dissertations?|preprints?|proceedings|documents|publications|news|media|statistics|fact\s*sheets?"
    r"|leaflets?|policies|policy|standards|monographs?|encyclopa?edias?|sources|references|resources|reading"
    r"|literature)"
)
_WORK_PHRASE = rf"(?:{_WORK_ADJECTIVE}\s+){{0,3}}{_WORK_NOUN}"
_WORKS = re.compile(
    rf"^{_NUMBERING}{_WORK_PHRASE}(?:{_JOIN}{_WORK_PHRASE})*{_TAIL}$",
    re.IGNORECASE,
)
# Emphasis, emoji and bullets around a title written as a line of its own (`**Sources:**`, `_Books_`,
# `📚 References`): anything but a letter, a digit or a bracket at either end.
_MARKS = re.compile(r"^(?:[^\w(\[]|_)+|(?:[^\w)\]:]|_)+$")


_EMPHASIS = re.compile(r"(?<!\w)[*_]+|[*_]+(?!\w)")


def _title(text: str) -> str:
    return " ".join(_MARKS.sub("", _EMPHASIS.sub("", text)).split())


def names_reference_list(title: str, *, notes: bool = False, weak: bool = True) -> bool:
    """The title of a heading (or a line standing as one) names a reference list: ``References``,
    ``Sources:``, ``**Works Cited**``, ``12. Selected references``, ``Sources and further reading``,
    ``References (Vancouver)``. ``notes``: ``Notes`` alone counts too. ``weak=False``: a title naming it
    only by ``Resources`` or ``Further reading`` does not count."""
    words = _title(title)
    if len(words) > 80:
        return False
    pattern = _LIST_OR_NOTES if notes else _LIST
    if pattern.match(words) is None and _NOTES_JOINED.match(words) is None:
        return False
    return weak or _STRONG_NOUN.search(words) is not None


def names_kind_of_work(title: str) -> bool:
    """The title names a kind of work, as a sub-heading between groups of a reference list does: ``Journal
    articles``, ``Books``, ``Websites:``, ``Government reports``, ``Meta-analyses & Systematic Reviews``,
    ``Preprints (e.g., arXiv)``. A title that names a reference list counts too."""
    words = _title(title)
    if len(words) > 80:
        return False
    return _WORKS.match(words) is not None or names_reference_list(words)


# What follows a reference list at the foot of a web article and ends it: the byline, a date or review line,
# a call to action, a disclaimer, a copyright line.
_AFTER_LIST = re.compile(
    r"^[ \t]*(?:\*|_)*(?:by|written[ \t]by|author:|reviewed[ \t]by|medically[ \t]reviewed[ \t]by"
    r"|last[ \t]updated|updated[ \t]on|published[ \t]on|posted[ \t]in|share[ \t]this|tags?:"
    r"|categor(?:y|ies):|(?:page[ \t]+)?last[ \t]+reviewed|next[ \t]+review|disclaimer|copyright|©"
    r"|this[ \t]+(?:information|article|page|content|leaflet)[ \t]+(?:is|does|should)[ \t]+not)",
    re.IGNORECASE,
)


def ends_a_list(line: str) -> bool:
    """The line ends a reference list at the foot of a page: ``By Sam Whitlock``, ``Page last reviewed: 12
    March 2023``, ``This information is not a substitute for …``, ``© 2023 …``."""
    return _AFTER_LIST.match(line) is not None
