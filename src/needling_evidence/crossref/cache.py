"""The index cache (Crossref and PubMed): one embedded SQLite file, safe for several processes at once.

Rows are keyed by the server's base URL and the normalised DOI (or the normalised query text and row count),
so an answer from one server is never served as another's. Each row keeps the raw Crossref ``message`` JSON,
when it was fetched (ISO 8601 UTC) and where from. Only real answers are stored: a work Crossref returned
(``found``) and a confirmed 404 (``not_found``, with the registration agency when it is another one); failures
never are.
PubMed records (table ``pubmed``) are keyed by the E-utilities base URL and the PMID and keep the parsed
record (``PubMedRecord.as_dict()``); PubMed's ID-converter, ECitMatch and ESearch answers go in
``queries`` under a key naming the route (``idconv:…``, ``ecitmatch:…``, ``esearch:…``).

Concurrency: WAL journal (readers never block the writer) and a busy timeout (a writer waits for another
process's write instead of failing), with every write a short transaction of its own.

Cache trouble never stops a run: a damaged row (JSON that does not parse or has the wrong shape, a date that
is not one) is skipped with a warning, as if it were not cached; a row dated in the future is stale; a file
that is not a SQLite database, or a SQLite database of another schema, is set aside (renamed to
``<name>.unusable-<time>``, never deleted: it may be something the user wants) and a fresh cache is made in
its place, with one warning.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from ..errors import CrossrefError

__all__ = [
    "CACHE_ENV",
    "DEFAULT_TTL_DAYS",
    "NOT_FOUND_TTL_DAYS",
    "Cache",
    "CachedPubMed",
    "CachedQuery",
    "CachedWork",
    "cache_info",
    "clear",
    "default_cache_path",
    "iso_now",
    "normalize_query",
]

CACHE_ENV = "NEEDLING_EVIDENCE_CACHE"

log = logging.getLogger(__name__)

# Crossref metadata changes slowly (corrections, added references) but does change; a month keeps repeated
# runs cheap while a retraction notice reaches the user within one.
DEFAULT_TTL_DAYS = 30
# A 404 is a real answer but a perishable one: a DOI deposited after our lookup appears in Crossref within
# hours, so a "not found" is trusted for one day only (and never longer than the TTL asked for).
NOT_FOUND_TTL_DAYS = 1
# How long a writer waits for another process's transaction before giving up (sqlite3 default is 5 s; a bulk
# insert of a thousand works takes well under a second, so 30 s only matters on a badly stalled disk).
BUSY_TIMEOUT_SECONDS = 30.0

_SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS works (
    base_url   TEXT NOT NULL,
    doi        TEXT NOT NULL,
    outcome    TEXT NOT NULL CHECK (outcome IN ('found', 'not_found')),
    message    TEXT,
    agency     TEXT,
    fetched_at TEXT NOT NULL,
    provenance TEXT NOT NULL,
    PRIMARY KEY (base_url, doi)
);
CREATE TABLE IF NOT EXISTS queries (
    base_url   TEXT NOT NULL,
    query      TEXT NOT NULL,
    rows       INTEGER NOT NULL,
    items      TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    provenance TEXT NOT NULL,
    PRIMARY KEY (base_url, query, rows)
);
CREATE TABLE IF NOT EXISTS pubmed (
    base_url   TEXT NOT NULL,
    pmid       TEXT NOT NULL,
    outcome    TEXT NOT NULL CHECK (outcome IN ('found', 'not_found')),
    record     TEXT,
    fetched_at TEXT NOT NULL,
    provenance TEXT NOT NULL,
    PRIMARY KEY (base_url, pmid)
);
"""

# The tables this module makes; a database holding any other table is another program's file, not our cache.
_OWN_TABLES = frozenset(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", _SCHEMA))

WorkOutcome = Literal["found", "not_found"]


class _Unusable(Exception):
    """The cache file is not a SQLite database, or is another program's database."""


def iso_now() -> str:
    """Now, as ISO 8601 UTC to the second (``2026-11-27T17:30:00Z``)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# Rows cached by one batch share their date to the second: each distinct date is parsed once (it is checked
# when a row is read and again when its age is taken; at 100,000 rows, a tenth of a second). A datetime is
# immutable, and a date that does not parse raises every time (lru_cache keeps no exceptions).
@functools.lru_cache(maxsize=4096)
def _parse_iso(text: str) -> datetime:
    when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return when if when.tzinfo else when.replace(tzinfo=UTC)


# json.loads is this scanner behind two whitespace scans and a few calls: for the compact JSON the cache
# writes (:func:`_json`), read row by row (100,000 rows for a large library), the scanner alone, json.loads
# taking over (and raising as it does) for anything the scanner does not read whole from its first character.
_scan_json: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def _loads(text: str) -> Any:
    try:
        value, end = _scan_json(text, 0)
    except (StopIteration, ValueError, TypeError):  # TypeError: bytes, which json.loads decodes
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


def _json(record: Mapping[str, Any] | None) -> str | None:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) if record is not None else None


def _age(fetched_at: str, now: datetime | None) -> timedelta:
    age = (now or datetime.now(UTC)) - _parse_iso(fetched_at)
    # A row dated in the future (a clock set wrong, a file copied from another machine) cannot be trusted to
    # be fresh: it counts as older than any time to live.
    return age if age >= timedelta(0) else timedelta.max


def default_cache_path() -> Path:
    """``$NEEDLING_EVIDENCE_CACHE``, else ``crossref.sqlite`` in the user's cache directory (platformdirs)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # only when a default cache is actually needed

    return Path(platformdirs.user_cache_dir("needling_evidence", appauthor=False)) / "crossref.sqlite"


def normalize_query(text: str) -> str:
    """The cache key of a free-text query: whitespace collapsed (case kept: it is what was sent)."""
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class CachedWork:
    doi: str
    outcome: WorkOutcome
    message: Mapping[str, Any] | None
    agency: str | None
    fetched_at: str
    base_url: str
    provenance: str

    def age(self, now: datetime | None = None) -> timedelta:
        return _age(self.fetched_at, now)


@dataclass(frozen=True, slots=True)
class CachedQuery:
    query: str
    rows: int
    items: tuple[Mapping[str, Any], ...]
    fetched_at: str
    base_url: str
    provenance: str

    def age(self, now: datetime | None = None) -> timedelta:
        return _age(self.fetched_at, now)


@dataclass(frozen=True, slots=True)
class CachedPubMed:
    pmid: str
    outcome: WorkOutcome
    record: Mapping[str, Any] | None
    fetched_at: str
    base_url: str
    provenance: str

    def age(self, now: datetime | None = None) -> timedelta:
        return _age(self.fetched_at, now)


class Cache:
    """The SQLite cache file at ``path`` (created with its directory when missing).

    One connection per ``Cache``, shared by the threads of one client under a lock; other processes open their
    own. ``get_*`` return what is stored whatever its age: the caller decides what is fresh (see ``age()``).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path).expanduser()
        self._lock = threading.Lock()
        self.set_aside: Path | None = None  # where an unusable file found at ``path`` was moved
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._conn = self._open()
            except _Unusable as why:
                self.set_aside = _set_aside(self.path)
                log.warning(
                    "%s could not be used as the cache (%s); it was renamed to %s and a fresh cache started",
                    self.path,
                    why,
                    self.set_aside,
                )
                self._conn = self._open()
        except (sqlite3.Error, OSError, _Unusable) as exc:
            raise CrossrefError(
                f"cannot use {self.path} as the Crossref cache ({exc}); choose another file with --cache or "
                f"${CACHE_ENV}, or run with --no-cache"
            ) from exc

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False, isolation_level=None
        )
        try:
            problem = _foreign_or_corrupt(conn)
            if problem is not None:
                raise _Unusable(problem)
            with self._lock:
                conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")  # durable enough for a cache, fast in WAL
                conn.executescript(_SCHEMA)
                conn.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
        except BaseException:
            conn.close()
            raise
        return conn

    def __repr__(self) -> str:
        return f"Cache({str(self.path)!r})"

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- works ----------------------------------------------------------------------------------------------

    def get_works(self, base_url: str, dois: Sequence[str]) -> dict[str, CachedWork]:
        """The stored answers for those of ``dois`` that have one."""
        found: dict[str, CachedWork] = {}
        columns = "doi, outcome, message, agency, fetched_at, base_url, provenance"
        for doi, outcome, message, agency, fetched_at, url, provenance in self._select(
            "works", columns, "doi", base_url, dois
        ):
            record = self._checked(doi, outcome, message, fetched_at, required=outcome == "found")
            if record is not False:
                found[doi] = CachedWork(doi, outcome, record, agency, fetched_at, url, provenance)
        return found

    def get_work(self, base_url: str, doi: str) -> CachedWork | None:
        return self.get_works(base_url, [doi]).get(doi)

    def put_works(self, entries: Iterable[CachedWork]) -> int:
        """Store (or replace) answers in one transaction; returns how many."""
        rows = [
            (e.base_url, e.doi, e.outcome, _json(e.message), e.agency, e.fetched_at, e.provenance)
            for e in entries
        ]
        return self._insert("works", rows)

    def put_work(self, entry: CachedWork) -> None:
        self.put_works([entry])

    # --- PubMed records -------------------------------------------------------------------------------------

    def get_pubmed(self, base_url: str, pmids: Sequence[str]) -> dict[str, CachedPubMed]:
        """The stored PubMed answers for those of ``pmids`` that have one."""
        found: dict[str, CachedPubMed] = {}
        columns = "pmid, outcome, record, fetched_at, base_url, provenance"
        for pmid, outcome, record, fetched_at, url, provenance in self._select(
            "pubmed", columns, "pmid", base_url, pmids
        ):
            # a damaged row is as if not cached: the lookup goes to PubMed and rewrites it
            data = self._checked(f"PMID {pmid}", outcome, record, fetched_at, required=False)
            if data is not False:
                found[pmid] = CachedPubMed(pmid, outcome, data, fetched_at, url, provenance)
        return found

    def put_pubmed(self, entries: Iterable[CachedPubMed]) -> int:
        """Store (or replace) PubMed answers in one transaction; returns how many."""
        rows = [(e.base_url, e.pmid, e.outcome, _json(e.record), e.fetched_at, e.provenance) for e in entries]
        return self._insert("pubmed", rows)

    # --- the shared steps -----------------------------------------------------------------------------------

    def _select(
        self, table: str, columns: str, key: str, base_url: str, keys: Sequence[str]
    ) -> Iterable[tuple[Any, ...]]:
        """The rows of ``table`` for ``keys`` under ``base_url``, read in chunks: SQLite allows 999 host
        parameters in older builds, so stay under it."""
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            with self._lock:
                rows = self._conn.execute(
                    f"SELECT {columns} FROM {table} WHERE base_url = ? AND {key} IN ({marks})",
                    [base_url, *chunk],
                ).fetchall()
            yield from rows

    def _checked(
        self, what: str, outcome: str, stored: str | None, fetched_at: str, *, required: bool
    ) -> dict[str, Any] | Literal[False] | None:
        """The stored JSON object of a row (None when it has none), or False — with a warning — when the row
        is damaged (JSON that does not parse or is not an object, a missing record, a date that is none)."""
        try:
            record = _loads(stored) if stored is not None else None
            if (record is not None and not isinstance(record, dict)) or (required and record is None):
                raise ValueError("the stored record is not a JSON object")
            _parse_iso(fetched_at)
        except (ValueError, TypeError) as why:
            log.warning("skipped a damaged cache row for %s in %s (%s)", what, self.path, why)
            return False
        return record

    def _insert(self, table: str, rows: Sequence[tuple[Any, ...]]) -> int:
        """Store (or replace) ``rows`` in ``table`` in one transaction; returns how many."""
        if not rows:
            return 0
        marks = ",".join("?" * len(rows[0]))
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({marks})", rows)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        return len(rows)

    # --- queries --------------------------------------------------------------------------------------------

    def get_query(self, base_url: str, query: str, rows: int) -> CachedQuery | None:
        key = normalize_query(query)
        with self._lock:
            row = self._conn.execute(
                "SELECT items, fetched_at, provenance FROM queries "
                "WHERE base_url = ? AND query = ? AND rows = ?",
                (base_url, key, rows),
            ).fetchone()
        if row is None:
            return None
        items, fetched_at, provenance = row
        try:
            parsed = json.loads(items)
            if not isinstance(parsed, list) or not all(isinstance(item, dict) for item in parsed):
                raise ValueError("the stored items are not a JSON list of objects")
            _parse_iso(fetched_at)
        except (ValueError, TypeError) as why:
            log.warning("skipped a damaged cache row for the query %r in %s (%s)", key, self.path, why)
            return None
        return CachedQuery(key, rows, tuple(parsed), fetched_at, base_url, provenance)

    def put_query(self, entry: CachedQuery) -> None:
        items = json.dumps(list(entry.items), ensure_ascii=False, separators=(",", ":"))
        with self._lock:
            self._conn.execute(
                "INSERT OR REPLACE INTO queries VALUES (?, ?, ?, ?, ?, ?)",
                (
                    entry.base_url,
                    normalize_query(entry.query),
                    entry.rows,
                    items,
                    entry.fetched_at,
                    entry.provenance,
                ),
            )

    # --- maintenance ----------------------------------------------------------------------------------------

    def info(self) -> dict[str, Any]:
        """``path``, ``rows`` (works + queries + pubmed), ``works``, ``queries``, ``pubmed`` (PubMed records),
        ``size_bytes``, ``oldest``, ``newest``."""
        with self._lock:
            works = self._conn.execute(
                "SELECT COUNT(*), MIN(fetched_at), MAX(fetched_at) FROM works"
            ).fetchone()
            queries = self._conn.execute(
                "SELECT COUNT(*), MIN(fetched_at), MAX(fetched_at) FROM queries"
            ).fetchone()
            pubmed = self._conn.execute(
                "SELECT COUNT(*), MIN(fetched_at), MAX(fetched_at) FROM pubmed"
            ).fetchone()
        times = [t for t in (works[1], works[2], queries[1], queries[2], pubmed[1], pubmed[2]) if t]
        size = sum(
            p.stat().st_size
            for p in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm"))
            if p.exists()
        )
        return {
            "path": str(self.path),
            "rows": works[0] + queries[0] + pubmed[0],
            "works": works[0],
            "queries": queries[0],
            "pubmed": pubmed[0],
            "size_bytes": size,
            "oldest": min(times) if times else None,
            "newest": max(times) if times else None,
        }

    def clear(self) -> int:
        """Delete every row; returns how many were deleted."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            deleted = self._conn.execute("DELETE FROM works").rowcount
            deleted += self._conn.execute("DELETE FROM queries").rowcount
            deleted += self._conn.execute("DELETE FROM pubmed").rowcount
            self._conn.execute("COMMIT")
            self._conn.execute("VACUUM")
        return int(deleted)


def cache_info(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """What the cache at ``path`` (default: :func:`default_cache_path`) holds; ``exists: False`` if no
    file."""
    where = Path(path).expanduser() if path is not None else default_cache_path()
    if not where.exists():
        return {**_EMPTY_INFO, "path": str(where), "exists": False}
    problem = _check_file(where)
    if problem is not None:
        # Reported, not repaired: `cache info` only looks; the next run (or `cache clear`) sets it aside.
        return {**_EMPTY_INFO, "path": str(where), "exists": True, "problem": problem}
    with Cache(where) as cache:
        return {"exists": True, **cache.info()}


def clear(path: str | os.PathLike[str] | None = None) -> int:
    """Empty the cache at ``path`` (default: :func:`default_cache_path`); returns the rows deleted. A file
    that is not a usable cache is set aside (renamed, see :class:`Cache`); an empty cache takes its place."""
    where = Path(path).expanduser() if path is not None else default_cache_path()
    if not where.exists():
        return 0
    with Cache(where) as cache:
        return cache.clear()


_EMPTY_INFO: dict[str, Any] = {
    "rows": 0,
    "works": 0,
    "queries": 0,
    "pubmed": 0,
    "size_bytes": 0,
    "oldest": None,
    "newest": None,
}


def _foreign_or_corrupt(conn: sqlite3.Connection) -> str | None:
    """Why the open database cannot be our cache, or None (an empty new file is fine)."""
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:  # "file is not a database", a damaged page
        return f"not a SQLite database: {exc}"
    if tables - _OWN_TABLES:
        return f"a database of another program (tables: {', '.join(sorted(tables - _OWN_TABLES))})"
    return None


def _check_file(path: Path) -> str | None:
    """Why the file at ``path`` cannot be used as the cache, without changing it (read-only)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return f"cannot be opened: {exc}"
    try:
        return _foreign_or_corrupt(conn)
    finally:
        conn.close()


def _set_aside(path: Path) -> Path:
    """Rename an unusable cache file (and its journal files) out of the way; returns the new name."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.unusable-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.unusable-{stamp}-{n}")
        n += 1
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        journal = Path(f"{path}{suffix}")
        if journal.exists():
            os.replace(journal, Path(f"{target}{suffix}"))
    return target
