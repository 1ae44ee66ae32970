"""What the two index clients (Crossref and PubMed) share beyond the transport: closing what they opened, the
context-manager protocol, and "this index cannot be reached" — noticed once per run, said in one line, and
every later request refused at once (issue 12: a run with no network was slow and silent)."""

from __future__ import annotations

import logging
import os
import threading
from typing import TYPE_CHECKING, ClassVar, Literal, Self
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from .cache import Cache
    from .transport import HttpTransport

__all__ = ["IndexSession"]

log = logging.getLogger(__name__)


class IndexSession:
    """Mixed into an index client, which sets these attributes in its ``__init__``."""

    INDEX: ClassVar[str]  # the index's name, as the user reads it ("Crossref", "PubMed")
    UNREACHABLE_HINT: ClassVar[str]  # what the user can do when it cannot be reached

    base_url: str
    cache: Cache | None
    _owns_cache: bool  # a cache file the client opened itself (not one it was handed) is closed with it
    _http: HttpTransport | None
    _state_lock: threading.Lock
    _unreachable: str | None  # why the index could not be reached, once noticed

    def _open_cache(self, cache: str | os.PathLike[str] | Cache | Literal[False] | None) -> None:
        """``cache``: a path, an open :class:`~.cache.Cache` (the caller's: left open by :meth:`close`),
        ``None`` for the default file, or ``False`` for no cache."""
        from .cache import Cache, default_cache_path

        self._owns_cache = not isinstance(cache, Cache)
        if cache is False:
            self.cache = None
        elif isinstance(cache, Cache):
            self.cache = cache
        else:
            self.cache = Cache(cache if cache is not None else default_cache_path())

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
        if self.cache is not None and self._owns_cache:
            self.cache.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _scrubbed(self, text: str) -> str:
        """``text`` without the client's secrets (e-mail, API key); the clients say which."""
        return text

    def _noticed_unreachable(self, message: str) -> None:
        """Remember, once, that the index cannot be reached, and say so in the one line the user sees."""
        with self._state_lock:
            if self._unreachable is not None:
                return
            self._unreachable = f"{self.INDEX} could not be reached earlier in this run ({message})"
        log.warning(
            "%s (%s) cannot be reached (%s); not trying again in this run, so what it would check is "
            "'unverified'. %s",
            self.INDEX,
            urlsplit(self.base_url).netloc,
            self._scrubbed(message),
            self.UNREACHABLE_HINT,
        )
