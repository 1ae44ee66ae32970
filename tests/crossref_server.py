"""A real local HTTP server that answers like the Crossref REST API, for tests and benchmarks (no network).

It listens on 127.0.0.1 on a free port, answers from a thread per request and stops itself when the ``with``
block ends (or at interpreter exit). Works are registered by DOI; everything else is a 404 with Crossref's own
plain-text body. Faults (429, 500, a hang, malformed JSON, a dropped connection) are queued and consumed by
the next matching requests; rate and concurrency limits can be enforced with Crossref's headers. Every request
is logged (route, DOI(s), status, User-Agent) for the tests to count and inspect.

    from crossref_server import CrossrefServer, load_recorded_work   # tests/ is on sys.path under pytest

    with CrossrefServer() as server:
        server.add_work(load_recorded_work())                 # the recorded PLoS ONE answer
        server.add_not_found("10.1371/notarealdoi")           # 404, and 404 from /agency
        server.add_agency("10.5072/example", "datacite")      # 404 here, DataCite at /agency
        server.fail(status=429, times=1, retry_after="0")     # the next request gets a 429
        client = CrossrefClient(base_url=server.url, cache=False)
        ...
        assert server.count(route="filter") == 1

Routes (what ``route=`` filters on): ``work`` ``/works/{doi}``, ``agency`` ``/works/{doi}/agency``, ``filter``
``/works?filter=doi:…``, ``search`` ``/works?query…``, ``list`` ``/works`` with neither (a client checking
that a base URL is Crossref's), ``other`` anything else.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

__all__ = [
    "AGENCY_LABELS",
    "DATA",
    "CrossrefServer",
    "Fault",
    "RecordedRequest",
    "load_recorded_404",
    "load_recorded_chapter",
    "load_recorded_search",
    "load_recorded_work",
    "synthetic_work",
]

DATA = Path(__file__).parent / "data" / "crossref"

# Crossref's registration agencies as its /agency route names them (id → label).
AGENCY_LABELS = {
    "crossref": "Crossref",
    "datacite": "DataCite",
    "medra": "mEDRA",
    "jalc": "JaLC",
    "kisti": "KISTI",
    "cnki": "CNKI",
    "airiti": "Airiti",
    "op": "OP",
}

Route = Literal["work", "agency", "filter", "search", "list", "other"]
FaultKind = Literal["status", "hang", "malformed", "drop", "html"]


# --- recorded answers ---------------------------------------------------------------------------------------


def _cassette_response(name: str) -> dict[str, Any]:
    cassette = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    response: dict[str, Any] = cassette["interactions"][0]["response"]
    return response


def load_recorded_work() -> dict[str, Any]:
    """The ``message`` of the recorded ``/works/10.1371/journal.pone.0033693`` answer (has ``updated-by``)."""
    body = json.loads(_cassette_response("test_works_with_one_id.yaml")["content"])
    message: dict[str, Any] = body["message"]
    return message


def load_recorded_chapter() -> dict[str, Any]:
    """The ``message`` of the recorded book-chapter answer (papis test resource)."""
    message: dict[str, Any] = json.loads((DATA / "test_4_multiple_isbn.json").read_text(encoding="utf-8"))[
        "message"
    ]
    return message


def load_recorded_404() -> tuple[str, str, dict[str, str]]:
    """(body, content type, rate-limit headers) of the recorded 404 for ``/works/10.1371/notarealdoi``."""
    response = _cassette_response("test_works_bad_id_warn.yaml")
    headers = {k: v[0] for k, v in response["headers"].items()}
    limits = {k: v for k, v in headers.items() if "limit" in k or "interval" in k}
    return str(response["content"]), headers["content-type"], limits


def load_recorded_search() -> dict[str, Any]:
    """The whole recorded ``work-list`` search answer (5 scored items)."""
    body: dict[str, Any] = json.loads((DATA / "unstructured-ref-response-1.json").read_text(encoding="utf-8"))
    return body


def synthetic_work(
    doi: str, template: Mapping[str, Any] | None = None, *, title: str | None = None
) -> dict[str, Any]:
    """A Crossref-shaped work for ``doi`` (use a test prefix: ``10.5555/…``) made from a recorded one.

    It is the recorded PLoS ONE message with its ``DOI``, ``URL`` and title replaced: realistic in shape and
    size, describing no real work (for benchmarks and batch tests).
    """
    message = json.loads(json.dumps(template if template is not None else load_recorded_work()))
    message["DOI"] = doi
    message["URL"] = f"https://doi.org/{doi}"
    message["title"] = [title or f"Synthetic test record {doi}"]
    message.pop("updated-by", None)
    return dict(message)


# --- faults and the log -------------------------------------------------------------------------------------


@dataclass
class Fault:
    """What the next ``times`` matching requests get instead of their answer.

    ``status``: that HTTP status with ``body`` (text/plain) and ``headers``; ``hang``: sleep ``seconds``
    before answering normally (past a client's timeout); ``malformed``: 200 ``application/json`` with a broken
    body; ``html``: 200 ``text/html``; ``drop``: close the connection without an answer.
    """

    kind: FaultKind = "status"
    status: int = 500
    times: int = 1
    route: Route | None = None  # None: any route
    body: str = "Internal Server Error"
    headers: Mapping[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    content_type: str = "text/plain"


@dataclass(frozen=True)
class RecordedRequest:
    path: str  # the decoded path, without the query
    query: Mapping[str, list[str]]
    route: Route
    dois: tuple[str, ...]  # the DOI(s) asked (one for work/agency, the filter's for a batch)
    status: int  # what we answered (0: connection dropped)
    user_agent: str
    started: float  # the server's clock at arrival
    raw_path: str  # the request target as sent, percent-encoding and all


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the server keeps its own log; stderr stays quiet under pytest

    def do_GET(self) -> None:
        self.server.owner._handle(self)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: CrossrefServer


# --- the server ---------------------------------------------------------------------------------------------


class CrossrefServer:
    """A Crossref-shaped HTTP server on 127.0.0.1 (see the module docstring).

    ``delay``: seconds added to every answer. ``rate_limit``: ``(limit, interval_seconds)`` enforced on
    arrivals over a sliding window, 429 beyond. ``concurrency_limit``: requests in flight at once, 429 beyond.
    ``announce_limits``: send ``x-rate-limit-limit``/``-interval`` and ``x-concurrency-limit`` on every
    answer. ``retry_after``: the ``Retry-After`` sent with a rate-limit 429 (``None``: no header).
    ``max_request_line``: longer request lines get 414 (Crossref: 4096 bytes). ``clock``: the time arrivals
    are counted and logged on (a test's fake clock, shared with the client, makes rate tests instant).

    ``list_rate_limit`` / ``list_concurrency_limit``: separate limits for list requests (``filter``,
    ``search``, ``list`` routes), as Crossref has had since December 2025; when set, ``rate_limit`` and
    ``concurrency_limit`` hold for single-record requests only, and each kind announces its own.
    ``delay_per_doi``: seconds added per DOI asked in a filter batch (Crossref's latency grows with it).
    """

    def __init__(
        self,
        *,
        delay: float = 0.0,
        rate_limit: tuple[int, float] | None = None,
        concurrency_limit: int | None = None,
        announce_limits: bool = True,
        retry_after: str | None = "1",
        max_request_line: int = 4096,
        clock: Callable[[], float] = time.monotonic,
        list_rate_limit: tuple[int, float] | None = None,
        list_concurrency_limit: int | None = None,
        delay_per_doi: float = 0.0,
    ) -> None:
        self.clock = clock
        self.list_rate_limit = list_rate_limit
        self.list_concurrency_limit = list_concurrency_limit
        self.delay_per_doi = delay_per_doi
        self._list_arrivals: deque[float] = deque()
        self._list_in_flight = 0
        self.delay = delay
        self.rate_limit = rate_limit
        self.concurrency_limit = concurrency_limit
        self.announce_limits = announce_limits
        self.retry_after = retry_after
        self.max_request_line = max_request_line
        self.works: dict[str, dict[str, Any]] = {}
        self.agencies: dict[str, str] = {}  # DOI → agency id, for DOIs Crossref doesn't have
        self.searches: dict[str, list[dict[str, Any]]] = {}
        self.filter_hidden: set[str] = set()
        self.log: list[RecordedRequest] = []
        self._faults: deque[Fault] = deque()
        self._lock = threading.Lock()
        self._arrivals: deque[float] = deque()
        self._in_flight = 0
        self.max_in_flight = 0  # the most requests seen in flight at once
        self._stop = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        body, ctype, _ = load_recorded_404()
        self.not_found_body, self.not_found_type = body, ctype

    # --- life cycle -----------------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the server is not running (use `with CrossrefServer() as server:`)")
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> CrossrefServer:
        httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
        httpd.owner = self
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()  # wakes hanging handlers
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> CrossrefServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- registering answers --------------------------------------------------------------------------------

    def add_work(self, message: Mapping[str, Any], doi: str | None = None, *, in_filter: bool = True) -> str:
        """Serve ``message`` for its ``DOI`` (or ``doi``); returns the DOI as registered (lower case).

        ``in_filter=False``: ``/works/{doi}`` knows it but ``/works?filter=doi:…`` doesn't return it (as
        Crossref does for an alias DOI)."""
        key = (doi or str(message["DOI"])).lower()
        self.works[key] = dict(message)
        if not in_filter:
            self.filter_hidden.add(key)
        return key

    def add_works(self, messages: Iterable[Mapping[str, Any]]) -> list[str]:
        return [self.add_work(m) for m in messages]

    def add_not_found(self, doi: str) -> None:
        """A DOI no agency knows: 404 at ``/works/{doi}`` and at ``/works/{doi}/agency`` (the default
        anyway)."""
        self.works.pop(doi.lower(), None)
        self.agencies.pop(doi.lower(), None)

    def add_agency(self, doi: str, agency: str) -> None:
        """A DOI registered with another agency (``datacite``, ``medra``…): 404 from ``/works``, ``agency``
        from ``/works/{doi}/agency``."""
        self.agencies[doi.lower()] = agency

    def add_search(self, query: str, items: Sequence[Mapping[str, Any]]) -> None:
        """Answer ``query.bibliographic=query`` (whitespace-normalised) with ``items``."""
        self.searches[" ".join(query.split())] = [dict(i) for i in items]

    def fail(
        self,
        *,
        status: int = 500,
        times: int = 1,
        route: Route | None = None,
        body: str | None = None,
        headers: Mapping[str, str] | None = None,
        retry_after: str | None = None,
        content_type: str = "text/plain",
    ) -> None:
        """The next ``times`` requests (of ``route``) get ``status`` (a body of ``content_type``: an HTML 404
        of a proxy, a JSON 429); a 429 carries the limit headers too."""
        extra = dict(headers or {})
        if retry_after is not None:
            extra["Retry-After"] = retry_after
        text = (
            body if body is not None else ("Too Many Requests" if status == 429 else "Internal Server Error")
        )
        self._faults.append(Fault("status", status, times, route, text, extra, content_type=content_type))

    def hang(self, seconds: float, *, times: int = 1, route: Route | None = None) -> None:
        """The next ``times`` requests wait ``seconds`` before answering (ended early when the server
        stops)."""
        self._faults.append(Fault("hang", 200, times, route, seconds=seconds))

    def malformed(self, *, times: int = 1, route: Route | None = None, kind: FaultKind = "malformed") -> None:
        """The next ``times`` requests get a 200 whose body is broken JSON (``kind="html"``: an HTML page;
        ``kind="drop"``: no answer at all)."""
        self._faults.append(Fault(kind, 200, times, route))

    # --- inspecting the log ---------------------------------------------------------------------------------

    def count(self, *, route: Route | None = None, status: int | None = None) -> int:
        with self._lock:
            return sum(
                1
                for r in self.log
                if (route is None or r.route == route) and (status is None or r.status == status)
            )

    @property
    def requests(self) -> int:
        return self.count()

    @property
    def rate_limited(self) -> int:
        return self.count(status=429)

    def reset_log(self) -> None:
        with self._lock:
            self.log.clear()
            self.max_in_flight = 0

    # --- answering ------------------------------------------------------------------------------------------

    def _is_list(self, route: Route) -> bool:
        return route in ("filter", "search", "list") and (
            self.list_rate_limit is not None or self.list_concurrency_limit is not None
        )

    def _limit_headers(self, route: Route | None = None) -> dict[str, str]:
        if not self.announce_limits:
            return {}
        headers: dict[str, str] = {}
        listed = route is not None and self._is_list(route)
        rate = self.list_rate_limit if listed else self.rate_limit
        concurrency = self.list_concurrency_limit if listed else self.concurrency_limit
        if rate is not None:
            limit, interval = rate
            headers["x-rate-limit-limit"] = str(limit)
            headers["x-rate-limit-interval"] = f"{interval:g}s"
        if concurrency is not None:
            headers["x-concurrency-limit"] = str(concurrency)
        return headers

    def _next_fault(self, route: Route) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.route is None or fault.route == route:
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def _admit(self, now: float, route: Route) -> bool:
        """Count the arrival; False when it breaks the rate or concurrency limit (caller holds the lock)."""
        listed = self._is_list(route)
        rate = self.list_rate_limit if listed else self.rate_limit
        concurrency = self.list_concurrency_limit if listed else self.concurrency_limit
        arrivals = self._list_arrivals if listed else self._arrivals
        in_flight = self._list_in_flight if listed else self._in_flight
        admitted = True
        if rate is not None:
            limit, interval = rate
            while arrivals and arrivals[0] <= now - interval:
                arrivals.popleft()
            if len(arrivals) >= limit:
                admitted = False
            arrivals.append(now)  # every arrival counts, as on the real service
        if concurrency is not None and in_flight >= concurrency:
            admitted = False
        return admitted

    def _count_in_flight(self, route: Route, change: int) -> None:
        # caller holds the lock
        if self._is_list(route):
            self._list_in_flight += change
        else:
            self._in_flight += change
        self.max_in_flight = max(self.max_in_flight, self._in_flight + self._list_in_flight)

    def _handle(self, handler: _Handler) -> None:
        started = self.clock()
        raw_path = handler.path
        parts = urlsplit(raw_path)
        path = unquote(parts.path)
        query = parse_qs(parts.query)
        route, dois = _route(path, query)
        user_agent = handler.headers.get("User-Agent", "")

        def record(status: int) -> None:
            with self._lock:
                self.log.append(
                    RecordedRequest(path, query, route, dois, status, user_agent, started, raw_path)
                )

        if len(f"GET {raw_path} HTTP/1.1") > self.max_request_line:
            record(414)
            self._send(handler, 414, "text/plain", "URI Too Long")
            return

        with self._lock:
            admitted = self._admit(started, route)
            if admitted:
                self._count_in_flight(route, +1)
        if not admitted:
            record(429)
            headers = self._limit_headers(route)
            if self.retry_after is not None:
                headers["Retry-After"] = self.retry_after
            self._send(handler, 429, "text/plain", "Too Many Requests", headers)
            return

        try:
            pause = self.delay + self.delay_per_doi * (len(dois) if route == "filter" else 0)
            if pause:
                self._stop.wait(pause)
            fault = self._next_fault(route)
            status, ctype, body, headers = self._answer(route, dois, query)
            if fault is not None and fault.kind == "hang":
                self._stop.wait(fault.seconds)
            elif fault is not None and fault.kind == "status":
                status, ctype, body = fault.status, fault.content_type, fault.body
                headers = {**(self._limit_headers(route) if status == 429 else {}), **fault.headers}
            elif fault is not None and fault.kind == "malformed":
                status, ctype, body = (
                    200,
                    "application/json;charset=utf-8",
                    body[: len(body) // 2] or '{"status":',
                )
            elif fault is not None and fault.kind == "html":
                status, ctype, body = 200, "text/html", "<html><body>Service maintenance</body></html>"
        finally:
            # a request stops counting against the concurrency limit once its answer is ready
            with self._lock:
                self._count_in_flight(route, -1)
        if fault is not None and fault.kind == "drop":
            record(0)
            handler.close_connection = True
            handler.connection.close()
            return
        record(status)
        self._send(handler, status, ctype, body, {**self._limit_headers(route), **headers})

    def _answer(
        self, route: Route, dois: tuple[str, ...], query: Mapping[str, list[str]]
    ) -> tuple[int, str, str, dict[str, str]]:
        if route == "work":
            work = self.works.get(dois[0])
            if work is None:
                return 404, self.not_found_type, self.not_found_body, {}
            return 200, "application/json;charset=utf-8", _envelope("work", work), {}
        if route == "agency":
            agency = "crossref" if dois[0] in self.works else self.agencies.get(dois[0])
            if agency is None:
                return 404, self.not_found_type, self.not_found_body, {}
            message = {"DOI": dois[0], "agency": {"id": agency, "label": AGENCY_LABELS.get(agency, agency)}}
            return 200, "application/json;charset=utf-8", _envelope("work-agency", message), {}
        if route in ("filter", "search", "list"):
            rows = int((query.get("rows") or ["20"])[0])  # Crossref's default page is 20 rows
            if route == "list":  # /works?rows=0: the index, counted (how a client checks a base URL)
                items = list(self.works.values())
            elif route == "filter":
                items = [
                    self.works[d]
                    for d in dict.fromkeys(dois)
                    if d in self.works and d not in self.filter_hidden
                ]
            else:
                text = " ".join((query.get("query.bibliographic") or [""])[0].split())
                items = self.searches.get(text, [])
            select = [f for f in ",".join(query.get("select") or []).split(",") if f]
            if select:  # Crossref: only the selected fields, on list routes
                items = [{k: v for k, v in item.items() if k in select} for item in items]
            listing: dict[str, Any] = {
                "facets": {},
                "total-results": len(items),
                "items": items[:rows],
                "items-per-page": rows,
                "query": {"start-index": 0, "search-terms": None},
            }
            return 200, "application/json;charset=utf-8", _envelope("work-list", listing), {}
        return 404, self.not_found_type, self.not_found_body, {}

    @staticmethod
    def _send(
        handler: _Handler, status: int, ctype: str, body: str, headers: Mapping[str, str] | None = None
    ) -> None:
        data = body.encode("utf-8")
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", ctype)
            handler.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test): nothing to answer


def _envelope(kind: str, message: Mapping[str, Any]) -> str:
    return json.dumps({"status": "ok", "message-type": kind, "message-version": "1.0.0", "message": message})


def _route(path: str, query: Mapping[str, list[str]]) -> tuple[Route, tuple[str, ...]]:
    if path.rstrip("/") == "/works":
        if "filter" in query:
            parts = ",".join(query["filter"]).split(",")
            return "filter", tuple(p[4:].lower() for p in parts if p.startswith("doi:"))
        if any(k.startswith("query") for k in query):
            return "search", ()
        return "list", ()
    if path.startswith("/works/"):
        rest = path[len("/works/") :]
        if rest.endswith("/agency"):
            return "agency", (rest[: -len("/agency")].lower(),)
        return "work", (rest.lower(),)
    return "other", ()
