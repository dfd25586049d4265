"""Every default in one place: paths, model, retrieval and answer settings.

Values can be overridden by environment variables (``RAG_INDEX_DIR``, ``RAG_SEEDS_DIR``,
``RAG_MODEL``) or by passing fields to :class:`Settings` (the CLI does the latter).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"

#: The bundled embedding model and the sha256 of its files in the official release.
DEFAULT_MODEL = "all-MiniLM-L6-v2"
KNOWN_MODEL_FILES: dict[str, dict[str, str]] = {
    DEFAULT_MODEL: {
        "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
        "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    }
}

#: Bump when chunking output changes, so that older indexes are rebuilt.
CHUNKER_VERSION = "2"

#: Section headings of CQC local authority reports (others are detected by shape).
KNOWN_SECTIONS = (
    "Continuous learning, improvement and professional development",
    "Learning from feedback",
)

#: The quality statements of CQC's local authority assessment framework.
QUALITY_STATEMENTS = (
    "Assessing needs",
    "Supporting people to live healthier lives",
    "Equity in experience and outcomes",
    "Care provision, integration and continuity",
    "Partnerships and communities",
    "Safe pathways, systems and transitions",
    "Safeguarding",
    "Governance, management and sustainability",
    "Learning, improvement and innovation",
)

ABSTAIN_MESSAGE = "The reports in this index don't answer this."


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value) if value else default


@dataclass(frozen=True)
class Settings:
    """Configuration for building, loading and querying an index."""

    seeds_dir: Path = field(default_factory=lambda: _env_path("RAG_SEEDS_DIR", PROJECT_ROOT / "seeds"))
    index_dir: Path = field(default_factory=lambda: _env_path("RAG_INDEX_DIR", PROJECT_ROOT / "index"))
    model: str = field(default_factory=lambda: os.environ.get("RAG_MODEL", DEFAULT_MODEL))
    batch_size: int = 32

    # Corpus limits
    max_document_bytes: int = 5_000_000

    # Retrieval
    k: int = 5
    retriever: str = "hybrid"  # dense | bm25 | hybrid
    fusion: str = "weighted"  # weighted | rrf
    dense_weight: float = 0.5  # weight of the dense score in weighted fusion (bm25 gets 1 - this)
    rrf_k: int = 60
    sentence_weight: float = 0.3  # dense score = mix of passage similarity and best sentence similarity
    authority_boost: float = 0.25  # added to fused scores of passages of an authority named in the question
    candidates: int = 50  # per-retriever candidates before fusion
    compose_k: int = 5  # the answer is composed from at most this many top passages

    # Questions
    max_question_chars: int = 1000

    # Answer composition
    max_answer_sentences: int = 3
    mmr_lambda: float = 0.7
    #: Abstain when the best sentence's relevance is below this. Calibrated on eval/gold.jsonl
    #: by ``rag eval --calibrate`` (see README, "Abstention").
    abstain_threshold: float = 0.279

    # FAISS: exact search up to this many passages, HNSW above.
    flat_index_max: int = 200_000

    def with_overrides(self, **changes) -> "Settings":
        """A copy with the given fields changed; ``None`` values are ignored."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
