"""A fast query encoder: the model's own tokenizer plus an ONNX graph of its transformer.

``rag ask`` encodes one question. Through sentence-transformers that costs importing torch,
transformers and sentence-transformers (~6 s here) before the first vector. This module gives the
same vectors without any of them: the model's ``tokenizer.json`` run by the ``tokenizers`` package,
the transformer as an ONNX graph run by ``onnxruntime``, then the pooling of sentence-transformers'
all-MiniLM-L6-v2 (mean over the real tokens, L2 normalisation; ``max_seq_length`` 256).

The graph is exported once from the torch model when an index is built (``torch.onnx.export`` with
``dynamo=False``: the TorchScript exporter, which needs the ``onnx`` package at export time only; the
default dynamo exporter of torch 2.13 would also need ``onnxscript``), saved as onnxruntime optimises
it ("extended" level: fused attention, GELU and layer norm, not tied to this CPU), and checked against
sentence-transformers: the largest cosine distance over :data:`VERIFY_TEXTS` (one at a time and as a
padded batch) must be at most :data:`TOLERANCE`. It is exported once per model into the user cache
(``$XDG_CACHE_HOME/rag/query-encoder/<weights sha256>-…``) and linked into every build as
``query_encoder.onnx``; the manifest lists its sha256 with every other file and describes it under
``"query_encoder"``.

Whenever anything is missing or does not match (no ``onnxruntime``/``tokenizers``, an index built
before this existed, other model weights or tokenizer, a damaged file, ``RAG_QUERY_ENCODER=torch``),
:func:`load_query_encoder` returns None and the caller uses sentence-transformers, the reference path
(documents are always encoded with it).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

ONNX_FILE = "query_encoder.onnx"
FORMAT = 1
OPSET = 17
#: Largest cosine distance to sentence-transformers accepted at export time.
TOLERANCE = 1e-5

INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
VERIFY_TEXTS = (
    "How many complaints did Harrow's complaints service record in 2022/23?",
    "Which councils have a Principal Occupational Therapist?",
    "  Leading and trailing spaces, UPPER case, naïve café “quotes” — dashes – and an emoji 😀  ",
    "a",
    "The local authority worked with partners to learn from feedback. " * 40,  # > 256 tokens: truncated
    "Staff told us that learning from safeguarding adults reviews was shared through practice forums.",
)


def default_threads() -> int:
    """onnxruntime intra-op threads for questions: ``RAG_ONNX_THREADS``, else 0 (onnxruntime's default, one
    per physical core). Measured here: 2 threads 3.2 ms p50 against 5.2 ms for 1 on an idle machine, but
    12 ms against 6.6 ms when other processes keep both cores busy; set 1 on a shared, busy host."""
    try:
        return max(0, int(os.environ.get("RAG_ONNX_THREADS", "0")))
    except ValueError:
        return 0


class QueryEncoderUnavailable(Exception):
    """Why the fast encoder cannot be exported or loaded (the caller falls back)."""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def mode() -> str:
    """``RAG_QUERY_ENCODER``: "auto" (ONNX when the index has it) or "torch" (always sentence-transformers)."""
    return os.environ.get("RAG_QUERY_ENCODER", "auto").strip().lower() or "auto"


# -- the model's pipeline, as sentence-transformers configures it ---------------------------------------
def check_structure(model_path: Path) -> None:
    """Refuse models whose pipeline is not Transformer → mean Pooling (→ Normalize)."""
    try:
        modules = json.loads((model_path / "modules.json").read_text(encoding="utf-8"))
        types = [m["type"].rsplit(".", 1)[-1] for m in modules]
        pooling_dir = next(m["path"] for m in modules if m["type"].endswith("Pooling"))
        pooling = json.loads((model_path / pooling_dir / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, StopIteration) as e:
        raise QueryEncoderUnavailable(f"cannot read the model's module configuration ({type(e).__name__})") from None
    if types not in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]):
        raise QueryEncoderUnavailable(f"unsupported module pipeline {types}")
    modes = {k for k, v in pooling.items() if k.startswith("pooling_mode_") and v is True}
    if pooling.get("pooling_mode", "mean") != "mean" and not modes:
        raise QueryEncoderUnavailable(f"unsupported pooling {pooling.get('pooling_mode')!r}")
    if modes and modes != {"pooling_mode_mean_tokens"}:
        raise QueryEncoderUnavailable(f"unsupported pooling {sorted(modes)}")


class OnnxQueryEncoder:
    """Texts → L2-normalised float32 vectors, like :class:`rag.embedding.Encoder`, without torch."""

    kind = "onnx"

    def __init__(self, model: bytes | str | Path, tokenizer_file: str | Path, dim: int, max_seq_length: int,
                 model_id: str = "", threads: int | None = None):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(tokenizer_file))
        tokenizer.enable_truncation(max_length=int(max_seq_length))
        pad = tokenizer.padding or {}
        tokenizer.enable_padding(pad_id=pad.get("pad_id", 0), pad_type_id=pad.get("pad_type_id", 0),
                                 pad_token=pad.get("pad_token", "[PAD]"))  # to the longest text of a batch
        options = ort.SessionOptions()
        options.log_severity_level = 3
        options.intra_op_num_threads = int(threads if threads is not None else default_threads())
        if isinstance(model, Path):
            model = str(model)  # onnxruntime reads the file itself
        self._session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tokenizer = tokenizer
        self.model_id = model_id
        self.dim = int(dim)
        self.max_seq_length = int(max_seq_length)
        self.encoded = 0

    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        texts = [str(t) for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        self.encoded += len(texts)
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))  # similar lengths share a batch
        for start in range(0, len(order), max(1, batch_size)):
            rows = order[start : start + batch_size]
            out[rows] = self._encode_batch([texts[i] for i in rows])
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.array([e.type_ids for e in encodings], dtype=np.int64)
        hidden = self._session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        mean = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(mean, axis=1, keepdims=True)
        return (mean / np.clip(norms, 1e-12, None)).astype(np.float32)


# -- export (index time; needs torch, sentence-transformers and onnx) ---------------------------------
def max_cosine_distance(a: np.ndarray, b: np.ndarray) -> float:
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return float(np.max(1.0 - np.sum(a.astype(np.float64) * b.astype(np.float64), axis=1)))


def export(encoder, dest: Path) -> dict[str, Any]:
    """Export ``encoder``'s transformer to ``dest`` and check it; returns the manifest entry.

    ``encoder`` is a :class:`rag.embedding.Encoder` (a loaded sentence-transformers model).
    Raises :class:`QueryEncoderUnavailable` when the model cannot be exported faithfully.
    """
    t0 = time.perf_counter()
    st = getattr(encoder, "_model", None)
    path = getattr(encoder, "path", None)
    if st is None or path is None:
        raise QueryEncoderUnavailable("the encoder is not a local sentence-transformers model")
    path = Path(path)
    check_structure(path)
    tokenizer_file = path / "tokenizer.json"
    if not tokenizer_file.is_file():
        raise QueryEncoderUnavailable("the model has no tokenizer.json")
    try:
        import onnx  # noqa: F401  (the TorchScript exporter serialises through it)
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
        import torch
    except ImportError as e:
        raise QueryEncoderUnavailable(f"{e.name} is not installed") from None

    transformer = st[0].auto_model
    max_seq_length = int(st.max_seq_length)

    class _Hidden(torch.nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    # A padded example, so that nothing in the traced graph assumes an all-ones mask.
    ids = torch.tensor([[101, 2129, 2116, 10821, 102, 0, 0], [101, 2129, 2116, 10821, 2106, 2057, 102]])
    axes = {"batch": 0, "tokens": 1}
    dynamic = {name: {v: k for k, v in axes.items()} for name in (*INPUT_NAMES, "last_hidden_state")}
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    raw = dest.with_name(dest.stem + ".torch.onnx")
    import warnings

    was_training = transformer.training
    transformer.eval()
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _Hidden(transformer), (ids, (ids != 0).long(), torch.zeros_like(ids)), str(raw),
                dynamo=False, input_names=list(INPUT_NAMES), output_names=["last_hidden_state"],
                dynamic_axes=dynamic, opset_version=OPSET, do_constant_folding=True,
            )
    except Exception as e:  # the exporter raises many kinds
        raise QueryEncoderUnavailable(f"ONNX export failed: {type(e).__name__}: {str(e).splitlines()[0][:200]}") from None
    finally:
        transformer.train(was_training)
    # Save the graph as onnxruntime optimises it (fused attention, GELU, layer norm: "extended" level,
    # which unlike "all" is not tied to this CPU): sessions then start ~2x faster and run ~20% faster.
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
    options.optimized_model_filepath = str(dest)
    onnxruntime.InferenceSession(str(raw), options, providers=["CPUExecutionProvider"])
    raw.unlink()
    blob = dest.read_bytes()
    fast = OnnxQueryEncoder(blob, tokenizer_file, encoder.dim, max_seq_length, encoder.model_id, threads=os.cpu_count())
    texts = list(VERIFY_TEXTS)
    reference = np.asarray(st.encode(texts, batch_size=len(texts), normalize_embeddings=True, convert_to_numpy=True))
    batch = fast.encode(texts, batch_size=len(texts))
    single = np.stack([fast.encode([t])[0] for t in texts])
    distance = max(max_cosine_distance(batch, reference), max_cosine_distance(single, reference))
    if not distance <= TOLERANCE:
        raise QueryEncoderUnavailable(f"the ONNX graph differs from sentence-transformers (cosine distance {distance:.2e})")
    from .embedding import file_sha256

    return {
        "file": ONNX_FILE,
        "format": FORMAT,
        "sha256": _sha256(blob),
        "model_id": encoder.model_id,
        "weights_sha256": encoder.weights_sha256,
        "tokenizer_sha256": file_sha256(tokenizer_file),
        "dim": int(encoder.dim),
        "max_seq_length": max_seq_length,
        "pooling": "mean",
        "normalize": True,
        "exporter": f"torch.onnx.export(dynamo=False, opset {OPSET}), saved optimised by onnxruntime (extended)",
        "versions": {"torch": torch.__version__, "onnx": onnx.__version__, "onnxruntime": onnxruntime.__version__,
                     "tokenizers": tokenizers.__version__},
        "max_cosine_distance": distance,
        "verified_texts": len(texts),
        "export_seconds": round(time.perf_counter() - t0, 3),
    }


#: Graphs this process found or exported: key -> (file in the user cache, entry).
_EXPORTED: dict[tuple, tuple[Path, dict[str, Any]]] = {}


def _matches(entry: Any, encoder, tokenizer_sha: str) -> bool:
    return (
        isinstance(entry, dict) and entry.get("format") == FORMAT and entry.get("file") == ONNX_FILE
        and entry.get("model_id") == encoder.model_id and entry.get("weights_sha256") == encoder.weights_sha256
        and entry.get("tokenizer_sha256") == tokenizer_sha and entry.get("dim") == encoder.dim
        and isinstance(entry.get("sha256"), str)
    )


def cache_folder(weights_sha: str, tokenizer_sha: str, dim: int) -> Path:
    """The user-cache folder of the graph exported from these weights and tokenizer (one per model)."""
    from .embedding import user_cache_dir

    return user_cache_dir() / "query-encoder" / f"{weights_sha[:24]}-{tokenizer_sha[:12]}-d{int(dim)}-f{FORMAT}"


def _cached(folder: Path, encoder, tokenizer_sha: str) -> dict[str, Any] | None:
    """The entry of a graph already exported into ``folder`` for this model, when it is intact."""
    from .embedding import cached_file_sha256

    try:
        entry = json.loads((folder / "entry.json").read_text(encoding="utf-8"))
        if _matches(entry, encoder, tokenizer_sha) and cached_file_sha256(folder / ONNX_FILE, entry["sha256"]) == entry["sha256"]:
            return entry
    except (OSError, ValueError):
        pass
    return None


def _export_to_cache(folder: Path, encoder) -> dict[str, Any]:
    """Export into a private folder next to ``folder``, then rename it into place (concurrent builds race harmlessly)."""
    work = folder.with_name(f".{folder.name}.{os.getpid()}-{time.monotonic_ns() % 10**6}.partial")
    try:
        entry = export(encoder, work / ONNX_FILE)
        (work / "entry.json").write_text(json.dumps(entry, indent=1), encoding="utf-8")
        try:
            os.rename(work, folder)
        except OSError:  # another process got there first: use its (equally checked) graph
            if not (folder / ONNX_FILE).is_file():
                raise
        return json.loads((folder / "entry.json").read_text(encoding="utf-8"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def prepare_for_build(index_dir: Path, previous_manifest: dict | None, encoder,
                      export_if_missing: bool = True) -> tuple[dict[str, Any] | None, dict[str, Path], str | None] | None:
    """For a new build: (manifest entry or None, {file name in the build: source file}, warning or None).

    The graph is exported once per model: it is kept in the user cache (:func:`cache_folder`, keyed by
    the weights' and tokenizer's sha256) and linked into every build. The live build's graph is used
    when the cache has none; only when neither exists is it exported (into the cache, or into a
    ``.partial`` folder of ``index_dir`` that the build's clean-up removes when the cache is not
    writable). Never raises: failure means "no fast encoder" plus a warning. With ``export_if_missing``
    False, returns None instead of exporting (so that it can run while the encoder encodes: it only reads).
    """
    if mode() == "torch":
        return None, {}, None
    try:
        if getattr(encoder, "_model", None) is None or getattr(encoder, "path", None) is None:
            return None, {}, None  # not a local sentence-transformers model: nothing to export
        from .embedding import cached_file_sha256

        tokenizer_file = Path(encoder.path) / "tokenizer.json"
        tokenizer_sha = cached_file_sha256(tokenizer_file) if tokenizer_file.is_file() else ""
        key = (encoder.model_id, encoder.weights_sha256, tokenizer_sha, int(encoder.dim))
        folder = cache_folder(encoder.weights_sha256 or encoder.model_id, tokenizer_sha, encoder.dim)
        entry = _cached(folder, encoder, tokenizer_sha)
        if entry is not None:
            _EXPORTED[key] = (folder / ONNX_FILE, entry)
            return dict(entry), {ONNX_FILE: folder / ONNX_FILE}, None
        previous = (previous_manifest or {}).get("query_encoder")
        try:
            from .store import live_build

            previous_build = live_build(Path(index_dir)) if previous_manifest else None
        except Exception:
            previous_build = None
        if previous_build is not None and _matches(previous, encoder, tokenizer_sha):
            src = Path(previous_build) / ONNX_FILE
            if src.is_file() and cached_file_sha256(src, previous["sha256"]) == previous["sha256"]:
                return dict(previous), {ONNX_FILE: src}, None
        if not export_if_missing:
            return None
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            from .store import scratch_dir

            work = scratch_dir(Path(index_dir), "query-encoder")  # a name the build's clean-up knows as its own
            return export(encoder, work / ONNX_FILE), {ONNX_FILE: work / ONNX_FILE}, None
        entry = _export_to_cache(folder, encoder)
        _EXPORTED[key] = (folder / ONNX_FILE, entry)
        return dict(entry), {ONNX_FILE: folder / ONNX_FILE}, None
    except QueryEncoderUnavailable as e:
        return None, {}, f"fast query encoder not built ({e}); questions will be encoded with sentence-transformers"
    except Exception as e:  # never fail a build for the optional fast path
        return None, {}, (f"fast query encoder not built ({type(e).__name__}: {str(e).splitlines()[0][:200] if str(e) else ''}); "
                          "questions will be encoded with sentence-transformers")


# -- loading (query time; no torch) ---------------------------------------------------------------------
class _Pending:
    """The outcome of opening an encoder in a background thread."""

    def __init__(self):
        self.done = threading.Event()
        self.result: tuple[OnnxQueryEncoder | None, str] | None = None


#: Encoders being opened in the background: (build folder, manifest entries, threads) -> outcome.
_PREFETCHED: dict[tuple, _Pending] = {}


def _prefetch_key(path, manifest: dict, threads: int | None) -> tuple:
    return (str(path), json.dumps([manifest.get("query_encoder"), manifest.get("model")], sort_keys=True), threads)


def prefetch(index_dir: Path, threads: int | None = None) -> None:
    """Start opening the live build's query encoder in a background thread, so that a cold ``rag ask``
    loads the index meanwhile (onnxruntime releases the GIL while it builds the session: ~0.25 s here).
    :func:`load_with_reason` takes the result when it is for the same build; errors only mean no head start."""
    if mode() == "torch":
        return
    try:
        from types import SimpleNamespace

        from .store import live_build, read_manifest

        build = live_build(Path(index_dir))
        manifest = read_manifest(Path(index_dir)) if build is not None else None
    except Exception:
        return
    if manifest is None:
        return
    key = _prefetch_key(build, manifest, threads)
    if key in _PREFETCHED:
        return
    pending = _PREFETCHED[key] = _Pending()

    def work():
        try:
            pending.result = _load(SimpleNamespace(manifest=manifest, path=build), threads)
        except Exception as e:
            pending.result = (None, f"{type(e).__name__}: {e}")
        finally:
            pending.done.set()

    threading.Thread(target=work, name="rag-query-encoder", daemon=True).start()


def load_with_reason(data, threads: int | None = None) -> tuple[OnnxQueryEncoder | None, str]:
    """(the fast encoder of a loaded index, "") or (None, why not)."""
    if mode() == "torch":
        return None, "RAG_QUERY_ENCODER=torch"
    pending = _PREFETCHED.pop(_prefetch_key(data.path, data.manifest, threads), None) if data.path else None
    if pending is not None:
        pending.done.wait()
        if pending.result is not None and pending.result[0] is not None:
            return pending.result
    return _load(data, threads)


def _load(data, threads: int | None) -> tuple[OnnxQueryEncoder | None, str]:
    """:func:`load_with_reason` without a prefetched result."""
    manifest = data.manifest
    entry = manifest.get("query_encoder")
    model = manifest.get("model", {})
    if not isinstance(entry, dict) or data.path is None:
        return None, "the index has no query encoder (built before it existed, or the export failed): run `rag index --rebuild`"
    if entry.get("format") != FORMAT or entry.get("file") != ONNX_FILE:
        return None, "the index's query encoder has another format"
    if (entry.get("model_id"), entry.get("weights_sha256"), entry.get("dim")) != (
        model.get("id"), model.get("weights_sha256"), model.get("dim")
    ):
        return None, "the index's query encoder was exported from another model"
    try:
        from .embedding import cached_file_sha256, resolve_model

        model_path = resolve_model(model["id"])[1]
        if model_path is None:
            return None, "the model is not installed"
        tokenizer_file = model_path / "tokenizer.json"
        if not tokenizer_file.is_file() or cached_file_sha256(tokenizer_file, entry.get("tokenizer_sha256")) != entry.get("tokenizer_sha256"):
            return None, "the model's tokenizer.json differs from the one the query encoder was exported with"
        graph = Path(data.path) / ONNX_FILE
        if not graph.is_file():
            return None, f"{ONNX_FILE} is missing from the build"
        # hashed once, then trusted while provably unchanged (rag.embedding.cached_file_sha256)
        if cached_file_sha256(graph, entry.get("sha256")) != entry.get("sha256"):
            return None, f"{ONNX_FILE} is damaged (checksum mismatch)"
        from .split_graph import split_graph

        # the same graph with its weights in a file of their own opens ~3x faster (made once, in the user cache)
        graph = split_graph(graph, entry["sha256"]) or graph
        return OnnxQueryEncoder(graph, tokenizer_file, model["dim"], entry["max_seq_length"], model["id"], threads), ""
    except ImportError as e:
        return None, f"{e.name} is not installed"
    except Exception as e:
        return None, f"{type(e).__name__}: {str(e).splitlines()[0][:200] if str(e) else ''}"


def load_query_encoder(data, threads: int | None = None) -> OnnxQueryEncoder | None:
    """The fast encoder for a loaded :class:`rag.store.IndexData`, or None (use sentence-transformers)."""
    return load_with_reason(data, threads)[0]
