"""Polite pacing for Crossref: at most ``limit`` requests per ``interval`` and ``concurrency`` in flight.

Crossref announces its limits in the ``x-rate-limit-limit``, ``x-rate-limit-interval`` and
``x-concurrency-limit`` response headers and answers 429 beyond them; since December 2025 the limits depend
on the kind of request (:data:`LIMITS`). The client keeps one pacer per kind: it starts from Crossref's
documented limits for the pool in use, takes whatever each answer of that kind announces (the client's own
transport sees the headers of every answer, 200s included), and slows down by itself after a 429 that
announces nothing.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Literal

__all__ = [
    "LIMITS",
    "POLITE_LIMITS",
    "POLITE_LIST_LIMITS",
    "PUBLIC_LIMITS",
    "PUBLIC_LIST_LIMITS",
    "Pacer",
    "RateLimits",
    "RequestKind",
    "limits_from_headers",
    "parse_retry_after",
]


@dataclass(frozen=True, slots=True)
class RateLimits:
    """``limit`` requests per ``interval`` seconds, ``concurrency`` at a time."""

    limit: int
    interval: float
    concurrency: int


# Crossref's published limits since 1 December 2025 (Crossref blog, "Announcing changes to REST API rate
# limits", 2025-11-05; ../shared/crossref-samples/README.md). Single-record requests (/works/{doi}, its
# /agency): the polite pool (a mailto in the User-Agent) 10 requests/s with 3 concurrent; public 5/s with 1.
# List requests (/works?filter=…, /works?query…: our batches and searches): polite 3/s with 3 concurrent;
# public 1/s with 1. Whatever the server announces in its headers replaces these.
POLITE_LIMITS = RateLimits(limit=10, interval=1.0, concurrency=3)
PUBLIC_LIMITS = RateLimits(limit=5, interval=1.0, concurrency=1)
POLITE_LIST_LIMITS = RateLimits(limit=3, interval=1.0, concurrency=3)
PUBLIC_LIST_LIMITS = RateLimits(limit=1, interval=1.0, concurrency=1)

RequestKind = Literal["single", "list"]
# (kind, polite) → the documented limits
LIMITS: dict[tuple[RequestKind, bool], RateLimits] = {
    ("single", True): POLITE_LIMITS,
    ("single", False): PUBLIC_LIMITS,
    ("list", True): POLITE_LIST_LIMITS,
    ("list", False): PUBLIC_LIST_LIMITS,
}

# The server counts a request when it arrives: a little after we start it (on a kept-alive connection, the
# one-way trip), never after we read its answer. Starts spaced by one window are seen spaced by one window
# give or take how much that trip varies between two requests, which ARRIVAL_JITTER_SECONDS covers (tens of
# milliseconds on the internet; 100 ms leaves room for a new connection's handshake). On top of that, 5 % of
# the interval covers a server whose window is measured on a coarser clock than ours.
WINDOW_SAFETY_MARGIN = 0.05
ARRIVAL_JITTER_SECONDS = 0.1

# A 429 that announces no limits: halve the rate (additive-increase/multiplicative-decrease, as TCP does), but
# never below one request per interval.
RATE_LIMIT_DECREASE_FACTOR = 0.5

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def _positive_int(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        value = int(text.strip())
    except ValueError:
        return None
    return value if value > 0 else None


def _interval_seconds(text: str | None) -> float | None:
    match = _INTERVAL.match(text or "")
    if not match:
        return None
    seconds = float(match.group(1)) * _UNIT_SECONDS[(match.group(2) or "s").lower()]
    return seconds if seconds > 0 else None


def limits_from_headers(headers: Mapping[str, str], current: RateLimits) -> RateLimits:
    """``current`` with whatever limits ``headers`` announce (unparseable or missing values keep
    ``current``'s).

    Accepts both spellings Crossref has used: ``x-rate-limit-*`` and ``x-ratelimit-*``.
    """
    limit = _positive_int(_header(headers, "x-rate-limit-limit") or _header(headers, "x-ratelimit-limit"))
    interval = _interval_seconds(
        _header(headers, "x-rate-limit-interval") or _header(headers, "x-ratelimit-interval")
    )
    concurrency = _positive_int(_header(headers, "x-concurrency-limit"))
    return RateLimits(
        limit=limit or current.limit,
        interval=interval or current.interval,
        concurrency=concurrency or current.concurrency,
    )


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delay-seconds or an HTTP date); ``None`` if
    absent/bad."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class Pacer:
    """A thread-safe gate: ``with pacer.slot(): send()`` keeps every request inside the current limits.

    A request counts against the rate for one window from its start: ``interval`` lengthened by
    :data:`WINDOW_SAFETY_MARGIN` and :data:`ARRIVAL_JITTER_SECONDS`, so that no window the server can measure
    on arrivals holds more than ``limit`` of ours. (Counting until an interval after each *answer*, as this
    pacer once did, is safe too but makes the rate ``limit / (interval + latency)``: a search answered in
    0.5 s then ran at two thirds of the allowance.) Concurrency is a counter rather than a semaphore so that a
    new ``x-concurrency-limit`` takes effect at once.

    ``clock`` and ``sleep`` (default :func:`time.monotonic`, :func:`time.sleep`) are the pacer's only sense of
    time: pass a fake pair and a test of pacing takes milliseconds.
    """

    def __init__(
        self,
        limits: RateLimits = PUBLIC_LIMITS,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        margin: float = WINDOW_SAFETY_MARGIN,
        jitter: float = ARRIVAL_JITTER_SECONDS,
    ) -> None:
        self._limits = limits
        self._clock = clock
        self._sleep = sleep
        self._margin = margin
        self._jitter = jitter
        self._cond = threading.Condition()
        self._started: deque[float] = deque()  # when recent requests started
        self._in_flight = 0
        self._paused_until = 0.0
        self.rate_limited = 0  # 429s reported to this pacer

    @property
    def limits(self) -> RateLimits:
        with self._cond:
            return self._limits

    def _set_limits(self, limits: RateLimits) -> None:
        # caller holds the lock
        if limits != self._limits:
            self._limits = limits
            self._cond.notify_all()

    def _wait_time(self, now: float) -> float | None:
        """Seconds until a request may start (0: now; None: when one in flight ends); caller holds the
        lock."""
        window = self._limits.interval * (1 + self._margin) + self._jitter
        while self._started and self._started[0] <= now - window:
            self._started.popleft()
        if self._in_flight >= self._limits.concurrency:
            return None
        waits = [self._paused_until - now]
        if len(self._started) >= self._limits.limit:
            waits.append(self._started[len(self._started) - self._limits.limit] + window - now)
        return max(0.0, *waits)

    def acquire(self) -> None:
        with self._cond:
            while True:
                wait = self._wait_time(self._clock())
                if wait == 0:
                    break
                if wait is None:  # until a request in flight ends (release() notifies)
                    self._cond.wait()
                    continue
                # a timed wait goes through the injectable sleep, so tests can pass a fake clock; the lock is
                # free meanwhile, and the limits are checked again on waking
                self._cond.release()
                try:
                    self._sleep(wait)
                finally:
                    self._cond.acquire()
            self._in_flight += 1
            self._started.append(self._clock())

    def release(self) -> None:
        with self._cond:
            self._in_flight -= 1
            self._cond.notify_all()

    @contextmanager
    def slot(self) -> Iterator[None]:
        self.acquire()
        try:
            yield
        finally:
            self.release()

    def observe(self, headers: Mapping[str, str]) -> None:
        """Take the limits a response announces."""
        with self._cond:
            self._set_limits(limits_from_headers(headers, self._limits))

    def pause(self, seconds: float) -> None:
        """Start nothing for ``seconds`` (a ``Retry-After``)."""
        with self._cond:
            self._paused_until = max(self._paused_until, self._clock() + max(0.0, seconds))
            self._cond.notify_all()

    def rate_limited_by_server(
        self, headers: Mapping[str, str], retry_after: float | None, *, slower: bool = True
    ) -> None:
        """A 429 (or a 503 with ``Retry-After``, ``slower=False``): honour the limits and ``Retry-After`` it
        carries; after a 429 that announces nothing new, slow down by ourselves."""
        with self._cond:
            self.rate_limited += 1 if slower else 0
            announced = limits_from_headers(headers, self._limits)
            if announced == self._limits and slower:
                # nothing new was announced, so our idea of the limit was wrong: halve it
                halved = max(1, math.floor(self._limits.limit * RATE_LIMIT_DECREASE_FACTOR))
                announced = RateLimits(halved, self._limits.interval, self._limits.concurrency)
            self._set_limits(announced)
            pause = retry_after if retry_after is not None else self._limits.interval
            self._paused_until = max(self._paused_until, self._clock() + pause)
            self._cond.notify_all()
