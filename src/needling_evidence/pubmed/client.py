"""The one door to PubMed: :class:`PubMedClient`, over NCBI's E-utilities and the PMC ID converter.

Why a thin client of our own over the standard library (``http.client`` through
:class:`~needling_evidence.crossref.transport.HttpTransport`: kept-alive connections, a size cap, bounded
redirects) rather than the field's libraries:
Biopython's ``Bio.Entrez`` keeps its base URL, e-mail and pacing in module globals (one setting per process,
not per client; pointing it at a test server means patching the module) and pulls in NumPy; biocommons
``eutils`` wraps XML only, with its own cache and no ESummary-JSON, ECitMatch or ID-converter routes;
metapub brings a dozen dependencies and a cache of its own. What we need — five routes, batches, NCBI's
pacing, retries, our SQLite cache and an offline mode — is a few hundred lines, with no new dependency and a
base URL per client.
(httpx2 is installed only as habanero's private dependency; it is not ours to import.)

NCBI's rules, kept here: at most 3 requests/s without an API key and 10 with one (requests are spaced, not
sent in bursts); ``tool`` and ``email`` on every request; batches (EFetch/ESummary by POST beyond
:data:`POST_ABOVE_IDS` IDs; ESummary JSON at most 500 UIDs per request; the ID converter at most 200). A 429
(``{"error":"API rate limit exceeded"}``), a 5xx, a timeout or a dropped connection is retried with
exponential backoff; if it still fails, the lookup is ``failed`` — never "not found" — and nothing is cached.
A body that is not what the route documents is ``failed`` too ("malformed answer").
"""

from __future__ import annotations

import json
import logging
import math
import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlencode, urlsplit

from ..crossref.cache import Cache, CachedPubMed, CachedQuery, iso_now
from ..crossref.session import IndexSession
from ..crossref.transport import HttpTransport, TransportError
from ..doi import normalize_doi
from ..errors import InputError, NeedlingEvidenceError
from ..model import Provenance
from .records import (
    MalformedAnswer,
    PubMedRecord,
    parse_ecitmatch,
    parse_efetch,
    parse_esearch,
    parse_esummary,
    parse_idconv,
    record_from_summary,
)

__all__ = [
    "API_KEY_ENV",
    "EUTILS_URL",
    "IDCONV_URL",
    "MAX_ESUMMARY_IDS",
    "MAX_IDCONV_IDS",
    "POST_ABOVE_IDS",
    "URL_ENV",
    "PubMedClient",
    "PubMedError",
    "PubMedLookup",
    "PubMedSnapshot",
    "PubMedStats",
    "PubMedUnavailable",
]

log = logging.getLogger(__name__)

EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
IDCONV_URL = "https://pmc.ncbi.nlm.nih.gov/tools/idconv/api/v1/articles/"
URL_ENV = "NEEDLING_EVIDENCE_PUBMED_URL"
MAILTO_ENV = "NEEDLING_EVIDENCE_MAILTO"
API_KEY_ENV = "NCBI_API_KEY"

# NCBI E-utilities usage guidelines: "no more than 3 requests per second" without an API key, 10 with one.
RATE_WITHOUT_KEY = 3.0
RATE_WITH_KEY = 10.0
# Requests are spaced 5 % wider than the limit: NCBI counts arrivals, and our clock and theirs differ.
SPACING_MARGIN = 1.05
# NCBI: "if more than about 200 UIDs are to be provided, the request should be made using the HTTP POST
# method"; we POST from 200 on.
POST_ABOVE_IDS = 200
# EFetch batch: NCBI allows up to 10,000 records per EFetch; 200 keeps each PubMed XML answer a few MB.
EFETCH_BATCH = 200
# ESummary with retmode=json refuses more than 500 UIDs per request (and says so inside an HTTP 200).
MAX_ESUMMARY_IDS = 500
# The PMC ID converter: "up to 200 IDs".
MAX_IDCONV_IDS = 200
# ECitMatch lines per request (each line is short; 100 keeps a GET URL well under common 8 kB limits).
ECITMATCH_BATCH = 100
# ESearch OR-queries of DOIs ("a[doi] OR b[doi]"), per request.
DOI_SEARCH_BATCH = 50
DEFAULT_TIMEOUT_SECONDS = 10.0
DEFAULT_MAX_RETRIES = 4  # 1 try + 4 retries, backoff 0.5, 1, 2, 4 s (before jitter)
DEFAULT_BACKOFF_SECONDS = 0.5
MAX_RETRY_AFTER_SECONDS = 120.0
DEFAULT_TTL_DAYS = 30

Outcome = Literal["found", "not_found", "failed"]


class PubMedError(NeedlingEvidenceError):
    """A PubMed client set up wrongly (bad base URL, bad snapshot, bad option)."""


class PubMedUnavailable(Exception):
    """PubMed could not be asked, or gave no usable answer (network, rate limit, 5xx, timeout, malformed body,
    offline and not cached): the lookup is unverified, never "not found"."""

    def __init__(self, message: str, *, status: int | None = None, retryable: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.retryable = retryable
        self.retry_after: float | None = None
        self.unreachable = False  # no connection at all: name resolution failed, connection refused


@dataclass(frozen=True)
class PubMedLookup:
    """The answer for one PMID: ``found`` (with the record), ``not_found`` (PubMed answered without it) or
    ``failed`` (the reason in ``error``)."""

    pmid: str
    outcome: Outcome
    record: PubMedRecord | None = None
    provenance: Provenance | None = None
    error: str | None = None


@dataclass
class PubMedStats:
    requests: int = 0
    rate_limited: int = 0
    retries: int = 0
    cache_hits: int = 0
    snapshot_hits: int = 0
    routes: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def count(self, route: str) -> None:
        with self._lock:
            self.requests += 1
            self.routes[route] = self.routes.get(route, 0) + 1

    def add(self, **counts: int) -> None:
        """Add to counters (searches run on several threads)."""
        with self._lock:
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)


@dataclass(frozen=True)
class PubMedSnapshot:
    """Bundled PubMed records, each saying where its fields were confirmed.

    Format: ``{"schema_version": 1, "made", "how", "records": [{"pmid", "provenance_note", "record"}],
    "not_confirmed": [{"key", "note"}]}``.
    """

    path: Path
    made: str
    how: str
    records: Mapping[str, tuple[PubMedRecord, str]]
    not_confirmed: tuple[Mapping[str, Any], ...] = ()

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> PubMedSnapshot:
        where = Path(path)
        try:
            data = json.loads(where.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"cannot read the PubMed snapshot: {exc}", path=str(where)) from exc
        if not isinstance(data, dict) or data.get("schema_version") != 1:
            raise InputError("not a PubMed snapshot (expected schema_version 1)", path=str(where))
        records: dict[str, tuple[PubMedRecord, str]] = {}
        for entry in data.get("records") or []:
            record = PubMedRecord.from_dict(entry["record"])
            records[record.pmid] = (record, str(entry.get("provenance_note") or ""))
        return cls(
            where,
            str(data.get("made") or ""),
            str(data.get("how") or ""),
            records,
            tuple(u for u in data.get("not_confirmed") or [] if isinstance(u, dict)),
        )

    def provenance(self, note: str) -> Provenance:
        return Provenance(kind="snapshot", fetched=self.made, note=f"{self.how} {note}".strip())

    def by_doi(self, doi: str) -> PubMedRecord | None:
        return next((r for r, _ in self.records.values() if r.doi == doi), None)


class _Spacer:
    """Spaces request starts at least ``1/rate`` seconds apart (thread-safe; clock and sleep injectable)."""

    def __init__(self, rate: float, clock: Callable[[], float], sleep: Callable[[float], None]) -> None:
        self.interval = SPACING_MARGIN / rate
        self._clock, self._sleep = clock, sleep
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            self._sleep(start - now)


class PubMedClient(IndexSession):
    """The one door to NCBI E-utilities and the PMC ID converter.

    ``base_url``: the E-utilities base (default NCBI's, or ``$NEEDLING_EVIDENCE_PUBMED_URL``); with a custom
    one every request goes to that host, the ID converter too (``{base_url}/idconv``). ``email``: sent with
    every request as NCBI asks (default ``$NEEDLING_EVIDENCE_MAILTO``); ``api_key`` (default
    ``$NCBI_API_KEY``) raises the allowance from 3 to 10 requests/s; neither is ever logged or cached.
    ``cache``: a path, a :class:`~needling_evidence.crossref.cache.Cache` (the same file as Crossref's),
    ``None`` for the default file or ``False`` for none. ``offline``: answer from the cache and the bundled
    snapshot only. ``sleep`` and ``clock`` are injectable so tests of pacing and retries take milliseconds.
    """

    INDEX = "PubMed"
    UNREACHABLE_HINT = (
        "Check your network or proxy (HTTPS_PROXY), run with --no-pubmed, or with --offline to use "
        "the cache and the bundled snapshot."
    )

    def __init__(
        self,
        *,
        base_url: str | None = None,
        email: str | None = None,
        api_key: str | None = None,
        tool: str = "needling_evidence",
        cache: str | os.PathLike[str] | Cache | Literal[False] | None = None,
        offline: bool = False,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        snapshot: str | os.PathLike[str] | PubMedSnapshot | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        backoff: float = DEFAULT_BACKOFF_SECONDS,
        ttl_days: float = DEFAULT_TTL_DAYS,
        rate: float | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        url = base_url or os.environ.get(URL_ENV) or EUTILS_URL
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise PubMedError(f"the PubMed base URL must be an http(s) URL, not {url!r}")
        if timeout <= 0 or max_retries < 0 or backoff < 0 or ttl_days < 0:
            raise PubMedError("timeout must be > 0; max_retries, backoff and ttl_days must be >= 0")
        if not tool or any(c.isspace() for c in tool):
            raise PubMedError("tool must be a name with no spaces (NCBI's rule)")
        self.base_url = url.rstrip("/")
        self.idconv_url = IDCONV_URL if self.base_url == EUTILS_URL else f"{self.base_url}/idconv"
        self._email = email or os.environ.get(MAILTO_ENV) or None
        self._api_key = api_key or os.environ.get(API_KEY_ENV) or None
        self.tool = tool
        self.offline = offline
        self.timeout = float(timeout)
        self.max_retries = max_retries
        self.backoff = backoff
        self.ttl_days = ttl_days
        self._sleep = sleep
        self.rate = rate or (RATE_WITH_KEY if self._api_key else RATE_WITHOUT_KEY)
        # NCBI counts requests per address: clients in one process share the allowance (as Crossref's do)
        shared = sleep is time.sleep and clock is time.monotonic
        self._spacer = (
            _shared_spacer(self.base_url, self.rate) if shared else _Spacer(self.rate, clock, sleep)
        )
        self._http: HttpTransport | None = None
        self._state_lock = threading.Lock()
        self._unreachable: str | None = None  # why PubMed could not be reached, once noticed
        # live answers already fetched by this client, so one run never asks twice for a PMID (even uncached)
        self._memo: dict[str, PubMedLookup] = {}
        self.stats = PubMedStats()
        self._open_cache(cache)
        self.snapshot = (
            PubMedSnapshot.load(snapshot)
            if snapshot is not None and not isinstance(snapshot, PubMedSnapshot)
            else snapshot
        )

    @classmethod
    def bundled(cls) -> PubMedClient:
        """An offline client over the bundled dry-needling PubMed snapshot, with no cache file."""
        from ..datasets.paths import dry_needling_path

        return cls(offline=True, cache=False, snapshot=dry_needling_path("pubmed-snapshot.json"))

    def __repr__(self) -> str:
        cache = str(self.cache.path) if self.cache is not None else None
        return (
            f"PubMedClient(base_url={self.base_url!r}, api_key={'set' if self._api_key else 'none'}, "
            f"offline={self.offline}, cache={cache!r})"
        )

    # --- records by PMID ------------------------------------------------------------------------------------

    def fetch(self, pmids: Iterable[str]) -> dict[str, PubMedLookup]:
        """Full records (EFetch XML: abstract, MeSH, publication types, notices) for ``pmids``, by PMID."""
        return self._records(pmids, "efetch")

    def summaries(self, pmids: Iterable[str]) -> dict[str, PubMedLookup]:
        """Summary records (ESummary JSON: no abstract, MeSH or notices) for ``pmids``, by PMID; a cached full
        record serves too."""
        return self._records(pmids, "esummary")

    def _records(self, pmids: Iterable[str], route: Literal["efetch", "esummary"]) -> dict[str, PubMedLookup]:
        wanted = list(dict.fromkeys(p.strip() for p in pmids if p and p.strip()))
        answers: dict[str, PubMedLookup] = {}
        for pmid in wanted:
            if not pmid.isdigit():
                answers[pmid] = PubMedLookup(pmid, "failed", error=f"not a PMID: {pmid!r}")
        for pmid in wanted:
            seen = self._memo.get(pmid)
            if pmid not in answers and seen is not None:
                full = seen.record is None or seen.record.extra.get("via") != "esummary"
                if route == "esummary" or full:
                    answers[pmid] = seen
        todo = [p for p in wanted if p not in answers]
        cached: dict[str, CachedPubMed] = {}
        if self.cache is not None and todo:
            try:
                cached = self.cache.get_pubmed(self.base_url, todo)
            except sqlite3.Error as exc:
                log.warning("could not read the PubMed cache: %s", exc)
        for pmid, entry in cached.items():
            full = entry.record is None or (entry.record.get("extra") or {}).get("via") != "esummary"
            if (route == "esummary" or full) and (self.offline or self._fresh(entry)):
                try:
                    answers[pmid] = self._from_cache(entry)
                except (TypeError, ValueError, KeyError) as exc:  # a row of another shape: as if not cached
                    log.warning("skipping a cached PubMed record of PMID %s: %s", pmid, exc)
        self.stats.add(cache_hits=sum(1 for p in todo if p in answers))
        todo = [p for p in todo if p not in answers]
        if self.offline:
            for pmid in todo:
                answers[pmid] = self._offline(pmid)
            return {p: answers[p] for p in wanted}
        if todo:
            fetched = self._fetch_efetch(todo) if route == "efetch" else self._fetch_esummary(todo)
            self._store(fetched.values())
            self._memo.update({p: lk for p, lk in fetched.items() if lk.outcome != "failed"})
            for pmid, lookup in fetched.items():
                if lookup.outcome == "failed":
                    lookup = self._fallback(pmid, lookup, cached.get(pmid))
                answers[pmid] = lookup
        return {p: answers[p] for p in wanted}

    def _fetch_efetch(self, pmids: list[str]) -> dict[str, PubMedLookup]:
        out: dict[str, PubMedLookup] = {}
        for start in range(0, len(pmids), EFETCH_BATCH):
            batch = pmids[start : start + EFETCH_BATCH]
            params = {"db": "pubmed", "retmode": "xml", "id": ",".join(batch)}
            try:
                body = self._request("efetch", "/efetch.fcgi", params, post=len(batch) >= POST_ABOVE_IDS)
                records = parse_efetch(body)
            except (PubMedUnavailable, MalformedAnswer) as exc:
                out.update(self._batch_failed("EFetch", batch, exc))
                continue
            when = iso_now()
            for pmid in batch:
                record = records.get(pmid)
                out[pmid] = (
                    PubMedLookup(pmid, "found", record, self._live(when))
                    if record is not None
                    else PubMedLookup(pmid, "not_found", provenance=self._live(when))
                )
        return out

    def _fetch_esummary(self, pmids: list[str], size: int = MAX_ESUMMARY_IDS) -> dict[str, PubMedLookup]:
        out: dict[str, PubMedLookup] = {}
        for start in range(0, len(pmids), size):
            batch = pmids[start : start + size]
            params = {"db": "pubmed", "retmode": "json", "id": ",".join(batch)}
            try:
                body = self._request("esummary", "/esummary.fcgi", params, post=len(batch) >= POST_ABOVE_IDS)
                docs = parse_esummary(body)
            except MalformedAnswer as exc:
                if "too many" in str(exc).casefold() and len(batch) > 1:
                    # NCBI lowered its limit under us (it says so inside an HTTP 200): halve and go on
                    out.update(self._fetch_esummary(batch, max(1, len(batch) // 2)))
                    continue
                out.update(self._batch_failed("ESummary", batch, exc))
                continue
            except PubMedUnavailable as exc:
                out.update(self._batch_failed("ESummary", batch, exc))
                continue
            when = iso_now()
            for pmid in batch:
                doc = docs.get(pmid)
                if doc is None:
                    out[pmid] = PubMedLookup(pmid, "not_found", provenance=self._live(when))
                else:
                    record = record_from_summary(doc)
                    record = PubMedRecord(**{**record.__dict__, "extra": {"via": "esummary"}})
                    out[pmid] = PubMedLookup(pmid, "found", record, self._live(when))
        return out

    @staticmethod
    def _batch_failed(route: str, batch: Sequence[str], exc: Exception) -> dict[str, PubMedLookup]:
        why = exc.message if isinstance(exc, PubMedUnavailable) else f"malformed answer: {exc}"
        return {p: PubMedLookup(p, "failed", error=f"PubMed {route}: {why}") for p in batch}

    # --- identifiers ----------------------------------------------------------------------------------------

    def convert_ids(self, ids: Iterable[str]) -> dict[str, dict[str, str]]:
        """The PMC ID converter: for each DOI / PMID / PMCID asked, the identifiers it maps to (an empty
        mapping when the converter knows none — it knows only works in PMC). Raises nothing: a failed batch
        leaves its IDs out and is logged; the callers treat a missing answer as "could not check"."""
        asked = list(dict.fromkeys(i.strip() for i in ids if i and i.strip()))
        answers: dict[str, dict[str, str]] = {}
        todo = []
        for ident in asked:
            hit = self._cached_query(f"idconv:{ident.casefold()}")
            if hit is not None:
                answers[ident] = dict(hit[0]) if hit else {}
            else:
                todo.append(ident)
        if self.offline or not todo:
            return answers
        for start in range(0, len(todo), MAX_IDCONV_IDS):
            batch = todo[start : start + MAX_IDCONV_IDS]
            params = {"ids": ",".join(batch), "format": "json"}
            try:
                records = parse_idconv(self._request("idconv", "", params, url=self.idconv_url))
            except (PubMedUnavailable, MalformedAnswer) as exc:
                self._warn("PubMed ID converter failed: %s", exc)
                continue
            by_id = _index_idconv(records)
            for ident in batch:
                found = by_id.get(_id_key(ident), {})
                answers[ident] = found
                self._store_query(f"idconv:{ident.casefold()}", [found] if found else [])
        return answers

    def pmids_for_dois(self, dois: Iterable[str]) -> tuple[dict[str, str], set[str]]:
        """PMIDs for DOIs: the ID converter first (PMC works), then ESearch ``doi[doi] OR …`` in batches (the
        PMIDs found are matched back to DOIs by EFetch). Returns (DOI → PMID, DOIs whose search failed)."""
        wanted = list(dict.fromkeys(d for d in (normalize_doi(x) for x in dois) if d))
        found: dict[str, str] = {}
        failed: set[str] = set()
        if self.snapshot is not None:
            for doi in wanted:
                record = self.snapshot.by_doi(doi)
                if record is not None and self.offline:
                    found[doi] = record.pmid
        converted = self.convert_ids([d for d in wanted if d not in found])
        for doi, ids in converted.items():
            if ids.get("pmid"):
                found[doi] = ids["pmid"]
        rest = [d for d in wanted if d not in found]
        if self.offline:
            failed.update(d for d in rest if self._cached_query(f"esearch-doi:{d}") is None)
            for doi in rest:
                hit = self._cached_query(f"esearch-doi:{doi}")
                if hit:
                    found[doi] = str(hit[0]["pmid"])
            return found, failed
        for start in range(0, len(rest), DOI_SEARCH_BATCH):
            batch = rest[start : start + DOI_SEARCH_BATCH]
            cached = {d: self._cached_query(f"esearch-doi:{d}") for d in batch}
            ask = [d for d in batch if cached[d] is None]
            for doi, hit in cached.items():
                if hit:
                    found[doi] = str(hit[0]["pmid"])
            if not ask:
                continue
            term = " OR ".join(f'"{d}"[doi]' for d in ask)
            try:
                pmids = self.search(term, retmax=len(ask) * 2, cache=False)
            except PubMedUnavailable as exc:
                self._warn("PubMed DOI search failed: %s", exc)
                failed.update(ask)
                continue
            lookups = self.fetch(pmids) if pmids else {}
            if any(lk.outcome == "failed" for lk in lookups.values()):
                failed.update(ask)
                continue
            by_doi = {lk.record.doi: lk.record.pmid for lk in lookups.values() if lk.record and lk.record.doi}
            for doi in ask:
                pmid = by_doi.get(doi)
                if pmid:
                    found[doi] = pmid
                self._store_query(f"esearch-doi:{doi}", [{"pmid": pmid}] if pmid else [])
        return found, failed

    def citation_match(self, lines: Mapping[str, str]) -> dict[str, str | None]:
        """ECitMatch: ``key → journal|year|volume|first_page|author|key|`` lines in, ``key → PMID`` (None:
        no unique match) out. A failed batch raises ``PubMedUnavailable`` (PubMed could not be asked)."""
        out: dict[str, str | None] = {}
        todo = []
        for key, line in lines.items():
            hit = self._cached_query(f"ecitmatch:{line}")
            if hit is not None:
                out[key] = str(hit[0]["pmid"]) if hit else None
            else:
                todo.append(key)
        if self.offline and todo:
            raise PubMedUnavailable("offline: this citation match is not cached")
        keys = list(todo)
        for start in range(0, len(keys), ECITMATCH_BATCH):
            batch = keys[start : start + ECITMATCH_BATCH]
            params = {"db": "pubmed", "retmode": "xml", "bdata": "\r".join(lines[k] for k in batch)}
            try:
                answer = parse_ecitmatch(self._request("ecitmatch", "/ecitmatch.cgi", params))
            except MalformedAnswer as exc:
                raise PubMedUnavailable(f"ECitMatch: malformed answer: {exc}") from exc
            for key in batch:
                pmid = answer.get(key)
                out[key] = pmid
                self._store_query(f"ecitmatch:{lines[key]}", [{"pmid": pmid}] if pmid else [])
        return out

    def search(self, term: str, *, retmax: int = 5, cache: bool = True) -> list[str]:
        """ESearch ``db=pubmed``: the PMIDs PubMed returns for ``term``, best first. Raises
        ``PubMedUnavailable`` when PubMed could not be asked (offline and not
        cached, network, rate limit, malformed answer)."""
        key = f"esearch:{retmax}:{' '.join(term.split())}"
        hit = self._cached_query(key) if cache else None
        if hit is not None:
            return [str(h["pmid"]) for h in hit]
        if self.offline:
            raise PubMedUnavailable("offline: this PubMed search is not cached")
        params = {"db": "pubmed", "retmode": "xml", "retmax": str(retmax), "term": term}
        try:
            pmids = parse_esearch(self._request("esearch", "/esearch.fcgi", params))
        except MalformedAnswer as exc:
            raise PubMedUnavailable(f"ESearch: malformed answer: {exc}") from exc
        if cache:
            self._store_query(key, [{"pmid": p} for p in pmids])
        return pmids

    def search_all(self, terms: Sequence[str], *, retmax: int = 5) -> list[list[str] | PubMedUnavailable]:
        """:meth:`search` for each of ``terms``, answers in the same order, several in flight at once: NCBI
        limits how often requests start (3/s, 10/s with a key), which the client's spacer keeps to, not how
        many are answered at a time. So searches answered in more than the spacing (a third of a second
        without a key) overlap instead of queueing; at most ``ceil(rate)`` are in flight, which covers
        answers of up to a second at the full rate. A search that could not be asked gives its
        :class:`PubMedUnavailable` in its place; a term asked twice is searched once."""

        def one(term: str) -> list[str] | PubMedUnavailable:
            try:
                return self.search(term, retmax=retmax)
            except PubMedUnavailable as exc:
                return exc

        unique = list(dict.fromkeys(terms))
        if len(unique) <= 1 or self.offline:
            answers = {term: one(term) for term in unique}
        else:
            workers = min(len(unique), max(1, math.ceil(self.rate)))
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="pubmed-search") as pool:
                answers = dict(zip(unique, pool.map(one, unique), strict=True))
        return [answers[term] for term in terms]

    # --- cache, snapshot, provenance ------------------------------------------------------------------------

    def _fresh(self, entry: CachedPubMed) -> bool:
        days = self.ttl_days if entry.outcome == "found" else min(self.ttl_days, 1)
        return entry.age().total_seconds() < days * 86400

    def _live(self, when: str) -> Provenance:
        return Provenance(kind="live", fetched=when, base_url=self.base_url, note="PubMed (NCBI E-utilities)")

    def _from_cache(self, entry: CachedPubMed, *, stale: str | None = None) -> PubMedLookup:
        note = f"PubMed record fetched live from {entry.base_url}; kept in the local cache"
        if stale:
            note += f"; used after the live lookup failed ({stale})"
        provenance = Provenance(kind="cache", fetched=entry.fetched_at, note=note, base_url=entry.base_url)
        record = PubMedRecord.from_dict(entry.record) if entry.record is not None else None
        return PubMedLookup(entry.pmid, entry.outcome, record, provenance)

    def _offline(self, pmid: str) -> PubMedLookup:
        hit = self.snapshot.records.get(pmid) if self.snapshot is not None else None
        if self.snapshot is not None and hit is not None:
            self.stats.add(snapshot_hits=1)
            return PubMedLookup(pmid, "found", hit[0], self.snapshot.provenance(hit[1]))
        where = "not in cache or snapshot" if self.snapshot is not None else "not cached"
        return PubMedLookup(pmid, "failed", error=f"offline: PubMed record {where}")

    def _fallback(self, pmid: str, failed: PubMedLookup, stale: CachedPubMed | None) -> PubMedLookup:
        if stale is not None:
            return self._from_cache(stale, stale=failed.error)
        hit = self.snapshot.records.get(pmid) if self.snapshot is not None else None
        if self.snapshot is not None and hit is not None:
            return PubMedLookup(pmid, "found", hit[0], self.snapshot.provenance(hit[1]))
        return failed

    def _store(self, lookups: Iterable[PubMedLookup]) -> None:
        if self.cache is None:
            return
        entries = [
            CachedPubMed(
                lk.pmid,
                "found" if lk.outcome == "found" else "not_found",
                lk.record.as_dict() if lk.record is not None else None,
                lk.provenance.fetched or iso_now(),
                self.base_url,
                "live",
            )
            for lk in lookups
            if lk.outcome in ("found", "not_found")
            and lk.provenance is not None
            and lk.provenance.kind == "live"
        ]
        try:
            self.cache.put_pubmed(entries)
        except sqlite3.Error as exc:
            log.warning("could not write to the PubMed cache: %s", exc)

    def _cached_query(self, key: str) -> tuple[Mapping[str, Any], ...] | None:
        if self.cache is None:
            return None
        try:
            entry = self.cache.get_query(self.base_url, key, 0)
        except sqlite3.Error:
            return None
        if entry is None:
            return None
        if not self.offline and entry.age().total_seconds() >= self.ttl_days * 86400:
            return None
        self.stats.add(cache_hits=1)
        return entry.items

    def _store_query(self, key: str, items: list[Mapping[str, Any]]) -> None:
        if self.cache is None:
            return
        try:
            self.cache.put_query(CachedQuery(key, 0, tuple(items), iso_now(), self.base_url, "live"))
        except sqlite3.Error as exc:
            log.warning("could not write to the PubMed cache: %s", exc)

    # --- one request, paced and retried ---------------------------------------------------------------------

    def _request(
        self, route: str, path: str, params: Mapping[str, str], *, post: bool = False, url: str | None = None
    ) -> bytes:
        query = dict(params)
        query["tool"] = self.tool
        if self._email:
            query["email"] = self._email
        if self._api_key:
            query["api_key"] = self._api_key
        target = url or f"{self.base_url}{path}"
        encoded = urlencode(query)
        attempt = 0
        while True:
            with self._state_lock:
                if self._unreachable is not None:
                    raise PubMedUnavailable(f"not tried: {self._unreachable}")
            self._spacer.wait()
            self.stats.count(route)
            try:
                return self._send(target, encoded, post)
            except PubMedUnavailable as failure:
                if failure.status == 429:
                    self.stats.add(rate_limited=1)
                # one retry rides out a blip; a second failure to connect at all ends this run's asking
                if failure.unreachable and attempt >= min(1, self.max_retries):
                    self._noticed_unreachable(failure.message)
                    raise
                if not failure.retryable or attempt >= self.max_retries:
                    if failure.retryable:
                        failure.message += f" (gave up after {attempt + 1} attempts)"
                    raise
                if failure.retry_after is not None and failure.retry_after > MAX_RETRY_AFTER_SECONDS:
                    failure.message += f" (asked to wait {failure.retry_after:.0f} s; not waiting that long)"
                    raise
                delay = random.uniform(self.backoff * 2**attempt / 2, self.backoff * 2**attempt)
                if failure.retry_after is not None:
                    delay = max(delay, failure.retry_after)
                self.stats.add(retries=1)
                log.debug("PubMed %s: %s; retrying in %.2f s", route, failure.message, delay)
                self._sleep(delay)
                attempt += 1

    def _transport(self) -> HttpTransport:
        with self._state_lock:
            if self._http is None:
                agent = f"{self.tool} (needling_evidence; Python http.client)"
                self._http = HttpTransport(user_agent=agent, timeout=self.timeout)
            return self._http

    def _send(self, target: str, encoded: str, post: bool) -> bytes:
        try:
            if post:
                response = self._transport().post(
                    target, encoded.encode("ascii"), "application/x-www-form-urlencoded"
                )
            else:
                response = self._transport().get(f"{target}?{encoded}")
        except TransportError as exc:
            failure = PubMedUnavailable(
                self._scrub(exc.message), retryable=exc.kind in ("timeout", "dropped", "unreachable")
            )
            failure.unreachable = exc.kind == "unreachable"
            raise failure from exc
        if response.status == 200:
            return response.body
        status = response.status
        text = "an HTML page" if "html" in response.content_type else " ".join(response.text(300).split())
        failure = PubMedUnavailable(
            f"HTTP {status}" + (f" ({self._scrub(text)})" if text else ""),
            status=status,
            retryable=status == 429 or status >= 500,
        )
        failure.retry_after = _retry_after(response.headers.get("retry-after"))
        raise failure

    def _warn(self, message: str, *args: object) -> None:
        """A warning, unless it only repeats that PubMed cannot be reached (said once already)."""
        if self._unreachable is None:
            log.warning(message, *args)
        else:
            log.debug(message, *args)

    def _scrubbed(self, text: str) -> str:
        return self._scrub(text)

    def _scrub(self, text: str) -> str:
        for secret, label in ((self._email, "<email>"), (self._api_key, "<api_key>")):
            if secret:
                text = text.replace(secret, label)
        return text


_SPACERS: dict[tuple[str, float], _Spacer] = {}
_SPACERS_LOCK = threading.Lock()


def _shared_spacer(base_url: str, rate: float) -> _Spacer:
    with _SPACERS_LOCK:
        key = (urlsplit(base_url).netloc, rate)
        if key not in _SPACERS:
            _SPACERS[key] = _Spacer(rate, time.monotonic, time.sleep)
        return _SPACERS[key]


def _retry_after(value: str | None) -> float | None:
    from ..crossref.pacing import parse_retry_after

    return parse_retry_after(value)


def _id_key(ident: str) -> str:
    doi = normalize_doi(ident)
    return doi if doi else ident.strip().upper()


def _index_idconv(records: Iterable[Mapping[str, str]]) -> dict[str, dict[str, str]]:
    """ID-converter records by each identifier they carry (DOI canonical, PMCID upper case, PMID as is)."""
    index: dict[str, dict[str, str]] = {}
    for record in records:
        if record.get("status") == "error" or record.get("errmsg"):
            continue
        found = {k: record[k] for k in ("pmid", "pmcid", "doi") if record.get(k)}
        for name in ("pmid", "pmcid", "doi", "requested-id"):
            value = record.get(name)
            if value:
                index[_id_key(value)] = found
    return index
