"""The one door to Crossref: :class:`CrossrefClient`.

It speaks Crossref's REST API over its own kept-alive transport (:mod:`.transport`; habanero, which opens a
connection per call and hides the headers, is no longer used here) and adds few requests, pacing by request
kind, retries, validation of every answer, a cache, an offline mode and a bundled snapshot; it answers in
this project's values (:class:`~.base.Lookup`).

How a list of DOIs is looked up (``lookup_dois``):

1. each DOI is canonicalised (:func:`~needling_evidence.doi.normalize_doi`) and asked once, whatever the
   duplicates;
2. answers still fresh in the cache are used as they are (``refresh=True`` skips them);
3. offline, that is all: a stale cached answer, then the snapshot, else ``failed``;
4. online, the rest are fetched in batches, ``/works?filter=doi:A,doi:B,…&rows=N``, each URL kept under
   :data:`MAX_URL_PATH_BYTES`, the batches of even size; when they would need more than one interval of the
   list limit, the DOIs beyond the fewest intervals' full batches go alone (``/works/{doi}``) meanwhile, on
   the single-record budget, which is Crossref's other and otherwise idle (``CrossrefClient._plan``);
5. a DOI a batch did not return is asked at ``/works/{doi}/agency``: a 404 there means no agency knows it
   (``not_found``); another agency (DataCite, mEDRA, …) means ``not_found`` with ``agency`` set, which
   verification reports as ``not_crossref``; Crossref itself means the batch missed it (an alias, say), so it
   is fetched alone at ``/works/{doi}``. A DOI fetched alone in the first place (the only one to fetch) goes
   ``/works/{doi}`` first and to the agency route only after a 404. So a missing DOI costs one request, at
   most two.

Every request passes the :class:`~.pacing.Pacer` of its kind — single records (``/works/{doi}``, its
``/agency``) or lists (batches and searches, one shared pool) — with Crossref's documented limits, then
whatever each route announces; it is retried on 429, 5xx, timeouts and dropped connections with exponential
backoff and full jitter, honouring ``Retry-After`` (one too long to wait stops that kind of request for the
run). A lookup that still fails is ``failed`` with the reason in words, never ``not_found``, and is never
cached. Only a well-formed answer gives a verdict: a record of the shape Crossref documents, for the DOI
asked (:mod:`.shape`; a malformed one is asked once more), and a 404 in Crossref's own words from a base URL
known to be Crossref's. An index that cannot be reached at all (no name resolution, connection refused) is
noticed once, said in one warning line, and not asked again in the run.
"""

from __future__ import annotations

import json
import logging
import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar
from urllib.parse import quote, urlencode, urlsplit

from ..doi import normalize_doi
from ..errors import CrossrefError, InputError
from ..model import Provenance
from .base import Lookup, Progress, SearchResult
from .cache import (
    DEFAULT_TTL_DAYS,
    NOT_FOUND_TTL_DAYS,
    Cache,
    CachedQuery,
    CachedWork,
    iso_now,
)
from .pacing import LIMITS, Pacer, RequestKind, parse_retry_after
from .session import IndexSession
from .shape import agency_problem, work_problem
from .transport import HttpTransport, Response, TransportError

__all__ = [
    "CROSSREF_URL",
    "DEFAULT_MAX_RETRIES",
    "MAILTO_ENV",
    "MAX_URL_PATH_BYTES",
    "URL_ENV",
    "WORK_FIELDS",
    "ClientStats",
    "CrossrefClient",
    "Snapshot",
    "SnapshotRecord",
]

log = logging.getLogger(__name__)

CROSSREF_URL = "https://api.crossref.org"
URL_ENV = "NEEDLING_EVIDENCE_CROSSREF_URL"
MAILTO_ENV = "NEEDLING_EVIDENCE_MAILTO"

# Crossref's server takes 4096 bytes for the request line ("GET <path> HTTP/1.1"), leaving about 4092 for the
# path and query (Crossref staff, CrossRef/rest-api-doc#251; longer lines get 414). We budget 3,900 bytes for
# the path and query, counted exactly as they are sent (see _QUERY_SAFE), which leaves ~180 bytes for the
# method, the protocol and a proxy's rewriting to an absolute URL; a 414 all the same halves the batch. That
# is about 85 typical DOIs per request. (List requests are limited to 3/s, so DOIs per request set the pace.)
MAX_URL_PATH_BYTES = 3900
# Characters left as they are in a query: ":" "/" and "," are legal there (RFC 3986 §3.4) and common in DOIs
# and filters; encoding them would cost 2 bytes each, about 4 per DOI.
_QUERY_SAFE = ":/,"
# Crossref's maximum ``rows`` on a list route.
MAX_ROWS = 1000
# 1 try + 4 retries with backoff 0.5, 1, 2, 4 s (before jitter) rides out a 10-second outage or rate-limit
# spell.
DEFAULT_MAX_RETRIES = 4
DEFAULT_BACKOFF_SECONDS = 0.5
MAX_BACKOFF_SECONDS = 30.0
# A Retry-After longer than this fails the lookup (saying so) rather than freezing the caller.
MAX_RETRY_AFTER_SECONDS = 120.0
# Worker threads; the pacer, not the pool, decides how many requests are in flight. Crossref's polite pool
# allows 3 concurrent requests; 8 threads leave room for a server that announces more.
MAX_WORKERS = 8
DEFAULT_TIMEOUT_SECONDS = 10.0

# The fields a batch asks for (``select=``, list routes only): everything verification, notices and study
# design read, and none of the bulky lists nobody here reads (``reference`` — often most of a record —
# ``license``, ``link``, ``funder``, ``assertion``, ``indexed``…). Fewer bytes for Crossref to send, us to
# parse and the cache to keep; Zotero's Crossref translator does the same. ``fields=None`` asks for whole
# records. A DOI fetched alone (``/works/{doi}``, where Crossref ignores ``select``) comes whole: a superset
# of these.
WORK_FIELDS: tuple[str, ...] = (
    "DOI",
    "ISBN",
    "ISSN",
    "URL",
    "abstract",
    "accepted",
    "alternative-id",
    "article-number",
    "author",
    "clinical-trial-number",
    "container-title",
    "created",
    "editor",
    "is-referenced-by-count",
    "issn-type",
    "issue",
    "issued",
    "member",
    "original-title",
    "page",
    "posted",
    "prefix",
    "published",
    "published-online",
    "published-print",
    "publisher",
    "publisher-location",
    "references-count",
    "relation",
    "short-container-title",
    "short-title",
    "subject",
    "subtitle",
    "title",
    "type",
    "update-to",
    "updated-by",
    "volume",
)


# --- the bundled snapshot -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SnapshotRecord:
    doi: str
    message: Mapping[str, Any]
    note: str


@dataclass(frozen=True)
class Snapshot:
    """A bundled snapshot file of Crossref work messages, each labelled with how it was made.

    Format: ``{"schema_version": 1, "made": "YYYY-MM-DD", "how": "...", "records": [{"doi", "provenance_note",
    "message"}], "unknown": [{"key", "note"}]}``.
    """

    path: Path
    made: str
    how: str
    records: Mapping[str, SnapshotRecord]
    unknown: tuple[Mapping[str, Any], ...] = ()

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Snapshot:
        where = Path(path)
        try:
            data = json.loads(where.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise InputError("Crossref snapshot file not found", path=str(where)) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the Crossref snapshot: {exc}", path=str(where)) from exc
        except json.JSONDecodeError as exc:
            raise InputError(
                f"the Crossref snapshot is not valid JSON: {exc.msg}", path=str(where), line=exc.lineno
            ) from exc
        if not isinstance(data, dict) or data.get("schema_version") != 1:
            raise InputError("not a Crossref snapshot (expected schema_version 1)", path=str(where))
        made, how = data.get("made"), data.get("how")
        if not isinstance(made, str) or not isinstance(how, str) or not how.strip():
            raise InputError(
                "a Crossref snapshot must say when ('made') and how ('how') it was made", path=str(where)
            )
        records: dict[str, SnapshotRecord] = {}
        for number, record in enumerate(data.get("records") or [], start=1):
            doi = normalize_doi(record.get("doi")) if isinstance(record, dict) else None
            message = record.get("message") if isinstance(record, dict) else None
            if doi is None or not isinstance(message, dict):
                raise InputError(
                    f"snapshot record {number} needs a valid 'doi' and a 'message' object", path=str(where)
                )
            records[doi] = SnapshotRecord(doi, message, str(record.get("provenance_note") or ""))
        unknown = tuple(u for u in data.get("unknown") or [] if isinstance(u, dict))
        return cls(where, made, how, records, unknown)

    def provenance(self, record: SnapshotRecord) -> Provenance:
        note = f"{self.how} {record.note}".strip()
        return Provenance(kind="snapshot", fetched=self.made, note=note)


# --- statistics ---------------------------------------------------------------------------------------------


@dataclass
class ClientStats:
    """What a client has done so far (for benchmarks, the CLI's summary and tests)."""

    requests: int = 0  # HTTP requests sent, retries included
    rate_limited: int = 0  # 429 answers received
    retries: int = 0
    cache_hits: int = 0
    snapshot_hits: int = 0
    cache_errors: int = 0  # cache reads/writes that failed (logged; the lookups went on without the cache)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, **counts: int) -> None:
        with self._lock:
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)

    def as_dict(self) -> dict[str, int]:
        with self._lock:
            return {
                "requests": self.requests,
                "rate_limited": self.rate_limited,
                "retries": self.retries,
                "cache_hits": self.cache_hits,
                "snapshot_hits": self.snapshot_hits,
                "cache_errors": self.cache_errors,
            }


# --- HTTP failures ------------------------------------------------------------------------------------------


class _Failure(Exception):
    """One HTTP exchange that did not give a usable answer."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        retryable: bool = False,
        headers: Mapping[str, str] | None = None,
        not_found: bool = False,
        malformed: bool = False,
        unreachable: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.retryable = retryable
        self.headers: Mapping[str, str] = {k.lower(): v for k, v in (headers or {}).items()}
        self.not_found = not_found  # Crossref's own "not found" (a 404 in its words)
        self.malformed = malformed  # an answer that is not what the route documents: retried once
        self.unreachable = unreachable  # no connection at all (name resolution, refused)


Route = Literal["work", "agency", "filter", "search"]
_WHAT: dict[Route, str] = {
    "work": "work lookup",
    "agency": "agency lookup",
    "filter": "batch lookup",
    "search": "search",
}
_WHAT_BY_NAME = {"work": "work lookup", "agency": "agency lookup", "list": "list lookup"}
_T = TypeVar("_T")


def _kind(route: Route) -> RequestKind:
    """Crossref's limits depend on the kind of request: one record, or a list (filter batches, searches)."""
    return "single" if route in ("work", "agency") else "list"


@dataclass(frozen=True, slots=True)
class _Outcome:
    """What one network task learned about some DOIs; ``follow`` are DOIs that need the agency route."""

    lookups: Mapping[str, Lookup]
    follow_agency: tuple[str, ...] = ()
    follow_work: tuple[str, ...] = ()


# --- the client ---------------------------------------------------------------------------------------------


class CrossrefClient(IndexSession):
    """The one door to Crossref (implements :class:`~.base.WorkSource`).

    ``base_url``: default Crossref, or ``$NEEDLING_EVIDENCE_CROSSREF_URL``. ``mailto``: puts requests in
    Crossref's polite pool (default ``$NEEDLING_EVIDENCE_MAILTO``); it is sent in the User-Agent and nowhere
    else — never logged, cached, or shown in reprs and errors. ``cache``: a path, a :class:`~.cache.Cache`,
    ``None`` for the default file (``$NEEDLING_EVIDENCE_CACHE`` or the user cache directory) or ``False`` for
    none. ``offline``: answer from the cache and the snapshot only. ``snapshot``: a bundled snapshot file (see
    :class:`Snapshot`); offline it answers what the cache cannot, online it answers only when a live lookup
    failed, and its answers always say ``snapshot``. ``ttl_days``: how long a cached work is fresh (a cached
    404: :data:`~.cache.NOT_FOUND_TTL_DAYS` at most); ``refresh``: ask again even when the cached answer is
    fresh (if that fails, the cached answer is used and labelled as such). ``sleep`` and ``clock`` (default
    :func:`time.sleep`, :func:`time.monotonic`) are all the waiting it does — between retries and in its pacer
    (unless ``pacer`` is given) — so a test can pass a fake pair.
    """

    INDEX = "Crossref"
    UNREACHABLE_HINT = (
        "Check your network or proxy (HTTPS_PROXY), or run with --offline to use the cache and "
        "the bundled snapshot."
    )

    def __init__(
        self,
        *,
        base_url: str | None = None,
        mailto: str | None = None,
        cache: str | os.PathLike[str] | Cache | Literal[False] | None = None,
        offline: bool = False,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        snapshot: str | os.PathLike[str] | Snapshot | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        ttl_days: float = DEFAULT_TTL_DAYS,
        refresh: bool = False,
        backoff: float = DEFAULT_BACKOFF_SECONDS,
        pacer: Pacer | None = None,
        fields: Sequence[str] | None = WORK_FIELDS,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        url = base_url or os.environ.get(URL_ENV) or CROSSREF_URL
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
            raise CrossrefError(f"the Crossref base URL must be an http(s) URL, not {url!r}")
        if timeout <= 0 or max_retries < 0 or ttl_days < 0 or backoff < 0:
            raise CrossrefError("timeout must be > 0; max_retries, ttl_days and backoff must be >= 0")
        self.base_url = url.rstrip("/")
        self._mailto = mailto or os.environ.get(MAILTO_ENV) or None
        self.offline = offline
        self.timeout = float(timeout)
        self.max_retries = max_retries
        self.ttl_days = ttl_days
        self.refresh = refresh
        self.backoff = backoff
        self.fields = tuple(fields) if fields is not None else None
        self._sleep = sleep
        self._clock = clock
        polite = self._mailto is not None
        # single-record requests and list requests (batches and searches) are paced apart, as Crossref limits
        # them; a given ``pacer`` paces both
        self.pacer = pacer or _shared_pacer(self.base_url, "single", polite=polite, clock=clock, sleep=sleep)
        self.list_pacer = pacer or _shared_pacer(
            self.base_url, "list", polite=polite, clock=clock, sleep=sleep
        )
        self.stats = ClientStats()
        self._open_cache(cache)
        self.snapshot = (
            Snapshot.load(snapshot)
            if snapshot is not None and not isinstance(snapshot, Snapshot)
            else snapshot
        )
        self._http: HttpTransport | None = None
        self._transport_lock = threading.Lock()
        self._state_lock = threading.Lock()
        self._unreachable: str | None = None  # why Crossref could not be reached, once noticed
        self._blocked: dict[RequestKind, tuple[float, str]] = {}  # a Retry-After too long to wait
        self._probe_lock = threading.Lock()
        self._base_confirmed = False  # a well-formed answer has shown the base URL is a Crossref API
        self._base_doubt: str | None = None

    @classmethod
    def bundled(cls) -> CrossrefClient:
        """An offline client over the bundled dry-needling snapshot, with no cache file."""
        from ..datasets.paths import dry_needling_path

        return cls(offline=True, cache=False, snapshot=dry_needling_path("crossref-snapshot.json"))

    @property
    def polite(self) -> bool:
        """Whether requests carry a mailto (Crossref's polite pool)."""
        return self._mailto is not None

    def __repr__(self) -> str:
        cache = str(self.cache.path) if self.cache is not None else None
        snapshot = str(self.snapshot.path) if self.snapshot is not None else None
        return (
            f"CrossrefClient(base_url={self.base_url!r}, polite={self.polite}, offline={self.offline}, "
            f"cache={cache!r}, snapshot={snapshot!r})"
        )

    def _scrubbed(self, text: str) -> str:
        return _scrub(text, self._mailto)

    # --- public: the WorkSource contract --------------------------------------------------------------------

    def lookup_dois(self, dois: Sequence[str], *, progress: Progress | None = None) -> list[Lookup]:
        """One :class:`Lookup` per DOI in ``dois``, in input order (duplicates are asked once)."""
        canonical: list[str] = []
        answers: dict[str, Lookup] = {}
        for text in dois:
            doi = normalize_doi(text)
            if doi is None:
                key = f"\0invalid:{text}"
                answers[key] = Lookup(doi=text, outcome="failed", error=f"not a valid DOI: {text!r}")
                canonical.append(key)
            else:
                canonical.append(doi)
        unique = list(dict.fromkeys(d for d in canonical if d not in answers))
        total = len(unique)
        done = 0

        def settle(found: Mapping[str, Lookup]) -> None:
            nonlocal done
            answers.update(found)
            done += len(found)
            if progress is not None and found:
                progress(done, total)

        cached: dict[str, CachedWork] = {}
        try:
            cached = self.cache.get_works(self.base_url, unique) if self.cache is not None else {}
        except sqlite3.Error as exc:
            self._cache_trouble("read", exc)
        from_cache: dict[str, Lookup] = {}
        stale: dict[str, CachedWork] = {}
        # rows cached by one batch share their date: one (immutable) provenance for each date, not one per row
        provenances: dict[str, Provenance] = {}
        for doi, entry in cached.items():
            if entry.outcome == "found" and work_problem(entry.message, doi) is not None:
                # a row an older version cached from a malformed answer: as if never cached
                log.warning("ignoring a malformed cached Crossref record for %s", doi)
                continue
            if self.offline or (not self.refresh and self._fresh(entry)):
                provenance = provenances.get(entry.fetched_at)
                if provenance is None:
                    provenance = provenances[entry.fetched_at] = self._cache_provenance(entry.fetched_at)
                from_cache[doi] = self._from_cache(entry, provenance=provenance)
            else:
                stale[doi] = entry
        self.stats.add(cache_hits=len(from_cache))
        settle(from_cache)

        todo = [d for d in unique if d not in answers]
        if self.offline:
            settle({doi: self._offline_answer(doi) for doi in todo})
        elif todo:
            self._fetch(todo, stale, settle)
        return [answers[key] for key in canonical]

    def search_bibliographic(self, text: str, *, rows: int = 5) -> SearchResult:
        """Crossref's candidates for a free-text reference (``query.bibliographic``), best first."""
        if not text.strip():
            raise CrossrefError("search_bibliographic needs some text to search for")
        if not 1 <= rows <= MAX_ROWS:
            raise CrossrefError(f"rows must be between 1 and {MAX_ROWS}, not {rows}")
        entry: CachedQuery | None = None
        try:
            entry = self.cache.get_query(self.base_url, text, rows) if self.cache is not None else None
        except sqlite3.Error as exc:
            self._cache_trouble("read", exc)
        if entry is not None and (self.offline or (not self.refresh and self._fresh_query(entry))):
            self.stats.add(cache_hits=1)
            return SearchResult(text, "found", entry.items, self._cache_provenance(entry.fetched_at))
        if self.offline:
            where = "not in cache or snapshot" if self.snapshot is not None else "not cached"
            return SearchResult(text, "failed", error=f"offline: this search is {where}")
        params = {"query.bibliographic": " ".join(text.split()), "rows": str(rows)}
        try:
            listed = self._request("search", self._url("/works", params), _parse_work_list)
        except _Failure as failure:
            if entry is not None:
                return SearchResult(
                    text,
                    "found",
                    entry.items,
                    self._cache_provenance(entry.fetched_at, stale=failure.message),
                )
            return SearchResult(text, "failed", error=failure.message)
        self._base_confirmed = True
        # each candidate must be a well-formed record: a malformed one is no candidate
        items = tuple(item for item in listed if work_problem(item) is None)
        if len(items) < len(listed):
            log.debug("search: %d malformed candidate(s) left out", len(listed) - len(items))
        fetched = iso_now()
        if self.cache is not None:
            try:
                self.cache.put_query(CachedQuery(text, rows, items, fetched, self.base_url, "live"))
            except sqlite3.Error as exc:
                self._cache_trouble("write to", exc)
        return SearchResult(text, "found", items, self._live_provenance(fetched))

    # --- answers without the network ------------------------------------------------------------------------

    def _fresh(self, entry: CachedWork) -> bool:
        days = self.ttl_days if entry.outcome == "found" else min(self.ttl_days, NOT_FOUND_TTL_DAYS)
        return entry.age().total_seconds() < days * 86400

    def _fresh_query(self, entry: CachedQuery) -> bool:
        return entry.age().total_seconds() < self.ttl_days * 86400

    def _cache_provenance(self, fetched: str, *, stale: str | None = None) -> Provenance:
        note = f"fetched live from {self.base_url}; kept in the local cache"
        if stale:
            note += f"; used after the live lookup failed ({stale})"
        return Provenance(kind="cache", fetched=fetched, note=note, base_url=self.base_url)

    def _live_provenance(self, fetched: str) -> Provenance:
        return Provenance(kind="live", fetched=fetched, base_url=self.base_url)

    def _from_cache(
        self, entry: CachedWork, *, stale: str | None = None, provenance: Provenance | None = None
    ) -> Lookup:
        return Lookup(
            doi=entry.doi,
            outcome=entry.outcome,
            message=entry.message,
            provenance=provenance
            if provenance is not None
            else self._cache_provenance(entry.fetched_at, stale=stale),
            agency=entry.agency,
            status_code=404 if entry.outcome == "not_found" else None,
        )

    def _from_snapshot(self, doi: str, *, after: str | None = None) -> Lookup | None:
        record = self.snapshot.records.get(doi) if self.snapshot is not None else None
        if self.snapshot is None or record is None:
            return None
        self.stats.add(snapshot_hits=1)
        provenance = self.snapshot.provenance(record)
        if after:
            note = f"{provenance.note} (used because the live lookup failed: {after})"
            provenance = Provenance(kind="snapshot", fetched=provenance.fetched, note=note)
        return Lookup(
            doi=doi, outcome="found", message=record.message, provenance=provenance, agency="crossref"
        )

    def _offline_answer(self, doi: str) -> Lookup:
        hit = self._from_snapshot(doi)
        if hit is not None:
            return hit
        if self.snapshot is not None:
            return Lookup(doi=doi, outcome="failed", error="offline: not in cache or snapshot")
        return Lookup(doi=doi, outcome="failed", error="offline and not cached")

    def _failed(self, doi: str, failure: _Failure, stale: Mapping[str, CachedWork]) -> Lookup:
        """A lookup whose request failed: a stale cached answer or the snapshot if there is one, else
        failed."""
        if doi in stale:  # expired, or skipped by refresh=True: still better than nothing, and labelled
            self.stats.add(cache_hits=1)
            return self._from_cache(stale[doi], stale=failure.message)
        hit = self._from_snapshot(doi, after=failure.message)
        if hit is not None:
            return hit
        return Lookup(doi=doi, outcome="failed", error=failure.message, status_code=failure.status)

    # --- the network ----------------------------------------------------------------------------------------

    def _fetch(
        self, todo: list[str], stale: Mapping[str, CachedWork], settle: Callable[[Mapping[str, Lookup]], None]
    ) -> None:
        """Fetch ``todo`` in batches, and alone what :meth:`_plan` gives the single-record route, each kind on
        a thread pool of its own (so that requests of one kind waiting for their pacer never hold up the
        other's); follow-ups go alone. Answers are settled as they come."""
        batchable = [d for d in todo if "," not in d]  # a comma would split the filter value
        alone = [d for d in todo if "," in d]
        if len(batchable) == 1:
            alone, batchable = [*batchable, *alone], []
        batches, singles = self._plan(batchable)
        alone = [*singles, *alone]
        with (
            ThreadPoolExecutor(max_workers=MAX_WORKERS, thread_name_prefix="crossref-list") as lists,
            ThreadPoolExecutor(max_workers=MAX_WORKERS, thread_name_prefix="crossref-single") as single,
        ):
            pending: set[Future[_Outcome]] = set()
            for batch in batches:
                pending.add(lists.submit(self._fetch_batch, batch))
            for doi in alone:
                pending.add(single.submit(self._fetch_work, doi, True))
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    outcome = future.result()
                    resolved = dict(outcome.lookups)
                    for doi, lookup in outcome.lookups.items():
                        if lookup.outcome == "failed" and lookup.error is not None:
                            resolved[doi] = self._failed(
                                doi, _Failure(lookup.error, status=lookup.status_code), stale
                            )
                    self._store(outcome.lookups.values())
                    settle(resolved)
                    for doi in outcome.follow_agency:
                        pending.add(single.submit(self._fetch_agency, doi))
                    for doi in outcome.follow_work:
                        pending.add(single.submit(self._fetch_work, doi, False))

    def _plan(self, dois: list[str]) -> tuple[list[list[str]], list[str]]:
        """Which of ``dois`` go in list batches, and which alone (``/works/{doi}``), so that all are answered
        soonest within both of Crossref's limits.

        The list route answers ``limit`` batches per interval (3/s in the polite pool): every batch beyond
        the first interval's costs a whole interval more. The single-record route has a budget of its own
        (10/s, 3 at once), idle while batches run; so when the batches need more than one interval, the
        fewest intervals ``W`` are found such that ``W × limit`` full batches and what the single route can
        answer meanwhile (``single limit × (W − 1)`` intervals, plus one concurrent round) hold every DOI;
        the batches take all they can (fewest requests), the single route the rest, and the batches are
        evened out (the last one no longer a short straggler, each answered in about the same time). A
        single pacer for both kinds (one passed in) leaves no second budget: batches only.
        """
        prefix = self._path_prefix()
        greedy = list(_batches(dois, prefix, self.fields))
        if len(greedy) <= 1:
            return greedy, []
        if self.pacer is self.list_pacer:
            return _even(greedy, prefix, self.fields), []
        lists, single = self.list_pacer.limits, self.pacer.limits
        per_interval = max(1, lists.limit)
        single_per_interval = single.limit * lists.interval / single.interval
        waves = 1
        while True:
            listed = sum(len(batch) for batch in greedy[: waves * per_interval])
            beside = int(single_per_interval * (waves - 1)) + single.concurrency
            if listed + beside >= len(dois):
                break
            waves += 1
        # greedy batches are consecutive runs of ``dois``: the first ``listed`` DOIs fill the W intervals
        return _even(greedy[: waves * per_interval], prefix, self.fields), dois[listed:]

    def _store(self, lookups: Iterable[Lookup]) -> None:
        if self.cache is None:
            return
        entries = [
            CachedWork(
                doi=lk.doi,
                outcome=lk.outcome,
                message=lk.message,
                agency=lk.agency,
                fetched_at=lk.provenance.fetched or iso_now(),
                base_url=self.base_url,
                provenance="live",
            )
            for lk in lookups
            # only real live answers; a failure is never cached
            if lk.outcome in ("found", "not_found")
            and lk.provenance is not None
            and lk.provenance.kind == "live"
        ]
        try:
            self.cache.put_works(entries)
        except sqlite3.Error as exc:
            self._cache_trouble("write to", exc)

    def _cache_trouble(self, what: str, exc: sqlite3.Error) -> None:
        """The cache only saves requests: a cache that fails is reported and the lookups go on without it."""
        self.stats.add(cache_errors=1)
        log.warning(
            "could not %s the Crossref cache %s: %s", what, self.cache.path if self.cache else "", exc
        )

    def _path_prefix(self) -> str:
        return urlsplit(self.base_url).path.rstrip("/") + "/works"

    def _fetch_batch(self, batch: list[str]) -> _Outcome:
        params = {"filter": ",".join(f"doi:{d}" for d in batch), "rows": str(len(batch))}
        if self.fields:
            params["select"] = ",".join(self.fields)
        try:
            items = self._request("filter", self._url("/works", params), _parse_work_list)
        except _Failure as failure:
            if failure.status in (400, 413, 414) and len(batch) > 1:
                # the server refused the request itself (too long?): halve it rather than give up
                half = len(batch) // 2
                first, second = self._fetch_batch(batch[:half]), self._fetch_batch(batch[half:])
                return _Outcome(
                    {**first.lookups, **second.lookups},
                    first.follow_agency + second.follow_agency,
                    first.follow_work + second.follow_work,
                )
            return _Outcome(
                {
                    doi: Lookup(doi, "failed", error=failure.message, status_code=failure.status)
                    for doi in batch
                }
            )
        self._base_confirmed = True  # a well-formed list answer: this base URL is a Crossref API
        fetched = iso_now()
        wanted = set(batch)
        lookups: dict[str, Lookup] = {}
        malformed: list[str] = []
        for item in items:
            doi = normalize_doi(str(item.get("DOI", "")))
            if doi not in wanted or doi in lookups or doi in malformed:
                continue
            if work_problem(item, doi) is not None:
                malformed.append(doi)  # asked again alone: that is its one retry
                continue
            lookups[doi] = Lookup(
                doi,
                "found",
                message=item,
                provenance=self._live_provenance(fetched),
                agency="crossref",
                status_code=200,
            )
        return _Outcome(
            lookups,
            follow_agency=tuple(d for d in batch if d not in lookups and d not in malformed),
            follow_work=tuple(malformed),
        )

    def _fetch_work(self, doi: str, then_agency: bool) -> _Outcome:
        """``/works/{doi}``; after a 404, the agency route when ``then_agency`` (else it already said
        Crossref)."""

        def parse(response: Response) -> Mapping[str, Any]:
            message = _message(_json(response, "work"), "work", "work lookup")
            problem = work_problem(message, doi)
            if problem is not None:
                raise _Failure(f"work lookup: malformed answer: {problem}", malformed=True)
            return message

        try:
            message = self._request("work", self._url(f"/works/{_path_doi(doi)}"), parse)
        except _Failure as failure:
            if failure.not_found:
                if then_agency:
                    return _Outcome({}, follow_agency=(doi,))
                return _Outcome({doi: self._not_found(doi, "crossref")})
            return _Outcome({doi: Lookup(doi, "failed", error=failure.message, status_code=failure.status)})
        self._base_confirmed = True
        return _Outcome(
            {
                doi: Lookup(
                    doi,
                    "found",
                    message=message,
                    provenance=self._live_provenance(iso_now()),
                    agency="crossref",
                    status_code=200,
                )
            }
        )

    def _fetch_agency(self, doi: str) -> _Outcome:
        def parse(response: Response) -> str:
            message = _message(_json(response, "agency"), "work-agency", "agency lookup")
            problem = agency_problem(message, doi)
            if problem is not None:
                raise _Failure(f"agency lookup: malformed answer: {problem}", malformed=True)
            return str(message["agency"]["id"]).strip().lower()

        try:
            agency = self._request("agency", self._url(f"/works/{_path_doi(doi)}/agency"), parse)
        except _Failure as failure:
            if failure.not_found:
                doubt = self._doubt_base()
                if doubt is None:
                    return _Outcome({doi: self._not_found(doi, None)})
                return _Outcome({doi: Lookup(doi, "failed", error=doubt, status_code=404)})
            return _Outcome({doi: Lookup(doi, "failed", error=failure.message, status_code=failure.status)})
        self._base_confirmed = True
        if agency == "crossref":
            return _Outcome({}, follow_work=(doi,))
        return _Outcome({doi: self._not_found(doi, agency)})

    def _doubt_base(self) -> str | None:
        """Before a 404 is taken for "not found": has this base URL answered as Crossref does? If no other
        answer in this run has shown it, ask its list route once (``/works?rows=0``); None when it is sound,
        else why the 404 cannot be trusted."""
        with self._probe_lock:
            if self._base_confirmed:
                return None
            if self._base_doubt is not None:
                return self._base_doubt
            try:
                self._request("filter", self._url("/works", {"rows": "0"}), _parse_work_list)
            except _Failure as failure:
                self._base_doubt = (
                    f"Crossref's 404 cannot be trusted: its list route did not answer as Crossref does "
                    f"({failure.message}); the base URL ({self.base_url}) may be wrong"
                )
                return self._base_doubt
            self._base_confirmed = True
            return None

    def _not_found(self, doi: str, agency: str | None) -> Lookup:
        return Lookup(
            doi, "not_found", provenance=self._live_provenance(iso_now()), agency=agency, status_code=404
        )

    # --- one request, paced and retried ---------------------------------------------------------------------

    def _transport(self) -> HttpTransport:
        with self._transport_lock:
            if self._http is None:
                from .. import __version__

                agent = f"needling_evidence/{__version__} (Python http.client)"
                if self._mailto:
                    agent += f" mailto:{self._mailto}"  # Crossref's polite pool reads it from the User-Agent
                self._http = HttpTransport(user_agent=agent, timeout=self.timeout)
            return self._http

    def _url(self, path: str, params: Mapping[str, str] | None = None) -> str:
        query = urlencode(params, quote_via=quote, safe=_QUERY_SAFE) if params else ""
        return f"{self.base_url}{path}" + (f"?{query}" if query else "")

    def _gate(self, route: Route) -> None:
        """Refuse at once what cannot succeed in this run: an index found unreachable, or one that asked us to
        wait longer than we will."""
        with self._state_lock:
            if self._unreachable is not None:
                raise _Failure(f"{_WHAT[route]}: not tried: {self._unreachable}")
            blocked = self._blocked.get(_kind(route))
            if blocked is not None and self._clock() < blocked[0]:
                raise _Failure(f"{_WHAT[route]}: not tried: {blocked[1]}")

    def _request(
        self, route: Route, url: str, parse: Callable[[Response], _T], *, retry_malformed: bool = True
    ) -> _T:
        kind = _kind(route)
        pacer = self.pacer if kind == "single" else self.list_pacer
        attempt = 0
        malformed_tries = 0
        while True:
            self._gate(route)
            response: Response | None = None
            with pacer.slot():
                self.stats.add(requests=1)
                try:
                    response = self._transport().get(url)
                    failure = None
                except TransportError as exc:
                    failure = _Failure(
                        f"{_WHAT[route]}: {_scrub(exc.message, self._mailto)}",
                        retryable=exc.kind in ("timeout", "dropped", "unreachable"),
                        unreachable=exc.kind == "unreachable",
                    )
            if response is not None:
                if response.status != 429:  # a 429's limits are taken by rate_limited_by_server
                    pacer.observe(response.headers)
                if response.status == 200:
                    try:
                        result = parse(response)
                    except _Failure as malformed:
                        failure = malformed
                    else:
                        log.debug("crossref %s: ok", route)
                        return result
                else:
                    failure = self._status_failure(route, response)
            assert failure is not None
            log.debug("crossref %s: %s", route, failure.message)
            # one retry rides out a blip; a second failure to connect at all ends this run's asking
            if failure.unreachable and attempt >= min(1, self.max_retries):
                self._noticed_unreachable(failure.message)
                raise failure
            retry_after = parse_retry_after(failure.headers.get("retry-after"))
            if failure.status == 429:
                self.stats.add(rate_limited=1)
            if failure.status == 429 or retry_after is not None:
                capped = None if retry_after is None else min(retry_after, MAX_RETRY_AFTER_SECONDS)
                pacer.rate_limited_by_server(failure.headers, capped, slower=failure.status == 429)
            if retry_after is not None and retry_after > MAX_RETRY_AFTER_SECONDS:
                said = f"Crossref asked to wait {retry_after:.0f} s (Retry-After); not waiting that long"
                with self._state_lock:
                    self._blocked[kind] = (self._clock() + retry_after, said)
                failure.message += f" ({said}: run again later)"
                raise failure
            if failure.malformed:
                malformed_tries += 1
                if not retry_malformed or malformed_tries > 1:
                    raise failure
            elif not failure.retryable or attempt >= self.max_retries:
                if failure.retryable:
                    failure.message += f" (gave up after {attempt + 1} attempts)"
                raise failure
            delay = min(MAX_BACKOFF_SECONDS, self.backoff * 2**attempt)
            delay = random.uniform(0, delay)  # full jitter: retries from many clients don't arrive together
            if retry_after is not None:
                delay = max(delay, retry_after)
            self.stats.add(retries=1)
            self._sleep(delay)
            attempt += 1

    def _status_failure(self, route: Route, response: Response) -> _Failure:
        """A non-200 answer as a :class:`_Failure`: retryable (429, 5xx), Crossref's own "not found", or a
        status that says the request or the base URL is wrong."""
        status = response.status
        what = _WHAT[route]
        text = _scrub(_short_text(response), self._mailto)
        message = f"{what}: HTTP {status}" + (f" ({text})" if text else "")
        if status == 404:
            if _crossref_not_found(response):
                return _Failure(message, status=404, not_found=True, headers=response.headers)
            where = (
                "an HTML page" if "html" in response.content_type else f"{response.content_type or 'no type'}"
            )
            return _Failure(
                f"{what}: HTTP 404 with {where}, not Crossref's own 'Resource not found.': "
                f"the base URL ({self.base_url}) may be wrong, or a proxy answered",
                status=404,
                headers=response.headers,
            )
        if status in (301, 302, 303, 307, 308):
            return _Failure(
                f"{what}: HTTP {status} redirect without a usable Location: the base URL "
                f"({self.base_url}) may be out of date",
                status=status,
            )
        return _Failure(message, status=status, retryable=_retryable(status), headers=response.headers)


# One pacer per server, pool and kind of request in a process: Crossref counts requests per client address, so
# two clients in one notebook must share the allowance rather than each take all of it. (Clients on another
# clock — a test's fake one — share theirs among themselves.)
_PACERS: dict[tuple[str, RequestKind, bool, Callable[[], float], Callable[[float], None]], Pacer] = {}
_PACERS_LOCK = threading.Lock()


def _shared_pacer(
    base_url: str,
    kind: RequestKind,
    *,
    polite: bool,
    clock: Callable[[], float],
    sleep: Callable[[float], None],
) -> Pacer:
    with _PACERS_LOCK:
        key = (base_url, kind, polite, clock, sleep)
        if key not in _PACERS:
            _PACERS[key] = Pacer(LIMITS[(kind, polite)], clock=clock, sleep=sleep)
        return _PACERS[key]


# --- helpers ------------------------------------------------------------------------------------------------


def _retryable(status: int | None) -> bool:
    return status == 429 or (status is not None and status >= 500)


def _scrub(text: str, secret: str | None) -> str:
    return text.replace(secret, "<mailto>") if secret else text


def _path_doi(doi: str) -> str:
    """The DOI as a URL path segment: characters that end a path (``?``, ``#``) or are unsafe are escaped."""
    return quote(doi, safe="/:;()[]<>@!$&'*+,=-._~")


def _batches(
    dois: list[str], path_prefix: str, fields: Sequence[str] | None, *, most: int = MAX_ROWS
) -> Iterable[list[str]]:
    """Split ``dois`` into batches of at most ``most`` whose ``<path>?filter=…&rows=N&select=…``, as sent,
    stays under MAX_URL_PATH_BYTES."""
    fixed = len(path_prefix) + len("?filter=") + len(f"&rows={MAX_ROWS}")
    if fields:
        fixed += len("&select=") + len(quote(",".join(fields), safe=_QUERY_SAFE))
    batch: list[str] = []
    size = fixed
    for doi in dois:
        cost = len(quote(f"doi:{doi}", safe=_QUERY_SAFE)) + len(",")
        if batch and (size + cost > MAX_URL_PATH_BYTES or len(batch) >= min(most, MAX_ROWS)):
            yield batch
            batch, size = [], fixed
        batch.append(doi)
        size += cost
    if batch:
        yield batch


def _even(batches: list[list[str]], path_prefix: str, fields: Sequence[str] | None) -> list[list[str]]:
    """The DOIs of ``batches`` in as many batches of nearly the same size (a batch's latency grows with its
    DOIs, so no batch waits on a larger one); ``batches`` themselves if their DOIs' lengths don't allow it."""
    if len(batches) <= 1:
        return batches
    dois = [doi for batch in batches for doi in batch]
    even = list(_batches(dois, path_prefix, fields, most=-(-len(dois) // len(batches))))
    return even if len(even) == len(batches) else batches


def _json(response: Response, what: str) -> Any:
    if response.content_type not in ("application/json", "") and not response.content_type.endswith("+json"):
        kind = "an HTML page" if "html" in response.content_type else response.content_type
        raise _Failure(
            f"{_WHAT_BY_NAME[what]}: malformed answer: {kind}, not JSON (HTTP 200): the base URL may be "
            "wrong, or a proxy answered",
            malformed=True,
        )
    try:
        return json.loads(response.body)
    except (ValueError, RecursionError) as exc:
        raise _Failure(
            f"{_WHAT_BY_NAME[what]}: malformed JSON in Crossref's answer ({exc})", malformed=True
        ) from exc


def _message(body: Any, expected: str, what: str) -> Mapping[str, Any]:
    if not isinstance(body, dict) or not isinstance(body.get("message"), dict):
        raise _Failure(
            f"{what}: malformed answer: expected a Crossref {expected} object, got {type(body).__name__}",
            malformed=True,
        )
    kind = body.get("message-type")
    if kind is not None and kind != expected:
        raise _Failure(
            f"{what}: malformed answer: expected message-type {expected!r}, got {kind!r}", malformed=True
        )
    message: Mapping[str, Any] = body["message"]
    return message


def _parse_work_list(response: Response) -> list[Mapping[str, Any]]:
    items = _message(_json(response, "list"), "work-list", "list lookup").get("items")
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise _Failure("list lookup: malformed answer: a work-list without an 'items' list", malformed=True)
    return items


def _crossref_not_found(response: Response) -> bool:
    """Whether a 404 is Crossref's own "not found" (plain text "Resource not found.", or a JSON error saying
    so) rather than a proxy's or another server's page (the base URL is wrong)."""
    text = response.text(2000).strip().casefold()
    if response.content_type in ("text/plain", ""):
        return text.startswith("resource not found")
    if response.content_type == "application/json":
        try:
            body = json.loads(response.body)
        except ValueError:
            return False
        return isinstance(body, dict) and body.get("status") in ("error", "failed") and "not found" in text
    return False


def _short_text(response: Response) -> str:
    if "html" in response.content_type:
        return "an HTML page"
    return " ".join(response.text(200).split())
