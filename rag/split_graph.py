"""A copy of the query encoder's graph with its weights in a file of their own, kept in the user cache.

onnxruntime parses a graph whose weights are inside the protobuf (``query_encoder.onnx``, ~90 MB) in
~0.2 s; the same graph with its weights in an external data file opens in ~0.05 s (measured here, on
the all-MiniLM-L6-v2 export), and gives bit-identical outputs: the copy is written by onnxruntime itself
from the verified graph, with every graph optimisation off, so that nothing but the layout changes.

The copy is made once per graph (keyed by the graph's sha256) into ``$XDG_CACHE_HOME/rag/query-encoder/
split-<sha256>/``, with ``entry.json`` recording the sha256 of both files; a later use checks them like
any index file (:func:`rag.embedding.cached_file_sha256`: hashed once, then trusted while provably
unchanged); a damaged copy is made again. Anything unwritable only means the graph itself is opened.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

GRAPH_FILE = "model.onnx"
WEIGHTS_FILE = "model.onnx.data"
#: Bump when the way the copy is written changes, so that older copies are not used.
SPLIT_FORMAT = 1
#: Tensors at least this large go to the weights file (the small ones stay in the graph).
MIN_EXTERNAL_BYTES = 1024


def split_folder(graph_sha: str) -> Path:
    """The user-cache folder of the split copy of the graph with this sha256."""
    from .embedding import user_cache_dir

    return user_cache_dir() / "query-encoder" / f"split-{graph_sha[:32]}-f{SPLIT_FORMAT}"


def _intact(folder: Path, graph_sha: str) -> bool:
    """Whether ``folder`` holds a complete copy of the graph ``graph_sha`` whose files match their checksums."""
    from .embedding import cached_file_sha256

    try:
        entry = json.loads((folder / "entry.json").read_text(encoding="utf-8"))
        if entry.get("source_sha256") != graph_sha or entry.get("format") != SPLIT_FORMAT:
            return False
        files = entry["files"]
        return all(cached_file_sha256(folder / name, files[name]) == files[name] for name in (GRAPH_FILE, WEIGHTS_FILE))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def _write(graph: Path, graph_sha: str, folder: Path) -> None:
    """Write the split copy of ``graph`` into a private folder, then rename it to ``folder``."""
    import onnxruntime as ort

    from .embedding import file_sha256

    work = folder.with_name(f".{folder.name}.{os.getpid()}-{time.monotonic_ns() % 10**6}.partial")
    try:
        work.mkdir(parents=True)
        options = ort.SessionOptions()
        options.log_severity_level = 3
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL  # the layout changes, nothing else
        options.optimized_model_filepath = str(work / GRAPH_FILE)
        options.add_session_config_entry("session.optimized_model_external_initializers_file_name", WEIGHTS_FILE)
        options.add_session_config_entry("session.optimized_model_external_initializers_min_size_in_bytes",
                                         str(MIN_EXTERNAL_BYTES))
        ort.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
        entry = {"format": SPLIT_FORMAT, "source_sha256": graph_sha, "onnxruntime": ort.__version__,
                 "files": {name: file_sha256(work / name) for name in (GRAPH_FILE, WEIGHTS_FILE)}}
        (work / "entry.json").write_text(json.dumps(entry, indent=1), encoding="utf-8")
        try:
            os.rename(work, folder)
        except OSError:  # another process got there first: its copy is checked like any other
            pass
    finally:
        shutil.rmtree(work, ignore_errors=True)


def split_graph(graph: Path, graph_sha: str) -> Path | None:
    """The split copy of ``graph`` (whose sha256, already verified, is ``graph_sha``), made on first use;
    None when it cannot be made or read (the caller opens ``graph`` itself). Never raises."""
    try:
        folder = split_folder(graph_sha)
        if not _intact(folder, graph_sha):
            shutil.rmtree(folder, ignore_errors=True)  # a damaged or outdated copy: made again
            _write(Path(graph), graph_sha, folder)
            if not _intact(folder, graph_sha):
                return None
        return folder / GRAPH_FILE
    except Exception:
        return None
