"""HTTP for the index clients: one kept-alive connection per host and thread, a size cap, bounded redirects.

Why our own (standard library ``http.client``) and not habanero's: habanero calls ``httpx2.get`` for every
request, so each one opens a new connection (about 34 ms of set-up per call, measured) and it cannot be handed
a client to reuse; and it gives back only the parsed body of a success, so the rate-limit headers of the 200
answers — and whether a 404 is Crossref's own or a proxy's HTML page — are out of sight. Here every answer
comes back whole: status, headers (lower-case names), body bytes, the URL finally answered.

What can go wrong is one :class:`TransportError` whose ``kind`` says what to do about it:

``unreachable``
    no connection could be made at all: the name did not resolve, the connection was refused, no route to the
    host. Retrying within seconds will not help; the clients stop asking for the rest of the run.
``timeout``
    no answer within the timeout (worth retrying).
``dropped``
    the connection broke mid-exchange (worth retrying). A kept-alive connection the server had already closed
    is reopened once, silently, before this is raised.
``too_large``
    the answer is over :data:`MAX_RESPONSE_BYTES` (not retried).
``redirects``
    more than :data:`MAX_REDIRECTS` redirects, or one to a scheme other than http(s) (not retried).
"""

from __future__ import annotations

import contextlib
import errno
import http.client
import socket
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urljoin, urlsplit
from urllib.request import getproxies, proxy_bypass

__all__ = [
    "MAX_REDIRECTS",
    "MAX_RESPONSE_BYTES",
    "HttpTransport",
    "Response",
    "TransportError",
]

# 20 MB: the largest answer these clients ask for is a whole /works/{doi} record with a long reference
# list (about 1–2 MB for a review citing a thousand works) or a PubMed EFetch batch of 200 records (a few
# MB); 20 MB is ten times that, and caps what a broken or hostile server can make us hold (a 150 MB answer
# took 1.2 GB once parsed, issue 13).
MAX_RESPONSE_BYTES = 20 * 1024 * 1024
# Browsers stop at 20; an API moved to a new address needs one or two. Five is plenty and ends loops quickly.
MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_READ_CHUNK = 256 * 1024
# errno values of a connect() that found nobody to talk to (beside ConnectionRefusedError and gaierror).
_UNREACHABLE_ERRNOS = frozenset(
    {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.EADDRNOTAVAIL, errno.ENETDOWN, errno.EHOSTDOWN}
)

FailureKind = Literal["unreachable", "timeout", "dropped", "too_large", "redirects"]


class TransportError(Exception):
    """One request that got no usable HTTP answer; ``kind`` says why (see the module docstring)."""

    def __init__(self, kind: FailureKind, message: str) -> None:
        super().__init__(message)
        self.kind: FailureKind = kind
        self.message = message


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    headers: Mapping[str, str]  # names in lower case
    body: bytes
    url: str  # the URL that gave this answer (after redirects)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def text(self, limit: int | None = None) -> str:
        data = self.body if limit is None else self.body[:limit]
        return data.decode("utf-8", "replace")


class HttpTransport:
    """GET and POST over kept-alive connections, reused for the run.

    Thread-safe: a request takes an idle connection to its host from the pool (or opens one) and gives it back
    once its answer has been read, so there are never more connections than requests once in flight together
    (the pacers keep that to a few), and the worker threads of later calls reuse those of earlier ones.
    """

    def __init__(
        self,
        *,
        user_agent: str,
        timeout: float,
        max_bytes: int = MAX_RESPONSE_BYTES,
        max_redirects: int = MAX_REDIRECTS,
    ) -> None:
        self.user_agent = user_agent
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self._idle: dict[tuple[str, str], list[http.client.HTTPConnection]] = {}
        self._lock = threading.Lock()
        self.connections_opened = 0

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, {}
        for connections in idle.values():
            for conn in connections:
                conn.close()

    def __del__(self) -> None:
        # a client dropped without close(): its idle sockets go with it, quietly
        with contextlib.suppress(Exception):  # at interpreter shutdown there is nothing useful to do
            self.close()

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Response:
        return self.request("GET", url, headers=headers)

    def post(self, url: str, data: bytes, content_type: str) -> Response:
        return self.request("POST", url, data=data, headers={"Content-Type": content_type})

    def request(
        self,
        method: str,
        url: str,
        *,
        data: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        for _ in range(self.max_redirects + 1):
            response = self._exchange(method, url, data, headers or {})
            if response.status not in _REDIRECTS:
                return response
            location = response.headers.get("location")
            if not location:
                return response  # a redirect without a target: the caller reports the status as it is
            target = urljoin(url, location)
            if urlsplit(target).scheme not in ("http", "https"):
                raise TransportError(
                    "redirects", f"HTTP {response.status} redirect to {target!r}, which is not an http(s) URL"
                )
            if response.status == 303:
                method, data = "GET", None
            url = target
        raise TransportError(
            "redirects",
            f"redirected more than {self.max_redirects} times (last to {url}): the base URL may be wrong",
        )

    # --- one exchange ---------------------------------------------------------------------------------------

    def _new_connection(self, scheme: str, netloc: str) -> http.client.HTTPConnection:
        """A connection to ``netloc``, through the proxy the environment names for ``scheme``
        (``HTTPS_PROXY``, ``HTTP_PROXY``, ``NO_PROXY``, as urllib and httpx read them): HTTPS tunnels through
        it (CONNECT); plain HTTP is sent to it with the absolute URL."""
        proxy = getproxies().get(scheme)
        host = netloc.rsplit("@", 1)[-1].split(":")[0]
        if proxy and not proxy_bypass(host):
            proxy_parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
            if scheme == "https":
                conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                    proxy_parts.netloc, timeout=self.timeout
                )
                conn.set_tunnel(netloc)
                return conn
            conn = http.client.HTTPConnection(proxy_parts.netloc, timeout=self.timeout)
            conn._via_proxy = True  # type: ignore[attr-defined]  # send absolute URLs
            return conn
        cls = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
        return cls(netloc, timeout=self.timeout)

    def _connection(
        self, scheme: str, netloc: str, *, fresh: bool
    ) -> tuple[http.client.HTTPConnection, bool]:
        """An idle connection to ``netloc`` from the pool, or a new one (``fresh``: always new); and whether
        it was used before."""
        key = (scheme, netloc)
        with self._lock:
            idle = self._idle.get(key)
            if idle and not fresh:
                return idle.pop(), True
            self.connections_opened += 1
        return self._new_connection(scheme, netloc), False

    def _give_back(self, conn: http.client.HTTPConnection, scheme: str, netloc: str) -> None:
        if conn.sock is None:
            return
        with self._lock:
            self._idle.setdefault((scheme, netloc), []).append(conn)

    def _exchange(self, method: str, url: str, data: bytes | None, headers: Mapping[str, str]) -> Response:
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        conn, reused = self._connection(parts.scheme, parts.netloc, fresh=False)
        for attempt in range(2):
            if conn.sock is None:
                self._connect(conn, parts.netloc)
            try:
                path = url if getattr(conn, "_via_proxy", False) else target
                conn.putrequest(method, path, skip_accept_encoding=True)
                conn.putheader("User-Agent", self.user_agent)
                conn.putheader("Accept", "application/json, text/xml;q=0.9, */*;q=0.5")
                for name, value in headers.items():
                    conn.putheader(name, value)
                if data is not None:
                    conn.putheader("Content-Length", str(len(data)))
                conn.endheaders(data)
                answer = conn.getresponse()
            except TimeoutError as exc:
                conn.close()
                raise TransportError("timeout", f"no answer within {self.timeout:g} s (timeout)") from exc
            except (http.client.HTTPException, ConnectionError, OSError) as exc:
                conn.close()
                if reused and attempt == 0:
                    # the server closed the kept-alive connection between our requests: open a new one once
                    conn, reused = self._connection(parts.scheme, parts.netloc, fresh=True)
                    continue
                raise TransportError(
                    "dropped", f"the connection to {parts.netloc} broke ({type(exc).__name__}: {exc})"
                ) from exc
            response = self._read(conn, answer, url)
            self._give_back(conn, parts.scheme, parts.netloc)
            return response
        raise AssertionError("unreachable")  # pragma: no cover — the loop returns or raises

    def _connect(self, conn: http.client.HTTPConnection, netloc: str) -> None:
        try:
            conn.connect()
        except socket.gaierror as exc:
            conn.close()
            raise TransportError("unreachable", f"cannot resolve {netloc} ({exc.strerror or exc})") from exc
        except ConnectionRefusedError as exc:
            conn.close()
            raise TransportError("unreachable", f"{netloc} refused the connection") from exc
        except TimeoutError as exc:
            conn.close()
            raise TransportError("timeout", f"no connection to {netloc} within {self.timeout:g} s") from exc
        except OSError as exc:
            conn.close()
            kind: FailureKind = "unreachable" if exc.errno in _UNREACHABLE_ERRNOS else "dropped"
            raise TransportError(kind, f"cannot connect to {netloc} ({exc.strerror or exc})") from exc

    def _read(self, conn: http.client.HTTPConnection, answer: http.client.HTTPResponse, url: str) -> Response:
        headers = {k.lower(): v for k, v in answer.getheaders()}
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            conn.close()
            raise TransportError("too_large", self._too_large(int(length)))
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                chunk = answer.read(_READ_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > self.max_bytes:
                    conn.close()
                    raise TransportError("too_large", self._too_large(None))
                chunks.append(chunk)
        except TimeoutError as exc:
            conn.close()
            raise TransportError("timeout", f"the answer stalled for {self.timeout:g} s (timeout)") from exc
        except (http.client.HTTPException, ConnectionError, OSError) as exc:
            conn.close()
            raise TransportError(
                "dropped", f"the connection broke mid-answer ({type(exc).__name__})"
            ) from exc
        if answer.will_close:
            conn.close()
        return Response(answer.status, headers, b"".join(chunks), url)

    def _too_large(self, size: int | None) -> str:
        said = f" ({size:,} bytes)" if size is not None else ""
        return (
            f"the answer is larger than {self.max_bytes // (1024 * 1024)} MB{said}, far beyond any real one: "
            "refused"
        )
