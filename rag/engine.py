"""Which engine holds the index: FAISS and files in ``Settings.index_dir`` (the default), or Milvus
when ``Settings.store`` names one (``rag … --store PATH.db|milvus://host:port``).

Both engines are built from the same files index: ``rag index --store X`` builds (or updates) it in
``index_dir`` as usual, which also keeps the embedding cache, then copies it into Milvus when Milvus
does not hold that build yet.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .config import Settings
from .errors import IndexStateError
from .retrieve import Retriever
from .store import IndexData


def make_retriever(data: IndexData, settings: Settings) -> Retriever:
    """The retriever for a loaded index: Milvus-backed when the index lives in Milvus."""
    milvus = sys.modules.get(f"{__package__}.milvus_store")  # not imported: the index cannot live in Milvus
    if milvus is not None and isinstance(data, milvus.MilvusIndexData):
        from .milvus_retrieve import MilvusRetriever

        return MilvusRetriever(data, settings)
    return Retriever(data, settings)


def _identity(manifest: dict | None) -> dict | None:
    """What tells two builds apart (the manifest without its file checksums), as JSON would give it back."""
    if manifest is None:
        return None
    return json.loads(json.dumps({k: v for k, v in manifest.items() if k != "files"}))


def sync_store(settings: Settings, store, progress: bool = False, rebuild: bool = False,
               quick: bool = False) -> tuple[object, bool]:
    """Build or update the files index, then copy it into ``store`` unless it holds that build already;
    returns (the files build report, or None when ``quick`` found it current; whether it was copied).
    ``quick``: as `rag ask` does, only check a current files index instead of running a build."""
    from .indexer import build_index
    from .pipeline import ensure_index

    loaded: list[IndexData] = []
    # like `rag ask`: a current files index is only checked, not rebuilt (no model load)
    if quick and not rebuild:
        report = ensure_index(settings, progress=progress, loaded=loaded)
    else:
        report = build_index(settings, rebuild=rebuild, progress=progress)
    local = loaded[0] if loaded else _load_files(settings)
    try:
        remote = _identity(store.manifest())
    except IndexStateError:
        remote = None
    if remote is not None and remote == _identity(local.manifest):
        return report, False
    store.upload(local, settings.flat_index_max)
    return report, True


def _load_files(settings: Settings) -> IndexData:
    """The live files index in ``settings.index_dir``."""
    from .store import load_index

    return load_index(settings.index_dir)


def _files_build_of(settings: Settings, manifest: dict) -> Path | None:
    """The files build holding the same index as ``manifest`` (where its query encoder is), or None."""
    from .store import live_build, read_manifest

    try:
        same = _identity(read_manifest(settings.index_dir)) == _identity(manifest)
        return live_build(settings.index_dir) if same else None
    except (IndexStateError, OSError):
        return None


def load_store_index(settings: Settings, build: bool = False, progress: bool = False) -> IndexData:
    """The index in the Milvus store ``settings.store`` (built and copied first when ``build`` and the
    documents folder exists); refused when it no longer matches the documents or the model."""
    from .corpus import load_corpus
    from .embedding import resolve_model
    from .indexer import stale_reason
    from .milvus_store import MilvusStore, parse_store

    store = MilvusStore(parse_store(settings.store))
    try:
        folder = Path(settings.documents_dir)
        if build and folder.is_dir():
            sync_store(settings, store, progress=progress, quick=True)
        data = store.load()
        data.path = _files_build_of(settings, data.manifest)  # the fast query encoder, when it is here
        corpus = load_corpus(folder, settings.max_document_bytes) if folder.is_dir() else None
        reason = stale_reason(data.manifest, corpus, resolve_model(settings.model)[0])
        if reason is not None:
            raise IndexStateError(f"the index in the {store.target.describe()} is out of date ({reason}); "
                                  "run `rag index --store ...`")
        return data
    except BaseException:
        store.close()
        raise


def close_index(data: IndexData) -> None:
    """Release what a loaded index holds open (the Milvus connection; Milvus Lite's server stops)."""
    store = getattr(data, "store", None)
    if store is not None:
        store.close()
