"""The SQLite Crossref cache: round trips, maintenance, and several processes writing at once."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from needling_evidence.crossref.cache import (
    Cache,
    CachedQuery,
    CachedWork,
    cache_info,
    clear,
    default_cache_path,
    iso_now,
)
from needling_evidence.errors import CrossrefError

# A cache key only (no request is made); a loopback address so it cannot be mistaken for a live host.
BASE = "http://127.0.0.1:9/crossref"


def _work(doi: str, fetched: str = "2026-11-01T10:00:00Z", **message: object) -> CachedWork:
    return CachedWork(doi, "found", {"DOI": doi, **message}, "crossref", fetched, BASE, "live")


def test_a_work_round_trips_with_its_json_intact(tmp_cache: Cache) -> None:
    message = {
        "DOI": "10.5555/one",
        "title": ["Métodos de punción seca — “dry needling” ≤ 3"],
        "page": "133-149",
    }
    tmp_cache.put_work(CachedWork("10.5555/one", "found", message, "crossref", iso_now(), BASE, "live"))
    got = tmp_cache.get_work(BASE, "10.5555/one")
    assert got is not None and got.message == message and got.outcome == "found" and got.provenance == "live"
    assert tmp_cache.get_work("http://127.0.0.1:1", "10.5555/one") is None  # another server's answer
    assert tmp_cache.get_work(BASE, "10.5555/two") is None


def test_a_not_found_keeps_its_agency_and_no_message(tmp_cache: Cache) -> None:
    tmp_cache.put_work(CachedWork("10.5072/x", "not_found", None, "datacite", iso_now(), BASE, "live"))
    got = tmp_cache.get_work(BASE, "10.5072/x")
    assert got is not None and got.outcome == "not_found" and got.message is None and got.agency == "datacite"


def test_a_failure_cannot_be_stored(tmp_cache: Cache) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        tmp_cache.put_work(CachedWork("10.5555/x", "failed", None, None, iso_now(), BASE, "live"))  # type: ignore[arg-type]
    assert tmp_cache.info()["works"] == 0


def test_many_works_in_one_read(tmp_cache: Cache) -> None:
    dois = [f"10.5555/many.{n}" for n in range(1200)]  # more than one SQL parameter chunk
    assert tmp_cache.put_works(_work(d) for d in dois) == 1200
    got = tmp_cache.get_works(BASE, [*dois, "10.5555/absent"])
    assert set(got) == set(dois)


def test_queries_are_keyed_by_normalised_text_and_rows(tmp_cache: Cache) -> None:
    items = ({"DOI": "10.5555/a", "score": 80.5},)
    tmp_cache.put_query(CachedQuery("Gattie  E,\n dry needling", 5, items, iso_now(), BASE, "live"))
    got = tmp_cache.get_query(BASE, " Gattie E, dry needling ", 5)
    assert got is not None and got.items == items
    assert tmp_cache.get_query(BASE, "Gattie E, dry needling", 3) is None


def test_info_and_clear(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    assert cache_info(path)["exists"] is False and clear(path) == 0
    with Cache(path) as cache:
        cache.put_works(
            [_work("10.5555/a", "2026-01-02T00:00:00Z"), _work("10.5555/b", "2026-03-04T00:00:00Z")]
        )
        cache.put_query(CachedQuery("q", 5, (), "2026-02-01T00:00:00Z", BASE, "live"))
    info = cache_info(path)
    assert info["exists"] is True and info["path"] == str(path)
    assert (info["rows"], info["works"], info["queries"]) == (3, 2, 1)
    assert info["oldest"] == "2026-01-02T00:00:00Z" and info["newest"] == "2026-03-04T00:00:00Z"
    assert info["size_bytes"] > 0
    assert clear(path) == 3
    assert cache_info(path)["rows"] == 0 and cache_info(path)["oldest"] is None


def test_a_file_that_is_not_a_database_is_set_aside_and_a_fresh_cache_made(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # issue 13: a corrupt cache stopped every run, and `cache clear` could not clear it. Now the run goes on
    # with a fresh cache, and the file is renamed, never deleted: it may be something the user wants.
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database " * 100)
    with caplog.at_level("WARNING"), Cache(path) as cache:
        cache.put_work(_work("10.5555/a"))
        assert cache.get_work(BASE, "10.5555/a") is not None
    assert cache.set_aside is not None and cache.set_aside.name.startswith("notes.sqlite.unusable-")
    assert cache.set_aside.read_bytes().startswith(b"these are my notes")
    (warning,) = [r for r in caplog.records if r.levelname == "WARNING"]
    assert "not a SQLite database" in warning.getMessage() and str(cache.set_aside) in warning.getMessage()


def test_another_programs_database_is_set_aside_not_written_into(tmp_path: Path) -> None:
    path = tmp_path / "app.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Ada')")
    conn.close()
    info = cache_info(path)  # only looks: nothing is renamed or written
    assert info["exists"] is True and info["rows"] == 0 and "another program" in info["problem"]
    assert path.exists()
    assert clear(path) == 0  # `cache clear` works on any file
    (aside,) = tmp_path.glob("app.sqlite.unusable-*")
    with sqlite3.connect(aside) as conn:
        assert conn.execute("SELECT name FROM contacts").fetchall() == [("Ada",)]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert tables == {"contacts"}
    assert cache_info(path)["exists"] is True and "problem" not in cache_info(path)


@pytest.mark.parametrize(
    "message",
    ["{not json", "[1, 2]", '"a string"', None],
)
def test_a_damaged_row_is_skipped_with_a_warning(
    tmp_cache: Cache, caplog: pytest.LogCaptureFixture, message: str | None
) -> None:
    tmp_cache.put_works([_work("10.5555/good")])
    with sqlite3.connect(tmp_cache.path) as conn:
        conn.execute(
            "INSERT INTO works VALUES (?, ?, 'found', ?, 'crossref', '2026-11-01T10:00:00Z', 'live')",
            (BASE, "10.5555/bad", message),
        )
    conn.close()
    with caplog.at_level("WARNING"):
        got = tmp_cache.get_works(BASE, ["10.5555/good", "10.5555/bad"])
    assert set(got) == {"10.5555/good"}
    assert any("10.5555/bad" in r.getMessage() for r in caplog.records)


def test_a_row_with_a_bad_date_or_damaged_query_items_is_skipped(
    tmp_cache: Cache, caplog: pytest.LogCaptureFixture
) -> None:
    with sqlite3.connect(tmp_cache.path) as conn:
        conn.execute(
            "INSERT INTO works VALUES (?, '10.5555/when', 'found', '{}', 'crossref', 'last tuesday', 'live')",
            (BASE,),
        )
        conn.execute(
            "INSERT INTO queries VALUES (?, 'q', 5, '{\"a\": 1}', '2026-11-01T10:00:00Z', 'live')", (BASE,)
        )
    conn.close()
    with caplog.at_level("WARNING"):
        assert tmp_cache.get_work(BASE, "10.5555/when") is None
        assert tmp_cache.get_query(BASE, "q", 5) is None
    assert len([r for r in caplog.records if r.levelname == "WARNING"]) == 2


def test_a_row_dated_in_the_future_is_stale() -> None:
    # issue 13: a cache row dated in the future was served as fresh
    from datetime import UTC, datetime, timedelta

    row = _work("10.5555/future", "2999-01-01T00:00:00Z")
    assert row.age() > timedelta(days=36500)
    past = _work("10.5555/past", "2026-11-01T00:00:00Z")
    assert past.age(datetime(2026, 11, 2, tzinfo=UTC)) == timedelta(days=1)
    assert CachedQuery("q", 5, (), "2999-01-01T00:00:00Z", BASE, "live").age() == timedelta.max


def test_the_file_is_in_wal_mode(tmp_cache: Cache) -> None:
    with sqlite3.connect(tmp_cache.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_default_path_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEEDLING_EVIDENCE_CACHE", str(tmp_path / "elsewhere.sqlite"))
    assert default_cache_path() == tmp_path / "elsewhere.sqlite"
    monkeypatch.delenv("NEEDLING_EVIDENCE_CACHE")
    assert default_cache_path().name == "crossref.sqlite" and "needling_evidence" in str(default_cache_path())


# --- several processes at once
# --------------------------------------------------------------------------------

PROCESSES = 4
WORKS_PER_PROCESS = 600
BATCH = 20


def _hammer(path: str, worker: int) -> int:
    """Write this worker's works in small transactions, reading back and overwriting a shared row between."""
    with Cache(path) as cache:
        for start in range(0, WORKS_PER_PROCESS, BATCH):
            cache.put_works(
                _work(f"10.5555/w{worker}.{n}", writer=worker, n=n) for n in range(start, start + BATCH)
            )
            cache.put_work(_work("10.5555/shared", writer=worker))
            cache.put_query(CachedQuery(f"q{worker}", 5, ({"n": start},), iso_now(), BASE, "live"))
            assert len(cache.get_works(BASE, [f"10.5555/w{worker}.{n}" for n in range(start + BATCH)])) == (
                start + BATCH
            )
    return worker


def test_several_processes_writing_at_once_do_not_corrupt_it(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    Cache(path).close()  # create the schema first, as a client would have
    context = multiprocessing.get_context("spawn")
    with context.Pool(PROCESSES) as pool:
        done = pool.starmap(_hammer, [(str(path), w) for w in range(PROCESSES)])
    assert sorted(done) == list(range(PROCESSES))
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Cache(path) as cache:
        info = cache.info()
        assert info["works"] == PROCESSES * WORKS_PER_PROCESS + 1 and info["queries"] == PROCESSES
        for worker in range(PROCESSES):
            got = cache.get_works(BASE, [f"10.5555/w{worker}.{n}" for n in range(WORKS_PER_PROCESS)])
            assert len(got) == WORKS_PER_PROCESS
            assert all(w.message is not None and w.message["writer"] == worker for w in got.values())
        shared = cache.get_work(BASE, "10.5555/shared")
        assert (
            shared is not None and shared.message is not None and shared.message["writer"] in range(PROCESSES)
        )


def test_a_cache_path_that_cannot_be_a_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CrossrefError, match=r"cannot use .* as the Crossref cache .*--no-cache"):
        Cache(tmp_path)  # a folder
