"""A real local HTTP server that answers like NCBI's E-utilities and the PMC ID converter (no network).

Answers are built from real recorded ones (``tests/data/pubmed/``, provenance in its README): EFetch serves
the ``<PubmedArticle>`` elements registered by PMID, ESummary the registered DocSums in NCBI's JSON envelope,
the ID converter its recorded records, ECitMatch echoes each line with the registered PMID, ESearch the PMIDs
registered for a term. Faults (429 with NCBI's body, 500, a hang, a malformed body) are queued and consumed by
the next requests. A rate limit, when set, answers 429 like NCBI beyond it. Every request is logged.

    from pubmed_server import PubMedServer, recorded_article
    with PubMedServer() as server:
        server.add_article(recorded_article())
        client = PubMedClient(base_url=server.url, cache=False)
"""

from __future__ import annotations

import copy
import json
import re
import threading
import time
import xml.etree.ElementTree as ET
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

__all__ = [
    "DATA",
    "PubMedServer",
    "recorded_article",
    "recorded_idconv",
    "recorded_summary",
    "synthetic_article",
    "synthetic_summary",
]

DATA = Path(__file__).parent / "data" / "pubmed"
RATE_LIMIT_BODY = '{"error":"API rate limit exceeded","api-key":"127.0.0.1","count":"4","limit":"3"}'


def recorded_article() -> ET.Element:
    """The recorded EFetch ``<PubmedArticle>`` for PMID 22351513 (biocommons/eutils test data)."""
    root = ET.parse(DATA / "efetch-22351513.xml").getroot()
    node = root.find("PubmedArticle")
    assert node is not None
    return node


def synthetic_article(pmid: str, title: str | None = None, template: ET.Element | None = None) -> ET.Element:
    """The recorded article under another PMID (and title), its DOI removed: real in shape, no real work."""
    node = copy.deepcopy(template if template is not None else recorded_article())
    pmid_node = node.find("MedlineCitation/PMID")
    assert pmid_node is not None
    pmid_node.text = pmid
    if title is not None:
        title_node = node.find("MedlineCitation/Article/ArticleTitle")
        assert title_node is not None
        title_node.text = title
    article = node.find("MedlineCitation/Article")
    assert article is not None
    for location in article.findall("ELocationID"):
        article.remove(location)
    ids = node.find("PubmedData/ArticleIdList")
    if ids is not None:
        for item in list(ids):
            if item.get("IdType") == "doi":
                ids.remove(item)
            elif item.get("IdType") == "pubmed":
                item.text = pmid
    return node


def recorded_summary() -> dict[str, Any]:
    """The recorded ESummary DocSum for PMID 28265654."""
    doc: dict[str, Any] = json.loads((DATA / "esummary-28265654.json").read_text(encoding="utf-8"))
    return doc


def synthetic_summary(pmid: str) -> dict[str, Any]:
    doc = recorded_summary()
    doc["uid"] = pmid
    doc["articleids"] = [a for a in doc["articleids"] if a["idtype"] != "doi"]
    return doc


def recorded_idconv() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "idconv-10.1038-ng.590.json").read_text(encoding="utf-8"))
    return data


FaultKind = Literal["status", "hang", "malformed"]


@dataclass
class Fault:
    kind: FaultKind
    status: int = 500
    body: str = ""
    route: str | None = None


@dataclass(frozen=True)
class RecordedRequest:
    route: str
    method: str
    params: dict[str, str]
    status: int
    when: float


class PubMedServer:
    def __init__(
        self,
        *,
        rate_limit: float | None = None,
        hang_seconds: float = 5.0,
        max_esummary: int = 500,
        delay: float = 0.0,
    ) -> None:
        self.delay = delay  # seconds added to every answer (a network's round trip)
        self.articles: dict[str, ET.Element] = {}
        self.summaries: dict[str, dict[str, Any]] = {}
        self.idconv: dict[str, dict[str, Any]] = {}
        self.citations: dict[str, str] = {}  # lower-case journal|year → PMID
        self.searches: dict[str, list[str]] = {}  # substring of term → PMIDs
        self.faults: deque[Fault] = deque()
        self.requests: list[RecordedRequest] = []
        self.rate_limit = rate_limit
        self.hang_seconds = hang_seconds
        self.max_esummary = max_esummary
        self._times: deque[float] = deque()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> PubMedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    # --- registration ---

    def add_article(self, node: ET.Element) -> None:
        pmid = node.findtext("MedlineCitation/PMID")
        assert pmid
        self.articles[pmid] = node

    def add_summary(self, doc: dict[str, Any]) -> None:
        self.summaries[str(doc["uid"])] = doc

    def add_idconv(self, record: dict[str, Any]) -> None:
        for name in ("pmid", "pmcid", "doi"):
            if record.get(name):
                self.idconv[str(record[name]).casefold()] = record

    def add_citation(self, journal: str, year: int, pmid: str) -> None:
        self.citations[f"{journal.casefold()}|{year}"] = pmid

    def add_search(self, contains: str, pmids: list[str]) -> None:
        self.searches[contains] = pmids

    def fail(self, kind: FaultKind = "status", *, status: int = 500, body: str = "", times: int = 1) -> None:
        for _ in range(times):
            self.faults.append(Fault(kind, status, body))

    def count(self, route: str | None = None) -> int:
        return sum(1 for r in self.requests if route is None or r.route == route)

    def count_status(self, status: int) -> int:
        return sum(1 for r in self.requests if r.status == status)

    # --- answers ---

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                self._answer(urlsplit(self.path).query)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self._answer(self.rfile.read(length).decode("ascii"))

            def _answer(self, query: str) -> None:
                path = urlsplit(self.path).path
                params = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
                route = path.rstrip("/").rsplit("/", 1)[-1].split(".")[0]
                if server.delay:
                    time.sleep(server.delay)
                status, body, ctype = server._respond(route, params)
                with server._lock:
                    server.requests.append(
                        RecordedRequest(route, self.command, params, status, time.monotonic())
                    )
                if status < 0:  # a hang: say nothing until the client gives up (or the server stops)
                    server._stop.wait(server.hang_seconds)
                    return
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler

    def _respond(self, route: str, params: dict[str, str]) -> tuple[int, str, str]:
        with self._lock:
            if self.rate_limit is not None:
                now = time.monotonic()
                while self._times and now - self._times[0] >= 1.0:
                    self._times.popleft()
                if len(self._times) >= self.rate_limit:
                    return 429, RATE_LIMIT_BODY, "application/json"
                self._times.append(now)
            fault = self.faults.popleft() if self.faults else None
        if fault is not None:
            if fault.kind == "hang":
                return -1, "", ""
            if fault.kind == "malformed":
                return 200, fault.body or "<html><body>Service unavailable</body></html>", "text/html"
            body = fault.body or (RATE_LIMIT_BODY if fault.status == 429 else "Internal Server Error")
            return fault.status, body, "application/json" if fault.status == 429 else "text/plain"
        ids = [i for i in params.get("id", "").split(",") if i]
        if route == "efetch":
            root = ET.Element("PubmedArticleSet")
            for pmid in ids:
                if pmid in self.articles:
                    root.append(self.articles[pmid])
            return 200, '<?xml version="1.0"?>\n' + ET.tostring(root, encoding="unicode"), "text/xml"
        if route == "esummary":
            if len(ids) > self.max_esummary:
                limit = (
                    f"Too many UIDs in request. Maximum number of UIDs is {self.max_esummary} for JSON "
                    "format output."
                )
                return (
                    200,
                    json.dumps({"header": {"type": "esummary", "version": "0.3"}, "esummaryresult": [limit]}),
                    "application/json",
                )
            result: dict[str, Any] = {"uids": [i for i in ids if i in self.summaries]}
            for pmid in ids:
                result[pmid] = self.summaries.get(pmid, {"uid": pmid, "error": "cannot get document summary"})
            return (
                200,
                json.dumps({"header": {"type": "esummary", "version": "0.3"}, "result": result}),
                "application/json",
            )
        if route == "idconv":
            records = []
            for ident in params.get("ids", "").split(","):
                found = self.idconv.get(ident.casefold())
                records.append(
                    {k: v for k, v in found.items() if k != "versions"} | {"requested-id": ident}
                    if found
                    else {"requested-id": ident, "status": "error", "errmsg": "invalid article id"}
                )
            answer = {
                "status": "ok",
                "responseDate": "2026-12-06 12:00:00",
                "request": "",
                "records": records,
            }
            return 200, json.dumps(answer), "application/json"
        if route == "ecitmatch":
            lines = []
            for line in re.split(r"[\r\n]+", params.get("bdata", "")):
                fields = line.split("|")
                if len(fields) < 6:
                    continue
                pmid = self.citations.get(f"{fields[0].casefold()}|{fields[1]}", "NOT_FOUND")
                lines.append("|".join(fields[:6]) + f"|{pmid}")
            return 200, "\n".join(lines) + "\n", "text/plain"
        if route == "esearch":
            term = params.get("term", "")
            pmids = next((p for key, p in self.searches.items() if key.casefold() in term.casefold()), [])
            if "[doi]" in term:
                dois = re.findall(r'"([^"]+)"\[doi\]', term)
                pmids = [
                    pmid
                    for pmid, node in self.articles.items()
                    if any(
                        (node.findtext("PubmedData/ArticleIdList/ArticleId[@IdType='doi']") or "").casefold()
                        == d.casefold()
                        for d in dois
                    )
                ]
            ids_xml = "".join(f"<Id>{p}</Id>" for p in pmids)
            body = (
                '<?xml version="1.0" encoding="UTF-8" ?>\n<eSearchResult><Count>'
                f"{len(pmids)}</Count><RetMax>{len(pmids)}</RetMax><RetStart>0</RetStart>"
                f"<IdList>{ids_xml}</IdList><TranslationSet/></eSearchResult>"
            )
            return 200, body, "text/xml"
        return 404, "not found", "text/plain"
