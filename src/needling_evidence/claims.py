"""The claims registry: the YAML file in which an editor records, claim by claim, what an article asserts and
what each source shows about it.

The schema is documented in ``claims_schema.yaml`` (shipped with the package; :func:`schema_path` finds it).
In short::

    article: {title: …, file: article.txt}       # optional; a title unlike the article's is a warning
    claims:
      - id: pain-short-term                      # unique
        text: Dry needling relieves musculoskeletal pain in the short term.   # the atomic claim
        quote: "to alleviate musculoskeletal pain"  # must be found in the article
        kind: efficacy                           # CLAIM_KINDS
        condition: musculoskeletal pain          # optional; also population, note
        evidence:
          - source: gattie2017                   # a reference key
            stance: supports                     # STANCES
            directness: direct                   # DIRECTNESS
            rationale: what the source reports, and where (public abstract, section, table)
            location: abstract                   # optional; also confidence, reviewer, reviewed, note

Loading is safe and loud. The text is composed into YAML nodes with PyYAML's *safe* loader and converted by
hand, so every value keeps its line; nothing is ever constructed from a tag (``!!python/object`` is reported,
not run); aliases are counted while converting so a "billion laughs" document is refused before it can expand;
the file size is capped. Every problem — a YAML syntax error, a missing or unknown field, an unknown kind,
stance, directness or source key, a duplicate id, a quote that is not in the article (with the closest
sentences offered) — is a :class:`~needling_evidence.model.Problem` naming file, line and field.
``strict=True`` raises :class:`~needling_evidence.errors.StrictError` instead of returning a registry with
problems.

A claim that cannot be loaded (no id, no text, an unknown kind …) is left out of the registry and its problem
keeps the raw YAML; a link that cannot be used (unknown stance, unknown source) is left out of its claim the
same way. Nothing is changed silently: values are used as written.
"""

from __future__ import annotations

import bisect
import difflib
import os
import re
from array import array
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from itertools import accumulate
from operator import methodcaller
from pathlib import Path
from typing import Any

from ._yaml import MAX_YAML_ALIASES, MAX_YAML_NODES, parse_yaml
from ._yaml import YamlValue as _Y
from .errors import InputError, StrictError
from .model import (
    CERTAINTIES,
    CLAIM_KINDS,
    COMPARATORS,
    DIRECTNESS,
    EFFECTS,
    INDIRECTNESS,
    STANCES,
    TIMEFRAMES,
    Article,
    Claim,
    ClaimRegistry,
    EvidenceLink,
    Problem,
    Reference,
)

__all__ = [
    "APPRAISAL_FIELDS",
    "CLAIM_FIELDS",
    "LINK_FIELDS",
    "MAX_REGISTRY_BYTES",
    "MAX_YAML_ALIASES",
    "MAX_YAML_NODES",
    "QuoteIndex",
    "load_claims",
    "registry_yaml",
    "schema_path",
    "validate_claims",
]

# A registry for one article is tens of kilobytes (the bundled one, 64 claims, is 40 kB). The cap is far above
# any real registry, and `claims draft` refuses to write a larger one, so what it writes is always readable;
# a file over it is a denial of service rather than a registry.
MAX_REGISTRY_BYTES = 20_000_000
# A quote's close matches are reported when at least this share of the quote's characters match a sentence in
# order (difflib); 0.6 is difflib's own default cut-off for get_close_matches.
CLOSE_MATCH_CUTOFF = 0.6
CLOSE_MATCH_COUNT = 3

TOP_LEVEL_FIELDS: tuple[str, ...] = ("schema_version", "article", "references", "note", "claims")
CLAIM_FIELDS: tuple[str, ...] = ("id", "text", "quote", "kind", "condition", "population", "note", "evidence")
CLAIM_REQUIRED: tuple[str, ...] = ("id", "text", "quote", "kind")
LINK_FIELDS: tuple[str, ...] = (
    "source",
    "stance",
    "directness",
    "certainty",
    "comparator",
    "timeframe",
    "outcome",
    "indirectness",
    "effect",
    "rationale",
    "location",
    "confidence",
    "reviewer",
    "reviewed",
    "note",
)
LINK_REQUIRED: tuple[str, ...] = ("source", "stance", "directness", "rationale")
# The appraisal of a finding (GRADE): optional words from fixed vocabularies. An unknown word is a problem and
# the field is left unknown (never guessed), the link kept.
APPRAISAL_FIELDS: Mapping[str, tuple[str, ...]] = {
    "certainty": CERTAINTIES,
    "comparator": COMPARATORS,
    "timeframe": TIMEFRAMES,
    "indirectness": INDIRECTNESS,
    "effect": EFFECTS,
}

_CLAIM_ID = re.compile(r"^[^\s]+$")


def schema_path() -> Path:
    """The documented registry schema shipped with the package (``claims_schema.yaml``)."""
    return Path(str(resources.files(__package__).joinpath("claims_schema.yaml")))


# --- quotes -------------------------------------------------------------------------------------------------

_QUOTE_CHARS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
}


_QUOTE_TABLE = str.maketrans(_QUOTE_CHARS)


class _Offsets(Sequence[int]):
    """Each normalised character's offset in the original text. The normalised text is the original's words
    (runs of non-space characters) joined by single spaces, so two arrays of machine integers hold it all:
    where each word starts in the normalised text and in the original. A word's characters map one for one;
    the space before a word stands at the last character of the white space before it. (Not one Python int per
    character, nor per piece: a 5 MB article has 640,000 words, and boxed ints and a list per piece took
    140 MB; issue 13.)"""

    def __init__(self, starts: array[int], origins: array[int], length: int) -> None:
        self.starts = starts  # normalised offset where each word starts
        self.origins = origins  # its offset in the original
        self.length = length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.length))]
        if index < 0:
            index += self.length
        if not 0 <= index < self.length:
            raise IndexError(index)
        word = bisect.bisect_right(self.starts, index) - 1
        following = word + 1
        if following < len(self.starts) and index == self.starts[following] - 1:
            return self.origins[following] - 1  # the space: the last white-space character before the word
        return self.origins[word] + (index - self.starts[word])

    def normalised(self, origin: int) -> int:
        """The first normalised offset whose original offset is at or after ``origin``."""
        word = bisect.bisect_right(self.origins, origin) - 1
        if word < 0:
            return 0
        following = word + 1
        # past the word's end (in the white space after it): the space that stands for it, or the end
        end = self.starts[following] - 1 if following < len(self.starts) else self.length
        return min(self.starts[word] + (origin - self.origins[word]), end)


_WORD = re.compile(r"\S+")  # the runs str.split() splits into: both use str.isspace's white space
_START = methodcaller("start")


def _normalised_text(text: str) -> str:
    """What :func:`_normalise` makes of ``text``, without the offsets (``str.split`` splits at the same white
    space as ``str.isspace``)."""
    return " ".join(text.translate(_QUOTE_TABLE).split())


def _normalise(text: str) -> tuple[str, _Offsets]:
    """Text with quote styles and dashes unified and whitespace runs collapsed, plus each output character's
    offset in the input (so a match maps back to the article's own offsets). A run of white space between
    words becomes one space, standing at the run's last character; white space at either end is dropped."""
    unified = text.translate(_QUOTE_TABLE)  # one character for one: offsets unchanged
    words = unified.split()
    origins = array("q", map(_START, _WORD.finditer(unified)))
    # each word starts one space after the end of the one before: running sums of (length + 1) from 0
    starts = array("q", accumulate(map((1).__add__, map(len, words)), initial=0))
    length = starts.pop() - 1 if words else 0  # the sum after the last word: the text's end, and a space
    return " ".join(words), _Offsets(starts, origins, length)


class QuoteIndex:
    """Finds a quote in an article, ignoring differences of whitespace and quote/dash style.

    ``find(quote)`` gives the article offsets ``(start, end)`` of the first occurrence and how many there are;
    ``sentence_ids(start, end)`` the sentences it overlaps; ``close_matches(quote)`` the sentences most like
    it.
    """

    def __init__(self, article: Article):
        self.article = article
        self.text, self.offsets = _normalise(article.text)
        self._sentences = sorted(article.sentences, key=lambda s: s.start)
        self._starts = [s.start for s in self._sentences]
        self._start_of = {s.id: s.start for s in self._sentences}
        self._normalised_sentences: list[str] | None = None

    def span(self, quote: str, sentence_id: str | None = None) -> tuple[int, int] | None:
        """The article offsets of ``quote``: where sentence ``sentence_id`` starts when the quote is there (a
        drafted claim quotes its own sentence), else its first occurrence; ``None`` when it is not in the
        article. With the sentence, the work is the quote's length, not the article's: a report links every
        claim of a 5 MB article this way (issue 13), where searching the whole text for each was quadratic."""
        needle = _normalised_text(quote)
        if not needle:
            return None
        start = self._start_of.get(sentence_id) if sentence_id is not None else None
        if start is not None:
            at = self.offsets.normalised(start)
            if self.text.startswith(needle, at):
                return self.offsets[at], self.offsets[at + len(needle) - 1] + 1
        first = self.text.find(needle)
        if first < 0:
            return None
        return self.offsets[first], self.offsets[first + len(needle) - 1] + 1

    def span_from(self, quote: str, start: int, end: int) -> tuple[int, int] | None:
        """The article offsets of ``quote`` where it begins at or after offset ``start`` and before ``end``
        (it may run on past ``end``); ``None`` when it does not. The work is the range's length and the
        quote's, not the article's."""
        needle = _normalised_text(quote)
        if not needle:
            return None
        begin, stop = self.offsets.normalised(start), self.offsets.normalised(end)
        found = self.text.find(needle, begin, stop + len(needle))
        if found < 0 or found >= stop:
            return None
        return self.offsets[found], self.offsets[found + len(needle) - 1] + 1

    def find(self, quote: str) -> tuple[tuple[int, int] | None, int]:
        needle = _normalised_text(quote)
        if not needle:
            return None, 0
        first = self.text.find(needle)
        if first < 0:
            return None, 0
        count = self.text.count(needle)
        start = self.offsets[first]
        end = self.offsets[first + len(needle) - 1] + 1
        return (start, end), count

    def sentence_ids(self, start: int, end: int) -> list[str]:
        # Sentences do not nest: begin at the last one starting at or before ``start`` and walk forward.
        first = max(bisect.bisect_right(self._starts, start) - 1, 0)
        out = []
        sentences = self._sentences
        # by index: not a slice (a copy of the rest each time), nor islice (it steps over the first ones)
        for i in range(first, len(sentences)):
            s = sentences[i]
            if s.start >= end:
                break
            if start < s.end:
                out.append(s.id)
        return out

    def close_matches(self, quote: str) -> list[tuple[str, str, float]]:
        """``(sentence id or "", sentence text, share of the quote matched)``, best first."""
        needle = _normalised_text(quote)
        if not needle:
            return []
        if self._sentences:
            units = [(s.id, s.text) for s in self._sentences]
        else:
            units = [("", line) for line in self.article.text.splitlines() if line.strip()]
        scored = []
        for sentence_id, text in units:
            hay = _normalised_text(text)
            matcher = difflib.SequenceMatcher(None, hay, needle, autojunk=False)
            if matcher.real_quick_ratio() == 0:
                continue
            matched = sum(block.size for block in matcher.get_matching_blocks())
            share = matched / len(needle)
            if share >= CLOSE_MATCH_CUTOFF:
                scored.append((sentence_id, text, share))
        scored.sort(key=lambda item: -item[2])
        return scored[:CLOSE_MATCH_COUNT]


# --- validation ---------------------------------------------------------------------------------------------


class _Checker:
    def __init__(
        self,
        file: str,
        article: Article | None,
        known_keys: set[str] | None,
    ):
        self.file = file
        self.article = article
        self.index = QuoteIndex(article) if article is not None and article.text.strip() else None
        self.known_keys = known_keys
        self.problems: list[Problem] = []
        self.current_line: int | None = None  # the mapping being read, for problems about absent fields

    def problem(
        self,
        code: str,
        message: str,
        line: int | None,
        *,
        field: str | None = None,
        key: str | None = None,
        raw: str | None = None,
        severity: str = "error",
    ) -> None:
        self.problems.append(
            Problem(
                code,
                message,
                file=self.file,
                line=line,
                field=field,
                key=key,
                raw=raw,
                severity="warning" if severity == "warning" else "error",
            )
        )

    def text_field(
        self,
        mapping: dict[str, _Y],
        name: str,
        where: str,
        *,
        required: bool,
        key: str | None = None,
        line: int | None = None,
    ) -> str | None:
        item = mapping.get(name)
        if item is None or item.value is None or (isinstance(item.value, str) and not item.value.strip()):
            if required:
                self.problem(
                    "claims.missing_field",
                    f"{where}: the required field {name!r} is missing or empty",
                    item.line if item is not None else (line if line is not None else self.current_line),
                    field=name,
                    key=key,
                )
            return None
        if isinstance(item.value, bool) or not isinstance(item.value, (str, int, float)):
            self.problem(
                "claims.bad_type",
                f"{where}: {name!r} must be text, not {type(item.value).__name__}",
                item.line,
                field=name,
                key=key,
            )
            return None
        if not isinstance(item.value, str):
            if name in ("id", "source"):
                self.problem(
                    "claims.bad_type",
                    f"{where}: {name!r} must be text; write {str(item.value)!r} in quotes",
                    item.line,
                    field=name,
                    key=key,
                )
                return None
            return str(item.value)
        return item.value

    def vocabulary(
        self,
        mapping: dict[str, _Y],
        name: str,
        allowed: Sequence[str],
        where: str,
        key: str | None,
        *,
        required: bool = True,
    ) -> str | None:
        value = self.text_field(mapping, name, where, required=required, key=key)
        if value is None:
            return None
        if value not in allowed:
            close = difflib.get_close_matches(value, allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            self.problem(
                f"claims.unknown_{name}",
                f"{where}: unknown {name} {value!r}{hint}; use one of {', '.join(allowed)}",
                mapping[name].line,
                field=name,
                key=key,
            )
            return None
        return value

    def unknown_fields(
        self, mapping: dict[str, _Y], allowed: Sequence[str], where: str, key: str | None
    ) -> None:
        for name, item in mapping.items():
            if name not in allowed:
                close = difflib.get_close_matches(name, allowed, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.problem(
                    "claims.unknown_field",
                    f"{where}: unknown field {name!r}{hint}; it is ignored",
                    item.line,
                    field=name,
                    key=key,
                    severity="warning",
                )

    def registry(self, root: _Y | None) -> list[Claim]:
        if root is None:
            self.problem("claims.empty", "the registry is empty: it needs a 'claims:' list", None)
            return []
        if not isinstance(root.value, dict):
            self.problem(
                "claims.not_mapping",
                "the registry must be a mapping with a 'claims:' list at the top level",
                root.line,
                raw=root.raw,
            )
            return []
        top: dict[str, _Y] = root.value
        self.unknown_fields(top, TOP_LEVEL_FIELDS, "registry", None)
        self.article_metadata(top.get("article"))
        claims_item = top.get("claims")
        if claims_item is None or claims_item.value is None:
            self.problem(
                "claims.missing_field", "the registry has no 'claims:' list", root.line, field="claims"
            )
            return []
        if not isinstance(claims_item.value, list):
            self.problem(
                "claims.bad_type", "'claims' must be a list of claims", claims_item.line, field="claims"
            )
            return []
        if self.article is not None and not self.article.text.strip():
            self.problem(
                "claims.empty_article",
                "the article is empty, so no quote can be found in it",
                None,
                severity="error",
            )
        claims: list[Claim] = []
        first_line: dict[str, int] = {}
        for item in claims_item.value:
            claim = self.claim(item)
            if claim is None:
                continue
            if claim.id in first_line:
                self.problem(
                    "claims.duplicate_id",
                    f"claim {claim.id!r}: the id is already used on line {first_line[claim.id]}; "
                    "this second claim is left out — give it its own id",
                    item.line,
                    field="id",
                    key=claim.id,
                    raw=item.raw,
                )
                continue
            first_line[claim.id] = item.line
            claims.append(claim)
        return claims

    def article_metadata(self, item: _Y | None) -> None:
        if item is None:
            return
        if not isinstance(item.value, dict):
            self.problem(
                "claims.bad_type", "'article' must be a mapping (title, file …)", item.line, field="article"
            )
            return
        title = item.value.get("title")
        if (
            title is not None
            and isinstance(title.value, str)
            and self.article is not None
            and self.article.title
            and " ".join(title.value.split()).casefold() != " ".join(self.article.title.split()).casefold()
        ):
            self.problem(
                "claims.article_mismatch",
                f"the registry is for {title.value!r} but the article is {self.article.title!r}",
                title.line,
                field="article.title",
                severity="warning",
            )

    def claim(self, item: _Y) -> Claim | None:
        if not isinstance(item.value, dict):
            self.problem(
                "claims.bad_type",
                "each claim must be a mapping (id, text, quote, kind, evidence)",
                item.line,
                raw=item.raw,
            )
            return None
        fields: dict[str, _Y] = item.value
        self.current_line = item.line
        claim_id = self.text_field(fields, "id", f"claim on line {item.line}", required=True)
        where = f"claim {claim_id!r}" if claim_id else f"claim on line {item.line}"
        if claim_id is not None and not _CLAIM_ID.match(claim_id):
            self.problem(
                "claims.bad_id",
                f"{where}: an id cannot contain spaces",
                fields["id"].line,
                field="id",
                key=claim_id,
            )
            claim_id = None
        text = self.text_field(fields, "text", where, required=True, key=claim_id)
        quote = self.text_field(fields, "quote", where, required=True, key=claim_id)
        kind = self.vocabulary(fields, "kind", CLAIM_KINDS, where, claim_id)
        condition = self.text_field(fields, "condition", where, required=False, key=claim_id)
        population = self.text_field(fields, "population", where, required=False, key=claim_id)
        note = self.text_field(fields, "note", where, required=False, key=claim_id)
        self.unknown_fields(fields, CLAIM_FIELDS, where, claim_id)
        if claim_id is None or text is None or quote is None or kind is None:
            # Its quote and evidence are still checked, so that one run lists every problem of a hand-edited
            # claim (not the kind typo now and the stance typo after it is fixed).
            if quote is not None:
                self.locate(quote, fields["quote"].line, where, claim_id or "")
            self.links(fields.get("evidence"), claim_id or "", where)
            # The problems above say why; the raw YAML is kept on the first of them for the record.
            self.problem(
                "claims.claim_skipped",
                f"{where} is left out of the registry until the problems above are fixed",
                item.line,
                key=claim_id,
                raw=item.raw,
            )
            return None
        sentence_id = self.locate(quote, fields["quote"].line, where, claim_id)
        links = self.links(fields.get("evidence"), claim_id, where)
        return Claim(
            id=claim_id,
            text=text,
            kind=kind,
            quote=quote,
            sentence_id=sentence_id,
            condition=condition,
            population=population,
            links=tuple(links),
            note=note,
            file=self.file,
            line=item.line,
        )

    def locate(self, quote: str, line: int, where: str, claim_id: str) -> str | None:
        if self.index is None:
            return None
        span, count = self.index.find(quote)
        if span is None:
            close = self.index.close_matches(quote)
            if close:
                hints = "; ".join(
                    f"{sid + ': ' if sid else ''}{' '.join(text.split())[:120]!r} ({share:.0%} alike)"
                    for sid, text, share in close
                )
                hint = f"; closest: {hints}"
            else:
                hint = "; no sentence of the article is close to it"
            self.problem(
                "claims.quote_not_found",
                f"{where}: the quote {quote[:120]!r} is not in the article{hint}",
                line,
                field="quote",
                key=claim_id,
            )
            return None
        if count > 1:
            self.problem(
                "claims.quote_ambiguous",
                f"{where}: the quote occurs {count} times in the article; the first is used — "
                "quote more words to anchor it",
                line,
                field="quote",
                key=claim_id,
                severity="warning",
            )
        ids = self.index.sentence_ids(*span)
        return ids[0] if ids else None

    def links(self, item: _Y | None, claim_id: str, where: str) -> list[EvidenceLink]:
        if item is None or item.value is None:
            return []
        if not isinstance(item.value, list):
            self.problem(
                "claims.bad_type",
                f"{where}: 'evidence' must be a list",
                item.line,
                field="evidence",
                key=claim_id,
            )
            return []
        links: list[EvidenceLink] = []
        seen: dict[str, int] = {}
        for entry in item.value:
            link = self.link(entry, claim_id, where)
            if link is None:
                continue
            if link.source in seen:
                self.problem(
                    "claims.duplicate_source",
                    f"{where}: the source {link.source!r} is already linked on line {seen[link.source]}; "
                    "record one stance per source (this second link is left out)",
                    entry.line,
                    field="source",
                    key=claim_id,
                    raw=entry.raw,
                )
                continue
            seen[link.source] = entry.line
            links.append(link)
        return links

    def link(self, entry: _Y, claim_id: str, where: str) -> EvidenceLink | None:
        if not isinstance(entry.value, dict):
            self.problem(
                "claims.bad_type",
                f"{where}: each evidence entry must be a mapping (source, stance, directness, rationale)",
                entry.line,
                field="evidence",
                key=claim_id,
                raw=entry.raw,
            )
            return None
        fields: dict[str, _Y] = entry.value
        self.current_line = entry.line
        source = self.text_field(fields, "source", f"{where}, evidence", required=True, key=claim_id)
        at = f"{where}, evidence {source!r}" if source else f"{where}, evidence on line {entry.line}"
        stance = self.vocabulary(fields, "stance", STANCES, at, claim_id)
        directness = self.vocabulary(fields, "directness", DIRECTNESS, at, claim_id)
        rationale = self.text_field(fields, "rationale", at, required=True, key=claim_id)
        optional = {
            name: self.text_field(fields, name, at, required=False, key=claim_id)
            for name in ("location", "confidence", "reviewer", "reviewed", "note", "outcome")
        }
        appraisal = {
            name: self.vocabulary(fields, name, allowed, at, claim_id, required=False)
            for name, allowed in APPRAISAL_FIELDS.items()
        }
        self.unknown_fields(fields, LINK_FIELDS, at, claim_id)
        if source is not None and self.known_keys is not None and source not in self.known_keys:
            close = difflib.get_close_matches(source, sorted(self.known_keys), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            self.problem(
                "claims.unknown_source",
                f"{at}: {source!r} is not a key of the references{hint}; the link is left out",
                fields["source"].line,
                field="source",
                key=claim_id,
                raw=entry.raw,
            )
            return None
        if source is None or stance is None or directness is None or rationale is None:
            self.problem(
                "claims.link_skipped",
                f"{at}: this evidence entry is left out until the problems above are fixed",
                entry.line,
                key=claim_id,
                raw=entry.raw,
            )
            return None
        return EvidenceLink(
            claim_id=claim_id,
            source=source,
            stance=stance,
            directness=directness,
            origin="registry",
            rationale=rationale,
            location=optional["location"],
            reviewer=optional["reviewer"],
            reviewed=optional["reviewed"],
            confidence=optional["confidence"],
            note=optional["note"],
            line=entry.line,
            outcome=optional["outcome"],
            certainty=appraisal["certainty"],
            comparator=appraisal["comparator"],
            timeframe=appraisal["timeframe"],
            indirectness=appraisal["indirectness"],
            effect=appraisal["effect"],
        )


# --- public -------------------------------------------------------------------------------------------------


def _read(path_or_text: str | os.PathLike[str]) -> tuple[str, str]:
    """(text, name to show in problems). A ``str`` with a line break is YAML text; anything else is a path."""
    if isinstance(path_or_text, str) and ("\n" in path_or_text or not path_or_text.strip()):
        if len(path_or_text.encode("utf-8", "surrogatepass")) > MAX_REGISTRY_BYTES:
            raise InputError(
                f"registries over {MAX_REGISTRY_BYTES:,} bytes are refused: split the registry (one per "
                "section of the article)"
            )
        return path_or_text, "<claims>"
    from .article import read_text_file

    name = str(Path(path_or_text))
    return read_text_file(name, "claims registry", max_bytes=MAX_REGISTRY_BYTES), name


def _as_article(article: Article | str | os.PathLike[str] | None) -> Article | None:
    if article is None or isinstance(article, Article):
        return article
    from .article import load_article

    return load_article(article)


def validate_claims(
    claims: Iterable[Claim],
    *,
    article: Article | None = None,
    references: Iterable[Reference] | None = None,
    library: Iterable[Reference] | None = None,
) -> list[Problem]:
    """Check claims made in code (or drafted) the way :func:`load_claims` checks a file: unknown kind, stance,
    directness, appraisal word (certainty, comparator, timeframe, indirectness, effect) or source (a key of
    ``references`` or ``library``), duplicate ids, quotes not in the article."""
    known = {ref.key for ref in references} if references is not None else None
    if known is not None and library is not None:
        known |= {ref.key for ref in library}
    index = QuoteIndex(article) if article is not None and article.text.strip() else None
    problems: list[Problem] = []
    seen: set[str] = set()

    def add(code: str, message: str, claim: Claim, field: str | None) -> None:
        problems.append(Problem(code, message, file=claim.file, line=claim.line, key=claim.id, field=field))

    for claim in claims:
        if claim.id in seen:
            add("claims.duplicate_id", f"claim {claim.id!r}: the id is used twice", claim, "id")
        seen.add(claim.id)
        if claim.kind not in CLAIM_KINDS:
            add("claims.unknown_kind", f"claim {claim.id!r}: unknown kind {claim.kind!r}", claim, "kind")
        if index is not None and claim.quote and index.find(claim.quote)[0] is None:
            add(
                "claims.quote_not_found",
                f"claim {claim.id!r}: the quote is not in the article",
                claim,
                "quote",
            )
        for link in claim.links:
            if link.stance not in STANCES:
                add(
                    "claims.unknown_stance",
                    f"claim {claim.id!r}: unknown stance {link.stance!r}",
                    claim,
                    "stance",
                )
            if link.directness not in DIRECTNESS:
                add(
                    "claims.unknown_directness",
                    f"claim {claim.id!r}: unknown directness {link.directness!r}",
                    claim,
                    "directness",
                )
            for name, allowed in APPRAISAL_FIELDS.items():
                value = getattr(link, name)
                if value is not None and value not in allowed:
                    add(
                        f"claims.unknown_{name}", f"claim {claim.id!r}: unknown {name} {value!r}", claim, name
                    )
            if known is not None and link.source not in known:
                add(
                    "claims.unknown_source",
                    f"claim {claim.id!r}: {link.source!r} is not a key of the references",
                    claim,
                    "source",
                )
    return problems


def load_claims(
    path: str | os.PathLike[str],
    *,
    article: Article | str | os.PathLike[str] | None = None,
    references: Iterable[Reference] | None = None,
    library: Iterable[Reference] | None = None,
    strict: bool = False,
) -> ClaimRegistry:
    """Read a claims registry (YAML file, or YAML text containing a line break) into a :class:`ClaimRegistry`.

    With ``article``, every quote is looked up in it (whitespace- and quote-style-insensitively) and each
    claim gets the id of the sentence its quote starts in; quotes not found are problems that name the closest
    sentences. With ``references``, every evidence ``source`` must be one of their keys, or of ``library``
    (outside works the article does not cite, which a reviewer may link to show a claim contradicted).
    Problems are returned in ``.problems``; with ``strict=True`` any problem raises
    :class:`~needling_evidence.errors.StrictError`.
    A missing, unreadable, non-UTF-8 or oversized file raises :class:`~needling_evidence.errors.InputError`.
    """
    text, name = _read(path)
    loaded_article = _as_article(article)
    known = {ref.key for ref in references} if references is not None else None
    if known is not None and library is not None:
        known |= {ref.key for ref in library}
    checker = _Checker(name, loaded_article, known)
    root = parse_yaml(
        text,
        name,
        checker.problems,
        code=lambda kind: f"claims.{kind}",
        max_nodes=MAX_YAML_NODES,
        max_aliases=MAX_YAML_ALIASES,
    )
    syntax_failed = any(p.code in ("claims.yaml_syntax", "claims.yaml_bomb") for p in checker.problems)
    claims = [] if syntax_failed else checker.registry(root)
    registry = ClaimRegistry(claims, checker.problems, source=name)
    if strict and registry.problems:
        raise StrictError(registry.problems)
    return registry


# --- writing -----------------------------------------------------------------------------------------------


def registry_yaml(registry: ClaimRegistry, article: Article, *, article_path: str | None = None) -> str:
    """A claims registry as YAML in the shipped schema (``claims_schema.yaml``), with no evidence yet: what
    ``needling-evidence claims draft`` writes; it loads back with :func:`load_claims`."""
    import yaml

    claims = []
    for claim in registry:
        sentence = article.sentence(claim.sentence_id) if claim.sentence_id else None
        entry: dict[str, Any] = {
            "id": claim.id,
            "text": claim.text,
            "quote": claim.quote or (sentence.text if sentence is not None else claim.text),
            "kind": claim.kind,
        }
        for name in ("condition", "population", "note"):
            value = getattr(claim, name)
            if value:
                entry[name] = value
        entry["evidence"] = []
        claims.append(entry)
    document: dict[str, Any] = {"schema_version": 1}
    meta = {k: v for k, v in (("title", article.title), ("file", article_path)) if v}
    if meta:
        document["article"] = meta
    document["note"] = (
        "Drafted by `needling-evidence claims draft`: candidate claims only. Check each text, kind and "
        "quote; delete what is not a claim; add evidence entries (source, stance, directness, rationale) as "
        "you review."
    )
    document["claims"] = claims
    header = "# Claims registry drafted by needling-evidence. Schema: needling_evidence/claims_schema.yaml\n"
    return header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
