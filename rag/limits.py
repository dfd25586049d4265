"""What the server accepts: allowed Host and Origin names, request body size, blocked Gradio routes,
and a bounded worker pool that refuses work (429) instead of queueing without end.

:class:`Guard` is a plain ASGI middleware wrapped around the whole app (the JSON API and the mounted
Gradio UI alike), so a request it refuses is never parsed, stored or queued by anything behind it.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import json
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

#: Largest body accepted by the JSON API (a question, a short history and filters fit in a few KB).
MAX_API_BODY_BYTES = 64 * 1024
#: Largest body accepted by the Gradio routes: the chat sends back the history it shows on every turn.
MAX_UI_BODY_BYTES = 256 * 1024
#: Names that always reach a server bound to this machine.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
#: Gradio routes nobody needs here: uploads (the app has no upload component), the file proxy for
#: remote Spaces, and the direct "run" routes (the page talks to the queue; named calls go to /call).
BLOCKED_UI_PREFIXES = (
    "/gradio_api/upload", "/gradio_api/proxy=", "/gradio_api/run/", "/gradio_api/api/",
    "/gradio_api/run-history",
)
#: Gradio routes that call an event handler by its name.
NAMED_CALL_PREFIXES = ("/gradio_api/call/v2/", "/gradio_api/call/")

Scope = dict[str, Any]
ASGIApp = Callable[[Scope, Callable, Callable], Awaitable[None]]


def is_loopback(host: str) -> bool:
    """True when ``host`` only listens on this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_host_names(bind_host: str, extra: tuple[str, ...] = ()) -> frozenset[str]:
    """Host names a request may carry: the bound address, loopback names, and ``extra`` (``--allow-host``)."""
    names = {n.lower() for n in LOOPBACK_NAMES}
    if bind_host not in ("0.0.0.0", "::", ""):
        names.add(bind_host.strip("[]").lower())
    names.update(e.strip().strip("[]").lower() for e in extra if e.strip())
    return frozenset(names)


def host_name(value: str) -> str | None:
    """The name part of a Host header ("example.org:8080" → "example.org", "[::1]:80" → "::1")."""
    value = value.strip().lower()
    if not value:
        return None
    try:
        parts = urlsplit("//" + value)
        return (parts.hostname or "").strip("[]") or None
    except ValueError:
        return None


def origin_name(value: str) -> str | None:
    """The host name of an Origin header, or None when it is not an http(s) origin ("null", junk)."""
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname.lower()


@dataclass(frozen=True)
class GuardPolicy:
    """What :class:`Guard` lets through."""

    hosts: frozenset[str]
    max_api_body: int = MAX_API_BODY_BYTES
    max_ui_body: int = MAX_UI_BODY_BYTES
    private_names: frozenset[str] = frozenset()  # Gradio handlers not callable by name from outside

    def body_limit(self, path: str) -> int:
        """The body size allowed for a request to ``path``."""
        return self.max_api_body if path == "/api" or path.startswith("/api/") else self.max_ui_body

    def refusal(self, scope: Scope, headers: dict[bytes, bytes]) -> tuple[int, str] | None:
        """(status, reason) when the request must be refused before it reaches the app, else None."""
        name = host_name(headers.get(b"host", b"").decode("latin-1"))
        if name is None or name not in self.hosts:
            return 400, "unknown Host header; start the server with --allow-host NAME to serve that name"
        origin = headers.get(b"origin")
        if origin is not None and origin_name(origin.decode("latin-1")) not in self.hosts:
            return 403, "cross-origin requests are not allowed"
        path = scope.get("path", "")
        if any(path.startswith(p) for p in BLOCKED_UI_PREFIXES):
            return 403, "this route is disabled"
        for prefix in NAMED_CALL_PREFIXES:
            if path.startswith(prefix):
                if path[len(prefix):].split("/", 1)[0] in self.private_names:
                    return 404, "no such endpoint"
                break
        length = headers.get(b"content-length")
        if length is not None:
            try:
                size = int(length)
            except ValueError:
                return 400, "bad Content-Length header"
            if size > self.body_limit(path):
                return 413, f"request body over {self.body_limit(path) // 1024} KB"
        return None


async def send_error(send: Callable, status: int, message: str, headers: tuple[tuple[bytes, bytes], ...] = ()) -> None:
    """Answer with a one-line JSON error and close the connection."""
    body = json.dumps({"error": message}).encode("utf-8")
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"), *headers],
    })
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware: refuses foreign Host/Origin, oversized bodies and disabled routes up front."""

    def __init__(self, app: ASGIApp, policy: GuardPolicy):
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        """Refuse the request with a one-line error, or pass it on (with a bounded body) to the app."""
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        refusal = self.policy.refusal(scope, headers)
        if refusal is not None:
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
            else:
                await send_error(send, *refusal)
            return
        if scope["type"] == "http" and b"content-length" not in headers and scope.get("method") not in ("GET", "HEAD"):
            receive = await self._buffered(scope, receive, send)
            if receive is None:
                return
        await self.app(scope, receive, send)

    async def _buffered(self, scope: Scope, receive: Callable, send: Callable) -> Callable | None:
        """Read a body of unknown length up to the limit (413 beyond it), then replay it to the app."""
        limit = self.policy.body_limit(scope.get("path", ""))
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return None  # the client went away
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await send_error(send, 413, f"request body over {limit // 1024} KB")
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> dict:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return replay


class Saturated(Exception):
    """Every worker is busy and the waiting line is full: try again shortly."""

    def __init__(self, retry_after: int):
        super().__init__(f"the server is busy; retry in {retry_after} s")
        self.retry_after = retry_after


class BoundedPool:
    """A fixed pool of worker threads with a short waiting line; beyond it, :class:`Saturated`.

    The count includes jobs whose caller has gone away but which still run, so a burst of abandoned
    requests cannot pile up work behind the pool's back."""

    def __init__(self, workers: int, waiting: int, retry_after: int = 1):
        if workers < 1 or waiting < 0:
            raise ValueError("a pool needs at least one worker and a non-negative waiting line")
        self.workers = workers
        self.capacity = workers + waiting
        self.retry_after = retry_after
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix="rag-ask")
        self._lock = threading.Lock()
        self._pending = 0

    @property
    def pending(self) -> int:
        """Jobs running or waiting now."""
        return self._pending

    def _release(self, _future=None) -> None:
        """One job fewer (called when a job ends, however it ends)."""
        with self._lock:
            self._pending -= 1

    async def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run ``fn(*args, **kwargs)`` on a worker and await its result, or raise :class:`Saturated`."""
        with self._lock:
            if self._pending >= self.capacity:
                raise Saturated(self.retry_after)
            self._pending += 1
        try:
            future = self._executor.submit(functools.partial(fn, *args, **kwargs))
        except RuntimeError:
            self._release()
            raise
        future.add_done_callback(self._release)
        return await asyncio.wrap_future(future)

    def shutdown(self) -> None:
        """Stop accepting work; running jobs finish."""
        self._executor.shutdown(wait=False, cancel_futures=True)
