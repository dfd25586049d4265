"""``rag serve``: one process serving the JSON API (FastAPI, under ``/api``) beside the Gradio UI (``/``).

API questions run on a bounded pool of worker threads (:class:`rag.limits.BoundedPool`), not through
the UI's queue; when every worker is busy and the short waiting line is full the API answers 429 with
``Retry-After``. :class:`rag.limits.Guard` wraps everything: foreign Host (400) and Origin (403)
headers, bodies over the limit (413), uploads and the UI's private handlers are refused before any
route sees the request. uvicorn caps connections, closes idle keep-alive connections and (through
:class:`HeaderTimeoutProtocol`) connections that do not finish sending their headers in time.
:class:`rag.watch.LiveIndex` swaps in a new index build when ``rag index`` makes one live.
"""

import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Annotated, Any

from fastapi import FastAPI, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from uvicorn.protocols.http.h11_impl import H11Protocol

from .api_models import (  # noqa: F401  (the limits are re-exported for tests)
    INTERNAL_ERROR,
    MAX_COUNCILS,
    MAX_DOC_ID,
    MAX_HISTORY,
    MAX_K,
    MAX_NAME,
    MAX_QUESTION,
    QUESTION_MARGIN,
    AskFilters,
    AskRequest,
    CompareRequest,
    DocumentFull,
    DocumentList,
    DocumentSummary,
    ErrorBody,
    Health,
    SectionInfo,
)
from .config import PROJECT_ROOT, Settings
from .errors import RagError, UsageError
from .limits import (
    BoundedPool,
    Guard,
    GuardPolicy,
    Saturated,
    allowed_host_names,
    is_loopback,
)
from .watch import LiveIndex, LivePipeline, Snapshot, load_snapshot

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class ServeOptions:
    """How ``rag serve`` listens and how much it accepts."""

    host: str = "127.0.0.1"
    port: int = 7860
    allow_hosts: tuple[str, ...] = ()  # further Host/Origin names to accept (``--allow-host``)
    #: API worker threads, ONNX threads per encoding and concurrent batched encodings, chosen together on
    #: the 2-core machine (benchmarks/http_load.py, 16 clients): 1 ONNX thread beats 2 at every pool size
    #: (server CPU 9.2-9.6 ms a request against 12-16 ms), and 4 workers per core feeding 1 batching lane
    #: per core cut it to 7.3-7.9 ms, since a batch of questions costs less per question than one each.
    workers: int = field(default_factory=lambda: 4 * (os.cpu_count() or 1))
    onnx_threads: int = 1
    #: Concurrent batched encodings of questions (0: no batching; see rag/batching.py).
    batch_lanes: int = field(default_factory=lambda: os.cpu_count() or 1)
    #: Questions waiting for a worker before the API answers 429 (at ~8 ms of CPU each on 2 cores,
    #: 32 waiting means roughly 150 ms of queueing on an idle machine).
    waiting: int = 32
    max_connections: int = 128  # uvicorn limit_concurrency: beyond it new requests get 503
    keep_alive_seconds: int = 5  # idle keep-alive connections are closed after this
    header_timeout_seconds: float = 10.0  # a connection must finish sending its headers within this
    max_header_bytes: int = 16 * 1024  # h11_max_incomplete_event_size: larger headers are refused
    session_capacity: int = 200  # Gradio sessions kept in memory (the oldest are dropped beyond it)
    watch_interval: float = 2.0  # seconds between looks for a new index build or changed documents

    @property
    def url(self) -> str:
        """The address clients use (IPv6 hosts in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"


def _document_summary(doc) -> dict[str, Any]:
    """The JSON of one document without its text."""
    sections = [{k: v for k, v in asdict(s).items() if k in SectionInfo.model_fields} for s in doc.sections]
    return {"id": doc.doc_id, "council": doc.council, "format": doc.format, "published": doc.published,
            "sha256": doc.sha256, "chars": len(doc.text), "sections": sections}


def _hide_paths(text: str) -> str:
    """Make paths under the project folder relative, so clients never learn where the server lives."""
    root = str(PROJECT_ROOT)
    return text.replace(root + "/", "").replace(root, ".")


def _validation_message(errors: list[dict]) -> str:
    """One line naming each bad field ("k: Input should be less than or equal to 100")."""
    parts = []
    for e in errors[:5]:
        loc = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
        parts.append(f"{loc}: {e.get('msg', 'invalid')}")
    return "; ".join(parts)


# -- the app -----------------------------------------------------------------------------------------
def api_app(live: LiveIndex, pool: BoundedPool) -> FastAPI:
    """The FastAPI app with the ``/api`` routes (the UI is mounted onto it by :func:`create_app`)."""
    app = FastAPI(title="CQC reports: cited answers", version="1", docs_url="/api/docs",
                  openapi_url="/api/openapi.json", redoc_url=None)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, exc: RequestValidationError):
        """422 with one readable line (the offending input is not echoed back)."""
        problems = [{"field": ".".join(str(p) for p in e.get("loc", ()) if p != "body"), "message": e.get("msg")}
                    for e in exc.errors()[:20]]
        return JSONResponse({"error": _validation_message(exc.errors()), "problems": problems}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException):
        """HTTP errors (404, 405, …) as one-line JSON."""
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Saturated)
    async def saturated(_request: Request, exc: Saturated):
        """429 with Retry-After when every worker is busy and the waiting line is full."""
        return JSONResponse({"error": str(exc)}, status_code=429, headers={"Retry-After": str(exc.retry_after)})

    @app.exception_handler(RagError)
    async def rag_error(_request: Request, exc: RagError):
        """The pipeline's own user errors (an empty question, …) as 400."""
        return JSONResponse({"error": _hide_paths(str(exc))}, status_code=400)

    errors = {400: {"model": ErrorBody}, 413: {"model": ErrorBody}, 422: {"model": ErrorBody},
              429: {"model": ErrorBody, "description": "Busy: retry after the Retry-After header's seconds."}}

    @app.post("/api/ask", responses=errors, summary="Answer a question with cited sentences")
    async def ask(body: AskRequest) -> JSONResponse:
        """The answer object of FORMATS.md (question, answer, abstained, citations, passages, timings_ms,
        notices, …) plus ``build``, the index build that answered."""
        snapshot = live.current
        answer = await pool.run(_answer, snapshot, body)
        return JSONResponse(answer)

    @app.get("/api/documents", response_model=DocumentList, summary="The indexed reports")
    async def documents() -> dict:
        """Every indexed report with its council, format, date, hash, length and sections (no text)."""
        snapshot = live.current
        docs = sorted(snapshot.documents.values(), key=lambda d: ((d.council or "~").lower(), d.doc_id))
        return {"build": snapshot.build_id, "documents": [_document_summary(d) for d in docs]}

    @app.get("/api/documents/{doc_id}", response_model=DocumentFull, responses={404: {"model": ErrorBody}},
             summary="One report: its text and metadata")
    async def document(doc_id: Annotated[str, PathParam(max_length=MAX_DOC_ID)]) -> dict:
        """One report: its text as the index read it (citations' start/end point into it) and its metadata."""
        doc = live.current.documents.get(doc_id)
        if doc is None:
            raise StarletteHTTPException(404, f"no document {doc_id!r} in the index")
        return {**_document_summary(doc), "text": doc.text}

    @app.get("/api/scores", summary="The score matrix: councils against quality statements, with overall ratings")
    async def scores() -> JSONResponse:
        """Every council's score per statement (with the section each came from) and its overall rating."""
        from .compare import scores_route

        return JSONResponse(await pool.run(scores_route, live.current.pipeline))

    @app.post("/api/compare", responses=errors, summary="Councils' findings on a statement, side by side")
    async def compare(body: CompareRequest) -> JSONResponse:
        """Per council, its own findings sentences on the statement, each cited; grouped by score band."""
        from .compare import compare_route

        return JSONResponse(await pool.run(compare_route, live.current.pipeline, body.model_dump()))

    @app.get("/api/health", response_model=Health, summary="Index build, documents and model being served")
    async def health() -> dict:
        """The build being served, its size and model, whether the documents changed since, and the pool."""
        snapshot = live.current
        manifest = snapshot.pipeline.data.manifest
        counts = manifest.get("counts", {})
        return {"status": "stale" if snapshot.stale else "ok", "build": snapshot.build_id,
                "built_at": manifest.get("built_at"), "documents": counts.get("documents", len(snapshot.documents)),
                "passages": counts.get("retrievable", 0), "model": snapshot.model,
                "query_encoder": getattr(snapshot.pipeline.encoder, "kind", "sentence-transformers"),
                "stale": snapshot.stale, "workers": pool.workers, "pending": pool.pending, "capacity": pool.capacity}

    return app


def _answer(snapshot: Snapshot, body: AskRequest) -> dict:
    """Answer on a worker thread; returns the JSON-ready answer (serialised there too, off the event loop)."""
    f = body.filters
    answer = snapshot.pipeline.ask(body.question, k=body.k, retriever=body.retriever, authorities=tuple(f.councils),
                                   section=f.section, score=f.score, history=tuple(body.history),
                                   statement=f.statement)
    out = answer.to_dict()
    if snapshot.stale:
        out["notices"].append(snapshot.stale)
    out["build"] = snapshot.build_id
    return out


def private_handler_names(blocks) -> frozenset[str]:
    """The api names of a Blocks' handlers marked private (Gradio would still run them by name)."""
    return frozenset(fn.api_name for fn in getattr(blocks, "fns", {}).values()
                     if getattr(fn, "api_visibility", "public") == "private" and isinstance(fn.api_name, str))


def create_app(live: LiveIndex, options: ServeOptions, pool: BoundedPool,
               ui_builder: Callable | None = None) -> Guard:
    """The whole ASGI app: the API, the UI mounted at "/" (when ``ui_builder`` is given), and the guard."""
    import gradio as gr

    app = api_app(live, pool)
    hosts = allowed_host_names(options.host, options.allow_hosts)
    origins = [f"{scheme}://{h if ':' not in h else f'[{h}]'}:{options.port}" for h in sorted(hosts)
               for scheme in ("http", "https")]
    # With the parent's own CORS policy, Gradio adds none of its own: same-origin names only.
    app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                       allow_headers=["content-type"], allow_credentials=False)
    private: frozenset[str] = frozenset()
    if ui_builder is not None:
        settings = live.settings
        blocks = ui_builder(LivePipeline(live), settings)
        blocks.state_session_capacity = options.session_capacity
        private = private_handler_names(blocks)
        ui = sys.modules.get(getattr(ui_builder, "__module__", ""), None)
        gr.mount_gradio_app(
            app, blocks, path="/", server_name=options.host, server_port=options.port,
            footer_links=["api"], run_history=False,  # else runs could be uploaded to the Hub with a saved token
            show_error=False, ssr_mode=False, mcp_server=False, enable_monitoring=False, pwa=False,
            max_file_size=1,  # the UI has no upload component; the guard refuses /upload anyway
            blocked_paths=[str(settings.documents_dir), str(settings.index_dir)],
            theme=getattr(ui, "THEME", None), css=getattr(ui, "PAGE_CSS", None),
        )
    return Guard(app, GuardPolicy(hosts=hosts, private_names=private))


# -- the HTTP server ---------------------------------------------------------------------------------
class HeaderTimeoutProtocol(H11Protocol):
    """uvicorn's h11 protocol, plus: a connection still sending its headers after ``header_timeout``
    seconds (from connecting, or from the end of its previous response) is closed."""

    header_timeout = 10.0
    _header_timer = None

    def connection_made(self, transport) -> None:
        """A new connection: its first request's headers must arrive in time."""
        super().connection_made(transport)
        self._arm_header_timer()

    def on_response_complete(self) -> None:
        """A response sent: the next request's headers must arrive in time too."""
        super().on_response_complete()
        self._arm_header_timer()

    def connection_lost(self, exc) -> None:
        """The connection is gone: no deadline to keep."""
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None
        super().connection_lost(exc)

    def _arm_header_timer(self) -> None:
        """Start (again) the clock within which the next request's headers must arrive."""
        if self._header_timer is not None:
            self._header_timer.cancel()
        self._header_timer = self.loop.call_later(self.header_timeout, self._header_deadline)

    def _header_deadline(self) -> None:
        """Close the connection when it is still waiting for a request's headers."""
        self._header_timer = None
        waiting = self.cycle is None or self.cycle.response_complete
        if waiting and not self.transport.is_closing():
            self.transport.close()


def uvicorn_config(app, options: ServeOptions):
    """uvicorn settings that bound connections, header size and idle time."""
    import uvicorn

    protocol = type("BoundedH11Protocol", (HeaderTimeoutProtocol,), {"header_timeout": options.header_timeout_seconds})
    return uvicorn.Config(
        app, host=options.host, port=options.port, http=protocol, ws="none", lifespan="on",
        limit_concurrency=options.max_connections, timeout_keep_alive=options.keep_alive_seconds,
        h11_max_incomplete_event_size=options.max_header_bytes, server_header=False, proxy_headers=False,
        log_level="warning", access_log=False,
    )


class RunningServer:
    """A uvicorn server running in a background thread (tests and benchmarks); :meth:`stop` ends it."""

    def __init__(self, app, options: ServeOptions):
        import uvicorn

        self.options = options
        self.server = uvicorn.Server(uvicorn_config(app, options))
        self.thread = threading.Thread(target=self.server.run, name="rag-serve", daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise UsageError(f"cannot listen on {options.host}:{options.port}")
            time.sleep(0.02)

    @property
    def url(self) -> str:
        """The server's base URL."""
        return self.options.url

    def stop(self) -> None:
        """Ask uvicorn to shut down and wait for it."""
        self.server.should_exit = True
        self.thread.join(timeout=15)


def launch(blocks, settings: Settings, host: str = "127.0.0.1", port: int = 7860) -> str:
    """Serve an already-built UI alone (no API), guarded, in the background; returns its URL.

    For tests of the UI: ``blocks.close()`` also stops this server."""
    options = ServeOptions(host=host, port=port)
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    blocks.state_session_capacity = options.session_capacity
    private = private_handler_names(blocks)
    ui = sys.modules.get("ui.app")
    import gradio as gr

    gr.mount_gradio_app(app, blocks, path="/", server_name=host, server_port=port, footer_links=["api"],
                        run_history=False, show_error=False, ssr_mode=False, mcp_server=False,
                        enable_monitoring=False, pwa=False, max_file_size=1,
                        blocked_paths=[str(settings.documents_dir), str(settings.index_dir)],
                        theme=getattr(ui, "THEME", None), css=getattr(ui, "PAGE_CSS", None))
    running = RunningServer(Guard(app, GuardPolicy(hosts=allowed_host_names(host), private_names=private)), options)
    close = blocks.close

    def close_and_stop(*args, **kwargs):
        running.stop()
        return close(*args, **kwargs)

    blocks.close = close_and_stop
    return running.url + "/"


def ensure_port_free(host: str, port: int) -> None:
    """Fail fast, before loading the model, when the port is already taken."""
    import socket

    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
            s.bind((host, port))
    except OSError as e:
        raise UsageError(f"cannot listen on {host}:{port} ({e.strerror or e}); choose another with --port") from None


def make_encoder_factory(threads: int, batch_lanes: int = 0) -> Callable:
    """Loads each build's fast query encoder with ``threads`` ONNX threads, batching concurrent questions
    over ``batch_lanes`` lanes when that is above 0 (None: the pipeline's default encoder)."""

    def make(data):
        """The query encoder for one loaded build."""
        from .batching import BatchingEncoder
        from .query_encoder import load_query_encoder

        encoder = load_query_encoder(data, threads=threads)
        return BatchingEncoder(encoder, lanes=batch_lanes) if encoder is not None and batch_lanes > 0 else encoder

    return make


def build_server(settings: Settings, options: ServeOptions, ui_builder: Callable | None = None,
                 progress: bool = False) -> tuple[Guard, LiveIndex, BoundedPool]:
    """Load the index (building it if needed), and wire the app, the live index and the pool."""
    from .pipeline import ensure_index

    ensure_index(settings, progress=progress)
    make_encoder = make_encoder_factory(options.onnx_threads, options.batch_lanes)
    live = LiveIndex(settings, load_snapshot(settings, make_encoder), make_encoder=make_encoder,
                     interval=options.watch_interval)
    pool = BoundedPool(options.workers, options.waiting)
    return create_app(live, options, pool, ui_builder), live, pool


def serve(settings: Settings, options: ServeOptions, ui: bool = True) -> None:
    """Load the model and index once, then serve the API (and the UI, unless ``ui`` is False) until interrupted."""
    import uvicorn

    if not is_loopback(options.host):
        print(f"warning: listening on {options.host}: anyone who can reach this address can use the UI and API "
              "(use --host 127.0.0.1 to keep it on this machine)", file=sys.stderr)
        if not options.allow_hosts:
            print("note: requests must name this server by a loopback address or the bound one; add "
                  "--allow-host NAME for each name clients use", file=sys.stderr)
    ensure_port_free(options.host, options.port)
    build_app = None
    if ui:
        from ui.app import build_app
    app, live, pool = build_server(settings, options, ui_builder=build_app, progress=True)
    live.start()
    where = f"Chat UI at {options.url}/ and the API" if ui else "API"
    print(f"{where} at {options.url}/api (docs: {options.url}/api/docs)  (Ctrl+C to stop)", flush=True)
    try:
        uvicorn.Server(uvicorn_config(app, options)).run()
    finally:
        live.stop()
        pool.shutdown()
