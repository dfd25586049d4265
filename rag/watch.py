"""Fresh answers while serving: follow the index folder's ``CURRENT`` pointer and the documents folder.

A :class:`LiveIndex` holds the :class:`Snapshot` being served (pipeline, documents, build id). A
background thread looks every few seconds, with cheap ``stat`` calls, at the ``CURRENT`` pointer and
at the names, sizes and modification times of the documents. When ``rag index`` has made a new build
live, a new pipeline is loaded and warmed beside the old one and then swapped in with one assignment,
so a request sees either the old snapshot or the new one, never a mix. When the documents changed but
no new build exists yet, answers carry a notice that they may be out of date until ``rag index`` runs.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .corpus import load_corpus
from .embedding import resolve_model
from .errors import RagError
from .indexer import load_current, stale_reason
from .records import Document
from .store import CURRENT

log = logging.getLogger(__name__)

#: Seconds between two looks at the index pointer and the documents folder.
WATCH_INTERVAL = 2.0
STALE_NOTICE = "The documents changed after this index was built; answers may be out of date until `rag index` runs."


@dataclass(frozen=True)
class Snapshot:
    """Everything one request reads: a loaded pipeline and the documents of its build."""

    pipeline: object  # rag.pipeline.Pipeline
    documents: dict[str, Document]
    build_id: str
    stale: str | None = None  # why answers may be out of date, or None

    @property
    def model(self) -> str:
        """The embedding model the build was made with."""
        return str(self.pipeline.data.manifest.get("model", {}).get("id", ""))


@dataclass(frozen=True)
class FolderState:
    """What the cheap check compares: the pointer's contents and the documents' (name, size, mtime)."""

    pointer: str
    files: tuple[tuple[str, int, int], ...] = field(default=())


def folder_state(settings: Settings) -> FolderState:
    """Read the index pointer and stat the documents folder (no file is read beyond the pointer)."""
    try:
        pointer = (Path(settings.index_dir) / CURRENT).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        pointer = ""
    files: list[tuple[str, int, int]] = []
    try:
        with os.scandir(settings.documents_dir) as entries:
            for e in entries:
                if e.is_file():
                    st = e.stat()
                    files.append((e.name, st.st_size, st.st_mtime_ns))
    except OSError:
        pass
    return FolderState(pointer, tuple(sorted(files)))


def load_snapshot(settings: Settings, make_encoder: Callable | None = None) -> Snapshot:
    """Load the live build and its documents, and warm the encoder, so the first request is fast."""
    from .pipeline import Pipeline

    data = load_current(settings)
    encoder = make_encoder(data) if make_encoder else None
    pipeline = Pipeline(data, settings, encoder)
    pipeline.encoder.encode(["warm up"])
    indexed = data.manifest.get("documents", {})
    corpus = load_corpus(settings.documents_dir, settings.max_document_bytes)
    documents = {d.doc_id: d for d in corpus.documents if indexed.get(d.doc_id, {}).get("sha256") == d.sha256}
    build_id = data.path.name if data.path is not None else ""
    return Snapshot(pipeline, documents, build_id)


def documents_stale(snapshot: Snapshot, settings: Settings) -> str | None:
    """Why the documents on disk no longer match the served build, or None."""
    try:
        corpus = load_corpus(settings.documents_dir, settings.max_document_bytes)
        return stale_reason(snapshot.pipeline.data.manifest, corpus, resolve_model(settings.model)[0])
    except RagError as e:
        return str(e)


class LiveIndex:
    """The snapshot being served, replaced atomically when a new build appears."""

    def __init__(self, settings: Settings, snapshot: Snapshot, make_encoder: Callable | None = None,
                 interval: float = WATCH_INTERVAL):
        self.settings = settings
        self._snapshot = snapshot
        self._make_encoder = make_encoder
        self._interval = interval
        self._seen = folder_state(settings)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.swaps = 0

    @property
    def current(self) -> Snapshot:
        """The snapshot to serve this request from (read once per request)."""
        return self._snapshot

    def check(self) -> bool:
        """Look for a new build or changed documents; True when the served snapshot changed."""
        state = folder_state(self.settings)
        if state == self._seen:
            return False
        old = self._snapshot
        if state.pointer != self._seen.pointer and state.pointer and state.pointer != old.build_id:
            try:
                new = load_snapshot(self.settings, self._make_encoder)
            except RagError as e:  # e.g. documents changed again since that build: keep serving, flagged
                log.warning("not switching to build %s: %s", state.pointer, e)
                self._snapshot = Snapshot(old.pipeline, old.documents, old.build_id, STALE_NOTICE)
            else:
                self._snapshot = new
                self.swaps += 1
                log.info("now serving build %s", new.build_id)
            self._seen = folder_state(self.settings)
            return True
        reason = documents_stale(old, self.settings)
        self._snapshot = Snapshot(old.pipeline, old.documents, old.build_id, STALE_NOTICE if reason else None)
        if reason:
            log.warning("documents changed (%s); answers marked out of date until `rag index` runs", reason)
        self._seen = state
        return self._snapshot.stale != old.stale

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                self.check()
            except Exception:  # never let the watcher die: the next look may succeed
                log.exception("checking the index folder failed")

    def start(self) -> None:
        """Watch in a daemon thread until :meth:`stop`."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="rag-index-watch", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop watching (waits for the thread to finish its current look)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None


class LivePipeline:
    """Stands in for a Pipeline and forwards to the one being served, so the UI follows swaps too."""

    def __init__(self, live: LiveIndex):
        object.__setattr__(self, "_live", live)

    def __getattr__(self, name: str):
        """Every attribute is read from the pipeline being served at this moment."""
        return getattr(self._live.current.pipeline, name)
