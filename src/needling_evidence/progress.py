"""Progress on long work (verifying hundreds of references), for the command line.

On a terminal: a bar drawn in place by tqdm. Elsewhere (a CI log, a pipe, a file): a plain line on the
stream every :data:`LOG_EVERY_SECONDS` while the work lasts, and one when it ends — so a long run in CI is
not silent, while a short one prints nothing and a log never fills with redrawn bars. Nothing is imported
until the first count arrives, so ``needling-evidence --help`` stays fast.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

__all__ = ["DEFAULT_SIZE", "LARGE_INPUT_BYTES", "LOG_EVERY_SECONDS", "Heartbeat", "ProgressBar"]

DEFAULT_SIZE = (80, 24)  # columns, lines of a terminal that does not say its size (the VT100's)
# Often enough that a CI log shows the run is alive, rarely enough that 1,000 references give a handful of
# lines.
LOG_EVERY_SECONDS = 5.0


class ProgressBar:
    """``progress(done, total)``: a tqdm bar on a terminal ``stream``, a line every few seconds elsewhere.
    ``clock`` (seconds, monotonic) is injectable for tests."""

    def __init__(
        self, label: str, stream: IO[str] | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self._bar: Any = None  # a tqdm bar once the first count arrives
        self._clock = clock
        self._started: float | None = None
        self._logged_at: float | None = None  # when the last log line was written (None: none yet)

    def __call__(self, done: int, total: int) -> None:
        if total <= 0:
            return
        if not self.enabled:
            self._log(done, total)
            return
        if self._bar is None or self._bar.total != total:
            self.close()
            from tqdm import tqdm

            columns, lines = self._size()
            self._bar = tqdm(
                total=total, desc=self.label, file=self.stream, ncols=columns, nrows=lines, leave=True
            )
        self._bar.update(min(done, total) - self._bar.n)
        if done >= total:
            self.close()

    def _log(self, done: int, total: int) -> None:
        now = self._clock()
        if self._started is None:
            self._started = now
        last = self._logged_at if self._logged_at is not None else self._started
        finished = done >= total
        # A run that ends before the first interval prints nothing; one that logged says when it is done.
        if now - last >= LOG_EVERY_SECONDS or (finished and self._logged_at is not None):
            elapsed = now - self._started
            self.stream.write(f"{self.label}: {min(done, total)}/{total} ({elapsed:.0f} s)\n")
            self.stream.flush()
            self._logged_at = now
        if finished:
            self._started = self._logged_at = None

    def _size(self) -> tuple[int, int]:
        """The terminal's columns and lines; 80 × 24 when it reports none (some CI and ``script`` terminals
        say 0 × 0, where tqdm would hide its bar)."""
        try:
            size = os.get_terminal_size(self.stream.fileno())
        except (AttributeError, OSError, ValueError):
            return DEFAULT_SIZE
        return size.columns or DEFAULT_SIZE[0], size.lines or DEFAULT_SIZE[1]

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


# Inputs this large take seconds to read and analyse before any count is known (a 5 MB article: ~30 s on a
# busy 2-core machine); below it a run is quick enough to need no word.
LARGE_INPUT_BYTES = 1_000_000


class Heartbeat:
    """While large inputs are read and analysed, before the progress bar has a count: one line on stderr
    saying so, then one every :data:`~.progress.LOG_EVERY_SECONDS` with the time so far, so a long run is
    never silent. It stops at the first count (the bar takes over) or when the command ends."""

    def __init__(self, paths: Sequence[str | None], write: Callable[[str], None]) -> None:
        import threading

        self._write = write
        sizes = [(path, _size(path)) for path in paths if path is not None]
        self.large = [(path, size) for path, size in sizes if size >= LARGE_INPUT_BYTES]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, daemon=True, name="needling-evidence-heartbeat")

    def __enter__(self) -> Heartbeat:
        if self.large:
            named = ", ".join(f"{Path(path).name} ({size / 1e6:.1f} MB)" for path, size in self.large)
            self._write(f"Reading and analysing {named} ...")
            self._thread.start()
        return self

    def _beat(self) -> None:
        started = time.monotonic()
        while not self._stop.wait(LOG_EVERY_SECONDS):
            self._write(f"  still reading and analysing ({time.monotonic() - started:.0f} s)")

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return 0  # a missing file is named by the command itself
